"""Read-only queries behind the desktop app's screens (dashboard, cash book, activity lists).

Nothing here writes; every function opens its own read-only session and returns frozen
dataclasses, so the results may cross threads. Loans outstanding come from the ledger (account 1.20);
PAR30 and the loans due this week from the loan subledger.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import and_, func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    FiscalPeriod,
    JournalEntry,
    JournalLine,
    Loan,
    LoanAllocation,
    LoanInstallment,
    Member,
    MemberVulnerability,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    VulnerabilityCategory,
)
from ..domain import accounts
from ..domain.vocabulary import LoanStatus, MemberStatus
from ..errors import NotFound
from .auth import Actor, require_group_visible, require_read_all, visible_groups
from .common_reads import reversed_savings_tx
from .uow import read_only

ACTIVE = (MemberStatus.ACTIVE, MemberStatus.CANDIDATE)


@dataclass(frozen=True)
class CountRow:
    key: str
    label_id: str
    label_en: str
    count: int


@dataclass(frozen=True)
class SavingsTotal:
    product_code: str
    product_name: str
    kind: str
    total: int
    accounts: int


@dataclass(frozen=True)
class Dashboard:
    as_of: dt.date
    members_active: int
    members_total: int
    members_new_this_month: int
    by_gender: tuple[CountRow, ...]
    by_category: tuple[CountRow, ...]
    savings: tuple[SavingsTotal, ...]
    cash: int  # Kas + Bank
    loans_outstanding: int  # ledger 1.20
    income_ytd: int
    expense_ytd: int
    loan_figures: LoanFigures

    @property
    def savings_total(self) -> int:
        return sum(s.total for s in self.savings)

    @property
    def surplus_ytd(self) -> int:
        return self.income_ytd - self.expense_ytd


def _ledger_sum(
    s: Session, types: tuple[str, ...], date_from: dt.date | None, as_of: dt.date
) -> int:
    q = (
        select(
            Account.type,
            func.coalesce(func.sum(JournalLine.debit), 0),
            func.coalesce(func.sum(JournalLine.credit), 0),
        )
        .join(JournalLine, JournalLine.account_id == Account.id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(Account.type.in_(types), JournalEntry.date <= as_of)
        .group_by(Account.type)
    )
    if date_from is not None:
        q = q.where(JournalEntry.date >= date_from)
    total = 0
    for typ, d, c in s.execute(q):
        total += int(d) - int(c) if typ in ("asset", "expense") else int(c) - int(d)
    return total


def _accounts_balance(s: Session, codes: tuple[str, ...], as_of: dt.date) -> int:
    d, c = s.execute(
        select(
            func.coalesce(func.sum(JournalLine.debit), 0),
            func.coalesce(func.sum(JournalLine.credit), 0),
        )
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(Account.code.in_(codes), JournalEntry.date <= as_of)
    ).one()
    return int(d) - int(c)


@dataclass(frozen=True)
class LoanFigures:
    """The loan numbers of the dashboard."""

    active: int
    par30: Decimal  # % of the outstanding principal 30+ days past due
    at_risk30: int  # that outstanding, in rupiah
    late: int  # loans with any arrears
    due_this_week: int  # unpaid installments falling due in the 7 days from the date
    by_class: tuple[tuple[str, int, int], ...] = ()  # (kolektibilitas, loans, outstanding)


def loan_figures_in(s: Session, as_of: dt.date) -> LoanFigures:
    from ..domain.arrears import CLASSES, LoanSnapshot, par
    from .loans.quality import qualities_in

    items = qualities_in(s, as_of)
    snaps = [LoanSnapshot(q.outstanding, q.dpd, q.due_to_date, q.paid_to_date) for q in items]
    week_end = as_of + dt.timedelta(days=6)
    window = and_(
        Loan.status == LoanStatus.ACTIVE,
        LoanInstallment.superseded_on.is_(None),
        LoanInstallment.due_date >= as_of,
        LoanInstallment.due_date <= week_end,
    )
    scheduled = s.scalar(
        select(
            func.coalesce(
                func.sum(
                    LoanInstallment.principal + LoanInstallment.interest + LoanInstallment.fee
                ),
                0,
            )
        )
        .join(Loan, Loan.id == LoanInstallment.loan_id)
        .where(window)
    )
    paid = s.scalar(
        select(func.coalesce(func.sum(LoanAllocation.amount), 0))
        .join(LoanInstallment, LoanInstallment.id == LoanAllocation.installment_id)
        .join(Loan, Loan.id == LoanInstallment.loan_id)
        .where(window, LoanAllocation.component != "penalty")
    )
    return LoanFigures(
        sum(1 for q in items if q.status == LoanStatus.ACTIVE),
        par(snaps, 30),
        sum(q.outstanding for q in items if q.dpd >= 30),
        sum(1 for q in items if q.late),
        int(scheduled or 0) - int(paid or 0),
        tuple(
            (
                c,
                sum(1 for q in items if q.kolektibilitas == c),
                sum(q.outstanding for q in items if q.kolektibilitas == c),
            )
            for c in CLASSES
        ),
    )


@dataclass(frozen=True)
class DueRow:
    loan_number: str
    member_number: str
    member_name: str
    group_code: str | None
    due_date: dt.date  # the earliest unpaid installment in the window
    unpaid: int  # unpaid principal + interest + fee of the window's installments


def loans_due_between(
    db: Database,
    start: dt.date,
    end: dt.date,
    actor: Actor | None = None,
) -> list[DueRow]:
    """Active loans with installments falling due from ``start`` to ``end`` and what is still
    unpaid on them (the list behind the dashboard's "due this week"); a ketua kelompok's
    list holds only loans of members of their groups."""
    from ..db.models import Group

    scope = visible_groups(actor)
    with read_only(db) as s:
        window = and_(
            Loan.status == LoanStatus.ACTIVE,
            LoanInstallment.superseded_on.is_(None),
            LoanInstallment.due_date >= start,
            LoanInstallment.due_date <= end,
        )
        paid_q = (
            select(
                LoanAllocation.installment_id.label("iid"),
                func.sum(LoanAllocation.amount).label("paid"),
            )
            .where(LoanAllocation.component != "penalty")
            .group_by(LoanAllocation.installment_id)
            .subquery()
        )
        unpaid = (
            LoanInstallment.principal
            + LoanInstallment.interest
            + LoanInstallment.fee
            - func.coalesce(paid_q.c.paid, 0)
        )
        q = (
            select(
                Loan.number,
                Member.number,
                Member.name,
                Group.code,
                func.min(LoanInstallment.due_date),
                func.sum(unpaid),
            )
            .select_from(LoanInstallment)
            .join(Loan, Loan.id == LoanInstallment.loan_id)
            .join(Member, Member.id == Loan.member_id)
            .outerjoin(Group, Group.id == Loan.group_id)
            .outerjoin(paid_q, paid_q.c.iid == LoanInstallment.id)
            .where(window, *([Member.group_id.in_(scope)] if scope is not None else []))
            .group_by(Loan.number, Member.number, Member.name, Group.code)
            .having(func.sum(unpaid) > 0)
            .order_by(func.min(LoanInstallment.due_date), Loan.number)
        )
        return [DueRow(ln, mn, name, g, d, int(u)) for ln, mn, name, g, d, u in s.execute(q)]


def dashboard(db: Database, as_of: dt.date, actor: Actor | None = None) -> Dashboard:
    """The numbers on the Beranda page, as of ``as_of`` (the cooperative's totals: not for a
    ketua kelompok)."""
    require_read_all(actor, "Beranda (angka seluruh koperasi)")
    with read_only(db) as s:
        active = Member.status.in_(ACTIVE)
        total = int(s.scalar(select(func.count(Member.id))) or 0)
        n_active = int(s.scalar(select(func.count(Member.id)).where(active)) or 0)
        month_start = as_of.replace(day=1)
        new = int(
            s.scalar(
                select(func.count(Member.id)).where(
                    Member.join_date >= month_start, Member.join_date <= as_of
                )
            )
            or 0
        )
        genders = dict(
            s.execute(
                select(Member.gender, func.count(Member.id)).where(active).group_by(Member.gender)
            ).all()
        )
        by_gender = (
            CountRow("P", "Perempuan", "Women", int(genders.get("P", 0))),
            CountRow("L", "Laki-laki", "Men", int(genders.get("L", 0))),
        )
        cat_rows = s.execute(
            select(
                VulnerabilityCategory.code,
                VulnerabilityCategory.name_id,
                VulnerabilityCategory.name_en,
                func.count(Member.id),
            )
            .select_from(VulnerabilityCategory)
            .outerjoin(
                MemberVulnerability, MemberVulnerability.category_id == VulnerabilityCategory.id
            )
            .outerjoin(Member, and_(Member.id == MemberVulnerability.member_id, active))
            .where(VulnerabilityCategory.active.is_(True))
            .group_by(
                VulnerabilityCategory.id,
                VulnerabilityCategory.code,
                VulnerabilityCategory.name_id,
                VulnerabilityCategory.name_en,
            )
            .order_by(VulnerabilityCategory.id)
        ).all()
        by_category = tuple(CountRow(c, n_id, n_en, int(n)) for c, n_id, n_en, n in cat_rows)
        sav_rows = s.execute(
            select(
                SavingsProduct.code,
                SavingsProduct.name,
                SavingsProduct.kind,
                func.coalesce(func.sum(SavingsAccount.balance), 0),
                func.count(SavingsAccount.id),
            )
            .select_from(SavingsProduct)
            .outerjoin(SavingsAccount, SavingsAccount.product_id == SavingsProduct.id)
            .group_by(
                SavingsProduct.id, SavingsProduct.code, SavingsProduct.name, SavingsProduct.kind
            )
            .order_by(SavingsProduct.id)
        ).all()
        savings = tuple(SavingsTotal(c, n, k, int(t), int(a)) for c, n, k, t, a in sav_rows)
        cash = _accounts_balance(s, accounts.CASH_AND_BANK, as_of)
        loans = _accounts_balance(s, (accounts.LOANS,), as_of)
        year_start = dt.date(as_of.year, 1, 1)
        income = _ledger_sum(s, ("income",), year_start, as_of)
        expense = _ledger_sum(s, ("expense",), year_start, as_of)
        loan_figures = loan_figures_in(s, as_of)
    return Dashboard(
        as_of,
        n_active,
        total,
        new,
        by_gender,
        by_category,
        savings,
        cash,
        loans,
        income,
        expense,
        loan_figures,
    )


def open_period(db: Database, today: dt.date) -> str:
    """``YYYY-MM`` of the first month after the last closed one (today's month if none)."""
    with read_only(db) as s:
        last = s.execute(
            select(FiscalPeriod.year, FiscalPeriod.month)
            .where(FiscalPeriod.status == "closed")
            .order_by(FiscalPeriod.year.desc(), FiscalPeriod.month.desc())
            .limit(1)
        ).first()
    if last is None:
        return f"{today.year}-{today.month:02d}"
    y, m = (last[0] + 1, 1) if last[1] == 12 else (last[0], last[1] + 1)
    return f"{y}-{m:02d}"


@dataclass(frozen=True)
class CashBookRow:
    entry_id: int
    date: dt.date
    receipt_no: str | None
    description: str
    debit: int  # money in
    credit: int  # money out
    balance: int


@dataclass(frozen=True)
class CashBook:
    account_code: str
    account_name: str
    date_from: dt.date
    date_to: dt.date
    opening: int
    rows: tuple[CashBookRow, ...]
    closing: int


def cash_book(
    db: Database,
    account_code: str,
    date_from: dt.date,
    date_to: dt.date,
    actor: Actor | None = None,
) -> CashBook:
    """Buku kas: every movement of a cash or bank account with the running balance."""
    require_read_all(actor, "Buku kas")
    with read_only(db) as s:
        acct = s.scalar(select(Account).where(Account.code == account_code))
        if acct is None:
            raise NotFound(what="Akun", key=account_code)
        opening = _accounts_balance(s, (account_code,), date_from - dt.timedelta(days=1))
        rows = s.execute(
            select(
                JournalEntry.id,
                JournalEntry.date,
                JournalEntry.receipt_no,
                JournalEntry.description,
                func.sum(JournalLine.debit),
                func.sum(JournalLine.credit),
            )
            .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .where(
                JournalLine.account_id == acct.id,
                JournalEntry.date >= date_from,
                JournalEntry.date <= date_to,
            )
            .group_by(
                JournalEntry.id,
                JournalEntry.date,
                JournalEntry.receipt_no,
                JournalEntry.description,
            )
            .order_by(JournalEntry.date, JournalEntry.id)
        ).all()
        running, out = opening, []
        for eid, d, receipt, desc, debit, credit in rows:
            running += int(debit) - int(credit)
            out.append(CashBookRow(eid, d, receipt, desc, int(debit), int(credit), running))
        return CashBook(account_code, acct.name, date_from, date_to, opening, tuple(out), running)


@dataclass(frozen=True)
class SavingsActivityRow:
    id: int
    date: dt.date
    receipt_no: str | None
    member_number: str
    member_name: str
    product_code: str
    kind: str
    amount: int  # signed
    journal_entry_id: int
    reversed: bool
    memo: str


def savings_activity(
    db: Database,
    before_id: int | None = None,
    limit: int = 200,
    member_number: str | None = None,
    actor: Actor | None = None,
) -> list[SavingsActivityRow]:
    """Latest savings transactions first (keyset on id, ``before_id`` from the last row); a
    ketua kelompok's list holds only members of their groups."""
    scope = visible_groups(actor)
    with read_only(db) as s:
        q = (
            select(
                SavingsTransaction.id,
                SavingsTransaction.date,
                SavingsTransaction.receipt_no,
                Member.number,
                Member.name,
                SavingsProduct.code,
                SavingsTransaction.kind,
                SavingsTransaction.amount,
                SavingsTransaction.journal_entry_id,
                reversed_savings_tx(),
                SavingsTransaction.memo,
            )
            .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
            .join(Member, Member.id == SavingsAccount.member_id)
            .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
            .order_by(SavingsTransaction.id.desc())
            .limit(limit)
        )
        if before_id is not None:
            q = q.where(SavingsTransaction.id < before_id)
        if member_number:
            q = q.where(Member.number == member_number)
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        return [
            SavingsActivityRow(
                i, d, r, num, name, code, kind, int(amount), int(eid), bool(rev), memo or ""
            )
            for i, d, r, num, name, code, kind, amount, eid, rev, memo in s.execute(q)
        ]


@dataclass(frozen=True)
class MemberLedgerRow:
    entry_id: int
    date: dt.date
    receipt_no: str | None
    description: str
    account_code: str
    account_name: str
    debit: int
    credit: int


def member_ledger(
    db: Database,
    member_number: str,
    limit: int = 500,
    actor: Actor | None = None,
) -> list[MemberLedgerRow]:
    """Every journal line tagged with the member, newest first (the Transaksi tab)."""
    with read_only(db) as s:
        found = s.execute(
            select(Member.id, Member.group_id).where(Member.number == member_number)
        ).first()
        if found is None:
            raise NotFound(what="Anggota", key=member_number)
        mid = found[0]
        require_group_visible(actor, found[1], "Anggota", member_number)
        rows = s.execute(
            select(
                JournalEntry.id,
                JournalEntry.date,
                JournalEntry.receipt_no,
                JournalEntry.description,
                Account.code,
                Account.name,
                JournalLine.debit,
                JournalLine.credit,
            )
            .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .join(Account, Account.id == JournalLine.account_id)
            .where(JournalLine.member_id == mid, Account.code.not_in(accounts.CASH_AND_BANK))
            .order_by(JournalEntry.date.desc(), JournalEntry.id.desc(), JournalLine.id)
            .limit(limit)
        ).all()
        return [MemberLedgerRow(*r[:6], int(r[6]), int(r[7])) for r in rows]

"""Savings (simpanan): deposits, withdrawals, balances, statements, wajib arrears, interest.

Every movement writes a savings transaction row and posts its journal entry in the same
unit of work. Pokok and wajib are the member's capital (equity): they are paid out only
when membership ends. Sukarela is a liability and may be withdrawn down to its minimum.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, func, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..db.database import Database
from ..db.models import (
    JournalEntry,
    Member,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    TimeDeposit,
    TimeDepositEvent,
)
from ..domain import accounts
from ..domain.money import format_rupiah, round_money
from ..domain.vocabulary import SAVINGS_TX_KIND_LABELS, DepositStatus
from ..errors import NotFound, ValidationError
from . import approvals, audit, clock, ledger, plausibility
from .auth import Actor, require, require_group_visible
from .counters import SERIES_SAVINGS, next_receipt
from .ledger import Line
from .members import member_by_number
from .settings import rounding_in
from .uow import read_only, unit_of_work
from .validation import check_amount, clean_memo

CASH = accounts.CASH
PPH_THRESHOLD = 240_000  # PP 15/2009: monthly interest above this bears 10 % final tax
PPH_RATE = Decimal("10")

KIND_LABELS = SAVINGS_TX_KIND_LABELS


@dataclass(frozen=True)
class ProductView:
    code: str
    name: str
    kind: str
    fixed_amount: int
    min_balance: int
    interest_rate_pa: Decimal
    min_balance_for_interest: int
    account_code: str
    active: bool


@dataclass(frozen=True)
class SavingsTxView:
    id: int
    receipt_no: str | None
    member_number: str
    member_name: str
    product_code: str
    product_name: str
    date: dt.date
    kind: str
    amount: int  # signed
    balance_after: int
    journal_entry_id: int
    memo: str


@dataclass(frozen=True)
class BalanceRow:
    product_code: str
    product_name: str
    kind: str
    account_number: str
    balance: int


@dataclass(frozen=True)
class StatementRow:
    id: int
    date: dt.date
    receipt_no: str | None
    kind: str
    memo: str
    debit: int  # money out
    credit: int  # money in
    balance: int


@dataclass(frozen=True)
class Statement:
    member_number: str
    member_name: str
    product_code: str
    product_name: str
    account_number: str
    date_from: dt.date
    date_to: dt.date
    opening: int
    rows: tuple[StatementRow, ...]
    closing: int

    @property
    def total_in(self) -> int:
        return sum(r.credit for r in self.rows)

    @property
    def total_out(self) -> int:
        return sum(r.debit for r in self.rows)


@dataclass(frozen=True)
class WajibArrears:
    member_number: str
    monthly: int
    months_due: int
    expected: int
    paid: int

    @property
    def arrears(self) -> int:
        return max(0, self.expected - self.paid)

    @property
    def months_in_arrears(self) -> int:
        return 0 if self.monthly == 0 else -(-self.arrears // self.monthly)


# ---------------------------------------------------------------- helpers in a session


def product_by_code(session: Session, code: str) -> SavingsProduct:
    p = session.scalars(
        select(SavingsProduct).where(SavingsProduct.code == code.strip().upper())
    ).first()
    if p is None:
        raise NotFound(what="Produk simpanan", key=code)
    return p


def product_of_kind(session: Session, kind: str) -> SavingsProduct:
    p = session.scalars(
        select(SavingsProduct)
        .where(SavingsProduct.kind == kind, SavingsProduct.active.is_(True))
        .order_by(SavingsProduct.id)
    ).first()
    if p is None:
        raise NotFound(what="Produk simpanan", key=kind)
    return p


def account_for(
    session: Session,
    member: Member,
    product: SavingsProduct,
    *,
    lock: bool = True,
    open_on: dt.date | None = None,
) -> SavingsAccount:
    """The member's account for ``product`` (locked FOR UPDATE), opened if missing."""
    q = select(SavingsAccount).where(
        SavingsAccount.member_id == member.id, SavingsAccount.product_id == product.id
    )
    if lock:
        q = q.with_for_update()
    acct = session.scalars(q).first()
    if acct is None:
        acct = SavingsAccount(
            number=f"{member.number}-{product.code}",
            member_id=member.id,
            product_id=product.id,
            opened_on=open_on or member.join_date,
            balance=0,
        )
        session.add(acct)
        session.flush()
    return acct


def balance_at(session: Session, account_id: int, as_of: dt.date) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(SavingsTransaction.amount), 0)).where(
                SavingsTransaction.account_id == account_id, SavingsTransaction.date <= as_of
            )
        )
        or 0
    )


def record_in(
    session: Session,
    actor: Actor,
    account: SavingsAccount,
    amount: int,
    date: dt.date,
    kind: str,
    journal_entry_id: int,
    receipt_no: str | None = None,
    memo: str = "",
    reverses_id: int | None = None,
) -> SavingsTransaction:
    """Write one subledger row and move the account balance. The caller posts the journal
    entry (with a line on the product's account) in the same session.

    Core statements rather than an ORM flush (this runs for every deposit of a group
    meeting); the account object is told its new balance as the database now holds it."""
    memo = clean_memo(memo)
    tx = SavingsTransaction(
        account_id=account.id,
        date=date,
        kind=kind,
        amount=amount,
        receipt_no=receipt_no,
        journal_entry_id=journal_entry_id,
        memo=memo,
        reverses_id=reverses_id,
        created_by=actor.username,
    )
    conn = session.connection()
    tx.id = conn.execute(
        _TX_INSERT,
        {
            "account_id": account.id,
            "date": date,
            "kind": kind,
            "amount": amount,
            "receipt_no": receipt_no,
            "journal_entry_id": journal_entry_id,
            "memo": memo,
            "reverses_id": reverses_id,
            "created_by": actor.username,
        },
    ).scalar_one()
    conn.execute(_BALANCE_UPDATE, {"account": account.id, "amount": amount})
    set_committed_value(account, "balance", account.balance + amount)
    return tx


_TX_TABLE = cast(Table, SavingsTransaction.__table__)  # a mapped class's table is a Table
_TX_INSERT = _TX_TABLE.insert().returning(_TX_TABLE.c.id)
_ACCOUNTS = cast(Table, SavingsAccount.__table__)
_BALANCE_UPDATE = (
    _ACCOUNTS.update()
    .where(_ACCOUNTS.c.id == bindparam("account"))
    .values(balance=_ACCOUNTS.c.balance + bindparam("amount"))
)


def _view(session: Session, tx: SavingsTransaction, account: SavingsAccount) -> SavingsTxView:
    member = session.get(Member, account.member_id)
    product = session.get(SavingsProduct, account.product_id)
    assert member is not None and product is not None
    return SavingsTxView(
        tx.id,
        tx.receipt_no,
        member.number,
        member.name,
        product.code,
        product.name,
        tx.date,
        tx.kind,
        tx.amount,
        account.balance,
        tx.journal_entry_id,
        tx.memo,
    )


def _check_member_active(member: Member) -> None:
    if member.status in ("keluar", "meninggal"):
        raise ValidationError(
            "member", "member_not_active", member=member.number, status=member.status
        )


def deposit_in(
    session: Session,
    actor: Actor,
    member: Member,
    product: SavingsProduct,
    amount: int,
    date: dt.date,
    memo: str = "",
    cash_account: str = CASH,
    receipt_no: str | None = None,
) -> SavingsTxView:
    check_amount(amount)
    _check_member_active(member)
    if date < member.join_date:
        raise ValidationError("date", "date_before", other=member.join_date.isoformat())
    account = account_for(session, member, product, open_on=date)
    if product.kind == "pokok":
        if account.balance >= product.fixed_amount > 0:
            raise ValidationError("amount", "pokok_already_paid", member=member.number)
        expected = product.fixed_amount - account.balance
        if product.fixed_amount and amount != expected:
            raise ValidationError(
                "amount", "fixed_amount", product=product.name, expected=format_rupiah(expected)
            )
    if product.min_balance and account.balance + amount < product.min_balance:
        raise ValidationError(
            "amount",
            "below_minimum",
            product=product.name,
            minimum=format_rupiah(product.min_balance),
        )
    receipt = receipt_no or next_receipt(session, SERIES_SAVINGS, date.year)
    text = memo or f"Setoran {product.name} {member.number} {member.name}"
    entry = ledger.post(
        session,
        actor,
        date,
        text,
        [
            Line(cash_account, debit=amount, member_id=member.id),
            Line(product.account_code, credit=amount, member_id=member.id),
        ],
        source="simpanan",
        source_ref=account.number,
        receipt_no=receipt,
    )
    tx = record_in(session, actor, account, amount, date, "setor", entry.id, receipt, memo)
    view = _view(session, tx, account)
    audit.record(session, actor, "savings.deposit", "savings_account", account.number, after=view)
    return view


def withdraw_in(
    session: Session,
    actor: Actor,
    member: Member,
    product: SavingsProduct,
    amount: int,
    date: dt.date,
    memo: str = "",
    cash_account: str = CASH,
    *,
    at_exit: bool = False,
    kind: str = "tarik",
) -> SavingsTxView:
    check_amount(amount)
    if not at_exit:
        _check_member_active(member)
        if product.kind in ("pokok", "wajib"):
            raise ValidationError("product", "withdraw_only_at_exit", product=product.name)
    account = account_for(session, member, product)
    floor = 0 if at_exit else product.min_balance
    available = min(account.balance, balance_at(session, account.id, date)) - floor
    if amount > available:
        # the block is the minimum balance when the amount is within what is there
        keeps_minimum = floor > 0 and amount <= available + floor
        raise ValidationError(
            "amount",
            "insufficient_keep_minimum" if keeps_minimum else "insufficient_balance",
            amount=format_rupiah(amount),
            available=format_rupiah(max(0, available)),
            minimum=format_rupiah(floor),
        )
    receipt = next_receipt(session, SERIES_SAVINGS, date.year)
    text = memo or f"Penarikan {product.name} {member.number} {member.name}"
    entry = ledger.post(
        session,
        actor,
        date,
        text,
        [
            Line(product.account_code, debit=amount, member_id=member.id),
            Line(cash_account, credit=amount, member_id=member.id),
        ],
        source="simpanan",
        source_ref=account.number,
        receipt_no=receipt,
    )
    tx = record_in(session, actor, account, -amount, date, kind, entry.id, receipt, memo)
    view = _view(session, tx, account)
    audit.record(session, actor, "savings.withdraw", "savings_account", account.number, after=view)
    return view


def pay_out_all_in(
    session: Session, actor: Actor, member: Member, date: dt.date, reason: str
) -> tuple[int, list[str]]:
    """At exit: pay out every savings balance in cash. Returns (total, receipts). The
    member's time deposits are closed first (:mod:`koperasi.services.member_exit`)."""
    total, receipts = 0, []
    rows = session.execute(
        select(SavingsAccount, SavingsProduct)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(SavingsAccount.member_id == member.id, SavingsAccount.balance > 0)
        .order_by(SavingsProduct.id)
        .with_for_update(of=SavingsAccount)
    ).all()
    for acct, product in rows:
        amount = acct.balance
        view = withdraw_in(
            session,
            actor,
            member,
            product,
            amount,
            date,
            memo=f"Keluar: {reason}",
            at_exit=True,
            kind="keluar",
        )
        total += amount
        if view.receipt_no:
            receipts.append(view.receipt_no)
    return total, receipts


def reverse_transaction_in(
    session: Session, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> int:
    """Reverse the savings transaction(s) behind journal entry ``entry_id``; returns the new
    entry's id. The balance after the reversal may not go below zero."""
    txs = session.scalars(
        select(SavingsTransaction).where(SavingsTransaction.journal_entry_id == entry_id)
    ).all()
    if not txs:
        raise NotFound(what="Transaksi simpanan", key=entry_id)
    source = session.scalar(select(JournalEntry.source).where(JournalEntry.id == entry_id))
    if source == "berjangka":  # the time deposit moves with it: its own service undoes it
        raise ValidationError("entry", "td_reverse_here", entry=entry_id)
    new_entry = ledger.post_reversal(session, actor, entry_id, date, reason)
    for tx in txs:
        account = session.get(SavingsAccount, tx.account_id, with_for_update=True)
        assert account is not None
        if account.balance - tx.amount < 0:
            raise ValidationError(
                "amount",
                "insufficient_balance",
                amount=format_rupiah(tx.amount),
                available=format_rupiah(account.balance),
            )
        record_in(
            session,
            actor,
            account,
            -tx.amount,
            date,
            "koreksi",
            new_entry.id,
            tx.receipt_no,
            f"Pembalikan: {reason}",
            reverses_id=tx.id,
        )
    return new_entry.id


# ---------------------------------------------------------------- use cases


def deposit(
    db: Database,
    actor: Actor,
    member_no: str,
    product_code: str,
    amount: int,
    date: dt.date,
    memo: str = "",
    *,
    confirm_large: bool = False,
) -> SavingsTxView:
    """Take a deposit in cash: Dr Kas, Cr the product's savings account. An amount above
    the product's plausibility ceiling needs ``confirm_large`` (services/plausibility.py)."""
    require(actor, "savings.write")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        product = product_by_code(s, product_code)
        kind = plausibility.deposit_kind(product.code)
        limits = plausibility.Limits(s, [kind], confirmed=confirm_large)
        view = deposit_in(s, actor, member, product, amount, date, memo)
        # after the other checks (their message comes first); a refusal rolls back
        limits.check(kind, amount, product_name=product.name)
        return view


def withdraw(
    db: Database,
    actor: Actor,
    member_no: str,
    product_code: str,
    amount: int,
    date: dt.date,
    memo: str = "",
    *,
    confirm_large: bool = False,
) -> SavingsTxView:
    """Pay out in cash, keeping the product's minimum balance; pokok/wajib only at exit.
    An amount above the withdrawal plausibility ceiling needs ``confirm_large``."""
    require(actor, "savings.write")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        limits = plausibility.Limits(s, [plausibility.WITHDRAWAL], confirmed=confirm_large)
        view = withdraw_in(s, actor, member, product_by_code(s, product_code), amount, date, memo)
        limits.check(plausibility.WITHDRAWAL, amount)
        return view


def reverse_transaction(
    db: Database, actor: Actor, tx_id: int, date: dt.date, reason: str
) -> SavingsTxView:
    """Correct a mistaken savings transaction with a linked reversal (nothing is deleted).
    With four-eyes on reversals this is refused: ``approvals.request`` asks a second user."""
    require(actor, "savings.write")
    reason = clean_memo(reason, "reason")
    if not (reason or "").strip():
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        approvals.require_no_gate(s, "savings_reversal")
        return reverse_savings_in(s, actor, tx_id, date, reason)


def reverse_savings_in(
    s: Session, actor: Actor, tx_id: int, date: dt.date, reason: str
) -> SavingsTxView:
    """See :func:`reverse_transaction` (in the caller's unit of work)."""
    if not (reason or "").strip():
        raise ValidationError("reason", "required")
    tx = s.get(SavingsTransaction, tx_id)
    if tx is None:
        raise NotFound(what="Transaksi simpanan", key=tx_id)
    new_entry_id = reverse_transaction_in(s, actor, tx.journal_entry_id, date, reason)
    new_tx = s.scalars(
        select(SavingsTransaction).where(
            SavingsTransaction.journal_entry_id == new_entry_id,
            SavingsTransaction.reverses_id == tx.id,
        )
    ).one()
    account = s.get(SavingsAccount, new_tx.account_id)
    assert account is not None
    view = _view(s, new_tx, account)
    audit.record(s, actor, "savings.reverse", "savings_transaction", tx_id, after=view)
    return view


def list_products(db: Database) -> list[ProductView]:
    with read_only(db) as s:
        return [
            ProductView(
                p.code,
                p.name,
                p.kind,
                p.fixed_amount,
                p.min_balance,
                p.interest_rate_pa,
                p.min_balance_for_interest,
                p.account_code,
                p.active,
            )
            for p in s.scalars(select(SavingsProduct).order_by(SavingsProduct.id))
        ]


def update_product(
    db: Database,
    actor: Actor,
    code: str,
    *,
    name: str | None = None,
    fixed_amount: int | None = None,
    min_balance: int | None = None,
    interest_rate_pa: Decimal | None = None,
    min_balance_for_interest: int | None = None,
) -> ProductView:
    """Change a product's rules (amounts apply to future transactions)."""
    require(actor, "savings.product.write")
    with unit_of_work(db) as s:
        p = product_by_code(s, code)
        before = {
            "name": p.name,
            "fixed_amount": p.fixed_amount,
            "min_balance": p.min_balance,
            "interest_rate_pa": p.interest_rate_pa,
        }
        if name is not None:
            p.name = name.strip() or p.name
        if fixed_amount is not None:
            p.fixed_amount = check_amount(fixed_amount, allow_zero=True)
        if min_balance is not None:
            p.min_balance = check_amount(min_balance, allow_zero=True)
        if interest_rate_pa is not None:
            if interest_rate_pa < 0 or interest_rate_pa > 100:
                raise ValidationError("rate", "invalid")
            p.interest_rate_pa = interest_rate_pa
        if min_balance_for_interest is not None:
            p.min_balance_for_interest = check_amount(min_balance_for_interest, allow_zero=True)
        s.flush()
        view = ProductView(
            p.code,
            p.name,
            p.kind,
            p.fixed_amount,
            p.min_balance,
            p.interest_rate_pa,
            p.min_balance_for_interest,
            p.account_code,
            p.active,
        )
        audit.record(
            s, actor, "savings.product", "savings_product", p.code, before=before, after=view
        )
        return view


def member_balances(
    db: Database,
    member_no: str,
    as_of: dt.date | None = None,
    actor: Actor | None = None,
) -> list[BalanceRow]:
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        rows = s.execute(
            select(SavingsAccount, SavingsProduct)
            .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
            .where(SavingsAccount.member_id == m.id)
            .order_by(SavingsProduct.id)
        ).all()
        out = [
            BalanceRow(
                p.code,
                p.name,
                p.kind,
                a.number,
                a.balance if as_of is None else balance_at(s, a.id, as_of),
            )
            for a, p in rows
        ]
        deposits = balance_row_in(s, m.id, as_of)
        return out + [deposits] if deposits is not None else out


# ---------------------------------------------------------------- the member's time deposits


def member_total_in(session: Session, member_id: int, as_of: dt.date | None = None) -> int:
    """A member's time-deposit principal (at ``as_of``), for the member's savings views."""
    q = (
        select(func.coalesce(func.sum(TimeDepositEvent.principal), 0))
        .join(TimeDeposit, TimeDeposit.id == TimeDepositEvent.deposit_id)
        .where(TimeDeposit.member_id == member_id)
    )
    if as_of is not None:
        q = q.where(TimeDepositEvent.date <= as_of)
    return int(session.scalar(q) or 0)


def balance_row_in(
    session: Session, member_id: int, as_of: dt.date | None = None
) -> BalanceRow | None:
    """The member's time deposits as one line of their savings balances (None without any):
    product ``BERJANGKA``, the active deposits' numbers in place of an account number."""
    active = session.scalars(
        select(TimeDeposit.number)
        .where(TimeDeposit.member_id == member_id, TimeDeposit.status == DepositStatus.ACTIVE)
        .order_by(TimeDeposit.id)
    ).all()
    total = member_total_in(session, member_id, as_of)
    if not active and not total:
        return None
    numbers = ", ".join(active[:2]) + (f" +{len(active) - 2}" if len(active) > 2 else "")
    return BalanceRow("BERJANGKA", "Simpanan Berjangka", "berjangka", numbers, total)


def statement(
    db: Database,
    member_no: str,
    product_code: str,
    date_from: dt.date,
    date_to: dt.date,
    actor: Actor | None = None,
) -> Statement:
    """Mutasi: opening balance, every movement with the running balance, closing balance."""
    if date_to < date_from:
        raise ValidationError("to", "date_before", other=date_from.isoformat())
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        p = product_by_code(s, product_code)
        acct = s.scalars(
            select(SavingsAccount).where(
                SavingsAccount.member_id == m.id, SavingsAccount.product_id == p.id
            )
        ).first()
        if acct is None:
            return Statement(m.number, m.name, p.code, p.name, "", date_from, date_to, 0, (), 0)
        opening = balance_at(s, acct.id, date_from - dt.timedelta(days=1))
        txs = s.scalars(
            select(SavingsTransaction)
            .where(
                SavingsTransaction.account_id == acct.id,
                SavingsTransaction.date >= date_from,
                SavingsTransaction.date <= date_to,
            )
            .order_by(SavingsTransaction.date, SavingsTransaction.id)
        ).all()
        running, rows = opening, []
        for t in txs:
            running += t.amount
            rows.append(
                StatementRow(
                    t.id,
                    t.date,
                    t.receipt_no,
                    t.kind,
                    t.memo,
                    -t.amount if t.amount < 0 else 0,
                    t.amount if t.amount > 0 else 0,
                    running,
                )
            )
        return Statement(
            m.number,
            m.name,
            p.code,
            p.name,
            acct.number,
            date_from,
            date_to,
            opening,
            tuple(rows),
            running,
        )


def months_between(start: dt.date, end: dt.date) -> int:
    """Months from ``start``'s month to ``end``'s month inclusive (0 when end < start)."""
    n = (end.year - start.year) * 12 + end.month - start.month + 1
    return max(0, n)


def wajib_arrears_in(session: Session, member: Member, as_of: dt.date) -> WajibArrears:
    p = product_of_kind(session, "wajib")
    until = (
        member.status_date
        if member.status in ("keluar", "meninggal") and member.status_date
        else as_of
    )
    months = months_between(member.join_date, min(as_of, until))
    acct = session.scalars(
        select(SavingsAccount).where(
            SavingsAccount.member_id == member.id, SavingsAccount.product_id == p.id
        )
    ).first()
    paid = 0
    if acct is not None:
        paid = int(
            session.scalar(
                select(func.coalesce(func.sum(SavingsTransaction.amount), 0)).where(
                    SavingsTransaction.account_id == acct.id,
                    SavingsTransaction.date <= as_of,
                    SavingsTransaction.kind.in_(("setor", "koreksi")),
                )
            )
            or 0
        )
    return WajibArrears(member.number, p.fixed_amount, months, months * p.fixed_amount, paid)


def wajib_arrears(
    db: Database, member_no: str, as_of: dt.date, actor: Actor | None = None
) -> WajibArrears:
    """Months of wajib due since joining vs what was paid (arrears of simpanan wajib)."""
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        return wajib_arrears_in(s, m, as_of)


def _month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


@dataclass(frozen=True)
class InterestRun:
    year: int
    month: int
    accounts: int
    gross: int
    tax: int
    journal_entry_id: int | None


def post_monthly_interest(
    db: Database,
    actor: Actor,
    year: int,
    month: int,
    today: dt.date | None = None,
) -> InterestRun:
    """Jasa simpanan sukarela for a month: rate p.a. / 12 on the month's lowest balance (saldo
    terendah) when it reaches the product's minimum; PPh final 10 % withheld where the month's
    interest exceeds Rp240.000 (PP 15/2009). Idempotent: a month is posted once. Only for a
    month that has ended (its last day before ``today``): a month still running has no
    lowest balance yet."""
    require(actor, "savings.write")
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "invalid")
    end = _month_end(year, month)
    if not clock.has_ended(year, month, today):
        raise ValidationError(
            "period", "period_job_not_ended", period=f"{year}-{month:02d}", end=end.isoformat()
        )
    start = dt.date(year, month, 1)
    ref = f"jasa-{year}-{month:02d}"
    with unit_of_work(db) as s:
        if s.scalar(
            select(JournalEntry.id).where(
                JournalEntry.source == "simpanan", JournalEntry.source_ref == ref
            )
        ):
            return InterestRun(year, month, 0, 0, 0, None)
        mode = rounding_in(s)
        lines: list[Line] = []
        credits: list[tuple[SavingsAccount, int, int]] = []
        gross_total = tax_total = 0
        for p in s.scalars(select(SavingsProduct).where(SavingsProduct.kind == "sukarela")):
            rate = p.interest_rate_pa
            if rate <= 0:
                continue
            for acct in s.scalars(
                select(SavingsAccount).where(SavingsAccount.product_id == p.id).with_for_update()
            ):
                low = _lowest_balance(s, acct.id, start, end)
                if low <= 0 or low < p.min_balance_for_interest:
                    continue
                gross = round_money(Decimal(low) * rate / 100 / 12, mode)
                if gross <= 0:
                    continue
                tax = (
                    round_money(Decimal(gross) * PPH_RATE / 100, mode)
                    if gross > PPH_THRESHOLD
                    else 0
                )
                lines.append(
                    Line(
                        p.account_code,
                        credit=gross - tax,
                        member_id=acct.member_id,
                        memo=acct.number,
                    )
                )
                credits.append((acct, gross, tax))
                gross_total += gross
                tax_total += tax
        if not credits:
            return InterestRun(year, month, 0, 0, 0, None)
        lines.insert(
            0,
            Line(accounts.SAVINGS_INTEREST_EXPENSE, debit=gross_total, memo=f"Jasa simpanan {ref}"),
        )
        if tax_total:
            lines.append(
                Line(accounts.TAX_PAYABLE, credit=tax_total, memo="PPh final jasa simpanan")
            )
        entry = ledger.post(
            s,
            actor,
            end,
            f"Jasa simpanan sukarela {month:02d}/{year}",
            lines,
            source="simpanan",
            source_ref=ref,
        )
        for acct, gross, tax in credits:
            record_in(s, actor, acct, gross, end, "jasa", entry.id, None, ref)
            if tax:
                record_in(s, actor, acct, -tax, end, "pajak", entry.id, None, ref)
        audit.record(
            s,
            actor,
            "savings.interest",
            "period",
            ref,
            after={"accounts": len(credits), "gross": gross_total, "tax": tax_total},
        )
        return InterestRun(year, month, len(credits), gross_total, tax_total, entry.id)


def _lowest_balance(s: Session, account_id: int, start: dt.date, end: dt.date) -> int:
    running = balance_at(s, account_id, start - dt.timedelta(days=1))
    low = running
    for (amount,) in s.execute(
        select(SavingsTransaction.amount)
        .where(
            SavingsTransaction.account_id == account_id,
            SavingsTransaction.date >= start,
            SavingsTransaction.date <= end,
        )
        .order_by(SavingsTransaction.date, SavingsTransaction.id)
    ):
        running += amount
        low = min(low, running)
    return low


# ---------------------------------------------------------------- reversal handlers


def _describe_reversal(s: Session, ref: str, params: dict[str, Any]) -> tuple[str, int]:
    stx = s.get(SavingsTransaction, int(ref))
    if stx is None:
        raise NotFound(what="Transaksi simpanan", key=ref)
    return str(stx.id), abs(stx.amount)


def _execute_reversal(
    s: Session, actor: Actor, ref: str, params: dict[str, Any], date: dt.date, reason: str
) -> str:
    return str(reverse_savings_in(s, actor, int(ref), date, reason).receipt_no or ref)


ledger.register_reversal("simpanan", reverse_transaction_in)
approvals.register("savings_reversal", _describe_reversal, _execute_reversal)

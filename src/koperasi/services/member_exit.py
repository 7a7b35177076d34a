"""A member leaves (keluar, meninggal): the savings (sukarela, then wajib, then pokok) are
set against the payoff amount of every active loan, time deposits must have been closed, the
rest of the savings is paid out in cash, and the member leaves their group."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    GroupMembership,
    Loan,
    LoanAllocation,
    LoanTransaction,
    Member,
    SavingsAccount,
    SavingsProduct,
)
from ..domain.money import format_rupiah
from ..domain.vocabulary import EntrySource
from ..errors import ValidationError
from . import audit, ledger, savings
from .auth import Actor, require
from .counters import SERIES_LOAN, next_receipt
from .ledger import Line
from .loans.core import (
    ACTIVE,
    FEE_INCOME,
    INTEREST_INCOME,
    LOANS,
    PAID_OFF,
    PENALTY_INCOME,
    SOURCE,
    check_date_after,
    installment_states,
)
from .loans.quality import release_provision
from .loans.repayments import last_event_date, payoff_quote_on
from .loans.views import tx_view
from .members import MemberDetail, detail_in, member_by_number
from .time_deposit_reads import refuse_active_at_exit
from .uow import unit_of_work
from .validation import check_required, clean_memo

# ---------------------------------------------------------------- member exit


def settle_debts_for_exit(session: Session, actor: Actor, member: Member, date: dt.date) -> int:
    """When a member leaves: set the savings (sukarela, then wajib, then pokok) against the
    payoff amount of every active loan; pending applications are rejected. Refused (nothing
    written) when the savings do not cover the loans. Returns the amount set off."""
    loans = session.scalars(
        select(Loan)
        .where(Loan.member_id == member.id, Loan.status.in_(("diajukan", "disetujui", ACTIVE)))
        .order_by(Loan.id)
        .with_for_update()
    ).all()
    active = [ln for ln in loans if ln.status == ACTIVE]
    for ln in loans:
        if ln.status != ACTIVE:
            ln.status, ln.decided_on, ln.decided_by = "ditolak", date, actor.username
            ln.decision_note = "Anggota keluar"
    if not active:
        return 0
    quotes = []
    for ln in active:
        check_date_after(date, last_event_date(session, ln))
        q, alloc, _w = payoff_quote_on(session, ln, date)
        quotes.append((ln, q, alloc))
    owed = sum(q.total for _ln, q, _a in quotes)
    rows = session.execute(
        select(SavingsAccount, SavingsProduct)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(SavingsAccount.member_id == member.id, SavingsAccount.balance > 0)
        .with_for_update(of=SavingsAccount)
    ).all()
    order = {"sukarela": 0, "berjangka": 1, "wajib": 2, "pokok": 3}
    pots = sorted(
        (
            (acct, prod, min(acct.balance, savings.balance_at(session, acct.id, date)))
            for acct, prod in rows
        ),
        key=lambda r: order.get(r[1].kind, 9),
    )
    available = sum(p[2] for p in pots)
    if available < owed:
        raise ValidationError(
            "member",
            "member_has_debt",
            member=member.number,
            amount=format_rupiah(owed - available),
        )
    total = 0
    for ln, q, alloc in quotes:
        if q.total <= 0:
            continue
        states = installment_states(session, ln)
        # one journal entry per loan: debit the savings pots in order
        need, lines, taken = q.total, [], []
        for i, (acct, prod, bal) in enumerate(pots):
            if need == 0:
                break
            take = min(bal, need)
            if take <= 0:
                continue
            pots[i] = (acct, prod, bal - take)
            need -= take
            lines.append(Line(prod.account_code, debit=take, member_id=member.id, memo=ln.number))
            taken.append((acct, take))
        for account, amount in (
            (LOANS, alloc.principal),
            (INTEREST_INCOME, alloc.interest),
            (FEE_INCOME, alloc.fee),
            (PENALTY_INCOME, alloc.penalty),
        ):
            if amount:
                lines.append(Line(account, credit=amount, member_id=member.id, memo=ln.number))
        receipt = next_receipt(session, SERIES_LOAN, date.year)
        entry = ledger.post(
            session,
            actor,
            date,
            f"Pelunasan pinjaman {ln.number} dari simpanan (anggota keluar)",
            lines,
            source=SOURCE,
            source_ref=ln.number,
            receipt_no=receipt,
        )
        for acct, take in taken:
            savings.record_in(
                session,
                actor,
                acct,
                -take,
                date,
                "angsuran",
                entry.id,
                receipt,
                f"Pelunasan pinjaman {ln.number}",
            )
        tx = LoanTransaction(
            loan_id=ln.id,
            date=date,
            kind="pelunasan",
            amount=q.total,
            principal=alloc.principal,
            interest=alloc.interest,
            fee=alloc.fee,
            penalty=alloc.penalty,
            principal_change=-alloc.principal,
            source=EntrySource.SAVINGS,
            receipt_no=receipt,
            journal_entry_id=entry.id,
            memo="anggota keluar",
            created_by=actor.username,
        )
        session.add(tx)
        session.flush()
        by_no = {st.no: st for st in states}
        session.add_all(
            LoanAllocation(
                transaction_id=tx.id,
                installment_id=by_no[a.no].id,
                component=a.component,
                amount=a.amount,
            )
            for a in alloc.lines
        )
        ln.principal_outstanding -= alloc.principal
        ln.status, ln.closed_on = PAID_OFF, date
        release_provision(session, actor, ln, date, "anggota keluar")
        total += q.total
        session.flush()
        audit.record(
            session,
            actor,
            "loan.exit_settlement",
            "loan",
            ln.number,
            after=tx_view(session, tx, ln),
        )
    return total


@dataclass(frozen=True)
class ExitResult:
    member: MemberDetail
    returned: int  # paid out in cash
    offset_against_loans: int
    receipts: tuple[str, ...]


def exit_member(
    db: Database,
    actor: Actor,
    number: str,
    date: dt.date,
    reason: str,
    status: str = "keluar",
) -> ExitResult:
    """End a membership: savings (pokok, wajib, sukarela) are settled — set against any
    unpaid loans first, the rest paid out — and the member's status is set."""
    require(actor, "member.write")
    if status not in ("keluar", "meninggal"):
        raise ValidationError("status", "choice", choices="keluar, meninggal", value=status)
    reason = check_required(clean_memo(reason, "reason"), "reason")
    with unit_of_work(db) as s:
        m = member_by_number(s, number, lock=True)
        if m.status in ("keluar", "meninggal"):
            raise ValidationError("status", "member_not_active", member=number, status=m.status)
        before = detail_in(s, m)
        offset = 0
        offset = settle_debts_for_exit(s, actor, m, date)
        refuse_active_at_exit(s, m)
        returned, receipts = savings.pay_out_all_in(s, actor, m, date, reason)
        m.status, m.status_date, m.exit_reason = status, date, reason.strip()
        s.execute(
            cast(Table, GroupMembership.__table__)
            .update()
            .where(GroupMembership.member_id == m.id, GroupMembership.left_on.is_(None))
            .values(left_on=date)
        )
        m.group_id = None
        s.flush()
        after = detail_in(s, m)
        audit.record(s, actor, "member.exit", "member", number, before=before, after=after)
        return ExitResult(after, returned, offset, tuple(receipts))

"""Reversal of loan transactions with replay.

A reversal never changes a posted row: it posts the mirror journal entry (linked by
``reverses_entry_id``) and a mirror subledger row (``reverses_id``) with negative amounts.
Repayments made after the reversed one are reversed too and then replayed, in order, on
their own dates, so that every allocation is what it would have been without the mistake;
replayed rows keep their receipt numbers. Registers the loan subledger's reversal handler
with :mod:`koperasi.services.ledger`.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import (
    Loan,
    LoanAllocation,
    LoanTransaction,
    SavingsAccount,
)
from ...domain.allocation import allocate, outstanding
from ...domain.vocabulary import ApprovalKind
from ...errors import NotFound, ValidationError
from .. import approvals, audit, ledger, savings
from ..auth import Actor, require
from ..uow import unit_of_work
from ..validation import clean_memo
from .core import (
    ACTIVE,
    PAID_OFF,
    SOURCE,
    WRITTEN_OFF,
    check_status,
    loan_by_number,
    lock_loan,
)
from .repayments import (
    PAYMENT_KINDS,
    allocation_order,
    close_if_paid,
    dues_on,
    live_payments,
    payment_source,
    payoff_in,
    payoff_quote_on,
    record_payment,
)
from .views import LoanDetail, detail_in, tx_view

# ---------------------------------------------------------------- reversal


def _mirror(
    session: Session, actor: Actor, loan: Loan, tx: LoanTransaction, date: dt.date, reason: str
) -> LoanTransaction:
    """Post the reversal of one transaction (journal + subledger + allocations)."""
    entry = (
        ledger.post_reversal(session, actor, tx.journal_entry_id, date, reason)
        if tx.journal_entry_id
        else None
    )
    if tx.source in ("sukarela", "simpanan") and entry is not None:
        from ...db.models import SavingsTransaction

        for stx in session.scalars(
            select(SavingsTransaction).where(
                SavingsTransaction.journal_entry_id == tx.journal_entry_id
            )
        ):
            acct = session.get(SavingsAccount, stx.account_id, with_for_update=True)
            assert acct is not None
            savings.record_in(
                session,
                actor,
                acct,
                -stx.amount,
                tx.date,
                "koreksi",
                entry.id,
                stx.receipt_no,
                f"Pembalikan: {reason}",
                reverses_id=stx.id,
            )
    rev = LoanTransaction(
        loan_id=loan.id,
        date=tx.date,  # effective on the reversed transaction's date; posted on ``date``
        kind="koreksi",
        amount=-tx.amount,
        principal=-tx.principal,
        interest=-tx.interest,
        fee=-tx.fee,
        penalty=-tx.penalty,
        principal_change=-tx.principal_change,
        source=tx.source,
        receipt_no=tx.receipt_no,
        journal_entry_id=entry.id if entry else None,
        reverses_id=tx.id,
        memo=f"Pembalikan: {reason}",
        created_by=actor.username,
    )
    session.add(rev)
    session.flush()
    session.add_all(
        LoanAllocation(
            transaction_id=rev.id,
            installment_id=a.installment_id,
            component=a.component,
            amount=-a.amount,
        )
        for a in session.scalars(
            select(LoanAllocation)
            .where(LoanAllocation.transaction_id == tx.id)
            .order_by(LoanAllocation.id)
        ).all()
    )
    loan.principal_outstanding -= tx.principal_change
    session.flush()
    return rev


def _is_reversed(session: Session, tx: LoanTransaction) -> bool:
    return (
        session.scalar(select(LoanTransaction.id).where(LoanTransaction.reverses_id == tx.id))
        is not None
    )


def reverse_transaction_in(
    session: Session, actor: Actor, tx: LoanTransaction, date: dt.date, reason: str
) -> LoanTransaction:
    """Reverse a repayment/payoff (replaying later ones) or a recovery. Returns the
    reversal row of ``tx``."""
    loan = session.scalars(select(Loan).where(Loan.id == tx.loan_id).with_for_update()).one()
    if tx.reverses_id is not None or tx.kind == "koreksi":
        raise ValidationError("transaction", "is_reversal", entry=tx.id)
    if _is_reversed(session, tx):
        raise ValidationError("transaction", "already_reversed", entry=tx.id)
    if tx.source == "saldo_awal":  # loan_opening.OPENING_SOURCE: the old books' repayment
        # its interest was taken back out of this year's income against 3.99 by a second
        # entry; a mirror of the repayment alone would leave 4.10 with a debit
        raise ValidationError("transaction", "opening_not_reversible", loan=loan.number)
    if tx.kind == "pemulihan":
        check_status(loan, WRITTEN_OFF)
        rev = _mirror(session, actor, loan, tx, date, reason)
        audit.record(
            session, actor, "loan.reverse", "loan", loan.number, after=tx_view(session, rev, loan)
        )
        return rev
    if tx.kind not in PAYMENT_KINDS:
        raise ValidationError("transaction", "not_reversible", kind=tx.kind)
    check_status(loan, ACTIVE, PAID_OFF)
    resched = session.scalar(
        select(func.max(LoanTransaction.date)).where(
            LoanTransaction.loan_id == loan.id, LoanTransaction.kind == "restrukturisasi"
        )
    )
    if resched is not None and tx.date < resched:
        raise ValidationError("transaction", "before_reschedule", date=resched.isoformat())
    later = [t for t in live_payments(session, loan) if (t.date, t.id) > (tx.date, tx.id)]
    # undo the newest first, then the one asked for
    for t in reversed(later):
        _mirror(session, actor, loan, t, date, f"diulang setelah koreksi #{tx.id}")
    rev = _mirror(session, actor, loan, tx, date, reason)
    if loan.status == PAID_OFF:
        loan.status, loan.closed_on = ACTIVE, None
    session.flush()
    # replay the later payments on their own dates (journal on the reversal date)
    for t in later:
        if loan.status != ACTIVE:
            raise ValidationError("transaction", "replay_failed", receipt=t.receipt_no or t.id)
        if t.kind == "pelunasan":
            q, _adj, _w = payoff_quote_on(session, loan, t.date)
            if q.total == t.amount:
                payoff_in(
                    session,
                    actor,
                    loan,
                    t.date,
                    source=t.source,
                    receipt_no=t.receipt_no,
                    memo=t.memo,
                    journal_date=date,
                    replays_id=t.id,
                    check_order=False,
                )
                continue
        states, dues = dues_on(session, loan, t.date)
        if t.amount > outstanding(dues):
            raise ValidationError("transaction", "replay_failed", receipt=t.receipt_no or t.id)
        alloc = allocate(dues, t.amount, order=allocation_order(session, loan))
        debit_account, acct = payment_source(session, loan, t.source, t.amount, t.date)
        record_payment(
            session,
            actor,
            loan,
            states,
            alloc,
            t.date,
            "angsuran",
            source=t.source,
            debit_account=debit_account,
            savings_account=acct,
            receipt_no=t.receipt_no,
            memo=t.memo,
            journal_date=date,
            replays_id=t.id,
        )
        close_if_paid(session, actor, loan, date)
    session.flush()
    audit.record(
        session,
        actor,
        "loan.reverse",
        "loan",
        loan.number,
        before=tx_view(session, tx, loan),
        after={"reason": reason, "replayed": [t.id for t in later]},
    )
    return rev


def _find_tx(session: Session, loan: Loan, ref: str | int) -> LoanTransaction:
    """A live transaction of the loan by id or receipt number."""
    text = str(ref).strip()
    if text.isdigit():
        tx = session.get(LoanTransaction, int(text))
        if tx is None or tx.loan_id != loan.id:
            raise NotFound(what="Transaksi pinjaman", key=text)
        return tx
    candidates = session.scalars(
        select(LoanTransaction)
        .where(
            LoanTransaction.loan_id == loan.id,
            LoanTransaction.receipt_no == text.upper(),
            LoanTransaction.reverses_id.is_(None),
        )
        .order_by(LoanTransaction.id.desc())
    ).all()
    for tx in candidates:
        if not _is_reversed(session, tx):
            return tx
    raise NotFound(what="Transaksi pinjaman", key=text)


def reverse_repayment(
    db: Database, actor: Actor, number: str, tx_ref: str | int, date: dt.date, reason: str
) -> LoanDetail:
    """Reverse a repayment (by transaction id or receipt number); later repayments are
    replayed so that allocations stay right."""
    require(actor, "loan.write")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        approvals.require_no_gate(s, ApprovalKind.LOAN_REVERSAL)
        return reverse_repayment_in(s, actor, number, tx_ref, date, reason)


def reverse_repayment_in(
    s: Session, actor: Actor, number: str, tx_ref: str | int, date: dt.date, reason: str
) -> LoanDetail:
    """See :func:`reverse_repayment` (in the caller's unit of work)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "required")
    loan = lock_loan(s, number)
    reverse_transaction_in(s, actor, _find_tx(s, loan, tx_ref), date, reason)
    return detail_in(s, loan)


def reverse_entry_in(
    session: Session, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> int:
    """For ``ledger.reverse_entry``: reverse the loan transaction behind a journal entry."""
    tx = session.scalars(
        select(LoanTransaction).where(LoanTransaction.journal_entry_id == entry_id)
    ).first()
    if tx is None:
        raise NotFound(what="Transaksi pinjaman", key=entry_id)
    rev = reverse_transaction_in(session, actor, tx, date, reason)
    assert rev.journal_entry_id is not None
    return rev.journal_entry_id


# ---------------------------------------------------------------- registered handlers


def _describe_reversal(s: Session, ref: str, params: dict[str, Any]) -> tuple[str, int]:
    loan = loan_by_number(s, ref)
    tx = _find_tx(s, loan, params["tx"])
    return loan.number, tx.amount


def _execute_reversal(
    s: Session, actor: Actor, ref: str, params: dict[str, Any], date: dt.date, reason: str
) -> str:
    reverse_repayment_in(s, actor, ref, params["tx"], date, reason)
    rev = s.scalars(
        select(LoanTransaction)
        .join(Loan, Loan.id == LoanTransaction.loan_id)
        .where(Loan.number == ref, LoanTransaction.kind == "koreksi")
        .order_by(LoanTransaction.id.desc())
    ).first()
    return str(rev.id) if rev else ref


ledger.register_reversal(SOURCE, reverse_entry_in)
approvals.register(ApprovalKind.LOAN_REVERSAL, _describe_reversal, _execute_reversal)

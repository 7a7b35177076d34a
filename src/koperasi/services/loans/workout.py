"""Loans in difficulty: rescheduling, write-off (hapus buku) and recovery of written-off
loans."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import (
    Loan,
    LoanInstallment,
    LoanProduct,
    LoanTransaction,
)
from ...domain.money import format_rupiah
from ...domain.schedule import Schedule, generate, validate_terms
from ...domain.vocabulary import ApprovalKind
from ...errors import ValidationError
from .. import approvals, audit, ledger
from ..auth import Actor, require
from ..counters import SERIES_LOAN, next_receipt
from ..ledger import Line
from ..uow import unit_of_work
from ..validation import clean_memo
from .core import (
    ACTIVE,
    ALLOWANCE,
    CASH,
    LOANS,
    OTHER_INCOME,
    PROVISION_EXPENSE,
    SOURCE,
    WRITTEN_OFF,
    InstallmentState,
    check_date_after,
    check_status,
    installment_states,
    loan_by_number,
    lock_loan,
    schedule_terms,
)
from .repayments import borrower, last_event_date, product_of
from .views import LoanDetail, LoanTxView, detail_in, row_of, tx_view

# ---------------------------------------------------------------- reschedule


@dataclass(frozen=True)
class ReschedulePlan:
    """A restructuring worked out and checked, nothing written: the new terms and schedule,
    and what the first new installment carries over from the old one."""

    principal: int  # principal outstanding: the new schedule's principal
    carried_interest: int  # interest of installments already due, unpaid
    carried_fee: int  # fees unpaid
    term: int
    rate: Decimal
    method: str
    first_due: dt.date | None
    schedule: Schedule
    product: LoanProduct
    states: list[InstallmentState]  # the old schedule's installment states on the date


def plan_reschedule(
    s: Session,
    loan: Loan,
    date: dt.date,
    term: int,
    *,
    rate: Decimal | None = None,
    method: str | None = None,
    first_due: dt.date | None = None,
) -> ReschedulePlan:
    """The checks and the new schedule of :func:`reschedule` (shared with the screen's
    preview, so what is shown is what gets written)."""
    check_status(loan, ACTIVE)
    check_date_after(date, loan.disbursed_on)
    check_date_after(date, last_event_date(s, loan))
    if isinstance(term, bool) or not isinstance(term, int) or term < 1:
        raise ValidationError("term", "must_be_positive")
    principal = loan.principal_outstanding
    if principal <= 0:
        raise ValidationError("loan", "nothing_to_reschedule", loan=loan.number)
    product = product_of(s, loan)
    states = installment_states(s, loan)
    new = Loan(  # the loan's terms after the restructuring, not attached to the session
        amount=loan.amount,
        term=term,
        method=method or loan.method,
        rate=loan.rate if rate is None else rate,
        rate_per=loan.rate_per,
        every=loan.every,
        unit=loan.unit,
        first_due=first_due,
        group_id=loan.group_id,
    )
    schedule = generate(validate_terms(schedule_terms(s, new, product, date, principal=principal)))
    return ReschedulePlan(
        principal,
        sum(st.unpaid_interest for st in states if st.due_date <= date),
        sum(st.unpaid_fee for st in states),
        term,
        Decimal(new.rate),
        new.method,
        first_due,
        schedule,
        product,
        states,
    )


def reschedule_in(
    s: Session,
    actor: Actor,
    loan: Loan,
    date: dt.date,
    term: int,
    reason: str,
    *,
    rate: Decimal | None = None,
    method: str | None = None,
    first_due: dt.date | None = None,
) -> LoanDetail:
    """See :func:`reschedule` (in the caller's unit of work; ``loan`` locked)."""
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    plan = plan_reschedule(s, loan, date, term, rate=rate, method=method, first_due=first_due)
    principal, carried_interest, carried_fee = (
        plan.principal,
        plan.carried_interest,
        plan.carried_fee,
    )
    before = detail_in(s, loan)
    loan.term = term
    if rate is not None:
        loan.rate = rate
    if method is not None:
        loan.method = method
    loan.first_due = first_due
    schedule = plan.schedule
    s.execute(
        cast(Table, LoanInstallment.__table__)
        .update()
        .where(LoanInstallment.loan_id == loan.id, LoanInstallment.superseded_on.is_(None))
        .values(superseded_on=date)
    )
    version = loan.schedule_version + 1
    loan.schedule_version = version
    for i, inst in enumerate(schedule.installments):
        s.add(
            LoanInstallment(
                loan_id=loan.id,
                version=version,
                no=inst.no,
                due_date=inst.due_date,
                principal=inst.principal,
                interest=inst.interest + (carried_interest if i == 0 else 0),
                fee=carried_fee if i == 0 else 0,
                valid_from=date,
            )
        )
    s.add(
        LoanTransaction(
            loan_id=loan.id,
            date=date,
            kind="restrukturisasi",
            memo=f"{reason}; pokok {format_rupiah(principal)}, {term}x, "
            f"bunga tertunggak dibawa {format_rupiah(carried_interest)}",
            created_by=actor.username,
        )
    )
    s.flush()
    after = detail_in(s, loan)
    audit.record(s, actor, "loan.reschedule", "loan", loan.number, before.row, after.row)
    return after


def reschedule(
    db: Database,
    actor: Actor,
    number: str,
    date: dt.date,
    term: int,
    reason: str,
    *,
    rate: Decimal | None = None,
    method: str | None = None,
    first_due: dt.date | None = None,
) -> LoanDetail:
    """Restructure an active loan: the principal outstanding gets a new schedule of ``term``
    repayments from ``date`` (optionally a new rate or method). Unpaid fees and the interest
    of installments already due are carried into the first new installment; penalties
    not paid are waived (they were never income: cash basis). The old schedule rows are
    kept, marked superseded."""
    require(actor, "loan.write")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        return reschedule_in(
            s,
            actor,
            lock_loan(s, number),
            date,
            term,
            reason,
            rate=rate,
            method=method,
            first_due=first_due,
        )


# ---------------------------------------------------------------- write-off & recovery


def write_off_in(s: Session, actor: Actor, loan: Loan, date: dt.date, reason: str) -> LoanTxView:
    """See :func:`write_off` (in the caller's unit of work; ``loan`` locked)."""
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")

    check_status(loan, ACTIVE)
    check_date_after(date, loan.disbursed_on)
    check_date_after(date, last_event_date(s, loan))
    amount = loan.principal_outstanding
    if amount <= 0:
        raise ValidationError("loan", "nothing_to_write_off", loan=loan.number)
    member = borrower(s, loan)
    held = max(0, min(loan.ppap_booked, amount))
    lines = []
    if held:
        lines.append(Line(ALLOWANCE, debit=held, member_id=member.id, memo=loan.number))
    if amount - held:
        lines.append(
            Line(PROVISION_EXPENSE, debit=amount - held, member_id=member.id, memo=loan.number)
        )
    lines.append(Line(LOANS, credit=amount, member_id=member.id, memo=loan.number))
    if loan.ppap_booked > held:  # more held than needed: give the rest back
        extra = loan.ppap_booked - held
        lines += [
            Line(ALLOWANCE, debit=extra, memo=loan.number),
            Line(PROVISION_EXPENSE, credit=extra, memo=loan.number),
        ]
    entry = ledger.post(
        s,
        actor,
        date,
        f"Hapus buku pinjaman {loan.number} {member.number} {member.name}: {reason}",
        lines,
        source=SOURCE,
        source_ref=loan.number,
    )
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="hapus_buku",
        amount=amount,
        principal=amount,
        principal_change=-amount,
        journal_entry_id=entry.id,
        memo=reason,
        created_by=actor.username,
    )
    s.add(tx)
    before = row_of(s, loan)
    loan.principal_outstanding = 0
    loan.ppap_booked = 0
    loan.status, loan.written_off_on = WRITTEN_OFF, date
    s.flush()
    audit.record(s, actor, "loan.write_off", "loan", loan.number, before, row_of(s, loan))
    return tx_view(s, tx, loan)


def write_off(db: Database, actor: Actor, number: str, date: dt.date, reason: str) -> LoanTxView:
    """Write off the principal outstanding against the allowance: Dr 1.29 / Cr 1.20; any
    part the allowance did not yet hold for this loan is provided first (Dr 5.40)."""
    require(actor, "loan.approve")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        approvals.require_no_gate(s, ApprovalKind.WRITE_OFF)
        return write_off_in(s, actor, lock_loan(s, number), date, reason)


def recovery_totals(s: Session, loan: Loan) -> tuple[int, int]:
    """A written-off loan's principal written off and what has come back since (receipts
    net of reversed ones: a reversal row carries the negative amount and points at the
    recovery it undoes)."""
    written = s.scalar(
        select(func.coalesce(func.sum(LoanTransaction.amount), 0)).where(
            LoanTransaction.loan_id == loan.id, LoanTransaction.kind == "hapus_buku"
        )
    )
    recoveries = select(LoanTransaction.id).where(
        LoanTransaction.loan_id == loan.id, LoanTransaction.kind == "pemulihan"
    )
    recovered = s.scalar(
        select(func.coalesce(func.sum(LoanTransaction.amount), 0)).where(
            LoanTransaction.loan_id == loan.id,
            (LoanTransaction.kind == "pemulihan")
            | ((LoanTransaction.kind == "koreksi") & LoanTransaction.reverses_id.in_(recoveries)),
        )
    )
    return int(written or 0), int(recovered or 0)


def recover_in(
    s: Session, actor: Actor, loan: Loan, amount: int, date: dt.date, memo: str = ""
) -> LoanTxView:
    """See :func:`recover` (in the caller's unit of work; ``loan`` locked)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError("amount", "must_be_positive")

    check_status(loan, WRITTEN_OFF)
    check_date_after(date, loan.written_off_on)
    written, recovered = recovery_totals(s, loan)
    if amount > written - recovered:
        raise ValidationError(
            "amount",
            "overpayment",
            amount=format_rupiah(amount),
            outstanding=format_rupiah(written - recovered),
        )
    member = borrower(s, loan)
    receipt = next_receipt(s, SERIES_LOAN, date.year)
    entry = ledger.post(
        s,
        actor,
        date,
        f"Penerimaan pinjaman dihapus buku {loan.number} {member.number} {member.name}",
        [
            Line(CASH, debit=amount, member_id=member.id, memo=loan.number),
            Line(OTHER_INCOME, credit=amount, member_id=member.id, memo=loan.number),
        ],
        source=SOURCE,
        source_ref=loan.number,
        receipt_no=receipt,
    )
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="pemulihan",
        amount=amount,
        receipt_no=receipt,
        journal_entry_id=entry.id,
        memo=clean_memo(memo),
        created_by=actor.username,
    )
    s.add(tx)
    s.flush()
    audit.record(s, actor, "loan.recover", "loan", loan.number, after=tx_view(s, tx, loan))
    return tx_view(s, tx, loan)


def recover(
    db: Database, actor: Actor, number: str, amount: int, date: dt.date, memo: str = ""
) -> LoanTxView:
    """Money received on a written-off loan: Dr Kas / Cr 4.90 Pendapatan Lain (up to the
    amount written off, less what was already recovered)."""
    require(actor, "loan.write")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError("amount", "must_be_positive")
    with unit_of_work(db) as s:
        return recover_in(s, actor, lock_loan(s, number), amount, date, memo)


# ---------------------------------------------------------------- four-eyes


def _describe_write_off(s: Session, ref: str, params: dict[str, Any]) -> tuple[str, int]:
    loan = loan_by_number(s, ref)
    check_status(loan, ACTIVE)
    return loan.number, loan.principal_outstanding


def _execute_write_off(
    s: Session, actor: Actor, ref: str, params: dict[str, Any], date: dt.date, reason: str
) -> str:
    view = write_off_in(s, actor, lock_loan(s, ref), date, reason)
    return view.receipt_no or str(ref)


approvals.register(ApprovalKind.WRITE_OFF, _describe_write_off, _execute_write_off)

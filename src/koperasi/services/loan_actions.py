"""What the loan screens show before a treasurer confirms a restructuring, a write-off, a
recovery or a cash disbursement. Nothing here writes: the postings stay in
:mod:`koperasi.services.loans.applications` and :mod:`koperasi.services.loans.repayments`.

- :func:`preview_reschedule`: the new schedule :func:`loan_repayments.reschedule` would
  write for the same terms (same checks, same carried interest and fee).
- :func:`write_off_preview`: the principal to write off and how the allowance (PPAP)
  already booked for the loan covers it, i.e. the journal :func:`loan_repayments.write_off`
  would post.
- :func:`recovery_status`: written off, received back so far, still recoverable.
- :func:`disbursement_cash`: the cash a disbursement takes out of the till and the till's
  balance (savings withdrawals are not refused beyond the till either, so the screen warns
  and lets the treasurer decide).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from ..db.database import Database
from ..domain.schedule import METHODS
from ..errors import ValidationError
from . import ledger
from .auth import Actor, require
from .loan_products import penalty_rule_of
from .loans.core import (
    ACTIVE,
    APPROVED,
    CASH,
    WRITTEN_OFF,
    check_status,
    dues_from_states,
    fee_for,
    installment_states,
    loan_by_number,
    require_loan_visible,
    rounding_for,
)
from .loans.repayments import last_event_date, product_of
from .loans.workout import plan_reschedule, recovery_totals
from .uow import read_only

# ---------------------------------------------------------------- reschedule


@dataclass(frozen=True)
class RescheduleRow:
    no: int
    due_date: dt.date
    principal: int
    interest: int  # the first row includes the interest carried over
    fee: int  # unpaid fees carried over (first row only)
    balance: int  # principal outstanding after this installment

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee


@dataclass(frozen=True)
class ReschedulePreview:
    loan_number: str
    date: dt.date
    principal: int  # the principal outstanding that gets the new schedule
    term: int
    rate: Decimal
    rate_per: str
    method: str
    every: int
    unit: str
    carried_interest: int  # interest of installments already due, unpaid
    carried_fee: int
    penalty_waived: int  # penalties owed on the date, not carried (never income: cash basis)
    rows: tuple[RescheduleRow, ...]

    @property
    def total_interest(self) -> int:
        return sum(r.interest for r in self.rows)

    @property
    def total(self) -> int:
        return sum(r.total for r in self.rows)


def preview_reschedule(
    db: Database,
    number: str,
    date: dt.date,
    term: int,
    *,
    rate: Decimal | None = None,
    method: str | None = None,
    first_due: dt.date | None = None,
    actor: Actor | None = None,
) -> ReschedulePreview:
    """The schedule ``reschedule(number, date, term, rate=, method=, first_due=)`` would
    write, with the same refusals (status, dates, term, rate); nothing is written."""
    if method is not None and method not in METHODS:
        raise ValidationError("method", "choice", choices=", ".join(METHODS), value=method)
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        plan = plan_reschedule(s, loan, date, term, rate=rate, method=method, first_due=first_due)
        mode = rounding_for(s, plan.product)
        penalty = sum(
            d.penalty
            for d in dues_from_states(plan.states, penalty_rule_of(plan.product), date, mode)
        )
        rows = tuple(
            RescheduleRow(
                inst.no,
                inst.due_date,
                inst.principal,
                inst.interest + (plan.carried_interest if i == 0 else 0),
                plan.carried_fee if i == 0 else 0,
                inst.balance,
            )
            for i, inst in enumerate(plan.schedule.installments)
        )
        return ReschedulePreview(
            loan.number,
            date,
            plan.principal,
            term,
            plan.rate,
            loan.rate_per,
            plan.method,
            loan.every,
            loan.unit,
            plan.carried_interest,
            plan.carried_fee,
            penalty,
            rows,
        )


# ---------------------------------------------------------------- write-off


@dataclass(frozen=True)
class WriteOffPreview:
    loan_number: str
    principal: int  # written off (Cr 1.20 Pinjaman Anggota)
    ppap_booked: int  # allowance held for this loan before the write-off
    from_allowance: int  # Dr 1.29 Penyisihan Penghapusan Pinjaman
    to_expense: int  # Dr 5.40 Beban Penyisihan Pinjaman (not yet provided for)
    released: int  # allowance held beyond the principal, given back (Dr 1.29 / Cr 5.40)
    unpaid_interest: int  # scheduled interest due and unpaid (never booked: cash basis)
    quality_class: str
    overdue_since: dt.date | None  # due date of the oldest unpaid installment
    earliest_date: dt.date | None  # the write-off may not be dated before this


def write_off_preview(
    db: Database, number: str, date: dt.date, actor: Actor | None = None
) -> WriteOffPreview:
    """What :func:`loan_repayments.write_off` would post for the loan on ``date``."""
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        check_status(loan, ACTIVE)
        amount = loan.principal_outstanding
        if amount <= 0:
            raise ValidationError("loan", "nothing_to_write_off", loan=loan.number)
        held = max(0, min(loan.ppap_booked, amount))
        states = installment_states(s, loan)
        unpaid = [st for st in states if st.unpaid > 0]
        last = last_event_date(s, loan)
        earliest = max(d for d in (loan.disbursed_on, last) if d is not None)
        return WriteOffPreview(
            loan.number,
            amount,
            loan.ppap_booked,
            held,
            amount - held,
            max(0, loan.ppap_booked - held),
            sum(st.unpaid_interest for st in states if st.due_date <= date),
            loan.quality_class,
            min((st.due_date for st in unpaid if st.due_date <= date), default=None),
            earliest,
        )


# ---------------------------------------------------------------- recovery


@dataclass(frozen=True)
class RecoveryStatus:
    loan_number: str
    written_off_on: dt.date | None
    written_off: int
    recovered: int  # received so far, net of reversed receipts

    @property
    def remaining(self) -> int:
        return max(0, self.written_off - self.recovered)


def recovery_status(db: Database, number: str, actor: Actor | None = None) -> RecoveryStatus:
    """A written-off loan: what was written off and what has come back (the most
    :func:`loan_repayments.recover` still accepts is ``remaining``)."""
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        check_status(loan, WRITTEN_OFF)
        written, recovered = recovery_totals(s, loan)
        return RecoveryStatus(loan.number, loan.written_off_on, written, recovered)


# ---------------------------------------------------------------- disbursement in cash


@dataclass(frozen=True)
class CashNeed:
    cash_balance: int  # 1.01 Kas on the date (and not more than today's balance)
    cash_out: int  # what the disbursement takes out of the till, net of a fee paid in cash

    @property
    def short(self) -> bool:
        return self.cash_out > self.cash_balance


def disbursement_cash(
    db: Database,
    actor: Actor,
    number: str,
    date: dt.date,
    to: str = "kas",
    fee_mode: str | None = None,
) -> CashNeed:
    """The till against what disbursing ``number`` on ``date`` pays out of it."""
    require(actor, "loan.write")
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        check_status(loan, APPROVED)
        product = product_of(s, loan)
        fee = fee_for(s, product, loan.amount)
        if to == "kas":
            out = loan.amount - fee  # deducted, or paid in cash against the payout
        else:
            out = -fee if (fee_mode or product.fee_mode) == "cash" else 0
        balance = min(ledger.balance(s, CASH, as_of=date), ledger.balance(s, CASH))
        return CashNeed(balance, out)


__all__ = [
    "CashNeed",
    "RecoveryStatus",
    "ReschedulePreview",
    "RescheduleRow",
    "WriteOffPreview",
    "disbursement_cash",
    "preview_reschedule",
    "recovery_status",
    "write_off_preview",
]

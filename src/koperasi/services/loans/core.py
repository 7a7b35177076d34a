"""The loan's state shared by every loan use case: statuses and accounts, locking and
lookup, the schedule in force with what has been paid on it (:class:`InstallmentState`), the
dues with penalties, and the checks the steps share.

Every step that moves money posts its journal entry in the same unit of work as the loan
subledger row it explains (source ``pinjaman``). Income is recognised on a cash basis:
interest (4.10), fees (4.20) and penalties (4.21) when they are paid. The loan row is
locked ``FOR UPDATE`` before any write.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.models import (
    Group,
    Loan,
    LoanAllocation,
    LoanInstallment,
    LoanProduct,
    LoanTransaction,
    Member,
)
from ...domain import accounts
from ...domain.allocation import Due
from ...domain.arrears import PenaltyRule, penalty_for
from ...domain.money import RoundingMode, format_rupiah, percent_of
from ...domain.schedule import ScheduleTerms, next_meeting_day
from ...domain.vocabulary import LOAN_STATUS_LABELS, EntrySource, LoanStatus, MemberStatus
from ...errors import NotFound, ValidationError
from ..auth import Actor, require_group_visible, visible_groups
from ..common_reads import savings_balance_at
from ..loan_products import penalty_rule_of
from ..settings import rounding_in
from ..transaction_state import state

SOURCE = EntrySource.LOANS  # journal entries of the loan subledger
CASH = accounts.CASH
LOANS = accounts.LOANS
ALLOWANCE = accounts.LOAN_ALLOWANCE
INTEREST_INCOME = accounts.LOAN_INTEREST_INCOME
FEE_INCOME = accounts.FEE_INCOME
PENALTY_INCOME = accounts.PENALTY_INCOME
OTHER_INCOME = accounts.OTHER_INCOME
PROVISION_EXPENSE = accounts.PROVISION_EXPENSE

APPLIED, APPROVED, REJECTED = LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.REJECTED
ACTIVE, PAID_OFF, WRITTEN_OFF = LoanStatus.ACTIVE, LoanStatus.PAID_OFF, LoanStatus.WRITTEN_OFF
STATUSES = (APPLIED, APPROVED, REJECTED, ACTIVE, PAID_OFF, WRITTEN_OFF)
OPEN_STATUSES = (APPLIED, APPROVED, ACTIVE)
STATUS_LABELS = LOAN_STATUS_LABELS
KIND_LABELS = {
    "pencairan": ("Pencairan", "Disbursement"),
    "angsuran": ("Angsuran", "Repayment"),
    "pelunasan": ("Pelunasan", "Payoff"),
    "hapus_buku": ("Hapus buku", "Write-off"),
    "pemulihan": ("Penerimaan pinjaman dihapus", "Recovery"),
    "restrukturisasi": ("Restrukturisasi", "Reschedule"),
    "koreksi": ("Koreksi (pembalikan)", "Correction (reversal)"),
}


# ---------------------------------------------------------------- state of a loan


@dataclass
class InstallmentState:
    """One current schedule row with what has been paid on it (as of a date)."""

    id: int
    no: int
    due_date: dt.date
    principal: int
    interest: int
    fee: int
    paid_principal: int = 0
    paid_interest: int = 0
    paid_fee: int = 0
    paid_penalty: int = 0

    @property
    def unpaid_principal(self) -> int:
        return self.principal - self.paid_principal

    @property
    def unpaid_interest(self) -> int:
        return self.interest - self.paid_interest

    @property
    def unpaid_fee(self) -> int:
        return self.fee - self.paid_fee

    @property
    def unpaid(self) -> int:
        return self.unpaid_principal + self.unpaid_interest + self.unpaid_fee


def lock_loan(session: Session, number: str) -> Loan:
    """The loan by number, locked FOR UPDATE (PostgreSQL; SQLite writers are serialised)."""
    loan = session.scalars(
        select(Loan).where(Loan.number == (number or "").strip().upper()).with_for_update()
    ).first()
    if loan is None:
        raise NotFound(what="Pinjaman", key=number)
    return loan


def loan_by_number(session: Session, number: str) -> Loan:
    loan = session.scalars(
        select(Loan).where(Loan.number == (number or "").strip().upper())
    ).first()
    if loan is None:
        raise NotFound(what="Pinjaman", key=number)
    return loan


def rounding_for(session: Session, product: LoanProduct) -> RoundingMode:
    if product.rounding:
        return RoundingMode(product.rounding)
    st = state(session)
    if st.loan_rounding is None:  # one settings read per unit of work
        st.loan_rounding = rounding_in(session)
    return st.loan_rounding


def installment_states(
    session: Session, loan: Loan, as_of: dt.date | None = None
) -> list[InstallmentState]:
    """The loan's schedule rows in force (on ``as_of``) with their paid amounts."""
    q = select(LoanInstallment).where(LoanInstallment.loan_id == loan.id)
    if as_of is None:
        q = q.where(LoanInstallment.superseded_on.is_(None))
    else:
        q = q.where(
            LoanInstallment.valid_from <= as_of,
            (LoanInstallment.superseded_on.is_(None)) | (LoanInstallment.superseded_on > as_of),
        )
    rows = session.scalars(q.order_by(LoanInstallment.no)).all()
    states = {
        r.id: InstallmentState(r.id, r.no, r.due_date, r.principal, r.interest, r.fee) for r in rows
    }
    if not states:
        return []
    pq = (
        select(
            LoanAllocation.installment_id, LoanAllocation.component, func.sum(LoanAllocation.amount)
        )
        .join(LoanTransaction, LoanTransaction.id == LoanAllocation.transaction_id)
        .where(LoanTransaction.loan_id == loan.id, LoanAllocation.installment_id.in_(states))
        .group_by(LoanAllocation.installment_id, LoanAllocation.component)
    )
    if as_of is not None:
        pq = pq.where(LoanTransaction.date <= as_of)
    for iid, comp, amount in session.execute(pq):
        apply_paid(states[iid], comp, int(amount))
    return list(states.values())


def apply_paid(state: InstallmentState, component: str, amount: int) -> None:
    # plain branches: the month-end applies a hundred thousand allocations
    if component == "principal":
        state.paid_principal += amount
    elif component == "interest":
        state.paid_interest += amount
    elif component == "fee":
        state.paid_fee += amount
    elif component == "penalty":
        state.paid_penalty += amount
    else:
        raise ValueError(f"unknown allocation component {component!r}")


def penalty_owed(
    state: InstallmentState, rule: PenaltyRule, date: dt.date, mode: RoundingMode
) -> int:
    """Penalty still owed on one installment on ``date`` (penalty so far less penalty paid)."""
    overdue = state.unpaid_principal + state.unpaid_interest
    if state.due_date >= date or overdue <= 0:
        return 0
    owed = penalty_for(rule, overdue, (date - state.due_date).days, mode)
    return max(0, owed - state.paid_penalty)


def dues_from_states(
    states: list[InstallmentState], rule: PenaltyRule, date: dt.date, mode: RoundingMode
) -> list[Due]:
    return [
        Due(
            s.no,
            s.due_date,
            s.unpaid_principal,
            s.unpaid_interest,
            s.unpaid_fee,
            penalty_owed(s, rule, date, mode),
        )
        for s in states
        if s.unpaid > 0
    ]


def loan_dues(session: Session, loan: Loan, date: dt.date) -> list[Due]:
    """What the member still owes on each installment on ``date`` (penalties computed)."""
    product = session.get(LoanProduct, loan.product_id)
    assert product is not None
    return dues_from_states(
        installment_states(session, loan),
        penalty_rule_of(product),
        date,
        rounding_for(session, product),
    )


def savings_total_at(session: Session, member_id: int, date: dt.date) -> int:
    """All the member's savings (pokok + wajib + sukarela ...) on ``date``."""
    return savings_balance_at(session, date, member_id=member_id)


# ---------------------------------------------------------------- checks shared by steps


def check_member_active(member: Member) -> None:
    if member.status != MemberStatus.ACTIVE:
        raise ValidationError(
            "member", "member_not_active", member=member.number, status=member.status
        )


def check_status(loan: Loan, *allowed: str) -> None:
    if loan.status not in allowed:
        raise ValidationError(
            "loan",
            "loan_wrong_status",
            loan=loan.number,
            status=STATUS_LABELS.get(loan.status, (loan.status,))[0],
        )


def loan_limit(
    session: Session, product: LoanProduct, member: Member, date: dt.date
) -> tuple[int, int | None]:
    """(the member's savings on ``date``, the most the product lends them; None: no limit)."""
    saved = savings_total_at(session, member.id, date)
    if product.limit_multiple is None:
        return saved, None
    return saved, int(Decimal(saved) * Decimal(product.limit_multiple))


def _check_limit(
    session: Session, product: LoanProduct, member: Member, amount: int, date: dt.date
) -> None:
    if product.limit_multiple is None:
        return
    saved, limit = loan_limit(session, product, member, date)
    assert limit is not None
    if amount > limit:
        raise ValidationError(
            "amount",
            "over_limit",
            amount=format_rupiah(amount),
            limit=format_rupiah(limit),
            multiple=f"{Decimal(product.limit_multiple).normalize():f}",
            savings=format_rupiah(saved),
        )


def check_one_active(
    session: Session, product: LoanProduct, member: Member, loan_id: int | None
) -> None:
    q = (
        select(Loan.number, LoanProduct.allow_multiple)
        .join(LoanProduct, LoanProduct.id == Loan.product_id)
        .where(Loan.member_id == member.id, Loan.status.in_(OPEN_STATUSES))
    )
    if loan_id is not None:
        q = q.where(Loan.id != loan_id)
    for number, allow in session.execute(q):
        if not (allow and product.allow_multiple):
            raise ValidationError("member", "has_open_loan", member=member.number, loan=number)


def check_date_after(date: dt.date, other: dt.date | None, field: str = "date") -> None:
    if other is not None and date < other:
        raise ValidationError(field, "date_before", other=other.isoformat())


def fee_for(session: Session, product: LoanProduct, amount: int) -> int:
    if product.fee_kind == "flat":
        return product.fee_amount
    if product.fee_kind == "percent":
        return percent_of(amount, product.fee_percent, rounding_for(session, product))
    return 0


def schedule_terms(
    session: Session,
    loan: Loan,
    product: LoanProduct,
    disbursed: dt.date,
    principal: int | None = None,
) -> ScheduleTerms:
    first_due = loan.first_due
    if first_due is None and product.group_loan and loan.unit == "week" and loan.group_id:
        group = session.get(Group, loan.group_id)
        if group is not None and group.meeting_day is not None:
            first_due = next_meeting_day(disbursed, group.meeting_day, 7 * loan.every)
    return ScheduleTerms(
        principal=loan.amount if principal is None else principal,
        rate=Decimal(loan.rate),
        repayments=loan.term,
        disbursed=disbursed,
        method=loan.method,
        rate_per=loan.rate_per,
        every=loan.every,
        unit=loan.unit,
        first_due=first_due if first_due is None or first_due > disbursed else None,
        interest_period=product.interest_period,
        rounding=rounding_for(session, product),
        amounts_multiple=product.amounts_multiple,
        installment_multiple=product.installment_multiple,
        grace_principal=product.grace_principal,
        grace_interest=product.grace_interest,
        interest_free=product.interest_free,
    )


def require_loan_visible(session: Session, actor: Actor | None, loan: Loan) -> None:
    """A ketua kelompok reads only loans of members in their groups."""
    if visible_groups(actor) is not None:
        require_group_visible(
            actor,
            session.scalar(select(Member.group_id).where(Member.id == loan.member_id)),
            "Pinjaman",
            loan.number,
        )

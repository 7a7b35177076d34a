"""Loans (pinjaman): application, approval, disbursement and the loan's state.

Every step that moves money posts its journal entry in the same unit of work as the loan
subledger row it explains (source ``pinjaman``). Income is recognised on a cash basis:
interest (4.10), fees (4.20) and penalties (4.21) when they are paid. The loan row is
locked ``FOR UPDATE`` before any write.

Repayments, payoff, reversal, rescheduling, write-off and recovery live in
:mod:`koperasi.services.loan_repayments`; arrears, quality and the month-end run in
:mod:`koperasi.services.loan_quality`; group meetings in
:mod:`koperasi.services.group_meeting`. Their public functions are re-exported here, so
``loans.repay(...)``, ``loans.month_end(...)`` etc. work.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Group,
    Loan,
    LoanAllocation,
    LoanInstallment,
    LoanProduct,
    LoanTransaction,
    Member,
    SavingsAccount,
    SavingsTransaction,
)
from ..domain.allocation import Due
from ..domain.arrears import penalty_for
from ..domain.money import RoundingMode, format_rupiah, percent_of
from ..domain.schedule import Schedule, ScheduleTerms, generate, next_meeting_day
from ..errors import NotFound, ValidationError
from . import audit, ledger, lending_limits, plausibility, savings
from .auth import Actor, require, require_group_visible, visible_groups
from .counters import SERIES_LOAN, next_number, next_receipt
from .ledger import Line
from .loan_products import penalty_rule_of, product_by_code
from .members import member_by_number
from .settings import rounding_in
from .uow import read_only, unit_of_work
from .validation import clean_memo

SOURCE = "pinjaman"  # journal entries of the loan subledger
CASH = "1.01"
LOANS = "1.20"
ALLOWANCE = "1.29"
INTEREST_INCOME = "4.10"
FEE_INCOME = "4.20"
PENALTY_INCOME = "4.21"
OTHER_INCOME = "4.90"
PROVISION_EXPENSE = "5.40"

APPLIED, APPROVED, REJECTED = "diajukan", "disetujui", "ditolak"
ACTIVE, PAID_OFF, WRITTEN_OFF = "aktif", "lunas", "dihapusbukukan"
STATUSES = (APPLIED, APPROVED, REJECTED, ACTIVE, PAID_OFF, WRITTEN_OFF)
OPEN_STATUSES = (APPLIED, APPROVED, ACTIVE)
STATUS_LABELS = {
    APPLIED: ("Diajukan", "Applied"),
    APPROVED: ("Disetujui", "Approved"),
    REJECTED: ("Ditolak", "Rejected"),
    ACTIVE: ("Aktif", "Active"),
    PAID_OFF: ("Lunas", "Paid off"),
    WRITTEN_OFF: ("Dihapusbukukan", "Written off"),
}
KIND_LABELS = {
    "pencairan": ("Pencairan", "Disbursement"),
    "angsuran": ("Angsuran", "Repayment"),
    "pelunasan": ("Pelunasan", "Payoff"),
    "hapus_buku": ("Hapus buku", "Write-off"),
    "pemulihan": ("Penerimaan pinjaman dihapus", "Recovery"),
    "restrukturisasi": ("Restrukturisasi", "Reschedule"),
    "koreksi": ("Koreksi (pembalikan)", "Correction (reversal)"),
}


# ---------------------------------------------------------------- plain views


@dataclass(frozen=True)
class ApplyInput:
    """A loan application as the form (or ``loan apply``) gives it."""

    member_no: str
    product_code: str
    amount: int
    term: int
    date: dt.date
    purpose: str
    guarantor: str = ""  # guarantor's name, or the group's approval note
    first_due: dt.date | None = None
    collateral: int = 0
    # issue 17: collateral pledged and guarantors (member numbers) attached at application
    collateral_items: tuple = ()  # of collateral.CollateralInput
    guarantors: tuple = ()  # of member numbers, or (member number, relation)


@dataclass(frozen=True)
class LoanRow:
    id: int
    number: str
    member_number: str
    member_name: str
    group_code: str | None
    product_code: str
    status: str
    applied_on: dt.date
    disbursed_on: dt.date | None
    amount: int
    term: int
    principal_outstanding: int
    quality_class: str


@dataclass(frozen=True)
class InstallmentRow:
    no: int
    due_date: dt.date
    principal: int
    interest: int
    fee: int
    paid_principal: int
    paid_interest: int
    paid_fee: int
    paid_penalty: int
    version: int
    superseded_on: dt.date | None

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee

    @property
    def paid(self) -> int:
        return self.paid_principal + self.paid_interest + self.paid_fee

    @property
    def unpaid(self) -> int:
        return self.total - self.paid


@dataclass(frozen=True)
class AllocationRow:
    installment_no: int
    component: str  # penalty | fee | interest | principal
    amount: int


@dataclass(frozen=True)
class LoanTxView:
    id: int
    loan_number: str
    member_number: str
    member_name: str
    date: dt.date
    kind: str
    amount: int
    principal: int
    interest: int
    fee: int
    penalty: int
    principal_change: int
    source: str
    receipt_no: str | None
    journal_entry_id: int | None
    reverses_id: int | None
    reversed: bool
    memo: str
    allocations: tuple[AllocationRow, ...] = ()
    principal_outstanding_after: int = 0
    loan_status_after: str = ""


@dataclass(frozen=True)
class LoanDetail:
    row: LoanRow
    product_name: str
    method: str
    rate: Decimal
    rate_per: str
    every: int
    unit: str
    purpose: str
    guarantor: str
    collateral: int
    decided_on: dt.date | None
    decided_by: str
    decision_note: str
    disbursed_to: str
    fee: int
    closed_on: dt.date | None
    written_off_on: dt.date | None
    ppap_booked: int
    schedule: tuple[InstallmentRow, ...]  # current version
    history: tuple[InstallmentRow, ...]  # superseded rows (rescheduled loans)
    transactions: tuple[LoanTxView, ...]

    @property
    def number(self) -> str:
        return self.row.number

    @property
    def status(self) -> str:
        return self.row.status


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
    cached = session.info.get("loan_rounding")  # one settings read per unit of work
    if cached is None:
        cached = session.info["loan_rounding"] = rounding_in(session)
    return cached


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


def penalty_owed(state: InstallmentState, rule, date: dt.date, mode: RoundingMode) -> int:  # type: ignore[no-untyped-def]
    """Penalty still owed on one installment on ``date`` (penalty so far less penalty paid)."""
    overdue = state.unpaid_principal + state.unpaid_interest
    if state.due_date >= date or overdue <= 0:
        return 0
    owed = penalty_for(rule, overdue, (date - state.due_date).days, mode)
    return max(0, owed - state.paid_penalty)


def dues_from_states(
    states: list[InstallmentState], rule, date: dt.date, mode: RoundingMode
) -> list[Due]:  # type: ignore[no-untyped-def]
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
    return int(
        session.scalar(
            select(func.coalesce(func.sum(SavingsTransaction.amount), 0))
            .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
            .where(SavingsAccount.member_id == member_id, SavingsTransaction.date <= date)
        )
        or 0
    )


# ---------------------------------------------------------------- checks shared by steps


def _check_member_active(member: Member) -> None:
    if member.status != "aktif":
        raise ValidationError(
            "member", "member_not_active", member=member.number, status=member.status
        )


def _check_status(loan: Loan, *allowed: str) -> None:
    if loan.status not in allowed:
        raise ValidationError(
            "loan",
            "loan_wrong_status",
            loan=loan.number,
            status=STATUS_LABELS.get(loan.status, (loan.status,))[0],
        )


def _limit(session: Session, product: LoanProduct, member: Member, date) -> tuple[int, int | None]:  # type: ignore[no-untyped-def]
    """(the member's savings on ``date``, the most the product lends them; None: no limit)."""
    saved = savings_total_at(session, member.id, date)
    if product.limit_multiple is None:
        return saved, None
    return saved, int(Decimal(saved) * Decimal(product.limit_multiple))


def _check_limit(session: Session, product: LoanProduct, member: Member, amount: int, date) -> None:  # type: ignore[no-untyped-def]
    if product.limit_multiple is None:
        return
    saved, limit = _limit(session, product, member, date)
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


def _check_one_active(
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


def _check_date_after(date: dt.date, other: dt.date | None, field: str = "date") -> None:
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


# ---------------------------------------------------------------- views


def row_of(session: Session, loan: Loan) -> LoanRow:
    member = session.get(Member, loan.member_id)
    product = session.get(LoanProduct, loan.product_id)
    group = session.get(Group, loan.group_id) if loan.group_id else None
    assert member is not None and product is not None
    return LoanRow(
        loan.id,
        loan.number,
        member.number,
        member.name,
        group.code if group else None,
        product.code,
        loan.status,
        loan.applied_on,
        loan.disbursed_on,
        loan.amount,
        loan.term,
        loan.principal_outstanding,
        loan.quality_class,
    )


def add_first_schedule(session: Session, loan: Loan, schedule, valid_from: dt.date) -> None:  # type: ignore[no-untyped-def]
    """Write a loan's first schedule (version 1) from a generated ``schedule``: on
    disbursement, and for a running loan brought in from the old books."""
    loan.schedule_version = 1
    session.add_all(
        LoanInstallment(
            loan_id=loan.id,
            version=1,
            no=inst.no,
            due_date=inst.due_date,
            principal=inst.principal,
            interest=inst.interest,
            fee=0,
            valid_from=valid_from,
        )
        for inst in schedule.installments
    )


def tx_view(
    session: Session,
    tx: LoanTransaction,
    loan: Loan | None = None,
    new_allocations: Sequence[tuple[int, str, int]] | None = None,
) -> LoanTxView:
    """A transaction as shown. ``new_allocations`` ``(installment no, component, amount)``:
    the split of a transaction just written (then not read back, and not reversed)."""
    loan = loan or session.get(Loan, tx.loan_id)
    assert loan is not None
    member = session.get(Member, loan.member_id)
    assert member is not None
    if new_allocations is not None:
        allocs, reversed_ = list(new_allocations), False
    else:
        allocs = session.execute(
            select(LoanInstallment.no, LoanAllocation.component, LoanAllocation.amount)
            .join(LoanInstallment, LoanInstallment.id == LoanAllocation.installment_id)
            .where(LoanAllocation.transaction_id == tx.id)
            .order_by(LoanAllocation.id)
        ).all()
        reversed_ = (
            session.scalar(select(LoanTransaction.id).where(LoanTransaction.reverses_id == tx.id))
            is not None
        )
    return LoanTxView(
        tx.id,
        loan.number,
        member.number,
        member.name,
        tx.date,
        tx.kind,
        tx.amount,
        tx.principal,
        tx.interest,
        tx.fee,
        tx.penalty,
        tx.principal_change,
        tx.source,
        tx.receipt_no,
        tx.journal_entry_id,
        tx.reverses_id,
        reversed_,
        tx.memo,
        tuple(AllocationRow(no, comp, amt) for no, comp, amt in allocs),
        loan.principal_outstanding,
        loan.status,
    )


def detail_in(session: Session, loan: Loan) -> LoanDetail:
    product = session.get(LoanProduct, loan.product_id)
    assert product is not None
    rows = session.scalars(
        select(LoanInstallment)
        .where(LoanInstallment.loan_id == loan.id)
        .order_by(LoanInstallment.version, LoanInstallment.no)
    ).all()
    paid: dict[int, dict[str, int]] = {}
    for iid, comp, amount in session.execute(
        select(
            LoanAllocation.installment_id, LoanAllocation.component, func.sum(LoanAllocation.amount)
        )
        .join(LoanTransaction, LoanTransaction.id == LoanAllocation.transaction_id)
        .where(LoanTransaction.loan_id == loan.id)
        .group_by(LoanAllocation.installment_id, LoanAllocation.component)
    ):
        paid.setdefault(iid, {})[comp] = int(amount)

    def irow(r: LoanInstallment) -> InstallmentRow:
        p = paid.get(r.id, {})
        return InstallmentRow(
            r.no,
            r.due_date,
            r.principal,
            r.interest,
            r.fee,
            p.get("principal", 0),
            p.get("interest", 0),
            p.get("fee", 0),
            p.get("penalty", 0),
            r.version,
            r.superseded_on,
        )

    txs = session.scalars(
        select(LoanTransaction)
        .where(LoanTransaction.loan_id == loan.id)
        .order_by(LoanTransaction.date, LoanTransaction.id)
    ).all()
    return LoanDetail(
        row_of(session, loan),
        product.name,
        loan.method,
        loan.rate,
        loan.rate_per,
        loan.every,
        loan.unit,
        loan.purpose,
        loan.guarantor,
        loan.collateral,
        loan.decided_on,
        loan.decided_by,
        loan.decision_note,
        loan.disbursed_to,
        loan.fee,
        loan.closed_on,
        loan.written_off_on,
        loan.ppap_booked,
        tuple(irow(r) for r in rows if r.superseded_on is None),
        tuple(irow(r) for r in rows if r.superseded_on is not None),
        tuple(tx_view(session, t, loan) for t in txs),
    )


# ---------------------------------------------------------------- application


def new_loan(
    session: Session,
    actor: Actor,
    member: Member,
    product: LoanProduct,
    *,
    status: str,
    date: dt.date,
    amount: int,
    term: int,
    first_due: dt.date | None,
    purpose: str,
    guarantor: str,
    collateral: int,
    **extra: object,
) -> Loan:
    """A loan row on the product's terms, numbered in the PJ series of ``date``'s year and
    flushed (for applications, and for running loans brought in from old books)."""
    year = date.year
    loan = Loan(
        number=f"PJ-{year}-{next_number(session, 'PJ', year):05d}",
        member_id=member.id,
        product_id=product.id,
        group_id=member.group_id,
        status=status,
        applied_on=date,
        amount=amount,
        term=term,
        method=product.method,
        rate=product.rate,
        rate_per=product.rate_per,
        every=product.every,
        unit=product.unit,
        first_due=first_due,
        purpose=purpose,
        guarantor=(guarantor or "").strip(),
        collateral=collateral,
        created_by=actor.username,
        **extra,
    )
    session.add(loan)
    session.flush()
    return loan


def apply_in(session: Session, actor: Actor, data: ApplyInput) -> Loan:
    member = member_by_number(session, data.member_no, lock=True)
    _check_member_active(member)
    product = product_by_code(session, data.product_code)
    if not product.active:
        raise ValidationError("product", "inactive", value=product.code)
    if isinstance(data.amount, bool) or not isinstance(data.amount, int):
        raise ValidationError("amount", "not_an_amount", value=data.amount)
    if not product.min_amount <= data.amount <= product.max_amount:
        raise ValidationError(
            "amount",
            "out_of_range",
            min=format_rupiah(product.min_amount),
            max=format_rupiah(product.max_amount),
            value=format_rupiah(data.amount),
        )
    if isinstance(data.term, bool) or not isinstance(data.term, int):
        raise ValidationError("term", "not_a_number", value=data.term)
    if not product.min_term <= data.term <= product.max_term:
        raise ValidationError(
            "term", "out_of_range", min=product.min_term, max=product.max_term, value=data.term
        )
    purpose = " ".join(clean_memo(data.purpose, "purpose").split())
    if not purpose:
        raise ValidationError("purpose", "required")
    _check_date_after(data.date, member.join_date)
    if data.first_due is not None and data.first_due <= data.date:
        raise ValidationError("first_due", "date_before", other=data.date.isoformat())
    if (
        isinstance(data.collateral, bool)
        or not isinstance(data.collateral, int)
        or data.collateral < 0
    ):
        raise ValidationError("collateral", "must_not_be_negative")
    if product.group_loan and member.group_id is None:
        raise ValidationError("group", "required")
    lending_limits.check_application_in(session, member, product, data.amount, data.date)
    _check_one_active(session, product, member, None)
    loan = new_loan(
        session,
        actor,
        member,
        product,
        status=APPLIED,
        date=data.date,
        amount=data.amount,
        term=data.term,
        first_due=data.first_due,
        purpose=purpose,
        guarantor=data.guarantor,
        collateral=data.collateral,
    )
    generate(schedule_terms(session, loan, product, data.date))  # validates the terms
    audit.record(session, actor, "loan.apply", "loan", loan.number, after=row_of(session, loan))
    if data.collateral_items or data.guarantors:
        from . import collateral as collateral_service

        for item in data.collateral_items:
            collateral_service.add_in(session, actor, loan, item, data.date)
        for g in data.guarantors:
            number, relation = (g, "") if isinstance(g, str) else g
            collateral_service.add_guarantor_in(session, actor, loan, number, relation)
        if data.collateral_items:
            collateral_service.check_product_rules_in(session, loan, product)
    return loan


def apply(db, actor: Actor, data: ApplyInput, *, confirm_large: bool = False) -> LoanDetail:  # type: ignore[no-untyped-def]
    """Record a loan application (amount and term within the product's ranges, member
    active, within the savings limit, and the one-open-loan rule). A principal above the
    plausibility ceiling needs ``confirm_large`` (checked here, not again at disbursement:
    the principal does not change in between)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        limits = plausibility.Limits(s, [plausibility.LOAN], confirmed=confirm_large)
        loan = apply_in(s, actor, data)
        limits.check(plausibility.LOAN, data.amount)
        return detail_in(s, loan)


def preview_schedule(
    db,
    product_code: str,
    amount: int,
    term: int,
    date: dt.date,
    first_due: dt.date | None = None,
    group_code: str | None = None,
) -> Schedule:  # type: ignore[no-untyped-def]
    """The schedule a member would sign for (nothing is written)."""
    with read_only(db) as s:
        product = product_by_code(s, product_code)
        group_id = None
        if group_code:
            g = s.scalars(select(Group).where(Group.code == group_code.strip().upper())).first()
            group_id = g.id if g else None
        loan = Loan(
            amount=amount,
            term=term,
            method=product.method,
            rate=product.rate,
            rate_per=product.rate_per,
            every=product.every,
            unit=product.unit,
            first_due=first_due,
            group_id=group_id,
        )
        return generate(schedule_terms(s, loan, product, date))


def approve_in(session: Session, actor: Actor, loan: Loan, date: dt.date, note: str = "") -> Loan:
    require(actor, "loan.approve")
    _check_status(loan, APPLIED)
    _check_date_after(date, loan.applied_on)
    rules = lending_limits.rules_in(session)
    if (
        rules.four_eyes_loan_above is not None
        and loan.amount > rules.four_eyes_loan_above
        and actor.username == loan.created_by
    ):
        raise ValidationError(
            "approver",
            "four_eyes_loan",
            user=actor.username,
            limit=format_rupiah(rules.four_eyes_loan_above),
        )
    from . import collateral as collateral_service

    collateral_service.check_product_rules_in(
        session, loan, session.get(LoanProduct, loan.product_id)
    )
    lending_limits.check_boards_in(session, loan, date)
    before = row_of(session, loan)
    loan.status, loan.decided_on, loan.decided_by = APPROVED, date, actor.username
    loan.decision_note = clean_memo(note, "note")
    session.flush()
    audit.record(session, actor, "loan.approve", "loan", loan.number, before, row_of(session, loan))
    return loan


def approve(db, actor: Actor, number: str, date: dt.date, note: str = "") -> LoanDetail:  # type: ignore[no-untyped-def]
    require(actor, "loan.approve")
    with unit_of_work(db) as s:
        return detail_in(s, approve_in(s, actor, lock_loan(s, number), date, note))


def reject(db, actor: Actor, number: str, date: dt.date, reason: str) -> LoanDetail:  # type: ignore[no-untyped-def]
    """Refuse an application (or cancel an approved one before disbursement), with a reason."""
    require(actor, "loan.approve")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        _check_status(loan, APPLIED, APPROVED)
        _check_date_after(date, loan.applied_on)
        before = row_of(s, loan)
        loan.status, loan.decided_on, loan.decided_by = REJECTED, date, actor.username
        loan.decision_note = reason
        s.flush()
        audit.record(s, actor, "loan.reject", "loan", loan.number, before, row_of(s, loan))
        return detail_in(s, loan)


# ---------------------------------------------------------------- disbursement


def disburse_in(
    session: Session,
    actor: Actor,
    loan: Loan,
    date: dt.date,
    to: str = "kas",
    fee_mode: str | None = None,
) -> LoanTransaction:
    _check_status(loan, APPROVED)
    if to not in ("kas", "sukarela"):
        raise ValidationError("disburse_to", "choice", choices="kas, sukarela", value=to)
    _check_date_after(date, loan.decided_on or loan.applied_on)
    member = session.get(Member, loan.member_id, with_for_update=True)
    product = session.get(LoanProduct, loan.product_id)
    assert member is not None and product is not None
    _check_member_active(member)
    lending_limits.check_application_in(session, member, product, loan.amount, date, loan.id)
    lending_limits.check_boards_in(session, loan, date)
    _check_one_active(session, product, member, loan.id)
    fee_mode = fee_mode or product.fee_mode
    if fee_mode not in ("deduct", "cash"):
        raise ValidationError("fee_mode", "choice", choices="deduct, cash", value=fee_mode)
    fee = fee_for(session, product, loan.amount)
    schedule = generate(schedule_terms(session, loan, product, date))
    paid_out = loan.amount - fee if fee_mode == "deduct" else loan.amount
    dest_account = CASH
    sukarela_acct = None
    if to == "sukarela":
        sukarela = savings.product_of_kind(session, "sukarela")
        sukarela_acct = savings.account_for(session, member, sukarela, open_on=date)
        dest_account = sukarela.account_code
    receipt = next_receipt(session, SERIES_LOAN, date.year)
    lines = [
        Line(LOANS, debit=loan.amount, member_id=member.id, memo=loan.number),
        Line(dest_account, credit=paid_out, member_id=member.id, memo=loan.number),
    ]
    if fee:
        if fee_mode == "cash":
            lines.append(Line(CASH, debit=fee, member_id=member.id, memo="provisi/administrasi"))
        lines.append(Line(FEE_INCOME, credit=fee, member_id=member.id, memo=loan.number))
    entry = ledger.post(
        session,
        actor,
        date,
        f"Pencairan pinjaman {loan.number} {member.number} {member.name}",
        lines,
        source=SOURCE,
        source_ref=loan.number,
        receipt_no=receipt,
    )
    if sukarela_acct is not None:
        savings.record_in(
            session,
            actor,
            sukarela_acct,
            paid_out,
            date,
            "pencairan",
            entry.id,
            receipt,
            f"Pencairan pinjaman {loan.number}",
        )
    add_first_schedule(session, loan, schedule, date)
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="pencairan",
        amount=paid_out,
        principal=loan.amount,
        fee=fee,
        principal_change=loan.amount,
        source=to,
        receipt_no=receipt,
        journal_entry_id=entry.id,
        memo=f"biaya {fee_mode}" if fee else "",
        created_by=actor.username,
    )
    session.add(tx)
    before = row_of(session, loan)
    loan.status, loan.disbursed_on, loan.disbursed_to = ACTIVE, date, to
    loan.fee, loan.principal_outstanding = fee, loan.amount
    if loan.first_due is None:
        loan.first_due = schedule.installments[0].due_date
    session.flush()
    audit.record(
        session, actor, "loan.disburse", "loan", loan.number, before, row_of(session, loan)
    )
    return tx


def disburse(
    db, actor: Actor, number: str, date: dt.date, to: str = "kas", fee_mode: str | None = None
) -> LoanTxView:  # type: ignore[no-untyped-def]
    """Pay out an approved loan in cash or to the member's sukarela savings:
    Dr 1.20 Pinjaman / Cr 1.01 Kas (or 2.10) (+ Cr 4.20 fee, deducted or paid in cash)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        tx = disburse_in(s, actor, loan, date, to, fee_mode)
        return tx_view(s, tx, loan)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Eligibility:
    """What the loan form shows before the amount is typed: the member's savings, the
    product's limit for them, and the open loan that would block a new one."""

    member_number: str
    member_name: str
    member_status: str
    group_code: str | None
    savings_total: int
    limit: int | None  # None: the product has no savings-based limit
    open_loan: str | None  # number of an open loan that blocks this product


def eligibility(db, member_no: str, product_code: str, date: dt.date) -> Eligibility:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        member = member_by_number(s, member_no)
        product = product_by_code(s, product_code)
        saved, limit = _limit(s, product, member, date)
        blocking = None
        try:
            _check_one_active(s, product, member, None)
        except ValidationError as exc:
            blocking = str(exc.params.get("loan", ""))
        group = s.get(Group, member.group_id) if member.group_id else None
        return Eligibility(
            member.number,
            member.name,
            member.status,
            group.code if group else None,
            saved,
            limit,
            blocking,
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


def get_loan(db, number: str, actor: Actor | None = None) -> LoanDetail:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        return detail_in(s, loan)


def list_loans(
    db,
    status: str | None = None,
    member_no: str | None = None,
    group_code: str | None = None,
    product_code: str | None = None,
    after: str | None = None,
    limit: int = 200,
    actor: Actor | None = None,
) -> list[LoanRow]:  # type: ignore[no-untyped-def]
    """Loans by number (keyset paging with ``after`` = last number shown)."""
    scope = visible_groups(actor)
    with read_only(db) as s:
        q = (
            select(Loan, Member, LoanProduct, Group)
            .join(Member, Member.id == Loan.member_id)
            .join(LoanProduct, LoanProduct.id == Loan.product_id)
            .outerjoin(Group, Group.id == Loan.group_id)
            .order_by(Loan.number)
            .limit(limit)
        )
        if status:
            if status not in STATUSES:
                raise ValidationError("status", "choice", choices=", ".join(STATUSES), value=status)
            q = q.where(Loan.status == status)
        if member_no:
            q = q.where(Member.number == member_no.strip())
        if group_code:
            q = q.where(Group.code == group_code.strip().upper())
        if product_code:
            q = q.where(LoanProduct.code == product_code.strip().upper())
        if after:
            q = q.where(Loan.number > after)
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        return [
            LoanRow(
                ln.id,
                ln.number,
                m.number,
                m.name,
                g.code if g else None,
                p.code,
                ln.status,
                ln.applied_on,
                ln.disbursed_on,
                ln.amount,
                ln.term,
                ln.principal_outstanding,
                ln.quality_class,
            )
            for ln, m, p, g in s.execute(q)
        ]


def member_loans(db, member_no: str, actor: Actor | None = None) -> list[LoanRow]:  # type: ignore[no-untyped-def]
    return list_loans(db, member_no=member_no, limit=10_000, actor=actor)


# ---------------------------------------------------------------- re-exports

# The other loan modules import this one, so their names are looked up lazily (PEP 562).
_REEXPORTS = {
    "group_meeting": (
        "GroupMeetingResult",
        "MemberDues",
        "group_meeting_dues",
        "post_group_meeting",
    ),
    "loan_quality": (
        "ArrearsReport",
        "LoanQuality",
        "MonthEndResult",
        "loan_arrears",
        "loan_quality",
        "month_end",
        "quality_rules_in",
    ),
    "loan_repayments": (
        "PayoffQuoteView",
        "payoff",
        "payoff_quote",
        "recover",
        "repay",
        "repay_in",
        "reschedule",
        "reverse_repayment",
        "reverse_transaction_in",
        "write_off",
    ),
}
_WHERE = {name: module for module, names in _REEXPORTS.items() for name in names}

if TYPE_CHECKING:  # for readers and type checkers; at run time see __getattr__
    from .group_meeting import (
        GroupMeetingResult,
        MemberDues,
        group_meeting_dues,
        post_group_meeting,
    )
    from .loan_quality import (
        ArrearsReport,
        LoanQuality,
        MonthEndResult,
        loan_arrears,
        loan_quality,
        month_end,
        quality_rules_in,
    )
    from .loan_repayments import (
        PayoffQuoteView,
        payoff,
        payoff_quote,
        recover,
        repay,
        repay_in,
        reschedule,
        reverse_repayment,
        reverse_transaction_in,
        write_off,
    )


def settle_debts_for_exit(session: Session, actor: Actor, member: Member, date: dt.date) -> int:
    """Called by ``members.exit_member``: set the leaving member's savings against their
    active loans (see :func:`koperasi.services.loan_repayments.settle_debts_for_exit`)."""
    from .loan_repayments import settle_debts_for_exit as settle

    return settle(session, actor, member, date)


def __getattr__(name: str):  # type: ignore[no-untyped-def]
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(name)
    import importlib

    value = getattr(importlib.import_module(f"{__package__}.{module}"), name)
    globals()[name] = value
    return value


__all__ = [
    "ApplyInput",
    "ArrearsReport",
    "GroupMeetingResult",
    "LoanDetail",
    "LoanQuality",
    "LoanRow",
    "LoanTxView",
    "MemberDues",
    "MonthEndResult",
    "PayoffQuoteView",
    "apply",
    "approve",
    "disburse",
    "get_loan",
    "group_meeting_dues",
    "list_loans",
    "loan_quality",
    "loan_arrears",
    "month_end",
    "payoff",
    "payoff_quote",
    "post_group_meeting",
    "preview_schedule",
    "quality_rules_in",
    "recover",
    "reject",
    "repay",
    "repay_in",
    "reschedule",
    "reverse_repayment",
    "reverse_transaction_in",
    "settle_debts_for_exit",
    "write_off",
]

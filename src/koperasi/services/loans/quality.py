"""Arrears and loan quality: days past due, arrears, penalties, kolektibilitas, PPAP, PAR,
repayment rate. The month-end run that books the provision is
:mod:`koperasi.services.month_end`.

Penalties (denda) are recognised on a cash basis, like interest: they are income (4.21)
when paid. The month-end run therefore accrues them as a *memo* only (reported per loan
and in total, not posted); it then sets the loan-loss allowance (1.29) to the PPAP the
loans need on that date, posting the change (Dr 5.40 / Cr 1.29, or the reverse for a
release). Running it again for the same date posts nothing (idempotent). After the run
the PPAP total equals the allowance account's balance; ``koperasi check`` verifies that
the allowance equals the provision held per loan at all times.
"""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass, fields
from decimal import Decimal
from typing import Any, NamedTuple, cast

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import (
    Group,
    Loan,
    LoanAllocation,
    LoanInstallment,
    LoanProduct,
    LoanTransaction,
    Member,
)
from ...db.plain import as_date, plain_rows
from ...domain import arrears as qa
from ...domain.money import RoundingMode
from ...domain.vocabulary import EntrySource
from .. import ledger
from ..auth import Actor, require_read_all
from ..ledger import Line
from ..loan_products import penalty_rule_of
from ..settings import get_value, rounding_in
from ..transaction_state import state
from ..uow import read_only
from .core import (
    ACTIVE,
    ALLOWANCE,
    PROVISION_EXPENSE,
    InstallmentState,
    apply_paid,
    loan_by_number,
    penalty_owed,
    require_loan_visible,
)


@dataclass(frozen=True)
class LoanQuality:
    loan_number: str
    member_number: str
    member_name: str
    group_code: str | None
    product_code: str
    frequency: str  # week | month
    disbursed_on: dt.date
    amount: int
    outstanding: int  # principal outstanding on the date
    dpd: int  # days past due (oldest unpaid installment)
    arrears_principal: int
    arrears_interest: int
    penalty_due: int  # memo: penalty owed on the date, not yet paid
    kolektibilitas: str
    ppap: int
    collateral: int
    last_payment: dt.date | None
    due_to_date: int
    paid_to_date: int
    status: str

    @property
    def arrears(self) -> int:
        return self.arrears_principal + self.arrears_interest

    @property
    def late(self) -> bool:
        return self.dpd > 0


@dataclass(frozen=True)
class ClassSummary:
    kolektibilitas: str
    loans: int
    outstanding: int
    ppap: int


@dataclass(frozen=True)
class ArrearsReport:
    """Report data for the arrears list / loan register by class (``loan arrears``)."""

    as_of: dt.date
    loans: tuple[LoanQuality, ...]  # every loan outstanding on the date
    by_class: tuple[ClassSummary, ...]
    outstanding: int
    ppap_total: int
    allowance_balance: int  # balance of 1.29 on the date
    penalty_total: int
    par1: Decimal
    par30: Decimal
    par90: Decimal
    repayment_rate: Decimal
    rules_method: str = "permen"

    @property
    def late(self) -> tuple[LoanQuality, ...]:
        return tuple(q for q in self.loans if q.late)

    @property
    def arrears_total(self) -> int:
        return sum(q.arrears for q in self.loans)


# ---------------------------------------------------------------- settings


def quality_rules_in(session: Session) -> qa.QualityRules:
    """Kolektibilitas thresholds and PPAP rates: setting ``loan_quality`` over the defaults
    (DESIGN §9). Keys are the fields of :class:`koperasi.domain.arrears.QualityRules`."""
    data = get_value(session, "loan_quality") or {}
    base = qa.QualityRules()
    kwargs = {}
    for f in fields(qa.QualityRules):
        if f.name not in data:
            continue
        value = data[f.name]
        if f.name == "ppap":
            value = {**base.ppap, **{k: Decimal(str(v)) for k, v in value.items()}}
        elif f.name == "collateral_ratio_diragukan":
            value = Decimal(str(value))
        kwargs[f.name] = value
    return qa.QualityRules(**kwargs)


# ---------------------------------------------------------------- portfolio state


class _LoanRow(NamedTuple):
    """What the quality of a loan needs of it, its member and group (plain columns: a
    large portfolio has thousands of loans, and ORM objects for them cost more than the
    classification itself)."""

    id: int
    number: str
    product_id: int
    unit: str
    amount: int
    collateral: int
    recoverable: bool
    disbursed_on: dt.date | None
    status: str
    member_number: str
    member_name: str
    group_code: str | None


def _portfolio(
    session: Session, as_of: dt.date, only_active_now: bool = False
) -> list[tuple[_LoanRow, LoanProduct, list[InstallmentState], int, dt.date | None]]:
    """Every loan with principal outstanding on ``as_of``, with its schedule state then."""
    sums = (
        select(LoanTransaction.loan_id, func.sum(LoanTransaction.principal_change))
        .where(LoanTransaction.date <= as_of)
        .group_by(LoanTransaction.loan_id)
    )
    if only_active_now:  # not the years of loans repaid long ago
        sums = sums.where(LoanTransaction.loan_id.in_(select(Loan.id).where(Loan.status == ACTIVE)))
    changes = dict(plain_rows(session, sums))  # every loan ever: plain rows
    ids = [lid for lid, v in changes.items() if int(v or 0) > 0]
    if not ids:
        return []
    q = (
        select(
            Loan.id,
            Loan.number,
            Loan.product_id,
            Loan.unit,
            Loan.amount,
            Loan.collateral,
            Loan.recoverable,
            Loan.disbursed_on,
            Loan.status,
            Member.number,
            Member.name,
            Group.code,
        )
        .join(Member, Member.id == Loan.member_id)
        .outerjoin(Group, Group.id == Loan.group_id)
        .where(Loan.id.in_(ids))
        .order_by(Loan.number)
    )
    if only_active_now:
        q = q.where(Loan.status == ACTIVE)
    loans = [_LoanRow._make(row) for row in session.execute(q)]
    products = {p.id: p for p in session.scalars(select(LoanProduct))}
    states: dict[int, dict[int, InstallmentState]] = defaultdict(dict)
    by_inst: dict[int, InstallmentState] = {}
    # plain columns, not LoanInstallment objects: a large portfolio has a hundred thousand
    # schedule rows, and building (and identity-mapping) an ORM object for each cost more
    # than the whole rest of the month-end
    due_dates: dict[
        Any, dt.date
    ] = {}  # a few thousand distinct due dates among a hundred thousand rows
    for iid, loan_id, no, due_date, principal, interest, fee in plain_rows(
        session,
        select(
            LoanInstallment.id,
            LoanInstallment.loan_id,
            LoanInstallment.no,
            LoanInstallment.due_date,
            LoanInstallment.principal,
            LoanInstallment.interest,
            LoanInstallment.fee,
        ).where(
            LoanInstallment.loan_id.in_(ids),
            LoanInstallment.valid_from <= as_of,
            (LoanInstallment.superseded_on.is_(None)) | (LoanInstallment.superseded_on > as_of),
        ),
    ):
        due = due_dates.get(due_date)
        if due is None:
            due = due_dates[due_date] = cast(dt.date, as_date(due_date))
        st = InstallmentState(iid, no, due, principal, interest, fee)
        states[loan_id][no] = st
        by_inst[iid] = st
    for iid, comp, amount in plain_rows(
        session,
        select(
            LoanAllocation.installment_id, LoanAllocation.component, func.sum(LoanAllocation.amount)
        )
        .join(LoanTransaction, LoanTransaction.id == LoanAllocation.transaction_id)
        .where(LoanTransaction.loan_id.in_(ids), LoanTransaction.date <= as_of)
        .group_by(LoanAllocation.installment_id, LoanAllocation.component),
    ):
        paid = by_inst.get(iid)
        if paid is not None:
            apply_paid(paid, comp, int(amount))
    last_pay = dict(
        session.execute(
            select(LoanTransaction.loan_id, func.max(LoanTransaction.date))
            .where(
                LoanTransaction.loan_id.in_(ids),
                LoanTransaction.date <= as_of,
                LoanTransaction.kind.in_(("angsuran", "pelunasan")),
            )
            .group_by(LoanTransaction.loan_id)
        ).all()
    )
    out = []
    for loan in loans:
        by_no = states[loan.id]
        rows = [by_no[no] for no in sorted(by_no)]  # ints sorted without a key function
        out.append(
            (loan, products[loan.product_id], rows, int(changes[loan.id]), last_pay.get(loan.id))
        )
    return out


def _quality(
    loan: _LoanRow,
    product: LoanProduct,
    rows: list[InstallmentState],
    outstanding: int,
    last_payment: dt.date | None,
    as_of: dt.date,
    rules: qa.QualityRules,
    mode: RoundingMode,
    rule: qa.PenaltyRule,
) -> LoanQuality:
    late = [s for s in rows if s.due_date < as_of and (s.unpaid_principal + s.unpaid_interest) > 0]
    dpd = (as_of - min(s.due_date for s in late)).days if late else 0
    arrears_p = sum(s.unpaid_principal for s in late)
    arrears_i = sum(s.unpaid_interest for s in late)
    penalty = sum(penalty_owed(s, rule, as_of, mode) for s in late)
    since = last_payment or loan.disbursed_on or as_of
    months_without = max(0, (as_of - since).days // 30)
    frequency = "month" if loan.unit == "month" else "week"
    cls = qa.kolektibilitas(
        dpd, frequency, outstanding, loan.collateral, loan.recoverable, months_without, rules
    )
    ppap = qa.provision(cls, outstanding, loan.collateral, rules, mode)
    due_rows = [s for s in rows if s.due_date <= as_of]
    due_to_date = sum(s.principal + s.interest for s in due_rows)
    paid_to_date = sum(s.paid_principal + s.paid_interest for s in due_rows)
    return LoanQuality(
        loan.number,
        loan.member_number,
        loan.member_name,
        loan.group_code,
        product.code,
        frequency,
        loan.disbursed_on or as_of,
        loan.amount,
        outstanding,
        dpd,
        arrears_p,
        arrears_i,
        penalty,
        cls,
        ppap,
        loan.collateral,
        last_payment,
        due_to_date,
        paid_to_date,
        loan.status,
    )


def summaries(items: list[LoanQuality]) -> tuple[ClassSummary, ...]:
    return tuple(
        ClassSummary(
            cls,
            sum(1 for q in items if q.kolektibilitas == cls),
            sum(q.outstanding for q in items if q.kolektibilitas == cls),
            sum(q.ppap for q in items if q.kolektibilitas == cls),
        )
        for cls in qa.CLASSES
    )


def qualities_in(
    session: Session, as_of: dt.date, only_active_now: bool = False
) -> list[LoanQuality]:
    """Every loan outstanding on ``as_of`` with its quality. In a read-only session the
    result is remembered (the RAT report needs it for its loan section and its ratios)."""
    st = state(session)
    if not st.read_only:
        return _qualities(session, as_of, only_active_now)
    memo = st.loan_qualities
    key = (as_of, only_active_now)
    if key not in memo:
        memo[key] = _qualities(session, as_of, only_active_now)
    return list(memo[key])


def _qualities(session: Session, as_of: dt.date, only_active_now: bool) -> list[LoanQuality]:
    rules = quality_rules_in(session)
    default_mode = rounding_in(session)
    out = []
    penalty_rules: dict[int, qa.PenaltyRule] = {}  # per product (validated once, not per loan)
    for loan, product, rows, outstanding, last in _portfolio(session, as_of, only_active_now):
        mode = RoundingMode(product.rounding) if product.rounding else default_mode
        rule = penalty_rules.get(product.id)
        if rule is None:
            rule = penalty_rules[product.id] = penalty_rule_of(product)
        out.append(_quality(loan, product, rows, outstanding, last, as_of, rules, mode, rule))
    return out


def arrears_in(session: Session, as_of: dt.date) -> ArrearsReport:
    items = qualities_in(session, as_of)
    snaps = [qa.LoanSnapshot(q.outstanding, q.dpd, q.due_to_date, q.paid_to_date) for q in items]
    return ArrearsReport(
        as_of,
        tuple(items),
        summaries(items),
        sum(q.outstanding for q in items),
        sum(q.ppap for q in items),
        -ledger.balance(session, ALLOWANCE, as_of),  # contra asset: credit balance, shown positive
        sum(q.penalty_due for q in items),
        qa.par(snaps, 1),
        qa.par(snaps, 30),
        qa.par(snaps, 90),
        qa.repayment_rate(snaps),
        quality_rules_in(session).method,
    )


def loan_arrears(db: Database, as_of: dt.date, actor: Actor | None = None) -> ArrearsReport:
    """Every loan outstanding on ``as_of`` with days past due, arrears, penalty (memo),
    kolektibilitas, PPAP; totals, PAR1/30/90, repayment rate, and the allowance balance."""
    require_read_all(actor)  # cooperative-wide; a ketua uses group_meeting_dues
    with read_only(db) as s:
        return arrears_in(s, as_of)


def loan_quality(
    db: Database,
    number: str,
    as_of: dt.date,
    actor: Actor | None = None,
) -> LoanQuality | None:
    """One loan's quality on ``as_of`` (None when nothing is outstanding then)."""
    with read_only(db) as s:
        if actor is not None:
            require_loan_visible(s, actor, loan_by_number(s, number))
        for q in qualities_in(s, as_of):
            if q.loan_number == number.strip().upper():
                return q
        return None


def release_provision(session: Session, actor: Actor, loan: Loan, date: dt.date, why: str) -> None:
    """Give back the allowance held for a loan that no longer needs it (Dr 1.29 / Cr 5.40)."""
    if loan.ppap_booked == 0:
        return
    amount = loan.ppap_booked
    lines = [
        Line(ALLOWANCE, debit=amount, memo=loan.number),
        Line(PROVISION_EXPENSE, credit=amount, memo=loan.number),
    ]
    if amount < 0:
        lines = [
            Line(PROVISION_EXPENSE, debit=-amount, memo=loan.number),
            Line(ALLOWANCE, credit=-amount, memo=loan.number),
        ]
    ledger.post(
        session,
        actor,
        date,
        f"Pelepasan penyisihan pinjaman {loan.number} ({why})",
        lines,
        source=EntrySource.PROVISION,
        source_ref=loan.number,
    )
    loan.ppap_booked = 0

"""What the screens and reports read of a loan: rows, detail with schedule and
transactions, and the lists (with the caller's group visibility)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal

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
from ...errors import ValidationError
from ..auth import Actor, visible_groups
from ..uow import read_only
from .core import STATUSES, loan_by_number, require_loan_visible


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
        allocs: Sequence[tuple[int, str, int]] = list(new_allocations)
        reversed_ = False
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


def get_loan(db: Database, number: str, actor: Actor | None = None) -> LoanDetail:
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        return detail_in(s, loan)


def list_loans(
    db: Database,
    status: str | None = None,
    member_no: str | None = None,
    group_code: str | None = None,
    product_code: str | None = None,
    after: str | None = None,
    limit: int = 200,
    actor: Actor | None = None,
) -> list[LoanRow]:
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


def member_loans(db: Database, member_no: str, actor: Actor | None = None) -> list[LoanRow]:
    return list_loans(db, member_no=member_no, limit=10_000, actor=actor)

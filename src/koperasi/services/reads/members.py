"""Read models of the member-level papers: savings statement, member register, group
meeting sheet and the group's summary after the meeting."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.models import (
    Group,
    Loan,
    LoanTransaction,
    Member,
    MemberVulnerability,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    VulnerabilityCategory,
)
from ...domain.vocabulary import MemberStatus
from ..common_reads import live_loan_tx, savings_balance_at, savings_by_member_kind_at
from ..loans.group_meeting import member_dues_in
from ..savings_arrears import wajib_arrears_in
from .people import MemberRef, member_ref

# ---------------------------------------------------------------- savings statement


@dataclass(frozen=True)
class SavingsLine:
    date: dt.date
    receipt_no: str | None
    kind: str
    memo: str
    amount: int


@dataclass(frozen=True)
class SavingsAccountMoves:
    """One savings account of a member over a period: its opening balance and movements."""

    product_code: str
    product_name: str
    product_kind: str
    opening: int
    lines: tuple[SavingsLine, ...]


def savings_moves(
    s: Session, member_id: int, start: dt.date, end: dt.date
) -> list[SavingsAccountMoves]:
    """The member's savings accounts (by product), each with its balance at the start of
    ``start`` and its transactions from ``start`` to ``end`` in (date, id) order."""
    accts = s.execute(
        select(SavingsAccount.id, SavingsProduct.code, SavingsProduct.name, SavingsProduct.kind)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(SavingsAccount.member_id == member_id)
        .order_by(SavingsProduct.id)
    ).all()
    out = []
    for acct_id, code, name, kind in accts:
        opening = savings_balance_at(s, start, account_id=acct_id, before=True)
        txs = s.execute(
            select(
                SavingsTransaction.date,
                SavingsTransaction.receipt_no,
                SavingsTransaction.kind,
                SavingsTransaction.memo,
                SavingsTransaction.amount,
            )
            .where(
                SavingsTransaction.account_id == acct_id,
                SavingsTransaction.date >= start,
                SavingsTransaction.date <= end,
            )
            .order_by(SavingsTransaction.date, SavingsTransaction.id)
        ).all()
        lines = tuple(SavingsLine(d, r, k, m, int(a)) for d, r, k, m, a in txs)
        out.append(SavingsAccountMoves(code, name, kind, opening, lines))
    return out


# ---------------------------------------------------------------- member register


def vulnerability_names(s: Session) -> dict[int, list[tuple[str, str]]]:
    """member id -> (Indonesian, English) names of their vulnerability categories, sorted
    by the Indonesian name (never the codes)."""
    names: dict[int, list[tuple[str, str]]] = {}
    q = (
        select(
            MemberVulnerability.member_id,
            VulnerabilityCategory.name_id,
            VulnerabilityCategory.name_en,
        )
        .join(VulnerabilityCategory, VulnerabilityCategory.id == MemberVulnerability.category_id)
        .order_by(VulnerabilityCategory.name_id)
    )
    for mid, name_id, name_en in s.execute(q):
        names.setdefault(mid, []).append((name_id, name_en or name_id))
    return names


def registered_members(
    s: Session, as_of: dt.date, group_code: str | None = None
) -> list[tuple[MemberRef, str | None]]:
    """(member, group code) of the members who joined on or before ``as_of`` (of one group
    with ``group_code``), by number."""
    q = (
        select(Member, Group.code)
        .outerjoin(Group, Group.id == Member.group_id)
        .where(Member.join_date <= as_of)
    )
    if group_code:
        q = q.where(Group.code == group_code.upper())
    return [(member_ref(m), gcode) for m, gcode in s.execute(q.order_by(Member.number))]


# ---------------------------------------------------------------- group meeting


@dataclass(frozen=True)
class MeetingDue:
    """What one active member of a group owes on the meeting day."""

    number: str
    name: str
    wajib_arrears: int  # all months up to and including this one
    wajib_monthly: int
    installments_due: int  # up to the day, penalties included
    installments_late: int  # of which late before the day, with the penalties
    sukarela: int  # voluntary savings balance on the day


def meeting_dues(s: Session, group_id: int, date: dt.date, with_loans: bool) -> list[MeetingDue]:
    """The group's active members who joined by ``date``, by name, with what they owe."""
    members = list(
        s.scalars(
            select(Member)
            .where(
                Member.group_id == group_id,
                Member.join_date <= date,
                Member.status == MemberStatus.ACTIVE,
            )
            .order_by(Member.name)
        )
    )
    sukarela = {
        mid: v
        for (mid, kind), v in savings_by_member_kind_at(s, date).items()
        if kind == "sukarela"
    }
    out = []
    for m in members:
        wajib = wajib_arrears_in(s, m, date)
        due = late = 0
        if with_loans:
            d = member_dues_in(s, m, date)
            if d.loans:
                due, late = d.installment_due, d.arrears + sum(ld.penalty for ld in d.loans)
        out.append(
            MeetingDue(
                m.number,
                m.name,
                wajib.arrears,
                wajib.monthly,
                due,
                late,
                sukarela.get(m.id, 0),
            )
        )
    return out


@dataclass(frozen=True)
class MeetingPayment:
    """What one member paid on a meeting day (from the books)."""

    number: str
    name: str
    pokok: int
    wajib: int
    sukarela_in: int
    sukarela_out: int
    installments: int


def last_savings_day(s: Session, group_id: int) -> dt.date | None:
    """The latest day a member of the group had a savings transaction."""
    return s.scalar(
        select(func.max(SavingsTransaction.date))
        .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
        .join(Member, Member.id == SavingsAccount.member_id)
        .where(Member.group_id == group_id)
    )


def repayments_on(s: Session, group_id: int, date: dt.date) -> dict[int, int]:
    """member id -> live loan repayments received on ``date`` from the group's members."""
    q = (
        select(Loan.member_id, func.sum(LoanTransaction.amount))
        .join(Loan, Loan.id == LoanTransaction.loan_id)
        .join(Member, Member.id == Loan.member_id)
        .where(
            Member.group_id == group_id,
            LoanTransaction.date == date,
            LoanTransaction.kind.in_(("angsuran", "pelunasan")),
            live_loan_tx(),
        )
        .group_by(Loan.member_id)
    )
    return {mid: int(v or 0) for mid, v in s.execute(q)}


def meeting_payments(
    s: Session, group_id: int, date: dt.date, with_loans: bool
) -> list[MeetingPayment]:
    """Per member of the group who paid on ``date`` (savings, and loan repayments with
    ``with_loans``), by member number."""
    q = (
        select(
            Member.id,
            Member.number,
            Member.name,
            SavingsProduct.kind,
            SavingsTransaction.amount,
        )
        .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .join(Member, Member.id == SavingsAccount.member_id)
        .where(Member.group_id == group_id, SavingsTransaction.date == date)
    )
    per: dict[int, dict[str, int]] = {}
    who: dict[int, tuple[str, str]] = {}
    zero = {"pokok": 0, "wajib": 0, "sukarela_in": 0, "sukarela_out": 0}
    for mid, number, name, kind, amount in s.execute(q):
        d = per.setdefault(mid, dict(zero))
        who[mid] = (number, name)
        if kind == "sukarela":
            d["sukarela_in" if amount > 0 else "sukarela_out"] += abs(int(amount))
        elif kind in ("pokok", "wajib"):
            d[kind] += int(amount)
    repaid = repayments_on(s, group_id, date) if with_loans else {}
    for mid in repaid:
        if mid not in per:
            m = s.get(Member, mid)
            assert m is not None
            per[mid] = dict(zero)
            who[mid] = (m.number, m.name)
    return [
        MeetingPayment(
            who[mid][0],
            who[mid][1],
            d["pokok"],
            d["wajib"],
            d["sukarela_in"],
            d["sukarela_out"],
            repaid.get(mid, 0),
        )
        for mid, d in sorted(per.items(), key=lambda kv: who[kv[0]][0])
    ]

"""Outreach figures for the RAT report and the programme monitoring report: who the members
were over a period (by gender and vulnerability category, joined, left), how their savings
grew, and what was lent to them. Read-only; every function takes a session.

A person is a member on a day when they had joined by then and had not left (status
``keluar`` or ``meninggal`` with a status date on or before that day); candidates (``calon``)
count, as on the dashboard.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Member,
    MemberVulnerability,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    VulnerabilityCategory,
)
from . import statements
from .common_reads import savings_balance_at, savings_by_member_at

GONE = ("keluar", "meninggal")
WOMEN, MEN = "P", "L"


@dataclass(frozen=True)
class MemberFact:
    member_id: int
    gender: str
    group_id: int | None
    join_date: dt.date
    left_on: dt.date | None  # the day membership ended, if it did

    def member_on(self, day: dt.date) -> bool:
        return self.join_date <= day and (self.left_on is None or self.left_on > day)


@dataclass(frozen=True)
class Segment:
    """Counts for one slice of the membership (everyone, a gender, or a category)."""

    key: str  # "all", "P", "L", or a category code
    label_id: str
    label_en: str
    at_start: int
    joined: int
    left: int
    at_end: int
    women_at_end: int

    @property
    def men_at_end(self) -> int:
        return self.at_end - self.women_at_end


@dataclass(frozen=True)
class Membership:
    start: dt.date
    end: dt.date
    total: Segment
    by_gender: tuple[Segment, ...]  # women, men
    by_category: tuple[Segment, ...]  # active categories, in their order


def member_facts(s: Session) -> list[MemberFact]:
    rows = s.execute(
        select(
            Member.id,
            Member.gender,
            Member.group_id,
            Member.join_date,
            Member.status,
            Member.status_date,
        ).order_by(Member.id)
    ).all()
    return [
        MemberFact(
            mid,
            gender,
            gid,
            joined,
            (status_date or joined) if status in GONE else None,
        )
        for mid, gender, gid, joined, status, status_date in rows
    ]


def categories(s: Session) -> list[tuple[int, str, str, str]]:
    """Active vulnerability categories: (id, code, name_id, name_en)."""
    return [
        (r[0], r[1], r[2], r[3])
        for r in s.execute(
            select(
                VulnerabilityCategory.id,
                VulnerabilityCategory.code,
                VulnerabilityCategory.name_id,
                VulnerabilityCategory.name_en,
            )
            .where(VulnerabilityCategory.active.is_(True))
            .order_by(VulnerabilityCategory.id)
        )
    ]


def category_members(s: Session) -> dict[int, set[int]]:
    """category id -> member ids."""
    out: dict[int, set[int]] = defaultdict(set)
    for mid, cid in s.execute(
        select(MemberVulnerability.member_id, MemberVulnerability.category_id)
    ):
        out[cid].add(mid)
    return out


def _segment(
    key: str, label_id: str, label_en: str, facts: list[MemberFact], start: dt.date, end: dt.date
) -> Segment:
    before = start - dt.timedelta(days=1)
    at_end = [f for f in facts if f.member_on(end)]
    return Segment(
        key,
        label_id,
        label_en,
        sum(1 for f in facts if f.member_on(before)),
        sum(1 for f in facts if start <= f.join_date <= end),
        sum(1 for f in facts if f.left_on is not None and start <= f.left_on <= end),
        len(at_end),
        sum(1 for f in at_end if f.gender == WOMEN),
    )


def membership_in(s: Session, start: dt.date, end: dt.date) -> Membership:
    """Members at the start and the end of ``[start, end]``, joined and left within it."""
    facts = member_facts(s)
    total = _segment("all", "Semua anggota", "All members", facts, start, end)
    by_gender = (
        _segment(WOMEN, "Perempuan", "Women", [f for f in facts if f.gender == WOMEN], start, end),
        _segment(MEN, "Laki-laki", "Men", [f for f in facts if f.gender != WOMEN], start, end),
    )
    members_of = category_members(s)
    by_category = tuple(
        _segment(
            code,
            name_id,
            name_en,
            [f for f in facts if f.member_id in members_of.get(cid, ())],
            start,
            end,
        )
        for cid, code, name_id, name_en in categories(s)
    )
    return Membership(start, end, total, by_gender, by_category)


# ---------------------------------------------------------------- savings


@dataclass(frozen=True)
class SavingsGrowth:
    product_code: str
    product_name: str
    kind: str
    opening: int  # balance the day before the period
    deposits: int  # credits to members' accounts in the period (deposits, interest, SHU)
    withdrawals: int  # debits in the period (withdrawals, tax, pay-outs), positive
    closing: int

    @property
    def growth(self) -> int:
        return self.closing - self.opening


def savings_growth_in(s: Session, start: dt.date, end: dt.date) -> tuple[SavingsGrowth, ...]:
    """Per savings product: balance before ``start``, money in and out, balance at ``end``."""
    amount = SavingsTransaction.amount
    q = (
        select(
            SavingsProduct.code,
            SavingsProduct.name,
            SavingsProduct.kind,
            func.coalesce(func.sum(case((SavingsTransaction.date < start, amount), else_=0)), 0),
            func.coalesce(
                func.sum(
                    case(
                        ((SavingsTransaction.date >= start) & (amount > 0), amount),
                        else_=0,
                    )
                ),
                0,
            ),
            func.coalesce(
                func.sum(
                    case(
                        ((SavingsTransaction.date >= start) & (amount < 0), -amount),
                        else_=0,
                    )
                ),
                0,
            ),
        )
        .select_from(SavingsProduct)
        .outerjoin(SavingsAccount, SavingsAccount.product_id == SavingsProduct.id)
        .outerjoin(
            SavingsTransaction,
            (SavingsTransaction.account_id == SavingsAccount.id) & (SavingsTransaction.date <= end),
        )
        .group_by(SavingsProduct.id, SavingsProduct.code, SavingsProduct.name, SavingsProduct.kind)
        .order_by(SavingsProduct.id)
    )
    return tuple(
        SavingsGrowth(code, name, kind, int(o), int(d), int(w), int(o) + int(d) - int(w))
        for code, name, kind, o, d, w in s.execute(q)
    )


def savings_by_member_in(s: Session, as_of: dt.date) -> dict[int, int]:
    """member id -> all savings balances on ``as_of``."""
    return savings_by_member_at(s, as_of)


def savings_month_ends_in(s: Session, start: dt.date, end: dt.date) -> list[tuple[dt.date, int]]:
    """Total savings balance at each month end from ``start`` to ``end`` (``end`` last)."""
    days: list[dt.date] = []
    y, m = start.year, start.month
    while True:
        d = min(statements.month_end(y, m), end)
        days.append(d)
        if d >= end:
            break
        y, m = statements.add_months(y, m, 1)
    out = []
    for d in days:
        out.append((d, savings_balance_at(s, d)))
    return out


# ---------------------------------------------------------------- loans


@dataclass(frozen=True)
class Disbursement:
    loan_number: str
    member_id: int
    group_id: int | None
    date: dt.date
    amount: int


def loans_available() -> bool:
    return importlib.util.find_spec("koperasi.services.loans.quality") is not None


def disbursements_in(s: Session, start: dt.date, end: dt.date) -> tuple[Disbursement, ...]:
    """Loans disbursed in ``[start, end]`` (empty without the loans area)."""
    if not loans_available():
        return ()
    from ..db.models import Loan

    q = (
        select(Loan.number, Loan.member_id, Loan.group_id, Loan.disbursed_on, Loan.amount)
        .where(Loan.disbursed_on.is_not(None), Loan.disbursed_on >= start, Loan.disbursed_on <= end)
        .order_by(Loan.disbursed_on, Loan.number)
    )
    # disbursed_on is set on every row the query keeps
    return tuple(Disbursement(n, m, g, d, int(a)) for n, m, g, d, a in s.execute(q) if d)


# loan size classes (upper bounds, inclusive), rupiah
SIZE_BOUNDS = (1_000_000, 2_500_000, 5_000_000, 10_000_000)


def size_class(amount: int) -> int:
    """Index into :data:`SIZE_BOUNDS` (len(SIZE_BOUNDS) for the largest class)."""
    for i, bound in enumerate(SIZE_BOUNDS):
        if amount <= bound:
            return i
    return len(SIZE_BOUNDS)

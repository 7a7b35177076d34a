"""Repayment allocation (DESIGN §6) and the payoff quote. Pure functions, no I/O.

Default order: for the oldest unpaid installment first, penalty, then fee, then interest,
then principal; money beyond what is due pays later installments in the same order. An
amount beyond the whole outstanding is refused, or returned as ``excess`` when the caller
chooses to place it in the member's voluntary savings.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from ..errors import ValidationError
from .money import format_rupiah

COMPONENTS = ("penalty", "fee", "interest", "principal")


@dataclass(frozen=True)
class Due:
    """What is still unpaid on one installment (amounts already paid are subtracted)."""

    no: int
    due_date: dt.date
    principal: int
    interest: int
    fee: int = 0
    penalty: int = 0

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee + self.penalty

    def component(self, name: str) -> int:
        return getattr(self, name)


@dataclass(frozen=True)
class AllocationLine:
    no: int
    component: str
    amount: int


@dataclass(frozen=True)
class Allocation:
    lines: tuple[AllocationLine, ...]
    excess: int = 0

    def total(self, component: str | None = None) -> int:
        return sum(ln.amount for ln in self.lines if component is None or ln.component == component)

    @property
    def principal(self) -> int:
        return self.total("principal")

    @property
    def interest(self) -> int:
        return self.total("interest")

    @property
    def fee(self) -> int:
        return self.total("fee")

    @property
    def penalty(self) -> int:
        return self.total("penalty")

    def by_installment(self) -> dict[int, dict[str, int]]:
        out: dict[int, dict[str, int]] = {}
        for ln in self.lines:
            out.setdefault(ln.no, dict.fromkeys(COMPONENTS, 0))[ln.component] += ln.amount
        return out


def outstanding(dues: Sequence[Due]) -> int:
    return sum(d.total for d in dues)


def allocate(
    dues: Sequence[Due],
    amount: int,
    *,
    allow_excess: bool = False,
    order: Sequence[str] = COMPONENTS,
) -> Allocation:
    """Split ``amount`` over ``dues`` (oldest installment first, components in ``order``)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError("amount", "must_be_positive")
    total_due = outstanding(dues)
    if amount > total_due and not allow_excess:
        raise ValidationError(
            "amount",
            "overpayment",
            amount=format_rupiah(amount),
            outstanding=format_rupiah(total_due),
        )
    left = amount
    lines: list[AllocationLine] = []
    for due in sorted(dues, key=lambda d: (d.due_date, d.no)):
        for comp in order:
            if left == 0:
                break
            take = min(left, due.component(comp))
            if take > 0:
                lines.append(AllocationLine(due.no, comp, take))
                left -= take
        if left == 0:
            break
    return Allocation(tuple(lines), excess=left)


@dataclass(frozen=True)
class PayoffQuote:
    as_of: dt.date
    principal: int
    interest: int
    fee: int
    penalty: int

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee + self.penalty


PAYOFF_POLICIES = ("due_only", "current_period", "all_scheduled")


def payoff_quote(
    dues: Sequence[Due], as_of: dt.date, policy: str = "current_period"
) -> PayoffQuote:
    """What it takes to close the loan on ``as_of`` (pelunasan dipercepat).

    All unpaid principal, fees and penalties, plus interest by ``policy``:
    ``due_only`` — interest of installments already due; ``current_period`` (default, the
    common KSP practice) — also the interest of the first installment not yet due;
    ``all_scheduled`` — every remaining scheduled interest (strict flat-rate contracts).
    """
    if policy not in PAYOFF_POLICIES:
        raise ValidationError("policy", "choice", choices=", ".join(PAYOFF_POLICIES), value=policy)
    ordered = sorted(dues, key=lambda d: (d.due_date, d.no))
    interest = 0
    current_taken = False
    for d in ordered:
        if d.due_date <= as_of or policy == "all_scheduled":
            interest += d.interest
        elif policy == "current_period" and not current_taken:
            interest += d.interest
            current_taken = True
    return PayoffQuote(
        as_of,
        sum(d.principal for d in ordered),
        interest,
        sum(d.fee for d in ordered),
        sum(d.penalty for d in ordered),
    )

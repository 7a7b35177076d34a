"""Repayment allocation (DESIGN §6) and the payoff quote. Pure functions, no I/O.

Default order: for the oldest unpaid installment first, penalty, then fee, then interest,
then principal; money beyond what is due pays later installments in the same order (also
installments not yet due: paying ahead). An amount beyond the whole outstanding is refused
(``ValidationError('amount', 'overpayment')``), or returned as ``excess`` when the caller
chooses to place it in the member's voluntary savings (``allow_excess=True``).

Typical use by the loan service::

    dues = [Due.from_paid(no, date, p_due, i_due, fee_due, pen_due,
                          p_paid, i_paid, fee_paid, pen_paid) for ... in installments]
    alloc = allocate(dues, amount)            # alloc.lines: (no, component, amount)
    remaining = apply_allocation(dues, alloc) # what is still unpaid afterwards

A reversal is a replay: rebuild the dues from the schedule, then allocate the remaining
repayments again in date order.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from ..errors import ValidationError
from .money import RoundingMode, format_rupiah, round_money

COMPONENTS = ("penalty", "fee", "interest", "principal")

# Repayment allocation orders a loan product may choose (issue 17 part 6). Every order works
# installment by installment, the oldest first; the name says the order of the components
# within an installment (and so which part of a short payment is left unpaid):
#
# * ``standard`` — penalty, fee, interest, principal (DESIGN §6; Apache Fineract's
#   "penalties, fees, interest, principal"): the default, and the order before issue 17;
# * ``principal_first`` — principal, interest, penalty, fee: a short payment reduces the
#   debt first (Fineract's "principal, interest, penalties, fees");
# * ``interest_first`` — interest, principal, penalty, fee: the cooperative's income first
#   (Fineract's "interest, principal, penalties, fees");
# * ``penalties_last`` — fee, interest, principal, penalty: the installment itself first, its
#   late penalty only from what is left.
ALLOCATION_ORDERS: dict[str, tuple[str, ...]] = {
    "standard": COMPONENTS,
    "principal_first": ("principal", "interest", "penalty", "fee"),
    "interest_first": ("interest", "principal", "penalty", "fee"),
    "penalties_last": ("fee", "interest", "principal", "penalty"),
}
DEFAULT_ALLOCATION_ORDER = "standard"


def order_of(name: str | None) -> tuple[str, ...]:
    """The component order of allocation order ``name`` (None or empty: the standard)."""
    key = name or DEFAULT_ALLOCATION_ORDER
    if key not in ALLOCATION_ORDERS:
        raise ValidationError(
            "allocation_order", "choice", choices=", ".join(ALLOCATION_ORDERS), value=key
        )
    return ALLOCATION_ORDERS[key]


@dataclass(frozen=True)
class Due:
    """What is still unpaid on one installment (amounts already paid are subtracted)."""

    no: int
    due_date: dt.date
    principal: int
    interest: int
    fee: int = 0
    penalty: int = 0

    def __post_init__(self) -> None:
        for name in COMPONENTS:
            value = getattr(self, name)
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(
                    f"installment {self.no}: {name} must be an int >= 0, not {value!r}"
                )

    @classmethod
    def from_paid(
        cls,
        no: int,
        due_date: dt.date,
        principal_due: int,
        interest_due: int,
        fee_due: int = 0,
        penalty_due: int = 0,
        principal_paid: int = 0,
        interest_paid: int = 0,
        fee_paid: int = 0,
        penalty_paid: int = 0,
    ) -> Due:
        """What is left of an installment given what was due and what was already paid."""
        return cls(
            no,
            due_date,
            principal_due - principal_paid,
            interest_due - interest_paid,
            fee_due - fee_paid,
            penalty_due - penalty_paid,
        )

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee + self.penalty

    @property
    def is_paid(self) -> bool:
        return self.total == 0

    def component(self, name: str) -> int:
        value: int = getattr(self, name)
        return value


@dataclass(frozen=True)
class AllocationLine:
    """``amount`` of the repayment went to ``component`` (penalty|fee|interest|principal) of
    installment ``no``."""

    no: int
    component: str
    amount: int


@dataclass(frozen=True)
class Allocation:
    """The split of one repayment: ``lines`` in allocation order, ``excess`` what was left
    over (only with ``allow_excess``). ``principal``/``interest``/``fee``/``penalty`` are the
    totals per component; :meth:`by_installment` groups them per installment."""

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
    """Everything still unpaid (principal, interest, fees, penalties) over ``dues``."""
    return sum(d.total for d in dues)


def apply_allocation(dues: Sequence[Due], allocation: Allocation) -> list[Due]:
    """The dues left after ``allocation`` was paid (same order as ``dues``)."""
    by = allocation.by_installment()
    out = []
    for d in dues:
        paid = by.get(d.no)
        if paid:
            left: dict[str, Any] = {c: d.component(c) - paid[c] for c in COMPONENTS}
            d = replace(d, **left)
        out.append(d)
    return out


def allocate(
    dues: Sequence[Due],
    amount: int,
    *,
    allow_excess: bool = False,
    order: Sequence[str] = COMPONENTS,
) -> Allocation:
    """Split ``amount`` over ``dues``: oldest installment first (by due date, then number),
    and within it the components in ``order`` (penalty, fee, interest, principal).

    ``amount`` must be a positive int. More than :func:`outstanding` raises
    ``ValidationError('amount', 'overpayment')`` unless ``allow_excess``, in which case the
    rest is returned as ``Allocation.excess`` (to be placed in voluntary savings).
    """
    if sorted(order) != sorted(COMPONENTS):
        raise ValueError(f"order must be a permutation of {COMPONENTS}")
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
    """The amount that closes a loan on ``as_of`` (pelunasan), shown before it is taken.

    ``principal``/``interest``/``fee``/``penalty`` are what is charged; ``waived_interest`` is
    the scheduled interest not charged (by the policy or the discount), to be written off
    from the schedule when the payoff is taken; ``lines`` say per installment and component
    what the payoff pays (same shape as an :class:`Allocation`).
    """

    as_of: dt.date
    principal: int
    interest: int
    fee: int
    penalty: int
    waived_interest: int = 0
    lines: tuple[AllocationLine, ...] = ()

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee + self.penalty

    def as_allocation(self) -> Allocation:
        return Allocation(self.lines)


PAYOFF_POLICIES = ("due_only", "current_period", "all_scheduled")
DEFAULT_PAYOFF_POLICY = "current_period"


def payoff_quote(
    dues: Sequence[Due],
    as_of: dt.date,
    policy: str = DEFAULT_PAYOFF_POLICY,
    discount_percent: Decimal | int | str = 0,
    mode: RoundingMode | str = RoundingMode.HALF_UP,
) -> PayoffQuote:
    """What it takes to close the loan on ``as_of`` (pelunasan dipercepat).

    Always: all unpaid principal, and the unpaid fees and penalties. Interest by ``policy``:

    * ``due_only`` — only the unpaid interest of installments due on or before ``as_of``;
    * ``current_period`` (default, the common KSP practice) — that, plus the interest of the
      first installment not yet due (the period running on ``as_of``);
    * ``all_scheduled`` — every remaining scheduled interest (strict flat-rate contracts).

    ``discount_percent`` (rabat, 0-100) reduces the charged interest of installments not yet
    due (never interest already due). Everything not charged is ``waived_interest``.
    """
    if policy not in PAYOFF_POLICIES:
        raise ValidationError("policy", "choice", choices=", ".join(PAYOFF_POLICIES), value=policy)
    try:
        discount = Decimal(str(discount_percent))
    except InvalidOperation as exc:
        raise ValidationError("discount", "not_a_number", value=discount_percent) from exc
    if not discount.is_finite() or discount < 0 or discount > 100:
        raise ValidationError("discount", "percent_range", value=discount_percent)
    ordered = sorted(dues, key=lambda d: (d.due_date, d.no))
    charged: dict[int, int] = {}
    future_charged = 0
    current_taken = False
    for d in ordered:
        if d.due_date <= as_of:
            charged[d.no] = d.interest
        elif policy == "all_scheduled" or (policy == "current_period" and not current_taken):
            charged[d.no] = d.interest
            future_charged += d.interest
            current_taken = True
        else:
            charged[d.no] = 0
    # the discount comes off the latest installments' interest first
    cut = round_money(Decimal(future_charged) * discount / 100, mode)
    for d in reversed(ordered):
        if cut == 0:
            break
        if d.due_date > as_of:
            take = min(cut, charged[d.no])
            charged[d.no] -= take
            cut -= take
    lines: list[AllocationLine] = []
    for d in ordered:
        for comp, amount in (
            ("penalty", d.penalty),
            ("fee", d.fee),
            ("interest", charged[d.no]),
            ("principal", d.principal),
        ):
            if amount > 0:
                lines.append(AllocationLine(d.no, comp, amount))
    interest = sum(charged.values())
    return PayoffQuote(
        as_of,
        sum(d.principal for d in ordered),
        interest,
        sum(d.fee for d in ordered),
        sum(d.penalty for d in ordered),
        waived_interest=sum(d.interest for d in ordered) - interest,
        lines=tuple(lines),
    )

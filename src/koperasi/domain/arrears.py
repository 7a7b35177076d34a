"""Arrears, late penalties, loan quality (kolektibilitas), provisions (PPAP), PAR. Pure.

Inputs are the unpaid remainders of installments (:class:`koperasi.domain.allocation.Due`).

* Days past due: from the oldest installment due before ``as_of`` with principal or interest
  still unpaid (an installment due today is not late yet).
* Late penalty (denda, DESIGN §6): :class:`PenaltyRule` — none, a flat amount, or a % of the
  overdue installment (its unpaid principal + interest), per day/week/month late (a month
  counts as 30 days; a started unit counts whole), charged only once the lateness exceeds
  the grace days, and then counted from the due date.
* Kolektibilitas follows Permen 14/Per/M.KUKM/XII/2009 by default (months of arrears by
  installment frequency, DESIGN §9; a month of arrears = a started 30 days): weekly / every
  two weeks (and daily): Lancar <= 1 month, Kurang Lancar <= 2; monthly: Lancar <= 3,
  Kurang Lancar <= 6; beyond that Diragukan when collateral >= 75 % of the outstanding or
  the board marks it recoverable, else Macet; Diragukan becomes Macet after 21 months
  without payment. The simpler day-count rule (1-90 Kurang Lancar, 91-180 Diragukan, over
  180 Macet) is the alternative setting (``QualityRules(method="days")``).
* PPAP: 0.5 / 10 / 50 / 100 % of outstanding principal per class, less recognised collateral
  for the last three. All thresholds are fields of :class:`QualityRules`.
* :func:`assess` puts these together for one loan; :func:`par` and :func:`repayment_rate`
  work over a portfolio of :class:`LoanSnapshot`.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation

from ..errors import ValidationError
from .allocation import Due
from .money import RoundingMode, round_money
from .vocabulary import DIRAGUKAN, KURANG_LANCAR, LANCAR, LOAN_CLASS_LABELS, MACET

CLASSES = (LANCAR, KURANG_LANCAR, DIRAGUKAN, MACET)
CLASS_LABELS = LOAN_CLASS_LABELS


def days_past_due(dues: Sequence[Due], as_of: dt.date) -> int:
    """Days since the oldest installment that is due and not fully paid (0 if none)."""
    late = [d.due_date for d in dues if d.due_date < as_of and (d.principal > 0 or d.interest > 0)]
    return (as_of - min(late)).days if late else 0


def overdue(dues: Sequence[Due], as_of: dt.date) -> list[Due]:
    return [d for d in dues if d.due_date < as_of and (d.principal + d.interest) > 0]


def arrears_amount(dues: Sequence[Due], as_of: dt.date) -> tuple[int, int]:
    """(principal, interest) in arrears on ``as_of``."""
    late = overdue(dues, as_of)
    return sum(d.principal for d in late), sum(d.interest for d in late)


@dataclass(frozen=True)
class PenaltyRule:
    """Late penalty (denda) of a loan product; bad values raise ValidationError."""

    kind: str = "none"  # none | flat | percent
    amount: int = 0  # flat amount per unit of lateness
    percent: Decimal = Decimal(0)  # % of the overdue installment per unit of lateness
    per: str = "day"  # day | week | month
    grace_days: int = 0

    def __post_init__(self) -> None:
        if self.kind not in PENALTY_KINDS:
            raise ValidationError(
                "penalty_kind", "choice", choices=", ".join(PENALTY_KINDS), value=self.kind
            )
        if self.per not in PER_DAYS:
            raise ValidationError(
                "penalty_per", "choice", choices=", ".join(PER_DAYS), value=self.per
            )
        if isinstance(self.amount, bool) or not isinstance(self.amount, int) or self.amount < 0:
            raise ValidationError("penalty_amount", "must_not_be_negative")
        try:
            percent = Decimal(str(self.percent))
        except InvalidOperation as exc:
            raise ValidationError("penalty_percent", "not_a_number", value=self.percent) from exc
        if not percent.is_finite() or not 0 <= percent <= 100:
            raise ValidationError("penalty_percent", "percent_range", value=self.percent)
        if (
            isinstance(self.grace_days, bool)
            or not isinstance(self.grace_days, int)
            or self.grace_days < 0
        ):
            raise ValidationError("penalty_grace", "must_not_be_negative")


PENALTY_KINDS = ("none", "flat", "percent")
PER_DAYS = {"day": 1, "week": 7, "month": 30}


def penalty_for(
    rule: PenaltyRule,
    overdue_amount: int,
    days_late: int,
    mode: RoundingMode | str = RoundingMode.HALF_UP,
) -> int:
    """Penalty for one overdue installment of ``overdue_amount``, ``days_late`` days late.

    Counted from the due date once the grace has passed (a loan 10 days late with 3 days'
    grace and a daily rule pays for 10 days); units are whole days/weeks/months started.
    """
    if rule.kind == "none" or days_late <= rule.grace_days or overdue_amount <= 0:
        return 0
    unit = PER_DAYS[rule.per]
    units = -(-days_late // unit)
    if rule.kind == "flat":
        return rule.amount * units
    return round_money(Decimal(overdue_amount) * Decimal(rule.percent) / 100 * units, mode)


def penalties(
    rule: PenaltyRule,
    dues: Sequence[Due],
    as_of: dt.date,
    mode: RoundingMode | str = RoundingMode.HALF_UP,
) -> dict[int, int]:
    """Penalty owed per installment number on ``as_of`` (before any penalty already paid)."""
    return {
        d.no: penalty_for(rule, d.principal + d.interest, (as_of - d.due_date).days, mode)
        for d in overdue(dues, as_of)
    }


@dataclass(frozen=True)
class QualityRules:
    """Thresholds (settings) for kolektibilitas and PPAP, with the ministry defaults."""

    method: str = "permen"  # permen | days
    lancar_months_weekly: int = 1
    kurang_lancar_months_weekly: int = 2
    lancar_months_monthly: int = 3
    kurang_lancar_months_monthly: int = 6
    collateral_ratio_diragukan: Decimal = Decimal(75)
    macet_after_months_without_payment: int = 21
    days_kurang_lancar: int = 1
    days_diragukan: int = 91
    days_macet: int = 181
    ppap: dict[str, Decimal] = field(
        default_factory=lambda: {
            LANCAR: Decimal("0.5"),
            KURANG_LANCAR: Decimal(10),
            DIRAGUKAN: Decimal(50),
            MACET: Decimal(100),
        }
    )


def kolektibilitas(
    dpd: int,
    frequency: str,
    outstanding: int,
    collateral: int = 0,
    recoverable: bool = False,
    months_without_payment: int = 0,
    rules: QualityRules | None = None,
) -> str:
    """Loan quality class for a loan ``dpd`` days past due.

    ``frequency``: ``week`` (and every two weeks) or ``month``. Months of arrears are counted
    as started 30-day months.
    """
    rules = rules or QualityRules()
    if rules.method == "days":
        if dpd >= rules.days_macet:
            return MACET
        if dpd >= rules.days_diragukan:
            return DIRAGUKAN
        return KURANG_LANCAR if dpd >= rules.days_kurang_lancar else LANCAR
    months = -(-dpd // 30)
    if frequency in ("week", "day"):
        lancar, kl = rules.lancar_months_weekly, rules.kurang_lancar_months_weekly
    else:
        lancar, kl = rules.lancar_months_monthly, rules.kurang_lancar_months_monthly
    if months <= lancar:
        return LANCAR
    if months <= kl:
        return KURANG_LANCAR
    covered = (
        outstanding > 0
        and Decimal(collateral) * 100 >= rules.collateral_ratio_diragukan * outstanding
    )
    if (
        covered or recoverable
    ) and months_without_payment < rules.macet_after_months_without_payment:
        return DIRAGUKAN
    return MACET


def provision(
    cls: str,
    outstanding: int,
    collateral: int = 0,
    rules: QualityRules | None = None,
    mode: RoundingMode | str = RoundingMode.HALF_UP,
) -> int:
    """PPAP: % of outstanding principal (less recognised collateral below Lancar)."""
    rules = rules or QualityRules()
    base = outstanding if cls == LANCAR else max(0, outstanding - collateral)
    return round_money(Decimal(base) * rules.ppap[cls] / 100, mode)


@dataclass(frozen=True)
class LoanSnapshot:
    """One loan's state for portfolio measures."""

    outstanding: int
    dpd: int
    due_to_date: int = 0  # principal+interest scheduled up to the date (for repayment rate)
    paid_to_date: int = 0  # of which paid


def par(loans: Iterable[LoanSnapshot], days: int) -> Decimal:
    """Portfolio at risk: outstanding of loans at least ``days`` days past due, as a % of all
    outstanding (PAR1, PAR30, PAR90)."""
    loans = list(loans)
    total = sum(x.outstanding for x in loans)
    if total == 0:
        return Decimal(0)
    risky = sum(x.outstanding for x in loans if x.dpd >= max(days, 1))
    return (Decimal(risky) * 100 / total).quantize(Decimal("0.01"))


def repayment_rate(loans: Iterable[LoanSnapshot]) -> Decimal:
    """Paid on time / due to date (%), 100 when nothing was due yet."""
    loans = list(loans)
    due = sum(x.due_to_date for x in loans)
    if due == 0:
        return Decimal(100)
    paid = sum(min(x.paid_to_date, x.due_to_date) for x in loans)
    return (Decimal(paid) * 100 / due).quantize(Decimal("0.01"))


@dataclass(frozen=True)
class LoanQuality:
    """One loan's arrears and quality on a date (see :func:`assess`)."""

    as_of: dt.date
    days_past_due: int
    principal_in_arrears: int
    interest_in_arrears: int
    outstanding: int  # principal outstanding
    kolektibilitas: str
    provision: int  # required PPAP

    @property
    def in_arrears(self) -> int:
        return self.principal_in_arrears + self.interest_in_arrears


def assess(
    dues: Sequence[Due],
    as_of: dt.date,
    frequency: str,
    collateral: int = 0,
    recoverable: bool = False,
    months_without_payment: int = 0,
    rules: QualityRules | None = None,
    mode: RoundingMode | str = RoundingMode.HALF_UP,
) -> LoanQuality:
    """Days past due, arrears, kolektibilitas and PPAP of one loan from its unpaid dues.

    ``dues``: the unpaid remainder of every installment (all of them, also those not yet
    due: the outstanding principal is their sum); ``frequency``: the loan's repayment unit
    ('day' | 'week' | 'month'; every two weeks is 'week').
    """
    dpd = days_past_due(dues, as_of)
    p_arr, i_arr = arrears_amount(dues, as_of)
    out = sum(d.principal for d in dues)
    cls = kolektibilitas(
        dpd, frequency, out, collateral, recoverable, months_without_payment, rules
    )
    return LoanQuality(
        as_of, dpd, p_arr, i_arr, out, cls, provision(cls, out, collateral, rules, mode)
    )

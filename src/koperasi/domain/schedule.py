"""Repayment schedules, following Apache Fineract's cumulative schedule rules (DESIGN §5).

Inputs are :class:`ScheduleTerms`; :func:`generate` returns a :class:`Schedule` whose rows
(:class:`Installment`) give for each installment the due date, principal, interest, total and
the principal balance after it. All money is integer rupiah; rates are Decimal percentages.
Bad terms raise :class:`koperasi.errors.ValidationError` naming the field (the field keys are
the :class:`ScheduleTerms` attribute names).

Rules (DESIGN §5):

* Periods per year: days 365, weeks 52, months 12; a monthly rate is x12 for the annual rate.
  Periodic rate r (interest period "same as repayment") = annual / periods-per-year / 100 x k.
  Daily interest period: annual / 365 / 100 x actual days of each period (the first period
  runs from disbursement to the first due date); the annuity amount itself is then computed
  with 30-day months and 7-day weeks (annual / 365 / 100 x 30 x k), as Fineract does.
* flat: total interest = round(sum over interest-bearing periods of P x r_period), i.e.
  round(P x r x n) without interest-free periods; interest each = round(total / number of
  interest-bearing periods); principal each = round(P / (n - principal grace)); the last
  installment takes what remains of both. With an installment multiple m > 1 the principal
  of each installment becomes round_m(P / (n - grace)) + round_m(interest) - interest, so the
  installment is a multiple of m (Fineract's rule).
* annuity: installment = PMT(r, n - principal grace, P) rounded to the installment multiple,
  then to money (and to the amounts multiple); interest = round(outstanding x r); principal =
  installment - this period's interest; the last installment takes the remaining principal
  with its own interest.
* declining (equal principal): principal = round(P / (n - principal grace)); interest =
  round(outstanding x r); the last takes the remainder. The installment multiple does not
  apply here (Fineract's equal-principal amortisation does not use it either).
* Grace on principal N: principal 0 in the first N installments. Grace on interest payment N:
  the interest of the first N periods accrues and is due with installment N+1. Interest-free
  N: no interest at all for the first N periods (it wins where it overlaps the interest
  grace: nothing accrues).
* "round" is :func:`koperasi.domain.money.round_to_multiple` with the amounts multiple
  (default 1) and the rounding mode (half-up default, half-even available).
* No installment takes more principal than is outstanding (rounding up to a large multiple
  can leave later rows smaller, never negative); if the rounded flat interest per installment
  would overshoot the total, the total is spread evenly in whole rupiah instead. Principals
  always sum to P and the balance ends at 0.
* Due dates: the first due date (default: disbursement + one period); monthly due dates keep
  the first due date's day (the disbursement's when no first due date is given), clamped to
  the month's end and back to that day after short months (31 Jan, 28/29 Feb, 31 Mar);
  weekly + 7 x k days; daily + k days. :func:`for_group_meeting` sets the first due date of a
  weekly group loan to the group's meeting day.

Deviations from Fineract and DESIGN, on purpose:

* A monthly rate with monthly repayments is used as given (Fineract converts monthly ->
  annual -> periodic, the same number up to its MathContext precision).
* flat: the total interest is rounded once and spread, as DESIGN §5 specifies, rather than
  rounded per period. With a grace on interest payment Fineract's flat "equal installments"
  spreads the total over the periods after the grace; we follow DESIGN §5 and make the
  deferred interest due in one lump with installment N+1 (as Fineract's declining-balance
  generator does).
* "Same as repayment" charges a full period's rate even when a first due date makes the
  first period longer or shorter (Fineract's default without partial-period interest).
  Choose the daily interest period for exact day counts.
* Multiples: DESIGN says ties go up; we round ties with the chosen rounding mode through
  ``round_to_multiple`` (Fineract does the same with its rounding mode). With the default
  half-up the two agree.
"""

from __future__ import annotations

import calendar
import datetime as dt
from dataclasses import dataclass, replace
from decimal import Decimal
from typing import Any

from ..errors import ValidationError
from .money import RoundingMode, round_money, round_to_multiple

__all__ = [
    "ScheduleTerms",
    "Installment",
    "Schedule",
    "generate",
    "due_dates",
    "add_months",
    "periodic_rate",
    "validate_terms",
    "next_meeting_day",
    "for_group_meeting",
    "pmt",
    "METHODS",
    "UNITS",
]

METHODS = ("flat", "annuity", "declining")
UNITS = ("day", "week", "month")
PERIODS_PER_YEAR = {"day": 365, "week": 52, "month": 12}
DAYS_IN_PERIOD_FOR_ANNUITY = {"day": 1, "week": 7, "month": 30}
MAX_PRINCIPAL = 10**13
MAX_REPAYMENTS = 520


@dataclass(frozen=True)
class ScheduleTerms:
    """The terms of a loan, as the loan wizard or ``koperasi schedule`` gives them.

    ``principal`` int rupiah > 0; ``rate`` Decimal percent (e.g. ``Decimal("1.5")``) per
    ``rate_per`` ('month' | 'year'); ``repayments`` n >= 1 installments, one every ``every``
    ``unit`` ('day' | 'week' | 'month'); ``method`` 'flat' | 'annuity' | 'declining';
    ``disbursed`` date; ``first_due`` optional date after ``disbursed``; ``interest_period``
    'same' (as repayment) | 'daily'; ``rounding`` a :class:`RoundingMode` or its value
    ('half-up' | 'half-even'); ``amounts_multiple`` / ``installment_multiple`` >= 1 rupiah;
    ``grace_principal``, ``grace_interest``, ``interest_free``: numbers of periods, each
    < ``repayments``. Values are checked by :func:`validate_terms` (called by
    :func:`generate`).
    """

    principal: int
    rate: Decimal  # percent
    repayments: int
    disbursed: dt.date
    method: str = "flat"
    rate_per: str = "month"  # month | year
    every: int = 1
    unit: str = "month"  # day | week | month
    first_due: dt.date | None = None
    interest_period: str = "same"  # same | daily
    rounding: RoundingMode | str = RoundingMode.HALF_UP
    amounts_multiple: int = 1
    installment_multiple: int = 1
    grace_principal: int = 0
    grace_interest: int = 0
    interest_free: int = 0

    @property
    def annual_rate(self) -> Decimal:
        rate = Decimal(self.rate)
        return rate * 12 if self.rate_per == "month" else rate

    @property
    def monthly_rate(self) -> Decimal:
        return self.annual_rate / 12


@dataclass(frozen=True)
class Installment:
    """One row of a schedule: number (from 1), due date, principal and interest due, and the
    principal ``balance`` outstanding after it; ``total`` = principal + interest."""

    no: int
    due_date: dt.date
    principal: int
    interest: int
    balance: int  # principal outstanding after this installment

    @property
    def total(self) -> int:
        return self.principal + self.interest


@dataclass(frozen=True)
class Schedule:
    """A generated schedule: the validated terms and the installments in order, with totals
    (``total_principal`` == terms.principal, ``total_interest``, ``total``) and
    :meth:`as_dict` for the JSON of ``koperasi schedule --json``."""

    terms: ScheduleTerms
    installments: tuple[Installment, ...]

    @property
    def total_principal(self) -> int:
        return sum(i.principal for i in self.installments)

    @property
    def total_interest(self) -> int:
        return sum(i.interest for i in self.installments)

    @property
    def total(self) -> int:
        return self.total_principal + self.total_interest

    @property
    def maturity(self) -> dt.date:
        return self.installments[-1].due_date

    def as_dict(self) -> dict[str, Any]:
        """The JSON shape of DESIGN §7 (integer amounts, ISO dates)."""
        return {
            "installments": [
                {
                    "no": i.no,
                    "due_date": i.due_date.isoformat(),
                    "principal": i.principal,
                    "interest": i.interest,
                    "total": i.total,
                    "balance": i.balance,
                }
                for i in self.installments
            ],
            "total_principal": self.total_principal,
            "total_interest": self.total_interest,
            "total": self.total,
        }


# ---------------------------------------------------------------- validation


def validate_terms(t: ScheduleTerms) -> ScheduleTerms:
    """Return the terms with normalised values, or raise ValidationError naming the field."""
    if isinstance(t.principal, bool) or not isinstance(t.principal, int) or t.principal <= 0:
        raise ValidationError("principal", "must_be_positive")
    if t.principal > MAX_PRINCIPAL:
        raise ValidationError("principal", "too_large", max=MAX_PRINCIPAL)
    try:
        rate = Decimal(t.rate)
    except Exception as exc:  # noqa: BLE001 - any non-number
        raise ValidationError("rate", "not_a_number", value=t.rate) from exc
    if isinstance(t.rate, float):
        raise ValidationError("rate", "not_a_number", value=t.rate)
    if not rate.is_finite() or rate < 0:
        raise ValidationError("rate", "must_not_be_negative")
    if rate > 1000:
        raise ValidationError("rate", "too_large", max=1000)
    if t.rate_per not in ("month", "year"):
        raise ValidationError("rate_per", "choice", choices="month, year", value=t.rate_per)
    if t.method not in METHODS:
        raise ValidationError("method", "choice", choices=", ".join(METHODS), value=t.method)
    if t.unit not in UNITS:
        raise ValidationError("unit", "choice", choices=", ".join(UNITS), value=t.unit)
    if t.interest_period not in ("same", "daily"):
        raise ValidationError(
            "interest_period", "choice", choices="same, daily", value=t.interest_period
        )
    try:
        rounding = RoundingMode(t.rounding)
    except ValueError as exc:
        raise ValidationError(
            "rounding", "choice", choices="half-up, half-even", value=t.rounding
        ) from exc
    for name in ("repayments", "every", "amounts_multiple", "installment_multiple"):
        value = getattr(t, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 1:
            raise ValidationError(name, "must_be_positive")
    if t.repayments > MAX_REPAYMENTS:
        raise ValidationError("repayments", "too_large", max=MAX_REPAYMENTS)
    for name in ("grace_principal", "grace_interest", "interest_free"):
        value = getattr(t, name)
        if isinstance(value, bool) or not isinstance(value, int) or value < 0:
            raise ValidationError(name, "must_not_be_negative")
        if value >= t.repayments:
            raise ValidationError(name, "too_large", max=t.repayments - 1)
    if not isinstance(t.disbursed, dt.date):
        raise ValidationError("disbursed", "required")
    if t.first_due is not None and t.first_due <= t.disbursed:
        raise ValidationError("first_due", "date_not_after", other=t.disbursed.isoformat())
    return replace(t, rate=rate, rounding=rounding)


# ---------------------------------------------------------------- dates


def add_months(d: dt.date, months: int, day: int | None = None) -> dt.date:
    """``d`` plus ``months``, on ``day`` (default d.day) clamped to the month's last day."""
    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    last = calendar.monthrange(year, month)[1]
    return dt.date(year, month, min(day or d.day, last))


def _step(d: dt.date, unit: str, k: int) -> dt.date:
    if unit == "month":
        return add_months(d, k)
    if unit == "week":
        return d + dt.timedelta(days=7 * k)
    return d + dt.timedelta(days=k)


def due_dates(t: ScheduleTerms) -> list[dt.date]:
    """Due dates; monthly ones keep the anchor day (the first due date's, or else the
    disbursement's), clamped to short months and back to it afterwards."""
    if t.unit == "month":
        if t.first_due is None:
            return [add_months(t.disbursed, (i + 1) * t.every) for i in range(t.repayments)]
        return [add_months(t.first_due, i * t.every) for i in range(t.repayments)]
    first = t.first_due or _step(t.disbursed, t.unit, t.every)
    days = 7 * t.every if t.unit == "week" else t.every
    return [first + dt.timedelta(days=i * days) for i in range(t.repayments)]


def next_meeting_day(after: dt.date, weekday: int, min_days: int = 7) -> dt.date:
    """The group's meeting day (0 = Monday/Senin) at least ``min_days`` after ``after``.

    Group (tanggung renteng) loans take their first due date from the group's weekly
    meeting: the first meeting at least a week after disbursement; the rest follow weekly.
    """
    start = after + dt.timedelta(days=min_days)
    return start + dt.timedelta(days=(weekday - start.weekday()) % 7)


def for_group_meeting(terms: ScheduleTerms, meeting_day: int, min_days: int = 7) -> ScheduleTerms:
    """The terms of a group (tanggung renteng) loan repaid at the group's weekly meeting.

    ``meeting_day`` is the group's meeting weekday as stored on the group (0 = Senin ...
    6 = Minggu). The loan must be repaid every ``k`` weeks (``unit='week'``). The first due
    date becomes the first meeting at least ``min_days`` (default 7) days after disbursement,
    i.e. on or after disbursement + 7 days; later installments fall every ``k`` weeks on the
    same weekday. Any ``first_due`` already in ``terms`` is replaced.
    """
    if (
        isinstance(meeting_day, bool)
        or not isinstance(meeting_day, int)
        or not 0 <= meeting_day <= 6
    ):
        raise ValidationError("meeting_day", "choice", choices="0-6", value=meeting_day)
    if terms.unit != "week":
        raise ValidationError("unit", "choice", choices="week", value=terms.unit)
    if isinstance(min_days, bool) or not isinstance(min_days, int) or min_days < 1:
        raise ValidationError("min_days", "must_be_positive")
    return replace(terms, first_due=next_meeting_day(terms.disbursed, meeting_day, min_days))


# ---------------------------------------------------------------- rates


def periodic_rate(t: ScheduleTerms) -> Decimal:
    """The rate of one repayment period as a fraction (e.g. 0.02 for 2 % per month)."""
    if t.rate_per == "month" and t.unit == "month":
        return Decimal(t.rate) / 100 * t.every
    return t.annual_rate / PERIODS_PER_YEAR[t.unit] / 100 * t.every


def _annuity_rate(t: ScheduleTerms) -> Decimal:
    if t.interest_period == "daily":
        return t.annual_rate / 365 / 100 * DAYS_IN_PERIOD_FOR_ANNUITY[t.unit] * t.every
    return periodic_rate(t)


def _period_rates(t: ScheduleTerms, dates: list[dt.date]) -> list[Decimal]:
    """Interest rate (fraction) of each period, zero for interest-free periods."""
    if t.interest_period == "daily":
        daily = t.annual_rate / 365 / 100
        starts = [t.disbursed] + dates[:-1]
        rates = [daily * (end - start).days for start, end in zip(starts, dates, strict=True)]
    else:
        rates = [periodic_rate(t)] * len(dates)
    return [Decimal(0) if i < t.interest_free else r for i, r in enumerate(rates)]


def pmt(rate: Decimal, n: int, principal: int) -> Decimal:
    """Equal installment that repays ``principal`` over ``n`` periods at ``rate`` per period."""
    if rate == 0:
        return Decimal(principal) / n
    factor = (1 + rate) ** n
    return Decimal(principal) * rate * factor / (factor - 1)


# ---------------------------------------------------------------- generation


def generate(terms: ScheduleTerms) -> Schedule:
    """The full schedule for ``terms`` (validated first)."""
    t = validate_terms(terms)
    dates = due_dates(t)
    rates = _period_rates(t, dates)
    if t.method == "flat":
        principals, interests = _flat(t, rates)
    else:
        principals, interests = _declining_balance(t, rates)
        interests = _defer_interest(interests, t.grace_interest)
    balance, rows = t.principal, []
    for no, (due, p, i) in enumerate(zip(dates, principals, interests, strict=True), start=1):
        balance -= p
        rows.append(Installment(no, due, p, i, balance))
    return Schedule(t, tuple(rows))


def _round(t: ScheduleTerms, value: Decimal | int) -> int:
    return round_to_multiple(Decimal(value), t.amounts_multiple, t.rounding)


def _principal_slots(t: ScheduleTerms) -> list[bool]:
    return [i >= t.grace_principal for i in range(t.repayments)]


def _flat(t: ScheduleTerms, rates: list[Decimal]) -> tuple[list[int], list[int]]:
    n = t.repayments
    slots = _principal_slots(t)
    paying = sum(slots)
    total_interest = _round(t, sum(Decimal(t.principal) * r for r in rates))
    interest_periods = [i for i, r in enumerate(rates) if r > 0]
    per_interest = (
        _round(t, Decimal(total_interest) / len(interest_periods)) if interest_periods else 0
    )
    interests = [0] * n
    for i in interest_periods:
        interests[i] = per_interest
    if interest_periods:  # the last interest-bearing installment takes the remainder
        last = interest_periods[-1]
        interests[last] = total_interest - per_interest * (len(interest_periods) - 1)
        if interests[last] < 0:  # a huge multiple can overshoot: spread back evenly
            interests = _spread_evenly(total_interest, interest_periods, n)
    # Grace on interest payment moves interest before the installment multiple is applied,
    # so that the installments after the grace are still multiples of m.
    interests = _defer_interest(interests, t.grace_interest)
    per_principal = _round(t, Decimal(t.principal) / paying)
    principals = [per_principal if s else 0 for s in slots]
    m = t.installment_multiple
    if m > 1:
        base = round_to_multiple(Decimal(t.principal) / paying, m, t.rounding)
        for i in range(n):
            if slots[i]:
                principals[i] = max(
                    0, base + round_to_multiple(interests[i], m, t.rounding) - interests[i]
                )
    _fix_last_principal(t, principals)
    return principals, interests


def _spread_evenly(total: int, periods: list[int], n: int) -> list[int]:
    out = [0] * n
    q, r = divmod(total, len(periods))
    for k, i in enumerate(periods):
        out[i] = q + (1 if k < r else 0)
    return out


def _fix_last_principal(t: ScheduleTerms, principals: list[int]) -> None:
    """Make principals sum to P exactly: the last takes the remainder; if earlier rows already
    exceed P (rounding up to large multiples), trim them from the end."""
    n = len(principals)
    principals[-1] = 0
    excess = sum(principals) - t.principal
    i = n - 2
    while excess > 0 and i >= 0:
        cut = min(excess, principals[i])
        principals[i] -= cut
        excess -= cut
        i -= 1
    principals[-1] = t.principal - sum(principals[:-1])


def _declining_balance(t: ScheduleTerms, rates: list[Decimal]) -> tuple[list[int], list[int]]:
    """Annuity and declining (equal principal): interest on the outstanding balance."""
    n = t.repayments
    slots = _principal_slots(t)
    paying = sum(slots)
    if t.method == "annuity":
        raw = pmt(_annuity_rate(t), paying, t.principal)
        installment = round_money(
            round_to_multiple(raw, t.installment_multiple, t.rounding)
            if t.installment_multiple > 1
            else raw,
            t.rounding,
        )
        if t.amounts_multiple > 1:
            installment = _round(t, installment)
    else:
        equal_principal = _round(t, Decimal(t.principal) / paying)
    outstanding = t.principal
    principals, interests = [], []
    for i in range(n):
        interest = _round(t, Decimal(outstanding) * rates[i])
        if i == n - 1:
            principal = outstanding
        elif not slots[i]:
            principal = 0
        elif t.method == "annuity":
            # principal = installment - this period's own interest (Fineract): in an
            # interest-free period the whole installment goes to principal; during a grace on
            # interest payment the accrued (deferred) interest still counts as this period's.
            principal = installment - interest
        else:
            principal = equal_principal
        principal = max(0, min(principal, outstanding))
        outstanding -= principal
        principals.append(principal)
        interests.append(interest)
    return principals, interests


def _defer_interest(interests: list[int], grace: int) -> list[int]:
    """Grace on interest payment: the first ``grace`` periods' interest is due with the next."""
    if grace <= 0:
        return interests
    out = list(interests)
    carried = sum(out[:grace])
    for i in range(grace):
        out[i] = 0
    out[grace] += carried
    return out

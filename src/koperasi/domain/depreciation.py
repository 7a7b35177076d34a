"""Straight-line depreciation of a fixed asset, month by month (pure rules, no I/O).

The depreciable amount ``base`` (cost less residual value, less any depreciation already
accumulated before the app took the asset over) is spread over ``months`` months: each month
``round_money(base / months)``, never more than what is left, and the last month takes the
remainder, so that after ``months`` months exactly ``base`` has been depreciated and the book
value stands at the residual value. The first month depreciated is the month of acquisition
(a full month: the full-month convention); land is not depreciated.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from .money import DEFAULT_ROUNDING, RoundingMode, round_money

# asset groups per SAK EP with whether they are depreciated
GROUPS: dict[str, bool] = {
    "tanah": False,
    "bangunan": True,
    "kendaraan": True,
    "peralatan": True,  # peralatan dan inventaris kantor
}


def month_index(start: dt.date, year: int, month: int) -> int:
    """How many months from ``start``'s month through (year, month), counting both ends
    (0 or less: the month lies before the start)."""
    return (year - start.year) * 12 + (month - start.month) + 1


def monthly_amount(base: int, months: int, mode: RoundingMode | str = DEFAULT_ROUNDING) -> int:
    """The regular monthly depreciation: ``base / months`` rounded with the one money rule."""
    if months <= 0 or base <= 0:
        return 0
    return round_money(Decimal(base) / Decimal(months), mode)


def accumulated_after(
    base: int, months: int, elapsed: int, mode: RoundingMode | str = DEFAULT_ROUNDING
) -> int:
    """Depreciation accumulated after ``elapsed`` months of the schedule."""
    if elapsed <= 0 or base <= 0 or months <= 0:
        return 0
    if elapsed >= months:
        return base
    return min(elapsed * monthly_amount(base, months, mode), base)


def schedule(base: int, months: int, mode: RoundingMode | str = DEFAULT_ROUNDING) -> list[int]:
    """Every month's amount; they add up to ``base`` exactly."""
    out = []
    before = 0
    for k in range(1, months + 1):
        after = accumulated_after(base, months, k, mode)
        out.append(after - before)
        before = after
    return out

"""Straight-line depreciation by month: hand-computed cases and the invariants (the months add
up to the depreciable amount exactly, none negative, the last one takes the remainder)."""

import datetime as dt

from hypothesis import given
from hypothesis import strategies as st

from koperasi.domain import depreciation as dep


def test_hand_computed_schedules():
    assert dep.schedule(9_000_000, 36) == [250_000] * 36
    # 1.000.000 / 7 = 142.857,14: six months of 142.857, the seventh 142.858
    assert dep.schedule(1_000_000, 7) == [142_857] * 6 + [142_858]
    # 1.000 / 3 = 333,33 half-up 333; 2.000 / 3 = 666,67 rounds up to 667: the last is smaller
    assert dep.schedule(2_000, 3) == [667, 667, 666]
    assert dep.schedule(5, 10) == [1, 1, 1, 1, 1, 0, 0, 0, 0, 0]  # 0,5 rounds up; never past 5
    assert dep.schedule(5, 10, "half-even") == [0] * 9 + [5]
    assert dep.accumulated_after(1_000_000, 7, 0) == 0
    assert dep.accumulated_after(1_000_000, 7, 99) == 1_000_000


def test_month_index_counts_both_ends():
    start = dt.date(2025, 1, 31)
    assert dep.month_index(start, 2025, 1) == 1
    assert dep.month_index(start, 2025, 12) == 12
    assert dep.month_index(start, 2026, 2) == 14
    assert dep.month_index(start, 2024, 12) == 0


@given(st.integers(0, 10**13), st.integers(1, 600), st.sampled_from(["half-up", "half-even"]))
def test_schedule_invariants(base, months, mode):
    months_ = dep.schedule(base, months, mode)
    assert len(months_) == months
    assert sum(months_) == base
    assert all(x >= 0 for x in months_)
    regular = dep.monthly_amount(base, months, mode)
    # the regular amount each month until what is left is smaller (rounding up can use the
    # base up early), then what is left, then nothing; the last month takes any remainder
    head = months_[:-1]
    assert all(x <= regular for x in head)
    assert head == sorted(head, reverse=True)
    assert len([x for x in head if 0 < x < regular]) <= 1

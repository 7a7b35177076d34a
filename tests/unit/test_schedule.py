"""Schedules per DESIGN §5: worked examples and invariants over every method and option."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain.schedule import (
    ScheduleTerms,
    add_months,
    due_dates,
    generate,
    next_meeting_day,
    pmt,
)
from koperasi.errors import ValidationError

D0 = dt.date(2026, 1, 15)


def terms(**kw):
    base = dict(principal=1_000_000, rate=Decimal("2"), repayments=10, disbursed=D0)
    base.update(kw)
    return ScheduleTerms(**base)


def test_flat_worked_example():
    s = generate(terms(method="flat"))
    assert [(i.principal, i.interest, i.total) for i in s.installments] == [
        (100_000, 20_000, 120_000)
    ] * 10
    assert s.total_interest == 200_000 and s.total == 1_200_000
    assert s.installments[0].due_date == dt.date(2026, 2, 15)


def test_flat_remainders_go_to_the_last_installment():
    s = generate(terms(principal=1_000_000, rate=Decimal("1.5"), repayments=3, method="flat"))
    # total interest 45.000 -> 15.000 each; principal 333.333 x2 + 333.334
    assert [i.principal for i in s.installments] == [333_333, 333_333, 333_334]
    assert [i.interest for i in s.installments] == [15_000, 15_000, 15_000]


def test_annuity_matches_independent_pmt():
    s = generate(terms(method="annuity"))
    r = Decimal("0.02")
    expected = Decimal(1_000_000) * r / (1 - (1 + r) ** -10)
    inst = int(expected.quantize(Decimal(1)))
    assert inst == 111_327
    outstanding = 1_000_000
    for row in s.installments[:-1]:
        interest = int((Decimal(outstanding) * r).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
        assert row.interest == interest
        assert row.total == inst
        outstanding -= row.principal
    last = s.installments[-1]
    assert last.principal == outstanding and last.balance == 0


def test_declining_equal_principal():
    s = generate(terms(method="declining", repayments=4, principal=1_200_000))
    assert [i.principal for i in s.installments] == [300_000] * 4
    assert [i.interest for i in s.installments] == [24_000, 18_000, 12_000, 6_000]


def test_month_end_rule():
    assert add_months(dt.date(2026, 1, 31), 1) == dt.date(2026, 2, 28)
    assert add_months(dt.date(2028, 1, 31), 1) == dt.date(2028, 2, 29)
    dates = due_dates(
        terms(first_due=dt.date(2026, 1, 31), disbursed=dt.date(2026, 1, 1), repayments=4)
    )
    assert dates == [
        dt.date(2026, 1, 31),
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 30),
    ]


def test_weekly_and_every_two_weeks():
    s = generate(terms(unit="week", repayments=3, rate=Decimal("24"), rate_per="year"))
    assert [i.due_date for i in s.installments] == [
        D0 + dt.timedelta(days=7 * k) for k in (1, 2, 3)
    ]
    # 24 % a year / 52 weeks = 0.4615.. % a week, flat on 1.000.000 x 3 = 13.846
    assert s.total_interest == 13_846
    s2 = generate(terms(unit="week", every=2, repayments=2))
    assert s2.installments[1].due_date - s2.installments[0].due_date == dt.timedelta(days=14)


def test_half_even_differs_on_ties():
    up = generate(
        terms(
            principal=1_000, rate=Decimal("5"), repayments=4, method="declining", rounding="half-up"
        )
    )
    even = generate(
        terms(
            principal=1_000,
            rate=Decimal("5"),
            repayments=4,
            method="declining",
            rounding="half-even",
        )
    )
    # interest on 250 at 5 % = 12.5 -> 13 (half-up) or 12 (half-even)
    assert up.installments[3].interest == 13 and even.installments[3].interest == 12


def test_grace_on_principal_and_interest_and_interest_free():
    s = generate(terms(method="declining", repayments=5, grace_principal=1))
    assert s.installments[0].principal == 0 and s.installments[1].principal == 250_000
    s = generate(terms(method="flat", repayments=4, grace_interest=2))
    assert [i.interest for i in s.installments] == [0, 0, 60_000, 20_000]
    s = generate(terms(method="declining", repayments=4, interest_free=2))
    assert [i.interest for i in s.installments][:2] == [0, 0] and s.installments[2].interest > 0


def test_multiples():
    s = generate(
        terms(principal=1_000_000, rate=Decimal("1.75"), repayments=7, amounts_multiple=100)
    )
    assert all(i.interest % 100 == 0 for i in s.installments)
    assert s.total_principal == 1_000_000
    s = generate(
        terms(principal=1_000_000, rate=Decimal("1.75"), repayments=7, installment_multiple=1000)
    )
    assert all(i.total % 1000 == 0 for i in s.installments[:-1])
    a = generate(terms(method="annuity", installment_multiple=1000))
    assert a.installments[0].total == 111_000


def test_daily_interest_uses_actual_days():
    s = generate(
        terms(
            method="declining",
            repayments=2,
            rate=Decimal("36.5"),
            rate_per="year",
            interest_period="daily",
            disbursed=dt.date(2026, 1, 31),
        )
    )
    # 0.1 % a day: 28 days in Feb on 1.000.000 = 28.000; 31 days in March on 500.000 = 15.500
    assert [i.interest for i in s.installments] == [28_000, 15_500]


def test_group_meeting_day():
    assert next_meeting_day(dt.date(2026, 11, 24), 2) == dt.date(
        2026, 12, 2
    )  # Tue -> Wed a week on
    assert next_meeting_day(dt.date(2026, 11, 24), 1) == dt.date(2026, 12, 1)


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(principal=0), "principal"),
        (dict(rate=Decimal("-1")), "rate"),
        (dict(repayments=0), "repayments"),
        (dict(method="bogus"), "method"),
        (dict(grace_principal=10), "grace_principal"),
        (dict(first_due=D0), "first_due"),
        (dict(unit="year"), "unit"),
        (dict(rounding="down"), "rounding"),
    ],
)
def test_bad_terms_name_the_field(kw, field):
    with pytest.raises(ValidationError) as err:
        generate(terms(**kw))
    assert err.value.field == field


def test_pmt_zero_rate():
    assert pmt(Decimal(0), 4, 1000) == 250


term_strategy = st.builds(
    ScheduleTerms,
    principal=st.integers(1, 500_000_000),
    rate=st.decimals(min_value=0, max_value=10, places=2),
    repayments=st.integers(1, 60),
    disbursed=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
    method=st.sampled_from(["flat", "annuity", "declining"]),
    rate_per=st.sampled_from(["month", "year"]),
    every=st.integers(1, 3),
    unit=st.sampled_from(["day", "week", "month"]),
    interest_period=st.sampled_from(["same", "daily"]),
    rounding=st.sampled_from(["half-up", "half-even"]),
    amounts_multiple=st.sampled_from([1, 1, 50, 100, 500, 1000]),
    installment_multiple=st.sampled_from([1, 1, 100, 1000]),
    grace_principal=st.integers(0, 3),
    grace_interest=st.integers(0, 3),
    interest_free=st.integers(0, 3),
).filter(lambda t: max(t.grace_principal, t.grace_interest, t.interest_free) < t.repayments)


@settings(max_examples=300, deadline=None)
@given(t=term_strategy)
def test_invariants(t):
    s = generate(t)
    rows = s.installments
    assert len(rows) == t.repayments
    assert sum(r.principal for r in rows) == t.principal
    assert all(r.principal >= 0 and r.interest >= 0 and r.balance >= 0 for r in rows)
    assert rows[-1].balance == 0
    assert s.total == sum(r.total for r in rows) == s.total_principal + s.total_interest
    running = t.principal
    for r in rows:
        running -= r.principal
        assert r.balance == running
    dates = [r.due_date for r in rows]
    assert dates == sorted(dates) and len(set(dates)) == len(dates) and dates[0] > t.disbursed
    if t.unit == "month":
        anchor = t.disbursed.day if t.first_due is None else t.first_due.day
        for d in dates:
            assert d.day == anchor or d.day < anchor and (d + dt.timedelta(days=1)).day == 1
    for r in rows[: t.grace_principal]:
        assert r.principal == 0 or t.repayments == 1
    for r in rows[: t.grace_interest]:
        assert r.interest == 0

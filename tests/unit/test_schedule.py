"""Schedules per DESIGN §5: worked examples and invariants over every method and option."""

import datetime as dt
from decimal import Decimal

import pytest

from koperasi.domain.schedule import (
    ScheduleTerms,
    add_months,
    due_dates,
    for_group_meeting,
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


def test_flat_hand_checked_with_installment_multiple():
    # 1.000.000 at 1.75 %/month over 7: total interest 122.500, 17.500 each;
    # principal round_1000(142.857,14) + round_1000(17.500) - 17.500 = 143.000 + 18.000 - 17.500
    s = generate(terms(rate=Decimal("1.75"), repayments=7, installment_multiple=1000))
    rows = [(i.principal, i.interest, i.total) for i in s.installments]
    assert rows[:6] == [(143_500, 17_500, 161_000)] * 6
    assert rows[6] == (139_000, 17_500, 156_500)
    assert s.total_interest == 122_500


def test_flat_interest_grace_keeps_installments_in_multiples():
    s = generate(terms(repayments=6, installment_multiple=1000, grace_interest=2))
    assert [i.interest for i in s.installments] == [0, 0, 60_000, 20_000, 20_000, 20_000]
    assert all(i.total % 1000 == 0 for i in s.installments[:-1])
    assert s.total_interest == 120_000


def test_flat_daily_interest_counts_the_days_of_the_term():
    # 36,5 %/year = 0,1 %/day; 31 Jan -> 28 Feb -> 31 Mar = 59 days -> 59.000, 29.500 each
    s = generate(
        terms(
            rate=Decimal("36.5"),
            rate_per="year",
            interest_period="daily",
            repayments=2,
            disbursed=dt.date(2026, 1, 31),
        )
    )
    assert [(i.due_date, i.interest) for i in s.installments] == [
        (dt.date(2026, 2, 28), 29_500),
        (dt.date(2026, 3, 31), 29_500),
    ]


def test_annuity_interest_free_periods_pay_the_whole_installment_as_principal():
    s = generate(terms(method="annuity", repayments=6, interest_free=2))
    inst = int(pmt(Decimal("0.02"), 6, 1_000_000).quantize(Decimal(1)))
    assert inst == 178_526
    assert [(i.principal, i.interest) for i in s.installments[:2]] == [(inst, 0)] * 2
    assert [i.total for i in s.installments[:-1]] == [inst] * 5
    assert s.installments[2].interest == 12_859  # 2 % of 642.948


def test_annuity_interest_grace_defers_accrued_interest_to_the_next_installment():
    s = generate(terms(method="annuity", repayments=6, grace_interest=2))
    rows = s.installments
    # period 1: interest 20.000 accrues, principal 178.526 - 20.000 = 158.526
    assert (rows[0].principal, rows[0].interest) == (158_526, 0)
    # period 2: 2 % of 841.474 = 16.829 accrues; principal 161.697
    assert (rows[1].principal, rows[1].interest) == (161_697, 0)
    # period 3: own 2 % of 679.777 = 13.596 plus the deferred 36.829
    assert rows[2].interest == 13_596 + 36_829 and rows[2].principal == 178_526 - 13_596


def test_annuity_principal_grace_spreads_pmt_over_remaining_periods():
    s = generate(terms(method="annuity", repayments=6, grace_principal=2))
    inst = int(pmt(Decimal("0.02"), 4, 1_000_000).quantize(Decimal(1)))
    assert [(i.principal, i.interest) for i in s.installments[:2]] == [(0, 20_000)] * 2
    assert [i.total for i in s.installments[2:5]] == [inst] * 3


def test_annuity_daily_uses_30_day_months_for_the_installment():
    s = generate(
        terms(
            method="annuity",
            rate=Decimal("24"),
            rate_per="year",
            repayments=3,
            interest_period="daily",
            disbursed=dt.date(2026, 1, 31),
        )
    )
    r30 = Decimal(24) / 365 / 100 * 30
    inst = int(pmt(r30, 3, 1_000_000).quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    rows = s.installments
    # interest of period 1 on actual days (31 Jan -> 28 Feb = 28 days)
    first = Decimal(1_000_000) * Decimal(24) / 365 / 100 * 28
    assert rows[0].interest == int(first.quantize(Decimal(1), rounding="ROUND_HALF_UP"))
    assert rows[0].total == inst and rows[1].total == inst


def test_first_due_31_january_in_a_leap_year():
    s = generate(terms(disbursed=dt.date(2028, 1, 2), first_due=dt.date(2028, 1, 31), repayments=4))
    assert [i.due_date for i in s.installments] == [
        dt.date(2028, 1, 31),
        dt.date(2028, 2, 29),
        dt.date(2028, 3, 31),
        dt.date(2028, 4, 30),
    ]
    # without a first due date the disbursement day is the anchor
    s = generate(terms(disbursed=dt.date(2026, 1, 31), repayments=3))
    assert [i.due_date for i in s.installments] == [
        dt.date(2026, 2, 28),
        dt.date(2026, 3, 31),
        dt.date(2026, 4, 30),
    ]
    # every 2 months from 31 Dec: 28 Feb (clamped), 30 Apr, 30 Jun, 31 Aug
    s = generate(terms(disbursed=dt.date(2025, 12, 31), repayments=4, every=2))
    assert [i.due_date for i in s.installments] == [
        dt.date(2026, 2, 28),
        dt.date(2026, 4, 30),
        dt.date(2026, 6, 30),
        dt.date(2026, 8, 31),
    ]


def test_daily_unit():
    s = generate(terms(unit="day", every=10, repayments=3, rate=Decimal("36.5"), rate_per="year"))
    assert [i.due_date for i in s.installments] == [
        D0 + dt.timedelta(days=10 * k) for k in (1, 2, 3)
    ]
    # 36,5 %/year / 365 x 10 days = 1 % per period, flat x 3 = 30.000
    assert s.total_interest == 30_000


def test_group_loan_due_dates_follow_the_meeting_day():
    base = terms(unit="week", repayments=4, disbursed=dt.date(2026, 11, 24))  # a Tuesday
    t = for_group_meeting(base, 3)  # meets on Kamis (Thursday)
    assert t.first_due == dt.date(2026, 12, 3)
    s = generate(t)
    assert [i.due_date.weekday() for i in s.installments] == [3] * 4
    assert s.installments[1].due_date == dt.date(2026, 12, 10)
    # meeting exactly a week after disbursement counts
    assert for_group_meeting(base, 1).first_due == dt.date(2026, 12, 1)
    with pytest.raises(ValidationError) as err:
        for_group_meeting(base, 7)
    assert err.value.field == "meeting_day"
    with pytest.raises(ValidationError) as err:
        for_group_meeting(terms(), 2)
    assert err.value.field == "unit"


def test_first_due_on_disbursement_day_is_refused_with_a_clear_message():
    with pytest.raises(ValidationError) as err:
        generate(terms(first_due=D0))
    assert err.value.message("en") == "First due date must be after 15/01/2026."


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(principal=-5), "principal"),
        (dict(principal=True), "principal"),
        (dict(rate=Decimal("NaN")), "rate"),
        (dict(rate=1.5), "rate"),
        (dict(rate_per="week"), "rate_per"),
        (dict(every=0), "every"),
        (dict(interest_period="monthly"), "interest_period"),
        (dict(amounts_multiple=0), "amounts_multiple"),
        (dict(installment_multiple=-1000), "installment_multiple"),
        (dict(grace_interest=10), "grace_interest"),
        (dict(interest_free=-1), "interest_free"),
        (dict(repayments=10_000), "repayments"),
        (dict(principal=10**14), "principal"),
    ],
)
def test_more_bad_terms(kw, field):
    with pytest.raises(ValidationError) as err:
        generate(terms(**kw))
    assert err.value.field == field
    assert err.value.message("id") and err.value.message("en")

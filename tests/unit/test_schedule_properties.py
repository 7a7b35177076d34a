"""Invariants of DESIGN §5 for every method x unit x interest period, with all options."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain.money import round_money
from koperasi.domain.schedule import ScheduleTerms, generate

METHODS = ["flat", "annuity", "declining"]
UNITS = ["day", "week", "month"]
PERIODS = ["same", "daily"]


def options(method: str, unit: str, interest_period: str):
    return (
        st.builds(
            ScheduleTerms,
            principal=st.integers(1, 500_000_000),
            rate=st.decimals(min_value=0, max_value=10, places=2),
            repayments=st.integers(1, 60),
            disbursed=st.dates(min_value=dt.date(2020, 1, 1), max_value=dt.date(2030, 12, 31)),
            method=st.just(method),
            rate_per=st.sampled_from(["month", "year"]),
            every=st.integers(1, 3),
            unit=st.just(unit),
            first_due=st.none() | st.integers(1, 75),
            interest_period=st.just(interest_period),
            rounding=st.sampled_from(["half-up", "half-even"]),
            amounts_multiple=st.sampled_from([1, 1, 50, 100, 500, 1000]),
            installment_multiple=st.sampled_from([1, 1, 100, 1000, 5000]),
            grace_principal=st.integers(0, 3),
            grace_interest=st.integers(0, 3),
            interest_free=st.integers(0, 3),
        )
        .filter(lambda t: max(t.grace_principal, t.grace_interest, t.interest_free) < t.repayments)
        .map(
            # first_due is drawn as "days after disbursement" so it is always valid
            lambda t: (
                t
                if t.first_due is None
                else ScheduleTerms(
                    **{**t.__dict__, "first_due": t.disbursed + dt.timedelta(t.first_due)}
                )
            )
        )
    )


def check_invariants(t: ScheduleTerms) -> None:
    s = generate(t)
    rows = s.installments
    assert len(rows) == t.repayments
    assert [r.no for r in rows] == list(range(1, t.repayments + 1))
    # principals sum to P exactly; balance ends at 0 and runs down row by row
    assert sum(r.principal for r in rows) == t.principal == s.total_principal
    assert rows[-1].balance == 0
    running = t.principal
    for r in rows:
        running -= r.principal
        assert r.balance == running
    # no negative amount anywhere
    assert all(r.principal >= 0 and r.interest >= 0 and r.balance >= 0 for r in rows)
    # totals equal the sums of rows
    assert all(r.total == r.principal + r.interest for r in rows)
    assert s.total_interest == sum(r.interest for r in rows)
    assert s.total == sum(r.total for r in rows) == s.total_principal + s.total_interest
    data = s.as_dict()
    assert data["total"] == s.total and len(data["installments"]) == t.repayments
    # due dates: strictly increasing, after disbursement, month-end rule for months
    dates = [r.due_date for r in rows]
    assert all(a < b for a, b in zip(dates, dates[1:], strict=False)) and dates[0] > t.disbursed
    if t.first_due is not None:
        assert dates[0] == t.first_due
    if t.unit == "month":
        anchor = (t.first_due or t.disbursed).day
        for k, d in enumerate(dates):
            year, month0 = divmod(dates[0].year * 12 + dates[0].month - 1 + k * t.every, 12)
            assert (d.year, d.month) == (year, month0 + 1)
            last_day = (d.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(1)
            assert d.day == min(anchor, last_day.day)
    else:
        step = 7 * t.every if t.unit == "week" else t.every
        assert all((b - a).days == step for a, b in zip(dates, dates[1:], strict=False))
    # graces
    if t.repayments > 1:
        assert all(r.principal == 0 for r in rows[: t.grace_principal])
    assert all(r.interest == 0 for r in rows[: max(t.grace_interest, t.interest_free)])
    # every amount a multiple of the amounts multiple, except the last row's remainders;
    # an installment multiple takes precedence (DESIGN §5: flat principal = round_m(P/n) +
    # round_m(interest) - interest, so the installment, not the principal, is the multiple)
    if (
        t.amounts_multiple > 1
        and t.installment_multiple == 1
        and t.principal % t.amounts_multiple == 0
    ):
        assert all(r.principal % t.amounts_multiple == 0 for r in rows)


@pytest.mark.parametrize("interest_period", PERIODS)
@pytest.mark.parametrize("unit", UNITS)
@pytest.mark.parametrize("method", METHODS)
def test_invariants_for_every_combination(method, unit, interest_period):
    @settings(max_examples=25, deadline=None, database=None)
    @given(t=options(method, unit, interest_period))
    def run(t):
        check_invariants(t)

    run()


simple = dict(
    principal=st.integers(100_000, 500_000_000),
    rate=st.decimals(min_value=Decimal("0.1"), max_value=5, places=2),
    repayments=st.integers(2, 36),
    disbursed=st.just(dt.date(2026, 1, 31)),
    rounding=st.sampled_from(["half-up", "half-even"]),
)


@settings(max_examples=100, deadline=None, database=None)
@given(t=st.builds(ScheduleTerms, method=st.just("flat"), **simple))
def test_flat_total_interest_is_p_r_n_rounded_once(t):
    s = generate(t)
    r = t.rate / 100
    assert s.total_interest == round_money(t.principal * r * t.repayments, t.rounding)
    per = round_money(s.total_interest / Decimal(t.repayments), t.rounding)
    assert all(i.interest == per for i in s.installments[:-1])


@settings(max_examples=100, deadline=None, database=None)
@given(t=st.builds(ScheduleTerms, method=st.just("annuity"), **simple))
def test_annuity_installments_are_equal_and_interest_is_on_the_balance(t):
    s = generate(t)
    r = t.rate / 100
    f = (1 + r) ** t.repayments
    inst = round_money(t.principal * r * f / (f - 1), t.rounding)
    before = t.principal
    for row in s.installments:
        assert row.interest == round_money(before * r, t.rounding)
        if row.no < t.repayments:
            assert row.total == inst
        before = row.balance


@settings(max_examples=100, deadline=None, database=None)
@given(t=st.builds(ScheduleTerms, method=st.just("declining"), **simple))
def test_declining_principal_is_equal_and_interest_declines(t):
    s = generate(t)
    per = round_money(Decimal(t.principal) / t.repayments, t.rounding)
    assert all(i.principal == per for i in s.installments[:-1])
    interests = [i.interest for i in s.installments]
    assert interests == sorted(interests, reverse=True)


@settings(max_examples=100, deadline=None, database=None)
@given(
    t=st.builds(
        ScheduleTerms,
        method=st.just("flat"),
        installment_multiple=st.sampled_from([100, 500, 1000]),
        grace_interest=st.integers(0, 1),
        **simple,
    )
)
def test_flat_installments_are_multiples_of_the_installment_multiple(t):
    s = generate(t)
    m = t.installment_multiple
    # the rule holds wherever the balance is not exhausted early by rounding up
    for row in s.installments[:-1]:
        if row.balance > 0:
            assert row.total % m == 0

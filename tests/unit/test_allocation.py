"""Repayment allocation and payoff quote (DESIGN §6)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain.allocation import (
    COMPONENTS,
    Allocation,
    Due,
    allocate,
    apply_allocation,
    outstanding,
    payoff_quote,
)
from koperasi.errors import ValidationError

D = dt.date


def dues():
    return [
        Due(1, D(2026, 1, 10), 100_000, 20_000, penalty=5_000),
        Due(2, D(2026, 2, 10), 100_000, 20_000),
        Due(3, D(2026, 3, 10), 100_000, 20_000),
    ]


def test_oldest_first_penalty_fee_interest_principal():
    a = allocate(dues(), 140_000)
    assert [(ln.no, ln.component, ln.amount) for ln in a.lines] == [
        (1, "penalty", 5_000),
        (1, "interest", 20_000),
        (1, "principal", 100_000),
        (2, "interest", 15_000),
    ]
    assert (a.penalty, a.interest, a.principal, a.excess) == (5_000, 35_000, 100_000, 0)
    assert a.by_installment()[2]["interest"] == 15_000


def test_fee_comes_after_penalty_and_before_interest():
    ds = [Due(1, D(2026, 1, 10), 50_000, 10_000, fee=2_000, penalty=1_000)]
    a = allocate(ds, 2_500)
    assert [(ln.component, ln.amount) for ln in a.lines] == [("penalty", 1_000), ("fee", 1_500)]


def test_order_is_by_due_date_not_list_order():
    ds = list(reversed(dues()))
    a = allocate(ds, 25_000)
    assert {ln.no for ln in a.lines} == {1}


def test_overpayment_refused_or_returned():
    with pytest.raises(ValidationError) as err:
        allocate(dues(), 400_000)
    assert err.value.field == "amount"
    assert "Rp365.000" in err.value.message("id") and "Rp400.000" in err.value.message("en")
    a = allocate(dues(), 400_000, allow_excess=True)
    assert a.excess == 35_000 and a.total() == 365_000
    for bad in (0, -1, True):
        with pytest.raises(ValidationError):
            allocate(dues(), bad)


def test_paying_a_closed_loan_is_an_overpayment():
    paid = [Due(1, D(2026, 1, 10), 0, 0)]
    with pytest.raises(ValidationError):
        allocate(paid, 1)
    assert allocate(paid, 1, allow_excess=True).excess == 1


def test_from_paid_and_apply_allocation():
    d = Due.from_paid(1, D(2026, 1, 10), 100_000, 20_000, 0, 5_000, 40_000, 20_000, 0, 5_000)
    assert (d.principal, d.interest, d.fee, d.penalty) == (60_000, 0, 0, 0)
    ds = dues()
    a = allocate(ds, 150_000)
    left = apply_allocation(ds, a)
    assert [x.total for x in left] == [0, 95_000, 120_000]
    assert left[0].is_paid and not left[1].is_paid
    assert outstanding(left) == outstanding(ds) - 150_000
    with pytest.raises(ValueError):
        Due(1, D(2026, 1, 1), -1, 0)


def test_custom_order_must_be_a_permutation():
    with pytest.raises(ValueError):
        allocate(dues(), 10, order=("interest", "principal"))
    a = allocate(dues(), 30_000, order=("principal", "interest", "fee", "penalty"))
    assert a.lines[0] == a.lines[0].__class__(1, "principal", 30_000)


due_strategy = st.lists(
    st.tuples(*(st.integers(0, 200_000) for _ in COMPONENTS)), min_size=1, max_size=12
).map(
    lambda rows: [
        Due(i + 1, D(2026, 1, 1) + dt.timedelta(days=30 * i), p, n, f, pen)
        for i, (p, n, f, pen) in enumerate(rows)
    ]
)


@settings(max_examples=200, deadline=None, database=None)
@given(ds=due_strategy, data=st.data(), allow=st.booleans())
def test_allocation_properties(ds, data, allow):
    total = outstanding(ds)
    amount = data.draw(st.integers(1, total + total // 5 + 1))
    if amount > total and not allow:
        with pytest.raises(ValidationError):
            allocate(ds, amount)
        return
    a = allocate(ds, amount, allow_excess=allow)
    # money is conserved and no line exceeds what was due
    assert a.total() + a.excess == amount
    assert a.excess == max(0, amount - total)
    assert all(ln.amount > 0 for ln in a.lines)
    left = apply_allocation(ds, a)  # raises if any component went negative
    assert outstanding(left) == total - a.total()
    # oldest first: every installment before the last touched one is fully paid
    touched = [ln.no for ln in a.lines]
    if touched:
        last = max(touched)
        assert all(d.is_paid for d in left if d.no < last)
        # within the last touched installment, components are paid in order
        d_last = next(d for d in left if d.no == last)
        remaining = [d_last.component(c) for c in COMPONENTS]
        first_unpaid = next((k for k, v in enumerate(remaining) if v > 0), len(COMPONENTS))
        assert all(v == 0 for v in remaining[:first_unpaid])
        orig = next(d for d in ds if d.no == last)
        assert all(d_last.component(c) == orig.component(c) for c in COMPONENTS[first_unpaid + 1 :])


def test_payoff_quote_policies():
    ds = dues()[1:]  # installment 1 paid
    q = payoff_quote(ds, D(2026, 2, 20))
    assert (q.principal, q.interest, q.total, q.waived_interest) == (200_000, 40_000, 240_000, 0)
    q = payoff_quote(ds, D(2026, 2, 20), "due_only")
    assert (q.interest, q.waived_interest, q.total) == (20_000, 20_000, 220_000)
    assert payoff_quote(ds, D(2026, 1, 20), "current_period").interest == 20_000
    assert payoff_quote(ds, D(2026, 1, 20), "all_scheduled").interest == 40_000
    assert outstanding(ds) == 240_000
    with pytest.raises(ValidationError) as err:
        payoff_quote(ds, D(2026, 1, 20), "everything")
    assert err.value.field == "policy"


def test_payoff_quote_discount_and_lines():
    ds = [
        Due(1, D(2026, 1, 10), 100_000, 20_000, penalty=3_000),
        Due(2, D(2026, 2, 10), 100_000, 20_000),
        Due(3, D(2026, 3, 10), 100_000, 20_000),
    ]
    q = payoff_quote(ds, D(2026, 1, 15), "all_scheduled", discount_percent=Decimal(50))
    # interest due (20.000) in full; 50 % off the 40.000 not yet due, taken from the latest
    assert (q.interest, q.waived_interest, q.penalty) == (40_000, 20_000, 3_000)
    assert q.total == 300_000 + 40_000 + 3_000
    by = q.as_allocation().by_installment()
    assert by[1] == {"penalty": 3_000, "fee": 0, "interest": 20_000, "principal": 100_000}
    assert by[2]["interest"] == 20_000 and by[3]["interest"] == 0
    assert sum(ln.amount for ln in q.lines) == q.total
    # the payoff lines never exceed the dues
    left = apply_allocation(ds, q.as_allocation())
    assert sum(d.principal for d in left) == 0
    assert sum(d.interest for d in left) == q.waived_interest
    with pytest.raises(ValidationError) as err:
        payoff_quote(ds, D(2026, 1, 15), discount_percent=101)
    assert err.value.field == "discount"


def test_payoff_after_maturity_charges_everything():
    q = payoff_quote(dues(), D(2027, 1, 1), "due_only")
    assert q.total == outstanding(dues()) and q.waived_interest == 0


def test_empty_allocation_has_zero_totals():
    a = Allocation(())
    assert (a.principal, a.interest, a.fee, a.penalty, a.total()) == (0, 0, 0, 0, 0)

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain import arrears as ar
from koperasi.domain.allocation import Due, allocate, outstanding, payoff_quote
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


def test_overpayment_refused_or_returned():
    with pytest.raises(ValidationError) as err:
        allocate(dues(), 400_000)
    assert "Rp365.000" in err.value.message("id")
    a = allocate(dues(), 400_000, allow_excess=True)
    assert a.excess == 35_000 and a.total() == 365_000
    with pytest.raises(ValidationError):
        allocate(dues(), 0)


@settings(max_examples=200, deadline=None)
@given(amount=st.integers(1, 365_000))
def test_allocation_conserves_money_and_never_exceeds_a_due(amount):
    a = allocate(dues(), amount)
    assert a.total() == amount
    by = a.by_installment()
    for d in dues():
        for comp, value in by.get(d.no, {}).items():
            assert value <= d.component(comp)


def test_payoff_quote_policies():
    ds = dues()[1:]  # installment 1 paid
    q = payoff_quote(ds, D(2026, 2, 20))
    assert (q.principal, q.interest, q.total) == (200_000, 40_000, 240_000)
    assert payoff_quote(ds, D(2026, 2, 20), "due_only").interest == 20_000
    assert payoff_quote(ds, D(2026, 1, 20), "current_period").interest == 20_000
    assert payoff_quote(ds, D(2026, 1, 20), "all_scheduled").interest == 40_000
    assert outstanding(ds) == 240_000


def test_days_past_due_and_arrears():
    ds = dues()
    assert ar.days_past_due(ds, D(2026, 1, 10)) == 0
    assert ar.days_past_due(ds, D(2026, 2, 15)) == 36
    assert ar.arrears_amount(ds, D(2026, 2, 15)) == (200_000, 40_000)


def test_penalty_rules():
    pct = ar.PenaltyRule("percent", percent=Decimal("0.1"), per="day", grace_days=3)
    assert ar.penalty_for(pct, 120_000, 3) == 0
    assert ar.penalty_for(pct, 120_000, 10) == 1_200  # 0.1 % x 10 days
    flat = ar.PenaltyRule("flat", amount=5_000, per="week")
    assert ar.penalty_for(flat, 120_000, 8) == 10_000  # two weeks started
    assert ar.penalty_for(ar.PenaltyRule(), 120_000, 100) == 0
    assert ar.penalties(pct, dues(), D(2026, 2, 15)) == {1: 1_200 * 36 // 10 * 1, 2: 600}


@pytest.mark.parametrize(
    "dpd,freq,coll,cls",
    [
        (0, "month", 0, "lancar"),
        (90, "month", 0, "lancar"),
        (91, "month", 0, "kurang_lancar"),
        (180, "month", 0, "kurang_lancar"),
        (200, "month", 0, "macet"),
        (200, "month", 800_000, "diragukan"),
        (30, "week", 0, "lancar"),
        (31, "week", 0, "kurang_lancar"),
        (61, "week", 0, "macet"),
        (61, "week", 750_000, "diragukan"),
    ],
)
def test_kolektibilitas_permen(dpd, freq, coll, cls):
    assert ar.kolektibilitas(dpd, freq, 1_000_000, coll) == cls


def test_kolektibilitas_days_rule_and_long_doubtful():
    rules = ar.QualityRules(method="days")
    assert [ar.kolektibilitas(d, "month", 1, rules=rules) for d in (0, 1, 90, 91, 180, 181)] == [
        "lancar",
        "kurang_lancar",
        "kurang_lancar",
        "diragukan",
        "diragukan",
        "macet",
    ]
    assert ar.kolektibilitas(400, "month", 100, 100, months_without_payment=21) == "macet"


def test_provision_and_portfolio():
    assert ar.provision("lancar", 1_000_000, 900_000) == 5_000
    assert ar.provision("kurang_lancar", 1_000_000, 400_000) == 60_000
    assert ar.provision("macet", 1_000_000) == 1_000_000
    loans = [
        ar.LoanSnapshot(1_000_000, 0, 500_000, 500_000),
        ar.LoanSnapshot(500_000, 45, 300_000, 100_000),
        ar.LoanSnapshot(500_000, 100, 300_000, 0),
    ]
    assert ar.par(loans, 1) == Decimal("50.00")
    assert ar.par(loans, 30) == Decimal("50.00")
    assert ar.par(loans, 90) == Decimal("25.00")
    assert ar.repayment_rate(loans) == Decimal("54.55")

"""Arrears, late penalties, kolektibilitas, PPAP and portfolio measures (DESIGN §6, §9)."""

import datetime as dt
from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from koperasi.domain import arrears as ar
from koperasi.domain.allocation import Due
from koperasi.errors import ValidationError

D = dt.date


def dues():
    return [
        Due(1, D(2026, 1, 10), 100_000, 20_000, penalty=5_000),
        Due(2, D(2026, 2, 10), 100_000, 20_000),
        Due(3, D(2026, 3, 10), 100_000, 20_000),
    ]


def test_days_past_due_and_arrears():
    ds = dues()
    assert ar.days_past_due(ds, D(2026, 1, 10)) == 0  # due today is not late
    assert ar.days_past_due(ds, D(2026, 1, 11)) == 1
    assert ar.days_past_due(ds, D(2026, 2, 15)) == 36
    assert ar.arrears_amount(ds, D(2026, 2, 15)) == (200_000, 40_000)
    # once installment 1 is paid, lateness counts from installment 2
    paid1 = [Due(1, D(2026, 1, 10), 0, 0)] + ds[1:]
    assert ar.days_past_due(paid1, D(2026, 2, 15)) == 5
    # a partly paid installment is still late
    part = [Due(1, D(2026, 1, 10), 1, 0)] + ds[1:]
    assert ar.days_past_due(part, D(2026, 2, 15)) == 36


def test_penalty_rules():
    pct = ar.PenaltyRule("percent", percent=Decimal("0.1"), per="day", grace_days=3)
    assert ar.penalty_for(pct, 120_000, 3) == 0  # within the grace
    assert ar.penalty_for(pct, 120_000, 10) == 1_200  # 0,1 % x 10 days, counted from due date
    flat = ar.PenaltyRule("flat", amount=5_000, per="week")
    assert ar.penalty_for(flat, 120_000, 8) == 10_000  # two weeks started
    assert ar.penalty_for(flat, 120_000, 7) == 5_000
    monthly = ar.PenaltyRule("percent", percent=Decimal(2), per="month")
    assert ar.penalty_for(monthly, 120_000, 31) == 4_800  # 2 started months x 2 %
    assert ar.penalty_for(ar.PenaltyRule(), 120_000, 100) == 0
    assert ar.penalty_for(flat, 0, 100) == 0
    # installment 1: 36 days late on 120.000 -> 4.320; installment 2: 5 days -> 600
    assert ar.penalties(pct, dues(), D(2026, 2, 15)) == {1: 4_320, 2: 600}


def test_penalty_rounding_mode():
    rule = ar.PenaltyRule("percent", percent=Decimal("0.5"), per="day")
    # 0,5 % of 100.100 = 500,5
    assert ar.penalty_for(rule, 100_100, 1) == 501
    assert ar.penalty_for(rule, 100_100, 1, "half-even") == 500


@pytest.mark.parametrize(
    "kw,field",
    [
        (dict(kind="daily"), "penalty_kind"),
        (dict(kind="flat", per="year"), "penalty_per"),
        (dict(kind="flat", amount=-1), "penalty_amount"),
        (dict(kind="percent", percent=Decimal(101)), "penalty_percent"),
        (dict(kind="percent", percent="x"), "penalty_percent"),
        (dict(grace_days=-3), "penalty_grace"),
    ],
)
def test_bad_penalty_rule(kw, field):
    with pytest.raises(ValidationError) as err:
        ar.PenaltyRule(**kw)
    assert err.value.field == field


@pytest.mark.parametrize(
    "dpd,freq,coll,cls",
    [
        (0, "month", 0, "lancar"),
        (90, "month", 0, "lancar"),
        (91, "month", 0, "kurang_lancar"),
        (180, "month", 0, "kurang_lancar"),
        (181, "month", 0, "macet"),
        (200, "month", 800_000, "diragukan"),
        (200, "month", 749_999, "macet"),
        (200, "month", 750_000, "diragukan"),
        (30, "week", 0, "lancar"),
        (31, "week", 0, "kurang_lancar"),
        (60, "week", 0, "kurang_lancar"),
        (61, "week", 0, "macet"),
        (61, "week", 750_000, "diragukan"),
        (45, "day", 0, "kurang_lancar"),
    ],
)
def test_kolektibilitas_permen(dpd, freq, coll, cls):
    assert ar.kolektibilitas(dpd, freq, 1_000_000, coll) == cls


def test_kolektibilitas_board_recoverable_and_long_doubtful():
    assert ar.kolektibilitas(200, "month", 1_000_000, recoverable=True) == "diragukan"
    assert ar.kolektibilitas(400, "month", 100, 100, months_without_payment=20) == "diragukan"
    assert ar.kolektibilitas(400, "month", 100, 100, months_without_payment=21) == "macet"


def test_kolektibilitas_days_rule():
    rules = ar.QualityRules(method="days")
    got = [ar.kolektibilitas(d, "month", 1, rules=rules) for d in (0, 1, 90, 91, 180, 181)]
    assert got == ["lancar", "kurang_lancar", "kurang_lancar", "diragukan", "diragukan", "macet"]


def test_custom_thresholds():
    rules = ar.QualityRules(lancar_months_monthly=1, kurang_lancar_months_monthly=2)
    assert ar.kolektibilitas(31, "month", 1, rules=rules) == "kurang_lancar"


@settings(max_examples=150, deadline=None, database=None)
@given(dpd=st.integers(0, 2000), freq=st.sampled_from(["day", "week", "month"]))
def test_kolektibilitas_never_improves_with_more_days_late(dpd, freq):
    order = {c: i for i, c in enumerate(ar.CLASSES)}
    for method in ("permen", "days"):
        rules = ar.QualityRules(method=method)
        a = ar.kolektibilitas(dpd, freq, 1_000, rules=rules)
        b = ar.kolektibilitas(dpd + 1, freq, 1_000, rules=rules)
        assert order[a] <= order[b]


def test_provision():
    assert ar.provision("lancar", 1_000_000, 900_000) == 5_000  # collateral not deducted
    assert ar.provision("kurang_lancar", 1_000_000, 400_000) == 60_000
    assert ar.provision("diragukan", 1_000_000, 800_000) == 100_000
    assert ar.provision("macet", 1_000_000) == 1_000_000
    assert ar.provision("macet", 1_000_000, 2_000_000) == 0
    custom = ar.QualityRules(ppap={**ar.QualityRules().ppap, "lancar": Decimal(1)})
    assert ar.provision("lancar", 1_000_000, rules=custom) == 10_000


def test_assess_one_loan():
    q = ar.assess(dues(), D(2026, 2, 15), "month")
    assert (q.days_past_due, q.principal_in_arrears, q.interest_in_arrears) == (36, 200_000, 40_000)
    assert (q.outstanding, q.kolektibilitas, q.provision) == (300_000, "lancar", 1_500)
    assert q.in_arrears == 240_000
    q = ar.assess(dues(), D(2026, 8, 1), "week", collateral=250_000)
    assert q.kolektibilitas == "diragukan" and q.provision == 25_000


def test_portfolio_measures():
    loans = [
        ar.LoanSnapshot(1_000_000, 0, 500_000, 500_000),
        ar.LoanSnapshot(500_000, 45, 300_000, 100_000),
        ar.LoanSnapshot(500_000, 100, 300_000, 0),
    ]
    assert ar.par(loans, 1) == Decimal("50.00")
    assert ar.par(loans, 30) == Decimal("50.00")
    assert ar.par(loans, 90) == Decimal("25.00")
    assert ar.par(loans[:1], 1) == Decimal("0.00")
    assert ar.repayment_rate(loans) == Decimal("54.55")  # 600.000 / 1.100.000
    assert ar.par([], 30) == 0 and ar.repayment_rate([]) == 100

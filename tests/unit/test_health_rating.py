"""The four-aspect health rating and the quorum rule, recomputed by hand."""

from decimal import Decimal

import pytest

from koperasi.domain import health_rating as hr
from koperasi.domain.quorum import QuorumRule, met, needed
from koperasi.errors import ValidationError


def _answers(yes: dict[str, int]) -> dict[str, bool]:
    """The first ``n`` questions of each group answered yes, the rest no."""
    out = {}
    for key, _aspect, _label, questions in hr.QUESTION_GROUPS:
        for i, q in enumerate(questions):
            out[q[0]] = i < yes.get(key, 0)
    return out


def test_a_constructed_case_equals_the_hand_computation():
    ratios = {
        "loans_to_productive": Decimal("80.00"),  # <= 85 cukup sehat -> 3
        "problem_loans": Decimal("4.00"),  # <= 5 sehat -> 4
        "return_on_assets": Decimal("2.50"),  # >= 2 cukup -> 3
        "cost_to_income": Decimal("95.00"),  # <= 100 kurang -> 2
        "equity_to_assets": Decimal("35.00"),  # > 30 sehat -> 4
        "equity_growth": Decimal("-1.00"),  # < 0 tidak -> 1
    }
    answers = _answers(
        {
            "prinsip": 7,  # 7/7 = 100 % -> 4
            "kelembagaan": 3,  # 3/5 = 60 % -> 3
            "manajemen": 2,  # 2/5 = 40 % -> 2
            "kpmr": 1,  # 1/4 = 25 % -> 1
            "manajemen_keuangan": 3,  # 3/3 -> 4
        }
    )
    r = hr.rate(ratios, answers)
    scores = {i.key: i.score for i in r.indicators}
    assert scores == {
        "loans_to_productive": 3,
        "problem_loans": 4,
        "return_on_assets": 3,
        "cost_to_income": 2,
        "equity_to_assets": 4,
        "equity_growth": 1,
        "prinsip": 4,
        "kelembagaan": 3,
        "manajemen": 2,
        "kpmr": 1,
        "manajemen_keuangan": 4,
    }
    # by hand: governance (4+3+2)/12 = 75.00; risk (3+4+1)/12 = 66.67;
    # finance (3+2+4)/12 = 75.00; capital (4+1)/8 = 62.50
    aspects = {a.aspect: a for a in r.aspects}
    assert aspects[hr.GOVERNANCE].score == Decimal("75.00")
    assert aspects[hr.RISK].score == Decimal("66.67")
    assert aspects[hr.FINANCE].score == Decimal("75.00")
    assert aspects[hr.CAPITAL].score == Decimal("62.50")
    # weighted: 75 x 30 % = 22.50; 66.67 x 15 % = 10.00 (10.0005); 75 x 40 % = 30.00;
    # 62.50 x 15 % = 9.38 (9.375 half up); total 71.88 -> cukup sehat (66 <= x < 80)
    assert [aspects[a].weighted for a in hr.ASPECTS] == [
        Decimal("22.50"),
        Decimal("10.00"),
        Decimal("30.00"),
        Decimal("9.38"),
    ]
    assert r.total == Decimal("71.88")
    assert r.outcome == hr.CUKUP


@pytest.mark.parametrize(
    ("total", "outcome"),
    [
        (Decimal("100"), hr.SEHAT),
        (Decimal("80.00"), hr.SEHAT),
        (Decimal("79.99"), hr.CUKUP),
        (Decimal("66.00"), hr.CUKUP),
        (Decimal("65.99"), hr.PENGAWASAN),
        (Decimal("51.00"), hr.PENGAWASAN),
        (Decimal("50.99"), hr.KHUSUS),
        (Decimal("0"), hr.KHUSUS),
    ],
)
def test_outcome_bands(total, outcome):
    assert hr.outcome(total) == outcome


@pytest.mark.parametrize(
    ("met_", "asked", "score"),
    [(4, 4, 4), (3, 4, 3), (4, 5, 4), (2, 4, 2), (1, 4, 1), (0, 7, 1), (6, 8, 3), (2, 3, 3)],
)
def test_questionnaire_bands(met_, asked, score):
    # 75 < X -> 4; 50 < X <= 75 -> 3; 25 < X <= 50 -> 2; else 1 (Juknis 15/2021)
    assert hr.question_score(met_, asked)[1] == score


def test_unanswered_questions_and_missing_ratios_score_lowest():
    r = hr.rate({}, {})
    assert all(i.score == 1 for i in r.indicators)
    assert r.total == Decimal("25.00") and r.outcome == hr.KHUSUS


def test_everything_healthy_is_sehat():
    ratios = {k: Decimal(0) for k in hr.RATIO_BANDS}
    ratios.update(
        return_on_assets=Decimal(5), equity_to_assets=Decimal(40), equity_growth=Decimal(12)
    )
    r = hr.rate(ratios, {q: True for q in hr.QUESTIONS})
    assert r.total == Decimal("100.00") and r.outcome == hr.SEHAT


@pytest.mark.parametrize(
    ("rule", "entitled", "need"),
    [
        (QuorumRule(">", 1, 2), 35, 18),
        (QuorumRule(">", 1, 2), 40, 21),  # exactly half is not more than half
        (QuorumRule(">=", 1, 2), 40, 20),
        (QuorumRule(">=", 2, 3), 30, 20),
        (QuorumRule(">=", 2, 3), 31, 21),
        (QuorumRule(">", 2, 3), 30, 21),
    ],
)
def test_quorum_needed(rule, entitled, need):
    assert needed(rule, entitled) == need
    assert met(rule, entitled, need) and not met(rule, entitled, need - 1)


def test_quorum_of_no_members_is_never_met_and_bad_rules_are_refused():
    assert not met(QuorumRule(), 0, 0)
    with pytest.raises(ValidationError):
        QuorumRule("<", 1, 2)
    with pytest.raises(ValidationError):
        QuorumRule(">", 3, 2)


@pytest.mark.parametrize(
    ("key", "value", "score"),
    [
        # Juknis 15/2021 "Pertumbuhan ekuitas": >= 10 sehat, 7-10 cukup, 4-7 kurang, < 4 tidak
        ("equity_growth", "10.00", 4),
        ("equity_growth", "9.99", 3),
        ("equity_growth", "7.00", 3),
        ("equity_growth", "6.99", 2),
        ("equity_growth", "4.00", 2),
        ("equity_growth", "3.99", 1),
        # Juknis 15/2021 BOPO: < 80 sehat, 80-90 cukup, 90-100 kurang, > 100 tidak
        ("cost_to_income", "79.99", 4),
        ("cost_to_income", "89.00", 3),
        ("cost_to_income", "99.00", 2),
        ("cost_to_income", "100.01", 1),
    ],
)
def test_ratio_bands_from_the_juknis(key, value, score):
    r = hr.rate({key: Decimal(value)}, {})
    assert {i.key: i.score for i in r.indicators}[key] == score

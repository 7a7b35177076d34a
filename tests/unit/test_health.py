"""Health-rating ratios from the books: the Juknis 15/2021 categories at their boundaries."""

from decimal import Decimal

import pytest

from koperasi.domain import health


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("problem_loans", "0", health.SEHAT),
        ("problem_loans", "5", health.SEHAT),
        ("problem_loans", "5.01", health.CUKUP),
        ("problem_loans", "10", health.CUKUP),
        ("problem_loans", "15", health.KURANG),
        ("problem_loans", "15.01", health.TIDAK),
        ("loans_to_productive", "75", health.SEHAT),
        ("loans_to_productive", "75.01", health.CUKUP),
        ("loans_to_productive", "85.01", health.KURANG),
        ("loans_to_productive", "95.01", health.TIDAK),
        ("equity_to_assets", "30.01", health.SEHAT),
        ("equity_to_assets", "30", health.CUKUP),
        ("equity_to_assets", "20.5", health.CUKUP),
        ("equity_to_assets", "20", health.KURANG),
        ("equity_to_assets", "10", health.TIDAK),
        ("equity_to_assets", "-4", health.TIDAK),
        ("equity_growth", "12", health.SEHAT),
        ("equity_growth", "10", health.SEHAT),
        ("equity_growth", "9.99", health.CUKUP),
        ("equity_growth", "7", health.CUKUP),
        ("equity_growth", "6.99", health.KURANG),
        ("equity_growth", "4", health.KURANG),
        ("equity_growth", "3.99", health.TIDAK),
        ("equity_growth", "-2", health.TIDAK),
    ],
)
def test_categories(key, value, expected):
    assert health.rate(key, Decimal(value)) == expected


def test_book_ratios():
    ratios = {
        r.key: r
        for r in health.book_ratios(
            problem_loans=1_200_000,
            loans=10_000_000,
            productive_assets=16_000_000,
            equity=9_000_000,
            total_assets=30_000_000,
            equity_previous=8_000_000,
        )
    }
    assert ratios["problem_loans"].value == Decimal("12.00")
    assert ratios["problem_loans"].rating == health.KURANG
    assert ratios["loans_to_productive"].value == Decimal("62.50")
    assert ratios["loans_to_productive"].rating == health.SEHAT
    assert ratios["equity_to_assets"].value == Decimal("30.00")
    assert ratios["equity_to_assets"].rating == health.CUKUP
    assert ratios["equity_growth"].value == Decimal("12.50")
    assert ratios["equity_growth"].rating == health.SEHAT
    assert list(ratios) == list(health.RATIO_LABELS)


def test_no_denominator_no_ratio():
    r = health.ratio("problem_loans", 0, 0)
    assert r.value is None and r.rating is None
    assert health.percent(1, 3) == Decimal("33.33")

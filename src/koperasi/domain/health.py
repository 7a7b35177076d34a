"""Health-rating ratios that come from the books (DESIGN §9; Permenkop 9/2020, Juknis Deputi
Bidang Perkoperasian 15/2021).

The full health rating has four aspects (governance, risk profile, financial performance,
capital) and needs the examiner's questionnaires; only the ratios the ledger and the loan
book can give are computed here, each with the category the Juknis tables assign:

- problem loans ÷ loans (kurang lancar + diragukan + macet): ≤ 5 % sehat, ≤ 10 % cukup sehat,
  ≤ 15 % kurang sehat, above tidak sehat;
- loans ÷ productive assets (loans + bank): ≤ 75 % sehat, ≤ 85 % cukup sehat, ≤ 95 % kurang
  sehat, above tidak sehat;
- equity ÷ total assets: > 30 % sehat, > 20 % cukup sehat, > 10 % kurang sehat, else tidak sehat;
- equity growth over the year: ≥ 10 % sehat, ≥ 7 % cukup sehat, ≥ 4 % kurang sehat, below
  tidak sehat (the Juknis table "Pertumbuhan ekuitas").

Ratios are percentages as ``Decimal`` with two places (12.50 = 12.5 %); ``None`` where the
denominator is zero.
"""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

SEHAT, CUKUP, KURANG, TIDAK = "sehat", "cukup_sehat", "kurang_sehat", "tidak_sehat"
RATING_LABELS = {
    SEHAT: ("Sehat", "Healthy"),
    CUKUP: ("Cukup sehat", "Fairly healthy"),
    KURANG: ("Kurang sehat", "Less healthy"),
    TIDAK: ("Tidak sehat", "Unhealthy"),
}
RATIO_LABELS = {
    "problem_loans": ("Rasio pinjaman bermasalah", "Problem loans ratio"),
    "loans_to_productive": (
        "Pinjaman terhadap aset produktif",
        "Loans to productive assets",
    ),
    "equity_to_assets": ("Ekuitas terhadap total aset", "Equity to total assets"),
    "equity_growth": ("Pertumbuhan ekuitas", "Equity growth"),
}
# (upper bounds, inclusive) for ratios where lower is better
_LOWER_BETTER = {
    "problem_loans": (Decimal(5), Decimal(10), Decimal(15)),
    "loans_to_productive": (Decimal(75), Decimal(85), Decimal(95)),
}
# (lower bounds, exclusive) for ratios where higher is better
_HIGHER_BETTER = {
    "equity_to_assets": (Decimal(30), Decimal(20), Decimal(10)),
}
# (lower bounds, inclusive) for ratios where higher is better
_AT_LEAST = {
    "equity_growth": (Decimal(10), Decimal(7), Decimal(4)),
}
STANDARDS = {
    "problem_loans": (
        "≤ 5 % sehat; ≤ 10 % cukup; ≤ 15 % kurang",
        "≤ 5 % healthy; ≤ 10 % fair; ≤ 15 % less",
    ),
    "loans_to_productive": (
        "≤ 75 % sehat; ≤ 85 % cukup; ≤ 95 % kurang",
        "≤ 75 % healthy; ≤ 85 % fair; ≤ 95 % less",
    ),
    "equity_to_assets": (
        "> 30 % sehat; > 20 % cukup; > 10 % kurang",
        "> 30 % healthy; > 20 % fair; > 10 % less",
    ),
    "equity_growth": (
        "≥ 10 % sehat; ≥ 7 % cukup; ≥ 4 % kurang",
        "≥ 10 % healthy; ≥ 7 % fair; ≥ 4 % less",
    ),
}


def percent(numerator: int, denominator: int) -> Decimal | None:
    """``numerator / denominator`` in percent, two places; ``None`` if the denominator is 0."""
    if denominator == 0:
        return None
    return (Decimal(numerator) * 100 / Decimal(denominator)).quantize(Decimal("0.01"))


def rate(key: str, value: Decimal | None) -> str | None:
    """The Juknis category of one ratio (``None`` for a ratio without thresholds or value)."""
    if value is None:
        return None
    if key in _LOWER_BETTER:
        a, b, c = _LOWER_BETTER[key]
        if value <= a:
            return SEHAT
        if value <= b:
            return CUKUP
        if value <= c:
            return KURANG
        return TIDAK
    if key in _HIGHER_BETTER:
        a, b, c = _HIGHER_BETTER[key]
        if value > a:
            return SEHAT
        if value > b:
            return CUKUP
        if value > c:
            return KURANG
        return TIDAK
    if key in _AT_LEAST:
        a, b, c = _AT_LEAST[key]
        if value >= a:
            return SEHAT
        if value >= b:
            return CUKUP
        if value >= c:
            return KURANG
        return TIDAK
    return None


@dataclass(frozen=True)
class Ratio:
    key: str
    numerator: int
    denominator: int
    value: Decimal | None
    rating: str | None


def ratio(key: str, numerator: int, denominator: int) -> Ratio:
    value = percent(numerator, denominator)
    return Ratio(key, numerator, denominator, value, rate(key, value))


def book_ratios(
    problem_loans: int,
    loans: int,
    productive_assets: int,
    equity: int,
    total_assets: int,
    equity_previous: int,
) -> tuple[Ratio, ...]:
    """The four ratios, in the order the RAT report lists them."""
    return (
        ratio("problem_loans", problem_loans, loans),
        ratio("loans_to_productive", loans, productive_assets),
        ratio("equity_to_assets", equity, total_assets),
        ratio("equity_growth", equity - equity_previous, equity_previous),
    )

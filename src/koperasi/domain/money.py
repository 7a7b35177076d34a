"""Money: integer rupiah, Decimal arithmetic, one rounding rule.

Every amount of money in the app is an ``int`` of rupiah. Calculations that
need fractions (interest, percentages, shares) run in :class:`~decimal.Decimal`
and come back to rupiah through :func:`round_money` (or :func:`round_to_multiple`),
the one place where money is rounded.
"""

from __future__ import annotations

import re
import unicodedata
from decimal import ROUND_DOWN, ROUND_HALF_EVEN, ROUND_HALF_UP, Decimal, InvalidOperation
from enum import StrEnum

__all__ = [
    "RoundingMode",
    "round_money",
    "round_to_multiple",
    "round_down",
    "parse_rupiah",
    "fold_digits",
    "format_rupiah",
    "to_decimal",
    "percent_of",
    "MoneyParseError",
]


class RoundingMode(StrEnum):
    """How money is rounded. Half-up is the default; half-even as banks/Fineract use."""

    HALF_UP = "half-up"
    HALF_EVEN = "half-even"

    @property
    def decimal_mode(self) -> str:
        return ROUND_HALF_UP if self is RoundingMode.HALF_UP else ROUND_HALF_EVEN


DEFAULT_ROUNDING = RoundingMode.HALF_UP
_ONE = Decimal(1)


def to_decimal(value: int | str | Decimal) -> Decimal:
    """Convert an int, str or Decimal to Decimal. Floats are refused on purpose."""
    if isinstance(value, bool | float):
        raise TypeError("money and rates are never float")
    if isinstance(value, Decimal):
        return value
    return Decimal(value)


def round_money(value: int | Decimal, mode: RoundingMode | str = DEFAULT_ROUNDING) -> int:
    """Round a Decimal amount to whole rupiah with the given rounding mode."""
    mode = RoundingMode(mode)
    return int(to_decimal(value).quantize(_ONE, rounding=mode.decimal_mode))


def round_to_multiple(
    value: int | Decimal, multiple: int = 1, mode: RoundingMode | str = DEFAULT_ROUNDING
) -> int:
    """Round to the nearest multiple of ``multiple`` rupiah.

    With ``multiple == 1`` this is :func:`round_money`. For larger multiples the
    value is rounded to the nearest multiple, ties going up (away from zero for
    half-up, to even multiple for half-even), as Fineract's "in multiples of" does.
    """
    if multiple <= 0:
        raise ValueError("multiple must be positive")
    if multiple == 1:
        return round_money(value, mode)
    mode = RoundingMode(mode)
    units = (to_decimal(value) / multiple).quantize(_ONE, rounding=mode.decimal_mode)
    return int(units) * multiple


def round_down(value: int | Decimal) -> int:
    """Round toward zero to whole rupiah (used for SHU shares: the remainder stays)."""
    return int(to_decimal(value).quantize(_ONE, rounding=ROUND_DOWN))


def percent_of(
    amount: int, percent: Decimal | str | int, mode: RoundingMode | str = DEFAULT_ROUNDING
) -> int:
    """``amount x percent / 100``, rounded to rupiah."""
    return round_money(Decimal(amount) * to_decimal(percent) / 100, mode)


class MoneyParseError(ValueError):
    """Text that is not an amount of rupiah."""


_RP_PREFIX = re.compile(r"^\s*(?:rp\.?|idr)\s*", re.IGNORECASE)


def fold_digits(text: str) -> str:
    """Digits of any script (full-width, Arabic-Indic, Devanagari ...) as ASCII ``0-9``."""
    if text.isascii():
        return text
    return "".join(str(unicodedata.decimal(c)) if c.isdecimal() else c for c in text)


def parse_rupiah(text: str | int) -> int:
    """Parse what a treasurer types: ``1.250.000``, ``1250000``, ``Rp 1.250.000``, ``Rp1.250.000,00``.

    Dots (and spaces) group thousands; a comma starts decimals, which must be zero.
    Raises :class:`MoneyParseError` for anything else, including fractional rupiah.
    """
    if isinstance(text, bool):
        raise MoneyParseError(str(text))
    if isinstance(text, int):
        return text
    # full-width digits and letters (NFKC), then digits of any script as ASCII
    raw = fold_digits(unicodedata.normalize("NFKC", str(text)).strip())
    negative = False
    if raw.startswith("-"):
        negative = True
        raw = raw[1:]
    raw = _RP_PREFIX.sub("", raw)
    if raw.startswith("-"):
        negative = not negative
        raw = raw[1:]
    raw = raw.replace("\u00a0", " ").strip()
    whole, sep, frac = raw.partition(",")
    if sep and (not frac.isdigit() or set(frac) != {"0"}):
        raise MoneyParseError(text)
    if re.fullmatch(r"\d{1,3}([. ]\d{3})+", whole):
        digits = re.sub(r"[. ]", "", whole)
    elif re.fullmatch(r"\d+", whole):
        digits = whole
    else:
        raise MoneyParseError(text)
    try:
        value = int(digits)
    except (ValueError, InvalidOperation) as exc:  # pragma: no cover - regex guards this
        raise MoneyParseError(text) from exc
    return -value if negative else value


def format_rupiah(amount: int, symbol: bool = True) -> str:
    """``1250000`` -> ``Rp1.250.000`` (PUEBI: no space, dot for thousands, no decimals)."""
    if isinstance(amount, float):
        raise TypeError("money is never float")
    amount = int(amount)
    grouped = f"{abs(amount):,}".replace(",", ".")
    sign = "-" if amount < 0 else ""
    return f"{sign}Rp{grouped}" if symbol else f"{sign}{grouped}"

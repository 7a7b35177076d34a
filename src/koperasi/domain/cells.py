"""Values of spreadsheet cells as people bring them: Excel's error cells, numbers typed as
text (any script's digits), amounts of money. Pure: the workbook readers (exchange.xlsxin)
and the services that read a sheet of their own (the RAT budget) share these."""

from __future__ import annotations

import unicodedata
from decimal import Decimal

from ..errors import ValidationError
from .money import MoneyParseError, fold_digits, parse_rupiah

EXCEL_ERRORS = frozenset(
    {
        "#NULL!",
        "#DIV/0!",
        "#VALUE!",
        "#REF!",
        "#NAME?",
        "#NUM!",
        "#N/A",
        "#GETTING_DATA",
        "#SPILL!",
        "#CALC!",
        "#FIELD!",
        "#BLOCKED!",
        "#CONNECT!",
        "#BUSY!",
        "#UNKNOWN!",
    }
)


def refuse_excel_error(value: object, field: str) -> None:
    """An Excel error cell (``#REF!``, ``#N/A`` ...) is a row error, never a value."""
    if isinstance(value, str) and "#" in value and value.strip().upper() in EXCEL_ERRORS:
        raise ValidationError(field, "excel_error_cell", value=value.strip().upper())


def number_text(value: str) -> str:
    """A number as typed: NFKC, and every script's digits as ASCII."""
    return fold_digits(unicodedata.normalize("NFKC", value))


def parse_money(value: object, field: str) -> int | None:
    """A cell holding an amount of whole rupiah (a number, or text such as ``Rp1.250.000``);
    None when empty."""
    if value is None or value == "":
        return None
    refuse_excel_error(value, field)
    if isinstance(value, str):
        value = number_text(value)
    if isinstance(value, bool):
        raise ValidationError(field, "not_an_amount", value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        if value.is_integer() and abs(value) < 1e15:
            return int(value)
        raise ValidationError(field, "not_an_amount", value=repr(value))
    if isinstance(value, Decimal):
        if value == value.to_integral_value():
            return int(value)
        raise ValidationError(field, "not_an_amount", value=str(value))
    try:
        return parse_rupiah(str(value))
    except MoneyParseError:
        raise ValidationError(field, "not_an_amount", value=str(value)[:40]) from None

"""How a typed cell reads on paper (the PDF); Excel keeps the typed value instead."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from .model import Kind, T, text


def format_int(value: int, lang: str = "id") -> str:
    grouped = f"{int(value):,}"
    return grouped.replace(",", ".") if lang == "id" else grouped


def format_percent(value: Decimal | int, lang: str = "id", places: int = 2) -> str:
    q = Decimal(value).quantize(Decimal(1).scaleb(-places))
    s = f"{q:,.{places}f}"
    if lang == "id":
        s = s.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{s}%"


def format_cell(value: Any, kind: Kind, lang: str = "id") -> str:
    if value is None or value == "" or kind is Kind.BLANK:
        return ""
    if isinstance(value, T):
        return value.get(lang)
    if kind is Kind.MONEY:
        return format_rupiah(int(value))
    if kind is Kind.INT:
        return format_int(int(value), lang)
    if kind is Kind.PERCENT:
        return format_percent(Decimal(value), lang)
    if kind is Kind.DATE and isinstance(value, dt.date):
        return short_date(value)
    return text(value, lang)


def is_numeric(kind: Kind) -> bool:
    return kind in (Kind.MONEY, Kind.INT, Kind.PERCENT)

"""Dates and amounts as Indonesian (and English) documents write them."""

from __future__ import annotations

import datetime as dt

from babel.dates import format_date
from num2words import num2words

from .money import format_rupiah

__all__ = ["long_date", "short_date", "terbilang", "rupiah_with_words", "format_rupiah"]


def long_date(d: dt.date, lang: str = "id") -> str:
    """``23 November 2026`` (English: ``23 November 2026`` too, month in English)."""
    return format_date(d, "d MMMM y", locale="id_ID" if lang == "id" else "en_GB")


def short_date(d: dt.date) -> str:
    """``23/11/2026`` as tables show it."""
    return d.strftime("%d/%m/%Y")


def terbilang(amount: int, lang: str = "id") -> str:
    """Amount in words: ``dua juta sembilan ratus lima puluh ribu rupiah``."""
    amount = int(amount)
    if lang == "id":
        words = num2words(abs(amount), lang="id")
        prefix = "minus " if amount < 0 else ""
        return f"{prefix}{words} rupiah"
    words = num2words(abs(amount), lang="en")
    prefix = "minus " if amount < 0 else ""
    return f"{prefix}{words} rupiah"


def rupiah_with_words(amount: int, lang: str = "id") -> str:
    """``Rp2.950.000 (dua juta sembilan ratus lima puluh ribu rupiah)``."""
    return f"{format_rupiah(amount)} ({terbilang(amount, lang)})"

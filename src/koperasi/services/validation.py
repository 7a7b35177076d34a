"""Field validators shared by services, forms (validate as you type) and importers."""

from __future__ import annotations

import datetime as dt
import re

from ..errors import ValidationError

_NIK = re.compile(r"^\d{16}$")


def check_nik(value: str, field: str = "nik") -> str:
    """A 16-digit NIK with a plausible region (11-94) and birth date (day+40 for women)."""
    nik = (value or "").strip().replace(" ", "")
    if not _NIK.match(nik):
        raise ValidationError(field, "nik_format", value=value)
    province = int(nik[0:2])
    day, month = int(nik[6:8]), int(nik[8:10])
    if day > 40:
        day -= 40
    if not (11 <= province <= 94) or not (1 <= day <= 31) or not (1 <= month <= 12):
        raise ValidationError(field, "nik_invalid", value=nik)
    return nik


def check_required(value: str | None, field: str) -> str:
    text = (value or "").strip()
    if not text:
        raise ValidationError(field, "required")
    return text


def check_amount(value: int, field: str = "amount", *, allow_zero: bool = False) -> int:
    from .ledger import MAX_AMOUNT

    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_an_amount", value=value)
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(field, "must_be_positive")
    if value > MAX_AMOUNT:
        raise ValidationError(field, "too_large", max=MAX_AMOUNT)
    return value


def check_phone(value: str, field: str = "phone") -> str:
    text = re.sub(r"[\s\-()]", "", value or "")
    if text and not re.fullmatch(r"\+?\d{8,15}", text):
        raise ValidationError(field, "invalid")
    return text


def check_date_not_future(value: dt.date, field: str, today: dt.date | None = None) -> dt.date:
    if value > (today or dt.date.today()):
        raise ValidationError(field, "date_in_future")
    return value


def check_choice(value: str, choices: tuple[str, ...], field: str) -> str:
    if value not in choices:
        raise ValidationError(field, "choice", choices=", ".join(choices), value=value)
    return value

"""Field validators shared by services, forms (validate as you type) and importers."""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata

from ..errors import ValidationError

MAX_AMOUNT = 10**15  # a thousand trillion rupiah: anything above is a typing error
_NIK = re.compile(r"^[0-9]{16}$")

# ---------------------------------------------------------------- text hygiene (issue 22)
# C0 and C1 control characters, DEL, lone surrogates and the two non-characters XML refuses.
# Tab, line feed and carriage return are allowed in multi-line text (addresses, memos) only.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")
_CONTROL_LINE = re.compile("[\x00-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


@functools.cache
def _digits() -> dict[int, str]:
    """Every non-ASCII decimal digit -> its ASCII digit (built on first use: ~700 entries)."""
    return {
        c: str(unicodedata.decimal(chr(c)))
        for c in range(0x80, 0x110000)
        if unicodedata.category(chr(c)) == "Nd"
    }


def fold_digits(text: str) -> str:
    """Digits of any script (full-width ``１``, Arabic-Indic ``١``, Devanagari ``१`` ...) as
    ASCII ``0-9``; everything else unchanged."""
    return text if text.isascii() else text.translate(_digits())


def control_position(text: str, *, multiline: bool = True) -> int | None:
    """The 1-based position of the first control character in ``text``, or None."""
    m = (_CONTROL if multiline else _CONTROL_LINE).search(text)
    return m.start() + 1 if m else None


def check_no_control(text: str, field: str, *, multiline: bool = True) -> str:
    """Refuse control characters (they crash the XLSX reports and hide in names)."""
    pos = control_position(text, multiline=multiline)
    if pos is not None:
        raise ValidationError(
            field, "control_char", pos=pos, code_point=f"U+{ord(text[pos - 1]):04X}"
        )
    return text


def clean_text(value: str | None, field: str, *, multiline: bool = False) -> str:
    """Text as typed or imported, made safe: Unicode NFKC (full-width letters, ligatures and
    compatibility forms become their plain form), then control characters refused (tab and
    line breaks only in multi-line fields), then stripped."""
    text = value or ""
    if text.isascii() and text.isprintable():
        return text.strip()  # ASCII is NFKC already; printable: no control character
    text = unicodedata.normalize("NFKC", text)
    return check_no_control(text, field, multiline=multiline).strip()


def clean_number_text(value: str | None) -> str:
    """A NIK, a phone number or an amount as typed: NFKC and every script's digits as ASCII."""
    text = value or ""
    if text.isascii():
        return text  # NFKC already, its digits ASCII
    return fold_digits(unicodedata.normalize("NFKC", text))


def check_nik(value: str, field: str = "nik") -> str:
    """A 16-digit NIK with a plausible region (11-94) and birth date (day+40 for women).
    Digits of any script are taken as ASCII digits, so one NIK has one spelling."""
    nik = clean_number_text(value).strip().replace(" ", "")
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
    text = clean_text(value, field)
    if not text:
        raise ValidationError(field, "required")
    return text


def check_amount(value: int, field: str = "amount", *, allow_zero: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_an_amount", value=value)
    if value < 0 or (value == 0 and not allow_zero):
        raise ValidationError(field, "must_be_positive")
    if value > MAX_AMOUNT:
        raise ValidationError(field, "too_large", max=MAX_AMOUNT)
    return value


def check_phone(value: str, field: str = "phone") -> str:
    text = re.sub(r"[\s\-()]", "", clean_number_text(value))
    if text and not re.fullmatch(r"\+?[0-9]{8,15}", text):
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


# ---------------------------------------------------------------- the sane horizon (issue 22)
# No date a person types or a cell holds lies before 1900 or after 2100: a year such as 2999
# or 9999 is a typing slip, and past 9999 - n months the date arithmetic itself overflows.
MIN_YEAR = 1900
MAX_YEAR = 2100


def check_year(year: int, field: str = "year") -> int:
    if not (MIN_YEAR <= year <= MAX_YEAR):
        raise ValidationError(field, "year_out_of_range", value=year, min=MIN_YEAR, max=MAX_YEAR)
    return year


def check_date_horizon(value: dt.date, field: str = "date") -> dt.date:
    """A date within the sane horizon (``MIN_YEAR`` to ``MAX_YEAR``)."""
    if not (MIN_YEAR <= value.year <= MAX_YEAR):
        raise ValidationError(
            field, "date_out_of_range", value=value.isoformat(), min=MIN_YEAR, max=MAX_YEAR
        )
    return value


def clean_memo(value: str | None, field: str = "memo") -> str:
    """A memo, description, note or reason as typed or imported (issue 22): NFKC like every
    other text (full-width letters and ligatures become their plain form, so a search finds
    them), control characters refused naming the field (tab and line breaks allowed), then
    stripped. Plain ASCII without control characters (nearly every memo) passes untouched."""
    text = value or ""
    if text.isascii() and control_position(text) is None:
        return text.strip()
    return clean_text(text, field, multiline=True)

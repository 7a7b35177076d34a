"""Reading workbooks people bring: safely, in constant memory, with clear messages.

- The file type is told from its first bytes, not its name: an ``.xlsx`` is a zip; an
  OLE2 file is either a password-protected workbook (it holds an ``EncryptionInfo``
  stream) or an old ``.xls``; anything else is refused.
- Sheets are read with openpyxl in read-only mode and ``data_only=True`` (the values Excel
  saved). When a sheet holds formulas at all (a quick scan of its XML), a second
  formula-view reader runs in step, so a formula without a saved value is reported instead
  of silently read as empty.
- Empty rows (also thousands of formatted empty rows at the end) are skipped cheaply.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import zipfile
from collections.abc import Iterator
from contextlib import suppress
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..domain.cells import parse_money, refuse_excel_error
from ..errors import ValidationError
from ..services.validation import check_date_horizon, check_nik, clean_number_text, clean_text
from . import bounds

ZIP_MAGIC = b"PK\x03\x04"
OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"


class FileError(ValidationError):
    """The file as a whole cannot be read (wrong type, encrypted, corrupt, missing sheet...)."""

    def __init__(self, code: str, /, **params: Any) -> None:
        super().__init__("file", code, **params)


def _has_encryption_stream(path: Path) -> bool:
    data = path.read_bytes()[: 1 << 20]
    return "EncryptionInfo".encode("utf-16-le") in data or b"EncryptedPackage" in data.replace(
        b"\x00", b""
    )


class Workbook:
    """An opened workbook for import (close it, or use it as a context manager)."""

    def __init__(self, path: str | Path) -> None:
        from openpyxl import load_workbook

        self.path = Path(path)
        if not self.path.exists() or not self.path.is_file():
            raise FileError("file_missing", path=str(path))
        with self.path.open("rb") as f:
            head = f.read(8)
        if head.startswith(OLE_MAGIC):
            if _has_encryption_stream(self.path):
                raise FileError("file_encrypted", path=self.path.name)
            raise FileError("file_old_xls", path=self.path.name)
        if not head.startswith(ZIP_MAGIC):
            raise FileError("file_wrong_type", path=self.path.name)
        self._handles: list[Any] = []
        self._sheet_scans: dict[str, bounds.SheetScan] = {}  # part name -> its byte scan
        try:
            self._zip = zipfile.ZipFile(self.path)
            if "xl/workbook.xml" not in self._zip.namelist():
                raise FileError("file_wrong_type", path=self.path.name)
            try:  # the caps, before any parser sees the file (bounds.py)
                self._sheet_scans = bounds.check(self._zip)
            except bounds.TooLarge as exc:
                raise FileError(exc.code, path=self.path.name, **exc.params) from exc
            fh = self.path.open("rb")
            self._handles.append(fh)
            self.values = load_workbook(fh, read_only=True, data_only=True)
        except FileError:
            self.close()
            raise
        except Exception as exc:  # noqa: BLE001 - any parser failure means a damaged file
            self.close()
            raise FileError("file_corrupt", path=self.path.name, detail=str(exc)[:200]) from exc
        self._formulas: Any = None

    # -- sheets

    @property
    def sheet_names(self) -> list[str]:
        return list(self.values.sheetnames)

    def find_sheet(self, names: tuple[str, ...], *, fallback_first: bool) -> str | None:
        wanted = {normalize(n) for n in names}
        for title in self.values.sheetnames:
            if normalize(title) in wanted:
                return title
        if fallback_first and self.values.sheetnames:
            return self.values.sheetnames[0]
        return None

    def _sheet_scan(self, title: str) -> bounds.SheetScan | None:
        """The one byte scan of the sheet's XML (bounds.check made it for a large sheet;
        a small one is scanned here, without the caps): its last row with a value and
        whether it has formulas (None: the sheet's part is unknown)."""
        ws = self.values[title]
        path = getattr(ws, "_worksheet_path", None)
        if not path:
            return None
        path = path.lstrip("/")
        scan = self._sheet_scans.get(path)
        if scan is None:
            try:
                scan = bounds.scan_sheet(self._zip, self._zip.getinfo(path), caps=False)
            except Exception as exc:  # noqa: BLE001 - damaged zip member
                raise FileError("file_corrupt", path=self.path.name, detail=str(exc)[:200]) from exc
            self._sheet_scans[path] = scan
        return scan

    def _sheet_has_formulas(self, title: str) -> bool:
        scan = self._sheet_scan(title)
        return scan is not None and scan.formulas

    def last_value_row(self, title: str) -> int | None:
        """The last row that holds any value or formula (None: unknown), from the byte scan
        of the sheet XML (fast: thousands of formatted empty rows at the end are then never
        parsed)."""
        scan = self._sheet_scan(title)
        return None if scan is None else scan.last_row

    def rows(self, title: str, max_col: int | None = None) -> Iterator[tuple[int, tuple, tuple]]:
        try:
            yield from self._rows(title, max_col)
        except FileError:
            raise
        except Exception as exc:  # noqa: BLE001 - damaged XML inside the zip
            raise FileError("file_corrupt", path=self.path.name, detail=str(exc)[:200]) from exc

    def iter_values(self, title: str, **kw: Any) -> Iterator[tuple]:
        """openpyxl's ``iter_rows(values_only=True)``, with a damaged sheet reported as such."""
        try:
            yield from self.values[title].iter_rows(values_only=True, **kw)
        except Exception as exc:  # noqa: BLE001 - damaged XML inside the zip
            raise FileError("file_corrupt", path=self.path.name, detail=str(exc)[:200]) from exc

    def _rows(self, title: str, max_col: int | None = None) -> Iterator[tuple[int, tuple, tuple]]:
        """``(excel_row_number, values, formulas)`` for every non-empty row; ``formulas`` holds
        the formula text where a cell has a formula and no saved value (else None)."""
        ws = self.values[title]
        max_row = self.last_value_row(title)
        if max_row == 0:
            return
        values = ws.iter_rows(values_only=True, min_row=1, max_col=max_col, max_row=max_row)
        if self._sheet_has_formulas(title):
            if self._formulas is None:
                from openpyxl import load_workbook

                fh = self.path.open("rb")
                self._handles.append(fh)
                self._formulas = load_workbook(fh, read_only=True, data_only=False)
            formulas = self._formulas[title].iter_rows(
                values_only=True, min_row=1, max_col=max_col, max_row=max_row
            )
        else:
            formulas = None
            for n, row in enumerate(values, start=1):
                for v in row:
                    if v is not None and v != "":
                        yield n, tuple(row), ()
                        break
            return
        for n, row in enumerate(values, start=1):
            frow = next(formulas, ())
            if not any(v is not None and v != "" for v in row) and not any(
                isinstance(v, str) and v.startswith("=") for v in frow
            ):
                continue
            missing = tuple(
                f
                if (isinstance(f, str) and f.startswith("=") and (i >= len(row) or row[i] is None))
                else None
                for i, f in enumerate(frow)
            )
            yield n, tuple(row), missing

    def close(self) -> None:
        for wb in (getattr(self, "values", None), getattr(self, "_formulas", None)):
            if wb is not None:
                with suppress(Exception):
                    wb.close()
        for fh in getattr(self, "_handles", []):
            with suppress(Exception):
                fh.close()
        if getattr(self, "_zip", None) is not None:
            with suppress(Exception):
                self._zip.close()

    def __enter__(self) -> Workbook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


# ---------------------------------------------------------------- headers

_SPACES = re.compile(r"[\s_\-\.:/]+")
_HINT = re.compile(r"\(.*?\)|\[.*?\]|\*")


def normalize(text: Any) -> str:
    """``' Tanggal  Lahir (dd/mm/yyyy) *'`` -> ``'tanggal lahir'``; ``'birth_date'`` ->
    ``'birth date'``."""
    if text is None:
        return ""
    if type(text) is str and len(text) <= 64:
        return _normalize_short(text)  # a product, a kind: the same few words every row
    return _normalize(str(text))


def _normalize(text: str) -> str:
    s = _HINT.sub(" ", text).lower()
    return _SPACES.sub(" ", s).strip()


_normalize_short = functools.lru_cache(maxsize=4096)(_normalize)


# ---------------------------------------------------------------- cells

TRUE_WORDS = {"ya", "y", "yes", "true", "benar", "1", "aktif"}
FALSE_WORDS = {"tidak", "t", "n", "no", "false", "salah", "0", "tidak aktif"}


# (Excel's error cells, which openpyxl reads as strings such as "#REF!": domain.cells)
def _number_text(value: Any) -> Any:
    """A string cell as typed (NFKC, digits of any script as ASCII), else ``value``."""
    if isinstance(value, str):
        return clean_number_text(value)
    return value


def parse_text(value: Any, field: str) -> str:
    if value is None:
        return ""
    if type(value) is str and value.isascii() and value.isprintable() and "#" not in value:
        # nearly every cell: no Excel error, NFKC already, no control character
        text = value.strip()
        if "  " not in text:
            return text
    refuse_excel_error(value, field)
    if isinstance(value, str):
        value = clean_text(value, field, multiline=True)
        if value.isascii() and value.isprintable() and "  " not in value:
            return value  # stripped, no run of spaces: nothing to fold below (most cells)
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time(0) else value.isoformat()
    return " ".join(str(value).split())


def parse_nik(value: Any, field: str = "nik") -> str:
    """A NIK must come as text: Excel keeps only 15 significant digits of a number, so a
    16-digit NIK typed as a number has already lost its last digit."""
    refuse_excel_error(value, field)
    if isinstance(value, int | float) and not isinstance(value, bool):
        raise ValidationError(field, "nik_as_number", value=parse_text(value, field))
    return check_nik(parse_text(value, field), field)


_DATE_FORMATS = ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y", "%d.%m.%Y", "%Y/%m/%d")


def parse_date(value: Any, field: str) -> dt.date | None:
    """A date cell or text, within the sane horizon (years 1900-2100)."""
    date = _parse_date(value, field)
    return None if date is None else check_date_horizon(date, field)


def _parse_date(value: Any, field: str) -> dt.date | None:
    if value is None or value == "":
        return None
    refuse_excel_error(value, field)
    value = _number_text(value)
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, int | float) and not isinstance(value, bool):
        # a date serial in a cell without a date format
        if 10_000 <= value <= 80_000:
            from openpyxl.utils.datetime import from_excel

            with suppress(Exception):
                return from_excel(value).date()
        raise ValidationError(field, "not_a_date", value=parse_text(value, field))
    text = str(value).strip()
    if " " in text:  # "2026-01-05 00:00:00"
        text = text.split(" ", 1)[0]
    for fmt in _DATE_FORMATS:
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(field, "not_a_date", value=str(value)[:40])


def parse_int(value: Any, field: str) -> int | None:
    if value is None or value == "":
        return None
    refuse_excel_error(value, field)
    value = _number_text(value)
    if isinstance(value, bool):
        raise ValidationError(field, "not_a_number", value=str(value))
    if isinstance(value, int):
        return value
    if isinstance(value, float) and value.is_integer():
        return int(value)
    try:
        return int(str(value).strip())
    except ValueError:
        raise ValidationError(field, "not_a_number", value=str(value)[:40]) from None


def parse_decimal(value: Any, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    refuse_excel_error(value, field)
    value = _number_text(value)
    if isinstance(value, bool):
        raise ValidationError(field, "not_a_number", value=str(value))
    try:
        d = Decimal(str(value).strip().replace(",", "."))
    except InvalidOperation:
        raise ValidationError(field, "not_a_number", value=str(value)[:40]) from None
    if not d.is_finite():
        raise ValidationError(field, "not_a_number", value=str(value)[:40])
    return d


def parse_bool(value: Any, field: str) -> bool | None:
    if value is None or value == "":
        return None
    refuse_excel_error(value, field)
    if isinstance(value, bool):
        return value
    word = normalize(value)
    if word in TRUE_WORDS:
        return True
    if word in FALSE_WORDS:
        return False
    raise ValidationError(field, "choice", choices="ya, tidak", value=str(value)[:40])


def parse_datetime(value: Any, field: str) -> dt.datetime | None:
    when = _parse_datetime(value, field)
    if when is not None:
        check_date_horizon(when.date(), field)
    return when


def _parse_datetime(value: Any, field: str) -> dt.datetime | None:
    if value is None or value == "":
        return None
    refuse_excel_error(value, field)
    if isinstance(value, dt.datetime):
        return value
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time())
    text = str(value).strip().replace(" ", "T", 1)
    try:
        return dt.datetime.fromisoformat(text)
    except ValueError:
        raise ValidationError(field, "not_a_date", value=str(value)[:40]) from None


PARSERS = {
    "text": parse_text,
    "nik": parse_nik,
    "date": parse_date,
    "datetime": parse_datetime,
    "money": parse_money,
    "int": parse_int,
    "id": parse_int,
    "decimal": parse_decimal,
    "bool": parse_bool,
}

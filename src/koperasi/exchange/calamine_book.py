"""Audit workbooks read with python-calamine (Rust), for the consolidation: a workbook
object with the part of :class:`.xlsxin.Workbook` the consolidation uses, the cells turned
into openpyxl's values and into the canonical form's a column at a time, and the canonical
text of a sheet serialised at once (what the workbook's signature covers, byte for byte)."""

from __future__ import annotations

import contextlib
import datetime as dt
import hashlib
import json
import operator
import os
import zipfile
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

from . import bounds
from .canonical import canonical_value
from .xlsxin import ZIP_MAGIC, FileError, Workbook


class FastBook:
    """The part of :class:`.xlsxin.Workbook` the consolidation uses (``path``,
    ``sheet_names``, ``iter_values``), read with python-calamine (Rust), which reads these
    workbooks about ten times faster than openpyxl. Cell values as openpyxl gives them: an
    empty cell is ``None``, a whole number an ``int``; rows from A1 (the empty area before
    the first value kept), so the sheets' SHA-256 and the figures are the same.

    Only for a file that passed the checks :class:`Workbook` does before its parser (a zip
    with ``xl/workbook.xml``, within the caps of ``bounds``); see :func:`open_book`."""

    def __init__(self, path: Path) -> None:
        from python_calamine import CalamineWorkbook

        self.path = path
        self._wb = CalamineWorkbook.from_path(str(path))

    def __enter__(self) -> FastBook:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        with contextlib.suppress(Exception):
            self._wb.close()

    @property
    def sheet_names(self) -> list[str]:
        return list(self._wb.sheet_names)

    def rows(self, title: str) -> list[list[Any]]:
        """The sheet's cells as python-calamine gives them (an empty cell is ``""``, a
        number a ``float``), every row from A1, all of the same length."""
        try:
            rows: list[list[Any]] = self._wb.get_sheet_by_name(title).to_python(
                skip_empty_area=False
            )
        except Exception as exc:  # noqa: BLE001 - damaged XML inside the zip
            raise FileError("file_corrupt", path=self.path.name, detail=str(exc)[:200]) from exc
        return rows

    def iter_values(
        self, title: str, min_row: int = 1, max_col: int | None = None
    ) -> Iterator[tuple[Any, ...]]:
        for row in self.rows(title)[min_row - 1 :]:
            cells = row if max_col is None else row[:max_col]
            yield tuple(calamine_value(v) for v in cells)


def calamine_value(v: Any) -> Any:
    """A python-calamine value as openpyxl's ``values_only`` gives it: an empty cell
    ``None``, a whole number an ``int`` (also beyond 2**53: its canonical form)."""
    if v.__class__ is str:
        return v or None
    if v.__class__ is float and v.is_integer():
        return int(v)
    return v


def open_book(path: str | os.PathLike[str]) -> Workbook | FastBook:
    """python-calamine where it is installed and the file is a plain workbook; otherwise (and
    for every file :class:`Workbook` refuses: missing, encrypted, .xls, not a workbook, too
    large, damaged) :class:`Workbook`, which names the reason."""
    p = Path(path)
    try:
        import python_calamine  # noqa: F401

        with p.open("rb") as fh:
            if not fh.read(8).startswith(ZIP_MAGIC):
                return Workbook(p)
        with zipfile.ZipFile(p) as z:
            if "xl/workbook.xml" not in z.namelist():
                return Workbook(p)
            bounds.check(z)
        return FastBook(p)
    except Exception:  # noqa: BLE001 - not installed, or it could not open the file
        return Workbook(p)


def _json_default(value: Any) -> Any:
    return canonical_value(value)  # a date, date-time, time, ...: as the canonical form has it


#: the canonical form's JSON (``canonical.canonical_line``), for values already canonical
#: but for dates and times
_ENCODE: Callable[[Any], str] = json.JSONEncoder(
    ensure_ascii=False, separators=(",", ":"), check_circular=False, default=_json_default
).encode


def canonical_text(lines: Sequence[Sequence[Any]]) -> bytes:
    """The canonical form of a sheet's non-empty rows (trailing empty cells dropped, values
    canonical but for dates and times), as :func:`.canonical.canonical_line` gives them one
    after the other: serialised by one call of the JSON encoder, the rows then put on lines
    of their own. That split is exact when ``],[`` occurs only between rows (once per pair):
    a cell with that text in it serialises the rows one by one."""
    if not lines:
        return b""
    text = _ENCODE(lines)
    if text.count("],[") == len(lines) - 1:
        return (text[1:-1].replace("],[", "]\n[") + "\n").encode("utf-8")
    return "".join([_ENCODE(line) + "\n" for line in lines]).encode("utf-8")


EMPTY_SHA256 = hashlib.sha256().hexdigest()
_MIDNIGHT = dt.time(0, 0)
_iso_seconds = operator.methodcaller("isoformat", timespec="seconds")


def trimmed(row: Sequence[Any]) -> Sequence[Any]:
    """``row`` without its trailing empty cells (the canonical form drops them)."""
    n = len(row)
    while n and row[n - 1] is None:
        n -= 1
    return row[:n]


def column_values(
    rows: list[list[Any]], want_values: bool
) -> tuple[list[tuple[Any, ...]], list[tuple[Any, ...]]]:
    """``rows`` (python-calamine's values) as (openpyxl's values, the values of the
    canonical form or objects :data:`.canonical.ENCODE` turns into them), both row by row.
    ``want_values`` False: the first list is the second (no figures are read from it)."""
    if not rows:
        return [], []
    widths = set(map(len, rows))
    if len(widths) > 1:  # python-calamine's rows are all as wide: never seen
        width = max(widths)
        rows = [row + [""] * (width - len(row)) for row in rows]
    values: list[Sequence[Any]] = []
    canon: list[Sequence[Any]] = []
    for col in zip(*rows, strict=True):
        kinds = set(map(type, col))
        value: Sequence[Any] = col
        text: Sequence[Any] = col
        if kinds == {float}:
            if all(map(float.is_integer, col)):
                value = text = list(map(int, col))
            else:
                value = text = [int(v) if v.is_integer() else v for v in col]
        elif kinds == {str}:
            if "" in col:
                value = text = [v or None for v in col]
        elif kinds == {dt.date}:
            text = list(map(dt.date.isoformat, col))
        elif kinds == {dt.datetime}:
            if _MIDNIGHT not in set(map(dt.datetime.time, col)):
                text = list(map(_iso_seconds, col))
        elif not kinds <= {bool, int}:  # mixed: cell by cell (dates: by the encoder)
            value = text = [calamine_value(v) for v in col]
        values.append(value)
        canon.append(text)
    text_rows = list(zip(*canon, strict=True))
    if not want_values or all(map(operator.is_, values, canon)):
        return text_rows, text_rows  # no column has other values in its canonical form
    return list(zip(*values, strict=True)), text_rows

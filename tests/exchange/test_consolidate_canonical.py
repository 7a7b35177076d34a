"""The consolidation's fast reading (python-calamine, a sheet's canonical form serialised at
once) hashes exactly the bytes of the canonical form (``canonical.canonical_line``, what the
export signs), for every kind of cell: a workbook signed by the app verifies, a changed one
does not."""

from __future__ import annotations

import datetime as dt
import hashlib
from decimal import Decimal
from types import SimpleNamespace

import pytest
from openpyxl import Workbook as OpenpyxlWorkbook

from koperasi.exchange import calamine_book
from koperasi.exchange import consolidation_read as cr
from koperasi.exchange.canonical import canonical_line, sheet_digest

pytest.importorskip("python_calamine")

SHEET = SimpleNamespace(title="Data", key="no-handler", headers=("a",))


def _reference(rows) -> str:  # type: ignore[no-untyped-def]
    """The canonical form cell by cell, of the values as openpyxl gives them."""
    h = hashlib.sha256()
    for row in rows:
        line = canonical_line([calamine_book.calamine_value(v) for v in row])
        if line != b"[]\n":
            h.update(line)
    return h.hexdigest()


class _Rows:
    """A stand-in for :class:`calamine_book.FastBook` serving python-calamine-like rows."""

    def __init__(self, rows) -> None:  # type: ignore[no-untyped-def]
        self._rows = rows

    def rows(self, title: str):  # type: ignore[no-untyped-def]
        return [list(r) for r in self._rows]


def _fast(rows) -> str:  # type: ignore[no-untyped-def]
    reader = cr._Reader(cr.Cooperative("x"))
    return cr._scan_fast(_Rows(rows), SHEET, reader)  # type: ignore[arg-type]


D, T = dt.date(2025, 3, 1), dt.datetime(2025, 3, 1, 13, 5, 7, 999_999)
M = dt.datetime(2025, 3, 2)  # midnight: a date in the canonical form
CASES = {
    "empty": [],
    "only empty rows": [["", ""], ["", ""]],
    "typed columns": [
        ["a", "b", "c", "d", "e", "f"],
        [1.0, 1.5, "x", D, T, True],
        [2.0, -0.0, "", D, T, False],
        [1e20, 0.1, 'ü — 中 "q" \\ \n', D, T, True],
    ],
    "mixed columns, trailing and leading empties": [
        ["", "", ""],
        ["", "h1", "h2", ""],
        ["", 3.0, D, ""],
        ["", "", "", ""],
        ["", "t", M, ""],
        ["", 2.5, "", ""],
        ["", float("inf"), T, ""],
    ],
    "datetime column with a midnight": [["a"], [T], [M]],
    "a cell with the row separator in it": [["a", "b"], ["x],[y", 1.0], ["[", "]"]],
    "other values": [
        ["a", "b"],
        [dt.time(9, 30, 5, 7), dt.timedelta(days=2)],
        [Decimal("2.50"), 7],
    ],
}


@pytest.mark.parametrize("name", list(CASES))
def test_fast_canonical_form_is_the_reference(name):
    rows = CASES[name]
    assert _fast(rows) == _reference(rows)


def test_canonical_text_is_the_lines_of_canonical_line():
    lines = [["a", None, 1], [D, T, M, 2.5, True], ["x],[y"], [dt.time(1, 2, 3)]]
    want = b"".join(canonical_line(r) for r in lines)
    assert calamine_book.canonical_text(lines) == want
    assert calamine_book.canonical_text([]) == b""


def test_a_written_workbook_hashes_as_the_export_hashes_it(tmp_path):
    """A sheet written by openpyxl (as the export writes): its SHA-256 by the fast path
    equals the one the exporter computes over its values, and one changed cell differs."""
    wb = OpenpyxlWorkbook()
    ws = wb.active
    ws.title = "Data"
    rows = [
        ("id", "name", "amount", "rate", "date", "at", "flag", "note"),
        (1, "Siti", 1_250_000, 1.5, D, dt.datetime(2025, 3, 1, 13, 5, 7), True, None),
        (2, 'Budi "B" ],[', 0, 0.1, D, M, False, "catatan"),
        (3, None, -5, 2.0, None, None, None, None),
        (None, None, None, None, None, None, None, None),
        (4, "Ani", 10**15, -0.25, dt.date(2024, 12, 31), M, True, ""),
    ]
    for row in rows:
        ws.append(row)
    path = tmp_path / "data.xlsx"
    wb.save(path)
    from openpyxl import load_workbook

    values = list(load_workbook(path)["Data"].iter_rows(values_only=True))
    want, _n = sheet_digest(values)
    with calamine_book.FastBook(path) as book:
        reader = cr._Reader(cr.Cooperative(str(path)))
        assert cr._scan_fast(book, SHEET, reader) == want  # type: ignore[arg-type]
    ws.cell(3, 3).value = 1
    wb.save(path)
    with calamine_book.FastBook(path) as book:
        reader = cr._Reader(cr.Cooperative(str(path)))
        assert cr._scan_fast(book, SHEET, reader) != want  # type: ignore[arg-type]

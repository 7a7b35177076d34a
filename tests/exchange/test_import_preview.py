"""The rows an import preview shows beside their errors (koperasi.exchange.preview)."""

from __future__ import annotations

import datetime as dt

from files import write_xlsx
from helpers import nik
from openpyxl import Workbook

from koperasi.exchange import preview_import
from koperasi.exchange.preview import preview_rows

HEADERS = ["Nama", "NIK", "Jenis Kelamin", "Tanggal Masuk"]


def rows(n: int, bad: set[int] = frozenset()) -> list[list]:  # type: ignore[assignment]
    return [
        [f"Anggota {i}", "123" if i in bad else nik(i), "P", dt.date(2025, 1, 6)]
        for i in range(1, n + 1)
    ]


def test_values_and_errors_in_file_order(sqlite_db, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, rows(4, bad={2}), title="Anggota")
    p = preview_rows(preview_import(sqlite_db, "members", path))
    assert p.headers == tuple(HEADERS)
    assert [r.row for r in p.rows] == [2, 3, 4, 5]
    assert [r.ok for r in p.rows] == [True, False, True, True]
    assert p.rows[0].values == ("Anggota 1", nik(1), "P", "06/01/2025")
    assert p.rows[1].errors.startswith("NIK: ") and "16" in p.rows[1].errors
    assert not p.truncated
    en = preview_rows(preview_import(sqlite_db, "members", path), "en")
    assert en.rows[1].errors.startswith("NIK: ") and "digit" in en.rows[1].errors


def test_title_rows_above_the_header_are_skipped(sqlite_db, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Daftar anggota KSP Sejahtera"])
    ws.append([])
    ws.append(HEADERS)
    for r in rows(2):
        ws.append(r)
    path = tmp_path / "judul.xlsx"
    wb.save(path)
    p = preview_rows(preview_import(sqlite_db, "members", path))
    assert [r.row for r in p.rows] == [4, 5] and all(r.ok for r in p.rows)


def test_errors_always_shown_valid_rows_capped(sqlite_db, tmp_path):
    path = write_xlsx(tmp_path / "a.xlsx", HEADERS, rows(60, bad={45, 58}), title="Anggota")
    p = preview_rows(preview_import(sqlite_db, "members", path), max_valid=5, max_errors=1)
    assert [r.row for r in p.rows if r.ok] == [2, 3, 4, 5, 6]
    assert [r.row for r in p.rows if not r.ok] == [46]  # Excel row of the 45th member
    assert p.shown_errors == 1 and p.shown_valid == 5 and p.truncated


def test_file_errors_become_rows_without_values(sqlite_db, tmp_path):
    path = tmp_path / "x.xlsx"
    path.write_text("bukan excel")
    p = preview_rows(preview_import(sqlite_db, "members", path))
    assert p.headers == () and len(p.rows) == 1
    assert p.rows[0].row == 0 and "bukan buku kerja Excel" in p.rows[0].errors

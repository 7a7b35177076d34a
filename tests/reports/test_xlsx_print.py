"""Every XLSX report, opened as an auditor opens it: with openpyxl (normal and read-only)
and pandas. Print setup on every sheet, totals stored as numbers (no formula without a
value), identifiers as numbers, sheet sizes recorded so that read-only rows are whole."""

from __future__ import annotations

import re
from pathlib import Path

import pandas as pd
import pytest
from openpyxl import load_workbook

from koperasi.db.database import open_database
from koperasi.reports import registry
from koperasi.reports.model import ReportData, RowKind

A4 = 9
DIGITS = re.compile(r"[1-9][0-9]*")
# identifiers that the builders hold as digit strings: they must reach Excel as numbers
ID_COLUMNS = {
    ("jurnal", "jurnal", "entry"),
    ("buku-besar", "buku_besar", "entry"),
    ("buku-kas", "buku_kas", "entry"),
    ("kartu-pinjaman", "jadwal", "no"),
    ("lembar-pertemuan", "lembar_pertemuan", "no"),
}


@pytest.fixture(scope="module")
def books(demo_db_path, tmp_path_factory) -> dict[str, tuple[ReportData, Path]]:
    """Every registered report of the shared demo cooperative, as XLSX, without options."""
    out = tmp_path_factory.mktemp("xlsx-reports")
    db = open_database(demo_db_path)
    try:
        found = {}
        for spec in registry.list_reports():
            data = registry.build(db, spec.name)
            found[spec.name] = (data, registry.render(data, out / f"{spec.name}.xlsx", "xlsx"))
        en = registry.build(db, "neraca-saldo")
        found["neraca-saldo/en"] = (en, registry.render(en, out / "tb-en.xlsx", "xlsx", "en"))
    finally:
        db.dispose()
    assert {"jurnal", "kartu-pinjaman", "perubahan-ekuitas", "nominatif", "rat"} <= set(found)
    return found


def test_every_sheet_is_set_up_for_printing(books):
    for name, (_data, path) in books.items():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            where = f"{name}: {ws.title}"
            setup = ws.page_setup
            assert int(setup.paperSize) == A4, where
            assert ws.sheet_properties.pageSetUpPr.fitToPage, where
            assert (int(setup.fitToWidth), int(setup.fitToHeight)) == (1, 0), where
            widths = sum(ws.column_dimensions[c].width for c in ws.column_dimensions)
            assert setup.orientation == ("landscape" if widths > 100 else "portrait"), where
            assert ws.print_title_rows == "$1:$1", where  # the header row on every page
            footer = ws.oddFooter.center.text
            page = "Page &P of &N" if name.endswith("/en") else "Halaman &P dari &N"
            assert footer == page, where
            assert ws.oddHeader.left.text and ws.oddHeader.right.text, where
            margins = ws.page_margins
            assert 0.25 <= margins.left <= 1 and 0.25 <= margins.top <= 1, where
            assert ws.freeze_panes == "A2", where
    # a wide table prints across, a narrow one upright
    assert load_workbook(books["nominatif"][1])["Nominatif"].page_setup.orientation == "landscape"
    info = load_workbook(books["perubahan-ekuitas"][1])["Info"]
    assert info.page_setup.orientation == "portrait"
    header = info.oddHeader
    assert header.left.text == "KSP Sejahtera Bersama Balikpapan"
    assert header.right.text.startswith("Laporan Perubahan Ekuitas – Tahun buku")


def test_totals_are_numbers_not_formulas(books):
    seen = 0
    for name, (data, path) in books.items():
        wb = load_workbook(path)
        for ws in wb.worksheets:
            for row in ws.iter_rows():
                for c in row:
                    assert c.data_type != "f", (name, ws.title, c.coordinate, c.value)
                    assert not (isinstance(c.value, str) and c.value.startswith("=")), (
                        name,
                        c.coordinate,
                    )
        for i, table in enumerate(data.tables()):
            if not (table.has_totals and table.rows):
                continue
            title = wb.sheetnames[i]
            last = [c.value for c in wb[title][wb[title].max_row]]
            assert table.total_label.get("en" if name.endswith("/en") else "id") in last
            frame = pd.read_excel(path, sheet_name=title)
            assert len(frame) == len(table.rows) + 1, (name, title)
            for key, total in table.totals().items():
                col = table.column_index(key)
                assert type(last[col]) is int and last[col] == total, (name, title, key)
                assert pd.api.types.is_numeric_dtype(frame.iloc[:, col]), (name, title, key)
                assert frame.iloc[-1, col] == total, (name, title, key)
                seen += 1
    assert seen > 30


def test_changes_in_equity_total_label_in_the_name_column(books):
    data, path = books["perubahan-ekuitas"]
    rows = list(
        load_workbook(path, read_only=True)["Perubahan Ekuitas"].iter_rows(values_only=True)
    )
    assert rows[0][:2] == ("Kode", "Komponen ekuitas")
    assert rows[-1][0] is None and rows[-1][1] == "Jumlah ekuitas"
    assert rows[-1][5] == data.figure("closing_equity")
    assert rows[-1][2] == data.figure("opening_equity")


def test_identifiers_are_numbers(books):
    seen = set()
    for name, (data, path) in books.items():
        wb = load_workbook(path)
        for i, table in enumerate(data.tables()):
            ws = wb[wb.sheetnames[i]]
            sheet = list(ws.iter_rows(min_row=2, max_row=len(table.rows) + 1, values_only=True))
            for row, values in zip(table.rows, sheet, strict=True):
                for col, v in enumerate(values):
                    # no number hides as text: "1128" would sort and filter as text
                    assert not (isinstance(v, str) and DIGITS.fullmatch(v)), (name, ws.title, v)
                    key = (name, table.key, table.columns[col].key)
                    if key in ID_COLUMNS and row.kind is RowKind.DATA and v is not None:
                        assert type(v) is int and str(v) == str(row.cells[col]), key
                        assert ws.cell(2, col + 1).number_format == "0"  # no 1.128
                        seen.add(key)
    assert seen == ID_COLUMNS


def test_read_only_rows_are_whole(books):
    for name, (data, path) in books.items():
        normal = load_workbook(path)
        fast = load_workbook(path, read_only=True)
        for i, table in enumerate(data.tables()):
            title = fast.sheetnames[i]
            expected = 1 + len(table.rows) + (1 if table.has_totals and table.rows else 0)
            assert fast[title].max_row == expected, (name, title)
            assert fast[title].max_column == len(table.columns), (name, title)
        for ws in fast.worksheets:
            full = normal[ws.title]
            assert (ws.max_row, ws.max_column) == (full.max_row, full.max_column), ws.title
            rows = list(ws.iter_rows(values_only=True))
            assert len(rows) == ws.max_row and {len(r) for r in rows} == {ws.max_column}
        fast.close()

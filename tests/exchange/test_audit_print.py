"""The audit workbook and the other workbooks written with SheetOut, opened as an auditor
opens them: print setup on every sheet, the sheet size recorded (read-only rows whole),
ids and amounts as numbers for openpyxl and pandas."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

import pandas as pd
from openpyxl import load_workbook

from koperasi.exchange import write_template
from koperasi.exchange.sheets import INFO_TITLE, SHEETS
from koperasi.exchange.xlsxout import SheetOut, new_workbook, patch_dimension, save_atomic

NUMERIC = {"id", "int", "money"}


def assert_print_setup(path: Path, cooperative: str | None = None):  # type: ignore[no-untyped-def]
    """Every sheet's print setup checked; the loaded workbook returned (loading the whole
    demo's takes seconds: the caller's further checks read this one)."""
    wb = load_workbook(path)
    for ws in wb.worksheets:
        setup = ws.page_setup
        assert int(setup.paperSize) == 9, ws.title  # A4
        assert ws.sheet_properties.pageSetUpPr.fitToPage, ws.title
        # fitted to the page width (as many pages tall as needed); a very wide sheet to
        # two or three pages side by side, with its id column on each
        assert int(setup.fitToHeight) == 0 and int(setup.fitToWidth) in (1, 2, 3), ws.title
        if int(setup.fitToWidth) > 1:
            assert ws.print_title_cols == "$A:$A", ws.title
        assert setup.orientation in ("portrait", "landscape"), ws.title
        assert ws.print_title_rows == "$1:$1", ws.title
        assert ws.oddFooter.center.text == "Halaman &P dari &N", ws.title
        assert ws.oddHeader.right.text == "&A", ws.title  # the sheet's name
        if cooperative:
            assert ws.oddHeader.left.text == cooperative.replace("&", "&&"), ws.title
        assert ws.print_options.gridLines, ws.title
    return wb


def test_audit_workbook_print_setup(demo_audit_path):
    wb = assert_print_setup(demo_audit_path, "KSP Sejahtera Bersama Balikpapan")
    fit = {ws.title: (ws.page_setup.orientation, int(ws.page_setup.fitToWidth)) for ws in wb}
    assert fit["Jurnal"] == ("landscape", 1)  # 15 columns on one page wide
    assert fit["Pinjaman"] == ("landscape", 3)  # 36 columns: one page would print at 25 %
    assert fit["Pengaturan"] == fit[INFO_TITLE] == ("portrait", 1)  # 2 columns


def test_audit_workbook_sizes_and_typed_cells_read_only(demo_audit_path):
    wb = load_workbook(demo_audit_path, read_only=True)
    info_ws = wb[INFO_TITLE]
    info_rows = list(info_ws.iter_rows(values_only=True))
    # the Info sheet has empty values (no period): its rows still have both cells
    assert info_ws.max_column == 2 and {len(r) for r in info_rows} == {2}
    assert info_ws.max_row == len(info_rows) > 30
    info = {r[0]: r[1] for r in info_rows[1:]}
    assert info["period_from"] is None  # the row that used to come back as a 1-tuple
    numbers = 0
    for sheet in SHEETS:
        ws = wb[sheet.title]
        n = int(info[f"rows:{sheet.title}"])
        assert (ws.max_row, ws.max_column) == (n + 1, len(sheet.headers)), sheet.title
        rows = list(ws.iter_rows(values_only=True))
        assert len(rows) == n + 1, sheet.title
        assert {len(r) for r in rows} == {len(sheet.headers)}, sheet.title
        for i, col in enumerate(sheet.columns):
            if col.type in NUMERIC:
                for r in rows[1:]:
                    assert r[i] is None or type(r[i]) is int, (sheet.title, col.name, r[i])
                    numbers += r[i] is not None
    assert numbers > 10_000
    wb.close()


def test_audit_workbook_with_pandas(demo_audit_path):
    sheets = pd.read_excel(demo_audit_path, sheet_name=None)
    for sheet in SHEETS:
        frame = sheets[sheet.title]
        assert list(frame.columns) == sheet.headers, sheet.title
        for col in sheet.columns:
            if col.type in NUMERIC and frame[col.name].notna().any():
                assert pd.api.types.is_numeric_dtype(frame[col.name]), (sheet.title, col.name)
    journal = sheets["Jurnal"]
    assert str(journal["entry_id"].dtype) == "int64" and str(journal["debit"].dtype) == "int64"
    per_entry = journal.groupby("entry_id")[["debit", "credit"]].sum()
    assert len(per_entry) > 100 and (per_entry["debit"] == per_entry["credit"]).all()
    schedule = sheets["Jadwal Angsuran"]
    assert str(schedule["no"].dtype) == "int64" and schedule["no"].min() == 1


def test_templates_and_error_reports_too(tmp_path):
    path = write_template("members", tmp_path / "t.xlsx", lang="en")
    wb = load_workbook(path)
    assert wb.worksheets[0].oddFooter.center.text == "Page &P of &N"
    assert int(wb.worksheets[0].page_setup.paperSize) == 9
    fast = load_workbook(path, read_only=True)
    for ws in fast.worksheets:
        rows = list(ws.iter_rows(values_only=True))
        assert (ws.max_row, ws.max_column) == (len(rows), len(rows[0])), ws.title
        assert {len(r) for r in rows} == {ws.max_column}
    fast.close()


def test_dimension_follows_the_rows_written(tmp_path):
    """Wider rows than the header, rows by the fast path and by openpyxl's, an empty sheet;
    the placeholder never survives a save, even one that bypasses save_atomic."""
    wb = new_workbook()
    a = SheetOut(wb, "A", ["x", "y"], ["int", "text"])
    a.append([1, None])
    a.append([2, "b", "extra", None, "far"])  # five values: column E
    a.append([3, "c"], error_columns=[1])  # openpyxl's own append
    SheetOut(wb, "Empty", ["only", "header", "row"], ["text"] * 3)
    wb.save(tmp_path / "plain.xlsx")  # wb.save, not save_atomic
    fast = load_workbook(tmp_path / "plain.xlsx", read_only=True)
    assert (fast["A"].max_row, fast["A"].max_column) == (4, 5)
    assert [len(r) for r in fast["A"].iter_rows(values_only=True)] == [5, 5, 5, 5]
    assert (fast["Empty"].max_row, fast["Empty"].max_column) == (1, 3)
    fast.close()
    with zipfile.ZipFile(tmp_path / "plain.xlsx") as z:
        xml = z.read("xl/worksheets/sheet1.xml")
    assert b'<dimension ref="A1:E4"' in xml and b"XFD" not in xml
    # the patch works on an in-memory sheet too, and only on the placeholder
    buf = io.BytesIO(b'<worksheet><dimension ref="A1:XFD1048576"/><sheetData/></worksheet>')
    assert patch_dimension(buf, 120, 8)
    assert buf.getvalue() == (
        b'<worksheet><dimension ref="A1:H120"' + b" " * 6 + b"/><sheetData/></worksheet>"
    )
    assert not patch_dimension(io.BytesIO(b"<worksheet><sheetData/></worksheet>"), 1, 1)
    save_atomic(new_workbook(), tmp_path / "nothing.xlsx")  # a workbook with no SheetOut

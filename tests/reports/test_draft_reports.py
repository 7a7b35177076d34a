"""A report of a period that has not ended, or is not closed, says "SEMENTARA / DRAF" on every
page (PDF) and in every sheet's printed header and the Info sheet (XLSX); a closed period's
report does not."""

from __future__ import annotations

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import closing

DRAFT = "SEMENTARA / DRAF"


def close_through(db, actor, year, month):  # type: ignore[no-untyped-def]
    y, m = 2024, 10  # the demo's first month
    while (y, m) <= (year, month):
        closing.close_month(db, actor, y, m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def pdf_pages(db, name, params, tmp_path):  # type: ignore[no-untyped-def]
    path = registry.run(db, name, params, "pdf", tmp_path / f"{name}.pdf")
    return path, [p.extract_text() for p in PdfReader(path).pages]


def test_open_period_reports_are_drafts_on_every_page(demo_db, actor, tmp_path):
    close_through(demo_db, actor, 2026, 9)
    # September is closed: final, no mark anywhere
    final = registry.build(demo_db, "neraca-saldo", ReportParams(period="2026-09"))
    assert not final.draft
    _path, pages = pdf_pages(demo_db, "neraca-saldo", ReportParams(period="2026-09"), tmp_path)
    assert pages and not any(DRAFT in t for t in pages)
    # October has ended (today is later) but is not closed: a draft
    draft = registry.build(demo_db, "neraca-saldo", ReportParams(period="2026-10"))
    assert draft.draft
    path, pages = pdf_pages(demo_db, "neraca-saldo", ReportParams(period="2026-10"), tmp_path)
    assert len(pages) >= 1 and all(DRAFT in t for t in pages)
    # the RAT of the current year: every page, the cover included
    _path, rat = pdf_pages(demo_db, "rat", ReportParams(year=2026), tmp_path)
    assert len(rat) > 3 and all(DRAFT in t for t in rat)
    # English
    en = registry.render(draft, tmp_path / "en.pdf", "pdf", "en")
    assert all("PROVISIONAL / DRAFT" in p.extract_text() for p in PdfReader(en).pages)


def test_draft_xlsx_says_so_in_every_sheet(demo_db, actor, tmp_path):
    close_through(demo_db, actor, 2026, 9)
    draft = registry.run(
        demo_db, "neraca-saldo", ReportParams(period="2026-10"), "xlsx", tmp_path / "d.xlsx"
    )
    final = registry.run(
        demo_db, "neraca-saldo", ReportParams(period="2026-09"), "xlsx", tmp_path / "f.xlsx"
    )
    wb = load_workbook(draft)
    assert all(ws.oddHeader.center.text == DRAFT for ws in wb.worksheets)
    info = [tuple(r) for r in wb["Info"].iter_rows(values_only=True)]
    assert any(r[0] == "Status" and DRAFT in r[1] for r in info)
    wb = load_workbook(final)
    assert not any(ws.oddHeader.center.text for ws in wb.worksheets)
    assert not any(DRAFT in str(v) for r in wb["Info"].iter_rows(values_only=True) for v in r if v)
    # read-only mode and pandas still read the data sheet from its first row
    ro = load_workbook(draft, read_only=True)
    first = next(ro.worksheets[0].iter_rows(values_only=True))
    assert first[0] == "Kode"
    pd = pytest.importorskip("pandas")
    df = pd.read_excel(draft)
    assert list(df.columns)[0] == "Kode" and len(df) > 5

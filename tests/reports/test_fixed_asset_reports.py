"""The fixed-asset register (PDF/XLSX) and its CALK note in the RAT book, against the
hand computations of tests/services/test_fixed_assets.py."""

from __future__ import annotations

import datetime as dt

from openpyxl import load_workbook
from pypdf import PdfReader

from koperasi.db.database import open_database
from koperasi.reports import registry
from koperasi.reports.common import ReportParams, resolve_period
from koperasi.reports.rat_calk import calk_sections
from koperasi.services import fixed_asset_depreciation as fa_depreciation
from koperasi.services import fixed_asset_disposal as fa_disposal
from koperasi.services import fixed_assets as fa
from koperasi.services import ledger
from koperasi.services.auth import SYSTEM
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only

D = dt.date


def _books(tmp_path):
    db = open_database(tmp_path / "k.db")
    ledger.add_manual_entry(
        db,
        SYSTEM,
        D(2025, 1, 2),
        "Hibah",
        [Line("1.01", debit=100_000_000), Line("3.13", credit=100_000_000)],
    )
    fa.add_asset(
        db,
        SYSTEM,
        fa.AssetInput("Komputer", "peralatan", D(2025, 1, 10), 10_000_000, 36, 1_000_000),
    )
    fa.add_asset(db, SYSTEM, fa.AssetInput("Tanah", "tanah", D(2025, 1, 20), 50_000_000, 0))
    printer = fa.add_asset(
        db, SYSTEM, fa.AssetInput("Printer", "peralatan", D(2025, 1, 3), 2_400_000, 24)
    )
    for m in range(1, 13):
        fa_depreciation.depreciate_month(db, SYSTEM, 2025, m, today=D(2026, 6, 1))
        if m == 8:  # 8 x 100.000 booked; book value 1.600.000 sold for 1.200.000
            fa_disposal.dispose(db, SYSTEM, printer.id, D(2025, 9, 10), 1_200_000)
    return db


def test_register_report_figures_and_files(tmp_path):
    db = _books(tmp_path)
    data = registry.build(db, "aset-tetap", ReportParams(year=2025))
    assert data.figure("cost") == 60_000_000
    assert data.figure("accumulated") == 3_000_000
    assert data.figure("book_value") == 57_000_000
    assert data.figure("depreciation") == 3_000_000 + 800_000
    groups = data.table("aset_per_kelompok")
    assert groups.totals() == {
        "count": 2,
        "cost": 60_000_000,
        "accumulated": 3_000_000,
        "book_value": 57_000_000,
        "depreciation": 3_000_000,
    }
    gone = data.table("aset_dilepas")
    assert gone.values("gain") == [-400_000] and gone.values("book_value") == [1_600_000]
    pdf = registry.render(data, tmp_path / "r.pdf", "pdf")
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Daftar Aset Tetap" in text and "Rp57.000.000" in text and "Printer" in text
    xlsx = registry.render(data, tmp_path / "r.xlsx", "xlsx", lang="en")
    for read_only_ in (False, True):
        wb = load_workbook(str(xlsx), read_only=read_only_)
        rows = list(wb["Detail"].iter_rows(values_only=True))
        assert rows[0][0] == "Code" and rows[-1][-4:] == (
            60_000_000,
            3_000_000,
            57_000_000,
            3_000_000,
        )


def test_empty_register_renders_and_calk_has_note_only_with_assets(tmp_path):
    empty = open_database(tmp_path / "e.db")
    data = registry.build(empty, "aset-tetap")
    assert data.figure("cost") == 0
    assert registry.render(data, tmp_path / "e.pdf", "pdf").stat().st_size > 1000
    with read_only(empty) as s:
        titles = [
            x.title.get("id") for x in calk_sections(s, resolve_period(s, ReportParams(year=2025)))
        ]
    assert not any("Aset Tetap" in (t or "") for t in titles)
    db = _books(tmp_path)
    with read_only(db) as s:
        sections = calk_sections(s, resolve_period(s, ReportParams(year=2025)))
    [note] = [x for x in sections if x.title and "Aset Tetap" in x.title.get("id")]
    assert note.tables[0].totals()["book_value"] == 57_000_000


def test_balance_sheet_shows_cost_accumulated_and_net(tmp_path):
    from koperasi.reports.model import RowKind

    db = _books(tmp_path)
    data = registry.build(db, "posisi-keuangan", ReportParams(year=2025))
    rows = [r.cells for r in data.table("posisi_keuangan").rows]
    names = [c[1].get("id") if hasattr(c[1], "get") else c[1] for c in rows]
    i = names.index("Nilai buku aset tetap")
    assert rows[i - 2][0] == "1.30" and rows[i - 2][2] == 60_000_000
    assert rows[i - 1][0] == "1.39" and rows[i - 1][2] == -3_000_000
    assert rows[i][2] == 57_000_000
    assert data.table("posisi_keuangan").rows[i].kind is RowKind.SUBTOTAL
    total = next(r for r, n in zip(rows, names, strict=True) if n == "Jumlah aset")
    assert total[2] == 100_000_000 - 10_000_000 - 50_000_000 - 2_400_000 + 1_200_000 + 57_000_000

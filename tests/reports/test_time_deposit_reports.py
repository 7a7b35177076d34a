"""The time-deposit papers: the bilyet (one page, the amount in figures and words, the
maturity, the instruction, the penalty rule), the maturity list (PDF and XLSX, only the
deposits maturing in the window, totals), the member's savings statement with the deposits,
and the roles (a ketua kelompok gets neither the list nor the bilyet)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input
from openpyxl import load_workbook
from pypdf import PdfReader

from koperasi.db.database import open_database
from koperasi.errors import PermissionDenied
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import members, savings
from koperasi.services import time_deposit_products as td_products
from koperasi.services import time_deposit_runs as td_runs
from koperasi.services import time_deposits as td
from koperasi.services.auth import SYSTEM, Actor, Role

D = dt.date
TODAY = D(2026, 6, 15)


@pytest.fixture
def books(tmp_path):
    db = open_database(tmp_path / "k.db")
    m = members.register_member(db, SYSTEM, member_input(address="Jl. Mawar 12"))
    savings.deposit(db, SYSTEM, m.number, "SUKARELA", 2_000_000, D(2025, 1, 10))
    td_products.save_product(
        db,
        SYSTEM,
        td.ProductInput("B6", "Berjangka 6", 6, Decimal("5.5"), "jatuh_tempo", 0, Decimal(1)),
    )
    td_products.save_product(db, SYSTEM, td.ProductInput("B3", "Berjangka 3", 3, Decimal(6)))
    td.place(db, SYSTEM, m.number, "B6", 12_500_000, D(2025, 1, 31), instruction="aro_plus")
    td.place(db, SYSTEM, m.number, "B3", 1_000_000, D(2025, 3, 5), instruction="sukarela")
    for month in range(1, 9):
        td_runs.run_month(db, SYSTEM, 2025, month, today=TODAY)
    yield db, m.number
    db.dispose()


def _text(path) -> str:
    return "\n".join(p.extract_text() for p in PdfReader(path).pages)


def test_certificate(books, tmp_path):
    db, number = books
    out = registry.run(
        db, "bilyet-berjangka", ReportParams(deposit="SB-2025-00001"), "pdf", tmp_path / "b.pdf"
    )
    assert len(PdfReader(out).pages) == 1
    text = _text(out)
    # rolled over on 31 Jul with 6 x 57.292 less 6 x 0 PPh: 12.500.000 + 343.752
    assert "SB-2025-00001" in text and "Rp12.843.752" in text
    assert "dua belas juta delapan ratus empat puluh tiga ribu" in text
    assert "31 Januari 2026" in text and "Diperpanjang 1 kali" in text
    assert "penalti 1 % dari nominal" in text
    # the paid-out one shows what it held
    closed = _text(registry.run(
        db, "bilyet-berjangka", ReportParams(deposit="SB-2025-00002"), "pdf", tmp_path / "c.pdf"
    ))  # fmt: skip
    assert "Rp1.000.000" in closed and "Selesai" in closed
    # default: the member's latest active deposit
    data = registry.build(db, "bilyet-berjangka", ReportParams(member=number))
    assert data.subtitle.id == "Nomor: SB-2025-00001"


def test_maturity_list_pdf_and_xlsx(books, tmp_path):
    db, _number = books
    params = ReportParams(date=D(2026, 1, 1))
    pdf = registry.run(db, "jatuh-tempo-berjangka", params, "pdf", tmp_path / "j.pdf")
    text = _text(pdf)
    assert "SB-2025-00001" in text and "SB-2025-00002" not in text
    assert "1 Januari 2026 s.d. 31 Maret 2026" in text
    xlsx = registry.run(db, "jatuh-tempo-berjangka", params, "xlsx", tmp_path / "j.xlsx")
    wb = load_workbook(xlsx)
    rows = list(wb["Jatuh Tempo"].iter_rows(values_only=True))
    assert rows[0][1] == "Nomor bilyet"
    assert rows[1][1] == "SB-2025-00001" and rows[1][7] == 12_843_752
    assert rows[-1][5] == "Jumlah" and rows[-1][7] == 12_843_752
    import pandas as pd

    df = pd.read_excel(xlsx, sheet_name="Jatuh Tempo")
    assert list(df["Nomor bilyet"].dropna()) == ["SB-2025-00001"]
    # a month with nothing maturing
    empty = registry.build(db, "jatuh-tempo-berjangka", ReportParams(period="2025-12"))
    assert empty.sections[0].tables[0].rows == ()


def test_statement_includes_time_deposits(books):
    db, number = books
    data = registry.build(db, "mutasi-simpanan", ReportParams(member=number, year=2025))
    figures = {f.key: f.value for f in data.sections[0].figures}
    assert figures["balance_berjangka"] == 12_843_752
    assert figures["total"] == sum(v for k, v in figures.items() if k.startswith("balance_"))
    [table] = [t for t in data.sections[0].tables if t.key == "simpanan_berjangka"]
    placed = [r for r in table.rows if r.cells[4]]
    assert [r.cells[4] for r in placed] == [12_500_000, 1_000_000, 343_752]


def test_ketua_refused(books):
    db, number = books
    ketua = Actor("k", Role.KETUA, frozenset({1}))
    for name in ("jatuh-tempo-berjangka", "bilyet-berjangka"):
        with pytest.raises(PermissionDenied):
            registry.build(db, name, ReportParams(member=number), actor=ketua)

"""The bank reconciliation report (PDF/XLSX) at a date, against the figures of
tests/services/test_bank.py: one section per bank account, the difference nil."""

from __future__ import annotations

import datetime as dt

import pandas as pd
from openpyxl import load_workbook
from pypdf import PdfReader

from koperasi.db.database import open_database
from koperasi.exchange.bank_statement import import_statement, write_sample
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import bank, bank_matching, ledger
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.services.ledger import Line

D = dt.date
ROWS = [
    (D(2025, 1, 2), "SETORAN AWAL", 50_000_000, 50_000_000),
    (D(2025, 2, 4), "PLN POSTPAID", -1_250_000, 48_750_000),
    (D(2025, 2, 28), "BIAYA ADM", -15_000, 48_735_000),
]


def _books(tmp_path):
    db = open_database(tmp_path / "k.db")
    a = bank.add_bank_account(db, SYSTEM, "BRI Operasional", "bri", "0123-01")
    bank.add_bank_account(db, SYSTEM, "Mandiri Tabungan", "mandiri", "77", account_code="1.02")
    for date, text, dr, cr, amount in (
        (D(2025, 1, 2), "Hibah", a.account_code, "3.13", 50_000_000),
        (D(2025, 1, 2), "Kas", "1.01", "3.13", 5_000_000),
        (D(2025, 2, 3), "Listrik", "5.11", a.account_code, 1_250_000),
        (D(2025, 2, 27), "Gaji (cek)", "5.14", a.account_code, 3_000_000),
        (D(2025, 2, 28), "Setor kas", a.account_code, "1.01", 2_000_000),
    ):
        ledger.add_manual_entry(
            db, SYSTEM, date, text, [Line(dr, debit=amount), Line(cr, credit=amount)]
        )
    import_statement(db, SYSTEM, a.code, write_sample(tmp_path / "s.csv", "bri", ROWS))
    bank_matching.auto_match(db, SYSTEM, a.code)
    return db


def test_reconciliation_report_figures_and_files(tmp_path):
    db = _books(tmp_path)
    data = registry.build(db, "rekonsiliasi-bank", ReportParams(date=D(2025, 2, 28)))
    first = data.sections[0]
    fig = {f.key: f.value for f in first.figures}
    assert fig["statement_balance"] == 48_735_000
    assert fig["in_transit"] == 2_000_000 and fig["outstanding"] == -3_000_000
    assert fig["adjusted_bank"] == fig["adjusted_book"] == 47_735_000
    assert fig["book_balance"] == 47_750_000 and fig["unrecorded"] == -15_000
    assert fig["difference"] == 0
    assert len(data.sections) == 2  # the second account has no statement yet
    pdf = registry.render(data, tmp_path / "r.pdf", "pdf")
    text = "".join(p.extract_text() for p in PdfReader(str(pdf)).pages)
    assert "Rekonsiliasi Bank" in text and "Rp47.735.000" in text and "BIAYA ADM" in text
    xlsx = registry.render(data, tmp_path / "r.xlsx", "xlsx", lang="en")
    wb = load_workbook(str(xlsx))
    assert "Not booked BANK-1" in wb.sheetnames
    rows = list(wb["Not booked BANK-1"].iter_rows(values_only=True))
    assert rows[0][0] == "Date" and rows[1][2] == "BIAYA ADM" and rows[1][3] == -15_000
    frames = pd.read_excel(xlsx, sheet_name=None)
    assert frames["Outstanding BANK-1"]["Amount"].iloc[0] == -3_000_000


def test_reconciliation_report_refused_to_a_ketua(tmp_path):
    import pytest

    from koperasi.errors import PermissionDenied

    db = _books(tmp_path)
    with pytest.raises(PermissionDenied):
        registry.build(
            db,
            "rekonsiliasi-bank",
            ReportParams(date=D(2025, 2, 28)),
            actor=Actor("ketua-k01", Role.KETUA, frozenset({1})),
        )

"""Reading the statement exports of the common Indonesian banks (BCA, BRI, Mandiri, BNI) as
CSV and XLSX: header found below the bank's preamble, debit/credit or amount with its DB/CR
mark, Indonesian and English number styles, dates without a year (BCA), errors per row."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import Workbook

from koperasi.errors import ValidationError
from koperasi.exchange.bank_statement import parse_amount, parse_statement

D = dt.date


def _csv(tmp_path, name, lines, sep=","):
    p = tmp_path / name
    p.write_text("\n".join(sep.join(cells) for cells in lines) + "\n", encoding="utf-8")
    return p


def test_bca_csv_amount_with_cr_db_and_dates_without_year(tmp_path):
    p = _csv(
        tmp_path,
        "bca.csv",
        [
            ["Informasi Rekening - Mutasi Rekening"],
            ["No. rekening : ", "'0123456789"],
            ["Nama : ", "KSP MAWAR"],
            ["Periode : ", "01/03/2025 - 31/03/2025"],
            [],
            ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo"],
            [
                "'03/03",
                "TRSF E-BANKING CR 0303/FTSCY/WS95031 SETORAN",
                "'0000",
                '"1,500,000.00 CR"',
                '"11,500,000.00"',
            ],
            ["'05/03", "BIAYA ADM", "'0000", '"15,000.00 DB"', '"11,485,000.00"'],
            ["Saldo Awal", ":", '"10,000,000.00"'],
            ["Mutasi Debet", ":", '"15,000.00"'],
        ],
    )
    st = parse_statement(p)
    assert not st.errors
    assert [(r.date, r.amount, r.balance) for r in st.rows] == [
        (D(2025, 3, 3), 1_500_000, 11_500_000),
        (D(2025, 3, 5), -15_000, 11_485_000),
    ]
    assert st.rows[0].description.startswith("TRSF E-BANKING")
    assert st.mapping["amount"] == "Jumlah" and st.header_row == 6


def test_bca_mark_in_its_own_column(tmp_path):
    p = _csv(
        tmp_path,
        "bca2.csv",
        [
            ["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "", "Saldo"],
            ["03/03/2025", "SETORAN", "0000", "1500000.00", "CR", "11500000.00"],
            ["04/03/2025", "TARIKAN", "0000", "500000.00", "DB", "11000000.00"],
        ],
    )
    st = parse_statement(p)
    assert [r.amount for r in st.rows] == [1_500_000, -500_000]


def test_bri_debet_kredit_indonesian_numbers_semicolons(tmp_path):
    p = _csv(
        tmp_path,
        "bri.csv",
        [
            ["Tanggal Transaksi", "Uraian Transaksi", "Teller", "Debet", "Kredit", "Saldo"],
            ["02/01/25", "SETORAN TUNAI", "8888", "0,00", "50.000.000,00", "50.000.000,00"],
            ["04/02/25", "PLN POSTPAID", "8888", "1.250.000,00", "0,00", "48.750.000,00"],
        ],
        sep=";",
    )
    st = parse_statement(p)
    assert not st.errors
    assert [(r.date, r.amount, r.balance) for r in st.rows] == [
        (D(2025, 1, 2), 50_000_000, 50_000_000),
        (D(2025, 2, 4), -1_250_000, 48_750_000),
    ]


def test_mandiri_xlsx_and_bni_type_column(tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Rekening Koran Bank Mandiri"])
    ws.append(["Tanggal", "Keterangan", "Keterangan Tambahan", "Debit", "Kredit", "Saldo"])
    ws.append([dt.datetime(2025, 2, 3), "Transfer", "dari ANGGOTA", None, 2_000_000, 7_000_000])
    ws.append(["05 Feb 2025", "Biaya", None, 6500, None, 6_993_500])
    wb.save(tmp_path / "mandiri.xlsx")
    st = parse_statement(tmp_path / "mandiri.xlsx")
    assert not st.errors
    assert [(r.date, r.amount, r.balance) for r in st.rows] == [
        (D(2025, 2, 3), 2_000_000, 7_000_000),
        (D(2025, 2, 5), -6_500, 6_993_500),
    ]
    p = _csv(
        tmp_path,
        "bni.csv",
        [
            ["Tanggal Transaksi", "Uraian Transaksi", "Tipe", "Nominal", "Saldo Akhir"],
            ["10-Mar-2025", "BUNGA", "K", "25000", "1025000"],
            ["11-Mar-2025", "PAJAK", "D", "5000", "1020000"],
            ["12-Mei-2025", "TRF", "Cr", "5000", "1025000"],
        ],
    )
    st = parse_statement(p)
    assert [(r.date, r.amount) for r in st.rows] == [
        (D(2025, 3, 10), 25_000),
        (D(2025, 3, 11), -5_000),
        (D(2025, 5, 12), 5_000),
    ]


def test_saved_mapping_reads_another_layout_and_errors_name_row_and_column(tmp_path):
    p = _csv(
        tmp_path,
        "other.csv",
        [
            ["Tgl Buku", "Catatan", "Keluar", "Masuk", "Sisa"],
            ["2025-02-01", "A", "", "1000", "1000"],
            ["31/02/2025", "B", "10", "", "990"],
            ["2025-02-03", "C", "abc", "", "990"],
        ],
    )
    with pytest.raises(ValidationError):
        parse_statement(p)  # no known header
    mapping = {
        "date": "Tgl Buku",
        "description": "Catatan",
        "debit": "Keluar",
        "credit": "Masuk",
        "balance": "E",
    }
    st = parse_statement(p, mapping)
    assert [r.amount for r in st.rows] == [1000]
    assert [(n, col) for n, col, _ in st.errors] == [(3, "Tgl Buku"), (4, "Keluar")]
    assert "31/02/2025" in st.errors[0][2].message("id")


def test_amount_styles():
    assert parse_amount("1.500.000,00", "a") == (1_500_000, None)
    assert parse_amount("1,500,000.00 CR", "a") == (1_500_000, "cr")
    assert parse_amount("Rp 1.250.000", "a") == (1_250_000, None)
    assert parse_amount("(250.000)", "a") == (-250_000, None)
    assert parse_amount("1.234,56", "a") == (1_235, None)
    assert parse_amount("15000", "a") == (15_000, None)
    assert parse_amount("1,5", "a") == (2, None)
    with pytest.raises(ValidationError):
        parse_amount("12a", "a")

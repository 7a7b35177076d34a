"""Issue 22, text, numbers and dates: what the hostile test found and must stay fixed.

Control characters in a name or memo were stored raw and later crashed the XLSX reports; a
NIK typed in full-width or Arabic-Indic digits was stored as typed, defeated the duplicate
check and was not found by search; an Excel error cell (#REF!) was imported as a member's
name; year 9999 in a CLI date ended in a traceback and 2999 was taken as a real date."""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import pytest
from helpers import member_input, nik

from koperasi.cli import main
from koperasi.domain.money import parse_rupiah
from koperasi.errors import KoperasiError, ValidationError
from koperasi.exchange import run_import
from koperasi.services import ledger, members, savings, savings_statements
from koperasi.services.auth import SYSTEM

sys.path.insert(0, str(Path(__file__).parents[1] / "exchange"))
from files import write_xlsx  # noqa: E402

D = dt.date(2025, 3, 3)
HEADERS = ["Nama", "NIK", "Jenis Kelamin", "Tanggal Masuk", "Tanggal Lahir", "Nomor HP"]
FULL_WIDTH = str.maketrans("0123456789", "０１２３４５６７８９")
ARABIC_INDIC = str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩")


# ---------------------------------------------------------------- control characters


@pytest.mark.parametrize(
    "bad", ["Siti\x07", "Siti\x00Aminah", "Siti\x1b[31m", "Si\x85ti", "Siti\nX"]
)
def test_control_characters_in_a_name_are_refused_naming_the_field(db, bad):
    with pytest.raises(ValidationError) as e:
        members.register_member(db, SYSTEM, member_input(bad, 1))
    assert e.value.field == "name" and e.value.code == "control_char"
    assert members.list_members(db) == []


def test_control_characters_in_other_member_fields_are_refused(db):
    with pytest.raises(ValidationError) as e:
        members.register_member(db, SYSTEM, member_input("Siti", 1, occupation="Guru\x0b"))
    assert e.value.field == "occupation"
    # a line break is fine in the address, which is several lines on paper
    m = members.register_member(db, SYSTEM, member_input("Siti", 1, address="Jl. Mawar 1\nRT 2"))
    assert members.get_member(db, m.number).address == "Jl. Mawar 1\nRT 2"


def test_control_characters_in_memos_and_descriptions_are_refused(db):
    m = members.register_member(db, SYSTEM, member_input("Siti", 1))
    with pytest.raises(KoperasiError) as e:
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, D, memo="tunai\x07")
    assert "U+0007" in e.value.message("en")
    assert savings_statements.member_balances(db, m.number)[0].balance == 0, "nothing half-written"
    with pytest.raises(KoperasiError):
        ledger.add_manual_entry(
            db,
            SYSTEM,
            D,
            "List\x1frik",
            [ledger.Line("5.11", debit=50_000), ledger.Line("1.01", credit=50_000)],
        )
    assert ledger.list_entries(db) == []


def test_member_xlsx_report_works_after_a_refused_control_character(sqlite_db, tmp_path, capsys):
    with pytest.raises(ValidationError):
        members.register_member(sqlite_db, SYSTEM, member_input("Ani\x01", 2))
    members.register_member(sqlite_db, SYSTEM, member_input("Ani", 2))
    db = str(sqlite_db.sqlite_path)
    sqlite_db.dispose()
    out = tmp_path / "anggota.xlsx"
    assert main(["--db", db, "report", "daftar-anggota", "-o", str(out)]) == 0, capsys.readouterr()
    assert out.stat().st_size > 0


# ---------------------------------------------------------------- digits of any script


@pytest.mark.parametrize("table", [FULL_WIDTH, ARABIC_INDIC])
def test_nik_in_other_digits_is_stored_as_ascii_and_found_and_not_registered_twice(db, table):
    number = nik(7)
    typed = number.translate(table)
    m = members.register_member(
        db, SYSTEM, with_nik("Siti", typed, phone="０８１２３４５６７８９０")
    )
    detail = members.get_member(db, m.number)
    assert detail.nik == number and detail.phone == "081234567890"
    for again in (number, number.translate(FULL_WIDTH), number.translate(ARABIC_INDIC)):
        with pytest.raises(ValidationError) as e:
            members.register_member(db, SYSTEM, with_nik("Siti Lagi", again))
        assert e.value.field == "nik" and e.value.code == "duplicate"
    found = members.list_members(db, search=number[:6].translate(table))
    assert [r.number for r in found] == [m.number]


def with_nik(name, nik, **kw):  # type: ignore[no-untyped-def]
    from dataclasses import replace

    return replace(member_input(name, 1, **kw), nik=nik)


def test_full_width_name_is_normalised():
    data = members.validate(member_input("Ｓｉｔｉ　Ａｍｉｎａｈ", 1))
    assert data.name == "Siti Aminah"


@pytest.mark.parametrize(
    "text", ["Ｒｐ１.２５０.０００", "١٢٥٠٠٠٠", "Rp 1.250.000", "१२५००००", "1.250.000"]
)
def test_amounts_in_any_digits(text):
    assert parse_rupiah(text) == 1_250_000


def test_cli_deposit_with_full_width_amount(sqlite_db, capsys):
    m = members.register_member(sqlite_db, SYSTEM, member_input("Siti", 1))
    db = str(sqlite_db.sqlite_path)
    sqlite_db.dispose()
    code = main(
        [
            "--db",
            db,
            "savings",
            "deposit",
            m.number,
            "POKOK",
            "３００.０００",
            "--date",
            "2025-03-03",
        ]
    )
    assert code == 0, capsys.readouterr()


# ---------------------------------------------------------------- Excel error cells


@pytest.mark.parametrize("cell", ["#REF!", "#N/A", "#VALUE!", "#DIV/0!", "#NAME?"])
def test_excel_error_cell_is_a_row_error_not_a_name(sqlite_db, actor, tmp_path, cell):
    rows = [
        [cell, nik(1), "P", "2025-01-06", None, None],
        ["Budi", nik(2, female=False), "L", "2025-01-06", None, cell],
        ["Citra", nik(3), "P", "2025-01-06", None, None],
    ]
    rep = run_import(sqlite_db, actor, "members", write_xlsx(tmp_path / "e.xlsx", HEADERS, rows))
    assert not rep.committed
    errors = {(e.row, e.error.field): e.error.code for e in rep.errors}
    assert errors == {(2, "name"): "excel_error_cell", (3, "phone"): "excel_error_cell"}
    assert members.list_members(sqlite_db) == []
    assert cell in rep.errors[0].error.message("en")


# ---------------------------------------------------------------- dates beyond a sane horizon


def test_imported_date_in_2999_is_a_row_error(sqlite_db, actor, tmp_path):
    rows = [
        ["Siti", nik(1), "P", "2999-01-06", None, None],
        ["Ani", nik(2), "P", "2025-01-06", "1885-01-01", None],
        ["Dewi", nik(3), "P", dt.datetime(9999, 12, 31), None, None],
    ]
    rep = run_import(sqlite_db, actor, "members", write_xlsx(tmp_path / "d.xlsx", HEADERS, rows))
    codes = sorted((e.row, e.error.code) for e in rep.errors)
    assert codes == [(2, "date_out_of_range"), (3, "date_out_of_range"), (4, "date_out_of_range")]


SCHEDULE = [
    "schedule",
    "--principal",
    "1000000",
    "--rate",
    "1",
    "--rate-per",
    "month",
    "--repayments",
    "12",
    "--every",
    "1",
    "--unit",
    "month",
    "--method",
    "flat",
]


@pytest.mark.parametrize(
    "args",
    [
        [*SCHEDULE, "--disbursed", "9999-01-01"],
        [*SCHEDULE, "--disbursed", "2026-01-01", "--first-due", "9999-12-31"],
        ["close-month", "9999-12"],
        ["close-month", "2999-12"],
        ["close-year", "9999"],
        ["reopen", "9999", "--reason", "x"],
        ["report", "posisi-keuangan", "--year", "9999", "-o", "x.pdf"],
        ["report", "posisi-keuangan", "--period", "9999-01", "-o", "x.pdf"],
        ["report", "posisi-keuangan", "--date", "9999-12-31", "-o", "x.pdf"],
        ["savings", "interest", "9999-01"],
        ["month-end", "--as-of", "2999-12-31"],
        ["month-end", "--as-of", "9999-12-31"],
        ["savings", "deposit", "A00001", "POKOK", "1000", "--date", "2999-01-01"],
        [
            "member",
            "add",
            "--name",
            "X",
            "--nik",
            "3201014505900001",
            "--gender",
            "P",
            "--join-date",
            "9999-01-01",
        ],
    ],
)
def test_cli_year_beyond_the_horizon_is_a_one_line_refusal(tmp_path, capsys, args):
    db = str(tmp_path / "k.db")
    assert main(["--db", db, "init"]) == 0
    capsys.readouterr()
    code = main(["--db", db, *args])
    out, err = capsys.readouterr()
    assert code == 2, (out, err)
    assert err.count("\n") == 1 and "Traceback" not in err
    assert "2100" in err, err

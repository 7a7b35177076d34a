"""Running loans brought in with their collateral and guarantor (issue 17): the collateral
columns (kind, description, value, document number) go into the collateral register and the
guarantor's member number onto the loan's guarantors, in the row's own transaction; each bad
collateral or guarantor value is named by row and column, and a row that fails leaves no
loan, no collateral and no guarantor behind. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from files import write_xlsx
from helpers import member_input
from openpyxl import load_workbook
from sqlalchemy import func, select

from koperasi.cli import main
from koperasi.db.models import (
    AuditEntry,
    CollateralEvent,
    JournalEntry,
    Loan,
    LoanCollateral,
    LoanGuarantor,
)
from koperasi.exchange import run_import, write_template
from koperasi.services import member_exit, members
from koperasi.services.check import run_checks
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import collateral
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

HEADERS = [
    "Nomor Anggota",
    "Produk Pinjaman",
    "Plafon",
    "Jangka Waktu",
    "Tanggal Pencairan",
    "Tujuan Pinjaman",
    "Pokok Sudah Dibayar",
    "Bunga Sudah Dibayar",
    "Per Tanggal",
    "Jenis Jaminan",
    "Uraian Jaminan",
    "Nilai Agunan",
    "No. Dokumen Jaminan",
    "No. Anggota Penjamin",
]


def row(member="A00001", **kw) -> list:  # type: ignore[no-untyped-def]
    """UMUM 6,000,000 over 12 months from 15/03/2025, 6 months repaid, a motorbike's BPKB
    as collateral and A00002 as guarantor."""
    values = {
        "Nomor Anggota": member,
        "Produk Pinjaman": "UMUM",
        "Plafon": 6_000_000,
        "Jangka Waktu": 12,
        "Tanggal Pencairan": "15/03/2025",
        "Tujuan Pinjaman": "Modal usaha warung",
        "Pokok Sudah Dibayar": 3_000_000,
        "Bunga Sudah Dibayar": 540_000,
        "Per Tanggal": "31/12/2025",
        "Jenis Jaminan": "BPKB",
        "Uraian Jaminan": "BPKB Honda Beat 2021 KT 1234 AB",
        "Nilai Agunan": 7_500_000,
        "No. Dokumen Jaminan": "M-0012345",
        "No. Anggota Penjamin": "A00002",
    }
    values.update(kw)
    return [values[h] for h in HEADERS]


def loans_file(tmp_path, rows, name="pinjaman.xlsx"):  # type: ignore[no-untyped-def]
    return write_xlsx(tmp_path / name, HEADERS, rows, title="Pinjaman")


def _setup(db, actor):  # type: ignore[no-untyped-def]
    for n in range(1, 5):
        members.register_member(db, actor, member_input(n=n, join=dt.date(2020, 1, 6)))
    member_exit.exit_member(db, actor, "A00004", dt.date(2025, 1, 31), "pindah")
    add_product(
        db,
        actor,
        ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=20_000_000,
            min_term=3,
            max_term=24,
        ),
    )
    return db


@pytest.fixture
def coop(db, actor):
    return _setup(db, actor)


def state(db) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (
                Loan,
                LoanCollateral,
                CollateralEvent,
                LoanGuarantor,
                JournalEntry,
                AuditEntry,
            )
        )


def test_collateral_and_guarantor_go_into_the_register(coop, actor, tmp_path):
    rows = [
        row(),
        # the kind as the register's label, no document number, no guarantor
        row(
            "A00002",
            **{
                "Jenis Jaminan": "Sertifikat tanah/bangunan",
                "Uraian Jaminan": "SHM no. 123  Gunung Samarinda",
                "Nilai Agunan": "Rp 25.000.000",
                "No. Dokumen Jaminan": None,
                "No. Anggota Penjamin": None,
            },
        ),
        # no collateral at all, a guarantor only
        row(
            "A00003",
            **{
                "Jenis Jaminan": None,
                "Uraian Jaminan": None,
                "Nilai Agunan": None,
                "No. Dokumen Jaminan": None,
                "No. Anggota Penjamin": "A00001",
            },
        ),
    ]
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, rows))
    assert rep.ok and rep.committed and rep.written == 3, rep.error_lines()
    by_member = {v.member_number: v.number for v in loan_views.list_loans(coop)}
    [bpkb] = collateral.for_loan(coop, by_member["A00001"])
    assert (bpkb.kind, bpkb.description, bpkb.value, bpkb.document_no) == (
        "bpkb",
        "BPKB Honda Beat 2021 KT 1234 AB",
        7_500_000,
        "M-0012345",
    )
    assert bpkb.held and bpkb.received_on == dt.date(2025, 3, 15)
    assert [e.kind for e in bpkb.events] == ["diterima"]
    [shm] = collateral.for_loan(coop, by_member["A00002"])
    assert (shm.kind, shm.description, shm.value, shm.document_no) == (
        "sertifikat",
        "SHM no. 123 Gunung Samarinda",
        25_000_000,
        "",
    )
    assert collateral.for_loan(coop, by_member["A00003"]) == []
    # the loan's recognised collateral follows what is held
    assert loan_views.get_loan(coop, by_member["A00001"]).collateral == 7_500_000
    assert loan_views.get_loan(coop, by_member["A00003"]).collateral == 0
    assert [g.member_number for g in collateral.guarantors_of(coop, by_member["A00001"])] == [
        "A00002"
    ]
    assert collateral.guarantors_of(coop, by_member["A00002"]) == []
    # the guarantors' exposure: the principal outstanding of what they guarantee
    assert collateral.exposure_of(coop, "A00002").total == 3_000_000
    assert collateral.exposure_of(coop, "A00001").total == 3_000_000
    assert len(collateral.register(coop)) == 2
    report = run_checks(coop)
    assert report.ok, report.problems


def test_paid_off_loan_keeps_its_collateral_to_hand_back(coop, actor, tmp_path):
    """A loan repaid in full by the cut-over comes in closed: its collateral is in the
    register, held, and goes back with its hand-over letter."""
    paid = {"Pokok Sudah Dibayar": 6_000_000, "Bunga Sudah Dibayar": 1_080_000}
    rep = run_import(
        coop,
        actor,
        "loans",
        loans_file(tmp_path, [row(**paid, **{"No. Anggota Penjamin": None})]),
    )
    assert rep.committed, rep.error_lines()
    [v] = loan_views.list_loans(coop)
    assert v.status == "lunas"
    [item] = collateral.for_loan(coop, v.number)
    assert item.held
    [back] = collateral.return_collateral(coop, actor, v.number, dt.date(2026, 1, 5))
    assert back.handover_no == "SSJ-2026-00001"
    assert run_checks(coop).ok


BAD = [
    ("unknown-kind", {"Jenis Jaminan": "motor"}, "Jenis Jaminan", "choice"),
    ("kind-missing", {"Jenis Jaminan": None}, "Jenis Jaminan", "collateral_incomplete"),
    (
        "description-missing",
        {"Uraian Jaminan": "   "},
        "Uraian Jaminan",
        "collateral_incomplete",
    ),
    ("value-missing", {"Nilai Agunan": None}, "Nilai Agunan", "collateral_incomplete"),
    ("value-text", {"Nilai Agunan": "tujuh juta"}, "Nilai Agunan", "not_an_amount"),
    ("value-negative", {"Nilai Agunan": -1}, "Nilai Agunan", "must_not_be_negative"),
    (
        "only-a-document",
        {"Jenis Jaminan": None, "Uraian Jaminan": None, "Nilai Agunan": None},
        "Jenis Jaminan",
        "collateral_incomplete",
    ),
    (
        "unknown-guarantor",
        {"No. Anggota Penjamin": "A99999"},
        "No. Anggota Penjamin",
        "unknown_ref",
    ),
    (
        "guarantor-is-borrower",
        {"No. Anggota Penjamin": "A00001"},
        "No. Anggota Penjamin",
        "guarantor_is_borrower",
    ),
    (
        "guarantor-exited",
        {"No. Anggota Penjamin": "A00004"},
        "No. Anggota Penjamin",
        "member_not_active",
    ),
    (
        # found only when the row is applied: the loan is paid off by the cut-over, so no
        # guarantor can be put on it; the loan and its collateral are rolled back too
        "guarantor-on-a-closed-loan",
        {"Pokok Sudah Dibayar": 6_000_000, "Bunga Sudah Dibayar": 1_080_000},
        "No. Anggota Penjamin",
        "collateral_loan_closed",
    ),
]


@pytest.mark.parametrize(
    ("change", "column", "code"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_collateral_or_guarantor_names_row_and_column_and_writes_nothing(
    coop, actor, tmp_path, change, column, code
):
    before = state(coop)
    good = row("A00002", **{"No. Anggota Penjamin": "A00003"})
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, [good, row(**change)]))
    assert not rep.committed and rep.written == 0
    got = [(e.row, e.column, e.error.code) for e in rep.errors]
    assert (3, column, code) in got, rep.error_lines()
    assert {r for r, _c, _k in got} == {3}, rep.error_lines()
    first = next(e for e in rep.errors if e.column == column)
    assert first.message().startswith(f"Baris 3, kolom '{column}': ")
    assert first.message("en").startswith(f"Row 3, column '{column}': ")
    assert state(coop) == before


def test_incomplete_collateral_message_says_what_to_fill(coop, actor, tmp_path):
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, [row(**{"Uraian Jaminan": None})]))
    [e] = rep.errors
    assert e.message() == (
        "Baris 2, kolom 'Uraian Jaminan': Uraian jaminan wajib diisi bila pinjaman berjaminan: "
        "isi jenis, uraian dan nilai jaminan (atau kosongkan semua kolom jaminan)."
    )


def test_valid_rows_only_keeps_the_good_rows_collateral(coop, actor, tmp_path):
    rows = [
        row(),
        row("A00002", **{"Jenis Jaminan": "mobil"}),  # refused
        row("A00003", **{"Jenis Jaminan": "emas", "Uraian Jaminan": "Kalung 10 gram"}),
    ]
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, rows), valid_only=True)
    assert rep.committed and rep.written == 2 and sorted(rep.error_rows) == [3]
    held = sorted((c.kind, c.value) for c in collateral.register(coop))
    assert held == [("bpkb", 7_500_000), ("emas", 7_500_000)]
    with read_only(coop) as s:
        assert s.scalar(select(func.count()).select_from(LoanGuarantor)) == 2
    assert run_checks(coop).ok


def test_template_has_the_collateral_columns_and_imports(coop, actor, tmp_path):
    path = write_template("loans", tmp_path / "t.xlsx")
    wb = load_workbook(path)
    headers = [c.value for c in wb["Pinjaman"][1]]
    for h in ("Jenis Jaminan", "Uraian Jaminan", "Nilai Agunan", "No. Dokumen Jaminan"):
        assert h in headers
    assert "No. Anggota Penjamin" in headers
    guide = {r[0]: r for r in wb["Petunjuk"].iter_rows(min_row=2, values_only=True)}
    assert "bpkb, sertifikat, emas, deposito atau lainnya" in guide["Jenis Jaminan"][2]
    assert "bukan peminjamnya sendiri" in guide["No. Anggota Penjamin"][2]
    en = load_workbook(write_template("loans", tmp_path / "en.xlsx", "en"))
    assert "Guarantor member number" in [c.value for c in en["Loans"][1]]
    # the example row imports as it is, its collateral into the register
    rep = run_import(coop, actor, "loans", path)
    assert rep.committed and rep.written == 1, rep.error_lines()
    [item] = collateral.register(coop)
    assert (item.kind, item.value) == ("bpkb", 7_500_000)


def test_cli_import_with_collateral(sqlite_db, actor, tmp_path, capsys):
    coop = _setup(sqlite_db, actor)
    url = str(coop.sqlite_path)
    assert main(["--db", url, "import", "loans", str(loans_file(tmp_path, [row()]))]) == 0
    assert len(collateral.register(coop)) == 1
    bad = loans_file(tmp_path, [row("A00002", **{"No. Anggota Penjamin": "A00002"})], "b.xlsx")
    assert main(["--db", url, "--lang", "en", "import", "loans", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Row 2, column 'No. Anggota Penjamin'" in err and "Traceback" not in err
    assert len(collateral.register(coop)) == 1

"""Imports from Excel: every bad input of issue 6 with real files, nothing half-imported."""

from __future__ import annotations

import datetime as dt
import time
import zipfile

import pytest
from files import add_formatted_empty_rows, encrypt, set_cached_value, write_xlsx
from helpers import member_input, nik
from openpyxl import load_workbook
from sqlalchemy import func, select

from koperasi.cli import main
from koperasi.db.models import AuditEntry, JournalEntry, Member, SavingsTransaction
from koperasi.exchange import preview_import, run_import, write_error_report, write_template
from koperasi.services import members, savings_arrears, savings_statements
from koperasi.services.check import run_checks
from koperasi.services.groups import GroupInput, create_group
from koperasi.services.uow import read_only

MEMBER_HEADERS = ["Nama", "NIK", "Jenis Kelamin", "Tanggal Masuk", "Tanggal Lahir", "Nomor HP"]


def counts(db) -> tuple[int, int, int, int]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return (
            s.scalar(select(func.count()).select_from(Member)),
            s.scalar(select(func.count()).select_from(JournalEntry)),
            s.scalar(select(func.count()).select_from(SavingsTransaction)),
            s.scalar(select(func.count()).select_from(AuditEntry)),
        )


def member_rows(n: int, start: int = 1) -> list[list]:
    return [
        [f"Anggota {i}", nik(i), "P", dt.date(2025, 1, 6), "15/05/1985", "081234567890"]
        for i in range(start, start + n)
    ]


def codes(rep) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.error.code for e in rep.errors] + [e.code for e in rep.file_errors]


# ---------------------------------------------------------------- happy paths


def test_template_round_trip_members(db, actor, tmp_path):
    path = write_template("members", tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Anggota", "Petunjuk"]
    rep = run_import(db, actor, "members", path)
    assert rep.ok and rep.committed and rep.written == 1, rep.error_lines()
    m = members.get_member(db, "A00001")
    assert m.nik == "6471045505850001" and m.categories == ("pkk",)


def test_headers_tolerant_english_case_spaces(sqlite_db, actor, tmp_path):
    headers = ["  full NAME ", "national id", "GENDER", "join_date", "Birth-Date", "phone"]
    rows = [["Budi Santoso", nik(5, female=False), "Laki-laki", "2025-02-01", "1980-03-04", ""]]
    rep = run_import(sqlite_db, actor, "members", write_xlsx(tmp_path / "m.xlsx", headers, rows))
    assert rep.ok, rep.error_lines("en")
    m = members.list_members(sqlite_db)[0]
    assert (m.name, m.gender, m.join_date) == ("Budi Santoso", "L", dt.date(2025, 2, 1))


def test_dates_as_text_dd_mm_yyyy_and_iso_and_real_dates(sqlite_db, actor, tmp_path):
    rows = [
        ["A", nik(1), "P", "06/01/2025", None, None],
        ["B", nik(2), "P", "2025-01-07", None, None],
        ["C", nik(3), "P", dt.datetime(2025, 1, 8), None, None],
    ]
    rep = run_import(
        sqlite_db, actor, "members", write_xlsx(tmp_path / "d.xlsx", MEMBER_HEADERS, rows)
    )
    assert rep.ok, rep.error_lines()
    joins = sorted(r.join_date for r in members.list_members(sqlite_db))
    assert joins == [dt.date(2025, 1, 6), dt.date(2025, 1, 7), dt.date(2025, 1, 8)]


# ---------------------------------------------------------------- bad files


def test_wrong_file_type(sqlite_db, actor, tmp_path):
    csv = tmp_path / "anggota.xlsx"
    csv.write_text("Nama;NIK\nSiti;6471045505850001\n")
    rep = run_import(sqlite_db, actor, "members", csv)
    assert codes(rep) == ["file_wrong_type"] and not rep.committed
    assert "bukan buku kerja Excel" in rep.error_lines("id")[0]
    assert "not an Excel workbook" in rep.error_lines("en")[0]
    zipped = tmp_path / "other.xlsx"
    with zipfile.ZipFile(zipped, "w") as z:
        z.writestr("hello.txt", "not a workbook")
    assert codes(run_import(sqlite_db, actor, "members", zipped)) == ["file_wrong_type"]


def test_password_protected_workbook(sqlite_db, actor, tmp_path):
    pytest.importorskip("msoffcrypto")
    plain = write_xlsx(tmp_path / "p.xlsx", MEMBER_HEADERS, member_rows(2))
    rep = run_import(sqlite_db, actor, "members", encrypt(plain, tmp_path / "secret.xlsx"))
    assert codes(rep) == ["file_encrypted"]
    assert "kata sandi" in rep.error_lines("id")[0]
    assert counts(sqlite_db)[0] == 0


def test_old_xls_and_corrupt_workbook(sqlite_db, actor, tmp_path):
    ole = tmp_path / "lama.xls"
    ole.write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 2000)
    assert codes(run_import(sqlite_db, actor, "members", ole)) == ["file_old_xls"]
    good = write_xlsx(tmp_path / "g.xlsx", MEMBER_HEADERS, member_rows(3))
    cut = tmp_path / "cut.xlsx"
    cut.write_bytes(good.read_bytes()[:1500])
    rep = run_import(sqlite_db, actor, "members", cut)
    assert codes(rep) == ["file_corrupt"]
    # a zip whose sheet XML is damaged
    broken = tmp_path / "broken.xlsx"
    with zipfile.ZipFile(good) as zin, zipfile.ZipFile(broken, "w") as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename.startswith("xl/worksheets/"):
                data = data[: len(data) // 2]
            zout.writestr(item, data)
    rep = run_import(sqlite_db, actor, "members", broken)
    assert rep.has_errors and not rep.committed
    assert counts(sqlite_db)[0] == 0


def test_missing_file(sqlite_db, actor, tmp_path):
    assert codes(run_import(sqlite_db, actor, "members", tmp_path / "nope.xlsx")) == [
        "file_missing"
    ]


def test_missing_column_names_it(sqlite_db, actor, tmp_path):
    path = write_xlsx(tmp_path / "m.xlsx", ["Nama", "Jenis Kelamin"], [["Siti", "P"]])
    rep = run_import(sqlite_db, actor, "members", path)
    assert codes(rep) == ["column_missing"]
    assert "NIK" in rep.error_lines("id")[0] and "Tanggal Masuk" in rep.error_lines("id")[0]
    assert "Join date" in rep.error_lines("en")[0]


def test_missing_sheet_in_audit_workbook(sqlite_db, actor, tmp_path, small_demo_audit_path):
    path = tmp_path / "a.xlsx"
    wb = load_workbook(small_demo_audit_path)
    del wb["Jurnal"]
    wb.save(path)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    assert "sheet_missing" in codes(rep)
    assert "Jurnal" in " ".join(rep.error_lines())


# ---------------------------------------------------------------- bad cells


def test_text_in_number_column_gives_row_and_column(sqlite_db, actor, tmp_path):
    members.register_member(sqlite_db, actor, member_input(n=1))
    path = write_xlsx(
        tmp_path / "s.xlsx",
        ["Nomor Anggota", "Produk Simpanan", "Tanggal", "Jenis Transaksi", "Jumlah"],
        [
            ["A00001", "SUKARELA", "10/01/2026", "setor", "Rp 50.000"],
            ["A00001", "SUKARELA", "11/01/2026", "setor", "lima puluh ribu"],
        ],
    )
    before = counts(sqlite_db)
    rep = run_import(sqlite_db, actor, "savings-transactions", path)
    assert not rep.committed and counts(sqlite_db) == before
    [err] = rep.errors
    assert (err.row, err.column, err.error.code) == (3, "Jumlah", "not_an_amount")
    assert err.message("id").startswith("Baris 3, kolom 'Jumlah': Jumlah bukan jumlah rupiah")
    assert err.message("en").startswith("Row 3, column 'Jumlah': Amount is not a valid")


def test_bad_date_text(sqlite_db, actor, tmp_path):
    rows = [["A", nik(1), "P", "31/02/2025", None, None], ["B", nik(2), "P", "kemarin", None, None]]
    rep = run_import(
        sqlite_db, actor, "members", write_xlsx(tmp_path / "d.xlsx", MEMBER_HEADERS, rows)
    )
    assert [(e.row, e.column, e.error.code) for e in rep.errors] == [
        (2, "Tanggal Masuk", "not_a_date"),
        (3, "Tanggal Masuk", "not_a_date"),
    ]


def test_nik_typed_as_number_is_refused(sqlite_db, actor, tmp_path):
    rows = [["A", 6471045505850001, "P", "06/01/2025", None, None]]
    rep = run_import(
        sqlite_db, actor, "members", write_xlsx(tmp_path / "n.xlsx", MEMBER_HEADERS, rows)
    )
    assert codes(rep) == ["nik_as_number"] and "Teks" in rep.error_lines()[0]


def test_formulas_without_cached_values_are_reported_and_cached_values_used(
    sqlite_db, actor, tmp_path
):
    members.register_member(sqlite_db, actor, member_input(n=1))
    headers = ["Nomor Anggota", "Produk Simpanan", "Tanggal", "Jenis Transaksi", "Jumlah"]
    rows = [
        ["A00001", "SUKARELA", "10/01/2026", "setor", "=1000*50"],
        ["A00001", "SUKARELA", "11/01/2026", "setor", "=1000*20"],
    ]
    path = write_xlsx(tmp_path / "f.xlsx", headers, rows)
    rep = run_import(sqlite_db, actor, "savings-transactions", path)
    assert [(e.row, e.column, e.error.code) for e in rep.errors] == [
        (2, "Jumlah", "formula_no_value"),
        (3, "Jumlah", "formula_no_value"),
    ]
    assert "=1000*50" in rep.errors[0].message()
    # once Excel has saved the values, the same file imports
    set_cached_value(path, "Data", "E2", "50000")
    set_cached_value(path, "Data", "E3", "20000")
    rep = run_import(sqlite_db, actor, "savings-transactions", path)
    assert rep.ok, rep.error_lines()
    assert savings_statements.member_balances(sqlite_db, "A00001")[2].balance == 70_000


def test_fifty_thousand_formatted_empty_rows_at_the_end(sqlite_db, actor, tmp_path):
    path = write_xlsx(tmp_path / "big.xlsx", MEMBER_HEADERS, member_rows(3))
    add_formatted_empty_rows(path, "Data", 50_000)
    start = time.perf_counter()
    rep = run_import(sqlite_db, actor, "members", path)
    elapsed = time.perf_counter() - start
    assert rep.ok and rep.total_rows == 3 and rep.written == 3, rep.error_lines()
    assert elapsed < 15, f"trailing empty rows took {elapsed:.1f}s"


def test_duplicate_nik_in_file_and_against_database(sqlite_db, actor, tmp_path):
    members.register_member(sqlite_db, actor, member_input(n=9))
    rows = member_rows(2) + [["Kembar", nik(1), "P", "06/01/2025", None, None]]
    rows.append(["Lama", nik(9), "P", "06/01/2025", None, None])
    before = counts(sqlite_db)
    rep = run_import(
        sqlite_db, actor, "members", write_xlsx(tmp_path / "dup.xlsx", MEMBER_HEADERS, rows)
    )
    got = [(e.row, e.column, e.error.code) for e in rep.errors]
    assert got == [(4, "NIK", "duplicate_in_file"), (5, "NIK", "duplicate")]
    assert "baris 2" in rep.errors[0].message("id")
    assert counts(sqlite_db) == before  # nothing written: not even the two good rows


def test_unknown_member_number(db, actor, tmp_path):
    members.register_member(db, actor, member_input(n=1))
    path = write_xlsx(
        tmp_path / "u.xlsx",
        ["Nomor Anggota", "Produk", "Tanggal", "Jenis", "Jumlah"],
        [
            ["A00001", "WAJIB", "2026-01-10", "setor", 50000],
            ["A09999", "WAJIB", "2026-01-10", "setor", 50000],
        ],
    )
    before = counts(db)
    rep = run_import(db, actor, "savings-transactions", path)
    assert [(e.row, e.column, e.error.code) for e in rep.errors] == [
        (3, "Nomor Anggota", "unknown_ref")
    ]
    assert "A09999" in rep.errors[0].message() and "tidak ditemukan" in rep.errors[0].message()
    assert counts(db) == before


def test_business_rule_failure_rolls_back_everything_or_valid_only(db, actor, tmp_path):
    members.register_member(db, actor, member_input(n=1))
    headers = ["Nomor Anggota", "Produk", "Tanggal", "Jenis", "Jumlah"]
    rows = [
        ["A00001", "SUKARELA", "2026-01-10", "setor", 100_000],
        ["A00001", "SUKARELA", "2026-01-11", "tarik", 500_000],  # more than the balance
        ["A00001", "SUKARELA", "2026-01-12", "setor", 20_000],
    ]
    path = write_xlsx(tmp_path / "b.xlsx", headers, rows)
    before = counts(db)
    preview = preview_import(db, "savings-transactions", path)
    assert [(e.row, e.error.code) for e in preview.errors] == [(3, "insufficient_balance")]
    assert counts(db) == before
    rep = run_import(db, actor, "savings-transactions", path)
    assert not rep.committed and counts(db) == before
    rep = run_import(db, actor, "savings-transactions", path, valid_only=True)
    assert rep.committed and rep.written == 2
    assert savings_statements.member_balances(db, "A00001")[2].balance == 120_000
    assert run_checks(db).ok


def test_error_report_workbook(sqlite_db, actor, tmp_path):
    rows = member_rows(2) + [["", "123", "X", "kemarin", None, None]]
    path = write_xlsx(tmp_path / "e.xlsx", MEMBER_HEADERS, rows)
    rep = run_import(sqlite_db, actor, "members", path)
    out = write_error_report(rep, tmp_path / "errors.xlsx", "id")
    ws = load_workbook(out).active
    data = list(ws.values)
    assert data[0][:3] == ("baris", "kesalahan", "Nama")
    assert len(data) == 2 and data[1][0] == 4
    text = data[1][1]
    assert "Nama: Nama wajib diisi" in text and "NIK:" in text and "Tanggal Masuk:" in text


# ---------------------------------------------------------------- opening balances


def test_opening_balances_post_against_clearing(sqlite_db, actor, tmp_path):
    create_group(sqlite_db, actor, GroupInput("MWR", "Mawar"))
    for i in (1, 2):
        members.register_member(
            sqlite_db, actor, member_input(n=i, join=dt.date(2020, 1, 1), group_code="MWR")
        )
    headers = ["Nomor Anggota", "Produk Simpanan", "Kode Akun", "Saldo", "Per Tanggal"]
    rows = [
        ["A00001", "POKOK", None, 300_000, "31/12/2025"],
        ["A00001", "wajib", None, 1_200_000, "31/12/2025"],
        ["A00002", "Simpanan Sukarela", None, "Rp 2.500.000", "31/12/2025"],
        [None, None, "1.01", 4_000_000, "31/12/2025"],
    ]
    rep = run_import(
        sqlite_db, actor, "opening-balances", write_xlsx(tmp_path / "o.xlsx", headers, rows)
    )
    assert rep.ok and rep.written == 4, rep.error_lines()
    assert [w.code for w in rep.warnings] == []  # 4.0 M cash = 4.0 M savings: clearing is 0
    bal = {
        b.product_code: b.balance for b in savings_statements.member_balances(sqlite_db, "A00001")
    }
    assert bal == {"POKOK": 300_000, "WAJIB": 1_200_000, "SUKARELA": 0}
    # an opening wajib balance counts as paid months in the arrears calculation
    assert (
        savings_arrears.wajib_arrears(sqlite_db, "A00001", dt.date(2025, 12, 31)).paid == 1_200_000
    )
    assert run_checks(sqlite_db).ok
    # a second run is refused: the accounts are no longer empty
    rep = run_import(
        sqlite_db, actor, "opening-balances", write_xlsx(tmp_path / "o2.xlsx", headers, rows[:1])
    )
    assert codes(rep) == ["opening_exists"]


def test_opening_balances_residual_warning_and_control_account_refused(sqlite_db, actor, tmp_path):
    members.register_member(sqlite_db, actor, member_input(n=1, join=dt.date(2020, 1, 1)))
    headers = ["Nomor Anggota", "Produk", "Kode Akun", "Saldo", "Tanggal"]
    rep = run_import(
        sqlite_db,
        actor,
        "opening-balances",
        write_xlsx(
            tmp_path / "o.xlsx", headers, [["A00001", "WAJIB", None, 600_000, "2025-12-31"]]
        ),
    )
    assert rep.committed and [w.code for w in rep.warnings] == ["clearing_residual"]
    assert "3.99" in rep.summary("id")
    rep = run_import(
        sqlite_db,
        actor,
        "opening-balances",
        write_xlsx(tmp_path / "c.xlsx", headers, [[None, None, "1.20", 600_000, "2025-12-31"]]),
    )
    assert codes(rep) == ["not_postable"]


# ---------------------------------------------------------------- CLI


def test_cli_import_exit_codes_and_messages(sqlite_db, tmp_path, capsys):
    url = str(sqlite_db.sqlite_path)
    sqlite_db.dispose()
    tpl = tmp_path / "t.xlsx"
    assert main(["--db", url, "import", "template", "members", "-o", str(tpl)]) == 0
    assert main(["--db", url, "import", "members", str(tpl), "--dry-run"]) == 0
    assert "uji coba" in capsys.readouterr().out
    assert main(["--db", url, "import", "members", str(tpl)]) == 0
    report = tmp_path / "r.xlsx"
    code = main(
        ["--db", url, "--lang", "en", "import", "members", str(tpl), "--report", str(report)]
    )
    out = capsys.readouterr()
    assert code == 2 and "already in use" in out.err and report.exists()
    bad = tmp_path / "x.xlsx"
    bad.write_text("hello")
    assert main(["--db", url, "import", "members", str(bad)]) == 2
    assert "Traceback" not in capsys.readouterr().err

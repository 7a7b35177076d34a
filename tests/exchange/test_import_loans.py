"""Import of running loans (issue 6): a good file brings active loans whose principal
outstanding is amount - repaid with balanced books and cash untouched; every bad input gives
a row-and-column message and writes nothing."""

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
    Account,
    AuditEntry,
    JournalEntry,
    JournalLine,
    Loan,
    LoanInstallment,
    LoanTransaction,
)
from koperasi.errors import ValidationError
from koperasi.exchange import preview_import, run_import, write_error_report, write_template
from koperasi.services import member_exit, members
from koperasi.services.check import run_checks
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import collateral
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import reversals as loan_reversals
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

HEADERS = [
    "Nomor Anggota",
    "Produk Pinjaman",
    "Plafon",
    "Jangka Waktu",
    "Tanggal Pencairan",
    "Jatuh Tempo Pertama",
    "Tujuan Pinjaman",
    "Pokok Sudah Dibayar",
    "Bunga Sudah Dibayar",
    "Per Tanggal",
    "Nilai Agunan",
    "Jenis Jaminan",
    "Uraian Jaminan",
]
COL = {h: i for i, h in enumerate(HEADERS)}
AS_OF = dt.date(2025, 12, 31)


def row(member="A00001", **kw) -> list:  # type: ignore[no-untyped-def]
    """A good row: UMUM 6,000,000 over 12 months from 15/03/2025, 6 months repaid
    (flat 1.5 %: 500,000 principal + 90,000 interest a month)."""
    values = {
        "Nomor Anggota": member,
        "Produk Pinjaman": "UMUM",
        "Plafon": 6_000_000,
        "Jangka Waktu": 12,
        "Tanggal Pencairan": "15/03/2025",
        "Jatuh Tempo Pertama": None,
        "Tujuan Pinjaman": "Modal usaha warung",
        "Pokok Sudah Dibayar": 3_000_000,
        "Bunga Sudah Dibayar": 540_000,
        "Per Tanggal": "31/12/2025",
        "Nilai Agunan": None,
        "Jenis Jaminan": None,
        "Uraian Jaminan": None,
    }
    values.update(kw)
    return [values[h] for h in HEADERS]


def loans_file(tmp_path, rows, name="pinjaman.xlsx", headers=HEADERS):  # type: ignore[no-untyped-def]
    return write_xlsx(tmp_path / name, headers, rows, title="Pinjaman")


@pytest.fixture
def coop(sqlite_db, actor):
    db = sqlite_db
    for n in range(1, 5):
        members.register_member(db, actor, member_input(n=n, join=dt.date(2020, 1, 6)))
    members.register_member(db, actor, member_input(n=5, join=dt.date(2025, 6, 1)))  # A00005
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
            fee_kind="percent",
            fee_percent=Decimal(1),
        ),
    )
    add_product(
        db,
        actor,
        ProductInput(
            code="USAHA", name="Pinjaman Usaha", method="annuity", rate=Decimal(18), rate_per="year"
        ),
    )
    return db


def state(db) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Loan, LoanInstallment, LoanTransaction, JournalEntry, AuditEntry)
        )


def balance(db, code: str) -> int:  # type: ignore[no-untyped-def]
    """Debit minus credit on an account."""
    with read_only(db) as s:
        return int(
            s.scalar(
                select(
                    func.coalesce(func.sum(JournalLine.debit), 0)
                    - func.coalesce(func.sum(JournalLine.credit), 0)
                )
                .join(Account, Account.id == JournalLine.account_id)
                .where(Account.code == code)
            )
        )


def trial_balance_nets_to_zero(db) -> bool:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        d, c = s.execute(select(func.sum(JournalLine.debit), func.sum(JournalLine.credit))).one()
    return int(d) == int(c)


# ---------------------------------------------------------------- good files


def test_good_file_imports_active_loans_with_balanced_books(coop, actor, tmp_path):
    rows = [
        row(),
        # English-style ISO dates, nothing repaid yet, a first due date and collateral
        row(
            "A00002",
            **{
                "Produk Pinjaman": "usaha",
                "Plafon": "Rp 2.400.000",
                "Tanggal Pencairan": "2025-11-20",
                "Jatuh Tempo Pertama": dt.date(2026, 1, 5),
                "Pokok Sudah Dibayar": None,
                "Bunga Sudah Dibayar": None,
                # collateral goes into the register (issue 17): kind and description too
                "Nilai Agunan": 3_000_000,
                "Jenis Jaminan": "emas",
                "Uraian Jaminan": "Gelang emas 5 gram",
            },
        ),
        row("A00003", **{"Tanggal Pencairan": dt.datetime(2025, 2, 1)}),
    ]
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, rows))
    assert rep.ok and rep.committed and rep.written == 3, rep.error_lines()
    views = {v.member_number: v for v in loan_views.list_loans(coop)}
    assert {v.status for v in views.values()} == {"aktif"}
    assert views["A00001"].principal_outstanding == 6_000_000 - 3_000_000
    assert views["A00002"].principal_outstanding == 2_400_000
    assert views["A00003"].principal_outstanding == 3_000_000
    first = loan_views.get_loan(coop, views["A00001"].number)
    assert len(first.schedule) == 12 and first.fee == 0  # no fee on an opening loan
    assert first.row.disbursed_on == dt.date(2025, 3, 15)
    # the six oldest installments are paid, principal and interest
    paid = [(i.paid_principal, i.paid_interest) for i in first.schedule]
    assert paid[:6] == [(500_000, 90_000)] * 6 and paid[6:] == [(0, 0)] * 6
    second = loan_views.get_loan(coop, views["A00002"].number)
    assert second.schedule[0].due_date == dt.date(2026, 1, 5) and second.collateral == 3_000_000
    [held] = collateral.for_loan(coop, views["A00002"].number)
    assert (held.kind, held.description, held.value) == ("emas", "Gelang emas 5 gram", 3_000_000)
    # the books: balanced, checks pass, 1.20 = the subledger, cash and income untouched
    assert run_checks(coop).ok, run_checks(coop).problems
    assert trial_balance_nets_to_zero(coop)
    assert balance(coop, "1.20") == 3_000_000 + 2_400_000 + 3_000_000
    assert balance(coop, "3.99") == -(3_000_000 + 2_400_000 + 3_000_000)
    assert balance(coop, "1.01") == 0
    assert balance(coop, "4.10") == 0 and balance(coop, "4.20") == 0
    with read_only(coop) as s:
        dates = set(s.scalars(select(JournalEntry.date).where(JournalEntry.source == "pinjaman")))
    assert dates == {AS_OF}  # everything on the cut-over date, like the opening balances
    # the clearing account does not net to zero yet: the report says so
    assert any(w.code == "clearing_residual" for w in rep.warnings)


def test_imported_loan_takes_the_next_repayment(coop, actor, tmp_path):
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, [row()]))
    assert rep.committed, rep.error_lines()
    number = loan_views.list_loans(coop)[0].number
    tx = loan_repayments.repay(coop, actor, number, 590_000, dt.date(2026, 1, 2))
    assert (tx.principal, tx.interest) == (500_000, 90_000)
    assert tx.principal_outstanding_after == 2_500_000
    assert balance(coop, "1.01") == 590_000 and balance(coop, "4.10") == -90_000
    assert run_checks(coop).ok


def test_opening_repayment_is_not_reversed_but_later_ones_are(coop, actor, tmp_path):
    """The repayment brought in from the old books carries interest that a second entry
    took back out of this year's income: reversing it alone would leave 4.10 with a
    debit, so it is refused with a message; a repayment taken since reverses as usual."""
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, [row()]))
    assert rep.committed, rep.error_lines()
    number = loan_views.list_loans(coop)[0].number
    opening = next(
        t for t in loan_views.get_loan(coop, number).transactions if t.kind == "angsuran"
    )
    assert opening.source == "saldo_awal" and opening.interest > 0
    with pytest.raises(ValidationError) as err:
        loan_reversals.reverse_repayment(
            coop, actor, number, opening.id, dt.date(2026, 1, 2), "salah"
        )
    assert err.value.code == "opening_not_reversible" and number in err.value.message("id")
    tx = loan_repayments.repay(coop, actor, number, 590_000, dt.date(2026, 1, 2))
    loan_reversals.reverse_repayment(coop, actor, number, tx.id, dt.date(2026, 1, 3), "salah ketik")
    assert balance(coop, "4.10") == 0 and balance(coop, "1.01") == 0
    assert loan_views.get_loan(coop, number).row.principal_outstanding == 3_000_000
    assert run_checks(coop).ok


def test_fully_repaid_row_is_closed(coop, actor, tmp_path):
    rep = run_import(
        coop,
        actor,
        "loans",
        loans_file(
            tmp_path,
            [row(**{"Pokok Sudah Dibayar": 6_000_000, "Bunga Sudah Dibayar": 1_080_000})],
        ),
    )
    assert rep.committed, rep.error_lines()
    v = loan_views.list_loans(coop)[0]
    assert (v.status, v.principal_outstanding) == ("lunas", 0)
    assert run_checks(coop).ok


def test_template_is_documented_and_imports(coop, actor, tmp_path):
    path = write_template("loans", tmp_path / "t.xlsx")
    wb = load_workbook(path)
    assert wb.sheetnames == ["Pinjaman", "Petunjuk"]
    headers = [c.value for c in wb["Pinjaman"][1]]
    assert headers[:3] == ["Nomor Anggota", "Produk Pinjaman", "Plafon"]
    assert "Pokok Sudah Dibayar" in headers and "Per Tanggal" in headers
    guide = {r[0]: r for r in wb["Petunjuk"].iter_rows(min_row=2, values_only=True)}
    assert "bukan sisa pokok" in guide["Pokok Sudah Dibayar"][2]
    en = load_workbook(write_template("loans", tmp_path / "en.xlsx", "en"))
    assert en.sheetnames == ["Loans", "Instructions"]
    # the example row is a real loan: it imports as it is
    rep = run_import(coop, actor, "loans", path)
    assert rep.committed and rep.written == 1, rep.error_lines()
    assert loan_views.list_loans(coop)[0].principal_outstanding == 5_000_000 - 2_500_000
    assert run_checks(coop).ok


def test_english_headers_any_case(coop, actor, tmp_path):
    headers = [
        " member NUMBER",
        "loan product",
        "Amount",
        "term",
        "Disbursement date",
        "purpose",
        "principal repaid",
        "As of",
    ]
    rows = [["A00001", "UMUM", 1_200_000, 6, "2025-10-01", "Sewing machine", 200_000, AS_OF]]
    rep = run_import(coop, actor, "loans", write_xlsx(tmp_path / "en.xlsx", headers, rows))
    assert rep.committed, rep.error_lines("en")
    assert loan_views.list_loans(coop)[0].principal_outstanding == 1_000_000


# ---------------------------------------------------------------- bad input


BAD = [
    ("unknown-member", {"Nomor Anggota": "A99999"}, "Nomor Anggota", "unknown_ref"),
    ("exited-member", {"Nomor Anggota": "A00004"}, "Nomor Anggota", "member_not_active"),
    ("unknown-product", {"Produk Pinjaman": "KREDIT"}, "Produk Pinjaman", "unknown_ref"),
    ("amount-text", {"Plafon": "enam juta"}, "Plafon", "not_an_amount"),
    ("amount-too-small", {"Plafon": 100_000, "Pokok Sudah Dibayar": 0}, "Plafon", "out_of_range"),
    ("amount-zero", {"Plafon": 0}, "Plafon", "must_be_positive"),
    ("term-too-long", {"Jangka Waktu": 36}, "Jangka Waktu", "out_of_range"),
    ("term-text", {"Jangka Waktu": "dua belas"}, "Jangka Waktu", "not_a_number"),
    ("date-invalid", {"Tanggal Pencairan": "31/02/2025"}, "Tanggal Pencairan", "not_a_date"),
    ("date-missing", {"Tanggal Pencairan": None}, "Tanggal Pencairan", "required"),
    ("before-join", {"Nomor Anggota": "A00005"}, "Tanggal Pencairan", "date_before"),
    (
        "first-due-early",
        {"Jatuh Tempo Pertama": "01/03/2025"},
        "Jatuh Tempo Pertama",
        "date_before",
    ),
    ("as-of-early", {"Per Tanggal": "01/01/2025"}, "Per Tanggal", "date_before"),
    ("purpose-missing", {"Tujuan Pinjaman": "  "}, "Tujuan Pinjaman", "required"),
    (
        "repaid-over-amount",
        {"Pokok Sudah Dibayar": 6_000_001},
        "Pokok Sudah Dibayar",
        "more_than",
    ),
    ("repaid-negative", {"Pokok Sudah Dibayar": -1}, "Pokok Sudah Dibayar", "must_not_be_negative"),
    (
        "interest-over-schedule",
        {"Bunga Sudah Dibayar": 1_080_001},
        "Bunga Sudah Dibayar",
        "more_than",
    ),
    ("formula", {"Plafon": "=2*3000000"}, "Plafon", "formula_no_value"),
]


@pytest.mark.parametrize(
    ("change", "column", "code"), [b[1:] for b in BAD], ids=[b[0] for b in BAD]
)
def test_bad_row_names_row_and_column_and_writes_nothing(
    coop, actor, tmp_path, change, column, code
):
    before = state(coop)
    path = loans_file(tmp_path, [row("A00002"), row(**change)])
    rep = run_import(coop, actor, "loans", path)
    assert not rep.committed and rep.written == 0
    assert [(e.row, e.column, e.error.code) for e in rep.errors] == [(3, column, code)], (
        rep.error_lines()
    )
    assert rep.errors[0].message().startswith(f"Baris 3, kolom '{column}': ")
    assert rep.errors[0].message("en").startswith(f"Row 3, column '{column}': ")
    assert state(coop) == before


def test_duplicates_inside_the_file(coop, actor, tmp_path):
    before = state(coop)
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, [row(), row("A00002"), row()]))
    assert [(e.row, e.column, e.error.code) for e in rep.errors] == [
        (4, "Nomor Anggota", "duplicate_in_file")
    ]
    assert "baris 2" in rep.errors[0].message()
    assert state(coop) == before


def test_second_open_loan_of_a_member_is_refused(coop, actor, tmp_path):
    before = state(coop)
    rows = [
        row(),
        row(
            **{
                "Produk Pinjaman": "USAHA",
                "Plafon": 1_000_000,
                "Pokok Sudah Dibayar": 0,
                "Bunga Sudah Dibayar": 0,
            }
        ),
    ]
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, rows))
    assert [(e.row, e.column, e.error.code) for e in rep.errors] == [
        (3, "Nomor Anggota", "has_open_loan")
    ], rep.error_lines()
    assert not rep.committed and state(coop) == before


def test_missing_column_is_a_file_error(coop, actor, tmp_path):
    headers = [h for h in HEADERS if h != "Per Tanggal"]
    rows = [[v for h, v in zip(HEADERS, row(), strict=True) if h != "Per Tanggal"]]
    before = state(coop)
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, rows, headers=headers))
    assert [e.code for e in rep.file_errors] == ["column_missing"]
    assert "Per Tanggal" in rep.file_errors[0].message()
    assert state(coop) == before


def test_error_report_workbook(coop, actor, tmp_path):
    rep = run_import(
        coop, actor, "loans", loans_file(tmp_path, [row(), row("A99999"), row("A00002")])
    )
    out = write_error_report(rep, tmp_path / "kesalahan.xlsx")
    rows = list(load_workbook(out).active.values)
    assert rows[0][:3] == ("baris", "kesalahan", "Nomor Anggota")
    assert [r[0] for r in rows[1:]] == [3] and "A99999" in rows[1][1]


# ---------------------------------------------------------------- dry run, valid rows only


def test_dry_run_and_preview_write_nothing(coop, actor, tmp_path):
    before = state(coop)
    path = loans_file(tmp_path, [row(), row("A00002")])
    rep = run_import(coop, actor, "loans", path, dry_run=True)
    assert rep.ok and not rep.committed and rep.written == 0
    assert "uji coba" in rep.summary()
    assert preview_import(coop, "loans", path).ok
    assert state(coop) == before


def test_valid_rows_only(coop, actor, tmp_path):
    rows = [
        row(),
        row("A99999"),
        row("A00002", **{"Jangka Waktu": 99}),
        row("A00003", **{"Pokok Sudah Dibayar": 1_000_000}),
    ]
    rep = run_import(coop, actor, "loans", loans_file(tmp_path, rows), valid_only=True)
    assert rep.committed and rep.written == 2
    assert sorted(rep.error_rows) == [3, 4]
    outstanding = {v.member_number: v.principal_outstanding for v in loan_views.list_loans(coop)}
    assert outstanding == {"A00001": 3_000_000, "A00003": 5_000_000}
    assert run_checks(coop).ok and trial_balance_nets_to_zero(coop)


# ---------------------------------------------------------------- CLI


def test_cli_import_loans(coop, tmp_path, capsys):
    url = str(coop.sqlite_path)
    tpl = tmp_path / "t.xlsx"
    assert main(["--db", url, "import", "template", "loans", "-o", str(tpl)]) == 0
    path = loans_file(tmp_path, [row()])
    assert main(["--db", url, "import", "loans", str(path), "--dry-run"]) == 0
    assert "uji coba" in capsys.readouterr().out
    assert loan_views.list_loans(coop) == []
    assert main(["--db", url, "import", "loans", str(path)]) == 0
    assert [v.principal_outstanding for v in loan_views.list_loans(coop)] == [3_000_000]
    bad = loans_file(tmp_path, [row("A00002", **{"Plafon": "x"})], name="bad.xlsx")
    assert main(["--db", url, "--lang", "en", "import", "loans", str(bad)]) == 2
    err = capsys.readouterr().err
    assert "Row 2, column 'Plafon'" in err and "Traceback" not in err


def test_imported_loans_survive_the_audit_workbook_round_trip(coop, actor, tmp_path):
    from koperasi.db.database import open_database
    from koperasi.exchange import export_auditor

    rep = run_import(coop, actor, "loans", loans_file(tmp_path, [row(), row("A00002")]))
    assert rep.committed, rep.error_lines()
    path = export_auditor(coop, tmp_path / "audit.xlsx").path
    target = open_database(tmp_path / "baru.db")
    try:
        back = run_import(target, actor, "audit-workbook", path)
        assert back.committed, back.error_lines()

        def loans_of(db):  # type: ignore[no-untyped-def]
            return sorted(
                (v.number, v.status, v.principal_outstanding) for v in loan_views.list_loans(db)
            )

        assert loans_of(target) == loans_of(coop)
        assert balance(target, "3.99") == balance(coop, "3.99") == -6_000_000
        assert run_checks(target).ok
    finally:
        target.dispose()

"""Mutated workbooks fed to every importer: the outcome is a successful import or a clean
validation report - never an unhandled exception, never a partial write."""

from __future__ import annotations

import datetime as dt
import io
import itertools
import os
import zipfile
from pathlib import Path

import pytest
from files import write_xlsx
from helpers import member_input
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from koperasi.db.database import open_database
from koperasi.db.models import AuditEntry, JournalEntry, Loan, Member, SavingsTransaction
from koperasi.exchange import ImportReport, export_auditor, run_import
from koperasi.services import members, savings
from koperasi.services.check import run_checks
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.uow import read_only

AS_OF = "31/12/2025"
EXAMPLES = int(os.environ.get("KOPERASI_FUZZ_EXAMPLES", "15"))  # bounded; raise to dig
_n = itertools.count()

BASE = {
    "members": (
        ["Nama", "NIK", "Jenis Kelamin", "Tanggal Masuk", "Tanggal Lahir", "Kategori Kerentanan"],
        [
            ["Rina", "6471046001900011", "P", "06/01/2025", "1990-01-20", "pkk"],
            ["Andi", "6471042001900012", "L", dt.date(2025, 1, 7), None, None],
        ],
    ),
    "savings-transactions": (
        ["Nomor Anggota", "Produk Simpanan", "Tanggal", "Jenis Transaksi", "Jumlah"],
        [
            ["A00001", "SUKARELA", "10/01/2026", "setor", 100_000],
            ["A00001", "SUKARELA", "11/01/2026", "tarik", 20_000],
            ["A00002", "WAJIB", "2026-01-12", "setor", "Rp 50.000"],
        ],
    ),
    "opening-balances": (
        ["Nomor Anggota", "Produk Simpanan", "Kode Akun", "Saldo", "Per Tanggal"],
        [
            ["A00001", "WAJIB", None, 600_000, "31/12/2025"],
            [None, None, "1.01", 600_000, "31/12/2025"],
        ],
    ),
    "loans": (
        [
            "Nomor Anggota",
            "Produk Pinjaman",
            "Plafon",
            "Jangka Waktu",
            "Tanggal Pencairan",
            "Tujuan Pinjaman",
            "Pokok Sudah Dibayar",
            "Bunga Sudah Dibayar",
            "Per Tanggal",
        ],
        [
            ["A00001", "UMUM", 6_000_000, 12, "15/03/2025", "Warung", 3_000_000, 540_000, AS_OF],
            ["A00002", "umum", "Rp 1.000.000", "6", "2025-11-01", "Jahit", None, None, AS_OF],
        ],
    ),
}

VALUES = st.one_of(
    st.none(),
    st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), max_size=20),
    st.integers(-(10**16), 10**16),
    st.floats(allow_nan=False, allow_infinity=False, width=64),
    st.dates(min_value=dt.date(1900, 3, 1), max_value=dt.date(2100, 1, 1)),
    st.booleans(),
    st.sampled_from(
        [
            "=1+1",
            "=A1*2",
            "#N/A",
            "31/02/2025",
            "2025-13-01",
            "Rp 1.000,50",
            "6471045505850001",
            "A00001",
            "A99999",
            "SUKARELA",
            "POKOK",
            "tarik",
            "setor",
            "1.20",
            "3.99",
            "UMUM",
            "12",
            "6000000",
            " ",
            "-5000",
        ]
    ),
)


@st.composite
def mutated_table(draw, kind: str):  # type: ignore[no-untyped-def]
    headers, rows = BASE[kind]
    headers = list(headers)
    rows = [list(r) for r in rows]
    for _ in range(draw(st.integers(0, 4))):
        op = draw(st.sampled_from(["cell", "cell", "cell", "header", "drop", "dup", "blank"]))
        if op == "cell" and rows:
            r = draw(st.integers(0, len(rows) - 1))
            c = draw(st.integers(0, len(headers) - 1))
            rows[r][c] = draw(VALUES)
        elif op == "header":
            c = draw(st.integers(0, len(headers) - 1))
            headers[c] = draw(st.sampled_from(["", "Nama", "nik", "JUMLAH", "x", "Tanggal"]))
        elif op == "drop" and len(headers) > 1:
            c = draw(st.integers(0, len(headers) - 1))
            headers.pop(c)
            for row in rows:
                row.pop(c)
        elif op == "dup" and rows:
            rows.append(list(rows[draw(st.integers(0, len(rows) - 1))]))
        elif op == "blank":
            rows.insert(draw(st.integers(0, len(rows))), [None] * len(headers))
    return headers, rows


def state(db) -> tuple[int, ...]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (Member, JournalEntry, SavingsTransaction, AuditEntry, Loan)
        )


def assert_clean(db, rep: ImportReport, before: tuple[int, ...]) -> None:  # type: ignore[no-untyped-def]
    assert isinstance(rep, ImportReport)
    rep.summary("id"), rep.summary("en"), rep.error_lines("en")  # messages render
    after = state(db)
    if rep.committed:
        assert not rep.file_errors
        assert rep.valid_only or not rep.error_rows
        assert after[3] > before[3]  # the import is in the audit trail
        assert run_checks(db).ok
    else:
        assert after == before, "a failed import wrote something"


@pytest.fixture
def fuzz_db(tmp_path, actor):
    db = open_database(tmp_path / "fuzz.db")
    members.register_member(db, actor, member_input(n=1, join=dt.date(2020, 1, 1)))
    members.register_member(db, actor, member_input(n=2, join=dt.date(2020, 1, 1)))
    savings.deposit(db, actor, "A00002", "SUKARELA", 50_000, dt.date(2025, 1, 10))
    add_product(db, actor, ProductInput(code="UMUM", name="Pinjaman Umum", max_amount=20_000_000))
    yield db
    db.dispose()


@pytest.mark.parametrize("kind", sorted(BASE))
def test_mutated_workbooks(kind, fuzz_db, actor, tmp_path):
    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(table=mutated_table(kind), valid_only=st.booleans())
    def run(table, valid_only):  # type: ignore[no-untyped-def]
        headers, rows = table
        path = write_xlsx(tmp_path / f"f{next(_n)}.xlsx", headers, rows)
        before = state(fuzz_db)
        rep = run_import(fuzz_db, actor, kind, path, valid_only=valid_only)
        assert_clean(fuzz_db, rep, before)

    run()


@pytest.mark.parametrize("kind", sorted(BASE))
def test_corrupted_bytes(kind, fuzz_db, actor, tmp_path):
    headers, rows = BASE[kind]
    original = write_xlsx(tmp_path / "base.xlsx", headers, rows).read_bytes()

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(
        flips=st.lists(
            st.tuples(st.integers(0, len(original) - 1), st.integers(1, 255)),
            min_size=1,
            max_size=8,
        )
    )
    def run(flips):  # type: ignore[no-untyped-def]
        data = bytearray(original)
        for pos, x in flips:
            data[pos] ^= x
        path = tmp_path / f"c{next(_n)}.xlsx"
        path.write_bytes(bytes(data))
        before = state(fuzz_db)
        rep = run_import(fuzz_db, actor, kind, path)
        assert_clean(fuzz_db, rep, before)

    run()


def _sheet_xml_mutation(src: Path, dst: Path, sheet_member: str, edit) -> None:  # type: ignore[no-untyped-def]
    with zipfile.ZipFile(src) as zin, zipfile.ZipFile(dst, "w", zipfile.ZIP_DEFLATED) as zout:
        for item in zin.infolist():
            data = zin.read(item.filename)
            if item.filename == sheet_member:
                data = edit(data)
            zout.writestr(item, data)


@pytest.fixture(scope="module")
def small_audit_workbook(tmp_path_factory):
    from koperasi.services.auth import SYSTEM

    d = tmp_path_factory.mktemp("aw")
    db = open_database(d / "src.db")
    members.register_member(db, SYSTEM, member_input(n=1, join=dt.date(2020, 1, 1)))
    savings.deposit(db, SYSTEM, "A00001", "SUKARELA", 50_000, dt.date(2025, 1, 10))
    path = export_auditor(db, d / "audit.xlsx").path
    db.dispose()
    return path


def test_mutated_audit_workbooks(small_audit_workbook, actor, tmp_path):
    from openpyxl import load_workbook

    sheets = load_workbook(small_audit_workbook, read_only=True).sheetnames

    @settings(
        max_examples=EXAMPLES,
        deadline=None,
        suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
        database=None,
    )
    @given(
        sheet=st.sampled_from(sheets),
        cell=st.tuples(st.integers(1, 4), st.integers(1, 12)),
        value=VALUES,
        also_info=st.booleans(),
    )
    def run(sheet, cell, value, also_info):  # type: ignore[no-untyped-def]
        n = next(_n)
        wb = load_workbook(small_audit_workbook)
        ws = wb[sheet]
        ws.cell(row=cell[0], column=cell[1]).value = value
        if also_info and sheet != "Info":
            # a careful forger also rewrites the hash: the other checks must still hold
            from koperasi.exchange.canonical import sheet_digest

            buf = io.BytesIO()
            wb.save(buf)
            tmp = load_workbook(io.BytesIO(buf.getvalue()), read_only=True)
            digest, _ = sheet_digest(tmp[sheet].iter_rows(values_only=True))
            info = wb["Info"]
            for row in info.iter_rows(min_row=2):
                if row[0].value == f"sha256:{sheet}":
                    row[1].value = digest
        path = tmp_path / f"a{n}.xlsx"
        wb.save(path)
        target = open_database(tmp_path / f"t{n}.db")
        try:
            before = state(target)
            rep = run_import(target, actor, "audit-workbook", path)
            assert_clean(target, rep, before)
        finally:
            target.dispose()

    run()


def test_unmutated_loans_table_imports(fuzz_db, actor, tmp_path):
    """The fuzzed loans table starts from a file that imports (so both outcomes are reached)."""
    headers, rows = BASE["loans"]
    before = state(fuzz_db)
    rep = run_import(fuzz_db, actor, "loans", write_xlsx(tmp_path / "ok.xlsx", headers, rows))
    assert rep.committed and rep.written == 2, rep.error_lines()
    assert_clean(fuzz_db, rep, before)

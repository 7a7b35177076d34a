"""The audit workbook: contents, hashes an auditor can recompute, and the round trip."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from koperasi.db.models import Base, JournalEntry, Member
from koperasi.exchange import export_auditor, run_import, write_template
from koperasi.exchange.sheets import SHEETS
from koperasi.exchange.spec import table
from koperasi.services import members, savings, trial_balances
from koperasi.services.check import run_checks
from koperasi.services.uow import read_only

NOW = dt.datetime(2026, 11, 1, 8, 0, 0)


def info_of(path: Path) -> dict[str, str]:
    wb = load_workbook(path, read_only=True)
    rows = [tuple(r) + (None, None) for r in wb["Info"].iter_rows(min_row=2, values_only=True)]
    wb.close()
    return {r[0]: r[1] for r in rows}


def recompute_sha256(ws) -> str:  # type: ignore[no-untyped-def]
    """The procedure of docs/audit-workbook.md, written out independently of the app."""
    h = hashlib.sha256()
    for row in ws.iter_rows(values_only=True):
        vals = []
        for v in row:
            if isinstance(v, dt.datetime):
                v = v.date().isoformat() if v.time() == dt.time(0) else v.isoformat()
            elif isinstance(v, dt.date):
                v = v.isoformat()
            elif isinstance(v, float) and v.is_integer():
                v = int(v)
            elif v == "":
                v = None
            vals.append(v)
        while vals and vals[-1] is None:
            vals.pop()
        if vals:
            h.update((json.dumps(vals, ensure_ascii=False, separators=(",", ":")) + "\n").encode())
    return h.hexdigest()


def add_loans(db, actor) -> None:  # type: ignore[no-untyped-def]
    """Two loans with repayments and a reversal, through the loans services."""
    loan_products = pytest.importorskip("koperasi.services.loan_products")
    applications = pytest.importorskip("koperasi.services.loans.applications")
    views = pytest.importorskip("koperasi.services.loans.views")
    repayments = pytest.importorskip("koperasi.services.loans.repayments")
    loan_products.add_product(
        db, actor, loan_products.ProductInput("UJIEXP", "Pinjaman Uji Ekspor", allow_multiple=True)
    )
    borrowers = {
        x.member_number for x in views.list_loans(db, limit=100_000) if x.status == "aktif"
    }
    active = [
        m
        for m in members.list_members(db, limit=200)
        if m.status == "aktif" and m.number not in borrowers and m.join_date < dt.date(2026, 1, 1)
    ][:2]
    assert len(active) == 2
    start = dt.date(2026, 3, 2)
    for n, m in enumerate(active):
        d = applications.apply(
            db,
            actor,
            applications.ApplyInput(m.number, "UJIEXP", 1_200_000, 6, start, "modal usaha"),
        )
        applications.approve(db, actor, d.number, start)
        applications.disburse(db, actor, d.number, start)
        for k in range(1, 3 + n):
            repayments.repay(db, actor, d.number, 218_000, start + dt.timedelta(days=30 * k))
    assert views.list_loans(db)


@pytest.fixture
def books(open_demo_db, actor):
    """The demo with its books open (the loans below are dated in March 2026)."""
    add_loans(open_demo_db, actor)
    return open_demo_db


def test_export_sheets_typed_and_hashes_recomputable(books, tmp_path):
    result = export_auditor(books, tmp_path / "a.xlsx", now=NOW)
    wb = load_workbook(result.path, read_only=True)
    assert wb.sheetnames == ["Info"] + [sh.title for sh in SHEETS]
    info = info_of(result.path)
    assert info["format"] == "koperasi-audit-workbook" and info["complete_books"] == "yes"
    assert info["generated_at"] == "2026-11-01T08:00:00"
    for sh in SHEETS:
        ws = wb[sh.title]
        header = next(ws.iter_rows(values_only=True, max_row=1))
        assert list(header) == sh.headers
        assert info[f"sha256:{sh.title}"] == recompute_sha256(ws), sh.title
        assert int(info[f"rows:{sh.title}"]) == result.rows[sh.title]
    assert result.rows["Pinjaman"] >= 2 and result.rows["Jadwal Angsuran"] >= 12
    assert result.rows["Pembayaran Pinjaman"] >= 7 and result.rows["Alokasi Pembayaran"] > 0
    # typed cells: money is int, dates are dates, no merged cells
    full = load_workbook(result.path)
    j = full["Jurnal"]
    assert isinstance(j["E2"].value, int) and isinstance(j["C2"].value, dt.datetime)
    assert j["E2"].number_format == "#,##0" and j["C2"].number_format == "dd/mm/yyyy"
    assert all(not ws.merged_cells.ranges for ws in full.worksheets)


def test_journal_balanced_and_trial_balance_matches_ledger(books, tmp_path):
    result = export_auditor(books, tmp_path / "a.xlsx")
    wb = load_workbook(result.path, read_only=True)
    per_entry: dict[int, int] = {}
    for row in wb["Jurnal"].iter_rows(min_row=2, values_only=True):
        per_entry[row[1]] = per_entry.get(row[1], 0) + row[4] - row[5]
    assert per_entry and not any(per_entry.values())
    tb = trial_balances.trial_balance(books, dt.date(2100, 1, 1))
    sheet = {r[0]: r for r in wb["Neraca Saldo"].iter_rows(min_row=2, values_only=True)}
    for r in tb.rows:
        assert (sheet[r.code][7], sheet[r.code][8]) == (r.debit, r.credit)
        assert sheet[r.code][9] == r.balance


def test_period_export_opening_plus_period_is_closing(books, tmp_path):
    a, b = dt.date(2026, 1, 1), dt.date(2026, 6, 30)
    result = export_auditor(books, tmp_path / "p.xlsx", a, b)
    assert not result.complete
    wb = load_workbook(result.path, read_only=True)
    dates = [r[2] for r in wb["Jurnal"].iter_rows(min_row=2, values_only=True)]
    assert dates and all(a <= d.date() <= b for d in dates)
    for r in wb["Neraca Saldo"].iter_rows(min_row=2, values_only=True):
        _code, _n, _t, od, oc, pd, pc, cd, cc, _bal = r
        assert od - oc + pd - pc == cd - cc
    closing = trial_balances.trial_balance(books, b)
    sheet = {r[0]: (r[7], r[8]) for r in wb["Neraca Saldo"].iter_rows(min_row=2, values_only=True)}
    assert all(sheet[r.code] == (r.debit, r.credit) for r in closing.rows)
    for r in wb["Rekening Simpanan"].iter_rows(min_row=2, values_only=True):
        assert r[11] == savings_balance_at(books, r[0], b)


def savings_balance_at(db, account_id: int, as_of: dt.date) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return savings.balance_at(s, account_id, as_of)


def test_every_column_documented():
    doc = (Path(__file__).parents[2] / "docs" / "audit-workbook.md").read_text()
    sections = doc.split("\n## ")
    for sh in SHEETS:
        [section] = [s for s in sections if s.startswith(f"Sheet `{sh.title}`")]
        for col in sh.headers:
            assert f"| `{col}` |" in section, f"{sh.title}.{col} is not documented"
    info = [s for s in sections if s.startswith("Sheet `Info`")][0]
    for key in ("format", "complete_books", "generated_at", "app_version", "sha256:"):
        assert f"`{key}" in info


def test_every_table_column_is_exported_or_derived():
    """A new column in a restored table must reach the workbook, or the round trip loses it."""
    derived = {
        ("members", "name_key"),
        ("savings_accounts", "balance"),
        ("journal_lines", "account_id"),
    }
    for sh in SHEETS:
        t = table(sh.table) if sh.table else None
        if t is None:
            continue
        srcs = {c.src for c in sh.columns if c.src}
        missing = {c.name for c in t.c} - srcs - {c for tb, c in derived if tb == sh.table}
        assert not missing, f"{sh.table}: {missing} not in sheet {sh.title}"
    assert "journal_entries" in Base.metadata.tables


# ---------------------------------------------------------------- round trip


def test_round_trip_restores_the_whole_books(books, db, actor, tmp_path):
    first = export_auditor(books, tmp_path / "a.xlsx", now=NOW)
    rep = run_import(db, actor, "audit-workbook", first.path)
    assert rep.committed and not rep.has_errors, rep.error_lines()
    second = export_auditor(db, tmp_path / "b.xlsx", now=NOW)
    for title, digest in first.digests.items():
        assert second.digests[title] == digest, f"sheet {title} differs after the round trip"
    assert run_checks(db).ok, run_checks(db).problems
    as_of = dt.date(2100, 1, 1)
    assert trial_balances.trial_balance(db, as_of) == trial_balances.trial_balance(books, as_of)
    # the restored books go on: new numbers continue after the restored ones
    with read_only(db) as s:
        receipts = set(s.scalars(select(JournalEntry.receipt_no)))
        last_member = s.scalar(select(func.max(Member.number)))
    m = members.list_members(db, status="aktif", limit=1)[0]
    tx = savings.deposit(db, actor, m.number, "SUKARELA", 25_000, dt.date(2026, 11, 2))
    assert tx.receipt_no not in receipts
    from helpers import member_input

    new = members.register_member(db, actor, member_input(n=999, join=dt.date(2026, 11, 2)))
    assert new.number > last_member
    assert run_checks(db).ok


def test_restore_refuses_tampered_workbook(books, sqlite_db, actor, tmp_path):
    path = export_auditor(books, tmp_path / "a.xlsx").path
    wb = load_workbook(path)
    wb["Jurnal"]["E2"] = wb["Jurnal"]["E2"].value + 1000
    wb.save(path)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    assert [e.code for e in rep.file_errors] == ["hash_mismatch"]
    assert "Jurnal" in rep.error_lines()[0]
    with read_only(sqlite_db) as s:
        assert s.scalar(select(func.count()).select_from(JournalEntry)) == 0


def test_restore_refuses_partial_export_and_non_empty_target(books, actor, tmp_path):
    partial = export_auditor(books, tmp_path / "p.xlsx", dt.date(2026, 1, 1)).path
    fresh_target = tmp_path / "t.db"
    from koperasi.db.database import open_database

    target = open_database(fresh_target)
    try:
        rep = run_import(target, actor, "audit-workbook", partial)
        assert [e.code for e in rep.file_errors] == ["workbook_partial"]
        full = export_auditor(books, tmp_path / "f.xlsx").path
        assert run_import(target, actor, "audit-workbook", full).committed
        rep = run_import(target, actor, "audit-workbook", full)
        assert [e.code for e in rep.file_errors] == ["target_not_empty"]
        template = write_template("members", tmp_path / "tpl.xlsx")
        rep = run_import(target, actor, "audit-workbook", template)
        assert [e.code for e in rep.file_errors] == ["workbook_not_audit"]
    finally:
        target.dispose()


def test_export_has_no_loan_rows_when_there_are_none(sqlite_db, tmp_path):
    result = export_auditor(sqlite_db, tmp_path / "e.xlsx")
    assert result.rows["Pinjaman"] == 0 and result.rows["Anggota"] == 0
    assert result.rows["Akun"] > 30 and result.complete


def test_cli_export(demo_db, tmp_path, capsys):
    from koperasi.cli import main

    url = str(demo_db.sqlite_path)
    demo_db.dispose()
    out = tmp_path / "audit.xlsx"
    assert main(["--db", url, "export", "auditor", "-o", str(out), "--to", "2026-06-30"]) == 0
    assert "Jurnal" in capsys.readouterr().out and out.exists()
    assert info_of(out)["period_to"] == "2026-06-30"
    assert main(["--db", url, "export", "auditor", "-o", str(tmp_path / "x.csv")]) == 2

"""The audit workbook written: contents, typed cells, hashes an auditor can recompute
(the round trip and the refusals: test_audit_workbook_restore.py)."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook

from koperasi.db.models import Base
from koperasi.exchange import export_auditor
from koperasi.exchange.sheets import SHEETS
from koperasi.exchange.spec import table
from koperasi.services import savings, trial_balances
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


@pytest.fixture
def books(loan_books):
    """The demo with its books open and two loans (dated in March 2026): a private copy of
    the books built once per run (tests/conftest.py ``loan_books_path``)."""
    return loan_books


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

"""The audit workbook read back (``import audit-workbook``): the round trip restores the whole
books on SQLite and PostgreSQL, a tampered or partial workbook and a non-empty target are
refused. The books and their complete workbook are made once per run (tests/conftest.py
``loan_books_path`` and ``loan_books_audit``); a test copies the workbook before changing it."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select

from koperasi.db.models import JournalEntry, Member
from koperasi.exchange import export_auditor, run_import, write_template
from koperasi.services import members, savings, trial_balances
from koperasi.services.check import run_checks
from koperasi.services.uow import read_only

NOW = dt.datetime(2026, 11, 1, 8, 0, 0)  # AUDIT_NOW of tests/conftest.py

# one of the longest files (four whole restores of the 40-member demo, on SQLite and
# PostgreSQL): marked slow, it is sent to a worker first under `make test` (tests/conftest.py)
pytestmark = pytest.mark.slow


@pytest.fixture
def books(loan_books):
    """The demo with its books open and two loans (dated in March 2026), a private copy."""
    return loan_books


def test_round_trip_restores_the_whole_books(books, loan_books_audit, db, actor, tmp_path):
    first = loan_books_audit  # export_auditor(books, now=NOW), made once per run
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


def test_restore_refuses_tampered_workbook(loan_books_audit, sqlite_db, actor, tmp_path):
    path = shutil.copy(loan_books_audit.path, tmp_path / "a.xlsx")
    wb = load_workbook(path)
    wb["Jurnal"]["E2"] = wb["Jurnal"]["E2"].value + 1000
    wb.save(path)
    rep = run_import(sqlite_db, actor, "audit-workbook", path)
    assert [e.code for e in rep.file_errors] == ["hash_mismatch"]
    assert "Jurnal" in rep.error_lines()[0]
    with read_only(sqlite_db) as s:
        assert s.scalar(select(func.count()).select_from(JournalEntry)) == 0


def test_restore_refuses_partial_export_and_non_empty_target(
    books, loan_books_audit, actor, tmp_path
):
    partial = export_auditor(books, tmp_path / "p.xlsx", dt.date(2026, 1, 1)).path
    fresh_target = tmp_path / "t.db"
    from koperasi.db.database import open_database

    target = open_database(fresh_target)
    try:
        rep = run_import(target, actor, "audit-workbook", partial)
        assert [e.code for e in rep.file_errors] == ["workbook_partial"]
        full = loan_books_audit.path  # export_auditor(books), made once per run
        assert run_import(target, actor, "audit-workbook", full).committed
        rep = run_import(target, actor, "audit-workbook", full)
        assert [e.code for e in rep.file_errors] == ["target_not_empty"]
        template = write_template("members", tmp_path / "tpl.xlsx")
        rep = run_import(target, actor, "audit-workbook", template)
        assert [e.code for e in rep.file_errors] == ["workbook_not_audit"]
    finally:
        target.dispose()

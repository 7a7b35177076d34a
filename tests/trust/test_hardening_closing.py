"""Issue 22: the backup the README promises before a year-end closing (SQLite), a clear
refusal when it cannot be written, and nothing to back up from the app on PostgreSQL."""

import datetime as dt
import sqlite3

import pytest
from helpers import member_input

from koperasi.cli import main
from koperasi.services import closing, members, savings, year_closing
from koperasi.services.year_closing import ClosingBackupFailed

TODAY = dt.date(2026, 2, 1)


def _book(db, actor):  # type: ignore[no-untyped-def]
    m = members.register_member(db, actor, member_input("Anggota Tutup", n=811))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, dt.date(2025, 1, 6))
    savings.deposit(db, actor, m.number, "SUKARELA", 125_000, dt.date(2025, 5, 6))
    return m


def _closed_months(path) -> int:  # type: ignore[no-untyped-def]
    con = sqlite3.connect(str(path))
    try:
        sql = "SELECT count(*) FROM fiscal_periods WHERE status = 'closed'"
        return con.execute(sql).fetchone()[0]
    finally:
        con.close()


def test_year_end_closing_backs_the_book_up_first(db, actor):
    _book(db, actor)
    result = year_closing.close_year(db, actor, 2025, today=TODAY)
    assert not result.already_closed
    if not db.is_sqlite:
        assert result.backup is None  # the server's pg_dump, not the app
        return
    path = db.sqlite_path.parent / "backup"
    made = sorted(path.glob("*sebelum-tutup-buku-2025*.db"))
    assert [str(p) for p in made] == [result.backup]
    # the copy is the book as it was before the closing: no month of 2025 closed yet
    assert _closed_months(made[0]) == 0
    assert _closed_months(db.sqlite_path) == 12
    # closing again (already closed) makes no second backup
    again = year_closing.close_year(db, actor, 2025, today=TODAY)
    assert again.already_closed and again.backup is None
    assert len(list(path.glob("*sebelum-tutup-buku-2025*.db"))) == 1


def test_closing_refused_when_its_backup_fails(sqlite_db, actor):
    db = sqlite_db
    _book(db, actor)
    blocker = db.sqlite_path.parent / "backup"
    blocker.write_text("not a folder")  # the backups folder cannot be made
    with pytest.raises(ClosingBackupFailed) as err:
        year_closing.close_year(db, actor, 2025, today=TODAY)
    msg_id, msg_en = err.value.message("id"), err.value.message("en")
    assert "tidak ditutup" in msg_id and str(blocker) in msg_id
    assert "was not closed" in msg_en and "backup" in msg_en
    assert 2025 not in closing.closed_years(db)
    assert _closed_months(db.sqlite_path) == 0  # nothing half-written
    blocker.unlink()
    assert year_closing.close_year(db, actor, 2025, today=TODAY).backup


def test_cli_close_year_names_the_backup(sqlite_db, actor, capsys):
    db = sqlite_db
    _book(db, actor)
    code = main(["--db", str(db.sqlite_path), "close-year", "2025"])
    out = capsys.readouterr()
    assert code == 0, out.err
    assert "sebelum-tutup-buku-2025" in out.out and "Cadangan" in out.out

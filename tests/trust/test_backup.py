"""Backups with the online backup API, rotation, and restore with its checks and summary."""

import datetime as dt
import io
import sqlite3

import pytest
from helpers import member_input

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.errors import PermissionDenied
from koperasi.services import (
    backup,
    check,
    members,
    savings,
    savings_statements,
    trial_balances,
)
from koperasi.services.auth import Actor, Role
from koperasi.services.backup import BackupError, Retention

D = dt.date(2025, 3, 10)


def balances(db):
    tb = trial_balances.trial_balance(db, dt.date(2030, 1, 1))
    return {r.code: (r.debit, r.credit) for r in tb.rows}, [
        (b.account_number, b.balance)
        for m in members.list_members(db, limit=1000)
        for b in savings_statements.member_balances(db, m.number)
    ]


@pytest.fixture
def books(sqlite_db, actor):
    for n in range(3):
        m = members.register_member(sqlite_db, actor, member_input(f"Anggota {n}", n + 1))
        savings.deposit(sqlite_db, actor, m.number, "SUKARELA", 100_000 * (n + 1), D)
    return sqlite_db


def test_restore_of_a_backup_gives_exactly_the_earlier_balances(books, actor, tmp_path):
    before = balances(books)
    path = backup.backup_now(books, actor, tmp_path / "usb")
    assert path.parent == tmp_path / "usb" and path.exists()
    # N operations after the backup
    numbers = [m.number for m in members.list_members(books)]
    for i, number in enumerate(numbers * 3):
        savings.deposit(books, actor, number, "SUKARELA", 7_000 + i, D)
    savings.withdraw(books, actor, numbers[0], "SUKARELA", 50_000, D)
    members.register_member(books, actor, member_input("Baru", 99))
    assert balances(books) != before

    seen = []
    result = backup.restore(books, actor, path, confirm=lambda s: seen.append(s) or True)
    assert balances(books) == before
    assert check.run_checks(books).ok
    summary = seen[0]
    assert summary.members == 3 and summary.total_savings == 600_000
    assert summary.trial_debit == summary.trial_credit > 0
    assert summary.taken_at is not None and summary.ok
    # the database as it was before the restore was backed up first, and holds the N operations
    safety = open_database(result.safety_backup)
    try:
        assert members.count_members(safety) == 4
    finally:
        safety.dispose()
    # the restore itself is in the audit trail
    from koperasi.services.audit import AuditFilter, list_audit

    assert [r.action for r in list_audit(books, AuditFilter(action="backup."))] == [
        "backup.restore"
    ]


def test_restore_not_confirmed_changes_nothing(books, actor, tmp_path):
    path = backup.backup_now(books, actor, tmp_path)
    savings.deposit(books, actor, members.list_members(books)[0].number, "SUKARELA", 5_000, D)
    after = balances(books)
    assert backup.restore(books, actor, path, confirm=lambda s: False) is None
    assert balances(books) == after
    assert not (books.sqlite_path.parent / "backup").exists()  # no safety copy either


def test_only_admin_restores(books, tmp_path, actor):
    path = backup.backup_now(books, actor, tmp_path)
    for role in (Role.BENDAHARA, Role.KETUA, Role.PENGAWAS):
        with pytest.raises(PermissionDenied):
            backup.restore(books, Actor("x", role), path)


def test_damaged_or_foreign_or_tampered_backup_refused(books, actor, tmp_path):
    good = backup.backup_now(books, actor, tmp_path)
    junk = tmp_path / "junk.db"
    junk.write_bytes(b"bukan basis data" * 100)
    with pytest.raises(BackupError) as err:
        backup.restore(books, actor, junk)
    assert err.value.code == "restore_bad_backup"
    foreign = tmp_path / "foreign.db"
    con = sqlite3.connect(foreign)
    con.execute("CREATE TABLE x (a)")
    con.commit()
    con.close()
    with pytest.raises(BackupError):
        backup.restore(books, actor, foreign)
    # a torn file (truncated half way) is refused by the integrity check
    torn = tmp_path / "torn.db"
    data = good.read_bytes()
    torn.write_bytes(data[: len(data) // 2])
    with pytest.raises(BackupError):
        backup.restore(books, actor, torn)
    # a backup whose books were altered fails `check` and is refused
    con = sqlite3.connect(good)
    con.execute("UPDATE journal_lines SET debit = debit + 1 WHERE id = 1")
    con.commit()
    con.close()
    assert not backup.inspect_backup(good).ok
    with pytest.raises(BackupError):
        backup.restore(books, actor, good)
    assert check.run_checks(books).ok


def test_backup_is_a_single_consistent_file_while_the_db_is_open(books, actor, tmp_path):
    # a reader holds the database open (WAL); the backup still sees committed data only
    path = backup.backup_to(books, tmp_path / "copy.db")
    assert not (tmp_path / "copy.db-wal").exists()
    con = sqlite3.connect(path)
    assert con.execute("PRAGMA journal_mode").fetchone()[0] == "delete"
    assert con.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
    con.close()
    assert backup.inspect_backup(path).members == 3


def test_automatic_backups_rotate(books, tmp_path):
    folder = tmp_path / "auto"
    p = backup.backup_on_close(books, folder, Retention(daily=2, weekly=1, monthly=1))
    assert p is not None and p.exists()
    # fake a history of automatic backups over 90 days
    stem = books.sqlite_path.stem
    start = dt.datetime(2026, 1, 1, 17, 0)
    for d in range(90):
        t = start + dt.timedelta(days=d)
        (folder / f"{stem}-otomatis-{t:%Y%m%d-%H%M%S}.db").write_bytes(b"x")
    (folder / f"{stem}-manual-20260101-120000.db").write_bytes(b"x")
    backup.rotate(folder, stem, Retention(daily=3, weekly=2, monthly=3))
    kept = sorted(p.name for p in folder.iterdir())
    autos = [n for n in kept if "-otomatis-" in n]
    assert f"{stem}-manual-20260101-120000.db" in kept  # labelled backups are never rotated
    assert p.name in autos  # today's backup is the newest
    assert len(autos) <= 3 + 2 + 3 and len(autos) >= 3


def test_retention_keeps_newest_per_day_week_month():
    stamps = [dt.datetime(2026, 3, 31, 18) - dt.timedelta(hours=12 * i) for i in range(120)]
    keep = backup.select_kept(stamps, Retention(daily=2, weekly=2, monthly=2))
    assert dt.datetime(2026, 3, 31, 18) in keep  # newest overall
    assert dt.datetime(2026, 3, 30, 18) in keep  # newest of the day before
    assert dt.datetime(2026, 2, 28, 18) in keep  # newest of February
    assert len({t.date() for t in keep}) == len(keep)  # at most one per day
    assert len(keep) <= 6


def test_before_risky_operation_keeps_labelled_copy(books):
    p = backup.before_risky_operation(books, "tutup-buku-2025")
    assert p is not None and "sebelum-tutup-buku-2025" in p.name and p.exists()


@pytest.mark.postgres
def test_postgres_backup_refused_with_pg_dump_hint(pg_url, actor, tmp_path):
    db = open_database(pg_url)
    try:
        with pytest.raises(BackupError) as err:
            backup.backup_now(db, actor, tmp_path)
        assert "pg_dump" in err.value.message("en")
        assert backup.backup_on_close(db) is None
        assert backup.before_risky_operation(db, "tutup-buku") is None
    finally:
        db.dispose()


def test_cli_backup_and_restore(books, capsys, tmp_path, monkeypatch):
    db = str(books.sqlite_path)
    out_file = tmp_path / "cadangan.db"
    assert main(["--db", db, "backup", "-o", str(out_file)]) == 0
    number = members.list_members(books)[0].number
    assert main(["--db", db, "savings", "deposit", number, "SUKARELA", "12345"]) == 0
    capsys.readouterr()
    monkeypatch.setattr("sys.stdin", io.StringIO(""))  # no terminal
    assert main(["--db", db, "restore", str(out_file)]) == 2
    _, err = capsys.readouterr()
    assert "--yes" in err and err.count("\n") == 1
    assert main(["--db", db, "--lang", "en", "restore", str(out_file), "--yes"]) == 0
    out, _ = capsys.readouterr()
    assert "Total savings" in out and "Rp600.000" in out
    assert savings_statements.member_balances(books, number)[-1].balance == 100_000

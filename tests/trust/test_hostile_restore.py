"""Issue 22, restore and backup: what the hostile test found and must stay fixed.

Killed 1.7-2 s into ``restore --yes``, the database was replaced and no restore record
existed in the audit trail; backup temp files and ``-journal`` files were left after a kill
or a full disk; the restore summary did not name the cooperative the file belongs to."""

from __future__ import annotations

import datetime as dt
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
from helpers import member_input

from koperasi.db.database import open_database
from koperasi.db.leftovers import clean_leftovers
from koperasi.services import backup, members, savings, settings
from koperasi.services.auth import SYSTEM

D = dt.date(2025, 3, 3)


def books(path: Path, name: str, legal: str, n: int) -> Path:
    db = open_database(path)
    settings.save_profile(db, SYSTEM, settings.Profile(name=name, legal_number=legal))
    for i in range(1, n + 1):
        m = members.register_member(db, SYSTEM, member_input(f"Anggota {i}", i))
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, D + dt.timedelta(days=i))
    db.dispose()
    return path


@pytest.fixture(scope="module")
def pair(tmp_path_factory):
    """The live books (3 members) and a backup of other books (40 members)."""
    root = tmp_path_factory.mktemp("pulih")
    live = books(root / "live.db", "Koperasi Lama", "1/BH/2001", 3)
    other = books(root / "lain.db", "Koperasi Mawar Sejahtera", "518/BH/XVI.4/2019", 40)
    db = open_database(other)
    file = backup.backup_to(db, root / "cadangan.db")
    db.dispose()
    return live, file


def state(path: Path) -> tuple[int, int]:
    con = sqlite3.connect(path)
    try:
        members_n = con.execute("SELECT count(*) FROM members").fetchone()[0]
        restores = con.execute(
            "SELECT count(*) FROM audit_log WHERE action = 'backup.restore'"
        ).fetchone()[0]
    finally:
        con.close()
    return members_n, restores


def fresh_copy(src: Path, dst: Path) -> Path:
    a, b = sqlite3.connect(src), sqlite3.connect(dst)
    a.backup(b)
    a.close()
    b.close()
    return dst


def test_summary_names_the_cooperative_its_legal_number_and_last_date(pair):
    _, file = pair
    summary = backup.inspect_backup(file)
    assert summary.cooperative == "Koperasi Mawar Sejahtera"
    assert summary.legal_number == "518/BH/XVI.4/2019"
    assert summary.last_date == D + dt.timedelta(days=40)
    text = "\n".join(summary.lines("id"))
    assert "Koperasi Mawar Sejahtera (badan hukum 518/BH/XVI.4/2019)" in text
    assert "12 April 2025" in text
    assert "518/BH/XVI.4/2019" in "\n".join(summary.lines("en"))


def test_restore_writes_its_record_with_the_new_books(pair, tmp_path):
    live, file = pair
    path = fresh_copy(live, tmp_path / "k.db")
    db = open_database(path)
    backup.restore(db, SYSTEM, file)
    db.dispose()
    assert state(path) == (40, 1)
    assert not list(tmp_path.glob(".koperasi-*")), "no work file left"


def _restore_process(db: Path, file: Path) -> subprocess.Popen:
    env = dict(os.environ, PYTHONPATH=os.pathsep.join(sys.path))
    return subprocess.Popen(
        [sys.executable, "-m", "koperasi", "--db", str(db), "restore", str(file), "--yes"],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        env=env,
    )


def test_kill_9_during_restore_at_ten_moments(pair, tmp_path):
    """Either the old books without a restore record, or the new ones with theirs."""
    live, file = pair
    old = state(live)
    timing = fresh_copy(live, tmp_path / "waktu.db")
    start = time.monotonic()
    assert _restore_process(timing, file).wait(timeout=120) == 0
    full = time.monotonic() - start
    assert state(timing) == (40, 1)
    seen = set()
    for i in range(10):
        path = fresh_copy(live, tmp_path / f"k{i}.db")
        proc = _restore_process(path, file)
        time.sleep(full * (0.25 + 0.75 * i / 10))
        proc.send_signal(signal.SIGKILL)
        proc.wait()
        after = state(path)  # opening it also rolls back a half-written transaction
        assert after in (old, (40, 1)), (i, after)
        seen.add(after)
        db = open_database(path)  # the next start: still a good database
        db.dispose()
    assert seen, "the kills happened"


def test_leftovers_of_a_killed_backup_are_removed_at_the_next_start(pair, tmp_path):
    live, _ = pair
    path = fresh_copy(live, tmp_path / "k.db")
    folder = tmp_path / "backup"
    folder.mkdir()
    stale = [
        folder / ".koperasi-abc123.tmp",
        folder / ".koperasi-abc123.tmp-journal",
        tmp_path / ".koperasi-def456.tmp",
        tmp_path / ".koperasi-def456.tmp-wal",
    ]
    for p in stale:
        p.write_bytes(b"x" * 1000)
        os.utime(p, (time.time() - 3600, time.time() - 3600))
    running = folder / ".koperasi-now.tmp"  # a backup being written right now elsewhere
    running.write_bytes(b"y")
    keep = folder / "k-manual-20250101-000000.db"
    keep.write_bytes(b"z")
    db = open_database(path)
    db.dispose()
    assert not any(p.exists() for p in stale)
    assert running.exists() and keep.exists()
    assert clean_leftovers(path) == []


def test_failed_backup_leaves_no_temp_or_journal(pair, tmp_path, monkeypatch):
    live, _ = pair
    db = open_database(fresh_copy(live, tmp_path / "k.db"))
    target = tmp_path / "usb" / "cadangan.db"

    real_fsync = os.fsync

    def full_disk(fd):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "fsync", full_disk)
    with pytest.raises(backup.BackupError) as e:
        backup.backup_file(db, SYSTEM, target)
    monkeypatch.setattr(os, "fsync", real_fsync)
    db.dispose()
    assert "No space left" in e.value.message("en")
    assert list((tmp_path / "usb").iterdir()) == []


def test_crash_while_writing_the_restore_record_leaves_the_old_books(pair, tmp_path, monkeypatch):
    """The moment the hostile test hit by chance (1.7-2 s in): the books swapped, the record
    not yet written. The record is now written into the staged copy before the swap."""
    live, file = pair
    path = fresh_copy(live, tmp_path / "k.db")
    old = state(path)
    from koperasi.services import audit

    real = audit.record

    def crash(session, actor, action, *args, **kw):  # type: ignore[no-untyped-def]
        if action == "backup.restore":
            raise SystemExit("killed")
        return real(session, actor, action, *args, **kw)

    monkeypatch.setattr(audit, "record", crash)
    db = open_database(path)
    with pytest.raises(SystemExit):
        backup.restore(db, SYSTEM, file)
    db.dispose()
    assert state(path) == old

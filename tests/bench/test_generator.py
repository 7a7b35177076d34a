"""Smoke test of the benchmark data generator at a tiny scale: the bulk-written books pass
``koperasi check`` and the app's own services work on them (the benchmark itself is
``make bench``, not part of the test suite)."""

from __future__ import annotations

import sqlite3
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import koperasi.services.wiring  # noqa: E402,F401  (loads the loan services in their order)
from bench.generate import AS_OF, generate  # noqa: E402
from koperasi.db.database import open_database  # noqa: E402
from koperasi.services.auth import SYSTEM  # noqa: E402
from koperasi.services.check import run_checks  # noqa: E402


@pytest.fixture(scope="module")
def small(tmp_path_factory) -> tuple[Path, object]:
    path = tmp_path_factory.mktemp("bench") / "small.db"
    stats = generate(path, scale=0.004, seed=3, quiet=True)
    return path, stats


def test_generated_books_pass_check(small):
    path, stats = small
    assert stats.members == 40 and stats.loans == 120
    assert stats.entries > 1000 and stats.lines >= 2 * stats.entries
    db = open_database(path)
    try:
        report = run_checks(db)
        assert report.ok, [p.message_en for p in report.problems[:5]]
        assert "loans_control" in report.checks_run
    finally:
        db.dispose()
    conn = sqlite3.connect(path)
    # every method and both frequencies are present; active loans have principal left
    methods = {r[0] for r in conn.execute("SELECT DISTINCT method || '/' || unit FROM loans")}
    assert {"flat/month", "annuity/month", "declining/month", "flat/week"} <= methods
    assert conn.execute(
        "SELECT count(*) FROM loans WHERE status = 'aktif' AND principal_outstanding <= 0"
    ).fetchone() == (0,)
    # ids grow with dates, as when the app posts
    assert conn.execute(
        "SELECT count(*) FROM journal_entries a JOIN journal_entries b ON b.id = a.id + 1 "
        "WHERE b.date < a.date"
    ).fetchone() == (0,)
    conn.close()


def test_app_services_work_on_generated_data(small, tmp_path):
    """A repayment and a month-end through the real services keep the books green: the
    generated schedules, allocations and cached balances agree with the app's own logic."""
    import shutil

    from koperasi.services.loans.core import loan_by_number, loan_dues
    from koperasi.services.loans.repayments import repay
    from koperasi.services.members import list_members
    from koperasi.services.month_end import month_end
    from koperasi.services.uow import read_only

    path = tmp_path / "copy.db"
    shutil.copy(small[0], path)
    db = open_database(path)
    try:
        assert list_members(db, search="A0000", limit=5)
        conn = sqlite3.connect(path)
        number = conn.execute(
            "SELECT number FROM loans WHERE status = 'aktif' AND unit = 'month' ORDER BY id DESC"
        ).fetchone()[0]
        conn.close()
        day = AS_OF  # the last day of generated data
        with read_only(db) as s:
            dues = loan_dues(s, loan_by_number(s, number), day)
        amount = next(d.principal + d.interest for d in dues if d.principal + d.interest)
        repay(db, SYSTEM, number, amount, day)
        result = month_end(db, SYSTEM, day)
        assert result.loans > 0
        report = run_checks(db)
        assert report.ok, [p.message_en for p in report.problems[:5]]
    finally:
        db.dispose()


def test_members_only_database(tmp_path):
    path = tmp_path / "members.db"
    stats = generate(path, members=300, quiet=True)
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT count(*), count(DISTINCT nik) FROM members").fetchone() == (
        300,
        300,
    )
    assert conn.execute("SELECT count(*) FROM journal_entries").fetchone() == (0,)
    assert conn.execute("SELECT count(*) FROM savings_accounts").fetchone()[0] == 900
    conn.close()
    assert stats.members == 300


def test_generated_books_are_sealed_in_verified_blocks(tmp_path, monkeypatch):
    """The generator closes the block seals as the app would while posting (issue 20): the
    books pass check with most of the journal taken on block digests."""
    from koperasi.db import blocks

    monkeypatch.setattr(blocks, "BLOCK_ROWS", 100)
    path = tmp_path / "blocks.db"
    generate(path, scale=0.004, seed=3, quiet=True)
    conn = sqlite3.connect(path)
    n, verified, last = conn.execute(
        "SELECT count(*), sum(verified), max(last_id) FROM seal_blocks WHERE kind = 'journal'"
    ).fetchone()
    entries = conn.execute("SELECT count(*) FROM journal_entries").fetchone()[0]
    conn.close()
    assert n >= 5 and verified == n and 100 <= entries - last < 200
    db = open_database(path)
    try:
        assert run_checks(db).ok
    finally:
        db.dispose()


def test_a_worker_reports_its_own_peak_memory_not_its_parent_s():
    """Issue 20 item 7: a scenario's worker started by a runner that had grown large (it
    built the databases) reports its own peak, not the runner's."""
    import json
    import subprocess

    child = (
        "import json, resource; from bench.worker import _own_peak_kb; "
        "print(json.dumps([_own_peak_kb(), resource.getrusage(resource.RUSAGE_SELF).ru_maxrss]))"
    )
    parent = (
        "import subprocess, sys; big = b'x' * (400 * 2**20); "
        f"print(subprocess.run([sys.executable, '-c', {child!r}], capture_output=True, "
        "text=True, check=True).stdout)"
    )
    out = subprocess.run(
        [sys.executable, "-c", parent], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    own_kb, _carried_kb = json.loads(out.strip().splitlines()[-1])
    assert own_kb < 250 * 1024

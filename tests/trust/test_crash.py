"""Crash safety: a process killed with SIGKILL in the middle of a big posting batch leaves a
database that passes `check` and holds all or none of the interrupted unit of work.

The child process runs the real service; a SQLAlchemy flush hook tells the parent when the
unit of work is well under way (and slows it down from then on), the parent kills it with
SIGKILL, reopens the database and compares it with the state before.
"""

from __future__ import annotations

import datetime as dt
import os
import random
import signal
import sqlite3
import subprocess
import sys
import textwrap
import time
from decimal import Decimal

import pytest
from helpers import member_input
from sqlalchemy import func, select

from koperasi.db.database import open_database
from koperasi.db.models import (
    AuditEntry,
    JournalEntry,
    JournalLine,
    JournalSeal,
    Loan,
    LoanTransaction,
    SavingsTransaction,
)
from koperasi.services import check, groups, loan_products, members, savings, savings_interest
from koperasi.services import month_end as month_end_run
from koperasi.services.auth import SYSTEM
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import group_meeting
from koperasi.services.uow import read_only

JOIN = dt.date(2025, 1, 6)
MEETING = dt.date(2025, 3, 3)
N_MEMBERS = 30

CHILD = textwrap.dedent(
    """
    import sys, time, datetime as dt
    from sqlalchemy import event
    from sqlalchemy.engine import Engine
    from sqlalchemy.orm import Session
    from koperasi.db.database import open_database
    from koperasi.services import month_end as month_end_run, savings_interest
    from koperasi.services.loans import group_meeting
    from koperasi.services.auth import SYSTEM

    writes = 0  # INSERT/UPDATE statements sent (ORM flushes and Core statements alike)

    @event.listens_for(Engine, "after_cursor_execute")
    def _slow(conn, cursor, statement, params, context, executemany):
        global writes
        if not statement.lstrip().upper().startswith(("INSERT", "UPDATE")):
            return
        writes += 1
        if writes == int(sys.argv[3]):
            print("INSIDE", flush=True)
        if writes >= int(sys.argv[3]):
            time.sleep(0.02)

    @event.listens_for(Session, "before_commit")
    def _hold(session):
        if writes >= int(sys.argv[3]):
            time.sleep(60)  # never commit before the parent's SIGKILL arrives

    db = open_database(sys.argv[1], seed=False)
    job = sys.argv[2]
    if job == "meeting":
        payments = [tuple(p.split(":")) for p in sys.argv[4].split(",")]
        payments = [(n, int(w), int(s), int(l)) for n, w, s, l in payments]
        group_meeting.post_group_meeting(db, SYSTEM, "K01", dt.date(2025, 3, 3), payments)
    elif job == "interest":
        savings_interest.post_monthly_interest(db, SYSTEM, 2025, 2)
    elif job == "month_end":
        month_end_run.month_end(db, SYSTEM, dt.date(2025, 6, 30))
    print("DONE", flush=True)
    """
)


def snapshot(db) -> dict[str, int]:
    with read_only(db) as s:
        return {
            m.__tablename__: int(s.scalar(select(func.count()).select_from(m)) or 0)
            for m in (
                JournalEntry,
                JournalLine,
                JournalSeal,
                AuditEntry,
                SavingsTransaction,
                LoanTransaction,
            )
        } | {
            "ppap": int(s.scalar(select(func.coalesce(func.sum(Loan.ppap_booked), 0)))),
            "balances": int(s.scalar(select(func.sum(SavingsTransaction.amount))) or 0),
        }


def kill_inside(target: str, job: str, after_writes: int, *extra: str) -> None:
    """Run ``job`` in a child process and SIGKILL it once its unit of work is under way."""
    proc = subprocess.Popen(
        [sys.executable, "-c", CHILD, target, job, str(after_writes), *extra],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    try:
        line = proc.stdout.readline()
        assert line.strip() == "INSIDE", (
            line,
            proc.stderr.read() if proc.poll() is not None else "",
        )
        time.sleep(0.05)
        os.kill(proc.pid, signal.SIGKILL)
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
            proc.wait()
    assert proc.returncode == -signal.SIGKILL


def assert_healthy(db) -> None:
    report = check.run_checks(db)
    assert report.ok, [f"{p.check}: {p.message('en')}" for p in report.problems]


def build_cooperative(target: str) -> list[str]:
    """30 members in group K01 with savings; six of them owe a loan since January."""
    db = open_database(target)
    groups.create_group(db, SYSTEM, groups.GroupInput(code="K01", name="Mawar"))
    loan_products.add_product(
        db,
        SYSTEM,
        loan_products.ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=10_000_000,
            min_term=3,
            max_term=24,
            limit_multiple=Decimal(5),
        ),
    )
    numbers = []
    for n in range(1, N_MEMBERS + 1):
        m = members.register_member(
            db, SYSTEM, member_input(f"Anggota {n}", n, join=JOIN, group_code="K01")
        )
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, JOIN)
        savings.deposit(db, SYSTEM, m.number, "SUKARELA", 400_000 + n * 1000, JOIN)
        numbers.append(m.number)
        if n <= 6:
            la = loan_applications.apply(
                db,
                SYSTEM,
                loan_applications.ApplyInput(m.number, "UMUM", 1_000_000, 6, JOIN, "Modal"),
            )
            loan_applications.approve(db, SYSTEM, la.number, JOIN)
            loan_applications.disburse(db, SYSTEM, la.number, JOIN)
    db.dispose()
    return numbers


@pytest.fixture(scope="module")
def sqlite_cooperative(tmp_path_factory):
    """Built once for the module; each test gets a copy (a copy is much cheaper than a build)."""
    path = tmp_path_factory.mktemp("crash") / "template.db"
    return path, build_cooperative(str(path))


@pytest.fixture(scope="module")
def pg_cooperative(pg_server):
    """Built once for the module; each test gets a database cloned from it."""
    url = pg_server.new_database()
    return url, build_cooperative(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def cooperative(request, tmp_path):
    """A private copy of the module's cooperative (see build_cooperative)."""
    if request.param == "sqlite":
        template, numbers = request.getfixturevalue("sqlite_cooperative")
        target = str(tmp_path / "crash.db")
        src, dst = sqlite3.connect(template), sqlite3.connect(target)
        src.backup(dst)
        src.close()
        dst.close()
    else:
        template, numbers = request.getfixturevalue("pg_cooperative")
        target = request.getfixturevalue("pg_server").new_database(template=template)
    db = open_database(target)
    db.dispose()
    yield target, db, numbers
    db.dispose()


def meeting_payments(numbers):
    return [(n, 50_000, 20_000, 200_000 if i < 6 else 0) for i, n in enumerate(numbers)]


def test_killed_during_group_meeting_posting(cooperative):
    target, db, numbers = cooperative
    before = snapshot(db)
    arg = ",".join(f"{n}:{w}:{s}:{ln}" for n, w, s, ln in meeting_payments(numbers))
    kill_inside(target, "meeting", 40, arg)
    db.dispose()
    assert snapshot(db) == before  # none of the meeting is there
    assert_healthy(db)
    # and the meeting can be posted again, whole
    result = group_meeting.post_group_meeting(db, SYSTEM, "K01", MEETING, meeting_payments(numbers))
    after = snapshot(db)
    assert after["savings_transactions"] == before["savings_transactions"] + 2 * N_MEMBERS
    assert after["loan_transactions"] == before["loan_transactions"] + 6
    assert result is not None
    assert_healthy(db)


def test_killed_during_monthly_savings_interest(cooperative):
    target, db, _ = cooperative
    before = snapshot(db)
    kill_inside(target, "interest", 3)
    db.dispose()
    assert snapshot(db) == before
    assert_healthy(db)
    run = savings_interest.post_monthly_interest(db, SYSTEM, 2025, 2)
    assert run is not None and snapshot(db)["savings_transactions"] > before["savings_transactions"]
    assert_healthy(db)


def test_killed_during_loan_month_end(cooperative):
    target, db, _ = cooperative
    before = snapshot(db)
    kill_inside(target, "month_end", 1)
    db.dispose()
    assert snapshot(db) == before
    assert_healthy(db)
    month_end_run.month_end(db, SYSTEM, dt.date(2025, 6, 30))
    assert snapshot(db)["ppap"] > 0  # loans unpaid since February need an allowance
    assert_healthy(db)


def test_demo_build_killed_at_a_random_moment(tmp_path):
    """`koperasi demo` commits month by month; killed at any moment, what is there is whole."""
    rng = random.Random(int.from_bytes(os.urandom(4), "big"))
    delay = rng.uniform(1.0, 3.0)
    path = tmp_path / "demo.db"
    open_database(path).dispose()  # schema first, so the kill lands in the posting
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "koperasi",
            "--db",
            str(path),
            "demo",
            "--members",
            "60",
            "--years",
            "2",
            "--quiet",
        ],
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    time.sleep(delay)
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait(timeout=30)
    db = open_database(path)
    try:
        assert_healthy(db)
        with read_only(db) as s:
            # every journal entry that exists is sealed and has its lines (no half unit of work)
            assert s.scalar(select(func.count(JournalEntry.id))) == s.scalar(
                select(func.count(JournalSeal.id))
            ), f"killed after {delay:.2f}s"
    finally:
        db.dispose()

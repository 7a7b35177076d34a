"""Benchmark scenarios: each one the app's way and a raw-library baseline doing the same work.

A scenario has a ``setup(ctx) -> state`` (not timed), an ``app(state, i)`` and a
``baseline(state, i)`` (one timed run each; ``i`` is the run number, so mutating scenarios
can work on a different group/loan each time) and a budget. ``missing()`` names the part of
the app a scenario needs when it is not there yet (the baseline still runs).
"""

from __future__ import annotations

import datetime as dt
import importlib.util
import os
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

AS_OF = dt.date(2026, 10, 31)
NEXT_DAY = AS_OF + dt.timedelta(days=1)


@dataclass
class Ctx:
    db_path: Path  # the database the scenario reads (a private copy for mutating ones)
    work: Path  # a scratch folder (files written by a run go here)
    scale: float


@dataclass(frozen=True)
class Scenario:
    name: str
    title: str
    database: str  # "large" | "members" | "none"
    setup: Callable[[Ctx], Any]
    app: Callable[[Any, int], Any]
    baseline: Callable[[Any, int], Any]
    budget_ms: float | None = None  # absolute budget on the app's median (this machine)
    budget_ratio: float | None = None  # budget on app / baseline
    budget_note: str = ""
    mutates: bool = False
    runs: int | None = None  # override the runner's default (heavy scenarios)
    warmup: int | None = None
    missing: Callable[[], str | None] = lambda: None
    timed_inside: bool = False  # app/baseline return their own duration in seconds
    data_scale: float = 1.0  # run on the database at this fraction of the run's scale
    budget_rss_mb: int | None = None  # budget on the app's peak RSS
    scaling: bool = False  # one of the main scenarios re-run at 2x and 4x data


def _have(module: str) -> bool:
    try:
        return importlib.util.find_spec(module) is not None
    except ModuleNotFoundError:
        return False


def _open(path: Path):  # type: ignore[no-untyped-def]
    from koperasi.db.database import open_database

    return open_database(path)


def _raw(path: Path, write: bool = False) -> sqlite3.Connection:
    """A raw sqlite3 connection set up like the app's (WAL, FULL sync, foreign keys)."""
    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.execute("PRAGMA synchronous=FULL")
    conn.execute("PRAGMA busy_timeout=5000")
    return conn


# ============================================================== GUI cold start
GUI_APP = """
import sys
from koperasi.ui.app import main
sys.exit(main(["--db", sys.argv[1], "--smoke-test"]))
"""
GUI_BARE = """
import sys
from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMainWindow, QLabel
app = QApplication(sys.argv[:1])
w = QMainWindow()
w.setCentralWidget(QLabel("Koperasi"))
w.resize(1024, 700)
w.show()
QTimer.singleShot(0, app.quit)
sys.exit(app.exec())
"""


def _gui_setup(ctx: Ctx) -> dict:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(ctx.work / "home"))
    env["XDG_CONFIG_HOME"] = str(ctx.work / "home" / "config")
    env["XDG_DATA_HOME"] = str(ctx.work / "home" / "data")
    return {"db": str(ctx.db_path), "env": env}


def _run_py(code: str, st: dict) -> float:
    started = time.perf_counter()
    subprocess.run(
        [sys.executable, "-c", code, st["db"]], env=st["env"], check=True, stdout=subprocess.DEVNULL
    )
    return time.perf_counter() - started


def _gui_missing() -> str | None:
    if not _have("koperasi.ui.app"):
        return "koperasi.ui.app is not on this branch (desktop app issue)"
    spec = importlib.util.find_spec("koperasi.ui.app")
    if spec and spec.origin and "--smoke-test" not in Path(spec.origin).read_text(encoding="utf-8"):
        return "koperasi-app has no --smoke-test option (open the main window, quit at once)"
    return None


# ============================================================== member search / list
LIST_SQL = """
SELECT m.id, m.number, m.name, m.gender, m.nik, m.phone, m.kelurahan, g.name, m.status,
       m.join_date, m.number
FROM members m LEFT OUTER JOIN groups g ON g.id = m.group_id
{where}ORDER BY m.number, m.id LIMIT ?
"""
# the app's search shape (services.members._search_filter): one id IN (... UNION ...) of
# single-column matches, prefixes as index ranges (+ LIKE), the name part only for text,
# NIK/phone only for digits
PREFIX = "{col} >= ? AND {col} < ? AND {col} LIKE ?"
SEARCH_TEXT = LIST_SQL.format(
    where=f"WHERE m.id IN (SELECT id FROM members WHERE {PREFIX.format(col='number')} "
    "UNION SELECT id FROM members WHERE name_key LIKE ?)\n"
)
SEARCH_DIGITS = LIST_SQL.format(
    where=f"WHERE m.id IN (SELECT id FROM members WHERE {PREFIX.format(col='number')} "
    f"UNION SELECT id FROM members WHERE {PREFIX.format(col='nik')} "
    f"UNION SELECT id FROM members WHERE {PREFIX.format(col='phone')})\n"
)


def _search_setup(ctx: Ctx) -> dict:
    conn = sqlite3.connect(ctx.db_path)
    n = conn.execute("SELECT count(*) FROM members").fetchone()[0]
    mid = conn.execute("SELECT number, nik, name FROM members WHERE id = ?", (n // 2,)).fetchone()
    conn.close()
    # name prefix (a common first name), a number, a NIK prefix (12 digits: a handful of hits)
    queries = ["sri wah", mid[0], mid[1][:12]]
    return {
        "db": _open(ctx.db_path),
        "raw": sqlite3.connect(ctx.db_path),
        "queries": queries,
        "members": n,
    }


def _search_app(st: dict, i: int) -> None:
    from koperasi.services.members import list_members

    list_members(st["db"], search=st["queries"][i % 3], limit=200)


def _prefix_args(p: str) -> tuple[str, str, str]:
    return p, p[:-1] + chr(ord(p[-1]) + 1), f"{p}%"


def _search_base(st: dict, i: int) -> None:
    q = st["queries"][i % 3]
    digits = q.replace(" ", "")
    if digits.isdigit():
        args = (*_prefix_args(q), *_prefix_args(digits), *_prefix_args(digits), 200)
        st["raw"].execute(SEARCH_DIGITS, args).fetchall()
    else:  # numbers are all capitals here: the app's second (capitals) range finds nothing
        args = (*_prefix_args(q.upper()), f"%{q.lower()}%", 200)
        st["raw"].execute(SEARCH_TEXT, args).fetchall()


def _list_app(st: dict, i: int) -> None:
    from koperasi.services.members import count_members, list_members

    count_members(st["db"])
    list_members(st["db"], limit=200)


def _list_base(st: dict, i: int) -> None:
    st["raw"].execute("SELECT count(m.id) FROM members m").fetchone()
    st["raw"].execute(LIST_SQL.format(where=""), (200,)).fetchall()


# ============================================================== posting: group meeting, repayment
def _meeting_setup(ctx: Ctx) -> dict:
    """Groups with their members' dues (what the treasurer enters at the meeting)."""
    from koperasi.services.loans.group_meeting import group_meeting_dues

    db = _open(ctx.db_path)
    raw = sqlite3.connect(ctx.db_path)
    codes = [
        r[0]
        for r in raw.execute(
            "SELECT g.code FROM groups g JOIN members m ON m.group_id = g.id GROUP BY g.id "
            "ORDER BY count(*) DESC, g.code LIMIT 12"
        )
    ]
    meetings = []
    for code in codes:
        dues = group_meeting_dues(db, code, NEXT_DAY)
        meetings.append(
            (
                code,
                [
                    (d.member_number, 50_000 if d.wajib_due else 0, 20_000, d.installment_due)
                    for d in dues
                ],
            )
        )
    raw.close()
    return {"db": db, "meetings": meetings, "path": ctx.db_path}


def _meeting_app(st: dict, i: int) -> None:
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans.group_meeting import post_group_meeting

    code, payments = st["meetings"][i % len(st["meetings"])]
    # The generated history (bulk rows, a few amounts per kind) puts the derived plausibility
    # ceilings below some of a meeting's cells; a treasurer confirms the large amounts once for
    # the grid (the dialog's "yes"), which is this flag: the scenario measures the posting.
    post_group_meeting(st["db"], SYSTEM, code, NEXT_DAY, payments, confirm_large=True)


def _post_raw(
    conn: sqlite3.Connection,
    date: dt.date,
    text: str,
    source: str,
    ref: str,
    receipt: str,
    lines: list[tuple[int, int, int, int | None]],
) -> int:
    cur = conn.execute(
        "INSERT INTO journal_entries (date, description, source, source_ref, receipt_no, posted_at, posted_by) "
        "VALUES (?, ?, ?, ?, ?, ?, ?)",
        (date, text, source, ref, receipt, dt.datetime.now(), "bench"),
    )
    eid = cur.lastrowid
    conn.executemany(
        "INSERT INTO journal_lines (entry_id, account_id, debit, credit, member_id, memo) VALUES (?, ?, ?, ?, ?, '')",
        [(eid, a, d, c, m) for a, d, c, m in lines],
    )
    return eid


def _raw_savings(conn, acc, member_id, number, kind, amount, receipt) -> None:  # type: ignore[no-untyped-def]
    acct_id, code = conn.execute(
        "SELECT a.id, p.account_code FROM savings_accounts a JOIN savings_products p ON p.id = a.product_id "
        "WHERE a.member_id = ? AND p.kind = ?",
        (member_id, kind),
    ).fetchone()
    eid = _post_raw(
        conn,
        NEXT_DAY,
        f"Setoran {kind} {number}",
        "simpanan",
        number,
        receipt,
        [(acc["1.01"], amount, 0, member_id), (acc[code], 0, amount, member_id)],
    )
    conn.execute(
        "INSERT INTO savings_transactions (account_id, date, kind, amount, receipt_no, journal_entry_id, memo, created_at, created_by) "
        "VALUES (?, ?, 'setor', ?, ?, ?, '', ?, 'bench')",
        (acct_id, NEXT_DAY, amount, receipt, eid, dt.datetime.now()),
    )
    conn.execute(
        "UPDATE savings_accounts SET balance = balance + ? WHERE id = ?", (amount, acct_id)
    )


def _raw_repay(conn, acc, member_id, loan_number, amount, receipt) -> None:  # type: ignore[no-untyped-def]
    (loan_id,) = conn.execute("SELECT id FROM loans WHERE number = ?", (loan_number,)).fetchone()
    inst = conn.execute(
        "SELECT i.id, i.principal, i.interest, coalesce(sum(a.amount), 0) FROM loan_installments i "
        "LEFT JOIN loan_allocations a ON a.installment_id = i.id WHERE i.loan_id = ? "
        "GROUP BY i.id ORDER BY i.no",
        (loan_id,),
    ).fetchall()
    iid = next((r[0] for r in inst if r[3] < r[1] + r[2]), inst[-1][0])
    interest = min(amount, next(r[2] for r in inst if r[0] == iid))
    principal = amount - interest
    eid = _post_raw(
        conn,
        NEXT_DAY,
        f"Angsuran {loan_number}",
        "pinjaman",
        loan_number,
        receipt,
        [
            (acc["1.01"], amount, 0, member_id),
            (acc["1.20"], 0, principal, member_id),
            (acc["4.10"], 0, interest, member_id),
        ]
        if principal
        else [(acc["1.01"], amount, 0, member_id), (acc["4.10"], 0, interest, member_id)],
    )
    cur = conn.execute(
        "INSERT INTO loan_transactions (loan_id, date, kind, amount, principal, interest, fee, penalty, principal_change, source, receipt_no, journal_entry_id, memo, created_at, created_by) "
        "VALUES (?, ?, 'angsuran', ?, ?, ?, 0, 0, ?, 'kas', ?, ?, '', ?, 'bench')",
        (
            loan_id,
            NEXT_DAY,
            amount,
            principal,
            interest,
            -principal,
            receipt,
            eid,
            dt.datetime.now(),
        ),
    )
    conn.executemany(
        "INSERT INTO loan_allocations (transaction_id, installment_id, component, amount) VALUES (?, ?, ?, ?)",
        [(cur.lastrowid, iid, "interest", interest), (cur.lastrowid, iid, "principal", principal)],
    )
    conn.execute(
        "UPDATE loans SET principal_outstanding = principal_outstanding - ? WHERE id = ?",
        (principal, loan_id),
    )


def _meeting_base(st: dict, i: int) -> None:
    """The same rows in one transaction with raw sqlite3 (no checks, no audit, no seals)."""
    conn = st.setdefault("raw", _raw(st["path"], write=True))
    acc = st.setdefault("acc", dict(conn.execute("SELECT code, id FROM accounts")))
    _code, payments = st["meetings"][i % len(st["meetings"])]
    conn.execute("BEGIN IMMEDIATE")
    for n, (number, wajib, sukarela, loan_amount) in enumerate(payments):
        (member_id,) = conn.execute("SELECT id FROM members WHERE number = ?", (number,)).fetchone()
        receipt = f"RAW-{i}-{n}"
        if wajib:
            _raw_savings(conn, acc, member_id, number, "wajib", wajib, receipt)
        if sukarela:
            _raw_savings(conn, acc, member_id, number, "sukarela", sukarela, receipt)
        if loan_amount:
            row = conn.execute(
                "SELECT number FROM loans WHERE member_id = ? AND status = 'aktif' ORDER BY id LIMIT 1",
                (member_id,),
            ).fetchone()
            if row:
                _raw_repay(conn, acc, member_id, row[0], loan_amount, receipt)
    conn.execute("COMMIT")  # durable, like the app's (on the private copy)


def _repay_setup(ctx: Ctx) -> dict:
    from koperasi.services.loans.core import loan_by_number, loan_dues
    from koperasi.services.uow import read_only

    db = _open(ctx.db_path)
    raw = sqlite3.connect(ctx.db_path)
    numbers = [
        r[0]
        for r in raw.execute(
            "SELECT number FROM loans WHERE status = 'aktif' AND unit = 'month' ORDER BY id DESC LIMIT 40"
        )
    ]
    raw.close()
    loans = []
    with read_only(db) as s:
        for number in numbers:
            loan = loan_by_number(s, number)
            due = next((d for d in loan_dues(s, loan, NEXT_DAY) if d.total), None)
            if due is not None:
                loans.append((number, loan.member_id, due.principal + due.interest))
    return {"db": db, "loans": loans, "path": ctx.db_path}


def _repay_app(st: dict, i: int) -> None:
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans.repayments import repay

    number, _member, amount = st["loans"][i % len(st["loans"])]
    repay(st["db"], SYSTEM, number, amount, NEXT_DAY)


def _repay_base(st: dict, i: int) -> None:
    conn = st.setdefault("raw", _raw(st["path"], write=True))
    acc = st.setdefault("acc", dict(conn.execute("SELECT code, id FROM accounts")))
    number, member_id, amount = st["loans"][i % len(st["loans"])]
    conn.execute("BEGIN IMMEDIATE")
    _raw_repay(conn, acc, member_id, number, amount, f"RAW-{i}")
    conn.execute("COMMIT")


# ============================================================== month-end
def _month_end_setup(ctx: Ctx) -> dict:
    raw = sqlite3.connect(ctx.db_path)
    active = raw.execute("SELECT count(*) FROM loans WHERE status = 'aktif'").fetchone()[0]
    raw.close()
    return {"db": _open(ctx.db_path), "path": ctx.db_path, "active": active}


def _month_end_app(st: dict, i: int) -> None:
    from koperasi.services.auth import SYSTEM
    from koperasi.services.month_end import month_end

    month_end(st["db"], SYSTEM, AS_OF)


def _month_end_base(st: dict, i: int) -> None:
    """Read the same state (active loans, schedules, payments per installment), classify by
    days past due in plain Python, update every active loan, in one transaction."""
    conn = st.setdefault("raw", _raw(st["path"], write=True))
    as_of = AS_OF.isoformat()
    conn.execute("BEGIN IMMEDIATE")
    loans = conn.execute(
        "SELECT l.id, l.number, l.unit, l.collateral, m.number, m.name FROM loans l JOIN members m ON m.id = l.member_id "
        "WHERE l.status = 'aktif' ORDER BY l.number"
    ).fetchall()
    outstanding = dict(
        conn.execute(
            "SELECT t.loan_id, sum(t.principal_change) FROM loan_transactions t JOIN loans l ON l.id = t.loan_id "
            "WHERE l.status = 'aktif' AND t.date <= ? GROUP BY t.loan_id",
            (as_of,),
        )
    )
    paid = dict(
        ((r[0], r[1]), r[2])
        for r in conn.execute(
            "SELECT a.installment_id, a.component, sum(a.amount) FROM loan_allocations a "
            "JOIN loan_transactions t ON t.id = a.transaction_id JOIN loans l ON l.id = t.loan_id "
            "WHERE l.status = 'aktif' AND t.date <= ? GROUP BY a.installment_id, a.component",
            (as_of,),
        )
    )
    oldest: dict[int, str] = {}
    for iid, loan_id, due, principal, interest in conn.execute(
        "SELECT i.id, i.loan_id, i.due_date, i.principal, i.interest FROM loan_installments i "
        "JOIN loans l ON l.id = i.loan_id WHERE l.status = 'aktif' AND i.superseded_on IS NULL ORDER BY i.loan_id, i.no"
    ):
        unpaid = (
            principal + interest - paid.get((iid, "principal"), 0) - paid.get((iid, "interest"), 0)
        )
        if unpaid > 0 and due < as_of and loan_id not in oldest:
            oldest[loan_id] = due
    updates = []
    for loan_id, *_rest in loans:
        dpd = (AS_OF - dt.date.fromisoformat(oldest[loan_id])).days if loan_id in oldest else 0
        cls = (
            "lancar"
            if dpd <= 30
            else "kurang_lancar"
            if dpd <= 90
            else "diragukan"
            if dpd <= 180
            else "macet"
        )
        rate = {"lancar": 5, "kurang_lancar": 100, "diragukan": 500, "macet": 1000}[cls]
        updates.append((outstanding.get(loan_id, 0) * rate // 10_000, cls, loan_id))
    conn.executemany("UPDATE loans SET ppap_booked = ?, quality_class = ? WHERE id = ?", updates)
    conn.execute("ROLLBACK")  # leave the loans to the app's month-end (one fsync: negligible)


# ============================================================== check
def _warm_file(path: Path) -> None:
    """Read the database file once so that a single timed run (no warm-up) measures the work,
    not the disk: the OS keeps the pages for the app's run and the baseline's alike."""
    with open(path, "rb") as fh:
        while fh.read(1 << 24):
            pass


def _check_setup(ctx: Ctx) -> dict:
    _warm_file(ctx.db_path)
    return {"db": _open(ctx.db_path), "raw": sqlite3.connect(ctx.db_path)}


def _check_app(st: dict, i: int) -> None:
    from koperasi.services.check import run_checks

    rep = run_checks(st["db"])
    assert rep.ok, rep.problems[:3]


CHECK_SQL = [
    "SELECT entry_id, sum(debit), sum(credit) FROM journal_lines GROUP BY entry_id HAVING sum(debit) != sum(credit)",
    "SELECT e.id FROM journal_entries e LEFT JOIN (SELECT entry_id, count(*) AS n FROM journal_lines GROUP BY entry_id) c ON c.entry_id = e.id WHERE coalesce(c.n, 0) < 2",
    "SELECT sum(debit), sum(credit) FROM journal_lines",
    "SELECT a.code, sum(l.credit) - sum(l.debit) FROM accounts a LEFT JOIN journal_lines l ON l.account_id = a.id GROUP BY a.code",
    "SELECT p.account_code, sum(t.amount) FROM savings_products p JOIN savings_accounts a ON a.product_id = p.id JOIN savings_transactions t ON t.account_id = a.id GROUP BY p.account_code",
    "SELECT a.id FROM savings_accounts a LEFT JOIN savings_transactions t ON t.account_id = a.id GROUP BY a.id HAVING a.balance != coalesce(sum(t.amount), 0)",
    "SELECT sum(principal_change), sum(interest), sum(fee), sum(penalty) FROM loan_transactions",
    "SELECT l.id FROM loans l LEFT JOIN (SELECT loan_id, sum(principal_change) AS s FROM loan_transactions GROUP BY loan_id) t ON t.loan_id = l.id WHERE l.principal_outstanding != coalesce(t.s, 0)",
    "SELECT t.id FROM loan_transactions t LEFT JOIN (SELECT transaction_id, sum(amount) AS s FROM loan_allocations GROUP BY transaction_id) a ON a.transaction_id = t.id WHERE t.kind IN ('angsuran', 'pelunasan') AND t.amount != coalesce(a.s, 0)",
]


# the tamper check's share of the same work: the raw read + hash of the same bytes the app
# hashes (every journal entry, line and seal and every audit row as the database's JSON text
# of its columns, concatenated by SQLite a range of ids at a time), raw sqlite3 + hashlib
SEAL_TABLES = [
    (
        "journal_entries",
        "id, date, description, source, source_ref, receipt_no, "
        "reverses_entry_id, posted_at, posted_by",
    ),
    ("journal_lines", "id, entry_id, account_id, debit, credit, member_id, memo"),
    ("journal_seals", "id, entry_id, lines, prev_hash, hash"),
    (
        "audit_log",
        'id, at, username, action, entity, entity_id, "before", "after", prev_hash, hash',
    ),
]
SEAL_CHUNK = 2500  # ids per query (about one block of the app's)


def _check_base(st: dict, i: int) -> None:
    """The aggregate queries and, as the app also proves nothing was altered behind its back,
    the read and SHA-256 of the same bytes its block seals cover."""
    import hashlib

    conn = st["raw"]
    for sql in CHECK_SQL:
        conn.execute(sql).fetchall()
    for table, cols in SEAL_TABLES:
        top = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        query = (
            f"SELECT group_concat(t, char(10)) FROM (SELECT json_array({cols}) AS t FROM {table} "
            "WHERE id > ? AND id <= ? ORDER BY id)"
        )
        h = hashlib.sha256()
        for lo in range(0, top, SEAL_CHUNK):
            text = conn.execute(query, (lo, lo + SEAL_CHUNK)).fetchone()[0]
            if text:
                h.update(text.encode())
        h.hexdigest()


# ============================================================== workbooks and PDFs
def _journal_rows(conn: sqlite3.Connection, year: int):  # type: ignore[no-untyped-def]
    return conn.execute(
        "SELECT e.date, e.id, e.receipt_no, e.description, a.code, a.name, l.debit, l.credit, m.number "
        "FROM journal_lines l JOIN journal_entries e ON e.id = l.entry_id JOIN accounts a ON a.id = l.account_id "
        "LEFT JOIN members m ON m.id = l.member_id WHERE e.date BETWEEN ? AND ? ORDER BY e.date, e.id, l.id",
        (f"{year}-01-01", f"{year}-12-31"),
    )


YEAR = AS_OF.year - 1  # the last full financial year


def _audit_setup(ctx: Ctx) -> dict:
    return {
        "db": _open(ctx.db_path),
        "out": ctx.work / "audit.xlsx",
        "from": dt.date(YEAR, 1, 1),
        "to": dt.date(YEAR, 12, 31),
    }


def _audit_missing() -> str | None:
    return (
        None
        if _have("koperasi.exchange.auditor")
        else "koperasi.exchange.auditor is not on this branch (Excel exchange issue)"
    )


def _audit_app(st: dict, i: int) -> None:
    from koperasi.exchange.auditor import export_auditor

    export_auditor(st["db"], st["out"], st["from"], st["to"])


def _audit_base(st: dict, i: int) -> None:
    """The same rows (the audit workbook's own sheet queries) written with bare openpyxl
    write-only: the ratio is the app's workbook-writing overhead (types, formats, widths,
    digests)."""
    from openpyxl import Workbook

    from koperasi.exchange.sheets import SHEETS
    from koperasi.exchange.spec import Period, table
    from koperasi.services.uow import read_only

    wb = Workbook(write_only=True)
    period = Period(st["from"], st["to"])
    with read_only(st["db"]) as s:
        for sheet in SHEETS:
            ws = wb.create_sheet(sheet.title[:31])
            ws.append(list(sheet.headers))
            if sheet.optional and table(sheet.table or "") is None:
                continue
            for row in sheet.rows(s, period):
                ws.append(list(row))
    wb.save(st["out"])


def _rat_setup(ctx: Ctx) -> dict:
    _warm_file(ctx.db_path)
    conn = sqlite3.connect(ctx.db_path)
    rows = conn.execute(
        "SELECT m.number, m.name, g.code, "
        "coalesce(sum(CASE WHEN p.kind IN ('pokok','wajib') THEN a.balance END), 0) "
        "FROM members m LEFT JOIN groups g ON g.id = m.group_id "
        "JOIN savings_accounts a ON a.member_id = m.id JOIN savings_products p ON p.id = a.product_id "
        "GROUP BY m.id ORDER BY m.number"
    ).fetchall()
    conn.close()
    return {"db": _open(ctx.db_path), "rows": rows, "out": ctx.work / "rat.pdf"}


def _rat_missing() -> str | None:
    return (
        None
        if _have("koperasi.reports.registry")
        else "koperasi.reports is not on this branch (reports issue)"
    )


def _rat_app(st: dict, i: int) -> None:
    from koperasi.reports.common import ReportParams
    from koperasi.reports.registry import run

    run(st["db"], "rat", ReportParams(year=YEAR), "pdf", st["out"])


def _rat_render_setup(ctx: Ctx) -> dict:
    """The RAT report built once (not timed): the render-only scenario measures the PDF."""
    from koperasi.reports.common import ReportParams
    from koperasi.reports.registry import build

    st = _rat_setup(ctx)
    st["data"] = build(st["db"], "rat", ReportParams(year=YEAR))
    return st


def _rat_render_app(st: dict, i: int) -> None:
    from koperasi.reports.registry import render

    render(st["data"], st["out"], "pdf")


def _rat_base(st: dict, i: int) -> None:
    """ReportLab platypus, the same per-member table (8 columns, every member), one small
    Table per page of 40 rows, from rows fetched beforehand."""
    from reportlab.lib import colors
    from reportlab.lib.pagesizes import A4, landscape
    from reportlab.lib.styles import getSampleStyleSheet
    from reportlab.platypus import PageBreak, Paragraph, SimpleDocTemplate, Table, TableStyle

    style = TableStyle(
        [
            ("GRID", (0, 0), (-1, -1), 0.25, colors.grey),
            ("FONTSIZE", (0, 0), (-1, -1), 8),
            ("ALIGN", (3, 1), (-1, -1), "RIGHT"),
        ]
    )
    header = [
        "No. anggota",
        "Nama",
        "Kelompok",
        "Jasa pinjaman (Ta)",
        "Pokok + wajib (Sa)",
        "Jasa anggota",
        "Jasa modal",
        "SHU diterima",
    ]
    story = [Paragraph("Pembagian SHU per anggota", getSampleStyleSheet()["Heading1"])]
    rows = st["rows"]
    for start in range(0, len(rows), 40):
        data = [header]
        for number, name, group, modal in rows[start : start + 40]:
            ta = modal // 3
            a, b = ta * 19 // 100, modal * 3 // 100
            data.append(
                [
                    number,
                    name,
                    group or "",
                    f"Rp{ta:,}",
                    f"Rp{modal:,}",
                    f"Rp{a:,}",
                    f"Rp{b:,}",
                    f"Rp{a + b:,}",
                ]
            )
        story += [Table(data, style=style, repeatRows=1), PageBreak()]
    SimpleDocTemplate(str(st["out"]), pagesize=landscape(A4)).build(story)


IMPORT_ROWS = 100_000
IMPORT_SHEET = "Transaksi Simpanan"


def _import_file(ctx: Ctx) -> Path:
    """A 100,000-row savings-transactions workbook in the import template's layout (written
    once, cached next to the database)."""
    path = ctx.db_path.parent / f"import-{IMPORT_ROWS}-{ctx.db_path.stem}.xlsx"
    if path.exists():
        return path
    from openpyxl import Workbook

    conn = sqlite3.connect(ctx.db_path)
    members = [r[0] for r in conn.execute("SELECT number FROM members ORDER BY id")]
    conn.close()
    wb = Workbook(write_only=True)
    ws = wb.create_sheet(IMPORT_SHEET)
    ws.append(
        ["Nomor Anggota", "Produk Simpanan", "Tanggal", "Jenis Transaksi", "Jumlah", "Keterangan"]
    )
    for n in range(IMPORT_ROWS):
        ws.append(
            [
                members[n % len(members)],
                "SUKARELA" if n % 3 else "WAJIB",
                AS_OF + dt.timedelta(days=1 + n % 28),
                "setor",
                50_000 if n % 3 == 0 else 20_000 + (n % 7) * 5_000,
                f"Impor baris {n + 2}",
            ]
        )
    tmp = path.with_suffix(".tmp.xlsx")
    wb.save(tmp)
    tmp.replace(path)
    return path


def _import_setup(ctx: Ctx) -> dict:
    return {"db": _open(ctx.db_path), "file": _import_file(ctx)}


def _import_missing() -> str | None:
    return (
        None
        if _have("koperasi.exchange.importing")
        else "koperasi.exchange.importing is not on this branch (Excel exchange issue)"
    )


def _import_app(st: dict, i: int) -> None:
    """Read, parse and validate every row (file and database checks): everything an import
    does before it posts. Posting 100,000 deposits is the posting path measured above."""
    from koperasi.exchange.importing import ImportReport, _validate, open_and_map

    rep = ImportReport("savings-transactions", str(st["file"]), dry_run=True, valid_only=False)
    kind, wb, mapped = open_and_map("savings-transactions", st["file"], rep)
    try:
        assert mapped is not None, rep.file_errors
        _validate(st["db"], kind, wb, mapped, rep, None)
    finally:
        wb.close()
    assert rep.total_rows == IMPORT_ROWS and not rep.error_rows, (
        rep.total_rows,
        len(rep.error_rows),
    )


def _import_base(st: dict, i: int) -> None:
    """openpyxl read-only: iterate every row's values (what any importer must at least do)."""
    from openpyxl import load_workbook

    wb = load_workbook(st["file"], read_only=True, data_only=True)
    n = 0
    for row in wb[IMPORT_SHEET].iter_rows(min_row=2, values_only=True):
        n += row[4] is not None
    wb.close()
    assert n == IMPORT_ROWS


# ============================================================== registry
SCENARIOS: list[Scenario] = [
    Scenario(
        "gui_start",
        "GUI cold start to main window",
        "large",
        _gui_setup,
        lambda st, i: _run_py(GUI_APP, st),
        lambda st, i: _run_py(GUI_BARE, st),
        budget_ratio=3.0,
        missing=_gui_missing,
        timed_inside=True,
        runs=3,
    ),
    Scenario(
        "member_search",
        "member search (name, number, NIK)",
        "members",
        _search_setup,
        _search_app,
        _search_base,
        budget_ms=30,
        runs=15,
        scaling=True,
    ),
    Scenario(
        "member_list",
        "member list: count + first page",
        "members",
        _search_setup,
        _list_app,
        _list_base,
        budget_ms=100,
        runs=9,
        scaling=True,
    ),
    Scenario(
        "group_meeting",
        "post a group meeting (1 transaction)",
        "large",
        _meeting_setup,
        _meeting_app,
        _meeting_base,
        budget_ms=300,
        mutates=True,
        runs=5,
    ),
    Scenario(
        "repayment",
        "single loan repayment",
        "large",
        _repay_setup,
        _repay_app,
        _repay_base,
        budget_ms=20,
        mutates=True,
        runs=15,
    ),
    Scenario(
        "month_end",
        "loan month-end (classify + PPAP)",
        "large",
        _month_end_setup,
        _month_end_app,
        _month_end_base,
        budget_ms=15_000,
        mutates=True,
        runs=2,
        warmup=0,
        budget_note="budget for 30,000 active loans",
        scaling=True,
    ),
    Scenario(
        "check",
        "koperasi check",
        "large",
        _check_setup,
        _check_app,
        _check_base,
        budget_ms=10_000,
        runs=1,
        warmup=0,
        scaling=True,
    ),
    Scenario(
        "audit_workbook",
        "audit workbook (one financial year)",
        "large",
        _audit_setup,
        _audit_app,
        _audit_base,
        budget_ratio=1.3,
        runs=1,
        warmup=0,
        missing=_audit_missing,
        budget_rss_mb=400,
        # a year of the 1x book is 1.7 M rows: raw openpyxl alone needs 7 min CPU for it, so
        # `make bench` writes the year of the quarter-size book (the ratio and the flat
        # memory do not depend on the size; 1x figures are in bench/README.md)
        data_scale=0.25,
    ),
    Scenario(
        "rat_pdf",
        "RAT report PDF (SHU table of every member)",
        "large",
        _rat_setup,
        _rat_app,
        _rat_base,
        budget_ratio=1.5,
        runs=2,
        warmup=0,
        missing=_rat_missing,
        scaling=True,
    ),
    Scenario(
        "rat_render",
        "RAT report PDF: rendering only (report built beforehand)",
        "large",
        _rat_render_setup,
        _rat_render_app,
        _rat_base,
        budget_ratio=1.5,
        runs=3,  # a median: single runs of either side moved by 30 % between idle runs
        warmup=0,
        missing=_rat_missing,
    ),
    Scenario(
        "import_100k",
        "import 100,000 rows: read + validate",
        "large",
        _import_setup,
        _import_app,
        _import_base,
        budget_ratio=1.5,
        runs=1,
        warmup=0,
        missing=_import_missing,
    ),
]
from . import consolidation as _consol  # noqa: E402 - programme-scale consolidation

SCENARIOS += [
    Scenario(
        "consolidate",
        f"consolidate {_consol.consol_n()} audit workbooks (300 members each)",
        "none",
        _consol.setup(_consol.consol_n()),
        _consol.app,
        _consol.baseline,
        budget_ratio=1.5,
        runs=1,
        warmup=0,
        missing=_consol.missing,
    ),
    Scenario(
        "consolidate_small",
        f"consolidate {max(2, _consol.consol_n() // 10)} audit workbooks (peak RSS vs N)",
        "none",
        _consol.setup(max(2, _consol.consol_n() // 10)),
        _consol.app,
        _consol.baseline,
        budget_ratio=1.5,
        runs=1,
        warmup=0,
        missing=_consol.missing,
    ),
]
from .ui_scenarios import UI_SCENARIOS  # noqa: E402 - GUI scenarios on the demo book

SCENARIOS += UI_SCENARIOS
BY_NAME = {s.name: s for s in SCENARIOS}

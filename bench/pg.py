"""``make bench-pg``: the bench book in a throwaway PostgreSQL server the bench starts itself.

    python -m bench.pg                    # the 1x book, every scenario, 60 s of concurrency
    python -m bench.pg --scale 0.25       # the 0.25x book (loads in about a minute)
    python -m bench.pg --seconds 15       # a shorter concurrency scenario
    python -m bench.pg --only repay,concurrency
    python -m bench.pg --record           # also write the table into bench/README.md

The server is started as the tests start theirs (bench/pgserver.py, one module for both:
PostgreSQL 15/16/17 binaries under /usr/lib/postgresql/*/bin or ``KOPERASI_PG_BIN``, initdb
as the ``postgres`` user when run as root, a private port and socket directory); where no binaries exist the run stops with a
message saying so. The book is loaded with ``fsync`` off, then the server is switched to
``fsync=on`` and ``synchronous_commit=on`` (a reload) before anything is timed, so commits
are durable as on SQLite.

Loading the book: there is no SQLite -> PostgreSQL copy tool in the project. The bench
builds the SQLite book as ``make bench`` does (cached), creates the schema on the server
through the app (``open_database``: the migrations), empties the seeded tables and copies
every table row by row with ``COPY`` (psycopg), triggers and foreign keys off for the load
(``session_replication_role = replica``), then moves the id sequences on. The block seals
(``seal_blocks``) are not copied: their digests cover the database's own JSON text of the
rows, which differs between SQLite and PostgreSQL (timestamps), so they are closed again on
the server (:func:`koperasi.db.blocks.close_all`, not verifying each row: the copied book
passed ``koperasi check`` on SQLite). The per-row seals are copied as they are and verified
by the ``check`` scenario.

Each scenario variant runs in its own process (``python -m bench.pg --worker ...``), like
``bench.worker``: wall and CPU time (of the client process: the server's work is not in it,
so the table judges on wall time), the client's peak RSS.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import multiprocessing as mp
import os
import random
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from .pgserver import PgServer, pg_bin

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
README = HERE / "README.md"
BEGIN, END = "<!-- bench-pg:results -->", "<!-- /bench-pg:results -->"

AS_OF = dt.date(2026, 10, 31)
NEXT_DAY = AS_OF + dt.timedelta(days=1)
YEAR = AS_OF.year - 1

# the throwaway server: one module for the tests and the bench (bench/pgserver.py), with
# more memory for the bulk load and fsync switched on after it (PgServer.durable)
SERVER_SETTINGS = ("shared_buffers=512MB", "work_mem=32MB", "maintenance_work_mem=256MB")


# ============================================================== loading the book
SKIP_TABLES = {"alembic_version", "seal_blocks"}


def load_book(sqlite_path: Path, url: str, say) -> dict[str, int]:  # type: ignore[no-untyped-def]
    """Copy the SQLite book into the (empty) database at ``url``: schema by the app's
    migrations, rows by COPY, sequences moved on, block seals closed again."""
    import sqlite3

    import psycopg
    from sqlalchemy import create_engine

    from koperasi.db import blocks
    from koperasi.db.database import open_database

    db = open_database(url)  # the migrations (and the seed rows, emptied below)
    db.dispose()
    lite = sqlite3.connect(sqlite_path)
    counts: dict[str, int] = {}
    with psycopg.connect(url) as pg:
        tables = [
            r[0]
            for r in pg.execute(
                "SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename"
            )
            if r[0] not in SKIP_TABLES
        ]
        pg.execute("SET session_replication_role = replica")  # no triggers, no FK checks
        pg.execute(f"TRUNCATE {', '.join(tables)}, seal_blocks")
        for table in tables:
            pg_cols = [
                r[0]
                for r in pg.execute(
                    "SELECT column_name FROM information_schema.columns "
                    "WHERE table_schema = 'public' AND table_name = %s ORDER BY ordinal_position",
                    (table,),
                )
            ]
            lite_cols = {r[1] for r in lite.execute(f'PRAGMA table_info("{table}")')}
            cols = [c for c in pg_cols if c in lite_cols]
            quoted = ", ".join(f'"{c}"' for c in cols)
            n = 0
            with pg.cursor().copy(f"COPY {table} ({quoted}) FROM STDIN") as cp:
                for row in lite.execute(f'SELECT {quoted} FROM "{table}"'):
                    cp.write_row(row)
                    n += 1
            counts[table] = n
            if "id" in cols:
                seq = pg.execute("SELECT pg_get_serial_sequence(%s, 'id')", (table,)).fetchone()[0]
                if seq:
                    pg.execute(
                        f"SELECT setval('{seq}', (SELECT coalesce(max(id), 0) + 1 FROM {table}), false)"
                    )
        pg.commit()
        pg.execute("SET session_replication_role = DEFAULT")
        pg.execute("ANALYZE")
        pg.commit()
    lite.close()
    say(f"copied {sum(counts.values()):,} rows; closing the block seals on the server")
    engine = create_engine(url.replace("postgresql://", "postgresql+psycopg://"))
    with engine.begin() as conn:
        closed = {
            k: blocks.close_all(conn, k, verify=False) for k in (blocks.JOURNAL, blocks.AUDIT)
        }
    engine.dispose()
    say(f"block seals closed: {closed}")
    return counts


# ============================================================== scenarios
def _open(url: str):  # type: ignore[no-untyped-def]
    from koperasi.db.database import open_database

    return open_database(url)


def _raw(url: str):  # type: ignore[no-untyped-def]
    import psycopg

    return psycopg.connect(url)


def _loans(url: str, offset: int, count: int) -> list[tuple[str, int, int]]:
    """Active monthly loans with an installment due on NEXT_DAY: (number, member id, amount)."""
    from koperasi.services.loans.core import loan_by_number, loan_dues
    from koperasi.services.uow import read_only

    with _raw(url) as conn:
        numbers = [
            r[0]
            for r in conn.execute(
                "SELECT number FROM loans WHERE status = 'aktif' AND unit = 'month' "
                "ORDER BY id DESC OFFSET %s LIMIT %s",
                (offset, count),
            )
        ]
    db = _open(url)
    out = []
    with read_only(db) as s:
        for number in numbers:
            loan = loan_by_number(s, number)
            due = next((d for d in loan_dues(s, loan, NEXT_DAY) if d.total), None)
            if due is not None:
                out.append((number, loan.member_id, int(due.principal + due.interest)))
    db.dispose()
    return out


def _repay_setup(url: str) -> dict:
    return {"db": _open(url), "url": url, "loans": _loans(url, 0, 40)}


def _repay_app(st: dict, i: int) -> None:
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans.repayments import repay

    number, _member, amount = st["loans"][i % len(st["loans"])]
    repay(st["db"], SYSTEM, number, amount, NEXT_DAY)


def _post_raw(conn, text, source, ref, receipt, lines) -> int:  # type: ignore[no-untyped-def]
    (eid,) = conn.execute(
        "INSERT INTO journal_entries (date, description, source, source_ref, receipt_no, posted_at, posted_by) "
        "VALUES (%s, %s, %s, %s, %s, %s, %s) RETURNING id",
        (NEXT_DAY, text, source, ref, receipt, dt.datetime.now(), "bench"),
    ).fetchone()
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO journal_lines (entry_id, account_id, debit, credit, member_id, memo) "
            "VALUES (%s, %s, %s, %s, %s, '')",
            [(eid, a, d, c, m) for a, d, c, m in lines],
        )
    return eid


def _raw_repay(conn, acc, member_id, loan_number, amount, receipt) -> None:  # type: ignore[no-untyped-def]
    """bench.scenarios._raw_repay with psycopg: the same rows, no checks, audit or seals."""
    (loan_id,) = conn.execute(
        "SELECT id FROM loans WHERE number = %s FOR UPDATE", (loan_number,)
    ).fetchone()
    inst = conn.execute(
        "SELECT i.id, i.principal, i.interest, coalesce(sum(a.amount), 0) FROM loan_installments i "
        "LEFT JOIN loan_allocations a ON a.installment_id = i.id WHERE i.loan_id = %s "
        "GROUP BY i.id ORDER BY i.no",
        (loan_id,),
    ).fetchall()
    iid = next((r[0] for r in inst if r[3] < r[1] + r[2]), inst[-1][0])
    interest = min(amount, next(r[2] for r in inst if r[0] == iid))
    principal = amount - interest
    lines = [(acc["1.01"], amount, 0, member_id), (acc["4.10"], 0, interest, member_id)]
    if principal:
        lines.insert(1, (acc["1.20"], 0, principal, member_id))
    eid = _post_raw(conn, f"Angsuran {loan_number}", "pinjaman", loan_number, receipt, lines)
    (tid,) = conn.execute(
        "INSERT INTO loan_transactions (loan_id, date, kind, amount, principal, interest, fee, penalty, "
        "principal_change, source, receipt_no, journal_entry_id, memo, created_at, created_by) "
        "VALUES (%s, %s, 'angsuran', %s, %s, %s, 0, 0, %s, 'kas', %s, %s, '', %s, 'bench') RETURNING id",
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
    ).fetchone()
    with conn.cursor() as cur:
        cur.executemany(
            "INSERT INTO loan_allocations (transaction_id, installment_id, component, amount) "
            "VALUES (%s, %s, %s, %s)",
            [(tid, iid, "interest", interest), (tid, iid, "principal", principal)],
        )
    conn.execute(
        "UPDATE loans SET principal_outstanding = principal_outstanding - %s WHERE id = %s",
        (principal, loan_id),
    )


def _repay_base(st: dict, i: int) -> None:
    conn = st.setdefault("raw", _raw(st["url"]))
    acc = st.setdefault("acc", dict(conn.execute("SELECT code, id FROM accounts").fetchall()))
    number, member_id, amount = st["loans"][i % len(st["loans"])]
    _raw_repay(conn, acc, member_id, number, amount, f"RAW-{i}")
    conn.commit()


def _month_end_setup(url: str) -> dict:
    with _raw(url) as conn:
        active = conn.execute("SELECT count(*) FROM loans WHERE status = 'aktif'").fetchone()[0]
    return {"db": _open(url), "url": url, "active": active}


def _month_end_app(st: dict, i: int) -> None:
    from koperasi.services.auth import SYSTEM
    from koperasi.services.month_end import month_end

    month_end(st["db"], SYSTEM, AS_OF)


def _month_end_base(st: dict, i: int) -> None:
    """bench.scenarios._month_end_base with psycopg: read the same state, classify in Python,
    update every active loan, roll back."""
    conn = st.setdefault("raw", _raw(st["url"]))
    loans = conn.execute(
        "SELECT l.id FROM loans l JOIN members m ON m.id = l.member_id WHERE l.status = 'aktif' ORDER BY l.number"
    ).fetchall()
    outstanding = dict(
        conn.execute(
            "SELECT t.loan_id, sum(t.principal_change) FROM loan_transactions t JOIN loans l ON l.id = t.loan_id "
            "WHERE l.status = 'aktif' AND t.date <= %s GROUP BY t.loan_id",
            (AS_OF,),
        ).fetchall()
    )
    paid = {
        (r[0], r[1]): r[2]
        for r in conn.execute(
            "SELECT a.installment_id, a.component, sum(a.amount) FROM loan_allocations a "
            "JOIN loan_transactions t ON t.id = a.transaction_id JOIN loans l ON l.id = t.loan_id "
            "WHERE l.status = 'aktif' AND t.date <= %s GROUP BY a.installment_id, a.component",
            (AS_OF,),
        )
    }
    oldest: dict[int, dt.date] = {}
    for iid, loan_id, due, principal, interest in conn.execute(
        "SELECT i.id, i.loan_id, i.due_date, i.principal, i.interest FROM loan_installments i "
        "JOIN loans l ON l.id = i.loan_id WHERE l.status = 'aktif' AND i.superseded_on IS NULL "
        "ORDER BY i.loan_id, i.no"
    ):
        unpaid = (
            principal + interest - paid.get((iid, "principal"), 0) - paid.get((iid, "interest"), 0)
        )
        if unpaid > 0 and due < AS_OF and loan_id not in oldest:
            oldest[loan_id] = due
    updates = []
    for (loan_id,) in loans:
        dpd = (AS_OF - oldest[loan_id]).days if loan_id in oldest else 0
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
        updates.append((int(outstanding.get(loan_id, 0)) * rate // 10_000, cls, loan_id))
    with conn.cursor() as cur:
        cur.executemany(
            "UPDATE loans SET ppap_booked = %s, quality_class = %s WHERE id = %s", updates
        )
    conn.rollback()


CHECK_SQL_PG = [
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


def _check_setup(url: str) -> dict:
    return {"db": _open(url), "url": url}


def _check_app(st: dict, i: int) -> None:
    from koperasi.services.check import run_checks

    rep = run_checks(st["db"])
    assert rep.ok, [str(p) for p in rep.problems[:3]]


def _check_base(st: dict, i: int) -> None:
    """The SQLite baseline's work with psycopg: the same aggregate queries, and the read +
    SHA-256 of the same rows as the server's JSON text (``json_build_array``,
    ``string_agg``), a range of ids at a time."""
    import hashlib

    from bench.scenarios import SEAL_CHUNK, SEAL_TABLES

    conn = st.setdefault("raw", _raw(st["url"]))
    for query in CHECK_SQL_PG:
        conn.execute(query).fetchall()
    for table, cols in SEAL_TABLES:
        top = conn.execute(f"SELECT coalesce(max(id), 0) FROM {table}").fetchone()[0]
        query = (
            f"SELECT string_agg(t, chr(10) ORDER BY id) FROM (SELECT id, json_build_array({cols})::text AS t "
            f"FROM {table} WHERE id > %s AND id <= %s) x"
        )
        h = hashlib.sha256()
        for lo in range(0, top, SEAL_CHUNK):
            text = conn.execute(query, (lo, lo + SEAL_CHUNK)).fetchone()[0]
            if text:
                h.update(text.encode())
        h.hexdigest()
    conn.rollback()


def _rat_setup(url: str) -> dict:
    with _raw(url) as conn:
        rows = conn.execute(
            "SELECT m.number, m.name, g.code, "
            "coalesce(sum(CASE WHEN p.kind IN ('pokok','wajib') THEN a.balance END), 0) "
            "FROM members m LEFT JOIN groups g ON g.id = m.group_id "
            "JOIN savings_accounts a ON a.member_id = m.id JOIN savings_products p ON p.id = a.product_id "
            "GROUP BY m.id, m.number, m.name, g.code ORDER BY m.number"
        ).fetchall()
    out = Path(tempfile.mkdtemp(prefix="koperasi-bench-rat-")) / "rat.pdf"
    return {"db": _open(url), "rows": [(a, b, c, int(d)) for a, b, c, d in rows], "out": out}


def _rat_app(st: dict, i: int) -> None:
    from koperasi.reports.common import ReportParams
    from koperasi.reports.registry import run

    run(st["db"], "rat", ReportParams(year=YEAR), "pdf", st["out"])


def _rat_base(st: dict, i: int) -> None:
    from bench.scenarios import _rat_base as rat_base

    rat_base(st, i)


# name -> (title, setup, app, baseline, runs, warmup, budget ms on the app, budget ratio)
SCENARIOS = {
    "repay": ("single loan repayment", _repay_setup, _repay_app, _repay_base, 15, 2, 20.0, None),
    "month_end": (
        "loan month-end (classify + PPAP)",
        _month_end_setup,
        _month_end_app,
        _month_end_base,
        2,
        0,
        None,
        None,
    ),
    "check": ("koperasi check", _check_setup, _check_app, _check_base, 1, 0, 10_000.0, None),
    "rat": ("RAT report PDF (build + render)", _rat_setup, _rat_app, _rat_base, 1, 0, None, 1.5),
}


MUTATING = {"repay", "month_end"}


def worker(name: str, variant: str, url: str) -> int:
    import koperasi.services.wiring  # noqa: F401 - the services' handlers, as the app wires them
    from bench.worker import _cpu, _own_peak_kb

    _title, setup, app, base, runs, warmup, _b, _r = SCENARIOS[name]
    out: dict = {"scenario": name, "variant": variant}
    try:
        st = setup(url)
        fn = app if variant == "app" else base
        times, cpus = [], []
        for i in range(warmup + runs):
            c0, t0 = _cpu(), time.perf_counter()
            fn(st, i if variant == "app" else i + 20)  # the baseline repays other loans
            if i >= warmup:
                times.append(time.perf_counter() - t0)
                cpus.append(_cpu() - c0)
        out.update(times=times, cpu_times=cpus, rss_kb=_own_peak_kb())
        if "active" in st:
            out["active"] = st["active"]
    except Exception as exc:
        import traceback

        out["error"] = f"{type(exc).__name__}: {exc}"
        out["traceback"] = traceback.format_exc()[-3000:]
    print(json.dumps(out))
    return 0


def run_variant(name: str, variant: str, url: str) -> dict:
    proc = subprocess.run(
        [sys.executable, "-m", "bench.pg", "--worker", name, variant, url],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"error": f"worker exited {proc.returncode}: {proc.stderr[-800:]}"}
    return json.loads(lines[-1])


# ============================================================== concurrency
def _totals(url: str) -> dict[str, int]:
    with _raw(url) as conn:
        acc = dict(conn.execute("SELECT code, id FROM accounts").fetchall())
        row = conn.execute(
            "SELECT coalesce(sum(CASE WHEN account_id = %s THEN debit - credit END), 0), "
            "coalesce(sum(CASE WHEN account_id = %s THEN credit - debit END), 0), "
            "coalesce(sum(debit), 0), count(*) FROM journal_lines",
            (acc["1.01"], acc["1.20"]),
        ).fetchone()
        savings = conn.execute("SELECT coalesce(sum(balance), 0) FROM savings_accounts").fetchone()[
            0
        ]
        loans = conn.execute(
            "SELECT coalesce(sum(principal_outstanding), 0) FROM loans"
        ).fetchone()[0]
        entries = conn.execute("SELECT count(*) FROM journal_entries").fetchone()[0]
    return {
        "cash": int(row[0]),
        "loan_ledger": -int(row[1]),
        "savings": int(savings),
        "loans": int(loans),
        "entries": int(entries),
    }


def _client(url: str, n: int, seconds: float, loans: list, members: list, q) -> None:  # type: ignore[no-untyped-def]
    """One client (process): repayments of its own loans and sukarela deposits of its own
    members, alternately, as fast as it can for ``seconds``."""
    import koperasi.services.wiring  # noqa: F401
    from koperasi.errors import Conflict
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans.repayments import repay
    from koperasi.services.savings import deposit

    db = _open(url)
    rng = random.Random(n)
    lat, errors = [], []
    conflicts = 0
    posted = {"cash": 0, "savings": 0, "repaid": 0, "entries": 0}
    end = time.monotonic() + seconds
    k = 0
    while time.monotonic() < end:
        k += 1
        if k % 2 and loans:
            number, _m, amount = loans[(k // 2) % len(loans)]
            amount = max(1000, amount // 4)  # partial payments: a loan can take many

            def post(number=number, amount=amount) -> None:  # type: ignore[no-untyped-def]
                repay(db, SYSTEM, number, amount, NEXT_DAY, confirm_large=True)

            what = "repaid"
        else:
            number = members[rng.randrange(len(members))]
            amount = rng.randrange(10, 51) * 1000  # at least the opening minimum

            def post(number=number, amount=amount) -> None:  # type: ignore[no-untyped-def]
                deposit(db, SYSTEM, number, "SUKARELA", amount, NEXT_DAY, confirm_large=True)

            what = "savings"
        t0 = time.perf_counter()
        for _attempt in range(10):  # the app reports a conflict; the treasurer presses again
            try:
                post()
            except Conflict:
                conflicts += 1
                continue
            except Exception as exc:  # counted, the run goes on
                errors.append(f"{type(exc).__name__}: {str(exc)[:120]}")
                break
            posted[what] += amount
            posted["cash"] += amount
            posted["entries"] += 1
            lat.append(time.perf_counter() - t0)
            break
        else:
            errors.append("Conflict: 10 times in a row")
    db.dispose()
    q.put({"client": n, "lat": lat, "errors": errors, "conflicts": conflicts, "posted": posted})


def concurrency(url: str, seconds: float, clients: int, say) -> dict:  # type: ignore[no-untyped-def]
    loans = _loans(url, 0, 60 * clients)  # a copy of its own: any loans
    with _raw(url) as conn:
        members = [
            r[0]
            for r in conn.execute(
                "SELECT m.number FROM members m JOIN savings_accounts a ON a.member_id = m.id "
                "JOIN savings_products p ON p.id = a.product_id WHERE p.code = 'SUKARELA' "
                "AND m.status = 'aktif' ORDER BY m.id LIMIT 400"
            )
        ]
    before = _totals(url)
    ctx = mp.get_context("spawn")
    q = ctx.Queue()
    procs = [
        ctx.Process(
            target=_client,
            args=(url, n, seconds, loans[n::clients], members[n::clients], q),
        )
        for n in range(clients)
    ]
    started = time.monotonic()
    for p in procs:
        p.start()
    results = [q.get(timeout=seconds + 600) for _ in procs]
    for p in procs:
        p.join()
    wall = time.monotonic() - started
    after = _totals(url)
    lat = sorted(x for r in results for x in r["lat"])
    errors = [e for r in results for e in r["errors"]]
    conflicts = sum(r["conflicts"] for r in results)
    posted = {k: sum(r["posted"][k] for r in results) for k in results[0]["posted"]}
    exact = {
        "cash": after["cash"] - before["cash"] == posted["cash"],
        "savings": after["savings"] - before["savings"] == posted["savings"],
        "entries": after["entries"] - before["entries"] >= posted["entries"],
        # principal repaid = the fall of the outstanding principal = the loan ledger's fall
        "loans": (before["loans"] - after["loans"])
        == (before["loan_ledger"] - after["loan_ledger"]),
    }
    say(f"concurrency: {len(lat)} postings in {wall:.0f} s, {len(errors)} errors, exact {exact}")
    for e in sorted(set(errors))[:5]:
        say(f"  failed posting: {e}")
    from koperasi.services.check import run_checks

    db = _open(url)
    rep = run_checks(db)
    db.dispose()
    return {
        "postings": len(lat),
        "seconds": seconds,
        "throughput": len(lat) / seconds,
        "p50_ms": 1000 * statistics.median(lat) if lat else None,
        "p95_ms": 1000 * lat[int(0.95 * (len(lat) - 1))] if lat else None,
        "errors": len(errors),
        "conflicts": conflicts,
        "error_kinds": sorted({e.split(":")[0] for e in errors}),
        "error_samples": sorted(set(errors))[:3],
        "posted": posted,
        "delta": {k: after[k] - before[k] for k in after},
        "exact": exact,
        "check_ok": rep.ok,
        "check_problems": [str(p)[:200] for p in rep.problems[:3]],
    }


# ============================================================== the run
def _ms(x: float | None) -> str:
    return "-" if x is None else (f"{x * 1000:,.0f} ms" if x >= 1 else f"{x * 1000:.1f} ms")


def _med(res: dict, key: str) -> float | None:
    return statistics.median(res[key]) if res and res.get(key) else None


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] == "--worker":
        return worker(*argv[1:4])
    parser = argparse.ArgumentParser(description="Koperasi benchmarks on PostgreSQL")
    parser.add_argument("--scale", default="1", help="data scale of the book (default 1)")
    parser.add_argument("--seconds", type=float, default=60.0, help="concurrency run (s)")
    parser.add_argument("--clients", type=int, default=4)
    parser.add_argument("--only", help="comma-separated: repay,month_end,check,rat,concurrency")
    parser.add_argument(
        "--record", action="store_true", help="write the table into bench/README.md"
    )
    args = parser.parse_args(argv)

    def say(msg: str) -> None:
        print(f"[bench-pg] {msg}", file=sys.stderr, flush=True)

    bin_dir = pg_bin()
    if bin_dir is None:
        say(
            "PostgreSQL binaries not found (looked in /usr/lib/postgresql/*/bin, KOPERASI_PG_BIN "
            "and PATH): bench-pg skipped"
        )
        return 0
    from .run import _scale_tag, ensure_db, machine

    names = args.only.split(",") if args.only else [*SCENARIOS, "concurrency"]
    scale = float(args.scale)
    load = os.getloadavg()[0]
    book = ensure_db("large", scale, say)
    server = PgServer(bin_dir, prefix="koperasi-bench-pg-", settings=SERVER_SETTINGS, timeout=300)
    started = time.monotonic()
    try:
        server.start()
        server.admin("CREATE DATABASE bench")
        url = server.url("bench")
        t0 = time.monotonic()
        counts = load_book(book, url, say)
        load_s = time.monotonic() - t0
        say(f"loaded the {_scale_tag(scale)} book in {load_s:.0f} s")
        # the posting scenarios' raw baselines write rows without seals (as on SQLite, where
        # they work on a private copy): they and the concurrency run get copies of the book,
        # the check and the RAT report read the book as loaded
        copies = {"mutable": "bench_mutable", "concurrency": "bench_concurrency"}
        for name in copies.values():
            server.admin(f"CREATE DATABASE {name} TEMPLATE bench STRATEGY FILE_COPY")
        server.durable()
        rows = []
        for name in names:
            if name == "concurrency":
                continue
            title, *_rest, budget_ms, budget_ratio = SCENARIOS[name]
            where = server.url(copies["mutable"]) if name in MUTATING else url
            base = run_variant(name, "baseline", where)
            app = run_variant(name, "app", where)
            a, b = _med(app, "times"), _med(base, "times")
            ratio = a / b if a and b else None
            if name == "month_end" and app.get("active"):
                title += f" ({app['active']:,} active loans)"
                # the SQLite bench's budget: 15 s for 30,000 active loans, scaled
                budget_ms = 15_000 * app["active"] / 30_000
            verdict = "-"
            if a is not None:
                if budget_ms is not None:
                    verdict = "ok" if a * 1000 <= budget_ms else "MISSED"
                if budget_ratio is not None and ratio is not None:
                    verdict = "ok" if ratio <= budget_ratio else "MISSED"
            for label, res in (("app", app), ("baseline", base)):
                if "error" in res:
                    verdict = f"ERROR ({label}: {res['error'][:160]})"
                    say(f"{name} {label}: {res.get('traceback', res['error'])}")
            rows.append(
                f"| {title} | {_ms(a)} | {_ms(_med(app, 'cpu_times'))} | "
                f"{(app.get('rss_kb') or 0) // 1024} MB | {_ms(b)} | {_ms(_med(base, 'cpu_times'))} | "
                f"{'-' if ratio is None else f'{ratio:.2f}x'} | "
                f"{f'≤ {budget_ms:,.0f} ms' if budget_ms else (f'≤ {budget_ratio}x' if budget_ratio else '-')} | {verdict} |"
            )
            say(rows[-1])
        conc = None
        if "concurrency" in names:
            conc = concurrency(server.url(copies["concurrency"]), args.seconds, args.clients, say)
    finally:
        server.stop()
    head = (
        "| scenario (PostgreSQL, book "
        + _scale_tag(scale)
        + ") | app median (wall) | app CPU (client) "
        "| app peak RSS | raw psycopg median | raw CPU | ratio (wall) | budget | met? |\n"
        "|---|---:|---:|---:|---:|---:|---:|---|---|"
    )
    text = [head, *rows]
    if conc:
        text.append(
            f"\nConcurrency: {args.clients} client processes posting loan repayments and sukarela "
            f"deposits alternately for {conc['seconds']:.0f} s: {conc['postings']:,} postings, "
            f"{conc['throughput']:.1f} per s, latency p50 {conc['p50_ms']:.0f} ms / p95 "
            f"{conc['p95_ms']:.0f} ms, {conc['conflicts']} conflicts retried, {conc['errors']} failed postings "
            f"{' '.join(conc['error_kinds'])}; totals exact: "
            f"{'yes' if all(conc['exact'].values()) else 'NO ' + json.dumps(conc['exact'])} "
            f"(cash +{conc['delta']['cash']:,} = posted {conc['posted']['cash']:,}; savings "
            f"+{conc['delta']['savings']:,} = deposited {conc['posted']['savings']:,}; loan "
            f"principal {conc['delta']['loans']:,} = loan ledger {conc['delta']['loan_ledger']:,}); "
            f"`check` afterwards: {'green' if conc['check_ok'] else 'PROBLEMS ' + str(conc['check_problems'])}."
        )
    footer = (
        f"\nMachine: {machine()}, shared with other work (2 cores). Run "
        f"{time.strftime('%Y-%m-%d %H:%M %Z')}, took {(time.monotonic() - started) / 60:.1f} min "
        f"(loading the {_scale_tag(scale)} book, {sum(counts.values()):,} rows: {load_s:.0f} s); "
        f"load average {load:.1f} at the start, {os.getloadavg()[0]:.1f} at the end. PostgreSQL "
        f"from {bin_dir}, fsync and synchronous_commit on while timing."
    )
    out = "\n".join(text) + "\n" + footer
    print(out)
    if args.record:
        body = README.read_text(encoding="utf-8")
        if BEGIN not in body:
            body += f"\n{BEGIN}\n{END}\n"
        head_, rest = body.split(BEGIN, 1)
        _old, tail = rest.split(END, 1)
        README.write_text(f"{head_}{BEGIN}\n{out}\n{END}{tail}", encoding="utf-8")
        say(f"recorded in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

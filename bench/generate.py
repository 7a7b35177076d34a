"""A synthetic LARGE cooperative for the benchmarks, built fast (bulk inserts in batches).

At scale 1: 10,000 members in 400 groups, 5 years of monthly wajib and weekly sukarela at the
group meetings, ~30,000 loans of every method (flat, annuity, declining, weekly group loans)
with their schedules and repayments: roughly two million journal lines. Scale 2 and 4 double
and quadruple members, groups and loans (same years).

How it stays fast: the small structural part (settings, loan products) goes through the real
services; everything bulky is generated in Python as plain tuples with ids assigned here and
written with ``executemany`` in batches on the raw SQLite connection, month by month in date
order (so ids grow with dates, as when the app posts). Each row has the exact shape the
services write (journal entry + balanced lines per movement, subledger rows pointing at their
entry, loan schedules from :mod:`koperasi.domain.schedule`, allocations per installment,
cached balances, receipt counters, journal seals when that module exists), so the result
passes ``koperasi check`` (verified by ``--check`` and by the smoke test).

Not generated in bulk: audit-trail rows (the real services write one per use case; the
bulk rows are "migrated history" without them), savings interest and month-end closings.

    python -m bench.generate bench/results/large.db [--scale 1] [--seed 1] [--check]
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import sqlite3
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

# Bump when the generated data changes (not for speed-ups): the runner caches the databases
# built by this version in the user's cache folder.
VERSION = 2
AS_OF = dt.date(2026, 10, 31)
BATCH = 20_000
BULK_TABLES = (
    "members",
    "member_vulnerabilities",
    "group_memberships",
    "savings_accounts",
    "loans",
    "loan_installments",
    "journal_entries",
    "journal_lines",
    "journal_seals",
    "savings_transactions",
    "loan_transactions",
    "loan_allocations",
)
ACTOR = "bench"


@dataclass(frozen=True)
class Size:
    members: int
    groups: int
    loans: int
    years: int = 5

    @classmethod
    def at(cls, scale: float) -> Size:
        return cls(
            members=max(10, round(10_000 * scale)),
            groups=max(1, round(400 * scale)),
            loans=max(5, round(30_000 * scale)),
        )


@dataclass
class Stats:
    members: int = 0
    groups: int = 0
    loans: int = 0
    active_loans: int = 0
    entries: int = 0
    lines: int = 0
    savings_tx: int = 0
    loan_tx: int = 0
    installments: int = 0
    seconds: float = 0.0
    counts: dict = field(default_factory=dict)


# ------------------------------------------------------------------ loan products
PRODUCTS = [
    # code, name, method, rate, rate_per, unit, terms, amounts, fee %, group, weight
    (
        "UMUM",
        "Pinjaman Umum",
        "flat",
        "1.5",
        "month",
        "month",
        (6, 10, 12, 12, 18, 24),
        (1_000_000, 2_000_000, 3_000_000, 5_000_000, 7_500_000, 10_000_000),
        "1",
        False,
        35,
    ),
    (
        "ANUITAS",
        "Pinjaman Usaha Anuitas",
        "annuity",
        "18",
        "year",
        "month",
        (12, 12, 24, 36),
        (5_000_000, 10_000_000, 15_000_000, 25_000_000),
        "1",
        False,
        15,
    ),
    (
        "MENURUN",
        "Pinjaman Menurun",
        "declining",
        "1.25",
        "month",
        "month",
        (6, 12, 12, 24),
        (2_000_000, 3_000_000, 5_000_000, 8_000_000),
        "0",
        False,
        20,
    ),
    (
        "KELOMPOK",
        "Pinjaman Kelompok Mingguan",
        "flat",
        "1.5",
        "month",
        "week",
        (20, 25, 25, 40),
        (500_000, 1_000_000, 1_500_000, 2_000_000, 3_000_000),
        "1",
        True,
        30,
    ),
]


def _add_products(db) -> None:  # type: ignore[no-untyped-def]
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loan_products import ProductInput, add_product_in
    from koperasi.services.uow import unit_of_work

    with unit_of_work(db) as s:
        for code, name, method, rate, per, unit, terms, amounts, fee, group, _w in PRODUCTS:
            add_product_in(
                s,
                SYSTEM,
                ProductInput(
                    code=code,
                    name=name,
                    method=method,
                    rate=Decimal(rate),
                    rate_per=per,
                    unit=unit,
                    min_amount=min(amounts),
                    max_amount=max(amounts),
                    min_term=min(terms),
                    max_term=max(terms),
                    fee_kind="percent" if Decimal(fee) else "none",
                    fee_percent=Decimal(fee),
                    penalty_kind="percent",
                    penalty_percent=Decimal("0.1"),
                    penalty_per="day",
                    penalty_grace_days=3,
                    group_loan=group,
                ),
            )


# ------------------------------------------------------------------ helpers
def _month_end(y: int, m: int) -> dt.date:
    return (dt.date(y + (m == 12), m % 12 + 1, 1)) - dt.timedelta(days=1)


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


class Writer:
    """Buffers rows per table and flushes them with executemany."""

    def __init__(self, conn: sqlite3.Connection, stats: Stats) -> None:
        self.conn = conn
        self.stats = stats
        self.buffers: dict[str, list[tuple]] = defaultdict(list)
        self.sql: dict[str, str] = {}
        self.order: list[str] = []

    def table(self, name: str, columns: str) -> None:
        n = len(columns.split(","))
        self.sql[name] = f"INSERT INTO {name} ({columns}) VALUES ({', '.join('?' * n)})"
        self.order.append(name)

    def add(self, name: str, row: tuple) -> None:
        buf = self.buffers[name]
        buf.append(row)
        if len(buf) >= BATCH:
            self.flush()

    def flush(self) -> None:
        # parents before children (foreign keys are on)
        for name in self.order:
            buf = self.buffers.get(name)
            if buf:
                self.conn.executemany(self.sql[name], buf)
                self.stats.counts[name] = self.stats.counts.get(name, 0) + len(buf)
                buf.clear()


class Books:
    """Assigns ids and receipt numbers; writes entries, lines and subledger rows."""

    def __init__(self, w: Writer, conn: sqlite3.Connection, accounts: dict[str, int]) -> None:
        self.w = w
        self.acc = accounts
        self.entry_id = conn.execute("SELECT max(id) FROM journal_entries").fetchone()[0] or 0
        self.line_id = conn.execute("SELECT max(id) FROM journal_lines").fetchone()[0] or 0
        self.sav_tx_id = conn.execute("SELECT max(id) FROM savings_transactions").fetchone()[0] or 0
        self.loan_tx_id = conn.execute("SELECT max(id) FROM loan_transactions").fetchone()[0] or 0
        self.alloc_id = conn.execute("SELECT max(id) FROM loan_allocations").fetchone()[0] or 0
        self.counters: dict[tuple[str, int], int] = defaultdict(int)
        for series, year, last in conn.execute(
            "SELECT series, year, last_no FROM receipt_counters"
        ):
            self.counters[(series, year)] = last
        self.cash = 0
        # journal seals (koperasi.services.seal), written with each entry as the app does
        self.seal = None
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")}
        if "journal_seals" in tables:
            from koperasi.services import seal

            self.seal = seal
            self.seal_id, last = conn.execute(
                "SELECT coalesce(max(id), 0), (SELECT hash FROM journal_seals ORDER BY id DESC LIMIT 1) FROM journal_seals"
            ).fetchone()
            self.seal_prev = last or ""

    def receipt(self, series: str, year: int) -> str:
        self.counters[(series, year)] += 1
        return f"{series}-{year}-{self.counters[(series, year)]:06d}"

    def entry(
        self,
        date: dt.date,
        text: str,
        source: str,
        ref: str,
        receipt: str | None,
        lines: list[tuple[str, int, int, int | None, str]],
    ) -> int:
        self.entry_id += 1
        eid = self.entry_id
        posted = dt.datetime.combine(date, dt.time(9)) + dt.timedelta(seconds=eid % 28_000)
        self.w.add("journal_entries", (eid, date, text, source, ref, receipt, None, posted, ACTOR))
        hashes = []
        for code, debit, credit, member_id, memo in lines:
            self.line_id += 1
            account = self.acc[code]
            self.w.add(
                "journal_lines", (self.line_id, eid, account, debit, credit, member_id, memo)
            )
            if self.seal is not None:
                hashes.append(
                    (
                        self.line_id,
                        self.seal.line_hash(
                            self.line_id, eid, account, debit, credit, member_id, memo
                        ),
                    )
                )
            if code == "1.01":
                self.cash += debit - credit
        if self.seal is not None:
            sealed = self.seal.lines_text(hashes)
            h = self.seal.entry_hash(
                self.seal_prev, eid, date, text, source, ref, receipt, None, posted, ACTOR, sealed
            )
            self.seal_id += 1
            self.w.add("journal_seals", (self.seal_id, eid, sealed, self.seal_prev, h))
            self.seal_prev = h
        return eid


# ------------------------------------------------------------------ the generator
def _close_seal_blocks(path: Path, say) -> None:  # type: ignore[no-untyped-def]
    """The block seals over the generated journal (koperasi.db.blocks, when that module
    exists), as the app closes them while it posts. The rows were sealed here a moment ago,
    so they are not verified again one by one (the migration that seals an existing book
    does verify them)."""
    try:
        from koperasi.db import blocks
    except ImportError:  # a version without block seals
        return
    from sqlalchemy import create_engine, inspect

    t = time.monotonic()
    engine = create_engine(f"sqlite:///{path}")
    try:
        with engine.begin() as conn:
            if not inspect(conn).has_table("seal_blocks"):
                return
            n = sum(
                blocks.close_all(conn, kind, verify=False)
                for kind in (blocks.JOURNAL, blocks.AUDIT)
            )
    finally:
        engine.dispose()
    say(f"[generate] {n} seal blocks closed ({time.monotonic() - t:.0f} s)")


def generate(
    path: Path | str,
    scale: float = 1.0,
    seed: int = 1,
    as_of: dt.date = AS_OF,
    check: bool = False,
    quiet: bool = False,
    members: int | None = None,
) -> Stats:
    """Build the database at ``path`` (replaced). ``members=N``: only N members with their
    groups and (empty) savings accounts, no money movements (the member-search database)."""
    from koperasi.db.database import open_database
    from koperasi.demo import builder as demo
    from koperasi.demo import sample_data
    from koperasi.domain.money import RoundingMode, percent_of
    from koperasi.domain.schedule import ScheduleTerms, next_meeting_day
    from koperasi.domain.schedule import generate as make_schedule

    started = time.monotonic()
    say = (lambda *a: None) if quiet else (lambda *a: print(*a, file=sys.stderr, flush=True))
    path = Path(path)
    for suffix in ("", "-wal", "-shm"):
        Path(f"{path}{suffix}").unlink(missing_ok=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    size = Size.at(scale)
    if members is not None:
        size = Size(members=members, groups=max(1, members // 25), loans=0)
    rng = random.Random(seed)
    stats = Stats()
    start = dt.date(as_of.year - size.years, as_of.month, 1)
    months = _months(start, as_of)

    db = open_database(path)
    try:
        _add_products(db)
        from koperasi.services.auth import SYSTEM
        from koperasi.services.settings import Profile, profile_in, set_value
        from koperasi.services.uow import unit_of_work

        with unit_of_work(db) as s:
            prof = profile_in(s)
            set_value(
                s,
                SYSTEM,
                "profile",
                {
                    **prof.__dict__,
                    **Profile(
                        name="KSP Bench Sejahtera (data sintetis)",
                        legal_number="AHU-0099999.AH.01.26.2020",
                        address="Jl. Jenderal Sudirman No. 1, Balikpapan",
                        city="Balikpapan",
                        phone="0542-000000",
                        chair="Ketua Bench",
                        secretary="Sekretaris Bench",
                        treasurer="Bendahara Bench",
                    ).__dict__,
                },
            )
    finally:
        db.dispose()

    conn = sqlite3.connect(path, isolation_level=None)
    conn.execute("PRAGMA foreign_keys=ON")
    conn.execute("PRAGMA synchronous=OFF")
    # a fresh file built in one go: no journal while loading (WAL again at the end), and the
    # secondary indexes of the bulk tables dropped now and rebuilt once, sorted, at the end
    # (inserting millions of rows into a dozen random-order B-trees is what made the build slow)
    conn.execute("PRAGMA journal_mode=OFF")
    conn.execute("PRAGMA cache_size=-400000")
    conn.execute("PRAGMA temp_store=MEMORY")
    indexes = conn.execute(
        "SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL "
        f"AND tbl_name IN ({', '.join('?' * len(BULK_TABLES))})",
        BULK_TABLES,
    ).fetchall()
    for name, _sql in indexes:
        conn.execute(f'DROP INDEX "{name}"')
    conn.execute("BEGIN")
    w = Writer(conn, stats)
    w.table(
        "groups",
        "id, code, name, leader_member_id, meeting_day, meeting_place, kelurahan, formed_on, active, created_at",
    )
    w.table(
        "members",
        "id, number, nik, name, name_key, gender, birth_place, birth_date, address, kelurahan, kecamatan, phone, occupation, join_date, heir_name, heir_relation, status, status_date, exit_reason, group_id, created_at",
    )
    w.table("member_vulnerabilities", "member_id, category_id")
    w.table("group_memberships", "id, member_id, group_id, joined_on, left_on")
    w.table("savings_accounts", "id, number, member_id, product_id, opened_on, closed_on, balance")
    w.table(
        "loans",
        "id, number, member_id, product_id, group_id, status, applied_on, amount, term, method, rate, rate_per, every, unit, first_due, purpose, guarantor, collateral, recoverable, decided_on, decided_by, decision_note, disbursed_on, disbursed_to, fee, closed_on, written_off_on, principal_outstanding, ppap_booked, quality_class, schedule_version, created_at, created_by",
    )
    w.table(
        "loan_installments",
        "id, loan_id, version, no, due_date, principal, interest, fee, valid_from, superseded_on",
    )
    w.table(
        "journal_entries",
        "id, date, description, source, source_ref, receipt_no, reverses_entry_id, posted_at, posted_by",
    )
    w.table("journal_lines", "id, entry_id, account_id, debit, credit, member_id, memo")
    if "journal_seals" in {
        r[0] for r in conn.execute("SELECT name FROM sqlite_master WHERE type='table'")
    }:
        w.table("journal_seals", "id, entry_id, lines, prev_hash, hash")
    w.table(
        "savings_transactions",
        "id, account_id, date, kind, amount, receipt_no, journal_entry_id, reverses_id, memo, created_at, created_by",
    )
    w.table(
        "loan_transactions",
        "id, loan_id, date, kind, amount, principal, interest, fee, penalty, principal_change, source, receipt_no, journal_entry_id, reverses_id, replays_id, memo, created_at, created_by",
    )
    w.table("loan_allocations", "id, transaction_id, installment_id, component, amount")

    accounts = dict(conn.execute("SELECT code, id FROM accounts"))
    sav_products = {
        kind: (pid, code, acc, fixed, minb)
        for pid, code, kind, acc, fixed, minb in conn.execute(
            "SELECT id, code, kind, account_code, fixed_amount, min_balance FROM savings_products WHERE active AND kind != 'berjangka'"
        )
    }
    categories = dict(conn.execute("SELECT code, id FROM vulnerability_categories"))
    loan_products = {
        code: (pid, method, Decimal(rate), per, unit, every, Decimal(fee_pct), group)
        for pid, code, method, rate, per, unit, every, fee_pct, group in conn.execute(
            "SELECT id, code, method, rate, rate_per, unit, every, fee_percent, group_loan FROM loan_products"
        )
    }
    rounding = RoundingMode.HALF_UP
    books = Books(w, conn, accounts)
    now = dt.datetime(as_of.year, as_of.month, as_of.day, 12)

    # ---- groups
    say(
        f"[generate] scale {scale}: {size.members} members, {size.groups} groups, {size.loans} loans, {len(months)} months"
    )
    kel_names = list(sample_data.KELURAHAN)
    gid0 = conn.execute("SELECT coalesce(max(id), 0) FROM groups").fetchone()[0]
    groups = []
    for i in range(size.groups):
        kel = kel_names[i % len(kel_names)]
        base = sample_data.GROUP_NAMES[i % len(sample_data.GROUP_NAMES)]
        name = f"Kelompok {base}" + (
            "" if i < len(sample_data.GROUP_NAMES) else f" {i // len(sample_data.GROUP_NAMES) + 1}"
        )
        day = rng.randint(0, 5)
        groups.append((gid0 + i + 1, day, kel))
        w.add(
            "groups",
            (
                gid0 + i + 1,
                f"K{i + 1:04d}",
                name,
                None,
                day,
                f"Rumah ketua, RT {rng.randint(1, 40):02d} {kel}",
                kel,
                start,
                1,
                now,
            ),
        )
    w.flush()

    # ---- members (60 % at the start, the rest join over the first four years)
    mid0 = conn.execute("SELECT coalesce(max(id), 0) FROM members").fetchone()[0]
    acc0 = conn.execute("SELECT coalesce(max(id), 0) FROM savings_accounts").fetchone()[0]
    gm0 = conn.execute("SELECT coalesce(max(id), 0) FROM group_memberships").fetchone()[0]
    people = []  # (member_id, number, name, join, group index, reliability, saver, {kind: acc id})
    niks: set[str] = set()
    join_span = max(1, min(len(months) - 3, 48))
    for i in range(size.members):
        mid = mid0 + i + 1
        gi = i % size.groups
        g_id, _day, kel = groups[gi]
        kecamatan, kec_code, fringe = sample_data.KELURAHAN[kel]
        female = rng.random() < 0.72
        name = f"{rng.choice(sample_data.WOMEN if female else sample_data.MEN)} {rng.choice(sample_data.FAMILY)}"
        birth = dt.date(rng.randint(1955, 2003), rng.randint(1, 12), rng.randint(1, 28))
        mi = 0 if rng.random() < 0.6 else rng.randint(0, join_span)
        y, m = months[mi]
        join = dt.date(y, m, rng.randint(1, 28))
        seq = i
        while True:
            nik = demo._nik(rng, kec_code, birth, female, seq)
            if nik not in niks:
                break
            seq += 10_000
            if seq >= 100_000_000:
                nik = f"{rng.randrange(10**15, 10**16)}"
                if nik not in niks:
                    break
        niks.add(nik)
        number = f"A{i + 1:05d}"
        w.add(
            "members",
            (
                mid,
                number,
                nik,
                name,
                name.lower(),
                "P" if female else "L",
                rng.choice(("Balikpapan", "Samarinda", "Makassar", "Banjarmasin", "Surabaya")),
                birth,
                f"Jl. {rng.choice(('Mulawarman', 'Soekarno-Hatta', 'Manunggal', 'Pelita'))} RT {rng.randint(1, 60):02d} No. {rng.randint(1, 120)}",
                kel,
                kecamatan,
                f"08{rng.choice(('11', '12', '13', '21', '52', '53', '57'))}{rng.randint(10_000_000, 99_999_999)}",
                rng.choice(sample_data.OCCUPATIONS_W if female else sample_data.OCCUPATIONS_M),
                join,
                f"{rng.choice(sample_data.MEN if female else sample_data.WOMEN)} {rng.choice(sample_data.FAMILY)}",
                rng.choice(("Suami", "Anak") if female else ("Istri", "Anak")),
                "aktif",
                join,
                "",
                g_id,
                now,
            ),
        )
        cats = []
        if female and rng.random() < 0.28:
            cats.append("pkk")
        if rng.random() < 0.05:
            cats.append("disabilitas")
        if (join - birth).days // 365 >= 60:
            cats.append("lansia")
        if fringe:
            cats.append("pinggiran")
        if rng.random() < 0.18:
            cats.append("bansos")
        for c in cats:
            if c in categories:
                w.add("member_vulnerabilities", (mid, categories[c]))
        w.add("group_memberships", (gm0 + i + 1, mid, g_id, join, None))
        accts = {}
        for kind, (pid, pcode, _acc, _fixed, _minb) in sav_products.items():
            acc0 += 1
            accts[kind] = acc0
            w.add("savings_accounts", (acc0, f"{number}-{pcode}", mid, pid, join, None, 0))
        people.append(
            (
                mid,
                number,
                name,
                join,
                gi,
                rng.choice((0.98, 0.95, 0.9, 0.85, 0.6)),
                rng.random() < 0.55,
                accts,
            )
        )
    w.flush()
    conn.executemany(
        "UPDATE groups SET leader_member_id = ? WHERE id = ?",
        [(people[gi][0], groups[gi][0]) for gi in range(min(size.groups, size.members))],
    )
    books.counters[("AGT", 0)] = max(books.counters[("AGT", 0)], size.members)
    stats.members, stats.groups = size.members, size.groups

    if members is not None:
        months = []
    # ---- events, bucketed by month: (date, order, kind, payload)
    month_index = {ym: k for k, ym in enumerate(months)}
    events: list[list[tuple]] = [[] for _ in months]

    def put(date: dt.date, kind: int, payload: tuple) -> None:
        if date <= as_of:
            events[month_index[(date.year, date.month)]].append((date, kind, payload))

    SAV, LOAN_OUT, LOAN_PAY, EXPENSE = 0, 1, 2, 3
    pokok = sav_products["pokok"]
    wajib = sav_products["wajib"]
    for p in people if members is None else []:
        mid, number, name, join, gi, rel, saver, accts = p
        put(join, SAV, (p, "pokok", pokok[3], "setor", "Simpanan pokok"))
        y, m = join.year, join.month
        meeting_day = groups[gi][1]
        for k in range(month_index[(y, m)], len(months)):
            yy, mm = months[k]
            if rng.random() < rel:
                d = dt.date(yy, mm, rng.randint(1, 28))
                if d >= join:
                    put(d, SAV, (p, "wajib", wajib[3], "setor", "Simpanan wajib"))
            if saver:
                # sukarela at the weekly meetings: about once a month on average
                first = dt.date(yy, mm, 1)
                meet = first + dt.timedelta(days=(meeting_day - first.weekday()) % 7)
                while meet.month == mm:
                    if meet >= join and rng.random() < 0.15:
                        amt = rng.choice((20_000, 25_000, 50_000, 50_000, 100_000, 200_000))
                        put(
                            meet,
                            SAV,
                            (p, "sukarela", amt, "setor", "Setoran sukarela, pertemuan kelompok"),
                        )
                    meet += dt.timedelta(days=7)
                if rng.random() < 0.06:
                    put(_month_end(yy, mm), SAV, (p, "sukarela", 0, "tarik", "Penarikan sukarela"))

    # ---- loans: chains per member (a member borrows again after repaying)
    weights = [prod[-1] for prod in PRODUCTS]
    next_free = {p[0]: p[3] + dt.timedelta(days=rng.randint(20, 120)) for p in people}
    defaulted: set[int] = set()
    loan_id0 = conn.execute("SELECT coalesce(max(id), 0) FROM loans").fetchone()[0]
    inst_id = conn.execute("SELECT coalesce(max(id), 0) FROM loan_installments").fetchone()[0]
    loans_made = 0
    last_start = as_of - dt.timedelta(days=20)
    order = list(people)
    pj_counter: dict[int, int] = defaultdict(int)
    while loans_made < size.loans:
        rng.shuffle(order)
        progressed = False
        for p in order:
            if loans_made >= size.loans:
                break
            mid, number, name, join, gi, rel, saver, accts = p
            if mid in defaulted or next_free[mid] > last_start:
                continue
            prod = rng.choices(PRODUCTS, weights)[0]
            code = prod[0]
            pid, method, rate, per, unit, every, fee_pct, group_loan = loan_products[code]
            amount = rng.choice(prod[7])
            term = rng.choice(prod[6])
            disbursed = next_free[mid]
            first_due = None
            if group_loan:
                meet_day = groups[gi][1]
                disbursed = disbursed + dt.timedelta(days=(meet_day - disbursed.weekday()) % 7)
                if disbursed > last_start:
                    next_free[mid] = disbursed
                    continue
                first_due = next_meeting_day(disbursed, meet_day, 7 * every)
            sched = make_schedule(
                ScheduleTerms(
                    principal=amount,
                    rate=rate,
                    repayments=term,
                    disbursed=disbursed,
                    method=method,
                    rate_per=per,
                    every=every,
                    unit=unit,
                    first_due=first_due,
                    rounding=rounding,
                )
            )
            fee = percent_of(amount, fee_pct, RoundingMode.HALF_UP) if fee_pct else 0
            loans_made += 1
            progressed = True
            lid = loan_id0 + loans_made
            pj_counter[disbursed.year] += 1
            lnumber = f"PJ-{disbursed.year}-{pj_counter[disbursed.year]:05d}"
            # repayment behaviour: most pay each installment on (or just before) its due
            # date; about 5 % stop paying at some installment and stay in arrears
            stop_at = term + 1
            if rng.random() < 0.05:
                stop_at = rng.randint(1, term)
            insts = []
            for inst in sched.installments:
                inst_id += 1
                insts.append((inst_id, inst))
            payments = []
            last_paid = disbursed + dt.timedelta(days=1)
            for k, (iid, inst) in enumerate(insts, start=1):
                if k >= stop_at or inst.due_date > as_of:
                    break
                pay_on = inst.due_date - dt.timedelta(days=rng.choice((0, 0, 0, 0, 1, 2, 3)))
                last_paid = max(pay_on, last_paid)
                payments.append((last_paid, iid, inst.principal, inst.interest))
            outstanding = amount - sum(pr for _d, _i, pr, _in in payments)
            done = len(payments) == len(insts)
            status = "lunas" if done else "aktif"
            if status == "aktif":
                stats.active_loans += 1
            applied = disbursed - dt.timedelta(days=rng.randint(2, 10))
            w.add(
                "loans",
                (
                    lid,
                    lnumber,
                    mid,
                    pid,
                    groups[gi][0],
                    status,
                    applied,
                    amount,
                    term,
                    method,
                    str(rate),
                    per,
                    every,
                    unit,
                    sched.installments[0].due_date,
                    rng.choice(
                        (
                            "Modal usaha warung",
                            "Tambah stok dagangan",
                            "Perbaikan perahu",
                            "Biaya sekolah anak",
                            "Alat jahit baru",
                            "Renovasi dapur usaha",
                        )
                    ),
                    f"Persetujuan kelompok {groups[gi][0]}" if group_loan else "",
                    0,
                    0,
                    applied + dt.timedelta(days=1),
                    ACTOR,
                    "",
                    disbursed,
                    "kas",
                    fee,
                    last_paid if done else None,
                    None,
                    outstanding,
                    0,
                    "",
                    1,
                    now,
                    ACTOR,
                ),
            )
            for iid, inst in insts:
                w.add(
                    "loan_installments",
                    (
                        iid,
                        lid,
                        1,
                        inst.no,
                        inst.due_date,
                        inst.principal,
                        inst.interest,
                        0,
                        disbursed,
                        None,
                    ),
                )
            put(disbursed, LOAN_OUT, (lid, lnumber, p, amount, fee))
            for pay_on, iid, principal, interest in payments:
                put(pay_on, LOAN_PAY, (lid, lnumber, p, iid, principal, interest))
            if stop_at <= term:
                defaulted.add(mid)
            end = sched.installments[-1].due_date
            next_free[mid] = end + dt.timedelta(days=rng.randint(7, 60))
        if not progressed:
            break
    w.flush()
    for year, n in pj_counter.items():
        books.counters[("PJ", year)] = max(books.counters[("PJ", year)], n)
    stats.loans = loans_made

    # ---- cooperative expenses, monthly
    for y, m in months:
        for code, text, lo, hi in sample_data.EXPENSES:
            d = dt.date(y, m, rng.randint(1, 28))
            amt = lo if lo == hi else rng.randrange(lo, hi + 1, 5_000)
            put(d, EXPENSE, (code, f"{text} {m:02d}/{y}", amt * max(1, round(scale * 10))))

    # ---- post month by month, in date order
    balances: dict[int, int] = defaultdict(int)
    sav_tx = 0
    t0 = time.monotonic()
    for k, (y, m) in enumerate(months):
        bucket = events[k]
        bucket.sort(key=lambda e: (e[0], e[1]))
        for date, kind, payload in bucket:
            if kind == SAV:
                p, pkind, amount, tkind, memo = payload
                mid, number, name = p[0], p[1], p[2]
                acct = p[7][pkind]
                _pid, _pcode, acc_code, _fixed, minb = sav_products[pkind]
                if tkind == "tarik":
                    room = balances[acct] - minb
                    if room < 50_000:
                        continue
                    amount = -max(
                        50_000,
                        min(
                            room,
                            rng.randint(1, max(1, room // 50_000)) * 50_000 // 2 // 10_000 * 10_000,
                        ),
                    )
                elif pkind == "sukarela" and balances[acct] + amount < minb:
                    continue
                receipt = books.receipt("SMP", date.year)
                text = f"{'Setoran' if amount > 0 else 'Penarikan'} {pkind.capitalize()} {number} {name}"
                lines = (
                    [("1.01", amount, 0, mid, ""), (acc_code, 0, amount, mid, "")]
                    if amount > 0
                    else [(acc_code, -amount, 0, mid, ""), ("1.01", 0, -amount, mid, "")]
                )
                eid = books.entry(date, text, "simpanan", f"{number}-{_pcode}", receipt, lines)
                books.sav_tx_id += 1
                w.add(
                    "savings_transactions",
                    (
                        books.sav_tx_id,
                        acct,
                        date,
                        tkind,
                        amount,
                        receipt,
                        eid,
                        None,
                        memo,
                        now,
                        ACTOR,
                    ),
                )
                balances[acct] += amount
                sav_tx += 1
            elif kind == LOAN_OUT:
                lid, lnumber, p, amount, fee = payload
                mid, number, name = p[0], p[1], p[2]
                if books.cash < amount:  # the cooperative borrows from its bank / partners
                    top_up = (amount - books.cash) // 50_000_000 * 50_000_000 + 100_000_000
                    books.entry(
                        date,
                        "Modal penyertaan mitra (dana bergulir)",
                        "manual",
                        "",
                        books.receipt("JU", date.year),
                        [("1.01", top_up, 0, None, ""), ("3.12", 0, top_up, None, "")],
                    )
                receipt = books.receipt("PJM", date.year)
                lines = [("1.20", amount, 0, mid, lnumber), ("1.01", 0, amount - fee, mid, lnumber)]
                if fee:
                    lines.append(("4.20", 0, fee, mid, lnumber))
                eid = books.entry(
                    date,
                    f"Pencairan pinjaman {lnumber} {number} {name}",
                    "pinjaman",
                    lnumber,
                    receipt,
                    lines,
                )
                books.loan_tx_id += 1
                w.add(
                    "loan_transactions",
                    (
                        books.loan_tx_id,
                        lid,
                        date,
                        "pencairan",
                        amount - fee,
                        amount,
                        0,
                        fee,
                        0,
                        amount,
                        "kas",
                        receipt,
                        eid,
                        None,
                        None,
                        "biaya deduct" if fee else "",
                        now,
                        ACTOR,
                    ),
                )
            elif kind == LOAN_PAY:
                lid, lnumber, p, iid, principal, interest = payload
                mid, number, name = p[0], p[1], p[2]
                total = principal + interest
                receipt = books.receipt("PJM", date.year)
                lines = [("1.01", total, 0, mid, lnumber)]
                if principal:
                    lines.append(("1.20", 0, principal, mid, lnumber))
                if interest:
                    lines.append(("4.10", 0, interest, mid, lnumber))
                eid = books.entry(
                    date,
                    f"Angsuran pinjaman {lnumber} {number} {name}",
                    "pinjaman",
                    lnumber,
                    receipt,
                    lines,
                )
                books.loan_tx_id += 1
                tid = books.loan_tx_id
                w.add(
                    "loan_transactions",
                    (
                        tid,
                        lid,
                        date,
                        "angsuran",
                        total,
                        principal,
                        interest,
                        0,
                        0,
                        -principal,
                        "kas",
                        receipt,
                        eid,
                        None,
                        None,
                        "",
                        now,
                        ACTOR,
                    ),
                )
                for component, value in (("interest", interest), ("principal", principal)):
                    if value:
                        books.alloc_id += 1
                        w.add("loan_allocations", (books.alloc_id, tid, iid, component, value))
            else:
                code, text, amt = payload
                books.entry(
                    date,
                    text,
                    "manual",
                    "",
                    books.receipt("JU", date.year),
                    [(code, amt, 0, None, ""), ("1.01", 0, amt, None, "")],
                )
        events[k] = []
        if k % 12 == 11 or k == len(months) - 1:
            say(
                f"[generate] posted {y}-{m:02d}: {books.entry_id} entries, {books.line_id} lines ({time.monotonic() - t0:.0f} s)"
            )
    w.flush()
    conn.executemany(
        "UPDATE savings_accounts SET balance = ? WHERE id = ?",
        [(b, a) for a, b in balances.items()],
    )
    conn.executemany(
        "INSERT INTO receipt_counters (series, year, last_no) VALUES (?, ?, ?) "
        "ON CONFLICT (series, year) DO UPDATE SET last_no = excluded.last_no",
        [(s_, y_, n) for (s_, y_), n in books.counters.items()],
    )
    conn.execute("COMMIT")
    t1 = time.monotonic()
    conn.execute("BEGIN")
    for _name, sql in indexes:
        conn.execute(sql)
    conn.execute("COMMIT")
    say(f"[generate] {len(indexes)} indexes rebuilt ({time.monotonic() - t1:.0f} s)")
    conn.execute("ANALYZE")
    conn.execute("PRAGMA optimize")
    conn.execute("PRAGMA journal_mode=WAL")
    conn.close()
    _close_seal_blocks(path, say)

    stats.entries = stats.counts.get("journal_entries", 0)
    stats.lines = stats.counts.get("journal_lines", 0)
    stats.savings_tx = sav_tx
    stats.loan_tx = stats.counts.get("loan_transactions", 0)
    stats.installments = stats.counts.get("loan_installments", 0)
    stats.seconds = time.monotonic() - started
    say(
        f"[generate] done in {stats.seconds:.0f} s: {stats.entries} entries, {stats.lines} lines, "
        f"{stats.savings_tx} savings tx, {stats.loans} loans ({stats.active_loans} active), "
        f"{stats.loan_tx} loan tx; {path.stat().st_size / 1e6:.0f} MB"
    )
    if check:
        from koperasi.db.database import open_database as _open
        from koperasi.services.check import run_checks

        db = _open(path)
        try:
            rep = run_checks(db)
        finally:
            db.dispose()
        for prob in rep.problems[:20]:
            say(f"[check] {prob.check}: {prob.message_en}")
        if not rep.ok:
            raise SystemExit(
                f"generated database fails koperasi check ({len(rep.problems)} problems)"
            )
        say(f"[generate] koperasi check: OK ({', '.join(rep.checks_run)})")
    return stats


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Build a synthetic large cooperative (SQLite)")
    parser.add_argument("path", type=Path)
    parser.add_argument("--scale", type=float, default=1.0)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--members", type=int, help="only this many members, no money movements")
    parser.add_argument("--check", action="store_true", help="run koperasi check afterwards")
    args = parser.parse_args(argv)
    generate(args.path, args.scale, args.seed, check=args.check, members=args.members)
    return 0


if __name__ == "__main__":
    sys.exit(main())

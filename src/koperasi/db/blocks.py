"""Block seals: the journal and the audit trail verified in bulk (issue 20).

Every journal entry (its seal row) and every audit row keeps its own keyed, chained hash
(:mod:`.sealing`): that is what names the row that was changed. Recomputing those hashes is
one Python call per row, millions on a large book, so ``koperasi check`` also keeps a keyed,
chained digest per BLOCK of rows:

* a journal block covers a range of entry ids, the range of line ids of exactly those
  entries' lines and the range of seal ids of their seals (``(previous block's last id,
  last id]`` in each table); an audit block covers a range of audit-row ids;
* its digest is an HMAC-SHA-256 (the installation's sealing key) over a header (the ranges,
  the previous block's digest) and the rows' text, which the DATABASE builds: every row as a
  JSON array of its columns (``json_array`` on SQLite, ``json_build_array`` on PostgreSQL:
  unambiguous, NULL kept apart from ``''``), joined in id order by ``group_concat`` /
  ``string_agg``. Python hashes one string per block, not one per row.

So changing, inserting, deleting or renumbering any row of a block changes its digest;
removing a whole block breaks the chain of block digests. ``check`` recomputes the digests
and diagnoses row by row (the per-row seals) only inside a block that does not match, and in
the open tail of rows not yet in a block.

Closing a block. After a journal entry is sealed or an audit row written (same transaction,
under the lock that serialises both chains: :data:`LOCK_SERIES`), :func:`after_write` counts
the rows after the last block; at ``2 * BLOCK_ROWS`` it closes the oldest ``BLOCK_ROWS`` of
them: their per-row seals are verified first (a row altered before its block closed is not
frozen as good: the block is recorded *unverified* and ``check`` always diagnoses it row by
row), then the digest is written. At least ``BLOCK_ROWS`` of the newest rows thus stay in the
tail, where deleting them is the anchors' finding (:mod:`.sealing`), as before.

Concurrent posting (PostgreSQL): entries, their lines and seals, and audit rows get their ids
while the transaction holds the lock (``ledger.post`` takes it before inserting the entry),
so ids grow in commit order and no transaction can later commit a row into a range that was
already closed. Where ids of entries, lines and seals interleave anyway (books restored or
sealed before this scheme), the block's end is moved to where all three ranges end together.

This module imports nothing from ``koperasi.services`` (the migration that seals existing
books, 0018, uses it).
"""

from __future__ import annotations

import datetime as dt
import hmac
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import text as sql

from . import sealing

BLOCK_ROWS = 1000  # entries (journal) or rows (audit) per block
LOCK_SERIES = "AUDIT"  # the receipt-counter row that serialises the seal and audit chains
JOURNAL, AUDIT = "journal", "audit"
RS = "\x1e"

# the rows' columns as they are hashed (the columns the per-row seals cover)
ENTRY_COLS = (
    "id",
    "date",
    "description",
    "source",
    "source_ref",
    "receipt_no",
    "reverses_entry_id",
    "posted_at",
    "posted_by",
)
LINE_COLS = ("id", "entry_id", "account_id", "debit", "credit", "member_id", "memo")
SEAL_COLS = ("id", "entry_id", "lines", "prev_hash", "hash")
AUDIT_COLS = (
    "id",
    "at",
    "username",
    "action",
    "entity",
    "entity_id",
    "before",
    "after",
    "prev_hash",
    "hash",
)
# kind -> the tables of a block, in the order of its ranges
TABLES: dict[str, tuple[tuple[str, tuple[str, ...]], ...]] = {
    JOURNAL: (
        ("journal_entries", ENTRY_COLS),
        ("journal_lines", LINE_COLS),
        ("journal_seals", SEAL_COLS),
    ),
    AUDIT: (("audit_log", AUDIT_COLS),),
}
_BLOCK_COLS = "id, last_id, last_line_id, last_seal_id, verified, prev_digest, digest"


@dataclass(frozen=True)
class Block:
    id: int
    hi: tuple[int, ...]  # the last id in each of the kind's tables
    verified: bool
    prev_digest: str
    digest: str


def _dialect(conn: Any) -> str:
    return conn.dialect.name


# ------------------------------------------------------------------ the rows' text


def _row_json(dialect: str, cols: Iterable[str]) -> str:
    quoted = ", ".join(f'"{c}"' for c in cols)
    if dialect == "postgresql":
        return f"json_build_array({quoted})::text"
    return f"json_array({quoted})"


def _agg_sql(dialect: str, table: str, cols: tuple[str, ...], lo: str, hi: str) -> str:
    row = _row_json(dialect, cols)
    where = f"id > :{lo} AND id <= :{hi}"
    if dialect == "postgresql":
        return f"(SELECT string_agg({row}, E'\\n' ORDER BY id) FROM {table} WHERE {where})"
    # the rows come out of the ordered subquery in id order (SQLite >= 3.44 could say
    # group_concat(... ORDER BY id); the fallback below never relies on it)
    return (
        f"(SELECT group_concat(t, char(10)) FROM (SELECT {row} AS t FROM {table} "
        f"WHERE {where} ORDER BY id))"
    )


_SQL_CACHE: dict[tuple[str, str, bool], Any] = {}


def _params(lo: tuple[int, ...], hi: tuple[int, ...]) -> dict[str, int]:
    out = {}
    for n, (a, b) in enumerate(zip(lo, hi, strict=True)):
        out[f"lo{n}"], out[f"hi{n}"] = int(a), int(b)
    return out


def block_text(conn: Any, kind: str, lo: tuple[int, ...], hi: tuple[int, ...]) -> str:
    """The rows of the block ``(lo, hi]`` as the database writes them: one JSON array per
    row, rows in id order joined by newlines, tables joined by RS."""
    dialect = _dialect(conn)
    key = (dialect, kind, False)
    stmt = _SQL_CACHE.get(key)
    if stmt is None:
        parts = [
            _agg_sql(dialect, table, cols, f"lo{n}", f"hi{n}")
            for n, (table, cols) in enumerate(TABLES[kind])
        ]
        stmt = _SQL_CACHE[key] = sql("SELECT " + ", ".join(parts))
    row = conn.execute(stmt, _params(lo, hi)).one()
    return RS.join(v or "" for v in row)


def block_text_exact(conn: Any, kind: str, lo: tuple[int, ...], hi: tuple[int, ...]) -> str:
    """:func:`block_text` with every row fetched and joined here, in the order ``ORDER BY id``
    guarantees (a second opinion when a digest does not match: it never depends on the
    order an aggregate happens to concatenate in)."""
    dialect = _dialect(conn)
    parts = []
    for n, (table, cols) in enumerate(TABLES[kind]):
        rows = conn.execute(
            sql(
                f"SELECT {_row_json(dialect, cols)} FROM {table} WHERE id > :lo AND id <= :hi "
                "ORDER BY id"
            ),
            {"lo": int(lo[n]), "hi": int(hi[n])},
        ).scalars()
        parts.append("\n".join(rows))
    return RS.join(parts)


def header(
    kind: str, lo: tuple[int, ...], hi: tuple[int, ...], verified: bool, prev_digest: str
) -> str:
    ranges = ",".join(f"{a}-{b}" for a, b in zip(lo, hi, strict=True))
    return f"block{RS}{kind}{RS}{ranges}{RS}{int(bool(verified))}{RS}{prev_digest}"


def digest_of(
    kind: str,
    lo: tuple[int, ...],
    hi: tuple[int, ...],
    verified: bool,
    prev_digest: str,
    text: str,
    key: bytes | None = None,
) -> str:
    h = hmac.new(key or sealing.seal_key(), digestmod="sha256")
    h.update(header(kind, lo, hi, verified, prev_digest).encode("utf-8"))
    h.update(RS.encode())
    h.update(text.encode("utf-8"))
    return h.hexdigest()


# ------------------------------------------------------------------ the blocks table


def read_blocks(conn: Any, kind: str) -> list[Block]:
    rows = conn.execute(
        sql(f"SELECT {_BLOCK_COLS} FROM seal_blocks WHERE kind = :k ORDER BY id"), {"k": kind}
    ).all()
    return [_block(kind, r) for r in rows]


def _block(kind: str, r: Any) -> Block:
    n = len(TABLES[kind])
    hi = tuple(int(v or 0) for v in (r[1], r[2], r[3])[:n])
    return Block(int(r[0]), hi, bool(r[4]), r[5] or "", r[6] or "")


def last_block(conn: Any, kind: str) -> Block | None:
    r = conn.execute(
        sql(f"SELECT {_BLOCK_COLS} FROM seal_blocks WHERE kind = :k ORDER BY id DESC LIMIT 1"),
        {"k": kind},
    ).first()
    return _block(kind, r) if r is not None else None


def _zero(kind: str) -> tuple[int, ...]:
    return (0,) * len(TABLES[kind])


def _count_after(conn: Any, kind: str, lo: tuple[int, ...]) -> int:
    """How many rows (seals, audit rows) follow ``lo``, counted up to twice
    :data:`BLOCK_ROWS` (all a caller needs to know: the tail may be the whole book)."""
    table = "journal_seals" if kind == JOURNAL else "audit_log"
    at = lo[2] if kind == JOURNAL else lo[0]
    return int(
        conn.execute(
            sql(f"SELECT count(*) FROM (SELECT 1 FROM {table} WHERE id > :i LIMIT :cap) t"),
            {"i": at, "cap": 2 * BLOCK_ROWS},
        ).scalar()
    )


# ------------------------------------------------------------------ closing blocks


def after_write(conn: Any, kind: str, key: bytes | None = None) -> bool:
    """Called after a journal entry was sealed or an audit row written, in that transaction
    (holding :data:`LOCK_SERIES`): closes the oldest block of the tail once the tail holds
    twice :data:`BLOCK_ROWS` rows. Returns whether a block was closed."""
    last = last_block(conn, kind)
    lo = last.hi if last else _zero(kind)
    if _count_after(conn, kind, lo) < 2 * BLOCK_ROWS:
        return False
    return close_block(conn, kind, last, key=key) is not None


def close_all(conn: Any, kind: str, key: bytes | None = None, verify: bool = True) -> int:
    """Close every block the tail allows (a migration, a bulk load). Returns how many."""
    closed = 0
    last = last_block(conn, kind)
    while _count_after(conn, kind, last.hi if last else _zero(kind)) >= 2 * BLOCK_ROWS:
        last = close_block(conn, kind, last, key=key, verify=verify)
        if last is None:
            break
        closed += 1
    return closed


def close_block(
    conn: Any, kind: str, last: Block | None, key: bytes | None = None, verify: bool = True
) -> Block | None:
    """Close the next block after ``last`` (the oldest :data:`BLOCK_ROWS` rows of the tail,
    moved on to where the tables' ranges end together). None when the tail is too short."""
    key = key or sealing.seal_key()
    lo = last.hi if last else _zero(kind)
    prev_digest = last.digest if last else ""
    cut = _cut(conn, kind, lo)
    if cut is None:
        return None
    hi, consistent = cut
    ok = consistent and (not verify or _verify_rows(conn, kind, lo, hi, key))
    text = block_text(conn, kind, lo, hi)
    digest = digest_of(kind, lo, hi, ok, prev_digest, text, key)
    values = {
        "kind": kind,
        "last_id": hi[0],
        "last_line_id": hi[1] if kind == JOURNAL else None,
        "last_seal_id": hi[2] if kind == JOURNAL else None,
        "verified": ok,
        "sealed_at": dt.datetime.now(dt.UTC).replace(tzinfo=None),
        "prev_digest": prev_digest,
        "digest": digest,
    }
    new_id = conn.execute(
        sql(
            "INSERT INTO seal_blocks (kind, last_id, last_line_id, last_seal_id, verified, "
            "sealed_at, prev_digest, digest) VALUES (:kind, :last_id, :last_line_id, "
            ":last_seal_id, :verified, :sealed_at, :prev_digest, :digest) RETURNING id"
        ),
        values,
    ).scalar_one()
    return Block(int(new_id), hi, ok, prev_digest, digest)


def _cut(conn: Any, kind: str, lo: tuple[int, ...]) -> tuple[tuple[int, ...], bool] | None:
    """Where the next block ends, and whether its tables' ranges hold exactly each other's
    rows. None when fewer than :data:`BLOCK_ROWS` rows would be left after it."""
    n = BLOCK_ROWS
    one = lambda q, **p: conn.execute(sql(q), p).one()  # noqa: E731
    if kind == AUDIT:
        hi_a = conn.execute(
            sql("SELECT id FROM audit_log WHERE id > :a ORDER BY id LIMIT 1 OFFSET :k"),
            {"a": lo[0], "k": n - 1},
        ).scalar()
        if hi_a is None or _count_after(conn, kind, (int(hi_a),)) < n:
            return None
        return (int(hi_a),), True
    e0, l0, s0 = lo
    e1 = conn.execute(
        sql("SELECT id FROM journal_entries WHERE id > :e ORDER BY id LIMIT 1 OFFSET :k"),
        {"e": e0, "k": n - 1},
    ).scalar()
    if e1 is None:
        return None
    e1 = int(e1)
    consistent = True
    for _ in range(50):
        # the lines and seals of the entries (e0, e1], and what their id ranges hold
        l_cnt, l1 = one(
            "SELECT count(*), max(id) FROM journal_lines WHERE entry_id > :a AND entry_id <= :b",
            a=e0,
            b=e1,
        )
        s_cnt, s1 = one(
            "SELECT count(*), max(id) FROM journal_seals WHERE entry_id > :a AND entry_id <= :b",
            a=e0,
            b=e1,
        )
        l1 = max(int(l1 or l0), l0)
        s1 = max(int(s1 or s0), s0)
        l_in, l_min, l_max = one(
            "SELECT count(*), min(entry_id), max(entry_id) FROM journal_lines "
            "WHERE id > :a AND id <= :b",
            a=l0,
            b=l1,
        )
        s_in, s_min, s_max = one(
            "SELECT count(*), min(entry_id), max(entry_id) FROM journal_seals "
            "WHERE id > :a AND id <= :b",
            a=s0,
            b=s1,
        )
        later = max(int(l_max or 0), int(s_max or 0))
        if later > e1:  # a later entry's rows inside the ranges: end the block after it
            e1 = later
            continue
        earlier = min(int(v) for v in (l_min, s_min, e0 + 1) if v is not None)
        consistent = earlier > e0 and l_in == l_cnt and s_in == s_cnt
        break
    else:
        consistent = False
    hi = (e1, l1, s1)
    if _count_after(conn, kind, hi) < n // 2:  # keep the newest rows in the tail
        return None
    return hi, consistent


def _verify_rows(
    conn: Any, kind: str, lo: tuple[int, ...], hi: tuple[int, ...], key: bytes
) -> bool:
    """Whether every row of the block still matches its own keyed seal and the chain."""
    return (_verify_journal if kind == JOURNAL else _verify_audit)(conn, lo, hi, key)


def chain_before(conn: Any, table: str, row_id: int) -> str:
    """The stored hash of the last row of ``table`` with an id up to ``row_id``."""
    if row_id <= 0:
        return ""
    h = conn.execute(
        sql(f"SELECT hash FROM {table} WHERE id <= :i ORDER BY id DESC LIMIT 1"), {"i": row_id}
    ).scalar()
    return h or ""


def _rows(conn: Any, table: str, cols: tuple[str, ...], lo: int, hi: int) -> list[tuple]:
    names = ", ".join(f'"{c}"' for c in cols)
    return [
        tuple(r)
        for r in conn.execute(
            sql(f"SELECT {names} FROM {table} WHERE id > :lo AND id <= :hi ORDER BY id"),
            {"lo": lo, "hi": hi},
        )
    ]


def _verify_journal(conn: Any, lo: tuple[int, ...], hi: tuple[int, ...], key: bytes) -> bool:
    entries = _rows(conn, "journal_entries", ENTRY_COLS, lo[0], hi[0])
    lines = _rows(conn, "journal_lines", LINE_COLS, lo[1], hi[1])
    seals = _rows(conn, "journal_seals", SEAL_COLS, lo[2], hi[2])
    chain = chain_before(conn, "journal_seals", lo[2])
    by_entry: dict[int, tuple] = {}
    for _sid, eid, lines_text, prev, h in seals:
        if (prev or "") != chain or eid in by_entry:
            return False
        by_entry[eid] = (lines_text or "", prev or "", h or "")
        chain = h or ""
    own: dict[int, list[str]] = {}
    ids = {e[0] for e in entries}
    for ln in lines:
        if ln[1] not in ids:
            return False
        own.setdefault(ln[1], []).append(f"{ln[0]}:{sealing.line_hash(*ln)}")
    if set(by_entry) != ids:
        return False
    mac = sealing.mac_function(key)
    for eid, date, description, source, ref, receipt, reverses, posted_at, by in entries:
        lines_text, prev, h = by_entry[eid]
        if " ".join(own.get(eid, [])) != lines_text:
            return False
        payload = sealing.entry_payload(
            prev,
            eid,
            iso_text(date, False),
            description,
            source,
            ref,
            receipt,
            reverses,
            iso_text(posted_at, True),
            by,
            lines_text,
        )
        if not hmac.compare_digest(mac(payload.encode("utf-8")), h):
            return False
    return True


def _verify_audit(conn: Any, lo: tuple[int, ...], hi: tuple[int, ...], key: bytes) -> bool:
    chain = chain_before(conn, "audit_log", lo[0])
    mac = sealing.mac_function(key)
    for _id, at, user, action, entity, entity_id, before, after, prev, h in _rows(
        conn, "audit_log", AUDIT_COLS, lo[0], hi[0]
    ):
        if (prev or "") != chain:
            return False
        payload = audit_payload_text(
            prev or "", at, user, action, entity, entity_id or "", before, after
        )
        if not hmac.compare_digest(mac(payload.encode("utf-8")), h or ""):
            return False
        chain = h or ""
    return True


# ------------------------------------------------------------------ values as sealed


def iso_text(value: object, is_datetime: bool) -> str:
    """A date/datetime as the driver returns it (text on SQLite) in the ISO form the seals
    hash (``datetime.isoformat()``): ``2026-10-01`` / ``2026-10-01T09:00:01[.123456]``."""
    if value is None:
        return ""
    if isinstance(value, str):
        if not is_datetime:
            if len(value) == 10:
                return value
            return dt.datetime.fromisoformat(value).date().isoformat()
        n = len(value)
        if n == 19 and value[10] == " ":  # SQLite text without microseconds
            return f"{value[:10]}T{value[11:]}"
        if n == 26 and value[10] == " " and value.endswith(".000000"):
            return f"{value[:10]}T{value[11:19]}"
        return dt.datetime.fromisoformat(value).isoformat()
    return value.isoformat()  # type: ignore[attr-defined]


def audit_payload_text(
    prev: str,
    at: object,
    user: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str | None,
    after: str | None,
) -> str:
    """:func:`.sealing.audit_payload` from driver values (``at`` may be SQLite text)."""
    return sealing.SEP.join(
        [prev, iso_text(at, True), user, action, entity, entity_id, before or "", after or ""]
    )


# ------------------------------------------------------------------ checking


@dataclass(frozen=True)
class Span:
    """Rows to look at one by one: ``(lo, hi]`` in each table (``hi`` None: the open tail),
    the blocks it covers that were sealed as verified, and whether a verified block follows."""

    lo: tuple[int, ...]
    hi: tuple[int, ...] | None
    blocks: tuple[int, ...]
    followed: bool


def failing_spans(conn: Any, kind: str, key: bytes | None = None) -> list[Span]:
    """Recompute every block's digest; the spans whose rows must be diagnosed one by one:
    runs of blocks that do not match (or were closed unverified), and the open tail."""
    key = key or sealing.seal_key()
    blocks = read_blocks(conn, kind)
    lo = _zero(kind)
    prevs = {""}  # the digest the previous block has and the one its rows give
    bad: list[tuple[tuple[int, ...], tuple[int, ...], Block]] = []
    for b in blocks:
        hi = b.hi
        rising = all(h >= a for a, h in zip(lo, hi, strict=True))
        good = ""
        if b.verified and rising and b.prev_digest in prevs:
            good = digest_of(kind, lo, hi, True, b.prev_digest, block_text(conn, kind, lo, hi), key)
            if not hmac.compare_digest(good, b.digest):
                text = block_text_exact(conn, kind, lo, hi)
                good = digest_of(kind, lo, hi, True, b.prev_digest, text, key)
        if not good or not hmac.compare_digest(good, b.digest):
            top = tuple(max(a, h) for a, h in zip(lo, hi, strict=True))
            bad.append((lo, top, b))
        # an altered digest is that block's finding, not also the next one's
        prevs = {b.digest, good} if good else {b.digest}
        lo = tuple(max(a, h) for a, h in zip(lo, hi, strict=True))
    spans: list[Span] = []
    for start, end, b in bad:
        ids = (b.id,) if b.verified else ()
        if spans and spans[-1].hi == start:  # adjacent failing blocks: one span
            last = spans.pop()
            spans.append(Span(last.lo, end, last.blocks + ids, True))
        else:
            spans.append(Span(start, end, ids, True))
    spans = [Span(s.lo, s.hi, s.blocks, s.hi != lo) for s in spans]
    spans.append(Span(lo, None, (), False))
    return spans

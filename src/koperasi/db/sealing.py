"""Keyed, anchored tamper evidence: the hashing the seals, the audit chain and the migration
that reseals old books share (no services import: migrations use this module too).

The key
    Every chained hash (a journal entry's seal, an audit row) is an HMAC-SHA-256 with a
    secret that lives OUTSIDE the database, so whoever edits a row cannot recompute the
    chain. The key is a file of 64 hex characters: ``$KOPERASI_SEAL_KEY_FILE`` when set,
    otherwise ``seal.key`` in the user's data folder, created on first use (mode 0600).
    For a PostgreSQL book shared by several PCs, every PC must use the same key: copy the
    first PC's ``seal.key`` to the others (or put it on a protected path and point
    ``KOPERASI_SEAL_KEY_FILE`` at it). A SQLite book moved to another PC needs its key too.

The anchors
    After every commit that sealed an entry or wrote an audit row, the head of both chains
    (entry id + hash, audit id + hash) is appended to an anchor log outside the database:
    ``$KOPERASI_ANCHOR_DIR`` or ``anchors/`` in the data folder, one append-only file per
    book (named after a hash of the book's location). Each line carries an HMAC so it cannot
    be forged without the key. ``check`` looks the anchored rows up: a deleted newest entry,
    deleted newest audit rows or an emptied audit trail is a finding. A restore writes a
    ``reset`` anchor (older anchors no longer apply).
"""

from __future__ import annotations

import datetime as dt
import hashlib
import hmac
import json
import os
import secrets
from dataclasses import dataclass, fields
from pathlib import Path
from typing import Any

SEP = "\x1f"
KEY_ENV = "KOPERASI_SEAL_KEY_FILE"
ANCHOR_ENV = "KOPERASI_ANCHOR_DIR"

_keys: dict[str, bytes] = {}
_macs: dict[bytes, Any] = {}


def text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime | dt.date):
        return value.isoformat()
    return str(value)


def _data_dir() -> Path:
    from ..paths import data_dir

    return data_dir()


def key_path() -> Path:
    env = os.environ.get(KEY_ENV, "").strip()
    return Path(env) if env else _data_dir() / "seal.key"


def seal_key() -> bytes:
    """The installation's sealing key (created on first use, readable by the user only)."""
    path = key_path()
    cached = _keys.get(str(path))
    if cached is not None:
        return cached
    try:
        raw = path.read_text(encoding="ascii", errors="replace").strip()
    except FileNotFoundError:
        path.parent.mkdir(parents=True, exist_ok=True)
        raw = secrets.token_hex(32)
        # written whole under a private name, then linked into place: another process never
        # reads a half-written key, and the first one linked wins
        tmp = path.with_name(f".{path.name}.{os.getpid()}.{secrets.token_hex(4)}")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        with os.fdopen(fd, "w", encoding="ascii") as fh:
            fh.write(raw + "\n")
            fh.flush()
            os.fsync(fh.fileno())
        try:
            os.link(tmp, path)
        except FileExistsError:  # another process made it first: use theirs
            raw = path.read_text(encoding="ascii").strip()
        finally:
            tmp.unlink(missing_ok=True)
    try:
        key = bytes.fromhex(raw)
    except ValueError:
        key = b""
    if len(key) < 16:
        from ..errors import DatabaseProblem

        raise DatabaseProblem(detail=f"kunci segel / sealing key {path} rusak / damaged")
    _keys[str(path)] = key
    return key


def mac(payload: str, key: bytes | None = None) -> str:
    """HMAC-SHA-256 of ``payload`` with the sealing key (64 hex characters)."""
    key = key or seal_key()
    base = _macs.get(key)
    if base is None:
        base = _macs[key] = hmac.new(key, digestmod=hashlib.sha256)
    h = base.copy()
    h.update(payload.encode("utf-8"))
    return h.hexdigest()


def mac_function(key: bytes | None = None):
    """A fast ``payload bytes -> hex`` HMAC for loops over many rows."""
    base = hmac.new(key or seal_key(), digestmod=hashlib.sha256)

    def f(data: bytes) -> str:
        h = base.copy()
        h.update(data)
        return h.hexdigest()

    return f


# ------------------------------------------------------------------ journal seals


def line_hash(
    line_id: int,
    entry_id: int,
    account_id: int,
    debit: int,
    credit: int,
    member_id: int | None,
    memo: str | None,
) -> str:
    """Short hash of one journal line (16 hex characters; bound by the entry's keyed hash)."""
    payload = SEP.join(
        text(v) for v in (line_id, entry_id, account_id, int(debit), int(credit), member_id, memo)
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()[:16]


def entry_payload(prev_hash: str, *fields: object) -> str:
    """``prev_hash`` then the entry's id, date, description, source, source_ref, receipt_no,
    reverses_entry_id, posted_at, posted_by and its lines text."""
    return SEP.join(text(v) for v in (prev_hash, *fields))


def entry_hash(prev_hash: str, *fields: object, key: bytes | None = None) -> str:
    """The keyed seal of one entry (see :func:`entry_payload`)."""
    return mac(entry_payload(prev_hash, *fields), key)


def entry_hash_unkeyed(prev_hash: str, *fields: object) -> str:
    """The seal as written before keyed seals (migration 0010 verifies old books with it)."""
    return hashlib.sha256(entry_payload(prev_hash, *fields).encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ audit chain


def audit_payload(
    prev_hash: str,
    at: dt.datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str | None,
    after: str | None,
) -> str:
    return SEP.join(
        [prev_hash, at.isoformat(), username, action, entity, entity_id, before or "", after or ""]
    )


def audit_hash(*fields: Any, key: bytes | None = None) -> str:
    return mac(audit_payload(*fields), key)


def audit_hash_unkeyed(*fields: Any) -> str:
    return hashlib.sha256(audit_payload(*fields).encode("utf-8")).hexdigest()


# ------------------------------------------------------------------ anchors


def book_identity(bind: Any) -> str:
    """Where the book lives: the SQLite file's absolute path or the server and database."""
    engine = getattr(bind, "engine", bind)
    url = engine.url
    if url.get_backend_name() == "sqlite":
        return "sqlite:" + str(Path(url.database or "").resolve())
    return f"{url.get_backend_name()}://{url.host or ''}:{url.port or ''}/{url.database or ''}"


def anchor_dir() -> Path:
    env = os.environ.get(ANCHOR_ENV, "").strip()
    return Path(env) if env else _data_dir() / "anchors"


def anchor_file(identity: str) -> Path:
    name = hashlib.sha256(identity.encode("utf-8")).hexdigest()[:24]
    return anchor_dir() / f"{name}.log"


_ANCHOR_FIELDS = ("book", "at", "event", "entry_id", "entry_hash", "audit_id", "audit_hash")


def _anchor_mac(record: dict) -> str:
    return mac("anchor" + SEP + SEP.join(text(record.get(k)) for k in _ANCHOR_FIELDS))


def append_anchor(
    identity: str,
    event: str,
    entry: tuple[int, str] | None,
    audit: tuple[int, str] | None,
) -> dict | None:
    """Append one anchor line; a full disk or a read-only folder never stops the app."""
    record = {
        "book": identity,
        "at": dt.datetime.now(dt.UTC).replace(tzinfo=None).isoformat(timespec="seconds"),
        "event": event,
        "entry_id": entry[0] if entry else None,
        "entry_hash": entry[1] if entry else None,
        "audit_id": audit[0] if audit else None,
        "audit_hash": audit[1] if audit else None,
    }
    record["mac"] = _anchor_mac(record)
    try:
        path = anchor_file(identity)
        path.parent.mkdir(parents=True, exist_ok=True)
        fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND, 0o600)
        with os.fdopen(fd, "a", encoding="utf-8") as fh:
            fh.write(json.dumps(record, sort_keys=True) + "\n")
    except OSError:
        return None
    return record


TAIL_BYTES = 1 << 20  # the newest anchors (thousands of them): the log is never read whole


def read_anchors(identity: str) -> tuple[list[dict], int]:
    """The newest anchors of this book (the log's last megabyte) since its last ``reset``,
    oldest first, and the number of lines there that are not genuine (bad MAC, another
    book, unreadable)."""
    try:
        with open(anchor_file(identity), "rb") as fh:
            size = fh.seek(0, os.SEEK_END)
            fh.seek(max(0, size - TAIL_BYTES))
            data = fh.read()
    except OSError:
        return [], 0
    lines = data.decode("utf-8", errors="replace").splitlines()
    if size > TAIL_BYTES and lines:
        lines = lines[1:]  # the first line read is cut
    out: list[dict] = []
    bad = 0
    for raw in lines:
        try:
            rec = json.loads(raw)
        except ValueError:
            bad += 1
            continue
        if not isinstance(rec, dict) or rec.get("book") != identity:
            bad += 1
            continue
        if not hmac.compare_digest(str(rec.get("mac", "")), _anchor_mac(rec)):
            bad += 1
            continue
        if rec.get("event") == "reset":
            out = []
        out.append(rec)
    return out, bad


@dataclass
class ChainState:
    """What a transaction knows of the seal and audit chains: this module's own slot of the
    session (:func:`chain_state`), kept and forgotten only here."""

    entry_head: str | None = None
    """The hash of the last seal this transaction wrote (the next seal chains to it)."""
    audit_head: str | None = None
    """The hash of the last audit row this transaction wrote."""
    anchor_entry: tuple[int, str] | None = None
    anchor_audit: tuple[int, str] | None = None
    """(id, hash) of the chain heads written, to anchor when the transaction commits."""
    anchor_heads: tuple[tuple[int, str] | None, tuple[int, str] | None] | None = None
    """The heads read just before the commit (:func:`heads`), anchored after it."""
    hooked: bool = False
    """The commit and rollback hooks are on the session."""


def chain_state(session: Any) -> ChainState:
    """The session's :class:`ChainState` (made on first use)."""
    found = session.info.get(ChainState)
    if not isinstance(found, ChainState):
        found = session.info[ChainState] = ChainState()
    return found


def restore_chain_state(session: Any, saved: ChainState) -> None:
    """Put back a copy taken before a savepoint that rolled back (the hooks stay on)."""
    st = chain_state(session)
    hooked = st.hooked
    for f in fields(ChainState):
        setattr(st, f.name, getattr(saved, f.name))
    st.hooked = hooked


def last_head(session: Any, kind: str) -> str | None:
    """The hash of the last row of chain ``kind`` ("entry": the seals, "audit") written in
    this transaction, or None (then read it from the database)."""
    st = chain_state(session)
    return st.entry_head if kind == "entry" else st.audit_head


def writing_entries(session: Any) -> bool:
    """The transaction has sealed entries and written no audit row yet."""
    st = chain_state(session)
    return st.anchor_entry is not None and st.anchor_audit is None


def note_head(session: Any, kind: str, row_id: int, row_hash: str) -> None:
    """Note that this transaction wrote a chain head (``kind`` "entry" or "audit"): the next
    row of the chain follows it, and the heads are anchored when the transaction commits
    (nothing is written when it rolls back)."""
    st = chain_state(session)
    if kind == "entry":
        st.entry_head = row_hash
        st.anchor_entry = (int(row_id), row_hash)
    else:
        st.audit_head = row_hash
        st.anchor_audit = (int(row_id), row_hash)
    if not st.hooked:
        from sqlalchemy import event

        st.hooked = True
        event.listen(session, "before_commit", _before_commit)
        event.listen(session, "after_commit", _after_commit)
        event.listen(session, "after_soft_rollback", _after_rollback)


def _before_commit(session: Any) -> None:
    """Read the heads the transaction is about to commit from the database itself, not from
    what was noted: a savepoint rolled back (an import's row, a valid-only run) took its
    rows, and the snapshot an import restores after it may name them still."""
    st = chain_state(session)
    if session.in_nested_transaction():  # a savepoint released: the book is not committed
        return
    if st.anchor_entry is not None or st.anchor_audit is not None:
        session.flush()
        st.anchor_heads = heads(session.connection())


def _after_commit(session: Any) -> None:
    st = chain_state(session)
    st.anchor_entry = st.anchor_audit = None
    read, st.anchor_heads = st.anchor_heads, None
    if read is None:
        return
    try:
        identity = book_identity(session.get_bind())
    except Exception:  # noqa: BLE001 - anchoring never breaks a committed posting
        return
    append_anchor(identity, "commit", *read)


def _after_rollback(session: Any, previous_transaction: Any) -> None:
    # a savepoint rolled back too: the chains' cached heads may name rows that are gone
    st = chain_state(session)
    st.entry_head = st.audit_head = None
    if previous_transaction.parent is None:  # the outermost transaction rolled back
        st.anchor_entry = st.anchor_audit = st.anchor_heads = None


def heads(conn: Any) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """The current heads of the seal chain and the audit chain, read from the database."""
    from sqlalchemy import text as sql

    entry = conn.execute(
        sql("SELECT entry_id, hash FROM journal_seals ORDER BY id DESC LIMIT 1")
    ).first()
    audit = conn.execute(sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    return (
        (int(entry[0]), entry[1]) if entry else None,
        (int(audit[0]), audit[1]) if audit else None,
    )


def heads_of(engine: Any) -> tuple[tuple[int, str] | None, tuple[int, str] | None]:
    """:func:`heads` on a connection of its own."""
    with engine.connect() as conn:
        return heads(conn)


def anchor_now(engine: Any, event: str) -> dict | None:
    """Anchor the book's current heads (at a check, a backup, a restore: ``reset``)."""
    entry, audit = heads_of(engine)
    return append_anchor(book_identity(engine), event, entry, audit)

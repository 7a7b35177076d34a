"""Seals over journal entries: a hash per line and a chained hash per entry.

:func:`seal_entry` runs inside :func:`koperasi.services.ledger.post` (same transaction), so
every entry that reaches the ledger is sealed. ``koperasi check`` recomputes the hashes
(:mod:`koperasi.services.audit_checks`) and names the journal line or entry that was changed,
added or removed behind the app's back — even a change that keeps the entry balanced.
The entry hash is keyed (an HMAC with a key kept outside the database), so a row edited and
its chain recomputed without the key is still found; the chain's head is anchored outside the
database after each commit, so deleting the newest entries is found too.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable, Sequence
from typing import cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..db import blocks, sealing
from ..db.models import JournalEntry, JournalLine, JournalSeal
from .counters import lock_series

LOCK_SERIES = blocks.LOCK_SERIES  # the same serialisation point as the audit trail
SEP = sealing.SEP


def _text(value: object) -> str:
    return sealing.text(value)


line_hash = sealing.line_hash


def lines_text(hashes: Iterable[tuple[int, str]]) -> str:
    return " ".join(f"{i}:{h}" for i, h in sorted(hashes))


def parse_lines(text: str) -> dict[int, str]:
    out: dict[int, str] = {}
    for part in (text or "").split():
        i, _, h = part.partition(":")
        if i.isdigit():
            out[int(i)] = h
    return out


def entry_hash(
    prev_hash: str,
    entry_id: int,
    date: dt.date,
    description: str,
    source: str,
    source_ref: str | None,
    receipt_no: str | None,
    reverses_entry_id: int | None,
    posted_at: dt.datetime | None,
    posted_by: str | None,
    lines: str,
) -> str:
    """The entry's keyed seal (HMAC with the installation's key, see :mod:`..db.sealing`)."""
    return sealing.entry_hash(
        prev_hash,
        entry_id,
        date,
        description,
        source,
        source_ref,
        receipt_no,
        reverses_entry_id,
        posted_at,
        posted_by,
        lines,
    )


ENTRY_COLUMNS = (
    JournalEntry.id,
    JournalEntry.date,
    JournalEntry.description,
    JournalEntry.source,
    JournalEntry.source_ref,
    JournalEntry.receipt_no,
    JournalEntry.reverses_entry_id,
    JournalEntry.posted_at,
    JournalEntry.posted_by,
)
LINE_COLUMNS = (
    JournalLine.id,
    JournalLine.entry_id,
    JournalLine.account_id,
    JournalLine.debit,
    JournalLine.credit,
    JournalLine.member_id,
    JournalLine.memo,
)


def _last_hash(session: Session) -> str:
    prev = sealing.last_head(session, "entry")
    if prev is None:
        prev = (
            session.scalar(select(JournalSeal.hash).order_by(JournalSeal.id.desc()).limit(1)) or ""
        )
    return prev


_SEAL_INSERT = cast(Table, JournalSeal.__table__).insert()  # a mapped class's table is a Table


# a journal line as sealed: (id, entry_id, account_id, debit, credit, member_id, memo)
LineRow = tuple[int, int, int, int, int, int | None, str | None]


def seal_rows(session: Session, entry: JournalEntry, lines: Sequence[LineRow]) -> str:
    """Seal a just-inserted entry and its lines, given as ``(id, entry_id, account_id, debit,
    credit, member_id, memo)`` tuples (in the caller's transaction). Returns the seal's hash."""
    lock_series(session, LOCK_SERIES, 0)
    prev = _last_hash(session)
    text = lines_text((ln[0], line_hash(*ln)) for ln in lines)
    h = entry_hash(
        prev,
        entry.id,
        entry.date,
        entry.description,
        entry.source,
        entry.source_ref,
        entry.receipt_no,
        entry.reverses_entry_id,
        entry.posted_at,
        entry.posted_by,
        text,
    )
    session.connection().execute(
        _SEAL_INSERT, {"entry_id": entry.id, "lines": text, "prev_hash": prev, "hash": h}
    )
    sealing.note_head(session, "entry", entry.id, h)
    blocks.after_write(session.connection(), blocks.JOURNAL)  # every BLOCK_ROWS entries
    return h


def seal_entry(session: Session, entry: JournalEntry, lines: Sequence[JournalLine]) -> str:
    """Seal a flushed entry and its ORM lines (see :func:`seal_rows`)."""
    return seal_rows(
        session,
        entry,
        [
            (ln.id, ln.entry_id, ln.account_id, ln.debit, ln.credit, ln.member_id, ln.memo)
            for ln in lines
        ],
    )


def seal_unsealed(session: Session) -> int:
    """Seal every entry that has no seal yet, in id order (used when upgrading a database
    made before seals existed). Returns the number sealed."""
    sealed = select(JournalSeal.entry_id)
    entries = session.scalars(
        select(JournalEntry).where(JournalEntry.id.not_in(sealed)).order_by(JournalEntry.id)
    ).all()
    for entry in entries:
        lines = session.scalars(
            select(JournalLine).where(JournalLine.entry_id == entry.id).order_by(JournalLine.id)
        ).all()
        seal_entry(session, entry, lines)
    return len(entries)

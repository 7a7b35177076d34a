"""Tamper checks for ``koperasi check``: the audit trail's hash chain and the journal seals.

Both walk the rows in batches (hashes cannot be computed in SQL portably) and name the first
rows that do not match, e.g. ``audit_log.id=17`` or ``journal_lines.id=2048``.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import AuditEntry, JournalEntry, JournalLine, JournalSeal
from ..db.plain import plain_rows
from .audit import row_hash
from .auth import Actor, require_read_all
from .check import Problem
from .seal import _SEP, ENTRY_COLUMNS, LINE_COLUMNS, entry_hash, line_hash, parse_lines
from .uow import read_only

BATCH = 20_000
MAX_PROBLEMS = 50  # per check; a wholesale rewrite need not print a million lines


class _Collector:
    def __init__(self, check: str) -> None:
        self.check = check
        self.problems: list[Problem] = []
        self.more = 0

    def add(self, message_id: str, message_en: str, ref: str) -> None:
        if len(self.problems) < MAX_PROBLEMS:
            self.problems.append(Problem(self.check, message_id, message_en, ref))
        else:
            self.more += 1

    def result(self) -> list[Problem]:
        if self.more:
            self.problems.append(
                Problem(
                    self.check,
                    f"... dan {self.more} masalah lain",
                    f"... and {self.more} more problems",
                )
            )
        return self.problems


def check_audit_chain(s: Session) -> list[Problem]:
    """Every audit row's hash matches its content and chains to the row before it."""
    out = _Collector("audit_chain")
    prev_hash, prev_id, last_id = "", None, 0
    while True:
        rows = s.execute(
            select(
                AuditEntry.id,
                AuditEntry.at,
                AuditEntry.username,
                AuditEntry.action,
                AuditEntry.entity,
                AuditEntry.entity_id,
                AuditEntry.before,
                AuditEntry.after,
                AuditEntry.prev_hash,
                AuditEntry.hash,
            )
            .where(AuditEntry.id > last_id)
            .order_by(AuditEntry.id)
            .limit(BATCH)
        ).all()
        if not rows:
            break
        for rid, at, user, action, entity, entity_id, before, after, prev, h in rows:
            ref = f"audit_log.id={rid}"
            if row_hash(prev or "", at, user, action, entity, entity_id or "", before, after) != h:
                out.add(
                    f"Catatan audit #{rid} telah diubah di luar aplikasi (hash tidak cocok)",
                    f"Audit row #{rid} was altered outside the app (hash mismatch)",
                    ref,
                )
            elif (prev or "") != prev_hash:
                where = f"#{prev_id}" if prev_id is not None else "awal"
                where_en = f"#{prev_id}" if prev_id is not None else "the start"
                out.add(
                    f"Rantai audit putus sebelum catatan #{rid}: catatan sesudah {where} "
                    "dihapus atau diubah",
                    f"Audit chain broken before row #{rid}: rows after {where_en} were removed "
                    "or altered",
                    ref,
                )
            prev_hash, prev_id = h, rid
        last_id = rows[-1][0]
    return out.result()


@dataclass(frozen=True)
class ChainReport:
    """The audit viewer's "check the chain": how many rows were checked and what is wrong."""

    rows: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_audit_chain(db, actor: Actor | None = None) -> ChainReport:  # type: ignore[no-untyped-def]
    """Check the audit trail's hash chain (the part of ``koperasi check`` about it)."""
    require_read_all(actor)
    with read_only(db) as s:
        rows = int(s.scalar(select(func.count(AuditEntry.id))) or 0)
        return ChainReport(rows, tuple(check_audit_chain(s)))


def _iso(value: object, is_datetime: bool) -> str:
    """A date/datetime, as the driver returns it (text on SQLite), in the ISO form
    :func:`seal._text` hashes: ``2026-10-01`` / ``2026-10-01T09:00:01[.123456]``."""
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


def check_journal_seals(s: Session) -> list[Problem]:
    """Every journal entry and line still matches the seal written when it was posted.

    This recomputes one SHA-256 per line and per entry (millions on a large cooperative), so
    the loop is kept lean: plain cursor rows, the entry's line hashes compared as the sealed
    text in one string comparison, and the line-by-line diagnosis only for an entry that
    does not match."""
    out = _Collector("journal_seals")
    _check_seal_chain(s, out)
    sha = hashlib.sha256
    last_id = 0
    while True:
        entries = plain_rows(
            s,
            select(*ENTRY_COLUMNS)
            .where(JournalEntry.id > last_id)
            .order_by(JournalEntry.id)
            .limit(BATCH),
        )
        if not entries:
            break
        lo, hi = entries[0][0], entries[-1][0]
        seals = {
            eid: (sid, lines, prev, h)
            for sid, eid, lines, prev, h in plain_rows(
                s,
                select(
                    JournalSeal.id,
                    JournalSeal.entry_id,
                    JournalSeal.lines,
                    JournalSeal.prev_hash,
                    JournalSeal.hash,
                ).where(JournalSeal.entry_id.between(lo, hi)),
            )
        }
        lines_by_entry: dict[int, list[tuple]] = defaultdict(list)
        for row in plain_rows(
            s,
            select(*LINE_COLUMNS)
            .where(JournalLine.entry_id.between(lo, hi))
            .order_by(JournalLine.entry_id, JournalLine.id),
        ):
            lines_by_entry[row[1]].append(row)
        for eid, date, text, source, ref, receipt, reverses, posted_at, by in entries:
            seal = seals.get(eid)
            lines = lines_by_entry.pop(eid, [])
            if seal is not None:
                # fast path: the sealed text is "id:hash id:hash ..." in line-id order
                computed = " ".join(
                    f"{lid}:"
                    + sha(
                        f"{lid}{_SEP}{leid}{_SEP}{acc}{_SEP}{int(d)}{_SEP}{int(c)}{_SEP}"
                        f"{'' if mid is None else mid}{_SEP}{'' if memo is None else memo}".encode()
                    ).hexdigest()[:16]
                    for lid, leid, acc, d, c, mid, memo in lines
                )
                _sid, sealed_text, prev, h = seal
                if computed == sealed_text:
                    # seal.entry_hash, inlined (same text: None as "", dates in ISO form)
                    payload = _SEP.join(
                        (
                            prev or "",
                            str(eid),
                            _iso(date, False),
                            "" if text is None else text,
                            "" if source is None else source,
                            "" if ref is None else ref,
                            "" if receipt is None else receipt,
                            "" if reverses is None else str(reverses),
                            _iso(posted_at, True),
                            "" if by is None else by,
                            sealed_text,
                        )
                    )
                    if sha(payload.encode()).hexdigest() != h:
                        _entry_altered(out, eid)
                    continue
            entry = (eid, _iso(date, False), text, source, ref, receipt, reverses)
            _check_entry(out, (*entry, _iso(posted_at, True), by), seal, lines)
        last_id = hi
    # seals whose entry disappeared (possible only with foreign keys switched off)
    orphans = s.scalars(
        select(JournalSeal.entry_id)
        .outerjoin(JournalEntry, JournalEntry.id == JournalSeal.entry_id)
        .where(JournalEntry.id.is_(None))
        .order_by(JournalSeal.entry_id)
    ).all()
    for eid in orphans:
        out.add(
            f"Jurnal #{eid} telah dihapus di luar aplikasi",
            f"Journal entry #{eid} was deleted outside the app",
            f"journal_entries.id={eid}",
        )
    # lines whose entry does not exist at all
    stray = s.scalars(
        select(JournalLine.id)
        .outerjoin(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.id.is_(None))
        .order_by(JournalLine.id)
    ).all()
    for lid in stray:
        out.add(
            f"Baris jurnal #{lid} tidak memiliki jurnal",
            f"Journal line #{lid} belongs to no journal entry",
            f"journal_lines.id={lid}",
        )
    return out.result()


def _entry_altered(out: _Collector, eid: int) -> None:
    out.add(
        f"Jurnal #{eid} (tanggal, keterangan atau nomor bukti) telah diubah di luar aplikasi",
        f"Journal entry #{eid} (date, description or receipt number) was altered outside the app",
        f"journal_entries.id={eid}",
    )


def _check_seal_chain(s: Session, out: _Collector) -> None:
    prev_hash, last_id = "", 0
    while True:
        rows = plain_rows(
            s,
            select(JournalSeal.id, JournalSeal.entry_id, JournalSeal.prev_hash, JournalSeal.hash)
            .where(JournalSeal.id > last_id)
            .order_by(JournalSeal.id)
            .limit(BATCH),
        )
        if not rows:
            return
        for sid, eid, prev, h in rows:
            if (prev or "") != prev_hash:
                out.add(
                    f"Rantai segel jurnal putus sebelum jurnal #{eid}: jurnal sebelumnya dihapus "
                    "atau segelnya diubah",
                    f"Journal seal chain broken before entry #{eid}: an earlier entry was removed "
                    "or its seal altered",
                    f"journal_seals.id={sid}",
                )
            prev_hash = h
        last_id = rows[-1][0]


def _check_entry(out: _Collector, entry: tuple, seal: tuple | None, lines: list[tuple]) -> None:
    eid = entry[0]
    if seal is None:
        out.add(
            f"Jurnal #{eid} tidak bersegel: ditambahkan di luar aplikasi",
            f"Journal entry #{eid} has no seal: it was added outside the app",
            f"journal_entries.id={eid}",
        )
        return
    _sid, sealed_text, prev, h = seal
    sealed = parse_lines(sealed_text)
    line_problem = False
    present = set()
    for lid, leid, account_id, debit, credit, member_id, memo in lines:
        present.add(lid)
        expected = sealed.get(lid)
        if expected is None:
            line_problem = True
            out.add(
                f"Baris jurnal #{lid} (jurnal #{eid}) ditambahkan di luar aplikasi",
                f"Journal line #{lid} (entry #{eid}) was added outside the app",
                f"journal_lines.id={lid}",
            )
        elif line_hash(lid, leid, account_id, debit, credit, member_id, memo) != expected:
            line_problem = True
            out.add(
                f"Baris jurnal #{lid} (jurnal #{eid}) telah diubah di luar aplikasi",
                f"Journal line #{lid} (entry #{eid}) was altered outside the app",
                f"journal_lines.id={lid}",
            )
    for lid in sorted(set(sealed) - present):
        line_problem = True
        out.add(
            f"Baris jurnal #{lid} (jurnal #{eid}) telah dihapus di luar aplikasi",
            f"Journal line #{lid} (entry #{eid}) was deleted outside the app",
            f"journal_lines.id={lid}",
        )
    if not line_problem and entry_hash(prev or "", *entry, sealed_text) != h:
        _entry_altered(out, eid)


CHECKS: list[tuple[str, Callable[[Session], list[Problem]]]] = [
    ("audit_chain", check_audit_chain),
    ("journal_seals", check_journal_seals),
]

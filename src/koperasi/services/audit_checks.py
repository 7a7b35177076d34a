"""Tamper checks for ``koperasi check``: the audit trail's hash chain and the journal seals.

Both walk the rows in batches (hashes cannot be computed in SQL portably) and name the first
rows that do not match, e.g. ``audit_log.id=17`` or ``journal_lines.id=2048``.
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, SQLColumnExpression, String, cast, func, literal, select
from sqlalchemy.orm import Session

from ..db import blocks, sealing
from ..db.database import Database
from ..db.models import AuditEntry, JournalEntry, JournalLine, JournalSeal
from ..db.plain import plain_rows
from .anchor_checks import check_anchors
from .audit import row_hash
from .audit_check_base import BATCH, Collector, iso
from .auth import Actor, require_read_all
from .check import CheckFn, Problem, runs_apart
from .receipt_checks import check_receipt_gaps
from .seal import ENTRY_COLUMNS, LINE_COLUMNS, SEP, line_hash, parse_lines
from .uow import read_only


def check_audit_chain(s: Session) -> list[Problem]:
    """Every audit row's hash matches its content and chains to the row before it.

    The rows are verified in bulk, a block at a time (:mod:`..db.blocks`); only a block whose
    digest does not match, and the newest rows not yet in a block, are looked at row by row
    (which names the row)."""
    out = Collector("audit_chain")
    conn = s.connection()
    for span in blocks.failing_spans(conn, blocks.AUDIT):
        found = out.count()
        last_hash = _audit_rows(s, out, span.lo[0], span.hi[0] if span.hi else None)
        if span.followed and span.hi is not None:  # the next verified block's first row
            nxt = s.execute(  # links to this span's last
                select(AuditEntry.id, AuditEntry.prev_hash)
                .where(AuditEntry.id > span.hi[0])
                .order_by(AuditEntry.id)
                .limit(1)
            ).first()
            if nxt is not None and (nxt[1] or "") != last_hash[1]:
                _audit_chain_broken(out, nxt[0], last_hash[0])
        if out.count() == found:
            for bid in span.blocks:
                out.add(
                    f"Segel blok audit #{bid} tidak cocok dengan catatan audit yang dicakupnya: "
                    "catatan di dalamnya dihapus, disisipkan atau diubah di luar aplikasi",
                    f"The seal of audit block #{bid} does not match the audit rows it covers: "
                    "rows in it were deleted, inserted or altered outside the app",
                    f"seal_blocks.id={bid}",
                )
    return out.result()


def _audit_chain_broken(out: Collector, rid: int, prev_id: int | None) -> None:
    where = f"#{prev_id}" if prev_id is not None else "awal"
    where_en = f"#{prev_id}" if prev_id is not None else "the start"
    out.add(
        f"Rantai audit putus sebelum catatan #{rid}: catatan sesudah {where} dihapus atau diubah",
        f"Audit chain broken before row #{rid}: rows after {where_en} were removed or altered",
        f"audit_log.id={rid}",
    )


def _audit_rows(s: Session, out: Collector, lo: int, hi: int | None) -> tuple[int | None, str]:
    """Audit rows ``(lo, hi]`` one by one, chained from the stored row before ``lo``.
    Returns the id and stored hash of the last row looked at (the chain's end)."""
    before = s.execute(
        select(AuditEntry.id, AuditEntry.hash)
        .where(AuditEntry.id <= lo)
        .order_by(AuditEntry.id.desc())
        .limit(1)
    ).first()
    prev_id, prev_hash = (before[0], before[1] or "") if before else (None, "")
    last_id = lo
    while True:
        q = select(
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
        ).where(AuditEntry.id > last_id)
        if hi is not None:
            q = q.where(AuditEntry.id <= hi)
        rows = s.execute(q.order_by(AuditEntry.id).limit(BATCH)).all()
        if not rows:
            break
        for rid, at, user, action, entity, entity_id, before_, after, prev, h in rows:
            ref = f"audit_log.id={rid}"
            if row_hash(prev or "", at, user, action, entity, entity_id or "", before_, after) != h:
                out.add(
                    f"Catatan audit #{rid} telah diubah di luar aplikasi (hash tidak cocok)",
                    f"Audit row #{rid} was altered outside the app (hash mismatch)",
                    ref,
                )
            elif (prev or "") != prev_hash:
                _audit_chain_broken(out, rid, prev_id)
            prev_hash, prev_id = h or "", rid
        last_id = rows[-1][0]
    return prev_id, prev_hash


@dataclass(frozen=True)
class ChainReport:
    """The audit viewer's "check the chain": how many rows were checked and what is wrong."""

    rows: int
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


def verify_audit_chain(db: Database, actor: Actor | None = None) -> ChainReport:
    """Check the audit trail's hash chain (the part of ``koperasi check`` about it)."""
    require_read_all(actor)
    with read_only(db) as s:
        rows = int(s.scalar(select(func.count(AuditEntry.id))) or 0)
        return ChainReport(rows, tuple(check_audit_chain(s)))


def _as_text(col: SQLColumnExpression[object]) -> ColumnElement[str]:
    return func.coalesce(cast(col, String), "")


def _joined(*cols: SQLColumnExpression[object]) -> ColumnElement[str]:
    """SQL for the columns' text joined by the seal separator (NULL as ""): the database
    builds each hashed text, which is cheaper than formatting millions of them in Python."""
    expr = _as_text(cols[0])
    for col in cols[1:]:
        expr = expr + literal(SEP, String) + _as_text(col)
    return expr


# the texts seal.line_hash / seal.entry_hash hash, as far as SQL can build them portably
_LINE_STREAM = (
    JournalLine.id,
    JournalLine.entry_id,
    _joined(*LINE_COLUMNS),
)
_ENTRY_STREAM = (  # id; id, date and the texts up to posted_at joined; posted_at, posted_by
    ENTRY_COLUMNS[0],
    _joined(*ENTRY_COLUMNS[:7]),  # a DATE as text is ISO on SQLite and PostgreSQL alike
    *ENTRY_COLUMNS[7:],
)
_SEAL_STREAM = (
    JournalSeal.id,
    JournalSeal.entry_id,
    JournalSeal.lines,
    JournalSeal.prev_hash,
    JournalSeal.hash,
)


def _stream(
    s: Session,
    columns: tuple[SQLColumnExpression[object], ...],
    key: SQLColumnExpression[int],
    where: SQLColumnExpression[bool],
    start: int = 0,
) -> Iterator[tuple[Any, ...]]:
    """Rows in ``key`` order (the first column) after ``start``, fetched in batches:
    constant memory."""
    last = start
    while True:
        rows = plain_rows(s, select(*columns).where(key > last, where).order_by(key).limit(BATCH))
        if not rows:
            return
        yield from rows
        last = rows[-1][0]


@runs_apart
def check_journal_seals(s: Session) -> list[Problem]:
    """Every journal entry and line still matches the seal written when it was posted, and
    the seals still chain.

    The journal is verified in bulk, a block of entries (with their lines and seals) at a
    time: the database builds each block's text and Python computes one keyed digest per
    block (:mod:`..db.blocks`). Only a block whose digest does not match, and the newest
    entries not yet in a block, are looked at entry by entry (:func:`_journal_span`), which
    names the row."""
    out = Collector("journal_seals")
    keyed = sealing.mac_function()
    # entries posted while this runs are left out: their rows may not all be in every stream
    upper = int(s.scalar(select(func.coalesce(func.max(JournalEntry.id), 0))) or 0)
    done: set[int] = set()  # entries already looked at on their own
    for span in blocks.failing_spans(s.connection(), blocks.JOURNAL):
        found = out.count()
        chain = _journal_span(s, out, span, upper, done, keyed)
        if span.followed and span.hi is not None:  # the next verified block's first seal
            nxt = s.execute(  # links to this span's last
                select(JournalSeal.id, JournalSeal.entry_id, JournalSeal.lines)
                .add_columns(JournalSeal.prev_hash, JournalSeal.hash)
                .where(JournalSeal.id > span.hi[2])
                .order_by(JournalSeal.id)
                .limit(1)
            ).first()
            if nxt is not None:
                _chain_step(out, tuple(nxt), chain)
        _orphans(s, out, span)
        if out.count() == found:
            for bid in span.blocks:
                out.add(
                    f"Segel blok jurnal #{bid} tidak cocok dengan jurnal yang dicakupnya: baris "
                    "di dalamnya dihapus, disisipkan atau diubah di luar aplikasi",
                    f"The seal of journal block #{bid} does not match the entries it covers: "
                    "rows in it were deleted, inserted or altered outside the app",
                    f"seal_blocks.id={bid}",
                )
    return out.result()


def _journal_span(
    s: Session,
    out: Collector,
    span: blocks.Span,
    upper: int,
    done: set[int],
    keyed: Callable[[bytes], str],
) -> str:
    """The entries, lines and seals of ``span`` one by one, in one pass over three streams
    read in primary-key order (the order they were written in), with the database building
    each hashed text. An entry whose lines and seal hash exactly to what was sealed passes;
    anything else (an entry with a line, seal or text that does not match, or whose rows
    arrive out of order) is looked at again on its own by :func:`_check_entry`, which names
    the row. Returns the stored hash of the span's last seal (where the chain ends)."""
    sha = hashlib.sha256
    sep = SEP
    e0, l0, s0 = span.lo
    if span.hi is None:  # the open tail, up to the entries that existed when check began
        e_where = JournalEntry.id <= upper
        l_where = JournalLine.entry_id <= upper
        s_where = JournalSeal.entry_id <= upper
    else:
        e_where = JournalEntry.id <= span.hi[0]
        l_where = JournalLine.id <= span.hi[1]
        s_where = JournalSeal.id <= span.hi[2]
    chain = blocks.chain_before(s.connection(), "journal_seals", s0)
    lines = _stream(s, _LINE_STREAM, JournalLine.id, l_where, l0)
    seals = _stream(s, _SEAL_STREAM, JournalSeal.id, s_where, s0)
    line = next(lines, None)
    seal = next(seals, None)
    again: set[int] = set()  # entries to look at on their own
    for eid, texts, posted_at, by in _stream(s, _ENTRY_STREAM, JournalEntry.id, e_where, e0):
        own = None
        while seal is not None and seal[1] <= eid:
            chain = _chain_step(out, seal, chain)
            if seal[1] == eid:
                own = seal
            else:  # a seal written after a later entry's: look at its entry again
                again.add(seal[1])
            seal = next(seals, None)
        parts = []
        while line is not None and line[1] <= eid:
            lid, leid, payload = line
            if leid == eid:
                parts.append(f"{lid}:{sha(payload.encode()).hexdigest()[:16]}")
            else:  # a line written after a later entry's (or added to an old entry)
                again.add(leid)
            line = next(lines, None)
        if own is None or " ".join(parts) != own[2]:
            again.add(eid)
            continue
        if type(posted_at) is str and len(posted_at) == 19:  # SQLite, whole seconds
            posted = f"{posted_at[:10]}T{posted_at[11:]}"
        else:
            posted = iso(posted_at, True)
        payload = f"{own[3] or ''}{sep}{texts}{sep}{posted}{sep}{by or ''}{sep}{own[2]}"
        if keyed(payload.encode()) != own[4]:
            again.add(eid)
    while seal is not None:  # seals past the last entry (of a later entry, or deleted ones)
        chain = _chain_step(out, seal, chain)
        again.add(seal[1])
        seal = next(seals, None)
    while line is not None:  # lines past the last entry
        again.add(line[1])
        line = next(lines, None)
    for eid in sorted(again - done):
        done.add(eid)
        _check_entry_again(s, out, eid)
    return chain


def _orphans(s: Session, out: Collector, span: blocks.Span) -> None:
    """Seals whose entry disappeared (possible only with foreign keys switched off) and lines
    whose entry does not exist at all, among the span's rows."""
    seal_in = JournalSeal.id > span.lo[2]
    line_in = JournalLine.id > span.lo[1]
    if span.hi is not None:
        seal_in = seal_in & (JournalSeal.id <= span.hi[2])
        line_in = line_in & (JournalLine.id <= span.hi[1])
    orphans = s.scalars(
        select(JournalSeal.entry_id)
        .outerjoin(JournalEntry, JournalEntry.id == JournalSeal.entry_id)
        .where(JournalEntry.id.is_(None), seal_in)
        .order_by(JournalSeal.entry_id)
    ).all()
    for eid in orphans:
        out.add(
            f"Jurnal #{eid} telah dihapus di luar aplikasi",
            f"Journal entry #{eid} was deleted outside the app",
            f"journal_entries.id={eid}",
        )
    stray = s.scalars(
        select(JournalLine.id)
        .outerjoin(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.id.is_(None), line_in)
        .order_by(JournalLine.id)
    ).all()
    for lid in stray:
        out.add(
            f"Baris jurnal #{lid} tidak memiliki jurnal",
            f"Journal line #{lid} belongs to no journal entry",
            f"journal_lines.id={lid}",
        )


def _chain_step(out: Collector, seal: tuple[Any, ...], chain: str) -> str:
    """One seal of the chain (in seal order): it must name the hash of the seal before it."""
    sid, eid, _lines, prev, h = seal
    stored: str = h
    if (prev or "") != chain:
        out.add(
            f"Rantai segel jurnal putus sebelum jurnal #{eid}: jurnal sebelumnya dihapus "
            "atau segelnya diubah",
            f"Journal seal chain broken before entry #{eid}: an earlier entry was removed "
            "or its seal altered",
            f"journal_seals.id={sid}",
        )
    return stored


def _check_entry_again(s: Session, out: Collector, eid: int) -> None:
    """One entry read on its own (its lines by entry, its seal by entry) and diagnosed."""
    entry = plain_rows(s, select(*ENTRY_COLUMNS).where(JournalEntry.id == eid))
    if not entry:
        return  # an orphan seal or stray line: reported by the queries above
    eid, date, text, source, ref, receipt, reverses, posted_at, by = entry[0]
    seal = plain_rows(
        s,
        select(JournalSeal.id, JournalSeal.lines, JournalSeal.prev_hash, JournalSeal.hash).where(
            JournalSeal.entry_id == eid
        ),
    )
    lines = plain_rows(
        s, select(*LINE_COLUMNS).where(JournalLine.entry_id == eid).order_by(JournalLine.id)
    )
    fields = (eid, iso(date, False), text, source, ref, receipt, reverses)
    _check_entry(out, (*fields, iso(posted_at, True), by), seal[0] if seal else None, lines)


def _entry_altered(out: Collector, eid: int) -> None:
    out.add(
        f"Jurnal #{eid} (tanggal, keterangan atau nomor bukti) telah diubah di luar aplikasi",
        f"Journal entry #{eid} (date, description or receipt number) was altered outside the app",
        f"journal_entries.id={eid}",
    )


def _check_entry(
    out: Collector,
    entry: tuple[int, *tuple[object, ...]],
    seal: tuple[Any, ...] | None,
    lines: list[tuple[Any, ...]],
) -> None:
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
    if not line_problem and sealing.entry_hash(prev or "", *entry, sealed_text) != h:
        _entry_altered(out, eid)


# ------------------------------------------------------------------ receipt numbers


CHECKS: list[tuple[str, CheckFn]] = [
    ("audit_chain", check_audit_chain),
    ("journal_seals", check_journal_seals),
    ("anchors", check_anchors),
    ("receipt_gaps", check_receipt_gaps),
]

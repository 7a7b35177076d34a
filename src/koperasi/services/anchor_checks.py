"""Audit checks: the book's anchors outside the book (backups, exported anchors) against the
book."""

from __future__ import annotations

from sqlalchemy import SQLColumnExpression, select
from sqlalchemy.orm import Session

from ..db import sealing
from ..db.models import AuditEntry, JournalEntry, JournalSeal, Setting
from ..db.plain import plain_rows
from .audit_check_base import Collector, iso
from .check import Problem

ANCHORS_CHECKED = 1000  # the newest anchors looked up (the newest one always)


BACKUP_INFO_KEY = "backup_info"  # services.backup.INFO_KEY: a backup's metadata


def _backup_anchor(s: Session) -> dict[str, object] | None:
    import json

    raw = s.scalar(select(Setting.value).where(Setting.key == BACKUP_INFO_KEY))
    try:
        info = json.loads(raw) if raw else {}
    except ValueError:
        return None
    anchor = info.get("anchor") if isinstance(info, dict) else None
    return anchor if isinstance(anchor, dict) else None


def _break_after(
    s: Session,
    model: type[JournalSeal] | type[AuditEntry],
    key: SQLColumnExpression[int],
    value: int,
) -> bool:
    """Whether the chain (seals or audit rows) is visibly broken where the row with ``key``
    ``value`` was: the next row does not name the hash of the row before it."""
    nxt = s.execute(
        select(model.id, model.prev_hash).where(key > value).order_by(model.id).limit(1)
    ).first()
    if nxt is None:
        return False  # the tail was cut: only the anchor shows it
    before = s.scalar(
        select(model.hash).where(model.id < nxt[0]).order_by(model.id.desc()).limit(1)
    )
    return (nxt[1] or "") != (before or "")


def check_anchors(s: Session) -> list[Problem]:
    """The heads anchored outside the database (the local anchor log, a backup's metadata)
    are still in the books: deleting the newest entries or audit rows, or emptying the audit
    trail, is found even though what is left still chains."""
    out = Collector("anchors")
    identity = sealing.book_identity(s.get_bind())
    anchors, bad = sealing.read_anchors(identity)
    first_at = s.scalar(select(AuditEntry.at).order_by(AuditEntry.id).limit(1))
    audit_rows = s.scalar(select(AuditEntry.id).limit(1))
    any_entry = s.scalar(select(JournalEntry.id).limit(1))
    # (a transaction that is sealing entries right now, say an audit-workbook restore
    # checking the books before it writes its audit row, is not an emptied trail)
    writing = sealing.writing_entries(s)
    anchored_audit = any(a.get("audit_id") for a in anchors)
    if audit_rows is None and (anchored_audit or (any_entry is not None and not writing)):
        out.add(
            "Jejak audit kosong padahal buku berisi jurnal: jejak audit dihapus",
            "The audit trail is empty although the books hold journal entries: it was deleted",
            "audit_log",
        )
    if bad:
        out.add(
            f"Log jangkar segel memuat {bad} baris yang tidak asli (diubah atau bukan dari "
            "aplikasi ini)",
            f"The seal anchor log holds {bad} lines that are not genuine (altered or not "
            "written by this app)",
            str(sealing.anchor_file(identity)),
        )
    if first_at is not None:  # anchors older than this book's first audit row: another book
        first = iso(first_at, True)[:19]
        anchors = [a for a in anchors if str(a.get("at", "")) >= first]
    anchors = anchors[-ANCHORS_CHECKED:]
    backup = _backup_anchor(s)
    if backup:
        anchors.append({**backup, "event": "backup"})
    entries = {a["entry_id"]: a for a in anchors if a.get("entry_id") is not None}
    audits = {a["audit_id"]: a for a in anchors if a.get("audit_id") is not None}
    if entries:
        found = dict(
            plain_rows(
                s,
                select(JournalSeal.entry_id, JournalSeal.hash).where(
                    JournalSeal.entry_id.in_(sorted(entries))
                ),
            )
        )
        for eid in sorted(entries, reverse=True):
            a = entries[eid]
            if eid not in found and _break_after(s, JournalSeal, JournalSeal.entry_id, eid):
                continue  # the seal chain is broken there: journal_seals names it
            if eid not in found:
                out.add(
                    f"Jurnal #{eid} (tercatat di jangkar {a.get('at')}) hilang: jurnal terbaru "
                    "dihapus di luar aplikasi",
                    f"Journal entry #{eid} (anchored at {a.get('at')}) is missing: the newest "
                    "entries were deleted outside the app",
                    f"journal_entries.id={eid}",
                )
            elif found[eid] != a.get("entry_hash"):
                out.add(
                    f"Segel jurnal #{eid} berbeda dari jangkarnya ({a.get('at')}): rantai segel "
                    "ditulis ulang",
                    f"The seal of journal entry #{eid} differs from its anchor ({a.get('at')}): "
                    "the seal chain was rewritten",
                    f"journal_entries.id={eid}",
                )
    if audits:
        found = dict(
            plain_rows(
                s, select(AuditEntry.id, AuditEntry.hash).where(AuditEntry.id.in_(sorted(audits)))
            )
        )
        for aid in sorted(audits, reverse=True):
            a = audits[aid]
            if aid not in found and _break_after(s, AuditEntry, AuditEntry.id, aid):
                continue  # the audit chain is broken there: audit_chain names it
            if aid not in found:
                out.add(
                    f"Catatan audit #{aid} (tercatat di jangkar {a.get('at')}) hilang: catatan "
                    "audit terbaru dihapus di luar aplikasi",
                    f"Audit row #{aid} (anchored at {a.get('at')}) is missing: the newest audit "
                    "rows were deleted outside the app",
                    f"audit_log.id={aid}",
                )
            elif found[aid] != a.get("audit_hash"):
                out.add(
                    f"Catatan audit #{aid} berbeda dari jangkarnya ({a.get('at')}): rantai audit "
                    "ditulis ulang",
                    f"Audit row #{aid} differs from its anchor ({a.get('at')}): the audit chain "
                    "was rewritten",
                    f"audit_log.id={aid}",
                )
    return out.result()

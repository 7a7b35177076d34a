"""The book's anchor on paper and in workbooks (issue 22): the heads of the seal chain and
the audit chain (what the anchor log outside the database records, :mod:`..db.sealing`),
in a short legible form printed in the footer of every PDF report and written into the
audit workbook's Info sheet and every report workbook's Info sheet.

    J1234-9f3a2c1b A5678-77e0b4d2

``J1234`` is the newest sealed journal entry and the first 8 hex characters of its keyed
seal; ``A5678`` the newest audit row and its keyed hash. A paper found later is checked
against the books with ``koperasi check --anchor "J1234-9f3a2c1b A5678-77e0b4d2"``: the
entry and the audit row must still be there with the same hash. Without the installation's
sealing key nobody can rewrite the books so that the printed prefixes still match.

Only :func:`current_in` and :func:`head_hash_in` read the chains' tables; if the sealing
scheme changes (block digests), they are the two places to follow it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import text as sql
from sqlalchemy.orm import Session

from ..db.database import Database
from ..errors import ValidationError

PREFIX = 8  # hex characters of each hash on paper: legible, and unforgeable without the key
_PART = re.compile(r"^([JA])(\d{1,18})-([0-9a-f]{4,64})$")


@dataclass(frozen=True)
class BookAnchor:
    entry_id: int | None
    entry_hash: str | None
    audit_id: int | None
    audit_hash: str | None

    @property
    def empty(self) -> bool:
        return self.entry_id is None and self.audit_id is None

    def short(self) -> str:
        """``J1234-9f3a2c1b A5678-77e0b4d2`` (a part is left out when its chain is empty)."""
        parts = []
        if self.entry_id is not None:
            parts.append(f"J{self.entry_id}-{(self.entry_hash or '')[:PREFIX]}")
        if self.audit_id is not None:
            parts.append(f"A{self.audit_id}-{(self.audit_hash or '')[:PREFIX]}")
        return " ".join(parts)

    def info_rows(self) -> list[tuple[str, str]]:
        """The rows of an audit workbook's Info sheet (full hashes and the short form)."""
        return [
            ("book_anchor", self.short()),
            ("anchor_entry_id", "" if self.entry_id is None else str(self.entry_id)),
            ("anchor_entry_hash", self.entry_hash or ""),
            ("anchor_audit_id", "" if self.audit_id is None else str(self.audit_id)),
            ("anchor_audit_hash", self.audit_hash or ""),
        ]


def current_in(s: Session) -> BookAnchor:
    """The book's anchor now (as the session sees it)."""
    conn = s.connection()
    entry = conn.execute(
        sql("SELECT entry_id, hash FROM journal_seals ORDER BY id DESC LIMIT 1")
    ).first()
    audit = conn.execute(sql("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")).first()
    return BookAnchor(
        int(entry[0]) if entry else None,
        entry[1] if entry else None,
        int(audit[0]) if audit else None,
        audit[1] if audit else None,
    )


def current(db: Database) -> BookAnchor:
    from .uow import read_only

    with read_only(db) as s:
        return current_in(s)


def head_hash_in(s: Session, kind: str, row_id: int) -> str | None:
    """The hash the books hold now for journal entry / audit row ``row_id`` (None: gone)."""
    if kind == "J":
        q = "SELECT hash FROM journal_seals WHERE entry_id = :i"
    else:
        q = "SELECT hash FROM audit_log WHERE id = :i"
    return s.connection().execute(sql(q), {"i": row_id}).scalar()


def parse(text: str) -> list[tuple[str, int, str]]:
    """``[("J", 1234, "9f3a2c1b"), ("A", 5678, "77e0b4d2")]`` from an anchor as printed
    (spaces, a ``·`` or a comma between the parts; upper or lower case hex)."""
    parts = [p for p in re.split(r"[\s,;·]+", (text or "").strip()) if p]
    out = []
    for p in parts:
        m = _PART.match(p[0].upper() + p[1:].lower()) if p else None
        if m is None:
            raise ValidationError("anchor", "anchor_format", value=p[:40])
        out.append((m.group(1), int(m.group(2)), m.group(3)))
    if not out:
        raise ValidationError("anchor", "anchor_format", value=text[:40])
    return out


@dataclass(frozen=True)
class AnchorMismatch:
    kind: str  # "J" or "A"
    row_id: int
    printed: str
    found: str | None  # None: the row is gone

    def message(self, lang: str = "id") -> str:
        what_id = "Jurnal" if self.kind == "J" else "Catatan audit"
        what_en = "Journal entry" if self.kind == "J" else "Audit row"
        if self.found is None:
            return (
                f"{what_id} #{self.row_id} yang tercatat di jangkar ({self.printed}) tidak ada "
                "lagi di buku: dihapus setelah dokumen itu dibuat"
                if lang == "id"
                else f"{what_en} #{self.row_id} named by the anchor ({self.printed}) is no "
                "longer in the books: deleted after the document was made"
            )
        return (
            f"{what_id} #{self.row_id}: hash di buku {self.found[:PREFIX]} berbeda dari "
            f"jangkar {self.printed}: buku ditulis ulang setelah dokumen itu dibuat"
            if lang == "id"
            else f"{what_en} #{self.row_id}: the books hold hash {self.found[:PREFIX]}, the "
            f"anchor {self.printed}: the books were rewritten after the document was made"
        )


def verify(db: Database, text: str) -> list[AnchorMismatch]:
    """Check an anchor read from a paper or a workbook against the books (empty: it holds)."""
    from .uow import read_only

    parts = parse(text)
    out = []
    with read_only(db) as s:
        for kind, row_id, printed in parts:
            found = head_hash_in(s, kind, row_id)
            if found is None or not found.lower().startswith(printed):
                out.append(AnchorMismatch(kind, row_id, printed, found))
    return out

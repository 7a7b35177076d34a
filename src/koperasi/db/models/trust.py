"""Tamper evidence for the general ledger: one hash-chained seal per journal entry."""

from __future__ import annotations

from sqlalchemy import ForeignKey, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base


class JournalSeal(Base):
    """Written with each journal entry (same transaction). ``lines`` keeps a short hash per
    line (``"id:hash id:hash"``) so that ``check`` can name the altered row; ``hash`` covers
    the entry, its lines and the previous seal, so removing a whole entry is caught too."""

    __tablename__ = "journal_seals"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entries.id"), unique=True)
    lines: Mapped[str] = mapped_column(Text, default="")
    prev_hash: Mapped[str] = mapped_column(String(64), default="")
    hash: Mapped[str] = mapped_column(String(64), default="")

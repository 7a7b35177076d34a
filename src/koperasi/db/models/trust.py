"""Tamper evidence for the general ledger: one hash-chained seal per journal entry."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Boolean, DateTime, ForeignKey, Index, Integer, String, Text
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


class SealBlock(Base):
    """A keyed, chained digest over a block of journal entries (with their lines and seals)
    or of audit rows, so that ``check`` verifies them in bulk (see :mod:`koperasi.db.blocks`).
    The ranges are ``(previous block's last id, last id]`` per table, per ``kind``."""

    __tablename__ = "seal_blocks"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(10))  # journal | audit
    last_id: Mapped[int] = mapped_column(Integer)  # journal_entries.id / audit_log.id
    last_line_id: Mapped[int | None] = mapped_column(Integer)
    last_seal_id: Mapped[int | None] = mapped_column(Integer)
    verified: Mapped[bool] = mapped_column(Boolean, default=True)
    sealed_at: Mapped[dt.datetime | None] = mapped_column(DateTime)
    prev_digest: Mapped[str] = mapped_column(String(64), default="")
    digest: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (Index("ix_seal_blocks_kind", "kind", "id"),)

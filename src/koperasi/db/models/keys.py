"""Which keys outside the database this book was sealed and signed with (issue 22)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import String
from sqlalchemy.orm import Mapped, mapped_column

from .base import Base, utcnow


class KeyFingerprint(Base):
    """The fingerprint (never the key) of the sealing key (``kind`` "seal") and of the
    cooperative's signing key ("signing"), recorded on first use. A PC that opens the book
    with another key is told so by name, instead of every seal looking tampered."""

    __tablename__ = "key_fingerprints"
    kind: Mapped[str] = mapped_column(String(20), primary_key=True)
    fingerprint: Mapped[str] = mapped_column(String(100))
    recorded_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    recorded_by: Mapped[str] = mapped_column(String(64), default="")

"""Messages to members (pesan ke anggota) and the meeting sheets filled offline.

- ``message_templates``: the cooperative's own wording of each kind of message (the app's
  default text is used while a kind has no row).
- ``member_message_prefs``: a member's consent to be messaged and their opt-out.
- ``message_log``: what was marked sent, to whom, by whom and when.
- ``meeting_sheets``: each exported meeting sheet (its digest) and, once imported, when and by
  whom it was posted.
"""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ..types import Money
from .base import Base, utcnow


class MessageTemplate(Base):
    __tablename__ = "message_templates"
    code: Mapped[str] = mapped_column(String(20), primary_key=True)
    text: Mapped[str] = mapped_column(Text)
    days_before: Mapped[int] = mapped_column(Integer, default=0)  # "due in N days"
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class MemberMessagePref(Base):
    __tablename__ = "member_message_prefs"
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    consent: Mapped[bool] = mapped_column(default=False)
    consent_on: Mapped[dt.date | None] = mapped_column(Date)
    opted_out: Mapped[bool] = mapped_column(default=False)
    opted_out_on: Mapped[dt.date | None] = mapped_column(Date)
    updated_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    updated_by: Mapped[str] = mapped_column(String(64), default="")


class MessageLog(Base):
    __tablename__ = "message_log"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    kind: Mapped[str] = mapped_column(String(20))
    ref: Mapped[str] = mapped_column(String(60))  # what the message is about (loan/inst., tx)
    for_date: Mapped[dt.date] = mapped_column(Date)
    phone: Mapped[str] = mapped_column(String(20))
    channel: Mapped[str] = mapped_column(String(12))  # whatsapp | sms | gateway
    text: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(Money, default=0)
    sent_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    sent_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (
        Index("ix_message_log_member_kind_ref", "member_id", "kind", "ref"),
        Index("ix_message_log_for_date", "for_date"),
    )


class MeetingSheet(Base):
    __tablename__ = "meeting_sheets"
    id: Mapped[str] = mapped_column(String(36), primary_key=True)  # uuid4 hex, in the sheet
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"), index=True)
    meeting_date: Mapped[dt.date] = mapped_column(Date)
    digest: Mapped[str] = mapped_column(String(64))  # sha256 of what was exported
    exported_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    exported_by: Mapped[str] = mapped_column(String(64), default="")
    posted_at: Mapped[dt.datetime | None]
    posted_by: Mapped[str] = mapped_column(String(64), default="")
    posted_total: Mapped[int] = mapped_column(Money, default=0)

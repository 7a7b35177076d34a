"""Chart of accounts, journal entries and lines, fiscal periods (the general ledger)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import (
    CheckConstraint,
    Date,
    ForeignKey,
    Index,
    Integer,
    String,
    Text,
    UniqueConstraint,
)
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.vocabulary import PeriodStatus
from ..types import Money
from .base import Base, utcnow


class Account(Base):
    __tablename__ = "accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120), default="")
    type: Mapped[str] = mapped_column(String(10))  # asset|liability|equity|income|expense
    contra: Mapped[bool] = mapped_column(default=False)  # e.g. 1.29 allowance, 1.39 depreciation
    parent_code: Mapped[str | None] = mapped_column(String(20))
    control: Mapped[str | None] = mapped_column(String(20))  # subledger it controls, if any
    active: Mapped[bool] = mapped_column(default=True)
    # income and expense accounts: business with members ("member"), with non-members
    # ("non_member"), or a cost of both ("shared": split pro rata by income; UU 25/1992
    # Pasal 45, SAK EP). None elsewhere, and on an income/expense account added without one
    # (read as "member" for income, "shared" for expenses: services/statements.side_of)
    business_side: Mapped[str | None] = mapped_column(String(12))


class JournalEntry(Base):
    """A balanced set of lines. Immutable once written; corrections are reversal entries."""

    __tablename__ = "journal_entries"
    id: Mapped[int] = mapped_column(primary_key=True)
    date: Mapped[dt.date] = mapped_column(Date, index=True)
    description: Mapped[str] = mapped_column(Text)
    source: Mapped[str] = mapped_column(String(20))  # domain.vocabulary.EntrySource
    source_ref: Mapped[str] = mapped_column(String(40), default="")
    receipt_no: Mapped[str | None] = mapped_column(String(30))
    reverses_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entries.id"), unique=True
    )
    posted_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    posted_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (
        # closing, SHU and other entries looked up by what posted them
        Index("ix_journal_entries_source", "source", "source_ref"),
        # koperasi check counts the receipt numbers of each series and year (migration 0019)
        Index("ix_journal_entries_receipt_no", "receipt_no"),
    )


class JournalLine(Base):
    __tablename__ = "journal_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entries.id"))
    account_id: Mapped[int] = mapped_column(ForeignKey("accounts.id"))
    debit: Mapped[int] = mapped_column(Money, default=0)
    credit: Mapped[int] = mapped_column(Money, default=0)
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"), index=True)
    memo: Mapped[str] = mapped_column(Text, default="")
    __table_args__ = (
        CheckConstraint("debit >= 0 AND credit >= 0", name="non_negative"),
        CheckConstraint("(debit = 0) <> (credit = 0)", name="one_side"),
        # covering (money columns included): sums per entry / per account read the index only
        Index("ix_journal_lines_entry", "entry_id", "debit", "credit"),
        Index("ix_journal_lines_account", "account_id", "entry_id", "debit", "credit"),
    )


class FiscalPeriod(Base):
    """A month of the books; ``status`` closed means nothing may be posted in it."""

    __tablename__ = "fiscal_periods"
    id: Mapped[int] = mapped_column(primary_key=True)
    year: Mapped[int] = mapped_column(Integer)
    month: Mapped[int] = mapped_column(Integer)  # 1..12
    status: Mapped[str] = mapped_column(String(10), default=PeriodStatus.OPEN)
    closed_at: Mapped[dt.datetime | None]
    closed_by: Mapped[str | None] = mapped_column(String(64))
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    __table_args__ = (UniqueConstraint("year", "month"),)

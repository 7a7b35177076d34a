"""Bank accounts, the lines of their statements, and the reconciliation matches between
statement lines and journal lines."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..types import Money
from .base import Base, utcnow


class BankAccount(Base):
    """One account at a bank, kept in its own ledger account (1.02 or a sub-account of it).
    ``layout``: the statement column mapping saved for it (JSON text); ``reconcile_from``:
    the first date reconciled (book lines before it are taken as agreed)."""

    __tablename__ = "bank_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    bank: Mapped[str] = mapped_column(String(20))  # bca | bri | mandiri | bni | lain
    number: Mapped[str] = mapped_column(String(40), default="")
    account_code: Mapped[str] = mapped_column(String(20), unique=True)
    layout: Mapped[str] = mapped_column(Text, default="")
    reconcile_from: Mapped[dt.date | None]
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class BankStatementLine(Base):
    """One line of an imported bank statement. ``amount`` is signed: into the account
    (kredit on the bank's statement) positive, out of it negative. ``fingerprint`` tells a
    line imported before (the same date, amount, balance, description and occurrence)."""

    __tablename__ = "bank_statement_lines"
    __table_args__ = (UniqueConstraint("bank_account_id", "fingerprint"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    bank_account_id: Mapped[int] = mapped_column(ForeignKey("bank_accounts.id"), index=True)
    date: Mapped[dt.date]
    description: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(Money)
    balance: Mapped[int | None] = mapped_column(Money)
    seq: Mapped[int] = mapped_column(Integer)  # order within the account's statements
    fingerprint: Mapped[str] = mapped_column(String(64))
    batch: Mapped[str] = mapped_column(String(40), default="")  # the import it came in
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class BankMatch(Base):
    """A journal line cleared by a statement line (one statement line may clear several
    journal lines that add up to it; a journal line is cleared at most once). ``kind``:
    auto | manual | posted (the entry was posted from the statement line)."""

    __tablename__ = "bank_matches"
    id: Mapped[int] = mapped_column(primary_key=True)
    statement_line_id: Mapped[int] = mapped_column(
        ForeignKey("bank_statement_lines.id"), index=True
    )
    journal_line_id: Mapped[int] = mapped_column(ForeignKey("journal_lines.id"), unique=True)
    kind: Mapped[str] = mapped_column(String(10))
    matched_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    matched_by: Mapped[str] = mapped_column(String(64), default="")

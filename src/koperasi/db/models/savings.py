"""Savings products, accounts and their transactions (the savings subledger)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

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

from ..types import Money, Rate
from .base import Base, utcnow


class SavingsProduct(Base):
    __tablename__ = "savings_products"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    kind: Mapped[str] = mapped_column(String(12))  # pokok|wajib|sukarela|berjangka
    fixed_amount: Mapped[int] = mapped_column(Money, default=0)  # pokok once / wajib per month
    min_balance: Mapped[int] = mapped_column(Money, default=0)
    interest_rate_pa: Mapped[Decimal] = mapped_column(Rate, default=Decimal(0))
    min_balance_for_interest: Mapped[int] = mapped_column(Money, default=0)
    account_code: Mapped[str] = mapped_column(String(20))  # ledger control account
    term_months: Mapped[int | None] = mapped_column(Integer)
    active: Mapped[bool] = mapped_column(default=True)


class SavingsAccount(Base):
    __tablename__ = "savings_accounts"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    product_id: Mapped[int] = mapped_column(ForeignKey("savings_products.id"), index=True)
    opened_on: Mapped[dt.date] = mapped_column(Date)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    balance: Mapped[int] = mapped_column(Money, default=0)  # kept in step with transactions
    __table_args__ = (UniqueConstraint("member_id", "product_id"),)


class SavingsTransaction(Base):
    """One movement on a savings account. Never updated: a correction is a reversal row."""

    __tablename__ = "savings_transactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    account_id: Mapped[int] = mapped_column(ForeignKey("savings_accounts.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))  # setor|tarik|jasa|pajak|koreksi|shu|...
    amount: Mapped[int] = mapped_column(Money)  # signed: + deposit, - withdrawal
    receipt_no: Mapped[str | None] = mapped_column(String(30), index=True)
    journal_entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entries.id"), index=True)
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("savings_transactions.id"))
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (
        CheckConstraint("amount <> 0", name="nonzero"),
        # covering: balances per account (on a date) read the index only
        Index("ix_savings_transactions_account_date", "account_id", "date", "id", "amount"),
    )

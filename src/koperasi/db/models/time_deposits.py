"""Time deposits (simpanan berjangka): products, the deposits placed, and their events (the
time-deposit subledger: principal held on 2.11 and interest accrued on 2.12)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.vocabulary import DepositStatus
from ..types import Money, Rate
from .base import Base, utcnow


class TimeDepositProduct(Base):
    """A kind of time deposit: its term, annual rate, when interest is paid (``bulanan``
    into the member's sukarela every month, or ``jatuh_tempo`` accrued and paid at maturity),
    the least amount placed, and the early-withdrawal penalty (a percent of the principal)."""

    __tablename__ = "time_deposit_products"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    term_months: Mapped[int] = mapped_column(Integer)
    rate_pa: Mapped[Decimal] = mapped_column(Rate)
    payout: Mapped[str] = mapped_column(String(12))  # bulanan | jatuh_tempo
    min_amount: Mapped[int] = mapped_column(Money, default=0)
    penalty_percent: Mapped[Decimal] = mapped_column(Rate, default=Decimal(0))
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class TimeDeposit(Base):
    """One deposit (bilyet). ``principal`` is kept in step with its events; ``term_start`` and
    ``maturity_on`` move on at each roll-over, ``rate_pa`` is the rate of the running term."""

    __tablename__ = "time_deposits"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(30), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("time_deposit_products.id"), index=True)
    principal: Mapped[int] = mapped_column(Money, default=0)
    rate_pa: Mapped[Decimal] = mapped_column(Rate)
    term_months: Mapped[int] = mapped_column(Integer)
    payout: Mapped[str] = mapped_column(String(12))
    instruction: Mapped[str] = mapped_column(String(12))  # aro | aro_plus | sukarela
    source: Mapped[str] = mapped_column(String(12))  # kas | sukarela
    placed_on: Mapped[dt.date] = mapped_column(Date)
    term_start: Mapped[dt.date] = mapped_column(Date)
    maturity_on: Mapped[dt.date] = mapped_column(Date, index=True)
    rollovers: Mapped[int] = mapped_column(Integer, default=0)
    status: Mapped[str] = mapped_column(String(12), default=DepositStatus.ACTIVE)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class TimeDepositEvent(Base):
    """One movement of a deposit; never updated. ``principal`` and ``accrued`` are the signed
    changes of 2.11 and 2.12 it explains; ``gross``/``tax``/``penalty`` what the member earned,
    had withheld (PPh final) or paid; ``due_on`` the interest month's date (once per kind)."""

    __tablename__ = "time_deposit_events"
    __table_args__ = (UniqueConstraint("deposit_id", "kind", "due_on"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    deposit_id: Mapped[int] = mapped_column(ForeignKey("time_deposits.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(16))
    principal: Mapped[int] = mapped_column(Money, default=0)
    accrued: Mapped[int] = mapped_column(Money, default=0)
    gross: Mapped[int] = mapped_column(Money, default=0)
    tax: Mapped[int] = mapped_column(Money, default=0)
    penalty: Mapped[int] = mapped_column(Money, default=0)
    due_on: Mapped[dt.date | None] = mapped_column(Date)
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entries.id"), index=True
    )
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")

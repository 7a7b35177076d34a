"""Loans (pinjaman): products, loans, their schedules, transactions and allocations.

The loan subledger: ``loan_transactions.principal_change`` summed over all loans equals the
ledger's loans receivable (1.20). Transactions and allocations are never updated; a
correction is a reversal row (``reverses_id``) with the signs turned. Schedule rows of a
rescheduled loan are kept and marked ``superseded_on``.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..types import Money, Rate
from .base import Base, utcnow


class LoanProduct(Base):
    __tablename__ = "loan_products"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(80))
    method: Mapped[str] = mapped_column(String(12))  # flat | annuity | declining
    rate: Mapped[Decimal] = mapped_column(Rate)  # percent
    rate_per: Mapped[str] = mapped_column(String(6), default="month")  # month | year
    min_amount: Mapped[int] = mapped_column(Money)
    max_amount: Mapped[int] = mapped_column(Money)
    min_term: Mapped[int] = mapped_column(Integer)  # number of repayments
    max_term: Mapped[int] = mapped_column(Integer)
    every: Mapped[int] = mapped_column(Integer, default=1)
    unit: Mapped[str] = mapped_column(String(6), default="month")  # week | month
    interest_period: Mapped[str] = mapped_column(String(6), default="same")  # same | daily
    rounding: Mapped[str | None] = mapped_column(String(10))  # None: the app's setting
    amounts_multiple: Mapped[int] = mapped_column(Integer, default=1)
    installment_multiple: Mapped[int] = mapped_column(Integer, default=1)
    grace_principal: Mapped[int] = mapped_column(Integer, default=0)
    grace_interest: Mapped[int] = mapped_column(Integer, default=0)
    interest_free: Mapped[int] = mapped_column(Integer, default=0)
    fee_kind: Mapped[str] = mapped_column(String(8), default="none")  # none | flat | percent
    fee_amount: Mapped[int] = mapped_column(Money, default=0)
    fee_percent: Mapped[Decimal] = mapped_column(Rate, default=Decimal(0))
    fee_mode: Mapped[str] = mapped_column(String(8), default="deduct")  # deduct | cash
    penalty_kind: Mapped[str] = mapped_column(String(8), default="none")  # none|flat|percent
    penalty_amount: Mapped[int] = mapped_column(Money, default=0)
    penalty_percent: Mapped[Decimal] = mapped_column(Rate, default=Decimal(0))
    penalty_per: Mapped[str] = mapped_column(String(6), default="day")  # day | week | month
    penalty_grace_days: Mapped[int] = mapped_column(Integer, default=0)
    limit_multiple: Mapped[Decimal | None] = mapped_column(Rate)  # N x savings; None: none
    allow_multiple: Mapped[bool] = mapped_column(default=False)
    group_loan: Mapped[bool] = mapped_column(default=False)  # due dates on meeting day
    payoff_policy: Mapped[str] = mapped_column(String(16), default="current_period")
    # issue 17: collateral required for amounts above this (None: never); the least value of
    # collateral as a percentage of the amount (None: no rule); the repayment allocation order
    collateral_above: Mapped[int | None] = mapped_column(Money)
    cover_ratio: Mapped[Decimal | None] = mapped_column(Rate)
    allocation_order: Mapped[str] = mapped_column(String(20), default="standard")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Loan(Base):
    __tablename__ = "loans"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    product_id: Mapped[int] = mapped_column(ForeignKey("loan_products.id"), index=True)
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"), index=True)
    # diajukan | disetujui | ditolak | aktif | lunas | dihapusbukukan
    status: Mapped[str] = mapped_column(String(16), default="diajukan", index=True)
    applied_on: Mapped[dt.date] = mapped_column(Date)
    amount: Mapped[int] = mapped_column(Money)  # principal
    term: Mapped[int] = mapped_column(Integer)  # number of repayments
    # terms copied from the product at application (a product change does not move a loan)
    method: Mapped[str] = mapped_column(String(12))
    rate: Mapped[Decimal] = mapped_column(Rate)
    rate_per: Mapped[str] = mapped_column(String(6))
    every: Mapped[int] = mapped_column(Integer)
    unit: Mapped[str] = mapped_column(String(6))
    first_due: Mapped[dt.date | None] = mapped_column(Date)
    purpose: Mapped[str] = mapped_column(Text, default="")
    guarantor: Mapped[str] = mapped_column(Text, default="")  # or group approval note
    collateral: Mapped[int] = mapped_column(Money, default=0)  # recognised collateral value
    recoverable: Mapped[bool] = mapped_column(default=False)  # board: still recoverable
    decided_on: Mapped[dt.date | None] = mapped_column(Date)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decision_note: Mapped[str] = mapped_column(Text, default="")
    disbursed_on: Mapped[dt.date | None] = mapped_column(Date)
    disbursed_to: Mapped[str] = mapped_column(String(10), default="")  # kas | sukarela
    fee: Mapped[int] = mapped_column(Money, default=0)
    closed_on: Mapped[dt.date | None] = mapped_column(Date)
    written_off_on: Mapped[dt.date | None] = mapped_column(Date)
    # cached from the subledger (checked by ``koperasi check``)
    principal_outstanding: Mapped[int] = mapped_column(Money, default=0)
    ppap_booked: Mapped[int] = mapped_column(Money, default=0)  # allowance held for it
    quality_class: Mapped[str] = mapped_column(String(16), default="")
    schedule_version: Mapped[int] = mapped_column(Integer, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class LoanInstallment(Base):
    """One row of a loan's schedule (version ``version``; older versions superseded)."""

    __tablename__ = "loan_installments"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    version: Mapped[int] = mapped_column(Integer, default=1)
    no: Mapped[int] = mapped_column(Integer)
    due_date: Mapped[dt.date] = mapped_column(Date)
    principal: Mapped[int] = mapped_column(Money)
    interest: Mapped[int] = mapped_column(Money)
    fee: Mapped[int] = mapped_column(Money, default=0)
    valid_from: Mapped[dt.date] = mapped_column(Date)
    superseded_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        UniqueConstraint("loan_id", "version", "no"),
        Index("ix_loan_installments_due", "due_date"),
    )


class LoanTransaction(Base):
    """A money event on a loan. ``amount`` is the cash (or savings) that moved; the
    components say where it went; ``principal_change`` is the signed change of the
    principal outstanding. Reversal rows carry the negatives and ``reverses_id``."""

    __tablename__ = "loan_transactions"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"))
    date: Mapped[dt.date] = mapped_column(Date)
    # pencairan | angsuran | pelunasan | hapus_buku | pemulihan | restrukturisasi | koreksi
    kind: Mapped[str] = mapped_column(String(16))
    amount: Mapped[int] = mapped_column(Money, default=0)
    principal: Mapped[int] = mapped_column(Money, default=0)
    interest: Mapped[int] = mapped_column(Money, default=0)
    fee: Mapped[int] = mapped_column(Money, default=0)
    penalty: Mapped[int] = mapped_column(Money, default=0)
    principal_change: Mapped[int] = mapped_column(Money, default=0)
    source: Mapped[str] = mapped_column(String(10), default="kas")  # kas | sukarela | simpanan
    receipt_no: Mapped[str | None] = mapped_column(String(30), index=True)
    journal_entry_id: Mapped[int | None] = mapped_column(
        ForeignKey("journal_entries.id"), index=True
    )
    reverses_id: Mapped[int | None] = mapped_column(ForeignKey("loan_transactions.id"), index=True)
    replays_id: Mapped[int | None] = mapped_column(ForeignKey("loan_transactions.id"))
    memo: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (
        # covering: principal outstanding per loan (on a date) reads the index only
        Index("ix_loan_transactions_loan_date", "loan_id", "date", "id", "principal_change"),
        # covering: a loan's latest transaction of some kinds (its last payment) is a seek
        Index("ix_loan_transactions_loan_kind", "loan_id", "kind", "date"),
    )


class LoanAllocation(Base):
    """How much of a transaction went to which installment and component."""

    __tablename__ = "loan_allocations"
    id: Mapped[int] = mapped_column(primary_key=True)
    transaction_id: Mapped[int] = mapped_column(ForeignKey("loan_transactions.id"))
    installment_id: Mapped[int] = mapped_column(ForeignKey("loan_installments.id"), index=True)
    component: Mapped[str] = mapped_column(String(10))  # penalty | fee | interest | principal
    amount: Mapped[int] = mapped_column(Money)  # signed: negative on a reversal
    __table_args__ = (
        # covering: the month-end's sums per installment and component read the index only
        Index(
            "ix_loan_allocations_transaction_id",
            "transaction_id",
            "installment_id",
            "component",
            "amount",
        ),
    )

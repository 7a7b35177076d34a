"""Collateral (jaminan), guarantors (penjamin), related parties, board approvals of
related-party loans, and requests waiting for a second user's approval (four-eyes).

Issue 17 parts 3 and 5. The loan's own ``collateral`` column keeps the recognised value
used by the loan-quality rules (PPAP); it is kept equal to the value of the collateral
still held for the loan (services/collateral.py)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.vocabulary import ApprovalStatus
from ..types import Money
from .base import Base, utcnow


class LoanCollateral(Base):
    """One item of collateral pledged for a loan; held from ``received_on`` until
    ``returned_on`` (with the hand-over letter's number)."""

    __tablename__ = "loan_collateral"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    kind: Mapped[str] = mapped_column(String(12))  # bpkb | sertifikat | emas | deposito | lainnya
    description: Mapped[str] = mapped_column(Text)
    value: Mapped[int] = mapped_column(Money)
    document_no: Mapped[str] = mapped_column(String(60), default="")
    owner: Mapped[str] = mapped_column(String(120), default="")
    received_on: Mapped[dt.date] = mapped_column(Date)
    returned_on: Mapped[dt.date | None] = mapped_column(Date)
    returned_to: Mapped[str] = mapped_column(String(120), default="")
    handover_no: Mapped[str | None] = mapped_column(String(30))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class CollateralEvent(Base):
    """The log of the documents held: received, returned (and notes in between)."""

    __tablename__ = "collateral_events"
    id: Mapped[int] = mapped_column(primary_key=True)
    collateral_id: Mapped[int] = mapped_column(ForeignKey("loan_collateral.id"), index=True)
    date: Mapped[dt.date] = mapped_column(Date)
    kind: Mapped[str] = mapped_column(String(12))  # diterima | dikembalikan | catatan
    documents: Mapped[str] = mapped_column(Text, default="")
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class LoanGuarantor(Base):
    """A member who guarantees a loan (penjamin)."""

    __tablename__ = "loan_guarantors"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    relation: Mapped[str] = mapped_column(String(60), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")
    __table_args__ = (UniqueConstraint("loan_id", "member_id"),)


class MemberRelation(Base):
    """A member who is a related party (Permenkop 8/2023): on the board, a supervisor, on
    the staff, or family of one of them (``officer_id`` links the officers register)."""

    __tablename__ = "member_relations"
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    kind: Mapped[str] = mapped_column(String(12))  # pengurus | pengawas | karyawan | keluarga
    officer_id: Mapped[int | None] = mapped_column(ForeignKey("rat_officers.id"))
    note: Mapped[str] = mapped_column(String(200), default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class LoanBoardApproval(Base):
    """The approval of one board (pengurus or pengawas) for a loan that needs both (a
    loan to a related party, or a loan over a lending limit)."""

    __tablename__ = "loan_board_approvals"
    id: Mapped[int] = mapped_column(primary_key=True)
    loan_id: Mapped[int] = mapped_column(ForeignKey("loans.id"), index=True)
    body: Mapped[str] = mapped_column(String(12))  # pengurus | pengawas
    username: Mapped[str] = mapped_column(String(64))
    date: Mapped[dt.date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    __table_args__ = (UniqueConstraint("loan_id", "body"),)


class ApprovalRequest(Base):
    """An action one user asked for that a second user must approve (four-eyes): a
    write-off or a reversal. ``params`` holds the action's arguments as JSON."""

    __tablename__ = "approval_requests"
    id: Mapped[int] = mapped_column(primary_key=True)
    kind: Mapped[str] = mapped_column(String(20))
    ref: Mapped[str] = mapped_column(String(40))
    params: Mapped[str] = mapped_column(Text)
    amount: Mapped[int] = mapped_column(Money, default=0)
    reason: Mapped[str] = mapped_column(Text, default="")
    requested_by: Mapped[str] = mapped_column(String(64))
    requested_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    # menunggu | disetujui | ditolak | dibatalkan
    status: Mapped[str] = mapped_column(String(12), default=ApprovalStatus.WAITING, index=True)
    decided_by: Mapped[str] = mapped_column(String(64), default="")
    decided_at: Mapped[dt.datetime | None]
    decision_note: Mapped[str] = mapped_column(Text, default="")
    result_ref: Mapped[str] = mapped_column(String(40), default="")

"""Standing instructions (instruksi tetap: wajib and installments debited from sukarela) and
payroll deduction (potong gaji) for employee cooperatives: employers, the members they
employ, and each month's posted payment file with its rows."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..types import Money
from .base import Base, utcnow


class StandingInstruction(Base):
    """One member's instruction: ``kind`` wajib (the month's simpanan wajib from sukarela)
    or angsuran (what is due on the member's loans, or on ``loan_id`` only, from sukarela).
    ``amount`` 0: the wajib product's fixed amount."""

    __tablename__ = "standing_instructions"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), index=True)
    kind: Mapped[str] = mapped_column(String(10))  # wajib | angsuran
    loan_id: Mapped[int | None] = mapped_column(ForeignKey("loans.id"))
    amount: Mapped[int] = mapped_column(Money, default=0)
    start_on: Mapped[dt.date]
    active: Mapped[bool] = mapped_column(default=True)
    note: Mapped[str] = mapped_column(Text, default="")
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class StandingInstructionRun(Base):
    """One execution of an instruction on a run date: posted (with its receipt and entry) or
    skipped with a reason code (``reason``) and the amounts that explain it."""

    __tablename__ = "standing_instruction_runs"
    id: Mapped[int] = mapped_column(primary_key=True)
    instruction_id: Mapped[int] = mapped_column(ForeignKey("standing_instructions.id"), index=True)
    run_date: Mapped[dt.date] = mapped_column(index=True)
    due_ref: Mapped[str] = mapped_column(String(40))  # wajib-YYYY-MM | loan number
    status: Mapped[str] = mapped_column(String(10))  # posted | skipped
    reason: Mapped[str] = mapped_column(String(40), default="")
    detail: Mapped[str] = mapped_column(Text, default="")
    amount: Mapped[int] = mapped_column(Money, default=0)
    available: Mapped[int] = mapped_column(Money, default=0)
    receipt_no: Mapped[str | None] = mapped_column(String(30))
    journal_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"))
    trigger: Mapped[str] = mapped_column(String(12), default="manual")  # manual | month_end
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class Employer(Base):
    """An employer whose payroll deducts members' dues (``pay_into``: the account the
    employer's transfer arrives in, 1.02 Bank by default)."""

    __tablename__ = "employers"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    address: Mapped[str] = mapped_column(Text, default="")
    pay_into: Mapped[str] = mapped_column(String(20), default="1.02")
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class EmployerMember(Base):
    """A member employed by an employer, with the employee number on the payroll and an
    optional monthly sukarela deduction."""

    __tablename__ = "employer_members"
    __table_args__ = (UniqueConstraint("employer_id", "employee_no"),)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"), index=True)
    employee_no: Mapped[str] = mapped_column(String(30))
    sukarela: Mapped[int] = mapped_column(Money, default=0)


class PayrollBatch(Base):
    """An employer's payment file for a month, posted once."""

    __tablename__ = "payroll_batches"
    __table_args__ = (UniqueConstraint("employer_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    employer_id: Mapped[int] = mapped_column(ForeignKey("employers.id"))
    period: Mapped[str] = mapped_column(String(7))  # YYYY-MM
    posted_on: Mapped[dt.date]
    source_name: Mapped[str] = mapped_column(String(200), default="")
    expected_total: Mapped[int] = mapped_column(Money, default=0)
    paid_total: Mapped[int] = mapped_column(Money, default=0)
    posted_total: Mapped[int] = mapped_column(Money, default=0)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class PayrollLine(Base):
    """One row of a posted payment file: what was expected, paid and posted where, and the
    difference's code (``status``: ok | short | over | unknown | not_linked)."""

    __tablename__ = "payroll_lines"
    id: Mapped[int] = mapped_column(primary_key=True)
    batch_id: Mapped[int] = mapped_column(ForeignKey("payroll_batches.id"), index=True)
    row_no: Mapped[int] = mapped_column(Integer)
    employee_no: Mapped[str] = mapped_column(String(30), default="")
    member_id: Mapped[int | None] = mapped_column(ForeignKey("members.id"))
    expected: Mapped[int] = mapped_column(Money, default=0)
    paid: Mapped[int] = mapped_column(Money, default=0)
    wajib: Mapped[int] = mapped_column(Money, default=0)
    angsuran: Mapped[int] = mapped_column(Money, default=0)
    sukarela: Mapped[int] = mapped_column(Money, default=0)
    unposted: Mapped[int] = mapped_column(Money, default=0)
    status: Mapped[str] = mapped_column(String(12))
    receipt_no: Mapped[str | None] = mapped_column(String(30))

"""The audit workbook's columns: Standing instructions and their runs, employers, employees, payroll batches and lines."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Member
from .spec import (
    BOOL,
    DATE,
    DATETIME,
    ID,
    INT,
    MONEY,
    TEXT,
    Col,
    Period,
    source_select,
    stream,
    table,
)

SI_COLS = (
    Col("instruction_id", ID, "id"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("kind", TEXT, "kind"),
    Col("loan_id", ID, "loan_id"),
    Col("amount", MONEY, "amount"),
    Col("start_on", DATE, "start_on"),
    Col("active", BOOL, "active"),
    Col("note", TEXT, "note"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


SI_RUN_COLS = (
    Col("run_id", ID, "id"),
    Col("instruction_id", ID, "instruction_id"),
    Col("run_date", DATE, "run_date"),
    Col("due_ref", TEXT, "due_ref"),
    Col("status", TEXT, "status"),
    Col("reason", TEXT, "reason"),
    Col("detail", TEXT, "detail"),
    Col("amount", MONEY, "amount"),
    Col("available", MONEY, "available"),
    Col("receipt_no", TEXT, "receipt_no"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("trigger", TEXT, "trigger"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


EMPLOYER_COLS = (
    Col("employer_id", ID, "id"),
    Col("employer_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("address", TEXT, "address"),
    Col("pay_into", TEXT, "pay_into"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
)


EMPLOYEE_COLS = (
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("employer_id", ID, "employer_id"),
    Col("employee_no", TEXT, "employee_no"),
    Col("sukarela", MONEY, "sukarela"),
)


PAYROLL_BATCH_COLS = (
    Col("payroll_batch_id", ID, "id"),
    Col("employer_id", ID, "employer_id"),
    Col("period", TEXT, "period"),
    Col("posted_on", DATE, "posted_on"),
    Col("source_name", TEXT, "source_name"),
    Col("expected_total", MONEY, "expected_total"),
    Col("paid_total", MONEY, "paid_total"),
    Col("posted_total", MONEY, "posted_total"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


PAYROLL_LINE_COLS = (
    Col("payroll_line_id", ID, "id"),
    Col("payroll_batch_id", ID, "batch_id"),
    Col("row_no", INT, "row_no"),
    Col("employee_no", TEXT, "employee_no"),
    Col("member_id", ID, "member_id"),
    Col("expected", MONEY, "expected"),
    Col("paid", MONEY, "paid"),
    Col("wajib", MONEY, "wajib"),
    Col("angsuran", MONEY, "angsuran"),
    Col("sukarela", MONEY, "sukarela"),
    Col("unposted", MONEY, "unposted"),
    Col("status", TEXT, "status"),
    Col("receipt_no", TEXT, "receipt_no"),
)


def si_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("standing_instructions")
    if t is None:
        return iter(())
    q = (
        select(*source_select(t, SI_COLS, {"member_number": Member.number}))
        .join(Member, Member.id == t.c.member_id)
        .order_by(t.c.id)
    )
    return stream(s, q)


def si_run_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("standing_instruction_runs")
    if t is None:
        return iter(())
    q = select(*source_select(t, SI_RUN_COLS, {})).where(p.in_period(t.c.run_date)).order_by(t.c.id)
    return stream(s, q)


def employer_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("employers")
    if t is None:
        return iter(())
    return stream(s, select(*source_select(t, EMPLOYER_COLS, {})).order_by(t.c.id))


def employee_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("employer_members")
    if t is None:
        return iter(())
    q = (
        select(*source_select(t, EMPLOYEE_COLS, {"member_number": Member.number}))
        .join(Member, Member.id == t.c.member_id)
        .order_by(t.c.member_id)
    )
    return stream(s, q)


def payroll_batch_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("payroll_batches")
    if t is None:
        return iter(())
    q = (
        select(*source_select(t, PAYROLL_BATCH_COLS, {}))
        .where(p.in_period(t.c.posted_on))
        .order_by(t.c.id)
    )
    return stream(s, q)


def payroll_line_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, batches = table("payroll_lines"), table("payroll_batches")
    if t is None or batches is None:
        return iter(())
    q = (
        select(*source_select(t, PAYROLL_LINE_COLS, {}))
        .join(batches, batches.c.id == t.c.batch_id)
        .where(p.in_period(batches.c.posted_on))
        .order_by(t.c.id)
    )
    return stream(s, q)

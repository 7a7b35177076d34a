"""The audit workbook's columns: Accounts, journal, periods, settings and the trial balance."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Account,
    FiscalPeriod,
    JournalEntry,
    JournalLine,
    Setting,
)
from .spec import BOOL, DATE, DATETIME, ID, INT, MONEY, TEXT, Col, Period, stream

ACCOUNT_COLS = (
    Col("account_id", ID, "id"),
    Col("account_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("name_en", TEXT, "name_en"),
    Col("type", TEXT, "type"),
    Col("contra", BOOL, "contra"),
    Col("parent_code", TEXT, "parent_code"),
    Col("control", TEXT, "control"),
    Col("active", BOOL, "active"),
    Col("business_side", TEXT, "business_side"),
)


def account_rows(s: Session, p: Period) -> Iterator[tuple]:
    a = Account
    return stream(
        s,
        select(
            a.id,
            a.code,
            a.name,
            a.name_en,
            a.type,
            a.contra,
            a.parent_code,
            a.control,
            a.active,
            a.business_side,
        ).order_by(a.code),
    )


JOURNAL_COLS = (
    Col("journal_line_id", ID, "id"),
    Col("entry_id", ID, "entry_id"),
    Col("date", DATE),
    Col("account_code", TEXT),
    Col("debit", MONEY, "debit"),
    Col("credit", MONEY, "credit"),
    Col("member_id", ID, "member_id"),
    Col("memo", TEXT, "memo"),
    Col("description", TEXT),
    Col("source", TEXT),
    Col("source_ref", TEXT),
    Col("receipt_no", TEXT),
    Col("reverses_entry_id", ID),
    Col("posted_at", DATETIME),
    Col("posted_by", TEXT),
)


def journal_rows(s: Session, p: Period) -> Iterator[tuple]:
    ln, e = JournalLine, JournalEntry
    q = (
        select(
            ln.id,
            ln.entry_id,
            e.date,
            Account.code,
            ln.debit,
            ln.credit,
            ln.member_id,
            ln.memo,
            e.description,
            e.source,
            e.source_ref,
            e.receipt_no,
            e.reverses_entry_id,
            e.posted_at,
            e.posted_by,
        )
        .join(e, e.id == ln.entry_id)
        .join(Account, Account.id == ln.account_id)
        .where(p.in_period(e.date))
        .order_by(ln.entry_id, ln.id)
    )
    return stream(s, q)


PERIOD_COLS = (
    Col("fiscal_period_id", ID, "id"),
    Col("year", INT, "year"),
    Col("month", INT, "month"),
    Col("status", TEXT, "status"),
    Col("closed_at", DATETIME, "closed_at"),
    Col("closed_by", TEXT, "closed_by"),
    Col("note", TEXT, "note"),
    Col("created_at", DATETIME, "created_at"),
)


def period_rows(s: Session, p: Period) -> Iterator[tuple]:
    f = FiscalPeriod
    return stream(
        s,
        select(
            f.id, f.year, f.month, f.status, f.closed_at, f.closed_by, f.note, f.created_at
        ).order_by(f.year, f.month),
    )


SETTING_COLS = (Col("key", TEXT, "key"), Col("value_json", TEXT, "value"))


def setting_rows(s: Session, p: Period) -> Iterator[tuple]:
    return stream(s, select(Setting.key, Setting.value).order_by(Setting.key))


TRIAL_BALANCE_COLS = (
    Col("account_code", TEXT),
    Col("account_name", TEXT),
    Col("account_type", TEXT),
    Col("opening_debit", MONEY),
    Col("opening_credit", MONEY),
    Col("period_debit", MONEY),
    Col("period_credit", MONEY),
    Col("closing_debit", MONEY),
    Col("closing_credit", MONEY),
    Col("closing_balance", MONEY),
)


def trial_balance_rows(s: Session, p: Period) -> Iterator[tuple]:
    ln, e = JournalLine, JournalEntry
    net = ln.debit - ln.credit
    sums = (
        select(
            ln.account_id.label("aid"),
            func.sum(case((p.before_start(e.date), net), else_=0)).label("opening"),
            func.sum(case((p.in_period(e.date), ln.debit), else_=0)).label("pd"),
            func.sum(case((p.in_period(e.date), ln.credit), else_=0)).label("pc"),
            func.sum(case((p.until_end(e.date), net), else_=0)).label("closing"),
        )
        .join(e, e.id == ln.entry_id)
        .group_by(ln.account_id)
        .subquery()
    )
    q = (
        select(
            Account.code,
            Account.name,
            Account.type,
            func.coalesce(sums.c.opening, 0),
            func.coalesce(sums.c.pd, 0),
            func.coalesce(sums.c.pc, 0),
            func.coalesce(sums.c.closing, 0),
        )
        .outerjoin(sums, sums.c.aid == Account.id)
        .order_by(Account.code)
    )
    for code, name, type_, opening, pd, pc, closing in s.execute(q):
        opening, closing = int(opening), int(closing)
        natural = closing if type_ in ("asset", "expense") else -closing
        yield (
            code,
            name,
            type_,
            max(opening, 0),
            max(-opening, 0),
            int(pd),
            int(pc),
            max(closing, 0),
            max(-closing, 0),
            natural,
        )

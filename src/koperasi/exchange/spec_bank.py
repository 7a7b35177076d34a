"""The audit workbook's columns: Bank accounts, statement lines and matches."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (
    BankAccount,
    BankMatch,
    BankStatementLine,
)
from .spec import BOOL, DATE, DATETIME, ID, INT, MONEY, TEXT, Col, Period, stream

BANK_ACCOUNT_COLS = (
    Col("bank_account_id", ID, "id"),
    Col("bank_account_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("bank", TEXT, "bank"),
    Col("number", TEXT, "number"),
    Col("account_code", TEXT, "account_code"),
    Col("layout_json", TEXT, "layout"),
    Col("reconcile_from", DATE, "reconcile_from"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def bank_account_rows(s: Session, p: Period) -> Iterator[tuple]:
    b = BankAccount
    return stream(
        s,
        select(
            b.id,
            b.code,
            b.name,
            b.bank,
            b.number,
            b.account_code,
            b.layout,
            b.reconcile_from,
            b.active,
            b.created_at,
            b.created_by,
        ).order_by(b.id),
    )


STATEMENT_LINE_COLS = (
    Col("statement_line_id", ID, "id"),
    Col("bank_account_id", ID, "bank_account_id"),
    Col("date", DATE, "date"),
    Col("description", TEXT, "description"),
    Col("amount", MONEY, "amount"),
    Col("balance", MONEY, "balance"),
    Col("seq", INT, "seq"),
    Col("fingerprint", TEXT, "fingerprint"),
    Col("batch", TEXT, "batch"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def statement_line_rows(s: Session, p: Period) -> Iterator[tuple]:
    x = BankStatementLine
    return stream(
        s,
        select(
            x.id,
            x.bank_account_id,
            x.date,
            x.description,
            x.amount,
            x.balance,
            x.seq,
            x.fingerprint,
            x.batch,
            x.created_at,
            x.created_by,
        )
        .where(p.in_period(x.date))
        .order_by(x.id),
    )


BANK_MATCH_COLS = (
    Col("bank_match_id", ID, "id"),
    Col("statement_line_id", ID, "statement_line_id"),
    Col("journal_line_id", ID, "journal_line_id"),
    Col("kind", TEXT, "kind"),
    Col("matched_at", DATETIME, "matched_at"),
    Col("matched_by", TEXT, "matched_by"),
)


def bank_match_rows(s: Session, p: Period) -> Iterator[tuple]:
    m = BankMatch
    return stream(
        s,
        select(m.id, m.statement_line_id, m.journal_line_id, m.kind, m.matched_at, m.matched_by)
        .join(BankStatementLine, BankStatementLine.id == m.statement_line_id)
        .where(p.in_period(BankStatementLine.date))
        .order_by(m.id),
    )

"""The audit workbook's columns: Savings products, accounts and transactions."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Member,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from .spec import BOOL, DATE, DATETIME, DECIMAL, ID, INT, MONEY, TEXT, Col, Period, stream

SAVINGS_PRODUCT_COLS = (
    Col("savings_product_id", ID, "id"),
    Col("product_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("kind", TEXT, "kind"),
    Col("fixed_amount", MONEY, "fixed_amount"),
    Col("min_balance", MONEY, "min_balance"),
    Col("interest_rate_pa", DECIMAL, "interest_rate_pa"),
    Col("min_balance_for_interest", MONEY, "min_balance_for_interest"),
    Col("ledger_account_code", TEXT, "account_code"),
    Col("term_months", INT, "term_months"),
    Col("active", BOOL, "active"),
)


def savings_product_rows(s: Session, p: Period) -> Iterator[tuple]:
    sp = SavingsProduct
    return stream(
        s,
        select(
            sp.id,
            sp.code,
            sp.name,
            sp.kind,
            sp.fixed_amount,
            sp.min_balance,
            sp.interest_rate_pa,
            sp.min_balance_for_interest,
            sp.account_code,
            sp.term_months,
            sp.active,
        ).order_by(sp.id),
    )


SAVINGS_ACCOUNT_COLS = (
    Col("savings_account_id", ID, "id"),
    Col("account_number", TEXT, "number"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("savings_product_id", ID, "product_id"),
    Col("product_code", TEXT),
    Col("product_kind", TEXT),
    Col("ledger_account_code", TEXT),
    Col("opened_on", DATE, "opened_on"),
    Col("closed_on", DATE, "closed_on"),
    Col("opening_balance", MONEY),
    Col("closing_balance", MONEY),
)


def savings_account_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = SavingsTransaction
    sums = (
        select(
            t.account_id.label("aid"),
            func.sum(case((p.before_start(t.date), t.amount), else_=0)).label("opening"),
            func.sum(case((p.until_end(t.date), t.amount), else_=0)).label("closing"),
        )
        .group_by(t.account_id)
        .subquery()
    )
    a = SavingsAccount
    q = (
        select(
            a.id,
            a.number,
            a.member_id,
            Member.number,
            a.product_id,
            SavingsProduct.code,
            SavingsProduct.kind,
            SavingsProduct.account_code,
            a.opened_on,
            a.closed_on,
            func.coalesce(sums.c.opening, 0),
            func.coalesce(sums.c.closing, 0),
        )
        .join(Member, Member.id == a.member_id)
        .join(SavingsProduct, SavingsProduct.id == a.product_id)
        .outerjoin(sums, sums.c.aid == a.id)
        .order_by(a.id)
    )
    for row in stream(s, q):
        yield row[:10] + (int(row[10]), int(row[11]))


SAVINGS_TX_COLS = (
    Col("savings_tx_id", ID, "id"),
    Col("savings_account_id", ID, "account_id"),
    Col("account_number", TEXT),
    Col("member_id", ID),
    Col("product_code", TEXT),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("amount", MONEY, "amount"),
    Col("receipt_no", TEXT, "receipt_no"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("reverses_savings_tx_id", ID, "reverses_id"),
    Col("memo", TEXT, "memo"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def savings_tx_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = SavingsTransaction
    q = (
        select(
            t.id,
            t.account_id,
            SavingsAccount.number,
            SavingsAccount.member_id,
            SavingsProduct.code,
            t.date,
            t.kind,
            t.amount,
            t.receipt_no,
            t.journal_entry_id,
            t.reverses_id,
            t.memo,
            t.created_at,
            t.created_by,
        )
        .join(SavingsAccount, SavingsAccount.id == t.account_id)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(p.in_period(t.date))
        .order_by(t.id)
    )
    return stream(s, q)

"""The audit workbook's columns: Loan products, loans, installments, transactions and their allocation, collateral and guarantors."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db.models import Member
from .spec import (
    BOOL,
    DATE,
    DATETIME,
    DECIMAL,
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

LOAN_PRODUCT_COLS = (
    Col("loan_product_id", ID, "id"),
    Col("product_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("method", TEXT, "method"),
    Col("rate", DECIMAL, "rate"),
    Col("rate_per", TEXT, "rate_per"),
    Col("min_amount", MONEY, "min_amount"),
    Col("max_amount", MONEY, "max_amount"),
    Col("min_term", INT, "min_term"),
    Col("max_term", INT, "max_term"),
    Col("every", INT, "every"),
    Col("unit", TEXT, "unit"),
    Col("interest_period", TEXT, "interest_period"),
    Col("rounding", TEXT, "rounding"),
    Col("amounts_multiple", INT, "amounts_multiple"),
    Col("installment_multiple", INT, "installment_multiple"),
    Col("grace_principal", INT, "grace_principal"),
    Col("grace_interest", INT, "grace_interest"),
    Col("interest_free", INT, "interest_free"),
    Col("fee_kind", TEXT, "fee_kind"),
    Col("fee_amount", MONEY, "fee_amount"),
    Col("fee_percent", DECIMAL, "fee_percent"),
    Col("fee_mode", TEXT, "fee_mode"),
    Col("penalty_kind", TEXT, "penalty_kind"),
    Col("penalty_amount", MONEY, "penalty_amount"),
    Col("penalty_percent", DECIMAL, "penalty_percent"),
    Col("penalty_per", TEXT, "penalty_per"),
    Col("penalty_grace_days", INT, "penalty_grace_days"),
    Col("limit_multiple", DECIMAL, "limit_multiple"),
    Col("allow_multiple", BOOL, "allow_multiple"),
    Col("group_loan", BOOL, "group_loan"),
    Col("payoff_policy", TEXT, "payoff_policy"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
    # issue 17: collateral rules and the repayment allocation order
    Col("collateral_above", MONEY, "collateral_above"),
    Col("cover_ratio", DECIMAL, "cover_ratio"),
    Col("allocation_order", TEXT, "allocation_order"),
)


LOAN_COLS = (
    Col("loan_id", ID, "id"),
    Col("loan_number", TEXT, "number"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("loan_product_id", ID, "product_id"),
    Col("product_code", TEXT),
    Col("group_id", ID, "group_id"),
    Col("status", TEXT, "status"),
    Col("applied_on", DATE, "applied_on"),
    Col("amount", MONEY, "amount"),
    Col("term", INT, "term"),
    Col("method", TEXT, "method"),
    Col("rate", DECIMAL, "rate"),
    Col("rate_per", TEXT, "rate_per"),
    Col("every", INT, "every"),
    Col("unit", TEXT, "unit"),
    Col("first_due", DATE, "first_due"),
    Col("purpose", TEXT, "purpose"),
    Col("guarantor", TEXT, "guarantor"),
    Col("collateral", MONEY, "collateral"),
    Col("recoverable", BOOL, "recoverable"),
    Col("decided_on", DATE, "decided_on"),
    Col("decided_by", TEXT, "decided_by"),
    Col("decision_note", TEXT, "decision_note"),
    Col("disbursed_on", DATE, "disbursed_on"),
    Col("disbursed_to", TEXT, "disbursed_to"),
    Col("fee", MONEY, "fee"),
    Col("closed_on", DATE, "closed_on"),
    Col("written_off_on", DATE, "written_off_on"),
    Col("principal_outstanding", MONEY, "principal_outstanding"),
    Col("ppap_booked", MONEY, "ppap_booked"),
    Col("quality_class", TEXT, "quality_class"),
    Col("schedule_version", INT, "schedule_version"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
    Col("principal_outstanding_at_end", MONEY),
)


INSTALLMENT_COLS = (
    Col("installment_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("version", INT, "version"),
    Col("no", INT, "no"),
    Col("due_date", DATE, "due_date"),
    Col("principal", MONEY, "principal"),
    Col("interest", MONEY, "interest"),
    Col("fee", MONEY, "fee"),
    Col("valid_from", DATE, "valid_from"),
    Col("superseded_on", DATE, "superseded_on"),
)


LOAN_TX_COLS = (
    Col("loan_tx_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("amount", MONEY, "amount"),
    Col("principal", MONEY, "principal"),
    Col("interest", MONEY, "interest"),
    Col("fee", MONEY, "fee"),
    Col("penalty", MONEY, "penalty"),
    Col("principal_change", MONEY, "principal_change"),
    Col("source", TEXT, "source"),
    Col("receipt_no", TEXT, "receipt_no"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("reverses_loan_tx_id", ID, "reverses_id"),
    Col("replays_loan_tx_id", ID, "replays_id"),
    Col("memo", TEXT, "memo"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


ALLOCATION_COLS = (
    Col("allocation_id", ID, "id"),
    Col("loan_tx_id", ID, "transaction_id"),
    Col("installment_id", ID, "installment_id"),
    Col("component", TEXT, "component"),
    Col("amount", MONEY, "amount"),
)


# issue 17: collateral held for loans, its log, and the loans' guarantors
COLLATERAL_COLS = (
    Col("collateral_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("kind", TEXT, "kind"),
    Col("description", TEXT, "description"),
    Col("value", MONEY, "value"),
    Col("document_no", TEXT, "document_no"),
    Col("owner", TEXT, "owner"),
    Col("received_on", DATE, "received_on"),
    Col("returned_on", DATE, "returned_on"),
    Col("returned_to", TEXT, "returned_to"),
    Col("handover_no", TEXT, "handover_no"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)
COLLATERAL_EVENT_COLS = (
    Col("collateral_event_id", ID, "id"),
    Col("collateral_id", ID, "collateral_id"),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("documents", TEXT, "documents"),
    Col("note", TEXT, "note"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)
GUARANTOR_COLS = (
    Col("guarantor_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("relation", TEXT, "relation"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def loan_product_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("loan_products")
    if t is None:
        return iter(())
    return stream(s, select(*source_select(t, LOAN_PRODUCT_COLS, {})).order_by(t.c.id))


def loan_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, tx, prod = table("loans"), table("loan_transactions"), table("loan_products")
    if t is None or tx is None or prod is None:
        return iter(())
    sums = (
        select(
            tx.c.loan_id.label("lid"),
            func.sum(case((p.until_end(tx.c.date), tx.c.principal_change), else_=0)).label("po"),
        )
        .group_by(tx.c.loan_id)
        .subquery()
    )
    derived = {
        "member_number": Member.number,
        "product_code": prod.c.code,
        "principal_outstanding_at_end": func.coalesce(sums.c.po, 0),
    }
    q = (
        select(*source_select(t, LOAN_COLS, derived))
        .join(Member, Member.id == t.c.member_id)
        .join(prod, prod.c.id == t.c.product_id)
        .outerjoin(sums, sums.c.lid == t.c.id)
        .order_by(t.c.id)
    )
    return (r[:-1] + (int(r[-1]),) for r in stream(s, q))


def collateral_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_collateral"), table("loans")
    if t is None or loans is None:
        return iter(())
    q = (
        select(*source_select(t, COLLATERAL_COLS, {"loan_number": loans.c.number}))
        .join(loans, loans.c.id == t.c.loan_id)
        .order_by(t.c.id)
    )
    return stream(s, q)


def collateral_event_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("collateral_events")
    if t is None:
        return iter(())
    return stream(s, select(*source_select(t, COLLATERAL_EVENT_COLS, {})).order_by(t.c.id))


def guarantor_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_guarantors"), table("loans")
    if t is None or loans is None:
        return iter(())
    derived = {"loan_number": loans.c.number, "member_number": Member.number}
    q = (
        select(*source_select(t, GUARANTOR_COLS, derived))
        .join(loans, loans.c.id == t.c.loan_id)
        .join(Member, Member.id == t.c.member_id)
        .order_by(t.c.id)
    )
    return stream(s, q)


def installment_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_installments"), table("loans")
    if t is None or loans is None:
        return iter(())
    q = (
        select(*source_select(t, INSTALLMENT_COLS, {"loan_number": loans.c.number}))
        .join(loans, loans.c.id == t.c.loan_id)
        .order_by(t.c.id)
    )
    return stream(s, q)


def loan_tx_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_transactions"), table("loans")
    if t is None or loans is None:
        return iter(())
    q = (
        select(*source_select(t, LOAN_TX_COLS, {"loan_number": loans.c.number}))
        .join(loans, loans.c.id == t.c.loan_id)
        .where(p.in_period(t.c.date))
        .order_by(t.c.id)
    )
    return stream(s, q)


def allocation_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, tx = table("loan_allocations"), table("loan_transactions")
    if t is None or tx is None:
        return iter(())
    q = (
        select(*source_select(t, ALLOCATION_COLS, {}))
        .join(tx, tx.c.id == t.c.transaction_id)
        .where(p.in_period(tx.c.date))
        .order_by(t.c.id)
    )
    return stream(s, q)

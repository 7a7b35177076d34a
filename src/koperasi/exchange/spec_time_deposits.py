"""The audit workbook's columns: Time deposit products, deposits and their events."""

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

TD_PRODUCT_COLS = (
    Col("time_deposit_product_id", ID, "id"),
    Col("product_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("term_months", INT, "term_months"),
    Col("rate_pa", DECIMAL, "rate_pa"),
    Col("payout", TEXT, "payout"),
    Col("min_amount", MONEY, "min_amount"),
    Col("penalty_percent", DECIMAL, "penalty_percent"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
)


TD_COLS = (
    Col("time_deposit_id", ID, "id"),
    Col("deposit_number", TEXT, "number"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("time_deposit_product_id", ID, "product_id"),
    Col("product_code", TEXT),
    Col("principal", MONEY, "principal"),
    Col("rate_pa", DECIMAL, "rate_pa"),
    Col("term_months", INT, "term_months"),
    Col("payout", TEXT, "payout"),
    Col("instruction", TEXT, "instruction"),
    Col("source", TEXT, "source"),
    Col("placed_on", DATE, "placed_on"),
    Col("term_start", DATE, "term_start"),
    Col("maturity_on", DATE, "maturity_on"),
    Col("rollovers", INT, "rollovers"),
    Col("status", TEXT, "status"),
    Col("closed_on", DATE, "closed_on"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
    Col("principal_at_end", MONEY),
)


TD_EVENT_COLS = (
    Col("time_deposit_event_id", ID, "id"),
    Col("time_deposit_id", ID, "deposit_id"),
    Col("deposit_number", TEXT),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("principal", MONEY, "principal"),
    Col("accrued", MONEY, "accrued"),
    Col("gross", MONEY, "gross"),
    Col("tax", MONEY, "tax"),
    Col("penalty", MONEY, "penalty"),
    Col("due_on", DATE, "due_on"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("memo", TEXT, "memo"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def td_product_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("time_deposit_products")
    if t is None:
        return iter(())
    return stream(s, select(*source_select(t, TD_PRODUCT_COLS, {})).order_by(t.c.id))


def td_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, prod = table("time_deposits"), table("time_deposit_products")
    ev = table("time_deposit_events")
    if t is None or prod is None or ev is None:
        return iter(())
    sums = (
        select(
            ev.c.deposit_id.label("did"),
            func.sum(case((p.until_end(ev.c.date), ev.c.principal), else_=0)).label("at_end"),
        )
        .group_by(ev.c.deposit_id)
        .subquery()
    )
    derived = {
        "member_number": Member.number,
        "product_code": prod.c.code,
        "principal_at_end": func.coalesce(sums.c.at_end, 0),
    }
    q = (
        select(*source_select(t, TD_COLS, derived))
        .join(Member, Member.id == t.c.member_id)
        .join(prod, prod.c.id == t.c.product_id)
        .outerjoin(sums, sums.c.did == t.c.id)
        .order_by(t.c.id)
    )
    return (r[:-1] + (int(r[-1]),) for r in stream(s, q))


def td_event_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, deposits = table("time_deposit_events"), table("time_deposits")
    if t is None or deposits is None:
        return iter(())
    q = (
        select(*source_select(t, TD_EVENT_COLS, {"deposit_number": deposits.c.number}))
        .join(deposits, deposits.c.id == t.c.deposit_id)
        .where(p.in_period(t.c.date))
        .order_by(t.c.id)
    )
    return stream(s, q)

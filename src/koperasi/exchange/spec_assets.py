"""The audit workbook's columns: Fixed assets and their depreciation."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (
    FixedAsset,
    FixedAssetDepreciation,
    JournalEntry,
)
from .spec import DATE, DATETIME, ID, INT, MONEY, TEXT, Col, Period, stream

FIXED_ASSET_COLS = (
    Col("asset_id", ID, "id"),
    Col("asset_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("group_code", TEXT, "group_code"),
    Col("acquired_on", DATE, "acquired_on"),
    Col("cost", MONEY, "cost"),
    Col("life_months", INT, "life_months"),
    Col("residual", MONEY, "residual"),
    Col("location", TEXT, "location"),
    Col("paid_from", TEXT, "paid_from"),
    Col("opening_date", DATE, "opening_date"),
    Col("opening_accumulated", MONEY, "opening_accumulated"),
    Col("acquisition_entry_id", ID, "acquisition_entry_id"),
    Col("disposed_on", DATE, "disposed_on"),
    Col("proceeds", MONEY, "proceeds"),
    Col("disposal_entry_id", ID, "disposal_entry_id"),
    Col("cancelled_on", DATE, "cancelled_on"),
    Col("cancel_entry_id", ID, "cancel_entry_id"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def fixed_asset_rows(s: Session, p: Period) -> Iterator[tuple]:
    a = FixedAsset
    return stream(
        s,
        select(
            a.id,
            a.code,
            a.name,
            a.group_code,
            a.acquired_on,
            a.cost,
            a.life_months,
            a.residual,
            a.location,
            a.paid_from,
            a.opening_date,
            a.opening_accumulated,
            a.acquisition_entry_id,
            a.disposed_on,
            a.proceeds,
            a.disposal_entry_id,
            a.cancelled_on,
            a.cancel_entry_id,
            a.created_at,
            a.created_by,
        )
        .where(p.until_end(a.acquired_on))
        .order_by(a.id),
    )


DEPRECIATION_COLS = (
    Col("depreciation_id", ID, "id"),
    Col("asset_id", ID, "asset_id"),
    Col("period", TEXT, "period"),
    Col("amount", MONEY, "amount"),
    Col("journal_entry_id", ID, "journal_entry_id"),
)


def depreciation_rows(s: Session, p: Period) -> Iterator[tuple]:
    d = FixedAssetDepreciation
    return stream(
        s,
        select(d.id, d.asset_id, d.period, d.amount, d.journal_entry_id)
        .join(JournalEntry, JournalEntry.id == d.journal_entry_id)
        .where(p.in_period(JournalEntry.date))
        .order_by(d.id),
    )

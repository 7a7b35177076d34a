"""Locked counter rows: gapless receipt numbers per series and year, and serialisation points."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ReceiptCounter
from .transaction_state import state

# series codes used on receipts
SERIES_SAVINGS = "SMP"
SERIES_LOAN = "PJM"
SERIES_JOURNAL = "JU"
SERIES_MEMBER = "AGT"


def lock_series(session: Session, series: str, year: int) -> ReceiptCounter:
    """Return the counter row for (series, year), created if missing, locked FOR UPDATE.

    The locked row is remembered in the transaction's state for the rest of the transaction, so a
    unit of work that takes many numbers locks it once (it stays locked until commit)."""
    cache = state(session).locked_counters
    row = cache.get((series, year))
    if row is not None:
        return row
    stmt = (
        select(ReceiptCounter)
        .where(ReceiptCounter.series == series, ReceiptCounter.year == year)
        .with_for_update()
    )
    row = session.scalars(stmt).one_or_none()
    if row is None:  # first use of the series this year: create it (a racing PC may too)
        # the dialect's own INSERT ... ON CONFLICT, imported here: an app on SQLite never
        # loads the PostgreSQL dialect (a tenth of a second of every start)
        if session.get_bind().dialect.name == "postgresql":
            from sqlalchemy.dialects.postgresql import insert as pg_insert

            session.execute(
                pg_insert(ReceiptCounter)
                .values(series=series, year=year, last_no=0)
                .on_conflict_do_nothing()
            )
        else:
            from sqlalchemy.dialects.sqlite import insert as sqlite_insert

            session.execute(
                sqlite_insert(ReceiptCounter)
                .values(series=series, year=year, last_no=0)
                .on_conflict_do_nothing()
            )
        row = session.scalars(stmt).one()
    cache[(series, year)] = row
    return row


def next_number(session: Session, series: str, year: int) -> int:
    row = lock_series(session, series, year)
    row.last_no += 1
    session.flush()
    return row.last_no


def next_receipt(session: Session, series: str, year: int) -> str:
    """``SMP-2026-000123``: unique and gapless per series and year (rolled back with its tx)."""
    return f"{series}-{year}-{next_number(session, series, year):06d}"

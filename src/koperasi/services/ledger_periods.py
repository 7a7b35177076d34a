"""The ledger's periods: which months are closed, and posting into a closed one."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import (
    FiscalPeriod,
)
from ..errors import PeriodClosed, ValidationError
from . import clock
from .settings import get_value
from .statements import fiscal_year_bounds, fy_start_month
from .transaction_state import state


def period_of(date: dt.date) -> str:
    return f"{date.year}-{date.month:02d}"


def ensure_open(session: Session, date: dt.date) -> None:
    """Refuse a posting dated ``date`` unless it may be posted: not after today
    (:func:`clock.today`, or the transaction's ``TransactionState.today``), not in a closed month, and not before
    the latest closed month or the end of the latest closed financial year (months close in
    order, so everything before a closed month counts as closed, even in an old database
    whose months were closed out of order). Nothing is written here; a refusal leaves the
    caller's unit of work to roll back."""
    st = state(session)
    today = clock.today(st.today)
    if date > today:
        raise ValidationError(
            "date", "posting_in_future", date=date.isoformat(), today=today.isoformat()
        )
    ym = (date.year, date.month)
    if ym in st.period_override:
        return
    through = closed_through(session)
    if through is None or ym > through:
        return
    own = session.scalar(
        select(FiscalPeriod.id).where(
            FiscalPeriod.year == date.year,
            FiscalPeriod.month == date.month,
            FiscalPeriod.status == "closed",
        )
    )
    if own is not None or ym == through:
        raise PeriodClosed(period=period_of(date), date=date.isoformat())
    raise PeriodClosed(
        "period_closed_through",
        period=period_of(date),
        date=date.isoformat(),
        through=f"{through[0]}-{through[1]:02d}",
    )


def closed_through(session: Session) -> tuple[int, int] | None:
    """(year, month) of the latest closed month, counting the last month of every closed
    financial year; None when nothing is closed. Remembered for the unit of work (closing
    or reopening a month forgets it: :func:`forget_periods`)."""
    st = state(session)
    if st.closed_through_read:
        return st.closed_through
    latest = session.execute(
        select(FiscalPeriod.year, FiscalPeriod.month)
        .where(FiscalPeriod.status == "closed")
        .order_by(FiscalPeriod.year.desc(), FiscalPeriod.month.desc())
        .limit(1)
    ).first()
    found: tuple[int, int] | None = (latest[0], latest[1]) if latest else None
    years = get_value(session, "closed_years", {}) or {}
    if years:
        sm = fy_start_month(session)
        for y in years:
            end = fiscal_year_bounds(int(y), sm)[1]
            if found is None or (end.year, end.month) > found:
                found = (end.year, end.month)
    st.closed_through, st.closed_through_read = found, True
    return found


def forget_periods(session: Session) -> None:
    """A month was closed or opened in this unit of work: read the periods again."""
    st = state(session)
    st.closed_through, st.closed_through_read = None, False


@contextmanager
def posting_into_closed(session: Session, date: dt.date) -> Iterator[None]:
    """Let the block post dated ``date`` although its month counts as closed: only for the
    closing service's own entries (the year-end closing entry and its reversal)."""
    override = state(session).period_override
    key = (date.year, date.month)
    added = key not in override
    override.add(key)
    try:
        yield
    finally:
        if added:
            override.discard(key)

"""Today's date as the services see it.

A posting may not be dated after today, and a period job (month-end, savings interest, PPAP,
closing) runs only for a period that has ended before today. Services that take a ``today``
parameter pass it through :func:`today`; without one they use the system date, or the date a
caller set with :func:`pretend` (the demo builder builds a cooperative "as of" a past day, and
the books it leaves behind obey the same rules as if that day were today).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar

_TODAY: ContextVar[dt.date | None] = ContextVar("koperasi_today", default=None)


def today(given: dt.date | None = None) -> dt.date:
    """``given`` if set, else the date :func:`pretend` set, else the system date."""
    return given or _TODAY.get() or dt.date.today()


@contextmanager
def pretend(day: dt.date) -> Iterator[None]:
    """Within the block (and this thread), services take ``day`` as today."""
    token = _TODAY.set(day)
    try:
        yield
    finally:
        _TODAY.reset(token)


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def has_ended(year: int, month: int, today_: dt.date | None = None) -> bool:
    """A month has ended when its last day is before today (on its last day it has not)."""
    return month_end(year, month) < today(today_)


def last_ended_month(today_: dt.date | None = None) -> tuple[int, int]:
    """The latest month that has ended: the month before today's."""
    t = today(today_)
    return (t.year - 1, 12) if t.month == 1 else (t.year, t.month - 1)


def ended_months(count: int, today_: dt.date | None = None) -> list[tuple[int, int]]:
    """The last ``count`` ended months, newest first."""
    y, m = last_ended_month(today_)
    out = []
    for _ in range(count):
        out.append((y, m))
        y, m = (y - 1, 12) if m == 1 else (y, m - 1)
    return out

"""Period closing (tutup buku): months and the financial year.

- ``close_month``: the month's postings are locked (``fiscal_periods.status = closed``; the
  ledger's ``ensure_open`` refuses any posting dated in it or before it). Only a month that
  has ended, and only in order: every month from the first posting's must be closed first.
  Idempotent.
- ``reopen_month``: administrator only, the latest closed month only, needs a reason, is
  audited; refused while the month's financial year is closed (reopen the year first).
- ``close_year``: computes the year's SHU (income less expenses), posts ONE closing entry on
  the last day of the financial year that first moves what 3.90 still holds from earlier
  years (undistributed SHU, or losses not covered) to 3.91 SHU/Rugi Tahun Lalu Belum
  Dibagi, then every income and expense balance to 3.90 SHU Tahun Berjalan, and closes all
  twelve months. After it 3.90 holds exactly the year's result. Balance-sheet accounts
  simply carry forward (the ledger is cumulative). The year's split by side of the business
  (members / non-members, UU 25/1992 Pasal 45) is recorded with the closing for the audit
  trail. Idempotent: closing a closed year returns it as it is.
- ``reopen_year``: reverses the closing entry (audited, with a reason); refused once the
  year's SHU has been distributed. The months stay closed until reopened one by one.

The closing entry is posted into the year's last month even when that month is already
closed: inside the same transaction the month is opened, the entry posted and the month
closed again (``closed_at`` after the entry), so ``koperasi check`` stays green.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TypedDict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import FiscalPeriod
from ..db.models.base import utcnow
from ..domain.vocabulary import EntrySource, PeriodStatus
from ..errors import ValidationError
from . import audit, clock, ledger_periods, statements
from .auth import Actor, require
from .settings import get_value
from .uow import read_only, unit_of_work
from .validation import clean_memo

CLOSING_SOURCE = statements.CLOSING_SOURCE
SHU_SOURCE = EntrySource.SHU
CLOSED_YEARS_KEY = "closed_years"


class ClosedYearInfo(TypedDict, total=False):
    """What the settings key ``closed_years`` keeps per closed year (JSON; a book closed by
    an older version may lack the later keys)."""

    income: int
    expenses: int
    surplus: int
    member_surplus: int
    non_member_surplus: int
    prior_moved: int
    entry_id: int | None
    closed_by: str
    backup: str | None


@dataclass(frozen=True)
class PeriodView:
    year: int
    month: int
    status: str  # open | closed
    closed_at: dt.datetime | None
    closed_by: str | None
    note: str

    @property
    def label(self) -> str:
        return f"{self.year}-{self.month:02d}"


@dataclass(frozen=True)
class YearClosing:
    year: int
    start: dt.date
    end: dt.date
    income: int
    expenses: int
    surplus: int
    entry_id: int | None
    already_closed: bool = False
    member_surplus: int = 0  # SHU from business with members (the part shared by patronage)
    non_member_surplus: int = 0
    prior_moved: int = 0  # what 3.90 held from earlier years, moved to 3.91 by the closing
    # the backup made just before the closing (SQLite; None on PostgreSQL, whose server
    # backs up with pg_dump, and when the year was already closed)
    backup: str | None = None


def view(p: FiscalPeriod | None, year: int, month: int) -> PeriodView:
    if p is None:
        return PeriodView(year, month, PeriodStatus.OPEN, None, None, "")
    return PeriodView(p.year, p.month, p.status, p.closed_at, p.closed_by, p.note or "")


def period_row(s: Session, year: int, month: int, lock: bool = True) -> FiscalPeriod:
    q = select(FiscalPeriod).where(FiscalPeriod.year == year, FiscalPeriod.month == month)
    if lock:
        q = q.with_for_update()
    p = s.scalars(q).first()
    if p is None:
        p = FiscalPeriod(year=year, month=month, status=PeriodStatus.OPEN, note="")
        s.add(p)
        s.flush()
    return p


def _check_month(year: int, month: int) -> None:
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "invalid")


def parse_period(text: str) -> tuple[int, int]:
    """``2026-03`` -> (2026, 3)."""
    try:
        y, m = text.strip().split("-")
        year, month = int(y), int(m)
    except (ValueError, AttributeError) as exc:
        raise ValidationError("period", "not_a_period", value=text) from exc
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "not_a_period", value=text)
    return year, month


def closed_years_in(s: Session) -> dict[str, ClosedYearInfo]:
    closed: dict[str, ClosedYearInfo] = dict(get_value(s, CLOSED_YEARS_KEY, {}) or {})
    return closed


def is_year_closed_in(s: Session, year: int) -> bool:
    return str(year) in closed_years_in(s)


def close_in(s: Session, actor: Actor, year: int, month: int, note: str = "") -> bool:
    p = period_row(s, year, month)
    if p.status == PeriodStatus.CLOSED:
        return False
    before = view(p, year, month)
    p.status = PeriodStatus.CLOSED
    p.closed_at = utcnow()
    p.closed_by = actor.username
    p.note = note
    s.flush()
    ledger_periods.forget_periods(s)  # ledger.ensure_open's memory of the closed months
    audit.record(
        s,
        actor,
        "period.close",
        "fiscal_period",
        f"{year}-{month:02d}",
        before,
        view(p, year, month),
    )
    return True


def close_month(
    db: Database, actor: Actor, year: int, month: int, today: dt.date | None = None
) -> PeriodView:
    """Lock the month: nothing dated in it (or before it) can be posted any more. Months
    close in order: every month from the first posting's up to this one must be closed
    already. Idempotent."""
    require(actor, "period.close")
    _check_month(year, month)
    if not clock.has_ended(year, month, today):
        raise ValidationError("period", "period_not_ended", period=f"{year}-{month:02d}")
    with unit_of_work(db) as s:
        p = period_row(s, year, month)
        if p.status != PeriodStatus.CLOSED:
            gap = first_open_month_before(s, year, month)
            if gap is not None:
                raise ValidationError(
                    "period", "earlier_month_open", period=f"{gap[0]}-{gap[1]:02d}"
                )
        close_in(s, actor, year, month)
        return view(period_row(s, year, month, lock=False), year, month)


def first_open_month_before(s: Session, year: int, month: int) -> tuple[int, int] | None:
    """The first month before (year, month) that is still open, counting from the month of
    the first posting (or of the first closed month, if earlier); None when there is none."""
    rows = s.execute(
        select(FiscalPeriod.year, FiscalPeriod.month).where(
            FiscalPeriod.status == PeriodStatus.CLOSED
        )
    ).all()
    closed = {(y, m) for y, m in rows}
    starts = [min(closed)] if closed else []
    first = statements.first_and_last_entry_date(s)[0]
    if first is not None:
        starts.append((first.year, first.month))
    if not starts:
        return None
    y, m = min(starts)
    while (y, m) < (year, month):
        if (y, m) not in closed:
            return y, m
        y, m = statements.add_months(y, m, 1)
    return None


def latest_closed_month_in(s: Session) -> tuple[int, int] | None:
    row = s.execute(
        select(FiscalPeriod.year, FiscalPeriod.month)
        .where(FiscalPeriod.status == PeriodStatus.CLOSED)
        .order_by(FiscalPeriod.year.desc(), FiscalPeriod.month.desc())
        .limit(1)
    ).first()
    return (row[0], row[1]) if row else None


def reopen_month(db: Database, actor: Actor, year: int, month: int, reason: str) -> PeriodView:
    """Open the latest closed month again (admin only); the reason goes to the audit trail.
    An earlier month cannot be reopened while a later one is closed."""
    require(actor, "period.reopen")
    _check_month(year, month)
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        sm = statements.fy_start_month(s)
        fy = statements.fiscal_year_of(dt.date(year, month, 1), sm)
        if is_year_closed_in(s, fy):
            raise ValidationError("period", "year_closed", year=fy)
        p = period_row(s, year, month)
        if p.status != PeriodStatus.CLOSED:
            return view(p, year, month)
        latest = latest_closed_month_in(s)
        if latest is not None and latest != (year, month):
            raise ValidationError(
                "period",
                "not_latest_closed",
                latest=f"{latest[0]}-{latest[1]:02d}",
                period=f"{year}-{month:02d}",
            )
        before = view(p, year, month)
        p.status = PeriodStatus.OPEN
        p.note = reason.strip()
        s.flush()
        ledger_periods.forget_periods(s)
        audit.record(
            s,
            actor,
            "period.reopen",
            "fiscal_period",
            f"{year}-{month:02d}",
            before,
            {"status": PeriodStatus.OPEN, "reason": reason.strip()},
        )
        return view(p, year, month)


def period_is_final_in(s: Session, end: dt.date, today: dt.date | None = None) -> bool:
    """A report up to ``end`` is final when its period has ended and is closed (the month of
    ``end`` is closed, or before the latest closed month); otherwise it is a draft."""
    if end >= clock.today(today):
        return False
    through = ledger_periods.closed_through(s)
    return through is not None and (end.year, end.month) <= through


def report_is_draft(db: Database, end: dt.date, today: dt.date | None = None) -> bool:
    with read_only(db) as s:
        return not period_is_final_in(s, end, today)


def periods(db: Database, year: int | None = None) -> list[PeriodView]:
    """Status of the months (those with a row; a month without one is open)."""
    with read_only(db) as s:
        q = select(FiscalPeriod).order_by(FiscalPeriod.year, FiscalPeriod.month)
        if year is not None:
            q = q.where(FiscalPeriod.year == year)
        return [view(p, p.year, p.month) for p in s.scalars(q)]


def closed_years(db: Database) -> list[int]:
    with read_only(db) as s:
        return sorted(int(y) for y in closed_years_in(s))

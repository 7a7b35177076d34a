"""Closing the financial year (the closing entry, the backup before it, reopening a year) and
the year overview for the GUI."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import TypeVar

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import FiscalPeriod, JournalEntry
from ..db.models.base import utcnow
from ..domain import accounts
from ..domain.vocabulary import PeriodStatus
from ..errors import KoperasiError, ValidationError
from . import audit, clock, ledger, ledger_periods, statements
from .auth import Actor, require
from .closing import (
    CLOSED_YEARS_KEY,
    CLOSING_SOURCE,
    SHU_SOURCE,
    PeriodView,
    YearClosing,
    close_in,
    closed_years_in,
    period_row,
    view,
)
from .common_reads import live_entry
from .ledger import Line
from .progress import ProgressCallback, report
from .settings import set_value
from .uow import read_only, unit_of_work
from .validation import clean_memo

_T = TypeVar("_T")


def closing_entry_id(s: Session, year: int) -> int | None:
    """The year's closing entry, if posted and not reversed."""
    return s.scalars(
        select(JournalEntry.id).where(
            JournalEntry.source == CLOSING_SOURCE,
            JournalEntry.source_ref == f"TB-{year}",
            live_entry(),
        )
    ).first()


def _closing_lines(
    s: Session, start: dt.date, end: dt.date, prior: int = 0
) -> tuple[list[Line], int, int]:
    """The closing entry's lines: ``prior`` (3.90's balance from earlier years) to 3.91,
    then the income and expense balances to 3.90."""
    infos = statements.accounts(s)
    bal = statements.balances(s, end, start, (), infos)  # what is still in the accounts
    lines: list[Line] = []
    if prior > 0:
        memo = "SHU tahun lalu belum dibagi"
        lines += [
            Line(statements.SHU_ACCOUNT, debit=prior, memo=memo),
            Line(statements.PRIOR_SHU_ACCOUNT, credit=prior, memo=memo),
        ]
    elif prior < 0:
        memo = "Rugi tahun lalu belum ditutup"
        lines += [
            Line(statements.PRIOR_SHU_ACCOUNT, debit=-prior, memo=memo),
            Line(statements.SHU_ACCOUNT, credit=-prior, memo=memo),
        ]
    income = expenses = 0
    for code, value in sorted(bal.items()):
        info = infos[code]
        if value == 0 or info.type not in ("income", "expense"):
            continue
        if info.type == "income":
            income += value
            lines.append(Line(code, debit=value) if value > 0 else Line(code, credit=-value))
        else:
            expenses += value
            lines.append(Line(code, credit=value) if value > 0 else Line(code, debit=-value))
    surplus = income - expenses
    if surplus > 0:
        lines.append(Line(accounts.CURRENT_SHU, credit=surplus, memo="SHU"))
    elif surplus < 0:
        lines.append(Line(accounts.CURRENT_SHU, debit=-surplus, memo="SHU (rugi)"))
    return lines, income, expenses


def _post_in_month(s: Session, actor: Actor, date: dt.date, fn: Callable[[], _T]) -> _T:
    """Run ``fn()`` (which posts dated ``date``) even if that month counts as closed (it is,
    or a later month is); a month closed before is closed again after (``closed_at`` after
    the entry, so ``koperasi check`` stays green)."""
    p = period_row(s, date.year, date.month)
    was_closed = p.status == PeriodStatus.CLOSED
    if was_closed:
        p.status = PeriodStatus.OPEN
        s.flush()
    with ledger_periods.posting_into_closed(s, date):
        result = fn()
    if was_closed:
        p.status = PeriodStatus.CLOSED
        p.closed_at = utcnow()
        s.flush()
    ledger_periods.forget_periods(s)
    return result


def _ensure_prior_account(s: Session) -> None:
    """3.91 exists (the seed adds it; a database whose chart lacks it gets it here)."""
    from ..db.models import Account
    from ..db.seed import CHART_OF_ACCOUNTS

    code = statements.PRIOR_SHU_ACCOUNT
    if s.scalar(select(Account.id).where(Account.code == code)) is None:
        row = next(r for r in CHART_OF_ACCOUNTS if r[0] == code)
        s.add(Account(code=code, name=row[1], name_en=row[2], type=row[3]))
        s.flush()


def _year_closable(
    s: Session, year: int, today: dt.date, result: bool = False
) -> bool | YearClosing:
    """Raise when ``year`` cannot be closed yet; when it is closed already: its
    :class:`YearClosing` (``result``) or False; else True."""
    sm = statements.fy_start_month(s)
    start, end = statements.fiscal_year_bounds(year, sm)
    if end >= today:
        raise ValidationError("year", "period_not_ended", period=str(year))
    closed = closed_years_in(s)
    if str(year) in closed:
        if not result:
            return False
        info = closed[str(year)]
        return YearClosing(
            year,
            start,
            end,
            int(info.get("income", 0)),
            int(info.get("expenses", 0)),
            int(info.get("surplus", 0)),
            info.get("entry_id"),
            already_closed=True,
            member_surplus=int(info.get("member_surplus", info.get("surplus", 0))),
            non_member_surplus=int(info.get("non_member_surplus", 0)),
            prior_moved=int(info.get("prior_moved", 0)),
        )
    earlier = [int(y) for y in closed if int(y) > year]
    if earlier:
        raise ValidationError("year", "later_year_closed", year=min(earlier))
    first = statements.first_and_last_entry_date(s)[0]
    if first is not None and first < start:
        first_fy = statements.fiscal_year_of(first, sm)
        open_years = [y for y in range(first_fy, year) if str(y) not in closed]
        if open_years:
            raise ValidationError("year", "earlier_year_open", year=open_years[0])
    return True


def close_year(
    db: Database,
    actor: Actor,
    year: int,
    progress: ProgressCallback | None = None,
    today: dt.date | None = None,
    *,
    backup: bool = True,
) -> YearClosing:
    """Close the financial year: SHU to 3.90 in one entry, all months closed. Idempotent.

    A SQLite book is first backed up into its backups folder (``backup/`` beside the file,
    labelled ``sebelum-tutup-buku-YEAR``), as the README promises; when that backup cannot be
    written the year is not closed (:class:`ClosingBackupFailed`). ``backup=False`` only for
    the demo's own history."""
    require(actor, "period.close")
    today = clock.today(today)
    backup_path = None
    if backup:
        with read_only(db) as s:  # a refused or repeated closing makes no backup
            ready = _year_closable(s, year, today)
        if ready:
            backup_path = _backup_before_closing(db, year)
    with unit_of_work(db) as s:
        done = _year_closable(s, year, today, result=True)
        if isinstance(done, YearClosing):
            return done
        sm = statements.fy_start_month(s)
        start, end = statements.fiscal_year_bounds(year, sm)
        closed = closed_years_in(s)
        report(progress, 0, 3, "SHU")
        _ensure_prior_account(s)
        prior = statements.balances(s, end).get(statements.SHU_ACCOUNT, 0)
        lines, income, expenses = _closing_lines(s, start, end, prior)
        split = statements.business_split(s, start, end)
        entry_id = None
        if len(lines) >= 2:
            entry = _post_in_month(
                s,
                actor,
                end,
                lambda: ledger.post(
                    s,
                    actor,
                    end,
                    f"Tutup buku tahun {year}: pendapatan dan beban ke SHU Tahun Berjalan",
                    lines,
                    source=CLOSING_SOURCE,
                    source_ref=f"TB-{year}",
                ),
            )
            entry_id = entry.id
        report(progress, 1, 3, "periode")
        for y, m in statements.fiscal_year_months(year, sm):
            close_in(s, actor, y, m, note=f"Tutup buku {year}")
        result = YearClosing(
            year,
            start,
            end,
            income,
            expenses,
            income - expenses,
            entry_id,
            member_surplus=split.member_surplus,
            non_member_surplus=split.non_member_surplus,
            prior_moved=prior,
            backup=str(backup_path) if backup_path else None,
        )
        closed[str(year)] = {
            "income": income,
            "expenses": expenses,
            "surplus": income - expenses,
            "member_surplus": split.member_surplus,
            "non_member_surplus": split.non_member_surplus,
            "prior_moved": prior,
            "entry_id": entry_id,
            "closed_by": actor.username,
            "backup": result.backup,
        }
        set_value(s, actor, CLOSED_YEARS_KEY, closed)
        audit.record(s, actor, "year.close", "financial_year", str(year), None, result)
        report(progress, 3, 3, "selesai")
        return result


class ClosingBackupFailed(KoperasiError):
    """The backup before a year-end closing could not be written: the year stays open."""

    code = "closing_backup_failed"


def _backup_before_closing(db: Database, year: int) -> Path | None:
    """The backup a year-end closing makes first (the books as they were before it). The
    closing's transaction has written nothing yet, so the copy is the book before closing."""
    from .backup import before_risky_operation

    try:
        return before_risky_operation(db, f"tutup-buku-{year}")
    except KoperasiError as exc:
        raise ClosingBackupFailed(
            year=year,
            path=exc.params.get("path", ""),
            detail=exc.params.get("detail", "") or exc.message("en"),
        ) from exc


def shu_distribution_entry_id(s: Session, year: int) -> int | None:
    return s.scalars(
        select(JournalEntry.id).where(
            JournalEntry.source == SHU_SOURCE,
            JournalEntry.source_ref == f"SHU-{year}",
            live_entry(),
        )
    ).first()


def reopen_year(db: Database, actor: Actor, year: int, reason: str) -> YearClosing:
    """Undo a year-end closing (admin, with a reason): the closing entry is reversed."""
    require(actor, "period.reopen")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        sm = statements.fy_start_month(s)
        start, end = statements.fiscal_year_bounds(year, sm)
        closed = closed_years_in(s)
        if str(year) not in closed:
            raise ValidationError("year", "year_not_closed", year=year)
        later = [int(y) for y in closed if int(y) > year]
        if later:
            raise ValidationError("year", "later_year_closed", year=min(later))
        if shu_distribution_entry_id(s, year) is not None:
            raise ValidationError("year", "shu_already_distributed", year=year)
        info = closed.pop(str(year))
        entry_id = closing_entry_id(s, year)
        if entry_id is not None:
            _post_in_month(
                s,
                actor,
                end,
                lambda: ledger.post_reversal(s, actor, entry_id, end, reason.strip()),
            )
        set_value(s, actor, CLOSED_YEARS_KEY, closed)
        result = YearClosing(
            year,
            start,
            end,
            int(info.get("income", 0)),
            int(info.get("expenses", 0)),
            int(info.get("surplus", 0)),
            entry_id,
        )
        audit.record(
            s, actor, "year.reopen", "financial_year", str(year), result, {"reason": reason.strip()}
        )
        return result


def year_surplus_in(s: Session, year: int) -> tuple[int, bool]:
    """(SHU of the financial year, whether the year is closed)."""
    closed = closed_years_in(s)
    if str(year) in closed:
        return int(closed[str(year)].get("surplus", 0)), True
    sm = statements.fy_start_month(s)
    start, end = statements.fiscal_year_bounds(year, sm)
    return statements.surplus_between(s, start, end), False


@dataclass(frozen=True)
class YearOverview:
    """A financial year as the closing screen shows it: its months and its SHU."""

    year: int
    start: dt.date
    end: dt.date
    months: tuple[PeriodView, ...]  # the twelve months of the financial year, in order
    closed: bool
    income: int
    expenses: int
    surplus: int  # what close_year posts (or posted) to 3.90
    shu_distributed: bool


def financial_years(db: Database, today: dt.date | None = None) -> list[int]:
    """Financial years from the first posting's to today's, newest first."""
    today = today or dt.date.today()
    with read_only(db) as s:
        sm = statements.fy_start_month(s)
        first, last = statements.first_and_last_entry_date(s)
        lo = statements.fiscal_year_of(first or today, sm)
        hi = statements.fiscal_year_of(max(last or today, today), sm)
        return list(range(hi, lo - 1, -1))


def year_overview(db: Database, year: int) -> YearOverview:
    """The months of financial year ``year`` with their status, and the year's SHU."""
    with read_only(db) as s:
        sm = statements.fy_start_month(s)
        start, end = statements.fiscal_year_bounds(year, sm)
        rows = {
            (p.year, p.month): p
            for p in s.scalars(select(FiscalPeriod).where(FiscalPeriod.year.in_([year, year + 1])))
        }
        months = tuple(
            view(rows.get((y, m)), y, m) for y, m in statements.fiscal_year_months(year, sm)
        )
        closed = closed_years_in(s)
        if str(year) in closed:
            info = closed[str(year)]
            income, expenses = int(info.get("income", 0)), int(info.get("expenses", 0))
            surplus = int(info.get("surplus", income - expenses))
        else:
            _lines, income, expenses = _closing_lines(s, start, end)
            surplus = income - expenses
        return YearOverview(
            year,
            start,
            end,
            months,
            str(year) in closed,
            income,
            expenses,
            surplus,
            shu_distribution_entry_id(s, year) is not None,
        )

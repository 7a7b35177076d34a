"""The month-end run (idempotent, for a month that has ended): the standing instructions of
the month, the loans' classification and provision (PPAP), the fixed assets' depreciation and
the time deposits' interest and maturities, in that order, in one unit of work.

It sets the loan-loss allowance (1.29) to the PPAP the loans need on that date, posting the
change (Dr 5.40 / Cr 1.29, or the reverse for a release); penalties owed are a memo only (cash
basis). Running it again for the same date posts nothing. This module sits above the
subledgers it orchestrates: none of them imports it.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import AuditEntry, Loan
from ..domain.vocabulary import EntrySource
from ..errors import ValidationError
from . import audit, clock, ledger, ledger_periods
from .auth import Actor, require
from .fixed_asset_depreciation import depreciate_month_in
from .ledger import Line
from .loans.core import (
    ACTIVE,
    ALLOWANCE,
    PAID_OFF,
    PROVISION_EXPENSE,
    WRITTEN_OFF,
)
from .loans.quality import ClassSummary, qualities_in, summaries
from .progress import ProgressCallback, report
from .standing_instructions import run_in as run_standing
from .time_deposit_runs import run_month_in as deposits_month_in
from .uow import unit_of_work


@dataclass(frozen=True)
class MonthEndResult:
    as_of: dt.date
    loans: int
    ppap_total: int
    allowance_before: int
    allowance_after: int
    change: int  # + provision added (Dr 5.40), - released
    journal_entry_id: int | None
    penalty_memo: int
    by_class: tuple[ClassSummary, ...] = field(default_factory=tuple)
    depreciation: int = 0  # fixed assets' depreciation booked for the month (Dr 5.30)
    depreciation_entry_id: int | None = None
    deposits: Any = None  # the time deposits' run of the month (time_deposits.MonthRun)
    standing_posted: int = 0  # standing instructions executed by this run (count)
    standing_skipped: int = 0  # and skipped (short balance, ...), listed in their report


# ---------------------------------------------------------------- month end


def last_month_end_in(session: Session) -> dt.date | None:
    """The date of the latest month-end run (its PPAP booking is what the loans hold)."""
    keys = session.scalars(
        select(AuditEntry.entity_id).where(AuditEntry.action == "loan.month_end")
    ).all()
    dates = []
    for key in keys:
        try:
            dates.append(dt.date.fromisoformat(key))
        except ValueError:
            continue
    return max(dates, default=None)


_LOANS = cast(Table, Loan.__table__)
_QUALITY_UPDATE = (
    _LOANS.update()
    .where(_LOANS.c.id == bindparam("loan"))
    .values(ppap_booked=bindparam("ppap"), quality_class=bindparam("cls"))
)


def month_end_in(
    session: Session,
    actor: Actor,
    as_of: dt.date,
    progress: ProgressCallback | None = None,
    today: dt.date | None = None,
) -> MonthEndResult:
    if not clock.has_ended(as_of.year, as_of.month, today):
        # a month still running: its classes and PPAP would come from part of the month
        raise ValidationError(
            "period",
            "period_job_not_ended",
            period=f"{as_of.year}-{as_of.month:02d}",
            end=clock.month_end(as_of.year, as_of.month).isoformat(),
        )
    ledger_periods.ensure_open(session, as_of)
    last = last_month_end_in(session)
    if last is not None and as_of < last:
        # the loans' booked PPAP is as of ``last``: a run for an earlier date would post the
        # difference backwards in time
        raise ValidationError("date", "date_before", other=last.isoformat())
    # standing instructions of the month (wajib, installments from sukarela), each posting in
    # its own savepoint, before the loans are classified

    standing = run_standing(session, actor, as_of)
    report(progress, 0, 3, "kolektibilitas")
    items = {q.loan_number: q for q in qualities_in(session, as_of, only_active_now=True)}
    report(progress, 1, 3, "PPAP")
    change = 0
    loans = session.execute(
        select(Loan.id, Loan.number, Loan.status, Loan.ppap_booked, Loan.quality_class)
        .where((Loan.status == ACTIVE) | (Loan.ppap_booked != 0))
        .order_by(Loan.id)
        .with_for_update()
    ).all()
    updates = []
    for loan_id, number, status, booked, quality_class in loans:
        q = items.get(number)
        required = q.ppap if (q is not None and status == ACTIVE) else 0
        cls = quality_class
        if q is not None:
            cls = q.kolektibilitas
        elif status in (PAID_OFF, WRITTEN_OFF):
            cls = ""
        change += required - booked
        if required != booked or cls != quality_class:
            updates.append({"loan": loan_id, "ppap": required, "cls": cls})
    if updates:  # one executemany of the loans that changed (not an ORM flush of thousands)
        session.connection().execute(_QUALITY_UPDATE, updates)
        # loan objects this session already holds must not keep the old values
        for loan in session.identity_map.values():
            if isinstance(loan, Loan):
                session.expire(loan, ["ppap_booked", "quality_class"])
    before = -ledger.balance(session, ALLOWANCE, as_of)
    entry_id = None
    if change:
        memo = f"PPAP {as_of.isoformat()}"
        lines = (
            [
                Line(PROVISION_EXPENSE, debit=change, memo=memo),
                Line(ALLOWANCE, credit=change, memo=memo),
            ]
            if change > 0
            else [
                Line(ALLOWANCE, debit=-change, memo=memo),
                Line(PROVISION_EXPENSE, credit=-change, memo=memo),
            ]
        )
        entry = ledger.post(
            session,
            actor,
            as_of,
            f"Penyisihan penghapusan pinjaman (PPAP) per {as_of.strftime('%d/%m/%Y')}",
            lines,
            source=EntrySource.PROVISION,
            source_ref=f"ppap-{as_of.isoformat()}",
        )
        entry_id = entry.id
    session.flush()
    # the fixed assets' depreciation of the month: once per month, whatever runs it again
    depreciation = depreciate_month_in(session, actor, as_of.year, as_of.month)
    # the time deposits' interest and maturities of the month (idempotent)
    deposits = deposits_month_in(session, actor, as_of.year, as_of.month)
    report(progress, 2, 3, "selesai")
    values = list(items.values())
    result = MonthEndResult(
        as_of,
        len(values),
        sum(q.ppap for q in values),
        before,
        before + change,
        change,
        entry_id,
        sum(q.penalty_due for q in values),
        summaries(values),
        depreciation.amount,
        depreciation.journal_entry_id,
        deposits,
        len(standing.posted),
        len(standing.skipped),
    )
    audit.record(session, actor, "loan.month_end", "period", as_of.isoformat(), after=result)
    report(progress, 3, 3, "selesai")
    return result


def month_end(
    db: Database,
    actor: Actor,
    as_of: dt.date,
    progress: ProgressCallback | None = None,
    today: dt.date | None = None,
) -> MonthEndResult:
    """Month-end for loans (idempotent): classify every active loan, compute PPAP and post
    the allowance change so that the PPAP total equals the balance of 1.29; penalties owed
    are reported as a memo (cash basis). Only for a month that has ended (the month of
    ``as_of`` ends before ``today``)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        return month_end_in(s, actor, as_of, progress, today)

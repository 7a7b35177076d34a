"""Fixed assets: the month's depreciation run."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import FixedAsset, FixedAssetDepreciation, JournalEntry
from ..errors import ValidationError
from . import audit, clock, ledger
from .auth import Actor, require
from .fixed_assets import (
    DEPRECIATION,
    asset_group_accounts,
    booked_depreciation,
    period_key,
    target_through,
)
from .ledger import Line
from .settings import rounding_in
from .uow import unit_of_work


@dataclass(frozen=True)
class DepreciationRun:
    year: int
    month: int
    amount: int
    assets: int
    journal_entry_id: int | None
    already_posted: bool


def depreciation_entry_id(session: Session, year: int, month: int) -> int | None:
    return session.scalar(
        select(JournalEntry.id).where(
            JournalEntry.source == DEPRECIATION,
            JournalEntry.source_ref == f"{DEPRECIATION}-{period_key(year, month)}",
        )
    )


def depreciate_month_in(session: Session, actor: Actor, year: int, month: int) -> DepreciationRun:
    """Book the depreciation of (year, month), dated its last day: for every asset in use, what
    its schedule reaches by then less what was booked before (so a month the run missed is
    caught up). Idempotent: a month whose entry exists posts nothing."""
    existing = depreciation_entry_id(session, year, month)
    if existing is not None:
        total = session.scalar(
            select(func.coalesce(func.sum(FixedAssetDepreciation.amount), 0)).where(
                FixedAssetDepreciation.journal_entry_id == existing
            )
        )
        n = session.scalar(
            select(func.count(FixedAssetDepreciation.id)).where(
                FixedAssetDepreciation.journal_entry_id == existing
            )
        )
        return DepreciationRun(year, month, int(total or 0), int(n or 0), existing, True)
    end = clock.month_end(year, month)
    mode = rounding_in(session)
    assets = session.scalars(
        select(FixedAsset)
        .where(
            FixedAsset.acquired_on <= end,
            FixedAsset.disposed_on.is_(None) | (FixedAsset.disposed_on > end),
            FixedAsset.life_months > 0,
            FixedAsset.cancelled_on.is_(None),
        )
        .order_by(FixedAsset.id)
    ).all()
    booked = booked_depreciation(session, [a.id for a in assets])
    due: list[tuple[FixedAsset, int]] = []
    for a in assets:
        if a.opening_date is not None and a.opening_date >= end:
            continue
        amount = target_through(a, year, month, mode) - booked.get(a.id, 0)
        if amount > 0:
            due.append((a, amount))
    if not due:
        return DepreciationRun(year, month, 0, 0, None, False)
    per_pair: dict[tuple[str, str], int] = defaultdict(int)
    for a, amount in due:
        _, acc_acct, exp_acct = asset_group_accounts(session, a.group_code)
        per_pair[(exp_acct, acc_acct)] += amount
    memo = f"Penyusutan {period_key(year, month)}"
    lines = []
    for (exp_acct, acc_acct), amount in sorted(per_pair.items()):
        lines.append(Line(exp_acct, debit=amount, memo=memo))
        lines.append(Line(acc_acct, credit=amount, memo=memo))
    entry = ledger.post(
        session,
        actor,
        end,
        f"Penyusutan aset tetap bulan {end.strftime('%m/%Y')}",
        lines,
        source=DEPRECIATION,
        source_ref=f"{DEPRECIATION}-{period_key(year, month)}",
    )
    for a, amount in due:
        session.add(
            FixedAssetDepreciation(
                asset_id=a.id,
                period=period_key(year, month),
                amount=amount,
                journal_entry_id=entry.id,
            )
        )
    session.flush()
    total = sum(x for _, x in due)
    run = DepreciationRun(year, month, total, len(due), entry.id, False)
    audit.record(session, actor, "asset.depreciate", "period", period_key(year, month), after=run)
    return run


def depreciate_month(
    db: Database, actor: Actor, year: int, month: int, today: dt.date | None = None
) -> DepreciationRun:
    """The depreciation of a month that has ended (also part of the loans' month-end run)."""
    require(actor, "asset.write")
    if not clock.has_ended(year, month, today):
        raise ValidationError(
            "period",
            "period_job_not_ended",
            period=period_key(year, month),
            end=clock.month_end(year, month).isoformat(),
        )
    with unit_of_work(db) as s:
        return depreciate_month_in(s, actor, year, month)

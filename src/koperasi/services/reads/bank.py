"""Read model of the bank reconciliation report (:mod:`koperasi.reports.bank`)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import BankAccount
from ..bank import Reconciliation
from ..bank_reconciliation import reconciliation_in


def active_reconciliations(s: Session, as_of: dt.date) -> list[Reconciliation]:
    """The reconciliation of every active bank account on ``as_of``, by account code."""
    accounts = s.scalars(
        select(BankAccount).where(BankAccount.active.is_(True)).order_by(BankAccount.code)
    ).all()
    return [reconciliation_in(s, b, as_of) for b in accounts]

"""The ledger's trial balance."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    JournalEntry,
    JournalLine,
)
from .auth import Actor, require_read_all
from .uow import read_only


@dataclass(frozen=True)
class TrialBalanceRow:
    code: str
    name: str
    type: str
    debit: int
    credit: int

    @property
    def balance(self) -> int:
        """Natural-side balance: debit - credit for assets/expenses, else credit - debit."""
        if self.type in ("asset", "expense"):
            return self.debit - self.credit
        return self.credit - self.debit


@dataclass(frozen=True)
class TrialBalance:
    as_of: dt.date
    rows: tuple[TrialBalanceRow, ...]

    @property
    def total_debit(self) -> int:
        return sum(r.debit for r in self.rows)

    @property
    def total_credit(self) -> int:
        return sum(r.credit for r in self.rows)


def trial_balance(
    db: Database,
    as_of: dt.date,
    date_from: dt.date | None = None,
    actor: Actor | None = None,
) -> TrialBalance:
    """Debit and credit balance of every account up to ``as_of`` (one aggregate query)."""
    require_read_all(actor)
    with read_only(db) as s:
        return trial_balance_in(s, as_of, date_from)


def trial_balance_in(s: Session, as_of: dt.date, date_from: dt.date | None = None) -> TrialBalance:
    q = (
        select(
            JournalLine.account_id.label("aid"),
            func.sum(JournalLine.debit).label("d"),
            func.sum(JournalLine.credit).label("c"),
        )
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalEntry.date <= as_of)
    )
    if date_from is not None:
        q = q.where(JournalEntry.date >= date_from)
    sums = q.group_by(JournalLine.account_id).subquery()
    net = func.coalesce(sums.c.d, 0) - func.coalesce(sums.c.c, 0)
    rows = s.execute(
        select(
            Account.code,
            Account.name,
            Account.type,
            case((net > 0, net), else_=0),
            case((net < 0, -net), else_=0),
        )
        .outerjoin(sums, sums.c.aid == Account.id)
        .order_by(Account.code)
    ).all()
    return TrialBalance(
        as_of, tuple(TrialBalanceRow(c, n, t, int(d), int(cr)) for c, n, t, d, cr in rows)
    )

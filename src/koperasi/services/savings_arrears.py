"""Savings: the compulsory savings (wajib) in arrears."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Member,
    SavingsAccount,
    SavingsTransaction,
)
from .auth import Actor, require_group_visible
from .members import member_by_number
from .savings import WajibArrears, product_of_kind
from .uow import read_only


def months_between(start: dt.date, end: dt.date) -> int:
    """Months from ``start``'s month to ``end``'s month inclusive (0 when end < start)."""
    n = (end.year - start.year) * 12 + end.month - start.month + 1
    return max(0, n)


def wajib_arrears_in(session: Session, member: Member, as_of: dt.date) -> WajibArrears:
    p = product_of_kind(session, "wajib")
    until = (
        member.status_date
        if member.status in ("keluar", "meninggal") and member.status_date
        else as_of
    )
    months = months_between(member.join_date, min(as_of, until))
    acct = session.scalars(
        select(SavingsAccount).where(
            SavingsAccount.member_id == member.id, SavingsAccount.product_id == p.id
        )
    ).first()
    paid = 0
    if acct is not None:
        paid = int(
            session.scalar(
                select(func.coalesce(func.sum(SavingsTransaction.amount), 0)).where(
                    SavingsTransaction.account_id == acct.id,
                    SavingsTransaction.date <= as_of,
                    SavingsTransaction.kind.in_(("setor", "koreksi")),
                )
            )
            or 0
        )
    return WajibArrears(member.number, p.fixed_amount, months, months * p.fixed_amount, paid)


def wajib_arrears(
    db: Database, member_no: str, as_of: dt.date, actor: Actor | None = None
) -> WajibArrears:
    """Months of wajib due since joining vs what was paid (arrears of simpanan wajib)."""
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        return wajib_arrears_in(s, m, as_of)

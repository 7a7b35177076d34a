"""Savings: a member's balances and statement."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    TimeDeposit,
    TimeDepositEvent,
)
from ..domain.vocabulary import DepositStatus
from ..errors import ValidationError
from .auth import Actor, require_group_visible
from .members import member_by_number
from .savings import BalanceRow, Statement, StatementRow, balance_at, product_by_code
from .uow import read_only


def member_balances(
    db: Database,
    member_no: str,
    as_of: dt.date | None = None,
    actor: Actor | None = None,
) -> list[BalanceRow]:
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        rows = s.execute(
            select(SavingsAccount, SavingsProduct)
            .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
            .where(SavingsAccount.member_id == m.id)
            .order_by(SavingsProduct.id)
        ).all()
        out = [
            BalanceRow(
                p.code,
                p.name,
                p.kind,
                a.number,
                a.balance if as_of is None else balance_at(s, a.id, as_of),
            )
            for a, p in rows
        ]
        deposits = balance_row_in(s, m.id, as_of)
        return out + [deposits] if deposits is not None else out


def member_total_in(session: Session, member_id: int, as_of: dt.date | None = None) -> int:
    """A member's time-deposit principal (at ``as_of``), for the member's savings views."""
    q = (
        select(func.coalesce(func.sum(TimeDepositEvent.principal), 0))
        .join(TimeDeposit, TimeDeposit.id == TimeDepositEvent.deposit_id)
        .where(TimeDeposit.member_id == member_id)
    )
    if as_of is not None:
        q = q.where(TimeDepositEvent.date <= as_of)
    return int(session.scalar(q) or 0)


def balance_row_in(
    session: Session, member_id: int, as_of: dt.date | None = None
) -> BalanceRow | None:
    """The member's time deposits as one line of their savings balances (None without any):
    product ``BERJANGKA``, the active deposits' numbers in place of an account number."""
    active = session.scalars(
        select(TimeDeposit.number)
        .where(TimeDeposit.member_id == member_id, TimeDeposit.status == DepositStatus.ACTIVE)
        .order_by(TimeDeposit.id)
    ).all()
    total = member_total_in(session, member_id, as_of)
    if not active and not total:
        return None
    numbers = ", ".join(active[:2]) + (f" +{len(active) - 2}" if len(active) > 2 else "")
    return BalanceRow("BERJANGKA", "Simpanan Berjangka", "berjangka", numbers, total)


def statement(
    db: Database,
    member_no: str,
    product_code: str,
    date_from: dt.date,
    date_to: dt.date,
    actor: Actor | None = None,
) -> Statement:
    """Mutasi: opening balance, every movement with the running balance, closing balance."""
    if date_to < date_from:
        raise ValidationError("to", "date_before", other=date_from.isoformat())
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        p = product_by_code(s, product_code)
        acct = s.scalars(
            select(SavingsAccount).where(
                SavingsAccount.member_id == m.id, SavingsAccount.product_id == p.id
            )
        ).first()
        if acct is None:
            return Statement(m.number, m.name, p.code, p.name, "", date_from, date_to, 0, (), 0)
        opening = balance_at(s, acct.id, date_from - dt.timedelta(days=1))
        txs = s.scalars(
            select(SavingsTransaction)
            .where(
                SavingsTransaction.account_id == acct.id,
                SavingsTransaction.date >= date_from,
                SavingsTransaction.date <= date_to,
            )
            .order_by(SavingsTransaction.date, SavingsTransaction.id)
        ).all()
        running, rows = opening, []
        for t in txs:
            running += t.amount
            rows.append(
                StatementRow(
                    t.id,
                    t.date,
                    t.receipt_no,
                    t.kind,
                    t.memo,
                    -t.amount if t.amount < 0 else 0,
                    t.amount if t.amount > 0 else 0,
                    running,
                )
            )
        return Statement(
            m.number,
            m.name,
            p.code,
            p.name,
            acct.number,
            date_from,
            date_to,
            opening,
            tuple(rows),
            running,
        )

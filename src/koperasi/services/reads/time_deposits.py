"""Read models of the time-deposit papers (:mod:`koperasi.reports.time_deposits`): the
deposit a certificate is for, and a member's deposit movements for the savings statement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.models import TimeDeposit, TimeDepositEvent, TimeDepositProduct
from ...domain.vocabulary import DepositStatus
from ...errors import NotFound
from .. import time_deposits as td
from ..members import member_by_number


@dataclass(frozen=True)
class CertificateFacts:
    number: str
    member_id: int
    penalty_percent: Decimal  # the product's, for an early withdrawal
    principal_held: int  # all principal ever placed (what a paid-out deposit held)


def certificate_facts(s: Session, deposit: str | None, member: str | None) -> CertificateFacts:
    """The deposit numbered ``deposit``; else the member's (else anyone's) latest active
    deposit, else their latest."""
    if deposit:
        d = td.deposit_by_number(s, deposit)
    else:
        q = select(TimeDeposit).order_by(TimeDeposit.placed_on.desc(), TimeDeposit.id.desc())
        if member:
            q = q.where(TimeDeposit.member_id == member_by_number(s, member).id)
        found = (
            s.scalars(q.where(TimeDeposit.status == DepositStatus.ACTIVE)).first()
            or s.scalars(q).first()
        )
        if found is None:
            raise NotFound(what="Simpanan berjangka", key=member or "-")
        d = found
    product = s.get(TimeDepositProduct, d.product_id)
    assert product is not None
    held = s.scalar(
        select(func.coalesce(func.sum(TimeDepositEvent.principal), 0)).where(
            TimeDepositEvent.deposit_id == d.id, TimeDepositEvent.principal > 0
        )
    )
    return CertificateFacts(d.number, d.member_id, product.penalty_percent, int(held or 0))


@dataclass(frozen=True)
class DepositEvent:
    date: dt.date
    deposit_number: str
    kind: str
    principal: int
    gross: int
    tax: int
    penalty: int


@dataclass(frozen=True)
class DepositMoves:
    """A member's time deposits over a period: principal before it, and the events."""

    opening: int
    events: tuple[DepositEvent, ...]


def member_deposit_moves(
    s: Session, member_id: int, start: dt.date, end: dt.date
) -> DepositMoves | None:
    """None when the member never had a time deposit."""
    deposits = {
        did: number
        for did, number in s.execute(
            select(TimeDeposit.id, TimeDeposit.number).where(TimeDeposit.member_id == member_id)
        )
    }
    if not deposits:
        return None
    ids = list(deposits)
    opening = int(
        s.scalar(
            select(func.coalesce(func.sum(TimeDepositEvent.principal), 0)).where(
                TimeDepositEvent.deposit_id.in_(ids), TimeDepositEvent.date < start
            )
        )
        or 0
    )
    events = s.scalars(
        select(TimeDepositEvent)
        .where(
            TimeDepositEvent.deposit_id.in_(ids),
            TimeDepositEvent.date >= start,
            TimeDepositEvent.date <= end,
        )
        .order_by(TimeDepositEvent.date, TimeDepositEvent.id)
    ).all()
    return DepositMoves(
        opening,
        tuple(
            DepositEvent(
                e.date,
                deposits[e.deposit_id],
                e.kind,
                int(e.principal),
                int(e.gross),
                int(e.tax),
                int(e.penalty),
            )
            for e in events
        ),
    )

"""Time deposits: reading deposits, their events, the maturity list and totals."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Member,
    TimeDeposit,
    TimeDepositEvent,
)
from ..domain.vocabulary import DepositEvent, DepositStatus
from ..errors import ValidationError
from .auth import Actor, require_group_visible, require_read_all, visible_groups
from .members import member_by_number
from .settings import rounding_in
from .time_deposits import (
    DepositView,
    EventView,
    MaturityRow,
    deposit_by_number,
    deposit_view,
    monthly_interest,
)
from .uow import read_only


def get_deposit(db: Database, number: str, actor: Actor | None = None) -> DepositView:
    with read_only(db) as s:
        d = deposit_by_number(s, number)
        view = deposit_view(s, d)
        require_group_visible(actor, view.group_id, "Simpanan berjangka", d.number)
        return view


def events(db: Database, number: str, actor: Actor | None = None) -> list[EventView]:
    with read_only(db) as s:
        d = deposit_by_number(s, number)
        member = s.get(Member, d.member_id)
        assert member is not None
        require_group_visible(actor, member.group_id, "Simpanan berjangka", d.number)
        rows = s.scalars(
            select(TimeDepositEvent)
            .where(TimeDepositEvent.deposit_id == d.id)
            .order_by(TimeDepositEvent.date, TimeDepositEvent.id)
        ).all()
        return [
            EventView(
                e.id,
                e.date,
                e.kind,
                e.principal,
                e.accrued,
                e.gross,
                e.tax,
                e.penalty,
                e.due_on,
                e.journal_entry_id,
                e.memo,
            )
            for e in rows
        ]


def list_deposits(
    db: Database,
    actor: Actor | None = None,
    *,
    member_no: str | None = None,
    status: str | None = DepositStatus.ACTIVE,
) -> list[DepositView]:
    """Deposits (active by default), of one member or of every member the actor may see."""
    with read_only(db) as s:
        q = select(TimeDeposit).join(Member, Member.id == TimeDeposit.member_id)
        if member_no:
            m = member_by_number(s, member_no)
            require_group_visible(actor, m.group_id, "Anggota", m.number)
            q = q.where(TimeDeposit.member_id == m.id)
        else:
            groups = visible_groups(actor)
            if groups is not None:
                q = q.where(Member.group_id.in_(groups))
        if status:
            q = q.where(TimeDeposit.status == status)
        q = q.order_by(TimeDeposit.maturity_on, TimeDeposit.id)
        return [deposit_view(s, d) for d in s.scalars(q)]


def maturity_list(
    db: Database, date_from: dt.date, date_to: dt.date, actor: Actor | None = None
) -> list[MaturityRow]:
    """Active deposits maturing between the two dates (upcoming maturities), cooperative-wide."""
    require_read_all(actor, "Daftar jatuh tempo simpanan berjangka")
    if date_to < date_from:
        raise ValidationError("to", "date_before", other=date_from.isoformat())
    with read_only(db) as s:
        return maturity_list_in(s, date_from, date_to)


def maturity_list_in(s: Session, date_from: dt.date, date_to: dt.date) -> list[MaturityRow]:
    mode = rounding_in(s)
    out = []
    for d in s.scalars(
        select(TimeDeposit)
        .where(
            TimeDeposit.status == DepositStatus.ACTIVE,
            TimeDeposit.maturity_on >= date_from,
            TimeDeposit.maturity_on <= date_to,
        )
        .order_by(TimeDeposit.maturity_on, TimeDeposit.id)
    ):
        v = deposit_view(s, d)
        posted = (
            s.scalar(
                select(func.count(TimeDepositEvent.id)).where(
                    TimeDepositEvent.deposit_id == d.id,
                    TimeDepositEvent.kind.in_((DepositEvent.INTEREST, DepositEvent.ACCRUED)),
                    TimeDepositEvent.due_on > d.term_start,
                )
            )
            or 0
        )
        still = monthly_interest(d.principal, d.rate_pa, mode) * (d.term_months - int(posted))
        to_come = (v.accrued + still) if d.payout == "jatuh_tempo" else still
        out.append(
            MaturityRow(
                v.number,
                v.member_number,
                v.member_name,
                v.group_id,
                v.product_name,
                v.principal,
                v.rate_pa,
                v.term_months,
                v.maturity_on,
                v.instruction,
                v.accrued,
                to_come,
            )
        )
    return out


def totals_at(session: Session, as_of: dt.date) -> tuple[int, int]:
    """(principal, accrued interest) of all deposits at ``as_of`` from the subledger."""
    p, a = session.execute(
        select(
            func.coalesce(func.sum(TimeDepositEvent.principal), 0),
            func.coalesce(func.sum(TimeDepositEvent.accrued), 0),
        ).where(TimeDepositEvent.date <= as_of)
    ).one()
    return int(p), int(a)


def refuse_active_at_exit(session: Session, member: Member) -> None:
    """A member leaves only after their time deposits are paid out (the treasurer decides,
    with the member, whether early: the penalty applies)."""
    active = session.scalars(
        select(TimeDeposit.number).where(
            TimeDeposit.member_id == member.id, TimeDeposit.status == DepositStatus.ACTIVE
        )
    ).all()
    if active:
        raise ValidationError(
            "member", "td_active_at_exit", member=member.number, numbers=", ".join(active)
        )

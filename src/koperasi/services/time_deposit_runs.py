"""Time deposits: the month's run (interest accrued and paid, PPh final withheld, deposits
matured and rolled over or paid out)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import TYPE_CHECKING

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Member,
    TimeDeposit,
    TimeDepositEvent,
    TimeDepositProduct,
)
from ..domain.schedule import add_months
from ..domain.vocabulary import DepositEvent, DepositStatus
from ..errors import ValidationError
from . import audit, clock, ledger, ledger_periods
from .auth import Actor, require
from .ledger import Line
from .savings import record_in
from .settings import rounding_in
from .uow import unit_of_work

if TYPE_CHECKING:
    from ..domain.money import RoundingMode
from .time_deposits import (
    ACCRUED,
    EXPENSE,
    PRINCIPAL,
    SOURCE,
    SUKARELA,
    TAX,
    MonthRun,
    accrued_interest,
    due_dates,
    monthly_interest,
    pph_final,
    record_event,
    sukarela_account_of,
    tax_pending,
)


@dataclass
class Tally:
    gross: int = 0
    tax: int = 0
    accrued: int = 0
    matured: int = 0
    rolled: int = 0
    closed: int = 0
    entries: int = 0


def post(
    session: Session,
    actor: Actor,
    date: dt.date,
    text: str,
    lines: list[Line],
    d: TimeDeposit,
    tally: Tally | None,
    receipt: str | None = None,
) -> int:  # noqa: E501
    entry = ledger.post(
        session, actor, date, text, lines, source=SOURCE, source_ref=d.number, receipt_no=receipt
    )
    if tally is not None:
        tally.entries += 1
    return entry.id


def _interest_in(
    session: Session,
    actor: Actor,
    d: TimeDeposit,
    member: Member,
    due: dt.date,
    on: dt.date,
    mode: RoundingMode | str,
    tally: Tally,
) -> None:
    gross = monthly_interest(d.principal, d.rate_pa, mode)
    if gross <= 0:
        return
    tax = pph_final(gross, mode)
    month = f"{due.month:02d}/{due.year}"
    if d.payout == "bulanan":
        _sk_product, sk = sukarela_account_of(session, member, on)
        lines = [
            Line(EXPENSE, debit=gross, member_id=member.id, memo=d.number),
            Line(SUKARELA, credit=gross - tax, member_id=member.id, memo=d.number),
        ]
        if tax:
            lines.append(Line(TAX, credit=tax, memo=f"PPh final bunga {d.number}"))
        eid = post(
            session, actor, on, f"Bunga simpanan berjangka {d.number} {month}", lines, d, tally
        )
        record_in(session, actor, sk, gross, on, "jasa", eid, None, d.number)
        if tax:
            record_in(session, actor, sk, -tax, on, "pajak", eid, None, d.number)
        record_event(
            session, actor, d, on, DepositEvent.INTEREST, eid, gross=gross, tax=tax, due_on=due
        )
    else:
        lines = [
            Line(EXPENSE, debit=gross, member_id=member.id, memo=d.number),
            Line(ACCRUED, credit=gross, member_id=member.id, memo=d.number),
        ]
        eid = post(
            session,
            actor,
            on,
            f"Bunga simpanan berjangka {d.number} {month} (dicadangkan)",
            lines,
            d,
            tally,
        )
        record_event(
            session,
            actor,
            d,
            on,
            DepositEvent.ACCRUED,
            eid,
            accrued=gross,
            gross=gross,
            tax=tax,
            due_on=due,
        )
        tally.accrued += gross
    tally.gross += gross
    tally.tax += tax


def _pay_accrued_lines(
    session: Session, d: TimeDeposit, member: Member
) -> tuple[int, int, list[Line]]:
    session.flush()
    accrued = accrued_interest(session, d.id)
    if accrued <= 0:
        return 0, 0, []
    tax = tax_pending(session, d.id)
    lines = [Line(ACCRUED, debit=accrued, member_id=member.id, memo=d.number)]
    if tax:
        lines.append(Line(TAX, credit=tax, memo=f"PPh final bunga {d.number}"))
    return accrued, tax, lines


def _mature_in(
    session: Session,
    actor: Actor,
    d: TimeDeposit,
    member: Member,
    on: dt.date,
    mode: RoundingMode | str,
    tally: Tally,
) -> bool:
    """Apply the deposit's instruction at maturity; True when it rolled over."""
    tally.matured += 1
    accrued, tax, lines = _pay_accrued_lines(session, d, member)
    if d.instruction == "aro_plus" and accrued:
        lines.append(Line(PRINCIPAL, credit=accrued - tax, member_id=member.id, memo=d.number))
        eid = post(
            session,
            actor,
            on,
            f"Bunga simpanan berjangka {d.number} ditambahkan ke pokok",
            lines,
            d,
            tally,
        )
        record_event(
            session,
            actor,
            d,
            on,
            DepositEvent.CAPITALISED,
            eid,
            principal=accrued - tax,
            accrued=-accrued,
            gross=accrued,
            tax=tax,
        )
    elif d.instruction in ("aro", "sukarela"):
        moved = d.principal if d.instruction == "sukarela" else 0
        if accrued or moved:
            _sk_product, sk = sukarela_account_of(session, member, on)
            if moved:
                lines.append(Line(PRINCIPAL, debit=moved, member_id=member.id, memo=d.number))
            lines.append(
                Line(SUKARELA, credit=accrued - tax + moved, member_id=member.id, memo=d.number)
            )
            eid = post(
                session, actor, on, f"Simpanan berjangka {d.number} jatuh tempo", lines, d, tally
            )
            if accrued:
                record_in(session, actor, sk, accrued, on, "jasa", eid, None, d.number)
                if tax:
                    record_in(session, actor, sk, -tax, on, "pajak", eid, None, d.number)
                record_event(
                    session,
                    actor,
                    d,
                    on,
                    DepositEvent.INTEREST_AT_MATURITY,
                    eid,
                    accrued=-accrued,
                    gross=accrued,
                    tax=tax,
                )
            if moved:
                record_in(session, actor, sk, moved, on, "dari_berjangka", eid, None, d.number)
                record_event(session, actor, d, on, DepositEvent.PAID_OUT, eid, principal=-moved)
    if d.instruction == "sukarela":
        d.status, d.closed_on = DepositStatus.MATURED, on
        tally.closed += 1
        return False
    product = session.get(TimeDepositProduct, d.product_id)
    assert product is not None
    old = d.maturity_on
    d.term_start = old
    d.maturity_on = add_months(old, d.term_months, old.day)
    if product.active:
        d.rate_pa = product.rate_pa
    d.rollovers += 1
    record_event(
        session,
        actor,
        d,
        on,
        DepositEvent.ROLLED_OVER,
        None,
        due_on=old,
        memo=d.maturity_on.isoformat(),
    )
    tally.rolled += 1
    return True


def advance_in(
    session: Session,
    actor: Actor,
    d: TimeDeposit,
    through: dt.date,
    floor: dt.date,
    tally: Tally,
    *,
    mature: bool = True,
) -> None:
    """Post every month's interest of ``d`` due on or before ``through`` not yet posted, and
    (``mature``) apply its maturity instruction when maturity is on or before ``through``.
    Dates before ``floor`` (a month whose run was missed) are posted on ``floor``."""
    mode = rounding_in(session)
    member = session.get(Member, d.member_id)
    assert member is not None
    while d.status == DepositStatus.ACTIVE:
        session.flush()
        done = set(
            session.scalars(
                select(TimeDepositEvent.due_on).where(
                    TimeDepositEvent.deposit_id == d.id,
                    TimeDepositEvent.kind.in_((DepositEvent.INTEREST, DepositEvent.ACCRUED)),
                    TimeDepositEvent.due_on > d.term_start,
                )
            )
        )
        for due in due_dates(d.term_start, d.term_months):
            if due <= through and due not in done:
                _interest_in(session, actor, d, member, due, max(due, floor), mode, tally)
        if not mature or d.maturity_on > through:
            return
        if not _mature_in(session, actor, d, member, max(d.maturity_on, floor), mode, tally):
            return


def run_month_in(session: Session, actor: Actor, year: int, month: int) -> MonthRun:
    """The time deposits' part of the month-end: every interest month due by the month's end,
    every maturity in it (or missed before it) per its instruction. Idempotent."""
    end = clock.month_end(year, month)
    floor = dt.date(year, month, 1)
    tally = Tally()
    deposits = session.scalars(
        select(TimeDeposit)
        .where(TimeDeposit.status == DepositStatus.ACTIVE, TimeDeposit.placed_on <= end)
        .order_by(TimeDeposit.id)
        .with_for_update()
    ).all()
    for d in deposits:
        advance_in(session, actor, d, end, max(floor, d.placed_on), tally)
    session.flush()
    run = MonthRun(
        year,
        month,
        tally.gross,
        tally.tax,
        tally.accrued,
        tally.matured,
        tally.rolled,
        tally.closed,
        tally.entries,
    )
    if tally.entries or tally.matured:
        audit.record(
            session, actor, "deposit.month_end", "period", f"{year}-{month:02d}", after=run
        )
    return run


def run_month(
    db: Database, actor: Actor, year: int, month: int, today: dt.date | None = None
) -> MonthRun:
    """Run the time deposits' month-end alone (the loans' month-end runs it too)."""
    require(actor, "savings.write")
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "invalid")
    if not clock.has_ended(year, month, today):
        raise ValidationError(
            "period",
            "period_job_not_ended",
            period=f"{year}-{month:02d}",
            end=clock.month_end(year, month).isoformat(),
        )
    with unit_of_work(db) as s:
        ledger_periods.ensure_open(s, clock.month_end(year, month))
        return run_month_in(s, actor, year, month)

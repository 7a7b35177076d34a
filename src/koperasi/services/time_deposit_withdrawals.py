"""Time deposits: early and matured withdrawals (the quote and the posting)."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from ..db.database import Database
from ..db.models import (
    Member,
    TimeDepositEvent,
    TimeDepositProduct,
)
from ..domain.money import round_money
from ..domain.vocabulary import DepositEvent, DepositStatus
from ..errors import ValidationError
from . import audit, ledger_periods
from .auth import Actor, require, require_group_visible
from .counters import SERIES_SAVINGS, next_receipt
from .ledger import Line
from .savings import record_in
from .settings import rounding_in
from .time_deposit_runs import Tally, advance_in, post
from .time_deposits import (
    ACCRUED,
    CASH,
    EXPENSE,
    PENALTY_INCOME,
    PRINCIPAL,
    SUKARELA,
    TAX,
    Withdrawal,
    accrued_interest,
    checked_choice,
    deposit_by_number,
    due_dates,
    monthly_interest,
    pph_final,
    record_event,
    sukarela_account_of,
    tax_pending,
)
from .uow import read_only, unit_of_work


def withdraw_quote(
    db: Database, number: str, date: dt.date, actor: Actor | None = None
) -> Withdrawal:
    """What a withdrawal on ``date`` would pay (nothing is written)."""
    with read_only(db) as s:
        d = deposit_by_number(s, number)
        member = s.get(Member, d.member_id)
        assert member is not None
        require_group_visible(actor, member.group_id, "Simpanan berjangka", d.number)
        mode = rounding_in(s)
        if d.status != DepositStatus.ACTIVE:
            raise ValidationError("deposit", "td_not_active", number=d.number)
        early = date < d.maturity_on
        accrued = accrued_interest(s, d.id)
        tax = tax_pending(s, d.id)
        done = set(
            s.scalars(
                select(TimeDepositEvent.due_on).where(
                    TimeDepositEvent.deposit_id == d.id,
                    TimeDepositEvent.kind.in_((DepositEvent.INTEREST, DepositEvent.ACCRUED)),
                    TimeDepositEvent.due_on > d.term_start,
                )
            )
        )
        gross = monthly_interest(d.principal, d.rate_pa, mode)
        for due in due_dates(d.term_start, d.term_months):
            if due <= date and due not in done and d.payout == "jatuh_tempo":
                accrued += gross
                tax += pph_final(gross, mode)
        product = s.get(TimeDepositProduct, d.product_id)
        assert product is not None
        penalty = (
            round_money(Decimal(d.principal) * product.penalty_percent / 100, mode) if early else 0
        )
        penalty = min(penalty, d.principal)
        if early:
            return Withdrawal(
                d.number,
                date,
                True,
                d.principal,
                penalty,
                0,
                0,
                accrued,
                d.principal - penalty,
                "",
                None,
                0,
            )
        return Withdrawal(
            d.number,
            date,
            False,
            d.principal,
            0,
            accrued,
            tax,
            0,
            d.principal + accrued - tax,
            "",
            None,
            0,
        )


def withdraw(
    db: Database,
    actor: Actor,
    number: str,
    date: dt.date,
    *,
    to: str = "kas",
    reason: str = "",
) -> Withdrawal:
    """Pay a deposit out (to cash or to the member's sukarela). Before maturity: the product's
    penalty on the principal and the accrued interest forfeited; at or after maturity: the
    principal and the accrued interest less PPh. Interest months due by ``date`` and not yet
    posted are posted first."""
    require(actor, "savings.write")
    to = checked_choice(to, {"kas": 1, "sukarela": 1}, "payout_to")
    with unit_of_work(db) as s:
        d = deposit_by_number(s, number, lock=True)
        if d.status != DepositStatus.ACTIVE:
            raise ValidationError("deposit", "td_not_active", number=d.number)
        member = s.get(Member, d.member_id)
        assert member is not None
        if date < d.placed_on:
            raise ValidationError("date", "date_before", other=d.placed_on.isoformat())
        ledger_periods.ensure_open(s, date)
        tally = Tally()
        floor = max(dt.date(date.year, date.month, 1), d.placed_on)
        advance_in(s, actor, d, min(date, d.maturity_on), floor, tally, mature=False)
        s.flush()
        mode = rounding_in(s)
        early = date < d.maturity_on
        product = s.get(TimeDepositProduct, d.product_id)
        assert product is not None
        principal = d.principal
        lines: list[Line] = [Line(PRINCIPAL, debit=principal, member_id=member.id, memo=d.number)]
        accrued = accrued_interest(s, d.id)
        tax = tax_pending(s, d.id)
        penalty = forfeited = paid_interest = withheld = 0
        if early:
            penalty = min(
                round_money(Decimal(principal) * product.penalty_percent / 100, mode), principal
            )
            if penalty:
                lines.append(
                    Line(PENALTY_INCOME, credit=penalty, member_id=member.id, memo=d.number)
                )
            if accrued:
                forfeited = accrued
                lines.append(Line(ACCRUED, debit=accrued, member_id=member.id, memo=d.number))
                lines.append(Line(EXPENSE, credit=accrued, member_id=member.id, memo=d.number))
        else:
            paid_interest, withheld = accrued, tax
            if accrued:
                lines.append(Line(ACCRUED, debit=accrued, member_id=member.id, memo=d.number))
            if withheld:
                lines.append(Line(TAX, credit=withheld, memo=f"PPh final bunga {d.number}"))
        paid_out = principal - penalty + paid_interest - withheld
        receipt = None
        if paid_out > 0:
            dest = CASH if to == "kas" else SUKARELA
            lines.append(Line(dest, credit=paid_out, member_id=member.id, memo=d.number))
        if to == "kas":
            receipt = next_receipt(s, SERIES_SAVINGS, date.year)
        what = "sebelum jatuh tempo" if early else "saat jatuh tempo"
        text = f"Pencairan simpanan berjangka {d.number} {what} {member.number} {member.name}"
        if reason.strip():
            text += f": {reason.strip()}"
        eid = post(s, actor, date, text, lines, d, None, receipt)
        if to == "sukarela" and paid_out > 0:
            _p, sk = sukarela_account_of(s, member, date)
            if paid_interest:
                record_in(s, actor, sk, paid_interest, date, "jasa", eid, None, d.number)
                if withheld:
                    record_in(s, actor, sk, -withheld, date, "pajak", eid, None, d.number)
            rest = principal - penalty
            if rest:
                record_in(s, actor, sk, rest, date, "dari_berjangka", eid, None, d.number)
        if early:
            if forfeited:
                record_event(
                    s, actor, d, date, DepositEvent.FORFEITED, eid, accrued=-forfeited, tax=tax
                )
            record_event(
                s,
                actor,
                d,
                date,
                DepositEvent.WITHDRAWN_EARLY,
                eid,
                principal=-principal,
                penalty=penalty,
                memo=receipt or "",
            )
            d.status = DepositStatus.WITHDRAWN_EARLY
        else:
            if paid_interest:
                record_event(
                    s,
                    actor,
                    d,
                    date,
                    DepositEvent.INTEREST_AT_MATURITY,
                    eid,
                    accrued=-paid_interest,
                    gross=paid_interest,
                    tax=withheld,
                )
            record_event(
                s,
                actor,
                d,
                date,
                DepositEvent.PAID_OUT,
                eid,
                principal=-principal,
                memo=receipt or "",
            )
            d.status = DepositStatus.MATURED
        d.closed_on = date
        s.flush()
        result = Withdrawal(
            d.number,
            date,
            early,
            principal,
            penalty,
            paid_interest,
            withheld,
            forfeited,
            paid_out,
            to,
            receipt,
            eid,
        )
        audit.record(s, actor, "deposit.withdraw", "time_deposit", d.number, after=result)
        return result

"""Savings: the monthly interest on voluntary savings (lowest balance of the month)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    JournalEntry,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain import accounts
from ..domain.money import round_money
from ..domain.vocabulary import EntrySource
from ..errors import ValidationError
from . import audit, clock, ledger
from .auth import Actor, require
from .ledger import Line
from .savings import PPH_RATE, PPH_THRESHOLD, balance_at, record_in
from .settings import rounding_in
from .uow import unit_of_work


def last_day_of_month(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


@dataclass(frozen=True)
class InterestRun:
    year: int
    month: int
    accounts: int
    gross: int
    tax: int
    journal_entry_id: int | None


def post_monthly_interest(
    db: Database,
    actor: Actor,
    year: int,
    month: int,
    today: dt.date | None = None,
) -> InterestRun:
    """Jasa simpanan sukarela for a month: rate p.a. / 12 on the month's lowest balance (saldo
    terendah) when it reaches the product's minimum; PPh final 10 % withheld where the month's
    interest exceeds Rp240.000 (PP 15/2009). Idempotent: a month is posted once. Only for a
    month that has ended (its last day before ``today``): a month still running has no
    lowest balance yet."""
    require(actor, "savings.write")
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "invalid")
    end = last_day_of_month(year, month)
    if not clock.has_ended(year, month, today):
        raise ValidationError(
            "period", "period_job_not_ended", period=f"{year}-{month:02d}", end=end.isoformat()
        )
    start = dt.date(year, month, 1)
    ref = f"jasa-{year}-{month:02d}"
    with unit_of_work(db) as s:
        if s.scalar(
            select(JournalEntry.id).where(
                JournalEntry.source == "simpanan", JournalEntry.source_ref == ref
            )
        ):
            return InterestRun(year, month, 0, 0, 0, None)
        mode = rounding_in(s)
        lines: list[Line] = []
        credits: list[tuple[SavingsAccount, int, int]] = []
        gross_total = tax_total = 0
        for p in s.scalars(select(SavingsProduct).where(SavingsProduct.kind == "sukarela")):
            rate = p.interest_rate_pa
            if rate <= 0:
                continue
            for acct in s.scalars(
                select(SavingsAccount).where(SavingsAccount.product_id == p.id).with_for_update()
            ):
                low = _lowest_balance(s, acct.id, start, end)
                if low <= 0 or low < p.min_balance_for_interest:
                    continue
                gross = round_money(Decimal(low) * rate / 100 / 12, mode)
                if gross <= 0:
                    continue
                tax = (
                    round_money(Decimal(gross) * PPH_RATE / 100, mode)
                    if gross > PPH_THRESHOLD
                    else 0
                )
                lines.append(
                    Line(
                        p.account_code,
                        credit=gross - tax,
                        member_id=acct.member_id,
                        memo=acct.number,
                    )
                )
                credits.append((acct, gross, tax))
                gross_total += gross
                tax_total += tax
        if not credits:
            return InterestRun(year, month, 0, 0, 0, None)
        lines.insert(
            0,
            Line(accounts.SAVINGS_INTEREST_EXPENSE, debit=gross_total, memo=f"Jasa simpanan {ref}"),
        )
        if tax_total:
            lines.append(
                Line(accounts.TAX_PAYABLE, credit=tax_total, memo="PPh final jasa simpanan")
            )
        entry = ledger.post(
            s,
            actor,
            end,
            f"Jasa simpanan sukarela {month:02d}/{year}",
            lines,
            source=EntrySource.SAVINGS,
            source_ref=ref,
        )
        for acct, gross, tax in credits:
            record_in(s, actor, acct, gross, end, "jasa", entry.id, None, ref)
            if tax:
                record_in(s, actor, acct, -tax, end, "pajak", entry.id, None, ref)
        audit.record(
            s,
            actor,
            "savings.interest",
            "period",
            ref,
            after={"accounts": len(credits), "gross": gross_total, "tax": tax_total},
        )
        return InterestRun(year, month, len(credits), gross_total, tax_total, entry.id)


def _lowest_balance(s: Session, account_id: int, start: dt.date, end: dt.date) -> int:
    running = balance_at(s, account_id, start - dt.timedelta(days=1))
    low = running
    for (amount,) in s.execute(
        select(SavingsTransaction.amount)
        .where(
            SavingsTransaction.account_id == account_id,
            SavingsTransaction.date >= start,
            SavingsTransaction.date <= end,
        )
        .order_by(SavingsTransaction.date, SavingsTransaction.id)
    ):
        running += amount
        low = min(low, running)
    return low

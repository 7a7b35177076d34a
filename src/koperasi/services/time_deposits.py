"""Time deposits (simpanan berjangka): products, placing a deposit, monthly interest, maturity
(roll-over or move to sukarela) in the month-end run, early withdrawal with its penalty, the
deposits at a date and the maturity list.

Rules (DESIGN §9; PP 15/2009 as services/savings.py applies it):
- interest of a month = principal x annual rate / 12, rounded as the settings say, due on the
  same day of each month of the term (31 Jan -> 28 Feb -> 31 Mar ...);
- PPh final: where a month's interest of a deposit exceeds Rp240.000, 10 % of that month's
  gross interest is withheld (2.22 Hutang Pajak); at most Rp240.000 bears none;
- payout ``bulanan``: each month Dr 5.21 Beban Bunga Simpanan Berjangka / Cr 2.10 the
  member's sukarela (net) / Cr 2.22 (tax);
  payout ``jatuh_tempo``: each month Dr 5.21 / Cr 2.12 Bunga Simpanan Berjangka YMH Dibayar
  (accrual), paid at maturity: Dr 2.12 / Cr 2.10 or, rolled over with the interest, Cr 2.11
  (net) / Cr 2.22 (tax);
- at maturity the deposit's instruction decides: ``aro`` rolls the principal over for another
  term (interest paid to sukarela), ``aro_plus`` rolls the principal and the net interest
  over, ``sukarela`` moves everything to the member's sukarela and closes the deposit. The
  new term takes the product's rate of the day;
- early withdrawal (before maturity): the penalty is the product's percent of the principal
  (Cr 4.22 Pendapatan Penalti Simpanan Berjangka); interest accrued but not yet paid is
  forfeited (Dr 2.12 / Cr 5.21); interest already paid monthly stays with the member. At or
  after maturity a withdrawal costs nothing and pays the accrued interest too.
Each movement posts one balanced journal entry in the same unit of work as its event rows
(source ``berjangka``, source_ref the deposit number). ``koperasi check`` proves 2.11 equals
the deposits' principal and 2.12 their accrued interest.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import TYPE_CHECKING, Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Member,
    TimeDeposit,
    TimeDepositEvent,
    TimeDepositProduct,
)
from ..domain import accounts
from ..domain.money import format_rupiah, round_money
from ..domain.schedule import add_months
from ..domain.vocabulary import DepositEvent, DepositStatus, EntrySource
from ..errors import NotFound, ValidationError
from ..messages import LABELS
from . import audit, ledger
from .auth import Actor, require
from .counters import SERIES_SAVINGS, next_number, next_receipt
from .ledger import Line
from .members import member_by_number
from .savings import PPH_RATE, PPH_THRESHOLD, account_for, balance_at, product_of_kind, record_in
from .settings import rounding_in
from .uow import unit_of_work
from .validation import check_amount

if TYPE_CHECKING:
    from ..db.models import SavingsAccount, SavingsProduct
    from ..domain.money import RoundingMode

CASH = accounts.CASH
SUKARELA = accounts.VOLUNTARY_SAVINGS
PRINCIPAL = accounts.TERM_DEPOSITS
ACCRUED = accounts.TERM_DEPOSIT_INTEREST_ACCRUED
TAX = accounts.TAX_PAYABLE
PENALTY_INCOME = accounts.TERM_DEPOSIT_PENALTY_INCOME
EXPENSE = accounts.TERM_DEPOSIT_INTEREST_EXPENSE
SOURCE = EntrySource.TIME_DEPOSITS
SERIES = "SB"  # deposit (bilyet) numbers: SB-2026-00001

PAYOUTS = LABELS["td_payout"]
INSTRUCTIONS = LABELS["td_instruction"]
SOURCES = LABELS["td_source"]
STATUS_LABELS = LABELS["td_status"]
EVENT_LABELS = LABELS["td_event"]
MAX_TERM = 60


# ---------------------------------------------------------------- plain values


@dataclass(frozen=True)
class ProductInput:
    code: str
    name: str
    term_months: int
    rate_pa: Decimal
    payout: str = "bulanan"
    min_amount: int = 0
    penalty_percent: Decimal = Decimal(0)
    active: bool = True


@dataclass(frozen=True)
class ProductView:
    code: str
    name: str
    term_months: int
    rate_pa: Decimal
    payout: str
    min_amount: int
    penalty_percent: Decimal
    active: bool


@dataclass(frozen=True)
class DepositView:
    number: str
    member_number: str
    member_name: str
    group_id: int | None
    product_code: str
    product_name: str
    principal: int
    rate_pa: Decimal
    term_months: int
    payout: str
    instruction: str
    source: str
    placed_on: dt.date
    term_start: dt.date
    maturity_on: dt.date
    rollovers: int
    status: str
    closed_on: dt.date | None
    accrued: int  # interest accrued, not yet paid (payout at maturity)
    monthly_interest: int  # gross interest of one month of the running term

    @property
    def interest_to_maturity(self) -> int:
        return self.monthly_interest * self.term_months


@dataclass(frozen=True)
class EventView:
    id: int
    date: dt.date
    kind: str
    principal: int
    accrued: int
    gross: int
    tax: int
    penalty: int
    due_on: dt.date | None
    journal_entry_id: int | None
    memo: str


@dataclass(frozen=True)
class Withdrawal:
    number: str
    date: dt.date
    early: bool
    principal: int
    penalty: int
    interest_paid: int  # gross accrued interest paid out now
    tax: int
    forfeited: int  # accrued interest forfeited (early)
    paid_out: int  # what the member receives (cash or sukarela)
    to: str
    receipt_no: str | None
    journal_entry_id: int


@dataclass(frozen=True)
class MonthRun:
    year: int
    month: int
    interest_gross: int
    interest_tax: int
    accrued: int  # part of the gross that was accrued (payout at maturity)
    matured: int
    rolled_over: int
    closed: int
    entries: int


@dataclass(frozen=True)
class MaturityRow:
    number: str
    member_number: str
    member_name: str
    group_id: int | None
    product_name: str
    principal: int
    rate_pa: Decimal
    term_months: int
    maturity_on: dt.date
    instruction: str
    accrued: int
    interest_at_maturity: int  # gross interest still to come by maturity (incl. accrued)


# ---------------------------------------------------------------- rules


def monthly_interest(principal: int, rate_pa: Decimal, mode: RoundingMode | str) -> int:
    return round_money(Decimal(principal) * rate_pa / 100 / 12, mode)


def pph_final(gross: int, mode: RoundingMode | str) -> int:
    """PPh final on one month's interest of one deposit (PP 15/2009, as savings.py)."""
    return round_money(Decimal(gross) * PPH_RATE / 100, mode) if gross > PPH_THRESHOLD else 0


def due_dates(term_start: dt.date, term_months: int) -> list[dt.date]:
    return [add_months(term_start, i, term_start.day) for i in range(1, term_months + 1)]


def checked_rate(value: object, field: str) -> Decimal:
    if isinstance(value, float):
        raise ValidationError(field, "not_a_number", value=value)
    try:
        rate = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(field, "not_a_number", value=value) from None
    if not rate.is_finite() or rate < 0 or rate > 100:
        raise ValidationError(field, "invalid")
    return rate


def checked_choice(value: str, choices: dict[str, Any], field: str) -> str:
    key = (value or "").strip().lower()
    if key not in choices:
        raise ValidationError(field, "choice", choices=", ".join(choices), value=value)
    return key


def product_view(p: TimeDepositProduct) -> ProductView:
    return ProductView(
        p.code,
        p.name,
        p.term_months,
        p.rate_pa,
        p.payout,
        p.min_amount,
        p.penalty_percent,
        p.active,
    )


def _product(session: Session, code: str) -> TimeDepositProduct:
    p = session.scalars(
        select(TimeDepositProduct).where(TimeDepositProduct.code == (code or "").strip().upper())
    ).first()
    if p is None:
        raise NotFound(what="Produk simpanan berjangka", key=code)
    return p


def deposit_by_number(session: Session, number: str, *, lock: bool = False) -> TimeDeposit:
    q = select(TimeDeposit).where(TimeDeposit.number == (number or "").strip().upper())
    if lock:
        q = q.with_for_update()
    d = session.scalars(q).first()
    if d is None:
        raise NotFound(what="Simpanan berjangka", key=number)
    return d


def accrued_interest(session: Session, deposit_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(TimeDepositEvent.accrued), 0)).where(
                TimeDepositEvent.deposit_id == deposit_id
            )
        )
        or 0
    )


def tax_pending(session: Session, deposit_id: int) -> int:
    """PPh on accrued interest not yet withheld (withheld when the interest is paid)."""
    rows = dict(
        session.execute(
            select(TimeDepositEvent.kind, func.coalesce(func.sum(TimeDepositEvent.tax), 0))
            .where(TimeDepositEvent.deposit_id == deposit_id)
            .group_by(TimeDepositEvent.kind)
        ).all()
    )
    settled = sum(
        int(rows.get(k, 0))
        for k in (
            DepositEvent.INTEREST_AT_MATURITY,
            DepositEvent.CAPITALISED,
            DepositEvent.FORFEITED,
        )
    )
    return int(rows.get(DepositEvent.ACCRUED, 0)) - settled


def deposit_view(session: Session, d: TimeDeposit) -> DepositView:
    member = session.get(Member, d.member_id)
    product = session.get(TimeDepositProduct, d.product_id)
    assert member is not None and product is not None
    mode = rounding_in(session)
    return DepositView(
        d.number,
        member.number,
        member.name,
        member.group_id,
        product.code,
        product.name,
        d.principal,
        d.rate_pa,
        d.term_months,
        d.payout,
        d.instruction,
        d.source,
        d.placed_on,
        d.term_start,
        d.maturity_on,
        d.rollovers,
        d.status,
        d.closed_on,
        accrued_interest(session, d.id),
        monthly_interest(d.principal, d.rate_pa, mode) if d.status == DepositStatus.ACTIVE else 0,
    )


def record_event(
    session: Session,
    actor: Actor,
    d: TimeDeposit,
    date: dt.date,
    kind: str,
    entry_id: int | None,
    *,
    principal: int = 0,
    accrued: int = 0,
    gross: int = 0,
    tax: int = 0,
    penalty: int = 0,
    due_on: dt.date | None = None,
    memo: str = "",
) -> TimeDepositEvent:
    ev = TimeDepositEvent(
        deposit_id=d.id,
        date=date,
        kind=kind,
        principal=principal,
        accrued=accrued,
        gross=gross,
        tax=tax,
        penalty=penalty,
        due_on=due_on,
        journal_entry_id=entry_id,
        memo=memo,
        created_by=actor.username,
    )
    session.add(ev)
    d.principal += principal
    return ev


def sukarela_account_of(
    session: Session, member: Member, date: dt.date
) -> tuple[SavingsProduct, SavingsAccount]:
    product = product_of_kind(session, "sukarela")
    return product, account_for(session, member, product, open_on=date)


def _member_active(member: Member) -> None:
    if member.status in ("keluar", "meninggal"):
        raise ValidationError(
            "member", "member_not_active", member=member.number, status=member.status
        )


# ---------------------------------------------------------------- placing


def place_in(
    session: Session,
    actor: Actor,
    member: Member,
    product: TimeDepositProduct,
    amount: int,
    date: dt.date,
    *,
    source: str = "kas",
    instruction: str = "aro",
    memo: str = "",
) -> TimeDeposit:
    check_amount(amount)
    source = checked_choice(source, SOURCES, "source")
    instruction = checked_choice(instruction, INSTRUCTIONS, "instruction")
    _member_active(member)
    if not product.active:
        raise ValidationError("product", "td_product_inactive", product=product.name)
    if date < member.join_date:
        raise ValidationError("date", "date_before", other=member.join_date.isoformat())
    if amount < product.min_amount:
        raise ValidationError(
            "amount",
            "td_below_minimum",
            product=product.name,
            minimum=format_rupiah(product.min_amount),
        )
    number = f"{SERIES}-{date.year}-{next_number(session, SERIES, date.year):05d}"
    d = TimeDeposit(
        number=number,
        member_id=member.id,
        product_id=product.id,
        principal=0,
        rate_pa=product.rate_pa,
        term_months=product.term_months,
        payout=product.payout,
        instruction=instruction,
        source=source,
        placed_on=date,
        term_start=date,
        maturity_on=add_months(date, product.term_months, date.day),
        rollovers=0,
        status=DepositStatus.ACTIVE,
        created_by=actor.username,
    )
    session.add(d)
    session.flush()
    text = memo or f"Penempatan simpanan berjangka {number} {member.number} {member.name}"
    receipt = None
    if source == "kas":
        receipt = next_receipt(session, SERIES_SAVINGS, date.year)
        first = Line(CASH, debit=amount, member_id=member.id, memo=number)
    else:
        sk_product, sk_account = sukarela_account_of(session, member, date)
        available = min(sk_account.balance, balance_at(session, sk_account.id, date))
        available -= sk_product.min_balance
        if amount > available:
            raise ValidationError(
                "amount",
                "insufficient_balance",
                amount=format_rupiah(amount),
                available=format_rupiah(max(0, available)),
            )
        first = Line(SUKARELA, debit=amount, member_id=member.id, memo=number)
    entry = ledger.post(
        session,
        actor,
        date,
        text,
        [first, Line(PRINCIPAL, credit=amount, member_id=member.id, memo=number)],
        source=SOURCE,
        source_ref=number,
        receipt_no=receipt,
    )
    if source == "sukarela":
        record_in(session, actor, sk_account, -amount, date, "ke_berjangka", entry.id, None, number)
    record_event(
        session, actor, d, date, DepositEvent.PLACED, entry.id, principal=amount, memo=receipt or ""
    )
    session.flush()
    return d


def place(
    db: Database,
    actor: Actor,
    member_no: str,
    product_code: str,
    amount: int,
    date: dt.date,
    *,
    source: str = "kas",
    instruction: str = "aro",
    memo: str = "",
    confirm_large: bool = False,
) -> DepositView:
    """Place a time deposit from cash (Dr Kas) or from the member's sukarela (Dr 2.10),
    Cr 2.11 Simpanan Berjangka; the term and rate are the product's of the day. An amount
    above the time-deposit plausibility ceiling (``berjangka``, by default Rp500.000.000)
    needs ``confirm_large`` (services/plausibility.py)."""
    from . import plausibility

    require(actor, "savings.write")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        product = _product(s, product_code)
        limits = plausibility.Limits(s, [plausibility.TIME_DEPOSIT], confirmed=confirm_large)
        d = place_in(
            s,
            actor,
            member,
            product,
            amount,
            date,
            source=source,
            instruction=instruction,
            memo=memo,
        )
        # after the other checks (their message comes first); a refusal rolls back
        limits.check(plausibility.TIME_DEPOSIT, amount)
        view = deposit_view(s, d)
        audit.record(s, actor, "deposit.place", "time_deposit", d.number, after=view)
        return view


def set_instruction(db: Database, actor: Actor, number: str, instruction: str) -> DepositView:
    """Change what happens at maturity (before it comes)."""
    require(actor, "savings.write")
    instruction = checked_choice(instruction, INSTRUCTIONS, "instruction")
    with unit_of_work(db) as s:
        d = deposit_by_number(s, number, lock=True)
        if d.status != DepositStatus.ACTIVE:
            raise ValidationError("deposit", "td_not_active", number=d.number)
        before = d.instruction
        d.instruction = instruction
        s.flush()
        view = deposit_view(s, d)
        audit.record(
            s, actor, "deposit.instruction", "time_deposit", d.number, before=before, after=view
        )
        return view


def cancel(db: Database, actor: Actor, number: str, date: dt.date, reason: str) -> DepositView:
    """Undo a placement made by mistake, before anything else happened to it: the
    placement's entry is reversed (the money back to cash or to sukarela), nothing is
    deleted, the deposit's status becomes ``batal``. A deposit that has earned interest is
    paid out instead (:func:`withdraw`)."""
    require(actor, "savings.write")
    if not reason.strip():
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        d = deposit_by_number(s, number, lock=True)
        kinds = s.scalars(
            select(TimeDepositEvent.kind).where(TimeDepositEvent.deposit_id == d.id)
        ).all()
        if d.status != DepositStatus.ACTIVE or list(kinds) != [DepositEvent.PLACED]:
            raise ValidationError("deposit", "td_not_cancellable", number=d.number)
        placed = s.scalars(
            select(TimeDepositEvent).where(TimeDepositEvent.deposit_id == d.id)
        ).one()
        assert placed.journal_entry_id is not None
        entry = ledger.post_reversal(
            s, actor, placed.journal_entry_id, date, f"Batal {d.number}: {reason.strip()}"
        )
        if d.source == "sukarela":
            member = s.get(Member, d.member_id)
            assert member is not None
            _p, sk = sukarela_account_of(s, member, date)
            record_in(s, actor, sk, d.principal, date, "koreksi", entry.id, None, d.number)
        record_event(
            s,
            actor,
            d,
            date,
            DepositEvent.CANCELLED,
            entry.id,
            principal=-d.principal,
            memo=reason.strip(),
        )
        d.status, d.closed_on = DepositStatus.CANCELLED, date
        s.flush()
        view = deposit_view(s, d)
        audit.record(s, actor, "deposit.cancel", "time_deposit", d.number, after=view)
        return view


# ---------------------------------------------------------------- reading


def deposit_in(session: Session, number: str) -> DepositView:
    return deposit_view(session, deposit_by_number(session, number))

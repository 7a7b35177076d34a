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
    JournalEntry,
    Member,
    TimeDeposit,
    TimeDepositEvent,
    TimeDepositProduct,
)
from ..domain import accounts
from ..domain.money import format_rupiah, round_money
from ..domain.schedule import add_months
from ..domain.vocabulary import DepositStatus
from ..errors import NotFound, ValidationError
from ..messages import LABELS
from . import audit, clock, ledger
from .auth import Actor, require, require_group_visible, require_read_all, visible_groups
from .check import Problem, ledger_balance_by_code
from .counters import SERIES_SAVINGS, next_number, next_receipt
from .ledger import Line
from .members import member_by_number
from .savings import PPH_RATE, PPH_THRESHOLD, account_for, balance_at, product_of_kind, record_in
from .settings import rounding_in
from .uow import read_only, unit_of_work
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
SOURCE = "berjangka"
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


def _rate(value: object, field: str) -> Decimal:
    if isinstance(value, float):
        raise ValidationError(field, "not_a_number", value=value)
    try:
        rate = Decimal(str(value).strip().replace(",", "."))
    except (InvalidOperation, ValueError):
        raise ValidationError(field, "not_a_number", value=value) from None
    if not rate.is_finite() or rate < 0 or rate > 100:
        raise ValidationError(field, "invalid")
    return rate


def _choice(value: str, choices: dict[str, Any], field: str) -> str:
    key = (value or "").strip().lower()
    if key not in choices:
        raise ValidationError(field, "choice", choices=", ".join(choices), value=value)
    return key


def _validate_product(data: ProductInput) -> ProductInput:
    code = data.code.strip().upper()
    if not code:
        raise ValidationError("product_code", "required")
    if not data.name.strip():
        raise ValidationError("name", "required")
    term = data.term_months
    if isinstance(term, bool) or not isinstance(term, int) or not 1 <= term <= MAX_TERM:
        raise ValidationError("term_months", "td_term_range", max=MAX_TERM)
    return ProductInput(
        code,
        data.name.strip(),
        term,
        _rate(data.rate_pa, "rate"),
        _choice(data.payout, PAYOUTS, "payout"),
        check_amount(data.min_amount, allow_zero=True),
        _rate(data.penalty_percent, "penalty_percent"),
        bool(data.active),
    )


def _product_view(p: TimeDepositProduct) -> ProductView:
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


def _deposit(session: Session, number: str, *, lock: bool = False) -> TimeDeposit:
    q = select(TimeDeposit).where(TimeDeposit.number == (number or "").strip().upper())
    if lock:
        q = q.with_for_update()
    d = session.scalars(q).first()
    if d is None:
        raise NotFound(what="Simpanan berjangka", key=number)
    return d


def _accrued(session: Session, deposit_id: int) -> int:
    return int(
        session.scalar(
            select(func.coalesce(func.sum(TimeDepositEvent.accrued), 0)).where(
                TimeDepositEvent.deposit_id == deposit_id
            )
        )
        or 0
    )


def _tax_pending(session: Session, deposit_id: int) -> int:
    """PPh on accrued interest not yet withheld (withheld when the interest is paid)."""
    rows = dict(
        session.execute(
            select(TimeDepositEvent.kind, func.coalesce(func.sum(TimeDepositEvent.tax), 0))
            .where(TimeDepositEvent.deposit_id == deposit_id)
            .group_by(TimeDepositEvent.kind)
        ).all()
    )
    settled = sum(int(rows.get(k, 0)) for k in ("bayar_bunga", "kapitalisasi", "hangus"))
    return int(rows.get("akrual", 0)) - settled


def _view(session: Session, d: TimeDeposit) -> DepositView:
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
        _accrued(session, d.id),
        monthly_interest(d.principal, d.rate_pa, mode) if d.status == DepositStatus.ACTIVE else 0,
    )


def _event(
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


def _sukarela(
    session: Session, member: Member, date: dt.date
) -> tuple[SavingsProduct, SavingsAccount]:
    product = product_of_kind(session, "sukarela")
    return product, account_for(session, member, product, open_on=date)


def _member_active(member: Member) -> None:
    if member.status in ("keluar", "meninggal"):
        raise ValidationError(
            "member", "member_not_active", member=member.number, status=member.status
        )


# ---------------------------------------------------------------- products


def list_products(db: Database, *, active_only: bool = False) -> list[ProductView]:
    with read_only(db) as s:
        q = select(TimeDepositProduct).order_by(
            TimeDepositProduct.term_months, TimeDepositProduct.id
        )
        if active_only:
            q = q.where(TimeDepositProduct.active.is_(True))
        return [_product_view(p) for p in s.scalars(q)]


def save_product(db: Database, actor: Actor, data: ProductInput) -> ProductView:
    """Add a product, or change the one with the same code (the new rate applies to
    deposits placed or rolled over from now on; running terms keep theirs)."""
    require(actor, "savings.product.write")
    data = _validate_product(data)
    with unit_of_work(db) as s:
        p = s.scalars(
            select(TimeDepositProduct).where(TimeDepositProduct.code == data.code)
        ).first()
        before = None if p is None else _product_view(p)
        if p is None:
            p = TimeDepositProduct(code=data.code)
            s.add(p)
        p.name, p.term_months, p.rate_pa = data.name, data.term_months, data.rate_pa
        p.payout, p.min_amount = data.payout, data.min_amount
        p.penalty_percent, p.active = data.penalty_percent, data.active
        s.flush()
        view = _product_view(p)
        audit.record(
            s,
            actor,
            "deposit.product",
            "time_deposit_product",
            p.code,
            before=before,
            after=view,
        )
        return view


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
    source = _choice(source, SOURCES, "source")
    instruction = _choice(instruction, INSTRUCTIONS, "instruction")
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
        sk_product, sk_account = _sukarela(session, member, date)
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
    _event(session, actor, d, date, "setor", entry.id, principal=amount, memo=receipt or "")
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
        view = _view(s, d)
        audit.record(s, actor, "deposit.place", "time_deposit", d.number, after=view)
        return view


def set_instruction(db: Database, actor: Actor, number: str, instruction: str) -> DepositView:
    """Change what happens at maturity (before it comes)."""
    require(actor, "savings.write")
    instruction = _choice(instruction, INSTRUCTIONS, "instruction")
    with unit_of_work(db) as s:
        d = _deposit(s, number, lock=True)
        if d.status != DepositStatus.ACTIVE:
            raise ValidationError("deposit", "td_not_active", number=d.number)
        before = d.instruction
        d.instruction = instruction
        s.flush()
        view = _view(s, d)
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
        d = _deposit(s, number, lock=True)
        kinds = s.scalars(
            select(TimeDepositEvent.kind).where(TimeDepositEvent.deposit_id == d.id)
        ).all()
        if d.status != DepositStatus.ACTIVE or list(kinds) != ["setor"]:
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
            _p, sk = _sukarela(s, member, date)
            record_in(s, actor, sk, d.principal, date, "koreksi", entry.id, None, d.number)
        _event(s, actor, d, date, "batal", entry.id, principal=-d.principal, memo=reason.strip())
        d.status, d.closed_on = "batal", date
        s.flush()
        view = _view(s, d)
        audit.record(s, actor, "deposit.cancel", "time_deposit", d.number, after=view)
        return view


# ---------------------------------------------------------------- interest and maturity


@dataclass
class _Tally:
    gross: int = 0
    tax: int = 0
    accrued: int = 0
    matured: int = 0
    rolled: int = 0
    closed: int = 0
    entries: int = 0


def _post(
    session: Session,
    actor: Actor,
    date: dt.date,
    text: str,
    lines: list[Line],
    d: TimeDeposit,
    tally: _Tally | None,
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
    tally: _Tally,
) -> None:
    gross = monthly_interest(d.principal, d.rate_pa, mode)
    if gross <= 0:
        return
    tax = pph_final(gross, mode)
    month = f"{due.month:02d}/{due.year}"
    if d.payout == "bulanan":
        _sk_product, sk = _sukarela(session, member, on)
        lines = [
            Line(EXPENSE, debit=gross, member_id=member.id, memo=d.number),
            Line(SUKARELA, credit=gross - tax, member_id=member.id, memo=d.number),
        ]
        if tax:
            lines.append(Line(TAX, credit=tax, memo=f"PPh final bunga {d.number}"))
        eid = _post(
            session, actor, on, f"Bunga simpanan berjangka {d.number} {month}", lines, d, tally
        )
        record_in(session, actor, sk, gross, on, "jasa", eid, None, d.number)
        if tax:
            record_in(session, actor, sk, -tax, on, "pajak", eid, None, d.number)
        _event(session, actor, d, on, "bunga", eid, gross=gross, tax=tax, due_on=due)
    else:
        lines = [
            Line(EXPENSE, debit=gross, member_id=member.id, memo=d.number),
            Line(ACCRUED, credit=gross, member_id=member.id, memo=d.number),
        ]
        eid = _post(
            session,
            actor,
            on,
            f"Bunga simpanan berjangka {d.number} {month} (dicadangkan)",
            lines,
            d,
            tally,
        )
        _event(
            session, actor, d, on, "akrual", eid, accrued=gross, gross=gross, tax=tax, due_on=due
        )
        tally.accrued += gross
    tally.gross += gross
    tally.tax += tax


def _pay_accrued_lines(
    session: Session, d: TimeDeposit, member: Member
) -> tuple[int, int, list[Line]]:
    session.flush()
    accrued = _accrued(session, d.id)
    if accrued <= 0:
        return 0, 0, []
    tax = _tax_pending(session, d.id)
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
    tally: _Tally,
) -> bool:
    """Apply the deposit's instruction at maturity; True when it rolled over."""
    tally.matured += 1
    accrued, tax, lines = _pay_accrued_lines(session, d, member)
    if d.instruction == "aro_plus" and accrued:
        lines.append(Line(PRINCIPAL, credit=accrued - tax, member_id=member.id, memo=d.number))
        eid = _post(
            session,
            actor,
            on,
            f"Bunga simpanan berjangka {d.number} ditambahkan ke pokok",
            lines,
            d,
            tally,
        )
        _event(
            session,
            actor,
            d,
            on,
            "kapitalisasi",
            eid,
            principal=accrued - tax,
            accrued=-accrued,
            gross=accrued,
            tax=tax,
        )
    elif d.instruction in ("aro", "sukarela"):
        moved = d.principal if d.instruction == "sukarela" else 0
        if accrued or moved:
            _sk_product, sk = _sukarela(session, member, on)
            if moved:
                lines.append(Line(PRINCIPAL, debit=moved, member_id=member.id, memo=d.number))
            lines.append(
                Line(SUKARELA, credit=accrued - tax + moved, member_id=member.id, memo=d.number)
            )
            eid = _post(
                session, actor, on, f"Simpanan berjangka {d.number} jatuh tempo", lines, d, tally
            )
            if accrued:
                record_in(session, actor, sk, accrued, on, "jasa", eid, None, d.number)
                if tax:
                    record_in(session, actor, sk, -tax, on, "pajak", eid, None, d.number)
                _event(
                    session,
                    actor,
                    d,
                    on,
                    "bayar_bunga",
                    eid,
                    accrued=-accrued,
                    gross=accrued,
                    tax=tax,
                )
            if moved:
                record_in(session, actor, sk, moved, on, "dari_berjangka", eid, None, d.number)
                _event(session, actor, d, on, "cair", eid, principal=-moved)
    if d.instruction == "sukarela":
        d.status, d.closed_on = "selesai", on
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
    _event(session, actor, d, on, "perpanjang", None, due_on=old, memo=d.maturity_on.isoformat())
    tally.rolled += 1
    return True


def _advance_in(
    session: Session,
    actor: Actor,
    d: TimeDeposit,
    through: dt.date,
    floor: dt.date,
    tally: _Tally,
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
                    TimeDepositEvent.kind.in_(("bunga", "akrual")),
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
    tally = _Tally()
    deposits = session.scalars(
        select(TimeDeposit)
        .where(TimeDeposit.status == DepositStatus.ACTIVE, TimeDeposit.placed_on <= end)
        .order_by(TimeDeposit.id)
        .with_for_update()
    ).all()
    for d in deposits:
        _advance_in(session, actor, d, end, max(floor, d.placed_on), tally)
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
        ledger.ensure_open(s, clock.month_end(year, month))
        return run_month_in(s, actor, year, month)


# ---------------------------------------------------------------- withdrawal


def withdraw_quote(
    db: Database, number: str, date: dt.date, actor: Actor | None = None
) -> Withdrawal:
    """What a withdrawal on ``date`` would pay (nothing is written)."""
    with read_only(db) as s:
        d = _deposit(s, number)
        member = s.get(Member, d.member_id)
        assert member is not None
        require_group_visible(actor, member.group_id, "Simpanan berjangka", d.number)
        mode = rounding_in(s)
        if d.status != DepositStatus.ACTIVE:
            raise ValidationError("deposit", "td_not_active", number=d.number)
        early = date < d.maturity_on
        accrued = _accrued(s, d.id)
        tax = _tax_pending(s, d.id)
        done = set(
            s.scalars(
                select(TimeDepositEvent.due_on).where(
                    TimeDepositEvent.deposit_id == d.id,
                    TimeDepositEvent.kind.in_(("bunga", "akrual")),
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
    to = _choice(to, {"kas": 1, "sukarela": 1}, "payout_to")
    with unit_of_work(db) as s:
        d = _deposit(s, number, lock=True)
        if d.status != DepositStatus.ACTIVE:
            raise ValidationError("deposit", "td_not_active", number=d.number)
        member = s.get(Member, d.member_id)
        assert member is not None
        if date < d.placed_on:
            raise ValidationError("date", "date_before", other=d.placed_on.isoformat())
        ledger.ensure_open(s, date)
        tally = _Tally()
        floor = max(dt.date(date.year, date.month, 1), d.placed_on)
        _advance_in(s, actor, d, min(date, d.maturity_on), floor, tally, mature=False)
        s.flush()
        mode = rounding_in(s)
        early = date < d.maturity_on
        product = s.get(TimeDepositProduct, d.product_id)
        assert product is not None
        principal = d.principal
        lines: list[Line] = [Line(PRINCIPAL, debit=principal, member_id=member.id, memo=d.number)]
        accrued = _accrued(s, d.id)
        tax = _tax_pending(s, d.id)
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
        eid = _post(s, actor, date, text, lines, d, None, receipt)
        if to == "sukarela" and paid_out > 0:
            _p, sk = _sukarela(s, member, date)
            if paid_interest:
                record_in(s, actor, sk, paid_interest, date, "jasa", eid, None, d.number)
                if withheld:
                    record_in(s, actor, sk, -withheld, date, "pajak", eid, None, d.number)
            rest = principal - penalty
            if rest:
                record_in(s, actor, sk, rest, date, "dari_berjangka", eid, None, d.number)
        if early:
            if forfeited:
                _event(s, actor, d, date, "hangus", eid, accrued=-forfeited, tax=tax)
            _event(
                s,
                actor,
                d,
                date,
                "cair_awal",
                eid,
                principal=-principal,
                penalty=penalty,
                memo=receipt or "",
            )
            d.status = "cair_awal"
        else:
            if paid_interest:
                _event(
                    s,
                    actor,
                    d,
                    date,
                    "bayar_bunga",
                    eid,
                    accrued=-paid_interest,
                    gross=paid_interest,
                    tax=withheld,
                )
            _event(s, actor, d, date, "cair", eid, principal=-principal, memo=receipt or "")
            d.status = "selesai"
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


# ---------------------------------------------------------------- reading


def deposit_in(session: Session, number: str) -> DepositView:
    return _view(session, _deposit(session, number))


def get_deposit(db: Database, number: str, actor: Actor | None = None) -> DepositView:
    with read_only(db) as s:
        d = _deposit(s, number)
        view = _view(s, d)
        require_group_visible(actor, view.group_id, "Simpanan berjangka", d.number)
        return view


def events(db: Database, number: str, actor: Actor | None = None) -> list[EventView]:
    with read_only(db) as s:
        d = _deposit(s, number)
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
        return [_view(s, d) for d in s.scalars(q)]


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
        v = _view(s, d)
        posted = (
            s.scalar(
                select(func.count(TimeDepositEvent.id)).where(
                    TimeDepositEvent.deposit_id == d.id,
                    TimeDepositEvent.kind.in_(("bunga", "akrual")),
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


# ---------------------------------------------------------------- koperasi check


def check_time_deposits(s: Session) -> list[Problem]:
    """2.11 equals the deposits' principal, 2.12 their accrued interest; each deposit's stored
    principal equals its events; every event's entry exists."""
    out: list[Problem] = []
    principal, accrued = s.execute(
        select(
            func.coalesce(func.sum(TimeDepositEvent.principal), 0),
            func.coalesce(func.sum(TimeDepositEvent.accrued), 0),
        )
    ).one()
    gl = ledger_balance_by_code(s, {PRINCIPAL, ACCRUED})
    for code, sub, what_id, what_en in (
        (PRINCIPAL, int(principal), "jumlah pokok simpanan berjangka", "time deposits' principal"),
        (
            ACCRUED,
            int(accrued),
            "bunga berjangka yang dicadangkan",
            "accrued time-deposit interest",
        ),
    ):
        if code in gl and gl[code] != sub:
            out.append(
                Problem(
                    "time_deposits",
                    f"Akun {code}: saldo buku besar {format_rupiah(gl[code])} ≠ {what_id} {format_rupiah(sub)}",
                    f"Account {code}: ledger balance {format_rupiah(gl[code])} ≠ {what_en} {format_rupiah(sub)}",
                    f"accounts.code={code}",
                )
            )
    sums = (
        select(
            TimeDepositEvent.deposit_id.label("did"),
            func.sum(TimeDepositEvent.principal).label("p"),
        )
        .group_by(TimeDepositEvent.deposit_id)
        .subquery()
    )
    for number, stored, total in s.execute(
        select(TimeDeposit.number, TimeDeposit.principal, func.coalesce(sums.c.p, 0))
        .outerjoin(sums, sums.c.did == TimeDeposit.id)
        .where(TimeDeposit.principal != func.coalesce(sums.c.p, 0))
    ):
        out.append(
            Problem(
                "time_deposits",
                f"Simpanan berjangka {number}: pokok tersimpan {format_rupiah(stored)} ≠ jumlah mutasinya {format_rupiah(int(total))}",
                f"Time deposit {number}: stored principal {format_rupiah(stored)} ≠ sum of its movements {format_rupiah(int(total))}",
                f"time_deposits.number={number}",
            )
        )
    # every event that moves money points to an entry with a line on 2.11 or 2.12
    missing = s.execute(
        select(TimeDepositEvent.id)
        .outerjoin(JournalEntry, JournalEntry.id == TimeDepositEvent.journal_entry_id)
        .where(
            JournalEntry.id.is_(None),
            (TimeDepositEvent.principal != 0) | (TimeDepositEvent.accrued != 0),
        )
    ).scalars()
    for eid in missing:
        out.append(
            Problem(
                "time_deposits",
                f"Mutasi simpanan berjangka #{eid} tanpa jurnal",
                f"Time-deposit movement #{eid} has no journal entry",
                f"time_deposit_events.id={eid}",
            )
        )
    return out


CHECKS = [("time_deposits", check_time_deposits)]

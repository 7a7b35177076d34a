"""Savings (simpanan): deposits, withdrawals, balances, statements, wajib arrears, interest.

Every movement writes a savings transaction row and posts its journal entry in the same
unit of work. Pokok and wajib are the member's capital (equity): they are paid out only
when membership ends. Sukarela is a liability and may be withdrawn down to its minimum.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, bindparam, select
from sqlalchemy.orm import Session
from sqlalchemy.orm.attributes import set_committed_value

from ..db.database import Database
from ..db.models import (
    JournalEntry,
    Member,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain import accounts
from ..domain.money import format_rupiah
from ..domain.vocabulary import SAVINGS_TX_KIND_LABELS, ApprovalKind, EntrySource
from ..errors import NotFound, ValidationError
from . import approvals, audit, ledger, plausibility
from .auth import Actor, require
from .common_reads import savings_balance_at
from .counters import SERIES_SAVINGS, next_receipt
from .ledger import Line
from .members import member_by_number
from .uow import unit_of_work
from .validation import check_amount, clean_memo

CASH = accounts.CASH
PPH_THRESHOLD = 240_000  # PP 15/2009: monthly interest above this bears 10 % final tax
PPH_RATE = Decimal("10")

KIND_LABELS = SAVINGS_TX_KIND_LABELS


@dataclass(frozen=True)
class ProductView:
    code: str
    name: str
    kind: str
    fixed_amount: int
    min_balance: int
    interest_rate_pa: Decimal
    min_balance_for_interest: int
    account_code: str
    active: bool


@dataclass(frozen=True)
class SavingsTxView:
    id: int
    receipt_no: str | None
    member_number: str
    member_name: str
    product_code: str
    product_name: str
    date: dt.date
    kind: str
    amount: int  # signed
    balance_after: int
    journal_entry_id: int
    memo: str


@dataclass(frozen=True)
class BalanceRow:
    product_code: str
    product_name: str
    kind: str
    account_number: str
    balance: int


@dataclass(frozen=True)
class StatementRow:
    id: int
    date: dt.date
    receipt_no: str | None
    kind: str
    memo: str
    debit: int  # money out
    credit: int  # money in
    balance: int


@dataclass(frozen=True)
class Statement:
    member_number: str
    member_name: str
    product_code: str
    product_name: str
    account_number: str
    date_from: dt.date
    date_to: dt.date
    opening: int
    rows: tuple[StatementRow, ...]
    closing: int

    @property
    def total_in(self) -> int:
        return sum(r.credit for r in self.rows)

    @property
    def total_out(self) -> int:
        return sum(r.debit for r in self.rows)


@dataclass(frozen=True)
class WajibArrears:
    member_number: str
    monthly: int
    months_due: int
    expected: int
    paid: int

    @property
    def arrears(self) -> int:
        return max(0, self.expected - self.paid)

    @property
    def months_in_arrears(self) -> int:
        return 0 if self.monthly == 0 else -(-self.arrears // self.monthly)


# ---------------------------------------------------------------- helpers in a session


def product_by_code(session: Session, code: str) -> SavingsProduct:
    p = session.scalars(
        select(SavingsProduct).where(SavingsProduct.code == code.strip().upper())
    ).first()
    if p is None:
        raise NotFound(what="Produk simpanan", key=code)
    return p


def product_of_kind(session: Session, kind: str) -> SavingsProduct:
    p = session.scalars(
        select(SavingsProduct)
        .where(SavingsProduct.kind == kind, SavingsProduct.active.is_(True))
        .order_by(SavingsProduct.id)
    ).first()
    if p is None:
        raise NotFound(what="Produk simpanan", key=kind)
    return p


def account_for(
    session: Session,
    member: Member,
    product: SavingsProduct,
    *,
    lock: bool = True,
    open_on: dt.date | None = None,
) -> SavingsAccount:
    """The member's account for ``product`` (locked FOR UPDATE), opened if missing."""
    q = select(SavingsAccount).where(
        SavingsAccount.member_id == member.id, SavingsAccount.product_id == product.id
    )
    if lock:
        q = q.with_for_update()
    acct = session.scalars(q).first()
    if acct is None:
        acct = SavingsAccount(
            number=f"{member.number}-{product.code}",
            member_id=member.id,
            product_id=product.id,
            opened_on=open_on or member.join_date,
            balance=0,
        )
        session.add(acct)
        session.flush()
    return acct


def balance_at(session: Session, account_id: int, as_of: dt.date) -> int:
    return savings_balance_at(session, as_of, account_id=account_id)


def record_in(
    session: Session,
    actor: Actor,
    account: SavingsAccount,
    amount: int,
    date: dt.date,
    kind: str,
    journal_entry_id: int,
    receipt_no: str | None = None,
    memo: str = "",
    reverses_id: int | None = None,
) -> SavingsTransaction:
    """Write one subledger row and move the account balance. The caller posts the journal
    entry (with a line on the product's account) in the same session.

    Core statements rather than an ORM flush (this runs for every deposit of a group
    meeting); the account object is told its new balance as the database now holds it."""
    memo = clean_memo(memo)
    tx = SavingsTransaction(
        account_id=account.id,
        date=date,
        kind=kind,
        amount=amount,
        receipt_no=receipt_no,
        journal_entry_id=journal_entry_id,
        memo=memo,
        reverses_id=reverses_id,
        created_by=actor.username,
    )
    conn = session.connection()
    tx.id = conn.execute(
        _TX_INSERT,
        {
            "account_id": account.id,
            "date": date,
            "kind": kind,
            "amount": amount,
            "receipt_no": receipt_no,
            "journal_entry_id": journal_entry_id,
            "memo": memo,
            "reverses_id": reverses_id,
            "created_by": actor.username,
        },
    ).scalar_one()
    conn.execute(_BALANCE_UPDATE, {"account": account.id, "amount": amount})
    set_committed_value(account, "balance", account.balance + amount)
    return tx


_TX_TABLE = cast(Table, SavingsTransaction.__table__)  # a mapped class's table is a Table
_TX_INSERT = _TX_TABLE.insert().returning(_TX_TABLE.c.id)
_ACCOUNTS = cast(Table, SavingsAccount.__table__)
_BALANCE_UPDATE = (
    _ACCOUNTS.update()
    .where(_ACCOUNTS.c.id == bindparam("account"))
    .values(balance=_ACCOUNTS.c.balance + bindparam("amount"))
)


def _view(session: Session, tx: SavingsTransaction, account: SavingsAccount) -> SavingsTxView:
    member = session.get(Member, account.member_id)
    product = session.get(SavingsProduct, account.product_id)
    assert member is not None and product is not None
    return SavingsTxView(
        tx.id,
        tx.receipt_no,
        member.number,
        member.name,
        product.code,
        product.name,
        tx.date,
        tx.kind,
        tx.amount,
        account.balance,
        tx.journal_entry_id,
        tx.memo,
    )


def _check_member_active(member: Member) -> None:
    if member.status in ("keluar", "meninggal"):
        raise ValidationError(
            "member", "member_not_active", member=member.number, status=member.status
        )


def deposit_in(
    session: Session,
    actor: Actor,
    member: Member,
    product: SavingsProduct,
    amount: int,
    date: dt.date,
    memo: str = "",
    cash_account: str = CASH,
    receipt_no: str | None = None,
) -> SavingsTxView:
    check_amount(amount)
    _check_member_active(member)
    if date < member.join_date:
        raise ValidationError("date", "date_before", other=member.join_date.isoformat())
    account = account_for(session, member, product, open_on=date)
    if product.kind == "pokok":
        if account.balance >= product.fixed_amount > 0:
            raise ValidationError("amount", "pokok_already_paid", member=member.number)
        expected = product.fixed_amount - account.balance
        if product.fixed_amount and amount != expected:
            raise ValidationError(
                "amount", "fixed_amount", product=product.name, expected=format_rupiah(expected)
            )
    if product.min_balance and account.balance + amount < product.min_balance:
        raise ValidationError(
            "amount",
            "below_minimum",
            product=product.name,
            minimum=format_rupiah(product.min_balance),
        )
    receipt = receipt_no or next_receipt(session, SERIES_SAVINGS, date.year)
    text = memo or f"Setoran {product.name} {member.number} {member.name}"
    entry = ledger.post(
        session,
        actor,
        date,
        text,
        [
            Line(cash_account, debit=amount, member_id=member.id),
            Line(product.account_code, credit=amount, member_id=member.id),
        ],
        source=EntrySource.SAVINGS,
        source_ref=account.number,
        receipt_no=receipt,
    )
    tx = record_in(session, actor, account, amount, date, "setor", entry.id, receipt, memo)
    view = _view(session, tx, account)
    audit.record(session, actor, "savings.deposit", "savings_account", account.number, after=view)
    return view


def withdraw_in(
    session: Session,
    actor: Actor,
    member: Member,
    product: SavingsProduct,
    amount: int,
    date: dt.date,
    memo: str = "",
    cash_account: str = CASH,
    *,
    at_exit: bool = False,
    kind: str = "tarik",
) -> SavingsTxView:
    check_amount(amount)
    if not at_exit:
        _check_member_active(member)
        if product.kind in ("pokok", "wajib"):
            raise ValidationError("product", "withdraw_only_at_exit", product=product.name)
    account = account_for(session, member, product)
    floor = 0 if at_exit else product.min_balance
    available = min(account.balance, balance_at(session, account.id, date)) - floor
    if amount > available:
        # the block is the minimum balance when the amount is within what is there
        keeps_minimum = floor > 0 and amount <= available + floor
        raise ValidationError(
            "amount",
            "insufficient_keep_minimum" if keeps_minimum else "insufficient_balance",
            amount=format_rupiah(amount),
            available=format_rupiah(max(0, available)),
            minimum=format_rupiah(floor),
        )
    receipt = next_receipt(session, SERIES_SAVINGS, date.year)
    text = memo or f"Penarikan {product.name} {member.number} {member.name}"
    entry = ledger.post(
        session,
        actor,
        date,
        text,
        [
            Line(product.account_code, debit=amount, member_id=member.id),
            Line(cash_account, credit=amount, member_id=member.id),
        ],
        source=EntrySource.SAVINGS,
        source_ref=account.number,
        receipt_no=receipt,
    )
    tx = record_in(session, actor, account, -amount, date, kind, entry.id, receipt, memo)
    view = _view(session, tx, account)
    audit.record(session, actor, "savings.withdraw", "savings_account", account.number, after=view)
    return view


def pay_out_all_in(
    session: Session, actor: Actor, member: Member, date: dt.date, reason: str
) -> tuple[int, list[str]]:
    """At exit: pay out every savings balance in cash. Returns (total, receipts). The
    member's time deposits are closed first (:mod:`koperasi.services.member_exit`)."""
    total, receipts = 0, []
    rows = session.execute(
        select(SavingsAccount, SavingsProduct)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(SavingsAccount.member_id == member.id, SavingsAccount.balance > 0)
        .order_by(SavingsProduct.id)
        .with_for_update(of=SavingsAccount)
    ).all()
    for acct, product in rows:
        amount = acct.balance
        view = withdraw_in(
            session,
            actor,
            member,
            product,
            amount,
            date,
            memo=f"Keluar: {reason}",
            at_exit=True,
            kind="keluar",
        )
        total += amount
        if view.receipt_no:
            receipts.append(view.receipt_no)
    return total, receipts


def reverse_transaction_in(
    session: Session, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> int:
    """Reverse the savings transaction(s) behind journal entry ``entry_id``; returns the new
    entry's id. The balance after the reversal may not go below zero."""
    txs = session.scalars(
        select(SavingsTransaction).where(SavingsTransaction.journal_entry_id == entry_id)
    ).all()
    if not txs:
        raise NotFound(what="Transaksi simpanan", key=entry_id)
    source = session.scalar(select(JournalEntry.source).where(JournalEntry.id == entry_id))
    if source == "berjangka":  # the time deposit moves with it: its own service undoes it
        raise ValidationError("entry", "td_reverse_here", entry=entry_id)
    new_entry = ledger.post_reversal(session, actor, entry_id, date, reason)
    for tx in txs:
        account = session.get(SavingsAccount, tx.account_id, with_for_update=True)
        assert account is not None
        if account.balance - tx.amount < 0:
            raise ValidationError(
                "amount",
                "insufficient_balance",
                amount=format_rupiah(tx.amount),
                available=format_rupiah(account.balance),
            )
        record_in(
            session,
            actor,
            account,
            -tx.amount,
            date,
            "koreksi",
            new_entry.id,
            tx.receipt_no,
            f"Pembalikan: {reason}",
            reverses_id=tx.id,
        )
    return new_entry.id


# ---------------------------------------------------------------- use cases


def deposit(
    db: Database,
    actor: Actor,
    member_no: str,
    product_code: str,
    amount: int,
    date: dt.date,
    memo: str = "",
    *,
    confirm_large: bool = False,
) -> SavingsTxView:
    """Take a deposit in cash: Dr Kas, Cr the product's savings account. An amount above
    the product's plausibility ceiling needs ``confirm_large`` (services/plausibility.py)."""
    require(actor, "savings.write")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        product = product_by_code(s, product_code)
        kind = plausibility.deposit_kind(product.code)
        limits = plausibility.Limits(s, [kind], confirmed=confirm_large)
        view = deposit_in(s, actor, member, product, amount, date, memo)
        # after the other checks (their message comes first); a refusal rolls back
        limits.check(kind, amount, product_name=product.name)
        return view


def withdraw(
    db: Database,
    actor: Actor,
    member_no: str,
    product_code: str,
    amount: int,
    date: dt.date,
    memo: str = "",
    *,
    confirm_large: bool = False,
) -> SavingsTxView:
    """Pay out in cash, keeping the product's minimum balance; pokok/wajib only at exit.
    An amount above the withdrawal plausibility ceiling needs ``confirm_large``."""
    require(actor, "savings.write")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        limits = plausibility.Limits(s, [plausibility.WITHDRAWAL], confirmed=confirm_large)
        view = withdraw_in(s, actor, member, product_by_code(s, product_code), amount, date, memo)
        limits.check(plausibility.WITHDRAWAL, amount)
        return view


def reverse_transaction(
    db: Database, actor: Actor, tx_id: int, date: dt.date, reason: str
) -> SavingsTxView:
    """Correct a mistaken savings transaction with a linked reversal (nothing is deleted).
    With four-eyes on reversals this is refused: ``approvals.request`` asks a second user."""
    require(actor, "savings.write")
    reason = clean_memo(reason, "reason")
    if not (reason or "").strip():
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        approvals.require_no_gate(s, ApprovalKind.SAVINGS_REVERSAL)
        return reverse_savings_in(s, actor, tx_id, date, reason)


def reverse_savings_in(
    s: Session, actor: Actor, tx_id: int, date: dt.date, reason: str
) -> SavingsTxView:
    """See :func:`reverse_transaction` (in the caller's unit of work)."""
    if not (reason or "").strip():
        raise ValidationError("reason", "required")
    tx = s.get(SavingsTransaction, tx_id)
    if tx is None:
        raise NotFound(what="Transaksi simpanan", key=tx_id)
    new_entry_id = reverse_transaction_in(s, actor, tx.journal_entry_id, date, reason)
    new_tx = s.scalars(
        select(SavingsTransaction).where(
            SavingsTransaction.journal_entry_id == new_entry_id,
            SavingsTransaction.reverses_id == tx.id,
        )
    ).one()
    account = s.get(SavingsAccount, new_tx.account_id)
    assert account is not None
    view = _view(s, new_tx, account)
    audit.record(s, actor, "savings.reverse", "savings_transaction", tx_id, after=view)
    return view


# ---------------------------------------------------------------- reversal handlers


def _describe_reversal(s: Session, ref: str, params: dict[str, Any]) -> tuple[str, int]:
    stx = s.get(SavingsTransaction, int(ref))
    if stx is None:
        raise NotFound(what="Transaksi simpanan", key=ref)
    return str(stx.id), abs(stx.amount)


def _execute_reversal(
    s: Session, actor: Actor, ref: str, params: dict[str, Any], date: dt.date, reason: str
) -> str:
    return str(reverse_savings_in(s, actor, int(ref), date, reason).receipt_no or ref)


ledger.register_reversal("simpanan", reverse_transaction_in)
approvals.register(ApprovalKind.SAVINGS_REVERSAL, _describe_reversal, _execute_reversal)

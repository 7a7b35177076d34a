"""Bank accounts and their reconciliation (rekonsiliasi bank).

- Each bank account is kept in its own ledger account: the seeded 1.02 Bank, or a
  sub-account 1.02.NN created with it.
- A statement (rekening koran) is imported from the bank's CSV/XLSX export
  (:mod:`koperasi.exchange.bank_statement` reads the file, :mod:`koperasi.domain.bank_statement`
  its cells); the column mapping that read it is saved for the account. A line imported
  before (overlapping statements, the same file twice) is a duplicate and is not stored
  again. The import is all or nothing.
- Matching: automatically, a statement line with a journal line on the account of the
  same amount and side, dated within a few days; by hand, a statement line with one or
  more journal lines adding up to it. A statement line with nothing in the books (bank
  charges, interest, tax on interest) is posted from the screen: a balanced entry against
  the bank account, matched at once.
- The reconciliation at a date: the book balance, the statement balance, the items in
  transit both ways and the statement lines not in the books; the difference must be nil.
- A journal line cleared by a statement line cannot be reversed until it is unmatched
  (:func:`koperasi.services.ledger.refuse_reconciled`, called by ``ledger.post_reversal``).
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    BankAccount,
    BankMatch,
    BankStatementLine,
    JournalEntry,
    JournalLine,
)
from ..domain import accounts
from ..domain.bank_statement import FIELDS, PRESETS
from ..domain.vocabulary import EntrySource
from ..errors import NotFound, ValidationError
from . import audit, ledger
from .auth import Actor, require, require_read_all
from .uow import read_only, unit_of_work

PARENT = accounts.BANK
SOURCE = EntrySource.BANK
BANKS = ("bca", "bri", "mandiri", "bni", "lain")
BANK_NAMES = {
    "bca": "BCA",
    "bri": "BRI",
    "mandiri": "Mandiri",
    "bni": "BNI",
    "lain": "Bank lain",
}
# what an unmatched statement line is posted against, by kind
POST_KINDS = {
    "biaya": accounts.BANK_CHARGES,  # bank charges (biaya administrasi)
    "bunga": accounts.OTHER_INCOME,  # interest / jasa giro (other income, non-member business)
    "pajak": accounts.INCOME_TAX_EXPENSE,  # tax withheld on interest
}
POST_SIGN = {"biaya": -1, "bunga": 1, "pajak": -1}
WINDOW_DAYS = 4


# ---------------------------------------------------------------- plain results


@dataclass(frozen=True)
class BankAccountView:
    id: int
    code: str
    name: str
    bank: str
    number: str
    account_code: str
    reconcile_from: dt.date | None
    layout: dict[str, Any]
    active: bool


@dataclass(frozen=True)
class StatementLineView:
    id: int
    date: dt.date
    description: str
    amount: int
    balance: int | None
    journal_line_ids: tuple[int, ...]
    kind: str | None  # auto | manual | posted, None when unmatched

    @property
    def matched(self) -> bool:
        return bool(self.journal_line_ids)


@dataclass(frozen=True)
class BookLineView:
    journal_line_id: int
    entry_id: int
    date: dt.date
    description: str
    receipt_no: str | None
    amount: int  # into the bank positive (a debit), out negative
    statement_line_id: int | None


@dataclass
class ImportReport:
    rows: int = 0
    imported: int = 0
    duplicates: list[int] = field(default_factory=list)  # row numbers in the file
    errors: list[tuple[int, str, Any]] = field(default_factory=list)
    dry_run: bool = False
    written: bool = False
    first_date: dt.date | None = None
    last_date: dt.date | None = None
    mapping: dict[str, Any] = field(default_factory=dict)

    @property
    def ok(self) -> bool:
        return not self.errors

    def messages(self, lang: str = "id") -> list[str]:
        out = []
        for row, column, err in self.errors:
            text = err.message(lang) if hasattr(err, "message") else str(err)
            col = f", {'kolom' if lang == 'id' else 'column'} '{column}'" if column else ""
            where = f"{'Baris' if lang == 'id' else 'Row'} {row}{col}: " if row else ""
            out.append(f"{where}{text}")
        return out


@dataclass(frozen=True)
class MatchRun:
    matched: int
    pairs: tuple[tuple[int, int], ...]  # (statement line id, journal line id)


@dataclass(frozen=True)
class ReconItem:
    date: dt.date
    description: str
    amount: int  # signed as it moves the bank: in positive, out negative
    ref: str  # receipt / entry number or the statement row


@dataclass(frozen=True)
class Reconciliation:
    as_of: dt.date
    account: BankAccountView
    account_name: str
    book_balance: int
    statement_balance: int | None
    statement_date: dt.date | None
    in_transit: tuple[ReconItem, ...]  # book debits not yet on the statement
    outstanding: tuple[ReconItem, ...]  # book credits not yet on the statement (negative)
    unrecorded: tuple[ReconItem, ...]  # statement lines not in the books (signed)
    matched_lines: int
    statement_lines: int

    @property
    def adjusted_bank(self) -> int | None:
        if self.statement_balance is None:
            return None
        return (
            self.statement_balance
            + sum(i.amount for i in self.in_transit)
            + sum(i.amount for i in self.outstanding)
        )

    @property
    def adjusted_book(self) -> int:
        return self.book_balance + sum(i.amount for i in self.unrecorded)

    @property
    def difference(self) -> int | None:
        adj = self.adjusted_bank
        return None if adj is None else adj - self.adjusted_book

    @property
    def reconciled(self) -> bool:
        return self.difference == 0


# ---------------------------------------------------------------- helpers


def bank_account_view(b: BankAccount) -> BankAccountView:
    try:
        layout = json.loads(b.layout) if b.layout else {}
    except ValueError:
        layout = {}
    return BankAccountView(
        b.id, b.code, b.name, b.bank, b.number, b.account_code, b.reconcile_from, layout, b.active
    )


def get(session: Session, code: str, lock: bool = False) -> BankAccount:
    q = select(BankAccount).where(BankAccount.code == (code or "").strip())
    if lock:
        q = q.with_for_update()
    b = session.scalars(q).first()
    if b is None:
        raise NotFound(what="Rekening bank", key=code)
    return b


def account_id(session: Session, b: BankAccount) -> int:
    return ledger.account_ids(session, {b.account_code})[b.account_code]


def _next_sub_account(session: Session) -> str:
    have = set(session.scalars(select(Account.code).where(Account.code.like(f"{PARENT}.%"))))
    n = 1
    while f"{PARENT}.{n:02d}" in have:
        n += 1
    return f"{PARENT}.{n:02d}"


def _next_code(session: Session) -> str:
    n = (session.scalar(select(func.count(BankAccount.id))) or 0) + 1
    while session.scalar(select(BankAccount.id).where(BankAccount.code == f"BANK-{n}")):
        n += 1
    return f"BANK-{n}"


def reversal_pairs(session: Session, entry_ids: set[int]) -> dict[int, tuple[int, dt.date]]:
    """entry id -> (the other entry of its reversal pair, the reversal's date)."""
    if not entry_ids:
        return {}
    out: dict[int, tuple[int, dt.date]] = {}
    rows = session.execute(
        select(JournalEntry.id, JournalEntry.reverses_entry_id, JournalEntry.date).where(
            JournalEntry.reverses_entry_id.is_not(None)
            & (JournalEntry.reverses_entry_id.in_(entry_ids) | JournalEntry.id.in_(entry_ids))
        )
    )
    for rid, oid, date in rows:
        assert oid is not None  # the query keeps reversals only
        out[rid] = (oid, date)
        out[oid] = (rid, date)
    return out


def bank_book_lines(
    session: Session, b: BankAccount, as_of: dt.date | None = None
) -> list[tuple[int, int, dt.date, str, str | None, int]]:
    """(journal line id, entry id, date, description, receipt, signed amount) of the bank's
    ledger account from its ``reconcile_from`` date (through ``as_of``)."""
    q = (
        select(
            JournalLine.id,
            JournalEntry.id,
            JournalEntry.date,
            JournalEntry.description,
            JournalEntry.receipt_no,
            JournalLine.debit - JournalLine.credit,
        )
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalLine.account_id == account_id(session, b))
        .order_by(JournalEntry.date, JournalLine.id)
    )
    if b.reconcile_from is not None:
        q = q.where(JournalEntry.date >= b.reconcile_from)
    if as_of is not None:
        q = q.where(JournalEntry.date <= as_of)
    return [(a, e, d, desc, r, int(x)) for a, e, d, desc, r, x in session.execute(q)]


def matched_pairs(session: Session, b: BankAccount) -> list[tuple[int, int, str]]:
    """(statement line id, journal line id, kind) of the account's matches."""
    return [
        (s, j, k)
        for s, j, k in session.execute(
            select(BankMatch.statement_line_id, BankMatch.journal_line_id, BankMatch.kind)
            .join(BankStatementLine, BankStatementLine.id == BankMatch.statement_line_id)
            .where(BankStatementLine.bank_account_id == b.id)
            .order_by(BankMatch.id)
        )
    ]


# ---------------------------------------------------------------- accounts


def add_bank_account_in(
    session: Session,
    actor: Actor,
    name: str,
    bank: str,
    number: str = "",
    code: str = "",
    account_code: str | None = None,
    reconcile_from: dt.date | None = None,
) -> BankAccount:
    name = " ".join((name or "").split())
    if not name:
        raise ValidationError("name", "required")
    bank = (bank or "").strip().lower()
    if bank not in BANKS:
        raise ValidationError("bank", "choice", choices=", ".join(BANKS), value=bank)
    number = " ".join((number or "").split())
    code = (code or "").strip().upper() or _next_code(session)
    if session.scalar(select(BankAccount.id).where(BankAccount.code == code)) is not None:
        raise ValidationError("bank_account", "duplicate", value=code)
    if account_code:
        account_code = account_code.strip()
        acct = session.scalars(select(Account).where(Account.code == account_code)).first()
        if acct is None:
            raise ValidationError("account_code", "account_unknown", value=account_code)
        if acct.type != "asset" or not (
            account_code == PARENT or account_code.startswith(PARENT + ".")
        ):
            raise ValidationError("account_code", "bank_account_not_bank", value=account_code)
        used = session.scalar(
            select(BankAccount.code).where(BankAccount.account_code == account_code)
        )
        if used is not None:
            raise ValidationError(
                "account_code", "bank_account_used", value=account_code, bank=used
            )
    else:
        account_code = _next_sub_account(session)
        label = f"Bank {BANK_NAMES[bank]} {number}".strip()
        session.add(
            Account(
                code=account_code,
                name=label[:120],
                name_en=label.replace("Bank lain", "Other bank")[:120],
                type="asset",
                contra=False,
                parent_code=PARENT,
            )
        )
        session.flush()
        audit.record(session, actor, "account.add", "account", account_code, after=label)
    b = BankAccount(
        code=code,
        name=name,
        bank=bank,
        number=number,
        account_code=account_code,
        layout="",
        reconcile_from=reconcile_from,
        active=True,
        created_by=actor.username,
    )
    session.add(b)
    session.flush()
    audit.record(session, actor, "bank.add", "bank_account", code, after=bank_account_view(b))
    return b


def add_bank_account(
    db: Database,
    actor: Actor,
    name: str,
    bank: str,
    number: str = "",
    code: str = "",
    account_code: str | None = None,
    reconcile_from: dt.date | None = None,
) -> BankAccountView:
    """A bank account, in its own ledger account: ``account_code`` (1.02 or one of its
    sub-accounts not used by another bank account), or a new sub-account 1.02.NN."""
    require(actor, "bank.write")
    with unit_of_work(db) as s:
        return bank_account_view(
            add_bank_account_in(s, actor, name, bank, number, code, account_code, reconcile_from)
        )


def list_bank_accounts(db: Database, actor: Actor | None = None) -> list[BankAccountView]:
    require_read_all(actor)
    with read_only(db) as s:
        return [
            bank_account_view(b) for b in s.scalars(select(BankAccount).order_by(BankAccount.code))
        ]


def get_bank_account(db: Database, code: str, actor: Actor | None = None) -> BankAccountView:
    require_read_all(actor)
    with read_only(db) as s:
        return bank_account_view(get(s, code))


def set_layout(db: Database, actor: Actor, code: str, layout: dict[str, Any]) -> BankAccountView:
    """Save the statement column mapping of a bank account (a preset name alone, or the
    header of each column: date, description, debit + credit or amount [+ dbcr], balance)."""
    require(actor, "bank.write")
    layout = {k: v for k, v in (layout or {}).items() if v not in (None, "", [])}
    preset = layout.pop("preset", None)
    if preset:
        if preset not in PRESETS:
            raise ValidationError("bank_layout", "choice", choices=", ".join(PRESETS), value=preset)
        layout = {**PRESETS[preset], **layout}
    unknown = set(layout) - set(FIELDS)
    if unknown:
        raise ValidationError(
            "bank_layout", "choice", choices=", ".join(FIELDS), value=", ".join(sorted(unknown))
        )
    if "date" not in layout or not (
        "amount" in layout or ("debit" in layout and "credit" in layout)
    ):
        raise ValidationError("bank_layout", "bank_layout_incomplete")
    with unit_of_work(db) as s:
        b = get(s, code, lock=True)
        before = bank_account_view(b)
        b.layout = json.dumps(layout, ensure_ascii=False, sort_keys=True)
        s.flush()
        view = bank_account_view(b)
        audit.record(s, actor, "bank.layout", "bank_account", b.code, before, view)
        return view


__all__ = [
    "BankAccountView",
    "BookLineView",
    "ImportReport",
    "MatchRun",
    "Reconciliation",
    "StatementLineView",
    "add_bank_account",
    "list_bank_accounts",
    "set_layout",
]

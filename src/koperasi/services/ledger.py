"""The general ledger: posting balanced entries, reversals, manual entries, trial balance."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select
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
from ..db.models.base import utcnow
from ..domain.vocabulary import ApprovalKind, EntrySource
from ..errors import NotFound, ValidationError
from . import approvals, audit
from .auth import Actor, require, require_read_all
from .counters import SERIES_JOURNAL, lock_series, next_receipt
from .ledger_periods import ensure_open
from .seal import LOCK_SERIES, seal_rows
from .statement_cash_flow import cash_codes
from .statements import accounts, forget_sums, prepared_at, sums
from .transaction_state import state
from .uow import read_only, unit_of_work
from .validation import MAX_AMOUNT, clean_memo

ReversalHandler = Callable[[Session, Actor, int, dt.date, str], int]
"""``(session, actor, entry_id, date, reason) -> new entry id``: reverses the subledger rows
behind a journal entry together with the entry."""

_REVERSAL_HANDLERS: dict[str, ReversalHandler] = {}


def register_reversal(source: str, handler: ReversalHandler) -> None:
    """A subledger whose entries carry ``source`` reverses them itself (its rows move with the
    journal): savings, loans and fixed assets register here when imported
    (:mod:`koperasi.services.wiring`). Entries of other sources but ``manual`` and ``bank``
    cannot be reversed by :func:`reverse_entry`."""
    _REVERSAL_HANDLERS[source] = handler


@dataclass(frozen=True)
class Line:
    """One journal line as a service builds it: account code and one side."""

    account: str
    debit: int = 0
    credit: int = 0
    member_id: int | None = None
    memo: str = ""


@dataclass(frozen=True)
class EntryView:
    id: int
    date: dt.date
    description: str
    source: str
    source_ref: str
    receipt_no: str | None
    reverses_entry_id: int | None
    reversed_by_entry_id: int | None
    posted_by: str
    lines: tuple[LineView, ...]

    @property
    def total(self) -> int:
        return sum(line.debit for line in self.lines)


@dataclass(frozen=True)
class LineView:
    account_code: str
    account_name: str
    debit: int
    credit: int
    memo: str


# ---------------------------------------------------------------- posting (in a session)


def account_ids(session: Session, codes: set[str]) -> dict[str, int]:
    """Account ids by code (cached per unit of work: accounts are never deleted)."""
    cache = state(session).account_ids
    missing = codes - cache.keys()
    if missing:
        rows = session.execute(select(Account.code, Account.id).where(Account.code.in_(missing)))
        cache.update({code: id_ for code, id_ in rows})
    for code in codes:
        if code not in cache:
            raise NotFound(what="Akun", key=code)
    return {code: cache[code] for code in codes}


_ENTRY_TABLE = cast(Table, JournalEntry.__table__)
_LINE_TABLE = cast(Table, JournalLine.__table__)
_ENTRY_INSERT = _ENTRY_TABLE.insert().returning(_ENTRY_TABLE.c.id)
_LINE_COLUMNS = _LINE_TABLE.c
# returned in the order the seal hashes a line (seal.line_hash)
_LINES_INSERT = _LINE_TABLE.insert().returning(
    *(
        _LINE_COLUMNS[n]
        for n in ("id", "entry_id", "account_id", "debit", "credit", "member_id", "memo")
    )
)


def post(
    session: Session,
    actor: Actor,
    date: dt.date,
    description: str,
    lines: Sequence[Line],
    source: str,
    source_ref: str = "",
    receipt_no: str | None = None,
    reverses_entry_id: int | None = None,
) -> JournalEntry:
    """Post one balanced entry in the caller's transaction. The only way rows enter the GL.
    The description and the lines' memos are cleaned as typed text is (NFKC, no control
    characters: :func:`~.validation.clean_memo`)."""
    ensure_open(session, date)
    description = clean_memo(description, "description")
    lines = [
        ln
        if not ln.memo
        else Line(ln.account, ln.debit, ln.credit, ln.member_id, clean_memo(ln.memo))
        for ln in lines
    ]
    forget_sums(session)  # balances remembered by statements.sums
    if len(lines) < 2:
        raise ValidationError("lines", "empty_entry")
    debit = credit = 0
    for n, line in enumerate(lines, start=1):
        if line.debit < 0 or line.credit < 0:
            raise ValidationError("amount", "must_not_be_negative")
        if (line.debit == 0) == (line.credit == 0):
            raise ValidationError("lines", "line_both_sides", line=n)
        if line.debit > MAX_AMOUNT or line.credit > MAX_AMOUNT:
            raise ValidationError("amount", "too_large", max=MAX_AMOUNT)
        debit += line.debit
        credit += line.credit
    if debit != credit:
        from ..domain.money import format_rupiah

        raise ValidationError(
            "lines", "unbalanced", debit=format_rupiah(debit), credit=format_rupiah(credit)
        )
    ids = account_ids(session, {line.account for line in lines})
    # Core inserts, not the ORM unit of work: posting is the hot path of every money movement
    # (a group meeting posts dozens of entries in one transaction) and three ORM flushes per
    # entry cost more than the SQL itself. The entry returned is a plain, unattached object.
    entry = JournalEntry(
        date=date,
        description=description,
        source=source,
        source_ref=source_ref,
        receipt_no=receipt_no,
        reverses_entry_id=reverses_entry_id,
        posted_at=utcnow(),
        posted_by=actor.username,
    )
    # the seal chain's lock BEFORE the entry's id is taken: ids of entries, lines and seals
    # then grow in commit order on PostgreSQL too (no transaction commits an entry into a
    # block of the journal that another one closed meanwhile; see db.blocks)
    lock_series(session, LOCK_SERIES, 0)
    conn = session.connection()
    entry.id = conn.execute(
        _ENTRY_INSERT,
        {
            "date": entry.date,
            "description": entry.description,
            "source": entry.source,
            "source_ref": entry.source_ref,
            "receipt_no": entry.receipt_no,
            "reverses_entry_id": entry.reverses_entry_id,
            "posted_at": entry.posted_at,
            "posted_by": entry.posted_by,
        },
    ).scalar_one()
    rows = [
        {
            "entry_id": entry.id,
            "account_id": ids[line.account],
            "debit": line.debit,
            "credit": line.credit,
            "member_id": line.member_id,
            "memo": line.memo,
        }
        for line in lines
    ]
    # one multi-row INSERT ("insertmanyvalues"); the seal hashes each line as returned, so
    # the order the rows come back in does not matter
    inserted = conn.execute(_LINES_INSERT, rows).all()
    seal_rows(session, entry, [tuple(r) for r in inserted])  # tamper evidence (`koperasi check`)
    return entry


def post_reversal(
    session: Session,
    actor: Actor,
    entry_id: int,
    date: dt.date,
    reason: str,
    source: str | None = None,
) -> JournalEntry:
    """Post the mirror of ``entry_id`` (debits and credits swapped), linked to it."""
    original = session.get(JournalEntry, entry_id, with_for_update=True)
    if original is None:
        raise NotFound(what="Jurnal", key=entry_id)
    if original.reverses_entry_id is not None:
        raise ValidationError("entry", "is_reversal", entry=entry_id)
    already = session.scalar(
        select(JournalEntry.id).where(JournalEntry.reverses_entry_id == entry_id)
    )
    if already is not None:
        raise ValidationError("entry", "already_reversed", entry=entry_id)
    if date < original.date:
        raise ValidationError("date", "date_before", other=original.date.isoformat())
    refuse_reconciled(session, entry_id)  # a line cleared by a bank statement: unmatch first
    rows = session.execute(
        select(
            Account.code,
            JournalLine.debit,
            JournalLine.credit,
            JournalLine.member_id,
            JournalLine.memo,
        )
        .join(Account, Account.id == JournalLine.account_id)
        .where(JournalLine.entry_id == entry_id)
        .order_by(JournalLine.id)
    ).all()
    lines = [Line(code, debit=c, credit=d, member_id=m, memo=memo) for code, d, c, m, memo in rows]
    return post(
        session,
        actor,
        date,
        f"Pembalikan #{entry_id}: {reason}",
        lines,
        source=source or original.source,
        source_ref=original.source_ref,
        reverses_entry_id=entry_id,
    )


def refuse_reconciled(session: Session, entry_id: int) -> None:
    """Refuse to reverse an entry with a journal line cleared by a bank statement line
    (:func:`post_reversal`): the reconciliation is undone first."""
    row = session.execute(
        select(BankAccount.code, BankAccount.name, BankStatementLine.date, BankStatementLine.id)
        .join(BankStatementLine, BankStatementLine.bank_account_id == BankAccount.id)
        .join(BankMatch, BankMatch.statement_line_id == BankStatementLine.id)
        .join(JournalLine, JournalLine.id == BankMatch.journal_line_id)
        .where(JournalLine.entry_id == entry_id)
        .limit(1)
    ).first()
    if row is not None:
        raise ValidationError(
            "entry",
            "bank_reconciled",
            entry=entry_id,
            bank=f"{row[0]} {row[1]}",
            date=row[2].isoformat(),
            line=row[3],
        )


# the account that takes the other side of opening balances brought over from the old books
CLEARING = ("3.99", "Saldo Awal (Kliring)", "Opening balance clearing", "equity")


def ensure_clearing(session: Session) -> None:
    if session.scalar(select(Account.id).where(Account.code == CLEARING[0])) is None:
        code, name, name_en, type_ = CLEARING
        session.add(Account(code=code, name=name, name_en=name_en, type=type_))
        session.flush()


def balance(
    session: Session, code: str, as_of: dt.date | None = None, date_from: dt.date | None = None
) -> int:
    """Natural-side balance of one account (debit-normal for assets/expenses)."""
    acct = session.scalar(select(Account).where(Account.code == code))
    if acct is None:
        raise NotFound(what="Akun", key=code)
    if date_from is None and as_of is not None and prepared_at(session, as_of):
        # a report prepared the balances at this date (statements.prepare): no journal read
        d, c = sums(session, as_of).get(code, (0, 0))
        return d - c if acct.type in ("asset", "expense") else c - d
    q = (
        select(
            func.coalesce(func.sum(JournalLine.debit), 0),
            func.coalesce(func.sum(JournalLine.credit), 0),
        )
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(JournalLine.account_id == acct.id)
    )
    if as_of is not None:
        q = q.where(JournalEntry.date <= as_of)
    if date_from is not None:
        q = q.where(JournalEntry.date >= date_from)
    d, c = session.execute(q).one()
    return int(d) - int(c) if acct.type in ("asset", "expense") else int(c) - int(d)


def entry_view(session: Session, entry_id: int) -> EntryView:
    e = session.get(JournalEntry, entry_id)
    if e is None:
        raise NotFound(what="Jurnal", key=entry_id)
    rows = session.execute(
        select(Account.code, Account.name, JournalLine.debit, JournalLine.credit, JournalLine.memo)
        .join(Account, Account.id == JournalLine.account_id)
        .where(JournalLine.entry_id == entry_id)
        .order_by(JournalLine.id)
    ).all()
    rev_by = session.scalar(select(JournalEntry.id).where(JournalEntry.reverses_entry_id == e.id))
    return EntryView(
        e.id,
        e.date,
        e.description,
        e.source,
        e.source_ref,
        e.receipt_no,
        e.reverses_entry_id,
        rev_by,
        e.posted_by,
        tuple(LineView(*r) for r in rows),
    )


# ---------------------------------------------------------------- use cases


def add_manual_entry(
    db: Database,
    actor: Actor,
    date: dt.date,
    description: str,
    lines: Sequence[Line],
    payee: str = "",
    *,
    confirm_large: bool = False,
) -> EntryView:
    """The cooperative's own income and expenses (listrik, ATK, honor pengurus ...).

    Control accounts (savings, loans) are refused: their subledger must move with them.
    An income (credits on income accounts) or expense (debits on expense accounts) above
    its plausibility ceiling needs ``confirm_large``.
    ``payee``: who paid the income or received the payment; kept as the memo of the cash
    or bank line(s) (covered by the tamper seal), printed on the voucher.
    """
    from . import plausibility

    require(actor, "ledger.write")
    description = clean_memo(description, "description")
    if not description:
        raise ValidationError("description", "required")
    payee = " ".join(clean_memo(payee, "payee").split())
    with unit_of_work(db) as s:
        controls = dict(
            s.execute(
                select(Account.code, Account.control).where(
                    Account.code.in_({ln.account for ln in lines}), Account.control.is_not(None)
                )
            ).all()
        )
        for code, what in controls.items():
            raise ValidationError("account", "not_postable", code=code, what=what)
        if payee:
            cash = cash_codes(accounts(s))
            lines = [
                Line(ln.account, ln.debit, ln.credit, ln.member_id, payee)
                if ln.account in cash
                else ln
                for ln in lines
            ]
        kinds = (plausibility.INCOME, plausibility.EXPENSE)
        limits = plausibility.Limits(s, kinds, confirmed=confirm_large)
        receipt = next_receipt(s, SERIES_JOURNAL, date.year)
        entry = post(
            s,
            actor,
            date,
            description.strip(),
            lines,
            source=EntrySource.MANUAL,
            receipt_no=receipt,
        )
        types = dict(
            s.execute(
                select(Account.code, Account.type).where(
                    Account.code.in_({ln.account for ln in lines})
                )
            ).all()
        )
        for kind, acc_type, side in (
            (plausibility.INCOME, "income", "credit"),
            (plausibility.EXPENSE, "expense", "debit"),
        ):
            amount = sum(getattr(ln, side) for ln in lines if types.get(ln.account) == acc_type)
            limits.check(kind, amount)
        view = entry_view(s, entry.id)
        audit.record(s, actor, "journal.add", "journal_entry", entry.id, after=view)
        return view


def reverse_entry(
    db: Database, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> EntryView:
    """Reverse a manual entry. Entries from savings or loans are reversed by their own service.
    When the cooperative wants a second user's approval for reversals (four-eyes), this is
    refused: the reversal is requested with ``approvals.request`` instead."""
    require(actor, "ledger.write")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        approvals.require_no_gate(s, ApprovalKind.ENTRY_REVERSAL)
        return reverse_entry_in(s, actor, entry_id, date, reason)


def reverse_entry_in(
    s: Session, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> EntryView:
    """See :func:`reverse_entry` (in the caller's unit of work)."""
    if not reason.strip():
        raise ValidationError("reason", "required")
    original = s.get(JournalEntry, entry_id)
    if original is None:
        raise NotFound(what="Jurnal", key=entry_id)
    handler = _REVERSAL_HANDLERS.get(original.source)
    if handler is not None:
        entry_id_new = handler(s, actor, entry_id, date, reason)
    elif original.source not in ("manual", "bank"):
        raise ValidationError("entry", "not_postable", code=str(entry_id), what=original.source)
    else:
        entry_id_new = post_reversal(s, actor, entry_id, date, reason).id
    view = entry_view(s, entry_id_new)
    audit.record(s, actor, "journal.reverse", "journal_entry", entry_id, after=view)
    return view


def get_entry(db: Database, entry_id: int, actor: Actor | None = None) -> EntryView:
    require_read_all(actor)
    with read_only(db) as s:
        return entry_view(s, entry_id)


def list_entries(
    db: Database,
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    source: str | None = None,
    after_id: int | None = None,
    limit: int = 200,
    actor: Actor | None = None,
    newest_first: bool = False,
) -> list[EntryView]:
    """Entries in posting order (keyset paging on id): the oldest first, or with
    ``newest_first`` the latest first (``after_id`` then pages on to older entries), as the
    journal list on screen shows them."""
    require_read_all(actor)
    with read_only(db) as s:
        order = JournalEntry.id.desc() if newest_first else JournalEntry.id
        q = select(JournalEntry.id).order_by(order).limit(limit)
        if date_from:
            q = q.where(JournalEntry.date >= date_from)
        if date_to:
            q = q.where(JournalEntry.date <= date_to)
        if source:
            q = q.where(JournalEntry.source == source)
        if after_id:
            q = q.where(JournalEntry.id < after_id if newest_first else JournalEntry.id > after_id)
        return [entry_view(s, i) for i in s.scalars(q)]


# ---------------------------------------------------------------- four-eyes


def _describe_entry_reversal(s: Session, ref: str, params: dict[str, Any]) -> tuple[str, int]:
    entry = s.get(JournalEntry, int(ref))
    if entry is None:
        raise NotFound(what="Jurnal", key=ref)
    total = s.scalar(
        select(func.coalesce(func.sum(JournalLine.debit), 0)).where(
            JournalLine.entry_id == entry.id
        )
    )
    return str(entry.id), int(total or 0)


def _execute_entry_reversal(
    s: Session, actor: Actor, ref: str, params: dict[str, Any], date: dt.date, reason: str
) -> str:
    return str(reverse_entry_in(s, actor, int(ref), date, reason).id)


approvals.register(ApprovalKind.ENTRY_REVERSAL, _describe_entry_reversal, _execute_entry_reversal)

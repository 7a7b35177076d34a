"""Bank accounts and their reconciliation (rekonsiliasi bank).

- Each bank account is kept in its own ledger account: the seeded 1.02 Bank, or a
  sub-account 1.02.NN created with it.
- A statement (rekening koran) is imported from the bank's CSV/XLSX export
  (:mod:`koperasi.exchange.bank_statement`); the column mapping that read it is saved for
  the account. A line imported before (overlapping statements, the same file twice) is a
  duplicate and is not stored again. The import is all or nothing.
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
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

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
from ..db.models.base import utcnow
from ..domain import accounts
from ..errors import NotFound, ValidationError
from . import audit, clock, ledger
from .auth import Actor, require, require_read_all
from .counters import SERIES_JOURNAL, next_receipt
from .ledger import Line
from .uow import read_only, unit_of_work

if TYPE_CHECKING:
    from .check import Problem
    from .progress import ProgressCallback

PARENT = accounts.BANK
SOURCE = "bank"
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


def _view(b: BankAccount) -> BankAccountView:
    try:
        layout = json.loads(b.layout) if b.layout else {}
    except ValueError:
        layout = {}
    return BankAccountView(
        b.id, b.code, b.name, b.bank, b.number, b.account_code, b.reconcile_from, layout, b.active
    )


def _get(session: Session, code: str, lock: bool = False) -> BankAccount:
    q = select(BankAccount).where(BankAccount.code == (code or "").strip())
    if lock:
        q = q.with_for_update()
    b = session.scalars(q).first()
    if b is None:
        raise NotFound(what="Rekening bank", key=code)
    return b


def _account_id(session: Session, b: BankAccount) -> int:
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


def _reversal_pairs(session: Session, entry_ids: set[int]) -> dict[int, tuple[int, dt.date]]:
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


def _book_lines(
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
        .where(JournalLine.account_id == _account_id(session, b))
        .order_by(JournalEntry.date, JournalLine.id)
    )
    if b.reconcile_from is not None:
        q = q.where(JournalEntry.date >= b.reconcile_from)
    if as_of is not None:
        q = q.where(JournalEntry.date <= as_of)
    return [(a, e, d, desc, r, int(x)) for a, e, d, desc, r, x in session.execute(q)]


def _matches(session: Session, b: BankAccount) -> list[tuple[int, int, str]]:
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
    audit.record(session, actor, "bank.add", "bank_account", code, after=_view(b))
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
        return _view(
            add_bank_account_in(s, actor, name, bank, number, code, account_code, reconcile_from)
        )


def list_bank_accounts(db: Database, actor: Actor | None = None) -> list[BankAccountView]:
    require_read_all(actor)
    with read_only(db) as s:
        return [_view(b) for b in s.scalars(select(BankAccount).order_by(BankAccount.code))]


def get_bank_account(db: Database, code: str, actor: Actor | None = None) -> BankAccountView:
    require_read_all(actor)
    with read_only(db) as s:
        return _view(_get(s, code))


def set_layout(db: Database, actor: Actor, code: str, layout: dict[str, Any]) -> BankAccountView:
    """Save the statement column mapping of a bank account (a preset name alone, or the
    header of each column: date, description, debit + credit or amount [+ dbcr], balance)."""
    from ..exchange.bank_statement import FIELDS, PRESETS

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
        b = _get(s, code, lock=True)
        before = _view(b)
        b.layout = json.dumps(layout, ensure_ascii=False, sort_keys=True)
        s.flush()
        view = _view(b)
        audit.record(s, actor, "bank.layout", "bank_account", b.code, before, view)
        return view


# ---------------------------------------------------------------- import


def import_statement(
    db: Database,
    actor: Actor,
    code: str,
    path: str | Path,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import a statement file into a bank account: every row or none. Lines imported
    before are counted as duplicates and left out; the mapping that read the file is saved
    for the account."""
    from ..exchange.bank_statement import parse_statement

    require(actor, "bank.write")
    rep = ImportReport(dry_run=dry_run)
    try:
        _import_in(db, actor, code, path, dry_run, rep, parse_statement)
    except _Rollback:
        rep.written = False
    return rep


class _Rollback(Exception):
    """Leave the unit of work without writing (a dry run, or rows in error)."""


def _import_in(
    db: Database,
    actor: Actor,
    code: str,
    path: str | Path,
    dry_run: bool,
    rep: ImportReport,
    parse_statement: Callable[..., Any],
) -> None:
    with unit_of_work(db) as s:
        b = _get(s, code, lock=True)
        layout = _view(b).layout or None
        try:
            parsed = parse_statement(path, layout, clock.today().year)
        except ValidationError as exc:
            rep.errors.append((0, "", exc))
            raise _Rollback from None
        rep.mapping = parsed.mapping
        rep.rows = len(parsed.rows) + len(parsed.errors)
        rep.errors.extend(parsed.errors)
        today = clock.today(s.info.get("today"))
        for r in parsed.rows:
            if r.date > today:
                rep.errors.append(
                    (
                        r.row,
                        "",
                        ValidationError(
                            "bank_date",
                            "posting_in_future",
                            date=r.date.isoformat(),
                            today=today.isoformat(),
                        ),
                    )
                )
        if not parsed.rows and not rep.errors:
            rep.errors.append((0, "", ValidationError("file", "bank_no_lines")))
        if rep.errors:
            raise _Rollback
        known = set(
            s.scalars(
                select(BankStatementLine.fingerprint).where(
                    BankStatementLine.bank_account_id == b.id
                )
            )
        )
        seq = int(
            s.scalar(
                select(func.coalesce(func.max(BankStatementLine.seq), 0)).where(
                    BankStatementLine.bank_account_id == b.id
                )
            )
            or 0
        )
        last = s.execute(
            select(BankStatementLine.date, BankStatementLine.balance)
            .where(BankStatementLine.bank_account_id == b.id)
            .order_by(BankStatementLine.seq.desc())
            .limit(1)
        ).first()
        running = last[1] if last else None
        batch = f"{utcnow().strftime('%Y%m%d%H%M%S')}-{actor.username}"[:40]
        new = []
        for r in parsed.rows:
            if r.fingerprint in known:
                rep.duplicates.append(r.row)
                running = None
                continue
            known.add(r.fingerprint)
            if r.balance is not None:
                running = r.balance
            elif running is not None:
                running += r.amount
            seq += 1
            new.append(
                BankStatementLine(
                    bank_account_id=b.id,
                    date=r.date,
                    description=r.description,
                    amount=r.amount,
                    balance=r.balance if r.balance is not None else running,
                    seq=seq,
                    fingerprint=r.fingerprint,
                    batch=batch,
                    created_by=actor.username,
                )
            )
        rep.imported = len(new)
        if new:
            rep.first_date = min(x.date for x in new)
            rep.last_date = max(x.date for x in new)
        if dry_run:
            raise _Rollback
        s.add_all(new)
        if not _view(b).layout:
            b.layout = json.dumps(parsed.mapping, ensure_ascii=False, sort_keys=True)
        s.flush()
        audit.record(
            s,
            actor,
            "bank.import",
            "bank_account",
            b.code,
            after={
                "file": Path(path).name,
                "imported": rep.imported,
                "duplicates": len(rep.duplicates),
                "first_date": rep.first_date,
                "last_date": rep.last_date,
            },
        )
        rep.written = True


# ---------------------------------------------------------------- matching


def _check_match_open(session: Session, b: BankAccount, line: BankStatementLine) -> None:
    if line.bank_account_id != b.id:
        raise ValidationError("statement_line", "bank_line_other_account", value=line.id)


def auto_match_in(
    session: Session, actor: Actor, b: BankAccount, window_days: int = WINDOW_DAYS
) -> MatchRun:
    """Pair each unmatched statement line (in date order) with the unmatched journal line of
    the same amount and side nearest in date, within ``window_days``. Entries reversed (and
    their reversals) are left out: the bank never saw them."""
    matched_j = {j for _s, j, _k in _matches(session, b)}
    matched_s = {st for st, _j, _k in _matches(session, b)}
    book = [x for x in _book_lines(session, b) if x[0] not in matched_j]
    pairs = _reversal_pairs(session, {x[1] for x in book})
    book = [x for x in book if x[1] not in pairs]
    by_amount: dict[int, list[Any]] = defaultdict(list)
    for x in book:
        by_amount[x[5]].append(x)
    lines = session.scalars(
        select(BankStatementLine)
        .where(BankStatementLine.bank_account_id == b.id)
        .order_by(BankStatementLine.date, BankStatementLine.seq)
    ).all()
    out = []
    window = dt.timedelta(days=window_days)
    for line in lines:
        if line.id in matched_s:
            continue
        cands = [x for x in by_amount.get(line.amount, []) if abs(x[2] - line.date) <= window]
        if not cands:
            continue
        best = min(cands, key=lambda x: (abs((x[2] - line.date).days), x[2], x[0]))
        by_amount[line.amount].remove(best)
        session.add(
            BankMatch(
                statement_line_id=line.id,
                journal_line_id=best[0],
                kind="auto",
                matched_by=actor.username,
            )
        )
        out.append((line.id, best[0]))
    session.flush()
    run = MatchRun(len(out), tuple(out))
    if out:
        audit.record(session, actor, "bank.match", "bank_account", b.code, after=run)
    return run


def auto_match(db: Database, actor: Actor, code: str, window_days: int = WINDOW_DAYS) -> MatchRun:
    require(actor, "bank.write")
    if (
        isinstance(window_days, bool)
        or not isinstance(window_days, int)
        or not 0 <= window_days <= 31
    ):
        raise ValidationError("bank_window", "bank_window_range")
    with unit_of_work(db) as s:
        return auto_match_in(s, actor, _get(s, code, lock=True), window_days)


def match(
    db: Database, actor: Actor, statement_line_id: int, journal_line_ids: list[int]
) -> StatementLineView:
    """Match a statement line by hand with journal lines of its bank account (one or more,
    adding up to the statement line's amount, none cleared already)."""
    require(actor, "bank.write")
    ids = sorted(set(journal_line_ids))
    if not ids:
        raise ValidationError("journal_line", "required")
    with unit_of_work(db) as s:
        line = s.get(BankStatementLine, statement_line_id, with_for_update=True)
        if line is None:
            raise NotFound(what="Baris rekening koran", key=statement_line_id)
        b = s.get(BankAccount, line.bank_account_id)
        assert b is not None  # a statement line belongs to a bank account
        if s.scalar(select(BankMatch.id).where(BankMatch.statement_line_id == line.id)):
            raise ValidationError("statement_line", "bank_line_matched", value=line.id)
        acct = _account_id(s, b)
        rows = s.execute(
            select(
                JournalLine.id, JournalLine.account_id, JournalLine.debit - JournalLine.credit
            ).where(JournalLine.id.in_(ids))
        ).all()
        found = {r[0]: r for r in rows}
        total = 0
        for j in ids:
            r = found.get(j)
            if r is None:
                raise NotFound(what="Baris jurnal", key=j)
            if r[1] != acct:
                raise ValidationError(
                    "journal_line", "bank_line_not_account", value=j, account=b.account_code
                )
            if s.scalar(select(BankMatch.id).where(BankMatch.journal_line_id == j)):
                raise ValidationError("journal_line", "bank_journal_matched", value=j)
            total += int(r[2])
        if total != line.amount:
            from ..domain.money import format_rupiah as rp

            raise ValidationError(
                "journal_line", "bank_match_amount", total=rp(total), amount=rp(line.amount)
            )
        for j in ids:
            s.add(
                BankMatch(
                    statement_line_id=line.id,
                    journal_line_id=j,
                    kind="manual",
                    matched_by=actor.username,
                )
            )
        s.flush()
        view = _line_view(s, line)
        audit.record(s, actor, "bank.match_manual", "bank_statement_line", line.id, after=view)
        return view


def unmatch(db: Database, actor: Actor, statement_line_id: int) -> StatementLineView:
    """Undo the reconciliation of a statement line (its journal lines may then be reversed)."""
    require(actor, "bank.write")
    with unit_of_work(db) as s:
        line = s.get(BankStatementLine, statement_line_id, with_for_update=True)
        if line is None:
            raise NotFound(what="Baris rekening koran", key=statement_line_id)
        before = _line_view(s, line)
        if not before.matched:
            raise ValidationError("statement_line", "bank_line_not_matched", value=line.id)
        for m in s.scalars(select(BankMatch).where(BankMatch.statement_line_id == line.id)):
            s.delete(m)
        s.flush()
        after = _line_view(s, line)
        audit.record(s, actor, "bank.unmatch", "bank_statement_line", line.id, before, after)
        return after


def post_statement_line(
    db: Database,
    actor: Actor,
    statement_line_id: int,
    kind: str = "",
    account: str = "",
    description: str = "",
) -> StatementLineView:
    """Book a statement line that is not in the books (bank charges ``biaya``, interest
    ``bunga``, tax on interest ``pajak``, or any other non-control account) as a balanced
    entry dated the statement line's date, and match it."""
    require(actor, "bank.write")
    kind = (kind or "").strip().lower()
    with unit_of_work(db) as s:
        line = s.get(BankStatementLine, statement_line_id, with_for_update=True)
        if line is None:
            raise NotFound(what="Baris rekening koran", key=statement_line_id)
        b = s.get(BankAccount, line.bank_account_id)
        assert b is not None  # a statement line belongs to a bank account
        if s.scalar(select(BankMatch.id).where(BankMatch.statement_line_id == line.id)):
            raise ValidationError("statement_line", "bank_line_matched", value=line.id)
        if kind:
            if kind not in POST_KINDS:
                raise ValidationError(
                    "bank_kind", "choice", choices=", ".join(POST_KINDS), value=kind
                )
            if POST_SIGN[kind] * line.amount < 0:
                raise ValidationError("bank_kind", "bank_kind_side", value=kind)
            other = POST_KINDS[kind]
        else:
            other = (account or "").strip()
            if not other:
                raise ValidationError("bank_kind", "required")
        acct = s.scalars(select(Account).where(Account.code == other)).first()
        if acct is None:
            raise ValidationError("account_code", "account_unknown", value=other)
        if acct.control:
            raise ValidationError("account", "not_postable", code=other, what=acct.control)
        if other == b.account_code:
            raise ValidationError("account_code", "bank_account_self", value=other)
        text = " ".join((description or "").split()) or line.description or kind
        amount = abs(line.amount)
        bank_line = (
            Line(b.account_code, debit=amount, memo=text[:200])
            if line.amount > 0
            else Line(b.account_code, credit=amount, memo=text[:200])
        )
        other_line = (
            Line(other, credit=amount, memo=text[:200])
            if line.amount > 0
            else Line(other, debit=amount, memo=text[:200])
        )
        receipt = next_receipt(s, SERIES_JOURNAL, line.date.year)
        what = {
            "biaya": "Biaya administrasi bank",
            "bunga": "Bunga/jasa giro bank",
            "pajak": "Pajak bunga bank",
        }.get(kind, "Mutasi bank")
        entry = ledger.post(
            s,
            actor,
            line.date,
            f"{what} {b.name}: {text}"[:500],
            [bank_line, other_line] if line.amount > 0 else [other_line, bank_line],
            source=SOURCE,
            source_ref=f"{b.code}-{line.id}"[:40],
            receipt_no=receipt,
        )
        jl = s.scalar(
            select(JournalLine.id).where(
                JournalLine.entry_id == entry.id,
                JournalLine.account_id == _account_id(s, b),
            )
        )
        s.add(
            BankMatch(
                statement_line_id=line.id,
                journal_line_id=jl,
                kind="posted",
                matched_by=actor.username,
            )
        )
        s.flush()
        view = _line_view(s, line)
        audit.record(
            s,
            actor,
            "bank.post",
            "journal_entry",
            entry.id,
            after={"statement_line": line.id, "account": other, "amount": line.amount},
        )
        return view


# ---------------------------------------------------------------- lists


def _line_view(session: Session, line: BankStatementLine) -> StatementLineView:
    rows = session.execute(
        select(BankMatch.journal_line_id, BankMatch.kind)
        .where(BankMatch.statement_line_id == line.id)
        .order_by(BankMatch.journal_line_id)
    ).all()
    return StatementLineView(
        line.id,
        line.date,
        line.description,
        line.amount,
        line.balance,
        tuple(r[0] for r in rows),
        rows[0][1] if rows else None,
    )


def statement_lines(
    db: Database, code: str, actor: Actor | None = None, unmatched_only: bool = False
) -> list[StatementLineView]:
    require_read_all(actor)
    with read_only(db) as s:
        b = _get(s, code)
        by_line: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for st, j, k in _matches(s, b):
            by_line[st].append((j, k))
        out = []
        for line in s.scalars(
            select(BankStatementLine)
            .where(BankStatementLine.bank_account_id == b.id)
            .order_by(BankStatementLine.date, BankStatementLine.seq)
        ):
            m = sorted(by_line.get(line.id, []))
            if unmatched_only and m:
                continue
            out.append(
                StatementLineView(
                    line.id,
                    line.date,
                    line.description,
                    line.amount,
                    line.balance,
                    tuple(j for j, _ in m),
                    m[0][1] if m else None,
                )
            )
        return out


def book_lines(
    db: Database,
    code: str,
    actor: Actor | None = None,
    unmatched_only: bool = False,
    as_of: dt.date | None = None,
) -> list[BookLineView]:
    """The journal lines of the bank's ledger account (from its ``reconcile_from`` date),
    with the statement line that cleared each; reversed pairs left out when unmatched."""
    require_read_all(actor)
    with read_only(db) as s:
        b = _get(s, code)
        cleared = {j: st for st, j, _k in _matches(s, b)}
        rows = _book_lines(s, b, as_of)
        pairs = _reversal_pairs(s, {x[1] for x in rows})
        out = []
        for j, e, d, desc, rc, amt in rows:
            st = cleared.get(j)
            if st is None and (unmatched_only and e in pairs):
                continue
            if unmatched_only and st is not None:
                continue
            out.append(BookLineView(j, e, d, desc, rc, amt, st))
        return out


# ---------------------------------------------------------------- reconciliation


def reconciliation_in(session: Session, b: BankAccount, as_of: dt.date) -> Reconciliation:
    acct_name = session.scalar(select(Account.name).where(Account.code == b.account_code)) or ""
    book = ledger.balance(session, b.account_code, as_of)
    last = session.execute(
        select(BankStatementLine.date, BankStatementLine.balance)
        .where(
            BankStatementLine.bank_account_id == b.id,
            BankStatementLine.date <= as_of,
            BankStatementLine.balance.is_not(None),
        )
        .order_by(BankStatementLine.date.desc(), BankStatementLine.seq.desc())
        .limit(1)
    ).first()
    st_balance = int(last[1]) if last and last[1] is not None else None
    st_date = last[0] if last else None
    lines = session.scalars(
        select(BankStatementLine)
        .where(BankStatementLine.bank_account_id == b.id, BankStatementLine.date <= as_of)
        .order_by(BankStatementLine.date, BankStatementLine.seq)
    ).all()
    st_date_of = {ln.id: ln.date for ln in lines}
    rows = _book_lines(session, b, None)
    j_date = {x[0]: x[2] for x in rows}
    match_rows = _matches(session, b)
    cleared_by_asof = {j for st, j, _k in match_rows if st in st_date_of}
    per_line: dict[int, list[int]] = defaultdict(list)
    for st, j, _k in match_rows:
        per_line[st].append(j)
    pairs = _reversal_pairs(session, {x[1] for x in rows if x[2] <= as_of})
    in_transit: list[ReconItem] = []
    outstanding: list[ReconItem] = []
    for j, e, d, desc, rc, amt in rows:
        if d > as_of or j in cleared_by_asof:
            continue
        other = pairs.get(e)
        if other is not None and other[1] <= as_of:
            continue  # reversed by as_of: the pair nets to nothing
        item = ReconItem(d, desc, amt, rc or f"#{e}")
        (in_transit if amt > 0 else outstanding).append(item)
    unrecorded = []
    matched_n = 0
    for ln in lines:
        js = per_line.get(ln.id, [])
        if js and all(j_date.get(j, dt.date.max) <= as_of for j in js):
            matched_n += 1
            continue
        if b.reconcile_from is not None and ln.date < b.reconcile_from:
            continue
        unrecorded.append(ReconItem(ln.date, ln.description, ln.amount, f"RK-{ln.id}"))
    return Reconciliation(
        as_of,
        _view(b),
        acct_name,
        book,
        st_balance,
        st_date,
        tuple(in_transit),
        tuple(outstanding),
        tuple(unrecorded),
        matched_n,
        len(lines),
    )


def reconciliation(
    db: Database, code: str, as_of: dt.date, actor: Actor | None = None
) -> Reconciliation:
    """The bank reconciliation at ``as_of`` (admin, bendahara, pengawas)."""
    require_read_all(actor)
    with read_only(db) as s:
        return reconciliation_in(s, _get(s, code), as_of)


# ---------------------------------------------------------------- the lock on reversals


# ---------------------------------------------------------------- koperasi check


def check_matches(session: Session) -> list[Problem]:
    """Every match pairs lines of the bank's own ledger account, and the journal lines
    matched to a statement line add up to it."""
    from .check import Problem

    if not session.scalar(select(func.count(BankMatch.id))):
        return []
    problems = []
    rows = session.execute(
        select(
            BankStatementLine.id,
            BankStatementLine.amount,
            BankAccount.account_code,
            Account.code,
            JournalLine.debit - JournalLine.credit,
        )
        .join(BankMatch, BankMatch.statement_line_id == BankStatementLine.id)
        .join(BankAccount, BankAccount.id == BankStatementLine.bank_account_id)
        .join(JournalLine, JournalLine.id == BankMatch.journal_line_id)
        .join(Account, Account.id == JournalLine.account_id)
    ).all()
    sums: dict[int, int] = defaultdict(int)
    want: dict[int, int] = {}
    for st, amount, bank_code, line_code, signed in rows:
        sums[st] += int(signed)
        want[st] = int(amount)
        if bank_code != line_code:
            problems.append(
                Problem(
                    "bank_matches",
                    f"Baris rekening koran {st} dicocokkan dengan jurnal akun {line_code}, "
                    f"bukan akun bank {bank_code}.",
                    f"Statement line {st} is matched with a line of account {line_code}, "
                    f"not the bank's account {bank_code}.",
                    str(st),
                )
            )
    for st, total in sorted(sums.items()):
        if total != want[st]:
            problems.append(
                Problem(
                    "bank_matches",
                    f"Baris rekening koran {st}: jurnal yang dicocokkan berjumlah {total}, "
                    f"bukan {want[st]}.",
                    f"Statement line {st}: the matched journal lines add up to {total}, "
                    f"not {want[st]}.",
                    str(st),
                )
            )
    return problems


CHECKS = [("bank_matches", check_matches)]


__all__ = [
    "BankAccountView",
    "BookLineView",
    "ImportReport",
    "MatchRun",
    "Reconciliation",
    "StatementLineView",
    "add_bank_account",
    "auto_match",
    "book_lines",
    "import_statement",
    "list_bank_accounts",
    "match",
    "post_statement_line",
    "reconciliation",
    "set_layout",
    "statement_lines",
    "unmatch",
]

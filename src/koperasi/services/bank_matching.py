"""Bank accounts: matching statement lines to book lines (automatic and by hand) and posting
unbooked statement lines."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    BankAccount,
    BankMatch,
    BankStatementLine,
    JournalLine,
)
from ..domain.vocabulary import BankMatchKind
from ..errors import NotFound, ValidationError
from . import audit, ledger
from .auth import Actor, require
from .bank import (
    POST_KINDS,
    POST_SIGN,
    SOURCE,
    WINDOW_DAYS,
    MatchRun,
    StatementLineView,
    account_id,
    bank_book_lines,
    get,
    matched_pairs,
    reversal_pairs,
)
from .bank_lists import line_view
from .counters import SERIES_JOURNAL, next_receipt
from .ledger import Line
from .uow import unit_of_work


def _check_match_open(session: Session, b: BankAccount, line: BankStatementLine) -> None:
    if line.bank_account_id != b.id:
        raise ValidationError("statement_line", "bank_line_other_account", value=line.id)


def auto_match_in(
    session: Session, actor: Actor, b: BankAccount, window_days: int = WINDOW_DAYS
) -> MatchRun:
    """Pair each unmatched statement line (in date order) with the unmatched journal line of
    the same amount and side nearest in date, within ``window_days``. Entries reversed (and
    their reversals) are left out: the bank never saw them."""
    matched_j = {j for _s, j, _k in matched_pairs(session, b)}
    matched_s = {st for st, _j, _k in matched_pairs(session, b)}
    book = [x for x in bank_book_lines(session, b) if x[0] not in matched_j]
    pairs = reversal_pairs(session, {x[1] for x in book})
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
                kind=BankMatchKind.AUTO,
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
        return auto_match_in(s, actor, get(s, code, lock=True), window_days)


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
        acct = account_id(s, b)
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
                    kind=BankMatchKind.MANUAL,
                    matched_by=actor.username,
                )
            )
        s.flush()
        view = line_view(s, line)
        audit.record(s, actor, "bank.match_manual", "bank_statement_line", line.id, after=view)
        return view


def unmatch(db: Database, actor: Actor, statement_line_id: int) -> StatementLineView:
    """Undo the reconciliation of a statement line (its journal lines may then be reversed)."""
    require(actor, "bank.write")
    with unit_of_work(db) as s:
        line = s.get(BankStatementLine, statement_line_id, with_for_update=True)
        if line is None:
            raise NotFound(what="Baris rekening koran", key=statement_line_id)
        before = line_view(s, line)
        if not before.matched:
            raise ValidationError("statement_line", "bank_line_not_matched", value=line.id)
        for m in s.scalars(select(BankMatch).where(BankMatch.statement_line_id == line.id)):
            s.delete(m)
        s.flush()
        after = line_view(s, line)
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
                JournalLine.account_id == account_id(s, b),
            )
        )
        s.add(
            BankMatch(
                statement_line_id=line.id,
                journal_line_id=jl,
                kind=BankMatchKind.POSTED,
                matched_by=actor.username,
            )
        )
        s.flush()
        view = line_view(s, line)
        audit.record(
            s,
            actor,
            "bank.post",
            "journal_entry",
            entry.id,
            after={"statement_line": line.id, "account": other, "amount": line.amount},
        )
        return view

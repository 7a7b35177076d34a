"""Bank accounts: the statement's lines and the book's lines of a bank account."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    BankMatch,
    BankStatementLine,
)
from .auth import Actor, require_read_all
from .bank import (
    BookLineView,
    StatementLineView,
    bank_book_lines,
    get,
    matched_pairs,
    reversal_pairs,
)
from .uow import read_only


def line_view(session: Session, line: BankStatementLine) -> StatementLineView:
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
        b = get(s, code)
        by_line: dict[int, list[tuple[int, str]]] = defaultdict(list)
        for st, j, k in matched_pairs(s, b):
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
        b = get(s, code)
        cleared = {j: st for st, j, _k in matched_pairs(s, b)}
        rows = bank_book_lines(s, b, as_of)
        pairs = reversal_pairs(s, {x[1] for x in rows})
        out = []
        for j, e, d, desc, rc, amt in rows:
            st = cleared.get(j)
            if st is None and (unmatched_only and e in pairs):
                continue
            if unmatched_only and st is not None:
                continue
            out.append(BookLineView(j, e, d, desc, rc, amt, st))
        return out

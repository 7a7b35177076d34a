"""Bank accounts: the reconciliation of book and statement at a date, and the koperasi check's
match checks."""

from __future__ import annotations

import datetime as dt
from collections import defaultdict
from typing import TYPE_CHECKING

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    BankAccount,
    BankMatch,
    BankStatementLine,
    JournalLine,
)
from . import ledger
from .auth import Actor, require_read_all
from .bank import (
    Reconciliation,
    ReconItem,
    bank_account_view,
    bank_book_lines,
    get,
    matched_pairs,
    reversal_pairs,
)
from .uow import read_only

if TYPE_CHECKING:
    from .check import Problem


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
    rows = bank_book_lines(session, b, None)
    j_date = {x[0]: x[2] for x in rows}
    match_rows = matched_pairs(session, b)
    cleared_by_asof = {j for st, j, _k in match_rows if st in st_date_of}
    per_line: dict[int, list[int]] = defaultdict(list)
    for st, j, _k in match_rows:
        per_line[st].append(j)
    pairs = reversal_pairs(session, {x[1] for x in rows if x[2] <= as_of})
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
        bank_account_view(b),
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
        return reconciliation_in(s, get(s, code), as_of)


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

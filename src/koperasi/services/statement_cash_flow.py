"""Financial statements: the cash flow statement (direct method, from the cash accounts'
counterparts)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Account, JournalEntry, JournalLine
from ..domain import accounts as chart  # `accounts` is this module's function
from .statements import (
    CASH_PREFIXES,
    AccountInfo,
    accounts,
    balances,
    entry_id_range,
    others_within,
    previous_period,
)
from .uow import read_only


@dataclass(frozen=True)
class CashFlowLine:
    category: str  # operating | investing | financing
    direction: str  # in | out
    code: str
    name: str
    name_en: str
    current: int  # signed: receipts positive, payments negative
    previous: int


@dataclass(frozen=True)
class CashFlow:
    start: dt.date
    end: dt.date
    previous_start: dt.date
    previous_end: dt.date
    opening: tuple[int, int]
    lines: tuple[CashFlowLine, ...]
    closing: tuple[int, int]

    def net(self, category: str | None = None) -> tuple[int, int]:
        ls = [x for x in self.lines if category is None or x.category == category]
        return sum(x.current for x in ls), sum(x.previous for x in ls)


def cash_codes(infos: dict[str, AccountInfo]) -> set[str]:
    return {c for c, i in infos.items() if i.type == "asset" and c.startswith(CASH_PREFIXES)}


def cash_category(info: AccountInfo) -> str:
    if info.type == "equity" or info.code.startswith(chart.SHU_PAYABLE):
        return "financing"
    if info.type == "asset" and info.code.startswith("1.3"):
        return "investing"
    return "operating"


def _cash_counterparts(
    s: Session, cash_ids: list[int], start: dt.date, end: dt.date
) -> dict[str, tuple[int, int]]:
    # Every entry dated in the period has an id between the smallest and largest id of the
    # period's entries (from the ids per day). The non-cash lines of that id range are read
    # per account from the account index alone (no look-up of each line's entry, no sort),
    # kept when their entry has a cash line in the range and (only when the ids per day
    # show there may be such) is not one of the entries in the range dated outside the
    # period (posted out of date order).
    # (entry_id + 0: the line's own entry id tested against those lists, so that the
    # account index, not the entry index, drives the query)
    ids = entry_id_range(s, start, end)
    if ids is None:
        return {}
    lo, hi = ids
    cash_entries = select(JournalLine.entry_id).where(
        JournalLine.account_id.in_(cash_ids), JournalLine.entry_id.between(lo, hi)
    )
    where = [
        JournalLine.account_id.not_in(cash_ids),
        JournalLine.entry_id.between(lo, hi),
        (JournalLine.entry_id + 0).in_(cash_entries),
    ]
    if others_within(s, start, end, lo, hi):
        outside = select(JournalEntry.id).where(
            (JournalEntry.id + 0).between(lo, hi),
            (JournalEntry.date < start) | (JournalEntry.date > end),
        )
        where.append((JournalLine.entry_id + 0).not_in(outside))
    q = (
        select(JournalLine.account_id, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
        .where(*where)
        .group_by(JournalLine.account_id)
    )
    codes = {i: c for i, c in s.execute(select(Account.id, Account.code))}
    return {codes[a]: (int(d or 0), int(c or 0)) for a, d, c in s.execute(q)}


def cash_flow_in(
    s: Session, start: dt.date, end: dt.date, prev: tuple[dt.date, dt.date] | None = None
) -> CashFlow:
    infos = accounts(s)
    codes = cash_codes(infos)
    ids = list(s.scalars(select(Account.id).where(Account.code.in_(codes))))
    pstart, pend = prev or previous_period(start, end)

    def cash_at(d: dt.date) -> int:
        bal = balances(s, d, infos=infos)
        return sum(bal.get(c, 0) for c in codes)

    cur = _cash_counterparts(s, ids, start, end)
    old = _cash_counterparts(s, ids, pstart, pend)
    lines = []
    for code in sorted(set(cur) | set(old)):
        info = infos[code]
        cd, cc = cur.get(code, (0, 0))
        pd, pc = old.get(code, (0, 0))
        cat = cash_category(info)
        if cc or pc:
            lines.append(CashFlowLine(cat, "in", code, info.name, info.name_en, cc, pc))
        if cd or pd:
            lines.append(CashFlowLine(cat, "out", code, info.name, info.name_en, -cd, -pd))
    order = {"operating": 0, "investing": 1, "financing": 2}
    lines.sort(key=lambda x: (order[x.category], x.direction != "in", x.code))
    one = dt.timedelta(days=1)
    return CashFlow(
        start,
        end,
        pstart,
        pend,
        (cash_at(start - one), cash_at(pstart - one)),
        tuple(lines),
        (cash_at(end), cash_at(pend)),
    )


def cash_flow(db: Database, start: dt.date, end: dt.date) -> CashFlow:
    with read_only(db) as s:
        return cash_flow_in(s, start, end)

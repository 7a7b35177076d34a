"""Financial statements: the statement of changes in equity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..db.database import Database
from .statements import (
    CLOSING_SOURCE,
    PRIOR_SHU_ACCOUNT,
    SHU_ACCOUNT,
    accounts,
    balances,
    sums,
    surplus_between,
    unclosed_surplus,
)
from .uow import read_only


@dataclass(frozen=True)
class EquityChange:
    code: str
    name: str
    name_en: str
    opening: int
    increase: int
    decrease: int
    closing: int


@dataclass(frozen=True)
class EquityChanges:
    start: dt.date
    end: dt.date
    rows: tuple[EquityChange, ...]
    earned: int = 0  # the period's SHU (negative: a loss), inside the 3.90 row
    prior_moved: int = 0  # earlier years' results moved by the closing from 3.90 to 3.91

    @property
    def opening(self) -> int:
        return sum(r.opening for r in self.rows)

    @property
    def closing(self) -> int:
        return sum(r.closing for r in self.rows)


SHU_ROW = ("SHU tahun berjalan", "Current year surplus (SHU)")


def equity_changes_in(s: Session, start: dt.date, end: dt.date) -> EquityChanges:
    """Each equity account's opening balance, increases (credits), decreases (debits) and
    closing balance; 3.90 together with the surplus not yet closed into it as one row.

    That row adds the period's SHU once (a loss is a decrease); its other movements are
    the distributions and any loss covered (entries outside the closing) and the closing's
    transfer of earlier years' results to 3.91; the closing's own transfer of the period's
    income and expenses into 3.90 is inside the row and not shown. Every row: opening +
    increase - decrease = closing; the rows add up to the balance sheet's equity."""
    infos = accounts(s)
    before = start - dt.timedelta(days=1)
    opening = balances(s, before, infos=infos)
    moves = sums(s, end, start)
    plain = sums(s, end, start, (CLOSING_SOURCE,))  # the same without the closing entries
    rows = []
    for code, info in infos.items():
        if info.type != "equity" or code == SHU_ACCOUNT:
            continue
        o = opening.get(code, 0)
        d, c = moves.get(code, (0, 0))
        if o == 0 and d == 0 and c == 0:
            continue
        rows.append(EquityChange(code, info.name, info.name_en, o, c, d, o + c - d))
    # 3.90 and the surplus not yet closed into it
    open_unclosed = unclosed_surplus(s, None, before)
    close_unclosed = unclosed_surplus(s, None, end)
    earned = surplus_between(s, start, end)
    o390 = opening.get(SHU_ACCOUNT, 0)
    d_all, c_all = moves.get(SHU_ACCOUNT, (0, 0))
    d_plain, c_plain = plain.get(SHU_ACCOUNT, (0, 0))
    d91, c91 = moves.get(PRIOR_SHU_ACCOUNT, (0, 0))
    d91p, c91p = plain.get(PRIOR_SHU_ACCOUNT, (0, 0))
    to_prior = (c91 - c91p) - (d91 - d91p)  # moved by the closings from 3.90 to 3.91
    increase = max(earned, 0) + c_plain + max(-to_prior, 0)
    decrease = max(-earned, 0) + d_plain + max(to_prior, 0)
    row_open = o390 + open_unclosed
    row_close = o390 + c_all - d_all + close_unclosed
    if row_open or row_close or increase or decrease:
        rows.append(
            EquityChange(
                SHU_ACCOUNT if SHU_ACCOUNT in infos else "",
                *SHU_ROW,
                row_open,
                increase,
                decrease,
                row_close,
            )
        )
        rows.sort(key=lambda r: r.code or "~")
    return EquityChanges(start, end, tuple(rows), earned, to_prior)


def equity_changes(db: Database, start: dt.date, end: dt.date) -> EquityChanges:
    with read_only(db) as s:
        return equity_changes_in(s, start, end)

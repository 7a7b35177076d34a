"""Financial statements: the balance sheet and the income statement."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..db.database import Database
from ..domain import shu as shu_rules
from .statements import (
    CLOSING_SOURCE,
    accounts,
    balances,
    fiscal_year_bounds,
    fiscal_year_of,
    fy_start_month,
    previous_period,
    split_of,
    unclosed_surplus,
)
from .uow import read_only


@dataclass(frozen=True)
class StatementLine:
    code: str  # account code, or "" for a computed line
    name: str
    name_en: str
    current: int
    previous: int
    side: str | None = None  # income and expense lines: member | non_member | shared


@dataclass(frozen=True)
class BalanceSheet:
    as_of: dt.date
    previous_as_of: dt.date
    assets: tuple[StatementLine, ...]
    liabilities: tuple[StatementLine, ...]
    equity: tuple[StatementLine, ...]

    @staticmethod
    def _sum(lines: tuple[StatementLine, ...]) -> tuple[int, int]:
        return sum(x.current for x in lines), sum(x.previous for x in lines)

    @property
    def total_assets(self) -> tuple[int, int]:
        return self._sum(self.assets)

    @property
    def total_liabilities(self) -> tuple[int, int]:
        return self._sum(self.liabilities)

    @property
    def total_equity(self) -> tuple[int, int]:
        return self._sum(self.equity)

    @property
    def balanced(self) -> bool:
        a, l_, e = self.total_assets, self.total_liabilities, self.total_equity
        return a[0] == l_[0] + e[0] and a[1] == l_[1] + e[1]


UNCLOSED_CURRENT = ("SHU tahun berjalan (belum ditutup)", "Current-year surplus (not yet closed)")


UNCLOSED_PRIOR = ("SHU tahun lalu belum ditutup", "Prior years' surplus not yet closed")


def _equity_surplus_lines(s: Session, as_of: dt.date, start_month: int) -> tuple[int, int]:
    """(prior years unclosed, current year unclosed) at ``as_of``."""
    fy_start, _ = fiscal_year_bounds(fiscal_year_of(as_of, start_month), start_month)
    current = unclosed_surplus(s, fy_start, as_of)
    prior = unclosed_surplus(s, None, fy_start - dt.timedelta(days=1))
    return prior, current


def balance_sheet_in(s: Session, as_of: dt.date, previous_as_of: dt.date) -> BalanceSheet:
    infos = accounts(s)
    start_month = fy_start_month(s)
    cur = balances(s, as_of, infos=infos)
    prev = balances(s, previous_as_of, infos=infos)
    groups: dict[str, list[StatementLine]] = {"asset": [], "liability": [], "equity": []}
    for code, info in infos.items():
        if info.type not in groups:
            continue
        c, p = cur.get(code, 0), prev.get(code, 0)
        if c == 0 and p == 0:
            continue
        groups[info.type].append(StatementLine(code, info.name, info.name_en, c, p))
    prior_c, current_c = _equity_surplus_lines(s, as_of, start_month)
    prior_p, current_p = _equity_surplus_lines(s, previous_as_of, start_month)
    if prior_c or prior_p:
        groups["equity"].append(StatementLine("", *UNCLOSED_PRIOR, prior_c, prior_p))
    if current_c or current_p:
        groups["equity"].append(StatementLine("", *UNCLOSED_CURRENT, current_c, current_p))
    return BalanceSheet(
        as_of,
        previous_as_of,
        tuple(groups["asset"]),
        tuple(groups["liability"]),
        tuple(groups["equity"]),
    )


def balance_sheet(
    db: Database, as_of: dt.date, previous_as_of: dt.date | None = None
) -> BalanceSheet:
    """Laporan posisi keuangan at ``as_of``; beside it the end of the previous financial year."""
    with read_only(db) as s:
        if previous_as_of is None:
            sm = fy_start_month(s)
            fy_start, _ = fiscal_year_bounds(fiscal_year_of(as_of, sm), sm)
            previous_as_of = fy_start - dt.timedelta(days=1)
        return balance_sheet_in(s, as_of, previous_as_of)


@dataclass(frozen=True)
class IncomeStatement:
    start: dt.date
    end: dt.date
    previous_start: dt.date
    previous_end: dt.date
    income: tuple[StatementLine, ...]
    expenses: tuple[StatementLine, ...]
    split: shu_rules.BusinessSplit | None = None  # the current period's, by side
    previous_split: shu_rules.BusinessSplit | None = None

    @property
    def total_income(self) -> tuple[int, int]:
        return sum(x.current for x in self.income), sum(x.previous for x in self.income)

    @property
    def total_expenses(self) -> tuple[int, int]:
        return sum(x.current for x in self.expenses), sum(x.previous for x in self.expenses)

    @property
    def surplus(self) -> tuple[int, int]:
        i, e = self.total_income, self.total_expenses
        return i[0] - e[0], i[1] - e[1]


def income_statement_in(
    s: Session, start: dt.date, end: dt.date, prev: tuple[dt.date, dt.date] | None = None
) -> IncomeStatement:
    infos = accounts(s)
    pstart, pend = prev or previous_period(start, end)
    cur = balances(s, end, start, (CLOSING_SOURCE,), infos)
    old = balances(s, pend, pstart, (CLOSING_SOURCE,), infos)
    groups: dict[str, list[StatementLine]] = {"income": [], "expense": []}
    for code, info in infos.items():
        if info.type not in groups:
            continue
        c, p = cur.get(code, 0), old.get(code, 0)
        if c == 0 and p == 0:
            continue
        groups[info.type].append(StatementLine(code, info.name, info.name_en, c, p, info.side))
    return IncomeStatement(
        start,
        end,
        pstart,
        pend,
        tuple(groups["income"]),
        tuple(groups["expense"]),
        split_of(cur, infos),
        split_of(old, infos),
    )


def income_statement(db: Database, start: dt.date, end: dt.date) -> IncomeStatement:
    with read_only(db) as s:
        return income_statement_in(s, start, end)

"""Financial statements from the general ledger (SAK EP names, Permenkop 2/2024).

- laporan posisi keuangan (neraca): balances at a date, with an earlier date beside it;
- perhitungan hasil usaha (income statement) for a period, with the previous period;
- laporan arus kas (direct method, from the cash accounts 1.01/1.02 and their sub-accounts);
- laporan perubahan ekuitas (changes in equity).

Everything is aggregate SQL over ``journal_lines``. Year-end closing entries (source
``tutup_buku``) move income and expenses to 3.90; the income statement leaves them out so
a closed year still shows its income and costs.

Member and non-member business (UU 25/1992 Pasal 45, SAK EP): each income and expense
account carries its side (``accounts.business_side``: member, non_member, or shared for a
cost of both; see :func:`side_of` for accounts without one). The income statement shows
the SHU of each side (:func:`business_split`; shared costs are allocated pro rata by
income, :func:`koperasi.domain.shu.split_business`).

Year closing (services/closing.py) moves what 3.90 still holds from earlier years to 3.91
(SHU/rugi tahun lalu belum dibagi) and the year's income and expenses to 3.90, in one
entry. The statement of changes in equity shows 3.90 together with the surplus not yet
closed into it, as one row "SHU tahun berjalan": the year's SHU is added once (as a
reduction when it is a loss), the transfer of earlier years' results to 3.91 and the
distributions are reductions, and the closing entry's own movement of income and
expenses into 3.90 is not shown (it is inside the row).

Financial years: ``financial_year_start_month`` (setting, default 1). Financial year ``Y``
starts on the first day of month ``start_month`` of calendar year ``Y``.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Select, func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Account, JournalEntry, JournalLine
from ..domain import accounts as chart  # `accounts` is this module's function
from ..domain import shu as shu_rules
from .settings import get_value
from .uow import read_only

CLOSING_SOURCE = "tutup_buku"
# SHU tahun berjalan: the result of the last closed (or current) year
SHU_ACCOUNT = chart.CURRENT_SHU
# SHU/rugi tahun lalu belum dibagi: earlier years' results
PRIOR_SHU_ACCOUNT = chart.PRIOR_SHU
CASH_PREFIXES = chart.CASH_AND_BANK


# ---------------------------------------------------------------- periods


def month_end(year: int, month: int) -> dt.date:
    nxt = dt.date(year + (month == 12), month % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def add_months(year: int, month: int, n: int) -> tuple[int, int]:
    k = year * 12 + (month - 1) + n
    return k // 12, k % 12 + 1


def fy_start_month(s: Session) -> int:
    value = get_value(s, "financial_year_start_month") or 1
    return int(value) if 1 <= int(value) <= 12 else 1


def fiscal_year_bounds(year: int, start_month: int = 1) -> tuple[dt.date, dt.date]:
    start = dt.date(year, start_month, 1)
    ey, em = add_months(year, start_month, 11)
    return start, month_end(ey, em)


def fiscal_year_of(date: dt.date, start_month: int = 1) -> int:
    return date.year if date.month >= start_month else date.year - 1


def fiscal_year_months(year: int, start_month: int = 1) -> list[tuple[int, int]]:
    return [add_months(year, start_month, i) for i in range(12)]


def previous_period(start: dt.date, end: dt.date) -> tuple[dt.date, dt.date]:
    """The period of the same shape just before: previous month(s)/year, else same length."""
    if start.day == 1 and end == month_end(end.year, end.month):
        months = (end.year - start.year) * 12 + end.month - start.month + 1
        py, pm = add_months(start.year, start.month, -months)
        ey, em = add_months(end.year, end.month, -months)
        return dt.date(py, pm, 1), month_end(ey, em)
    length = (end - start).days + 1
    return start - dt.timedelta(days=length), start - dt.timedelta(days=1)


# ---------------------------------------------------------------- sums


@dataclass(frozen=True)
class AccountInfo:
    code: str
    name: str
    name_en: str
    type: str
    contra: bool
    side: str | None = None  # member | non_member | shared (income and expense accounts)


def side_of(type_: str, side: str | None) -> str | None:
    """An account's business side; income without one is member business, an expense
    without one a shared cost (allocated pro rata by income)."""
    if type_ == "income":
        return side if side in (shu_rules.MEMBER, shu_rules.NON_MEMBER) else shu_rules.MEMBER
    if type_ == "expense":
        ok = (shu_rules.MEMBER, shu_rules.NON_MEMBER, shu_rules.SHARED)
        return side if side in ok else shu_rules.SHARED
    return None


def accounts(s: Session) -> dict[str, AccountInfo]:
    return {
        a.code: AccountInfo(
            a.code, a.name, a.name_en or a.name, a.type, a.contra, side_of(a.type, a.business_side)
        )
        for a in s.scalars(select(Account).order_by(Account.code))
    }


def split_of(bal: dict[str, int], infos: dict[str, AccountInfo]) -> shu_rules.BusinessSplit:
    """The member / non-member split of income and expense balances ``bal``."""
    parts = {"mi": 0, "ni": 0, "me": 0, "ne": 0, "se": 0}
    for code, value in bal.items():
        info = infos[code]
        if info.type == "income":
            parts["ni" if info.side == shu_rules.NON_MEMBER else "mi"] += value
        elif info.type == "expense":
            key = {shu_rules.MEMBER: "me", shu_rules.NON_MEMBER: "ne"}.get(info.side or "", "se")
            parts[key] += value
    return shu_rules.split_business(parts["mi"], parts["ni"], parts["me"], parts["ne"], parts["se"])


def business_split(s: Session, start: dt.date, end: dt.date) -> shu_rules.BusinessSplit:
    """The period's SHU by side of the business (closing entries left out)."""
    infos = accounts(s)
    return split_of(balances(s, end, start, (CLOSING_SOURCE,), infos), infos)


def sums(
    s: Session,
    date_to: dt.date | None,
    date_from: dt.date | None = None,
    exclude_sources: Iterable[str] = (),
) -> dict[str, tuple[int, int]]:
    """(debit, credit) per account code for entries dated in [date_from, date_to].

    Remembered for the rest of the session (a report asks for the same balances several
    times: statements, ratios, SHU); :func:`koperasi.services.ledger.post` forgets them.
    After :func:`prepare` the sums at and between its dates come from what it read, without
    reading the journal again. Otherwise they read every journal line; for a balance up to
    a recent date they are taken as the totals (from the account index alone) less the few
    entries dated after it."""
    excl = tuple(sorted(exclude_sources))
    memo: dict[Any, Any] = s.info.setdefault(SUMS_MEMO, {})
    key = (date_to, date_from, excl)
    if key not in memo:
        found = _from_prepared(s, memo, date_to, date_from, excl)
        memo[key] = found if found is not None else _sums(s, date_to, date_from, excl)
    return dict(memo[key])


SUMS_MEMO = "ledger_sums"  # session.info key, cleared by ledger.post
AFTER = "after"  # in the SUMS_MEMO dict: {date: sums of the entries dated after it}
CLOSINGS = "closings"  # in the SUMS_MEMO dict: the closing entries' lines per day and account
TOTALS = (None, None, ())  # the memo key of the all-time totals

Sums = dict[str, tuple[int, int]]


def _add(into: Sums, rows: Iterable[tuple[str, int, int]], sign: int = 1) -> Sums:
    for code, d, c in rows:
        d0, c0 = into.get(code, (0, 0))
        into[code] = (d0 + sign * d, c0 + sign * c)
    return into


ID_RANGES = "id_ranges"  # in the SUMS_MEMO dict: [(date, smallest id, largest id)] by date


def _id_ranges(s: Session) -> list[tuple[dt.date, int, int]]:
    """The smallest and largest entry id of every day with entries, in date order: one
    pass over the date index, remembered with the sums (a few thousand rows)."""
    memo: dict[Any, Any] = s.info.setdefault(SUMS_MEMO, {})
    if ID_RANGES not in memo:
        q = (
            select(JournalEntry.date, func.min(JournalEntry.id), func.max(JournalEntry.id))
            .group_by(JournalEntry.date)
            .order_by(JournalEntry.date)
        )
        memo[ID_RANGES] = [(d, int(lo), int(hi)) for d, lo, hi in s.execute(q)]
    ranges: list[tuple[dt.date, int, int]] = memo[ID_RANGES]
    return ranges


def entry_id_range(
    s: Session, date_from: dt.date | None, date_to: dt.date | None
) -> tuple[int, int] | None:
    """The smallest and largest id of the entries dated in [date_from, date_to] (None:
    unbounded), or None when there are none. Every entry of the range has an id between
    them; entries of other dates may too (posted out of date order)."""
    ids = [
        (lo, hi)
        for d, lo, hi in _id_ranges(s)
        if (date_from is None or d >= date_from) and (date_to is None or d <= date_to)
    ]
    if not ids:
        return None
    return min(lo for lo, _ in ids), max(hi for _, hi in ids)


def _others_within(s: Session, start: dt.date, end: dt.date, lo: int, hi: int) -> bool:
    """Whether an entry dated outside [start, end] may have an id in [lo, hi]."""
    return any((d < start or d > end) and a <= hi and b >= lo for d, a, b in _id_ranges(s))


def prepare(s: Session, dates: Iterable[dt.date]) -> None:
    """Read what the later :func:`sums` of the session need for balances at ``dates`` and
    for ranges between them (the day after one to another), with or without the closing
    entries, so that they are added up here instead of each reading the journal.

    For each date: the smallest id of the entries dated after it (from the ids per day,
    one pass over the date index); the lines of the entries from that id on, per account,
    from the account index alone (no look-up of each line's entry: entry ids grow with
    posting, so these are the entries after the date; read as the segments between the
    dates' ids, so each line once) less the lines of the entries among them dated on or
    before it (posted later for an earlier day: only read when the ids per day show there
    are such). The all-time totals are the lines before the earliest date's id plus the
    segments; the closing entries' lines are read through the source index. A
    report of several statements (the RAT: two balance sheets, income statements and cash
    flows, the equity changes and the ratios) otherwise reads every journal line and its
    entry once per distinct period."""
    memo: dict[Any, Any] = s.info.setdefault(SUMS_MEMO, {})
    after: dict[dt.date, Sums] = memo.setdefault(AFTER, {})
    todo = sorted(set(dates) - set(after))
    if not todo:
        return
    codes = {i: c for i, c in s.execute(select(Account.id, Account.code))}

    def per_account(q: Select[int, int, int]) -> list[tuple[str, int, int]]:
        return [(codes[a], int(d or 0), int(c or 0)) for a, d, c in s.execute(q)]

    lines = select(
        JournalLine.account_id, func.sum(JournalLine.debit), func.sum(JournalLine.credit)
    ).group_by(JournalLine.account_id)
    cuts: dict[dt.date, int] = {}
    for date in todo:
        later = entry_id_range(s, date + dt.timedelta(days=1), None)
        if later is None:
            after[date] = {}
        else:
            cuts[date] = later[0]
    # the lines from each cut to the next (each line read once, however many dates)
    bounds = sorted(set(cuts.values()))
    segments: dict[int, list[tuple[str, int, int]]] = {}
    for i, lo in enumerate(bounds):
        hi = bounds[i + 1] if i + 1 < len(bounds) else None
        q = lines.where(JournalLine.entry_id >= lo)
        segments[lo] = per_account(q if hi is None else q.where(JournalLine.entry_id < hi))
    for date, cut in cuts.items():
        out: Sums = {}
        for lo in bounds:
            if lo >= cut:
                _add(out, segments[lo])
        upto = entry_id_range(s, None, date)
        if upto is not None and upto[1] >= cut:  # entries up to the date posted after the cut
            late = select(JournalEntry.id).where(
                JournalEntry.id.between(cut, upto[1]), JournalEntry.date <= date
            )
            _add(out, per_account(lines.where(JournalLine.entry_id.in_(late))), -1)
        after[date] = out
    if bounds and TOTALS not in memo:
        totals = _add({}, per_account(lines.where(JournalLine.entry_id < bounds[0])))
        for rows in segments.values():
            _add(totals, rows)
        memo[TOTALS] = totals
    if TOTALS not in memo:
        memo[TOTALS] = _sums(s, None, None, ())
    if CLOSINGS not in memo:
        closings = (
            select(
                JournalEntry.date,
                JournalLine.account_id,
                func.sum(JournalLine.debit),
                func.sum(JournalLine.credit),
            )
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalEntry.source == CLOSING_SOURCE)
            .group_by(JournalEntry.date, JournalLine.account_id)
        )
        memo[CLOSINGS] = [
            (date, codes[a], int(d or 0), int(c or 0)) for date, a, d, c in s.execute(closings)
        ]


def _from_prepared(
    s: Session,
    memo: dict[Any, Any],
    date_to: dt.date | None,
    date_from: dt.date | None,
    excl: tuple[str, ...],
) -> Sums | None:
    """The sums from what :func:`prepare` read, or None when it did not read for them."""
    after: dict[dt.date, Sums] | None = memo.get(AFTER)
    if not after or excl not in ((), (CLOSING_SOURCE,)):
        return None
    if date_to is not None and date_to not in after:
        return None
    if date_from is None:
        lo = None
        out = dict(memo[TOTALS])
    else:
        lo = date_from - dt.timedelta(days=1)
        if lo not in after:
            return None
        if date_to is not None and date_to < date_from:
            return {}
        out = dict(after[lo])
    if date_to is not None:
        _add(out, ((code, d, c) for code, (d, c) in after[date_to].items()), -1)
    if excl:
        _add(
            out,
            (
                (code, d, c)
                for date, code, d, c in memo[CLOSINGS]
                if (lo is None or date > lo) and (date_to is None or date <= date_to)
            ),
            -1,
        )
    return out


def _sums_query(
    date_to: dt.date | None, date_from: dt.date | None, excl: tuple[str, ...], after: bool = False
) -> Select[str, int, int]:
    q = (
        select(Account.code, func.sum(JournalLine.debit), func.sum(JournalLine.credit))
        .join(JournalLine, JournalLine.account_id == Account.id)
        .group_by(Account.code)
    )
    if date_to is None and date_from is None and not excl:
        return q
    q = q.join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
    if after:
        return q.where(JournalEntry.date > date_to)
    if date_to is not None:
        q = q.where(JournalEntry.date <= date_to)
    if date_from is not None:
        q = q.where(JournalEntry.date >= date_from)
    if excl:
        q = q.where(JournalEntry.source.not_in(excl))
    return q


def _sums(
    s: Session, date_to: dt.date | None, date_from: dt.date | None, excl: tuple[str, ...]
) -> dict[str, tuple[int, int]]:
    def rows(q: Select[str, int, int]) -> dict[str, tuple[int, int]]:
        return {code: (int(d or 0), int(c or 0)) for code, d, c in s.execute(q)}

    if date_to is not None and date_from is None and not excl:
        # how many entries are dated after: counted only up to half of them (ids are
        # assigned in order, so the largest id stands for the number of entries)
        half = int(s.scalar(select(func.max(JournalEntry.id))) or 0) // 2
        after = s.scalar(
            select(func.count()).select_from(
                select(JournalEntry.id).where(JournalEntry.date > date_to).limit(half).subquery()
            )
        )
        if int(after or 0) < half:  # mostly before: the totals less what is dated after
            out = rows(_sums_query(None, None, ()))
            for code, (d, c) in rows(_sums_query(date_to, None, (), after=True)).items():
                d0, c0 = out[code]
                out[code] = (d0 - d, c0 - c)
            return out
    return rows(_sums_query(date_to, date_from, excl))


def natural(info: AccountInfo, debit: int, credit: int) -> int:
    """Balance on the account type's normal side (contra accounts come out negative)."""
    if info.type in ("asset", "expense"):
        return debit - credit
    return credit - debit


def balances(
    s: Session,
    date_to: dt.date | None,
    date_from: dt.date | None = None,
    exclude_sources: Iterable[str] = (),
    infos: dict[str, AccountInfo] | None = None,
) -> dict[str, int]:
    infos = infos or accounts(s)
    return {
        code: natural(infos[code], d, c)
        for code, (d, c) in sums(s, date_to, date_from, exclude_sources).items()
    }


def surplus_between(s: Session, date_from: dt.date | None, date_to: dt.date) -> int:
    """Income less expenses for entries in the range, closing entries left out."""
    infos = accounts(s)
    bal = balances(s, date_to, date_from, (CLOSING_SOURCE,), infos)
    return sum(v for c, v in bal.items() if infos[c].type == "income") - sum(
        v for c, v in bal.items() if infos[c].type == "expense"
    )


def unclosed_surplus(s: Session, date_from: dt.date | None, date_to: dt.date) -> int:
    """Income less expenses still sitting in the income/expense accounts (not yet closed)."""
    infos = accounts(s)
    bal = balances(s, date_to, date_from, (), infos)
    return sum(v for c, v in bal.items() if infos[c].type == "income") - sum(
        v for c, v in bal.items() if infos[c].type == "expense"
    )


# ---------------------------------------------------------------- statements


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
    if _others_within(s, start, end, lo, hi):
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


def first_and_last_entry_date(s: Session) -> tuple[dt.date | None, dt.date | None]:
    lo, hi = s.execute(select(func.min(JournalEntry.date), func.max(JournalEntry.date))).one()
    return lo, hi

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

from ..db.models import Account, JournalEntry, JournalLine
from ..domain import accounts as chart  # `accounts` is this module's function
from ..domain import shu as shu_rules
from ..domain.vocabulary import EntrySource
from .settings import get_value
from .transaction_state import state

CLOSING_SOURCE = EntrySource.CLOSING
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
    memo = state(s).ledger_sums
    key = (date_to, date_from, excl)
    if key not in memo:
        found = _from_prepared(s, memo, date_to, date_from, excl)
        memo[key] = found if found is not None else _sums(s, date_to, date_from, excl)
    return dict(memo[key])


def forget_sums(s: Session) -> None:
    """The journal changed (:func:`koperasi.services.ledger.post`): read the sums again."""
    state(s).ledger_sums.clear()


def prepared_at(s: Session, date: dt.date) -> bool:
    """Whether :func:`prepare` read the balances at ``date`` (no journal read for them)."""
    return date in state(s).ledger_sums.get(AFTER, {})


AFTER = "after"  # in the ledger_sums memo (TransactionState.ledger_sums): {date: sums of the entries dated after it}
CLOSINGS = "closings"  # in the ledger_sums memo: the closing entries' lines per day and account
TOTALS = (None, None, ())  # the memo key of the all-time totals

Sums = dict[str, tuple[int, int]]


def _add(into: Sums, rows: Iterable[tuple[str, int, int]], sign: int = 1) -> Sums:
    for code, d, c in rows:
        d0, c0 = into.get(code, (0, 0))
        into[code] = (d0 + sign * d, c0 + sign * c)
    return into


ID_RANGES = "id_ranges"  # in the ledger_sums memo: [(date, smallest id, largest id)] by date


def _id_ranges(s: Session) -> list[tuple[dt.date, int, int]]:
    """The smallest and largest entry id of every day with entries, in date order: one
    pass over the date index, remembered with the sums (a few thousand rows)."""
    memo = state(s).ledger_sums
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


def others_within(s: Session, start: dt.date, end: dt.date, lo: int, hi: int) -> bool:
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
    memo = state(s).ledger_sums
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


def first_and_last_entry_date(s: Session) -> tuple[dt.date | None, dt.date | None]:
    lo, hi = s.execute(select(func.min(JournalEntry.date), func.max(JournalEntry.date))).one()
    return lo, hi

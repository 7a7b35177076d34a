"""What report builders share: parameters, period resolution, the cooperative's identity."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, fields

from babel.dates import format_date

from ..errors import ValidationError
from ..services import statements
from ..services.reads import ReadSession as Session
from ..services.reads.people import GroupRef, MemberRef, group_named, member_named
from ..services.settings import Profile, profile_in
from .model import Organisation, Period, Signature, T


@dataclass(frozen=True)
class ReportParams:
    """What the user may choose; every field has a default resolved from the data.

    ``period`` is a month ``YYYY-MM``; ``year`` a financial year; ``date`` a day (an as-of
    date for statements, the meeting date for group sheets). Give at most one of the three.
    """

    period: str | None = None
    year: int | None = None
    date: dt.date | None = None
    group: str | None = None
    member: str | None = None
    receipt: str | None = None
    loan: str | None = None
    deposit: str | None = None  # a time deposit's number (bilyet)

    def items(self) -> tuple[tuple[str, str], ...]:
        return tuple(
            (f.name, str(getattr(self, f.name)))
            for f in fields(self)
            if getattr(self, f.name) not in (None, "")
        )


def month_name(year: int, month: int, lang: str) -> str:
    return format_date(
        dt.date(year, month, 1), "MMMM y", locale="id_ID" if lang == "id" else "en_GB"
    )


def long(d: dt.date) -> T:
    from ..domain.fmt import long_date

    return T(long_date(d, "id"), long_date(d, "en"))


def month_period(year: int, month: int) -> Period:
    return Period(
        dt.date(year, month, 1),
        statements.month_end(year, month),
        T(f"Bulan {month_name(year, month, 'id')}", f"Month of {month_name(year, month, 'en')}"),
    )


def year_period(s: Session, year: int) -> Period:
    sm = statements.fy_start_month(s)
    start, end = statements.fiscal_year_bounds(year, sm)
    if sm == 1:
        label = T(f"Tahun buku {year}", f"Financial year {year}")
    else:
        label = T(
            f"Tahun buku {year}/{year + 1}",
            f"Financial year {year}/{year + 1}",
        )
    return Period(start, end, label)


def last_entry_date(s: Session) -> dt.date | None:
    return statements.first_and_last_entry_date(s)[1]


def default_month(s: Session, today: dt.date | None = None) -> tuple[int, int]:
    """The last month that has ended and has data (else the month before today)."""
    today = today or dt.date.today()
    hi = last_entry_date(s) or today
    y, m = hi.year, hi.month
    if statements.month_end(y, m) >= today:
        y, m = statements.add_months(y, m, -1)
    return y, m


def default_year(s: Session, today: dt.date | None = None) -> int:
    """The last financial year that has ended and has data (else the current one)."""
    today = today or dt.date.today()
    sm = statements.fy_start_month(s)
    lo, last = statements.first_and_last_entry_date(s)
    hi = last or today
    fy = statements.fiscal_year_of(hi, sm)
    _start, end = statements.fiscal_year_bounds(fy, sm)
    if end >= today:
        prev = fy - 1
        p_start, p_end = statements.fiscal_year_bounds(prev, sm)
        if lo is not None and lo <= p_end:
            return prev
    return fy


def resolve_period(s: Session, params: ReportParams, default: str = "year") -> Period:
    """``--period`` month, ``--year`` financial year, ``--date`` (year to date), else default."""
    given = [x for x in (params.period, params.year, params.date) if x not in (None, "")]
    if len(given) > 1:
        raise ValidationError("period", "one_period_option")
    if params.period:
        from ..services.closing import parse_period

        return month_period(*parse_period(params.period))
    if params.year:
        return year_period(s, int(params.year))
    if params.date:
        d = params.date
        if default == "date":
            return Period(d, d, long(d))
        sm = statements.fy_start_month(s)
        start, _ = statements.fiscal_year_bounds(statements.fiscal_year_of(d, sm), sm)
        return Period(start, d, T("Per ", "As of ") + long(d))
    if default == "month":
        return month_period(*default_month(s))
    if default == "date":
        d = last_entry_date(s) or dt.date.today()
        return Period(d, d, long(d))
    return year_period(s, default_year(s))


def previous(period: Period) -> Period:
    start, end = statements.previous_period(period.start, period.end)
    if start.day == 1 and start.month == 1 and end == dt.date(start.year, 12, 31):
        label = T(f"Tahun {start.year}", f"Year {start.year}")
    elif start.day == 1 and end == statements.month_end(start.year, start.month):
        label = T(
            month_name(start.year, start.month, "id"), month_name(start.year, start.month, "en")
        )
    else:
        label = T(f"s.d. {end:%d/%m/%Y}", f"to {end:%d/%m/%Y}")
    return Period(start, end, label)


def column_label(period: Period) -> T:
    """A short label for a comparative column."""
    start, end = period.start, period.end
    if start.day == 1 and start.month == 1 and end == dt.date(start.year, 12, 31):
        return T(str(start.year), str(start.year))
    if start.day == 1 and end == statements.month_end(start.year, start.month):
        return T(
            month_name(start.year, start.month, "id"), month_name(start.year, start.month, "en")
        )
    return T(f"{start:%d/%m/%Y}–{end:%d/%m/%Y}")


def organisation(s: Session) -> Organisation:
    p: Profile = profile_in(s)
    return Organisation(p.name, p.legal_number, p.address, p.city, p.phone, p.logo_path)


def board_signatures(s: Session) -> tuple[Signature, ...]:
    p = profile_in(s)
    return (
        Signature(T("Ketua", "Chair"), p.chair),
        Signature(T("Sekretaris", "Secretary"), p.secretary),
        Signature(T("Bendahara", "Treasurer"), p.treasurer),
    )


def treasurer_signature(s: Session) -> tuple[Signature, ...]:
    p = profile_in(s)
    return (
        Signature(T("Ketua", "Chair"), p.chair),
        Signature(T("Bendahara", "Treasurer"), p.treasurer),
    )


def resolve_group(s: Session, code: str | None) -> GroupRef:
    """The group ``code`` names, else the first active group."""
    return group_named(s, code)


def resolve_member(s: Session, number: str | None) -> MemberRef:
    """The member ``number`` names, else the first member by number."""
    return member_named(s, number)


def label(vocabulary: str, code: str | None) -> T:
    """A code as the paper reads it, in both languages (see ``messages.LABELS``)."""
    from ..messages import label as message_label

    if code is None or code == "":
        return T("")
    return T(message_label(vocabulary, code, "id"), message_label(vocabulary, code, "en"))

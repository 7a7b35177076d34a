"""What a report's options can be set to, and their defaults (for the GUI's report form).

``option_choices(db, today)`` reads, in one read-only transaction, the months and financial
years that have postings, the groups, and the defaults the report builders would use
themselves (the last full month or year with data, the last day with postings, the first
group, the first member, the latest receipt), so the form opens filled in.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from ..services import statements
from ..services.auth import Actor, visible_groups
from ..services.reads import choices as reads
from ..services.uow import read_only
from .common import default_month, default_year, month_name
from .model import T


@dataclass(frozen=True)
class OptionChoices:
    months: tuple[tuple[str, T], ...]  # ("2026-09", "September 2026"), newest first
    default_month: str
    years: tuple[int, ...]  # financial years, newest first
    default_year: int
    default_date: dt.date
    groups: tuple[tuple[str, str], ...]  # (code, name), active groups by code
    default_member: str | None  # (number) what an empty member field means
    default_member_name: str
    default_receipt: str | None


def option_choices(db, today: dt.date | None = None, actor: Actor | None = None) -> OptionChoices:
    """With ``actor``, a ketua kelompok's choices: only their groups, and a default member
    and receipt from those groups."""
    today = today or dt.date.today()
    scope = visible_groups(actor)

    with read_only(db) as s:
        sm = statements.fy_start_month(s)
        lo, hi = statements.first_and_last_entry_date(s)
        dy, dm = default_month(s, today)
        fy = default_year(s, today)
        first = lo or today
        last = max(hi or today, today)
        months: list[tuple[str, T]] = []
        y, m = first.year, first.month
        while (y, m) <= (last.year, last.month):
            months.append((f"{y}-{m:02d}", T(month_name(y, m, "id"), month_name(y, m, "en"))))
            y, m = statements.add_months(y, m, 1)
        if f"{dy}-{dm:02d}" not in {k for k, _ in months}:
            months.append((f"{dy}-{dm:02d}", T(month_name(dy, dm, "id"), month_name(dy, dm, "en"))))
            months.sort()
        years = sorted(
            set(
                range(statements.fiscal_year_of(first, sm), statements.fiscal_year_of(last, sm) + 1)
            )
            | {fy},
            reverse=True,
        )
        groups = reads.active_groups(s, scope)
        member = reads.first_member(s, scope)
        receipt = reads.latest_receipt(s, scope)
        return OptionChoices(
            months=tuple(reversed(months)),
            default_month=f"{dy}-{dm:02d}",
            years=tuple(years),
            default_year=fy,
            default_date=hi or today,
            groups=groups,
            default_member=member[0] if member else None,
            default_member_name=member[1] if member else "",
            default_receipt=receipt,
        )

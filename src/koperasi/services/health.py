"""The health-rating ratios that come from the books, on a date (DESIGN §9).

Read-only; the rules (thresholds, categories) are in :mod:`koperasi.domain.health`. Loans
and problem loans come from the loan book (``loan_quality``: kurang lancar, diragukan and
macet are problem loans); without the loans area they come from the ledger (1.20) and no
loan is counted as a problem.
"""

from __future__ import annotations

import datetime as dt
import importlib.util
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..db.database import Database
from ..domain import accounts
from ..domain import health as rules
from ..domain.health import Ratio
from ..domain.vocabulary import LANCAR
from . import statement_sheets, statements
from .uow import read_only

LOANS = accounts.LOANS
BANK = accounts.BANK


@dataclass(frozen=True)
class HealthRatios:
    as_of: dt.date
    previous_as_of: dt.date
    loans: int  # principal outstanding
    problem_loans: int  # of which kurang lancar, diragukan, macet
    productive_assets: int  # loans + bank
    total_assets: int
    equity: int
    equity_previous: int
    ratios: tuple[Ratio, ...]

    def ratio(self, key: str) -> Ratio:
        return next(r for r in self.ratios if r.key == key)


def _loan_book(s: Session, as_of: dt.date) -> tuple[int, int] | None:
    if importlib.util.find_spec("koperasi.services.loans.quality") is None:
        return None
    from .loans.quality import qualities_in

    items = qualities_in(s, as_of)
    total = sum(q.outstanding for q in items)
    problem = sum(q.outstanding for q in items if q.kolektibilitas != LANCAR)
    return total, problem


def health_in(s: Session, as_of: dt.date, previous_as_of: dt.date) -> HealthRatios:
    """Ratios at ``as_of``; equity growth is measured from ``previous_as_of``."""
    bs = statement_sheets.balance_sheet_in(s, as_of, previous_as_of)
    infos = statements.accounts(s)
    bal = statements.balances(s, as_of, infos=infos)

    def under(prefix: str) -> int:
        return sum(v for c, v in bal.items() if c == prefix or c.startswith(prefix + "."))

    book = _loan_book(s, as_of)
    loans, problem = book if book is not None else (under(LOANS), 0)
    productive = under(LOANS) + under(BANK)
    total_assets = bs.total_assets[0]
    equity, equity_prev = bs.total_equity
    return HealthRatios(
        as_of,
        previous_as_of,
        loans,
        problem,
        productive,
        total_assets,
        equity,
        equity_prev,
        rules.book_ratios(problem, loans, productive, equity, total_assets, equity_prev),
    )


def health(db: Database, as_of: dt.date, previous_as_of: dt.date | None = None) -> HealthRatios:
    """The ratios on ``as_of`` (growth from the end of the previous financial year)."""
    with read_only(db) as s:
        if previous_as_of is None:
            sm = statements.fy_start_month(s)
            start, _ = statements.fiscal_year_bounds(statements.fiscal_year_of(as_of, sm), sm)
            previous_as_of = start - dt.timedelta(days=1)
        return health_in(s, as_of, previous_as_of)

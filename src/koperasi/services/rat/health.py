"""The full health rating of a financial year (four aspects, Permenkop 9/2020): the ratio
indicators from the books (the book ratios of :mod:`koperasi.services.health`, plus return
on assets and operating costs to income from the income statement) and the board's answers
to the governance questions, scored by :mod:`koperasi.domain.health_rating`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ...db.database import Database
from ...domain import health_rating
from ...domain.health import percent
from .. import health, statement_sheets, statements
from ..auth import Actor, require_read_all
from ..uow import read_only
from .records import answers_in


@dataclass(frozen=True)
class YearRating:
    year: int
    as_of: dt.date
    book: health.HealthRatios
    surplus: int
    income: int
    expenses: int
    answers: dict[str, bool]
    rating: health_rating.Rating


def rating_in(s: Session, year: int) -> YearRating:
    start, end = statements.fiscal_year_bounds(year, statements.fy_start_month(s))
    h = health.health_in(s, end, start - dt.timedelta(days=1))
    inc = statement_sheets.income_statement_in(s, start, end)
    income, expenses = inc.total_income[0], inc.total_expenses[0]
    surplus = income - expenses
    ratios = {r.key: r.value for r in h.ratios}
    ratios["return_on_assets"] = percent(surplus, h.total_assets)
    ratios["cost_to_income"] = percent(expenses, income)
    answers = answers_in(s, year)
    return YearRating(
        year, end, h, surplus, income, expenses, answers, health_rating.rate(ratios, answers)
    )


def year_rating(db: Database, year: int, actor: Actor | None = None) -> YearRating:
    require_read_all(actor)
    with read_only(db) as s:
        return rating_in(s, year)

"""The audit workbook's format, columns and sheets as types: the sheets themselves are in
sheets.py (one place that the exporter, the round-trip importer, the consolidation and the
documentation test all read), their columns per subject in the spec_*.py modules.

A column has a stable snake_case ``name`` (the header), a ``type`` (how the cell is written
and parsed back) and ``src``: the database column it comes from, or ``None`` for a column
derived for the reader's convenience (e.g. ``member_number`` next to ``member_id``). The
round-trip import writes only ``src`` columns; derived ones are recomputed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import SQLColumnExpression, Table, and_, false, literal, true
from sqlalchemy.orm import Session

from ..db.models import Base

FORMAT_NAME = "koperasi-audit-workbook"
FORMAT_VERSION = 1
YIELD = 2000

# column types: how cells are written (number formats) and parsed back
ID, INT, TEXT, DATE, DATETIME, MONEY, DECIMAL, BOOL = (
    "id",
    "int",
    "text",
    "date",
    "datetime",
    "money",
    "decimal",
    "bool",
)


@dataclass(frozen=True)
class Col:
    name: str
    type: str
    src: str | None = None  # database column (None: derived)


@dataclass(frozen=True)
class Period:
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def in_period(self, column):
        conds = []
        if self.date_from is not None:
            conds.append(column >= self.date_from)
        if self.date_to is not None:
            conds.append(column <= self.date_to)
        return and_(*conds) if conds else true()

    def until_end(self, column):
        return column <= self.date_to if self.date_to is not None else true()

    def before_start(self, column):
        return column < self.date_from if self.date_from is not None else false()


Rows = Callable[[Session, Period], Iterator[tuple]]


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    table: str | None  # database table restored from this sheet (None: derived sheet)
    columns: tuple[Col, ...]
    rows: Rows
    optional: bool = False  # filled only when the table exists (loans)

    @property
    def headers(self) -> list[str]:
        return [c.name for c in self.columns]


def stream(session: Session, q) -> Iterator[tuple]:
    for row in session.execute(q.execution_options(yield_per=YIELD)):
        yield tuple(row)


def table(name: str) -> Table | None:
    """A table by name if its model is installed (loan tables arrive with the loans area)."""
    return Base.metadata.tables.get(name)


def source_select(
    t: Table, cols: tuple[Col, ...], derived: Mapping[str, SQLColumnExpression[Any]]
) -> list[SQLColumnExpression[Any]]:
    """Select list for ``cols``: the table's column for ``src``, an expression for derived
    columns, NULL for a column the installed schema does not have (yet)."""
    out: list[SQLColumnExpression[Any]] = []
    for c in cols:
        if c.src is not None:
            out.append(t.c[c.src] if c.src in t.c else literal(None))
        else:
            out.append(derived.get(c.name, literal(None)))
    return out

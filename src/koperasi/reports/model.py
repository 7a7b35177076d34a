"""The report-data model: what a report says, independent of PDF or Excel.

A report builder (``build_<name>(db, params, progress) -> ReportData``) queries the
services and returns these frozen values; :func:`koperasi.reports.pdf.render_pdf` and
:func:`koperasi.reports.xlsx.render_xlsx` turn the SAME object into a document, so the
PDF and the workbook always show the same numbers.

Texts that differ by language are :class:`T` pairs (Indonesian, English); the renderers
pick one with ``lang``. Data texts (member names, journal descriptions) are plain ``str``.
Cells are typed by their :class:`Column` ``kind``: money is ``int`` rupiah, dates are
``datetime.date``, percentages are ``Decimal`` (``12.5`` means 12.5 %).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from ..messages.text import T, Text, text  # noqa: F401 - re-exported: the renderers read them here


class Kind(StrEnum):
    TEXT = "text"
    MONEY = "money"  # int rupiah
    INT = "int"  # counts
    DATE = "date"
    PERCENT = "percent"  # Decimal, 12.5 = 12.5 %
    BLANK = "blank"  # empty column to write in by hand (meeting sheets)


@dataclass(frozen=True)
class Column:
    key: str
    label: Text
    kind: Kind = Kind.TEXT
    width: float = 1.0  # relative width in the PDF; Excel width derives from it and content
    total: bool = False  # summed in the table's total row (money and int columns)


class RowKind(StrEnum):
    DATA = "data"
    HEADING = "heading"  # a group heading inside a statement ("ASET")
    SUBTOTAL = "subtotal"  # a computed line inside a statement ("Jumlah aset")


@dataclass(frozen=True)
class Row:
    cells: tuple[Any, ...]
    kind: RowKind = RowKind.DATA


@dataclass(frozen=True)
class Table:
    """One table. ``rows`` hold DATA rows and, for statements, HEADING/SUBTOTAL rows.

    Columns flagged ``total`` are summed over DATA rows into a total line (PDF) or a
    total row of stored values (Excel). A table with SUBTOTAL rows shows its totals as those
    rows instead (the values are computed by the builder from the ledger).
    """

    key: str  # short id; also the Excel sheet name's source
    title: Text
    columns: tuple[Column, ...]
    rows: tuple[Row, ...]
    total_label: Text = field(default_factory=lambda: T("Jumlah", "Total"))
    sheet: Text | None = None  # Excel sheet name (<= 31 chars); defaults to title

    def __post_init__(self) -> None:
        n = len(self.columns)
        for r in self.rows:
            if len(r.cells) != n:
                raise ValueError(f"table {self.key}: row has {len(r.cells)} cells, expected {n}")

    @property
    def has_totals(self) -> bool:
        return any(c.total for c in self.columns)

    def totals(self) -> dict[str, int]:
        """Sums of the ``total`` columns over DATA rows, by column key."""
        out: dict[str, int] = {}
        for i, col in enumerate(self.columns):
            if col.total:
                out[col.key] = sum(
                    int(r.cells[i] or 0) for r in self.rows if r.kind is RowKind.DATA
                )
        return out

    def column_index(self, key: str) -> int:
        for i, c in enumerate(self.columns):
            if c.key == key:
                return i
        raise KeyError(key)

    def values(self, key: str, kind: RowKind = RowKind.DATA) -> list[Any]:
        i = self.column_index(key)
        return [r.cells[i] for r in self.rows if r.kind is kind]

    def find(self, key: str, value: Any) -> Row | None:
        i = self.column_index(key)
        return next((r for r in self.rows if r.cells[i] == value), None)


@dataclass(frozen=True)
class Figure:
    """A key figure: ``Jumlah anggota aktif: 38``."""

    key: str
    label: Text
    value: Any
    kind: Kind = Kind.MONEY


@dataclass(frozen=True)
class Chart:
    """A simple chart for the PDF (bar or pie). Its numbers also appear in a table."""

    key: str
    title: Text
    kind: str  # "bar" | "pie"
    categories: tuple[Text, ...]
    series: tuple[tuple[Text, tuple[int | Decimal, ...]], ...]


@dataclass(frozen=True)
class Section:
    title: Text | None = None
    figures: tuple[Figure, ...] = ()
    tables: tuple[Table, ...] = ()
    notes: tuple[Text, ...] = ()  # paragraphs after the figures, before the tables
    charts: tuple[Chart, ...] = ()
    page_break_before: bool = False


@dataclass(frozen=True)
class Signature:
    role: Text  # "Ketua", "Bendahara"
    name: str


@dataclass(frozen=True)
class Organisation:
    """Who the report is about (from the cooperative's profile)."""

    name: str
    legal_number: str = ""
    address: str = ""
    city: str = ""
    phone: str = ""
    logo_path: str = ""


@dataclass(frozen=True)
class Period:
    """The period a report covers: ``start`` to ``end`` inclusive (or a date: start = end)."""

    start: dt.date
    end: dt.date
    label: Text

    @property
    def is_date(self) -> bool:
        return self.start == self.end


@dataclass(frozen=True)
class ReportData:
    name: str  # registry name, e.g. "neraca-saldo"
    title: Text
    org: Organisation
    period: Period | None = None
    subtitle: Text | None = None
    sections: tuple[Section, ...] = ()
    signatures: tuple[Signature, ...] = ()
    sign_date: dt.date | None = None  # "Balikpapan, 23 November 2026" above signatures
    cover: bool = False  # a cover page (RAT report)
    landscape: bool = False
    generated_at: dt.datetime = field(
        default_factory=lambda: dt.datetime.now().replace(microsecond=0)
    )
    params: tuple[tuple[str, str], ...] = ()  # the parameters used, for the Info sheet
    # the period has not ended or is not closed yet: every page says "SEMENTARA / DRAF"
    # (set by registry.build from the period's status)
    draft: bool = False
    # the book's anchor when the report was built ("J1234-9f3a2c1b A5678-77e0b4d2",
    # services/book_anchor.py), printed in the footer so a paper can be checked later
    anchor: str = ""

    def tables(self) -> list[Table]:
        return [t for s in self.sections for t in s.tables]

    def table(self, key: str) -> Table:
        for t in self.tables():
            if t.key == key:
                return t
        raise KeyError(key)

    def figures(self) -> list[Figure]:
        return [f for s in self.sections for f in s.figures]

    def figure(self, key: str) -> Any:
        for f in self.figures():
            if f.key == key:
                return f.value
        raise KeyError(key)

    def row_count(self) -> int:
        return sum(len(t.rows) for t in self.tables())


def data_rows(rows: Sequence[Sequence[Any]]) -> tuple[Row, ...]:
    """Plain tuples -> DATA rows."""
    return tuple(Row(tuple(r)) for r in rows)

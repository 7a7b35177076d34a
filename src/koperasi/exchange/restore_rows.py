"""Reading an audit workbook's rows back for a restore: cell parsing by column type, the state
of one restore (:class:`RestoreContext`) and inserting rows in batches."""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session
from sqlalchemy.sql.schema import ScalarElementColumnDefault

from ..db.models import (
    Group,
    JournalEntry,
    Member,
    SavingsAccount,
)
from ..errors import ValidationError
from ..services.validation import clean_number_text
from .import_report import ImportReport
from .spec import Sheet, table
from .xlsxin import (
    Workbook,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_decimal,
    refuse_excel_error,
)
from .xlsxin import parse_int as _parse_int

BATCH = 1000
_RECEIPT = re.compile(r"^([A-Z]{1,8})-(\d{4})-(\d+)$")


def _raw_text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    refuse_excel_error(value, field)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _money(value: Any, field: str) -> int | None:
    if value is None:
        return None
    refuse_excel_error(value, field)
    if isinstance(value, str):
        # a number stored as text (Excel's green triangle): whole rupiah only
        text = clean_number_text(value).strip()
        if re.fullmatch(r"-?[0-9]{1,18}", text):
            return int(text)
        raise ValidationError(field, "not_an_amount_text", value=value[:40])
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, "not_an_amount", value=str(value)[:40])
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(field, "not_an_amount", value=str(value)[:40])
    return int(value)


PARSE = {
    "id": _parse_int,
    "int": _parse_int,
    "text": _raw_text,
    "date": parse_date,
    "datetime": parse_datetime,
    "money": _money,
    "decimal": parse_decimal,
    "bool": parse_bool,
}


def sheet_values(wb: Workbook, title: str, width: int) -> Iterator[tuple[int, tuple]]:
    for n, row in enumerate(wb.iter_values(title, min_row=1, max_col=width), 1):
        if any(v is not None for v in row):
            yield n, tuple(row)


def parsed_rows(
    wb: Workbook, sheet: Sheet, rep: ImportReport | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows of ``sheet`` as ``{column name: parsed value}``; type errors go to ``rep``."""
    width = len(sheet.columns)
    it = sheet_values(wb, sheet.title, width)
    next(it, None)  # header
    for rowno, values in it:
        data = parse_cell(sheet, rowno, values, rep)
        if data is not None:
            yield rowno, data


def parse_cell(
    sheet: Sheet, rowno: int, values: tuple, rep: ImportReport | None
) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    ok = True
    for i, col in enumerate(sheet.columns):
        raw = values[i] if i < len(values) else None
        try:
            data[col.name] = PARSE[col.type](raw, col.name)
        except ValidationError as exc:
            ok = False
            if rep is not None:
                rep.add(rowno, f"{sheet.title}!{col.name}", exc)
    return data if ok else None


def is_empty_target(s: Session) -> str | None:
    for what, model in (
        ("anggota", Member),
        ("kelompok", Group),
        ("jurnal", JournalEntry),
        ("rekening simpanan", SavingsAccount),
    ):
        if s.scalar(select(func.count()).select_from(model)):
            return what
    loans = table("loans")
    if loans is not None and s.scalar(select(func.count()).select_from(loans)):
        return "pinjaman"
    return None


# Rows parsed by the first pass kept for the second (each sheet's XML is then parsed once):
# up to this many rows in all, so a very large book costs a second read, not unbounded memory.
KEEP_ROWS = 250_000


class ParsedRows:
    """The rows the first pass parsed, per sheet title, as the second pass reads them:
    ``(row number, values in column order)`` for each row with a value in the sheet's
    columns, the header left out. A sheet not kept (beyond :data:`KEEP_ROWS`) is read
    again from the workbook."""

    def __init__(self, limit: int = KEEP_ROWS) -> None:
        self.sheets: dict[str, list[tuple[int, tuple[Any, ...]]]] = {}
        self.limit = limit
        self.count = 0

    def keep(self, title: str, rows: list[tuple[int, tuple[Any, ...]]]) -> None:
        if self.count + len(rows) <= self.limit:
            self.sheets[title] = rows
            self.count += len(rows)


class RestoreContext:
    def __init__(
        self, s: Session, wb: Workbook, rep: ImportReport, parsed: ParsedRows | None = None
    ) -> None:
        self.s, self.wb, self.rep = s, wb, rep
        self.parsed = parsed or ParsedRows(0)
        self.ids: dict[str, set[int]] = {}
        self.maps: dict[str, dict[Any, int]] = {}
        self.receipts: dict[tuple[str, int], int] = {}
        self.dangling: dict[tuple[str, Any], ValidationError] = {}

    def rows(self, sheet: Sheet) -> Iterator[tuple[int, dict[str, Any]]]:
        """The sheet's rows as ``{column name: parsed value}`` (as :func:`parsed_rows`),
        from the first pass when it kept them."""
        kept = self.parsed.sheets.get(sheet.title)
        if kept is None:
            yield from parsed_rows(self.wb, sheet, None)
            return
        names = [c.name for c in sheet.columns]
        for rowno, values in kept:
            yield rowno, dict(zip(names, values, strict=True))

    def check(self, rowno: int, sheet: str, col: str, value: Any, target: str) -> None:
        if value is not None and value not in self.ids.get(target, set()):
            # one missing record (a deleted member row) is one error naming how many rows
            # refer to it, not a line for each of them
            key = (target, value)
            first = self.dangling.get(key)
            if first is not None:
                first.code = "dangling_ref_more"
                first.params["more"] = first.params.get("more", 0) + 1
                self.rep.error_rows.add(rowno)  # counted in the first one's message
                return
            err = ValidationError("value", "dangling_ref", value=value, sheet=target)
            self.dangling[key] = err
            self.rep.add(rowno, f"{sheet}!{col}", err)

    def note_receipt(self, receipt: str | None) -> None:
        if not receipt:
            return
        m = _RECEIPT.match(receipt)
        if m:
            key = (m.group(1), int(m.group(2)))
            self.receipts[key] = max(self.receipts.get(key, 0), int(m.group(3)))


def insert_rows(s: Session, t: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        s.execute(t.insert(), rows)
        rows.clear()


def row_for(
    ctx: RestoreContext, rowno: int, t: Table, sheet: Sheet, r: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """Database row from a sheet row: ``src`` columns, empty text back to ''. A value the
    database requires that the row leaves empty is reported with its row and column."""
    out: dict[str, Any] = {}
    names: dict[str, str] = {}
    for col in sheet.columns:
        if col.src is None or col.src not in t.c:
            continue
        v = r.get(col.name)
        c = t.c[col.src]
        if v is None and not c.nullable and col.type == "text":
            v = ""
        if v is None and not c.nullable and isinstance(c.default, ScalarElementColumnDefault):
            v = c.default.arg
        out[col.src] = v
        names[col.src] = col.name
    out.update(extra)
    for key, value in out.items():
        dc = t.c.get(key)
        if value is None and dc is not None and not dc.nullable and not dc.primary_key:
            ctx.rep.add(
                rowno,
                f"{sheet.title}!{names.get(key, key)}",
                ValidationError(names.get(key, key), "required"),
            )
    return out

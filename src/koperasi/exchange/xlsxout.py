"""Writing workbooks in openpyxl's write-only mode: typed, formatted cells streamed to disk.

Memory stays flat however many rows a sheet gets (each sheet streams to a temporary file).
Text that a spreadsheet would take for a formula (``=...``) or an error code is written as
text; characters that XML cannot hold are dropped.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .canonical import SheetHasher

NUMBER_FORMATS = {
    "money": "#,##0",
    "decimal": "0.00##",
    "date": "dd/mm/yyyy",
    "datetime": "yyyy-mm-dd hh:mm:ss",
    "int": "0",
    "id": "0",
}
WIDTHS = {"money": 16, "decimal": 10, "date": 12, "datetime": 20, "int": 8, "id": 10, "bool": 8}
HEADER_FONT = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
ERROR_FONT = Font(color="9C0006")


def clean_text(value: str) -> str:
    return ILLEGAL_CHARACTERS_RE.sub("", value)


def to_cell_value(value: Any, type_: str) -> Any:
    """The Python value written for a column type (ints stay ints; rates as Decimal)."""
    if value is None:
        return None
    if type_ == "bool":
        return bool(value)
    if type_ in ("money", "int", "id") and not isinstance(value, bool):
        return int(value)
    if type_ == "decimal":
        return value if isinstance(value, Decimal) else Decimal(str(value))
    if type_ == "date" and isinstance(value, dt.datetime):
        return value.date()
    if type_ == "text" or isinstance(value, str):
        text = clean_text(str(value))
        return text or None
    return value


class SheetOut:
    """One write-only sheet with a header row; rows are hashed as they are written."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        headers: Sequence[str],
        types: Sequence[str],
        widths: Sequence[int] | None = None,
    ) -> None:
        self.ws = wb.create_sheet(title)
        self.types = list(types)
        self.hasher = SheetHasher()
        self._protos: list[WriteOnlyCell | None] = []
        for i, t in enumerate(self.types):
            fmt = NUMBER_FORMATS.get(t)
            if fmt is None:
                self._protos.append(None)
            else:
                proto = WriteOnlyCell(self.ws)
                proto.number_format = fmt
                self._protos.append(proto)
            width = widths[i] if widths else max(WIDTHS.get(t, 18), min(len(headers[i]) + 2, 30))
            self.ws.column_dimensions[get_column_letter(i + 1)].width = width
        self.ws.freeze_panes = "A2"
        header_cells = []
        for h in headers:
            c = WriteOnlyCell(self.ws, h)
            c.font = HEADER_FONT
            c.fill = HEADER_FILL
            header_cells.append(c)
        self.ws.append(header_cells)
        self.hasher.add(headers)
        self.rows = 0

    def append(self, values: Sequence[Any], *, error_columns: Iterable[int] = ()) -> None:
        vals = [to_cell_value(v, t) for v, t in zip(values, self.types, strict=False)]
        vals += list(values[len(self.types) :])
        self.hasher.add(vals)
        cells: list[Any] = []
        for i, v in enumerate(vals):
            proto = self._protos[i] if i < len(self._protos) else None
            if v is None:
                cells.append(None)
            elif isinstance(v, str):
                if v.startswith("=") or v in ERROR_CODES:
                    c = WriteOnlyCell(self.ws, v)
                    c.data_type = "s"
                    cells.append(c)
                else:
                    cells.append(v)
            elif proto is not None:
                c = WriteOnlyCell(self.ws, v)
                c._style = proto._style
                cells.append(c)
            else:
                cells.append(v)
        for i in error_columns:
            if i < len(cells) and cells[i] is not None:
                c = WriteOnlyCell(self.ws, vals[i])
                c.data_type = "s" if isinstance(vals[i], str) else c.data_type
                c.font = ERROR_FONT
                c.alignment = Alignment(wrap_text=True)
                cells[i] = c
        self.ws.append(cells)
        self.rows += 1

    def digest(self) -> str:
        return self.hasher.hexdigest()


def new_workbook() -> Workbook:
    return Workbook(write_only=True)


def save_atomic(wb: Workbook, path: str | os.PathLike[str]) -> Path:
    """Save next to ``path`` and rename over it, so a failed export leaves no half file."""
    target = Path(path)
    tmp = target.with_name(f".{target.name}.tmp")
    try:
        wb.save(tmp)
        os.replace(tmp, target)
    finally:
        with contextlib.suppress(FileNotFoundError):
            tmp.unlink()
    return target

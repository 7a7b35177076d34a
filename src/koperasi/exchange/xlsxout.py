"""Writing workbooks in openpyxl's write-only mode: typed, formatted cells streamed to disk.

Memory stays flat however many rows a sheet gets (each sheet streams to a temporary file).
Text that a spreadsheet would take for a formula (``=...``) or an error code is written as
text; characters that XML cannot hold are dropped.

Speed: openpyxl's own ``append`` makes a cell object per value, binds its type, looks its
style up and writes it through a Python context manager per cell: on the audit workbook
(1.7 million rows on a large cooperative) that is most of the time. ``SheetOut`` therefore
writes its data rows straight into the write-only sheet's XML stream as one lxml ``<row>``
element each, with the style ids of its columns computed once, in the same XML openpyxl
writes (typed cells, inline strings, Excel date serials). Where that is not possible (no
lxml, another openpyxl layout) or for rows with highlighted cells, it falls back to
openpyxl's ``append``.

Every sheet is set up for printing (A4, fitted to the page width, header row repeated,
page numbers; :func:`koperasi.reports.xlsx.print_setup`) and records its size in its
``<dimension ref>``. The size is known only when the last row is written, while the
dimension stands at the head of the sheet's XML, before the rows: the sheet is therefore
started with a placeholder of the largest possible size and, once its stream is closed,
the placeholder in the temporary file is overwritten in place with the real size (padded
with spaces inside the tag, so no byte moves). That costs one small read and write per
sheet, however many rows it has. Without a dimension, openpyxl's read-only mode returns
each row cut after its last value.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import LXML, Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ERROR_CODES, ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.utils.datetime import to_excel

from ..reports.xlsx import print_setup
from .canonical import SheetHasher

if LXML:
    from lxml.etree import Element, SubElement

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


_MAX_REF = "A1:XFD1048576"  # the largest sheet Excel knows: the longest possible ref
_PLACEHOLDER = f'<dimension ref="{_MAX_REF}"/>'.encode()
_HEAD_BYTES = 65536  # the dimension follows <sheetPr>, within the first few hundred bytes


def patch_dimension(out: Any, n_rows: int, n_cols: int) -> bool:
    """Overwrite the placeholder dimension at the head of a closed sheet's XML (a file path
    or a BytesIO) with ``A1:<last column><n_rows>``, in place; False if it is not there."""
    ref = f"A1:{get_column_letter(max(n_cols, 1))}{max(n_rows, 1)}"
    new = f'<dimension ref="{ref}"'.encode()
    new += b" " * (len(_PLACEHOLDER) - len(new) - 2) + b"/>"
    if hasattr(out, "getbuffer"):
        buf = out.getbuffer()
        at = bytes(buf[:_HEAD_BYTES]).find(_PLACEHOLDER)
        if at >= 0:
            buf[at : at + len(new)] = new
        del buf
        return at >= 0
    with open(out, "r+b") as f:
        at = f.read(_HEAD_BYTES).find(_PLACEHOLDER)
        if at < 0:
            return False
        f.seek(at)
        f.write(new)
    return True


_XML_SPACE = "{http://www.w3.org/XML/1998/namespace}space"
_EXCEL_DAY0 = dt.date(1899, 12, 30).toordinal()
_MAR_1900 = dt.date(1900, 3, 1)


class _RowStream:
    """The ``<sheetData>`` of a write-only sheet, opened by hand so that rows can be written
    as whole lxml elements. Stands in for the sheet's row coroutine (``ws._rows``): openpyxl
    calls ``close()`` when it saves, and ``send(row)`` is its own ``append`` path."""

    def __init__(self, ws: Any) -> None:
        ws._get_writer()
        self.ws = ws
        self.xf = ws._writer.xf.send(True)
        self._data = self.xf.element("sheetData")
        self._data.__enter__()
        self.row = 0
        ws._rows = self

    def write(self, el: Any) -> None:
        self.xf.write(el)

    def send(self, values: Any) -> None:  # openpyxl's way, for cells that need their own style
        self.row += 1
        self.ws._writer.write_row(self.xf, self.ws._values_to_row(values, self.row), self.row)

    def close(self) -> None:
        self._data.__exit__(None, None, None)
        self.ws._writer.xf.send(None)


def _open_stream(ws: Any) -> _RowStream | None:
    if not LXML:
        return None
    try:
        return _RowStream(ws)
    except (AttributeError, TypeError, StopIteration):  # another openpyxl: its own append
        return None


class SheetOut:
    """One write-only sheet with a header row; rows are hashed as they are written.

    Saving the workbook closes it (:meth:`close`), which writes its size into the sheet."""

    def __init__(
        self,
        wb: Workbook,
        title: str,
        headers: Sequence[str],
        types: Sequence[str],
        widths: Sequence[int] | None = None,
        *,
        header_left: str = "",
        lang: str = "id",
    ) -> None:
        self.ws = wb.create_sheet(title)
        self.n_cols = len(headers)
        self._close_ws = self.ws.close
        self.ws.close = self.close  # however the workbook gets saved, the size is written
        self.types = list(types)
        self.hasher = SheetHasher()
        self._protos: list[WriteOnlyCell | None] = []
        self._styles: list[str | None] = []  # style id per column ("s" attribute)
        all_widths: list[float] = []
        for i, t in enumerate(self.types):
            fmt = NUMBER_FORMATS.get(t)
            if fmt is None:
                self._protos.append(None)
                self._styles.append(None)
            else:
                proto = WriteOnlyCell(self.ws)
                proto.number_format = fmt
                self._protos.append(proto)
                self._styles.append(str(proto.style_id))
            width = widths[i] if widths else max(WIDTHS.get(t, 18), min(len(headers[i]) + 2, 30))
            self.ws.column_dimensions[get_column_letter(i + 1)].width = width
            all_widths.append(width)
        self.ws.freeze_panes = "A2"
        print_setup(self.ws, all_widths, lang, header_left)
        self.ws.calculate_dimension = lambda: _MAX_REF  # placeholder, see patch_dimension
        self._default_date_styles: dict[type, str] = {}
        self._letters: list[str] = []
        header_cells = []
        for h in headers:
            c = WriteOnlyCell(self.ws, h)
            c.font = HEADER_FONT
            c.fill = HEADER_FILL
            header_cells.append(c)
        self._stream = _open_stream(self.ws)
        self._send(header_cells)
        self.hasher.add(headers)
        self.rows = 0

    def _send(self, cells: list[Any]) -> None:
        if self._stream is not None:
            self._stream.send(cells)
        else:
            self.ws.append(cells)

    def append(self, values: Sequence[Any], *, error_columns: Iterable[int] = ()) -> None:
        vals = [to_cell_value(v, t) for v, t in zip(values, self.types, strict=False)]
        if len(values) > len(self.types):
            vals += [to_cell_value(v, "") for v in values[len(self.types) :]]
            self.n_cols = max(self.n_cols, len(vals))
        self.hasher.add(vals)
        self.rows += 1
        error_columns = tuple(error_columns)
        if self._stream is not None and not error_columns:
            self._write_fast(vals)
            return
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
        self._send(cells)

    def _letter(self, i: int) -> str:
        while len(self._letters) <= i:
            self._letters.append(get_column_letter(len(self._letters) + 1))
        return self._letters[i]

    def _date_style(self, v: Any) -> str:
        """openpyxl's default number format for a date/time in an untyped column."""
        kind = type(v)
        style = self._default_date_styles.get(kind)
        if style is None:
            style = self._default_date_styles[kind] = str(WriteOnlyCell(self.ws, v).style_id)
        return style

    def _write_fast(self, vals: list[Any]) -> None:
        stream = self._stream
        assert stream is not None
        stream.row += 1
        n = str(stream.row)
        styles = self._styles
        letters = self._letters
        if len(letters) < len(vals):
            self._letter(len(vals) - 1)
        row = Element("row", r=n)
        for i, v in enumerate(vals):
            if v is None:
                continue
            ref = letters[i] + n
            style = styles[i] if i < len(styles) else None
            if isinstance(v, str):
                c = SubElement(row, "c", r=ref, t="inlineStr")
                t = SubElement(SubElement(c, "is"), "t")
                t.text = v
                if v != v.strip():
                    t.set(_XML_SPACE, "preserve")
                continue
            if isinstance(v, bool):
                c = SubElement(row, "c", r=ref, t="b")
                SubElement(c, "v").text = "1" if v else "0"
                continue
            if isinstance(v, int):
                text = str(v)
            elif isinstance(v, Decimal | float):
                text = f"{float(v):.16g}"
            elif isinstance(v, dt.date):  # also dt.datetime
                if style is None:
                    style = self._date_style(v)
                if type(v) is dt.date and v >= _MAR_1900:
                    text = str(v.toordinal() - _EXCEL_DAY0)
                else:
                    text = f"{to_excel(v):.16g}"
            else:
                text = str(v)
            c = (
                SubElement(row, "c", r=ref, t="n")
                if style is None
                else SubElement(row, "c", r=ref, s=style, t="n")
            )
            SubElement(c, "v").text = text
        stream.write(row)

    def digest(self) -> str:
        return self.hasher.hexdigest()

    def close(self) -> None:
        """Finish the sheet's XML and write its real size over the placeholder (openpyxl
        calls this when it saves the workbook)."""
        self._close_ws()
        patch_dimension(self.ws._writer.out, self.rows + 1, self.n_cols)


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

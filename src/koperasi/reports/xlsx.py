"""Excel renderer (openpyxl, write-only mode): one table per sheet, from A1.

Each :class:`~koperasi.reports.model.Table` becomes a sheet with a single header row,
typed cells (money and counts as numbers, dates as dates, percentages as fractions) with
number formats, a frozen header, an autofilter and column widths. Identifiers written in
digits (journal entry numbers, installment numbers, row numbers) are numbers too. Tables
with ``total`` columns get a last row holding the sums of the data rows as VALUES, not
``=SUM()`` formulas: openpyxl cannot store a formula's result, and pandas, openpyxl and
any tool that reads a file without recalculating it see a formula without one as empty.
Key figures go to a "Ringkasan" sheet and an "Info" sheet says what, when, which period
and which cooperative.

Every sheet is set up for printing (:func:`print_setup`): A4, portrait or landscape by the
width of its columns, fitted to the page width, the header row repeated on every page,
page numbers in the footer. Every sheet records its size (``<dimension ref>``), so that
openpyxl's read-only mode returns whole rows.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import math
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.page import PageMargins
from openpyxl.worksheet.properties import PageSetupProperties

from ..services.progress import ProgressCallback, report
from .cells import is_numeric
from .model import Figure, Kind, ReportData, RowKind, T, Table, text

MONEY_FORMAT = '"Rp"#,##0;-"Rp"#,##0'
INT_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.00%"
ID_FORMAT = "0"  # an identifier: no thousands separator

HEADER_FONT = Font(bold=True, color="FFFFFF")
HEADER_FILL = PatternFill("solid", fgColor="1B5E20")
BOLD = Font(bold=True)
SUB_FILL = PatternFill("solid", fgColor="EEF2F5")
TOTAL_BORDER = Border(top=Side(style="thin", color="1B5E20"))
WRAP = Alignment(wrap_text=True, vertical="top")

WORDS = {
    "draft": T("SEMENTARA / DRAF", "PROVISIONAL / DRAFT"),
    "status": T("Status", "Status"),
    "draft_note": T(
        "SEMENTARA / DRAF: periode belum berakhir atau belum ditutup",
        "PROVISIONAL / DRAFT: the period has not ended or is not closed",
    ),
    "info": T("Info", "Info"),
    "summary": T("Ringkasan", "Summary"),
    "item": T("Keterangan", "Item"),
    "value": T("Nilai", "Value"),
    "section": T("Bagian", "Section"),
    "report": T("Laporan", "Report"),
    "cooperative": T("Koperasi", "Cooperative"),
    "legal": T("Badan hukum", "Legal entity number"),
    "address": T("Alamat", "Address"),
    "period": T("Periode", "Period"),
    "from": T("Dari tanggal", "From"),
    "to": T("Sampai tanggal", "To"),
    "created": T("Dibuat", "Created"),
    "sheets": T("Lembar", "Sheets"),
    "note": T("Catatan", "Note"),
    "param": T("Parameter", "Parameter"),
    "anchor": T("Jangkar buku", "Book anchor"),
    "total_note": T(
        "Baris jumlah berisi jumlah baris data di atasnya (nilai, bukan rumus).",
        "Total rows hold the sums of the data rows above them (values, not formulas).",
    ),
    "page": T("Halaman &P dari &N", "Page &P of &N"),
}

PAPER_A4 = 9  # ECMA-376 paperSize code
PORTRAIT_WIDTH = 100  # column widths (characters) that fit A4 portrait at 100 %
LANDSCAPE_WIDTH = 146  # ... and A4 landscape
MIN_SCALE = 0.55  # below this the print is too small to read: the sheet goes wider
MARGINS = dict(left=0.5, right=0.5, top=0.75, bottom=0.75, header=0.3, footer=0.3)  # inches


def _hf_text(value: str, limit: int = 80) -> str:
    """Text for a page header or footer section: ``&`` starts a code there, so it doubles."""
    value = " ".join(value.split())
    if len(value) > limit:
        value = value[: limit - 1] + "…"
    return value.replace("&", "&&")


def print_setup(
    ws: Any,
    widths: Iterable[float],
    lang: str = "id",
    header_left: str = "",
    header_right: str | None = None,
) -> None:
    """Page setup of a write-only sheet whose row 1 is its header row: A4, landscape when
    the columns are wider than a portrait page, fitted to the page width (as many pages
    tall as needed), row 1 repeated on every page, gridlines printed, ``header_left`` (the
    cooperative) and ``header_right`` (default: the sheet's name) at the top of every page
    and "Halaman n dari m" at the bottom.

    A sheet so wide that one page would print it below ``MIN_SCALE`` (the audit workbook's
    loans, 36 columns) is fitted to two or three pages side by side instead, with column A
    (its id) repeated on each and the pages of a band of rows printed one after the other.

    Call it before the sheet's first row is written: fit-to-page lives in the sheet's head.
    """
    ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
    setup = ws.page_setup
    setup.paperSize = PAPER_A4
    total = sum(widths)
    setup.orientation = "landscape" if total > PORTRAIT_WIDTH else "portrait"
    wide = max(1, math.ceil(total * MIN_SCALE / LANDSCAPE_WIDTH))
    setup.fitToWidth = wide
    setup.fitToHeight = 0  # as many pages tall as the rows need
    ws.print_title_rows = "1:1"
    if wide > 1:
        ws.print_title_cols = "A:A"
        setup.pageOrder = "overThenDown"
    ws.print_options.gridLines = True
    ws.page_margins = PageMargins(**MARGINS)
    if header_left:
        ws.oddHeader.left.text = _hf_text(header_left)
    ws.oddHeader.right.text = "&A" if header_right is None else _hf_text(header_right)
    ws.oddFooter.center.text = WORDS["page"].get(lang)


def set_dimension(ws: Any, n_rows: int, n_cols: int) -> None:
    """Make a write-only sheet record its size (``<dimension ref="A1:H120"/>``), which it
    writes before its first row. openpyxl writes none for write-only sheets, and without it
    its read-only mode does not know the sheet's width: rows come back cut after their last
    value. Call it before the first row is written."""
    ref = f"A1:{get_column_letter(max(n_cols, 1))}{max(n_rows, 1)}"
    ws.calculate_dimension = lambda: ref


_BAD_SHEET_CHARS = re.compile(r"[\[\]:*?/\\]")
_STEP = 2000  # rows between progress reports


def _sheet_name(raw: str, used: set[str]) -> str:
    name = _BAD_SHEET_CHARS.sub("-", raw).strip("'") or "Sheet"
    name = name[:31]
    base, n = name, 2
    while name.lower() in used:
        suffix = f" ({n})"
        name = base[: 31 - len(suffix)] + suffix
        n += 1
    used.add(name.lower())
    return name


def _typed(value: Any, kind: Kind, lang: str) -> Any:
    """The value as a spreadsheet cell holds it."""
    if value is None or kind is Kind.BLANK:
        return None
    if isinstance(value, T):
        return value.get(lang)
    if kind is Kind.MONEY or kind is Kind.INT:
        return int(value)
    if kind is Kind.PERCENT:
        return Decimal(value) / 100
    if kind is Kind.DATE and isinstance(value, dt.date | dt.datetime):
        return value
    return text(value, lang)


def _number_format(kind: Kind) -> str | None:
    return {
        Kind.MONEY: MONEY_FORMAT,
        Kind.INT: INT_FORMAT,
        Kind.DATE: DATE_FORMAT,
        Kind.PERCENT: PERCENT_FORMAT,
    }.get(kind)


def _width(kind: Kind, label: str, samples: Iterable[Any], lang: str) -> float:
    if kind is Kind.MONEY:
        return max(16.0, len(label) + 2)
    if kind is Kind.DATE:
        return max(12.0, len(label) + 2)
    if kind in (Kind.INT, Kind.PERCENT):
        return max(10.0, len(label) + 2)
    if kind is Kind.BLANK:
        return max(14.0, len(label) + 2)
    longest = max((len(text(v, lang)) for v in samples), default=0)
    return float(min(60, max(len(label) + 2, longest + 2, 8)))


_ID_TEXT = re.compile(r"[1-9][0-9]{0,14}")  # digits, no leading zero, exact as a float


def _is_id(value: Any) -> bool:
    if isinstance(value, bool):
        return False
    if isinstance(value, int):
        return 0 < value < 10**15
    return isinstance(value, str) and _ID_TEXT.fullmatch(value) is not None


def id_columns(table: Table) -> set[int]:
    """The text columns that hold identifiers written in digits (a journal entry number,
    an installment or row number): every non-empty value of their data rows is a whole
    number without a leading zero, and there is at least one. A column with a code such as
    ``1.01``, ``A00012`` or a NIK ``0123...`` stays text."""
    out: set[int] = set()
    for i, c in enumerate(table.columns):
        if c.kind is not Kind.TEXT:
            continue
        seen = False
        for r in table.rows:
            if r.kind is not RowKind.DATA:
                continue
            v = r.cells[i]
            if v is None or v == "":
                continue
            if not _is_id(v):
                break
            seen = True
        else:
            if seen:
                out.add(i)
    return out


def _label_column(table: Table, ids: set[int]) -> int | None:
    """Where a total row's label goes: beside the numbers it labels, in the last text
    column before the first summed column (the name, not the code, of "Kode | Komponen
    ekuitas | Saldo awal ..."); else the first text column; else the first column that is
    not a number."""
    cols = table.columns
    first_total = next((i for i, c in enumerate(cols) if c.total), len(cols))
    texts = [i for i, c in enumerate(cols) if c.kind is Kind.TEXT and i not in ids]
    before = [i for i in texts if i < first_total]
    if before:
        return before[-1]
    if texts:
        return texts[0]
    return next(
        (i for i, c in enumerate(cols) if not is_numeric(c.kind) and i not in ids and not c.total),
        None,
    )


def _write_table(wb: Workbook, table: Table, lang: str, used: set[str], tick, head) -> str:
    title = text(table.sheet or table.title, lang) or table.key
    ws = wb.create_sheet(_sheet_name(title, used))
    cols = table.columns
    n_rows = len(table.rows)
    last_col = get_column_letter(len(cols))
    sample = table.rows[:200]
    ids = id_columns(table)
    widths = []
    for i, c in enumerate(cols):
        w = _width(c.kind, text(c.label, lang), (r.cells[i] for r in sample), lang)
        widths.append(w)
        ws.column_dimensions[get_column_letter(i + 1)].width = w
    with_totals = table.has_totals and n_rows > 0
    set_dimension(ws, 1 + n_rows + (1 if with_totals else 0), len(cols))
    print_setup(ws, widths, lang, *head)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_col}{max(n_rows + 1, 1)}"
    header = []
    for i, c in enumerate(cols):
        cell = WriteOnlyCell(ws, value=text(c.label, lang))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        right = is_numeric(c.kind) or i in ids
        cell.alignment = Alignment(horizontal="right" if right else "left")
        header.append(cell)
    ws.append(header)
    formats = [ID_FORMAT if i in ids else _number_format(c.kind) for i, c in enumerate(cols)]
    kinds = [c.kind for c in cols]

    def typed(i: int, value: Any) -> Any:
        if i in ids and _is_id(value):
            return int(value)
        return _typed(value, kinds[i], lang)

    for n, row in enumerate(table.rows, start=1):
        if row.kind is RowKind.DATA:
            out = []
            for i, (value, fmt) in enumerate(zip(row.cells, formats, strict=True)):
                v = typed(i, value)
                if fmt is None or v is None or isinstance(v, str):
                    out.append(v)
                else:
                    cell = WriteOnlyCell(ws, value=v)
                    cell.number_format = fmt
                    out.append(cell)
            ws.append(out)
        else:
            out = []
            for i, (value, fmt) in enumerate(zip(row.cells, formats, strict=True)):
                cell = WriteOnlyCell(ws, value=typed(i, value))
                cell.font = BOLD
                if row.kind is RowKind.SUBTOTAL:
                    cell.fill = SUB_FILL
                if fmt:
                    cell.number_format = fmt
                out.append(cell)
            ws.append(out)
        if n % _STEP == 0:
            tick(_STEP)
    tick(n_rows % _STEP)
    if with_totals:
        totals = table.totals()
        label_at = _label_column(table, ids)
        out = []
        for i, (c, fmt) in enumerate(zip(cols, formats, strict=True)):
            if c.total:
                cell = WriteOnlyCell(ws, value=int(totals[c.key]))
                cell.number_format = fmt or INT_FORMAT
            elif i == label_at:
                cell = WriteOnlyCell(ws, value=text(table.total_label, lang))
            else:
                cell = WriteOnlyCell(ws, value=None)
            cell.font = BOLD
            cell.border = TOTAL_BORDER
            out.append(cell)
        ws.append(out)
    return ws.title


def _write_summary(wb: Workbook, data: ReportData, lang: str, used: set[str], head) -> None:
    figures: list[tuple[str, Figure]] = [
        (text(s.title, lang), f) for s in data.sections for f in s.figures
    ]
    if not figures:
        return
    ws = wb.create_sheet(_sheet_name(WORDS["summary"].get(lang), used))
    widths = (30, 48, 20)
    for letter, w in zip("ABC", widths, strict=True):
        ws.column_dimensions[letter].width = w
    set_dimension(ws, len(figures) + 1, 3)
    print_setup(ws, widths, lang, *head)
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:C{len(figures) + 1}"
    header = []
    for label in (WORDS["section"], WORDS["item"], WORDS["value"]):
        cell = WriteOnlyCell(ws, value=label.get(lang))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header.append(cell)
    ws.append(header)
    for section_title, f in figures:
        cell = WriteOnlyCell(ws, value=_typed(f.value, f.kind, lang))
        fmt = _number_format(f.kind)
        if fmt:
            cell.number_format = fmt
        ws.append([section_title or None, text(f.label, lang), cell])


def _write_info(
    wb: Workbook,
    data: ReportData,
    lang: str,
    used: set[str],
    sheets: list[str],
    head,
) -> None:
    lines: list[tuple[T, Any, str | None]] = []

    def line(label: T, value: Any, fmt: str | None = None) -> None:
        lines.append((label, value, fmt))

    line(WORDS["report"], text(data.title, lang))
    if data.draft:
        line(WORDS["status"], WORDS["draft_note"].get(lang))
    if data.subtitle:
        line(WORDS["note"], text(data.subtitle, lang))
    if data.period is not None:
        line(WORDS["period"], text(data.period.label, lang))
        line(WORDS["from"], data.period.start, DATE_FORMAT)
        line(WORDS["to"], data.period.end, DATE_FORMAT)
    line(WORDS["cooperative"], data.org.name)
    if data.org.legal_number:
        line(WORDS["legal"], data.org.legal_number)
    if data.org.address:
        line(WORDS["address"], data.org.address)
    line(WORDS["created"], data.generated_at, "DD/MM/YYYY HH:MM")
    if data.anchor:
        line(WORDS["anchor"], data.anchor)
    for key, value in data.params:
        line(WORDS["param"], f"{key} = {value}")
    line(WORDS["sheets"], ", ".join(sheets))
    for section in data.sections:
        for note in section.notes:
            line(WORDS["note"], text(note, lang))
    if any(t.has_totals for t in data.tables()):
        line(WORDS["note"], WORDS["total_note"].get(lang))

    ws = wb.create_sheet(_sheet_name(WORDS["info"].get(lang), used))
    widths = (22, 76)
    ws.column_dimensions["A"].width = widths[0]
    ws.column_dimensions["B"].width = widths[1]
    set_dimension(ws, len(lines) + 1, 2)
    print_setup(ws, widths, lang, *head)
    header = []
    for label in (WORDS["item"], WORDS["value"]):
        cell = WriteOnlyCell(ws, value=label.get(lang))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header.append(cell)
    ws.freeze_panes = "A2"
    ws.append(header)
    for label, value, fmt in lines:
        cell = WriteOnlyCell(ws, value=value)
        if fmt:
            cell.number_format = fmt
        cell.alignment = WRAP
        ws.append([label.get(lang), cell])


def page_header(data: ReportData, lang: str) -> tuple[str, str]:
    """The printed page header of a report's sheets: the cooperative on the left, the
    report and its period on the right."""
    title = text(data.title, lang)
    if data.period is not None:
        title = f"{title} – {text(data.period.label, lang)}"
    return data.org.name, title


def _mark_draft(wb: Workbook, lang: str) -> None:
    """A report not final: "SEMENTARA / DRAF" in the printed header of every sheet's pages
    and a red sheet tab (the Info sheet says so in words)."""
    for ws in wb.worksheets:
        for header in (ws.oddHeader, ws.evenHeader, ws.firstHeader):
            header.center.text = WORDS["draft"].get(lang)
            header.center.color = "B00020"
            header.center.size = 14
        ws.sheet_properties.tabColor = "B00020"


def render_xlsx(
    data: ReportData,
    path: str | Path,
    lang: str = "id",
    progress: ProgressCallback | None = None,
) -> Path:
    """Write ``data`` as an .xlsx workbook at ``path``; raises ``Cancelled`` if asked to."""
    path = Path(path)
    wb = Workbook(write_only=True)
    used: set[str] = {WORDS["info"].get(lang).lower()}
    total = max(data.row_count(), 1)
    done = 0
    message = T("Menulis buku kerja", "Writing the workbook").get(lang)
    report(progress, 0, total, message)
    head = page_header(data, lang)

    def tick(n: int) -> None:
        nonlocal done
        done += n
        report(progress, min(done, total), total, message)

    try:
        sheets = [_write_table(wb, t, lang, used, tick, head) for t in data.tables()]
    except BaseException:
        for ws in wb._sheets:  # finish the half-written sheets' streams before giving up
            with contextlib.suppress(Exception):
                ws.close()
        raise
    _write_summary(wb, data, lang, used, head)
    used.discard(WORDS["info"].get(lang).lower())
    _write_info(wb, data, lang, used, sheets, head)
    if data.draft:
        _mark_draft(wb, lang)
    wb.save(str(path))
    report(progress, total, total, message)
    return path


__all__ = [
    "render_xlsx",
    "print_setup",
    "set_dimension",
    "id_columns",
    "MONEY_FORMAT",
    "DATE_FORMAT",
    "ID_FORMAT",
]

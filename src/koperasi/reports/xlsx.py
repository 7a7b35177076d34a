"""Excel renderer (openpyxl, write-only mode): one table per sheet, from A1.

Each :class:`~koperasi.reports.model.Table` becomes a sheet with a single header row,
typed cells (money and counts as numbers, dates as dates, percentages as fractions) with
number formats, a frozen header, an autofilter and column widths. Tables with ``total``
columns get a last row of ``=SUM()`` formulas over the data rows. Key figures go to a
"Ringkasan" sheet and an "Info" sheet says what, when, which period and which cooperative.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Iterable
from decimal import Decimal
from pathlib import Path
from typing import Any

from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.styles import Alignment, Border, Font, PatternFill, Side
from openpyxl.utils import get_column_letter

from ..services.progress import ProgressCallback, report
from .cells import is_numeric
from .model import Figure, Kind, ReportData, RowKind, T, Table, text

MONEY_FORMAT = '"Rp"#,##0;-"Rp"#,##0'
INT_FORMAT = "#,##0"
DATE_FORMAT = "DD/MM/YYYY"
PERCENT_FORMAT = "0.00%"

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
    "formula_note": T(
        "Baris jumlah berisi rumus =SUM() atas baris data di atasnya.",
        "Total rows hold =SUM() formulas over the data rows above them.",
    ),
}

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


def _write_table(wb: Workbook, table: Table, lang: str, used: set[str], tick) -> str:  # type: ignore[no-untyped-def]
    title = text(table.sheet or table.title, lang) or table.key
    ws = wb.create_sheet(_sheet_name(title, used))
    cols = table.columns
    n_rows = len(table.rows)
    last_col = get_column_letter(len(cols))
    sample = table.rows[:200]
    for i, c in enumerate(cols):
        ws.column_dimensions[get_column_letter(i + 1)].width = _width(
            c.kind, text(c.label, lang), (r.cells[i] for r in sample), lang
        )
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = f"A1:{last_col}{max(n_rows + 1, 1)}"
    header = []
    for c in cols:
        cell = WriteOnlyCell(ws, value=text(c.label, lang))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        cell.alignment = Alignment(horizontal="right" if is_numeric(c.kind) else "left")
        header.append(cell)
    ws.append(header)
    formats = [_number_format(c.kind) for c in cols]
    for n, row in enumerate(table.rows, start=1):
        if row.kind is RowKind.DATA:
            out = []
            for value, c, fmt in zip(row.cells, cols, formats, strict=True):
                v = _typed(value, c.kind, lang)
                if fmt is None or v is None:
                    out.append(v)
                else:
                    cell = WriteOnlyCell(ws, value=v)
                    cell.number_format = fmt
                    out.append(cell)
            ws.append(out)
        else:
            out = []
            for value, c, fmt in zip(row.cells, cols, formats, strict=True):
                cell = WriteOnlyCell(ws, value=_typed(value, c.kind, lang))
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
    if table.has_totals and n_rows:
        out = []
        label_done = False
        for i, (c, fmt) in enumerate(zip(cols, formats, strict=True)):
            letter = get_column_letter(i + 1)
            if c.total:
                cell = WriteOnlyCell(ws, value=f"=SUM({letter}2:{letter}{n_rows + 1})")
                cell.number_format = fmt or INT_FORMAT
            elif not label_done and not is_numeric(c.kind):
                cell = WriteOnlyCell(ws, value=text(table.total_label, lang))
                label_done = True
            else:
                cell = WriteOnlyCell(ws, value=None)
            cell.font = BOLD
            cell.border = TOTAL_BORDER
            out.append(cell)
        ws.append(out)
    return ws.title


def _write_summary(wb: Workbook, data: ReportData, lang: str, used: set[str]) -> None:
    figures: list[tuple[str, Figure]] = [
        (text(s.title, lang), f) for s in data.sections for f in s.figures
    ]
    if not figures:
        return
    ws = wb.create_sheet(_sheet_name(WORDS["summary"].get(lang), used))
    ws.column_dimensions["A"].width = 30
    ws.column_dimensions["B"].width = 48
    ws.column_dimensions["C"].width = 20
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
        ws.append([section_title, text(f.label, lang), cell])


def _write_info(
    wb: Workbook, data: ReportData, lang: str, used: set[str], sheets: list[str]
) -> None:
    ws = wb.create_sheet(_sheet_name(WORDS["info"].get(lang), used))
    ws.column_dimensions["A"].width = 22
    ws.column_dimensions["B"].width = 80
    header = []
    for label in (WORDS["item"], WORDS["value"]):
        cell = WriteOnlyCell(ws, value=label.get(lang))
        cell.font = HEADER_FONT
        cell.fill = HEADER_FILL
        header.append(cell)
    ws.freeze_panes = "A2"
    ws.append(header)

    def line(label: T, value: Any, fmt: str | None = None) -> None:
        cell = WriteOnlyCell(ws, value=value)
        if fmt:
            cell.number_format = fmt
        cell.alignment = WRAP
        ws.append([label.get(lang), cell])

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
    for key, value in data.params:
        line(WORDS["param"], f"{key} = {value}")
    line(WORDS["sheets"], ", ".join(sheets))
    for section in data.sections:
        for note in section.notes:
            line(WORDS["note"], text(note, lang))
    if any(t.has_totals for t in data.tables()):
        line(WORDS["note"], WORDS["formula_note"].get(lang))


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

    def tick(n: int) -> None:
        nonlocal done
        done += n
        report(progress, min(done, total), total, message)

    try:
        sheets = [_write_table(wb, t, lang, used, tick) for t in data.tables()]
    except BaseException:
        for ws in wb._sheets:  # finish the half-written sheets' streams before giving up
            with contextlib.suppress(Exception):
                ws.close()
        raise
    _write_summary(wb, data, lang, used)
    used.discard(WORDS["info"].get(lang).lower())
    _write_info(wb, data, lang, used, sheets)
    if data.draft:
        _mark_draft(wb, lang)
    wb.save(str(path))
    report(progress, total, total, message)
    return path


__all__ = ["render_xlsx", "MONEY_FORMAT", "DATE_FORMAT"]

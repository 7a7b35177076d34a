"""What an import preview shows: the file's rows beside the problems found in them.

:func:`preview_rows` reads back a validated file (after :func:`~.importing.preview_import`)
and returns a short, plain table for a screen: the header row as written in the file, and
for each shown row its Excel row number, the error text (column and problem, in the
requested language; empty when the row is valid) and the cell values as text. Rows with
errors come first in priority (up to ``max_errors`` of them), then valid rows up to
``max_valid``, in file order; a file of 100,000 rows is streamed, never held.

For an audit workbook (many sheets) the table lists the errors themselves: row, sheet and
column, problem.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..errors import KoperasiError
from ..messages.text import pick
from .import_report import ImportReport
from .importing import open_and_map
from .importing import sheet_data_rows as data_rows

MAX_VALID = 200
MAX_ERRORS = 1000


@dataclass(frozen=True)
class PreviewRow:
    row: int  # Excel row number (0 for a problem about the whole file)
    errors: str  # "" when the row is valid
    values: tuple[str, ...]

    @property
    def ok(self) -> bool:
        return not self.errors


@dataclass(frozen=True)
class ImportPreview:
    report: ImportReport
    headers: tuple[str, ...]  # the file's column headers (empty for an audit workbook)
    rows: tuple[PreviewRow, ...]
    shown_errors: int
    shown_valid: int

    @property
    def truncated(self) -> bool:
        rep = self.report
        return self.shown_errors < len(rep.error_rows) or self.shown_valid < rep.valid_rows


def _cell_text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0):
            return value.date().strftime("%d/%m/%Y")
        return value.strftime("%d/%m/%Y %H:%M")
    if isinstance(value, dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, bool):
        return "ya" if value else "tidak"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def error_text(rep: ImportReport, lang: str = "id") -> dict[int, str]:
    """Excel row -> ``"column: problem; column: problem"``."""
    out: dict[int, str] = {}
    for rowno, errs in rep.errors_by_row().items():
        out[rowno] = "; ".join(
            (f"{e.column}: " if e.column else "") + e.error.message(lang) for e in errs
        )
    return out


def preview_rows(
    rep: ImportReport,
    lang: str = "id",
    *,
    max_valid: int = MAX_VALID,
    max_errors: int = MAX_ERRORS,
) -> ImportPreview:
    """The rows of ``rep``'s file to show beside their errors (see the module docstring)."""
    texts = error_text(rep, lang)
    if rep.file_errors:
        rows = [PreviewRow(0, e.message(lang), ()) for e in rep.file_errors]
        return ImportPreview(rep, (), tuple(rows), len(rows), 0)
    if not rep.sheet:  # audit workbook: the errors themselves
        rows = [
            PreviewRow(e.row, e.error.message(lang), (e.column,)) for e in rep.errors[:max_errors]
        ]
        return ImportPreview(rep, (pick(("kolom", "column"), lang),), tuple(rows), len(rows), 0)
    headers = tuple(rep.headers)
    shown: list[PreviewRow] = []
    n_err = n_ok = 0
    wb = None
    try:
        _kind, wb, m = open_and_map(rep.kind, rep.path, ImportReport(rep.kind, rep.path))
        if m is None:  # the file changed on disk since it was checked
            return ImportPreview(rep, headers, (), 0, 0)
        for rowno, values, _f in data_rows(wb, m):
            if rowno in rep.error_rows:
                if n_err >= max_errors:
                    continue
                n_err += 1
                text = texts.get(rowno, "")
            elif n_ok < max_valid:
                n_ok += 1
                text = ""
            elif n_err >= min(max_errors, len(rep.error_rows)):
                break
            else:
                continue
            vals = tuple(_cell_text(v) for v in values[: len(headers)])
            shown.append(PreviewRow(rowno, text, vals))
    except KoperasiError as exc:  # the file changed on disk since it was checked
        return ImportPreview(rep, (), (PreviewRow(0, exc.message(lang), ()),), 1, 0)
    finally:
        if wb is not None:
            wb.close()
    return ImportPreview(rep, headers, tuple(shown), n_err, n_ok)


def summary_counts(rep: ImportReport) -> dict[str, int]:
    """Counts a result page shows."""
    return {
        "total": rep.total_rows,
        "valid": rep.valid_rows,
        "errors": len(rep.error_rows),
        "written": rep.written,
    }


__all__ = ["ImportPreview", "PreviewRow", "error_text", "preview_rows", "summary_counts"]

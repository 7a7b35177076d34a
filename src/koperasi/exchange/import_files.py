"""The files around an import: the empty template of a kind and the error report (the file's
rows with an error column)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from ..messages.text import T, text
from .import_report import ImportReport
from .importing import kind_class
from .xlsxin import Workbook

GUIDE_HEADS = (
    T("kolom", "column"),
    T("wajib", "required"),
    "format",
    T("contoh", "example"),
    T("nama lain", "other names"),
)
# how a field's type is written in the template's instructions
FORMATS = {
    "text": T("teks", "text"),
    "nik": T("teks 16 digit", "16-digit text"),
    "date": T(
        "tanggal (tanggal Excel, dd/mm/yyyy atau yyyy-mm-dd)",
        "date (Excel date, dd/mm/yyyy or yyyy-mm-dd)",
    ),
    "money": T("rupiah bulat (1250000 atau 1.250.000)", "whole rupiah (1250000 or 1.250.000)"),
    "int": T("bilangan bulat", "whole number"),
}


def write_template(kind: str, path: str | os.PathLike[str], lang: str = "id") -> Path:
    """An empty import workbook for ``kind``: the data sheet (headers + one example row)
    and a sheet of instructions (column, required, format, example)."""
    from .xlsxout import SheetOut, new_workbook, save_atomic

    k = kind_class(kind)()
    wb = new_workbook()
    headers = [text(T(f.label_id, f.label_en), lang) for f in k.fields]
    types = [
        "date" if f.type == "date" else "money" if f.type == "money" else "text" for f in k.fields
    ]
    data = SheetOut(wb, text(T(k.titles[0], k.titles[1]), lang), headers, types, lang=lang)
    data.append([f.example if f.example != "" else None for f in k.fields])
    guide = SheetOut(
        wb,
        text(T("Petunjuk", "Instructions"), lang),
        [text(h, lang) for h in GUIDE_HEADS],
        ["text"] * 5,
        widths=[26, 8, 46, 22, 60],
        lang=lang,
    )
    for f in k.fields:
        fmt = text(FORMATS.get(f.type, f.type), lang)
        hint = text(T(f.hint_id, f.hint_en), lang)
        guide.append(
            [
                text(T(f.label_id, f.label_en), lang),
                text(T("ya", "yes") if f.required else T("tidak", "no"), lang),
                f"{fmt}; {hint}" if hint else fmt,
                f.example.strftime("%d/%m/%Y")
                if isinstance(f.example, dt.date)
                else (None if f.example in (None, "") else str(f.example)),
                # the column's name in the other language is one of its other names
                ", ".join([f.key, text(T(f.label_en, f.label_id), lang), *f.aliases]),
            ]
        )
    return save_atomic(wb, path)


def write_error_report(rep: ImportReport, path: str | os.PathLike[str], lang: str = "id") -> Path:
    """The rows that have errors, as in the file, with a ``kesalahan`` column in front."""
    from .xlsxout import SheetOut, new_workbook, save_atomic

    wb = new_workbook()
    first = [text(T("baris", "row"), lang), text(T("kesalahan", "errors"), lang)]
    sheet = text(T("Kesalahan", "Errors"), lang)
    if rep.file_errors or not rep.sheet:
        out = SheetOut(wb, sheet, first, ["int", "text"], widths=[8, 100], lang=lang)
        for fe in rep.file_errors:
            out.append([None, fe.message(lang)])
        for e in rep.errors:
            out.append([e.row, e.message(lang)])
        return save_atomic(wb, path)
    by_row = rep.errors_by_row()
    headers = rep.headers
    out = SheetOut(
        wb,
        sheet,
        first + headers,
        ["int", "text"] + ["text"] * len(headers),
        widths=[8, 70] + [18] * len(headers),
        lang=lang,
    )
    with Workbook(rep.path) as wb_in:
        for rowno, values, _f in wb_in.rows(rep.sheet, max_col=len(headers) or None):
            if rowno not in rep.error_rows:
                continue
            errs = by_row.get(rowno, [])
            problems = "; ".join(
                (f"{e.column}: " if e.column else "") + e.error.message(lang) for e in errs
            )
            vals = [
                v if not isinstance(v, dt.datetime) or v.time() != dt.time(0) else v.date()
                for v in values
            ]
            out.append([rowno, problems, *vals], error_columns=[1])
    return save_atomic(wb, path)

"""The files around an import: the empty template of a kind and the error report (the file's
rows with an error column)."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

from .import_report import ImportReport
from .importing import kind_class
from .xlsxin import Workbook


def write_template(kind: str, path: str | os.PathLike[str], lang: str = "id") -> Path:
    """An empty import workbook for ``kind``: the data sheet (headers + one example row)
    and a sheet of instructions (column, required, format, example)."""
    from .xlsxout import SheetOut, new_workbook, save_atomic

    k = kind_class(kind)()
    id_ = lang == "id"
    wb = new_workbook()
    headers = [f.label_id if id_ else f.label_en for f in k.fields]
    types = [
        "date" if f.type == "date" else "money" if f.type == "money" else "text" for f in k.fields
    ]
    data = SheetOut(wb, k.titles[0] if id_ else k.titles[1], headers, types, lang=lang)
    data.append([f.example if f.example != "" else None for f in k.fields])
    guide = SheetOut(
        wb,
        "Petunjuk" if id_ else "Instructions",
        ["kolom", "wajib", "format", "contoh", "nama lain"]
        if id_
        else ["column", "required", "format", "example", "other names"],
        ["text"] * 5,
        widths=[26, 8, 46, 22, 60],
        lang=lang,
    )
    fmt_names = {
        "text": ("teks", "text"),
        "nik": ("teks 16 digit", "16-digit text"),
        "date": (
            "tanggal (tanggal Excel, dd/mm/yyyy atau yyyy-mm-dd)",
            "date (Excel date, dd/mm/yyyy or yyyy-mm-dd)",
        ),
        "money": ("rupiah bulat (1250000 atau 1.250.000)", "whole rupiah (1250000 or 1.250.000)"),
        "int": ("bilangan bulat", "whole number"),
    }
    for f in k.fields:
        fmt = fmt_names.get(f.type, (f.type, f.type))[0 if id_ else 1]
        hint = f.hint_id if id_ else f.hint_en
        guide.append(
            [
                f.label_id if id_ else f.label_en,
                ("ya" if id_ else "yes") if f.required else ("tidak" if id_ else "no"),
                f"{fmt}; {hint}" if hint else fmt,
                f.example.strftime("%d/%m/%Y")
                if isinstance(f.example, dt.date)
                else (None if f.example in (None, "") else str(f.example)),
                ", ".join([f.key, f.label_en if id_ else f.label_id, *f.aliases]),
            ]
        )
    return save_atomic(wb, path)


def write_error_report(rep: ImportReport, path: str | os.PathLike[str], lang: str = "id") -> Path:
    """The rows that have errors, as in the file, with a ``kesalahan`` column in front."""
    from .xlsxout import SheetOut, new_workbook, save_atomic

    id_ = lang == "id"
    wb = new_workbook()
    first = ["baris" if id_ else "row", "kesalahan" if id_ else "errors"]
    if rep.file_errors or not rep.sheet:
        out = SheetOut(
            wb, "Kesalahan" if id_ else "Errors", first, ["int", "text"], widths=[8, 100], lang=lang
        )
        for fe in rep.file_errors:
            out.append([None, fe.message(lang)])
        for e in rep.errors:
            out.append([e.row, e.message(lang)])
        return save_atomic(wb, path)
    by_row = rep.errors_by_row()
    headers = rep.headers
    out = SheetOut(
        wb,
        "Kesalahan" if id_ else "Errors",
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
            text = "; ".join(
                (f"{e.column}: " if e.column else "") + e.error.message(lang) for e in errs
            )
            vals = [
                v if not isinstance(v, dt.datetime) or v.time() != dt.time(0) else v.date()
                for v in values
            ]
            out.append([rowno, text, *vals], error_columns=[1])
    return save_atomic(wb, path)

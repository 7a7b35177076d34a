"""Reading a bank statement file (rekening koran / mutasi rekening) exported by an
Indonesian bank: CSV or the first sheet of an XLSX, into cells (:func:`read_cells`).

Which columns mean what (the layouts of BCA, BRI, Mandiri and BNI, a saved mapping for
another bank) and how amounts and dates are read is :mod:`koperasi.domain.bank_statement`;
the rows are imported into a bank account by :mod:`koperasi.services.bank_import`.
"""

from __future__ import annotations

import csv
import datetime as dt
import io
from pathlib import Path

from ..db.database import Database
from ..domain.bank_statement import (
    FIELDS,
    MAX_ROWS,
    PRESETS,
    Cells,
    Layout,
    ParsedStatement,
    StatementRow,
    parse_amount,
    parse_cells,
)
from ..errors import ValidationError
from ..services import bank_import
from ..services.auth import Actor
from ..services.bank import ImportReport
from ..services.progress import ProgressCallback

# ---------------------------------------------------------------- reading cells


def read_cells(path: str | Path) -> Cells:
    """(row number, cell values) of the first sheet of an XLSX, or of a CSV file
    (separator ``,`` ``;`` or tab, UTF-8 or Windows-1252)."""
    p = Path(path)
    if not p.exists() or not p.is_file():
        raise ValidationError("file", "file_missing", path=str(path))
    with p.open("rb") as f:
        head = f.read(8)
    if head.startswith(b"PK\x03\x04") or head.startswith(b"\xd0\xcf\x11\xe0"):
        from .xlsxin import Workbook

        with Workbook(p) as wb:
            title = wb.sheet_names[0]
            out: Cells = []
            for n, row, _missing in wb.rows(title):
                out.append((n, row))
                if len(out) > MAX_ROWS:
                    raise ValidationError("file", "bank_too_many_rows", max=MAX_ROWS)
            return out
    raw = p.read_bytes()
    if len(raw) > 20 * 1024 * 1024:
        raise ValidationError("file", "bank_too_many_rows", max=MAX_ROWS)
    for enc in ("utf-8-sig", "cp1252"):
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    if "\x00" in text:
        raise ValidationError("file", "file_wrong_type", path=p.name)
    sample = text[:4096]
    try:
        dialect = csv.Sniffer().sniff(sample, delimiters=",;\t|")
        delim = dialect.delimiter
    except csv.Error:
        delim = ";" if sample.count(";") > sample.count(",") else ","
    out = []
    for n, fields in enumerate(csv.reader(io.StringIO(text), delimiter=delim), start=1):
        if any(c.strip() for c in fields):
            out.append((n, tuple(fields)))
        if len(out) > MAX_ROWS:
            raise ValidationError("file", "bank_too_many_rows", max=MAX_ROWS)
    return out


def parse_statement(
    path: str | Path, mapping: Layout | None = None, default_year: int | None = None
) -> ParsedStatement:
    """The statement in the file (see :func:`koperasi.domain.bank_statement.parse_cells`)."""
    return parse_cells(read_cells(path), mapping, default_year)


def import_statement(
    db: Database,
    actor: Actor,
    code: str,
    path: str | Path,
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import a statement file into a bank account (:func:`..services.bank_import.import_cells`
    reads it with :func:`read_cells` once the account is known)."""
    return bank_import.import_cells(
        db, actor, code, Path(path).name, lambda: read_cells(path), dry_run, progress
    )


def write_sample(
    path: str | Path, bank: str, rows: list[tuple[dt.date, str, int, int]], number: str = ""
) -> Path:
    """A statement as ``bank`` exports it (bri: CSV with Debet/Kredit; bca: CSV with
    ``Jumlah`` and CR/DB; mandiri: XLSX; bni: CSV with Tipe D/K): for the demo and tests.
    ``rows``: (date, description, signed amount, balance)."""
    p = Path(path)

    def idr(n: int) -> str:
        return f"{abs(n):,}.00"

    if bank == "mandiri":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.append(["Rekening Koran", number])
        ws.append(["Tanggal", "Keterangan", "Debit", "Kredit", "Saldo"])
        for d, desc, amt, bal in rows:
            ws.append(
                [
                    d.strftime("%d/%m/%Y"),
                    desc,
                    -amt if amt < 0 else None,
                    amt if amt > 0 else None,
                    bal,
                ]
            )
        wb.save(p)
        return p
    out = io.StringIO()
    w = csv.writer(out)
    if bank == "bca":
        w.writerow(["Informasi Rekening - Mutasi Rekening"])
        w.writerow(["No. rekening :", number])
        first = min(r[0] for r in rows) if rows else dt.date.today()
        last = max(r[0] for r in rows) if rows else first
        w.writerow(["Periode :", f"{first:%d/%m/%Y} - {last:%d/%m/%Y}"])
        w.writerow(["Tanggal Transaksi", "Keterangan", "Cabang", "Jumlah", "Saldo"])
        for d, desc, amt, bal in rows:
            w.writerow(
                [f"'{d:%d/%m}", desc, "'0000", f"{idr(amt)} {'CR' if amt > 0 else 'DB'}", idr(bal)]
            )
    elif bank == "bni":
        w.writerow(["Tanggal Transaksi", "Uraian Transaksi", "Tipe", "Nominal", "Saldo Akhir"])
        for d, desc, amt, bal in rows:
            w.writerow([f"{d:%d/%m/%Y}", desc, "K" if amt > 0 else "D", idr(amt), idr(bal)])
    else:
        w.writerow(["Tanggal Transaksi", "Uraian Transaksi", "Teller", "Debet", "Kredit", "Saldo"])
        for d, desc, amt, bal in rows:
            w.writerow(
                [
                    f"{d:%d/%m/%y}",
                    desc,
                    "8888",
                    idr(-amt) if amt < 0 else "0.00",
                    idr(amt) if amt > 0 else "0.00",
                    idr(bal),
                ]
            )
    p.write_text(out.getvalue(), encoding="utf-8")
    return p


__all__ = [
    "FIELDS",
    "PRESETS",
    "write_sample",
    "ParsedStatement",
    "StatementRow",
    "import_statement",
    "parse_amount",
    "parse_statement",
    "read_cells",
]

"""Reading a bank statement (rekening koran / mutasi rekening) exported by an Indonesian
bank as CSV or XLSX, into plain rows: date, description, signed amount (into the account
positive), balance.

The columns are found by their header (the first row naming a date column and either
debit and credit columns, or an amount column), with the usual names of the common
exports:

- BCA (KlikBCA / KlikBCA Bisnis): Tanggal Transaksi, Keterangan, Cabang, Jumlah
  (``1,500,000.00 CR`` / ``250,000.00 DB``, or the DB/CR mark in its own column), Saldo;
  the date may come without its year (``'02/01``): the year of the ``Periode`` line above
  the header is used;
- BRI (BRI Internet Banking / BRImo): Tanggal Transaksi, Uraian Transaksi, Teller, Debet,
  Kredit, Saldo;
- Mandiri (Livin' / e-statement): Tanggal, Keterangan, Debit, Kredit, Saldo;
- BNI (BNI Internet Banking): Tanggal Transaksi, Uraian Transaksi, Tipe (D/K or Db/Cr),
  Nominal, Saldo Akhir.

A mapping (``{"date": header, "description": header or [headers], "debit": ...,
"credit": ..., "amount": ..., "dbcr": ..., "balance": ...}``) saved for the bank account
names the columns of another layout; a header is matched ignoring case and spacing, or
given as a column letter (``"C"``). Amounts accept ``1.500.000,00``, ``1,500,000.00``,
``Rp 1.500.000``, ``(250.000)``, a trailing ``CR``/``DB``/``K``/``D``; cents are rounded
to whole rupiah (half up).
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import re
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from pathlib import Path
from typing import Any

from ..errors import ValidationError

FIELDS = ("date", "description", "debit", "credit", "amount", "dbcr", "balance")

# header aliases per field (normalised: lower case, single spaces)
ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "tanggal transaksi",
        "tanggal",
        "tgl transaksi",
        "tgl",
        "tanggal posting",
        "post date",
        "posting date",
        "transaction date",
        "date",
        "tgl. transaksi",
    ),
    "description": (
        "keterangan",
        "uraian transaksi",
        "uraian",
        "deskripsi",
        "description",
        "remark",
        "keterangan transaksi",
    ),
    "debit": ("debet", "debit", "mutasi debet", "mutasi debit", "pengeluaran", "withdrawal"),
    "credit": ("kredit", "credit", "mutasi kredit", "pemasukan", "deposit"),
    "amount": ("jumlah", "nominal", "mutasi", "amount", "jumlah transaksi"),
    "dbcr": ("db/cr", "cr/db", "d/k", "k/d", "tipe", "type", "jenis", "dk", "db cr"),
    "balance": ("saldo", "saldo akhir", "balance", "ending balance", "running balance"),
}

PRESETS: dict[str, dict[str, Any]] = {
    "bca": {
        "date": "Tanggal Transaksi",
        "description": "Keterangan",
        "amount": "Jumlah",
        "balance": "Saldo",
    },
    "bri": {
        "date": "Tanggal Transaksi",
        "description": "Uraian Transaksi",
        "debit": "Debet",
        "credit": "Kredit",
        "balance": "Saldo",
    },
    "mandiri": {
        "date": "Tanggal",
        "description": "Keterangan",
        "debit": "Debit",
        "credit": "Kredit",
        "balance": "Saldo",
    },
    "bni": {
        "date": "Tanggal Transaksi",
        "description": "Uraian Transaksi",
        "amount": "Nominal",
        "dbcr": "Tipe",
        "balance": "Saldo Akhir",
    },
}

_MONTHS = {
    "jan": 1,
    "feb": 2,
    "peb": 2,
    "mar": 3,
    "apr": 4,
    "mei": 5,
    "may": 5,
    "jun": 6,
    "jul": 7,
    "agu": 8,
    "agt": 8,
    "aug": 8,
    "sep": 9,
    "okt": 10,
    "oct": 10,
    "nov": 11,
    "nop": 11,
    "des": 12,
    "dec": 12,
}
_OUT = {"d", "db", "dr", "debet", "debit", "-"}
_IN = {"k", "cr", "c", "kr", "kredit", "credit", "+"}
_MARK = re.compile(r"\s*\b(CR|DB|DR|KR|D|K|C)\s*$", re.IGNORECASE)
_LETTER = re.compile(r"^[A-Za-z]{1,2}$")
MAX_ROWS = 20_000


@dataclass(frozen=True)
class StatementRow:
    row: int  # the row number in the file (1-based, as a spreadsheet shows it)
    date: dt.date
    description: str
    amount: int  # into the account positive, out of it negative
    balance: int | None
    fingerprint: str = ""


@dataclass
class ParsedStatement:
    rows: list[StatementRow] = field(default_factory=list)
    errors: list[tuple[int, str, ValidationError]] = field(default_factory=list)
    mapping: dict[str, Any] = field(default_factory=dict)
    header_row: int = 0


def norm(text: Any) -> str:
    return " ".join(str(text or "").replace("\ufeff", "").strip().lower().split())


# ---------------------------------------------------------------- reading cells


def read_cells(path: str | Path) -> list[tuple[int, tuple]]:
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
            out = []
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


def parse_amount(value: Any, field_: str) -> tuple[int, str | None]:
    """(whole rupiah, the DB/CR mark written beside it or None). Negative when written so."""
    if value is None or (isinstance(value, str) and not value.strip()):
        return 0, None
    if isinstance(value, bool):
        raise ValidationError(field_, "not_an_amount", value=str(value))
    if isinstance(value, int):
        return value, None
    if isinstance(value, float):
        return int(Decimal(repr(value)).quantize(Decimal(1), ROUND_HALF_UP)), None
    if isinstance(value, Decimal):
        return int(value.quantize(Decimal(1), ROUND_HALF_UP)), None
    text = str(value).strip().lstrip("'").replace("\u00a0", " ")
    mark = None
    m = _MARK.search(text)
    if m:
        mark = m.group(1).lower()
        text = text[: m.start()]
    negative = False
    t = text.replace("Rp", "").replace("rp", "").replace("IDR", "").strip()
    if t.startswith("(") and t.endswith(")"):
        negative, t = True, t[1:-1].strip()
    if t.startswith("-"):
        negative, t = not negative, t[1:].strip()
    if t.endswith("-"):
        negative, t = not negative, t[:-1].strip()
    t = t.replace(" ", "")
    if not t or not re.fullmatch(r"[\d.,]+", t):
        raise ValidationError(field_, "not_an_amount", value=str(value)[:40])
    dots, commas = t.count("."), t.count(",")
    if dots and commas:
        dec = "." if t.rfind(".") > t.rfind(",") else ","
    elif dots + commas == 1:
        sep = "." if dots else ","
        tail = t.split(sep)[1]
        dec = sep if len(tail) != 3 else ""
    else:
        dec = ""
    if dec:
        whole, frac = t.rsplit(dec, 1)
        whole = whole.replace(".", "").replace(",", "")
        t = f"{whole}.{frac}"
    else:
        t = t.replace(".", "").replace(",", "")
    try:
        amount = int(Decimal(t).quantize(Decimal(1), ROUND_HALF_UP))
    except InvalidOperation:
        raise ValidationError(field_, "not_an_amount", value=str(value)[:40]) from None
    return (-amount if negative else amount), mark


def parse_date(value: Any, field_: str, default_year: int | None) -> dt.date:
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    text = str(value or "").strip().lstrip("'").strip()
    if not text:
        raise ValidationError(field_, "required")
    text = text.split(" ")[0] if re.match(r"^\d{4}-\d{2}-\d{2}[ T]", text) else text
    text = text.split("T")[0] if re.match(r"^\d{4}-\d{2}-\d{2}T", text) else text
    m = re.fullmatch(r"(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})", text)
    try:
        if m:
            return dt.date(int(m[1]), int(m[2]), int(m[3]))
        m = re.fullmatch(r"(\d{1,2})[-/. ]([A-Za-z]{3,9})[-/. ,]*(\d{2,4})?", text)
        if m:
            month = _MONTHS.get(m[2][:3].lower())
            if month is None:
                raise ValueError
            return dt.date(_year(m[3], default_year), month, int(m[1]))
        m = re.fullmatch(r"(\d{1,2})[-/.](\d{1,2})(?:[-/.](\d{2,4}))?", text)
        if m:
            return dt.date(_year(m[3], default_year), int(m[2]), int(m[1]))
    except (ValueError, TypeError):
        pass
    raise ValidationError(field_, "not_a_date", value=text[:40])


def _year(text: str | None, default_year: int | None) -> int:
    if not text:
        if default_year is None:
            raise ValueError
        return default_year
    y = int(text)
    return y + 2000 if y < 100 else y


# ---------------------------------------------------------------- layout


def _col_of(header: tuple, wanted: Any, used: set[int]) -> int | None:
    if wanted is None or wanted == "":
        return None
    if isinstance(wanted, int):
        return wanted
    w = str(wanted).strip()
    if _LETTER.fullmatch(w) and norm(w) not in {norm(h) for h in header}:
        from openpyxl.utils import column_index_from_string

        return column_index_from_string(w.upper()) - 1
    for i, h in enumerate(header):
        if norm(h) == norm(w) and i not in used:
            return i
    return None


def find_layout(
    cells: list[tuple[int, tuple]], mapping: dict[str, Any] | None
) -> tuple[int, dict[str, Any], dict[str, Any]]:
    """(index of the header row in ``cells``, field -> column index (description: a list),
    the mapping by header names to save). Raises when no header row is found."""
    mapping = {k: v for k, v in (mapping or {}).items() if k in FIELDS and v}
    for idx, (_n, row) in enumerate(cells[:60]):
        names = [norm(c) for c in row]
        if not any(names):
            continue
        cols: dict[str, Any] = {}
        used: set[int] = set()
        for f in FIELDS:
            if f in mapping:
                wanted = mapping[f]
                if f == "description" and isinstance(wanted, list):
                    found = [_col_of(row, w, used) for w in wanted]
                    if None in found:
                        cols = {}
                        break
                    cols[f] = found
                    used.update(found)  # type: ignore[arg-type]
                    continue
                c = _col_of(row, wanted, used)
                if c is None:
                    cols = {}
                    break
                cols[f] = c
                used.add(c)
                continue
            if mapping:
                continue  # a saved mapping names every column it uses
            for i, name in enumerate(names):
                if i not in used and name in ALIASES[f]:
                    cols[f] = i
                    used.add(i)
                    break
        if not cols or "date" not in cols:
            continue
        if not (("debit" in cols and "credit" in cols) or "amount" in cols):
            continue
        if "description" in cols and not isinstance(cols["description"], list):
            cols["description"] = [cols["description"]]
        # BCA: the DB/CR mark in the unnamed column just after Jumlah
        if "amount" in cols and "dbcr" not in cols:
            nxt = cols["amount"] + 1
            if nxt < len(row) and not names[nxt] and nxt not in used:
                cols["dbcr_maybe"] = nxt
        saved = {
            f: ([str(row[i]).strip() for i in c] if f == "description" else str(row[c]).strip())
            for f, c in cols.items()
            if f in FIELDS and (f == "description" or str(row[c] or "").strip())
        }
        return idx, cols, saved
    raise ValidationError("file", "bank_header_missing")


def _period_year(cells: list[tuple[int, tuple]], upto: int) -> int | None:
    """The year of a ``Periode : 01/01/2026 - 31/01/2026`` line above the header (BCA)."""
    for _n, row in cells[:upto]:
        text = " ".join(str(c) for c in row if c is not None)
        if "period" in text.lower():
            m = re.search(r"\d{1,2}[-/.]\d{1,2}[-/.](\d{4})", text)
            if m:
                return int(m[1])
    return None


def parse_statement(
    path: str | Path, mapping: dict[str, Any] | None = None, default_year: int | None = None
) -> ParsedStatement:
    """Every row below the header as a :class:`StatementRow`, or an error naming its row
    and column. Rows without a date and an amount (totals, the closing lines of a BCA
    export) end the statement or are skipped."""
    cells = read_cells(path)
    if mapping and mapping.get("preset") in PRESETS and len(mapping) == 1:
        mapping = PRESETS[mapping["preset"]]
    idx, cols, saved = find_layout(cells, mapping)
    year = _period_year(cells, idx) or default_year
    out = ParsedStatement(mapping=saved, header_row=cells[idx][0])
    header = cells[idx][1]

    def cell(row: tuple, key: str) -> Any:
        i = cols.get(key)
        return row[i] if i is not None and i < len(row) else None

    def colname(key: str) -> str:
        i = cols.get(key)
        if isinstance(i, list):
            i = i[0] if i else None
        return str(header[i]).strip() if i is not None and i < len(header) else key

    seen: dict[tuple, int] = {}
    for n, row in cells[idx + 1 :]:
        raw_date = cell(row, "date")
        text_date = norm(raw_date)
        if not text_date or text_date.startswith(("saldo", "total", "mutasi", "ending", "opening")):
            continue
        try:
            date = parse_date(raw_date, "bank_date", year)
        except ValidationError as exc:
            out.errors.append((n, colname("date"), exc))
            continue
        try:
            if "amount" in cols:
                amount, mark = parse_amount(cell(row, "amount"), "amount")
                for key in ("dbcr", "dbcr_maybe"):
                    m = norm(cell(row, key))
                    if m:
                        mark = m
                if mark in _OUT:
                    amount = -abs(amount)
                elif mark in _IN:
                    amount = abs(amount)
                elif mark is not None:
                    raise ValidationError("bank_dbcr", "bank_mark_unknown", value=mark)
            else:
                debit, _ = parse_amount(cell(row, "debit"), "debit")
                credit, _ = parse_amount(cell(row, "credit"), "credit")
                if debit and credit:
                    raise ValidationError("amount", "bank_both_sides")
                amount = abs(credit) - abs(debit)
            if amount == 0:
                raise ValidationError("amount", "bank_no_amount")
            balance = None
            if "balance" in cols and norm(cell(row, "balance")):
                balance, bmark = parse_amount(cell(row, "balance"), "balance")
                if bmark in _OUT:
                    balance = -abs(balance)
        except ValidationError as exc:
            out.errors.append((n, colname(exc.field if exc.field in cols else "amount"), exc))
            continue
        desc = " ".join(
            " ".join(str(row[i]).split())
            for i in cols.get("description", [])
            if i < len(row) and row[i] is not None and str(row[i]).strip()
        ).lstrip("'")
        same = (date, amount, balance, norm(desc))
        seen[same] = seen.get(same, 0) + 1
        digest = hashlib.sha256(
            f"{date.isoformat()}|{amount}|{balance}|{norm(desc)}|{seen[same]}".encode()
        ).hexdigest()[:40]
        out.rows.append(StatementRow(n, date, desc[:500], amount, balance, digest))
    return out


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
    "PRESETS",
    "write_sample",
    "ParsedStatement",
    "StatementRow",
    "parse_amount",
    "parse_statement",
]

"""The payroll deduction workbook: the monthly list the cooperative sends an employer, and the
same workbook returned with the "Jumlah Dibayar" column filled, read back for posting.

Layout of the sheet "Potongan Gaji": the title, then label/value rows (Instansi, Nama
instansi, Periode, Jatuh tempo s.d.), an empty row, the header row, one row per member, and a
total row. The reader finds the header row and the label rows by their text (Indonesian or
English), so an employer may add rows above the table or move it down.
"""

from __future__ import annotations

import zipfile
from pathlib import Path
from typing import Any

from ..errors import KoperasiError, ValidationError
from ..messages.text import pick
from ..services.payroll import DeductionList, PaymentFile, PaymentRow
from .xlsxin import normalize, parse_money, parse_text

SHEET = "Potongan Gaji"
MONEY_FORMAT = '"Rp"#,##0;-"Rp"#,##0'
HEADERS = {
    "no": ("No", "No"),
    "employee_no": ("No. Pegawai", "Employee No."),
    "member_number": ("No. Anggota", "Member No."),
    "name": ("Nama", "Name"),
    "wajib": ("Simpanan Wajib", "Mandatory Savings"),
    "angsuran": ("Angsuran Pinjaman", "Loan Installments"),
    "sukarela": ("Simpanan Sukarela", "Voluntary Savings"),
    "total": ("Jumlah Potongan", "Total Deduction"),
    "paid": ("Jumlah Dibayar", "Amount Paid"),
}
ALIASES = {
    key: {normalize(a) for a in pair} | extra
    for (key, pair), extra in zip(
        HEADERS.items(),
        (
            set(),
            {"nip", "nomor pegawai", "no pegawai"},
            {"nomor anggota", "no anggota"},
            set(),
            set(),
            {"angsuran"},
            set(),
            set(),
            {"dibayar", "paid"},
        ),
        strict=True,
    )
}
LABELS = {
    "employer": {"instansi", "kode instansi", "employer", "employer code"},
    "period": {"periode", "period"},
}


def write_deduction_xlsx(lst: DeductionList, path: str | Path, lang: str = "id") -> Path:
    """The list for the employer, with an empty "Jumlah Dibayar" column to fill in."""
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font, PatternFill
    from openpyxl.utils import get_column_letter

    wb = Workbook()
    ws = wb.active
    ws.title = SHEET
    ws.append([pick(("DAFTAR POTONGAN GAJI", "PAYROLL DEDUCTION LIST"), lang)])
    ws["A1"].font = Font(bold=True, size=13)
    ws.append([pick(("Instansi", "Employer"), lang), lst.employer_code])
    ws.append([pick(("Nama instansi", "Employer name"), lang), lst.employer_name])
    ws.append([pick(("Periode", "Period"), lang), lst.period])
    ws.append([pick(("Jatuh tempo s.d.", "Due by"), lang), lst.due_by])
    ws["B5"].number_format = "DD/MM/YYYY"
    ws.append([])
    header = [pick(pair, lang) for pair in HEADERS.values()]
    ws.append(header)
    head_row = ws.max_row
    for c in ws[head_row]:
        c.font = Font(bold=True)
        c.fill = PatternFill("solid", fgColor="DDEBF7")
        c.alignment = Alignment(wrap_text=True, vertical="center")
    for r in lst.rows:
        ws.append(
            [r.no, r.employee_no, r.member_number, r.member_name, r.wajib, r.angsuran,
             r.sukarela, r.total, None]
        )  # fmt: skip
    last = ws.max_row
    ws.append(
        [pick(("Jumlah", "Total"), lang), None, None, None,
         lst.total("wajib"), lst.total("angsuran"), lst.total("sukarela"), lst.total(), None]
    )  # fmt: skip
    for c in ws[ws.max_row]:
        c.font = Font(bold=True)
    for row in ws.iter_rows(min_row=head_row + 1, max_row=ws.max_row, min_col=5, max_col=9):
        for c in row:
            c.number_format = MONEY_FORMAT
    for row in ws.iter_rows(min_row=head_row + 1, max_row=ws.max_row, min_col=2, max_col=3):
        for c in row:
            c.number_format = "@"  # employee and member numbers stay text (leading zeros)
    for col, width in zip("ABCDEFGHI", (5, 14, 12, 30, 16, 18, 16, 17, 17), strict=True):
        ws.column_dimensions[col].width = width
    ws.freeze_panes = ws.cell(row=head_row + 1, column=1)
    ws.print_title_rows = f"{head_row}:{head_row}"
    ws.page_setup.orientation = "landscape"
    ws.page_setup.fitToWidth = 1
    ws.sheet_properties.pageSetUpPr.fitToPage = True
    ws.page_setup.fitToHeight = 0
    _ = last, get_column_letter
    path = Path(path)
    wb.save(path)
    return path


def _cells(path: Path) -> list[tuple[Any, ...]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb[SHEET] if SHEET in wb.sheetnames else wb.worksheets[0]
        return [tuple(r) for r in ws.iter_rows(values_only=True)]
    finally:
        wb.close()


def read_payment_file(path: str | Path) -> PaymentFile:
    """Read an employer's returned workbook. A cell that cannot be read names its row."""
    path = Path(path)
    try:
        rows = _cells(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:
        raise ValidationError(
            "payroll_file", "pr_file_unreadable", path=str(path), detail=str(exc)
        ) from exc
    meta: dict[str, str] = {}
    index: dict[str, int] = {}
    head = None
    for n, r in enumerate(rows, start=1):
        keys = [normalize(v) for v in r]
        if keys and keys[0] in LABELS["employer"] and len(r) > 1 and "employer" not in meta:
            meta["employer"] = str(r[1] or "").strip()
        if keys and keys[0] in LABELS["period"] and len(r) > 1 and "period" not in meta:
            meta["period"] = str(r[1] or "").strip()[:7]
        found = {key: i for i, k in enumerate(keys) for key, al in ALIASES.items() if k in al}
        if "paid" in found and ("employee_no" in found or "member_number" in found):
            index, head = found, n
            break
    missing = [HEADERS[k][0] for k in ("employee_no", "paid") if k not in index]
    if head is None or missing or "employer" not in meta or "period" not in meta:
        cols = missing or [HEADERS["paid"][0]]
        if "employer" not in meta:
            cols.append("Instansi")
        if "period" not in meta:
            cols.append("Periode")
        raise ValidationError("payroll_file", "pr_columns_missing", columns=", ".join(cols))

    def cell(r: tuple[Any, ...], key: str) -> Any:
        i = index.get(key)
        return r[i] if i is not None and i < len(r) else None

    out: list[PaymentRow] = []
    errors: list[KoperasiError] = []
    for n, r in enumerate(rows[head:], start=head + 1):
        employee = (
            parse_text(cell(r, "employee_no"), "employee_no")
            if cell(r, "employee_no") is not None
            else ""
        )
        member = (
            parse_text(cell(r, "member_number"), "member")
            if cell(r, "member_number") is not None
            else ""
        )
        if not employee and not member:
            continue  # blank rows, the total row
        try:
            paid = parse_money(cell(r, "paid"), "amount_paid")
            if paid is not None and paid < 0:
                raise ValidationError("amount_paid", "not_an_amount", value=paid)
        except ValidationError:
            errors.append(
                ValidationError("amount_paid", "pr_row_amount", row=n, value=cell(r, "paid"))
            )
            continue
        name = cell(r, "name")
        out.append(PaymentRow(n, employee, member, str(name or "").strip(), paid))
    if errors:
        if len(errors) == 1:
            raise errors[0]
        raise KoperasiError("pr_file_errors", count=len(errors), first=errors[0].message("id"))
    return PaymentFile(meta["employer"].upper(), meta["period"], tuple(out), path.name)

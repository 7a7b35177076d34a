"""Moving in: the fixed assets the cooperative already holds, from a workbook, each with the
depreciation it had accumulated at the opening date (booked against 3.99 opening balance
clearing, like the other opening imports).

The first sheet: a header row, then one asset a row. Columns (Indonesian or English):
Kode (optional) · Nama · Kelompok (tanah, bangunan, kendaraan, peralatan) · Tanggal Perolehan ·
Harga Perolehan · Umur (bulan) · Nilai Sisa · Lokasi · Akumulasi Penyusutan.
All rows are written in one transaction, or none: any error refuses the whole file and names
its row and column; ``dry_run`` checks everything and writes nothing.
"""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, field
from pathlib import Path

from ..errors import KoperasiError, ValidationError
from ..services import fixed_assets as fa
from ..services.auth import Actor, require
from ..services.uow import unit_of_work
from .xlsxin import normalize, parse_date, parse_int, parse_money, parse_text

COLUMNS = {
    "code": ("kode", "kode aset", "code"),
    "name": ("nama", "nama aset", "name", "asset"),
    "group": ("kelompok", "kelompok aset", "group"),
    "acquired_on": ("tanggal perolehan", "tgl perolehan", "acquired", "acquisition date"),
    "cost": ("harga perolehan", "cost"),
    "life_months": ("umur (bulan)", "umur bulan", "umur", "useful life (months)", "life"),
    "residual": ("nilai sisa", "residual", "residual value"),
    "location": ("lokasi", "location"),
    "accumulated": ("akumulasi penyusutan", "accumulated depreciation", "accumulated"),
}
REQUIRED = ("name", "group", "acquired_on", "cost")
HEADERS_ID = {
    "code": "Kode",
    "name": "Nama",
    "group": "Kelompok",
    "acquired_on": "Tanggal Perolehan",
    "cost": "Harga Perolehan",
    "life_months": "Umur (bulan)",
    "residual": "Nilai Sisa",
    "location": "Lokasi",
    "accumulated": "Akumulasi Penyusutan",
}


class _Refused(Exception):
    """Raised inside the unit of work to roll everything back (dry run or errors)."""


@dataclass
class AssetImportReport:
    path: str
    opening_date: dt.date
    dry_run: bool
    rows: int = 0
    cost: int = 0
    accumulated: int = 0
    errors: list[tuple[int, str, KoperasiError]] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def written(self) -> bool:
        """The assets were saved (no error, not a dry run); else nothing was written."""
        return self.ok and not self.dry_run

    def messages(self, lang: str = "id") -> list[str]:
        out = []
        for row, column, err in self.errors:
            col = f", {'kolom' if lang == 'id' else 'column'} '{column}'" if column else ""
            out.append(f"{'Baris' if lang == 'id' else 'Row'} {row}{col}: {err.message(lang)}")
        return out


def _read(path: Path) -> tuple[dict[str, int], dict[str, str], list[tuple[int, tuple]]]:
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        rows = wb.worksheets[0].iter_rows(values_only=True)
        header = list(next(rows, ()))
        index: dict[str, int] = {}
        written: dict[str, str] = {}
        for i, h in enumerate(header):
            key = normalize(h)
            for name, aliases in COLUMNS.items():
                if key in aliases and name not in index:
                    index[name] = i
                    written[name] = str(h)
        data = [
            (n, tuple(r))
            for n, r in enumerate(rows, start=2)
            if any(v not in (None, "") for v in r)
        ]
        return index, written, data
    finally:
        wb.close()


def import_opening_assets(
    db, actor: Actor, path: str | Path, opening_date: dt.date, dry_run: bool = False
) -> AssetImportReport:
    require(actor, "asset.write")
    require(actor, "import.write")
    path = Path(path)
    rep = AssetImportReport(str(path), opening_date, dry_run)
    try:
        index, written, data = _read(path)
    except (OSError, ValueError, KeyError, zipfile.BadZipFile) as exc:  # not a readable workbook
        raise ValidationError(
            "file", "fa_file_unreadable", path=str(path), detail=str(exc)
        ) from exc
    missing = [HEADERS_ID[k] for k in REQUIRED if k not in index]
    if missing:
        rep.errors.append(
            (1, "", ValidationError("file", "fa_columns_missing", columns=", ".join(missing)))
        )
        return rep

    def cell(row: tuple, key: str):
        i = index.get(key)
        return row[i] if i is not None and i < len(row) else None

    try:
        with unit_of_work(db) as s:
            for n, row in data:
                column = ""
                try:
                    column = written.get("name", "")
                    name = parse_text(cell(row, "name"), "name") or ""
                    column = written.get("group", "")
                    group = normalize(cell(row, "group"))
                    group = {
                        "peralatan dan inventaris kantor": "peralatan",
                        "inventaris": "peralatan",
                    }.get(group, group)
                    column = written.get("acquired_on", "")
                    acquired = parse_date(cell(row, "acquired_on"), "acquired_on")
                    if acquired is None:
                        raise ValidationError("acquired_on", "required")
                    column = written.get("cost", "")
                    cost = parse_money(cell(row, "cost"), "cost") or 0
                    column = written.get("life_months", "")
                    life = parse_int(cell(row, "life_months"), "life_months") or 0
                    column = written.get("residual", "")
                    residual = parse_money(cell(row, "residual"), "residual") or 0
                    column = written.get("accumulated", "")
                    accumulated = parse_money(cell(row, "accumulated"), "accumulated") or 0
                    column = ""
                    data_in = fa.AssetInput(
                        name,
                        group,
                        acquired,
                        cost,
                        life,
                        residual,
                        parse_text(cell(row, "location"), "location") or "",
                        fa.OPENING,
                        parse_text(cell(row, "code"), "asset_code") or "",
                    )
                    with s.begin_nested():
                        fa.add_opening_asset_in(s, actor, data_in, opening_date, accumulated)
                    rep.rows += 1
                    rep.cost += cost
                    rep.accumulated += accumulated if life else 0
                except KoperasiError as err:
                    if isinstance(err, ValidationError) and not column:
                        column = written.get(err.field, "")
                    rep.errors.append((n, column, err))
            if rep.errors or dry_run:
                raise _Refused
    except _Refused:
        pass
    return rep


def write_template(path: str | Path) -> Path:
    """An empty workbook with the columns, for the treasurer to fill."""
    from openpyxl import Workbook

    wb = Workbook()
    ws = wb.active
    ws.title = "Aset Tetap"
    ws.append([HEADERS_ID[k] for k in COLUMNS])
    wb.save(path)
    return Path(path)

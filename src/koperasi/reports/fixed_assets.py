"""The fixed-asset register (daftar aset tetap) at a date, and its note in the RAT book's
CALK: cost, accumulated depreciation and book value per asset and per group, with the
period's depreciation."""

from __future__ import annotations

from collections import defaultdict

from ..services import fixed_assets as fa
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.reads.fixed_assets import depreciation_by_asset
from ..services.uow import read_only
from .common import ReportParams, organisation, resolve_period, treasurer_signature
from .model import Column, Figure, Kind, Period, ReportData, Row, Section, T, Table

NAME = "aset-tetap"
TITLE = T("Daftar Aset Tetap", "Fixed Asset Register")


def _group(code: str) -> T:
    return T(*fa.GROUP_NAMES.get(code, (code, code)))


def group_table(rows: list[fa.AssetRow], depreciation: dict[int, int], key: str) -> Table:
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0, 0])
    for r in rows:
        g = per[r.group]
        g[0] += 1
        g[1] += r.cost
        g[2] += r.accumulated
        g[3] += r.book_value
        g[4] += depreciation.get(r.id, 0)
    cols = (
        Column("group", T("Kelompok aset", "Asset group"), Kind.TEXT, 2.2),
        Column("count", T("Jumlah", "Count"), Kind.INT, 0.6, True),
        Column("cost", T("Harga perolehan", "Cost"), Kind.MONEY, 1.2, True),
        Column(
            "accumulated",
            T("Akumulasi penyusutan", "Accumulated depreciation"),
            Kind.MONEY,
            1.2,
            True,
        ),
        Column("book_value", T("Nilai buku", "Book value"), Kind.MONEY, 1.2, True),
        Column(
            "depreciation", T("Penyusutan periode", "Period depreciation"), Kind.MONEY, 1.2, True
        ),
    )
    order = [g for g in fa.GROUP_NAMES if g in per]
    return Table(
        key,
        T("Aset tetap per kelompok", "Fixed assets by group"),
        cols,
        tuple(Row((_group(g), *per[g])) for g in order),
        sheet=T("Per Kelompok", "By group"),
    )


def _in_group_order(rows: list[fa.AssetRow]) -> list[fa.AssetRow]:
    order = {g: n for n, g in enumerate(fa.GROUP_NAMES)}
    return sorted(rows, key=lambda r: (order.get(r.group, len(order)), r.code))


def asset_table(rows: list[fa.AssetRow], depreciation: dict[int, int]) -> Table:
    cols = (
        Column("code", T("Kode", "Code"), Kind.TEXT, 0.8),
        Column("name", T("Nama aset", "Asset"), Kind.TEXT, 2.0),
        Column("group", T("Kelompok", "Group"), Kind.TEXT, 1.3),
        Column("location", T("Lokasi", "Location"), Kind.TEXT, 1.2),
        Column("acquired_on", T("Tgl perolehan", "Acquired"), Kind.DATE, 0.9),
        Column("life", T("Umur (bln)", "Life (mo)"), Kind.INT, 0.6),
        Column("residual", T("Nilai sisa", "Residual"), Kind.MONEY, 1.0),
        Column("cost", T("Harga perolehan", "Cost"), Kind.MONEY, 1.1, True),
        Column(
            "accumulated", T("Akumulasi penyusutan", "Accum. depreciation"), Kind.MONEY, 1.1, True
        ),
        Column("book_value", T("Nilai buku", "Book value"), Kind.MONEY, 1.1, True),
        Column(
            "depreciation", T("Penyusutan periode", "Period depreciation"), Kind.MONEY, 1.1, True
        ),
    )
    return Table(
        "aset_tetap",
        T("Rincian aset tetap", "Fixed assets in detail"),
        cols,
        tuple(
            Row(
                (
                    r.code,
                    r.name,
                    _group(r.group),
                    r.location,
                    r.acquired_on,
                    r.life_months,
                    r.residual,
                    r.cost,
                    r.accumulated,
                    r.book_value,
                    depreciation.get(r.id, 0),
                )
            )
            for r in _in_group_order(rows)
        ),
        sheet=T("Rincian", "Detail"),
    )


def disposals_table(s: Session, period: Period) -> Table | None:
    rows = [
        r
        for r in fa.register_in(s, period.end, include_disposed=True)
        if r.disposed_on is not None and period.start <= r.disposed_on <= period.end
    ]
    if not rows:
        return None
    proceeds = fa.proceeds_in(s, [r.id for r in rows])
    cols = (
        Column("code", T("Kode", "Code"), Kind.TEXT, 0.8),
        Column("name", T("Nama aset", "Asset"), Kind.TEXT, 2.0),
        Column("disposed_on", T("Tgl dilepas", "Disposed"), Kind.DATE, 0.9),
        Column("cost", T("Harga perolehan", "Cost"), Kind.MONEY, 1.1, True),
        Column(
            "accumulated", T("Akumulasi penyusutan", "Accum. depreciation"), Kind.MONEY, 1.1, True
        ),
        Column("book_value", T("Nilai buku", "Book value"), Kind.MONEY, 1.1, True),
        Column("proceeds", T("Hasil penjualan", "Proceeds"), Kind.MONEY, 1.1, True),
        Column("gain", T("Laba (rugi)", "Gain (loss)"), Kind.MONEY, 1.1, True),
        Column(
            "depreciation", T("Penyusutan periode", "Period depreciation"), Kind.MONEY, 1.1, True
        ),
    )
    depreciation = depreciation_by_asset(s, period.start, period.end)
    return Table(
        "aset_dilepas",
        T("Aset tetap yang dijual atau dihapus", "Fixed assets sold or scrapped"),
        cols,
        tuple(
            Row(
                (
                    r.code,
                    r.name,
                    r.disposed_on,
                    r.cost,
                    r.accumulated,
                    r.book_value,
                    proceeds[r.id],
                    proceeds[r.id] - r.book_value,
                    depreciation.get(r.id, 0),
                )
            )
            for r in rows
        ),
        sheet=T("Dilepas", "Disposed"),
    )


def build_fixed_asset_register(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")
    with read_only(db) as s:
        period = resolve_period(s, params, "year")
        rows = fa.register_in(s, period.end)
        depreciation = depreciation_by_asset(s, period.start, period.end)
        tables = [
            group_table(rows, depreciation, "aset_per_kelompok"),
            asset_table(rows, depreciation),
        ]
        gone = disposals_table(s, period)
        if gone is not None:
            tables.append(gone)
        figures = (
            Figure("cost", T("Jumlah harga perolehan", "Total cost"), sum(r.cost for r in rows)),
            Figure(
                "accumulated",
                T("Jumlah akumulasi penyusutan", "Total accumulated depreciation"),
                sum(r.accumulated for r in rows),
            ),
            Figure(
                "book_value",
                T("Jumlah nilai buku", "Total book value"),
                sum(r.book_value for r in rows),
            ),
            Figure(
                "depreciation",
                T(
                    "Beban penyusutan periode ini (termasuk aset yang dilepas)",
                    "Depreciation of the period (including assets disposed of)",
                ),
                sum(depreciation.values()),
            ),
        )
        data = ReportData(
            NAME,
            TITLE,
            organisation(s),
            period,
            subtitle=T(
                "Harga perolehan, akumulasi penyusutan (garis lurus) dan nilai buku per "
                "tanggal laporan",
                "Cost, accumulated (straight-line) depreciation and book value at the report date",
            ),
            sections=(Section(figures=figures, tables=tuple(tables)),),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )
    report(progress, 1, 1, "")
    return data


def calk_note(s: Session, period: Period, number: int) -> tuple[Section, ...]:
    """The RAT book's CALK note on fixed assets (nothing when the register is empty)."""
    rows = fa.register_in(s, period.end)
    gone = disposals_table(s, period)
    if not rows and gone is None:
        return ()
    depreciation = depreciation_by_asset(s, period.start, period.end)
    tables = [group_table(rows, depreciation, "calk_aset_tetap")]
    if gone is not None:
        tables.append(gone)
    return (
        Section(
            T(f"{number}. Aset Tetap", f"{number}. Fixed Assets"),
            notes=(
                T(
                    "Aset tetap dicatat sebesar harga perolehan dikurangi akumulasi penyusutan. "
                    "Penyusutan dihitung dengan metode garis lurus per bulan sejak bulan "
                    "perolehan selama umur manfaat, sampai nilai sisa; tanah tidak disusutkan. "
                    "Laba atau rugi pelepasan diakui sebagai pendapatan atau beban lain-lain.",
                    "Fixed assets are carried at cost less accumulated depreciation, "
                    "straight-line per month from the month of acquisition over the useful "
                    "life down to the residual value; land is not depreciated. Gains and losses "
                    "on disposal are other income or expenses.",
                ),
            ),
            tables=tuple(tables),
        ),
    )


def _specs() -> list:
    from .registry import PERIOD, ReportSpec

    return [
        ReportSpec(
            NAME,
            TITLE,
            T(
                "Harga perolehan, akumulasi penyusutan dan nilai buku per aset dan per kelompok",
                "Cost, accumulated depreciation and book value per asset and per group",
            ),
            build_fixed_asset_register,
            (PERIOD,),
            "buku",
        )
    ]


SPECS = _specs()

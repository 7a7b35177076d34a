"""The RAT's budget tables: the year's budget against actual, next year's budget (RAPB), and the
monthly budget against actual (``realisasi-anggaran``). Split from :mod:`.rat_book`.
"""

from __future__ import annotations

from decimal import Decimal

from ..services import statements
from ..services.progress import ProgressCallback, report
from ..services.rat import budget as budget_service
from ..services.reads import ReadSession as Session
from ..services.uow import read_only
from .common import (
    ReportParams,
    default_month,
    month_period,
    organisation,
)
from .model import (
    Column,
    Kind,
    ReportData,
    Row,
    RowKind,
    Section,
    T,
    Table,
)


def num(d: Decimal) -> T:
    return T(f"{d:.2f}".replace(".", ","), f"{d:.2f}")


def budget_table(key: str, title: T, rep: budget_service.BudgetReport, sheet: T) -> Table:
    cols = (
        Column("code", T("Kode", "Code"), Kind.TEXT, 0.6),
        Column("name", T("Pos anggaran", "Budget line"), Kind.TEXT, 2.2),
        Column("budget", T("Anggaran", "Budget"), Kind.MONEY, 1.1),
        Column("actual", T("Realisasi", "Actual"), Kind.MONEY, 1.1),
        Column("difference", T("Selisih", "Difference"), Kind.MONEY, 1.1),
        Column("realisation", T("Realisasi %", "Actual %"), Kind.PERCENT, 0.8),
    )
    rows: list[Row] = []
    for t, head, sub in (
        ("income", T("PENDAPATAN", "INCOME"), T("Jumlah pendapatan", "Total income")),
        ("expense", T("BEBAN", "EXPENSES"), T("Jumlah beban", "Total expenses")),
    ):
        rows.append(Row((head, "", None, None, None, None), RowKind.HEADING))
        for x in (x for x in rep.lines if x.type == t):
            rows.append(
                Row((x.code, T(x.name, x.name_en), x.budget, x.actual, x.difference, x.realisation))
            )
        b, a = rep.total(t)
        rows.append(Row(("", sub, b, a, a - b, _pct(a, b)), RowKind.SUBTOTAL))
    b, a = rep.surplus
    rows.append(
        Row(
            ("", T("SISA HASIL USAHA (SHU)", "SURPLUS (SHU)"), b, a, a - b, _pct(a, b)),
            RowKind.SUBTOTAL,
        )
    )
    return Table(key, title, cols, tuple(_fix_heading(r) for r in rows), sheet=sheet)


def _fix_heading(r: Row) -> Row:
    if r.kind is RowKind.HEADING:
        return Row(("", r.cells[0], None, None, None, None), RowKind.HEADING)
    return r


def _pct(a: int, b: int) -> Decimal | None:
    if b == 0:
        return None
    return (Decimal(a) * 100 / Decimal(b)).quantize(Decimal("0.01"))


def rapb_table(s: Session, year: int) -> Table:
    infos = statements.accounts(s)
    amounts = budget_service.budget_in(s, year)
    rows: list[Row] = []
    for t, head, sub in (
        ("income", T("PENDAPATAN", "INCOME"), T("Jumlah pendapatan", "Total income")),
        ("expense", T("BEBAN", "EXPENSES"), T("Jumlah beban", "Total expenses")),
    ):
        rows.append(Row(("", head, None), RowKind.HEADING))
        codes = sorted(c for c in amounts if infos[c].type == t)
        for c in codes:
            rows.append(Row((c, T(infos[c].name, infos[c].name_en), amounts[c])))
        rows.append(Row(("", sub, sum(amounts[c] for c in codes)), RowKind.SUBTOTAL))
    inc = sum(v for c, v in amounts.items() if infos[c].type == "income")
    exp = sum(v for c, v in amounts.items() if infos[c].type == "expense")
    rows.append(Row(("", T("RENCANA SHU", "PLANNED SURPLUS"), inc - exp), RowKind.SUBTOTAL))
    return Table(
        "rapb",
        T(
            f"Rencana anggaran pendapatan dan belanja (RAPB) tahun {year}",
            f"Budget (RAPB) for {year}",
        ),
        (
            Column("code", T("Kode", "Code"), Kind.TEXT, 0.6),
            Column("name", T("Pos anggaran", "Budget line"), Kind.TEXT, 3),
            Column("budget", T("Anggaran", "Budget"), Kind.MONEY, 1.3),
        ),
        tuple(rows),
        sheet=T("RAPB", "Budget"),
    )


# ---------------------------------------------------------------- monthly budget vs actual


def build_budget_month(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """The year's budget against the actual up to the end of a month (``--period YYYY-MM``)."""
    with read_only(db) as s:
        sm = statements.fy_start_month(s)
        if params.period and len(str(params.period)) == 7:
            y, mo = (int(x) for x in str(params.period).split("-"))
        elif params.date is not None:
            y, mo = params.date.year, params.date.month
        elif params.year:  # the whole financial year: to its last month
            end = statements.fiscal_year_bounds(int(params.year), sm)[1]
            y, mo = end.year, end.month
        else:
            y, mo = default_month(s)
        period = month_period(y, mo)
        fy = statements.fiscal_year_of(period.end, sm)
        fy_start, fy_end = statements.fiscal_year_bounds(fy, sm)
        report(progress, 0, 1, "")
        ytd = budget_service.report_in(s, fy, fy_start, period.end)
        month = budget_service.report_in(s, fy, period.start, period.end)
        months_done = len(
            [
                m
                for m in statements.fiscal_year_months(fy, sm)
                if statements.month_end(*m) <= period.end
            ]
        )
        by_code = {x.code + x.type: x for x in month.lines}
        cols = (
            Column("code", T("Kode", "Code"), Kind.TEXT, 0.6),
            Column("name", T("Pos anggaran", "Budget line"), Kind.TEXT, 2.0),
            Column("budget", T("Anggaran setahun", "Annual budget"), Kind.MONEY, 1.1),
            Column("budget_ytd", T("Anggaran s.d. bulan ini", "Budget to date"), Kind.MONEY, 1.1),
            Column("month", T("Realisasi bulan ini", "Actual this month"), Kind.MONEY, 1.1),
            Column("ytd", T("Realisasi s.d. bulan ini", "Actual to date"), Kind.MONEY, 1.1),
            Column("pct", T("% anggaran setahun", "% of annual"), Kind.PERCENT, 0.8),
        )
        rows: list[Row] = []
        for t, head, sub in (
            ("income", T("PENDAPATAN", "INCOME"), T("Jumlah pendapatan", "Total income")),
            ("expense", T("BEBAN", "EXPENSES"), T("Jumlah beban", "Total expenses")),
        ):
            rows.append(Row(("", head, None, None, None, None, None), RowKind.HEADING))
            tb = tbytd = tm = tytd = 0
            for x in (x for x in ytd.lines if x.type == t):
                b_ytd = x.budget * months_done // 12
                month_line = by_code.get(x.code + x.type)
                mo_actual = month_line.actual if month_line is not None else 0
                rows.append(
                    Row(
                        (
                            x.code,
                            T(x.name, x.name_en),
                            x.budget,
                            b_ytd,
                            mo_actual,
                            x.actual,
                            _pct(x.actual, x.budget),
                        )
                    )
                )
                tb, tbytd, tm, tytd = tb + x.budget, tbytd + b_ytd, tm + mo_actual, tytd + x.actual
            rows.append(Row(("", sub, tb, tbytd, tm, tytd, _pct(tytd, tb)), RowKind.SUBTOTAL))
        return ReportData(
            "realisasi-anggaran",
            T("Realisasi Anggaran Bulanan", "Monthly Budget against Actual"),
            organisation(s),
            period,
            subtitle=T(
                f"Tahun buku {fy}: anggaran s.d. bulan ke-{months_done} dari 12",
                f"Financial year {fy}: budget to month {months_done} of 12",
            ),
            sections=(
                Section(
                    None,
                    tables=(
                        Table(
                            "realisasi_bulanan",
                            T("Anggaran dan realisasi", "Budget and actual"),
                            cols,
                            tuple(rows),
                            sheet=T("Realisasi", "Budget vs actual"),
                        ),
                    ),
                    notes=(
                        T(
                            "Anggaran s.d. bulan ini = anggaran setahun x bulan berjalan / 12 (dibulatkan ke bawah).",
                            "Budget to date = annual budget x months elapsed / 12 (rounded down).",
                        ),
                    ),
                ),
            ),
            landscape=True,
            params=params.items(),
        )

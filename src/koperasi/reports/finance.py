"""Builders for the financial statements (all from the ledger); the books (trial balance,
journal, ledger, cash book) are in :mod:`.books`."""

from __future__ import annotations

import datetime as dt

from ..domain import accounts
from ..domain.shu import MEMBER, NON_MEMBER, SHARED
from ..services import statement_cash_flow, statement_equity, statement_sheets
from ..services import statements as st
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.uow import read_only
from .common import (
    ReportParams,
    board_signatures,
    column_label,
    organisation,
    previous,
    resolve_period,
)
from .model import (
    Column,
    Figure,
    Kind,
    Period,
    ReportData,
    Row,
    RowKind,
    Section,
    T,
    Table,
)

CODE = Column("code", T("Kode", "Code"), Kind.TEXT, 0.7)
NAME = Column("name", T("Akun", "Account"), Kind.TEXT, 3.2)


def _name(line) -> T:
    return T(line.name, line.name_en or line.name)


def _comparative_cols(cur: Period, prev: Period) -> tuple[Column, ...]:
    return (
        CODE,
        NAME,
        Column("current", column_label(cur), Kind.MONEY, 1.5),
        Column("previous", column_label(prev), Kind.MONEY, 1.5),
    )


def _heading(label: T, n: int = 4) -> Row:
    return Row((None, label) + (None,) * (n - 2), RowKind.HEADING)


def _subtotal(label: T, cur: int, prev: int) -> Row:
    return Row((None, label, cur, prev), RowKind.SUBTOTAL)


# ---------------------------------------------------------------- statements (as tables)


def balance_sheet_table(s: Session, period: Period) -> tuple[Table, statement_sheets.BalanceSheet]:
    prev = previous(period)
    bs = statement_sheets.balance_sheet_in(s, period.end, prev.end)
    rows: list[Row] = [_heading(T("ASET", "ASSETS"))]
    fixed = [x for x in bs.assets if x.code.startswith("1.3")]  # cost, accumulated depr.
    last_fixed = (
        fixed[-1].code
        if any(x.code.startswith(accounts.ACCUMULATED_DEPRECIATION) for x in fixed)
        else None
    )
    for x in bs.assets:
        rows.append(Row((x.code, _name(x), x.current, x.previous)))
        if x.code == last_fixed:  # then the net book value (SAK EP: cost less depreciation)
            rows.append(
                _subtotal(
                    T("Nilai buku aset tetap", "Fixed assets, net book value"),
                    sum(f.current for f in fixed),
                    sum(f.previous for f in fixed),
                )
            )
    rows.append(_subtotal(T("Jumlah aset", "Total assets"), *bs.total_assets))
    rows.append(_heading(T("LIABILITAS", "LIABILITIES")))
    rows += [Row((x.code, _name(x), x.current, x.previous)) for x in bs.liabilities]
    rows.append(_subtotal(T("Jumlah liabilitas", "Total liabilities"), *bs.total_liabilities))
    rows.append(_heading(T("EKUITAS", "EQUITY")))
    rows += [Row((x.code or None, _name(x), x.current, x.previous)) for x in bs.equity]
    rows.append(_subtotal(T("Jumlah ekuitas", "Total equity"), *bs.total_equity))
    tl, te = bs.total_liabilities, bs.total_equity
    rows.append(
        _subtotal(
            T("Jumlah liabilitas dan ekuitas", "Total liabilities and equity"),
            tl[0] + te[0],
            tl[1] + te[1],
        )
    )
    cols = (
        CODE,
        NAME,
        Column("current", T(f"{period.end:%d/%m/%Y}"), Kind.MONEY, 1.5),
        Column("previous", T(f"{prev.end:%d/%m/%Y}"), Kind.MONEY, 1.5),
    )
    table = Table(
        "posisi_keuangan",
        T("Laporan Posisi Keuangan (Neraca)", "Statement of Financial Position (Balance Sheet)"),
        cols,
        tuple(rows),
        sheet=T("Posisi Keuangan", "Financial Position"),
    )
    return table, bs


SIDE_HEADINGS = {
    MEMBER: T("Usaha dengan anggota", "Business with members"),
    NON_MEMBER: T("Usaha dengan non-anggota", "Business with non-members"),
    SHARED: T(
        "Beban bersama (dialokasikan menurut pendapatan)", "Shared costs (allocated by income)"
    ),
}


def _by_side(lines, sides) -> list[Row]:
    rows: list[Row] = []
    for side in sides:
        part = [x for x in lines if x.side == side]
        if part:
            rows.append(_heading(SIDE_HEADINGS[side]))
            rows += [Row((x.code, _name(x), x.current, x.previous)) for x in part]
    return rows


def _split_rows(inc: statement_sheets.IncomeStatement) -> list[Row]:
    """The SHU of each side of the business (UU 25/1992 Pasal 45, SAK EP)."""
    cur, old = inc.split, inc.previous_split
    assert cur is not None and old is not None

    def pair(f):
        return f(cur), f(old)

    def row(label: T, f) -> Row:
        return Row((None, label, *pair(f)))

    return [
        _heading(T("SHU MENURUT JENIS USAHA", "SHU BY SIDE OF THE BUSINESS")),
        row(T("Pendapatan usaha dengan anggota", "Income from members"), lambda x: x.member_income),
        row(
            T("Beban langsung usaha dengan anggota", "Direct costs of member business"),
            lambda x: x.member_expenses - x.shared_to_members,
        ),
        row(
            T("Bagian beban bersama", "Share of the shared costs"),
            lambda x: x.shared_to_members,
        ),
        _subtotal(
            T("SHU usaha dengan anggota", "SHU from business with members"),
            *pair(lambda x: x.member_surplus),
        ),
        row(
            T("Pendapatan usaha dengan non-anggota", "Income from non-members"),
            lambda x: x.non_member_income,
        ),
        row(
            T("Beban langsung usaha dengan non-anggota", "Direct costs of non-member business"),
            lambda x: x.non_member_expenses - (x.shared_expenses - x.shared_to_members),
        ),
        row(
            T("Bagian beban bersama", "Share of the shared costs"),
            lambda x: x.shared_expenses - x.shared_to_members,
        ),
        _subtotal(
            T("SHU usaha dengan non-anggota", "SHU from business with non-members"),
            *pair(lambda x: x.non_member_surplus),
        ),
    ]


def income_table(s: Session, period: Period) -> tuple[Table, statement_sheets.IncomeStatement]:
    """Perhitungan hasil usaha: income and expenses by side of the business, the SHU, and
    the SHU of each side (only the members' part is shared by patronage)."""
    prev = previous(period)
    inc = statement_sheets.income_statement_in(s, period.start, period.end, (prev.start, prev.end))
    rows: list[Row] = [_heading(T("PENDAPATAN", "INCOME"))]
    rows += _by_side(inc.income, (MEMBER, NON_MEMBER))
    rows.append(_subtotal(T("Jumlah pendapatan", "Total income"), *inc.total_income))
    rows.append(_heading(T("BEBAN", "EXPENSES")))
    rows += _by_side(inc.expenses, (MEMBER, NON_MEMBER, SHARED))
    rows.append(_subtotal(T("Jumlah beban", "Total expenses"), *inc.total_expenses))
    rows.append(_subtotal(T("SISA HASIL USAHA (SHU)", "SURPLUS (SHU)"), *inc.surplus))
    rows += _split_rows(inc)
    table = Table(
        "hasil_usaha",
        T("Perhitungan Hasil Usaha", "Income Statement"),
        _comparative_cols(period, prev),
        tuple(rows),
        sheet=T("Hasil Usaha", "Income Statement"),
    )
    return table, inc


CASH_CATEGORY = {
    "operating": T("Arus kas dari aktivitas operasi", "Cash flows from operating activities"),
    "investing": T("Arus kas dari aktivitas investasi", "Cash flows from investing activities"),
    "financing": T("Arus kas dari aktivitas pendanaan", "Cash flows from financing activities"),
}


def cash_flow_table(s: Session, period: Period) -> tuple[Table, statement_cash_flow.CashFlow]:
    prev = previous(period)
    cf = statement_cash_flow.cash_flow_in(s, period.start, period.end, (prev.start, prev.end))
    rows: list[Row] = [
        _subtotal(T("Kas dan bank awal periode", "Cash and bank at the start"), *cf.opening)
    ]
    for cat, label in CASH_CATEGORY.items():
        lines = [x for x in cf.lines if x.category == cat]
        rows.append(_heading(label))
        for x in lines:
            prefix = (
                T("Penerimaan: ", "Receipts: ")
                if x.direction == "in"
                else T("Pengeluaran: ", "Payments: ")
            )
            rows.append(Row((x.code, prefix + _name(x), x.current, x.previous)))
        rows.append(_subtotal(T("Arus kas bersih", "Net cash flow") + " – " + label, *cf.net(cat)))
    rows.append(
        _subtotal(
            T("Kenaikan (penurunan) kas bersih", "Net increase (decrease) in cash"), *cf.net()
        )
    )
    rows.append(_subtotal(T("Kas dan bank akhir periode", "Cash and bank at the end"), *cf.closing))
    table = Table(
        "arus_kas",
        T("Laporan Arus Kas (metode langsung)", "Statement of Cash Flows (direct method)"),
        _comparative_cols(period, prev),
        tuple(rows),
        sheet=T("Arus Kas", "Cash Flows"),
    )
    return table, cf


def equity_table(s: Session, period: Period) -> tuple[Table, statement_equity.EquityChanges]:
    eq = statement_equity.equity_changes_in(s, period.start, period.end)
    cols = (
        CODE,
        Column("name", T("Komponen ekuitas", "Equity item"), Kind.TEXT, 2.6),
        Column("opening", T("Saldo awal", "Opening"), Kind.MONEY, 1.3),
        Column("increase", T("Penambahan", "Increase"), Kind.MONEY, 1.3),
        Column("decrease", T("Pengurangan", "Decrease"), Kind.MONEY, 1.3),
        Column("closing", T("Saldo akhir", "Closing"), Kind.MONEY, 1.3),
    )
    rows = tuple(
        Row((r.code or None, T(r.name, r.name_en), r.opening, r.increase, r.decrease, r.closing))
        for r in eq.rows
    ) + (  # the total as a row of its own: its label in the name column, values stored
        Row(
            (
                None,
                T("Jumlah ekuitas", "Total equity"),
                eq.opening,
                sum(r.increase for r in eq.rows),
                sum(r.decrease for r in eq.rows),
                eq.closing,
            ),
            RowKind.SUBTOTAL,
        ),
    )
    table = Table(
        "perubahan_ekuitas",
        T("Laporan Perubahan Ekuitas", "Statement of Changes in Equity"),
        cols,
        rows,
        total_label=T("Jumlah ekuitas", "Total equity"),
        sheet=T("Perubahan Ekuitas", "Changes in Equity"),
    )
    return table, eq


def equity_notes(eq: statement_equity.EquityChanges) -> tuple[T, ...]:
    """What the SHU tahun berjalan row holds: the period's SHU once, and the closing's
    transfer of earlier years' results to 3.91."""
    from ..domain.money import format_rupiah as rp

    if not eq.prior_moved:
        return ()
    moved = abs(eq.prior_moved)
    if eq.prior_moved > 0:
        what = T(
            f"SHU tahun lalu yang belum dibagi ({rp(moved)}) dipindahkan dari 3.90 ke 3.91 "
            "(pengurangan pada baris SHU tahun berjalan, penambahan pada 3.91)",
            f"earlier years' undistributed SHU ({rp(moved)}) was moved from 3.90 to 3.91 (a "
            "decrease in the current year SHU row, an increase in 3.91)",
        )
    else:
        what = T(
            f"rugi tahun lalu yang belum ditutup ({rp(moved)}) dipindahkan dari 3.90 ke 3.91 "
            "(penambahan pada baris SHU tahun berjalan, pengurangan pada 3.91)",
            f"earlier years' uncovered loss ({rp(moved)}) was moved from 3.90 to 3.91 (an "
            "increase in the current year SHU row, a decrease in 3.91)",
        )
    if eq.earned >= 0:
        earned = T(
            f"SHU periode ini {rp(eq.earned)} tercatat satu kali, sebagai penambahan pada baris "
            "SHU tahun berjalan.",
            f"The period's SHU of {rp(eq.earned)} appears once, as an increase in the current "
            "year SHU row.",
        )
    else:
        earned = T(
            f"Rugi periode ini {rp(-eq.earned)} tercatat satu kali, sebagai pengurangan pada "
            "baris SHU tahun berjalan.",
            f"The period's loss of {rp(-eq.earned)} appears once, as a decrease in the current "
            "year SHU row.",
        )
    return (T("Pada tutup buku, ", "At the year-end closing, ") + what + T(". ") + earned,)


def _statement_report(
    db,
    params: ReportParams,
    name: str,
    title: T,
    maker,
    figures,
    notes=lambda _obj: (),
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "year")
        table, obj = maker(s, period)
        return ReportData(
            name,
            title,
            organisation(s),
            period,
            sections=(Section(None, figures(obj), (table,), notes(obj)),),
            signatures=board_signatures(s),
            sign_date=period.end,
            params=params.items(),
        )


def build_balance_sheet(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")

    def figs(bs: statement_sheets.BalanceSheet) -> tuple[Figure, ...]:
        return (
            Figure("total_assets", T("Jumlah aset", "Total assets"), bs.total_assets[0]),
            Figure(
                "total_liabilities",
                T("Jumlah liabilitas", "Total liabilities"),
                bs.total_liabilities[0],
            ),
            Figure("total_equity", T("Jumlah ekuitas", "Total equity"), bs.total_equity[0]),
        )

    return _statement_report(
        db,
        params,
        "posisi-keuangan",
        T("Laporan Posisi Keuangan", "Statement of Financial Position"),
        balance_sheet_table,
        figs,
    )


def build_income_statement(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")

    def figs(inc: statement_sheets.IncomeStatement) -> tuple[Figure, ...]:
        return (
            Figure("total_income", T("Jumlah pendapatan", "Total income"), inc.total_income[0]),
            Figure("total_expenses", T("Jumlah beban", "Total expenses"), inc.total_expenses[0]),
            Figure("surplus", T("Sisa hasil usaha (SHU)", "Surplus (SHU)"), inc.surplus[0]),
            Figure(
                "member_surplus",
                T("SHU usaha dengan anggota", "SHU from business with members"),
                inc.split.member_surplus if inc.split else inc.surplus[0],
            ),
            Figure(
                "non_member_surplus",
                T("SHU usaha dengan non-anggota", "SHU from business with non-members"),
                inc.split.non_member_surplus if inc.split else 0,
            ),
        )

    return _statement_report(
        db,
        params,
        "hasil-usaha",
        T("Perhitungan Hasil Usaha", "Income Statement"),
        income_table,
        figs,
    )


def build_cash_flow(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")

    def figs(cf: statement_cash_flow.CashFlow) -> tuple[Figure, ...]:
        return (
            Figure("opening_cash", T("Kas dan bank awal", "Opening cash and bank"), cf.opening[0]),
            Figure("net_cash", T("Arus kas bersih", "Net cash flow"), cf.net()[0]),
            Figure("closing_cash", T("Kas dan bank akhir", "Closing cash and bank"), cf.closing[0]),
        )

    return _statement_report(
        db,
        params,
        "arus-kas",
        T("Laporan Arus Kas", "Statement of Cash Flows"),
        cash_flow_table,
        figs,
    )


def build_equity_changes(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")

    def figs(eq: statement_equity.EquityChanges) -> tuple[Figure, ...]:
        return (
            Figure("opening_equity", T("Ekuitas awal", "Opening equity"), eq.opening),
            Figure("closing_equity", T("Ekuitas akhir", "Closing equity"), eq.closing),
        )

    return _statement_report(
        db,
        params,
        "perubahan-ekuitas",
        T("Laporan Perubahan Ekuitas", "Statement of Changes in Equity"),
        equity_table,
        figs,
        equity_notes,
    )


def statement_sections(s: Session, period: Period, page_break: bool = True) -> tuple[Section, ...]:
    # the balances and sums below are at, or between, the ends of the two periods, the
    # days before them and the days before their financial years: read them at once
    prev = previous(period)
    sm = st.fy_start_month(s)
    one = dt.timedelta(days=1)
    ends = (prev.end, period.end)
    fy_starts = [st.fiscal_year_bounds(st.fiscal_year_of(d, sm), sm)[0] for d in ends]
    st.prepare(s, [*ends, prev.start - one, period.start - one, *(d - one for d in fy_starts)])
    bs_t, bs = balance_sheet_table(s, period)
    inc_t, inc = income_table(s, period)
    cf_t, _cf = cash_flow_table(s, period)
    eq_t, eq = equity_table(s, period)
    return (
        Section(
            T("Laporan Posisi Keuangan", "Statement of Financial Position"),
            (
                Figure("total_assets", T("Jumlah aset", "Total assets"), bs.total_assets[0]),
                Figure(
                    "total_liabilities_equity",
                    T("Jumlah liabilitas dan ekuitas", "Total liabilities and equity"),
                    bs.total_liabilities[0] + bs.total_equity[0],
                ),
            ),
            (bs_t,),
            page_break_before=page_break,
        ),
        Section(
            T("Perhitungan Hasil Usaha", "Income Statement"),
            (Figure("surplus", T("Sisa hasil usaha (SHU)", "Surplus (SHU)"), inc.surplus[0]),),
            (inc_t,),
            page_break_before=page_break,
        ),
        Section(
            T("Laporan Arus Kas", "Statement of Cash Flows"),
            (),
            (cf_t,),
            page_break_before=page_break,
        ),
        Section(
            T("Laporan Perubahan Ekuitas", "Statement of Changes in Equity"),
            (),
            (eq_t,),
            equity_notes(eq),
            page_break_before=page_break,
        ),
    )


def build_financial_statements(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        report(progress, 0, 1, "")
        period = resolve_period(s, params, "year")
        sections = statement_sections(s, period, page_break=True)
        first = sections[0]
        sections = (Section(first.title, first.figures, first.tables, first.notes),) + sections[1:]
        return ReportData(
            "laporan-keuangan",
            T("Laporan Keuangan", "Financial Statements"),
            organisation(s),
            period,
            sections=sections,
            signatures=board_signatures(s),
            sign_date=period.end,
            params=params.items(),
        )

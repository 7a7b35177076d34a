"""Builders for the books and the financial statements (all from the ledger)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Account, JournalEntry, JournalLine, Member
from ..domain.shu import MEMBER, NON_MEMBER, SHARED
from ..services import statement_cash_flow, statement_equity, statement_sheets
from ..services import statements as st
from ..services.progress import ProgressCallback, report
from ..services.uow import read_only
from .common import (
    ReportParams,
    board_signatures,
    column_label,
    organisation,
    previous,
    resolve_period,
    treasurer_signature,
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
    last_fixed = fixed[-1].code if any(x.code.startswith("1.39") for x in fixed) else None
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


# ---------------------------------------------------------------- books


def build_trial_balance(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        report(progress, 0, 1, "")
        period = resolve_period(s, params, "month")
        infos = st.accounts(s)
        opening = st.sums(s, period.start - dt.timedelta(days=1))
        moves = st.sums(s, period.end, period.start)
        rows = []
        for code, info in infos.items():
            od, oc = opening.get(code, (0, 0))
            md, mc = moves.get(code, (0, 0))
            if not (od or oc or md or mc):
                continue
            net_open = od - oc
            net_close = net_open + md - mc
            rows.append(
                Row(
                    (
                        code,
                        T(info.name, info.name_en),
                        max(net_open, 0),
                        max(-net_open, 0),
                        md,
                        mc,
                        max(net_close, 0),
                        max(-net_close, 0),
                    )
                )
            )
        cols = (
            CODE,
            Column("name", T("Akun", "Account"), Kind.TEXT, 2.6),
            Column("open_debit", T("Saldo awal debit", "Opening debit"), Kind.MONEY, 1.3, True),
            Column("open_credit", T("Saldo awal kredit", "Opening credit"), Kind.MONEY, 1.3, True),
            Column("debit", T("Mutasi debit", "Debit movements"), Kind.MONEY, 1.3, True),
            Column("credit", T("Mutasi kredit", "Credit movements"), Kind.MONEY, 1.3, True),
            Column("close_debit", T("Saldo akhir debit", "Closing debit"), Kind.MONEY, 1.3, True),
            Column(
                "close_credit", T("Saldo akhir kredit", "Closing credit"), Kind.MONEY, 1.3, True
            ),
        )
        table = Table(
            "neraca_saldo",
            T("Neraca Saldo", "Trial Balance"),
            cols,
            tuple(rows),
            sheet=T("Neraca Saldo", "Trial Balance"),
        )
        tot = table.totals()
        return ReportData(
            "neraca-saldo",
            T("Neraca Saldo", "Trial Balance"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "total_debit",
                            T("Jumlah saldo akhir debit", "Total closing debit"),
                            tot["close_debit"],
                        ),
                        Figure(
                            "total_credit",
                            T("Jumlah saldo akhir kredit", "Total closing credit"),
                            tot["close_credit"],
                        ),
                    ),
                    (table,),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )


def _entry_lines(s: Session, start: dt.date, end: dt.date, account_codes: set[str] | None = None):
    q = (
        select(
            JournalEntry.id,
            JournalEntry.date,
            JournalEntry.receipt_no,
            JournalEntry.description,
            Account.code,
            Account.name,
            Account.name_en,
            JournalLine.debit,
            JournalLine.credit,
            JournalLine.memo,
        )
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .join(Account, Account.id == JournalLine.account_id)
        .where(JournalEntry.date >= start, JournalEntry.date <= end)
    )
    if account_codes is not None:
        q = q.where(Account.code.in_(account_codes))
    return q


def build_journal(db, params: ReportParams, progress: ProgressCallback | None = None) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
        report(progress, 0, 2, "")
        q = _entry_lines(s, period.start, period.end).order_by(
            JournalEntry.date, JournalEntry.id, JournalLine.id
        )
        rows = []
        last = None
        for eid, d, receipt, desc, code, name, name_en, debit, credit, _memo in s.execute(q):
            first = eid != last
            last = eid
            rows.append(
                Row(
                    (
                        d if first else None,
                        str(eid) if first else None,
                        (receipt or "") if first else "",
                        desc if first else "",
                        code,
                        T(name, name_en or name),
                        int(debit) or None,  # an empty side stays empty on paper
                        int(credit) or None,
                    )
                )
            )
        report(progress, 1, 2, "")
        cols = (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 1.0),
            Column("entry", T("No. jurnal", "Entry no."), Kind.TEXT, 0.8),
            Column("receipt", T("Bukti", "Voucher"), Kind.TEXT, 1.4),
            Column("description", T("Keterangan", "Description"), Kind.TEXT, 3.4),
            CODE,
            Column("account", T("Akun", "Account"), Kind.TEXT, 2.2),
            Column("debit", T("Debit", "Debit"), Kind.MONEY, 1.3, True),
            Column("credit", T("Kredit", "Credit"), Kind.MONEY, 1.3, True),
        )
        table = Table("jurnal", T("Jurnal Umum", "General Journal"), cols, tuple(rows))
        tot = table.totals()
        entries = len({r.cells[1] for r in rows if r.cells[1] is not None})
        return ReportData(
            "jurnal",
            T("Jurnal Umum", "General Journal"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "entries", T("Jumlah jurnal", "Number of entries"), entries, Kind.INT
                        ),
                        Figure("total_debit", T("Jumlah debit", "Total debit"), tot["debit"]),
                        Figure("total_credit", T("Jumlah kredit", "Total credit"), tot["credit"]),
                    ),
                    (table,),
                ),
            ),
            landscape=True,
            params=params.items(),
        )


def build_general_ledger(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
        infos = st.accounts(s)
        opening = st.balances(s, period.start - dt.timedelta(days=1), infos=infos)
        q = _entry_lines(s, period.start, period.end).order_by(
            Account.code, JournalEntry.date, JournalEntry.id, JournalLine.id
        )
        by_code: dict[str, list] = {}
        for r in s.execute(q):
            by_code.setdefault(r[4], []).append(r)
        codes = [c for c in infos if c in by_code or opening.get(c, 0)]
        rows: list[Row] = []
        for n, code in enumerate(codes):
            report(progress, n, len(codes), code)
            info = infos[code]
            debit_normal = info.type in ("asset", "expense")
            bal = opening.get(code, 0)
            rows.append(
                Row(
                    (
                        code,
                        T(info.name, info.name_en),
                        None,
                        None,
                        T("Saldo awal", "Opening balance"),
                        None,
                        None,
                        bal,
                    ),
                    RowKind.HEADING,
                )
            )
            for eid, d, receipt, desc, _c, _n, _ne, debit, credit, _memo in by_code.get(code, []):
                bal += (debit - credit) if debit_normal else (credit - debit)
                rows.append(
                    Row(
                        (
                            code,
                            None,
                            d,
                            str(eid),
                            (f"{receipt} · " if receipt else "") + desc,
                            int(debit) or None,
                            int(credit) or None,
                            bal,
                        )
                    )
                )
            rows.append(
                Row(
                    (
                        code,
                        T(info.name, info.name_en),
                        None,
                        None,
                        T("Saldo akhir", "Closing balance"),
                        None,
                        None,
                        bal,
                    ),
                    RowKind.SUBTOTAL,
                )
            )
        cols = (
            CODE,
            Column("account", T("Akun", "Account"), Kind.TEXT, 1.8),
            Column("date", T("Tanggal", "Date"), Kind.DATE, 0.9),
            Column("entry", T("No. jurnal", "Entry no."), Kind.TEXT, 0.7),
            Column("description", T("Keterangan", "Description"), Kind.TEXT, 3.6),
            Column("debit", T("Debit", "Debit"), Kind.MONEY, 1.2, True),
            Column("credit", T("Kredit", "Credit"), Kind.MONEY, 1.2, True),
            Column("balance", T("Saldo", "Balance"), Kind.MONEY, 1.3),
        )
        table = Table("buku_besar", T("Buku Besar", "General Ledger"), cols, tuple(rows))
        return ReportData(
            "buku-besar",
            T("Buku Besar", "General Ledger"),
            organisation(s),
            period,
            sections=(Section(None, (), (table,)),),
            landscape=True,
            params=params.items(),
        )


def _counterparts(s: Session, start: dt.date, end: dt.date, cash: set[str]):
    """For the entries that move cash or bank between ``start`` and ``end``: entry id ->
    {account code: (name, English name)} of all its lines, and entry id -> the members named
    on its lines (``A00012 – Siti Aminah``)."""
    moves_cash = (
        select(JournalLine.entry_id)
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(Account.code.in_(cash), JournalEntry.date >= start, JournalEntry.date <= end)
    )
    q = (
        select(
            JournalLine.entry_id,
            Account.code,
            Account.name,
            Account.name_en,
            Member.number,
            Member.name,
        )
        .join(Account, Account.id == JournalLine.account_id)
        .outerjoin(Member, Member.id == JournalLine.member_id)
        .where(JournalLine.entry_id.in_(moves_cash))
        .order_by(JournalLine.entry_id, JournalLine.id)
    )
    accounts: dict[int, dict[str, tuple[str, str]]] = {}
    members: dict[int, list[str]] = {}
    for eid, code, name, name_en, number, member_name in s.execute(q):
        accounts.setdefault(eid, {}).setdefault(code, (name, name_en or name))
        if number:
            who = f"{number} – {member_name}"
            if who not in members.setdefault(eid, []):
                members[eid].append(who)
    return accounts, members


def build_cash_book(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
        report(progress, 0, 1, "")
        infos = st.accounts(s)
        codes = statement_cash_flow.cash_codes(infos)
        opening_bal = st.balances(s, period.start - dt.timedelta(days=1), infos=infos)
        opening = sum(opening_bal.get(c, 0) for c in codes)
        q = _entry_lines(s, period.start, period.end, codes).order_by(
            JournalEntry.date, JournalEntry.id, JournalLine.id
        )
        counter, members = _counterparts(s, period.start, period.end, codes)
        rows = []
        bal = opening
        for eid, d, receipt, desc, code, _n, _ne, debit, credit, memo in s.execute(q):
            bal += int(debit) - int(credit)
            others = counter.get(eid, {})
            shown = [c for c in others if c not in codes] or [c for c in others if c != code]
            rows.append(
                Row(
                    (
                        d,
                        receipt or "",
                        str(eid),
                        desc + (f" ({memo})" if memo and memo not in desc else ""),
                        code,
                        T(
                            ", ".join(f"{c} {others[c][0]}" for c in shown),
                            ", ".join(f"{c} {others[c][1]}" for c in shown),
                        ),
                        ", ".join(members.get(eid, [])),
                        int(debit) or None,  # an empty side stays empty on paper
                        int(credit) or None,
                        bal,
                    )
                )
            )
        cols = (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 0.85),
            Column("receipt", T("Bukti", "Voucher"), Kind.TEXT, 1.25),
            Column("entry", T("No. jurnal", "Entry no."), Kind.TEXT, 0.6),
            Column("description", T("Keterangan", "Description"), Kind.TEXT, 2.6),
            Column("account", T("Kas", "Cash"), Kind.TEXT, 0.55),
            Column("counter", T("Akun lawan", "Counter account"), Kind.TEXT, 1.9),
            Column("member", T("Anggota", "Member"), Kind.TEXT, 1.6),
            Column("in", T("Masuk", "In"), Kind.MONEY, 1.1, True),
            Column("out", T("Keluar", "Out"), Kind.MONEY, 1.1, True),
            Column("balance", T("Saldo", "Balance"), Kind.MONEY, 1.2),
        )
        table = Table("buku_kas", T("Buku Kas", "Cash Book"), cols, tuple(rows))
        tot = table.totals()
        return ReportData(
            "buku-kas",
            T("Buku Kas", "Cash Book"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "opening",
                            T("Saldo awal kas dan bank", "Opening cash and bank"),
                            opening,
                        ),
                        Figure("in", T("Jumlah penerimaan", "Total received"), tot["in"]),
                        Figure("out", T("Jumlah pengeluaran", "Total paid out"), tot["out"]),
                        Figure(
                            "closing", T("Saldo akhir kas dan bank", "Closing cash and bank"), bal
                        ),
                    ),
                    (table,),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )

"""The RAT book's notes to the financial statements (CALK), generated from the books. Split
from :mod:`.rat_book`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Any

from ..domain import accounts
from ..domain.fmt import long_date
from ..domain.money import format_rupiah as rp
from ..services import ledger, outreach, statement_sheets, statements
from ..services.loans import quality as loan_quality
from ..services.rat import records
from ..services.reads import ReadSession as Session
from ..services.reads.books import account_moves
from .model import (
    Column,
    Kind,
    Period,
    Row,
    Section,
    T,
    Table,
)


def _two_year(
    key: str, title: T, label: T, rows: list[tuple[Any, ...]], period: Period, sheet: T
) -> Table:
    cols = (
        Column("code", T("Kode", "Code"), Kind.TEXT, 0.6),
        Column("item", label, Kind.TEXT, 2.4),
        Column("current", T(f"{period.end.year}", f"{period.end.year}"), Kind.MONEY, 1.1, True),
        Column(
            "previous", T(f"{period.end.year - 1}", f"{period.end.year - 1}"), Kind.MONEY, 1.1, True
        ),
    )
    return Table(key, title, cols, tuple(Row(r) for r in rows), sheet=sheet)


def calk_sections(s: Session, period: Period) -> tuple[Section, ...]:
    """Notes to the financial statements, from the books (SAK EP, Permenkop 2/2024)."""
    one = dt.timedelta(days=1)
    prev_end = period.start - one
    prev_start = statements.previous_period(period.start, period.end)[0]
    infos = statements.accounts(s)
    cur = statements.balances(s, period.end, infos=infos)
    old = statements.balances(s, prev_end, infos=infos)

    def lines(pred) -> list[tuple[Any, ...]]:
        out = []
        for code, info in infos.items():
            if pred(code, info) and (cur.get(code, 0) or old.get(code, 0)):
                out.append((code, T(info.name, info.name_en), cur.get(code, 0), old.get(code, 0)))
        return out

    policies = Section(
        T("1. Kebijakan Akuntansi", "1. Accounting Policies"),
        notes=(
            T(
                "Laporan keuangan disusun menurut Standar Akuntansi Keuangan Entitas Privat (SAK EP) "
                "sebagaimana diwajibkan Permenkop 2/2024, dengan dasar akrual dan biaya historis, "
                "dalam rupiah penuh. Laporan keuangan terdiri atas laporan posisi keuangan, "
                "perhitungan hasil usaha, laporan arus kas (metode langsung), laporan perubahan "
                "ekuitas dan catatan ini.",
                "The financial statements follow SAK EP (financial accounting standard for "
                "private entities) as Permenkop 2/2024 requires, on the accrual basis at "
                "historical cost, in whole rupiah: the statement of financial position, the "
                "income statement, the statement of cash flows (direct method), the statement "
                "of changes in equity and these notes.",
            ),
            T(
                "Pinjaman anggota dicatat sebesar sisa pokok. Penyisihan penghapusan pinjaman "
                "(PPAP) dibentuk menurut kolektibilitas (lancar, kurang lancar, diragukan, macet) "
                "dengan persentase yang ditetapkan pengurus. Pendapatan bunga diakui saat "
                "diterima. Simpanan pokok dan wajib disajikan sebagai ekuitas; simpanan sukarela "
                "dan berjangka sebagai liabilitas. Aset tetap disusutkan dengan metode garis lurus.",
                "Loans to members are carried at principal outstanding, less an allowance (PPAP) "
                "by loan class at the rates the board set. Interest income is recognised when "
                "received. Simpanan pokok and wajib are equity; voluntary and term savings are "
                "liabilities. Fixed assets are depreciated straight-line.",
            ),
            T(
                "Hasil usaha dengan anggota dan dengan non-anggota disajikan terpisah (UU 25/1992 "
                "Pasal 45); hanya SHU dari usaha dengan anggota yang dibagi kepada anggota.",
                "Results of business with members and with non-members are shown apart (UU "
                "25/1992 art. 45); only the SHU from business with members is shared among members.",
            ),
        ),
    )
    cash_rows = lines(lambda c, i: i.type == "asset" and c.startswith(accounts.CASH_AND_BANK))
    cash = Section(
        T("2. Kas dan Bank", "2. Cash and Bank"),
        tables=(
            _two_year(
                "calk_kas",
                T("Kas dan bank", "Cash and bank"),
                T("Akun", "Account"),
                cash_rows,
                period,
                T("CALK Kas", "Notes cash"),
            ),
        ),
    )
    from . import loans as loan_reports

    r = loan_quality.arrears_in(s, period.end)
    loan_tables = (loan_reports.loan_class_table(r),)
    # a contra asset: its balance is a credit
    allowance = -ledger.balance(s, accounts.LOAN_ALLOWANCE, period.end)
    loan_notes = (
        T(
            f"Sisa pokok pinjaman anggota per {long_date(period.end)} sebesar "
            f"{rp(r.outstanding)}; PPAP yang wajib dibentuk {rp(r.ppap_total)} dan saldo "
            f"penyisihan (1.29) {rp(allowance)}.",
            f"Loans to members at {long_date(period.end, 'en')}: principal outstanding "
            f"{rp(r.outstanding)}; required allowance {rp(r.ppap_total)}; allowance "
            f"balance (1.29) {rp(allowance)}.",
        ),
    )
    loans = Section(
        T("3. Pinjaman Anggota dan PPAP", "3. Loans to Members and Allowance"),
        (),
        loan_tables,
        loan_notes,
    )
    sav_rows = lines(
        lambda c, i: (
            c[:4]
            in (
                accounts.VOLUNTARY_SAVINGS,
                accounts.TERM_DEPOSITS,
                accounts.PRINCIPAL_SAVINGS,
                accounts.MANDATORY_SAVINGS,
            )
        )
    )
    growth = outreach.savings_growth_in(s, period.start, period.end)
    growth_t = Table(
        "calk_simpanan_mutasi",
        T("Mutasi simpanan anggota per jenis", "Members' savings by kind: movements"),
        (
            Column("product", T("Jenis simpanan", "Kind"), Kind.TEXT, 1.6),
            Column("opening", T("Saldo awal", "Opening"), Kind.MONEY, 1.1, True),
            Column("in", T("Setoran", "Deposits"), Kind.MONEY, 1.1, True),
            Column("out", T("Penarikan", "Withdrawals"), Kind.MONEY, 1.1, True),
            Column("closing", T("Saldo akhir", "Closing"), Kind.MONEY, 1.1, True),
        ),
        tuple(
            Row((g.product_name, g.opening, g.deposits, g.withdrawals, g.closing)) for g in growth
        )
        + _time_deposit_flow(s, period),
        sheet=T("CALK Simpanan", "Notes savings"),
    )
    savings = Section(
        T("4. Simpanan Anggota", "4. Members' Savings"),
        tables=(
            _two_year(
                "calk_simpanan",
                T("Simpanan per akun", "Savings by account"),
                T("Akun", "Account"),
                sav_rows,
                period,
                T("CALK Simpanan Akun", "Notes savings acc"),
            ),
            growth_t,
        ),
        notes=(
            T(
                "Simpanan pokok dan wajib adalah ekuitas; sukarela dan berjangka liabilitas.",
                "Pokok and wajib savings are equity; voluntary and term savings are liabilities.",
            ),
        ),
    )
    bs = statement_sheets.balance_sheet_in(s, period.end, prev_end)
    eq_rows = [(x.code, T(x.name, x.name_en), x.current, x.previous) for x in bs.equity]
    equity = Section(
        T("5. Ekuitas", "5. Equity"),
        tables=(
            _two_year(
                "calk_ekuitas",
                T("Ekuitas", "Equity"),
                T("Akun", "Account"),
                eq_rows,
                period,
                T("CALK Ekuitas", "Notes equity"),
            ),
        ),
    )
    inc = statement_sheets.income_statement_in(s, period.start, period.end, (prev_start, prev_end))
    sp, spp = inc.split, inc.previous_split

    def side_rows(b, p):
        def g(x, k):
            return getattr(x, k, 0) if x is not None else 0

        return [
            (
                "",
                T("Pendapatan dari anggota", "Income from members"),
                g(b, "member_income"),
                g(p, "member_income"),
            ),
            (
                "",
                T("Pendapatan dari non-anggota", "Income from non-members"),
                g(b, "non_member_income"),
                g(p, "non_member_income"),
            ),
            (
                "",
                T("SHU usaha dengan anggota", "SHU from business with members"),
                g(b, "member_surplus"),
                g(p, "member_surplus"),
            ),
            (
                "",
                T("SHU usaha dengan non-anggota", "SHU from business with non-members"),
                g(b, "non_member_surplus"),
                g(p, "non_member_surplus"),
            ),
        ]

    side_t = _two_year(
        "calk_anggota",
        T("Hasil usaha anggota dan non-anggota", "Results with members and non-members"),
        T("Pos", "Item"),
        side_rows(sp, spp),
        period,
        T("CALK Anggota", "Notes members"),
    )
    side_t = dataclasses.replace(
        side_t, columns=tuple(dataclasses.replace(c, total=False) for c in side_t.columns)
    )
    sides = Section(
        T(
            "6. Hasil Usaha dengan Anggota dan Non-Anggota",
            "6. Results with Members and Non-Members",
        ),
        tables=(side_t,),
    )
    officers = records.officers_in(s, period.end)
    honoraria = sum(
        v
        for c, v in statements.balances(
            s, period.end, period.start, (statements.CLOSING_SOURCE,), infos
        ).items()
        if c == accounts.BOARD_HONORARIA
    )
    related_notes = [
        T(
            f"Pihak berelasi adalah pengurus dan pengawas ({len([o for o in officers if o.body != 'karyawan'])} orang "
            f"pada akhir tahun). Honorarium pengurus tahun buku (5.13) Rp{honoraria:,}.".replace(
                ",", "."
            ),
            f"Related parties are the board and the supervisors ({len([o for o in officers if o.body != 'karyawan'])} "
            f"at year end). Board honoraria of the year (5.13) {rp(honoraria)}.",
        )
    ]
    names = {o.name.strip().lower() for o in officers if o.body != "karyawan"}
    officer_loans = [q for q in r.loans if q.member_name.strip().lower() in names]
    related_notes.append(
        T(
            f"Pinjaman kepada pengurus dan pengawas (anggota yang namanya sama dengan nama "
            f"dalam daftar pengurus): {len(officer_loans)} pinjaman, sisa pokok "
            f"{rp(sum(q.outstanding for q in officer_loans))}, dengan syarat yang sama "
            f"dengan anggota lain.",
            f"Loans to board members and supervisors (members named as in the officers' "
            f"register): {len(officer_loans)} loans, principal outstanding "
            f"{rp(sum(q.outstanding for q in officer_loans))}, on the same terms as other "
            f"members.",
        )
    )
    related = Section(T("7. Pihak Berelasi", "7. Related Parties"), notes=tuple(related_notes))
    from .fixed_assets import calk_note  # the fixed assets' note, when the register has any

    return (policies, cash, loans, savings, equity, sides, related, *calk_note(s, period, 8))


def _time_deposit_flow(s: Session, period: Period) -> tuple[Row, ...]:
    """The time deposits (2.11) as one more kind in the savings movements: placed and rolled
    in, paid out, so the table adds up to the savings on the balance sheet."""
    moves = account_moves(s, accounts.TERM_DEPOSITS, period.start, period.end)
    if moves is None:
        return ()
    debit, credit = moves
    opening = ledger.balance(s, accounts.TERM_DEPOSITS, period.start - dt.timedelta(days=1))
    if not (opening or debit or credit):
        return ()
    closing = opening + int(credit) - int(debit)
    return (Row(("Simpanan Berjangka", opening, int(credit), int(debit), closing)),)

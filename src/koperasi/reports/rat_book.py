"""The RAT book (buku RAT): everything the annual members' meeting reads, in the usual order,
with a table of contents whose page numbers match the printed pages.

Parts: cover · table of contents · agenda · board, supervisors and staff · the board's
accountability report (narrative, then the year at a glance) · the financial statements
(:func:`koperasi.reports.finance.statement_sections`) · notes to the financial statements
(CALK, generated from the books) · the SHU split (:mod:`.shu_reports`) · membership, savings
and loan statistics (:mod:`.rat`) · the health rating (four aspects, :mod:`koperasi.services.rat.health`)
· budget against actual and next year's budget (RAPB) · the supervisors' report · the
attendance register (to sign) and the quorum · the minutes (berita acara) with the decisions
and the signatures. The workbook (:func:`koperasi.reports.xlsx.render_xlsx` of the same data)
carries the same numbers.

Also here: the monthly budget against actual (``realisasi-anggaran``) and the annual data
sheet for the Ministry (``data-tahunan``: members, capital, assets, volume, SHU).

The PDF goes through :func:`render_book_pdf`: it lays the book out with the shared page
furniture of :mod:`.pdf`, notes the page each part's heading lands on, and lays it out again
with those numbers in the table of contents (the contents has a fixed number of lines, so
the second layout has the same pages as the first; checked, and repeated if not).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..domain import health_rating as hr
from ..domain.fmt import long_date
from ..domain.money import format_rupiah as rp
from ..services import health, ledger, outreach, statement_sheets, statements
from ..services import shu as shu_service
from ..services.progress import ProgressCallback, report
from ..services.rat import budget as budget_service
from ..services.rat import health as rating_service
from ..services.rat import records
from ..services.uow import read_only
from . import finance, rat, shu_reports
from .common import (
    ReportParams,
    default_month,
    default_year,
    month_period,
    organisation,
    year_period,
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
    Signature,
    T,
    Table,
)

STEPS = 8
BODY_LABELS = {
    "pengurus": T("Pengurus", "Board"),
    "pengawas": T("Pengawas", "Supervisors"),
    "karyawan": T("Karyawan", "Staff"),
}


@dataclass(frozen=True)
class Part:
    """A part of the book: a heading in the table of contents, starting on a new page."""

    key: str
    title: T
    sections: tuple[Section, ...]


def _paras(body: str) -> tuple[T, ...]:
    """A narrative text as paragraphs (blank lines separate them)."""
    out: list[T] = []
    for block in body.replace("\r\n", "\n").split("\n\n"):
        block = " ".join(x.strip() for x in block.splitlines() if x.strip())
        if block:
            out.append(T(block))
    return tuple(out)


# ---------------------------------------------------------------- parts


def agenda_section(m: records.MeetingView) -> Section:
    where = []
    if m.held_on:
        when = T(long_date(m.held_on), long_date(m.held_on, "en"))
        where.append(Figure("meeting_date", T("Tanggal rapat", "Meeting date"), when, Kind.TEXT))
    if m.place:
        where.append(Figure("meeting_place", T("Tempat", "Place"), m.place, Kind.TEXT))
    table = Table(
        "acara",
        T("Acara rapat", "Agenda"),
        (
            Column("no", T("No.", "No."), Kind.INT, 0.4),
            Column("item", T("Acara", "Item"), Kind.TEXT, 6),
        ),
        tuple(Row((n, T(a))) for n, a in enumerate(m.agenda, start=1)),
        sheet=T("Acara RAT", "Agenda"),
    )
    return Section(
        T("Acara Rapat Anggota Tahunan", "Agenda of the Annual Members' Meeting"),
        tuple(where),
        (table,),
    )


def officers_section(officers: Sequence[records.OfficerView]) -> Section:
    cols = (
        Column("body", T("Badan", "Body"), Kind.TEXT, 0.9),
        Column("position", T("Jabatan", "Position"), Kind.TEXT, 1.2),
        Column("name", T("Nama", "Name"), Kind.TEXT, 1.8),
        Column("term_start", T("Mulai menjabat", "Term from"), Kind.DATE, 0.9),
        Column("term_end", T("Akhir masa jabatan", "Term to"), Kind.DATE, 0.9),
    )
    rows = tuple(
        Row((BODY_LABELS.get(o.body, T(o.body)), o.position, o.name, o.term_start, o.term_end))
        for o in officers
    )
    return Section(
        T("Pengurus, Pengawas dan Karyawan", "Board, Supervisors and Staff"),
        (),
        (
            Table(
                "pengurus",
                T("Susunan pengurus, pengawas dan karyawan", "Board, supervisors and staff"),
                cols,
                rows,
                sheet=T("Pengurus", "Officers"),
            ),
        ),
        (T("Yang menjabat pada akhir tahun buku.", "Serving at the end of the financial year."),),
    )


def summary_section(
    s: Session, period: Period, plan: shu_service.ShuPlan, h: health.HealthRatios, members: int
) -> Section:
    return Section(
        T("Ikhtisar Tahun Buku", "The Year at a Glance"),
        rat.summary_figures(plan, h, members),
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
    cash_rows = lines(
        lambda c, i: i.type == "asset" and (c.startswith("1.01") or c.startswith("1.02"))
    )
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
    loan_tables: tuple[Table, ...] = ()
    loan_notes: tuple[T, ...] = ()
    from . import loan_hooks

    if loan_hooks.available():
        from . import loans as loan_reports

        r = loan_reports._lq().arrears_in(s, period.end)
        loan_tables = (loan_reports._class_table(r),)
        allowance = -ledger.balance(s, "1.29", period.end)  # a contra asset: credit balance
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
        lambda c, i: c.split(".")[0] in ("2", "3") and c[:4] in ("2.10", "2.11", "3.10", "3.11")
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
        if c == "5.13"
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
    if loan_hooks.available():
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


def savings_stats_section(s: Session, period: Period) -> Section:
    growth = outreach.savings_growth_in(s, period.start, period.end)
    cols = (
        Column("product", T("Jenis simpanan", "Kind"), Kind.TEXT, 1.6),
        Column("opening", T("Saldo awal", "Opening"), Kind.MONEY, 1.1, True),
        Column("closing", T("Saldo akhir", "Closing"), Kind.MONEY, 1.1, True),
        Column("growth", T("Pertumbuhan", "Growth"), Kind.MONEY, 1.1, True),
    )
    return Section(
        T("Statistik Simpanan", "Savings Statistics"),
        tables=(
            Table(
                "statistik_simpanan",
                T("Simpanan anggota per jenis", "Members' savings by kind"),
                cols,
                tuple(Row((g.product_name, g.opening, g.closing, g.growth)) for g in growth),
                sheet=T("Statistik Simpanan", "Savings stats"),
            ),
        ),
        page_break_before=True,
    )


def promotion_section(s: Session, period: Period, plan: shu_service.ShuPlan) -> Section:
    """Laporan promosi ekonomi anggota: what the members got from their cooperative in the
    year, from the books (SAK EP / Permenkop 2/2024 lists it among the reports)."""
    infos = statements.accounts(s)
    bal = statements.balances(s, period.end, period.start, (statements.CLOSING_SOURCE,), infos)
    interest = sum(  # savings interest, and the time deposits' (5.21)
        v for c, v in bal.items() if c in ("5.20", "5.21") or infos[c].code.startswith("5.20.")
    )
    disbursed = outreach.disbursements_in(s, period.start, period.end)
    shu_members = plan.member_pot if plan.surplus > 0 else 0
    funds = (
        sum(plan.pots.get(k, 0) for k in ("dana_pendidikan", "dana_sosial"))
        if plan.surplus > 0
        else 0
    )
    cols = (
        Column("item", T("Manfaat ekonomi", "Economic benefit"), Kind.TEXT, 3),
        Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.2, True),
    )
    rows = (
        Row(
            (
                T(
                    "Jasa simpanan dibayarkan kepada anggota (5.20, 5.21)",
                    "Interest paid on members' savings (5.20, 5.21)",
                ),
                interest,
            )
        ),
        Row(
            (
                T(
                    "SHU bagian anggota (jasa anggota dan jasa modal)",
                    "Members' SHU (patronage and capital)",
                ),
                shu_members,
            )
        ),
        Row(
            (
                T(
                    "Dana pendidikan dan dana sosial dari SHU",
                    "Education and social funds from the SHU",
                ),
                funds,
            )
        ),
    )
    return Section(
        T("Laporan Promosi Ekonomi Anggota", "Members' Economic Promotion Report"),
        (
            Figure(
                "promo_loans",
                T("Pinjaman disalurkan kepada anggota", "Loans to members disbursed"),
                sum(d.amount for d in disbursed),
            ),
            Figure(
                "promo_loans_count",
                T("Jumlah pinjaman disalurkan", "Number of loans disbursed"),
                len(disbursed),
                Kind.INT,
            ),
        ),
        (
            Table(
                "promosi",
                T("Manfaat ekonomi bagi anggota", "Economic benefits to members"),
                cols,
                rows,
                sheet=T("Promosi Ekonomi", "Economic promotion"),
            ),
        ),
        (
            T(
                "Dari pembukuan tahun buku: layanan pinjaman kepada anggota dan manfaat yang dikembalikan kepada anggota.",
                "From the year's books: lending to members and the benefits returned to them.",
            ),
        ),
        page_break_before=True,
    )


def rating_sections(y: rating_service.YearRating) -> tuple[Section, ...]:
    r = y.rating
    aspects = Table(
        "kesehatan_aspek",
        T("Skor per aspek", "Score by aspect"),
        (
            Column("aspect", T("Aspek", "Aspect"), Kind.TEXT, 2),
            Column("weight", T("Bobot", "Weight"), Kind.PERCENT, 0.8),
            Column("score", T("Skor aspek (0-100)", "Aspect score (0-100)"), Kind.TEXT, 1),
            Column("weighted", T("Skor tertimbang", "Weighted score"), Kind.TEXT, 1),
        ),
        tuple(
            Row((T(*hr.ASPECT_LABELS[a.aspect]), a.weight, _num(a.score), _num(a.weighted)))
            for a in r.aspects
        )
        + (Row((T("Jumlah", "Total"), Decimal(100), T(""), _num(r.total)), RowKind.SUBTOTAL),),
        sheet=T("Kesehatan Aspek", "Health aspects"),
    )
    indicators = Table(
        "kesehatan_indikator",
        T("Indikator", "Indicators"),
        (
            Column("aspect", T("Aspek", "Aspect"), Kind.TEXT, 1.1),
            Column("indicator", T("Indikator", "Indicator"), Kind.TEXT, 2.6),
            Column("value", T("Rasio / terpenuhi", "Ratio / met"), Kind.PERCENT, 0.9),
            Column("answered", T("Pertanyaan terpenuhi", "Questions met"), Kind.TEXT, 0.9),
            Column("score", T("Skor (1-4)", "Score (1-4)"), Kind.INT, 0.7),
        ),
        tuple(
            Row(
                (
                    T(*hr.ASPECT_LABELS[i.aspect]),
                    T(*i.label),
                    i.value,
                    f"{i.met} / {i.asked}" if i.asked is not None else "",
                    i.score,
                )
            )
            for i in r.indicators
        ),
        sheet=T("Kesehatan Indikator", "Health indicators"),
    )
    qs = Table(
        "tata_kelola",
        T(
            "Jawaban pengurus atas pertanyaan tata kelola",
            "The board's answers to the governance questions",
        ),
        (
            Column("group", T("Indikator", "Indicator"), Kind.TEXT, 1.3),
            Column("question", T("Pertanyaan", "Question"), Kind.TEXT, 3.4),
            Column("answer", T("Jawaban", "Answer"), Kind.TEXT, 0.8),
        ),
        tuple(
            Row(
                (
                    T(*g[2]),
                    T(q[1], q[2]),
                    T("Ya", "Yes")
                    if y.answers.get(q[0])
                    else (
                        T("Tidak", "No")
                        if q[0] in y.answers
                        else T("Belum dijawab", "Not answered")
                    ),
                )
            )
            for g in hr.QUESTION_GROUPS
            for q in g[3]
        ),
        sheet=T("Tata Kelola", "Governance"),
    )
    outcome = T(*hr.OUTCOME_LABELS[r.outcome])
    head = Section(
        T("Penilaian Kesehatan Koperasi", "Health Rating"),
        (
            Figure(
                "rating_total",
                T("Skor kesehatan (0-100)", "Health score (0-100)"),
                _num(r.total),
                Kind.TEXT,
            ),
            Figure("rating_outcome", T("Predikat", "Outcome"), outcome, Kind.TEXT),
        ),
        (aspects, indicators),
        (
            T(
                "Permenkop 9/2020 dan Juknis Deputi Bidang Perkoperasian 15/2021: empat aspek "
                "(tata kelola 30 %, profil risiko 15 %, kinerja keuangan 40 %, permodalan 15 %). "
                "Setiap indikator diberi skor 1-4; skor aspek = jumlah skor / (4 x jumlah "
                "indikator) x 100. Predikat: 80-100 sehat; 66-<80 cukup sehat; 51-<66 dalam "
                "pengawasan; <51 dalam pengawasan khusus. Indikator tata kelola dari jawaban "
                "pengurus; pertanyaan yang belum dijawab dihitung tidak terpenuhi. Penilaian "
                "resmi tetap oleh pemeriksa.",
                "Permenkop 9/2020 and Juknis 15/2021: four aspects (governance 30 %, risk "
                "profile 15 %, financial performance 40 %, capital 15 %). Each indicator scores "
                "1-4; an aspect's score = sum of scores / (4 x indicators) x 100. Outcome: "
                "80-100 healthy; 66-<80 fairly healthy; 51-<66 under supervision; <51 under "
                "special supervision. Governance indicators come from the board's answers; an "
                "unanswered question counts as not met. The official rating is the examiner's.",
            ),
        ),
        page_break_before=False,
    )
    books = Section(
        T("Rasio dari pembukuan", "Ratios from the books"), (), (rat.health_table(y.book),)
    )
    return (head, books, Section(None, (), (qs,)))


def _num(d: Decimal) -> T:
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


def attendance_section(s: Session, period: Period, m: records.MeetingView) -> Section:
    from ..db.models import Member

    facts = {f.member_id: f for f in outreach.member_facts(s)}
    people = [
        (num, name)
        for mid, num, name in s.execute(
            select(Member.id, Member.number, Member.name).order_by(Member.number)
        )
        if mid in facts and facts[mid].member_on(period.end)
    ]
    cols = (
        Column("no", T("No.", "No."), Kind.INT, 0.4),
        Column("number", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
        Column("name", T("Nama", "Name"), Kind.TEXT, 2.4),
        Column("signature", T("Tanda tangan", "Signature"), Kind.BLANK, 1.6),
    )
    rule_id, rule_en = m.rule.label()
    present = m.members_present
    figures = (
        Figure(
            "members_entitled",
            T("Anggota yang berhak hadir", "Members entitled to attend"),
            m.members_entitled,
            Kind.INT,
        ),
        Figure(
            "quorum_needed",
            T("Kuorum: paling sedikit hadir", "Quorum: members needed"),
            m.needed,
            Kind.INT,
        ),
        Figure(
            "members_present",
            T("Anggota yang hadir", "Members present"),
            present if present is not None else "",
            Kind.INT if present is not None else Kind.TEXT,
        ),
        Figure(
            "quorum_met",
            T("Kuorum", "Quorum"),
            (T("Tercapai", "Reached") if m.quorum else T("Tidak tercapai", "Not reached"))
            if m.quorum is not None
            else T("Belum diisi", "Not entered yet"),
            Kind.TEXT,
        ),
    )
    return Section(
        T("Daftar Hadir dan Kuorum", "Attendance Register and Quorum"),
        figures,
        (
            Table(
                "daftar_hadir",
                T("Daftar hadir anggota", "Members' attendance"),
                cols,
                tuple(Row((n, num, name, "")) for n, (num, name) in enumerate(people, start=1)),
                sheet=T("Daftar Hadir", "Attendance"),
            ),
        ),
        (
            T(
                f"Aturan kuorum menurut anggaran dasar: {rule_id}.",
                f"Quorum rule of the statutes: {rule_en}.",
            ),
        ),
    )


def minutes_section(m: records.MeetingView, org_name: str) -> Section:
    when = long_date(m.held_on) if m.held_on else "...................."
    when_en = long_date(m.held_on, "en") if m.held_on else "...................."
    present = str(m.members_present) if m.members_present is not None else "......"
    opening = T(
        f"Pada hari ini, {when}, bertempat di {m.place or '....................'}, telah "
        f"diselenggarakan Rapat Anggota Tahunan {org_name} tahun buku {m.year}, dihadiri "
        f"{present} dari {m.members_entitled} anggota"
        + (
            " sehingga kuorum tercapai"
            if m.quorum
            else (" sehingga kuorum tidak tercapai" if m.quorum is False else "")
        )
        + ". Rapat memutuskan:",
        f"On {when_en}, at {m.place or '....................'}, the Annual Members' Meeting of "
        f"{org_name} for the financial year {m.year} was held with {present} of "
        f"{m.members_entitled} members present"
        + (", a quorum" if m.quorum else (", without a quorum" if m.quorum is False else ""))
        + ". The meeting decided:",
    )
    table = Table(
        "keputusan",
        T("Keputusan rapat", "Decisions"),
        (
            Column("no", T("No.", "No."), Kind.INT, 0.4),
            Column("decision", T("Keputusan", "Decision"), Kind.TEXT, 6),
        ),
        tuple(Row((n, T(d))) for n, d in enumerate(m.decisions, start=1)),
        sheet=T("Keputusan RAT", "Decisions"),
    )
    return Section(
        T("Berita Acara Rapat Anggota Tahunan", "Minutes of the Annual Members' Meeting"),
        (),
        (table,),
        (opening,),
    )


def book_parts(
    s: Session, year: int, progress: ProgressCallback | None = None
) -> tuple[Period, tuple[Part, ...]]:
    period = year_period(s, year)
    prev_end = period.start - dt.timedelta(days=1)
    report(progress, 0, STEPS, "Rapat")
    meeting = records.meeting_in(s, year)
    officers = records.officers_in(s, period.end)
    board = records.text_in(s, year, records.BOARD)
    supervisors = records.text_in(s, year, records.SUPERVISORS)
    report(progress, 1, STEPS, "Laporan keuangan")
    stmts = finance.statement_sections(s, period, page_break=True)
    report(progress, 2, STEPS, "SHU")
    plan = shu_service.plan_in(s, year)
    shu_figs, shu_tables, shu_notes = shu_reports.shu_content(s, plan)
    report(progress, 3, STEPS, "CALK")
    calk = calk_sections(s, period)
    report(progress, 4, STEPS, "Statistik")
    members = outreach.membership_in(s, period.start, period.end)
    loans = rat.loan_section(s, period)
    h = health.health_in(s, period.end, prev_end)
    report(progress, 5, STEPS, "Kesehatan")
    rating = rating_service.rating_in(s, year)
    report(progress, 6, STEPS, "Anggaran")
    actual = budget_service.report_in(s, year, period.start, period.end)
    report(progress, 7, STEPS, "Daftar hadir")
    attendance = attendance_section(s, period, meeting)
    report(progress, STEPS, STEPS, "")
    stats = (rat.membership_section(members, period), savings_stats_section(s, period))
    if loans is not None:
        stats += (loans,)
    stats += (promotion_section(s, period, plan),)
    parts = (
        Part("acara", T("Acara Rapat", "Agenda"), (agenda_section(meeting),)),
        Part(
            "pengurus",
            T("Pengurus, Pengawas dan Karyawan", "Board, Supervisors and Staff"),
            (officers_section(officers),),
        ),
        Part(
            "laporan_pengurus",
            T("Laporan Pertanggungjawaban Pengurus", "The Board's Accountability Report"),
            (
                Section(None, notes=_paras(board.body)),
                summary_section(s, period, plan, h, members.total.at_end),
            ),
        ),
        Part("laporan_keuangan", T("Laporan Keuangan", "Financial Statements"), stmts),
        Part("calk", T("Catatan atas Laporan Keuangan", "Notes to the Financial Statements"), calk),
        Part("shu", shu_reports.shu_title(plan), (Section(None, shu_figs, shu_tables, shu_notes),)),
        Part(
            "statistik",
            T(
                "Statistik dan Promosi Ekonomi Anggota",
                "Statistics and Members' Economic Promotion",
            ),
            stats,
        ),
        Part(
            "kesehatan", T("Penilaian Kesehatan Koperasi", "Health Rating"), rating_sections(rating)
        ),
        Part(
            "anggaran",
            T("Realisasi Anggaran dan RAPB", "Budget against Actual and Next Year's Budget"),
            (
                Section(
                    T(f"Realisasi anggaran tahun {year}", f"Budget against actual {year}"),
                    tables=(
                        budget_table(
                            "realisasi",
                            T(f"Anggaran dan realisasi tahun {year}", f"Budget and actual {year}"),
                            actual,
                            T("Realisasi Anggaran", "Budget vs actual"),
                        ),
                    ),
                    notes=(
                        T(
                            "Realisasi dari buku besar (tanpa jurnal penutup); pos tanpa anggaran ditampilkan sebagai 'tidak dianggarkan'.",
                            "Actuals from the ledger (closing entries left out); income or costs without a budget line show as 'not budgeted'.",
                        ),
                    ),
                ),
                Section(
                    T(
                        f"Rencana kerja dan RAPB tahun {year + 1}",
                        f"Work plan and budget for {year + 1}",
                    ),
                    tables=(rapb_table(s, year + 1),),
                    page_break_before=True,
                ),
            ),
        ),
        Part(
            "laporan_pengawas",
            T("Laporan Pengawas", "The Supervisors' Report"),
            (Section(None, notes=_paras(supervisors.body)),),
        ),
        Part("daftar_hadir", T("Daftar Hadir dan Kuorum", "Attendance and Quorum"), (attendance,)),
        Part(
            "berita_acara",
            T("Berita Acara Rapat", "Minutes of the Meeting"),
            (minutes_section(meeting, organisation(s).name),),
        ),
    )
    return period, parts


def _first_no_break(part: Part) -> Part:
    """The part's heading opens the page: its first section follows without a break (and
    without repeating the part's title)."""
    if not part.sections:
        return part
    first = part.sections[0]
    title = None if first.title is not None and first.title.id == part.title.id else first.title
    first = dataclasses.replace(first, page_break_before=False, title=title)
    return dataclasses.replace(part, sections=(first,) + part.sections[1:])


def build_rat_book(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        year = int(params.year or default_year(s))
        period, parts = book_parts(s, year, progress)
        parts = tuple(_first_no_break(p) for p in parts)
        sections: tuple[Section, ...] = ()
        for n, p in enumerate(parts, start=1):
            head = Section(T(f"{n}. ") + p.title, page_break_before=True)
            sections += (head,) + p.sections
        return ReportData(
            "buku-rat",
            T("Buku Rapat Anggota Tahunan", "Annual Members' Meeting Book"),
            organisation(s),
            period,
            subtitle=T(
                "Laporan pertanggungjawaban pengurus dan bahan rapat",
                "The board's report and the meeting papers",
            ),
            sections=sections,
            signatures=_signatures(s, records.meeting_in(s, year).held_on or period.end),
            sign_date=records.meeting_in(s, year).held_on or period.end,
            cover=True,
            params=params.items(),
        )


def toc_entries(data: ReportData) -> list[T]:
    """The parts' headings, in order (the sections that open a part: a title and nothing else)."""
    return [sec.title for sec in data.sections if _is_part_head(sec) and sec.title is not None]


def _is_part_head(sec: Section) -> bool:
    return sec.page_break_before and not (sec.figures or sec.tables or sec.notes or sec.charts)


# ---------------------------------------------------------------- the PDF with its contents


def render_book_pdf(
    data: ReportData, path: str | Path, lang: str = "id", progress: ProgressCallback | None = None
) -> Path:
    """The book as PDF with a table of contents whose page numbers match (two layouts)."""
    pages: dict[int, int] = {}
    for _ in range(3):
        found = _layout(data, Path(path), lang, progress, pages)
        if found == pages:
            break
        pages = found
    return Path(path)


def _layout(
    data: ReportData,
    path: Path,
    lang: str,
    progress: ProgressCallback | None,
    pages: dict[int, int],
) -> dict[int, int]:
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        NextPageTemplate,
        PageBreak,
        Paragraph,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as RLTable

    from . import pdf
    from .fonts import SANS, SANS_BOLD, register_fonts
    from .model import text

    register_fonts()
    styles = pdf._styles()
    found: dict[int, int] = {}

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable):  # noqa: N802 - ReportLab API
            key = getattr(flowable, "toc_key", None)
            if key is not None and key not in found:
                found[key] = self.page

    doc, furniture = pdf.document(path, data, lang, Doc)
    counter = pdf._Counter(data.row_count(), progress, lang)
    story: list = pdf._cover_story(data, lang, styles, doc.width)
    story += [NextPageTemplate("normal"), PageBreak()]
    story.append(Paragraph(pdf._esc(T("Daftar Isi", "Contents").get(lang)), styles["title"]))
    story.append(Spacer(1, 4 * mm))
    entries = toc_entries(data)
    rows = [
        [text(title, lang), str(pages.get(n, "")) if pages else "000"]
        for n, title in enumerate(entries)
    ]
    toc = RLTable(rows, colWidths=[doc.width - 25 * mm, 25 * mm], hAlign="LEFT")
    toc.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 10.5, 14),
                ("FONT", (1, 0), (1, -1), SANS_BOLD, 10.5, 14),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, pdf.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(toc)
    n = 0
    for section in data.sections:
        part = _section_flowables(pdf, section, doc.width, lang, counter, styles)
        if _is_part_head(section):
            for f in part:
                if isinstance(f, Paragraph):
                    f.toc_key = n
                    f.style = styles["title"]
                    break
            n += 1
        story += part
    if data.signatures:
        story.append(pdf._signature_flowable(data, doc.width, lang, styles))
    doc.build(story, canvasmaker=pdf._numbered_canvas(furniture))
    return found


def _section_flowables(pdf, section: Section, width: float, lang: str, counter, styles) -> list:
    """The shared section layout, with a conditional page break before each heading: a
    heading never ends a page without what it heads (a long table still starts at once)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph

    heads = (styles["h2"], styles["h3"])
    out: list = []
    for f in pdf._section_story(section, width, lang, counter, styles):
        if isinstance(f, Paragraph) and f.style in heads:
            out.append(CondPageBreak(30 * mm))
        out.append(f)
    return out


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
                mo_actual = (
                    by_code.get(x.code + x.type).actual if (x.code + x.type) in by_code else 0
                )
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


# ---------------------------------------------------------------- the Ministry's data sheet


def build_annual_data(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """The annual data a cooperative reports to the Ministry (members, capital, assets,
    business volume, SHU), for one financial year."""
    with read_only(db) as s:
        year = int(params.year or default_year(s))
        period = year_period(s, year)
        report(progress, 0, 1, "")
        m = outreach.membership_in(s, period.start, period.end)
        h = health.health_in(s, period.end, period.start - dt.timedelta(days=1))
        bs = statement_sheets.balance_sheet_in(s, period.end, period.start - dt.timedelta(days=1))
        plan = shu_service.plan_in(s, year)
        inc = statement_sheets.income_statement_in(s, period.start, period.end)
        disbursed = outreach.disbursements_in(s, period.start, period.end)
        bal = statements.balances(s, period.end)

        def under(*prefixes: str) -> int:
            return sum(
                v for c, v in bal.items() if any(c == p or c.startswith(p + ".") for p in prefixes)
            )

        own = under("3.10", "3.11", "3.20", "3.21", "3.13")
        outside = bs.total_liabilities[0] + under("3.12")
        staff = len([o for o in records.officers_in(s, period.end) if o.body == "karyawan"])
        meeting = records.meeting_in(s, year)
        rows = (
            ("anggota", T("Jumlah anggota akhir tahun", "Members at year end"), m.total.at_end),
            ("anggota_perempuan", T("Anggota perempuan", "Women members"), m.total.women_at_end),
            (
                "anggota_laki",
                T("Anggota laki-laki", "Men members"),
                m.total.at_end - m.total.women_at_end,
            ),
            ("karyawan", T("Jumlah karyawan", "Staff"), staff),
            (
                "rat",
                T("RAT diselenggarakan (1 = ya)", "RAT held (1 = yes)"),
                1 if meeting.held_on else 0,
            ),
            (
                "modal_sendiri",
                T("Modal sendiri (simpanan pokok, wajib, cadangan, hibah)", "Own capital"),
                own,
            ),
            (
                "modal_luar",
                T("Modal luar (liabilitas dan modal penyertaan)", "Outside capital"),
                outside,
            ),
            ("aset", T("Jumlah aset", "Total assets"), h.total_assets),
            (
                "volume_pinjaman",
                T("Volume usaha: pinjaman disalurkan", "Business volume: loans disbursed"),
                sum(d.amount for d in disbursed),
            ),
            (
                "pendapatan",
                T("Volume usaha: pendapatan", "Business volume: income"),
                inc.total_income[0],
            ),
            ("pinjaman_beredar", T("Pinjaman beredar (sisa pokok)", "Loans outstanding"), h.loans),
            ("shu_tahun_buku", T("Sisa hasil usaha (SHU)", "Surplus (SHU)"), plan.surplus),
        )
        people = {"anggota", "anggota_perempuan", "anggota_laki", "karyawan"}

        def unit(key: str) -> T:
            if key in people:
                return T("orang", "persons")
            return T("1 = ya", "1 = yes") if key == "rat" else T("rupiah", "rupiah")

        cols = (
            Column("key", T("Kode data", "Data code"), Kind.TEXT, 1),
            Column("item", T("Uraian", "Item"), Kind.TEXT, 3),
            Column("unit", T("Satuan", "Unit"), Kind.TEXT, 0.7),
            Column("value", T("Nilai", "Value"), Kind.INT, 1.4),
        )
        return ReportData(
            "data-tahunan",
            T("Data Tahunan Koperasi", "Cooperative Annual Data"),
            organisation(s),
            period,
            subtitle=T(
                "Data untuk pelaporan ke Kementerian Koperasi (ODS)",
                "Data for the Ministry's annual return",
            ),
            sections=(
                Section(
                    None,
                    tables=(
                        Table(
                            "data_tahunan",
                            T("Data tahunan", "Annual data"),
                            cols,
                            tuple(Row((k, label, unit(k), v)) for k, label, v in rows),
                            sheet=T("Data Tahunan", "Annual data"),
                        ),
                    ),
                ),
            ),
            params=params.items(),
        )


def build_attendance(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """The attendance register of a year's RAT, printed for the members to sign."""
    with read_only(db) as s:
        year = int(params.year or default_year(s))
        period = year_period(s, year)
        report(progress, 0, 1, "")
        meeting = records.meeting_in(s, year)
        return ReportData(
            "daftar-hadir-rat",
            T("Daftar Hadir Rapat Anggota Tahunan", "Attendance at the Annual Members' Meeting"),
            organisation(s),
            period,
            sections=(attendance_section(s, period, meeting),),
            params=params.items(),
        )


def _specs():
    from .registry import PERIOD, YEAR, ReportSpec

    return [
        ReportSpec(
            "buku-rat",
            T("Buku RAT", "RAT Book"),
            T(
                "Buku rapat anggota tahunan lengkap dengan daftar isi: acara, pengurus, laporan pengurus, laporan keuangan, CALK, SHU, statistik, kesehatan, anggaran, laporan pengawas, daftar hadir, berita acara",
                "The full members' meeting book with contents: agenda, officers, board's report, statements, notes, SHU, statistics, health rating, budget, supervisors' report, attendance, minutes",
            ),
            build_rat_book,
            (YEAR,),
            "rapat",
        ),
        ReportSpec(
            "daftar-hadir-rat",
            T("Daftar Hadir RAT", "RAT Attendance Register"),
            T(
                "Daftar anggota dengan kolom tanda tangan dan aturan kuorum",
                "Members with a column to sign and the quorum rule",
            ),
            build_attendance,
            (YEAR,),
            "rapat",
        ),
        ReportSpec(
            "realisasi-anggaran",
            T("Realisasi Anggaran", "Budget against Actual"),
            T(
                "Anggaran tahun buku dan realisasinya s.d. akhir bulan",
                "The year's budget against the actual to a month's end",
            ),
            build_budget_month,
            (PERIOD,),
            "rapat",
        ),
        ReportSpec(
            "data-tahunan",
            T("Data Tahunan Kementerian", "Ministry Annual Data"),
            T(
                "Anggota, modal, aset, volume usaha dan SHU setahun untuk pelaporan",
                "Members, capital, assets, business volume and SHU of a year, for the annual return",
            ),
            build_annual_data,
            (YEAR,),
            "rapat",
        ),
    ]


SPECS = _specs()
PDF_RENDERERS = {"buku-rat": render_book_pdf}


def _signatures(s: Session, on: dt.date) -> tuple[Signature, ...]:
    """The minutes are signed by whoever holds the office on the meeting day in the officers'
    register (Pengaturan); the profile's names where the register has no one."""
    serving = records.officers_in(s, serving_on=on)

    def holder(body: str, *positions: str) -> str | None:
        for o in serving:
            if o.body == body and o.position.strip().lower() in positions:
                return o.name
        return None

    out = []
    for sig, body, positions in zip(
        rat.rat_signatures(s),
        ("pengurus", "pengurus", "pengurus", "pengawas"),
        (("ketua",), ("sekretaris",), ("bendahara",), ("ketua pengawas", "ketua")),
        strict=True,
    ):
        name = holder(body, *positions)
        out.append(dataclasses.replace(sig, name=name) if name else sig)
    return tuple(out)


def _time_deposit_flow(s: Session, period: Period) -> tuple[Row, ...]:
    """The time deposits (2.11) as one more kind in the savings movements: placed and rolled
    in, paid out, so the table adds up to the savings on the balance sheet."""
    from sqlalchemy import func

    from ..db.models import Account, JournalEntry, JournalLine

    account = s.scalar(select(Account.id).where(Account.code == "2.11"))
    if account is None:
        return ()
    debit, credit = s.execute(
        select(
            func.coalesce(func.sum(JournalLine.debit), 0),
            func.coalesce(func.sum(JournalLine.credit), 0),
        )
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(
            JournalLine.account_id == account,
            JournalEntry.date >= period.start,
            JournalEntry.date <= period.end,
        )
    ).one()
    opening = ledger.balance(s, "2.11", period.start - dt.timedelta(days=1))
    if not (opening or debit or credit):
        return ()
    closing = opening + int(credit) - int(debit)
    return (Row(("Simpanan Berjangka", opening, int(credit), int(debit), closing)),)

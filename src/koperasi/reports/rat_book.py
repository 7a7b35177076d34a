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

Also here: the annual data sheet for the Ministry (``data-tahunan``: members, capital, assets,
volume, SHU) and the registry's specs of the meeting's reports.

The chapters live in their own modules: :mod:`.rat_meeting` (agenda, officers, attendance,
minutes), :mod:`.rat_calk` (the notes), :mod:`.rat_rating` (the health rating) and
:mod:`.rat_budget` (budget against actual, RAPB, the monthly ``realisasi-anggaran``).

The PDF goes through :func:`.rat_book_pdf.render_book_pdf`: it lays the book out with the shared page
furniture of :mod:`.pdf`, notes the page each part's heading lands on, and lays it out again
with those numbers in the table of contents (the contents has a fixed number of lines, so
the second layout has the same pages as the first; checked, and repeated if not).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass

from ..domain import accounts
from ..services import health, outreach, statement_sheets, statements
from ..services import shu as shu_service
from ..services.progress import ProgressCallback, report
from ..services.rat import budget as budget_service
from ..services.rat import health as rating_service
from ..services.rat import records
from ..services.reads import ReadSession as Session
from ..services.uow import read_only
from . import finance, rat, shu_reports
from .common import (
    ReportParams,
    default_year,
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
    Section,
    T,
    Table,
)
from .rat_book_pdf import render_book_pdf
from .rat_budget import budget_table, build_budget_month, rapb_table
from .rat_calk import calk_sections
from .rat_meeting import (
    agenda_section,
    attendance_section,
    build_attendance,
    meeting_signatures,
    minutes_section,
    officers_section,
)
from .rat_rating import rating_sections

STEPS = 8


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


def summary_section(
    s: Session, period: Period, plan: shu_service.ShuPlan, h: health.HealthRatios, members: int
) -> Section:
    return Section(
        T("Ikhtisar Tahun Buku", "The Year at a Glance"),
        rat.summary_figures(plan, h, members),
    )


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
        v
        for c, v in bal.items()
        if c in (accounts.SAVINGS_INTEREST_EXPENSE, accounts.TERM_DEPOSIT_INTEREST_EXPENSE)
        or infos[c].code.startswith(accounts.SAVINGS_INTEREST_EXPENSE + ".")
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
    stats: tuple[Section, ...] = (
        rat.membership_section(members, period),
        savings_stats_section(s, period),
    )
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
    same = isinstance(first.title, T) and first.title.id == part.title.id
    title = None if same else first.title
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
            signatures=meeting_signatures(s, records.meeting_in(s, year).held_on or period.end),
            sign_date=records.meeting_in(s, year).held_on or period.end,
            cover=True,
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

        own = under(
            accounts.PRINCIPAL_SAVINGS,
            accounts.MANDATORY_SAVINGS,
            accounts.GENERAL_RESERVE,
            accounts.RISK_RESERVE,
            accounts.GRANTS,
        )
        outside = bs.total_liabilities[0] + under(accounts.PARTICIPATION_CAPITAL)
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

"""The RAT annual report (laporan pertanggungjawaban pengurus) for a financial year.

Cover page with the cooperative's identity and logo; a summary; the four financial
statements (:mod:`.finance`); the SHU split and the SHU per member (:mod:`.shu_reports`), or
for a loss year the loss and the board's proposal for covering it;
membership statistics (by gender and vulnerability category, joined and left) and loan
statistics (portfolio, kolektibilitas, PAR30, repayment rate) with charts; the health-rating
ratios that come from the books (:mod:`koperasi.services.health`); the board's signatures
(ketua, sekretaris, bendahara, pengawas: blank lines where the profile has no name).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..domain import health as health_rules
from ..services import health, outreach
from ..services import shu as shu_service
from ..services.loans import quality as loan_quality
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.settings import profile_in
from ..services.uow import read_only
from . import finance, shu_reports
from .common import ReportParams, default_year, organisation, year_period
from .model import (
    Chart,
    Column,
    Figure,
    Kind,
    Period,
    ReportData,
    Row,
    Section,
    Signature,
    T,
    Table,
)

STEPS = 5


def rat_signatures(s: Session) -> tuple[Signature, ...]:
    """Ketua, sekretaris, bendahara and pengawas (names from the profile, else blank)."""
    p = profile_in(s)
    return (
        Signature(T("Ketua", "Chair"), p.chair),
        Signature(T("Sekretaris", "Secretary"), p.secretary),
        Signature(T("Bendahara", "Treasurer"), p.treasurer),
        Signature(T("Pengawas", "Supervisor"), p.supervisor),
    )


# ---------------------------------------------------------------- membership


def _label(seg: outreach.Segment) -> T:
    return T(seg.label_id, seg.label_en or seg.label_id)


def _wrap(s: str, width: int = 16) -> str:
    """A chart's category label on up to two lines (ReportLab labels honour newlines)."""
    if len(s) <= width or " " not in s:
        return s
    cut = s.rfind(" ", 0, width + 1)
    cut = cut if cut > 0 else s.find(" ")
    return s[:cut] + "\n" + s[cut + 1 :]


def wrap_label(label_id: str, label_en: str = "") -> T:
    return T(_wrap(label_id), _wrap(label_en or label_id))


def chart_label(seg: outreach.Segment) -> T:
    return wrap_label(seg.label_id, seg.label_en)


def membership_section(m: outreach.Membership, period: Period) -> Section:
    count = Kind.INT
    gender_cols = (
        Column("segment", T("Jenis kelamin", "Gender"), Kind.TEXT, 1.6),
        Column("at_start", T("Awal tahun", "Start of year"), count, 1.0, True),
        Column("joined", T("Masuk", "Joined"), count, 1.0, True),
        Column("left", T("Keluar", "Left"), count, 1.0, True),
        Column("at_end", T("Akhir tahun", "End of year"), count, 1.0, True),
    )
    gender = Table(
        "anggota_gender",
        T("Anggota menurut jenis kelamin", "Members by gender"),
        gender_cols,
        tuple(Row((_label(g), g.at_start, g.joined, g.left, g.at_end)) for g in m.by_gender),
        sheet=T("Anggota per gender", "Members by gender"),
    )
    cat_cols = (
        Column("category", T("Kategori", "Category"), Kind.TEXT, 2.2),
        Column("women", T("Perempuan", "Women"), count, 0.9),
        Column("men", T("Laki-laki", "Men"), count, 0.9),
        Column("at_end", T("Akhir tahun", "End of year"), count, 0.9),
        Column("joined", T("Masuk", "Joined"), count, 0.8),
        Column("left", T("Keluar", "Left"), count, 0.8),
    )
    cats = Table(
        "anggota_kategori",
        T("Anggota menurut kategori kerentanan", "Members by vulnerability category"),
        cat_cols,
        tuple(
            Row((_label(c), c.women_at_end, c.men_at_end, c.at_end, c.joined, c.left))
            for c in m.by_category
        ),
        sheet=T("Anggota per kategori", "Members by category"),
    )
    charts = (
        Chart(
            "chart_gender",
            T("Anggota akhir tahun menurut jenis kelamin", "Members at year end by gender"),
            "pie",
            tuple(_label(g) for g in m.by_gender),
            ((T("Anggota", "Members"), tuple(g.at_end for g in m.by_gender)),),
        ),
        Chart(
            "chart_category",
            T("Anggota akhir tahun per kategori kerentanan", "Members at year end by category"),
            "bar",
            tuple(chart_label(c) for c in m.by_category),
            (
                (T("Perempuan", "Women"), tuple(c.women_at_end for c in m.by_category)),
                (T("Laki-laki", "Men"), tuple(c.men_at_end for c in m.by_category)),
            ),
        ),
    )
    t = m.total
    figures = (
        Figure(
            "members_start", T("Anggota awal tahun", "Members at start of year"), t.at_start, count
        ),
        Figure("members_joined", T("Anggota masuk", "Members joined"), t.joined, count),
        Figure("members_left", T("Anggota keluar", "Members left"), t.left, count),
        Figure("members_end", T("Anggota akhir tahun", "Members at year end"), t.at_end, count),
        Figure(
            "members_women", T("Di antaranya perempuan", "Of whom women"), t.women_at_end, count
        ),
    )
    notes = (
        T(
            "Seorang anggota dapat termasuk lebih dari satu kategori kerentanan; "
            "karena itu kolom kategori tidak dijumlahkan.",
            "A member may belong to more than one vulnerability category, so the category "
            "rows are not added up.",
        ),
    )
    return Section(
        T("Statistik Keanggotaan", "Membership Statistics"),
        figures,
        (gender, cats),
        notes,
        charts,
        page_break_before=True,
    )


# ---------------------------------------------------------------- loans


def loan_section(s: Session, period: Period) -> Section | None:
    from ..services import ledger
    from . import loans as loan_reports

    r = loan_quality.arrears_in(s, period.end)
    receivable = ledger.balance(s, loan_reports.LOANS_ACCOUNT, period.end)
    disbursed = outreach.disbursements_in(s, period.start, period.end)
    figures = (
        Figure(
            "disbursed_count",
            T("Pinjaman dicairkan dalam tahun buku", "Loans disbursed in the year"),
            len(disbursed),
            Kind.INT,
        ),
        Figure(
            "disbursed_amount",
            T("Jumlah pinjaman dicairkan", "Amount disbursed"),
            sum(d.amount for d in disbursed),
        ),
    ) + loan_reports.quality_figures(r, receivable)
    class_table = loan_reports.loan_class_table(r)
    groups = loan_reports.par_by_group(r, loan_reports.group_names(s))
    chart = Chart(
        "chart_class",
        T("Sisa pokok pinjaman per kolektibilitas (Rp)", "Outstanding principal by class (Rp)"),
        "pie",
        tuple(loan_reports.CLASS.get(c.kolektibilitas, T(c.kolektibilitas)) for c in r.by_class),
        ((T("Sisa pokok", "Outstanding"), tuple(c.outstanding for c in r.by_class)),),
    )
    notes = (
        T(
            "Posisi pinjaman per akhir tahun buku. PAR 30: sisa pokok pinjaman yang menunggak "
            "30 hari atau lebih dibagi seluruh sisa pokok. Tingkat pengembalian: angsuran yang "
            "dibayar dibagi angsuran yang jatuh tempo.",
            "Loans at the end of the financial year. PAR 30: principal outstanding of loans 30 "
            "or more days late over all principal outstanding. Repayment rate: installments "
            "paid over installments due.",
        ),
    )
    return Section(
        T("Statistik Pinjaman", "Loan Statistics"),
        figures,
        (class_table, groups),
        notes,
        (chart,),
        page_break_before=True,
    )


# ---------------------------------------------------------------- health


def rating_text(rating: str | None) -> T:
    if rating is None:
        return T("–")
    return T(*health_rules.RATING_LABELS[rating])


def health_table(h: health.HealthRatios) -> Table:
    cols = (
        Column("ratio", T("Rasio", "Ratio"), Kind.TEXT, 2.2),
        Column("numerator", T("Pembilang", "Numerator"), Kind.MONEY, 1.3),
        Column("denominator", T("Penyebut", "Denominator"), Kind.MONEY, 1.3),
        Column("value", T("Nilai", "Value"), Kind.PERCENT, 0.8),
        Column("rating", T("Kategori", "Category"), Kind.TEXT, 1.0),
        Column("standard", T("Standar", "Standard"), Kind.TEXT, 2.0),
    )
    rows = tuple(
        Row(
            (
                T(*health_rules.RATIO_LABELS[r.key]),
                r.numerator,
                r.denominator,
                r.value,
                rating_text(r.rating),
                T(*health_rules.STANDARDS[r.key]),
            )
        )
        for r in h.ratios
    )
    return Table(
        "kesehatan",
        T("Rasio kesehatan koperasi", "Health-rating ratios"),
        cols,
        rows,
        sheet=T("Rasio Kesehatan", "Health ratios"),
    )


def health_section(h: health.HealthRatios) -> Section:
    notes = (
        T(
            "Rasio yang dihitung dari pembukuan (Permenkop 9/2020, Juknis Deputi Bidang "
            "Perkoperasian 15/2021). Pinjaman bermasalah: kurang lancar, diragukan dan macet. "
            "Aset produktif: pinjaman anggota dan bank. Pertumbuhan ekuitas dibanding akhir "
            "tahun buku sebelumnya. Penilaian kesehatan lengkap (tata kelola, profil risiko, "
            "kinerja keuangan, permodalan) dilakukan oleh pemeriksa.",
            "Ratios computed from the books (Permenkop 9/2020, Juknis 15/2021). Problem loans: "
            "substandard, doubtful and loss. Productive assets: loans to members and bank. "
            "Equity growth against the end of the previous financial year. The full health "
            "rating (governance, risk profile, financial performance, capital) is the "
            "examiner's.",
        ),
    )
    return Section(
        T("Rasio Kesehatan Koperasi", "Health-Rating Ratios"),
        (),
        (health_table(h),),
        notes,
        page_break_before=True,
    )


# ---------------------------------------------------------------- the report


def summary_figures(plan, h, members: int) -> tuple[Figure, ...]:
    """The year at a glance: members, assets, equity, loans and the SHU of each side."""
    return (
        Figure(
            "summary_members",
            T("Anggota akhir tahun", "Members at year end"),
            members,
            Kind.INT,
        ),
        Figure("summary_assets", T("Jumlah aset", "Total assets"), h.total_assets),
        Figure("summary_equity", T("Jumlah ekuitas", "Total equity"), h.equity),
        Figure("summary_loans", T("Sisa pokok pinjaman", "Loans outstanding"), h.loans),
        Figure(
            "summary_shu",
            T("Sisa hasil usaha (SHU)", "Surplus (SHU)")
            if plan.surplus >= 0
            else T("Rugi tahun buku (SHU negatif)", "Loss of the year (negative SHU)"),
            plan.surplus,
        ),
        Figure(
            "summary_shu_members",
            T("SHU usaha dengan anggota", "SHU from business with members"),
            plan.member_surplus,
        ),
        Figure(
            "summary_shu_non_members",
            T("SHU usaha dengan non-anggota", "SHU from business with non-members"),
            plan.non_member_surplus,
        ),
    )


def build_rat(db, params: ReportParams, progress: ProgressCallback | None = None) -> ReportData:
    with read_only(db) as s:
        year = int(params.year or default_year(s))
        period = year_period(s, year)
        report(progress, 0, STEPS, "Laporan keuangan")
        statements = finance.statement_sections(s, period, page_break=True)
        report(progress, 1, STEPS, "SHU")
        plan = shu_service.plan_in(s, year)
        shu_figs, shu_tables, shu_notes = shu_reports.shu_content(s, plan)
        shu = Section(
            shu_reports.shu_title(plan),
            shu_figs,
            shu_tables,
            shu_notes,
            page_break_before=True,
        )
        report(progress, 2, STEPS, "Keanggotaan")
        members = outreach.membership_in(s, period.start, period.end)
        report(progress, 3, STEPS, "Pinjaman")
        loans = loan_section(s, period)
        report(progress, 4, STEPS, "Rasio kesehatan")
        h = health.health_in(s, period.end, period.start - dt.timedelta(days=1))
        report(progress, STEPS, STEPS, "")
        summary = Section(
            T("Ikhtisar Tahun Buku", "The Year at a Glance"),
            summary_figures(plan, h, members.total.at_end),
            notes=(
                T(
                    "Laporan pertanggungjawaban pengurus kepada Rapat Anggota Tahunan: laporan "
                    "keuangan (SAK EP), {shu}, statistik keanggotaan dan pinjaman, serta "
                    "rasio kesehatan koperasi.",
                    "The board's report to the Annual Members' Meeting: financial statements "
                    "(SAK EP), {shu_en}, membership and loan statistics, and the "
                    "health-rating ratios.",
                ).format(
                    shu="rugi tahun buku dan usul penutupannya"
                    if plan.surplus < 0
                    else "pembagian SHU",
                    shu_en="the year's loss and the proposed coverage"
                    if plan.surplus < 0
                    else "the surplus distribution",
                ),
            ),
        )
        if statements:  # the statements follow the summary on its page (no page 80 % blank)
            statements = (replace(statements[0], page_break_before=False), *statements[1:])
        sections = (summary, *statements, shu, membership_section(members, period))
        if loans is not None:
            sections += (loans,)
        sections += (health_section(h),)
        return ReportData(
            "rat",
            T("Laporan Rapat Anggota Tahunan", "Annual Members' Meeting Report"),
            organisation(s),
            period,
            # the period line says the year: the subtitle does not repeat it
            subtitle=T("Laporan pertanggungjawaban pengurus", "The board's report"),
            sections=sections,
            signatures=rat_signatures(s),
            sign_date=period.end,
            cover=True,
            params=params.items(),
        )


def _specs():
    from .registry import YEAR, ReportSpec

    return [
        ReportSpec(
            "rat",
            T("Laporan RAT", "Annual Meeting (RAT) Report"),
            T(
                "Laporan tahunan untuk RAT: laporan keuangan, SHU per anggota, statistik anggota "
                "dan pinjaman, rasio kesehatan",
                "Annual report for the members' meeting: statements, SHU per member, member "
                "and loan statistics, health ratios",
            ),
            build_rat,
            (YEAR,),
            "rapat",
        )
    ]


SPECS = _specs()

"""The programme monitoring report (laporan pemantauan program) for programme evaluators.

For a period (a month, a financial year, or year-to-date): outreach by gender and
vulnerability category (women heads of household, people with disabilities, urban-fringe
households, ...: the member categories), savings growth over the period, the sizes of the
loans disbursed, and repayment rate and PAR 30 by group at the period end.
"""

from __future__ import annotations

from collections import defaultdict
from decimal import Decimal

from ..services import outreach
from ..services.loans import quality as loan_quality
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.uow import read_only
from .cells import format_int
from .common import ReportParams, organisation, resolve_period, treasurer_signature
from .model import Chart, Column, Figure, Kind, Period, ReportData, Row, Section, T, Table
from .rat import wrap_label

STEPS = 4
SAVINGS_KIND = {
    "pokok": T("Simpanan pokok", "Principal savings"),
    "wajib": T("Simpanan wajib", "Mandatory savings"),
    "sukarela": T("Simpanan sukarela", "Voluntary savings"),
    "berjangka": T("Simpanan berjangka", "Time deposits"),
}


# ---------------------------------------------------------------- outreach


def outreach_sections(s: Session, period: Period) -> tuple[Section, ...]:
    m = outreach.membership_in(s, period.start, period.end)
    facts = {f.member_id: f for f in outreach.member_facts(s)}
    members_of = outreach.category_members(s)
    savings = outreach.savings_by_member_in(s, period.end)
    loans = outreach.disbursements_in(s, period.start, period.end)
    borrowed: dict[int, int] = defaultdict(int)
    for d in loans:
        borrowed[d.member_id] += d.amount

    def figures_for(ids: set[int]) -> tuple[int, int, int]:
        at_end = {i for i in ids if facts[i].member_on(period.end)}
        borrowers = {i for i in ids if i in borrowed}
        return (
            len(borrowers),
            sum(borrowed[i] for i in borrowers),
            sum(savings.get(i, 0) for i in at_end),
        )

    everyone = set(facts)
    women = {i for i, f in facts.items() if f.gender == outreach.WOMEN}
    segments = [(m.total, everyone)] + [
        (m.by_gender[0], women),
        (m.by_gender[1], everyone - women),
    ]
    cats = outreach.categories(s)
    for seg, (cid, *_rest) in zip(m.by_category, cats, strict=True):
        segments.append((seg, set(members_of.get(cid, ()))))
    rows = []
    for seg, ids in segments:
        n_borrowers, lent, saved = figures_for(ids)
        share = (
            (Decimal(seg.at_end) * 100 / m.total.at_end).quantize(Decimal("0.01"))
            if m.total.at_end
            else None
        )
        rows.append(
            Row(
                (
                    T(seg.label_id, seg.label_en or seg.label_id),
                    seg.at_end,
                    share,
                    seg.women_at_end,
                    seg.joined,
                    seg.left,
                    n_borrowers,
                    lent,
                    saved,
                )
            )
        )
    cols = (
        Column("segment", T("Anggota", "Members"), Kind.TEXT, 2.0),
        Column("at_end", T("Anggota akhir periode", "Members at period end"), Kind.INT, 0.9),
        Column("share", T("% dari anggota", "% of members"), Kind.PERCENT, 0.8),
        Column("women", T("Perempuan", "Women"), Kind.INT, 0.8),
        Column("joined", T("Masuk", "Joined"), Kind.INT, 0.6),
        Column("left", T("Keluar", "Left"), Kind.INT, 0.6),
        Column("borrowers", T("Menerima pinjaman", "Received a loan"), Kind.INT, 0.8),
        Column("lent", T("Pinjaman dicairkan", "Loans disbursed"), Kind.MONEY, 1.3),
        Column("savings", T("Simpanan akhir periode", "Savings at period end"), Kind.MONEY, 1.3),
    )
    table = Table(
        "jangkauan",
        T("Jangkauan menurut jenis kelamin dan kategori", "Outreach by gender and category"),
        cols,
        tuple(rows),
        sheet=T("Jangkauan", "Outreach"),
    )
    cats_chart = Chart(
        "chart_outreach",
        T("Anggota akhir periode per kategori", "Members at period end by category"),
        "bar",
        tuple(wrap_label(seg.label_id, seg.label_en) for seg in m.by_category),
        (
            (T("Perempuan", "Women"), tuple(seg.women_at_end for seg in m.by_category)),
            (T("Laki-laki", "Men"), tuple(seg.men_at_end for seg in m.by_category)),
        ),
    )
    t = m.total
    figures = (
        Figure(
            "members_end", T("Anggota akhir periode", "Members at period end"), t.at_end, Kind.INT
        ),
        Figure(
            "members_women", T("Di antaranya perempuan", "Of whom women"), t.women_at_end, Kind.INT
        ),
        Figure(
            "members_start",
            T("Anggota awal periode", "Members at period start"),
            t.at_start,
            Kind.INT,
        ),
        Figure("members_joined", T("Anggota masuk", "Members joined"), t.joined, Kind.INT),
        Figure("members_left", T("Anggota keluar", "Members left"), t.left, Kind.INT),
    )
    notes = (
        T(
            "Kategori kerentanan sesuai data anggota; seorang anggota dapat termasuk lebih dari "
            "satu kategori. Menerima pinjaman: anggota yang menerima pencairan pinjaman dalam periode.",
            "Vulnerability categories as recorded for each member; a member may belong to more "
            "than one. Received a loan: members who received a loan disbursement in the period.",
        ),
    )
    return (
        Section(T("Jangkauan", "Outreach"), figures, (table,), notes),
        Section(None, charts=(cats_chart,)),
    )


# ---------------------------------------------------------------- savings


def savings_section(s: Session, period: Period) -> Section:
    growth = outreach.savings_growth_in(s, period.start, period.end)
    rows = []
    for g in growth:
        pct = (Decimal(g.growth) * 100 / g.opening).quantize(Decimal("0.01")) if g.opening else None
        rows.append(
            Row(
                (
                    g.product_code,
                    T(g.product_name),
                    SAVINGS_KIND.get(g.kind, T(g.kind)),
                    g.opening,
                    g.deposits,
                    g.withdrawals,
                    g.closing,
                    g.growth,
                    pct,
                )
            )
        )
    cols = (
        Column("code", T("Kode", "Code"), Kind.TEXT, 0.8),
        Column("product", T("Produk", "Product"), Kind.TEXT, 1.6),
        Column("kind", T("Jenis", "Kind"), Kind.TEXT, 1.3),
        Column("opening", T("Saldo awal", "Opening"), Kind.MONEY, 1.2, True),
        Column("in", T("Masuk", "In"), Kind.MONEY, 1.2, True),
        Column("out", T("Keluar", "Out"), Kind.MONEY, 1.2, True),
        Column("closing", T("Saldo akhir", "Closing"), Kind.MONEY, 1.2, True),
        Column("growth", T("Pertumbuhan", "Growth"), Kind.MONEY, 1.2, True),
        Column("growth_pct", T("Pertumbuhan %", "Growth %"), Kind.PERCENT, 0.9),
    )
    table = Table(
        "pertumbuhan_simpanan",
        T("Pertumbuhan simpanan per produk", "Savings growth by product"),
        cols,
        tuple(rows),
        sheet=T("Pertumbuhan Simpanan", "Savings growth"),
    )
    months = outreach.savings_month_ends_in(s, period.start, period.end)
    month_table = Table(
        "simpanan_bulanan",
        T("Saldo simpanan akhir bulan", "Savings balance at month ends"),
        (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 1.0),
            Column("balance", T("Saldo simpanan", "Savings balance"), Kind.MONEY, 1.5),
        ),
        tuple(Row((d, v)) for d, v in months),
        sheet=T("Simpanan Bulanan", "Monthly savings"),
    )
    chart = Chart(
        "chart_savings",
        T("Saldo simpanan akhir bulan (juta rupiah)", "Savings at month ends (million rupiah)"),
        "bar",
        tuple(T(f"{d:%m/%y}") for d, _v in months),
        ((T("Saldo", "Balance"), tuple(v // 1_000_000 for _d, v in months)),),
    )
    opening = sum(g.opening for g in growth)
    closing = sum(g.closing for g in growth)
    figures = (
        Figure("savings_opening", T("Simpanan awal periode", "Savings at period start"), opening),
        Figure("savings_closing", T("Simpanan akhir periode", "Savings at period end"), closing),
        Figure("savings_growth", T("Pertumbuhan simpanan", "Savings growth"), closing - opening),
    )
    return Section(
        T("Pertumbuhan Simpanan", "Savings Growth"),
        figures,
        (table, month_table),
        (),
        (chart,),
        page_break_before=True,
    )


# ---------------------------------------------------------------- loans


def _millions(v: int, lang: str) -> str:
    s = f"{(Decimal(v) / 1_000_000).normalize():f}"
    return s.replace(".", ",") if lang == "id" else s


def size_chart_labels() -> list[T]:
    """Short labels for the chart: ``≤ 1 jt``, ``1–2,5 jt``, ... ``> 10 jt``."""
    b = outreach.SIZE_BOUNDS
    out = [T(f"≤ {_millions(b[0], 'id')} jt", f"≤ {_millions(b[0], 'en')} m")]
    for lo, hi in zip(b, b[1:], strict=False):
        out.append(
            T(
                f"{_millions(lo, 'id')}–{_millions(hi, 'id')} jt",
                f"{_millions(lo, 'en')}–{_millions(hi, 'en')} m",
            )
        )
    out.append(T(f"> {_millions(b[-1], 'id')} jt", f"> {_millions(b[-1], 'en')} m"))
    return out


def size_labels() -> list[T]:
    b = outreach.SIZE_BOUNDS
    out = [T(f"≤ Rp{format_int(b[0])}", f"≤ Rp{format_int(b[0], 'en')}")]
    for lo, hi in zip(b, b[1:], strict=False):
        out.append(
            T(
                f"> Rp{format_int(lo)} – Rp{format_int(hi)}",
                f"> Rp{format_int(lo, 'en')} – Rp{format_int(hi, 'en')}",
            )
        )
    out.append(T(f"> Rp{format_int(b[-1])}", f"> Rp{format_int(b[-1], 'en')}"))
    return out


def loan_section(s: Session, period: Period) -> Section | None:
    from . import loans as loan_reports

    loans = outreach.disbursements_in(s, period.start, period.end)
    facts = {f.member_id: f for f in outreach.member_facts(s)}
    labels = size_labels()
    count = [0] * len(labels)
    women = [0] * len(labels)
    amount = [0] * len(labels)
    for d in loans:
        k = outreach.size_class(d.amount)
        count[k] += 1
        amount[k] += d.amount
        if facts[d.member_id].gender == outreach.WOMEN:
            women[k] += 1
    sizes = Table(
        "ukuran_pinjaman",
        T("Sebaran ukuran pinjaman yang dicairkan", "Sizes of the loans disbursed"),
        (
            Column("size", T("Besar pinjaman", "Loan size"), Kind.TEXT, 2.0),
            Column("loans", T("Jumlah pinjaman", "Loans"), Kind.INT, 0.9, True),
            Column("women", T("Kepada perempuan", "To women"), Kind.INT, 0.9, True),
            Column("amount", T("Jumlah dicairkan", "Amount disbursed"), Kind.MONEY, 1.3, True),
            Column("average", T("Rata-rata", "Average"), Kind.MONEY, 1.2),
        ),
        tuple(
            Row(
                (labels[k], count[k], women[k], amount[k], amount[k] // count[k] if count[k] else 0)
            )
            for k in range(len(labels))
        ),
        sheet=T("Ukuran Pinjaman", "Loan sizes"),
    )
    chart = Chart(
        "chart_sizes",
        T("Jumlah pinjaman dicairkan menurut besarnya", "Loans disbursed by size"),
        "bar",
        tuple(size_chart_labels()),
        ((T("Pinjaman", "Loans"), tuple(count)),),
    )
    r = loan_quality.arrears_in(s, period.end)
    groups = loan_reports.par_by_group(r, loan_reports.group_names(s))
    total = sum(amount)
    figures = (
        Figure("disbursed_count", T("Pinjaman dicairkan", "Loans disbursed"), len(loans), Kind.INT),
        Figure("disbursed_amount", T("Jumlah dicairkan", "Amount disbursed"), total),
        Figure(
            "disbursed_women",
            T("Pinjaman kepada perempuan", "Loans to women"),
            sum(women),
            Kind.INT,
        ),
        Figure(
            "average_loan",
            T("Rata-rata pinjaman", "Average loan"),
            total // len(loans) if loans else 0,
        ),
        Figure(
            "outstanding", T("Sisa pokok akhir periode", "Outstanding at period end"), r.outstanding
        ),
        Figure(
            "loans_outstanding", T("Pinjaman beredar", "Loans outstanding"), len(r.loans), Kind.INT
        ),
        Figure("par30", T("PAR > 30 hari", "PAR > 30 days"), r.par30, Kind.PERCENT),
        Figure(
            "repayment_rate",
            T("Tingkat pengembalian", "Repayment rate"),
            r.repayment_rate,
            Kind.PERCENT,
        ),
    )
    notes = (
        T(
            "PAR 30 dan tingkat pengembalian per akhir periode, untuk semua pinjaman beredar.",
            "PAR 30 and repayment rate at the period end, over all loans outstanding.",
        ),
    )
    return Section(
        T("Pinjaman", "Loans"),
        figures,
        (sizes, groups),
        notes,
        (chart,),
        page_break_before=True,
    )


# ---------------------------------------------------------------- the report


def build_monitoring(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "year")
        report(progress, 0, STEPS, "Jangkauan")
        sections = list(outreach_sections(s, period))
        report(progress, 1, STEPS, "Simpanan")
        sections.append(savings_section(s, period))
        report(progress, 2, STEPS, "Pinjaman")
        loans = loan_section(s, period)
        if loans is not None:
            sections.append(loans)
        report(progress, STEPS, STEPS, "")
        return ReportData(
            "pemantauan-program",
            T("Laporan Pemantauan Program", "Programme Monitoring Report"),
            organisation(s),
            period,
            subtitle=T(
                "Jangkauan, simpanan dan pinjaman anggota untuk evaluator program",
                "Outreach, savings and loans for programme evaluators",
            ),
            sections=tuple(sections),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )


def _specs():
    from .registry import PERIOD, ReportSpec

    return [
        ReportSpec(
            "pemantauan-program",
            T("Laporan Pemantauan Program", "Programme Monitoring Report"),
            T(
                "Jangkauan per jenis kelamin dan kategori kerentanan, pertumbuhan simpanan, "
                "ukuran pinjaman, tingkat pengembalian dan PAR per kelompok",
                "Outreach by gender and vulnerability category, savings growth, loan sizes, "
                "repayment rate and PAR by group",
            ),
            build_monitoring,
            (PERIOD,),
            "rapat",
        )
    ]


SPECS = _specs()

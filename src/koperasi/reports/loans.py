"""Loan reports (need the loans area): loan card, daftar nominatif by kolektibilitas with
PPAP, arrears list, PAR and repayment rate by group. All read the loans services, so the
numbers are the ones ``koperasi loan arrears`` and ``koperasi check`` use."""

from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

from ..domain import arrears as qa
from ..services import ledger
from ..services.loans import core as loan_core
from ..services.loans import quality as loan_quality
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.reads import people
from ..services.reads.loan_papers import loan_detail, loan_for_paper
from ..services.uow import read_only
from .cells import format_percent
from .common import (
    ReportParams,
    label,
    long,
    organisation,
    resolve_period,
    treasurer_signature,
)
from .model import Column, Figure, Kind, Period, ReportData, Row, Section, T, Table

CLASS = {k: T(*v) for k, v in qa.CLASS_LABELS.items()}


LOANS_ACCOUNT = loan_core.LOANS


def _as_of(s: Session, params: ReportParams) -> Period:
    """A date: ``--date``, the end of ``--period``/``--year``, else the last month end."""
    if params.date:
        return Period(params.date, params.date, T("Per ", "As of ") + long(params.date))
    period = resolve_period(s, params, "month")
    return Period(period.end, period.end, T("Per ", "As of ") + long(period.end))


def _places(value: Decimal) -> int:
    """Decimals a rate needs on paper: 1.5 -> 1 (``1,5%``), 2 -> 0, 1.25 -> 2."""
    exponent = Decimal(value).normalize().as_tuple().exponent
    return max(0, -int(exponent))


def _rate(value: Decimal) -> Decimal:
    """The domain's ratios are percentages already (12.50 = 12.5 %)."""
    return Decimal(value)


def _for_group(r, group: str):
    """``r`` (an ArrearsReport) over one group's loans only: its totals, classes and ratios."""
    items = [q for q in r.loans if (q.group_code or "") == group.upper()]
    snaps = [qa.LoanSnapshot(q.outstanding, q.dpd, q.due_to_date, q.paid_to_date) for q in items]
    return replace(
        r,
        loans=tuple(items),
        by_class=loan_quality.summaries(items),
        outstanding=sum(q.outstanding for q in items),
        ppap_total=sum(q.ppap for q in items),
        penalty_total=sum(q.penalty_due for q in items),
        par1=qa.par(snaps, 1),
        par30=qa.par(snaps, 30),
        par90=qa.par(snaps, 90),
        repayment_rate=qa.repayment_rate(snaps),
    )


def _of_group(period: Period, group: str) -> Period:
    """The heading says whose loans these are: "Per 31 Oktober 2026 · Kelompok K001"."""
    code = group.upper()
    label = period.label if isinstance(period.label, T) else T(period.label)
    return replace(period, label=label + T(f" · Kelompok {code}", f" · Group {code}"))


def quality_figures(r, receivable: int | None) -> tuple[Figure, ...]:
    """The portfolio's key figures; ``receivable`` None for one group's loans (the ledger
    balances 1.20 and 1.29 are the whole cooperative's, so they are left out)."""
    ledger_figures = (
        ()
        if receivable is None
        else (
            Figure(
                "receivable",
                T("Saldo akun 1.20 Pinjaman Anggota", "Ledger 1.20 Loans to members"),
                receivable,
            ),
        )
    )
    allowance = (
        ()
        if receivable is None
        else (
            Figure(
                "allowance",
                T("Saldo penyisihan (1.29)", "Allowance balance (1.29)"),
                r.allowance_balance,
            ),
        )
    )
    return (
        Figure("loans", T("Jumlah pinjaman beredar", "Loans outstanding"), len(r.loans), Kind.INT),
        Figure("outstanding", T("Sisa pokok pinjaman", "Principal outstanding"), r.outstanding),
        *ledger_figures,
        Figure("arrears", T("Jumlah tunggakan", "Total arrears"), r.arrears_total),
        Figure("ppap", T("PPAP wajib dibentuk", "Required allowance (PPAP)"), r.ppap_total),
        *allowance,
        Figure("par30", T("PAR > 30 hari", "PAR > 30 days"), _rate(r.par30), Kind.PERCENT),
        Figure(
            "repayment_rate",
            T("Tingkat pengembalian", "Repayment rate"),
            _rate(r.repayment_rate),
            Kind.PERCENT,
        ),
    )


def loan_class_table(r) -> Table:
    cols = (
        Column("class", T("Kolektibilitas", "Class"), Kind.TEXT, 1.5),
        Column("loans", T("Jumlah pinjaman", "Loans"), Kind.INT, 1.0, True),
        Column("outstanding", T("Sisa pokok", "Outstanding"), Kind.MONEY, 1.4, True),
        Column("ppap", T("PPAP", "Allowance (PPAP)"), Kind.MONEY, 1.3, True),
    )
    rows = tuple(
        Row((CLASS.get(c.kolektibilitas, T(c.kolektibilitas)), c.loans, c.outstanding, c.ppap))
        for c in r.by_class
    )
    return Table(
        "kolektibilitas",
        T("Ringkasan per kolektibilitas", "Summary by class"),
        cols,
        rows,
        sheet=T("Per Kolektibilitas", "By class"),
    )


def build_register(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Daftar nominatif pinjaman: every loan outstanding, ordered by class, with PPAP."""
    with read_only(db) as s:
        period = _as_of(s, params)
        report(progress, 0, 1, "")
        r = loan_quality.arrears_in(s, period.end)
        receivable: int | None = ledger.balance(s, LOANS_ACCOUNT, period.end)
        order: dict[str, int] = {c: i for i, c in enumerate(qa.CLASSES)}
        if params.group:  # the group's loans, classes and figures (not the cooperative's)
            r, receivable = _for_group(r, params.group), None
            period = _of_group(period, params.group)
        items = sorted(r.loans, key=lambda q: (order.get(q.kolektibilitas, 9), q.loan_number))
        cols = (
            Column("loan", T("No. pinjaman", "Loan no."), Kind.TEXT, 1.0),
            Column("member", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
            Column("name", T("Nama", "Name"), Kind.TEXT, 1.8),
            Column("group", T("Kelompok", "Group"), Kind.TEXT, 0.75),
            Column("disbursed", T("Tgl cair", "Disbursed"), Kind.DATE, 0.9),
            Column("amount", T("Plafon", "Amount"), Kind.MONEY, 1.1, True),
            Column("outstanding", T("Sisa pokok", "Outstanding"), Kind.MONEY, 1.1, True),
            Column("dpd", T("Hari tunggak", "Days late"), Kind.INT, 0.6),
            Column("arrears", T("Tunggakan", "Arrears"), Kind.MONEY, 1.0, True),
            Column("class", T("Kolektibilitas", "Class"), Kind.TEXT, 1.0),
            Column("collateral", T("Agunan", "Collateral"), Kind.MONEY, 1.0),
            Column("ppap", T("PPAP", "Allowance (PPAP)"), Kind.MONEY, 1.0, True),
        )
        rows = tuple(
            Row(
                (
                    q.loan_number,
                    q.member_number,
                    q.member_name,
                    q.group_code or "",
                    q.disbursed_on,
                    q.amount,
                    q.outstanding,
                    q.dpd,
                    q.arrears,
                    CLASS.get(q.kolektibilitas, T(q.kolektibilitas)),
                    q.collateral,
                    q.ppap,
                )
            )
            for q in items
        )
        table = Table(
            "nominatif",
            T("Daftar nominatif pinjaman", "Loan register"),
            cols,
            rows,
            sheet=T("Nominatif", "Loan register"),
        )
        rule = label("arrears_rule", r.rules_method)
        notes = (
            T(
                f"Kolektibilitas menurut {rule.id}; PPAP = persentase per kelas × sisa pokok "
                "(dikurangi agunan untuk tiga kelas terakhir).",
                f"Loan classes by {rule.en}; allowance (PPAP) = class rate × outstanding "
                "principal (less collateral for the last three classes).",
            ),
        )
        return ReportData(
            "nominatif",
            T("Daftar Nominatif Pinjaman", "Loan Register (Daftar Nominatif)"),
            organisation(s),
            period,
            sections=(
                Section(None, quality_figures(r, receivable), (loan_class_table(r), table), notes),
            ),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )


def build_arrears(db, params: ReportParams, progress: ProgressCallback | None = None) -> ReportData:
    with read_only(db) as s:
        period = _as_of(s, params)
        report(progress, 0, 1, "")
        r = loan_quality.arrears_in(s, period.end)
        late = sorted(r.late, key=lambda q: (-q.dpd, q.loan_number))
        if params.group:
            late = [q for q in late if (q.group_code or "") == params.group.upper()]
            period = _of_group(period, params.group)
        cols = (
            Column("loan", T("No. pinjaman", "Loan no."), Kind.TEXT, 1.0),
            Column("member", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
            Column("name", T("Nama", "Name"), Kind.TEXT, 1.8),
            Column("group", T("Kelompok", "Group"), Kind.TEXT, 0.75),
            Column("dpd", T("Hari tunggak", "Days late"), Kind.INT, 0.6),
            Column(
                "arrears_principal",
                T("Tunggakan pokok", "Principal in arrears"),
                Kind.MONEY,
                1.1,
                True,
            ),
            Column(
                "arrears_interest",
                T("Tunggakan bunga", "Interest in arrears"),
                Kind.MONEY,
                1.1,
                True,
            ),
            Column("penalty", T("Denda (memo)", "Penalty (memo)"), Kind.MONEY, 1.0, True),
            Column("outstanding", T("Sisa pokok", "Outstanding"), Kind.MONEY, 1.1, True),
            Column("last_payment", T("Bayar terakhir", "Last payment"), Kind.DATE, 0.9),
            Column("class", T("Kolektibilitas", "Class"), Kind.TEXT, 1.0),
        )
        rows = tuple(
            Row(
                (
                    q.loan_number,
                    q.member_number,
                    q.member_name,
                    q.group_code or "",
                    q.dpd,
                    q.arrears_principal,
                    q.arrears_interest,
                    q.penalty_due,
                    q.outstanding,
                    q.last_payment,
                    CLASS.get(q.kolektibilitas, T(q.kolektibilitas)),
                )
            )
            for q in late
        )
        table = Table("tunggakan", T("Daftar tunggakan", "Arrears list"), cols, rows)
        return ReportData(
            "tunggakan",
            T("Daftar Tunggakan Pinjaman", "Loan Arrears List"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "late_loans",
                            T("Pinjaman menunggak", "Loans in arrears"),
                            len(rows),
                            Kind.INT,
                        ),
                        Figure(
                            "arrears",
                            T("Jumlah tunggakan", "Total arrears"),
                            sum(q.arrears for q in late),
                        ),
                        Figure(
                            "penalty",
                            T("Denda belum dibayar (memo)", "Unpaid penalties (memo)"),
                            sum(q.penalty_due for q in late),
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


def par_by_group(r, names: dict[str, str]) -> Table:
    groups: dict[str, list] = {}
    for q in r.loans:
        groups.setdefault(q.group_code or "-", []).append(q)
    rows = []
    for code in sorted(groups):
        items = groups[code]
        snaps = [
            qa.LoanSnapshot(q.outstanding, q.dpd, q.due_to_date, q.paid_to_date) for q in items
        ]
        rows.append(
            Row(
                (
                    code,
                    names.get(code, ""),
                    len(items),
                    sum(q.outstanding for q in items),
                    sum(q.outstanding for q in items if q.dpd >= 30),
                    _rate(qa.par(snaps, 1)),
                    _rate(qa.par(snaps, 30)),
                    _rate(qa.par(snaps, 90)),
                    _rate(qa.repayment_rate(snaps)),
                )
            )
        )
    cols = (
        Column("group", T("Kelompok", "Group"), Kind.TEXT, 0.75),
        Column("name", T("Nama kelompok", "Group name"), Kind.TEXT, 1.8),
        Column("loans", T("Pinjaman", "Loans"), Kind.INT, 0.7, True),
        Column("outstanding", T("Sisa pokok", "Outstanding"), Kind.MONEY, 1.2, True),
        Column("at_risk", T("Berisiko ≥ 30 hari", "At risk ≥ 30 days"), Kind.MONEY, 1.2, True),
        Column("par1", T("PAR 1", "PAR 1"), Kind.PERCENT, 0.8),
        Column("par30", T("PAR 30", "PAR 30"), Kind.PERCENT, 0.8),
        Column("par90", T("PAR 90", "PAR 90"), Kind.PERCENT, 0.8),
        Column("repayment", T("Tingkat pengembalian", "Repayment rate"), Kind.PERCENT, 1.0),
    )
    return Table(
        "par_kelompok",
        T("PAR dan tingkat pengembalian per kelompok", "PAR and repayment rate by group"),
        cols,
        tuple(rows),
        sheet=T("PAR per kelompok", "PAR by group"),
    )


def group_names(s: Session) -> dict[str, str]:
    return people.group_names(s)


def build_par(db, params: ReportParams, progress: ProgressCallback | None = None) -> ReportData:
    with read_only(db) as s:
        period = _as_of(s, params)
        report(progress, 0, 1, "")
        r = loan_quality.arrears_in(s, period.end)
        receivable = ledger.balance(s, LOANS_ACCOUNT, period.end)
        figures = quality_figures(r, receivable) + (
            Figure("par1", T("PAR > 1 hari", "PAR > 1 day"), _rate(r.par1), Kind.PERCENT),
            Figure("par90", T("PAR > 90 hari", "PAR > 90 days"), _rate(r.par90), Kind.PERCENT),
        )
        return ReportData(
            "par",
            T(
                "Portofolio Berisiko (PAR) dan Tingkat Pengembalian",
                "Portfolio at Risk and Repayment Rate",
            ),
            organisation(s),
            period,
            sections=(
                Section(None, figures, (par_by_group(r, group_names(s)), loan_class_table(r))),
            ),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            params=params.items(),
        )


def build_loan_card(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Kartu angsuran: the loan, its schedule with what was paid, and every payment."""
    with read_only(db) as s:
        report(progress, 0, 1, "")
        d = loan_detail(s, loan_for_paper(s, params.loan, params.member).number)
        bal = d.row.amount
        sched = []
        for i in d.schedule:
            bal -= i.principal
            sched.append(
                Row(
                    (
                        str(i.no),
                        i.due_date,
                        i.principal,
                        i.interest,
                        i.fee,
                        i.total,
                        i.paid,
                        i.unpaid,
                        bal,
                    )
                )
            )
        sched_cols = (
            Column("no", T("Ke", "No"), Kind.TEXT, 0.4),
            Column("due", T("Jatuh tempo", "Due date"), Kind.DATE, 0.9),
            Column("principal", T("Pokok", "Principal"), Kind.MONEY, 1.0, True),
            Column("interest", T("Bunga", "Interest"), Kind.MONEY, 1.0, True),
            Column("fee", T("Biaya", "Fee"), Kind.MONEY, 0.8, True),
            Column("total", T("Angsuran", "Installment"), Kind.MONEY, 1.0, True),
            Column("paid", T("Dibayar", "Paid"), Kind.MONEY, 1.0, True),
            Column("unpaid", T("Sisa", "Unpaid"), Kind.MONEY, 1.0, True),
            Column("balance", T("Sisa pokok terjadwal", "Scheduled balance"), Kind.MONEY, 1.1),
        )
        tx_cols = (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 0.9),
            Column("receipt", T("Bukti", "Receipt"), Kind.TEXT, 1.3),
            Column("kind", T("Jenis", "Kind"), Kind.TEXT, 0.9),
            Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.0, True),
            Column("principal", T("Pokok", "Principal"), Kind.MONEY, 1.0, True),
            Column("interest", T("Bunga", "Interest"), Kind.MONEY, 1.0, True),
            Column("penalty", T("Denda", "Penalty"), Kind.MONEY, 0.8, True),
            Column("outstanding", T("Sisa pokok", "Outstanding"), Kind.MONEY, 1.1),
        )
        # the principal outstanding after each row: the running sum of every principal
        # change in the card's order (date, id), the disbursement included
        running = 0
        tx_rows = []
        for t in d.transactions:
            running += t.principal_change
            if t.kind == "pencairan" and t.reverses_id is None:
                continue  # the disbursement is in the figures above
            kind = label("loan_tx_kind", t.kind)
            if t.reversed:
                kind = kind + T(" (dibalik)", " (reversed)")
            tx_rows.append(
                Row(
                    (
                        t.date,
                        t.receipt_no or "",
                        kind,
                        t.amount,
                        t.principal,
                        t.interest,
                        t.penalty,
                        running,
                    )
                )
            )
        txs = tuple(tx_rows)
        rate = format_percent(d.rate, "id", _places(d.rate))
        rate_en = format_percent(d.rate, "en", _places(d.rate))
        method = label("loan_method", d.method)  # "Flat (bunga tetap ...)": its first word
        method = T(method.id.split(" (")[0].lower(), method.en.split(" (")[0].lower())
        rate_unit = (
            T(" per bulan", " per month") if d.rate_per == "month" else T(" per tahun", " per year")
        )
        figures = (
            Figure("loan", T("No. pinjaman", "Loan no."), d.number, Kind.TEXT),
            Figure(
                "member",
                T("Anggota", "Member"),
                f"{d.row.member_number} · {d.row.member_name}",
                Kind.TEXT,
            ),
            Figure("product", T("Produk", "Product"), d.product_name, Kind.TEXT),
            Figure("amount", T("Plafon", "Amount"), d.row.amount),
            Figure(
                "rate",
                T("Suku bunga", "Interest rate"),
                T(rate, rate_en) + rate_unit + T(f" ({method.id})", f" ({method.en})"),
                Kind.TEXT,
            ),
            Figure(
                "term",
                T("Jangka waktu", "Term"),
                T(f"{d.row.term} × {d.every} ")
                + (T("bulan", "month(s)") if d.unit == "month" else T("minggu", "week(s)")),
                Kind.TEXT,
            ),
            Figure("disbursed", T("Tanggal cair", "Disbursed"), d.row.disbursed_on, Kind.DATE),
            Figure(
                "outstanding", T("Sisa pokok", "Principal outstanding"), d.row.principal_outstanding
            ),
            Figure("status", T("Status", "Status"), label("loan_status", d.row.status), Kind.TEXT),
        )
        day = d.row.disbursed_on or d.row.applied_on
        return ReportData(
            "kartu-pinjaman",
            T("Kartu Angsuran Pinjaman", "Loan Card"),
            organisation(s),
            Period(day, day, long(day)),
            subtitle=T(f"{d.number} – {d.row.member_name}"),
            sections=(
                Section(
                    None,
                    figures,
                    (
                        Table(
                            "jadwal",
                            T("Jadwal angsuran", "Repayment schedule"),
                            sched_cols,
                            tuple(sched),
                        ),
                        Table("pembayaran", T("Pembayaran", "Payments"), tx_cols, txs),
                    ),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=dt.date.today(),
            landscape=True,
            params=params.items(),
        )


def _specs():
    from .registry import DATE, GROUP, MEMBER, PERIOD, ReportSpec

    return [
        ReportSpec(
            "kartu-pinjaman",
            T("Kartu Angsuran Pinjaman", "Loan Card"),
            T(
                "Jadwal angsuran dan pembayaran sebuah pinjaman",
                "A loan's repayment schedule and payments",
            ),
            build_loan_card,
            ("loan", MEMBER),
            "pinjaman",
        ),
        ReportSpec(
            "nominatif",
            T("Daftar Nominatif Pinjaman", "Loan Register"),
            T(
                "Semua pinjaman beredar per kolektibilitas dengan PPAP",
                "Every outstanding loan by class, with the allowance (PPAP)",
            ),
            build_register,
            (PERIOD, DATE, GROUP),
            "pinjaman",
        ),
        ReportSpec(
            "tunggakan",
            T("Daftar Tunggakan Pinjaman", "Loan Arrears List"),
            T(
                "Pinjaman yang menunggak: hari, pokok, bunga, denda",
                "Loans in arrears: days, principal, interest, penalty",
            ),
            build_arrears,
            (PERIOD, DATE, GROUP),
            "pinjaman",
        ),
        ReportSpec(
            "par",
            T("PAR dan Tingkat Pengembalian", "PAR and Repayment Rate"),
            T(
                "Portofolio berisiko dan tingkat pengembalian per kelompok",
                "Portfolio at risk and repayment rate by group",
            ),
            build_par,
            (PERIOD, DATE),
            "pinjaman",
        ),
    ]


SPECS = _specs()

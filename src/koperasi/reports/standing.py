"""Papers of standing instructions and payroll deduction:

- ``instruksi-tetap`` (in the registry, a month): the instructions executed (with their
  receipts) and skipped (with the reason: the balance needed and available) in the runs of
  the month;
- the payroll deduction list of an employer for a month (``daftar potongan gaji``, for the
  employer, signed by the treasurer), with the posted result and each row's difference once
  the employer's payment file is posted. Built by :func:`payroll_list_data` and rendered
  through the ordinary PDF/XLSX renderers (the workbook the employer fills in is
  exchange/payroll_file.py)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from ..errors import NotFound
from ..messages import label
from ..services import payroll, payroll_posting
from ..services import standing_instructions as si
from ..services.auth import Actor
from ..services.progress import ProgressCallback, report
from ..services.uow import read_only
from .common import ReportParams, long, organisation, resolve_period, treasurer_signature
from .model import Column, Figure, Kind, Period, ReportData, Row, Section, Signature, T, Table

NAME = "instruksi-tetap"
TITLE = T("Laporan Instruksi Tetap", "Standing Instructions Report")
PAYROLL_TITLE = T("Daftar Potongan Gaji", "Payroll Deduction List")


def _kind(code: str) -> T:
    return T(*si.KIND_LABELS.get(code, (code, code)))


def _item_rows(items: tuple[si.RunItem, ...], posted: bool) -> tuple[Row, ...]:
    out = []
    for i in items:
        if (i.status == "posted") != posted:
            continue
        last = (
            i.receipt_no or ""
            if posted
            else T(si.describe_skip(i, "id"), si.describe_skip(i, "en"))
        )
        out.append(
            Row(
                (i.run_date, i.member_number, i.member_name, _kind(i.kind),
                 T(si.due_label(i.due_ref, 'id'), si.due_label(i.due_ref, 'en')), i.amount,
                 last)
            )
        )  # fmt: skip
    return tuple(out)


def _columns(last: T) -> tuple[Column, ...]:
    return (
        Column("date", T("Tanggal", "Date"), Kind.DATE, 0.9),
        Column("member", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
        Column("name", T("Nama", "Name"), Kind.TEXT, 1.8),
        Column("kind", T("Instruksi", "Instruction"), Kind.TEXT, 2.0),
        Column("ref", T("Untuk", "For"), Kind.TEXT, 1.2),
        Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.0, True),
        Column("last", last, Kind.TEXT, 2.6),
    )


def standing_report_data(
    db,
    date_from: dt.date,
    date_to: dt.date,
    actor: Actor | None = None,
    period: Period | None = None,
) -> ReportData:
    rep = si.run_report(db, date_from, date_to, actor)
    with read_only(db) as s:
        org, signatures = organisation(s), treasurer_signature(s)
    period = period or Period(
        date_from,
        date_to,
        T(
            f"{long(date_from).id} s.d. {long(date_to).id}",
            f"{long(date_from).en} to {long(date_to).en}",
        ),
    )
    posted = _item_rows(rep.items, True)
    skipped = _item_rows(rep.items, False)
    tables = (
        Table(
            "dijalankan",
            T("Instruksi yang dijalankan", "Instructions executed"),
            _columns(T("Nomor bukti", "Receipt")),
            posted,
            sheet=T("Dijalankan", "Executed"),
        ),
        Table(
            "dilewati",
            T("Instruksi yang dilewati (tidak dibukukan)", "Instructions skipped (not posted)"),
            _columns(T("Alasan", "Reason")),
            skipped,
            sheet=T("Dilewati", "Skipped"),
        ),
    )
    figures = (
        Figure("posted", T("Jumlah dibukukan", "Total posted"), rep.posted_total),
        Figure("posted_count", T("Instruksi dijalankan", "Executed"), len(posted), Kind.INT),
        Figure("skipped_count", T("Instruksi dilewati", "Skipped"), len(skipped), Kind.INT),
        Figure("skipped", T("Jumlah yang dilewati", "Total skipped"), rep.skipped_total),
    )
    return ReportData(
        NAME,
        TITLE,
        org,
        period,
        subtitle=T(
            "Simpanan wajib dan angsuran pinjaman yang didebet dari simpanan sukarela anggota",
            "Mandatory savings and loan installments debited from members' voluntary savings",
        ),
        sections=(Section(figures=figures, tables=tables),),
        signatures=signatures,
        sign_date=date_to,
        landscape=True,
    )


def build_standing_report(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
    data = standing_report_data(db, period.start, period.end, None, period)
    report(progress, 1, 1, "")
    return dataclasses.replace(data, params=params.items())


# ---------------------------------------------------------------- payroll list


def payroll_list_data(
    db,
    employer_code: str,
    year: int,
    month: int,
    actor: Actor | None = None,
) -> ReportData:
    """The list for the employer; with the posted result when the month is posted."""
    lst = payroll.deduction_list(db, employer_code, year, month, actor)
    try:
        result: payroll.PayrollResult | None = payroll_posting.batch_result(
            db, employer_code, lst.period, actor
        )
    except NotFound:
        result = None
    with read_only(db) as s:
        org = organisation(s)
        treasurer = treasurer_signature(s)[1]
    cols = (
        Column("no", T("No", "No"), Kind.INT, 0.4),
        Column("employee", T("No. pegawai", "Employee no."), Kind.TEXT, 1.0),
        Column("member", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
        Column("name", T("Nama", "Name"), Kind.TEXT, 2.0),
        Column("wajib", T("Simpanan wajib", "Mandatory savings"), Kind.MONEY, 1.0, True),
        Column("angsuran", T("Angsuran pinjaman", "Loan installments"), Kind.MONEY, 1.1, True),
        Column("sukarela", T("Simpanan sukarela", "Voluntary savings"), Kind.MONEY, 1.0, True),
        Column("total", T("Jumlah potongan", "Total deduction"), Kind.MONEY, 1.1, True),
    )
    rows = tuple(
        Row((r.no, r.employee_no, r.member_number, r.member_name, r.wajib, r.angsuran,
             r.sukarela, r.total))
        for r in lst.rows
    )  # fmt: skip
    from .common import month_period

    period = month_period(year, month)
    sections = [
        Section(
            figures=(
                Figure(
                    "employer",
                    T("Instansi", "Employer"),
                    f"{lst.employer_code} – {lst.employer_name}",
                    Kind.TEXT,
                ),
                Figure(
                    "due_by",
                    T("Angsuran jatuh tempo s.d.", "Installments due by"),
                    long(lst.due_by),
                    Kind.TEXT,
                ),
                Figure("members", T("Jumlah anggota", "Members"), len(lst.rows), Kind.INT),
                Figure("total", T("Jumlah potongan", "Total to deduct"), lst.total()),
            ),  # fmt: skip
            notes=(
                T(
                    "Mohon potongan gaji bulan ini disetorkan ke rekening koperasi beserta "
                    "daftar ini dengan kolom jumlah dibayar terisi.",
                    "Please transfer this month's deductions to the cooperative's account and "
                    "return this list with the amount paid filled in.",
                ),
            ),
            tables=(
                Table(
                    "potongan",
                    T("Potongan per anggota", "Deduction per member"),
                    cols,
                    rows,
                    sheet=T("Potongan", "Deductions"),
                ),
            ),  # fmt: skip
        )
    ]
    if result is not None:
        rcols = (
            Column("row", T("Baris", "Row"), Kind.TEXT, 0.5),
            Column("employee", T("No. pegawai", "Employee no."), Kind.TEXT, 0.9),
            Column("member", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
            Column("name", T("Nama", "Name"), Kind.TEXT, 1.6),
            Column("expected", T("Potongan", "Expected"), Kind.MONEY, 0.9, True),
            Column("paid", T("Dibayar", "Paid"), Kind.MONEY, 0.9, True),
            Column("wajib", T("Wajib", "Mandatory"), Kind.MONEY, 0.8, True),
            Column("angsuran", T("Angsuran", "Installments"), Kind.MONEY, 0.9, True),
            Column("sukarela", T("Sukarela", "Voluntary"), Kind.MONEY, 0.8, True),
            Column("diff", T("Selisih", "Difference"), Kind.MONEY, 0.9, True),
            Column("status", T("Keterangan", "Note"), Kind.TEXT, 1.5),
        )
        rrows = tuple(
            Row((str(r.row or "-"), r.employee_no, r.member_number, r.name, r.expected, r.paid,
                 r.wajib, r.angsuran, r.sukarela, r.difference,
                 T(label("payroll_status", r.status, "id"), label("payroll_status", r.status, "en"))))
            for r in result.rows
        )  # fmt: skip
        sections.append(
            Section(
                T(
                    f"Hasil pembayaran dibukukan {long(result.date).id}",
                    f"Payment posted on {long(result.date).en}",
                ),
                figures=(
                    Figure("paid", T("Jumlah diterima", "Total received"), result.total("paid")),
                    Figure(
                        "unposted",
                        T(
                            "Belum dapat dibukukan (2.30 Hutang Lain-lain)",
                            "Not yet placed (2.30 Other payables)",
                        ),
                        result.total("unposted"),
                    ),  # fmt: skip
                    Figure(
                        "differences",
                        T("Baris berselisih", "Rows with a difference"),
                        len(result.differences),
                        Kind.INT,
                    ),  # fmt: skip
                ),
                tables=(
                    Table(
                        "hasil",
                        T("Hasil per baris", "Result per row"),
                        rcols,
                        rrows,
                        sheet=T("Hasil", "Result"),
                    ),
                ),  # fmt: skip
            )
        )
    return ReportData(
        "potongan-gaji",
        PAYROLL_TITLE,
        org,
        period,
        subtitle=T(
            f"{lst.employer_name} – wajib, angsuran yang jatuh tempo dan sukarela",
            f"{lst.employer_name} – mandatory savings, installments due and voluntary savings",
        ),
        sections=tuple(sections),
        signatures=(
            treasurer,
            Signature(T("Bagian keuangan instansi", "Employer's payroll office"), ""),
        ),
        sign_date=None,
        landscape=True,
    )


def _specs() -> list:
    from .registry import PERIOD, ReportSpec

    return [
        ReportSpec(
            NAME,
            TITLE,
            T(
                "Instruksi tetap yang dijalankan dan yang dilewati (saldo kurang) dalam sebulan",
                "Standing instructions executed and skipped (balance too low) in a month",
            ),
            build_standing_report,
            (PERIOD,),
            "buku",
        )
    ]


SPECS = _specs()

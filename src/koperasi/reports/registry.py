"""The catalogue of reports, and the one API the CLI and the GUI use.

    from koperasi.reports import registry
    for spec in registry.list_reports():          # name, title, description (id/en), params
        ...
    data = registry.build(db, "neraca-saldo", ReportParams(period="2026-03"), progress)
    registry.render(data, "out.pdf", "pdf", lang="id", progress=progress)
    # or both at once, with progress spread over the two phases:
    registry.run(db, "neraca-saldo", params, "xlsx", "out.xlsx", lang="en", progress=cb)
    # as a user: actor=... scopes a ketua kelompok to the group (reports/access.py)

``progress`` is ``(done, total, message) -> bool | None``; returning ``False`` cancels: the
builder or renderer raises :class:`koperasi.services.progress.Cancelled` (nothing is written
to the database; a half-written output file is removed by :func:`run`).
Every report runs without parameters (defaults: the last full month or financial year with
data, the first group, the first member, the latest receipt).
"""

from __future__ import annotations

import dataclasses
import importlib
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from ..errors import ValidationError
from ..services.auth import Actor
from ..services.progress import ProgressCallback
from . import access, books, finance, members, receipts, shu_reports
from .common import ReportParams
from .model import ReportData, T

Builder = Callable[..., ReportData]

# which options a report reads; the GUI shows only these fields
PERIOD = "period"  # --period / --year / --date
GROUP = "group"
MEMBER = "member"
RECEIPT = "receipt"
YEAR = "year"  # a financial year only
DATE = "date"  # a single day only


@dataclass(frozen=True)
class ReportSpec:
    name: str
    title: T
    description: T
    builder: Builder
    options: tuple[str, ...]
    category: str  # keuangan | buku | anggota | kelompok | shu | pinjaman | rapat


_REPORTS: dict[str, ReportSpec] = {}
# report name -> its own PDF renderer (the RAT book lays itself out twice for its contents)
_PDF_RENDERERS: dict[str, Callable[..., Path]] = {}


def register(spec: ReportSpec) -> None:
    _REPORTS[spec.name] = spec


def _builtin() -> None:
    specs = [
        ReportSpec(
            "laporan-keuangan",
            T("Laporan Keuangan", "Financial Statements"),
            T(
                "Keempat laporan keuangan (posisi keuangan, hasil usaha, arus kas, perubahan ekuitas) dengan periode sebelumnya",
                "All four financial statements with the previous period beside them",
            ),
            finance.build_financial_statements,
            (PERIOD,),
            "keuangan",
        ),
        ReportSpec(
            "posisi-keuangan",
            T("Laporan Posisi Keuangan (Neraca)", "Statement of Financial Position"),
            T(
                "Aset, liabilitas dan ekuitas per akhir periode",
                "Assets, liabilities and equity at the period end",
            ),
            finance.build_balance_sheet,
            (PERIOD,),
            "keuangan",
        ),
        ReportSpec(
            "hasil-usaha",
            T("Perhitungan Hasil Usaha", "Income Statement"),
            T("Pendapatan, beban dan SHU periode", "Income, expenses and surplus of the period"),
            finance.build_income_statement,
            (PERIOD,),
            "keuangan",
        ),
        ReportSpec(
            "arus-kas",
            T("Laporan Arus Kas", "Statement of Cash Flows"),
            T(
                "Arus kas metode langsung dari akun kas dan bank",
                "Direct-method cash flows from the cash and bank accounts",
            ),
            finance.build_cash_flow,
            (PERIOD,),
            "keuangan",
        ),
        ReportSpec(
            "perubahan-ekuitas",
            T("Laporan Perubahan Ekuitas", "Statement of Changes in Equity"),
            T(
                "Saldo awal, penambahan, pengurangan dan saldo akhir ekuitas",
                "Opening, increases, decreases and closing equity",
            ),
            finance.build_equity_changes,
            (PERIOD,),
            "keuangan",
        ),
        ReportSpec(
            "neraca-saldo",
            T("Neraca Saldo", "Trial Balance"),
            T(
                "Saldo awal, mutasi dan saldo akhir setiap akun",
                "Opening balance, movements and closing balance of every account",
            ),
            books.build_trial_balance,
            (PERIOD,),
            "buku",
        ),
        ReportSpec(
            "jurnal",
            T("Jurnal Umum", "General Journal"),
            T(
                "Semua jurnal dalam periode, baris demi baris",
                "Every journal entry of the period, line by line",
            ),
            books.build_journal,
            (PERIOD,),
            "buku",
        ),
        ReportSpec(
            "buku-besar",
            T("Buku Besar", "General Ledger"),
            T("Mutasi dan saldo berjalan per akun", "Movements and running balance per account"),
            books.build_general_ledger,
            (PERIOD,),
            "buku",
        ),
        ReportSpec(
            "buku-kas",
            T("Buku Kas", "Cash Book"),
            T(
                "Penerimaan dan pengeluaran kas dan bank dengan saldo",
                "Cash and bank receipts and payments with the balance",
            ),
            books.build_cash_book,
            (PERIOD,),
            "buku",
        ),
        ReportSpec(
            "daftar-anggota",
            T("Buku Daftar Anggota", "Member Register"),
            T(
                "Anggota dengan kelompok, status, kategori dan saldo simpanan",
                "Members with group, status, categories and savings balances",
            ),
            members.build_member_register,
            (DATE, GROUP),
            "anggota",
        ),
        ReportSpec(
            "mutasi-simpanan",
            T("Rekening Koran Simpanan", "Member Savings Statement"),
            T(
                "Mutasi simpanan seorang anggota per jenis simpanan",
                "A member's savings movements per savings type",
            ),
            members.build_savings_statement,
            (PERIOD, MEMBER),
            "anggota",
        ),
        ReportSpec(
            "kuitansi",
            T("Kuitansi", "Receipt"),
            T(
                "Kuitansi sebuah transaksi dengan terbilang",
                "Receipt for one transaction, amount in words",
            ),
            receipts.build_receipt,
            (RECEIPT,),
            "anggota",
        ),
        ReportSpec(
            "lembar-pertemuan",
            T("Lembar Pertemuan Kelompok", "Group Meeting Sheet"),
            T(
                "Kewajiban per anggota untuk pertemuan, dengan kolom isian",
                "What each member owes at the meeting, with columns to fill in",
            ),
            members.build_meeting_sheet,
            (DATE, GROUP),
            "kelompok",
        ),
        ReportSpec(
            "ringkasan-pertemuan",
            T("Ringkasan Pertemuan Kelompok", "Group Meeting Summary"),
            T(
                "Setoran anggota kelompok pada tanggal pertemuan",
                "What the group's members paid on the meeting day",
            ),
            members.build_meeting_summary,
            (DATE, GROUP),
            "kelompok",
        ),
        ReportSpec(
            "shu-anggota",
            T("Pembagian SHU", "SHU Distribution"),
            T(
                "Pembagian SHU tahun buku dan SHU per anggota",
                "The year's surplus split and each member's share",
            ),
            shu_reports.build_shu_distribution,
            (YEAR,),
            "shu",
        ),
        ReportSpec(
            "slip-shu",
            T("Slip SHU Anggota", "Member SHU Slip"),
            T("Perhitungan SHU seorang anggota", "How one member's SHU was computed"),
            shu_reports.build_shu_slip,
            (YEAR, MEMBER),
            "shu",
        ),
    ]
    for spec in specs:
        register(spec)
    for module in (
        "rat",
        "monitoring",
        "rat_book",
        "fixed_assets",
        "time_deposits",
        "standing",
        "bank",
    ):
        mod = importlib.import_module(f"koperasi.reports.{module}")
        for spec in getattr(mod, "SPECS", []):
            register(spec)
        _PDF_RENDERERS.update(getattr(mod, "PDF_RENDERERS", {}))
    from . import loans as loan_reports

    for spec in loan_reports.SPECS:
        register(spec)
    from . import loan_papers

    for spec in loan_papers.SPECS:
        register(spec)
    _PDF_RENDERERS.update(loan_papers.PDF_RENDERERS)
    from . import loan_rules  # issue 17: collateral, guarantors, lending limits

    for spec in loan_rules.SPECS:
        register(spec)
    _PDF_RENDERERS.update(loan_rules.PDF_RENDERERS)


def list_reports() -> list[ReportSpec]:
    if not _REPORTS:
        _builtin()
    return list(_REPORTS.values())


def get_report(name: str) -> ReportSpec:
    if not _REPORTS:
        _builtin()
    spec = _REPORTS.get(name)
    if spec is None:
        raise ValidationError("report", "unknown_report", value=name)
    return spec


def build(
    db,
    name: str,
    params: ReportParams | None = None,
    progress: ProgressCallback | None = None,
    actor: Actor | None = None,
) -> ReportData:
    """Build the report-data object (reads the database in one read-only transaction).

    With an ``actor``, the role's data scope applies (:mod:`koperasi.reports.access`): a
    ketua kelompok gets only the group-level reports, for their own groups. A report whose
    period has not ended or is not closed is marked a draft."""
    spec = get_report(name)
    params = access.scoped_params(db, name, params or ReportParams(), actor)
    data = access.redact(name, spec.builder(db, params, progress), actor)
    if data.period is not None and not data.draft:
        from ..services.closing import report_is_draft

        if report_is_draft(db, data.period.end):
            data = dataclasses.replace(data, draft=True)
    if not data.anchor:
        from ..services import book_anchor

        data = dataclasses.replace(data, anchor=book_anchor.current(db).short())
    return data


def list_for(actor: Actor | None) -> list[ReportSpec]:
    """The reports ``actor`` may run (all of them for a trusted caller)."""
    return [s for s in list_reports() if access.access(s.name, actor) != access.REFUSED]


FORMATS = ("pdf", "xlsx")


def render(
    data: ReportData,
    path: str | Path,
    fmt: str,
    lang: str = "id",
    progress: ProgressCallback | None = None,
) -> Path:
    if fmt == "pdf":
        if not _REPORTS:
            _builtin()
        if data.name in _PDF_RENDERERS:
            return _PDF_RENDERERS[data.name](data, path, lang, progress)
        from .pdf import render_pdf

        return render_pdf(data, path, lang, progress)
    if fmt == "xlsx":
        from .xlsx import render_xlsx

        return render_xlsx(data, path, lang, progress)
    raise ValidationError("format", "choice", choices=", ".join(FORMATS), value=fmt)


def _scaled(progress: ProgressCallback | None, lo: int, hi: int) -> ProgressCallback | None:
    if progress is None:
        return None

    def cb(done: int, total: int, message: str) -> bool | None:
        frac = done / total if total else 1
        return progress(lo + round((hi - lo) * frac), 100, message)

    return cb


def run(
    db,
    name: str,
    params: ReportParams | None,
    fmt: str,
    path: str | Path,
    lang: str = "id",
    progress: ProgressCallback | None = None,
    actor: Actor | None = None,
) -> Path:
    """Build and render in one go; progress runs 0..100 (build 0-30, render 30-100)."""
    if fmt not in FORMATS:
        raise ValidationError("format", "choice", choices=", ".join(FORMATS), value=fmt)
    data = build(db, name, params, _scaled(progress, 0, 30), actor)
    path = Path(path)
    try:
        return render(data, path, fmt, lang, _scaled(progress, 30, 100))
    except BaseException:
        path.unlink(missing_ok=True)
        raise

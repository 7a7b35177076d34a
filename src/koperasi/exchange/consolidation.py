"""``koperasi consolidate FILES... -o report.xlsx|pdf``: one programme report over many
cooperatives' audit workbooks, for evaluators.

Each workbook is read once, streaming, and checked:

- its Ed25519 signature (the Info sheet's last row) against the public key the programme
  registered for the cooperative's legal number (``keys``: :func:`koperasi.signing.read_register`);
  an unsigned workbook is refused unless ``allow_unsigned`` (then counted, with a warning);
- it is not a duplicate: the same file, or the same cooperative (legal number), as a
  workbook accepted before it in the list;
- every sheet's SHA-256 against its Info sheet;
- every journal entry balances, and the trial balance (Neraca Saldo) balances;
- the trial balance's movements equal the journal's, account by account;
- subledgers equal their control accounts: savings accounts per product vs 3.10/3.11/2.10...,
  loans' principal outstanding vs 1.20.

A cooperative that fails a check is listed with the reasons and left out of the totals
(its numbers cannot be trusted); the others give outreach by gender and vulnerability
category, savings by kind, the loan portfolio and PAR (portfolio at risk: principal
outstanding of loans with an installment more than 30 / 90 days overdue at the end of the
period, over all principal outstanding), per cooperative and in total. The report is built
as a :class:`koperasi.reports.model.ReportData` and rendered by the reports area's PDF or
Excel renderer.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path

from ..errors import ValidationError
from ..messages.text import pick
from ..services.progress import ProgressCallback, report
from .consolidation_read import Cooperative, read_cooperative


@dataclass(frozen=True)
class ConsolidationResult:
    path: Path
    cooperatives: tuple[Cooperative, ...]

    @property
    def passed(self) -> list[Cooperative]:
        return [c for c in self.cooperatives if c.ok]

    @property
    def failed(self) -> list[Cooperative]:
        return [c for c in self.cooperatives if not c.ok]

    def notes(self, lang: str = "id") -> list[str]:
        """Warnings about accepted files (e.g. unsigned, counted by ``allow_unsigned``)."""
        return [f"{Path(c.path).name}: {w.get(lang)}" for c in self.passed for w in c.warnings]


# ---------------------------------------------------------------- the report


def build_report(coops: list[Cooperative], lang: str = "id"):
    from ..reports.model import (
        Column,
        Figure,
        Kind,
        Organisation,
        ReportData,
        Row,
        Section,
        T,
        Table,
    )

    ok = [c for c in coops if c.ok]
    failed = [c for c in coops if not c.ok]
    total_out = sum(c.outstanding for c in ok)
    risk30 = sum(c.at_risk_30 for c in ok)
    risk90 = sum(c.at_risk_90 for c in ok)

    def pct(a: int, b: int) -> Decimal:
        return (Decimal(a) * 100 / Decimal(b)).quantize(Decimal("0.01")) if b else Decimal(0)

    figures = (
        Figure("files", T("Buku kerja dibaca", "Workbooks read"), len(coops), Kind.INT),
        Figure("passed", T("Lolos pemeriksaan", "Passed the checks"), len(ok), Kind.INT),
        Figure("failed", T("Gagal pemeriksaan", "Failed the checks"), len(failed), Kind.INT),
        Figure(
            "members", T("Anggota aktif", "Active members"), sum(c.members for c in ok), Kind.INT
        ),
        Figure(
            "women", T("Anggota perempuan", "Women members"), sum(c.women for c in ok), Kind.INT
        ),
        Figure(
            "women_pct",
            T("Persentase perempuan", "Share of women"),
            pct(sum(c.women for c in ok), sum(c.members for c in ok)),
            Kind.PERCENT,
        ),
        Figure("savings", T("Jumlah simpanan", "Total savings"), sum(c.savings for c in ok)),
        Figure("outstanding", T("Sisa pokok pinjaman", "Loans outstanding"), total_out),
        Figure("par30", T("PAR > 30 hari", "PAR > 30 days"), pct(risk30, total_out), Kind.PERCENT),
        Figure("par90", T("PAR > 90 hari", "PAR > 90 days"), pct(risk90, total_out), Kind.PERCENT),
    )
    per_coop = Table(
        "cooperatives",
        T("Per koperasi", "Per cooperative"),
        (
            Column("name", T("Koperasi", "Cooperative"), Kind.TEXT, 2.2),
            Column("period", T("Periode s.d.", "Period to"), Kind.TEXT, 1.0),
            Column("members", T("Anggota aktif", "Active members"), Kind.INT, 0.9, True),
            Column("women", T("Perempuan", "Women"), Kind.INT, 0.9, True),
            Column("men", T("Laki-laki", "Men"), Kind.INT, 0.9, True),
            Column("savers", T("Penabung", "Savers"), Kind.INT, 0.9, True),
            Column("savings", T("Simpanan", "Savings"), Kind.MONEY, 1.4, True),
            Column("loans", T("Pinjaman aktif", "Active loans"), Kind.INT, 0.9, True),
            Column("borrowers", T("Peminjam", "Borrowers"), Kind.INT, 0.9, True),
            Column("outstanding", T("Sisa pokok", "Outstanding"), Kind.MONEY, 1.4, True),
            Column("risk30", T("Berisiko > 30 hari", "At risk > 30 days"), Kind.MONEY, 1.4, True),
            Column("par30", T("PAR30", "PAR30"), Kind.PERCENT, 0.8),
            Column("par90", T("PAR90", "PAR90"), Kind.PERCENT, 0.8),
        ),
        tuple(
            Row(
                (
                    c.label,
                    c.period_to or (c.as_of.isoformat() if c.as_of else ""),
                    c.members,
                    c.women,
                    c.men,
                    c.savers,
                    c.savings,
                    c.loans_active,
                    c.borrowers,
                    c.outstanding,
                    c.at_risk_30,
                    c.par(30),
                    c.par(90),
                )
            )
            for c in ok
        ),
    )
    names: dict[str, tuple[str, str]] = {}
    for c in ok:
        names.update(c.category_names)
    codes = sorted({code for c in ok for code in c.by_category})
    by_cat = Table(
        "categories",
        T("Jangkauan menurut kategori kerentanan", "Outreach by vulnerability category"),
        (
            Column("name", T("Koperasi", "Cooperative"), Kind.TEXT, 2.0),
            Column("category", T("Kategori", "Category"), Kind.TEXT, 2.0),
            Column("members", T("Anggota aktif", "Active members"), Kind.INT, 1.0, True),
            Column("women", T("Perempuan", "Women"), Kind.INT, 1.0, True),
        ),
        tuple(
            Row(
                (
                    c.label,
                    pick(names.get(code, (code, code)), lang),
                    c.by_category[code],
                    c.women_by_category[code],
                )
            )
            for c in ok
            for code in codes
            if c.by_category[code]
        ),
    )
    kinds = ("pokok", "wajib", "sukarela", "berjangka")
    savings = Table(
        "savings",
        T("Simpanan menurut jenis", "Savings by kind"),
        (
            Column("name", T("Koperasi", "Cooperative"), Kind.TEXT, 2.2),
            *(Column(k, T(k.capitalize(), k.capitalize()), Kind.MONEY, 1.2, True) for k in kinds),
            Column("total", T("Jumlah", "Total"), Kind.MONEY, 1.4, True),
        ),
        tuple(Row((c.label, *(c.savings_by_kind.get(k, 0) for k in kinds), c.savings)) for c in ok),
    )
    failed_table = Table(
        "failed",
        T("Koperasi yang gagal pemeriksaan", "Cooperatives that failed the checks"),
        (
            Column("name", T("Koperasi", "Cooperative"), Kind.TEXT, 1.5),
            Column("file", T("Berkas", "File"), Kind.TEXT, 1.5),
            Column("reason", T("Alasan", "Reason"), Kind.TEXT, 5.0),
        ),
        tuple(Row((c.label, Path(c.path).name, "; ".join(c.problems(lang)))) for c in failed),
    )
    note = T(
        "Angka dan jumlah hanya dari koperasi yang lolos pemeriksaan integritas (tanda tangan "
        "dengan kunci terdaftar koperasi, bukan duplikat, SHA-256 tiap lembar, jurnal seimbang, neraca saldo sesuai jurnal, buku pembantu sama dengan akun "
        "kontrol). PAR: sisa pokok pinjaman dengan angsuran tertunggak lebih dari 30/90 hari "
        "pada akhir periode dibagi seluruh sisa pokok.",
        "Figures and totals come only from cooperatives that passed the integrity checks "
        "(signed with the cooperative's registered key, not a duplicate, SHA-256 of every "
        "sheet, balanced journal, trial balance equal to the journal, "
        "subledgers equal to their control accounts). PAR: principal outstanding of loans "
        "with an installment more than 30/90 days overdue at the end of the period, over all "
        "principal outstanding.",
    )
    warnings = tuple(
        T(f"{Path(c.path).name}: {w.id}", f"{Path(c.path).name}: {w.en}")
        for c in ok
        for w in c.warnings
    )
    today = dt.date.today()
    from ..reports.model import Period as RPeriod

    return ReportData(
        name="konsolidasi",
        title=T("Laporan Program: Konsolidasi Koperasi", "Programme Report: Cooperatives"),
        org=Organisation(name=T("Program pemberdayaan", "Empowerment programme").get(lang)),
        period=RPeriod(today, today, T(f"Per {today:%d/%m/%Y}", f"As of {today:%d/%m/%Y}")),
        sections=(
            Section(T("Ringkasan", "Summary"), figures=figures, notes=(note, *warnings)),
            Section(T("Koperasi", "Cooperatives"), tables=(per_coop, savings)),
            Section(T("Jangkauan", "Outreach"), tables=(by_cat,)),
            Section(T("Pemeriksaan", "Checks"), tables=(failed_table,)),
        ),
        landscape=True,
        params=tuple(("file", Path(c.path).name) for c in coops),
    )


def _duplicate(coop: Cooperative, accepted: list[Cooperative]) -> None:
    """Refuse ``coop`` when a workbook accepted before it is the same file or the same
    cooperative (its legal number, or its name when it has none)."""
    ident = coop.legal_number or coop.name
    for first in accepted:
        name = Path(first.path).name
        if Path(coop.path).resolve() == Path(first.path).resolve():
            coop.problem(
                "Duplikat: berkas ini disebut dua kali: tidak dihitung dua kali",
                "Duplicate: this file was given twice: not counted twice",
                "duplicate",
            )
            return
        if coop.file_sha256 and coop.file_sha256 == first.file_sha256:
            coop.problem(
                f"Duplikat: berkas yang sama dengan {name}: tidak dihitung dua kali",
                f"Duplicate: the same file as {name}: not counted twice",
                "duplicate",
            )
            return
        if ident and ident == (first.legal_number or first.name):
            if (coop.period_from, coop.period_to) == (first.period_from, first.period_to):
                coop.problem(
                    f"Duplikat: koperasi dan periode yang sama dengan {name}: tidak dihitung "
                    "dua kali",
                    f"Duplicate: the same cooperative and period as {name}: not counted twice",
                    "duplicate",
                )
            else:
                coop.problem(
                    f"Duplikat: koperasi yang sama dengan {name} (periode lain): satu buku "
                    "kerja per koperasi, tidak dihitung dua kali",
                    f"Duplicate: the same cooperative as {name} (another period): one workbook "
                    "per cooperative, not counted twice",
                    "duplicate",
                )
            return


def consolidate(
    paths: list[str | os.PathLike[str]],
    output: str | os.PathLike[str],
    lang: str = "id",
    progress: ProgressCallback | None = None,
    *,
    keys: Mapping[str, str],
    allow_unsigned: bool = False,
) -> ConsolidationResult:
    """Read and check every workbook in ``paths`` against the programme's register of
    public keys ``keys`` (legal number -> public key); write the programme report to
    ``output`` (``.xlsx`` or ``.pdf``)."""
    out = Path(output)
    suffix = out.suffix.lower()
    if suffix not in (".xlsx", ".pdf"):
        raise ValidationError("file", "file_extension", expected=".xlsx / .pdf", value=str(output))
    coops: list[Cooperative] = []
    for n, p in enumerate(paths):
        report(progress, n, len(paths) + 1, Path(p).name)
        coop = read_cooperative(p, keys, allow_unsigned=allow_unsigned)
        if coop.ok:
            _duplicate(coop, [c for c in coops if c.ok])
        coops.append(coop)
    report(progress, len(paths), len(paths) + 1, out.name)
    data = build_report(coops, lang)
    if suffix == ".pdf":
        from ..reports.pdf import render_pdf

        render_pdf(data, out, lang)
    else:
        from ..reports.xlsx import render_xlsx

        render_xlsx(data, out, lang)
    return ConsolidationResult(out, tuple(coops))

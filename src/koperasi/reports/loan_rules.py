"""Papers and lists of issue 17 (collateral, guarantors, lending limits):

- ``serah-terima-jaminan``: the Surat Serah Terima Jaminan, the letter the member signs when
  the collateral of a paid-off loan is handed back (its last hand-over, or the loan's);
- ``daftar-jaminan``: the collateral register — what the cooperative holds, per loan;
- ``eksposur-penjamin``: every guarantor with the loans they guarantee and the principal
  outstanding of each;
- ``pelanggaran-batas``: the loans over a lending limit (BMPP, related parties, the
  product's savings multiple) and the approvals of both boards they have.
"""

from __future__ import annotations

import datetime as dt

from ..domain.fmt import long_date
from ..domain.money import format_rupiah
from ..errors import ValidationError
from ..messages import label
from ..services.clock import today
from ..services.loans import collateral as collateral_service
from ..services.loans import lending_limits
from ..services.progress import ProgressCallback, report
from ..services.reads import loan_rules as reads
from ..services.settings import profile_in
from ..services.uow import read_only
from .common import ReportParams, organisation, treasurer_signature
from .model import Column, Figure, Kind, ReportData, Row, Section, Signature, T, Table


def _lab(vocab: str, code: str) -> T:
    return T(label(vocab, code, "id"), label(vocab, code, "en"))


# ---------------------------------------------------------------- hand-over letter


def build_handover(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Surat serah terima jaminan of one loan (``params.loan``; or ``params.receipt``: the
    hand-over letter's number). Refused while nothing was handed back."""
    from .loan_papers import member_figures

    with read_only(db) as s:
        report(progress, 0, 1, "")
        h = reads.handover(s, params.receipt, params.loan)
        if h is None:
            raise ValidationError(
                "loan", "collateral_not_returned", loan=params.loan or params.receipt or "-"
            )
        number = h.number
        items = h.items
        m = h.member
        p = profile_in(s)
        day = items[0].returned_on or today()
        total = sum(c.value for c in items)
        table = Table(
            "jaminan",
            T("Jaminan yang diserahkan", "Collateral handed over"),
            (
                Column("no", T("No.", "No."), Kind.INT, 0.4),
                Column("kind", T("Jenis", "Kind"), Kind.TEXT, 1.3),
                Column("description", T("Uraian", "Description"), Kind.TEXT, 2.4),
                Column("document", T("Nomor dokumen", "Document no."), Kind.TEXT, 1.2),
                Column("received", T("Diterima", "Received"), Kind.DATE, 1.0),
                Column("value", T("Nilai", "Value"), Kind.MONEY, 1.1, True),
            ),
            tuple(
                Row(
                    (
                        n,
                        _lab("collateral_kind", c.kind),
                        c.description,
                        c.document_no or "–",
                        c.received_on,
                        c.value,
                    )
                )
                for n, c in enumerate(items, 1)
            ),
        )
        to = items[0].returned_to or m.name
        body = (
            T(
                f"Pada hari ini, {long_date(day, 'id')}, {p.name} menyerahkan kembali jaminan "
                f"pinjaman nomor {h.loan_number} kepada:",
                f"On this day, {long_date(day, 'en')}, {p.name} hands back the collateral of "
                f"loan number {h.loan_number} to:",
            ),
        )
        after = (
            T(
                f"Pinjaman tersebut telah {label('loan_status', h.loan_status, 'id').lower()}"
                + (f" pada tanggal {long_date(h.loan_closed_on, 'id')}" if h.loan_closed_on else "")
                + f". Barang dan dokumen jaminan berikut senilai {format_rupiah(total)} diterima "
                f"kembali oleh {to} dalam keadaan lengkap dan baik:",
                f"The loan is {label('loan_status', h.loan_status, 'en').lower()}"
                + (f" as of {long_date(h.loan_closed_on, 'en')}" if h.loan_closed_on else "")
                + f". The following collateral and documents worth {format_rupiah(total)} are "
                f"received back by {to}, complete and in good order:",
            ),
        )
        closing = (
            T(
                "Dengan ditandatanganinya surat ini, koperasi tidak lagi menyimpan jaminan "
                "tersebut dan penerima membebaskan koperasi dari tanggung jawab atasnya.",
                "With this letter signed, the cooperative no longer holds this collateral and "
                "the recipient releases the cooperative from any liability for it.",
            ),
        )
        return ReportData(
            "serah-terima-jaminan",
            T("SURAT SERAH TERIMA JAMINAN", "COLLATERAL HAND-OVER LETTER"),
            organisation(s),
            None,
            subtitle=T(f"Nomor: {number}", f"No. {number}"),
            sections=(
                Section(None, notes=body),
                Section(None, member_figures(m)),
                Section(None, notes=after, tables=(table,)),
                Section(None, notes=closing),
            ),
            signatures=(
                Signature(T("Yang menerima", "Received by"), to),
                Signature(
                    T("Yang menyerahkan / Bendahara", "Handed over by / Treasurer"), p.treasurer
                ),
                Signature(T("Ketua", "Chair"), p.chair),
            ),
            sign_date=day,
            params=params.items(),
        )


# ---------------------------------------------------------------- lists


def _as_of(params: ReportParams) -> dt.date:
    return params.date or today()


def build_register(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """The collateral held (the register of the safe)."""
    report(progress, 0, 1, "")
    items = collateral_service.register(db)
    with read_only(db) as s:
        org, signatures = organisation(s), treasurer_signature(s)
        who = reads.borrowers(s, [c.loan_number for c in items])
    table = Table(
        "jaminan",
        T("Jaminan yang disimpan", "Collateral held"),
        (
            Column("loan", T("Pinjaman", "Loan"), Kind.TEXT, 1.1),
            Column("member", T("Anggota", "Member"), Kind.TEXT, 1.8),
            Column("kind", T("Jenis", "Kind"), Kind.TEXT, 1.2),
            Column("description", T("Uraian", "Description"), Kind.TEXT, 2.2),
            Column("document", T("Nomor dokumen", "Document no."), Kind.TEXT, 1.1),
            Column("received", T("Diterima", "Received"), Kind.DATE, 0.9),
            Column("value", T("Nilai", "Value"), Kind.MONEY, 1.1, True),
        ),
        tuple(
            Row(
                (
                    c.loan_number,
                    who[c.loan_number],
                    _lab("collateral_kind", c.kind),
                    c.description,
                    c.document_no or "–",
                    c.received_on,
                    c.value,
                )
            )
            for c in items
        ),
    )
    return ReportData(
        "daftar-jaminan",
        T("Daftar Jaminan", "Collateral Register"),
        org,
        None,
        subtitle=T(
            f"Per {long_date(_as_of(params), 'id')}", f"As of {long_date(_as_of(params), 'en')}"
        ),
        sections=(
            Section(
                None,
                (
                    Figure("count", T("Jumlah jaminan", "Items"), len(items), Kind.INT),
                    Figure(
                        "value", T("Nilai seluruhnya", "Total value"), sum(c.value for c in items)
                    ),
                ),
                (table,),
            ),
        ),
        signatures=signatures,
        sign_date=_as_of(params),
        params=params.items(),
        landscape=True,
    )


def build_guarantees(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Every guarantor and the open loans they guarantee."""
    report(progress, 0, 1, "")
    exposures = collateral_service.guarantee_report(db)
    with read_only(db) as s:
        org, signatures = organisation(s), treasurer_signature(s)
    rows = []
    for e in exposures:
        for r in e.rows:
            rows.append(
                Row(
                    (
                        f"{e.member_number} {e.member_name}",
                        r.loan_number,
                        f"{r.borrower_number} {r.borrower_name}",
                        _lab("loan_status", r.status),
                        _lab("loan_class", r.quality_class) if r.quality_class else "–",
                        r.outstanding,
                    )
                )
            )
    table = Table(
        "penjamin",
        T("Penjamin dan pinjaman yang dijamin", "Guarantors and the loans they guarantee"),
        (
            Column("guarantor", T("Penjamin", "Guarantor"), Kind.TEXT, 2.0),
            Column("loan", T("Pinjaman", "Loan"), Kind.TEXT, 1.2),
            Column("borrower", T("Peminjam", "Borrower"), Kind.TEXT, 2.0),
            Column("status", T("Status", "Status"), Kind.TEXT, 0.9),
            Column("class", T("Kolektibilitas", "Quality"), Kind.TEXT, 1.1),
            Column("outstanding", T("Sisa pokok", "Principal outstanding"), Kind.MONEY, 1.2, True),
        ),
        tuple(rows),
    )
    return ReportData(
        "eksposur-penjamin",
        T("Eksposur Penjamin", "Guarantor Exposure"),
        org,
        None,
        subtitle=T(
            f"Per {long_date(_as_of(params), 'id')}", f"As of {long_date(_as_of(params), 'en')}"
        ),
        sections=(
            Section(
                None,
                (
                    Figure(
                        "guarantors", T("Jumlah penjamin", "Guarantors"), len(exposures), Kind.INT
                    ),
                    Figure(
                        "exposure",
                        T("Sisa pokok yang dijamin", "Principal guaranteed"),
                        sum(e.total for e in exposures),
                    ),
                ),
                (table,),
            ),
        ),
        signatures=signatures,
        sign_date=_as_of(params),
        params=params.items(),
        landscape=True,
    )


def build_breaches(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Loans over a lending limit on the date, with the boards' approvals."""
    report(progress, 0, 1, "")
    day = _as_of(params)
    rep = lending_limits.breach_report(db, day)
    with read_only(db) as s:
        org, signatures = organisation(s), treasurer_signature(s)
    rules = rep.rules
    table = Table(
        "pelanggaran",
        T("Pinjaman melebihi batas", "Loans over a limit"),
        (
            Column("loan", T("Pinjaman", "Loan"), Kind.TEXT, 1.1),
            Column("member", T("Anggota", "Member"), Kind.TEXT, 1.8),
            Column("status", T("Status", "Status"), Kind.TEXT, 0.8),
            Column("rule", T("Batas", "Limit"), Kind.TEXT, 2.0),
            Column("exposure", T("Eksposur", "Exposure"), Kind.MONEY, 1.1),
            Column("limit", T("Batas (Rp)", "Limit (Rp)"), Kind.MONEY, 1.1),
            Column("approvals", T("Persetujuan", "Approvals"), Kind.TEXT, 1.8),
        ),
        tuple(
            Row(
                (
                    r.loan_number,
                    f"{r.member_number} {r.member_name}",
                    _lab("loan_status", r.status),
                    _lab("limit_rule", r.rule),
                    r.exposure,
                    r.limit,
                    r.approvals or "–",
                )
            )
            for r in rep.rows
        ),
    )
    figures = (
        Figure("own_capital", T("Modal sendiri", "Own capital"), rep.own_capital),
        Figure(
            "bmpp",
            T("BMPP (% modal sendiri)", "Per-borrower limit (% of own capital)"),
            rules.bmpp_percent if rules.bmpp_percent is not None else "–",
            Kind.PERCENT if rules.bmpp_percent is not None else Kind.TEXT,
        ),
        Figure(
            "related",
            T("Batas pihak terkait (% modal sendiri)", "Related parties (% of own capital)"),
            rules.related_percent,
            Kind.PERCENT,
        ),
        Figure(
            "mode", T("Tindakan", "On a breach"), _lab("breach_mode", rules.breach_mode), Kind.TEXT
        ),
    )
    return ReportData(
        "pelanggaran-batas",
        T("Pelanggaran Batas Pinjaman", "Lending Limit Breaches"),
        org,
        None,
        subtitle=T(f"Per {long_date(day, 'id')}", f"As of {long_date(day, 'en')}"),
        sections=(Section(None, figures, (table,)),),
        signatures=signatures,
        sign_date=day,
        params=params.items(),
        landscape=True,
    )


def _specs():
    from .registry import DATE, MEMBER, ReportSpec

    return [
        ReportSpec(
            "serah-terima-jaminan",
            T("Surat Serah Terima Jaminan", "Collateral Hand-over Letter"),
            T(
                "Surat pengembalian jaminan pinjaman yang sudah lunas",
                "The letter handing back a paid-off loan's collateral",
            ),
            build_handover,
            ("loan", MEMBER),
            "pinjaman",
        ),
        ReportSpec(
            "daftar-jaminan",
            T("Daftar Jaminan", "Collateral Register"),
            T("Jaminan yang disimpan koperasi per pinjaman", "Collateral the cooperative holds"),
            build_register,
            (DATE,),
            "pinjaman",
        ),
        ReportSpec(
            "eksposur-penjamin",
            T("Eksposur Penjamin", "Guarantor Exposure"),
            T(
                "Penjamin dengan pinjaman yang dijaminnya dan sisa pokoknya",
                "Guarantors with the loans they guarantee and their principal outstanding",
            ),
            build_guarantees,
            (DATE,),
            "pinjaman",
        ),
        ReportSpec(
            "pelanggaran-batas",
            T("Pelanggaran Batas Pinjaman", "Lending Limit Breaches"),
            T(
                "Pinjaman di atas BMPP, batas pihak terkait atau kelipatan simpanan",
                "Loans over the per-borrower, related-party or savings-multiple limit",
            ),
            build_breaches,
            (DATE,),
            "pinjaman",
        ),
    ]


SPECS = _specs()


def _renderers():
    from .loan_papers_pdf import render_paper_pdf

    return {"serah-terima-jaminan": render_paper_pdf}


PDF_RENDERERS = _renderers()

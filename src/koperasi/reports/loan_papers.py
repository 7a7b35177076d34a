"""Papers a member signs or keeps: the loan agreement, the repayment schedule, the paid-off
letter and the member card.

- ``perjanjian-pinjaman``: the surat perjanjian pinjaman from the cooperative's template
  (:mod:`koperasi.services.loan_papers`), with the schedule attached on its own page;
- ``jadwal-angsuran``: the schedule for the member to keep, with columns for the date paid
  and the cashier's initials; its principal column adds up to the loan amount;
- ``surat-lunas``: the surat keterangan lunas, only for a loan with status ``lunas``;
- ``kartu-anggota``: the member card, the member number also as a QR code.

Each builder returns an ordinary :class:`ReportData` (so the workbook export works too);
the PDF is laid out as a letter (kop surat, title, body, signatures of the member and the
board) by :func:`.loan_papers_pdf.render_paper_pdf`, the card by
:func:`.member_card_pdf.render_card_pdf`.
"""

from __future__ import annotations

import datetime as dt

from ..domain.fmt import long_date, terbilang
from ..domain.money import format_rupiah
from ..errors import ValidationError
from ..messages import label as message_label
from ..services import loan_papers as papers
from ..services.loans import core as loan_core
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession
from ..services.reads.loan_papers import LoanPaperFacts, LoanRef, loan_for_paper, loan_paper
from ..services.reads.people import MemberDetails, group_of
from ..services.settings import Profile, profile_in
from ..services.uow import read_only
from .common import ReportParams, organisation
from .loan_papers_pdf import render_paper_pdf
from .member_card_pdf import render_card_pdf
from .model import (
    Column,
    Figure,
    Kind,
    Organisation,
    ReportData,
    Row,
    Section,
    Signature,
    T,
)
from .model import (
    Table as RTable,
)

BORROWER = T("Peminjam", "Borrower")
MEMBER_SIGN = T("Anggota", "Member")
CHAIR = T("Ketua", "Chair")
TREASURER = T("Bendahara", "Treasurer")


# ---------------------------------------------------------------- finding the loan


def _loan(s: ReadSession, params: ReportParams, status: str | None = None) -> LoanRef:
    return loan_for_paper(s, params.loan, params.member, status)


def member_figures(m: MemberDetails) -> tuple[Figure, ...]:
    group = m.group_name
    address = ", ".join(x for x in (m.address, m.kelurahan, m.kecamatan) if x) or "–"
    return (
        Figure("member_name", T("Nama", "Name"), m.name, Kind.TEXT),
        Figure("member", T("Nomor anggota", "Member number"), m.number, Kind.TEXT),
        Figure("nik", T("NIK", "NIK"), m.nik, Kind.TEXT),
        Figure("address", T("Alamat", "Address"), address, Kind.TEXT),
        Figure("group", T("Kelompok", "Group"), group or "–", Kind.TEXT),
    )


def schedule_table(loan: LoanPaperFacts, with_blanks: bool) -> RTable:
    """The schedule: principal, interest, fee, installment and the balance after."""
    bal = loan.amount
    rows = []
    for i in loan.schedule:
        bal -= i.principal
        cells: tuple[object, ...] = (
            str(i.no),
            i.due_date,
            i.principal,
            i.interest,
            i.fee,
            i.total,
            bal,
        )
        if with_blanks:
            cells += ("", "")
        rows.append(Row(cells))
    cols: tuple[Column, ...] = (
        Column("no", T("Ke", "No."), Kind.TEXT, 0.4),
        Column("due", T("Jatuh tempo", "Due date"), Kind.DATE, 1.0),
        Column("principal", T("Pokok", "Principal"), Kind.MONEY, 1.1, True),
        Column("interest", T("Bunga", "Interest"), Kind.MONEY, 1.0, True),
        Column("fee", T("Biaya", "Fee"), Kind.MONEY, 0.8, True),
        Column("total", T("Angsuran", "Installment"), Kind.MONEY, 1.1, True),
        Column("balance", T("Sisa pokok", "Balance"), Kind.MONEY, 1.1),
    )
    if with_blanks:
        cols += (
            Column("paid_on", T("Tanggal bayar", "Date paid"), Kind.BLANK, 1.0),
            Column("initials", T("Paraf", "Initials"), Kind.BLANK, 0.7),
        )
    return RTable("jadwal", T("Jadwal angsuran", "Repayment schedule"), cols, tuple(rows))


def _loan_figures(loan: LoanPaperFacts) -> tuple[Figure, ...]:
    vid = loan.values["id"]
    ven = loan.values["en"]
    return (
        Figure("loan", T("Nomor pinjaman", "Loan number"), loan.number, Kind.TEXT),
        Figure("product", T("Produk", "Product"), loan.detail.product_name, Kind.TEXT),
        Figure("amount", T("Jumlah pinjaman", "Loan amount"), loan.amount),
        Figure("rate", T("Suku bunga", "Interest rate"), T(vid["bunga"], ven["bunga"]), Kind.TEXT),
        Figure(
            "term",
            T("Jangka waktu", "Term"),
            T(vid["jangka_waktu"], ven["jangka_waktu"]),
            Kind.TEXT,
        ),
        Figure("disbursed", T("Tanggal cair", "Disbursed on"), loan.disbursed_on, Kind.DATE)
        if loan.disbursed_on
        else Figure(
            "decided",
            T("Tanggal disetujui", "Approved on"),
            loan.decided_on or loan.applied_on,
            Kind.DATE,
        ),
    )


def _provisional_note(loan: LoanPaperFacts) -> tuple[T, ...]:
    if not loan.provisional:
        return ()
    day = loan.decided_on or loan.applied_on
    return (
        T(
            f"Jadwal ini perkiraan bila pinjaman dicairkan pada {long_date(day, 'id')}; "
            "jadwal pasti dibuat pada saat pencairan.",
            f"This schedule assumes the loan is disbursed on {long_date(day, 'en')}; the "
            "final schedule is made at disbursement.",
        ),
    )


# ---------------------------------------------------------------- builders


def build_agreement(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Surat perjanjian pinjaman: the cooperative's template filled for one loan."""
    with read_only(db) as s:
        report(progress, 0, 1, "")
        loan = _loan(s, params)
        if loan.status in ("diajukan", "ditolak"):
            raise ValidationError(
                "loan",
                "loan_wrong_status",
                loan=loan.number,
                status=message_label("loan_status", loan.status, "id"),
            )
        return agreement(loan_paper(s, loan.number), organisation(s), profile_in(s), params)


def agreement(
    loan: LoanPaperFacts, org: Organisation, p: Profile, params: ReportParams
) -> ReportData:
    """The agreement of ``loan`` (pure)."""
    m = loan.member
    template = loan.template
    body = T(
        papers.fill(template["id"], loan.values["id"]),
        papers.fill(template["en"], loan.values["en"]),
    )
    day = loan.disbursed_on or loan.decided_on or loan.applied_on
    attachment = Section(
        T("Lampiran: jadwal angsuran pinjaman ", "Attachment: repayment schedule of loan ")
        + loan.number,
        _loan_figures(loan)[:1] + member_figures(m)[:2],
        (schedule_table(loan, False),),
        notes=_provisional_note(loan),
        page_break_before=True,
    )
    return ReportData(
        "perjanjian-pinjaman",
        T("SURAT PERJANJIAN PINJAMAN", "LOAN AGREEMENT"),
        org,
        None,  # a paper, not a period's report: never marked draft
        subtitle=T(f"Nomor: {loan.number}", f"No. {loan.number}"),
        sections=(Section(None, notes=(body,)), attachment),
        signatures=(
            Signature(T("PIHAK KEDUA / Peminjam", "SECOND PARTY / Borrower"), m.name),
            Signature(T("PIHAK PERTAMA / Ketua", "FIRST PARTY / Chair"), p.chair),
            Signature(T("Bendahara", "Treasurer"), p.treasurer),
        ),
        sign_date=day,
        params=params.items(),
    )


def build_schedule(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Jadwal angsuran for the member to keep, with columns to note each payment."""
    with read_only(db) as s:
        report(progress, 0, 1, "")
        loan = loan_paper(s, _loan(s, params).number)
        m = loan.member
        p = profile_in(s)
        day = loan.disbursed_on or loan.decided_on or loan.applied_on
        return ReportData(
            "jadwal-angsuran",
            T("JADWAL ANGSURAN PINJAMAN", "LOAN REPAYMENT SCHEDULE"),
            organisation(s),
            None,  # a paper, not a period's report: never marked draft
            subtitle=T(f"Nomor pinjaman: {loan.number}", f"Loan number: {loan.number}"),
            sections=(
                Section(
                    None,
                    member_figures(m)[:2] + _loan_figures(loan),
                    (schedule_table(loan, True),),
                    notes=_provisional_note(loan)
                    + (
                        T(
                            "Simpan jadwal ini. Bayarlah angsuran paling lambat pada tanggal "
                            "jatuh tempo dan mintalah kuitansi untuk setiap pembayaran.",
                            "Keep this schedule. Pay each installment by its due date and ask "
                            "for a receipt for every payment.",
                        ),
                    ),
                ),
            ),
            signatures=(
                Signature(BORROWER, m.name),
                Signature(TREASURER, p.treasurer),
            ),
            sign_date=day,
            params=params.items(),
        )


def build_paid_off(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Surat keterangan lunas: refused unless the loan is fully repaid."""
    with read_only(db) as s:
        report(progress, 0, 1, "")
        ref = _loan(s, params, status=loan_core.PAID_OFF)
        if ref.status != loan_core.PAID_OFF or ref.principal_outstanding:
            raise ValidationError(
                "loan",
                "loan_not_paid_off",
                number=ref.number,
                status=message_label("loan_status", ref.status, "id"),
            )
        loan = loan_paper(s, ref.number)
        m = loan.member
        d = loan.detail
        p = profile_in(s)
        live = [t for t in d.transactions if not t.reversed and t.reverses_id is None]
        paid_principal = sum(t.principal for t in live if t.kind != "pencairan")
        paid_interest = sum(t.interest for t in live)
        paid_penalty = sum(t.penalty for t in live)
        paid_fee = sum(t.fee for t in live if t.kind != "pencairan")
        closed = loan.closed_on or max((t.date for t in live), default=dt.date.today())
        disbursed = loan.disbursed_on or loan.applied_on
        amount_words = T(terbilang(loan.amount, "id"), terbilang(loan.amount, "en"))
        body = (
            T(
                f"Yang bertanda tangan di bawah ini, Pengurus {p.name}, menerangkan dengan "
                "sebenarnya bahwa anggota:",
                f"The undersigned, the Board of {p.name}, hereby state that the member:",
            ),
        )
        after = [
            T(
                f"telah MELUNASI seluruh kewajiban atas pinjaman nomor {loan.number} sebesar "
                f"{format_rupiah(loan.amount)} ({amount_words.id}) yang dicairkan pada tanggal "
                f"{long_date(disbursed, 'id')}. Pelunasan terakhir diterima pada tanggal "
                f"{long_date(closed, 'id')}.",
                f"has REPAID IN FULL loan number {loan.number} of {format_rupiah(loan.amount)} "
                f"({amount_words.en}) disbursed on {long_date(disbursed, 'en')}. The last "
                f"payment was received on {long_date(closed, 'en')}.",
            ),
            T(
                "Dengan demikian anggota tersebut tidak lagi mempunyai kewajiban apa pun atas "
                "pinjaman ini kepada koperasi.",
                "The member therefore owes the cooperative nothing further on this loan.",
            ),
        ]
        if loan.collateral:
            after.append(
                T(
                    "Jaminan pinjaman ini dikembalikan kepada anggota bersamaan dengan surat ini.",
                    "The collateral of this loan is returned to the member with this letter.",
                )
            )
        after.append(
            T(
                "Surat keterangan ini dibuat untuk dipergunakan sebagaimana mestinya.",
                "This letter is issued to be used as needed.",
            )
        )
        paid = RTable(
            "pembayaran",
            T("Rincian pembayaran", "Payments made"),
            (
                Column("what", T("Uraian", "Item"), Kind.TEXT, 2.0),
                Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.0, True),
            ),
            (
                Row((T("Pokok pinjaman", "Principal"), paid_principal)),
                Row((T("Bunga", "Interest"), paid_interest)),
                Row((T("Biaya", "Fees"), paid_fee)),
                Row((T("Denda", "Penalties"), paid_penalty)),
            ),
        )
        return ReportData(
            "surat-lunas",
            T("SURAT KETERANGAN LUNAS", "PAID-OFF LETTER"),
            organisation(s),
            None,
            subtitle=T(f"Nomor: LUNAS/{loan.number}", f"No. LUNAS/{loan.number}"),
            sections=(
                Section(None, notes=body),
                Section(None, member_figures(m)),
                Section(None, notes=tuple(after), tables=(paid,)),
            ),
            signatures=(Signature(CHAIR, p.chair), Signature(TREASURER, p.treasurer)),
            sign_date=closed,
            params=params.items(),
        )


def build_member_card(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Kartu anggota: name, number, group, join date; the number as a QR code."""
    from .common import resolve_member

    with read_only(db) as s:
        report(progress, 0, 1, "")
        m = resolve_member(s, params.member)
        g = group_of(s, m.group_id)
        group_name = g.name if g else ""
        p = profile_in(s)
        figures = (
            Figure("member_name", T("Nama", "Name"), m.name, Kind.TEXT),
            Figure("member", T("Nomor anggota", "Member number"), m.number, Kind.TEXT),
            Figure("group", T("Kelompok", "Group"), group_name or "–", Kind.TEXT),
            Figure("join_date", T("Tanggal masuk", "Member since"), m.join_date, Kind.DATE),
            Figure("qr", T("Kode QR", "QR code"), m.number, Kind.TEXT),
        )
        return ReportData(
            "kartu-anggota",
            T("KARTU ANGGOTA", "MEMBER CARD"),
            organisation(s),
            subtitle=T(m.name),
            sections=(Section(None, figures),),
            signatures=(Signature(CHAIR, p.chair),),
            sign_date=m.join_date,
            params=params.items(),
        )


# ---------------------------------------------------------------- registry


def _specs():
    from .registry import MEMBER, ReportSpec

    return [
        ReportSpec(
            "perjanjian-pinjaman",
            T("Surat Perjanjian Pinjaman", "Loan Agreement"),
            T(
                "Perjanjian pinjaman dari templat koperasi, dengan jadwal angsuran terlampir",
                "The loan agreement from the cooperative's template, schedule attached",
            ),
            build_agreement,
            ("loan", MEMBER),
            "pinjaman",
        ),
        ReportSpec(
            "jadwal-angsuran",
            T("Jadwal Angsuran (untuk anggota)", "Repayment Schedule (for the member)"),
            T(
                "Jadwal angsuran sebuah pinjaman untuk disimpan anggota",
                "A loan's repayment schedule for the member to keep",
            ),
            build_schedule,
            ("loan", MEMBER),
            "pinjaman",
        ),
        ReportSpec(
            "surat-lunas",
            T("Surat Keterangan Lunas", "Paid-off Letter"),
            T(
                "Keterangan bahwa sebuah pinjaman sudah lunas (hanya pinjaman lunas)",
                "A letter that a loan is fully repaid (paid-off loans only)",
            ),
            build_paid_off,
            ("loan", MEMBER),
            "pinjaman",
        ),
        ReportSpec(
            "kartu-anggota",
            T("Kartu Anggota", "Member Card"),
            T(
                "Kartu anggota dengan nomor anggota sebagai kode QR",
                "The member card, the member number as a QR code",
            ),
            build_member_card,
            (MEMBER,),
            "anggota",
        ),
    ]


SPECS = _specs()
PDF_RENDERERS = {
    "perjanjian-pinjaman": render_paper_pdf,
    "jadwal-angsuran": render_paper_pdf,
    "surat-lunas": render_paper_pdf,
    "kartu-anggota": render_card_pdf,
}

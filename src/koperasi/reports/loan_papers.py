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
board) by :func:`render_paper_pdf`, the card by :func:`render_card_pdf`.
"""

from __future__ import annotations

import contextlib
import datetime as dt
from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    KeepTogether,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)
from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import Group, Loan, Member
from ..domain.fmt import long_date, terbilang
from ..domain.money import format_rupiah
from ..errors import NotFound, ValidationError
from ..messages import label as message_label
from ..services import loan_papers as papers
from ..services.loans import core as loan_core
from ..services.loans import views as loan_views
from ..services.progress import ProgressCallback, report
from ..services.settings import profile_in
from ..services.uow import read_only
from . import pdf_page, pdf_style, pdf_tables
from .cells import format_cell
from .common import ReportParams, organisation
from .fonts import SANS, SANS_BOLD, register_fonts
from .model import (
    Column,
    Figure,
    Kind,
    ReportData,
    Row,
    Section,
    Signature,
    T,
    text,
)
from .model import (
    Table as RTable,
)

BORROWER = T("Peminjam", "Borrower")
MEMBER_SIGN = T("Anggota", "Member")
CHAIR = T("Ketua", "Chair")
TREASURER = T("Bendahara", "Treasurer")
STAMP = T("Meterai\n10.000", "Duty stamp\nRp10.000")


# ---------------------------------------------------------------- finding the loan


def _loan(s: Session, params: ReportParams, status: str | None = None) -> Loan:
    if params.loan:
        return loan_core.loan_by_number(s, params.loan)
    q = select(Loan).order_by(Loan.number)
    q = q.where(Loan.status == status) if status else q.where(Loan.disbursed_on.is_not(None))
    if params.member:
        from ..services.members import member_by_number

        q = q.where(Loan.member_id == member_by_number(s, params.member).id)
    loan = s.scalars(q).first()
    if loan is None:
        raise NotFound(what="Pinjaman", key=params.member or "-")
    return loan


def _member(s: Session, loan: Loan) -> Member:
    m = s.get(Member, loan.member_id)
    assert m is not None
    return m


def _member_figures(m: Member, group: str) -> tuple[Figure, ...]:
    address = ", ".join(x for x in (m.address, m.kelurahan, m.kecamatan) if x) or "–"
    return (
        Figure("member_name", T("Nama", "Name"), m.name, Kind.TEXT),
        Figure("member", T("Nomor anggota", "Member number"), m.number, Kind.TEXT),
        Figure("nik", T("NIK", "NIK"), m.nik, Kind.TEXT),
        Figure("address", T("Alamat", "Address"), address, Kind.TEXT),
        Figure("group", T("Kelompok", "Group"), group or "–", Kind.TEXT),
    )


def _group_name(s: Session, m: Member) -> str:
    g = s.get(Group, m.group_id) if m.group_id else None
    return g.name if g else ""


def schedule_table(s: Session, loan: Loan, detail, with_blanks: bool) -> RTable:
    """The schedule: principal, interest, fee, installment and the balance after."""
    bal = loan.amount
    rows = []
    schedule, _provisional = papers.paper_schedule(s, loan, detail)
    for i in schedule:
        bal -= i.principal
        cells: tuple = (str(i.no), i.due_date, i.principal, i.interest, i.fee, i.total, bal)
        if with_blanks:
            cells += ("", "")
        rows.append(Row(cells))
    cols = (
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


def _loan_figures(s: Session, loan: Loan, detail) -> tuple[Figure, ...]:
    vid = papers.agreement_values(s, loan, "id")
    ven = papers.agreement_values(s, loan, "en")
    return (
        Figure("loan", T("Nomor pinjaman", "Loan number"), loan.number, Kind.TEXT),
        Figure("product", T("Produk", "Product"), detail.product_name, Kind.TEXT),
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


def _provisional_note(s: Session, loan: Loan, detail) -> tuple[T, ...]:
    _rows, provisional = papers.paper_schedule(s, loan, detail)
    if not provisional:
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
        m = _member(s, loan)
        template = papers.template_in(s)
        body = T(
            papers.fill(template["id"], papers.agreement_values(s, loan, "id")),
            papers.fill(template["en"], papers.agreement_values(s, loan, "en")),
        )
        d = loan_views.detail_in(s, loan)
        p = profile_in(s)
        day = loan.disbursed_on or loan.decided_on or loan.applied_on
        attachment = Section(
            T("Lampiran: jadwal angsuran pinjaman ", "Attachment: repayment schedule of loan ")
            + loan.number,
            _loan_figures(s, loan, d)[:1] + _member_figures(m, _group_name(s, m))[:2],
            (schedule_table(s, loan, d, False),),
            notes=_provisional_note(s, loan, d),
            page_break_before=True,
        )
        return ReportData(
            "perjanjian-pinjaman",
            T("SURAT PERJANJIAN PINJAMAN", "LOAN AGREEMENT"),
            organisation(s),
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
        loan = _loan(s, params)
        m = _member(s, loan)
        d = loan_views.detail_in(s, loan)
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
                    _member_figures(m, _group_name(s, m))[:2] + _loan_figures(s, loan, d),
                    (schedule_table(s, loan, d, True),),
                    notes=_provisional_note(s, loan, d)
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
        loan = _loan(s, params, status=loan_core.PAID_OFF)
        if loan.status != loan_core.PAID_OFF or loan.principal_outstanding:
            raise ValidationError(
                "loan",
                "loan_not_paid_off",
                number=loan.number,
                status=message_label("loan_status", loan.status, "id"),
            )
        m = _member(s, loan)
        d = loan_views.detail_in(s, loan)
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
                Section(None, _member_figures(m, _group_name(s, m))),
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
        p = profile_in(s)
        figures = (
            Figure("member_name", T("Nama", "Name"), m.name, Kind.TEXT),
            Figure("member", T("Nomor anggota", "Member number"), m.number, Kind.TEXT),
            Figure("group", T("Kelompok", "Group"), _group_name(s, m) or "–", Kind.TEXT),
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


# ---------------------------------------------------------------- PDF: letters


class _Letterhead(pdf_page._Furniture):
    """Kop surat on the first page (a smaller one after), the page number in the footer."""

    def header(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        w, h = doc.pagesize
        org = self.data.org
        top = h - 12 * mm
        if self.logo is not None:
            with contextlib.suppress(Exception):  # a broken logo must not stop the paper
                canv.drawImage(
                    str(self.logo),
                    pdf_style.MARGIN_X,
                    top - 17 * mm,
                    18 * mm,
                    18 * mm,
                    preserveAspectRatio=True,
                    mask="auto",
                )
        canv.setFillColor(pdf_style.ACCENT)
        canv.setFont(SANS_BOLD, 14)
        canv.drawCentredString(w / 2, top - 5 * mm, org.name[:60])
        canv.setFillColor(pdf_style.INK)
        canv.setFont(SANS, 8)
        y = top - 10 * mm
        if org.legal_number:
            canv.drawCentredString(w / 2, y, f"Badan Hukum No. {org.legal_number}")
            y -= 3.8 * mm
        line = " · ".join(x for x in (org.address, org.city, org.phone) if x)
        if line:
            canv.drawCentredString(w / 2, y, line[:120])
        canv.setStrokeColor(pdf_style.INK)
        canv.setLineWidth(1.6)
        canv.line(pdf_style.MARGIN_X, top - 19 * mm, w - pdf_style.MARGIN_X, top - 19 * mm)
        canv.setLineWidth(0.5)
        canv.line(pdf_style.MARGIN_X, top - 20 * mm, w - pdf_style.MARGIN_X, top - 20 * mm)
        canv.restoreState()


def _styles() -> dict[str, ParagraphStyle]:
    st = pdf_style._styles()
    body = ParagraphStyle(
        "body", parent=st["base"], fontSize=10, leading=14.5, alignment=TA_JUSTIFY, spaceAfter=6
    )
    st["body"] = body
    st["article"] = ParagraphStyle(
        "article",
        parent=body,
        fontName=SANS_BOLD,
        alignment=TA_CENTER,
        spaceBefore=6,
        spaceAfter=3,
    )
    st["paper_title"] = ParagraphStyle(
        "paper_title",
        parent=st["base"],
        fontName=SANS_BOLD,
        fontSize=13,
        leading=17,
        alignment=TA_CENTER,
    )
    st["paper_no"] = ParagraphStyle(
        "paper_no", parent=st["base"], fontSize=10, leading=13, alignment=TA_CENTER
    )
    st["sig"] = ParagraphStyle(
        "sig", parent=st["base"], fontSize=9.5, leading=12, alignment=TA_CENTER
    )
    return st


def _figure_text(f: Figure, lang: str) -> str:
    """A figure as a letter writes it: dates in full (``23 November 2026``)."""
    if f.kind is Kind.DATE and f.value is not None:
        return long_date(f.value, lang)
    return format_cell(f.value, f.kind, lang)


def _figures_block(figures, width: float, lang: str, st: dict) -> Flowable:
    rows = [
        [
            Paragraph(pdf_style._esc(text(f.label, lang)), st["body"]),
            ":",
            Paragraph(pdf_style._esc(_figure_text(f, lang)), st["body"]),
        ]
        for f in figures
        if f.key != "qr"
    ]
    t = Table(rows, colWidths=[45 * mm, 4 * mm, width - 49 * mm - 10 * mm], hAlign="CENTER")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), -3),
                ("LEFTPADDING", (0, 0), (0, -1), 8 * mm),
                ("LEFTPADDING", (1, 0), (1, -1), 0),
                ("RIGHTPADDING", (1, 0), (1, -1), 0),
                ("FONT", (1, 0), (1, -1), SANS, 10),
            ]
        )
    )
    return t


def _signatures(data: ReportData, width: float, lang: str, st: dict) -> Flowable:
    sigs = data.signatures
    n = len(sigs)
    col = width / n
    member_first = data.name == "perjanjian-pinjaman"
    roles = [Paragraph(pdf_style._esc(text(s.role, lang)), st["sig"]) for s in sigs]
    gap: list = ["" for _ in sigs]
    if member_first:
        stamp = Table(
            [[Paragraph(pdf_style._esc(text(STAMP, lang)).replace("\n", "<br/>"), st["small"])]],
            colWidths=[20 * mm],
            rowHeights=[14 * mm],
        )
        stamp.setStyle(
            TableStyle(
                [
                    ("BOX", (0, 0), (-1, -1), 0.5, pdf_style.RULE),
                    ("VALIGN", (0, 0), (-1, -1), "MIDDLE"),
                    ("TEXTCOLOR", (0, 0), (-1, -1), pdf_style.RULE),
                ]
            )
        )
        gap[0] = stamp
    names = [
        Paragraph(
            f"<u>{pdf_style._esc(s.name) if s.name else '&nbsp;' * 40}</u>",
            st["sig"],
        )
        for s in sigs
    ]
    t = Table([roles, gap, names], colWidths=[col] * n, rowHeights=[None, 22 * mm, None])
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("ALIGN", (0, 0), (-1, -1), "CENTER"),
                ("VALIGN", (0, 1), (-1, 1), "MIDDLE"),
            ]
        )
    )
    when = data.sign_date or data.generated_at.date()
    place = data.org.city
    line = f"{place}, {long_date(when, lang)}" if place else long_date(when, lang)
    return KeepTogether(
        [Spacer(1, 6 * mm), Paragraph(pdf_style._esc(line), st["right"]), Spacer(1, 3 * mm), t]
    )


def _body(note: str, st: dict) -> list[Flowable]:
    out: list[Flowable] = []
    for kind, para in papers.paragraphs(note):
        style = st["article"] if kind == "heading" else st["body"]
        out.append(Paragraph(pdf_style._esc(para), style))
    return out


def render_paper_pdf(
    data: ReportData, path: str | Path, lang: str = "id", progress: ProgressCallback | None = None
) -> Path:
    """A letter: kop surat, centred title and number, body, tables, signatures."""
    register_fonts()
    path = Path(path)
    st = _styles()
    furniture = _Letterhead(data, lang)
    margin_top = 38 * mm
    doc = BaseDocTemplate(
        str(path),
        pagesize=A4,
        leftMargin=20 * mm,
        rightMargin=20 * mm,
        topMargin=margin_top,
        bottomMargin=pdf_style.MARGIN_BOTTOM,
        title=text(data.title, lang),
        author=data.org.name,
        creator="Koperasi",
        lang="id-ID" if lang == "id" else "en-GB",
    )
    frame = Frame(
        doc.leftMargin, doc.bottomMargin, doc.width, doc.height, id="body",
        leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0,
    )  # fmt: skip
    doc.addPageTemplates([PageTemplate(id="letter", frames=[frame], onPage=furniture.header)])
    report(progress, 0, 1, "")
    story: list[Flowable] = [
        Paragraph(f"<u>{pdf_style._esc(text(data.title, lang))}</u>", st["paper_title"])
    ]
    if data.subtitle:
        story.append(Paragraph(pdf_style._esc(text(data.subtitle, lang)), st["paper_no"]))
    story.append(Spacer(1, 6 * mm))
    signed = False
    for section in data.sections:
        if section.page_break_before:
            if data.signatures and not signed:
                story.append(_signatures(data, doc.width, lang, st))
                signed = True
            story.append(PageBreak())
        if section.title:
            story.append(Paragraph(pdf_style._esc(text(section.title, lang)), st["h2"]))
        if section.figures:
            story.append(_figures_block(section.figures, doc.width, lang, st))
            story.append(Spacer(1, 4 * mm))
        for note in section.notes:
            story += _body(text(note, lang), st)
        for table in section.tables:
            story += pdf_tables._table_flowables(table, doc.width, lang, None, st)
    if data.signatures and not signed:
        story.append(_signatures(data, doc.width, lang, st))
    doc.build(story, canvasmaker=pdf_page._numbered_canvas(furniture))
    report(progress, 1, 1, "")
    return path


# ---------------------------------------------------------------- PDF: the member card

CARD_W, CARD_H = 85.6 * mm, 54 * mm  # ID-1, the size of a bank card


def member_qr(number: str, size: float = 22 * mm) -> Drawing:
    """The member number as a QR code drawing; ``drawing.contents[0].value`` is the number."""
    widget = QrCodeWidget(number, barLevel="M")
    x0, y0, x1, y1 = widget.getBounds()
    d = Drawing(size, size, transform=[size / (x1 - x0), 0, 0, size / (y1 - y0), 0, 0])
    d.add(widget)
    return d


def _card_front(c: rl_canvas.Canvas, x: float, y: float, data: ReportData, lang: str) -> None:
    fig = {f.key: f for f in data.figures()}
    c.saveState()
    c.setFillColor(pdf_style.ACCENT)
    c.roundRect(x, y + CARD_H - 13 * mm, CARD_W, 13 * mm, 3 * mm, stroke=0, fill=1)
    c.rect(x, y + CARD_H - 13 * mm, CARD_W, 4 * mm, stroke=0, fill=1)
    c.setFillColorRGB(1, 1, 1)
    c.setFont(SANS_BOLD, 8.5)
    c.drawCentredString(x + CARD_W / 2, y + CARD_H - 6 * mm, data.org.name[:44])
    c.setFont(SANS, 7)
    c.drawCentredString(x + CARD_W / 2, y + CARD_H - 10.5 * mm, text(data.title, lang))
    c.setFillColor(pdf_style.INK)
    ty = y + CARD_H - 19 * mm
    for key in ("member_name", "member", "group", "join_date"):
        f = fig[key]
        c.setFont(SANS, 5.8)
        c.drawString(x + 4 * mm, ty, text(f.label, lang))
        c.setFont(SANS_BOLD, 8.5 if key in ("member_name", "member") else 7.5)
        value = (
            format_cell(f.value, f.kind, lang)
            if f.kind is not Kind.DATE
            else long_date(f.value, lang)
        )
        c.drawString(x + 4 * mm, ty - 3.4 * mm, value[:30])
        ty -= 8.6 * mm
    qr = member_qr(str(fig["qr"].value), 25 * mm)
    qr.drawOn(c, x + CARD_W - 29 * mm, y + 8 * mm)
    c.setFont(SANS, 6)
    c.drawCentredString(x + CARD_W - 16.5 * mm, y + 5.5 * mm, str(fig["qr"].value))
    c.restoreState()


def _card_back(c: rl_canvas.Canvas, x: float, y: float, data: ReportData, lang: str) -> None:
    c.saveState()
    c.setFillColor(pdf_style.INK)
    lines = T(
        "Kartu ini milik koperasi dan berlaku selama pemegangnya menjadi anggota. "
        "Bawalah kartu ini setiap bertransaksi. Bila menemukan kartu ini, mohon "
        "dikembalikan ke alamat koperasi.",
        "This card belongs to the cooperative and is valid while its holder is a member. "
        "Bring it to every transaction. If found, please return it to the cooperative.",
    ).get(lang)
    from reportlab.lib.utils import simpleSplit

    ty = y + CARD_H - 7 * mm
    c.setFont(SANS, 6.3)
    for ln in simpleSplit(lines, SANS, 6.3, CARD_W - 8 * mm):
        c.drawString(x + 4 * mm, ty, ln)
        ty -= 3 * mm
    org = data.org
    ty -= 1.5 * mm
    c.setFont(SANS, 5.8)
    for ln in simpleSplit(
        " · ".join(v for v in (org.address, org.city, org.phone) if v), SANS, 5.8, CARD_W - 8 * mm
    )[:2]:
        c.drawString(x + 4 * mm, ty, ln)
        ty -= 2.8 * mm
    sig = data.signatures[0] if data.signatures else None
    c.setFont(SANS, 6.3)
    sx = x + CARD_W - 26 * mm
    c.drawCentredString(sx, y + 19 * mm, text(sig.role, lang) if sig else "")
    c.setLineWidth(0.4)
    c.line(sx - 18 * mm, y + 6.5 * mm, sx + 18 * mm, y + 6.5 * mm)
    c.drawCentredString(sx, y + 3.5 * mm, (sig.name if sig else "") or "")
    c.setFont(SANS, 6.3)
    c.drawString(x + 4 * mm, y + 11 * mm, T("Tanda tangan anggota", "Member's signature").get(lang))
    c.line(x + 4 * mm, y + 6.5 * mm, x + 34 * mm, y + 6.5 * mm)
    c.restoreState()


def render_card_pdf(
    data: ReportData, path: str | Path, lang: str = "id", progress: ProgressCallback | None = None
) -> Path:
    """Front and back of the card on an A4 sheet, with cut lines, to print and laminate."""
    register_fonts()
    path = Path(path)
    report(progress, 0, 1, "")
    c = rl_canvas.Canvas(str(path), pagesize=A4, initialFontName=SANS)
    c.setTitle(text(data.title, lang))
    c.setAuthor(data.org.name)
    w, h = A4
    x0 = (w - 2 * CARD_W - 10 * mm) / 2
    y0 = h - 30 * mm - CARD_H
    c.setFont(SANS_BOLD, 10)
    c.drawString(x0, h - 20 * mm, f"{text(data.title, lang)} – {text(data.subtitle, lang)}")
    c.setFont(SANS, 7)
    c.drawString(
        x0,
        h - 24 * mm,
        T(
            "Gunting kedua sisi di garis putus-putus, tempel bolak-balik, lalu laminating.",
            "Cut out both sides along the dashed lines, glue them back to back, then laminate.",
        ).get(lang),
    )
    for i, draw in enumerate((_card_front, _card_back)):
        x = x0 + i * (CARD_W + 10 * mm)
        c.saveState()
        c.setDash(3, 2)
        c.setStrokeColor(pdf_style.RULE)
        c.setLineWidth(0.5)
        c.roundRect(x, y0, CARD_W, CARD_H, 3 * mm)
        c.restoreState()
        draw(c, x, y0, data, lang)
    c.showPage()
    c.save()
    report(progress, 1, 1, "")
    return path


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

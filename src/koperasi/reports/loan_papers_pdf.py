"""The loan papers' PDF layout: the letterhead, the figures, the body and the signatures, for the
agreement, the repayment schedule and the paid-off letter. Split from :mod:`.loan_papers`.
"""

from __future__ import annotations

import contextlib
from pathlib import Path

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

from ..domain.fmt import long_date
from ..services import loan_papers as papers
from ..services.progress import ProgressCallback, report
from . import pdf_page, pdf_style, pdf_tables
from .cells import format_cell
from .fonts import SANS, SANS_BOLD, register_fonts
from .model import (
    Figure,
    Kind,
    ReportData,
    T,
    text,
)

STAMP = T("Meterai\n10.000", "Duty stamp\nRp10.000")


# ---------------------------------------------------------------- PDF: letters


class _Letterhead(pdf_page.PageFurniture):
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
    st = pdf_style.paragraph_styles()
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
            Paragraph(pdf_style.esc(text(f.label, lang)), st["body"]),
            ":",
            Paragraph(pdf_style.esc(_figure_text(f, lang)), st["body"]),
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
    roles = [Paragraph(pdf_style.esc(text(s.role, lang)), st["sig"]) for s in sigs]
    gap: list = ["" for _ in sigs]
    if member_first:
        stamp = Table(
            [[Paragraph(pdf_style.esc(text(STAMP, lang)).replace("\n", "<br/>"), st["small"])]],
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
            f"<u>{pdf_style.esc(s.name) if s.name else '&nbsp;' * 40}</u>",
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
        [Spacer(1, 6 * mm), Paragraph(pdf_style.esc(line), st["right"]), Spacer(1, 3 * mm), t]
    )


def _body(note: str, st: dict) -> list[Flowable]:
    out: list[Flowable] = []
    for kind, para in papers.paragraphs(note):
        style = st["article"] if kind == "heading" else st["body"]
        out.append(Paragraph(pdf_style.esc(para), style))
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
        Paragraph(f"<u>{pdf_style.esc(text(data.title, lang))}</u>", st["paper_title"])
    ]
    if data.subtitle:
        story.append(Paragraph(pdf_style.esc(text(data.subtitle, lang)), st["paper_no"]))
    story.append(Spacer(1, 6 * mm))
    signed = False
    for section in data.sections:
        if section.page_break_before:
            if data.signatures and not signed:
                story.append(_signatures(data, doc.width, lang, st))
                signed = True
            story.append(PageBreak())
        if section.title:
            story.append(Paragraph(pdf_style.esc(text(section.title, lang)), st["h2"]))
        if section.figures:
            story.append(_figures_block(section.figures, doc.width, lang, st))
            story.append(Spacer(1, 4 * mm))
        for note in section.notes:
            story += _body(text(note, lang), st)
        for table in section.tables:
            story += pdf_tables.table_flowables(table, doc.width, lang, None, st)
    if data.signatures and not signed:
        story.append(_signatures(data, doc.width, lang, st))
    doc.build(story, canvasmaker=pdf_page.numbered_canvas(furniture))
    report(progress, 1, 1, "")
    return path

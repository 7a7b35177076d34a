"""The PDF renderer's page template: the header and footer on every page (logo, the cooperative,
the title and period, print date, the book's anchor, ``Halaman x dari y``), the cover and the
document itself. Split from :mod:`.pdf`.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    Flowable,
    Frame,
    Image,
    PageTemplate,
    Paragraph,
    Spacer,
)

from ..domain.fmt import long_date
from .fonts import SANS, SANS_BOLD
from .model import (
    ReportData,
    text,
)
from .pdf_style import (
    ACCENT,
    DRAFT_INK,
    INK,
    MARGIN_BOTTOM,
    MARGIN_TOP,
    MARGIN_X,
    RULE,
    WORDS,
    esc,
    logo_path,
)


class PageFurniture:
    """Draws the header (per page template) and the footer (at save, when the page count is known)."""

    def __init__(self, data: ReportData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.logo = logo_path(data.org.logo_path)
        self.printed = data.generated_at

    def header(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        canv.saveState()
        canv._kop_cover = False
        w, h = doc.pagesize
        top = h - 10 * mm
        x = MARGIN_X
        if self.logo is not None:
            try:
                canv.drawImage(
                    str(self.logo),
                    x,
                    top - 12 * mm,
                    12 * mm,
                    12 * mm,
                    preserveAspectRatio=True,
                    mask="auto",
                )
                x += 14 * mm
            except Exception:  # a broken logo file must not stop the report
                pass
        org = self.data.org
        canv.setFillColor(ACCENT)
        canv.setFont(SANS_BOLD, 10.5)
        canv.drawString(x, top - 4 * mm, org.name)
        canv.setFillColor(INK)
        canv.setFont(SANS, 7)
        line2 = " · ".join(p for p in (org.address, org.phone) if p)
        if line2:
            canv.drawString(x, top - 8 * mm, line2[:110])
        if org.legal_number:
            canv.drawString(x, top - 11.3 * mm, f"Badan Hukum {org.legal_number}")
        canv.setFont(SANS_BOLD, 8)
        canv.drawRightString(w - MARGIN_X, top - 4 * mm, text(self.data.title, self.lang)[:80])
        if self.data.period is not None:
            canv.setFont(SANS, 7.5)
            canv.drawRightString(
                w - MARGIN_X, top - 8 * mm, text(self.data.period.label, self.lang)
            )
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(0.9)
        canv.line(MARGIN_X, top - 13.5 * mm, w - MARGIN_X, top - 13.5 * mm)
        canv.restoreState()

    def cover(self, canv: rl_canvas.Canvas, doc: BaseDocTemplate) -> None:
        canv._kop_cover = True
        w, h = doc.pagesize
        canv.saveState()
        canv.setStrokeColor(ACCENT)
        canv.setLineWidth(2)
        canv.rect(12 * mm, 12 * mm, w - 24 * mm, h - 24 * mm)
        canv.restoreState()

    def draft_mark(self, canv: rl_canvas.Canvas) -> None:
        """A report of a period not ended or not closed: a light diagonal watermark and a
        line above the footer, on every page (the cover included)."""
        w, h = canv._pagesize
        canv.saveState()
        canv.setFillColor(DRAFT_INK)
        canv.setFillAlpha(0.13)
        canv.setFont(SANS_BOLD, 54 if w < h else 64)
        canv.translate(w / 2, h / 2)
        canv.rotate(35 if w < h else 25)
        canv.drawCentredString(0, -18, WORDS["draft"].get(self.lang))
        canv.restoreState()
        canv.saveState()
        canv.setFillColor(DRAFT_INK)
        canv.setFont(SANS_BOLD, 7.5)
        y = 15 * mm if getattr(canv, "_kop_cover", False) else 13.5 * mm  # inside the border
        canv.drawCentredString(w / 2, y, WORDS["draft_note"].get(self.lang))
        canv.restoreState()

    def footer(self, canv: rl_canvas.Canvas, page: int, total: int) -> None:
        if self.data.draft:
            self.draft_mark(canv)
        if getattr(canv, "_kop_cover", False):
            return
        w, _h = canv._pagesize
        canv.saveState()
        canv.setStrokeColor(RULE)
        canv.setLineWidth(0.5)
        canv.line(MARGIN_X, 12 * mm, w - MARGIN_X, 12 * mm)
        canv.setFont(SANS, 7)
        canv.setFillColor(INK)
        when = f"{long_date(self.printed.date(), self.lang)} {self.printed:%H:%M}"
        canv.drawString(MARGIN_X, 8 * mm, WORDS["printed"].format(when=when).get(self.lang))
        canv.drawRightString(
            w - MARGIN_X, 8 * mm, WORDS["page"].format(n=page, total=total).get(self.lang)
        )
        if self.data.anchor:  # the book's chain heads, to check this paper against the books
            canv.setFont(SANS, 6.5)
            canv.drawCentredString(
                w / 2, 8 * mm, WORDS["anchor"].format(anchor=self.data.anchor).get(self.lang)
            )
        canv.restoreState()


def numbered_canvas(furniture: PageFurniture) -> type[rl_canvas.Canvas]:
    class NumberedCanvas(rl_canvas.Canvas):
        """Keeps each page's state until the end, then writes ``Halaman x dari y`` on all."""

        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.setdefault("initialFontName", SANS)  # no stray non-embedded Helvetica
            kwargs.setdefault("initialFontSize", 9)
            super().__init__(*args, **kwargs)
            self._pages: list[dict[str, Any]] = []

        def showPage(self) -> None:  # noqa: N802 - ReportLab API
            self._pages.append(dict(self.__dict__))
            self._startPage()

        def save(self) -> None:
            total = len(self._pages)
            for n, state in enumerate(self._pages, start=1):
                self.__dict__.update(state)
                furniture.footer(self, n, total)
                super().showPage()
            super().save()

    return NumberedCanvas


def cover_story(data: ReportData, lang: str, styles: dict, avail_width: float) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 30 * mm)]
    logo = logo_path(data.org.logo_path)
    if logo is not None:
        try:
            img = Image(str(logo), width=45 * mm, height=45 * mm, kind="proportional")
            story += [img, Spacer(1, 10 * mm)]
        except Exception:
            story.append(Spacer(1, 10 * mm))
    else:
        story.append(Spacer(1, 20 * mm))
    story.append(Paragraph(esc(text(data.title, lang)), styles["cover_title"]))
    if data.subtitle:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(esc(text(data.subtitle, lang)), styles["cover_text"]))
    story.append(Spacer(1, 25 * mm))
    story.append(Paragraph(esc(data.org.name), styles["cover_name"]))
    story.append(Spacer(1, 5 * mm))
    for line in (
        f"Badan Hukum {data.org.legal_number}" if data.org.legal_number else "",
        data.org.address,
        data.org.phone,
    ):
        if line:
            story.append(Paragraph(esc(line), styles["cover_text"]))
    if data.period is not None:
        story.append(Spacer(1, 25 * mm))
        story.append(Paragraph(esc(text(data.period.label, lang)), styles["cover_text"]))
    return story


def document(
    path: str | Path, data: ReportData, lang: str, doc_class: type = BaseDocTemplate
) -> tuple[BaseDocTemplate, PageFurniture]:
    """The A4 (or landscape) document every report is drawn on: margins, metadata, the body
    frame with the letterhead and, when the report has a cover, the cover page template.
    ``doc_class`` lets a renderer hook into the layout (the RAT book notes its pages)."""
    pagesize = landscape(A4) if data.landscape else A4
    furniture = PageFurniture(data, lang)
    doc = doc_class(
        str(path),
        pagesize=pagesize,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=text(data.title, lang),
        author=data.org.name,
        subject=text(data.period.label, lang) if data.period else "",
        creator="Koperasi",
        lang="id-ID" if lang == "id" else "en-GB",
    )
    frame = Frame(
        doc.leftMargin,
        doc.bottomMargin,
        doc.width,
        doc.height,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    cover_frame = Frame(20 * mm, 20 * mm, pagesize[0] - 40 * mm, pagesize[1] - 40 * mm, id="cover")
    templates = [PageTemplate(id="normal", frames=[frame], onPage=furniture.header)]
    if data.cover:
        templates.insert(0, PageTemplate(id="cover", frames=[cover_frame], onPage=furniture.cover))
    doc.addPageTemplates(templates)
    return doc, furniture

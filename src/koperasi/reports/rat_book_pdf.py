"""The RAT book as PDF: a table of contents whose page numbers match the printed pages
(laid out twice with the shared page furniture of :mod:`.pdf`; split from :mod:`.rat_book`).
"""

from __future__ import annotations

from pathlib import Path

from ..services.progress import ProgressCallback
from .model import (
    ReportData,
    Section,
    T,
    Text,
)


def toc_entries(data: ReportData) -> list[Text]:
    """The parts' headings, in order (the sections that open a part: a title and nothing else)."""
    return [sec.title for sec in data.sections if _is_part_head(sec) and sec.title is not None]


def _is_part_head(sec: Section) -> bool:
    return sec.page_break_before and not (sec.figures or sec.tables or sec.notes or sec.charts)


# ---------------------------------------------------------------- the PDF with its contents


def render_book_pdf(
    data: ReportData, path: str | Path, lang: str = "id", progress: ProgressCallback | None = None
) -> Path:
    """The book as PDF with a table of contents whose page numbers match (two layouts)."""
    pages: dict[int, int] = {}
    for _ in range(3):
        found = _layout(data, Path(path), lang, progress, pages)
        if found == pages:
            break
        pages = found
    return Path(path)


def _layout(
    data: ReportData,
    path: Path,
    lang: str,
    progress: ProgressCallback | None,
    pages: dict[int, int],
) -> dict[int, int]:
    from reportlab.lib.units import mm
    from reportlab.platypus import (
        BaseDocTemplate,
        NextPageTemplate,
        PageBreak,
        Paragraph,
        Spacer,
        TableStyle,
    )
    from reportlab.platypus import Table as RLTable

    from . import pdf, pdf_page, pdf_style, pdf_tables
    from .fonts import SANS, SANS_BOLD, register_fonts
    from .model import text

    register_fonts()
    styles = pdf_style.paragraph_styles()
    found: dict[int, int] = {}

    class Doc(BaseDocTemplate):
        def afterFlowable(self, flowable):  # noqa: N802 - ReportLab API
            key = getattr(flowable, "toc_key", None)
            if key is not None and key not in found:
                found[key] = self.page

    doc, furniture = pdf_page.document(path, data, lang, Doc)
    counter = pdf_tables.Counter(data.row_count(), progress, lang)
    story: list = pdf_page.cover_story(data, lang, styles, doc.width)
    story += [NextPageTemplate("normal"), PageBreak()]
    story.append(Paragraph(pdf_style.esc(T("Daftar Isi", "Contents").get(lang)), styles["title"]))
    story.append(Spacer(1, 4 * mm))
    entries = toc_entries(data)
    rows = [
        [text(title, lang), str(pages.get(n, "")) if pages else "000"]
        for n, title in enumerate(entries)
    ]
    toc = RLTable(rows, colWidths=[doc.width - 25 * mm, 25 * mm], hAlign="LEFT")
    toc.setStyle(
        TableStyle(
            [
                ("FONT", (0, 0), (-1, -1), SANS, 10.5, 14),
                ("FONT", (1, 0), (1, -1), SANS_BOLD, 10.5, 14),
                ("ALIGN", (1, 0), (1, -1), "RIGHT"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, pdf_style.RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 4),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 4),
            ]
        )
    )
    story.append(toc)
    n = 0
    for section in data.sections:
        part = _section_flowables(pdf, section, doc.width, lang, counter, styles)
        if _is_part_head(section):
            for f in part:
                if isinstance(f, Paragraph):
                    f.toc_key = n
                    f.style = styles["title"]
                    break
            n += 1
        story += part
    if data.signatures:
        story.append(pdf_tables.signature_flowable(data, doc.width, lang, styles))
    doc.build(story, canvasmaker=pdf_page.numbered_canvas(furniture))
    return found


def _section_flowables(pdf, section: Section, width: float, lang: str, counter, styles) -> list:
    """The shared section layout, with a conditional page break before each heading: a
    heading never ends a page without what it heads (a long table still starts at once)."""
    from reportlab.lib.units import mm
    from reportlab.platypus import CondPageBreak, Paragraph

    heads = (styles["h2"], styles["h3"])
    out: list = []
    for f in pdf.section_story(section, width, lang, counter, styles):
        if isinstance(f, Paragraph) and f.style in heads:
            out.append(CondPageBreak(30 * mm))
        out.append(f)
    return out

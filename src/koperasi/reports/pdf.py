"""PDF renderer (ReportLab): one shared A4 page template for every report.

- Header on every page (:mod:`.pdf_page`): logo (if the profile has one), the cooperative's name and address,
  the report's title and period. Footer: print date, the book's anchor (the chain heads, see
  :mod:`koperasi.services.book_anchor`) and ``Halaman x dari y``.
- Tables are laid out page by page: :class:`.pdf_tables.ChunkedTable` measures its rows and hands the
  frame one small ``Table`` per page (with the header row repeated), instead of one giant
  ``Table``, which ReportLab lays out an order of magnitude slower.
- Amounts are right aligned as ``Rp1.250.000``; dates in tables ``23/11/2026``, on the
  document ``23 November 2026``. Fonts (DejaVu) are embedded.

Here: a section's story and :func:`render_pdf`. The colours, sizes and styles are in
:mod:`.pdf_style`, the tables, figures, charts and signatures in :mod:`.pdf_tables`, the page
template and the cover in :mod:`.pdf_page`.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.units import mm
from reportlab.platypus import (
    Flowable,
    NextPageTemplate,
    PageBreak,
    Paragraph,
    Spacer,
)

from ..services.progress import ProgressCallback, report
from .fonts import register_fonts
from .model import (
    ReportData,
    Section,
    text,
)
from .pdf_page import cover_story, document, numbered_canvas
from .pdf_style import (
    esc,
    paragraph_styles,
)
from .pdf_tables import (
    Counter,
    chart_flowable,
    figures_flowable,
    keep_last_table_with,
    signature_flowable,
    table_flowables,
)


def section_story(
    section: Section, avail_width: float, lang: str, counter: Counter, styles: dict
) -> list[Flowable]:
    story: list[Flowable] = []
    if section.page_break_before:
        story.append(PageBreak())
    if section.title:
        story.append(Paragraph(esc(text(section.title, lang)), styles["h2"]))
    if section.figures:
        story.append(figures_flowable(section.figures, min(avail_width, 120 * mm), lang))
        story.append(Spacer(1, 3 * mm))
    for note in section.notes:
        story.append(Paragraph(esc(text(note, lang)), styles["note"]))
    for chart in section.charts:
        story.append(chart_flowable(chart, avail_width, lang))
        story.append(Spacer(1, 3 * mm))
    for table in section.tables:
        story.extend(table_flowables(table, avail_width, lang, counter, styles))
    return story


def render_pdf(
    data: ReportData,
    path: str | Path,
    lang: str = "id",
    progress: ProgressCallback | None = None,
) -> Path:
    """Write ``data`` as an A4 PDF at ``path``; raises ``Cancelled`` if ``progress`` says so."""
    register_fonts()
    path = Path(path)
    styles = paragraph_styles()
    doc, furniture = document(path, data, lang)
    counter = Counter(data.row_count(), progress, lang)
    report(progress, 0, counter.total, counter.message)

    story: list[Flowable] = []
    if data.cover:
        story += cover_story(data, lang, styles, doc.width)
        story += [NextPageTemplate("normal"), PageBreak()]
    story.append(Paragraph(esc(text(data.title, lang)), styles["title"]))
    sub = []
    if data.subtitle:
        sub.append(text(data.subtitle, lang))
    if data.period is not None:
        sub.append(text(data.period.label, lang))
    if sub:
        story.append(Paragraph(esc(" · ".join(sub)), styles["subtitle"]))
    story.append(Spacer(1, 4 * mm))
    for section in data.sections:
        story += section_story(section, doc.width, lang, counter, styles)
    if data.signatures:
        signatures = signature_flowable(data, doc.width, lang, styles)
        keep_last_table_with(story, signatures, doc.width, doc.height)
        story.append(signatures)
    doc.build(story, canvasmaker=numbered_canvas(furniture))
    report(progress, counter.total, counter.total, counter.message)
    return path


__all__ = ["render_pdf"]

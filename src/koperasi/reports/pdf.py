"""PDF renderer (ReportLab): one shared A4 page template for every report.

- Header on every page: logo (if the profile has one), the cooperative's name and address,
  the report's title and period. Footer: print date, the book's anchor (the chain heads, see
  :mod:`koperasi.services.book_anchor`) and ``Halaman x dari y``.
- Tables are laid out page by page: :class:`ChunkedTable` measures its rows and hands the
  frame one small ``Table`` per page (with the header row repeated), instead of one giant
  ``Table``, which ReportLab lays out an order of magnitude slower.
- Amounts are right aligned as ``Rp1.250.000``; dates in tables ``23/11/2026``, on the
  document ``23 November 2026``. Fonts (DejaVu) are embedded.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import Any

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.pagesizes import A4, landscape
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.pdfgen import canvas as rl_canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    Image,
    KeepTogether,
    NextPageTemplate,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.fmt import long_date
from ..services.progress import ProgressCallback, report
from .cells import format_cell, is_numeric
from .fonts import COND, COND_BOLD, SANS, SANS_BOLD, register_fonts
from .model import (
    Chart,
    Figure,
    Kind,
    ReportData,
    Row,
    RowKind,
    Section,
    Signature,
    T,
    text,
)
from .model import (
    Table as RTable,
)

INK = colors.HexColor("#1F2933")
ACCENT = colors.HexColor("#1B5E20")  # cooperative green
RULE = colors.HexColor("#9AA5B1")
DRAFT_INK = colors.HexColor("#B00020")  # "SEMENTARA / DRAF" on a report not final
HEAD_BG = colors.HexColor("#E3EFE4")
ZEBRA = colors.HexColor("#F5F7F8")
SUB_BG = colors.HexColor("#EEF2F5")
CHART_COLORS = [
    colors.HexColor(c)
    for c in ("#2E7D32", "#F9A825", "#1565C0", "#C62828", "#6A1B9A", "#00838F", "#8D6E63")
]

TABLE_FONT_SIZE = 7.6
TABLE_LEADING = 9.2
CELL_PAD = 2.2
MARGIN_X = 15 * mm
MARGIN_TOP = 27 * mm
MARGIN_BOTTOM = 18 * mm

WORDS = {
    "page": T("Halaman {n} dari {total}", "Page {n} of {total}"),
    "printed": T("Dicetak {when}", "Printed {when}"),
    "anchor": T("Jangkar buku {anchor}", "Book anchor {anchor}"),
    "draft": T("SEMENTARA / DRAF", "PROVISIONAL / DRAFT"),
    "draft_note": T(
        "SEMENTARA / DRAF: periode belum berakhir atau belum ditutup",
        "PROVISIONAL / DRAFT: the period has not ended or is not closed",
    ),
    "period": T("Periode", "Period"),
    "no_rows": T("(tidak ada data)", "(no data)"),
}


def _styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SANS, fontSize=9, leading=12, textColor=INK)
    return {
        "base": base,
        "title": ParagraphStyle(
            "title", parent=base, fontName=SANS_BOLD, fontSize=14, leading=18, spaceAfter=2
        ),
        "subtitle": ParagraphStyle("subtitle", parent=base, fontSize=10, leading=13),
        "h2": ParagraphStyle(
            "h2",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=11,
            leading=14,
            spaceBefore=8,
            spaceAfter=4,
            textColor=ACCENT,
        ),
        "h3": ParagraphStyle(
            "h3",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=9.5,
            leading=12,
            spaceBefore=6,
            spaceAfter=3,
        ),
        "note": ParagraphStyle("note", parent=base, fontSize=8.5, leading=11.5, spaceAfter=3),
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=9.5),
        "center": ParagraphStyle("center", parent=base, alignment=TA_CENTER),
        "right": ParagraphStyle("right", parent=base, alignment=TA_RIGHT),
        "cover_name": ParagraphStyle(
            "cover_name",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=20,
            leading=26,
            alignment=TA_CENTER,
        ),
        "cover_title": ParagraphStyle(
            "cover_title",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=16,
            leading=21,
            alignment=TA_CENTER,
            textColor=ACCENT,
        ),
        "cover_text": ParagraphStyle(
            "cover_text", parent=base, fontSize=10.5, leading=15, alignment=TA_CENTER
        ),
    }


def _esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- page furniture


def _logo(path: str) -> Path | None:
    if not path:
        return None
    p = Path(path)
    return p if p.is_file() else None


class _Furniture:
    """Draws the header (per page template) and the footer (at save, when the page count is known)."""

    def __init__(self, data: ReportData, lang: str) -> None:
        self.data = data
        self.lang = lang
        self.logo = _logo(data.org.logo_path)
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


def _numbered_canvas(furniture: _Furniture) -> type[rl_canvas.Canvas]:
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


# ---------------------------------------------------------------- tables


class _Counter:
    def __init__(self, total: int, progress: ProgressCallback | None, lang: str) -> None:
        self.total = max(total, 1)
        self.done = 0
        self.progress = progress
        self.message = T("Menyusun PDF", "Laying out the PDF").get(lang)

    def add(self, n: int) -> None:
        self.done += n
        report(self.progress, min(self.done, self.total), self.total, self.message)


class ChunkedTable(Flowable):
    """A long table laid out page by page: each page gets its own small ReportLab ``Table``.

    Cells are plain strings (text is wrapped to the column width beforehand), so each row's
    height is known without a layout pass and the rows that fit a page are counted exactly.
    """

    def __init__(
        self,
        header: list[str],
        rows: list[tuple[list[str], str]],  # (cells, kind) kind: data|heading|subtotal|total
        col_widths: list[float],
        align_right: list[bool],
        counter: _Counter | None = None,
        first_index: int = 0,
        grid_cols: tuple[int, ...] = (),
    ) -> None:
        super().__init__()
        self.grid_cols = grid_cols
        self.min_height = 17.0 if grid_cols else 0.0
        self.header = header
        self.rows = rows
        self.col_widths = col_widths
        self.align_right = align_right
        self.counter = counter
        self.first_index = first_index
        # height of what must stay on the page of the table's last rows (the signature
        # block that signs it): set by render_pdf on the table the signatures follow
        self.reserve = 0.0
        self._table: Table | None = None

    def row_height(self, cells: Sequence[str]) -> float:
        lines = max((c.count("\n") + 1 for c in cells), default=1)
        return max(lines * TABLE_LEADING + 2 * CELL_PAD, self.min_height)

    def _make(self, rows: list[tuple[list[str], str]], first_index: int) -> Table:
        data = [self.header] + [cells for cells, _ in rows]
        heights = [self.row_height(self.header)] + [self.row_height(c) for c, _ in rows]
        t = Table(data, colWidths=self.col_widths, rowHeights=heights, repeatRows=1)
        cmds: list[tuple] = [
            ("FONT", (0, 0), (-1, -1), COND, TABLE_FONT_SIZE, TABLE_LEADING),
            ("FONT", (0, 0), (-1, 0), COND_BOLD, TABLE_FONT_SIZE, TABLE_LEADING),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("BACKGROUND", (0, 0), (-1, 0), HEAD_BG),
            ("LINEBELOW", (0, 0), (-1, 0), 0.8, ACCENT),
            ("LINEABOVE", (0, 0), (-1, 0), 0.8, ACCENT),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("LEFTPADDING", (0, 0), (-1, -1), 3),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3),
            ("LINEBELOW", (0, -1), (-1, -1), 0.5, RULE),
        ]
        for i in self.grid_cols:
            cmds.append(("GRID", (i, 0), (i, -1), 0.5, RULE))
        for i, right in enumerate(self.align_right):
            if right:
                cmds.append(("ALIGN", (i, 0), (i, -1), "RIGHT"))
        for n, (_cells, kind) in enumerate(rows, start=1):
            if kind == "data":
                if (first_index + n) % 2 == 0:
                    cmds.append(("BACKGROUND", (0, n), (-1, n), ZEBRA))
            elif kind == "heading":
                cmds.append(("FONT", (0, n), (-1, n), COND_BOLD, TABLE_FONT_SIZE, TABLE_LEADING))
            elif kind == "subtotal":
                cmds.append(("FONT", (0, n), (-1, n), COND_BOLD, TABLE_FONT_SIZE, TABLE_LEADING))
                cmds.append(("BACKGROUND", (0, n), (-1, n), SUB_BG))
                cmds.append(("LINEABOVE", (0, n), (-1, n), 0.4, RULE))
            elif kind == "total":
                cmds.append(("FONT", (0, n), (-1, n), COND_BOLD, TABLE_FONT_SIZE, TABLE_LEADING))
                cmds.append(("BACKGROUND", (0, n), (-1, n), HEAD_BG))
                cmds.append(("LINEABOVE", (0, n), (-1, n), 0.8, ACCENT))
        t.setStyle(TableStyle(cmds))
        return t

    def wrap(self, avail_width: float, avail_height: float) -> tuple[float, float]:
        width = sum(self.col_widths)
        # add rows only until the frame is full: the rest of a long table is measured again
        # on the next page, so summing every remaining row on every page was quadratic in
        # the rows (the 10,000-member SHU table spent most of its time here)
        height = self.row_height(self.header)
        for cells, _kind in self.rows:
            height += self.row_height(cells)
            if height > avail_height:
                break
        if self.reserve and height <= avail_height < height + self.reserve:
            # the rows fit, the signature under them would not: split (never alone)
            self.width, self.height = width, avail_height + 1
            return self.width, self.height
        if height <= avail_height:
            self._table = self._make(self.rows, self.first_index)
            self._table.wrap(avail_width, avail_height)
            if self.counter:
                self.counter.add(len(self.rows))
        self.width, self.height = width, height
        return width, height

    def split(self, avail_width: float, avail_height: float) -> list[Flowable]:
        room = avail_height - self.row_height(self.header)
        k = 0
        for cells, _kind in self.rows:
            h = self.row_height(cells)
            if h > room:
                break
            room -= h
            k += 1
        if k == len(self.rows) and self.reserve:
            # everything fits but the signature: carry the last rows (and the total line)
            # over, so that the signature block has rows of its table above it
            room = avail_height - self.row_height(self.header) - self.reserve
            fit = 0
            for cells, _kind in self.rows:
                room -= self.row_height(cells)
                if room < 0:
                    break
                fit += 1
            k = min(fit, len(self.rows) - min(3, len(self.rows)))
        elif self.reserve:
            # the last chunk is what the signature follows: never fewer than three rows
            k = min(k, len(self.rows) - min(3, len(self.rows)))
        if k <= 0:
            return []
        if k < len(self.rows) and k < 3 and len(self.rows) > 3:
            return []  # not worth starting the table at the foot of a page
        first = ChunkedTable(
            self.header,
            self.rows[:k],
            self.col_widths,
            self.align_right,
            self.counter,
            self.first_index,
            self.grid_cols,
        )
        rest = ChunkedTable(
            self.header,
            self.rows[k:],
            self.col_widths,
            self.align_right,
            self.counter,
            self.first_index + k,
            self.grid_cols,
        )
        rest.reserve = self.reserve
        return [first, rest]

    def draw(self) -> None:
        if self._table is not None:
            self._table.drawOn(self.canv, 0, 0)


def _wrap_cell(value: str, width: float, font: str, size: float) -> str:
    if not value:
        return ""
    lines: list[str] = []
    for part in value.split("\n"):
        lines.extend(simpleSplit(part, font, size, width) or [""])
    return "\n".join(lines[:6])


def _table_flowables(
    table: RTable, avail_width: float, lang: str, counter: _Counter | None, styles: dict
) -> list[Flowable]:
    cols = table.columns
    total_w = sum(c.width for c in cols) or 1
    widths = [avail_width * c.width / total_w for c in cols]
    right = [is_numeric(c.kind) for c in cols]
    header = [
        _wrap_cell(text(c.label, lang), w - 6, COND_BOLD, TABLE_FONT_SIZE)
        for c, w in zip(cols, widths, strict=True)
    ]
    rows: list[tuple[list[str], str]] = []
    for r in table.rows:
        rows.append((_format_row(r, cols, widths, lang), r.kind.value))
    if table.has_totals and table.rows:
        totals = table.totals()
        cells: list[str] = []
        label_done = False
        for c in cols:
            if c.key in totals:
                cells.append(format_cell(totals[c.key], c.kind, lang))
            elif not label_done and not is_numeric(c.kind):
                cells.append(text(table.total_label, lang))
                label_done = True
            else:
                cells.append("")
        rows.append((cells, "total"))
    out: list[Flowable] = []
    if table.title:
        if rows:
            # a table's title never ends a page alone: it starts where its first rows fit
            chunk = ChunkedTable(header, rows[:3], widths, right)
            need = 20 + chunk.row_height(header) + sum(chunk.row_height(c) for c, _k in rows[:3])
            out.append(CondPageBreak(need))
        out.append(Paragraph(_esc(text(table.title, lang)), styles["h3"]))
    if not table.rows:
        out.append(Paragraph(_esc(WORDS["no_rows"].get(lang)), styles["small"]))
        return out
    grid = tuple(i for i, c in enumerate(cols) if c.kind is Kind.BLANK)
    out.append(ChunkedTable(header, rows, widths, right, counter, 0, grid))
    out.append(Spacer(1, 4 * mm))
    return out


def _format_row(r: Row, cols: Sequence, widths: Sequence[float], lang: str) -> list[str]:
    cells = []
    bold = r.kind is not RowKind.DATA
    font = COND_BOLD if bold else COND
    for value, c, w in zip(r.cells, cols, widths, strict=True):
        s = format_cell(value, c.kind, lang)
        if c.kind in (Kind.TEXT,) and s:
            s = _wrap_cell(s, w - 6, font, TABLE_FONT_SIZE)
        cells.append(s)
    return cells


def _figures_flowable(figures: Sequence[Figure], avail_width: float, lang: str) -> Flowable:
    """Label and value per line. Both are paragraphs that wrap inside their own column, so
    a long value (a receipt's purpose, a member's name) never runs over its label."""
    label_style = ParagraphStyle("figure_label", fontName=SANS, fontSize=8.5, leading=11)
    value_style = ParagraphStyle(
        "figure_value", fontName=SANS_BOLD, fontSize=8.5, leading=11, alignment=TA_RIGHT
    )
    data = [
        [
            Paragraph(_esc(text(f.label, lang)), label_style),
            Paragraph(_esc(format_cell(f.value, f.kind, lang)), value_style),
        ]
        for f in figures
    ]
    t = Table(data, colWidths=[avail_width * 0.5, avail_width * 0.5], hAlign="LEFT")
    t.setStyle(
        TableStyle(
            [
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LINEBELOW", (0, 0), (-1, -1), 0.3, RULE),
                ("TOPPADDING", (0, 0), (-1, -1), 2),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 2),
            ]
        )
    )
    return t


def _chart_flowable(chart: Chart, avail_width: float, lang: str) -> Flowable:
    width = min(avail_width, 170 * mm)
    height = 62 * mm
    d = Drawing(width, height)
    d.add(
        String(
            0, height - 10, text(chart.title, lang), fontName=SANS_BOLD, fontSize=9, fillColor=INK
        )
    )
    cats = [text(c, lang) for c in chart.categories]
    if chart.kind == "pie":
        pie = Pie()
        pie.x, pie.y, pie.width, pie.height = 10, 5, height - 25, height - 25
        values = [float(v) for v in chart.series[0][1]]  # drawing only; the numbers are in a table
        pie.data = values if any(values) else [1]
        pie.labels = None
        pie.slices.strokeColor = colors.white
        for i in range(len(values)):
            pie.slices[i].fillColor = CHART_COLORS[i % len(CHART_COLORS)]
        d.add(pie)
        legend = Legend()
        legend.x, legend.y = height + 5, height - 25
        legend.fontName, legend.fontSize = SANS, 7.5
        legend.alignment = "right"
        legend.colorNamePairs = [
            (
                CHART_COLORS[i % len(CHART_COLORS)],
                f"{cats[i]} ({format_cell(int(v), Kind.INT, lang)})",
            )
            for i, v in enumerate(chart.series[0][1])
        ]
        d.add(legend)
        return d
    bar = VerticalBarChart()
    bar.x, bar.y, bar.width, bar.height = (
        45,
        22,
        width - 60 - (90 if len(chart.series) > 1 else 0),
        height - 40,
    )
    bar.data = [[float(v) for v in values] for _name, values in chart.series]
    bar.categoryAxis.categoryNames = cats
    bar.categoryAxis.labels.fontName = SANS
    bar.categoryAxis.labels.fontSize = 6.5
    bar.categoryAxis.labels.angle = 30 if len(cats) > 6 else 0
    bar.categoryAxis.labels.boxAnchor = "ne" if len(cats) > 6 else "n"
    bar.valueAxis.labels.fontName = SANS
    bar.valueAxis.labels.fontSize = 6.5
    bar.valueAxis.valueMin = 0
    bar.valueAxis.labelTextFormat = lambda v: format_cell(int(v), Kind.INT, lang)
    for i in range(len(chart.series)):
        bar.bars[i].fillColor = CHART_COLORS[i % len(CHART_COLORS)]
        bar.bars[i].strokeColor = None
    d.add(bar)
    if len(chart.series) > 1:
        legend = Legend()
        legend.x, legend.y = width - 85, height - 25
        legend.fontName, legend.fontSize = SANS, 7
        legend.colorNamePairs = [
            (CHART_COLORS[i % len(CHART_COLORS)], text(name, lang))
            for i, (name, _v) in enumerate(chart.series)
        ]
        d.add(legend)
    return d


def _signature_flowable(data: ReportData, avail_width: float, lang: str, styles: dict) -> Flowable:
    sigs: Sequence[Signature] = data.signatures
    n = len(sigs)
    col = avail_width / n
    roles = [Paragraph(_esc(text(s.role, lang)), styles["center"]) for s in sigs]
    gap = ["" for _ in sigs]
    names = [
        Paragraph(f"<u>{_esc(s.name) if s.name else '&nbsp;' * 40}</u>", styles["center"])
        for s in sigs
    ]
    t = Table([roles, gap, names], colWidths=[col] * n, rowHeights=[None, 18 * mm, None])
    t.setStyle(
        TableStyle([("VALIGN", (0, 0), (-1, -1), "TOP"), ("FONT", (0, 0), (-1, -1), SANS, 9)])
    )
    parts: list[Flowable] = [Spacer(1, 6 * mm)]
    when = data.sign_date or data.generated_at.date()
    place = data.org.city
    line = f"{place}, {long_date(when, lang)}" if place else long_date(when, lang)
    parts.append(Paragraph(_esc(line), styles["right"]))
    parts.append(Spacer(1, 3 * mm))
    parts.append(t)
    return KeepTogether(parts)


def _keep_last_table_with(
    story: list[Flowable], block: Flowable, width: float, height: float
) -> None:
    """A signature block signs the table above it: never let it start a page alone. The
    last table keeps room for ``block`` under its last rows (or carries rows over)."""
    gap = 0.0
    for i in range(len(story) - 1, -1, -1):
        f = story[i]
        if isinstance(f, Spacer):
            gap += f.height
            continue
        if isinstance(f, ChunkedTable):
            parts = getattr(block, "_content", [block])
            h = sum(p.wrap(width, height)[1] for p in parts)
            f.reserve = h + gap + 2
            # the title must not stay behind alone when the rows move on to keep the
            # signature company: a short table starts where it fits with the signature,
            # a long one where three rows and the signature fit
            cond = story[i - 2] if i >= 2 else None
            if isinstance(cond, CondPageBreak):
                shown = f.rows if len(f.rows) < 6 else f.rows[:3]
                need = 20 + f.row_height(f.header) + sum(f.row_height(c) for c, _k in shown)
                if need + f.reserve < height:
                    cond.height = max(cond.height, need + f.reserve)
        return


def _cover_story(data: ReportData, lang: str, styles: dict, avail_width: float) -> list[Flowable]:
    story: list[Flowable] = [Spacer(1, 30 * mm)]
    logo = _logo(data.org.logo_path)
    if logo is not None:
        try:
            img = Image(str(logo), width=45 * mm, height=45 * mm, kind="proportional")
            story += [img, Spacer(1, 10 * mm)]
        except Exception:
            story.append(Spacer(1, 10 * mm))
    else:
        story.append(Spacer(1, 20 * mm))
    story.append(Paragraph(_esc(text(data.title, lang)), styles["cover_title"]))
    if data.subtitle:
        story.append(Spacer(1, 4 * mm))
        story.append(Paragraph(_esc(text(data.subtitle, lang)), styles["cover_text"]))
    story.append(Spacer(1, 25 * mm))
    story.append(Paragraph(_esc(data.org.name), styles["cover_name"]))
    story.append(Spacer(1, 5 * mm))
    for line in (
        f"Badan Hukum {data.org.legal_number}" if data.org.legal_number else "",
        data.org.address,
        data.org.phone,
    ):
        if line:
            story.append(Paragraph(_esc(line), styles["cover_text"]))
    if data.period is not None:
        story.append(Spacer(1, 25 * mm))
        story.append(Paragraph(_esc(text(data.period.label, lang)), styles["cover_text"]))
    return story


def _section_story(
    section: Section, avail_width: float, lang: str, counter: _Counter, styles: dict
) -> list[Flowable]:
    story: list[Flowable] = []
    if section.page_break_before:
        story.append(PageBreak())
    if section.title:
        story.append(Paragraph(_esc(text(section.title, lang)), styles["h2"]))
    if section.figures:
        story.append(_figures_flowable(section.figures, min(avail_width, 120 * mm), lang))
        story.append(Spacer(1, 3 * mm))
    for note in section.notes:
        story.append(Paragraph(_esc(text(note, lang)), styles["note"]))
    for chart in section.charts:
        story.append(_chart_flowable(chart, avail_width, lang))
        story.append(Spacer(1, 3 * mm))
    for table in section.tables:
        story.extend(_table_flowables(table, avail_width, lang, counter, styles))
    return story


def document(
    path: str | Path, data: ReportData, lang: str, doc_class: type = BaseDocTemplate
) -> tuple[BaseDocTemplate, _Furniture]:
    """The A4 (or landscape) document every report is drawn on: margins, metadata, the body
    frame with the letterhead and, when the report has a cover, the cover page template.
    ``doc_class`` lets a renderer hook into the layout (the RAT book notes its pages)."""
    pagesize = landscape(A4) if data.landscape else A4
    furniture = _Furniture(data, lang)
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


def render_pdf(
    data: ReportData,
    path: str | Path,
    lang: str = "id",
    progress: ProgressCallback | None = None,
) -> Path:
    """Write ``data`` as an A4 PDF at ``path``; raises ``Cancelled`` if ``progress`` says so."""
    register_fonts()
    path = Path(path)
    styles = _styles()
    doc, furniture = document(path, data, lang)
    counter = _Counter(data.row_count(), progress, lang)
    report(progress, 0, counter.total, counter.message)

    story: list[Flowable] = []
    if data.cover:
        story += _cover_story(data, lang, styles, doc.width)
        story += [NextPageTemplate("normal"), PageBreak()]
    story.append(Paragraph(_esc(text(data.title, lang)), styles["title"]))
    sub = []
    if data.subtitle:
        sub.append(text(data.subtitle, lang))
    if data.period is not None:
        sub.append(text(data.period.label, lang))
    if sub:
        story.append(Paragraph(_esc(" · ".join(sub)), styles["subtitle"]))
    story.append(Spacer(1, 4 * mm))
    for section in data.sections:
        story += _section_story(section, doc.width, lang, counter, styles)
    if data.signatures:
        signatures = _signature_flowable(data, doc.width, lang, styles)
        _keep_last_table_with(story, signatures, doc.width, doc.height)
        story.append(signatures)
    doc.build(story, canvasmaker=_numbered_canvas(furniture))
    report(progress, counter.total, counter.total, counter.message)
    return path


__all__ = ["render_pdf", "ChunkedTable"]

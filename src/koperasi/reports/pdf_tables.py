"""The PDF renderer's tables and blocks: :class:`ChunkedTable` (one small table per page, the
header repeated), the figures, charts and the signature block. Split from :mod:`.pdf`.
"""

from __future__ import annotations

from collections.abc import Sequence

from reportlab.graphics.charts.barcharts import VerticalBarChart
from reportlab.graphics.charts.legends import Legend
from reportlab.graphics.charts.piecharts import Pie
from reportlab.graphics.shapes import Drawing, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.lib.utils import simpleSplit
from reportlab.platypus import (
    CondPageBreak,
    Flowable,
    KeepTogether,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from ..domain.fmt import long_date
from ..services.progress import ProgressCallback, report
from .cells import format_cell, is_numeric
from .fonts import COND, COND_BOLD, SANS, SANS_BOLD
from .model import (
    Chart,
    Figure,
    Kind,
    ReportData,
    Row,
    RowKind,
    Signature,
    T,
    text,
)
from .model import (
    Table as RTable,
)
from .pdf_style import (
    ACCENT,
    CELL_PAD,
    CHART_COLORS,
    HEAD_BG,
    INK,
    RULE,
    SUB_BG,
    TABLE_FONT_SIZE,
    TABLE_LEADING,
    WORDS,
    ZEBRA,
    esc,
)

# ---------------------------------------------------------------- tables


class Counter:
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
        counter: Counter | None = None,
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


def table_flowables(
    table: RTable, avail_width: float, lang: str, counter: Counter | None, styles: dict
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
        out.append(Paragraph(esc(text(table.title, lang)), styles["h3"]))
    if not table.rows:
        out.append(Paragraph(esc(WORDS["no_rows"].get(lang)), styles["small"]))
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


def figures_flowable(figures: Sequence[Figure], avail_width: float, lang: str) -> Flowable:
    """Label and value per line. Both are paragraphs that wrap inside their own column, so
    a long value (a receipt's purpose, a member's name) never runs over its label."""
    label_style = ParagraphStyle("figure_label", fontName=SANS, fontSize=8.5, leading=11)
    value_style = ParagraphStyle(
        "figure_value", fontName=SANS_BOLD, fontSize=8.5, leading=11, alignment=TA_RIGHT
    )
    data = [
        [
            Paragraph(esc(text(f.label, lang)), label_style),
            Paragraph(esc(format_cell(f.value, f.kind, lang)), value_style),
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


def chart_flowable(chart: Chart, avail_width: float, lang: str) -> Flowable:
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


def signature_flowable(data: ReportData, avail_width: float, lang: str, styles: dict) -> Flowable:
    sigs: Sequence[Signature] = data.signatures
    n = len(sigs)
    col = avail_width / n
    roles = [Paragraph(esc(text(s.role, lang)), styles["center"]) for s in sigs]
    gap = ["" for _ in sigs]
    names = [
        Paragraph(f"<u>{esc(s.name) if s.name else '&nbsp;' * 40}</u>", styles["center"])
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
    parts.append(Paragraph(esc(line), styles["right"]))
    parts.append(Spacer(1, 3 * mm))
    parts.append(t)
    return KeepTogether(parts)


def keep_last_table_with(
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

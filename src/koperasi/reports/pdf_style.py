"""The PDF renderer's primitives: colours, page margins, table font sizes, the paragraph styles,
the shared words of the page furniture, escaping and the profile's logo. Split from :mod:`.pdf`.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm

from .fonts import SANS, SANS_BOLD
from .model import (
    T,
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


def paragraph_styles() -> dict[str, ParagraphStyle]:
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


def esc(s: str) -> str:
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


# ---------------------------------------------------------------- page furniture


def logo_path(path: str) -> Path | None:
    if not path:
        return None
    p = Path(path)
    return p if p.is_file() else None

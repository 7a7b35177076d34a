"""Embedded fonts for the PDF reports (DejaVu, shipped in ``resources/fonts``)."""

from __future__ import annotations

from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

from ..paths import resources_dir

SANS = "DejaVuSans"
SANS_BOLD = "DejaVuSans-Bold"
SANS_ITALIC = "DejaVuSans-Oblique"
COND = "DejaVuSansCondensed"
COND_BOLD = "DejaVuSansCondensed-Bold"

_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    COND: "DejaVuSansCondensed.ttf",
    COND_BOLD: "DejaVuSansCondensed-Bold.ttf",
}
_registered = False


def fonts_dir() -> Path:
    return resources_dir() / "fonts"


def register_fonts() -> None:
    """Register the DejaVu family with ReportLab once per process (fonts are embedded)."""
    global _registered
    if _registered:
        return
    folder = fonts_dir()
    for name, filename in _FILES.items():
        path = folder / filename
        if not path.exists():
            raise FileNotFoundError(f"font missing: {path} (resources/fonts is incomplete)")
        pdfmetrics.registerFont(TTFont(name, str(path)))
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)
    addMapping(COND, 0, 0, COND)
    addMapping(COND, 1, 0, COND_BOLD)
    addMapping(COND, 0, 1, COND)
    addMapping(COND, 1, 1, COND_BOLD)
    _registered = True

"""The member card as PDF (ID-1 size, front and back, with the member's QR code). Split from
:mod:`.loan_papers`.
"""

from __future__ import annotations

from pathlib import Path

from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen import canvas as rl_canvas

from ..domain.fmt import long_date
from ..services.progress import ProgressCallback, report
from . import pdf_style
from .cells import format_cell
from .fonts import SANS, SANS_BOLD, register_fonts
from .model import (
    Kind,
    ReportData,
    T,
    text,
)

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

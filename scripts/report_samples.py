"""Sample pages of the reports as PNG images (for the README and the report tests).

    python scripts/report_samples.py            # docs/images/ from a fresh demo cooperative
    python scripts/report_samples.py --db FILE  # from an existing database (read only)

Writes ``docs/images/report-rat.png`` (the RAT report's statement of financial position)
and ``docs/images/report-nominatif.png`` (the first page of the loan register). PDF pages
are rendered with QtPdf (``QPdfDocument.render``), offscreen: no extra dependency.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
DOCS_IMAGES = REPO / "docs" / "images"

# (report name, PNG file name, page to show (0 = first), parameters)
README_SAMPLES = (
    ("rat", "report-rat.png", "Laporan Posisi Keuangan", {"year": 2025}),
    ("nominatif", "report-nominatif.png", 0, {"date": dt.date(2026, 10, 31)}),
)


def _app():  # type: ignore[no-untyped-def]
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QGuiApplication

    return QGuiApplication.instance() or QGuiApplication([])


def render_page_png(pdf: Path, png: Path, page: int = 0, dpi: int = 110) -> Path:
    """Render one page of ``pdf`` to ``png`` (white background) with QtPdf."""
    from PySide6.QtCore import QSize
    from PySide6.QtGui import QColor, QImage, QPainter
    from PySide6.QtPdf import QPdfDocument

    _app()
    doc = QPdfDocument(None)
    err = doc.load(str(pdf))
    if err != QPdfDocument.Error.None_:
        raise RuntimeError(f"QtPdf cannot open {pdf}: {err}")
    try:
        if not 0 <= page < doc.pageCount():
            raise ValueError(f"{pdf} has {doc.pageCount()} pages, no page {page + 1}")
        points = doc.pagePointSize(page)
        size = QSize(round(points.width() * dpi / 72), round(points.height() * dpi / 72))
        rendered = doc.render(page, size)
        image = QImage(size, QImage.Format.Format_RGB32)
        image.fill(QColor("white"))
        painter = QPainter(image)
        painter.drawImage(0, 0, rendered)
        painter.end()
        png.parent.mkdir(parents=True, exist_ok=True)
        if not image.save(str(png), "PNG"):
            raise RuntimeError(f"cannot write {png}")
    finally:
        doc.close()
    return png


def ink_fraction(png: Path) -> float:
    """Share of pixels that are not (near) white: 0.0 for a blank page."""
    from PySide6.QtGui import QImage

    _app()
    image = QImage(str(png)).convertToFormat(QImage.Format.Format_Grayscale8)
    width, height = image.width(), image.height()
    if not width or not height:
        return 0.0
    line = image.bytesPerLine()
    data = bytes(image.constBits())
    dark = 0
    for y in range(height):
        row = data[y * line : y * line + width]
        dark += sum(1 for b in row if b < 235)
    return dark / (width * height)


def find_page(pdf: Path, needle: str) -> int:
    """The first page (0-based) whose text holds ``needle`` (after the cover)."""
    from pypdf import PdfReader

    for n, page in enumerate(PdfReader(str(pdf)).pages):
        if n > 0 and needle in (page.extract_text() or ""):
            return n
    return 0


def write_samples(db, out_dir: Path = DOCS_IMAGES, work: Path | None = None) -> list[Path]:  # type: ignore[no-untyped-def]
    """The README samples from ``db``; returns the PNG paths."""
    from koperasi.reports import registry
    from koperasi.reports.common import ReportParams

    work = work or Path(tempfile.mkdtemp(prefix="koperasi-samples-"))
    out = []
    for name, file_name, page, params in README_SAMPLES:
        data = registry.build(db, name, ReportParams(**params))
        pdf = registry.render(data, work / f"{name}.pdf", "pdf")
        n = find_page(pdf, page) if isinstance(page, str) else page
        out.append(render_page_png(pdf, out_dir / file_name, n))
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--db", help="an existing database (default: a fresh demo)")
    parser.add_argument("--out", default=str(DOCS_IMAGES), help="output folder")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(REPO / "src"))
    from koperasi.db.database import open_database

    with tempfile.TemporaryDirectory(prefix="koperasi-samples-") as tmp:
        if args.db:
            db = open_database(args.db)
        else:
            from koperasi.demo.builder import build_demo

            db = open_database(Path(tmp) / "demo.db")
            # the same demo as scripts/screenshots.py
            build_demo(db, members=150, seed=7, years=3, as_of=dt.date(2026, 10, 31))
        try:
            for path in write_samples(db, Path(args.out), Path(tmp)):
                print(path)
        finally:
            db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

"""Render ``resources/icons/koperasi.svg`` to ``koperasi.png`` (256 px) and ``koperasi.ico``.

Run after changing the SVG: ``QT_QPA_PLATFORM=offscreen .venv/bin/python installer/make_icons.py``.
The generated files are committed, so a Windows build needs neither Qt tricks nor Pillow.
The .ico holds PNG-compressed images (Windows Vista and later read those) at the sizes
Explorer, the Start menu and the taskbar use.
"""

from __future__ import annotations

import struct
import sys
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, Qt
from PySide6.QtGui import QGuiApplication, QImage, QPainter
from PySide6.QtSvg import QSvgRenderer

ICONS = Path(__file__).resolve().parents[1] / "resources" / "icons"
SIZES = (16, 24, 32, 48, 64, 128, 256)


def render_png(renderer: QSvgRenderer, size: int) -> bytes:
    image = QImage(size, size, QImage.Format.Format_ARGB32)
    image.fill(Qt.GlobalColor.transparent)
    painter = QPainter(image)
    painter.setRenderHint(QPainter.RenderHint.Antialiasing)
    renderer.render(painter)
    painter.end()
    data = QByteArray()
    buffer = QBuffer(data)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(data.data())


def ico_bytes(images: list[tuple[int, bytes]]) -> bytes:
    header = struct.pack("<HHH", 0, 1, len(images))
    offset = 6 + 16 * len(images)
    entries, blobs = b"", b""
    for size, png in images:
        dim = 0 if size >= 256 else size  # 0 means 256 in the ICO directory
        entries += struct.pack("<BBBBHHII", dim, dim, 0, 0, 1, 32, len(png), offset)
        blobs += png
        offset += len(png)
    return header + entries + blobs


def main() -> int:
    _app = QGuiApplication.instance() or QGuiApplication(sys.argv[:1])
    renderer = QSvgRenderer(str(ICONS / "koperasi.svg"))
    if not renderer.isValid():
        print("koperasi.svg is not a valid SVG", file=sys.stderr)
        return 1
    pngs = [(size, render_png(renderer, size)) for size in SIZES]
    (ICONS / "koperasi.png").write_bytes(pngs[-1][1])
    (ICONS / "koperasi.ico").write_bytes(ico_bytes(pngs))
    print(
        f"wrote {ICONS / 'koperasi.png'} and {ICONS / 'koperasi.ico'} ({', '.join(map(str, SIZES))} px)"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())

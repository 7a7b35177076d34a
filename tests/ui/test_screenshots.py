"""The README's screenshots come from ``scripts/screenshots.py``; this keeps it working as
the screens change (every main screen is captured, in Indonesian, and is not blank)."""

from __future__ import annotations

import importlib.util
from pathlib import Path

from PySide6.QtGui import QImage
from uihelpers import TODAY

ROOT = Path(__file__).resolve().parents[2]


def load_script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(
        "screenshots", ROOT / "scripts" / "screenshots.py"
    )
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def distinct_colours(image: QImage, step: int = 7) -> int:
    seen = set()
    for y in range(0, image.height(), step):
        for x in range(0, image.width(), step):
            seen.add(image.pixel(x, y))
            if len(seen) > 50:
                return len(seen)
    return len(seen)


def test_screenshots_of_every_main_screen(demo_db, tmp_path, qapp):
    script = load_script()
    paths = script.take(demo_db, tmp_path, TODAY)
    names = {p.stem for p in paths}
    assert {
        "beranda",
        "anggota",
        "pinjaman",
        "pinjaman-pengajuan",
        "pertemuan-kelompok",
        "simpanan",
        "kas",
        "laporan",
        "pengaturan",
        "rat",
    } <= names
    for path in paths:
        image = QImage(str(path))
        assert not image.isNull(), path
        assert image.width() >= 500 and image.height() >= 300, path
        assert distinct_colours(image) > 10, f"{path.name} looks blank"
    # the main window was captured in Indonesian
    assert (tmp_path / "beranda.png").stat().st_size > 20_000

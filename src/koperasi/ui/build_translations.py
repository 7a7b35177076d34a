"""Update the translation sources and build the binary catalogues.

    python -m koperasi.ui.build_translations            # lupdate + lrelease
    python -m koperasi.ui.build_translations --release  # only lrelease (.ts -> .qm)

Source strings are Indonesian (``tr()`` in ``src/koperasi/ui`` and the Designer forms in
``ui/``); ``resources/translations/koperasi_en.ts`` holds the English (edit it with
``pyside6-linguist``). ``qtbase_id.ts`` translates the few Qt standard buttons that Qt itself
does not ship in Indonesian.
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

from ..paths import resources_dir, ui_forms_dir

APP_CATALOGUES = ("koperasi_en.ts",)


def _tool(name: str) -> list[str]:
    exe = name + (".exe" if sys.platform == "win32" else "")
    base = Path(PySide6.__file__).resolve().parent
    for candidate in (base / exe, base / "Qt" / "libexec" / exe, base / "Qt" / "bin" / exe):
        if candidate.exists():
            return [str(candidate)]
    found = shutil.which(f"pyside6-{name}", path=str(Path(sys.executable).parent)) or shutil.which(
        f"pyside6-{name}"
    )
    if found:
        return [found]
    raise SystemExit(f"pyside6-{name} not found: install PySide6-Essentials")


def translations_dir() -> Path:
    return resources_dir() / "translations"


def sources() -> list[Path]:
    ui_pkg = Path(__file__).resolve().parent
    py = [p for p in sorted(ui_pkg.rglob("*.py")) if "forms" not in p.relative_to(ui_pkg).parts]
    return py + sorted(ui_forms_dir().glob("*.ui"))


def update() -> None:
    files = [str(p) for p in sources()]
    for name in APP_CATALOGUES:
        subprocess.run(
            [
                *_tool("lupdate"),
                *files,
                "-no-obsolete",
                "-locations",
                "none",
                "-source-language",
                "id_ID",
                "-target-language",
                name.split("_", 1)[1].removesuffix(".ts"),
                "-ts",
                str(translations_dir() / name),
            ],
            check=True,
        )


def release() -> list[Path]:
    out = []
    for ts in sorted(translations_dir().glob("*.ts")):
        qm = ts.with_suffix(".qm")
        subprocess.run([*_tool("lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)
        out.append(qm)
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m koperasi.ui.build_translations")
    parser.add_argument("--release", action="store_true", help="only build .qm from .ts")
    args = parser.parse_args(argv)
    if not args.release:
        update()
    for qm in release():
        print(f"wrote {qm}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

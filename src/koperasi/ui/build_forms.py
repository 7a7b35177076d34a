"""Compile the Qt Designer forms in ``ui/*.ui`` into ``src/koperasi/ui/forms/*_ui.py``.

    python -m koperasi.ui.build_forms          # regenerate every form
    python -m koperasi.ui.build_forms --check  # exit 1 when a module is missing or stale

The generated modules are committed (the app and a frozen build import them without
pyside6-uic) and start with a header naming their source and its SHA-256, which the tests
compare with the .ui file: a changed form whose module was not regenerated fails.
"""

from __future__ import annotations

import argparse
import hashlib
import shutil
import subprocess
import sys
from pathlib import Path

import PySide6

from ..paths import ui_forms_dir

HEADER = (
    "# Generated from ui/{name} by `python -m koperasi.ui.build_forms` (pyside6-uic).\n"
    "# Do not edit: change the form in Qt Designer and regenerate (`make forms`).\n"
    "# source-sha256: {digest}\n"
)


def forms_package_dir() -> Path:
    return Path(__file__).resolve().parent / "forms"


def ui_files() -> list[Path]:
    return sorted(ui_forms_dir().glob("*.ui"))


def module_for(ui_path: Path) -> Path:
    return forms_package_dir() / f"{ui_path.stem}_ui.py"


def digest(ui_path: Path) -> str:
    return hashlib.sha256(ui_path.read_bytes()).hexdigest()


def _uic() -> list[str]:
    exe = "uic.exe" if sys.platform == "win32" else "uic"
    base = Path(PySide6.__file__).resolve().parent
    for binary in (base / "Qt" / "libexec" / exe, base / exe):
        if binary.exists():
            return [str(binary), "-g", "python"]
    found = shutil.which("pyside6-uic", path=str(Path(sys.executable).parent)) or shutil.which(
        "pyside6-uic"
    )
    if found:
        return [found]
    raise SystemExit("pyside6-uic not found: install PySide6-Essentials")


def compile_form(ui_path: Path) -> str:
    out = subprocess.run(
        [*_uic(), str(ui_path)], check=True, capture_output=True, text=True, encoding="utf-8"
    ).stdout
    return HEADER.format(name=ui_path.name, digest=digest(ui_path)) + out


def recorded_digest(module: Path) -> str | None:
    if not module.exists():
        return None
    for line in module.read_text(encoding="utf-8").splitlines()[:5]:
        if line.startswith("# source-sha256: "):
            return line.split(": ", 1)[1].strip()
    return None


def stale_forms() -> list[str]:
    """Names of forms whose generated module is missing or older than the .ui file."""
    return [p.name for p in ui_files() if recorded_digest(module_for(p)) != digest(p)]


def build(only_stale: bool = False) -> list[Path]:
    target = forms_package_dir()
    target.mkdir(exist_ok=True)
    init = target / "__init__.py"
    if not init.exists():
        init.write_text('"""Generated from ui/*.ui by koperasi.ui.build_forms; do not edit."""\n')
    written = []
    stale = set(stale_forms()) if only_stale else None
    for ui_path in ui_files():
        if stale is not None and ui_path.name not in stale:
            continue
        module = module_for(ui_path)
        module.write_text(compile_form(ui_path), encoding="utf-8")
        written.append(module)
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m koperasi.ui.build_forms")
    parser.add_argument("--check", action="store_true", help="only report stale modules")
    args = parser.parse_args(argv)
    if args.check:
        stale = stale_forms()
        for name in stale:
            print(f"stale: ui/{name} (run `make forms`)")
        return 1 if stale else 0
    for module in build():
        print(f"wrote {module.relative_to(forms_package_dir().parents[3])}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

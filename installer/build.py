"""Build the frozen app: ``python installer/build.py`` (what ``make dist`` runs).

Runs PyInstaller on ``installer/koperasi.spec`` into ``dist/koperasi/`` (one folder, two
programs: ``koperasi`` and ``koperasi-app``; on Linux the second is a symlink to the first,
see ``entry_any.py``), on Linux writes ``koperasi.desktop`` into the folder, and prints the
unpacked size (target: under 200 MB).

Options: ``--prefix DIR`` the folder the bundle will be installed to on Linux (used for the
paths inside the .desktop file; default: where it was built), ``--clean`` (PyInstaller cache).
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SPEC = ROOT / "installer" / "koperasi.spec"
DIST = ROOT / "dist"
BUNDLE = DIST / "koperasi"
WORK = ROOT / "build" / "pyinstaller"
SIZE_TARGET_MB = 200

DESKTOP = """[Desktop Entry]
Type=Application
Version=1.5
Name=Koperasi
GenericName=Koperasi simpan pinjam
GenericName[en]=Savings and loan cooperative
Comment=Anggota, simpanan, pinjaman, buku besar dan laporan RAT
Comment[en]=Members, savings, loans, ledger and annual meeting reports
Exec="{prefix}/koperasi-app" %f
Icon={prefix}/_internal/resources/icons/koperasi.png
Terminal=false
Categories=Office;Finance;
MimeType=application/vnd.sqlite3;
StartupWMClass=koperasi-app
"""


def tree_size(path: Path) -> int:
    total = 0
    for dirpath, _dirs, files in os.walk(path):
        for name in files:
            p = Path(dirpath) / name
            if not p.is_symlink():
                total += p.stat().st_size
    return total


def link_gui(bundle: Path) -> Path:
    """koperasi-app -> koperasi: the one Linux program starts the GUI under this name."""
    link = bundle / "koperasi-app"
    if link.is_symlink() or link.exists():
        link.unlink()
    link.symlink_to("koperasi")
    return link


def write_desktop_file(bundle: Path, prefix: Path) -> Path:
    path = bundle / "koperasi.desktop"
    path.write_text(DESKTOP.format(prefix=str(prefix)), encoding="utf-8")
    path.chmod(0o755)
    return path


def build(clean: bool = False, prefix: Path | None = None, quiet: bool = False) -> Path:
    cmd = [
        sys.executable,
        "-m",
        "PyInstaller",
        "--noconfirm",
        "--log-level",
        "WARN",
        "--distpath",
        str(DIST),
        "--workpath",
        str(WORK),
        str(SPEC),
    ]
    if clean:
        cmd.insert(3, "--clean")
    started = time.monotonic()
    subprocess.run(cmd, cwd=ROOT, check=True, stdout=subprocess.DEVNULL if quiet else None)
    elapsed = time.monotonic() - started
    if not sys.platform.startswith("win"):
        link_gui(BUNDLE)
        write_desktop_file(BUNDLE, (prefix or BUNDLE).resolve())
    size_mb = tree_size(BUNDLE) / 1e6
    verdict = "OK" if size_mb < SIZE_TARGET_MB else f"OVER the {SIZE_TARGET_MB} MB target"
    programs = [
        p.name
        for p in sorted(BUNDLE.iterdir())
        if p.is_file() and p.suffix != ".desktop" and os.access(p, os.X_OK)
    ]
    print(f"bundle: {BUNDLE}")
    print(f"programs: {', '.join(programs)}")
    print(f"bundle size (unpacked): {size_mb:.1f} MB ({verdict}); build took {elapsed:.0f} s")
    return BUNDLE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--clean", action="store_true", help="clear PyInstaller's cache first")
    parser.add_argument("--prefix", type=Path, help="install folder named in the .desktop file")
    args = parser.parse_args(argv)
    build(clean=args.clean, prefix=args.prefix)
    return 0


if __name__ == "__main__":
    sys.exit(main())

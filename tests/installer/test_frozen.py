"""The frozen app (PyInstaller one-folder bundle in ``dist/koperasi/``) works without Python.

The bundle is built by ``make dist``. When it is missing or older than the sources, these
tests build it themselves (about a minute here) if PyInstaller is installed (it is in the
``dev`` extra); otherwise they are skipped with the reason printed. Every program runs with a
private HOME, so nothing touches the developer's own data folder.
"""

from __future__ import annotations

import os
import sqlite3
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

import koperasi

ROOT = Path(__file__).resolve().parents[2]
BUNDLE = ROOT / "dist" / "koperasi"
EXE_SUFFIX = ".exe" if sys.platform.startswith("win") else ""
CLI = BUNDLE / f"koperasi{EXE_SUFFIX}"
GUI = BUNDLE / f"koperasi-app{EXE_SUFFIX}"
INTERNAL = BUNDLE / "_internal"
SOURCES = [ROOT / "src" / "koperasi", ROOT / "resources", ROOT / "ui", ROOT / "installer"]
# 215: the Ed25519 signing of audit workbooks brings cryptography (its OpenSSL, ~6 MB)
SIZE_TARGET_MB = 215

# Under pytest-xdist, `make test` (--dist loadfile) runs this file on one worker: the bundle
# is built once, never by two workers into the same dist/ folder.
pytestmark = pytest.mark.slow


def _newest_source_mtime() -> float:
    newest = 0.0
    for top in SOURCES:
        if not top.exists():
            continue
        for dirpath, dirs, files in os.walk(top):
            dirs[:] = [d for d in dirs if d != "__pycache__"]
            for name in files:
                newest = max(newest, (Path(dirpath) / name).stat().st_mtime)
    return newest


def _bundle_state() -> str | None:
    """None when the bundle is usable as it is, else why it must be (re)built."""
    if not CLI.exists():
        return f"{CLI} does not exist"
    if CLI.stat().st_mtime < _newest_source_mtime():
        return f"{CLI} is older than the sources"
    if (ROOT / "src" / "koperasi" / "ui" / "app.py").exists() and not GUI.exists():
        return f"{GUI} is missing although koperasi.ui.app exists"
    return None


@pytest.fixture(scope="session")
def bundle() -> Path:
    why = _bundle_state()
    if why is None:
        return BUNDLE
    try:
        import PyInstaller  # noqa: F401
    except ImportError:
        pytest.skip(
            f"frozen bundle not usable ({why}) and PyInstaller is not installed: run `make dist`"
        )
    started = time.monotonic()
    result = subprocess.run(
        [sys.executable, str(ROOT / "installer" / "build.py")],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    elapsed = time.monotonic() - started
    assert result.returncode == 0, (
        f"bundle build failed:\n{result.stdout[-3000:]}\n{result.stderr[-3000:]}"
    )
    print(f"\nbuilt the frozen bundle in {elapsed:.0f} s ({why})")
    return BUNDLE


@pytest.fixture(scope="session")
def frozen_env(tmp_path_factory) -> dict[str, str]:
    home = tmp_path_factory.mktemp("frozen-home")
    env = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("PYTHON", "VIRTUAL_ENV", "KOPERASI_"))
    }
    env.update(
        HOME=str(home),
        XDG_DATA_HOME=str(home / "data"),
        XDG_CONFIG_HOME=str(home / "config"),
        XDG_CACHE_HOME=str(home / "cache"),
        XDG_STATE_HOME=str(home / "state"),
        LOCALAPPDATA=str(home / "localappdata"),
        APPDATA=str(home / "appdata"),
        QT_QPA_PLATFORM="offscreen",
        PATH="/usr/bin:/bin" if os.name == "posix" else env.get("PATH", ""),
    )
    return env


def run(
    exe: Path, *args: str, env: dict[str, str], timeout: float = 300
) -> subprocess.CompletedProcess:
    result = subprocess.run(
        [str(exe), *args], env=env, capture_output=True, text=True, timeout=timeout
    )
    assert result.returncode == 0, (
        f"{exe.name} {' '.join(args)} exited {result.returncode}\n"
        f"stdout: {result.stdout[-2000:]}\nstderr: {result.stderr[-3000:]}"
    )
    return result


@pytest.fixture(scope="session")
def frozen_demo(bundle, frozen_env, tmp_path_factory) -> Path:
    """A small demo database written by the frozen CLI (migrations, seeding, posting)."""
    path = tmp_path_factory.mktemp("frozen-db") / "demo.db"
    run(
        CLI, "--db", str(path), "demo", "--members", "12", "--years", "1", "--quiet", env=frozen_env
    )
    assert path.stat().st_size > 0
    return path


def test_version(bundle, frozen_env):
    out = run(CLI, "--version", env=frozen_env).stdout
    assert out.strip() == f"koperasi {koperasi.__version__}"


def test_demo_then_check(frozen_demo, frozen_env):
    out = run(CLI, "--db", str(frozen_demo), "check", env=frozen_env).stdout
    assert "trial_balance" in out
    # English texts come from the bundled message catalogue.
    tb = run(CLI, "--db", str(frozen_demo), "--lang", "en", "trial-balance", env=frozen_env).stdout
    assert "Rp" in tb and "1.01" in tb


def test_postgresql_through_the_bundled_driver(bundle, frozen_env, pg_url):
    """psycopg's binary driver (and its libpq) is in the bundle and works."""
    out = run(CLI, "--db", pg_url, "check", env=frozen_env).stdout
    assert "trial_balance" in out


def test_old_database_is_upgraded_by_frozen_app(bundle, frozen_env, tmp_path):
    """A database at the FIRST revision is upgraded by the frozen app (Alembic runs its
    scripts from disk inside the bundle), then passes `check`."""
    from alembic import command
    from alembic.script import ScriptDirectory
    from sqlalchemy import create_engine

    from koperasi.db.migrate import alembic_config

    bundled = INTERNAL / "koperasi" / "db" / "migrations"
    assert (bundled / "env.py").exists()
    assert sorted(p.name for p in (bundled / "versions").glob("*.py")) == sorted(
        p.name for p in (ROOT / "src/koperasi/db/migrations/versions").glob("*.py")
    )
    script = ScriptDirectory.from_config(alembic_config())
    first = script.get_base()
    path = tmp_path / "old.db"
    engine = create_engine(f"sqlite:///{path}")
    with engine.begin() as conn:
        command.upgrade(alembic_config(conn), first)
    engine.dispose()
    run(CLI, "--db", str(path), "check", env=frozen_env)
    with sqlite3.connect(path) as conn:
        (rev,) = conn.execute("SELECT version_num FROM alembic_version").fetchone()
    assert rev == script.get_current_head()


def test_bundle_layout_and_size(bundle):
    # What koperasi.paths expects when frozen: sys._MEIPASS/resources and sys._MEIPASS/ui.
    assert (INTERNAL / "resources" / "icons" / "koperasi.png").exists()
    src_resources = ROOT / "resources"
    for sub in ("fonts", "translations"):
        shipped = [p.name for p in (src_resources / sub).glob("*") if p.suffix in (".ttf", ".qm")]
        for name in shipped:
            assert (INTERNAL / "resources" / sub / name).exists(), f"{sub}/{name} not bundled"
    for form in (ROOT / "ui").glob("*.ui"):
        assert (INTERNAL / "ui" / form.name).exists(), f"ui/{form.name} not bundled"
    # Babel: Indonesian and English locale data only; num2words' Indonesian.
    locales = {p.stem for p in (INTERNAL / "babel" / "locale-data").glob("*.dat")}
    assert {"root", "id", "id_ID", "en"} <= locales
    assert not {"fr", "de", "ja"} & locales
    # Unused Qt modules stay out.
    names = [p.name for p in INTERNAL.rglob("*")]
    for unwanted in ("WebEngine", "Qt63D", "Qt6Quick", "Qt6Qml", "Qt6Multimedia", "QtQuick"):
        assert not [n for n in names if unwanted in n], f"{unwanted} should not be bundled"
    for wanted in ("Qt6Pdf", "Qt6Charts", "libqoffscreen", "libqxcb"):
        if sys.platform.startswith("linux"):
            assert [n for n in names if wanted in n], f"{wanted} missing"
    size_mb = (
        sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink()) / 1e6
    )
    print(f"\nbundle size (unpacked): {size_mb:.1f} MB")
    assert size_mb < SIZE_TARGET_MB
    if sys.platform.startswith("linux"):
        desktop = (BUNDLE / "koperasi.desktop").read_text()
        assert "Exec=" in desktop and "koperasi-app" in desktop and "Icon=" in desktop


def _cli_has(command: str) -> bool:
    from koperasi.cli import build_parser

    parser = build_parser()
    sub = next(a for a in parser._actions if a.dest == "command")
    return command in sub.choices


def test_reports_pdf_and_xlsx(frozen_demo, frozen_env, tmp_path):
    if not _cli_has("report"):
        pytest.skip(
            "`koperasi report` is not on this branch yet (reports issue); nothing to render"
        )
    listing = run(CLI, "--db", str(frozen_demo), "report", "--list", env=frozen_env).stdout
    name = listing.split()[0]
    pdf, xlsx = tmp_path / "r.pdf", tmp_path / "r.xlsx"
    run(
        CLI,
        "--db",
        str(frozen_demo),
        "report",
        name,
        "--format",
        "pdf",
        "-o",
        str(pdf),
        env=frozen_env,
    )
    run(
        CLI,
        "--db",
        str(frozen_demo),
        "report",
        name,
        "--format",
        "xlsx",
        "-o",
        str(xlsx),
        env=frozen_env,
    )
    data = pdf.read_bytes()
    assert data.startswith(b"%PDF")
    assert b"/FontFile2" in data, "the PDF's TrueType fonts are not embedded"
    with zipfile.ZipFile(xlsx) as zf:
        assert "xl/workbook.xml" in zf.namelist()


def test_gui_opens_and_closes_main_window(bundle, frozen_demo, frozen_env):
    """The frozen desktop app opens the demo's main window offscreen, paints it, and quits."""
    assert GUI.exists()
    env = {**frozen_env, "QT_QPA_PLATFORM": "offscreen"}
    out = run(GUI, "--db", str(frozen_demo), "--smoke-test", env=env, timeout=120).stdout
    assert "koperasi-app: " in out and "Koperasi" in out
    # the same executable under its own name is still the command-line tool
    assert "usage" in run(CLI, "--help", env=frozen_env).stdout.lower()

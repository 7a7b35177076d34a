"""`koperasi-app --smoke-test`: the real program opens a database's main window and quits."""

from __future__ import annotations

import os
import subprocess
import sys
import time

from koperasi.db.database import open_database


def _start(tmp_path, *args: str, env: dict | None = None, code: str | None = None):  # type: ignore[no-untyped-def]
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
        **(env or {}),
    }
    for name in ("KOPERASI_USER", "KOPERASI_PASSWORD"):
        if env.get(name) is None:
            env.pop(name, None)
    program = ["-c", code] if code else ["-m", "koperasi.ui.app"]
    return subprocess.run(
        [sys.executable, *program, *args],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_smoke_test_opens_the_main_window_and_exits_zero(tmp_path):
    path = tmp_path / "kop.db"
    open_database(str(path)).dispose()
    result = _start(tmp_path, "--db", str(path), "--smoke-test", "--lang", "en")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("koperasi-app: ")


def test_unknown_option_is_refused_with_usage(tmp_path):
    result = _start(tmp_path, "--no-such-option")
    assert result.returncode == 2
    assert "usage: koperasi-app" in result.stderr


ADMIN_PW = "rahasia-admin-1"


def _with_accounts(path) -> None:  # type: ignore[no-untyped-def]
    from koperasi.services import users as users_service

    db = open_database(str(path))
    users_service.create_first_admin(db, "admin", ADMIN_PW, "Ketua Pengurus")
    db.dispose()


def test_smoke_test_on_a_database_with_accounts_does_not_wait_for_a_login(tmp_path):
    """Before: the login dialog waited for a human and the run failed after 120 s."""
    path = tmp_path / "kop.db"
    _with_accounts(path)
    started = time.perf_counter()
    result = _start(tmp_path, "--db", str(path), "--smoke-test", "--lang", "en")
    assert result.returncode == 0, result.stderr[-2000:]
    assert result.stdout.startswith("koperasi-app: ")
    assert time.perf_counter() - started < 60


def test_smoke_test_logs_in_with_the_accounts_password_from_the_environment(tmp_path):
    path = tmp_path / "kop.db"
    _with_accounts(path)
    env = {"KOPERASI_USER": "admin", "KOPERASI_PASSWORD": ADMIN_PW}
    ok = _start(tmp_path, "--db", str(path), "--smoke-test", env=env)
    assert ok.returncode == 0, ok.stderr[-2000:]
    wrong = _start(
        tmp_path,
        "--db",
        str(path),
        "--smoke-test",
        "--lang",
        "en",
        env={**env, "KOPERASI_PASSWORD": "salah"},
    )
    assert wrong.returncode == 1
    assert "koperasi-app: " in wrong.stderr and "main window" not in wrong.stderr
    from koperasi.services import audit as audit_service

    db = open_database(str(path))
    try:
        actions = [e.action for e in audit_service.list_audit(db)]
    finally:
        db.dispose()
    assert "user.login_failed" in actions, "the wrong password went through the real login"


# the start, then what it loaded: the page shown first, never the heavy libraries
LOADED = """
import sys
from koperasi.ui.app import main
code = main(["--db", sys.argv[1], "--smoke-test"])
mods = sys.modules
print("LOADED", *sorted(m for m in mods if m.startswith("koperasi.ui.pages.")))
print("HEAVY", *sorted(m for m in ("reportlab", "openpyxl", "PySide6.QtPdf", "babel",
      "koperasi.reports", "koperasi.exchange", "sqlalchemy.dialects.postgresql") if m in mods))
sys.exit(code)
"""


def test_the_start_builds_the_first_page_only_and_loads_no_heavy_library(tmp_path):
    path = tmp_path / "kop.db"
    open_database(str(path)).dispose()
    result = _start(tmp_path, str(path), code=LOADED)
    assert result.returncode == 0, result.stderr[-2000:]
    lines = dict(
        line.split(" ", 1) if " " in line else (line, "") for line in result.stdout.splitlines()
    )
    pages = set(lines["LOADED"].split())
    assert "koperasi.ui.pages.dashboard" in pages
    assert not pages & {
        "koperasi.ui.pages.members",
        "koperasi.ui.pages.loans",
        "koperasi.ui.pages.ledger",
        "koperasi.ui.pages.reports",
        "koperasi.ui.pages.exchange",
    }, pages
    assert lines["HEAVY"] == "", lines["HEAVY"]


def test_smoke_test_on_a_database_it_cannot_open_fails_at_once_with_the_reason(tmp_path):
    """Before: the error dialog waited for a human; the run failed after 120 s."""
    path = tmp_path / "notes.db"
    path.write_text("not a database at all, but long enough to be read", encoding="utf-8")
    started = time.perf_counter()
    result = _start(tmp_path, "--db", str(path), "--smoke-test", "--lang", "en")
    assert result.returncode == 1
    assert "koperasi-app: " in result.stderr and "main window" not in result.stderr
    assert time.perf_counter() - started < 60


class _Exits:
    """Stands in for the QApplication: records the exit codes the smoke test asks for."""

    def __init__(self) -> None:
        self.codes: list[int] = []
        self.at: list[float] = []

    def exit(self, code: int) -> None:
        self.codes.append(code)
        self.at.append(time.monotonic())


BUILD_S = 1.5  # the demo build stand-in: longer than the smoke test's timeout below
TIMEOUT_MS = 600


def _slow_demo(monkeypatch, tmp_path, ui_settings, db, ended: list[float]):  # type: ignore[no-untyped-def]
    """A controller whose demo build (off the UI thread, as in the app) only waits; the
    demo database is opened beforehand, so the timeout is all the build's."""
    from koperasi.demo import builder
    from koperasi.ui import app as app_module
    from koperasi.ui.worker import Runner

    monkeypatch.setattr(app_module, "open_database", lambda _location: db)

    def build_demo(db, **_kw):  # type: ignore[no-untyped-def]
        time.sleep(BUILD_S)
        ended.append(time.monotonic())

    monkeypatch.setattr(builder, "build_demo", build_demo)
    return app_module.AppController(ui_settings, "en", Runner(), demo_path=tmp_path / "demo.db")


def _run_smoke_test(qtbot, controller, ended: list[float], linger_ms: int = 0) -> _Exits:  # type: ignore[no-untyped-def]
    from koperasi.ui.app import _arm_smoke_test

    app = _Exits()
    _arm_smoke_test(app, controller, timeout_ms=TIMEOUT_MS)  # type: ignore[arg-type]
    try:
        controller.start(demo=True)
        qtbot.waitUntil(lambda: bool(app.codes), timeout=30_000)
        qtbot.wait(linger_ms)
    finally:
        qtbot.waitUntil(lambda: bool(ended), timeout=30_000)  # no build outlives the test
        controller.runner.wait()
    return app


def test_smoke_test_timeout_does_not_run_while_the_demo_is_built(
    qtbot, tmp_path, ui_settings, sqlite_db, monkeypatch, capsys
):
    """Before: the timeout counted from the start, so a first `--demo --smoke-test` whose
    300-member build took longer reported "the main window did not open"."""
    ended: list[float] = []
    controller = _slow_demo(monkeypatch, tmp_path, ui_settings, sqlite_db, ended)
    # lingers past the window's opening: a timeout left running would come by then
    app = _run_smoke_test(qtbot, controller, ended, linger_ms=2 * TIMEOUT_MS)
    controller.close_window()
    err = capsys.readouterr().err
    assert app.codes == [0], err
    assert "did not open" not in err


def test_smoke_test_timeout_counts_afresh_from_the_end_of_the_demo_build(
    qtbot, tmp_path, ui_settings, sqlite_db, monkeypatch, capsys
):
    """A window that never opens after the build still fails the run: the whole timeout
    after the build's end, not the rest of a timeout started before it."""
    ended: list[float] = []
    controller = _slow_demo(monkeypatch, tmp_path, ui_settings, sqlite_db, ended)
    opened: list[str] = []

    def show_main(db, location):  # type: ignore[no-untyped-def]
        opened.append(location)  # ... and no window comes
        db.dispose()

    monkeypatch.setattr(controller, "show_main", show_main)
    app = _run_smoke_test(qtbot, controller, ended)
    assert opened
    assert app.codes == [1]
    assert "the main window did not open" in capsys.readouterr().err
    assert app.at[0] - ended[0] >= 0.9 * TIMEOUT_MS / 1000, "counted from the build's end"


def test_smoke_test_fails_when_the_main_window_never_opens(qtbot, tmp_path, ui_settings, capsys):
    from koperasi.ui.app import AppController, _arm_smoke_test
    from koperasi.ui.worker import SyncRunner

    controller = AppController(ui_settings, "en", SyncRunner(), demo_path=tmp_path / "demo.db")
    app = _Exits()
    _arm_smoke_test(app, controller, timeout_ms=50)  # type: ignore[arg-type]
    qtbot.waitUntil(lambda: bool(app.codes), timeout=5_000)
    assert app.codes == [1]
    assert "the main window did not open" in capsys.readouterr().err

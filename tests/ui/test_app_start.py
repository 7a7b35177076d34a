"""`koperasi-app --smoke-test`: the real program opens a database's main window and quits."""

from __future__ import annotations

import os
import subprocess
import sys

from koperasi.db.database import open_database


def _start(tmp_path, *args: str) -> subprocess.CompletedProcess:
    env = {
        **os.environ,
        "QT_QPA_PLATFORM": "offscreen",
        "HOME": str(tmp_path / "home"),
        "XDG_CONFIG_HOME": str(tmp_path / "config"),
        "XDG_DATA_HOME": str(tmp_path / "data"),
    }
    return subprocess.run(
        [sys.executable, "-m", "koperasi.ui.app", *args],
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

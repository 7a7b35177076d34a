"""Where things live: the user's data folder, the shipped resources."""

from __future__ import annotations

import sys
from pathlib import Path

from platformdirs import user_data_dir, user_log_dir

APP_NAME = "Koperasi"
APP_AUTHOR = "Koperasi"


def data_dir() -> Path:
    """The user's data folder (databases, backups, logs); created on first use."""
    path = Path(user_data_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def log_dir() -> Path:
    path = Path(user_log_dir(APP_NAME, APP_AUTHOR))
    path.mkdir(parents=True, exist_ok=True)
    return path


def default_db_path() -> Path:
    return data_dir() / "koperasi.db"


def demo_db_path() -> Path:
    return data_dir() / "demo.db"


def backups_dir() -> Path:
    path = data_dir() / "backup"
    path.mkdir(parents=True, exist_ok=True)
    return path


def _root() -> Path:
    frozen = getattr(sys, "_MEIPASS", None)
    if frozen:
        return Path(frozen)
    return Path(__file__).resolve().parents[2]


def resources_dir() -> Path:
    """``resources/`` of the source tree, or of the frozen bundle (PyInstaller)."""
    return _root() / "resources"


def ui_forms_dir() -> Path:
    return _root() / "ui"

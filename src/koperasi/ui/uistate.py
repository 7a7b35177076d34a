"""UI state in an INI file next to the data (window geometry, last page, last database,
language). Business settings live in the database, never here."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from ..paths import data_dir


def settings_path() -> Path:
    return data_dir() / "koperasi-ui.ini"


def ui_settings(path: Path | None = None) -> QSettings:
    return QSettings(str(path or settings_path()), QSettings.Format.IniFormat)


def get_str(s: QSettings, key: str, default: str = "") -> str:
    value = s.value(key, default)
    return str(value) if value is not None else default


def recent_databases(s: QSettings) -> list[str]:
    value = s.value("recent_databases", [])
    if isinstance(value, str):
        return [value] if value else []
    if not isinstance(value, list):
        return []
    return [str(v) for v in value if v]


def remember_database(s: QSettings, location: str) -> None:
    recent = [location] + [r for r in recent_databases(s) if r != location]
    s.setValue("last_database", location)
    s.setValue("recent_databases", recent[:8])
    s.sync()

"""Saving a report of the Simpanan tabs (Instruksi tetap, Potong gaji) as PDF or XLSX."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QFileDialog,
    QWidget,
)


def save_path(parent: QWidget, title: str, name: str, filters: str) -> str:
    path, _f = QFileDialog.getSaveFileName(parent, title, name, filters)
    return path


def render_report(data, path: str, lang: str) -> str:
    from pathlib import Path

    from ...reports import registry

    fmt = "xlsx" if path.lower().endswith(".xlsx") else "pdf"
    registry.render(data, Path(path), fmt, lang)
    return path

"""What the Impor/Ekspor page and the import wizard share: the file choosers (replaced in
tests), the progress dialog that can be cancelled, and the red error label."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QFileDialog,
    QLabel,
    QWidget,
)

from ...errors import KoperasiError
from ...services.progress import Cancelled
from ..context import AppContext
from ..widgets import ERROR_STYLE


class FileDialogs:
    """The file questions the page asks. Tests assign their own functions to these
    attributes (``page.files.save_path = lambda *a: str(path)``); an empty answer means
    the user cancelled."""

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        path, _f = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str:
        path, _f = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path

    def open_paths(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        paths, _f = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(paths)


def with_suffix(path: str, allowed: tuple[str, ...]) -> str:
    """Add the first allowed suffix when the user typed a name without one."""
    if Path(path).suffix.lower() in allowed:
        return path
    return path + allowed[0]


def cancellable_progress(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """For read work (no ``on_cancel`` there): a cancel becomes the result ``None``."""

    def run(progress):
        try:
            return fn(progress)
        except Cancelled:
            return None

    return run


def problem_message(ctx: AppContext, exc: BaseException) -> str | None:
    """A message for a user-caused failure (bad input, a file that cannot be written);
    None for a real bug (the crash dialog shows those)."""
    if isinstance(exc, KoperasiError):
        return ctx.error_message(exc)
    if isinstance(exc, OSError):
        return QCoreApplication.translate(
            "ExchangePage", "Berkas tidak dapat dibaca atau disimpan: {detail}"
        ).format(detail=exc.strerror or str(exc))
    return None


def error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def set_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


__all__ = ["FileDialogs"]

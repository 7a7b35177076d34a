"""Unexpected errors: a friendly dialog with "Salin detail", and a log file in the data folder.

Errors meant for the user (:class:`koperasi.errors.KoperasiError`) are not crashes: they are
shown as the service's own message. Anything else is logged with its traceback and shown in
:class:`ErrorDialog`. The database is never touched here: the unit of work that failed has
already rolled back.
"""

from __future__ import annotations

import datetime as dt
import logging
import logging.handlers
import platform
import sys
import threading
import traceback
from pathlib import Path
from types import TracebackType

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from .. import __version__
from ..errors import KoperasiError
from ..paths import data_dir
from . import dialogs

log = logging.getLogger("koperasi.ui")
_dialogs: list[ErrorDialog] = []
_in_hook = threading.local()


def log_path() -> Path:
    return data_dir() / "koperasi.log"


def setup_logging() -> Path:
    """Write warnings and errors to ``koperasi.log`` in the data folder (rotated at 1 MB)."""
    path = log_path()
    root = logging.getLogger("koperasi")
    if not any(getattr(h, "_koperasi", False) for h in root.handlers):
        handler = logging.handlers.RotatingFileHandler(
            path, maxBytes=1_000_000, backupCount=3, encoding="utf-8"
        )
        handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(name)s: %(message)s"))
        handler._koperasi = True  # type: ignore[attr-defined]
        root.addHandler(handler)
        root.setLevel(logging.INFO)
    return path


def describe(exc: BaseException, details: str) -> str:
    return (
        f"Koperasi {__version__} · Python {platform.python_version()} · "
        f"{platform.system()} {platform.release()}\n"
        f"{dt.datetime.now().isoformat(timespec='seconds')}\n\n{details.rstrip()}\n"
    )


class ErrorDialog(QDialog):
    """ "Maaf, terjadi kesalahan" with the details folded away and a copy button."""

    def __init__(self, exc: BaseException, details: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("errorDialog")
        self.setWindowTitle(self.tr("Terjadi kesalahan"))
        self.details = describe(exc, details)
        layout = QVBoxLayout(self)
        text = QLabel(
            self.tr(
                "Maaf, terjadi kesalahan yang tidak terduga. Pekerjaan yang sedang berjalan "
                "dibatalkan seluruhnya, jadi data di basis data tetap utuh.\n\n"
                "Jika masalah ini berulang, salin detailnya dan kirimkan kepada pengelola "
                "aplikasi. Detail juga dicatat di:\n{path}"
            ).format(path=log_path())
        )
        text.setWordWrap(True)
        text.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(text)
        self.detailsView = QPlainTextEdit(self.details)
        self.detailsView.setObjectName("errorDetails")
        self.detailsView.setReadOnly(True)
        self.detailsView.setVisible(False)
        layout.addWidget(self.detailsView)
        buttons = QDialogButtonBox()
        self.showButton = QPushButton(self.tr("Lihat detail"))
        self.showButton.setObjectName("showDetailsButton")
        self.showButton.setCheckable(True)
        self.showButton.toggled.connect(self.detailsView.setVisible)
        self.copyButton = QPushButton(self.tr("Salin detail"))
        self.copyButton.setObjectName("copyDetailsButton")
        self.copyButton.clicked.connect(self.copy_details)
        close = buttons.addButton(QDialogButtonBox.StandardButton.Close)
        close.setText(self.tr("Tutup"))
        buttons.addButton(self.showButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.copyButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.resize(560, 240)

    def copy_details(self) -> None:
        QApplication.clipboard().setText(self.details)
        self.copyButton.setText(self.tr("Tersalin"))


def report_crash(exc: BaseException, details: str, parent: QWidget | None = None) -> None:
    """Log an unexpected error and show the friendly dialog (non-blocking)."""
    log.error("Unhandled error: %s\n%s", exc, details)
    if QApplication.instance() is None:
        return
    if parent is None:
        parent = QApplication.activeWindow()
    dlg = ErrorDialog(exc, details, parent)
    dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    _dialogs.append(dlg)
    dlg.finished.connect(lambda _r, d=dlg: _dialogs.remove(d) if d in _dialogs else None)
    dlg.open()


def show_error(
    exc: BaseException, details: str = "", parent: QWidget | None = None, lang: str = "id"
) -> None:
    """What every screen calls when an operation failed."""
    if isinstance(exc, KoperasiError):
        dialogs.warn(
            parent,
            QCoreApplication.translate("ErrorDialog", "Tidak dapat diproses"),
            exc.message(lang),
        )
        return
    report_crash(exc, details or "".join(traceback.format_exception(exc)), parent)


def _hook(exc_type: type[BaseException], exc: BaseException, tb: TracebackType | None) -> None:
    if issubclass(exc_type, KeyboardInterrupt):
        sys.__excepthook__(exc_type, exc, tb)
        return
    if getattr(_in_hook, "active", False):  # an error while showing an error: just log it
        log.error("Error in error handler", exc_info=(exc_type, exc, tb))
        return
    _in_hook.active = True
    try:
        details = "".join(traceback.format_exception(exc_type, exc, tb))
        if isinstance(exc, KoperasiError):
            show_error(exc)
        else:
            report_crash(exc, details)
    finally:
        _in_hook.active = False


def install_excepthook() -> None:
    """Route uncaught exceptions (including those raised in Qt slots) to the dialog."""
    sys.excepthook = _hook


def open_dialogs() -> list[ErrorDialog]:
    return list(_dialogs)

"""Small message helpers shared by every screen.

Information and warnings are shown window-modal but non-blocking (``open()``), so the event
loop keeps running (and tests can read them). Questions need an answer before the caller can
go on; they go through :func:`ask`, which tests replace with a function returning the
answer they want.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QWidget

# Messages shown so far (title, text): tests read them; the app never does.
shown: list[tuple[str, str]] = []


def _box(parent: QWidget | None, icon: QMessageBox.Icon, title: str, text: str) -> QMessageBox:
    box = QMessageBox(icon, title, text, QMessageBox.StandardButton.Ok, parent)
    box.setObjectName("messageBox")
    box.setTextInteractionFlags(box.textInteractionFlags())
    shown.append((title, text))
    del shown[:-50]
    box.open()
    return box


def inform(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Information, title, text)


def warn(parent: QWidget | None, title: str, text: str) -> QMessageBox:
    return _box(parent, QMessageBox.Icon.Warning, title, text)


def _ask(parent: QWidget | None, title: str, text: str, yes: str, no: str) -> bool:
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("questionBox")
    yes_btn = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    box.setDefaultButton(yes_btn)
    box.exec()
    return box.clickedButton() is yes_btn


# Replaceable in tests: ask(parent, title, text, yes, no) -> bool
ask: Callable[[QWidget | None, str, str, str, str], bool] = _ask


def confirm(parent: QWidget | None, title: str, text: str, yes: str | None = None) -> bool:
    return ask(
        parent,
        title,
        text,
        yes or QCoreApplication.translate("dialogs", "Ya"),
        QCoreApplication.translate("dialogs", "Batal"),
    )


def ask_discard(parent: QWidget | None) -> bool:
    """True when the user agrees to throw away what was typed."""
    return ask(
        parent,
        QCoreApplication.translate("dialogs", "Perubahan belum disimpan"),
        QCoreApplication.translate(
            "dialogs", "Ada perubahan yang belum disimpan. Tutup dan buang perubahan itu?"
        ),
        QCoreApplication.translate("dialogs", "Buang perubahan"),
        QCoreApplication.translate("dialogs", "Kembali ke formulir"),
    )

"""Small message helpers shared by every screen.

Information and warnings are shown window-modal but non-blocking (``open()``), so the event
loop keeps running (and tests can read them). Questions need an answer before the caller can
go on; they go through :func:`ask`, which tests replace with a function returning the
answer they want.
"""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMessageBox, QPushButton, QWidget

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


def question_box(
    parent: QWidget | None, title: str, text: str, yes: str, no: str, *, default_no: bool = False
) -> QMessageBox:
    """The question box :func:`ask` shows (built apart so a test can look at it)."""
    box = QMessageBox(
        QMessageBox.Icon.Question, title, text, QMessageBox.StandardButton.NoButton, parent
    )
    box.setObjectName("questionBox")
    yes_btn = box.addButton(yes, QMessageBox.ButtonRole.AcceptRole)
    yes_btn.setObjectName("questionYesButton")
    no_btn = box.addButton(no, QMessageBox.ButtonRole.RejectRole)
    no_btn.setObjectName("questionNoButton")
    box.setDefaultButton(no_btn if default_no else yes_btn)
    return box


def _ask(
    parent: QWidget | None, title: str, text: str, yes: str, no: str, *, default_no: bool = False
) -> bool:
    box = question_box(parent, title, text, yes, no, default_no=default_no)
    box.exec()
    return box.clickedButton() is box.findChild(QPushButton, "questionYesButton")


# Replaceable in tests: ask(parent, title, text, yes, no, *, default_no=False) -> bool
ask: Callable[..., bool] = _ask


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
        default_no=True,  # Enter keeps what was typed
    )


def large_amount_text(message: str) -> str:
    """The question asked before an amount above its plausibility ceiling is posted."""
    return (
        message
        + "\n\n"
        + QCoreApplication.translate("dialogs", "Jumlah ini benar dan tetap dibukukan?")
    )


def confirm_large_amount(parent: QWidget | None, message: str) -> bool:
    """Ask before posting an amount far above the usual (the service's ``message`` names
    the field, the amount and the usual maximum). The default button is Batal."""
    return ask(
        parent,
        QCoreApplication.translate("dialogs", "Jumlah tidak biasa"),
        large_amount_text(message),
        QCoreApplication.translate("dialogs", "Ya, jumlahnya benar"),
        QCoreApplication.translate("dialogs", "Batal"),
        default_no=True,
    )

"""What the money dialogs (savings, loan steps) share: the OK / Batal buttons, a red error
line under each field, and posting once: busy from the click to the service's answer, the
service's error shown on its field, a question before typed changes are thrown away.

Texts stay with the dialogs (their ``self.tr`` keeps the translation context): the helpers
take them already translated."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Any

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...errors import ValidationError
from ...services import plausibility
from .. import dialogs
from ..context import AppContext
from ..widgets import DirtyTracker, FieldErrors

OK = QDialogButtonBox.StandardButton.Ok
CANCEL = QDialogButtonBox.StandardButton.Cancel


def setup_buttons(
    box: QDialogButtonBox | None,
    ok_text: str,
    ok_name: str,
    cancel_text: str,
    on_ok: Callable[[], Any],
    on_cancel: Callable[[], Any],
) -> QDialogButtonBox:
    """Name and label the Ok / Cancel buttons of ``box`` (a new box when None)."""
    if box is None:
        box = QDialogButtonBox(OK | CANCEL)
    ok = box.button(OK)
    ok.setText(ok_text)
    ok.setObjectName(ok_name)
    box.button(CANCEL).setText(cancel_text)
    box.accepted.connect(on_ok)
    box.rejected.connect(on_cancel)
    return box


def add_error_rows(
    errors: FieldErrors, layout: QFormLayout, fields: tuple[tuple[str, QWidget], ...]
) -> None:
    """An error line under each (key, widget) already in ``layout`` (a Designer form)."""
    for key, widget in fields:
        error = QLabel()
        row: int
        # PySide6's stub says object; Qt returns (row, ItemRole)
        row, _role = layout.getWidgetPosition(widget)  # type: ignore[misc]
        layout.insertRow(row + 1, "", error)
        errors.add(key, widget, error)


def save_cancel_buttons(
    dialog: QDialog, layout: QLayout, ok_text: str, cancel_text: str
) -> QDialogButtonBox:
    """A Save (named ``saveButton``) / Cancel box at the foot of ``layout``; Cancel rejects
    ``dialog``, Save is the caller's to connect."""
    buttons = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
    )
    save = buttons.button(QDialogButtonBox.StandardButton.Save)
    save.setText(ok_text)
    save.setObjectName("saveButton")
    buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(cancel_text)
    buttons.rejected.connect(dialog.reject)
    layout.addWidget(buttons)
    return buttons


def add_buddy_rows(
    form: QFormLayout, errors: FieldErrors, rows: Sequence[tuple[str, QWidget, str]]
) -> None:
    """Each ``(label text, widget, field key)`` as a form row: the label is the widget's
    buddy (its Alt+letter), the field's error line stands under the widget."""
    for text, widget, key in rows:
        label = QLabel(text)
        label.setBuddy(widget)
        error = QLabel()
        box = QVBoxLayout()
        box.addWidget(widget)
        box.addWidget(error)
        form.addRow(label, box)
        errors.add(key, widget, error)


def add_wrapped_label(layout: QLayout, text: str = "", name: str | None = None) -> QLabel:
    label = QLabel(text)
    if name:
        label.setObjectName(name)
    label.setWordWrap(True)
    layout.addWidget(label)
    return label


class FormDialog(QDialog):
    """A dialog that writes once through a service. Subclasses set ``self.errors`` and
    watch their inputs with ``self.dirty``; ``post`` runs the write."""

    errors: FieldErrors

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.saving = False  # from the click to the service's answer
        self.dirty = DirtyTracker(self)

    def add_field(self, form: QFormLayout, text: str, key: str, widget: QWidget) -> QLabel:
        """A row ``text: widget`` with its error line under it."""
        form.addRow(text, widget)
        error = QLabel()
        form.addRow("", error)
        self.errors.add(key, widget, error)
        return error

    def required_text(self, key: str, edit: QLineEdit) -> str:
        """The text of ``edit``, stripped; when empty the "required" error stands under it
        and the focus goes there."""
        text = edit.text().strip()
        if not text:
            self.errors.set(key, ValidationError(key, "required").message(self.ctx.lang))
            edit.setFocus()
        return text

    def post(
        self,
        fn: Callable[[], Any],
        on_done: Callable[[Any], None],
        *,
        confirmed: Callable[[], Any] | None = None,
    ) -> None:
        """Write ``fn`` off the UI thread; ``on_done`` gets its result once it is saved (and the
        screens hear what it changed: :meth:`AppContext.write`).

        ``confirmed``: the same write with ``confirm_large=True``. When the service refuses
        an amount far above the usual, the user is asked (default Batal); yes posts
        ``confirmed``, Batal leaves the form open with the message under the field."""
        self.saving = True

        def failed(exc: BaseException) -> bool:
            if (
                confirmed is not None
                and isinstance(exc, ValidationError)
                and exc.code in plausibility.CODES
            ):
                self.saving = False
                if dialogs.confirm_large_amount(self, exc.message(self.ctx.lang)):
                    self.post(confirmed, on_done)
                    return True
            return self._failed(exc)

        self.ctx.write(
            fn,
            on_done=lambda result: self._saved(result, on_done),
            on_error=failed,
            parent=self,
        )

    def _saved(self, result: Any, on_done: Callable[[Any], None]) -> None:
        self.saving = False
        self.dirty.dirty = False
        on_done(result)

    def _failed(self, exc: BaseException) -> bool:
        self.saving = False
        return self.errors.show(exc)

    def reject(self) -> None:
        if self.dirty.dirty and not dialogs.ask_discard(self):
            return
        super().reject()

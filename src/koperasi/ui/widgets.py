"""Reusable input widgets: money and date fields, in-place field errors, dirty tracking."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from decimal import Decimal, InvalidOperation

from PySide6.QtCore import QDate, QObject, Qt, Signal
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from ..domain.money import MoneyParseError, format_rupiah, parse_rupiah
from ..errors import KoperasiError, NotFound, ValidationError
from ..services.validation import MAX_YEAR, MIN_YEAR, check_date_horizon

ERROR_STYLE = "color: #b00020;"
INVALID_FIELD_STYLE = "border: 1px solid #b00020; border-radius: 2px;"


def to_date(value: QDate) -> dt.date:
    return dt.date(value.year(), value.month(), value.day())


def to_qdate(value: dt.date) -> QDate:
    return QDate(value.year, value.month, value.day)


# the sane horizon of every date typed (issue 22), as the CLI and the imports have it
MIN_DATE = dt.date(MIN_YEAR, 1, 1)
MAX_DATE = dt.date(MAX_YEAR, 12, 31)


def setup_date_edit(edit: QDateEdit, value: dt.date | None = None) -> QDateEdit:
    """Every date field of the app: dd/MM/yyyy, calendar popup, no spin buttons, and no date
    before 1900 or after 2100 (a year 2999 typed is refused by the field itself)."""
    edit.setDateRange(to_qdate(MIN_DATE), to_qdate(MAX_DATE))
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("dd/MM/yyyy")
    edit.setButtonSymbols(QAbstractSpinBox.ButtonSymbols.NoButtons)
    if value is not None:
        edit.setDate(to_qdate(value))
    return edit


class DateOutOfRange(ValueError):
    """A date typed before 1900 or after 2100; :meth:`error` names the field and the range."""

    def __init__(self, value: dt.date) -> None:
        super().__init__(value.isoformat())
        self.value = value

    def error(self, field: str) -> ValidationError:
        try:
            check_date_horizon(self.value, field)
        except ValidationError as exc:
            return exc
        return ValidationError(field, "invalid")  # pragma: no cover - out of range by birth


def parse_date(text: str) -> dt.date | None:
    """``23/11/2026``, ``23-11-2026`` or ``2026-11-23``; empty -> None; else ValueError."""
    text = (text or "").strip()
    if not text:
        return None
    for fmt in ("%d/%m/%Y", "%d-%m-%Y", "%Y-%m-%d", "%d.%m.%Y"):
        try:
            value = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        if not MIN_DATE <= value <= MAX_DATE:  # outside the sane horizon: not a date typed
            raise DateOutOfRange(value)
        return value
    raise ValueError(text)


def parse_decimal(text: str) -> Decimal | None:
    """A rate or multiple as typed: ``1,5``, ``1.5``, ``1,5 %``; empty -> None; else ValueError."""
    text = (text or "").strip().rstrip("%").strip().replace(",", ".")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation as exc:
        raise ValueError(text) from exc
    if not value.is_finite():
        raise ValueError(text)
    return value


def format_decimal(value: Decimal | None) -> str:
    if value is None:
        return ""
    text = format(value.normalize(), "f")
    return text.replace(".", ",")


def format_amount(amount: int | None) -> str:
    """Thousands with dots, no symbol: ``1.250.000`` (what a money field shows)."""
    return "" if amount is None else format_rupiah(amount, symbol=False)


def rp(amount: int | None) -> str:
    return "" if amount is None else format_rupiah(amount)


class MoneyEdit(QLineEdit):
    """A rupiah field: accepts ``1.250.000``, ``Rp 1.250.000``, ``Rp1.250.000`` and
    ``1250000``; shows ``1.250.000`` once the user leaves it. ``value()`` is the int or None."""

    valueChanged = Signal(object)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setPlaceholderText("0")
        self.setAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        self.textChanged.connect(self._changed)
        self.editingFinished.connect(self._reformat)

    def value(self) -> int | None:
        text = self.text().strip()
        if not text:
            return None
        try:
            return parse_rupiah(text)
        except MoneyParseError:
            return None

    def is_valid(self) -> bool:
        text = self.text().strip()
        if not text:
            return True
        return self.value() is not None

    def setValue(self, amount: int | None) -> None:  # noqa: N802 - Qt naming
        self.setText(format_amount(amount))

    def _changed(self, _text: str) -> None:
        self.valueChanged.emit(self.value())

    def _reformat(self) -> None:
        value = self.value()
        if value is not None:
            formatted = format_amount(value)
            if formatted != self.text():
                self.blockSignals(True)
                self.setText(formatted)
                self.blockSignals(False)


def promote_money(edit: QLineEdit) -> MoneyEdit:
    """Replace a plain QLineEdit from a Designer form by a MoneyEdit in the same place."""
    parent = edit.parentWidget()
    money = MoneyEdit(parent)
    money.setObjectName(edit.objectName())
    layout = parent.layout() if parent is not None else None
    if layout is not None:
        layout.replaceWidget(edit, money)
    money.setToolTip(edit.toolTip())
    edit.hide()
    edit.deleteLater()
    return money


# what a service did not find -> the form field where its number was typed
_NOT_FOUND_FIELDS = {
    "Anggota": "member",
    "Pinjaman": "loan",
    "Kelompok": "group",
    "Produk simpanan": "product",
    "Produk pinjaman": "product",
}


class FieldErrors(QObject):
    """In-place errors: each field key has its input widget and a red label under it.

    ``show(exc)`` puts a service's ValidationError next to the field it names (or in the
    general label), so the user sees the wrong field and keeps what they typed.
    """

    def __init__(self, general: QLabel, lang: str = "id", parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.general = general
        self.lang = lang
        self.fields: dict[str, tuple[QWidget, QLabel]] = {}
        self.errors: dict[str, str] = {}
        general.setStyleSheet(ERROR_STYLE)
        general.setWordWrap(True)
        general.hide()

    def add(self, key: str, widget: QWidget, label: QLabel) -> None:
        label.setStyleSheet(ERROR_STYLE)
        label.setWordWrap(True)
        label.setObjectName(f"{widget.objectName()}Error")
        label.hide()
        self.fields[key] = (widget, label)

    def set(self, key: str, message: str | None) -> None:
        if key not in self.fields:
            if message:
                self.errors[key] = message
                self.general.setText(message)
                self.general.show()
            else:
                self.errors.pop(key, None)
                if not any(k not in self.fields for k in self.errors):
                    self.general.hide()
            return
        widget, label = self.fields[key]
        if message:
            self.errors[key] = message
            label.setText(message)
            label.show()
            widget.setStyleSheet(INVALID_FIELD_STYLE)
            widget.setProperty("invalid", True)
        else:
            self.errors.pop(key, None)
            label.clear()
            label.hide()
            widget.setStyleSheet("")
            widget.setProperty("invalid", False)

    def clear(self) -> None:
        for key in list(self.errors):
            self.set(key, None)
        self.general.hide()

    def show(self, exc: BaseException) -> bool:
        """Show a user error in place; return False when it is not one (a crash)."""
        if isinstance(exc, ValidationError):
            self.set(exc.field, exc.message(self.lang))
            widget = self.fields.get(exc.field, (None, None))[0]
            if widget is not None:
                widget.setFocus()
            return True
        if isinstance(exc, NotFound):
            field = _NOT_FOUND_FIELDS.get(exc.params.get("what", ""))
            if field is not None and field in self.fields:
                # "Anggota A09999 tidak ditemukan" stays next to the number typed, not at the bottom
                self.set(field, exc.message(self.lang))
                self.fields[field][0].setFocus()
                return True
        if isinstance(exc, KoperasiError):
            self.errors["_general"] = exc.message(self.lang)
            self.general.setText(exc.message(self.lang))
            self.general.show()
            return True
        return False

    def message(self, key: str) -> str | None:
        return self.errors.get(key)

    def has_errors(self) -> bool:
        return bool(self.errors)


def check_field(fn: Callable[[], object], lang: str = "id") -> str | None:
    """Run one field validator; its message, or None when the value is fine."""
    try:
        fn()
    except ValidationError as exc:
        return exc.message(lang)
    return None


class DirtyTracker(QObject):
    """Notices the first edit in any of the watched inputs (to ask before closing)."""

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.dirty = False

    def mark(self, *_args: object) -> None:
        self.dirty = True

    def watch(self, *widgets: QWidget) -> None:
        for w in widgets:
            if isinstance(w, QLineEdit):
                w.textEdited.connect(self.mark)
            elif isinstance(w, QPlainTextEdit):
                w.textChanged.connect(self.mark)
            elif isinstance(w, QComboBox):
                w.activated.connect(self.mark)
            elif isinstance(w, QDateEdit):
                w.userDateChanged.connect(self.mark)
            elif isinstance(w, QCheckBox):
                w.clicked.connect(self.mark)

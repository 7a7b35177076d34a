"""The grid of a group meeting: one line per member, what each pays, the editing delegate."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QStyledItemDelegate,
    QTableView,
    QWidget,
)

from ...domain.money import MoneyParseError, parse_rupiah
from ...services.loans.group_meeting import MemberDues
from ..widgets import format_amount, rp
from .base import Index

PAY_COLUMNS = {8: "wajib", 9: "sukarela", 10: "loan"}
FIELD_COLUMN = {"wajib": "wajib", "sukarela": "sukarela", "loan_amount": "loan"}  # service field
INVALID_BG = QColor("#fde2e4")


@dataclass
class MeetingLine:
    dues: MemberDues
    texts: dict[str, str]  # what was typed per pay column

    def amount(self, key: str) -> int | None:
        """The typed amount (0 when empty); None when it is not an amount."""
        text = self.texts.get(key, "").strip()
        if not text:
            return 0
        try:
            value = parse_rupiah(text)
        except MoneyParseError:
            return None
        return value if value >= 0 else None


class MeetingModel(QAbstractTableModel):
    """Dues (read-only) and payments (editable: wajib, sukarela, angsuran) per member."""

    changedTotals = Signal()

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.lines: list[MeetingLine] = []
        self.headers = [
            self.tr("No. anggota"),
            self.tr("Nama"),
            self.tr("Wajib terutang"),
            self.tr("Angsuran\njatuh tempo"),
            self.tr("Tunggakan"),
            self.tr("Sisa pinjaman"),
            self.tr("Saldo wajib"),
            self.tr("Saldo sukarela"),
            self.tr("Bayar wajib"),
            self.tr("Setor sukarela"),
            self.tr("Bayar angsuran"),
            self.tr("Jumlah"),
        ]

    def set_dues(self, dues: list[MemberDues]) -> None:
        self.beginResetModel()
        self.lines = [MeetingLine(d, {}) for d in dues]
        self.endResetModel()
        self.changedTotals.emit()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.lines)

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def flags(self, index: Index) -> Qt.ItemFlag:
        base = super().flags(index)
        if index.isValid() and index.column() in PAY_COLUMNS:
            return base | Qt.ItemFlag.ItemIsEditable
        return base

    def line_total(self, line: MeetingLine) -> int | None:
        values = [line.amount(k) for k in PAY_COLUMNS.values()]
        return None if any(v is None for v in values) else sum(v or 0 for v in values)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.lines):
            return None
        col = index.column()
        line = self.lines[index.row()]
        d = line.dues
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            if col in PAY_COLUMNS:
                key = PAY_COLUMNS[col]
                text = line.texts.get(key, "")
                value = line.amount(key)
                if role == Qt.ItemDataRole.DisplayRole and value:
                    return format_amount(value)
                return text
            values: dict[int, Any] = {
                0: d.member_number,
                1: d.member_name,
                2: d.wajib_due,
                3: d.installment_due,
                4: d.arrears,
                5: sum(ld.outstanding for ld in d.loans),
                6: d.wajib_balance,
                7: d.sukarela_balance,
                11: self.line_total(line),
            }
            v = values.get(col)
            if col in (0, 1):
                return v
            if v is None:
                return "?" if col == 11 else ""
            return rp(v) if v else ("" if col != 11 else "")
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.BackgroundRole and col in PAY_COLUMNS:
            if line.amount(PAY_COLUMNS[col]) is None:
                return INVALID_BG
            return QColor("#fffbe6")
        if role == Qt.ItemDataRole.ForegroundRole and col == 4 and d.arrears:
            return QColor("#b00020")
        if (
            role == Qt.ItemDataRole.ToolTipRole
            and col in PAY_COLUMNS
            and line.amount(PAY_COLUMNS[col]) is None
        ):
            return self.tr("Jumlah tidak dikenali; tulis mis. 25.000")
        return None

    def setData(self, index: Index, value: Any, role: int = Qt.ItemDataRole.EditRole) -> bool:  # noqa: N802
        if not index.isValid() or index.column() not in PAY_COLUMNS:
            return False
        if role != Qt.ItemDataRole.EditRole:
            return False
        line = self.lines[index.row()]
        line.texts[PAY_COLUMNS[index.column()]] = str(value or "").strip()
        self.dataChanged.emit(index, self.index(index.row(), 11))
        self.changedTotals.emit()
        return True

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if role != Qt.ItemDataRole.DisplayRole:
            return None
        if orientation == Qt.Orientation.Horizontal and 0 <= section < len(self.headers):
            return self.headers[section]
        if orientation == Qt.Orientation.Vertical:
            return str(section + 1)
        return None

    # -- whole-grid operations
    def fill_dues(self) -> None:
        """Everyone pays exactly what is due (the treasurer then corrects the exceptions)."""
        for line in self.lines:
            d = line.dues
            line.texts["wajib"] = format_amount(d.wajib_due) if d.wajib_due else ""
            line.texts["loan"] = format_amount(d.installment_due) if d.installment_due else ""
        self._all_changed()

    def clear(self) -> None:
        for line in self.lines:
            line.texts.clear()
        self._all_changed()

    def _all_changed(self) -> None:
        if self.lines:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.lines) - 1, 11))
        self.changedTotals.emit()

    def problems(self) -> list[tuple[int, str, str]]:
        """(row, column header, member) of every cell that is not an amount."""
        out = []
        for r, line in enumerate(self.lines):
            for col, key in PAY_COLUMNS.items():
                if line.amount(key) is None:
                    out.append((r, self.headers[col], line.dues.member_number))
        return out

    def payments(self) -> list[tuple[str, int, int, int]]:
        out = []
        for line in self.lines:
            w, s, ln = (line.amount(k) or 0 for k in ("wajib", "sukarela", "loan"))
            if w or s or ln:
                out.append((line.dues.member_number, w, s, ln))
        return out

    def totals(self) -> dict[str, int]:
        keys = ("wajib", "sukarela", "loan")
        t = {k: sum(line.amount(k) or 0 for line in self.lines) for k in keys}
        t["due"] = sum(line.dues.total_due for line in self.lines)
        t["arrears"] = sum(line.dues.arrears for line in self.lines)
        return t


ENTER_KEYS = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


class MeetingTable(QTableView):
    """The grid as a spreadsheet: Enter moves down a row (Shift+Enter up), arrows move
    between cells, typing starts editing; Ctrl+Enter asks to post (``postRequested``)."""

    postRequested = Signal()

    def move_to(self, row: int, col: int) -> None:
        model = self.model()
        if model is None or model.rowCount() == 0:
            return
        row = max(0, min(row, model.rowCount() - 1))
        index = model.index(row, col)
        self.setCurrentIndex(index)
        self.scrollTo(index)

    def step(self, rows: int) -> None:
        cur = self.currentIndex()
        if cur.isValid():
            self.move_to(cur.row() + rows, cur.column())

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        if event.key() in ENTER_KEYS:
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.postRequested.emit()
            else:
                up = bool(event.modifiers() & Qt.KeyboardModifier.ShiftModifier)
                self.step(-1 if up else 1)
            event.accept()  # never reaches the dialog's default button
            return
        super().keyPressEvent(event)


class MeetingDelegate(QStyledItemDelegate):
    """In a cell's editor, Enter and Up/Down commit the amount and move to the row
    below/above (same column); Ctrl+Enter commits and asks to post."""

    def __init__(self, table: MeetingTable) -> None:
        super().__init__(table)
        self.table = table

    def eventFilter(self, editor: QObject, event: QEvent) -> bool:  # noqa: N802
        if event.type() == QEvent.Type.KeyPress and isinstance(event, QKeyEvent):
            key, mods = event.key(), event.modifiers()
            ctrl = bool(mods & Qt.KeyboardModifier.ControlModifier)
            moves: dict[int, int] = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
            if key in ENTER_KEYS or (key in moves and not ctrl):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                if key in ENTER_KEYS and ctrl:
                    self.table.postRequested.emit()
                elif key in ENTER_KEYS:
                    up = bool(mods & Qt.KeyboardModifier.ShiftModifier)
                    self.table.step(-1 if up else 1)
                else:
                    self.table.step(moves[key])
                return True
        return super().eventFilter(editor, event)

"""The group meeting (pertemuan kelompok): every member's dues on the meeting date in one
grid, what each paid typed in beside it, all posted in ONE transaction with one receipt per
member."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QEvent, QModelIndex, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QColor, QKeyEvent
from PySide6.QtWidgets import (
    QAbstractItemDelegate,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QStyledItemDelegate,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...domain.money import MoneyParseError, parse_rupiah
from ...errors import KoperasiError
from ...services import plausibility
from ...services.loans import group_meeting
from ...services.loans.group_meeting import GroupMeetingResult, MemberDues
from .. import dialogs
from ..context import LEDGER, LOANS, MEMBERS, SAVINGS, AppContext
from ..receipts import paper_html, print_html
from ..widgets import FieldErrors, format_amount, rp, setup_date_edit, to_date
from .base import Index, RowsModel, fmt_date, setup_table

PAY_COLUMNS = {8: "wajib", 9: "sukarela", 10: "loan"}
_COLUMN = {"wajib": "wajib", "sukarela": "sukarela", "loan_amount": "loan"}  # service field
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


_ENTER = (Qt.Key.Key_Return, Qt.Key.Key_Enter)


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
        if event.key() in _ENTER:
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
            moves = {Qt.Key.Key_Up: -1, Qt.Key.Key_Down: 1}
            if key in _ENTER or (key in moves and not ctrl):
                self.commitData.emit(editor)
                self.closeEditor.emit(editor, QAbstractItemDelegate.EndEditHint.NoHint)
                if key in _ENTER and ctrl:
                    self.table.postRequested.emit()
                elif key in _ENTER:
                    up = bool(mods & Qt.KeyboardModifier.ShiftModifier)
                    self.table.step(-1 if up else 1)
                else:
                    self.table.step(moves[key])
                return True
        return super().eventFilter(editor, event)


class GroupMeetingDialog(QDialog):
    """Pertemuan kelompok for one group and date."""

    posted = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        group_code: str,
        group_name: str = "",
        meeting_day: int | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx, self.group_code = ctx, group_code
        self.setObjectName("groupMeetingDialog")
        self.setWindowTitle(
            self.tr("Pertemuan kelompok {code} {name}").format(code=group_code, name=group_name)
        )
        self.resize(1340, 620)  # every column shows on a 1366x768 laptop
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(f"<h3>{group_code} · {group_name}</h3>"))
        bar.addStretch(1)
        dateLabel = QLabel(self.tr("&Tanggal pertemuan"))
        bar.addWidget(dateLabel)
        today = ctx.today()
        if meeting_day is not None:  # this week's meeting (today or the last one)
            today = today - dt.timedelta(days=(today.weekday() - meeting_day) % 7)
        self.dateEdit = setup_date_edit(QDateEdit(), today)
        self.dateEdit.setObjectName("meetingDateEdit")
        dateLabel.setBuddy(self.dateEdit)
        bar.addWidget(self.dateEdit)
        self.loadButton = QPushButton(self.tr("&Muat tagihan"))
        self.loadButton.setObjectName("meetingLoadButton")
        bar.addWidget(self.loadButton)
        layout.addLayout(bar)
        hint = QLabel(
            self.tr(
                "Ketik jumlah yang dibayar tiap anggota di kolom kuning (mis. 25.000). "
                "Semua pembayaran dibukukan sekaligus dalam satu transaksi; tiap anggota "
                "mendapat satu kuitansi."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.model = MeetingModel(self)
        self.table = MeetingTable()
        setup_table(self.table, "meetingTable", None)
        self.table.setItemDelegate(MeetingDelegate(self.table))
        self.table.postRequested.connect(self.post)
        self.table.setSelectionBehavior(QTableView.SelectionBehavior.SelectItems)
        self.table.setEditTriggers(
            QTableView.EditTrigger.AnyKeyPressed
            | QTableView.EditTrigger.DoubleClicked
            | QTableView.EditTrigger.EditKeyPressed
            | QTableView.EditTrigger.SelectedClicked
        )
        self.table.verticalHeader().setVisible(True)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.totalsLabel = QLabel()
        self.totalsLabel.setObjectName("meetingTotals")
        layout.addWidget(self.totalsLabel)
        self.staleLabel = QLabel(
            self.tr(
                "Tanggal berubah: tekan Muat tagihan untuk tagihan pada tanggal itu "
                "sebelum membukukan."
            )
        )
        self.staleLabel.setObjectName("meetingStaleLabel")
        self.staleLabel.setStyleSheet("color: #9a6700;")
        self.staleLabel.hide()
        layout.addWidget(self.staleLabel)
        self.general = QLabel()
        layout.addWidget(self.general)
        self.errors = FieldErrors(self.general, ctx.lang, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("&Bukukan semua (Ctrl+Enter)"))
        ok.setObjectName("postMeetingButton")
        self.postButton = ok
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.fillButton = QPushButton(self.tr("&Isi sesuai tagihan"))
        self.fillButton.setObjectName("meetingFillButton")
        self.clearButton = QPushButton(self.tr("&Kosongkan"))
        self.clearButton.setObjectName("meetingClearButton")
        buttons.addButton(self.fillButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.clearButton, QDialogButtonBox.ButtonRole.ActionRole)
        # the meeting sheet filled offline (meeting_sheet.py): export it, import it back
        self.exportSheetButton = QPushButton(self.tr("&Ekspor lembar..."))
        self.exportSheetButton.setObjectName("exportMeetingSheetButton")
        self.exportSheetButton.setVisible(ctx.actor.can("meeting_sheet.export"))
        self.importSheetButton = QPushButton(self.tr("Im&por lembar..."))
        self.importSheetButton.setObjectName("importMeetingSheetButton")
        self.importSheetButton.setVisible(ctx.actor.can("savings.write"))
        buttons.addButton(self.exportSheetButton, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.addButton(self.importSheetButton, QDialogButtonBox.ButtonRole.ActionRole)
        for button in buttons.buttons():  # Enter moves in the grid; it never posts
            if isinstance(button, QPushButton):
                button.setAutoDefault(False)
                button.setDefault(False)
        buttons.accepted.connect(self.post)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.fillButton.clicked.connect(self.model.fill_dues)
        self.clearButton.clicked.connect(self.model.clear)
        self.loadButton.clicked.connect(self.load)
        self.exportSheetButton.clicked.connect(self.export_sheet)
        self.importSheetButton.clicked.connect(self.import_sheet)
        self.model.changedTotals.connect(self.update_totals)
        self.dateEdit.dateChanged.connect(self._date_changed)
        self.dateEdit.editingFinished.connect(self._date_done)
        self.reloadTimer = QTimer(self, singleShot=True, interval=400)
        self.reloadTimer.timeout.connect(self._date_done)
        self.saving = False
        self.loaded_date: dt.date | None = None
        self.result: GroupMeetingResult | None = None
        self.load()

    def meeting_date(self) -> dt.date:
        return to_date(self.dateEdit.date())

    def stale(self) -> bool:
        """The date shown is not the date whose dues the grid holds."""
        return self.loaded_date != self.meeting_date()

    def _date_changed(self) -> None:
        stale = self.stale()
        self.staleLabel.setVisible(stale)
        self.postButton.setEnabled(not stale)
        if stale:
            self.reloadTimer.start()

    def _date_done(self) -> None:
        """The date settled (or was left): with nothing typed yet, the new date's dues load."""
        if self.stale() and not self.model.payments():
            self.load()

    def keyPressEvent(self, event: QKeyEvent) -> None:  # noqa: N802
        # QDialog presses the default button on Enter: here only Ctrl+Enter posts
        if event.key() in _ENTER:
            event.accept()
            if event.modifiers() & Qt.KeyboardModifier.ControlModifier:
                self.post()
            return
        super().keyPressEvent(event)

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        # the button box makes its accept button the default when shown: Enter belongs to
        # the grid, so no button looks (or acts) as the default
        self.postButton.setDefault(False)
        self.focus_grid()

    def focus_grid(self) -> None:
        """Focus in the first amount cell (typing goes into the grid, not the date)."""
        self.table.setFocus()
        if self.model.lines and not self.table.currentIndex().isValid():
            self.table.move_to(0, 8)

    def load(self) -> None:
        if self.model.payments() and not dialogs.ask_discard(self):
            return
        self.errors.clear()
        try:
            dues = group_meeting.group_meeting_dues(
                self.ctx.db, self.group_code, self.meeting_date(), self.ctx.actor
            )
        except KoperasiError as exc:
            self.errors.show(exc)
            dues = []
        self.model.set_dues(dues)
        self.loaded_date = self.meeting_date()
        self._date_changed()
        self.fit_columns()
        if dues:
            self.table.move_to(0, 8)
            self.table.setFocus()

    def fit_columns(self) -> None:
        """Every column in view: names capped, the amount columns wide enough to type in."""
        self.table.resizeColumnsToContents()
        header = self.table.horizontalHeader()
        header.resizeSection(1, min(header.sectionSize(1), 190))
        for col in (*PAY_COLUMNS, 11):
            header.resizeSection(col, max(header.sectionSize(col), 96))
        self.table.horizontalScrollBar().setValue(0)

    def update_totals(self) -> None:
        t = self.model.totals()
        self.totalsLabel.setText(
            self.tr(
                "Tagihan hari ini {due} (tunggakan {arrears}) · diterima: wajib {w} · "
                "sukarela {s} · angsuran {loan} · <b>jumlah {total}</b>"
            ).format(
                due=rp(t["due"]),
                arrears=rp(t["arrears"]),
                w=rp(t["wajib"]),
                s=rp(t["sukarela"]),
                loan=rp(t["loan"]),
                total=rp(t["wajib"] + t["sukarela"] + t["loan"]),
            )
        )

    def post(self) -> None:
        """The post button or Ctrl+Enter: check the grid, show the totals, ask, then post."""
        if self.saving:
            return
        if self.stale():
            self.errors.set(
                "_grid",
                self.tr("Tanggal pertemuan berubah sejak tagihan dimuat. Tekan Muat tagihan dulu."),
            )
            return
        if not self._check():
            return
        t = self.model.totals()
        text = self.tr(
            "Bukukan pertemuan {code} tanggal {date}?\n\n{n} anggota membayar\n"
            "Wajib: {w}\nSukarela: {s}\nAngsuran: {loan}\nJumlah diterima: {total}"
        ).format(
            code=self.group_code,
            date=fmt_date(self.meeting_date()),
            n=len(self.model.payments()),
            w=rp(t["wajib"]),
            s=rp(t["sukarela"]),
            loan=rp(t["loan"]),
            total=rp(t["wajib"] + t["sukarela"] + t["loan"]),
        )
        if not dialogs.confirm(self, self.tr("Bukukan pertemuan"), text, self.tr("Ya, bukukan")):
            return
        self._submit()

    def _check(self) -> bool:
        self.errors.clear()
        problems = self.model.problems()
        if problems:
            row, column, member = problems[0]
            self.errors.set(
                "_grid",
                self.tr("Baris {row} ({member}), kolom {column}: jumlah tidak dikenali.").format(
                    row=row + 1, member=member, column=column
                ),
            )
            col = next(c for c, _k in PAY_COLUMNS.items() if self.model.headers[c] == column)
            self.table.setCurrentIndex(self.model.index(row, col))
            return False
        if not self.model.payments():
            self.errors.set("_grid", self.tr("Belum ada pembayaran yang diisi."))
            return False
        return True

    def _submit(self, confirm_large: bool = False) -> None:
        payments = self.model.payments()
        ctx, code, date = self.ctx, self.group_code, self.meeting_date()
        self.saving = True
        ctx.write(
            lambda: group_meeting.post_group_meeting(
                ctx.db, ctx.actor, code, date, payments, confirm_large=confirm_large
            ),
            changes={SAVINGS, LOANS, LEDGER, MEMBERS},
            on_done=self._posted,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        self.saving = False
        if not isinstance(exc, KoperasiError):
            return False
        if exc.code in plausibility.CODES:
            if dialogs.confirm_large_amount(self, self.implausible_text(exc)):
                self._submit(confirm_large=True)
                return True
            first = exc.params["items"][0]
            for r, line in enumerate(self.model.lines):
                if line.dues.member_number == first.row:
                    col = next(c for c, k in PAY_COLUMNS.items() if k == _COLUMN[first.field])
                    self.table.setCurrentIndex(self.model.index(r, col))
                    break
            self.errors.set("_grid", self.implausible_text(exc))
            return True
        msg = exc.message(self.ctx.lang)
        member = getattr(exc, "params", {}).get("member") or getattr(exc, "params", {}).get("value")
        if member:
            for r, line in enumerate(self.model.lines):
                if line.dues.member_number == member:
                    self.table.setCurrentIndex(self.model.index(r, 10))
                    msg = self.tr("Baris {row} ({member}): {msg}").format(
                        row=r + 1, member=member, msg=msg
                    )
                    break
        self.errors.set("_grid", msg)
        return True

    def implausible_text(self, exc: KoperasiError) -> str:
        """One line per cell above its ceiling: row, member, column, amount, ceiling."""
        rows = {line.dues.member_number: r for r, line in enumerate(self.model.lines)}
        headers = {k: self.model.headers[c] for c, k in PAY_COLUMNS.items()}
        lines = [
            self.tr(
                "Baris {row} ({member}), {column}: {amount} (batas kewajaran {ceiling})"
            ).format(
                row=rows.get(item.row, -1) + 1,
                member=item.row,
                column=headers[_COLUMN[item.field]],
                amount=rp(item.amount),
                ceiling=rp(item.ceiling),
            )
            for item in exc.params["items"]
        ]
        return "\n".join(
            [self.tr("Jumlah berikut jauh di atas yang biasa; periksa sebelum dibukukan:")] + lines
        )

    def _posted(self, result: GroupMeetingResult) -> None:
        self.saving = False
        self.result = result
        self.model.clear()
        self.posted.emit(result)
        self.accept()
        dlg = MeetingReceiptsDialog(self.ctx, result, self.parentWidget())
        dlg.open()

    def export_sheet(self, path: str | None = None) -> None:
        """Save the meeting sheet of the date shown for the ketua to fill without the app."""
        from .meeting_sheet import export_sheet

        export_sheet(self, path)

    def import_sheet(self, path: str | None = None):
        """Check a filled sheet and show what it would post (posted from the preview)."""
        from .meeting_sheet import import_sheet

        return import_sheet(self, path)

    def reject(self) -> None:
        if self.model.payments() and not dialogs.ask_discard(self):
            return
        super().reject()


class MeetingReceiptsDialog(QDialog):
    """The receipts of a posted meeting, one per member, printable together."""

    def __init__(
        self, ctx: AppContext, result: GroupMeetingResult, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.result = ctx, result
        self.setObjectName("meetingReceiptsDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("Kuitansi pertemuan {code} {date}").format(
                code=result.group_code, date=fmt_date(result.date)
            )
        )
        self.resize(760, 420)
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr("{n} kuitansi · jumlah diterima <b>{total}</b>").format(
                    n=len(result.receipts), total=rp(result.total)
                )
            )
        )
        self.model = RowsModel(
            [
                (self.tr("Kuitansi"), lambda r: r.receipt_no, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Wajib"), lambda r: r.wajib or None, "money"),
                (self.tr("Sukarela"), lambda r: r.sukarela or None, "money"),
                (self.tr("Angsuran"), lambda r: r.loan or None, "money"),
                (self.tr("Jumlah"), lambda r: r.total, "money"),
            ],
            self,
        )
        self.model.set_rows(list(result.receipts))
        table = setup_table(QTableView(), "meetingReceiptsTable")
        table.setModel(self.model)
        table.resizeColumnsToContents()
        layout.addWidget(table, 1)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.printButton = QPushButton(self.tr("&Cetak kuitansi..."))
        self.printButton.setObjectName("printMeetingReceiptsButton")
        buttons.addButton(self.printButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.printButton.clicked.connect(self.print_receipts)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def html(self) -> str:
        """Each member's receipt as its printed paper says it (one truth for both)."""
        return "<hr>".join(paper_html(self.ctx, r.receipt_no, []) for r in self.result.receipts)

    def print_receipts(self) -> None:
        print_html(self.ctx, self, self.html())

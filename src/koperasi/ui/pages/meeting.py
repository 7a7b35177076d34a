"""The group meeting (pertemuan kelompok): every member's dues on the meeting date in one
grid, what each paid typed in beside it, all posted in ONE transaction with one receipt per
member."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent
from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services import plausibility
from ...services.loans import group_meeting
from ...services.loans.group_meeting import GroupMeetingResult
from .. import dialogs
from ..context import AppContext
from ..receipts import paper_html, print_html
from ..widgets import FieldErrors, rp, setup_date_edit, to_date
from .base import RowsModel, fmt_date, setup_table
from .meeting_table import (
    ENTER_KEYS,
    FIELD_COLUMN,
    PAY_COLUMNS,
    MeetingDelegate,
    MeetingModel,
    MeetingTable,
)

if TYPE_CHECKING:
    from .meeting_sheet import SheetPreviewDialog


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
        # not connected directly: clicked(bool) would pass its False as the path
        self.exportSheetButton.clicked.connect(lambda: self.export_sheet())
        self.importSheetButton.clicked.connect(lambda: self.import_sheet())
        self.model.changedTotals.connect(self.update_totals)
        self.dateEdit.dateChanged.connect(self._date_changed)
        self.dateEdit.editingFinished.connect(self._date_done)
        self.reloadTimer = QTimer(self, singleShot=True, interval=400)
        self.reloadTimer.timeout.connect(self._date_done)
        self.saving = False
        self.loaded_date: dt.date | None = None
        self.meeting_result: GroupMeetingResult | None = None
        self.sheetPreview: SheetPreviewDialog | None = None  # the last imported sheet's check
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
        if event.key() in ENTER_KEYS:
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
                    col = next(c for c, k in PAY_COLUMNS.items() if k == FIELD_COLUMN[first.field])
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
                column=headers[FIELD_COLUMN[item.field]],
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
        self.meeting_result = result
        self.model.clear()
        self.posted.emit(result)
        self.accept()
        dlg = MeetingReceiptsDialog(self.ctx, result, self.parentWidget())
        dlg.open()

    def export_sheet(self, path: str | None = None) -> None:
        """Save the meeting sheet of the date shown for the ketua to fill without the app."""
        from .meeting_sheet import export_sheet

        export_sheet(self, path)

    def import_sheet(self, path: str | None = None) -> None:
        """Check a filled sheet and show what it would post (posted from the preview)."""
        from .meeting_sheet import import_sheet

        import_sheet(self, path)

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
        self.ctx, self.meeting_result = ctx, result
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
        return "<hr>".join(
            paper_html(self.ctx, r.receipt_no, []) for r in self.meeting_result.receipts
        )

    def print_receipts(self) -> None:
        print_html(self.ctx, self, self.html())

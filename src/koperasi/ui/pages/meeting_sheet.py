"""The meeting sheet filled offline, from the group meeting dialog: export the sheet of the
date shown; import a filled one: a dry run shows what it would post and every problem per
row, and only a clean sheet can be posted (one transaction, one receipt per member)."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QLabel,
    QListWidget,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services import meeting_sheet as ms
from ...services import plausibility
from .. import dialogs
from ..context import AppContext
from ..widgets import rp
from .base import RowsModel, fmt_date, setup_table

if TYPE_CHECKING:
    from .meeting import GroupMeetingDialog


def export_sheet(meeting: GroupMeetingDialog, path: str | None = None) -> None:
    ctx, code, date = meeting.ctx, meeting.group_code, meeting.meeting_date()
    if path is None:
        path, _f = QFileDialog.getSaveFileName(
            meeting,
            meeting.tr("Ekspor lembar pertemuan"),
            f"lembar-{code}-{date.isoformat()}.xlsx",
            meeting.tr("Excel (*.xlsx)"),
        )
        if not path:
            return
    if not path.lower().endswith(".xlsx"):
        path += ".xlsx"

    def done(exp: ms.ExportedSheet) -> None:
        meeting.general.setText(
            meeting.tr(
                "Lembar pertemuan {code} tanggal {date} ({n} anggota) disimpan di {path}. "
                "Kolom kuning diisi ketua kelompok; impor kembali untuk membukukan."
            ).format(code=exp.group_code, date=fmt_date(exp.date), n=exp.members, path=exp.path)
        )

    def failed(exc: BaseException) -> bool:
        if not isinstance(exc, KoperasiError):
            return False
        meeting.errors.set("_grid", ctx.error_message(exc))
        return True

    ctx.write(
        lambda: ms.export_sheet(ctx.db, ctx.actor, code, date, path),
        on_done=done,
        on_error=failed,
        parent=meeting,
    )


def import_sheet(meeting: GroupMeetingDialog, path: str | None = None) -> None:
    ctx, code, date = meeting.ctx, meeting.group_code, meeting.meeting_date()
    if path is None:
        path, _f = QFileDialog.getOpenFileName(
            meeting, meeting.tr("Impor lembar pertemuan"), "", meeting.tr("Excel (*.xlsx)")
        )
        if not path:
            return

    def done(report: ms.SheetImport) -> None:
        preview = SheetPreviewDialog(ctx, meeting, path, code, date, report)
        meeting.sheetPreview = preview
        preview.open()

    ctx.read(
        lambda: ms.check_sheet(ctx.db, ctx.actor, path, code, date),
        on_done=done,
        parent=meeting,
    )


class SheetPreviewDialog(QDialog):
    """What a filled meeting sheet would post, or why it cannot be posted."""

    def __init__(
        self,
        ctx: AppContext,
        meeting: GroupMeetingDialog,
        path: str,
        group_code: str,
        date: dt.date,
        report: ms.SheetImport,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent or meeting)
        self.ctx, self.meeting, self.path = ctx, meeting, path
        self.group_code, self.date, self.report = group_code, date, report
        self.setObjectName("meetingSheetPreviewDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(
            self.tr("Impor lembar pertemuan {code} {date}").format(
                code=group_code, date=fmt_date(date)
            )
        )
        self.resize(820, 520)
        layout = QVBoxLayout(self)
        paying = [ln for ln in report.lines if ln.total]
        self.summary = QLabel()
        self.summary.setObjectName("meetingSheetSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.model = RowsModel(
            [
                (self.tr("Baris"), lambda r: r.row, "int"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Wajib"), lambda r: r.wajib or None, "money"),
                (self.tr("Sukarela"), lambda r: r.sukarela or None, "money"),
                (self.tr("Angsuran"), lambda r: r.loan or None, "money"),
                (self.tr("Jumlah"), lambda r: r.total, "money"),
            ],
            self,
        )
        self.model.set_rows(paying)
        self.table = setup_table(QTableView(), "meetingSheetTable")
        self.table.setModel(self.model)
        self.table.resizeColumnsToContents()
        layout.addWidget(self.table, 1)
        self.problemsLabel = QLabel(self.tr("&Masalah (tidak ada yang dibukukan):"))
        self.problems = QListWidget()
        self.problems.setObjectName("meetingSheetProblems")
        self.problemsLabel.setBuddy(self.problems)
        self.problems.addItems(report.messages(ctx.lang))
        self.problems.setStyleSheet("color: #b42318;")
        layout.addWidget(self.problemsLabel)
        layout.addWidget(self.problems)
        buttons = QDialogButtonBox()
        self.postButton = buttons.addButton(
            self.tr("&Bukukan lembar"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.postButton.setObjectName("postMeetingSheetButton")
        self.postButton.setAutoDefault(False)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.postButton.clicked.connect(lambda: self.post())
        layout.addWidget(buttons)
        self.show_report(report)

    def show_report(self, report: ms.SheetImport) -> None:
        self.report = report
        paying = [ln for ln in report.lines if ln.total]
        if report.ok:
            self.summary.setText(
                self.tr(
                    "Lembar siap dibukukan: {n} anggota membayar · wajib {w} · sukarela {s} · "
                    "angsuran {loan} · <b>jumlah {total}</b>. Periksa lalu tekan Bukukan lembar."
                ).format(
                    n=len(paying),
                    w=rp(sum(ln.wajib for ln in paying)),
                    s=rp(sum(ln.sukarela for ln in paying)),
                    loan=rp(sum(ln.loan for ln in paying)),
                    total=rp(report.total),
                )
            )
        else:
            self.summary.setText(
                self.tr(
                    "Lembar ini tidak dapat dibukukan ({n} masalah). Perbaiki lembar atau ekspor "
                    "lembar baru."
                ).format(n=len(report.problems))
            )
        self.problems.clear()
        self.problems.addItems(report.messages(self.ctx.lang))
        self.problemsLabel.setVisible(not report.ok)
        self.problems.setVisible(not report.ok)
        self.postButton.setEnabled(report.ok)
        if report.ok:
            self.postButton.setFocus()
        else:
            self.problems.setFocus()

    def post(self, confirm_large: bool = False) -> None:
        if not self.report.ok:
            return
        ctx, path, code, date = self.ctx, self.path, self.group_code, self.date
        self.postButton.setEnabled(False)
        ctx.write(
            lambda: ms.import_sheet(
                ctx.db, ctx.actor, path, code, date, confirm_large=confirm_large
            ),
            on_done=self._posted,
            on_error=self._failed,
            parent=self,
        )

    def _posted(self, report: ms.SheetImport) -> None:
        self.accept()
        assert report.posted is not None
        self.meeting.model.clear()
        self.meeting._posted(report.posted)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, ms.SheetRefused):
            self.show_report(exc.report)
            return True
        if not isinstance(exc, KoperasiError):
            return False
        if exc.code in plausibility.CODES and dialogs.confirm_large_amount(
            self, self.ctx.error_message(exc)
        ):
            self.post(confirm_large=True)
            return True
        self.summary.setText(self.ctx.error_message(exc))
        self.postButton.setEnabled(True)
        return True

"""Screens of issue 17 on the loan page: collateral and guarantors of the selected loan (a
tab of the loan's details and the dialogs that add them or hand the collateral back), the
approval of both boards, and the list of everything waiting for a second user's approval."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...messages import label as message_label
from ...messages.text import pick
from ...services import approvals as approvals_service
from ...services.loans import applications as loan_applications
from ...services.loans import collateral as collateral_service
from ...services.loans import lending_limits
from ...services.loans.collateral import CollateralInput
from ...services.loans.views import LoanDetail
from .. import dialogs
from ..context import AppContext
from ..widgets import MoneyEdit, setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table
from .loan_dialogs import LoanStepDialog


def _lab(vocab: str, code: str, lang: str) -> str:
    return message_label(vocab, code, lang)


class CollateralPanel(QWidget):
    """The selected loan's collateral (with its received/returned dates) and guarantors."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        split = QSplitter()
        self.collateralModel = RowsModel(
            [
                (self.tr("Jenis"), lambda c: _lab("collateral_kind", c.kind, lang), "text"),
                (self.tr("Uraian"), lambda c: c.description, "text"),
                (self.tr("No. dokumen"), lambda c: c.document_no, "text"),
                (self.tr("Nilai"), lambda c: c.value, "money"),
                (self.tr("Diterima"), lambda c: c.received_on, "date"),
                (self.tr("Dikembalikan"), lambda c: c.returned_on, "date"),
                (self.tr("Serah terima"), lambda c: c.handover_no or "", "text"),
            ],
            self,
        )
        self.collateralTable = setup_table(DataTable(), "loanCollateralTable", stretch_column=1)
        self.collateralTable.setModel(self.collateralModel)
        split.addWidget(self.collateralTable)
        self.guarantorModel = RowsModel(
            [
                (self.tr("Penjamin"), lambda g: f"{g.member_number} {g.member_name}", "text"),
                (self.tr("Hubungan"), lambda g: g.relation, "text"),
            ],
            self,
        )
        self.guarantorTable = setup_table(DataTable(), "loanGuarantorsTable", stretch_column=0)
        self.guarantorTable.setModel(self.guarantorModel)
        split.addWidget(self.guarantorTable)
        split.setSizes([700, 300])
        layout.addWidget(split, 1)

    def show_loan(self, detail: LoanDetail | None) -> None:
        if detail is None:
            self.collateralModel.set_rows([])
            self.guarantorModel.set_rows([])
            return
        ctx = self.ctx
        try:
            self.collateralModel.set_rows(
                collateral_service.for_loan(ctx.db, detail.number, ctx.actor)
            )
            self.guarantorModel.set_rows(
                collateral_service.guarantors_of(ctx.db, detail.number, ctx.actor)
            )
        except KoperasiError:
            self.collateralModel.set_rows([])
            self.guarantorModel.set_rows([])


class CollateralDialog(LoanStepDialog):
    """Record collateral received for an open loan (its documents go into the safe)."""

    added = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("collateralDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Terima jaminan"))
        form = QFormLayout()
        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("collateralKindCombo")
        for code in collateral_service.KINDS:
            self.kindCombo.addItem(_lab("collateral_kind", code, ctx.lang), code)
        self.descriptionEdit = QLineEdit()
        self.descriptionEdit.setObjectName("collateralDescriptionEdit")
        self.descriptionEdit.setPlaceholderText(self.tr("mis. BPKB Honda Beat 2021 KT 1234 AB"))
        self.valueEdit = MoneyEdit()
        self.valueEdit.setObjectName("collateralValueEdit")
        self.documentEdit = QLineEdit()
        self.documentEdit.setObjectName("collateralDocumentEdit")
        self.ownerEdit = QLineEdit()
        self.ownerEdit.setObjectName("collateralOwnerEdit")
        self.ownerEdit.setText(detail.row.member_name)
        self.heldEdit = QLineEdit()
        self.heldEdit.setObjectName("collateralHeldEdit")
        self.heldEdit.setPlaceholderText(self.tr("mis. BPKB asli, fotokopi STNK"))
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("collateralDateEdit")
        for text, key, widget in (
            (self.tr("&Jenis"), "collateral_kind", self.kindCombo),
            (self.tr("&Uraian"), "collateral_description", self.descriptionEdit),
            (self.tr("&Nilai (Rp)"), "collateral_value", self.valueEdit),
            (self.tr("Nomor &dokumen"), "document_no", self.documentEdit),
            (self.tr("&Pemilik"), "owner", self.ownerEdit),
            (self.tr("Dokumen &disimpan"), "documents", self.heldEdit),
            (self.tr("Tan&ggal terima"), "date", self.dateEdit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = QLabel()
            form.addRow("", error)
            self.errors.add(key, widget, error)
        self.body.addLayout(form)
        self.dirty.watch(self.descriptionEdit, self.valueEdit, self.documentEdit)
        self.add_buttons(self.tr("Simpan jaminan"), "saveCollateralButton", self.confirm)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        item = CollateralInput(
            self.kindCombo.currentData(),
            self.descriptionEdit.text(),
            self.valueEdit.value() or 0,
            self.documentEdit.text(),
            self.ownerEdit.text(),
            self.heldEdit.text(),
        )
        date = to_date(self.dateEdit.date())
        self.post(
            lambda: collateral_service.add(ctx.db, ctx.actor, number, item, date),
            self._done,
        )

    def _done(self, view: object) -> None:
        self.added.emit(view)
        self.accept()


class GuarantorDialog(LoanStepDialog):
    """Add a member as guarantor of the loan."""

    added = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("guarantorDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Tambah penjamin"))
        form = QFormLayout()
        self.memberEdit = QLineEdit()
        self.memberEdit.setObjectName("guarantorMemberEdit")
        self.memberEdit.setPlaceholderText(self.tr("nomor anggota penjamin"))
        self.relationEdit = QLineEdit()
        self.relationEdit.setObjectName("guarantorRelationEdit")
        self.relationEdit.setPlaceholderText(self.tr("mis. saudara, tetangga"))
        for text, key, widget in (
            (self.tr("&Anggota"), "guarantor", self.memberEdit),
            (self.tr("&Hubungan"), "relation", self.relationEdit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = QLabel()
            form.addRow("", error)
            self.errors.add(key, widget, error)
        self.body.addLayout(form)
        self.dirty.watch(self.memberEdit, self.relationEdit)
        self.add_buttons(self.tr("Simpan penjamin"), "saveGuarantorButton", self.confirm)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        member = self.required_text("guarantor", self.memberEdit)
        if not member:
            return
        relation = self.relationEdit.text()
        self.post(
            lambda: collateral_service.add_guarantor(ctx.db, ctx.actor, number, member, relation),
            self._done,
        )

    def _done(self, view: object) -> None:
        self.added.emit(view)
        self.accept()


class ReturnCollateralDialog(LoanStepDialog):
    """Hand back everything held for a paid-off loan, under one hand-over letter."""

    returned = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("returnCollateralDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Kembalikan jaminan"))
        form = QFormLayout()
        self.toEdit = QLineEdit(detail.row.member_name)
        self.toEdit.setObjectName("returnToEdit")
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("returnNoteEdit")
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("returnDateEdit")
        for text, key, widget in (
            (self.tr("Diserahkan &kepada"), "returned_to", self.toEdit),
            (self.tr("&Catatan"), "note", self.noteEdit),
            (self.tr("Tan&ggal"), "date", self.dateEdit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = QLabel()
            form.addRow("", error)
            self.errors.add(key, widget, error)
        self.body.addLayout(form)
        self.add_buttons(self.tr("Serahkan"), "confirmReturnButton", self.confirm)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        to, note, date = self.toEdit.text(), self.noteEdit.text(), to_date(self.dateEdit.date())
        self.post(
            lambda: collateral_service.return_collateral(ctx.db, ctx.actor, number, date, to, note),
            self._done,
        )

    def _done(self, views: list) -> None:
        self.returned.emit(views)
        self.accept()
        if views and dialogs.confirm(
            self.parentWidget(),
            self.tr("Kembalikan jaminan"),
            self.tr("Jaminan diserahkan dengan surat nomor {no}. Cetak surat serah terima?").format(
                no=views[0].handover_no
            ),
            self.tr("Cetak"),
        ):
            self.ctx.bus.navigate.emit(
                "reports",
                {
                    "report": "serah-terima-jaminan",
                    "loan": self.detail.number,
                    "member": self.detail.row.member_number,
                },
            )


class BoardApprovalDialog(LoanStepDialog):
    """The approval of the user's board (pengurus, or pengawas for a supervisor) for an
    application that needs both."""

    approved = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        body = lending_limits.body_of(ctx.actor)
        text = QCoreApplication.translate(
            "BoardApprovalDialog", "Persetujuan atas nama: <b>{body}</b>"
        ).format(body=pick(lending_limits.BODY_LABELS[body], ctx.lang))
        super().__init__(ctx, detail, parent, "<br>" + text)
        self.setObjectName("boardApprovalDialog")
        self.setMinimumWidth(460)
        self.setWindowTitle(self.tr("Persetujuan pengurus/pengawas"))
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("boardDateEdit")
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("boardNoteEdit")
        self.noteEdit.setPlaceholderText(self.tr("mis. rapat gabungan 12/11"))
        for text, key, widget in (
            (self.tr("Tan&ggal"), "date", self.dateEdit),
            (self.tr("&Catatan"), "note", self.noteEdit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = QLabel()
            form.addRow("", error)
            self.errors.add(key, widget, error)
        self.body.addLayout(form)
        self.add_buttons(self.tr("Setujui"), "confirmBoardButton", self.confirm)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        date, note = to_date(self.dateEdit.date()), self.noteEdit.text()
        self.post(
            lambda: lending_limits.board_approve(ctx.db, ctx.actor, number, date, note),
            self._done,
        )

    def _done(self, body: object) -> None:
        self.approved.emit(body)
        self.accept()


class PendingApprovalsDialog(QDialog):
    """Everything waiting for an approval: requests for write-offs and reversals, large
    applications that need a second user, applications that need both boards."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        self.setObjectName("pendingApprovalsDialog")
        self.setWindowTitle(self.tr("Menunggu persetujuan"))
        self.resize(1100, 420)
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            [
                (self.tr("Jenis"), lambda p: _lab("approval_kind", p.kind, lang), "text"),
                (self.tr("Pinjaman / nomor"), lambda p: p.ref, "text"),
                (self.tr("Anggota"), lambda p: p.member, "text"),
                (self.tr("Jumlah"), lambda p: p.amount, "money"),
                (self.tr("Diajukan oleh"), lambda p: p.requested_by, "text"),
                (self.tr("Tanggal"), lambda p: p.requested_on, "date"),
                (self.tr("Alasan / tujuan"), lambda p: p.reason, "text"),
                (self.tr("Menunggu"), lambda p: p.waiting_for, "text"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "pendingApprovalsTable", stretch_column=6)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.message = QLabel()
        self.message.setObjectName("pendingApprovalsMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        form = QHBoxLayout()
        note_label = QLabel(self.tr("&Catatan / alasan"))
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("approvalNoteEdit")
        note_label.setBuddy(self.noteEdit)
        form.addWidget(note_label)
        form.addWidget(self.noteEdit, 1)
        layout.addLayout(form)
        buttons = QHBoxLayout()
        self.approveButton = QPushButton(self.tr("&Setujui"))
        self.approveButton.setObjectName("approveRequestButton")
        self.rejectButton = QPushButton(self.tr("&Tolak / batalkan"))
        self.rejectButton.setObjectName("rejectRequestButton")
        self.refreshButton = QPushButton(self.tr("&Muat ulang"))
        self.refreshButton.setObjectName("refreshApprovalsButton")
        close = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        close.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("T&utup"))
        close.rejected.connect(self.reject)
        for b in (self.approveButton, self.rejectButton, self.refreshButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        buttons.addWidget(close)
        layout.addLayout(buttons)
        self.approveButton.clicked.connect(self.approve)
        self.rejectButton.clicked.connect(self.reject_selected)
        self.refreshButton.clicked.connect(self.refresh)
        self.refresh()

    def refresh(self) -> None:
        try:
            rows = lending_limits.pending(self.ctx.db, self.ctx.actor, self.ctx.today())
        except KoperasiError as exc:
            self.message.setText(exc.message(self.ctx.lang))
            rows = []
        self.model.set_rows(rows)
        if rows:
            self.table.selectRow(0)
            self.table.setFocus()
        elif not self.message.text():
            self.message.setText(self.tr("Tidak ada yang menunggu persetujuan."))

    def selected(self):
        return self.model.row(self.table.currentIndex())

    def _run(self, fn, done_text: str) -> None:
        def ok(_result: object) -> None:
            self.message.setText(done_text)
            self.noteEdit.clear()
            self.refresh()

        def failed(exc: BaseException) -> bool:
            if isinstance(exc, KoperasiError):
                self.message.setText(exc.message(self.ctx.lang))
                return True
            return False

        self.ctx.write(fn, on_done=ok, on_error=failed, parent=self)

    def approve(self) -> None:
        item = self.selected()
        if item is None:
            return
        ctx, note, day = self.ctx, self.noteEdit.text(), self.ctx.today()
        fn: Callable[[], object]
        if item.request_id is not None:
            fn = lambda: approvals_service.approve(ctx.db, ctx.actor, item.request_id, note)  # noqa: E731
        elif item.kind == "board_approval":
            fn = lambda: lending_limits.board_approve(ctx.db, ctx.actor, item.ref, day, note)  # noqa: E731
        else:
            fn = lambda: loan_applications.approve(ctx.db, ctx.actor, item.ref, day, note)  # noqa: E731
        self._run(fn, self.tr("Disetujui: {ref}.").format(ref=item.ref))

    def reject_selected(self) -> None:
        item = self.selected()
        if item is None:
            return
        ctx, note = self.ctx, self.noteEdit.text()
        fn: Callable[[], object]
        if item.request_id is None:
            day = ctx.today()
            fn = lambda: loan_applications.reject(ctx.db, ctx.actor, item.ref, day, note)  # noqa: E731
        else:
            fn = lambda: approvals_service.reject(ctx.db, ctx.actor, item.request_id, note)  # noqa: E731
        self._run(fn, self.tr("Ditolak: {ref}.").format(ref=item.ref))

"""Loan steps after the application: approve or refuse, disburse (warned when the till is
short), take a repayment (with the split shown before confirming), pay off early (from a
quote), restructure (with the new schedule shown first), write off, take money back on a
written-off loan, and the loan receipt."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QMessageBox,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services import loan_actions
from ...services import loan_products as products_service
from ...services.loan_actions import (
    CashNeed,
)
from ...services.loans import applications as loan_applications
from ...services.loans.views import LoanDetail, LoanTxView
from ..context import AppContext
from ..widgets import (
    FieldErrors,
    rp,
    setup_date_edit,
    to_date,
)
from .form_dialog import FormDialog, add_wrapped_label, setup_buttons
from .loan_labels import (
    status_label,
)
from .loan_receipt import show_loan_receipt

T = TypeVar("T")


def loan_heading(d: LoanDetail, lang: str) -> str:
    return (
        f"<b>{d.number}</b> · {d.row.member_number} {d.row.member_name} · "
        f"{rp(d.row.amount)} · {status_label(d.status, lang)}"
    )


class LoanStepDialog(FormDialog):
    """A step on one loan, built in code: the loan's heading on top (``self.body``), then the
    step's own widgets, then the general error line and the OK / Batal buttons."""

    def __init__(
        self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None, extra: str = ""
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.body = QVBoxLayout(self)
        add_wrapped_label(self.body, loan_heading(detail, ctx.lang) + extra)
        self.general = QLabel()
        self.errors = FieldErrors(self.general, ctx.lang, self)

    def add_buttons(self, ok_text: str, ok_name: str, on_ok: Callable[[], object]) -> None:
        self.body.addWidget(self.general)
        # one shared context: self.tr() in a base class is looked up under the subclass name
        cancel = QCoreApplication.translate("dialogs", "Batal")
        self.buttons = setup_buttons(None, ok_text, ok_name, cancel, on_ok, self.reject)
        self.body.addWidget(self.buttons)

    def read_or_block(self, fn: Callable[[], T], shown: QLabel | None = None) -> T | None:
        """``fn()``: the quote or preview the OK button acts on. None when the service
        refuses: its error shown, ``shown`` cleared and OK disabled (until a later read
        succeeds)."""
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            result = fn()
        except KoperasiError as exc:
            if shown is not None:
                shown.clear()
            self.errors.show(exc)
            ok.setEnabled(False)
            return None
        ok.setEnabled(True)
        return result


class DecisionDialog(LoanStepDialog):
    """Setujui (with an optional note) or tolak (with a required reason) an application."""

    decided = Signal(object)

    def __init__(
        self, ctx: AppContext, detail: LoanDetail, approve: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, detail, parent, f"<br>{detail.purpose}")
        self.approve = approve
        self.setObjectName("loanApproveDialog" if approve else "loanRejectDialog")
        self.setWindowTitle(self.tr("Setujui pinjaman") if approve else self.tr("Tolak pinjaman"))
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("decisionDateEdit")
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("decisionNoteEdit")
        self.noteEdit.setPlaceholderText(
            self.tr("mis. disetujui rapat pengurus 12/11")
            if approve
            else self.tr("alasan penolakan")
        )
        self.dateError = self.add_field(form, self.tr("Tanggal"), "date", self.dateEdit)
        self.noteError = self.add_field(
            form, self.tr("Catatan") if approve else self.tr("Alasan"), "reason", self.noteEdit
        )
        self.body.addLayout(form)
        self.add_buttons(
            self.tr("Setujui") if approve else self.tr("Tolak pengajuan"),
            "confirmDecisionButton",
            self.confirm,
        )

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        date, note = to_date(self.dateEdit.date()), self.noteEdit.text()
        if self.approve:
            fn = lambda: loan_applications.approve(ctx.db, ctx.actor, number, date, note)  # noqa: E731
        else:
            fn = lambda: loan_applications.reject(ctx.db, ctx.actor, number, date, note)  # noqa: E731
        self.post(fn, self._done)

    def _done(self, detail: LoanDetail) -> None:
        self.decided.emit(detail)
        self.accept()


class DisburseDialog(LoanStepDialog):
    """Cairkan: cash from the till or into the member's sukarela account; the fee per the
    product (deducted or paid in cash). The receipt follows."""

    disbursed = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("loanDisburseDialog")
        self.setWindowTitle(self.tr("Pencairan pinjaman"))
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("disburseDateEdit")
        self.toCombo = QComboBox()
        self.toCombo.setObjectName("disburseToCombo")
        self.toCombo.addItem(self.tr("Tunai dari kas"), "kas")
        self.toCombo.addItem(self.tr("Ke simpanan sukarela anggota"), "sukarela")
        self.feeCombo = QComboBox()
        self.feeCombo.setObjectName("disburseFeeCombo")
        self.feeCombo.addItem(self.tr("Sesuai produk"), None)
        self.feeCombo.addItem(self.tr("Dipotong dari pencairan"), "deduct")
        self.feeCombo.addItem(self.tr("Dibayar tunai"), "cash")
        self.dateError = self.add_field(form, self.tr("Tanggal pencairan"), "date", self.dateEdit)
        form.addRow(self.tr("Dicairkan"), self.toCombo)
        form.addRow(self.tr("Biaya administrasi"), self.feeCombo)
        self.netLabel = QLabel()
        self.netLabel.setObjectName("disburseNetLabel")
        self.netLabel.setWordWrap(True)
        form.addRow(self.tr("Diterima anggota"), self.netLabel)
        self.body.addLayout(form)
        self.errors.add("disburse_to", self.toCombo, QLabel())
        self.add_buttons(self.tr("Cairkan"), "confirmDisburseButton", self.confirm)
        self.cash_need: CashNeed | None = None
        self.cashBox: QMessageBox | None = None
        self.fee: int | None = None
        try:
            product_mode = products_service.get_product(ctx.db, detail.row.product_code).fee_mode
        except KoperasiError:
            product_mode = "deduct"
        self.product_fee_mode = product_mode
        self.toCombo.currentIndexChanged.connect(lambda _i: self.update_net())
        self.feeCombo.currentIndexChanged.connect(lambda _i: self.update_net())
        self.update_net()

    def update_net(self) -> None:
        """What the member receives: the principal less a deducted fee (or the principal,
        the fee paid in cash apart)."""
        ctx, d = self.ctx, self.detail
        if self.fee is None:
            try:
                need = loan_actions.disbursement_cash(
                    ctx.db, ctx.actor, d.number, to_date(self.dateEdit.date()), "kas", "deduct"
                )
                self.fee = d.row.amount - need.cash_out
            except KoperasiError:
                self.fee = 0
        fee, amount = self.fee, d.row.amount
        mode = self.feeCombo.currentData() or self.product_fee_mode
        if not fee:
            text = self.tr("<b>{net}</b> (tanpa biaya administrasi)").format(net=rp(amount))
        elif mode == "deduct":
            text = self.tr("<b>{net}</b> = pokok {amount} − biaya administrasi {fee}").format(
                net=rp(amount - fee), amount=rp(amount), fee=rp(fee)
            )
        else:
            text = self.tr("<b>{net}</b>; biaya administrasi {fee} dibayar tunai").format(
                net=rp(amount), fee=rp(fee)
            )
        self.netLabel.setText(text)

    def confirm(self) -> None:
        """Cash from the till: the till is read first; when it holds less than the payout
        the treasurer is warned (Batal by default) before anything is posted."""
        if self.saving:
            return
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        date = to_date(self.dateEdit.date())
        to, fee_mode = self.toCombo.currentData(), self.feeCombo.currentData()
        self.saving = True  # the till is read first, then the posting
        if to != "kas":
            self._post()
            return
        ctx.read(
            lambda: loan_actions.disbursement_cash(ctx.db, ctx.actor, number, date, to, fee_mode),
            on_done=self._cash_checked,
            on_error=self._failed,
            parent=self,
        )

    def _answered(self, go: bool) -> None:
        if go:
            self._post()
        else:
            self.saving = False

    def _cash_checked(self, need: CashNeed) -> None:
        self.cash_need = need
        if not need.short:
            self._post()
            return
        box = QMessageBox(
            QMessageBox.Icon.Warning,
            self.tr("Saldo kas tidak cukup"),
            self.tr(
                "Saldo kas {cash} tidak cukup untuk pencairan {amount}.<br>"
                "Periksa uang di kas, atau batalkan dan cairkan ke simpanan sukarela anggota."
                "<br><br>Tetap cairkan tunai?"
            ).format(cash=rp(need.cash_balance), amount=rp(need.cash_out)),
            QMessageBox.StandardButton.NoButton,
            self,
        )
        box.setObjectName("cashShortBox")
        go = box.addButton(self.tr("Tetap cairkan"), QMessageBox.ButtonRole.AcceptRole)
        go.setObjectName("disburseAnywayButton")
        cancel = box.addButton(self.tr("Batal"), QMessageBox.ButtonRole.RejectRole)
        cancel.setObjectName("cancelDisburseButton")
        box.setDefaultButton(cancel)
        box.setEscapeButton(cancel)
        box.finished.connect(lambda _r: self._answered(box.clickedButton() is go))
        self.cashBox = box
        box.open()

    def _post(self) -> None:
        ctx, number = self.ctx, self.detail.number
        date = to_date(self.dateEdit.date())
        to, fee_mode = self.toCombo.currentData(), self.feeCombo.currentData()
        self.post(
            lambda: loan_applications.disburse(ctx.db, ctx.actor, number, date, to, fee_mode),
            self._done,
        )

    def _done(self, view: LoanTxView) -> None:
        self.disbursed.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())

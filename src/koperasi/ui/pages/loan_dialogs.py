"""Loan steps after the application: approve or refuse, disburse (warned when the till is
short), take a repayment (with the split shown before confirming), pay off early (from a
quote), restructure (with the new schedule shown first), write off, take money back on a
written-off loan, and the loan receipt."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Qt, QTimer, Signal
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

from ...domain.fmt import long_date, terbilang
from ...errors import KoperasiError, ValidationError
from ...services import loan_actions
from ...services import loan_products as products_service
from ...services.loan_actions import (
    CashNeed,
    RecoveryStatus,
    ReschedulePreview,
    WriteOffPreview,
)
from ...services.loans import applications as loan_applications
from ...services.loans import repayments as loan_repayments
from ...services.loans import reversals as loan_reversals
from ...services.loans import views as loan_views
from ...services.loans import workout as loan_workout
from ...services.loans.repayments import PayoffQuoteView, RepaymentPreview
from ...services.loans.views import LoanDetail, LoanTxView
from .. import dialogs
from ..context import LEDGER, LOANS, MEMBERS, SAVINGS, AppContext
from ..forms.loan_repayment_ui import Ui_LoanRepaymentForm
from ..forms.loan_reschedule_ui import Ui_LoanRescheduleForm
from ..receipts import ReceiptWindow, paper_html
from ..widgets import (
    FieldErrors,
    MoneyEdit,
    format_decimal,
    parse_decimal,
    rp,
    setup_date_edit,
    to_date,
    to_qdate,
)
from .base import RowsModel, fmt_date, setup_table
from .form_dialog import FormDialog, add_error_rows, add_wrapped_label, setup_buttons
from .loan_labels import (
    COMPONENT_LABELS,
    METHOD_LABELS,
    RATE_PER_LABELS,
    SOURCE_LABELS,
    UNIT_LABELS,
    class_label,
    label,
    status_label,
)

MONEY_CHANGES = frozenset({LOANS, LEDGER, SAVINGS, MEMBERS})
T = TypeVar("T")


def loan_heading(d: LoanDetail, lang: str) -> str:
    return (
        f"<b>{d.number}</b> · {d.row.member_number} {d.row.member_name} · "
        f"{rp(d.row.amount)} · {status_label(d.status, lang)}"
    )


class _LoanStepDialog(FormDialog):
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


class DecisionDialog(_LoanStepDialog):
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
        self.post(fn, {LOANS}, self._done)

    def _done(self, detail: LoanDetail) -> None:
        self.decided.emit(detail)
        self.accept()


class DisburseDialog(_LoanStepDialog):
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
            MONEY_CHANGES,
            self._done,
        )

    def _done(self, view: LoanTxView) -> None:
        self.disbursed.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())


class RepaymentDialog(FormDialog):
    """Angsuran: the split over penalty, fee, interest and principal (oldest installment
    first) is shown as the amount is typed, before anything is posted."""

    posted = Signal(object)

    def __init__(
        self, ctx: AppContext, loan_number: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_LoanRepaymentForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("loanRepaymentDialog")
        title = self.tr("Angsuran pinjaman")
        self.setWindowTitle(title)
        ui.titleLabel.setText(f"<h3>{title}</h3>")
        setup_date_edit(ui.dateEdit, ctx.today())
        for code in SOURCE_LABELS:
            ui.sourceCombo.addItem(label(SOURCE_LABELS, code, ctx.lang), code)
        setup_buttons(
            ui.buttonBox,
            self.tr("Terima pembayaran"),
            "confirmRepaymentButton",
            self.tr("Batal"),
            self.save,
            self.reject,
        )
        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        add_error_rows(
            self.errors,
            ui.repaymentLayout,
            (
                ("loan", ui.loanEdit),
                ("date", ui.dateEdit),
                ("amount", ui.amountEdit),
                ("source", ui.sourceCombo),
            ),
        )
        self.allocationModel = RowsModel(
            [
                (self.tr("Angsuran ke"), lambda r: r.installment_no, "int"),
                (
                    self.tr("Komponen"),
                    lambda r: label(COMPONENT_LABELS, r.component, ctx.lang),
                    "text",
                ),
                (self.tr("Jumlah"), lambda r: r.amount, "money"),
            ],
            self,
        )
        setup_table(ui.allocationTable, "allocationTable")
        ui.allocationTable.setModel(self.allocationModel)
        self.detail: LoanDetail | None = None
        self._looked_up = ""
        self.preview: RepaymentPreview | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        ui.loanEdit.textEdited.connect(lambda _t: self._timer.start())
        ui.loanEdit.editingFinished.connect(self.lookup)
        ui.amountEdit.valueChanged.connect(lambda _v: self._timer.start())
        ui.dateEdit.dateChanged.connect(lambda _d: self._timer.start())
        ui.excessCheck.toggled.connect(lambda _on: self._timer.start())
        ui.sourceCombo.currentIndexChanged.connect(lambda _i: self._source_changed())
        self.dirty.watch(ui.amountEdit, ui.memoEdit)
        self.result_view: LoanTxView | None = None
        if loan_number:
            ui.loanEdit.setText(loan_number)
            self.lookup()
            ui.amountEdit.setFocus()

    def _source_changed(self) -> None:
        cash = self.ui.sourceCombo.currentData() == "kas"
        self.ui.excessCheck.setEnabled(cash)
        if not cash:
            self.ui.excessCheck.setChecked(False)
        self._timer.start()

    def lookup(self) -> None:
        number = self.ui.loanEdit.text().strip().upper()
        ui = self.ui
        self.detail = None
        self._looked_up = number
        if not number:
            self.update_preview()
            return
        try:
            self.detail = loan_views.get_loan(self.ctx.db, number, self.ctx.actor)
        except KoperasiError as exc:
            self.errors.set("loan", exc.message(self.ctx.lang))
            ui.memberLabel.clear()
            ui.principalLabel.clear()
            self.update_preview()
            return
        self.errors.set("loan", None)
        d = self.detail
        ui.memberLabel.setText(f"<b>{d.row.member_number} · {d.row.member_name}</b>")
        ui.principalLabel.setText(rp(d.row.principal_outstanding))
        self.update_preview()

    def update_preview(self) -> None:
        self._timer.stop()
        ui = self.ui
        if ui.loanEdit.text().strip().upper() != self._looked_up:
            self.lookup()  # calls back here once the loan is known
            return
        self.preview = None
        self.allocationModel.set_rows([])
        ui.afterLabel.clear()
        ui.amountWordsLabel.setText(
            terbilang(ui.amountEdit.value(), self.ctx.lang) if ui.amountEdit.value() else ""
        )
        self.errors.set("amount", None)
        self.errors.set("date", None)
        if not ui.amountEdit.is_valid():
            self.errors.set(
                "amount", self.tr("Jumlah tidak dikenali; tulis mis. 250.000 atau Rp 250.000.")
            )
            return
        if self.detail is None:
            ui.dueLabel.clear()
            ui.outstandingLabel.clear()
            return
        try:
            p = loan_repayments.preview_repayment(
                self.ctx.db,
                self.detail.number,
                ui.amountEdit.value(),
                to_date(ui.dateEdit.date()),
                excess_to_savings=ui.excessCheck.isChecked(),
                actor=self.ctx.actor,
            )
        except ValidationError as exc:
            self.errors.show(exc)
            if exc.field == "amount":
                ui.amountEdit.setFocus()
            return
        except KoperasiError as exc:
            self.errors.set("loan", exc.message(self.ctx.lang))
            return
        self.preview = p
        ui.dueLabel.setText(f"<b>{rp(p.due_now)}</b>")
        ui.outstandingLabel.setText(rp(p.outstanding))
        if p.amount is None:
            ui.amountEdit.setPlaceholderText(self.tr("kosong: {due}").format(due=rp(p.due_now)))
        self.allocationModel.set_rows(list(p.allocations))
        parts = [
            f"{label(COMPONENT_LABELS, c, self.ctx.lang)} {rp(p.component(c))}"
            for c in ("penalty", "fee", "interest", "principal")
            if p.component(c)
        ]
        text = " · ".join(parts)
        text += "<br>" + self.tr("Sisa pokok setelah bayar: <b>{after}</b>").format(
            after=rp(p.principal_after)
        )
        if p.excess:
            text += "<br>" + self.tr("Kelebihan {x} masuk simpanan sukarela.").format(
                x=rp(p.excess)
            )
        ui.afterLabel.setText(text)

    def save(self) -> None:
        if self.saving:
            return
        self.update_preview()
        ui, ctx = self.ui, self.ctx
        if self.detail is None:
            self.errors.set("loan", self.errors.message("loan") or self.tr("Isi nomor pinjaman."))
            return
        if self.errors.has_errors() or self.preview is None:
            return
        amount = ui.amountEdit.value()
        if amount is None:
            amount = self.preview.due_now
            if amount == 0:
                self.errors.set("amount", self.tr("Tidak ada yang jatuh tempo; isi jumlahnya."))
                return
        number, date = self.detail.number, to_date(ui.dateEdit.date())
        source, memo, excess = (
            ui.sourceCombo.currentData(),
            ui.memoEdit.text().strip(),
            ui.excessCheck.isChecked(),
        )
        self.post(
            lambda: loan_repayments.repay(
                ctx.db, ctx.actor, number, amount, date, source, memo, excess_to_savings=excess
            ),
            MONEY_CHANGES,
            self._done,
            confirmed=lambda: loan_repayments.repay(
                ctx.db,
                ctx.actor,
                number,
                amount,
                date,
                source,
                memo,
                excess_to_savings=excess,
                confirm_large=True,
            ),
        )

    def _done(self, view: LoanTxView) -> None:
        self.result_view = view
        self.posted.emit(view)
        self.accept()
        receipt = show_loan_receipt(self.ctx, view, self.parentWidget())
        if view.kind == "angsuran":
            from .lending_rules import reverse_or_request

            ctx = self.ctx
            receipt.offer_undo(
                self.tr("Angsuran {amount} · {loan} · {member} {name}").format(
                    amount=rp(view.amount),
                    loan=view.loan_number,
                    member=view.member_number,
                    name=view.member_name,
                ),
                # the same way as Balik transaksi: with four-eyes on reversals (issue 17)
                # this files the request a second user approves
                lambda date, reason: reverse_or_request(
                    ctx,
                    "loan_reversal",
                    view.loan_number,
                    date,
                    reason,
                    lambda: loan_reversals.reverse_repayment(
                        ctx.db, ctx.actor, view.loan_number, view.id, date, reason
                    ),
                    tx=view.id,
                ),
                MONEY_CHANGES,
            )
        self.receipt = receipt


class PayoffDialog(_LoanStepDialog):
    """Pelunasan dipercepat: the quote for the date, then the payoff for exactly that sum."""

    posted = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("loanPayoffDialog")
        self.setWindowTitle(self.tr("Pelunasan pinjaman"))
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("payoffDateEdit")
        self.sourceCombo = QComboBox()
        self.sourceCombo.setObjectName("payoffSourceCombo")
        for code in SOURCE_LABELS:
            self.sourceCombo.addItem(label(SOURCE_LABELS, code, ctx.lang), code)
        form.addRow(self.tr("Tanggal pelunasan"), self.dateEdit)
        form.addRow(self.tr("Sumber dana"), self.sourceCombo)
        self.body.addLayout(form)
        self.quoteLabel = QLabel()
        self.quoteLabel.setObjectName("payoffQuoteLabel")
        self.quoteLabel.setTextFormat(Qt.TextFormat.RichText)
        self.body.addWidget(self.quoteLabel)
        self.add_buttons(self.tr("Lunasi"), "confirmPayoffButton", self.confirm)
        self.quote: PayoffQuoteView | None = None
        self.dateEdit.dateChanged.connect(lambda _d: self.update_quote())
        self.update_quote()

    def update_quote(self) -> None:
        self.errors.clear()
        self.quote = None
        q = self.read_or_block(
            lambda: loan_repayments.payoff_quote(
                self.ctx.db, self.detail.number, to_date(self.dateEdit.date()), self.ctx.actor
            ),
            self.quoteLabel,
        )
        if q is None:
            return
        self.quote = q
        rows = [
            (self.tr("Sisa pokok"), q.principal),
            (self.tr("Bunga"), q.interest),
            (self.tr("Biaya"), q.fee),
            (self.tr("Denda"), q.penalty),
        ]
        html = "<table cellspacing='5'>" + "".join(
            f"<tr><td>{k}</td><td align='right'>{rp(v)}</td></tr>" for k, v in rows
        )
        html += (
            f"<tr><td><b>{self.tr('Jumlah pelunasan')}</b></td>"
            f"<td align='right'><b>{rp(q.total)}</b></td></tr></table>"
        )
        if q.interest_waived:
            html += self.tr("Bunga yang dibebaskan: {x}").format(x=rp(q.interest_waived))
        self.quoteLabel.setText(html)

    def confirm(self) -> None:
        if self.quote is None:
            return
        ctx, number, expected = self.ctx, self.detail.number, self.quote.total
        date, source = to_date(self.dateEdit.date()), self.sourceCombo.currentData()
        self.post(
            lambda: loan_repayments.payoff(ctx.db, ctx.actor, number, date, expected, source),
            MONEY_CHANGES,
            self._done,
        )

    def _done(self, view: LoanTxView) -> None:
        self.posted.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())


def show_loan_receipt(
    ctx: AppContext, view: LoanTxView, parent: QWidget | None, remaining: int | None = None
) -> LoanReceiptDialog:
    dlg = LoanReceiptDialog(ctx, view, parent, remaining)
    dlg.open()
    return dlg


class LoanReceiptDialog(ReceiptWindow):
    """Kuitansi for a loan transaction: what went to principal, interest, fee and penalty.
    For money received on a written-off loan, ``remaining`` is what is still owed of the
    amount written off."""

    def __init__(
        self,
        ctx: AppContext,
        view: LoanTxView,
        parent: QWidget | None = None,
        remaining: int | None = None,
    ) -> None:
        self.view = view
        self.remaining = remaining
        super().__init__(
            ctx, self.tr("Kuitansi {no}").format(no=view.receipt_no or "-"), "loanReceipt", parent
        )

    def html(self) -> str:
        v, lang = self.view, self.ctx.lang
        rows = [(self.tr("Pinjaman"), v.loan_number)]
        if v.kind == "pemulihan":
            rows.append((self.tr("Status pinjaman"), status_label(v.loan_status_after, lang)))
            if self.remaining is not None:
                rows.append((self.tr("Sisa yang belum diterima"), rp(self.remaining)))
        return paper_html(self.ctx, v.receipt_no, rows)


# ---------------------------------------------------------------- restructure, write off, recover


class RescheduleDialog(FormDialog):
    """Restrukturisasi: new tenor, rate, method and start for the principal outstanding. The
    new schedule (with unpaid interest and fees carried into its first installment) is shown
    as the terms are typed, before anything is written; a reason is required."""

    rescheduled = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        lang = ctx.lang
        self.ui = Ui_LoanRescheduleForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("loanRescheduleDialog")
        title = self.tr("Restrukturisasi pinjaman")
        self.setWindowTitle(title)
        ui.titleLabel.setText(f"<h3>{title}</h3>")
        unit = label(UNIT_LABELS, detail.unit, lang)
        per = label(RATE_PER_LABELS, detail.rate_per, lang)
        unpaid = [r for r in detail.schedule if r.unpaid > 0]
        ui.infoLabel.setText(
            loan_heading(detail, lang)
            + "<br>"
            + self.tr(
                "Syarat sekarang: {term} × {every} {unit} · bunga {rate} % {per} · {method}"
            ).format(
                term=detail.row.term,
                every=detail.every,
                unit=unit,
                rate=format_decimal(detail.rate),
                per=per,
                method=label(METHOD_LABELS, detail.method, lang),
            )
            + "<br>"
            + self.tr(
                "Sisa pokok <b>{out}</b> · {n} angsuran belum lunas · {cls}. "
                "Sisa pokok itu mendapat jadwal baru mulai tanggal restrukturisasi."
            ).format(
                out=rp(detail.row.principal_outstanding),
                n=len(unpaid),
                cls=class_label(detail.row.quality_class, lang),
            )
        )
        setup_date_edit(ui.dateEdit, ctx.today())
        setup_date_edit(ui.firstDueEdit, ctx.today() + dt.timedelta(days=30))
        ui.termSpin.setSuffix(f" × {detail.every} {unit}")
        ui.termSpin.setValue(max(1, len(unpaid)))
        ui.label_rateEdit.setText(self.tr("Suku &bunga (% {per})").format(per=per))
        ui.rateEdit.setText(format_decimal(detail.rate))
        for code in METHOD_LABELS:
            ui.methodCombo.addItem(label(METHOD_LABELS, code, lang), code)
        ui.methodCombo.setCurrentIndex(max(0, ui.methodCombo.findData(detail.method)))
        setup_buttons(
            ui.buttonBox,
            self.tr("Simpan jadwal baru"),
            "confirmRescheduleButton",
            self.tr("Batal"),
            self.save,
            self.reject,
        )
        self.errors = FieldErrors(ui.generalError, lang, self)
        add_error_rows(
            self.errors,
            ui.rescheduleLayout,
            (
                ("date", ui.dateEdit),
                ("term", ui.termSpin),
                ("rate", ui.rateEdit),
                ("method", ui.methodCombo),
                ("first_due", ui.firstDueEdit),
                ("reason", ui.reasonEdit),
            ),
        )
        self.previewModel = RowsModel(
            [
                (self.tr("Ke"), lambda r: r.no, "int"),
                (self.tr("Jatuh tempo"), lambda r: r.due_date, "date"),
                (self.tr("Pokok"), lambda r: r.principal, "money"),
                (self.tr("Bunga"), lambda r: r.interest, "money"),
                (self.tr("Biaya"), lambda r: r.fee or None, "money"),
                (self.tr("Angsuran"), lambda r: r.total, "money"),
                (self.tr("Sisa pokok"), lambda r: r.balance, "money"),
            ],
            self,
        )
        setup_table(ui.previewTable, "rescheduleScheduleTable")
        ui.previewTable.setModel(self.previewModel)
        ui.previewTable.setMinimumWidth(520)
        self.preview: ReschedulePreview | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(250)
        self._timer.timeout.connect(self.update_preview)
        ui.termSpin.valueChanged.connect(lambda _v: self._timer.start())
        ui.rateEdit.textChanged.connect(lambda _t: self._timer.start())
        ui.methodCombo.currentIndexChanged.connect(lambda _i: self._timer.start())
        ui.dateEdit.dateChanged.connect(lambda _d: self._timer.start())
        ui.firstDueEdit.dateChanged.connect(lambda _d: self._timer.start())
        ui.firstDueCheck.toggled.connect(self._first_due_toggled)
        ui.reasonEdit.textChanged.connect(lambda _t: self.errors.set("reason", None))
        self.dirty.watch(ui.rateEdit, ui.reasonEdit, ui.methodCombo, ui.firstDueCheck)
        ui.termSpin.valueChanged.connect(self.dirty.mark)
        self.update_preview()
        ui.termSpin.setFocus()

    def _first_due_toggled(self, on: bool) -> None:
        self.ui.firstDueEdit.setEnabled(on)
        self._timer.start()

    def terms(self) -> dict | None:
        """The terms as typed (None: the rate is not a number)."""
        ui = self.ui
        try:
            rate = parse_decimal(ui.rateEdit.text())
        except ValueError:
            return None
        method = ui.methodCombo.currentData()
        return {
            "date": to_date(ui.dateEdit.date()),
            "term": ui.termSpin.value(),
            "rate": None if rate is None or rate == self.detail.rate else rate,
            "method": None if method == self.detail.method else method,
            "first_due": to_date(ui.firstDueEdit.date()) if ui.firstDueCheck.isChecked() else None,
        }

    def update_preview(self) -> None:
        """The new schedule for the terms as typed (nothing is written)."""
        self._timer.stop()
        ui, ctx = self.ui, self.ctx
        self.preview = None
        for key in ("date", "term", "rate", "method", "first_due", "loan", "principal"):
            self.errors.set(key, None)
        self.errors.set("_general", None)
        self.previewModel.set_rows([])
        ui.totalsLabel.clear()
        terms = self.terms()
        if terms is None:
            self.errors.set("rate", self.tr("Suku bunga tidak dikenali; tulis mis. 1,5."))
            return
        try:
            p = loan_actions.preview_reschedule(
                ctx.db, self.detail.number, actor=ctx.actor, **terms
            )
        except ValidationError as exc:
            self.errors.set(exc.field, exc.message(ctx.lang))
            return
        except KoperasiError as exc:
            self.errors.show(exc)
            return
        self.preview = p
        self.previewModel.set_rows(list(p.rows))
        ui.previewTable.resizeColumnsToContents()
        first = p.rows[0]
        if not ui.firstDueCheck.isChecked():  # offer the computed date when it is ticked
            ui.firstDueEdit.blockSignals(True)
            ui.firstDueEdit.setDate(to_qdate(first.due_date))
            ui.firstDueEdit.blockSignals(False)
        text = self.tr(
            "Angsuran pertama <b>{first}</b> pada {date} · total bunga <b>{interest}</b> · "
            "total dibayar <b>{total}</b>"
        ).format(
            first=rp(first.total),
            date=fmt_date(first.due_date),
            interest=rp(p.total_interest),
            total=rp(p.total),
        )
        if p.carried_interest and p.carried_fee:
            text += "<br>" + self.tr(
                "Bunga tertunggak {interest} dan biaya {fee} masuk angsuran pertama."
            ).format(interest=rp(p.carried_interest), fee=rp(p.carried_fee))
        elif p.carried_interest:
            text += "<br>" + self.tr("Bunga tertunggak {interest} masuk angsuran pertama.").format(
                interest=rp(p.carried_interest)
            )
        elif p.carried_fee:
            text += "<br>" + self.tr("Biaya tertunggak {fee} masuk angsuran pertama.").format(
                fee=rp(p.carried_fee)
            )
        if p.penalty_waived:
            text += "<br>" + self.tr("Denda {penalty} yang belum dibayar dihapuskan.").format(
                penalty=rp(p.penalty_waived)
            )
        ui.totalsLabel.setText(text)

    def save(self) -> None:
        if self.saving:
            return
        self.update_preview()
        ui, ctx = self.ui, self.ctx
        reason = self.required_text("reason", ui.reasonEdit)
        if not reason:
            return
        terms = self.terms()
        if self.preview is None or terms is None:
            return
        number = self.detail.number
        self.post(
            lambda: loan_workout.reschedule(
                ctx.db,
                ctx.actor,
                number,
                terms["date"],
                terms["term"],
                reason,
                rate=terms["rate"],
                method=terms["method"],
                first_due=terms["first_due"],
            ),
            {LOANS, MEMBERS},
            self._done,
        )

    def _done(self, detail: LoanDetail) -> None:
        self.rescheduled.emit(detail)
        self.accept()


class WriteOffDialog(_LoanStepDialog):
    """Hapus buku: the principal outstanding, the allowance (PPAP) already held for it and
    the journal entry in words, for the date; a reason is required and asked once more."""

    written_off = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("loanWriteOffDialog")
        self.setWindowTitle(self.tr("Hapus buku pinjaman"))
        self.setMinimumWidth(560)
        self.summaryLabel = add_wrapped_label(self.body, name="writeOffSummary")
        self.summaryLabel.setTextFormat(Qt.TextFormat.RichText)
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("writeOffDateEdit")
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("writeOffReasonEdit")
        self.reasonEdit.setPlaceholderText(
            self.tr("mis. anggota pindah tanpa alamat; keputusan rapat pengurus 20/11")
        )
        self.dateError = self.add_field(form, self.tr("Tanggal hapus buku"), "date", self.dateEdit)
        self.reasonError = self.add_field(form, self.tr("Alasan"), "reason", self.reasonEdit)
        self.body.addLayout(form)
        self.add_buttons(self.tr("Hapus buku"), "confirmWriteOffButton", self.confirm)
        self.preview: WriteOffPreview | None = None
        self.dateEdit.dateChanged.connect(lambda _d: self.update_preview())
        self.reasonEdit.textChanged.connect(lambda _t: self.errors.set("reason", None))
        self.update_preview()
        self.reasonEdit.setFocus()

    def update_preview(self) -> None:
        ctx, lang = self.ctx, self.ctx.lang
        self.preview = None
        self.errors.set("date", None)
        self.errors.set("_general", None)
        date = to_date(self.dateEdit.date())
        p = self.read_or_block(
            lambda: loan_actions.write_off_preview(ctx.db, self.detail.number, date, ctx.actor),
            self.summaryLabel,
        )
        if p is None:
            return
        self.preview = p
        if p.earliest_date is not None and date < p.earliest_date:
            self.errors.set(
                "date",
                self.tr("Tanggal hapus buku tidak boleh sebelum {date}.").format(
                    date=long_date(p.earliest_date, lang)
                ),
            )
        lines = [
            self.tr("Sisa pokok yang dihapus buku: <b>{amount}</b>").format(amount=rp(p.principal)),
            self.tr("Cadangan (PPAP) yang sudah dibentuk untuk pinjaman ini: {ppap}").format(
                ppap=rp(p.ppap_booked)
            ),
            self.tr("Kolektibilitas: {cls}").format(cls=class_label(p.quality_class, lang))
            + (
                self.tr(" · menunggak sejak {date}").format(date=long_date(p.overdue_since, lang))
                if p.overdue_since
                else ""
            ),
        ]
        if p.quality_class != "macet":
            lines.append(
                "<span style='color:#b00020'>"
                + self.tr(
                    "Perhatian: pinjaman ini belum berkolektibilitas Macet; biasanya hanya "
                    "pinjaman macet yang dihapus buku."
                )
                + "</span>"
            )
        effect = []
        if p.from_allowance:
            effect.append(
                self.tr(
                    "{amount} ditutup dari cadangan: debit 1.29 Penyisihan Penghapusan Pinjaman."
                ).format(amount=rp(p.from_allowance))
            )
        if p.to_expense:
            effect.append(
                self.tr(
                    "{amount} belum dicadangkan, dibebankan sekarang: debit 5.40 Beban "
                    "Penyisihan Pinjaman."
                ).format(amount=rp(p.to_expense))
            )
        effect.append(
            self.tr("Kredit 1.20 Pinjaman Anggota {amount}: pinjaman keluar dari neraca.").format(
                amount=rp(p.principal)
            )
        )
        if p.released:
            effect.append(
                self.tr("Cadangan lebih {amount} dikembalikan: debit 1.29, kredit 5.40.").format(
                    amount=rp(p.released)
                )
            )
        html = "<br>".join(lines)
        html += "<p><b>" + self.tr("Jurnal yang dibukukan") + "</b></p><ul>"
        html += "".join(f"<li>{e}</li>" for e in effect) + "</ul>"
        notes = []
        if p.unpaid_interest:
            notes.append(
                self.tr(
                    "Bunga tertunggak {amount} belum pernah dicatat sebagai pendapatan (basis "
                    "kas), jadi tidak ikut dijurnal."
                ).format(amount=rp(p.unpaid_interest))
            )
        notes.append(
            self.tr(
                "Kas tidak berubah. Tagihan kepada anggota tetap dicatat; uang yang kelak "
                "diterima dibukukan sebagai Pendapatan Lain (4.90)."
            )
        )
        html += "<p>" + " ".join(notes) + "</p>"
        self.summaryLabel.setText(html)

    def confirm(self) -> None:
        self.update_preview()
        ctx = self.ctx
        reason = self.required_text("reason", self.reasonEdit)
        if not reason:
            return
        if self.preview is None or self.errors.has_errors():
            return
        number, date, amount = (
            self.detail.number,
            to_date(self.dateEdit.date()),
            self.preview.principal,
        )
        if not dialogs.confirm(
            self,
            self.tr("Hapus buku pinjaman"),
            self.tr(
                "Hapus buku pinjaman {loan} ({member}) sebesar {amount} per {date}?<br>"
                "Pinjaman tidak lagi aktif dan langkah ini tidak dapat dibalik."
            ).format(
                loan=number,
                member=self.detail.row.member_name,
                amount=rp(amount),
                date=long_date(date, ctx.lang),
            ),
            self.tr("Hapus buku"),
        ):
            return
        from ...services import approvals as approvals_service

        if approvals_service.needs_approval(ctx.db, "write_off"):
            # four-eyes (issue 17): a second user approves the request and writes it off
            self.post(
                lambda: approvals_service.request(
                    ctx.db, ctx.actor, "write_off", number, date, reason
                ),
                {LOANS},
                self._requested,
            )
            return
        self.post(
            lambda: loan_workout.write_off(ctx.db, ctx.actor, number, date, reason),
            MONEY_CHANGES,
            self._done,
        )

    def _requested(self, request) -> None:
        self.accept()
        dialogs.inform(
            self.parentWidget(),
            self.tr("Hapus buku"),
            self.tr(
                "Permintaan hapus buku no. {id} dicatat; pinjaman dihapus buku setelah "
                "disetujui pengguna lain (Pinjaman > Menunggu persetujuan)."
            ).format(id=request.id),
        )

    def _done(self, view: LoanTxView) -> None:
        self.written_off.emit(view)
        self.accept()
        dialogs.inform(
            self.parentWidget(),
            self.tr("Hapus buku"),
            self.tr("Pinjaman {loan} dihapus buku: {amount}.").format(
                loan=view.loan_number, amount=rp(view.amount)
            ),
        )


class RecoveryDialog(_LoanStepDialog):
    """Penerimaan atas pinjaman yang dihapus buku: cash into the till, up to what is still
    owed of the amount written off; the receipt follows."""

    posted = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(ctx, detail, parent)
        self.setObjectName("loanRecoveryDialog")
        self.setWindowTitle(self.tr("Penerimaan pinjaman dihapus buku"))
        self.setMinimumWidth(480)
        self.statusLabel = add_wrapped_label(self.body, name="recoveryStatusLabel")
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("recoveryDateEdit")
        self.amountEdit = MoneyEdit()
        self.amountEdit.setObjectName("recoveryAmountEdit")
        self.wordsLabel = QLabel()
        self.wordsLabel.setWordWrap(True)
        self.memoEdit = QLineEdit()
        self.memoEdit.setObjectName("recoveryMemoEdit")
        self.memoEdit.setPlaceholderText(self.tr("mis. dibayar keluarga anggota"))
        self.dateError = self.add_field(form, self.tr("Tanggal terima"), "date", self.dateEdit)
        self.amountError = self.add_field(
            form, self.tr("Jumlah diterima (Rp)"), "amount", self.amountEdit
        )
        form.addRow(self.tr("Terbilang"), self.wordsLabel)
        form.addRow(self.tr("Keterangan"), self.memoEdit)
        self.body.addLayout(form)
        add_wrapped_label(
            self.body, self.tr("Diterima tunai: debit 1.01 Kas, kredit 4.90 Pendapatan Lain.")
        )
        self.add_buttons(self.tr("Terima pembayaran"), "confirmRecoveryButton", self.save)
        self.status: RecoveryStatus | None = None
        self.amountEdit.valueChanged.connect(lambda _v: self.check_amount())
        self.dateEdit.dateChanged.connect(lambda _d: self.errors.set("date", None))
        self.dirty.watch(self.amountEdit, self.memoEdit)
        self.load_status()
        self.amountEdit.setFocus()

    def load_status(self) -> None:
        st = self.read_or_block(
            lambda: loan_actions.recovery_status(self.ctx.db, self.detail.number, self.ctx.actor),
        )
        if st is None:
            return
        self.status = st
        self.statusLabel.setText(
            self.tr(
                "Dihapus buku {date}: {written} · sudah diterima kembali {recovered} · "
                "sisa <b>{remaining}</b>"
            ).format(
                date=long_date(st.written_off_on, self.ctx.lang) if st.written_off_on else "-",
                written=rp(st.written_off),
                recovered=rp(st.recovered),
                remaining=rp(st.remaining),
            )
        )
        if st.remaining <= 0:
            self.errors.set(
                "_general", self.tr("Seluruh jumlah yang dihapus buku sudah diterima kembali.")
            )
            self.buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(False)

    def check_amount(self) -> bool:
        """The amount as typed: a number, more than zero, not more than what is left."""
        amount = self.amountEdit.value()
        self.wordsLabel.setText(terbilang(amount, self.ctx.lang) if amount else "")
        message = None
        if not self.amountEdit.is_valid():
            message = self.tr("Jumlah tidak dikenali; tulis mis. 250.000 atau Rp 250.000.")
        elif amount is None or amount <= 0:
            message = ValidationError("amount", "must_be_positive").message(self.ctx.lang)
        elif self.status is not None and amount > self.status.remaining:
            message = self.tr("Melebihi sisa yang dihapus buku ({remaining}).").format(
                remaining=rp(self.status.remaining)
            )
        self.errors.set("amount", message)
        return message is None

    def save(self) -> None:
        if self.saving or self.status is None:
            return
        self.errors.set("date", None)
        self.errors.set("_general", None)
        if not self.check_amount():
            self.amountEdit.setFocus()
            return
        ctx, number = self.ctx, self.detail.number
        amount = self.amountEdit.value()
        assert amount is not None
        date, memo = to_date(self.dateEdit.date()), self.memoEdit.text().strip()
        self.post(
            lambda: loan_workout.recover(ctx.db, ctx.actor, number, amount, date, memo),
            MONEY_CHANGES,
            self._done,
        )

    def _done(self, view: LoanTxView) -> None:
        self.posted.emit(view)
        self.accept()
        remaining = self.status.remaining - view.amount if self.status else None
        show_loan_receipt(self.ctx, view, self.parentWidget(), remaining)

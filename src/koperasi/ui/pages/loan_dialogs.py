"""Loan steps after the application: approve or refuse, disburse, take a repayment (with the
split shown before confirming), pay off early (from a quote), and the loan receipt."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.fmt import terbilang
from ...errors import KoperasiError, ValidationError
from ...services import loan_repayments as repay_service
from ...services import loans as loans_service
from ...services.loan_repayments import PayoffQuoteView, RepaymentPreview
from ...services.loans import LoanDetail, LoanTxView
from .. import dialogs
from ..context import LEDGER, LOANS, MEMBERS, SAVINGS, AppContext
from ..forms.loan_repayment_ui import Ui_LoanRepaymentForm
from ..receipts import ReceiptWindow
from ..widgets import DirtyTracker, FieldErrors, rp, setup_date_edit, to_date
from .base import RowsModel, fmt_date, setup_table
from .loan_labels import COMPONENT_LABELS, SOURCE_LABELS, kind_label, label, status_label

MONEY_CHANGES = frozenset({LOANS, LEDGER, SAVINGS, MEMBERS})


def _buttons(dialog: QDialog, ok_text: str, ok_name: str) -> QDialogButtonBox:
    box = QDialogButtonBox(
        QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
    )
    ok = box.button(QDialogButtonBox.StandardButton.Ok)
    ok.setText(ok_text)
    ok.setObjectName(ok_name)
    box.button(QDialogButtonBox.StandardButton.Cancel).setText(dialog.tr("Batal"))
    box.rejected.connect(dialog.reject)
    return box


def loan_heading(d: LoanDetail, lang: str) -> str:
    return (
        f"<b>{d.number}</b> · {d.row.member_number} {d.row.member_name} · "
        f"{rp(d.row.amount)} · {status_label(d.status, lang)}"
    )


class DecisionDialog(QDialog):
    """Setujui (with an optional note) or tolak (with a required reason) an application."""

    decided = Signal(object)

    def __init__(
        self, ctx: AppContext, detail: LoanDetail, approve: bool, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx, self.detail, self.approve = ctx, detail, approve
        self.setObjectName("loanApproveDialog" if approve else "loanRejectDialog")
        self.setWindowTitle(self.tr("Setujui pinjaman") if approve else self.tr("Tolak pinjaman"))
        layout = QVBoxLayout(self)
        info = QLabel(loan_heading(detail, ctx.lang) + f"<br>{detail.purpose}")
        info.setWordWrap(True)
        layout.addWidget(info)
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
        form.addRow(self.tr("Tanggal"), self.dateEdit)
        self.dateError = QLabel()
        form.addRow("", self.dateError)
        form.addRow(self.tr("Catatan") if approve else self.tr("Alasan"), self.noteEdit)
        self.noteError = QLabel()
        form.addRow("", self.noteError)
        layout.addLayout(form)
        self.general = QLabel()
        layout.addWidget(self.general)
        self.errors = FieldErrors(self.general, ctx.lang, self)
        self.errors.add("date", self.dateEdit, self.dateError)
        self.errors.add("reason", self.noteEdit, self.noteError)
        self.buttons = _buttons(
            self,
            self.tr("Setujui") if approve else self.tr("Tolak pengajuan"),
            "confirmDecisionButton",
        )
        self.buttons.accepted.connect(self.confirm)
        layout.addWidget(self.buttons)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        date, note = to_date(self.dateEdit.date()), self.noteEdit.text()
        if self.approve:
            fn = lambda: loans_service.approve(ctx.db, ctx.actor, number, date, note)  # noqa: E731
        else:
            fn = lambda: loans_service.reject(ctx.db, ctx.actor, number, date, note)  # noqa: E731
        ctx.write(fn, changes={LOANS}, on_done=self._done, on_error=self.errors.show, parent=self)

    def _done(self, detail: LoanDetail) -> None:
        self.decided.emit(detail)
        self.accept()


class DisburseDialog(QDialog):
    """Cairkan: cash from the till or into the member's sukarela account; the fee per the
    product (deducted or paid in cash). The receipt follows."""

    disbursed = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.setObjectName("loanDisburseDialog")
        self.setWindowTitle(self.tr("Pencairan pinjaman"))
        layout = QVBoxLayout(self)
        info = QLabel(loan_heading(detail, ctx.lang))
        info.setWordWrap(True)
        layout.addWidget(info)
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
        form.addRow(self.tr("Tanggal pencairan"), self.dateEdit)
        self.dateError = QLabel()
        form.addRow("", self.dateError)
        form.addRow(self.tr("Dicairkan"), self.toCombo)
        form.addRow(self.tr("Biaya administrasi"), self.feeCombo)
        layout.addLayout(form)
        self.general = QLabel()
        layout.addWidget(self.general)
        self.errors = FieldErrors(self.general, ctx.lang, self)
        self.errors.add("date", self.dateEdit, self.dateError)
        self.errors.add("disburse_to", self.toCombo, QLabel())
        self.buttons = _buttons(self, self.tr("Cairkan"), "confirmDisburseButton")
        self.buttons.accepted.connect(self.confirm)
        layout.addWidget(self.buttons)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.detail.number
        date = to_date(self.dateEdit.date())
        to, fee_mode = self.toCombo.currentData(), self.feeCombo.currentData()
        ctx.write(
            lambda: loans_service.disburse(ctx.db, ctx.actor, number, date, to, fee_mode),
            changes=MONEY_CHANGES,
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, view: LoanTxView) -> None:
        self.disbursed.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())


class RepaymentDialog(QDialog):
    """Angsuran: the split over penalty, fee, interest and principal (oldest installment
    first) is shown as the amount is typed, before anything is posted."""

    posted = Signal(object)

    def __init__(
        self, ctx: AppContext, loan_number: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        ok = ui.buttonBox.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Terima pembayaran"))
        ok.setObjectName("confirmRepaymentButton")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        for key, widget in (
            ("loan", ui.loanEdit),
            ("date", ui.dateEdit),
            ("amount", ui.amountEdit),
            ("source", ui.sourceCombo),
        ):
            error = QLabel()
            row, _role = ui.repaymentLayout.getWidgetPosition(widget)
            ui.repaymentLayout.insertRow(row + 1, "", error)
            self.errors.add(key, widget, error)
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
        self.dirty = DirtyTracker(self)
        self.dirty.watch(ui.amountEdit, ui.memoEdit)
        self.saving = False
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
            self.detail = loans_service.get_loan(self.ctx.db, number, self.ctx.actor)
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
            p = repay_service.preview_repayment(
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
        self.saving = True
        ctx.write(
            lambda: repay_service.repay(
                ctx.db, ctx.actor, number, amount, date, source, memo, excess_to_savings=excess
            ),
            changes=MONEY_CHANGES,
            on_done=self._saved,
            on_error=self._failed,
            parent=self,
        )

    def _saved(self, view: LoanTxView) -> None:
        self.saving = False
        self.result_view = view
        self.dirty.dirty = False
        self.posted.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())

    def _failed(self, exc: BaseException) -> bool:
        self.saving = False
        return self.errors.show(exc)

    def reject(self) -> None:
        if self.dirty.dirty and not dialogs.ask_discard(self):
            return
        super().reject()


class PayoffDialog(QDialog):
    """Pelunasan dipercepat: the quote for the date, then the payoff for exactly that sum."""

    posted = Signal(object)

    def __init__(self, ctx: AppContext, detail: LoanDetail, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx, self.detail = ctx, detail
        self.setObjectName("loanPayoffDialog")
        self.setWindowTitle(self.tr("Pelunasan pinjaman"))
        layout = QVBoxLayout(self)
        info = QLabel(loan_heading(detail, ctx.lang))
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("payoffDateEdit")
        self.sourceCombo = QComboBox()
        self.sourceCombo.setObjectName("payoffSourceCombo")
        for code in SOURCE_LABELS:
            self.sourceCombo.addItem(label(SOURCE_LABELS, code, ctx.lang), code)
        form.addRow(self.tr("Tanggal pelunasan"), self.dateEdit)
        form.addRow(self.tr("Sumber dana"), self.sourceCombo)
        layout.addLayout(form)
        self.quoteLabel = QLabel()
        self.quoteLabel.setObjectName("payoffQuoteLabel")
        self.quoteLabel.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.quoteLabel)
        self.general = QLabel()
        layout.addWidget(self.general)
        self.errors = FieldErrors(self.general, ctx.lang, self)
        self.buttons = _buttons(self, self.tr("Lunasi"), "confirmPayoffButton")
        self.buttons.accepted.connect(self.confirm)
        layout.addWidget(self.buttons)
        self.quote: PayoffQuoteView | None = None
        self.dateEdit.dateChanged.connect(lambda _d: self.update_quote())
        self.update_quote()

    def update_quote(self) -> None:
        self.errors.clear()
        self.quote = None
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        try:
            q = repay_service.payoff_quote(
                self.ctx.db, self.detail.number, to_date(self.dateEdit.date()), self.ctx.actor
            )
        except KoperasiError as exc:
            self.quoteLabel.clear()
            self.errors.show(exc)
            ok.setEnabled(False)
            return
        self.quote = q
        ok.setEnabled(True)
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
        ctx.write(
            lambda: repay_service.payoff(ctx.db, ctx.actor, number, date, expected, source),
            changes=MONEY_CHANGES,
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, view: LoanTxView) -> None:
        self.posted.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())


def show_loan_receipt(
    ctx: AppContext, view: LoanTxView, parent: QWidget | None
) -> LoanReceiptDialog:
    dlg = LoanReceiptDialog(ctx, view, parent)
    dlg.open()
    return dlg


class LoanReceiptDialog(ReceiptWindow):
    """Kuitansi for a loan transaction: what went to principal, interest, fee and penalty."""

    def __init__(self, ctx: AppContext, view: LoanTxView, parent: QWidget | None = None) -> None:
        self.view = view
        super().__init__(
            ctx, self.tr("Kuitansi {no}").format(no=view.receipt_no or "-"), "loanReceipt", parent
        )

    def html(self) -> str:
        v, lang = self.view, self.ctx.lang
        amount = abs(v.amount)
        rows = [
            (self.tr("No. kuitansi"), f"<b>{v.receipt_no or '-'}</b>"),
            (self.tr("Tanggal"), fmt_date(v.date)),
            (self.tr("Anggota"), f"{v.member_number} · {v.member_name}"),
            (self.tr("Pinjaman"), v.loan_number),
            (self.tr("Jumlah"), f"<b>{rp(amount)}</b>"),
            (self.tr("Terbilang"), f"<i>{terbilang(amount, lang)}</i>"),
        ]
        for comp, value in (
            ("principal", v.principal),
            ("interest", v.interest),
            ("fee", v.fee),
            ("penalty", v.penalty),
        ):
            if value:
                rows.append((label(COMPONENT_LABELS, comp, lang), rp(abs(value))))
        rows.append((self.tr("Sisa pokok"), rp(v.principal_outstanding_after)))
        return (
            f"<h3>{kind_label(v.kind, lang)}</h3><table cellspacing='6'>"
            + "".join(f"<tr><td>{k}</td><td>{val}</td></tr>" for k, val in rows)
            + "</table>"
        )

"""Loan payments: an instalment (angsuran) and paying a loan off early (pelunasan). Split from
:mod:`.loan_dialogs`.
"""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QLabel,
    QWidget,
)

from ...domain.fmt import terbilang
from ...errors import KoperasiError, ValidationError
from ...services.loans import repayments as loan_repayments
from ...services.loans import reversals as loan_reversals
from ...services.loans import views as loan_views
from ...services.loans.repayments import PayoffQuoteView, RepaymentPreview
from ...services.loans.views import LoanDetail, LoanTxView
from ..context import AppContext
from ..forms.loan_repayment_ui import Ui_LoanRepaymentForm
from ..widgets import (
    FieldErrors,
    rp,
    setup_date_edit,
    to_date,
)
from .base import RowsModel, setup_table
from .form_dialog import FormDialog, add_error_rows, setup_buttons
from .loan_dialogs import LoanStepDialog
from .loan_labels import (
    COMPONENT_LABELS,
    SOURCE_LABELS,
    label,
)
from .loan_receipt import show_loan_receipt


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
            )
        self.receipt = receipt


class PayoffDialog(LoanStepDialog):
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
            self._done,
        )

    def _done(self, view: LoanTxView) -> None:
        self.posted.emit(view)
        self.accept()
        show_loan_receipt(self.ctx, view, self.parentWidget())

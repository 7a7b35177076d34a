"""A loan in trouble: reschedule it (restrukturisasi), write it off (hapus buku), and book what is
recovered after the write-off. Split from :mod:`.loan_dialogs`.
"""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QDateEdit,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QWidget,
)

from ...domain.fmt import long_date, terbilang
from ...errors import KoperasiError, ValidationError
from ...services import loan_actions
from ...services.loan_actions import (
    RecoveryStatus,
    ReschedulePreview,
    WriteOffPreview,
)
from ...services.loans import workout as loan_workout
from ...services.loans.views import LoanDetail, LoanTxView
from .. import dialogs
from ..context import AppContext
from ..forms.loan_reschedule_ui import Ui_LoanRescheduleForm
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
from .loan_dialogs import LoanStepDialog, loan_heading
from .loan_labels import (
    METHOD_LABELS,
    RATE_PER_LABELS,
    UNIT_LABELS,
    class_label,
    label,
)
from .loan_receipt import show_loan_receipt

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
            self._done,
        )

    def _done(self, detail: LoanDetail) -> None:
        self.rescheduled.emit(detail)
        self.accept()


class WriteOffDialog(LoanStepDialog):
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
                self._requested,
            )
            return
        self.post(
            lambda: loan_workout.write_off(ctx.db, ctx.actor, number, date, reason),
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


class RecoveryDialog(LoanStepDialog):
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
            self._done,
        )

    def _done(self, view: LoanTxView) -> None:
        self.posted.emit(view)
        self.accept()
        remaining = self.status.remaining - view.amount if self.status else None
        show_loan_receipt(self.ctx, view, self.parentWidget(), remaining)

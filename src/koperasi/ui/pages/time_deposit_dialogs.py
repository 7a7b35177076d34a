"""Simpanan berjangka's dialogs: place a deposit, withdraw it (at maturity or early), its
maturity instruction, and the products. Split from :mod:`.time_deposits`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ...domain.schedule import add_months
from ...errors import KoperasiError, ValidationError
from ...messages import label
from ...services import plausibility
from ...services import time_deposit_products as td_products
from ...services import time_deposit_withdrawals as td_withdrawals
from ...services import time_deposits as td
from .. import dialogs
from ..context import AppContext
from ..widgets import FieldErrors, MoneyEdit, rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, fmt_date, setup_table
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons


def pct(value, lang: str) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "id" else text


def _buttons(dialog: QDialog, layout: QVBoxLayout, ok_text: str) -> QDialogButtonBox:
    return save_cancel_buttons(dialog, layout, ok_text, dialog.tr("Batal"))


def _combo(name: str, vocabulary: str, lang: str) -> QComboBox:
    combo = QComboBox()
    combo.setObjectName(name)
    from ...messages import vocabulary as vocab

    for code in vocab(vocabulary):
        combo.addItem(label(vocabulary, code, lang), code)
    return combo


class PlaceDepositDialog(QDialog):
    """Place a deposit: from cash or the member's sukarela; shows maturity and interest."""

    def __init__(
        self, ctx: AppContext, member_number: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("placeDepositDialog")
        self.setWindowTitle(self.tr("Tempatkan simpanan berjangka"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.memberEdit = QLineEdit(member_number or "")
        self.memberEdit.setObjectName("depositMemberEdit")
        self.memberEdit.setPlaceholderText(self.tr("mis. A00012"))
        self.productCombo = QComboBox()
        self.productCombo.setObjectName("depositProductCombo")
        self.products = {p.code: p for p in td_products.list_products(ctx.db, active_only=True)}
        for p in self.products.values():
            self.productCombo.addItem(f"{p.name} ({p.code})", p.code)
        self.amountEdit = MoneyEdit()
        self.amountEdit.setObjectName("depositAmountEdit")
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("depositDateEdit")
        self.sourceCombo = _combo("depositSourceCombo", "td_source", ctx.lang)
        self.instructionCombo = _combo("depositInstructionCombo", "td_instruction", ctx.lang)
        self.generalError = QLabel()
        self.generalError.setObjectName("placeDepositError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Nomor anggota"), self.memberEdit, "member"),
                (self.tr("P&roduk"), self.productCombo, "product"),
                (self.tr("N&ominal"), self.amountEdit, "amount"),
                (self.tr("&Tanggal"), self.dateEdit, "date"),
                (self.tr("&Sumber dana"), self.sourceCombo, "source"),
                (self.tr("Saat &jatuh tempo"), self.instructionCombo, "instruction"),
            ),
        )
        layout.addLayout(form)
        self.preview = QLabel()
        self.preview.setObjectName("placeDepositPreview")
        self.preview.setWordWrap(True)
        layout.addWidget(self.preview)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan")).accepted.connect(self.save)
        self.productCombo.currentIndexChanged.connect(lambda _i: self.update_preview())
        self.amountEdit.valueChanged.connect(lambda _v: self.update_preview())
        self.dateEdit.userDateChanged.connect(lambda _d: self.update_preview())
        self.result_view: td.DepositView | None = None
        if member_number:
            self.amountEdit.setFocus()
        self.update_preview()

    def update_preview(self) -> None:
        p = self.products.get(self.productCombo.currentData())
        amount = self.amountEdit.value()
        if p is None:
            self.preview.setText(self.tr("Belum ada produk simpanan berjangka (Produk...)."))
            return
        start = to_date(self.dateEdit.date())
        maturity = add_months(start, p.term_months, start.day)
        text = self.tr("Jatuh tempo {date} · bunga {rate} % setahun, {payout}").format(
            date=fmt_date(maturity),
            rate=pct(p.rate_pa, self.ctx.lang),
            payout=label("td_payout", p.payout, self.ctx.lang).lower(),
        )
        if amount:
            from decimal import Decimal

            monthly = td.monthly_interest(amount, Decimal(p.rate_pa), "half-up")
            text += "<br>" + self.tr("Bunga sebulan {monthly} (bruto); minimal {minimum}").format(
                monthly=rp(monthly), minimum=rp(p.min_amount)
            )
        self.preview.setText(text)

    def save(self, confirm_large: bool = False) -> None:
        self.errors.clear()
        ctx = self.ctx
        member = self.memberEdit.text().strip()
        amount = self.amountEdit.value()
        if not member:
            self.errors.set("member", self.tr("Isi nomor anggota."))
        if amount is None:
            self.errors.set("amount", self.tr("Isi nominal, mis. 10.000.000."))
        if self.productCombo.currentData() is None:
            self.errors.set("product", self.tr("Tambahkan dulu produk simpanan berjangka."))
        if self.errors.has_errors() or amount is None:
            return
        code = self.productCombo.currentData()
        date = to_date(self.dateEdit.date())
        source = self.sourceCombo.currentData()
        instruction = self.instructionCombo.currentData()
        ctx.write(
            lambda: td.place(
                ctx.db,
                ctx.actor,
                member,
                code,
                amount,
                date,
                source=source,
                instruction=instruction,
                confirm_large=confirm_large,
            ),  # fmt: skip
            on_done=self._done,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        """An amount far above the usual placement is asked about (default Batal), like the
        other large amounts; yes places it, Batal leaves the form with the message."""
        if (
            isinstance(exc, ValidationError)
            and exc.code in plausibility.CODES
            and dialogs.confirm_large_amount(self, exc.message(self.ctx.lang))
        ):
            self.save(confirm_large=True)
            return True
        return self.errors.show(exc)

    def _done(self, view: td.DepositView) -> None:
        self.result_view = view
        self.accept()


class WithdrawDepositDialog(QDialog):
    """Pay a deposit out; what the member gets (penalty, forfeited interest) shows first."""

    def __init__(self, ctx: AppContext, row: td.DepositView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setObjectName("withdrawDepositDialog")
        self.setWindowTitle(self.tr("Cairkan {number}").format(number=row.number))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                f"<b>{row.number}</b> · {row.member_number} {row.member_name} · "
                f"{rp(row.principal)} · "
                + self.tr("jatuh tempo {date}").format(date=fmt_date(row.maturity_on))
            )
        )
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("withdrawDepositDateEdit")
        self.toCombo = QComboBox()
        self.toCombo.setObjectName("withdrawDepositToCombo")
        self.toCombo.addItem(self.tr("Tunai (kas)"), "kas")
        self.toCombo.addItem(self.tr("Ke simpanan sukarela"), "sukarela")
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("withdrawDepositReasonEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("withdrawDepositError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Tanggal"), self.dateEdit, "date"),
                (self.tr("&Dicairkan ke"), self.toCombo, "payout_to"),
                (self.tr("&Alasan"), self.reasonEdit, "memo"),
            ),
        )
        layout.addLayout(form)
        self.quoteLabel = QLabel()
        self.quoteLabel.setObjectName("withdrawDepositQuote")
        self.quoteLabel.setWordWrap(True)
        layout.addWidget(self.quoteLabel)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Cairkan")).accepted.connect(self.save)
        self.dateEdit.userDateChanged.connect(lambda _d: self.update_quote())
        self.result_: td.Withdrawal | None = None
        self.update_quote()

    def update_quote(self) -> None:
        try:
            q = td_withdrawals.withdraw_quote(
                self.ctx.db, self.row.number, to_date(self.dateEdit.date()), self.ctx.actor
            )
        except KoperasiError as exc:
            self.quoteLabel.setText(exc.message(self.ctx.lang))
            return
        if q.early:
            text = self.tr(
                "<b>Sebelum jatuh tempo</b>: penalti {penalty}, bunga berjalan {forfeited} hangus. "
                "Dibayarkan <b>{paid}</b>."
            ).format(penalty=rp(q.penalty), forfeited=rp(q.forfeited), paid=rp(q.paid_out))
        else:
            text = self.tr(
                "Jatuh tempo: pokok {principal} + bunga {interest} − PPh {tax}. "
                "Dibayarkan <b>{paid}</b>."
            ).format(
                principal=rp(q.principal), interest=rp(q.interest_paid), tax=rp(q.tax),
                paid=rp(q.paid_out),
            )  # fmt: skip
        self.quoteLabel.setText(text)

    def save(self) -> None:
        self.errors.clear()
        ctx, number = self.ctx, self.row.number
        date, to, reason = (
            to_date(self.dateEdit.date()),
            self.toCombo.currentData(),
            self.reasonEdit.text(),
        )
        ctx.write(
            lambda: td_withdrawals.withdraw(ctx.db, ctx.actor, number, date, to=to, reason=reason),
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, result: td.Withdrawal) -> None:
        self.result_ = result
        self.accept()


class InstructionDialog(QDialog):
    """What happens at maturity: roll over (with or without the interest) or to sukarela."""

    def __init__(self, ctx: AppContext, row: td.DepositView, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setObjectName("depositInstructionDialog")
        self.setWindowTitle(self.tr("Instruksi jatuh tempo {number}").format(number=row.number))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.instructionCombo = _combo("instructionCombo", "td_instruction", ctx.lang)
        self.instructionCombo.setCurrentIndex(self.instructionCombo.findData(row.instruction))
        self.generalError = QLabel()
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            ((self.tr("&Saat jatuh tempo"), self.instructionCombo, "instruction"),),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan")).accepted.connect(self.save)

    def save(self) -> None:
        ctx, number, value = self.ctx, self.row.number, self.instructionCombo.currentData()
        ctx.write(
            lambda: td.set_instruction(ctx.db, ctx.actor, number, value),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class ProductsDialog(QDialog):
    """The time-deposit products: pick one to change it, or type a new code to add one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("depositProductsDialog")
        self.setWindowTitle(self.tr("Produk simpanan berjangka"))
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            [
                (self.tr("Kode"), lambda p: p.code, "text"),
                (self.tr("Nama"), lambda p: p.name, "text"),
                (self.tr("Bulan"), lambda p: p.term_months, "int"),
                (self.tr("Bunga %"), lambda p: pct(p.rate_pa, ctx.lang), "text"),
                (
                    self.tr("Bunga dibayar"),
                    lambda p: label("td_payout", p.payout, ctx.lang),
                    "text",
                ),
                (self.tr("Minimal"), lambda p: p.min_amount, "money"),
                (self.tr("Penalti %"), lambda p: pct(p.penalty_percent, ctx.lang), "text"),
                (
                    self.tr("Aktif"),
                    lambda p: self.tr("ya") if p.active else self.tr("tidak"),
                    "text",
                ),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "depositProductsTable", stretch_column=1)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        form = QFormLayout()
        self.codeEdit = QLineEdit()
        self.codeEdit.setObjectName("productCodeEdit")
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("productNameEdit")
        self.termSpin = QSpinBox()
        self.termSpin.setObjectName("productTermSpin")
        self.termSpin.setRange(1, td.MAX_TERM)
        self.termSpin.setValue(12)
        self.rateEdit = QLineEdit("6")
        self.rateEdit.setObjectName("productRateEdit")
        self.payoutCombo = _combo("productPayoutCombo", "td_payout", ctx.lang)
        self.minEdit = MoneyEdit()
        self.minEdit.setObjectName("productMinEdit")
        self.penaltyEdit = QLineEdit("1")
        self.penaltyEdit.setObjectName("productPenaltyEdit")
        self.activeCheck = QCheckBox(self.tr("Produk a&ktif"))
        self.activeCheck.setObjectName("productActiveCheck")
        self.activeCheck.setChecked(True)
        self.generalError = QLabel()
        self.generalError.setObjectName("depositProductError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("K&ode"), self.codeEdit, "product_code"),
                (self.tr("&Nama"), self.nameEdit, "name"),
                (self.tr("&Jangka waktu (bulan)"), self.termSpin, "term_months"),
                (self.tr("&Bunga % per tahun"), self.rateEdit, "rate"),
                (self.tr("Bunga &dibayar"), self.payoutCombo, "payout"),
                (self.tr("Penempatan &minimal"), self.minEdit, "min_amount"),
                (
                    self.tr("&Penalti pencairan awal (% nominal)"),
                    self.penaltyEdit,
                    "penalty_percent",
                ),
            ),
        )
        form.addRow("", self.activeCheck)
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan produk")).accepted.connect(self.save)
        self.table.clicked.connect(lambda _i: self.load_selected())
        self.table.activated.connect(lambda _i: self.load_selected())
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(td_products.list_products(self.ctx.db))

    def load_selected(self) -> None:
        p = self.model.row(self.table.currentIndex())
        if p is None:
            return
        self.codeEdit.setText(p.code)
        self.nameEdit.setText(p.name)
        self.termSpin.setValue(p.term_months)
        self.rateEdit.setText(pct(p.rate_pa, "id"))
        self.payoutCombo.setCurrentIndex(self.payoutCombo.findData(p.payout))
        self.minEdit.setValue(p.min_amount)
        self.penaltyEdit.setText(pct(p.penalty_percent, "id"))
        self.activeCheck.setChecked(p.active)

    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        data = td.ProductInput(
            self.codeEdit.text(),
            self.nameEdit.text(),
            self.termSpin.value(),
            self.rateEdit.text(),  # type: ignore[arg-type]  # checked by the service
            self.payoutCombo.currentData(),
            self.minEdit.value() or 0,
            self.penaltyEdit.text(),  # type: ignore[arg-type]
            self.activeCheck.isChecked(),
        )
        ctx.write(
            lambda: td_products.save_product(ctx.db, ctx.actor, data),
            on_done=lambda _v: self.refresh(),
            on_error=self.errors.show,
            parent=self,
        )

"""Simpanan › Simpanan berjangka: the time deposits (of the member typed above, or of
everyone), placing one, paying one out (with the penalty before maturity shown first), the
maturity instruction, the products, the bilyet and the maturity list. Admin and bendahara
write (products: admin); a pengawas reads; a ketua kelompok sees their groups' deposits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.schedule import add_months
from ...errors import KoperasiError, ValidationError
from ...messages import label
from ...services import plausibility
from ...services import time_deposit_products as td_products
from ...services import time_deposit_reads as td_reads
from ...services import time_deposit_withdrawals as td_withdrawals
from ...services import time_deposits as td
from .. import dialogs
from ..context import LEDGER, MEMBERS, SAVINGS, AppContext
from ..widgets import FieldErrors, MoneyEdit, rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, fmt_date, setup_table
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons

CHANGES = frozenset({SAVINGS, LEDGER, MEMBERS})


def _pct(value, lang: str) -> str:
    text = format(value.normalize(), "f")
    return text.replace(".", ",") if lang == "id" else text


def add_time_deposits_tab(ctx: AppContext, tabs: QTabWidget, member_number) -> TimeDepositsTab:
    """Add the tab; ``member_number()`` is the member the page shows (None: everyone)."""
    tab = TimeDepositsTab(ctx, member_number)
    tabs.addTab(tab, tab.title())
    return tab


class TimeDepositsTab(QWidget):
    def __init__(self, ctx: AppContext, member_number, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_number = member_number
        self.setObjectName("timeDepositsTab")
        self.last_certificate: Path | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.allCheck = QCheckBox(self.tr("Termasuk yang sudah &dicairkan"))
        self.allCheck.setObjectName("depositsAllCheck")
        bar.addWidget(self.allCheck)
        bar.addStretch(1)
        self.placeButton = QPushButton(self.tr("Te&mpatkan..."))
        self.placeButton.setObjectName("placeDepositButton")
        self.withdrawButton = QPushButton(self.tr("Cair&kan..."))
        self.withdrawButton.setObjectName("withdrawDepositButton")
        self.cancelButton = QPushButton(self.tr("Batalkan pe&nempatan..."))
        self.cancelButton.setObjectName("cancelDepositButton")
        self.instructionButton = QPushButton(self.tr("&Instruksi..."))
        self.instructionButton.setObjectName("depositInstructionButton")
        self.certificateButton = QPushButton(self.tr("Bil&yet..."))
        self.certificateButton.setObjectName("depositCertificateButton")
        self.maturityButton = QPushButton(self.tr("Daftar &jatuh tempo"))
        self.maturityButton.setObjectName("depositMaturityButton")
        self.productsButton = QPushButton(self.tr("&Produk..."))
        self.productsButton.setObjectName("depositProductsButton")
        writes = ctx.actor.can("savings.write")
        for b in (self.placeButton, self.withdrawButton, self.cancelButton, self.instructionButton):
            b.setVisible(writes)
        self.maturityButton.setVisible(ctx.actor.can("read.all"))
        self.productsButton.setVisible(ctx.actor.can("savings.product.write"))
        for b in (
            self.placeButton,
            self.withdrawButton,
            self.cancelButton,
            self.instructionButton,
            self.certificateButton,
            self.maturityButton,
            self.productsButton,
        ):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("Nomor bilyet"), lambda r: r.number, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Produk"), lambda r: r.product_name, "text"),
                (self.tr("Nominal"), lambda r: r.principal, "money"),
                (self.tr("Bunga % p.a."), lambda r: _pct(r.rate_pa, ctx.lang), "text"),
                (self.tr("Mulai"), lambda r: r.term_start, "date"),
                (self.tr("Jatuh tempo"), lambda r: r.maturity_on, "date"),
                (self.tr("Bunga dicadangkan"), lambda r: r.accrued, "money"),
                (
                    self.tr("Instruksi"),
                    lambda r: label("td_instruction", r.instruction, ctx.lang),
                    "text",
                ),
                (self.tr("Status"), lambda r: label("td_status", r.status, ctx.lang), "text"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "timeDepositsTable", stretch_column=2)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("timeDepositsSummary")
        layout.addWidget(self.summary)
        self.allCheck.toggled.connect(lambda _c: self.refresh())
        self.placeButton.clicked.connect(self.place)
        self.withdrawButton.clicked.connect(self.withdraw_selected)
        self.cancelButton.clicked.connect(self.cancel_selected)
        self.instructionButton.clicked.connect(self.instruction_selected)
        self.certificateButton.clicked.connect(self.certificate_selected)
        self.maturityButton.clicked.connect(self.maturity_list)
        self.productsButton.clicked.connect(self.products)

    def title(self) -> str:
        return self.tr("Simpanan berjangka")

    def refresh(self) -> None:
        status = None if self.allCheck.isChecked() else "aktif"
        try:
            rows = td_reads.list_deposits(
                self.ctx.db, self.ctx.actor, member_no=self.member_number(), status=status
            )
        except KoperasiError:
            rows = []
        self.model.set_rows(rows)
        active = [r for r in rows if r.status == "aktif"]
        self.summary.setText(
            self.tr("{n} bilyet aktif · nominal {amount} · bunga dicadangkan {accrued}").format(
                n=len(active),
                amount=rp(sum(r.principal for r in active)),
                accrued=rp(sum(r.accrued for r in active)),
            )
        )

    def selected(self) -> td.DepositView | None:
        return self.model.row(self.table.currentIndex())

    def _need_active(self, title: str) -> td.DepositView | None:
        row = self.selected()
        if row is None or row.status != "aktif":
            from .. import dialogs

            dialogs.inform(self, title, self.tr("Pilih dulu simpanan berjangka yang masih aktif."))
            return None
        return row

    def place(self) -> PlaceDepositDialog:
        dlg = PlaceDepositDialog(self.ctx, self.member_number(), self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def withdraw_selected(self) -> WithdrawDepositDialog | None:
        row = self._need_active(self.tr("Cairkan simpanan berjangka"))
        if row is None:
            return None
        dlg = WithdrawDepositDialog(self.ctx, row, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def cancel_selected(self):
        """Undo a mistaken placement (a reversal; only before any interest)."""
        from .savings import ReverseDialog

        row = self._need_active(self.tr("Batalkan penempatan"))
        if row is None:
            return None
        ctx, number = self.ctx, row.number
        dlg = ReverseDialog(
            ctx,
            f"{row.number} · {row.member_number} {row.member_name} · {rp(row.principal)}",
            lambda date, reason: td.cancel(ctx.db, ctx.actor, number, date, reason),
            self,
            CHANGES,
        )
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def instruction_selected(self) -> InstructionDialog | None:
        row = self._need_active(self.tr("Instruksi jatuh tempo"))
        if row is None:
            return None
        dlg = InstructionDialog(self.ctx, row, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def certificate_selected(self, path: str | None = None) -> None:
        row = self.selected()
        if row is None:
            from .. import dialogs

            dialogs.inform(self, self.tr("Bilyet"), self.tr("Pilih dulu simpanan berjangka."))
            return
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Simpan bilyet"),
                str(Path.home() / f"bilyet-{row.number}.pdf"),
                self.tr("PDF (*.pdf)"),
            )
            if not path:
                return
        ctx, number = self.ctx, row.number

        def run() -> Path:
            from ...reports import registry
            from ...reports.common import ReportParams

            return registry.run(
                ctx.db, "bilyet-berjangka", ReportParams(deposit=number), "pdf", path,
                ctx.lang, None, ctx.actor,
            )  # fmt: skip

        self.last_certificate = None
        ctx.read(run, on_done=self._opened, parent=self)

    def _opened(self, path: Path) -> None:
        self.last_certificate = path
        if QGuiApplication.platformName() != "offscreen":  # not in tests
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def maturity_list(self) -> None:
        self.ctx.bus.navigate.emit("reports", {"report": "jatuh-tempo-berjangka"})

    def products(self) -> ProductsDialog:
        dlg = ProductsDialog(self.ctx, self)
        dlg.open()
        return dlg


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
            rate=_pct(p.rate_pa, self.ctx.lang),
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
        if self.errors.has_errors():
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
            changes=CHANGES,
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
            changes=CHANGES,
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
            changes=CHANGES,
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
                (self.tr("Bunga %"), lambda p: _pct(p.rate_pa, ctx.lang), "text"),
                (
                    self.tr("Bunga dibayar"),
                    lambda p: label("td_payout", p.payout, ctx.lang),
                    "text",
                ),
                (self.tr("Minimal"), lambda p: p.min_amount, "money"),
                (self.tr("Penalti %"), lambda p: _pct(p.penalty_percent, ctx.lang), "text"),
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
        self.rateEdit.setText(_pct(p.rate_pa, "id"))
        self.payoutCombo.setCurrentIndex(self.payoutCombo.findData(p.payout))
        self.minEdit.setValue(p.min_amount)
        self.penaltyEdit.setText(_pct(p.penalty_percent, "id"))
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
            changes={SAVINGS},
            on_done=lambda _v: self.refresh(),
            on_error=self.errors.show,
            parent=self,
        )

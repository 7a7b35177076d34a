"""Loan products (produk pinjaman): the list and the form that adds or changes one."""

from __future__ import annotations

from dataclasses import fields, replace
from decimal import Decimal
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import ValidationError
from ...messages import vocabulary
from ...services import loan_products as products_service
from ...services.loan_products import ProductInput, ProductView
from .. import dialogs
from ..context import AppContext
from ..forms.loan_product_form_ui import Ui_LoanProductForm
from ..widgets import (
    DirtyTracker,
    FieldErrors,
    MoneyEdit,
    format_decimal,
    parse_decimal,
    rp,
)
from .base import DataTable, RowsModel, setup_table
from .loan_labels import (
    FEE_KIND_LABELS,
    FEE_MODE_LABELS,
    METHOD_LABELS,
    PAYOFF_LABELS,
    PENALTY_KIND_LABELS,
    RATE_PER_LABELS,
    UNIT_LABELS,
    label,
)

INPUT_FIELDS = tuple(f.name for f in fields(ProductInput))

# a number field's fallback: Decimal(0) for the percents, None for the optional ones
_D = TypeVar("_D", Decimal, None)


def fill_combo(combo: QComboBox, table: dict[str, tuple[str, str]], lang: str, codes=None) -> None:
    combo.clear()
    for code in codes or table:
        combo.addItem(label(table, code, lang), code)


def select_code(combo: QComboBox, code: str | None) -> None:
    i = combo.findData(code)
    if i >= 0:
        combo.setCurrentIndex(i)


class LoanProductDialog(QDialog):
    """Add a product (``code`` None) or change one; the service validates every field."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, code: str | None = None, parent: QWidget | None = None):
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.ui = Ui_LoanProductForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("loanProductDialog")
        lang = ctx.lang
        title = self.tr("Produk pinjaman baru") if code is None else self.tr("Ubah produk pinjaman")
        self.setWindowTitle(title)
        ui.titleLabel.setText(f"<h3>{title}</h3>")
        fill_combo(ui.methodCombo, METHOD_LABELS, lang)
        fill_combo(ui.ratePerCombo, RATE_PER_LABELS, lang)
        fill_combo(ui.unitCombo, UNIT_LABELS, lang, products_service.UNITS)
        fill_combo(ui.payoffCombo, PAYOFF_LABELS, lang)
        fill_combo(ui.feeKindCombo, FEE_KIND_LABELS, lang)
        fill_combo(ui.feeModeCombo, FEE_MODE_LABELS, lang)
        fill_combo(ui.penaltyKindCombo, PENALTY_KIND_LABELS, lang)
        fill_combo(ui.penaltyPerCombo, UNIT_LABELS, lang, products_service.PENALTY_PER)
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        save.setObjectName("saveProductButton")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors = FieldErrors(ui.generalError, lang, self)
        keys = {
            "code": ui.codeEdit,
            "name": ui.nameEdit,
            "method": ui.methodCombo,
            "rate": ui.rateEdit,
            "rate_per": ui.ratePerCombo,
            "min_amount": ui.minAmountEdit,
            "max_amount": ui.maxAmountEdit,
            "min_term": ui.minTermSpin,
            "max_term": ui.maxTermSpin,
            "every": ui.everySpin,
            "unit": ui.unitCombo,
            "payoff_policy": ui.payoffCombo,
            "fee_kind": ui.feeKindCombo,
            "fee_amount": ui.feeAmountEdit,
            "fee_percent": ui.feePercentEdit,
            "fee_mode": ui.feeModeCombo,
            "penalty_kind": ui.penaltyKindCombo,
            "penalty_amount": ui.penaltyAmountEdit,
            "penalty_percent": ui.penaltyPercentEdit,
            "penalty_per": ui.penaltyPerCombo,
            "penalty_grace_days": ui.penaltyGraceSpin,
            "limit_multiple": ui.limitMultipleEdit,
        }
        # issue 17: collateral rules and the repayment allocation order (added here, below
        # the fees and penalties, rather than in the Designer form)
        self.collateralAboveEdit = MoneyEdit(self)
        self.collateralAboveEdit.setObjectName("collateralAboveEdit")
        self.collateralAboveEdit.setPlaceholderText(self.tr("kosong: tidak wajib"))
        self.coverRatioEdit = QLineEdit(self)
        self.coverRatioEdit.setObjectName("coverRatioEdit")
        self.coverRatioEdit.setPlaceholderText(self.tr("mis. 125; kosong: tanpa syarat"))
        self.allocationOrderCombo = QComboBox(self)
        self.allocationOrderCombo.setObjectName("allocationOrderCombo")
        fill_combo(self.allocationOrderCombo, vocabulary("allocation_order"), lang)
        for text, widget in (
            (self.tr("Jaminan wajib di atas"), self.collateralAboveEdit),
            (self.tr("Rasio jaminan minimum (%)"), self.coverRatioEdit),
            (self.tr("Urutan alokasi angsuran"), self.allocationOrderCombo),
        ):
            ui.feesLayout.addRow(text, widget)
        keys.update(
            {
                "collateral_above": self.collateralAboveEdit,
                "cover_ratio": self.coverRatioEdit,
                "allocation_order": self.allocationOrderCombo,
            }
        )
        for key, widget in keys.items():
            layout = ui.productLayout
            row, _role = layout.getWidgetPosition(widget)
            if row < 0:
                layout = ui.feesLayout
                row, _role = layout.getWidgetPosition(widget)
            error = QLabel()
            layout.insertRow(row + 1, "", error)
            self.errors.add(key, widget, error)
        self.base = ProductInput(code="", name="")
        if code is not None:
            view = products_service.get_product(ctx.db, code)
            self.base = ProductInput(**{k: getattr(view, k) for k in INPUT_FIELDS})
            ui.codeEdit.setReadOnly(True)
        self._fill(self.base)
        ui.feeKindCombo.currentIndexChanged.connect(lambda _i: self._enable())
        ui.penaltyKindCombo.currentIndexChanged.connect(lambda _i: self._enable())
        self._enable()
        self.dirty = DirtyTracker(self)
        self.dirty.watch(
            ui.codeEdit, ui.nameEdit, ui.rateEdit, ui.minAmountEdit, ui.maxAmountEdit,
            ui.methodCombo, ui.feeKindCombo, ui.penaltyKindCombo, ui.limitMultipleEdit,
        )  # fmt: skip
        self.result_view: ProductView | None = None

    def _fill(self, p: ProductInput) -> None:
        ui = self.ui
        ui.codeEdit.setText(p.code)
        ui.nameEdit.setText(p.name)
        select_code(ui.methodCombo, p.method)
        ui.rateEdit.setText(format_decimal(Decimal(p.rate)))
        select_code(ui.ratePerCombo, p.rate_per)
        ui.minAmountEdit.setValue(p.min_amount)
        ui.maxAmountEdit.setValue(p.max_amount)
        ui.minTermSpin.setValue(p.min_term)
        ui.maxTermSpin.setValue(p.max_term)
        ui.everySpin.setValue(p.every)
        select_code(ui.unitCombo, p.unit)
        select_code(ui.payoffCombo, p.payoff_policy)
        select_code(ui.feeKindCombo, p.fee_kind)
        ui.feeAmountEdit.setValue(p.fee_amount or None)
        ui.feePercentEdit.setText(format_decimal(Decimal(p.fee_percent)) if p.fee_percent else "")
        select_code(ui.feeModeCombo, p.fee_mode)
        select_code(ui.penaltyKindCombo, p.penalty_kind)
        ui.penaltyAmountEdit.setValue(p.penalty_amount or None)
        ui.penaltyPercentEdit.setText(
            format_decimal(Decimal(p.penalty_percent)) if p.penalty_percent else ""
        )
        select_code(ui.penaltyPerCombo, p.penalty_per)
        ui.penaltyGraceSpin.setValue(p.penalty_grace_days)
        ui.limitMultipleEdit.setText(
            format_decimal(Decimal(p.limit_multiple)) if p.limit_multiple is not None else ""
        )
        ui.allowMultipleCheck.setChecked(p.allow_multiple)
        ui.groupLoanCheck.setChecked(p.group_loan)
        ui.activeCheck.setChecked(p.active)
        self.collateralAboveEdit.setValue(p.collateral_above)
        self.coverRatioEdit.setText(
            format_decimal(Decimal(p.cover_ratio)) if p.cover_ratio is not None else ""
        )
        select_code(self.allocationOrderCombo, p.allocation_order or "standard")

    def _enable(self) -> None:
        ui = self.ui
        fee = ui.feeKindCombo.currentData()
        ui.feeAmountEdit.setEnabled(fee == "flat")
        ui.feePercentEdit.setEnabled(fee == "percent")
        ui.feeModeCombo.setEnabled(fee != "none")
        pen = ui.penaltyKindCombo.currentData()
        ui.penaltyAmountEdit.setEnabled(pen == "flat")
        ui.penaltyPercentEdit.setEnabled(pen == "percent")
        ui.penaltyPerCombo.setEnabled(pen != "none")
        ui.penaltyGraceSpin.setEnabled(pen != "none")

    def _decimal(self, key: str, widget, default: _D) -> Decimal | _D:
        try:
            value = parse_decimal(widget.text())
        except ValueError:
            self.errors.set(
                key,
                ValidationError(key, "not_a_number", value=widget.text()).message(self.ctx.lang),
            )
            return default
        return default if value is None else value

    def _money(self, key: str, widget) -> int:
        if not widget.is_valid():
            self.errors.set(
                key,
                ValidationError(key, "not_an_amount", value=widget.text()).message(self.ctx.lang),
            )
        return widget.value() or 0

    def product_input(self) -> ProductInput | None:
        """What the form says, or None (with the wrong fields marked) when a number is not one."""
        ui = self.ui
        self.errors.clear()
        rate = self._decimal("rate", ui.rateEdit, Decimal(0))
        fee_percent = self._decimal("fee_percent", ui.feePercentEdit, Decimal(0))
        penalty_percent = self._decimal("penalty_percent", ui.penaltyPercentEdit, Decimal(0))
        limit = self._decimal("limit_multiple", ui.limitMultipleEdit, None)
        cover = self._decimal("cover_ratio", self.coverRatioEdit, None)
        above = (
            self._money("collateral_above", self.collateralAboveEdit)
            if self.collateralAboveEdit.text().strip()
            else None
        )
        data = replace(
            self.base,
            code=ui.codeEdit.text(),
            name=ui.nameEdit.text(),
            method=ui.methodCombo.currentData(),
            rate=rate,
            rate_per=ui.ratePerCombo.currentData(),
            min_amount=self._money("min_amount", ui.minAmountEdit),
            max_amount=self._money("max_amount", ui.maxAmountEdit),
            min_term=ui.minTermSpin.value(),
            max_term=ui.maxTermSpin.value(),
            every=ui.everySpin.value(),
            unit=ui.unitCombo.currentData(),
            payoff_policy=ui.payoffCombo.currentData(),
            fee_kind=ui.feeKindCombo.currentData(),
            fee_amount=self._money("fee_amount", ui.feeAmountEdit),
            fee_percent=fee_percent,
            fee_mode=ui.feeModeCombo.currentData(),
            penalty_kind=ui.penaltyKindCombo.currentData(),
            penalty_amount=self._money("penalty_amount", ui.penaltyAmountEdit),
            penalty_percent=penalty_percent,
            penalty_per=ui.penaltyPerCombo.currentData(),
            penalty_grace_days=ui.penaltyGraceSpin.value(),
            limit_multiple=limit,
            allow_multiple=ui.allowMultipleCheck.isChecked(),
            group_loan=ui.groupLoanCheck.isChecked(),
            active=ui.activeCheck.isChecked(),
            collateral_above=above,
            cover_ratio=cover,
            allocation_order=self.allocationOrderCombo.currentData() or "standard",
        )
        return None if self.errors.has_errors() else data

    def save(self, confirm_high_rate: bool = False) -> None:
        data = self.product_input()
        if data is None:
            return
        ctx = self.ctx

        def run() -> ProductView:
            if self.code is None:
                return products_service.add_product(
                    ctx.db, ctx.actor, data, confirm_high_rate=confirm_high_rate
                )
            return products_service.update_product(
                ctx.db, ctx.actor, self.code, data, confirm_high_rate=confirm_high_rate
            )

        ctx.write(run, on_done=self._saved, on_error=self._failed, parent=self)

    def _failed(self, exc: BaseException) -> bool:
        if (
            isinstance(exc, ValidationError)
            and exc.code == "rate_needs_confirm"
            and dialogs.confirm(
                self,
                self.tr("Bunga tinggi"),
                exc.message(self.ctx.lang) + "\n\n" + self.tr("Simpan juga dengan bunga ini?"),
                self.tr("Ya, simpan"),
            )
        ):
            self.save(confirm_high_rate=True)
            return True
        return self.errors.show(exc)

    def _saved(self, view: ProductView) -> None:
        self.result_view = view
        self.dirty.dirty = False
        self.saved.emit(view)
        self.accept()

    def reject(self) -> None:
        if self.dirty.dirty and not dialogs.ask_discard(self):
            return
        super().reject()


class LoanProductsDialog(QDialog):
    """Every loan product with its main terms; add or change one."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loanProductsDialog")
        self.setWindowTitle(self.tr("Produk pinjaman"))
        self.resize(900, 420)
        lang = ctx.lang
        layout = QVBoxLayout(self)
        self.model = RowsModel(
            [
                (self.tr("Kode"), lambda p: p.code, "text"),
                (self.tr("Nama"), lambda p: p.name, "text"),
                (
                    self.tr("Metode"),
                    lambda p: label(METHOD_LABELS, p.method, lang).split(" (")[0],
                    "text",
                ),
                (
                    self.tr("Bunga"),
                    lambda p: (
                        f"{format_decimal(Decimal(p.rate))} % "
                        + label(RATE_PER_LABELS, p.rate_per, lang)
                    ),
                    "text",
                ),
                (self.tr("Minimum"), lambda p: p.min_amount, "money"),
                (self.tr("Maksimum"), lambda p: p.max_amount, "money"),
                (
                    self.tr("Jangka"),
                    lambda p: (
                        f"{p.min_term}–{p.max_term} × {p.every} " + label(UNIT_LABELS, p.unit, lang)
                    ),
                    "text",
                ),
                (
                    self.tr("Aktif"),
                    lambda p: self.tr("ya") if p.active else self.tr("tidak"),
                    "text",
                ),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "loanProductsTable", stretch_column=1)
        self.table.setModel(self.model)
        self.table.doubleClicked.connect(lambda _i: self.edit())
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.newButton = QPushButton(self.tr("Produk &baru..."))
        self.newButton.setObjectName("newProductButton")
        self.editButton = QPushButton(self.tr("&Ubah..."))
        self.editButton.setObjectName("editProductButton")
        close = QPushButton(self.tr("Tutup"))
        close.clicked.connect(self.accept)
        row.addWidget(self.newButton)
        row.addWidget(self.editButton)
        row.addStretch(1)
        row.addWidget(close)
        layout.addLayout(row)
        self.newButton.clicked.connect(self.new)
        self.editButton.clicked.connect(self.edit)
        self.refresh()

    def refresh(self) -> None:
        self.model.set_rows(products_service.list_products(self.ctx.db))

    def new(self) -> LoanProductDialog:
        dlg = LoanProductDialog(self.ctx, None, self)
        dlg.saved.connect(lambda _v: self.refresh())
        dlg.open()
        return dlg

    def edit(self) -> LoanProductDialog | None:
        if not self.ctx.actor.can("loan.product.write"):  # a double-click opens no editor
            return None
        p = self.model.row(self.table.currentIndex())
        if p is None:
            dialogs.inform(
                self, self.tr("Produk pinjaman"), self.tr("Pilih dulu produk di daftar.")
            )
            return None
        dlg = LoanProductDialog(self.ctx, p.code, self)
        dlg.saved.connect(lambda _v: self.refresh())
        dlg.open()
        return dlg


def product_summary(p: ProductView, lang: str) -> str:
    """One line a treasurer reads before choosing a product."""
    fee = ""
    if p.fee_kind == "flat":
        fee = " · " + QCoreApplication.translate("LoanProducts", "biaya {fee}").format(
            fee=rp(p.fee_amount)
        )
    elif p.fee_kind == "percent":
        fee = " · " + QCoreApplication.translate("LoanProducts", "biaya {fee}").format(
            fee=f"{format_decimal(Decimal(p.fee_percent))} %"
        )
    return (
        f"{label(METHOD_LABELS, p.method, lang)} · {format_decimal(Decimal(p.rate))} % "
        f"{label(RATE_PER_LABELS, p.rate_per, lang)} · {rp(p.min_amount)}–{rp(p.max_amount)} · "
        f"{p.min_term}–{p.max_term} × {p.every} {label(UNIT_LABELS, p.unit, lang)}{fee}"
    )

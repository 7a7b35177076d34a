"""The dialogs of the Buku Besar page: an account's normal side, the voucher of an entry, a manual
journal entry."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
)

from ...domain.fmt import terbilang
from ...errors import KoperasiError
from ...services import chart_of_accounts, plausibility
from ...services import ledger as ledger_service
from ...services.ledger import EntryView, Line
from .. import dialogs
from ..context import AppContext
from ..forms.manual_entry_ui import Ui_ManualEntryForm
from ..receipts import ReceiptWindow, paper_html
from ..widgets import FieldErrors, rp, setup_date_edit, to_date
from .form_dialog import FormDialog
from .lending_rules import reverse_or_request

CASH_ACCOUNTS = ("1.01", "1.02")


class AccountSideDialog(FormDialog):
    """Say whether an income or expense account is business with members or non-members
    (or, for an expense, a cost of both); the service checks and audits it."""

    def __init__(self, ctx: AppContext, account, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.account = account
        self.setObjectName("accountSideDialog")
        self.setWindowTitle(self.tr("Jenis usaha akun {code}").format(code=account.code))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{account.code} {account.name}"))
        self.sideCombo = QComboBox()
        self.sideCombo.setObjectName("accountSideCombo")
        self.sideCombo.addItem(self.tr("Usaha dengan anggota"), "member")
        self.sideCombo.addItem(self.tr("Usaha dengan non-anggota"), "non_member")
        if account.type == "expense":
            self.sideCombo.addItem(
                self.tr("Beban bersama (dialokasikan menurut pendapatan)"), "shared"
            )
        index = self.sideCombo.findData(account.business_side)
        self.sideCombo.setCurrentIndex(max(index, 0))
        layout.addWidget(self.sideCombo)
        self.generalError = QLabel()
        self.generalError.setObjectName("accountSideError")
        self.generalError.setWordWrap(True)
        layout.addWidget(self.generalError)
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("business_side", self.sideCombo, QLabel())
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        save = buttons.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        save.setObjectName("saveButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        ctx, code, side = self.ctx, self.account.code, self.sideCombo.currentData()
        ctx.write(
            lambda: chart_of_accounts.set_business_side(ctx.db, ctx.actor, code, side),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class VoucherWindow(ReceiptWindow):
    """A manual entry's voucher (Bukti Kas Masuk / Keluar) as the printed paper says it."""

    def __init__(self, ctx: AppContext, view: EntryView, parent: QWidget | None = None) -> None:
        self.view = view
        super().__init__(
            ctx, self.tr("Bukti {no}").format(no=view.receipt_no or "-"), "voucher", parent
        )

    def html(self) -> str:
        return paper_html(
            self.ctx, self.view.receipt_no, [(self.tr("No. jurnal"), str(self.view.id))]
        )


class ManualEntryDialog(FormDialog):
    """The cooperative's own income and expenses, paid from or into cash or bank."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.ui = Ui_ManualEntryForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("manualEntryDialog")
        setup_date_edit(ui.dateEdit, ctx.today())
        ui.kindCombo.setItemData(0, "expense")
        ui.kindCombo.setItemData(1, "income")
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        save.setObjectName("saveButton")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        for key, widget in (
            ("account", ui.accountCombo),
            ("amount", ui.amountEdit),
            ("date", ui.dateEdit),
            ("description", ui.descriptionEdit),
        ):
            label = QLabel()
            row, _role = ui.entryLayout.getWidgetPosition(widget)
            ui.entryLayout.insertRow(row + 1, "", label)
            self.errors.add(key, widget, label)
        self.errors.add("lines", ui.amountEdit, QLabel())
        # who paid the income or received the payment: printed on the cash voucher
        self.payeeLabel = QLabel()
        self.payeeEdit = QLineEdit()
        self.payeeEdit.setObjectName("payeeEdit")
        self.payeeEdit.setPlaceholderText(self.tr("mis. PLN, Toko Sinar Jaya, Bpk. Ahmad"))
        row, _role = ui.entryLayout.getWidgetPosition(ui.descriptionEdit)
        ui.entryLayout.insertRow(row + 2, self.payeeLabel, self.payeeEdit)
        self.payeeLabel.setBuddy(self.payeeEdit)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._payee_label())
        self._payee_label()
        self.accounts = [a for a in chart_of_accounts.list_accounts(ctx.db) if a.active]
        for a in self.accounts:
            if a.code in CASH_ACCOUNTS:
                ui.cashCombo.addItem(f"{a.code} {a.name}", a.code)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._fill_accounts())
        ui.amountEdit.valueChanged.connect(self._amount_changed)
        self._fill_accounts()
        self.dirty.watch(
            ui.amountEdit, ui.descriptionEdit, self.payeeEdit, ui.accountCombo, ui.kindCombo
        )
        self.result_view: EntryView | None = None
        self.voucher: VoucherWindow | None = None

    def _payee_label(self) -> None:
        income = self.ui.kindCombo.currentData() == "income"
        self.payeeLabel.setText(
            self.tr("Diterima &dari") if income else self.tr("Dibayarkan &kepada")
        )

    def _fill_accounts(self) -> None:
        ui = self.ui
        kind = ui.kindCombo.currentData() or "expense"
        ui.accountCombo.clear()
        for a in self.accounts:
            if a.type == kind and a.control is None:
                ui.accountCombo.addItem(f"{a.code} {a.name}", a.code)

    def _amount_changed(self, value: int | None) -> None:
        ui = self.ui
        ui.amountWordsLabel.setText(terbilang(value, self.ctx.lang) if value else "")
        if not ui.amountEdit.is_valid():
            self.errors.set(
                "amount", self.tr("Jumlah tidak dikenali; tulis mis. 1.250.000 atau Rp 1.250.000.")
            )
        else:
            self.errors.set("amount", None)

    def lines(self, amount: int) -> list[Line]:
        ui = self.ui
        account, cash = ui.accountCombo.currentData(), ui.cashCombo.currentData()
        if ui.kindCombo.currentData() == "income":
            return [Line(cash, debit=amount), Line(account, credit=amount)]
        return [Line(account, debit=amount), Line(cash, credit=amount)]

    def save(self, confirm_large: bool = False) -> None:
        ui, ctx = self.ui, self.ctx
        self.errors.clear()
        amount = ui.amountEdit.value()
        if amount is None:
            self.errors.set("amount", self.tr("Isi jumlah, mis. 1.250.000."))
            return
        lines = self.lines(amount)
        date = to_date(ui.dateEdit.date())
        description = ui.descriptionEdit.text()
        payee = self.payeeEdit.text()

        def done(view: EntryView) -> None:
            self.result_view = view
            self.dirty.dirty = False
            self.accept()
            if view.receipt_no:  # the cash voucher, to print and have signed
                self.voucher = VoucherWindow(ctx, view, self.parentWidget())
                self.voucher.offer_undo(
                    f"#{view.id} · {view.description} · {rp(view.total)}",
                    # as Balik jurnal: a request for a second user under four-eyes
                    lambda date, reason: reverse_or_request(
                        ctx,
                        "entry_reversal",
                        view.id,
                        date,
                        reason,
                        lambda: ledger_service.reverse_entry(
                            ctx.db, ctx.actor, view.id, date, reason
                        ),
                    ),
                )
                self.voucher.show()
            else:
                dialogs.inform(
                    self.parentWidget(),
                    self.tr("Tersimpan"),
                    self.tr("Jurnal #{id} dengan bukti {receipt} tersimpan.").format(
                        id=view.id, receipt=view.receipt_no or "-"
                    ),
                )

        def failed(exc: BaseException) -> bool:
            if (
                isinstance(exc, KoperasiError)
                and exc.code in plausibility.CODES
                and dialogs.confirm_large_amount(self, exc.message(ctx.lang))
            ):
                self.save(confirm_large=True)
                return True
            return self.errors.show(exc)

        ctx.write(
            lambda: ledger_service.add_manual_entry(
                ctx.db,
                ctx.actor,
                date,
                description,
                lines,
                payee=payee,
                confirm_large=confirm_large,
            ),
            on_done=done,
            on_error=failed,
            parent=self,
        )

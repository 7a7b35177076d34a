"""Simpanan: deposits and withdrawals (showing the balance after), balances, statements,
the latest transactions of everyone, and reversal of a mistaken transaction."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.fmt import terbilang
from ...domain.vocabulary import MemberStatus
from ...errors import KoperasiError
from ...services import approvals as approvals_service
from ...services import members as members_service
from ...services import savings as savings_service
from ...services import savings_products, savings_statements, ui_queries
from ...services.changes import Area
from ...services.savings import BalanceRow, ProductView, SavingsTxView
from .. import dialogs
from ..context import AppContext
from ..forms.savings_tx_ui import Ui_SavingsTxForm
from ..receipts import ReceiptWindow, paper_html
from ..widgets import FieldErrors, rp, setup_date_edit, to_date
from .base import DataTable, Index, Page, PagedModel, RowsModel, fmt_date, setup_table
from .form_dialog import FormDialog, add_error_rows, add_wrapped_label, setup_buttons
from .lending_rules import reverse_or_request
from .member_labels import kind_label


class SavingsTxDialog(FormDialog):
    """Setor / tarik simpanan. Shows the current balance and the balance after as you type."""

    posted = Signal(object)

    def __init__(
        self,
        ctx: AppContext,
        mode: str,
        member_number: str | None = None,
        product_code: str | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        assert mode in ("deposit", "withdraw")
        self.mode = mode
        self.ui = Ui_SavingsTxForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("depositDialog" if mode == "deposit" else "withdrawDialog")
        title = self.tr("Setor simpanan") if mode == "deposit" else self.tr("Tarik simpanan")
        self.setWindowTitle(title)
        ui.titleLabel.setText(f"<h3>{title}</h3>")
        setup_date_edit(ui.dateEdit, ctx.today())
        setup_buttons(
            ui.buttonBox, self.tr("Simpan"), "saveButton", self.tr("Batal"), self.save, self.reject
        )
        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        add_error_rows(
            self.errors,
            ui.txLayout,
            (
                ("member", ui.memberEdit),
                ("product", ui.productCombo),
                ("amount", ui.amountEdit),
                ("date", ui.dateEdit),
            ),
        )
        self.products: dict[str, ProductView] = {
            p.code: p for p in savings_products.list_products(ctx.db) if p.active
        }
        for p in self.products.values():
            ui.productCombo.addItem(p.name, p.code)
        preferred: str | None = product_code or ("WAJIB" if mode == "deposit" else "SUKARELA")
        if preferred not in self.products:
            kind = "wajib" if mode == "deposit" else "sukarela"
            preferred = next((c for c, p in self.products.items() if p.kind == kind), None)
        ui.productCombo.setCurrentIndex(max(0, ui.productCombo.findData(preferred)))
        self.balances: dict[str, BalanceRow] = {}
        self.member_name = ""
        self._lookup_timer = QTimer(self)
        self._lookup_timer.setSingleShot(True)
        self._lookup_timer.setInterval(300)
        self._lookup_timer.timeout.connect(self.lookup_member)
        ui.memberEdit.textEdited.connect(lambda _t: self._lookup_timer.start())
        ui.memberEdit.editingFinished.connect(self.lookup_member)
        ui.productCombo.currentIndexChanged.connect(lambda _i: self._product_changed())
        ui.amountEdit.valueChanged.connect(lambda _v: self.update_preview())
        self._amount_suggested = False
        ui.amountEdit.textEdited.connect(lambda _t: setattr(self, "_amount_suggested", False))
        self.dirty.watch(ui.memberEdit, ui.amountEdit, ui.memoEdit, ui.productCombo)
        self.result_view: SavingsTxView | None = None
        if member_number:
            ui.memberEdit.setText(member_number)
            self.lookup_member()
            ui.amountEdit.setFocus()
        self._product_changed()

    # -- lookups
    def lookup_member(self) -> None:
        self._lookup_timer.stop()
        number = self.ui.memberEdit.text().strip()
        self.balances = {}
        if not number:
            self.member_name = ""
            self.ui.memberNameLabel.setText("")
            self.errors.set("member", None)
            self.update_preview()
            return
        try:
            detail = members_service.get_member(self.ctx.db, number, self.ctx.actor)
            rows = savings_statements.member_balances(
                self.ctx.db, detail.number, actor=self.ctx.actor
            )
        except KoperasiError as exc:
            self.member_name = ""
            self.ui.memberNameLabel.setText("")
            self.errors.set("member", exc.message(self.ctx.lang))
            self.update_preview()
            return
        self.errors.set("member", None)
        self.member_name = detail.name
        extra = "" if detail.status == MemberStatus.ACTIVE else f" ({detail.status})"
        self.ui.memberNameLabel.setText(f"<b>{detail.name}</b>{extra}")
        self.balances = {r.product_code: r for r in rows}
        self.update_preview()

    def _product_changed(self) -> None:
        """Suggest the product's fixed amount (pokok, wajib) unless the user typed one."""
        code = self.ui.productCombo.currentData()
        p = self.products.get(code)
        edit = self.ui.amountEdit
        if self.mode == "deposit" and (self._amount_suggested or not edit.text()):
            edit.setValue(p.fixed_amount if p is not None and p.fixed_amount else None)
            self._amount_suggested = bool(edit.text())
        self.update_preview()

    def current_balance(self) -> int | None:
        row = self.balances.get(self.ui.productCombo.currentData())
        return row.balance if row is not None else (0 if self.member_name else None)

    def update_preview(self) -> None:
        ui = self.ui
        balance = self.current_balance()
        amount = ui.amountEdit.value()
        ui.balanceLabel.setText(rp(balance) if balance is not None else "-")
        if not ui.amountEdit.is_valid():
            self.errors.set(
                "amount",
                self.tr("Jumlah tidak dikenali; tulis mis. 1.250.000 atau Rp 1.250.000."),
            )
        else:
            self.errors.set("amount", None)
        ui.amountWordsLabel.setText(terbilang(amount, self.ctx.lang) if amount else "")
        if balance is None or amount is None:
            ui.balanceAfterLabel.setText("-")
            return
        after = balance + amount if self.mode == "deposit" else balance - amount
        ui.balanceAfterLabel.setText(f"<b>{rp(after)}</b>")
        if self.mode == "withdraw":
            self._warn_withdrawal(balance, after)

    def _warn_withdrawal(self, balance: int, after: int) -> None:
        """Before Save: a withdrawal above the balance, or one that would leave less than
        the product's minimum balance, is named as such (the balance after shows red)."""
        p = self.products.get(self.ui.productCombo.currentData())
        floor = p.min_balance if p is not None else 0
        message = None
        if after < 0:
            message = self.tr("Saldo tidak cukup: saldo sekarang {balance}.").format(
                balance=rp(balance)
            )
        elif after < floor:
            message = self.tr(
                "Saldo minimum {minimum} harus tetap tersisa; paling banyak dapat ditarik {most}."
            ).format(minimum=rp(floor), most=rp(max(0, balance - floor)))
        if message:
            self.errors.set("amount", message)
            self.ui.balanceAfterLabel.setText(f"<b style='color:#b00020'>{rp(after)}</b>")

    # -- save
    def save(self) -> None:
        if self.saving:
            return
        ui, ctx = self.ui, self.ctx
        self.errors.clear()
        number = ui.memberEdit.text().strip()
        amount = ui.amountEdit.value()
        if not number:
            self.errors.set("member", self.tr("Isi nomor anggota."))
        if amount is None:
            self.errors.set(
                "amount",
                self.tr("Isi jumlah, mis. 1.250.000.")
                if ui.amountEdit.is_valid()
                else self.tr("Jumlah tidak dikenali; tulis mis. 1.250.000 atau Rp 1.250.000."),
            )
        if self.errors.has_errors():
            return
        code = ui.productCombo.currentData()
        date = to_date(ui.dateEdit.date())
        memo = ui.memoEdit.text().strip()
        fn_service = savings_service.deposit if self.mode == "deposit" else savings_service.withdraw
        self.post(
            lambda: fn_service(ctx.db, ctx.actor, number, code, amount, date, memo),
            self._done,
            confirmed=lambda: fn_service(
                ctx.db, ctx.actor, number, code, amount, date, memo, confirm_large=True
            ),
        )

    def _done(self, view: SavingsTxView) -> None:
        self.result_view = view
        self.posted.emit(view)
        self.accept()
        receipt = show_receipt(self.ctx, view, self.parentWidget())
        ctx = self.ctx
        receipt.offer_undo(
            self.tr("{kind} {amount} · {member} {name} · {product}").format(
                kind=kind_label(view.kind, ctx.lang),
                amount=rp(abs(view.amount)),
                member=view.member_number,
                name=view.member_name,
                product=view.product_name,
            ),
            # as Batalkan transaksi: a request for a second user under four-eyes (issue 17)
            lambda date, reason: reverse_or_request(
                ctx,
                "savings_reversal",
                view.id,
                date,
                reason,
                lambda: savings_service.reverse_transaction(
                    ctx.db, ctx.actor, view.id, date, reason
                ),
            ),
        )
        self.receipt = receipt


def show_receipt(ctx: AppContext, view: SavingsTxView, parent: QWidget | None) -> ReceiptDialog:
    dlg = ReceiptDialog(ctx, view, parent)
    dlg.open()
    return dlg


class ReceiptDialog(ReceiptWindow):
    """What the treasurer reads back to the member, with the receipt number; printable."""

    def __init__(self, ctx: AppContext, view: SavingsTxView, parent: QWidget | None = None) -> None:
        self.view = view
        super().__init__(
            ctx, self.tr("Kuitansi {no}").format(no=view.receipt_no or "-"), "receipt", parent
        )

    def html(self) -> str:
        v = self.view
        return paper_html(
            self.ctx,
            v.receipt_no,
            [
                (self.tr("Anggota"), f"{v.member_number} · {v.member_name}"),
                (
                    self.tr("Saldo setelah transaksi"),
                    f"{v.product_name}: {rp(v.balance_after)}",
                ),
            ],
        )


class ActivityModel(PagedModel):
    """Latest savings transactions of all members, newest first, a page at a time."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_number: str | None = None
        self.headers = [
            self.tr("Tanggal"),
            self.tr("Kuitansi"),
            self.tr("Anggota"),
            self.tr("Nama"),
            self.tr("Produk"),
            self.tr("Jenis"),
            self.tr("Jumlah"),
            self.tr("Keterangan"),
        ]

    def reload(self, member_number: str | None = None) -> None:
        self.member_number = member_number
        self.reset_rows()

    def fetch_page(self, last: ui_queries.SavingsActivityRow | None, limit: int) -> list:
        return ui_queries.savings_activity(
            self.ctx.db,
            before_id=last.id if last else None,
            limit=limit,
            member_number=self.member_number,
            actor=self.ctx.actor,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        r = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                fmt_date(r.date),
                r.receipt_no or "",
                r.member_number,
                r.member_name,
                r.product_code,
                kind_label(r.kind, self.ctx.lang) + (self.tr(" (dibalik)") if r.reversed else ""),
                rp(r.amount),
                r.memo,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col == 6:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (r.reversed or r.kind == "koreksi"):
            return QColor("#888888")
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class SavingsPage(Page):
    areas = frozenset({Area.SAVINGS, Area.MEMBERS, Area.GROUPS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("savingsPage")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Simpanan</h2>")))
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Nomor anggota:")))
        self.memberEdit = QLineEdit()
        self.memberEdit.setObjectName("savingsMemberEdit")
        self.memberEdit.setPlaceholderText(self.tr("mis. A00012 (kosong: semua anggota)"))
        self.memberEdit.setClearButtonEnabled(True)
        bar.addWidget(self.memberEdit, 1)
        self.memberLabel = QLabel()
        self.memberLabel.setObjectName("savingsMemberLabel")
        bar.addWidget(self.memberLabel, 2)
        self.depositButton = QPushButton(self.tr("&Setor..."))
        self.depositButton.setObjectName("depositButton")
        self.withdrawButton = QPushButton(self.tr("&Tarik..."))
        self.withdrawButton.setObjectName("withdrawButton")
        self.reverseButton = QPushButton(self.tr("&Batalkan transaksi..."))
        self.reverseButton.setObjectName("reverseSavingsButton")
        for b in (self.depositButton, self.withdrawButton, self.reverseButton):
            bar.addWidget(b)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Vertical)
        self.balancesModel = RowsModel(
            [
                (self.tr("Produk"), lambda r: r.product_name, "text"),
                (self.tr("No. rekening"), lambda r: r.account_number, "text"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
            ],
            self,
        )
        self.balancesTable = setup_table(DataTable(), "savingsBalancesTable", stretch_column=0)
        self.balancesTable.setModel(self.balancesModel)
        split.addWidget(self.balancesTable)
        self.activityModel = ActivityModel(ctx, self)
        self.activityTable = setup_table(DataTable(), "savingsActivityTable", stretch_column=7)
        self.activityTable.setModel(self.activityModel)
        split.addWidget(self.activityTable)
        split.setSizes([120, 400])
        # tabs: the savings accounts, the time deposits (ui/pages/time_deposits.py), standing
        # instructions and payroll deduction (ui/pages/standing.py)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("savingsTabs")
        accounts = QWidget()
        accounts_layout = QVBoxLayout(accounts)
        accounts_layout.setContentsMargins(0, 0, 0, 0)
        accounts_layout.addWidget(split, 1)
        self.hint = QLabel(
            self.tr(
                "Daftar bawah: transaksi simpanan terbaru. Pilih satu lalu tekan "
                '"Batalkan transaksi" untuk membaliknya (dengan alasan).'
            )
        )
        self.hint.setWordWrap(True)
        accounts_layout.addWidget(self.hint)
        self.tabs.addTab(accounts, self.tr("Rekening simpanan"))
        from .time_deposits import add_time_deposits_tab

        self.timeDeposits = add_time_deposits_tab(ctx, self.tabs, self.member_number)
        from .standing import add_standing_tabs

        self.standingTabs = add_standing_tabs(ctx, self.tabs)
        self.tabs.currentChanged.connect(lambda _i: self._refresh_tab())
        layout.addWidget(self.tabs, 1)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.refresh)
        self.memberEdit.textChanged.connect(lambda _t: self._timer.start())
        self.memberEdit.returnPressed.connect(self.refresh)
        self.depositButton.clicked.connect(lambda: self.open_dialog("deposit"))
        self.withdrawButton.clicked.connect(lambda: self.open_dialog("withdraw"))
        self.reverseButton.clicked.connect(self.reverse_selected)

    def member_number(self) -> str | None:
        return self.memberEdit.text().strip() or None

    def _refresh_tab(self) -> None:
        """The standing-instruction or payroll tab, when it is the one shown."""
        current = self.tabs.currentWidget()
        for tab in self.standingTabs or ():
            if tab is current:
                tab.refresh()

    def refresh(self) -> None:
        self._refresh_tab()
        self._timer.stop()
        number = self.member_number()
        if number:
            try:
                detail = members_service.get_member(self.ctx.db, number, self.ctx.actor)
                self.memberLabel.setText(f"<b>{detail.name}</b>")
                self.balancesModel.set_rows(
                    savings_statements.member_balances(
                        self.ctx.db, detail.number, actor=self.ctx.actor
                    )
                )
                self.activityModel.reload(detail.number)
                self.timeDeposits.refresh()
                return
            except KoperasiError as exc:
                self.memberLabel.setText(exc.message(self.ctx.lang))
        else:
            self.memberLabel.setText("")
        self.balancesModel.set_rows([])
        self.activityModel.reload(None)
        self.timeDeposits.refresh()

    def open_dialog(self, mode: str, member: str | None = None) -> SavingsTxDialog:
        dlg = SavingsTxDialog(self.ctx, mode, member or self.member_number(), None, self)
        dlg.open()
        return dlg

    def selected_activity(self) -> ui_queries.SavingsActivityRow | None:
        idx = self.activityTable.currentIndex()
        return self.activityModel.rows[idx.row()] if idx.isValid() else None

    def reverse_selected(self) -> ReverseDialog | None:
        row = self.selected_activity()
        if row is None:
            dialogs.inform(
                self, self.tr("Batalkan transaksi"), self.tr("Pilih dulu transaksi di daftar.")
            )
            return None
        dlg = ReverseDialog(
            self.ctx,
            self.tr("{kind} {amount} · {member} {name} · {date}").format(
                kind=kind_label(row.kind, self.ctx.lang),
                amount=rp(abs(row.amount)),
                member=row.member_number,
                name=row.member_name,
                date=fmt_date(row.date),
            ),
            lambda date, reason: reverse_or_request(
                self.ctx,
                "savings_reversal",
                row.id,
                date,
                reason,
                lambda: savings_service.reverse_transaction(
                    self.ctx.db, self.ctx.actor, row.id, date, reason
                ),
            ),
            self,
        )
        dlg.open()
        return dlg


class ReverseDialog(FormDialog):
    """Ask for the date and the reason of a reversal (nothing is ever deleted)."""

    def __init__(
        self,
        ctx: AppContext,
        what: str,
        action,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(ctx, parent)
        self.action = action
        self.setObjectName("reverseDialog")
        self.setWindowTitle(self.tr("Batalkan (balik) transaksi"))
        layout = QVBoxLayout(self)
        add_wrapped_label(
            layout,
            self.tr("Transaksi ini akan dibalik dengan jurnal pembalik; catatan aslinya tetap ada.")
            + f"<br><b>{what}</b>",
        )
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("reverseDateEdit")
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("reverseReasonEdit")
        self.reasonEdit.setPlaceholderText(self.tr("mis. salah ketik jumlah"))
        form.addRow(self.tr("Tanggal"), self.dateEdit)
        form.addRow(self.tr("Alasan"), self.reasonEdit)
        self.reasonError = QLabel()
        form.addRow("", self.reasonError)
        self.dateError = QLabel()
        form.addRow("", self.dateError)
        layout.addLayout(form)
        self.generalError = QLabel()
        layout.addWidget(self.generalError)
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("reason", self.reasonEdit, self.reasonError)
        self.errors.add("date", self.dateEdit, self.dateError)
        buttons = setup_buttons(
            None,
            self.tr("Balik transaksi"),
            "confirmReverseButton",
            self.tr("Batal"),
            self.confirm,
            self.reject,
        )
        layout.addWidget(buttons)
        self.result_view: Any = None

    def confirm(self) -> None:
        self.errors.clear()
        date = to_date(self.dateEdit.date())
        reason = self.reasonEdit.text()

        self.post(lambda: self.action(date, reason), self._done)

    def _done(self, view: Any) -> None:
        self.result_view = view
        self.accept()
        if isinstance(view, approvals_service.RequestView):
            self.tell_request_filed(view)

    def tell_request_filed(self, request: approvals_service.RequestView) -> None:
        """Four-eyes on reversals (issue 17): nothing is reversed yet; say where the request
        waits and who may approve it."""
        from ..login import role_label

        roles = f" {self.tr('atau')} ".join(
            role_label(r) for r in approvals_service.approver_roles(request.kind)
        )
        dialogs.inform(
            self.parentWidget(),
            self.tr("Menunggu persetujuan"),
            self.tr(
                "Permintaan pembalikan no. {id} dicatat; transaksi belum dibalik.<br>"
                "Permintaan ini menunggu di <b>Menunggu persetujuan</b> (halaman Pinjaman) "
                "sampai disetujui pengguna lain dengan peran {roles}."
            ).format(id=request.id, roles=roles),
        )

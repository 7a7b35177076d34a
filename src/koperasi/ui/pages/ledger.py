"""Kas & Jurnal: cash book, manual income/expense entries, journal browser, trial balance."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
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
from ...errors import KoperasiError
from ...services import ledger as ledger_service
from ...services import plausibility, ui_queries
from ...services.ledger import EntryView, Line
from .. import dialogs
from ..context import LEDGER, SAVINGS, SETTINGS, AppContext
from ..forms.manual_entry_ui import Ui_ManualEntryForm
from ..receipts import ReceiptWindow, paper_html
from ..widgets import DirtyTracker, FieldErrors, rp, setup_date_edit, to_date
from .base import DataTable, Index, Page, PagedModel, RowsModel, fmt_date, setup_table
from .loan_rules import reverse_or_request
from .savings import ReverseDialog

CASH_ACCOUNTS = ("1.01", "1.02")


def source_label(source: str, lang: str) -> str:
    labels = {
        "manual": ("Manual", "Manual"),
        "simpanan": ("Simpanan", "Savings"),
        "pinjaman": ("Pinjaman", "Loans"),
    }
    pair = labels.get(source)
    return (pair[0] if lang == "id" else pair[1]) if pair else source


class JournalModel(PagedModel):
    """Journal entries in a date range, a page at a time (keyset on the entry id)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.date_from: dt.date | None = None
        self.date_to: dt.date | None = None
        self.source: str | None = None
        self.headers = [
            self.tr("No."),
            self.tr("Tanggal"),
            self.tr("Bukti"),
            self.tr("Keterangan"),
            self.tr("Sumber"),
            self.tr("Jumlah"),
            self.tr("Status"),
        ]

    def reload(
        self, date_from: dt.date | None, date_to: dt.date | None, source: str | None
    ) -> None:
        self.date_from, self.date_to, self.source = date_from, date_to, source
        self.reset_rows()

    def fetch_page(self, last: EntryView | None, limit: int) -> list[EntryView]:
        return ledger_service.list_entries(
            self.ctx.db,
            self.date_from,
            self.date_to,
            self.source,
            last.id if last else None,
            limit,
            actor=self.ctx.actor,
            newest_first=True,  # like every list of postings on screen (issue 18)
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        e = self.rows[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if e.reverses_entry_id:
                status = self.tr("pembalik #{n}").format(n=e.reverses_entry_id)
            elif e.reversed_by_entry_id:
                status = self.tr("dibalik #{n}").format(n=e.reversed_by_entry_id)
            else:
                status = ""
            return (
                str(e.id),
                fmt_date(e.date),
                e.receipt_no or "",
                e.description,
                source_label(e.source, self.ctx.lang),
                rp(e.total),
                status,
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (0, 5):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and (
            e.reverses_entry_id or e.reversed_by_entry_id
        ):
            return QColor("#888888")
        if role == Qt.ItemDataRole.UserRole:
            return e
        return None


def _date_range(ctx: AppContext, layout: QHBoxLayout, prefix: str) -> tuple[QDateEdit, QDateEdit]:
    today = ctx.today()
    layout.addWidget(QLabel(QCoreApplication.translate("LedgerPage", "Dari")))
    start = setup_date_edit(QDateEdit(), today.replace(day=1))
    start.setObjectName(f"{prefix}From")
    layout.addWidget(start)
    layout.addWidget(QLabel(QCoreApplication.translate("LedgerPage", "sampai")))
    end = setup_date_edit(QDateEdit(), today)
    end.setObjectName(f"{prefix}To")
    layout.addWidget(end)
    return start, end


class LedgerPage(Page):
    areas = frozenset({LEDGER, SAVINGS, SETTINGS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ledgerPage")
        layout = QVBoxLayout(self)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("<h2>Kas &amp; Jurnal</h2>")), 1)
        self.manualButton = QPushButton(self.tr("&Pemasukan/pengeluaran..."))
        self.manualButton.setObjectName("manualEntryButton")
        top.addWidget(self.manualButton)
        layout.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ledgerTabs")
        layout.addWidget(self.tabs, 1)

        # cash book
        cash = QWidget()
        cash.setObjectName("cashBookTab")
        cl = QVBoxLayout(cash)
        bar = QHBoxLayout()
        self.cashAccountCombo = QComboBox()
        self.cashAccountCombo.setObjectName("cashAccountCombo")
        bar.addWidget(self.cashAccountCombo)
        self.cashFrom, self.cashTo = _date_range(ctx, bar, "cash")
        bar.addStretch(1)
        cl.addLayout(bar)
        self.cashModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Bukti"), lambda r: r.receipt_no, "text"),
                (self.tr("Keterangan"), lambda r: r.description, "text"),
                (self.tr("Masuk"), lambda r: r.debit or None, "money"),
                (self.tr("Keluar"), lambda r: r.credit or None, "money"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
            ],
            self,
        )
        self.cashTable = setup_table(DataTable(), "cashBookTable", stretch_column=2)
        self.cashTable.setModel(self.cashModel)
        cl.addWidget(self.cashTable, 1)
        self.cashSummary = QLabel()
        self.cashSummary.setObjectName("cashBookSummary")
        cl.addWidget(self.cashSummary)
        self.tabs.addTab(cash, self.tr("Buku kas"))

        # journal
        journal = QWidget()
        journal.setObjectName("journalTab")
        jl = QVBoxLayout(journal)
        bar = QHBoxLayout()
        self.journalFrom, self.journalTo = _date_range(ctx, bar, "journal")
        self.sourceCombo = QComboBox()
        self.sourceCombo.setObjectName("journalSourceCombo")
        self.sourceCombo.addItem(self.tr("Semua sumber"), None)
        for code in ("manual", "simpanan", "pinjaman"):
            self.sourceCombo.addItem(source_label(code, ctx.lang), code)
        bar.addWidget(self.sourceCombo)
        bar.addStretch(1)
        self.reverseButton = QPushButton(self.tr("&Balik jurnal..."))
        self.reverseButton.setObjectName("reverseEntryButton")
        bar.addWidget(self.reverseButton)
        jl.addLayout(bar)
        split = QSplitter(Qt.Orientation.Vertical)
        self.journalModel = JournalModel(ctx, self)
        self.journalTable = setup_table(DataTable(), "journalTable", stretch_column=3)
        self.journalTable.setModel(self.journalModel)
        split.addWidget(self.journalTable)
        self.linesModel = RowsModel(
            [
                (self.tr("Akun"), lambda r: r.account_code, "text"),
                (self.tr("Nama akun"), lambda r: r.account_name, "text"),
                (self.tr("Debit"), lambda r: r.debit or None, "money"),
                (self.tr("Kredit"), lambda r: r.credit or None, "money"),
                (self.tr("Catatan"), lambda r: r.memo, "text"),
            ],
            self,
        )
        self.linesTable = setup_table(DataTable(), "journalLinesTable", stretch_column=1)
        self.linesTable.setModel(self.linesModel)
        split.addWidget(self.linesTable)
        split.setSizes([320, 140])
        jl.addWidget(split, 1)
        self.tabs.addTab(journal, self.tr("Jurnal"))

        # trial balance
        tb = QWidget()
        tb.setObjectName("trialBalanceTab")
        tl = QVBoxLayout(tb)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Per tanggal")))
        self.tbDate = setup_date_edit(QDateEdit(), ctx.today())
        self.tbDate.setObjectName("trialBalanceDate")
        bar.addWidget(self.tbDate)
        self.hideZero = QCheckBox(self.tr("Sembunyikan akun bersaldo nol"))
        self.hideZero.setObjectName("hideZeroCheck")
        self.hideZero.setChecked(True)
        bar.addWidget(self.hideZero)
        bar.addStretch(1)
        tl.addLayout(bar)
        self.tbModel = RowsModel(
            [
                (self.tr("Kode"), lambda r: r.code, "text"),
                (self.tr("Akun"), lambda r: r.name, "text"),
                (self.tr("Debit"), lambda r: r.debit or None, "money"),
                (self.tr("Kredit"), lambda r: r.credit or None, "money"),
            ],
            self,
        )
        self.tbTable = setup_table(DataTable(), "trialBalanceTable", stretch_column=1)
        self.tbTable.setModel(self.tbModel)
        tl.addWidget(self.tbTable, 1)
        self.tbSummary = QLabel()
        self.tbSummary.setObjectName("trialBalanceSummary")
        tl.addWidget(self.tbSummary)
        self.tabs.addTab(tb, self.tr("Neraca saldo"))

        # chart of accounts: the business side of income and expense accounts
        chart = QWidget()
        chart.setObjectName("chartOfAccountsTab")
        al = QVBoxLayout(chart)
        bar = QHBoxLayout()
        hint = QLabel(
            self.tr(
                "Hanya SHU dari usaha dengan anggota yang dibagi kepada anggota (UU 25/1992 "
                "Pasal 45). Beban bersama dialokasikan menurut perbandingan pendapatan."
            )
        )
        hint.setWordWrap(True)
        bar.addWidget(hint, 1)
        self.sideButton = QPushButton(self.tr("Ubah &jenis usaha..."))
        self.sideButton.setObjectName("accountSideButton")
        bar.addWidget(self.sideButton)
        al.addLayout(bar)
        self.accountsModel = RowsModel(
            [
                (self.tr("Kode"), lambda a: a.code, "text"),
                (self.tr("Akun"), lambda a: a.name, "text"),
                (self.tr("Golongan"), lambda a: self.type_label(a.type), "text"),
                (self.tr("Jenis usaha"), lambda a: self.side_label(a.business_side), "text"),
            ],
            self,
        )
        self.accountsTable = setup_table(DataTable(), "accountsTable", stretch_column=1)
        self.accountsTable.setModel(self.accountsModel)
        al.addWidget(self.accountsTable, 1)
        self.tabs.addTab(chart, self.tr("Bagan akun"))
        from .fixed_assets import add_fixed_assets_tab  # the register, for who may read it

        self.fixedAssets = add_fixed_assets_tab(ctx, self.tabs)
        from .bank import add_bank_tab  # bank accounts and their reconciliation

        self.bankTab = add_bank_tab(ctx, self.tabs)

        self.sideButton.clicked.connect(self.edit_side)
        self.accountsTable.selectionModel().currentRowChanged.connect(
            lambda *_: self._update_side_button()
        )
        self._update_side_button()
        self.manualButton.clicked.connect(self.new_manual_entry)
        self.reverseButton.clicked.connect(self.reverse_selected)
        for w in (self.cashFrom, self.cashTo):
            w.userDateChanged.connect(lambda _d: self.load_cash_book())
        self.cashAccountCombo.currentIndexChanged.connect(lambda _i: self.load_cash_book())
        for w in (self.journalFrom, self.journalTo):
            w.userDateChanged.connect(lambda _d: self.load_journal())
        self.sourceCombo.currentIndexChanged.connect(lambda _i: self.load_journal())
        self.journalTable.selectionModel().currentRowChanged.connect(lambda *_: self.load_lines())
        self.tbDate.userDateChanged.connect(lambda _d: self.load_trial_balance())
        self.hideZero.toggled.connect(lambda _c: self.load_trial_balance())
        self._accounts_loaded = False

    def _load_accounts(self) -> None:
        if self._accounts_loaded:
            return
        self._accounts_loaded = True
        self.accounts = ledger_service.list_accounts(self.ctx.db)
        self.cashAccountCombo.blockSignals(True)
        for a in self.accounts:
            if a.code in CASH_ACCOUNTS:
                self.cashAccountCombo.addItem(f"{a.code} {a.name}", a.code)
        self.cashAccountCombo.blockSignals(False)

    def type_label(self, type_: str) -> str:
        return {
            "asset": self.tr("Aset"),
            "liability": self.tr("Liabilitas"),
            "equity": self.tr("Ekuitas"),
            "income": self.tr("Pendapatan"),
            "expense": self.tr("Beban"),
        }.get(type_, type_)

    def side_label(self, side: str | None) -> str:
        return {
            "member": self.tr("Usaha dengan anggota"),
            "non_member": self.tr("Usaha dengan non-anggota"),
            "shared": self.tr("Beban bersama"),
        }.get(side or "", "")

    def load_chart(self) -> None:
        self.accountsModel.set_rows(ledger_service.list_accounts(self.ctx.db))
        self._update_side_button()

    def selected_account(self):
        return self.accountsModel.row(self.accountsTable.currentIndex())

    def _update_side_button(self) -> None:
        a = self.selected_account()
        self.sideButton.setEnabled(a is not None and a.type in ("income", "expense"))

    def edit_side(self) -> AccountSideDialog | None:
        a = self.selected_account()
        if a is None or a.type not in ("income", "expense"):
            return None
        dlg = AccountSideDialog(self.ctx, a, self)
        dlg.accepted.connect(self.load_chart)
        dlg.open()
        return dlg

    def refresh(self) -> None:
        self.load_chart()
        self._load_accounts()
        self.load_cash_book()
        self.load_journal()
        self.load_trial_balance()
        if self.fixedAssets is not None:
            self.fixedAssets.refresh()
        if self.bankTab is not None:
            self.bankTab.refresh()

    def load_cash_book(self) -> None:
        code = self.cashAccountCombo.currentData() or CASH_ACCOUNTS[0]
        book = ui_queries.cash_book(
            self.ctx.db,
            code,
            to_date(self.cashFrom.date()),
            to_date(self.cashTo.date()),
            self.ctx.actor,
        )
        self.cashModel.set_rows(list(book.rows))
        # a running balance reads oldest first, as on paper; it opens on the latest rows
        self.cashTable.scrollToBottom()
        self.cashSummary.setText(
            self.tr(
                "Saldo awal {opening} · masuk {inn} · keluar {out} · saldo akhir {closing}"
            ).format(
                opening=rp(book.opening),
                inn=rp(sum(r.debit for r in book.rows)),
                out=rp(sum(r.credit for r in book.rows)),
                closing=rp(book.closing),
            )
        )

    def load_journal(self) -> None:
        self.journalModel.reload(
            to_date(self.journalFrom.date()),
            to_date(self.journalTo.date()),
            self.sourceCombo.currentData(),
        )
        self.load_lines()

    def selected_entry(self) -> EntryView | None:
        idx = self.journalTable.currentIndex()
        return (
            self.journalModel.rows[idx.row()]
            if idx.isValid() and idx.row() < len(self.journalModel.rows)
            else None
        )

    def load_lines(self) -> None:
        e = self.selected_entry()
        self.linesModel.set_rows(list(e.lines) if e else [])

    def load_trial_balance(self) -> None:
        tb = ledger_service.trial_balance(
            self.ctx.db, to_date(self.tbDate.date()), actor=self.ctx.actor
        )
        rows = (
            [r for r in tb.rows if r.debit or r.credit]
            if self.hideZero.isChecked()
            else list(tb.rows)
        )
        self.tbModel.set_rows(rows)
        balanced = tb.total_debit == tb.total_credit
        self.tbSummary.setText(
            self.tr("Jumlah debit {d} · jumlah kredit {c} · {state}").format(
                d=rp(tb.total_debit),
                c=rp(tb.total_credit),
                state=self.tr("seimbang") if balanced else self.tr("TIDAK SEIMBANG"),
            )
        )

    def new_manual_entry(self) -> ManualEntryDialog:
        dlg = ManualEntryDialog(self.ctx, self)
        dlg.open()
        return dlg

    def reverse_selected(self) -> ReverseDialog | None:
        e = self.selected_entry()
        if e is None:
            dialogs.inform(
                self, self.tr("Balik jurnal"), self.tr("Pilih dulu jurnal yang akan dibalik.")
            )
            return None
        ctx = self.ctx
        dlg = ReverseDialog(
            ctx,
            f"#{e.id} · {fmt_date(e.date)} · {e.description} · {rp(e.total)}",
            lambda date, reason: reverse_or_request(
                ctx,
                "entry_reversal",
                e.id,
                date,
                reason,
                lambda: ledger_service.reverse_entry(ctx.db, ctx.actor, e.id, date, reason),
            ),
            self,
        )
        dlg.open()
        return dlg


class AccountSideDialog(QDialog):
    """Say whether an income or expense account is business with members or non-members
    (or, for an expense, a cost of both); the service checks and audits it."""

    def __init__(self, ctx: AppContext, account, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
            lambda: ledger_service.set_business_side(ctx.db, ctx.actor, code, side),
            changes={LEDGER},
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


class ManualEntryDialog(QDialog):
    """The cooperative's own income and expenses, paid from or into cash or bank."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
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
        self.accounts = [a for a in ledger_service.list_accounts(ctx.db) if a.active]
        for a in self.accounts:
            if a.code in CASH_ACCOUNTS:
                ui.cashCombo.addItem(f"{a.code} {a.name}", a.code)
        ui.kindCombo.currentIndexChanged.connect(lambda _i: self._fill_accounts())
        ui.amountEdit.valueChanged.connect(self._amount_changed)
        self._fill_accounts()
        self.dirty = DirtyTracker(self)
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
                    {LEDGER},
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
            changes={LEDGER},
            on_done=done,
            on_error=failed,
            parent=self,
        )

    def reject(self) -> None:
        if self.dirty.dirty and not dialogs.ask_discard(self):
            return
        super().reject()

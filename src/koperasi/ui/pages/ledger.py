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
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import chart_of_accounts, trial_balances, ui_queries
from ...services import ledger as ledger_service
from ...services.changes import Area
from ...services.ledger import EntryView
from .. import dialogs
from ..context import AppContext
from ..widgets import rp, setup_date_edit, to_date
from .base import DataTable, Index, Page, PagedModel, RowsModel, fmt_date, setup_table
from .ledger_dialogs import CASH_ACCOUNTS, AccountSideDialog, ManualEntryDialog
from .lending_rules import reverse_or_request
from .savings import ReverseDialog


def source_label(source: str) -> str:
    labels = {
        "manual": QCoreApplication.translate("LedgerPage", "Manual"),
        "simpanan": QCoreApplication.translate("LedgerPage", "Simpanan"),
        "pinjaman": QCoreApplication.translate("LedgerPage", "Pinjaman"),
    }
    return labels.get(source, source)


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
                source_label(e.source),
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
    areas = frozenset({Area.LEDGER, Area.SAVINGS, Area.SETTINGS})

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
            self.sourceCombo.addItem(source_label(code), code)
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
        self.accounts = chart_of_accounts.list_accounts(self.ctx.db)
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
        self.accountsModel.set_rows(chart_of_accounts.list_accounts(self.ctx.db))
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
        tb = trial_balances.trial_balance(
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

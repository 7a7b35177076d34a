"""Kas & Jurnal › Rekonsiliasi bank: the bank accounts, a statement imported off the UI
thread (checked first, every row or none), the statement lines beside the bank's journal
lines, automatic and manual matching, unmatching, posting a bank charge / interest / tax
from a statement line, and the reconciliation at a date. Admin and bendahara write; a
pengawas reads; a ketua kelompok does not get the tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import bank as bk
from ...services import bank_lists, bank_matching
from ...services import bank_reconciliation as bank_recon
from ..context import AppContext
from ..widgets import rp, setup_date_edit, to_date
from .bank_dialogs import BankAccountDialog, MappingDialog, PostLineDialog, StatementImportDialog
from .base import DataTable, RowsModel, setup_table


def add_bank_tab(ctx: AppContext, tabs: QTabWidget) -> BankTab | None:
    """Add the tab to the Kas & Jurnal page for those who may read every account."""
    if not ctx.actor.can("read.all"):
        return None
    tab = BankTab(ctx)
    tabs.addTab(tab, tab.title())
    return tab


class BankTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bankReconciliationTab")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.accountCombo = QComboBox()
        self.accountCombo.setObjectName("bankAccountCombo")
        label = QLabel(self.tr("&Rekening"))
        label.setBuddy(self.accountCombo)
        bar.addWidget(label)
        bar.addWidget(self.accountCombo, 1)
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("bankDate")
        label = QLabel(self.tr("Per &tanggal"))
        label.setBuddy(self.dateEdit)
        bar.addWidget(label)
        bar.addWidget(self.dateEdit)
        self.unmatchedCheck = QCheckBox(self.tr("&Hanya yang belum cocok"))
        self.unmatchedCheck.setObjectName("bankUnmatchedCheck")
        bar.addWidget(self.unmatchedCheck)
        layout.addLayout(bar)
        buttons = QHBoxLayout()
        self.newButton = QPushButton(self.tr("Rekening &baru..."))
        self.newButton.setObjectName("newBankAccountButton")
        self.importButton = QPushButton(self.tr("&Impor rekening koran..."))
        self.importButton.setObjectName("importStatementButton")
        self.autoButton = QPushButton(self.tr("Cocokkan &otomatis"))
        self.autoButton.setObjectName("autoMatchButton")
        self.matchButton = QPushButton(self.tr("Cocokkan &manual"))
        self.matchButton.setObjectName("manualMatchButton")
        self.unmatchButton = QPushButton(self.tr("Batalkan &cocok"))
        self.unmatchButton.setObjectName("unmatchButton")
        self.postButton = QPushButton(self.tr("B&ukukan mutasi..."))
        self.postButton.setObjectName("postStatementLineButton")
        self.mappingButton = QPushButton(self.tr("Pemetaan ko&lom..."))
        self.mappingButton.setObjectName("statementMappingButton")
        for b in (
            self.newButton,
            self.mappingButton,
            self.importButton,
            self.autoButton,
            self.matchButton,
            self.unmatchButton,
            self.postButton,
        ):
            b.setVisible(ctx.actor.can("bank.write"))
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout.addLayout(buttons)
        split = QSplitter()
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.statementModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Keterangan"), lambda r: r.description, "text"),
                (self.tr("Jumlah"), lambda r: r.amount, "money"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
                (self.tr("Cocok"), lambda r: self.kind_label(r.kind), "text"),
            ],
            self,
        )
        self.statementTable = setup_table(DataTable(), "statementLinesTable", stretch_column=1)
        self.statementTable.setModel(self.statementModel)
        label = QLabel(self.tr("Rekening &koran"))
        label.setBuddy(self.statementTable)
        ll.addWidget(label)
        ll.addWidget(self.statementTable, 1)
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        self.bookModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Bukti"), lambda r: r.receipt_no or f"#{r.entry_id}", "text"),
                (self.tr("Keterangan"), lambda r: r.description, "text"),
                (self.tr("Jumlah"), lambda r: r.amount, "money"),
                (self.tr("Cocok"), lambda r: "✓" if r.statement_line_id else "", "text"),
            ],
            self,
        )
        self.bookTable = setup_table(DataTable(), "bankBookTable", stretch_column=2)
        self.bookTable.setSelectionMode(QTableView.SelectionMode.ExtendedSelection)
        self.bookTable.setModel(self.bookModel)
        label = QLabel(self.tr("&Jurnal akun bank (pilih satu atau lebih)"))
        label.setBuddy(self.bookTable)
        rl.addWidget(label)
        rl.addWidget(self.bookTable, 1)
        split.addWidget(left)
        split.addWidget(right)
        layout.addWidget(split, 1)
        self.summary = QLabel()
        self.summary.setObjectName("bankSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.message = QLabel()
        self.message.setObjectName("bankMessage")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        self.accountCombo.currentIndexChanged.connect(lambda _i: self.load())
        self.dateEdit.userDateChanged.connect(lambda _d: self.load())
        self.unmatchedCheck.toggled.connect(lambda _c: self.load())
        self.newButton.clicked.connect(self.new_account)
        self.importButton.clicked.connect(self.import_statement)
        self.autoButton.clicked.connect(self.auto_match)
        self.matchButton.clicked.connect(self.match_selected)
        self.unmatchButton.clicked.connect(self.unmatch_selected)
        self.postButton.clicked.connect(self.post_selected)
        self.mappingButton.clicked.connect(self.edit_mapping)

    def title(self) -> str:
        return self.tr("Rekonsiliasi bank")

    def kind_label(self, kind: str | None) -> str:
        return {
            "auto": self.tr("otomatis"),
            "manual": self.tr("manual"),
            "posted": self.tr("dibukukan"),
        }.get(kind or "", "")

    # ------------------------------------------------------------ loading

    def code(self) -> str | None:
        return self.accountCombo.currentData()

    def refresh(self) -> None:
        current = self.code()
        accounts = bk.list_bank_accounts(self.ctx.db, self.ctx.actor)
        self.accountCombo.blockSignals(True)
        self.accountCombo.clear()
        for a in accounts:
            self.accountCombo.addItem(f"{a.code} · {a.name} ({a.account_code})", a.code)
        if current is not None and self.accountCombo.findData(current) >= 0:
            self.accountCombo.setCurrentIndex(self.accountCombo.findData(current))
        self.accountCombo.blockSignals(False)
        self.load()

    def load(self) -> None:
        code = self.code()
        for b in (
            self.mappingButton,
            self.importButton,
            self.autoButton,
            self.matchButton,
            self.unmatchButton,
            self.postButton,
        ):
            b.setEnabled(code is not None)
        if code is None:
            self.statementModel.set_rows([])
            self.bookModel.set_rows([])
            self.summary.setText(
                self.tr("Belum ada rekening bank. Tambahkan dengan Rekening baru.")
            )
            return
        only = self.unmatchedCheck.isChecked()
        as_of = to_date(self.dateEdit.date())
        db, actor = self.ctx.db, self.ctx.actor
        self.statementModel.set_rows(
            [x for x in bank_lists.statement_lines(db, code, actor, only) if x.date <= as_of]
        )
        self.bookModel.set_rows(bank_lists.book_lines(db, code, actor, only, as_of))
        r = bank_recon.reconciliation(db, code, as_of, actor)
        if r.statement_balance is None:
            state = self.tr("belum ada rekening koran")
        elif r.reconciled:
            state = self.tr("COCOK")
        else:
            state = self.tr("selisih {d}").format(d=rp(r.difference))
        self.summary.setText(
            self.tr(
                "Saldo rekening koran {st} · setoran dalam perjalanan {tr} · pembayaran belum "
                "cair {out} · saldo buku {book} · belum dibukukan {un} · {state}"
            ).format(
                st=rp(r.statement_balance or 0),
                tr=rp(sum(i.amount for i in r.in_transit)),
                out=rp(sum(i.amount for i in r.outstanding)),
                book=rp(r.book_balance),
                un=rp(sum(i.amount for i in r.unrecorded)),
                state=state,
            )
        )

    def selected_line(self) -> bk.StatementLineView | None:
        return self.statementModel.row(self.statementTable.currentIndex())

    def selected_book(self) -> list[bk.BookLineView]:
        rows = self.bookTable.selectionModel().selectedRows()
        return [self.bookModel.rows[i.row()] for i in rows if i.row() < len(self.bookModel.rows)]

    # ------------------------------------------------------------ actions

    def _write(self, fn, done_text: str) -> None:
        self.message.clear()
        self.ctx.write(
            fn,
            on_done=lambda v: self._done(done_text.format(v=v)),
            on_error=self._failed,
            parent=self,
        )

    def _done(self, text: str) -> None:
        self.message.setText(text)
        self.load()

    def _failed(self, exc: BaseException) -> bool:
        from ...errors import KoperasiError

        if not isinstance(exc, KoperasiError):
            return False
        self.message.setText(self.ctx.error_message(exc))
        return True

    def new_account(self) -> BankAccountDialog:
        dlg = BankAccountDialog(self.ctx, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def edit_mapping(self) -> MappingDialog | None:
        code = self.code()
        if code is None:
            return None
        dlg = MappingDialog(self.ctx, code, self)
        dlg.open()
        return dlg

    def import_statement(self) -> StatementImportDialog | None:
        code = self.code()
        if code is None:
            return None
        dlg = StatementImportDialog(self.ctx, code, self)
        dlg.finished.connect(lambda _r: self.load())
        dlg.open()
        return dlg

    def auto_match(self) -> None:
        ctx, code = self.ctx, self.code()
        if code is None:
            return
        self.message.clear()
        ctx.write(
            lambda: bank_matching.auto_match(ctx.db, ctx.actor, code),
            on_done=lambda run: self._done(self.tr("{n} baris dicocokkan.").format(n=run.matched)),
            on_error=self._failed,
            parent=self,
        )

    def match_selected(self) -> None:
        line, book = self.selected_line(), self.selected_book()
        if line is None or not book:
            self.message.setText(
                self.tr("Pilih satu baris rekening koran dan baris jurnal yang sama jumlahnya.")
            )
            return
        ctx, ids = self.ctx, [b.journal_line_id for b in book]
        self._write(
            lambda: bank_matching.match(ctx.db, ctx.actor, line.id, ids),
            self.tr("Baris rekening koran dicocokkan."),
        )

    def unmatch_selected(self) -> None:
        line = self.selected_line()
        if line is None or not line.matched:
            self.message.setText(self.tr("Pilih baris rekening koran yang sudah cocok."))
            return
        ctx = self.ctx
        self._write(
            lambda: bank_matching.unmatch(ctx.db, ctx.actor, line.id),
            self.tr("Cocok dibatalkan; jurnalnya kini dapat dibalik."),
        )

    def post_selected(self) -> PostLineDialog | None:
        line = self.selected_line()
        if line is None or line.matched:
            self.message.setText(self.tr("Pilih baris rekening koran yang belum cocok."))
            return None
        dlg = PostLineDialog(self.ctx, line, self)
        dlg.accepted.connect(self.load)
        dlg.open()
        return dlg

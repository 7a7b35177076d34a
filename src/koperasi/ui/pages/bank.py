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
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import bank as bk
from ..context import LEDGER, AppContext
from ..widgets import FieldErrors, rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons as _buttons


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
            [x for x in bk.statement_lines(db, code, actor, only) if x.date <= as_of]
        )
        self.bookModel.set_rows(bk.book_lines(db, code, actor, only, as_of))
        r = bk.reconciliation(db, code, as_of, actor)
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
            changes={LEDGER},
            on_done=lambda v: (self.message.setText(done_text.format(v=v)), self.load()),
            on_error=self._failed,
            parent=self,
        )

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
        if self.code() is None:
            return None
        dlg = MappingDialog(self.ctx, self.code(), self)
        dlg.open()
        return dlg

    def import_statement(self) -> StatementImportDialog | None:
        if self.code() is None:
            return None
        dlg = StatementImportDialog(self.ctx, self.code(), self)
        dlg.finished.connect(lambda _r: self.load())
        dlg.open()
        return dlg

    def auto_match(self) -> None:
        ctx, code = self.ctx, self.code()
        if code is None:
            return
        self.message.clear()
        ctx.write(
            lambda: bk.auto_match(ctx.db, ctx.actor, code),
            changes={LEDGER},
            on_done=lambda run: (
                self.message.setText(self.tr("{n} baris dicocokkan.").format(n=run.matched)),
                self.load(),
            ),
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
            lambda: bk.match(ctx.db, ctx.actor, line.id, ids),
            self.tr("Baris rekening koran dicocokkan."),
        )

    def unmatch_selected(self) -> None:
        line = self.selected_line()
        if line is None or not line.matched:
            self.message.setText(self.tr("Pilih baris rekening koran yang sudah cocok."))
            return
        ctx = self.ctx
        self._write(
            lambda: bk.unmatch(ctx.db, ctx.actor, line.id),
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


class BankAccountDialog(QDialog):
    """A new bank account, in its own ledger account (a new 1.02.NN, or 1.02 if free)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("bankAccountDialog")
        self.setWindowTitle(self.tr("Rekening bank baru"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("bankNameEdit")
        self.bankCombo = QComboBox()
        self.bankCombo.setObjectName("bankCombo")
        for code, name in bk.BANK_NAMES.items():
            self.bankCombo.addItem(self.tr("Bank lain") if code == "lain" else name, code)
        self.numberEdit = QLineEdit()
        self.numberEdit.setObjectName("bankNumberEdit")
        self.ledgerCombo = QComboBox()
        self.ledgerCombo.setObjectName("bankLedgerCombo")
        self.ledgerCombo.addItem(self.tr("Akun baru di bawah 1.02"), None)
        used = {a.account_code for a in bk.list_bank_accounts(ctx.db, ctx.actor)}
        if "1.02" not in used:
            self.ledgerCombo.addItem(self.tr("1.02 Bank (akun yang sudah ada)"), "1.02")
        self.fromEdit = setup_date_edit(QDateEdit(), ctx.today().replace(day=1))
        self.fromEdit.setObjectName("bankFromEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("bankAccountError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Nama rekening"), self.nameEdit, "name"),
                (self.tr("&Bank"), self.bankCombo, "bank"),
                (self.tr("Nomor re&kening"), self.numberEdit, "bank_account"),
                (self.tr("&Akun buku besar"), self.ledgerCombo, "account_code"),
                (self.tr("&Mulai direkonsiliasi"), self.fromEdit, "date"),
            ),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan"), self.tr("Batal")).accepted.connect(self.save)

    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        name, bank, number = (
            self.nameEdit.text(),
            self.bankCombo.currentData(),
            self.numberEdit.text(),
        )
        account, start = self.ledgerCombo.currentData(), to_date(self.fromEdit.date())
        ctx.write(
            lambda: bk.add_bank_account(ctx.db, ctx.actor, name, bank, number, "", account, start),
            changes={LEDGER},
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, view: bk.BankAccountView) -> None:
        self.view = view
        self.accept()


PRESET_NAMES = (("", ""), ("bca", "BCA"), ("bri", "BRI"), ("mandiri", "Mandiri"), ("bni", "BNI"))


class StatementImportDialog(QDialog):
    """Import a statement (CSV/XLSX): check first (a dry run), then import; every row or
    none; lines imported before are duplicates and left out."""

    def __init__(self, ctx: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.setObjectName("statementImportDialog")
        self.setWindowTitle(self.tr("Impor rekening koran {code}").format(code=code))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.fileEdit = QLineEdit()
        self.fileEdit.setObjectName("statementFileEdit")
        browse = QPushButton(self.tr("&Pilih..."))
        browse.setObjectName("statementBrowseButton")
        browse.clicked.connect(self.browse)
        row.addWidget(self.fileEdit, 1)
        row.addWidget(browse)
        label = QLabel(self.tr("&Berkas (CSV atau Excel)"))
        label.setBuddy(self.fileEdit)
        form.addRow(label, row)
        self.presetCombo = QComboBox()
        self.presetCombo.setObjectName("statementPresetCombo")
        for key, name in PRESET_NAMES:
            self.presetCombo.addItem(name or self.tr("Pemetaan tersimpan / dikenali otomatis"), key)
        label = QLabel(self.tr("&Tata letak kolom"))
        label.setBuddy(self.presetCombo)
        form.addRow(label, self.presetCombo)
        layout.addLayout(form)
        self.resultLabel = QLabel()
        self.resultLabel.setObjectName("statementImportResult")
        self.resultLabel.setWordWrap(True)
        layout.addWidget(self.resultLabel)
        buttons = QDialogButtonBox()
        self.checkButton = buttons.addButton(
            self.tr("Peri&ksa"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.checkButton.setObjectName("statementCheckButton")
        self.importButton = buttons.addButton(
            self.tr("&Impor"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.importButton.setObjectName("statementImportButton")
        self.importButton.setAutoDefault(False)
        self.checkButton.setDefault(True)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.checkButton.clicked.connect(lambda: self.run(dry_run=True))
        self.importButton.clicked.connect(lambda: self.run(dry_run=False))
        layout.addWidget(buttons)

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Rekening koran"), "", self.tr("Rekening koran (*.csv *.xlsx *.txt)")
        )
        if path:
            self.fileEdit.setText(path)

    def run(self, dry_run: bool) -> None:
        ctx, code, path = self.ctx, self.code, self.fileEdit.text().strip()
        if not path:
            self.resultLabel.setText(self.tr("Pilih dulu berkas rekening koran."))
            return
        preset = self.presetCombo.currentData()

        def work():
            if preset and not dry_run:
                bk.set_layout(ctx.db, ctx.actor, code, {"preset": preset})
            if preset and dry_run:
                # a check with another layout leaves the saved mapping alone
                from ...exchange.bank_statement import PRESETS, parse_statement

                parsed = parse_statement(path, PRESETS[preset])
                rep = bk.ImportReport(dry_run=True, rows=len(parsed.rows) + len(parsed.errors))
                rep.errors.extend(parsed.errors)
                rep.imported = len(parsed.rows)
                rep.mapping = parsed.mapping
                return rep
            return bk.import_statement(ctx.db, ctx.actor, code, path, dry_run)

        ctx.write(
            work,
            changes=set() if dry_run else {LEDGER},
            on_done=self._done,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        from ...errors import KoperasiError

        if not isinstance(exc, KoperasiError):
            return False
        self.resultLabel.setText(self.ctx.error_message(exc))
        return True

    def _done(self, rep: bk.ImportReport) -> None:
        self.report = rep
        if rep.errors:
            head = self.tr("Tidak ada yang disimpan. Perbaiki baris berikut:")
            self.resultLabel.setText("\n".join([head, *rep.messages(self.ctx.lang)[:20]]))
        elif rep.dry_run:
            self.resultLabel.setText(
                self.tr("{n} baris baru siap diimpor; {d} baris sudah pernah diimpor.").format(
                    n=rep.imported, d=len(rep.duplicates)
                )
            )
        else:
            self.resultLabel.setText(
                self.tr("{n} baris baru diimpor; {d} baris duplikat dilewati.").format(
                    n=rep.imported, d=len(rep.duplicates)
                )
            )


class PostLineDialog(QDialog):
    """Book a statement line that is not in the books: bank charges, interest, tax on
    interest, or another account; a balanced entry dated the line's date, matched at once."""

    def __init__(
        self, ctx: AppContext, line: bk.StatementLineView, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.line = line
        self.setObjectName("postStatementLineDialog")
        self.setWindowTitle(self.tr("Bukukan mutasi rekening koran"))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{line.date:%d/%m/%Y} · {line.description} · {rp(line.amount)}"))
        form = QFormLayout()
        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("postKindCombo")
        if line.amount < 0:
            self.kindCombo.addItem(self.tr("Biaya administrasi bank (5.18)"), "biaya")
            self.kindCombo.addItem(self.tr("Pajak atas bunga (5.50)"), "pajak")
        else:
            self.kindCombo.addItem(self.tr("Bunga / jasa giro (4.90)"), "bunga")
        self.kindCombo.addItem(self.tr("Akun lain"), "")
        self.accountEdit = QLineEdit()
        self.accountEdit.setObjectName("postAccountEdit")
        self.accountEdit.setPlaceholderText("5.10")
        self.descriptionEdit = QLineEdit(line.description)
        self.descriptionEdit.setObjectName("postDescriptionEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("postLineError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Jenis"), self.kindCombo, "bank_kind"),
                (self.tr("&Akun lawan (bila akun lain)"), self.accountEdit, "account_code"),
                (self.tr("&Keterangan"), self.descriptionEdit, "description"),
            ),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed(0)
        _buttons(self, layout, self.tr("Bukukan"), self.tr("Batal")).accepted.connect(self.save)

    def _kind_changed(self, _i: int) -> None:
        self.accountEdit.setEnabled(not self.kindCombo.currentData())

    def save(self) -> None:
        self.errors.clear()
        ctx, line_id = self.ctx, self.line.id
        kind, account = self.kindCombo.currentData(), self.accountEdit.text()
        text = self.descriptionEdit.text()
        ctx.write(
            lambda: bk.post_statement_line(ctx.db, ctx.actor, line_id, kind, account, text),
            changes={LEDGER},
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class MappingDialog(QDialog):
    """The statement columns of one bank account (the header written in the bank's export,
    or a column letter): saved for the account and used by every later import."""

    FIELDS = ("date", "description", "debit", "credit", "amount", "dbcr", "balance")

    def __init__(self, ctx: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.code = code
        self.setObjectName("statementMappingDialog")
        self.setWindowTitle(self.tr("Pemetaan kolom rekening koran {code}").format(code=code))
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Tulis judul kolom seperti di berkas bank (atau huruf kolomnya). Isi debet dan "
                "kredit, atau jumlah dengan kolom DB/CR bila ada."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        current = bk.get_bank_account(ctx.db, code, ctx.actor).layout
        form = QFormLayout()
        self.edits: dict[str, QLineEdit] = {}
        labels = {
            "date": self.tr("&Tanggal"),
            "description": self.tr("&Keterangan (pisahkan dengan ;)"),
            "debit": self.tr("&Debet"),
            "credit": self.tr("K&redit"),
            "amount": self.tr("&Jumlah"),
            "dbcr": self.tr("Tanda D&B/CR"),
            "balance": self.tr("&Saldo"),
        }
        rows = []
        for f in self.FIELDS:
            edit = QLineEdit()
            edit.setObjectName(f"mapping_{f}")
            value = current.get(f, "")
            edit.setText("; ".join(value) if isinstance(value, list) else str(value or ""))
            self.edits[f] = edit
            rows.append((labels[f], edit, f if f != "date" else "bank_date"))
        self.generalError = QLabel()
        self.generalError.setObjectName("mappingError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(form, self.errors, rows)
        self.errors.add("bank_layout", self.edits["date"], QLabel())
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan"), self.tr("Batal")).accepted.connect(self.save)

    def layout_value(self) -> dict:
        out: dict = {}
        for f, edit in self.edits.items():
            text = edit.text().strip()
            if not text:
                continue
            if f == "description":
                out[f] = [x.strip() for x in text.split(";") if x.strip()]
            else:
                out[f] = text
        return out

    def save(self) -> None:
        self.errors.clear()
        ctx, code, value = self.ctx, self.code, self.layout_value()
        ctx.write(
            lambda: bk.set_layout(ctx.db, ctx.actor, code, value),
            changes={LEDGER},
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, view: bk.BankAccountView) -> None:
        self.view = view
        self.accept()

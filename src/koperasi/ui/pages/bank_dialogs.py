"""The dialogs of the bank tab: a bank account, importing a statement, posting a statement line, the
column mapping of a bank's statement."""

from __future__ import annotations

from PySide6.QtWidgets import (
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
    QVBoxLayout,
    QWidget,
)

from ...exchange import bank_statement
from ...services import bank as bk
from ...services import bank_matching
from ..context import AppContext
from ..widgets import FieldErrors, rp, setup_date_edit, to_date
from .form_dialog import FormDialog
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons as _buttons


class BankAccountDialog(FormDialog):
    """A new bank account, in its own ledger account (a new 1.02.NN, or 1.02 if free)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
            return bank_statement.import_statement(ctx.db, ctx.actor, code, path, dry_run)

        ctx.write(
            work,
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


class PostLineDialog(FormDialog):
    """Book a statement line that is not in the books: bank charges, interest, tax on
    interest, or another account; a balanced entry dated the line's date, matched at once."""

    def __init__(
        self, ctx: AppContext, line: bk.StatementLineView, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
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
            lambda: bank_matching.post_statement_line(
                ctx.db, ctx.actor, line_id, kind, account, text
            ),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class MappingDialog(FormDialog):
    """The statement columns of one bank account (the header written in the bank's export,
    or a column letter): saved for the account and used by every later import."""

    FIELDS = ("date", "description", "debit", "credit", "amount", "dbcr", "balance")

    def __init__(self, ctx: AppContext, code: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
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
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, view: bk.BankAccountView) -> None:
        self.view = view
        self.accept()

"""A member's detail (savings, loans, documents) and the exit of a member."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import LoanStatus, MemberStatus
from ...errors import ValidationError
from ...messages.text import pick
from ...services import member_exit, savings_statements, ui_queries
from ...services import members as members_service
from ...services.changes import Area
from ...services.loans import views as loan_views
from ...services.members import MemberDetail
from .. import dialogs
from ..context import AppContext
from ..widgets import (
    FieldErrors,
    rp,
    setup_date_edit,
    to_date,
)
from .base import DataTable, RowsModel, fmt_date, setup_table
from .form_dialog import FormDialog
from .member_dialog import MemberDialog
from .member_labels import kind_label, loan_status_label, status_label

# documents printed for the loan selected on the member's Pinjaman tab
LOAN_PAPERS = frozenset({"kartu-pinjaman", "perjanjian-pinjaman", "jadwal-angsuran", "surat-lunas"})


class MemberDetailDialog(QDialog):
    """A member at a glance: profile, savings and statements, loans, transactions, documents."""

    def __init__(self, ctx: AppContext, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.setObjectName("memberDetailDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("memberHeader")
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        layout.addWidget(self.tabs, 1)

        # profile
        self.profileTab = QWidget()
        self.profileTab.setObjectName("memberProfileTab")
        pl = QVBoxLayout(self.profileTab)
        self.profileForm = QFormLayout()
        pl.addLayout(self.profileForm)
        pl.addStretch(1)
        row = QHBoxLayout()
        self.editButton = QPushButton(self.tr("&Ubah data"))
        self.editButton.setObjectName("editMemberButton")
        self.exitButton = QPushButton(self.tr("&Keluar dari keanggotaan..."))
        self.exitButton.setObjectName("exitMemberButton")
        row.addWidget(self.editButton)
        row.addWidget(self.exitButton)
        # issue 17: board, supervisors, staff or their family (no Alt letter: Tab reaches it)
        self.relatedButton = QPushButton(self.tr("Pihak terkait..."))
        self.relatedButton.setObjectName("relatedPartyButton")
        self.relatedButton.setVisible(ctx.actor.can("member.write"))
        self.relatedButton.clicked.connect(self.edit_related)
        row.addWidget(self.relatedButton)
        row.addStretch(1)
        pl.addLayout(row)
        self.tabs.addTab(self.profileTab, self.tr("Profil"))

        # savings
        self.savingsTab = QWidget()
        self.savingsTab.setObjectName("memberSavingsTab")
        sl = QVBoxLayout(self.savingsTab)
        self.balancesModel = RowsModel(
            [
                (self.tr("Produk"), lambda r: r.product_name, "text"),
                (self.tr("No. rekening"), lambda r: r.account_number, "text"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
            ],
            self,
        )
        self.balancesTable = setup_table(DataTable(), "memberBalancesTable", stretch_column=0)
        self.balancesTable.setModel(self.balancesModel)
        self.balancesTable.setMaximumHeight(140)
        sl.addWidget(self.balancesTable)
        rng = QHBoxLayout()
        rng.addWidget(QLabel(self.tr("Mutasi dari")))
        self.fromEdit = setup_date_edit(QDateEdit(), ctx.today().replace(month=1, day=1))
        self.fromEdit.setObjectName("statementFrom")
        rng.addWidget(self.fromEdit)
        rng.addWidget(QLabel(self.tr("sampai")))
        self.toEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.toEdit.setObjectName("statementTo")
        rng.addWidget(self.toEdit)
        rng.addStretch(1)
        self.depositButton = QPushButton(self.tr("&Setor..."))
        self.depositButton.setObjectName("memberDepositButton")
        self.withdrawButton = QPushButton(self.tr("&Tarik..."))
        self.withdrawButton.setObjectName("memberWithdrawButton")
        rng.addWidget(self.depositButton)
        rng.addWidget(self.withdrawButton)
        sl.addLayout(rng)
        self.statementModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Kuitansi"), lambda r: r.receipt_no, "text"),
                (self.tr("Jenis"), lambda r: kind_label(r.kind, ctx.lang), "text"),
                (self.tr("Keterangan"), lambda r: r.memo, "text"),
                (self.tr("Masuk"), lambda r: r.credit or None, "money"),
                (self.tr("Keluar"), lambda r: r.debit or None, "money"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
            ],
            self,
        )
        self.statementTable = setup_table(DataTable(), "memberStatementTable", stretch_column=3)
        self.statementTable.setModel(self.statementModel)
        sl.addWidget(self.statementTable, 1)
        self.statementSummary = QLabel()
        self.statementSummary.setObjectName("statementSummary")
        sl.addWidget(self.statementSummary)
        self.tabs.addTab(self.savingsTab, self.tr("Simpanan"))

        # loans: the member's loans, each with its schedule and transactions
        from .loan_list import LoanDetailPanel

        self.loansTab = QWidget()
        self.loansTab.setObjectName("memberLoansTab")
        lo = QVBoxLayout(self.loansTab)
        self.loansModel = RowsModel(
            [
                (self.tr("No. pinjaman"), lambda r: r.number, "text"),
                (self.tr("Produk"), lambda r: r.product_code, "text"),
                (self.tr("Status"), lambda r: loan_status_label(r.status, ctx.lang), "text"),
                (self.tr("Tanggal cair"), lambda r: r.disbursed_on, "date"),
                (self.tr("Plafon"), lambda r: r.amount, "money"),
                (self.tr("Sisa pokok"), lambda r: r.principal_outstanding or None, "money"),
            ],
            self,
        )
        self.loansTable = setup_table(DataTable(), "memberLoansTable", stretch_column=1)
        self.loansTable.setModel(self.loansModel)
        self.loansTable.setMaximumHeight(140)
        lo.addWidget(self.loansTable)
        self.loanPanel = LoanDetailPanel(ctx)
        lo.addWidget(self.loanPanel, 1)
        lrow = QHBoxLayout()
        self.applyLoanButton = QPushButton(self.tr("&Ajukan pinjaman..."))
        self.applyLoanButton.setObjectName("memberApplyLoanButton")
        self.repayLoanButton = QPushButton(self.tr("A&ngsuran..."))
        self.repayLoanButton.setObjectName("memberRepayLoanButton")
        lrow.addWidget(self.applyLoanButton)
        lrow.addWidget(self.repayLoanButton)
        lrow.addStretch(1)
        lo.addLayout(lrow)
        self.tabs.addTab(self.loansTab, self.tr("Pinjaman"))

        # transactions
        self.ledgerModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Jurnal"), lambda r: r.entry_id, "int"),
                (self.tr("Kuitansi"), lambda r: r.receipt_no, "text"),
                (self.tr("Keterangan"), lambda r: r.description, "text"),
                (self.tr("Akun"), lambda r: f"{r.account_code} {r.account_name}", "text"),
                (self.tr("Debit"), lambda r: r.debit or None, "money"),
                (self.tr("Kredit"), lambda r: r.credit or None, "money"),
            ],
            self,
        )
        self.ledgerTable = setup_table(DataTable(), "memberLedgerTable", stretch_column=3)
        self.ledgerTable.setModel(self.ledgerModel)
        self.tabs.addTab(self.ledgerTable, self.tr("Transaksi"))

        self.documentsTab = QWidget()
        self.documentsTab.setObjectName("memberDocumentsTab")
        dl = QVBoxLayout(self.documentsTab)
        dl.addWidget(
            QLabel(
                self.tr(
                    "Dokumen anggota ini disusun di halaman Laporan, dengan pratinjau, "
                    "cetak dan simpan PDF/Excel."
                )
            )
        )
        self.documentButtons: dict[str, QPushButton] = {}
        for key, text in (
            ("mutasi-simpanan", self.tr("&Mutasi simpanan (buku tabungan)")),
            ("kartu-pinjaman", self.tr("&Kartu angsuran pinjaman terpilih")),
            ("kuitansi", self.tr("Kuitansi &transaksi terakhir")),
            ("slip-shu", self.tr("&Slip SHU")),
            ("kartu-anggota", self.tr("Kartu &anggota (dengan kode QR)")),
            ("perjanjian-pinjaman", self.tr("Surat &perjanjian pinjaman terpilih")),
            ("jadwal-angsuran", self.tr("&Jadwal angsuran pinjaman terpilih")),
            ("surat-lunas", self.tr("Surat keterangan &lunas pinjaman terpilih")),
        ):
            b = QPushButton(text)
            b.setObjectName(f"document-{key}")
            b.clicked.connect(lambda _c=False, k=key: self.print_document(k))
            self.documentButtons[key] = b
            dl.addWidget(b)
        dl.addStretch(1)
        self.tabs.addTab(self.documentsTab, self.tr("Dokumen"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.editButton.clicked.connect(self.edit)
        self.exitButton.clicked.connect(self.exit_member)
        self.depositButton.clicked.connect(lambda: self.savings_dialog("deposit"))
        self.withdrawButton.clicked.connect(lambda: self.savings_dialog("withdraw"))
        self.balancesTable.clicked.connect(lambda _i: self.load_statement())
        self.loansTable.selectionModel().currentRowChanged.connect(lambda _c, _p: self.load_loan())
        self.applyLoanButton.clicked.connect(self.apply_loan)
        self.repayLoanButton.clicked.connect(self.repay_loan)
        self.fromEdit.userDateChanged.connect(lambda _d: self.load_statement())
        self.toEdit.userDateChanged.connect(lambda _d: self.load_statement())
        ctx.bus.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, areas: set[str]) -> None:
        if areas & {Area.MEMBERS, Area.GROUPS, Area.SAVINGS, Area.LEDGER, Area.LOANS}:
            self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        d = members_service.get_member(ctx.db, self.number, ctx.actor)
        self.detail = d
        self.setWindowTitle(
            self.tr("Anggota {number} · {name}").format(number=d.number, name=d.name)
        )
        self.header.setText(
            f"<h2>{d.name}</h2>"
            + self.tr("No. {number} · {status} · kelompok {group}").format(
                number=d.number,
                status=status_label(d.status, ctx.lang),
                group=d.group_name or "-",
            )
        )
        while self.profileForm.rowCount():
            self.profileForm.removeRow(0)
        gender = self.tr("Perempuan") if d.gender == "P" else self.tr("Laki-laki")
        cats = {
            c.code: pick((c.name_id, c.name_en), ctx.lang)
            for c in members_service.list_categories(ctx.db)
        }
        for label, value in (
            (self.tr("NIK"), d.nik),
            (self.tr("Jenis kelamin"), gender),
            (
                self.tr("Tempat, tanggal lahir"),
                f"{d.birth_place}, {fmt_date(d.birth_date)}".strip(", "),
            ),
            (self.tr("Alamat"), ", ".join(x for x in (d.address, d.kelurahan, d.kecamatan) if x)),
            (self.tr("Telepon"), d.phone),
            (self.tr("Pekerjaan"), d.occupation),
            (self.tr("Tanggal masuk"), fmt_date(d.join_date)),
            (self.tr("Ahli waris"), f"{d.heir_name} ({d.heir_relation})" if d.heir_name else ""),
            (self.tr("Kategori"), ", ".join(cats.get(c, c) for c in d.categories) or "-"),
        ):
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.profileForm.addRow(label, value_label)
        if d.status in ("keluar", "meninggal"):
            self.profileForm.addRow(
                self.tr("Keluar"), QLabel(f"{fmt_date(d.status_date)} · {d.exit_reason}")
            )
        self._loan_rules_rows(d.number)
        active = d.status not in ("keluar", "meninggal")
        self.exitButton.setEnabled(active)
        self.depositButton.setEnabled(active)
        self.withdrawButton.setEnabled(active)
        self.balancesModel.set_rows(
            savings_statements.member_balances(ctx.db, d.number, actor=ctx.actor)
        )
        if self.balancesModel.rows:
            self.balancesTable.selectRow(0)
        self.load_statement()
        self.ledgerModel.set_rows(ui_queries.member_ledger(ctx.db, d.number, actor=ctx.actor))
        self.loansModel.set_rows(loan_views.member_loans(ctx.db, d.number, ctx.actor))
        self.applyLoanButton.setEnabled(d.status == MemberStatus.ACTIVE)
        if self.loansModel.rows:
            self.loansTable.selectRow(len(self.loansModel.rows) - 1)
        self.load_loan()

    def edit_related(self):
        from .lending_rules import RelatedPartyDialog

        dlg = RelatedPartyDialog(self.ctx, self.number, self)
        dlg.saved.connect(lambda _v: self.refresh())
        dlg.open()
        return dlg

    def _loan_rules_rows(self, number: str) -> None:
        """Issue 17: the loans the member guarantees (principal outstanding) and whether the
        member is a related party (board, supervisors, staff or their family)."""
        from ...services.loans import collateral, lending_limits

        ctx = self.ctx
        exposure = collateral.exposure_of(ctx.db, number, ctx.actor)
        guaranteed = QLabel(
            self.tr("{n} pinjaman, sisa pokok {amount}").format(
                n=len(exposure.rows), amount=rp(exposure.total)
            )
            + (
                " (" + ", ".join(r.loan_number for r in exposure.rows) + ")"
                if exposure.rows
                else ""
            )
        )
        guaranteed.setObjectName("memberGuaranteeLabel")
        guaranteed.setWordWrap(True)
        self.profileForm.addRow(self.tr("Menjamin"), guaranteed)
        relation = lending_limits.relation_of(ctx.db, number)
        if relation is not None:
            kind = pick(lending_limits.RELATED_LABELS[relation.kind], ctx.lang)
            text = ", ".join(x for x in (kind, relation.officer, relation.note) if x)
            related = QLabel(text)
            related.setObjectName("memberRelatedLabel")
            self.profileForm.addRow(self.tr("Pihak terkait"), related)

    def load_loan(self) -> None:
        row = self.loansModel.row(self.loansTable.currentIndex())
        detail = loan_views.get_loan(self.ctx.db, row.number, self.ctx.actor) if row else None
        self.loanPanel.show_loan(detail)
        self.repayLoanButton.setEnabled(detail is not None and detail.status == LoanStatus.ACTIVE)

    def apply_loan(self) -> QDialog:
        from .loan_wizard import LoanApplicationWizard

        wiz = LoanApplicationWizard(self.ctx, self.number, self)
        wiz.open()
        return wiz

    def repay_loan(self) -> QDialog:
        from .loan_payment_dialogs import RepaymentDialog

        d = self.loanPanel.detail
        dlg = RepaymentDialog(self.ctx, d.number if d else None, self)
        dlg.open()
        return dlg

    def selected_product(self) -> str | None:
        idx = self.balancesTable.currentIndex()
        row = self.balancesModel.row(idx) if idx.isValid() else None
        if row is None and self.balancesModel.rows:
            row = self.balancesModel.rows[0]
        return row.product_code if row is not None else None

    def load_statement(self) -> None:
        code = self.selected_product()
        if code is None:
            self.statementModel.set_rows([])
            return
        try:
            st = savings_statements.statement(
                self.ctx.db,
                self.number,
                code,
                to_date(self.fromEdit.date()),
                to_date(self.toEdit.date()),
                actor=self.ctx.actor,
            )
        except ValidationError as exc:
            self.statementSummary.setText(exc.message(self.ctx.lang))
            self.statementModel.set_rows([])
            return
        self.statementModel.set_rows(list(st.rows))
        # a passbook reads oldest first (running balance); it opens on the latest rows
        self.statementTable.scrollToBottom()
        self.statementSummary.setText(
            self.tr(
                "Saldo awal {opening} · masuk {inn} · keluar {out} · saldo akhir {closing}"
            ).format(
                opening=rp(st.opening),
                inn=rp(st.total_in),
                out=rp(st.total_out),
                closing=rp(st.closing),
            )
        )

    def edit(self) -> MemberDialog:
        dlg = MemberDialog(self.ctx, self.detail, self)
        dlg.open()
        return dlg

    def savings_dialog(self, mode: str) -> QDialog:
        from .savings import SavingsTxDialog

        dlg = SavingsTxDialog(self.ctx, mode, self.number, self.selected_product(), self)
        dlg.open()
        return dlg

    def document_options(self, report: str) -> dict[str, Any] | None:
        """The Laporan page options that print ``report`` for this member (None: nothing
        to print, e.g. no loan or no receipt yet)."""
        options: dict[str, Any] = {"report": report, "member": self.number}
        if report in LOAN_PAPERS:
            loan = self.loanPanel.detail
            if loan is None:
                return None
            options["loan"] = loan.number
        if report == "kuitansi":
            receipts = [r.receipt_no for r in self.ledgerModel.rows if r.receipt_no]
            if not receipts:
                return None
            options["receipt"] = receipts[0]
        return options

    def print_document(self, report: str) -> None:
        options = self.document_options(report)
        if options is None:
            dialogs.inform(self, self.tr("Dokumen"), self.tr("Belum ada data untuk dokumen ini."))
            return
        loan = self.loanPanel.detail
        if report == "surat-lunas" and loan is not None and loan.status != LoanStatus.PAID_OFF:
            dialogs.inform(
                self,
                self.tr("Dokumen"),
                self.tr(
                    "Pinjaman {0} belum lunas; surat keterangan lunas hanya untuk pinjaman "
                    "yang sudah lunas."
                ).format(loan.number),
            )
            return
        self.accept()
        self.ctx.bus.navigate.emit("reports", options)

    def exit_member(self) -> ExitMemberDialog:
        dlg = ExitMemberDialog(self.ctx, self.detail, self)
        dlg.open()
        return dlg


class ExitMemberDialog(FormDialog):
    """End a membership: the service settles the savings (and loans) and pays out the rest."""

    def __init__(
        self, ctx: AppContext, detail: MemberDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.setObjectName("exitMemberDialog")
        self.setWindowTitle(self.tr("Keluar dari keanggotaan"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "<b>{name}</b> ({number}) keluar dari koperasi. Seluruh simpanan dikembalikan "
                    "tunai setelah dipotong pinjaman yang belum lunas."
                ).format(name=detail.name, number=detail.number)
            )
        )
        form = QFormLayout()
        self.statusCombo = QComboBox()
        self.statusCombo.setObjectName("exitStatusCombo")
        self.statusCombo.addItem(status_label("keluar", ctx.lang), "keluar")
        self.statusCombo.addItem(status_label("meninggal", ctx.lang), "meninggal")
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("exitDateEdit")
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("exitReasonEdit")
        form.addRow(self.tr("Status"), self.statusCombo)
        form.addRow(self.tr("Tanggal"), self.dateEdit)
        form.addRow(self.tr("Alasan"), self.reasonEdit)
        self.reasonError = QLabel()
        form.addRow("", self.reasonError)
        layout.addLayout(form)
        self.generalError = QLabel()
        layout.addWidget(self.generalError)
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("reason", self.reasonEdit, self.reasonError)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Proses keluar"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("confirmExitButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def confirm(self) -> None:
        ctx, d = self.ctx, self.detail
        reason = self.reasonEdit.text()
        date = to_date(self.dateEdit.date())
        status = self.statusCombo.currentData()
        self.errors.clear()

        def done(result: member_exit.ExitResult) -> None:
            self.accept()
            dialogs.inform(
                self.parentWidget(),
                self.tr("Keanggotaan berakhir"),
                self.tr(
                    "Dikembalikan tunai: {paid}\nDipotong untuk pinjaman: {offset}\nKuitansi: {receipts}"
                ).format(
                    paid=rp(result.returned),
                    offset=rp(result.offset_against_loans),
                    receipts=", ".join(result.receipts) or "-",
                ),
            )

        ctx.write(
            lambda: member_exit.exit_member(ctx.db, ctx.actor, d.number, date, reason, status),
            on_done=done,
            on_error=self.errors.show,
            parent=self,
        )

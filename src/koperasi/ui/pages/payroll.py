"""Simpanan › Potong gaji: an employer's list for a month (shown, saved as XLSX for the employer or
as PDF), employers and the members they employ, and the employer's payment file: checked first
(a dry run shows every row's allocation and difference), then posted in one transaction.
Admin and bendahara write; a pengawas reads; a ketua kelompok does not see the tab.
"""

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

from ...messages import label
from ...services import payroll, payroll_posting
from ..context import AppContext
from ..widgets import FieldErrors, MoneyEdit, rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table
from .form_dialog import FormDialog
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons as _buttons
from .report_save import render_report, save_path


class PayrollTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("payrollTab")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        emp_label = QLabel(self.tr("I&nstansi"))
        self.employerCombo = QComboBox()
        self.employerCombo.setObjectName("payrollEmployerCombo")
        self.employerCombo.setMinimumWidth(220)
        emp_label.setBuddy(self.employerCombo)
        month_label = QLabel(self.tr("B&ulan"))
        today = ctx.today()
        self.monthEdit = setup_date_edit(QDateEdit(), today.replace(day=1))
        self.monthEdit.setObjectName("payrollMonthEdit")
        self.monthEdit.setDisplayFormat("MM/yyyy")
        month_label.setBuddy(self.monthEdit)
        for w in (emp_label, self.employerCombo, month_label, self.monthEdit):
            bar.addWidget(w)
        bar.addStretch(1)
        self.employerButton = QPushButton(self.tr("Instansi ba&ru..."))
        self.employerButton.setObjectName("newEmployerButton")
        self.linkButton = QPushButton(self.tr("&Hubungkan anggota..."))
        self.linkButton.setObjectName("linkEmployeeButton")
        self.importButton = QPushButton(self.tr("&Impor pembayaran..."))
        self.importButton.setObjectName("importPayrollButton")
        for b in (self.employerButton, self.linkButton, self.importButton):
            b.setVisible(ctx.actor.can("payroll.write"))
            bar.addWidget(b)
        self.xlsxButton = QPushButton(self.tr("Simpan &Excel..."))
        self.xlsxButton.setObjectName("payrollXlsxButton")
        self.pdfButton = QPushButton(self.tr("Simpan P&DF..."))
        self.pdfButton.setObjectName("payrollPdfButton")
        bar.addWidget(self.xlsxButton)
        bar.addWidget(self.pdfButton)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("No. pegawai"), lambda r: r.employee_no, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Simpanan wajib"), lambda r: r.wajib, "money"),
                (self.tr("Angsuran"), lambda r: r.angsuran, "money"),
                (self.tr("Simpanan sukarela"), lambda r: r.sukarela, "money"),
                (self.tr("Jumlah potongan"), lambda r: r.total, "money"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "payrollTable", stretch_column=2)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("payrollSummary")
        self.summary.setWordWrap(True)
        layout.addWidget(self.summary)
        self.employerCombo.currentIndexChanged.connect(lambda _i: self.show_list())
        self.monthEdit.dateChanged.connect(lambda _d: self.show_list())
        self.employerButton.clicked.connect(self.new_employer)
        self.linkButton.clicked.connect(self.link_member)
        self.importButton.clicked.connect(self.import_payments)
        self.xlsxButton.clicked.connect(lambda: self.save_list("xlsx"))
        self.pdfButton.clicked.connect(lambda: self.save_list("pdf"))

    def title(self) -> str:
        return self.tr("Potong gaji")

    def employer(self) -> str:
        return self.employerCombo.currentData() or ""

    def period(self) -> tuple[int, int]:
        d = self.monthEdit.date()
        return d.year(), d.month()

    def refresh(self) -> None:
        current = self.employer()
        self.employerCombo.blockSignals(True)
        self.employerCombo.clear()
        for e in payroll.list_employers(self.ctx.db, self.ctx.actor):
            self.employerCombo.addItem(f"{e.code} – {e.name}", e.code)
        i = self.employerCombo.findData(current)
        self.employerCombo.setCurrentIndex(max(0, i))
        self.employerCombo.blockSignals(False)
        self.show_list()

    def show_list(self) -> None:
        code = self.employer()
        if not code:
            self.model.set_rows([])
            self.summary.setText(self.tr('Belum ada instansi. Tambahkan dengan "Instansi baru".'))
            return
        y, m = self.period()
        lst = payroll.deduction_list(self.ctx.db, code, y, m, self.ctx.actor)
        self.list = lst
        self.model.set_rows(list(lst.rows))
        self.summary.setText(
            self.tr(
                "{n} anggota · jumlah potongan {total} · angsuran jatuh tempo s.d. {due}"
            ).format(n=len(lst.rows), total=rp(lst.total()), due=lst.due_by.strftime("%d/%m/%Y"))
        )

    def save_list(self, fmt: str) -> str | None:
        code = self.employer()
        if not code:
            return None
        y, m = self.period()
        path = save_path(
            self,
            self.tr("Daftar potongan gaji"),
            f"potongan-gaji-{code}-{y}-{m:02d}.{fmt}",
            self.tr("Excel (*.xlsx)") if fmt == "xlsx" else self.tr("PDF (*.pdf)"),
        )
        if not path:
            return None
        ctx = self.ctx

        def work() -> str:
            if fmt == "xlsx":
                from ...exchange.payroll_file import write_deduction_xlsx

                lst = payroll.deduction_list(ctx.db, code, y, m, ctx.actor)
                return str(write_deduction_xlsx(lst, path, ctx.lang))
            from ...reports.standing import payroll_list_data

            return render_report(payroll_list_data(ctx.db, code, y, m, ctx.actor), path, ctx.lang)

        ctx.read(
            work,
            on_done=lambda p: self.summary.setText(self.tr("Tersimpan: {path}").format(path=p)),
            parent=self,
        )
        return path

    def new_employer(self) -> EmployerDialog:
        dlg = EmployerDialog(self.ctx, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def link_member(self) -> LinkDialog:
        dlg = LinkDialog(self.ctx, self.employer(), self)
        dlg.accepted.connect(self.show_list)
        dlg.open()
        return dlg

    def import_payments(self) -> PayrollImportDialog:
        dlg = PayrollImportDialog(self.ctx, self)
        dlg.finished.connect(lambda _r: self.show_list())
        dlg.open()
        return dlg


class EmployerDialog(FormDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("employerDialog")
        self.setWindowTitle(self.tr("Instansi"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.codeEdit = QLineEdit()
        self.codeEdit.setObjectName("employerCodeEdit")
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("employerNameEdit")
        self.addressEdit = QLineEdit()
        self.addressEdit.setObjectName("employerAddressEdit")
        self.intoCombo = QComboBox()
        self.intoCombo.setObjectName("employerIntoCombo")
        self.intoCombo.addItem(self.tr("Bank (1.02)"), "1.02")
        self.intoCombo.addItem(self.tr("Kas (1.01)"), "1.01")
        self.generalError = QLabel()
        self.generalError.setObjectName("employerError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Kode"), self.codeEdit, "employer_code"),
                (self.tr("&Nama"), self.nameEdit, "name"),
                (self.tr("&Alamat"), self.addressEdit, "address"),
                (self.tr("&Diterima di"), self.intoCombo, "pay_into"),
            ),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan"), self.tr("Batal")).accepted.connect(self.save)

    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        code, name = self.codeEdit.text(), self.nameEdit.text()
        address, into = self.addressEdit.text(), self.intoCombo.currentData()
        ctx.write(
            lambda: payroll.save_employer(ctx.db, ctx.actor, code, name, address, into),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class LinkDialog(FormDialog):
    def __init__(self, ctx: AppContext, employer: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("linkEmployeeDialog")
        self.setWindowTitle(self.tr("Hubungkan anggota ke instansi"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.memberEdit = QLineEdit()
        self.memberEdit.setObjectName("linkMemberEdit")
        self.employerEdit = QLineEdit(employer)
        self.employerEdit.setObjectName("linkEmployerEdit")
        self.employeeEdit = QLineEdit()
        self.employeeEdit.setObjectName("linkEmployeeNoEdit")
        self.sukarelaEdit = MoneyEdit()
        self.sukarelaEdit.setObjectName("linkSukarelaEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("linkError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Nomor anggota"), self.memberEdit, "member"),
                (self.tr("&Instansi"), self.employerEdit, "employer_code"),
                (self.tr("Nomor &pegawai"), self.employeeEdit, "employee_no"),
                (self.tr("Potongan &sukarela per bulan"), self.sukarelaEdit, "amount"),
            ),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Simpan"), self.tr("Batal")).accepted.connect(self.save)

    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        member, employer = self.memberEdit.text(), self.employerEdit.text()
        employee, sukarela = self.employeeEdit.text(), self.sukarelaEdit.value() or 0
        ctx.write(
            lambda: payroll.link_member(ctx.db, ctx.actor, member, employer, employee, sukarela),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class PayrollImportDialog(QDialog):
    """The employer's payment file: "Periksa" runs it all and rolls it back (the preview of
    every row); "Bukukan" posts it in one transaction. Both off the UI thread."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.result_: payroll.PayrollResult | None = None
        self.setObjectName("payrollImportDialog")
        self.setWindowTitle(self.tr("Impor pembayaran potong gaji"))
        self.resize(1000, 560)
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.fileEdit = QLineEdit()
        self.fileEdit.setObjectName("payrollFileEdit")
        browse = QPushButton(self.tr("&Pilih..."))
        browse.setObjectName("payrollBrowseButton")
        browse.clicked.connect(self.browse)
        row.addWidget(self.fileEdit, 1)
        row.addWidget(browse)
        file_label = QLabel(self.tr("&Berkas Excel"))
        file_label.setBuddy(self.fileEdit)
        form.addRow(file_label, row)
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("payrollDateEdit")
        date_label = QLabel(self.tr("&Tanggal diterima"))
        date_label.setBuddy(self.dateEdit)
        form.addRow(date_label, self.dateEdit)
        layout.addLayout(form)
        self.resultLabel = QLabel()
        self.resultLabel.setObjectName("payrollImportResult")
        self.resultLabel.setWordWrap(True)
        layout.addWidget(self.resultLabel)
        lang = ctx.lang
        self.model = RowsModel(
            [
                (self.tr("Baris"), lambda r: r.row, "int"),
                (self.tr("No. pegawai"), lambda r: r.employee_no, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.name, "text"),
                (self.tr("Potongan"), lambda r: r.expected, "money"),
                (self.tr("Dibayar"), lambda r: r.paid, "money"),
                (self.tr("Wajib"), lambda r: r.wajib, "money"),
                (self.tr("Angsuran"), lambda r: r.angsuran, "money"),
                (self.tr("Sukarela"), lambda r: r.sukarela, "money"),
                (self.tr("Selisih"), lambda r: r.difference, "money"),
                (self.tr("Keterangan"), lambda r: label("payroll_status", r.status, lang), "text"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "payrollPreviewTable", stretch_column=3)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        buttons = QDialogButtonBox()
        self.checkButton = buttons.addButton(
            self.tr("Peri&ksa"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.checkButton.setObjectName("payrollCheckButton")
        self.postButton = buttons.addButton(
            self.tr("B&ukukan"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.postButton.setObjectName("payrollPostButton")
        self.postButton.setAutoDefault(False)
        self.postButton.setEnabled(False)  # after a check of the same file
        self.checkButton.setDefault(True)
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.setObjectName("payrollCloseButton")
        close.clicked.connect(self.reject)
        self.checkButton.clicked.connect(lambda: self.run(dry_run=True))
        self.postButton.clicked.connect(lambda: self.run(dry_run=False))
        self.fileEdit.textChanged.connect(lambda _t: self.postButton.setEnabled(False))
        self.dateEdit.dateChanged.connect(lambda _d: self.postButton.setEnabled(False))
        layout.addWidget(buttons)

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Berkas pembayaran instansi"), "", self.tr("Excel (*.xlsx)")
        )
        if path:
            self.fileEdit.setText(path)

    def run(self, dry_run: bool) -> None:
        from ...exchange.payroll_file import read_payment_file

        ctx, path = self.ctx, self.fileEdit.text().strip()
        if not path:
            self.resultLabel.setText(self.tr("Pilih dulu berkas Excel."))
            return
        date = to_date(self.dateEdit.date())
        ctx.write(
            lambda _progress: payroll_posting.post_payments(
                ctx.db, ctx.actor, read_payment_file(path), date, dry_run=dry_run
            ),
            on_done=self._done,
            on_error=self._failed,
            progress=self.tr("Memproses berkas potong gaji"),
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        from ...errors import KoperasiError

        if not isinstance(exc, KoperasiError):
            return False
        self.postButton.setEnabled(False)
        self.resultLabel.setText(
            self.tr("Tidak ada yang dibukukan.") + " " + self.ctx.error_message(exc)
        )
        return True

    def _done(self, res: payroll.PayrollResult) -> None:
        self.result_ = res
        self.model.set_rows(list(res.rows))
        text = self.tr(
            "{employer} {period}: diterima {paid}, ke anggota {posted}, belum dapat dibukukan "
            "{unposted} (2.30); {diff} baris berselisih."
        ).format(
            employer=res.employer_code,
            period=res.period,
            paid=rp(res.total("paid")),
            posted=rp(res.total("wajib") + res.total("angsuran") + res.total("sukarela")),
            unposted=rp(res.total("unposted")),
            diff=len(res.differences),
        )
        if res.dry_run:
            self.resultLabel.setText(self.tr("Pemeriksaan (belum dibukukan): ") + text)
            self.postButton.setEnabled(True)
        else:
            self.resultLabel.setText(self.tr("Dibukukan: ") + text)
            self.postButton.setEnabled(False)

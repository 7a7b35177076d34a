"""Simpanan › Instruksi tetap (and the Potong gaji tab beside it, in payroll.py).

Instruksi tetap: the members' standing instructions (wajib and installments from sukarela),
a new one, stopping one, "Jalankan sekarang" for a date (one transaction per posting, off the
UI thread) with the run's executed and skipped items, and the month's report as PDF or XLSX.
Admin and bendahara write; a pengawas reads; a ketua kelompok does not see the tabs."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import standing_instructions as si
from ..context import AppContext
from ..widgets import FieldErrors, MoneyEdit, rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table
from .form_dialog import FormDialog
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons as _buttons
from .payroll import PayrollTab
from .report_save import render_report, save_path


def add_standing_tabs(ctx: AppContext, tabs: QTabWidget) -> tuple[StandingTab, PayrollTab] | None:
    """Add both tabs to the Simpanan page for those who may read them."""
    if not ctx.actor.can("read.all"):
        return None
    standing, pay = StandingTab(ctx), PayrollTab(ctx)
    tabs.addTab(standing, standing.title())
    tabs.addTab(pay, pay.title())
    return standing, pay


# ---------------------------------------------------------------- standing instructions


class StandingTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("standingTab")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        date_label = QLabel(self.tr("Tanggal &jalan"))
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("standingRunDate")
        date_label.setBuddy(self.dateEdit)
        bar.addWidget(date_label)
        bar.addWidget(self.dateEdit)
        bar.addStretch(1)
        self.newButton = QPushButton(self.tr("Instruksi bar&u..."))
        self.newButton.setObjectName("newInstructionButton")
        self.stopButton = QPushButton(self.tr("&Hentikan"))
        self.stopButton.setObjectName("stopInstructionButton")
        self.runButton = QPushButton(self.tr("Jalan&kan sekarang"))
        self.runButton.setObjectName("runStandingButton")
        for b in (self.newButton, self.stopButton, self.runButton):
            b.setVisible(ctx.actor.can("standing.write"))
            bar.addWidget(b)
        self.reportButton = QPushButton(self.tr("&Laporan bulan..."))
        self.reportButton.setObjectName("standingReportButton")
        bar.addWidget(self.reportButton)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("No."), lambda r: r.id, "int"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Instruksi"), lambda r: si.KIND_LABELS[r.kind][ctx.lang != "id"], "text"),
                (
                    self.tr("Pinjaman"),
                    lambda r: r.loan_number or (self.tr("semua") if r.kind == "angsuran" else ""),
                    "text",
                ),
                (self.tr("Jumlah"), lambda r: r.amount or None, "money"),
                (self.tr("Mulai"), lambda r: r.start_on, "date"),
                (
                    self.tr("Aktif"),
                    lambda r: self.tr("ya") if r.active else self.tr("tidak"),
                    "text",
                ),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "standingTable", stretch_column=2)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 2)
        self.runLabel = QLabel()
        self.runLabel.setObjectName("standingRunSummary")
        self.runLabel.setWordWrap(True)
        layout.addWidget(self.runLabel)
        self.runModel = RowsModel(
            [
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Untuk"), lambda r: si.due_label(r.due_ref, ctx.lang), "text"),
                (self.tr("Status"), lambda r: si.STATUS_LABELS[r.status][ctx.lang != "id"], "text"),
                (self.tr("Jumlah"), lambda r: r.amount, "money"),
                (
                    self.tr("Bukti / alasan"),
                    lambda r: r.receipt_no or si.describe_skip(r, ctx.lang),
                    "text",
                ),
            ],
            self,
        )
        self.runTable = setup_table(DataTable(), "standingRunTable", stretch_column=5)
        self.runTable.setModel(self.runModel)
        layout.addWidget(self.runTable, 1)
        self.newButton.clicked.connect(self.new_instruction)
        self.stopButton.clicked.connect(self.stop_selected)
        self.runButton.clicked.connect(self.run_now)
        self.reportButton.clicked.connect(self.save_report)

    def title(self) -> str:
        return self.tr("Instruksi tetap")

    def refresh(self) -> None:
        self.model.set_rows(si.list_instructions(self.ctx.db, self.ctx.actor))

    def selected(self) -> si.InstructionView | None:
        return self.model.row(self.table.currentIndex())

    def new_instruction(self) -> StandingInstructionDialog:
        dlg = StandingInstructionDialog(self.ctx, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def stop_selected(self) -> None:
        from .. import dialogs

        row = self.selected()
        if row is None or not row.active:
            dialogs.inform(
                self, self.tr("Hentikan instruksi"), self.tr("Pilih dulu instruksi yang aktif.")
            )
            return
        if not dialogs.confirm(
            self,
            self.tr("Hentikan instruksi"),
            self.tr("Hentikan instruksi {id} anggota {member}?").format(
                id=row.id, member=row.member_number
            ),
        ):
            return
        ctx = self.ctx
        ctx.write(
            lambda: si.stop_instruction(ctx.db, ctx.actor, row.id),
            on_done=lambda _v: self.refresh(),
            parent=self,
        )

    def run_now(self) -> None:
        ctx, date = self.ctx, to_date(self.dateEdit.date())
        self.runLabel.setText(self.tr("Menjalankan..."))
        ctx.write(
            lambda progress: si.run(ctx.db, ctx.actor, date, progress),
            on_done=self._ran,
            on_error=self._failed,
            progress=self.tr("Menjalankan instruksi tetap"),
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        from ...errors import KoperasiError

        if not isinstance(exc, KoperasiError):
            return False
        self.runLabel.setText(self.ctx.error_message(exc))
        return True

    def _ran(self, res: si.RunResult) -> None:
        self.result = res
        self.runModel.set_rows(list(res.items))
        self.runLabel.setText(
            self.tr("{posted} instruksi dibukukan ({total}), {skipped} dilewati.").format(
                posted=len(res.posted), total=rp(res.posted_total), skipped=len(res.skipped)
            )
        )

    def save_report(self) -> str | None:
        from ...reports.standing import standing_report_data
        from ...services import clock

        d = to_date(self.dateEdit.date())
        start, end = d.replace(day=1), clock.month_end(d.year, d.month)
        path = save_path(
            self,
            self.tr("Laporan instruksi tetap"),
            f"instruksi-tetap-{d:%Y-%m}.pdf",
            self.tr("PDF (*.pdf);;Excel (*.xlsx)"),
        )
        if not path:
            return None
        ctx = self.ctx
        ctx.read(
            lambda: render_report(
                standing_report_data(ctx.db, start, end, ctx.actor), path, ctx.lang
            ),
            on_done=lambda p: self.runLabel.setText(self.tr("Tersimpan: {path}").format(path=p)),
            parent=self,
        )
        return path


class StandingInstructionDialog(FormDialog):
    """A member's standing instruction: wajib, or installments (all loans or one)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("instructionDialog")
        self.setWindowTitle(self.tr("Instruksi tetap baru"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.memberEdit = QLineEdit()
        self.memberEdit.setObjectName("instructionMemberEdit")
        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("instructionKindCombo")
        self.kindCombo.addItem(self.tr("Simpanan wajib dari sukarela"), "wajib")
        self.kindCombo.addItem(self.tr("Angsuran pinjaman dari sukarela"), "angsuran")
        self.loanEdit = QLineEdit()
        self.loanEdit.setObjectName("instructionLoanEdit")
        self.loanEdit.setPlaceholderText(self.tr("kosong: semua pinjaman aktif"))
        self.amountEdit = MoneyEdit()
        self.amountEdit.setObjectName("instructionAmountEdit")
        self.amountEdit.setPlaceholderText(self.tr("kosong: sesuai produk"))
        self.startEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.startEdit.setObjectName("instructionStartEdit")
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("instructionNoteEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("instructionError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Nomor anggota"), self.memberEdit, "member"),
                (self.tr("&Jenis"), self.kindCombo, "instruction_kind"),
                (self.tr("Nomor &pinjaman"), self.loanEdit, "loan"),
                (self.tr("Jumlah &wajib"), self.amountEdit, "amount"),
                (self.tr("&Mulai tanggal"), self.startEdit, "date"),
                (self.tr("&Keterangan"), self.noteEdit, "memo"),
            ),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self._kind_changed(0)
        _buttons(self, layout, self.tr("Simpan"), self.tr("Batal")).accepted.connect(self.save)

    def _kind_changed(self, _i: int) -> None:
        wajib = self.kindCombo.currentData() == "wajib"
        self.amountEdit.setEnabled(wajib)
        self.loanEdit.setEnabled(not wajib)

    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        member, kind = self.memberEdit.text().strip(), self.kindCombo.currentData()
        loan = self.loanEdit.text().strip() if kind == "angsuran" else ""
        amount = (self.amountEdit.value() or 0) if kind == "wajib" else 0
        start, note = to_date(self.startEdit.date()), self.noteEdit.text()
        ctx.write(
            lambda: si.add_instruction(
                ctx.db,
                ctx.actor,
                member,
                kind,
                loan_no=loan,
                amount=amount,
                start_on=start,
                note=note,
            ),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )

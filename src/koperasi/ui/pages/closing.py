"""Tutup buku: the months of a financial year with their status; close a month, reopen it
with a reason; close the financial year (its SHU to 3.90) and reopen it with a reason.

Every rule (which month may be closed, that a reason is required, the order of the years)
is the closing service's; this panel shows what it says.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.fmt import long_date
from ...errors import KoperasiError
from ...reports.common import month_name
from ...services import clock, closing, year_closing
from ...services import savings_interest as sv_interest
from ...services.closing import PeriodView
from ...services.progress import ProgressCallback
from ...services.year_closing import YearOverview
from .. import dialogs
from ..context import AppContext
from ..period_choice import PeriodDialog
from ..widgets import FieldErrors, rp
from .base import DataTable, RowsModel, setup_table


class ReasonDialog(QDialog):
    """Ask why a closed period is opened again, then run ``action(reason)``."""

    def __init__(
        self,
        ctx: AppContext,
        title: str,
        what: str,
        action: Callable[[str], Any],
        on_done: Callable[[Any], None] | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.action = action
        self.on_done = on_done
        self.setObjectName("reopenDialog")
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        info = QLabel(what)
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("reopenReasonEdit")
        self.reasonEdit.setPlaceholderText(self.tr("mis. koreksi setoran yang terlewat"))
        form.addRow(self.tr("&Alasan"), self.reasonEdit)
        self.reasonError = QLabel()
        form.addRow("", self.reasonError)
        layout.addLayout(form)
        self.generalError = QLabel()
        self.generalError.setObjectName("reopenGeneralError")
        layout.addWidget(self.generalError)
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("reason", self.reasonEdit, self.reasonError)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setText(self.tr("Buka kembali"))
        ok.setObjectName("confirmReopenButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.result_view: Any = None

    def confirm(self) -> None:
        self.errors.clear()
        reason = self.reasonEdit.text()

        def done(result: Any) -> None:
            self.result_view = result
            self.accept()
            if self.on_done is not None:
                self.on_done(result)

        self.ctx.write(
            lambda: self.action(reason),
            on_done=done,
            on_error=self.errors.show,
            parent=self,
        )


class ClosingPanel(QWidget):
    """The Tutup buku tab of the Laporan page."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("closingPanel")
        self.stale = True
        self.overview: YearOverview | None = None
        self.last_interest: sv_interest.InterestRun | None = None
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr(
                "Bulan ditutup berurutan dan mengunci pembukuan: transaksi bertanggal di bulan "
                "itu atau sebelumnya ditolak; hanya bulan tertutup terakhir yang dapat dibuka "
                "kembali. Tutup tahun memindahkan pendapatan dan beban tahun buku ke SHU "
                "Tahun Berjalan."
            )
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Tahun buku")))
        self.yearCombo = QComboBox()
        self.yearCombo.setObjectName("closingYearCombo")
        bar.addWidget(self.yearCombo)
        self.yearStatus = QLabel()
        self.yearStatus.setObjectName("closingYearStatus")
        self.yearStatus.setWordWrap(True)
        bar.addWidget(self.yearStatus, 1)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("Bulan"), lambda p: self.month_label(p), "text"),
                (self.tr("Status"), lambda p: self.status_label(p), "text"),
                (
                    self.tr("Ditutup oleh"),
                    lambda p: p.closed_by if p.status == "closed" else "",
                    "text",
                ),
                (
                    self.tr("Ditutup pada"),
                    lambda p: p.closed_at.date() if p.closed_at and p.status == "closed" else None,
                    "date",
                ),
                (self.tr("Catatan"), lambda p: p.note, "text"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "periodsTable", stretch_column=4)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        # where the backup made before the year-end closing went (shown after a closing)
        self.backupLabel = QLabel()
        self.backupLabel.setObjectName("closingBackupLabel")
        self.backupLabel.setWordWrap(True)
        self.backupLabel.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.backupLabel.setVisible(False)
        layout.addWidget(self.backupLabel)
        buttons = QHBoxLayout()
        self.closeMonthButton = QPushButton(self.tr("Tutup &bulan"))
        self.closeMonthButton.setObjectName("closeMonthButton")
        self.reopenMonthButton = QPushButton(self.tr("Buka &kembali..."))
        self.reopenMonthButton.setObjectName("reopenMonthButton")
        self.closeYearButton = QPushButton(self.tr("Tutup &tahun..."))
        self.closeYearButton.setObjectName("closeYearButton")
        self.reopenYearButton = QPushButton(self.tr("Buka kembali ta&hun..."))
        self.reopenYearButton.setObjectName("reopenYearButton")
        self.interestButton = QPushButton(self.tr("&Jasa simpanan..."))
        self.interestButton.setObjectName("savingsInterestButton")
        self.interestButton.setToolTip(
            self.tr("Bukukan jasa simpanan sukarela untuk bulan yang sudah berakhir")
        )
        for b in (self.interestButton, self.closeMonthButton, self.reopenMonthButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        self.shuButton = QPushButton(self.tr("Pembagian &SHU..."))
        self.shuButton.setObjectName("shuDistributeButton")
        for b in (self.closeYearButton, self.reopenYearButton, self.shuButton):
            buttons.addWidget(b)
        layout.addLayout(buttons)

        self.yearCombo.currentIndexChanged.connect(lambda _i: self.load_year())
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._update_buttons())
        self.closeMonthButton.clicked.connect(self.close_month)
        self.reopenMonthButton.clicked.connect(self.reopen_month)
        self.closeYearButton.clicked.connect(self.close_year)
        self.reopenYearButton.clicked.connect(self.reopen_year)
        self.shuButton.clicked.connect(self.distribute_shu)
        self.interestButton.clicked.connect(self.savings_interest)
        self._update_buttons()

    # -- labels
    def month_label(self, p: PeriodView) -> str:
        return month_name(p.year, p.month, self.ctx.lang)

    def status_label(self, p: PeriodView) -> str:
        return self.tr("Ditutup") if p.status == "closed" else self.tr("Terbuka")

    # -- loading
    def refresh(self) -> None:
        self.stale = False
        ctx = self.ctx
        ctx.read(lambda: year_closing.financial_years(ctx.db, ctx.today()), on_done=self._years)

    def _years(self, years: list[int]) -> None:
        current = self.yearCombo.currentData()
        self.yearCombo.blockSignals(True)
        self.yearCombo.clear()
        for y in years:
            self.yearCombo.addItem(str(y), y)
        index = self.yearCombo.findData(current) if current is not None else -1
        self.yearCombo.setCurrentIndex(index if index >= 0 else 0)
        self.yearCombo.blockSignals(False)
        self.load_year()

    def year(self) -> int | None:
        return self.yearCombo.currentData()

    def select_year(self, year: int) -> None:
        self.yearCombo.setCurrentIndex(self.yearCombo.findData(year))

    def load_year(self) -> None:
        year = self.year()
        if year is None:
            self.overview = None
            self.model.set_rows([])
            self._update_buttons()
            return
        ctx = self.ctx
        ctx.read(lambda: year_closing.year_overview(ctx.db, year), on_done=self._loaded)

    def _loaded(self, overview: YearOverview) -> None:
        row = self.table.currentIndex().row()
        self.overview = overview
        self.model.set_rows(list(overview.months))
        if 0 <= row < len(overview.months):
            self.table.selectRow(row)
        else:  # the last month that has ended, when it is in this year
            self.select_month(*clock.last_ended_month(self.ctx.today()))
        if overview.closed:
            text = self.tr("Sudah ditutup. SHU {surplus}.")
        else:
            text = self.tr("Belum ditutup. SHU berjalan {surplus}.")
        if overview.shu_distributed:
            text += " " + self.tr("SHU sudah dibagikan.")
        self.yearStatus.setText(
            self.tr("{start} – {end}.").format(
                start=long_date(overview.start, self.ctx.lang),
                end=long_date(overview.end, self.ctx.lang),
            )
            + " "
            + text.format(surplus=rp(overview.surplus))
        )
        self._update_buttons()

    def selected_month(self) -> PeriodView | None:
        return self.model.row(self.table.currentIndex())

    def select_month(self, year: int, month: int) -> bool:
        for i, p in enumerate(self.model.rows):
            if (p.year, p.month) == (year, month):
                self.table.selectRow(i)
                return True
        return False

    def _update_buttons(self) -> None:
        ov, p = self.overview, self.selected_month()
        year_closed = bool(ov and ov.closed)
        self.closeMonthButton.setEnabled(p is not None and p.status != "closed")
        self.reopenMonthButton.setEnabled(
            p is not None and p.status == "closed" and not year_closed
        )
        self.closeYearButton.setEnabled(ov is not None and not year_closed)
        self.reopenYearButton.setEnabled(year_closed)
        self.shuButton.setEnabled(year_closed)

    # -- actions
    def _error(self, exc: BaseException) -> bool:
        if isinstance(exc, KoperasiError):
            dialogs.warn(self, self.tr("Tutup buku"), self.ctx.error_message(exc))
            return True
        return False

    def close_month(self) -> None:
        p = self.selected_month()
        if p is None:
            return
        label = self.month_label(p)
        if not dialogs.confirm(
            self,
            self.tr("Tutup bulan"),
            self.tr(
                "Tutup bulan {month}? Setelah ditutup, transaksi bertanggal di bulan itu "
                "ditolak sampai bulan itu dibuka kembali."
            ).format(month=label),
            self.tr("Tutup bulan"),
        ):
            return
        ctx = self.ctx
        ctx.write(
            lambda: closing.close_month(ctx.db, ctx.actor, p.year, p.month, today=ctx.today()),
            on_done=lambda _v: self.load_year(),
            on_error=self._error,
            parent=self,
        )

    def savings_interest(self) -> PeriodDialog:
        """Jasa simpanan sukarela for a month that has ended, chosen by the treasurer."""
        ctx = self.ctx
        dlg = PeriodDialog(
            ctx.today(),
            ctx.lang,
            self.tr("Jasa simpanan sukarela"),
            self.tr(
                "Hitung jasa simpanan sukarela dari saldo terendah bulan yang dipilih dan "
                "bukukan per akhir bulan itu (PPh final dipotong bila berlaku)."
            ),
            self.tr("Bukukan"),
            self.run_savings_interest,
            self,
            "savingsInterestDialog",
        )
        dlg.open()
        return dlg

    def run_savings_interest(self, year: int, month: int) -> None:
        ctx = self.ctx
        today = ctx.today()
        ctx.write(
            lambda: sv_interest.post_monthly_interest(ctx.db, ctx.actor, year, month, today=today),
            on_done=self._interest_done,
            on_error=self._error,
            parent=self,
        )

    def _interest_done(self, run: sv_interest.InterestRun) -> None:
        self.last_interest = run
        month = month_name(run.year, run.month, self.ctx.lang)
        if run.journal_entry_id is None:
            text = self.tr(
                "Tidak ada jasa simpanan baru untuk {month} (sudah dibukukan, atau tidak ada "
                "rekening yang memenuhi syarat)."
            ).format(month=month)
        else:
            text = self.tr(
                "Jasa simpanan {month}: {n} rekening, jasa {gross}, PPh final {tax}."
            ).format(month=month, n=run.accounts, gross=rp(run.gross), tax=rp(run.tax))
        dialogs.inform(self, self.tr("Jasa simpanan sukarela"), text)

    def reopen_month(self) -> ReasonDialog | None:
        p = self.selected_month()
        if p is None:
            return None
        ctx = self.ctx
        dlg = ReasonDialog(
            ctx,
            self.tr("Buka kembali bulan"),
            self.tr(
                "Bulan {month} akan dibuka kembali sehingga dapat dibukukan lagi. "
                "Alasannya dicatat di jejak audit."
            ).format(month=self.month_label(p)),
            lambda reason: closing.reopen_month(ctx.db, ctx.actor, p.year, p.month, reason),
            lambda _v: self.load_year(),
            self,
        )
        dlg.open()
        return dlg

    def close_year(self) -> None:
        ov = self.overview
        if ov is None:
            return
        year = ov.year
        if not dialogs.confirm(
            self,
            self.tr("Tutup tahun buku"),
            self.tr(
                "Tutup buku tahun {year} ({start} – {end})?\n\n"
                "Pendapatan: {income}\nBeban: {expenses}\nSHU: {surplus}\n\n"
                "Pendapatan dan beban dipindahkan ke SHU Tahun Berjalan dengan satu jurnal "
                "penutup, dan semua bulan tahun buku ini ditutup. Sebelumnya buku dicadangkan "
                "ke folder cadangan; bila cadangan gagal, tahun tidak ditutup."
            ).format(
                year=year,
                start=long_date(ov.start, self.ctx.lang),
                end=long_date(ov.end, self.ctx.lang),
                income=rp(ov.income),
                expenses=rp(ov.expenses),
                surplus=rp(ov.surplus),
            ),
            self.tr("Tutup tahun"),
        ):
            return
        ctx = self.ctx

        def work(progress: ProgressCallback) -> closing.YearClosing:
            return year_closing.close_year(ctx.db, ctx.actor, year, progress, today=ctx.today())

        ctx.write(
            work,
            progress=self.tr("Menutup buku tahun {year}...").format(year=year),
            on_done=self._year_closed,
            on_error=self._error,
            parent=self,
        )

    def backup_text(self, result: closing.YearClosing) -> str:
        """Where the backup before the closing went (PostgreSQL: the server's own)."""
        if result.backup:
            return self.tr("Cadangan sebelum tutup buku {year}: {path}").format(
                year=result.year, path=result.backup
            )
        if not self.ctx.db.is_sqlite:
            return self.tr(
                "Cadangan sebelum tutup buku {year}: basis data PostgreSQL dicadangkan di "
                "server (pg_dump)."
            ).format(year=result.year)
        return ""

    def _year_closed(self, result: closing.YearClosing) -> None:
        self.load_year()
        where = self.backup_text(result)
        self.backupLabel.setText(where)
        self.backupLabel.setVisible(bool(where))
        text = self.tr(
            "Tahun buku {year} ditutup. SHU {surplus} dibukukan ke SHU Tahun Berjalan "
            "(usaha dengan anggota {members}, dengan non-anggota {non_members}); "
            "SHU/rugi tahun lalu {prior} dipindahkan ke akun 3.91."
        ).format(
            year=result.year,
            surplus=rp(result.surplus),
            members=rp(result.member_surplus),
            non_members=rp(result.non_member_surplus),
            prior=rp(result.prior_moved),
        )
        dialogs.inform(self, self.tr("Tahun buku ditutup"), f"{text}\n\n{where}" if where else text)

    def reopen_year(self) -> ReasonDialog | None:
        ov = self.overview
        if ov is None:
            return None
        ctx, year = self.ctx, ov.year
        dlg = ReasonDialog(
            ctx,
            self.tr("Buka kembali tahun buku"),
            self.tr(
                "Jurnal penutup tahun {year} akan dibalik. Bulan-bulannya tetap tertutup "
                "sampai dibuka kembali satu per satu. Alasannya dicatat di jejak audit."
            ).format(year=year),
            lambda reason: year_closing.reopen_year(ctx.db, ctx.actor, year, reason),
            lambda _v: self.load_year(),
            self,
        )
        dlg.open()
        return dlg

    def distribute_shu(self) -> None:
        """The RAT's SHU distribution (or loss coverage) of the selected closed year."""
        ov = self.overview
        if ov is None:
            return
        from ...services import shu as shu_service
        from .shu_panel import ShuDistributeDialog

        ctx, year = self.ctx, ov.year

        def show(plan: shu_service.ShuPlan) -> None:
            self.shuDialog = ShuDistributeDialog(ctx, plan, self)
            self.shuDialog.accepted.connect(self.load_year)
            self.shuDialog.open()

        ctx.read(
            lambda: shu_service.plan(ctx.db, year, ctx.actor), on_done=show, on_error=self._error
        )

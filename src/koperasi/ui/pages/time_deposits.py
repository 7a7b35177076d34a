"""Simpanan › Simpanan berjangka: the time deposits (of the member typed above, or of
everyone), placing one, paying one out (with the penalty before maturity shown first), the
maturity instruction, the products, the bilyet and the maturity list. Admin and bendahara
write (products: admin); a pengawas reads; a ketua kelompok sees their groups' deposits."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QCheckBox,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import DepositStatus
from ...errors import KoperasiError
from ...messages import label
from ...services import time_deposit_reads as td_reads
from ...services import time_deposits as td
from ..context import AppContext
from ..widgets import rp
from .base import DataTable, RowsModel, setup_table
from .time_deposit_dialogs import (
    InstructionDialog,
    PlaceDepositDialog,
    ProductsDialog,
    WithdrawDepositDialog,
    pct,
)


def add_time_deposits_tab(ctx: AppContext, tabs: QTabWidget, member_number) -> TimeDepositsTab:
    """Add the tab; ``member_number()`` is the member the page shows (None: everyone)."""
    tab = TimeDepositsTab(ctx, member_number)
    tabs.addTab(tab, tab.title())
    return tab


class TimeDepositsTab(QWidget):
    def __init__(self, ctx: AppContext, member_number, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.member_number = member_number
        self.setObjectName("timeDepositsTab")
        self.last_certificate: Path | None = None
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        self.allCheck = QCheckBox(self.tr("Termasuk yang sudah &dicairkan"))
        self.allCheck.setObjectName("depositsAllCheck")
        bar.addWidget(self.allCheck)
        bar.addStretch(1)
        self.placeButton = QPushButton(self.tr("Te&mpatkan..."))
        self.placeButton.setObjectName("placeDepositButton")
        self.withdrawButton = QPushButton(self.tr("Cair&kan..."))
        self.withdrawButton.setObjectName("withdrawDepositButton")
        self.cancelButton = QPushButton(self.tr("Batalkan pe&nempatan..."))
        self.cancelButton.setObjectName("cancelDepositButton")
        self.instructionButton = QPushButton(self.tr("&Instruksi..."))
        self.instructionButton.setObjectName("depositInstructionButton")
        self.certificateButton = QPushButton(self.tr("Bil&yet..."))
        self.certificateButton.setObjectName("depositCertificateButton")
        self.maturityButton = QPushButton(self.tr("Daftar &jatuh tempo"))
        self.maturityButton.setObjectName("depositMaturityButton")
        self.productsButton = QPushButton(self.tr("&Produk..."))
        self.productsButton.setObjectName("depositProductsButton")
        writes = ctx.actor.can("savings.write")
        for b in (self.placeButton, self.withdrawButton, self.cancelButton, self.instructionButton):
            b.setVisible(writes)
        self.maturityButton.setVisible(ctx.actor.can("read.all"))
        self.productsButton.setVisible(ctx.actor.can("savings.product.write"))
        for b in (
            self.placeButton,
            self.withdrawButton,
            self.cancelButton,
            self.instructionButton,
            self.certificateButton,
            self.maturityButton,
            self.productsButton,
        ):
            bar.addWidget(b)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("Nomor bilyet"), lambda r: r.number, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Produk"), lambda r: r.product_name, "text"),
                (self.tr("Nominal"), lambda r: r.principal, "money"),
                (self.tr("Bunga % p.a."), lambda r: pct(r.rate_pa, ctx.lang), "text"),
                (self.tr("Mulai"), lambda r: r.term_start, "date"),
                (self.tr("Jatuh tempo"), lambda r: r.maturity_on, "date"),
                (self.tr("Bunga dicadangkan"), lambda r: r.accrued, "money"),
                (
                    self.tr("Instruksi"),
                    lambda r: label("td_instruction", r.instruction, ctx.lang),
                    "text",
                ),
                (self.tr("Status"), lambda r: label("td_status", r.status, ctx.lang), "text"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "timeDepositsTable", stretch_column=2)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("timeDepositsSummary")
        layout.addWidget(self.summary)
        self.allCheck.toggled.connect(lambda _c: self.refresh())
        self.placeButton.clicked.connect(self.place)
        self.withdrawButton.clicked.connect(self.withdraw_selected)
        self.cancelButton.clicked.connect(self.cancel_selected)
        self.instructionButton.clicked.connect(self.instruction_selected)
        # not connected directly: clicked(bool) would pass its False as the path
        self.certificateButton.clicked.connect(lambda: self.certificate_selected())
        self.maturityButton.clicked.connect(self.maturity_list)
        self.productsButton.clicked.connect(self.products)

    def title(self) -> str:
        return self.tr("Simpanan berjangka")

    def refresh(self) -> None:
        status = None if self.allCheck.isChecked() else DepositStatus.ACTIVE
        try:
            rows = td_reads.list_deposits(
                self.ctx.db, self.ctx.actor, member_no=self.member_number(), status=status
            )
        except KoperasiError:
            rows = []
        self.model.set_rows(rows)
        active = [r for r in rows if r.status == DepositStatus.ACTIVE]
        self.summary.setText(
            self.tr("{n} bilyet aktif · nominal {amount} · bunga dicadangkan {accrued}").format(
                n=len(active),
                amount=rp(sum(r.principal for r in active)),
                accrued=rp(sum(r.accrued for r in active)),
            )
        )

    def selected(self) -> td.DepositView | None:
        return self.model.row(self.table.currentIndex())

    def _need_active(self, title: str) -> td.DepositView | None:
        row = self.selected()
        if row is None or row.status != DepositStatus.ACTIVE:
            from .. import dialogs

            dialogs.inform(self, title, self.tr("Pilih dulu simpanan berjangka yang masih aktif."))
            return None
        return row

    def place(self) -> PlaceDepositDialog:
        dlg = PlaceDepositDialog(self.ctx, self.member_number(), self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def withdraw_selected(self) -> WithdrawDepositDialog | None:
        row = self._need_active(self.tr("Cairkan simpanan berjangka"))
        if row is None:
            return None
        dlg = WithdrawDepositDialog(self.ctx, row, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def cancel_selected(self):
        """Undo a mistaken placement (a reversal; only before any interest)."""
        from .savings import ReverseDialog

        row = self._need_active(self.tr("Batalkan penempatan"))
        if row is None:
            return None
        ctx, number = self.ctx, row.number
        dlg = ReverseDialog(
            ctx,
            f"{row.number} · {row.member_number} {row.member_name} · {rp(row.principal)}",
            lambda date, reason: td.cancel(ctx.db, ctx.actor, number, date, reason),
            self,
        )
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def instruction_selected(self) -> InstructionDialog | None:
        row = self._need_active(self.tr("Instruksi jatuh tempo"))
        if row is None:
            return None
        dlg = InstructionDialog(self.ctx, row, self)
        dlg.accepted.connect(self.refresh)
        dlg.open()
        return dlg

    def certificate_selected(self, path: str | None = None) -> None:
        row = self.selected()
        if row is None:
            from .. import dialogs

            dialogs.inform(self, self.tr("Bilyet"), self.tr("Pilih dulu simpanan berjangka."))
            return
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Simpan bilyet"),
                str(Path.home() / f"bilyet-{row.number}.pdf"),
                self.tr("PDF (*.pdf)"),
            )
            if not path:
                return
        ctx, number = self.ctx, row.number

        def run() -> Path:
            from ...reports import registry
            from ...reports.common import ReportParams

            return registry.run(
                ctx.db, "bilyet-berjangka", ReportParams(deposit=number), "pdf", path,
                ctx.lang, None, ctx.actor,
            )  # fmt: skip

        self.last_certificate = None
        ctx.read(run, on_done=self._opened, parent=self)

    def _opened(self, path: Path) -> None:
        self.last_certificate = path
        if QGuiApplication.platformName() != "offscreen":  # not in tests
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(path)))

    def maturity_list(self) -> None:
        self.ctx.bus.navigate.emit("reports", {"report": "jatuh-tempo-berjangka"})

    def products(self) -> ProductsDialog:
        dlg = ProductsDialog(self.ctx, self)
        dlg.open()
        return dlg

"""Pinjaman's arrears (tunggakan) and due-soon tabs. Split from :mod:`.loans`."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import (
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...services import ui_queries
from ...services.loans import quality as loan_quality
from ...services.loans.quality import ArrearsReport
from ..context import AppContext
from ..widgets import rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table
from .loan_labels import class_label


class ArrearsTab(QWidget):
    """Tunggakan dan kolektibilitas on a date: the classes with PPAP, then every late loan."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Per tanggal")))
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("arrearsDateEdit")
        bar.addWidget(self.dateEdit)
        self.showButton = QPushButton(self.tr("&Tampilkan"))
        self.showButton.setObjectName("arrearsShowButton")
        bar.addWidget(self.showButton)
        self.ratios = QLabel()
        self.ratios.setObjectName("arrearsRatios")
        bar.addWidget(self.ratios, 1)
        layout.addLayout(bar)
        self.classModel = RowsModel(
            [
                (self.tr("Kolektibilitas"), lambda c: class_label(c.kolektibilitas, lang), "text"),
                (self.tr("Jumlah pinjaman"), lambda c: c.loans, "int"),
                (self.tr("Sisa pokok"), lambda c: c.outstanding, "money"),
                (self.tr("PPAP"), lambda c: c.ppap, "money"),
            ],
            self,
        )
        self.classTable = setup_table(DataTable(), "arrearsClassTable", stretch_column=0)
        self.classTable.setModel(self.classModel)
        self.classTable.setMaximumHeight(150)
        layout.addWidget(self.classTable)
        self.lateModel = RowsModel(
            [
                (self.tr("No. pinjaman"), lambda q: q.loan_number, "text"),
                (self.tr("Anggota"), lambda q: q.member_number, "text"),
                (self.tr("Nama"), lambda q: q.member_name, "text"),
                (self.tr("Kelompok"), lambda q: q.group_code, "text"),
                (self.tr("Hari terlambat"), lambda q: q.dpd, "int"),
                (self.tr("Tunggakan pokok"), lambda q: q.arrears_principal, "money"),
                (self.tr("Tunggakan bunga"), lambda q: q.arrears_interest, "money"),
                (self.tr("Denda"), lambda q: q.penalty_due or None, "money"),
                (self.tr("Sisa pokok"), lambda q: q.outstanding, "money"),
                (self.tr("Kolektibilitas"), lambda q: class_label(q.kolektibilitas, lang), "text"),
                (self.tr("Bayar terakhir"), lambda q: q.last_payment, "date"),
            ],
            self,
        )
        self.lateTable = setup_table(DataTable(), "arrearsLateTable", stretch_column=2)
        self.lateTable.setModel(self.lateModel)
        layout.addWidget(self.lateTable, 1)
        self.report: ArrearsReport | None = None
        self.showButton.clicked.connect(self.refresh)

    def refresh(self) -> None:
        ctx = self.ctx
        as_of = to_date(self.dateEdit.date())

        def failed(exc: BaseException) -> bool:
            self.ratios.setText(ctx.error_message(exc))
            return True

        ctx.read(
            lambda: loan_quality.loan_arrears(ctx.db, as_of, ctx.actor),
            on_done=self.show_report,
            on_error=failed,
        )

    def show_report(self, rep: ArrearsReport) -> None:
        self.report = rep
        self.classModel.set_rows(list(rep.by_class))
        self.lateModel.set_rows(sorted(rep.late, key=lambda q: -q.dpd))

        def pct(x) -> str:
            return f"{x:.2f} %".replace(".", ",")

        self.ratios.setText(
            self.tr(
                "PAR1 {p1} · <b>PAR30 {p30}</b> · PAR90 {p90} · tingkat pengembalian {rr} · "
                "sisa pokok {out} · tunggakan {arr} · PPAP {ppap} (cadangan dibukukan {book})"
            ).format(
                p1=pct(rep.par1),
                p30=pct(rep.par30),
                p90=pct(rep.par90),
                rr=pct(rep.repayment_rate),
                out=rp(rep.outstanding),
                arr=rp(rep.arrears_total),
                ppap=rp(rep.ppap_total),
                book=rp(rep.allowance_balance),
            )
        )


class DueTab(QWidget):
    """Installments falling due in a week (who to remind, what to expect in the till)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Dari")))
        self.fromEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.fromEdit.setObjectName("dueFromEdit")
        bar.addWidget(self.fromEdit)
        bar.addWidget(QLabel(self.tr("sampai")))
        self.toEdit = setup_date_edit(QDateEdit(), ctx.today() + dt.timedelta(days=6))
        self.toEdit.setObjectName("dueToEdit")
        bar.addWidget(self.toEdit)
        self.showButton = QPushButton(self.tr("&Tampilkan"))
        self.showButton.setObjectName("dueShowButton")
        bar.addWidget(self.showButton)
        self.total = QLabel()
        self.total.setObjectName("dueTotal")
        bar.addWidget(self.total, 1)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("Jatuh tempo"), lambda r: r.due_date, "date"),
                (self.tr("No. pinjaman"), lambda r: r.loan_number, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Kelompok"), lambda r: r.group_code, "text"),
                (self.tr("Belum dibayar"), lambda r: r.unpaid, "money"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "dueTable", stretch_column=3)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.showButton.clicked.connect(self.refresh)

    def refresh(self) -> None:
        ctx = self.ctx
        start, end = to_date(self.fromEdit.date()), to_date(self.toEdit.date())
        ctx.read(
            lambda: ui_queries.loans_due_between(ctx.db, start, end, ctx.actor), on_done=self._show
        )

    def _show(self, rows: list[ui_queries.DueRow]) -> None:
        self.model.set_rows(rows)
        self.total.setText(
            self.tr("{n} pinjaman · jumlah {total}").format(
                n=len(rows), total=rp(sum(r.unpaid for r in rows))
            )
        )

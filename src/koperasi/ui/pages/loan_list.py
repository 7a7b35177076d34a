"""Pinjaman's loan list (lazy model, overdue loans in red) and the detail panel beside it (the
loan's figures and schedule). Split from :mod:`.loans`.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QLabel,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services.loans import views as loan_views
from ...services.loans.core import ACTIVE, WRITTEN_OFF
from ...services.loans.views import LoanDetail, LoanRow
from ..context import AppContext
from ..widgets import format_decimal, rp
from .base import DataTable, Index, PagedModel, RowsModel, fmt_date, setup_table
from .loan_labels import UNIT_LABELS, class_label, kind_label, label, status_label

LATE_COLOR = QColor("#b00020")


class LoanListModel(PagedModel):
    """Loans by number, a page at a time (keyset paging), filtered by status/member/group."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filters: dict[str, str | None] = {}
        self.fetches = 0
        self.headers = [
            self.tr("No. pinjaman"),
            self.tr("Anggota"),
            self.tr("Nama"),
            self.tr("Kelompok"),
            self.tr("Produk"),
            self.tr("Status"),
            self.tr("Tanggal cair"),
            self.tr("Plafon"),
            self.tr("Jangka"),
            self.tr("Sisa pokok"),
            self.tr("Kolektibilitas"),
        ]

    def reload(self, **filters: str | None) -> None:
        self.filters = filters
        self.reset_rows()

    def fetch_page(self, last: LoanRow | None, limit: int) -> list[LoanRow]:
        self.fetches += 1
        try:
            return loan_views.list_loans(
                self.ctx.db,
                after=last.number if last else None,
                limit=limit,
                actor=self.ctx.actor,
                **self.filters,
            )
        except KoperasiError:
            return []

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        col = index.column()
        if not 0 <= col < len(self.headers):
            return None
        r = self.rows[index.row()]
        lang = self.ctx.lang
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                r.number,
                r.member_number,
                r.member_name,
                r.group_code or "",
                r.product_code,
                status_label(r.status, lang),
                fmt_date(r.disbursed_on),
                rp(r.amount),
                str(r.term),
                rp(r.principal_outstanding) if r.status == ACTIVE else "",
                class_label(r.quality_class, lang) if r.status == ACTIVE else "",
            )[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col in (7, 8, 9):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if (
            role == Qt.ItemDataRole.ForegroundRole
            and col == 10
            and r.status == ACTIVE
            and r.quality_class != "lancar"
        ):
            return LATE_COLOR
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class LoanDetailPanel(QWidget):
    """One loan: the terms, the schedule with what was paid, and its transactions."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        lang = ctx.lang
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.summary = QLabel()
        self.summary.setObjectName("loanSummary")
        self.summary.setWordWrap(True)
        self.summary.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.summary)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("loanDetailTabs")
        self.scheduleModel = RowsModel(
            [
                (self.tr("Ke"), lambda r: r.no, "int"),
                (self.tr("Jatuh tempo"), lambda r: r.due_date, "date"),
                (self.tr("Pokok"), lambda r: r.principal, "money"),
                (self.tr("Bunga"), lambda r: r.interest, "money"),
                (self.tr("Biaya"), lambda r: r.fee or None, "money"),
                (self.tr("Angsuran"), lambda r: r.total, "money"),
                (self.tr("Dibayar"), lambda r: r.paid or None, "money"),
                (self.tr("Sisa"), lambda r: r.unpaid or None, "money"),
                (self.tr("Denda dibayar"), lambda r: r.paid_penalty or None, "money"),
            ],
            self,
        )
        self.scheduleTable = setup_table(DataTable(), "loanScheduleTable")
        self.scheduleTable.setModel(self.scheduleModel)
        self.tabs.addTab(self.scheduleTable, self.tr("Jadwal angsuran"))
        self.txModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda t: t.date, "date"),
                (self.tr("Kuitansi"), lambda t: t.receipt_no, "text"),
                (
                    self.tr("Jenis"),
                    lambda t: (
                        kind_label(t.kind, lang) + (self.tr(" (dibalik)") if t.reversed else "")
                    ),
                    "text",
                ),
                (self.tr("Jumlah"), lambda t: t.amount, "money"),
                (self.tr("Pokok"), lambda t: t.principal or None, "money"),
                (self.tr("Bunga"), lambda t: t.interest or None, "money"),
                (self.tr("Biaya"), lambda t: t.fee or None, "money"),
                (self.tr("Denda"), lambda t: t.penalty or None, "money"),
                (self.tr("Keterangan"), lambda t: t.memo, "text"),
            ],
            self,
        )
        self.txTable = setup_table(DataTable(), "loanTransactionsTable", stretch_column=8)
        self.txTable.setModel(self.txModel)
        self.tabs.addTab(self.txTable, self.tr("Transaksi"))
        from .loan_rules import CollateralPanel

        self.collateral = CollateralPanel(ctx)
        self.tabs.addTab(self.collateral, self.tr("Jaminan && penjamin"))
        layout.addWidget(self.tabs, 1)
        self.detail: LoanDetail | None = None

    def show_loan(self, detail: LoanDetail | None) -> None:
        self.detail = detail
        if detail is None:
            self.summary.setText(self.tr("Pilih pinjaman di daftar untuk melihat rinciannya."))
            self.scheduleModel.set_rows([])
            self.txModel.set_rows([])
            self.collateral.show_loan(None)
            return
        lang = self.ctx.lang
        r = detail.row
        parts = [
            f"<b>{r.number}</b> · {r.member_number} {r.member_name}",
            f"{detail.product_name} · {status_label(r.status, lang)}",
            self.tr("plafon {amount} · {term} × {every} {unit} · bunga {rate} % per {per}").format(
                amount=rp(r.amount),
                term=r.term,
                every=detail.every,
                unit=label(UNIT_LABELS, detail.unit, lang),
                rate=format_decimal(detail.rate),
                per=label(UNIT_LABELS, detail.rate_per, lang),
            ),
        ]
        if r.status == ACTIVE:
            parts.append(
                self.tr("sisa pokok <b>{out}</b> · {cls}").format(
                    out=rp(r.principal_outstanding), cls=class_label(r.quality_class, lang)
                )
            )
        if r.status == WRITTEN_OFF and detail.written_off_on:
            parts.append(
                self.tr("dihapus buku {date}").format(date=fmt_date(detail.written_off_on))
            )
        if detail.decision_note:
            parts.append(self.tr("catatan: {note}").format(note=detail.decision_note))
        parts.append(self.tr("tujuan: {p}").format(p=detail.purpose))
        self.summary.setText(" · ".join(parts[:2]) + "<br>" + " · ".join(parts[2:]))
        self.scheduleModel.set_rows(list(detail.schedule))
        self.txModel.set_rows(list(reversed(detail.transactions)))
        self.collateral.show_loan(detail)

    def selected_tx(self):
        return self.txModel.row(self.txTable.currentIndex())

"""Pinjaman: the loan list (lazy) with each loan's schedule and transactions, the steps of a
loan (apply, approve or refuse, disburse, repay, pay off, reverse; on the selected loan:
restructure, write off, take money back after a write-off), arrears by kolektibilitas, what
falls due this week, loan products and the month-end run."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services import clock, ui_queries
from ...services import month_end as month_end_run
from ...services.loans import quality as loan_quality
from ...services.loans import reversals as loan_reversals
from ...services.loans import views as loan_views
from ...services.loans.core import ACTIVE, APPLIED, APPROVED, STATUSES, WRITTEN_OFF
from ...services.loans.quality import ArrearsReport
from ...services.loans.views import LoanDetail, LoanRow
from .. import dialogs
from ..context import LEDGER, LOANS, MEMBERS, SAVINGS, AppContext
from ..period_choice import PeriodDialog
from ..widgets import format_decimal, rp, setup_date_edit, to_date
from .base import DataTable, Index, Page, PagedModel, RowsModel, fmt_date, setup_table
from .loan_dialogs import (
    MONEY_CHANGES,
    DecisionDialog,
    DisburseDialog,
    PayoffDialog,
    RecoveryDialog,
    RepaymentDialog,
    RescheduleDialog,
    WriteOffDialog,
)
from .loan_documents import documents_button
from .loan_labels import UNIT_LABELS, class_label, kind_label, label, status_label
from .loan_products import LoanProductsDialog
from .loan_wizard import LoanApplicationWizard
from .savings import ReverseDialog

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
        ctx.read(
            lambda: loan_quality.loan_arrears(ctx.db, as_of, ctx.actor),
            on_done=self.show_report,
            on_error=lambda exc: (self.ratios.setText(ctx.error_message(exc)), True)[1],
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


class LoansPage(Page):
    areas = frozenset({LOANS, MEMBERS, SAVINGS, LEDGER})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("loansPage")
        lang = ctx.lang
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Pinjaman</h2>")))
        actions = QHBoxLayout()
        self.applyButton = QPushButton(self.tr("&Ajukan pinjaman..."))
        self.approveButton = QPushButton(self.tr("&Setujui..."))
        self.rejectButton = QPushButton(self.tr("T&olak..."))
        self.disburseButton = QPushButton(self.tr("&Cairkan..."))
        self.repayButton = QPushButton(self.tr("A&ngsuran..."))
        self.payoffButton = QPushButton(self.tr("&Pelunasan..."))
        self.reverseButton = QPushButton(self.tr("&Balik transaksi..."))
        self.productsButton = QPushButton(self.tr("Pro&duk..."))
        self.monthEndButton = QPushButton(self.tr("Proses akhir &bulan..."))
        self.pendingButton = QPushButton(self.tr("Menunggu pe&rsetujuan..."))
        for name, b in (
            ("applyLoanButton", self.applyButton),
            ("approveLoanButton", self.approveButton),
            ("rejectLoanButton", self.rejectButton),
            ("disburseLoanButton", self.disburseButton),
            ("repayLoanButton", self.repayButton),
            ("payoffLoanButton", self.payoffButton),
            ("reverseLoanTxButton", self.reverseButton),
            ("loanProductsButton", self.productsButton),
            ("monthEndButton", self.monthEndButton),
            ("pendingApprovalsButton", self.pendingButton),
        ):
            b.setObjectName(name)
            actions.addWidget(b)
        actions.addStretch(1)
        layout.addLayout(actions)

        self.tabs = QTabWidget()
        self.tabs.setObjectName("loansTabs")
        # -- the list
        listTab = QWidget()
        ll = QVBoxLayout(listTab)
        filters = QHBoxLayout()
        filters.addWidget(QLabel(self.tr("Status")))
        self.statusFilter = QComboBox()
        self.statusFilter.setObjectName("loanStatusFilter")
        self.statusFilter.addItem(self.tr("Semua"), None)
        for code in STATUSES:
            self.statusFilter.addItem(status_label(code, lang), code)
        filters.addWidget(self.statusFilter)
        filters.addWidget(QLabel(self.tr("Anggota")))
        self.memberFilter = QLineEdit()
        self.memberFilter.setObjectName("loanMemberFilter")
        self.memberFilter.setPlaceholderText(self.tr("nomor anggota"))
        self.memberFilter.setClearButtonEnabled(True)
        filters.addWidget(self.memberFilter)
        filters.addWidget(QLabel(self.tr("Kelompok")))
        self.groupFilter = QLineEdit()
        self.groupFilter.setObjectName("loanGroupFilter")
        self.groupFilter.setPlaceholderText(self.tr("kode kelompok"))
        self.groupFilter.setClearButtonEnabled(True)
        filters.addWidget(self.groupFilter)
        filters.addStretch(1)
        ll.addLayout(filters)
        split = QSplitter(Qt.Orientation.Vertical)
        self.model = LoanListModel(ctx, self)
        self.table = setup_table(DataTable(), "loansTable", stretch_column=2)
        self.table.setModel(self.model)
        split.addWidget(self.table)
        self.detail = LoanDetailPanel(ctx)
        # what may be done to the selected loan beyond its regular steps (shown when it applies)
        lower = QWidget()
        lower_layout = QVBoxLayout(lower)
        lower_layout.setContentsMargins(0, 0, 0, 0)
        loan_bar = QHBoxLayout()
        self.rescheduleButton = QPushButton(self.tr("Res&trukturisasi..."))
        self.writeOffButton = QPushButton(self.tr("&Hapus buku..."))
        self.recoverButton = QPushButton(self.tr("Terima pe&mulihan..."))
        # issue 17: collateral, guarantors, the boards' approval (no Alt letter of their
        # own: the window's letters are taken; Tab reaches them)
        self.collateralButton = QPushButton(self.tr("Jaminan..."))
        self.guarantorButton = QPushButton(self.tr("Penjamin..."))
        self.returnCollateralButton = QPushButton(self.tr("Kembalikan jaminan..."))
        self.boardButton = QPushButton(self.tr("Persetujuan pengurus/pengawas..."))
        for name, b in (
            ("rescheduleLoanButton", self.rescheduleButton),
            ("writeOffLoanButton", self.writeOffButton),
            ("recoverLoanButton", self.recoverButton),
            ("addCollateralButton", self.collateralButton),
            ("addGuarantorButton", self.guarantorButton),
            ("returnCollateralButton", self.returnCollateralButton),
            ("boardApprovalButton", self.boardButton),
        ):
            b.setObjectName(name)
            loan_bar.addWidget(b)
        loan_bar.addStretch(1)
        self.documentsButton = documents_button(ctx, lambda: self.detail.detail, self)
        loan_bar.addWidget(self.documentsButton)
        lower_layout.addLayout(loan_bar)
        lower_layout.addWidget(self.detail, 1)
        split.addWidget(lower)
        split.setSizes([300, 300])
        ll.addWidget(split, 1)
        self.tabs.addTab(listTab, self.tr("Daftar pinjaman"))
        self.arrears = ArrearsTab(ctx)
        self.tabs.addTab(self.arrears, self.tr("Tunggakan && kolektibilitas"))
        # the whole portfolio's arrears: a ketua has the group's in Laporan (issue 18)
        self.tabs.setTabVisible(self.tabs.indexOf(self.arrears), ctx.actor.can("read.all"))
        self.due = DueTab(ctx)
        self.tabs.addTab(self.due, self.tr("Jatuh tempo"))
        layout.addWidget(self.tabs, 1)

        self.statusFilter.currentIndexChanged.connect(lambda _i: self.reload())
        self.memberFilter.returnPressed.connect(self.reload)
        self.groupFilter.returnPressed.connect(self.reload)
        self.memberFilter.editingFinished.connect(self.reload)
        self.groupFilter.editingFinished.connect(self.reload)
        self.table.selectionModel().currentRowChanged.connect(lambda _c, _p: self.load_detail())
        self.model.modelReset.connect(self.load_detail)
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        self.applyButton.clicked.connect(lambda: self.apply_loan())
        self.approveButton.clicked.connect(lambda: self.decide(True))
        self.rejectButton.clicked.connect(lambda: self.decide(False))
        self.disburseButton.clicked.connect(self.disburse)
        self.repayButton.clicked.connect(lambda: self.repay())
        self.payoffButton.clicked.connect(self.payoff)
        self.reverseButton.clicked.connect(self.reverse_selected)
        self.productsButton.clicked.connect(self.products)
        self.monthEndButton.clicked.connect(self.month_end)
        self.rescheduleButton.clicked.connect(self.reschedule)
        self.writeOffButton.clicked.connect(self.write_off)
        self.recoverButton.clicked.connect(self.recover)
        self.collateralButton.clicked.connect(self.add_collateral)
        self.guarantorButton.clicked.connect(self.add_guarantor)
        self.returnCollateralButton.clicked.connect(self.return_collateral)
        self.boardButton.clicked.connect(self.board_approve)
        self.pendingButton.clicked.connect(self.pending_approvals)
        self._filters_applied: dict[str, str | None] | None = None
        self._just_reloaded = False
        self.last_month_end: month_end_run.MonthEndResult | None = None
        self._update_buttons()

    # -- list
    def current_filters(self) -> dict[str, str | None]:
        return {
            "status": self.statusFilter.currentData(),
            "member_no": self.memberFilter.text().strip() or None,
            "group_code": self.groupFilter.text().strip() or None,
        }

    def reload(self) -> None:
        filters = self.current_filters()
        keep = self.selected_number()
        self._filters_applied = filters
        self.model.reload(**filters)
        if keep:
            self.select_loan(keep)

    def _on_changed(self, areas: set[str]) -> None:
        if self._just_reloaded and self.areas & set(areas):
            # the change a step of this page announces: _after reloaded the list already
            self._just_reloaded = False
            if self.isVisible():
                self._tab_changed()
            return
        super()._on_changed(areas)

    def refresh(self) -> None:
        self.reload()
        tab = self.tabs.currentWidget()
        if tab is self.arrears:
            self.arrears.refresh()
        elif tab is self.due:
            self.due.refresh()

    def _tab_changed(self) -> None:
        tab = self.tabs.currentWidget()
        if tab is self.arrears:
            self.arrears.refresh()
        elif tab is self.due:
            self.due.refresh()

    def show_options(self, options: dict) -> None:
        """From the dashboard: ``status``, ``tab`` ('list' | 'arrears' | 'due')."""
        if "status" in options:
            i = self.statusFilter.findData(options["status"])
            self.statusFilter.setCurrentIndex(max(i, 0))
        tab = options.get("tab", "list")
        self.tabs.setCurrentWidget(
            {"arrears": self.arrears, "due": self.due}.get(tab, self.tabs.widget(0))
        )

    def selected_row(self) -> LoanRow | None:
        idx = self.table.currentIndex()
        return (
            self.model.rows[idx.row()]
            if idx.isValid() and idx.row() < len(self.model.rows)
            else None
        )

    def selected_number(self) -> str | None:
        row = self.selected_row()
        return row.number if row else None

    def select_loan(self, number: str) -> bool:
        """Select ``number`` in the list (fetching pages until it shows)."""
        while True:
            for i, r in enumerate(self.model.rows):
                if r.number == number:
                    self.table.selectRow(i)
                    self.table.scrollTo(self.model.index(i, 0))
                    return True
            if not self.model.canFetchMore():
                return False
            self.model.fetchMore()

    def load_detail(self) -> None:
        row = self.selected_row()
        if row is None:
            self.detail.show_loan(None)
        else:
            try:
                self.detail.show_loan(loan_views.get_loan(self.ctx.db, row.number, self.ctx.actor))
            except KoperasiError as exc:
                self.detail.show_loan(None)
                self.detail.summary.setText(exc.message(self.ctx.lang))
        self._update_buttons()

    def _update_buttons(self) -> None:
        d = self.detail.detail
        status = d.status if d else None
        self.approveButton.setEnabled(status == APPLIED)
        self.rejectButton.setEnabled(status in (APPLIED, APPROVED))
        self.disburseButton.setEnabled(status == APPROVED)
        self.payoffButton.setEnabled(status == ACTIVE)
        self.reverseButton.setEnabled(d is not None and bool(d.transactions))
        # shown only when the step applies to the loan and the user's role may take it
        actor = self.ctx.actor
        for button, applies, permission in (
            (self.rescheduleButton, status == ACTIVE, "loan.write"),
            (self.writeOffButton, status == ACTIVE, "loan.approve"),
            (self.recoverButton, status == WRITTEN_OFF, "loan.write"),
            (self.collateralButton, status in (APPLIED, APPROVED, ACTIVE), "loan.write"),
            (self.guarantorButton, status in (APPLIED, APPROVED, ACTIVE), "loan.write"),
            (self.returnCollateralButton, status in ("lunas", "ditolak"), "loan.write"),
            (self.boardButton, status == APPLIED, "loan.board_approve"),
        ):
            shown = applies and actor.can(permission)
            button.setVisible(shown)
            button.setEnabled(shown)

    # -- steps
    def _after(self, number: str | None) -> None:
        """After a step on loan ``number``: ONE reload, the filter kept (unless the loan left
        the status shown), the loan selected. The change the step announces next finds the
        list fresh and does not reload it again."""
        if not number:
            return
        filters = self.current_filters()
        self._filters_applied = filters
        self.model.reload(**filters)
        if not self.select_loan(number) and filters.get("status"):
            # the step moved the loan out of the status shown (approved, written off...):
            # show all statuses so the treasurer sees where it went
            self.statusFilter.blockSignals(True)
            self.statusFilter.setCurrentIndex(0)
            self.statusFilter.blockSignals(False)
            self._filters_applied = filters = self.current_filters()
            self.model.reload(**filters)
            self.select_loan(number)
        self._just_reloaded = True
        QTimer.singleShot(0, self._forget_reload)

    def _forget_reload(self) -> None:
        self._just_reloaded = False

    def apply_loan(self, member_number: str | None = None) -> LoanApplicationWizard:
        member = member_number or self.memberFilter.text().strip() or None
        wiz = LoanApplicationWizard(self.ctx, member, self)
        wiz.applied.connect(lambda d: self._after(d.number))
        wiz.open()
        return wiz

    def _need_loan(self) -> LoanDetail | None:
        d = self.detail.detail
        if d is None:
            dialogs.inform(self, self.tr("Pinjaman"), self.tr("Pilih dulu pinjaman di daftar."))
        return d

    def decide(self, approve: bool) -> DecisionDialog | None:
        d = self._need_loan()
        if d is None:
            return None
        dlg = DecisionDialog(self.ctx, d, approve, self)
        dlg.decided.connect(lambda det: self._after(det.number))
        dlg.open()
        return dlg

    def disburse(self) -> DisburseDialog | None:
        d = self._need_loan()
        if d is None:
            return None
        dlg = DisburseDialog(self.ctx, d, self)
        dlg.disbursed.connect(lambda v: self._after(v.loan_number))
        dlg.open()
        return dlg

    def repay(self, number: str | None = None) -> RepaymentDialog:
        number = number or (
            self.detail.detail.number
            if self.detail.detail and self.detail.detail.status == ACTIVE
            else None
        )
        dlg = RepaymentDialog(self.ctx, number, self)
        dlg.posted.connect(lambda v: self._after(v.loan_number))
        dlg.open()
        return dlg

    def payoff(self) -> PayoffDialog | None:
        d = self._need_loan()
        if d is None:
            return None
        dlg = PayoffDialog(self.ctx, d, self)
        dlg.posted.connect(lambda v: self._after(v.loan_number))
        dlg.open()
        return dlg

    def reschedule(self) -> RescheduleDialog | None:
        d = self._need_loan()
        if d is None:
            return None
        dlg = RescheduleDialog(self.ctx, d, self)
        dlg.rescheduled.connect(lambda det: self._after(det.number))
        dlg.open()
        return dlg

    def write_off(self) -> WriteOffDialog | None:
        d = self._need_loan()
        if d is None:
            return None
        dlg = WriteOffDialog(self.ctx, d, self)
        dlg.written_off.connect(lambda v: self._after(v.loan_number))
        dlg.open()
        return dlg

    def recover(self) -> RecoveryDialog | None:
        d = self._need_loan()
        if d is None:
            return None
        dlg = RecoveryDialog(self.ctx, d, self)
        dlg.posted.connect(lambda v: self._after(v.loan_number))
        dlg.open()
        return dlg

    # -- issue 17: collateral, guarantors, approvals
    def _loan_dialog(self, cls, signal: str):
        d = self._need_loan()
        if d is None:
            return None
        dlg = cls(self.ctx, d, self)
        getattr(dlg, signal).connect(lambda _v, n=d.number: self._after(n))
        dlg.open()
        return dlg

    def add_collateral(self):
        from .loan_rules import CollateralDialog

        return self._loan_dialog(CollateralDialog, "added")

    def add_guarantor(self):
        from .loan_rules import GuarantorDialog

        return self._loan_dialog(GuarantorDialog, "added")

    def return_collateral(self):
        from .loan_rules import ReturnCollateralDialog

        return self._loan_dialog(ReturnCollateralDialog, "returned")

    def board_approve(self):
        from .loan_rules import BoardApprovalDialog

        return self._loan_dialog(BoardApprovalDialog, "approved")

    def pending_approvals(self):
        from .loan_rules import PendingApprovalsDialog

        dlg = PendingApprovalsDialog(self.ctx, self)
        dlg.finished.connect(lambda _r: self.reload())
        dlg.open()
        return dlg

    def reverse_selected(self) -> ReverseDialog | None:
        d = self.detail.detail
        tx = self.detail.selected_tx()
        if d is None or tx is None:
            dialogs.inform(
                self,
                self.tr("Balik transaksi"),
                self.tr("Pilih dulu transaksi di tab Transaksi pinjaman."),
            )
            return None
        ctx, number = self.ctx, d.number
        dlg = ReverseDialog(
            ctx,
            self.tr("{kind} {amount} · {loan} · {date} · {receipt}").format(
                kind=kind_label(tx.kind, ctx.lang),
                amount=rp(abs(tx.amount)),
                loan=number,
                date=fmt_date(tx.date),
                receipt=tx.receipt_no or "",
            ),
            lambda date, reason: _reverse_or_request(ctx, number, tx.id, date, reason),
            self,
            changes=MONEY_CHANGES,
        )
        dlg.accepted.connect(lambda: self._after(number))
        dlg.open()
        return dlg

    def products(self) -> LoanProductsDialog:
        dlg = LoanProductsDialog(self.ctx, self)
        dlg.open()
        return dlg

    def month_end(self) -> PeriodDialog:
        """Kolektibilitas and PPAP at the end of a month that has ended, chosen by the
        treasurer (default: the last ended month), in the background with progress."""
        ctx = self.ctx
        dlg = PeriodDialog(
            ctx.today(),
            ctx.lang,
            self.tr("Proses akhir bulan pinjaman"),
            self.tr(
                "Hitung kolektibilitas semua pinjaman aktif dan bukukan penyesuaian cadangan "
                "(PPAP) per akhir bulan yang dipilih."
            ),
            self.tr("Proses"),
            self.run_month_end,
            self,
            "monthEndDialog",
        )
        dlg.open()
        return dlg

    def run_month_end(self, year: int, month: int) -> None:
        ctx = self.ctx
        as_of = clock.month_end(year, month)
        today = ctx.today()
        ctx.write(
            lambda progress: month_end_run.month_end(
                ctx.db, ctx.actor, as_of, progress, today=today
            ),
            changes={LOANS, LEDGER},
            progress=self.tr("Proses akhir bulan pinjaman..."),
            on_done=self._month_end_done,
            on_error=self._month_end_failed,
            parent=self,
        )

    def _month_end_failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, KoperasiError):
            return False
        dialogs.warn(self, self.tr("Proses akhir bulan"), self.ctx.error_message(exc))
        return True

    def _month_end_done(self, result: month_end_run.MonthEndResult) -> None:
        self.last_month_end = result
        lines = "<br>".join(
            f"{class_label(c.kolektibilitas, self.ctx.lang)}: {c.loans} · {rp(c.outstanding)} · "
            f"PPAP {rp(c.ppap)}"
            for c in result.by_class
        )
        dialogs.inform(
            self,
            self.tr("Proses akhir bulan selesai"),
            self.tr(
                "Per {date}: {n} pinjaman dinilai. PPAP {ppap}; cadangan {before} → {after}."
            ).format(
                date=fmt_date(result.as_of),
                n=result.loans,
                ppap=rp(result.ppap_total),
                before=rp(result.allowance_before),
                after=rp(result.allowance_after),
            )
            + "<br>"
            + lines
            + (
                "<br>"
                + self.tr("Penyusutan aset tetap bulan ini: {amount}.").format(
                    amount=rp(result.depreciation)
                )
                if result.depreciation
                else ""
            )
            + (
                "<br>"
                + self.tr(
                    "Simpanan berjangka: bunga {interest} (PPh {tax}); {matured} jatuh tempo, "
                    "{rolled} diperpanjang."
                ).format(
                    interest=rp(result.deposits.interest_gross),
                    tax=rp(result.deposits.interest_tax),
                    matured=result.deposits.matured,
                    rolled=result.deposits.rolled_over,
                )
                if result.deposits is not None
                and (result.deposits.entries or result.deposits.matured)
                else ""
            )
            + (
                "<br>"
                + self.tr(
                    "Instruksi tetap: {posted} dibukukan, {skipped} dilewati (lihat Laporan "
                    "Instruksi Tetap)."
                ).format(posted=result.standing_posted, skipped=result.standing_skipped)
                if result.standing_posted or result.standing_skipped
                else ""
            ),
        )

    def focus_member(self, member_number: str) -> None:
        self.memberFilter.setText(member_number)
        self.reload()


def _reverse_or_request(ctx: AppContext, number: str, tx_id: int, date, reason: str):
    """Reverse a payment, or (four-eyes on reversals, issue 17) file the request a second
    user approves in Menunggu persetujuan."""
    from ...services import approvals

    if approvals.needs_approval(ctx.db, "loan_reversal"):
        return approvals.request(ctx.db, ctx.actor, "loan_reversal", number, date, reason, tx=tx_id)
    return loan_reversals.reverse_repayment(ctx.db, ctx.actor, number, tx_id, date, reason)

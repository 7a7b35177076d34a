"""Pinjaman: the loan list (lazy) with each loan's schedule and transactions, the steps of a
loan (apply, approve or refuse, disburse, repay, pay off, reverse; on the selected loan:
restructure, write off, take money back after a write-off), arrears by kolektibilitas, what
falls due this week, loan products and the month-end run."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import LoanStatus
from ...errors import KoperasiError
from ...services import clock
from ...services import month_end as month_end_run
from ...services.changes import Area
from ...services.loans import reversals as loan_reversals
from ...services.loans import views as loan_views
from ...services.loans.core import ACTIVE, APPLIED, APPROVED, STATUSES, WRITTEN_OFF
from ...services.loans.views import LoanDetail, LoanRow
from .. import dialogs
from ..context import AppContext
from ..period_choice import PeriodDialog
from ..widgets import rp
from .base import DataTable, Page, fmt_date, setup_table
from .lending_rules import reverse_or_request
from .loan_dialogs import DecisionDialog, DisburseDialog
from .loan_documents import documents_button
from .loan_labels import class_label, kind_label, status_label
from .loan_list import LoanDetailPanel, LoanListModel
from .loan_payment_dialogs import PayoffDialog, RepaymentDialog
from .loan_products import LoanProductsDialog
from .loan_tabs import ArrearsTab, DueTab
from .loan_wizard import LoanApplicationWizard
from .loan_workout_dialogs import RecoveryDialog, RescheduleDialog, WriteOffDialog
from .savings import ReverseDialog


class LoansPage(Page):
    areas = frozenset({Area.LOANS, Area.MEMBERS, Area.GROUPS, Area.SAVINGS, Area.LEDGER})

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
        target = {"arrears": self.arrears, "due": self.due}.get(options.get("tab", "list"))
        if target is None:
            self.tabs.setCurrentIndex(0)  # the list
        else:
            self.tabs.setCurrentWidget(target)

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
            (
                self.returnCollateralButton,
                status in (LoanStatus.PAID_OFF, LoanStatus.REJECTED),
                "loan.write",
            ),
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
            lambda date, reason: reverse_or_request(
                ctx,
                "loan_reversal",
                number,
                date,
                reason,
                lambda: loan_reversals.reverse_repayment(
                    ctx.db, ctx.actor, number, tx.id, date, reason
                ),
                tx=tx.id,
            ),
            self,
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

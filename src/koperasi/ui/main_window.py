"""The main window: left navigation, stacked pages, actions with shortcuts, status bar."""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from importlib import import_module

from PySide6.QtCore import QByteArray, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QHBoxLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QMainWindow,
    QStackedWidget,
    QToolBar,
    QWidget,
)

from .. import __version__
from ..domain.vocabulary import LoanStatus
from ..services import settings as settings_service
from ..services import ui_queries
from ..services.changes import Area
from . import admin_features, dialogs, mnemonics
from .context import AppContext
from .crash import log_path
from .pages.base import Page
from .worker import SyncRunner

PAGE_KEYS = (
    "dashboard",
    "members",
    "groups",
    "savings",
    "loans",
    "ledger",
    "reports",
    "rat",
    "messages",
    "exchange",
    "settings",
)
# Ctrl+1..9 keep the pages they had before the RAT and Pesan pages came (none of their own)
SHORTCUT_KEYS = tuple(k for k in PAGE_KEYS if k not in ("rat", "messages"))

# page key -> (module under koperasi.ui.pages, class). A page (and what only it needs:
# charts, PDF viewer, workbooks, report engines) is imported and built on first use, so the
# window opens with only the page it shows first.
PAGE_CLASSES: dict[str, tuple[str, str]] = {
    "dashboard": ("dashboard", "DashboardPage"),
    "members": ("members", "MembersPage"),
    "groups": ("groups", "GroupsPage"),
    "savings": ("savings", "SavingsPage"),
    "loans": ("loans", "LoansPage"),
    "ledger": ("ledger", "LedgerPage"),
    "reports": ("reports", "ReportsPage"),
    "rat": ("rat", "RatPage"),
    "messages": ("messages", "MessagesPage"),
    "exchange": ("exchange", "ExchangePage"),
    "settings": ("settings", "SettingsPage"),
}


# the pages' imports start this long after the main window is built (a smoke test or a
# quick look has quit by then)
WARM_UP_AFTER_MS = 1500


class Pages(Mapping[str, Page]):
    """``win.pages[key]``: the page, built on first access; iterating names every key but
    only :meth:`built` lists the pages that exist."""

    def __init__(self, build: Callable[[str], Page]) -> None:
        self._build = build
        self._pages: dict[str, Page] = {}

    def __getitem__(self, key: str) -> Page:
        page = self._pages.get(key)
        if page is None:
            if key not in PAGE_CLASSES:
                raise KeyError(key)
            page = self._pages[key] = self._build(key)
        return page

    def __iter__(self) -> Iterator[str]:
        return iter(PAGE_KEYS)

    def __len__(self) -> int:
        return len(PAGE_KEYS)

    def is_built(self, key: str) -> bool:
        return key in self._pages

    def built(self) -> dict[str, Page]:
        return {k: self._pages[k] for k in PAGE_KEYS if k in self._pages}


def _page_property(key: str) -> property:
    return property(lambda self: self.pages[key], doc=f"The {key} page (built on first use).")


class MainWindow(QMainWindow):
    openDatabaseRequested = Signal()
    languageChangeRequested = Signal(str)
    pageBuilt = Signal(str, object)  # key, page: just built (the role guard applies itself)

    dashboard = _page_property("dashboard")
    members = _page_property("members")
    groups = _page_property("groups")
    savings = _page_property("savings")
    loans = _page_property("loans")
    ledger = _page_property("ledger")
    reports = _page_property("reports")
    rat = _page_property("rat")
    exchange = _page_property("exchange")
    settings = _page_property("settings")

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("mainWindow")
        self.resize(1200, 760)
        self.setMinimumSize(QSize(900, 600))

        central = QWidget()
        row = QHBoxLayout(central)
        row.setContentsMargins(0, 0, 0, 0)
        row.setSpacing(0)
        self.nav = QListWidget()
        self.nav.setObjectName("navigation")
        self.nav.setFixedWidth(190)
        self.nav.setStyleSheet(
            "QListWidget#navigation { background: #f6f8fa; border: none; border-right: 1px solid #d0d7de;"
            " font-size: 11pt; padding-top: 8px; }"
            "QListWidget#navigation::item { padding: 9px 14px; }"
            "QListWidget#navigation::item:selected { background: #ddf4ff; color: #0969da; }"
        )
        self.stack = QStackedWidget()
        self.stack.setObjectName("pages")
        row.addWidget(self.nav)
        row.addWidget(self.stack, 1)
        self.setCentralWidget(central)

        self.pages = Pages(self._build_page)
        titles = {
            "dashboard": self.tr("Beranda"),
            "members": self.tr("Anggota"),
            "groups": self.tr("Kelompok"),
            "savings": self.tr("Simpanan"),
            "loans": self.tr("Pinjaman"),
            "ledger": self.tr("Kas & Jurnal"),
            "reports": self.tr("Laporan"),
            "rat": self.tr("RAT"),
            "messages": self.tr("Pesan"),
            "exchange": self.tr("Impor/Ekspor"),
            "settings": self.tr("Pengaturan"),
        }
        self.page_titles = titles
        for key in PAGE_KEYS:
            item = QListWidgetItem(titles[key])
            item.setData(Qt.ItemDataRole.UserRole, key)
            self.nav.addItem(item)
            # a stand-in keeps each page's index until the page is built
            placeholder = QWidget()
            placeholder.setObjectName(f"{key}Placeholder")
            self.stack.addWidget(placeholder)
        self.nav.currentRowChanged.connect(self._nav_changed)

        self._make_actions()
        self._make_status_bar()
        ctx.bus.navigate.connect(self.go)
        ctx.bus.changed.connect(self._on_changed)
        self._restore()
        self.update_title()
        self.trust = admin_features.install(self)  # users, audit trail, backups, role guard
        app = QApplication.instance()
        if isinstance(app, QApplication):
            mnemonics.install(app)
        if not isinstance(ctx.runner, SyncRunner):
            QTimer.singleShot(WARM_UP_AFTER_MS, self._warm_up)

    def _warm_up(self) -> None:
        """Once the window is up and idle, import what the pages still need (their modules,
        the report catalogue) on a worker thread: a first visit then only builds widgets
        instead of also importing ReportLab, openpyxl and the report modules on the UI
        thread (up to half a second; bench ui_stall). A page visited before it is done
        waits for the module as it did before."""

        def imports() -> None:
            for module, _cls in PAGE_CLASSES.values():
                import_module(f".pages.{module}", __package__)
            from ..reports import registry

            registry.list_reports()

        self.ctx.runner.run(imports, write=False, on_error=lambda _exc: True)

    # -- actions and shortcuts
    def _action(
        self,
        name: str,
        text: str,
        shortcut: QKeySequence | QKeySequence.StandardKey | str | None,
        slot,
        tip: str = "",
    ) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut:
            action.setShortcut(QKeySequence(shortcut))
            action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        if tip:
            action.setStatusTip(tip)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _make_actions(self) -> None:
        a = self._action
        self.newMemberAction = a(
            "newMemberAction", self.tr("Anggota &baru..."), "Ctrl+N", self.new_member
        )
        self.depositAction = a(
            "depositAction",
            self.tr("&Setor simpanan..."),
            "Ctrl+D",
            lambda: self.savings_dialog("deposit"),
        )
        self.withdrawAction = a(
            "withdrawAction",
            self.tr("&Tarik simpanan..."),
            "Ctrl+T",
            lambda: self.savings_dialog("withdraw"),
        )
        self.repaymentAction = a(
            "repaymentAction", self.tr("&Angsuran pinjaman..."), "Ctrl+R", self.repayment_dialog
        )
        self.newLoanAction = a(
            "newLoanAction", self.tr("Ajukan &pinjaman..."), "Ctrl+L", self.new_loan
        )
        self.searchAction = a(
            "searchAction", self.tr("&Cari anggota"), QKeySequence.StandardKey.Find, self.search
        )
        self.manualEntryAction = a(
            "manualEntryAction",
            self.tr("&Pemasukan/pengeluaran kas..."),
            "Ctrl+J",
            self.manual_entry,
        )
        self.refreshAction = a(
            "refreshAction",
            self.tr("&Muat ulang"),
            QKeySequence.StandardKey.Refresh,
            self.refresh_current,
        )
        self.openDatabaseAction = a(
            "openDatabaseAction",
            self.tr("&Buka basis data..."),
            "Ctrl+O",
            self.openDatabaseRequested.emit,
        )
        self.quitAction = a(
            "quitAction", self.tr("&Keluar"), QKeySequence.StandardKey.Quit, self.close
        )
        self.aboutAction = a("aboutAction", self.tr("&Tentang Koperasi"), None, self.about)
        self.pageActions = []
        for key in PAGE_KEYS:
            act = a(
                f"go{key.capitalize()}Action",
                self.page_titles[key],
                f"Ctrl+{SHORTCUT_KEYS.index(key) + 1}" if key in SHORTCUT_KEYS else None,
                lambda k=key: self.go(k),
            )
            self.pageActions.append(act)

        menu = self.menuBar()
        m = menu.addMenu(self.tr("&Berkas"))
        m.setObjectName("fileMenu")
        m.addAction(self.openDatabaseAction)
        m.addSeparator()
        m.addAction(self.quitAction)
        m = menu.addMenu(self.tr("&Transaksi"))
        m.setObjectName("transactionsMenu")
        for act in (
            self.newMemberAction,
            self.depositAction,
            self.withdrawAction,
            self.repaymentAction,
            self.newLoanAction,
            self.manualEntryAction,
        ):
            m.addAction(act)
        m = menu.addMenu(self.tr("T&ampilan"))
        m.setObjectName("viewMenu")
        for act in self.pageActions:
            m.addAction(act)
        m.addSeparator()
        m.addAction(self.searchAction)
        m.addAction(self.refreshAction)
        m = menu.addMenu(self.tr("Ba&ntuan"))
        m.setObjectName("helpMenu")
        m.addAction(self.aboutAction)

        bar = QToolBar(self.tr("Aksi cepat"))
        bar.setObjectName("mainToolbar")
        bar.setMovable(False)
        bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextOnly)
        for act in (
            self.newMemberAction,
            self.depositAction,
            self.withdrawAction,
            self.repaymentAction,
            self.manualEntryAction,
            self.searchAction,
        ):
            bar.addAction(act)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)

    def _make_status_bar(self) -> None:
        sb = self.statusBar()
        sb.setObjectName("statusBar")
        self.dbLabel = QLabel()
        self.dbLabel.setObjectName("statusDatabase")
        self.userLabel = QLabel()
        self.userLabel.setObjectName("statusUser")
        self.periodLabel = QLabel()
        self.periodLabel.setObjectName("statusPeriod")
        for w in (self.dbLabel, self.userLabel, self.periodLabel):
            sb.addPermanentWidget(w)
        self.update_status()

    def update_status(self) -> None:
        ctx = self.ctx
        self.dbLabel.setText(self.tr("Basis data: {name}").format(name=ctx.db.display_name))
        self.userLabel.setText(
            self.tr("Pengguna: {user} ({role})").format(
                user=ctx.actor.username, role=str(ctx.actor.role)
            )
        )
        period = ui_queries.open_period(ctx.db, ctx.today())
        self.periodLabel.setText(self.tr("Periode terbuka: {period}").format(period=period))

    def update_title(self) -> None:
        try:
            name = settings_service.get_profile(self.ctx.db).name
        except Exception:  # noqa: BLE001 - the title is cosmetic
            name = ""
        self.setWindowTitle(
            f"{name} — Koperasi {__version__}" if name else f"Koperasi {__version__}"
        )

    def _on_changed(self, areas: set[str]) -> None:
        if Area.SETTINGS in areas:
            self.update_title()
        self.update_status()

    # -- pages
    def _build_page(self, key: str) -> Page:
        module, name = PAGE_CLASSES[key]
        cls = getattr(import_module(f".pages.{module}", __package__), name)
        page: Page = cls(self.ctx)
        row = PAGE_KEYS.index(key)
        stand_in = self.stack.widget(row)
        assert stand_in is not None  # a stand-in holds every page's row until it is built
        was_current = self.stack.currentIndex() == row
        self.stack.insertWidget(row, page)
        if was_current:  # switch before the stand-in goes, so no other page shows meanwhile
            self.stack.setCurrentIndex(row)
        self.stack.removeWidget(stand_in)
        stand_in.deleteLater()
        if key == "dashboard":
            from .pages.dashboard import DashboardPage  # imported above by import_module

            assert isinstance(page, DashboardPage)
            page.navigate.connect(self.go)
        elif key == "settings":
            from .pages.rat_officers import add_officers_tab
            from .pages.settings import SettingsPage

            assert isinstance(page, SettingsPage)

            add_officers_tab(page, self.ctx)  # the RAT module's register of officers
            page.languageChanged.connect(self.languageChangeRequested.emit)
            page.openDatabaseRequested.connect(self.openDatabaseRequested.emit)
        self.pageBuilt.emit(key, page)
        return page

    # -- navigation
    def _nav_changed(self, row: int) -> None:
        if 0 <= row < self.stack.count():
            self.pages[PAGE_KEYS[row]]  # noqa: B018 - builds the page on first visit
            self.stack.setCurrentIndex(row)

    def current_key(self) -> str:
        return PAGE_KEYS[self.stack.currentIndex()]

    def go(self, key: str, options: dict | None = None) -> Page:
        row = PAGE_KEYS.index(key)
        self.nav.setCurrentRow(row)
        page = self.pages[key]
        options = options or {}
        if key == "members":
            if "status" in options:
                self.members.show_status(options["status"])
            if options.get("sort") == "join_date":
                self.members.table.sortByColumn(8, Qt.SortOrder.DescendingOrder)
        if key == "loans" and options:
            self.loans.show_options(options)
        if key == "ledger" and "tab" in options:
            self.ledger.tabs.setCurrentIndex(int(options["tab"]))
        if key == "reports" and "report" in options:
            values = {k: v for k, v in options.items() if k != "report"}
            self.reports.open_report(options["report"], **values)
        return page

    # -- frequent actions
    def new_member(self):
        self.go("members")
        return self.members.new_member()

    def search(self) -> None:
        self.go("members")
        self.members.focus_search()

    def savings_dialog(self, mode: str):
        member = None
        if self.current_key() == "members":
            row = self.members.selected_member()
            member = row.number if row else None
        elif self.current_key() == "savings":
            member = self.savings.member_number()
        from .pages.savings import SavingsTxDialog

        dlg = SavingsTxDialog(self.ctx, mode, member, None, self)
        dlg.open()
        return dlg

    def repayment_dialog(self):
        """Ctrl+R: the repayment form, for the loan selected on the Pinjaman page if any."""
        number = None
        if self.current_key() == "loans":
            d = self.loans.detail.detail
            number = d.number if d is not None and d.status == LoanStatus.ACTIVE else None
        from .pages.loan_payment_dialogs import RepaymentDialog

        dlg = RepaymentDialog(self.ctx, number, self)
        dlg.posted.connect(self._after_repayment)
        dlg.open()
        return dlg

    def _after_repayment(self, posted) -> None:
        if self.pages.is_built("loans"):  # else it loads afresh when first shown
            self.loans._after(posted.loan_number)

    def new_loan(self):
        member = None
        if self.current_key() == "members":
            row = self.members.selected_member()
            member = row.number if row else None
        self.go("loans")
        return self.loans.apply_loan(member)

    def manual_entry(self):
        self.go("ledger")
        return self.ledger.new_manual_entry()

    def refresh_current(self) -> None:
        page = self.stack.currentWidget()
        if isinstance(page, Page):
            page.refresh()
        self.update_status()

    def about(self) -> None:
        dialogs.inform(
            self,
            self.tr("Tentang Koperasi"),
            self.tr(
                "Koperasi {version}\nAplikasi simpan pinjam untuk koperasi.\n\n"
                "Basis data: {db}\nCatatan kesalahan: {log}"
            ).format(version=__version__, db=self.ctx.db.display_name, log=log_path()),
        )

    # -- state
    def _restore(self) -> None:
        s = self.ctx.settings
        geometry = s.value("main_window/geometry")
        if isinstance(geometry, QByteArray | bytes):
            self.restoreGeometry(QByteArray(geometry))
        state = s.value("main_window/state")
        if isinstance(state, QByteArray | bytes):
            self.restoreState(QByteArray(state))
        last = str(s.value("main_window/page", "dashboard"))
        self.go(last if last in PAGE_KEYS else "dashboard")

    def save_state(self) -> None:
        s = self.ctx.settings
        s.setValue("main_window/geometry", self.saveGeometry())
        s.setValue("main_window/state", self.saveState())
        s.setValue("main_window/page", self.current_key())
        s.sync()

    def closeEvent(self, event: QCloseEvent) -> None:  # noqa: N802
        runner = self.ctx.runner
        if runner.busy(writes_only=True) and not dialogs.confirm(
            self,
            self.tr("Pekerjaan masih berjalan"),
            self.tr("Masih ada pekerjaan yang berjalan. Tunggu sampai selesai lalu tutup?"),
            self.tr("Tunggu dan tutup"),
        ):
            event.ignore()
            return
        # figures still loading are not worth waiting for: drop them and stop their queries
        if runner.abandon_reads():
            runner.wait_writes()  # a write may read as it goes: let it finish first
            with self.ctx.db.reads_stopped():
                runner.wait()
        else:
            runner.wait()
        self.trust.closing()
        self.save_state()
        super().closeEvent(event)

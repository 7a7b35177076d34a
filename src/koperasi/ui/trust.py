"""Users, roles, audit trail and backups in the main window (issue 7), in one place so the
main window only calls :func:`install` and :meth:`TrustFeatures.closing`.

- Pengaturan gains the tabs Pengguna (admin), Jejak Audit (admin, bendahara, pengawas) and
  Cadangan; the menus gain "Ganti kata sandi", "Cadangkan sekarang...", "Pulihkan dari
  cadangan..." and shortcuts to those tabs.
- :class:`RoleGuard` hides what the acting user's role may not do: actions and buttons by
  object name (also in dialogs opened later) and pages in the navigation. The services
  enforce the same rules; hiding only spares the user a refusal.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QLineEdit,
    QMenu,
    QPlainTextEdit,
    QPushButton,
    QRadioButton,
    QTextEdit,
    QToolButton,
    QWidget,
)

from . import dialogs
from .context import AppContext

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .pages.trust import BackupActions

# object name -> the permission (services/auth.py PERMISSIONS) it needs. Other screens may
# add their names here.
REQUIRES: dict[str, str] = {
    # main window actions
    "newMemberAction": "member.write",
    "depositAction": "savings.write",
    "withdrawAction": "savings.write",
    "repaymentAction": "loan.write",
    "manualEntryAction": "ledger.write",
    "restoreBackupAction": "backup.restore",
    "backupNowAction": "backup.create",
    "manageUsersAction": "user.manage",
    "auditTrailAction": "read.all",
    # members and groups
    "newMemberButton": "member.write",
    "editMemberButton": "member.write",
    "exitMemberButton": "member.write",
    "newGroupButton": "group.write",
    "editGroupButton": "group.write",
    "addGroupMemberButton": "group.write",
    "setLeaderButton": "group.write",
    "removeGroupMemberButton": "group.write",
    # savings
    "depositButton": "savings.write",
    "withdrawButton": "savings.write",
    "reverseSavingsButton": "savings.write",
    "memberDepositButton": "savings.write",
    "memberWithdrawButton": "savings.write",
    # ledger
    "manualEntryButton": "ledger.write",
    "reverseEntryButton": "ledger.write",
    # loans and group meetings
    "newLoanAction": "loan.write",
    "applyLoanButton": "loan.write",
    "approveLoanButton": "loan.approve",
    "rejectLoanButton": "loan.approve",
    "disburseLoanButton": "loan.write",
    "repayLoanButton": "loan.write",
    "payoffLoanButton": "loan.write",
    "reverseLoanTxButton": "loan.write",
    "rescheduleLoanButton": "loan.write",
    "writeOffLoanButton": "loan.approve",
    "recoverLoanButton": "loan.write",
    "monthEndButton": "loan.write",
    "newProductButton": "loan.product.write",
    "editProductButton": "loan.product.write",
    "memberApplyLoanButton": "loan.write",
    "memberRepayLoanButton": "loan.write",
    "groupMeetingButton": "loan.write",
    # closing the books
    "closeMonthButton": "period.close",
    "closeYearButton": "period.close",
    "reopenMonthButton": "period.reopen",
    "reopenYearButton": "period.reopen",
    "savingsInterestButton": "savings.write",
    # Excel
    "importButton": "import.write",
    # settings
    "saveProfileButton": "settings.write",
    "saveSavingsRulesButton": "savings.product.write",
    "saveCeilingsButton": "plausibility.write",
    # issue 17: collateral, guarantors, both boards, the lending limits
    "addCollateralButton": "loan.write",
    "addGuarantorButton": "loan.write",
    "returnCollateralButton": "loan.write",
    "boardApprovalButton": "loan.board_approve",
    "pendingApprovalsButton": "read.all",
    "saveLendingRulesButton": "settings.write",
    "relatedPartyButton": "member.write",
    "saveShuPolicyButton": "settings.write",
    "confirmShuButton": "ledger.write",
    "accountSideButton": "account.write",
    "restoreBackupButton": "backup.restore",
    # the RAT page (pengawas: read only)
    "saveBudgetButton": "rat.write",
    "importBudgetButton": "rat.write",
    "templateBoardButton": "rat.write",
    "templateSupervisorsButton": "rat.write",
    "saveBoardTextButton": "rat.write",
    "saveSupervisorsTextButton": "rat.write",
    "saveMeetingButton": "rat.write",
    "saveQuorumRuleButton": "settings.write",
    "saveGovernanceButton": "rat.write",
    "addOfficerButton": "rat.write",
    "removeOfficerButton": "rat.write",
    "backupNowButton": "backup.create",
    # an input that only feeds a hidden button (issue 18: no orphan boxes)
    "addGroupMemberEdit": "group.write",
}

# object name of a form -> the permission needed to change it; without it every field of the
# form is read-only (line edits read-only, choices disabled), not merely left without a
# Save button (issue 18)
READ_ONLY_UNLESS: dict[str, str] = {
    "profileEditor": "settings.write",
    "savingsRulesEditor": "savings.product.write",
    "plausibilityEditor": "plausibility.write",
    "shuNonMemberCombo": "settings.write",
    "shuLossCoverageCombo": "settings.write",
    "shuDateEdit": "ledger.write",
}


READ_ONLY_STYLE = (
    'QLineEdit[readOnly="true"], QAbstractSpinBox[readOnly="true"] { background: palette(window); }'
)


def make_read_only(root: QWidget) -> None:
    """Every input in ``root`` (and ``root`` itself) shows its value but takes no edit."""
    widgets = [root, *root.findChildren(QWidget)]
    if READ_ONLY_STYLE not in root.styleSheet():  # read-only fields look it: no white box
        root.setStyleSheet(root.styleSheet() + READ_ONLY_STYLE)
    for w in widgets:
        if isinstance(w, QLineEdit | QAbstractSpinBox | QTextEdit | QPlainTextEdit):
            w.setReadOnly(True)
            w.setProperty("readOnlyByRole", True)
        elif isinstance(w, QComboBox | QCheckBox | QRadioButton):
            w.setEnabled(False)
        elif isinstance(w, QPushButton | QToolButton):  # "Pilih logo...", "Hapus"
            w.setEnabled(False)
            w.setVisible(False)


# navigation page key -> the permission needed to see it at all
PAGE_REQUIRES: dict[str, str] = {
    "dashboard": "read.all",  # the cooperative's totals
    "ledger": "read.all",
    "exchange": "export.auditor",
    "rat": "read.all",
}


class RoleGuard(QObject):
    """Hides and disables what ``ctx.actor`` may not do, in the main window and in every
    dialog shown while the window lives."""

    def __init__(self, ctx: AppContext, window: MainWindow) -> None:
        super().__init__(window)
        self.ctx = ctx
        self.window = window
        from PySide6.QtWidgets import QApplication

        app = QApplication.instance()
        if app is not None:
            # a dialog opened from this window takes the focus: guard it then (a signal, not
            # an application-wide event filter, which would slow every event down)
            app.focusChanged.connect(self._focus_changed)

    def allowed(self, name: str) -> bool:
        need = REQUIRES.get(name)
        return need is None or self.ctx.actor.can(need)

    def _forbid_action(self, action: QAction) -> None:
        def keep_off() -> None:
            if action.isEnabled() or action.isVisible():
                action.setEnabled(False)
                action.setVisible(False)

        keep_off()
        action.changed.connect(keep_off)

    def apply(self, root: QWidget) -> None:
        for action in root.findChildren(QAction):
            if not self.allowed(action.objectName()):
                self._forbid_action(action)
        for button in root.findChildren(QAbstractButton):
            if not self.allowed(button.objectName()):
                button.setEnabled(False)
                button.setVisible(False)
        for name, need in REQUIRES.items():
            if not name.endswith(("Edit", "Combo")) or self.ctx.actor.can(need):
                continue
            for w in root.findChildren(QWidget, name):
                w.setEnabled(False)
                w.setVisible(False)
        for name, need in READ_ONLY_UNLESS.items():
            if self.ctx.actor.can(need):
                continue
            for w in root.findChildren(QWidget, name):
                make_read_only(w)

    def apply_window(self) -> None:
        from .main_window import PAGE_KEYS

        win = self.window
        self.apply(win)
        hidden = set()
        for key, need in PAGE_REQUIRES.items():
            if key in PAGE_KEYS and not self.ctx.actor.can(need):
                hidden.add(key)
                win.nav.item(PAGE_KEYS.index(key)).setHidden(True)
                for action in win.pageActions:
                    if action.objectName() == f"go{key.capitalize()}Action":
                        self._forbid_action(action)
        if win.current_key() in hidden:
            first = next(k for k in PAGE_KEYS if k not in hidden)
            win.go(first)
        self.hide_empty_menus()

    def hide_empty_menus(self) -> None:
        """A menu whose every action is hidden (Transaksi for a pengawas) leaves the bar."""
        for top in self.window.menuBar().actions():
            menu = top.menu()
            if menu is None:
                continue
            top.setVisible(any(a.isVisible() and not a.isSeparator() for a in menu.actions()))

    def _focus_changed(self, _old: QWidget | None, new: QWidget | None) -> None:
        if new is None:
            return
        window = new.window()
        if window is self.window or window.property("roleGuarded") or not self._belongs(window):
            return
        window.setProperty("roleGuarded", True)
        self.apply(window)

    def _belongs(self, widget: QWidget) -> bool:
        """A window opened from this main window (its dialogs are parented to it)."""
        parent = widget.parentWidget()
        while parent is not None:
            if parent is self.window:
                return True
            parent = parent.parentWidget()
        return False


class TrustFeatures(QObject):
    """What issue 7 adds to a main window; ``reopenRequested`` after a restore.

    The Pengguna / Jejak Audit / Cadangan tabs join Pengaturan when that page is built (pages
    are built on first use); every page built later is guarded by the acting user's role."""

    reopenRequested = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        ctx = window.ctx
        self.ctx, self.window = ctx, window
        self._backup: BackupActions | None = None
        self._auto_backup = False
        self._panels: dict[str, QWidget | None] | None = None
        self._make_actions()
        self.guard = RoleGuard(ctx, window)
        if window.pages.is_built("settings"):
            self._add_panels(window.settings)
        # connected first: apply_window may build the first page a role can see (Anggota for
        # a ketua kelompok), and that page must be guarded too
        window.pageBuilt.connect(self._page_built)
        self.guard.apply_window()
        self.keyWarnings = self.check_keys()

    def check_keys(self) -> list:
        """At login/open: the keys outside the database (seal, signing) against the
        fingerprints the book recorded on first use (services/key_guard.py). Another key is
        told here, once, in a warning naming the key file to copy, instead of every seal
        later looking tampered."""
        from ..services import key_guard

        try:
            found = key_guard.ensure(self.ctx.db, self.ctx.actor.username)
        except Exception:  # noqa: BLE001 - the warning never stops the book from opening
            return []
        if found:
            lang = self.ctx.lang
            dialogs.warn(
                self.window,
                self.tr("Kunci di PC ini berbeda"),
                "\n\n".join(w.message(lang) for w in found),
            )
        return found

    @property
    def backup(self) -> BackupActions:
        """The backup actions (their module is loaded on first use, not at start)."""
        if self._backup is None:
            from .pages.trust import BackupActions

            self._backup = BackupActions(self.ctx, self.window)
            self._backup.auto = self._auto_backup
            self._backup.restored.connect(lambda _r: self.reopenRequested.emit())
        return self._backup

    @property
    def auto_backup(self) -> bool:
        """The rotated backup when the window closes (switched on by the app)."""
        return self._backup.auto if self._backup is not None else self._auto_backup

    @auto_backup.setter
    def auto_backup(self, on: bool) -> None:
        self._auto_backup = on
        if self._backup is not None:
            self._backup.auto = on

    def _page_built(self, key: str, page: QWidget) -> None:
        if key == "settings":
            self._add_panels(page)
        self.guard.apply(page)

    def _add_panels(self, settings_page: QWidget) -> None:
        from .pages.trust import AuditPanel, BackupPanel, UsersPanel

        ctx = self.ctx
        users = UsersPanel(ctx) if ctx.actor.can("user.manage") else None
        audit = AuditPanel(ctx) if ctx.actor.can("read.all") else None
        backup = BackupPanel(ctx, self.backup)
        self._panels = {"users": users, "audit": audit, "backup": backup}
        tabs = settings_page.tabs  # type: ignore[attr-defined]
        if users is not None:
            tabs.addTab(users, self.tr("Pengguna"))
        if audit is not None:
            tabs.addTab(audit, self.tr("Jejak Audit"))
        tabs.addTab(backup, self.tr("Cadangan"))

    def _panel(self, name: str) -> QWidget | None:
        if self._panels is None:
            self.window.pages["settings"]  # noqa: B018 - building it adds the panels
        assert self._panels is not None
        return self._panels[name]

    @property
    def usersPanel(self):  # noqa: N802
        return self._panel("users")

    @property
    def auditPanel(self):  # noqa: N802
        return self._panel("audit")

    @property
    def backupPanel(self):  # noqa: N802
        return self._panel("backup")

    def _make_actions(self) -> None:
        win = self.window
        a = win._action
        self.backupNowAction = a(
            "backupNowAction",
            self.tr("&Cadangkan sekarang..."),
            None,
            lambda: self.backup.backup_now(),
        )
        self.restoreBackupAction = a(
            "restoreBackupAction",
            self.tr("&Pulihkan dari cadangan..."),
            None,
            lambda: self.backup.restore(),
        )
        self.changePasswordAction = a(
            "changePasswordAction",
            self.tr("&Ganti kata sandi..."),
            None,
            self._change_password,
        )
        self.manageUsersAction = a(
            "manageUsersAction",
            self.tr("&Kelola pengguna..."),
            None,
            lambda: self.show_tab(lambda: self.usersPanel),
        )
        self.auditTrailAction = a(
            "auditTrailAction",
            self.tr("&Jejak audit"),
            None,
            lambda: self.show_tab(lambda: self.auditPanel),
        )
        if not self.ctx.db.is_sqlite:
            self.backupNowAction.setEnabled(False)
            self.restoreBackupAction.setEnabled(False)
        file_menu = win.findChild(QMenu, "fileMenu")
        if file_menu is not None:
            file_menu.insertAction(win.quitAction, self.backupNowAction)
            file_menu.insertAction(win.quitAction, self.restoreBackupAction)
            file_menu.insertSeparator(win.quitAction)
        menu = QMenu(self.tr("&Pengguna"), win)
        menu.setObjectName("usersMenu")
        menu.addAction(self.changePasswordAction)
        menu.addSeparator()
        menu.addAction(self.manageUsersAction)
        menu.addAction(self.auditTrailAction)
        help_menu = win.findChild(QMenu, "helpMenu")
        bar = win.menuBar()
        if help_menu is not None:
            bar.insertMenu(help_menu.menuAction(), menu)
        else:
            bar.addMenu(menu)

    def _change_password(self) -> None:
        from .pages.trust import change_password

        change_password(self.ctx, self.window)

    def show_tab(self, panel: QWidget | None | Callable[[], QWidget | None]) -> None:
        if callable(panel):
            panel = panel()
        if panel is None:
            return
        self.window.go("settings")
        self.window.settings.tabs.setCurrentWidget(panel)

    def closing(self) -> None:
        """Called by the main window as it closes: the automatic backup."""
        if self.auto_backup:
            self.backup.backup_on_close()


def install(window: MainWindow) -> TrustFeatures:
    return TrustFeatures(window)


__all__ = ["PAGE_REQUIRES", "REQUIRES", "RoleGuard", "TrustFeatures", "install"]

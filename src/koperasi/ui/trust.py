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

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QAbstractButton, QMenu, QWidget

from .context import AppContext
from .pages.trust import AuditPanel, BackupActions, BackupPanel, UsersPanel, change_password

if TYPE_CHECKING:
    from .main_window import MainWindow

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
    # Excel
    "importButton": "import.write",
    # settings
    "saveProfileButton": "settings.write",
    "saveSavingsRulesButton": "savings.product.write",
    "restoreBackupButton": "backup.restore",
}

# navigation page key -> the permission needed to see it at all
PAGE_REQUIRES: dict[str, str] = {
    "dashboard": "read.all",  # the cooperative's totals
    "ledger": "read.all",
    "exchange": "export.auditor",
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
    """What issue 7 adds to a main window; ``reopenRequested`` after a restore."""

    reopenRequested = Signal()

    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        ctx = window.ctx
        self.ctx, self.window = ctx, window
        self.backup = BackupActions(ctx, window)
        self.backup.restored.connect(lambda _r: self.reopenRequested.emit())
        tabs = window.settings.tabs
        self.usersPanel = UsersPanel(ctx) if ctx.actor.can("user.manage") else None
        self.auditPanel = AuditPanel(ctx) if ctx.actor.can("read.all") else None
        self.backupPanel = BackupPanel(ctx, self.backup)
        if self.usersPanel is not None:
            tabs.addTab(self.usersPanel, self.tr("Pengguna"))
        if self.auditPanel is not None:
            tabs.addTab(self.auditPanel, self.tr("Jejak Audit"))
        tabs.addTab(self.backupPanel, self.tr("Cadangan"))
        self._make_actions()
        self.guard = RoleGuard(ctx, window)
        self.guard.apply_window()

    def _make_actions(self) -> None:
        win = self.window
        a = win._action
        self.backupNowAction = a(
            "backupNowAction", self.tr("&Cadangkan sekarang..."), None, self.backup.backup_now
        )
        self.restoreBackupAction = a(
            "restoreBackupAction",
            self.tr("&Pulihkan dari cadangan..."),
            None,
            self.backup.restore,
        )
        self.changePasswordAction = a(
            "changePasswordAction",
            self.tr("&Ganti kata sandi..."),
            None,
            lambda: change_password(self.ctx, win),
        )
        self.manageUsersAction = a(
            "manageUsersAction",
            self.tr("&Kelola pengguna..."),
            None,
            lambda: self.show_tab(self.usersPanel),
        )
        self.auditTrailAction = a(
            "auditTrailAction",
            self.tr("&Jejak audit"),
            None,
            lambda: self.show_tab(self.auditPanel),
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

    def show_tab(self, panel: QWidget | None) -> None:
        if panel is None:
            return
        self.window.go("settings")
        self.window.settings.tabs.setCurrentWidget(panel)

    def closing(self) -> None:
        """Called by the main window as it closes: the automatic backup."""
        self.backup.backup_on_close()


def install(window: MainWindow) -> TrustFeatures:
    return TrustFeatures(window)


__all__ = ["PAGE_REQUIRES", "REQUIRES", "RoleGuard", "TrustFeatures", "install"]

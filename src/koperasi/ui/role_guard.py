"""What the acting user's role may see and use (issue 7).

:class:`RoleGuard` hides what the acting user's role may not do: actions and buttons by
object name (also in dialogs opened later) and pages in the navigation. The services
enforce the same rules; hiding only spares the user a refusal.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QApplication,
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

from .context import AppContext

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
        app = QApplication.instance()
        if isinstance(app, QApplication):
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
            if not isinstance(menu, QMenu):
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


__all__ = ["PAGE_REQUIRES", "REQUIRES", "RoleGuard"]

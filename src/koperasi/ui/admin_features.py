"""Users, roles, audit trail and backups in the main window (issue 7), in one place so the
main window only calls :func:`install` and :meth:`TrustFeatures.closing`.

Pengaturan gains the tabs Pengguna (admin), Jejak Audit (admin, bendahara, pengawas) and
Cadangan; the menus gain "Ganti kata sandi", "Cadangkan sekarang...", "Pulihkan dari
cadangan..." and shortcuts to those tabs. Every page is guarded by :class:`RoleGuard`
(ui/role_guard.py).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMenu, QWidget

from . import dialogs
from .role_guard import RoleGuard

if TYPE_CHECKING:
    from .main_window import MainWindow
    from .pages.backup import BackupActions


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
            from .pages.backup import BackupActions

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
        from .pages.audit import AuditPanel
        from .pages.backup import BackupPanel
        from .pages.users import UsersPanel

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
        from .pages.users import change_password

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


__all__ = ["TrustFeatures", "install"]

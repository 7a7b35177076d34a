"""Users, roles, audit trail and backups in the desktop app (issue 7), driven through the
real dialogs: login, lockout, first administrator, adding users, what a read-only role sees,
the audit viewer's filters and chain check, backup now and restore."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from uihelpers import TODAY, close_message_boxes, open_dialog

from koperasi.db.database import open_database
from koperasi.db.models.base import utcnow
from koperasi.services import audit as audit_service
from koperasi.services import savings as savings_service
from koperasi.services import ui_queries
from koperasi.services import users as users_service
from koperasi.services.auth import SYSTEM, Actor, LoginFailed, Role
from koperasi.ui.app import AppController
from koperasi.ui.login import LoginDialog, PasswordDialog, UserDialog
from koperasi.ui.main_window import PAGE_KEYS, MainWindow
from koperasi.ui.pages import trust as trust_pages
from koperasi.ui.pages.members import MemberDetailDialog
from koperasi.ui.pages.savings import SavingsTxDialog
from koperasi.ui.worker import SyncRunner

LEFT = Qt.MouseButton.LeftButton
ADMIN_PW = "rahasia-admin-1"
SRI_PW = "bendahara-sri-1"


def click(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    assert widget.isVisible() and widget.isEnabled(), widget.objectName()
    qtbot.mouseClick(widget, LEFT)


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def with_accounts(db) -> None:  # type: ignore[no-untyped-def]
    users_service.create_first_admin(db, "admin", ADMIN_PW, "Ketua Pengurus")
    admin = Actor("admin", Role.ADMIN)
    users_service.create_user(db, admin, "sri", SRI_PW, "bendahara", "Sri Wahyuni")


def make_window(qtbot, make_ctx, db, actor: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx = make_ctx(db)
    ctx.actor = actor
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def controller_for(ui_settings, tmp_path) -> AppController:  # type: ignore[no-untyped-def]
    return AppController(
        ui_settings, "id", SyncRunner(), today=lambda: TODAY, demo_path=tmp_path / "demo.db"
    )


# ====================================================================== login


def test_login_names_wrong_password_locks_out_and_lets_the_right_user_in(
    qtbot, tmp_path, ui_settings
):
    path = tmp_path / "kop.db"
    db = open_database(path)
    with_accounts(db)
    db.dispose()
    controller = controller_for(ui_settings, tmp_path)
    controller.start(db=str(path))
    assert controller.window is None, "with accounts the main window waits for a login"
    dlg = controller.login
    assert isinstance(dlg, LoginDialog) and dlg.isVisible()
    qtbot.addWidget(dlg)

    # a wrong password is named, the dialog stays open, the password field is emptied
    type_into(qtbot, dlg.usernameEdit, "admin")
    type_into(qtbot, dlg.passwordEdit, "salah-sekali")
    click(qtbot, dlg.loginButton)
    wrong = LoginFailed("login_failed").message("id")
    assert dlg.errorLabel.text() == wrong and dlg.errorLabel.isVisible()
    assert dlg.isVisible() and dlg.passwordEdit.text() == ""
    assert controller.window is None

    # the fifth wrong password in a row locks the account; then even the right one is refused
    for _ in range(4):
        type_into(qtbot, dlg.passwordEdit, "salah-lagi")
        qtbot.keyClick(dlg.passwordEdit, Qt.Key.Key_Return)
    assert "dikunci" in dlg.errorLabel.text() and "15 menit" in dlg.errorLabel.text()
    type_into(qtbot, dlg.passwordEdit, ADMIN_PW)
    click(qtbot, dlg.loginButton)
    assert "dikunci" in dlg.errorLabel.text()
    assert controller.window is None

    # another account still works, and becomes the acting user
    type_into(qtbot, dlg.usernameEdit, "sri")
    type_into(qtbot, dlg.passwordEdit, SRI_PW)
    click(qtbot, dlg.loginButton)
    win = controller.window
    assert win is not None and not dlg.isVisible()
    assert win.ctx.actor == Actor("sri", Role.BENDAHARA)
    assert "sri" in win.userLabel.text()
    # the lockout is in the audit trail
    rows = audit_service.list_audit(win.ctx.db, audit_service.AuditFilter(action="user.locked"))
    assert [r.entity_id for r in rows] == ["admin"]
    # the name is offered next time
    assert ui_settings.value("last_user") == "sri"
    controller.close_window()


def test_cancelled_login_returns_to_the_welcome_screen(qtbot, tmp_path, ui_settings):
    path = tmp_path / "kop.db"
    db = open_database(path)
    with_accounts(db)
    db.dispose()
    controller = controller_for(ui_settings, tmp_path)
    controller.start(db=str(path))
    dlg = controller.login
    qtbot.addWidget(dlg)
    qtbot.keyClick(dlg, Qt.Key.Key_Escape)
    assert controller.window is None and controller.welcome is not None
    assert controller.welcome.isVisible()
    controller.welcome.blockSignals(True)
    controller.welcome.close()


def test_demo_without_accounts_opens_at_once_and_first_admin_switches_to_logins(
    qtbot, tmp_path, ui_settings
):
    path = tmp_path / "baru.db"
    open_database(path).dispose()
    controller = controller_for(ui_settings, tmp_path)
    controller.start(db=str(path))
    win = controller.window
    assert win is not None, "no accounts yet: the single local administrator, no typing"
    assert win.ctx.actor.role == Role.ADMIN

    # "Ganti kata sandi" explains there is no password yet
    win.trust.changePasswordAction.trigger()
    assert any("Belum ada akun" in text for _t, text in trust_pages.dialogs.shown)
    close_message_boxes(qtbot)

    panel = win.trust.usersPanel
    win.trust.manageUsersAction.trigger()
    assert win.settings.tabs.currentWidget() is panel
    assert panel.firstRunLabel.isVisible() and not panel.addButton.isVisible()
    click(qtbot, panel.firstAdminButton)
    form = open_dialog(UserDialog, "firstAdminDialog")
    assert not form.ui.roleCombo.isEnabled()
    type_into(qtbot, form.ui.usernameEdit, "bu_ani")
    qtbot.keyClicks(form.ui.fullNameEdit, "Ani Lestari")
    qtbot.keyClicks(form.ui.passwordEdit, "kopi-pagi-88")
    qtbot.keyClicks(form.ui.confirmEdit, "kopi-pagi-89")
    click(qtbot, form.saveButton)
    assert form.isVisible() and "tidak sama" in form.errors.message("password")
    type_into(qtbot, form.ui.confirmEdit, "kopi-pagi-88")
    click(qtbot, form.saveButton)
    assert not form.isVisible()
    close_message_boxes(qtbot)
    assert win.ctx.actor == Actor("bu_ani", Role.ADMIN)
    assert "bu_ani" in win.userLabel.text()
    assert [u.username for u in panel.model.rows] == ["bu_ani"]
    assert panel.addButton.isVisible() and not panel.firstRunLabel.isVisible()

    # change her own password: the wrong old one is named, then it works
    win.trust.changePasswordAction.trigger()
    pw = open_dialog(PasswordDialog, "changePasswordDialog")
    qtbot.keyClicks(pw.oldEdit, "bukan-ini-88")
    qtbot.keyClicks(pw.newEdit, "teh-sore-77")
    qtbot.keyClicks(pw.confirmEdit, "teh-sore-77")
    click(qtbot, pw.saveButton)
    assert pw.isVisible() and "lama salah" in pw.errorLabel.text()
    type_into(qtbot, pw.oldEdit, "kopi-pagi-88")
    click(qtbot, pw.saveButton)
    assert not pw.isVisible()
    close_message_boxes(qtbot)
    assert users_service.authenticate(win.ctx.db, "bu_ani", "teh-sore-77").username == "bu_ani"

    # next time the database asks for a login
    controller.close_window()
    controller.start(db=str(path))
    assert controller.window is None and isinstance(controller.login, LoginDialog)
    qtbot.addWidget(controller.login)
    assert controller.login.usernameEdit.text() == ""
    controller.login.reject()

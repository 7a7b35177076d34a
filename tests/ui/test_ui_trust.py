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
from koperasi.services import savings_products, savings_statements, ui_queries
from koperasi.services import users as users_service
from koperasi.services.auth import SYSTEM, Actor, LoginFailed, Role
from koperasi.ui import dialogs
from koperasi.ui.app import AppController
from koperasi.ui.login import LoginDialog, PasswordDialog, UserDialog
from koperasi.ui.main_window import PAGE_KEYS, MainWindow
from koperasi.ui.pages import audit as audit_page
from koperasi.ui.pages import backup as backup_page
from koperasi.ui.pages.member_detail import MemberDetailDialog
from koperasi.ui.pages.savings import SavingsTxDialog
from koperasi.ui.worker import SyncRunner

LEFT = Qt.MouseButton.LeftButton
ADMIN_PW = "rahasia-admin-1"
SRI_PW = "bendahara-sri-1"


def set_up_cooperative(path):  # type: ignore[no-untyped-def]
    """A database whose first-run wizard was done (its profile saved), no account yet."""
    from koperasi.services import settings as settings_service
    from koperasi.services.auth import SYSTEM

    db = open_database(path)
    settings_service.save_profile(db, SYSTEM, settings_service.Profile(name="KSP Uji"))
    db.dispose()


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
    set_up_cooperative(path)  # an unused database would get the first-run wizard
    controller = controller_for(ui_settings, tmp_path)
    controller.start(db=str(path))
    win = controller.window
    assert win is not None, "no accounts yet: the single local administrator, no typing"
    assert win.ctx.actor.role == Role.ADMIN

    # "Ganti kata sandi" explains there is no password yet
    win.trust.changePasswordAction.trigger()
    assert any("Belum ada akun" in text for _t, text in dialogs.shown)
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


# ====================================================================== users


def test_admin_adds_a_user_changes_role_resets_password_and_disables(
    qtbot, sqlite_db, make_ctx, answers
):
    with_accounts(sqlite_db)
    win = make_window(qtbot, make_ctx, sqlite_db, Actor("admin", Role.ADMIN))
    win.trust.manageUsersAction.trigger()
    panel = win.trust.usersPanel
    assert panel.isVisible()
    assert [(u.username, u.role) for u in panel.model.rows] == [
        ("admin", "admin"),
        ("sri", "bendahara"),
    ]

    # add Budi as pengawas; a too short password is named by the service
    click(qtbot, panel.addButton)
    form = open_dialog(UserDialog, "addUserDialog")
    qtbot.keyClicks(form.ui.usernameEdit, "budi")
    qtbot.keyClicks(form.ui.fullNameEdit, "Budi Santoso")
    form.ui.roleCombo.setFocus()
    form.ui.roleCombo.setCurrentIndex(form.ui.roleCombo.findData("pengawas"))
    qtbot.keyClicks(form.ui.passwordEdit, "pendek")
    qtbot.keyClicks(form.ui.confirmEdit, "pendek")
    click(qtbot, form.saveButton)
    assert form.isVisible() and "minimal 8" in form.errors.message("password")
    type_into(qtbot, form.ui.passwordEdit, "periksa-buku-1")
    type_into(qtbot, form.ui.confirmEdit, "periksa-buku-1")
    click(qtbot, form.saveButton)
    assert not form.isVisible()
    budi = {u.username: u for u in users_service.list_users(sqlite_db)}["budi"]
    assert (budi.role, budi.full_name, budi.active) == ("pengawas", "Budi Santoso", True)
    assert "budi" in [u.username for u in panel.model.rows]

    # the same name again is refused in place
    click(qtbot, panel.addButton)
    form = open_dialog(UserDialog, "addUserDialog")
    qtbot.keyClicks(form.ui.usernameEdit, "budi")
    qtbot.keyClicks(form.ui.passwordEdit, "periksa-buku-2")
    qtbot.keyClicks(form.ui.confirmEdit, "periksa-buku-2")
    click(qtbot, form.saveButton)
    assert form.isVisible() and form.errors.message("username")
    form.reject()

    # change Budi's role to bendahara
    row = [u.username for u in panel.model.rows].index("budi")
    panel.table.selectRow(row)
    click(qtbot, panel.editButton)
    form = open_dialog(UserDialog, "editUserDialog")
    assert form.ui.usernameEdit.isReadOnly() and not form.ui.passwordEdit.isVisible()
    form.ui.roleCombo.setCurrentIndex(form.ui.roleCombo.findData("bendahara"))
    click(qtbot, form.saveButton)
    assert not form.isVisible()
    assert {u.username: u.role for u in users_service.list_users(sqlite_db)}["budi"] == "bendahara"

    # reset his password, then disable him: he can no longer log in
    panel.table.selectRow([u.username for u in panel.model.rows].index("budi"))
    click(qtbot, panel.resetButton)
    pw = open_dialog(PasswordDialog, "resetPasswordDialog")
    assert not pw.oldEdit.isVisible()
    qtbot.keyClicks(pw.newEdit, "buku-kas-baru-9")
    qtbot.keyClicks(pw.confirmEdit, "buku-kas-baru-9")
    click(qtbot, pw.saveButton)
    assert not pw.isVisible()
    close_message_boxes(qtbot)
    assert users_service.authenticate(sqlite_db, "budi", "buku-kas-baru-9").role == Role.BENDAHARA
    panel.table.selectRow([u.username for u in panel.model.rows].index("budi"))
    assert not panel.enableButton.isEnabled()
    answers.append(True)
    click(qtbot, panel.disableButton)
    budi_row = panel.model.rows[[u.username for u in panel.model.rows].index("budi")]
    assert not budi_row.active and panel.status_text(budi_row) == "nonaktif"
    with pytest.raises(LoginFailed) as refused:
        users_service.authenticate(sqlite_db, "budi", "buku-kas-baru-9")
    assert refused.value.code == "user_disabled"

    # the last administrator cannot be disabled: the service's message is shown
    panel.table.selectRow([u.username for u in panel.model.rows].index("admin"))
    answers.append(True)
    click(qtbot, panel.disableButton)
    assert any("administrator aktif terakhir" in t for t in close_message_boxes(qtbot))
    assert {u.username: u.active for u in users_service.list_users(sqlite_db)}["admin"]


# ====================================================================== roles


def test_read_only_role_sees_money_actions_disabled(qtbot, demo_db, make_ctx):
    win = make_window(qtbot, make_ctx, demo_db, Actor("budi", Role.PENGAWAS))
    for name in ("newMemberAction", "depositAction", "withdrawAction", "manualEntryAction"):
        action = getattr(win, name)
        assert not action.isEnabled() and not action.isVisible(), name
    assert not win.trust.restoreBackupAction.isEnabled()
    # a backup holds every NIK, balance and password hash (issue 22)
    assert not win.trust.backupNowAction.isEnabled(), "a pengawas may not take a backup"
    assert not win.trust.backupNowAction.isVisible()
    # Ctrl+D does nothing
    qtbot.keyClick(win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    assert not [d for d in win.findChildren(SavingsTxDialog) if d.isVisible()]
    # the page buttons are hidden, reading still works
    win.go("savings")
    assert not win.savings.depositButton.isVisible()
    assert not win.savings.withdrawButton.isVisible()
    win.go("members")
    assert not win.members.newButton.isVisible()
    assert win.members.model.rowCount() > 0
    win.go("ledger")
    assert not win.ledger.manualButton.isVisible()
    assert not win.ledger.reverseButton.isVisible()
    win.go("loans")
    for b in (win.loans.applyButton, win.loans.repayButton, win.loans.reverseButton):
        assert not b.isVisible(), b.objectName()
    assert not win.newLoanAction.isVisible() and not win.repaymentAction.isEnabled()
    assert win.loans.model.rowCount() > 0, "the loans can still be read"
    win.go("reports")
    assert not win.reports.closing.closeMonthButton.isVisible()
    # a dialog opened later is guarded too
    win.members.table.selectRow(0)
    detail = win.members.open_selected()
    qtbot.addWidget(detail)
    assert isinstance(detail, MemberDetailDialog)
    qtbot.waitUntil(lambda: not detail.depositButton.isEnabled())
    assert not detail.depositButton.isEnabled() and not detail.withdrawButton.isVisible()
    assert detail.isVisible()
    # the auditor has the audit trail, not the users
    tabs = [win.settings.tabs.tabText(i) for i in range(win.settings.tabs.count())]
    assert "Jejak Audit" in tabs and "Pengguna" not in tabs
    assert win.trust.usersPanel is None
    assert not win.settings.saveProfileButton.isVisible()


def test_treasurer_keeps_money_actions_and_group_leader_loses_the_ledger(qtbot, demo_db, make_ctx):
    win = make_window(qtbot, make_ctx, demo_db, Actor("sri", Role.BENDAHARA))
    for name in ("newMemberAction", "depositAction", "withdrawAction", "manualEntryAction"):
        assert getattr(win, name).isEnabled(), name
    win.go("savings")
    assert win.savings.depositButton.isVisible()
    assert not win.trust.restoreBackupAction.isEnabled()
    assert win.trust.usersPanel is None and win.trust.auditPanel is not None
    win.close()

    win = make_window(qtbot, make_ctx, demo_db, Actor("ani", Role.KETUA, frozenset({1})))
    hidden = {PAGE_KEYS[i] for i in range(win.nav.count()) if win.nav.item(i).isHidden()}
    assert hidden == {"dashboard", "ledger", "exchange", "rat"}
    assert win.current_key() not in hidden
    assert not win.depositAction.isEnabled()
    assert win.trust.auditPanel is None and win.trust.usersPanel is None
    # the leader of group 1 sees that group's members only
    win.go("members")
    rows = win.members.model.rows
    groups = {r.group_name for r in rows}
    assert rows and len(groups) == 1, groups


# ====================================================================== audit trail


def _count(path: Path, where: str, *args: object) -> int:
    con = sqlite3.connect(path)
    try:
        return con.execute(f"SELECT count(*) FROM audit_log WHERE {where}", args).fetchone()[0]
    finally:
        con.close()


def test_audit_viewer_filters_show_the_right_rows_and_the_chain_check(
    qtbot, sqlite_db, make_ctx, tmp_path
):
    db, path = sqlite_db, sqlite_db.sqlite_path
    with_accounts(db)
    admin = Actor("admin", Role.ADMIN)
    users_service.create_user(db, admin, "budi", "periksa-buku-1", "pengawas", "Budi Santoso")
    users_service.update_user(db, admin, "budi", role="bendahara")
    with pytest.raises(LoginFailed):
        users_service.authenticate(db, "sri", "bukan-sandinya")
    win = make_window(qtbot, make_ctx, db, admin)
    win.trust.auditTrailAction.trigger()
    panel = win.trust.auditPanel
    assert panel.isVisible()
    total = _count(path, "1=1")
    assert panel.model.rowCount() == total > 0
    ids = [r.id for r in panel.model.rows]
    assert ids == sorted(ids, reverse=True), "newest first"

    def shown(qtbot=qtbot) -> list:  # type: ignore[no-untyped-def]
        return list(panel.model.rows)

    # by user
    type_into(qtbot, panel.userCombo.lineEdit(), "sri")
    click(qtbot, panel.applyButton)
    assert [(r.username, r.action) for r in shown()] == [("sri", "user.login_failed")]
    # by action: a whole family (prefix) or one action
    type_into(qtbot, panel.userCombo.lineEdit(), "")
    type_into(qtbot, panel.actionCombo.lineEdit(), "user.add")
    click(qtbot, panel.applyButton)
    assert sorted(r.entity_id for r in shown()) == ["admin", "budi", "sri"]
    type_into(qtbot, panel.actionCombo.lineEdit(), "user.")
    click(qtbot, panel.applyButton)
    assert len(shown()) == _count(path, "action LIKE 'user.%'") == 5
    # by text, anywhere in the values
    type_into(qtbot, panel.actionCombo.lineEdit(), "")
    type_into(qtbot, panel.textEdit, "santoso")
    qtbot.keyClick(panel.textEdit, Qt.Key.Key_Return)
    assert {(r.action, r.entity_id) for r in shown()} == {
        ("user.add", "budi"),
        ("user.update", "budi"),
    }
    # before and after values of the role change
    type_into(qtbot, panel.textEdit, "")
    type_into(qtbot, panel.actionCombo.lineEdit(), "user.update")
    click(qtbot, panel.applyButton)
    assert len(shown()) == 1
    panel.table.selectRow(0)
    assert ("role", "pengawas", "bendahara") in panel.detailModel.rows
    assert ("full_name", "Budi Santoso", "Budi Santoso") in panel.detailModel.rows
    # by date (UTC): yesterday has nothing, today everything
    type_into(qtbot, panel.actionCombo.lineEdit(), "")
    panel.dateCheck.click()
    today = utcnow().date()
    yesterday = today - dt.timedelta(days=1)
    from koperasi.ui.widgets import to_qdate

    panel.fromEdit.setDate(to_qdate(yesterday))
    panel.toEdit.setDate(to_qdate(yesterday))
    click(qtbot, panel.applyButton)
    assert shown() == []
    panel.toEdit.setDate(to_qdate(today))
    click(qtbot, panel.applyButton)
    assert len(shown()) == total

    # "Periksa rantai": intact, then a row altered outside the app is named
    click(qtbot, panel.chainButton)
    assert "utuh" in panel.chainLabel.text() and str(total) in panel.chainLabel.text()
    con = sqlite3.connect(path)
    rid = con.execute("SELECT id FROM audit_log WHERE action = 'user.update'").fetchone()[0]
    con.execute("UPDATE audit_log SET after = ? WHERE id = ?", ('{"role": "admin"}', rid))
    con.commit()
    con.close()
    click(qtbot, panel.chainButton)
    assert "RUSAK" in panel.chainLabel.text()
    assert f"audit_log.id={rid}" in panel.chainLabel.text()
    assert any(f"#{rid}" in t for t in close_message_boxes(qtbot))


def test_audit_table_loads_a_page_at_a_time(qtbot, demo_db, make_ctx):
    win = make_window(qtbot, make_ctx, demo_db, Actor("budi", Role.PENGAWAS))
    total = _count(demo_db.sqlite_path, "1=1")
    assert total > 2 * audit_page.PAGE_SIZE
    win.trust.auditTrailAction.trigger()
    panel = win.trust.auditPanel
    assert panel.model.rowCount() == audit_page.PAGE_SIZE and panel.model.canFetchMore()
    panel.table.scrollToBottom()
    qtbot.waitUntil(lambda: panel.model.rowCount() > audit_page.PAGE_SIZE)
    rows = panel.model.rows
    assert len({r.id for r in rows}) == len(rows), "no row twice across pages"


# ====================================================================== backups


def _balances(db) -> dict:  # type: ignore[no-untyped-def]
    from koperasi.services import trial_balances

    tb = trial_balances.trial_balance(db, TODAY)
    members = ("A00001", "A00002", "A00003")
    return {
        "accounts": {r.code: (r.debit, r.credit) for r in tb.rows},
        "members": {m: savings_statements.member_balances(db, m) for m in members},
        "savings_total": ui_queries.dashboard(db, TODAY).savings_total,
    }


def test_backup_now_then_restore_gives_the_earlier_balances(
    qtbot, demo_db, make_ctx, tmp_path, monkeypatch, asked
):
    from koperasi.domain.money import format_rupiah
    from koperasi.services.check import run_checks

    db = demo_db
    win = make_window(qtbot, make_ctx, db, SYSTEM)
    usb = tmp_path / "usb"
    monkeypatch.setattr(backup_page, "choose_folder", lambda *_a: str(usb))
    before = _balances(db)

    # "Cadangkan sekarang..." from the Cadangan tab
    win.go("settings")
    win.settings.tabs.setCurrentWidget(win.trust.backupPanel)
    click(qtbot, win.trust.backupPanel.backupButton)
    made = list(usb.glob("*.db"))
    assert len(made) == 1 and made[0] == win.trust.backup.last_backup
    assert any(str(made[0]) in t for t in close_message_boxes(qtbot))

    # several operations after the backup
    sukarela = next(p.code for p in savings_products.list_products(db) if p.kind == "sukarela")
    for number, amount in (("A00001", 150_000), ("A00002", 275_000), ("A00003", 1_000_000)):
        savings_service.deposit(db, SYSTEM, number, sukarela, amount, TODAY, "setelah cadangan")
    savings_service.withdraw(db, SYSTEM, "A00003", sukarela, 400_000, TODAY, "tarik")
    after_ops = _balances(db)
    assert after_ops != before

    # a file that is not a backup is refused with the service's reason
    junk = tmp_path / "bukan.db"
    junk.write_bytes(b"hello, not a database" * 10)
    monkeypatch.setattr(backup_page, "choose_backup_file", lambda *_a: str(junk))
    win.trust.restoreBackupAction.trigger()
    assert any("tidak dapat dipulihkan" in t for t in close_message_boxes(qtbot))
    assert _balances(db) == after_ops and not asked

    # "Pulihkan dari cadangan...": checked, confirmed with the backup's date and totals
    reopened: list[bool] = []
    win.trust.reopenRequested.connect(lambda: reopened.append(True))
    monkeypatch.setattr(backup_page, "choose_backup_file", lambda *_a: str(made[0]))
    win.trust.restoreBackupAction.trigger()
    assert len(asked) == 1
    title, text = asked[0]
    assert "Pulihkan" in title
    assert format_rupiah(before["savings_total"]) in text
    assert utcnow().strftime("%Y-%m-%d") in text and str(made[0]) in text
    assert any("dipulihkan" in t for t in close_message_boxes(qtbot))
    assert reopened == [True]
    assert _balances(db) == before
    assert run_checks(db).ok
    # the database as it was before the restore was backed up first
    safety = list((Path(db.sqlite_path).parent / "backup").glob("*sebelum-pulih*.db"))
    assert len(safety) == 1
    con = sqlite3.connect(safety[0])
    n = con.execute(
        "SELECT count(*) FROM savings_transactions WHERE memo = 'setelah cadangan'"
    ).fetchone()[0]
    con.close()
    assert n == 3


def test_restore_declined_changes_nothing_and_is_admin_only(
    qtbot, demo_db, make_ctx, tmp_path, monkeypatch, answers, asked
):
    from koperasi.services import backup as backup_service

    db = demo_db
    backup = backup_service.backup_to(db, tmp_path / "cadangan.db")
    sukarela = next(p.code for p in savings_products.list_products(db) if p.kind == "sukarela")
    savings_service.deposit(db, SYSTEM, "A00001", sukarela, 50_000, TODAY)
    now = _balances(db)
    win = make_window(qtbot, make_ctx, db, SYSTEM)
    monkeypatch.setattr(backup_page, "choose_backup_file", lambda *_a: str(backup))
    answers.append(False)
    win.trust.restoreBackupAction.trigger()
    assert len(asked) == 1 and _balances(db) == now
    assert not (Path(db.sqlite_path).parent / "backup").exists()
    win.close()

    win = make_window(qtbot, make_ctx, db, Actor("sri", Role.BENDAHARA))
    assert not win.trust.restoreBackupAction.isEnabled()
    assert not win.trust.backupPanel.restoreButton.isVisible()
    assert win.trust.backupNowAction.isEnabled()


def test_closing_the_window_makes_the_automatic_backup(qtbot, sqlite_db, make_ctx):
    win = make_window(qtbot, make_ctx, sqlite_db, SYSTEM)
    folder = Path(sqlite_db.sqlite_path).parent / "backup"
    win.close()
    assert not folder.exists(), "only the app switches the automatic backup on"
    win = make_window(qtbot, make_ctx, sqlite_db, SYSTEM)
    win.trust.backup.auto = True
    win.close()
    made = list(folder.glob("*-otomatis-*.db"))
    assert len(made) == 1 and made[0] == win.trust.backup.last_backup
    assert backup_ok(made[0])


def backup_ok(path: Path) -> bool:
    from koperasi.services import backup as backup_service

    return backup_service.inspect_backup(path).ok


def test_the_app_switches_the_automatic_backup_on(qtbot, tmp_path, ui_settings):
    path = tmp_path / "kop.db"
    set_up_cooperative(path)
    controller = controller_for(ui_settings, tmp_path)
    controller.start(db=str(path))
    assert controller.window.trust.backup.auto
    controller.close_window()
    assert list((tmp_path / "backup").glob("kop-otomatis-*.db"))


def test_after_a_restore_the_app_reopens_the_database_and_asks_for_a_login(
    qtbot, tmp_path, ui_settings, monkeypatch
):
    from koperasi.services import backup as backup_service

    path = tmp_path / "kop.db"
    db = open_database(path)
    with_accounts(db)  # the backup holds the accounts
    backup = backup_service.backup_to(db, tmp_path / "cadangan.db")
    db.dispose()
    controller = controller_for(ui_settings, tmp_path)
    controller.start(db=str(path))
    login = controller.login
    type_into(qtbot, login.usernameEdit, "admin")
    type_into(qtbot, login.passwordEdit, ADMIN_PW)
    click(qtbot, login.loginButton)
    win = controller.window
    users_service.create_user(
        win.ctx.db, win.ctx.actor, "baru", "pengguna-baru-1", "pengawas", "Setelah Cadangan"
    )
    monkeypatch.setattr(backup_page, "choose_backup_file", lambda *_a: str(backup))
    win.trust.restoreBackupAction.trigger()
    close_message_boxes(qtbot)
    # the old window is gone; the restored database wants a login again
    assert controller.window is None
    relogin = controller.login
    assert isinstance(relogin, LoginDialog) and relogin is not login and relogin.isVisible()
    assert relogin.usernameEdit.text() == "admin"
    qtbot.keyClicks(relogin.passwordEdit, ADMIN_PW)
    click(qtbot, relogin.loginButton)
    win = controller.window
    assert win is not None
    names = [u.username for u in users_service.list_users(win.ctx.db)]
    assert names == ["admin", "sri"], "the account made after the backup is gone"
    controller.close_window()

"""Logins and passwords: the login dialog, the user form (add, first administrator, change
role) and the password dialog (change one's own, or an administrator's reset).

The dialogs only collect what is typed and call :mod:`koperasi.services.users` through the
worker; the service checks passwords, roles and lockouts and names what is wrong.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ..errors import KoperasiError, ValidationError
from ..services import users as users_service
from ..services.auth import Actor, Role
from ..services.groups import GroupRow
from .forms.user_form_ui import Ui_UserForm
from .widgets import ERROR_STYLE, FieldErrors


def role_label(role: str) -> str:
    from PySide6.QtCore import QCoreApplication

    labels = {
        Role.ADMIN.value: QCoreApplication.translate("roles", "Administrator"),
        Role.BENDAHARA.value: QCoreApplication.translate("roles", "Bendahara"),
        Role.KETUA.value: QCoreApplication.translate("roles", "Ketua kelompok"),
        Role.PENGAWAS.value: QCoreApplication.translate("roles", "Pengawas / auditor"),
    }
    return labels.get(str(role), str(role))


def _password_edit(name: str) -> QLineEdit:
    edit = QLineEdit()
    edit.setObjectName(name)
    edit.setEchoMode(QLineEdit.EchoMode.Password)
    return edit


class LoginDialog(QDialog):
    """Asks for user name and password; ``actor`` holds who logged in once accepted.

    ``runner`` is the app's worker (the check hashes the password: not on the UI thread);
    a wrong password, a locked or a disabled account is named under the fields and the
    dialog stays open."""

    def __init__(
        self,
        db: Any,
        runner: Any,
        lang: str = "id",
        username: str = "",
        database_name: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.db, self.runner, self.lang = db, runner, lang
        self.actor: Actor | None = None
        self.setObjectName("loginDialog")
        self.setWindowTitle(self.tr("Masuk — Koperasi"))
        layout = QVBoxLayout(self)
        intro = QLabel(
            self.tr("Masuk untuk membuka {db}.").format(db=database_name)
            if database_name
            else self.tr("Masuk ke Koperasi.")
        )
        intro.setObjectName("loginIntro")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.usernameEdit = QLineEdit(username)
        self.usernameEdit.setObjectName("loginUsernameEdit")
        self.passwordEdit = _password_edit("loginPasswordEdit")
        form.addRow(self.tr("&Nama pengguna"), self.usernameEdit)
        form.addRow(self.tr("&Kata sandi"), self.passwordEdit)
        layout.addLayout(form)
        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("loginError")
        self.errorLabel.setStyleSheet(ERROR_STYLE)
        self.errorLabel.setWordWrap(True)
        self.errorLabel.hide()
        layout.addWidget(self.errorLabel)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.loginButton = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.loginButton.setText(self.tr("&Masuk"))
        self.loginButton.setObjectName("loginButton")
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.accepted.connect(self.login)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        (self.passwordEdit if username else self.usernameEdit).setFocus()
        self.busy = False

    def show_error(self, text: str) -> None:
        self.errorLabel.setText(text)
        self.errorLabel.setVisible(bool(text))

    def login(self) -> None:
        if self.busy:
            return
        username = self.usernameEdit.text().strip()
        password = self.passwordEdit.text()
        if not username:
            self.show_error(ValidationError("username", "required").message(self.lang))
            self.usernameEdit.setFocus()
            return
        self.busy = True
        self.loginButton.setEnabled(False)
        self.show_error("")
        db = self.db
        self.runner.run(
            lambda: users_service.authenticate(db, username, password),
            write=True,  # a failure is counted (lockout) and written to the audit trail
            on_done=self._logged_in,
            on_error=self._failed,
        )

    def _logged_in(self, actor: Actor) -> None:
        self.busy = False
        self.loginButton.setEnabled(True)
        self.actor = actor
        self.accept()

    def _failed(self, exc: BaseException) -> bool:
        self.busy = False
        self.loginButton.setEnabled(True)
        if not isinstance(exc, KoperasiError):
            return False
        self.show_error(exc.message(self.lang))
        self.passwordEdit.clear()
        self.passwordEdit.setFocus()
        return True


class UserDialog(QDialog):
    """The user form. ``mode``: ``add`` (an admin adds an account), ``first`` (the first
    administrator, role fixed) or ``edit`` (change role, name and groups; no password)."""

    def __init__(
        self,
        mode: str,
        save: Callable[[dict], Any],
        groups: list[GroupRow],
        lang: str = "id",
        current: users_service.UserView | None = None,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode, self.lang, self._save = mode, lang, save
        self.ui = Ui_UserForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName(
            {"add": "addUserDialog", "first": "firstAdminDialog"}.get(mode, "editUserDialog")
        )
        self.setWindowTitle(
            {
                "add": self.tr("Tambah pengguna"),
                "first": self.tr("Buat administrator pertama"),
            }.get(mode, self.tr("Ubah peran pengguna"))
        )
        for role in Role:
            ui.roleCombo.addItem(role_label(role.value), role.value)
        for g in groups:
            item = QListWidgetItem(f"{g.code} — {g.name}")
            item.setData(Qt.ItemDataRole.UserRole, g.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.groupsList.addItem(item)
        save_btn = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save_btn.setText(self.tr("Simpan"))
        save_btn.setObjectName("saveButton")
        self.saveButton = save_btn
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors = FieldErrors(ui.generalError, lang, self)
        for key, widget in (
            ("username", ui.usernameEdit),
            ("role", ui.roleCombo),
            ("group", ui.groupsList),
            ("password", ui.passwordEdit),
        ):
            label = QLabel()
            row, _r = ui.userLayout.getWidgetPosition(widget)
            ui.userLayout.insertRow(row + 1, "", label)
            self.errors.add(key, widget, label)

        if mode == "first":
            ui.introLabel.setText(
                self.tr(
                    "Setelah akun administrator dibuat, setiap orang masuk dengan nama pengguna "
                    "dan kata sandinya sendiri. Simpan kata sandi ini baik-baik."
                )
            )
            ui.usernameEdit.setText("admin")
            self._set_role(Role.ADMIN.value)
            ui.roleCombo.setEnabled(False)
        else:
            ui.introLabel.hide()
        if mode == "edit" and current is not None:
            ui.usernameEdit.setText(current.username)
            ui.usernameEdit.setReadOnly(True)
            ui.fullNameEdit.setText(current.full_name)
            self._set_role(current.role)
            for i in range(ui.groupsList.count()):
                item = ui.groupsList.item(i)
                if item.data(Qt.ItemDataRole.UserRole) in current.groups:
                    item.setCheckState(Qt.CheckState.Checked)
            for w in (ui.passwordEdit, ui.confirmEdit, ui.label_passwordEdit, ui.label_confirmEdit):
                w.hide()
        ui.roleCombo.currentIndexChanged.connect(lambda _i: self._role_changed())
        self._role_changed()
        self.result_value: Any = None

    def _set_role(self, role: str) -> None:
        self.ui.roleCombo.setCurrentIndex(max(0, self.ui.roleCombo.findData(role)))

    def _role_changed(self) -> None:
        ketua = self.ui.roleCombo.currentData() == Role.KETUA.value
        self.ui.groupsList.setVisible(ketua)
        self.ui.label_groupsList.setVisible(ketua)

    def checked_groups(self) -> list[str]:
        lst = self.ui.groupsList
        return [
            lst.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(lst.count())
            if lst.item(i).checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> dict:
        ui = self.ui
        role = ui.roleCombo.currentData()
        return {
            "username": ui.usernameEdit.text().strip(),
            "full_name": ui.fullNameEdit.text().strip(),
            "role": role,
            "group_codes": self.checked_groups() if role == Role.KETUA.value else [],
            "password": ui.passwordEdit.text(),
        }

    def save(self) -> None:
        self.errors.clear()
        if self.mode != "edit" and self.ui.passwordEdit.text() != self.ui.confirmEdit.text():
            self.errors.set(
                "password", ValidationError("password", "password_mismatch").message(self.lang)
            )
            return
        self._save(self.values())

    def done_saving(self, value: Any) -> None:
        self.result_value = value
        self.accept()


class PasswordDialog(QDialog):
    """``change``: old, new and again (one's own password); ``reset``: an administrator sets
    another user's new password (twice)."""

    def __init__(
        self,
        mode: str,
        save: Callable[[str, str], Any],
        lang: str = "id",
        username: str = "",
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self.mode, self.lang, self._save = mode, lang, save
        self.setObjectName("changePasswordDialog" if mode == "change" else "resetPasswordDialog")
        self.setWindowTitle(
            self.tr("Ganti kata sandi")
            if mode == "change"
            else self.tr("Atur ulang kata sandi {user}").format(user=username)
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.oldEdit = _password_edit("oldPasswordEdit")
        self.newEdit = _password_edit("newPasswordEdit")
        self.confirmEdit = _password_edit("confirmPasswordEdit")
        if mode == "change":
            form.addRow(self.tr("Kata sandi &lama"), self.oldEdit)
        else:
            self.oldEdit.hide()
            note = QLabel(
                self.tr("Kata sandi baru untuk {user}; kunci akun juga dibuka.").format(
                    user=username
                )
            )
            note.setWordWrap(True)
            layout.addWidget(note)
        form.addRow(self.tr("Kata sandi &baru"), self.newEdit)
        form.addRow(self.tr("&Ulangi kata sandi baru"), self.confirmEdit)
        layout.addLayout(form)
        self.errorLabel = QLabel()
        self.errorLabel.setObjectName("passwordError")
        layout.addWidget(self.errorLabel)
        self.errors = FieldErrors(self.errorLabel, lang, self)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        ok = buttons.button(QDialogButtonBox.StandardButton.Save)
        ok.setText(self.tr("Simpan"))
        ok.setObjectName("saveButton")
        self.saveButton = ok
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def save(self) -> None:
        self.errors.clear()
        if self.newEdit.text() != self.confirmEdit.text():
            self.errors.set(
                "password", ValidationError("password", "password_mismatch").message(self.lang)
            )
            return
        self._save(self.oldEdit.text(), self.newEdit.text())


__all__ = ["LoginDialog", "PasswordDialog", "UserDialog", "role_label"]

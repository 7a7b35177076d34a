"""Pengguna: the Pengaturan tab of user accounts and roles, and "Ganti kata sandi".

It calls services (users) through the worker; the services enforce the roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...db.models.base import utcnow
from ...services import groups as groups_service
from ...services import users as users_service
from ...services.auth import Actor, Role
from ...services.changes import Area
from .. import dialogs
from ..context import AppContext
from ..login import PasswordDialog, UserDialog, role_label
from .admin_common import local_time, user_error
from .base import DataTable, Page, RowsModel, setup_table


class UsersPanel(Page):
    """Accounts: list, add, change role, reset password, disable / enable (admin only)."""

    areas = frozenset({Area.USERS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("usersPanel")
        layout = QVBoxLayout(self)
        self.firstRunLabel = QLabel(
            self.tr(
                "Belum ada akun pengguna: aplikasi dibuka tanpa kata sandi sebagai administrator "
                "setempat. Buat akun administrator agar setiap orang masuk dengan nama dan kata "
                "sandinya sendiri, dan agar jejak audit mencatat siapa yang bekerja."
            )
        )
        self.firstRunLabel.setObjectName("usersFirstRunLabel")
        self.firstRunLabel.setWordWrap(True)
        layout.addWidget(self.firstRunLabel)
        self.table = setup_table(DataTable(), "usersTable", stretch_column=1)
        self.model = RowsModel(
            [
                (self.tr("Nama pengguna"), lambda u: u.username, "text"),
                (self.tr("Nama lengkap"), lambda u: u.full_name, "text"),
                (self.tr("Peran"), lambda u: role_label(u.role), "text"),
                (self.tr("Status"), self.status_text, "text"),
                (self.tr("Kelompok"), lambda u: ", ".join(u.groups), "text"),
                (self.tr("Dibuat"), lambda u: u.created_at.date(), "date"),
            ],
            self,
        )
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        row = QHBoxLayout()
        self.firstAdminButton = QPushButton(self.tr("Buat &administrator..."))
        self.firstAdminButton.setObjectName("firstAdminButton")
        self.addButton = QPushButton(self.tr("&Tambah pengguna..."))
        self.addButton.setObjectName("addUserButton")
        self.editButton = QPushButton(self.tr("Ubah &peran..."))
        self.editButton.setObjectName("editUserButton")
        self.resetButton = QPushButton(self.tr("Atur ulang &kata sandi..."))
        self.resetButton.setObjectName("resetPasswordButton")
        self.disableButton = QPushButton(self.tr("&Nonaktifkan"))
        self.disableButton.setObjectName("disableUserButton")
        self.enableButton = QPushButton(self.tr("Aktifkan / &buka kunci"))
        self.enableButton.setObjectName("enableUserButton")
        for b in (
            self.firstAdminButton,
            self.addButton,
            self.editButton,
            self.resetButton,
            self.disableButton,
            self.enableButton,
        ):
            row.addWidget(b)
        row.addStretch(1)
        layout.addLayout(row)
        self.firstAdminButton.clicked.connect(self.create_first_admin)
        self.addButton.clicked.connect(self.add_user)
        self.editButton.clicked.connect(self.edit_user)
        self.resetButton.clicked.connect(self.reset_password)
        self.disableButton.clicked.connect(lambda: self.set_active(False))
        self.enableButton.clicked.connect(lambda: self.set_active(True))
        self.table.selectionModel().selectionChanged.connect(lambda *_a: self._update_buttons())
        self.model.modelReset.connect(self._update_buttons)
        self._groups: list | None = None
        self._update_buttons()

    def status_text(self, u: users_service.UserView) -> str:
        if not u.active:
            return self.tr("nonaktif")
        if u.locked_until is not None and u.locked_until > utcnow():
            return self.tr("terkunci sampai {time}").format(
                time=local_time(u.locked_until).strftime("%H:%M")
            )
        return self.tr("aktif")

    def selected(self) -> users_service.UserView | None:
        return self.model.row(self.table.currentIndex())

    def _update_buttons(self) -> None:
        first_run = not self.model.rows
        self.firstRunLabel.setVisible(first_run)
        self.firstAdminButton.setVisible(first_run)
        self.addButton.setVisible(not first_run)
        u = self.selected()
        for b in (self.editButton, self.resetButton):
            b.setEnabled(u is not None)
        self.disableButton.setEnabled(u is not None and u.active)
        locked = u is not None and u.locked_until is not None and u.locked_until > utcnow()
        self.enableButton.setEnabled(u is not None and (not u.active or locked))

    def refresh(self) -> None:
        ctx = self.ctx
        if not ctx.actor.can("user.manage"):
            return
        ctx.read(
            lambda: users_service.list_users(ctx.db, ctx.actor),
            on_done=self.model.set_rows,
            on_error=user_error(ctx, self, self.tr("Pengguna")),
        )

    def groups(self) -> list:
        if self._groups is None:
            self._groups = groups_service.list_groups(self.ctx.db)
        return self._groups

    def _open_form(self, mode: str, fn, current=None) -> UserDialog:
        ctx = self.ctx

        def save(values: dict) -> None:
            ctx.write(
                lambda: fn(values),
                on_done=dlg.done_saving,
                on_error=dlg.errors.show,
                parent=dlg,
            )

        self._groups = None
        dlg = UserDialog(mode, save, self.groups(), ctx.lang, current, self)
        dlg.open()
        return dlg

    def create_first_admin(self) -> UserDialog:
        ctx = self.ctx

        def create(v: dict) -> Actor:
            view = users_service.create_first_admin(
                ctx.db, v["username"], v["password"], v["full_name"]
            )
            return Actor(view.username, Role.ADMIN)

        dlg = self._open_form("first", create)

        def created() -> None:
            actor = dlg.result_value
            if isinstance(actor, Actor):
                ctx.actor = actor
                ctx.bus.changed.emit({Area.USERS})
                dialogs.inform(
                    self,
                    self.tr("Administrator dibuat"),
                    self.tr(
                        "Akun {user} dibuat; Anda sekarang bekerja sebagai {user}. Mulai saat "
                        "ini aplikasi meminta nama pengguna dan kata sandi ketika dibuka."
                    ).format(user=actor.username),
                )

        dlg.accepted.connect(created)
        return dlg

    def add_user(self) -> UserDialog:
        ctx = self.ctx
        return self._open_form(
            "add",
            lambda v: users_service.create_user(
                ctx.db,
                ctx.actor,
                v["username"],
                v["password"],
                v["role"],
                v["full_name"],
                v["group_codes"],
            ),
        )

    def edit_user(self) -> UserDialog | None:
        u = self.selected()
        if u is None:
            return None
        ctx = self.ctx
        return self._open_form(
            "edit",
            lambda v: users_service.update_user(
                ctx.db,
                ctx.actor,
                u.username,
                role=v["role"],
                full_name=v["full_name"],
                group_codes=v["group_codes"],
            ),
            u,
        )

    def reset_password(self) -> PasswordDialog | None:
        u = self.selected()
        if u is None:
            return None
        ctx = self.ctx

        def done(_r: object) -> None:
            dlg.accept()
            dialogs.inform(
                self,
                self.tr("Kata sandi"),
                self.tr("Kata sandi {user} sudah diganti.").format(user=u.username),
            )

        def save(_old: str, new: str) -> None:
            ctx.write(
                lambda: users_service.reset_password(ctx.db, ctx.actor, u.username, new),
                on_done=done,
                on_error=dlg.errors.show,
                parent=dlg,
            )

        dlg = PasswordDialog("reset", save, ctx.lang, u.username, self)
        dlg.open()
        return dlg

    def set_active(self, active: bool) -> None:
        u = self.selected()
        if u is None:
            return
        ctx = self.ctx
        if not active and not dialogs.confirm(
            self,
            self.tr("Nonaktifkan pengguna"),
            self.tr("Nonaktifkan {user}? Ia tidak dapat masuk lagi sampai diaktifkan.").format(
                user=u.username
            ),
            self.tr("Nonaktifkan"),
        ):
            return
        ctx.write(
            lambda: users_service.set_active(ctx.db, ctx.actor, u.username, active),
            on_error=user_error(ctx, self, self.tr("Pengguna")),
            parent=self,
        )


def change_password(ctx: AppContext, parent: QWidget | None) -> None:
    """ "Ganti kata sandi": the logged-in user's own password (once accounts exist)."""

    def open_dialog(first_run: bool) -> None:
        if first_run:
            dialogs.inform(
                parent,
                QCoreApplication.translate("trust", "Ganti kata sandi"),
                QCoreApplication.translate(
                    "trust",
                    "Belum ada akun pengguna, jadi belum ada kata sandi. Buat akun administrator "
                    "di Pengaturan, tab Pengguna.",
                ),
            )
            return
        dlg = PasswordDialog("change", lambda old, new: save(dlg, old, new), ctx.lang, "", parent)
        dlg.open()

    def save(dlg: PasswordDialog, old: str, new: str) -> None:
        def done(_r: Any) -> None:
            dlg.accept()
            dialogs.inform(parent, dlg.tr("Kata sandi"), dlg.tr("Kata sandi sudah diganti."))

        ctx.write(
            lambda: users_service.change_password(ctx.db, ctx.actor, old, new),
            on_done=done,
            on_error=dlg.errors.show,
            parent=dlg,
        )

    ctx.read(lambda: users_service.needs_first_admin(ctx.db), on_done=open_dialog)


__all__ = ["UsersPanel", "change_password"]

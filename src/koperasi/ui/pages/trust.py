"""Pengguna, Jejak Audit and Cadangan: the tabs of Pengaturan about who may do what, what was
done, and copies of the books.

Everything here calls services (users, audit, audit_checks, backup) through the worker;
the services enforce the roles, these widgets only hide what a role cannot use.
"""

from __future__ import annotations

import datetime as dt
import json
from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Qt, Signal
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...db.models.base import utcnow
from ...errors import KoperasiError
from ...messages import label
from ...services import audit as audit_service
from ...services import audit_checks
from ...services import backup as backup_service
from ...services import groups as groups_service
from ...services import users as users_service
from ...services.audit import AuditFilter, AuditRow
from ...services.auth import Actor, Role
from .. import dialogs
from ..context import GROUPS, LEDGER, LOANS, MEMBERS, SAVINGS, SETTINGS, AppContext
from ..login import PasswordDialog, UserDialog, role_label
from ..widgets import setup_date_edit, to_date
from .base import DataTable, Index, Page, PagedModel, RowsModel, setup_table

USERS = "users"
AUDIT = "audit"
EVERY_AREA = frozenset({MEMBERS, GROUPS, SAVINGS, LEDGER, SETTINGS, LOANS, USERS, AUDIT})
PAGE_SIZE = PagedModel.page_size  # the audit list loads this many rows at a time
_notices: list[QWidget] = []  # messages that outlive the window that showed them


# Replaceable in tests (as dialogs.ask is): the file and folder choosers.
def _choose_folder(parent: QWidget | None, title: str, start: str) -> str:
    return QFileDialog.getExistingDirectory(parent, title, start)


def _choose_backup_file(parent: QWidget | None, title: str, start: str) -> str:
    path, _f = QFileDialog.getOpenFileName(
        parent,
        title,
        start,
        QCoreApplication.translate("trust", "Cadangan Koperasi (*.db);;Semua berkas (*)"),
    )
    return path


choose_folder = _choose_folder
choose_backup_file = _choose_backup_file


def local_time(value: dt.datetime) -> dt.datetime:
    """The database keeps UTC (naive); people read the computer's local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def fmt_datetime(value: dt.datetime | None) -> str:
    return local_time(value).strftime("%d/%m/%Y %H:%M:%S") if value else ""


def _user_error(ctx: AppContext, parent: QWidget | None, title: str):
    """An ``on_error`` that shows a service's message (a user error) in a warning."""

    def show(exc: BaseException) -> bool:
        if isinstance(exc, KoperasiError):
            dialogs.warn(parent, title, ctx.error_message(exc))
            return True
        return False

    return show


# ====================================================================== users


class UsersPanel(Page):
    """Accounts: list, add, change role, reset password, disable / enable (admin only)."""

    areas = frozenset({USERS})

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
            on_error=_user_error(ctx, self, self.tr("Pengguna")),
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
                changes={USERS, AUDIT},
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
                ctx.bus.changed.emit({USERS})
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

        def save(_old: str, new: str) -> None:
            ctx.write(
                lambda: users_service.reset_password(ctx.db, ctx.actor, u.username, new),
                changes={USERS, AUDIT},
                on_done=lambda _r: (
                    dlg.accept(),
                    dialogs.inform(
                        self,
                        self.tr("Kata sandi"),
                        self.tr("Kata sandi {user} sudah diganti.").format(user=u.username),
                    ),
                ),
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
            changes={USERS, AUDIT},
            on_error=_user_error(ctx, self, self.tr("Pengguna")),
            parent=self,
        )


# ====================================================================== audit trail


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_changes(row: AuditRow) -> list[tuple[str, str, str]]:
    """(field, before, after) of an audit row, one line per key of the before/after values."""
    before, after = row.before, row.after
    if isinstance(before, dict) or isinstance(after, dict):
        b = before if isinstance(before, dict) else {}
        a = after if isinstance(after, dict) else {}
        keys = list(b) + [k for k in a if k not in b]
        return [(str(k), _cell(b.get(k)), _cell(a.get(k))) for k in keys]
    if before is None and after is None:
        return []
    return [("", _cell(before), _cell(after))]


class AuditModel(PagedModel):
    """The audit trail, newest first, a page at a time (keyset on the row id)."""

    def __init__(self, ctx: AppContext, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filters = AuditFilter()
        self.exhausted = True  # nothing is read before the first reload
        self.headers = [
            self.tr("No."),
            self.tr("Waktu (UTC)"),
            self.tr("Pengguna"),
            self.tr("Tindakan"),
            self.tr("Data"),
            self.tr("Kunci"),
        ]

    def reload(self, filters: AuditFilter) -> None:
        self.filters = filters
        self.reset_rows()

    def fetch_page(self, last: AuditRow | None, limit: int) -> list[AuditRow]:
        return audit_service.list_audit(
            self.ctx.db,
            self.filters,
            after_id=last.id if last else None,
            limit=limit,
            actor=self.ctx.actor,
            newest_first=True,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(r.id),
                fmt_datetime(r.at),
                r.username,
                label("audit_action", r.action, self.ctx.lang),
                r.entity,
                r.entity_id,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return r.action  # the code, as the CLI's --action filter takes it
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.action in (
            "user.login_failed",
            "user.locked",
        ):
            return QColor("#b00020")
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class AuditPanel(Page):
    """Jejak Audit: who did what and when, with the values before and after; filters by
    user, action (a prefix such as ``savings.``), dates and text; "Periksa rantai" checks
    that no row was altered or removed outside the app."""

    areas = EVERY_AREA

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("auditPanel")
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.userCombo = QComboBox()
        self.userCombo.setObjectName("auditUserCombo")
        self.userCombo.setEditable(True)
        self.userCombo.setMinimumWidth(120)
        self.actionCombo = QComboBox()
        self.actionCombo.setObjectName("auditActionCombo")
        self.actionCombo.setEditable(True)
        self.actionCombo.setMinimumWidth(160)
        self.dateCheck = QCheckBox(self.tr("Tanggal"))
        self.dateCheck.setObjectName("auditDateCheck")
        today = ctx.today()
        self.fromEdit = setup_date_edit(QDateEdit(), today.replace(day=1))
        self.fromEdit.setObjectName("auditFrom")
        self.toEdit = setup_date_edit(QDateEdit(), today)
        self.toEdit.setObjectName("auditTo")
        self.textEdit = QLineEdit()
        self.textEdit.setObjectName("auditTextEdit")
        self.textEdit.setPlaceholderText(self.tr("Cari teks (nomor anggota, nama, jumlah...)"))
        self.textEdit.setClearButtonEnabled(True)
        self.applyButton = QPushButton(self.tr("&Tampilkan"))
        self.applyButton.setObjectName("auditApplyButton")
        filters.addWidget(QLabel(self.tr("Pengguna")))
        filters.addWidget(self.userCombo)
        filters.addWidget(QLabel(self.tr("Tindakan")))
        filters.addWidget(self.actionCombo)
        filters.addWidget(self.dateCheck)
        filters.addWidget(self.fromEdit)
        filters.addWidget(QLabel(self.tr("s.d.")))
        filters.addWidget(self.toEdit)
        filters.addWidget(self.textEdit, 1)
        filters.addWidget(self.applyButton)
        layout.addLayout(filters)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = setup_table(DataTable(), "auditTable", stretch_column=5)
        self.model = AuditModel(ctx, self)
        self.table.setModel(self.model)
        split.addWidget(self.table)
        self.detailTable = setup_table(DataTable(), "auditDetailTable", stretch_column=2)
        self.detailModel = RowsModel(
            [
                (self.tr("Kolom"), lambda r: r[0], "text"),
                (self.tr("Sebelum"), lambda r: r[1], "text"),
                (self.tr("Sesudah"), lambda r: r[2], "text"),
            ],
            self,
        )
        self.detailTable.setModel(self.detailModel)
        split.addWidget(self.detailTable)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.chainButton = QPushButton(self.tr("Periksa &rantai"))
        self.chainButton.setObjectName("checkChainButton")
        self.chainButton.setToolTip(
            self.tr("Memastikan tidak ada catatan audit yang diubah atau dihapus di luar aplikasi")
        )
        self.chainLabel = QLabel()
        self.chainLabel.setObjectName("chainResultLabel")
        self.chainLabel.setWordWrap(True)
        bottom.addWidget(self.chainButton)
        bottom.addWidget(self.chainLabel, 1)
        layout.addLayout(bottom)

        self.fromEdit.setEnabled(False)
        self.toEdit.setEnabled(False)
        self.dateCheck.toggled.connect(self.fromEdit.setEnabled)
        self.dateCheck.toggled.connect(self.toEdit.setEnabled)
        self.applyButton.clicked.connect(self.load)
        self.textEdit.returnPressed.connect(self.load)
        self.userCombo.activated.connect(lambda _i: self.load())
        self.actionCombo.activated.connect(lambda _i: self.load())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_detail())
        self.model.modelReset.connect(self.show_detail)
        self.chainButton.clicked.connect(self.check_chain)

    @staticmethod
    def _combo_value(combo: QComboBox) -> str | None:
        text = combo.currentText().strip()
        if combo.currentIndex() == 0 and text == combo.itemText(0):
            return None  # "Semua ..."
        i = combo.currentIndex()
        if i > 0 and text == combo.itemText(i) and combo.itemData(i):
            return str(combo.itemData(i))  # an action shown by its label: filter by its code
        return text or None

    def filters(self) -> AuditFilter:
        dated = self.dateCheck.isChecked()
        return AuditFilter(
            username=self._combo_value(self.userCombo),
            action=self._combo_value(self.actionCombo),
            date_from=to_date(self.fromEdit.date()) if dated else None,
            date_to=to_date(self.toEdit.date()) if dated else None,
            text=self.textEdit.text().strip() or None,
        )

    def _fill_choices(self) -> None:
        users, actions = audit_service.audit_choices(self.ctx.db, self.ctx.actor)
        for combo, values, everything in (
            (self.userCombo, users, self.tr("Semua pengguna")),
            (self.actionCombo, actions, self.tr("Semua tindakan")),
        ):
            current = combo.currentText() if combo.currentIndex() != 0 else ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything)
            prefixes = sorted({v.split(".")[0] + "." for v in values if "." in v})
            for v in (prefixes if combo is self.actionCombo else []) + values:
                if combo is self.actionCombo and not v.endswith("."):
                    shown = label("audit_action", v, self.ctx.lang)
                    combo.addItem(shown if shown == v else f"{shown} ({v})", v)
                else:
                    combo.addItem(v, v)
            if current:
                combo.setCurrentText(current)
            else:
                combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def refresh(self) -> None:
        if not self.ctx.actor.can("read.all"):
            return
        self._fill_choices()
        self.load()

    def load(self) -> None:
        try:
            self.model.reload(self.filters())
        except KoperasiError as exc:
            dialogs.warn(self, self.tr("Jejak audit"), self.ctx.error_message(exc))

    def selected(self) -> AuditRow | None:
        idx = self.table.currentIndex()
        return (
            self.model.rows[idx.row()]
            if idx.isValid() and idx.row() < len(self.model.rows)
            else None
        )

    def show_detail(self) -> None:
        r = self.selected()
        self.detailModel.set_rows(audit_changes(r) if r else [])

    def check_chain(self) -> None:
        ctx = self.ctx

        def done(report: audit_checks.ChainReport) -> None:
            if report.ok:
                self.chainLabel.setStyleSheet("color: #1a7f37;")
                self.chainLabel.setText(
                    self.tr(
                        "Rantai audit utuh: {n} catatan diperiksa, tidak ada yang diubah."
                    ).format(n=f"{report.rows:,}".replace(",", "."))
                )
                return
            lines = [
                f"{p.message(ctx.lang)} ({p.ref})" if p.ref else p.message(ctx.lang)
                for p in report.problems
            ]
            self.chainLabel.setStyleSheet("color: #b00020;")
            self.chainLabel.setText(
                self.tr("Rantai audit RUSAK ({n} masalah): {first}").format(
                    n=len(report.problems), first=lines[0]
                )
            )
            dialogs.warn(self, self.tr("Rantai audit rusak"), "\n".join(lines[:20]))

        self.chainLabel.setStyleSheet("")
        self.chainLabel.setText(self.tr("Memeriksa..."))
        ctx.read(
            lambda _progress: audit_checks.verify_audit_chain(ctx.db, ctx.actor),
            progress=self.tr("Memeriksa rantai jejak audit..."),
            on_done=done,
            on_error=_user_error(ctx, self, self.tr("Jejak audit")),
            parent=self,
        )


# ====================================================================== backups


class BackupActions(QObject):
    """ "Cadangkan sekarang..." and "Pulihkan dari cadangan...", and the automatic backup
    when the window closes (``auto`` is switched on by the app, not in tests)."""

    restored = Signal(object)  # RestoreResult: the app reopens the database

    def __init__(self, ctx: AppContext, parent_widget: QWidget) -> None:
        super().__init__(parent_widget)
        self.ctx = ctx
        self.widget = parent_widget
        self.auto = False
        self.last_backup: Any = None

    def _refuse_postgres(self) -> bool:
        if self.ctx.db.is_sqlite:
            return False
        dialogs.warn(
            self.widget,
            self.tr("Cadangan"),
            self.ctx.error_message(backup_service.BackupError("backup_on_postgres")),
        )
        return True

    def backup_now(self) -> None:
        ctx = self.ctx
        if self._refuse_postgres():
            return
        if not ctx.actor.can("backup.create"):
            dialogs.warn(
                self.widget,
                self.tr("Cadangan"),
                self.tr("Hanya administrator dan bendahara yang dapat mencadangkan basis data."),
            )
            return
        folder = choose_folder(
            self.widget,
            self.tr("Pilih folder untuk cadangan (mis. flashdisk)"),
            str(backup_service.default_folder(ctx.db)),
        )
        if not folder:
            return

        def done(path: Any) -> None:
            self.last_backup = path
            dialogs.inform(
                self.widget,
                self.tr("Cadangan dibuat"),
                self.tr("Basis data dicadangkan ke\n{path}").format(path=path),
            )

        ctx.write(
            lambda _progress: backup_service.backup_now(ctx.db, ctx.actor, folder),
            progress=self.tr("Mencadangkan basis data..."),
            on_done=done,
            on_error=_user_error(ctx, self.widget, self.tr("Cadangan gagal")),
            parent=self.widget,
        )

    def restore(self) -> None:
        ctx = self.ctx
        if self._refuse_postgres():
            return
        if not ctx.actor.can("backup.restore"):
            dialogs.warn(
                self.widget,
                self.tr("Pulihkan"),
                self.tr("Hanya administrator yang dapat memulihkan basis data dari cadangan."),
            )
            return
        path = choose_backup_file(
            self.widget,
            self.tr("Pilih berkas cadangan"),
            str(backup_service.default_folder(ctx.db)),
        )
        if not path:
            return
        ctx.read(
            lambda _progress: backup_service.inspect_backup(path),
            progress=self.tr("Memeriksa berkas cadangan..."),
            on_done=self._confirm_restore,
            on_error=_user_error(ctx, self.widget, self.tr("Cadangan tidak dapat dipakai")),
            parent=self.widget,
        )

    def _confirm_restore(self, summary: backup_service.BackupSummary) -> None:
        ctx = self.ctx
        if not summary.ok:
            dialogs.warn(
                self.widget,
                self.tr("Cadangan tidak dapat dipakai"),
                self.tr("Pemeriksaan berkas cadangan menemukan masalah:\n{problems}").format(
                    problems="\n".join(summary.problems[:10])
                ),
            )
            return
        text = self.tr(
            "Pulihkan basis data dari cadangan ini?\n\n{summary}\n\n"
            "Seluruh isi basis data sekarang diganti dengan isi cadangan. Basis data sekarang "
            "dicadangkan dulu (label sebelum-pulih), jadi langkah ini dapat dibatalkan."
        ).format(summary="\n".join(summary.lines(ctx.lang)))
        if not dialogs.confirm(
            self.widget, self.tr("Pulihkan dari cadangan"), text, self.tr("Pulihkan")
        ):
            return

        def done(result: Any) -> None:
            if result is None:
                return
            when = result.summary.taken_at
            _notices[:] = [  # parentless (this window is about to close): keep it alive
                dialogs.inform(
                    None,
                    self.tr("Dipulihkan"),
                    self.tr(
                        "Basis data dipulihkan dari cadangan {when} UTC.\n"
                        "Isi sebelumnya disimpan di\n{safety}"
                    ).format(
                        when=when.strftime("%d/%m/%Y %H:%M") if when else "?",
                        safety=result.safety_backup,
                    ),
                )
            ]
            self.restored.emit(result)

        ctx.write(
            lambda _progress: backup_service.restore(ctx.db, ctx.actor, summary.path),
            changes=EVERY_AREA,
            progress=self.tr("Memulihkan basis data..."),
            on_done=done,
            on_error=_user_error(ctx, self.widget, self.tr("Pemulihan gagal")),
            parent=self.widget,
        )

    def backup_on_close(self) -> None:
        """The automatic, rotated backup when the app closes (SQLite only; never blocks the
        close when it fails: the failure goes to the log)."""
        ctx = self.ctx
        if not self.auto or not ctx.db.is_sqlite:
            return

        def run() -> Any:
            import logging

            try:
                return backup_service.backup_on_close(ctx.db)
            except (KoperasiError, OSError) as exc:
                logging.getLogger("koperasi").warning("automatic backup failed: %s", exc)
                return None

        ctx.write(run, on_done=lambda path: setattr(self, "last_backup", path))
        ctx.runner.wait()


class BackupPanel(QWidget):
    """The Cadangan tab: where automatic backups go and the two buttons."""

    def __init__(self, ctx: AppContext, actions: BackupActions, parent: QWidget | None = None):
        super().__init__(parent)
        self.setObjectName("backupPanel")
        layout = QVBoxLayout(self)
        if ctx.db.is_sqlite:
            folder = str(backup_service.default_folder(ctx.db))
            text = self.tr(
                "Setiap kali aplikasi ditutup, basis data dicadangkan otomatis ke\n{folder}\n"
                "(disimpan: 7 harian, 4 mingguan, 12 bulanan). Simpan juga salinan di flashdisk "
                'atau komputer lain secara berkala dengan "Cadangkan sekarang".'
            ).format(folder=folder)
        else:
            text = ctx.error_message(backup_service.BackupError("backup_on_postgres"))
        info = QLabel(text)
        info.setObjectName("backupInfoLabel")
        info.setWordWrap(True)
        layout.addWidget(info)
        row = QHBoxLayout()
        self.backupButton = QPushButton(self.tr("&Cadangkan sekarang..."))
        self.backupButton.setObjectName("backupNowButton")
        self.restoreButton = QPushButton(self.tr("&Pulihkan dari cadangan..."))
        self.restoreButton.setObjectName("restoreBackupButton")
        row.addWidget(self.backupButton)
        row.addWidget(self.restoreButton)
        row.addStretch(1)
        layout.addLayout(row)
        layout.addStretch(1)
        self.backupButton.clicked.connect(actions.backup_now)
        self.restoreButton.clicked.connect(actions.restore)
        for b in (self.backupButton, self.restoreButton):
            b.setEnabled(ctx.db.is_sqlite)


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
            changes={AUDIT},
            on_done=done,
            on_error=dlg.errors.show,
            parent=dlg,
        )

    ctx.read(lambda: users_service.needs_first_admin(ctx.db), on_done=open_dialog)


__all__ = [
    "AUDIT",
    "USERS",
    "AuditModel",
    "AuditPanel",
    "BackupActions",
    "BackupPanel",
    "UsersPanel",
    "audit_changes",
    "change_password",
    "choose_backup_file",
    "choose_folder",
]

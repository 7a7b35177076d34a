"""Cadangan: the Pengaturan tab and the menu actions that back the books up and restore them.

It calls services (backup) through the worker; the services enforce the roles."""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtWidgets import (
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services import backup as backup_service
from ...services.changes import EVERY_AREA
from .. import dialogs
from ..context import AppContext
from .admin_common import user_error

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
            on_error=user_error(ctx, self.widget, self.tr("Cadangan gagal")),
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
            on_error=user_error(ctx, self.widget, self.tr("Cadangan tidak dapat dipakai")),
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
            also_changed=EVERY_AREA,  # the whole database file was replaced
            progress=self.tr("Memulihkan basis data..."),
            on_done=done,
            on_error=user_error(ctx, self.widget, self.tr("Pemulihan gagal")),
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


__all__ = ["BackupActions", "BackupPanel", "choose_backup_file", "choose_folder"]

"""``koperasi-app [--db PATH_OR_URL] [--demo] [--lang id|en]``: start the desktop app.

Opens the given database, the demo (built in the background the first time), the last
database used, or — the very first time — the welcome screen.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

# What the start needs and does not use Qt comes BEFORE PySide6: once PySide6 is loaded, its
# feature hook reads the source of every module imported after it (~15 % of the start's
# imports). The services below are those the first page and the main window use.
# isort: off
import logging.handlers  # noqa: F401
from ..db.database import Database, open_database
from ..errors import KoperasiError
from ..paths import demo_db_path
from ..services import settings as settings_service
from ..services import users as users_service
from ..services.auth import Actor, Role
import koperasi.domain.arrears  # noqa: F401
import koperasi.services.progress  # noqa: F401
import koperasi.services.ui_queries  # noqa: F401
import koperasi.services.wiring  # noqa: F401 - the services' handlers (reversals, four-eyes)
import sqlalchemy.dialects.sqlite  # noqa: F401 - what create_engine loads for SQLite

# isort: on
from PySide6.QtCore import QObject, QProcess, QSettings, Qt, QTimer, Signal
from PySide6.QtWidgets import QApplication, QFileDialog, QWidget

from . import crash, dialogs, i18n, mnemonics
from .context import AppContext
from .main_window import MainWindow
from .uistate import get_str, recent_databases, remember_database, ui_settings
from .worker import Runner

if TYPE_CHECKING:  # imported where used: a start on a known database needs neither
    from .login import LoginDialog
    from .welcome import NewCooperative, NewCooperativeWizard, WelcomeDialog

# who a --smoke-test on a database with accounts runs as, without KOPERASI_USER: a ketua
# kelompok of no group may read no member and no total and change nothing
SMOKE_TEST_GUEST = Actor("uji-asap", Role.KETUA, frozenset())

DEMO_MEMBERS = 300
DEMO_YEARS = 3


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(prog="koperasi-app", description="Koperasi simpan pinjam")
    p.add_argument("--db", help="berkas SQLite atau URL PostgreSQL")
    p.add_argument("--demo", action="store_true", help="buka (atau buat) basis data demo")
    p.add_argument("--lang", choices=("id", "en"), help="bahasa tampilan")
    p.add_argument(
        "--smoke-test",
        action="store_true",
        help="buka jendela utama, lalu keluar (uji instalasi; akun: KOPERASI_USER dan "
        "KOPERASI_PASSWORD) / open the main window, then quit",
    )
    return p.parse_args(argv)


class AppController(QObject):
    """Opens databases and windows: welcome -> (wizard | file | demo) -> main window."""

    windowShown = Signal(object)
    # True when the demo build starts, False when it ends (built, failed or cancelled)
    demoBuilding = Signal(bool)

    def __init__(
        self,
        settings: QSettings,
        lang: str = "id",
        runner: Runner | None = None,
        today: Callable[[], dt.date] = dt.date.today,
        demo_path: Path | None = None,
        demo_members: int = DEMO_MEMBERS,
        demo_years: int = DEMO_YEARS,
    ) -> None:
        super().__init__()
        self.settings = settings
        self.lang = lang
        self.runner = runner or Runner(self._show_task_error)
        if getattr(self.runner, "error_handler", None) is None:
            self.runner.error_handler = self._show_task_error
        self.today = today
        self.demo_path = demo_path or demo_db_path()
        self.demo_members = demo_members
        self.demo_years = demo_years
        self.db: Database | None = None
        self.window: MainWindow | None = None
        self.welcome: WelcomeDialog | None = None
        self.wizard: NewCooperativeWizard | None = None
        self.login: LoginDialog | None = None
        self.auto_backup = True  # the rotated backup when the main window closes
        self.smoke_test = False  # --smoke-test: never ask anything (see _show_smoke_test)

    def _show_task_error(self, exc: BaseException, details: str) -> None:
        if self._smoke_test_failed(exc):
            return
        crash.show_error(exc, details, QApplication.activeWindow(), self.lang)

    def _smoke_test_failed(self, exc: BaseException) -> bool:
        """--smoke-test: a failure is printed and ends the run (exit 1) at once; nobody is
        there to read an error dialog."""
        if not self.smoke_test:
            return False
        message = exc.message(self.lang) if isinstance(exc, KoperasiError) else repr(exc)
        print(f"koperasi-app: {message}", file=sys.stderr, flush=True)
        QApplication.exit(1)
        return True

    # -- start
    def start(self, db: str | None = None, demo: bool = False) -> None:
        if demo:
            self.open_demo()
        elif db:
            self.open_location(db)
        else:
            last = get_str(self.settings, "last_database")
            if last and ("://" in last or Path(last).exists()):
                self.open_location(last)
            else:
                self.show_welcome()

    def show_welcome(self) -> WelcomeDialog:
        from .welcome import WelcomeDialog

        dlg = WelcomeDialog(recent_databases(self.settings), self.lang)
        dlg.newRequested.connect(self.new_cooperative)
        dlg.openRequested.connect(self._open_requested)
        dlg.demoRequested.connect(self.open_demo)
        dlg.languageChanged.connect(self.switch_language)
        dlg.rejected.connect(self._welcome_closed)
        self.welcome = dlg
        dlg.show()
        return dlg

    def _welcome_closed(self) -> None:
        if self.window is None:
            QApplication.quit()

    def _close_welcome(self) -> None:
        if self.welcome is not None:
            self.welcome.blockSignals(True)
            self.welcome.close()
            self.welcome.deleteLater()
            self.welcome = None

    def _open_requested(self, location: str) -> None:
        if not location:
            location = self.ask_database_file()
            if not location:
                return
        self.open_location(location)

    def ask_database_file(self) -> str:
        parent = self.window or self.welcome
        path, _f = QFileDialog.getOpenFileName(
            parent,
            QApplication.translate("AppController", "Buka basis data Koperasi"),
            "",
            QApplication.translate("AppController", "Basis data Koperasi (*.db);;Semua berkas (*)"),
        )
        return path

    # -- opening
    def open_location(self, location: str) -> None:
        """Open (creating/upgrading as needed) a database off the UI thread, then show it."""
        parent: QWidget | None = self.window or self.welcome

        def failed(exc: BaseException) -> bool:
            if self._smoke_test_failed(exc):
                return True
            crash.show_error(exc, parent=parent, lang=self.lang)
            if self.window is None and self.welcome is None:
                self.show_welcome()
            return True

        def opening() -> tuple[Database, bool]:
            db = open_database(location)
            try:
                blank = db.created or settings_service.is_blank(db)
            except BaseException:
                db.dispose()
                raise
            return db, blank

        self.runner.run(
            opening,
            write=True,
            on_done=lambda res: self._opened(res[0], location, res[1]),
            on_error=failed,
        )

    def _opened(self, db: Database, location: str, blank: bool | None = None) -> None:
        """A database nobody has used yet (just created, an existing empty file, or one
        whose first-run wizard was cancelled) is not opened as a nameless cooperative: the
        first-run wizard is offered for it, its answers saved into that same file. The file
        is kept as it is when the wizard is cancelled (nothing deleted or overwritten)."""
        if blank is None:
            blank = db.created
        if blank and not self.smoke_test:
            db.dispose()
            wiz = self.new_cooperative(location)
            wiz.rejected.connect(self._wizard_cancelled)
            return
        self.show_main(db, location)

    def _wizard_cancelled(self) -> None:
        if self.window is None and self.welcome is None:
            self.show_welcome()

    def open_demo(self) -> None:
        path = self.demo_path
        self._close_welcome()
        if self.window is not None:
            self.close_window()

        def opened(db: Database) -> None:
            from ..services import members as members_service

            if members_service.count_members(db) > 0:
                self.show_main(db, str(path))
                return
            self.build_demo(db, path)

        self.runner.run(lambda: open_database(path), write=True, on_done=opened)

    def build_demo(self, db: Database, path: Path) -> None:
        label = QApplication.translate(
            "AppController", "Menyiapkan koperasi demo ({n} anggota, {y} tahun transaksi)..."
        ).format(n=self.demo_members, y=self.demo_years)
        from ..demo import builder as demo_service

        as_of = demo_service.default_as_of(self.today())  # the treasurer's month-end to do

        def build(progress):

            return demo_service.build_demo(
                db,
                members=self.demo_members,
                seed=1,
                years=self.demo_years,
                as_of=as_of,
                progress=progress,
            )

        def built(_summary: object) -> None:
            self.demoBuilding.emit(False)
            self.show_main(db, str(path))

        def cancelled() -> None:
            self.demoBuilding.emit(False)
            db.dispose()
            for suffix in ("", "-wal", "-shm"):
                Path(str(path) + suffix).unlink(missing_ok=True)
            self.show_welcome()

        def failed(exc: BaseException) -> bool:
            cancelled()
            return False

        self.demoBuilding.emit(True)
        self.runner.run(
            build,
            write=True,
            progress=label,
            on_done=built,
            on_cancel=cancelled,
            on_error=failed,
        )

    def new_cooperative(self, location: str | None = None) -> NewCooperativeWizard:
        """The first-run wizard; with ``location``, for that (new, empty) database."""
        from .welcome import NewCooperativeWizard

        wiz = NewCooperativeWizard(self.lang, self.welcome)
        if location:
            wiz.set_location(location)
        wiz.accepted.connect(lambda: self.create_cooperative(wiz.result_data()))
        self.wizard = wiz
        wiz.open()
        return wiz

    def create_cooperative(self, data: NewCooperative) -> None:
        from .pages.settings import apply_savings_rules

        def create() -> Database:
            db = open_database(data.location)
            actor = users_service.actor_for_cli(db, None)
            settings_service.save_profile(db, actor, data.profile)
            apply_savings_rules(db, actor, data.rules)
            if data.loan_product is not None:
                from ..services.loan_products import add_product

                add_product(db, actor, data.loan_product)
            return db

        def created(db: Database) -> None:
            self.show_main(db, data.location)

        def failed(exc: BaseException) -> bool:
            crash.show_error(exc, parent=self.welcome, lang=self.lang)
            return True

        self.runner.run(create, write=True, on_done=created, on_error=failed)

    # -- the main window
    def show_main(self, db: Database, location: str) -> MainWindow | None:
        """The main window for ``db``: at once while no account exists (the single local
        administrator of a first run, and the demo), else after the login dialog."""
        if users_service.needs_first_admin(db):
            return self._show_main(db, location, users_service.actor_for_cli(db, None))
        if self.smoke_test:
            return self._show_smoke_test(db, location)
        self.ask_login(db, location)
        return None

    def _show_smoke_test(self, db: Database, location: str) -> MainWindow | None:
        """``--smoke-test`` on a database with accounts: no login dialog (nobody is there to
        answer it). With ``KOPERASI_USER`` and ``KOPERASI_PASSWORD`` (as for the CLI) that
        account logs in; else the window opens for a guest with the least rights there are
        (a ketua kelompok of no group: no member, no total, no change) and quits at once."""
        username = os.environ.get("KOPERASI_USER", "").strip()
        if username:
            try:
                actor = users_service.authenticate(
                    db, username, os.environ.get("KOPERASI_PASSWORD", "")
                )
            except KoperasiError as exc:
                db.dispose()
                self._smoke_test_failed(exc)
                return None
        else:
            actor = SMOKE_TEST_GUEST
        return self._show_main(db, location, actor)

    def ask_login(self, db: Database, location: str) -> LoginDialog:
        from .login import LoginDialog

        dlg = LoginDialog(
            db,
            self.runner,
            self.lang,
            username=get_str(self.settings, "last_user") or "",
            database_name=db.display_name,
        )

        def logged_in() -> None:
            actor = dlg.actor
            assert actor is not None  # the dialog is accepted only once someone logged in
            self.login = None
            self.settings.setValue("last_user", actor.username)
            self._show_main(db, location, actor)

        def cancelled() -> None:
            self.login = None
            if db is not self.db:
                db.dispose()
            if self.window is None and self.welcome is None:
                self.show_welcome()

        dlg.accepted.connect(logged_in)
        dlg.rejected.connect(cancelled)
        self.login = dlg
        dlg.open()
        return dlg

    def _show_main(self, db: Database, location: str, actor: Actor) -> MainWindow:
        self._close_welcome()
        if self.window is not None:
            self.close_window()
        self.db = db
        remember_database(self.settings, str(db.sqlite_path) if db.sqlite_path else location)
        ctx = AppContext(
            db=db,
            actor=actor,
            runner=self.runner,
            settings=self.settings,
            lang=self.lang,
            today=self.today,
        )
        win = MainWindow(ctx)
        win.openDatabaseRequested.connect(self.choose_other_database)
        win.languageChangeRequested.connect(self.switch_language)
        win.trust.auto_backup = self.auto_backup
        reopen = str(db.sqlite_path) if db.sqlite_path else location
        win.trust.reopenRequested.connect(lambda: self.reopen(reopen))
        win.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        win.destroyed.connect(self._window_destroyed)
        self.window = win
        win.show()
        win.raise_()
        win.activateWindow()
        self.windowShown.emit(win)
        return win

    def reopen(self, location: str) -> None:
        """After a restore: the window showed the old content; open the database afresh
        (its accounts may differ, so a login may be asked again)."""
        self.close_window()
        self.open_location(location)

    def _window_destroyed(self) -> None:
        self.window = None

    def close_window(self) -> None:
        win = self.window
        if win is None:
            return
        win.save_state()
        self.window = None
        win.blockSignals(True)
        win.close()
        if self.db is not None:
            self.db.dispose()
            self.db = None

    def choose_other_database(self) -> None:
        location = self.ask_database_file()
        if location:
            self.open_location(location)

    def switch_language(self, lang: str) -> None:
        """Remember the language; it applies fully after a restart (offered at once)."""
        if lang == self.lang:
            return
        self.settings.setValue("language", lang)
        self.settings.sync()
        parent = self.window or self.welcome
        restart = dialogs.ask(
            parent,
            QApplication.translate("AppController", "Bahasa / Language"),
            QApplication.translate(
                "AppController",
                "Bahasa tampilan berganti setelah aplikasi dibuka ulang.\n"
                "The display language changes after the app restarts.",
            ),
            QApplication.translate("AppController", "Buka ulang sekarang / Restart now"),
            QApplication.translate("AppController", "Nanti / Later"),
        )
        if restart:
            self.restart()

    def restart(self) -> None:
        args = [a for a in sys.argv[1:] if not a.startswith("--lang")]
        if self.window is not None:
            self.close_window()
        QProcess.startDetached(
            sys.executable,
            [*(["-m", "koperasi.ui.app"] if not getattr(sys, "frozen", False) else []), *args],
        )
        QApplication.quit()


def create_application(argv: list[str] | None = None) -> QApplication:
    app = QApplication.instance() or QApplication(argv or sys.argv[:1])
    if not isinstance(app, QApplication):
        raise RuntimeError("a QCoreApplication without widgets is already running")
    app.setApplicationName("Koperasi")
    app.setOrganizationName("Koperasi")
    app.setApplicationDisplayName("Koperasi")
    mnemonics.install(app)  # Alt+letter unique in every window and dialog
    return app


def main(argv: list[str] | None = None) -> int:
    args = parse_args(sys.argv[1:] if argv is None else argv)
    app = create_application()
    crash.setup_logging()
    crash.install_excepthook()
    settings = ui_settings()
    lang = args.lang or get_str(settings, "language", "id") or "id"
    if lang not in i18n.LANGUAGES:
        lang = "id"
    i18n.install(lang)
    os.environ.setdefault("KOPERASI_LANG", lang)
    controller = AppController(settings, lang)
    app.aboutToQuit.connect(lambda: controller.runner.wait(60_000))
    if args.smoke_test:
        _arm_smoke_test(app, controller)
    controller.start(db=args.db, demo=args.demo)
    return app.exec()


SMOKE_TEST_TIMEOUT_MS = 120_000


def _arm_smoke_test(
    app: QApplication, controller: AppController, timeout_ms: int = SMOKE_TEST_TIMEOUT_MS
) -> QTimer:
    """Exit 0 once the main window is up and the event loop has run; 1 if it never comes.

    Used by the installer tests and the start-up benchmark: it proves the (frozen) app can
    open a database, build the first page and show the window, without anyone clicking. It
    does not wait for the page's figures (they load off the UI thread, and a window is
    usable before they arrive): closing the window stops those reads. A database with
    accounts opens without the login dialog (see ``AppController._show_smoke_test``).

    The timeout does not run while the demo is built (a first ``--demo`` builds 300
    members, which may take longer): it counts afresh from the build's end, when the window
    opens. Returns the timer.
    """
    timer = QTimer(controller)
    timer.setObjectName("smokeTestTimer")
    timer.setSingleShot(True)
    timer.setInterval(timeout_ms)

    def shown(win: MainWindow) -> None:
        timer.stop()

        def finish() -> None:
            print(f"koperasi-app: {win.windowTitle()}", flush=True)
            controller.close_window()
            app.exit(0)

        QTimer.singleShot(0, finish)

    def never_shown() -> None:
        print("koperasi-app: the main window did not open", file=sys.stderr, flush=True)
        app.exit(1)

    def demo_building(started: bool) -> None:
        if started:
            timer.stop()
        else:
            timer.start()  # the whole timeout again, from the build's end

    controller.auto_backup = False  # open and quit: no backup of an unchanged database
    controller.smoke_test = True
    controller.windowShown.connect(shown)
    controller.demoBuilding.connect(demo_building)
    timer.timeout.connect(never_shown)
    timer.start()
    return timer


if __name__ == "__main__":
    raise SystemExit(main())

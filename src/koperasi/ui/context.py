"""What every screen needs: the open database, who is acting, the worker, the language, and
a bus on which finished operations say what changed so screens refresh themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Qt, Signal
from PySide6.QtGui import QCursor, QGuiApplication
from PySide6.QtWidgets import QWidget

from ..db.database import Database
from ..services.auth import Actor
from . import crash

# Areas a change can touch (what a screen listens for).
MEMBERS, GROUPS, SAVINGS, LEDGER, SETTINGS, LOANS = (
    "members",
    "groups",
    "savings",
    "ledger",
    "settings",
    "loans",
)


class ChangeBus(QObject):
    """``changed.emit({"members", "savings"})`` after an operation; screens refresh."""

    changed = Signal(object)
    # another screen asks the main window to show a page: (page key, options), e.g.
    # ("reports", {"report": "kartu-pinjaman", "loan": "PJ-2026-00012"})
    navigate = Signal(str, object)


class BusyCursor:
    """The wait cursor while a write runs (released once, whatever the outcome)."""

    def __init__(self) -> None:
        self.on = QGuiApplication.instance() is not None
        if self.on:
            QGuiApplication.setOverrideCursor(QCursor(Qt.CursorShape.WaitCursor))

    def release(self) -> None:
        if self.on:
            self.on = False
            QGuiApplication.restoreOverrideCursor()


@dataclass
class AppContext:
    db: Database
    actor: Actor
    runner: Any  # worker.Runner or worker.SyncRunner
    settings: QSettings
    lang: str = "id"
    today: Callable[[], dt.date] = dt.date.today
    bus: ChangeBus = field(default_factory=ChangeBus)

    def write(
        self,
        fn: Callable[..., Any],
        *,
        changes: set[str] | frozenset[str] = frozenset(),
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Any:
        """Run a write on the single-thread write pool; announce ``changes`` on success.
        A busy cursor shows from the start until the screens have followed the change."""
        busy = BusyCursor()

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
                if changes:
                    self.bus.changed.emit(set(changes))
            finally:
                busy.release()

        def failed(exc: BaseException) -> bool | None:
            busy.release()
            return on_error(exc) if on_error is not None else None

        def cancelled() -> None:
            busy.release()
            if on_cancel is not None:
                on_cancel()

        try:
            return self.runner.run(
                fn,
                write=True,
                on_done=done,
                on_error=failed,
                on_cancel=cancelled,
                progress=progress,
                parent=parent,
            )
        except BaseException:
            busy.release()
            raise

    def read(
        self,
        fn: Callable[..., Any],
        *,
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Any:
        return self.runner.run(
            fn,
            write=False,
            on_done=on_done,
            on_error=on_error,
            on_cancel=on_cancel,
            progress=progress,
            parent=parent,
        )

    def show_error(self, exc: BaseException, parent: QWidget | None = None) -> None:
        crash.show_error(exc, parent=parent, lang=self.lang)

    def error_message(self, exc: BaseException) -> str:
        msg = getattr(exc, "message", None)
        return msg(self.lang) if callable(msg) else str(exc)

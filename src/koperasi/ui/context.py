"""What every screen needs: the open database, who is acting, the worker, the language, and
a bus on which finished operations say what changed so screens refresh themselves."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from PySide6.QtCore import QObject, QSettings, Signal
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
        """Run a write on the single-thread write pool; announce ``changes`` on success."""

        def done(result: Any) -> None:
            if on_done is not None:
                on_done(result)
            if changes:
                self.bus.changed.emit(set(changes))

        return self.runner.run(
            fn,
            write=True,
            on_done=done,
            on_error=on_error,
            on_cancel=on_cancel,
            progress=progress,
            parent=parent,
        )

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

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
from ..services.changes import Area, collect_changes
from . import crash


class ChangeBus(QObject):
    """``changed.emit({Area.MEMBERS, Area.SAVINGS})`` after an operation (the areas its
    units of work wrote, :mod:`koperasi.services.changes`); screens refresh."""

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
        also_changed: frozenset[Area] = frozenset(),
        on_done: Callable[[Any], None] | None = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
        on_cancel: Callable[[], None] | None = None,
    ) -> Any:
        """Run a write on the single-thread write pool; afterwards announce on the bus what
        its committed units of work changed (they record it from what they wrote:
        :mod:`koperasi.services.changes`), with ``also_changed`` on success: what changed
        outside the database. A busy cursor shows from the start until the screens have
        followed the change. A write that failed or was cancelled after some of its units of
        work committed announces those."""
        busy = BusyCursor()
        changed: set[Area] = set()

        def collected(*args: Any) -> Any:  # on the worker thread
            with collect_changes() as found:
                try:
                    return fn(*args)
                finally:
                    changed.update(found)

        def announce(extra: frozenset[Area] = frozenset()) -> None:
            if changed or extra:
                self.bus.changed.emit(changed | extra)

        def done(result: Any) -> None:
            try:
                if on_done is not None:
                    on_done(result)
                announce(also_changed)
            finally:
                busy.release()

        def failed(exc: BaseException) -> bool | None:
            busy.release()
            try:
                return on_error(exc) if on_error is not None else None
            finally:
                announce()

        def cancelled() -> None:
            busy.release()
            try:
                if on_cancel is not None:
                    on_cancel()
            finally:
                announce()

        collected.__name__ = getattr(fn, "__name__", repr(fn))
        try:
            return self.runner.run(
                collected,
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

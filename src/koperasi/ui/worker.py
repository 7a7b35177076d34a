"""Work off the UI thread: one helper for every database call that may take a while.

``Runner.run(fn, ...)`` runs ``fn`` on a thread pool and calls ``on_done(result)`` or
``on_error(exc)`` back on the UI thread. Writes go to a single-thread pool (one unit of work
at a time, in order); reads may use a second pool. When ``progress`` is given, a
:class:`QProgressDialog` with a Cancel button follows the work: ``fn`` then receives a
progress callback with the services' protocol ``(done, total, message) -> bool`` that
returns ``False`` once the user pressed Cancel (the service raises ``Cancelled`` and its
unit of work rolls back).

:class:`SyncRunner` has the same interface and runs everything at once on the calling
thread; tests use it so that a click is followed by its result without waiting.
"""

from __future__ import annotations

import threading
import traceback
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import (
    QCoreApplication,
    QObject,
    QRunnable,
    Qt,
    QThreadPool,
    QTimer,
    Signal,
    Slot,
)
from PySide6.QtWidgets import QProgressDialog, QWidget

from ..services.progress import Cancelled

Callback = Callable[[Any], None] | None


class TaskSignals(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)
    failed = Signal(object, str)
    cancelled = Signal()


class Task(QObject):
    """One piece of work and its outcome; lives on the UI thread, its function does not."""

    done = Signal(object)

    def __init__(
        self,
        fn: Callable[..., Any],
        on_done: Callback = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        wants_progress: bool = False,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.fn = fn
        self.on_done = on_done
        self.on_error = on_error
        self.on_cancel = on_cancel
        self.wants_progress = wants_progress
        self.signals = TaskSignals()
        self.signals.finished.connect(self._finished, Qt.ConnectionType.QueuedConnection)
        self.signals.failed.connect(self._failed, Qt.ConnectionType.QueuedConnection)
        self.signals.cancelled.connect(self._cancelled, Qt.ConnectionType.QueuedConnection)
        self.signals.progress.connect(self._progress, Qt.ConnectionType.QueuedConnection)
        self.on_progress: Callable[[int, int, str], None] | None = None
        self._cancel = threading.Event()
        self.dialog: QProgressDialog | None = None
        self.result: Any = None
        self.error: BaseException | None = None
        self.is_finished = False
        self.abandoned = False  # nobody wants the outcome any more (the window closed)
        self.write = False
        self.error_handler: Callable[[BaseException, str], None] | None = None

    # -- called on the worker thread
    def progress_callback(self, done: int, total: int, message: str = "") -> bool:
        self.signals.progress.emit(int(done), int(total), str(message))
        return not self._cancel.is_set()

    def execute(self) -> None:
        try:
            result = self.fn(self.progress_callback) if self.wants_progress else self.fn()
        except Cancelled:
            self.signals.cancelled.emit()
        except BaseException as exc:  # noqa: BLE001 - every failure reaches the UI thread
            self.signals.failed.emit(exc, traceback.format_exc())
        else:
            self.signals.finished.emit(result)

    # -- UI thread
    def cancel(self) -> None:
        self._cancel.set()

    @property
    def cancel_requested(self) -> bool:
        return self._cancel.is_set()

    def _close_dialog(self) -> None:
        if self.dialog is not None:
            self.dialog.reset()
            self.dialog.hide()
            self.dialog.deleteLater()
            self.dialog = None

    @Slot(int, int, str)
    def _progress(self, done: int, total: int, message: str) -> None:
        if self.on_progress is not None and not self.is_finished:
            self.on_progress(done, total, message)

    def _drop(self) -> bool:
        """An abandoned task ends without calling back (its screen may be gone)."""
        if not self.abandoned:
            return False
        self._close_dialog()
        self.is_finished = True
        self.done.emit(self)
        return True

    @Slot(object)
    def _finished(self, result: Any) -> None:
        if self._drop():
            return
        self._close_dialog()
        self.result, self.is_finished = result, True
        if self.on_done is not None:
            self.on_done(result)
        self.done.emit(self)

    @Slot(object, str)
    def _failed(self, exc: BaseException, details: str) -> None:
        if self._drop():
            return
        self._close_dialog()
        self.error, self.is_finished = exc, True
        handled = self.on_error(exc) if self.on_error is not None else None
        if not handled and self.error_handler is not None:
            self.error_handler(exc, details)
        self.done.emit(self)

    @Slot()
    def _cancelled(self) -> None:
        if self._drop():
            return
        self._close_dialog()
        self.is_finished = True
        if self.on_cancel is not None:
            self.on_cancel()
        self.done.emit(self)


class _Runnable(QRunnable):
    def __init__(self, task: Task) -> None:
        super().__init__()
        self.task = task
        self.setAutoDelete(True)

    def run(self) -> None:
        self.task.execute()


class Runner(QObject):
    """Two named pools: ``write`` (one thread, tasks in order) and ``read``."""

    def __init__(
        self,
        error_handler: Callable[[BaseException, str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.write_pool = QThreadPool(self)
        self.write_pool.setMaxThreadCount(1)
        self.read_pool = QThreadPool(self)
        self.read_pool.setMaxThreadCount(2)
        self.error_handler = error_handler
        self._tasks: set[Task] = set()

    def run(
        self,
        fn: Callable[..., Any],
        *,
        write: bool,
        on_done: Callback = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        """Run ``fn()`` (or ``fn(progress_callback)`` when ``progress`` is a label).

        ``on_error`` may return True to say it has shown the problem itself; otherwise the
        runner's error handler shows it.
        """
        task = Task(fn, on_done, on_error, on_cancel, wants_progress=progress is not None)
        task.error_handler = self.error_handler
        task.write = write
        if progress is not None:
            self._attach_dialog(task, progress, parent)
        self._tasks.add(task)
        task.done.connect(self._forget)
        (self.write_pool if write else self.read_pool).start(_Runnable(task))
        return task

    @staticmethod
    def _attach_dialog(task: Task, label: str, parent: QWidget | None) -> None:
        dlg = QProgressDialog(label, QCoreApplication.translate("Runner", "Batal"), 0, 0, parent)
        dlg.setObjectName("progressDialog")
        dlg.setWindowTitle(QCoreApplication.translate("Runner", "Mohon tunggu"))
        dlg.setWindowModality(Qt.WindowModality.WindowModal)
        dlg.setMinimumDuration(300)
        dlg.setAutoClose(False)
        dlg.setAutoReset(False)

        def on_progress(done: int, total: int, message: str) -> None:
            if task.dialog is None:
                return
            dlg.setMaximum(max(total, 0))
            dlg.setValue(min(done, total) if total else 0)
            if message:
                dlg.setLabelText(f"{label}\n{message}")

        def on_cancel() -> None:
            task.cancel()
            dlg.setLabelText(QCoreApplication.translate("Runner", "Membatalkan..."))

        task.on_progress = on_progress
        dlg.canceled.connect(on_cancel)
        task.dialog = dlg

    @Slot(object)
    def _forget(self, task: Task) -> None:
        self._tasks.discard(task)

    def busy(self, writes_only: bool = False) -> bool:
        """Work under way; with ``writes_only``, only writes (reads may be abandoned)."""
        return any(t.write or not writes_only for t in self._tasks if not t.abandoned)

    def abandon_reads(self) -> int:
        """Drop the outcome of every read under way or queued (their screens are closing):
        they end without calling back. Returns how many. The caller stops the database's
        reads (``Database.reads_stopped``) so that they end quickly."""
        reads = [t for t in self._tasks if not t.write and not t.is_finished]
        for task in reads:
            task.abandoned = True
            task.cancel()
        return len(reads)

    def wait_writes(self, msecs: int = 30_000) -> bool:
        return self.write_pool.waitForDone(msecs)

    def wait(self, msecs: int = 30_000) -> bool:
        """Block until both pools are idle (used at shutdown and by tests)."""
        ok = self.write_pool.waitForDone(msecs)
        return self.read_pool.waitForDone(msecs) and ok


class SyncRunner(QObject):
    """The synchronous fake: same interface, runs ``fn`` immediately on the calling thread.

    ``cancel_after`` lets a test press Cancel after that many progress reports.
    """

    def __init__(
        self,
        error_handler: Callable[[BaseException, str], None] | None = None,
        parent: QObject | None = None,
    ) -> None:
        super().__init__(parent)
        self.error_handler = error_handler
        self.cancel_after: int | None = None
        self.calls: list[tuple[str, bool]] = []
        self.progress_reports: list[tuple[int, int, str]] = []

    def run(
        self,
        fn: Callable[..., Any],
        *,
        write: bool,
        on_done: Callback = None,
        on_error: Callable[[BaseException], bool | None] | None = None,
        on_cancel: Callable[[], None] | None = None,
        progress: str | None = None,
        parent: QWidget | None = None,
    ) -> Task:
        task = Task(fn, on_done, on_error, on_cancel, wants_progress=progress is not None)
        task.error_handler = self.error_handler
        self.calls.append((getattr(fn, "__name__", repr(fn)), write))

        def callback(done: int, total: int, message: str = "") -> bool:
            self.progress_reports.append((done, total, message))
            if self.cancel_after is not None and len(self.progress_reports) >= self.cancel_after:
                task.cancel()
            return not task.cancel_requested

        try:
            result = fn(callback) if progress is not None else fn()
        except Cancelled:
            task._cancelled()
        except BaseException as exc:  # noqa: BLE001
            task._failed(exc, traceback.format_exc())
        else:
            task._finished(result)
        return task

    def busy(self, writes_only: bool = False) -> bool:
        return False

    def abandon_reads(self) -> int:
        return 0

    def wait_writes(self, msecs: int = 0) -> bool:
        return True

    def wait(self, msecs: int = 0) -> bool:
        return True


def later(fn: Callable[[], None], msecs: int = 0) -> None:
    """Run ``fn`` on the UI thread once the event loop is free."""
    QTimer.singleShot(msecs, fn)


__all__ = ["Runner", "SyncRunner", "Task", "later"]

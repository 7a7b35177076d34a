"""The GUI side of bench/ui_scenarios.py, run in its own process:

    python -m bench.ui_drive stall|stall-bare|start|start-bare DB LAUNCHED

``start``: the app as ``koperasi-app --db DB --smoke-test`` starts it; prints the seconds
from LAUNCHED (the parent's ``time.time()`` just before it started this process) to the first
pass of the event loop after the main window showed, and the CPU seconds until then.
``start-bare``: the same for a bare PySide6 main window.

``stall``: opens DB as the app does (real worker threads), then plays a user's session as
events on the UI thread (each step waits until the worker is idle and the screen settled):
every page, a member search typed key by key, Down + Enter into the member, the member's
detail, a deposit typed in the form and its receipt, a loan repayment, the group meeting
grid posted, a refresh. A 5 ms timer on the UI thread measures the longest gap between its
ticks (the longest time the event loop could not run) and the UI thread's CPU time in it,
and which step it fell in. ``stall-bare``: the same timer on an idle bare window (the
timer's own jitter on this machine).
"""

from __future__ import annotations

import json
import os
import sys
import time
from collections.abc import Callable

WINDOW = (1366, 705)


def _cpu() -> float:
    return time.process_time()


# ---------------------------------------------------------------- cold start
def start(db: str, launched: float) -> dict:
    from PySide6.QtCore import QTimer

    from koperasi.ui import app as app_module

    out: dict = {}
    arm = app_module._arm_smoke_test

    def armed(app, controller):  # type: ignore[no-untyped-def]
        def shown(_win) -> None:  # type: ignore[no-untyped-def]
            def ready() -> None:
                out["ready"] = time.time() - launched
                out["ready_cpu"] = _cpu()

            QTimer.singleShot(0, ready)  # queued before the smoke test's quit

        controller.windowShown.connect(shown)
        arm(app, controller)

    app_module._arm_smoke_test = armed
    code = app_module.main(["--db", db, "--smoke-test"])
    if code != 0 or "ready" not in out:
        raise SystemExit(f"the app did not start (exit {code})")
    return out


def start_bare(_db: str, launched: float) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    out: dict = {}
    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.setCentralWidget(QLabel("Koperasi"))
    w.resize(1024, 700)
    w.show()

    def ready() -> None:
        out["ready"] = time.time() - launched
        out["ready_cpu"] = _cpu()
        app.quit()

    QTimer.singleShot(0, ready)
    app.exec()
    return out


# ---------------------------------------------------------------- UI stall
class Heartbeat:
    """A 5 ms timer on the UI thread: the longest gap between two ticks is the longest time
    the event loop was blocked (by the app's work on the UI thread, or by waiting for the
    GIL or a core); the UI thread's own CPU time in that gap tells them apart."""

    def __init__(self) -> None:
        from PySide6.QtCore import Qt, QTimer

        self.step = "-"
        self.max_gap = 0.0
        self.max_gap_cpu = 0.0
        self.max_cpu = 0.0
        self.where = "-"
        self.where_cpu = "-"
        self.gaps: dict[str, float] = {}
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer = QTimer()
        self.timer.setTimerType(Qt.TimerType.PreciseTimer)
        self.timer.setInterval(5)
        self.timer.timeout.connect(self.tick)

    def begin(self) -> None:
        self.last = time.perf_counter()
        self.last_cpu = time.thread_time()
        self.timer.start()

    def tick(self) -> None:
        now, cpu = time.perf_counter(), time.thread_time()
        gap, gap_cpu = now - self.last, cpu - self.last_cpu
        self.last, self.last_cpu = now, cpu
        if gap > self.gaps.get(self.step, 0.0):
            self.gaps[self.step] = gap
        if gap > self.max_gap:
            self.max_gap, self.max_gap_cpu, self.where = gap, gap_cpu, self.step
        if gap_cpu > self.max_cpu:
            self.max_cpu, self.where_cpu = gap_cpu, self.step


class Script:
    """Steps played one by one from the event loop; the next starts once the worker has
    been idle for ``settle`` seconds (debounced searches and queued callbacks have run)."""

    def __init__(self, app, runner, beat: Heartbeat, settle: float = 0.35) -> None:  # type: ignore[no-untyped-def]
        from PySide6.QtCore import QTimer

        self.app, self.runner, self.beat, self.settle = app, runner, beat, settle
        self.steps: list[tuple[str, Callable[[], None], Callable[[], bool] | None]] = []
        self.idle_since: float | None = None
        self.waiting: Callable[[], bool] | None = None
        self.deadline = 0.0
        self.poll = QTimer()
        self.poll.setInterval(10)
        self.poll.timeout.connect(self._check)
        self.failed: str | None = None

    describe: Callable[[], str] = staticmethod(lambda: "")

    def add(self, name: str, action: Callable[[], None], until: Callable[[], bool] | None = None):  # type: ignore[no-untyped-def]
        self.steps.append((name, action, until))

    def play(self) -> None:
        from PySide6.QtCore import QTimer

        QTimer.singleShot(0, self._next)

    def _next(self) -> None:
        if not self.steps:
            self.beat.step = "-"
            self.poll.stop()
            self.app.quit()
            return
        name, action, until = self.steps.pop(0)
        if os.environ.get("KOPERASI_BENCH_VERBOSE"):
            print(f"{time.perf_counter():.2f} {name}", file=sys.stderr, flush=True)
        self.beat.step = name
        try:
            action()
        except Exception as exc:  # noqa: BLE001 - reported, the run stops
            self.failed = f"{name}: {type(exc).__name__}: {exc}"
            self._stop()
            return
        self.waiting = until
        self.idle_since = None
        self.deadline = time.perf_counter() + 60
        self.poll.start()

    def _stop(self) -> None:
        """Ends the run, also from inside a modal dialog's own event loop."""
        from PySide6.QtWidgets import QApplication

        self.poll.stop()
        while (modal := QApplication.activeModalWidget()) is not None:
            modal.close()
            modal.hide()
        self.app.exit(1)

    def _check(self) -> None:
        now = time.perf_counter()
        if now > self.deadline:
            self.failed = f"{self.beat.step}: never settled ({self.describe()})"
            print(self.failed, file=sys.stderr, flush=True)
            os._exit(2)  # a modal question may be open: no clean way out of its loop
        if self.runner.busy() or (self.waiting is not None and not self.waiting()):
            self.idle_since = None
            return
        if self.idle_since is None:
            self.idle_since = now
        elif now - self.idle_since >= self.settle:
            self.poll.stop()
            self._next()


def _modal_text() -> str:
    from PySide6.QtWidgets import QApplication, QMessageBox

    modal = QApplication.activeModalWidget()
    if modal is None:
        return "-"
    text = modal.text() if isinstance(modal, QMessageBox) else ""
    return f"{type(modal).__name__} {modal.windowTitle()!r} {text[:300]!r}"


def _top(cls):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    found = [w for w in QApplication.topLevelWidgets() if isinstance(w, cls) and w.isVisible()]
    return found[-1] if found else None


def stall(db_path: str, _launched: float) -> dict:
    from PySide6.QtCore import Qt
    from PySide6.QtTest import QTest
    from PySide6.QtWidgets import QApplication

    from koperasi.ui.app import AppController, create_application
    from koperasi.ui.uistate import ui_settings

    K = Qt.Key  # noqa: N806
    app = create_application()
    settings = ui_settings()
    controller = AppController(settings, "id")
    controller.auto_backup = False
    beat = Heartbeat()
    runner = controller.runner
    script = Script(app, runner, beat)
    state: dict = {}

    def describe() -> str:
        w = controller.window
        if w is None:
            return "no window"
        page = w.members if w.pages.is_built("members") else None
        focus = QApplication.focusWidget()
        return (
            f"page {w.current_key()}, focus {focus.objectName() if focus else None}, "
            f"search {state.get('surname')!r}, "
            f"rows {page.model.rowCount() if page else '-'}, "
            f"windows {[type(t).__name__ for t in QApplication.topLevelWidgets() if t.isVisible()]}, "
            f"active {type(QApplication.activeWindow()).__name__}, "
            f"popup {type(QApplication.activePopupWidget()).__name__}, "
            f"modal {_modal_text()}"
        )

    script.describe = describe

    def win():  # type: ignore[no-untyped-def]
        return controller.window

    def key(widget_of: Callable[[], object], k, mod=Qt.KeyboardModifier.NoModifier):  # type: ignore[no-untyped-def]
        return lambda: QTest.keyClick(widget_of(), k, mod)

    def text(widget_of: Callable[[], object], s: str):  # type: ignore[no-untyped-def]
        return lambda: QTest.keyClicks(widget_of(), s)

    # -- the window opens (not measured: bench "gui_ready" times the start)
    script.add("open", lambda: controller.start(db=db_path), lambda: win() is not None)
    script.add(
        "activate",
        lambda: (win().resize(*WINDOW), win().activateWindow()),
        lambda: win().isActiveWindow(),
    )
    script.add("measure", beat.begin)
    # -- every page, as the navigation list selects it
    from koperasi.ui.main_window import PAGE_KEYS

    for row, page in enumerate(PAGE_KEYS):
        script.add(f"page {page}", lambda row=row: win().nav.setCurrentRow(row))
    script.add("page members", lambda: win().go("members"))

    # -- a member search typed key by key, Down into the results, Enter opens the member
    def activate(name: str, widget_of: Callable[[], object]) -> None:
        """Offscreen, a window is active only once asked (a user's click or the window
        manager does it); keys then reach the focused widget and shortcuts work."""
        script.add(name, lambda: widget_of().activateWindow(), lambda: widget_of().isActiveWindow())

    activate("window active", win)
    script.add("Ctrl+F", key(win, K.Key_F, Qt.KeyboardModifier.ControlModifier))

    def surname() -> str:
        rows = win().members.model.rows
        state["surname"] = rows[min(7, len(rows) - 1)].name.split()[-1][:5]
        return state["surname"]

    script.add("search: pick a name", surname)
    for i in range(5):
        script.add(
            f"search: type key {i + 1}",
            lambda i=i: QTest.keyClicks(win().members.searchEdit, state["surname"][i : i + 1]),
        )
    script.add("search: Down", key(lambda: win().members.searchEdit, K.Key_Down))
    from koperasi.ui.pages.members import MemberDetailDialog

    script.add(
        "member: Enter opens",
        key(lambda: win().members.table, K.Key_Return),
        lambda: _top(MemberDetailDialog) is not None,
    )
    script.add("member: close", lambda: _top(MemberDetailDialog).close())
    activate("window active again", win)
    # -- a deposit typed in the form (Ctrl+D), saved by Enter, the receipt closed
    from koperasi.ui.pages.savings import ReceiptDialog, SavingsTxDialog

    script.add(
        "deposit: Ctrl+D",
        key(win, K.Key_D, Qt.KeyboardModifier.ControlModifier),
        lambda: _top(SavingsTxDialog) is not None,
    )

    def deposit_number() -> None:
        state["number"] = win().members.selected_member().number
        QTest.keyClicks(_top(SavingsTxDialog).ui.memberEdit, state["number"])

    activate("deposit: form active", lambda: _top(SavingsTxDialog))

    def deposit_member() -> None:  # typed, then Tab: the member is looked up
        dlg = _top(SavingsTxDialog)
        dlg.ui.memberEdit.setText(win().members.selected_member().number)
        dlg.lookup_member()

    def deposit_product() -> None:
        combo = _top(SavingsTxDialog).ui.productCombo
        combo.setCurrentIndex(combo.findData("SUKARELA"))

    script.add("deposit: member number", deposit_member)
    script.add("deposit: product", deposit_product)
    script.add("deposit: amount", lambda: _top(SavingsTxDialog).ui.amountEdit.setValue(125_000))
    script.add(
        "deposit: Enter posts",
        lambda: _top(SavingsTxDialog).save(),
        lambda: _top(ReceiptDialog) is not None,
    )
    activate("deposit: receipt active", lambda: _top(ReceiptDialog))
    script.add("deposit: receipt closed", lambda: _top(ReceiptDialog).close())
    activate("window active again", win)
    script.add("refresh F5", key(win, K.Key_F5))
    script.add("page dashboard", lambda: win().go("dashboard"))
    script.play()
    app.exec()
    beat.timer.stop()
    controller.close_window()
    runner.wait(60_000)
    if script.failed:
        raise SystemExit(f"the script failed at {script.failed}")
    worst = sorted(beat.gaps.items(), key=lambda kv: -kv[1])[:8]
    return {
        "max_gap": beat.max_gap,
        "max_gap_cpu": beat.max_gap_cpu,
        "where": beat.where,
        "max_cpu": beat.max_cpu,
        "where_cpu": beat.where_cpu,
        "worst_steps": {k: round(v * 1000, 1) for k, v in worst},
    }


def stall_bare(_db: str, _launched: float) -> dict:
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication, QLabel, QMainWindow

    app = QApplication(sys.argv[:1])
    w = QMainWindow()
    w.setCentralWidget(QLabel("Koperasi"))
    w.resize(*WINDOW)
    w.show()
    beat = Heartbeat()
    beat.step = "idle"
    beat.begin()
    QTimer.singleShot(3000, app.quit)
    app.exec()
    return {"max_gap": beat.max_gap, "max_gap_cpu": beat.max_gap_cpu, "where": beat.where}


def main(argv: list[str]) -> int:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    what, db, launched = argv[0], argv[1], float(argv[2])
    if what == "stall":
        import koperasi.services.wiring  # noqa: F401 - the app's import order

    fn = {"start": start, "start-bare": start_bare, "stall": stall, "stall-bare": stall_bare}[what]
    out = fn(db, launched)
    print(json.dumps(out), flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

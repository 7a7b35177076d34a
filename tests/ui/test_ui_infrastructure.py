"""The plumbing under every screen: forms, worker, crash dialog, translations, layering."""

from __future__ import annotations

import logging
import re
import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import QApplication, QLabel, QPushButton

from koperasi.errors import ValidationError
from koperasi.services.progress import Cancelled, report
from koperasi.ui import build_forms, crash, i18n
from koperasi.ui.worker import Runner, SyncRunner

SRC_UI = Path(build_forms.__file__).resolve().parent


# ---------------------------------------------------------------- Designer forms


def test_every_form_has_a_fresh_generated_module():
    forms = build_forms.ui_files()
    assert len(forms) >= 6
    assert build_forms.stale_forms() == [], "a .ui changed without `make forms`"
    for ui in forms:
        text = build_forms.module_for(ui).read_text(encoding="utf-8")
        assert "Do not edit" in text.splitlines()[1]


def test_a_changed_form_is_reported_stale(tmp_path, monkeypatch):
    ui = build_forms.ui_files()[0]
    copy = tmp_path / ui.name
    copy.write_text(ui.read_text(encoding="utf-8").replace("</ui>", "<!-- edited --></ui>"))
    monkeypatch.setattr(build_forms, "ui_files", lambda: [copy])
    assert build_forms.stale_forms() == [ui.name]


def test_generated_module_matches_what_uic_produces_now():
    def code(text: str) -> list[str]:  # without uic's version banner
        return [line for line in text.splitlines() if "Qt User Interface Compiler" not in line]

    ui = next(p for p in build_forms.ui_files() if p.name == "member_form.ui")
    generated = build_forms.module_for(ui).read_text(encoding="utf-8")
    assert code(build_forms.compile_form(ui)) == code(generated)


# ---------------------------------------------------------------- layering


def test_no_widget_touches_a_database_session():
    hits = [
        f"{p.relative_to(SRC_UI)}:{n}"
        for p in SRC_UI.rglob("*.py")
        for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"session", line, re.IGNORECASE)
    ]
    assert hits == []


# ---------------------------------------------------------------- worker


def test_runner_runs_off_the_ui_thread_and_calls_back_on_it(qtbot):
    runner = Runner()
    ui_thread = threading.get_ident()
    seen: dict[str, int] = {}

    def work() -> int:
        seen["work"] = threading.get_ident()
        return 42

    def done(value: int) -> None:
        seen["done"] = threading.get_ident()
        seen["value"] = value

    task = runner.run(work, write=True, on_done=done)
    qtbot.waitUntil(lambda: task.is_finished, timeout=5000)
    assert seen["value"] == 42
    assert seen["work"] != ui_thread
    assert seen["done"] == ui_thread
    assert runner.write_pool.maxThreadCount() == 1


def test_runner_writes_run_one_at_a_time_in_order(qtbot):
    runner = Runner()
    order: list[int] = []
    active = []

    def make(i: int):  # type: ignore[no-untyped-def]
        def work() -> int:
            active.append(i)
            assert len(active) == 1
            time.sleep(0.01)
            order.append(i)
            active.remove(i)
            return i

        return work

    tasks = [runner.run(make(i), write=True) for i in range(5)]
    qtbot.waitUntil(lambda: all(t.is_finished for t in tasks), timeout=5000)
    assert order == [0, 1, 2, 3, 4]
    assert all(t.error is None for t in tasks)


def test_runner_progress_dialog_cancel_rolls_the_work_back(qtbot):
    runner = Runner()
    started = threading.Event()
    outcome: list[str] = []

    def work(progress) -> str:  # type: ignore[no-untyped-def]
        for i in range(1000):
            report(progress, i, 1000, f"langkah {i}")
            started.set()
            time.sleep(0.005)
        return "selesai"

    task = runner.run(
        work,
        write=True,
        progress="Bekerja...",
        on_done=lambda r: outcome.append(r),
        on_cancel=lambda: outcome.append("batal"),
    )
    assert task.dialog is not None
    assert started.wait(5)
    qtbot.waitUntil(lambda: task.dialog is not None and task.dialog.maximum() == 1000, timeout=5000)
    task.dialog.findChild(QPushButton).click()  # the dialog's Cancel button
    qtbot.waitUntil(lambda: task.is_finished, timeout=5000)
    assert outcome == ["batal"]
    assert task.dialog is None


def test_runner_failure_reaches_on_error_or_the_error_handler(qtbot):
    handled: list[BaseException] = []
    runner = Runner(error_handler=lambda exc, details: handled.append(exc))

    def bad() -> None:
        raise ValidationError("amount", "must_be_positive")

    mine: list[BaseException] = []
    t1 = runner.run(bad, write=False, on_error=lambda exc: mine.append(exc) or True)
    qtbot.waitUntil(lambda: t1.is_finished, timeout=5000)
    assert len(mine) == 1 and handled == []
    t2 = runner.run(bad, write=False)
    qtbot.waitUntil(lambda: t2.is_finished, timeout=5000)
    assert isinstance(handled[0], ValidationError)


def test_sync_runner_is_a_drop_in_fake_with_cancel(qapp):
    runner = SyncRunner()
    runner.cancel_after = 3
    outcome: list[str] = []

    def work(progress):  # type: ignore[no-untyped-def]
        for i in range(10):
            report(progress, i, 10)
        return "done"

    runner.run(
        work,
        write=True,
        progress="x",
        on_done=outcome.append,
        on_cancel=lambda: outcome.append("cancel"),
    )
    assert outcome == ["cancel"]
    assert len(runner.progress_reports) == 3
    with pytest.raises(Cancelled):
        report(lambda *a: False, 1, 2)


# ---------------------------------------------------------------- crash handling


def test_unexpected_error_shows_friendly_dialog_logs_and_copies(qtbot):
    log = crash.setup_logging()
    try:
        raise RuntimeError("boom in a slot")
    except RuntimeError as exc:
        crash._hook(type(exc), exc, exc.__traceback__)
    dlgs = crash.open_dialogs()
    assert dlgs, "no error dialog"
    dlg = dlgs[-1]
    assert dlg.objectName() == "errorDialog"
    assert any("Maaf" in label.text() for label in dlg.findChildren(QLabel))
    assert not dlg.detailsView.isVisible()
    qtbot.mouseClick(dlg.copyButton, Qt.MouseButton.LeftButton)
    copied = QApplication.clipboard().text()
    assert "boom in a slot" in copied and "Traceback" in copied
    for handler in logging.getLogger("koperasi").handlers:
        handler.flush()
    assert "boom in a slot" in log.read_text(encoding="utf-8")
    dlg.close()


def test_user_errors_are_messages_not_crashes(qapp):
    from koperasi.ui import dialogs

    before = len(crash.open_dialogs())
    crash.show_error(ValidationError("amount", "must_be_positive"))
    assert len(crash.open_dialogs()) == before
    title, text = dialogs.shown[-1]
    assert "Jumlah" in text


# ---------------------------------------------------------------- translations


def test_english_translation_loads_and_translates(qapp):
    try:
        loaded = i18n.install("en")
        assert "koperasi_en" in loaded
        assert QCoreApplication.translate("MainWindow", "Anggota") == "Members"
        assert QCoreApplication.translate("MembersPage", "&Anggota baru") == "&New member"
    finally:
        i18n.install("id")
    assert QCoreApplication.translate("MainWindow", "Anggota") == "Anggota"


def test_import_kinds_read_in_english(qapp):
    """The import wizard's kinds and their descriptions are in the catalogue (they once went
    through a wrapper lupdate could not see, and stayed Indonesian on the English screen)."""
    from koperasi.ui.pages.import_wizard import kind_labels

    try:
        i18n.install("en")
        kinds = {key: (label, text) for key, label, text in kind_labels()}
        assert kinds["members"] == (
            "Members",
            "Member data: name, NIK, sex, joining date, address, group. The member number may "
            "be empty (given automatically).",
        )
        assert kinds["loans"][0] == "Loans" and "collateral register" in kinds["loans"][1]
        assert all(text.isascii() and "anggota" not in text for _l, text in kinds.values())
    finally:
        i18n.install("id")
    assert dict((k, label) for k, label, _t in kind_labels())["members"] == "Anggota"


def test_indonesian_gets_qt_standard_buttons_translated(qapp):
    try:
        loaded = i18n.install("id")
        assert "qtbase_id" in loaded
        assert QCoreApplication.translate("QPlatformTheme", "Cancel") == "Batal"
    finally:
        i18n.install("id")


def test_translation_catalogue_is_complete():
    ts = (i18n.translations_dir() / "koperasi_en.ts").read_text(encoding="utf-8")
    unfinished = re.findall(r'<source>(.*?)</source>\s*<translation type="unfinished"', ts, re.S)
    assert unfinished == []
    assert (i18n.translations_dir() / "koperasi_en.qm").exists()

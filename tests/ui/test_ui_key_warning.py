"""Issue 22: opening a book with another sealing key shows one clear warning at login
(through the trust features of the main window), naming the key file to copy."""

from __future__ import annotations

import datetime as dt

from helpers import member_input
from PySide6.QtWidgets import QApplication, QMessageBox

from koperasi.db import sealing
from koperasi.services import key_guard, members, savings
from koperasi.services.auth import SYSTEM
from koperasi.ui import dialogs


def test_main_window_warns_about_another_seal_key(
    sqlite_db, make_ctx, qtbot, tmp_path, monkeypatch
):
    from koperasi.ui.main_window import MainWindow

    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "pc1" / "seal.key"))
    m = members.register_member(sqlite_db, SYSTEM, member_input("Anggota", 1))
    savings.deposit(sqlite_db, SYSTEM, m.number, "SUKARELA", 100_000, dt.date(2025, 3, 10))
    win = MainWindow(make_ctx(sqlite_db))  # the first PC: the key is recorded, no warning
    qtbot.addWidget(win)
    assert win.trust.keyWarnings == []
    win.close()

    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "pc2" / "seal.key"))
    before = len(dialogs.shown)
    win = MainWindow(make_ctx(sqlite_db))
    qtbot.addWidget(win)
    win.resize(1366, 705)
    win.show()
    assert [w.code for w in win.trust.keyWarnings] == ["seal_key_other"]
    title, text = dialogs.shown[before]
    assert title == "Kunci di PC ini berbeda"
    assert key_guard.seal_fingerprint() in text and str(tmp_path / "pc2" / "seal.key") in text
    box = next(
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    )
    assert box.text() == text

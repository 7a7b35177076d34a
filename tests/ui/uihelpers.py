"""Helpers for the desktop app tests."""

from __future__ import annotations

import datetime as dt

TODAY = dt.date(2026, 10, 31)  # the demo fixture's as_of


def open_dialog(cls, name: str | None = None):  # type: ignore[no-untyped-def]
    """The newest visible window of ``cls`` (dialogs are opened non-blocking)."""
    from PySide6.QtWidgets import QApplication

    found = [
        w
        for w in QApplication.topLevelWidgets()
        if isinstance(w, cls) and w.isVisible() and (name is None or w.objectName() == name)
    ]
    assert found, f"no visible {cls.__name__} {name or ''}"
    return found[-1]


def close_message_boxes(qtbot) -> list[str]:  # type: ignore[no-untyped-def]
    """Press OK on every open message box (as the treasurer would); return their texts."""
    from PySide6.QtCore import Qt
    from PySide6.QtWidgets import QApplication, QMessageBox

    texts = []
    for box in [
        w for w in QApplication.topLevelWidgets() if isinstance(w, QMessageBox) and w.isVisible()
    ]:
        texts.append(box.text())
        qtbot.mouseClick(box.button(QMessageBox.StandardButton.Ok), Qt.MouseButton.LeftButton)
    return texts

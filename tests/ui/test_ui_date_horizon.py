"""Issue 22: every date field of the GUI keeps to the sane horizon 1900-2100, as the CLI
and the imports do: a year 2999 typed is not taken, in any page or dialog."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDateEdit, QTabWidget, QWidget
from test_ui_mnemonics import _factories

from koperasi.ui.main_window import PAGE_KEYS
from koperasi.ui.widgets import DateOutOfRange, parse_date, setup_date_edit, to_date

LOW, HIGH = QDate(1900, 1, 1), QDate(2100, 12, 31)


def _bounded(root: QWidget, where: str) -> int:
    edits = root.findChildren(QDateEdit)
    for e in edits:
        assert e.minimumDate() >= LOW and e.maximumDate() <= HIGH, (
            f"{where}: {e.objectName() or type(e.parent()).__name__} accepts "
            f"{e.minimumDate().toString('yyyy')}-{e.maximumDate().toString('yyyy')}"
        )
    return len(edits)


def test_a_year_2999_typed_is_not_taken(qtbot):
    edit = setup_date_edit(QDateEdit(), dt.date(2026, 11, 23))
    qtbot.addWidget(edit)
    edit.show()
    edit.setFocus()
    edit.selectAll()
    qtbot.keyClicks(edit, "01/01/2999")
    qtbot.keyClick(edit, Qt.Key.Key_Tab)
    assert to_date(edit.date()).year <= 2100
    edit.setDate(QDate(1850, 1, 1))
    assert to_date(edit.date()) >= dt.date(1900, 1, 1)
    edit.setDate(QDate(2100, 12, 31))  # the horizon itself is a valid date
    assert to_date(edit.date()) == dt.date(2100, 12, 31)


@pytest.mark.parametrize("text", ["01/01/2999", "9999-12-31", "31.12.1899"])
def test_typed_date_text_outside_the_horizon_is_refused_with_the_range(text):
    with pytest.raises(DateOutOfRange) as err:
        parse_date(text)
    msg = err.value.error("birth_date").message("id")
    assert "1900" in msg and "2100" in msg
    assert parse_date("23/11/2026") == dt.date(2026, 11, 23)


def test_every_date_field_of_every_page_and_dialog_is_bounded(window, demo_db, make_ctx, qtbot):
    seen = 0
    for key in PAGE_KEYS:
        page = window.go(key)
        QApplication.processEvents()
        for tabs in page.findChildren(QTabWidget):
            for i in range(tabs.count()):
                tabs.setCurrentIndex(i)
                QApplication.processEvents()
        seen += _bounded(window, key)
    for name, build in _factories(make_ctx(demo_db)).items():
        dlg = build()
        qtbot.addWidget(dlg)
        seen += _bounded(dlg, name)
        dlg.close()
    assert seen > 20  # the walk found the app's date fields

"""Keyboard-first entry: the group meeting grid as a spreadsheet, a deposit, a loan from
application to repayment and a member search, driven by keys only (no mouse)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QLineEdit
from sqlalchemy import func, select

from koperasi.db.models import JournalEntry
from koperasi.services import groups as groups_service
from koperasi.services.uow import read_only

K = Qt.Key
CTRL = Qt.KeyboardModifier.ControlModifier


def _entries(db) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return s.scalar(select(func.count()).select_from(JournalEntry))


def _editor(table) -> QLineEdit:  # type: ignore[no-untyped-def]
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editors, "typing opened the cell's editor"
    return editors[-1]


def _type_cell(qtbot, table, text: str) -> QLineEdit:  # type: ignore[no-untyped-def]
    """Type into the current cell as a user does: the first key opens the editor (which
    takes the focus), the rest go into it."""
    qtbot.keyClicks(table, text[0])
    editor = _editor(table)
    qtbot.keyClicks(editor, text[1:])
    return editor


def _meeting(demo_db, make_ctx, qtbot):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.meeting import GroupMeetingDialog

    group = groups_service.list_groups(demo_db)[0]
    dlg = GroupMeetingDialog(make_ctx(demo_db), group.code, group.name)
    qtbot.addWidget(dlg)
    dlg.show()
    qtbot.waitExposed(dlg)
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    assert len(dlg.model.lines) >= 3
    return dlg


def test_meeting_grid_is_a_spreadsheet(demo_db, make_ctx, qtbot, answers, asked):
    dlg = _meeting(demo_db, make_ctx, qtbot)
    table, model = dlg.table, dlg.model
    # focus opens in the first amount cell, not in the date
    assert dlg.focusWidget() is table
    assert (table.currentIndex().row(), table.currentIndex().column()) == (0, 8)
    date_before = dlg.meeting_date()
    entries = _entries(demo_db)

    # typing starts editing; Enter commits and moves down a row (same column)
    qtbot.keyClick(_type_cell(qtbot, table, "25000"), K.Key_Return)
    assert model.lines[0].amount("wajib") == 25_000
    assert (table.currentIndex().row(), table.currentIndex().column()) == (1, 8)
    # Enter twice: still nothing posted, no question asked, the dialog stays open
    qtbot.keyClick(table, K.Key_Return)
    assert table.currentIndex().row() == 2
    qtbot.keyClick(table, K.Key_Return)
    assert not asked and dlg.isVisible() and _entries(demo_db) == entries
    assert dlg.meeting_date() == date_before
    # arrows move between cells; Down in an editor commits and moves down
    qtbot.keyClick(table, K.Key_Up)
    qtbot.keyClick(table, K.Key_Right)
    assert (table.currentIndex().row(), table.currentIndex().column()) == (2, 9)
    qtbot.keyClick(_type_cell(qtbot, table, "10.000"), K.Key_Down)
    assert model.lines[2].amount("sukarela") == 10_000
    assert table.currentIndex().row() == 3

    # Ctrl+Enter asks first, showing the totals; "no" posts nothing
    answers.append(False)
    qtbot.keyClick(table, K.Key_Return, CTRL)
    assert len(asked) == 1
    text = asked[0][1]
    assert "Rp25.000" in text and "Rp10.000" in text and "Rp35.000" in text
    assert _entries(demo_db) == entries and dlg.isVisible()

    # a date change blocks posting until the dues are loaded again
    dlg.dateEdit.setFocus()
    qtbot.keyClick(dlg.dateEdit, K.Key_Down)  # the day before
    assert dlg.stale() and not dlg.postButton.isEnabled() and dlg.staleLabel.isVisible()
    qtbot.keyClick(dlg.dateEdit, K.Key_Return, CTRL)
    assert len(asked) == 1 and "Muat tagihan" in dlg.general.text()
    qtbot.keyClick(dlg.dateEdit, K.Key_Up)  # back to the loaded date
    assert not dlg.stale() and dlg.postButton.isEnabled()

    # Ctrl+Enter from inside an editor commits the cell, asks, then posts
    table.setFocus()
    table.move_to(3, 9)
    editor = _type_cell(qtbot, table, "10000")
    answers.append(True)
    qtbot.keyClick(editor, K.Key_Return, CTRL)
    assert len(asked) == 2 and "Rp45.000" in asked[1][1]
    assert dlg.result is not None and not dlg.isVisible(), dlg.general.text()
    assert dlg.result.date == date_before
    assert dlg.result.total == 45_000
    assert _entries(demo_db) > entries


def test_meeting_date_change_reloads_when_nothing_typed(demo_db, make_ctx, qtbot):
    dlg = _meeting(demo_db, make_ctx, qtbot)
    dlg.dateEdit.setFocus()
    before = dlg.meeting_date()
    qtbot.keyClick(dlg.dateEdit, K.Key_Down)
    assert dlg.stale()
    # once the date settles, its dues load (nothing was typed, nothing is lost)
    qtbot.waitUntil(lambda: not dlg.stale(), timeout=3000)
    assert not dlg.stale() and dlg.loaded_date == before - dt.timedelta(days=1)


def test_member_search_by_keyboard(window, qtbot):
    from uihelpers import open_dialog

    from koperasi.ui.pages.members import MemberDetailDialog

    win = window
    win.activateWindow()
    qtbot.waitUntil(win.isActiveWindow)
    qtbot.keyClick(win, Qt.Key.Key_F, CTRL)  # Ctrl+F: the search box of Anggota
    page = win.members
    assert win.current_key() == "members" and page.searchEdit.hasFocus()
    some = page.model.rows[3]
    surname = some.name.split()[-1]
    qtbot.keyClicks(page.searchEdit, surname)
    # Down goes into the results (the search runs first), on the first member found
    qtbot.keyClick(page.searchEdit, K.Key_Down)
    assert page.table.hasFocus()
    assert all(surname.lower() in r.name.lower() for r in page.model.rows)
    assert page.selected_member() == page.model.rows[0]
    qtbot.keyClick(page.table, K.Key_Down)
    expected = page.model.rows[1] if page.model.rowCount() > 1 else page.model.rows[0]
    assert page.selected_member() == expected
    qtbot.keyClick(page.table, K.Key_Return)  # Enter opens the member
    dlg = open_dialog(MemberDetailDialog)
    assert expected.number in dlg.windowTitle() or dlg.number == expected.number
    dlg.close()
    # a search that finds one member opens it on Enter
    qtbot.keyClick(win, Qt.Key.Key_F, CTRL)
    qtbot.keyClicks(page.searchEdit, some.number)
    qtbot.keyClick(page.searchEdit, K.Key_Return)
    dlg = open_dialog(MemberDetailDialog)
    assert dlg.number == some.number
    dlg.close()

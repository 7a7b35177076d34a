"""Helpers for the desktop app tests."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard

from koperasi.services import members as members_service
from koperasi.services.loans import views as loan_views

TODAY = dt.date(2026, 10, 31)  # the demo fixture's as_of
LEFT = Qt.MouseButton.LeftButton


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


def click_nav(qtbot, win, key: str) -> None:  # type: ignore[no-untyped-def]
    from koperasi.ui.main_window import PAGE_KEYS

    item = win.nav.item(PAGE_KEYS.index(key))
    qtbot.mouseClick(win.nav.viewport(), LEFT, pos=win.nav.visualItemRect(item).center())
    assert win.stack.currentWidget() is win.pages[key]


def type_into(qtbot, widget, text: str) -> None:  # type: ignore[no-untyped-def]
    widget.setFocus()
    widget.selectAll()
    qtbot.keyClick(widget, Qt.Key.Key_Backspace)
    qtbot.keyClicks(widget, text)


def create_cooperative(qtbot, controller, tmp_path):  # type: ignore[no-untyped-def]
    controller.start()
    welcome = controller.welcome
    assert welcome is not None and welcome.isVisible()
    qtbot.mouseClick(welcome.ui.newCoopButton, LEFT)
    wiz = controller.wizard
    qtbot.waitExposed(wiz)
    profile = wiz.profilePage.editor.ui
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    assert not next_button.isEnabled(), "a cooperative needs a name"
    qtbot.keyClicks(profile.coopNameEdit, "KSP Maju Bersama")
    qtbot.keyClicks(profile.legalNumberEdit, "AHU-0000001.AH.01.26.2026")
    qtbot.keyClicks(profile.coopAddressEdit, "Jl. Mulawarman No. 1, Manggar")
    qtbot.keyClicks(profile.treasurerEdit, "Sri Wahyuni")
    qtbot.keyClicks(profile.supervisorEdit, "H. Muhammad Arsyad")
    assert next_button.isEnabled()
    qtbot.mouseClick(next_button, LEFT)
    rules = wiz.rulesPage.editor.ui
    type_into(qtbot, rules.pokokEdit, "250000")
    type_into(qtbot, rules.wajibEdit, "Rp 25.000")
    type_into(qtbot, rules.sukarelaMinEdit, "abc")
    qtbot.mouseClick(next_button, LEFT)
    assert wiz.currentPage() is wiz.rulesPage, "a wrong amount keeps the page"
    assert wiz.rulesPage.editor.errors.message("min_balance")
    type_into(qtbot, rules.sukarelaMinEdit, "Rp10.000")
    qtbot.mouseClick(next_button, LEFT)
    # the first loan product: a wrong rate keeps the page and says so
    loan = wiz.loanPage
    assert wiz.currentPage() is loan
    type_into(qtbot, loan.rateEdit, "satu")
    qtbot.mouseClick(next_button, LEFT)
    assert wiz.currentPage() is loan and loan.error.text()
    type_into(qtbot, loan.rateEdit, "1,5")
    type_into(qtbot, loan.maxAmountEdit, "Rp 10.000.000")
    qtbot.mouseClick(next_button, LEFT)
    assert wiz.currentPage() is wiz.locationPage
    type_into(qtbot, wiz.locationPage.locationEdit, str(tmp_path / "maju.db"))
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), LEFT)
    win = controller.window
    assert win is not None
    qtbot.waitExposed(win)
    qtbot.waitUntil(win.isActiveWindow)
    return win


def member_without_open_loan(db) -> str:  # type: ignore[no-untyped-def]
    """The number of an active member with no loan applied for, approved or running."""
    return next(
        m.number
        for m in members_service.list_members(db, status="aktif", limit=100)
        if not any(
            r.status in ("diajukan", "disetujui", "aktif")
            for r in loan_views.member_loans(db, m.number)
        )
    )

"""Keyboard-first entry: the group meeting grid as a spreadsheet, a deposit, a loan from
application to repayment and a member search, driven by keys only (no mouse)."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication, QLineEdit
from sqlalchemy import func, select

from koperasi.db.models import JournalEntry
from koperasi.domain.money import format_rupiah
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
    assert dlg.meeting_result is not None and not dlg.isVisible(), dlg.general.text()
    assert dlg.meeting_result.date == date_before
    assert dlg.meeting_result.total == 45_000
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

    from koperasi.ui.pages.member_detail import MemberDetailDialog

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


def _active(qtbot, widget) -> None:  # type: ignore[no-untyped-def]
    widget.activateWindow()
    qtbot.waitUntil(widget.isActiveWindow)


def _sukarela(db, number: str) -> int:  # type: ignore[no-untyped-def]
    from koperasi.services import savings_statements

    rows = savings_statements.member_balances(db, number)
    return next((r.balance for r in rows if r.product_code == "SUKARELA"), 0)


def test_deposit_by_keyboard(window, qtbot):
    from uihelpers import open_dialog

    from koperasi.ui.pages.savings import ReceiptDialog, SavingsTxDialog

    win, db = window, window.ctx.db
    _active(qtbot, win)
    number = win.members.model.rows[0].number if win.pages.is_built("members") else None
    number = number or "A00001"
    before = _sukarela(db, number)
    qtbot.keyClick(win, Qt.Key.Key_D, CTRL)  # Ctrl+D: Setor simpanan
    dlg = open_dialog(SavingsTxDialog)
    _active(qtbot, dlg)
    ui = dlg.ui
    assert dlg.focusWidget() is ui.memberEdit
    qtbot.keyClicks(ui.memberEdit, number)
    qtbot.keyClick(ui.memberEdit, K.Key_Tab)
    assert dlg.member_name, "leaving the number looks the member up"
    assert dlg.focusWidget() is ui.productCombo
    qtbot.keyClicks(ui.productCombo, "Simpanan Sukarela")  # type-ahead picks the product
    assert ui.productCombo.currentData() == "SUKARELA"
    qtbot.keyClick(ui.productCombo, K.Key_Tab)
    assert dlg.focusWidget() is ui.amountEdit
    qtbot.keyClicks(ui.amountEdit, "125.000")
    qtbot.keyClick(ui.amountEdit, K.Key_Return)  # Enter saves the form
    assert not dlg.isVisible()
    assert _sukarela(db, number) == before + 125_000
    receipt = open_dialog(ReceiptDialog)
    qtbot.keyClick(receipt, K.Key_Escape)
    assert not receipt.isVisible()


def _alt(qtbot, window, button) -> None:  # type: ignore[no-untyped-def]
    """Press the button by its Alt+letter (as shown underlined)."""
    from koperasi.ui import mnemonics

    QApplication.processEvents()  # the letters settle once the page shows
    letter = mnemonics.mnemonic(button.text())
    assert letter, f"{button.text()!r} has an Alt+letter"
    assert not mnemonics.collisions(window)
    key = getattr(Qt.Key, f"Key_{letter.upper()}")
    qtbot.keyClick(window, key, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)  # a button's Alt+letter clicks it after its press animation


def test_loan_from_application_to_repayment_by_keyboard(window, qtbot):
    from uihelpers import open_dialog

    from koperasi.services import members as members_service
    from koperasi.services.loans import views as loan_views
    from koperasi.ui.pages.loan_dialogs import DecisionDialog, DisburseDialog
    from koperasi.ui.pages.loan_payment_dialogs import RepaymentDialog
    from koperasi.ui.pages.loan_receipt import LoanReceiptDialog
    from koperasi.ui.pages.loan_wizard import LoanApplicationWizard

    win, db = window, window.ctx.db
    _active(qtbot, win)
    with_loans = {r.member_number for r in loan_views.list_loans(db, limit=1000)}
    member = next(
        m.number
        for m in members_service.list_members(db, limit=100)
        if m.number not in with_loans and m.status == "aktif"
    )
    qtbot.keyClick(win, Qt.Key.Key_5, CTRL)  # Ctrl+5: Pinjaman
    page = win.loans
    assert win.current_key() == "loans"
    page.statusFilter.setFocus()
    qtbot.keyClicks(page.statusFilter, "Aktif")  # the list shows active loans
    assert page.statusFilter.currentData() == "aktif"

    # ---- apply: Ctrl+L opens the wizard; Enter goes to the next step
    qtbot.keyClick(win, Qt.Key.Key_L, CTRL)
    wiz = open_dialog(LoanApplicationWizard)
    _active(qtbot, wiz)
    mp = wiz.memberPage
    qtbot.keyClicks(mp.memberEdit, member)
    qtbot.keyClick(mp.memberEdit, K.Key_Tab)
    assert mp.isComplete(), mp.errors.message("member")
    qtbot.keyClick(wiz.focusWidget(), K.Key_Return)
    terms = wiz.termsPage
    assert wiz.currentPage() is terms
    ui = terms.ui
    ui.amountEdit.setFocus()
    qtbot.keyClicks(ui.amountEdit, "2.000.000")
    qtbot.keyClicks(ui.purposeEdit, "Modal usaha")
    terms.update_preview()
    qtbot.keyClick(ui.purposeEdit, K.Key_Return)
    assert wiz.currentPage() is wiz.confirmPage
    qtbot.keyClick(wiz.focusWidget() or wiz, K.Key_Return)  # Selesai
    assert not wiz.isVisible()
    number = wiz.result_detail.number
    assert loan_views.get_loan(db, number).status == "diajukan"
    assert page.detail.detail.number == number

    # ---- approve by its Alt+letter; Enter confirms the dialog
    _active(qtbot, win)
    _alt(qtbot, win, page.approveButton)
    dec = open_dialog(DecisionDialog, "loanApproveDialog")
    _active(qtbot, dec)
    qtbot.keyClicks(dec.noteEdit, "Rapat pengurus")
    qtbot.keyClick(dec.noteEdit, K.Key_Return)
    assert not dec.isVisible()
    assert loan_views.get_loan(db, number).status == "disetujui"

    # ---- disburse: the dialog shows the net payout after fees
    _active(qtbot, win)
    _alt(qtbot, win, page.disburseButton)
    dis = open_dialog(DisburseDialog)
    _active(qtbot, dis)
    fee = dis.fee
    assert fee is not None and fee > 0, "the demo's product charges a fee"
    net = dis.netLabel.text()
    assert format_rupiah(2_000_000 - fee) in net and format_rupiah(fee) in net
    qtbot.keyClick(dis.focusWidget() or dis, K.Key_Return)
    assert not dis.isVisible()
    receipt = open_dialog(LoanReceiptDialog)
    qtbot.keyClick(receipt, K.Key_Escape)
    assert loan_views.get_loan(db, number).status == "aktif"

    # ---- repay with Ctrl+R; the list keeps its filter, reloaded once
    page.statusFilter.setCurrentIndex(page.statusFilter.findData("aktif"))
    assert page.select_loan(number)
    _active(qtbot, win)
    fetches = page.model.fetches
    qtbot.keyClick(win, Qt.Key.Key_R, CTRL)
    rep = open_dialog(RepaymentDialog)
    _active(qtbot, rep)
    assert rep.ui.loanEdit.text() == number
    rep.ui.amountEdit.setFocus()
    qtbot.keyClicks(rep.ui.amountEdit, "100.000")
    qtbot.keyClick(rep.ui.amountEdit, K.Key_Return)
    assert not rep.isVisible()
    detail = loan_views.get_loan(db, number)
    assert detail.transactions[0].kind == "angsuran" or any(
        t.kind == "angsuran" for t in detail.transactions
    )
    assert page.statusFilter.currentData() == "aktif", "the filter stays"
    assert page.selected_number() == number, "the selection stays"
    assert page.model.fetches - fetches == 1, "one reload per change"

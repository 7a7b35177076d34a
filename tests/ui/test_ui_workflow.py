"""A treasurer's first day, driven through the real windows with keyboard and mouse:
create the cooperative, a group, members, deposits, a refused withdrawal, a reversal,
and the dashboard numbers following along."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtCore import Qt
from uihelpers import (
    TODAY,
    click_nav,
    close_message_boxes,
    create_cooperative,
    open_dialog,
    type_into,
)

from koperasi.services import groups as groups_service
from koperasi.services import loan_products as loan_products_service
from koperasi.services import members as members_service
from koperasi.services import savings_products, savings_statements
from koperasi.services import settings as settings_service
from koperasi.ui.app import AppController
from koperasi.ui.pages.groups import GroupDialog
from koperasi.ui.pages.member_dialog import MemberDialog
from koperasi.ui.pages.savings import ReceiptDialog, ReverseDialog, SavingsTxDialog
from koperasi.ui.worker import SyncRunner

LEFT = Qt.MouseButton.LeftButton
CTRL = Qt.KeyboardModifier.ControlModifier


def test_treasurer_day_one(qtbot, tmp_path, ui_settings, answers):
    controller = AppController(
        ui_settings, "id", SyncRunner(), today=lambda: TODAY, demo_path=tmp_path / "demo.db"
    )
    win = create_cooperative(qtbot, controller, tmp_path)
    db = win.ctx.db
    assert "KSP Maju Bersama" in win.windowTitle()
    assert str(tmp_path / "maju.db") in win.dbLabel.text()
    assert "2026-10" in win.periodLabel.text()
    board = settings_service.get_profile(db)
    assert (board.treasurer, board.supervisor) == ("Sri Wahyuni", "H. Muhammad Arsyad")
    products = {p.kind: p for p in savings_products.list_products(db)}
    assert products["pokok"].fixed_amount == 250_000
    assert products["wajib"].fixed_amount == 25_000
    assert products["sukarela"].min_balance == 10_000
    (first_loan_product,) = loan_products_service.list_products(db)
    assert (first_loan_product.code, first_loan_product.rate) == ("UMUM", Decimal("1.5"))
    assert first_loan_product.max_amount == 10_000_000

    # the dashboard starts empty
    click_nav(qtbot, win, "dashboard")
    assert win.dashboard.cards["members"].value.text() == "0"

    # ---- a group, with the mouse and the keyboard
    click_nav(qtbot, win, "groups")
    qtbot.mouseClick(win.groups.newButton, LEFT)
    dlg = open_dialog(GroupDialog)
    qtbot.keyClicks(dlg.ui.codeEdit, "k01")
    qtbot.keyClicks(dlg.ui.nameEdit, "Kelompok Melati")
    dlg.ui.meetingDayCombo.setFocus()
    qtbot.keyClick(dlg.ui.meetingDayCombo, Qt.Key.Key_Down)  # Senin
    qtbot.keyClicks(dlg.ui.meetingPlaceEdit, "Rumah Bu Siti, RT 12")
    qtbot.mouseClick(dlg.ui.buttonBox.button(dlg.ui.buttonBox.StandardButton.Save), LEFT)
    assert not dlg.isVisible()
    assert [g.code for g in win.groups.model.rows] == ["K01"]
    assert win.groups.model.rows[0].meeting_day == 0

    # ---- a member through Ctrl+N, with validation as you type
    qtbot.keyClick(win, Qt.Key.Key_N, CTRL)
    assert win.stack.currentWidget() is win.members
    form = open_dialog(MemberDialog)
    ui = form.ui
    qtbot.keyClicks(ui.nameEdit, "Siti Aminah")
    qtbot.keyClicks(ui.nikEdit, "12345")
    assert form.errors.message("nik"), "the NIK is checked while typing"
    assert form.findChild(type(ui.numberLabel), "nikEditError").isVisibleTo(form)
    type_into(qtbot, ui.nikEdit, "6471045505850001")
    assert form.errors.message("nik") is None
    qtbot.keyClicks(ui.phoneEdit, "0812 3456 7890")
    qtbot.keyClicks(ui.birthDateEdit, "15/05/1985")
    qtbot.keyClicks(ui.kelurahanEdit, "Manggar")
    ui.groupCombo.setFocus()
    qtbot.keyClick(ui.groupCombo, Qt.Key.Key_Down)
    assert ui.groupCombo.currentData() == "K01"
    ui.categoriesList.setFocus()
    ui.categoriesList.setCurrentRow(0)
    qtbot.keyClick(ui.categoriesList.viewport(), Qt.Key.Key_Space)
    assert ui.categoriesList.item(0).checkState() == Qt.CheckState.Checked
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), LEFT)
    assert not form.isVisible()
    siti = members_service.get_member(db, "A00001")
    assert siti.name == "Siti Aminah" and siti.group_code == "K01"
    assert siti.phone == "081234567890" and siti.categories == ("pkk",)

    # ---- a second member: the duplicate NIK is named in place and nothing typed is lost
    qtbot.mouseClick(win.members.newButton, LEFT)
    form = open_dialog(MemberDialog)
    qtbot.keyClicks(form.ui.nameEdit, "Budi Santoso")
    form.ui.genderCombo.setCurrentIndex(1)
    qtbot.keyClicks(form.ui.nikEdit, "6471045505850001")
    qtbot.mouseClick(form.ui.buttonBox.button(form.ui.buttonBox.StandardButton.Save), LEFT)
    assert form.isVisible(), "a failed save leaves the form open"
    assert "NIK" in (form.errors.message("nik") or "")
    assert form.ui.nameEdit.text() == "Budi Santoso"
    type_into(qtbot, form.ui.nikEdit, "6471041505850002")
    qtbot.mouseClick(form.ui.buttonBox.button(form.ui.buttonBox.StandardButton.Save), LEFT)
    assert not form.isVisible()
    assert members_service.count_members(db) == 2
    assert win.members.model.rowCount() >= 1

    # ---- the group's leader
    click_nav(qtbot, win, "groups")
    win.groups.table.selectRow(0)
    win.groups.membersTable.selectRow(0)
    qtbot.mouseClick(win.groups.leaderButton, LEFT)
    assert groups_service.get_group(db, "K01").leader_number == "A00001"

    # ---- deposits with Ctrl+D for the selected member
    click_nav(qtbot, win, "members")
    win.members.searchEdit.clear()
    win.members.apply_search()
    win.members.table.selectRow(0)
    qtbot.keyClick(win, Qt.Key.Key_D, CTRL)
    dep = open_dialog(SavingsTxDialog, "depositDialog")
    assert dep.ui.memberEdit.text() == "A00001"
    assert "Siti Aminah" in dep.ui.memberNameLabel.text()
    dep.ui.productCombo.setCurrentIndex(dep.ui.productCombo.findData("POKOK"))
    assert dep.ui.amountEdit.value() == 250_000  # the product's fixed amount
    assert "Rp250.000" in dep.ui.balanceAfterLabel.text()
    qtbot.mouseClick(dep.ui.buttonBox.button(dep.ui.buttonBox.StandardButton.Ok), LEFT)
    receipt = open_dialog(ReceiptDialog)
    assert receipt.view.receipt_no.startswith("SMP-2026-")
    assert "dua ratus lima puluh ribu rupiah" in receipt.body.text()
    receipt.close()

    for product, typed, expected in (
        ("WAJIB", "Rp 25.000", 25_000),
        ("SUKARELA", "1.250.000", 1_250_000),
    ):
        qtbot.keyClick(win, Qt.Key.Key_D, CTRL)
        dep = open_dialog(SavingsTxDialog, "depositDialog")
        dep.ui.productCombo.setCurrentIndex(dep.ui.productCombo.findData(product))
        type_into(qtbot, dep.ui.amountEdit, typed)
        assert dep.ui.amountEdit.value() == expected
        qtbot.keyClick(dep.ui.amountEdit, Qt.Key.Key_Return)  # Enter saves
        assert not dep.isVisible(), (product, dep.errors.errors)
        open_dialog(ReceiptDialog).close()
    balances = {b.product_code: b.balance for b in savings_statements.member_balances(db, "A00001")}
    assert balances == {"POKOK": 250_000, "WAJIB": 25_000, "SUKARELA": 1_250_000}

    # ---- a withdrawal beyond the balance is refused in place, the form keeps the amount
    qtbot.keyClick(win, Qt.Key.Key_T, CTRL)
    wd = open_dialog(SavingsTxDialog, "withdrawDialog")
    assert wd.ui.productCombo.currentData() == "SUKARELA"
    type_into(qtbot, wd.ui.amountEdit, "Rp2.000.000")
    assert "-Rp750.000" in wd.ui.balanceAfterLabel.text()
    qtbot.mouseClick(wd.ui.buttonBox.button(wd.ui.buttonBox.StandardButton.Ok), LEFT)
    assert wd.isVisible()
    assert wd.errors.message("amount")
    assert wd.ui.amountEdit.text() == "Rp2.000.000"
    type_into(qtbot, wd.ui.amountEdit, "200.000")
    qtbot.mouseClick(wd.ui.buttonBox.button(wd.ui.buttonBox.StandardButton.Ok), LEFT)
    assert not wd.isVisible()
    open_dialog(ReceiptDialog).close()

    # ---- reverse the withdrawal from the Simpanan page
    click_nav(qtbot, win, "savings")
    qtbot.keyClicks(win.savings.memberEdit, "A00001")
    win.savings.refresh()
    assert win.savings.balancesModel.rowCount() == 3
    first = win.savings.activityModel.rows[0]
    assert first.kind == "tarik" and first.amount == -200_000
    win.savings.activityTable.selectRow(0)
    qtbot.mouseClick(win.savings.reverseButton, LEFT)
    rev = open_dialog(ReverseDialog)
    qtbot.mouseClick(rev.findChild(type(win.savings.reverseButton), "confirmReverseButton"), LEFT)
    assert rev.isVisible() and rev.errors.message("reason"), "a reversal needs a reason"
    qtbot.keyClicks(rev.reasonEdit, "salah ketik jumlah")
    qtbot.mouseClick(rev.findChild(type(win.savings.reverseButton), "confirmReverseButton"), LEFT)
    assert not rev.isVisible()
    balances = {b.product_code: b.balance for b in savings_statements.member_balances(db, "A00001")}
    assert balances["SUKARELA"] == 1_250_000
    assert win.savings.activityModel.rows[0].kind == "koreksi"
    assert win.savings.activityModel.rows[1].reversed

    # ---- the dashboard has followed
    click_nav(qtbot, win, "dashboard")
    cards = win.dashboard.cards
    assert cards["members"].value.text() == "2"
    assert "1 perempuan · 1 laki-laki" in cards["members"].detail.text()
    assert cards["savings"].value.text() == "Rp1.525.000"
    assert cards["cash"].value.text() == "Rp1.525.000"
    qtbot.mouseClick(cards["members"], LEFT)
    assert win.stack.currentWidget() is win.members
    assert win.members.statusFilter.currentData() == "aktif"
    close_message_boxes(qtbot)
    win.close()

"""Simpanan › Simpanan berjangka: a product through its dialog, a placement from sukarela (a
wrong amount named in place, nothing written), the withdrawal dialog showing the penalty
before it pays, the instruction, the bilyet, and the roles (a pengawas reads without the
buttons; a ketua kelompok sees only their groups' deposits)."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
from decimal import Decimal

from helpers import member_input
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from koperasi.db.database import open_database
from koperasi.services import members, savings
from koperasi.services import time_deposit_products as td_products
from koperasi.services import time_deposit_reads as td_reads
from koperasi.services import time_deposit_runs as td_runs
from koperasi.services import time_deposits as td
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.ui.pages.savings import SavingsPage
from koperasi.ui.pages.time_deposit_dialogs import (
    InstructionDialog,
    PlaceDepositDialog,
    ProductsDialog,
    WithdrawDepositDialog,
)
from koperasi.ui.widgets import to_qdate

D = dt.date


def _db(tmp_path):
    db = open_database(tmp_path / "k.db")
    m = members.register_member(db, SYSTEM, member_input())
    savings.deposit(
        db, SYSTEM, m.number, "SUKARELA", 15_000_000, D(2025, 1, 10), confirm_large=True
    )
    return db, m.number


def test_time_deposits_tab_workflow(tmp_path, make_ctx, qtbot, qtmodeltester, monkeypatch):
    db, number = _db(tmp_path)
    ctx = make_ctx(db, today=D(2025, 3, 15))
    page = SavingsPage(ctx)
    qtbot.addWidget(page)
    page.memberEdit.setText(number)
    page.refresh()
    tab = page.timeDeposits
    assert page.tabs.indexOf(tab) == 1 and tab.placeButton.isVisibleTo(tab)
    # a product
    prod = tab.products()
    assert isinstance(prod, ProductsDialog)
    prod.codeEdit.setText("b12")
    prod.nameEdit.setText("Berjangka 12 bulan")
    prod.termSpin.setValue(12)
    prod.rateEdit.setText("6,5")
    prod.payoutCombo.setCurrentIndex(prod.payoutCombo.findData("jatuh_tempo"))
    prod.minEdit.setText("5.000.000")
    prod.penaltyEdit.setText("abc")  # named in place
    prod.save()
    assert "Persentase denda" in prod.errors.message("penalty_percent")
    prod.penaltyEdit.setText("1")
    prod.save()
    assert [p.code for p in prod.model.rows] == ["B12"]
    assert prod.model.rows[0].rate_pa == Decimal("6.5")
    qtmodeltester.check(prod.model)
    prod.close()
    # a placement below the minimum is refused in place; then one from sukarela
    dlg = tab.place()
    assert isinstance(dlg, PlaceDepositDialog) and dlg.memberEdit.text() == number
    dlg.amountEdit.setText("1.000.000")
    dlg.dateEdit.setDate(to_qdate(D(2025, 1, 20)))
    dlg.sourceCombo.setCurrentIndex(dlg.sourceCombo.findData("sukarela"))
    dlg.save()
    assert "Rp5.000.000" in dlg.errors.message("amount")
    assert td_reads.list_deposits(db) == []
    dlg.amountEdit.setText("12.000.000")
    assert "20/01/2026" in dlg.preview.text() and "Rp65.000" in dlg.preview.text()
    dlg.save()
    assert dlg.result_view is not None and dlg.result_view.principal == 12_000_000
    assert len(tab.model.rows) == 1 and "Rp12.000.000" in tab.summary.text()
    qtmodeltester.check(tab.model)
    td_runs.run_month(db, SYSTEM, 2025, 2, today=D(2025, 3, 15))
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    # the instruction
    ins = tab.instruction_selected()
    assert isinstance(ins, InstructionDialog)
    ins.instructionCombo.setCurrentIndex(ins.instructionCombo.findData("sukarela"))
    ins.save()
    assert td_reads.get_deposit(db, dlg.result_view.number).instruction == "sukarela"
    # the bilyet
    out = tmp_path / "bilyet.pdf"
    tab.table.setCurrentIndex(tab.model.index(0, 0))  # the list was read again
    # by its button: the path is the one chosen in the save dialog
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (str(out), ""))
    qtbot.mouseClick(tab.certificateButton, Qt.MouseButton.LeftButton)
    assert tab.last_certificate == out and out.stat().st_size > 1000
    if os.environ.get("KOPERASI_UI_SHOT"):
        page.resize(1366, 705)
        page.tabs.setCurrentWidget(tab)
        page.grab().save(os.environ["KOPERASI_UI_SHOT"])
    # a placement made by mistake is cancelled (a reversal) while it has earned nothing
    mistake = td.place(db, SYSTEM, number, "B12", 5_000_000, D(2025, 3, 14))
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(1, 0))
    assert tab.selected().number == mistake.number
    rev = tab.cancel_selected()
    rev.reasonEdit.setText("salah anggota")
    rev.confirm()
    assert td_reads.get_deposit(db, mistake.number).status == "batal"
    assert [r.number for r in tab.model.rows] == [dlg.result_view.number]
    # the withdrawal shows the penalty and the forfeited interest before it pays
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    wd = tab.withdraw_selected()
    assert isinstance(wd, WithdrawDepositDialog)
    wd.dateEdit.setDate(to_qdate(D(2025, 3, 14)))
    wd.update_quote()
    # penalty 1 % of 12.000.000; February's 65.000 accrued is forfeited
    assert "Rp120.000" in wd.quoteLabel.text() and "Rp65.000" in wd.quoteLabel.text()
    assert "Rp11.880.000" in wd.quoteLabel.text()
    if os.environ.get("KOPERASI_UI_SHOT_DIALOG"):
        wd.show()
        wd.grab().save(os.environ["KOPERASI_UI_SHOT_DIALOG"])
    wd.toCombo.setCurrentIndex(wd.toCombo.findData("sukarela"))
    wd.save()
    assert wd.result_ is not None and wd.result_.paid_out == 11_880_000
    assert tab.model.rows == []
    tab.allCheck.setChecked(True)
    assert sorted(r.status for r in tab.model.rows) == ["batal", "cair_awal"]


def test_time_deposits_tab_roles(tmp_path, make_ctx, qtbot):
    db, number = _db(tmp_path)
    td_products.save_product(db, SYSTEM, td.ProductInput("B3", "Berjangka 3 bulan", 3, Decimal(5)))
    td.place(db, SYSTEM, number, "B3", 2_000_000, D(2025, 2, 1))
    ctx = dataclasses.replace(
        make_ctx(db, today=D(2025, 3, 15)), actor=Actor("awas", Role.PENGAWAS)
    )
    page = SavingsPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    tab = page.timeDeposits
    assert len(tab.model.rows) == 1
    for b in (tab.placeButton, tab.withdrawButton, tab.instructionButton, tab.productsButton):
        assert not b.isVisibleTo(tab)
    assert tab.certificateButton.isVisibleTo(tab) and tab.maturityButton.isVisibleTo(tab)
    ketua = dataclasses.replace(ctx, actor=Actor("k", Role.KETUA, frozenset({12345})))
    page2 = SavingsPage(ketua)
    qtbot.addWidget(page2)
    page2.refresh()
    assert page2.timeDeposits.model.rows == []
    assert not page2.timeDeposits.maturityButton.isVisibleTo(page2.timeDeposits)


def test_place_by_keyboard(tmp_path, make_ctx, qtbot):
    """Alt+M on the tab opens the placement; the amount typed, Enter saves."""
    from PySide6.QtCore import Qt

    db, number = _db(tmp_path)
    td_products.save_product(db, SYSTEM, td.ProductInput("B3", "Berjangka 3 bulan", 3, Decimal(5)))
    ctx = make_ctx(db, today=D(2025, 3, 15))
    page = SavingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 705)
    page.show()
    qtbot.waitExposed(page)
    page.activateWindow()
    qtbot.waitUntil(page.isActiveWindow)
    page.memberEdit.setText(number)
    page.refresh()
    page.tabs.setFocus()
    qtbot.keyClick(page.tabs, Qt.Key.Key_Tab, Qt.KeyboardModifier.ControlModifier)
    assert page.tabs.currentWidget() is page.timeDeposits
    from koperasi.ui import mnemonics

    assert not mnemonics.collisions(page)
    qtbot.keyClick(page, Qt.Key.Key_M, Qt.KeyboardModifier.AltModifier)
    qtbot.wait(250)  # a button's Alt+letter clicks it after its press animation
    [dlg] = [w for w in page.timeDeposits.findChildren(PlaceDepositDialog) if w.isVisible()]
    dlg.activateWindow()
    qtbot.waitUntil(dlg.isActiveWindow)
    assert dlg.focusWidget() is dlg.amountEdit
    qtbot.keyClicks(dlg.amountEdit, "2.500.000")
    qtbot.keyClick(dlg.amountEdit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: dlg.result_view is not None, timeout=3000)
    assert [r.principal for r in page.timeDeposits.model.rows] == [2_500_000]


def test_large_placement_is_asked_about(tmp_path, make_ctx, qtbot, monkeypatch):
    """Issue 17: a placement above the time-deposit ceiling (Rp500.000.000) asks like the
    other large amounts (default Batal): Batal places nothing and leaves the form with the
    message; yes places it. A usual deposit (above the savings floor) is not asked about."""
    from uihelpers import type_into

    from koperasi.ui import dialogs

    asked: list[str] = []
    answers: list[bool] = []

    def confirm_large_amount(parent, message):  # type: ignore[no-untyped-def]
        asked.append(message)
        return answers.pop(0)

    monkeypatch.setattr(dialogs, "confirm_large_amount", confirm_large_amount)
    db, number = _db(tmp_path)
    td_products.save_product(
        db, SYSTEM, td.ProductInput("B12", "Berjangka 12 bulan", 12, Decimal(6))
    )
    ctx = make_ctx(db, today=D(2025, 3, 15))

    def place(amount: str) -> PlaceDepositDialog:
        dlg = PlaceDepositDialog(ctx, number)
        qtbot.addWidget(dlg)
        dlg.show()
        type_into(qtbot, dlg.amountEdit, amount)
        dlg.save()
        return dlg

    dlg = place("50.000.000")  # 5 x the savings floor: no question for a deposit
    assert asked == [] and dlg.result_view is not None
    answers.append(False)
    dlg = place("800.000.000")
    assert len(asked) == 1
    assert "Rp800.000.000" in asked[0] and "Rp500.000.000" in asked[0]
    assert "penempatan simpanan berjangka" in asked[0]
    assert dlg.isVisible() and dlg.result_view is None
    assert "Rp800.000.000" in dlg.errors.errors["amount"]
    assert [r.principal for r in td_reads.list_deposits(db)] == [50_000_000]
    answers.append(True)
    dlg.save()
    assert len(asked) == 2 and dlg.result_view is not None and not dlg.isVisible()
    assert sorted(r.principal for r in td_reads.list_deposits(db)) == [50_000_000, 800_000_000]

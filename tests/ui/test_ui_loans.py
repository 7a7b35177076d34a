"""A loan's life and a group meeting, driven through the real windows: apply in the wizard
(the schedule preview follows the terms), approve, disburse, take the meeting's payments in
one grid, reverse one, and the dashboard follows along. Plus the smaller loan screens."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QDialogButtonBox, QLineEdit, QPushButton, QWizard
from uihelpers import (
    LEFT,
    TODAY,
    click_nav,
    close_message_boxes,
    create_cooperative,
    member_without_open_loan,
    open_dialog,
    type_into,
)

from koperasi.domain.money import format_rupiah
from koperasi.services import check as check_service
from koperasi.services import groups as groups_service
from koperasi.services import members as members_service
from koperasi.services import savings as savings_service
from koperasi.services import savings_statements, ui_queries
from koperasi.services.auth import SYSTEM
from koperasi.services.groups import GroupInput
from koperasi.services.loans import views as loan_views
from koperasi.services.members import MemberInput
from koperasi.ui.app import AppController
from koperasi.ui.pages.loan_dialogs import DecisionDialog, DisburseDialog
from koperasi.ui.pages.loan_payment_dialogs import PayoffDialog, RepaymentDialog
from koperasi.ui.pages.loan_products import LoanProductDialog, LoanProductsDialog
from koperasi.ui.pages.loan_receipt import LoanReceiptDialog
from koperasi.ui.pages.loan_wizard import LoanApplicationWizard
from koperasi.ui.pages.meeting import GroupMeetingDialog, MeetingReceiptsDialog
from koperasi.ui.pages.savings import ReverseDialog
from koperasi.ui.worker import SyncRunner

CTRL = Qt.KeyboardModifier.ControlModifier


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def ok_button(dialog) -> QPushButton:  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


def type_in_cell(qtbot, table, index, text: str) -> None:  # type: ignore[no-untyped-def]
    """F2 on the cell opens its editor; type, then Enter commits (as a treasurer does)."""
    table.setCurrentIndex(index)
    table.setFocus()
    qtbot.keyClick(table, Qt.Key.Key_F2)
    editors = [w for w in table.viewport().findChildren(QLineEdit) if w.isVisible()]
    assert editors, "F2 opens the cell's editor"
    editor = editors[-1]
    editor.selectAll()
    qtbot.keyClicks(editor, text)
    qtbot.keyClick(editor, Qt.Key.Key_Return)
    # the delegate commits on a queued call
    qtbot.waitUntil(lambda: table.state() == table.State.NoState)


def cash(db) -> int:  # type: ignore[no-untyped-def]
    return ui_queries.dashboard(db, TODAY).cash


def test_loan_life_and_group_meeting(qtbot, tmp_path, ui_settings, answers):
    controller = AppController(
        ui_settings, "id", SyncRunner(), today=lambda: TODAY, demo_path=tmp_path / "demo.db"
    )
    win = create_cooperative(qtbot, controller, tmp_path)
    db = win.ctx.db
    # the group and its members (their screens are driven in test_ui_workflow)
    groups_service.create_group(db, SYSTEM, GroupInput("K01", "Kelompok Melati", meeting_day=0))
    for name, nik, gender in (
        ("Siti Aminah", "6471045505850001", "P"),
        ("Budi Santoso", "6471041505850002", "L"),
    ):
        members_service.register_member(
            db,
            SYSTEM,
            MemberInput(name, nik, gender, dt.date(2026, 1, 5), group_code="K01"),
        )
    for number in ("A00001", "A00002"):
        savings_service.deposit(db, SYSTEM, number, "POKOK", 250_000, dt.date(2026, 1, 5))
    savings_service.deposit(db, SYSTEM, "A00002", "SUKARELA", 4_000_000, dt.date(2026, 1, 5))
    win.ctx.bus.changed.emit({"members", "groups", "savings", "ledger"})  # as the screens do

    # ---- the dashboard before any loan
    click_nav(qtbot, win, "dashboard")
    cards = win.dashboard.cards
    assert cards["loans"].value.text() == "Rp0"
    cash_before = cash(db)
    assert cards["cash"].value.text() == format_rupiah(cash_before) == "Rp4.500.000"

    # ---- apply through the wizard: the preview follows the terms
    click_nav(qtbot, win, "loans")
    page = win.loans
    qtbot.mouseClick(page.applyButton, LEFT)
    wiz = open_dialog(LoanApplicationWizard)
    member_page = wiz.memberPage
    next_button = wiz.button(QWizard.WizardButton.NextButton)
    qtbot.keyClicks(member_page.memberEdit, "A00009")
    member_page.lookup()
    assert member_page.errors.message("member"), "an unknown member is named in place"
    assert not next_button.isEnabled()
    type_into(qtbot, member_page.memberEdit, "A00001")
    member_page.lookup()
    assert "Siti Aminah" in member_page.memberInfo.text()
    assert member_page.productCombo.currentData() == "UMUM"
    qtbot.mouseClick(next_button, LEFT)
    terms = wiz.termsPage
    assert wiz.currentPage() is terms
    ui = terms.ui
    terms_ok = wiz.button(QWizard.WizardButton.NextButton)
    type_into(qtbot, ui.amountEdit, "50.000.000")
    terms.update_preview()
    assert "Rp10.000.000" in (terms.errors.message("amount") or ""), "over the product's maximum"
    assert not terms_ok.isEnabled()
    type_into(qtbot, ui.amountEdit, "Rp 3.000.000")
    ui.termSpin.setValue(6)
    ui.dateEdit.setDate(qdate(dt.date(2026, 9, 1)))
    terms.update_preview()
    assert terms.previewModel.rowCount() == 6
    first_due = terms.previewModel.rows[0].due_date
    assert first_due == dt.date(2026, 10, 1)
    six_interest = terms.schedule.total_interest
    ui.termSpin.setValue(10)
    terms.update_preview()
    assert terms.previewModel.rowCount() == 10, "the preview follows the term"
    assert terms.schedule.total_interest > six_interest
    ui.termSpin.setValue(6)
    terms.update_preview()
    assert not terms_ok.isEnabled(), "a loan needs a purpose"
    qtbot.keyClicks(ui.purposeEdit, "Modal warung sembako")
    assert terms_ok.isEnabled()
    qtbot.mouseClick(terms_ok, LEFT)
    assert wiz.currentPage() is wiz.confirmPage
    assert "Rp3.000.000" in wiz.confirmPage.summary.text()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), LEFT)
    assert not wiz.isVisible()
    number = wiz.result_detail.number
    assert loan_views.get_loan(db, number).status == "diajukan"
    assert page.selected_number() == number
    assert page.approveButton.isEnabled() and not page.disburseButton.isEnabled()

    # ---- approve, disburse
    qtbot.mouseClick(page.approveButton, LEFT)
    dec = open_dialog(DecisionDialog, "loanApproveDialog")
    dec.dateEdit.setDate(qdate(dt.date(2026, 9, 1)))
    qtbot.keyClicks(dec.noteEdit, "Rapat pengurus 1 September")
    qtbot.mouseClick(ok_button(dec), LEFT)
    assert not dec.isVisible()
    assert loan_views.get_loan(db, number).status == "disetujui"
    assert page.disburseButton.isEnabled()
    qtbot.mouseClick(page.disburseButton, LEFT)
    dis = open_dialog(DisburseDialog)
    dis.dateEdit.setDate(qdate(dt.date(2026, 9, 2)))
    qtbot.mouseClick(ok_button(dis), LEFT)
    receipt = open_dialog(LoanReceiptDialog)
    assert receipt.view.kind == "pencairan" and receipt.view.amount == 3_000_000
    receipt.close()
    detail = loan_views.get_loan(db, number)
    assert detail.status == "aktif" and detail.row.principal_outstanding == 3_000_000
    assert cash(db) == cash_before - 3_000_000
    assert page.detail.scheduleModel.rowCount() == 6

    # ---- the group meeting on Monday 26 October: dues, one grid, one posting
    click_nav(qtbot, win, "groups")
    win.groups.table.selectRow(0)
    qtbot.mouseClick(win.groups.meetingButton, LEFT)
    meet = open_dialog(GroupMeetingDialog)
    assert meet.meeting_date() == dt.date(2026, 10, 26), "this week's meeting day (Senin)"
    model = meet.model
    assert [line.dues.member_number for line in model.lines] == ["A00001", "A00002"]
    siti, budi = model.lines
    installment = detail.schedule[0].total
    assert siti.dues.installment_due == installment and siti.dues.arrears == installment
    assert siti.dues.wajib_due > 0
    qtbot.mouseClick(meet.fillButton, LEFT)
    assert siti.amount("loan") == installment
    # Budi also saves 50.000 sukarela, typed into the grid; a typo first
    cell = model.index(1, 9)
    type_in_cell(qtbot, meet.table, cell, "lima puluh")
    assert budi.texts.get("sukarela") == "lima puluh", (
        [ln.texts for ln in model.lines],
        meet.table.currentIndex().row(),
        meet.table.currentIndex().column(),
    )
    qtbot.mouseClick(ok_button(meet), LEFT)
    assert meet.isVisible()
    assert "Baris 2 (A00002)" in meet.general.text()
    assert loan_views.get_loan(db, number).row.principal_outstanding == 3_000_000
    type_in_cell(qtbot, meet.table, cell, "50.000")
    assert budi.amount("sukarela") == 50_000
    expected_total = siti.dues.wajib_due + installment + budi.dues.wajib_due + 50_000
    assert format_rupiah(expected_total) in meet.totalsLabel.text()
    cash_before_meeting = cash(db)
    qtbot.mouseClick(ok_button(meet), LEFT)
    assert not meet.isVisible()
    receipts = open_dialog(MeetingReceiptsDialog)
    assert len(receipts.meeting_result.receipts) == 2
    assert len({r.receipt_no for r in receipts.meeting_result.receipts}) == 2, "one receipt each"
    receipts.close()
    assert cash(db) == cash_before_meeting + expected_total
    paid = loan_views.get_loan(db, number)
    assert paid.row.principal_outstanding == 3_000_000 - detail.schedule[0].principal
    balances = {b.product_code: b.balance for b in savings_statements.member_balances(db, "A00002")}
    assert balances["SUKARELA"] == 4_050_000

    # ---- reverse the meeting's loan payment from the Pinjaman page
    click_nav(qtbot, win, "loans")
    assert page.select_loan(number)
    page.detail.tabs.setCurrentIndex(1)
    txs = page.detail.txModel.rows
    assert txs[0].kind == "angsuran"
    page.detail.txTable.selectRow(0)
    qtbot.mouseClick(page.reverseButton, LEFT)
    rev = open_dialog(ReverseDialog)
    qtbot.mouseClick(ok_button(rev), LEFT)
    assert rev.isVisible() and rev.errors.message("reason"), "a reversal needs a reason"
    qtbot.keyClicks(rev.reasonEdit, "angsuran tercatat dua kali")
    qtbot.mouseClick(ok_button(rev), LEFT)
    assert not rev.isVisible()
    again = loan_views.get_loan(db, number)
    assert again.row.principal_outstanding == 3_000_000
    assert cash(db) == cash_before_meeting + expected_total - installment
    assert page.detail.txModel.rows[0].kind == "koreksi"

    # ---- the dashboard followed: loans outstanding, and the loan is late again (the first
    # installment fell due on 2 October: 29 days late, so at risk but not yet PAR30)
    click_nav(qtbot, win, "dashboard")
    assert cards["loans"].value.text() == "Rp3.000.000"
    assert "1 pinjaman aktif" in cards["loans"].detail.text()
    assert cards["par30"].value.text() == "0,0 %"
    assert "1 pinjaman menunggak" in cards["par30"].detail.text()
    assert cards["cash"].value.text() == format_rupiah(cash(db))
    qtbot.mouseClick(cards["par30"], LEFT)
    assert win.stack.currentWidget() is page and page.tabs.currentWidget() is page.arrears
    assert [q.loan_number for q in page.arrears.lateModel.rows] == [number]
    assert page.arrears.lateModel.rows[0].dpd == 29
    assert "PAR1 100,00 %" in page.arrears.ratios.text()
    # a week later it is 36 days late: PAR30 takes the whole portfolio
    win.ctx.today = lambda: TODAY + dt.timedelta(days=7)
    win.dashboard.refresh()
    assert cards["par30"].value.text() == "100,0 %"
    assert check_service.run_checks(db).ok
    close_message_boxes(qtbot)
    win.close()


def test_repayment_dialog_shows_the_split_before_posting(window, qtbot):
    """Ctrl+R on a selected loan: the allocation is shown as the amount is typed; too much is
    refused in place; the posting matches the preview."""
    win = window
    db = win.ctx.db
    page = win.go("loans")
    page.statusFilter.setCurrentIndex(page.statusFilter.findData("aktif"))
    row = page.model.rows[0]
    page.table.selectRow(0)
    qtbot.keyClick(win, Qt.Key.Key_R, CTRL)
    dlg = open_dialog(RepaymentDialog)
    assert dlg.ui.loanEdit.text() == row.number
    dlg.update_preview()
    due = dlg.preview.due_now
    outstanding = dlg.preview.outstanding
    type_into(qtbot, dlg.ui.amountEdit, f"{outstanding + 1_000:,}".replace(",", "."))
    dlg.update_preview()
    assert dlg.errors.message("amount"), "more than everything owed is refused in place"
    qtbot.mouseClick(dlg.ui.excessCheck, LEFT)
    dlg.update_preview()
    assert dlg.errors.message("amount") is None
    assert dlg.preview.excess == 1_000
    qtbot.mouseClick(dlg.ui.excessCheck, LEFT)
    amount = min(outstanding, max(due, 100_000))
    type_into(qtbot, dlg.ui.amountEdit, str(amount))
    dlg.update_preview()
    preview = dlg.preview
    assert sum(a.amount for a in preview.allocations) == amount
    assert dlg.allocationModel.rowCount() == len(preview.allocations)
    assert "Sisa pokok setelah bayar" in dlg.ui.afterLabel.text()
    before = loan_views.get_loan(db, row.number).row.principal_outstanding
    qtbot.mouseClick(ok_button(dlg), LEFT)
    assert not dlg.isVisible()
    receipt = open_dialog(LoanReceiptDialog)
    assert receipt.view.principal == preview.component("principal")
    assert receipt.view.interest == preview.component("interest")
    receipt.close()
    after = loan_views.get_loan(db, row.number).row.principal_outstanding
    assert before - after == preview.component("principal")


def test_payoff_from_the_quote(window, qtbot):
    win = window
    db = win.ctx.db
    page = win.go("loans")
    page.statusFilter.setCurrentIndex(page.statusFilter.findData("aktif"))
    page.table.selectRow(0)
    number = page.selected_number()
    qtbot.mouseClick(page.payoffButton, LEFT)
    dlg = open_dialog(PayoffDialog)
    quote = dlg.quote
    assert quote is not None and quote.total > 0
    assert "Jumlah pelunasan" in dlg.quoteLabel.text()
    qtbot.mouseClick(ok_button(dlg), LEFT)
    receipt = open_dialog(LoanReceiptDialog)
    assert receipt.view.amount == quote.total
    receipt.close()
    assert loan_views.get_loan(db, number).status == "lunas"


def test_reject_needs_a_reason_and_products_are_validated(window, qtbot, answers):
    win = window
    db = win.ctx.db
    page = win.go("loans")
    # a new product: the form names the wrong field and keeps the input
    dlg = page.products()
    assert isinstance(dlg, LoanProductsDialog)
    count = dlg.model.rowCount()
    form = dlg.new()
    assert isinstance(form, LoanProductDialog)
    qtbot.keyClicks(form.ui.codeEdit, "musim")
    qtbot.keyClicks(form.ui.nameEdit, "Pinjaman Musim Tanam")
    type_into(qtbot, form.ui.rateEdit, "dua")
    form.save()
    assert form.isVisible() and form.errors.message("rate")
    type_into(qtbot, form.ui.rateEdit, "12")  # 12 % a month: asks first
    type_into(qtbot, form.ui.minAmountEdit, "1.000.000")
    type_into(qtbot, form.ui.maxAmountEdit, "500.000")
    form.save()
    assert form.errors.message("max_amount"), "maximum below minimum"
    type_into(qtbot, form.ui.maxAmountEdit, "5.000.000")
    answers.append(True)
    form.save()
    assert not form.isVisible()
    assert dlg.model.rowCount() == count + 1
    dlg.close()

    # an application refused without a reason stays open; with one it is refused
    member = member_without_open_loan(db)
    wiz = page.apply_loan(member)
    wiz.memberPage.productCombo.setCurrentIndex(wiz.memberPage.productCombo.findData("MUSIM"))
    wiz.next()
    type_into(qtbot, wiz.termsPage.ui.amountEdit, "1.000.000")
    qtbot.keyClicks(wiz.termsPage.ui.purposeEdit, "Bibit padi")
    wiz.termsPage.update_preview()
    wiz.next()
    wiz.accept()
    number = wiz.result_detail.number
    assert page.selected_number() == number
    rej = page.decide(False)
    qtbot.mouseClick(ok_button(rej), LEFT)
    assert rej.isVisible() and rej.errors.message("reason")
    qtbot.keyClicks(rej.noteEdit, "Agunan belum lengkap")
    qtbot.mouseClick(ok_button(rej), LEFT)
    assert not rej.isVisible()
    assert loan_views.get_loan(db, number).status == "ditolak"


def test_member_detail_shows_loans(window, qtbot):
    from koperasi.ui.pages.member_detail import MemberDetailDialog

    db = window.ctx.db
    row = loan_views.list_loans(db, status="aktif")[0]
    dlg = MemberDetailDialog(window.ctx, row.member_number, window)
    qtbot.addWidget(dlg)
    numbers = [r.number for r in dlg.loansModel.rows]
    assert row.number in numbers
    dlg.loansTable.selectRow(numbers.index(row.number))
    assert dlg.loanPanel.detail.number == row.number
    assert dlg.loanPanel.scheduleModel.rowCount() == len(dlg.loanPanel.detail.schedule)
    assert dlg.repayLoanButton.isEnabled()


def test_due_this_week_and_month_end(window, qtbot):
    win = window
    db = win.ctx.db
    page = win.go("loans", {"tab": "due"})
    assert page.tabs.currentWidget() is page.due
    rows = page.due.model.rows
    expected = ui_queries.loans_due_between(db, TODAY, TODAY + dt.timedelta(days=6))
    assert [r.loan_number for r in rows] == [r.loan_number for r in expected]
    assert sum(r.unpaid for r in rows) == ui_queries.dashboard(db, TODAY).loan_figures.due_this_week
    # early November: October (the demo's last month, left open for the treasurer) has ended
    # and is offered; November has not ended and is not
    win.ctx.today = lambda: dt.date(2026, 11, 5)
    dlg = page.month_end()
    assert dlg.period() == (2026, 10) and dlg.periodCombo.currentText() == "Oktober 2026"
    assert dlg.periodCombo.findText("November 2026") == -1  # a month not ended is not offered
    dlg.accept()
    texts = close_message_boxes(qtbot)
    result = page.last_month_end
    assert result.as_of == dt.date(2026, 10, 31)
    assert result.allowance_after == result.ppap_total
    assert any("PPAP" in t for t in texts)
    # run again: nothing changes
    dlg = page.month_end()
    dlg.accept()
    close_message_boxes(qtbot)
    again = page.last_month_end
    assert again.as_of == dt.date(2026, 10, 31) and again.change == 0, "idempotent"
    # a run for a month before the last one is refused (September is closed)
    dlg = page.month_end()
    assert dlg.select(2026, 9)
    dlg.accept()
    texts = close_message_boxes(qtbot)
    assert any("2026-09" in t or "31/10/2026" in t for t in texts)
    assert page.last_month_end is again
    assert check_service.run_checks(db).ok


def test_loan_rules_are_reachable_from_pengaturan(window, qtbot):
    page = window.go("settings")
    titles = [page.tabs.tabText(i) for i in range(page.tabs.count())]
    assert "Pinjaman" in titles
    page.tabs.setCurrentIndex(titles.index("Pinjaman"))
    qtbot.mouseClick(page.loanProductsButton, LEFT)
    dlg = open_dialog(LoanProductsDialog)
    codes = [p.code for p in dlg.model.rows]
    assert "UMUM" in codes
    dlg.table.selectRow(codes.index("UMUM"))
    form = dlg.edit()
    assert form.ui.codeEdit.text() == "UMUM" and form.ui.codeEdit.isReadOnly()
    form.reject()
    dlg.close()

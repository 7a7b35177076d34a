"""The loan steps that were only in the CLI, driven through the real windows on the demo
cooperative: restructure a running loan (the new schedule is previewed first), write off a
bad loan (its journal explained), take money back on it (with a receipt), and the warning
before a cash disbursement the till cannot cover. Buttons follow the loan's status and the
user's role."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox, QPushButton
from uihelpers import (
    LEFT,
    TODAY,
    close_message_boxes,
    member_without_open_loan,
    open_dialog,
    type_into,
)

from koperasi.domain.money import format_rupiah
from koperasi.services import check as check_service
from koperasi.services import ledger as ledger_service
from koperasi.services import loan_actions, trial_balances
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.services.ledger import Line
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import views as loan_views
from koperasi.services.loans import workout as loan_workout
from koperasi.ui.pages.loan_dialogs import DisburseDialog
from koperasi.ui.pages.loan_receipt import LoanReceiptDialog
from koperasi.ui.pages.loan_workout_dialogs import RecoveryDialog, RescheduleDialog, WriteOffDialog


def qdate(d: dt.date) -> QDate:
    return QDate(d.year, d.month, d.day)


def ok_button(dialog) -> QPushButton:  # type: ignore[no-untyped-def]
    box = dialog.findChild(QDialogButtonBox)
    return box.button(QDialogButtonBox.StandardButton.Ok)


def balance(db, code: str) -> int:  # type: ignore[no-untyped-def]
    """Natural-side balance of one account, everything posted (1.29 is a contra asset:
    negative while it holds an allowance)."""
    rows = trial_balances.trial_balance(db, dt.date(2100, 1, 1)).rows
    return next(r.balance for r in rows if r.code == code)


def select_active(page, quality: str | None = None):  # type: ignore[no-untyped-def]
    """Select the first active loan (of the given kolektibilitas) in the list."""
    page.statusFilter.setCurrentIndex(page.statusFilter.findData("aktif"))
    for i, r in enumerate(page.model.rows):
        if quality is None or r.quality_class == quality:
            page.table.selectRow(i)
            return r
    raise AssertionError(f"no active {quality} loan in the demo")


def test_reschedule_previews_the_new_schedule_then_replaces_it(window, qtbot, answers):
    win = window
    db = win.ctx.db
    page = win.go("loans")
    row = select_active(page, "macet")  # a loan in arrears: interest is carried over
    before = loan_views.get_loan(db, row.number)
    assert page.rescheduleButton.isVisible() and page.writeOffButton.isVisible()
    assert not page.recoverButton.isVisible(), "recovery is for written-off loans only"
    qtbot.mouseClick(page.rescheduleButton, LEFT)
    dlg = open_dialog(RescheduleDialog)
    ui = dlg.ui
    assert row.number in ui.infoLabel.text()
    assert format_rupiah(before.row.principal_outstanding) in ui.infoLabel.text()

    # a wrong rate is named in place, and no schedule is shown for it
    type_into(qtbot, ui.rateEdit, "dua")
    dlg.update_preview()
    assert dlg.errors.message("rate") and dlg.preview is None
    assert dlg.previewModel.rowCount() == 0
    # a date before the last payment is refused by the service, next to the date
    last = max(t.date for t in before.transactions)
    ui.dateEdit.setDate(qdate(last - dt.timedelta(days=1)))
    type_into(qtbot, ui.rateEdit, "1,2")
    dlg.update_preview()
    assert dlg.errors.message("date"), "the service's date rule is shown on the date field"
    assert dlg.preview is None
    ui.dateEdit.setDate(qdate(TODAY))

    # the preview follows the term typed
    ui.termSpin.setFocus()
    ui.termSpin.selectAll()
    qtbot.keyClicks(ui.termSpin, "12")
    dlg.update_preview()
    assert dlg.errors.message("rate") is None and dlg.errors.message("date") is None
    assert dlg.previewModel.rowCount() == 12
    preview = dlg.preview
    assert preview.principal == before.row.principal_outstanding
    assert sum(r.principal for r in preview.rows) == preview.principal
    assert preview.carried_interest > 0, "a macet loan has interest due and unpaid"
    assert preview.rows[0].interest >= preview.carried_interest
    assert "masuk angsuran pertama" in ui.totalsLabel.text()

    # no reason: nothing is written
    qtbot.mouseClick(ok_button(dlg), LEFT)
    assert dlg.isVisible() and dlg.errors.message("reason")
    assert len(loan_views.get_loan(db, row.number).history) == len(before.history)
    qtbot.keyClicks(ui.reasonEdit, "Usaha anggota terdampak banjir; rapat pengurus 30/10")
    assert dlg.errors.message("reason") is None
    qtbot.mouseClick(ok_button(dlg), LEFT)
    assert not dlg.isVisible()

    after = loan_views.get_loan(db, row.number)
    assert after.status == "aktif"
    assert after.rate == Decimal("1.2")
    got = [(i.no, i.due_date, i.principal, i.interest, i.fee) for i in after.schedule]
    assert got == [(r.no, r.due_date, r.principal, r.interest, r.fee) for r in preview.rows], (
        "the schedule written is the one previewed"
    )
    assert len(after.history) == len(before.history) + len(before.schedule), "old rows kept"
    assert after.transactions[-1].kind == "restrukturisasi"
    assert "banjir" in after.transactions[-1].memo
    assert page.selected_number() == row.number
    assert page.detail.scheduleModel.rowCount() == 12
    assert check_service.run_checks(db).ok


def test_write_off_then_recover_with_receipt(window, qtbot, answers):
    win = window
    db = win.ctx.db
    page = win.go("loans")
    row = select_active(page, "macet")
    detail = loan_views.get_loan(db, row.number)
    principal = detail.row.principal_outstanding
    ppap = detail.ppap_booked
    assert principal > 0 and ppap > 0
    loans_before = balance(db, "1.20")
    allowance_before = balance(db, "1.29")
    expense_before = balance(db, "5.40")
    cash_before = balance(db, "1.01")

    qtbot.mouseClick(page.writeOffButton, LEFT)
    dlg = open_dialog(WriteOffDialog)
    summary = dlg.summaryLabel.text()
    assert format_rupiah(principal) in summary and format_rupiah(ppap) in summary
    assert "1.29 Penyisihan Penghapusan Pinjaman" in summary and "1.20" in summary
    assert "Macet" in summary
    # a date before the loan's last payment is named on the date field
    last = max(t.date for t in detail.transactions)
    dlg.dateEdit.setDate(qdate(last - dt.timedelta(days=1)))
    assert dlg.errors.message("date")
    dlg.dateEdit.setDate(qdate(TODAY))
    assert dlg.errors.message("date") is None
    # no reason: refused in place
    qtbot.mouseClick(ok_button(dlg), LEFT)
    assert dlg.isVisible() and dlg.errors.message("reason")
    qtbot.keyClicks(dlg.reasonEdit, "Anggota pindah tanpa alamat; rapat pengurus 31/10")
    # the treasurer says no when asked once more: nothing happens
    answers.append(False)
    qtbot.mouseClick(ok_button(dlg), LEFT)
    assert dlg.isVisible()
    assert loan_views.get_loan(db, row.number).status == "aktif"
    answers.append(True)
    qtbot.mouseClick(ok_button(dlg), LEFT)
    assert not dlg.isVisible()
    texts = close_message_boxes(qtbot)
    assert any(format_rupiah(principal) in t for t in texts)

    written = loan_views.get_loan(db, row.number)
    assert written.status == "dihapusbukukan" and written.written_off_on == TODAY
    assert written.row.principal_outstanding == 0 and written.ppap_booked == 0
    assert written.transactions[-1].kind == "hapus_buku"
    assert balance(db, "1.20") == loans_before - principal
    held = min(ppap, principal)
    # 1.29 is a contra asset: its natural-side balance is negative while it holds allowance
    assert balance(db, "1.29") == allowance_before + ppap
    assert balance(db, "5.40") == expense_before + (principal - held) - (ppap - held)
    assert balance(db, "1.01") == cash_before, "a write-off moves no cash"
    assert check_service.run_checks(db).ok

    # the page shows the loan again: only recovery applies now
    assert page.selected_number() == row.number
    assert not page.rescheduleButton.isVisible() and not page.writeOffButton.isVisible()
    assert page.recoverButton.isVisible()
    assert "dihapus buku" in page.detail.summary.text()

    income_before = balance(db, "4.90")
    qtbot.mouseClick(page.recoverButton, LEFT)
    rec = open_dialog(RecoveryDialog)
    assert format_rupiah(principal) in rec.statusLabel.text()
    type_into(qtbot, rec.amountEdit, format_rupiah(principal + 1))
    assert rec.errors.message("amount"), "more than was written off is refused as typed"
    qtbot.mouseClick(ok_button(rec), LEFT)
    assert rec.isVisible()
    type_into(qtbot, rec.amountEdit, "Rp 150.000")
    assert rec.errors.message("amount") is None
    assert "seratus lima puluh ribu" in rec.wordsLabel.text().lower()
    qtbot.keyClicks(rec.memoEdit, "dibayar kakak anggota")
    # dated before the write-off: the service's refusal is shown on the date
    rec.dateEdit.setDate(qdate(TODAY - dt.timedelta(days=1)))
    qtbot.mouseClick(ok_button(rec), LEFT)
    assert rec.isVisible() and rec.errors.message("date")
    assert loan_actions.recovery_status(db, row.number).recovered == 0
    rec.dateEdit.setDate(qdate(TODAY))
    assert rec.errors.message("date") is None
    for earlier in QApplication.topLevelWidgets():  # receipts of the tests before this one
        if isinstance(earlier, LoanReceiptDialog):
            earlier.close()
    qtbot.mouseClick(ok_button(rec), LEFT)
    assert not rec.isVisible()
    receipt = open_dialog(LoanReceiptDialog)
    assert receipt.view.kind == "pemulihan" and receipt.view.amount == 150_000
    assert receipt.view.receipt_no
    assert format_rupiah(principal - 150_000) in receipt.body.text()
    receipt.close()

    status = loan_actions.recovery_status(db, row.number)
    assert status.recovered == 150_000 and status.remaining == principal - 150_000
    assert balance(db, "1.01") == cash_before + 150_000
    assert balance(db, "4.90") == income_before + 150_000
    assert loan_views.get_loan(db, row.number).status == "dihapusbukukan"
    assert check_service.run_checks(db).ok


def approved_application(db):
    """An approved application of 1.000.000 from a member with no open loan."""
    member = member_without_open_loan(db)
    applied = loan_applications.apply(
        db,
        SYSTEM,
        loan_applications.ApplyInput(member, "UMUM", 1_000_000, 10, TODAY, "Modal jualan"),
    )
    loan_applications.approve(db, SYSTEM, applied.number, TODAY)
    return applied


def leave_in_till(db, amount: int) -> None:
    """Take the rest of the till to the bank: ``amount`` stays in the kas (1.01)."""
    out = balance(db, "1.01") - amount
    ledger_service.add_manual_entry(
        db,
        SYSTEM,
        TODAY,
        "Setor kas ke bank",
        [Line("1.02", debit=out), Line("1.01", credit=out)],
    )


def test_cash_disbursement_warns_when_the_till_is_short(window, qtbot, answers):
    win = window
    db = win.ctx.db
    applied = approved_application(db)
    # most of the till goes to the bank: 400.000 stays in the kas
    leave_in_till(db, 400_000)
    need = loan_actions.disbursement_cash(db, SYSTEM, applied.number, TODAY)
    assert need.cash_balance == 400_000 and need.short

    page = win.go("loans")
    page.reload()
    assert page.select_loan(applied.number)
    assert not page.rescheduleButton.isVisible() and not page.recoverButton.isVisible()
    qtbot.mouseClick(page.disburseButton, LEFT)
    dis = open_dialog(DisburseDialog)
    qtbot.mouseClick(ok_button(dis), LEFT)
    box = open_dialog(QMessageBox, "cashShortBox")
    assert (
        f"Saldo kas Rp400.000 tidak cukup untuk pencairan {format_rupiah(need.cash_out)}"
        in box.text()
    )
    cancel = box.findChild(QPushButton, "cancelDisburseButton")
    assert box.defaultButton() is cancel, "Batal is the default"
    qtbot.keyClick(box, Qt.Key.Key_Escape)
    assert not box.isVisible() and dis.isVisible(), "back to the disbursement form"
    assert loan_views.get_loan(db, applied.number).status == "disetujui"
    assert balance(db, "1.01") == 400_000

    # the treasurer counted the till again and pays out anyway
    qtbot.mouseClick(ok_button(dis), LEFT)
    box = open_dialog(QMessageBox, "cashShortBox")
    qtbot.mouseClick(box.findChild(QPushButton, "disburseAnywayButton"), LEFT)
    assert not dis.isVisible()
    receipt = open_dialog(LoanReceiptDialog)
    assert receipt.view.kind == "pencairan"
    receipt.close()
    assert loan_views.get_loan(db, applied.number).status == "aktif"
    assert balance(db, "1.01") == 400_000 - need.cash_out
    assert check_service.run_checks(db).ok


def test_disbursement_to_savings_needs_no_cash(window, qtbot):
    win = window
    db = win.ctx.db
    applied = approved_application(db)
    leave_in_till(db, 0)
    page = win.go("loans")
    page.reload()
    assert page.select_loan(applied.number)
    dis = page.disburse()
    dis.toCombo.setCurrentIndex(dis.toCombo.findData("sukarela"))
    qtbot.mouseClick(ok_button(dis), LEFT)
    assert not [
        w
        for w in QApplication.topLevelWidgets()
        if w.objectName() == "cashShortBox" and w.isVisible()
    ]
    receipt = open_dialog(LoanReceiptDialog)
    receipt.close()
    assert loan_views.get_loan(db, applied.number).status == "aktif"
    assert check_service.run_checks(db).ok


def test_buttons_hidden_for_roles_that_may_not(demo_db, make_ctx, qtbot):
    from koperasi.ui.main_window import MainWindow

    ctx = make_ctx(demo_db)
    ctx.actor = Actor("pak_pengawas", Role.PENGAWAS)
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    page = win.go("loans")
    select_active(page)
    assert page.detail.detail is not None and page.detail.detail.status == "aktif"
    for button in (page.rescheduleButton, page.writeOffButton, page.recoverButton):
        assert not button.isVisible() and not button.isEnabled()
    # and the services refuse the same person
    number = page.detail.detail.number
    try:
        loan_workout.write_off(demo_db, ctx.actor, number, TODAY, "coba")
    except Exception as exc:  # noqa: BLE001
        assert type(exc).__name__ == "PermissionDenied"
    else:  # pragma: no cover
        raise AssertionError("a pengawas may not write off")
    win.close()

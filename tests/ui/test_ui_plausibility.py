"""An amount far above the usual asks before it is posted (issue 15 item 6): the deposit dialog
asks (default button Batal), posts after a yes and posts nothing after Batal; the group
meeting asks once for all its rows; Pengaturan shows and edits the ceilings."""

from __future__ import annotations

from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWidget
from sqlalchemy import func, select
from uihelpers import LEFT, open_dialog, type_into

from koperasi.db.models import JournalEntry
from koperasi.services import plausibility, savings_statements
from koperasi.services.uow import read_only
from koperasi.ui import dialogs

SHOTS = Path(__file__).resolve().parents[2] / "build" / "screenshots"


def _entries(db) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return s.scalar(select(func.count()).select_from(JournalEntry))


def _sukarela(db, member: str) -> int:  # type: ignore[no-untyped-def]
    rows = savings_statements.member_balances(db, member)
    return next(b.balance for b in rows if b.product_code == "SUKARELA")


@pytest.fixture
def questions(monkeypatch):
    """Answers in order (True = yes); records (title, text, yes, no, default_no)."""
    state = {"answers": [], "asked": []}

    def ask(parent, title, text, yes, no, *, default_no=False):  # type: ignore[no-untyped-def]
        state["asked"].append((title, text, yes, no, default_no))
        return state["answers"].pop(0)

    monkeypatch.setattr(dialogs, "ask", ask)
    return state


def _deposit_dialog(ctx, qtbot, amount: str, host: QWidget):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.savings import SavingsTxDialog

    dlg = SavingsTxDialog(ctx, "deposit", "A00001", "SUKARELA", parent=host)
    dlg.show()
    type_into(qtbot, dlg.ui.amountEdit, amount)
    return dlg


def _ok(qtbot, dlg) -> None:  # type: ignore[no-untyped-def]
    qtbot.mouseClick(dlg.ui.buttonBox.button(dlg.ui.buttonBox.StandardButton.Ok), LEFT)


def test_deposit_dialog_asks_then_posts_or_posts_nothing(demo_db, make_ctx, qtbot, questions):
    from koperasi.ui.pages.savings import ReceiptDialog

    ctx = make_ctx(demo_db)
    entries, balance = _entries(demo_db), _sukarela(demo_db, "A00001")
    host = QWidget()  # the receipt opens on the dialog's parent
    qtbot.addWidget(host)

    # Batal: nothing posted, the form stays open with the reason under the amount
    questions["answers"].append(False)
    dlg = _deposit_dialog(ctx, qtbot, "25.000.000", host)
    _ok(qtbot, dlg)
    title, text, yes, no, default_no = questions["asked"][-1]
    assert title == "Jumlah tidak biasa"
    assert "Rp25.000.000" in text and "batas kewajaran Rp10.000.000" in text
    assert "Simpanan Sukarela" in text
    assert (no, default_no) == ("Batal", True)
    assert dlg.isVisible() and not dlg.saving
    assert "Rp25.000.000" in dlg.errors.errors["amount"]
    assert _entries(demo_db) == entries and _sukarela(demo_db, "A00001") == balance

    # Yes: posted once, with its receipt
    questions["answers"].append(True)
    _ok(qtbot, dlg)
    assert len(questions["asked"]) == 2
    assert not dlg.isVisible()
    assert _entries(demo_db) == entries + 1
    assert _sukarela(demo_db, "A00001") == balance + 25_000_000
    receipt = open_dialog(ReceiptDialog)
    assert receipt.view.amount == 25_000_000
    receipt.close()

    # a usual amount is not asked about
    dlg = _deposit_dialog(ctx, qtbot, "250.000", host)
    _ok(qtbot, dlg)
    assert len(questions["asked"]) == 2 and not dlg.isVisible()
    open_dialog(ReceiptDialog).close()


def test_question_defaults_to_batal_and_screenshot(qtbot):
    from koperasi.errors import ValidationError

    exc = ValidationError(
        "amount",
        "amount_implausible",
        amount="Rp25.000.000",
        ceiling="Rp10.000.000",
        typical="Rp500.000",
        what="setoran Simpanan Sukarela",
        what_en="a Simpanan Sukarela deposit",
    )
    box = dialogs.question_box(
        None,
        "Jumlah tidak biasa",
        dialogs.large_amount_text(exc.message("id")),
        "Ya, jumlahnya benar",
        "Batal",
        default_no=True,
    )
    qtbot.addWidget(box)
    assert box.defaultButton().text() == "Batal"
    box.show()
    qtbot.waitExposed(box)
    SHOTS.mkdir(parents=True, exist_ok=True)
    box.grab().save(str(SHOTS / "plausibility-question.png"))
    # Enter takes the default: Batal
    qtbot.keyClick(box, Qt.Key.Key_Return)
    assert box.clickedButton() is box.defaultButton()


def test_group_meeting_asks_once_for_all_rows(demo_db, make_ctx, qtbot, questions):
    from koperasi.services import groups as groups_service
    from koperasi.ui.pages.meeting import GroupMeetingDialog

    ctx = make_ctx(demo_db)
    group = groups_service.list_groups(demo_db)[0].code
    dlg = GroupMeetingDialog(ctx, group)
    qtbot.addWidget(dlg)
    dlg.show()
    model = dlg.model
    assert len(model.lines) >= 2
    # sukarela (column 9) far above the usual on rows 1 and 2
    for r in (0, 1):
        model.setData(model.index(r, 9), "15.000.000", Qt.ItemDataRole.EditRole)
    entries = _entries(demo_db)
    questions["answers"] += [True, False]  # post the meeting? yes; the large amounts? no
    dlg.post()
    assert len(questions["asked"]) == 2
    assert "Rp30.000.000" in questions["asked"][0][1], "the confirmation shows the totals"
    text = questions["asked"][1][1]
    assert text.count("Rp15.000.000") == 2 and "Baris 1" in text and "Baris 2" in text
    assert _entries(demo_db) == entries and dlg.isVisible()
    assert "Baris 1" in dlg.general.text()  # the reason stays on the form after Batal
    questions["answers"] += [True, True]
    dlg.post()
    assert len(questions["asked"]) == 4
    assert _entries(demo_db) == entries + 2  # one entry per member's sukarela deposit
    assert dlg.meeting_result is not None


def test_settings_tab_shows_and_saves_ceilings(window, qtbot):
    from uihelpers import click_nav

    win, db = window, window.ctx.db
    win.resize(1366, 705)
    click_nav(qtbot, win, "settings")
    page = win.settings
    editor = page.plausibilityEditor
    assert set(editor.edits) >= {"setor:SUKARELA", "tarik", "pinjaman", "angsuran", "beban"}
    page.tabs.setCurrentIndex(page.tabs.indexOf(editor.parentWidget()))
    type_into(qtbot, editor.edits["setor:SUKARELA"], "30.000.000")
    qtbot.mouseClick(page.saveCeilingsButton, LEFT)
    got = {c.kind: c for c in plausibility.ceilings(db)}
    assert got["setor:SUKARELA"].override == 30_000_000
    assert got["tarik"].override is None
    assert editor.edits["setor:SUKARELA"].value() == 30_000_000  # shown again after saving
    assert dialogs.shown[-1][1] == "Batas kewajaran tersimpan."
    qtbot.wait(50)
    SHOTS.mkdir(parents=True, exist_ok=True)
    win.grab().save(str(SHOTS / "plausibility-settings.png"))
    # an amount not understood is named, nothing saved
    type_into(qtbot, editor.edits["tarik"], "sepuluh juta")
    qtbot.mouseClick(page.saveCeilingsButton, LEFT)
    assert "tidak dikenali" in editor.error.text()
    assert {c.kind: c for c in plausibility.ceilings(db)}["tarik"].override is None


def test_manual_entry_asks_before_large_income(demo_db, make_ctx, qtbot, questions):
    from koperasi.ui.pages.ledger_dialogs import ManualEntryDialog

    ctx = make_ctx(demo_db)
    dlg = ManualEntryDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    ui = dlg.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("income"))
    type_into(qtbot, ui.amountEdit, "40.000.000")
    type_into(qtbot, ui.descriptionEdit, "Hibah pemerintah daerah")
    entries = _entries(demo_db)
    questions["answers"] += [False, True]
    dlg.save()
    assert "pendapatan" in questions["asked"][0][1] and questions["asked"][0][4] is True
    assert _entries(demo_db) == entries and dlg.isVisible()
    assert "Rp40.000.000" in dlg.errors.errors["amount"]
    dlg.save()
    assert _entries(demo_db) == entries + 1 and not dlg.isVisible()
    dialogs.shown.clear()


def test_repayment_dialog_uses_the_edited_ceiling(demo_db, make_ctx, qtbot, questions):
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans import views as loan_views
    from koperasi.ui.pages.loan_payment_dialogs import RepaymentDialog
    from koperasi.ui.pages.loan_receipt import LoanReceiptDialog

    ctx = make_ctx(demo_db)
    plausibility.set_ceilings(demo_db, SYSTEM, {"angsuran": 100_000})
    row = next(r for r in loan_views.list_loans(demo_db, status="aktif"))
    host = QWidget()
    qtbot.addWidget(host)
    dlg = RepaymentDialog(ctx, row.number, parent=host)
    dlg.show()
    type_into(qtbot, dlg.ui.amountEdit, "150.000")
    entries = _entries(demo_db)
    questions["answers"] += [False, True]
    dlg.save()
    text = questions["asked"][0][1]
    assert "Rp150.000" in text and "batas kewajaran Rp100.000" in text
    assert _entries(demo_db) == entries and dlg.isVisible()
    dlg.save()
    assert _entries(demo_db) == entries + 1 and not dlg.isVisible()
    open_dialog(LoanReceiptDialog).close()


def test_loan_wizard_asks_before_a_large_principal(demo_db, make_ctx, qtbot, questions):
    from PySide6.QtWidgets import QWizard
    from uihelpers import member_without_open_loan

    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans import views as loan_views
    from koperasi.ui.pages.loan_wizard import LoanApplicationWizard

    ctx = make_ctx(demo_db)
    plausibility.set_ceilings(demo_db, SYSTEM, {"pinjaman": 1_000_000})
    number = member_without_open_loan(demo_db)
    wiz = LoanApplicationWizard(ctx)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.memberPage.memberEdit.setText(number)
    wiz.memberPage.lookup()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), LEFT)
    terms = wiz.termsPage
    type_into(qtbot, terms.ui.amountEdit, "2.000.000")
    terms.ui.termSpin.setValue(6)
    qtbot.keyClicks(terms.ui.purposeEdit, "Modal usaha")
    terms.update_preview()
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), LEFT)
    assert wiz.currentPage() is wiz.confirmPage
    before = len(loan_views.member_loans(demo_db, number))
    questions["answers"] += [False, True]
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), LEFT)
    assert "pokok pinjaman" in questions["asked"][0][1]
    assert len(loan_views.member_loans(demo_db, number)) == before and wiz.isVisible()
    # after Batal the wizard is back at the amount, with the reason under it
    assert wiz.currentPage() is terms
    assert "Rp2.000.000" in terms.errors.errors["amount"]
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.NextButton), LEFT)
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), LEFT)
    assert len(questions["asked"]) == 2
    assert len(loan_views.member_loans(demo_db, number)) == before + 1
    assert not wiz.isVisible()

"""Issue 17 on the loan page, by keyboard: collateral received through its dialog, shown in
the loan's Jaminan & penjamin tab, a guarantor added, the collateral handed back after the
payoff; the list of what waits for approval, where a second user approves a reversal."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from helpers import member_input
from PySide6.QtCore import Qt
from uihelpers import type_into

from koperasi.services import approvals, lending_rules, members, savings
from koperasi.services.auth import Actor, Role
from koperasi.services.lending_rules import LendingRules
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import collateral, lending_limits
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.ui.pages.loan_rules import (
    CollateralDialog,
    GuarantorDialog,
    PendingApprovalsDialog,
    ReturnCollateralDialog,
)
from koperasi.ui.pages.loans import LoansPage

D = dt.date
DAY = D(2025, 3, 31)


def _books(db, actor):  # type: ignore[no-untyped-def]
    add_product(db, actor, ProductInput("JAMIN", "Pinjaman Berjaminan", collateral_above=1_000_000))
    people = []
    for n in (1, 2):
        m = members.register_member(db, actor, member_input(name=f"Anggota {n}", n=n))
        savings.deposit(db, actor, m.number, "POKOK", 300_000, D(2025, 1, 6))
        people.append(m)
    number = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(
            people[0].number, "JAMIN", 2_000_000, 4, D(2025, 2, 3), "modal"
        ),
    ).number
    return number, people


def _page(qtbot, ctx, number):  # type: ignore[no-untyped-def]
    page = LoansPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 705)
    page.show()
    page.refresh()
    assert page.select_loan(number)
    return page


def test_collateral_guarantor_and_return_by_keyboard(
    sqlite_db, actor, make_ctx, qtbot, tmp_path, monkeypatch
):
    db = sqlite_db
    number, people = _books(db, actor)
    ctx = make_ctx(db, today=DAY)
    page = _page(qtbot, ctx, number)
    assert page.collateralButton.isVisible() and not page.returnCollateralButton.isVisible()
    dlg = page.add_collateral()
    assert isinstance(dlg, CollateralDialog)
    qtbot.waitExposed(dlg)
    dlg.kindCombo.setFocus()
    qtbot.keyClicks(dlg.kindCombo, "S")  # Sertifikat tanah/bangunan
    type_into(qtbot, dlg.descriptionEdit, "SHM no. 123 Gunung Samarinda")
    type_into(qtbot, dlg.valueEdit, "5.000.000")
    type_into(qtbot, dlg.documentEdit, "SHM-123")
    dlg.dateEdit.setDate(dt.date(2025, 2, 3))
    dlg.grab().save(str(tmp_path / "collateral.png"))
    qtbot.keyClick(dlg.valueEdit, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    [item] = collateral.for_loan(db, number)
    assert (item.kind, item.value, item.document_no) == ("sertifikat", 5_000_000, "SHM-123")
    page.detail.tabs.setCurrentWidget(page.detail.collateral)
    assert page.detail.collateral.collateralModel.rowCount() == 1
    g = page.add_guarantor()
    assert isinstance(g, GuarantorDialog)
    type_into(qtbot, g.memberEdit, people[1].number)
    type_into(qtbot, g.relationEdit, "saudara")
    qtbot.keyClick(g.relationEdit, Qt.Key.Key_Return)
    assert not g.isVisible()
    assert page.detail.collateral.guarantorModel.rowCount() == 1
    page.grab().save(str(tmp_path / "loans-page.png"))
    loan_applications.approve(db, actor, number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, number, D(2025, 2, 3))
    q = loan_repayments.payoff_quote(db, number, D(2025, 3, 3))
    loan_repayments.payoff(db, actor, number, D(2025, 3, 3), expected=q.total)
    page.refresh()
    page.select_loan(number)
    assert page.returnCollateralButton.isVisible()
    r = page.return_collateral()
    assert isinstance(r, ReturnCollateralDialog)
    from koperasi.ui import dialogs

    # no print of the receipt (undone after the test: later tests need the real confirm)
    monkeypatch.setattr(dialogs, "confirm", lambda *a, **k: False)
    qtbot.keyClick(r.noteEdit, Qt.Key.Key_Return)
    assert not r.isVisible()
    assert collateral.for_loan(db, number)[0].handover_no == "SSJ-2025-00001"


def test_pending_approvals_second_user_approves_a_reversal(
    sqlite_db, actor, make_ctx, qtbot, tmp_path
):
    db = sqlite_db
    number, _people = _books(db, actor)
    collateral.add(
        db, actor, number, collateral.CollateralInput("emas", "Kalung", 2_500_000), D(2025, 2, 3)
    )
    lending_rules.save_rules(
        db, actor, LendingRules(four_eyes_reversal=True, four_eyes_loan_above=1_000_000)
    )
    loan_applications.approve(db, Actor("ani", Role.BENDAHARA), number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, number, D(2025, 2, 3))
    pay = loan_repayments.repay(db, actor, number, 530_000, D(2025, 3, 3))
    budi = Actor("budi", Role.BENDAHARA)
    approvals.request(db, budi, "loan_reversal", number, D(2025, 3, 4), "salah", tx=pay.receipt_no)
    ctx = make_ctx(db, today=DAY)
    dlg = PendingApprovalsDialog(ctx)
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.model.rowCount() == 1
    dlg.grab().save(str(tmp_path / "pending.png"))
    type_into(qtbot, dlg.noteEdit, "cek")
    dlg.approveButton.setFocus()
    qtbot.keyClick(dlg.approveButton, Qt.Key.Key_Space)
    assert dlg.model.rowCount() == 0
    assert "Disetujui" in dlg.message.text()
    assert loan_views.get_loan(db, number).row.principal_outstanding == 2_000_000


def test_lending_rules_editor_saves_by_keyboard(sqlite_db, make_ctx, qtbot):
    from koperasi.ui.pages.lending_rules import LendingRulesEditor

    ctx = make_ctx(sqlite_db, today=DAY)
    ed = LendingRulesEditor(ctx)
    qtbot.addWidget(ed)
    ed.show()
    ed.load()
    assert ed.relatedEdit.text() == "10"
    type_into(qtbot, ed.bmppEdit, "25")
    type_into(qtbot, ed.loanAboveEdit, "5.000.000")
    ed.reversalCheck.setFocus()
    qtbot.keyClick(ed.reversalCheck, Qt.Key.Key_Space)
    ed.saveButton.setFocus()
    qtbot.keyClick(ed.saveButton, Qt.Key.Key_Space)
    r = lending_rules.get_rules(sqlite_db)
    assert (r.bmpp_percent, r.four_eyes_loan_above, r.four_eyes_reversal) == (
        Decimal(25),
        5_000_000,
        True,
    )
    type_into(qtbot, ed.bmppEdit, "abc")
    qtbot.keyClick(ed.saveButton, Qt.Key.Key_Space)
    assert ed.errors.has_errors()


def test_wizard_registers_collateral_and_guarantor(sqlite_db, actor, make_ctx, qtbot):
    from koperasi.ui.pages.loan_wizard import LoanApplicationWizard

    db = sqlite_db
    _number, people = _books(db, actor)
    loan_applications.reject(db, actor, _number, D(2025, 2, 3), "diganti")
    lending_limits.set_relation(db, actor, people[0].number, "pengawas")
    ctx = make_ctx(db, today=DAY)
    wiz = LoanApplicationWizard(ctx, people[0].number)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.memberPage.lookup()
    wiz.memberPage.productCombo.setCurrentIndex(wiz.memberPage.productCombo.findData("JAMIN"))
    wiz.next()
    terms = wiz.termsPage
    type_into(qtbot, terms.ui.amountEdit, "2.000.000")
    type_into(qtbot, terms.ui.collateralEdit, "3.000.000")
    qtbot.keyClicks(terms.ui.purposeEdit, "Modal warung")
    terms.collateralKindCombo.setCurrentIndex(terms.collateralKindCombo.findData("bpkb"))
    type_into(qtbot, terms.collateralDescriptionEdit, "BPKB Honda Beat 2021")
    type_into(qtbot, terms.collateralDocumentEdit, "M-77")
    type_into(qtbot, terms.guarantorMemberEdit, people[1].number)
    terms.update_preview()
    text = terms.limitsLabel.text()
    assert "Batas pinjaman pihak terkait" in text and "pengurus dan pengawas" in text
    wiz.next()
    assert "BPKB Honda Beat 2021 M-77" in wiz.confirmPage.summary.text()
    wiz.accept()
    number = wiz.result_detail.number
    [item] = collateral.for_loan(db, number)
    assert (item.kind, item.value, item.document_no) == ("bpkb", 3_000_000, "M-77")
    assert [g.member_number for g in collateral.guarantors_of(db, number)] == [people[1].number]


def test_related_party_dialog_marks_and_clears(sqlite_db, actor, make_ctx, qtbot, tmp_path):
    from koperasi.ui.pages.lending_rules import RelatedPartyDialog

    db = sqlite_db
    _number, people = _books(db, actor)
    ctx = make_ctx(db, today=DAY)
    dlg = RelatedPartyDialog(ctx, people[1].number)
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.kindCombo.setFocus()
    dlg.kindCombo.setCurrentIndex(dlg.kindCombo.findData("karyawan"))
    type_into(qtbot, dlg.noteEdit, "kasir")
    dlg.grab().save(str(tmp_path / "related.png"))
    qtbot.keyClick(dlg.noteEdit, Qt.Key.Key_Return)
    assert not dlg.isVisible()
    view = lending_limits.relation_of(db, people[1].number)
    assert (view.kind, view.note) == ("karyawan", "kasir")
    again = RelatedPartyDialog(ctx, people[1].number)
    qtbot.addWidget(again)
    again.show()
    assert again.kindCombo.currentData() == "karyawan"
    again.kindCombo.setCurrentIndex(0)
    qtbot.keyClick(again.noteEdit, Qt.Key.Key_Return)
    assert lending_limits.relation_of(db, people[1].number) is None

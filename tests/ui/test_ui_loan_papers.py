"""Loan papers in the GUI: the member's documents and the loan page's "Cetak dokumen" menu
open the papers on the Laporan page; the paid-off letter is offered only for a repaid loan;
the agreement template editor previews, names an unknown placeholder and refuses to save it."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialogButtonBox
from uihelpers import close_message_boxes

from koperasi.services import loan_papers
from koperasi.services.loans import views as loan_views


def _text(page) -> str:  # type: ignore[no-untyped-def]
    return " ".join(page.document.getAllText(i).text() for i in range(page.page_count()))


def test_member_documents_print_card_agreement_and_refuse_paid_off_letter(window, qtbot):
    from koperasi.ui.pages.member_detail import MemberDetailDialog

    db = window.ctx.db
    loan = loan_views.list_loans(db, status="aktif")[0]
    page = window.reports

    dlg = MemberDetailDialog(window.ctx, loan.member_number, window)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.documentButtons["kartu-anggota"], Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page
    assert page.current_spec().name == "kartu-anggota"
    assert page.params().member == loan.member_number
    assert loan.member_name in _text(page)

    dlg = MemberDetailDialog(window.ctx, loan.member_number, window)
    qtbot.addWidget(dlg)
    dlg.loansTable.selectRow([r.number for r in dlg.loansModel.rows].index(loan.number))
    qtbot.mouseClick(dlg.documentButtons["perjanjian-pinjaman"], Qt.MouseButton.LeftButton)
    assert page.current_spec().name == "perjanjian-pinjaman"
    assert page.params().loan == loan.number
    assert page.page_count() == 2  # the agreement and its attached schedule
    assert "SURAT PERJANJIAN PINJAMAN" in _text(page)

    dlg = MemberDetailDialog(window.ctx, loan.member_number, window)
    qtbot.addWidget(dlg)
    dlg.loansTable.selectRow([r.number for r in dlg.loansModel.rows].index(loan.number))
    window.go("members")
    qtbot.mouseClick(dlg.documentButtons["surat-lunas"], Qt.MouseButton.LeftButton)
    texts = close_message_boxes(qtbot)
    assert any("belum lunas" in t for t in texts), texts
    assert window.stack.currentWidget() is not page  # nothing opened


def test_loan_page_documents_menu(window, qtbot):
    loans_page = window.go("loans")
    active = loan_views.list_loans(window.ctx.db, status="aktif")[0]
    assert loans_page.select_loan(active.number)
    button = loans_page.documentsButton
    button.update_actions()
    actions = button.actions_by_report
    assert actions["perjanjian-pinjaman"].isEnabled()
    assert actions["jadwal-angsuran"].isEnabled()
    assert not actions["surat-lunas"].isEnabled()  # not repaid
    actions["jadwal-angsuran"].trigger()
    page = window.reports
    assert window.stack.currentWidget() is page
    assert page.current_spec().name == "jadwal-angsuran"
    assert page.params().loan == active.number
    assert "JADWAL ANGSURAN PINJAMAN" in _text(page)

    repaid = loan_views.list_loans(window.ctx.db, status="lunas")
    if repaid:
        loans_page = window.go("loans")
        loans_page.statusFilter.setCurrentIndex(loans_page.statusFilter.findData("lunas"))
        assert loans_page.select_loan(repaid[0].number)
        button.update_actions()
        assert actions["surat-lunas"].isEnabled()
        actions["surat-lunas"].trigger()
        assert page.current_spec().name == "surat-lunas"
        assert "SURAT KETERANGAN LUNAS" in _text(page)


def test_agreement_template_editor(window, qtbot):
    settings_page = window.go("settings")
    dlg = settings_page.agreement_template()
    qtbot.addWidget(dlg)
    assert dlg.placeholders.count() == len(loan_papers.PLACEHOLDERS)
    assert "Rina Marlina" in dlg.preview.toPlainText()  # the sample borrower
    editor = dlg.editors["id"]
    dlg.tabs.setCurrentIndex(0)
    editor.setPlainText("Pinjaman untuk {nama_anggota} sebesar {jumlah_uang}.")
    assert dlg.error.isVisible() and "{jumlah_uang}" in dlg.error.text()
    before = loan_papers.get_template(window.ctx.db)
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    assert dlg.isVisible() and loan_papers.get_template(window.ctx.db) == before

    editor.setPlainText("# Pasal Satu\nPinjaman untuk  sebesar .")
    editor.moveCursor(editor.textCursor().MoveOperation.End)
    row = list(loan_papers.PLACEHOLDERS).index("nama_anggota")
    dlg.placeholders.setCurrentRow(row)
    qtbot.mouseClick(dlg.insertButton, Qt.MouseButton.LeftButton)
    assert editor.toPlainText().endswith("{nama_anggota}")
    assert not dlg.error.isVisible()
    assert "Pasal Satu" in dlg.preview.toPlainText()
    qtbot.mouseClick(
        dlg.buttons.button(QDialogButtonBox.StandardButton.Save), Qt.MouseButton.LeftButton
    )
    qtbot.waitUntil(
        lambda: loan_papers.get_template(window.ctx.db)["id"].startswith("# Pasal Satu"),
        timeout=5000,
    )
    close_message_boxes(qtbot)

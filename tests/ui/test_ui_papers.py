"""The manual entry dialog asks who was paid (or who paid) and the voucher prints it; the
receipt window reads the same paper as the printed receipt."""

from uihelpers import TODAY

from koperasi.db.models import JournalEntry
from koperasi.reports import receipts
from koperasi.services import savings
from koperasi.services.auth import SYSTEM
from koperasi.services.uow import read_only
from koperasi.ui.pages.ledger_dialogs import ManualEntryDialog
from koperasi.ui.pages.savings import ReceiptDialog


def test_manual_entry_payee_is_printed(demo_db, make_ctx, qtbot):
    ctx = make_ctx(demo_db)
    dlg = ManualEntryDialog(ctx)
    qtbot.addWidget(dlg)
    ui = dlg.ui
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("expense"))
    assert dlg.payeeLabel.text() == "Dibayarkan &kepada"
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("income"))
    assert dlg.payeeLabel.text() == "Diterima &dari"
    ui.kindCombo.setCurrentIndex(ui.kindCombo.findData("expense"))
    ui.amountEdit.setValue(175_000)
    ui.descriptionEdit.setText("Servis printer kantor")
    dlg.payeeEdit.setText("CV Mitra Komputer")
    dlg.save()
    view = dlg.result_view
    assert view is not None and view.receipt_no
    cash = [ln for ln in view.lines if ln.credit]
    assert [ln.memo for ln in cash] == ["CV Mitra Komputer"]
    paper = receipts.receipt_paper(demo_db, view.receipt_no)
    assert paper.kind == "expense" and paper.party == "CV Mitra Komputer"
    assert paper.title.get("id") == "Bukti Kas Keluar" and paper.amount == 175_000
    # the voucher opens, to print and have signed: paid to the payee, in figures and words
    from PySide6.QtWidgets import QApplication

    win = next(w for w in QApplication.topLevelWidgets() if w.objectName() == "voucherDialog")
    body = win.body.text()
    assert "Bukti Kas Keluar" in body and "CV Mitra Komputer" in body
    assert "Rp175.000" in body and "seratus tujuh puluh lima ribu rupiah" in body
    win.close()
    with read_only(demo_db) as s:
        entry = s.get(JournalEntry, view.id)
        assert entry is not None and entry.description == "Servis printer kantor"


def test_withdrawal_window_pays_the_member(demo_db, make_ctx, qtbot):
    ctx = make_ctx(demo_db)
    view = savings.withdraw(demo_db, SYSTEM, "A00005", "SUKARELA", 40_000, TODAY, "Tarik")
    win = ReceiptDialog(ctx, view)
    qtbot.addWidget(win)
    body = win.body.text()
    assert "Bukti Penarikan Simpanan" in body
    assert "Dibayarkan kepada" in body and "Telah terima dari" not in body
    assert "empat puluh ribu rupiah" in body
    assert "Rp40.000" in body

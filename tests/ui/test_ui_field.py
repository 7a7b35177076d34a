"""Pesan (messages to members) and the meeting sheet filled offline, through the GUI: the
day's list with its WhatsApp link opened only by the user's action, marking sent and the log,
templates and consent; the meeting dialog's sheet export, the import preview (a clean sheet
posts with one receipt per member; a duplicate shows its problem and cannot be posted)."""

from __future__ import annotations

import datetime as dt
import os
from decimal import Decimal

from helpers import member_input
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QFileDialog

from koperasi.db.database import open_database
from koperasi.services import groups, members, message_log, message_templates, savings
from koperasi.services import meeting_sheet as ms
from koperasi.services import member_messages as mm
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import views as loan_views

D = dt.date
JAN6 = D(2025, 1, 6)
SHOTS = os.environ.get("KOPERASI_SHOTS")  # a folder: save screenshots there to look at


def _db(tmp_path):  # type: ignore[no-untyped-def]
    db = open_database(tmp_path / "k.db")
    a = SYSTEM
    add_product(
        db,
        a,
        ProductInput(
            code="KLP",
            name="Kelompok mingguan",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=5_000_000,
            min_term=10,
            max_term=50,
            unit="week",
            group_loan=True,
        ),
    )
    g = groups.create_group(db, a, groups.GroupInput("K001", "Kelompok Mawar", meeting_day=2))
    out = []
    names = ["Siti Aminah", "Nur Hasanah", "Dewi Lestari", "Rina Wati"]
    phones = ["0812-3456-7890", "+62 813 1111 2222", "021-5551234", "0857 1234 5678"]
    for i, (name, phone) in enumerate(zip(names, phones, strict=True)):
        m = members.register_member(
            db, a, member_input(name=name, n=500 + i, join=JAN6, group_code=g.code, phone=phone)
        )
        savings.deposit(db, a, m.number, "POKOK", 300_000, JAN6)
        out.append(m)
    loan = None
    for m in out[:2]:
        d = loan_applications.apply(
            db,
            a,
            loan_applications.ApplyInput(m.number, "KLP", 1_000_000, 10, D(2025, 2, 3), "Modal"),
        )
        loan_applications.approve(db, a, d.number, D(2025, 2, 3))
        loan_applications.disburse(db, a, d.number, D(2025, 2, 3))
        loan = loan or loan_views.get_loan(db, d.number)
    for m in out[:3]:
        mm.set_consent(db, a, m.number, consent=True, on=JAN6)
    return db, out, loan


def test_messages_page(tmp_path, make_ctx, qtbot, qtmodeltester):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.messages import MessagesPage

    db, people, loan = _db(tmp_path)
    day = loan.schedule[1].due_date - dt.timedelta(days=2)  # 1st missed, 2nd due in 2 days
    ctx = make_ctx(db, today=day)
    page = MessagesPage(ctx)
    qtbot.addWidget(page)
    opened = []
    page.open_url = opened.append
    page.resize(1366, 705)
    page.show()
    qtbot.waitUntil(lambda: page.list is not None)
    kinds = {(i.member_number, i.kind) for i in page.model.rows}
    assert kinds == {
        (people[0].number, "jatuh_tempo"),
        (people[0].number, "tunggakan"),
        (people[1].number, "jatuh_tempo"),
        (people[1].number, "tunggakan"),
    }
    qtmodeltester.check(page.model)
    assert "1 anggota tanpa persetujuan" in page.summary.text()
    assert opened == []  # nothing opens by itself
    page.table.setFocus()
    page.table.setCurrentIndex(page.model.index(0, 0))
    qtbot.keyClick(page.table, Qt.Key.Key_Return)  # Enter on a row opens its chat
    assert len(opened) == 1 and opened[0].toString().startswith("https://wa.me/628")
    assert page.preview.text() == page.model.rows[0].text
    if SHOTS:
        page.grab().save(os.path.join(SHOTS, "pesan-daftar.png"))
    page.table.selectRow(0)
    page.mark_selected()
    assert page.model.rows[0].sent_at is not None and len(message_log.sent_log(db)) == 1
    page.export(str(tmp_path / "p.xlsx"))
    ws = load_workbook(tmp_path / "p.xlsx").active
    assert ws.max_row == 1 + 3 and ws["A2"].value.startswith("628")
    # templates: an unknown placeholder is named, nothing saved
    page.tabs.setCurrentIndex(1)
    page.templateCombo.setCurrentIndex(page.templateCombo.findData("tunggakan"))
    page.templateEdit.setPlainText("Halo {nama}, saldo {saldo}")
    qtbot.mouseClick(page.saveTemplateButton, Qt.MouseButton.LeftButton)
    assert "{saldo}" in page.templateStatus.text()
    assert not message_templates.templates(db)[1].customised
    page.templateEdit.setPlainText("Halo {nama}, tunggakan {jumlah}.")
    qtbot.mouseClick(page.saveTemplateButton, Qt.MouseButton.LeftButton)
    assert message_templates.templates(db)[1].text == "Halo {nama}, tunggakan {jumlah}."
    if SHOTS:
        page.grab().save(os.path.join(SHOTS, "pesan-templat.png"))
    # consent: the fourth member gives consent, the first opts out
    page.tabs.setCurrentIndex(2)
    qtmodeltester.check(page.consentModel)
    assert len(page.consentModel.rows) == 4
    page.consentSearch.setText("Rina")
    assert [c.member_name for c in page.consentModel.rows] == ["Rina Wati"]
    page.consentTable.setCurrentIndex(page.consentModel.index(0, 0))
    qtbot.mouseClick(page.consentButton, Qt.MouseButton.LeftButton)
    assert mm.get_consent(db, people[3].number).consent
    page.consentSearch.setText("Siti")
    page.consentTable.setCurrentIndex(page.consentModel.index(0, 0))
    qtbot.mouseClick(page.optOutButton, Qt.MouseButton.LeftButton)
    assert mm.get_consent(db, people[0].number).opted_out
    if SHOTS:
        page.consentSearch.setText("")
        page.grab().save(os.path.join(SHOTS, "pesan-persetujuan.png"))
    page.tabs.setCurrentIndex(3)
    assert [r.member_number for r in page.logModel.rows] == [page.list.items[0].member_number]
    if SHOTS:
        page.grab().save(os.path.join(SHOTS, "pesan-log.png"))
    page.tabs.setCurrentIndex(0)
    assert people[0].number not in {i.member_number for i in page.model.rows}


def test_messages_page_read_only_for_pengawas(tmp_path, make_ctx, qtbot):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.messages import MessagesPage

    db, _people, loan = _db(tmp_path)
    ctx = make_ctx(db, today=loan.schedule[1].due_date)
    ctx.actor = Actor("pak-awas", Role.PENGAWAS)
    page = MessagesPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.list is not None)
    assert page.model.rows
    for b in (
        page.openButton,
        page.markButton,
        page.exportButton,
        page.saveTemplateButton,
        page.consentButton,
    ):
        assert not b.isVisibleTo(page)
    assert page.templateEdit.isReadOnly()


def test_meeting_sheet_export_and_import(tmp_path, make_ctx, qtbot, monkeypatch):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.meeting import GroupMeetingDialog
    from koperasi.ui.pages.meeting_sheet import SheetPreviewDialog

    db, people, loan = _db(tmp_path)
    day = loan.schedule[0].due_date
    ctx = make_ctx(db, today=day)
    dlg = GroupMeetingDialog(ctx, "K001", "Kelompok Mawar", 2)
    qtbot.addWidget(dlg)
    dlg.resize(1366, 705)
    dlg.show()
    assert dlg.meeting_date() == day
    assert dlg.exportSheetButton.isVisible() and dlg.importSheetButton.isVisible()
    path = str(tmp_path / "lembar.xlsx")
    # by the buttons: the paths are the ones chosen in the file dialogs
    monkeypatch.setattr(QFileDialog, "getSaveFileName", lambda *_a, **_k: (path, ""))
    monkeypatch.setattr(QFileDialog, "getOpenFileName", lambda *_a, **_k: (path, ""))
    qtbot.mouseClick(dlg.exportSheetButton, Qt.MouseButton.LeftButton)
    assert "lembar.xlsx" in dlg.general.text()
    wb = load_workbook(path)
    ws = wb[ms.SHEET]
    ws.cell(ms.FIRST_ROW, 9, 50_000)
    ws.cell(ms.FIRST_ROW, 11, loan.schedule[0].total)
    ws.cell(ms.FIRST_ROW + 2, 10, 20_000)
    wb.save(path)
    dlg.import_sheet(path)
    prev = dlg.sheetPreview
    assert isinstance(prev, SheetPreviewDialog) and prev.report.ok
    assert prev.postButton.isEnabled() and not prev.problems.isVisible()
    assert len(prev.model.rows) == 2
    if SHOTS:
        prev.resize(820, 520)
        prev.grab().save(os.path.join(SHOTS, "lembar-pratinjau.png"))
        dlg.grab().save(os.path.join(SHOTS, "lembar-pertemuan.png"))
    prev.post()
    assert dlg.meeting_result is not None and len(dlg.meeting_result.receipts) == 2
    # the same sheet again: the problem per row shown, nothing can be posted
    dlg2 = GroupMeetingDialog(ctx, "K001", "Kelompok Mawar", 2)
    qtbot.addWidget(dlg2)
    dlg2.show()
    qtbot.mouseClick(dlg2.importSheetButton, Qt.MouseButton.LeftButton)
    again = dlg2.sheetPreview
    assert not again.report.ok and not again.postButton.isEnabled()
    assert "sudah dibukukan" in again.problems.item(0).text()
    if SHOTS:
        again.grab().save(os.path.join(SHOTS, "lembar-ditolak.png"))


def test_member_form_records_consent(tmp_path, make_ctx, qtbot):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.member_dialog import MemberDialog

    db, people, _loan = _db(tmp_path)
    ctx = make_ctx(db, today=D(2025, 6, 2))
    dlg = MemberDialog(ctx, members.get_member(db, people[3].number))
    qtbot.addWidget(dlg)
    dlg.show()
    assert dlg.consentCombo.currentData() is None  # nothing recorded for Rina yet
    dlg.consentCombo.setCurrentIndex(dlg.consentCombo.findData("yes"))
    dlg.save()
    c = mm.get_consent(db, people[3].number)
    assert c.consent and c.consent_on == D(2025, 6, 2) and not c.opted_out
    dlg = MemberDialog(ctx, members.get_member(db, people[0].number))
    qtbot.addWidget(dlg)
    assert dlg.consentCombo.currentData() == "yes"
    dlg.consentCombo.setCurrentIndex(dlg.consentCombo.findData("out"))
    dlg.save()
    assert mm.get_consent(db, people[0].number).opted_out

"""Simpanan › Instruksi tetap and › Potong gaji: a new instruction through the dialog (a wrong
member named in place), "Jalankan sekarang" with a short balance listed as skipped, the
employer's list shown, the payment file checked (preview, nothing written) then posted;
keyboard: the tabs and buttons reach by Alt letters; roles: a pengawas reads without the
buttons, a ketua kelompok gets no tabs. Screenshots at 1366x705 are saved for a look."""

from __future__ import annotations

import dataclasses
import datetime as dt
import os
import sys
from pathlib import Path

from openpyxl import load_workbook

from koperasi.db.database import open_database
from koperasi.exchange.payroll_file import write_deduction_xlsx
from koperasi.services import payroll, savings, savings_statements
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.ui.pages.payroll import PayrollImportDialog
from koperasi.ui.pages.savings import SavingsPage
from koperasi.ui.pages.standing import StandingInstructionDialog
from koperasi.ui.widgets import to_qdate

D = dt.date
TODAY = D(2025, 3, 20)


def _db(tmp_path):
    sys.path.insert(0, str(Path(__file__).parents[1]))
    from helpers import member_input

    from koperasi.services import members

    db = open_database(tmp_path / "k.db")
    out = []
    for n, sukarela in ((1, 500_000), (2, 20_000)):
        m = members.register_member(
            db, SYSTEM, member_input(name=f"Anggota {n}", n=n, join=D(2025, 1, 6))
        )
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, D(2025, 1, 6))
        savings.deposit(db, SYSTEM, m.number, "SUKARELA", sukarela, D(2025, 1, 6))
        out.append(m.number)
    return db, out


def test_standing_and_payroll_tabs(tmp_path, make_ctx, qtbot, qtmodeltester):
    db, (a, b) = _db(tmp_path)
    ctx = make_ctx(db, today=TODAY)
    page = SavingsPage(ctx)
    qtbot.addWidget(page)
    page.resize(1366, 705)
    page.show()
    page.refresh()
    assert page.standingTabs is not None
    standing, pay = page.standingTabs
    page.tabs.setCurrentWidget(standing)
    for m in (a, b):
        dlg = standing.new_instruction()
        assert isinstance(dlg, StandingInstructionDialog)
        dlg.memberEdit.setText(m if m == a else "A99999")
        dlg.startEdit.setDate(to_qdate(D(2025, 2, 1)))
        dlg.save()
        if m == b:  # an unknown member: named, nothing written
            assert dlg.result() != dlg.DialogCode.Accepted
            assert dlg.generalError.text() or dlg.errors.message("member")
            dlg.memberEdit.setText(b)
            dlg.save()
        assert dlg.result() == dlg.DialogCode.Accepted
    assert len(standing.model.rows) == 2
    qtmodeltester.check(standing.model)
    standing.dateEdit.setDate(to_qdate(D(2025, 3, 3)))
    standing.run_now()
    assert [(i.member_number, i.status) for i in standing.result.items] == [
        (a, "posted"),
        (b, "skipped"),
    ]
    assert "1 instruksi dibukukan" in standing.runLabel.text()
    qtmodeltester.check(standing.runModel)
    shots = Path(os.environ.get("KOPERASI_SHOTS", tmp_path))
    page.grab().save(str(shots / "standing-tab.png"))

    # payroll: an employer with two employees; the list; the file checked, then posted
    payroll.save_employer(db, SYSTEM, "PEMKOT", "Pemerintah Kota")
    payroll.link_member(db, SYSTEM, a, "PEMKOT", "1001", 10_000)
    payroll.link_member(db, SYSTEM, b, "PEMKOT", "1002")
    page.tabs.setCurrentWidget(pay)
    pay.monthEdit.setDate(to_qdate(D(2025, 3, 1)))
    assert [r.member_number for r in pay.model.rows] == [a, b]
    assert "Rp110.000" in pay.summary.text()  # a month of wajib each (both in arrears), a 10.000
    page.grab().save(str(shots / "payroll-tab.png"))
    book = tmp_path / "bayar.xlsx"
    write_deduction_xlsx(payroll.deduction_list(db, "PEMKOT", 2025, 3), book)
    wb = load_workbook(book)
    wb.active["I8"], wb.active["I9"] = 10_000, 20_000
    wb.save(book)
    dlg = pay.import_payments()
    assert isinstance(dlg, PayrollImportDialog)
    qtbot.addWidget(dlg)
    dlg.fileEdit.setText(str(book))
    dlg.dateEdit.setDate(to_qdate(D(2025, 3, 15)))
    assert not dlg.postButton.isEnabled()
    dlg.run(dry_run=True)
    assert dlg.result_ is not None and dlg.result_.dry_run
    assert "belum dibukukan" in dlg.resultLabel.text()
    assert dlg.postButton.isEnabled()
    assert savings_statements.member_balances(db, b)[-1].balance == 20_000  # nothing written yet
    dlg.resize(1000, 560)
    dlg.grab().save(str(shots / "payroll-import.png"))
    dlg.run(dry_run=False)
    assert not dlg.result_.dry_run and "Dibukukan" in dlg.resultLabel.text()
    assert {b.product_code: b.balance for b in savings_statements.member_balances(db, b)}[
        "WAJIB"
    ] == 20_000
    qtmodeltester.check(dlg.model)


def test_roles(tmp_path, make_ctx, qtbot):
    db, _ = _db(tmp_path)
    ctx = make_ctx(db, today=TODAY)
    page = SavingsPage(dataclasses.replace(ctx, actor=Actor("awas", Role.PENGAWAS)))
    qtbot.addWidget(page)
    standing, pay = page.standingTabs
    assert not standing.runButton.isVisibleTo(standing) and not pay.importButton.isVisibleTo(pay)
    ketua = SavingsPage(dataclasses.replace(ctx, actor=Actor("k", Role.KETUA, frozenset({1}))))
    qtbot.addWidget(ketua)
    assert ketua.standingTabs is None  # no standing-instruction or payroll tab for a ketua
    titles = [ketua.tabs.tabText(i).replace("&", "") for i in range(ketua.tabs.count())]
    assert not {"Instruksi tetap", "Potong gaji"} & set(titles), titles

"""SHU in the GUI: the business side of an account (Kas & Jurnal, Bagan akun), the SHU
rules (Pengaturan, SHU), the distribution of a closed year's SHU and a loss year's
coverage (Laporan, Tutup buku)."""

import datetime as dt

from PySide6.QtCore import Qt
from uihelpers import click_nav, close_message_boxes, open_dialog

from koperasi.services import chart_of_accounts, ledger, shu, statements, year_closing
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only, unit_of_work
from koperasi.ui import dialogs

LEFT = Qt.MouseButton.LeftButton


def _select(qtbot, table, model, row):  # type: ignore[no-untyped-def]
    rect = table.visualRect(model.index(row, 0))
    table.scrollTo(model.index(row, 0))
    rect = table.visualRect(model.index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())


def test_account_side_and_shu_rules_are_edited_in_the_gui(window, qtbot):
    db = window.ctx.db
    click_nav(qtbot, window, "ledger")
    page = window.pages["ledger"]
    page.tabs.setCurrentIndex(page.tabs.count() - 1)
    model = page.accountsModel
    row = next(i for i, a in enumerate(model.rows) if a.code == "4.90")
    assert model.data(model.index(row, 3)) == "Usaha dengan non-anggota"
    cash = next(i for i, a in enumerate(model.rows) if a.code == "1.01")
    _select(qtbot, page.accountsTable, model, cash)
    assert not page.sideButton.isEnabled()  # a balance-sheet account has no side
    _select(qtbot, page.accountsTable, model, row)
    assert page.sideButton.isEnabled()
    qtbot.mouseClick(page.sideButton, LEFT)
    from koperasi.ui.pages.ledger_dialogs import AccountSideDialog

    dlg = open_dialog(AccountSideDialog, "accountSideDialog")
    assert dlg.sideCombo.count() == 2  # income: members or non-members, never "shared"
    dlg.sideCombo.setCurrentIndex(dlg.sideCombo.findData("member"))
    qtbot.mouseClick(dlg.findChild(type(page.sideButton), "saveButton"), LEFT)
    assert not dlg.isVisible()
    assert {a.code: a.business_side for a in chart_of_accounts.list_accounts(db)}[
        "4.90"
    ] == "member"
    assert model.data(model.index(row, 3)) == "Usaha dengan anggota"

    click_nav(qtbot, window, "settings")
    sp = window.pages["settings"]
    sp.nonMemberCombo.setCurrentIndex(sp.nonMemberCombo.findData("cadangan_risiko"))
    sp.lossCombo.setCurrentIndex(sp.lossCombo.findData("carry_forward"))
    qtbot.mouseClick(sp.saveShuButton, LEFT)
    close_message_boxes(qtbot)
    assert shu.policy(db) == shu.ShuPolicy("cadangan_risiko", "carry_forward")


def _closing_panel(window, qtbot):  # type: ignore[no-untyped-def]
    click_nav(qtbot, window, "reports")
    page = window.pages["reports"]
    page.tabs.setCurrentIndex(1)
    panel = page.closing
    panel.refresh()
    return panel


def test_shu_distribution_and_loss_coverage_from_the_closing_panel(open_window, qtbot):
    window = open_window
    db, actor = window.ctx.db, window.ctx.actor
    today = dt.date(2026, 2, 1)
    # the demo is profitable: a flood repair at the end of 2025 makes that year a loss
    surplus = shu.plan(db, 2025).surplus
    with unit_of_work(db) as s:
        cost = max(surplus, 0) + 5_000_000
        ledger.post(
            s,
            actor,
            dt.date(2025, 12, 20),
            "Perbaikan kantor setelah banjir",
            [Line("5.10", debit=cost), Line("1.01", credit=cost)],
            source="manual",
        )
    year_closing.close_year(db, actor, 2024, today=today)
    loss = year_closing.close_year(db, actor, 2025, today=today).surplus
    assert loss == -5_000_000
    panel = _closing_panel(window, qtbot)
    panel.select_year(2025)
    assert panel.shuButton.isEnabled()
    qtbot.mouseClick(panel.shuButton, LEFT)
    from koperasi.ui.pages.shu_panel import ShuDistributeDialog

    dlg = open_dialog(ShuDistributeDialog, "shuDistributeDialog")
    assert "rugi" in dlg.summary.text() and "cadangan umum" in dlg.summary.text()
    # the reserve is empty: the service refuses and the dialog says why
    dlg.dateEdit.setDate(dt.date(2026, 1, 20))
    qtbot.mouseClick(dlg.okButton, LEFT)
    assert dlg.isVisible() and "Cadangan umum (3.20) hanya" in dlg.generalError.text()
    with unit_of_work(db) as s:  # the RAT's money for it: a grant to the reserve
        ledger.post(
            s,
            actor,
            dt.date(2026, 1, 5),
            "Hibah ke cadangan",
            [Line("1.01", debit=-loss), Line("3.20", credit=-loss)],
            source="manual",
        )
    dlg.dateEdit.setDate(dt.date(2026, 1, 20))
    qtbot.mouseClick(dlg.okButton, LEFT)
    assert not dlg.isVisible() and dlg.result_view is not None
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 20))
    assert bal.get("3.90", 0) == 0
    assert run_checks(db).ok
    assert not dialogs.shown or "rugi" not in dialogs.shown[-1][1].lower()

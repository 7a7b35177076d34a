"""The member list: lazy paging on 50,000 members, SQL search and sort, model sanity, and
the member form's manners (bad input named in place, asking before losing edits)."""

from __future__ import annotations

import time

from PySide6.QtCore import QModelIndex, Qt
from uihelpers import open_dialog

from koperasi.services import members as members_service
from koperasi.ui.main_window import MainWindow
from koperasi.ui.pages.base import RowsModel
from koperasi.ui.pages.ledger import JournalModel
from koperasi.ui.pages.member_detail import MemberDetailDialog
from koperasi.ui.pages.member_dialog import MemberDialog
from koperasi.ui.pages.members import MemberTableModel
from koperasi.ui.pages.savings import ActivityModel

LEFT = Qt.MouseButton.LeftButton


def test_fifty_thousand_members_load_lazily_and_search_in_sql(big_db, make_ctx, qtbot):
    ctx = make_ctx(big_db)
    calls: list[tuple] = []
    original = members_service.list_members

    def counting(*args, **kwargs):  # type: ignore[no-untyped-def]
        calls.append((kwargs.get("search"), kwargs.get("after")))
        return original(*args, **kwargs)

    members_service.list_members = counting
    try:
        win = MainWindow(ctx)
        qtbot.addWidget(win)
        win.show()
        start = time.perf_counter()
        win.go("members")
        qtbot.waitExposed(win)
        opened = time.perf_counter() - start
        page = win.members
        model = page.model
        # only the first page was fetched, although the table is on screen
        assert model.pages_fetched == 1
        assert model.rowCount() == 200
        assert len(calls) == 1 and calls[0][1] is None
        assert page.total == 50_000
        assert page.countLabel.text() == "50.000 anggota"
        assert opened < 3.0, f"opening the list took {opened:.2f}s"

        # scrolling to the end of what is loaded asks for exactly one more page
        page.table.scrollToBottom()
        qtbot.waitUntil(lambda: model.pages_fetched >= 2)
        assert model.rowCount() == 400
        assert calls[-1][1] == ("A00200", model.rows[199].id)
        assert [m.number for m in model.rows[:3]] == ["A00001", "A00002", "A00003"]

        # search runs in SQL over all 50,000, not over the loaded rows
        qtbot.keyClicks(page.searchEdit, "kusumawardhani")
        page.apply_search()
        assert [m.number for m in model.rows] == ["A31337"]
        assert page.total == 1
        page.searchEdit.clear()
        qtbot.keyClicks(page.searchEdit, "0812000499")  # phone prefix: members 49900..49999
        page.apply_search()
        assert page.total == 100
        assert model.rowCount() == 100 and model.exhausted
        assert all(m.phone.startswith("0812000499") for m in model.rows)

        # sorting by name re-queries in SQL; the first page is the alphabetical start
        page.searchEdit.clear()
        page.apply_search()
        page.table.sortByColumn(1, Qt.SortOrder.AscendingOrder)
        names = [m.name.lower() for m in model.rows]
        assert names == sorted(names) and names[0].startswith("agus")
        assert model.pages_fetched == 1
        page.table.sortByColumn(0, Qt.SortOrder.DescendingOrder)
        assert model.rows[0].number == "A50000"

        # the group filter (every 50th member is in K001)
        page.groupFilter.setCurrentIndex(page.groupFilter.findData("K001"))
        assert page.total == 1_000
        assert all(m.group_name == "Kelompok Anggrek" for m in model.rows)
    finally:
        members_service.list_members = original


def test_models_pass_qt_model_tester(demo_db, make_ctx, qtmodeltester):
    ctx = make_ctx(demo_db)

    def fetch(q, after, limit):  # type: ignore[no-untyped-def]
        return members_service.list_members(
            demo_db,
            search=q.search or None,
            after=after,
            limit=limit,
            sort=q.sort,
            descending=q.descending,
        )

    # Qt's tester runs its checks (which fetch more) inside the modelReset signal of a model
    # it watches, so each model is checked once, after the resets it is meant to survive.
    members = MemberTableModel(fetch, page_size=15)
    members.set_query()
    while members.canFetchMore(QModelIndex()):
        members.fetchMore(QModelIndex())
    assert members.rowCount() == 40
    qtmodeltester.check(members)
    by_name = MemberTableModel(fetch, page_size=15)
    by_name.set_query()
    by_name.sort(1, Qt.SortOrder.DescendingOrder)
    names = [by_name.index(r, 1).data() for r in range(by_name.rowCount())]
    assert names == sorted(names, reverse=True)
    qtmodeltester.check(by_name)

    activity = ActivityModel(ctx)
    activity.reload()
    # one page at first (the model tester below fetches more on its own)
    assert activity.rowCount() == 200 and activity.canFetchMore(QModelIndex())
    qtmodeltester.check(activity)

    journal = JournalModel(ctx)
    journal.reload(None, None, None)
    qtmodeltester.check(journal)

    rows = RowsModel([("Kode", lambda r: r[0], "text"), ("Jumlah", lambda r: r[1], "money")])
    rows.set_rows([("a", 1_250_000), ("b", None)])
    qtmodeltester.check(rows)
    assert rows.index(0, 1).data() == "Rp1.250.000"


def test_member_form_keeps_input_and_asks_before_discarding(window, qtbot, answers, asked):
    page = window.members
    window.go("members")
    qtbot.mouseClick(page.newButton, LEFT)
    form = open_dialog(MemberDialog)
    ui = form.ui
    # save with nothing filled: every wrong field is named at once, nothing is posted
    before = members_service.count_members(window.ctx.db)
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Save), LEFT)
    assert form.isVisible()
    assert form.errors.message("name") and form.errors.message("nik")
    assert members_service.count_members(window.ctx.db) == before
    qtbot.keyClicks(ui.nameEdit, "Halimah Tusa'diah")
    assert form.errors.message("name") is None  # cleared as you type
    qtbot.keyClicks(ui.birthDateEdit, "31/02/1990")
    assert form.errors.message("birth_date")
    # Escape with unsaved edits asks; "no" keeps the form and what was typed
    answers.append(False)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert asked and form.isVisible()
    assert ui.nameEdit.text() == "Halimah Tusa'diah"
    answers.append(True)
    qtbot.keyClick(form, Qt.Key.Key_Escape)
    assert not form.isVisible()
    assert len(asked) == 2


def test_member_detail_tabs_and_edit(window, qtbot):
    page = window.members
    window.go("members")
    page.table.selectRow(0)
    number = page.selected_member().number
    window.activateWindow()
    page.table.setFocus()
    qtbot.waitUntil(page.table.hasFocus)
    qtbot.keyClick(page.table, Qt.Key.Key_Return)
    detail = open_dialog(MemberDetailDialog)
    assert detail.number == number
    assert [detail.tabs.tabText(i) for i in range(detail.tabs.count())] == [
        "Profil",
        "Simpanan",
        "Pinjaman",
        "Transaksi",
        "Dokumen",
    ]
    balances = {r.product_code: r.balance for r in detail.balancesModel.rows}
    assert balances["POKOK"] == 300_000
    detail.balancesTable.selectRow(1)  # WAJIB
    detail.load_statement()
    assert detail.statementModel.rowCount() > 0
    assert "Saldo awal" in detail.statementSummary.text()
    assert detail.ledgerModel.rowCount() > 0
    # edit the phone number from the detail; the detail refreshes itself
    qtbot.mouseClick(detail.editButton, LEFT)
    form = open_dialog(MemberDialog)
    assert form.ui.nikEdit.text() == detail.detail.nik
    form.ui.phoneEdit.selectAll()
    qtbot.keyClicks(form.ui.phoneEdit, "081299998888")
    qtbot.mouseClick(form.ui.buttonBox.button(form.ui.buttonBox.StandardButton.Save), LEFT)
    assert not form.isVisible()
    assert members_service.get_member(window.ctx.db, number).phone == "081299998888"
    assert detail.detail.phone == "081299998888"
    detail.close()

"""Each role sees only its own in the desktop app (issue 18): logged in as the ketua kelompok
of K001 every page lists that group's data only and Laporan offers only the group's reports;
logged in as pengawas every settings field is read-only (not merely without a Save button),
no orphan input box and no empty menu remain."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtWidgets import QComboBox, QLineEdit, QMenu
from sqlalchemy import select

from koperasi.db.models import Group, Loan, Member
from koperasi.services.auth import Actor, Role
from koperasi.services.uow import read_only
from koperasi.ui.main_window import PAGE_KEYS, MainWindow

KETUA_REPORTS = {
    "daftar-anggota",
    "mutasi-simpanan",
    "kuitansi",
    "lembar-pertemuan",
    "ringkasan-pertemuan",
    "slip-shu",
    "kartu-pinjaman",
    "nominatif",
    "tunggakan",
}


def _groups(db) -> tuple[dict[str, int], dict[str, set[str]], dict[str, set[str]]]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        ids = {code: gid for gid, code in s.execute(select(Group.id, Group.code))}
        numbers: dict[str, set[str]] = {}
        for number, code in s.execute(
            select(Member.number, Group.code).join(Group, Group.id == Member.group_id)
        ):
            numbers.setdefault(code, set()).add(number)
        loans: dict[str, set[str]] = {}
        for number, code in s.execute(
            select(Loan.number, Group.code)
            .join(Member, Member.id == Loan.member_id)
            .join(Group, Group.id == Member.group_id)
        ):
            loans.setdefault(code, set()).add(number)
    return ids, numbers, loans


def _window(qtbot, make_ctx, db, actor: Actor) -> MainWindow:  # type: ignore[no-untyped-def]
    ctx = make_ctx(db)
    ctx.actor = actor
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(1366, 705)
    win.show()
    qtbot.waitExposed(win)
    return win


def _visible_menus(win: MainWindow) -> dict[str, list[str]]:
    out = {}
    for top in win.menuBar().actions():
        if top.menu() is not None and top.isVisible():
            out[top.menu().objectName()] = [
                a.text() for a in top.menu().actions() if a.isVisible() and not a.isSeparator()
            ]
    return out


@pytest.fixture
def ketua(demo_db, make_ctx, qtbot):  # type: ignore[no-untyped-def]
    ids, numbers, loans = _groups(demo_db)
    win = _window(qtbot, make_ctx, demo_db, Actor("ani", Role.KETUA, frozenset({ids["K001"]})))
    own = numbers["K001"]
    foreign = set().union(*(v for k, v in numbers.items() if k != "K001"))
    foreign_loans = set().union(*(v for k, v in loans.items() if k != "K001"))
    return win, own, foreign, loans["K001"], foreign_loans


def test_ketua_walks_every_page_and_sees_only_the_group(ketua, qtbot):
    win, own, foreign, own_loans, foreign_loans = ketua
    hidden = {PAGE_KEYS[i] for i in range(win.nav.count()) if win.nav.item(i).isHidden()}
    assert hidden == {"dashboard", "ledger", "exchange", "rat"}
    # no empty menu: Transaksi holds only money actions
    menus = _visible_menus(win)
    assert "transactionsMenu" not in menus and all(menus.values()), menus

    # Anggota (the first page the ketua sees is guarded too: no "Anggota baru")
    members = win.go("members")
    assert win.current_key() == "members"
    shown = {r.number for r in members.model.rows}
    assert shown == own
    assert not members.newButton.isVisible() and not members.editButton.isVisible()
    filters = [members.groupFilter.itemData(i) for i in range(members.groupFilter.count())]
    assert set(filters) == {None, "K001"}
    # the search box finds no member of another group, even by number
    stranger = sorted(foreign)[0]
    members.searchEdit.setText(stranger)
    members.apply_search()
    qtbot.waitUntil(lambda: members.model.rowCount() == 0)
    members.searchEdit.setText(sorted(own)[0])
    members.apply_search()
    qtbot.waitUntil(lambda: members.model.rowCount() == 1)

    # Kelompok: the leader's group only, no orphan "Nomor anggota" box, no meeting posting
    groups = win.go("groups")
    assert [g.code for g in groups.model.rows] == ["K001"]
    assert {r.number for r in groups.membersModel.rows} <= own
    assert not groups.addMemberEdit.isVisible()
    assert not groups.meetingButton.isVisible()

    # Simpanan: the activity list holds the group's members only
    savings = win.go("savings")
    activity = {r.member_number for r in savings.activityModel.rows}
    assert activity and activity <= own

    # Pinjaman: the list and the instalments due
    loans = win.go("loans")
    listed = {r.number for r in loans.model.rows}
    assert listed and listed <= own_loans and not listed & foreign_loans
    loans.due.fromEdit.setDate(dt.date(2024, 1, 1))
    loans.due.toEdit.setDate(dt.date(2026, 12, 31))
    loans.due.refresh()
    assert {r.member_number for r in loans.due.model.rows} <= own

    # Pengaturan: the cooperative's usual amounts are not shown, profile fields read-only
    settings = win.go("settings")
    tabs = {
        settings.tabs.tabText(i): settings.tabs.isTabVisible(i)
        for i in range(settings.tabs.count())
    }
    assert tabs["Batas kewajaran"] is False
    assert settings.profileEditor.ui.coopNameEdit.isReadOnly()
    # nor the data folder, which holds the whole book and its backups
    assert not settings.dataFolderButton.isVisibleTo(settings)


def test_ketua_reports_are_the_groups_and_built_for_the_group(ketua, qtbot):
    win, own, foreign, _own_loans, foreign_loans = ketua
    reports = win.go("reports")
    assert set(reports.report_names()) == KETUA_REPORTS
    assert not reports.tabs.isTabVisible(reports.tabs.indexOf(reports.closing))
    reports.select_report("daftar-anggota")
    combo = reports.options.groupCombo
    assert [combo.itemData(i) for i in range(combo.count())] == ["K001"]
    reports.build()
    qtbot.waitUntil(lambda: reports.data is not None and reports.data.name == "daftar-anggota")
    table = reports.data.tables()[0]
    numbers = set(table.values("number"))
    assert numbers and numbers <= own and not numbers & foreign
    assert "categories" not in [c.key for c in table.columns]
    # a sheet asked for another group (e.g. from an old link) is built for the own group
    reports.open_report("lembar-pertemuan", group="K002", date=dt.date(2026, 10, 28))
    qtbot.waitUntil(lambda: reports.data is not None and reports.data.name == "lembar-pertemuan")
    numbers = set(reports.data.tables()[0].values("number"))
    assert numbers and numbers <= own
    # the loan register of the group: no loan of another group
    reports.open_report("nominatif")
    qtbot.waitUntil(lambda: reports.data is not None and reports.data.name == "nominatif")
    assert not set(reports.data.tables()[1].values("loan")) & foreign_loans


def test_pengawas_sees_everything_and_can_edit_nothing(demo_db, make_ctx, qtbot):
    win = _window(qtbot, make_ctx, demo_db, Actor("budi", Role.PENGAWAS))
    menus = _visible_menus(win)
    assert "transactionsMenu" not in menus, "the Transaksi menu would be empty"
    assert all(menus.values()), menus
    groups = win.go("groups")
    assert len(groups.model.rows) >= 2
    assert not groups.addMemberEdit.isVisible(), "an orphan 'Nomor anggota' box"
    groups.table.selectRow(0)
    assert groups.edit_group() is None, "a double-click would open an editable group form"
    from koperasi.ui.pages.loan_products import LoanProductsDialog

    products = LoanProductsDialog(win.ctx, win)
    qtbot.addWidget(products)
    products.table.selectRow(0)
    assert products.edit() is None
    settings = win.go("settings")
    for editor in (
        settings.profileEditor,
        settings.rulesEditor,
        settings.plausibilityEditor,
    ):
        edits = editor.findChildren(QLineEdit)
        assert edits, editor.objectName()
        for e in edits:
            assert e.isReadOnly(), f"{editor.objectName()}.{e.objectName()} is editable"
        for c in editor.findChildren(QComboBox):
            assert not c.isEnabled(), c.objectName()
    assert not settings.nonMemberCombo.isEnabled() and not settings.lossCombo.isEnabled()
    assert not settings.profileEditor.ui.logoBrowseButton.isVisible()
    for name in ("saveProfileButton", "saveRulesButton", "saveCeilingsButton", "saveShuButton"):
        assert not getattr(settings, name).isVisible(), name
    # typing into a read-only field changes nothing
    name_edit = settings.profileEditor.ui.coopNameEdit
    before = name_edit.text()
    settings.tabs.setCurrentIndex(0)
    name_edit.setFocus()
    qtbot.keyClicks(name_edit, "XYZ")
    assert name_edit.text() == before
    # the language of the app stays the user's own choice
    assert settings.languageCombo.isEnabled()
    # Kas & Jurnal: no button that changes an account
    ledger = win.go("ledger")
    assert not ledger.sideButton.isEnabled() and not ledger.sideButton.isVisibleTo(ledger)
    # Impor/Ekspor: the audit export, no import tab without its import button
    exchange = win.go("exchange")
    assert exchange.exportButton.isVisibleTo(exchange)
    assert not exchange.tabs.isTabVisible(1)
    # reports: all of them, the closing tab readable
    reports = win.go("reports")
    assert set(reports.report_names()) > KETUA_REPORTS
    assert reports.tabs.isTabVisible(reports.tabs.indexOf(reports.closing))


def test_treasurer_keeps_editable_settings_and_the_transactions_menu(demo_db, make_ctx, qtbot):
    win = _window(qtbot, make_ctx, demo_db, Actor("sri", Role.BENDAHARA))
    assert "transactionsMenu" in _visible_menus(win)
    settings = win.go("settings")
    # the treasurer sets plausibility ceilings but not the profile (admin only)
    assert all(not e.isReadOnly() for e in settings.plausibilityEditor.findChildren(QLineEdit))
    assert settings.profileEditor.ui.coopNameEdit.isReadOnly()
    assert win.menuBar().findChild(QMenu, "transactionsMenu") is not None

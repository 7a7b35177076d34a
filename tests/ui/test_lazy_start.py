"""A quick start: the main window builds only the page it shows first; the others are built
on first use (navigation, shortcut, another screen's request, ``win.members``...), still
guarded by the user's role; closing does not wait for figures still loading."""

from __future__ import annotations

import threading
import time

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QApplication
from uihelpers import LEFT, click_nav

from koperasi.services.auth import Actor, Role
from koperasi.services.changes import Area
from koperasi.ui.main_window import PAGE_KEYS, MainWindow
from koperasi.ui.pages.base import Page
from koperasi.ui.worker import Runner

PAGE_NAMES = {
    "dashboard": "dashboardPage",
    "members": "membersPage",
    "groups": "groupsPage",
    "savings": "savingsPage",
    "loans": "loansPage",
    "ledger": "ledgerPage",
    "reports": "reportsPage",
    "rat": "ratPage",
    "messages": "messagesPage",
    "exchange": "exchangePage",
    "settings": "settingsPage",
}


def _window(qtbot, ctx) -> MainWindow:  # type: ignore[no-untyped-def]
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    return win


def test_only_the_first_page_is_built_and_every_page_opens_on_first_use(window, qtbot):
    win = window
    assert list(win.pages.built()) == ["dashboard"]
    assert win.stack.currentWidget() is win.dashboard
    # the others hold their place in the stack with an empty stand-in
    assert win.stack.count() == len(PAGE_KEYS)
    assert win.stack.widget(PAGE_KEYS.index("members")).objectName() == "membersPlaceholder"

    # a change announced on the bus refreshes the pages that exist and builds no other
    win.ctx.bus.changed.emit({Area.MEMBERS, Area.SAVINGS, Area.LOANS})
    assert list(win.pages.built()) == ["dashboard"]

    click_nav(qtbot, win, "members")
    assert set(win.pages.built()) == {"dashboard", "members"}
    assert win.members.model.rowCount() > 0, "the member list loads when first shown"
    assert not win.pages.is_built("loans")

    for key in PAGE_KEYS:  # every page still opens, each at its own place
        click_nav(qtbot, win, key)
        page = win.stack.currentWidget()
        assert isinstance(page, Page) and page.objectName() == PAGE_NAMES[key]
        assert win.current_key() == key and win.pages[key] is page
    assert list(win.pages.built()) == list(PAGE_KEYS)
    assert all(isinstance(win.stack.widget(i), Page) for i in range(win.stack.count()))
    # built once: the second visit shows the same page
    members = win.members
    click_nav(qtbot, win, "members")
    assert win.members is members


def test_shortcut_bus_and_attribute_build_a_page_when_first_needed(window, qtbot):
    win = window
    qtbot.keyClick(win, Qt.Key.Key_5, Qt.KeyboardModifier.ControlModifier)  # Ctrl+5
    assert win.current_key() == "loans" and win.pages.is_built("loans")

    win.ctx.bus.navigate.emit("ledger", {"tab": 2})
    assert win.current_key() == "ledger" and win.ledger.tabs.currentIndex() == 2

    assert not win.pages.is_built("groups")
    groups = win.groups  # code reaching for a page gets it, built but not shown
    assert win.pages.is_built("groups") and win.current_key() == "ledger"
    assert not groups.isVisible()
    click_nav(qtbot, win, "groups")
    assert groups.isVisible() and groups.model.rowCount() > 0

    # the dashboard's cards still lead to their lists
    click_nav(qtbot, win, "dashboard")
    qtbot.mouseClick(win.dashboard.cards["savings"], LEFT)
    assert win.current_key() == "savings" and win.savings.isVisible()


def test_pages_built_later_are_guarded_by_the_users_role(qtbot, demo_db, make_ctx):
    ctx = make_ctx(demo_db)
    ctx.actor = Actor("pak-audit", Role.PENGAWAS)
    win = _window(qtbot, ctx)
    assert list(win.pages.built()) == ["dashboard"]
    win.go("members")
    assert win.members.newButton.isHidden()
    win.go("savings")
    assert win.savings.depositButton.isHidden()
    # Pengaturan, built last, gets the auditor's tabs and no user management
    win.go("settings")
    tabs = [win.settings.tabs.tabText(i) for i in range(win.settings.tabs.count())]
    assert "Jejak Audit" in tabs and "Pengguna" not in tabs and "Cadangan" in tabs
    assert win.settings.saveProfileButton.isHidden()
    assert win.trust.backupPanel.restoreButton.isHidden()


def test_the_last_page_used_is_the_one_built_at_the_next_start(qtbot, demo_db, make_ctx):
    ctx = make_ctx(demo_db)
    win = _window(qtbot, ctx)
    win.go("loans")
    win.close()
    again = _window(qtbot, make_ctx(demo_db))
    assert again.current_key() == "loans"
    assert list(again.pages.built()) == ["loans"]
    assert again.stack.currentWidget() is again.loans and again.loans.isVisible()


def test_fifty_thousand_members_window_opens_without_touching_the_list(big_db, make_ctx, qtbot):
    win = _window(qtbot, make_ctx(big_db))
    assert list(win.pages.built()) == ["dashboard"]
    win.go("members")
    assert win.members.model.rowCount() == 200  # one page of 50,000


def _slow_read(db, started: threading.Event):  # type: ignore[no-untyped-def]
    """A read that would run for a minute or more: a recursive count to 300 million."""
    from sqlalchemy import text

    from koperasi.services.uow import read_only

    def run():  # type: ignore[no-untyped-def]
        with read_only(db) as s:
            started.set()
            return s.execute(
                text(
                    "WITH RECURSIVE c(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM c"
                    " WHERE n < 300000000) SELECT count(*) FROM c"
                )
            ).scalar()

    return run


def test_closing_drops_reads_still_loading_without_asking(qtbot, demo_db, make_ctx, asked):
    ctx = make_ctx(demo_db)
    ctx.runner = Runner()
    win = _window(qtbot, ctx)
    started = threading.Event()
    results: list[object] = []
    ctx.read(_slow_read(ctx.db, started), on_done=results.append, on_error=results.append)
    assert started.wait(10)
    time.sleep(0.5)  # the statement is running (not only about to start)
    assert ctx.runner.busy() and not ctx.runner.busy(writes_only=True)
    begun = time.perf_counter()
    win.close()
    assert time.perf_counter() - begun < 5, "closing waited for the read"
    assert not win.isVisible() and asked == [], "a read in flight is no reason to ask"
    for _ in range(5):
        QApplication.processEvents()
    assert results == [], "an abandoned read calls nobody back"
    assert not ctx.runner.busy()
    # the database reads again afterwards (the automatic backup, the next window)
    from koperasi.services import members as members_service

    assert members_service.count_members(ctx.db) > 0

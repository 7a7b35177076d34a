"""A write announces on the bus what its units of work committed: the services record it
from what they wrote, the call sites declare nothing."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import member_input
from PySide6.QtCore import Qt
from uihelpers import click_nav, open_dialog, type_into

from koperasi.errors import ValidationError
from koperasi.services import members as members_service
from koperasi.services import savings as savings_service
from koperasi.services.auth import SYSTEM
from koperasi.services.changes import Area
from koperasi.ui.pages.savings import ReceiptDialog, SavingsTxDialog

CTRL = Qt.KeyboardModifier.ControlModifier
D = dt.date(2026, 3, 10)


@pytest.fixture
def ctx_member(sqlite_db, make_ctx):
    ctx = make_ctx(sqlite_db)
    member = members_service.register_member(sqlite_db, SYSTEM, member_input())
    seen: list[set[str]] = []
    ctx.bus.changed.connect(lambda areas: seen.append(set(areas)))
    return ctx, member.number, seen


def test_a_posting_announces_its_areas_without_naming_them(ctx_member):
    ctx, number, seen = ctx_member
    done: list[object] = []
    ctx.write(
        lambda: savings_service.deposit(ctx.db, ctx.actor, number, "SUKARELA", 50_000, D),
        on_done=done.append,
    )
    assert done and seen == [{Area.SAVINGS, Area.LEDGER, Area.AUDIT}]


def test_a_refused_write_announces_nothing(ctx_member):
    ctx, number, seen = ctx_member
    errors: list[BaseException] = []
    ctx.write(
        lambda: savings_service.deposit(ctx.db, ctx.actor, number, "SUKARELA", -5, D),
        on_error=lambda exc: errors.append(exc) or True,
    )
    assert isinstance(errors[0], ValidationError) and seen == []


def test_a_read_through_write_announces_nothing(ctx_member):
    ctx, _number, seen = ctx_member
    ctx.write(lambda: members_service.count_members(ctx.db))
    assert seen == []


def test_what_changed_outside_the_database_is_added_by_the_call_site(ctx_member):
    ctx, _number, seen = ctx_member
    ctx.write(lambda: None, also_changed=frozenset({Area.SETTINGS}))
    assert seen == [{Area.SETTINGS}]


def test_units_that_committed_before_a_failure_are_announced(ctx_member):
    ctx, number, seen = ctx_member

    def two_steps() -> None:
        savings_service.deposit(ctx.db, ctx.actor, number, "SUKARELA", 50_000, D)
        savings_service.deposit(ctx.db, ctx.actor, number, "SUKARELA", -5, D)

    ctx.write(two_steps, on_error=lambda _exc: True)
    assert seen == [{Area.SAVINGS, Area.LEDGER, Area.AUDIT}]


def test_a_deposit_from_the_form_refreshes_the_member_list_and_the_ledger(
    window, qtbot, monkeypatch
):
    win = window
    seen: list[set[str]] = []
    win.ctx.bus.changed.connect(lambda areas: seen.append(set(areas)))
    click_nav(qtbot, win, "ledger")
    click_nav(qtbot, win, "members")
    refreshed: list[str] = []
    monkeypatch.setattr(win.members, "refresh", lambda: refreshed.append("members"))
    win.ledger._stale = False
    win.members.table.selectRow(0)
    qtbot.keyClick(win, Qt.Key.Key_D, CTRL)
    dep = open_dialog(SavingsTxDialog, "depositDialog")
    dep.ui.productCombo.setCurrentIndex(dep.ui.productCombo.findData("SUKARELA"))
    type_into(qtbot, dep.ui.amountEdit, "50.000")
    qtbot.keyClick(dep.ui.amountEdit, Qt.Key.Key_Return)
    assert not dep.isVisible(), dep.errors.errors
    open_dialog(ReceiptDialog).close()
    assert seen == [{Area.SAVINGS, Area.LEDGER, Area.AUDIT}]
    assert refreshed == ["members"]  # the member list on screen reloaded
    assert win.ledger._stale  # the ledger page reloads when it is shown next

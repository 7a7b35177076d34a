"""Batalkan: the user who just posted reverses it from the receipt, with a reason, the same
day only, through the posting's own reversal service (audited there)."""

from __future__ import annotations

import dataclasses
import datetime as dt

from PySide6.QtCore import Qt
from uihelpers import LEFT, TODAY, open_dialog, type_into

from koperasi.services import audit as audit_service
from koperasi.services import savings_statements
from koperasi.services.loans import views as loan_views

K = Qt.Key


def _sukarela(db, number: str) -> int:  # type: ignore[no-untyped-def]
    rows = savings_statements.member_balances(db, number)
    return next((r.balance for r in rows if r.product_code == "SUKARELA"), 0)


def _deposit(ctx, qtbot, number: str, amount: str):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.savings import SavingsTxDialog

    dlg = SavingsTxDialog(ctx, "deposit", number, "SUKARELA")
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.ui.amountEdit, amount)
    dlg.save()
    assert dlg.result_view is not None, dlg.errors.errors
    return dlg.receipt


def test_undo_a_deposit_from_its_receipt(demo_db, make_ctx, qtbot):
    from koperasi.ui.pages.savings import ReverseDialog

    ctx = make_ctx(demo_db)
    before = _sukarela(demo_db, "A00001")
    receipt = _deposit(ctx, qtbot, "A00001", "75.000")
    assert _sukarela(demo_db, "A00001") == before + 75_000
    assert receipt.undoButton is not None and receipt.undoButton.isEnabled()
    qtbot.mouseClick(receipt.undoButton, LEFT)
    rev = open_dialog(ReverseDialog)
    assert not rev.dateEdit.isEnabled(), "reversed on the day it was posted"
    qtbot.keyClick(rev.reasonEdit, K.Key_Return)  # no reason: refused in place
    assert rev.isVisible() and rev.errors.message("reason")
    qtbot.keyClicks(rev.reasonEdit, "salah anggota")
    qtbot.keyClick(rev.reasonEdit, K.Key_Return)
    assert not rev.isVisible()
    assert _sukarela(demo_db, "A00001") == before, "the deposit is reversed"
    assert receipt.undone and not receipt.undoButton.isEnabled()
    assert "DIBATALKAN" in receipt.body.text()
    trail = audit_service.list_audit(demo_db, limit=5, newest_first=True, actor=ctx.actor)
    assert any("salah anggota" in f"{r.before} {r.after}" for r in trail), "audited"
    receipt.close()


def test_undo_only_same_day_and_same_user(demo_db, make_ctx, qtbot):
    from koperasi.ui import dialogs

    ctx = make_ctx(demo_db)
    before = _sukarela(demo_db, "A00002")
    receipt = _deposit(ctx, qtbot, "A00002", "20.000")
    ctx.today = lambda: TODAY + dt.timedelta(days=1)  # the receipt left open overnight
    assert not receipt.undo_allowed()
    assert receipt.undo(*[None] * 2) is None  # (what, action): no changes= any more
    assert "hari ini" in dialogs.shown[-1][1]
    ctx.today = lambda: TODAY
    ctx.actor = dataclasses.replace(ctx.actor, username="lain")
    assert not receipt.undo_allowed(), "only the user who posted it"
    assert _sukarela(demo_db, "A00002") == before + 20_000
    receipt.close()


def test_undo_a_repayment(demo_db, make_ctx, qtbot):
    from koperasi.ui.pages.loan_payment_dialogs import RepaymentDialog
    from koperasi.ui.pages.savings import ReverseDialog

    ctx = make_ctx(demo_db)
    row = next(r for r in loan_views.list_loans(demo_db, status="aktif", limit=50))
    before = loan_views.get_loan(demo_db, row.number)
    dlg = RepaymentDialog(ctx, row.number)
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.ui.amountEdit, "50.000")
    dlg.save()
    receipt = dlg.receipt
    paid = loan_views.get_loan(demo_db, row.number)
    assert len(paid.transactions) == len(before.transactions) + 1
    qtbot.mouseClick(receipt.undoButton, LEFT)
    rev = open_dialog(ReverseDialog)
    qtbot.keyClicks(rev.reasonEdit, "angsuran dobel")
    qtbot.keyClick(rev.reasonEdit, K.Key_Return)
    assert not rev.isVisible()
    after = loan_views.get_loan(demo_db, row.number)
    kinds = [t.kind for t in after.transactions]
    assert kinds.count("koreksi") == [t.kind for t in before.transactions].count("koreksi") + 1
    assert after.row.principal_outstanding == before.row.principal_outstanding
    paid_of = lambda d: [(i.paid_principal, i.paid_interest, i.paid_penalty) for i in d.schedule]  # noqa: E731
    assert paid_of(after) == paid_of(before)
    receipt.close()

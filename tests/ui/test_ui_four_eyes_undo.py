"""Four-eyes on reversals (issue 17) from the screens: the Batalkan offered on a receipt files
the approval request like Balik transaksi does (instead of the "needs a second user" error),
and after a request is filed the user is told where it waits and who may approve it."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import member_input
from PySide6.QtCore import Qt
from uihelpers import LEFT, open_dialog, type_into

from koperasi.services import approvals, lending_rules, members, savings, savings_statements
from koperasi.services.auth import Actor, Role
from koperasi.services.lending_rules import LendingRules
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views

D = dt.date
DAY = D(2025, 3, 3)
K = Qt.Key


@pytest.fixture
def messages(monkeypatch):
    """What the pages tell the user through dialogs.inform (title, text)."""
    from koperasi.ui import dialogs

    told: list[tuple[str, str]] = []
    monkeypatch.setattr(dialogs, "inform", lambda _parent, title, text: told.append((title, text)))
    return told


def _loan(db, actor) -> str:  # type: ignore[no-untyped-def]
    add_product(db, actor, ProductInput("UMUM", "Pinjaman Umum"))
    m = members.register_member(db, actor, member_input(name="Siti Aminah", n=1))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, D(2025, 1, 6))
    number = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", 2_000_000, 4, D(2025, 2, 3), "modal"),
    ).number
    loan_applications.approve(db, actor, number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, number, D(2025, 2, 3))
    lending_rules.save_rules(db, actor, LendingRules(four_eyes_reversal=True))
    return number


def test_undo_of_a_repayment_files_the_request(sqlite_db, actor, make_ctx, qtbot, messages):
    from koperasi.ui.pages.loan_payment_dialogs import RepaymentDialog
    from koperasi.ui.pages.savings import ReverseDialog

    db = sqlite_db
    number = _loan(db, actor)
    ctx = make_ctx(db, today=DAY)
    dlg = RepaymentDialog(ctx, number)
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.ui.amountEdit, "530.000")
    dlg.save()
    paid = dlg.result_view
    assert paid is not None, dlg.errors.errors
    outstanding = loan_views.get_loan(db, number).row.principal_outstanding
    assert outstanding < 2_000_000
    receipt = dlg.receipt
    qtbot.mouseClick(receipt.undoButton, LEFT)
    rev = open_dialog(ReverseDialog)
    qtbot.keyClicks(rev.reasonEdit, "angsuran dobel")
    qtbot.keyClick(rev.reasonEdit, K.Key_Return)
    # no "needs a second user" error: the request is filed and the dialog closes
    assert not rev.isVisible(), rev.errors.errors
    [req] = approvals.list_requests(db)
    assert (req.kind, req.ref, req.params["tx"], req.reason) == (
        "loan_reversal",
        number,
        str(paid.id),
        "angsuran dobel",
    )
    assert loan_views.get_loan(db, number).row.principal_outstanding == outstanding, "not yet"
    # the user is told where the request waits and who may approve it
    [(title, text)] = messages
    assert title == "Menunggu persetujuan"
    assert f"no. {req.id}" in text and "belum dibalik" in text
    assert "Menunggu persetujuan" in text and "Administrator atau Bendahara" in text
    assert "MENUNGGU PERSETUJUAN" in receipt.body.text() and "DIBATALKAN" not in receipt.body.text()
    assert not receipt.undoButton.isEnabled()
    # a second user approves: now it is reversed
    approvals.approve(db, Actor("budi", Role.BENDAHARA), req.id, "cek")
    assert loan_views.get_loan(db, number).row.principal_outstanding == 2_000_000
    receipt.close()


def test_reverse_from_the_loan_page_tells_where_the_request_waits(
    sqlite_db, actor, make_ctx, qtbot, messages
):
    from koperasi.ui.pages.loans import LoansPage

    db = sqlite_db
    number = _loan(db, actor)
    pay = loan_repayments.repay(db, actor, number, 530_000, DAY)
    ctx = make_ctx(db, today=DAY)
    page = LoansPage(ctx)
    qtbot.addWidget(page)
    page.show()
    page.refresh()
    assert page.select_loan(number)
    page.detail.tabs.setCurrentWidget(page.detail.txTable)
    model = page.detail.txModel
    row = next(i for i, t in enumerate(model.rows) if t.id == pay.id)  # not the disbursement
    page.detail.txTable.setCurrentIndex(model.index(row, 0))
    dlg = page.reverse_selected()
    assert dlg is not None
    type_into(qtbot, dlg.reasonEdit, "salah anggota")
    qtbot.keyClick(dlg.reasonEdit, K.Key_Return)
    assert not dlg.isVisible(), dlg.errors.errors
    [req] = approvals.list_requests(db)
    assert req.kind == "loan_reversal"
    [(title, text)] = messages
    assert title == "Menunggu persetujuan" and f"no. {req.id}" in text
    assert "pengguna lain" in text


def test_undo_of_a_deposit_files_the_request(sqlite_db, actor, make_ctx, qtbot, messages):
    from koperasi.ui.pages.savings import ReverseDialog, SavingsTxDialog

    db = sqlite_db
    m = members.register_member(db, actor, member_input(n=1))
    lending_rules.save_rules(db, actor, LendingRules(four_eyes_reversal=True))
    ctx = make_ctx(db, today=DAY)
    dlg = SavingsTxDialog(ctx, "deposit", m.number, "SUKARELA")
    qtbot.addWidget(dlg)
    dlg.show()
    type_into(qtbot, dlg.ui.amountEdit, "75.000")
    dlg.save()
    tx = dlg.result_view
    assert tx is not None, dlg.errors.errors
    qtbot.mouseClick(dlg.receipt.undoButton, LEFT)
    rev = open_dialog(ReverseDialog)
    qtbot.keyClicks(rev.reasonEdit, "salah anggota")
    qtbot.keyClick(rev.reasonEdit, K.Key_Return)
    assert not rev.isVisible(), rev.errors.errors
    [req] = approvals.list_requests(db)
    assert (req.kind, req.ref) == ("savings_reversal", str(tx.id))
    [(title, text)] = messages
    assert title == "Menunggu persetujuan" and f"no. {req.id}" in text
    balances = savings_statements.member_balances(db, m.number)
    assert next(r.balance for r in balances if r.product_code == "SUKARELA") == 75_000
    dlg.receipt.close()

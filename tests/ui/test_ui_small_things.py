"""The small things a user trips on (issue 18): each one checked as the user meets it."""

from __future__ import annotations

import datetime as dt

from uihelpers import type_into

from koperasi.domain.money import format_rupiah
from koperasi.services import savings_products, savings_statements
from koperasi.ui import dialogs


def test_discard_question_defaults_to_keep_editing(monkeypatch, qapp):
    seen = {}

    def ask(parent, title, text, yes, no, *, default_no=False):  # type: ignore[no-untyped-def]
        seen["default_no"] = default_no
        return False

    monkeypatch.setattr(dialogs, "ask", ask)
    assert dialogs.ask_discard(None) is False
    assert seen["default_no"] is True, "Enter keeps what was typed"
    box = dialogs.question_box(None, "t", "x", "Buang", "Kembali", default_no=True)
    assert box.defaultButton().objectName() == "questionNoButton"


def test_withdrawal_names_the_minimum_balance_and_an_overdraft(demo_db, make_ctx, qtbot):
    from koperasi.ui.pages.savings import SavingsTxDialog

    number = "A00001"
    rows = {r.product_code: r.balance for r in savings_statements.member_balances(demo_db, number)}
    balance = rows["SUKARELA"]
    product = next(p for p in savings_products.list_products(demo_db) if p.code == "SUKARELA")
    assert product.min_balance > 0 and balance > product.min_balance
    dlg = SavingsTxDialog(make_ctx(demo_db), "withdraw", number, "SUKARELA")
    qtbot.addWidget(dlg)
    dlg.show()
    # within the minimum: named as the minimum balance, with the most that may be taken
    type_into(qtbot, dlg.ui.amountEdit, str(balance - product.min_balance + 1))
    msg = dlg.errors.message("amount") or ""
    assert format_rupiah(product.min_balance) in msg and "minimum" in msg
    assert format_rupiah(balance - product.min_balance) in msg
    # above the balance: an overdraft, the balance after in red
    type_into(qtbot, dlg.ui.amountEdit, str(balance + 5_000))
    assert "Saldo tidak cukup" in (dlg.errors.message("amount") or "")
    assert "#b00020" in dlg.ui.balanceAfterLabel.text()
    # a valid amount clears the warning (no stale error)
    type_into(qtbot, dlg.ui.amountEdit, "1.000")
    assert not dlg.errors.message("amount")


def test_audit_times_are_local(monkeypatch):
    import os
    import time

    from koperasi.ui.pages.admin_common import fmt_datetime

    monkeypatch.setenv("TZ", "Asia/Makassar")  # WITA, UTC+8 (Balikpapan)
    time.tzset()
    try:
        assert fmt_datetime(dt.datetime(2026, 11, 23, 1, 30)) == "23/11/2026 09:30:00"
    finally:
        monkeypatch.delenv("TZ")
        time.tzset()
    assert os.environ.get("TZ") is None


def test_messages_show_dates_as_the_screens_do():
    from koperasi.messages import render

    text = render("date_before", "id", {"field": "Tanggal", "other": "2026-01-05"})
    assert "05/01/2026" in text and "2026-01-05" not in text


def test_a_new_database_offers_the_first_run_wizard(qtbot, tmp_path, ui_settings):
    from PySide6.QtWidgets import QWizard

    from koperasi.services import settings as settings_service
    from koperasi.ui.app import AppController
    from koperasi.ui.worker import SyncRunner

    path = tmp_path / "baru.db"
    controller = AppController(ui_settings, "id", SyncRunner(), demo_path=tmp_path / "demo.db")
    controller.start(db=str(path))
    wiz = controller.wizard
    assert wiz is not None and wiz.isVisible(), "not a nameless cooperative"
    assert controller.window is None
    assert wiz.locationPage.locationEdit.text() == str(path)
    assert wiz.locationPage.locationEdit.isReadOnly()
    profile = wiz.profilePage.editor.ui
    qtbot.keyClicks(profile.coopNameEdit, "KSP Sumber Rejeki")
    while wiz.currentPage() is not wiz.locationPage:
        wiz.next()
    assert wiz.locationPage.validatePage(), "the database just created is this one's"
    wiz.button(QWizard.WizardButton.FinishButton).click()
    win = controller.window
    assert win is not None
    assert settings_service.get_profile(win.ctx.db).name == "KSP Sumber Rejeki"
    controller.close_window()


def test_a_too_long_name_is_refused_visibly_not_cut(demo_db, make_ctx, qtbot):
    from PySide6.QtWidgets import QApplication

    from koperasi.ui.pages.member_dialog import MemberDialog

    dlg = MemberDialog(make_ctx(demo_db), None)
    qtbot.addWidget(dlg)
    dlg.show()
    name = "Siti " + "Nurhaliza " * 23  # 234 characters
    dlg.ui.nameEdit.setFocus()
    QApplication.clipboard().setText(name.strip())
    dlg.ui.nameEdit.paste()  # pasted from elsewhere, as the tester did
    assert dlg.ui.nameEdit.text() == name.strip(), "nothing cut silently"
    msg = dlg.errors.message("name") or ""
    assert "terlalu panjang" in msg and "120" in msg and str(len(name.strip())) in msg
    dlg.save()
    assert dlg.isVisible() and dlg.focusWidget() is dlg.ui.nameEdit, "refused at the name"
    dlg.ui.nameEdit.setText("Siti Nurhaliza")
    assert not dlg.errors.message("name")


def test_empty_chart_axis_is_whole_numbers(qapp):
    from PySide6.QtCharts import QChart, QValueAxis

    from koperasi.ui.pages.dashboard import DashboardPage

    chart = QChart()
    DashboardPage._bar_chart(chart, ["Lancar", "Macet"], [0, 0], "x", horizontal=True)
    axis = next(a for a in chart.axes() if isinstance(a, QValueAxis))
    assert (axis.min(), axis.max(), axis.tickCount()) == (0, 4, 5)  # 0 1 2 3 4


def test_loan_terms_error_goes_once_the_amount_is_valid(demo_db, make_ctx, qtbot):
    from koperasi.services import members as members_service
    from koperasi.services.loans import views as loan_views
    from koperasi.ui.pages.loan_wizard import LoanApplicationWizard

    with_loans = {r.member_number for r in loan_views.list_loans(demo_db, limit=1000)}
    member = next(
        m.number
        for m in members_service.list_members(demo_db, limit=100)
        if m.number not in with_loans and m.status == "aktif"
    )
    wiz = LoanApplicationWizard(make_ctx(demo_db), member)
    qtbot.addWidget(wiz)
    wiz.show()
    wiz.memberPage.lookup()
    wiz.next()
    terms = wiz.termsPage
    type_into(qtbot, terms.ui.amountEdit, "0")
    terms.update_preview()
    shown = [m for m in terms.errors.errors.values() if m]
    assert shown, "a zero amount is refused"
    type_into(qtbot, terms.ui.amountEdit, "2.000.000")
    terms.update_preview()
    assert not [m for m in terms.errors.errors.values() if m], terms.errors.errors
    assert not terms.errors.general.isVisible()


def test_group_names_show_in_full(window, qtbot):
    from PySide6.QtWidgets import QApplication

    win = window
    win.resize(1366, 705)
    win.go("groups")
    QApplication.processEvents()
    table = win.groups.table
    model = table.model()
    widest = max(
        table.fontMetrics().horizontalAdvance(model.index(r, 1).data())
        for r in range(model.rowCount())
    )
    assert table.columnWidth(1) >= widest, "not 'Kelompok …'"


def test_unknown_member_error_stays_at_the_member_field(demo_db, make_ctx, qtbot):
    from koperasi.ui.pages.savings import SavingsTxDialog

    dlg = SavingsTxDialog(make_ctx(demo_db), "deposit", None, "SUKARELA")
    qtbot.addWidget(dlg)
    dlg.show()
    dlg.ui.memberEdit.setText("A09999")
    type_into(qtbot, dlg.ui.amountEdit, "10.000")
    dlg.save()
    assert dlg.isVisible()
    assert "A09999" in (dlg.errors.message("member") or ""), "next to the number typed"
    assert not dlg.ui.generalError.isVisible(), "not at the bottom"


def _start(ui_settings, tmp_path, path):  # type: ignore[no-untyped-def]
    from koperasi.ui.app import AppController
    from koperasi.ui.worker import SyncRunner

    controller = AppController(ui_settings, "id", SyncRunner(), demo_path=tmp_path / "demo.db")
    controller.start(db=str(path))
    return controller


def test_an_existing_empty_file_offers_the_wizard_and_is_kept(qtbot, tmp_path, ui_settings):
    """An empty file (0 bytes) is a new database: the first-run wizard is offered for that
    file; cancelled, the file stays (nothing deleted) and the next open offers it again
    (not a nameless cooperative); finished, the answers are saved into that same file."""
    from PySide6.QtWidgets import QWizard

    from koperasi.db.database import open_database
    from koperasi.services import settings as settings_service

    path = tmp_path / "kosong.db"
    path.write_bytes(b"")
    controller = _start(ui_settings, tmp_path, path)
    wiz = controller.wizard
    assert wiz is not None and wiz.isVisible() and controller.window is None
    assert wiz.locationPage.locationEdit.text() == str(path)
    wiz.reject()
    assert path.exists() and path.stat().st_size > 0, "the file is kept"
    assert controller.window is None and controller.welcome is not None
    controller._close_welcome()

    controller = _start(ui_settings, tmp_path, path)  # opened again: still nobody's
    wiz = controller.wizard
    assert wiz is not None and wiz.isVisible() and controller.window is None
    qtbot.keyClicks(wiz.profilePage.editor.ui.coopNameEdit, "KSP Kosong Dulu")
    while wiz.currentPage() is not wiz.locationPage:
        wiz.next()
    assert wiz.locationPage.validatePage()
    wiz.button(QWizard.WizardButton.FinishButton).click()
    win = controller.window
    assert win is not None
    controller.close_window()
    db = open_database(path)
    try:
        assert settings_service.get_profile(db).name == "KSP Kosong Dulu"
        assert not settings_service.is_blank(db)
    finally:
        db.dispose()


def test_a_used_database_opens_without_the_wizard(qtbot, tmp_path, ui_settings):
    """Only an unused database gets the wizard: one with a saved profile opens as it is."""
    from koperasi.db.database import open_database
    from koperasi.services import settings as settings_service
    from koperasi.services.auth import SYSTEM

    path = tmp_path / "dipakai.db"
    db = open_database(path)
    assert settings_service.is_blank(db)
    settings_service.save_profile(db, SYSTEM, settings_service.Profile(name="KSP Dipakai"))
    assert not settings_service.is_blank(db)
    db.dispose()
    controller = _start(ui_settings, tmp_path, path)
    assert controller.wizard is None
    assert controller.window is not None
    assert settings_service.get_profile(controller.window.ctx.db).name == "KSP Dipakai"
    controller.close_window()


def test_lists_of_postings_open_on_the_newest(window, qtbot):
    """Lists of postings open on the newest (the journal and the savings activity latest
    posted first, a member's and a loan's transactions latest date first; the audit trail
    too, tested with it); a statement with a running
    balance reads oldest first as on paper and opens scrolled to its latest rows."""
    from koperasi.services import ledger as ledger_service
    from koperasi.ui.pages.member_detail import MemberDetailDialog

    win, db = window, window.ctx.db
    ledger = win.go("ledger")
    ledger.journalFrom.setDate(dt.date(2020, 1, 1))
    ledger.journalTo.setDate(dt.date(2026, 12, 31))
    ledger.load_journal()
    rows = ledger.journalModel.rows
    assert len(rows) == ledger.journalModel.page_size, "a first page of a long journal"
    ids = [r.id for r in rows]
    assert ids == sorted(ids, reverse=True)
    newest = max(e.id for e in ledger_service.list_entries(db, limit=100_000))
    assert ids[0] == newest, "the latest posting on top"
    ledger.journalModel.fetchMore()  # scrolling down pages on to older entries
    more = [r.id for r in ledger.journalModel.rows]
    assert len(more) > len(ids) and more == sorted(more, reverse=True)
    assert len(set(more)) == len(more)

    savings = win.go("savings")  # the latest posted on top (the one to reverse, if any)
    ids = [r.id for r in savings.activityModel.rows]
    assert ids and ids == sorted(ids, reverse=True)

    number = win.go("members").model.rows[0].number
    dlg = MemberDetailDialog(win.ctx, number, win)
    qtbot.addWidget(dlg)
    dlg.resize(960, 560)
    dlg.show()
    qtbot.waitExposed(dlg)
    dates = [r.date for r in dlg.ledgerModel.rows]
    assert dates and dates == sorted(dates, reverse=True)
    dlg.tabs.setCurrentIndex(1)  # Simpanan: the passbook of simpanan wajib
    codes = [r.product_code for r in dlg.balancesModel.rows]
    dlg.balancesTable.selectRow(codes.index("WAJIB"))
    dlg.fromEdit.setDate(dt.date(2020, 1, 1))
    dlg.load_statement()
    QApplication_process()
    st = [r.date for r in dlg.statementModel.rows]
    assert len(st) > 12 and st == sorted(st), "a passbook reads oldest first"
    bar = dlg.statementTable.verticalScrollBar()
    assert bar.maximum() > 0 and bar.value() == bar.maximum(), "opened on the latest rows"
    dlg.close()

    loans = win.go("loans")
    loans.table.selectRow(0)
    QApplication_process()
    detail = loans.detail.detail
    assert detail is not None
    txs = [r.date for r in loans.detail.txModel.rows]
    assert txs == sorted(txs, reverse=True)


def QApplication_process() -> None:  # noqa: N802
    from PySide6.QtWidgets import QApplication

    for _ in range(5):
        QApplication.processEvents()


def test_dashboard_chart_labels_are_whole_at_1366(window, qtbot):
    """At 1366x705 the category names are not cut ("Penerima bantuan..."): they wrap on
    words into lines that fit the axis, and each bar's value sits beside it in a dark
    colour (a short bar's value is not squeezed inside it)."""
    from PySide6.QtCharts import QAbstractBarSeries, QBarCategoryAxis

    from koperasi.ui.pages.dashboard import wrap_label

    assert wrap_label("Penerima bantuan sosial") == "Penerima<br>bantuan sosial"
    assert wrap_label("Lanjut usia") == "Lanjut usia"
    win = window
    win.resize(1366, 705)
    page = win.go("dashboard")
    QApplication_process()
    chart = page.categoryChart.chart()
    cats = next(a for a in chart.axes() if isinstance(a, QBarCategoryAxis))
    names = [r.label_id for r in page.data.by_category]
    assert [c.replace("<br>", " ") for c in cats.categories()] == names
    longest = max(len(line) for c in cats.categories() for line in c.split("<br>"))
    assert longest <= 15, "no line longer than the axis shows whole"
    assert any("<br>" in c for c in cats.categories())
    for view in (page.categoryChart, page.savingsChart, page.loanChart):
        series = view.chart().series()[0]
        assert series.labelsPosition() == QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd
        assert series.barSets()[0].labelColor().lightness() < 100

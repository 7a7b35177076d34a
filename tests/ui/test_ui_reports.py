"""The Laporan page: the registry's reports listed by category, options per report, a build in
the worker with progress (and Cancel), the in-app QtPdf preview, print, save PDF and Excel;
and the Tutup buku tab: close and reopen a month and a financial year through the GUI."""

from __future__ import annotations

import datetime as dt

import pytest
from openpyxl import load_workbook
from PySide6.QtCore import Qt
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPrintSupport import QPrinter
from PySide6.QtWidgets import QDateTimeEdit
from sqlalchemy import func, select
from uihelpers import close_message_boxes, open_dialog

from koperasi.db.models import AuditEntry, SavingsTransaction
from koperasi.errors import PeriodClosed
from koperasi.reports import registry
from koperasi.reports.model import T
from koperasi.services import closing, statement_sheets, statements, trial_balances
from koperasi.services.check import run_checks
from koperasi.services.uow import read_only
from koperasi.ui import dialogs
from koperasi.ui.pages import reports as reports_page
from koperasi.ui.widgets import rp

LEFT = Qt.MouseButton.LeftButton


def _reports(win, qtbot):  # type: ignore[no-untyped-def]
    item = win.nav.item(7 - 1)
    assert item.data(Qt.ItemDataRole.UserRole) == "reports"
    qtbot.mouseClick(win.nav.viewport(), LEFT, pos=win.nav.visualItemRect(item).center())
    page = win.reports
    assert win.stack.currentWidget() is page
    return page


def _click_report(qtbot, page, name: str) -> None:  # type: ignore[no-untyped-def]
    tree = page.reportTree
    for i in range(tree.topLevelItemCount()):
        head = tree.topLevelItem(i)
        for j in range(head.childCount()):
            item = head.child(j)
            if item.data(0, reports_page.SPEC_ROLE) == name:
                tree.scrollToItem(item)
                qtbot.mouseClick(tree.viewport(), LEFT, pos=tree.visualItemRect(item).center())
                assert page.current_spec().name == name
                return
    raise AssertionError(f"{name} not listed")


def _choose(combo, data) -> None:  # type: ignore[no-untyped-def]
    index = combo.findData(data)
    assert index >= 0, data
    combo.setCurrentIndex(index)


def _closing_tab(win, qtbot):  # type: ignore[no-untyped-def]
    page = _reports(win, qtbot)
    bar = page.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())
    panel = page.closing
    assert page.tabs.currentWidget() is panel and panel.yearCombo.count() > 0
    return panel


def _click_month(qtbot, panel, year: int, month: int) -> None:  # type: ignore[no-untyped-def]
    row = next(i for i, p in enumerate(panel.model.rows) if (p.year, p.month) == (year, month))
    table = panel.table
    rect = table.visualRect(panel.model.index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())
    assert panel.selected_month().month == month


def _check_ok(db) -> None:  # type: ignore[no-untyped-def]
    rep = run_checks(db)
    assert rep.ok, [p.message_en for p in rep.problems]


# ---------------------------------------------------------------- the catalogue


def test_every_registered_report_is_listed_by_category_with_its_options(window, qtbot):
    page = _reports(window, qtbot)
    specs = registry.list_reports()
    assert sorted(page.report_names()) == sorted(s.name for s in specs)
    heads = [page.reportTree.topLevelItem(i) for i in range(page.reportTree.topLevelItemCount())]
    assert len(heads) == len({s.category for s in specs})
    assert "Laporan keuangan" in [h.text(0) for h in heads]

    _click_report(qtbot, page, "neraca-saldo")
    assert page.descriptionLabel.text() == registry.get_report("neraca-saldo").description.id
    ui = page.options
    assert ui.periodKindCombo.isVisible() and ui.monthCombo.isVisible()
    assert not ui.memberEdit.isVisible() and not ui.groupCombo.isVisible()
    # defaults: the last full month with data
    assert ui.monthCombo.currentData() == "2026-09"
    qtbot.keyClick(ui.periodKindCombo, Qt.Key.Key_Down)  # Tahun buku
    assert ui.yearCombo.isVisible() and not ui.monthCombo.isVisible()
    assert page.params().year == 2025 and page.params().period is None

    _click_report(qtbot, page, "slip-shu")
    assert ui.yearCombo.isVisible() and ui.memberEdit.isVisible()
    assert not ui.periodKindCombo.isVisible() and not ui.receiptEdit.isVisible()
    assert "A00001" in ui.memberEdit.placeholderText()

    _click_report(qtbot, page, "lembar-pertemuan")
    assert ui.dateEdit.isVisible() and ui.groupCombo.isVisible()
    assert ui.groupCombo.findData("") < 0  # a meeting sheet is for one group
    assert page.params().group == ui.groupCombo.itemData(0)
    _click_report(qtbot, page, "daftar-anggota")
    assert ui.groupCombo.currentData() == "" and page.params().group is None

    _click_report(qtbot, page, "kuitansi")
    assert ui.receiptEdit.isVisible() and not ui.dateEdit.isVisible()


def test_a_report_registered_later_appears_by_itself(demo_db, make_ctx, qtbot, monkeypatch):
    from koperasi.ui.main_window import MainWindow

    base = registry.get_report("neraca-saldo")
    extra = registry.ReportSpec(
        "uji-tambahan",
        T("Laporan Uji Tambahan", "Extra Test Report"),
        T("Dipasang oleh modul lain", "Registered by another module"),
        base.builder,
        (registry.PERIOD,),
        "monitoring",
    )
    monkeypatch.setitem(registry._REPORTS, extra.name, extra)
    win = MainWindow(make_ctx(demo_db, lang="en"))
    qtbot.addWidget(win)
    win.show()
    page = _reports(win, qtbot)
    assert "uji-tambahan" in page.report_names()
    _click_report(qtbot, page, "uji-tambahan")
    assert page.reportTree.currentItem().text(0) == "Extra Test Report"
    assert page.descriptionLabel.text() == "Registered by another module"
    qtbot.mouseClick(page.buildButton, LEFT)
    assert page.page_count() >= 1


# ---------------------------------------------------------------- build, preview, save, print


def test_build_preview_print_and_save(window, qtbot, tmp_path, monkeypatch):
    page = _reports(window, qtbot)
    _click_report(qtbot, page, "neraca-saldo")
    _choose(page.options.monthCombo, "2026-09")
    runner = window.ctx.runner
    runner.progress_reports.clear()
    qtbot.mouseClick(page.buildButton, LEFT)

    # built in the worker with progress, previewed with QtPdf
    assert runner.calls[-1] == ("work", False)
    assert runner.progress_reports and runner.progress_reports[-1][:2] == (100, 100)
    doc = page.pdfView.document()
    assert doc is page.document
    assert doc.status() == QPdfDocument.Status.Ready and doc.pageCount() >= 1
    assert "Neraca Saldo" in doc.getAllText(0).text()
    assert f"{doc.pageCount()} halaman" in page.statusLabel.text()
    assert page.printButton.isEnabled()

    # Simpan Excel: the same report data, through the registry's workbook renderer
    asked_paths = []

    def save_to(name):  # type: ignore[no-untyped-def]
        def ask(parent, title, suggested, filters):  # type: ignore[no-untyped-def]
            asked_paths.append(suggested)
            return str(tmp_path / name)

        return ask

    monkeypatch.setattr(reports_page, "ask_save_path", save_to("neraca-saldo"))  # no suffix
    qtbot.mouseClick(page.saveXlsxButton, LEFT)
    xlsx = tmp_path / "neraca-saldo.xlsx"
    assert xlsx.exists() and asked_paths[-1].endswith("neraca-saldo-2026-09.xlsx")
    wb = load_workbook(xlsx)
    assert wb.sheetnames[-1] == "Info"
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(min_row=2, values_only=True)}
    assert info["Laporan"] == "Neraca Saldo"
    assert info["Dari tanggal"] == dt.datetime(2026, 9, 1)
    assert info["Sampai tanggal"] == dt.datetime(2026, 9, 30)
    rows = list(wb[wb.sheetnames[0]].iter_rows(values_only=True))
    assert rows[0][0] == "Kode" and rows[0][6] == "Saldo akhir debit"
    tb = trial_balances.trial_balance(window.ctx.db, dt.date(2026, 9, 30))
    ledger_rows = {r.code: (r.debit, r.credit) for r in tb.rows if r.debit or r.credit}
    sheet_rows = {r[0]: (r[6], r[7]) for r in rows[1:-1] if r[6] or r[7]}
    assert sheet_rows == ledger_rows
    assert rows[-1][1] == "Jumlah" and rows[-1][6] == sum(r[6] for r in rows[1:-1])

    # Simpan PDF: the previewed document itself
    monkeypatch.setattr(reports_page, "ask_save_path", save_to("neraca.pdf"))
    qtbot.mouseClick(page.savePdfButton, LEFT)
    saved = QPdfDocument()
    assert saved.load(str(tmp_path / "neraca.pdf")) == QPdfDocument.Error.None_
    assert saved.pageCount() == doc.pageCount()
    assert "neraca.pdf" in page.statusLabel.text()

    # Cetak...: the pages rendered by QtPdf onto the printer (here a PDF printer)
    printed = tmp_path / "cetak.pdf"

    def accept(dialog):  # type: ignore[no-untyped-def]
        printer = dialog.printer()
        printer.setOutputFormat(QPrinter.OutputFormat.PdfFormat)
        printer.setOutputFileName(str(printed))
        return True

    monkeypatch.setattr(reports_page, "exec_print_dialog", accept)
    qtbot.mouseClick(page.printButton, LEFT)
    out = QPdfDocument()
    assert out.load(str(printed)) == QPdfDocument.Error.None_
    assert out.pageCount() == doc.pageCount()
    assert f"{doc.pageCount()} halaman dikirim" in page.statusLabel.text()


def test_a_report_error_is_shown_not_crashed(window, qtbot):
    page = _reports(window, qtbot)
    _click_report(qtbot, page, "mutasi-simpanan")
    qtbot.keyClicks(page.options.memberEdit, "Z99999")
    qtbot.mouseClick(page.buildButton, LEFT)
    assert page.page_count() == 0
    assert dialogs.shown and "Z99999" in dialogs.shown[-1][1]
    assert page.statusLabel.text() == dialogs.shown[-1][1]
    close_message_boxes(qtbot)


@pytest.mark.parametrize("phase", ["build", "render"])
def test_cancel_during_a_build_leaves_no_file(window, qtbot, tmp_path, monkeypatch, phase):
    page = _reports(window, qtbot)
    _click_report(qtbot, page, "buku-besar")
    _choose(page.options.monthCombo, "2026-09")
    runner = window.ctx.runner
    out = tmp_path / "keluar"
    out.mkdir()
    target = out / "buku-besar.xlsx"
    monkeypatch.setattr(reports_page, "ask_save_path", lambda *a: str(target))

    # how far a full save goes, to press Cancel while building or while writing the file
    runner.progress_reports.clear()
    qtbot.mouseClick(page.saveXlsxButton, LEFT)
    assert target.exists()
    target.unlink()
    reports = list(runner.progress_reports)
    building = [r for r in reports if r[0] < 30]
    assert len(building) >= 2 and len(reports) > len(building) + 1
    runner.progress_reports.clear()
    runner.cancel_after = 2 if phase == "build" else len(reports) - 1
    qtbot.mouseClick(page.saveXlsxButton, LEFT)
    assert page.statusLabel.text() == "Dibatalkan."
    assert list(out.iterdir()) == []  # neither the workbook nor a half-written part

    # cancelling a preview: nothing shown, no temporary PDF left behind
    runner.progress_reports.clear()
    qtbot.mouseClick(page.buildButton, LEFT)
    assert page.page_count() == 0 and page.preview_path is None
    from pathlib import Path

    assert list(Path(page._tmp.name).iterdir()) == []
    runner.cancel_after = None
    qtbot.mouseClick(page.buildButton, LEFT)
    assert page.page_count() > 1
    assert [p.name for p in Path(page._tmp.name).iterdir()] == [page.preview_path.name]


# ---------------------------------------------------------------- tutup buku


def _deposit(win, qtbot, date_text: str):  # type: ignore[no-untyped-def]
    from koperasi.ui.pages.savings import SavingsTxDialog

    qtbot.keyClick(win, Qt.Key.Key_D, Qt.KeyboardModifier.ControlModifier)
    dlg = open_dialog(SavingsTxDialog, "depositDialog")
    ui = dlg.ui
    qtbot.keyClicks(ui.memberEdit, "A00001")
    dlg.lookup_member()
    ui.amountEdit.clear()
    qtbot.keyClicks(ui.amountEdit, "75.000")
    ui.dateEdit.setFocus()
    ui.dateEdit.setSelectedSection(QDateTimeEdit.Section.DaySection)
    qtbot.keyClicks(ui.dateEdit, date_text)  # ddmmyyyy: each full section moves on
    assert ui.dateEdit.text() == f"{date_text[:2]}/{date_text[2:4]}/{date_text[4:]}"
    qtbot.mouseClick(ui.buttonBox.button(ui.buttonBox.StandardButton.Ok), LEFT)
    return dlg


def _tx_count(db) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return s.scalar(select(func.count()).select_from(SavingsTransaction))


def test_close_month_in_gui_rejects_a_posting_then_reopen_with_reason(open_window, qtbot):
    db = open_window.ctx.db
    y, m = 2024, 10  # months close in order: the demo's first ones up to August first
    while (y, m) <= (2026, 8):
        closing.close_month(db, open_window.ctx.actor, y, m, today=open_window.ctx.today())
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    panel = _closing_tab(open_window, qtbot)
    assert panel.year() == 2026
    _click_month(qtbot, panel, 2026, 9)
    assert panel.model.data(panel.model.index(8, 1)) == "Terbuka"
    assert panel.closeMonthButton.isEnabled() and not panel.reopenMonthButton.isEnabled()
    qtbot.mouseClick(panel.closeMonthButton, LEFT)
    status = {p.month: p.status for p in closing.periods(db, 2026)}
    assert status[9] == "closed"
    assert panel.model.data(panel.model.index(8, 1)) == "Ditutup"
    assert panel.reopenMonthButton.isEnabled() and not panel.closeMonthButton.isEnabled()

    # October has not ended (today is 31/10/2026): the service says so, shown in a message
    _click_month(qtbot, panel, 2026, 10)
    qtbot.mouseClick(panel.closeMonthButton, LEFT)
    assert "belum berakhir" in dialogs.shown[-1][1]
    assert close_message_boxes(qtbot)

    # a deposit dated in the closed month is refused with the service's message, in place
    before = _tx_count(db)
    dlg = _deposit(open_window, qtbot, "15092026")
    expected = PeriodClosed(period="2026-09", date="2026-09-15").message("id")
    assert dlg.isVisible()
    assert dlg.ui.generalError.isVisible() and dlg.ui.generalError.text() == expected
    assert _tx_count(db) == before
    dlg.dirty.dirty = False
    dlg.reject()

    # reopen: a reason is required (the service's message next to the field), then audited
    _closing_tab(open_window, qtbot)
    _click_month(qtbot, panel, 2026, 9)
    qtbot.mouseClick(panel.reopenMonthButton, LEFT)
    from koperasi.ui.pages.closing import ReasonDialog

    reason_dlg = open_dialog(ReasonDialog, "reopenDialog")
    ok = reason_dlg.findChild(type(panel.closeMonthButton), "confirmReopenButton")
    qtbot.mouseClick(ok, LEFT)
    assert reason_dlg.isVisible() and reason_dlg.reasonError.isVisible()
    assert "wajib" in reason_dlg.reasonError.text()
    assert {p.month: p.status for p in closing.periods(db, 2026)}[9] == "closed"
    qtbot.keyClicks(reason_dlg.reasonEdit, "Setoran 15 September terlewat")
    qtbot.mouseClick(ok, LEFT)
    assert not reason_dlg.isVisible()
    assert {p.month: p.status for p in closing.periods(db, 2026)}[9] == "open"
    assert panel.model.data(panel.model.index(8, 1)) == "Terbuka"
    with read_only(db) as s:
        after = s.scalars(
            select(AuditEntry.after).where(AuditEntry.action == "period.reopen")
        ).all()
    assert len(after) == 1 and "Setoran 15 September terlewat" in after[0]

    # the same deposit now goes through
    dlg = _deposit(open_window, qtbot, "15092026")
    assert not dlg.isVisible() and dlg.result_view is not None
    assert _tx_count(db) == before + 1
    close_message_boxes(qtbot)
    _check_ok(db)


def test_close_and_reopen_the_year_in_gui(open_window, qtbot, asked):
    db = open_window.ctx.db
    panel = _closing_tab(open_window, qtbot)

    # 2024 has postings and is open: 2025 cannot be closed first (the service's rule)
    panel.select_year(2025)
    assert panel.closeYearButton.isEnabled()
    qtbot.mouseClick(panel.closeYearButton, LEFT)
    assert "2024" in dialogs.shown[-1][1] and "berurutan" in dialogs.shown[-1][1]
    close_message_boxes(qtbot)
    assert closing.closed_years(db) == []

    surpluses = {}
    for year in (2024, 2025):
        panel.select_year(year)
        income = statement_sheets.income_statement(db, dt.date(year, 1, 1), dt.date(year, 12, 31))
        surplus = income.surplus[0]
        surpluses[year] = surplus
        assert rp(surplus) in panel.yearStatus.text()
        qtbot.mouseClick(panel.closeYearButton, LEFT)
        title, text = asked[-1]
        assert str(year) in text and f"SHU: {rp(surplus)}" in text
        assert f"Pendapatan: {rp(income.total_income[0])}" in text
        assert rp(surplus) in dialogs.shown[-1][1]  # the result, as posted
        # the backup made first (issue 22): where it went, in the message and on the tab
        backup = next(db.sqlite_path.parent.glob(f"backup/*sebelum-tutup-buku-{year}-*.db"))
        assert str(backup) in dialogs.shown[-1][1]
        assert panel.backupLabel.isVisible() and str(backup) in panel.backupLabel.text()
        close_message_boxes(qtbot)
        assert not panel.closeYearButton.isEnabled() and panel.reopenYearButton.isEnabled()
        assert all(panel.model.data(panel.model.index(i, 1)) == "Ditutup" for i in range(12))
        assert "Sudah ditutup" in panel.yearStatus.text()
        _check_ok(db)
    assert closing.closed_years(db) == [2024, 2025]
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2025, 12, 31))
        infos = statements.accounts(s)
    # 3.90 holds only 2025's result; 2024's moved to 3.91 when 2025 was closed
    assert bal.get("3.90", 0) == surpluses[2025] and bal.get("3.91", 0) == surpluses[2024]
    assert all(v == 0 for c, v in bal.items() if infos[c].type in ("income", "expense"))
    # a closed year's months cannot be reopened one by one
    _click_month(qtbot, panel, 2025, 4)
    assert not panel.reopenMonthButton.isEnabled()

    # reopen the year with a reason: the closing entry is reversed, the books still balance
    qtbot.mouseClick(panel.reopenYearButton, LEFT)
    from koperasi.ui.pages.closing import ReasonDialog

    dlg = open_dialog(ReasonDialog, "reopenDialog")
    qtbot.keyClicks(dlg.reasonEdit, "Koreksi beban listrik Desember")
    qtbot.mouseClick(dlg.findChild(type(panel.closeYearButton), "confirmReopenButton"), LEFT)
    assert not dlg.isVisible()
    assert closing.closed_years(db) == [2024]
    assert panel.closeYearButton.isEnabled() and not panel.reopenYearButton.isEnabled()
    with read_only(db) as s:
        assert statements.balances(s, dt.date(2025, 12, 31)).get("3.90", 0) == surpluses[2024]
    _check_ok(db)


def test_build_runs_in_the_background_worker_with_a_progress_dialog(demo_db, ui_settings, qtbot):
    from uihelpers import TODAY

    from koperasi.services.auth import SYSTEM
    from koperasi.ui.context import AppContext
    from koperasi.ui.worker import Runner

    runner = Runner()
    ctx = AppContext(demo_db, SYSTEM, runner, ui_settings, today=lambda: TODAY)
    page = reports_page.ReportsPage(ctx)
    qtbot.addWidget(page)
    page.show()
    qtbot.waitUntil(lambda: page.options.monthCombo.count() > 0, timeout=10_000)
    _click_report(qtbot, page, "buku-besar")
    task = page.build()
    assert task.dialog is not None and task.dialog.objectName() == "progressDialog"
    assert page.page_count() == 0
    qtbot.waitUntil(lambda: task.is_finished, timeout=30_000)
    assert task.error is None and task.dialog is None
    assert page.page_count() > 1 and "halaman" in page.statusLabel.text()
    runner.wait()


def test_member_and_group_documents_open_on_the_laporan_page(window, qtbot):
    """The member detail's documents and the group's meeting sheet are built on the Laporan
    page for that member, loan or group."""
    from koperasi.services.loans import views as loan_views
    from koperasi.ui.pages.member_detail import MemberDetailDialog

    db = window.ctx.db
    loan = loan_views.list_loans(db, status="aktif")[0]
    dlg = MemberDetailDialog(window.ctx, loan.member_number, window)
    qtbot.addWidget(dlg)
    dlg.loansTable.selectRow([r.number for r in dlg.loansModel.rows].index(loan.number))
    qtbot.mouseClick(dlg.documentButtons["kartu-pinjaman"], Qt.MouseButton.LeftButton)
    page = window.reports
    assert window.stack.currentWidget() is page
    assert page.current_spec().name == "kartu-pinjaman"
    assert page.params().loan == loan.number
    assert page.page_count() >= 1
    assert loan.number in " ".join(
        page.document.getAllText(i).text() for i in range(page.page_count())
    )

    dlg = MemberDetailDialog(window.ctx, loan.member_number, window)
    qtbot.addWidget(dlg)
    qtbot.mouseClick(dlg.documentButtons["mutasi-simpanan"], Qt.MouseButton.LeftButton)
    assert page.current_spec().name == "mutasi-simpanan"
    assert page.params().member == loan.member_number
    assert page.page_count() >= 1

    groups = window.go("groups")
    groups.table.selectRow(0)
    code = groups.selected_group().code
    qtbot.mouseClick(groups.sheetButton, Qt.MouseButton.LeftButton)
    assert window.stack.currentWidget() is page
    assert page.current_spec().name == "lembar-pertemuan"
    assert page.params().group == code
    assert page.page_count() >= 1

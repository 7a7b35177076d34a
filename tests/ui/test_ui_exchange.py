"""Impor/Ekspor page: audit workbook export, the import wizard, consolidation.

The page and the wizard are driven with the mouse and keyboard; file names come from the
page's ``files`` object (the native dialogs are replaced), the work runs through the
synchronous runner except where a test says it uses the real threaded one.
"""

from __future__ import annotations

import datetime as dt
import gc
from pathlib import Path

import pytest
from helpers import nik
from openpyxl import Workbook, load_workbook
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QWizard
from sqlalchemy import func, select
from uihelpers import TODAY

from koperasi.db.models import AuditEntry, Member
from koperasi.services import members as members_service
from koperasi.services.uow import read_only
from koperasi.ui.pages.exchange import ExchangePage
from koperasi.ui.pages.exchange_common import FileDialogs
from koperasi.ui.pages.import_wizard import ImportWizard

LEFT = Qt.MouseButton.LeftButton


class FakeFiles(FileDialogs):
    """Answers the file questions the way a user would pick in the dialog."""

    def __init__(self) -> None:
        self.save_answers: list[str] = []
        self.open_answers: list[str] = []
        self.asked: list[tuple[str, str]] = []

    def save_path(self, parent, title, suggested, filters):  # type: ignore[no-untyped-def]
        self.asked.append((title, filters))
        return self.save_answers.pop(0) if self.save_answers else ""

    def open_path(self, parent, title, filters):  # type: ignore[no-untyped-def]
        self.asked.append((title, filters))
        return self.open_answers.pop(0) if self.open_answers else ""

    def open_paths(self, parent, title, filters):  # type: ignore[no-untyped-def]
        self.asked.append((title, filters))
        answers, self.open_answers = self.open_answers, []
        return answers


def member_count(db) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return s.scalar(select(func.count()).select_from(Member))


def audit_count(db) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return s.scalar(select(func.count()).select_from(AuditEntry))


@pytest.fixture
def demo_audit(small_demo_audit_path) -> Path:
    """The audit workbook of the session's small demo cooperative (tests/conftest.py: what
    the wizard and the consolidation tests assert does not depend on the size of the books,
    and restoring the small one costs a fraction of the whole demo's)."""
    return small_demo_audit_path


@pytest.fixture
def page(make_ctx, qtbot):  # type: ignore[no-untyped-def]
    def make(db):  # type: ignore[no-untyped-def]
        p = ExchangePage(make_ctx(db))
        p.files = FakeFiles()
        qtbot.addWidget(p)
        p.show()
        qtbot.waitExposed(p)
        return p

    return make


def export_file(page, qtbot, path: Path, date_to: bool = False) -> Path:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(0)
    if date_to:
        qtbot.mouseClick(page.exportToCheck, LEFT, pos=page.exportToCheck.rect().center())
        assert page.exportTo.isEnabled()
    page.files.save_answers.append(str(path))
    qtbot.mouseClick(page.exportButton, LEFT)
    return path


def members_file(path: Path, rows: list[list], template: Path) -> Path:
    """Fill the app's own template (as the treasurer would): keep its header, replace the
    example row by ``rows`` (in the template's column order)."""
    wb = load_workbook(template)
    ws = wb["Anggota"]
    headers = [c.value for c in ws[1]]
    ws.delete_rows(2, ws.max_row)
    for r in rows:
        ws.append([r.get(h) for h in headers])
    wb.save(path)
    return path


def member(i: int, name: str, **over):  # type: ignore[no-untyped-def]
    row = {
        "Nama": name,
        "NIK": nik(9000 + i),
        "Jenis Kelamin": "P" if i % 2 else "L",
        "Tanggal Masuk": dt.date(2025, 1, 6),
        "Tanggal Lahir": "15/05/1985",
        "Nomor HP": "081234567890",
    }
    row.update(over)
    return row


def open_wizard(page, qtbot) -> ImportWizard:  # type: ignore[no-untyped-def]
    page.tabs.setCurrentIndex(1)
    qtbot.mouseClick(page.importButton, LEFT)
    wiz = page.import_wizard
    assert wiz is not None and wiz.isVisible()
    qtbot.waitExposed(wiz)
    return wiz


def choose(wiz: ImportWizard, qtbot, kind: str, path: Path) -> None:  # type: ignore[no-untyped-def]
    src = wiz.source
    combo = src.kindCombo
    combo.setFocus()
    while combo.currentData() != kind:  # the keyboard, as a user without a mouse would
        qtbot.keyClick(combo, Qt.Key.Key_Down)
    src.fileEdit.clear()
    qtbot.keyClicks(src.fileEdit, str(path))


def next_button(wiz: ImportWizard):  # type: ignore[no-untyped-def]
    return wiz.button(QWizard.WizardButton.NextButton)


def commit_button(wiz: ImportWizard):  # type: ignore[no-untyped-def]
    return wiz.button(QWizard.WizardButton.CommitButton)


def click_row(qtbot, table, row: int) -> None:  # type: ignore[no-untyped-def]
    rect = table.visualRect(table.model().index(row, 0))
    qtbot.mouseClick(table.viewport(), LEFT, pos=rect.center())


def preview_cells(wiz: ImportWizard) -> list[list[str]]:
    m = wiz.check.model
    return [
        [str(m.data(m.index(r, c)) or "") for c in range(m.columnCount())]
        for r in range(m.rowCount())
    ]


# ---------------------------------------------------------------- export


def test_main_window_has_the_exchange_page(window):
    page = window.go("exchange")
    assert isinstance(page, ExchangePage) and page.isVisible()
    assert window.pages["exchange"].objectName() == "exchangePage"


def test_export_audit_workbook_from_demo_database(demo_db, page, qtbot, tmp_path):
    p = page(demo_db)
    target = tmp_path / "audit-ksp"  # no suffix typed: .xlsx is added
    export_file(p, qtbot, target, date_to=True)
    saved = tmp_path / "audit-ksp.xlsx"
    assert saved.exists()
    assert str(saved) in p.exportResult.text()
    assert p.openExportButton.isVisible()
    wb = load_workbook(saved, read_only=True)
    assert {"Info", "Anggota", "Rekening Simpanan", "Jurnal", "Neraca Saldo"} <= set(wb.sheetnames)
    info = {r[0]: r[1] for r in wb["Info"].iter_rows(min_row=2, max_col=2, values_only=True)}
    assert info["period_to"] == TODAY.isoformat() and info["period_from"] in ("", None)
    anggota = list(wb["Anggota"].iter_rows(values_only=True))
    assert anggota[0][0] == "member_id"
    assert len(anggota) - 1 == member_count(demo_db) == int(info["rows:Anggota"])
    wb.close()


def test_export_period_checked_and_dialog_cancel_writes_nothing(demo_db, page, qtbot, tmp_path):
    p = page(demo_db)
    out = tmp_path / "out"
    out.mkdir()
    # the user cancels the save dialog: nothing runs
    qtbot.mouseClick(p.exportButton, LEFT)
    assert p.ctx.runner.calls == [] and not list(out.iterdir())
    # the end before the start is refused before any file is asked for
    for check in (p.exportFromCheck, p.exportToCheck):
        qtbot.mouseClick(check, LEFT, pos=check.rect().center())
    p.exportFrom.setDate(p.exportTo.date().addDays(5))
    p.files.save_answers.append(str(out / "x.xlsx"))
    qtbot.mouseClick(p.exportButton, LEFT)
    assert p.exportError.isVisible() and "sebelum" in p.exportError.text()
    assert p.ctx.runner.calls == [] and not list(out.iterdir())


# openpyxl's write-only sheets of the abandoned workbook complain when collected
@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")
def test_export_cancel_from_progress_leaves_no_file(demo_db, page, qtbot, tmp_path):
    p = page(demo_db)
    p.ctx.runner.cancel_after = 2  # the user presses Batal in the progress dialog
    export_file(p, qtbot, tmp_path / "cancelled.xlsx")
    assert "dibatalkan" in p.exportResult.text()
    assert not (tmp_path / "cancelled.xlsx").exists()
    gc.collect()


def test_export_runs_in_the_real_worker(demo_db, make_ctx, qtbot, tmp_path):
    from koperasi.ui.worker import Runner

    ctx = make_ctx(demo_db)
    ctx.runner = Runner()
    p = ExchangePage(ctx)
    p.files = FakeFiles()
    qtbot.addWidget(p)
    p.show()
    export_file(p, qtbot, tmp_path / "threaded.xlsx")
    qtbot.waitUntil(lambda: "Tersimpan" in p.exportResult.text(), timeout=60_000)
    ctx.runner.wait()
    wb = load_workbook(tmp_path / "threaded.xlsx", read_only=True)
    assert len(list(wb["Jurnal"].iter_rows(max_col=1, values_only=True))) > 1
    wb.close()


# ---------------------------------------------------------------- import wizard


def test_template_then_import_members_through_the_wizard(sqlite_db, page, qtbot, tmp_path):
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    assert not next_button(wiz).isEnabled()  # no file chosen yet
    # 1. kind and template
    choose(wiz, qtbot, "members", Path(""))
    template = tmp_path / "templat-anggota.xlsx"
    p.files.save_answers.append(str(template))
    qtbot.mouseClick(wiz.source.templateButton, LEFT)
    assert template.exists() and str(template) in wiz.source.templateLabel.text()
    assert load_workbook(template).sheetnames == ["Anggota", "Petunjuk"]
    path = members_file(
        tmp_path / "anggota.xlsx",
        [member(1, "Siti Rahmawati"), member(2, "Budi Santoso"), member(3, "Ani Lestari")],
        template,
    )
    # 2. choose the file through the Pilih... button
    p.files.open_answers.append(str(path))
    qtbot.mouseClick(wiz.source.browseButton, LEFT)
    assert wiz.source.fileEdit.text() == str(path)
    before_audit = audit_count(sqlite_db)
    qtbot.mouseClick(next_button(wiz), LEFT)
    # 3. checked (dry run) and previewed; nothing written yet
    assert wiz.currentPage() is wiz.check
    assert member_count(sqlite_db) == 0 and audit_count(sqlite_db) == before_audit
    cells = preview_cells(wiz)
    assert len(cells) == 3 and all(row[1] == "" for row in cells)
    assert cells[0][0] == "2" and "Siti Rahmawati" in cells[0]
    assert "3 baris, 3 benar, 0 salah" in wiz.check.summary.text()
    assert commit_button(wiz).isEnabled()
    # 4. import in one transaction; the result page counts
    qtbot.mouseClick(commit_button(wiz), LEFT)
    assert wiz.currentPage() is wiz.result_page
    assert wiz.result_page.writtenLabel.text() == "3"
    assert wiz.result_page.totalLabel.text() == "3"
    assert wiz.result_page.skippedLabel.text() == "0"
    assert "3 baris disimpan" in wiz.result_page.headline.text()
    rows = members_service.list_members(sqlite_db, limit=100)
    assert sorted(r.name for r in rows) == ["Ani Lestari", "Budi Santoso", "Siti Rahmawati"]
    assert {r.nik for r in rows} == {nik(9001), nik(9002), nik(9003)}
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.FinishButton), LEFT)
    assert not wiz.isVisible()
    assert "disimpan: 3" in p.importResult.text()


def test_bad_row_is_shown_in_preview_and_nothing_is_written(sqlite_db, page, qtbot, tmp_path):
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    template = tmp_path / "t.xlsx"
    p.files.save_answers.append(str(template))
    qtbot.mouseClick(wiz.source.templateButton, LEFT)
    path = members_file(
        tmp_path / "salah.xlsx",
        [
            member(1, "Siti Rahmawati"),
            member(2, "Budi Santoso", **{"NIK": "12345"}),
            member(3, "Ani Lestari", **{"Tanggal Masuk": "31/02/2025"}),
            member(4, "Dewi Sartika"),
        ],
        template,
    )
    choose(wiz, qtbot, "members", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    cells = preview_cells(wiz)
    by_row = {row[0]: row for row in cells}
    assert set(by_row) == {"2", "3", "4", "5"}
    assert by_row["2"][1] == "" and by_row["5"][1] == ""
    assert by_row["3"][1].startswith("NIK:") and "16" in by_row["3"][1]
    assert by_row["4"][1].startswith("Tanggal Masuk:") and "tanggal" in by_row["4"][1].lower()
    assert "4 baris, 2 benar, 2 salah" in wiz.check.summary.text()
    # all or nothing (the default): Impor is not possible
    assert wiz.check.allOrNothingRadio.isChecked()
    assert not commit_button(wiz).isEnabled()
    # only the rows with errors; a click on one shows its whole message
    qtbot.mouseClick(wiz.check.onlyErrorsCheck, LEFT, pos=wiz.check.onlyErrorsCheck.rect().center())
    assert [row[0] for row in preview_cells(wiz)] == ["3", "4"]
    click_row(qtbot, wiz.check.table, 0)
    assert wiz.check.rowDetail.text() == f"Baris 3: {by_row['3'][1]}"
    # the error report workbook
    report = tmp_path / "kesalahan.xlsx"
    p.files.save_answers.append(str(report))
    qtbot.mouseClick(wiz.check.saveReportButton, LEFT)
    assert str(report) in wiz.check.reportLabel.text()
    ws = load_workbook(report).active
    rows = list(ws.values)
    assert rows[0][:2] == ("baris", "kesalahan") and [r[0] for r in rows[1:]] == [3, 4]
    assert "NIK" in rows[1][1]
    # cancel: nothing was written
    wiz.reject()
    assert member_count(sqlite_db) == 0


def test_only_valid_rows_when_chosen(sqlite_db, page, qtbot, tmp_path):
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    template = tmp_path / "t.xlsx"
    p.files.save_answers.append(str(template))
    qtbot.mouseClick(wiz.source.templateButton, LEFT)
    path = members_file(
        tmp_path / "campur.xlsx",
        [
            member(1, "Siti Rahmawati"),
            member(2, "Budi Santoso", **{"Jenis Kelamin": "X"}),
            member(3, "Ani Lestari", **{"NIK": nik(9001)}),  # the same NIK as row 2
        ],
        template,
    )
    choose(wiz, qtbot, "members", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    errors = {row[0]: row[1] for row in preview_cells(wiz) if row[1]}
    assert set(errors) == {"3", "4"}
    assert errors["3"].startswith("Jenis Kelamin:")
    assert errors["4"].startswith("NIK:") and "2" in errors["4"]  # names the first row
    radio = wiz.check.validOnlyRadio
    qtbot.mouseClick(radio, LEFT, pos=radio.rect().center())
    assert commit_button(wiz).isEnabled()
    qtbot.mouseClick(commit_button(wiz), LEFT)
    assert wiz.result_page.writtenLabel.text() == "1"
    assert wiz.result_page.skippedLabel.text() == "2"
    assert wiz.result_page.saveReportButton.isVisible()
    assert [r.name for r in members_service.list_members(sqlite_db)] == ["Siti Rahmawati"]


@pytest.mark.parametrize(
    ("make", "expect"),
    [
        (lambda p: p.write_text("Nama;NIK\nSiti;1\n") or p, "bukan"),
        (lambda p: p.write_bytes(b"PK\x03\x04 rusak") or p, "rusak"),
        (lambda p: None, "tidak ditemukan"),
    ],
    ids=["csv-named-xlsx", "corrupt", "missing"],
)
def test_bad_files_give_the_service_message(sqlite_db, page, qtbot, tmp_path, make, expect):
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    path = tmp_path / "data.xlsx"
    make(path)
    choose(wiz, qtbot, "members", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    assert wiz.currentPage() is wiz.check
    msg = wiz.check.fileError.text()
    assert wiz.check.fileError.isVisible() and expect in msg.lower(), msg
    assert not commit_button(wiz).isEnabled()
    assert member_count(sqlite_db) == 0


def test_missing_column_for_members_then_for_loans(sqlite_db, page, qtbot, tmp_path):
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    wb = Workbook()
    wb.active.title = "Anggota"
    wb.active.append(["Nama", "Jenis Kelamin"])
    wb.active.append(["Siti", "P"])
    path = tmp_path / "kurang.xlsx"
    wb.save(path)
    choose(wiz, qtbot, "members", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    assert "NIK" in wiz.check.fileError.text() and "Tanggal Masuk" in wiz.check.fileError.text()
    assert wiz.check.model.rowCount() == 0
    # back, the same file as loans: the loans template's required columns are named
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), LEFT)
    choose(wiz, qtbot, "loans", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    text = wiz.check.fileError.text()
    assert "belum tersedia" not in text
    assert "Produk Pinjaman" in text and "Plafon" in text and "Per Tanggal" in text
    assert not commit_button(wiz).isEnabled()


def test_import_running_loans_through_the_wizard(sqlite_db, page, qtbot, tmp_path):
    from decimal import Decimal

    from koperasi.services.auth import SYSTEM
    from koperasi.services.check import run_checks
    from koperasi.services.loan_products import ProductInput, add_product
    from koperasi.services.loans import views as loan_views

    for n in (1, 2):
        members_service.register_member(
            sqlite_db,
            SYSTEM,
            members_service.MemberInput(
                name=f"Anggota {n}", nik=nik(n), gender="P", join_date=dt.date(2020, 1, 6)
            ),
        )
    add_product(
        sqlite_db,
        SYSTEM,
        ProductInput(code="UMUM", name="Pinjaman Umum", rate=Decimal("1.5"), max_amount=20_000_000),
    )
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    choose(wiz, qtbot, "loans", Path(""))
    assert "Pokok Sudah Dibayar" in wiz.source.kindHint.text()
    template = tmp_path / "templat-pinjaman.xlsx"
    p.files.save_answers.append(str(template))
    qtbot.mouseClick(wiz.source.templateButton, LEFT)
    wb = load_workbook(template)
    assert wb.sheetnames == ["Pinjaman", "Petunjuk"]
    ws = wb["Pinjaman"]
    example = [c.value for c in ws[2]]
    ws.append(["A00002", *example[1:]])
    ws.append(["A09999", *example[1:]])  # no such member
    path = tmp_path / "pinjaman.xlsx"
    wb.save(path)
    choose(wiz, qtbot, "loans", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    assert wiz.currentPage() is wiz.check
    errors = {row[0]: row[1] for row in preview_cells(wiz)}
    assert errors["2"] == "" and errors["3"] == ""
    assert errors["4"].startswith("Nomor Anggota:") and "A09999" in errors["4"]
    assert not commit_button(wiz).isEnabled()
    assert loan_views.list_loans(sqlite_db) == []  # the check wrote nothing
    radio = wiz.check.validOnlyRadio
    qtbot.mouseClick(radio, LEFT, pos=radio.rect().center())
    qtbot.mouseClick(commit_button(wiz), LEFT)
    assert wiz.result_page.writtenLabel.text() == "2"
    assert wiz.result_page.skippedLabel.text() == "1"
    views = loan_views.list_loans(sqlite_db)
    assert sorted(v.member_number for v in views) == ["A00001", "A00002"]
    assert {(v.status, v.principal_outstanding) for v in views} == {("aktif", 2_500_000)}
    assert run_checks(sqlite_db).ok


def small_audit(db, path: Path, name: str) -> Path:  # type: ignore[no-untyped-def]
    """The audit workbook of a young cooperative (a fresh database: fast to read)."""
    from koperasi.exchange import export_auditor
    from koperasi.services import settings as settings_service
    from koperasi.services.auth import SYSTEM

    profile = settings_service.get_profile(db)
    changed = {**profile.__dict__, "name": name, "legal_number": f"AHU-{name}"}
    settings_service.save_profile(db, SYSTEM, type(profile)(**changed))
    return export_auditor(db, path).path


def test_audit_workbook_restore_through_wizard(
    small_demo_db, sqlite_db, page, qtbot, demo_audit, tmp_path
):
    from koperasi.db.database import open_database

    other = open_database(tmp_path / "lain.db")
    small = small_audit(other, tmp_path / "ksp-lain.xlsx", "KSP Lain")
    other.dispose()
    # a sheet missing: the service's message, nothing written
    broken = tmp_path / "tanpa-jurnal.xlsx"
    wb = load_workbook(small)
    del wb["Jurnal"]
    wb.save(broken)
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    choose(wiz, qtbot, "audit-workbook", broken)
    assert not wiz.source.templateButton.isEnabled()
    qtbot.mouseClick(next_button(wiz), LEFT)
    assert "Jurnal" in wiz.check.fileError.text() and "tidak ada" in wiz.check.fileError.text()
    assert not commit_button(wiz).isEnabled()
    # into an empty database: checked, then the whole books restored
    qtbot.mouseClick(wiz.button(QWizard.WizardButton.BackButton), LEFT)
    choose(wiz, qtbot, "audit-workbook", demo_audit)
    qtbot.mouseClick(next_button(wiz), LEFT)
    assert not wiz.check.validOnlyRadio.isEnabled()
    assert commit_button(wiz).isEnabled(), wiz.check.fileError.text()
    assert member_count(sqlite_db) == 0
    qtbot.mouseClick(commit_button(wiz), LEFT)
    assert wiz.report is not None and wiz.report.committed
    assert member_count(sqlite_db) == member_count(small_demo_db) == 12
    # the database is no longer empty: refused with the service's message
    wiz = open_wizard(p, qtbot)
    choose(wiz, qtbot, "audit-workbook", small)
    qtbot.mouseClick(next_button(wiz), LEFT)
    assert wiz.check.fileError.isVisible() and "kosong" in wiz.check.fileError.text()
    assert member_count(sqlite_db) == 12


def test_consolidation_of_exported_workbooks(demo_audit, sqlite_db, page, qtbot, tmp_path):
    a = demo_audit
    b = tmp_path / "ksp-baru.xlsx"
    small_audit(sqlite_db, tmp_path / "unused.xlsx", "KSP Baru")
    export_file(page(sqlite_db), qtbot, b)  # through the page, as a cooperative would
    tampered = tmp_path / "ksp-ubah.xlsx"
    wb = load_workbook(b)
    ws = wb["Akun"]
    ws["C2"] = f"{ws['C2'].value} (diubah)"
    wb.save(tampered)
    junk = tmp_path / "catatan.xlsx"
    junk.write_text("bukan buku kerja")

    from koperasi import signing

    ev = page(sqlite_db)
    ev.tabs.setCurrentIndex(2)
    assert not ev.consolidateButton.isEnabled()
    # the programme's register of public keys, chosen through the page
    register = tmp_path / "kunci.txt"
    register.write_text(
        "\n".join(
            signing.register_line(n, signing.load_or_create(n).public)
            for n in ("AHU-0012345.AH.01.26.2021", "AHU-KSP Baru")
        )
    )
    ev.files.open_answers = [str(register)]
    qtbot.mouseClick(ev.keysButton, LEFT)
    assert ev.keysEdit.text() == str(register)
    ev.files.open_answers = [str(a), str(b), str(tampered)]
    qtbot.mouseClick(ev.addWorkbooksButton, LEFT)
    ev.files.open_answers = [str(a), str(junk)]  # a workbook added twice is listed once
    qtbot.mouseClick(ev.addWorkbooksButton, LEFT)
    assert ev.workbooks() == [str(a), str(b), str(tampered), str(junk)]
    ev.files.save_answers.append(str(tmp_path / "laporan"))
    qtbot.mouseClick(ev.consolidateButton, LEFT)
    saved = tmp_path / "laporan.xlsx"
    assert saved.exists(), ev.consolidationError.text()
    assert "2 dari 4 koperasi lolos" in ev.consolidationSummary.text()
    assert "KSP Baru (ksp-ubah.xlsx), catatan.xlsx" in ev.consolidationSummary.text()
    m = ev.checksModel
    table = {
        m.data(m.index(r, 1)): (m.data(m.index(r, 0)), m.data(m.index(r, 3)), m.data(m.index(r, 4)))
        for r in range(m.rowCount())
    }
    assert table[a.name][1:] == ("lolos", "")
    assert table["ksp-baru.xlsx"] == ("KSP Baru", "lolos", "")
    assert table["ksp-ubah.xlsx"][1] == "GAGAL"
    assert "SHA-256" in table["ksp-ubah.xlsx"][2] and "Akun" in table["ksp-ubah.xlsx"][2]
    assert table["catatan.xlsx"][1] == "GAGAL" and "bukan buku kerja" in table["catatan.xlsx"][2]
    click_row(qtbot, ev.checksTable, 2)
    assert ev.consolidationDetail.text().startswith("KSP Baru (ksp-ubah.xlsx) gagal pemeriksaan:")
    assert "SHA-256" in ev.consolidationDetail.text()
    book = load_workbook(saved)
    assert len(list(book["Per koperasi"].values)) == 4  # header, two cooperatives, total
    failed = list(book["Koperasi yang gagal pemeriksaan"].values)
    assert any("ksp-ubah.xlsx" in str(r) for r in failed)
    # as PDF; workbooks removed from the list are no longer read
    for row in (3, 0):
        ev.consolidationList.clearSelection()
        ev.consolidationList.item(row).setSelected(True)
        qtbot.mouseClick(ev.removeWorkbooksButton, LEFT)
    assert ev.workbooks() == [str(b), str(tampered)]
    ev.files.save_answers.append(str(tmp_path / "laporan.pdf"))
    qtbot.mouseClick(ev.consolidateButton, LEFT)
    assert (tmp_path / "laporan.pdf").read_bytes().startswith(b"%PDF")
    assert "1 dari 2 koperasi lolos" in ev.consolidationSummary.text()


def test_preview_model_passes_qt_model_tester(sqlite_db, page, qtbot, qtmodeltester, tmp_path):
    from koperasi.exchange import write_template

    p = page(sqlite_db)
    template = write_template("members", tmp_path / "t.xlsx")
    path = members_file(
        tmp_path / "a.xlsx", [member(1, "Siti"), member(2, "Budi", **{"NIK": "1"})], template
    )
    wiz = open_wizard(p, qtbot)
    choose(wiz, qtbot, "members", path)
    qtbot.mouseClick(next_button(wiz), LEFT)
    qtmodeltester.check(wiz.check.model)
    wiz.check.model.set_only_errors(True)
    qtmodeltester.check(wiz.check.model)
    assert wiz.check.model.rowCount() == 1

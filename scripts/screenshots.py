"""Screenshots of the main screens for the README, taken from the real app (offscreen, in
Bahasa Indonesia) on a freshly built demo cooperative.

    .venv/bin/python scripts/screenshots.py            # writes docs/screenshots/*.png
    .venv/bin/python scripts/screenshots.py -o DIR

``make screenshots`` runs it. The test suite runs :func:`take` into a temporary folder so
that the script keeps working as the screens change.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

AS_OF = dt.date(2026, 10, 31)
SIZE = (1366, 705)  # a maximised window on a 1366x768 laptop


def take(db, out: Path, today: dt.date = AS_OF) -> list[Path]:  # type: ignore[no-untyped-def]
    """Open the main window on ``db`` and save one PNG per main screen into ``out``."""
    from PySide6.QtWidgets import QApplication, QWidget

    from koperasi.services.auth import SYSTEM
    from koperasi.services.loans import group_meeting
    from koperasi.ui import i18n
    from koperasi.ui.context import AppContext
    from koperasi.ui.main_window import MainWindow
    from koperasi.ui.uistate import ui_settings
    from koperasi.ui.worker import SyncRunner

    app = QApplication.instance() or QApplication(sys.argv[:1])
    i18n.install("id")
    out.mkdir(parents=True, exist_ok=True)
    settings = ui_settings(Path(tempfile.mkdtemp(prefix="koperasi-shots-")) / "ui.ini")
    ctx = AppContext(
        db=db, actor=SYSTEM, runner=SyncRunner(), settings=settings, lang="id", today=lambda: today
    )
    win = MainWindow(ctx)
    win.resize(*SIZE)
    win.show()
    written: list[Path] = []

    def settle() -> None:
        for _ in range(5):
            app.processEvents()

    def shot(widget: QWidget, name: str) -> None:
        settle()
        path = out / f"{name}.png"
        widget.grab().save(str(path))
        written.append(path)

    win.go("dashboard")
    shot(win, "beranda")

    members = win.go("members")
    settle()
    members.table.selectRow(0)
    shot(win, "anggota")
    row = members.selected_member()

    loans = win.go("loans", {"status": "aktif"})
    settle()
    loans.table.selectRow(0)
    shot(win, "pinjaman")
    loans.show_options({"tab": "arrears"})
    shot(win, "pinjaman-tunggakan")
    loans.show_options({"tab": "list"})
    selected = loans.detail.detail
    if selected is not None:  # a borrower's detail, on the loans tab
        from koperasi.ui.pages.members import MemberDetailDialog

        detail = MemberDetailDialog(ctx, selected.row.member_number, win)
        detail.resize(960, 640)
        detail.show()
        detail.tabs.setCurrentWidget(detail.loansTab)
        shot(detail, "anggota-rincian")
        detail.close()
    wizard = loans.apply_loan(selected.row.member_number if selected else None)
    wizard.resize(980, 620)
    wizard.next()
    terms = wizard.termsPage
    terms.ui.amountEdit.setValue(3_000_000)
    terms.ui.purposeEdit.setText("Tambahan modal warung sembako")
    terms.update_preview()
    shot(wizard, "pinjaman-pengajuan")
    wizard.done(0)
    if selected is not None and selected.status == "aktif":
        dlg = loans.repay(selected.number)
        dlg.ui.amountEdit.setValue(max(dlg.preview.due_now, 100_000) if dlg.preview else 100_000)
        dlg.update_preview()
        shot(dlg, "pinjaman-angsuran")
        dlg.done(0)

    groups = win.go("groups")
    settle()
    groups.table.selectRow(0)
    shot(win, "kelompok")
    # the meeting of the group with the most installments due (a meeting with loans)
    best, best_due = 0, -1
    for row_no in range(min(groups.table.model().rowCount(), 25)):
        groups.table.selectRow(row_no)
        code = groups.selected_group().code
        due = sum(d.installment_due for d in group_meeting.group_meeting_dues(db, code, today))
        if due > best_due:
            best, best_due = row_no, due
    groups.table.selectRow(best)
    meeting = groups.open_meeting()
    if meeting is not None:
        meeting.resize(1240, 620)
        meeting.model.fill_dues()
        shot(meeting, "pertemuan-kelompok")
        meeting.model.clear()
        meeting.done(0)

    savings = win.go("savings")
    if row is not None:
        savings.memberEdit.setText(row.number)
        savings.refresh()
    shot(win, "simpanan")

    ledger = win.go("ledger")
    for i, name in ((0, "kas"), (2, "neraca-saldo")):
        ledger.tabs.setCurrentIndex(i)
        shot(win, name)

    names = {
        "reports": "laporan",
        "rat": "rat",
        "exchange": "impor-ekspor",
        "settings": "pengaturan",
    }
    for key, name in names.items():
        win.go(key)
        shot(win, name)
    win.close()
    return written


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    root = Path(__file__).resolve().parents[1]
    parser.add_argument("-o", "--out", type=Path, default=root / "docs" / "screenshots")
    parser.add_argument("--db", help="an existing database (default: a fresh demo)")
    args = parser.parse_args(argv)

    from koperasi.db.database import open_database
    from koperasi.demo.builder import build_demo

    with tempfile.TemporaryDirectory(prefix="koperasi-shots-") as tmp:
        if args.db:
            db = open_database(args.db)
        else:
            db = open_database(Path(tmp) / "demo.db")
            build_demo(db, members=150, seed=7, years=3, as_of=AS_OF)
        for path in take(db, args.out):
            print(path)
        db.dispose()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())

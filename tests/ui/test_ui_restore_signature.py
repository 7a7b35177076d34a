"""Issue 22: the import wizard refuses an unsigned audit workbook with the service's
message and offers, only then, to allow it (as --allow-unsigned does); an edited workbook
is refused whatever the choice."""

from __future__ import annotations

from pathlib import Path

from openpyxl import load_workbook
from PySide6.QtCore import Qt
from test_ui_exchange import (  # noqa: F401 - the page fixture
    choose,
    commit_button,
    member_count,
    next_button,
    open_wizard,
    page,
    small_audit,
)

from koperasi.db.database import open_database


def _unsigned(src: Path, dst: Path) -> Path:
    wb = load_workbook(src)
    ws = wb["Info"]
    for r in range(ws.max_row, 1, -1):
        if ws.cell(row=r, column=1).value == "signature":
            ws.delete_rows(r)
    wb.save(dst)
    return dst


def test_unsigned_audit_workbook_needs_the_explicit_choice(sqlite_db, page, qtbot, tmp_path):  # noqa: F811
    other = open_database(tmp_path / "lain.db")
    signed = small_audit(other, tmp_path / "ksp-lain.xlsx", "KSP Lain")
    other.dispose()
    unsigned = _unsigned(signed, tmp_path / "tanpa-ttd.xlsx")
    p = page(sqlite_db)
    wiz = open_wizard(p, qtbot)
    check = wiz.check
    assert not check.allowUnsignedCheck.isVisible()  # not offered for a signed workbook
    choose(wiz, qtbot, "audit-workbook", unsigned)
    qtbot.mouseClick(next_button(wiz), Qt.MouseButton.LeftButton)
    assert "tidak ditandatangani" in check.fileError.text()
    assert not commit_button(wiz).isEnabled()
    box = check.allowUnsignedCheck
    assert box.isVisible() and not box.isChecked()
    box.setFocus()
    qtbot.keyClick(box, Qt.Key.Key_Space)  # by keyboard: checked, the file checked again
    assert box.isChecked()
    assert not check.fileError.isVisible() or not check.fileError.text()
    assert "keasliannya tidak terjamin" in check.summary.text()
    assert commit_button(wiz).isEnabled()
    qtbot.mouseClick(commit_button(wiz), Qt.MouseButton.LeftButton)
    assert wiz.report is not None and wiz.report.committed
    assert member_count(sqlite_db) == member_count(open_database(tmp_path / "lain.db"))

"""Month-end on the README demo (as of the last day of the previous month, which it leaves
open): the treasurer picks the period, the last ended month is the default, and month-end,
savings interest and closing the month work."""

from __future__ import annotations

import datetime as dt
import os
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from uihelpers import close_message_boxes

from koperasi.db.database import open_database
from koperasi.demo.builder import build_demo
from koperasi.services import check, clock, closing

LEFT = Qt.MouseButton.LeftButton
SHOTS = Path(os.environ.get("KOPERASI_SHOTS", "/tmp/koperasi-period-shots"))


@pytest.fixture
def today_demo(tmp_path):  # type: ignore[no-untyped-def]
    """What `koperasi demo` makes on a fresh machine: a demo cooperative as of the
    last day of the previous month, that month's month-end not yet run."""
    db = open_database(tmp_path / "demo.db")
    build_demo(db, members=40, seed=3, years=1)
    yield db
    db.dispose()


def test_month_end_of_the_last_ended_month_works_from_the_gui(today_demo, make_ctx, qtbot):
    from koperasi.ui.main_window import MainWindow

    today = dt.date.today()
    win = MainWindow(make_ctx(today_demo, today=today))
    qtbot.addWidget(win)
    win.resize(1366, 705)
    win.show()
    qtbot.waitExposed(win)
    SHOTS.mkdir(parents=True, exist_ok=True)
    year, month = clock.last_ended_month(today)

    page = win.go("loans")
    dlg = page.month_end()
    qtbot.waitExposed(dlg)
    assert dlg.period() == (year, month)  # the default: the last month that has ended
    assert dlg.periodCombo.count() == 24
    dlg.grab().save(str(SHOTS / "month_end_dialog.png"))
    win.grab().save(str(SHOTS / "month_end_window.png"))
    dlg.accept()
    texts = close_message_boxes(qtbot)
    result = page.last_month_end
    assert result is not None, texts
    assert result.as_of == clock.month_end(year, month)
    assert result.allowance_after == result.ppap_total
    assert any("PPAP" in t for t in texts)

    # savings interest for the same month (the demo leaves it to the treasurer: posted now)
    reports = win.go("reports")
    bar = reports.tabs.tabBar()
    qtbot.mouseClick(bar, LEFT, pos=bar.tabRect(1).center())
    panel = reports.closing
    interest = panel.savings_interest()
    assert interest.period() == (year, month)
    interest.accept()
    close_message_boxes(qtbot)
    assert panel.last_interest is not None and panel.last_interest.journal_entry_id is not None

    # closing the month: the months before it first (in order), then the chosen one
    first = (today.year - 1, today.month)
    y, m = first
    while (y, m) < (year, month):
        closing.close_month(today_demo, win.ctx.actor, y, m, today=today)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    panel.select_year(year)
    panel.load_year()
    assert panel.select_month(year, month)
    assert panel.closeMonthButton.isEnabled()
    qtbot.mouseClick(panel.closeMonthButton, LEFT)  # confirmed (tests answer yes)
    status = {(p.year, p.month): p.status for p in closing.periods(today_demo)}
    assert status[(year, month)] == "closed"
    win.grab().save(str(SHOTS / "closing_panel.png"))
    assert check.run_checks(today_demo).ok

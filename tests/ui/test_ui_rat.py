"""The RAT page: the budget grid, the reports, the meeting's quorum, the governance answers
and the officers' register, driven offscreen; a pengawas sees it all and can change nothing."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from PySide6.QtCore import QSize

from koperasi.services.auth import Actor, Role
from koperasi.services.rat import budget, records
from koperasi.ui.main_window import MainWindow

YEAR = 2025
SHOTS = Path(__file__).resolve().parents[2] / "test-output"


def _window(qtbot, make_ctx, db, actor=None):  # type: ignore[no-untyped-def]
    ctx = make_ctx(db)
    if actor is not None:
        ctx.actor = actor
    win = MainWindow(ctx)
    qtbot.addWidget(win)
    win.resize(QSize(1366, 705))
    win.show()
    qtbot.waitExposed(win)
    return win


def test_rat_page_saves_budget_texts_meeting_answers_and_officers(
    qtbot, demo_db, make_ctx, monkeypatch
):
    from koperasi.services.auth import SYSTEM

    # the demo's RAT approved a plan and elected officers: this test starts from empty ones
    budget.set_budget(demo_db, SYSTEM, YEAR + 1, {})
    for officer in records.list_officers(demo_db):
        records.remove_officer(demo_db, SYSTEM, officer.id)
    win = _window(qtbot, make_ctx, demo_db)
    win.go("rat")
    page = win.rat
    page.yearSpin.setValue(YEAR)
    t = page.budgetTable
    codes = [t.item(r, 0).text() for r in range(t.rowCount())]
    assert "4.10" in codes and "5.10" in codes and "1.01" not in codes
    t.item(codes.index("4.10"), 4).setText("Rp 45.000.000")
    t.item(codes.index("5.10"), 4).setText("10.000.000")
    page.saveBudgetButton.click()
    assert budget.get_budget(demo_db, YEAR + 1) == {"4.10": 45_000_000, "5.10": 10_000_000}
    assert t.item(codes.index("4.10"), 4).text() == "45.000.000"
    # a bad amount names the account and saves nothing
    t.item(codes.index("5.10"), 4).setText("sepuluh")
    from koperasi.ui import dialogs

    warned = []
    monkeypatch.setattr(dialogs, "warn", lambda parent, title, text: warned.append(text))
    page.saveBudgetButton.click()
    assert warned and "5.10" in warned[-1]
    assert budget.get_budget(demo_db, YEAR + 1)["5.10"] == 10_000_000
    # overlapping budget lines: the service's message is shown
    page.refresh()
    t.item(codes.index("5.11"), 4).setText("1.000")
    page.saveBudgetButton.click()
    assert "tumpang tindih" in warned[-1]

    # the board's report starts from the template and is saved as edited
    edit = page.textEdits[records.BOARD]
    assert f"tahun buku {YEAR}" in edit.toPlainText()
    edit.setPlainText("Laporan pengurus yang disunting.")
    page.findChild(type(page.saveMeetingButton), "saveBoardTextButton").click()
    assert records.get_text(demo_db, YEAR, records.BOARD).body == "Laporan pengurus yang disunting."

    # the meeting: quorum shown as the count is entered
    page.tabs.setCurrentIndex(2)
    page.entitledSpin.setValue(35)
    page.presentSpin.setValue(17)
    assert (
        "paling sedikit 18" in page.quorumLabel.text()
        and "tidak tercapai" in page.quorumLabel.text()
    )
    page.presentSpin.setValue(18)
    assert "kuorum tercapai" in page.quorumLabel.text()
    # the statutes' rule (a setting): at least two thirds
    page.quorumRuleCombo.setCurrentIndex(3)
    page.saveQuorumRuleButton.click()
    page.entitledSpin.setValue(35)  # saving the rule reloads the meeting from the books
    assert "paling sedikit 24" in page.quorumLabel.text()  # 2/3 of 35 = 23.3
    page.quorumRuleCombo.setCurrentIndex(0)
    page.saveQuorumRuleButton.click()
    page.entitledSpin.setValue(35)
    page.presentSpin.setValue(18)
    page.heldCheck.setChecked(True)
    page.placeEdit.setText("Aula Koperasi")
    page.saveMeetingButton.click()
    m = records.get_meeting(demo_db, YEAR)
    assert m.members_present == 18 and m.quorum is True and m.place == "Aula Koperasi"

    # governance answers move the score
    page.tabs.setCurrentIndex(3)
    before = page.ratingLabel.text()
    for cb in page.questionChecks.values():
        cb.setChecked(True)
    page.saveAnswersButton.click()
    assert all(records.get_answers(demo_db, YEAR).values())
    assert page.ratingLabel.text() != before and "Tata kelola 100" in page.ratingLabel.text()

    # officers: in Pengaturan too
    win.go("settings")
    panel = win.settings.officersPanel
    win.settings.tabs.setCurrentWidget(panel)
    assert panel.addOfficerButton.isVisible() and panel.model.rowCount() == 0
    win.go("rat")
    page.tabs.setCurrentIndex(4)
    records.add_officer(
        demo_db,
        win.ctx.actor,
        records.OfficerInput("pengurus", "Ketua", "Siti", dt.date(2024, 1, 1)),
    )
    page.refresh()
    assert [o.name for o in page.officerModel.rows] == ["Siti"]
    page.officerTable.selectRow(0)
    page.removeOfficerButton.click()  # confirmed by the test's answer
    assert records.list_officers(demo_db) == []

    # the book opens in Laporan, built for the year shown
    page.openBookButton.click()
    assert win.current_key() == "reports"
    assert win.reports.data is not None and win.reports.data.name == "buku-rat"
    assert win.reports.data.period.end == dt.date(YEAR, 12, 31)
    SHOTS.mkdir(exist_ok=True)
    qtbot.wait(50)
    assert win.grab().save(str(SHOTS / "rat-book-preview.png"))
    win.go("rat")

    SHOTS.mkdir(exist_ok=True)
    for i, name in enumerate(("budget", "texts", "meeting", "governance", "officers")):
        page.tabs.setCurrentIndex(i)
        qtbot.wait(10)
        assert win.grab().save(str(SHOTS / f"rat-{name}.png"))
    win.close()


def test_pengawas_reads_the_rat_page_and_changes_nothing(qtbot, demo_db, make_ctx):
    win = _window(qtbot, make_ctx, demo_db, Actor("awas", Role.PENGAWAS))
    win.go("rat")
    page = win.rat
    page.yearSpin.setValue(YEAR)
    assert page.budgetTable.rowCount() > 0 and page.ratingLabel.text()
    for name in (
        "saveBudgetButton",
        "importBudgetButton",
        "saveBoardTextButton",
        "saveSupervisorsTextButton",
        "templateBoardButton",
        "saveMeetingButton",
        "saveQuorumRuleButton",
        "saveGovernanceButton",
        "addOfficerButton",
        "removeOfficerButton",
    ):
        button = getattr(page, name, None) or page.findChild(type(page.saveBudgetButton), name)
        assert button is not None and not button.isVisible() and not button.isEnabled(), name
    assert page.openBookButton.isVisible()
    # the same register in Pengaturan, read only too
    win.go("settings")
    panel = win.settings.officersPanel
    win.settings.tabs.setCurrentWidget(panel)
    assert panel.isVisible() and not panel.addOfficerButton.isVisible()
    win.close()
    ketua = _window(qtbot, make_ctx, demo_db, Actor("ani", Role.KETUA, frozenset({1})))
    from koperasi.ui.main_window import PAGE_KEYS

    assert ketua.nav.item(PAGE_KEYS.index("rat")).isHidden()
    ketua.close()

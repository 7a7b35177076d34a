"""Kas & Jurnal › Aset tetap: a purchase through the dialog (a wrong field named in place,
nothing written), a month's depreciation, a sale with its gain, and the roles: a pengawas
reads without the buttons, a ketua kelompok does not get the tab."""

from __future__ import annotations

import dataclasses
import datetime as dt

from koperasi.db.database import open_database
from koperasi.services import fixed_asset_disposal as fa_disposal
from koperasi.services import fixed_assets as fa
from koperasi.services import ledger
from koperasi.services.auth import SYSTEM, Actor, Role
from koperasi.services.ledger import Line
from koperasi.ui.pages.fixed_assets import AssetDialog, DepreciationDialog, DisposeDialog
from koperasi.ui.pages.ledger import LedgerPage
from koperasi.ui.widgets import to_qdate

D = dt.date


def _db(tmp_path):
    db = open_database(tmp_path / "k.db")
    ledger.add_manual_entry(
        db,
        SYSTEM,
        D(2025, 1, 2),
        "Hibah",
        [Line("1.01", debit=50_000_000), Line("3.13", credit=50_000_000)],
    )
    return db


def test_fixed_assets_tab_workflow(tmp_path, make_ctx, qtbot, qtmodeltester):
    db = _db(tmp_path)
    ctx = make_ctx(db, today=D(2025, 3, 15))
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    tab = page.fixedAssets
    assert tab is not None and tab.newButton.isVisibleTo(tab)
    dlg = tab.new_asset()
    assert isinstance(dlg, AssetDialog)
    dlg.nameEdit.setText("Laptop")
    dlg.groupCombo.setCurrentIndex(dlg.groupCombo.findData("peralatan"))
    dlg.dateEdit.setDate(to_qdate(D(2025, 1, 10)))
    dlg.costEdit.setText("12.000.000")
    dlg.lifeSpin.setValue(48)
    dlg.residualEdit.setText("20.000.000")  # above the cost: refused, named in place
    dlg.save()
    assert dlg.errors.message("residual") and "Nilai sisa" in dlg.errors.message("residual")
    assert fa.register(db, D(2025, 3, 1)) == []
    dlg.residualEdit.setText("0")
    dlg.save()
    assert dlg.result() == dlg.DialogCode.Accepted
    tab.refresh()
    assert [r.code for r in tab.model.rows] == ["AT-0001"]
    qtmodeltester.check(tab.model)
    # January's and February's depreciation: 12.000.000 / 48 = 250.000 a month
    dep = tab.depreciate()
    assert isinstance(dep, DepreciationDialog)
    assert dep.monthCombo.currentData() == (2025, 2)
    dep.save()
    assert dep.run.amount == 500_000  # January caught up with February
    dep.save()
    assert dep.run.already_posted
    tab.refresh()
    assert tab.model.rows[0].accumulated == 500_000
    assert "Rp11.500.000" in tab.summary.text()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    disp = tab.dispose_selected()
    assert isinstance(disp, DisposeDialog)
    disp.dateEdit.setDate(to_qdate(D(2025, 3, 14)))
    disp.proceedsEdit.setText("12.000.000")
    disp.save()
    assert disp.result_.gain == 500_000
    tab.disposedCheck.setChecked(True)
    assert tab.model.rows[0].disposed_on == D(2025, 3, 14)
    import os

    if os.environ.get("KOPERASI_UI_SHOT"):
        page.resize(1200, 500)
        page.tabs.setCurrentWidget(tab)
        page.grab().save(os.environ["KOPERASI_UI_SHOT"])


def test_fixed_assets_tab_roles(tmp_path, make_ctx, qtbot):
    db = _db(tmp_path)
    fa.add_asset(db, SYSTEM, fa.AssetInput("Meja", "peralatan", D(2025, 1, 5), 1_200_000, 24))
    ctx = make_ctx(db, today=D(2025, 3, 15))
    ctx = dataclasses.replace(ctx, actor=Actor("awas", Role.PENGAWAS))
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    assert len(page.fixedAssets.model.rows) == 1
    assert not page.fixedAssets.newButton.isVisibleTo(page.fixedAssets)
    assert not page.fixedAssets.disposeButton.isVisibleTo(page.fixedAssets)
    # a ketua kelompok never reaches Kas & Jurnal (the cooperative's books), so never the tab
    from koperasi.ui.role_guard import PAGE_REQUIRES

    assert not Actor("k", Role.KETUA, frozenset({1})).can(PAGE_REQUIRES["ledger"])


def test_import_dialog_checks_then_imports(tmp_path, make_ctx, qtbot):
    from openpyxl import load_workbook

    from koperasi.exchange.fixed_assets_import import write_template
    from koperasi.ui.pages.fixed_assets import ImportDialog

    db = _db(tmp_path)
    path = write_template(tmp_path / "aset.xlsx")
    wb = load_workbook(path)
    wb.active.append(["", "Gedung", "bangunan", D(2020, 1, 1), 120_000_000, 240, 0, "", 30_000_000])
    wb.active.append(["", "Kursi", "kursi", D(2024, 1, 1), 1_000_000, 12, 0, "", 0])
    wb.save(path)
    ctx = make_ctx(db, today=D(2025, 3, 15))
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    dlg = page.fixedAssets.import_opening()
    assert isinstance(dlg, ImportDialog)
    dlg.fileEdit.setText(str(path))
    dlg.dateEdit.setDate(to_qdate(D(2024, 12, 31)))
    dlg.run(dry_run=False)
    assert (
        "Tidak ada yang disimpan" in dlg.resultLabel.text() and "Baris 3" in dlg.resultLabel.text()
    )
    assert fa.register(db, D(2025, 1, 1)) == []
    wb.active.delete_rows(3)
    wb.save(path)
    dlg.run(dry_run=True)
    assert "1 aset siap diimpor" in dlg.resultLabel.text()
    assert fa.register(db, D(2025, 1, 1)) == []
    dlg.run(dry_run=False)
    assert "Rp120.000.000" in dlg.resultLabel.text()
    [row] = fa.register(db, D(2025, 1, 1))
    assert row.book_value == 90_000_000
    dlg.fileEdit.setText(str(tmp_path / "tidak-ada.xlsx"))
    dlg.run(dry_run=True)
    assert "tidak dapat dibaca" in dlg.resultLabel.text()


def test_reverse_dialog_takes_back_a_sale_then_the_purchase(tmp_path, make_ctx, qtbot):
    from koperasi.ui.pages.fixed_assets import ReverseAssetDialog

    db = _db(tmp_path)
    row = fa.add_asset(db, SYSTEM, fa.AssetInput("Meja", "peralatan", D(2025, 1, 5), 1_200_000, 24))
    fa_disposal.dispose(db, SYSTEM, row.id, D(2025, 2, 10), 1_000_000)
    ctx = make_ctx(db, today=D(2025, 3, 15))
    page = LedgerPage(ctx)
    qtbot.addWidget(page)
    page.refresh()
    tab = page.fixedAssets
    tab.disposedCheck.setChecked(True)
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    dlg = tab.reverse_selected()
    assert isinstance(dlg, ReverseAssetDialog) and dlg.whatCombo.currentData() == "disposal"
    dlg.save()  # no reason: refused in place
    assert dlg.errors.message("reason")
    dlg.reasonEdit.setText("belum jadi dijual")
    dlg.save()
    assert dlg.result_.what == "disposal"
    tab.refresh()
    tab.table.setCurrentIndex(tab.model.index(0, 0))
    dlg = tab.reverse_selected()
    assert dlg.whatCombo.currentData() == "acquisition"
    dlg.reasonEdit.setText("dobel")
    dlg.save()
    assert dlg.result_.what == "acquisition"
    tab.refresh()
    assert tab.model.rows == []

"""Kas & Jurnal › Aset tetap: the fixed-asset register at a date, a new asset, a sale or
scrapping, and the depreciation of an ended month (which the loans' month-end run also
posts). Admin and bendahara write; a pengawas reads; a ketua kelompok does not see the tab."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...services import clock
from ...services import fixed_asset_depreciation as fa_depreciation
from ...services import fixed_asset_disposal as fa_disposal
from ...services import fixed_assets as fa
from ..context import AppContext
from ..widgets import FieldErrors, MoneyEdit, rp, setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table
from .form_dialog import add_buddy_rows as _add_rows
from .form_dialog import save_cancel_buttons as _buttons


def add_fixed_assets_tab(ctx: AppContext, tabs: QTabWidget) -> FixedAssetsTab | None:
    """Add the tab to the Kas & Jurnal page for those who may read the register."""
    if not ctx.actor.can("read.all"):
        return None
    tab = FixedAssetsTab(ctx)
    tabs.addTab(tab, tab.title())
    return tab


class FixedAssetsTab(QWidget):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("fixedAssetsTab")
        layout = QVBoxLayout(self)
        bar = QHBoxLayout()
        bar.addWidget(QLabel(self.tr("Per tanggal")))
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("fixedAssetsDate")
        bar.addWidget(self.dateEdit)
        self.disposedCheck = QCheckBox(self.tr("Tampilkan yang sudah &dilepas"))
        self.disposedCheck.setObjectName("showDisposedCheck")
        bar.addWidget(self.disposedCheck)
        bar.addStretch(1)
        self.newButton = QPushButton(self.tr("Aset &baru..."))
        self.newButton.setObjectName("newAssetButton")
        self.disposeButton = QPushButton(self.tr("Jual/&hapus..."))
        self.disposeButton.setObjectName("disposeAssetButton")
        self.depreciateButton = QPushButton(self.tr("Pen&yusutan bulan..."))
        self.depreciateButton.setObjectName("depreciateButton")
        self.importButton = QPushButton(self.tr("&Impor saldo awal..."))
        self.importButton.setObjectName("importAssetsButton")
        self.reverseButton = QPushButton(self.tr("Batalkan pen&catatan..."))
        self.reverseButton.setObjectName("reverseAssetButton")
        for b in (
            self.newButton,
            self.disposeButton,
            self.depreciateButton,
            self.importButton,
            self.reverseButton,
        ):
            b.setVisible(ctx.actor.can("asset.write"))
            bar.addWidget(b)
        layout.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("Kode"), lambda r: r.code, "text"),
                (self.tr("Nama aset"), lambda r: r.name, "text"),
                (self.tr("Kelompok"), lambda r: self.group_label(r.group), "text"),
                (self.tr("Lokasi"), lambda r: r.location, "text"),
                (self.tr("Perolehan"), lambda r: r.acquired_on, "date"),
                (self.tr("Umur (bln)"), lambda r: r.life_months, "int"),
                (self.tr("Harga perolehan"), lambda r: r.cost, "money"),
                (self.tr("Akumulasi penyusutan"), lambda r: r.accumulated, "money"),
                (self.tr("Nilai buku"), lambda r: r.book_value, "money"),
                (self.tr("Dilepas"), lambda r: r.disposed_on, "date"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "fixedAssetsTable", stretch_column=1)
        self.table.setModel(self.model)
        layout.addWidget(self.table, 1)
        self.summary = QLabel()
        self.summary.setObjectName("fixedAssetsSummary")
        layout.addWidget(self.summary)
        self.dateEdit.userDateChanged.connect(lambda _d: self.refresh())
        self.disposedCheck.toggled.connect(lambda _c: self.refresh())
        self.newButton.clicked.connect(self.new_asset)
        self.disposeButton.clicked.connect(self.dispose_selected)
        self.depreciateButton.clicked.connect(self.depreciate)
        self.importButton.clicked.connect(self.import_opening)
        self.reverseButton.clicked.connect(self.reverse_selected)

    def title(self) -> str:
        return self.tr("Aset tetap")

    def group_label(self, code: str) -> str:
        return {
            "tanah": self.tr("Tanah"),
            "bangunan": self.tr("Bangunan"),
            "kendaraan": self.tr("Kendaraan"),
            "peralatan": self.tr("Peralatan dan inventaris kantor"),
        }.get(code, code)

    def refresh(self) -> None:
        rows = fa.register(
            self.ctx.db,
            to_date(self.dateEdit.date()),
            self.ctx.actor,
            include_disposed=self.disposedCheck.isChecked(),
        )
        self.model.set_rows(rows)
        held = [r for r in rows if r.disposed_on is None]
        self.summary.setText(
            self.tr(
                "{n} aset · harga perolehan {cost} · akumulasi {acc} · nilai buku {net}"
            ).format(
                n=len(held),
                cost=rp(sum(r.cost for r in held)),
                acc=rp(sum(r.accumulated for r in held)),
                net=rp(sum(r.book_value for r in held)),
            )
        )

    def selected(self) -> fa.AssetRow | None:
        return self.model.row(self.table.currentIndex())

    def new_asset(self) -> AssetDialog:
        dlg = AssetDialog(self.ctx, self)
        dlg.open()
        return dlg

    def dispose_selected(self) -> DisposeDialog | None:
        row = self.selected()
        if row is None or row.disposed_on is not None:
            from .. import dialogs

            dialogs.inform(
                self, self.tr("Jual/hapus aset"), self.tr("Pilih dulu aset yang masih dipakai.")
            )
            return None
        dlg = DisposeDialog(self.ctx, row, self)
        dlg.open()
        return dlg

    def reverse_selected(self) -> ReverseAssetDialog | None:
        row = self.selected()
        if row is None:
            from .. import dialogs

            dialogs.inform(
                self, self.tr("Batalkan pencatatan"), self.tr("Pilih dulu aset yang salah dicatat.")
            )
            return None
        dlg = ReverseAssetDialog(self.ctx, row, self)
        dlg.open()
        return dlg

    def depreciate(self) -> DepreciationDialog:
        dlg = DepreciationDialog(self.ctx, self)
        dlg.open()
        return dlg

    def import_opening(self) -> ImportDialog:
        dlg = ImportDialog(self.ctx, self)
        dlg.open()
        return dlg


class AssetDialog(QDialog):
    """A purchase: the register row and its journal entry (Dr 1.30 / Cr how it was paid)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("assetDialog")
        self.setWindowTitle(self.tr("Aset tetap baru"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("assetNameEdit")
        self.groupCombo = QComboBox()
        self.groupCombo.setObjectName("assetGroupCombo")
        tab = parent if isinstance(parent, FixedAssetsTab) else None
        for code in fa.GROUP_NAMES:
            self.groupCombo.addItem(tab.group_label(code) if tab else code, code)
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("assetDateEdit")
        self.costEdit = MoneyEdit()
        self.costEdit.setObjectName("assetCostEdit")
        self.lifeSpin = QSpinBox()
        self.lifeSpin.setObjectName("assetLifeSpin")
        self.lifeSpin.setRange(0, fa.MAX_LIFE_MONTHS)
        self.lifeSpin.setValue(48)
        self.residualEdit = MoneyEdit()
        self.residualEdit.setObjectName("assetResidualEdit")
        self.locationEdit = QLineEdit()
        self.locationEdit.setObjectName("assetLocationEdit")
        self.paidCombo = QComboBox()
        self.paidCombo.setObjectName("assetPaidCombo")
        self.paidCombo.addItem(self.tr("Kas (1.01)"), "kas")
        self.paidCombo.addItem(self.tr("Bank (1.02)"), "bank")
        self.paidCombo.addItem(self.tr("Hutang (2.30)"), "hutang")
        self.generalError = QLabel()
        self.generalError.setObjectName("assetError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        rows = [
            (self.tr("&Nama aset"), self.nameEdit, "name"),
            (self.tr("&Kelompok"), self.groupCombo, "asset_group"),
            (self.tr("&Tanggal perolehan"), self.dateEdit, "date"),
            (self.tr("&Harga perolehan"), self.costEdit, "cost"),
            (self.tr("&Umur manfaat (bulan)"), self.lifeSpin, "life_months"),
            (self.tr("Nilai &sisa"), self.residualEdit, "residual"),
            (self.tr("&Lokasi"), self.locationEdit, "location"),
            (self.tr("&Dibayar dari"), self.paidCombo, "paid_from"),
        ]
        _add_rows(form, self.errors, rows)
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        self.groupCombo.currentIndexChanged.connect(self._group_changed)
        self.groupCombo.setCurrentIndex(self.groupCombo.findData("peralatan"))  # the most common
        self._group_changed(0)
        _buttons(self, layout, self.tr("Simpan"), self.tr("Batal")).accepted.connect(self.save)

    def _group_changed(self, _i: int) -> None:
        land = self.groupCombo.currentData() == "tanah"
        self.lifeSpin.setEnabled(not land)
        self.residualEdit.setEnabled(not land)

    def data(self) -> fa.AssetInput:
        land = self.groupCombo.currentData() == "tanah"
        return fa.AssetInput(
            self.nameEdit.text(),
            self.groupCombo.currentData(),
            to_date(self.dateEdit.date()),
            self.costEdit.value() or 0,
            0 if land else self.lifeSpin.value(),
            0 if land else (self.residualEdit.value() or 0),
            self.locationEdit.text(),
            self.paidCombo.currentData(),
        )

    def save(self) -> None:
        self.errors.clear()
        ctx, data = self.ctx, self.data()
        ctx.write(
            lambda: fa.add_asset(ctx.db, ctx.actor, data),
            on_done=lambda _v: self.accept(),
            on_error=self.errors.show,
            parent=self,
        )


class DisposeDialog(QDialog):
    """Sell or scrap an asset; the book value at the date and the gain or loss are posted."""

    def __init__(self, ctx: AppContext, row: fa.AssetRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setObjectName("disposeAssetDialog")
        self.setWindowTitle(self.tr("Jual/hapus aset {code}").format(code=row.code))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{row.code} {row.name} · {rp(row.book_value)}"))
        form = QFormLayout()
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("disposeDateEdit")
        self.proceedsEdit = MoneyEdit()
        self.proceedsEdit.setObjectName("disposeProceedsEdit")
        self.intoCombo = QComboBox()
        self.intoCombo.setObjectName("disposeIntoCombo")
        self.intoCombo.addItem(self.tr("Kas (1.01)"), "kas")
        self.intoCombo.addItem(self.tr("Bank (1.02)"), "bank")
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("disposeNoteEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("disposeError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Tanggal"), self.dateEdit, "date"),
                (self.tr("&Hasil penjualan (0 bila dihapus)"), self.proceedsEdit, "proceeds"),
                (self.tr("&Diterima di"), self.intoCombo, "received_into"),
                (self.tr("&Keterangan"), self.noteEdit, "memo"),
            ),
        )
        layout.addLayout(form)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Bukukan"), self.tr("Batal")).accepted.connect(self.save)

    def save(self) -> None:
        self.errors.clear()
        ctx, asset_id = self.ctx, self.row.id
        date, proceeds = to_date(self.dateEdit.date()), self.proceedsEdit.value() or 0
        into, note = self.intoCombo.currentData(), self.noteEdit.text()
        ctx.write(
            lambda: fa_disposal.dispose(ctx.db, ctx.actor, asset_id, date, proceeds, into, note),
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, result: fa_disposal.Disposal) -> None:
        self.result_ = result
        self.accept()


class DepreciationDialog(QDialog):
    """Post the depreciation of an ended month now (the month-end run does it too)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("depreciationDialog")
        self.setWindowTitle(self.tr("Penyusutan bulan"))
        layout = QVBoxLayout(self)
        self.monthCombo = QComboBox()
        self.monthCombo.setObjectName("depreciationMonthCombo")
        for y, m in clock.ended_months(12, ctx.today()):
            self.monthCombo.addItem(f"{m:02d}/{y}", (y, m))
        label = QLabel(self.tr("&Bulan"))
        label.setBuddy(self.monthCombo)
        layout.addWidget(label)
        layout.addWidget(self.monthCombo)
        hint = QLabel(
            self.tr(
                "Penyusutan sebulan dibukukan sekali saja (Dr 5.30 / Cr 1.39); bulan yang "
                "terlewat ikut dibukukan."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        self.generalError = QLabel()
        self.generalError.setObjectName("depreciationError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("period", self.monthCombo, QLabel())
        layout.addWidget(self.generalError)
        self.resultLabel = QLabel()
        self.resultLabel.setObjectName("depreciationResult")
        layout.addWidget(self.resultLabel)
        _buttons(self, layout, self.tr("Bukukan"), self.tr("Batal")).accepted.connect(self.save)

    def save(self) -> None:
        self.errors.clear()
        ctx = self.ctx
        y, m = self.monthCombo.currentData()
        today = ctx.today()
        ctx.write(
            lambda: fa_depreciation.depreciate_month(ctx.db, ctx.actor, y, m, today=today),
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, run: fa_depreciation.DepreciationRun) -> None:
        self.run = run
        if run.already_posted:
            self.resultLabel.setText(self.tr("Penyusutan bulan ini sudah dibukukan."))
        else:
            self.resultLabel.setText(
                self.tr("Dibukukan {amount} untuk {n} aset.").format(
                    amount=rp(run.amount), n=run.assets
                )
            )


class ImportDialog(QDialog):
    """Moving in: the assets already held, from a workbook, with their accumulated
    depreciation at the opening date (against 3.99). Check first; all rows or none."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("importAssetsDialog")
        self.setWindowTitle(self.tr("Impor aset tetap (saldo awal)"))
        layout = QVBoxLayout(self)
        form = QFormLayout()
        row = QHBoxLayout()
        self.fileEdit = QLineEdit()
        self.fileEdit.setObjectName("importAssetsFileEdit")
        browse = QPushButton(self.tr("&Pilih..."))
        browse.setObjectName("importAssetsBrowseButton")
        browse.clicked.connect(self.browse)
        template = QPushButton(self.tr("Simpan &contoh lembar..."))
        template.setObjectName("importAssetsTemplateButton")
        template.clicked.connect(self.save_template)
        row.addWidget(self.fileEdit, 1)
        row.addWidget(browse)
        row.addWidget(template)
        label = QLabel(self.tr("&Berkas Excel"))
        label.setBuddy(self.fileEdit)
        form.addRow(label, row)
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("importAssetsDateEdit")
        label = QLabel(self.tr("&Tanggal saldo awal"))
        label.setBuddy(self.dateEdit)
        form.addRow(label, self.dateEdit)
        layout.addLayout(form)
        self.resultLabel = QLabel()
        self.resultLabel.setObjectName("importAssetsResult")
        self.resultLabel.setWordWrap(True)
        layout.addWidget(self.resultLabel)
        buttons = QDialogButtonBox()
        self.checkButton = buttons.addButton(
            self.tr("Peri&ksa"), QDialogButtonBox.ButtonRole.ActionRole
        )
        self.checkButton.setObjectName("importAssetsCheckButton")
        self.importButton = buttons.addButton(
            self.tr("&Impor"), QDialogButtonBox.ButtonRole.AcceptRole
        )
        self.importButton.setObjectName("importAssetsImportButton")
        self.importButton.setAutoDefault(False)
        self.checkButton.setDefault(True)  # Enter checks; importing is a deliberate click
        close = buttons.addButton(self.tr("Tutup"), QDialogButtonBox.ButtonRole.RejectRole)
        close.clicked.connect(self.reject)
        self.checkButton.clicked.connect(lambda: self.run(dry_run=True))
        self.importButton.clicked.connect(lambda: self.run(dry_run=False))
        layout.addWidget(buttons)

    def browse(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Berkas aset tetap"), "", self.tr("Excel (*.xlsx)")
        )
        if path:
            self.fileEdit.setText(path)

    def save_template(self) -> None:
        from ...exchange.fixed_assets_import import write_template

        path, _f = QFileDialog.getSaveFileName(
            self, self.tr("Contoh lembar"), "aset-tetap.xlsx", self.tr("Excel (*.xlsx)")
        )
        if path:
            write_template(path)

    def run(self, dry_run: bool) -> None:
        from ...exchange.fixed_assets_import import import_opening_assets

        ctx, path = self.ctx, self.fileEdit.text().strip()
        if not path:
            self.resultLabel.setText(self.tr("Pilih dulu berkas Excel."))
            return
        opening = to_date(self.dateEdit.date())
        ctx.write(
            lambda: import_opening_assets(ctx.db, ctx.actor, path, opening, dry_run),
            on_done=self._done,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        from ...errors import KoperasiError

        if not isinstance(exc, KoperasiError):
            return False
        self.resultLabel.setText(self.ctx.error_message(exc))
        return True

    def _done(self, rep) -> None:
        self.report = rep
        if rep.errors:
            head = self.tr("Tidak ada yang disimpan. Perbaiki baris berikut:")
            self.resultLabel.setText("\n".join([head, *rep.messages(self.ctx.lang)[:20]]))
        elif rep.dry_run:
            self.resultLabel.setText(
                self.tr("{n} aset siap diimpor: harga perolehan {cost}, akumulasi {acc}.").format(
                    n=rep.rows, cost=rp(rep.cost), acc=rp(rep.accumulated)
                )
            )
        else:
            self.resultLabel.setText(
                self.tr("{n} aset diimpor: harga perolehan {cost}, akumulasi {acc}.").format(
                    n=rep.rows, cost=rp(rep.cost), acc=rp(rep.accumulated)
                )
            )


class ReverseAssetDialog(QDialog):
    """Reverse an entry recorded by mistake: the disposal (the asset back in use), or the
    acquisition (the asset out of the register, its depreciation written back)."""

    def __init__(self, ctx: AppContext, row: fa.AssetRow, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.row = row
        self.setObjectName("reverseAssetDialog")
        self.setWindowTitle(self.tr("Batalkan pencatatan aset {code}").format(code=row.code))
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(f"{row.code} {row.name} · {rp(row.cost)}"))
        form = QFormLayout()
        self.whatCombo = QComboBox()
        self.whatCombo.setObjectName("reverseWhatCombo")
        if row.disposed_on is not None:
            self.whatCombo.addItem(self.tr("Pelepasan (penjualan/penghapusan)"), "disposal")
        else:
            self.whatCombo.addItem(self.tr("Pembelian / saldo awal aset"), "acquisition")
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("reverseDateEdit")
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("reverseReasonEdit")
        self.generalError = QLabel()
        self.generalError.setObjectName("reverseAssetError")
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        _add_rows(
            form,
            self.errors,
            (
                (self.tr("&Yang dibatalkan"), self.whatCombo, "kind"),
                (self.tr("&Tanggal jurnal pembalik"), self.dateEdit, "date"),
                (self.tr("&Alasan"), self.reasonEdit, "reason"),
            ),
        )
        layout.addLayout(form)
        hint = QLabel(
            self.tr(
                "Jurnal aslinya tidak diubah: dibukukan jurnal pembalik yang merujuk kepadanya."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        layout.addWidget(self.generalError)
        _buttons(self, layout, self.tr("Batalkan"), self.tr("Tutup")).accepted.connect(self.save)

    def save(self) -> None:
        self.errors.clear()
        ctx, asset_id = self.ctx, self.row.id
        what, date = self.whatCombo.currentData(), to_date(self.dateEdit.date())
        reason = self.reasonEdit.text()
        ctx.write(
            lambda: fa.reverse(ctx.db, ctx.actor, asset_id, what, date, reason),
            on_done=self._done,
            on_error=self.errors.show,
            parent=self,
        )

    def _done(self, result: fa.Reversal) -> None:
        self.result_ = result
        self.accept()

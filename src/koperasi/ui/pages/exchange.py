"""Impor/Ekspor: the audit workbook, the import wizard, consolidation for evaluators.

Every file operation runs in the worker (``ctx.read`` / ``ctx.write``) with a cancellable
progress dialog; the services (``koperasi.exchange``) do all the reading, checking and
writing. File names are asked through :class:`FileDialogs`, which tests replace (the page's
and the wizard's ``files`` attribute) so that no native dialog opens.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QCheckBox,
    QDateEdit,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...exchange import (
    ConsolidationResult,
    ExportResult,
    ImportReport,
    consolidate,
    export_auditor,
)
from ...signing import read_register
from ..context import AppContext
from ..widgets import setup_date_edit, to_date
from .base import DataTable, Page, RowsModel, setup_table
from .exchange_common import (
    FileDialogs,
    cancellable_progress,
    error_label,
    problem_message,
    set_error,
    with_suffix,
)
from .import_wizard import ImportWizard

# ---------------------------------------------------------------- the page


class ExchangePage(Page):
    areas = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("exchangePage")
        self.files = FileDialogs()
        self.last_export: ExportResult | None = None
        self.last_consolidation: ConsolidationResult | None = None
        self.import_wizard: ImportWizard | None = None
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Impor/Ekspor</h2>")))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("exchangeTabs")
        layout.addWidget(self.tabs, 1)
        self.tabs.addTab(self._export_tab(), self.tr("Ekspor untuk auditor"))
        self.tabs.addTab(self._import_tab(), self.tr("Impor dari Excel"))
        # a read-only role (pengawas) imports nothing: no tab left without its button
        self.tabs.setTabVisible(1, ctx.actor.can("import.write"))
        self.tabs.addTab(self._consolidation_tab(), self.tr("Konsolidasi"))

    # -- export
    def _export_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("exportTab")
        v = QVBoxLayout(tab)
        intro = QLabel(
            self.tr(
                "Buku kerja audit: satu berkas Excel berisi anggota, kelompok, simpanan, "
                "pinjaman, jadwal angsuran, bagan akun, jurnal dan neraca saldo, dengan kode "
                "SHA-256 tiap lembar. Tanpa batas periode, berkas ini memuat seluruh pembukuan "
                "dan dapat dipulihkan ke basis data lain."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        form = QFormLayout()
        today = self.ctx.today()
        self.exportFromCheck = QCheckBox(self.tr("Dari tanggal"))
        self.exportFromCheck.setObjectName("exportFromCheck")
        self.exportFrom = setup_date_edit(QDateEdit(), today.replace(month=1, day=1))
        self.exportFrom.setObjectName("exportFromDate")
        self.exportFrom.setEnabled(False)
        form.addRow(self.exportFromCheck, self.exportFrom)
        self.exportToCheck = QCheckBox(self.tr("Sampai tanggal"))
        self.exportToCheck.setObjectName("exportToCheck")
        self.exportTo = setup_date_edit(QDateEdit(), today)
        self.exportTo.setObjectName("exportToDate")
        self.exportTo.setEnabled(False)
        form.addRow(self.exportToCheck, self.exportTo)
        v.addLayout(form)
        self.exportFromCheck.toggled.connect(self.exportFrom.setEnabled)
        self.exportToCheck.toggled.connect(self.exportTo.setEnabled)
        row = QHBoxLayout()
        self.exportButton = QPushButton(self.tr("&Ekspor buku kerja audit..."))
        self.exportButton.setObjectName("exportButton")
        row.addWidget(self.exportButton)
        self.openExportButton = QPushButton(self.tr("&Buka berkas"))
        self.openExportButton.setObjectName("openExportButton")
        self.openExportButton.hide()
        row.addWidget(self.openExportButton)
        row.addStretch(1)
        v.addLayout(row)
        self.exportResult = QLabel()
        self.exportResult.setObjectName("exportResultLabel")
        self.exportResult.setWordWrap(True)
        self.exportResult.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.exportResult)
        self.exportError = error_label("exportError")
        v.addWidget(self.exportError)
        v.addStretch(1)
        self.exportButton.clicked.connect(lambda: self.export())
        self.openExportButton.clicked.connect(self._open_export)
        return tab

    def export_period(self) -> tuple[dt.date | None, dt.date | None]:
        date_from = to_date(self.exportFrom.date()) if self.exportFromCheck.isChecked() else None
        date_to = to_date(self.exportTo.date()) if self.exportToCheck.isChecked() else None
        return date_from, date_to

    def export(self, path: str | None = None) -> None:
        """Ask where to save (unless ``path``), then write the workbook in the worker."""
        ctx = self.ctx
        set_error(self.exportError, None)
        date_from, date_to = self.export_period()
        if date_from and date_to and date_to < date_from:
            set_error(self.exportError, self.tr("Tanggal akhir tidak boleh sebelum tanggal awal."))
            return
        if path is None:
            suggested = f"buku-kerja-audit-{ctx.today().isoformat()}.xlsx"
            path = self.files.save_path(
                self, self.tr("Simpan buku kerja audit"), suggested, self.tr("Excel (*.xlsx)")
            )
            if not path:
                return
        target = with_suffix(path, (".xlsx",))
        db, actor = ctx.db, ctx.actor
        self.exportResult.setText("")
        self.openExportButton.hide()
        ctx.read(
            cancellable_progress(
                lambda progress: export_auditor(
                    db, target, date_from, date_to, progress, actor=actor
                )
            ),
            progress=self.tr("Menyusun buku kerja audit..."),
            on_done=self._exported,
            on_error=lambda exc: self._failed(self.exportError, exc),
            parent=self,
        )

    def _exported(self, result: ExportResult | None) -> None:
        if result is None:
            self.exportResult.setText(self.tr("Ekspor dibatalkan; tidak ada berkas yang dibuat."))
            return
        self.last_export = result
        rows = sum(result.rows.values())
        text = self.tr("Tersimpan di {path}\n{sheets} lembar, {rows} baris data.").format(
            path=str(result.path), sheets=len(result.rows) + 1, rows=f"{rows:,}".replace(",", ".")
        )
        if not result.complete:
            text += "\n" + self.tr(
                "Hanya sebagian periode: berkas ini untuk diperiksa, tidak untuk dipulihkan."
            )
        if result.public_key:
            text += "\n" + self.tr(
                "Ditandatangani dengan kunci koperasi {fingerprint}\n(kunci publik untuk "
                "didaftarkan di program: {key})"
            ).format(fingerprint=result.key_fingerprint, key=result.public_key)
        self.exportResult.setText(text)
        self.openExportButton.show()

    def _open_export(self) -> None:
        if self.last_export is not None:
            QDesktopServices.openUrl(QUrl.fromLocalFile(str(self.last_export.path)))

    def _failed(self, label: QLabel, exc: BaseException) -> bool:
        msg = problem_message(self.ctx, exc)
        if msg is None:
            return False
        set_error(label, msg)
        return True

    # -- import
    def _import_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("importTab")
        v = QVBoxLayout(tab)
        intro = QLabel(
            self.tr(
                "Pindahkan data dari lembar kerja Excel: anggota, saldo awal simpanan, "
                "transaksi simpanan, pinjaman, atau seluruh pembukuan dari buku kerja audit. "
                "Setiap baris diperiksa dulu dan ditampilkan; tidak ada yang disimpan sebelum "
                "Anda menekan Impor, dan semuanya disimpan dalam satu transaksi."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        row = QHBoxLayout()
        self.importButton = QPushButton(self.tr("&Impor dari Excel..."))
        self.importButton.setObjectName("importButton")
        row.addWidget(self.importButton)
        row.addStretch(1)
        v.addLayout(row)
        self.importResult = QLabel()
        self.importResult.setObjectName("importResultLabel")
        self.importResult.setWordWrap(True)
        v.addWidget(self.importResult)
        v.addStretch(1)
        self.importButton.clicked.connect(lambda: self.open_import_wizard())
        return tab

    def open_import_wizard(self, kind: str | None = None) -> ImportWizard:
        wiz = ImportWizard(self.ctx, self.files, self)
        if kind is not None:
            wiz.source.set_kind(kind)
        wiz.imported.connect(self._imported)
        self.import_wizard = wiz
        wiz.open()
        return wiz

    def _imported(self, rep: ImportReport) -> None:
        self.importResult.setText(rep.summary(self.ctx.lang))

    # -- consolidation
    def _consolidation_tab(self) -> QWidget:
        tab = QWidget()
        tab.setObjectName("consolidationTab")
        v = QVBoxLayout(tab)
        intro = QLabel(
            self.tr(
                "Untuk evaluator program: gabungkan buku kerja audit banyak koperasi menjadi "
                "satu laporan (jangkauan menurut jenis kelamin dan kategori kerentanan, "
                "simpanan, portofolio pinjaman dan PAR). Setiap buku kerja diperiksa "
                "(tanda tangan dengan kunci terdaftar, bukan duplikat, kode SHA-256, jurnal "
                "seimbang, buku pembantu sama dengan akun induk); koperasi yang gagal "
                "dicantumkan beserta alasannya dan tidak dijumlahkan."
            )
        )
        intro.setWordWrap(True)
        v.addWidget(intro)
        keys_row = QHBoxLayout()
        keys_label = QLabel(self.tr("Daftar &kunci publik:"))
        self.keysEdit = QLineEdit()
        self.keysEdit.setObjectName("keysEdit")
        self.keysEdit.setPlaceholderText(
            self.tr("berkas teks: tiap baris nomor badan hukum lalu kunci publik koperasi")
        )
        keys_label.setBuddy(self.keysEdit)
        self.keysButton = QPushButton(self.tr("&Pilih..."))
        self.keysButton.setObjectName("keysButton")
        keys_row.addWidget(keys_label)
        keys_row.addWidget(self.keysEdit, 1)
        keys_row.addWidget(self.keysButton)
        v.addLayout(keys_row)
        self.allowUnsignedCheck = QCheckBox(
            self.tr("Hitung juga buku kerja tanpa tanda tangan (dengan peringatan)")
        )
        self.allowUnsignedCheck.setObjectName("allowUnsignedCheck")
        v.addWidget(self.allowUnsignedCheck)
        row = QHBoxLayout()
        self.consolidationList = QListWidget()
        self.consolidationList.setObjectName("consolidationList")
        self.consolidationList.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        row.addWidget(self.consolidationList, 1)
        buttons = QVBoxLayout()
        self.addWorkbooksButton = QPushButton(self.tr("&Tambah berkas..."))
        self.addWorkbooksButton.setObjectName("addWorkbooksButton")
        self.removeWorkbooksButton = QPushButton(self.tr("&Hapus dari daftar"))
        self.removeWorkbooksButton.setObjectName("removeWorkbooksButton")
        self.consolidateButton = QPushButton(self.tr("&Gabungkan dan simpan laporan..."))
        self.consolidateButton.setObjectName("consolidateButton")
        self.consolidateButton.setEnabled(False)
        for b in (self.addWorkbooksButton, self.removeWorkbooksButton, self.consolidateButton):
            buttons.addWidget(b)
        buttons.addStretch(1)
        row.addLayout(buttons)
        v.addLayout(row, 1)
        self.consolidationSummary = QLabel()
        self.consolidationSummary.setObjectName("consolidationSummary")
        self.consolidationSummary.setWordWrap(True)
        self.consolidationSummary.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        v.addWidget(self.consolidationSummary)
        self.consolidationError = error_label("consolidationError")
        v.addWidget(self.consolidationError)
        self.checksModel = RowsModel(
            [
                (self.tr("Koperasi"), lambda c: c.label, "text"),
                (self.tr("Berkas"), lambda c: Path(c.path).name, "text"),
                (self.tr("Periode"), lambda c: _period_text(c.period_from, c.period_to), "text"),
                (
                    self.tr("Pemeriksaan"),
                    lambda c: self.tr("lolos") if c.ok else self.tr("GAGAL"),
                    "text",
                ),
                (self.tr("Alasan"), lambda c: "; ".join(c.problems(self.ctx.lang)), "text"),
            ],
            self,
        )
        self.checksTable = setup_table(DataTable(), "consolidationTable", stretch_column=4)
        self.checksTable.setModel(self.checksModel)
        self.checksTable.setWordWrap(True)
        v.addWidget(self.checksTable, 2)
        self.consolidationDetail = QLabel()
        self.consolidationDetail.setObjectName("consolidationDetail")
        self.consolidationDetail.setWordWrap(True)
        self.consolidationDetail.setTextInteractionFlags(
            Qt.TextInteractionFlag.TextSelectableByMouse
        )
        v.addWidget(self.consolidationDetail)
        self.checksTable.selectionModel().currentRowChanged.connect(
            lambda *_: self._show_cooperative()
        )
        self.checksModel.modelReset.connect(self._show_cooperative)
        self.addWorkbooksButton.clicked.connect(lambda: self.add_workbooks())
        self.keysButton.clicked.connect(self._choose_keys)
        self.removeWorkbooksButton.clicked.connect(self.remove_selected_workbooks)
        self.consolidateButton.clicked.connect(lambda: self.consolidate())
        return tab

    def _choose_keys(self) -> None:
        path = self.files.open_path(
            self, self.tr("Pilih daftar kunci publik"), self.tr("Teks (*.txt);;Semua (*)")
        )
        if path:
            self.keysEdit.setText(str(path))

    def workbooks(self) -> list[str]:
        return [
            self.consolidationList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.consolidationList.count())
        ]

    def add_workbooks(self, paths: list[str] | None = None) -> None:
        if paths is None:
            paths = self.files.open_paths(
                self, self.tr("Pilih buku kerja audit"), self.tr("Excel (*.xlsx)")
            )
        have = set(self.workbooks())
        for p in paths:
            p = str(p)
            if p in have:
                continue
            have.add(p)
            item = QListWidgetItem(p)
            item.setData(Qt.ItemDataRole.UserRole, p)
            item.setToolTip(p)
            self.consolidationList.addItem(item)
        self.consolidateButton.setEnabled(bool(have))

    def remove_selected_workbooks(self) -> None:
        for item in self.consolidationList.selectedItems():
            self.consolidationList.takeItem(self.consolidationList.row(item))
        self.consolidateButton.setEnabled(self.consolidationList.count() > 0)

    def consolidate(self, output: str | None = None) -> None:
        paths = self.workbooks()
        set_error(self.consolidationError, None)
        if not paths:
            set_error(self.consolidationError, self.tr("Tambahkan dulu buku kerja audit."))
            return
        if not self.keysEdit.text().strip():
            set_error(
                self.consolidationError,
                self.tr("Pilih dulu daftar kunci publik koperasi yang terdaftar di program."),
            )
            return
        try:
            keys = read_register(self.keysEdit.text().strip())
        except KoperasiError as exc:
            self._failed(self.consolidationError, exc)
            return
        if output is None:
            output = self.files.save_path(
                self,
                self.tr("Simpan laporan program"),
                "laporan-program.xlsx",
                self.tr("Excel (*.xlsx);;PDF (*.pdf)"),
            )
            if not output:
                return
        target = with_suffix(output, (".xlsx", ".pdf"))
        lang = self.ctx.lang
        self.consolidationSummary.setText("")
        allow = self.allowUnsignedCheck.isChecked()
        self.ctx.read(
            cancellable_progress(
                lambda progress: consolidate(
                    list(paths), target, lang, progress, keys=keys, allow_unsigned=allow
                )
            ),
            progress=self.tr("Memeriksa dan menggabungkan buku kerja..."),
            on_done=self._consolidated,
            on_error=lambda exc: self._failed(self.consolidationError, exc),
            parent=self,
        )

    def _show_cooperative(self) -> None:
        coop = self.checksModel.row(self.checksTable.currentIndex())
        if coop is None or coop.ok:
            self.consolidationDetail.setText("")
            return
        self.consolidationDetail.setText(
            self.tr("{name} gagal pemeriksaan:").format(name=_coop_name(coop))
            + "\n"
            + "\n".join(f"- {p}" for p in coop.problems(self.ctx.lang))
        )

    def _consolidated(self, result: ConsolidationResult | None) -> None:
        if result is None:
            self.consolidationSummary.setText(
                self.tr("Konsolidasi dibatalkan; laporan tidak dibuat.")
            )
            return
        self.last_consolidation = result
        self.checksModel.set_rows(list(result.cooperatives))
        text = self.tr(
            "Laporan tersimpan di {path}\n{passed} dari {n} koperasi lolos pemeriksaan."
        ).format(path=str(result.path), passed=len(result.passed), n=len(result.cooperatives))
        if result.failed:
            text += "\n" + self.tr("Gagal pemeriksaan (tidak dijumlahkan): {names}").format(
                names=", ".join(_coop_name(c) for c in result.failed)
            )
        for note in result.notes(self.ctx.lang):
            text += "\n" + self.tr("Peringatan: {note}").format(note=note)
        self.consolidationSummary.setText(text)


def _coop_name(coop: Any) -> str:
    """The cooperative's name and its file (two files may hold the same name)."""
    file = Path(coop.path).name
    return coop.label if coop.label == file else f"{coop.label} ({file})"


def _period_text(date_from: str, date_to: str) -> str:
    def fmt(text: str) -> str:
        try:
            return dt.date.fromisoformat(text).strftime("%d/%m/%Y")
        except ValueError:
            return text

    if not date_from and not date_to:
        return QCoreApplication.translate("ExchangePage", "seluruh pembukuan")
    return f"{fmt(date_from) or '...'} - {fmt(date_to) or '...'}"


__all__ = ["ExchangePage"]

"""Impor/Ekspor: the audit workbook, the import wizard, consolidation for evaluators.

Every file operation runs in the worker (``ctx.read`` / ``ctx.write``) with a cancellable
progress dialog; the services (``koperasi.exchange``) do all the reading, checking and
writing. File names are asked through :class:`FileDialogs`, which tests replace (the page's
and the wizard's ``files`` attribute) so that no native dialog opens.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from pathlib import Path
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt, QUrl, Signal
from PySide6.QtGui import QColor, QDesktopServices
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPushButton,
    QRadioButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...errors import KoperasiError
from ...exchange import (
    ConsolidationResult,
    ExportResult,
    ImportReport,
    consolidate,
    export_auditor,
    run_import,
    write_error_report,
    write_template,
)
from ...exchange.preview import ImportPreview, PreviewRow, preview_rows
from ...services.progress import Cancelled
from ...signing import read_register
from ..context import GROUPS, LEDGER, LOANS, MEMBERS, SAVINGS, SETTINGS, AppContext
from ..widgets import ERROR_STYLE, setup_date_edit, to_date
from .base import DataTable, Index, Page, RowsModel, setup_table

IMPORT_CHANGES = frozenset({MEMBERS, GROUPS, SAVINGS, LEDGER, LOANS, SETTINGS})


def _tr(text: str) -> str:
    return QCoreApplication.translate("ExchangePage", text)


class FileDialogs:
    """The file questions the page asks. Tests assign their own functions to these
    attributes (``page.files.save_path = lambda *a: str(path)``); an empty answer means
    the user cancelled."""

    def save_path(self, parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
        path, _f = QFileDialog.getSaveFileName(parent, title, suggested, filters)
        return path

    def open_path(self, parent: QWidget | None, title: str, filters: str) -> str:
        path, _f = QFileDialog.getOpenFileName(parent, title, "", filters)
        return path

    def open_paths(self, parent: QWidget | None, title: str, filters: str) -> list[str]:
        paths, _f = QFileDialog.getOpenFileNames(parent, title, "", filters)
        return list(paths)


def _with_suffix(path: str, allowed: tuple[str, ...]) -> str:
    """Add the first allowed suffix when the user typed a name without one."""
    if Path(path).suffix.lower() in allowed:
        return path
    return path + allowed[0]


def _cancellable(fn: Callable[[Any], Any]) -> Callable[[Any], Any]:
    """For read work (no ``on_cancel`` there): a cancel becomes the result ``None``."""

    def run(progress):
        try:
            return fn(progress)
        except Cancelled:
            return None

    return run


def _problem(ctx: AppContext, exc: BaseException) -> str | None:
    """A message for a user-caused failure (bad input, a file that cannot be written);
    None for a real bug (the crash dialog shows those)."""
    if isinstance(exc, KoperasiError):
        return ctx.error_message(exc)
    if isinstance(exc, OSError):
        return _tr("Berkas tidak dapat dibaca atau disimpan: {detail}").format(
            detail=exc.strerror or str(exc)
        )
    return None


def _error_label(name: str) -> QLabel:
    label = QLabel()
    label.setObjectName(name)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
    label.hide()
    return label


def _set_error(label: QLabel, text: str | None) -> None:
    label.setText(text or "")
    label.setVisible(bool(text))


def kind_labels() -> list[tuple[str, str, str]]:
    """(service kind, label, what the file holds)."""
    return [
        (
            "members",
            _tr("Anggota"),
            _tr(
                "Data anggota: nama, NIK, jenis kelamin, tanggal masuk, alamat, kelompok. "
                "Nomor anggota boleh kosong (diberi otomatis)."
            ),
        ),
        (
            "opening-balances",
            _tr("Saldo awal simpanan"),
            _tr(
                "Saldo simpanan pokok, wajib dan sukarela tiap anggota pada tanggal mulai "
                "memakai aplikasi."
            ),
        ),
        (
            "savings-transactions",
            _tr("Transaksi simpanan"),
            _tr("Setoran dan penarikan simpanan anggota, satu baris per transaksi."),
        ),
        (
            "loans",
            _tr("Pinjaman"),
            _tr(
                "Pinjaman anggota yang masih berjalan pada tanggal mulai memakai aplikasi, satu "
                "baris per pinjaman: plafon, jangka waktu, tanggal pencairan, Pokok Sudah "
                "Dibayar (bukan sisa pokok), jaminan dan nomor anggota penjamin. Dicatat "
                "sebagai saldo awal, tidak melalui kas; jaminan masuk daftar jaminan."
            ),
        ),
        (
            "audit-workbook",
            _tr("Buku kerja audit (seluruh pembukuan)"),
            _tr(
                "Memulihkan seluruh pembukuan dari buku kerja audit lengkap. Hanya ke basis "
                "data yang masih kosong; tanpa templat."
            ),
        ),
    ]


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
        self.exportError = _error_label("exportError")
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
        _set_error(self.exportError, None)
        date_from, date_to = self.export_period()
        if date_from and date_to and date_to < date_from:
            _set_error(self.exportError, self.tr("Tanggal akhir tidak boleh sebelum tanggal awal."))
            return
        if path is None:
            suggested = f"buku-kerja-audit-{ctx.today().isoformat()}.xlsx"
            path = self.files.save_path(
                self, self.tr("Simpan buku kerja audit"), suggested, self.tr("Excel (*.xlsx)")
            )
            if not path:
                return
        target = _with_suffix(path, (".xlsx",))
        db, actor = ctx.db, ctx.actor
        self.exportResult.setText("")
        self.openExportButton.hide()
        ctx.read(
            _cancellable(
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
        msg = _problem(self.ctx, exc)
        if msg is None:
            return False
        _set_error(label, msg)
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
        self.consolidationError = _error_label("consolidationError")
        v.addWidget(self.consolidationError)
        self.checksModel = RowsModel(
            [
                (self.tr("Koperasi"), lambda c: c.label, "text"),
                (self.tr("Berkas"), lambda c: Path(c.path).name, "text"),
                (self.tr("Periode"), lambda c: _period_text(c.period_from, c.period_to), "text"),
                (self.tr("Pemeriksaan"), lambda c: _tr("lolos") if c.ok else _tr("GAGAL"), "text"),
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
        _set_error(self.consolidationError, None)
        if not paths:
            _set_error(self.consolidationError, self.tr("Tambahkan dulu buku kerja audit."))
            return
        if not self.keysEdit.text().strip():
            _set_error(
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
        target = _with_suffix(output, (".xlsx", ".pdf"))
        lang = self.ctx.lang
        self.consolidationSummary.setText("")
        allow = self.allowUnsignedCheck.isChecked()
        self.ctx.read(
            _cancellable(
                lambda progress: consolidate(
                    paths, target, lang, progress, keys=keys, allow_unsigned=allow
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
        return _tr("seluruh pembukuan")
    return f"{fmt(date_from) or '...'} - {fmt(date_to) or '...'}"


# ---------------------------------------------------------------- the import wizard


class PreviewModel(RowsModel):
    """File rows with their errors: row number, errors, then the file's own columns."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__([], parent)
        self.all_rows: list[PreviewRow] = []
        self.only_errors = False

    def set_preview(self, preview: ImportPreview | None) -> None:
        headers = preview.headers if preview is not None else ()
        self.beginResetModel()
        self.columns = [
            (_tr("Baris"), lambda r: str(r.row) if r.row else None, "text"),
            (_tr("Kesalahan"), lambda r: r.errors, "text"),
            *[
                (h or f"({i + 1})", lambda r, i=i: r.values[i] if i < len(r.values) else "", "text")
                for i, h in enumerate(headers)
            ],
        ]
        self.all_rows = list(preview.rows) if preview is not None else []
        self.rows = self._visible()
        self.endResetModel()

    def set_only_errors(self, on: bool) -> None:
        self.beginResetModel()
        self.only_errors = on
        self.rows = self._visible()
        self.endResetModel()

    def _visible(self) -> list[PreviewRow]:
        return [r for r in self.all_rows if r.errors] if self.only_errors else list(self.all_rows)

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role == Qt.ItemDataRole.ForegroundRole:
            row = self.row(index)
            if row is not None and row.errors and index.column() == 1:
                return QColor("#b00020")
            return None
        if role == Qt.ItemDataRole.BackgroundRole:
            row = self.row(index)
            if row is not None and row.errors:
                return QColor("#fdecea")
            return None
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 1:
            row = self.row(index)
            return row.errors or None if row is not None else None
        return super().data(index, role)


class ImportWizard(QWizard):
    """Kind and file → check (dry run) and preview → import in one transaction → counts."""

    imported = Signal(object)  # ImportReport once the import ran

    def __init__(self, ctx: AppContext, files: FileDialogs, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.files = files
        self.setObjectName("importWizard")
        self.setWindowTitle(self.tr("Impor dari Excel"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setOption(QWizard.WizardOption.NoBackButtonOnLastPage, True)
        self.setOption(QWizard.WizardOption.NoCancelButtonOnLastPage, True)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Selesai"))
        self.setButtonText(QWizard.WizardButton.CommitButton, self.tr("&Impor"))
        self.resize(900, 620)
        self.source = _SourcePage(self)
        self.check = _CheckPage(self)
        self.result_page = _ResultPage(self)
        self.addPage(self.source)
        self.addPage(self.check)
        self.addPage(self.result_page)
        self.report: ImportReport | None = None

    def kind(self) -> str:
        return self.source.kind()

    def path(self) -> str:
        return self.source.fileEdit.text().strip()

    def save_error_report(self, rep: ImportReport, label: QLabel, path: str | None = None) -> None:
        """Write the rows with errors (and an error column) to a workbook."""
        ctx = self.ctx
        if path is None:
            path = self.files.save_path(
                self,
                self.tr("Simpan laporan kesalahan"),
                f"{Path(rep.path).stem}-kesalahan.xlsx",
                self.tr("Excel (*.xlsx)"),
            )
            if not path:
                return
        target = _with_suffix(path, (".xlsx",))
        lang = ctx.lang

        def done(saved: Path) -> None:
            label.setStyleSheet("")
            label.setText(self.tr("Laporan kesalahan tersimpan di {path}").format(path=str(saved)))
            label.show()

        def failed(exc: BaseException) -> bool:
            msg = _problem(ctx, exc)
            if msg is None:
                return False
            label.setStyleSheet(ERROR_STYLE)
            label.setText(msg)
            label.show()
            return True

        ctx.read(
            lambda: write_error_report(rep, target, lang),
            on_done=done,
            on_error=failed,
            parent=self,
        )


class _SourcePage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("importSourcePage")
        self.setTitle(self.tr("Jenis data dan berkas"))
        self.setSubTitle(
            self.tr(
                "Pilih jenis data, isi templat bila perlu, lalu pilih berkas Excel (.xlsx) "
                "yang akan diimpor."
            )
        )
        v = QVBoxLayout(self)
        form = QFormLayout()
        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("importKindCombo")
        self._hints: dict[str, str] = {}
        for key, label, hint in kind_labels():
            self.kindCombo.addItem(label, key)
            self._hints[key] = hint
        form.addRow(self.tr("&Jenis data:"), self.kindCombo)
        v.addLayout(form)
        self.kindHint = QLabel()
        self.kindHint.setObjectName("importKindHint")
        self.kindHint.setWordWrap(True)
        v.addWidget(self.kindHint)
        row = QHBoxLayout()
        self.templateButton = QPushButton(self.tr("Simpan &templat..."))
        self.templateButton.setObjectName("templateButton")
        row.addWidget(self.templateButton)
        row.addStretch(1)
        v.addLayout(row)
        self.templateLabel = QLabel()
        self.templateLabel.setObjectName("templateLabel")
        self.templateLabel.setWordWrap(True)
        self.templateLabel.hide()
        v.addWidget(self.templateLabel)
        v.addSpacing(12)
        row = QHBoxLayout()
        label = QLabel(self.tr("&Berkas:"))
        self.fileEdit = QLineEdit()
        self.fileEdit.setObjectName("importFileEdit")
        self.fileEdit.setPlaceholderText(self.tr("berkas .xlsx"))
        label.setBuddy(self.fileEdit)
        self.browseButton = QPushButton(self.tr("&Pilih..."))
        self.browseButton.setObjectName("importBrowseButton")
        row.addWidget(label)
        row.addWidget(self.fileEdit, 1)
        row.addWidget(self.browseButton)
        v.addLayout(row)
        v.addStretch(1)
        self.kindCombo.currentIndexChanged.connect(lambda _i: self._kind_changed())
        self.templateButton.clicked.connect(lambda: self.save_template())
        self.browseButton.clicked.connect(self.browse)
        self.fileEdit.textChanged.connect(lambda _t: self.completeChanged.emit())
        self._kind_changed()

    def kind(self) -> str:
        return str(self.kindCombo.currentData())

    def set_kind(self, kind: str) -> None:
        i = self.kindCombo.findData(kind)
        if i >= 0:
            self.kindCombo.setCurrentIndex(i)

    def _kind_changed(self) -> None:
        kind = self.kind()
        self.kindHint.setText(self._hints.get(kind, ""))
        self.templateButton.setEnabled(kind != "audit-workbook")
        self.templateLabel.hide()

    def browse(self) -> None:
        path = self.wiz.files.open_path(
            self, self.tr("Pilih berkas untuk diimpor"), self.tr("Excel (*.xlsx);;Semua berkas (*)")
        )
        if path:
            self.fileEdit.setText(path)

    def save_template(self, path: str | None = None) -> None:
        ctx = self.wiz.ctx
        kind = self.kind()
        if path is None:
            path = self.wiz.files.save_path(
                self,
                self.tr("Simpan templat impor"),
                f"templat-{kind}.xlsx",
                self.tr("Excel (*.xlsx)"),
            )
            if not path:
                return
        target = _with_suffix(path, (".xlsx",))
        lang = ctx.lang

        def done(saved: Path) -> None:
            self.templateLabel.setStyleSheet("")
            self.templateLabel.setText(
                self.tr(
                    "Templat tersimpan di {path}. Isi lembar pertama (lihat lembar Petunjuk), "
                    "simpan, lalu pilih berkas itu di bawah."
                ).format(path=str(saved))
            )
            self.templateLabel.show()

        def failed(exc: BaseException) -> bool:
            msg = _problem(ctx, exc)
            if msg is None:
                return False
            self.templateLabel.setStyleSheet(ERROR_STYLE)
            self.templateLabel.setText(msg)
            self.templateLabel.show()
            return True

        ctx.read(
            lambda: write_template(kind, target, lang), on_done=done, on_error=failed, parent=self
        )

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.fileEdit.text().strip())


class _CheckPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("importCheckPage")
        self.setTitle(self.tr("Pemeriksaan dan pratinjau"))
        self.setSubTitle(
            self.tr(
                "Setiap baris sudah diperiksa dan dicoba tanpa disimpan. Baris yang salah "
                "ditandai merah beserta kolom dan masalahnya."
            )
        )
        self.setCommitPage(True)
        self.preview: ImportPreview | None = None
        self.import_task: Any = None
        self.running = False
        self._validating = False
        self._generation = 0
        v = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("checkSummary")
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        self.fileError = _error_label("checkFileError")
        v.addWidget(self.fileError)
        # an audit workbook without the cooperative's signature is refused unless the user
        # allows it here (as --allow-unsigned does; shown only when it matters)
        self.allowUnsignedCheck = QCheckBox(
            self.tr("Izinkan buku kerja &tanpa tanda tangan (keasliannya tidak terjamin)")
        )
        self.allowUnsignedCheck.setObjectName("allowUnsignedCheck")
        self.allowUnsignedCheck.hide()
        v.addWidget(self.allowUnsignedCheck)
        bar = QHBoxLayout()
        self.onlyErrorsCheck = QCheckBox(self.tr("Hanya baris yang &salah"))
        self.onlyErrorsCheck.setObjectName("onlyErrorsCheck")
        bar.addWidget(self.onlyErrorsCheck)
        bar.addStretch(1)
        self.recheckButton = QPushButton(self.tr("&Periksa ulang"))
        self.recheckButton.setObjectName("recheckButton")
        bar.addWidget(self.recheckButton)
        self.saveReportButton = QPushButton(self.tr("Simpan &laporan kesalahan..."))
        self.saveReportButton.setObjectName("saveErrorReportButton")
        bar.addWidget(self.saveReportButton)
        v.addLayout(bar)
        self.model = PreviewModel(self)
        self.table = setup_table(DataTable(), "previewTable")
        self.table.setModel(self.model)
        v.addWidget(self.table, 1)
        self.rowDetail = QLabel()
        self.rowDetail.setObjectName("previewRowDetail")
        self.rowDetail.setWordWrap(True)
        self.rowDetail.setStyleSheet(ERROR_STYLE)
        self.rowDetail.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.rowDetail)
        self.reportLabel = QLabel()
        self.reportLabel.setObjectName("errorReportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.hide()
        v.addWidget(self.reportLabel)
        box = QGroupBox(self.tr("Bila ada baris yang salah"))
        box.setObjectName("importModeBox")
        bl = QVBoxLayout(box)
        self.allOrNothingRadio = QRadioButton(
            self.tr("&Semua atau tidak sama sekali: perbaiki berkas dulu, tidak ada yang disimpan")
        )
        self.allOrNothingRadio.setObjectName("allOrNothingRadio")
        self.validOnlyRadio = QRadioButton(
            self.tr("&Hanya baris yang valid: simpan baris yang benar, lewati yang salah")
        )
        self.validOnlyRadio.setObjectName("validOnlyRadio")
        self.allOrNothingRadio.setChecked(True)
        self.modeGroup = QButtonGroup(self)
        self.modeGroup.addButton(self.allOrNothingRadio)
        self.modeGroup.addButton(self.validOnlyRadio)
        bl.addWidget(self.allOrNothingRadio)
        bl.addWidget(self.validOnlyRadio)
        v.addWidget(box)
        self.modeBox = box
        self.importError = _error_label("importError")
        v.addWidget(self.importError)
        self.onlyErrorsCheck.toggled.connect(self.model.set_only_errors)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self._show_row())
        self.model.modelReset.connect(self._show_row)
        self.recheckButton.clicked.connect(self.validate)
        self.allowUnsignedCheck.toggled.connect(lambda _on: self.validate())
        self.saveReportButton.clicked.connect(lambda: self.save_error_report())
        self.validOnlyRadio.toggled.connect(lambda _on: self.completeChanged.emit())

    def _show_row(self) -> None:
        row = self.model.row(self.table.currentIndex())
        self.rowDetail.setText(
            self.tr("Baris {n}: {errors}").format(n=row.row, errors=row.errors)
            if row is not None and row.errors
            else ""
        )

    # -- checking (a dry run in the write worker: validated and applied, then rolled back)
    def initializePage(self) -> None:  # noqa: N802
        self.validate()

    def cleanupPage(self) -> None:  # noqa: N802
        self._generation += 1  # a check still running belongs to the file left behind
        self.preview = None
        self.model.set_preview(None)

    def validate(self) -> None:
        ctx = self.wiz.ctx
        kind, path = self.wiz.kind(), self.wiz.path()
        db, actor, lang = ctx.db, ctx.actor, ctx.lang
        allow = self.allow_unsigned()
        self._generation += 1
        generation = self._generation
        self.preview = None
        self.model.set_preview(None)
        self.summary.setText(self.tr("Memeriksa {name}...").format(name=Path(path).name))
        _set_error(self.fileError, None)
        _set_error(self.importError, None)
        self.reportLabel.hide()
        self.saveReportButton.setEnabled(False)
        self.completeChanged.emit()

        def check(progress):
            rep = run_import(
                db, actor, kind, path, progress=progress, dry_run=True, allow_unsigned=allow
            )
            return preview_rows(rep, lang)

        def done(preview: ImportPreview) -> None:
            if generation == self._generation:
                self._checked(preview)

        def cancelled() -> None:
            if generation == self._generation:
                self.summary.setText(
                    self.tr("Pemeriksaan dibatalkan. Tekan Periksa ulang untuk memeriksa lagi.")
                )

        def failed(exc: BaseException) -> bool:
            if generation != self._generation:
                return _problem(ctx, exc) is not None
            return self._check_failed(exc)

        ctx.write(
            check,
            progress=self.tr("Memeriksa berkas {name}...").format(name=Path(path).name),
            on_done=done,
            on_cancel=cancelled,
            on_error=failed,
            parent=self.wiz,
        )

    def _check_failed(self, exc: BaseException) -> bool:
        msg = _problem(self.wiz.ctx, exc)
        if msg is None:
            return False
        self.summary.setText(self.tr("Berkas tidak dapat diperiksa."))
        _set_error(self.fileError, msg)
        return True

    def allow_unsigned(self) -> bool:
        return self.wiz.kind() == "audit-workbook" and self.allowUnsignedCheck.isChecked()

    def _checked(self, preview: ImportPreview) -> None:
        self.preview = preview
        rep = preview.report
        lang = self.wiz.ctx.lang
        audit = rep.kind == "audit-workbook"
        unsigned = any(e.code == "workbook_unsigned" for e in rep.file_errors)
        self.allowUnsignedCheck.setVisible(
            audit and (unsigned or self.allowUnsignedCheck.isChecked())
        )
        self.validOnlyRadio.setEnabled(not audit)
        if audit:
            self.allOrNothingRadio.setChecked(True)
        if rep.file_errors:
            self.summary.setText(
                self.tr("Berkas ini tidak dapat diimpor; tidak ada yang akan disimpan.")
            )
            _set_error(self.fileError, "\n".join(e.message(lang) for e in rep.file_errors))
            self.model.set_preview(None)
            self.modeBox.setEnabled(False)
            self.saveReportButton.setEnabled(True)
        else:
            n_err = len(rep.error_rows)
            text = self.tr("Lembar {sheet}: {total} baris, {valid} benar, {bad} salah.").format(
                sheet=rep.sheet or Path(rep.path).name,
                total=_n(rep.total_rows),
                valid=_n(rep.valid_rows),
                bad=_n(n_err),
            )
            if preview.truncated:
                text += " " + self.tr(
                    "Pratinjau menampilkan {errors} baris salah dan {valid} baris benar pertama."
                ).format(errors=_n(preview.shown_errors), valid=_n(preview.shown_valid))
            if n_err:
                text += "\n" + self.tr(
                    "Perbaiki berkas lalu periksa ulang, atau pilih 'Hanya baris yang valid'."
                )
            else:
                text += "\n" + self.tr("Semua baris benar. Tekan Impor untuk menyimpan.")
            for w in rep.warnings:
                text += "\n" + w.message(lang)
            self.summary.setText(text)
            self.model.set_preview(preview)
            self.modeBox.setEnabled(n_err > 0)
            self.saveReportButton.setEnabled(n_err > 0)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        p = self.preview
        if p is None or self.running:
            return False
        rep = p.report
        if rep.file_errors or rep.total_rows == 0:
            return False
        if rep.error_rows:
            return self.validOnlyRadio.isChecked() and rep.valid_rows > 0
        return True

    def save_error_report(self, path: str | None = None) -> None:
        if self.preview is not None:
            self.wiz.save_error_report(self.preview.report, self.reportLabel, path)

    # -- importing (one unit of work in the write worker)
    def validatePage(self) -> bool:  # noqa: N802
        if self.wiz.report is not None:
            return True
        if not self.isComplete():
            return False
        self._validating = True
        try:
            self.start_import()
        finally:
            self._validating = False
        return self.wiz.report is not None  # a synchronous runner has finished already

    def start_import(self) -> None:
        ctx = self.wiz.ctx
        kind, path = self.wiz.kind(), self.wiz.path()
        valid_only = self.validOnlyRadio.isChecked()
        allow = self.allow_unsigned()
        db, actor = ctx.db, ctx.actor
        self.running = True
        self.completeChanged.emit()
        _set_error(self.importError, None)

        def work(progress):
            return run_import(db, actor, kind, path, valid_only, progress, allow_unsigned=allow)

        def done(rep: ImportReport) -> None:
            self.running = False
            self.wiz.report = rep
            self.wiz.imported.emit(rep)
            if not self._validating:
                self.wiz.next()

        def cancelled() -> None:
            self.running = False
            _set_error(self.importError, self.tr("Impor dibatalkan; tidak ada yang disimpan."))
            self.completeChanged.emit()

        def failed(exc: BaseException) -> bool:
            self.running = False
            self.completeChanged.emit()
            msg = _problem(ctx, exc)
            if msg is None:
                return False
            _set_error(self.importError, msg)
            return True

        self.import_task = ctx.write(
            work,
            changes=IMPORT_CHANGES,
            progress=self.tr("Mengimpor {name}...").format(name=Path(path).name),
            on_done=done,
            on_cancel=cancelled,
            on_error=failed,
            parent=self.wiz,
        )


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


class _ResultPage(QWizardPage):
    def __init__(self, wizard: ImportWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("importResultPage")
        self.setTitle(self.tr("Hasil impor"))
        self.setFinalPage(True)
        v = QVBoxLayout(self)
        self.headline = QLabel()
        self.headline.setObjectName("resultHeadline")
        self.headline.setWordWrap(True)
        v.addWidget(self.headline)
        form = QFormLayout()
        self.totalLabel = QLabel()
        self.totalLabel.setObjectName("resultTotal")
        self.writtenLabel = QLabel()
        self.writtenLabel.setObjectName("resultWritten")
        self.skippedLabel = QLabel()
        self.skippedLabel.setObjectName("resultSkipped")
        form.addRow(self.tr("Baris dalam berkas:"), self.totalLabel)
        form.addRow(self.tr("Disimpan:"), self.writtenLabel)
        form.addRow(self.tr("Dilewati (salah):"), self.skippedLabel)
        v.addLayout(form)
        self.details = QLabel()
        self.details.setObjectName("resultDetails")
        self.details.setWordWrap(True)
        self.details.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        v.addWidget(self.details)
        row = QHBoxLayout()
        self.saveReportButton = QPushButton(self.tr("Simpan &laporan kesalahan..."))
        self.saveReportButton.setObjectName("resultErrorReportButton")
        row.addWidget(self.saveReportButton)
        row.addStretch(1)
        v.addLayout(row)
        self.reportLabel = QLabel()
        self.reportLabel.setObjectName("resultReportLabel")
        self.reportLabel.setWordWrap(True)
        self.reportLabel.hide()
        v.addWidget(self.reportLabel)
        v.addStretch(1)
        self.saveReportButton.clicked.connect(lambda: self.save_error_report())

    def initializePage(self) -> None:  # noqa: N802
        rep = self.wiz.report
        if rep is None:
            return
        lang = self.wiz.ctx.lang
        if rep.committed:
            self.headline.setText(
                self.tr("Impor selesai: {n} baris disimpan dalam satu transaksi.").format(
                    n=_n(rep.written)
                )
            )
        else:
            self.headline.setText(self.tr("Impor tidak dilakukan; tidak ada yang disimpan."))
        self.totalLabel.setText(_n(rep.total_rows))
        self.writtenLabel.setText(_n(rep.written if rep.committed else 0))
        self.skippedLabel.setText(_n(len(rep.error_rows)))
        lines = rep.error_lines(lang, limit=20)
        lines += [w.message(lang) for w in rep.warnings]
        self.details.setText("\n".join(lines))
        self.saveReportButton.setVisible(rep.has_errors)

    def save_error_report(self, path: str | None = None) -> None:
        if self.wiz.report is not None:
            self.wiz.save_error_report(self.wiz.report, self.reportLabel, path)


__all__ = ["ExchangePage", "FileDialogs", "ImportWizard", "PreviewModel"]

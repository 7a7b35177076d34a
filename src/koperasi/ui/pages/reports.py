"""Laporan: every report of the registry, built in the background, previewed in-app (QtPdf),
printed, saved as PDF or Excel; and the Tutup Buku tab (period closing).

The list comes from :func:`koperasi.reports.registry.list_reports`, so a report another
module registers appears here by itself; the form shows only the options the selected
report reads (its ``options``). The report-data object behind the preview is kept, so
"Simpan Excel..." renders the same numbers the preview shows.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from collections.abc import Callable, Iterator
from itertools import count
from pathlib import Path
from typing import Any

from PySide6.QtCore import QRect, QSize, QStandardPaths, Qt
from PySide6.QtGui import QPainter
from PySide6.QtPdf import QPdfDocument
from PySide6.QtPdfWidgets import QPdfView
from PySide6.QtPrintSupport import QPrintDialog, QPrinter
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...reports import registry
from ...reports.choices import OptionChoices, option_choices
from ...reports.common import ReportParams
from ...reports.model import ReportData
from ...services.changes import Area
from ...services.progress import ProgressCallback
from .. import dialogs
from ..context import AppContext
from ..forms.report_options_ui import Ui_ReportOptionsForm
from ..widgets import setup_date_edit, to_date, to_qdate
from .base import Page
from .closing import ClosingPanel

SPEC_ROLE = Qt.ItemDataRole.UserRole


def _ask_save_path(parent: QWidget | None, title: str, suggested: str, filters: str) -> str:
    path, _filter = QFileDialog.getSaveFileName(parent, title, suggested, filters)
    return path


def _exec_print_dialog(dialog: QPrintDialog) -> bool:
    return dialog.exec() == QDialog.DialogCode.Accepted


# Replaceable in tests (like dialogs.ask): where to save, and the print dialog's answer.
ask_save_path: Callable[[QWidget | None, str, str, str], str] = _ask_save_path
exec_print_dialog: Callable[[QPrintDialog], bool] = _exec_print_dialog


def scaled(progress: ProgressCallback, lo: int, hi: int) -> ProgressCallback:
    """A phase's progress mapped onto lo..hi of 100 (building, then rendering)."""

    def cb(done: int, total: int, message: str) -> bool | None:
        frac = done / total if total else 1
        return progress(lo + round((hi - lo) * frac), 100, message)

    return cb


def render_file(
    data: ReportData, path: Path, fmt: str, lang: str, progress: ProgressCallback | None
) -> Path:
    """Render into a temporary file beside ``path`` and move it into place when complete:
    a cancelled or failed render leaves neither a half file nor a clobbered old one."""
    tmp = path.with_name(f".{path.stem}.tmp{os.getpid()}{path.suffix}")
    try:
        registry.render(data, tmp, fmt, lang, progress)
        os.replace(tmp, path)
    finally:
        tmp.unlink(missing_ok=True)
    return path


class ReportsPage(Page):
    areas = frozenset(
        {Area.LEDGER, Area.SAVINGS, Area.MEMBERS, Area.GROUPS, Area.SETTINGS, Area.LOANS}
    )

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("reportsPage")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Laporan</h2>")))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("reportsTabs")
        layout.addWidget(self.tabs, 1)

        # -- left: the catalogue and the options
        reports_tab = QWidget()
        reports_tab.setObjectName("reportsTab")
        row = QHBoxLayout(reports_tab)
        split = QSplitter(Qt.Orientation.Horizontal)
        row.addWidget(split)
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.reportTree = QTreeWidget()
        self.reportTree.setObjectName("reportList")
        self.reportTree.setHeaderHidden(True)
        self.reportTree.setRootIsDecorated(True)
        ll.addWidget(self.reportTree, 1)
        self.descriptionLabel = QLabel()
        self.descriptionLabel.setObjectName("reportDescription")
        self.descriptionLabel.setWordWrap(True)
        self.descriptionLabel.setStyleSheet("color: #444;")
        ll.addWidget(self.descriptionLabel)
        self.optionsWidget = QWidget()
        self.options = Ui_ReportOptionsForm()
        self.options.setupUi(self.optionsWidget)
        self.optionsWidget.setObjectName("reportOptions")
        ui = self.options
        ui.periodKindCombo.setItemData(0, "month")
        ui.periodKindCombo.setItemData(1, "year")
        ui.periodKindCombo.setItemData(2, "date")
        setup_date_edit(ui.dateEdit, ctx.today())
        ll.addWidget(self.optionsWidget)
        self.buildButton = QPushButton(self.tr("&Tampilkan laporan"))
        self.buildButton.setObjectName("buildReportButton")
        self.buildButton.setDefault(True)
        ll.addWidget(self.buildButton)
        split.addWidget(left)

        # -- right: the preview and what to do with it
        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        bar = QHBoxLayout()
        self.statusLabel = QLabel(self.tr("Pilih laporan lalu tekan Tampilkan laporan."))
        self.statusLabel.setObjectName("reportStatus")
        self.statusLabel.setWordWrap(True)
        bar.addWidget(self.statusLabel, 1)
        self.printButton = QPushButton(self.tr("&Cetak..."))
        self.printButton.setObjectName("printReportButton")
        self.savePdfButton = QPushButton(self.tr("Simpan &PDF..."))
        self.savePdfButton.setObjectName("savePdfButton")
        self.saveXlsxButton = QPushButton(self.tr("Simpan &Excel..."))
        self.saveXlsxButton.setObjectName("saveXlsxButton")
        for b in (self.printButton, self.savePdfButton, self.saveXlsxButton):
            bar.addWidget(b)
        rl.addLayout(bar)
        self.document = QPdfDocument(self)
        self.document.setObjectName("reportDocument")
        self.pdfView = QPdfView(right)
        self.pdfView.setObjectName("reportPreview")
        self.pdfView.setPageMode(QPdfView.PageMode.MultiPage)
        self.pdfView.setZoomMode(QPdfView.ZoomMode.FitToWidth)
        self.pdfView.setDocument(self.document)
        rl.addWidget(self.pdfView, 1)
        split.addWidget(right)
        split.setStretchFactor(1, 1)
        split.setSizes([330, 800])
        self.tabs.addTab(reports_tab, self.tr("Laporan"))

        self.closing = ClosingPanel(ctx)
        self.tabs.addTab(self.closing, self.tr("Tutup buku"))
        # closing the books and the SHU plan are the cooperative's, not a group's (issue 18)
        self.tabs.setTabVisible(self.tabs.indexOf(self.closing), ctx.actor.can("read.all"))

        self.choices: OptionChoices | None = None
        self.data: ReportData | None = None  # what the preview shows
        self.built_key: tuple | None = None
        self.preview_path: Path | None = None
        self._tmp = tempfile.TemporaryDirectory(
            prefix="koperasi-laporan-", ignore_cleanup_errors=True
        )
        self._serial = count(1)
        self._fill_catalogue()

        self.reportTree.currentItemChanged.connect(lambda *_: self._report_changed())
        self.reportTree.itemActivated.connect(lambda item, _c: self._activated(item))
        ui.periodKindCombo.currentIndexChanged.connect(lambda _i: self._show_options())
        self.buildButton.clicked.connect(self.build)
        self.printButton.clicked.connect(self.print_report)
        self.savePdfButton.clicked.connect(lambda: self.save("pdf"))
        self.saveXlsxButton.clicked.connect(lambda: self.save("xlsx"))
        self.tabs.currentChanged.connect(lambda _i: self._tab_changed())
        ui.dateEdit.userDateChanged.connect(self._mark_date)
        self.printButton.setEnabled(False)
        self._report_changed()

    # -- the catalogue
    def category_label(self, category: str) -> str:
        labels = {
            "keuangan": self.tr("Laporan keuangan"),
            "buku": self.tr("Pembukuan"),
            "anggota": self.tr("Anggota dan simpanan"),
            "kelompok": self.tr("Kelompok"),
            "pinjaman": self.tr("Pinjaman"),
            "shu": self.tr("SHU"),
            "rapat": self.tr("Rapat anggota (RAT)"),
            "monitoring": self.tr("Monitoring program"),
        }
        return labels.get(category, category.replace("-", " ").capitalize())

    def _fill_catalogue(self) -> None:
        lang = self.ctx.lang
        tree = self.reportTree
        tree.clear()
        heads: dict[str, QTreeWidgetItem] = {}
        first: QTreeWidgetItem | None = None
        for spec in registry.list_for(self.ctx.actor):  # a ketua: the group's reports
            head = heads.get(spec.category)
            if head is None:
                head = QTreeWidgetItem(tree, [self.category_label(spec.category)])
                head.setFlags(Qt.ItemFlag.ItemIsEnabled)
                font = head.font(0)
                font.setBold(True)
                head.setFont(0, font)
                head.setExpanded(True)
                heads[spec.category] = head
            item = QTreeWidgetItem(head, [spec.title.get(lang)])
            item.setData(0, SPEC_ROLE, spec.name)
            item.setToolTip(0, spec.description.get(lang))
            first = first or item
        if first is not None:
            tree.setCurrentItem(first)

    def _report_items(self) -> Iterator[QTreeWidgetItem]:
        """The reports' items of the tree (the children of the category heads), in order."""
        tree = self.reportTree
        for i in range(tree.topLevelItemCount()):
            head = tree.topLevelItem(i)
            if head is None:
                continue
            for j in range(head.childCount()):
                item = head.child(j)
                if item is not None:
                    yield item

    def report_names(self) -> list[str]:
        """The reports listed, in order (tests and the catalogue agree on this)."""
        return [item.data(0, SPEC_ROLE) for item in self._report_items()]

    def select_report(self, name: str) -> bool:
        for item in self._report_items():
            if item.data(0, SPEC_ROLE) == name:
                self.reportTree.setCurrentItem(item)
                return True
        return False

    def current_spec(self) -> registry.ReportSpec | None:
        item = self.reportTree.currentItem()
        name = item.data(0, SPEC_ROLE) if item is not None else None
        return registry.get_report(name) if name else None

    def _activated(self, item: QTreeWidgetItem) -> None:
        if item.data(0, SPEC_ROLE):
            self.build()

    def _report_changed(self) -> None:
        spec = self.current_spec()
        self.descriptionLabel.setText(spec.description.get(self.ctx.lang) if spec else "")
        self.buildButton.setEnabled(spec is not None)
        self.savePdfButton.setEnabled(spec is not None)
        self.saveXlsxButton.setEnabled(spec is not None)
        self._show_options()

    # -- the options form
    def _show_options(self) -> None:
        spec = self.current_spec()
        opts = set(spec.options) if spec else set()
        ui = self.options
        has_period = registry.PERIOD in opts
        kind = ui.periodKindCombo.currentData() if has_period else None
        visible = {
            ui.periodKindCombo: has_period,
            ui.monthCombo: has_period and kind == "month",
            ui.yearCombo: (registry.YEAR in opts and not has_period) or kind == "year",
            ui.dateEdit: (registry.DATE in opts and not has_period) or kind == "date",
            ui.groupCombo: registry.GROUP in opts,
            ui.memberEdit: registry.MEMBER in opts,
            ui.loanEdit: "loan" in opts,
            ui.receiptEdit: registry.RECEIPT in opts,
        }
        for widget, shown in visible.items():
            ui.optionsLayout.setRowVisible(widget, shown)
        # a report that needs one group (the meeting sheets) has no "all groups" entry
        needs_group = spec is not None and spec.category == "kelompok"
        # a ketua kelompok's reports are for one of their groups, never "all" (issue 18)
        needs_group = needs_group or not self.ctx.actor.can("read.all")
        all_index = ui.groupCombo.findData("")
        if needs_group and all_index >= 0:
            ui.groupCombo.removeItem(all_index)
        elif not needs_group and all_index < 0 and registry.GROUP in opts:
            ui.groupCombo.insertItem(0, self.tr("Semua kelompok"), "")
            ui.groupCombo.setCurrentIndex(0)

    def _fill_choices(self, choices: OptionChoices) -> None:
        self.choices = choices
        ui, lang = self.options, self.ctx.lang
        month = ui.monthCombo.currentData() or choices.default_month
        ui.monthCombo.clear()
        for key, label in choices.months:
            ui.monthCombo.addItem(label.get(lang), key)
        ui.monthCombo.setCurrentIndex(max(0, ui.monthCombo.findData(month)))
        year = ui.yearCombo.currentData() or choices.default_year
        ui.yearCombo.clear()
        for y in choices.years:
            ui.yearCombo.addItem(str(y), y)
        ui.yearCombo.setCurrentIndex(max(0, ui.yearCombo.findData(year)))
        if not self._date_touched:
            ui.dateEdit.setDate(to_qdate(choices.default_date))
        group = ui.groupCombo.currentData()
        ui.groupCombo.clear()
        for code, name in choices.groups:
            ui.groupCombo.addItem(f"{code} · {name}", code)
        if choices.default_member:
            ui.memberEdit.setPlaceholderText(
                self.tr("otomatis: {number} {name}").format(
                    number=choices.default_member, name=choices.default_member_name
                )
            )
        ui.loanEdit.setPlaceholderText(self.tr("otomatis: pinjaman pertama"))
        if choices.default_receipt:
            ui.receiptEdit.setPlaceholderText(
                self.tr("otomatis: {receipt}").format(receipt=choices.default_receipt)
            )
        self._show_options()
        if group and ui.groupCombo.findData(group) >= 0:
            ui.groupCombo.setCurrentIndex(ui.groupCombo.findData(group))

    _date_touched = False

    def params(self) -> ReportParams:
        """The options the selected report reads, as the form shows them."""
        spec = self.current_spec()
        opts = set(spec.options) if spec else set()
        ui = self.options
        values: dict[str, Any] = {}
        if registry.PERIOD in opts:
            kind = ui.periodKindCombo.currentData()
            if kind == "month" and ui.monthCombo.currentData():
                values["period"] = ui.monthCombo.currentData()
            elif kind == "year" and ui.yearCombo.currentData():
                values["year"] = int(ui.yearCombo.currentData())
            elif kind == "date":
                values["date"] = to_date(ui.dateEdit.date())
        else:
            if registry.YEAR in opts and ui.yearCombo.currentData():
                values["year"] = int(ui.yearCombo.currentData())
            if registry.DATE in opts:
                values["date"] = to_date(ui.dateEdit.date())
        if registry.GROUP in opts and ui.groupCombo.currentData():
            values["group"] = ui.groupCombo.currentData()
        for key, edit in (
            (registry.MEMBER, ui.memberEdit),
            ("loan", ui.loanEdit),
            (registry.RECEIPT, ui.receiptEdit),
        ):
            if key in opts and edit.text().strip():
                values[key] = edit.text().strip()
        return ReportParams(**values)

    def _key(self) -> tuple | None:
        spec = self.current_spec()
        return (spec.name, self.params(), self.ctx.lang) if spec else None

    # -- refresh
    def refresh(self) -> None:
        ctx = self.ctx
        ctx.read(lambda: option_choices(ctx.db, ctx.today(), ctx.actor), on_done=self._fill_choices)
        if self.tabs.currentWidget() is self.closing:
            self.closing.refresh()
        else:
            self.closing.stale = True
        # what the preview shows may be out of date now; it is rebuilt on request
        self.built_key = None

    def _mark_date(self, _d: object) -> None:
        self._date_touched = True

    def _tab_changed(self) -> None:
        if self.tabs.currentWidget() is self.closing and self.closing.stale:
            self.closing.refresh()

    def open_report(self, name: str, build: bool = True, **values: Any) -> Any:
        """Select report ``name`` with the given options (member, loan, receipt, group, date,
        year) and build it: how the other screens print a member's or a group's documents."""
        self.tabs.setCurrentIndex(0)
        if not self.select_report(name):
            return None
        ui = self.options
        for key, edit in (
            ("member", ui.memberEdit),
            ("loan", ui.loanEdit),
            ("receipt", ui.receiptEdit),
        ):
            if key in values:
                edit.setText(str(values[key] or ""))
        if values.get("group"):
            if self.choices is None:
                self._fill_choices(option_choices(self.ctx.db, self.ctx.today(), self.ctx.actor))
            i = ui.groupCombo.findData(values["group"])
            if i >= 0:
                ui.groupCombo.setCurrentIndex(i)
        if values.get("date") is not None:
            ui.dateEdit.setDate(to_qdate(values["date"]))
            self._date_touched = True
            i = ui.periodKindCombo.findData("date")
            spec = self.current_spec()
            if spec is not None and registry.PERIOD in (spec.options or ()) and i >= 0:
                ui.periodKindCombo.setCurrentIndex(i)
        if values.get("year") is not None:
            i = ui.yearCombo.findData(int(values["year"]))
            if i >= 0:
                ui.yearCombo.setCurrentIndex(i)
        return self.build() if build else None

    # -- build and preview
    def _title(self) -> str:
        spec = self.current_spec()
        return spec.title.get(self.ctx.lang) if spec else ""

    def build(self) -> Any:
        """Build the selected report in the worker and preview it; returns the task."""
        spec = self.current_spec()
        if spec is None:
            return None
        ctx, name, params, lang = self.ctx, spec.name, self.params(), self.ctx.lang
        key = (name, params, lang)
        out = Path(self._tmp.name) / f"pratinjau-{next(self._serial)}.pdf"

        def work(progress: ProgressCallback) -> tuple[ReportData, Path]:
            data = registry.build(ctx.db, name, params, scaled(progress, 0, 40), ctx.actor)
            try:
                registry.render(data, out, "pdf", lang, scaled(progress, 40, 100))
            except BaseException:
                out.unlink(missing_ok=True)
                raise
            return data, out

        self.statusLabel.setText(self.tr("Menyusun {title}...").format(title=self._title()))
        return ctx.read(
            work,
            progress=self.tr("Menyusun laporan {title}...").format(title=self._title()),
            on_done=lambda result: self._built(key, *result),
            on_error=self._failed,
            on_cancel=self._cancelled,
            parent=self,
        )

    def _built(self, key: tuple, data: ReportData, path: Path) -> None:
        old = self.preview_path
        self.document.close()
        self.document.load(str(path))
        self.data, self.built_key, self.preview_path = data, key, path
        if old is not None and old != path:
            old.unlink(missing_ok=True)
        pages = self.document.pageCount()
        self.statusLabel.setText(
            self.tr("{title}: {pages} halaman.").format(title=self._title(), pages=pages)
        )
        self.printButton.setEnabled(pages > 0)

    def _failed(self, exc: BaseException) -> bool:
        if isinstance(exc, KoperasiError):
            message = self.ctx.error_message(exc)
            self.statusLabel.setText(message)
            dialogs.warn(self, self.tr("Laporan tidak dapat dibuat"), message)
            return True
        self.statusLabel.setText(self.tr("Laporan gagal dibuat."))
        return False

    def _cancelled(self) -> None:
        self.statusLabel.setText(self.tr("Dibatalkan."))

    def page_count(self) -> int:
        return self.document.pageCount() if self.preview_path is not None else 0

    # -- save
    def _suggested(self, fmt: str) -> str:
        spec = self.current_spec()
        params = self.params()
        parts = [spec.name if spec else "laporan"]
        parts += [str(v) for k, v in params.items() if k in ("period", "year", "date", "group")]
        folder = str(
            self.ctx.settings.value("reports/folder", "")
        ) or QStandardPaths.writableLocation(QStandardPaths.StandardLocation.DocumentsLocation)
        return str(Path(folder) / ("-".join(parts) + f".{fmt}"))

    def save(self, fmt: str) -> None:
        spec = self.current_spec()
        if spec is None:
            return
        title = self.tr("Simpan PDF") if fmt == "pdf" else self.tr("Simpan Excel")
        filters = self.tr("PDF (*.pdf)") if fmt == "pdf" else self.tr("Buku kerja Excel (*.xlsx)")
        chosen = ask_save_path(self, title, self._suggested(fmt), filters)
        if not chosen:
            return
        path = Path(chosen)
        if path.suffix.lower() != f".{fmt}":
            path = path.with_name(path.name + f".{fmt}")
        self.ctx.settings.setValue("reports/folder", str(path.parent))
        ctx, name, params, lang = self.ctx, spec.name, self.params(), self.ctx.lang
        same = self.built_key == (name, params, lang) and self.data is not None
        data, preview = (self.data, self.preview_path) if same else (None, None)

        def work(progress: ProgressCallback) -> Path:
            if fmt == "pdf" and preview is not None and preview.exists():
                shutil.copyfile(preview, path)
                return path
            built = data
            if built is None:
                built = registry.build(ctx.db, name, params, scaled(progress, 0, 30), ctx.actor)
            return render_file(built, path, fmt, lang, scaled(progress, 30, 100))

        ctx.read(
            work,
            progress=self.tr("Menyimpan {title}...").format(title=self._title()),
            on_done=self._saved,
            on_error=self._failed,
            on_cancel=self._cancelled,
            parent=self,
        )

    def _saved(self, path: Path) -> None:
        self.last_saved = path
        self.statusLabel.setText(self.tr("Tersimpan: {path}").format(path=str(path)))

    last_saved: Path | None = None

    # -- print
    def print_report(self) -> None:
        pages = self.page_count()
        if pages == 0:
            dialogs.inform(
                self, self.tr("Cetak"), self.tr("Tampilkan dulu laporan yang akan dicetak.")
            )
            return
        printer = QPrinter(QPrinter.PrinterMode.HighResolution)
        printer.setDocName(self._title())
        printer.setFromTo(1, pages)
        dialog = QPrintDialog(printer, self)
        dialog.setObjectName("printDialog")
        dialog.setMinMax(1, pages)
        if not exec_print_dialog(dialog):
            return
        printed = self.print_to(printer)
        self.statusLabel.setText(
            self.tr("{pages} halaman dikirim ke pencetak.").format(pages=printed)
        )

    def print_to(self, printer: QPrinter) -> int:
        """Draw the preview's pages on ``printer`` (each page rendered by QtPdf, at most
        300 dpi, fitted to the printable area). Returns the number of pages printed."""
        doc = self.document
        pages = doc.pageCount()
        first, last = printer.fromPage(), printer.toPage()
        if first <= 0:
            first, last = 1, pages
        first, last = max(1, first), min(pages, last or pages)
        painter = QPainter()
        if not painter.begin(printer):
            dialogs.warn(self, self.tr("Cetak"), self.tr("Pencetak tidak dapat dibuka."))
            return 0
        dpi = min(printer.resolution(), 300)
        printed = 0
        try:
            for page in range(first - 1, last):
                if printed:
                    printer.newPage()
                size = doc.pagePointSize(page)
                image = doc.render(
                    page, QSize(round(size.width() * dpi / 72), round(size.height() * dpi / 72))
                )
                area = painter.viewport()
                scale = min(area.width() / image.width(), area.height() / image.height())
                w, h = round(image.width() * scale), round(image.height() * scale)
                target = QRect(area.x() + (area.width() - w) // 2, area.y(), w, h)
                painter.drawImage(target, image)
                printed += 1
        finally:
            painter.end()
        return printed

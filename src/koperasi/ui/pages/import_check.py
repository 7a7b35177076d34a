"""The import wizard's check step: problems and the preview of what an import will write."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QButtonGroup,
    QCheckBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QVBoxLayout,
    QWidget,
    QWizardPage,
)

from ...exchange import (
    ImportReport,
    run_import,
)
from ...exchange.preview import ImportPreview, PreviewRow, preview_rows
from ..widgets import ERROR_STYLE
from .base import DataTable, Index, RowsModel, setup_table
from .exchange_common import (
    error_label,
    problem_message,
    set_error,
)

if TYPE_CHECKING:
    from .import_wizard import ImportWizard


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
            (
                QCoreApplication.translate("ExchangePage", "Baris"),
                lambda r: str(r.row) if r.row else None,
                "text",
            ),
            (QCoreApplication.translate("ExchangePage", "Kesalahan"), lambda r: r.errors, "text"),
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


class CheckPage(QWizardPage):
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
        self.fileError = error_label("checkFileError")
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
        self.importError = error_label("importError")
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
        set_error(self.fileError, None)
        set_error(self.importError, None)
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
                return problem_message(ctx, exc) is not None
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
        msg = problem_message(self.wiz.ctx, exc)
        if msg is None:
            return False
        self.summary.setText(self.tr("Berkas tidak dapat diperiksa."))
        set_error(self.fileError, msg)
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
            set_error(self.fileError, "\n".join(e.message(lang) for e in rep.file_errors))
            self.model.set_preview(None)
            self.modeBox.setEnabled(False)
            self.saveReportButton.setEnabled(True)
        else:
            n_err = len(rep.error_rows)
            text = self.tr("Lembar {sheet}: {total} baris, {valid} benar, {bad} salah.").format(
                sheet=rep.sheet or Path(rep.path).name,
                total=thousands(rep.total_rows),
                valid=thousands(rep.valid_rows),
                bad=thousands(n_err),
            )
            if preview.truncated:
                text += " " + self.tr(
                    "Pratinjau menampilkan {errors} baris salah dan {valid} baris benar pertama."
                ).format(
                    errors=thousands(preview.shown_errors), valid=thousands(preview.shown_valid)
                )
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
        set_error(self.importError, None)

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
            set_error(self.importError, self.tr("Impor dibatalkan; tidak ada yang disimpan."))
            self.completeChanged.emit()

        def failed(exc: BaseException) -> bool:
            self.running = False
            self.completeChanged.emit()
            msg = problem_message(ctx, exc)
            if msg is None:
                return False
            set_error(self.importError, msg)
            return True

        self.import_task = ctx.write(
            work,
            progress=self.tr("Mengimpor {name}...").format(name=Path(path).name),
            on_done=done,
            on_cancel=cancelled,
            on_error=failed,
            parent=self.wiz,
        )


def thousands(value: int) -> str:
    return f"{value:,}".replace(",", ".")


__all__ = ["PreviewModel"]

"""The import wizard of Impor/Ekspor: the kind of data and the file, the check and preview,
the result."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QCoreApplication, Qt, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...exchange import (
    ImportReport,
    write_error_report,
    write_template,
)
from ..context import AppContext
from ..widgets import ERROR_STYLE
from .exchange_common import (
    FileDialogs,
    problem_message,
    with_suffix,
)
from .import_check import CheckPage, thousands


def kind_labels() -> list[tuple[str, str, str]]:
    """(service kind, label, what the file holds)."""
    return [
        (
            "members",
            QCoreApplication.translate("ExchangePage", "Anggota"),
            QCoreApplication.translate(
                "ExchangePage",
                "Data anggota: nama, NIK, jenis kelamin, tanggal masuk, alamat, kelompok. "
                "Nomor anggota boleh kosong (diberi otomatis).",
            ),
        ),
        (
            "opening-balances",
            QCoreApplication.translate("ExchangePage", "Saldo awal simpanan"),
            QCoreApplication.translate(
                "ExchangePage",
                "Saldo simpanan pokok, wajib dan sukarela tiap anggota pada tanggal mulai "
                "memakai aplikasi.",
            ),
        ),
        (
            "savings-transactions",
            QCoreApplication.translate("ExchangePage", "Transaksi simpanan"),
            QCoreApplication.translate(
                "ExchangePage", "Setoran dan penarikan simpanan anggota, satu baris per transaksi."
            ),
        ),
        (
            "loans",
            QCoreApplication.translate("ExchangePage", "Pinjaman"),
            QCoreApplication.translate(
                "ExchangePage",
                "Pinjaman anggota yang masih berjalan pada tanggal mulai memakai aplikasi, satu "
                "baris per pinjaman: plafon, jangka waktu, tanggal pencairan, Pokok Sudah "
                "Dibayar (bukan sisa pokok), jaminan dan nomor anggota penjamin. Dicatat "
                "sebagai saldo awal, tidak melalui kas; jaminan masuk daftar jaminan.",
            ),
        ),
        (
            "audit-workbook",
            QCoreApplication.translate("ExchangePage", "Buku kerja audit (seluruh pembukuan)"),
            QCoreApplication.translate(
                "ExchangePage",
                "Memulihkan seluruh pembukuan dari buku kerja audit lengkap. Hanya ke basis "
                "data yang masih kosong; tanpa templat.",
            ),
        ),
    ]


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
        self.check = CheckPage(self)
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
        target = with_suffix(path, (".xlsx",))
        lang = ctx.lang

        def done(saved: Path) -> None:
            label.setStyleSheet("")
            label.setText(self.tr("Laporan kesalahan tersimpan di {path}").format(path=str(saved)))
            label.show()

        def failed(exc: BaseException) -> bool:
            msg = problem_message(ctx, exc)
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
        file_label = QLabel(self.tr("&Berkas:"))
        self.fileEdit = QLineEdit()
        self.fileEdit.setObjectName("importFileEdit")
        self.fileEdit.setPlaceholderText(self.tr("berkas .xlsx"))
        file_label.setBuddy(self.fileEdit)
        self.browseButton = QPushButton(self.tr("&Pilih..."))
        self.browseButton.setObjectName("importBrowseButton")
        row.addWidget(file_label)
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
        target = with_suffix(path, (".xlsx",))
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
            msg = problem_message(ctx, exc)
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
                    n=thousands(rep.written)
                )
            )
        else:
            self.headline.setText(self.tr("Impor tidak dilakukan; tidak ada yang disimpan."))
        self.totalLabel.setText(thousands(rep.total_rows))
        self.writtenLabel.setText(thousands(rep.written if rep.committed else 0))
        self.skippedLabel.setText(thousands(len(rep.error_rows)))
        lines = rep.error_lines(lang, limit=20)
        lines += [w.message(lang) for w in rep.warnings]
        self.details.setText("\n".join(lines))
        self.saveReportButton.setVisible(rep.has_errors)

    def save_error_report(self, path: str | None = None) -> None:
        if self.wiz.report is not None:
            self.wiz.save_error_report(self.wiz.report, self.reportLabel, path)


__all__ = ["ImportWizard"]

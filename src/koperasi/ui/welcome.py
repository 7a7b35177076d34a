"""First run: the welcome screen and the wizard that creates a new cooperative."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..paths import data_dir
from ..services.settings import Profile
from .forms.welcome_ui import Ui_WelcomeDialog
from .pages.settings import ProfileEditor, SavingsRules, SavingsRulesEditor


class WelcomeDialog(QDialog):
    """Create a cooperative, open an existing database, or try the demo."""

    newRequested = Signal()
    openRequested = Signal(str)  # "" = ask for a file
    demoRequested = Signal()
    languageChanged = Signal(str)

    def __init__(self, recent: list[str], lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_WelcomeDialog()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("welcomeDialog")
        ui.titleLabel.setText(f"<h1>{ui.titleLabel.text()}</h1>")
        ui.languageCombo.setItemData(0, "id")
        ui.languageCombo.setItemData(1, "en")
        ui.languageCombo.setCurrentIndex(0 if lang == "id" else 1)
        for loc in recent:
            item = QListWidgetItem(loc)
            item.setData(Qt.ItemDataRole.UserRole, loc)
            ui.recentList.addItem(item)
        ui.recentLabel.setVisible(bool(recent))
        ui.recentList.setVisible(bool(recent))
        ui.newCoopButton.clicked.connect(self.newRequested.emit)
        ui.openDbButton.clicked.connect(lambda: self.openRequested.emit(""))
        ui.demoButton.clicked.connect(self.demoRequested.emit)
        ui.recentList.itemActivated.connect(
            lambda item: self.openRequested.emit(item.data(Qt.ItemDataRole.UserRole))
        )
        ui.languageCombo.activated.connect(
            lambda _i: self.languageChanged.emit(ui.languageCombo.currentData())
        )
        ui.newCoopButton.setDefault(True)


@dataclass(frozen=True)
class NewCooperative:
    location: str
    profile: Profile
    rules: SavingsRules


def default_location() -> Path:
    base = data_dir()
    path = base / "koperasi.db"
    n = 2
    while path.exists():
        path = base / f"koperasi-{n}.db"
        n += 1
    return path


class _ProfilePage(QWizardPage):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.setObjectName("wizardProfilePage")
        self.setTitle(self.tr("Identitas koperasi"))
        self.setSubTitle(
            self.tr("Tercetak di setiap kuitansi dan laporan. Dapat diubah kemudian di Pengaturan.")
        )
        layout = QVBoxLayout(self)
        self.editor = ProfileEditor(lang)
        layout.addWidget(self.editor)
        self.editor.ui.coopNameEdit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.editor.ui.coopNameEdit.text().strip())


class _RulesPage(QWizardPage):
    def __init__(self, lang: str) -> None:
        super().__init__()
        self.setObjectName("wizardSavingsPage")
        self.setTitle(self.tr("Simpanan anggota"))
        self.setSubTitle(self.tr("Jumlah simpanan pokok dan wajib menurut AD/ART koperasi."))
        layout = QVBoxLayout(self)
        self.editor = SavingsRulesEditor(lang)
        ui = self.editor.ui
        ui.pokokEdit.setValue(300_000)
        ui.wajibEdit.setValue(50_000)
        ui.sukarelaMinEdit.setValue(10_000)
        ui.sukarelaRateEdit.setText("3")
        layout.addWidget(self.editor)

    def validatePage(self) -> bool:  # noqa: N802
        return self.editor.rules() is not None


class _LocationPage(QWizardPage):
    def __init__(self) -> None:
        super().__init__()
        self.setObjectName("wizardLocationPage")
        self.setTitle(self.tr("Tempat menyimpan data"))
        self.setSubTitle(
            self.tr(
                "Satu berkas di komputer ini (disarankan untuk satu PC), atau alamat server "
                "PostgreSQL untuk beberapa PC (postgresql://pengguna@server/koperasi)."
            )
        )
        layout = QVBoxLayout(self)
        row = QHBoxLayout()
        self.locationEdit = QLineEdit(str(default_location()))
        self.locationEdit.setObjectName("locationEdit")
        browse = QPushButton(self.tr("Pilih..."))
        browse.setObjectName("locationBrowseButton")
        row.addWidget(self.locationEdit, 1)
        row.addWidget(browse)
        layout.addLayout(row)
        self.error = QLabel()
        self.error.setObjectName("locationError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)
        browse.clicked.connect(self.browse)
        self.locationEdit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def browse(self) -> None:
        path, _f = QFileDialog.getSaveFileName(
            self,
            self.tr("Simpan basis data sebagai"),
            self.locationEdit.text(),
            self.tr("Basis data Koperasi (*.db)"),
        )
        if path:
            self.locationEdit.setText(path)

    def isComplete(self) -> bool:  # noqa: N802
        return bool(self.locationEdit.text().strip())

    def validatePage(self) -> bool:  # noqa: N802
        text = self.locationEdit.text().strip()
        if "://" not in text:
            path = Path(text).expanduser()
            if path.exists() and path.stat().st_size > 0:
                self.error.setText(
                    self.tr(
                        "Berkas ini sudah ada. Pilih nama lain, atau buka berkas itu dari layar awal."
                    )
                )
                return False
        self.error.clear()
        return True


class NewCooperativeWizard(QWizard):
    """Profile, savings amounts, where to keep the data. Loan products come with the loans
    module (Pengaturan)."""

    def __init__(self, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("newCooperativeWizard")
        self.setWindowTitle(self.tr("Koperasi baru"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Buat koperasi"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.profilePage = _ProfilePage(lang)
        self.rulesPage = _RulesPage(lang)
        self.locationPage = _LocationPage()
        for p in (self.profilePage, self.rulesPage, self.locationPage):
            self.addPage(p)
        self.resize(620, 520)

    def result_data(self) -> NewCooperative:
        rules = self.rulesPage.editor.rules()
        assert rules is not None
        return NewCooperative(
            self.locationPage.locationEdit.text().strip(),
            self.profilePage.editor.profile(),
            rules,
        )

"""First run: the welcome screen and the wizard that creates a new cooperative."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ..paths import data_dir
from ..services.loan_products import ProductInput
from ..services.settings import Profile
from .forms.welcome_ui import Ui_WelcomeDialog
from .pages.loan_labels import METHOD_LABELS, UNIT_LABELS
from .pages.loan_products import fill_combo
from .pages.settings import ProfileEditor, SavingsRules, SavingsRulesEditor
from .widgets import MoneyEdit, parse_decimal


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
        ui.languageCombo.setCurrentIndex(max(0, ui.languageCombo.findData(lang)))
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
    loan_product: ProductInput | None = None


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
        self.fixed: str | None = None  # a database already created for this cooperative
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
            if path.exists() and path.stat().st_size > 0 and text != self.fixed:
                self.error.setText(
                    self.tr(
                        "Berkas ini sudah ada. Pilih nama lain, atau buka berkas itu dari layar awal."
                    )
                )
                return False
        self.error.clear()
        return True


class _LoanProductPage(QWizardPage):
    """The cooperative's first loan product (more can be added on the Pinjaman page)."""

    def __init__(self, lang: str) -> None:
        super().__init__()
        self.lang = lang
        self.setObjectName("wizardLoanProductPage")
        self.setTitle(self.tr("Produk pinjaman pertama"))
        self.setSubTitle(
            self.tr(
                "Ketentuan pinjaman yang paling sering dipakai. Produk lain dapat ditambah "
                "nanti di halaman Pinjaman."
            )
        )
        form = QFormLayout(self)
        self.createCheck = QCheckBox(self.tr("&Buat produk pinjaman sekarang"))
        self.createCheck.setObjectName("createLoanProductCheck")
        self.createCheck.setChecked(True)
        form.addRow(self.createCheck)
        self.nameEdit = QLineEdit(self.tr("Pinjaman Umum"))
        self.nameEdit.setObjectName("firstProductNameEdit")
        self.methodCombo = QComboBox()
        self.methodCombo.setObjectName("firstProductMethodCombo")
        fill_combo(self.methodCombo, METHOD_LABELS, lang)
        self.rateEdit = QLineEdit("1,5")
        self.rateEdit.setObjectName("firstProductRateEdit")
        self.maxAmountEdit = MoneyEdit()
        self.maxAmountEdit.setObjectName("firstProductMaxAmountEdit")
        self.maxAmountEdit.setValue(10_000_000)
        self.maxTermSpin = QSpinBox()
        self.maxTermSpin.setObjectName("firstProductMaxTermSpin")
        self.maxTermSpin.setRange(1, 520)
        self.maxTermSpin.setValue(24)
        self.unitCombo = QComboBox()
        self.unitCombo.setObjectName("firstProductUnitCombo")
        fill_combo(self.unitCombo, UNIT_LABELS, lang, ("month", "week"))
        self.error = QLabel()
        self.error.setObjectName("firstProductError")
        self.error.setStyleSheet("color: #b00020;")
        self.error.setWordWrap(True)
        form.addRow(self.tr("&Nama produk"), self.nameEdit)
        form.addRow(self.tr("&Metode bunga"), self.methodCombo)
        form.addRow(self.tr("&Bunga per bulan (%)"), self.rateEdit)
        form.addRow(self.tr("Pinjaman &maksimum (Rp)"), self.maxAmountEdit)
        form.addRow(self.tr("&Jangka maksimum (kali angsuran)"), self.maxTermSpin)
        form.addRow(self.tr("&Angsuran tiap"), self.unitCombo)
        form.addRow(self.error)
        self.createCheck.toggled.connect(self._toggle)

    def _toggle(self, on: bool) -> None:
        for w in (self.nameEdit, self.methodCombo, self.rateEdit, self.maxAmountEdit,
                  self.maxTermSpin, self.unitCombo):  # fmt: skip
            w.setEnabled(on)

    def product(self) -> ProductInput | None:
        """The validated product, or None (with the message shown) when a field is wrong."""
        from ..errors import ValidationError
        from ..services.loan_products import validate_product

        self.error.clear()
        try:
            rate = parse_decimal(self.rateEdit.text())
        except ValueError:
            rate = None
        if rate is None:
            self.error.setText(
                ValidationError("rate", "not_a_number", value=self.rateEdit.text()).message(
                    self.lang
                )
            )
            return None
        data = ProductInput(
            code="UMUM",
            name=self.nameEdit.text(),
            method=self.methodCombo.currentData(),
            rate=rate,
            rate_per="month",
            min_amount=min(500_000, self.maxAmountEdit.value() or 500_000),
            max_amount=self.maxAmountEdit.value() or 0,
            min_term=1,
            max_term=self.maxTermSpin.value(),
            unit=self.unitCombo.currentData(),
        )
        try:
            return validate_product(data)
        except ValidationError as exc:
            self.error.setText(exc.message(self.lang))
            return None

    def validatePage(self) -> bool:  # noqa: N802
        return not self.createCheck.isChecked() or self.product() is not None


class NewCooperativeWizard(QWizard):
    """Profile, savings amounts, a first loan product, where to keep the data."""

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
        self.loanPage = _LoanProductPage(lang)
        self.locationPage = _LocationPage()
        for p in (self.profilePage, self.rulesPage, self.loanPage, self.locationPage):
            self.addPage(p)
        self.resize(620, 520)

    def set_location(self, location: str) -> None:
        """For a database just created empty (``--db baru.db``): its answers go there."""
        page = self.locationPage
        page.locationEdit.setText(location)
        page.locationEdit.setReadOnly(True)
        page.fixed = location

    def result_data(self) -> NewCooperative:
        rules = self.rulesPage.editor.rules()
        assert rules is not None
        return NewCooperative(
            self.locationPage.locationEdit.text().strip(),
            self.profilePage.editor.profile(),
            rules,
            self.loanPage.product() if self.loanPage.createCheck.isChecked() else None,
        )

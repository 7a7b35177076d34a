"""Pengaturan: cooperative profile, savings rules, plausibility ceilings, language, database
location."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation

from PySide6.QtCore import Qt, QUrl, Signal
from PySide6.QtGui import QDesktopServices
from PySide6.QtWidgets import (
    QComboBox,
    QFileDialog,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QLabel,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError, ValidationError
from ...messages.text import pick
from ...paths import data_dir
from ...services import plausibility, savings_products
from ...services import savings as savings_service
from ...services import settings as settings_service
from ...services import shu as shu_service
from ...services.changes import Area
from ...services.settings import Profile
from .. import dialogs
from ..context import AppContext
from ..forms.profile_form_ui import Ui_ProfileForm
from ..forms.savings_rules_form_ui import Ui_SavingsRulesForm
from ..widgets import FieldErrors, MoneyEdit, rp
from .base import Page


class ProfileEditor(QWidget):
    """The cooperative's identity (used by the new-cooperative wizard and Pengaturan)."""

    def __init__(self, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_ProfileForm()
        self.ui.setupUi(self)
        self.setObjectName("profileEditor")
        ui = self.ui
        self.generalError = QLabel()
        ui.mainLayout.insertWidget(ui.mainLayout.count() - 1, self.generalError)
        self.errors = FieldErrors(self.generalError, lang, self)
        label = QLabel()
        row, _role = ui.identityLayout.getWidgetPosition(ui.coopNameEdit)
        ui.identityLayout.insertRow(row + 1, "", label)
        self.errors.add("name", ui.coopNameEdit, label)
        ui.logoBrowseButton.clicked.connect(self.browse_logo)
        ui.coopNameEdit.textEdited.connect(lambda _t: self.check_name())

    def check_name(self) -> bool:
        ok = bool(self.ui.coopNameEdit.text().strip())
        self.errors.set(
            "name", None if ok else ValidationError("name", "required").message(self.errors.lang)
        )
        return ok

    def browse_logo(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Pilih logo koperasi"), "", self.tr("Gambar (*.png *.jpg *.jpeg)")
        )
        if path:
            self.ui.logoPathEdit.setText(path)

    def set_profile(self, p: Profile) -> None:
        ui = self.ui
        ui.coopNameEdit.setText(p.name)
        ui.legalNumberEdit.setText(p.legal_number)
        ui.coopAddressEdit.setText(p.address)
        ui.cityEdit.setText(p.city)
        ui.coopPhoneEdit.setText(p.phone)
        ui.logoPathEdit.setText(p.logo_path)
        ui.chairEdit.setText(p.chair)
        ui.secretaryEdit.setText(p.secretary)
        ui.treasurerEdit.setText(p.treasurer)
        ui.supervisorEdit.setText(p.supervisor)

    def profile(self) -> Profile:
        ui = self.ui
        return Profile(
            name=ui.coopNameEdit.text().strip(),
            legal_number=ui.legalNumberEdit.text().strip(),
            address=ui.coopAddressEdit.text().strip(),
            city=ui.cityEdit.text().strip(),
            phone=ui.coopPhoneEdit.text().strip(),
            logo_path=ui.logoPathEdit.text().strip(),
            chair=ui.chairEdit.text().strip(),
            secretary=ui.secretaryEdit.text().strip(),
            treasurer=ui.treasurerEdit.text().strip(),
            supervisor=ui.supervisorEdit.text().strip(),
        )


class SavingsRules:
    """Plain values of the savings rules form."""

    def __init__(self, pokok: int, wajib: int, sukarela_min: int, sukarela_rate: Decimal) -> None:
        self.pokok, self.wajib = pokok, wajib
        self.sukarela_min, self.sukarela_rate = sukarela_min, sukarela_rate


class SavingsRulesEditor(QWidget):
    """Pokok, wajib per month, sukarela minimum and interest (wizard and Pengaturan)."""

    def __init__(self, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ui = Ui_SavingsRulesForm()
        self.ui.setupUi(self)
        self.setObjectName("savingsRulesEditor")
        ui = self.ui
        self.generalError = QLabel()
        ui.mainLayout.insertWidget(ui.mainLayout.count() - 1, self.generalError)
        self.errors = FieldErrors(self.generalError, lang, self)
        for key, widget in (
            ("pokok", ui.pokokEdit),
            ("wajib", ui.wajibEdit),
            ("min_balance", ui.sukarelaMinEdit),
            ("rate", ui.sukarelaRateEdit),
        ):
            label = QLabel()
            row, _role = ui.rulesLayout.getWidgetPosition(widget)
            ui.rulesLayout.insertRow(row + 1, "", label)
            self.errors.add(key, widget, label)
        for key, edit in (
            ("pokok", ui.pokokEdit),
            ("wajib", ui.wajibEdit),
            ("min_balance", ui.sukarelaMinEdit),
        ):
            edit.textChanged.connect(lambda _t, k=key, e=edit: self._check_money(k, e))
        ui.sukarelaRateEdit.textChanged.connect(lambda _t: self._rate())

    def _check_money(self, key: str, edit) -> int | None:
        if not edit.text().strip():
            self.errors.set(key, ValidationError("amount", "required").message(self.errors.lang))
            return None
        if not edit.is_valid():
            self.errors.set(
                key, self.tr("Jumlah tidak dikenali; tulis mis. 50.000 atau Rp 50.000.")
            )
            return None
        self.errors.set(key, None)
        return edit.value()

    def _rate(self) -> Decimal | None:
        text = self.ui.sukarelaRateEdit.text().strip().replace(",", ".").rstrip("%").strip() or "0"
        try:
            rate = Decimal(text)
        except InvalidOperation:
            rate = None
        if rate is None or not rate.is_finite() or rate < 0 or rate > 100:
            self.errors.set("rate", ValidationError("rate", "invalid").message(self.errors.lang))
            return None
        self.errors.set("rate", None)
        return rate

    def set_products(self, products: list[savings_service.ProductView]) -> None:
        by_kind = {p.kind: p for p in products}
        ui = self.ui
        if "pokok" in by_kind:
            ui.pokokEdit.setValue(by_kind["pokok"].fixed_amount)
        if "wajib" in by_kind:
            ui.wajibEdit.setValue(by_kind["wajib"].fixed_amount)
        if "sukarela" in by_kind:
            ui.sukarelaMinEdit.setValue(by_kind["sukarela"].min_balance)
            ui.sukarelaRateEdit.setText(str(by_kind["sukarela"].interest_rate_pa))

    def rules(self) -> SavingsRules | None:
        """The values, or None after marking the wrong fields."""
        ui = self.ui
        pokok = self._check_money("pokok", ui.pokokEdit)
        wajib = self._check_money("wajib", ui.wajibEdit)
        minimum = self._check_money("min_balance", ui.sukarelaMinEdit)
        rate = self._rate()
        if None in (pokok, wajib, minimum, rate):
            return None
        return SavingsRules(pokok, wajib, minimum, rate)  # type: ignore[arg-type]


def apply_savings_rules(db, actor, rules: SavingsRules) -> None:
    """One call per product through the savings service (each its own unit of work)."""
    products = savings_products.list_products(db)
    for p in products:
        if p.kind == "pokok":
            savings_products.update_product(db, actor, p.code, fixed_amount=rules.pokok)
        elif p.kind == "wajib":
            savings_products.update_product(db, actor, p.code, fixed_amount=rules.wajib)
        elif p.kind == "sukarela":
            savings_products.update_product(
                db,
                actor,
                p.code,
                min_balance=rules.sukarela_min,
                interest_rate_pa=rules.sukarela_rate,
            )


class PlausibilityEditor(QWidget):
    """Batas kewajaran: per kind of transaction, the ceiling derived from the books and the
    one the treasurer sets (empty: derived). An amount above it asks for a confirmation."""

    def __init__(self, lang: str = "id", parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("plausibilityEditor")
        self.lang = lang
        layout = QVBoxLayout(self)
        note = QLabel(
            self.tr(
                "Jumlah yang jauh di atas kebiasaan koperasi ditanyakan dulu sebelum dibukukan "
                "(salah ketik satu nol terlalu banyak). Batas dihitung dari pembukuan: 5 kali "
                "jumlah yang biasa (persentil ke-99 dari 2.000 transaksi terakhir jenis itu), "
                "paling sedikit batas dasar untuk koperasi baru. Isi kolom Batas sendiri untuk "
                "memakai angka lain; kosongkan untuk kembali ke hitungan otomatis."
            )
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        self.table: QWidget | None = None  # the rows, rebuilt by set_ceilings
        self.error = QLabel()
        self.error.setObjectName("plausibilityError")
        self.error.setStyleSheet("color: #b00020")
        self.error.setWordWrap(True)
        layout.addWidget(self.error)
        layout.addStretch(1)
        self.edits: dict[str, MoneyEdit] = {}

    def set_ceilings(self, ceilings: list[plausibility.Ceiling]) -> None:
        if self.table is not None:
            self.table.hide()
            self.table.deleteLater()
        self.table = QWidget()
        self.table.setObjectName("plausibilityTable")
        grid = QGridLayout(self.table)
        grid.setContentsMargins(0, 8, 0, 0)
        grid.setHorizontalSpacing(24)
        right = Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter
        for col, text in enumerate(
            (
                self.tr("Jenis transaksi"),
                self.tr("Biasanya sampai"),
                self.tr("Batas otomatis"),
                self.tr("Batas sendiri"),
            )
        ):
            head = QLabel(f"<b>{text}</b>")
            if col:
                head.setAlignment(right)
            grid.addWidget(head, 0, col)
        grid.setColumnStretch(4, 1)
        self.edits = {}
        for row, c in enumerate(ceilings, start=1):
            text = pick((c.label, c.label_en), self.lang)
            name = QLabel(text[:1].upper() + text[1:])
            typical = QLabel(rp(c.typical) if c.samples else self.tr("belum ada riwayat"))
            derived = QLabel(rp(c.derived))
            for w in (typical, derived):
                w.setAlignment(right)
            edit = MoneyEdit()
            edit.setObjectName(f"ceilingEdit_{c.kind.replace(':', '_')}")
            edit.setPlaceholderText(self.tr("otomatis"))
            edit.setValue(c.override)
            edit.setMaximumWidth(180)
            for col, cell in enumerate((name, typical, derived, edit)):
                grid.addWidget(cell, row, col)
            self.edits[c.kind] = edit
        layout = self.layout()
        assert isinstance(layout, QVBoxLayout)
        layout.insertWidget(1, self.table)

    def values(self) -> dict[str, int | None] | None:
        """{kind: amount or None}, or None after naming the first amount not understood."""
        out: dict[str, int | None] = {}
        for kind, edit in self.edits.items():
            if not edit.is_valid():
                self.error.setText(
                    self.tr("Jumlah tidak dikenali; tulis mis. 50.000.000 atau Rp 50.000.000.")
                )
                edit.setFocus()
                return None
            out[kind] = edit.value()
        self.error.setText("")
        return out


class SettingsPage(Page):
    areas = frozenset({Area.SETTINGS, Area.SAVINGS})  # the savings rules are the products'
    languageChanged = Signal(str)
    openDatabaseRequested = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("settingsPage")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Pengaturan</h2>")))
        self.tabs = QTabWidget()
        self.tabs.setObjectName("settingsTabs")
        layout.addWidget(self.tabs, 1)

        prof = QWidget()
        pl = QVBoxLayout(prof)
        self.profileEditor = ProfileEditor(ctx.lang)
        pl.addWidget(self.profileEditor, 1)
        self.saveProfileButton = QPushButton(self.tr("Simpan profil"))
        self.saveProfileButton.setObjectName("saveProfileButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.saveProfileButton)
        pl.addLayout(row)
        self.tabs.addTab(prof, self.tr("Profil koperasi"))

        sav = QWidget()
        sl = QVBoxLayout(sav)
        self.rulesEditor = SavingsRulesEditor(ctx.lang)
        sl.addWidget(self.rulesEditor, 1)
        self.saveRulesButton = QPushButton(self.tr("Simpan aturan simpanan"))
        self.saveRulesButton.setObjectName("saveSavingsRulesButton")
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.saveRulesButton)
        sl.addLayout(row)
        self.tabs.addTab(sav, self.tr("Simpanan"))

        loans = QWidget()
        lol = QVBoxLayout(loans)
        note = QLabel(
            self.tr(
                "Aturan pinjaman ada pada produk pinjaman: metode dan besar bunga, batas "
                "jumlah dan jangka waktu, biaya administrasi, denda keterlambatan, batas "
                "pinjaman terhadap simpanan, dan cara pelunasan dipercepat. Perubahan berlaku "
                "untuk pengajuan berikutnya."
            )
        )
        note.setWordWrap(True)
        lol.addWidget(note)
        self.loanProductsButton = QPushButton(self.tr("&Produk pinjaman..."))
        self.loanProductsButton.setObjectName("settingsLoanProductsButton")
        self.agreementTemplateButton = QPushButton(self.tr("&Templat surat perjanjian..."))
        self.agreementTemplateButton.setObjectName("agreementTemplateButton")
        row = QHBoxLayout()
        row.addWidget(self.loanProductsButton)
        row.addWidget(self.agreementTemplateButton)
        row.addStretch(1)
        lol.addLayout(row)
        from .lending_rules import LendingRulesEditor  # issue 17

        self.lendingRules = LendingRulesEditor(ctx)
        lol.addWidget(self.lendingRules)
        lol.addStretch(1)
        self.tabs.addTab(loans, self.tr("Pinjaman"))

        limits = QWidget()
        lil = QVBoxLayout(limits)
        self.plausibilityEditor = PlausibilityEditor(ctx.lang)
        lil.addWidget(self.plausibilityEditor, 1)
        self.saveCeilingsButton = QPushButton(self.tr("Simpan batas kewajaran"))
        self.saveCeilingsButton.setObjectName("saveCeilingsButton")
        self.saveCeilingsButton.setEnabled(ctx.actor.can("plausibility.write"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.saveCeilingsButton)
        lil.addLayout(row)
        self.tabs.addTab(limits, self.tr("Batas kewajaran"))
        # the usual amounts are the whole cooperative's figures: not for a ketua (issue 18)
        self.tabs.setTabVisible(self.tabs.indexOf(limits), ctx.actor.can("read.all"))
        shu = QWidget()
        shl = QFormLayout(shu)
        note = QLabel(
            self.tr(
                "UU 25/1992 Pasal 45: hanya SHU dari usaha dengan anggota yang dibagi kepada "
                "anggota menurut jasa anggota dan jasa modal. SHU dari usaha dengan non-anggota "
                "tidak dibagikan kepada anggota."
            )
        )
        note.setWordWrap(True)
        shl.addRow(note)
        self.nonMemberCombo = QComboBox()
        self.nonMemberCombo.setObjectName("shuNonMemberCombo")
        for key, label in (
            ("cadangan", self.tr("Cadangan umum (3.20)")),
            ("cadangan_risiko", self.tr("Cadangan risiko (3.21)")),
            ("dana_pendidikan", self.tr("Dana pendidikan (2.24)")),
            ("dana_sosial", self.tr("Dana sosial (2.20)")),
        ):
            self.nonMemberCombo.addItem(label, key)
        shl.addRow(self.tr("SHU usaha dengan &non-anggota ke"), self.nonMemberCombo)
        self.lossCombo = QComboBox()
        self.lossCombo.setObjectName("shuLossCoverageCombo")
        self.lossCombo.addItem(self.tr("Ditutup dari cadangan umum"), "cadangan")
        self.lossCombo.addItem(
            self.tr("Dibawa ke tahun berikutnya (rugi tahun lalu, 3.91)"), "carry_forward"
        )
        shl.addRow(self.tr("Usul penutupan &rugi"), self.lossCombo)
        self.shuError = QLabel()
        self.shuError.setObjectName("shuPolicyError")
        shl.addRow("", self.shuError)
        self.shuErrors = FieldErrors(self.shuError, ctx.lang, self)
        self.saveShuButton = QPushButton(self.tr("Simpan aturan SHU"))
        self.saveShuButton.setObjectName("saveShuPolicyButton")
        shl.addRow("", self.saveShuButton)
        self.tabs.addTab(shu, self.tr("SHU"))

        gen = QWidget()
        gl = QFormLayout(gen)
        self.languageCombo = QComboBox()
        self.languageCombo.setObjectName("languageCombo")
        self.languageCombo.addItem("Bahasa Indonesia", "id")
        self.languageCombo.addItem("English", "en")
        self.languageCombo.setCurrentIndex(max(0, self.languageCombo.findData(ctx.lang)))
        gl.addRow(self.tr("Bahasa / Language"), self.languageCombo)
        self.dbLabel = QLabel(ctx.db.display_name)
        self.dbLabel.setObjectName("databaseLocationLabel")
        self.dbLabel.setWordWrap(True)
        gl.addRow(self.tr("Basis data"), self.dbLabel)
        buttons = QHBoxLayout()
        self.openDbButton = QPushButton(self.tr("Buka basis data lain..."))
        self.openDbButton.setObjectName("openOtherDatabaseButton")
        self.dataFolderButton = QPushButton(self.tr("Buka folder data"))
        self.dataFolderButton.setObjectName("openDataFolderButton")
        buttons.addWidget(self.openDbButton)
        buttons.addWidget(self.dataFolderButton)
        # the data folder holds the whole book and its backups: not a group leader's to browse
        self.dataFolderButton.setVisible(ctx.actor.can("read.all"))
        buttons.addStretch(1)
        gl.addRow("", buttons)
        note = QLabel(
            self.tr(
                "Untuk beberapa komputer sekaligus, gunakan server PostgreSQL: buka aplikasi dengan "
                "--db postgresql://pengguna@server/koperasi."
            )
        )
        note.setWordWrap(True)
        gl.addRow("", note)
        self.tabs.addTab(gen, self.tr("Bahasa dan basis data"))

        self.saveProfileButton.clicked.connect(self.save_profile)
        self.saveRulesButton.clicked.connect(self.save_rules)
        self.saveCeilingsButton.clicked.connect(self.save_ceilings)
        self.saveShuButton.clicked.connect(self.save_shu_policy)
        self.loanProductsButton.clicked.connect(self.loan_products)
        self.agreementTemplateButton.clicked.connect(self.agreement_template)
        self.languageCombo.activated.connect(lambda _i: self.change_language())
        self.openDbButton.clicked.connect(self.openDatabaseRequested.emit)
        self.dataFolderButton.clicked.connect(
            lambda: QDesktopServices.openUrl(QUrl.fromLocalFile(str(data_dir())))
        )

    def refresh(self) -> None:
        self.profileEditor.set_profile(settings_service.get_profile(self.ctx.db))
        self.rulesEditor.set_products(savings_products.list_products(self.ctx.db))
        self.plausibilityEditor.set_ceilings(plausibility.ceilings(self.ctx.db))
        self.lendingRules.load()
        if not self.ctx.actor.can("plausibility.write"):  # the ceiling edits are made anew
            from ..role_guard import make_read_only

            make_read_only(self.plausibilityEditor)
        pol = shu_service.policy(self.ctx.db)
        self.nonMemberCombo.setCurrentIndex(max(0, self.nonMemberCombo.findData(pol.non_member_to)))
        self.lossCombo.setCurrentIndex(max(0, self.lossCombo.findData(pol.loss_coverage)))

    def _saved(self, text: str) -> None:
        dialogs.inform(self, self.tr("Tersimpan"), text)

    def save_shu_policy(self) -> None:
        ctx = self.ctx
        pol = shu_service.ShuPolicy(self.nonMemberCombo.currentData(), self.lossCombo.currentData())
        self.shuErrors.clear()
        ctx.write(
            lambda: shu_service.save_policy(ctx.db, ctx.actor, pol),
            on_done=lambda _p: self._saved(self.tr("Aturan SHU tersimpan.")),
            on_error=self.shuErrors.show,
            parent=self,
        )

    def save_profile(self) -> None:
        if not self.profileEditor.check_name():
            return
        ctx, profile = self.ctx, self.profileEditor.profile()
        ctx.write(
            lambda: settings_service.save_profile(ctx.db, ctx.actor, profile),
            on_done=lambda _p: self._saved(self.tr("Profil koperasi tersimpan.")),
            on_error=self.profileEditor.errors.show,
            parent=self,
        )

    def save_rules(self) -> None:
        rules = self.rulesEditor.rules()
        if rules is None:
            return
        ctx = self.ctx
        ctx.write(
            lambda: apply_savings_rules(ctx.db, ctx.actor, rules),
            on_done=lambda _r: self._saved(self.tr("Aturan simpanan tersimpan.")),
            on_error=self.rulesEditor.errors.show,
            parent=self,
        )

    def save_ceilings(self) -> None:
        values = self.plausibilityEditor.values()
        if values is None:
            return
        ctx = self.ctx

        def done(ceilings: list[plausibility.Ceiling]) -> None:
            self.plausibilityEditor.set_ceilings(ceilings)
            dialogs.inform(self, self.tr("Tersimpan"), self.tr("Batas kewajaran tersimpan."))

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, KoperasiError):
                return False
            self.plausibilityEditor.error.setText(exc.message(ctx.lang))
            return True

        ctx.write(
            lambda: plausibility.set_ceilings(ctx.db, ctx.actor, values),
            on_done=done,
            on_error=failed,
            parent=self,
        )

    def loan_products(self):
        from .loan_products import LoanProductsDialog

        dlg = LoanProductsDialog(self.ctx, self)
        dlg.open()
        return dlg

    def agreement_template(self):
        from .agreement_template import AgreementTemplateDialog

        dlg = AgreementTemplateDialog(self.ctx, self)
        dlg.open()
        return dlg

    def change_language(self) -> None:
        lang = self.languageCombo.currentData()
        if lang != self.ctx.lang:
            self.languageChanged.emit(lang)

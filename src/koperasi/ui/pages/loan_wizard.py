"""The loan application wizard: member and product, then the terms with the schedule the
member would sign for, updated as the terms change; the application is saved as "diajukan"
and approved separately."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
    QWidget,
    QWizard,
    QWizardPage,
)

from ...domain.fmt import terbilang
from ...domain.schedule import Schedule
from ...domain.vocabulary import MemberStatus
from ...errors import KoperasiError, ValidationError
from ...services import loan_products as products_service
from ...services import plausibility
from ...services.loans import applications as loan_applications
from ...services.loans.applications import ApplyInput
from ...services.loans.views import LoanDetail
from .. import dialogs
from ..context import AppContext
from ..forms.loan_terms_ui import Ui_LoanTermsForm
from ..widgets import FieldErrors, rp, setup_date_edit, to_date
from .base import RowsModel, setup_table
from .form_dialog import add_error_rows
from .loan_labels import UNIT_LABELS, label
from .loan_products import product_summary

PREVIEW_DELAY_MS = 250


class _MemberPage(QWizardPage):
    def __init__(self, wizard: LoanApplicationWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("loanMemberPage")
        self.setTitle(self.tr("Anggota dan produk"))
        self.setSubTitle(self.tr("Siapa yang meminjam, dengan produk pinjaman apa."))
        form = QFormLayout(self)
        self.memberEdit = QLineEdit()
        self.memberEdit.setObjectName("loanMemberEdit")
        self.memberEdit.setPlaceholderText(self.tr("mis. A00012"))
        self.memberInfo = QLabel()
        self.memberInfo.setObjectName("loanMemberInfo")
        self.memberInfo.setWordWrap(True)
        self.memberError = QLabel()
        self.productCombo = QComboBox()
        self.productCombo.setObjectName("loanProductCombo")
        self.productInfo = QLabel()
        self.productInfo.setObjectName("loanProductInfo")
        self.productInfo.setWordWrap(True)
        self.productError = QLabel()
        self.eligibilityLabel = QLabel()
        self.eligibilityLabel.setObjectName("loanEligibilityLabel")
        self.eligibilityLabel.setWordWrap(True)
        form.addRow(self.tr("Nomor &anggota"), self.memberEdit)
        form.addRow("", self.memberError)
        form.addRow(self.tr("Anggota"), self.memberInfo)
        form.addRow(self.tr("&Produk pinjaman"), self.productCombo)
        form.addRow("", self.productError)
        form.addRow(self.tr("Ketentuan"), self.productInfo)
        form.addRow(self.tr("Batas pinjaman"), self.eligibilityLabel)
        self.general = QLabel()
        form.addRow(self.general)
        self.errors = FieldErrors(self.general, wizard.ctx.lang, self)
        self.errors.add("member", self.memberEdit, self.memberError)
        self.errors.add("product", self.productCombo, self.productError)
        self.errors.add("group", self.memberEdit, QLabel())
        self.eligibility: loan_applications.Eligibility | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(300)
        self._timer.timeout.connect(self.lookup)
        self.memberEdit.textEdited.connect(lambda _t: self._timer.start())
        self.memberEdit.editingFinished.connect(self.lookup)
        self.productCombo.currentIndexChanged.connect(lambda _i: self.lookup())

    def lookup(self) -> None:
        self._timer.stop()
        ctx = self.wiz.ctx
        number = self.memberEdit.text().strip()
        code = self.productCombo.currentData()
        product = self.wiz.products.get(code)
        self.productInfo.setText(product_summary(product, ctx.lang) if product else "")
        self.eligibility = None
        self.memberInfo.clear()
        self.eligibilityLabel.clear()
        if not number or not code:
            self.errors.set("member", None)
            self.completeChanged.emit()
            return
        try:
            e = loan_applications.eligibility(ctx.db, number, code, self.wiz.date())
        except KoperasiError as exc:
            self.errors.set("member", exc.message(ctx.lang))
            self.completeChanged.emit()
            return
        self.errors.set("member", None)
        self.eligibility = e
        group = self.tr(" · kelompok {g}").format(g=e.group_code) if e.group_code else ""
        status = "" if e.member_status == MemberStatus.ACTIVE else f" ({e.member_status})"
        self.memberInfo.setText(f"<b>{e.member_name}</b>{status}{group}")
        limit = (
            self.tr("paling banyak {limit} (simpanan {savings})").format(
                limit=rp(e.limit), savings=rp(e.savings_total)
            )
            if e.limit is not None
            else self.tr("tanpa batas simpanan (simpanan {savings})").format(
                savings=rp(e.savings_total)
            )
        )
        if e.open_loan:
            limit += (
                "<br><span style='color:#b00020'>"
                + self.tr("Masih ada pinjaman {loan} yang belum lunas.").format(loan=e.open_loan)
                + "</span>"
            )
        self.eligibilityLabel.setText(limit)
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return self.eligibility is not None and self.productCombo.currentData() is not None

    def validatePage(self) -> bool:  # noqa: N802
        self.lookup()
        return self.isComplete()


class _TermsPage(QWizardPage):
    def __init__(self, wizard: LoanApplicationWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("loanTermsPage")
        self.setTitle(self.tr("Syarat pinjaman dan jadwal angsuran"))
        self.setSubTitle(
            self.tr("Jadwal di kanan berubah mengikuti jumlah, jangka waktu dan tanggal.")
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        self.form = QWidget()
        self.ui = Ui_LoanTermsForm()
        self.ui.setupUi(self.form)
        layout.addWidget(self.form)
        ui = self.ui
        ctx = wizard.ctx
        setup_date_edit(ui.dateEdit, ctx.today())
        setup_date_edit(ui.firstDueEdit, ctx.today() + dt.timedelta(days=30))
        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        add_error_rows(
            self.errors,
            ui.termsLayout,
            (
                ("amount", ui.amountEdit),
                ("term", ui.termSpin),
                ("date", ui.dateEdit),
                ("first_due", ui.firstDueEdit),
                ("collateral", ui.collateralEdit),
                ("purpose", ui.purposeEdit),
                ("guarantor", ui.guarantorEdit),
            ),
        )
        # issue 17: the collateral item (its value is the Agunan above) and a member who
        # guarantees the loan, registered with the application (both may stay empty)
        from PySide6.QtWidgets import QComboBox, QLineEdit

        from ...messages import label as message_label
        from ...services.loans import collateral as collateral_service

        self.collateralKindCombo = QComboBox()
        self.collateralKindCombo.setObjectName("wizardCollateralKindCombo")
        self.collateralKindCombo.addItem(self.tr("(tanpa rincian agunan)"), None)
        for code in collateral_service.KINDS:
            self.collateralKindCombo.addItem(message_label("collateral_kind", code, ctx.lang), code)
        self.collateralDescriptionEdit = QLineEdit()
        self.collateralDescriptionEdit.setObjectName("wizardCollateralDescriptionEdit")
        self.collateralDescriptionEdit.setPlaceholderText(self.tr("mis. BPKB Honda Beat 2021"))
        self.collateralDocumentEdit = QLineEdit()
        self.collateralDocumentEdit.setObjectName("wizardCollateralDocumentEdit")
        self.guarantorMemberEdit = QLineEdit()
        self.guarantorMemberEdit.setObjectName("wizardGuarantorMemberEdit")
        self.guarantorMemberEdit.setPlaceholderText(self.tr("nomor anggota (boleh kosong)"))
        for text, key, widget in (
            (self.tr("Jenis agunan"), "collateral_kind", self.collateralKindCombo),
            (self.tr("Uraian agunan"), "collateral_description", self.collateralDescriptionEdit),
            (self.tr("Nomor dokumen agunan"), "document_no", self.collateralDocumentEdit),
            (self.tr("Anggota penjamin"), "guarantor_member", self.guarantorMemberEdit),
        ):
            ui.termsLayout.addRow(text, widget)
            error = QLabel()
            ui.termsLayout.addRow("", error)
            self.errors.add(key, widget, error)
        self.limitsLabel = QLabel()
        self.limitsLabel.setObjectName("wizardLimitsLabel")
        self.limitsLabel.setWordWrap(True)
        self.limitsLabel.setStyleSheet("color: #9a5b00")
        ui.termsLayout.addRow(self.limitsLabel)
        self.previewModel = RowsModel(
            [
                (self.tr("Ke"), lambda r: r.no, "int"),
                (self.tr("Jatuh tempo"), lambda r: r.due_date, "date"),
                (self.tr("Pokok"), lambda r: r.principal, "money"),
                (self.tr("Bunga"), lambda r: r.interest, "money"),
                (self.tr("Angsuran"), lambda r: r.total, "money"),
                (self.tr("Sisa pokok"), lambda r: r.balance, "money"),
            ],
            self,
        )
        setup_table(ui.previewTable, "loanPreviewTable")
        ui.previewTable.setModel(self.previewModel)
        ui.previewTable.setMinimumWidth(460)
        self.schedule: Schedule | None = None
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(PREVIEW_DELAY_MS)
        self._timer.timeout.connect(self.update_preview)
        ui.amountEdit.valueChanged.connect(lambda _v: self._timer.start())
        ui.termSpin.valueChanged.connect(lambda _v: self._timer.start())
        ui.dateEdit.dateChanged.connect(lambda _d: self._timer.start())
        ui.firstDueEdit.dateChanged.connect(lambda _d: self._timer.start())
        ui.firstDueCheck.toggled.connect(self._first_due_toggled)
        ui.purposeEdit.textChanged.connect(lambda _t: self.completeChanged.emit())

    def _first_due_toggled(self, on: bool) -> None:
        self.ui.firstDueEdit.setEnabled(on)
        self._timer.start()

    def initializePage(self) -> None:  # noqa: N802
        p = self.wiz.product()
        ui = self.ui
        if p is None:
            return
        ui.termSpin.setRange(p.min_term, p.max_term)
        if not ui.amountEdit.text():
            ui.termSpin.setValue(min(max(10, p.min_term), p.max_term))
        unit = label(UNIT_LABELS, p.unit, self.wiz.ctx.lang)
        ui.termSpin.setSuffix(f" × {p.every} {unit}")
        ui.productInfoLabel.setText(f"<b>{p.name}</b><br>{product_summary(p, self.wiz.ctx.lang)}")
        self.update_preview()
        ui.amountEdit.setFocus()

    def apply_input(self) -> ApplyInput | None:
        ui = self.ui
        amount = ui.amountEdit.value()
        if amount is None:
            return None
        return ApplyInput(
            member_no=self.wiz.memberPage.memberEdit.text().strip(),
            product_code=self.wiz.memberPage.productCombo.currentData(),
            amount=amount,
            term=ui.termSpin.value(),
            date=to_date(ui.dateEdit.date()),
            purpose=ui.purposeEdit.text(),
            guarantor=ui.guarantorEdit.text(),
            first_due=to_date(ui.firstDueEdit.date()) if ui.firstDueCheck.isChecked() else None,
            collateral=ui.collateralEdit.value() or 0,
            collateral_items=self.collateral_items(),
            guarantors=tuple(
                [self.guarantorMemberEdit.text().strip()]
                if self.guarantorMemberEdit.text().strip()
                else []
            ),
        )

    def collateral_items(self) -> tuple:
        from ...services.loans.collateral import CollateralInput

        kind = self.collateralKindCombo.currentData()
        if kind is None:
            return ()
        return (
            CollateralInput(
                kind,
                self.collateralDescriptionEdit.text(),
                self.ui.collateralEdit.value() or 0,
                self.collateralDocumentEdit.text(),
            ),
        )

    def _limits(self, data: ApplyInput):
        """The lending limits the loan would go over (issue 17), shown under the form: a
        warning, or that both boards must approve it."""
        from ...services.loans import lending_limits

        ctx = self.wiz.ctx
        try:
            check = lending_limits.check_loan(
                ctx.db, data.member_no, data.product_code, data.amount, data.date
            )
        except KoperasiError:
            self.limitsLabel.clear()
            return None
        lines = [b.message(ctx.lang) for b in check.breaches]
        if check.needs_boards:
            lines.append(self.tr("Pinjaman ini perlu persetujuan pengurus dan pengawas."))
        self.limitsLabel.setText("<br>".join(lines))
        return check

    def update_preview(self) -> None:
        """Recompute the schedule (nothing is written); a wrong term shows next to its field."""
        self._timer.stop()
        ui, ctx = self.ui, self.wiz.ctx
        self.schedule = None
        for key in ("amount", "term", "date", "first_due"):
            self.errors.set(key, None)
        # a previous preview's refusal without a field of its own (e.g. "Pokok pinjaman
        # harus lebih dari nol.") goes too: it must not outlive a valid amount
        for key in [k for k in self.errors.errors if k not in self.errors.fields]:
            self.errors.set(key, None)
        data = self.apply_input()
        if not ui.amountEdit.is_valid():
            self.errors.set(
                "amount",
                self.tr("Jumlah tidak dikenali; tulis mis. 5.000.000 atau Rp 5.000.000."),
            )
        p = self.wiz.product()
        if data is None or p is None:
            self.previewModel.set_rows([])
            ui.totalsLabel.clear()
            self.completeChanged.emit()
            return
        if not p.min_amount <= data.amount <= p.max_amount:
            self.errors.set(
                "amount",
                ValidationError(
                    "amount",
                    "out_of_range",
                    min=rp(p.min_amount),
                    max=rp(p.max_amount),
                    value=rp(data.amount),
                ).message(ctx.lang),
            )
        e = self.wiz.memberPage.eligibility
        check = self._limits(data)
        if (
            e is not None
            and e.limit is not None
            and data.amount > e.limit
            and (check is None or check.mode == "block")
        ):
            self.errors.set(
                "amount",
                self.tr("Melebihi batas pinjaman anggota ini ({limit}).").format(limit=rp(e.limit)),
            )
        try:
            schedule = loan_applications.preview_schedule(
                ctx.db,
                data.product_code,
                data.amount,
                data.term,
                data.date,
                data.first_due,
                e.group_code if e else None,
            )
        except ValidationError as exc:
            self.errors.show(exc)
            self.previewModel.set_rows([])
            ui.totalsLabel.clear()
            self.completeChanged.emit()
            return
        self.schedule = schedule
        self.previewModel.set_rows(list(schedule.installments))
        ui.previewTable.resizeColumnsToContents()
        first = schedule.installments[0] if schedule.installments else None
        ui.totalsLabel.setText(
            self.tr(
                "Angsuran pertama <b>{first}</b> pada {date} · total bunga <b>{interest}</b> · "
                "total dibayar <b>{total}</b>"
            ).format(
                first=rp(first.total) if first else "-",
                date=first.due_date.strftime("%d/%m/%Y") if first else "-",
                interest=rp(schedule.total_interest),
                total=rp(schedule.total),
            )
        )
        self.completeChanged.emit()

    def isComplete(self) -> bool:  # noqa: N802
        return (
            self.schedule is not None
            and bool(self.ui.purposeEdit.text().strip())
            and not any(self.errors.message(k) for k in ("amount", "term", "date", "first_due"))
        )


class _ConfirmPage(QWizardPage):
    def __init__(self, wizard: LoanApplicationWizard) -> None:
        super().__init__()
        self.wiz = wizard
        self.setObjectName("loanConfirmPage")
        self.setTitle(self.tr("Periksa lalu ajukan"))
        self.setSubTitle(
            self.tr(
                "Pengajuan disimpan dengan status Diajukan. Pengurus menyetujui, lalu "
                "bendahara mencairkan."
            )
        )
        layout = QVBoxLayout(self)
        self.summary = QLabel()
        self.summary.setObjectName("loanSummaryLabel")
        self.summary.setWordWrap(True)
        self.summary.setTextFormat(Qt.TextFormat.RichText)
        layout.addWidget(self.summary)
        self.error = QLabel()
        self.error.setObjectName("loanApplyError")
        self.error.setWordWrap(True)
        self.error.setStyleSheet("color: #b00020;")
        layout.addWidget(self.error)
        layout.addStretch(1)

    def initializePage(self) -> None:  # noqa: N802
        data = self.wiz.termsPage.apply_input()
        p = self.wiz.product()
        e = self.wiz.memberPage.eligibility
        sched = self.wiz.termsPage.schedule
        if data is None or p is None or e is None or sched is None:
            return
        lang = self.wiz.ctx.lang
        self.error.clear()
        rows = [
            (self.tr("Anggota"), f"{e.member_number} · {e.member_name}"),
            (self.tr("Produk"), p.name),
            (self.tr("Jumlah"), f"<b>{rp(data.amount)}</b> ({terbilang(data.amount, lang)})"),
            (
                self.tr("Jangka waktu"),
                f"{data.term} × {p.every} {label(UNIT_LABELS, p.unit, lang)}",
            ),
            (self.tr("Angsuran"), rp(sched.installments[0].total)),
            (self.tr("Total bunga"), rp(sched.total_interest)),
            (self.tr("Tujuan"), data.purpose),
            (self.tr("Penjamin"), data.guarantor or "-"),
            (self.tr("Agunan"), rp(data.collateral) if data.collateral else "-"),
            *(
                (self.tr("Rincian agunan"), f"{c.description} {c.document_no}".strip())
                for c in data.collateral_items
            ),
            *((self.tr("Anggota penjamin"), g) for g in data.guarantors),
            (self.tr("Tanggal pengajuan"), data.date.strftime("%d/%m/%Y")),
        ]
        self.summary.setText(
            "<table cellspacing='5'>"
            + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in rows)
            + "</table>"
        )


class LoanApplicationWizard(QWizard):
    """Ajukan pinjaman. ``applied`` carries the new loan's detail."""

    applied = Signal(object)

    def __init__(
        self, ctx: AppContext, member_number: str | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("loanApplicationWizard")
        self.setWindowTitle(self.tr("Pengajuan pinjaman"))
        self.setWizardStyle(QWizard.WizardStyle.ClassicStyle)
        self.setButtonText(QWizard.WizardButton.NextButton, self.tr("&Lanjut >"))
        self.setButtonText(QWizard.WizardButton.BackButton, self.tr("< &Kembali"))
        self.setButtonText(QWizard.WizardButton.FinishButton, self.tr("&Ajukan"))
        self.setButtonText(QWizard.WizardButton.CancelButton, self.tr("Batal"))
        self.products = {
            p.code: p for p in products_service.list_products(ctx.db, include_inactive=False)
        }
        self.memberPage = _MemberPage(self)
        self.termsPage = _TermsPage(self)
        self.confirmPage = _ConfirmPage(self)
        for page in (self.memberPage, self.termsPage, self.confirmPage):
            self.addPage(page)
        for p in self.products.values():
            self.memberPage.productCombo.addItem(f"{p.code} · {p.name}", p.code)
        self.resize(960, 620)
        self.result_detail: LoanDetail | None = None
        self.saving = False
        if member_number:
            self.memberPage.memberEdit.setText(member_number)
        self.memberPage.lookup()

    def product(self) -> products_service.ProductView | None:
        return self.products.get(self.memberPage.productCombo.currentData())

    def date(self) -> dt.date:
        return to_date(self.termsPage.ui.dateEdit.date())

    def accept(self, confirm_large: bool = False) -> None:
        """Finish: save the application; on a refusal, go back to the field it names. A
        principal far above the usual is posted only after the user confirms it."""
        if self.saving:
            return
        data = self.termsPage.apply_input()
        if data is None:
            return
        ctx = self.ctx
        self.saving = True
        ctx.write(
            lambda: loan_applications.apply(ctx.db, ctx.actor, data, confirm_large=confirm_large),
            on_done=self._applied,
            on_error=self._failed,
            parent=self,
        )

    def _applied(self, detail: LoanDetail) -> None:
        self.saving = False
        self.result_detail = detail
        self.applied.emit(detail)
        super().accept()

    def _failed(self, exc: BaseException) -> bool:
        self.saving = False
        if not isinstance(exc, KoperasiError):
            return False
        if exc.code in plausibility.CODES and dialogs.confirm_large_amount(
            self, exc.message(self.ctx.lang)
        ):
            self.accept(confirm_large=True)
            return True
        field = getattr(exc, "field", None)
        if field in ("member", "product", "group"):
            while self.currentPage() is not self.memberPage:
                self.back()
            return self.memberPage.errors.show(exc)
        if field in self.termsPage.errors.fields:
            while self.currentPage() is not self.termsPage:
                self.back()
            return self.termsPage.errors.show(exc)
        self.confirmPage.error.setText(exc.message(self.ctx.lang))
        return True

    def reject(self) -> None:
        if (
            self.currentPage() is not self.memberPage
            and self.termsPage.ui.amountEdit.text()
            and not dialogs.ask_discard(self)
        ):
            return
        super().reject()

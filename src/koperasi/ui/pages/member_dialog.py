"""Tambah / Ubah Anggota: the member form."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import (
    Qt,
    Signal,
)
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidgetItem,
    QWidget,
)

from ...domain.vocabulary import MemberStatus
from ...errors import ValidationError
from ...messages.text import pick
from ...services import groups as groups_service
from ...services import members as members_service
from ...services.members import MemberDetail, MemberInput
from ...services.validation import check_nik, check_phone, check_required
from .. import dialogs
from ..context import AppContext
from ..forms.member_form_ui import Ui_MemberForm
from ..widgets import (
    DateOutOfRange,
    FieldErrors,
    check_field,
    parse_date,
    setup_date_edit,
    to_date,
)
from .base import fmt_date
from .form_dialog import FormDialog

NAME_MAX = 120  # as the member service accepts


class MemberDialog(FormDialog):
    """New member or profile change. Validates as you type; a failed save keeps the form."""

    saved = Signal(object)

    def __init__(
        self, ctx: AppContext, detail: MemberDetail | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(ctx, parent)
        self.detail = detail
        self.ui = Ui_MemberForm()
        self.ui.setupUi(self)
        self.setObjectName("memberDialog")
        ui = self.ui
        self.setWindowTitle(
            self.tr("Anggota baru") if detail is None else self.tr("Ubah data anggota")
        )
        ui.numberLabel.setText(
            self.tr("Nomor anggota diberikan otomatis saat disimpan.")
            if detail is None
            else self.tr("Nomor anggota: <b>{number}</b>").format(number=detail.number)
        )
        ui.genderCombo.addItem(self.tr("Perempuan"), "P")
        ui.genderCombo.addItem(self.tr("Laki-laki"), "L")
        setup_date_edit(ui.joinDateEdit, ctx.today())
        ui.joinDateEdit.setMaximumDate(ui.joinDateEdit.date().addYears(0))
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        save.setObjectName("saveButton")
        cancel = ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel)
        cancel.setText(self.tr("Batal"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)

        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        for key, widget, form in (
            ("name", ui.nameEdit, ui.identityLayout),
            ("nik", ui.nikEdit, ui.identityLayout),
            ("gender", ui.genderCombo, ui.identityLayout),
            ("birth_date", ui.birthDateEdit, ui.identityLayout),
            ("phone", ui.phoneEdit, ui.identityLayout),
            ("join_date", ui.joinDateEdit, ui.membershipLayout),
            ("group", ui.groupCombo, ui.membershipLayout),
            ("category", ui.categoriesList, None),
        ):
            label = QLabel()
            if form is not None:
                row, _role = form.getWidgetPosition(widget)
                form.insertRow(row + 1, "", label)
            else:
                ui.categoriesLayout.addWidget(label)
            self.errors.add(key, widget, label)
        self.errors.add("member", ui.numberLabel, QLabel())

        # consent to messages (Pesan page): recorded with the member, changed only when chosen
        self.consentCombo = QComboBox()
        self.consentCombo.setObjectName("memberConsentCombo")
        for text, value in (
            (self.tr("Belum dicatat"), None),
            (self.tr("Setuju dikirimi pesan"), "yes"),
            (self.tr("Tidak setuju"), "no"),
            (self.tr("Berhenti berlangganan"), "out"),
        ):
            self.consentCombo.addItem(text, value)
        consent_label = QLabel(self.tr("Pe&san WA/SMS"))
        consent_label.setBuddy(self.consentCombo)
        row, _role = ui.identityLayout.getWidgetPosition(ui.phoneEdit)
        ui.identityLayout.insertRow(row + 1, consent_label, self.consentCombo)
        self.consentCombo.setEnabled(ctx.actor.can("message.consent.write"))
        self.consent_loaded: str | None = None

        self._load_choices()
        if detail is not None:
            self._fill(detail)
            self._load_consent(detail.number)
        self.dirty.watch(
            ui.nameEdit,
            ui.nikEdit,
            ui.genderCombo,
            ui.birthPlaceEdit,
            ui.birthDateEdit,
            ui.occupationEdit,
            ui.phoneEdit,
            ui.addressEdit,
            ui.kelurahanEdit,
            ui.kecamatanEdit,
            ui.joinDateEdit,
            ui.groupCombo,
            ui.heirNameEdit,
            ui.heirRelationEdit,
            self.consentCombo,
        )
        ui.categoriesList.itemChanged.connect(self.dirty.mark)
        # validate as you type
        # a longer name is refused with a message, never cut silently (the form's 120)
        ui.nameEdit.setMaxLength(32767)
        ui.nameEdit.textChanged.connect(lambda _t: self._check("name"))
        ui.nikEdit.textEdited.connect(lambda _t: self._check("nik"))
        ui.phoneEdit.textEdited.connect(lambda _t: self._check("phone"))
        ui.birthDateEdit.textEdited.connect(lambda _t: self._check("birth_date"))
        ui.joinDateEdit.userDateChanged.connect(lambda _d: self._check("join_date"))

    def _load_consent(self, number: str) -> None:
        from ...services import member_messages

        c = member_messages.get_consent(self.ctx.db, number, self.ctx.actor)
        value = "out" if c.opted_out else "yes" if c.consent else "no" if c.updated_by else None
        self.consent_loaded = value
        self.consentCombo.setCurrentIndex(max(0, self.consentCombo.findData(value)))

    def _save_consent(self, number: str, choice: str | None) -> None:
        """After the member is saved: the consent chosen, when it changed."""
        from ...services import member_messages

        if choice == self.consent_loaded or choice is None:
            return
        kw = {
            "yes": {"consent": True, "opted_out": False},
            "no": {"consent": False, "opted_out": False},
            "out": {"opted_out": True},
        }[choice]
        member_messages.set_consent(self.ctx.db, self.ctx.actor, number, on=self.ctx.today(), **kw)

    def _load_choices(self) -> None:
        ui = self.ui
        ui.groupCombo.addItem(self.tr("(tanpa kelompok)"), None)
        for g in groups_service.list_groups(self.ctx.db, actor=self.ctx.actor):
            ui.groupCombo.addItem(f"{g.code} · {g.name}", g.code)
        for c in members_service.list_categories(self.ctx.db):
            item = QListWidgetItem(pick((c.name_id, c.name_en), self.ctx.lang))
            item.setData(Qt.ItemDataRole.UserRole, c.code)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            ui.categoriesList.addItem(item)

    def _fill(self, d: MemberDetail) -> None:
        ui = self.ui
        ui.nameEdit.setText(d.name)
        ui.nikEdit.setText(d.nik)
        ui.genderCombo.setCurrentIndex(max(0, ui.genderCombo.findData(d.gender)))
        ui.birthPlaceEdit.setText(d.birth_place)
        ui.birthDateEdit.setText(fmt_date(d.birth_date))
        ui.occupationEdit.setText(d.occupation)
        ui.phoneEdit.setText(d.phone)
        ui.addressEdit.setText(d.address)
        ui.kelurahanEdit.setText(d.kelurahan)
        ui.kecamatanEdit.setText(d.kecamatan)
        setup_date_edit(ui.joinDateEdit, d.join_date)
        ui.groupCombo.setCurrentIndex(max(0, ui.groupCombo.findData(d.group_code)))
        ui.heirNameEdit.setText(d.heir_name)
        ui.heirRelationEdit.setText(d.heir_relation)
        for i in range(ui.categoriesList.count()):
            item = ui.categoriesList.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in d.categories
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)

    # -- validation
    def _birth_date(self) -> dt.date | None:
        try:
            return parse_date(self.ui.birthDateEdit.text())
        except DateOutOfRange as exc:
            raise exc.error("birth_date") from None
        except ValueError:
            raise ValidationError("birth_date", "invalid") from None

    def _check(self, key: str) -> str | None:
        ui, lang = self.ui, self.ctx.lang
        today = self.ctx.today()
        if key == "name":
            msg = check_field(lambda: check_required(ui.nameEdit.text(), "name"), lang)
            length = len(" ".join(ui.nameEdit.text().split()))
            if msg is None and length > NAME_MAX:
                msg = self.tr("Nama terlalu panjang: {n} huruf, paling banyak {max}.").format(
                    n=length, max=NAME_MAX
                )
        elif key == "nik":
            msg = check_field(lambda: check_nik(ui.nikEdit.text()), lang)
        elif key == "phone":
            msg = check_field(lambda: check_phone(ui.phoneEdit.text()), lang)
        elif key == "birth_date":

            def birth() -> None:
                d = self._birth_date()
                if d is not None and d > today:
                    raise ValidationError("birth_date", "date_in_future")

            msg = check_field(birth, lang)
        elif key == "join_date":

            def join() -> None:
                if to_date(ui.joinDateEdit.date()) > today:
                    raise ValidationError("join_date", "date_in_future")

            msg = check_field(join, lang)
        else:
            msg = None
        self.errors.set(key, msg)
        return msg

    def member_input(self) -> MemberInput:
        ui = self.ui
        cats = tuple(
            ui.categoriesList.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(ui.categoriesList.count())
            if ui.categoriesList.item(i).checkState() == Qt.CheckState.Checked
        )
        try:
            birth = parse_date(ui.birthDateEdit.text())
        except ValueError:
            birth = None
        return MemberInput(
            name=ui.nameEdit.text(),
            nik=ui.nikEdit.text(),
            gender=ui.genderCombo.currentData() or "",
            join_date=to_date(ui.joinDateEdit.date()),
            birth_date=birth,
            birth_place=ui.birthPlaceEdit.text().strip(),
            address=ui.addressEdit.text().strip(),
            kelurahan=ui.kelurahanEdit.text().strip(),
            kecamatan=ui.kecamatanEdit.text().strip(),
            phone=ui.phoneEdit.text(),
            occupation=ui.occupationEdit.text().strip(),
            heir_name=ui.heirNameEdit.text().strip(),
            heir_relation=ui.heirRelationEdit.text().strip(),
            group_code=ui.groupCombo.currentData(),
            categories=cats,
            status=self.detail.status if self.detail else MemberStatus.ACTIVE,
            number=self.detail.number if self.detail else None,
        )

    def save(self) -> None:
        if self.saving:
            return
        self.errors.clear()
        problems = [
            k for k in ("name", "nik", "phone", "birth_date", "join_date") if self._check(k)
        ]
        data = self.member_input()
        for exc in members_service.validation_errors(data):
            if exc.field not in problems:
                self.errors.show(exc)
                problems.append(exc.field)
        if problems:
            first = self.errors.fields.get(problems[0], (None, None))[0]
            if first is not None:
                first.setFocus()
            return
        ctx = self.ctx
        if self.detail is None:
            save = lambda: members_service.register_member(ctx.db, ctx.actor, data)  # noqa: E731
        else:
            number = self.detail.number
            save = lambda: members_service.update_member(ctx.db, ctx.actor, number, data)  # noqa: E731
        choice = self.consentCombo.currentData()

        def fn():
            saved = save()
            self._save_consent(saved.number, choice)
            return saved

        self.post(fn, self._member_saved)

    def _member_saved(self, detail: MemberDetail) -> None:
        self.detail_saved = detail
        self.saved.emit(detail)
        self.accept()

    def closeEvent(self, event) -> None:  # noqa: N802
        if self.dirty.dirty and self.result() != QDialog.DialogCode.Accepted:
            if not dialogs.ask_discard(self):
                event.ignore()
                return
            self.dirty.dirty = False
        super().closeEvent(event)

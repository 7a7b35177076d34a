"""The lending limits (BMPP, related parties, what a breach does) and the four-eyes switches: the
settings editor, the related-party mark of a member, and a reversal that may need a second user's
approval (issue 17)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...messages import label as message_label
from ...messages.text import pick
from ...services import approvals as approvals_service
from ...services import lending_rules as lending_rules_service
from ...services.loans import lending_limits
from .. import dialogs
from ..context import AppContext
from ..widgets import MoneyEdit
from .form_dialog import FormDialog, setup_buttons


class LendingRulesEditor(QWidget):
    """The lending limits (BMPP, related parties, what a breach does) and the four-eyes
    switches, on the settings page's Pinjaman tab (saved by an administrator)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        from PySide6.QtWidgets import QCheckBox, QGroupBox

        from ..widgets import FieldErrors

        self.ctx = ctx
        self.setObjectName("lendingRulesEditor")
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        box = QGroupBox(self.tr("Batas pinjaman (Permenkop 8/2023) dan persetujuan empat mata"))
        form = QFormLayout(box)
        self.bmppEdit = QLineEdit()
        self.bmppEdit.setObjectName("bmppEdit")
        self.bmppEdit.setPlaceholderText(self.tr("kosong: tanpa BMPP"))
        self.relatedEdit = QLineEdit()
        self.relatedEdit.setObjectName("relatedPercentEdit")
        self.modeCombo = QComboBox()
        self.modeCombo.setObjectName("breachModeCombo")
        for code in lending_rules_service.BREACH_MODES:
            self.modeCombo.addItem(message_label("breach_mode", code, ctx.lang), code)
        self.loanAboveEdit = MoneyEdit()
        self.loanAboveEdit.setObjectName("fourEyesLoanAboveEdit")
        self.loanAboveEdit.setPlaceholderText(self.tr("kosong: tidak perlu"))
        self.writeOffCheck = QCheckBox(self.tr("Hapus buku perlu persetujuan pengguna kedua"))
        self.writeOffCheck.setObjectName("fourEyesWriteOffCheck")
        self.reversalCheck = QCheckBox(self.tr("Pembalikan perlu persetujuan pengguna kedua"))
        self.reversalCheck.setObjectName("fourEyesReversalCheck")
        self.general = QLabel()
        self.errors = FieldErrors(self.general, ctx.lang, self)
        for text, key, widget in (
            (self.tr("BMPP per peminjam (% modal sendiri)"), "bmpp_percent", self.bmppEdit),
            (self.tr("Batas pihak terkait (% modal sendiri)"), "related_percent", self.relatedEdit),
            (self.tr("Bila batas terlampaui"), "breach_mode", self.modeCombo),
            (
                self.tr("Pinjaman di atas jumlah ini disetujui pengguna kedua"),
                "four_eyes_loan_above",
                self.loanAboveEdit,
            ),
        ):
            form.addRow(text, widget)
            error = QLabel()
            form.addRow("", error)
            self.errors.add(key, widget, error)
        form.addRow("", self.writeOffCheck)
        form.addRow("", self.reversalCheck)
        form.addRow("", self.general)
        self.saveButton = QPushButton(self.tr("Simpan batas pinjaman"))
        self.saveButton.setObjectName("saveLendingRulesButton")
        self.saveButton.setEnabled(ctx.actor.can("settings.write"))
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.saveButton)
        form.addRow(row)
        outer.addWidget(box)
        self.saveButton.clicked.connect(self.save)

    def load(self) -> None:
        from ..widgets import format_decimal

        r = lending_rules_service.get_rules(self.ctx.db)
        self.bmppEdit.setText(format_decimal(r.bmpp_percent) if r.bmpp_percent else "")
        self.relatedEdit.setText(format_decimal(r.related_percent))
        self.modeCombo.setCurrentIndex(max(0, self.modeCombo.findData(r.breach_mode)))
        self.loanAboveEdit.setValue(r.four_eyes_loan_above)
        self.writeOffCheck.setChecked(r.four_eyes_write_off)
        self.reversalCheck.setChecked(r.four_eyes_reversal)

    def rules(self) -> lending_rules_service.LendingRules | None:
        from ..widgets import parse_decimal

        self.errors.clear()
        values = {}
        for key, edit in (("bmpp_percent", self.bmppEdit), ("related_percent", self.relatedEdit)):
            try:
                values[key] = parse_decimal(edit.text())
            except ValueError:
                from ...errors import ValidationError

                self.errors.set(
                    key,
                    ValidationError(key, "not_a_number", value=edit.text()).message(self.ctx.lang),
                )
        if self.errors.has_errors():
            return None
        related = values["related_percent"]
        if related is None:  # left empty: the default (10 %), as the service reads it
            related = lending_rules_service.LendingRules().related_percent
        return lending_rules_service.LendingRules(
            values["bmpp_percent"],
            related,
            self.modeCombo.currentData(),
            self.loanAboveEdit.value(),
            self.writeOffCheck.isChecked(),
            self.reversalCheck.isChecked(),
        )

    def save(self) -> None:
        rules = self.rules()
        if rules is None:
            return
        ctx = self.ctx

        ctx.write(
            lambda: lending_rules_service.save_rules(ctx.db, ctx.actor, rules),
            on_done=lambda _r: self._saved(),
            on_error=self.errors.show,
            parent=self,
        )

    def _saved(self) -> None:
        dialogs.inform(self, self.tr("Tersimpan"), self.tr("Batas pinjaman tersimpan."))


def reverse_or_request(ctx: AppContext, kind: str, ref, date, reason: str, direct, tx=None):
    """``direct()`` (the reversal), or with four-eyes on reversals the request a second user
    approves in Pinjaman > Menunggu persetujuan (issue 17). ``tx``: the loan payment of a
    ``loan_reversal`` request."""
    if approvals_service.needs_approval(ctx.db, kind):
        return approvals_service.request(ctx.db, ctx.actor, kind, ref, date, reason, tx=tx)
    return direct()


class RelatedPartyDialog(FormDialog):
    """Mark a member as a related party (board, supervisors, staff or their family; the
    officer from the RAT register when known), or clear the mark."""

    saved = Signal(object)

    def __init__(self, ctx: AppContext, member_no: str, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        from ...services.rat import records as rat_records
        from ..widgets import FieldErrors

        self.member_no = member_no
        self.setObjectName("relatedPartyDialog")
        self.setWindowTitle(self.tr("Pihak terkait"))
        self.setMinimumWidth(460)
        lang = ctx.lang
        layout = QVBoxLayout(self)
        current = lending_limits.relation_of(ctx.db, member_no)
        form = QFormLayout()
        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("relatedKindCombo")
        self.kindCombo.addItem(self.tr("bukan pihak terkait"), None)
        for code in lending_limits.RELATED_KINDS:
            self.kindCombo.addItem(pick(lending_limits.RELATED_LABELS[code], lang), code)
        self.officerCombo = QComboBox()
        self.officerCombo.setObjectName("relatedOfficerCombo")
        self.officerCombo.addItem("-", None)
        for o in rat_records.list_officers(ctx.db, actor=ctx.actor):
            self.officerCombo.addItem(f"{o.name} ({o.position})", o.id)
        self.noteEdit = QLineEdit()
        self.noteEdit.setObjectName("relatedNoteEdit")
        self.noteEdit.setPlaceholderText(self.tr("mis. istri bendahara"))
        self.general = QLabel()
        self.errors = FieldErrors(self.general, lang, self)
        for text, key, widget in (
            (self.tr("&Hubungan"), "related_kind", self.kindCombo),
            (self.tr("&Pengurus/pengawas terkait"), "officer", self.officerCombo),
            (self.tr("&Catatan"), "note", self.noteEdit),
        ):
            label = QLabel(text)
            label.setBuddy(widget)
            form.addRow(label, widget)
            error = QLabel()
            form.addRow("", error)
            self.errors.add(key, widget, error)
        layout.addLayout(form)
        layout.addWidget(self.general)
        if current is not None:
            self.kindCombo.setCurrentIndex(max(0, self.kindCombo.findData(current.kind)))
            self.noteEdit.setText(current.note)
            for i in range(self.officerCombo.count()):
                if current.officer and self.officerCombo.itemText(i) == current.officer:
                    self.officerCombo.setCurrentIndex(i)
        cancel = QCoreApplication.translate("dialogs", "Batal")
        layout.addWidget(
            setup_buttons(
                None, self.tr("Simpan"), "saveRelatedButton", cancel, self.save, self.reject
            )
        )

    def save(self) -> None:
        ctx, number = self.ctx, self.member_no
        kind, officer, note = (
            self.kindCombo.currentData(),
            self.officerCombo.currentData(),
            self.noteEdit.text(),
        )
        self.errors.clear()

        def done(view: object) -> None:
            self.saved.emit(view)
            self.accept()

        ctx.write(
            lambda: lending_limits.set_relation(ctx.db, ctx.actor, number, kind, officer, note),
            on_done=done,
            on_error=self.errors.show,
            parent=self,
        )

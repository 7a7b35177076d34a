"""The officers of the cooperative (pengurus, pengawas) in the RAT register: the Pengaturan tab and
its dialog."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...services.rat import records
from .. import dialogs
from ..context import AppContext
from ..widgets import setup_date_edit, to_date
from .base import DataTable, RowsModel, setup_table


class OfficerDialog(QDialog):
    """Add a member of the board, the supervisors or the staff with their term."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("officerDialog")
        self.setWindowTitle(self.tr("Pengurus, pengawas atau karyawan"))
        form = QFormLayout(self)
        self.bodyCombo = QComboBox()
        self.bodyCombo.setObjectName("officerBodyCombo")
        for key, label in (
            ("pengurus", self.tr("Pengurus")),
            ("pengawas", self.tr("Pengawas")),
            ("karyawan", self.tr("Karyawan")),
        ):
            self.bodyCombo.addItem(label, key)
        self.positionEdit = QLineEdit()
        self.positionEdit.setObjectName("officerPositionEdit")
        self.nameEdit = QLineEdit()
        self.nameEdit.setObjectName("officerNameEdit")
        self.startEdit = setup_date_edit(QDateEdit(), dt.date.today())
        self.startEdit.setObjectName("officerStartEdit")
        self.endCheck = QCheckBox(self.tr("Masa jabatan berakhir"))
        self.endCheck.setObjectName("officerEndCheck")
        self.endEdit = setup_date_edit(QDateEdit(), dt.date.today())
        self.endEdit.setObjectName("officerEndEdit")
        self.endEdit.setEnabled(False)
        self.endCheck.toggled.connect(self.endEdit.setEnabled)
        form.addRow(self.tr("Badan"), self.bodyCombo)
        form.addRow(self.tr("Jabatan"), self.positionEdit)
        form.addRow(self.tr("Nama"), self.nameEdit)
        form.addRow(self.tr("Mulai menjabat"), self.startEdit)
        form.addRow(self.endCheck, self.endEdit)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def value(self) -> records.OfficerInput:
        return records.OfficerInput(
            self.bodyCombo.currentData(),
            self.positionEdit.text(),
            self.nameEdit.text(),
            to_date(self.startEdit.date()),
            to_date(self.endEdit.date()) if self.endCheck.isChecked() else None,
        )


class OfficersPanel(QWidget):
    """The register of board, supervisors and staff with their terms (on the RAT page and
    as a tab of Pengaturan)."""

    changed = Signal()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("officersPanel")
        lay = QVBoxLayout(self)
        self.model = RowsModel(
            [
                (self.tr("Badan"), lambda o: o.body, "text"),
                (self.tr("Jabatan"), lambda o: o.position, "text"),
                (self.tr("Nama"), lambda o: o.name, "text"),
                (self.tr("Mulai menjabat"), lambda o: o.term_start, "date"),
                (self.tr("Akhir masa jabatan"), lambda o: o.term_end, "date"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "officersTable", 2)
        self.table.setModel(self.model)
        lay.addWidget(self.table, 1)
        row = QHBoxLayout()
        row.addStretch(1)
        self.addOfficerButton = QPushButton(self.tr("Tambah..."))
        self.addOfficerButton.setObjectName("addOfficerButton")
        self.addOfficerButton.clicked.connect(self.add_officer)
        self.removeOfficerButton = QPushButton(self.tr("Hapus"))
        self.removeOfficerButton.setObjectName("removeOfficerButton")
        self.removeOfficerButton.clicked.connect(self.remove_officer)
        row.addWidget(self.addOfficerButton)
        row.addWidget(self.removeOfficerButton)
        lay.addLayout(row)

    def load(self) -> None:
        ctx = self.ctx
        ctx.read(
            lambda: records.list_officers(ctx.db, actor=ctx.actor),
            on_done=self.model.set_rows,
            on_error=self._error,
        )

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        from .rat import RatPage  # which imports this module

        if not isinstance(self.parent(), RatPage):
            self.load()

    def _error(self, exc: BaseException) -> bool:
        if isinstance(exc, KoperasiError):
            dialogs.warn(self, self.tr("Pengurus"), self.ctx.error_message(exc))
            return True
        return False

    def _done(self, _value: object = None) -> None:
        self.load()
        self.changed.emit()

    def add_officer(self) -> OfficerDialog | None:
        dlg = OfficerDialog(self)
        if dlg.exec() != QDialog.DialogCode.Accepted:
            return None
        ctx, data = self.ctx, dlg.value()
        ctx.write(
            lambda: records.add_officer(ctx.db, ctx.actor, data),
            on_done=self._done,
            on_error=self._error,
            parent=self,
        )
        return dlg

    def remove_officer(self) -> None:
        o = self.model.row(self.table.currentIndex())
        if o is None:
            return
        if not dialogs.confirm(
            self, self.tr("Hapus"), self.tr("Hapus {name} dari daftar?").format(name=o.name)
        ):
            return
        ctx = self.ctx
        ctx.write(
            lambda: records.remove_officer(ctx.db, ctx.actor, o.id),
            on_done=self._done,
            on_error=self._error,
            parent=self,
        )


def add_officers_tab(settings_page: QWidget, ctx: AppContext) -> OfficersPanel | None:
    """Pengaturan gains the officers' register (for whoever may read the cooperative's data)."""
    if not ctx.actor.can("read.all"):
        return None
    panel = OfficersPanel(ctx, settings_page)
    settings_page.tabs.addTab(panel, panel.tr("Pengurus dan pengawas"))  # type: ignore[attr-defined]
    settings_page.officersPanel = panel  # type: ignore[attr-defined]
    return panel

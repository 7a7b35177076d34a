"""Kelompok: groups with their leader, meeting day and members."""

from __future__ import annotations

import datetime as dt

from PySide6.QtCore import QSortFilterProxyModel, Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...messages.text import pick
from ...services import groups as groups_service
from ...services.changes import Area
from ...services.groups import DAY_NAMES_EN, DAY_NAMES_ID, GroupInput, GroupRow
from .. import dialogs
from ..context import AppContext
from ..forms.group_form_ui import Ui_GroupForm
from ..widgets import DirtyTracker, FieldErrors
from .base import DataTable, Page, RowsModel, setup_table


def day_name(day: int | None, lang: str) -> str:
    if day is None:
        return ""
    return pick((DAY_NAMES_ID[day], DAY_NAMES_EN[day]), lang)


class GroupsPage(Page):
    areas = frozenset({Area.GROUPS, Area.MEMBERS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("groupsPage")
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel(self.tr("<h2>Kelompok</h2>")))
        bar = QHBoxLayout()
        self.filterEdit = QLineEdit()
        self.filterEdit.setObjectName("groupFilter")
        self.filterEdit.setPlaceholderText(self.tr("Saring kelompok..."))
        self.filterEdit.setClearButtonEnabled(True)
        bar.addWidget(self.filterEdit, 1)
        self.newButton = QPushButton(self.tr("Kelompok &baru..."))
        self.newButton.setObjectName("newGroupButton")
        self.editButton = QPushButton(self.tr("U&bah..."))
        self.editButton.setObjectName("editGroupButton")
        self.meetingButton = QPushButton(self.tr("&Pertemuan kelompok..."))
        self.meetingButton.setObjectName("groupMeetingButton")
        bar.addWidget(self.newButton)
        bar.addWidget(self.editButton)
        self.sheetButton = QPushButton(self.tr("Cetak &lembar pertemuan..."))
        self.sheetButton.setObjectName("meetingSheetButton")
        bar.addWidget(self.meetingButton)
        bar.addWidget(self.sheetButton)
        layout.addLayout(bar)

        split = QSplitter(Qt.Orientation.Horizontal)
        self.model = RowsModel(
            [
                (self.tr("Kode"), lambda g: g.code, "text"),
                (self.tr("Nama"), lambda g: g.name, "text"),
                (self.tr("Ketua"), lambda g: g.leader_name, "text"),
                (self.tr("Hari"), lambda g: day_name(g.meeting_day, ctx.lang), "text"),
                (self.tr("Tempat"), lambda g: g.meeting_place, "text"),
                (self.tr("Anggota"), lambda g: g.member_count, "int"),
            ],
            self,
        )
        self.proxy = QSortFilterProxyModel(self)  # a short list: filtering loaded rows is fine
        self.proxy.setSourceModel(self.model)
        self.proxy.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.proxy.setFilterKeyColumn(-1)
        self.table = setup_table(DataTable(), "groupsTable", stretch_column=4)
        self.table.setModel(self.proxy)
        self.table.setSortingEnabled(True)
        split.addWidget(self.table)

        right = QWidget()
        rl = QVBoxLayout(right)
        self.groupTitle = QLabel()
        self.groupTitle.setObjectName("groupTitle")
        rl.addWidget(self.groupTitle)
        self.membersModel = RowsModel(
            [
                (self.tr("No."), lambda m: m.number, "text"),
                (
                    self.tr("Nama"),
                    lambda m: m.name + (self.tr(" (ketua)") if m.is_leader else ""),
                    "text",
                ),
                (self.tr("L/P"), lambda m: m.gender, "text"),
                (self.tr("Sejak"), lambda m: m.joined_on, "date"),
            ],
            self,
        )
        self.membersTable = setup_table(DataTable(), "groupMembersTable", stretch_column=1)
        self.membersTable.setModel(self.membersModel)
        rl.addWidget(self.membersTable, 1)
        row = QHBoxLayout()
        self.addMemberEdit = QLineEdit()
        self.addMemberEdit.setObjectName("addGroupMemberEdit")
        self.addMemberEdit.setPlaceholderText(self.tr("Nomor anggota"))
        self.addMemberButton = QPushButton(self.tr("&Masukkan ke kelompok"))
        self.addMemberButton.setObjectName("addGroupMemberButton")
        self.leaderButton = QPushButton(self.tr("Jadikan &ketua"))
        self.leaderButton.setObjectName("setLeaderButton")
        self.removeButton = QPushButton(self.tr("Keluarkan"))
        self.removeButton.setObjectName("removeGroupMemberButton")
        row.addWidget(self.addMemberEdit, 1)
        row.addWidget(self.addMemberButton)
        row.addWidget(self.leaderButton)
        row.addWidget(self.removeButton)
        rl.addLayout(row)
        self.memberError = QLabel()
        self.memberError.setObjectName("groupMemberError")
        self.memberError.setStyleSheet("color: #b00020;")
        rl.addWidget(self.memberError)
        split.addWidget(right)
        split.setSizes([520, 420])
        layout.addWidget(split, 1)

        self.filterEdit.textChanged.connect(self.proxy.setFilterFixedString)
        self.newButton.clicked.connect(self.new_group)
        self.editButton.clicked.connect(self.edit_group)
        self.meetingButton.clicked.connect(self.open_meeting)
        self.sheetButton.clicked.connect(self.print_sheet)
        self.table.selectionModel().currentRowChanged.connect(lambda *_: self.load_members())
        self.table.doubleClicked.connect(lambda _i: self.edit_group())
        self.addMemberButton.clicked.connect(self.add_member)
        self.addMemberEdit.returnPressed.connect(self.add_member)
        self.leaderButton.clicked.connect(self.set_leader)
        self.removeButton.clicked.connect(self.remove_member)

    def refresh(self) -> None:
        current = self.selected_group()
        self.model.set_rows(groups_service.list_groups(self.ctx.db, actor=self.ctx.actor))
        if current is not None:
            self.select_group(current.code)
        elif self.model.rows:
            self.table.selectRow(0)
        self.load_members()

    def select_group(self, code: str) -> None:
        for i in range(self.proxy.rowCount()):
            g = self.proxy.index(i, 0).data(Qt.ItemDataRole.UserRole)
            if g.code == code:
                self.table.selectRow(i)
                return

    def selected_group(self) -> GroupRow | None:
        idx = self.table.currentIndex()
        return idx.data(Qt.ItemDataRole.UserRole) if idx.isValid() else None

    def load_members(self) -> None:
        g = self.selected_group()
        self.memberError.clear()
        if g is None:
            self.groupTitle.setText(self.tr("Pilih kelompok di sebelah kiri."))
            self.membersModel.set_rows([])
            return
        self.groupTitle.setText(
            f"<h3>{g.name}</h3>"
            + self.tr("Ketua: {leader} · pertemuan {day} di {place}").format(
                leader=g.leader_name or "-",
                day=day_name(g.meeting_day, self.ctx.lang) or "-",
                place=g.meeting_place or "-",
            )
        )
        self.membersModel.set_rows(
            groups_service.group_members(self.ctx.db, g.code, actor=self.ctx.actor)
        )

    def new_group(self) -> GroupDialog:
        dlg = GroupDialog(self.ctx, None, self)
        dlg.saved.connect(lambda g: self.select_group(g.code))
        dlg.open()
        return dlg

    def edit_group(self) -> GroupDialog | None:
        g = self.selected_group()
        if g is None or not self.ctx.actor.can("group.write"):  # a double-click reads only
            return None
        dlg = GroupDialog(self.ctx, g, self)
        dlg.open()
        return dlg

    def open_meeting(self):
        """The meeting grid for the selected group (dues, payments, one posting)."""
        from .meeting import GroupMeetingDialog

        g = self.selected_group()
        if g is None:
            dialogs.inform(self, self.tr("Pertemuan kelompok"), self.tr("Pilih dulu kelompoknya."))
            return None
        dlg = GroupMeetingDialog(self.ctx, g.code, g.name, g.meeting_day, self)
        dlg.open()
        return dlg

    def print_sheet(self) -> None:
        """The meeting sheet (who owes what, blank columns to write in) on the Laporan page,
        for the group's next meeting day."""
        g = self.selected_group()
        if g is None:
            dialogs.inform(self, self.tr("Lembar pertemuan"), self.tr("Pilih dulu kelompoknya."))
            return
        date = self.ctx.today()
        if g.meeting_day is not None:
            date += dt.timedelta(days=(g.meeting_day - date.weekday()) % 7)
        self.ctx.bus.navigate.emit(
            "reports", {"report": "lembar-pertemuan", "group": g.code, "date": date}
        )

    def _group_op(self, fn, on_done=None) -> None:
        self.memberError.clear()

        def failed(exc: BaseException) -> bool:
            msg = getattr(exc, "message", None)
            if callable(msg):
                self.memberError.setText(msg(self.ctx.lang))
                return True
            return False

        self.ctx.write(fn, on_done=on_done, on_error=failed, parent=self)

    def add_member(self) -> None:
        g = self.selected_group()
        number = self.addMemberEdit.text().strip()
        if g is None or not number:
            return
        ctx = self.ctx
        today = ctx.today()
        self._group_op(
            lambda: groups_service.assign_member(ctx.db, ctx.actor, number, g.code, today),
            on_done=lambda _r: self.addMemberEdit.clear(),
        )

    def selected_member_number(self) -> str | None:
        idx = self.membersTable.currentIndex()
        m = self.membersModel.row(idx)
        return m.number if m is not None else None

    def set_leader(self) -> None:
        g, number = self.selected_group(), self.selected_member_number()
        if g is None or number is None:
            return
        ctx = self.ctx
        self._group_op(lambda: groups_service.set_leader(ctx.db, ctx.actor, g.code, number))

    def remove_member(self) -> None:
        g, number = self.selected_group(), self.selected_member_number()
        if g is None or number is None:
            return
        if not dialogs.confirm(
            self,
            self.tr("Keluarkan dari kelompok"),
            self.tr("Keluarkan anggota {number} dari {group}?").format(number=number, group=g.name),
        ):
            return
        ctx = self.ctx
        today = ctx.today()
        self._group_op(lambda: groups_service.remove_member(ctx.db, ctx.actor, number, today))


class GroupDialog(QDialog):
    saved = Signal(object)

    def __init__(
        self, ctx: AppContext, group: GroupRow | None, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.group = group
        self.ui = Ui_GroupForm()
        self.ui.setupUi(self)
        ui = self.ui
        self.setObjectName("groupDialog")
        self.setWindowTitle(self.tr("Kelompok baru") if group is None else self.tr("Ubah kelompok"))
        for i in range(len(DAY_NAMES_ID)):
            ui.meetingDayCombo.setItemText(i + 1, day_name(i, ctx.lang))
            ui.meetingDayCombo.setItemData(i + 1, i)
        ui.meetingDayCombo.setItemData(0, None)
        save = ui.buttonBox.button(QDialogButtonBox.StandardButton.Save)
        save.setText(self.tr("Simpan"))
        save.setObjectName("saveButton")
        ui.buttonBox.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        ui.buttonBox.accepted.connect(self.save)
        ui.buttonBox.rejected.connect(self.reject)
        self.errors = FieldErrors(ui.generalError, ctx.lang, self)
        for key, widget in (
            ("code", ui.codeEdit),
            ("name", ui.nameEdit),
            ("meeting_day", ui.meetingDayCombo),
        ):
            label = QLabel()
            row, _role = ui.groupLayout.getWidgetPosition(widget)
            ui.groupLayout.insertRow(row + 1, "", label)
            self.errors.add(key, widget, label)
        if group is not None:
            ui.codeEdit.setText(group.code)
            ui.codeEdit.setReadOnly(True)
            ui.nameEdit.setText(group.name)
            ui.meetingDayCombo.setCurrentIndex(
                0 if group.meeting_day is None else group.meeting_day + 1
            )
            ui.meetingPlaceEdit.setText(group.meeting_place)
            ui.kelurahanEdit.setText(group.kelurahan)
        self.dirty = DirtyTracker(self)
        self.dirty.watch(
            ui.codeEdit, ui.nameEdit, ui.meetingDayCombo, ui.meetingPlaceEdit, ui.kelurahanEdit
        )
        ui.codeEdit.textEdited.connect(lambda t: self._required("code", t))
        ui.nameEdit.textEdited.connect(lambda t: self._required("name", t))

    def _required(self, key: str, text: str) -> None:
        from ...errors import ValidationError

        self.errors.set(
            key, None if text.strip() else ValidationError(key, "required").message(self.ctx.lang)
        )

    def save(self) -> None:
        ui, ctx = self.ui, self.ctx
        self.errors.clear()
        self._required("code", ui.codeEdit.text())
        self._required("name", ui.nameEdit.text())
        if self.errors.has_errors():
            return
        data = GroupInput(
            code=ui.codeEdit.text(),
            name=ui.nameEdit.text(),
            meeting_day=ui.meetingDayCombo.currentData(),
            meeting_place=ui.meetingPlaceEdit.text(),
            kelurahan=ui.kelurahanEdit.text(),
            formed_on=ctx.today(),
        )
        if self.group is None:
            fn = lambda: groups_service.create_group(ctx.db, ctx.actor, data)  # noqa: E731
        else:
            code = self.group.code
            fn = lambda: groups_service.update_group(ctx.db, ctx.actor, code, data)  # noqa: E731

        def done(row: GroupRow) -> None:
            self.dirty.dirty = False
            self.accept()
            self.saved.emit(row)

        ctx.write(fn, on_done=done, on_error=self.errors.show, parent=self)

    def reject(self) -> None:
        if self.dirty.dirty and not dialogs.ask_discard(self):
            return
        super().reject()

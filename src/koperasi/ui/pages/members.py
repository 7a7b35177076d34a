"""Anggota: the lazy member list, the member form, the member detail with its tabs."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, replace
from typing import Any

from PySide6.QtCore import (
    QEvent,
    QModelIndex,
    QObject,
    Qt,
    QTimer,
    Signal,
)
from PySide6.QtGui import QKeyEvent, QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QComboBox,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidgetItem,
    QPushButton,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import ValidationError
from ...messages import LABELS
from ...services import groups as groups_service
from ...services import member_exit, ui_queries
from ...services import members as members_service
from ...services import savings as savings_service
from ...services.loans import core as loan_core
from ...services.loans import views as loan_views
from ...services.members import MemberDetail, MemberInput, MemberRow
from ...services.validation import check_nik, check_phone, check_required
from .. import dialogs
from ..context import GROUPS, LEDGER, LOANS, MEMBERS, SAVINGS, AppContext
from ..forms.member_form_ui import Ui_MemberForm
from ..widgets import (
    DateOutOfRange,
    FieldErrors,
    check_field,
    parse_date,
    rp,
    setup_date_edit,
    to_date,
)
from .base import DataTable, HeaderedModel, Index, Page, RowsModel, fmt_date, setup_table
from .form_dialog import FormDialog

PAGE_SIZE = 200

STATUS_LABELS = LABELS["member_status"]
# documents printed for the loan selected on the member's Pinjaman tab
LOAN_PAPERS = frozenset({"kartu-pinjaman", "perjanjian-pinjaman", "jadwal-angsuran", "surat-lunas"})


def status_label(status: str, lang: str) -> str:
    pair = STATUS_LABELS.get(status)
    return (pair[0] if lang == "id" else pair[1]) if pair else status


@dataclass(frozen=True)
class MemberQuery:
    search: str = ""
    status: str | None = None
    group_code: str | None = None
    sort: str = "number"
    descending: bool = False


class MemberTableModel(HeaderedModel):
    """The member list, a page of ``PAGE_SIZE`` rows at a time (keyset paging in SQL).

    Sorting and searching re-query the database (``sort`` / ``set_query``); rows load as the
    view scrolls (``canFetchMore`` / ``fetchMore``). ``fetch(query, after, limit)`` and
    ``count(query)`` are the read-side service calls.
    """

    SORT_COLUMNS = {0: "number", 1: "name", 8: "join_date"}

    def __init__(
        self,
        fetch: Callable[[MemberQuery, tuple | None, int], list[MemberRow]],
        lang: str = "id",
        page_size: int = PAGE_SIZE,
        parent: QWidget | None = None,
    ) -> None:
        super().__init__(parent)
        self._fetch = fetch
        self.lang = lang
        self.page_size = page_size
        self.query = MemberQuery()
        self.rows: list[MemberRow] = []
        self.exhausted = False
        self.pages_fetched = 0
        self.headers = [
            self.tr("No. anggota"),
            self.tr("Nama"),
            self.tr("L/P"),
            self.tr("NIK"),
            self.tr("Telepon"),
            self.tr("Kelurahan"),
            self.tr("Kelompok"),
            self.tr("Status"),
            self.tr("Tgl. masuk"),
        ]

    # -- queries
    def set_query(self, **changes: Any) -> None:
        """Start over with a new search/filter/sort; the first page is fetched at once."""
        self.beginResetModel()
        self.query = replace(self.query, **changes)
        self.rows = []
        self.exhausted = False
        self.pages_fetched = 0
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def reload(self) -> None:
        self.set_query()

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self.exhausted:
            return
        after = members_service.sort_key(self.rows[-1], self.query.sort) if self.rows else None
        page = self._fetch(self.query, after, self.page_size)
        self.pages_fetched += 1
        if len(page) < self.page_size:
            self.exhausted = True
        if page:
            first = len(self.rows)
            self.beginInsertRows(QModelIndex(), first, first + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    # -- the model
    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def member_at(self, row: int) -> MemberRow | None:
        return self.rows[row] if 0 <= row < len(self.rows) else None

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid():
            return None
        m = self.member_at(index.row())
        if m is None or not 0 <= index.column() < len(self.headers):
            return None
        if role == Qt.ItemDataRole.DisplayRole:
            col = index.column()
            return (
                m.number,
                m.name,
                m.gender,
                m.nik,
                m.phone,
                m.kelurahan,
                m.group_name or "",
                status_label(m.status, self.lang),
                fmt_date(m.join_date),
            )[col]
        if role == Qt.ItemDataRole.UserRole:
            return m
        if role == Qt.ItemDataRole.ForegroundRole and m.status in ("keluar", "meninggal"):
            from PySide6.QtGui import QColor

            return QColor("#888888")
        return None

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        key = self.SORT_COLUMNS.get(column)
        if key is None:
            return
        descending = order == Qt.SortOrder.DescendingOrder
        if key != self.query.sort or descending != self.query.descending:
            self.set_query(sort=key, descending=descending)


class MembersPage(Page):
    areas = frozenset({MEMBERS, GROUPS})
    memberActivated = Signal(str)

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("membersPage")
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Anggota</h2>"))
        layout.addWidget(title)

        bar = QHBoxLayout()
        self.searchEdit = QLineEdit()
        self.searchEdit.setObjectName("memberSearch")
        self.searchEdit.setPlaceholderText(self.tr("Cari nomor, nama, NIK atau telepon (Ctrl+F)"))
        self.searchEdit.setClearButtonEnabled(True)
        bar.addWidget(self.searchEdit, 3)
        self.statusFilter = QComboBox()
        self.statusFilter.setObjectName("memberStatusFilter")
        self.statusFilter.addItem(self.tr("Semua status"), None)
        for code in ("aktif", "calon", "keluar", "meninggal"):
            self.statusFilter.addItem(status_label(code, ctx.lang), code)
        bar.addWidget(self.statusFilter)
        self.groupFilter = QComboBox()
        self.groupFilter.setObjectName("memberGroupFilter")
        self.groupFilter.addItem(self.tr("Semua kelompok"), None)
        bar.addWidget(self.groupFilter, 1)
        self.newButton = QPushButton(self.tr("&Anggota baru"))
        self.newButton.setObjectName("newMemberButton")
        self.editButton = QPushButton(self.tr("U&bah"))
        self.editButton.setObjectName("editMemberButton")
        self.detailButton = QPushButton(self.tr("&Detail"))
        self.detailButton.setObjectName("memberDetailButton")
        for b in (self.newButton, self.editButton, self.detailButton):
            bar.addWidget(b)
        layout.addLayout(bar)

        self.model = MemberTableModel(self._fetch, ctx.lang, parent=self)
        self.table = setup_table(DataTable(), "membersTable", stretch_column=1)
        self.table.setModel(self.model)
        self.table.horizontalHeader().setSortIndicator(0, Qt.SortOrder.AscendingOrder)
        self.table.setSortingEnabled(True)  # after the indicator: no query until shown
        layout.addWidget(self.table, 1)
        self.countLabel = QLabel()
        self.countLabel.setObjectName("memberCount")
        layout.addWidget(self.countLabel)

        self._search_timer = QTimer(self)
        self._search_timer.setSingleShot(True)
        self._search_timer.setInterval(250)
        self._search_timer.timeout.connect(self.apply_search)
        self.searchEdit.textChanged.connect(lambda _t: self._search_timer.start())
        self.searchEdit.returnPressed.connect(self._search_enter)
        self.searchEdit.installEventFilter(self)
        self.statusFilter.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.groupFilter.currentIndexChanged.connect(lambda _i: self.apply_search())
        self.newButton.clicked.connect(self.new_member)
        self.editButton.clicked.connect(self.edit_selected)
        self.detailButton.clicked.connect(self.open_selected)
        self.table.doubleClicked.connect(lambda _i: self.open_selected())
        enter = QShortcut(QKeySequence(Qt.Key.Key_Return), self.table)
        enter.setContext(Qt.ShortcutContext.WidgetShortcut)
        enter.activated.connect(self.open_selected)
        self._count_serial = 0
        self.total: int | None = None

    # -- data
    def _fetch(self, q: MemberQuery, after: tuple | None, limit: int) -> list[MemberRow]:
        return members_service.list_members(
            self.ctx.db,
            search=q.search or None,
            after=after,
            limit=limit,
            sort=q.sort,
            descending=q.descending,
            group_code=q.group_code,
            status=q.status,
            actor=self.ctx.actor,  # a ketua kelompok sees the members of their groups
        )

    def refresh(self) -> None:
        current = self.selected_member()
        self._load_groups()
        self.model.reload()
        self._update_count()
        if current is not None:
            self.select_number(current.number)

    def select_number(self, number: str) -> bool:
        """Keep the treasurer's place: select ``number`` if it is among the loaded rows."""
        for row, m in enumerate(self.model.rows):
            if m.number == number:
                self.table.selectRow(row)
                return True
        return False

    def _load_groups(self) -> None:
        current = self.groupFilter.currentData()
        rows = groups_service.list_groups(self.ctx.db, actor=self.ctx.actor)
        self.groupFilter.blockSignals(True)
        self.groupFilter.clear()
        self.groupFilter.addItem(self.tr("Semua kelompok"), None)
        for g in rows:
            self.groupFilter.addItem(f"{g.code} · {g.name}", g.code)
        idx = self.groupFilter.findData(current)
        self.groupFilter.setCurrentIndex(max(0, idx))
        self.groupFilter.blockSignals(False)

    def apply_search(self) -> None:
        self._search_timer.stop()
        self.model.set_query(
            search=self.searchEdit.text().strip(),
            status=self.statusFilter.currentData(),
            group_code=self.groupFilter.currentData(),
        )
        self._update_count()

    def _update_count(self) -> None:
        """The total is counted on the read pool so typing never waits for it."""
        self._count_serial += 1
        serial = self._count_serial
        q = self.model.query
        self.countLabel.setText(self.tr("Menghitung..."))

        def count() -> int:
            return members_service.count_members(
                self.ctx.db,
                search=q.search or None,
                group_code=q.group_code,
                status=q.status,
                actor=self.ctx.actor,
            )

        def done(n: int) -> None:
            if serial == self._count_serial:
                self.total = n
                self.countLabel.setText(self.tr("{n} anggota").format(n=f"{n:,}".replace(",", ".")))

        self.ctx.read(count, on_done=done)

    def focus_search(self) -> None:
        self.searchEdit.setFocus()
        self.searchEdit.selectAll()

    def _search_pending(self) -> bool:
        return self._search_timer.isActive() or (
            self.searchEdit.text().strip() != (self.model.query.search or "")
        )

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:  # noqa: N802
        """Down in the search box goes into the results (the search applied first)."""
        if (
            obj is self.searchEdit
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Down, Qt.Key.Key_PageDown)
        ):
            self.focus_results()
            return True
        return super().eventFilter(obj, event)

    def focus_results(self) -> bool:
        if self._search_pending():
            self.apply_search()
        if self.model.rowCount() == 0:
            return False
        row = self.table.currentIndex().row()
        self.table.selectRow(row if row >= 0 else 0)
        self.table.setFocus()
        return True

    def _search_enter(self) -> None:
        """Enter in the search box: the search runs; one member found opens at once, more
        put the focus on the first of them (where Enter opens it)."""
        if self.focus_results() and self.model.rowCount() == 1 and self.model.exhausted:
            self.open_selected()

    def show_status(self, status: str | None) -> None:
        idx = self.statusFilter.findData(status)
        self.statusFilter.setCurrentIndex(max(0, idx))

    def selected_member(self) -> MemberRow | None:
        idx = self.table.currentIndex()
        return self.model.member_at(idx.row()) if idx.isValid() else None

    # -- actions
    def new_member(self) -> MemberDialog:
        dlg = MemberDialog(self.ctx, None, self)
        dlg.saved.connect(lambda d: self._after_save(d))
        dlg.open()
        return dlg

    def _after_save(self, detail: MemberDetail) -> None:
        self.searchEdit.setText(detail.number)
        self.apply_search()

    def edit_selected(self) -> MemberDialog | None:
        m = self.selected_member()
        if m is None:
            return None
        detail = members_service.get_member(self.ctx.db, m.number, self.ctx.actor)
        dlg = MemberDialog(self.ctx, detail, self)
        dlg.open()
        return dlg

    def open_selected(self) -> MemberDetailDialog | None:
        m = self.selected_member()
        if m is None:
            return None
        return self.open_member(m.number)

    def open_member(self, number: str) -> MemberDetailDialog:
        dlg = MemberDetailDialog(self.ctx, number, self)
        dlg.show()
        return dlg


# ---------------------------------------------------------------- the member form


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
            item = QListWidgetItem(c.name_id if self.ctx.lang == "id" else c.name_en)
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
            status=self.detail.status if self.detail else "aktif",
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

        self.post(fn, {MEMBERS, GROUPS, SAVINGS}, self._member_saved)

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


# ---------------------------------------------------------------- member detail


class MemberDetailDialog(QDialog):
    """A member at a glance: profile, savings and statements, loans, transactions, documents."""

    def __init__(self, ctx: AppContext, number: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.number = number
        self.setObjectName("memberDetailDialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.resize(860, 560)
        layout = QVBoxLayout(self)
        self.header = QLabel()
        self.header.setObjectName("memberHeader")
        layout.addWidget(self.header)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("memberTabs")
        layout.addWidget(self.tabs, 1)

        # profile
        self.profileTab = QWidget()
        self.profileTab.setObjectName("memberProfileTab")
        pl = QVBoxLayout(self.profileTab)
        self.profileForm = QFormLayout()
        pl.addLayout(self.profileForm)
        pl.addStretch(1)
        row = QHBoxLayout()
        self.editButton = QPushButton(self.tr("&Ubah data"))
        self.editButton.setObjectName("editMemberButton")
        self.exitButton = QPushButton(self.tr("&Keluar dari keanggotaan..."))
        self.exitButton.setObjectName("exitMemberButton")
        row.addWidget(self.editButton)
        row.addWidget(self.exitButton)
        # issue 17: board, supervisors, staff or their family (no Alt letter: Tab reaches it)
        self.relatedButton = QPushButton(self.tr("Pihak terkait..."))
        self.relatedButton.setObjectName("relatedPartyButton")
        self.relatedButton.setVisible(ctx.actor.can("member.write"))
        self.relatedButton.clicked.connect(self.edit_related)
        row.addWidget(self.relatedButton)
        row.addStretch(1)
        pl.addLayout(row)
        self.tabs.addTab(self.profileTab, self.tr("Profil"))

        # savings
        self.savingsTab = QWidget()
        self.savingsTab.setObjectName("memberSavingsTab")
        sl = QVBoxLayout(self.savingsTab)
        self.balancesModel = RowsModel(
            [
                (self.tr("Produk"), lambda r: r.product_name, "text"),
                (self.tr("No. rekening"), lambda r: r.account_number, "text"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
            ],
            self,
        )
        self.balancesTable = setup_table(DataTable(), "memberBalancesTable", stretch_column=0)
        self.balancesTable.setModel(self.balancesModel)
        self.balancesTable.setMaximumHeight(140)
        sl.addWidget(self.balancesTable)
        rng = QHBoxLayout()
        rng.addWidget(QLabel(self.tr("Mutasi dari")))
        self.fromEdit = setup_date_edit(QDateEdit(), ctx.today().replace(month=1, day=1))
        self.fromEdit.setObjectName("statementFrom")
        rng.addWidget(self.fromEdit)
        rng.addWidget(QLabel(self.tr("sampai")))
        self.toEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.toEdit.setObjectName("statementTo")
        rng.addWidget(self.toEdit)
        rng.addStretch(1)
        self.depositButton = QPushButton(self.tr("&Setor..."))
        self.depositButton.setObjectName("memberDepositButton")
        self.withdrawButton = QPushButton(self.tr("&Tarik..."))
        self.withdrawButton.setObjectName("memberWithdrawButton")
        rng.addWidget(self.depositButton)
        rng.addWidget(self.withdrawButton)
        sl.addLayout(rng)
        self.statementModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Kuitansi"), lambda r: r.receipt_no, "text"),
                (self.tr("Jenis"), lambda r: kind_label(r.kind, ctx.lang), "text"),
                (self.tr("Keterangan"), lambda r: r.memo, "text"),
                (self.tr("Masuk"), lambda r: r.credit or None, "money"),
                (self.tr("Keluar"), lambda r: r.debit or None, "money"),
                (self.tr("Saldo"), lambda r: r.balance, "money"),
            ],
            self,
        )
        self.statementTable = setup_table(DataTable(), "memberStatementTable", stretch_column=3)
        self.statementTable.setModel(self.statementModel)
        sl.addWidget(self.statementTable, 1)
        self.statementSummary = QLabel()
        self.statementSummary.setObjectName("statementSummary")
        sl.addWidget(self.statementSummary)
        self.tabs.addTab(self.savingsTab, self.tr("Simpanan"))

        # loans: the member's loans, each with its schedule and transactions
        from .loans import LoanDetailPanel

        self.loansTab = QWidget()
        self.loansTab.setObjectName("memberLoansTab")
        lo = QVBoxLayout(self.loansTab)
        self.loansModel = RowsModel(
            [
                (self.tr("No. pinjaman"), lambda r: r.number, "text"),
                (self.tr("Produk"), lambda r: r.product_code, "text"),
                (self.tr("Status"), lambda r: loan_status_label(r.status, ctx.lang), "text"),
                (self.tr("Tanggal cair"), lambda r: r.disbursed_on, "date"),
                (self.tr("Plafon"), lambda r: r.amount, "money"),
                (self.tr("Sisa pokok"), lambda r: r.principal_outstanding or None, "money"),
            ],
            self,
        )
        self.loansTable = setup_table(DataTable(), "memberLoansTable", stretch_column=1)
        self.loansTable.setModel(self.loansModel)
        self.loansTable.setMaximumHeight(140)
        lo.addWidget(self.loansTable)
        self.loanPanel = LoanDetailPanel(ctx)
        lo.addWidget(self.loanPanel, 1)
        lrow = QHBoxLayout()
        self.applyLoanButton = QPushButton(self.tr("&Ajukan pinjaman..."))
        self.applyLoanButton.setObjectName("memberApplyLoanButton")
        self.repayLoanButton = QPushButton(self.tr("A&ngsuran..."))
        self.repayLoanButton.setObjectName("memberRepayLoanButton")
        lrow.addWidget(self.applyLoanButton)
        lrow.addWidget(self.repayLoanButton)
        lrow.addStretch(1)
        lo.addLayout(lrow)
        self.tabs.addTab(self.loansTab, self.tr("Pinjaman"))

        # transactions
        self.ledgerModel = RowsModel(
            [
                (self.tr("Tanggal"), lambda r: r.date, "date"),
                (self.tr("Jurnal"), lambda r: r.entry_id, "int"),
                (self.tr("Kuitansi"), lambda r: r.receipt_no, "text"),
                (self.tr("Keterangan"), lambda r: r.description, "text"),
                (self.tr("Akun"), lambda r: f"{r.account_code} {r.account_name}", "text"),
                (self.tr("Debit"), lambda r: r.debit or None, "money"),
                (self.tr("Kredit"), lambda r: r.credit or None, "money"),
            ],
            self,
        )
        self.ledgerTable = setup_table(DataTable(), "memberLedgerTable", stretch_column=3)
        self.ledgerTable.setModel(self.ledgerModel)
        self.tabs.addTab(self.ledgerTable, self.tr("Transaksi"))

        self.documentsTab = QWidget()
        self.documentsTab.setObjectName("memberDocumentsTab")
        dl = QVBoxLayout(self.documentsTab)
        dl.addWidget(
            QLabel(
                self.tr(
                    "Dokumen anggota ini disusun di halaman Laporan, dengan pratinjau, "
                    "cetak dan simpan PDF/Excel."
                )
            )
        )
        self.documentButtons: dict[str, QPushButton] = {}
        for key, text in (
            ("mutasi-simpanan", self.tr("&Mutasi simpanan (buku tabungan)")),
            ("kartu-pinjaman", self.tr("&Kartu angsuran pinjaman terpilih")),
            ("kuitansi", self.tr("Kuitansi &transaksi terakhir")),
            ("slip-shu", self.tr("&Slip SHU")),
            ("kartu-anggota", self.tr("Kartu &anggota (dengan kode QR)")),
            ("perjanjian-pinjaman", self.tr("Surat &perjanjian pinjaman terpilih")),
            ("jadwal-angsuran", self.tr("&Jadwal angsuran pinjaman terpilih")),
            ("surat-lunas", self.tr("Surat keterangan &lunas pinjaman terpilih")),
        ):
            b = QPushButton(text)
            b.setObjectName(f"document-{key}")
            b.clicked.connect(lambda _c=False, k=key: self.print_document(k))
            self.documentButtons[key] = b
            dl.addWidget(b)
        dl.addStretch(1)
        self.tabs.addTab(self.documentsTab, self.tr("Dokumen"))

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

        self.editButton.clicked.connect(self.edit)
        self.exitButton.clicked.connect(self.exit_member)
        self.depositButton.clicked.connect(lambda: self.savings_dialog("deposit"))
        self.withdrawButton.clicked.connect(lambda: self.savings_dialog("withdraw"))
        self.balancesTable.clicked.connect(lambda _i: self.load_statement())
        self.loansTable.selectionModel().currentRowChanged.connect(lambda _c, _p: self.load_loan())
        self.applyLoanButton.clicked.connect(self.apply_loan)
        self.repayLoanButton.clicked.connect(self.repay_loan)
        self.fromEdit.userDateChanged.connect(lambda _d: self.load_statement())
        self.toEdit.userDateChanged.connect(lambda _d: self.load_statement())
        ctx.bus.changed.connect(self._on_changed)
        self.refresh()

    def _on_changed(self, areas: set[str]) -> None:
        if areas & {MEMBERS, SAVINGS, LEDGER, LOANS}:
            self.refresh()

    def refresh(self) -> None:
        ctx = self.ctx
        d = members_service.get_member(ctx.db, self.number, ctx.actor)
        self.detail = d
        self.setWindowTitle(
            self.tr("Anggota {number} · {name}").format(number=d.number, name=d.name)
        )
        self.header.setText(
            f"<h2>{d.name}</h2>"
            + self.tr("No. {number} · {status} · kelompok {group}").format(
                number=d.number,
                status=status_label(d.status, ctx.lang),
                group=d.group_name or "-",
            )
        )
        while self.profileForm.rowCount():
            self.profileForm.removeRow(0)
        gender = self.tr("Perempuan") if d.gender == "P" else self.tr("Laki-laki")
        cats = {
            c.code: (c.name_id if ctx.lang == "id" else c.name_en)
            for c in members_service.list_categories(ctx.db)
        }
        for label, value in (
            (self.tr("NIK"), d.nik),
            (self.tr("Jenis kelamin"), gender),
            (
                self.tr("Tempat, tanggal lahir"),
                f"{d.birth_place}, {fmt_date(d.birth_date)}".strip(", "),
            ),
            (self.tr("Alamat"), ", ".join(x for x in (d.address, d.kelurahan, d.kecamatan) if x)),
            (self.tr("Telepon"), d.phone),
            (self.tr("Pekerjaan"), d.occupation),
            (self.tr("Tanggal masuk"), fmt_date(d.join_date)),
            (self.tr("Ahli waris"), f"{d.heir_name} ({d.heir_relation})" if d.heir_name else ""),
            (self.tr("Kategori"), ", ".join(cats.get(c, c) for c in d.categories) or "-"),
        ):
            value_label = QLabel(value)
            value_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
            self.profileForm.addRow(label, value_label)
        if d.status in ("keluar", "meninggal"):
            self.profileForm.addRow(
                self.tr("Keluar"), QLabel(f"{fmt_date(d.status_date)} · {d.exit_reason}")
            )
        self._loan_rules_rows(d.number)
        active = d.status not in ("keluar", "meninggal")
        self.exitButton.setEnabled(active)
        self.depositButton.setEnabled(active)
        self.withdrawButton.setEnabled(active)
        self.balancesModel.set_rows(
            savings_service.member_balances(ctx.db, d.number, actor=ctx.actor)
        )
        if self.balancesModel.rows:
            self.balancesTable.selectRow(0)
        self.load_statement()
        self.ledgerModel.set_rows(ui_queries.member_ledger(ctx.db, d.number, actor=ctx.actor))
        self.loansModel.set_rows(loan_views.member_loans(ctx.db, d.number, ctx.actor))
        self.applyLoanButton.setEnabled(d.status == "aktif")
        if self.loansModel.rows:
            self.loansTable.selectRow(len(self.loansModel.rows) - 1)
        self.load_loan()

    def edit_related(self):
        from .loan_rules import RelatedPartyDialog

        dlg = RelatedPartyDialog(self.ctx, self.number, self)
        dlg.saved.connect(lambda _v: self.refresh())
        dlg.open()
        return dlg

    def _loan_rules_rows(self, number: str) -> None:
        """Issue 17: the loans the member guarantees (principal outstanding) and whether the
        member is a related party (board, supervisors, staff or their family)."""
        from ...services.loans import collateral, lending_limits

        ctx = self.ctx
        exposure = collateral.exposure_of(ctx.db, number, ctx.actor)
        guaranteed = QLabel(
            self.tr("{n} pinjaman, sisa pokok {amount}").format(
                n=len(exposure.rows), amount=rp(exposure.total)
            )
            + (
                " (" + ", ".join(r.loan_number for r in exposure.rows) + ")"
                if exposure.rows
                else ""
            )
        )
        guaranteed.setObjectName("memberGuaranteeLabel")
        guaranteed.setWordWrap(True)
        self.profileForm.addRow(self.tr("Menjamin"), guaranteed)
        relation = lending_limits.relation_of(ctx.db, number)
        if relation is not None:
            kind = lending_limits.RELATED_LABELS[relation.kind][0 if ctx.lang == "id" else 1]
            text = ", ".join(x for x in (kind, relation.officer, relation.note) if x)
            related = QLabel(text)
            related.setObjectName("memberRelatedLabel")
            self.profileForm.addRow(self.tr("Pihak terkait"), related)

    def load_loan(self) -> None:
        row = self.loansModel.row(self.loansTable.currentIndex())
        detail = loan_views.get_loan(self.ctx.db, row.number, self.ctx.actor) if row else None
        self.loanPanel.show_loan(detail)
        self.repayLoanButton.setEnabled(detail is not None and detail.status == "aktif")

    def apply_loan(self) -> QDialog:
        from .loan_wizard import LoanApplicationWizard

        wiz = LoanApplicationWizard(self.ctx, self.number, self)
        wiz.open()
        return wiz

    def repay_loan(self) -> QDialog:
        from .loan_dialogs import RepaymentDialog

        d = self.loanPanel.detail
        dlg = RepaymentDialog(self.ctx, d.number if d else None, self)
        dlg.open()
        return dlg

    def selected_product(self) -> str | None:
        idx = self.balancesTable.currentIndex()
        row = self.balancesModel.row(idx) if idx.isValid() else None
        if row is None and self.balancesModel.rows:
            row = self.balancesModel.rows[0]
        return row.product_code if row is not None else None

    def load_statement(self) -> None:
        code = self.selected_product()
        if code is None:
            self.statementModel.set_rows([])
            return
        try:
            st = savings_service.statement(
                self.ctx.db,
                self.number,
                code,
                to_date(self.fromEdit.date()),
                to_date(self.toEdit.date()),
                actor=self.ctx.actor,
            )
        except ValidationError as exc:
            self.statementSummary.setText(exc.message(self.ctx.lang))
            self.statementModel.set_rows([])
            return
        self.statementModel.set_rows(list(st.rows))
        # a passbook reads oldest first (running balance); it opens on the latest rows
        self.statementTable.scrollToBottom()
        self.statementSummary.setText(
            self.tr(
                "Saldo awal {opening} · masuk {inn} · keluar {out} · saldo akhir {closing}"
            ).format(
                opening=rp(st.opening),
                inn=rp(st.total_in),
                out=rp(st.total_out),
                closing=rp(st.closing),
            )
        )

    def edit(self) -> MemberDialog:
        dlg = MemberDialog(self.ctx, self.detail, self)
        dlg.open()
        return dlg

    def savings_dialog(self, mode: str) -> QDialog:
        from .savings import SavingsTxDialog

        dlg = SavingsTxDialog(self.ctx, mode, self.number, self.selected_product(), self)
        dlg.open()
        return dlg

    def document_options(self, report: str) -> dict[str, Any] | None:
        """The Laporan page options that print ``report`` for this member (None: nothing
        to print, e.g. no loan or no receipt yet)."""
        options: dict[str, Any] = {"report": report, "member": self.number}
        if report in LOAN_PAPERS:
            loan = self.loanPanel.detail
            if loan is None:
                return None
            options["loan"] = loan.number
        if report == "kuitansi":
            receipts = [r.receipt_no for r in self.ledgerModel.rows if r.receipt_no]
            if not receipts:
                return None
            options["receipt"] = receipts[0]
        return options

    def print_document(self, report: str) -> None:
        options = self.document_options(report)
        if options is None:
            dialogs.inform(self, self.tr("Dokumen"), self.tr("Belum ada data untuk dokumen ini."))
            return
        loan = self.loanPanel.detail
        if report == "surat-lunas" and loan is not None and loan.status != "lunas":
            dialogs.inform(
                self,
                self.tr("Dokumen"),
                self.tr(
                    "Pinjaman {0} belum lunas; surat keterangan lunas hanya untuk pinjaman "
                    "yang sudah lunas."
                ).format(loan.number),
            )
            return
        self.accept()
        self.ctx.bus.navigate.emit("reports", options)

    def exit_member(self) -> ExitMemberDialog:
        dlg = ExitMemberDialog(self.ctx, self.detail, self)
        dlg.open()
        return dlg


class ExitMemberDialog(QDialog):
    """End a membership: the service settles the savings (and loans) and pays out the rest."""

    def __init__(
        self, ctx: AppContext, detail: MemberDetail, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.detail = detail
        self.setObjectName("exitMemberDialog")
        self.setWindowTitle(self.tr("Keluar dari keanggotaan"))
        layout = QVBoxLayout(self)
        layout.addWidget(
            QLabel(
                self.tr(
                    "<b>{name}</b> ({number}) keluar dari koperasi. Seluruh simpanan dikembalikan "
                    "tunai setelah dipotong pinjaman yang belum lunas."
                ).format(name=detail.name, number=detail.number)
            )
        )
        form = QFormLayout()
        self.statusCombo = QComboBox()
        self.statusCombo.setObjectName("exitStatusCombo")
        self.statusCombo.addItem(status_label("keluar", ctx.lang), "keluar")
        self.statusCombo.addItem(status_label("meninggal", ctx.lang), "meninggal")
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("exitDateEdit")
        self.reasonEdit = QLineEdit()
        self.reasonEdit.setObjectName("exitReasonEdit")
        form.addRow(self.tr("Status"), self.statusCombo)
        form.addRow(self.tr("Tanggal"), self.dateEdit)
        form.addRow(self.tr("Alasan"), self.reasonEdit)
        self.reasonError = QLabel()
        form.addRow("", self.reasonError)
        layout.addLayout(form)
        self.generalError = QLabel()
        layout.addWidget(self.generalError)
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("reason", self.reasonEdit, self.reasonError)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(self.tr("Proses keluar"))
        buttons.button(QDialogButtonBox.StandardButton.Ok).setObjectName("confirmExitButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def confirm(self) -> None:
        ctx, d = self.ctx, self.detail
        reason = self.reasonEdit.text()
        date = to_date(self.dateEdit.date())
        status = self.statusCombo.currentData()
        self.errors.clear()

        def done(result: member_exit.ExitResult) -> None:
            self.accept()
            dialogs.inform(
                self.parentWidget(),
                self.tr("Keanggotaan berakhir"),
                self.tr(
                    "Dikembalikan tunai: {paid}\nDipotong untuk pinjaman: {offset}\nKuitansi: {receipts}"
                ).format(
                    paid=rp(result.returned),
                    offset=rp(result.offset_against_loans),
                    receipts=", ".join(result.receipts) or "-",
                ),
            )

        ctx.write(
            lambda: member_exit.exit_member(ctx.db, ctx.actor, d.number, date, reason, status),
            changes={MEMBERS, GROUPS, SAVINGS, LEDGER},
            on_done=done,
            on_error=self.errors.show,
            parent=self,
        )


def loan_status_label(code: str, lang: str) -> str:
    pair = loan_core.STATUS_LABELS.get(code)
    return (pair[0] if lang == "id" else pair[1]) if pair else code


def kind_label(kind: str, lang: str) -> str:
    pair = savings_service.KIND_LABELS.get(kind)
    return (pair[0] if lang == "id" else pair[1]) if pair else kind

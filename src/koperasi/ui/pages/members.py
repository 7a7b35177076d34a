"""Anggota: the lazy member list; the form is in member_dialog.py, the detail in member_detail.py."""

from __future__ import annotations

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
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ...domain.vocabulary import MemberStatus
from ...services import groups as groups_service
from ...services import members as members_service
from ...services.changes import Area
from ...services.members import MemberDetail, MemberRow
from ..context import AppContext
from .base import DataTable, HeaderedModel, Index, Page, fmt_date, setup_table
from .member_detail import MemberDetailDialog
from .member_dialog import MemberDialog
from .member_labels import status_label

PAGE_SIZE = 200


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
    # the list refreshes after money moved too, as it did when each write named the member
    # list among its changes (a deposit can make a member active)
    areas = frozenset({Area.MEMBERS, Area.GROUPS, Area.SAVINGS, Area.LOANS})
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
        for code in (
            MemberStatus.ACTIVE,
            MemberStatus.CANDIDATE,
            MemberStatus.LEFT,
            MemberStatus.DECEASED,
        ):
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

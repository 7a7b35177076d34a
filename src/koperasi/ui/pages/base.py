"""What every page has: the context, refresh on the changes it cares about, small helpers."""

from __future__ import annotations

import datetime as dt
from typing import Any

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtWidgets import QHeaderView, QLabel, QTableView, QWidget

from ..context import AppContext
from ..widgets import rp

Index = QModelIndex | QPersistentModelIndex


class Page(QWidget):
    """A page of the main window. ``areas`` are the change areas that make it refresh; a
    hidden page refreshes when it is shown again."""

    areas: frozenset[str] = frozenset()

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self._stale = True
        ctx.bus.changed.connect(self._on_changed)

    def _on_changed(self, areas: set[str]) -> None:
        if not (self.areas & set(areas)):
            return
        if self.isVisible():
            self.refresh()
        else:
            self._stale = True

    def showEvent(self, event) -> None:  # noqa: N802
        super().showEvent(event)
        if self._stale:
            self._stale = False
            self.refresh()

    def refresh(self) -> None:  # pragma: no cover - overridden
        pass


def placeholder_label(text: str, parent: QWidget | None = None) -> QLabel:
    label = QLabel(text, parent)
    label.setWordWrap(True)
    label.setAlignment(Qt.AlignmentFlag.AlignCenter)
    label.setStyleSheet("color: #555; font-size: 12pt; padding: 24px;")
    return label


class DataTable(QTableView):
    """A table that sizes its columns to what it shows (visible rows only, so a lazy model
    is never walked) and lets one column take the remaining width."""

    stretch_column: int | None = None

    def setModel(self, model) -> None:  # noqa: N802
        super().setModel(model)
        # size columns on the first rows only (a long list is never walked for it); not
        # "the rows in view": a table not laid out yet sees too few and cuts the others
        self.horizontalHeader().setResizeContentsPrecision(60)
        if model is not None:
            model.modelReset.connect(self._fit)
            model.rowsInserted.connect(self._fit_first)
            self._fit()

    def _fit_first(self, _parent: object, first: int, _last: int) -> None:
        if first == 0:
            self._fit()

    def _fit(self) -> None:
        header = self.horizontalHeader()
        self.resizeColumnsToContents()
        for col in range(header.count()):
            width = header.sectionSize(col)
            if width > 260:
                header.resizeSection(col, 260)
        if self.stretch_column is not None and self.stretch_column < header.count():
            header.setSectionResizeMode(self.stretch_column, QHeaderView.ResizeMode.Stretch)


def setup_table(view: QTableView, name: str, stretch_column: int | None = None) -> QTableView:
    view.setObjectName(name)
    view.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
    view.setSelectionMode(QTableView.SelectionMode.SingleSelection)
    view.setAlternatingRowColors(True)
    view.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
    view.verticalHeader().setVisible(False)
    view.verticalHeader().setDefaultSectionSize(24)
    view.horizontalHeader().setHighlightSections(False)
    if isinstance(view, DataTable):
        view.stretch_column = stretch_column
    return view


def fmt_date(value: dt.date | None) -> str:
    return value.strftime("%d/%m/%Y") if value else ""


class HeaderedModel(QAbstractTableModel):
    """A flat table whose column titles are ``self.headers``."""

    headers: list[str]

    def columnCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.headers)

    def headerData(
        self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole
    ) -> Any:  # noqa: N802
        if (
            orientation == Qt.Orientation.Horizontal
            and role == Qt.ItemDataRole.DisplayRole
            and 0 <= section < len(self.headers)
        ):
            return self.headers[section]
        return None


class PagedModel(HeaderedModel):
    """Rows fetched a page at a time as the view scrolls (keyset paging on the last row
    shown), so a list of any length opens at once. Subclasses give :meth:`fetch_page`."""

    page_size = 200

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.rows: list[Any] = []
        self.exhausted = False
        self.headers = []

    def fetch_page(self, last: Any | None, limit: int) -> list[Any]:  # pragma: no cover
        raise NotImplementedError

    def reset_rows(self) -> None:
        """Forget the rows and fetch the first page again (after the filters changed)."""
        self.beginResetModel()
        self.rows, self.exhausted = [], False
        self.endResetModel()
        self.fetchMore(QModelIndex())

    def canFetchMore(self, parent: Index = QModelIndex()) -> bool:  # noqa: N802, B008
        return not parent.isValid() and not self.exhausted

    def fetchMore(self, parent: Index = QModelIndex()) -> None:  # noqa: N802, B008
        if parent.isValid() or self.exhausted:
            return
        page = self.fetch_page(self.rows[-1] if self.rows else None, self.page_size)
        self.exhausted = len(page) < self.page_size
        if page:
            self.beginInsertRows(QModelIndex(), len(self.rows), len(self.rows) + len(page) - 1)
            self.rows.extend(page)
            self.endInsertRows()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)


class RowsModel(HeaderedModel):
    """A read-only table over a short list of frozen dataclasses (group lists, balances...).

    ``columns`` is a list of (header, getter, kind) where kind is "text", "money", "date"
    or "int"; money and numbers are right-aligned.
    """

    def __init__(self, columns: list[tuple[str, Any, str]], parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.columns = columns
        self.rows: list[Any] = []

    @property
    def headers(self) -> list[str]:  # type: ignore[override]
        """The titles of ``columns`` (which a subclass may replace, e.g. per file)."""
        return [c[0] for c in self.columns]

    def set_rows(self, rows: list[Any]) -> None:
        self.beginResetModel()
        self.rows = list(rows)
        self.endResetModel()

    def rowCount(self, parent: Index = QModelIndex()) -> int:  # noqa: N802, B008
        return 0 if parent.isValid() else len(self.rows)

    def row(self, index: Index) -> Any:
        if not index.isValid() or index.row() >= len(self.rows):
            return None
        return self.rows[index.row()]

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        if not (0 <= index.column() < len(self.columns)):
            return None
        _header, getter, kind = self.columns[index.column()]
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            value = getter(row)
            if value is None:
                return ""
            if kind == "money":
                return rp(value)
            if kind == "date":
                return fmt_date(value)
            if kind == "int":
                return f"{value:,}".replace(",", ".")
            return str(value)
        if role == Qt.ItemDataRole.TextAlignmentRole and kind in ("money", "int"):
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.UserRole:
            return row
        return None

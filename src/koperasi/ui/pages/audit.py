"""Jejak Audit: the Pengaturan tab that lists what was done, by whom, with before and after.

It calls services (audit, audit_checks) through the worker; the services enforce the roles."""

from __future__ import annotations

import json
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...messages import label
from ...services import audit as audit_service
from ...services import audit_checks
from ...services.audit import AuditFilter, AuditRow
from ...services.changes import EVERY_AREA
from .. import dialogs
from ..context import AppContext
from ..widgets import setup_date_edit, to_date
from .admin_common import fmt_datetime, user_error
from .base import DataTable, Index, Page, PagedModel, RowsModel, setup_table

PAGE_SIZE = PagedModel.page_size  # the audit list loads this many rows at a time


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, str):
        return value
    return json.dumps(value, ensure_ascii=False, sort_keys=True)


def audit_changes(row: AuditRow) -> list[tuple[str, str, str]]:
    """(field, before, after) of an audit row, one line per key of the before/after values."""
    before, after = row.before, row.after
    if isinstance(before, dict) or isinstance(after, dict):
        b = before if isinstance(before, dict) else {}
        a = after if isinstance(after, dict) else {}
        keys = list(b) + [k for k in a if k not in b]
        return [(str(k), _cell(b.get(k)), _cell(a.get(k))) for k in keys]
    if before is None and after is None:
        return []
    return [("", _cell(before), _cell(after))]


class AuditModel(PagedModel):
    """The audit trail, newest first, a page at a time (keyset on the row id)."""

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.filters = AuditFilter()
        self.exhausted = True  # nothing is read before the first reload
        self.headers = [
            self.tr("No."),
            self.tr("Waktu (UTC)"),
            self.tr("Pengguna"),
            self.tr("Tindakan"),
            self.tr("Data"),
            self.tr("Kunci"),
        ]

    def reload(self, filters: AuditFilter) -> None:
        self.filters = filters
        self.reset_rows()

    def fetch_page(self, last: AuditRow | None, limit: int) -> list[AuditRow]:
        return audit_service.list_audit(
            self.ctx.db,
            self.filters,
            after_id=last.id if last else None,
            limit=limit,
            actor=self.ctx.actor,
            newest_first=True,
        )

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if not index.isValid() or not 0 <= index.row() < len(self.rows):
            return None
        if not 0 <= index.column() < len(self.headers):
            return None
        r = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            return (
                str(r.id),
                fmt_datetime(r.at),
                r.username,
                label("audit_action", r.action, self.ctx.lang),
                r.entity,
                r.entity_id,
            )[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 3:
            return r.action  # the code, as the CLI's --action filter takes it
        if role == Qt.ItemDataRole.TextAlignmentRole and index.column() == 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ForegroundRole and r.action in (
            "user.login_failed",
            "user.locked",
        ):
            return QColor("#b00020")
        if role == Qt.ItemDataRole.UserRole:
            return r
        return None


class AuditPanel(Page):
    """Jejak Audit: who did what and when, with the values before and after; filters by
    user, action (a prefix such as ``savings.``), dates and text; "Periksa rantai" checks
    that no row was altered or removed outside the app."""

    areas = EVERY_AREA

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("auditPanel")
        layout = QVBoxLayout(self)
        filters = QHBoxLayout()
        self.userCombo = QComboBox()
        self.userCombo.setObjectName("auditUserCombo")
        self.userCombo.setEditable(True)
        self.userCombo.setMinimumWidth(120)
        self.actionCombo = QComboBox()
        self.actionCombo.setObjectName("auditActionCombo")
        self.actionCombo.setEditable(True)
        self.actionCombo.setMinimumWidth(160)
        self.dateCheck = QCheckBox(self.tr("Tanggal"))
        self.dateCheck.setObjectName("auditDateCheck")
        today = ctx.today()
        self.fromEdit = setup_date_edit(QDateEdit(), today.replace(day=1))
        self.fromEdit.setObjectName("auditFrom")
        self.toEdit = setup_date_edit(QDateEdit(), today)
        self.toEdit.setObjectName("auditTo")
        self.textEdit = QLineEdit()
        self.textEdit.setObjectName("auditTextEdit")
        self.textEdit.setPlaceholderText(self.tr("Cari teks (nomor anggota, nama, jumlah...)"))
        self.textEdit.setClearButtonEnabled(True)
        self.applyButton = QPushButton(self.tr("&Tampilkan"))
        self.applyButton.setObjectName("auditApplyButton")
        filters.addWidget(QLabel(self.tr("Pengguna")))
        filters.addWidget(self.userCombo)
        filters.addWidget(QLabel(self.tr("Tindakan")))
        filters.addWidget(self.actionCombo)
        filters.addWidget(self.dateCheck)
        filters.addWidget(self.fromEdit)
        filters.addWidget(QLabel(self.tr("s.d.")))
        filters.addWidget(self.toEdit)
        filters.addWidget(self.textEdit, 1)
        filters.addWidget(self.applyButton)
        layout.addLayout(filters)

        split = QSplitter(Qt.Orientation.Vertical)
        self.table = setup_table(DataTable(), "auditTable", stretch_column=5)
        self.model = AuditModel(ctx, self)
        self.table.setModel(self.model)
        split.addWidget(self.table)
        self.detailTable = setup_table(DataTable(), "auditDetailTable", stretch_column=2)
        self.detailModel = RowsModel(
            [
                (self.tr("Kolom"), lambda r: r[0], "text"),
                (self.tr("Sebelum"), lambda r: r[1], "text"),
                (self.tr("Sesudah"), lambda r: r[2], "text"),
            ],
            self,
        )
        self.detailTable.setModel(self.detailModel)
        split.addWidget(self.detailTable)
        split.setStretchFactor(0, 3)
        split.setStretchFactor(1, 1)
        layout.addWidget(split, 1)

        bottom = QHBoxLayout()
        self.chainButton = QPushButton(self.tr("Periksa &rantai"))
        self.chainButton.setObjectName("checkChainButton")
        self.chainButton.setToolTip(
            self.tr("Memastikan tidak ada catatan audit yang diubah atau dihapus di luar aplikasi")
        )
        self.chainLabel = QLabel()
        self.chainLabel.setObjectName("chainResultLabel")
        self.chainLabel.setWordWrap(True)
        bottom.addWidget(self.chainButton)
        bottom.addWidget(self.chainLabel, 1)
        layout.addLayout(bottom)

        self.fromEdit.setEnabled(False)
        self.toEdit.setEnabled(False)
        self.dateCheck.toggled.connect(self.fromEdit.setEnabled)
        self.dateCheck.toggled.connect(self.toEdit.setEnabled)
        self.applyButton.clicked.connect(self.load)
        self.textEdit.returnPressed.connect(self.load)
        self.userCombo.activated.connect(lambda _i: self.load())
        self.actionCombo.activated.connect(lambda _i: self.load())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self.show_detail())
        self.model.modelReset.connect(self.show_detail)
        self.chainButton.clicked.connect(self.check_chain)

    @staticmethod
    def _combo_value(combo: QComboBox) -> str | None:
        text = combo.currentText().strip()
        if combo.currentIndex() == 0 and text == combo.itemText(0):
            return None  # "Semua ..."
        i = combo.currentIndex()
        if i > 0 and text == combo.itemText(i) and combo.itemData(i):
            return str(combo.itemData(i))  # an action shown by its label: filter by its code
        return text or None

    def filters(self) -> AuditFilter:
        dated = self.dateCheck.isChecked()
        return AuditFilter(
            username=self._combo_value(self.userCombo),
            action=self._combo_value(self.actionCombo),
            date_from=to_date(self.fromEdit.date()) if dated else None,
            date_to=to_date(self.toEdit.date()) if dated else None,
            text=self.textEdit.text().strip() or None,
        )

    def _fill_choices(self) -> None:
        users, actions = audit_service.audit_choices(self.ctx.db, self.ctx.actor)
        for combo, values, everything in (
            (self.userCombo, users, self.tr("Semua pengguna")),
            (self.actionCombo, actions, self.tr("Semua tindakan")),
        ):
            current = combo.currentText() if combo.currentIndex() != 0 else ""
            combo.blockSignals(True)
            combo.clear()
            combo.addItem(everything)
            prefixes = sorted({v.split(".")[0] + "." for v in values if "." in v})
            for v in (prefixes if combo is self.actionCombo else []) + values:
                if combo is self.actionCombo and not v.endswith("."):
                    shown = label("audit_action", v, self.ctx.lang)
                    combo.addItem(shown if shown == v else f"{shown} ({v})", v)
                else:
                    combo.addItem(v, v)
            if current:
                combo.setCurrentText(current)
            else:
                combo.setCurrentIndex(0)
            combo.blockSignals(False)

    def refresh(self) -> None:
        if not self.ctx.actor.can("read.all"):
            return
        self._fill_choices()
        self.load()

    def load(self) -> None:
        try:
            self.model.reload(self.filters())
        except KoperasiError as exc:
            dialogs.warn(self, self.tr("Jejak audit"), self.ctx.error_message(exc))

    def selected(self) -> AuditRow | None:
        idx = self.table.currentIndex()
        return (
            self.model.rows[idx.row()]
            if idx.isValid() and idx.row() < len(self.model.rows)
            else None
        )

    def show_detail(self) -> None:
        r = self.selected()
        self.detailModel.set_rows(audit_changes(r) if r else [])

    def check_chain(self) -> None:
        ctx = self.ctx

        def done(report: audit_checks.ChainReport) -> None:
            if report.ok:
                self.chainLabel.setStyleSheet("color: #1a7f37;")
                self.chainLabel.setText(
                    self.tr(
                        "Rantai audit utuh: {n} catatan diperiksa, tidak ada yang diubah."
                    ).format(n=f"{report.rows:,}".replace(",", "."))
                )
                return
            lines = [
                f"{p.message(ctx.lang)} ({p.ref})" if p.ref else p.message(ctx.lang)
                for p in report.problems
            ]
            self.chainLabel.setStyleSheet("color: #b00020;")
            self.chainLabel.setText(
                self.tr("Rantai audit RUSAK ({n} masalah): {first}").format(
                    n=len(report.problems), first=lines[0]
                )
            )
            dialogs.warn(self, self.tr("Rantai audit rusak"), "\n".join(lines[:20]))

        self.chainLabel.setStyleSheet("")
        self.chainLabel.setText(self.tr("Memeriksa..."))
        ctx.read(
            lambda _progress: audit_checks.verify_audit_chain(ctx.db, ctx.actor),
            progress=self.tr("Memeriksa rantai jejak audit..."),
            on_done=done,
            on_error=user_error(ctx, self, self.tr("Jejak audit")),
            parent=self,
        )


__all__ = ["AuditModel", "AuditPanel", "audit_changes"]

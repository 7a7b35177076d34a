"""Choose the month a period job runs for (loan month-end, savings interest).

Only months that have ended are offered, newest first; the default is the last ended month.
Whether the job may run for it (closed month, an earlier month-end already booked) is the
service's rule: its message is shown by the caller.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ..reports.common import month_name
from ..services import clock

MONTHS_OFFERED = 24


class PeriodDialog(QDialog):
    """Pick an ended month, then ``on_chosen(year, month)`` runs (after the dialog closes)."""

    def __init__(
        self,
        today: dt.date,
        lang: str,
        title: str,
        text: str,
        ok_text: str,
        on_chosen: Callable[[int, int], None],
        parent: QWidget | None = None,
        object_name: str = "periodDialog",
    ) -> None:
        super().__init__(parent)
        self.setObjectName(object_name)
        self.setWindowTitle(title)
        self.on_chosen = on_chosen
        self.setMinimumWidth(460)
        layout = QVBoxLayout(self)
        info = QLabel(text)
        info.setWordWrap(True)
        layout.addWidget(info)
        form = QFormLayout()
        self.periodCombo = QComboBox()
        self.periodCombo.setObjectName("periodCombo")
        self.months = clock.ended_months(MONTHS_OFFERED, today)
        for y, m in self.months:
            self.periodCombo.addItem(month_name(y, m, lang))
        self.periodCombo.setCurrentIndex(0)  # the last month that has ended
        form.addRow(self.tr("&Periode"), self.periodCombo)
        layout.addLayout(form)
        note = QLabel(
            self.tr(
                "Hanya bulan yang sudah berakhir yang dapat diproses (hari ini {today})."
            ).format(today=today.strftime("%d/%m/%Y"))
        )
        note.setWordWrap(True)
        layout.addWidget(note)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.okButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText(ok_text)
        self.okButton.setObjectName("periodOkButton")
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def period(self) -> tuple[int, int]:
        return self.months[max(0, self.periodCombo.currentIndex())]

    def select(self, year: int, month: int) -> bool:
        if (year, month) not in self.months:
            return False
        self.periodCombo.setCurrentIndex(self.months.index((year, month)))
        return True

    def accept(self) -> None:
        year, month = self.period()
        super().accept()
        self.on_chosen(year, month)

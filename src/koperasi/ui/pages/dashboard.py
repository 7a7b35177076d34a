"""Beranda: the cooperative at a glance, each number a door to the list behind it."""

from __future__ import annotations

from PySide6.QtCharts import (
    QAbstractBarSeries,
    QBarCategoryAxis,
    QBarSeries,
    QBarSet,
    QChart,
    QChartView,
    QHorizontalBarSeries,
    QPieSeries,
    QPieSlice,
    QValueAxis,
)
from PySide6.QtCore import QMargins, Qt, Signal
from PySide6.QtGui import QColor, QPainter
from PySide6.QtWidgets import QFrame, QGridLayout, QHBoxLayout, QLabel, QVBoxLayout, QWidget

from ...domain.vocabulary import LoanStatus, MemberStatus
from ...messages.text import pick
from ...services import ui_queries
from ...services.changes import Area
from ...services.ui_queries import Dashboard
from ..context import AppContext
from ..widgets import rp
from .base import Page
from .loan_labels import class_label


def _n(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def wrap_label(text: str, width: int = 15) -> str:
    """A category name on lines of at most ``width`` characters (broken between words), so
    that a chart axis shows it whole instead of cutting it ("Penerima bantuan...")."""
    lines: list[str] = []
    for word in text.split():
        if lines and len(lines[-1]) + 1 + len(word) <= width:
            lines[-1] += " " + word
        else:
            lines.append(word)
    return "<br>".join(lines) or text  # axis labels are rich text


class Card(QFrame):
    """A number with a caption; clicking it opens the list behind the number."""

    clicked = Signal()

    def __init__(self, name: str, caption: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName(name)
        self.setFrameShape(QFrame.Shape.StyledPanel)
        self.setCursor(Qt.CursorShape.PointingHandCursor)
        self.setStyleSheet(
            f"QFrame#{name} {{ background: #ffffff; border: 1px solid #d0d7de; border-radius: 6px; }}"
            f"QFrame#{name}:hover {{ border-color: #1f6feb; }}"
        )
        layout = QVBoxLayout(self)
        layout.setContentsMargins(12, 8, 12, 8)
        self.caption = QLabel(caption)
        self.caption.setStyleSheet("color: #57606a;")
        self.value = QLabel("…")
        self.value.setObjectName(f"{name}Value")
        self.value.setStyleSheet("font-size: 18pt; font-weight: 600; color: #1f2328;")
        self.detail = QLabel()
        self.detail.setObjectName(f"{name}Detail")
        self.detail.setStyleSheet("color: #57606a;")
        self.detail.setWordWrap(True)
        for w in (self.caption, self.value, self.detail):
            layout.addWidget(w)

    def set(self, value: str, detail: str = "") -> None:
        self.value.setText(value)
        self.detail.setText(detail)

    def mouseReleaseEvent(self, event) -> None:  # noqa: N802
        if event.button() == Qt.MouseButton.LeftButton and self.rect().contains(
            event.position().toPoint()
        ):
            self.clicked.emit()
        super().mouseReleaseEvent(event)


def _unit(amounts: list[int]) -> int:
    """Millions when the largest amount is at least ten million, else thousands."""
    return 1_000_000 if max([*amounts, 0]) >= 10_000_000 else 1_000


def _chart_view(name: str, title: str) -> QChartView:
    chart = QChart()
    chart.setTitle(title)
    chart.setAnimationOptions(QChart.AnimationOption.NoAnimation)
    chart.setMargins(QMargins(4, 4, 4, 4))
    chart.legend().setAlignment(Qt.AlignmentFlag.AlignBottom)
    view = QChartView(chart)
    view.setObjectName(name)
    view.setRenderHint(QPainter.RenderHint.Antialiasing)
    view.setMinimumHeight(220)
    return view


class DashboardPage(Page):
    areas = frozenset(
        {Area.MEMBERS, Area.GROUPS, Area.SAVINGS, Area.LEDGER, Area.SETTINGS, Area.LOANS}
    )
    navigate = Signal(str, object)  # page key, options

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("dashboardPage")
        layout = QVBoxLayout(self)
        head = QHBoxLayout()
        self.title = QLabel(self.tr("<h2>Beranda</h2>"))
        self.title.setObjectName("dashboardTitle")
        head.addWidget(self.title, 1)
        self.asOf = QLabel()
        self.asOf.setObjectName("dashboardAsOf")
        head.addWidget(self.asOf)
        layout.addLayout(head)

        grid = QGridLayout()
        self.cards: dict[str, Card] = {}
        specs = [
            (
                "members",
                "dashboardMembersCard",
                self.tr("Anggota aktif"),
                ("members", {"status": MemberStatus.ACTIVE.value}),
            ),
            ("savings", "dashboardSavingsCard", self.tr("Simpanan anggota"), ("savings", {})),
            ("cash", "dashboardCashCard", self.tr("Kas dan bank"), ("ledger", {"tab": 0})),
            (
                "surplus",
                "dashboardSurplusCard",
                self.tr("SHU berjalan (tahun ini)"),
                ("ledger", {"tab": 2}),
            ),
            (
                "loans",
                "dashboardLoansCard",
                self.tr("Pinjaman beredar"),
                ("loans", {"status": LoanStatus.ACTIVE.value}),
            ),
            (
                "par30",
                "dashboardPar30Card",
                self.tr("PAR30 (tunggakan ≥ 30 hari)"),
                ("loans", {"tab": "arrears"}),
            ),
            (
                "due",
                "dashboardDueCard",
                self.tr("Angsuran jatuh tempo minggu ini"),
                ("loans", {"tab": "due"}),
            ),
            (
                "new",
                "dashboardNewMembersCard",
                self.tr("Anggota baru bulan ini"),
                ("members", {"sort": "join_date"}),
            ),
        ]
        for i, (key, name, caption, target) in enumerate(specs):
            card = Card(name, caption)
            card.clicked.connect(lambda t=target: self.navigate.emit(t[0], t[1]))
            self.cards[key] = card
            grid.addWidget(card, i // 4, i % 4)
        layout.addLayout(grid)

        charts = QHBoxLayout()
        self.genderChart = _chart_view("genderChart", self.tr("Anggota menurut jenis kelamin"))
        self.savingsChart = _chart_view("savingsChart", self.tr("Simpanan (juta Rp)"))
        self.categoryChart = _chart_view(
            "categoryChart", self.tr("Anggota menurut kategori kerentanan")
        )
        self.loanChart = _chart_view(
            "loanQualityChart", self.tr("Kolektibilitas pinjaman (juta Rp)")
        )
        for v, stretch in (
            (self.genderChart, 2),
            (self.savingsChart, 2),
            (self.categoryChart, 3),
            (self.loanChart, 3),
        ):
            charts.addWidget(v, stretch)
        layout.addLayout(charts, 1)
        self.data: Dashboard | None = None

    def refresh(self) -> None:
        ctx = self.ctx
        as_of = ctx.today()
        ctx.read(lambda: ui_queries.dashboard(ctx.db, as_of, ctx.actor), on_done=self.show_data)

    def show_data(self, d: Dashboard) -> None:
        self.data = d
        lang = self.ctx.lang
        self.asOf.setText(self.tr("per {date}").format(date=d.as_of.strftime("%d/%m/%Y")))
        women = next((r.count for r in d.by_gender if r.key == "P"), 0)
        men = next((r.count for r in d.by_gender if r.key == "L"), 0)
        self.cards["members"].set(
            _n(d.members_active),
            self.tr("{w} perempuan · {m} laki-laki · {t} terdaftar").format(
                w=_n(women), m=_n(men), t=_n(d.members_total)
            ),
        )
        self.cards["savings"].set(
            rp(d.savings_total),
            " · ".join(
                f"{s.product_name.replace('Simpanan ', '')} {rp(s.total)}" for s in d.savings
            ),
        )
        self.cards["cash"].set(rp(d.cash))
        self.cards["surplus"].set(
            rp(d.surplus_ytd),
            self.tr("pendapatan {i} · beban {e}").format(i=rp(d.income_ytd), e=rp(d.expense_ytd)),
        )
        lf = d.loan_figures
        self.cards["loans"].set(
            rp(d.loans_outstanding), self.tr("{n} pinjaman aktif").format(n=_n(lf.active))
        )
        self.cards["par30"].set(
            f"{lf.par30:.1f} %".replace(".", ","),
            self.tr("{amount} berisiko · {late} pinjaman menunggak").format(
                amount=rp(lf.at_risk30), late=_n(lf.late)
            ),
        )
        self.cards["due"].set(rp(lf.due_this_week))
        self.cards["new"].set(_n(d.members_new_this_month))

        # charts
        pie = QPieSeries()
        for r in d.by_gender:
            sl = pie.append(pick((r.label_id, r.label_en), lang), r.count)
            sl.setLabelVisible(False)
            if r.count:  # the count on the slice, the name (short) in the legend
                sl.setLabel(_n(r.count))
                sl.setLabelVisible(True)
                sl.setLabelPosition(QPieSlice.LabelPosition.LabelInsideHorizontal)
                sl.setLabelColor(QColor("white"))
        chart = self.genderChart.chart()
        markers = []
        chart.removeAllSeries()
        chart.addSeries(pie)
        markers = chart.legend().markers(pie)
        for marker, r in zip(markers, d.by_gender, strict=False):
            marker.setLabel(pick((r.label_id, r.label_en), lang))

        # money in whole millions (or thousands when small): bar labels are whole numbers,
        # never "38.25" with an English decimal point (chart scale only, no money arithmetic)
        savings_unit = _unit([s.total for s in d.savings])
        self.savingsChart.chart().setTitle(
            self.tr("Simpanan ({unit})").format(unit=self._unit_text(savings_unit))
        )
        self._bar_chart(
            self.savingsChart.chart(),
            [s.product_name.replace("Simpanan ", "") for s in d.savings],
            [round(s.total / savings_unit) for s in d.savings],
            self.tr("Saldo"),
            horizontal=True,
        )
        loan_unit = _unit([out for _c, _n_loans, out in lf.by_class])
        self.loanChart.chart().setTitle(
            self.tr("Kolektibilitas pinjaman ({unit})").format(unit=self._unit_text(loan_unit))
        )
        self._bar_chart(
            self.loanChart.chart(),
            [class_label(c, lang) for c, _n_loans, _out in lf.by_class],
            [round(out / loan_unit) for _c, _n_loans, out in lf.by_class],
            self.tr("Sisa pokok"),
            horizontal=True,
        )
        self._bar_chart(
            self.categoryChart.chart(),
            [wrap_label(pick((r.label_id, r.label_en), lang)) for r in d.by_category],
            [r.count for r in d.by_category],
            self.tr("Anggota"),
            horizontal=True,
        )

    def _unit_text(self, unit: int) -> str:
        return self.tr("juta Rp") if unit == 1_000_000 else self.tr("ribu Rp")

    @staticmethod
    def _bar_chart(
        chart: QChart, labels: list[str], values: list, name: str, horizontal: bool
    ) -> None:
        chart.removeAllSeries()
        for axis in chart.axes():
            chart.removeAxis(axis)
        bar = QBarSet(name)
        bar.append(values)
        bar.setLabelColor(QColor("#1f2328"))
        series = QHorizontalBarSeries() if horizontal else QBarSeries()
        series.append(bar)
        series.setLabelsVisible(True)
        series.setLabelsPrecision(12)  # whole numbers, never in exponent form
        # beside the bar's end: a short bar's value is not squeezed inside it
        series.setLabelsPosition(QAbstractBarSeries.LabelsPosition.LabelsOutsideEnd)
        chart.addSeries(series)
        cats = QBarCategoryAxis()
        cats.append(labels)
        vals = QValueAxis()
        vals.setLabelFormat("%.0f")
        top = max([*values, 0])
        if top <= 0:  # nothing yet: an honest empty axis, not "0 0 1 1 1"
            vals.setRange(0, 4)
            vals.setTickCount(5)
        else:
            vals.setRange(0, top * 1.25)  # room for the value beside the longest bar
            vals.applyNiceNumbers()  # whole ticks (0 10 20 30 40), never repeated
        if horizontal:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignLeft)
            chart.addAxis(vals, Qt.AlignmentFlag.AlignBottom)
        else:
            chart.addAxis(cats, Qt.AlignmentFlag.AlignBottom)
            chart.addAxis(vals, Qt.AlignmentFlag.AlignLeft)
        series.attachAxis(cats)
        series.attachAxis(vals)
        chart.legend().setVisible(False)

"""RAT: what the annual members' meeting needs that the books do not give by themselves.

For a financial year (chosen at the top), in tabs: the budget grid (next year's RAPB, with
this year's budget and actual beside it; import from Excel), the board's and the
supervisors' reports (text started from a template with the year's figures), the meeting
(date, place, members entitled and present, quorum per the statutes' rule, agenda,
decisions), the governance questions of the health rating (with the resulting score), and
the register of board, supervisors and staff. The RAT book itself is in Laporan ("Buku
RAT"); the button here opens it there.

Writes go through ``ctx.write``; their buttons carry object names the role guard knows
(``rat.write``), so a pengawas sees everything and changes nothing.
"""

from __future__ import annotations

from typing import Any

from PySide6.QtCore import QDate, Qt
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...domain import health_rating as hr
from ...domain.money import MoneyParseError, parse_rupiah
from ...domain.quorum import QuorumRule
from ...errors import KoperasiError
from ...messages.text import pick
from ...services.changes import Area
from ...services.rat import budget, health, records
from .. import dialogs
from ..context import AppContext
from ..widgets import rp, setup_date_edit, to_date, to_qdate
from .base import Page, fmt_date
from .rat_officers import OfficersPanel

QUORUM_RULES = (
    QuorumRule(">", 1, 2),
    QuorumRule(">=", 1, 2),
    QuorumRule(">", 2, 3),
    QuorumRule(">=", 2, 3),
)


def _item(text: str, editable: bool = False, right: bool = False) -> QTableWidgetItem:
    it = QTableWidgetItem(text)
    flags = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
    if editable:
        flags |= Qt.ItemFlag.ItemIsEditable
    it.setFlags(flags)
    if right:
        it.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
    return it


class RatPage(Page):
    areas = frozenset({Area.RAT, Area.LEDGER, Area.MEMBERS, Area.SETTINGS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("ratPage")
        self.accounts: list[tuple[str, str, str, str | None]] = []
        outer = QVBoxLayout(self)
        top = QHBoxLayout()
        title = QLabel(self.tr("Rapat Anggota Tahunan (RAT)"))
        title.setStyleSheet("font-size: 14pt; font-weight: 600;")
        top.addWidget(title)
        top.addStretch(1)
        top.addWidget(QLabel(self.tr("Tahun buku")))
        self.yearSpin = QSpinBox()
        self.yearSpin.setObjectName("ratYearSpin")
        self.yearSpin.setRange(2000, 2100)
        self.yearSpin.setValue(ctx.today().year - 1)
        self.yearSpin.valueChanged.connect(lambda _v: self.refresh())
        top.addWidget(self.yearSpin)
        self.openBookButton = QPushButton(self.tr("Buka Buku RAT..."))
        self.openBookButton.setObjectName("openRatBookButton")
        self.openBookButton.clicked.connect(self.open_book)
        top.addWidget(self.openBookButton)
        outer.addLayout(top)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("ratTabs")
        outer.addWidget(self.tabs, 1)
        self._budget_tab()
        self._texts_tab()
        self._meeting_tab()
        self._governance_tab()
        self._officers_tab()

    def year(self) -> int:
        return self.yearSpin.value()

    # ------------------------------------------------------------ tabs
    def _budget_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.budgetNote = QLabel(wordWrap=True)
        lay.addWidget(self.budgetNote)
        self.budgetTable = QTableWidget(0, 5)
        self.budgetTable.setObjectName("budgetTable")
        self.budgetTable.verticalHeader().setVisible(False)
        self.budgetTable.setAlternatingRowColors(True)
        lay.addWidget(self.budgetTable, 1)
        row = QHBoxLayout()
        self.budgetTotals = QLabel()
        self.budgetTotals.setObjectName("budgetTotals")
        row.addWidget(self.budgetTotals, 1)
        self.importBudgetButton = QPushButton(self.tr("Impor dari Excel..."))
        self.importBudgetButton.setObjectName("importBudgetButton")
        self.importBudgetButton.clicked.connect(self.import_budget)
        self.saveBudgetButton = QPushButton(self.tr("Simpan RAPB"))
        self.saveBudgetButton.setObjectName("saveBudgetButton")
        self.saveBudgetButton.clicked.connect(self.save_budget)
        row.addWidget(self.importBudgetButton)
        row.addWidget(self.saveBudgetButton)
        lay.addLayout(row)
        self.tabs.addTab(w, self.tr("Anggaran (RAPB)"))

    def _texts_tab(self) -> None:
        w = QWidget()
        lay = QHBoxLayout(w)
        self.textEdits: dict[str, QPlainTextEdit] = {}
        self.textStatus: dict[str, QLabel] = {}
        for kind, label, name in (
            (records.BOARD, self.tr("Laporan pertanggungjawaban pengurus"), "Board"),
            (records.SUPERVISORS, self.tr("Laporan pengawas"), "Supervisors"),
        ):
            box = QGroupBox(label)
            v = QVBoxLayout(box)
            edit = QPlainTextEdit()
            edit.setObjectName(f"text{name}Edit")
            status = QLabel()
            status.setObjectName(f"text{name}Status")
            status.setWordWrap(True)
            buttons = QHBoxLayout()
            tmpl = QPushButton(self.tr("Isi dari templat"))
            tmpl.setObjectName(f"template{name}Button")
            tmpl.clicked.connect(lambda _c=False, k=kind: self.fill_template(k))
            save = QPushButton(self.tr("Simpan laporan"))
            save.setObjectName(f"save{name}TextButton")
            save.clicked.connect(lambda _c=False, k=kind: self.save_text(k))
            buttons.addWidget(status, 1)
            buttons.addWidget(tmpl)
            buttons.addWidget(save)
            v.addWidget(edit, 1)
            v.addLayout(buttons)
            lay.addWidget(box, 1)
            self.textEdits[kind] = edit
            self.textStatus[kind] = status
        self.tabs.addTab(w, self.tr("Laporan pengurus dan pengawas"))

    def _meeting_tab(self) -> None:
        w = QWidget()
        lay = QHBoxLayout(w)
        left = QFormLayout()
        self.heldCheck = QCheckBox(self.tr("Tanggal rapat"))
        self.heldCheck.setObjectName("meetingHeldCheck")
        self.heldEdit = setup_date_edit(QDateEdit(), self.ctx.today())
        self.heldEdit.setObjectName("meetingDateEdit")
        self.heldEdit.setEnabled(False)
        self.heldCheck.toggled.connect(self.heldEdit.setEnabled)
        self.placeEdit = QLineEdit()
        self.placeEdit.setObjectName("meetingPlaceEdit")
        self.entitledSpin = QSpinBox()
        self.entitledSpin.setObjectName("meetingEntitledSpin")
        self.entitledSpin.setRange(0, 10_000_000)
        self.presentSpin = QSpinBox()
        self.presentSpin.setObjectName("meetingPresentSpin")
        self.presentSpin.setRange(-1, 10_000_000)
        self.presentSpin.setSpecialValueText(self.tr("belum diisi"))
        self.quorumLabel = QLabel()
        self.quorumLabel.setObjectName("quorumLabel")
        self.quorumLabel.setWordWrap(True)
        self.entitledSpin.valueChanged.connect(lambda _v: self._show_quorum())
        self.presentSpin.valueChanged.connect(lambda _v: self._show_quorum())
        left.addRow(self.heldCheck, self.heldEdit)
        left.addRow(self.tr("Tempat"), self.placeEdit)
        left.addRow(self.tr("Anggota yang berhak hadir"), self.entitledSpin)
        left.addRow(self.tr("Anggota yang hadir"), self.presentSpin)
        left.addRow(self.tr("Kuorum"), self.quorumLabel)
        rule_row = QHBoxLayout()
        self.quorumRuleCombo = QComboBox()
        self.quorumRuleCombo.setObjectName("quorumRuleCombo")
        for rule in QUORUM_RULES:
            self.quorumRuleCombo.addItem(pick(rule.label(), self.ctx.lang), rule)
        self.saveQuorumRuleButton = QPushButton(self.tr("Simpan aturan"))
        self.saveQuorumRuleButton.setObjectName("saveQuorumRuleButton")
        self.saveQuorumRuleButton.clicked.connect(self.save_quorum_rule)
        rule_row.addWidget(self.quorumRuleCombo, 1)
        rule_row.addWidget(self.saveQuorumRuleButton)
        left.addRow(self.tr("Aturan kuorum (AD/ART)"), rule_row)
        self.saveMeetingButton = QPushButton(self.tr("Simpan data rapat"))
        self.saveMeetingButton.setObjectName("saveMeetingButton")
        self.saveMeetingButton.clicked.connect(self.save_meeting)
        left.addRow(self.saveMeetingButton)
        self.attendanceButton = QPushButton(self.tr("Cetak daftar hadir..."))
        self.attendanceButton.setObjectName("printAttendanceButton")
        self.attendanceButton.clicked.connect(
            lambda: self.ctx.bus.navigate.emit(
                "reports", {"report": "daftar-hadir-rat", "year": self.year()}
            )
        )
        left.addRow(self.attendanceButton)
        lay.addLayout(left, 1)
        right = QVBoxLayout()
        right.addWidget(QLabel(self.tr("Acara rapat (satu per baris)")))
        self.agendaEdit = QPlainTextEdit()
        self.agendaEdit.setObjectName("meetingAgendaEdit")
        right.addWidget(self.agendaEdit, 1)
        right.addWidget(QLabel(self.tr("Keputusan rapat untuk berita acara (satu per baris)")))
        self.decisionsEdit = QPlainTextEdit()
        self.decisionsEdit.setObjectName("meetingDecisionsEdit")
        right.addWidget(self.decisionsEdit, 1)
        lay.addLayout(right, 2)
        self.meeting: records.MeetingView | None = None
        self.tabs.addTab(w, self.tr("Rapat dan kuorum"))

    def _governance_tab(self) -> None:
        w = QWidget()
        lay = QVBoxLayout(w)
        self.ratingLabel = QLabel()
        self.ratingLabel.setObjectName("ratingLabel")
        self.ratingLabel.setWordWrap(True)
        self.ratingLabel.setStyleSheet("font-weight: 600;")
        lay.addWidget(self.ratingLabel)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        inner = QWidget()
        v = QVBoxLayout(inner)
        self.questionChecks: dict[str, QCheckBox] = {}
        for key, _aspect, label, questions in hr.QUESTION_GROUPS:
            box = QGroupBox(pick(label, self.ctx.lang))
            bv = QVBoxLayout(box)
            for q, q_id, q_en in questions:
                cb = QCheckBox(pick((q_id, q_en), self.ctx.lang))
                cb.setObjectName(f"question_{q}")
                bv.addWidget(cb)
                self.questionChecks[q] = cb
            v.addWidget(box)
            del key
        v.addStretch(1)
        scroll.setWidget(inner)
        lay.addWidget(scroll, 1)
        self.saveAnswersButton = QPushButton(self.tr("Simpan jawaban tata kelola"))
        self.saveAnswersButton.setObjectName("saveGovernanceButton")
        self.saveAnswersButton.clicked.connect(self.save_answers)
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(self.saveAnswersButton)
        lay.addLayout(row)
        self.tabs.addTab(w, self.tr("Kesehatan: tata kelola"))

    def _officers_tab(self) -> None:
        self.officersPanel = OfficersPanel(self.ctx, self)
        self.officerModel = self.officersPanel.model
        self.officerTable = self.officersPanel.table
        self.addOfficerButton = self.officersPanel.addOfficerButton
        self.removeOfficerButton = self.officersPanel.removeOfficerButton
        self.officersPanel.changed.connect(self.refresh)
        self.tabs.addTab(self.officersPanel, self.tr("Pengurus, pengawas, karyawan"))

    # ------------------------------------------------------------ loading
    def refresh(self) -> None:
        ctx, year = self.ctx, self.year()

        def load() -> dict[str, Any]:
            return {
                "accounts": budget.budget_accounts(ctx.db),
                "next": budget.get_budget(ctx.db, year + 1, actor=ctx.actor),
                "report": budget.budget_report(ctx.db, year, actor=ctx.actor),
                "actuals": budget.year_actuals(ctx.db, year, actor=ctx.actor),
                "texts": {
                    k: records.get_text(ctx.db, year, k, actor=ctx.actor)
                    for k in records.TEXT_KINDS
                },
                "meeting": records.get_meeting(ctx.db, year, actor=ctx.actor),
                "answers": records.get_answers(ctx.db, year, actor=ctx.actor),
                "rating": health.year_rating(ctx.db, year, actor=ctx.actor),
                "officers": records.list_officers(ctx.db, actor=ctx.actor),
            }

        ctx.read(load, on_done=self._loaded, on_error=self._error)

    def _loaded(self, d: dict[str, Any]) -> None:
        year = self.year()
        self.accounts = d["accounts"]
        this = {x.code: x for x in d["report"].lines if x.code}
        t = self.budgetTable
        t.setRowCount(0)
        t.setHorizontalHeaderLabels(
            [
                self.tr("Kode"),
                self.tr("Akun"),
                self.tr("Anggaran {year}").format(year=year),
                self.tr("Realisasi {year}").format(year=year),
                self.tr("RAPB {year}").format(year=year + 1),
            ]
        )
        for code, name, _type, parent in self.accounts:
            r = t.rowCount()
            t.insertRow(r)
            t.setItem(r, 0, _item(code))
            t.setItem(r, 1, _item(("    " if parent else "") + name))
            line = this.get(code)
            t.setItem(r, 2, _item(rp(line.budget) if line else "", right=True))
            actual = d["actuals"].get(code, 0)
            t.setItem(r, 3, _item(rp(actual) if actual or line else "", right=True))
            nxt = d["next"].get(code)
            t.setItem(
                r, 4, _item(f"{nxt:,}".replace(",", ".") if nxt else "", editable=True, right=True)
            )
        t.resizeColumnsToContents()
        t.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        for col in (2, 3, 4):
            t.setColumnWidth(col, max(t.columnWidth(col), 150))
        rep = d["report"]
        self.budgetNote.setText(
            self.tr(
                "Isi RAPB tahun {next} per akun pendapatan dan beban (akun induk menganggarkan "
                "seluruh subakunnya; jangan menganggarkan induk dan subakunnya sekaligus). "
                "Anggaran dan realisasi {year} di sampingnya."
            ).format(next=year + 1, year=year)
        )
        self.budgetTotals.setText(
            self.tr("SHU {year}: anggaran {budget}, realisasi {actual}").format(
                year=year, budget=rp(rep.surplus[0]), actual=rp(rep.surplus[1])
            )
        )
        for kind, view in d["texts"].items():
            self.textEdits[kind].setPlainText(view.body)
            self.textStatus[kind].setText(
                self.tr("Tersimpan {when} oleh {who}.").format(
                    when=fmt_date(view.updated_at.date()) if view.updated_at else "",
                    who=view.updated_by,
                )
                if view.saved
                else self.tr("Templat dengan angka tahun buku; belum disimpan.")
            )
        m: records.MeetingView = d["meeting"]
        self.meeting = m
        self.heldCheck.setChecked(m.held_on is not None)
        self.heldEdit.setDate(to_qdate(m.held_on) if m.held_on else QDate.currentDate())
        self.placeEdit.setText(m.place)
        self.entitledSpin.setValue(m.members_entitled)
        self.presentSpin.setValue(m.members_present if m.members_present is not None else -1)
        self.agendaEdit.setPlainText("\n".join(m.agenda))
        self.decisionsEdit.setPlainText("\n".join(m.decisions))
        i = self.quorumRuleCombo.findData(m.rule)
        if i < 0:
            self.quorumRuleCombo.addItem(pick(m.rule.label(), self.ctx.lang), m.rule)
            i = self.quorumRuleCombo.count() - 1
        self.quorumRuleCombo.setCurrentIndex(i)
        self._show_quorum()
        for q, cb in self.questionChecks.items():
            cb.setChecked(bool(d["answers"].get(q)))
        self._show_rating(d["rating"])
        self.officersPanel.model.set_rows(d["officers"])

    def _show_quorum(self) -> None:
        if self.meeting is None:
            return
        from ...domain.quorum import met, needed

        rule = self.meeting.rule
        entitled = self.entitledSpin.value()
        need = needed(rule, entitled)
        rule_text = pick(rule.label(), self.ctx.lang)
        present = self.presentSpin.value()
        if present < 0:
            state = self.tr("jumlah hadir belum diisi")
        elif met(rule, entitled, present):
            state = self.tr("kuorum tercapai")
        else:
            state = self.tr("kuorum tidak tercapai")
        self.quorumLabel.setText(
            self.tr("Aturan: {rule}; paling sedikit {need} hadir; {state}.").format(
                rule=rule_text, need=need, state=state
            )
        )

    def _show_rating(self, y: health.YearRating) -> None:
        r = y.rating
        parts = ", ".join(
            f"{pick(hr.ASPECT_LABELS[a.aspect], self.ctx.lang)} {a.score}" for a in r.aspects
        )
        outcome = pick(hr.OUTCOME_LABELS[r.outcome], self.ctx.lang)
        self.ratingLabel.setText(
            self.tr("Skor kesehatan {year}: {total} ({outcome}). Per aspek: {parts}.").format(
                year=y.year, total=r.total, outcome=outcome, parts=parts
            )
        )

    # ------------------------------------------------------------ actions
    def _error(self, exc: BaseException) -> bool:
        if isinstance(exc, KoperasiError):
            dialogs.warn(self, self.tr("RAT"), self.ctx.error_message(exc))
            return True
        return False

    def _saved(self, _value: object = None) -> None:
        self.refresh()

    def budget_amounts(self) -> dict[str, int] | None:
        out: dict[str, int] = {}
        t = self.budgetTable
        for r in range(t.rowCount()):
            code_item, amount_item = t.item(r, 0), t.item(r, 4)
            text = (amount_item.text() if amount_item else "").strip()
            if not text or code_item is None:  # every row filled has its account code
                continue
            code = code_item.text()
            try:
                out[code] = parse_rupiah(text)
            except MoneyParseError:
                dialogs.warn(
                    self,
                    self.tr("RAPB"),
                    self.tr("Anggaran akun {code} bukan jumlah rupiah yang sah: '{value}'.").format(
                        code=code, value=text
                    ),
                )
                t.setCurrentCell(r, 4)
                return None
        return out

    def save_budget(self) -> None:
        amounts = self.budget_amounts()
        if amounts is None:
            return
        ctx, year = self.ctx, self.year() + 1
        ctx.write(
            lambda: budget.set_budget(ctx.db, ctx.actor, year, amounts),
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )

    def import_budget(self) -> None:
        path, _f = QFileDialog.getOpenFileName(
            self, self.tr("Impor RAPB dari Excel"), "", self.tr("Buku kerja Excel (*.xlsx)")
        )
        if not path:
            return
        ctx, year = self.ctx, self.year() + 1
        ctx.write(
            lambda: budget.import_budget(ctx.db, ctx.actor, year, path),
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )

    def fill_template(self, kind: str) -> None:
        ctx, year = self.ctx, self.year()

        def template() -> str:
            from ...services.uow import read_only

            with read_only(ctx.db) as s:
                return records.template_in(s, year, kind)

        ctx.read(template, on_done=self.textEdits[kind].setPlainText, on_error=self._error)

    def save_text(self, kind: str) -> None:
        ctx, year, body = self.ctx, self.year(), self.textEdits[kind].toPlainText()
        ctx.write(
            lambda: records.save_text(ctx.db, ctx.actor, year, kind, body),
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )

    def meeting_input(self) -> records.MeetingInput:
        present = self.presentSpin.value()
        return records.MeetingInput(
            to_date(self.heldEdit.date()) if self.heldCheck.isChecked() else None,
            self.placeEdit.text(),
            self.entitledSpin.value(),
            None if present < 0 else present,
            self.agendaEdit.toPlainText(),
            self.decisionsEdit.toPlainText(),
        )

    def save_quorum_rule(self) -> None:
        ctx, rule = self.ctx, self.quorumRuleCombo.currentData()
        ctx.write(
            lambda: records.save_quorum_rule(ctx.db, ctx.actor, rule),
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )

    def save_meeting(self) -> None:
        ctx, year, data = self.ctx, self.year(), self.meeting_input()
        ctx.write(
            lambda: records.save_meeting(ctx.db, ctx.actor, year, data),
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )

    def save_answers(self) -> None:
        ctx, year = self.ctx, self.year()
        answers = {q: cb.isChecked() for q, cb in self.questionChecks.items()}
        ctx.write(
            lambda: records.save_answers(ctx.db, ctx.actor, year, answers),
            on_done=self._saved,
            on_error=self._error,
            parent=self,
        )

    def open_book(self) -> None:
        self.ctx.bus.navigate.emit("reports", {"report": "buku-rat", "year": self.year()})

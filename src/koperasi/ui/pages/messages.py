"""Pesan: messages to members. The day's list of whom to message (installments falling due,
arrears, deposits received, SHU paid, the RAT invitation), each with its WhatsApp
click-to-chat link; the gateway export; the templates; members' consent and opt-out; the log
of what was marked sent.

Nothing is sent by the app: "Buka WhatsApp" opens the link in the browser (the user's click),
the export is a file the user uploads to a gateway. Admin and bendahara edit templates and
consent; a ketua kelompok sees and marks sent their own groups' members; a pengawas reads."""

from __future__ import annotations

from PySide6.QtCore import Qt, QUrl
from PySide6.QtGui import QDesktopServices, QGuiApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDateEdit,
    QFileDialog,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSpinBox,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...messages import label
from ...services import member_messages as mm
from ...services import message_list, message_log, message_templates
from ...services.changes import Area
from ..context import AppContext
from ..widgets import setup_date_edit, to_date
from .base import DataTable, Page, RowsModel, setup_table


class MessagesPage(Page):
    areas = frozenset({Area.MESSAGES, Area.MEMBERS, Area.GROUPS, Area.SAVINGS})

    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(ctx, parent)
        self.setObjectName("messagesPage")
        self.open_url = QDesktopServices.openUrl  # tests replace it; nothing opens by itself
        layout = QVBoxLayout(self)
        title = QLabel(self.tr("<h2>Pesan ke anggota</h2>"))
        layout.addWidget(title)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("messagesTabs")
        layout.addWidget(self.tabs, 1)
        self._build_daily()
        self._build_templates()
        self._build_consent()
        self._build_log()
        self.tabs.currentChanged.connect(lambda _i: self.refresh())

    def kind_label(self, kind: str) -> str:
        return label("message_kind", kind, self.ctx.lang)

    # ------------------------------------------------------------ the day's list
    def _build_daily(self) -> None:
        w = QWidget()
        w.setObjectName("messagesDailyTab")
        v = QVBoxLayout(w)
        bar = QHBoxLayout()
        lab = QLabel(self.tr("Tan&ggal"))
        self.dateEdit = setup_date_edit(QDateEdit(), self.ctx.today())
        self.dateEdit.setObjectName("messagesDateEdit")
        lab.setBuddy(self.dateEdit)
        bar.addWidget(lab)
        bar.addWidget(self.dateEdit)
        lab = QLabel(self.tr("&Jenis"))
        self.kindCombo = QComboBox()
        self.kindCombo.setObjectName("messagesKindCombo")
        self.kindCombo.addItem(self.tr("Semua (tanpa undangan RAT)"), None)
        for k in mm.KINDS:
            self.kindCombo.addItem(self.kind_label(k), k)
        lab.setBuddy(self.kindCombo)
        bar.addWidget(lab)
        bar.addWidget(self.kindCombo)
        self.ratLabel = QLabel(self.tr("Tahun buku RAT"))
        self.ratYear = QSpinBox()
        self.ratYear.setObjectName("messagesRatYear")
        self.ratYear.setRange(2000, 2100)
        self.ratYear.setValue(self.ctx.today().year - 1)
        self.ratLabel.setBuddy(self.ratYear)
        bar.addWidget(self.ratLabel)
        bar.addWidget(self.ratYear)
        self.loadButton = QPushButton(self.tr("M&uat daftar"))
        self.loadButton.setObjectName("messagesLoadButton")
        bar.addWidget(self.loadButton)
        bar.addStretch(1)
        v.addLayout(bar)
        self.model = RowsModel(
            [
                (self.tr("Jenis"), lambda i: self.kind_label(i.kind), "text"),
                (self.tr("Anggota"), lambda i: i.member_number, "text"),
                (self.tr("Nama"), lambda i: i.member_name, "text"),
                (self.tr("Kelompok"), lambda i: i.group_code, "text"),
                (
                    self.tr("Nomor WhatsApp"),
                    lambda i: (
                        i.phone
                        or f"⚠ {i.phone_raw or '-'}: "
                        + mm.phone_problem_text(i.phone_problem, self.ctx.lang)
                    ),
                    "text",
                ),
                (self.tr("Jumlah"), lambda i: i.amount or None, "money"),
                (
                    self.tr("Terkirim"),
                    lambda i: f"{i.sent_at:%d/%m/%Y %H:%M} · {i.sent_by}" if i.sent_at else "",
                    "text",
                ),
                (self.tr("Pesan"), lambda i: i.text, "text"),
            ],
            self,
        )
        self.table = setup_table(DataTable(), "messagesTable", stretch_column=7)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.table.setModel(self.model)
        self.table.setWordWrap(False)
        v.addWidget(self.table, 1)
        self.preview = QLabel()
        self.preview.setObjectName("messagesPreview")
        self.preview.setWordWrap(True)
        self.preview.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.preview.setStyleSheet("background: #f6f8fa; padding: 6px;")
        v.addWidget(self.preview)
        self.summary = QLabel()
        self.summary.setObjectName("messagesSummary")
        self.summary.setWordWrap(True)
        v.addWidget(self.summary)
        row = QHBoxLayout()
        self.openButton = QPushButton(self.tr("Buka &WhatsApp"))
        self.openButton.setObjectName("openWhatsAppButton")
        self.markButton = QPushButton(self.tr("Tandai te&rkirim"))
        self.markButton.setObjectName("markSentButton")
        self.copyButton = QPushButton(self.tr("Sa&lin pesan"))
        self.copyButton.setObjectName("copyMessageButton")
        self.exportButton = QPushButton(self.tr("&Ekspor untuk gateway..."))
        self.exportButton.setObjectName("exportMessagesButton")
        may_send = self.ctx.actor.can("message.send")
        for b in (self.openButton, self.markButton, self.copyButton, self.exportButton):
            row.addWidget(b)
        self.markButton.setVisible(may_send)
        self.openButton.setVisible(may_send)
        self.exportButton.setVisible(may_send)
        row.addStretch(1)
        v.addLayout(row)
        self.tabs.addTab(w, self.tr("Daftar hari ini"))
        self.loadButton.clicked.connect(self.load)
        self.kindCombo.currentIndexChanged.connect(self._kind_changed)
        self.openButton.clicked.connect(self.open_selected)
        self.markButton.clicked.connect(lambda: self.mark_selected())
        self.copyButton.clicked.connect(self.copy_selected)
        self.exportButton.clicked.connect(lambda: self.export())
        self.table.selectionModel().currentRowChanged.connect(lambda *_a: self._show_preview())
        self.table.activated.connect(lambda _i: self.open_selected())
        self._kind_changed()
        self.list: message_list.DailyList | None = None

    def _kind_changed(self) -> None:
        rat = self.kindCombo.currentData() == "rat"
        self.ratLabel.setEnabled(rat)
        self.ratYear.setEnabled(rat)

    def load(self) -> None:
        kind = self.kindCombo.currentData()
        kinds = [kind] if kind else [k for k in mm.KINDS if k != "rat"]
        rat_year = self.ratYear.value() if kind == "rat" else None
        ctx, day = self.ctx, to_date(self.dateEdit.date())
        self.summary.setText(self.tr("Memuat..."))
        ctx.read(
            lambda: message_list.daily_list(ctx.db, day, ctx.actor, kinds, rat_year),
            on_done=self._loaded,
            on_error=self._failed,
            parent=self,
        )

    def _failed(self, exc: BaseException) -> bool:
        if not isinstance(exc, KoperasiError):
            return False
        self.summary.setText(self.ctx.error_message(exc))
        return True

    def _loaded(self, lst: message_list.DailyList) -> None:
        self.list = lst
        self.model.set_rows(list(lst.items))
        header = self.table.horizontalHeader()
        for col in (2, 4):
            header.resizeSection(col, min(header.sectionSize(col), 200))
        pending = len(lst.pending)
        self.summary.setText(
            self.tr(
                "{n} pesan: {pending} belum terkirim, {sent} sudah, {invalid} nomor tidak sah · "
                "tidak dimuat: {no} anggota tanpa persetujuan, {out} berhenti berlangganan"
            ).format(
                n=len(lst.items),
                pending=pending,
                sent=sum(1 for i in lst.items if i.sent_at),
                invalid=len(lst.invalid),
                no=lst.skipped_no_consent,
                out=lst.skipped_opted_out,
            )
        )
        if lst.items:
            self.table.setCurrentIndex(self.model.index(0, 0))
        self._show_preview()

    def selected_items(self) -> list[message_list.MessageItem]:
        rows = sorted({i.row() for i in self.table.selectionModel().selectedRows()})
        if not rows and self.table.currentIndex().isValid():
            rows = [self.table.currentIndex().row()]
        return [self.model.rows[r] for r in rows if r < len(self.model.rows)]

    def _show_preview(self) -> None:
        item = self.model.row(self.table.currentIndex())
        self.preview.setText(item.text if item else "")

    def open_selected(self) -> None:
        """Open the WhatsApp chat of the current row in the browser (the user's click)."""
        item = self.model.row(self.table.currentIndex())
        if item is None or not self.ctx.actor.can("message.send"):
            return
        if not item.link:
            self.summary.setText(
                self.tr("{member}: nomor HP tidak sah ({why}); perbaiki di data anggota.").format(
                    member=item.member_number,
                    why=mm.phone_problem_text(item.phone_problem, self.ctx.lang),
                )
            )
            return
        self.open_url(QUrl(item.link))

    def copy_selected(self) -> None:
        items = self.selected_items()
        if items:
            QGuiApplication.clipboard().setText("\n\n".join(i.text for i in items))

    def mark_selected(self, channel: str = "whatsapp") -> None:
        items = [i for i in self.selected_items() if i.sent_at is None and not i.phone_problem]
        if not items or self.list is None:
            self.summary.setText(self.tr("Pilih pesan yang belum terkirim dengan nomor sah."))
            return
        ctx, day, keys = self.ctx, self.list.date, [i.key for i in items]
        rat_year = self.ratYear.value() if self.kindCombo.currentData() == "rat" else None
        ctx.write(
            lambda: message_log.mark_sent(ctx.db, ctx.actor, day, keys, channel, rat_year),
            on_done=lambda _r: self.load(),
            on_error=self._failed,
            parent=self,
        )

    def export(self, path: str | None = None) -> None:
        if self.list is None:
            return
        if path is None:
            path, _f = QFileDialog.getSaveFileName(
                self,
                self.tr("Ekspor pesan untuk gateway"),
                f"pesan-{self.list.date.isoformat()}.xlsx",
                self.tr("Excel (*.xlsx);;CSV (*.csv)"),
            )
            if not path:
                return
        try:
            n = message_log.export_list(self.list.items, path)
        except (KoperasiError, OSError) as exc:
            self.summary.setText(self.ctx.error_message(exc))
            return
        self.summary.setText(
            self.tr(
                "{n} pesan diekspor ke {path}. Setelah diunggah ke gateway, pilih dan tandai "
                "terkirim."
            ).format(n=n, path=path)
        )

    # ------------------------------------------------------------ templates
    def _build_templates(self) -> None:
        w = QWidget()
        w.setObjectName("messagesTemplatesTab")
        v = QVBoxLayout(w)
        bar = QHBoxLayout()
        lab = QLabel(self.tr("&Jenis pesan"))
        self.templateCombo = QComboBox()
        self.templateCombo.setObjectName("templateKindCombo")
        for k in mm.KINDS:
            self.templateCombo.addItem(self.kind_label(k), k)
        lab.setBuddy(self.templateCombo)
        bar.addWidget(lab)
        bar.addWidget(self.templateCombo)
        self.daysLabel = QLabel(self.tr("&Hari sebelum jatuh tempo"))
        self.daysSpin = QSpinBox()
        self.daysSpin.setObjectName("templateDaysSpin")
        self.daysSpin.setRange(0, 30)
        self.daysLabel.setBuddy(self.daysSpin)
        bar.addWidget(self.daysLabel)
        bar.addWidget(self.daysSpin)
        bar.addStretch(1)
        v.addLayout(bar)
        lab = QLabel(self.tr("Te&ks pesan"))
        self.templateEdit = QPlainTextEdit()
        self.templateEdit.setObjectName("templateTextEdit")
        self.templateEdit.setTabChangesFocus(True)
        lab.setBuddy(self.templateEdit)
        v.addWidget(lab)
        v.addWidget(self.templateEdit, 1)
        self.placeholders = QLabel()
        self.placeholders.setObjectName("templatePlaceholders")
        self.placeholders.setWordWrap(True)
        v.addWidget(self.placeholders)
        self.templateStatus = QLabel()
        self.templateStatus.setObjectName("templateStatus")
        self.templateStatus.setWordWrap(True)
        v.addWidget(self.templateStatus)
        row = QHBoxLayout()
        self.saveTemplateButton = QPushButton(self.tr("&Simpan templat"))
        self.saveTemplateButton.setObjectName("saveTemplateButton")
        self.resetTemplateButton = QPushButton(self.tr("Ke&mbalikan bawaan"))
        self.resetTemplateButton.setObjectName("resetTemplateButton")
        may = self.ctx.actor.can("message.template.write")
        for b in (self.saveTemplateButton, self.resetTemplateButton):
            b.setVisible(may)
            row.addWidget(b)
        self.templateEdit.setReadOnly(not may)
        self.daysSpin.setEnabled(may)
        row.addStretch(1)
        v.addLayout(row)
        self.tabs.addTab(w, self.tr("Templat"))
        self.templateCombo.currentIndexChanged.connect(lambda _i: self.load_templates())
        self.saveTemplateButton.clicked.connect(self.save_template)
        self.resetTemplateButton.clicked.connect(self.reset_template)

    def load_templates(self) -> None:
        kind = self.templateCombo.currentData()
        t = next(t for t in message_templates.templates(self.ctx.db) if t.code == kind)
        self.templateEdit.setPlainText(t.text)
        self.daysSpin.setValue(t.days_before)
        due = kind == "jatuh_tempo"
        self.daysLabel.setVisible(due)
        self.daysSpin.setVisible(due)
        self.placeholders.setText(
            self.tr("Isian yang dapat dipakai: {names}").format(
                names=" ".join("{" + p + "}" for p in t.placeholders)
            )
        )
        self.templateStatus.setText(
            self.tr("Teks koperasi sendiri.") if t.customised else self.tr("Teks bawaan aplikasi.")
        )

    def save_template(self) -> None:
        kind = self.templateCombo.currentData()
        try:
            message_templates.save_template(
                self.ctx.db,
                self.ctx.actor,
                kind,
                self.templateEdit.toPlainText(),
                self.daysSpin.value() if kind == "jatuh_tempo" else None,
            )
        except KoperasiError as exc:
            self.templateStatus.setText(self.ctx.error_message(exc))
            self.templateEdit.setFocus()
            return
        self.load_templates()
        self.templateStatus.setText(self.tr("Templat disimpan."))

    def reset_template(self) -> None:
        message_templates.reset_template(
            self.ctx.db, self.ctx.actor, self.templateCombo.currentData()
        )
        self.load_templates()

    # ------------------------------------------------------------ consent
    def _build_consent(self) -> None:
        w = QWidget()
        w.setObjectName("messagesConsentTab")
        v = QVBoxLayout(w)
        bar = QHBoxLayout()
        lab = QLabel(self.tr("&Cari"))
        self.consentSearch = QLineEdit()
        self.consentSearch.setObjectName("consentSearchEdit")
        self.consentSearch.setPlaceholderText(self.tr("nomor atau nama anggota"))
        lab.setBuddy(self.consentSearch)
        bar.addWidget(lab)
        bar.addWidget(self.consentSearch, 1)
        v.addLayout(bar)
        self.consentModel = RowsModel(
            [
                (self.tr("Anggota"), lambda c: c.member_number, "text"),
                (self.tr("Nama"), lambda c: c.member_name, "text"),
                (self.tr("Nomor HP"), lambda c: c.phone, "text"),
                (
                    self.tr("Nomor WhatsApp"),
                    lambda c: (
                        mm.normalise_phone(c.phone).international
                        or "⚠ "
                        + mm.phone_problem_text(mm.normalise_phone(c.phone).problem, self.ctx.lang)
                    ),
                    "text",
                ),
                (
                    self.tr("Persetujuan"),
                    lambda c: self.tr("setuju") if c.consent else self.tr("belum/tidak"),
                    "text",
                ),
                (self.tr("Setuju sejak"), lambda c: c.consent_on if c.consent else None, "date"),
                (
                    self.tr("Berhenti"),
                    lambda c: self.tr("berhenti") if c.opted_out else "",
                    "text",
                ),
                (
                    self.tr("Berhenti sejak"),
                    lambda c: c.opted_out_on if c.opted_out else None,
                    "date",
                ),
                (self.tr("Dicatat oleh"), lambda c: c.updated_by, "text"),
            ],
            self,
        )
        self.consentTable = setup_table(DataTable(), "consentTable", stretch_column=1)
        self.consentTable.setModel(self.consentModel)
        v.addWidget(self.consentTable, 1)
        row = QHBoxLayout()
        self.consentButton = QPushButton(self.tr("Catat &setuju"))
        self.consentButton.setObjectName("recordConsentButton")
        self.withdrawButton = QPushButton(self.tr("Ta&rik persetujuan"))
        self.withdrawButton.setObjectName("withdrawConsentButton")
        self.optOutButton = QPushButton(self.tr("Berhenti &langganan"))
        self.optOutButton.setObjectName("optOutButton")
        self.optInButton = QPushButton(self.tr("Akt&ifkan lagi"))
        self.optInButton.setObjectName("optInButton")
        may = self.ctx.actor.can("message.consent.write")
        for b, kw in (
            (self.consentButton, {"consent": True}),
            (self.withdrawButton, {"consent": False}),
            (self.optOutButton, {"opted_out": True}),
            (self.optInButton, {"opted_out": False}),
        ):
            b.setVisible(may)
            b.clicked.connect(lambda _c=False, kw=kw: self.set_consent(**kw))
            row.addWidget(b)
        row.addStretch(1)
        self.consentSummary = QLabel()
        self.consentSummary.setObjectName("consentSummary")
        self.consentSummary.setWordWrap(True)
        v.addWidget(self.consentSummary)
        v.addLayout(row)
        self.tabs.addTab(w, self.tr("Persetujuan"))
        self.consentSearch.textChanged.connect(lambda _t: self._filter_consent())
        self.all_consents: list[mm.Consent] = []

    def load_consents(self) -> None:
        self.all_consents = mm.consents(self.ctx.db, self.ctx.actor)
        self._filter_consent()

    def _filter_consent(self) -> None:
        needle = self.consentSearch.text().strip().lower()
        current = self.consentModel.row(self.consentTable.currentIndex())
        rows = [
            c
            for c in self.all_consents
            if not needle or needle in c.member_number.lower() or needle in c.member_name.lower()
        ]
        self.consentModel.set_rows(rows)
        self.consentSummary.setText(
            self.tr("{ok} dapat dikirimi pesan · {out} berhenti · {none} belum setuju").format(
                ok=sum(1 for c in self.all_consents if c.may_message),
                out=sum(1 for c in self.all_consents if c.opted_out),
                none=sum(1 for c in self.all_consents if not c.consent and not c.opted_out),
            )
        )
        if current is not None:
            for r, c in enumerate(rows):
                if c.member_number == current.member_number:
                    self.consentTable.setCurrentIndex(self.consentModel.index(r, 0))
                    break

    def set_consent(self, **kw) -> None:
        c = self.consentModel.row(self.consentTable.currentIndex())
        if c is None:
            self.consentSummary.setText(self.tr("Pilih dulu anggotanya."))
            return
        try:
            mm.set_consent(self.ctx.db, self.ctx.actor, c.member_number, on=self.ctx.today(), **kw)
        except KoperasiError as exc:
            self.consentSummary.setText(self.ctx.error_message(exc))
            return
        self.load_consents()

    # ------------------------------------------------------------ the log
    def _build_log(self) -> None:
        w = QWidget()
        w.setObjectName("messagesLogTab")
        v = QVBoxLayout(w)
        self.logModel = RowsModel(
            [
                (self.tr("Waktu"), lambda r: f"{r.sent_at:%d/%m/%Y %H:%M}", "text"),
                (self.tr("Oleh"), lambda r: r.sent_by, "text"),
                (self.tr("Anggota"), lambda r: r.member_number, "text"),
                (self.tr("Nama"), lambda r: r.member_name, "text"),
                (self.tr("Jenis"), lambda r: self.kind_label(r.kind), "text"),
                (self.tr("Saluran"), lambda r: r.channel, "text"),
                (self.tr("Nomor"), lambda r: r.phone, "text"),
                (self.tr("Jumlah"), lambda r: r.amount or None, "money"),
                (self.tr("Pesan"), lambda r: r.text, "text"),
            ],
            self,
        )
        self.logTable = setup_table(DataTable(), "messageLogTable", stretch_column=8)
        self.logTable.setModel(self.logModel)
        v.addWidget(self.logTable, 1)
        self.tabs.addTab(w, self.tr("Log terkirim"))

    def load_log(self) -> None:
        self.logModel.set_rows(message_log.sent_log(self.ctx.db, self.ctx.actor))

    # ------------------------------------------------------------
    def refresh(self) -> None:
        i = self.tabs.currentIndex()
        if i == 0:
            self.load()
        elif i == 1:
            self.load_templates()
        elif i == 2:
            self.load_consents()
        else:
            self.load_log()

"""Pengaturan > Pinjaman > Templat surat perjanjian: edit the loan agreement's text.

One text per paper language; the list on the right names every placeholder (double-click or
"Sisipkan" puts it at the cursor); the preview below fills the text with sample values as
you type, and an unknown placeholder is named in red at once. Saving runs the service's
validation again, so a template that does not fill is never stored.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTabWidget,
    QTextBrowser,
    QVBoxLayout,
    QWidget,
)

from ...errors import KoperasiError
from ...messages.text import pick
from ...services import loan_papers
from .. import dialogs
from ..context import AppContext
from ..widgets import ERROR_STYLE


def preview_html(text: str, lang: str) -> str:
    """The template filled with sample values, as the paper reads (headings centred)."""
    filled = loan_papers.fill(text, loan_papers.sample_values(lang))
    parts = []
    for kind, para in loan_papers.paragraphs(filled):
        if kind == "heading":
            parts.append(f"<p align='center'><b>{html.escape(para)}</b></p>")
        else:
            parts.append(f"<p align='justify'>{html.escape(para)}</p>")
    return "".join(parts)


class AgreementTemplateDialog(QDialog):
    def __init__(self, ctx: AppContext, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName("agreementTemplateDialog")
        self.setWindowTitle(self.tr("Templat surat perjanjian pinjaman"))
        self.resize(1000, 720)
        layout = QVBoxLayout(self)
        hint = QLabel(
            self.tr(
                "Tulis isian di antara kurung kurawal, misalnya {nama_anggota}. Baris yang "
                "diawali '# ' menjadi judul pasal; pisahkan paragraf dengan baris kosong. "
                "Kosongkan teks untuk memakai teks bawaan."
            )
        )
        hint.setWordWrap(True)
        layout.addWidget(hint)
        split = QSplitter()
        left = QWidget()
        ll = QVBoxLayout(left)
        ll.setContentsMargins(0, 0, 0, 0)
        self.tabs = QTabWidget()
        self.tabs.setObjectName("agreementTemplateTabs")
        self.editors: dict[str, QPlainTextEdit] = {}
        for lang, title in (("id", self.tr("Bahasa &Indonesia")), ("en", self.tr("In&ggris"))):
            edit = QPlainTextEdit()
            edit.setObjectName(f"agreementTemplate_{lang}")
            edit.textChanged.connect(self.update_preview)
            self.editors[lang] = edit
            self.tabs.addTab(edit, title)
        self.tabs.currentChanged.connect(lambda _i: self.update_preview())
        ll.addWidget(self.tabs, 3)
        self.error = QLabel()
        self.error.setObjectName("agreementTemplateError")
        self.error.setStyleSheet(ERROR_STYLE)
        self.error.setWordWrap(True)
        self.error.hide()
        ll.addWidget(self.error)
        ll.addWidget(QLabel(self.tr("Pratinjau (dengan contoh data):")))
        self.preview = QTextBrowser()
        self.preview.setObjectName("agreementTemplatePreview")
        ll.addWidget(self.preview, 2)
        split.addWidget(left)

        right = QWidget()
        rl = QVBoxLayout(right)
        rl.setContentsMargins(0, 0, 0, 0)
        rl.addWidget(QLabel(self.tr("Isian yang tersedia:")))
        self.placeholders = QListWidget()
        self.placeholders.setObjectName("agreementPlaceholderList")
        for name, meanings in loan_papers.PLACEHOLDERS.items():
            meaning = pick(meanings, ctx.lang)
            item = QListWidgetItem(f"{{{name}}}  –  {meaning}")
            item.setData(Qt.ItemDataRole.UserRole, name)
            item.setToolTip(meaning)
            self.placeholders.addItem(item)
        self.placeholders.itemDoubleClicked.connect(lambda _i: self.insert_placeholder())
        rl.addWidget(self.placeholders, 1)
        self.insertButton = QPushButton(self.tr("&Sisipkan isian"))
        self.insertButton.setObjectName("insertPlaceholderButton")
        self.insertButton.clicked.connect(self.insert_placeholder)
        rl.addWidget(self.insertButton)
        self.defaultButton = QPushButton(self.tr("Kembalikan teks &bawaan"))
        self.defaultButton.setObjectName("defaultTemplateButton")
        self.defaultButton.clicked.connect(self.restore_default)
        rl.addWidget(self.defaultButton)
        split.addWidget(right)
        split.setSizes([680, 320])
        layout.addWidget(split, 1)

        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Simpan"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Batal"))
        self.buttons.button(QDialogButtonBox.StandardButton.Save).setEnabled(
            ctx.actor.can("settings.write")
        )
        self.buttons.accepted.connect(self.save)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)

        texts = loan_papers.get_template(ctx.db)
        for lang, edit in self.editors.items():
            edit.setPlainText(texts[lang])
        self.tabs.setCurrentIndex(1 if ctx.lang == "en" else 0)
        self.update_preview()

    def current_lang(self) -> str:
        return "en" if self.tabs.currentIndex() == 1 else "id"

    def texts(self) -> dict[str, str]:
        return {lang: edit.toPlainText() for lang, edit in self.editors.items()}

    def problem(self) -> str | None:
        """The first template's problem (the service's message), else None."""
        for lang, text in self.texts().items():
            if not text.strip():
                continue  # empty: the built-in text
            try:
                loan_papers.validate_template(text)
            except KoperasiError as exc:
                which = self.tr("Bahasa Indonesia") if lang == "id" else self.tr("Inggris")
                return f"{which}: {exc.message(self.ctx.lang)}"
        return None

    def update_preview(self) -> None:
        lang = self.current_lang()
        text = self.editors[lang].toPlainText() or loan_papers.DEFAULT_TEMPLATE[lang]
        self.preview.setHtml(preview_html(text, lang))
        problem = self.problem()
        self.error.setText(problem or "")
        self.error.setVisible(bool(problem))

    def insert_placeholder(self) -> None:
        item = self.placeholders.currentItem()
        if item is None:
            return
        edit = self.editors[self.current_lang()]
        edit.insertPlainText("{" + item.data(Qt.ItemDataRole.UserRole) + "}")
        edit.setFocus()

    def restore_default(self) -> None:
        lang = self.current_lang()
        self.editors[lang].setPlainText(loan_papers.DEFAULT_TEMPLATE[lang])

    def save(self) -> None:
        problem = self.problem()
        if problem:
            self.error.setText(problem)
            self.error.show()
            return
        ctx, texts = self.ctx, self.texts()

        def failed(exc: BaseException) -> bool:
            if not isinstance(exc, KoperasiError):
                return False
            self.error.setText(exc.message(ctx.lang))
            self.error.show()
            return True

        def done(_saved: dict[str, str]) -> None:
            dialogs.inform(
                self, self.tr("Tersimpan"), self.tr("Templat surat perjanjian tersimpan.")
            )
            self.accept()

        ctx.write(
            lambda: loan_papers.save_template(ctx.db, ctx.actor, texts),
            on_done=done,
            on_error=failed,
            parent=self,
        )

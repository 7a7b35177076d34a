"""What every receipt window shares: the receipt read back to the member as rich text, a
Close button and "Cetak..." that prints it under the cooperative's name and address."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from .context import AppContext


def print_html(ctx: AppContext, parent: QWidget, body_html: str) -> bool:
    """Ask for a printer and print ``body_html`` under the cooperative's letterhead."""
    from PySide6.QtGui import QTextDocument
    from PySide6.QtPrintSupport import QPrintDialog, QPrinter

    from ..services.settings import get_profile

    printer = QPrinter()
    if QPrintDialog(printer, parent).exec() != QDialog.DialogCode.Accepted:
        return False
    profile = get_profile(ctx.db)
    doc = QTextDocument()
    doc.setHtml(f"<h2>{profile.name}</h2><p>{profile.address}</p>" + body_html)
    doc.print_(printer)
    return True


class ReceiptWindow(QDialog):
    """A receipt: subclasses give :meth:`html`; ``name`` prefixes the object names
    (``{name}Dialog``, ``{name}Text``, ``print{Name}Button``)."""

    def __init__(
        self, ctx: AppContext, title: str, name: str, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.setObjectName(f"{name}Dialog")
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        self.setWindowTitle(title)
        layout = QVBoxLayout(self)
        self.body = QLabel(self.html())
        self.body.setObjectName(f"{name}Text")
        self.body.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        layout.addWidget(self.body)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Tutup"))
        self.printButton = QPushButton(self.tr("&Cetak..."))
        self.printButton.setObjectName(f"print{name[0].upper()}{name[1:]}Button")
        buttons.addButton(self.printButton, QDialogButtonBox.ButtonRole.ActionRole)
        self.printButton.clicked.connect(self.print_receipt)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def html(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def print_receipt(self) -> None:
        print_html(self.ctx, self, self.html())

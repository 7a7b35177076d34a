"""What every receipt window shares: the receipt read back to the member as rich text, a
Close button and "Cetak..." that prints it under the cooperative's name and address."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QPushButton, QVBoxLayout, QWidget

from .context import AppContext


def paper_html(ctx: AppContext, receipt_no: str | None, extra: list[tuple[str, str]]) -> str:
    """The receipt as the printed paper says it (``reports.receipts``): its title, who paid
    or was paid, the amount in figures and words, the detail lines; then ``extra`` rows
    (label, html) that only the window shows (the balance after, what is still owed)."""
    from html import escape

    from ..domain.money import format_rupiah
    from ..reports import receipts

    if not receipt_no:
        rows = "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in extra)
        return f"<table cellspacing='6'>{rows}</table>"
    lang = ctx.lang
    p = receipts.receipt_paper(ctx.db, receipt_no)

    def t(value) -> str:  # type: ignore[no-untyped-def]
        return escape(value.get(lang) if hasattr(value, "get") else str(value))

    head: list[tuple[str, str]] = [
        (t(receipts.NUMBER), f"<b>{escape(p.receipt)}</b>"),
        (t(receipts.DATE), escape(fmt_long(p.date, lang))),
    ]
    if p.party_label is not None:
        head.append((t(p.party_label), escape(p.party)))
    head += [
        (t(receipts.PURPOSE if p.cash else receipts.DESCRIPTION), t(p.purpose)),
        (t(p.total_label), f"<b>{format_rupiah(p.amount)}</b>"),
        (t(receipts.WORDS), f"<i>{escape(terbilang_of(p.amount, lang))}</i>"),
    ]
    head += [(t(k), format_rupiah(v)) for k, v in p.extra]
    head += extra
    detail = "".join(
        f"<tr><td>{t(what)}</td><td>{escape(ref)}</td>"
        f"<td align='right'>{format_rupiah(value)}</td></tr>"
        for what, ref, value in p.lines
    )
    notes = "".join(f"<p><i>{t(n)}</i></p>" for n in p.notes)
    return (
        f"<h3>{t(p.title)}</h3><table cellspacing='6'>"
        + "".join(f"<tr><td>{k}</td><td>{v}</td></tr>" for k, v in head)
        + f"</table><table cellspacing='4'>{detail}</table>{notes}"
    )


def fmt_long(d, lang: str) -> str:  # type: ignore[no-untyped-def]
    from ..domain.fmt import long_date

    return long_date(d, lang)


def terbilang_of(amount: int, lang: str) -> str:
    from ..domain.fmt import terbilang

    return terbilang(amount, lang)


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

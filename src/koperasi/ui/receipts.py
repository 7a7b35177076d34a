"""What every receipt window shares: the receipt read back to the member as rich text, a
Close button and "Cetak..." that prints it under the cooperative's name and address."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
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

    def t(value) -> str:
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


def fmt_long(d, lang: str) -> str:
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
        self.buttons = buttons
        self.undoButton: QPushButton | None = None
        self.undone = False

    def offer_undo(
        self,
        what: str,
        action: Callable[[dt.date, str], Any],
    ) -> QPushButton:
        """ "Batalkan": the user who just posted this reverses it (a reversal with a reason,
        through the posting's own reversal service, audited there), on the same day only."""
        self.posted_on = self.ctx.today()
        self.posted_by = self.ctx.actor.username
        button = QPushButton(QCoreApplication.translate("ReceiptWindow", "Batal&kan..."))
        button.setObjectName("undoPostingButton")
        button.setToolTip(
            QCoreApplication.translate(
                "ReceiptWindow", "Membalik transaksi ini dengan alasan (hanya hari ini, oleh Anda)."
            )
        )
        self.buttons.addButton(button, QDialogButtonBox.ButtonRole.ActionRole)
        button.clicked.connect(lambda: self.undo(what, action))
        self.undoButton = button
        return button

    def undo_allowed(self) -> bool:
        return (
            not self.undone
            and self.ctx.today() == self.posted_on
            and self.ctx.actor.username == self.posted_by
        )

    def undo(
        self,
        what: str,
        action: Callable[[dt.date, str], Any],
    ):
        from . import dialogs
        from .pages.savings import ReverseDialog

        if not self.undo_allowed():
            if self.undoButton is not None:
                self.undoButton.setEnabled(False)
            dialogs.inform(
                self,
                QCoreApplication.translate("ReceiptWindow", "Batalkan"),
                QCoreApplication.translate(
                    "ReceiptWindow",
                    "Pembatalan cepat hanya untuk transaksi hari ini oleh pengguna yang "
                    "membukukannya. Gunakan Balik transaksi di halamannya.",
                ),
            )
            return None
        dlg = ReverseDialog(self.ctx, what, action, self)
        dlg.dateEdit.setEnabled(False)  # reversed on the day it was posted
        dlg.accepted.connect(lambda: self._undone(dlg.result_view))
        dlg.open()
        return dlg

    def _undone(self, result: Any = None) -> None:
        self.undone = True
        if self.undoButton is not None:
            self.undoButton.setEnabled(False)
        from ..services.approvals import RequestView

        if isinstance(result, RequestView):  # four-eyes: a request, nothing reversed yet
            self.body.setText(
                "<p style='color:#b00020'><b>"
                + QCoreApplication.translate(
                    "ReceiptWindow",
                    "MENUNGGU PERSETUJUAN — permintaan pembalikan no. {id} dicatat; "
                    "transaksi ini belum dibalik.",
                ).format(id=result.id)
                + "</b></p>"
                + self.html()
            )
            return
        self.body.setText(
            "<p style='color:#b00020'><b>"
            + QCoreApplication.translate(
                "ReceiptWindow", "DIBATALKAN — transaksi ini telah dibalik."
            )
            + "</b></p>"
            + self.html()
        )

    def html(self) -> str:  # pragma: no cover - overridden
        raise NotImplementedError

    def print_receipt(self) -> None:
        print_html(self.ctx, self, self.html())

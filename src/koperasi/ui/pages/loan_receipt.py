"""A loan payment's receipt (kuitansi), shown after every disbursement, instalment, payoff and
recovery. Split from :mod:`.loan_dialogs`.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QWidget,
)

from ...services.loans.views import LoanTxView
from ..context import AppContext
from ..receipts import ReceiptWindow, paper_html
from ..widgets import (
    rp,
)
from .loan_labels import (
    status_label,
)


def show_loan_receipt(
    ctx: AppContext, view: LoanTxView, parent: QWidget | None, remaining: int | None = None
) -> LoanReceiptDialog:
    dlg = LoanReceiptDialog(ctx, view, parent, remaining)
    dlg.open()
    return dlg


class LoanReceiptDialog(ReceiptWindow):
    """Kuitansi for a loan transaction: what went to principal, interest, fee and penalty.
    For money received on a written-off loan, ``remaining`` is what is still owed of the
    amount written off."""

    def __init__(
        self,
        ctx: AppContext,
        view: LoanTxView,
        parent: QWidget | None = None,
        remaining: int | None = None,
    ) -> None:
        self.view = view
        self.remaining = remaining
        super().__init__(
            ctx, self.tr("Kuitansi {no}").format(no=view.receipt_no or "-"), "loanReceipt", parent
        )

    def html(self) -> str:
        v, lang = self.view, self.ctx.lang
        rows = [(self.tr("Pinjaman"), v.loan_number)]
        if v.kind == "pemulihan":
            rows.append((self.tr("Status pinjaman"), status_label(v.loan_status_after, lang)))
            if self.remaining is not None:
                rows.append((self.tr("Sisa yang belum diterima"), rp(self.remaining)))
        return paper_html(self.ctx, v.receipt_no, rows)

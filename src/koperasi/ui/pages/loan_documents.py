"""The selected loan's papers, one click from the loan page: the agreement, the schedule for
the member, the loan card and the paid-off letter (offered only for a repaid loan). Each
opens the Laporan page with the loan filled in (preview, print, save as PDF)."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import QMenu, QPushButton, QWidget

from ...domain.vocabulary import LoanStatus
from ...services.loans.views import LoanDetail
from ..context import AppContext

# report name -> the statuses it is printed for (None: any loan)
PAPERS: dict[str, frozenset[str] | None] = {
    "perjanjian-pinjaman": frozenset(
        {LoanStatus.APPROVED, LoanStatus.ACTIVE, LoanStatus.PAID_OFF, LoanStatus.WRITTEN_OFF}
    ),
    "jadwal-angsuran": None,
    "kartu-pinjaman": None,
    "surat-lunas": frozenset({LoanStatus.PAID_OFF}),
    # issue 17: once the collateral of a paid-off (or refused) loan was handed back
    "serah-terima-jaminan": frozenset({LoanStatus.PAID_OFF, LoanStatus.REJECTED}),
}


def labels() -> dict[str, str]:
    t = QCoreApplication.translate
    return {
        "perjanjian-pinjaman": t("LoanDocuments", "Surat &perjanjian pinjaman"),
        "jadwal-angsuran": t("LoanDocuments", "&Jadwal angsuran untuk anggota"),
        "kartu-pinjaman": t("LoanDocuments", "&Kartu angsuran pinjaman"),
        "surat-lunas": t("LoanDocuments", "Surat keterangan &lunas"),
        "serah-terima-jaminan": t("LoanDocuments", "Surat serah &terima jaminan"),
    }


def documents_button(
    ctx: AppContext, current: Callable[[], LoanDetail | None], parent: QWidget | None = None
) -> QPushButton:
    """A "Cetak dokumen" button whose menu prints the loan ``current()`` returns."""
    button = QPushButton(QCoreApplication.translate("LoanDocuments", "Cetak dok&umen"), parent)
    button.setObjectName("loanDocumentsButton")
    menu = QMenu(button)
    menu.setObjectName("loanDocumentsMenu")
    actions = {}
    for report, label in labels().items():
        action = menu.addAction(label)
        action.setObjectName(f"loanDocument-{report}")
        action.triggered.connect(lambda _c=False, r=report: _open(ctx, current(), r))
        actions[report] = action

    def update() -> None:
        loan = current()
        for report, allowed in PAPERS.items():
            ok = loan is not None and (allowed is None or loan.status in allowed)
            actions[report].setEnabled(ok)
        if loan is not None and loan.status != LoanStatus.PAID_OFF:
            actions["surat-lunas"].setToolTip(
                QCoreApplication.translate(
                    "LoanDocuments", "Hanya untuk pinjaman yang sudah lunas."
                )
            )

    menu.aboutToShow.connect(update)
    button.setMenu(menu)
    button.update_actions = update  # type: ignore[attr-defined]
    button.actions_by_report = actions  # type: ignore[attr-defined]
    return button


def _open(ctx: AppContext, loan: LoanDetail | None, report: str) -> None:
    if loan is None:
        return
    ctx.bus.navigate.emit(
        "reports", {"report": report, "loan": loan.number, "member": loan.row.member_number}
    )

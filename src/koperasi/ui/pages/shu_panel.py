"""Pembagian SHU from the GUI: the RAT's decision for a closed financial year.

The dialog shows the year's plan as the SHU service computes it (UU 25/1992 Pasal 45: only
the members' SHU is split into the pots and shared by patronage; the non-members' SHU goes
to its destination) and posts it with :func:`koperasi.services.shu.distribute`. For a loss
year it shows the loss and the board's proposal; when the proposal is to cover it from the
reserve, it posts that (:func:`koperasi.services.shu.cover_loss`); carried forward, nothing
is posted. Every rule is the service's; this dialog only shows what it says.
"""

from __future__ import annotations

from PySide6.QtWidgets import (
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from ...domain.shu import LOSS_COVERAGE_LABELS, NON_MEMBER_LABELS
from ...messages.text import pick
from ...services import shu as shu_service
from ..context import AppContext
from ..widgets import FieldErrors, rp, setup_date_edit, to_date


class ShuDistributeDialog(QDialog):
    """Post the SHU distribution of ``plan.year`` (or cover its loss from the reserve)."""

    def __init__(
        self, ctx: AppContext, plan: shu_service.ShuPlan, parent: QWidget | None = None
    ) -> None:
        super().__init__(parent)
        self.ctx = ctx
        self.plan = plan
        self.result_view: shu_service.DistributionResult | None = None
        self.setObjectName("shuDistributeDialog")
        loss = plan.surplus < 0
        self.setWindowTitle(
            self.tr("Penutupan rugi {year}").format(year=plan.year)
            if loss
            else self.tr("Pembagian SHU {year}").format(year=plan.year)
        )
        layout = QVBoxLayout(self)
        form = QFormLayout()
        self.summary = QLabel()
        self.summary.setObjectName("shuSummary")
        self.summary.setWordWrap(True)
        can_post = True
        if loss:
            proposal = pick(LOSS_COVERAGE_LABELS[plan.loss_coverage], ctx.lang)
            text = self.tr(
                "Tahun buku {year} rugi {loss}. Tidak ada SHU yang dibagikan.\n"
                "Usul pengurus: rugi {proposal}."
            ).format(year=plan.year, loss=rp(plan.loss), proposal=proposal)
            if plan.loss_coverage != "cadangan":
                can_post = False
                text += "\n" + self.tr(
                    "Tidak ada yang dibukukan sekarang: rugi dipindahkan ke akun 3.91 saat "
                    "tutup buku tahun berikutnya."
                )
        else:
            dest = pick(
                NON_MEMBER_LABELS.get(plan.non_member_to, (plan.non_member_to, plan.non_member_to)),
                ctx.lang,
            )
            text = self.tr(
                "SHU tahun buku {year}: {surplus}\n"
                "SHU usaha dengan anggota (dibagi menurut RAT): {members}\n"
                "SHU usaha dengan non-anggota ke {dest} (tidak dibagi): {non_members}\n"
                "Dibagikan kepada {count} anggota: {to_members}\n"
                "Cadangan (termasuk sisa pembulatan): {reserve}"
            ).format(
                year=plan.year,
                surplus=rp(plan.surplus),
                members=rp(plan.distributable),
                dest=dest.lower(),
                non_members=rp(plan.to_non_member_destination),
                count=sum(1 for m in plan.members if m.total > 0),
                to_members=rp(plan.to_members),
                reserve=rp(plan.reserve),
            )
        if not plan.year_closed:
            can_post = False
            text += "\n" + self.tr("Tahun buku belum ditutup; tutup tahun buku lebih dahulu.")
        self.summary.setText(text)
        layout.addWidget(self.summary)
        self.dateEdit = setup_date_edit(QDateEdit(), ctx.today())
        self.dateEdit.setObjectName("shuDateEdit")
        form.addRow(self.tr("&Tanggal keputusan RAT"), self.dateEdit)
        self.dateError = QLabel()
        form.addRow("", self.dateError)
        layout.addLayout(form)
        self.generalError = QLabel()
        self.generalError.setObjectName("shuGeneralError")
        self.generalError.setWordWrap(True)
        layout.addWidget(self.generalError)
        self.errors = FieldErrors(self.generalError, ctx.lang, self)
        self.errors.add("date", self.dateEdit, self.dateError)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        self.okButton = buttons.button(QDialogButtonBox.StandardButton.Ok)
        self.okButton.setText(
            self.tr("Tutup rugi dari cadangan") if loss else self.tr("Bukukan pembagian SHU")
        )
        self.okButton.setObjectName("confirmShuButton")
        self.okButton.setEnabled(can_post and plan.distributed_entry_id is None)
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Tutup"))
        buttons.accepted.connect(self.confirm)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)

    def confirm(self) -> None:
        self.errors.clear()
        ctx, year = self.ctx, self.plan.year
        date = to_date(self.dateEdit.date())
        if self.plan.surplus < 0:

            def work():
                return shu_service.cover_loss(ctx.db, ctx.actor, year, date)

        else:

            def work():
                return shu_service.distribute(ctx.db, ctx.actor, year, date)

        def done(result: shu_service.DistributionResult) -> None:
            self.result_view = result
            self.accept()

        ctx.write(work, on_done=done, on_error=self.errors.show, parent=self)

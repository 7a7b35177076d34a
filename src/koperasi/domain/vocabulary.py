"""Codes a person reads (statuses, kinds of transaction, loan quality classes) with their
labels in Bahasa Indonesia and English. Pure data: imports nothing from the app, so every
layer (and :mod:`koperasi.messages`, which errors use) may read it.

The statuses are StrEnums: a member equals its stored code (``LoanStatus.ACTIVE ==
"aktif"``), so they go into queries and comparisons as the codes do, and a typo is an
AttributeError instead of a query that silently finds nothing. The label tables stay keyed
by the plain codes. :func:`koperasi.messages.vocabulary` serves them under the names
``loan_status``, ``loan_tx_kind``, ``savings_tx_kind``, ``loan_class``, ``member_status``
and ``td_status``.
"""

from __future__ import annotations

from enum import StrEnum

Labels = dict[str, tuple[str, str]]


class LoanStatus(StrEnum):
    """loans.status"""

    APPLIED = "diajukan"
    APPROVED = "disetujui"
    REJECTED = "ditolak"
    ACTIVE = "aktif"
    PAID_OFF = "lunas"
    WRITTEN_OFF = "dihapusbukukan"


class MemberStatus(StrEnum):
    """members.status"""

    CANDIDATE = "calon"
    ACTIVE = "aktif"
    LEFT = "keluar"
    DECEASED = "meninggal"


class DepositStatus(StrEnum):
    """time_deposits.status"""

    ACTIVE = "aktif"
    MATURED = "selesai"
    WITHDRAWN_EARLY = "cair_awal"
    CANCELLED = "batal"


class LoanClass(StrEnum):
    """Kolektibilitas (:mod:`koperasi.domain.arrears`)."""

    LANCAR = "lancar"
    KURANG_LANCAR = "kurang_lancar"
    DIRAGUKAN = "diragukan"
    MACET = "macet"


# ---- loans (the codes stored in loans.status)
APPLIED, APPROVED, REJECTED = LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.REJECTED
ACTIVE, PAID_OFF, WRITTEN_OFF = LoanStatus.ACTIVE, LoanStatus.PAID_OFF, LoanStatus.WRITTEN_OFF
LOAN_STATUS_LABELS: Labels = {
    APPLIED.value: ("Diajukan", "Applied"),
    APPROVED.value: ("Disetujui", "Approved"),
    REJECTED.value: ("Ditolak", "Rejected"),
    ACTIVE.value: ("Aktif", "Active"),
    PAID_OFF.value: ("Lunas", "Paid off"),
    WRITTEN_OFF.value: ("Dihapusbukukan", "Written off"),
}

# ---- members (members.status)
MEMBER_STATUS_LABELS: Labels = {
    MemberStatus.CANDIDATE.value: ("Calon", "Candidate"),
    MemberStatus.ACTIVE.value: ("Aktif", "Active"),
    MemberStatus.LEFT.value: ("Keluar", "Left"),
    MemberStatus.DECEASED.value: ("Meninggal", "Deceased"),
}

# ---- time deposits (time_deposits.status)
DEPOSIT_STATUS_LABELS: Labels = {
    DepositStatus.ACTIVE.value: ("Aktif", "Active"),
    DepositStatus.MATURED.value: ("Selesai (jatuh tempo)", "Matured"),
    DepositStatus.WITHDRAWN_EARLY.value: ("Dicairkan sebelum jatuh tempo", "Withdrawn early"),
    DepositStatus.CANCELLED.value: ("Dibatalkan", "Cancelled"),
}

# ---- loan transactions (loan_transactions.kind)
LOAN_TX_KIND_LABELS: Labels = {
    "pencairan": ("Pencairan", "Disbursement"),
    "angsuran": ("Angsuran", "Repayment"),
    "pelunasan": ("Pelunasan", "Payoff"),
    "hapus_buku": ("Hapus buku", "Write-off"),
    "pemulihan": ("Penerimaan pinjaman dihapus", "Recovery"),
    "restrukturisasi": ("Restrukturisasi", "Reschedule"),
    "koreksi": ("Koreksi (pembalikan)", "Correction (reversal)"),
}

# ---- savings transactions (savings_transactions.kind)
SAVINGS_TX_KIND_LABELS: Labels = {
    "setor": ("Setoran", "Deposit"),
    "tarik": ("Penarikan", "Withdrawal"),
    "jasa": ("Jasa simpanan", "Interest"),
    "pajak": ("Pajak jasa (PPh final)", "Interest tax"),
    "koreksi": ("Koreksi (pembalikan)", "Correction (reversal)"),
    "pencairan": ("Pencairan pinjaman", "Loan disbursement"),
    "angsuran": ("Potong untuk angsuran", "Used for loan repayment"),
    "shu": ("Pembagian SHU", "SHU distribution"),
    "keluar": ("Pengembalian saat keluar", "Paid out at exit"),
    "instruksi": ("Pemindahbukuan instruksi tetap", "Standing instruction transfer"),
    "ke_berjangka": ("Ditempatkan ke simpanan berjangka", "Placed in a time deposit"),
    "dari_berjangka": ("Pencairan simpanan berjangka", "Time deposit paid out"),
}

# ---- loan quality (kolektibilitas, :mod:`koperasi.domain.arrears`)
LANCAR, KURANG_LANCAR = LoanClass.LANCAR, LoanClass.KURANG_LANCAR
DIRAGUKAN, MACET = LoanClass.DIRAGUKAN, LoanClass.MACET
LOAN_CLASS_LABELS: Labels = {
    LANCAR.value: ("Lancar", "Current"),
    KURANG_LANCAR.value: ("Kurang Lancar", "Substandard"),
    DIRAGUKAN.value: ("Diragukan", "Doubtful"),
    MACET.value: ("Macet", "Loss"),
}

# the vocabularies by the name messages.vocabulary() serves them under
BY_NAME: dict[str, Labels] = {
    "loan_status": LOAN_STATUS_LABELS,
    "loan_tx_kind": LOAN_TX_KIND_LABELS,
    "savings_tx_kind": SAVINGS_TX_KIND_LABELS,
    "loan_class": LOAN_CLASS_LABELS,
}

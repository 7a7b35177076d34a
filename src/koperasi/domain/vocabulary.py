"""Codes a person reads (loan statuses, kinds of transaction, loan quality classes) with
their labels in Bahasa Indonesia and English. Pure data: imports nothing from the app, so
every layer (and :mod:`koperasi.messages`, which errors use) may read it.

:func:`koperasi.messages.vocabulary` serves these under the names ``loan_status``,
``loan_tx_kind``, ``savings_tx_kind`` and ``loan_class``.
"""

from __future__ import annotations

Labels = dict[str, tuple[str, str]]

# ---- loans (the codes stored in loans.status)
APPLIED, APPROVED, REJECTED = "diajukan", "disetujui", "ditolak"
ACTIVE, PAID_OFF, WRITTEN_OFF = "aktif", "lunas", "dihapusbukukan"
LOAN_STATUS_LABELS: Labels = {
    APPLIED: ("Diajukan", "Applied"),
    APPROVED: ("Disetujui", "Approved"),
    REJECTED: ("Ditolak", "Rejected"),
    ACTIVE: ("Aktif", "Active"),
    PAID_OFF: ("Lunas", "Paid off"),
    WRITTEN_OFF: ("Dihapusbukukan", "Written off"),
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
LANCAR, KURANG_LANCAR, DIRAGUKAN, MACET = "lancar", "kurang_lancar", "diragukan", "macet"
LOAN_CLASS_LABELS: Labels = {
    LANCAR: ("Lancar", "Current"),
    KURANG_LANCAR: ("Kurang Lancar", "Substandard"),
    DIRAGUKAN: ("Diragukan", "Doubtful"),
    MACET: ("Macet", "Loss"),
}

# the vocabularies by the name messages.vocabulary() serves them under
BY_NAME: dict[str, Labels] = {
    "loan_status": LOAN_STATUS_LABELS,
    "loan_tx_kind": LOAN_TX_KIND_LABELS,
    "savings_tx_kind": SAVINGS_TX_KIND_LABELS,
    "loan_class": LOAN_CLASS_LABELS,
}

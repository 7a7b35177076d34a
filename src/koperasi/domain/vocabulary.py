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


class PeriodStatus(StrEnum):
    """fiscal_periods.status"""

    OPEN = "open"
    CLOSED = "closed"


class EntrySource(StrEnum):
    """journal_entries.source: the subledger or service that posted an entry."""

    SAVINGS = "simpanan"
    LOANS = "pinjaman"
    MANUAL = "manual"
    CLOSING = "tutup_buku"
    SHU = "shu"
    BANK = "bank"
    FIXED_ASSETS = "aset_tetap"
    DEPRECIATION = "penyusutan"
    TIME_DEPOSITS = "berjangka"
    PROVISION = "ppap"
    PAYROLL = "potong_gaji"


class PaymentSource(StrEnum):
    """Where the money of a loan payment or a time-deposit placement came from
    (loan_transactions.source, time_deposits.source)."""

    CASH = "kas"
    VOLUNTARY = "sukarela"  # the member's simpanan sukarela
    SAVINGS = "simpanan"
    OPENING = "saldo_awal"  # a loan's opening balance (loan_transactions.source)


class SavingsProductKind(StrEnum):
    """savings_products.kind"""

    POKOK = "pokok"
    WAJIB = "wajib"
    SUKARELA = "sukarela"
    BERJANGKA = "berjangka"


class ApprovalStatus(StrEnum):
    """approval_requests.status"""

    WAITING = "menunggu"
    APPROVED = "disetujui"
    REJECTED = "ditolak"
    CANCELLED = "dibatalkan"


class ApprovalKind(StrEnum):
    """approval_requests.kind"""

    WRITE_OFF = "write_off"
    LOAN_REVERSAL = "loan_reversal"
    SAVINGS_REVERSAL = "savings_reversal"
    ENTRY_REVERSAL = "entry_reversal"
    LOAN_APPROVAL = "loan_approval"
    BOARD_APPROVAL = "board_approval"


class CollateralKind(StrEnum):
    """loan_collateral.kind"""

    BPKB = "bpkb"
    CERTIFICATE = "sertifikat"
    GOLD = "emas"
    DEPOSIT = "deposito"
    OTHER = "lainnya"


class CollateralEventKind(StrEnum):
    """collateral_events.kind"""

    RECEIVED = "diterima"
    RETURNED = "dikembalikan"
    NOTE = "catatan"


class DepositEvent(StrEnum):
    """time_deposit_events.kind"""

    PLACED = "setor"
    INTEREST = "bunga"
    ACCRUED = "akrual"
    INTEREST_AT_MATURITY = "bayar_bunga"
    CAPITALISED = "kapitalisasi"
    ROLLED_OVER = "perpanjang"
    PAID_OUT = "cair"
    WITHDRAWN_EARLY = "cair_awal"
    FORFEITED = "hangus"
    CANCELLED = "batal"


class BankMatchKind(StrEnum):
    """bank_matches.kind: how a statement line was matched."""

    AUTO = "auto"
    MANUAL = "manual"
    POSTED = "posted"  # posted from the bank screen (charges, interest, tax)


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

# ---- approval requests (approval_requests.kind, .status)
APPROVAL_KIND_LABELS: Labels = {
    ApprovalKind.WRITE_OFF.value: ("Hapus buku pinjaman", "Loan write-off"),
    ApprovalKind.LOAN_REVERSAL.value: ("Pembalikan pembayaran pinjaman", "Loan payment reversal"),
    ApprovalKind.SAVINGS_REVERSAL.value: (
        "Pembalikan transaksi simpanan",
        "Savings transaction reversal",
    ),
    ApprovalKind.ENTRY_REVERSAL.value: ("Pembalikan jurnal", "Journal entry reversal"),
    ApprovalKind.LOAN_APPROVAL.value: (
        "Persetujuan pinjaman (pengguna kedua)",
        "Loan approval (second user)",
    ),
    ApprovalKind.BOARD_APPROVAL.value: (
        "Persetujuan pengurus dan pengawas",
        "Approval of the board and the supervisors",
    ),
}
APPROVAL_STATUS_LABELS: Labels = {
    ApprovalStatus.WAITING.value: ("Menunggu", "Waiting"),
    ApprovalStatus.APPROVED.value: ("Disetujui", "Approved"),
    ApprovalStatus.REJECTED.value: ("Ditolak", "Rejected"),
    ApprovalStatus.CANCELLED.value: ("Dibatalkan", "Cancelled"),
}

# ---- collateral (collateral.kind, collateral_events.kind)
COLLATERAL_KIND_LABELS: Labels = {
    CollateralKind.BPKB.value: ("BPKB kendaraan", "Vehicle title (BPKB)"),
    CollateralKind.CERTIFICATE.value: ("Sertifikat tanah/bangunan", "Land/building certificate"),
    CollateralKind.GOLD.value: ("Emas", "Gold"),
    CollateralKind.DEPOSIT.value: ("Deposito/simpanan berjangka", "Time deposit"),
    CollateralKind.OTHER.value: ("Lainnya", "Other"),
}
COLLATERAL_EVENT_LABELS: Labels = {
    CollateralEventKind.RECEIVED.value: ("Diterima", "Received"),
    CollateralEventKind.RETURNED.value: ("Dikembalikan", "Returned"),
}

# the vocabularies by the name messages.vocabulary() serves them under
BY_NAME: dict[str, Labels] = {
    "loan_status": LOAN_STATUS_LABELS,
    "loan_tx_kind": LOAN_TX_KIND_LABELS,
    "savings_tx_kind": SAVINGS_TX_KIND_LABELS,
    "loan_class": LOAN_CLASS_LABELS,
}

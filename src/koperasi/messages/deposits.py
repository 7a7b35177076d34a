"""Time deposits."""

from __future__ import annotations

from ..domain import vocabulary as _domain_vocabulary

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- time deposits (issue 17)
    "td_term_range": (
        "{field} harus antara 1 dan {max} bulan.",
        "{field} must be between 1 and {max} months.",
    ),
    "td_product_inactive": (
        "Produk {product} tidak aktif; pilih produk simpanan berjangka yang lain.",
        "Product {product} is not active; choose another time-deposit product.",
    ),
    "td_below_minimum": (
        "{field} kurang dari penempatan minimal {product}: {minimum}.",
        "{field} is below the minimum placement of {product}: {minimum}.",
    ),
    "td_active_at_exit": (
        "Anggota {member} masih memiliki simpanan berjangka aktif ({numbers}); cairkan "
        "dulu sebelum keanggotaan diakhiri.",
        "Member {member} still holds active time deposits ({numbers}); pay them out "
        "before ending the membership.",
    ),
    "td_reverse_here": (
        "Jurnal #{entry} adalah mutasi simpanan berjangka: batalkan atau cairkan dari tab "
        "Simpanan berjangka (deposito batal / withdraw), bukan dari transaksi simpanan.",
        "Entry #{entry} is a time-deposit movement: cancel or pay it out on the Time "
        "deposits tab (deposito cancel / withdraw), not as a savings transaction.",
    ),
    "td_not_cancellable": (
        "Simpanan berjangka {number} tidak dapat dibatalkan: sudah ada bunga atau "
        "mutasi lain. Cairkan (sebelum jatuh tempo dengan penalti) sebagai gantinya.",
        "Time deposit {number} cannot be cancelled: it has interest or other movements. "
        "Pay it out instead (with the penalty before maturity).",
    ),
    "td_not_active": (
        "Simpanan berjangka {number} sudah tidak aktif (sudah dicairkan).",
        "Time deposit {number} is no longer active (already paid out).",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    "term_months": ("Jangka waktu (bulan)", "Term (months)"),
    "payout": ("Pembayaran bunga", "Interest payout"),
    "instruction": ("Instruksi jatuh tempo", "Maturity instruction"),
    "deposit": ("Simpanan berjangka", "Time deposit"),
    "payout_to": ("Dicairkan ke", "Paid out to"),
    "min_amount": ("Penempatan minimal", "Minimum placement"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "td_payout": {
        "bulanan": ("Setiap bulan ke simpanan sukarela", "Monthly into voluntary savings"),
        "jatuh_tempo": ("Saat jatuh tempo", "At maturity"),
    },
    "td_instruction": {
        "aro": (
            "Diperpanjang otomatis (pokok), bunga ke sukarela",
            "Rolled over (principal), interest to voluntary savings",
        ),
        "aro_plus": (
            "Diperpanjang otomatis (pokok + bunga)",
            "Rolled over (principal and interest)",
        ),
        "sukarela": ("Dipindah ke simpanan sukarela", "Moved to voluntary savings"),
    },
    "td_source": {
        "kas": ("Tunai (kas)", "Cash"),
        "sukarela": ("Dari simpanan sukarela", "From voluntary savings"),
    },
    "td_status": _domain_vocabulary.DEPOSIT_STATUS_LABELS,
    "td_event": {
        "setor": ("Penempatan", "Placement"),
        "bunga": ("Bunga dibayar ke sukarela", "Interest paid to voluntary savings"),
        "akrual": ("Bunga dicadangkan", "Interest accrued"),
        "bayar_bunga": ("Bunga dibayar saat jatuh tempo", "Interest paid at maturity"),
        "kapitalisasi": ("Bunga ditambahkan ke pokok", "Interest added to principal"),
        "perpanjang": ("Diperpanjang", "Rolled over"),
        "cair": ("Dicairkan saat jatuh tempo", "Paid out at maturity"),
        "cair_awal": ("Dicairkan sebelum jatuh tempo", "Withdrawn early"),
        "hangus": ("Bunga berjalan hangus", "Accrued interest forfeited"),
        "batal": ("Penempatan dibatalkan (pembalikan)", "Placement cancelled (reversal)"),
    },
}

AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
    "deposit.product": ("Produk simpanan berjangka disimpan", "Time-deposit product saved"),
    "deposit.place": ("Penempatan simpanan berjangka", "Time deposit placed"),
    "deposit.instruction": (
        "Instruksi jatuh tempo simpanan berjangka diubah",
        "Time-deposit maturity instruction changed",
    ),
    "deposit.month_end": (
        "Proses akhir bulan simpanan berjangka",
        "Time-deposit month-end",
    ),
    "deposit.withdraw": ("Pencairan simpanan berjangka", "Time deposit paid out"),
    "deposit.cancel": ("Penempatan simpanan berjangka dibatalkan", "Time deposit cancelled"),
}

"""General messages and field names: input errors, plausibility, amounts and dates."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code -> (Bahasa Indonesia, English); str.format placeholders.
    "error": ("Terjadi kesalahan: {detail}", "An error occurred: {detail}"),
    "invalid": ("{field} tidak valid.", "{field} is not valid."),
    "required": ("{field} wajib diisi.", "{field} is required."),
    "not_a_number": (
        "{field} harus berupa angka: '{value}'.",
        "{field} must be a number: '{value}'.",
    ),
    "not_an_amount": (
        "{field} bukan jumlah rupiah yang sah: '{value}'.",
        "{field} is not a valid rupiah amount: '{value}'.",
    ),
    "must_be_positive": ("{field} harus lebih dari nol.", "{field} must be greater than zero."),
    "must_not_be_negative": ("{field} tidak boleh negatif.", "{field} must not be negative."),
    "too_large": (
        "{field} terlalu besar (maksimum {max}).",
        "{field} is too large (maximum {max}).",
    ),
    "not_a_date": (
        "{field} bukan tanggal yang sah: '{value}' (gunakan YYYY-MM-DD atau DD/MM/YYYY).",
        "{field} is not a valid date: '{value}' (use YYYY-MM-DD or DD/MM/YYYY).",
    ),
    "date_in_future": ("{field} tidak boleh di masa depan.", "{field} must not be in the future."),
    "date_before": ("{field} tidak boleh sebelum {other}.", "{field} must not be before {other}."),
    "duplicate": (
        "{field} '{value}' sudah dipakai.",
        "{field} '{value}' is already in use.",
    ),
    "choice": (
        "{field} harus salah satu dari: {choices} (diisi: '{value}').",
        "{field} must be one of: {choices} (given: '{value}').",
    ),
    "not_found": ("{what} '{key}' tidak ditemukan.", "{what} '{key}' was not found."),
    "permission_denied": (
        "Pengguna {user} (peran {role}) tidak berhak melakukan: {action}.",
        "User {user} (role {role}) may not do: {action}.",
    ),
    "conflict": (
        "Data berubah saat disimpan oleh pengguna lain; silakan ulangi.",
        "The data was changed by another user while saving; please try again.",
    ),
    "overpayment": (
        "Pembayaran {amount} melebihi seluruh sisa pinjaman {outstanding}.",
        "The payment of {amount} exceeds the whole outstanding loan of {outstanding}.",
    ),
    "date_not_after": (
        "{field} harus sesudah {other}.",
        "{field} must be after {other}.",
    ),
    "percent_range": (
        "{field} harus antara 0 dan 100 % (diisi: '{value}').",
        "{field} must be between 0 and 100 % (given: '{value}').",
    ),
    "split_not_100": (
        "Pembagian SHU harus berjumlah 100 % (sekarang {total} %).",
        "The SHU split must total 100 % (now {total} %).",
    ),
    "inactive": ("{field} '{value}' tidak aktif.", "{field} '{value}' is not active."),
    # ---------------------------------------------------------------- plausibility (issue 15):
    # an amount far above what the books have seen for its kind needs a confirmation.
    "amount_implausible": (
        "{field} {amount} jauh di atas yang biasa untuk {what} (biasanya paling besar"
        " {typical}; batas kewajaran {ceiling}). Periksa jumlahnya.",
        "{field} {amount} is far above the usual for {what_en} (usually at most"
        " {typical}; plausibility limit {ceiling}). Check the amount.",
    ),
    "amount_implausible_new": (
        "{field} {amount} di atas batas kewajaran {ceiling} untuk {what} (belum ada"
        " riwayatnya di pembukuan). Periksa jumlahnya.",
        "{field} {amount} is above the plausibility limit {ceiling} for {what_en} (the"
        " books have no history of it yet). Check the amount.",
    ),
    "amounts_implausible": (
        "{count} jumlah jauh di atas yang biasa: {rows}. Periksa jumlahnya.",
        "{count} amount(s) far above the usual: {rows_en}. Check the amounts.",
    ),
    "confirm_large_hint": (
        "Bila memang benar, ulangi dengan --confirm-large.",
        "If it is right, run again with --confirm-large.",
    ),
    "date_out_of_range": (
        "{field} '{value}' di luar rentang yang masuk akal (tahun {min} sampai {max}).",
        "{field} '{value}' is outside the sane range (years {min} to {max}).",
    ),
    "year_out_of_range": (
        "{field} {value} di luar rentang yang masuk akal ({min} sampai {max}).",
        "{field} {value} is outside the sane range ({min} to {max}).",
    ),
    "excel_error_cell": (
        "{field} berisi galat Excel {value} (rumus yang rusak); perbaiki selnya di Excel.",
        "{field} holds the Excel error {value} (a broken formula); fix the cell in Excel.",
    ),
    "not_an_amount_text": (
        "{field} berisi teks '{value}', bukan jumlah rupiah bulat (hanya angka, tanpa titik "
        "atau Rp).",
        "{field} holds the text '{value}', not a whole rupiah amount (digits only, no dots or Rp).",
    ),
}

FIELDS: dict[str, tuple[str, str]] = {
    # Field keys -> (Bahasa Indonesia, English) names shown to the user.
    "amount": ("Jumlah", "Amount"),
    "date": ("Tanggal", "Date"),
    "product": ("Produk", "Product"),
    "status": ("Status", "Status"),
    "description": ("Keterangan", "Description"),
    "category": ("Kategori kerentanan", "Vulnerability category"),
    "code": ("Kode", "Code"),
    "rate": ("Suku bunga", "Interest rate"),
    "kind": ("Jenis", "Kind"),
    "members": ("Jumlah anggota", "Number of members"),
    "years": ("Jumlah tahun", "Number of years"),
    "seed": ("Seed", "Seed"),
    "from": ("Dari tanggal", "From date"),
    "to": ("Sampai tanggal", "To date"),
    "reason": ("Alasan", "Reason"),
    "db": ("Basis data", "Database"),
    "rounding": ("Pembulatan", "Rounding"),
    "policy": ("Aturan pelunasan", "Payoff policy"),
    "source": ("Sumber pembayaran", "Payment source"),
    "loan_amount": ("Angsuran pinjaman", "Loan repayment"),
    "as_of": ("Per tanggal", "As of"),
    # the payee of a cash or bank entry (issue 15)
    "payee": ("Dibayarkan kepada / diterima dari", "Payee / payer"),
}

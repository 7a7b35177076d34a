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
    "nik_format": (
        "{field} harus 16 digit angka (diisi: '{value}').",
        "{field} must be 16 digits (given: '{value}').",
    ),
    "nik_invalid": (
        "{field} '{value}' tidak sah: kode tanggal lahir atau wilayah salah.",
        "{field} '{value}' is not valid: wrong birth-date or region code.",
    ),
    "duplicate": (
        "{field} '{value}' sudah dipakai.",
        "{field} '{value}' is already in use.",
    ),
    "choice": (
        "{field} harus salah satu dari: {choices} (diisi: '{value}').",
        "{field} must be one of: {choices} (given: '{value}').",
    ),
    "insufficient_balance": (
        "Saldo tidak cukup: penarikan {amount} melebihi saldo yang dapat ditarik {available}.",
        "Insufficient balance: withdrawal of {amount} exceeds the withdrawable balance {available}.",
    ),
    "below_minimum": (
        "Saldo {product} harus paling sedikit {minimum} (setoran awal minimal).",
        "The {product} balance must be at least {minimum} (minimum opening deposit).",
    ),
    "withdraw_only_at_exit": (
        "{product} hanya dapat ditarik saat keanggotaan berakhir.",
        "{product} savings can only be withdrawn when membership ends.",
    ),
    "fixed_amount": (
        "{field} untuk {product} harus {expected}.",
        "{field} for {product} must be {expected}.",
    ),
    "pokok_already_paid": (
        "Simpanan pokok anggota {member} sudah lunas.",
        "Member {member} has already paid the simpanan pokok.",
    ),
    "member_not_active": (
        "Anggota {member} berstatus {status}; transaksi tidak dapat dilakukan.",
        "Member {member} has status {status}; no transaction is possible.",
    ),
    "not_found": ("{what} '{key}' tidak ditemukan.", "{what} '{key}' was not found."),
    "permission_denied": (
        "Pengguna {user} (peran {role}) tidak berhak melakukan: {action}.",
        "User {user} (role {role}) may not do: {action}.",
    ),
    "period_closed": (
        "Periode {period} sudah ditutup; tanggal {date} tidak dapat dibukukan.",
        "Period {period} is closed; nothing can be posted on {date}.",
    ),
    "unbalanced": (
        "Jurnal tidak seimbang: debit {debit} ≠ kredit {credit}.",
        "Journal entry does not balance: debit {debit} ≠ credit {credit}.",
    ),
    "empty_entry": (
        "Jurnal harus memiliki paling sedikit dua baris.",
        "A journal entry needs at least two lines.",
    ),
    "line_both_sides": (
        "Baris jurnal {line}: isi debit atau kredit, tidak keduanya.",
        "Journal line {line}: fill in debit or credit, not both.",
    ),
    "already_reversed": (
        "Jurnal {entry} sudah dibalik sebelumnya.",
        "Journal entry {entry} has already been reversed.",
    ),
    "is_reversal": (
        "Jurnal {entry} adalah jurnal pembalik dan tidak dapat dibalik lagi.",
        "Journal entry {entry} is itself a reversal and cannot be reversed.",
    ),
    "member_has_debt": (
        "Anggota {member} masih memiliki pinjaman {amount}; lunasi atau potong dari simpanan.",
        "Member {member} still owes {amount} on loans; settle it or offset it from savings.",
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
    "db_problem": (
        "Basis data tidak dapat dibuka: {detail}",
        "The database cannot be opened: {detail}",
    ),
    "db_not_ours": (
        "Berkas '{path}' bukan basis data Koperasi atau rusak.",
        "File '{path}' is not a Koperasi database or is damaged.",
    ),
    "db_too_new": (
        "Basis data dibuat oleh versi aplikasi yang lebih baru ({revision}); perbarui aplikasi.",
        "The database was made by a newer version of the app ({revision}); please update the app.",
    ),
    "db_network_share": (
        "Basis data SQLite di folder jaringan ('{path}') tidak aman (penguncian berkas tidak andal). "
        "Gunakan server PostgreSQL untuk beberapa PC; lihat README, bagian PostgreSQL "
        "(docs/postgresql.md).",
        "An SQLite database on a network share ('{path}') is unsafe (file locking is unreliable). "
        "Use a PostgreSQL server for several PCs; see the README, PostgreSQL section "
        "(docs/postgresql.md).",
    ),
    "db_unreachable": (
        "Server basis data tidak dapat dihubungi: {detail}",
        "The database server cannot be reached: {detail}",
    ),
    "group_has_leader_elsewhere": (
        "Ketua kelompok harus anggota kelompok {group}.",
        "The group leader must be a member of group {group}.",
    ),
    "account_in_use": (
        "Akun {code} sudah dipakai dan tidak dapat dihapus.",
        "Account {code} has postings and cannot be deleted.",
    ),
    "not_postable": (
        "Akun {code} adalah akun kontrol ({what}); gunakan menu transaksinya.",
        "Account {code} is a control account ({what}); use its own transactions.",
    ),
    # ---- loans (issue 3) ----
    "out_of_range": (
        "{field} {value} di luar batas produk ({min} s.d. {max}).",
        "{field} {value} is outside the product's range ({min} to {max}).",
    ),
    "less_than": (
        "{field} tidak boleh lebih kecil dari {other}.",
        "{field} must not be less than {other}.",
    ),
    "rate_needs_confirm": (
        "{field} {rate} % per bulan sangat tinggi (> 10 %); konfirmasi dulu (--confirm-high-rate).",
        "{field} of {rate} % per month is very high (> 10 %); confirm it first (--confirm-high-rate).",
    ),
    "over_limit": (
        "{field} {amount} melebihi batas pinjaman {limit} ({multiple} x simpanan {savings}).",
        "{field} {amount} exceeds the loan limit {limit} ({multiple} x savings of {savings}).",
    ),
    "has_open_loan": (
        "Anggota {member} masih memiliki pinjaman {loan} yang belum selesai.",
        "Member {member} still has loan {loan} open.",
    ),
    "loan_wrong_status": (
        "Pinjaman {loan} berstatus {status}; langkah ini tidak dapat dilakukan.",
        "Loan {loan} has status {status}; this step is not possible.",
    ),
    "inactive": ("{field} '{value}' tidak aktif.", "{field} '{value}' is not active."),
    "payoff_mismatch": (
        "Jumlah pelunasan {amount} tidak sama dengan jumlah tagihan pelunasan {quote}.",
        "The payoff amount {amount} differs from the payoff quote {quote}.",
    ),
    "not_reversible": (
        "Transaksi jenis {kind} tidak dapat dibalik di sini.",
        "A transaction of kind {kind} cannot be reversed here.",
    ),
    "opening_not_reversible": (
        "Angsuran saldo awal pinjaman {loan} (sudah dibayar sebelum pindah buku) tidak dapat "
        "dibalik; bunganya sudah masuk hasil pembukuan lama. Perbaiki dengan jurnal koreksi.",
        "The opening repayment of loan {loan} (paid before the cut-over) cannot be reversed; "
        "its interest is already in the old books' result. Correct it with a journal entry.",
    ),
    "before_reschedule": (
        "Transaksi sebelum restrukturisasi ({date}) tidak dapat dibalik.",
        "A transaction before the reschedule ({date}) cannot be reversed.",
    ),
    "replay_failed": (
        "Pembayaran {receipt} tidak dapat dibukukan ulang setelah koreksi; koreksi dibatalkan.",
        "Payment {receipt} cannot be replayed after the correction; nothing was changed.",
    ),
    "nothing_to_reschedule": (
        "Pinjaman {loan} tidak memiliki sisa pokok untuk dijadwal ulang.",
        "Loan {loan} has no principal left to reschedule.",
    ),
    "nothing_to_write_off": (
        "Pinjaman {loan} tidak memiliki sisa pokok untuk dihapusbukukan.",
        "Loan {loan} has no principal left to write off.",
    ),
    "not_in_group": (
        "Anggota {member} bukan anggota kelompok {group}.",
        "Member {member} is not in group {group}.",
    ),
    "no_active_loan": (
        "Anggota {member} tidak memiliki pinjaman aktif.",
        "Member {member} has no active loan.",
    ),
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
    "nik": ("NIK", "NIK"),
    "name": ("Nama", "Name"),
    "gender": ("Jenis kelamin", "Gender"),
    "birth_date": ("Tanggal lahir", "Birth date"),
    "join_date": ("Tanggal masuk", "Join date"),
    "phone": ("Nomor telepon", "Phone number"),
    "member": ("Nomor anggota", "Member number"),
    "group": ("Kelompok", "Group"),
    "product": ("Produk", "Product"),
    "status": ("Status", "Status"),
    "account": ("Akun", "Account"),
    "lines": ("Baris jurnal", "Journal lines"),
    "description": ("Keterangan", "Description"),
    "meeting_day": ("Hari pertemuan", "Meeting day"),
    "leader": ("Ketua kelompok", "Group leader"),
    "category": ("Kategori kerentanan", "Vulnerability category"),
    "code": ("Kode", "Code"),
    "rate": ("Suku bunga", "Interest rate"),
    "kind": ("Jenis", "Kind"),
    "members": ("Jumlah anggota", "Number of members"),
    "years": ("Jumlah tahun", "Number of years"),
    "seed": ("Seed", "Seed"),
    "from": ("Dari tanggal", "From date"),
    "to": ("Sampai tanggal", "To date"),
    "entry": ("Jurnal", "Journal entry"),
    "reason": ("Alasan", "Reason"),
    "db": ("Basis data", "Database"),
    "rounding": ("Pembulatan", "Rounding"),
    "policy": ("Aturan pelunasan", "Payoff policy"),
    "shu_split": ("Pembagian SHU", "SHU split"),
    "principal": ("Pokok pinjaman", "Principal"),
    "repayments": ("Jumlah angsuran", "Number of repayments"),
    "every": ("Setiap", "Every"),
    "unit": ("Satuan periode", "Period unit"),
    "method": ("Metode bunga", "Interest method"),
    "rate_per": ("Bunga per", "Rate per"),
    "disbursed": ("Tanggal pencairan", "Disbursement date"),
    "first_due": ("Jatuh tempo pertama", "First due date"),
    "interest_period": ("Periode bunga", "Interest period"),
    "amounts_multiple": ("Kelipatan jumlah", "Amounts in multiples of"),
    "installment_multiple": ("Kelipatan angsuran", "Installment in multiples of"),
    "grace_principal": ("Masa tenggang pokok", "Grace on principal"),
    "grace_interest": ("Masa tenggang bunga", "Grace on interest payment"),
    "interest_free": ("Periode bebas bunga", "Interest-free periods"),
    "min_days": ("Jarak minimal hari", "Minimum days"),
    "discount": ("Potongan bunga", "Interest discount"),
    "penalty_kind": ("Jenis denda", "Penalty kind"),
    "penalty_per": ("Denda per", "Penalty per"),
    "penalty_amount": ("Jumlah denda", "Penalty amount"),
    "penalty_percent": ("Persentase denda", "Penalty percentage"),
    "penalty_grace": ("Masa tenggang denda (hari)", "Penalty grace (days)"),
    "jasa_anggota": ("SHU jasa anggota", "SHU patronage pot"),
    "jasa_modal": ("SHU jasa modal", "SHU capital pot"),
    # ---- loans (issue 3) ----
    "loan": ("Nomor pinjaman", "Loan number"),
    "term": ("Jangka waktu (jumlah angsuran)", "Term (number of repayments)"),
    "purpose": ("Tujuan pinjaman", "Loan purpose"),
    "guarantor": ("Penjamin", "Guarantor"),
    "collateral": ("Nilai agunan", "Collateral value"),
    "min_amount": ("Pinjaman minimum", "Minimum amount"),
    "max_amount": ("Pinjaman maksimum", "Maximum amount"),
    "min_term": ("Jangka waktu minimum", "Minimum term"),
    "max_term": ("Jangka waktu maksimum", "Maximum term"),
    "fee_kind": ("Jenis biaya administrasi", "Fee kind"),
    "fee_amount": ("Biaya administrasi", "Fee amount"),
    "fee_percent": ("Biaya administrasi (%)", "Fee (%)"),
    "fee_mode": ("Cara bayar biaya", "Fee payment"),
    "penalty_grace_days": ("Masa tenggang denda (hari)", "Penalty grace days"),
    "limit_multiple": ("Batas pinjaman (x simpanan)", "Loan limit (x savings)"),
    "payoff_policy": ("Aturan pelunasan", "Payoff policy"),
    "transaction": ("Transaksi", "Transaction"),
    "disburse_to": ("Dicairkan ke", "Disbursed to"),
    "source": ("Sumber pembayaran", "Payment source"),
    "wajib": ("Simpanan wajib", "Mandatory savings"),
    "sukarela": ("Simpanan sukarela", "Voluntary savings"),
    "loan_amount": ("Angsuran pinjaman", "Loan repayment"),
    "as_of": ("Per tanggal", "As of"),
    # the payee of a cash or bank entry (issue 15)
    "payee": ("Dibayarkan kepada / diterima dari", "Payee / payer"),
}

"""The catalogue of user-facing messages outside Qt (services, CLI), in id and en.

Qt widgets use ``tr()``; services and the CLI cannot (they know nothing of Qt),
so their messages live here, keyed by a short code. Add both languages at once.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

# code -> (Bahasa Indonesia, English); str.format placeholders.
MESSAGES: dict[str, tuple[str, str]] = {
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
}

# Field keys -> (Bahasa Indonesia, English) names shown to the user.
FIELDS: dict[str, tuple[str, str]] = {
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
}


# ---------------------------------------------------------------- exchange (issue 6): Excel
# import/export messages. Kept in one block to ease merges.
MESSAGES.update(
    {
        "file_missing": ("Berkas '{path}' tidak ditemukan.", "File '{path}' was not found."),
        "file_extension": (
            "Nama berkas harus berakhiran {expected} (diisi: '{value}').",
            "The file name must end in {expected} (given: '{value}').",
        ),
        "file_wrong_type": (
            "Berkas '{path}' bukan buku kerja Excel (.xlsx). Simpan ulang sebagai "
            "'Excel Workbook (*.xlsx)'.",
            "File '{path}' is not an Excel workbook (.xlsx). Save it again as "
            "'Excel Workbook (*.xlsx)'.",
        ),
        "file_old_xls": (
            "Berkas '{path}' berformat Excel lama (.xls). Buka di Excel lalu simpan sebagai "
            "'Excel Workbook (*.xlsx)'.",
            "File '{path}' is an old Excel file (.xls). Open it in Excel and save it as "
            "'Excel Workbook (*.xlsx)'.",
        ),
        "file_encrypted": (
            "Berkas '{path}' dilindungi kata sandi. Hapus kata sandinya di Excel "
            "(File > Info > Protect Workbook) lalu simpan dan impor lagi.",
            "File '{path}' is password-protected. Remove the password in Excel "
            "(File > Info > Protect Workbook), save, and import again.",
        ),
        "file_corrupt": (
            "Berkas '{path}' rusak atau tidak dapat dibaca ({detail}).",
            "File '{path}' is damaged or cannot be read ({detail}).",
        ),
        "sheet_missing": (
            "Lembar '{sheet}' tidak ada di buku kerja.",
            "The workbook has no sheet '{sheet}'.",
        ),
        "column_missing": (
            "Lembar '{sheet}': kolom wajib tidak ada: {column}.",
            "Sheet '{sheet}': required column(s) missing: {column_en}.",
        ),
        "column_duplicate": (
            "Lembar '{sheet}': kolom ganda: {column}.",
            "Sheet '{sheet}': duplicate column(s): {column}.",
        ),
        "no_rows": ("Lembar '{sheet}' tidak berisi data.", "Sheet '{sheet}' has no data rows."),
        "import_failed": (
            "Impor dibatalkan, tidak ada yang disimpan: {detail}",
            "Import aborted, nothing was written: {detail}",
        ),
        "import_unavailable": (
            "Impor '{kind}' belum tersedia di versi ini.",
            "Import of '{kind}' is not available in this version.",
        ),
        "nik_as_number": (
            "{field} diisi sebagai angka ({value}); Excel hanya menyimpan 15 digit angka sehingga "
            "digit terakhir bisa hilang. Format kolom sebagai Teks lalu ketik ulang NIK.",
            "{field} was entered as a number ({value}); Excel keeps only 15 digits of a number, "
            "so the last digit may be lost. Format the column as Text and retype the NIK.",
        ),
        "duplicate_in_file": (
            "{field} '{value}' sudah ada di baris {row} berkas ini.",
            "{field} '{value}' already appears in row {row} of this file.",
        ),
        "unknown_ref": ("{what} '{value}' tidak ditemukan.", "{what} '{value}' was not found."),
        "member_or_account": (
            "Isi nomor anggota dan produk simpanan, atau kode akun - tidak keduanya.",
            "Fill in a member number and savings product, or an account code - not both.",
        ),
        "opening_exists": (
            "Rekening {product} anggota {member} sudah punya transaksi; saldo awal hanya untuk "
            "rekening yang masih kosong.",
            "The {product} account of member {member} already has transactions; opening "
            "balances are only for empty accounts.",
        ),
        "clearing_residual": (
            "Perhatian: akun {account} Saldo Awal (Kliring) bersaldo {side} {amount}; lengkapi "
            "saldo awal akun lain (kas, bank, pinjaman, aset) sampai saldonya nol.",
            "Note: account {account} Opening balance clearing has a {side} balance of {amount}; "
            "enter the other opening balances (cash, bank, loans, assets) until it is zero.",
        ),
        "formula_no_value": (
            "{field} berisi rumus tanpa nilai tersimpan ({formula}); buka dan simpan berkas di "
            "Excel, atau salin lalu tempel sebagai nilai.",
            "{field} holds a formula without a saved value ({formula}); open and save the file "
            "in Excel, or copy and paste it as values.",
        ),
        "workbook_not_audit": (
            "Berkas '{path}' bukan buku kerja audit Koperasi (lembar Info tidak sesuai).",
            "File '{path}' is not a Koperasi audit workbook (its Info sheet does not match).",
        ),
        "workbook_version": (
            "Buku kerja audit versi {version} tidak dikenal (didukung: {supported}).",
            "Audit workbook version {version} is not supported (supported: {supported}).",
        ),
        "workbook_partial": (
            "Buku kerja audit hanya berisi periode {period}; pemulihan memerlukan ekspor "
            "lengkap (tanpa --from).",
            "The audit workbook holds only the period {period}; a restore needs a complete "
            "export (without --from).",
        ),
        "hash_mismatch": (
            "Lembar '{sheet}': SHA-256 tidak cocok dengan lembar Info (isi diubah setelah ekspor).",
            "Sheet '{sheet}': SHA-256 does not match the Info sheet (changed after export).",
        ),
        "target_not_empty": (
            "Basis data tujuan sudah berisi data ({what}); pemulihan buku kerja audit hanya ke "
            "basis data kosong.",
            "The target database already holds data ({what}); an audit workbook is restored "
            "only into an empty database.",
        ),
        "dangling_ref": (
            "{field} {value} merujuk ke data yang tidak ada di lembar '{sheet}'.",
            "{field} {value} refers to a record missing from sheet '{sheet}'.",
        ),
        "books_check_failed": (
            "Pemeriksaan buku setelah pemulihan gagal: {detail}",
            "The books check after the restore failed: {detail}",
        ),
    }
)
FIELDS.update(
    {
        "file": ("Berkas", "File"),
        "sheet": ("Lembar", "Sheet"),
        "member_number": ("Nomor anggota", "Member number"),
        "product_code": ("Produk simpanan", "Savings product"),
        "account_code": ("Kode akun", "Account code"),
        "group_code": ("Kode kelompok", "Group code"),
        "categories": ("Kategori kerentanan", "Vulnerability categories"),
        "birth_place": ("Tempat lahir", "Birth place"),
        "address": ("Alamat", "Address"),
        "kelurahan": ("Kelurahan", "Village"),
        "kecamatan": ("Kecamatan", "District"),
        "occupation": ("Pekerjaan", "Occupation"),
        "heir_name": ("Nama ahli waris", "Heir name"),
        "heir_relation": ("Hubungan ahli waris", "Heir relation"),
        "memo": ("Keterangan", "Memo"),
        "value": ("Nilai", "Value"),
    }
)


def field_name(key: str, lang: str = "id") -> str:
    pair = FIELDS.get(key)
    if pair is None:
        return key
    return pair[0] if lang == "id" else pair[1]


_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def _shown(value: Any) -> Any:
    """A date as the screens show it (23/11/2026), also when a service passed it as ISO
    text (``date.isoformat()``) or inside a longer text; everything else as it is."""
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and "-" in value:
        return _ISO_DATE.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", value)
    return value


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    pair = MESSAGES.get(code)
    if pair is None:
        text = code + (": " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else "")
        return text
    template = pair[0] if lang == "id" else pair[1]
    try:
        return template.format(**{k: _shown(v) for k, v in params.items()})
    except (KeyError, IndexError):
        return template


# ---------------------------------------------------------------- trust (issue 7): users,
# logins, backups, restore. Kept in one block so merges stay easy.
MESSAGES.update(
    {
        "login_failed": (
            "Nama pengguna atau kata sandi salah.",
            "Wrong user name or password.",
        ),
        "account_locked": (
            "Akun {user} dikunci karena terlalu banyak percobaan gagal; coba lagi dalam {minutes} menit.",
            "Account {user} is locked after too many failed attempts; try again in {minutes} minutes.",
        ),
        "user_disabled": (
            "Akun {user} dinonaktifkan.",
            "Account {user} is disabled.",
        ),
        "login_required": (
            "Masuk diperlukan: gunakan --user NAMA (kata sandi dari KOPERASI_PASSWORD atau prompt).",
            "Login required: use --user NAME (password from KOPERASI_PASSWORD or a prompt).",
        ),
        "password_needed": (
            "Kata sandi diperlukan: isi variabel lingkungan {env} atau jalankan di terminal.",
            "A password is needed: set the environment variable {env} or run in a terminal.",
        ),
        "password_too_short": (
            "{field} minimal {min} karakter.",
            "{field} must have at least {min} characters.",
        ),
        "password_wrong": (
            "{field} lama salah.",
            "The old {field} is wrong.",
        ),
        "password_mismatch": (
            "Kedua {field} tidak sama.",
            "The two {field} entries differ.",
        ),
        "username_format": (
            "{field} hanya boleh huruf, angka, titik, garis bawah dan tanda hubung (maks. 64): '{value}'.",
            "{field} may contain only letters, digits, dot, underscore and hyphen (max 64): '{value}'.",
        ),
        "first_user_admin": (
            "Pengguna pertama harus administrator (--role admin).",
            "The first user must be an administrator (--role admin).",
        ),
        "last_admin": (
            "{value} adalah administrator aktif terakhir dan tidak dapat dinonaktifkan.",
            "{value} is the last active administrator and cannot be disabled.",
        ),
        "backup_on_postgres": (
            "Cadangan basis data PostgreSQL dibuat di server dengan pg_dump (lihat docs/postgresql.md), "
            "bukan dari aplikasi.",
            "A PostgreSQL database is backed up on the server with pg_dump (see docs/postgresql.md), "
            "not from the app.",
        ),
        "backup_failed": (
            "Cadangan gagal dibuat di '{path}': {detail}",
            "The backup could not be written to '{path}': {detail}",
        ),
        "restore_bad_backup": (
            "Berkas cadangan '{path}' tidak dapat dipulihkan: {detail}",
            "Backup file '{path}' cannot be restored: {detail}",
        ),
        "text_nul": (
            "Teks berisi karakter NUL yang tidak diizinkan.",
            "The text contains a NUL character, which is not allowed.",
        ),
        "text_too_long": (
            "Teks terlalu panjang untuk disimpan: {detail}",
            "The text is too long to be stored: {detail}",
        ),
        "data_refused": (
            "Data ditolak oleh basis data: {detail}",
            "The database refused the data: {detail}",
        ),
        "restore_needs_yes": (
            "Pemulihan menimpa basis data saat ini; jalankan di terminal atau tambahkan --yes.",
            "Restoring overwrites the current database; run in a terminal or add --yes.",
        ),
    }
)
FIELDS.update(
    {
        "username": ("Nama pengguna", "User name"),
        "password": ("Kata sandi", "Password"),
        "role": ("Peran", "Role"),
        "file": ("Berkas", "File"),
        "limit": ("Batas", "Limit"),
    }
)


# ---- period closing, SHU and reports (issue 5) ----
MESSAGES.update(
    {
        "not_a_period": (
            "{field} bukan periode yang sah: '{value}' (gunakan YYYY-MM).",
            "{field} is not a valid period: '{value}' (use YYYY-MM).",
        ),
        "period_not_ended": (
            "Periode {period} belum berakhir dan belum dapat ditutup.",
            "Period {period} has not ended yet and cannot be closed.",
        ),
        "year_closed": (
            "Tahun buku {year} sudah ditutup; buka kembali tahun buku itu lebih dahulu.",
            "Financial year {year} is closed; reopen the year first.",
        ),
        "year_not_closed": (
            "Tahun buku {year} belum ditutup.",
            "Financial year {year} is not closed.",
        ),
        "earlier_year_open": (
            "Tahun buku {year} belum ditutup; tutup tahun-tahun buku secara berurutan.",
            "Financial year {year} is not closed yet; close the years in order.",
        ),
        "later_year_closed": (
            "Tahun buku {year} yang lebih baru sudah ditutup; buka kembali tahun itu lebih dahulu.",
            "The later financial year {year} is closed; reopen it first.",
        ),
        "shu_already_distributed": (
            "SHU tahun buku {year} sudah dibagikan; tutup buku tidak dapat dibatalkan.",
            "The SHU of financial year {year} has been distributed; the closing cannot be undone.",
        ),
        "shu_not_distributed": (
            "SHU tahun buku {year} belum dibagikan (jalankan pembagian SHU lebih dahulu).",
            "The SHU of financial year {year} has not been distributed yet.",
        ),
        "no_surplus": (
            "Tahun buku {year} tidak menghasilkan SHU positif; tidak ada yang dibagikan.",
            "Financial year {year} has no positive surplus; there is nothing to distribute.",
        ),
        "unknown_report": (
            "Laporan '{value}' tidak dikenal; lihat 'koperasi report --list'.",
            "Unknown report '{value}'; see 'koperasi report --list'.",
        ),
        "no_data": (
            "Belum ada data untuk {what}.",
            "There is no data yet for {what}.",
        ),
        "one_period_option": (
            "Pilih salah satu: --period, --year atau --date.",
            "Choose only one of --period, --year or --date.",
        ),
    }
)
FIELDS.update(
    {
        "period": ("Periode", "Period"),
        "year": ("Tahun buku", "Financial year"),
        "format": ("Format", "Format"),
        "report": ("Laporan", "Report"),
        "receipt": ("Nomor kuitansi", "Receipt number"),
    }
)


# ---- loans import (issue 6): running loans brought in from the old books ----
MESSAGES.update(
    {
        "more_than": (
            "{field} {value} melebihi {other}.",
            "{field} {value} is more than {other}.",
        ),
    }
)
FIELDS.update(
    {
        "loan_product": ("Produk pinjaman", "Loan product"),
        "principal_repaid": ("Pokok sudah dibayar", "Principal repaid"),
        "interest_paid": ("Bunga sudah dibayar", "Interest paid"),
    }
)


# ---------------------------------------------------------------- plausibility (issue 15):
# an amount far above what the books have seen for its kind needs a confirmation.
MESSAGES.update(
    {
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
    }
)


# ---- SHU per UU 25/1992 Pasal 45: member / non-member business, loss years (issue 15) ----
MESSAGES.update(
    {
        "income_expense_only": (
            "{field} hanya untuk akun pendapatan dan beban (akun {value} bukan).",
            "{field} applies only to income and expense accounts ({value} is neither).",
        ),
        "account_unknown": (
            "{field}: akun '{value}' tidak ditemukan.",
            "{field}: account '{value}' was not found.",
        ),
        "loss_year_cover_reserve": (
            "Tahun buku {year} rugi {loss}; tidak ada SHU yang dibagikan. Usul pengurus: rugi "
            "ditutup dari cadangan umum ('koperasi shu cover-loss {year}').",
            "Financial year {year} made a loss of {loss}; there is no SHU to distribute. The "
            "board proposes to cover it from the general reserve ('koperasi shu cover-loss {year}').",
        ),
        "loss_year_carry": (
            "Tahun buku {year} rugi {loss}; tidak ada SHU yang dibagikan. Usul pengurus: rugi "
            "dibawa ke tahun berikutnya (dipindahkan ke akun 3.91 saat tutup buku berikutnya).",
            "Financial year {year} made a loss of {loss}; there is no SHU to distribute. The "
            "board proposes to carry it forward (moved to account 3.91 at the next closing).",
        ),
        "no_loss": (
            "Tahun buku {year} tidak rugi; tidak ada kerugian yang ditutup.",
            "Financial year {year} made no loss; there is nothing to cover.",
        ),
        "loss_carried_forward": (
            "Penutupan rugi {year} diatur 'dibawa ke tahun berikutnya': tidak ada yang dibukukan "
            "sekarang (ubah pengaturan shu_loss_coverage bila RAT memutuskan lain).",
            "The loss of {year} is set to be carried forward: nothing is posted now (change the "
            "shu_loss_coverage setting if the meeting decided otherwise).",
        ),
        "reserve_short": (
            "Cadangan umum (3.20) hanya {balance}, kurang dari rugi {amount}.",
            "The general reserve (3.20) holds only {balance}, less than the loss of {amount}.",
        ),
        "shu_account_short": (
            "Akun {account} hanya bersaldo {balance}, kurang dari SHU {amount} yang akan "
            "dibagikan; periksa jurnal akun itu atau buka kembali dan tutup lagi tahun buku {year}.",
            "Account {account} holds only {balance}, less than the SHU of {amount} to be "
            "distributed; check that account's entries, or reopen and close year {year} again.",
        ),
    }
)
FIELDS.update(
    {
        "ceiling": ("Batas kewajaran", "Plausibility limit"),
        "business_side": (
            "Jenis usaha (anggota/non-anggota)",
            "Business side (members/non-members)",
        ),
        "shu_non_member_to": ("Tujuan SHU non-anggota", "Destination of non-member SHU"),
        "shu_loss_coverage": ("Penutupan rugi", "Loss coverage"),
    }
)


# ---------------------------------------------------------------- labels of codes (issue 15)
# Every code a person reads (a status, a kind of transaction, a category, a rule, an audited
# action) is shown through ``label(vocabulary, code, lang)``: papers, screens and the CLI
# read the same words. Vocabularies defined beside their codes (services.loans,
# services.savings, domain.arrears) are registered here by reference, not copied.
FIELDS["payee"] = ("Dibayarkan kepada / diterima dari", "Payee / payer")
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "member_status": {
        "calon": ("Calon", "Candidate"),
        "aktif": ("Aktif", "Active"),
        "keluar": ("Keluar", "Left"),
        "meninggal": ("Meninggal", "Deceased"),
    },
    "gender": {"L": ("Laki-laki", "Male"), "P": ("Perempuan", "Female")},
    "arrears_rule": {
        "permen": (
            "Permen 14/2009 (bulan tunggakan menurut frekuensi angsuran)",
            "Permen 14/2009 (months in arrears by installment frequency)",
        ),
        "days": ("jumlah hari tunggakan", "days past due"),
    },
    "loan_method": {
        "flat": ("Flat (bunga tetap dari pokok awal)", "Flat"),
        "annuity": ("Anuitas (angsuran sama, bunga menurun)", "Annuity"),
        "declining": ("Menurun (pokok sama, bunga dari sisa)", "Declining balance"),
    },
    "loan_source": {
        "kas": ("Tunai (kas)", "Cash"),
        "sukarela": ("Potong simpanan sukarela", "From voluntary savings"),
    },
    "audit_action": {
        "account.add": ("Akun ditambahkan", "Account added"),
        "account.business_side": (
            "Jenis usaha akun diubah (anggota/non-anggota)",
            "Account's business side changed (members/non-members)",
        ),
        "asset.add": ("Aset tetap dicatat", "Fixed asset recorded"),
        "asset.depreciate": ("Penyusutan aset tetap dibukukan", "Depreciation posted"),
        "asset.dispose": ("Aset tetap dilepas", "Fixed asset disposed of"),
        "asset.opening": ("Saldo awal aset tetap", "Fixed asset brought in"),
        "import.audit_workbook": ("Buku kerja audit dipulihkan", "Audit workbook restored"),
        "rat.budget": ("RAPB disimpan", "Budget (RAPB) saved"),
        "rat.governance": ("Jawaban tata kelola disimpan", "Governance answers saved"),
        "rat.meeting": ("Data rapat anggota tahunan disimpan", "Annual meeting record saved"),
        "rat.officer.add": ("Pengurus/pengawas/karyawan dicatat", "Officer recorded"),
        "rat.officer.remove": ("Pengurus/pengawas/karyawan dihapus", "Officer removed"),
        "rat.officer.update": ("Pengurus/pengawas/karyawan diubah", "Officer changed"),
        "rat.text": ("Laporan pengurus/pengawas disimpan", "Board/supervisors' report saved"),
        "savings.product": ("Produk simpanan diubah", "Savings product changed"),
        "shu.cover_loss": ("Rugi ditutup dari cadangan", "Loss covered from the reserve"),
        "backup.create": ("Cadangan dibuat", "Backup made"),
        "backup.restore": ("Cadangan dipulihkan", "Backup restored"),
        "category.add": ("Kategori ditambahkan", "Category added"),
        "export.auditor": ("Ekspor buku kerja audit", "Audit workbook exported"),
        "group.assign": ("Anggota dipindah kelompok", "Member moved to a group"),
        "group.create": ("Kelompok dibentuk", "Group formed"),
        "group.leader": ("Ketua kelompok diganti", "Group leader changed"),
        "group.meeting": ("Pertemuan kelompok", "Group meeting"),
        "group.remove": ("Kelompok dibubarkan", "Group removed"),
        "group.update": ("Kelompok diubah", "Group changed"),
        "journal.add": ("Jurnal manual", "Manual entry"),
        "journal.reverse": ("Pembalikan jurnal", "Entry reversed"),
        "loan.apply": ("Permohonan pinjaman", "Loan application"),
        "loan.approve": ("Pinjaman disetujui", "Loan approved"),
        "loan.disburse": ("Pencairan pinjaman", "Loan disbursed"),
        "loan.exit_settlement": ("Pelunasan saat keluar", "Settled at exit"),
        "loan.import": ("Pinjaman dari pembukuan lama", "Loan brought in"),
        "loan.month_end": ("Proses akhir bulan pinjaman", "Loan month-end"),
        "loan.payoff": ("Pelunasan pinjaman", "Loan paid off"),
        "loan.product.add": ("Produk pinjaman ditambahkan", "Loan product added"),
        "loan.product.update": ("Produk pinjaman diubah", "Loan product changed"),
        "loan.recover": ("Penerimaan pinjaman dihapus", "Recovery"),
        "loan.reject": ("Pinjaman ditolak", "Loan rejected"),
        "loan.repay": ("Angsuran pinjaman", "Loan repayment"),
        "loan.reschedule": ("Restrukturisasi pinjaman", "Loan rescheduled"),
        "loan.reverse": ("Pembalikan transaksi pinjaman", "Loan transaction reversed"),
        "loan.write_off": ("Hapus buku pinjaman", "Loan written off"),
        "member.exit": ("Anggota keluar", "Member left"),
        "member.register": ("Anggota didaftarkan", "Member registered"),
        "member.update": ("Data anggota diubah", "Member changed"),
        "period.close": ("Tutup bulan", "Month closed"),
        "period.reopen": ("Bulan dibuka kembali", "Month reopened"),
        "savings.deposit": ("Setoran simpanan", "Savings deposit"),
        "savings.interest": ("Jasa simpanan", "Savings interest"),
        "savings.reverse": ("Pembalikan transaksi simpanan", "Savings transaction reversed"),
        "savings.withdraw": ("Penarikan simpanan", "Savings withdrawal"),
        "settings.set": ("Pengaturan diubah", "Settings changed"),
        "shu.distribute": ("Pembagian SHU", "SHU distributed"),
        "shu.pay": ("Pembayaran SHU", "SHU paid"),
        "user.add": ("Pengguna ditambahkan", "User added"),
        "user.disable": ("Pengguna dinonaktifkan", "User disabled"),
        "user.enable": ("Pengguna diaktifkan", "User enabled"),
        "user.locked": ("Pengguna dikunci", "User locked"),
        "user.login_failed": ("Gagal masuk", "Failed login"),
        "user.password": ("Kata sandi diganti", "Password changed"),
        "user.password_reset": ("Kata sandi direset", "Password reset"),
        "user.update": ("Pengguna diubah", "User changed"),
        "year.close": ("Tutup buku tahunan", "Year closed"),
        "year.reopen": ("Tahun buku dibuka kembali", "Year reopened"),
        "standing.add": ("Instruksi tetap dicatat", "Standing instruction recorded"),
        "standing.stop": ("Instruksi tetap dihentikan", "Standing instruction stopped"),
        "standing.posted": ("Instruksi tetap dijalankan", "Standing instruction executed"),
        "standing.skipped": ("Instruksi tetap dilewati", "Standing instruction skipped"),
        "payroll.employer": ("Instansi pemotong gaji disimpan", "Employer saved"),
        "payroll.link": ("Anggota dihubungkan ke instansi", "Member linked to an employer"),
        "payroll.unlink": ("Anggota dilepas dari instansi", "Member unlinked from an employer"),
        "payroll.post": ("Potongan gaji dibukukan", "Payroll deduction posted"),
    },
}


def vocabulary(name: str) -> dict[str, tuple[str, str]]:
    """The ``code -> (Indonesian, English)`` labels of one vocabulary."""
    if name in LABELS:
        return LABELS[name]
    if name == "loan_status":
        from .services.loans.core import STATUS_LABELS

        return STATUS_LABELS
    if name == "loan_tx_kind":
        from .services.loans.core import KIND_LABELS

        return KIND_LABELS
    if name == "savings_tx_kind":
        from .services.savings import KIND_LABELS as SAVINGS_KINDS

        return SAVINGS_KINDS
    if name == "loan_class":
        from .domain.arrears import CLASS_LABELS

        return CLASS_LABELS
    raise KeyError(name)


VOCABULARIES = (
    *LABELS,
    "loan_status",
    "loan_tx_kind",
    "savings_tx_kind",
    "loan_class",
)


def label(name: str, code: str | None, lang: str = "id") -> str:
    """What a person reads for ``code`` (the code itself only when it has no label)."""
    if code is None:
        return ""
    pair = vocabulary(name).get(code)
    return (pair[0] if lang == "id" else pair[1]) if pair else code


# ---- period integrity (issue 15): closed periods stay closed, no future dates ----
MESSAGES.update(
    {
        "posting_in_future": (
            "{field} {date} sesudah hari ini ({today}); transaksi tidak boleh bertanggal di "
            "masa depan.",
            "{field} {date} is after today ({today}); a transaction cannot be dated in the future.",
        ),
        "period_closed_through": (
            "Pembukuan sudah ditutup sampai periode {through}; tanggal {date} (periode "
            "{period}) tidak dapat dibukukan.",
            "The books are closed up to period {through}; nothing can be posted on {date} "
            "(period {period}).",
        ),
        "earlier_month_open": (
            "Periode {period} belum ditutup; bulan ditutup berurutan, tutup {period} lebih dahulu.",
            "Period {period} is still open; months close in order, close {period} first.",
        ),
        "not_latest_closed": (
            "Hanya bulan tertutup terakhir ({latest}) yang dapat dibuka kembali; buka kembali "
            "bulan-bulan sesudah {period} lebih dahulu.",
            "Only the latest closed month ({latest}) can be reopened; reopen the months after "
            "{period} first.",
        ),
        "period_job_not_ended": (
            "Periode {period} belum berakhir (bulan itu berakhir {end}); proses akhir bulan "
            "hanya dijalankan untuk bulan yang sudah lewat.",
            "Period {period} has not ended yet (it ends on {end}); month-end jobs run only "
            "for a month that has passed.",
        ),
    }
)


# ---------------------------------------------------------------- the RAT module (issue 16):
# budgets, officers, meetings, governance answers. Kept in one block so merges stay easy.
MESSAGES.update(
    {
        "budget_account": (
            "{field} '{value}': anggaran hanya untuk akun pendapatan atau beban.",
            "{field} '{value}': a budget is only for an income or expense account.",
        ),
        "budget_overlap": (
            "{field} '{value}' tumpang tindih dengan anggaran akun {other} (akun induk atau "
            "subakunnya); anggarkan salah satu saja.",
            "{field} '{value}' overlaps the budget of account {other} (its parent or "
            "sub-account); budget only one of them.",
        ),
        "budget_sheet": (
            "Lembar anggaran harus berkolom 'Kode' dan 'Anggaran' (baris {row}).",
            "The budget sheet needs the columns 'Kode' and 'Anggaran' (row {row}).",
        ),
        "present_exceeds_entitled": (
            "{field} ({value}) melebihi jumlah anggota yang berhak hadir ({other}).",
            "{field} ({value}) exceeds the members entitled to attend ({other}).",
        ),
        "unknown_question": (
            "Pertanyaan tata kelola '{value}' tidak dikenal.",
            "Unknown governance question '{value}'.",
        ),
    }
)
FIELDS.update(
    {
        "account_code": ("Kode akun", "Account code"),
        "budget": ("Anggaran", "Budget"),
        "officer_body": ("Badan (pengurus/pengawas/karyawan)", "Body (board/supervisors/staff)"),
        "position": ("Jabatan", "Position"),
        "term_start": ("Awal masa jabatan", "Start of term"),
        "term_end": ("Akhir masa jabatan", "End of term"),
        "members_entitled": ("Anggota yang berhak hadir", "Members entitled to attend"),
        "members_present": ("Anggota yang hadir", "Members present"),
        "quorum_rule": ("Aturan kuorum", "Quorum rule"),
        "text_kind": ("Jenis laporan", "Kind of report"),
        "place": ("Tempat", "Place"),
        "question": ("Pertanyaan tata kelola", "Governance question"),
        "officer_id": ("Nomor urut pengurus", "Officer number"),
    }
)


# ---- hardening from the hostile test (issue 22): authority, input hygiene, bounded imports,
# clear messages. Kept in one block so merges stay easy.
MESSAGES.update(
    {
        "password_common": (
            "{field} terlalu mudah ditebak (kata sandi umum atau deret seperti 12345678); "
            "pilih yang lain.",
            "{field} is too easy to guess (a common password or a run such as 12345678); "
            "choose another.",
        ),
        "password_is_username": (
            "{field} tidak boleh sama dengan nama pengguna.",
            "{field} must not be the user name.",
        ),
    }
)
MESSAGES.update(
    {
        "control_char": (
            "{field} berisi karakter kendali yang tidak diizinkan ({code_point} di posisi {pos}).",
            "{field} contains a control character, which is not allowed ({code_point} at "
            "position {pos}).",
        ),
    }
)
MESSAGES.update(
    {
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
    }
)
MESSAGES.update(
    {
        "not_an_amount_text": (
            "{field} berisi teks '{value}', bukan jumlah rupiah bulat (hanya angka, tanpa titik "
            "atau Rp).",
            "{field} holds the text '{value}', not a whole rupiah amount (digits only, no dots "
            "or Rp).",
        ),
    }
)
MESSAGES.update(
    {
        "xlsx_too_many_parts": (
            "Berkas '{path}' ditolak sebelum dibaca: berisi {count} bagian (paling banyak "
            "{max}); ini bukan buku kerja biasa.",
            "File '{path}' was refused before reading: it holds {count} parts (at most {max}); "
            "this is no ordinary workbook.",
        ),
        "xlsx_too_large": (
            "Berkas '{path}' ditolak sebelum dibaca: isinya mengembang menjadi {mb} MB "
            "(paling banyak {max} MB). Pecah menjadi beberapa berkas.",
            "File '{path}' was refused before reading: its content expands to {mb} MB "
            "(at most {max} MB). Split it into several files.",
        ),
        "xlsx_part_too_large": (
            "Berkas '{path}' ditolak sebelum dibaca: bagian {part} mengembang menjadi {mb} MB "
            "(paling banyak {max} MB).",
            "File '{path}' was refused before reading: its part {part} expands to {mb} MB "
            "(at most {max} MB).",
        ),
        "xlsx_too_many_cells": (
            "Berkas '{path}' ditolak sebelum dibaca: {part} berisi {count} sel (paling banyak "
            "{max}). Pecah menjadi beberapa berkas.",
            "File '{path}' was refused before reading: {part} holds {count} cells (at most "
            "{max}). Split it into several files.",
        ),
        "xlsx_row_too_wide": (
            "Berkas '{path}' ditolak sebelum dibaca: {part} memiliki baris dengan lebih dari "
            "{max} sel (Excel hanya punya 16.384 kolom).",
            "File '{path}' was refused before reading: {part} has a row of more than {max} "
            "cells (Excel has only 16,384 columns).",
        ),
        "xlsx_cell_too_long": (
            "Berkas '{path}' ditolak sebelum dibaca: {part} memiliki sel berisi lebih dari "
            "{kb} KB teks (Excel hanya menampung 32.767 karakter per sel).",
            "File '{path}' was refused before reading: {part} has a cell of more than {kb} KB "
            "of text (Excel holds only 32,767 characters in a cell).",
        ),
        "xlsx_too_many_strings": (
            "Berkas '{path}' ditolak sebelum dibaca: berisi {count} teks berbeda (paling "
            "banyak {max}).",
            "File '{path}' was refused before reading: it holds {count} distinct texts (at "
            "most {max}).",
        ),
    }
)
MESSAGES.update(
    {
        "db_missing": (
            "Server PostgreSQL {server} tidak mempunyai basis data '{name}'. Buat dulu "
            "(createdb {name}) atau periksa nama basis data di alamatnya.",
            "The PostgreSQL server {server} has no database '{name}'. Create it first "
            "(createdb {name}) or check the database name in the address.",
        ),
        "db_login_refused": (
            "Server PostgreSQL {server} menolak masuk sebagai '{user}': periksa nama pengguna "
            "dan kata sandi di alamatnya.",
            "The PostgreSQL server {server} refused the login as '{user}': check the user name "
            "and password in the address.",
        ),
        "db_folder_failed": (
            "Folder basis data '{path}' tidak dapat dibuat: {detail}",
            "The database folder '{path}' cannot be created: {detail}",
        ),
        "disk_full": (
            "Disk penuh: basis data tidak dapat menulis lagi, dan tidak ada yang disimpan. "
            "Kosongkan ruang disk lalu ulangi.",
            "The disk is full: the database cannot write any more, and nothing was saved. "
            "Free some disk space and try again.",
        ),
    }
)
MESSAGES.update(
    {
        "dangling_ref_more": (
            "{field} {value} merujuk ke data yang tidak ada di lembar '{sheet}' (juga "
            "{more} baris lain yang merujuk ke {value}).",
            "{field} {value} refers to a record missing from sheet '{sheet}' (so do {more} "
            "other rows referring to {value}).",
        ),
    }
)


# ---------------------------------------------------------------- data scope by role (issue 18)
MESSAGES.update(
    {
        "outside_group": (
            "{what} '{key}' termasuk kelompok lain; ketua kelompok {user} hanya dapat "
            "melihat data kelompoknya sendiri.",
            "{what} '{key}' belongs to another group; group leader {user} may see only "
            "their own group's data.",
        ),
        "cooperative_wide": (
            "{what} mencakup seluruh koperasi; ketua kelompok {user} hanya dapat melihat "
            "data dan laporan kelompoknya sendiri.",
            "{what} covers the whole cooperative; group leader {user} may see only their "
            "own group's data and reports.",
        ),
        "no_group_scope": (
            "Pengguna {user} belum ditetapkan sebagai ketua kelompok mana pun; mintalah "
            "administrator menetapkan kelompoknya.",
            "User {user} leads no group yet; ask the administrator to assign the group.",
        ),
    }
)


# ---- loan papers (issue 17): the agreement template, the paid-off letter ----
MESSAGES.update(
    {
        "unknown_placeholder": (
            "{field}: isian {value} tidak dikenal. Isian yang dapat dipakai: {known}.",
            "{field}: unknown placeholder {value}. The placeholders you can use: {known}.",
        ),
        "stray_brace": (
            "{field}: tanda kurung kurawal tanpa pasangan di baris {line}; tulis isian "
            "sebagai {{nama_anggota}}.",
            "{field}: an unmatched brace on line {line}; write a placeholder as {{nama_anggota}}.",
        ),
        "loan_not_paid_off": (
            "Pinjaman {number} belum lunas (status: {status}); surat keterangan lunas hanya "
            "untuk pinjaman yang sudah lunas.",
            "Loan {number} is not fully repaid (status: {status}); a paid-off letter is only "
            "for a loan that has been repaid in full.",
        ),
    }
)
FIELDS.update({"agreement_template": ("Templat surat perjanjian", "Agreement template")})


# fixed assets (services/fixed_assets.py)
MESSAGES.update(
    {
        "fa_residual_above_cost": (
            "{field} tidak boleh melebihi harga perolehan.",
            "{field} must not exceed the cost.",
        ),
        "fa_life_range": (
            "{field} harus bulan bulat antara 0 dan {max}.",
            "{field} must be a whole number of months between 0 and {max}.",
        ),
        "fa_accumulated_too_large": (
            "{field} tidak boleh melebihi harga perolehan dikurangi nilai sisa.",
            "{field} must not exceed the cost less the residual value.",
        ),
        "fa_file_unreadable": (
            "Berkas '{path}' tidak dapat dibaca sebagai buku kerja Excel: {detail}",
            "The file '{path}' cannot be read as an Excel workbook: {detail}",
        ),
        "fa_columns_missing": (
            "{field}: kolom wajib tidak ada di baris judul: {columns}.",
            "{field}: required columns missing from the header row: {columns}.",
        ),
        "fa_already_disposed": (
            "Aset ini sudah dilepas pada {date}.",
            "This asset was already disposed of on {date}.",
        ),
    }
)
FIELDS.update(
    {
        "asset": ("Aset tetap", "Fixed asset"),
        "asset_code": ("Kode aset", "Asset code"),
        "asset_group": ("Kelompok aset", "Asset group"),
        "cost": ("Harga perolehan", "Cost"),
        "residual": ("Nilai sisa", "Residual value"),
        "life_months": ("Umur manfaat (bulan)", "Useful life (months)"),
        "paid_from": ("Dibayar dari", "Paid from"),
        "accumulated": ("Akumulasi penyusutan", "Accumulated depreciation"),
        "opening_date": ("Tanggal saldo awal", "Opening date"),
        "proceeds": ("Hasil penjualan", "Sale proceeds"),
        "received_into": ("Diterima di", "Received into"),
        "location": ("Lokasi", "Location"),
        "acquired_on": ("Tanggal perolehan", "Acquisition date"),
    }
)


# ---------------------------------------------------------------- signed audit workbooks
MESSAGES.update(
    {
        "signing_key_unreadable": (
            "Kunci tanda tangan koperasi '{path}' tidak dapat dibaca (rusak atau bukan kunci "
            "Ed25519). Pulihkan berkas kunci dari cadangannya.",
            "The cooperative's signing key '{path}' cannot be read (damaged or not an Ed25519 "
            "key). Restore the key file from its backup.",
        ),
        "key_register_unreadable": (
            "Daftar kunci publik '{path}' tidak dapat dibaca.",
            "The register of public keys '{path}' cannot be read.",
        ),
        "key_register_line": (
            "Daftar kunci publik '{path}', baris {line}: harus berisi nomor badan hukum lalu "
            "kunci publiknya (seperti yang ditampilkan 'koperasi key show').",
            "Register of public keys '{path}', line {line}: it must hold a legal number and "
            "then its public key (as 'koperasi key show' prints it).",
        ),
    }
)
FIELDS.update({"keys": ("Daftar kunci publik", "Public key register"), "key": ("Kunci", "Key")})


# ---------------------------------------------------------------- standing instructions and
# payroll deduction (services/standing_instructions.py, services/payroll.py)
MESSAGES.update(
    {
        "si_amount_for_wajib": (
            "{field} hanya untuk instruksi simpanan wajib; angsuran dibayar sebesar yang jatuh "
            "tempo.",
            "{field} is only for a mandatory-savings instruction; installments are paid as due.",
        ),
        "si_loan_for_angsuran": (
            "{field} hanya untuk instruksi angsuran.",
            "{field} is only for an installment instruction.",
        ),
        "si_loan_not_members": (
            "{field}: pinjaman ini bukan milik anggota {member}.",
            "{field}: this loan does not belong to member {member}.",
        ),
        "si_duplicate": (
            "Anggota {member} sudah punya instruksi tetap yang sama (nomor {id}); hentikan "
            "dulu yang lama.",
            "Member {member} already has the same standing instruction (number {id}); stop the "
            "old one first.",
        ),
        "pr_member_linked": (
            "{field}: anggota {member} sudah terhubung ke instansi {employer}.",
            "{field}: member {member} is already linked to employer {employer}.",
        ),
        "pr_employee_no_taken": (
            "{field} {value} sudah dipakai anggota {member} di instansi ini.",
            "{field} {value} is already used by member {member} at this employer.",
        ),
        "pr_already_posted": (
            "Potongan gaji {employer} periode {period} sudah dibukukan pada {date}.",
            "The payroll deduction of {employer} for {period} was already posted on {date}.",
        ),
        "pr_file_unreadable": (
            "Berkas '{path}' tidak dapat dibaca sebagai buku kerja Excel: {detail}",
            "The file '{path}' cannot be read as an Excel workbook: {detail}",
        ),
        "pr_columns_missing": (
            "{field}: kolom wajib tidak ada di baris judul: {columns}.",
            "{field}: required columns missing from the header row: {columns}.",
        ),
        "pr_wrong_file": (
            "{field}: berkas ini untuk {found}, bukan {expected}.",
            "{field}: this file is for {found}, not {expected}.",
        ),
        "pr_row_amount": (
            "Baris {row}: {field} '{value}' bukan jumlah rupiah yang sah.",
            "Row {row}: {field} '{value}' is not a valid rupiah amount.",
        ),
        "pr_row_duplicate": (
            "Baris {row}: nomor pegawai {value} sudah ada di baris {other}.",
            "Row {row}: employee number {value} already appears in row {other}.",
        ),
        "pr_nothing_paid": (
            "{field}: berkas tidak berisi jumlah dibayar satu pun.",
            "{field}: the file holds no amount paid at all.",
        ),
        "pr_row_refused": (
            "Baris {row}: {detail} Tidak ada yang dibukukan.",
            "Row {row}: {detail} Nothing was posted.",
        ),
        "pr_file_errors": (
            "Berkas potongan gaji berisi {count} kesalahan; tidak ada yang dibukukan. {first}",
            "The payroll file has {count} errors; nothing was posted. {first}",
        ),
    }
)
FIELDS.update(
    {
        "instruction_kind": ("Jenis instruksi", "Instruction kind"),
        "employer": ("Instansi", "Employer"),
        "employer_code": ("Kode instansi", "Employer code"),
        "employee_no": ("Nomor pegawai", "Employee number"),
        "payroll_file": ("Berkas potongan gaji", "Payroll file"),
        "amount_paid": ("Jumlah dibayar", "Amount paid"),
        "pay_into": ("Diterima di akun", "Received into account"),
    }
)
LABELS.update(
    {
        "payroll_status": {
            "ok": ("Sesuai", "As expected"),
            "short": ("Kurang bayar", "Paid short"),
            "over": ("Lebih bayar (ke sukarela)", "Overpaid (to voluntary savings)"),
            "unknown": ("Anggota tidak dikenal", "Unknown member"),
            "not_linked": ("Bukan pegawai instansi ini", "Not an employee of this employer"),
            "missing": ("Tidak ada di berkas", "Missing from the file"),
        },
    }
)


# ---------------------------------------------------------------- messages to members and
# the offline meeting sheet (issue 21, parts 3 and 4)
MESSAGES.update(
    {
        "msg_template_too_long": (
            "{field} terlalu panjang (maks. {max} karakter).",
            "{field} is too long (at most {max} characters).",
        ),
        "msg_template_braces": (
            "{field}: tanda kurung kurawal tidak berpasangan; tulis isian seperti {{nama}}.",
            "{field}: unmatched curly braces; write placeholders like {{nama}}.",
        ),
        "msg_template_unknown": (
            "{field}: isian {names} tidak dikenal. Yang boleh: {allowed}.",
            "{field}: unknown placeholders {names}. Allowed: {allowed}.",
        ),
        "msg_rat_not_planned": (
            "Tanggal RAT tahun buku {year} belum dicatat (menu RAT, Rapat).",
            "The date of the RAT for financial year {year} has not been recorded (RAT page, "
            "Meeting).",
        ),
        "msg_nothing_selected": (
            "Belum ada pesan yang dipilih.",
            "No message is selected.",
        ),
        "msg_not_on_list": (
            "Pesan untuk {member} ({ref}) tidak ada di daftar hari ini.",
            "There is no message for {member} ({ref}) on today's list.",
        ),
        "msg_already_sent": (
            "Pesan untuk {member} ({ref}) sudah ditandai terkirim.",
            "The message for {member} ({ref}) is already marked sent.",
        ),
        "msg_phone_invalid": (
            "Nomor HP anggota {member} tidak sah ('{value}'); perbaiki di data anggota.",
            "Member {member}'s phone number is not valid ('{value}'); correct it in the "
            "member's record.",
        ),
        "msg_export_suffix": (
            "Berkas '{value}' harus berakhiran .csv atau .xlsx.",
            "The file '{value}' must end in .csv or .xlsx.",
        ),
        "sheet_no_members": (
            "Kelompok {group} tidak memiliki anggota aktif.",
            "Group {group} has no active members.",
        ),
        "sheet_refused": (
            "Lembar pertemuan tidak dibukukan ({n} masalah; tidak ada yang disimpan). {first}",
            "The meeting sheet was not posted ({n} problems; nothing was saved). {first}",
        ),
        "sheet_unreadable": (
            "Berkas '{path}' tidak dapat dibaca sebagai buku kerja Excel ({detail}).",
            "The file '{path}' cannot be read as an Excel workbook ({detail}).",
        ),
        "sheet_not_ours": (
            "Berkas '{path}' bukan lembar pertemuan yang diekspor aplikasi ini.",
            "The file '{path}' is not a meeting sheet exported by this app.",
        ),
        "sheet_tampered": (
            "Lembar ini telah diubah di luar kolom isian (checksum tidak cocok) atau bukan dari "
            "basis data ini. Ekspor lembar baru.",
            "This sheet was changed outside its amount columns (checksum mismatch) or is not "
            "from this database. Export a new sheet.",
        ),
        "sheet_row_changed": (
            "nomor, nama, tagihan atau saldo diubah (hanya kolom kuning boleh diisi).",
            "the number, name, dues or balances were changed (only the yellow columns may be "
            "filled in).",
        ),
        "sheet_row_added": (
            "baris tambahan di luar daftar anggota yang diekspor.",
            "an extra row outside the members exported.",
        ),
        "sheet_not_amount": (
            "'{value}' bukan jumlah rupiah bulat 0 atau lebih.",
            "'{value}' is not a whole rupiah amount of 0 or more.",
        ),
        "sheet_other_group": (
            "Lembar ini untuk kelompok {group}, bukan {wanted}.",
            "This sheet is for group {group}, not {wanted}.",
        ),
        "sheet_other_date": (
            "Lembar ini untuk pertemuan tanggal {date}, bukan {wanted}.",
            "This sheet is for the meeting of {date}, not {wanted}.",
        ),
        "sheet_already_posted": (
            "Lembar ini sudah dibukukan pada {at} oleh {user}.",
            "This sheet was already posted on {at} by {user}.",
        ),
        "sheet_meeting_posted": (
            "Pertemuan kelompok {group} tanggal {date} sudah dibukukan dari lembar lain oleh "
            "{user}.",
            "The meeting of group {group} on {date} was already posted from another sheet by "
            "{user}.",
        ),
        "sheet_member_gone": (
            "anggota ini tidak lagi anggota aktif kelompok; ekspor lembar baru.",
            "this member is no longer an active member of the group; export a new sheet.",
        ),
        "sheet_member_new": (
            "Anggota {member} masuk kelompok sesudah lembar diekspor; ekspor lembar baru.",
            "Member {member} joined the group after the sheet was exported; export a new sheet.",
        ),
        "sheet_stale_row": (
            "tagihan atau saldo berubah sejak lembar diekspor ({columns}); ekspor lembar baru.",
            "dues or balances changed since the sheet was exported ({columns}); export a new "
            "sheet.",
        ),
        "sheet_empty": (
            "Lembar ini belum berisi pembayaran.",
            "This sheet holds no payments yet.",
        ),
    }
)
FIELDS.update(
    {
        "message_kind": ("Jenis pesan", "Message kind"),
        "template_text": ("Teks templat", "Template text"),
        "days_before": ("Hari sebelum jatuh tempo", "Days before the due date"),
        "rat_year": ("Tahun buku RAT", "RAT financial year"),
        "messages": ("Pesan", "Messages"),
        "channel": ("Saluran", "Channel"),
        "path": ("Berkas", "File"),
    }
)
LABELS["audit_action"].update(
    {
        "message.template": ("Templat pesan diubah", "Message template changed"),
        "message.consent": ("Persetujuan pesan anggota", "Member's message consent"),
        "message.sent": ("Pesan ditandai terkirim", "Messages marked sent"),
        "meeting_sheet.export": ("Lembar pertemuan diekspor", "Meeting sheet exported"),
        "meeting_sheet.import": ("Lembar pertemuan dibukukan", "Meeting sheet posted"),
    }
)
LABELS["message_kind"] = {
    "jatuh_tempo": ("Angsuran akan jatuh tempo", "Installment falling due"),
    "tunggakan": ("Tunggakan pinjaman", "Loan in arrears"),
    "setoran": ("Setoran diterima", "Deposit received"),
    "shu": ("SHU dibayarkan", "SHU paid"),
    "rat": ("Undangan RAT", "RAT invitation"),
}

# ---------------------------------------------------------------- time deposits (issue 17)
MESSAGES.update(
    {
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
)
FIELDS.update(
    {
        "term_months": ("Jangka waktu (bulan)", "Term (months)"),
        "payout": ("Pembayaran bunga", "Interest payout"),
        "instruction": ("Instruksi jatuh tempo", "Maturity instruction"),
        "deposit": ("Simpanan berjangka", "Time deposit"),
        "payout_to": ("Dicairkan ke", "Paid out to"),
        "min_amount": ("Penempatan minimal", "Minimum placement"),
    }
)
LABELS["audit_action"].update(
    {
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
)

LABELS.update(
    {
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
        "td_status": {
            "aktif": ("Aktif", "Active"),
            "selesai": ("Selesai (jatuh tempo)", "Matured"),
            "cair_awal": ("Dicairkan sebelum jatuh tempo", "Withdrawn early"),
            "batal": ("Dibatalkan", "Cancelled"),
        },
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
)
VOCABULARIES = (*VOCABULARIES, "td_payout", "td_instruction", "td_source", "td_status", "td_event")


# ---------------------------------------------------------------- bank accounts and reconciliation
MESSAGES.update(
    {
        "bank_too_many_rows": (
            "Berkas rekening koran terlalu besar (lebih dari {max} baris).",
            "The statement file is too large (more than {max} rows).",
        ),
        "bank_header_missing": (
            "Baris judul rekening koran tidak ditemukan: perlu kolom tanggal dan kolom "
            "debet dan kredit, atau kolom jumlah. Atur pemetaan kolom rekening ini.",
            "The statement's header row was not found: it needs a date column and debit and "
            "credit columns, or an amount column. Set this account's column mapping.",
        ),
        "bank_mark_unknown": (
            "{field}: tanda '{value}' tidak dikenal; gunakan DB/CR, D/K atau Debet/Kredit.",
            "{field}: unknown mark '{value}'; use DB/CR, D/K or Debit/Credit.",
        ),
        "bank_both_sides": (
            "Baris ini berisi debet dan kredit sekaligus.",
            "This row holds both a debit and a credit.",
        ),
        "bank_no_amount": ("Baris ini tidak berisi jumlah.", "This row holds no amount."),
        "bank_no_lines": (
            "Berkas ini tidak berisi baris mutasi di bawah baris judulnya.",
            "The file holds no transaction rows below its header.",
        ),
        "bank_account_not_bank": (
            "{field} {value} bukan akun bank (1.02 atau sub-akunnya).",
            "{field} {value} is not a bank account of the ledger (1.02 or a sub-account).",
        ),
        "bank_account_used": (
            "{field} {value} sudah dipakai rekening bank {bank}.",
            "{field} {value} is already used by bank account {bank}.",
        ),
        "bank_layout_incomplete": (
            "Pemetaan kolom harus menyebut kolom tanggal, dan kolom debet dan kredit atau "
            "kolom jumlah.",
            "The column mapping must name the date column, and the debit and credit columns "
            "or the amount column.",
        ),
        "bank_window_range": (
            "{field} harus antara 0 dan 31 hari.",
            "{field} must be between 0 and 31 days.",
        ),
        "bank_line_matched": (
            "Baris rekening koran {value} sudah dicocokkan; batalkan cocoknya dahulu.",
            "Statement line {value} is already matched; unmatch it first.",
        ),
        "bank_line_not_matched": (
            "Baris rekening koran {value} belum dicocokkan.",
            "Statement line {value} is not matched.",
        ),
        "bank_line_not_account": (
            "Baris jurnal {value} bukan mutasi akun bank {account}.",
            "Journal line {value} is not on the bank's account {account}.",
        ),
        "bank_journal_matched": (
            "Baris jurnal {value} sudah dicocokkan dengan baris rekening koran lain.",
            "Journal line {value} is already matched with another statement line.",
        ),
        "bank_match_amount": (
            "Jumlah baris jurnal yang dipilih ({total}) tidak sama dengan baris rekening "
            "koran ({amount}).",
            "The chosen journal lines add up to {total}, not the statement line's {amount}.",
        ),
        "bank_kind_side": (
            "{field} '{value}' tidak cocok dengan arah mutasi ini (biaya dan pajak keluar "
            "dari rekening, bunga masuk).",
            "{field} '{value}' does not fit this line's direction (charges and tax go out of "
            "the account, interest comes in).",
        ),
        "bank_account_self": (
            "{field} {value} adalah akun bank ini sendiri; pilih akun lawannya.",
            "{field} {value} is this bank's own account; choose the other account.",
        ),
        "bank_reconciled": (
            "Jurnal #{entry} sudah direkonsiliasi dengan rekening koran {bank} (baris {line}, "
            "tanggal {date}). Batalkan cocoknya dahulu di Rekonsiliasi Bank, lalu balik "
            "jurnalnya.",
            "Entry #{entry} is reconciled with the statement of {bank} (line {line}, dated "
            "{date}). Unmatch it first under Bank reconciliation, then reverse the entry.",
        ),
    }
)
FIELDS.update(
    {
        "bank": ("Bank", "Bank"),
        "bank_account": ("Kode rekening bank", "Bank account code"),
        "bank_layout": ("Pemetaan kolom", "Column mapping"),
        "bank_date": ("Tanggal mutasi", "Transaction date"),
        "bank_dbcr": ("Tanda DB/CR", "DB/CR mark"),
        "bank_window": ("Selisih tanggal", "Date window"),
        "bank_kind": ("Jenis pembukuan", "Posting kind"),
        "statement_line": ("Baris rekening koran", "Statement line"),
        "journal_line": ("Baris jurnal", "Journal line"),
        "debit": ("Debet", "Debit"),
        "credit": ("Kredit", "Credit"),
        "balance": ("Saldo", "Balance"),
    }
)
LABELS["audit_action"].update(
    {
        "bank.add": ("Rekening bank ditambahkan", "Bank account added"),
        "bank.layout": ("Pemetaan kolom rekening koran disimpan", "Statement column mapping saved"),
        "bank.import": ("Rekening koran diimpor", "Bank statement imported"),
        "bank.match": ("Rekening koran dicocokkan otomatis", "Statement matched automatically"),
        "bank.match_manual": ("Rekening koran dicocokkan manual", "Statement line matched by hand"),
        "bank.unmatch": ("Cocok rekening koran dibatalkan", "Statement match undone"),
        "bank.post": (
            "Mutasi bank dibukukan dari rekening koran",
            "Bank item posted from the statement",
        ),
        "asset.reverse": ("Pencatatan aset tetap dibatalkan", "Fixed asset entry reversed"),
    }
)

MESSAGES.update(
    {
        "fa_cancelled": (
            "Pencatatan aset ini sudah dibatalkan pada {date}.",
            "This asset's entry was already reversed on {date}.",
        ),
        "fa_not_disposed": (
            "Aset ini belum dilepas; tidak ada pelepasan yang dapat dibatalkan.",
            "This asset has not been disposed of; there is no disposal to reverse.",
        ),
        "fa_reverse_disposal_first": (
            "Aset ini sudah dilepas: batalkan pelepasannya dahulu, lalu pencatatan asetnya.",
            "This asset was disposed of: reverse its disposal first, then its acquisition.",
        ),
    }
)


# ---------------------------------------------------------------- withdrawals (issue 18)
MESSAGES.update(
    {
        "insufficient_keep_minimum": (
            "Saldo tidak cukup: penarikan {amount} melebihi saldo yang dapat ditarik "
            "{available}, karena saldo minimum {minimum} harus tetap tersisa.",
            "Insufficient balance: withdrawal of {amount} exceeds the withdrawable balance "
            "{available}, as the minimum balance of {minimum} must remain.",
        ),
    }
)


# ---------------------------------------------------------------- issue 17 parts 3, 5, 6:
# collateral and guarantors, lending limits and four-eyes approval, allocation orders
MESSAGES.update(
    {
        "limit_breach": (
            "{rule}: {exposure} melebihi batas {limit}",
            "{rule}: {exposure} is over the limit of {limit}",
        ),
        "needs_board_approvals": (
            "Pinjaman {loan} perlu persetujuan pengurus dan pengawas ({why}); belum ada "
            "persetujuan: {missing}.",
            "Loan {loan} needs the approval of both the board and the supervisors ({why}); "
            "still missing: {missing}.",
        ),
        "board_already_approved": (
            "{body} sudah menyetujui pinjaman {loan}.",
            "The {body} already approved loan {loan}.",
        ),
        "four_eyes_same_user": (
            "Persetujuan harus oleh pengguna lain, bukan {user} yang mengajukan.",
            "The approval must come from another user, not {user} who asked for it.",
        ),
        "four_eyes_loan": (
            "Pinjaman di atas {limit} harus disetujui oleh pengguna lain, bukan {user} yang "
            "mencatat pengajuannya.",
            "A loan above {limit} must be approved by another user, not {user} who recorded "
            "the application.",
        ),
        "needs_second_user": (
            "{what} perlu persetujuan pengguna kedua: ajukan permintaan persetujuan.",
            "{what} needs a second user's approval: file an approval request.",
        ),
        "request_waiting": (
            "Permintaan yang sama (no. {id}) masih menunggu persetujuan.",
            "The same request (no. {id}) is still waiting for approval.",
        ),
        "request_decided": (
            "Permintaan no. {id} sudah diputuskan ({status}).",
            "Request no. {id} was already decided ({status}).",
        ),
        "collateral_loan_closed": (
            "Pinjaman {loan} sudah tidak terbuka; jaminan atau penjamin tidak dapat ditambah.",
            "Loan {loan} is no longer open; no collateral or guarantor can be added.",
        ),
        "collateral_loan_open": (
            "Jaminan pinjaman {loan} baru dapat dikembalikan setelah pinjaman lunas.",
            "The collateral of loan {loan} can be returned only once the loan is paid off.",
        ),
        "collateral_none_held": (
            "Tidak ada jaminan pinjaman {loan} yang masih disimpan.",
            "No collateral of loan {loan} is still held.",
        ),
        "collateral_required": (
            "Produk {product} mensyaratkan jaminan untuk pinjaman di atas {above}; pinjaman "
            "{amount} belum berjaminan.",
            "Product {product} requires collateral for loans above {above}; this loan of "
            "{amount} has none.",
        ),
        "collateral_cover": (
            "Nilai jaminan {value} kurang dari {ratio}% pokok pinjaman ({need}) yang "
            "disyaratkan produk {product}.",
            "The collateral's value {value} is below the {ratio}% of the principal ({need}) "
            "product {product} requires.",
        ),
        "collateral_not_returned": (
            "Belum ada jaminan pinjaman {loan} yang dikembalikan; surat serah terima dibuat "
            "setelah jaminan diserahkan kembali.",
            "No collateral of loan {loan} has been handed back yet; the hand-over letter comes "
            "after the hand-over.",
        ),
        "guarantor_is_borrower": (
            "Anggota {member} adalah peminjamnya sendiri dan tidak dapat menjadi penjamin.",
            "Member {member} is the borrower and cannot be the guarantor.",
        ),
    }
)
FIELDS.update(
    {
        "approver": ("Penyetuju", "Approver"),
        "approval": ("Persetujuan", "Approval"),
        "collateral_kind": ("Jenis jaminan", "Collateral kind"),
        "collateral_description": ("Uraian jaminan", "Collateral description"),
        "collateral_value": ("Nilai jaminan", "Collateral value"),
        "related_kind": ("Hubungan pihak terkait", "Related-party relation"),
        "breach_mode": ("Tindakan atas pelanggaran batas", "On a limit breach"),
        "bmpp_percent": ("BMPP (% modal sendiri)", "Per-borrower limit (% of own capital)"),
        "related_percent": (
            "Batas pihak terkait (% modal sendiri)",
            "Related-party limit (% of own capital)",
        ),
        "four_eyes_loan_above": (
            "Pinjaman di atas jumlah ini perlu pengguna kedua",
            "Loans above this amount need a second user",
        ),
        "collateral_above": ("Jaminan wajib di atas", "Collateral required above"),
        "cover_ratio": ("Rasio jaminan minimum (%)", "Minimum collateral cover (%)"),
        "allocation_order": ("Urutan alokasi angsuran", "Repayment allocation order"),
    }
)
LABELS["audit_action"].update(
    {
        "approval.approve": ("Permintaan disetujui (pengguna kedua)", "Request approved"),
        "approval.cancel": ("Permintaan persetujuan dibatalkan", "Approval request cancelled"),
        "approval.reject": ("Permintaan persetujuan ditolak", "Approval request rejected"),
        "approval.request": ("Permintaan persetujuan diajukan", "Approval requested"),
        "collateral.receive": ("Jaminan diterima", "Collateral received"),
        "collateral.return": ("Jaminan dikembalikan", "Collateral returned"),
        "loan.board_approve": (
            "Persetujuan pengurus/pengawas atas pinjaman",
            "Board/supervisors' approval of a loan",
        ),
        "loan.guarantor": ("Penjamin pinjaman dicatat", "Loan guarantor recorded"),
        "loan.guarantor_remove": ("Penjamin pinjaman dihapus", "Loan guarantor removed"),
        "member.related": ("Status pihak terkait diubah", "Related-party status changed"),
    }
)
LABELS.update(
    {
        "collateral_kind": {
            "bpkb": ("BPKB kendaraan", "Vehicle title (BPKB)"),
            "sertifikat": ("Sertifikat tanah/bangunan", "Land/building certificate"),
            "emas": ("Emas", "Gold"),
            "deposito": ("Deposito/simpanan berjangka", "Time deposit"),
            "lainnya": ("Lainnya", "Other"),
        },
        "collateral_event": {
            "diterima": ("Diterima", "Received"),
            "dikembalikan": ("Dikembalikan", "Returned"),
        },
        "limit_rule": {
            "bmpp": ("Batas maksimum pinjaman per peminjam (BMPP)", "Per-borrower limit (BMPP)"),
            "related": ("Batas pinjaman pihak terkait", "Related-party limit"),
            "savings_multiple": ("Kelipatan simpanan produk", "Product's savings multiple"),
        },
        "breach_mode": {
            "block": ("Tahan sampai disetujui pengurus dan pengawas", "Hold for both boards"),
            "warn": ("Peringatan saja", "Warn only"),
        },
        "allocation_order": {
            "standard": (
                "Standar: denda, biaya, bunga, pokok",
                "Standard: penalty, fee, interest, principal",
            ),
            "principal_first": (
                "Pokok dahulu: pokok, bunga, denda, biaya",
                "Principal first: principal, interest, penalty, fee",
            ),
            "interest_first": (
                "Bunga dahulu: bunga, pokok, denda, biaya",
                "Interest first: interest, principal, penalty, fee",
            ),
            "penalties_last": (
                "Denda terakhir: biaya, bunga, pokok, denda",
                "Penalties last: fee, interest, principal, penalty",
            ),
        },
        "approval_kind": {
            "write_off": ("Hapus buku pinjaman", "Loan write-off"),
            "loan_reversal": ("Pembalikan pembayaran pinjaman", "Loan payment reversal"),
            "savings_reversal": (
                "Pembalikan transaksi simpanan",
                "Savings transaction reversal",
            ),
            "entry_reversal": ("Pembalikan jurnal", "Journal entry reversal"),
            "loan_approval": (
                "Persetujuan pinjaman (pengguna kedua)",
                "Loan approval (second user)",
            ),
            "board_approval": (
                "Persetujuan pengurus dan pengawas",
                "Approval of the board and the supervisors",
            ),
        },
        "approval_status": {
            "menunggu": ("Menunggu", "Waiting"),
            "disetujui": ("Disetujui", "Approved"),
            "ditolak": ("Ditolak", "Rejected"),
            "dibatalkan": ("Dibatalkan", "Cancelled"),
        },
    }
)
VOCABULARIES = (*LABELS, "loan_status", "loan_tx_kind", "savings_tx_kind", "loan_class")


# ---------------------------------------------------------------- hardening (issue 22, h-hardening)
MESSAGES.update(
    {
        "closing_backup_failed": (
            "Tahun buku {year} tidak ditutup: cadangan sebelum tutup buku gagal dibuat di "
            "'{path}' ({detail}). Kosongkan ruang disk atau periksa izin folder cadangan, lalu "
            "coba lagi.",
            "Financial year {year} was not closed: the backup before closing could not be "
            "written to '{path}' ({detail}). Free some disk space or check the backup folder's "
            "permissions, then try again.",
        ),
    }
)
FIELDS.update({"note": ("Catatan", "Note")})
MESSAGES.update(
    {
        "anchor_format": (
            "{field} '{value}' tidak dikenal: tulis seperti di kaki laporan, mis. "
            '"J1234-9f3a2c1b A5678-77e0b4d2".',
            "{field} '{value}' is not recognised: write it as the report's footer shows it, "
            'e.g. "J1234-9f3a2c1b A5678-77e0b4d2".',
        ),
    }
)
FIELDS.update({"anchor": ("Jangkar buku", "Book anchor")})
MESSAGES.update(
    {
        "workbook_unsigned": (
            "Buku kerja audit ini tidak ditandatangani koperasi, jadi keasliannya tidak dapat "
            "diperiksa; tidak dipulihkan. Ekspor ulang dengan aplikasi versi ini, atau bila Anda "
            "yakin asalnya, izinkan buku kerja tanpa tanda tangan (--allow-unsigned).",
            "This audit workbook carries no signature of the cooperative, so it cannot be "
            "checked as genuine; nothing was restored. Export it again with this version of "
            "the app or, if you are sure of its source, allow an unsigned workbook (--allow-unsigned).",
        ),
        "workbook_unsigned_allowed": (
            "Peringatan: buku kerja tanpa tanda tangan dipulihkan hanya karena diizinkan "
            "(--allow-unsigned); keasliannya tidak terjamin.",
            "Warning: an unsigned workbook was restored only because it was allowed "
            "(--allow-unsigned); it may not be genuine.",
        ),
        "workbook_signature_invalid": (
            "Tanda tangan buku kerja audit tidak sah: buku kerja diubah setelah diekspor. "
            "Tidak dipulihkan.",
            "The audit workbook's signature is invalid: the workbook was changed after it was "
            "exported. Nothing was restored.",
        ),
        "workbook_other_key": (
            "Buku kerja audit ditandatangani dengan kunci {fingerprint}, bukan kunci koperasi "
            "'{legal}' ({expected}). Tidak dipulihkan.",
            "The audit workbook is signed with key {fingerprint}, not the key of cooperative "
            "'{legal}' ({expected}). Nothing was restored.",
        ),
        "workbook_key_unknown": (
            "Nomor badan hukum '{legal}' tidak ada di daftar kunci publik yang diberikan: "
            "tanda tangan tidak dapat diperiksa. Tidak dipulihkan.",
            "Legal number '{legal}' is not in the register of public keys given: the signature "
            "cannot be checked. Nothing was restored.",
        ),
        "workbook_key_unverified": (
            "Peringatan: tanda tangan sah menurut kunci yang dibawa buku kerja ({fingerprint}), "
            "tetapi kunci koperasi tidak dikenal di PC ini. Cocokkan sidik jari itu dengan "
            "'koperasi key show' di PC asal.",
            "Warning: the signature is valid under the key the workbook carries "
            "({fingerprint}), but the cooperative's key is not known on this PC. Compare that "
            "fingerprint with 'koperasi key show' on the original PC.",
        ),
    }
)
MESSAGES.update(
    {
        "seal_key_other": (
            "Kunci segel PC ini ({current}) bukan kunci yang menyegel buku ini ({recorded}): "
            "segel dan jejak audit tidak dapat diperiksa di sini, dan jurnal yang dibukukan "
            "dari PC ini akan tampak diubah di PC lain. Salin seal.key dari PC pertama ke "
            "'{path}' (atau arahkan KOPERASI_SEAL_KEY_FILE ke sana), lalu buka ulang.",
            "This PC's sealing key ({current}) is not the key this book was sealed with "
            "({recorded}): seals and the audit trail cannot be checked here, and entries posted "
            "from this PC will look altered on the others. Copy seal.key from the first PC to "
            "'{path}' (or point KOPERASI_SEAL_KEY_FILE at it), then open the book again.",
        ),
        "seal_key_unknown": (
            "Catatan audit terbaru buku ini tidak cocok dengan kunci segel PC ini ({current}): "
            "buku ini kemungkinan disegel dengan kunci lain. Salin seal.key dari PC yang "
            "membuat buku ini ke '{path}', lalu buka ulang.",
            "The newest audit rows of this book do not match this PC's sealing key "
            "({current}): the book was most likely sealed with another key. Copy seal.key from "
            "the PC that made this book to '{path}', then open it again.",
        ),
        "signing_key_other": (
            "Kunci tanda tangan koperasi di PC ini ({current}) bukan kunci yang menandatangani "
            "buku kerja audit buku ini ({recorded}): program akan menolak buku kerja dari PC "
            "ini. Salin berkas kunci dari PC pertama ke '{path}'.",
            "The cooperative's signing key on this PC ({current}) is not the key that signed "
            "this book's audit workbooks ({recorded}): the programme will refuse workbooks "
            "from this PC. Copy the key file from the first PC to '{path}'.",
        ),
        "signing_key_missing": (
            "PC ini belum memiliki kunci tanda tangan koperasi ({recorded}); ekspor buku kerja "
            "audit akan membuat kunci baru yang tidak dikenal program. Salin berkas kunci dari "
            "PC pertama ke '{path}' sebelum mengekspor.",
            "This PC does not have the cooperative's signing key ({recorded}); an audit "
            "workbook export would make a new key the programme does not know. Copy the key "
            "file from the first PC to '{path}' before exporting.",
        ),
    }
)

"""Standing instructions and payroll deductions."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- standing instructions and
    # payroll deduction (services/standing_instructions.py, services/payroll.py)
    "si_amount_for_wajib": (
        "{field} hanya untuk instruksi simpanan wajib; angsuran dibayar sebesar yang jatuh tempo.",
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

FIELDS: dict[str, tuple[str, str]] = {
    "instruction_kind": ("Jenis instruksi", "Instruction kind"),
    "employer": ("Instansi", "Employer"),
    "employer_code": ("Kode instansi", "Employer code"),
    "employee_no": ("Nomor pegawai", "Employee number"),
    "payroll_file": ("Berkas potongan gaji", "Payroll file"),
    "amount_paid": ("Jumlah dibayar", "Amount paid"),
    "pay_into": ("Diterima di akun", "Received into account"),
}

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "payroll_status": {
        "ok": ("Sesuai", "As expected"),
        "short": ("Kurang bayar", "Paid short"),
        "over": ("Lebih bayar (ke sukarela)", "Overpaid (to voluntary savings)"),
        "unknown": ("Anggota tidak dikenal", "Unknown member"),
        "not_linked": ("Bukan pegawai instansi ini", "Not an employee of this employer"),
        "missing": ("Tidak ada di berkas", "Missing from the file"),
    },
}

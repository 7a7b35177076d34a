"""The command line's sentences (``koperasi ...``): what a command did, its prompts.

Its labels and column names are :class:`~koperasi.messages.text.T` values where they are
printed; values that may hold a date (file paths) are printed after the sentence, not
passed in (render shows an ISO date as 03/12/2026).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code -> (Bahasa Indonesia, English); str.format placeholders.
    # ---------------------------------------------------------------- books: closing, SHU
    "cli_period_closed": ("Periode {p} ditutup.", "Period {p} closed."),
    "cli_reopened": ("{p} dibuka kembali.", "{p} reopened."),
    "cli_year_closed": (
        "Tahun buku {year} ditutup; SHU {surplus}",
        "Financial year {year} closed; Surplus {surplus}",
    ),
    "cli_year_already_closed": (
        "Tahun buku {year} sudah ditutup sebelumnya; SHU {surplus}",
        "Financial year {year} was already closed; Surplus {surplus}",
    ),
    "cli_year_surplus_split": (
        "usaha dengan anggota {members}, dengan non-anggota {non_members}",
        "members {members}, non-members {non_members}",
    ),
    "cli_shu_loss": ("Rugi {loss}; usul: {proposal}", "Loss {loss}; proposed: {proposal}"),
    "cli_loss_covered": (
        "Rugi {year} {loss} ditutup dari cadangan (jurnal #{entry})",
        "Loss {year} {loss} covered from the reserve (jurnal #{entry})",
    ),
    # ---------------------------------------------------------------- members, loans
    "cli_member_exited": (
        "Keanggotaan {number} berakhir; dikembalikan {paid}",
        "Membership {number} ended; paid out {paid}",
    ),
    "cli_repayment_reversed": (
        "Pembayaran dibalik; sisa pokok {outstanding}",
        "Payment reversed; outstanding {outstanding}",
    ),
    "cli_ppap_difference": (
        "Selisih akan dibukukan oleh 'month-end --as-of'.",
        "The difference is posted by 'month-end --as-of'.",
    ),
    "cli_month_end": (
        "Tutup bulan pinjaman per {date}: {loans} pinjaman",
        "Loan month-end as of {date}: {loans} loans",
    ),
    "cli_month_end_deposits": (
        "Simpanan berjangka: bunga {interest} (PPh {tax}), jatuh tempo {matured}, diperpanjang"
        " {rolled_over}, ke sukarela {closed}",
        "Time deposits: interest {interest} (tax {tax}), matured {matured}, rolled over"
        " {rolled_over}, to savings {closed}",
    ),
    # ---------------------------------------------------------------- users, backup, restore
    "cli_user_created": ("Pengguna dibuat: {user} ({role})", "User created: {user} ({role})"),
    "cli_user_enabled": ("Pengguna {user} aktif.", "User {user} enabled."),
    "cli_user_disabled": ("Pengguna {user} dinonaktifkan.", "User {user} disabled."),
    "cli_password_changed": ("Kata sandi diubah.", "Password changed."),
    "cli_restore_confirm": (
        "Basis data saat ini akan diganti (dicadangkan dulu). Lanjutkan? [y/T]",
        "The current database will be replaced (backed up first). Continue? [y/N]",
    ),
    "cli_cancelled": ("Dibatalkan.", "Cancelled."),
    "cli_restored": (
        "Basis data dipulihkan. Cadangan sebelum pemulihan:",
        "Database restored. Backup taken before the restore:",
    ),
    # ---------------------------------------------------------------- exchange
    "cli_key_created": ("Kunci baru dibuat.", "New key created."),
}

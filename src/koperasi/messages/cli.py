"""The command line's sentences (``koperasi ...``): what a command did, its prompts.

Its labels and column names are :class:`~koperasi.messages.text.T` values where they are
printed; values that may hold a date (file paths) are printed after the sentence, not
passed in (render shows an ISO date as 03/12/2026).
"""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # code -> (Bahasa Indonesia, English); str.format placeholders.
    "cli_interrupted": ("dibatalkan", "cancelled"),
    "cli_demo_created": (
        "Koperasi contoh dibuat: {members} anggota, {groups} kelompok, {months} bulan,"
        " {savings} transaksi simpanan.",
        "Demo cooperative created: {members} members, {groups} groups, {months} months,"
        " {savings} savings transactions.",
    ),
    "cli_check_problems": ("{count} masalah ditemukan.", "{count} problems found."),
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
    # a month's run of the time deposits (after the period or "Simpanan berjangka: ")
    "cli_deposits_month_run": (
        "bunga {interest} (PPh {tax}), jatuh tempo {matured}, diperpanjang {rolled_over},"
        " ke sukarela {closed}",
        "interest {interest} (tax {tax}), matured {matured}, rolled over {rolled_over},"
        " to savings {closed}",
    ),
    "cli_deposit_withdrawn": (
        "pokok {principal}, penalti {penalty}, bunga {interest}, PPh {tax}, bunga hangus"
        " {forfeited}; dibayarkan {paid_out}",
        "principal {principal}, penalty {penalty}, interest {interest}, tax {tax}, forfeited"
        " {forfeited}; paid out {paid_out}",
    ),
    "cli_depreciation_posted_before": (
        "Penyusutan {period} sudah dibukukan (jurnal {entry})",
        "Depreciation for {period} was already posted (entry {entry})",
    ),
    "cli_dry_run_nothing_posted": (
        "Uji coba: tidak ada yang dibukukan.",
        "Dry run: nothing posted.",
    ),
    # ---------------------------------------------------------------- bank, member messages, RAT
    "cli_bank_imported": (
        "{new} baris baru, {duplicates} duplikat; tersimpan",
        "{new} new lines, {duplicates} duplicates; saved",
    ),
    "cli_bank_imported_nothing_saved": (
        "{new} baris baru, {duplicates} duplikat; tidak ada yang disimpan",
        "{new} new lines, {duplicates} duplicates; nothing saved",
    ),
    "cli_bank_matched": ("{count} baris dicocokkan", "{count} lines matched"),
    "cli_messages_listed": (
        "{count} pesan; tanpa persetujuan {no_consent}, berhenti berlangganan {opted_out}",
        "{count} messages; without consent {no_consent}, opted out {opted_out}",
    ),
    "cli_budget_saved": ("{count} pos anggaran disimpan", "{count} budget lines saved"),
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

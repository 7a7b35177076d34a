"""Trust: users, logins, roles and data scope, backups and restore, passwords, the
database, book anchors."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- trust (issue 7): users,
    # logins, backups, restore. Kept in one block so merges stay easy.
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
    # ---- hardening from the hostile test (issue 22): authority, input hygiene, bounded imports,
    # clear messages. Kept in one block so merges stay easy.
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
    "control_char": (
        "{field} berisi karakter kendali yang tidak diizinkan ({code_point} di posisi {pos}).",
        "{field} contains a control character, which is not allowed ({code_point} at "
        "position {pos}).",
    ),
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
    # ---------------------------------------------------------------- data scope by role (issue 18)
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
    # ---------------------------------------------------------------- hardening (issue 22, h-hardening)
    "closing_backup_failed": (
        "Tahun buku {year} tidak ditutup: cadangan sebelum tutup buku gagal dibuat di "
        "'{path}' ({detail}). Kosongkan ruang disk atau periksa izin folder cadangan, lalu "
        "coba lagi.",
        "Financial year {year} was not closed: the backup before closing could not be "
        "written to '{path}' ({detail}). Free some disk space or check the backup folder's "
        "permissions, then try again.",
    ),
    "anchor_format": (
        "{field} '{value}' tidak dikenal: tulis seperti di kaki laporan, mis. "
        '"J1234-9f3a2c1b A5678-77e0b4d2".',
        "{field} '{value}' is not recognised: write it as the report's footer shows it, "
        'e.g. "J1234-9f3a2c1b A5678-77e0b4d2".',
    ),
    # the database
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
}

FIELDS: dict[str, tuple[str, str]] = {
    "username": ("Nama pengguna", "User name"),
    "password": ("Kata sandi", "Password"),
    "role": ("Peran", "Role"),
    "file": ("Berkas", "File"),
    "limit": ("Batas", "Limit"),
    "note": ("Catatan", "Note"),
    "anchor": ("Jangkar buku", "Book anchor"),
}

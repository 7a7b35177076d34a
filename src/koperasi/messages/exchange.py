"""Excel import and export: files, sheets, running loans brought in, bounded workbooks,
signed audit workbooks."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- exchange (issue 6): Excel
    # import/export messages. Kept in one block to ease merges.
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
    # ---- loans import (issue 6): running loans brought in from the old books ----
    "more_than": (
        "{field} {value} melebihi {other}.",
        "{field} {value} is more than {other}.",
    ),
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
    "dangling_ref_more": (
        "{field} {value} merujuk ke data yang tidak ada di lembar '{sheet}' (juga "
        "{more} baris lain yang merujuk ke {value}).",
        "{field} {value} refers to a record missing from sheet '{sheet}' (so do {more} "
        "other rows referring to {value}).",
    ),
    # ---------------------------------------------------------------- signed audit workbooks
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
    # ---------------------------------------------------------------- an import's summary
    "import_failed_nothing_written": (
        "Impor gagal, tidak ada yang disimpan.",
        "Import failed, nothing written.",
    ),
    "import_dry_run_nothing_written": (
        "uji coba, tidak ada yang disimpan",
        "dry run, nothing written",
    ),
    "import_nothing_written": ("tidak ada yang disimpan", "nothing written"),
    "import_more_errors": ("... {count} kesalahan lain", "... {count} more errors"),
}

FIELDS: dict[str, tuple[str, str]] = {
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
    "loan_product": ("Produk pinjaman", "Loan product"),
    "principal_repaid": ("Pokok sudah dibayar", "Principal repaid"),
    "interest_paid": ("Bunga sudah dibayar", "Interest paid"),
    "keys": ("Daftar kunci publik", "Public key register"),
    "key": ("Kunci", "Key"),
}

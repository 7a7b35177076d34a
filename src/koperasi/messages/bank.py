"""Bank accounts and reconciliation."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---------------------------------------------------------------- bank accounts and reconciliation
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

FIELDS: dict[str, tuple[str, str]] = {
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

AUDIT_ACTIONS: dict[str, tuple[str, str]] = {
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

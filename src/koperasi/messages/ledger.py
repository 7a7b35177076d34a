"""The books: period closing, SHU, reports and period integrity."""

from __future__ import annotations

MESSAGES: dict[str, tuple[str, str]] = {
    # ---- period closing, SHU and reports (issue 5) ----
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
    # ---- SHU per UU 25/1992 Pasal 45: member / non-member business, loss years (issue 15) ----
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
    # ---- period integrity (issue 15): closed periods stay closed, no future dates ----
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
    # the journal and the accounts
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
    "account_in_use": (
        "Akun {code} sudah dipakai dan tidak dapat dihapus.",
        "Account {code} has postings and cannot be deleted.",
    ),
    "not_postable": (
        "Akun {code} adalah akun kontrol ({what}); gunakan menu transaksinya.",
        "Account {code} is a control account ({what}); use its own transactions.",
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
}

FIELDS: dict[str, tuple[str, str]] = {
    "period": ("Periode", "Period"),
    "year": ("Tahun buku", "Financial year"),
    "format": ("Format", "Format"),
    "report": ("Laporan", "Report"),
    "receipt": ("Nomor kuitansi", "Receipt number"),
    "ceiling": ("Batas kewajaran", "Plausibility limit"),
    "business_side": (
        "Jenis usaha (anggota/non-anggota)",
        "Business side (members/non-members)",
    ),
    "shu_non_member_to": ("Tujuan SHU non-anggota", "Destination of non-member SHU"),
    "shu_loss_coverage": ("Penutupan rugi", "Loss coverage"),
    # the journal and the accounts
    "account": ("Akun", "Account"),
    "lines": ("Baris jurnal", "Journal lines"),
    "entry": ("Jurnal", "Journal entry"),
    "shu_split": ("Pembagian SHU", "SHU split"),
    "jasa_anggota": ("SHU jasa anggota", "SHU patronage pot"),
    "jasa_modal": ("SHU jasa modal", "SHU capital pot"),
}

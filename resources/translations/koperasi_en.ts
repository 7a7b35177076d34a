<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="id_ID">
<context>
    <name>AccountSideDialog</name>
    <message>
        <source>Jenis usaha akun {code}</source>
        <translation>Business side of account {code}</translation>
    </message>
    <message>
        <source>Usaha dengan anggota</source>
        <translation>Business with members</translation>
    </message>
    <message>
        <source>Usaha dengan non-anggota</source>
        <translation>Business with non-members</translation>
    </message>
    <message>
        <source>Beban bersama (dialokasikan menurut pendapatan)</source>
        <translation>Shared cost (allocated by income)</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ActivityModel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source> (dibalik)</source>
        <translation> (reversed)</translation>
    </message>
</context>
<context>
    <name>AgreementTemplateDialog</name>
    <message>
        <source>Templat surat perjanjian pinjaman</source>
        <translation>Loan agreement template</translation>
    </message>
    <message>
        <source>Tulis isian di antara kurung kurawal, misalnya {nama_anggota}. Baris yang diawali &apos;# &apos; menjadi judul pasal; pisahkan paragraf dengan baris kosong. Kosongkan teks untuk memakai teks bawaan.</source>
        <translation>Write a placeholder between braces, e.g. {nama_anggota}. A line starting with &apos;# &apos; becomes an article heading; separate paragraphs with a blank line. Leave the text empty to use the built-in text.</translation>
    </message>
    <message>
        <source>Bahasa &amp;Indonesia</source>
        <translation>&amp;Indonesian</translation>
    </message>
    <message>
        <source>In&amp;ggris</source>
        <translation>&amp;English</translation>
    </message>
    <message>
        <source>Pratinjau (dengan contoh data):</source>
        <translation>Preview (with sample data):</translation>
    </message>
    <message>
        <source>Isian yang tersedia:</source>
        <translation>Placeholders you can use:</translation>
    </message>
    <message>
        <source>&amp;Sisipkan isian</source>
        <translation>&amp;Insert placeholder</translation>
    </message>
    <message>
        <source>Kembalikan teks &amp;bawaan</source>
        <translation>Restore the &amp;built-in text</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>Inggris</source>
        <translation>English</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Templat surat perjanjian tersimpan.</source>
        <translation>The agreement template is saved.</translation>
    </message>
</context>
<context>
    <name>AppController</name>
    <message>
        <source>Buka basis data Koperasi</source>
        <translation>Open a Koperasi database</translation>
    </message>
    <message>
        <source>Basis data Koperasi (*.db);;Semua berkas (*)</source>
        <translation>Koperasi database (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Menyiapkan koperasi demo ({n} anggota, {y} tahun transaksi)...</source>
        <translation>Preparing the demo cooperative ({n} members, {y} years of transactions)...</translation>
    </message>
    <message>
        <source>Bahasa / Language</source>
        <translation>Language / Bahasa</translation>
    </message>
    <message>
        <source>Bahasa tampilan berganti setelah aplikasi dibuka ulang.
The display language changes after the app restarts.</source>
        <translation>The display language changes after the app restarts.
Bahasa tampilan berganti setelah aplikasi dibuka ulang.</translation>
    </message>
    <message>
        <source>Buka ulang sekarang / Restart now</source>
        <translation>Restart now</translation>
    </message>
    <message>
        <source>Nanti / Later</source>
        <translation>Later</translation>
    </message>
</context>
<context>
    <name>ArrearsTab</name>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality class</translation>
    </message>
    <message>
        <source>Jumlah pinjaman</source>
        <translation>Loan amount</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>PPAP</source>
        <translation>PPAP</translation>
    </message>
    <message>
        <source>No. pinjaman</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Hari terlambat</source>
        <translation>Days late</translation>
    </message>
    <message>
        <source>Tunggakan pokok</source>
        <translation>Principal arrears</translation>
    </message>
    <message>
        <source>Tunggakan bunga</source>
        <translation>Interest arrears</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>Bayar terakhir</source>
        <translation>Last payment</translation>
    </message>
    <message>
        <source>PAR1 {p1} · &lt;b&gt;PAR30 {p30}&lt;/b&gt; · PAR90 {p90} · tingkat pengembalian {rr} · sisa pokok {out} · tunggakan {arr} · PPAP {ppap} (cadangan dibukukan {book})</source>
        <translation>PAR1 {p1} · &lt;b&gt;PAR30 {p30}&lt;/b&gt; · PAR90 {p90} · repayment rate {rr} · principal outstanding {out} · arrears {arr} · PPAP {ppap} (allowance booked {book})</translation>
    </message>
</context>
<context>
    <name>AssetDialog</name>
    <message>
        <source>Aset tetap baru</source>
        <translation>New fixed asset</translation>
    </message>
    <message>
        <source>Kas (1.01)</source>
        <translation>Cash (1.01)</translation>
    </message>
    <message>
        <source>Bank (1.02)</source>
        <translation>Bank (1.02)</translation>
    </message>
    <message>
        <source>Hutang (2.30)</source>
        <translation>Payable (2.30)</translation>
    </message>
    <message>
        <source>&amp;Nama aset</source>
        <translation>Asset &amp;name</translation>
    </message>
    <message>
        <source>&amp;Kelompok</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <source>&amp;Tanggal perolehan</source>
        <translation>Acquisition &amp;date</translation>
    </message>
    <message>
        <source>&amp;Harga perolehan</source>
        <translation>&amp;Cost</translation>
    </message>
    <message>
        <source>&amp;Umur manfaat (bulan)</source>
        <translation>Useful &amp;life (months)</translation>
    </message>
    <message>
        <source>Nilai &amp;sisa</source>
        <translation>&amp;Residual value</translation>
    </message>
    <message>
        <source>&amp;Lokasi</source>
        <translation>L&amp;ocation</translation>
    </message>
    <message>
        <source>&amp;Dibayar dari</source>
        <translation>&amp;Paid from</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>AuditModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Waktu (UTC)</source>
        <translation>Time (UTC)</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>Data</translation>
    </message>
    <message>
        <source>Kunci</source>
        <translation>Key</translation>
    </message>
</context>
<context>
    <name>AuditPanel</name>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Cari teks (nomor anggota, nama, jumlah...)</source>
        <translation>Search text (member number, name, amount...)</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Tindakan</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>s.d.</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Kolom</source>
        <translation>Column</translation>
    </message>
    <message>
        <source>Sebelum</source>
        <translation>Before</translation>
    </message>
    <message>
        <source>Sesudah</source>
        <translation>After</translation>
    </message>
    <message>
        <source>Periksa &amp;rantai</source>
        <translation>Check the &amp;chain</translation>
    </message>
    <message>
        <source>Memastikan tidak ada catatan audit yang diubah atau dihapus di luar aplikasi</source>
        <translation>Makes sure no audit record was changed or deleted outside the app</translation>
    </message>
    <message>
        <source>Semua pengguna</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>Semua tindakan</source>
        <translation>All actions</translation>
    </message>
    <message>
        <source>Jejak audit</source>
        <translation>Audit trail</translation>
    </message>
    <message>
        <source>Rantai audit utuh: {n} catatan diperiksa, tidak ada yang diubah.</source>
        <translation>Audit chain intact: {n} records checked, none changed.</translation>
    </message>
    <message>
        <source>Rantai audit RUSAK ({n} masalah): {first}</source>
        <translation>Audit chain BROKEN ({n} problems): {first}</translation>
    </message>
    <message>
        <source>Rantai audit rusak</source>
        <translation>Audit chain broken</translation>
    </message>
    <message>
        <source>Memeriksa...</source>
        <translation>Checking...</translation>
    </message>
    <message>
        <source>Memeriksa rantai jejak audit...</source>
        <translation>Checking the audit trail chain...</translation>
    </message>
</context>
<context>
    <name>BackupActions</name>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>Hanya administrator dan bendahara yang dapat mencadangkan basis data.</source>
        <translation>Only administrators and treasurers can back up the database.</translation>
    </message>
    <message>
        <source>Pilih folder untuk cadangan (mis. flashdisk)</source>
        <translation>Choose a folder for the backup (e.g. a USB flash drive)</translation>
    </message>
    <message>
        <source>Cadangan dibuat</source>
        <translation>Backup created</translation>
    </message>
    <message>
        <source>Basis data dicadangkan ke
{path}</source>
        <translation>Database backed up to
{path}</translation>
    </message>
    <message>
        <source>Mencadangkan basis data...</source>
        <translation>Backing up the database...</translation>
    </message>
    <message>
        <source>Cadangan gagal</source>
        <translation>Backup failed</translation>
    </message>
    <message>
        <source>Pulihkan</source>
        <translation>Restore</translation>
    </message>
    <message>
        <source>Hanya administrator yang dapat memulihkan basis data dari cadangan.</source>
        <translation>Only an administrator can restore the database from a backup.</translation>
    </message>
    <message>
        <source>Pilih berkas cadangan</source>
        <translation>Choose a backup file</translation>
    </message>
    <message>
        <source>Memeriksa berkas cadangan...</source>
        <translation>Checking the backup file...</translation>
    </message>
    <message>
        <source>Cadangan tidak dapat dipakai</source>
        <translation>Backup cannot be used</translation>
    </message>
    <message>
        <source>Pemeriksaan berkas cadangan menemukan masalah:
{problems}</source>
        <translation>Checking the backup file found problems:
{problems}</translation>
    </message>
    <message>
        <source>Pulihkan basis data dari cadangan ini?

{summary}

Seluruh isi basis data sekarang diganti dengan isi cadangan. Basis data sekarang dicadangkan dulu (label sebelum-pulih), jadi langkah ini dapat dibatalkan.</source>
        <translation>Restore the database from this backup?

{summary}

The entire contents of the current database will be replaced with the contents of the backup. The current database is backed up first (label before-restore), so this step can be undone.</translation>
    </message>
    <message>
        <source>Pulihkan dari cadangan</source>
        <translation>Restore from backup</translation>
    </message>
    <message>
        <source>Dipulihkan</source>
        <translation>Restored</translation>
    </message>
    <message>
        <source>Basis data dipulihkan dari cadangan {when} UTC.
Isi sebelumnya disimpan di
{safety}</source>
        <translation>Database restored from the backup of {when} UTC.
The previous contents were saved in
{safety}</translation>
    </message>
    <message>
        <source>Memulihkan basis data...</source>
        <translation>Restoring the database...</translation>
    </message>
    <message>
        <source>Pemulihan gagal</source>
        <translation>Restore failed</translation>
    </message>
</context>
<context>
    <name>BackupPanel</name>
    <message>
        <source>Setiap kali aplikasi ditutup, basis data dicadangkan otomatis ke
{folder}
(disimpan: 7 harian, 4 mingguan, 12 bulanan). Simpan juga salinan di flashdisk atau komputer lain secara berkala dengan &quot;Cadangkan sekarang&quot;.</source>
        <translation>Every time the app is closed, the database is automatically backed up to
{folder}
(kept: 7 daily, 4 weekly, 12 monthly). Also keep a copy on a USB flash drive or another computer regularly with &quot;Back up now&quot;.</translation>
    </message>
    <message>
        <source>&amp;Cadangkan sekarang...</source>
        <translation>&amp;Back up now...</translation>
    </message>
    <message>
        <source>&amp;Pulihkan dari cadangan...</source>
        <translation>&amp;Restore from backup...</translation>
    </message>
</context>
<context>
    <name>BankAccountDialog</name>
    <message>
        <source>Rekening bank baru</source>
        <translation>New bank account</translation>
    </message>
    <message>
        <source>Bank lain</source>
        <translation>Other bank</translation>
    </message>
    <message>
        <source>Akun baru di bawah 1.02</source>
        <translation>New account under 1.02</translation>
    </message>
    <message>
        <source>1.02 Bank (akun yang sudah ada)</source>
        <translation>1.02 Bank (the existing account)</translation>
    </message>
    <message>
        <source>&amp;Nama rekening</source>
        <translation>Account &amp;name</translation>
    </message>
    <message>
        <source>&amp;Bank</source>
        <translation>&amp;Bank</translation>
    </message>
    <message>
        <source>Nomor re&amp;kening</source>
        <translation>Account n&amp;umber</translation>
    </message>
    <message>
        <source>&amp;Akun buku besar</source>
        <translation>&amp;Ledger account</translation>
    </message>
    <message>
        <source>&amp;Mulai direkonsiliasi</source>
        <translation>Reconciled &amp;from</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>BankTab</name>
    <message>
        <source>&amp;Rekening</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>Per &amp;tanggal</source>
        <translation>As of &amp;date</translation>
    </message>
    <message>
        <source>&amp;Hanya yang belum cocok</source>
        <translation>Unmatched &amp;only</translation>
    </message>
    <message>
        <source>Rekening &amp;baru...</source>
        <translation>&amp;New account...</translation>
    </message>
    <message>
        <source>&amp;Impor rekening koran...</source>
        <translation>&amp;Import statement...</translation>
    </message>
    <message>
        <source>Cocokkan &amp;otomatis</source>
        <translation>Match au&amp;tomatically</translation>
    </message>
    <message>
        <source>Cocokkan &amp;manual</source>
        <translation>Match by &amp;hand</translation>
    </message>
    <message>
        <source>Batalkan &amp;cocok</source>
        <translation>Un&amp;match</translation>
    </message>
    <message>
        <source>B&amp;ukukan mutasi...</source>
        <translation>&amp;Post item...</translation>
    </message>
    <message>
        <source>Pemetaan ko&amp;lom...</source>
        <translation>Co&amp;lumn mapping...</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Cocok</source>
        <translation>Matched</translation>
    </message>
    <message>
        <source>Rekening &amp;koran</source>
        <translation>Bank &amp;statement</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>&amp;Jurnal akun bank (pilih satu atau lebih)</source>
        <translation>Bank account&apos;s &amp;journal lines (choose one or more)</translation>
    </message>
    <message>
        <source>Rekonsiliasi bank</source>
        <translation>Bank reconciliation</translation>
    </message>
    <message>
        <source>otomatis</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>manual</source>
        <translation>by hand</translation>
    </message>
    <message>
        <source>dibukukan</source>
        <translation>posted</translation>
    </message>
    <message>
        <source>Belum ada rekening bank. Tambahkan dengan Rekening baru.</source>
        <translation>No bank account yet. Add one with New account.</translation>
    </message>
    <message>
        <source>belum ada rekening koran</source>
        <translation>no statement yet</translation>
    </message>
    <message>
        <source>COCOK</source>
        <translation>RECONCILED</translation>
    </message>
    <message>
        <source>selisih {d}</source>
        <translation>difference {d}</translation>
    </message>
    <message>
        <source>Saldo rekening koran {st} · setoran dalam perjalanan {tr} · pembayaran belum cair {out} · saldo buku {book} · belum dibukukan {un} · {state}</source>
        <translation>Statement balance {st} · deposits in transit {tr} · payments not cleared {out} · book balance {book} · not booked {un} · {state}</translation>
    </message>
    <message>
        <source>{n} baris dicocokkan.</source>
        <translation>{n} lines matched.</translation>
    </message>
    <message>
        <source>Pilih satu baris rekening koran dan baris jurnal yang sama jumlahnya.</source>
        <translation>Choose one statement line and the journal lines of the same amount.</translation>
    </message>
    <message>
        <source>Baris rekening koran dicocokkan.</source>
        <translation>Statement line matched.</translation>
    </message>
    <message>
        <source>Pilih baris rekening koran yang sudah cocok.</source>
        <translation>Choose a matched statement line.</translation>
    </message>
    <message>
        <source>Cocok dibatalkan; jurnalnya kini dapat dibalik.</source>
        <translation>Match undone; its entry may now be reversed.</translation>
    </message>
    <message>
        <source>Pilih baris rekening koran yang belum cocok.</source>
        <translation>Choose an unmatched statement line.</translation>
    </message>
</context>
<context>
    <name>BoardApprovalDialog</name>
    <message>
        <source>Persetujuan atas nama: &lt;b&gt;{body}&lt;/b&gt;</source>
        <translation>Approval on behalf of: &lt;b&gt;{body}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Persetujuan pengurus/pengawas</source>
        <translation>Board/supervisors&apos; approval</translation>
    </message>
    <message>
        <source>mis. rapat gabungan 12/11</source>
        <translation>e.g. joint meeting 12/11</translation>
    </message>
    <message>
        <source>Tan&amp;ggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
</context>
<context>
    <name>ClosingPanel</name>
    <message>
        <source>Bulan ditutup berurutan dan mengunci pembukuan: transaksi bertanggal di bulan itu atau sebelumnya ditolak; hanya bulan tertutup terakhir yang dapat dibuka kembali. Tutup tahun memindahkan pendapatan dan beban tahun buku ke SHU Tahun Berjalan.</source>
        <translation>Months close in order and lock the books: transactions dated in a closed month or before it are refused; only the latest closed month can be reopened. Closing the year moves the year&apos;s income and expenses to the current year&apos;s SHU.</translation>
    </message>
    <message>
        <source>Tahun buku</source>
        <translation>Financial year</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Ditutup oleh</source>
        <translation>Closed by</translation>
    </message>
    <message>
        <source>Ditutup pada</source>
        <translation>Closed on</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Tutup &amp;bulan</source>
        <translation>Close &amp;month</translation>
    </message>
    <message>
        <source>Buka &amp;kembali...</source>
        <translation>&amp;Reopen...</translation>
    </message>
    <message>
        <source>Tutup &amp;tahun...</source>
        <translation>Close the &amp;year...</translation>
    </message>
    <message>
        <source>Buka kembali ta&amp;hun...</source>
        <translation>Reopen the y&amp;ear...</translation>
    </message>
    <message>
        <source>&amp;Jasa simpanan...</source>
        <translation>Savings &amp;interest...</translation>
    </message>
    <message>
        <source>Bukukan jasa simpanan sukarela untuk bulan yang sudah berakhir</source>
        <translation>Post the voluntary savings interest for a month that has ended</translation>
    </message>
    <message>
        <source>Pembagian &amp;SHU...</source>
        <translation>&amp;SHU distribution...</translation>
    </message>
    <message>
        <source>Ditutup</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Terbuka</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Sudah ditutup. SHU {surplus}.</source>
        <translation>Closed. SHU {surplus}.</translation>
    </message>
    <message>
        <source>Belum ditutup. SHU berjalan {surplus}.</source>
        <translation>Not closed yet. SHU so far {surplus}.</translation>
    </message>
    <message>
        <source>SHU sudah dibagikan.</source>
        <translation>SHU already distributed.</translation>
    </message>
    <message>
        <source>{start} – {end}.</source>
        <translation>{start} – {end}.</translation>
    </message>
    <message>
        <source>Tutup buku</source>
        <translation>Closing the books</translation>
    </message>
    <message>
        <source>Tutup bulan</source>
        <translation>Close month</translation>
    </message>
    <message>
        <source>Tutup bulan {month}? Setelah ditutup, transaksi bertanggal di bulan itu ditolak sampai bulan itu dibuka kembali.</source>
        <translation>Close the month {month}? Once closed, transactions dated in that month are rejected until the month is reopened.</translation>
    </message>
    <message>
        <source>Jasa simpanan sukarela</source>
        <translation>Voluntary savings interest</translation>
    </message>
    <message>
        <source>Hitung jasa simpanan sukarela dari saldo terendah bulan yang dipilih dan bukukan per akhir bulan itu (PPh final dipotong bila berlaku).</source>
        <translation>Compute the voluntary savings interest from the chosen month&apos;s lowest balances and post it as of that month&apos;s end (final income tax withheld where it applies).</translation>
    </message>
    <message>
        <source>Bukukan</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Tidak ada jasa simpanan baru untuk {month} (sudah dibukukan, atau tidak ada rekening yang memenuhi syarat).</source>
        <translation>No new savings interest for {month} (already posted, or no account qualifies).</translation>
    </message>
    <message>
        <source>Jasa simpanan {month}: {n} rekening, jasa {gross}, PPh final {tax}.</source>
        <translation>Savings interest {month}: {n} accounts, interest {gross}, final income tax {tax}.</translation>
    </message>
    <message>
        <source>Buka kembali bulan</source>
        <translation>Reopen month</translation>
    </message>
    <message>
        <source>Bulan {month} akan dibuka kembali sehingga dapat dibukukan lagi. Alasannya dicatat di jejak audit.</source>
        <translation>The month {month} will be reopened so that entries can be posted to it again. The reason is recorded in the audit trail.</translation>
    </message>
    <message>
        <source>Tutup tahun buku</source>
        <translation>Close the financial year</translation>
    </message>
    <message>
        <source>Tutup tahun</source>
        <translation>Close year</translation>
    </message>
    <message>
        <source>Menutup buku tahun {year}...</source>
        <translation>Closing the books for {year}...</translation>
    </message>
    <message>
        <source>Tahun buku ditutup</source>
        <translation>Financial year closed</translation>
    </message>
    <message>
        <source>Tahun buku {year} ditutup. SHU {surplus} dibukukan ke SHU Tahun Berjalan (usaha dengan anggota {members}, dengan non-anggota {non_members}); SHU/rugi tahun lalu {prior} dipindahkan ke akun 3.91.</source>
        <translation>Financial year {year} closed. The SHU of {surplus} was posted to the current year surplus (members {members}, non-members {non_members}); earlier years&apos; result of {prior} moved to account 3.91.</translation>
    </message>
    <message>
        <source>Tutup buku tahun {year} ({start} – {end})?

Pendapatan: {income}
Beban: {expenses}
SHU: {surplus}

Pendapatan dan beban dipindahkan ke SHU Tahun Berjalan dengan satu jurnal penutup, dan semua bulan tahun buku ini ditutup. Sebelumnya buku dicadangkan ke folder cadangan; bila cadangan gagal, tahun tidak ditutup.</source>
        <translation>Close the books for {year} ({start} – {end})?

Income: {income}
Expenses: {expenses}
SHU: {surplus}

Income and expenses are moved to Current-Year SHU with a single closing entry, and all months of this financial year are closed. The books are backed up to the backup folder first; if the backup fails, the year is not closed.</translation>
    </message>
    <message>
        <source>Cadangan sebelum tutup buku {year}: {path}</source>
        <translation>Backup before closing {year}: {path}</translation>
    </message>
    <message>
        <source>Cadangan sebelum tutup buku {year}: basis data PostgreSQL dicadangkan di server (pg_dump).</source>
        <translation>Backup before closing {year}: a PostgreSQL database is backed up on the server (pg_dump).</translation>
    </message>
    <message>
        <source>Buka kembali tahun buku</source>
        <translation>Reopen the financial year</translation>
    </message>
    <message>
        <source>Jurnal penutup tahun {year} akan dibalik. Bulan-bulannya tetap tertutup sampai dibuka kembali satu per satu. Alasannya dicatat di jejak audit.</source>
        <translation>The closing entry for {year} will be reversed. Its months stay closed until they are reopened one by one. The reason is recorded in the audit trail.</translation>
    </message>
</context>
<context>
    <name>CollateralDialog</name>
    <message>
        <source>Terima jaminan</source>
        <translation>Receive collateral</translation>
    </message>
    <message>
        <source>mis. BPKB Honda Beat 2021 KT 1234 AB</source>
        <translation>e.g. BPKB Honda Beat 2021 KT 1234 AB</translation>
    </message>
    <message>
        <source>mis. BPKB asli, fotokopi STNK</source>
        <translation>e.g. original BPKB, copy of the STNK</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Uraian</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&amp;Nilai (Rp)</source>
        <translation>&amp;Value (Rp)</translation>
    </message>
    <message>
        <source>Nomor &amp;dokumen</source>
        <translation>Document &amp;number</translation>
    </message>
    <message>
        <source>&amp;Pemilik</source>
        <translation>&amp;Owner</translation>
    </message>
    <message>
        <source>Dokumen &amp;disimpan</source>
        <translation>Documents &amp;held</translation>
    </message>
    <message>
        <source>Tan&amp;ggal terima</source>
        <translation>Date &amp;received</translation>
    </message>
    <message>
        <source>Simpan jaminan</source>
        <translation>Save collateral</translation>
    </message>
</context>
<context>
    <name>CollateralPanel</name>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Uraian</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>No. dokumen</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Nilai</source>
        <translation>Value</translation>
    </message>
    <message>
        <source>Diterima</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Dikembalikan</source>
        <translation>Returned</translation>
    </message>
    <message>
        <source>Serah terima</source>
        <translation>Hand-over</translation>
    </message>
    <message>
        <source>Penjamin</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <source>Hubungan</source>
        <translation>Relation</translation>
    </message>
</context>
<context>
    <name>DashboardPage</name>
    <message>
        <source>&lt;h2&gt;Beranda&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Home&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Anggota aktif</source>
        <translation>Active members</translation>
    </message>
    <message>
        <source>Simpanan anggota</source>
        <translation>Members&apos; savings</translation>
    </message>
    <message>
        <source>Kas dan bank</source>
        <translation>Cash and bank</translation>
    </message>
    <message>
        <source>SHU berjalan (tahun ini)</source>
        <translation>Surplus so far (this year)</translation>
    </message>
    <message>
        <source>Pinjaman beredar</source>
        <translation>Loans outstanding</translation>
    </message>
    <message>
        <source>PAR30 (tunggakan ≥ 30 hari)</source>
        <translation>PAR30 (arrears ≥ 30 days)</translation>
    </message>
    <message>
        <source>Angsuran jatuh tempo minggu ini</source>
        <translation>Installments due this week</translation>
    </message>
    <message>
        <source>Anggota baru bulan ini</source>
        <translation>New members this month</translation>
    </message>
    <message>
        <source>Anggota menurut jenis kelamin</source>
        <translation>Members by gender</translation>
    </message>
    <message>
        <source>Simpanan (juta Rp)</source>
        <translation>Savings (million Rp)</translation>
    </message>
    <message>
        <source>Anggota menurut kategori kerentanan</source>
        <translation>Members by vulnerability category</translation>
    </message>
    <message>
        <source>Kolektibilitas pinjaman (juta Rp)</source>
        <translation>Loan quality class (million Rp)</translation>
    </message>
    <message>
        <source>per {date}</source>
        <translation>as of {date}</translation>
    </message>
    <message>
        <source>{w} perempuan · {m} laki-laki · {t} terdaftar</source>
        <translation>{w} women · {m} men · {t} registered</translation>
    </message>
    <message>
        <source>pendapatan {i} · beban {e}</source>
        <translation>income {i} · expenses {e}</translation>
    </message>
    <message>
        <source>{n} pinjaman aktif</source>
        <translation>{n} active loans</translation>
    </message>
    <message>
        <source>{amount} berisiko · {late} pinjaman menunggak</source>
        <translation>{amount} at risk · {late} loans in arrears</translation>
    </message>
    <message>
        <source>Simpanan ({unit})</source>
        <translation>Savings ({unit})</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Kolektibilitas pinjaman ({unit})</source>
        <translation>Loan quality ({unit})</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>juta Rp</source>
        <translation>million Rp</translation>
    </message>
    <message>
        <source>ribu Rp</source>
        <translation>thousand Rp</translation>
    </message>
</context>
<context>
    <name>DecisionDialog</name>
    <message>
        <source>Setujui pinjaman</source>
        <translation>Approve loan</translation>
    </message>
    <message>
        <source>Tolak pinjaman</source>
        <translation>Reject loan</translation>
    </message>
    <message>
        <source>mis. disetujui rapat pengurus 12/11</source>
        <translation>e.g. approved at the board meeting of 12/11</translation>
    </message>
    <message>
        <source>alasan penolakan</source>
        <translation>reason for rejection</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Setujui</source>
        <translation>Approve</translation>
    </message>
    <message>
        <source>Tolak pengajuan</source>
        <translation>Reject application</translation>
    </message>
</context>
<context>
    <name>DepreciationDialog</name>
    <message>
        <source>Penyusutan bulan</source>
        <translation>Month&apos;s depreciation</translation>
    </message>
    <message>
        <source>&amp;Bulan</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>Penyusutan sebulan dibukukan sekali saja (Dr 5.30 / Cr 1.39); bulan yang terlewat ikut dibukukan.</source>
        <translation>A month&apos;s depreciation is posted once only (Dr 5.30 / Cr 1.39); months missed are caught up.</translation>
    </message>
    <message>
        <source>Bukukan</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Penyusutan bulan ini sudah dibukukan.</source>
        <translation>This month&apos;s depreciation was already posted.</translation>
    </message>
    <message>
        <source>Dibukukan {amount} untuk {n} aset.</source>
        <translation>Posted {amount} for {n} assets.</translation>
    </message>
</context>
<context>
    <name>DisburseDialog</name>
    <message>
        <source>Pencairan pinjaman</source>
        <translation>Loan disbursement</translation>
    </message>
    <message>
        <source>Tunai dari kas</source>
        <translation>Cash from the cash box</translation>
    </message>
    <message>
        <source>Ke simpanan sukarela anggota</source>
        <translation>To the member&apos;s voluntary savings</translation>
    </message>
    <message>
        <source>Sesuai produk</source>
        <translation>As set in the product</translation>
    </message>
    <message>
        <source>Dipotong dari pencairan</source>
        <translation>Deducted from the disbursement</translation>
    </message>
    <message>
        <source>Dibayar tunai</source>
        <translation>Paid in cash</translation>
    </message>
    <message>
        <source>Tanggal pencairan</source>
        <translation>Disbursement date</translation>
    </message>
    <message>
        <source>Dicairkan</source>
        <translation>Disburse to</translation>
    </message>
    <message>
        <source>Biaya administrasi</source>
        <translation>Administration fee</translation>
    </message>
    <message>
        <source>Diterima anggota</source>
        <translation>Member receives</translation>
    </message>
    <message>
        <source>Cairkan</source>
        <translation>Disburse</translation>
    </message>
    <message>
        <source>&lt;b&gt;{net}&lt;/b&gt; (tanpa biaya administrasi)</source>
        <translation>&lt;b&gt;{net}&lt;/b&gt; (no administration fee)</translation>
    </message>
    <message>
        <source>&lt;b&gt;{net}&lt;/b&gt; = pokok {amount} − biaya administrasi {fee}</source>
        <translation>&lt;b&gt;{net}&lt;/b&gt; = principal {amount} − administration fee {fee}</translation>
    </message>
    <message>
        <source>&lt;b&gt;{net}&lt;/b&gt;; biaya administrasi {fee} dibayar tunai</source>
        <translation>&lt;b&gt;{net}&lt;/b&gt;; administration fee {fee} paid in cash</translation>
    </message>
    <message>
        <source>Saldo kas tidak cukup</source>
        <translation>Not enough cash</translation>
    </message>
    <message>
        <source>Saldo kas {cash} tidak cukup untuk pencairan {amount}.&lt;br&gt;Periksa uang di kas, atau batalkan dan cairkan ke simpanan sukarela anggota.&lt;br&gt;&lt;br&gt;Tetap cairkan tunai?</source>
        <translation>The cash balance {cash} is not enough for a disbursement of {amount}.&lt;br&gt;Check the money in the cash box, or cancel and disburse to the member&apos;s voluntary savings.&lt;br&gt;&lt;br&gt;Disburse in cash anyway?</translation>
    </message>
    <message>
        <source>Tetap cairkan</source>
        <translation>Disburse anyway</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DisposeDialog</name>
    <message>
        <source>Jual/hapus aset {code}</source>
        <translation>Sell or scrap asset {code}</translation>
    </message>
    <message>
        <source>Kas (1.01)</source>
        <translation>Cash (1.01)</translation>
    </message>
    <message>
        <source>Bank (1.02)</source>
        <translation>Bank (1.02)</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Hasil penjualan (0 bila dihapus)</source>
        <translation>&amp;Proceeds (0 when scrapped)</translation>
    </message>
    <message>
        <source>&amp;Diterima di</source>
        <translation>&amp;Received into</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Bukukan</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>DueTab</name>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Tampilkan</source>
        <translation>&amp;Show</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>No. pinjaman</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Belum dibayar</source>
        <translation>Unpaid</translation>
    </message>
    <message>
        <source>{n} pinjaman · jumlah {total}</source>
        <translation>{n} loans · total {total}</translation>
    </message>
</context>
<context>
    <name>EmployerDialog</name>
    <message>
        <source>Instansi</source>
        <translation>Employer</translation>
    </message>
    <message>
        <source>Bank (1.02)</source>
        <translation>Bank (1.02)</translation>
    </message>
    <message>
        <source>Kas (1.01)</source>
        <translation>Cash (1.01)</translation>
    </message>
    <message>
        <source>&amp;Kode</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>&amp;Diterima di</source>
        <translation>&amp;Received into</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ErrorDialog</name>
    <message>
        <source>Terjadi kesalahan</source>
        <translation>Something went wrong</translation>
    </message>
    <message>
        <source>Maaf, terjadi kesalahan yang tidak terduga. Pekerjaan yang sedang berjalan dibatalkan seluruhnya, jadi data di basis data tetap utuh.

Jika masalah ini berulang, salin detailnya dan kirimkan kepada pengelola aplikasi. Detail juga dicatat di:
{path}</source>
        <translation>Sorry, an unexpected error occurred. The work in progress was cancelled as a whole, so the data in the database is intact.

If this keeps happening, copy the details and send them to whoever maintains the app. The details are also written to:
{path}</translation>
    </message>
    <message>
        <source>Lihat detail</source>
        <translation>Show details</translation>
    </message>
    <message>
        <source>Salin detail</source>
        <translation>Copy details</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Tersalin</source>
        <translation>Copied</translation>
    </message>
    <message>
        <source>Tidak dapat diproses</source>
        <translation>Cannot be processed</translation>
    </message>
</context>
<context>
    <name>ExchangePage</name>
    <message>
        <source>&lt;h2&gt;Impor/Ekspor&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Import/Export&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Ekspor untuk auditor</source>
        <translation>Export for auditors</translation>
    </message>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>Konsolidasi</source>
        <translation>Consolidation</translation>
    </message>
    <message>
        <source>Buku kerja audit: satu berkas Excel berisi anggota, kelompok, simpanan, pinjaman, jadwal angsuran, bagan akun, jurnal dan neraca saldo, dengan kode SHA-256 tiap lembar. Tanpa batas periode, berkas ini memuat seluruh pembukuan dan dapat dipulihkan ke basis data lain.</source>
        <translation>Audit workbook: one Excel file with members, groups, savings, loans, repayment schedules, chart of accounts, journal and trial balance, with a SHA-256 code for each sheet. Without a period limit, the file holds the complete books and can be restored into another database.</translation>
    </message>
    <message>
        <source>Dari tanggal</source>
        <translation>From date</translation>
    </message>
    <message>
        <source>Sampai tanggal</source>
        <translation>To date</translation>
    </message>
    <message>
        <source>&amp;Ekspor buku kerja audit...</source>
        <translation>&amp;Export audit workbook...</translation>
    </message>
    <message>
        <source>&amp;Buka berkas</source>
        <translation>&amp;Open file</translation>
    </message>
    <message>
        <source>Tanggal akhir tidak boleh sebelum tanggal awal.</source>
        <translation>The end date cannot be before the start date.</translation>
    </message>
    <message>
        <source>Simpan buku kerja audit</source>
        <translation>Save audit workbook</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Menyusun buku kerja audit...</source>
        <translation>Building the audit workbook...</translation>
    </message>
    <message>
        <source>Ekspor dibatalkan; tidak ada berkas yang dibuat.</source>
        <translation>Export cancelled; no file was created.</translation>
    </message>
    <message>
        <source>Tersimpan di {path}
{sheets} lembar, {rows} baris data.</source>
        <translation>Saved to {path}
{sheets} sheets, {rows} data rows.</translation>
    </message>
    <message>
        <source>Hanya sebagian periode: berkas ini untuk diperiksa, tidak untuk dipulihkan.</source>
        <translation>Part of the period only: this file is for review, not for restoring.</translation>
    </message>
    <message>
        <source>Ditandatangani dengan kunci koperasi {fingerprint}
(kunci publik untuk didaftarkan di program: {key})</source>
        <translation>Signed with the cooperative&apos;s key {fingerprint}
(public key for the programme to register: {key})</translation>
    </message>
    <message>
        <source>Pindahkan data dari lembar kerja Excel: anggota, saldo awal simpanan, transaksi simpanan, pinjaman, atau seluruh pembukuan dari buku kerja audit. Setiap baris diperiksa dulu dan ditampilkan; tidak ada yang disimpan sebelum Anda menekan Impor, dan semuanya disimpan dalam satu transaksi.</source>
        <translation>Bring in data from Excel worksheets: members, opening savings balances, savings transactions, loans, or the complete books from an audit workbook. Every row is checked first and shown; nothing is saved until you press Import, and everything is saved in a single transaction.</translation>
    </message>
    <message>
        <source>&amp;Impor dari Excel...</source>
        <translation>&amp;Import from Excel...</translation>
    </message>
    <message>
        <source>Untuk evaluator program: gabungkan buku kerja audit banyak koperasi menjadi satu laporan (jangkauan menurut jenis kelamin dan kategori kerentanan, simpanan, portofolio pinjaman dan PAR). Setiap buku kerja diperiksa (tanda tangan dengan kunci terdaftar, bukan duplikat, kode SHA-256, jurnal seimbang, buku pembantu sama dengan akun induk); koperasi yang gagal dicantumkan beserta alasannya dan tidak dijumlahkan.</source>
        <translation>For programme evaluators: combine many cooperatives&apos; audit workbooks into one report (outreach by gender and vulnerability category, savings, loan portfolio and PAR). Every workbook is checked (signature by the registered key, not a duplicate, SHA-256 codes, balanced journal, subledgers equal to their control accounts); cooperatives that fail are listed with the reasons and left out of the totals.</translation>
    </message>
    <message>
        <source>Daftar &amp;kunci publik:</source>
        <translation>Public &amp;key register:</translation>
    </message>
    <message>
        <source>berkas teks: tiap baris nomor badan hukum lalu kunci publik koperasi</source>
        <translation>text file: each line a legal number, then the cooperative&apos;s public key</translation>
    </message>
    <message>
        <source>&amp;Pilih...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>Hitung juga buku kerja tanpa tanda tangan (dengan peringatan)</source>
        <translation>Also count unsigned workbooks (with a warning)</translation>
    </message>
    <message>
        <source>lolos</source>
        <translation>passed</translation>
    </message>
    <message>
        <source>GAGAL</source>
        <translation>FAILED</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Peringatan: {note}</source>
        <translation>Warning: {note}</translation>
    </message>
    <message>
        <source>seluruh pembukuan</source>
        <translation>the whole books</translation>
    </message>
    <message>
        <source>&amp;Tambah berkas...</source>
        <translation>&amp;Add files...</translation>
    </message>
    <message>
        <source>&amp;Hapus dari daftar</source>
        <translation>&amp;Remove from list</translation>
    </message>
    <message>
        <source>&amp;Gabungkan dan simpan laporan...</source>
        <translation>&amp;Combine and save report...</translation>
    </message>
    <message>
        <source>Koperasi</source>
        <translation>Cooperative</translation>
    </message>
    <message>
        <source>Berkas</source>
        <translation>File</translation>
    </message>
    <message>
        <source>Periode</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Pemeriksaan</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Pilih daftar kunci publik</source>
        <translation>Choose the public key register</translation>
    </message>
    <message>
        <source>Teks (*.txt);;Semua (*)</source>
        <translation>Text (*.txt);;All (*)</translation>
    </message>
    <message>
        <source>Pilih buku kerja audit</source>
        <translation>Choose audit workbooks</translation>
    </message>
    <message>
        <source>Tambahkan dulu buku kerja audit.</source>
        <translation>Add audit workbooks first.</translation>
    </message>
    <message>
        <source>Pilih dulu daftar kunci publik koperasi yang terdaftar di program.</source>
        <translation>First choose the register of the cooperatives&apos; public keys registered with the programme.</translation>
    </message>
    <message>
        <source>Simpan laporan program</source>
        <translation>Save program report</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;PDF (*.pdf)</source>
        <translation>Excel (*.xlsx);;PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Memeriksa dan menggabungkan buku kerja...</source>
        <translation>Checking and combining workbooks...</translation>
    </message>
    <message>
        <source>{name} gagal pemeriksaan:</source>
        <translation>{name} failed the check:</translation>
    </message>
    <message>
        <source>Konsolidasi dibatalkan; laporan tidak dibuat.</source>
        <translation>Consolidation cancelled; no report was created.</translation>
    </message>
    <message>
        <source>Laporan tersimpan di {path}
{passed} dari {n} koperasi lolos pemeriksaan.</source>
        <translation>Report saved to {path}
{passed} of {n} cooperatives passed the check.</translation>
    </message>
    <message>
        <source>Gagal pemeriksaan (tidak dijumlahkan): {names}</source>
        <translation>Failed the check (not included in the totals): {names}</translation>
    </message>
    <message>
        <source>Berkas tidak dapat dibaca atau disimpan: {detail}</source>
        <translation>The file cannot be read or saved: {detail}</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Kesalahan</source>
        <translation>Errors</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Data anggota: nama, NIK, jenis kelamin, tanggal masuk, alamat, kelompok. Nomor anggota boleh kosong (diberi otomatis).</source>
        <translation>Member data: name, NIK, sex, joining date, address, group. The member number may be empty (given automatically).</translation>
    </message>
    <message>
        <source>Saldo awal simpanan</source>
        <translation>Opening savings balances</translation>
    </message>
    <message>
        <source>Saldo simpanan pokok, wajib dan sukarela tiap anggota pada tanggal mulai memakai aplikasi.</source>
        <translation>Each member&apos;s principal, mandatory and voluntary savings balances on the day the app takes over.</translation>
    </message>
    <message>
        <source>Transaksi simpanan</source>
        <translation>Savings transactions</translation>
    </message>
    <message>
        <source>Setoran dan penarikan simpanan anggota, satu baris per transaksi.</source>
        <translation>Members&apos; savings deposits and withdrawals, one row per transaction.</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Pinjaman anggota yang masih berjalan pada tanggal mulai memakai aplikasi, satu baris per pinjaman: plafon, jangka waktu, tanggal pencairan, Pokok Sudah Dibayar (bukan sisa pokok), jaminan dan nomor anggota penjamin. Dicatat sebagai saldo awal, tidak melalui kas; jaminan masuk daftar jaminan.</source>
        <translation>Members&apos; loans still running on the day the app takes over, one row per loan: amount, term, disbursement date, Principal repaid (not the outstanding), collateral and the guarantor&apos;s member number. Recorded as opening balances, not through cash; the collateral goes into the collateral register.</translation>
    </message>
    <message>
        <source>Buku kerja audit (seluruh pembukuan)</source>
        <translation>Audit workbook (the whole books)</translation>
    </message>
    <message>
        <source>Memulihkan seluruh pembukuan dari buku kerja audit lengkap. Hanya ke basis data yang masih kosong; tanpa templat.</source>
        <translation>Restores the whole books from a complete audit workbook. Only into a database that is still empty; no template.</translation>
    </message>
</context>
<context>
    <name>ExitMemberDialog</name>
    <message>
        <source>Keluar dari keanggotaan</source>
        <translation>End membership</translation>
    </message>
    <message>
        <source>&lt;b&gt;{name}&lt;/b&gt; ({number}) keluar dari koperasi. Seluruh simpanan dikembalikan tunai setelah dipotong pinjaman yang belum lunas.</source>
        <translation>&lt;b&gt;{name}&lt;/b&gt; ({number}) leaves the cooperative. All savings are paid out in cash after unpaid loans are deducted.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Proses keluar</source>
        <translation>End membership</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Keanggotaan berakhir</source>
        <translation>Membership ended</translation>
    </message>
    <message>
        <source>Dikembalikan tunai: {paid}
Dipotong untuk pinjaman: {offset}
Kuitansi: {receipts}</source>
        <translation>Paid out in cash: {paid}
Set against loans: {offset}
Receipts: {receipts}</translation>
    </message>
</context>
<context>
    <name>FixedAssetsTab</name>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Tampilkan yang sudah &amp;dilepas</source>
        <translation>Show &amp;disposed assets</translation>
    </message>
    <message>
        <source>Aset &amp;baru...</source>
        <translation>&amp;New asset...</translation>
    </message>
    <message>
        <source>Jual/&amp;hapus...</source>
        <translation>Sell/&amp;scrap...</translation>
    </message>
    <message>
        <source>Pen&amp;yusutan bulan...</source>
        <translation>Month&apos;s dep&amp;reciation...</translation>
    </message>
    <message>
        <source>&amp;Impor saldo awal...</source>
        <translation>&amp;Import opening assets...</translation>
    </message>
    <message>
        <source>Batalkan pen&amp;catatan...</source>
        <translation>Re&amp;verse entry...</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama aset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Lokasi</source>
        <translation>Location</translation>
    </message>
    <message>
        <source>Perolehan</source>
        <translation>Acquired</translation>
    </message>
    <message>
        <source>Umur (bln)</source>
        <translation>Life (mo)</translation>
    </message>
    <message>
        <source>Harga perolehan</source>
        <translation>Cost</translation>
    </message>
    <message>
        <source>Akumulasi penyusutan</source>
        <translation>Accumulated depreciation</translation>
    </message>
    <message>
        <source>Nilai buku</source>
        <translation>Book value</translation>
    </message>
    <message>
        <source>Dilepas</source>
        <translation>Disposed</translation>
    </message>
    <message>
        <source>Aset tetap</source>
        <translation>Fixed assets</translation>
    </message>
    <message>
        <source>Tanah</source>
        <translation>Land</translation>
    </message>
    <message>
        <source>Bangunan</source>
        <translation>Buildings</translation>
    </message>
    <message>
        <source>Kendaraan</source>
        <translation>Vehicles</translation>
    </message>
    <message>
        <source>Peralatan dan inventaris kantor</source>
        <translation>Office equipment and furniture</translation>
    </message>
    <message>
        <source>{n} aset · harga perolehan {cost} · akumulasi {acc} · nilai buku {net}</source>
        <translation>{n} assets · cost {cost} · accumulated {acc} · book value {net}</translation>
    </message>
    <message>
        <source>Jual/hapus aset</source>
        <translation>Sell or scrap an asset</translation>
    </message>
    <message>
        <source>Pilih dulu aset yang masih dipakai.</source>
        <translation>First select an asset still in use.</translation>
    </message>
    <message>
        <source>Batalkan pencatatan</source>
        <translation>Reverse an entry</translation>
    </message>
    <message>
        <source>Pilih dulu aset yang salah dicatat.</source>
        <translation>Choose the asset recorded by mistake first.</translation>
    </message>
</context>
<context>
    <name>GroupDialog</name>
    <message>
        <source>Kelompok baru</source>
        <translation>New group</translation>
    </message>
    <message>
        <source>Ubah kelompok</source>
        <translation>Edit group</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>GroupForm</name>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>&amp;Kode</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>mis. K011</source>
        <translation>e.g. K011</translation>
    </message>
    <message>
        <source>&amp;Nama kelompok</source>
        <translation>&amp;Group name</translation>
    </message>
    <message>
        <source>mis. Kelompok Melati</source>
        <translation>e.g. Kelompok Melati</translation>
    </message>
    <message>
        <source>&amp;Hari pertemuan</source>
        <translation>&amp;Meeting day</translation>
    </message>
    <message>
        <source>(tidak tetap)</source>
        <translation>(not fixed)</translation>
    </message>
    <message>
        <source>Senin</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Selasa</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Rabu</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Kamis</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Jumat</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Sabtu</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Minggu</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>&amp;Tempat pertemuan</source>
        <translation>Meeting &amp;place</translation>
    </message>
    <message>
        <source>Kel&amp;urahan</source>
        <translation>&amp;Village (kelurahan)</translation>
    </message>
</context>
<context>
    <name>GroupMeetingDialog</name>
    <message>
        <source>Pertemuan kelompok {code} {name}</source>
        <translation>Group meeting {code} {name}</translation>
    </message>
    <message>
        <source>&amp;Muat tagihan</source>
        <translation>&amp;Load amounts due</translation>
    </message>
    <message>
        <source>Ketik jumlah yang dibayar tiap anggota di kolom kuning (mis. 25.000). Semua pembayaran dibukukan sekaligus dalam satu transaksi; tiap anggota mendapat satu kuitansi.</source>
        <translation>Type the amount each member pays in the yellow columns (e.g. 25.000). All payments are posted at once in a single transaction; each member gets one receipt.</translation>
    </message>
    <message>
        <source>&amp;Tanggal pertemuan</source>
        <translation>Meeting &amp;date</translation>
    </message>
    <message>
        <source>Tanggal berubah: tekan Muat tagihan untuk tagihan pada tanggal itu sebelum membukukan.</source>
        <translation>The date changed: press Load dues for that date&apos;s dues before posting.</translation>
    </message>
    <message>
        <source>&amp;Bukukan semua (Ctrl+Enter)</source>
        <translation>&amp;Post all (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Isi sesuai tagihan</source>
        <translation>&amp;Fill in amounts due</translation>
    </message>
    <message>
        <source>&amp;Kosongkan</source>
        <translation>&amp;Clear</translation>
    </message>
    <message>
        <source>&amp;Ekspor lembar...</source>
        <translation>&amp;Export sheet...</translation>
    </message>
    <message>
        <source>Im&amp;por lembar...</source>
        <translation>Im&amp;port sheet...</translation>
    </message>
    <message>
        <source>Tagihan hari ini {due} (tunggakan {arrears}) · diterima: wajib {w} · sukarela {s} · angsuran {loan} · &lt;b&gt;jumlah {total}&lt;/b&gt;</source>
        <translation>Due today {due} (arrears {arrears}) · received: mandatory {w} · voluntary {s} · installments {loan} · &lt;b&gt;total {total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Tanggal pertemuan berubah sejak tagihan dimuat. Tekan Muat tagihan dulu.</source>
        <translation>The meeting date changed since the dues were loaded. Press Load dues first.</translation>
    </message>
    <message>
        <source>Bukukan pertemuan {code} tanggal {date}?

{n} anggota membayar
Wajib: {w}
Sukarela: {s}
Angsuran: {loan}
Jumlah diterima: {total}</source>
        <translation>Post meeting {code} of {date}?

{n} members pay
Compulsory: {w}
Voluntary: {s}
Installments: {loan}
Total received: {total}</translation>
    </message>
    <message>
        <source>Bukukan pertemuan</source>
        <translation>Post meeting</translation>
    </message>
    <message>
        <source>Ya, bukukan</source>
        <translation>Yes, post</translation>
    </message>
    <message>
        <source>Baris {row} ({member}), kolom {column}: jumlah tidak dikenali.</source>
        <translation>Row {row} ({member}), column {column}: amount not recognised.</translation>
    </message>
    <message>
        <source>Belum ada pembayaran yang diisi.</source>
        <translation>No payments have been entered yet.</translation>
    </message>
    <message>
        <source>Baris {row} ({member}): {msg}</source>
        <translation>Row {row} ({member}): {msg}</translation>
    </message>
    <message>
        <source>Baris {row} ({member}), {column}: {amount} (batas kewajaran {ceiling})</source>
        <translation>Row {row} ({member}), {column}: {amount} (plausibility limit {ceiling})</translation>
    </message>
    <message>
        <source>Jumlah berikut jauh di atas yang biasa; periksa sebelum dibukukan:</source>
        <translation>These amounts are far above the usual; check them before posting:</translation>
    </message>
</context>
<context>
    <name>GroupsPage</name>
    <message>
        <source>&lt;h2&gt;Kelompok&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Groups&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Saring kelompok...</source>
        <translation>Filter groups...</translation>
    </message>
    <message>
        <source>Kelompok &amp;baru...</source>
        <translation>&amp;New group...</translation>
    </message>
    <message>
        <source>U&amp;bah...</source>
        <translation>&amp;Edit...</translation>
    </message>
    <message>
        <source>&amp;Pertemuan kelompok...</source>
        <translation>Group &amp;meeting...</translation>
    </message>
    <message>
        <source>Cetak &amp;lembar pertemuan...</source>
        <translation>Print meeting &amp;sheet...</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Ketua</source>
        <translation>Leader</translation>
    </message>
    <message>
        <source>Hari</source>
        <translation>Day</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source> (ketua)</source>
        <translation> (leader)</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>Sejak</source>
        <translation>Since</translation>
    </message>
    <message>
        <source>Nomor anggota</source>
        <translation>Member number</translation>
    </message>
    <message>
        <source>&amp;Masukkan ke kelompok</source>
        <translation>&amp;Add to group</translation>
    </message>
    <message>
        <source>Jadikan &amp;ketua</source>
        <translation>Make &amp;leader</translation>
    </message>
    <message>
        <source>Keluarkan</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Pilih kelompok di sebelah kiri.</source>
        <translation>Choose a group on the left.</translation>
    </message>
    <message>
        <source>Ketua: {leader} · pertemuan {day} di {place}</source>
        <translation>Leader: {leader} · meets {day} at {place}</translation>
    </message>
    <message>
        <source>Pertemuan kelompok</source>
        <translation>Group meeting</translation>
    </message>
    <message>
        <source>Pilih dulu kelompoknya.</source>
        <translation>First choose the group.</translation>
    </message>
    <message>
        <source>Lembar pertemuan</source>
        <translation>Meeting sheet</translation>
    </message>
    <message>
        <source>Keluarkan dari kelompok</source>
        <translation>Remove from group</translation>
    </message>
    <message>
        <source>Keluarkan anggota {number} dari {group}?</source>
        <translation>Remove member {number} from {group}?</translation>
    </message>
</context>
<context>
    <name>GuarantorDialog</name>
    <message>
        <source>Tambah penjamin</source>
        <translation>Add guarantor</translation>
    </message>
    <message>
        <source>nomor anggota penjamin</source>
        <translation>the guarantor&apos;s member number</translation>
    </message>
    <message>
        <source>mis. saudara, tetangga</source>
        <translation>e.g. sibling, neighbour</translation>
    </message>
    <message>
        <source>&amp;Anggota</source>
        <translation>Mem&amp;ber</translation>
    </message>
    <message>
        <source>&amp;Hubungan</source>
        <translation>&amp;Relation</translation>
    </message>
    <message>
        <source>Simpan penjamin</source>
        <translation>Save guarantor</translation>
    </message>
</context>
<context>
    <name>ImportDialog</name>
    <message>
        <source>Impor aset tetap (saldo awal)</source>
        <translation>Import fixed assets (opening balances)</translation>
    </message>
    <message>
        <source>&amp;Pilih...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>Simpan &amp;contoh lembar...</source>
        <translation>Save a &amp;template sheet...</translation>
    </message>
    <message>
        <source>&amp;Berkas Excel</source>
        <translation>Excel &amp;file</translation>
    </message>
    <message>
        <source>&amp;Tanggal saldo awal</source>
        <translation>&amp;Opening date</translation>
    </message>
    <message>
        <source>Peri&amp;ksa</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Berkas aset tetap</source>
        <translation>Fixed-asset file</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Contoh lembar</source>
        <translation>Template sheet</translation>
    </message>
    <message>
        <source>Pilih dulu berkas Excel.</source>
        <translation>First choose an Excel file.</translation>
    </message>
    <message>
        <source>Tidak ada yang disimpan. Perbaiki baris berikut:</source>
        <translation>Nothing was saved. Correct these rows:</translation>
    </message>
    <message>
        <source>{n} aset siap diimpor: harga perolehan {cost}, akumulasi {acc}.</source>
        <translation>{n} assets ready to import: cost {cost}, accumulated {acc}.</translation>
    </message>
    <message>
        <source>{n} aset diimpor: harga perolehan {cost}, akumulasi {acc}.</source>
        <translation>{n} assets imported: cost {cost}, accumulated {acc}.</translation>
    </message>
</context>
<context>
    <name>ImportWizard</name>
    <message>
        <source>Impor dari Excel</source>
        <translation>Import from Excel</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>&amp;Selesai</source>
        <translation>&amp;Finish</translation>
    </message>
    <message>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Simpan laporan kesalahan</source>
        <translation>Save error report</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Laporan kesalahan tersimpan di {path}</source>
        <translation>Error report saved to {path}</translation>
    </message>
</context>
<context>
    <name>InstructionDialog</name>
    <message>
        <source>Instruksi jatuh tempo {number}</source>
        <translation>Maturity instruction {number}</translation>
    </message>
    <message>
        <source>&amp;Saat jatuh tempo</source>
        <translation>At &amp;maturity</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>JournalModel</name>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Sumber</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>pembalik #{n}</source>
        <translation>reverses #{n}</translation>
    </message>
    <message>
        <source>dibalik #{n}</source>
        <translation>reversed by #{n}</translation>
    </message>
</context>
<context>
    <name>LedgerPage</name>
    <message>
        <source>Manual</source>
        <translation>Manual</translation>
    </message>
    <message>
        <source>Simpanan</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Dari</source>
        <translation>From</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Kas &amp;amp; Jurnal&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Cash &amp;amp; Journal&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Pemasukan/pengeluaran...</source>
        <translation>&amp;Income/expense...</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Bukti</source>
        <translation>Voucher</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Buku kas</source>
        <translation>Cash book</translation>
    </message>
    <message>
        <source>Semua sumber</source>
        <translation>All sources</translation>
    </message>
    <message>
        <source>&amp;Balik jurnal...</source>
        <translation>&amp;Reverse entry...</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Nama akun</source>
        <translation>Account name</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Kredit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Catatan</source>
        <translation>Memo</translation>
    </message>
    <message>
        <source>Jurnal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>Sembunyikan akun bersaldo nol</source>
        <translation>Hide accounts with a zero balance</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Neraca saldo</source>
        <translation>Trial balance</translation>
    </message>
    <message>
        <source>Hanya SHU dari usaha dengan anggota yang dibagi kepada anggota (UU 25/1992 Pasal 45). Beban bersama dialokasikan menurut perbandingan pendapatan.</source>
        <translation>Only the SHU from business with members is shared with members (Law 25/1992 art. 45). Shared costs are allocated in proportion to income.</translation>
    </message>
    <message>
        <source>Ubah &amp;jenis usaha...</source>
        <translation>Change &amp;business side...</translation>
    </message>
    <message>
        <source>Golongan</source>
        <translation>Class</translation>
    </message>
    <message>
        <source>Jenis usaha</source>
        <translation>Business side</translation>
    </message>
    <message>
        <source>Bagan akun</source>
        <translation>Chart of accounts</translation>
    </message>
    <message>
        <source>Aset</source>
        <translation>Asset</translation>
    </message>
    <message>
        <source>Liabilitas</source>
        <translation>Liability</translation>
    </message>
    <message>
        <source>Ekuitas</source>
        <translation>Equity</translation>
    </message>
    <message>
        <source>Pendapatan</source>
        <translation>Income</translation>
    </message>
    <message>
        <source>Beban</source>
        <translation>Expense</translation>
    </message>
    <message>
        <source>Usaha dengan anggota</source>
        <translation>Business with members</translation>
    </message>
    <message>
        <source>Usaha dengan non-anggota</source>
        <translation>Business with non-members</translation>
    </message>
    <message>
        <source>Beban bersama</source>
        <translation>Shared cost</translation>
    </message>
    <message>
        <source>Saldo awal {opening} · masuk {inn} · keluar {out} · saldo akhir {closing}</source>
        <translation>Opening {opening} · in {inn} · out {out} · closing {closing}</translation>
    </message>
    <message>
        <source>Jumlah debit {d} · jumlah kredit {c} · {state}</source>
        <translation>Total debit {d} · total credit {c} · {state}</translation>
    </message>
    <message>
        <source>seimbang</source>
        <translation>balanced</translation>
    </message>
    <message>
        <source>TIDAK SEIMBANG</source>
        <translation>NOT BALANCED</translation>
    </message>
    <message>
        <source>Balik jurnal</source>
        <translation>Reverse entry</translation>
    </message>
    <message>
        <source>Pilih dulu jurnal yang akan dibalik.</source>
        <translation>First choose the entry to reverse.</translation>
    </message>
</context>
<context>
    <name>LendingRulesEditor</name>
    <message>
        <source>Batas pinjaman (Permenkop 8/2023) dan persetujuan empat mata</source>
        <translation>Lending limits (Permenkop 8/2023) and four-eyes approval</translation>
    </message>
    <message>
        <source>kosong: tanpa BMPP</source>
        <translation>empty: no per-borrower limit</translation>
    </message>
    <message>
        <source>kosong: tidak perlu</source>
        <translation>empty: not needed</translation>
    </message>
    <message>
        <source>Hapus buku perlu persetujuan pengguna kedua</source>
        <translation>Write-offs need a second user&apos;s approval</translation>
    </message>
    <message>
        <source>Pembalikan perlu persetujuan pengguna kedua</source>
        <translation>Reversals need a second user&apos;s approval</translation>
    </message>
    <message>
        <source>BMPP per peminjam (% modal sendiri)</source>
        <translation>Per-borrower limit (% of own capital)</translation>
    </message>
    <message>
        <source>Batas pihak terkait (% modal sendiri)</source>
        <translation>Related-party limit (% of own capital)</translation>
    </message>
    <message>
        <source>Bila batas terlampaui</source>
        <translation>When a limit is exceeded</translation>
    </message>
    <message>
        <source>Pinjaman di atas jumlah ini disetujui pengguna kedua</source>
        <translation>Loans above this amount are approved by a second user</translation>
    </message>
    <message>
        <source>Simpan batas pinjaman</source>
        <translation>Save lending limits</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Batas pinjaman tersimpan.</source>
        <translation>Lending limits saved.</translation>
    </message>
</context>
<context>
    <name>LinkDialog</name>
    <message>
        <source>Hubungkan anggota ke instansi</source>
        <translation>Link a member to an employer</translation>
    </message>
    <message>
        <source>&amp;Nomor anggota</source>
        <translation>&amp;Member number</translation>
    </message>
    <message>
        <source>&amp;Instansi</source>
        <translation>&amp;Employer</translation>
    </message>
    <message>
        <source>Nomor &amp;pegawai</source>
        <translation>Em&amp;ployee number</translation>
    </message>
    <message>
        <source>Potongan &amp;sukarela per bulan</source>
        <translation>&amp;Voluntary savings per month</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoanApplicationWizard</name>
    <message>
        <source>Pengajuan pinjaman</source>
        <translation>Loan application</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Ajukan</source>
        <translation>&amp;Submit</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>LoanDetailPanel</name>
    <message>
        <source>Ke</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Bunga</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Sisa</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>Denda dibayar</source>
        <translation>Penalty paid</translation>
    </message>
    <message>
        <source>Jadwal angsuran</source>
        <translation>Repayment schedule</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source> (dibalik)</source>
        <translation> (reversed)</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Transaksi</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Jaminan &amp;&amp; penjamin</source>
        <translation>Collateral &amp;&amp; guarantors</translation>
    </message>
    <message>
        <source>Pilih pinjaman di daftar untuk melihat rinciannya.</source>
        <translation>Select a loan in the list to see its details.</translation>
    </message>
    <message>
        <source>plafon {amount} · {term} × {every} {unit} · bunga {rate} % per {per}</source>
        <translation>amount {amount} · {term} × {every} {unit} · interest {rate} % per {per}</translation>
    </message>
    <message>
        <source>sisa pokok &lt;b&gt;{out}&lt;/b&gt; · {cls}</source>
        <translation>principal outstanding &lt;b&gt;{out}&lt;/b&gt; · {cls}</translation>
    </message>
    <message>
        <source>dihapus buku {date}</source>
        <translation>written off {date}</translation>
    </message>
    <message>
        <source>catatan: {note}</source>
        <translation>note: {note}</translation>
    </message>
    <message>
        <source>tujuan: {p}</source>
        <translation>purpose: {p}</translation>
    </message>
</context>
<context>
    <name>LoanDocuments</name>
    <message>
        <source>Cetak dok&amp;umen</source>
        <translation>Print doc&amp;uments</translation>
    </message>
    <message>
        <source>Hanya untuk pinjaman yang sudah lunas.</source>
        <translation>Only for a loan that is fully repaid.</translation>
    </message>
</context>
<context>
    <name>LoanListModel</name>
    <message>
        <source>No. pinjaman</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tanggal cair</source>
        <translation>Disbursed on</translation>
    </message>
    <message>
        <source>Plafon</source>
        <translation>Loan amount</translation>
    </message>
    <message>
        <source>Jangka</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>Kolektibilitas</source>
        <translation>Quality class</translation>
    </message>
</context>
<context>
    <name>LoanProductDialog</name>
    <message>
        <source>Produk pinjaman baru</source>
        <translation>New loan product</translation>
    </message>
    <message>
        <source>Ubah produk pinjaman</source>
        <translation>Edit loan product</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>kosong: tidak wajib</source>
        <translation>empty: not required</translation>
    </message>
    <message>
        <source>mis. 125; kosong: tanpa syarat</source>
        <translation>e.g. 125; empty: no rule</translation>
    </message>
    <message>
        <source>Jaminan wajib di atas</source>
        <translation>Collateral required above</translation>
    </message>
    <message>
        <source>Rasio jaminan minimum (%)</source>
        <translation>Minimum collateral cover (%)</translation>
    </message>
    <message>
        <source>Urutan alokasi angsuran</source>
        <translation>Repayment allocation order</translation>
    </message>
    <message>
        <source>Bunga tinggi</source>
        <translation>High interest</translation>
    </message>
    <message>
        <source>Simpan juga dengan bunga ini?</source>
        <translation>Save with this interest rate anyway?</translation>
    </message>
    <message>
        <source>Ya, simpan</source>
        <translation>Yes, save</translation>
    </message>
</context>
<context>
    <name>LoanProductForm</name>
    <message>
        <source>Produk pinjaman</source>
        <translation>Loan product</translation>
    </message>
    <message>
        <source>&amp;Kode</source>
        <translation>&amp;Code</translation>
    </message>
    <message>
        <source>mis. UMUM</source>
        <translation>e.g. UMUM</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>mis. Pinjaman Umum</source>
        <translation>e.g. General Loan</translation>
    </message>
    <message>
        <source>&amp;Metode bunga</source>
        <translation>Interest &amp;method</translation>
    </message>
    <message>
        <source>&amp;Bunga (%)</source>
        <translation>&amp;Interest (%)</translation>
    </message>
    <message>
        <source>mis. 1,5</source>
        <translation>e.g. 1,5</translation>
    </message>
    <message>
        <source>Bunga &amp;per</source>
        <translation>Interest &amp;per</translation>
    </message>
    <message>
        <source>Pinjaman mi&amp;nimum (Rp)</source>
        <translation>Mi&amp;nimum loan (Rp)</translation>
    </message>
    <message>
        <source>Pinjaman ma&amp;ksimum (Rp)</source>
        <translation>Ma&amp;ximum loan (Rp)</translation>
    </message>
    <message>
        <source>Jangka minimum</source>
        <translation>Minimum term</translation>
    </message>
    <message>
        <source>Jangka maksimum</source>
        <translation>Maximum term</translation>
    </message>
    <message>
        <source>Angsuran &amp;setiap</source>
        <translation>Installment &amp;every</translation>
    </message>
    <message>
        <source>Satuan</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Pelunasan &amp;dipercepat</source>
        <translation>&amp;Early payoff</translation>
    </message>
    <message>
        <source>Biaya &amp;administrasi</source>
        <translation>Administration &amp;fee</translation>
    </message>
    <message>
        <source>Biaya tetap (Rp)</source>
        <translation>Fixed fee (Rp)</translation>
    </message>
    <message>
        <source>Biaya (%)</source>
        <translation>Fee (%)</translation>
    </message>
    <message>
        <source>mis. 1</source>
        <translation>e.g. 1</translation>
    </message>
    <message>
        <source>Biaya dibayar</source>
        <translation>Fee paid</translation>
    </message>
    <message>
        <source>&amp;Denda keterlambatan</source>
        <translation>Late &amp;penalty</translation>
    </message>
    <message>
        <source>Denda tetap (Rp)</source>
        <translation>Fixed penalty (Rp)</translation>
    </message>
    <message>
        <source>Denda (%)</source>
        <translation>Penalty (%)</translation>
    </message>
    <message>
        <source>mis. 0,1</source>
        <translation>e.g. 0,1</translation>
    </message>
    <message>
        <source>Denda per</source>
        <translation>Penalty per</translation>
    </message>
    <message>
        <source>Masa tenggang denda (hari)</source>
        <translation>Penalty grace period (days)</translation>
    </message>
    <message>
        <source>Batas x simpanan</source>
        <translation>Limit x savings</translation>
    </message>
    <message>
        <source>kosong: tanpa batas</source>
        <translation>empty: no limit</translation>
    </message>
    <message>
        <source>Boleh lebih dari satu pinjaman aktif</source>
        <translation>More than one active loan allowed</translation>
    </message>
    <message>
        <source>Pinjaman kelompok (angsuran di hari pertemuan)</source>
        <translation>Group loan (installments on meeting day)</translation>
    </message>
    <message>
        <source>&amp;Aktif</source>
        <translation>&amp;Active</translation>
    </message>
</context>
<context>
    <name>LoanProducts</name>
    <message>
        <source>biaya {fee}</source>
        <translation>fee {fee}</translation>
    </message>
</context>
<context>
    <name>LoanProductsDialog</name>
    <message>
        <source>Produk pinjaman</source>
        <translation>Loan products</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Metode</source>
        <translation>Method</translation>
    </message>
    <message>
        <source>Bunga</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Minimum</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Maksimum</source>
        <translation>Maximum</translation>
    </message>
    <message>
        <source>Jangka</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Produk &amp;baru...</source>
        <translation>&amp;New product...</translation>
    </message>
    <message>
        <source>&amp;Ubah...</source>
        <translation>&amp;Edit...</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Pilih dulu produk di daftar.</source>
        <translation>First choose a product in the list.</translation>
    </message>
</context>
<context>
    <name>LoanReceiptDialog</name>
    <message>
        <source>Kuitansi {no}</source>
        <translation>Receipt {no}</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>Status pinjaman</source>
        <translation>Loan status</translation>
    </message>
    <message>
        <source>Sisa yang belum diterima</source>
        <translation>Not yet recovered</translation>
    </message>
</context>
<context>
    <name>LoanRepaymentForm</name>
    <message>
        <source>Angsuran pinjaman</source>
        <translation>Loan repayment</translation>
    </message>
    <message>
        <source>No. &amp;pinjaman</source>
        <translation>Loan &amp;no.</translation>
    </message>
    <message>
        <source>mis. PJ-2026-00012</source>
        <translation>e.g. PJ-2026-00012</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>Jatuh tempo s.d. tanggal</source>
        <translation>Due up to the date</translation>
    </message>
    <message>
        <source>Seluruh kewajiban</source>
        <translation>Total amount owed</translation>
    </message>
    <message>
        <source>&amp;Tanggal bayar</source>
        <translation>Payment &amp;date</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>&amp;Jumlah dibayar (Rp)</source>
        <translation>&amp;Amount paid (Rp)</translation>
    </message>
    <message>
        <source>kosong: sebesar jatuh tempo</source>
        <translation>empty: the amount due</translation>
    </message>
    <message>
        <source>Terbilang</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>&amp;Sumber dana</source>
        <translation>&amp;Source of funds</translation>
    </message>
    <message>
        <source>&amp;Kelebihan bayar masuk simpanan sukarela</source>
        <translation>&amp;Overpayment goes to voluntary savings</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>&lt;b&gt;Pembagian pembayaran&lt;/b&gt; (denda, biaya, bunga, pokok; angsuran tertua dulu)</source>
        <translation>&lt;b&gt;Payment allocation&lt;/b&gt; (penalty, fees, interest, principal; oldest installment first)</translation>
    </message>
</context>
<context>
    <name>LoanRescheduleForm</name>
    <message>
        <source>Restrukturisasi pinjaman</source>
        <translation>Loan rescheduling</translation>
    </message>
    <message>
        <source>&amp;Tanggal restrukturisasi</source>
        <translation>Rescheduling &amp;date</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>Jangka waktu &amp;baru (kali angsuran)</source>
        <translation>&amp;New term (number of installments)</translation>
    </message>
    <message>
        <source>Suku &amp;bunga (%)</source>
        <translation>Interest &amp;rate (%)</translation>
    </message>
    <message>
        <source>mis. 1,5</source>
        <translation>e.g. 1,5</translation>
    </message>
    <message>
        <source>&amp;Metode bunga</source>
        <translation>Interest &amp;method</translation>
    </message>
    <message>
        <source>Tentukan tanggal angsuran &amp;pertama</source>
        <translation>Set the &amp;first installment date</translation>
    </message>
    <message>
        <source>Angsuran pertama</source>
        <translation>First installment</translation>
    </message>
    <message>
        <source>&amp;Alasan restrukturisasi</source>
        <translation>Rea&amp;son for rescheduling</translation>
    </message>
    <message>
        <source>mis. usaha anggota terdampak banjir; keputusan rapat pengurus</source>
        <translation>e.g. member&apos;s business hit by flooding; board meeting decision</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jadwal angsuran baru (pratinjau)&lt;/b&gt;</source>
        <translation>&lt;b&gt;New repayment schedule (preview)&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>LoanTermsForm</name>
    <message>
        <source>Syarat pinjaman</source>
        <translation>Loan terms</translation>
    </message>
    <message>
        <source>&amp;Jumlah pinjaman (Rp)</source>
        <translation>&amp;Loan amount (Rp)</translation>
    </message>
    <message>
        <source>mis. 5.000.000</source>
        <translation>e.g. 5.000.000</translation>
    </message>
    <message>
        <source>Jangka &amp;waktu (kali angsuran)</source>
        <translation>&amp;Term (number of installments)</translation>
    </message>
    <message>
        <source>&amp;Tanggal pengajuan</source>
        <translation>Application &amp;date</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>Tentukan tanggal angsuran &amp;pertama</source>
        <translation>Set the &amp;first installment date</translation>
    </message>
    <message>
        <source>Angsuran pertama</source>
        <translation>First installment</translation>
    </message>
    <message>
        <source>&amp;Agunan (nilai, Rp)</source>
        <translation>C&amp;ollateral (value, Rp)</translation>
    </message>
    <message>
        <source>0</source>
        <translation>0</translation>
    </message>
    <message>
        <source>&amp;Tujuan pinjaman</source>
        <translation>&amp;Purpose of the loan</translation>
    </message>
    <message>
        <source>mis. modal warung sembako</source>
        <translation>e.g. capital for a grocery stall</translation>
    </message>
    <message>
        <source>&amp;Penjamin / persetujuan kelompok</source>
        <translation>&amp;Guarantor / group approval</translation>
    </message>
    <message>
        <source>nama penjamin atau catatan rapat kelompok</source>
        <translation>guarantor&apos;s name or group meeting notes</translation>
    </message>
    <message>
        <source>&lt;b&gt;Jadwal angsuran (pratinjau)&lt;/b&gt;</source>
        <translation>&lt;b&gt;Repayment schedule (preview)&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>LoansPage</name>
    <message>
        <source>&lt;h2&gt;Pinjaman&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Loans&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Ajukan pinjaman...</source>
        <translation>&amp;Apply for a loan...</translation>
    </message>
    <message>
        <source>&amp;Setujui...</source>
        <translation>Appro&amp;ve...</translation>
    </message>
    <message>
        <source>T&amp;olak...</source>
        <translation>Re&amp;ject...</translation>
    </message>
    <message>
        <source>&amp;Cairkan...</source>
        <translation>Dis&amp;burse...</translation>
    </message>
    <message>
        <source>A&amp;ngsuran...</source>
        <translation>Repa&amp;yment...</translation>
    </message>
    <message>
        <source>&amp;Pelunasan...</source>
        <translation>&amp;Payoff...</translation>
    </message>
    <message>
        <source>&amp;Balik transaksi...</source>
        <translation>&amp;Reverse transaction...</translation>
    </message>
    <message>
        <source>Pro&amp;duk...</source>
        <translation>Pro&amp;ducts...</translation>
    </message>
    <message>
        <source>Proses akhir &amp;bulan...</source>
        <translation>Month-&amp;end process...</translation>
    </message>
    <message>
        <source>Menunggu pe&amp;rsetujuan...</source>
        <translation>Waiting for app&amp;roval...</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Semua</source>
        <translation>All</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>nomor anggota</source>
        <translation>member number</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>kode kelompok</source>
        <translation>group code</translation>
    </message>
    <message>
        <source>Res&amp;trukturisasi...</source>
        <translation>Re&amp;schedule...</translation>
    </message>
    <message>
        <source>&amp;Hapus buku...</source>
        <translation>&amp;Write off...</translation>
    </message>
    <message>
        <source>Terima pe&amp;mulihan...</source>
        <translation>Re&amp;ceive recovery...</translation>
    </message>
    <message>
        <source>Jaminan...</source>
        <translation>Collateral...</translation>
    </message>
    <message>
        <source>Penjamin...</source>
        <translation>Guarantor...</translation>
    </message>
    <message>
        <source>Kembalikan jaminan...</source>
        <translation>Return collateral...</translation>
    </message>
    <message>
        <source>Persetujuan pengurus/pengawas...</source>
        <translation>Board/supervisors&apos; approval...</translation>
    </message>
    <message>
        <source>Daftar pinjaman</source>
        <translation>Loan list</translation>
    </message>
    <message>
        <source>Tunggakan &amp;&amp; kolektibilitas</source>
        <translation>Arrears &amp;&amp; loan quality</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Pilih dulu pinjaman di daftar.</source>
        <translation>First choose a loan in the list.</translation>
    </message>
    <message>
        <source>Balik transaksi</source>
        <translation>Reverse transaction</translation>
    </message>
    <message>
        <source>Pilih dulu transaksi di tab Transaksi pinjaman.</source>
        <translation>First choose a transaction on the Loan transactions tab.</translation>
    </message>
    <message>
        <source>{kind} {amount} · {loan} · {date} · {receipt}</source>
        <translation>{kind} {amount} · {loan} · {date} · {receipt}</translation>
    </message>
    <message>
        <source>Proses akhir bulan pinjaman</source>
        <translation>Loan month-end process</translation>
    </message>
    <message>
        <source>Hitung kolektibilitas semua pinjaman aktif dan bukukan penyesuaian cadangan (PPAP) per akhir bulan yang dipilih.</source>
        <translation>Classify every active loan and post the allowance (PPAP) adjustment as of the end of the chosen month.</translation>
    </message>
    <message>
        <source>Proses</source>
        <translation>Process</translation>
    </message>
    <message>
        <source>Proses akhir bulan pinjaman...</source>
        <translation>Loan month-end process...</translation>
    </message>
    <message>
        <source>Proses akhir bulan</source>
        <translation>Month-end process</translation>
    </message>
    <message>
        <source>Proses akhir bulan selesai</source>
        <translation>Month-end process finished</translation>
    </message>
    <message>
        <source>Per {date}: {n} pinjaman dinilai. PPAP {ppap}; cadangan {before} → {after}.</source>
        <translation>As of {date}: {n} loans assessed. PPAP {ppap}; allowance {before} → {after}.</translation>
    </message>
    <message>
        <source>Penyusutan aset tetap bulan ini: {amount}.</source>
        <translation>Fixed assets&apos; depreciation this month: {amount}.</translation>
    </message>
    <message>
        <source>Simpanan berjangka: bunga {interest} (PPh {tax}); {matured} jatuh tempo, {rolled} diperpanjang.</source>
        <translation>Time deposits: interest {interest} (tax {tax}); {matured} matured, {rolled} rolled over.</translation>
    </message>
    <message>
        <source>Instruksi tetap: {posted} dibukukan, {skipped} dilewati (lihat Laporan Instruksi Tetap).</source>
        <translation>Standing instructions: {posted} posted, {skipped} skipped (see the Standing Instructions Report).</translation>
    </message>
</context>
<context>
    <name>LoginDialog</name>
    <message>
        <source>Masuk — Koperasi</source>
        <translation>Log in — Koperasi</translation>
    </message>
    <message>
        <source>Masuk untuk membuka {db}.</source>
        <translation>Log in to open {db}.</translation>
    </message>
    <message>
        <source>Masuk ke Koperasi.</source>
        <translation>Log in to Koperasi.</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>&amp;Masuk</source>
        <translation>&amp;Log in</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Impor/Ekspor</source>
        <translation>Import/Export</translation>
    </message>
    <message>
        <source>Beranda</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Members</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Simpanan</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Kas &amp; Jurnal</source>
        <translation>Cash &amp; Journal</translation>
    </message>
    <message>
        <source>RAT</source>
        <translation>RAT</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Messages</translation>
    </message>
    <message>
        <source>Pengaturan</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source>Anggota &amp;baru...</source>
        <translation>&amp;New member...</translation>
    </message>
    <message>
        <source>&amp;Setor simpanan...</source>
        <translation>&amp;Deposit savings...</translation>
    </message>
    <message>
        <source>&amp;Tarik simpanan...</source>
        <translation>&amp;Withdraw savings...</translation>
    </message>
    <message>
        <source>&amp;Angsuran pinjaman...</source>
        <translation>Loan &amp;repayment...</translation>
    </message>
    <message>
        <source>Ajukan &amp;pinjaman...</source>
        <translation>Apply for a &amp;loan...</translation>
    </message>
    <message>
        <source>&amp;Cari anggota</source>
        <translation>&amp;Find member</translation>
    </message>
    <message>
        <source>&amp;Pemasukan/pengeluaran kas...</source>
        <translation>Cash &amp;income/expense...</translation>
    </message>
    <message>
        <source>&amp;Muat ulang</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>&amp;Buka basis data...</source>
        <translation>&amp;Open database...</translation>
    </message>
    <message>
        <source>&amp;Keluar</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Tentang Koperasi</source>
        <translation>&amp;About Koperasi</translation>
    </message>
    <message>
        <source>&amp;Berkas</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Transaksi</source>
        <translation>&amp;Transactions</translation>
    </message>
    <message>
        <source>T&amp;ampilan</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>Ba&amp;ntuan</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>Aksi cepat</source>
        <translation>Quick actions</translation>
    </message>
    <message>
        <source>Basis data: {name}</source>
        <translation>Database: {name}</translation>
    </message>
    <message>
        <source>Pengguna: {user} ({role})</source>
        <translation>User: {user} ({role})</translation>
    </message>
    <message>
        <source>Periode terbuka: {period}</source>
        <translation>Open period: {period}</translation>
    </message>
    <message>
        <source>Tentang Koperasi</source>
        <translation>About Koperasi</translation>
    </message>
    <message>
        <source>Koperasi {version}
Aplikasi simpan pinjam untuk koperasi.

Basis data: {db}
Catatan kesalahan: {log}</source>
        <translation>Koperasi {version}
A savings and loan app for cooperatives.

Database: {db}
Error log: {log}</translation>
    </message>
    <message>
        <source>Pekerjaan masih berjalan</source>
        <translation>Work in progress</translation>
    </message>
    <message>
        <source>Masih ada pekerjaan yang berjalan. Tunggu sampai selesai lalu tutup?</source>
        <translation>Some work is still running. Wait for it to finish, then close?</translation>
    </message>
    <message>
        <source>Tunggu dan tutup</source>
        <translation>Wait and close</translation>
    </message>
</context>
<context>
    <name>ManualEntryDialog</name>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>mis. PLN, Toko Sinar Jaya, Bpk. Ahmad</source>
        <translation>e.g. PLN, Sinar Jaya shop, Mr Ahmad</translation>
    </message>
    <message>
        <source>Diterima &amp;dari</source>
        <translation>Received &amp;from</translation>
    </message>
    <message>
        <source>Dibayarkan &amp;kepada</source>
        <translation>Paid &amp;to</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 1.250.000 atau Rp 1.250.000.</source>
        <translation>Amount not recognised; write e.g. 1.250.000 or Rp 1.250.000.</translation>
    </message>
    <message>
        <source>Isi jumlah, mis. 1.250.000.</source>
        <translation>Enter the amount, e.g. 1.250.000.</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Jurnal #{id} dengan bukti {receipt} tersimpan.</source>
        <translation>Journal entry #{id} with voucher {receipt} saved.</translation>
    </message>
</context>
<context>
    <name>ManualEntryForm</name>
    <message>
        <source>Pemasukan / pengeluaran kas</source>
        <translation>Cash income / expense</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Pengeluaran (kas keluar)</source>
        <translation>Expense (cash out)</translation>
    </message>
    <message>
        <source>Pemasukan (kas masuk)</source>
        <translation>Income (cash in)</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Akun</source>
        <translation>&amp;Account</translation>
    </message>
    <message>
        <source>&amp;Kas/Bank</source>
        <translation>&amp;Cash/Bank</translation>
    </message>
    <message>
        <source>J&amp;umlah (Rp)</source>
        <translation>A&amp;mount (Rp)</translation>
    </message>
    <message>
        <source>Terbilang</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>K&amp;eterangan</source>
        <translation>D&amp;escription</translation>
    </message>
    <message>
        <source>mis. Listrik kantor November</source>
        <translation>e.g. Office electricity November</translation>
    </message>
</context>
<context>
    <name>MappingDialog</name>
    <message>
        <source>Pemetaan kolom rekening koran {code}</source>
        <translation>Statement column mapping {code}</translation>
    </message>
    <message>
        <source>Tulis judul kolom seperti di berkas bank (atau huruf kolomnya). Isi debet dan kredit, atau jumlah dengan kolom DB/CR bila ada.</source>
        <translation>Write each column&apos;s header as in the bank&apos;s file (or its column letter). Fill in debit and credit, or the amount with the DB/CR column if there is one.</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Keterangan (pisahkan dengan ;)</source>
        <translation>D&amp;escription (separate with ;)</translation>
    </message>
    <message>
        <source>&amp;Debet</source>
        <translation>Deb&amp;it</translation>
    </message>
    <message>
        <source>K&amp;redit</source>
        <translation>C&amp;redit</translation>
    </message>
    <message>
        <source>&amp;Jumlah</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>Tanda D&amp;B/CR</source>
        <translation>D&amp;B/CR mark</translation>
    </message>
    <message>
        <source>&amp;Saldo</source>
        <translation>Ba&amp;lance</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>MeetingModel</name>
    <message>
        <source>No. anggota</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wajib terutang</source>
        <translation>Mandatory owed</translation>
    </message>
    <message>
        <source>Angsuran
jatuh tempo</source>
        <translation>Installment
due</translation>
    </message>
    <message>
        <source>Tunggakan</source>
        <translation>Arrears</translation>
    </message>
    <message>
        <source>Sisa pinjaman</source>
        <translation>Loan outstanding</translation>
    </message>
    <message>
        <source>Saldo wajib</source>
        <translation>Mandatory balance</translation>
    </message>
    <message>
        <source>Saldo sukarela</source>
        <translation>Voluntary balance</translation>
    </message>
    <message>
        <source>Bayar wajib</source>
        <translation>Pay mandatory</translation>
    </message>
    <message>
        <source>Setor sukarela</source>
        <translation>Deposit voluntary</translation>
    </message>
    <message>
        <source>Bayar angsuran</source>
        <translation>Pay installment</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 25.000</source>
        <translation>Amount not recognised; write e.g. 25.000</translation>
    </message>
</context>
<context>
    <name>MeetingReceiptsDialog</name>
    <message>
        <source>Kuitansi pertemuan {code} {date}</source>
        <translation>Meeting receipts {code} {date}</translation>
    </message>
    <message>
        <source>{n} kuitansi · jumlah diterima &lt;b&gt;{total}&lt;/b&gt;</source>
        <translation>{n} receipts · total received &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Sukarela</source>
        <translation>Voluntary</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Cetak kuitansi...</source>
        <translation>&amp;Print receipts...</translation>
    </message>
</context>
<context>
    <name>MemberDetailDialog</name>
    <message>
        <source>&amp;Ubah data</source>
        <translation>&amp;Edit details</translation>
    </message>
    <message>
        <source>&amp;Keluar dari keanggotaan...</source>
        <translation>&amp;End membership...</translation>
    </message>
    <message>
        <source>Pihak terkait...</source>
        <translation>Related party...</translation>
    </message>
    <message>
        <source>Profil</source>
        <translation>Profile</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Mutasi dari</source>
        <translation>Statement from</translation>
    </message>
    <message>
        <source>sampai</source>
        <translation>to</translation>
    </message>
    <message>
        <source>&amp;Setor...</source>
        <translation>&amp;Deposit...</translation>
    </message>
    <message>
        <source>&amp;Tarik...</source>
        <translation>&amp;Withdraw...</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Kuitansi</source>
        <translation>Receipt</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Masuk</source>
        <translation>In</translation>
    </message>
    <message>
        <source>Keluar</source>
        <translation>Out</translation>
    </message>
    <message>
        <source>Simpanan</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>No. pinjaman</source>
        <translation>Loan no.</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tanggal cair</source>
        <translation>Disbursed on</translation>
    </message>
    <message>
        <source>Plafon</source>
        <translation>Loan amount</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>&amp;Ajukan pinjaman...</source>
        <translation>&amp;Apply for a loan...</translation>
    </message>
    <message>
        <source>A&amp;ngsuran...</source>
        <translation>Repa&amp;yment...</translation>
    </message>
    <message>
        <source>Dokumen anggota ini disusun di halaman Laporan, dengan pratinjau, cetak dan simpan PDF/Excel.</source>
        <translation>This member&apos;s documents are built on the Reports page, with preview, printing and saving as PDF/Excel.</translation>
    </message>
    <message>
        <source>&amp;Mutasi simpanan (buku tabungan)</source>
        <translation>&amp;Savings statement (passbook)</translation>
    </message>
    <message>
        <source>&amp;Kartu angsuran pinjaman terpilih</source>
        <translation>Repayment &amp;card for the selected loan</translation>
    </message>
    <message>
        <source>Kuitansi &amp;transaksi terakhir</source>
        <translation>Receipt for the last &amp;transaction</translation>
    </message>
    <message>
        <source>&amp;Slip SHU</source>
        <translation>SHU s&amp;lip</translation>
    </message>
    <message>
        <source>Kartu &amp;anggota (dengan kode QR)</source>
        <translation>Member c&amp;ard (with QR code)</translation>
    </message>
    <message>
        <source>Surat &amp;perjanjian pinjaman terpilih</source>
        <translation>Loan a&amp;greement of the selected loan</translation>
    </message>
    <message>
        <source>&amp;Jadwal angsuran pinjaman terpilih</source>
        <translation>Repayment sc&amp;hedule of the selected loan</translation>
    </message>
    <message>
        <source>Surat keterangan &amp;lunas pinjaman terpilih</source>
        <translation>Paid-off &amp;letter of the selected loan</translation>
    </message>
    <message>
        <source>{n} pinjaman, sisa pokok {amount}</source>
        <translation>{n} loans, principal outstanding {amount}</translation>
    </message>
    <message>
        <source>Menjamin</source>
        <translation>Guarantees</translation>
    </message>
    <message>
        <source>Pihak terkait</source>
        <translation>Related party</translation>
    </message>
    <message>
        <source>Belum ada data untuk dokumen ini.</source>
        <translation>No data for this document yet.</translation>
    </message>
    <message>
        <source>Pinjaman {0} belum lunas; surat keterangan lunas hanya untuk pinjaman yang sudah lunas.</source>
        <translation>Loan {0} is not fully repaid; a paid-off letter is only for a loan repaid in full.</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Jurnal</source>
        <translation>Journal</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Debit</source>
        <translation>Debit</translation>
    </message>
    <message>
        <source>Kredit</source>
        <translation>Credit</translation>
    </message>
    <message>
        <source>Transaksi</source>
        <translation>Transactions</translation>
    </message>
    <message>
        <source>Dokumen</source>
        <translation>Documents</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Anggota {number} · {name}</source>
        <translation>Member {number} · {name}</translation>
    </message>
    <message>
        <source>No. {number} · {status} · kelompok {group}</source>
        <translation>No. {number} · {status} · group {group}</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Jenis kelamin</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Tempat, tanggal lahir</source>
        <translation>Place and date of birth</translation>
    </message>
    <message>
        <source>Alamat</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Pekerjaan</source>
        <translation>Occupation</translation>
    </message>
    <message>
        <source>Tanggal masuk</source>
        <translation>Join date</translation>
    </message>
    <message>
        <source>Ahli waris</source>
        <translation>Heir</translation>
    </message>
    <message>
        <source>Kategori</source>
        <translation>Categories</translation>
    </message>
    <message>
        <source>Saldo awal {opening} · masuk {inn} · keluar {out} · saldo akhir {closing}</source>
        <translation>Opening {opening} · in {inn} · out {out} · closing {closing}</translation>
    </message>
</context>
<context>
    <name>MemberDialog</name>
    <message>
        <source>Anggota baru</source>
        <translation>New member</translation>
    </message>
    <message>
        <source>Ubah data anggota</source>
        <translation>Edit member</translation>
    </message>
    <message>
        <source>Nomor anggota diberikan otomatis saat disimpan.</source>
        <translation>The member number is assigned when saving.</translation>
    </message>
    <message>
        <source>Nomor anggota: &lt;b&gt;{number}&lt;/b&gt;</source>
        <translation>Member number: &lt;b&gt;{number}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Perempuan</source>
        <translation>Female</translation>
    </message>
    <message>
        <source>Laki-laki</source>
        <translation>Male</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Belum dicatat</source>
        <translation>Not recorded</translation>
    </message>
    <message>
        <source>Setuju dikirimi pesan</source>
        <translation>Consents to messages</translation>
    </message>
    <message>
        <source>Tidak setuju</source>
        <translation>Does not consent</translation>
    </message>
    <message>
        <source>Berhenti berlangganan</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>Pe&amp;san WA/SMS</source>
        <translation>Me&amp;ssages (WA/SMS)</translation>
    </message>
    <message>
        <source>(tanpa kelompok)</source>
        <translation>(no group)</translation>
    </message>
    <message>
        <source>Nama terlalu panjang: {n} huruf, paling banyak {max}.</source>
        <translation>The name is too long: {n} characters, at most {max}.</translation>
    </message>
</context>
<context>
    <name>MemberForm</name>
    <message>
        <source>Data anggota</source>
        <translation>Member details</translation>
    </message>
    <message>
        <source>Identitas</source>
        <translation>Identity</translation>
    </message>
    <message>
        <source>&amp;Nama lengkap</source>
        <translation>Full &amp;name</translation>
    </message>
    <message>
        <source>NI&amp;K</source>
        <translation>NI&amp;K</translation>
    </message>
    <message>
        <source>16 digit sesuai KTP</source>
        <translation>16 digits as on the ID card</translation>
    </message>
    <message>
        <source>&amp;Jenis kelamin</source>
        <translation>&amp;Gender</translation>
    </message>
    <message>
        <source>&amp;Tempat lahir</source>
        <translation>Place of &amp;birth</translation>
    </message>
    <message>
        <source>Tanggal la&amp;hir</source>
        <translation>Date of b&amp;irth</translation>
    </message>
    <message>
        <source>hh/bb/tttt</source>
        <translation>dd/mm/yyyy</translation>
    </message>
    <message>
        <source>&amp;Pekerjaan</source>
        <translation>&amp;Occupation</translation>
    </message>
    <message>
        <source>Nomor tele&amp;pon</source>
        <translation>&amp;Phone number</translation>
    </message>
    <message>
        <source>08xxxxxxxxxx</source>
        <translation>08xxxxxxxxxx</translation>
    </message>
    <message>
        <source>Alamat dan keanggotaan</source>
        <translation>Address and membership</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>Kel&amp;urahan</source>
        <translation>&amp;Village (kelurahan)</translation>
    </message>
    <message>
        <source>Kecamata&amp;n</source>
        <translation>&amp;District (kecamatan)</translation>
    </message>
    <message>
        <source>Tanggal &amp;masuk</source>
        <translation>&amp;Join date</translation>
    </message>
    <message>
        <source>Ke&amp;lompok</source>
        <translation>Gro&amp;up</translation>
    </message>
    <message>
        <source>Ahli &amp;waris</source>
        <translation>&amp;Heir</translation>
    </message>
    <message>
        <source>Hubungan ahli waris</source>
        <translation>Heir&apos;s relation</translation>
    </message>
    <message>
        <source>Kategori kerentanan (untuk laporan pemberdayaan)</source>
        <translation>Vulnerability categories (for empowerment reports)</translation>
    </message>
</context>
<context>
    <name>MemberTableModel</name>
    <message>
        <source>No. anggota</source>
        <translation>Member no.</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>L/P</source>
        <translation>M/F</translation>
    </message>
    <message>
        <source>NIK</source>
        <translation>NIK</translation>
    </message>
    <message>
        <source>Telepon</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Kelurahan</source>
        <translation>Village</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Tgl. masuk</source>
        <translation>Joined</translation>
    </message>
</context>
<context>
    <name>MembersPage</name>
    <message>
        <source>&lt;h2&gt;Anggota&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Members&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Cari nomor, nama, NIK atau telepon (Ctrl+F)</source>
        <translation>Search number, name, NIK or phone (Ctrl+F)</translation>
    </message>
    <message>
        <source>Semua status</source>
        <translation>All statuses</translation>
    </message>
    <message>
        <source>Semua kelompok</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>&amp;Anggota baru</source>
        <translation>&amp;New member</translation>
    </message>
    <message>
        <source>U&amp;bah</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Detail</source>
        <translation>&amp;Details</translation>
    </message>
    <message>
        <source>Menghitung...</source>
        <translation>Counting...</translation>
    </message>
    <message>
        <source>{n} anggota</source>
        <translation>{n} members</translation>
    </message>
</context>
<context>
    <name>MessagesPage</name>
    <message>
        <source>&lt;h2&gt;Pesan ke anggota&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Messages to members&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Tan&amp;ggal</source>
        <translation>Dat&amp;e</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Semua (tanpa undangan RAT)</source>
        <translation>All (without the RAT invitation)</translation>
    </message>
    <message>
        <source>Tahun buku RAT</source>
        <translation>RAT financial year</translation>
    </message>
    <message>
        <source>M&amp;uat daftar</source>
        <translation>L&amp;oad list</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Nomor WhatsApp</source>
        <translation>WhatsApp number</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Terkirim</source>
        <translation>Sent</translation>
    </message>
    <message>
        <source>Pesan</source>
        <translation>Message</translation>
    </message>
    <message>
        <source>Buka &amp;WhatsApp</source>
        <translation>Open &amp;WhatsApp</translation>
    </message>
    <message>
        <source>Tandai te&amp;rkirim</source>
        <translation>Ma&amp;rk sent</translation>
    </message>
    <message>
        <source>Sa&amp;lin pesan</source>
        <translation>Cop&amp;y message</translation>
    </message>
    <message>
        <source>&amp;Ekspor untuk gateway...</source>
        <translation>Export for &amp;gateway...</translation>
    </message>
    <message>
        <source>Daftar hari ini</source>
        <translation>Today&apos;s list</translation>
    </message>
    <message>
        <source>Memuat...</source>
        <translation>Loading...</translation>
    </message>
    <message>
        <source>{n} pesan: {pending} belum terkirim, {sent} sudah, {invalid} nomor tidak sah · tidak dimuat: {no} anggota tanpa persetujuan, {out} berhenti berlangganan</source>
        <translation>{n} messages: {pending} not sent, {sent} sent, {invalid} invalid numbers · left out: {no} members without consent, {out} opted out</translation>
    </message>
    <message>
        <source>{member}: nomor HP tidak sah ({why}); perbaiki di data anggota.</source>
        <translation>{member}: invalid phone number ({why}); correct it in the member&apos;s record.</translation>
    </message>
    <message>
        <source>Pilih pesan yang belum terkirim dengan nomor sah.</source>
        <translation>Select messages not yet sent that have a valid number.</translation>
    </message>
    <message>
        <source>Ekspor pesan untuk gateway</source>
        <translation>Export messages for a gateway</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;CSV (*.csv)</source>
        <translation>Excel (*.xlsx);;CSV (*.csv)</translation>
    </message>
    <message>
        <source>{n} pesan diekspor ke {path}. Setelah diunggah ke gateway, pilih dan tandai terkirim.</source>
        <translation>{n} messages exported to {path}. After uploading them to the gateway, select them and mark them sent.</translation>
    </message>
    <message>
        <source>&amp;Jenis pesan</source>
        <translation>Message &amp;kind</translation>
    </message>
    <message>
        <source>&amp;Hari sebelum jatuh tempo</source>
        <translation>&amp;Days before the due date</translation>
    </message>
    <message>
        <source>Te&amp;ks pesan</source>
        <translation>Message te&amp;xt</translation>
    </message>
    <message>
        <source>&amp;Simpan templat</source>
        <translation>&amp;Save template</translation>
    </message>
    <message>
        <source>Ke&amp;mbalikan bawaan</source>
        <translation>Restore defa&amp;ult</translation>
    </message>
    <message>
        <source>Templat</source>
        <translation>Templates</translation>
    </message>
    <message>
        <source>Isian yang dapat dipakai: {names}</source>
        <translation>Placeholders you can use: {names}</translation>
    </message>
    <message>
        <source>Teks koperasi sendiri.</source>
        <translation>The cooperative&apos;s own text.</translation>
    </message>
    <message>
        <source>Teks bawaan aplikasi.</source>
        <translation>The app&apos;s default text.</translation>
    </message>
    <message>
        <source>Templat disimpan.</source>
        <translation>Template saved.</translation>
    </message>
    <message>
        <source>&amp;Cari</source>
        <translation>&amp;Search</translation>
    </message>
    <message>
        <source>nomor atau nama anggota</source>
        <translation>member number or name</translation>
    </message>
    <message>
        <source>Nomor HP</source>
        <translation>Phone number</translation>
    </message>
    <message>
        <source>Persetujuan</source>
        <translation>Consent</translation>
    </message>
    <message>
        <source>setuju</source>
        <translation>consented</translation>
    </message>
    <message>
        <source>belum/tidak</source>
        <translation>not yet/no</translation>
    </message>
    <message>
        <source>Setuju sejak</source>
        <translation>Consent since</translation>
    </message>
    <message>
        <source>Berhenti</source>
        <translation>Opted out</translation>
    </message>
    <message>
        <source>berhenti</source>
        <translation>opted out</translation>
    </message>
    <message>
        <source>Berhenti sejak</source>
        <translation>Opted out since</translation>
    </message>
    <message>
        <source>Dicatat oleh</source>
        <translation>Recorded by</translation>
    </message>
    <message>
        <source>Catat &amp;setuju</source>
        <translation>Record &amp;consent</translation>
    </message>
    <message>
        <source>Ta&amp;rik persetujuan</source>
        <translation>W&amp;ithdraw consent</translation>
    </message>
    <message>
        <source>Berhenti &amp;langganan</source>
        <translation>&amp;Opt out</translation>
    </message>
    <message>
        <source>Akt&amp;ifkan lagi</source>
        <translation>Opt in a&amp;gain</translation>
    </message>
    <message>
        <source>{ok} dapat dikirimi pesan · {out} berhenti · {none} belum setuju</source>
        <translation>{ok} may be messaged · {out} opted out · {none} without consent</translation>
    </message>
    <message>
        <source>Pilih dulu anggotanya.</source>
        <translation>Select the member first.</translation>
    </message>
    <message>
        <source>Waktu</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Oleh</source>
        <translation>By</translation>
    </message>
    <message>
        <source>Saluran</source>
        <translation>Channel</translation>
    </message>
    <message>
        <source>Nomor</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Log terkirim</source>
        <translation>Sent log</translation>
    </message>
</context>
<context>
    <name>NewCooperativeWizard</name>
    <message>
        <source>Koperasi baru</source>
        <translation>New cooperative</translation>
    </message>
    <message>
        <source>&amp;Lanjut &gt;</source>
        <translation>&amp;Next &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Kembali</source>
        <translation>&lt; &amp;Back</translation>
    </message>
    <message>
        <source>&amp;Buat koperasi</source>
        <translation>&amp;Create cooperative</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OfficerDialog</name>
    <message>
        <source>Pengurus, pengawas atau karyawan</source>
        <translation>Board member, supervisor or staff</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Board</translation>
    </message>
    <message>
        <source>Pengawas</source>
        <translation>Supervisors</translation>
    </message>
    <message>
        <source>Karyawan</source>
        <translation>Staff</translation>
    </message>
    <message>
        <source>Masa jabatan berakhir</source>
        <translation>Term ends</translation>
    </message>
    <message>
        <source>Badan</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mulai menjabat</source>
        <translation>Term from</translation>
    </message>
</context>
<context>
    <name>OfficersPanel</name>
    <message>
        <source>Badan</source>
        <translation>Body</translation>
    </message>
    <message>
        <source>Jabatan</source>
        <translation>Position</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mulai menjabat</source>
        <translation>Term from</translation>
    </message>
    <message>
        <source>Akhir masa jabatan</source>
        <translation>Term to</translation>
    </message>
    <message>
        <source>Tambah...</source>
        <translation>Add...</translation>
    </message>
    <message>
        <source>Hapus</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>Pengurus</source>
        <translation>Officers</translation>
    </message>
    <message>
        <source>Hapus {name} dari daftar?</source>
        <translation>Remove {name} from the register?</translation>
    </message>
</context>
<context>
    <name>PasswordDialog</name>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Atur ulang kata sandi {user}</source>
        <translation>Reset password for {user}</translation>
    </message>
    <message>
        <source>Kata sandi &amp;lama</source>
        <translation>&amp;Old password</translation>
    </message>
    <message>
        <source>Kata sandi baru untuk {user}; kunci akun juga dibuka.</source>
        <translation>New password for {user}; the account is also unlocked.</translation>
    </message>
    <message>
        <source>Kata sandi &amp;baru</source>
        <translation>&amp;New password</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi baru</source>
        <translation>&amp;Repeat new password</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PayoffDialog</name>
    <message>
        <source>Pelunasan pinjaman</source>
        <translation>Loan payoff</translation>
    </message>
    <message>
        <source>Tanggal pelunasan</source>
        <translation>Payoff date</translation>
    </message>
    <message>
        <source>Sumber dana</source>
        <translation>Source of funds</translation>
    </message>
    <message>
        <source>Lunasi</source>
        <translation>Pay off</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>Bunga</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Denda</source>
        <translation>Penalty</translation>
    </message>
    <message>
        <source>Bunga yang dibebaskan: {x}</source>
        <translation>Interest waived: {x}</translation>
    </message>
</context>
<context>
    <name>PayrollImportDialog</name>
    <message>
        <source>Impor pembayaran potong gaji</source>
        <translation>Import payroll payments</translation>
    </message>
    <message>
        <source>&amp;Pilih...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>&amp;Berkas Excel</source>
        <translation>Excel &amp;file</translation>
    </message>
    <message>
        <source>&amp;Tanggal diterima</source>
        <translation>&amp;Date received</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>No. pegawai</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Potongan</source>
        <translation>Expected</translation>
    </message>
    <message>
        <source>Dibayar</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Sukarela</source>
        <translation>Voluntary</translation>
    </message>
    <message>
        <source>Selisih</source>
        <translation>Difference</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Peri&amp;ksa</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>B&amp;ukukan</source>
        <translation>&amp;Post</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Berkas pembayaran instansi</source>
        <translation>Employer&apos;s payment file</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Pilih dulu berkas Excel.</source>
        <translation>First choose an Excel file.</translation>
    </message>
    <message>
        <source>Memproses berkas potong gaji</source>
        <translation>Processing the payroll file</translation>
    </message>
    <message>
        <source>Tidak ada yang dibukukan.</source>
        <translation>Nothing was posted.</translation>
    </message>
    <message>
        <source>{employer} {period}: diterima {paid}, ke anggota {posted}, belum dapat dibukukan {unposted} (2.30); {diff} baris berselisih.</source>
        <translation>{employer} {period}: received {paid}, to members {posted}, not yet placed {unposted} (2.30); {diff} rows with a difference.</translation>
    </message>
    <message>
        <source>Pemeriksaan (belum dibukukan): </source>
        <translation>Check (not yet posted): </translation>
    </message>
    <message>
        <source>Dibukukan: </source>
        <translation>Posted: </translation>
    </message>
</context>
<context>
    <name>PayrollTab</name>
    <message>
        <source>I&amp;nstansi</source>
        <translation>Em&amp;ployer</translation>
    </message>
    <message>
        <source>B&amp;ulan</source>
        <translation>M&amp;onth</translation>
    </message>
    <message>
        <source>Instansi ba&amp;ru...</source>
        <translation>New emp&amp;loyer...</translation>
    </message>
    <message>
        <source>&amp;Hubungkan anggota...</source>
        <translation>Lin&amp;k member...</translation>
    </message>
    <message>
        <source>&amp;Impor pembayaran...</source>
        <translation>&amp;Import payments...</translation>
    </message>
    <message>
        <source>Simpan &amp;Excel...</source>
        <translation>Save as &amp;Excel...</translation>
    </message>
    <message>
        <source>Simpan P&amp;DF...</source>
        <translation>Save PD&amp;F...</translation>
    </message>
    <message>
        <source>No. pegawai</source>
        <translation>Employee no.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Simpanan wajib</source>
        <translation>Mandatory savings</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Simpanan sukarela</source>
        <translation>Voluntary savings</translation>
    </message>
    <message>
        <source>Jumlah potongan</source>
        <translation>Total deduction</translation>
    </message>
    <message>
        <source>Potong gaji</source>
        <translation>Payroll deduction</translation>
    </message>
    <message>
        <source>Belum ada instansi. Tambahkan dengan &quot;Instansi baru&quot;.</source>
        <translation>No employer yet. Add one with &quot;New employer&quot;.</translation>
    </message>
    <message>
        <source>{n} anggota · jumlah potongan {total} · angsuran jatuh tempo s.d. {due}</source>
        <translation>{n} members · total deduction {total} · installments due by {due}</translation>
    </message>
    <message>
        <source>Daftar potongan gaji</source>
        <translation>Payroll deduction list</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>PendingApprovalsDialog</name>
    <message>
        <source>Menunggu persetujuan</source>
        <translation>Waiting for approval</translation>
    </message>
    <message>
        <source>Jenis</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Pinjaman / nomor</source>
        <translation>Loan / number</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Diajukan oleh</source>
        <translation>Requested by</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Alasan / tujuan</source>
        <translation>Reason / purpose</translation>
    </message>
    <message>
        <source>Menunggu</source>
        <translation>Waiting for</translation>
    </message>
    <message>
        <source>&amp;Catatan / alasan</source>
        <translation>&amp;Note / reason</translation>
    </message>
    <message>
        <source>&amp;Setujui</source>
        <translation>&amp;Approve</translation>
    </message>
    <message>
        <source>&amp;Tolak / batalkan</source>
        <translation>&amp;Reject / cancel</translation>
    </message>
    <message>
        <source>&amp;Muat ulang</source>
        <translation>Re&amp;load</translation>
    </message>
    <message>
        <source>T&amp;utup</source>
        <translation>&amp;Close</translation>
    </message>
    <message>
        <source>Tidak ada yang menunggu persetujuan.</source>
        <translation>Nothing is waiting for approval.</translation>
    </message>
    <message>
        <source>Disetujui: {ref}.</source>
        <translation>Approved: {ref}.</translation>
    </message>
    <message>
        <source>Ditolak: {ref}.</source>
        <translation>Rejected: {ref}.</translation>
    </message>
</context>
<context>
    <name>PeriodDialog</name>
    <message>
        <source>&amp;Periode</source>
        <translation>&amp;Period</translation>
    </message>
    <message>
        <source>Hanya bulan yang sudah berakhir yang dapat diproses (hari ini {today}).</source>
        <translation>Only months that have ended can be processed (today is {today}).</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>PlaceDepositDialog</name>
    <message>
        <source>Tempatkan simpanan berjangka</source>
        <translation>Place a time deposit</translation>
    </message>
    <message>
        <source>mis. A00012</source>
        <translation>e.g. A00012</translation>
    </message>
    <message>
        <source>&amp;Nomor anggota</source>
        <translation>&amp;Member number</translation>
    </message>
    <message>
        <source>P&amp;roduk</source>
        <translation>P&amp;roduct</translation>
    </message>
    <message>
        <source>N&amp;ominal</source>
        <translation>&amp;Amount</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Sumber dana</source>
        <translation>&amp;Source of funds</translation>
    </message>
    <message>
        <source>Saat &amp;jatuh tempo</source>
        <translation>At ma&amp;turity</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Belum ada produk simpanan berjangka (Produk...).</source>
        <translation>No time-deposit product yet (Products...).</translation>
    </message>
    <message>
        <source>Jatuh tempo {date} · bunga {rate} % setahun, {payout}</source>
        <translation>Matures {date} · interest {rate} % a year, {payout}</translation>
    </message>
    <message>
        <source>Bunga sebulan {monthly} (bruto); minimal {minimum}</source>
        <translation>Interest a month {monthly} (gross); minimum {minimum}</translation>
    </message>
    <message>
        <source>Isi nomor anggota.</source>
        <translation>Enter the member number.</translation>
    </message>
    <message>
        <source>Isi nominal, mis. 10.000.000.</source>
        <translation>Enter the amount, e.g. 10.000.000.</translation>
    </message>
    <message>
        <source>Tambahkan dulu produk simpanan berjangka.</source>
        <translation>Add a time-deposit product first.</translation>
    </message>
</context>
<context>
    <name>PlausibilityEditor</name>
    <message>
        <source>Jumlah yang jauh di atas kebiasaan koperasi ditanyakan dulu sebelum dibukukan (salah ketik satu nol terlalu banyak). Batas dihitung dari pembukuan: 5 kali jumlah yang biasa (persentil ke-99 dari 2.000 transaksi terakhir jenis itu), paling sedikit batas dasar untuk koperasi baru. Isi kolom Batas sendiri untuk memakai angka lain; kosongkan untuk kembali ke hitungan otomatis.</source>
        <translation>An amount far above what the cooperative usually sees is asked about before it is posted (one zero too many is a common typing error). The limit comes from the books: 5 times the usual amount (the 99th percentile of the latest 2,000 transactions of that kind), at least a base limit for a new cooperative. Fill in Own limit to use another figure; leave it empty to go back to the automatic one.</translation>
    </message>
    <message>
        <source>Jenis transaksi</source>
        <translation>Kind of transaction</translation>
    </message>
    <message>
        <source>Biasanya sampai</source>
        <translation>Usually up to</translation>
    </message>
    <message>
        <source>Batas otomatis</source>
        <translation>Automatic limit</translation>
    </message>
    <message>
        <source>Batas sendiri</source>
        <translation>Own limit</translation>
    </message>
    <message>
        <source>belum ada riwayat</source>
        <translation>no history yet</translation>
    </message>
    <message>
        <source>otomatis</source>
        <translation>automatic</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 50.000.000 atau Rp 50.000.000.</source>
        <translation>Amount not understood; write e.g. 50.000.000 or Rp 50.000.000.</translation>
    </message>
</context>
<context>
    <name>PostLineDialog</name>
    <message>
        <source>Bukukan mutasi rekening koran</source>
        <translation>Post a statement item</translation>
    </message>
    <message>
        <source>Biaya administrasi bank (5.18)</source>
        <translation>Bank charges (5.18)</translation>
    </message>
    <message>
        <source>Pajak atas bunga (5.50)</source>
        <translation>Tax on interest (5.50)</translation>
    </message>
    <message>
        <source>Bunga / jasa giro (4.90)</source>
        <translation>Interest (4.90)</translation>
    </message>
    <message>
        <source>Akun lain</source>
        <translation>Another account</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>&amp;Akun lawan (bila akun lain)</source>
        <translation>&amp;Other account (for another account)</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Bukukan</source>
        <translation>Post</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ProductsDialog</name>
    <message>
        <source>Produk simpanan berjangka</source>
        <translation>Time-deposit products</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Bunga %</source>
        <translation>Rate %</translation>
    </message>
    <message>
        <source>Bunga dibayar</source>
        <translation>Interest paid</translation>
    </message>
    <message>
        <source>Minimal</source>
        <translation>Minimum</translation>
    </message>
    <message>
        <source>Penalti %</source>
        <translation>Penalty %</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Produk a&amp;ktif</source>
        <translation>Product a&amp;ctive</translation>
    </message>
    <message>
        <source>K&amp;ode</source>
        <translation>C&amp;ode</translation>
    </message>
    <message>
        <source>&amp;Nama</source>
        <translation>&amp;Name</translation>
    </message>
    <message>
        <source>&amp;Jangka waktu (bulan)</source>
        <translation>&amp;Term (months)</translation>
    </message>
    <message>
        <source>&amp;Bunga % per tahun</source>
        <translation>&amp;Rate % a year</translation>
    </message>
    <message>
        <source>Bunga &amp;dibayar</source>
        <translation>&amp;Interest paid</translation>
    </message>
    <message>
        <source>Penempatan &amp;minimal</source>
        <translation>&amp;Minimum placement</translation>
    </message>
    <message>
        <source>&amp;Penalti pencairan awal (% nominal)</source>
        <translation>Early-withdrawal &amp;penalty (% of amount)</translation>
    </message>
    <message>
        <source>Simpan produk</source>
        <translation>Save product</translation>
    </message>
</context>
<context>
    <name>ProfileEditor</name>
    <message>
        <source>Pilih logo koperasi</source>
        <translation>Choose the cooperative&apos;s logo</translation>
    </message>
    <message>
        <source>Gambar (*.png *.jpg *.jpeg)</source>
        <translation>Images (*.png *.jpg *.jpeg)</translation>
    </message>
</context>
<context>
    <name>ProfileForm</name>
    <message>
        <source>Identitas koperasi</source>
        <translation>Cooperative identity</translation>
    </message>
    <message>
        <source>&amp;Nama koperasi</source>
        <translation>Cooperative na&amp;me</translation>
    </message>
    <message>
        <source>mis. KSP Sejahtera Bersama</source>
        <translation>e.g. KSP Sejahtera Bersama</translation>
    </message>
    <message>
        <source>Nomor badan &amp;hukum</source>
        <translation>Legal entity n&amp;umber</translation>
    </message>
    <message>
        <source>mis. AHU-0012345.AH.01.26.2021</source>
        <translation>e.g. AHU-0012345.AH.01.26.2021</translation>
    </message>
    <message>
        <source>&amp;Alamat</source>
        <translation>&amp;Address</translation>
    </message>
    <message>
        <source>K&amp;ota/Kabupaten</source>
        <translation>C&amp;ity/Regency</translation>
    </message>
    <message>
        <source>&amp;Telepon</source>
        <translation>&amp;Phone</translation>
    </message>
    <message>
        <source>Lo&amp;go</source>
        <translation>L&amp;ogo</translation>
    </message>
    <message>
        <source>berkas PNG atau JPG (boleh kosong)</source>
        <translation>PNG or JPG file (optional)</translation>
    </message>
    <message>
        <source>Pilih...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>Pengurus (penanda tangan laporan)</source>
        <translation>Board (signs the reports)</translation>
    </message>
    <message>
        <source>K&amp;etua</source>
        <translation>&amp;Chair</translation>
    </message>
    <message>
        <source>&amp;Sekretaris</source>
        <translation>&amp;Secretary</translation>
    </message>
    <message>
        <source>&amp;Bendahara</source>
        <translation>&amp;Treasurer</translation>
    </message>
    <message>
        <source>&amp;Pengawas</source>
        <translation>Super&amp;visor</translation>
    </message>
    <message>
        <source>ketua pengawas, menandatangani laporan RAT</source>
        <translation>chair of the supervisory board; signs the RAT report</translation>
    </message>
</context>
<context>
    <name>RatPage</name>
    <message>
        <source>Rapat Anggota Tahunan (RAT)</source>
        <translation>Annual Members&apos; Meeting (RAT)</translation>
    </message>
    <message>
        <source>Tahun buku</source>
        <translation>Financial year</translation>
    </message>
    <message>
        <source>Buka Buku RAT...</source>
        <translation>Open the RAT book...</translation>
    </message>
    <message>
        <source>Impor dari Excel...</source>
        <translation>Import from Excel...</translation>
    </message>
    <message>
        <source>Simpan RAPB</source>
        <translation>Save budget</translation>
    </message>
    <message>
        <source>Anggaran (RAPB)</source>
        <translation>Budget (RAPB)</translation>
    </message>
    <message>
        <source>Laporan pertanggungjawaban pengurus</source>
        <translation>The board&apos;s accountability report</translation>
    </message>
    <message>
        <source>Laporan pengawas</source>
        <translation>The supervisors&apos; report</translation>
    </message>
    <message>
        <source>Isi dari templat</source>
        <translation>Fill from template</translation>
    </message>
    <message>
        <source>Simpan laporan</source>
        <translation>Save report</translation>
    </message>
    <message>
        <source>Laporan pengurus dan pengawas</source>
        <translation>Board&apos;s and supervisors&apos; reports</translation>
    </message>
    <message>
        <source>Tanggal rapat</source>
        <translation>Meeting date</translation>
    </message>
    <message>
        <source>belum diisi</source>
        <translation>not entered</translation>
    </message>
    <message>
        <source>Tempat</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Anggota yang berhak hadir</source>
        <translation>Members entitled to attend</translation>
    </message>
    <message>
        <source>Anggota yang hadir</source>
        <translation>Members present</translation>
    </message>
    <message>
        <source>Kuorum</source>
        <translation>Quorum</translation>
    </message>
    <message>
        <source>Simpan aturan</source>
        <translation>Save rule</translation>
    </message>
    <message>
        <source>Aturan kuorum (AD/ART)</source>
        <translation>Quorum rule (statutes)</translation>
    </message>
    <message>
        <source>Simpan data rapat</source>
        <translation>Save meeting</translation>
    </message>
    <message>
        <source>Cetak daftar hadir...</source>
        <translation>Print attendance register...</translation>
    </message>
    <message>
        <source>Acara rapat (satu per baris)</source>
        <translation>Agenda (one item a line)</translation>
    </message>
    <message>
        <source>Keputusan rapat untuk berita acara (satu per baris)</source>
        <translation>Decisions for the minutes (one a line)</translation>
    </message>
    <message>
        <source>Rapat dan kuorum</source>
        <translation>Meeting and quorum</translation>
    </message>
    <message>
        <source>Simpan jawaban tata kelola</source>
        <translation>Save governance answers</translation>
    </message>
    <message>
        <source>Kesehatan: tata kelola</source>
        <translation>Health: governance</translation>
    </message>
    <message>
        <source>Pengurus, pengawas, karyawan</source>
        <translation>Board, supervisors, staff</translation>
    </message>
    <message>
        <source>Kode</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Akun</source>
        <translation>Account</translation>
    </message>
    <message>
        <source>Anggaran {year}</source>
        <translation>Budget {year}</translation>
    </message>
    <message>
        <source>Realisasi {year}</source>
        <translation>Actual {year}</translation>
    </message>
    <message>
        <source>RAPB {year}</source>
        <translation>Budget {year}</translation>
    </message>
    <message>
        <source>Isi RAPB tahun {next} per akun pendapatan dan beban (akun induk menganggarkan seluruh subakunnya; jangan menganggarkan induk dan subakunnya sekaligus). Anggaran dan realisasi {year} di sampingnya.</source>
        <translation>Enter the {next} budget per income and expense account (a parent account budgets all its sub-accounts; do not budget a parent and its sub-account both). The {year} budget and actual are beside it.</translation>
    </message>
    <message>
        <source>SHU {year}: anggaran {budget}, realisasi {actual}</source>
        <translation>SHU {year}: budget {budget}, actual {actual}</translation>
    </message>
    <message>
        <source>Tersimpan {when} oleh {who}.</source>
        <translation>Saved {when} by {who}.</translation>
    </message>
    <message>
        <source>Templat dengan angka tahun buku; belum disimpan.</source>
        <translation>Template with the year&apos;s figures; not saved yet.</translation>
    </message>
    <message>
        <source>jumlah hadir belum diisi</source>
        <translation>attendance not entered yet</translation>
    </message>
    <message>
        <source>kuorum tercapai</source>
        <translation>quorum reached</translation>
    </message>
    <message>
        <source>kuorum tidak tercapai</source>
        <translation>quorum not reached</translation>
    </message>
    <message>
        <source>Aturan: {rule}; paling sedikit {need} hadir; {state}.</source>
        <translation>Rule: {rule}; at least {need} present; {state}.</translation>
    </message>
    <message>
        <source>Skor kesehatan {year}: {total} ({outcome}). Per aspek: {parts}.</source>
        <translation>Health score {year}: {total} ({outcome}). By aspect: {parts}.</translation>
    </message>
    <message>
        <source>RAT</source>
        <translation>RAT</translation>
    </message>
    <message>
        <source>RAPB</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Anggaran akun {code} bukan jumlah rupiah yang sah: &apos;{value}&apos;.</source>
        <translation>The budget of account {code} is not a valid rupiah amount: &apos;{value}&apos;.</translation>
    </message>
    <message>
        <source>Impor RAPB dari Excel</source>
        <translation>Import the budget from Excel</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
</context>
<context>
    <name>ReasonDialog</name>
    <message>
        <source>mis. koreksi setoran yang terlewat</source>
        <translation>e.g. correcting a missed deposit</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Buka kembali</source>
        <translation>Reopen</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>ReceiptDialog</name>
    <message>
        <source>Kuitansi {no}</source>
        <translation>Receipt {no}</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Saldo setelah transaksi</source>
        <translation>Balance after the transaction</translation>
    </message>
</context>
<context>
    <name>ReceiptWindow</name>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Cetak...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>Batal&amp;kan...</source>
        <translation>&amp;Undo...</translation>
    </message>
    <message>
        <source>Membalik transaksi ini dengan alasan (hanya hari ini, oleh Anda).</source>
        <translation>Reverses this transaction with a reason (today only, by you).</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Pembatalan cepat hanya untuk transaksi hari ini oleh pengguna yang membukukannya. Gunakan Balik transaksi di halamannya.</source>
        <translation>Quick undo is only for today&apos;s transactions by the user who posted them. Use Reverse transaction on its page.</translation>
    </message>
    <message>
        <source>MENUNGGU PERSETUJUAN — permintaan pembalikan no. {id} dicatat; transaksi ini belum dibalik.</source>
        <translation>AWAITING APPROVAL — reversal request no. {id} has been filed; this transaction is not reversed yet.</translation>
    </message>
    <message>
        <source>DIBATALKAN — transaksi ini telah dibalik.</source>
        <translation>UNDONE — this transaction has been reversed.</translation>
    </message>
</context>
<context>
    <name>RecoveryDialog</name>
    <message>
        <source>Penerimaan pinjaman dihapus buku</source>
        <translation>Payment on a written-off loan</translation>
    </message>
    <message>
        <source>mis. dibayar keluarga anggota</source>
        <translation>e.g. paid by the member&apos;s family</translation>
    </message>
    <message>
        <source>Tanggal terima</source>
        <translation>Date received</translation>
    </message>
    <message>
        <source>Jumlah diterima (Rp)</source>
        <translation>Amount received (Rp)</translation>
    </message>
    <message>
        <source>Terbilang</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>Keterangan</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Diterima tunai: debit 1.01 Kas, kredit 4.90 Pendapatan Lain.</source>
        <translation>Received in cash: debit 1.01 Cash, credit 4.90 Other income.</translation>
    </message>
    <message>
        <source>Terima pembayaran</source>
        <translation>Receive payment</translation>
    </message>
    <message>
        <source>Dihapus buku {date}: {written} · sudah diterima kembali {recovered} · sisa &lt;b&gt;{remaining}&lt;/b&gt;</source>
        <translation>Written off {date}: {written} · recovered so far {recovered} · remaining &lt;b&gt;{remaining}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Seluruh jumlah yang dihapus buku sudah diterima kembali.</source>
        <translation>The full written-off amount has already been recovered.</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 250.000 atau Rp 250.000.</source>
        <translation>Amount not recognised; write e.g. 250.000 or Rp 250.000.</translation>
    </message>
    <message>
        <source>Melebihi sisa yang dihapus buku ({remaining}).</source>
        <translation>More than the written-off amount still outstanding ({remaining}).</translation>
    </message>
</context>
<context>
    <name>RelatedPartyDialog</name>
    <message>
        <source>Pihak terkait</source>
        <translation>Related party</translation>
    </message>
    <message>
        <source>bukan pihak terkait</source>
        <translation>not a related party</translation>
    </message>
    <message>
        <source>mis. istri bendahara</source>
        <translation>e.g. the treasurer&apos;s wife</translation>
    </message>
    <message>
        <source>&amp;Hubungan</source>
        <translation>&amp;Relation</translation>
    </message>
    <message>
        <source>&amp;Pengurus/pengawas terkait</source>
        <translation>&amp;Officer concerned</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
</context>
<context>
    <name>RepaymentDialog</name>
    <message>
        <source>Angsuran pinjaman</source>
        <translation>Loan repayment</translation>
    </message>
    <message>
        <source>Terima pembayaran</source>
        <translation>Receive payment</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Angsuran ke</source>
        <translation>Installment no.</translation>
    </message>
    <message>
        <source>Komponen</source>
        <translation>Component</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 250.000 atau Rp 250.000.</source>
        <translation>Amount not recognised; write e.g. 250.000 or Rp 250.000.</translation>
    </message>
    <message>
        <source>kosong: {due}</source>
        <translation>empty: {due}</translation>
    </message>
    <message>
        <source>Sisa pokok setelah bayar: &lt;b&gt;{after}&lt;/b&gt;</source>
        <translation>Principal outstanding after payment: &lt;b&gt;{after}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Kelebihan {x} masuk simpanan sukarela.</source>
        <translation>Overpayment of {x} goes to voluntary savings.</translation>
    </message>
    <message>
        <source>Isi nomor pinjaman.</source>
        <translation>Enter the loan number.</translation>
    </message>
    <message>
        <source>Tidak ada yang jatuh tempo; isi jumlahnya.</source>
        <translation>Nothing is due; enter the amount.</translation>
    </message>
    <message>
        <source>Angsuran {amount} · {loan} · {member} {name}</source>
        <translation>Installment {amount} · {loan} · {member} {name}</translation>
    </message>
</context>
<context>
    <name>ReportOptionsForm</name>
    <message>
        <source>&amp;Jenis periode</source>
        <translation>Period &amp;type</translation>
    </message>
    <message>
        <source>Bulan</source>
        <translation>Month</translation>
    </message>
    <message>
        <source>Tahun buku</source>
        <translation>Financial year</translation>
    </message>
    <message>
        <source>Per tanggal</source>
        <translation>As of</translation>
    </message>
    <message>
        <source>&amp;Bulan</source>
        <translation>&amp;Month</translation>
    </message>
    <message>
        <source>&amp;Tahun buku</source>
        <translation>Financial &amp;year</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>dd/MM/yyyy</source>
        <translation>dd/MM/yyyy</translation>
    </message>
    <message>
        <source>&amp;Kelompok</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <source>&amp;Anggota</source>
        <translation>Mem&amp;ber</translation>
    </message>
    <message>
        <source>Nomor anggota; kosongkan untuk anggota bawaan</source>
        <translation>Member number; leave empty for the default member</translation>
    </message>
    <message>
        <source>No. &amp;pinjaman</source>
        <translation>&amp;Loan no.</translation>
    </message>
    <message>
        <source>Nomor pinjaman; kosongkan untuk pinjaman pertama anggota</source>
        <translation>Loan number; leave empty for the member&apos;s first loan</translation>
    </message>
    <message>
        <source>No. &amp;kuitansi</source>
        <translation>&amp;Receipt no.</translation>
    </message>
    <message>
        <source>Nomor kuitansi; kosongkan untuk kuitansi terakhir</source>
        <translation>Receipt number; leave empty for the last receipt</translation>
    </message>
</context>
<context>
    <name>ReportsPage</name>
    <message>
        <source>&lt;h2&gt;Laporan&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Reports&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>&amp;Tampilkan laporan</source>
        <translation>&amp;Show report</translation>
    </message>
    <message>
        <source>Pilih laporan lalu tekan Tampilkan laporan.</source>
        <translation>Choose a report, then press Show report.</translation>
    </message>
    <message>
        <source>&amp;Cetak...</source>
        <translation>&amp;Print...</translation>
    </message>
    <message>
        <source>Simpan &amp;PDF...</source>
        <translation>Save as &amp;PDF...</translation>
    </message>
    <message>
        <source>Simpan &amp;Excel...</source>
        <translation>Save as &amp;Excel...</translation>
    </message>
    <message>
        <source>Laporan</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Tutup buku</source>
        <translation>Closing the books</translation>
    </message>
    <message>
        <source>Laporan keuangan</source>
        <translation>Financial statements</translation>
    </message>
    <message>
        <source>Pembukuan</source>
        <translation>Bookkeeping</translation>
    </message>
    <message>
        <source>Anggota dan simpanan</source>
        <translation>Members and savings</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Groups</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>SHU</source>
        <translation>SHU</translation>
    </message>
    <message>
        <source>Rapat anggota (RAT)</source>
        <translation>Annual members&apos; meeting (RAT)</translation>
    </message>
    <message>
        <source>Monitoring program</source>
        <translation>Program monitoring</translation>
    </message>
    <message>
        <source>Semua kelompok</source>
        <translation>All groups</translation>
    </message>
    <message>
        <source>otomatis: {number} {name}</source>
        <translation>automatic: {number} {name}</translation>
    </message>
    <message>
        <source>otomatis: pinjaman pertama</source>
        <translation>automatic: first loan</translation>
    </message>
    <message>
        <source>otomatis: {receipt}</source>
        <translation>automatic: {receipt}</translation>
    </message>
    <message>
        <source>Menyusun {title}...</source>
        <translation>Building {title}...</translation>
    </message>
    <message>
        <source>Menyusun laporan {title}...</source>
        <translation>Building the report {title}...</translation>
    </message>
    <message>
        <source>{title}: {pages} halaman.</source>
        <translation>{title}: {pages} pages.</translation>
    </message>
    <message>
        <source>Laporan tidak dapat dibuat</source>
        <translation>The report cannot be created</translation>
    </message>
    <message>
        <source>Laporan gagal dibuat.</source>
        <translation>The report could not be created.</translation>
    </message>
    <message>
        <source>Dibatalkan.</source>
        <translation>Cancelled.</translation>
    </message>
    <message>
        <source>Simpan PDF</source>
        <translation>Save PDF</translation>
    </message>
    <message>
        <source>Simpan Excel</source>
        <translation>Save Excel</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Buku kerja Excel (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Menyimpan {title}...</source>
        <translation>Saving {title}...</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Tampilkan dulu laporan yang akan dicetak.</source>
        <translation>First show the report to be printed.</translation>
    </message>
    <message>
        <source>{pages} halaman dikirim ke pencetak.</source>
        <translation>{pages} pages sent to the printer.</translation>
    </message>
    <message>
        <source>Pencetak tidak dapat dibuka.</source>
        <translation>The printer cannot be opened.</translation>
    </message>
</context>
<context>
    <name>RescheduleDialog</name>
    <message>
        <source>Restrukturisasi pinjaman</source>
        <translation>Loan rescheduling</translation>
    </message>
    <message>
        <source>Syarat sekarang: {term} × {every} {unit} · bunga {rate} % {per} · {method}</source>
        <translation>Current terms: {term} × {every} {unit} · interest {rate} % {per} · {method}</translation>
    </message>
    <message>
        <source>Sisa pokok &lt;b&gt;{out}&lt;/b&gt; · {n} angsuran belum lunas · {cls}. Sisa pokok itu mendapat jadwal baru mulai tanggal restrukturisasi.</source>
        <translation>Principal outstanding &lt;b&gt;{out}&lt;/b&gt; · {n} installments unpaid · {cls}. This principal gets a new schedule starting on the rescheduling date.</translation>
    </message>
    <message>
        <source>Suku &amp;bunga (% {per})</source>
        <translation>Interest &amp;rate (% {per})</translation>
    </message>
    <message>
        <source>Simpan jadwal baru</source>
        <translation>Save new schedule</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Ke</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Bunga</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Biaya</source>
        <translation>Fee</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>Suku bunga tidak dikenali; tulis mis. 1,5.</source>
        <translation>Interest rate not recognised; write e.g. 1,5.</translation>
    </message>
    <message>
        <source>Angsuran pertama &lt;b&gt;{first}&lt;/b&gt; pada {date} · total bunga &lt;b&gt;{interest}&lt;/b&gt; · total dibayar &lt;b&gt;{total}&lt;/b&gt;</source>
        <translation>First installment &lt;b&gt;{first}&lt;/b&gt; on {date} · total interest &lt;b&gt;{interest}&lt;/b&gt; · total paid &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Bunga tertunggak {interest} dan biaya {fee} masuk angsuran pertama.</source>
        <translation>Overdue interest of {interest} and fees of {fee} are carried into the first installment.</translation>
    </message>
    <message>
        <source>Bunga tertunggak {interest} masuk angsuran pertama.</source>
        <translation>Overdue interest of {interest} is carried into the first installment.</translation>
    </message>
    <message>
        <source>Biaya tertunggak {fee} masuk angsuran pertama.</source>
        <translation>Overdue fees of {fee} are carried into the first installment.</translation>
    </message>
    <message>
        <source>Denda {penalty} yang belum dibayar dihapuskan.</source>
        <translation>Unpaid penalties of {penalty} are waived.</translation>
    </message>
</context>
<context>
    <name>ReturnCollateralDialog</name>
    <message>
        <source>Kembalikan jaminan</source>
        <translation>Return collateral</translation>
    </message>
    <message>
        <source>Diserahkan &amp;kepada</source>
        <translation>Handed &amp;to</translation>
    </message>
    <message>
        <source>&amp;Catatan</source>
        <translation>&amp;Note</translation>
    </message>
    <message>
        <source>Tan&amp;ggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>Serahkan</source>
        <translation>Hand over</translation>
    </message>
    <message>
        <source>Jaminan diserahkan dengan surat nomor {no}. Cetak surat serah terima?</source>
        <translation>Collateral handed over with letter no. {no}. Print the hand-over letter?</translation>
    </message>
    <message>
        <source>Cetak</source>
        <translation>Print</translation>
    </message>
</context>
<context>
    <name>ReverseAssetDialog</name>
    <message>
        <source>Batalkan pencatatan aset {code}</source>
        <translation>Reverse an entry of asset {code}</translation>
    </message>
    <message>
        <source>Pelepasan (penjualan/penghapusan)</source>
        <translation>Disposal (sale/scrapping)</translation>
    </message>
    <message>
        <source>Pembelian / saldo awal aset</source>
        <translation>Purchase / opening balance</translation>
    </message>
    <message>
        <source>&amp;Yang dibatalkan</source>
        <translation>&amp;What to reverse</translation>
    </message>
    <message>
        <source>&amp;Tanggal jurnal pembalik</source>
        <translation>Reversal &amp;date</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Jurnal aslinya tidak diubah: dibukukan jurnal pembalik yang merujuk kepadanya.</source>
        <translation>The original entry is not changed: a reversal entry referring to it is posted.</translation>
    </message>
    <message>
        <source>Batalkan</source>
        <translation>Reverse</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ReverseDialog</name>
    <message>
        <source>Batalkan (balik) transaksi</source>
        <translation>Cancel (reverse) a transaction</translation>
    </message>
    <message>
        <source>Transaksi ini akan dibalik dengan jurnal pembalik; catatan aslinya tetap ada.</source>
        <translation>This transaction will be reversed by a reversing entry; the original record stays.</translation>
    </message>
    <message>
        <source>mis. salah ketik jumlah</source>
        <translation>e.g. amount mistyped</translation>
    </message>
    <message>
        <source>Tanggal</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Balik transaksi</source>
        <translation>Reverse transaction</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Menunggu persetujuan</source>
        <translation>Awaiting approval</translation>
    </message>
    <message>
        <source>Permintaan pembalikan no. {id} dicatat; transaksi belum dibalik.&lt;br&gt;Permintaan ini menunggu di &lt;b&gt;Menunggu persetujuan&lt;/b&gt; (halaman Pinjaman) sampai disetujui pengguna lain dengan peran {roles}.</source>
        <translation>Reversal request no. {id} has been filed; the transaction is not reversed yet.&lt;br&gt;The request waits in &lt;b&gt;Menunggu persetujuan&lt;/b&gt; (Awaiting approval, Loans page) until another user with the role {roles} approves it.</translation>
    </message>
</context>
<context>
    <name>Runner</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Mohon tunggu</source>
        <translation>Please wait</translation>
    </message>
    <message>
        <source>Membatalkan...</source>
        <translation>Cancelling...</translation>
    </message>
</context>
<context>
    <name>SavingsPage</name>
    <message>
        <source>&lt;h2&gt;Simpanan&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Savings&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Nomor anggota:</source>
        <translation>Member number:</translation>
    </message>
    <message>
        <source>mis. A00012 (kosong: semua anggota)</source>
        <translation>e.g. A00012 (empty: all members)</translation>
    </message>
    <message>
        <source>&amp;Setor...</source>
        <translation>&amp;Deposit...</translation>
    </message>
    <message>
        <source>&amp;Tarik...</source>
        <translation>&amp;Withdraw...</translation>
    </message>
    <message>
        <source>&amp;Batalkan transaksi...</source>
        <translation>&amp;Reverse transaction...</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>No. rekening</source>
        <translation>Account no.</translation>
    </message>
    <message>
        <source>Saldo</source>
        <translation>Balance</translation>
    </message>
    <message>
        <source>Daftar bawah: transaksi simpanan terbaru. Pilih satu lalu tekan &quot;Batalkan transaksi&quot; untuk membaliknya (dengan alasan).</source>
        <translation>Lower list: latest savings transactions. Select one and press &quot;Reverse transaction&quot; to reverse it (with a reason).</translation>
    </message>
    <message>
        <source>Rekening simpanan</source>
        <translation>Savings accounts</translation>
    </message>
    <message>
        <source>Batalkan transaksi</source>
        <translation>Reverse transaction</translation>
    </message>
    <message>
        <source>Pilih dulu transaksi di daftar.</source>
        <translation>First select a transaction in the list.</translation>
    </message>
    <message>
        <source>{kind} {amount} · {member} {name} · {date}</source>
        <translation>{kind} {amount} · {member} {name} · {date}</translation>
    </message>
</context>
<context>
    <name>SavingsRulesEditor</name>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 50.000 atau Rp 50.000.</source>
        <translation>Amount not recognised; write e.g. 50.000 or Rp 50.000.</translation>
    </message>
</context>
<context>
    <name>SavingsRulesForm</name>
    <message>
        <source>Jumlah ini berlaku untuk transaksi berikutnya; simpanan yang sudah dibayar tidak berubah.</source>
        <translation>These amounts apply to future transactions; savings already paid do not change.</translation>
    </message>
    <message>
        <source>Simpanan &amp;pokok (sekali, Rp)</source>
        <translation>&amp;Principal savings (once, Rp)</translation>
    </message>
    <message>
        <source>Simpanan &amp;wajib per bulan (Rp)</source>
        <translation>&amp;Mandatory savings per month (Rp)</translation>
    </message>
    <message>
        <source>Saldo &amp;minimum sukarela (Rp)</source>
        <translation>Voluntary savings mi&amp;nimum balance (Rp)</translation>
    </message>
    <message>
        <source>&amp;Jasa sukarela per tahun (%)</source>
        <translation>Voluntary savings &amp;interest per year (%)</translation>
    </message>
    <message>
        <source>mis. 3</source>
        <translation>e.g. 3</translation>
    </message>
</context>
<context>
    <name>SavingsTxDialog</name>
    <message>
        <source>Setor simpanan</source>
        <translation>Deposit savings</translation>
    </message>
    <message>
        <source>Tarik simpanan</source>
        <translation>Withdraw savings</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 1.250.000 atau Rp 1.250.000.</source>
        <translation>Amount not recognised; write e.g. 1.250.000 or Rp 1.250.000.</translation>
    </message>
    <message>
        <source>Saldo tidak cukup: saldo sekarang {balance}.</source>
        <translation>Insufficient balance: the balance now is {balance}.</translation>
    </message>
    <message>
        <source>Saldo minimum {minimum} harus tetap tersisa; paling banyak dapat ditarik {most}.</source>
        <translation>A minimum balance of {minimum} must remain; at most {most} can be withdrawn.</translation>
    </message>
    <message>
        <source>Isi nomor anggota.</source>
        <translation>Enter the member number.</translation>
    </message>
    <message>
        <source>Isi jumlah, mis. 1.250.000.</source>
        <translation>Enter the amount, e.g. 1.250.000.</translation>
    </message>
    <message>
        <source>{kind} {amount} · {member} {name} · {product}</source>
        <translation>{kind} {amount} · {member} {name} · {product}</translation>
    </message>
</context>
<context>
    <name>SavingsTxForm</name>
    <message>
        <source>Transaksi simpanan</source>
        <translation>Savings transaction</translation>
    </message>
    <message>
        <source>Nomor &amp;anggota</source>
        <translation>&amp;Member number</translation>
    </message>
    <message>
        <source>mis. A00012</source>
        <translation>e.g. A00012</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>&amp;Produk</source>
        <translation>&amp;Product</translation>
    </message>
    <message>
        <source>Saldo sekarang</source>
        <translation>Current balance</translation>
    </message>
    <message>
        <source>&amp;Jumlah (Rp)</source>
        <translation>&amp;Amount (Rp)</translation>
    </message>
    <message>
        <source>Terbilang</source>
        <translation>In words</translation>
    </message>
    <message>
        <source>Saldo setelah transaksi</source>
        <translation>Balance after the transaction</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Description</translation>
    </message>
</context>
<context>
    <name>SettingsPage</name>
    <message>
        <source>&lt;h2&gt;Pengaturan&lt;/h2&gt;</source>
        <translation>&lt;h2&gt;Settings&lt;/h2&gt;</translation>
    </message>
    <message>
        <source>Simpan profil</source>
        <translation>Save profile</translation>
    </message>
    <message>
        <source>Profil koperasi</source>
        <translation>Cooperative profile</translation>
    </message>
    <message>
        <source>Simpan aturan simpanan</source>
        <translation>Save savings rules</translation>
    </message>
    <message>
        <source>Simpanan</source>
        <translation>Savings</translation>
    </message>
    <message>
        <source>Aturan pinjaman ada pada produk pinjaman: metode dan besar bunga, batas jumlah dan jangka waktu, biaya administrasi, denda keterlambatan, batas pinjaman terhadap simpanan, dan cara pelunasan dipercepat. Perubahan berlaku untuk pengajuan berikutnya.</source>
        <translation>Loan rules are set on the loan products: interest method and rate, amount and term limits, administration fee, late-payment penalty, loan limit relative to savings, and how early repayment works. Changes apply to subsequent applications.</translation>
    </message>
    <message>
        <source>&amp;Produk pinjaman...</source>
        <translation>&amp;Loan products...</translation>
    </message>
    <message>
        <source>&amp;Templat surat perjanjian...</source>
        <translation>Agreement &amp;template...</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loans</translation>
    </message>
    <message>
        <source>Simpan batas kewajaran</source>
        <translation>Save plausibility limits</translation>
    </message>
    <message>
        <source>Batas kewajaran</source>
        <translation>Plausibility limits</translation>
    </message>
    <message>
        <source>UU 25/1992 Pasal 45: hanya SHU dari usaha dengan anggota yang dibagi kepada anggota menurut jasa anggota dan jasa modal. SHU dari usaha dengan non-anggota tidak dibagikan kepada anggota.</source>
        <translation>Law 25/1992 art. 45: only the SHU from business with members is shared with members, by patronage and capital. The SHU from business with non-members is not shared with members.</translation>
    </message>
    <message>
        <source>Cadangan umum (3.20)</source>
        <translation>General reserve (3.20)</translation>
    </message>
    <message>
        <source>Cadangan risiko (3.21)</source>
        <translation>Risk reserve (3.21)</translation>
    </message>
    <message>
        <source>Dana pendidikan (2.24)</source>
        <translation>Education fund (2.24)</translation>
    </message>
    <message>
        <source>Dana sosial (2.20)</source>
        <translation>Social fund (2.20)</translation>
    </message>
    <message>
        <source>SHU usaha dengan &amp;non-anggota ke</source>
        <translation>SHU from &amp;non-member business to</translation>
    </message>
    <message>
        <source>Ditutup dari cadangan umum</source>
        <translation>Covered from the general reserve</translation>
    </message>
    <message>
        <source>Dibawa ke tahun berikutnya (rugi tahun lalu, 3.91)</source>
        <translation>Carried forward (prior years&apos; loss, 3.91)</translation>
    </message>
    <message>
        <source>Usul penutupan &amp;rugi</source>
        <translation>Proposed &amp;loss coverage</translation>
    </message>
    <message>
        <source>Simpan aturan SHU</source>
        <translation>Save SHU rules</translation>
    </message>
    <message>
        <source>SHU</source>
        <translation>SHU</translation>
    </message>
    <message>
        <source>Bahasa / Language</source>
        <translation>Language / Bahasa</translation>
    </message>
    <message>
        <source>Basis data</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Buka basis data lain...</source>
        <translation>Open another database...</translation>
    </message>
    <message>
        <source>Buka folder data</source>
        <translation>Open data folder</translation>
    </message>
    <message>
        <source>Untuk beberapa komputer sekaligus, gunakan server PostgreSQL: buka aplikasi dengan --db postgresql://pengguna@server/koperasi.</source>
        <translation>For several computers at once, use a PostgreSQL server: start the app with --db postgresql://user@server/koperasi.</translation>
    </message>
    <message>
        <source>Bahasa dan basis data</source>
        <translation>Language and database</translation>
    </message>
    <message>
        <source>Tersimpan</source>
        <translation>Saved</translation>
    </message>
    <message>
        <source>Aturan SHU tersimpan.</source>
        <translation>SHU rules saved.</translation>
    </message>
    <message>
        <source>Profil koperasi tersimpan.</source>
        <translation>Cooperative profile saved.</translation>
    </message>
    <message>
        <source>Aturan simpanan tersimpan.</source>
        <translation>Savings rules saved.</translation>
    </message>
    <message>
        <source>Batas kewajaran tersimpan.</source>
        <translation>Plausibility limits saved.</translation>
    </message>
</context>
<context>
    <name>SheetPreviewDialog</name>
    <message>
        <source>Impor lembar pertemuan {code} {date}</source>
        <translation>Import meeting sheet {code} {date}</translation>
    </message>
    <message>
        <source>Baris</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Wajib</source>
        <translation>Mandatory</translation>
    </message>
    <message>
        <source>Sukarela</source>
        <translation>Voluntary</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>&amp;Masalah (tidak ada yang dibukukan):</source>
        <translation>&amp;Problems (nothing was posted):</translation>
    </message>
    <message>
        <source>&amp;Bukukan lembar</source>
        <translation>&amp;Post sheet</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Lembar siap dibukukan: {n} anggota membayar · wajib {w} · sukarela {s} · angsuran {loan} · &lt;b&gt;jumlah {total}&lt;/b&gt;. Periksa lalu tekan Bukukan lembar.</source>
        <translation>Sheet ready to post: {n} members paying · wajib {w} · sukarela {s} · installments {loan} · &lt;b&gt;total {total}&lt;/b&gt;. Check it, then press Post sheet.</translation>
    </message>
    <message>
        <source>Lembar ini tidak dapat dibukukan ({n} masalah). Perbaiki lembar atau ekspor lembar baru.</source>
        <translation>This sheet cannot be posted ({n} problems). Correct the sheet or export a new one.</translation>
    </message>
</context>
<context>
    <name>ShuDistributeDialog</name>
    <message>
        <source>Penutupan rugi {year}</source>
        <translation>Loss coverage {year}</translation>
    </message>
    <message>
        <source>Pembagian SHU {year}</source>
        <translation>SHU distribution {year}</translation>
    </message>
    <message>
        <source>Tahun buku {year} rugi {loss}. Tidak ada SHU yang dibagikan.
Usul pengurus: rugi {proposal}.</source>
        <translation>Financial year {year} made a loss of {loss}. No SHU is distributed.
The board proposes that the loss be {proposal}.</translation>
    </message>
    <message>
        <source>Tidak ada yang dibukukan sekarang: rugi dipindahkan ke akun 3.91 saat tutup buku tahun berikutnya.</source>
        <translation>Nothing is posted now: the loss moves to account 3.91 when the next year is closed.</translation>
    </message>
    <message>
        <source>SHU tahun buku {year}: {surplus}
SHU usaha dengan anggota (dibagi menurut RAT): {members}
SHU usaha dengan non-anggota ke {dest} (tidak dibagi): {non_members}
Dibagikan kepada {count} anggota: {to_members}
Cadangan (termasuk sisa pembulatan): {reserve}</source>
        <translation>SHU of financial year {year}: {surplus}
SHU from business with members (shared as the RAT decides): {members}
SHU from business with non-members to the {dest} (not shared): {non_members}
Shared out to {count} members: {to_members}
Reserve (incl. rounding remainder): {reserve}</translation>
    </message>
    <message>
        <source>Tahun buku belum ditutup; tutup tahun buku lebih dahulu.</source>
        <translation>The financial year is not closed; close it first.</translation>
    </message>
    <message>
        <source>&amp;Tanggal keputusan RAT</source>
        <translation>&amp;Date of the RAT decision</translation>
    </message>
    <message>
        <source>Tutup rugi dari cadangan</source>
        <translation>Cover the loss from the reserve</translation>
    </message>
    <message>
        <source>Bukukan pembagian SHU</source>
        <translation>Post the SHU distribution</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>StandingInstructionDialog</name>
    <message>
        <source>Instruksi tetap baru</source>
        <translation>New standing instruction</translation>
    </message>
    <message>
        <source>Simpanan wajib dari sukarela</source>
        <translation>Mandatory savings from voluntary savings</translation>
    </message>
    <message>
        <source>Angsuran pinjaman dari sukarela</source>
        <translation>Loan installments from voluntary savings</translation>
    </message>
    <message>
        <source>kosong: semua pinjaman aktif</source>
        <translation>empty: every active loan</translation>
    </message>
    <message>
        <source>kosong: sesuai produk</source>
        <translation>empty: the product&apos;s amount</translation>
    </message>
    <message>
        <source>&amp;Nomor anggota</source>
        <translation>&amp;Member number</translation>
    </message>
    <message>
        <source>&amp;Jenis</source>
        <translation>&amp;Type</translation>
    </message>
    <message>
        <source>Nomor &amp;pinjaman</source>
        <translation>&amp;Loan number</translation>
    </message>
    <message>
        <source>Jumlah &amp;wajib</source>
        <translation>Mandatory &amp;amount</translation>
    </message>
    <message>
        <source>&amp;Mulai tanggal</source>
        <translation>&amp;From date</translation>
    </message>
    <message>
        <source>&amp;Keterangan</source>
        <translation>&amp;Description</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>StandingTab</name>
    <message>
        <source>Tanggal &amp;jalan</source>
        <translation>R&amp;un date</translation>
    </message>
    <message>
        <source>Instruksi bar&amp;u...</source>
        <translation>&amp;New instruction...</translation>
    </message>
    <message>
        <source>&amp;Hentikan</source>
        <translation>S&amp;top</translation>
    </message>
    <message>
        <source>Jalan&amp;kan sekarang</source>
        <translation>Run n&amp;ow</translation>
    </message>
    <message>
        <source>&amp;Laporan bulan...</source>
        <translation>Month&apos;s re&amp;port...</translation>
    </message>
    <message>
        <source>No.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Instruksi</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Pinjaman</source>
        <translation>Loan</translation>
    </message>
    <message>
        <source>semua</source>
        <translation>all</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>From</translation>
    </message>
    <message>
        <source>Aktif</source>
        <translation>Active</translation>
    </message>
    <message>
        <source>ya</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>tidak</source>
        <translation>no</translation>
    </message>
    <message>
        <source>Untuk</source>
        <translation>For</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Bukti / alasan</source>
        <translation>Receipt / reason</translation>
    </message>
    <message>
        <source>Instruksi tetap</source>
        <translation>Standing instructions</translation>
    </message>
    <message>
        <source>Hentikan instruksi</source>
        <translation>Stop instruction</translation>
    </message>
    <message>
        <source>Pilih dulu instruksi yang aktif.</source>
        <translation>Select an active instruction first.</translation>
    </message>
    <message>
        <source>Hentikan instruksi {id} anggota {member}?</source>
        <translation>Stop instruction {id} of member {member}?</translation>
    </message>
    <message>
        <source>Menjalankan...</source>
        <translation>Running...</translation>
    </message>
    <message>
        <source>Menjalankan instruksi tetap</source>
        <translation>Running the standing instructions</translation>
    </message>
    <message>
        <source>{posted} instruksi dibukukan ({total}), {skipped} dilewati.</source>
        <translation>{posted} instructions posted ({total}), {skipped} skipped.</translation>
    </message>
    <message>
        <source>Laporan instruksi tetap</source>
        <translation>Standing instructions report</translation>
    </message>
    <message>
        <source>PDF (*.pdf);;Excel (*.xlsx)</source>
        <translation>PDF (*.pdf);;Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Tersimpan: {path}</source>
        <translation>Saved: {path}</translation>
    </message>
</context>
<context>
    <name>StatementImportDialog</name>
    <message>
        <source>Impor rekening koran {code}</source>
        <translation>Import statement {code}</translation>
    </message>
    <message>
        <source>&amp;Pilih...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>&amp;Berkas (CSV atau Excel)</source>
        <translation>&amp;File (CSV or Excel)</translation>
    </message>
    <message>
        <source>Pemetaan tersimpan / dikenali otomatis</source>
        <translation>Saved mapping / recognised automatically</translation>
    </message>
    <message>
        <source>&amp;Tata letak kolom</source>
        <translation>Column &amp;layout</translation>
    </message>
    <message>
        <source>Peri&amp;ksa</source>
        <translation>&amp;Check</translation>
    </message>
    <message>
        <source>&amp;Impor</source>
        <translation>&amp;Import</translation>
    </message>
    <message>
        <source>Tutup</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Rekening koran</source>
        <translation>Bank statement</translation>
    </message>
    <message>
        <source>Rekening koran (*.csv *.xlsx *.txt)</source>
        <translation>Bank statement (*.csv *.xlsx *.txt)</translation>
    </message>
    <message>
        <source>Pilih dulu berkas rekening koran.</source>
        <translation>Choose the statement file first.</translation>
    </message>
    <message>
        <source>Tidak ada yang disimpan. Perbaiki baris berikut:</source>
        <translation>Nothing was saved. Correct these rows:</translation>
    </message>
    <message>
        <source>{n} baris baru siap diimpor; {d} baris sudah pernah diimpor.</source>
        <translation>{n} new lines ready to import; {d} lines were imported before.</translation>
    </message>
    <message>
        <source>{n} baris baru diimpor; {d} baris duplikat dilewati.</source>
        <translation>{n} new lines imported; {d} duplicate lines skipped.</translation>
    </message>
</context>
<context>
    <name>TimeDepositsTab</name>
    <message>
        <source>Termasuk yang sudah &amp;dicairkan</source>
        <translation>Include &amp;paid-out deposits</translation>
    </message>
    <message>
        <source>Te&amp;mpatkan...</source>
        <translation>Pla&amp;ce...</translation>
    </message>
    <message>
        <source>Cair&amp;kan...</source>
        <translation>Pay &amp;out...</translation>
    </message>
    <message>
        <source>Batalkan pe&amp;nempatan...</source>
        <translation>Ca&amp;ncel placement...</translation>
    </message>
    <message>
        <source>&amp;Instruksi...</source>
        <translation>&amp;Instruction...</translation>
    </message>
    <message>
        <source>Bil&amp;yet...</source>
        <translation>Certi&amp;ficate...</translation>
    </message>
    <message>
        <source>Daftar &amp;jatuh tempo</source>
        <translation>&amp;Maturity list</translation>
    </message>
    <message>
        <source>&amp;Produk...</source>
        <translation>Pro&amp;ducts...</translation>
    </message>
    <message>
        <source>Nomor bilyet</source>
        <translation>Certificate no.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Nama</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Nominal</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Bunga % p.a.</source>
        <translation>Rate % p.a.</translation>
    </message>
    <message>
        <source>Mulai</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Maturity</translation>
    </message>
    <message>
        <source>Bunga dicadangkan</source>
        <translation>Interest accrued</translation>
    </message>
    <message>
        <source>Instruksi</source>
        <translation>Instruction</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Simpanan berjangka</source>
        <translation>Time deposits</translation>
    </message>
    <message>
        <source>{n} bilyet aktif · nominal {amount} · bunga dicadangkan {accrued}</source>
        <translation>{n} active deposits · amount {amount} · interest accrued {accrued}</translation>
    </message>
    <message>
        <source>Pilih dulu simpanan berjangka yang masih aktif.</source>
        <translation>Select an active time deposit first.</translation>
    </message>
    <message>
        <source>Cairkan simpanan berjangka</source>
        <translation>Pay out a time deposit</translation>
    </message>
    <message>
        <source>Batalkan penempatan</source>
        <translation>Cancel placement</translation>
    </message>
    <message>
        <source>Instruksi jatuh tempo</source>
        <translation>Maturity instruction</translation>
    </message>
    <message>
        <source>Bilyet</source>
        <translation>Certificate</translation>
    </message>
    <message>
        <source>Pilih dulu simpanan berjangka.</source>
        <translation>Select a time deposit first.</translation>
    </message>
    <message>
        <source>Simpan bilyet</source>
        <translation>Save certificate</translation>
    </message>
    <message>
        <source>PDF (*.pdf)</source>
        <translation>PDF (*.pdf)</translation>
    </message>
</context>
<context>
    <name>TrustFeatures</name>
    <message>
        <source>Kunci di PC ini berbeda</source>
        <translation>This PC has a different key</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Jejak Audit</source>
        <translation>Audit Trail</translation>
    </message>
    <message>
        <source>Cadangan</source>
        <translation>Backup</translation>
    </message>
    <message>
        <source>&amp;Cadangkan sekarang...</source>
        <translation>&amp;Back up now...</translation>
    </message>
    <message>
        <source>&amp;Pulihkan dari cadangan...</source>
        <translation>&amp;Restore from backup...</translation>
    </message>
    <message>
        <source>&amp;Ganti kata sandi...</source>
        <translation>&amp;Change password...</translation>
    </message>
    <message>
        <source>&amp;Kelola pengguna...</source>
        <translation>&amp;Manage users...</translation>
    </message>
    <message>
        <source>&amp;Jejak audit</source>
        <translation>&amp;Audit trail</translation>
    </message>
    <message>
        <source>&amp;Pengguna</source>
        <translation>&amp;Users</translation>
    </message>
</context>
<context>
    <name>UserDialog</name>
    <message>
        <source>Tambah pengguna</source>
        <translation>Add user</translation>
    </message>
    <message>
        <source>Buat administrator pertama</source>
        <translation>Create the first administrator</translation>
    </message>
    <message>
        <source>Ubah peran pengguna</source>
        <translation>Change user role</translation>
    </message>
    <message>
        <source>Simpan</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Setelah akun administrator dibuat, setiap orang masuk dengan nama pengguna dan kata sandinya sendiri. Simpan kata sandi ini baik-baik.</source>
        <translation>Once the administrator account is created, everyone logs in with their own user name and password. Keep this password safe.</translation>
    </message>
</context>
<context>
    <name>UserForm</name>
    <message>
        <source>Pengguna</source>
        <translation>User</translation>
    </message>
    <message>
        <source>&amp;Nama pengguna</source>
        <translation>&amp;User name</translation>
    </message>
    <message>
        <source>Huruf, angka, titik, garis bawah atau tanda hubung; tanpa spasi</source>
        <translation>Letters, digits, dots, underscores or hyphens; no spaces</translation>
    </message>
    <message>
        <source>Nama &amp;lengkap</source>
        <translation>&amp;Full name</translation>
    </message>
    <message>
        <source>&amp;Peran</source>
        <translation>&amp;Role</translation>
    </message>
    <message>
        <source>&amp;Kelompok</source>
        <translation>&amp;Group</translation>
    </message>
    <message>
        <source>Kelompok yang boleh dilihat ketua kelompok</source>
        <translation>Group the group leader may view</translation>
    </message>
    <message>
        <source>&amp;Kata sandi</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Paling sedikit 8 karakter</source>
        <translation>At least 8 characters</translation>
    </message>
    <message>
        <source>&amp;Ulangi kata sandi</source>
        <translation>&amp;Repeat password</translation>
    </message>
</context>
<context>
    <name>UsersPanel</name>
    <message>
        <source>Belum ada akun pengguna: aplikasi dibuka tanpa kata sandi sebagai administrator setempat. Buat akun administrator agar setiap orang masuk dengan nama dan kata sandinya sendiri, dan agar jejak audit mencatat siapa yang bekerja.</source>
        <translation>No user accounts yet: the app opens without a password as the local administrator. Create an administrator account so that everyone logs in with their own name and password, and so that the audit trail records who did the work.</translation>
    </message>
    <message>
        <source>Nama pengguna</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Nama lengkap</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Peran</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kelompok</source>
        <translation>Group</translation>
    </message>
    <message>
        <source>Dibuat</source>
        <translation>Created</translation>
    </message>
    <message>
        <source>Buat &amp;administrator...</source>
        <translation>Create &amp;administrator...</translation>
    </message>
    <message>
        <source>&amp;Tambah pengguna...</source>
        <translation>&amp;Add user...</translation>
    </message>
    <message>
        <source>Ubah &amp;peran...</source>
        <translation>Change &amp;role...</translation>
    </message>
    <message>
        <source>Atur ulang &amp;kata sandi...</source>
        <translation>Reset &amp;password...</translation>
    </message>
    <message>
        <source>&amp;Nonaktifkan</source>
        <translation>&amp;Deactivate</translation>
    </message>
    <message>
        <source>Aktifkan / &amp;buka kunci</source>
        <translation>Activate / &amp;unlock</translation>
    </message>
    <message>
        <source>nonaktif</source>
        <translation>inactive</translation>
    </message>
    <message>
        <source>terkunci sampai {time}</source>
        <translation>locked until {time}</translation>
    </message>
    <message>
        <source>aktif</source>
        <translation>active</translation>
    </message>
    <message>
        <source>Pengguna</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Administrator dibuat</source>
        <translation>Administrator created</translation>
    </message>
    <message>
        <source>Akun {user} dibuat; Anda sekarang bekerja sebagai {user}. Mulai saat ini aplikasi meminta nama pengguna dan kata sandi ketika dibuka.</source>
        <translation>Account {user} created; you are now working as {user}. From now on the app asks for a user name and password when it opens.</translation>
    </message>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Kata sandi {user} sudah diganti.</source>
        <translation>Password for {user} has been changed.</translation>
    </message>
    <message>
        <source>Nonaktifkan pengguna</source>
        <translation>Deactivate user</translation>
    </message>
    <message>
        <source>Nonaktifkan {user}? Ia tidak dapat masuk lagi sampai diaktifkan.</source>
        <translation>Deactivate {user}? They cannot log in again until reactivated.</translation>
    </message>
    <message>
        <source>Nonaktifkan</source>
        <translation>Deactivate</translation>
    </message>
</context>
<context>
    <name>VoucherWindow</name>
    <message>
        <source>Bukti {no}</source>
        <translation>Voucher {no}</translation>
    </message>
    <message>
        <source>No. jurnal</source>
        <translation>Entry no.</translation>
    </message>
</context>
<context>
    <name>WelcomeDialog</name>
    <message>
        <source>Selamat datang</source>
        <translation>Welcome</translation>
    </message>
    <message>
        <source>Selamat datang di Koperasi</source>
        <translation>Welcome to Koperasi</translation>
    </message>
    <message>
        <source>Aplikasi simpan pinjam untuk koperasi: anggota dan kelompok, simpanan, pinjaman, kas dan laporan RAT. Mulailah dengan membuat koperasi Anda, membuka basis data yang sudah ada, atau mencoba data demo.</source>
        <translation>A savings and loan app for cooperatives: members and groups, savings, loans, cash and annual meeting reports. Start by creating your cooperative, opening an existing database, or trying the demo data.</translation>
    </message>
    <message>
        <source>&amp;Buat koperasi baru...</source>
        <translation>&amp;Create a new cooperative...</translation>
    </message>
    <message>
        <source>B&amp;uka basis data...</source>
        <translation>&amp;Open a database...</translation>
    </message>
    <message>
        <source>Coba dengan data &amp;demo</source>
        <translation>Try with &amp;demo data</translation>
    </message>
    <message>
        <source>Basis data yang pernah dibuka:</source>
        <translation>Recently opened databases:</translation>
    </message>
    <message>
        <source>&amp;Bahasa / Language:</source>
        <translation>&amp;Language / Bahasa:</translation>
    </message>
    <message>
        <source>Bahasa Indonesia</source>
        <translation>Bahasa Indonesia</translation>
    </message>
    <message>
        <source>English</source>
        <translation>English</translation>
    </message>
</context>
<context>
    <name>WithdrawDepositDialog</name>
    <message>
        <source>Cairkan {number}</source>
        <translation>Pay out {number}</translation>
    </message>
    <message>
        <source>jatuh tempo {date}</source>
        <translation>matures {date}</translation>
    </message>
    <message>
        <source>Tunai (kas)</source>
        <translation>Cash</translation>
    </message>
    <message>
        <source>Ke simpanan sukarela</source>
        <translation>To voluntary savings</translation>
    </message>
    <message>
        <source>&amp;Tanggal</source>
        <translation>&amp;Date</translation>
    </message>
    <message>
        <source>&amp;Dicairkan ke</source>
        <translation>&amp;Paid out to</translation>
    </message>
    <message>
        <source>&amp;Alasan</source>
        <translation>&amp;Reason</translation>
    </message>
    <message>
        <source>Cairkan</source>
        <translation>Disburse</translation>
    </message>
    <message>
        <source>&lt;b&gt;Sebelum jatuh tempo&lt;/b&gt;: penalti {penalty}, bunga berjalan {forfeited} hangus. Dibayarkan &lt;b&gt;{paid}&lt;/b&gt;.</source>
        <translation>&lt;b&gt;Before maturity&lt;/b&gt;: penalty {penalty}, accrued interest {forfeited} forfeited. Paid out &lt;b&gt;{paid}&lt;/b&gt;.</translation>
    </message>
    <message>
        <source>Jatuh tempo: pokok {principal} + bunga {interest} − PPh {tax}. Dibayarkan &lt;b&gt;{paid}&lt;/b&gt;.</source>
        <translation>At maturity: principal {principal} + interest {interest} − tax {tax}. Paid out &lt;b&gt;{paid}&lt;/b&gt;.</translation>
    </message>
</context>
<context>
    <name>WriteOffDialog</name>
    <message>
        <source>Hapus buku pinjaman</source>
        <translation>Loan write-off</translation>
    </message>
    <message>
        <source>mis. anggota pindah tanpa alamat; keputusan rapat pengurus 20/11</source>
        <translation>e.g. member moved away, address unknown; board meeting decision of 20/11</translation>
    </message>
    <message>
        <source>Tanggal hapus buku</source>
        <translation>Write-off date</translation>
    </message>
    <message>
        <source>Alasan</source>
        <translation>Reason</translation>
    </message>
    <message>
        <source>Hapus buku</source>
        <translation>Write off</translation>
    </message>
    <message>
        <source>Tanggal hapus buku tidak boleh sebelum {date}.</source>
        <translation>The write-off date cannot be before {date}.</translation>
    </message>
    <message>
        <source>Sisa pokok yang dihapus buku: &lt;b&gt;{amount}&lt;/b&gt;</source>
        <translation>Principal outstanding written off: &lt;b&gt;{amount}&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Cadangan (PPAP) yang sudah dibentuk untuk pinjaman ini: {ppap}</source>
        <translation>Loan-loss allowance (PPAP) already set aside for this loan: {ppap}</translation>
    </message>
    <message>
        <source>Kolektibilitas: {cls}</source>
        <translation>Loan quality class: {cls}</translation>
    </message>
    <message>
        <source> · menunggak sejak {date}</source>
        <translation> · in arrears since {date}</translation>
    </message>
    <message>
        <source>Perhatian: pinjaman ini belum berkolektibilitas Macet; biasanya hanya pinjaman macet yang dihapus buku.</source>
        <translation>Caution: this loan is not yet in the Loss class; normally only Loss loans are written off.</translation>
    </message>
    <message>
        <source>{amount} ditutup dari cadangan: debit 1.29 Penyisihan Penghapusan Pinjaman.</source>
        <translation>{amount} covered by the allowance: debit 1.29 Loan loss allowance.</translation>
    </message>
    <message>
        <source>{amount} belum dicadangkan, dibebankan sekarang: debit 5.40 Beban Penyisihan Pinjaman.</source>
        <translation>{amount} not yet provided for, expensed now: debit 5.40 Loan loss provision expense.</translation>
    </message>
    <message>
        <source>Kredit 1.20 Pinjaman Anggota {amount}: pinjaman keluar dari neraca.</source>
        <translation>Credit 1.20 Loans to members {amount}: the loan leaves the balance sheet.</translation>
    </message>
    <message>
        <source>Cadangan lebih {amount} dikembalikan: debit 1.29, kredit 5.40.</source>
        <translation>Excess allowance of {amount} released: debit 1.29, credit 5.40.</translation>
    </message>
    <message>
        <source>Jurnal yang dibukukan</source>
        <translation>Journal entry to be posted</translation>
    </message>
    <message>
        <source>Bunga tertunggak {amount} belum pernah dicatat sebagai pendapatan (basis kas), jadi tidak ikut dijurnal.</source>
        <translation>Overdue interest of {amount} was never recorded as income (cash basis), so it is not part of the entry.</translation>
    </message>
    <message>
        <source>Kas tidak berubah. Tagihan kepada anggota tetap dicatat; uang yang kelak diterima dibukukan sebagai Pendapatan Lain (4.90).</source>
        <translation>Cash does not change. The claim on the member stays on record; money received later is posted as Other income (4.90).</translation>
    </message>
    <message>
        <source>Hapus buku pinjaman {loan} ({member}) sebesar {amount} per {date}?&lt;br&gt;Pinjaman tidak lagi aktif dan langkah ini tidak dapat dibalik.</source>
        <translation>Write off loan {loan} ({member}) for {amount} as of {date}?&lt;br&gt;The loan will no longer be active, and this step cannot be undone.</translation>
    </message>
    <message>
        <source>Permintaan hapus buku no. {id} dicatat; pinjaman dihapus buku setelah disetujui pengguna lain (Pinjaman &gt; Menunggu persetujuan).</source>
        <translation>Write-off request no. {id} recorded; the loan is written off once another user approves it (Loans &gt; Waiting for approval).</translation>
    </message>
    <message>
        <source>Pinjaman {loan} dihapus buku: {amount}.</source>
        <translation>Loan {loan} written off: {amount}.</translation>
    </message>
</context>
<context>
    <name>_CheckPage</name>
    <message>
        <source>Pemeriksaan dan pratinjau</source>
        <translation>Check and preview</translation>
    </message>
    <message>
        <source>Setiap baris sudah diperiksa dan dicoba tanpa disimpan. Baris yang salah ditandai merah beserta kolom dan masalahnya.</source>
        <translation>Every row has been checked and tried without saving. Rows with errors are marked red, with the column and the problem.</translation>
    </message>
    <message>
        <source>Izinkan buku kerja &amp;tanpa tanda tangan (keasliannya tidak terjamin)</source>
        <translation>Allow a workbook &amp;without a signature (it may not be genuine)</translation>
    </message>
    <message>
        <source>Hanya baris yang &amp;salah</source>
        <translation>Only rows with &amp;errors</translation>
    </message>
    <message>
        <source>&amp;Periksa ulang</source>
        <translation>&amp;Check again</translation>
    </message>
    <message>
        <source>Simpan &amp;laporan kesalahan...</source>
        <translation>Save error &amp;report...</translation>
    </message>
    <message>
        <source>Bila ada baris yang salah</source>
        <translation>If some rows have errors</translation>
    </message>
    <message>
        <source>&amp;Semua atau tidak sama sekali: perbaiki berkas dulu, tidak ada yang disimpan</source>
        <translation>&amp;All or nothing: fix the file first, nothing is saved</translation>
    </message>
    <message>
        <source>&amp;Hanya baris yang valid: simpan baris yang benar, lewati yang salah</source>
        <translation>&amp;Only valid rows: save the correct rows, skip the rows with errors</translation>
    </message>
    <message>
        <source>Baris {n}: {errors}</source>
        <translation>Row {n}: {errors}</translation>
    </message>
    <message>
        <source>Memeriksa {name}...</source>
        <translation>Checking {name}...</translation>
    </message>
    <message>
        <source>Pemeriksaan dibatalkan. Tekan Periksa ulang untuk memeriksa lagi.</source>
        <translation>Check cancelled. Press Check again to check once more.</translation>
    </message>
    <message>
        <source>Memeriksa berkas {name}...</source>
        <translation>Checking the file {name}...</translation>
    </message>
    <message>
        <source>Berkas tidak dapat diperiksa.</source>
        <translation>The file cannot be checked.</translation>
    </message>
    <message>
        <source>Berkas ini tidak dapat diimpor; tidak ada yang akan disimpan.</source>
        <translation>This file cannot be imported; nothing will be saved.</translation>
    </message>
    <message>
        <source>Lembar {sheet}: {total} baris, {valid} benar, {bad} salah.</source>
        <translation>Sheet {sheet}: {total} rows, {valid} correct, {bad} with errors.</translation>
    </message>
    <message>
        <source>Pratinjau menampilkan {errors} baris salah dan {valid} baris benar pertama.</source>
        <translation>The preview shows {errors} rows with errors and the first {valid} correct rows.</translation>
    </message>
    <message>
        <source>Perbaiki berkas lalu periksa ulang, atau pilih &apos;Hanya baris yang valid&apos;.</source>
        <translation>Fix the file and check again, or choose &apos;Only valid rows&apos;.</translation>
    </message>
    <message>
        <source>Semua baris benar. Tekan Impor untuk menyimpan.</source>
        <translation>All rows are correct. Press Import to save.</translation>
    </message>
    <message>
        <source>Impor dibatalkan; tidak ada yang disimpan.</source>
        <translation>Import cancelled; nothing was saved.</translation>
    </message>
    <message>
        <source>Mengimpor {name}...</source>
        <translation>Importing {name}...</translation>
    </message>
</context>
<context>
    <name>_ConfirmPage</name>
    <message>
        <source>Periksa lalu ajukan</source>
        <translation>Check and submit</translation>
    </message>
    <message>
        <source>Pengajuan disimpan dengan status Diajukan. Pengurus menyetujui, lalu bendahara mencairkan.</source>
        <translation>The application is saved with the status Submitted. The board approves it, then the treasurer disburses it.</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>Produk</source>
        <translation>Product</translation>
    </message>
    <message>
        <source>Jumlah</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Jangka waktu</source>
        <translation>Term</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Total bunga</source>
        <translation>Total interest</translation>
    </message>
    <message>
        <source>Tujuan</source>
        <translation>Purpose</translation>
    </message>
    <message>
        <source>Penjamin</source>
        <translation>Guarantor</translation>
    </message>
    <message>
        <source>Agunan</source>
        <translation>Collateral</translation>
    </message>
    <message>
        <source>Rincian agunan</source>
        <translation>Collateral details</translation>
    </message>
    <message>
        <source>Anggota penjamin</source>
        <translation>Guarantor member</translation>
    </message>
    <message>
        <source>Tanggal pengajuan</source>
        <translation>Application date</translation>
    </message>
</context>
<context>
    <name>_LoanProductPage</name>
    <message>
        <source>Produk pinjaman pertama</source>
        <translation>First loan product</translation>
    </message>
    <message>
        <source>Ketentuan pinjaman yang paling sering dipakai. Produk lain dapat ditambah nanti di halaman Pinjaman.</source>
        <translation>The loan terms used most often. Other products can be added later on the Loans page.</translation>
    </message>
    <message>
        <source>&amp;Buat produk pinjaman sekarang</source>
        <translation>&amp;Create a loan product now</translation>
    </message>
    <message>
        <source>Pinjaman Umum</source>
        <translation>General Loan</translation>
    </message>
    <message>
        <source>&amp;Nama produk</source>
        <translation>&amp;Product name</translation>
    </message>
    <message>
        <source>&amp;Metode bunga</source>
        <translation>Interest &amp;method</translation>
    </message>
    <message>
        <source>&amp;Bunga per bulan (%)</source>
        <translation>&amp;Interest per month (%)</translation>
    </message>
    <message>
        <source>Pinjaman &amp;maksimum (Rp)</source>
        <translation>Ma&amp;ximum loan (Rp)</translation>
    </message>
    <message>
        <source>&amp;Jangka maksimum (kali angsuran)</source>
        <translation>Maximum &amp;term (number of installments)</translation>
    </message>
    <message>
        <source>&amp;Angsuran tiap</source>
        <translation>Installment &amp;every</translation>
    </message>
</context>
<context>
    <name>_LocationPage</name>
    <message>
        <source>Tempat menyimpan data</source>
        <translation>Where to keep the data</translation>
    </message>
    <message>
        <source>Satu berkas di komputer ini (disarankan untuk satu PC), atau alamat server PostgreSQL untuk beberapa PC (postgresql://pengguna@server/koperasi).</source>
        <translation>One file on this computer (recommended for a single PC), or the address of a PostgreSQL server for several PCs (postgresql://user@server/koperasi).</translation>
    </message>
    <message>
        <source>Pilih...</source>
        <translation>Browse...</translation>
    </message>
    <message>
        <source>Simpan basis data sebagai</source>
        <translation>Save the database as</translation>
    </message>
    <message>
        <source>Basis data Koperasi (*.db)</source>
        <translation>Koperasi database (*.db)</translation>
    </message>
    <message>
        <source>Berkas ini sudah ada. Pilih nama lain, atau buka berkas itu dari layar awal.</source>
        <translation>This file already exists. Choose another name, or open that file from the welcome screen.</translation>
    </message>
</context>
<context>
    <name>_MemberPage</name>
    <message>
        <source>Anggota dan produk</source>
        <translation>Member and product</translation>
    </message>
    <message>
        <source>Siapa yang meminjam, dengan produk pinjaman apa.</source>
        <translation>Who is borrowing, and with which loan product.</translation>
    </message>
    <message>
        <source>mis. A00012</source>
        <translation>e.g. A00012</translation>
    </message>
    <message>
        <source>Nomor &amp;anggota</source>
        <translation>&amp;Member number</translation>
    </message>
    <message>
        <source>Anggota</source>
        <translation>Member</translation>
    </message>
    <message>
        <source>&amp;Produk pinjaman</source>
        <translation>Loan &amp;product</translation>
    </message>
    <message>
        <source>Ketentuan</source>
        <translation>Terms</translation>
    </message>
    <message>
        <source>Batas pinjaman</source>
        <translation>Loan limit</translation>
    </message>
    <message>
        <source> · kelompok {g}</source>
        <translation> · group {g}</translation>
    </message>
    <message>
        <source>paling banyak {limit} (simpanan {savings})</source>
        <translation>at most {limit} (savings {savings})</translation>
    </message>
    <message>
        <source>tanpa batas simpanan (simpanan {savings})</source>
        <translation>no savings-based limit (savings {savings})</translation>
    </message>
    <message>
        <source>Masih ada pinjaman {loan} yang belum lunas.</source>
        <translation>Loan {loan} is not paid off yet.</translation>
    </message>
</context>
<context>
    <name>_ProfilePage</name>
    <message>
        <source>Identitas koperasi</source>
        <translation>Cooperative identity</translation>
    </message>
    <message>
        <source>Tercetak di setiap kuitansi dan laporan. Dapat diubah kemudian di Pengaturan.</source>
        <translation>Printed on every receipt and report. Can be changed later in Settings.</translation>
    </message>
</context>
<context>
    <name>_ResultPage</name>
    <message>
        <source>Hasil impor</source>
        <translation>Import result</translation>
    </message>
    <message>
        <source>Baris dalam berkas:</source>
        <translation>Rows in the file:</translation>
    </message>
    <message>
        <source>Disimpan:</source>
        <translation>Saved:</translation>
    </message>
    <message>
        <source>Dilewati (salah):</source>
        <translation>Skipped (errors):</translation>
    </message>
    <message>
        <source>Simpan &amp;laporan kesalahan...</source>
        <translation>Save error &amp;report...</translation>
    </message>
    <message>
        <source>Impor selesai: {n} baris disimpan dalam satu transaksi.</source>
        <translation>Import finished: {n} rows saved in a single transaction.</translation>
    </message>
    <message>
        <source>Impor tidak dilakukan; tidak ada yang disimpan.</source>
        <translation>Import not carried out; nothing was saved.</translation>
    </message>
</context>
<context>
    <name>_RulesPage</name>
    <message>
        <source>Simpanan anggota</source>
        <translation>Members&apos; savings</translation>
    </message>
    <message>
        <source>Jumlah simpanan pokok dan wajib menurut AD/ART koperasi.</source>
        <translation>Principal and mandatory savings amounts per the cooperative&apos;s bylaws.</translation>
    </message>
</context>
<context>
    <name>_SourcePage</name>
    <message>
        <source>Jenis data dan berkas</source>
        <translation>Data type and file</translation>
    </message>
    <message>
        <source>Pilih jenis data, isi templat bila perlu, lalu pilih berkas Excel (.xlsx) yang akan diimpor.</source>
        <translation>Choose the data type, fill in the template if needed, then choose the Excel file (.xlsx) to import.</translation>
    </message>
    <message>
        <source>&amp;Jenis data:</source>
        <translation>Data &amp;type:</translation>
    </message>
    <message>
        <source>Simpan &amp;templat...</source>
        <translation>Save te&amp;mplate...</translation>
    </message>
    <message>
        <source>&amp;Berkas:</source>
        <translation>&amp;File:</translation>
    </message>
    <message>
        <source>berkas .xlsx</source>
        <translation>.xlsx file</translation>
    </message>
    <message>
        <source>&amp;Pilih...</source>
        <translation>&amp;Browse...</translation>
    </message>
    <message>
        <source>Pilih berkas untuk diimpor</source>
        <translation>Choose the file to import</translation>
    </message>
    <message>
        <source>Excel (*.xlsx);;Semua berkas (*)</source>
        <translation>Excel (*.xlsx);;All files (*)</translation>
    </message>
    <message>
        <source>Simpan templat impor</source>
        <translation>Save import template</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Templat tersimpan di {path}. Isi lembar pertama (lihat lembar Petunjuk), simpan, lalu pilih berkas itu di bawah.</source>
        <translation>Template saved to {path}. Fill in the first sheet (see the Instructions sheet), save it, then choose that file below.</translation>
    </message>
</context>
<context>
    <name>_TermsPage</name>
    <message>
        <source>Syarat pinjaman dan jadwal angsuran</source>
        <translation>Loan terms and repayment schedule</translation>
    </message>
    <message>
        <source>Jadwal di kanan berubah mengikuti jumlah, jangka waktu dan tanggal.</source>
        <translation>The schedule on the right follows the amount, term and dates.</translation>
    </message>
    <message>
        <source>(tanpa rincian agunan)</source>
        <translation>(no collateral details)</translation>
    </message>
    <message>
        <source>mis. BPKB Honda Beat 2021</source>
        <translation>e.g. BPKB Honda Beat 2021</translation>
    </message>
    <message>
        <source>nomor anggota (boleh kosong)</source>
        <translation>member number (optional)</translation>
    </message>
    <message>
        <source>Jenis agunan</source>
        <translation>Collateral kind</translation>
    </message>
    <message>
        <source>Uraian agunan</source>
        <translation>Collateral description</translation>
    </message>
    <message>
        <source>Nomor dokumen agunan</source>
        <translation>Collateral document no.</translation>
    </message>
    <message>
        <source>Anggota penjamin</source>
        <translation>Guarantor member</translation>
    </message>
    <message>
        <source>Ke</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Jatuh tempo</source>
        <translation>Due date</translation>
    </message>
    <message>
        <source>Pokok</source>
        <translation>Principal</translation>
    </message>
    <message>
        <source>Bunga</source>
        <translation>Interest</translation>
    </message>
    <message>
        <source>Angsuran</source>
        <translation>Installment</translation>
    </message>
    <message>
        <source>Sisa pokok</source>
        <translation>Principal outstanding</translation>
    </message>
    <message>
        <source>Pinjaman ini perlu persetujuan pengurus dan pengawas.</source>
        <translation>This loan needs the approval of both the board and the supervisors.</translation>
    </message>
    <message>
        <source>Jumlah tidak dikenali; tulis mis. 5.000.000 atau Rp 5.000.000.</source>
        <translation>Amount not recognised; write e.g. 5.000.000 or Rp 5.000.000.</translation>
    </message>
    <message>
        <source>Melebihi batas pinjaman anggota ini ({limit}).</source>
        <translation>Exceeds this member&apos;s loan limit ({limit}).</translation>
    </message>
    <message>
        <source>Angsuran pertama &lt;b&gt;{first}&lt;/b&gt; pada {date} · total bunga &lt;b&gt;{interest}&lt;/b&gt; · total dibayar &lt;b&gt;{total}&lt;/b&gt;</source>
        <translation>First installment &lt;b&gt;{first}&lt;/b&gt; on {date} · total interest &lt;b&gt;{interest}&lt;/b&gt; · total paid &lt;b&gt;{total}&lt;/b&gt;</translation>
    </message>
</context>
<context>
    <name>dialog</name>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>dialogs</name>
    <message>
        <source>Ya</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Batal</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Perubahan belum disimpan</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Ada perubahan yang belum disimpan. Tutup dan buang perubahan itu?</source>
        <translation>There are unsaved changes. Close and discard them?</translation>
    </message>
    <message>
        <source>Buang perubahan</source>
        <translation>Discard changes</translation>
    </message>
    <message>
        <source>Kembali ke formulir</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>Jumlah ini benar dan tetap dibukukan?</source>
        <translation>Is this amount right, and should it be posted anyway?</translation>
    </message>
    <message>
        <source>Jumlah tidak biasa</source>
        <translation>Unusual amount</translation>
    </message>
    <message>
        <source>Ya, jumlahnya benar</source>
        <translation>Yes, the amount is right</translation>
    </message>
</context>
<context>
    <name>dlg</name>
    <message>
        <source>Kata sandi</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Kata sandi sudah diganti.</source>
        <translation>Password changed.</translation>
    </message>
</context>
<context>
    <name>meeting</name>
    <message>
        <source>Ekspor lembar pertemuan</source>
        <translation>Export meeting sheet</translation>
    </message>
    <message>
        <source>Excel (*.xlsx)</source>
        <translation>Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Lembar pertemuan {code} tanggal {date} ({n} anggota) disimpan di {path}. Kolom kuning diisi ketua kelompok; impor kembali untuk membukukan.</source>
        <translation>Meeting sheet {code} for {date} ({n} members) saved to {path}. The group leader fills in the yellow columns; import it back to post it.</translation>
    </message>
    <message>
        <source>Impor lembar pertemuan</source>
        <translation>Import meeting sheet</translation>
    </message>
</context>
<context>
    <name>panel</name>
    <message>
        <source>Pengurus dan pengawas</source>
        <translation>Board and supervisors</translation>
    </message>
</context>
<context>
    <name>roles</name>
    <message>
        <source>Administrator</source>
        <translation>Administrator</translation>
    </message>
    <message>
        <source>Bendahara</source>
        <translation>Treasurer</translation>
    </message>
    <message>
        <source>Ketua kelompok</source>
        <translation>Group leader</translation>
    </message>
    <message>
        <source>Pengawas / auditor</source>
        <translation>Supervisor / auditor</translation>
    </message>
</context>
<context>
    <name>trust</name>
    <message>
        <source>Cadangan Koperasi (*.db);;Semua berkas (*)</source>
        <translation>Koperasi backup (*.db);;All files (*)</translation>
    </message>
    <message>
        <source>Ganti kata sandi</source>
        <translation>Change password</translation>
    </message>
    <message>
        <source>Belum ada akun pengguna, jadi belum ada kata sandi. Buat akun administrator di Pengaturan, tab Pengguna.</source>
        <translation>No user accounts yet, so no password yet. Create an administrator account in Settings, on the Users tab.</translation>
    </message>
</context>
</TS>

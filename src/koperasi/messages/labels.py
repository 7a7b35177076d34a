"""The labels of codes (issue 15).

Every code a person reads (a status, a kind of transaction, a category, a rule, an audited
action) is shown through ``label(vocabulary, code, lang)``: papers, screens and the CLI
read the same words. The vocabularies of loans, savings and loan quality live with their
codes in :mod:`koperasi.domain.vocabulary` and are served by reference, not copied. The
labels of a subject's own codes (time deposits, collateral, payroll, messages to members)
live in that subject's module; :mod:`koperasi.messages` assembles them.
"""

from __future__ import annotations

from ..domain import vocabulary as _domain_vocabulary

LABELS: dict[str, dict[str, tuple[str, str]]] = {
    "member_status": _domain_vocabulary.MEMBER_STATUS_LABELS,
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

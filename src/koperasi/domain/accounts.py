"""The accounts of the chart the rules post to, by name: one place for their codes.

The chart itself (names in both languages, types, contra accounts) is seeded from
:mod:`koperasi.db.seed`; these are the codes the services refer to. A cooperative may add
accounts of its own (sub-accounts of the bank, expenses), never renumber these.
"""

from __future__ import annotations

# ---- assets
CASH = "1.01"  # Kas
BANK = "1.02"  # Bank (bank accounts are its sub-accounts 1.02.x)
CASH_AND_BANK = (CASH, BANK)
LOANS = "1.20"  # Pinjaman Anggota
LOAN_ALLOWANCE = "1.29"  # Penyisihan Penghapusan Pinjaman (contra)
FIXED_ASSETS = "1.30"  # Aset Tetap
ACCUMULATED_DEPRECIATION = "1.39"  # Akumulasi Penyusutan (contra)

# ---- liabilities
VOLUNTARY_SAVINGS = "2.10"  # Simpanan Sukarela
TERM_DEPOSITS = "2.11"  # Simpanan Berjangka
TERM_DEPOSIT_INTEREST_ACCRUED = "2.12"  # Bunga Simpanan Berjangka Yang Masih Harus Dibayar
SOCIAL_FUND = "2.20"  # Dana Sosial
SHU_PAYABLE = "2.21"  # Hutang SHU Anggota
TAX_PAYABLE = "2.22"  # Hutang Pajak
BOARD_AND_STAFF_FUND = "2.23"  # Dana Pengurus dan Karyawan
EDUCATION_FUND = "2.24"  # Dana Pendidikan
OTHER_PAYABLES = "2.30"  # Hutang Lain-lain

# ---- equity
PRINCIPAL_SAVINGS = "3.10"  # Simpanan Pokok
MANDATORY_SAVINGS = "3.11"  # Simpanan Wajib
PARTICIPATION_CAPITAL = "3.12"  # Modal Penyertaan
GRANTS = "3.13"  # Hibah
GENERAL_RESERVE = "3.20"  # Cadangan Umum
RISK_RESERVE = "3.21"  # Cadangan Risiko
CURRENT_SHU = "3.90"  # SHU tahun berjalan
PRIOR_SHU = "3.91"  # SHU/rugi tahun lalu belum dibagi

# ---- income
LOAN_INTEREST_INCOME = "4.10"  # Pendapatan Bunga Pinjaman
FEE_INCOME = "4.20"  # Pendapatan Administrasi/Provisi
PENALTY_INCOME = "4.21"  # Pendapatan Denda
TERM_DEPOSIT_PENALTY_INCOME = "4.22"  # Pendapatan Penalti Simpanan Berjangka
OTHER_INCOME = "4.90"  # Pendapatan Lain

# ---- expenses
BOARD_HONORARIA = "5.13"  # Beban Honor Pengurus
BANK_CHARGES = "5.18"  # Beban Administrasi Bank
SAVINGS_INTEREST_EXPENSE = "5.20"  # Beban Bunga Simpanan
TERM_DEPOSIT_INTEREST_EXPENSE = "5.21"  # Beban Bunga Simpanan Berjangka
DEPRECIATION_EXPENSE = "5.30"  # Beban Penyusutan
PROVISION_EXPENSE = "5.40"  # Beban Penyisihan Pinjaman
INCOME_TAX_EXPENSE = "5.50"  # Beban Pajak
DISPOSAL_LOSS = "5.60"  # Kerugian Pelepasan Aset Tetap

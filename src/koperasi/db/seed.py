"""Reference data every cooperative starts with: chart of accounts, savings products,
vulnerability categories and default settings. Idempotent: only missing rows are added."""

from __future__ import annotations

import json

from sqlalchemy import select

from .models import Account, SavingsProduct, Setting, VulnerabilityCategory

# code, name (id), name (en), type, contra, control; business sides in BUSINESS_SIDES
CHART_OF_ACCOUNTS: list[tuple[str, str, str, str, bool, str | None]] = [
    ("1.01", "Kas", "Cash", "asset", False, None),
    ("1.02", "Bank", "Bank", "asset", False, None),
    ("1.20", "Pinjaman Anggota", "Loans to members", "asset", False, "pinjaman"),
    ("1.21", "Piutang Bunga Pinjaman", "Interest receivable", "asset", False, None),
    ("1.29", "Penyisihan Penghapusan Pinjaman", "Loan loss allowance", "asset", True, None),
    ("1.30", "Aset Tetap", "Fixed assets", "asset", False, None),
    ("1.39", "Akumulasi Penyusutan", "Accumulated depreciation", "asset", True, None),
    ("2.10", "Simpanan Sukarela", "Voluntary savings", "liability", False, "sukarela"),
    ("2.11", "Simpanan Berjangka", "Term deposits", "liability", False, "berjangka"),
    ("2.20", "Dana Sosial", "Social fund", "liability", False, None),
    ("2.21", "Hutang SHU Anggota", "SHU payable to members", "liability", False, None),
    ("2.22", "Hutang Pajak", "Tax payable", "liability", False, None),
    ("2.23", "Dana Pengurus dan Karyawan", "Board and staff funds", "liability", False, None),
    ("2.24", "Dana Pendidikan", "Education fund", "liability", False, None),
    ("2.30", "Hutang Lain-lain", "Other payables", "liability", False, None),
    ("3.10", "Simpanan Pokok", "Principal savings", "equity", False, "pokok"),
    ("3.11", "Simpanan Wajib", "Mandatory savings", "equity", False, "wajib"),
    ("3.12", "Modal Penyertaan", "Participation capital", "equity", False, None),
    ("3.13", "Hibah", "Grants", "equity", False, None),
    ("3.20", "Cadangan Umum", "General reserve", "equity", False, None),
    ("3.21", "Cadangan Risiko", "Risk reserve", "equity", False, None),
    ("3.90", "SHU Tahun Berjalan", "Current year surplus", "equity", False, None),
    (
        "3.91",
        "SHU/Rugi Tahun Lalu Belum Dibagi",
        "Prior years' undistributed surplus / accumulated losses",
        "equity",
        False,
        None,
    ),
    ("4.10", "Pendapatan Bunga Pinjaman", "Loan interest income", "income", False, None),
    ("4.20", "Pendapatan Administrasi/Provisi", "Admin and provision fees", "income", False, None),
    ("4.21", "Pendapatan Denda", "Penalty income", "income", False, None),
    ("4.90", "Pendapatan Lain", "Other income", "income", False, None),
    ("5.10", "Beban Operasional", "Operating expenses", "expense", False, None),
    ("5.11", "Beban Listrik, Air dan Telepon", "Utilities", "expense", False, None),
    ("5.12", "Beban Alat Tulis Kantor", "Office supplies", "expense", False, None),
    ("5.13", "Beban Honor Pengurus", "Board honoraria", "expense", False, None),
    ("5.14", "Beban Gaji Karyawan", "Staff salaries", "expense", False, None),
    ("5.15", "Beban Rapat dan RAT", "Meetings and RAT", "expense", False, None),
    ("5.16", "Beban Transportasi", "Transport", "expense", False, None),
    ("5.18", "Beban Administrasi Bank", "Bank charges", "expense", False, None),
    ("5.20", "Beban Bunga Simpanan", "Interest on savings", "expense", False, None),
    ("5.30", "Beban Penyusutan", "Depreciation", "expense", False, None),
    ("5.40", "Beban Penyisihan Pinjaman", "Loan loss provision expense", "expense", False, None),
    ("5.50", "Beban Pajak", "Income tax expense", "expense", False, None),
    (
        "5.60",
        "Kerugian Pelepasan Aset Tetap",
        "Loss on disposal of fixed assets",
        "expense",
        False,
        None,
    ),
    # time deposits (services/time_deposits.py)
    (
        "2.12",
        "Bunga Simpanan Berjangka Yang Masih Harus Dibayar",
        "Accrued interest on term deposits",
        "liability",
        False,
        "berjangka_bunga",
    ),
    (
        "4.22",
        "Pendapatan Penalti Simpanan Berjangka",
        "Term deposit early-withdrawal penalties",
        "income",
        False,
        None,
    ),
    ("5.21", "Beban Bunga Simpanan Berjangka", "Interest on term deposits", "expense", False, None),
]

# income and expense accounts: business with members, with non-members, or shared costs
# (split pro rata by income); see services/statements.py. Not listed: income "member",
# expense "shared" (migration 0008 sets the same on existing databases)
BUSINESS_SIDES: dict[str, str] = {
    "4.90": "non_member",  # jasa giro, bank interest, other income from outside the membership
    "5.20": "member",  # interest on members' savings
    "5.40": "member",  # provisions for loans to members
    "5.60": "non_member",  # loss on selling or scrapping a fixed asset (like its gain, 4.90)
    "5.21": "member",  # interest on members' time deposits
}


def default_side(code: str, type_: str) -> str | None:
    if type_ == "income":
        return BUSINESS_SIDES.get(code, "member")
    if type_ == "expense":
        return BUSINESS_SIDES.get(code, "shared")
    return None


# code, name, kind, fixed amount, min balance, rate p.a., min for interest, ledger account
SAVINGS_PRODUCTS = [
    ("POKOK", "Simpanan Pokok", "pokok", 300_000, 0, "0", 0, "3.10"),
    ("WAJIB", "Simpanan Wajib", "wajib", 50_000, 0, "0", 0, "3.11"),
    ("SUKARELA", "Simpanan Sukarela", "sukarela", 0, 10_000, "3", 100_000, "2.10"),
]

VULNERABILITY_CATEGORIES = [
    ("pkk", "Perempuan kepala keluarga", "Woman head of household"),
    ("disabilitas", "Penyandang disabilitas", "Person with disability"),
    ("lansia", "Lanjut usia", "Elderly"),
    ("pinggiran", "Keluarga pinggiran kota", "Urban-fringe household"),
    ("bansos", "Penerima bantuan sosial", "Social-assistance recipient"),
]

DEFAULT_SETTINGS: dict[str, object] = {
    "profile": {
        "name": "Koperasi Simpan Pinjam",
        "legal_number": "",
        "address": "",
        "city": "Balikpapan",
        "phone": "",
        "logo_path": "",
        "chair": "",
        "secretary": "",
        "treasurer": "",
        "supervisor": "",
    },
    "financial_year_start_month": 1,
    "rounding": "half-up",
    "member_number_pattern": "A{seq:05d}",
    "receipt_pattern": "{series}-{year}-{seq:06d}",
    # UU 25/1992 Pasal 45: the SHU from business with non-members is not shared with
    # members; it goes to (a pot key of services/shu.POT_ACCOUNTS) the general reserve
    "shu_non_member_to": "cadangan",
    # a loss year's proposal to the RAT: covered from the reserve, or carried forward
    "shu_loss_coverage": "cadangan",
}


def ensure_seed(db) -> None:
    with db.session() as s, s.begin():
        have = set(s.scalars(select(Account.code)))
        for code, name, name_en, type_, contra, control in CHART_OF_ACCOUNTS:
            if code not in have:
                parent = "5.10" if code.startswith("5.1") and code != "5.10" else None
                s.add(
                    Account(
                        code=code,
                        name=name,
                        name_en=name_en,
                        type=type_,
                        contra=contra,
                        control=control,
                        parent_code=parent,
                        business_side=default_side(code, type_),
                    )
                )
        have = set(s.scalars(select(SavingsProduct.code)))
        for code, name, kind, fixed, minb, rate, min_int, acct in SAVINGS_PRODUCTS:
            if code not in have:
                s.add(
                    SavingsProduct(
                        code=code,
                        name=name,
                        kind=kind,
                        fixed_amount=fixed,
                        min_balance=minb,
                        interest_rate_pa=rate,
                        min_balance_for_interest=min_int,
                        account_code=acct,
                    )
                )
        have = set(s.scalars(select(VulnerabilityCategory.code)))
        for code, name_id, name_en in VULNERABILITY_CATEGORIES:
            if code not in have:
                s.add(VulnerabilityCategory(code=code, name_id=name_id, name_en=name_en))
        have = set(s.scalars(select(Setting.key)))
        for key, value in DEFAULT_SETTINGS.items():
            if key not in have:
                s.add(Setting(key=key, value=json.dumps(value)))

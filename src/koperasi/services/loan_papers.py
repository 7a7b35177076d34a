"""The loan agreement's template (surat perjanjian pinjaman), editable by the cooperative.

The template is plain text stored in the settings table under ``loan_agreement_template``
as ``{"id": ..., "en": ...}`` (one text per paper language; a missing one falls back to the
built-in text). Placeholders are written ``{nama_anggota}``; :data:`PLACEHOLDERS` lists them
with their meaning. A line that starts with ``# `` is a heading (``# Pasal 1``), paragraphs
are separated by a blank line. :func:`validate_template` refuses an unknown placeholder or a
stray brace, naming it, so a saved template always fills.

:func:`agreement_values` gives every placeholder's value for one loan, in one language;
:func:`fill` puts them in. The reports in :mod:`koperasi.reports.loan_papers` print it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from .loans.views import LoanDetail

import datetime as dt
import re
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Group, Loan, Member
from ..domain.fmt import long_date, terbilang
from ..domain.money import format_rupiah
from ..errors import ValidationError
from ..messages import label
from .auth import Actor, require
from .settings import get_value, profile_in, set_value
from .uow import read_only, unit_of_work

SETTING_KEY = "loan_agreement_template"
LANGS = ("id", "en")

# name -> (Indonesian meaning, English meaning)
PLACEHOLDERS: dict[str, tuple[str, str]] = {
    "nomor_pinjaman": ("Nomor pinjaman", "Loan number"),
    "tanggal": ("Tanggal perjanjian (tanggal cair atau disetujui)", "Date of the agreement"),
    "kota": ("Kota koperasi", "The cooperative's city"),
    "koperasi": ("Nama koperasi", "The cooperative's name"),
    "badan_hukum": ("Nomor badan hukum koperasi", "The cooperative's legal number"),
    "alamat_koperasi": ("Alamat koperasi", "The cooperative's address"),
    "ketua": ("Nama ketua pengurus", "Chair of the board"),
    "sekretaris": ("Nama sekretaris", "Secretary"),
    "bendahara": ("Nama bendahara", "Treasurer"),
    "nama_anggota": ("Nama anggota peminjam", "Borrower's name"),
    "nomor_anggota": ("Nomor anggota", "Member number"),
    "nik": ("NIK anggota", "Member's national ID (NIK)"),
    "alamat_anggota": ("Alamat anggota", "Member's address"),
    "pekerjaan": ("Pekerjaan anggota", "Member's occupation"),
    "kelompok": ("Kelompok anggota", "Member's group"),
    "produk": ("Nama produk pinjaman", "Loan product"),
    "tujuan": ("Tujuan pinjaman", "Purpose of the loan"),
    "jumlah": ("Jumlah pinjaman (angka)", "Loan amount (figures)"),
    "jumlah_terbilang": ("Jumlah pinjaman (terbilang)", "Loan amount (in words)"),
    "bunga": ("Suku bunga dan metodenya", "Interest rate and method"),
    "jangka_waktu": ("Jangka waktu", "Term"),
    "jumlah_angsuran": ("Banyaknya angsuran", "Number of installments"),
    "angsuran": ("Besar angsuran pertama", "First installment"),
    "angsuran_terbilang": ("Angsuran pertama (terbilang)", "First installment (in words)"),
    "jatuh_tempo_pertama": ("Tanggal angsuran pertama", "First due date"),
    "jatuh_tempo_terakhir": ("Tanggal angsuran terakhir", "Last due date"),
    "total_bunga": ("Jumlah bunga seluruhnya", "Total interest"),
    "total_kewajiban": ("Jumlah pokok, bunga dan biaya", "Total to repay"),
    "ringkasan_jadwal": ("Ringkasan jadwal angsuran", "Schedule summary"),
    "biaya": ("Biaya administrasi / provisi", "Fees"),
    "jaminan": ("Jaminan (bila ada)", "Collateral (if any)"),
    "penjamin": ("Penjamin / persetujuan kelompok", "Guarantor / group approval"),
    # issue 17: the collateral and guarantors registered for the loan
    "daftar_jaminan": (
        "Daftar jaminan (jenis, uraian, nomor dokumen, nilai)",
        "Collateral list (kind, description, document, value)",
    ),
    "nilai_jaminan": ("Nilai jaminan seluruhnya", "Total collateral value"),
    "daftar_penjamin": ("Anggota penjamin", "Guarantor members"),
}

_DEFAULT_ID = """Pada hari ini, {tanggal}, di {kota}, yang bertanda tangan di bawah ini:

1. {ketua}, Ketua Pengurus, bertindak untuk dan atas nama {koperasi} ({badan_hukum}), beralamat di {alamat_koperasi}, selanjutnya disebut PIHAK PERTAMA (Koperasi);

2. {nama_anggota}, anggota nomor {nomor_anggota}, NIK {nik}, beralamat di {alamat_anggota}, selanjutnya disebut PIHAK KEDUA (Peminjam).

Kedua belah pihak sepakat mengadakan perjanjian pinjaman dengan ketentuan sebagai berikut.

# Pasal 1 – Jumlah dan tujuan pinjaman
PIHAK PERTAMA memberikan pinjaman {produk} kepada PIHAK KEDUA sebesar {jumlah} ({jumlah_terbilang}) untuk keperluan {tujuan}.

# Pasal 2 – Bunga, jangka waktu dan angsuran
Pinjaman dikenakan bunga {bunga}, dengan jangka waktu {jangka_waktu}. PIHAK KEDUA membayar kembali dalam {jumlah_angsuran} kali angsuran sebesar {angsuran} ({angsuran_terbilang}): {ringkasan_jadwal}. Jumlah bunga seluruhnya {total_bunga}; jumlah yang wajib dibayar kembali {total_kewajiban}. Jadwal angsuran terlampir dan menjadi bagian yang tidak terpisahkan dari perjanjian ini.

# Pasal 3 – Biaya dan jaminan
Biaya administrasi: {biaya}. Jaminan: {jaminan}. Penjamin: {penjamin}.

# Pasal 4 – Keterlambatan dan pelunasan
Angsuran yang terlambat dikenakan denda sesuai ketentuan produk pinjaman yang berlaku. PIHAK KEDUA dapat melunasi pinjaman sebelum jatuh tempo. Perselisihan diselesaikan secara musyawarah untuk mufakat.

Perjanjian ini dibuat rangkap dua, bermeterai cukup, dan masing-masing pihak menerima satu salinan."""

_DEFAULT_EN = """On this day, {tanggal}, in {kota}, the undersigned:

1. {ketua}, Chair of the Board, acting for and on behalf of {koperasi} ({badan_hukum}), of {alamat_koperasi}, hereinafter the FIRST PARTY (the Cooperative);

2. {nama_anggota}, member number {nomor_anggota}, NIK {nik}, of {alamat_anggota}, hereinafter the SECOND PARTY (the Borrower).

Both parties agree to this loan agreement on the following terms.

# Article 1 – Amount and purpose
The FIRST PARTY lends the SECOND PARTY, under the product {produk}, the sum of {jumlah} ({jumlah_terbilang}) for {tujuan}.

# Article 2 – Interest, term and installments
The loan bears interest at {bunga}, for a term of {jangka_waktu}. The SECOND PARTY repays it in {jumlah_angsuran} installments of {angsuran} ({angsuran_terbilang}): {ringkasan_jadwal}. Total interest {total_bunga}; total to repay {total_kewajiban}. The attached repayment schedule is part of this agreement.

# Article 3 – Fees and collateral
Administration fee: {biaya}. Collateral: {jaminan}. Guarantor: {penjamin}.

# Article 4 – Late payment and early repayment
Late installments bear the penalty set by the loan product's rules. The SECOND PARTY may repay the loan early. Disputes are settled by deliberation and agreement.

This agreement is made in two copies, with sufficient duty stamp; each party keeps one."""

DEFAULT_TEMPLATE = {"id": _DEFAULT_ID, "en": _DEFAULT_EN}

_BRACES = re.compile(r"\{([^{}]*)\}")


def placeholders_in(text: str) -> list[str]:
    return _BRACES.findall(text)


def validate_template(text: str) -> None:
    """Refuse an empty template, an unknown placeholder or a stray brace (naming it)."""
    if not text.strip():
        raise ValidationError("agreement_template", "required")
    for name in placeholders_in(text):
        if name not in PLACEHOLDERS:
            raise ValidationError(
                "agreement_template",
                "unknown_placeholder",
                value="{" + name + "}",
                known=", ".join("{" + k + "}" for k in PLACEHOLDERS),
            )
    rest = _BRACES.sub("", text)
    if "{" in rest or "}" in rest:
        line = next(
            i
            for i, ln in enumerate(text.splitlines(), 1)
            if "{" in _BRACES.sub("", ln) or "}" in _BRACES.sub("", ln)
        )
        raise ValidationError("agreement_template", "stray_brace", line=line)


def template_in(session: Session) -> dict[str, str]:
    stored = get_value(session, SETTING_KEY, {}) or {}
    return {lang: stored.get(lang) or DEFAULT_TEMPLATE[lang] for lang in LANGS}


def get_template(db: Database) -> dict[str, str]:
    with read_only(db) as s:
        return template_in(s)


def save_template(db: Database, actor: Actor, texts: dict[str, str]) -> dict[str, str]:
    """Store the template (both languages); an empty text means the built-in one."""
    require(actor, "settings.write")
    out: dict[str, str] = {}
    for lang in LANGS:
        text = (texts.get(lang) or "").strip()
        if text:
            validate_template(text)
            out[lang] = text
    with unit_of_work(db) as s:
        set_value(s, actor, SETTING_KEY, out)
    return {lang: out.get(lang) or DEFAULT_TEMPLATE[lang] for lang in LANGS}


def fill(text: str, values: dict[str, str]) -> str:
    return _BRACES.sub(lambda m: values.get(m.group(1), m.group(0)), text)


def paragraphs(text: str) -> list[tuple[str, str]]:
    """``[(kind, text)]``: kind ``heading`` (a ``# `` line) or ``para`` (blank-line separated)."""
    out: list[tuple[str, str]] = []
    buf: list[str] = []

    def flush() -> None:
        if buf:
            out.append(("para", " ".join(s.strip() for s in buf)))
            buf.clear()

    for line in text.splitlines():
        if not line.strip():
            flush()
        elif line.startswith("# "):
            flush()
            out.append(("heading", line[2:].strip()))
        else:
            buf.append(line)
    flush()
    return out


# ------------------------------------------------------------------ values of one loan


@dataclass(frozen=True)
class LoanFacts:
    """What the papers print about a loan (language-neutral)."""

    loan: Loan
    member: Member
    group_name: str
    detail: object  # services.loans.LoanDetail


def _percent(value: Decimal, lang: str) -> str:
    """``1,5%`` (English ``1.5%``): no trailing zeros, at most four places."""
    q = value.quantize(Decimal("0.0001")).normalize()
    places = max(0, -q.as_tuple().exponent)  # type: ignore[operator]
    s = f"{q:,.{places}f}"
    if lang == "id":
        s = s.replace(",", "_").replace(".", ",").replace("_", ".")
    return f"{s}%"


def _rate_text(detail: LoanDetail, lang: str) -> str:
    from ..messages import label

    per = {
        "id": {"month": "per bulan", "year": "per tahun"},
        "en": {"month": "per month", "year": "per year"},
    }[lang]
    method = label("loan_method", detail.method, lang).split(" (")[0].lower()
    return f"{_percent(Decimal(detail.rate), lang)} {per.get(detail.rate_per, detail.rate_per)} ({method})"


def unit_text(count: int, every: int, unit: str, lang: str) -> str:
    n = count * every
    if lang == "id":
        return f"{n} {'bulan' if unit == 'month' else 'minggu'}"
    word = "month" if unit == "month" else "week"
    return f"{n} {word}{'s' if n != 1 else ''}"


@dataclass(frozen=True)
class PaperInstallment:
    no: int
    due_date: dt.date
    principal: int
    interest: int
    fee: int

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee


def paper_schedule(
    session: Session, loan: Loan, detail: LoanDetail
) -> tuple[list[PaperInstallment], bool]:
    """The schedule the papers print, and whether it is provisional: a loan approved but not
    yet disbursed has no schedule yet, so the one it would get if disbursed on the approval
    date is shown (the real one is written at disbursement)."""
    if detail.schedule:
        rows = [
            PaperInstallment(i.no, i.due_date, i.principal, i.interest, i.fee)
            for i in detail.schedule
        ]
        return rows, False
    from ..db.models import LoanProduct
    from ..domain.schedule import generate
    from .loans.core import schedule_terms

    product = session.get(LoanProduct, loan.product_id)
    assert product is not None
    day = loan.decided_on or loan.applied_on
    sched = generate(schedule_terms(session, loan, product, day))
    rows = [
        PaperInstallment(i.no, i.due_date, i.principal, i.interest, 0) for i in sched.installments
    ]
    return rows, True


def agreement_values(session: Session, loan: Loan, lang: str) -> dict[str, str]:
    from .loans import views as loan_views

    d = loan_views.detail_in(session, loan)
    member = session.get(Member, loan.member_id)
    assert member is not None
    group = session.get(Group, member.group_id) if member.group_id else None
    p = profile_in(session)
    sched, _provisional = paper_schedule(session, loan, d)
    day = loan.disbursed_on or loan.decided_on or loan.applied_on
    first = sched[0] if sched else None
    last = sched[-1] if sched else None
    total_interest = sum(i.interest for i in sched)
    total = sum(i.total for i in sched)
    en = lang == "en"
    dash = "–"
    if first and last:
        each = "minggu" if d.unit == "week" else "bulan"
        if en:
            each = "week" if d.unit == "week" else "month"
            every = f"every {d.every} {each}s" if d.every > 1 else f"every {each}"
            summary = (
                f"{len(sched)} installments {every}, from {long_date(first.due_date, lang)} "
                f"to {long_date(last.due_date, lang)}, principal {format_rupiah(sum(i.principal for i in sched))}"
            )
        else:
            every = f"setiap {d.every} {each}" if d.every > 1 else f"setiap {each}"
            summary = (
                f"{len(sched)} kali angsuran {every}, mulai {long_date(first.due_date, lang)} "
                f"sampai {long_date(last.due_date, lang)}, pokok seluruhnya "
                f"{format_rupiah(sum(i.principal for i in sched))}"
            )
    else:
        summary = dash
    none = "none" if en else "tidak ada"
    from .loans import collateral as collateral_service

    items = collateral_service.for_loan_in(session, loan)
    listed = "; ".join(
        f"{label('collateral_kind', c.kind, lang)}: {c.description}"
        + (f" ({'no.' if en else 'nomor'} {c.document_no})" if c.document_no else "")
        + f", {'value' if en else 'nilai'} {format_rupiah(c.value)}"
        for c in items
    )
    guarantors = "; ".join(
        f"{g.member_name} ({g.member_number}{', ' + g.relation if g.relation else ''})"
        for g in collateral_service.guarantors_in(session, loan)
    )
    if listed:
        collateral = listed
    elif loan.collateral:
        collateral = (
            f"collateral recognised at {format_rupiah(loan.collateral)}"
            if en
            else f"jaminan dengan nilai diakui {format_rupiah(loan.collateral)}"
        )
    else:
        collateral = none
    address = ", ".join(x for x in (member.address, member.kelurahan, member.kecamatan) if x)
    return {
        "nomor_pinjaman": loan.number,
        "tanggal": long_date(day, lang),
        "kota": p.city or dash,
        "koperasi": p.name,
        "badan_hukum": p.legal_number or dash,
        "alamat_koperasi": p.address or dash,
        "ketua": p.chair or "..........................",
        "sekretaris": p.secretary or "..........................",
        "bendahara": p.treasurer or "..........................",
        "nama_anggota": member.name,
        "nomor_anggota": member.number,
        "nik": member.nik,
        "alamat_anggota": address or dash,
        "pekerjaan": member.occupation or dash,
        "kelompok": group.name if group else dash,
        "produk": d.product_name,
        "tujuan": loan.purpose or dash,
        "jumlah": format_rupiah(loan.amount),
        "jumlah_terbilang": terbilang(loan.amount, lang),
        "bunga": _rate_text(d, lang),
        "jangka_waktu": unit_text(loan.term, d.every, d.unit, lang),
        "jumlah_angsuran": str(len(sched) or loan.term),
        "angsuran": format_rupiah(first.total) if first else dash,
        "angsuran_terbilang": terbilang(first.total, lang) if first else dash,
        "jatuh_tempo_pertama": long_date(first.due_date, lang) if first else dash,
        "jatuh_tempo_terakhir": long_date(last.due_date, lang) if last else dash,
        "total_bunga": format_rupiah(total_interest),
        "total_kewajiban": format_rupiah(total),
        "ringkasan_jadwal": summary,
        "biaya": format_rupiah(loan.fee) if loan.fee else none,
        "jaminan": collateral,
        "penjamin": "; ".join(x for x in (guarantors, loan.guarantor) if x) or none,
        "daftar_jaminan": listed or none,
        "nilai_jaminan": format_rupiah(sum(c.value for c in items)) if items else none,
        "daftar_penjamin": guarantors or none,
    }


def sample_values(lang: str) -> dict[str, str]:
    """Values for the editor's preview when no loan is chosen."""
    day = dt.date(2026, 11, 23)
    en = lang == "en"
    return {
        "nomor_pinjaman": "PJ-2026-00012",
        "tanggal": long_date(day, lang),
        "kota": "Balikpapan",
        "koperasi": "Koperasi Simpan Pinjam Contoh",
        "badan_hukum": "AHU-0001234.AH.01.26.2026",
        "alamat_koperasi": "Jl. Contoh No. 1",
        "ketua": "Siti Aminah",
        "sekretaris": "Budi Santoso",
        "bendahara": "Dewi Lestari",
        "nama_anggota": "Rina Marlina",
        "nomor_anggota": "A-0001",
        "nik": "6471010101900001",
        "alamat_anggota": "Jl. Mawar No. 5, Gunung Samarinda",
        "pekerjaan": "Pedagang" if not en else "Trader",
        "kelompok": "Mawar",
        "produk": "Pinjaman Usaha" if not en else "Business loan",
        "tujuan": "modal usaha" if not en else "working capital",
        "jumlah": format_rupiah(1_250_000),
        "jumlah_terbilang": terbilang(1_250_000, lang),
        "bunga": "1,5% per bulan (flat)" if not en else "1.5% per month (flat)",
        "jangka_waktu": unit_text(10, 1, "month", lang),
        "jumlah_angsuran": "10",
        "angsuran": format_rupiah(143_750),
        "angsuran_terbilang": terbilang(143_750, lang),
        "jatuh_tempo_pertama": long_date(dt.date(2026, 12, 23), lang),
        "jatuh_tempo_terakhir": long_date(dt.date(2027, 9, 23), lang),
        "total_bunga": format_rupiah(187_500),
        "total_kewajiban": format_rupiah(1_437_500),
        "ringkasan_jadwal": (
            "10 installments every month" if en else "10 kali angsuran setiap bulan"
        ),
        "biaya": format_rupiah(12_500),
        "jaminan": "none" if en else "tidak ada",
        "penjamin": "Mawar group" if en else "Kelompok Mawar",
        "daftar_jaminan": (
            "Vehicle title (BPKB): Honda Beat 2021 (no. M-0012345), value Rp3.500.000"
            if en
            else "BPKB kendaraan: Honda Beat 2021 (nomor M-0012345), nilai Rp3.500.000"
        ),
        "nilai_jaminan": format_rupiah(3_500_000),
        "daftar_penjamin": "Sri Wahyuni (A-0002)",
    }

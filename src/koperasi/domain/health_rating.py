"""The full health rating (pemeriksaan kesehatan koperasi) with its four aspects.

Source: Permenkop 9/2020 on supervising cooperatives (four aspects: tata kelola, profil
risiko, kinerja keuangan, permodalan; outcome sehat / cukup sehat / dalam pengawasan /
dalam pengawasan khusus) and Juknis Deputi Bidang Perkoperasian 15/2021 (the examiners'
worksheets: questionnaire indicators answered 1 = met / 0 = not met, ratio indicators from
the financial statements). This module is pure; :mod:`koperasi.services.rat.health` feeds it
from the books and from the board's answers.

**Scoring table** (what this module computes; a test recomputes one case by hand):

1. Every indicator gets a *skor* from 4 (best) to 1.

   - A questionnaire indicator (a group of yes/no questions the board answers in the app):
     ratio X = questions met ÷ questions asked × 100, then (Juknis 15/2021 table "Penetapan
     rasio, nilai, kategori dan skor"): 75 < X ≤ 100 → nilai 1 sehat, skor 4;
     50 < X ≤ 75 → nilai 2 cukup sehat, skor 3; 25 < X ≤ 50 → nilai 3 kurang sehat, skor 2;
     0 ≤ X ≤ 25 → nilai 4 tidak sehat, skor 1. An unanswered question counts as not met.
   - A ratio indicator: the category of the ratio → skor sehat 4, cukup sehat 3, kurang
     sehat 2, tidak sehat 1 (no value, e.g. nothing lent yet: skor 1, it cannot be shown
     to be healthy). Thresholds:

     | indicator | aspect | sehat | cukup | kurang | source |
     |---|---|---|---|---|---|
     | loans ÷ productive assets | risk | ≤ 75 % | ≤ 85 % | ≤ 95 % | DESIGN §9, domain/health.py |
     | problem loans ÷ loans | risk | ≤ 5 % | ≤ 10 % | ≤ 15 % | DESIGN §9, domain/health.py |
     | SHU ÷ total assets (rentabilitas aset) | finance | ≥ 3 % | ≥ 2 % | ≥ 1 % | app default* |
     | operating costs ÷ operating income (BOPO) | finance | ≤ 80 % | ≤ 90 % | ≤ 100 % | Juknis 15/2021 |
     | equity ÷ total assets | capital | > 30 % | > 20 % | > 10 % | DESIGN §9, domain/health.py |
     | equity growth in the year | capital | ≥ 10 % | ≥ 7 % | ≥ 4 % | Juknis 15/2021 |

     BOPO's bands are the Juknis table "Biaya operasional terhadap pendapatan operasional"
     (< 80 sehat, 80–90 cukup, 90–100 kurang, > 100 tidak sehat) and equity growth's its
     table "Pertumbuhan ekuitas" (≥ 10, 7–10, 4–7, < 4), as training material for
     examiners reproduces them. (*) Rentabilitas aset's bands were not found in a copy of
     the Juknis; they are the app's default until the cooperative's examiner confirms them
     (``RATIO_BANDS``).

2. An aspect's score (0–100) = sum of its indicators' skor ÷ (4 × number of indicators) ×
   100, two decimals.
3. The total = Σ aspect score × the aspect's weight: tata kelola 30 %, profil risiko 15 %
   (as Juknis 15/2021 training material states them), kinerja keuangan 40 % (the Juknis
   text: the financial-performance total "dilanjutkan dengan bobot kesehatan yakni 40%"),
   permodalan 15 % (the rest of 100 %). The constants are in ``WEIGHTS``.
4. The outcome from the total (Permenkop 9/2020, the bands of the earlier Permen
   14/2009 renamed): 80 ≤ total → sehat; 66 ≤ total < 80 → cukup sehat; 51 ≤ total < 66 →
   dalam pengawasan; total < 51 → dalam pengawasan khusus.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from . import health as book

GOVERNANCE, RISK, FINANCE, CAPITAL = (
    "tata_kelola",
    "profil_risiko",
    "kinerja_keuangan",
    "permodalan",
)
ASPECTS = (GOVERNANCE, RISK, FINANCE, CAPITAL)
ASPECT_LABELS = {
    GOVERNANCE: ("Tata kelola", "Governance"),
    RISK: ("Profil risiko", "Risk profile"),
    FINANCE: ("Kinerja keuangan", "Financial performance"),
    CAPITAL: ("Permodalan", "Capital"),
}
WEIGHTS = {GOVERNANCE: Decimal(30), RISK: Decimal(15), FINANCE: Decimal(40), CAPITAL: Decimal(15)}

SEHAT, CUKUP, PENGAWASAN, KHUSUS = (
    "sehat",
    "cukup_sehat",
    "dalam_pengawasan",
    "dalam_pengawasan_khusus",
)
OUTCOME_LABELS = {
    SEHAT: ("Sehat", "Healthy"),
    CUKUP: ("Cukup sehat", "Fairly healthy"),
    PENGAWASAN: ("Dalam pengawasan", "Under supervision"),
    KHUSUS: ("Dalam pengawasan khusus", "Under special supervision"),
}
OUTCOME_BANDS = ((Decimal(80), SEHAT), (Decimal(66), CUKUP), (Decimal(51), PENGAWASAN))

# The governance questions, grouped into indicators: (indicator, aspect, labels, questions)
QUESTION_GROUPS: tuple[tuple[str, str, tuple[str, str], tuple[tuple[str, str, str], ...]], ...] = (
    (
        "prinsip",
        GOVERNANCE,
        ("Prinsip koperasi", "Cooperative principles"),
        (
            (
                "prinsip_sukarela",
                "Keanggotaan bersifat sukarela dan terbuka",
                "Membership is voluntary and open",
            ),
            (
                "prinsip_demokratis",
                "Pengelolaan dilakukan secara demokratis",
                "Managed democratically",
            ),
            (
                "prinsip_shu_adil",
                "SHU dibagi adil sebanding jasa usaha anggota",
                "SHU shared fairly by each member's business",
            ),
            (
                "prinsip_balas_jasa",
                "Balas jasa terhadap modal terbatas",
                "Limited return on capital",
            ),
            ("prinsip_mandiri", "Koperasi mandiri", "The cooperative is independent"),
            (
                "prinsip_pendidikan",
                "Pendidikan perkoperasian diselenggarakan",
                "Cooperative education is given",
            ),
            ("prinsip_kerja_sama", "Kerja sama antarkoperasi", "Cooperation among cooperatives"),
        ),
    ),
    (
        "kelembagaan",
        GOVERNANCE,
        ("Kelembagaan", "Institution"),
        (
            (
                "lembaga_badan_hukum",
                "Badan hukum koperasi sah",
                "The cooperative is a legal entity",
            ),
            (
                "lembaga_izin",
                "Izin usaha simpan pinjam dimiliki",
                "Holds a savings-and-loan business licence",
            ),
            ("lembaga_ad", "Anggaran dasar sesuai peraturan", "Statutes comply with the law"),
            (
                "lembaga_anggota",
                "Buku daftar anggota lengkap dan mutakhir",
                "Member register complete and current",
            ),
            (
                "lembaga_organ",
                "Pengurus, pengawas dan pengelola lengkap",
                "Board, supervisors and management in place",
            ),
        ),
    ),
    (
        "manajemen",
        GOVERNANCE,
        ("Manajemen koperasi", "Management"),
        (
            (
                "manajemen_umum",
                "Rencana kerja dan anggaran disahkan RAT",
                "Work plan and budget approved by the RAT",
            ),
            (
                "manajemen_sop",
                "SOP simpan pinjam tertulis dan dijalankan",
                "Written savings-and-loan procedures followed",
            ),
            ("manajemen_modal", "Kebijakan permodalan tertulis", "Written capital policy"),
            (
                "manajemen_aset",
                "Kebijakan pinjaman dan agunan tertulis",
                "Written lending and collateral policy",
            ),
            ("manajemen_likuiditas", "Kebijakan likuiditas tertulis", "Written liquidity policy"),
        ),
    ),
    (
        "kpmr",
        RISK,
        ("Kualitas penerapan manajemen risiko", "Risk management in practice"),
        (
            (
                "kpmr_pengawasan",
                "Pengurus dan pengawas mengawasi risiko secara berkala",
                "Board and supervisors review risks regularly",
            ),
            (
                "kpmr_limit",
                "Batas risiko (plafon, agunan) ditetapkan",
                "Risk limits (ceilings, collateral) are set",
            ),
            (
                "kpmr_sistem",
                "Sistem informasi mendukung pengambilan keputusan",
                "Information system supports decisions",
            ),
            (
                "kpmr_pengendalian",
                "Pengendalian intern dilaksanakan",
                "Internal control is carried out",
            ),
        ),
    ),
    (
        "manajemen_keuangan",
        FINANCE,
        ("Manajemen keuangan", "Financial management"),
        (
            ("keuangan_rat_tepat", "RAT diselenggarakan tepat waktu", "The RAT is held on time"),
            (
                "keuangan_audit",
                "Laporan keuangan diaudit atau diperiksa",
                "Financial statements are audited or examined",
            ),
            (
                "keuangan_anggaran",
                "Realisasi anggaran dipantau bulanan",
                "Budget against actual reviewed monthly",
            ),
        ),
    ),
)
QUESTIONS = {q[0]: (q[1], q[2], g[0]) for g in QUESTION_GROUPS for q in g[3]}

# ratio indicators: key -> (aspect, labels, lower_is_better, (sehat, cukup, kurang) bounds)
RATIO_BANDS: dict[
    str, tuple[str, tuple[str, str], bool, tuple[Decimal, Decimal, Decimal] | None]
] = {
    "loans_to_productive": (RISK, book.RATIO_LABELS["loans_to_productive"], True, None),
    "problem_loans": (RISK, book.RATIO_LABELS["problem_loans"], True, None),
    "return_on_assets": (
        FINANCE,
        ("SHU terhadap total aset (rentabilitas aset)", "SHU to total assets (return on assets)"),
        False,
        (Decimal(3), Decimal(2), Decimal(1)),
    ),
    "cost_to_income": (
        FINANCE,
        ("Beban operasional terhadap pendapatan (BOPO)", "Operating costs to income"),
        True,
        (Decimal(80), Decimal(90), Decimal(100)),
    ),
    "equity_to_assets": (CAPITAL, book.RATIO_LABELS["equity_to_assets"], False, None),
    "equity_growth": (
        CAPITAL,
        book.RATIO_LABELS["equity_growth"],
        False,
        (Decimal(10), Decimal(7), Decimal(4)),
    ),
}
SCORE_OF = {book.SEHAT: 4, book.CUKUP: 3, book.KURANG: 2, book.TIDAK: 1}
QUESTION_BANDS = ((Decimal(75), 4), (Decimal(50), 3), (Decimal(25), 2))
CENT = Decimal("0.01")


def q2(x: Decimal) -> Decimal:
    return x.quantize(CENT, rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Indicator:
    key: str
    aspect: str
    label: tuple[str, str]
    value: Decimal | None  # the ratio in percent (questions: share met)
    score: int  # 1..4
    met: int | None = None  # questionnaire: questions met
    asked: int | None = None  # questionnaire: questions asked


@dataclass(frozen=True)
class AspectScore:
    aspect: str
    weight: Decimal
    score: Decimal  # 0..100
    weighted: Decimal  # score x weight / 100


@dataclass(frozen=True)
class Rating:
    indicators: tuple[Indicator, ...]
    aspects: tuple[AspectScore, ...]
    total: Decimal
    outcome: str


def question_score(met: int, asked: int) -> tuple[Decimal, int]:
    """(ratio in percent, skor 1..4) of a questionnaire indicator."""
    x = q2(Decimal(met) * 100 / Decimal(asked)) if asked else Decimal(0)
    for bound, score in QUESTION_BANDS:
        if x > bound:
            return x, score
    return x, 1


def ratio_category(key: str, value: Decimal | None) -> str | None:
    """Category of a ratio indicator (the book ratios keep the rules of domain/health.py)."""
    if value is None:
        return None
    _aspect, _label, lower, bands = RATIO_BANDS[key]
    if bands is None:
        return book.rate(key, value)
    a, b, c = bands
    if lower:
        return (
            book.SEHAT
            if value <= a
            else book.CUKUP
            if value <= b
            else book.KURANG
            if value <= c
            else book.TIDAK
        )
    return (
        book.SEHAT
        if value >= a
        else book.CUKUP
        if value >= b
        else book.KURANG
        if value >= c
        else book.TIDAK
    )


def outcome(total: Decimal) -> str:
    for bound, label in OUTCOME_BANDS:
        if total >= bound:
            return label
    return KHUSUS


def rate(ratios: Mapping[str, Decimal | None], answers: Mapping[str, bool]) -> Rating:
    """The rating from the ratio indicators (percent values by key of ``RATIO_BANDS``) and
    the board's answers (question key -> met; a missing answer counts as not met)."""
    indicators: list[Indicator] = []
    for key, (aspect, label, _lower, _bands) in RATIO_BANDS.items():
        value = ratios.get(key)
        cat = ratio_category(key, value)
        indicators.append(Indicator(key, aspect, label, value, SCORE_OF.get(cat, 1) if cat else 1))
    for key, aspect, label, questions in QUESTION_GROUPS:
        met = sum(1 for q in questions if answers.get(q[0]))
        x, score = question_score(met, len(questions))
        indicators.append(Indicator(key, aspect, label, x, score, met, len(questions)))
    aspects: list[AspectScore] = []
    for aspect in ASPECTS:
        scores = [i.score for i in indicators if i.aspect == aspect]
        aspect_score = q2(Decimal(sum(scores)) * 100 / (4 * len(scores)))
        aspects.append(
            AspectScore(
                aspect, WEIGHTS[aspect], aspect_score, q2(aspect_score * WEIGHTS[aspect] / 100)
            )
        )
    order = {a: n for n, a in enumerate(ASPECTS)}
    indicators.sort(key=lambda i: order[i.aspect])
    total = q2(sum((a.weighted for a in aspects), Decimal(0)))
    return Rating(tuple(indicators), tuple(aspects), total, outcome(total))

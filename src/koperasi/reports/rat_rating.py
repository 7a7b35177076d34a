"""The RAT book's health rating: the four aspects with their scores and weights
(:mod:`koperasi.services.rat.health`). Split from :mod:`.rat_book`.
"""

from __future__ import annotations

from decimal import Decimal

from ..domain import health_rating as hr
from ..services.rat import health as rating_service
from . import rat
from .model import (
    Column,
    Figure,
    Kind,
    Row,
    RowKind,
    Section,
    T,
    Table,
)
from .rat_budget import num


def rating_sections(y: rating_service.YearRating) -> tuple[Section, ...]:
    r = y.rating
    aspects = Table(
        "kesehatan_aspek",
        T("Skor per aspek", "Score by aspect"),
        (
            Column("aspect", T("Aspek", "Aspect"), Kind.TEXT, 2),
            Column("weight", T("Bobot", "Weight"), Kind.PERCENT, 0.8),
            Column("score", T("Skor aspek (0-100)", "Aspect score (0-100)"), Kind.TEXT, 1),
            Column("weighted", T("Skor tertimbang", "Weighted score"), Kind.TEXT, 1),
        ),
        tuple(
            Row((T(*hr.ASPECT_LABELS[a.aspect]), a.weight, num(a.score), num(a.weighted)))
            for a in r.aspects
        )
        + (Row((T("Jumlah", "Total"), Decimal(100), T(""), num(r.total)), RowKind.SUBTOTAL),),
        sheet=T("Kesehatan Aspek", "Health aspects"),
    )
    indicators = Table(
        "kesehatan_indikator",
        T("Indikator", "Indicators"),
        (
            Column("aspect", T("Aspek", "Aspect"), Kind.TEXT, 1.1),
            Column("indicator", T("Indikator", "Indicator"), Kind.TEXT, 2.6),
            Column("value", T("Rasio / terpenuhi", "Ratio / met"), Kind.PERCENT, 0.9),
            Column("answered", T("Pertanyaan terpenuhi", "Questions met"), Kind.TEXT, 0.9),
            Column("score", T("Skor (1-4)", "Score (1-4)"), Kind.INT, 0.7),
        ),
        tuple(
            Row(
                (
                    T(*hr.ASPECT_LABELS[i.aspect]),
                    T(*i.label),
                    i.value,
                    f"{i.met} / {i.asked}" if i.asked is not None else "",
                    i.score,
                )
            )
            for i in r.indicators
        ),
        sheet=T("Kesehatan Indikator", "Health indicators"),
    )
    qs = Table(
        "tata_kelola",
        T(
            "Jawaban pengurus atas pertanyaan tata kelola",
            "The board's answers to the governance questions",
        ),
        (
            Column("group", T("Indikator", "Indicator"), Kind.TEXT, 1.3),
            Column("question", T("Pertanyaan", "Question"), Kind.TEXT, 3.4),
            Column("answer", T("Jawaban", "Answer"), Kind.TEXT, 0.8),
        ),
        tuple(
            Row(
                (
                    T(*g[2]),
                    T(q[1], q[2]),
                    T("Ya", "Yes")
                    if y.answers.get(q[0])
                    else (
                        T("Tidak", "No")
                        if q[0] in y.answers
                        else T("Belum dijawab", "Not answered")
                    ),
                )
            )
            for g in hr.QUESTION_GROUPS
            for q in g[3]
        ),
        sheet=T("Tata Kelola", "Governance"),
    )
    outcome = T(*hr.OUTCOME_LABELS[r.outcome])
    head = Section(
        T("Penilaian Kesehatan Koperasi", "Health Rating"),
        (
            Figure(
                "rating_total",
                T("Skor kesehatan (0-100)", "Health score (0-100)"),
                num(r.total),
                Kind.TEXT,
            ),
            Figure("rating_outcome", T("Predikat", "Outcome"), outcome, Kind.TEXT),
        ),
        (aspects, indicators),
        (
            T(
                "Permenkop 9/2020 dan Juknis Deputi Bidang Perkoperasian 15/2021: empat aspek "
                "(tata kelola 30 %, profil risiko 15 %, kinerja keuangan 40 %, permodalan 15 %). "
                "Setiap indikator diberi skor 1-4; skor aspek = jumlah skor / (4 x jumlah "
                "indikator) x 100. Predikat: 80-100 sehat; 66-<80 cukup sehat; 51-<66 dalam "
                "pengawasan; <51 dalam pengawasan khusus. Indikator tata kelola dari jawaban "
                "pengurus; pertanyaan yang belum dijawab dihitung tidak terpenuhi. Penilaian "
                "resmi tetap oleh pemeriksa.",
                "Permenkop 9/2020 and Juknis 15/2021: four aspects (governance 30 %, risk "
                "profile 15 %, financial performance 40 %, capital 15 %). Each indicator scores "
                "1-4; an aspect's score = sum of scores / (4 x indicators) x 100. Outcome: "
                "80-100 healthy; 66-<80 fairly healthy; 51-<66 under supervision; <51 under "
                "special supervision. Governance indicators come from the board's answers; an "
                "unanswered question counts as not met. The official rating is the examiner's.",
            ),
        ),
        page_break_before=False,
    )
    books = Section(
        T("Rasio dari pembukuan", "Ratios from the books"), (), (rat.health_table(y.book),)
    )
    return (head, books, Section(None, (), (qs,)))

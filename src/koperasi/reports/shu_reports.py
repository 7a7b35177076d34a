"""SHU reports: the distribution per member (for the RAT) and each member's slip."""

from __future__ import annotations

from ..domain.shu import SPLIT_LABELS
from ..services import shu as shu_service
from ..services.progress import ProgressCallback, report
from ..services.uow import read_only
from .common import (
    ReportParams,
    board_signatures,
    default_year,
    organisation,
    resolve_member,
    year_period,
)
from .model import Column, Figure, Kind, ReportData, Row, Section, Signature, T, Table

SPLIT_COLS = (
    Column("key", T("Pos", "Item"), Kind.TEXT, 2.0),
    Column("percent", T("Persentase", "Percentage"), Kind.PERCENT, 1.0),
    Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.4, True),
)
MEMBER_COLS = (
    Column("number", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
    Column("name", T("Nama", "Name"), Kind.TEXT, 2.2),
    Column("group", T("Kelompok", "Group"), Kind.TEXT, 0.7),
    Column(
        "interest",
        T("Jasa pinjaman dibayar (Ta)", "Loan interest paid (Ta)"),
        Kind.MONEY,
        1.2,
        True,
    ),
    Column("capital", T("Pokok + wajib (Sa)", "Principal + mandatory (Sa)"), Kind.MONEY, 1.2, True),
    Column("jasa_anggota", T("Jasa anggota", "Patronage refund"), Kind.MONEY, 1.1, True),
    Column("jasa_modal", T("Jasa modal", "Return on capital"), Kind.MONEY, 1.1, True),
    Column("total", T("SHU diterima", "SHU received"), Kind.MONEY, 1.1, True),
)


def split_table(p: shu_service.ShuPlan) -> Table:
    rows = []
    for key, pct in p.split.items():
        label = SPLIT_LABELS.get(key, (key, key))
        rows.append(Row((T(*label), pct, p.pots.get(key, 0))))
    return Table(
        "shu_split",
        T("Pembagian SHU", "SHU split"),
        SPLIT_COLS,
        tuple(rows),
        sheet=T("Pembagian SHU", "SHU split"),
    )


def member_table(p: shu_service.ShuPlan) -> Table:
    rows = tuple(
        Row(
            (
                m.number,
                m.name,
                m.group,
                m.interest_paid,
                m.capital,
                m.jasa_anggota,
                m.jasa_modal,
                m.total,
            )
        )
        for m in p.members
    )
    return Table(
        "shu_anggota",
        T("SHU per anggota", "SHU per member"),
        MEMBER_COLS,
        rows,
        sheet=T("SHU Anggota", "SHU per member"),
    )


def shu_figures(p: shu_service.ShuPlan) -> tuple[Figure, ...]:
    return (
        Figure("surplus", T("SHU tahun buku", "Surplus of the year"), p.surplus),
        Figure(
            "member_pot",
            T("Bagian anggota (jasa anggota + jasa modal)", "Members' pots"),
            p.member_pot,
        ),
        Figure("to_members", T("Dibagikan kepada anggota", "Shared out to members"), p.to_members),
        Figure(
            "remainder",
            T("Sisa pembulatan ke cadangan", "Rounding remainder to reserve"),
            p.remainder,
        ),
        Figure(
            "reserve",
            T("Cadangan (termasuk sisa pembulatan)", "Reserve (incl. remainder)"),
            p.reserve,
        ),
        Figure(
            "members",
            T("Anggota penerima", "Members receiving"),
            sum(1 for m in p.members if m.total > 0),
            Kind.INT,
        ),
    )


def shu_notes(p: shu_service.ShuPlan) -> tuple[T, ...]:
    notes = [
        T(
            "SHU anggota = Y × Ta / Tk + X × Sa / Sk (UU 25/1992 Pasal 45): Y dan X bagian jasa anggota dan "
            "jasa modal, Ta jasa pinjaman yang dibayar anggota dalam tahun buku, Sa simpanan pokok dan wajib "
            "anggota pada akhir tahun buku. Dibulatkan ke bawah; sisanya masuk cadangan.",
            "Member SHU = Y × Ta / Tk + X × Sa / Sk (Law 25/1992 art. 45): Y and X the patronage and capital "
            "pots, Ta the loan interest the member paid in the year, Sa the member's principal and mandatory "
            "savings at year end. Rounded down; the remainder goes to the reserve.",
        )
    ]
    if not p.year_closed:
        notes.append(
            T(
                "Tahun buku belum ditutup: angka ini sementara.",
                "The financial year is not closed yet: these figures are provisional.",
            )
        )
    return tuple(notes)


def build_shu_distribution(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        report(progress, 0, 1, "")
        year = int(params.year or default_year(s))
        p = shu_service.plan_in(s, year)
        return ReportData(
            "shu-anggota",
            T("Pembagian Sisa Hasil Usaha", "Distribution of the Surplus (SHU)"),
            organisation(s),
            year_period(s, year),
            sections=(
                Section(None, shu_figures(p), (split_table(p), member_table(p)), shu_notes(p)),
            ),
            signatures=board_signatures(s),
            sign_date=p.end,
            landscape=True,
            params=params.items(),
        )


def build_shu_slip(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        report(progress, 0, 1, "")
        year = int(params.year or default_year(s))
        member = resolve_member(s, params.member)
        p = shu_service.plan_in(s, year)
        share = next((m for m in p.members if m.member_id == member.id), None)
        ta = share.interest_paid if share else 0
        sa = share.capital if share else 0
        ja = share.jasa_anggota if share else 0
        jm = share.jasa_modal if share else 0
        figures = (
            Figure("member", T("Anggota", "Member"), f"{member.number} · {member.name}", Kind.TEXT),
            Figure("ta", T("Jasa pinjaman yang dibayar (Ta)", "Loan interest paid (Ta)"), ta),
            Figure(
                "tk",
                T("Jumlah jasa pinjaman semua anggota (Tk)", "All members' loan interest (Tk)"),
                p.total_interest,
            ),
            Figure(
                "sa", T("Simpanan pokok + wajib (Sa)", "Principal + mandatory savings (Sa)"), sa
            ),
            Figure(
                "sk",
                T("Jumlah simpanan pokok + wajib (Sk)", "All members' principal + mandatory (Sk)"),
                p.total_capital,
            ),
            Figure(
                "y",
                T("Bagian jasa anggota (Y)", "Patronage pot (Y)"),
                p.pots.get("jasa_anggota", 0),
            ),
            Figure("x", T("Bagian jasa modal (X)", "Capital pot (X)"), p.pots.get("jasa_modal", 0)),
            Figure(
                "jasa_anggota",
                T("Jasa anggota (Y × Ta / Tk)", "Patronage refund (Y × Ta / Tk)"),
                ja,
            ),
            Figure(
                "jasa_modal", T("Jasa modal (X × Sa / Sk)", "Return on capital (X × Sa / Sk)"), jm
            ),
            Figure("total", T("SHU yang diterima", "SHU received"), ja + jm),
        )
        from ..domain.fmt import terbilang

        words = T(f"Terbilang: {terbilang(ja + jm, 'id')}", f"In words: {terbilang(ja + jm, 'en')}")
        return ReportData(
            "slip-shu",
            T("Slip SHU Anggota", "Member SHU Slip"),
            organisation(s),
            year_period(s, year),
            subtitle=T(f"{member.number} – {member.name}"),
            sections=(Section(None, figures, (), (words,) + shu_notes(p)[1:]),),
            signatures=(
                Signature(T("Anggota", "Member"), member.name),
                Signature(T("Bendahara", "Treasurer"), board_signatures(s)[2].name),
            ),
            sign_date=p.end,
            params=params.items(),
        )

"""SHU reports: the distribution per member (for the RAT) and each member's slip.

Only the SHU from business with members is split into the pots and shared by patronage
(UU 25/1992 Pasal 45); the non-members' SHU is a line of its own, to its destination. A
loss year shows the loss and the board's proposal for covering it (from the reserve, or
carried forward: setting ``shu_loss_coverage``) instead of a table of Rp0 shares.
"""

from __future__ import annotations

from ..domain import accounts
from ..domain.shu import LOSS_COVERAGE_LABELS, NON_MEMBER_LABELS, SPLIT_LABELS
from ..services import shu as shu_service
from ..services import statements as st
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
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


def non_member_label(p: shu_service.ShuPlan) -> T:
    dest = NON_MEMBER_LABELS.get(p.non_member_to, (p.non_member_to, p.non_member_to))
    return T(
        f"SHU usaha dengan non-anggota ke {dest[0].lower()} (tidak dibagi)",
        f"SHU from non-member business to the {dest[1].lower()} (not shared)",
    )


def split_table(p: shu_service.ShuPlan) -> Table:
    """The pots of the members' SHU (percentages of it), then the non-members' SHU: the
    amounts add up to the year's SHU."""
    rows = []
    for key, pct in p.split.items():
        label = SPLIT_LABELS.get(key, (key, key))
        rows.append(Row((T(*label), pct, p.pots.get(key, 0))))
    if p.to_non_member_destination or p.non_member_surplus:
        rows.append(Row((non_member_label(p), None, p.to_non_member_destination)))
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
            "member_surplus",
            T("SHU usaha dengan anggota (dibagi)", "SHU from business with members (shared)"),
            p.distributable,
        ),
        Figure(
            "non_member_surplus",
            T("SHU usaha dengan non-anggota (tidak dibagi)", "SHU from non-member business"),
            p.to_non_member_destination,
        ),
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
            "Sesuai UU 25/1992 Pasal 45 dan SAK EP, hanya SHU dari usaha dengan anggota yang "
            "dibagi menurut persentase di atas (persentase dari SHU anggota); SHU dari usaha "
            "dengan non-anggota tidak dibagikan kepada anggota. Beban bersama dialokasikan ke "
            "kedua jenis usaha menurut perbandingan pendapatannya.",
            "Under Law 25/1992 art. 45 and SAK EP only the SHU from business with members is "
            "split by the percentages above (of the members' SHU); the SHU from business with "
            "non-members is not shared with members. Shared costs are allocated to the two "
            "sides in proportion to their income.",
        ),
        T(
            "SHU anggota = Y × Ta / Tk + X × Sa / Sk (UU 25/1992 Pasal 45): Y dan X bagian jasa anggota dan "
            "jasa modal, Ta jasa pinjaman yang dibayar anggota dalam tahun buku, Sa simpanan pokok dan wajib "
            "anggota pada akhir tahun buku. Dibulatkan ke bawah; sisanya masuk cadangan.",
            "Member SHU = Y × Ta / Tk + X × Sa / Sk (Law 25/1992 art. 45): Y and X the patronage and capital "
            "pots, Ta the loan interest the member paid in the year, Sa the member's principal and mandatory "
            "savings at year end. Rounded down; the remainder goes to the reserve.",
        ),
    ]
    if not p.year_closed:
        notes.append(
            T(
                "Tahun buku belum ditutup: angka ini sementara.",
                "The financial year is not closed yet: these figures are provisional.",
            )
        )
    return tuple(notes)


LOSS_COLS = (
    Column("item", T("Uraian", "Item"), Kind.TEXT, 4.0),
    Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.6),
)


def loss_table(p: shu_service.ShuPlan, reserve: int) -> Table:
    """The loss and the board's proposal for covering it."""
    from ..domain.fmt import long_date

    end_id, end_en = long_date(p.end, "id"), long_date(p.end, "en")
    rows = [
        Row((T(f"Rugi tahun buku {p.year}", f"Loss of the financial year {p.year}"), p.loss)),
        Row(
            (
                T("SHU/rugi usaha dengan anggota", "Result of business with members"),
                p.member_surplus,
            )
        ),
        Row(
            (
                T("SHU/rugi usaha dengan non-anggota", "Result of business with non-members"),
                p.non_member_surplus,
            )
        ),
        Row(
            (
                T(
                    f"Cadangan umum (3.20) per {end_id}",
                    f"General reserve (3.20) at {end_en}",
                ),
                reserve,
            )
        ),
    ]
    if p.loss_coverage == "cadangan":
        covered = min(p.loss, max(reserve, 0))
        rows += [
            Row(
                (
                    T("Usul: ditutup dari cadangan umum", "Proposed: covered from the reserve"),
                    covered,
                )
            ),
            Row(
                (
                    T(
                        "Sisa rugi dibawa ke tahun berikutnya (3.91)",
                        "Loss left to carry forward (3.91)",
                    ),
                    p.loss - covered,
                )
            ),
            Row(
                (
                    T("Cadangan umum setelah penutupan rugi", "General reserve after the coverage"),
                    reserve - covered,
                )
            ),
        ]
    else:
        rows += [
            Row(
                (
                    T(
                        "Usul: rugi dibawa ke tahun berikutnya (3.91)",
                        "Proposed: loss carried forward (3.91)",
                    ),
                    p.loss,
                )
            ),
            Row((T("Cadangan umum tidak berubah", "General reserve unchanged"), reserve)),
        ]
    return Table(
        "usul_penutupan_rugi",
        T("Rugi tahun buku dan usul penutupannya", "The loss and the proposed coverage"),
        LOSS_COLS,
        tuple(rows),
        sheet=T("Penutupan Rugi", "Loss coverage"),
    )


def loss_figures(p: shu_service.ShuPlan, reserve: int) -> tuple[Figure, ...]:
    return (
        Figure("surplus", T("SHU tahun buku (rugi)", "Result of the year (loss)"), p.surplus),
        Figure("loss", T("Rugi tahun buku", "Loss of the year"), p.loss),
        Figure(
            "reserve_balance",
            T("Cadangan umum akhir tahun", "General reserve at year end"),
            reserve,
        ),
        Figure("to_members", T("Dibagikan kepada anggota", "Shared out to members"), 0),
    )


def loss_notes(p: shu_service.ShuPlan) -> tuple[T, ...]:
    from ..domain.fmt import long_date

    proposal = LOSS_COVERAGE_LABELS[p.loss_coverage]
    notes = [
        T(
            f"Tahun buku {p.year} ditutup dengan rugi; tidak ada SHU yang dibagikan kepada "
            f"anggota. Usul pengurus kepada Rapat Anggota Tahunan: rugi {proposal[0]}.",
            f"The financial year {p.year} closed with a loss; no SHU is shared with members. "
            f"The board proposes to the Annual Members' Meeting that the loss be {proposal[1]}.",
        )
    ]
    if not p.year_closed:
        notes.append(
            T(
                f"Tahun buku belum ditutup (sampai {long_date(p.end, 'id')}): angka ini sementara.",
                f"The financial year is not closed yet (to {long_date(p.end, 'en')}): these "
                "figures are provisional.",
            )
        )
    return tuple(notes)


def shu_content(
    s: Session, p: shu_service.ShuPlan
) -> tuple[tuple[Figure, ...], tuple[Table, ...], tuple[T, ...]]:
    """Figures, tables and notes of the SHU part of a report: the split and the members'
    shares, or for a loss year the loss and the coverage proposal."""
    if p.surplus < 0:
        reserve = st.balances(s, p.end).get(accounts.GENERAL_RESERVE, 0)
        return loss_figures(p, reserve), (loss_table(p, reserve),), loss_notes(p)
    return shu_figures(p), (split_table(p), member_table(p)), shu_notes(p)


def shu_title(p: shu_service.ShuPlan) -> T:
    if p.surplus < 0:
        return T("Rugi Tahun Buku dan Usul Penutupannya", "The Year's Loss and Its Coverage")
    return T("Pembagian Sisa Hasil Usaha", "Distribution of the Surplus (SHU)")


def build_shu_distribution(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        report(progress, 0, 1, "")
        year = int(params.year or default_year(s))
        p = shu_service.plan_in(s, year)
        figures, tables, notes = shu_content(s, p)
        return ReportData(
            "shu-anggota",
            shu_title(p)
            if p.surplus < 0
            else T("Pembagian Sisa Hasil Usaha", "Distribution of the Surplus (SHU)"),
            organisation(s),
            year_period(s, year),
            sections=(Section(None, figures, tables, notes),),
            signatures=board_signatures(s),
            sign_date=p.end,
            landscape=True,
            params=params.items(),
        )


def build_shu_slip(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
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
        notes: tuple[T, ...] = (words,) + shu_notes(p)[2:]
        if p.surplus < 0:
            notes = loss_notes(p)
        elif p.to_non_member_destination:
            notes = (words, shu_notes(p)[0]) + shu_notes(p)[2:]
        return ReportData(
            "slip-shu",
            T("Slip SHU Anggota", "Member SHU Slip"),
            organisation(s),
            year_period(s, year),
            subtitle=T(f"{member.number} – {member.name}"),
            sections=(Section(None, figures, (), notes),),
            signatures=(
                Signature(T("Anggota", "Member"), member.name),
                Signature(T("Bendahara", "Treasurer"), board_signatures(s)[2].name),
            ),
            sign_date=p.end,
            params=params.items(),
        )

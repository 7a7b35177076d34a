"""The RAT book's meeting papers: the agenda, the officers, the attendance register (to sign) with
the quorum, and the minutes (berita acara) with the decisions and the signatures. Split from
:mod:`.rat_book`.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Sequence

from ..domain.fmt import long_date
from ..services import outreach
from ..services.progress import ProgressCallback, report
from ..services.rat import records
from ..services.reads import ReadSession as Session
from ..services.reads.people import all_members
from ..services.uow import read_only
from . import rat
from .common import (
    ReportParams,
    default_year,
    organisation,
    year_period,
)
from .model import (
    Column,
    Figure,
    Kind,
    Period,
    ReportData,
    Row,
    Section,
    Signature,
    T,
    Table,
)

BODY_LABELS = {
    "pengurus": T("Pengurus", "Board"),
    "pengawas": T("Pengawas", "Supervisors"),
    "karyawan": T("Karyawan", "Staff"),
}


# ---------------------------------------------------------------- parts


def agenda_section(m: records.MeetingView) -> Section:
    where = []
    if m.held_on:
        when = T(long_date(m.held_on), long_date(m.held_on, "en"))
        where.append(Figure("meeting_date", T("Tanggal rapat", "Meeting date"), when, Kind.TEXT))
    if m.place:
        where.append(Figure("meeting_place", T("Tempat", "Place"), m.place, Kind.TEXT))
    table = Table(
        "acara",
        T("Acara rapat", "Agenda"),
        (
            Column("no", T("No.", "No."), Kind.INT, 0.4),
            Column("item", T("Acara", "Item"), Kind.TEXT, 6),
        ),
        tuple(Row((n, T(a))) for n, a in enumerate(m.agenda, start=1)),
        sheet=T("Acara RAT", "Agenda"),
    )
    return Section(
        T("Acara Rapat Anggota Tahunan", "Agenda of the Annual Members' Meeting"),
        tuple(where),
        (table,),
    )


def officers_section(officers: Sequence[records.OfficerView]) -> Section:
    cols = (
        Column("body", T("Badan", "Body"), Kind.TEXT, 0.9),
        Column("position", T("Jabatan", "Position"), Kind.TEXT, 1.2),
        Column("name", T("Nama", "Name"), Kind.TEXT, 1.8),
        Column("term_start", T("Mulai menjabat", "Term from"), Kind.DATE, 0.9),
        Column("term_end", T("Akhir masa jabatan", "Term to"), Kind.DATE, 0.9),
    )
    rows = tuple(
        Row((BODY_LABELS.get(o.body, T(o.body)), o.position, o.name, o.term_start, o.term_end))
        for o in officers
    )
    return Section(
        T("Pengurus, Pengawas dan Karyawan", "Board, Supervisors and Staff"),
        (),
        (
            Table(
                "pengurus",
                T("Susunan pengurus, pengawas dan karyawan", "Board, supervisors and staff"),
                cols,
                rows,
                sheet=T("Pengurus", "Officers"),
            ),
        ),
        (T("Yang menjabat pada akhir tahun buku.", "Serving at the end of the financial year."),),
    )


def attendance_section(s: Session, period: Period, m: records.MeetingView) -> Section:
    facts = {f.member_id: f for f in outreach.member_facts(s)}
    people = [
        (num, name)
        for mid, num, name in all_members(s)
        if mid in facts and facts[mid].member_on(period.end)
    ]
    cols = (
        Column("no", T("No.", "No."), Kind.INT, 0.4),
        Column("number", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
        Column("name", T("Nama", "Name"), Kind.TEXT, 2.4),
        Column("signature", T("Tanda tangan", "Signature"), Kind.BLANK, 1.6),
    )
    rule_id, rule_en = m.rule.label()
    present = m.members_present
    figures = (
        Figure(
            "members_entitled",
            T("Anggota yang berhak hadir", "Members entitled to attend"),
            m.members_entitled,
            Kind.INT,
        ),
        Figure(
            "quorum_needed",
            T("Kuorum: paling sedikit hadir", "Quorum: members needed"),
            m.needed,
            Kind.INT,
        ),
        Figure(
            "members_present",
            T("Anggota yang hadir", "Members present"),
            present if present is not None else "",
            Kind.INT if present is not None else Kind.TEXT,
        ),
        Figure(
            "quorum_met",
            T("Kuorum", "Quorum"),
            (T("Tercapai", "Reached") if m.quorum else T("Tidak tercapai", "Not reached"))
            if m.quorum is not None
            else T("Belum diisi", "Not entered yet"),
            Kind.TEXT,
        ),
    )
    return Section(
        T("Daftar Hadir dan Kuorum", "Attendance Register and Quorum"),
        figures,
        (
            Table(
                "daftar_hadir",
                T("Daftar hadir anggota", "Members' attendance"),
                cols,
                tuple(Row((n, num, name, "")) for n, (num, name) in enumerate(people, start=1)),
                sheet=T("Daftar Hadir", "Attendance"),
            ),
        ),
        (
            T(
                f"Aturan kuorum menurut anggaran dasar: {rule_id}.",
                f"Quorum rule of the statutes: {rule_en}.",
            ),
        ),
    )


def minutes_section(m: records.MeetingView, org_name: str) -> Section:
    when = long_date(m.held_on) if m.held_on else "...................."
    when_en = long_date(m.held_on, "en") if m.held_on else "...................."
    present = str(m.members_present) if m.members_present is not None else "......"
    opening = T(
        f"Pada hari ini, {when}, bertempat di {m.place or '....................'}, telah "
        f"diselenggarakan Rapat Anggota Tahunan {org_name} tahun buku {m.year}, dihadiri "
        f"{present} dari {m.members_entitled} anggota"
        + (
            " sehingga kuorum tercapai"
            if m.quorum
            else (" sehingga kuorum tidak tercapai" if m.quorum is False else "")
        )
        + ". Rapat memutuskan:",
        f"On {when_en}, at {m.place or '....................'}, the Annual Members' Meeting of "
        f"{org_name} for the financial year {m.year} was held with {present} of "
        f"{m.members_entitled} members present"
        + (", a quorum" if m.quorum else (", without a quorum" if m.quorum is False else ""))
        + ". The meeting decided:",
    )
    table = Table(
        "keputusan",
        T("Keputusan rapat", "Decisions"),
        (
            Column("no", T("No.", "No."), Kind.INT, 0.4),
            Column("decision", T("Keputusan", "Decision"), Kind.TEXT, 6),
        ),
        tuple(Row((n, T(d))) for n, d in enumerate(m.decisions, start=1)),
        sheet=T("Keputusan RAT", "Decisions"),
    )
    return Section(
        T("Berita Acara Rapat Anggota Tahunan", "Minutes of the Annual Members' Meeting"),
        (),
        (table,),
        (opening,),
    )


def build_attendance(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """The attendance register of a year's RAT, printed for the members to sign."""
    with read_only(db) as s:
        year = int(params.year or default_year(s))
        period = year_period(s, year)
        report(progress, 0, 1, "")
        meeting = records.meeting_in(s, year)
        return ReportData(
            "daftar-hadir-rat",
            T("Daftar Hadir Rapat Anggota Tahunan", "Attendance at the Annual Members' Meeting"),
            organisation(s),
            period,
            sections=(attendance_section(s, period, meeting),),
            params=params.items(),
        )


def meeting_signatures(s: Session, on: dt.date) -> tuple[Signature, ...]:
    """The minutes are signed by whoever holds the office on the meeting day in the officers'
    register (Pengaturan); the profile's names where the register has no one."""
    serving = records.officers_in(s, serving_on=on)

    def holder(body: str, *positions: str) -> str | None:
        for o in serving:
            if o.body == body and o.position.strip().lower() in positions:
                return o.name
        return None

    out = []
    for sig, body, positions in zip(
        rat.rat_signatures(s),
        ("pengurus", "pengurus", "pengurus", "pengawas"),
        (("ketua",), ("sekretaris",), ("bendahara",), ("ketua pengawas", "ketua")),
        strict=True,
    ):
        name = holder(body, *positions)
        out.append(dataclasses.replace(sig, name=name) if name else sig)
    return tuple(out)

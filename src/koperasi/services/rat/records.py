"""What the RAT module keeps besides the budget: the board's and the supervisors' reports
(narrative text, started from a template filled with the year's figures), the register of
board, supervisors and staff with their terms, the meeting (date, place, agenda, members
entitled and present, decisions) with the statutes' quorum rule, and the board's answers
to the health rating's governance questions."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import delete, select, update
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import (
    MemberRelation,
    RatGovernanceAnswer,
    RatMeeting,
    RatOfficer,
    RatText,
)
from ...db.models.base import utcnow
from ...domain import health_rating
from ...domain.fmt import long_date
from ...domain.money import format_rupiah
from ...domain.quorum import QuorumRule, met, needed
from ...domain.shu import SPLIT_LABELS
from ...errors import NotFound, ValidationError
from .. import audit, health, outreach, statement_sheets, statements
from .. import shu as shu_service
from ..auth import Actor, require, require_read_all
from ..settings import get_value, set_value
from ..uow import read_only, unit_of_work

BOARD, SUPERVISORS = "board", "supervisors"
TEXT_KINDS = (BOARD, SUPERVISORS)
BODIES = ("pengurus", "pengawas", "karyawan")
QUORUM_KEY = "rat_quorum"
MAX_TEXT = 20_000


# ---------------------------------------------------------------- the year's figures


def year_figures(s: Session, year: int) -> dict[str, str]:
    """The figures the templates quote, formatted for a document in Bahasa Indonesia."""
    start, end = statements.fiscal_year_bounds(year, statements.fy_start_month(s))
    h = health.health_in(s, end, start - dt.timedelta(days=1))
    m = outreach.membership_in(s, start, end)
    plan = shu_service.plan_in(s, year)
    inc = statement_sheets.income_statement_in(s, start, end)
    return {
        "year": str(year),
        "next_year": str(year + 1),
        "start": long_date(start),
        "end": long_date(end),
        "members_end": f"{m.total.at_end:,}".replace(",", "."),
        "members_joined": str(m.total.joined),
        "members_left": str(m.total.left),
        "assets": format_rupiah(h.total_assets),
        "equity": format_rupiah(h.equity),
        "loans": format_rupiah(h.loans),
        "problem_ratio": _pct(h.ratio("problem_loans").value),
        "income": format_rupiah(inc.total_income[0]),
        "expenses": format_rupiah(inc.total_expenses[0]),
        "shu": format_rupiah(abs(plan.surplus)),
        "shu_members": format_rupiah(plan.member_surplus),
        "shu_word": "sisa hasil usaha" if plan.surplus >= 0 else "rugi",
        "shu_word_cap": "Sisa hasil usaha" if plan.surplus >= 0 else "Rugi",
    }


def _pct(value: object) -> str:
    return "–" if value is None else str(value).replace(".", ",") + " %"


TEMPLATES = {
    BOARD: (
        "Laporan Pertanggungjawaban Pengurus Tahun Buku {year}\n\n"
        "Dengan mengucap syukur, pengurus menyampaikan pertanggungjawaban atas pengelolaan "
        "koperasi selama tahun buku {year} ({start} sampai {end}).\n\n"
        "1. Keanggotaan. Pada akhir tahun buku anggota berjumlah {members_end} orang; "
        "{members_joined} anggota masuk dan {members_left} anggota keluar selama tahun buku.\n\n"
        "2. Usaha simpan pinjam. Sisa pokok pinjaman anggota pada akhir tahun {loans}, dengan "
        "rasio pinjaman bermasalah {problem_ratio}. Jumlah aset {assets} dan ekuitas {equity}.\n\n"
        "3. Hasil usaha. Pendapatan tahun buku {income} dan beban {expenses}, sehingga "
        "{shu_word} tahun buku {shu}; dari usaha dengan anggota {shu_members}.\n\n"
        "4. Rencana tahun {next_year}. Pengurus mengusulkan rencana kerja dan anggaran "
        "pendapatan dan belanja (RAPB) tahun {next_year} sebagaimana terlampir untuk "
        "disahkan rapat.\n\n"
        "Pengurus mengucapkan terima kasih kepada seluruh anggota, pengawas dan karyawan."
    ),
    SUPERVISORS: (
        "Laporan Hasil Pengawasan Tahun Buku {year}\n\n"
        "Pengawas telah melaksanakan pengawasan atas kebijakan dan pengelolaan koperasi "
        "selama tahun buku {year}, termasuk pemeriksaan buku kas, simpanan dan pinjaman "
        "anggota serta laporan keuangan per {end}.\n\n"
        "1. Pembukuan. Laporan keuangan disusun menurut SAK EP; jumlah aset {assets} dan "
        "ekuitas {equity}.\n\n"
        "2. Pinjaman. Sisa pokok pinjaman {loans}; rasio pinjaman bermasalah {problem_ratio}.\n\n"
        "3. Hasil usaha. {shu_word_cap} tahun buku {shu}.\n\n"
        "Pengawas berpendapat laporan pertanggungjawaban pengurus dapat diterima rapat, "
        "dengan catatan dan saran sebagai berikut: ..."
    ),
}


def template_in(s: Session, year: int, kind: str) -> str:
    if kind not in TEXT_KINDS:
        raise ValidationError("text_kind", "choice", choices=", ".join(TEXT_KINDS), value=kind)
    return TEMPLATES[kind].format(**year_figures(s, year))


@dataclass(frozen=True)
class RatTextView:
    year: int
    kind: str
    body: str
    saved: bool  # False: the template, not yet saved
    updated_at: dt.datetime | None
    updated_by: str


def text_in(s: Session, year: int, kind: str) -> RatTextView:
    row = s.get(RatText, (year, kind))
    if row is None:
        return RatTextView(year, kind, template_in(s, year, kind), False, None, "")
    return RatTextView(year, kind, row.body, True, row.updated_at, row.updated_by)


def get_text(db: Database, year: int, kind: str, actor: Actor | None = None) -> RatTextView:
    require_read_all(actor)
    with read_only(db) as s:
        return text_in(s, year, kind)


def save_text(db: Database, actor: Actor, year: int, kind: str, body: str) -> RatTextView:
    require(actor, "rat.write")
    if kind not in TEXT_KINDS:
        raise ValidationError("text_kind", "choice", choices=", ".join(TEXT_KINDS), value=kind)
    body = (body or "").replace("\r\n", "\n").strip()
    if not body:
        raise ValidationError("text_kind", "required")
    if len(body) > MAX_TEXT:
        raise ValidationError("text_kind", "too_large", max=MAX_TEXT)
    with unit_of_work(db) as s:
        row = s.get(RatText, (year, kind))
        before = row.body if row else None
        if row is None:
            row = RatText(year=year, kind=kind, body=body, updated_by=actor.username)
            s.add(row)
        else:
            row.body, row.updated_at, row.updated_by = body, utcnow(), actor.username
        s.flush()
        audit.record(s, actor, "rat.text", "rat_text", f"{year}/{kind}", before=before, after=body)
        return text_in(s, year, kind)


# ---------------------------------------------------------------- officers


@dataclass(frozen=True)
class OfficerInput:
    body: str  # pengurus | pengawas | karyawan
    position: str
    name: str
    term_start: dt.date
    term_end: dt.date | None = None


@dataclass(frozen=True)
class OfficerView:
    id: int
    body: str
    position: str
    name: str
    term_start: dt.date
    term_end: dt.date | None

    def serving_on(self, d: dt.date) -> bool:
        return self.term_start <= d and (self.term_end is None or self.term_end >= d)


def _officer_view(o: RatOfficer) -> OfficerView:
    return OfficerView(o.id, o.body, o.position, o.name, o.term_start, o.term_end)


def _check_officer(data: OfficerInput) -> OfficerInput:
    if data.body not in BODIES:
        raise ValidationError("officer_body", "choice", choices=", ".join(BODIES), value=data.body)
    name, position = data.name.strip(), data.position.strip()
    if not name:
        raise ValidationError("name", "required")
    if not position:
        raise ValidationError("position", "required")
    if len(name) > 120:
        raise ValidationError("name", "too_large", max=120)
    if len(position) > 60:
        raise ValidationError("position", "too_large", max=60)
    if data.term_start is None:
        raise ValidationError("term_start", "required")
    if data.term_end is not None and data.term_end < data.term_start:
        raise ValidationError("term_end", "date_before", other=long_date(data.term_start))
    return OfficerInput(data.body, position, name, data.term_start, data.term_end)


def add_officer(db: Database, actor: Actor, data: OfficerInput) -> OfficerView:
    require(actor, "rat.write")
    data = _check_officer(data)
    with unit_of_work(db) as s:
        o = RatOfficer(**data.__dict__)
        s.add(o)
        s.flush()
        audit.record(s, actor, "rat.officer.add", "rat_officer", o.id, after=data)
        return _officer_view(o)


def update_officer(db: Database, actor: Actor, officer_id: int, data: OfficerInput) -> OfficerView:
    require(actor, "rat.write")
    data = _check_officer(data)
    with unit_of_work(db) as s:
        o = s.get(RatOfficer, officer_id)
        if o is None:
            raise NotFound("not_found", what="Pengurus", key=str(officer_id))
        before = _officer_view(o)
        for k, v in data.__dict__.items():
            setattr(o, k, v)
        s.flush()
        audit.record(s, actor, "rat.officer.update", "rat_officer", o.id, before=before, after=data)
        return _officer_view(o)


def remove_officer(db: Database, actor: Actor, officer_id: int) -> None:
    require(actor, "rat.write")
    with unit_of_work(db) as s:
        o = s.get(RatOfficer, officer_id)
        if o is None:
            raise NotFound("not_found", what="Pengurus", key=str(officer_id))
        before = _officer_view(o)
        # a related party named after this officer stays a related party (the mark is the
        # member's, kept for the lending limits); only the link to the removed row goes
        s.execute(
            update(MemberRelation)
            .where(MemberRelation.officer_id == officer_id)
            .values(officer_id=None)
        )
        s.delete(o)
        audit.record(s, actor, "rat.officer.remove", "rat_officer", officer_id, before=before)


def officers_in(s: Session, serving_on: dt.date | None = None) -> list[OfficerView]:
    order = {b: n for n, b in enumerate(BODIES)}
    rows = [_officer_view(o) for o in s.scalars(select(RatOfficer).order_by(RatOfficer.id))]
    if serving_on is not None:
        rows = [o for o in rows if o.serving_on(serving_on)]
    return sorted(rows, key=lambda o: (order.get(o.body, 9), o.id))


def list_officers(
    db: Database, serving_on: dt.date | None = None, actor: Actor | None = None
) -> list[OfficerView]:
    require_read_all(actor)
    with read_only(db) as s:
        return officers_in(s, serving_on)


# ---------------------------------------------------------------- the meeting


def quorum_rule_in(s: Session) -> QuorumRule:
    raw = get_value(s, QUORUM_KEY, {}) or {}
    try:
        return QuorumRule(
            raw.get("comparison", ">"), int(raw.get("numerator", 1)), int(raw.get("denominator", 2))
        )
    except (ValidationError, ValueError, TypeError):
        return QuorumRule()


def save_quorum_rule(db: Database, actor: Actor, rule: QuorumRule) -> QuorumRule:
    require(actor, "settings.write")
    with unit_of_work(db) as s:
        set_value(s, actor, QUORUM_KEY, rule.__dict__)
    return rule


@dataclass(frozen=True)
class MeetingInput:
    held_on: dt.date | None = None
    place: str = ""
    members_entitled: int | None = None
    members_present: int | None = None
    agenda: str = ""
    decisions: str = ""


@dataclass(frozen=True)
class MeetingView:
    year: int
    held_on: dt.date | None
    place: str
    members_entitled: int  # as entered, else the members at the year's end
    members_present: int | None
    agenda: tuple[str, ...]
    decisions: tuple[str, ...]
    rule: QuorumRule
    needed: int
    quorum: bool | None  # None until the count is entered
    saved: bool


def default_agenda(year: int) -> tuple[str, ...]:
    return (
        "Pembukaan dan pengesahan tata tertib rapat",
        "Pemeriksaan daftar hadir dan kuorum",
        f"Laporan pertanggungjawaban pengurus tahun buku {year}",
        f"Laporan hasil pengawasan tahun buku {year}",
        f"Pengesahan laporan keuangan tahun buku {year}",
        f"Penetapan pembagian SHU tahun buku {year}",
        f"Pengesahan rencana kerja dan RAPB tahun {year + 1}",
        "Pemilihan pengurus dan pengawas (bila masa jabatan berakhir)",
        "Lain-lain dan penutupan",
    )


def default_decisions(s: Session, year: int) -> tuple[str, ...]:
    plan = shu_service.plan_in(s, year)
    start, end = statements.fiscal_year_bounds(year, statements.fy_start_month(s))
    out = [
        f"Menerima laporan pertanggungjawaban pengurus dan laporan pengawas tahun buku {year}.",
        f"Mengesahkan laporan keuangan tahun buku {year}.",
    ]
    if plan.surplus >= 0:
        parts = ", ".join(
            f"{shu_service_label(k)} {format_rupiah(v)}" for k, v in plan.pots.items() if v
        )
        out.append(
            f"Menetapkan pembagian SHU tahun buku {year} sebesar {format_rupiah(plan.surplus)}"
            + (f": {parts}." if parts else ".")
        )
    else:
        out.append(
            f"Menetapkan penutupan rugi tahun buku {year} sebesar {format_rupiah(-plan.surplus)}."
        )
    from .budget import budget_in

    rapb = budget_in(s, year + 1)
    if rapb:
        out.append(f"Mengesahkan rencana kerja dan RAPB tahun {year + 1}.")
    ending = [
        o
        for o in officers_in(s)
        if o.body != "karyawan"
        and o.term_end
        and start <= o.term_end <= end + dt.timedelta(days=366)
    ]
    if ending:
        out.append(
            "Memilih pengganti "
            + ", ".join(f"{o.position} {o.name}" for o in ending)
            + " yang masa jabatannya berakhir."
        )
    return tuple(out)


def shu_service_label(key: str) -> str:
    pair = SPLIT_LABELS.get(key)
    return pair[0].lower() if pair else key


def meeting_in(s: Session, year: int) -> MeetingView:
    row = s.get(RatMeeting, year)
    rule = quorum_rule_in(s)
    start, end = statements.fiscal_year_bounds(year, statements.fy_start_month(s))
    entitled = row.members_entitled if row and row.members_entitled is not None else None
    if entitled is None:
        entitled = outreach.membership_in(s, start, end).total.at_end
    present = row.members_present if row else None
    agenda = tuple(x for x in (row.agenda if row else "").splitlines() if x.strip())
    decisions = tuple(x for x in (row.decisions if row else "").splitlines() if x.strip())
    return MeetingView(
        year,
        row.held_on if row else None,
        row.place if row else "",
        entitled,
        present,
        agenda or default_agenda(year),
        decisions or default_decisions(s, year),
        rule,
        needed(rule, entitled),
        None if present is None else met(rule, entitled, present),
        row is not None,
    )


def get_meeting(db: Database, year: int, actor: Actor | None = None) -> MeetingView:
    require_read_all(actor)
    with read_only(db) as s:
        return meeting_in(s, year)


def save_meeting(db: Database, actor: Actor, year: int, data: MeetingInput) -> MeetingView:
    require(actor, "rat.write")
    for key in ("members_entitled", "members_present"):
        v = getattr(data, key)
        if v is not None and v < 0:
            raise ValidationError(key, "must_not_be_negative")
    if len(data.place) > 200:
        raise ValidationError("place", "too_large", max=200)
    with unit_of_work(db) as s:
        entitled = data.members_entitled
        if entitled is None:  # the members at the year's end
            start, end = statements.fiscal_year_bounds(year, statements.fy_start_month(s))
            entitled = outreach.membership_in(s, start, end).total.at_end
        if data.members_present is not None and data.members_present > entitled:
            raise ValidationError(
                "members_present",
                "present_exceeds_entitled",
                value=data.members_present,
                other=entitled,
            )
        row = s.get(RatMeeting, year)
        before = (
            None
            if row is None
            else {
                "held_on": row.held_on,
                "place": row.place,
                "members_entitled": row.members_entitled,
                "members_present": row.members_present,
                "agenda": row.agenda,
                "decisions": row.decisions,
            }
        )
        if row is None:
            row = RatMeeting(year=year)
            s.add(row)
        row.held_on = data.held_on
        row.place = data.place.strip()
        row.members_entitled = data.members_entitled
        row.members_present = data.members_present
        row.agenda = data.agenda.replace("\r\n", "\n").strip()
        row.decisions = data.decisions.replace("\r\n", "\n").strip()
        s.flush()
        audit.record(s, actor, "rat.meeting", "rat_meeting", year, before=before, after=data)
        return meeting_in(s, year)


# ---------------------------------------------------------------- governance answers


def answers_in(s: Session, year: int) -> dict[str, bool]:
    rows = s.execute(
        select(RatGovernanceAnswer.question, RatGovernanceAnswer.met).where(
            RatGovernanceAnswer.year == year
        )
    )
    return {q: bool(m) for q, m in rows}


def get_answers(db: Database, year: int, actor: Actor | None = None) -> dict[str, bool]:
    require_read_all(actor)
    with read_only(db) as s:
        return answers_in(s, year)


def save_answers(
    db: Database, actor: Actor, year: int, answers: dict[str, bool]
) -> dict[str, bool]:
    """Replace the year's answers (question key -> met)."""
    require(actor, "rat.write")
    for q in answers:
        if q not in health_rating.QUESTIONS:
            raise ValidationError("question", "unknown_question", value=q)
    with unit_of_work(db) as s:
        before = answers_in(s, year)
        s.execute(delete(RatGovernanceAnswer).where(RatGovernanceAnswer.year == year))
        for q, v in sorted(answers.items()):
            s.add(RatGovernanceAnswer(year=year, question=q, met=bool(v)))
        s.flush()
        audit.record(
            s, actor, "rat.governance", "rat_governance", year, before=before, after=answers
        )
        return answers_in(s, year)

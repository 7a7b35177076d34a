"""The member and the group a report is about, as plain values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import Group, Member
from ...errors import ValidationError
from ..groups import group_by_code
from ..members import member_by_number


@dataclass(frozen=True)
class MemberRef:
    id: int
    number: str
    name: str
    gender: str
    join_date: dt.date
    status: str
    group_id: int | None


@dataclass(frozen=True)
class GroupRef:
    id: int
    code: str
    name: str
    meeting_place: str
    leader_member_id: int | None


def member_ref(m: Member) -> MemberRef:
    return MemberRef(m.id, m.number, m.name, m.gender, m.join_date, m.status, m.group_id)


def group_ref(g: Group) -> GroupRef:
    return GroupRef(g.id, g.code, g.name, g.meeting_place, g.leader_member_id)


def member_named(s: Session, number: str | None) -> MemberRef:
    """The member numbered ``number``; without one, the first member by number."""
    if number:
        return member_ref(member_by_number(s, number))
    m = s.scalars(select(Member).order_by(Member.number)).first()
    if m is None:
        raise ValidationError("member", "no_data", what="anggota")
    return member_ref(m)


def group_named(s: Session, code: str | None) -> GroupRef:
    """The group coded ``code``; without one, the first active group by code."""
    if code:
        return group_ref(group_by_code(s, code))
    g = s.scalars(select(Group).where(Group.active.is_(True)).order_by(Group.code)).first()
    if g is None:
        raise ValidationError("group", "no_data", what="kelompok")
    return group_ref(g)


def group_of(s: Session, group_id: int | None) -> GroupRef | None:
    g = s.get(Group, group_id) if group_id else None
    return group_ref(g) if g is not None else None


def member_by_id(s: Session, member_id: int | None) -> MemberRef | None:
    m = s.get(Member, member_id) if member_id else None
    return member_ref(m) if m is not None else None


@dataclass(frozen=True)
class MemberDetails:
    """A member as a paper addressed to them names them."""

    id: int
    number: str
    name: str
    nik: str
    address: str
    kelurahan: str
    kecamatan: str
    join_date: dt.date
    group_id: int | None
    group_name: str  # "" without a group


def member_details(s: Session, member_id: int) -> MemberDetails:
    m = s.get(Member, member_id)
    assert m is not None
    g = s.get(Group, m.group_id) if m.group_id else None
    return MemberDetails(
        m.id,
        m.number,
        m.name,
        m.nik,
        m.address,
        m.kelurahan,
        m.kecamatan,
        m.join_date,
        m.group_id,
        g.name if g else "",
    )


def group_codes(s: Session) -> dict[int, str]:
    """group id -> code, of every group."""
    return {gid: code for gid, code in s.execute(select(Group.id, Group.code))}


def group_names(s: Session) -> dict[str, str]:
    """group code -> name, of every group."""
    return {code: name for code, name in s.execute(select(Group.code, Group.name))}


def all_members(s: Session) -> list[tuple[int, str, str]]:
    """(id, number, name) of every member, by number."""
    return [
        (mid, number, name)
        for mid, number, name in s.execute(
            select(Member.id, Member.number, Member.name).order_by(Member.number)
        )
    ]

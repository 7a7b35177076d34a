"""Groups (kelompok): meeting day and place, leader, members with join/leave history."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Group, GroupMembership, Member
from ..errors import NotFound, ValidationError
from . import audit
from .auth import Actor, require, require_group_visible, visible_groups
from .members import assign_in, member_by_number
from .uow import read_only, unit_of_work
from .validation import check_required

DAY_NAMES_ID = ("Senin", "Selasa", "Rabu", "Kamis", "Jumat", "Sabtu", "Minggu")
DAY_NAMES_EN = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


@dataclass(frozen=True)
class GroupInput:
    code: str
    name: str
    meeting_day: int | None = None  # 0 = Senin
    meeting_place: str = ""
    kelurahan: str = ""
    formed_on: dt.date | None = None


@dataclass(frozen=True)
class GroupRow:
    id: int
    code: str
    name: str
    leader_number: str | None
    leader_name: str | None
    meeting_day: int | None
    meeting_place: str
    kelurahan: str
    member_count: int
    active: bool

    @property
    def meeting_day_name(self) -> str:
        return DAY_NAMES_ID[self.meeting_day] if self.meeting_day is not None else ""


@dataclass(frozen=True)
class GroupMemberRow:
    number: str
    name: str
    gender: str
    joined_on: dt.date
    left_on: dt.date | None
    is_leader: bool


def _validate(data: GroupInput) -> GroupInput:
    code = check_required(data.code, "code").upper()
    name = check_required(data.name, "name")
    if data.meeting_day is not None and not 0 <= data.meeting_day <= 6:
        raise ValidationError(
            "meeting_day", "choice", choices=", ".join(DAY_NAMES_ID), value=data.meeting_day
        )
    return GroupInput(
        code,
        name,
        data.meeting_day,
        data.meeting_place.strip(),
        data.kelurahan.strip(),
        data.formed_on,
    )


def group_by_code(session: Session, code: str, *, lock: bool = False) -> Group:
    q = select(Group).where(Group.code == code.strip().upper())
    if lock:
        q = q.with_for_update()
    g = session.scalars(q).first()
    if g is None:
        raise NotFound(what="Kelompok", key=code)
    return g


def create_group(db: Database, actor: Actor, data: GroupInput) -> GroupRow:
    require(actor, "group.write")
    data = _validate(data)
    with unit_of_work(db) as s:
        if s.scalar(select(Group.id).where(Group.code == data.code)) is not None:
            raise ValidationError("code", "duplicate", value=data.code)
        if s.scalar(select(Group.id).where(Group.name == data.name)) is not None:
            raise ValidationError("name", "duplicate", value=data.name)
        g = Group(
            code=data.code,
            name=data.name,
            meeting_day=data.meeting_day,
            meeting_place=data.meeting_place,
            kelurahan=data.kelurahan,
            formed_on=data.formed_on or dt.date.today(),
        )
        s.add(g)
        s.flush()
        audit.record(s, actor, "group.create", "group", data.code, after=data)
        return _row(s, g)


def update_group(db: Database, actor: Actor, code: str, data: GroupInput) -> GroupRow:
    require(actor, "group.write")
    data = _validate(data)
    with unit_of_work(db) as s:
        g = group_by_code(s, code, lock=True)
        before = _row(s, g)
        dup = s.scalar(select(Group.id).where(Group.name == data.name, Group.id != g.id))
        if dup is not None:
            raise ValidationError("name", "duplicate", value=data.name)
        g.name, g.meeting_day = data.name, data.meeting_day
        g.meeting_place, g.kelurahan = data.meeting_place, data.kelurahan
        s.flush()
        after = _row(s, g)
        audit.record(s, actor, "group.update", "group", g.code, before=before, after=after)
        return after


def assign_member(
    db: Database,
    actor: Actor,
    member_no: str,
    group_code: str,
    date: dt.date | None = None,
) -> None:
    require(actor, "group.write")
    with unit_of_work(db) as s:
        m = member_by_number(s, member_no, lock=True)
        if m.status in ("keluar", "meninggal"):
            raise ValidationError("member", "member_not_active", member=member_no, status=m.status)
        assign_in(s, actor, m, group_by_code(s, group_code, lock=True), date or dt.date.today())


def remove_member(db: Database, actor: Actor, member_no: str, date: dt.date | None = None) -> None:
    require(actor, "group.write")
    date = date or dt.date.today()
    with unit_of_work(db) as s:
        m = member_by_number(s, member_no, lock=True)
        for row in s.scalars(
            select(GroupMembership).where(
                GroupMembership.member_id == m.id, GroupMembership.left_on.is_(None)
            )
        ):
            row.left_on = date
            g = s.get(Group, row.group_id)
            if g is not None and g.leader_member_id == m.id:
                g.leader_member_id = None
        m.group_id = None
        audit.record(s, actor, "group.remove", "member", member_no, after={"date": date})


def set_leader(db: Database, actor: Actor, group_code: str, member_no: str) -> GroupRow:
    """The leader (ketua kelompok) must be a current member of the group."""
    require(actor, "group.write")
    with unit_of_work(db) as s:
        g = group_by_code(s, group_code, lock=True)
        m = member_by_number(s, member_no)
        if m.group_id != g.id:
            raise ValidationError("leader", "group_has_leader_elsewhere", group=g.name)
        before = g.leader_member_id
        g.leader_member_id = m.id
        s.flush()
        audit.record(
            s,
            actor,
            "group.leader",
            "group",
            g.code,
            before={"leader_id": before},
            after={"leader": member_no},
        )
        return _row(s, g)


def _row(s: Session, g: Group) -> GroupRow:
    leader = s.get(Member, g.leader_member_id) if g.leader_member_id else None
    count = s.scalar(select(func.count(Member.id)).where(Member.group_id == g.id)) or 0
    return GroupRow(
        g.id,
        g.code,
        g.name,
        leader.number if leader else None,
        leader.name if leader else None,
        g.meeting_day,
        g.meeting_place,
        g.kelurahan,
        int(count),
        g.active,
    )


def list_groups(
    db: Database,
    group_ids: frozenset[int] | None = None,
    actor: Actor | None = None,
) -> list[GroupRow]:
    scope = visible_groups(actor)
    if scope is not None:
        group_ids = scope if group_ids is None else frozenset(group_ids) & scope
    with read_only(db) as s:
        counts = dict(
            s.execute(
                select(Member.group_id, func.count(Member.id))
                .where(Member.group_id.is_not(None))
                .group_by(Member.group_id)
            ).all()
        )
        # keyed by member id; looked up with a group's leader id, which may be None
        leaders: dict[int | None, str] = dict(
            s.execute(
                select(Member.id, Member.number).join(Group, Group.leader_member_id == Member.id)
            ).all()
        )
        names: dict[int | None, str] = dict(
            s.execute(
                select(Member.id, Member.name).join(Group, Group.leader_member_id == Member.id)
            ).all()
        )
        q = select(Group).order_by(Group.code)
        if group_ids is not None:
            q = q.where(Group.id.in_(group_ids))
        return [
            GroupRow(
                g.id,
                g.code,
                g.name,
                leaders.get(g.leader_member_id),
                names.get(g.leader_member_id),
                g.meeting_day,
                g.meeting_place,
                g.kelurahan,
                int(counts.get(g.id, 0)),
                g.active,
            )
            for g in s.scalars(q)
        ]


def get_group(db: Database, code: str, actor: Actor | None = None) -> GroupRow:
    with read_only(db) as s:
        g = group_by_code(s, code)
        require_group_visible(actor, g.id, "Kelompok", g.code)
        return _row(s, g)


def group_members(
    db: Database,
    code: str,
    include_past: bool = False,
    actor: Actor | None = None,
) -> list[GroupMemberRow]:
    with read_only(db) as s:
        g = group_by_code(s, code)
        require_group_visible(actor, g.id, "Kelompok", g.code)
        q = (
            select(
                Member.number,
                Member.name,
                Member.gender,
                GroupMembership.joined_on,
                GroupMembership.left_on,
                Member.id,
            )
            .join(GroupMembership, GroupMembership.member_id == Member.id)
            .where(GroupMembership.group_id == g.id)
            .order_by(Member.name_key)
        )
        if not include_past:
            q = q.where(GroupMembership.left_on.is_(None))
        return [
            GroupMemberRow(n, nm, gd, j, lft, mid == g.leader_member_id)
            for n, nm, gd, j, lft, mid in s.execute(q)
        ]

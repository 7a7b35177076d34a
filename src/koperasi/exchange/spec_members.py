"""The audit workbook's columns: Members, groups and their history, vulnerability categories."""

from __future__ import annotations

from collections.abc import Iterator

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Group,
    GroupMembership,
    Member,
    MemberVulnerability,
    VulnerabilityCategory,
)
from .spec import BOOL, DATE, DATETIME, ID, INT, TEXT, Col, Period, stream

MEMBER_COLS = (
    Col("member_id", ID, "id"),
    Col("member_number", TEXT, "number"),
    Col("nik", TEXT, "nik"),
    Col("name", TEXT, "name"),
    Col("gender", TEXT, "gender"),
    Col("birth_place", TEXT, "birth_place"),
    Col("birth_date", DATE, "birth_date"),
    Col("address", TEXT, "address"),
    Col("kelurahan", TEXT, "kelurahan"),
    Col("kecamatan", TEXT, "kecamatan"),
    Col("phone", TEXT, "phone"),
    Col("occupation", TEXT, "occupation"),
    Col("join_date", DATE, "join_date"),
    Col("heir_name", TEXT, "heir_name"),
    Col("heir_relation", TEXT, "heir_relation"),
    Col("status", TEXT, "status"),
    Col("status_date", DATE, "status_date"),
    Col("exit_reason", TEXT, "exit_reason"),
    Col("group_id", ID, "group_id"),
    Col("group_code", TEXT),
    Col("vulnerability_codes", TEXT),
    Col("created_at", DATETIME, "created_at"),
)


def member_rows(s: Session, p: Period) -> Iterator[tuple]:
    cats = (
        select(
            MemberVulnerability.member_id.label("mid"),
            func.group_concat(VulnerabilityCategory.code, ";").label("codes")
            if s.get_bind().dialect.name == "sqlite"
            else func.string_agg(VulnerabilityCategory.code, ";").label("codes"),
        )
        .join(VulnerabilityCategory, VulnerabilityCategory.id == MemberVulnerability.category_id)
        .group_by(MemberVulnerability.member_id)
        .subquery()
    )
    m = Member
    q = (
        select(
            m.id,
            m.number,
            m.nik,
            m.name,
            m.gender,
            m.birth_place,
            m.birth_date,
            m.address,
            m.kelurahan,
            m.kecamatan,
            m.phone,
            m.occupation,
            m.join_date,
            m.heir_name,
            m.heir_relation,
            m.status,
            m.status_date,
            m.exit_reason,
            m.group_id,
            Group.code,
            cats.c.codes,
            m.created_at,
        )
        .outerjoin(Group, Group.id == m.group_id)
        .outerjoin(cats, cats.c.mid == m.id)
        .order_by(m.id)
    )
    for row in stream(s, q):
        codes = row[20]
        if codes:  # aggregate order is not guaranteed: sort for a stable hash
            row = row[:20] + (";".join(sorted(codes.split(";"))),) + row[21:]
        yield row


GROUP_COLS = (
    Col("group_id", ID, "id"),
    Col("group_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("leader_member_id", ID, "leader_member_id"),
    Col("leader_member_number", TEXT),
    Col("meeting_day", INT, "meeting_day"),
    Col("meeting_place", TEXT, "meeting_place"),
    Col("kelurahan", TEXT, "kelurahan"),
    Col("formed_on", DATE, "formed_on"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
)


def group_rows(s: Session, p: Period) -> Iterator[tuple]:
    g = Group
    q = (
        select(
            g.id,
            g.code,
            g.name,
            g.leader_member_id,
            Member.number,
            g.meeting_day,
            g.meeting_place,
            g.kelurahan,
            g.formed_on,
            g.active,
            g.created_at,
        )
        .outerjoin(Member, Member.id == g.leader_member_id)
        .order_by(g.id)
    )
    return stream(s, q)


GROUP_HISTORY_COLS = (
    Col("group_membership_id", ID, "id"),
    Col("member_id", ID, "member_id"),
    Col("group_id", ID, "group_id"),
    Col("joined_on", DATE, "joined_on"),
    Col("left_on", DATE, "left_on"),
)


def group_history_rows(s: Session, p: Period) -> Iterator[tuple]:
    gm = GroupMembership
    return stream(
        s, select(gm.id, gm.member_id, gm.group_id, gm.joined_on, gm.left_on).order_by(gm.id)
    )


CATEGORY_COLS = (
    Col("category_id", ID, "id"),
    Col("category_code", TEXT, "code"),
    Col("name_id", TEXT, "name_id"),
    Col("name_en", TEXT, "name_en"),
    Col("active", BOOL, "active"),
)


def category_rows(s: Session, p: Period) -> Iterator[tuple]:
    c = VulnerabilityCategory
    return stream(s, select(c.id, c.code, c.name_id, c.name_en, c.active).order_by(c.id))

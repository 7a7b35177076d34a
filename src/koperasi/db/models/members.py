"""Members (anggota), groups (kelompok) and vulnerability categories."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import Date, ForeignKey, Index, Integer, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from ...domain.vocabulary import MemberStatus
from .base import Base, utcnow


class VulnerabilityCategory(Base):
    __tablename__ = "vulnerability_categories"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(32), unique=True)
    name_id: Mapped[str] = mapped_column(String(120))
    name_en: Mapped[str] = mapped_column(String(120))
    active: Mapped[bool] = mapped_column(default=True)


class Group(Base):
    __tablename__ = "groups"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(120), unique=True)
    leader_member_id: Mapped[int | None] = mapped_column(
        ForeignKey("members.id", use_alter=True, name="fk_groups_leader_member_id_members")
    )
    meeting_day: Mapped[int | None] = mapped_column(Integer)  # 0 = Senin ... 6 = Minggu
    meeting_place: Mapped[str] = mapped_column(String(200), default="")
    kelurahan: Mapped[str] = mapped_column(String(80), default="")
    formed_on: Mapped[dt.date | None] = mapped_column(Date)
    active: Mapped[bool] = mapped_column(default=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class Member(Base):
    __tablename__ = "members"
    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[str] = mapped_column(String(20), unique=True)
    nik: Mapped[str] = mapped_column(String(16), unique=True)
    name: Mapped[str] = mapped_column(String(120))
    name_key: Mapped[str] = mapped_column(String(120), index=True)  # lower-case for search
    gender: Mapped[str] = mapped_column(String(1))  # L / P
    birth_place: Mapped[str] = mapped_column(String(80), default="")
    birth_date: Mapped[dt.date | None] = mapped_column(Date)
    address: Mapped[str] = mapped_column(Text, default="")
    kelurahan: Mapped[str] = mapped_column(String(80), default="")
    kecamatan: Mapped[str] = mapped_column(String(80), default="")
    phone: Mapped[str] = mapped_column(String(20), default="", index=True)
    occupation: Mapped[str] = mapped_column(String(120), default="")
    join_date: Mapped[dt.date] = mapped_column(Date)
    heir_name: Mapped[str] = mapped_column(String(120), default="")
    heir_relation: Mapped[str] = mapped_column(String(40), default="")
    status: Mapped[str] = mapped_column(String(12), default=MemberStatus.ACTIVE)
    status_date: Mapped[dt.date | None] = mapped_column(Date)
    exit_reason: Mapped[str] = mapped_column(Text, default="")
    group_id: Mapped[int | None] = mapped_column(ForeignKey("groups.id"), index=True)
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)


class MemberVulnerability(Base):
    __tablename__ = "member_vulnerabilities"
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"), primary_key=True)
    category_id: Mapped[int] = mapped_column(
        ForeignKey("vulnerability_categories.id"), primary_key=True, index=True
    )


class GroupMembership(Base):
    """History of a member's groups; the open row (left_on NULL) is the current one."""

    __tablename__ = "group_memberships"
    id: Mapped[int] = mapped_column(primary_key=True)
    member_id: Mapped[int] = mapped_column(ForeignKey("members.id"))
    group_id: Mapped[int] = mapped_column(ForeignKey("groups.id"))
    joined_on: Mapped[dt.date] = mapped_column(Date)
    left_on: Mapped[dt.date | None] = mapped_column(Date)
    __table_args__ = (
        Index("ix_group_memberships_member", "member_id", "joined_on"),
        Index("ix_group_memberships_group", "group_id"),
    )

"""What the report form offers (:mod:`koperasi.reports.choices`): groups, the first member
and the latest receipt, within a ketua kelompok's groups when ``scope`` is given."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import Group, JournalEntry, JournalLine, Member


def active_groups(s: Session, scope: frozenset[int] | None) -> tuple[tuple[str, str], ...]:
    """(code, name) of the active groups (of ``scope``), by code."""
    where = [] if scope is None else [Group.id.in_(scope)]
    return tuple(
        (g.code, g.name)
        for g in s.scalars(select(Group).where(Group.active.is_(True), *where).order_by(Group.code))
    )


def first_member(s: Session, scope: frozenset[int] | None) -> tuple[str, str] | None:
    """(number, name) of the first member by number (of the groups of ``scope``)."""
    where = [] if scope is None else [Member.group_id.in_(scope)]
    row = s.execute(
        select(Member.number, Member.name).where(*where).order_by(Member.number)
    ).first()
    return (row[0], row[1]) if row is not None else None


def latest_receipt(s: Session, scope: frozenset[int] | None) -> str | None:
    """The latest receipt number (naming a member of the groups of ``scope``)."""
    rq = select(JournalEntry.receipt_no).where(JournalEntry.receipt_no.is_not(None))
    if scope is not None:
        rq = (
            rq.join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .join(Member, Member.id == JournalLine.member_id)
            .where(Member.group_id.in_(scope))
        )
    return s.scalar(rq.order_by(JournalEntry.id.desc()).limit(1))

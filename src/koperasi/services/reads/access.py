"""What the report access rules (:mod:`koperasi.reports.access`) read: which groups a
ketua kelompok's report may name, and the group of a member, a loan or a receipt."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import Group, JournalEntry, JournalLine, Loan, Member
from ...errors import NotFound
from .people import GroupRef, MemberRef, group_ref, member_ref


def groups_among(s: Session, groups: frozenset[int]) -> list[GroupRef]:
    """The groups of ``groups`` that exist, by code."""
    return [
        group_ref(g)
        for g in s.scalars(select(Group).where(Group.id.in_(groups)).order_by(Group.code))
    ]


def group_coded(s: Session, code: str) -> GroupRef | None:
    g = s.scalars(select(Group).where(Group.code == code.upper())).first()
    return group_ref(g) if g is not None else None


def member_numbered(s: Session, number: str) -> MemberRef:
    m = s.scalars(select(Member).where(Member.number == number.strip())).first()
    if m is None:
        raise NotFound(what="Anggota", key=number)
    return member_ref(m)


def loan_borrower(s: Session, number: str) -> tuple[str, MemberRef | None] | None:
    """(loan number, borrower) of the loan numbered ``number``; None when there is none."""
    loan = s.scalars(select(Loan).where(Loan.number == number.strip())).first()
    if loan is None:
        return None
    m = s.get(Member, loan.member_id)
    return loan.number, member_ref(m) if m is not None else None


def receipt_exists(s: Session, receipt: str) -> bool:
    found = s.scalar(select(JournalEntry.id).where(JournalEntry.receipt_no == receipt).limit(1))
    return found is not None


def receipt_groups(s: Session, receipt: str) -> set[int | None]:
    """The groups of the members a receipt's lines name (None for a line without one)."""
    rows = s.execute(
        select(Member.group_id)
        .select_from(JournalEntry)
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .outerjoin(Member, Member.id == JournalLine.member_id)
        .where(JournalEntry.receipt_no == receipt, JournalLine.member_id.is_not(None))
    ).all()
    return {r[0] for r in rows}


def latest_receipt_in(s: Session, groups: frozenset[int]) -> str | None:
    """The latest receipt naming a member of ``groups``."""
    return s.scalar(
        select(JournalEntry.receipt_no)
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .join(Member, Member.id == JournalLine.member_id)
        .where(JournalEntry.receipt_no.is_not(None), Member.group_id.in_(groups))
        .order_by(JournalEntry.id.desc())
        .limit(1)
    )


def first_member_in(s: Session, groups: frozenset[int], borrowers: bool = False) -> str | None:
    """The first member number (of a borrower whose loan was paid out, with ``borrowers``)
    among the members of ``groups``."""
    q = select(Member.number).where(Member.group_id.in_(groups)).order_by(Member.number)
    if borrowers:
        q = q.join(Loan, Loan.member_id == Member.id).where(Loan.disbursed_on.is_not(None))
    return s.scalars(q.limit(1)).first()

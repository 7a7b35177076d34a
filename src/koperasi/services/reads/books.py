"""Read models of the books (:mod:`koperasi.reports.books`): the journal's lines of a
period, and what the cash book names beside each cash line."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import NamedTuple

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ...db.models import Account, JournalEntry, JournalLine, Member


class EntryLine(NamedTuple):
    entry_id: int
    date: dt.date
    receipt_no: str | None
    description: str
    code: str
    name: str
    name_en: str | None
    debit: int
    credit: int
    memo: str | None


def entry_lines(
    s: Session,
    start: dt.date,
    end: dt.date,
    account_codes: Iterable[str] | None = None,
    by_account: bool = False,
) -> list[EntryLine]:
    """The journal lines of the entries from ``start`` to ``end`` (of ``account_codes``
    only, if given), in (date, entry, line) order, or by account code first."""
    q = (
        select(
            JournalEntry.id,
            JournalEntry.date,
            JournalEntry.receipt_no,
            JournalEntry.description,
            Account.code,
            Account.name,
            Account.name_en,
            JournalLine.debit,
            JournalLine.credit,
            JournalLine.memo,
        )
        .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
        .join(Account, Account.id == JournalLine.account_id)
        .where(JournalEntry.date >= start, JournalEntry.date <= end)
    )
    if account_codes is not None:
        q = q.where(Account.code.in_(set(account_codes)))
    order = (JournalEntry.date, JournalEntry.id, JournalLine.id)
    q = q.order_by(Account.code, *order) if by_account else q.order_by(*order)
    return [
        EntryLine(eid, d, r, desc, code, name, name_en, int(debit), int(credit), memo)
        for eid, d, r, desc, code, name, name_en, debit, credit, memo in s.execute(q)
    ]


def cash_counterparts(
    s: Session, start: dt.date, end: dt.date, cash: Iterable[str]
) -> tuple[dict[int, dict[str, tuple[str, str]]], dict[int, list[str]]]:
    """For the entries that move cash or bank between ``start`` and ``end``: entry id ->
    {account code: (name, English name)} of all its lines, and entry id -> the members named
    on its lines (``A00012 – Siti Aminah``)."""
    moves_cash = (
        select(JournalLine.entry_id)
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(Account.code.in_(set(cash)), JournalEntry.date >= start, JournalEntry.date <= end)
    )
    q = (
        select(
            JournalLine.entry_id,
            Account.code,
            Account.name,
            Account.name_en,
            Member.number,
            Member.name,
        )
        .join(Account, Account.id == JournalLine.account_id)
        .outerjoin(Member, Member.id == JournalLine.member_id)
        .where(JournalLine.entry_id.in_(moves_cash))
        .order_by(JournalLine.entry_id, JournalLine.id)
    )
    accounts: dict[int, dict[str, tuple[str, str]]] = {}
    members: dict[int, list[str]] = {}
    for eid, code, name, name_en, number, member_name in s.execute(q):
        accounts.setdefault(eid, {}).setdefault(code, (name, name_en or name))
        if number:
            who = f"{number} – {member_name}"
            if who not in members.setdefault(eid, []):
                members[eid].append(who)
    return accounts, members


def account_moves(s: Session, code: str, start: dt.date, end: dt.date) -> tuple[int, int] | None:
    """(debits, credits) posted to account ``code`` from ``start`` to ``end``; None when the
    chart has no such account."""
    account = s.scalar(select(Account.id).where(Account.code == code))
    if account is None:
        return None
    debit, credit = s.execute(
        select(
            func.coalesce(func.sum(JournalLine.debit), 0),
            func.coalesce(func.sum(JournalLine.credit), 0),
        )
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(
            JournalLine.account_id == account,
            JournalEntry.date >= start,
            JournalEntry.date <= end,
        )
    ).one()
    return int(debit), int(credit)

"""The queries many services and reports ask, written once (issue 19, item 5).

- **Savings balance at a date**: the sum of a savings account's transactions up to and
  including the day (reversals are rows with the signs turned, so they are in the sum).
  :func:`savings_balance_at` for one account, one member or the whole book;
  :func:`savings_by_member_at` and :func:`savings_by_member_kind_at` per member.
- **Live, not reversed**: a transaction row that is neither a reversal nor reversed by one
  (:func:`live_loan_tx`), and the same for journal entries (:func:`live_entry`).

A leaf of ``services``: it imports only the models, so every service may use it.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from typing import Any

from sqlalchemy import ColumnElement, Select, and_, func, select
from sqlalchemy.orm import Session

from ..db.models import (
    JournalEntry,
    LoanTransaction,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)

# ---------------------------------------------------------------- savings balance at a date


def _balances(
    as_of: dt.date,
    *group_by: Any,
    account_id: int | None = None,
    member_id: int | None = None,
    kinds: Iterable[str] | None = None,
    before: bool = False,
) -> Select[Any]:
    """SELECT group_by..., SUM(amount) of the savings transactions on or before ``as_of``
    (strictly before with ``before``), for one account, one member and/or some product
    kinds; joins only the tables the filters and columns need."""
    cols = (*group_by, func.coalesce(func.sum(SavingsTransaction.amount), 0))
    q = select(*cols).select_from(SavingsTransaction)
    need_product = kinds is not None or any(
        getattr(c, "class_", None) is SavingsProduct for c in group_by
    )
    if member_id is not None or need_product or group_by:
        q = q.join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
    if need_product:
        q = q.join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
    q = q.where(SavingsTransaction.date < as_of if before else SavingsTransaction.date <= as_of)
    if account_id is not None:
        q = q.where(SavingsTransaction.account_id == account_id)
    if member_id is not None:
        q = q.where(SavingsAccount.member_id == member_id)
    if kinds is not None:
        q = q.where(SavingsProduct.kind.in_(tuple(kinds)))
    if group_by:
        q = q.group_by(*group_by)
    return q


def savings_balance_at(
    s: Session,
    as_of: dt.date,
    *,
    account_id: int | None = None,
    member_id: int | None = None,
    kinds: Iterable[str] | None = None,
    before: bool = False,
) -> int:
    """The savings balance at the end of ``as_of`` (at its start with ``before``): of one
    account, of all a member's accounts, of some product kinds, or of the whole book."""
    q = _balances(as_of, account_id=account_id, member_id=member_id, kinds=kinds, before=before)
    return int(s.scalar(q) or 0)


def savings_by_member_at(
    s: Session, as_of: dt.date, kinds: Iterable[str] | None = None
) -> dict[int, int]:
    """member id -> all their savings (of ``kinds`` only, if given) at ``as_of``."""
    q = _balances(as_of, SavingsAccount.member_id, kinds=kinds)
    return {mid: int(v or 0) for mid, v in s.execute(q) if mid is not None}


def savings_by_member_kind_at(s: Session, as_of: dt.date) -> dict[tuple[int, str], int]:
    """(member id, product kind) -> balance at ``as_of``."""
    q = _balances(as_of, SavingsAccount.member_id, SavingsProduct.kind)
    return {(mid, kind): int(v or 0) for mid, kind, v in s.execute(q)}


# ---------------------------------------------------------------- live, not reversed


def live_loan_tx(*scope: ColumnElement[bool]) -> ColumnElement[bool]:
    """WHERE clause: a loan transaction that is no reversal and not reversed. ``scope``
    (e.g. ``LoanTransaction.loan_id == loan.id``) narrows the search for reversals to the
    rows asked about."""
    reversed_ids = select(LoanTransaction.reverses_id).where(
        *scope, LoanTransaction.reverses_id.is_not(None)
    )
    return and_(LoanTransaction.reverses_id.is_(None), LoanTransaction.id.not_in(reversed_ids))


def live_entry(*scope: ColumnElement[bool]) -> ColumnElement[bool]:
    """WHERE clause: a journal entry that is no reversal and not reversed (``scope`` narrows
    the search for reversals, as in :func:`live_loan_tx`)."""
    reversing = select(JournalEntry.reverses_entry_id).where(
        *scope, JournalEntry.reverses_entry_id.is_not(None)
    )
    return and_(JournalEntry.reverses_entry_id.is_(None), JournalEntry.id.not_in(reversing))


def reversed_savings_tx() -> ColumnElement[bool]:
    """Column expression: this savings transaction has been reversed."""
    return SavingsTransaction.id.in_(
        select(SavingsTransaction.reverses_id).where(SavingsTransaction.reverses_id.is_not(None))
    )

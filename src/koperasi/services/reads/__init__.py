"""Read models for the reports (issue 19, item 5): functions that read the book in the
caller's read-only session and return plain values (frozen dataclasses, tuples, dicts of
integer rupiah as stored). The report builders in :mod:`koperasi.reports` take these values
and lay them out; they import neither SQLAlchemy nor the models.

One module a subject: :mod:`.people` (the members and groups a report names),
:mod:`.members` (savings statement, register, meeting sheet and summary), :mod:`.receipts`,
:mod:`.access` (a ketua kelompok's scope), :mod:`.choices` (the report form's options),
:mod:`.books` (journal, ledger, cash book lines), :mod:`.bank`, :mod:`.fixed_assets`,
:mod:`.time_deposits`, :mod:`.loan_papers` and :mod:`.loan_rules` (collateral papers).
The queries many services share (savings balance at a date, the live-not-reversed filter)
are in :mod:`koperasi.services.common_reads`.
"""

from __future__ import annotations

from typing import TypeAlias

from sqlalchemy.orm import Session

# the session a report's entry point opens with ``uow.read_only`` and hands to the read
# functions: the reports name its type without importing SQLAlchemy
ReadSession: TypeAlias = Session

__all__ = ["ReadSession"]

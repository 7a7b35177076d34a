"""Read models for the reports (issue 19, item 5): functions that read the book in the
caller's read-only session and return plain values (frozen dataclasses, tuples, dicts of
integer rupiah as stored). The report builders in :mod:`koperasi.reports` take these values
and lay them out; they import neither SQLAlchemy nor the models.

One module a subject: :mod:`.people` (members and groups named by a report),
:mod:`.members` (the member-level papers), ...
"""

from __future__ import annotations

from typing import TypeAlias

from sqlalchemy.orm import Session

# the session a report's entry point opens with ``uow.read_only`` and hands to the read
# functions: the reports name its type without importing SQLAlchemy
ReadSession: TypeAlias = Session

__all__ = ["ReadSession"]

"""Unit of work: one database transaction per use case, committed or rolled back whole."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager

from sqlalchemy.exc import OperationalError
from sqlalchemy.orm import Session

from ..errors import Conflict


@contextmanager
def unit_of_work(db) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    """``with unit_of_work(db) as s: ...`` commits at the end, rolls back on any error."""
    session: Session = db.session()
    session.info.clear()
    try:
        with session.begin():
            yield session
    except OperationalError as exc:
        text = str(exc.orig).lower()
        if "locked" in text or "deadlock" in text or "could not serialize" in text:
            raise Conflict() from exc
        raise
    finally:
        session.close()


@contextmanager
def read_only(db) -> Iterator[Session]:  # type: ignore[no-untyped-def]
    """A session for queries; never commits."""
    session: Session = db.read_session()
    try:
        with session.begin():
            yield session
    finally:
        session.close()

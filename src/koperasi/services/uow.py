"""Unit of work: one database transaction per use case, committed or rolled back whole.

Its session carries the transaction's typed state (:mod:`.transaction_state`: the caches and
the areas it wrote). The areas are recorded here from every INSERT, UPDATE and DELETE the
session's connection runs (ORM flushes and Core statements alike, :data:`.changes.TABLE_AREAS`)
and handed to the open :func:`.changes.collect_changes` block when the transaction commits.
"""

from __future__ import annotations

import weakref
from collections.abc import Iterator
from contextlib import contextmanager
from typing import Any

from sqlalchemy import event
from sqlalchemy.engine import Connection, Engine
from sqlalchemy.exc import DataError, OperationalError
from sqlalchemy.orm import Session, SessionTransaction

from ..db.database import Database
from ..errors import Conflict, KoperasiError
from . import changes
from .transaction_state import TransactionState, fresh, state
from .validation import check_no_control, control_position

# the state of the session each connection works for (while the connection lives)
_WORKING_FOR: weakref.WeakKeyDictionary[Connection, TransactionState] = weakref.WeakKeyDictionary()


@event.listens_for(Session, "after_begin")
def _connection_begun(session: Session, _transaction: SessionTransaction, conn: Connection) -> None:
    """The session's transaction took ``conn``: what runs on it is the session's work."""
    _WORKING_FOR[conn] = state(session)


@event.listens_for(Engine, "after_execute")
def _record_change(
    conn: Connection,
    clauseelement: Any,
    _multiparams: Any,
    _params: Any,
    _options: Any,
    _result: Any,
) -> None:
    """A write ran: note its table's area in the state of the session it ran for."""
    if not getattr(clauseelement, "is_dml", False):
        return
    table = getattr(clauseelement, "table", None)
    area = changes.area_of(getattr(table, "name", ""))
    if area is None:
        return
    found = _WORKING_FOR.get(conn)
    if found is not None:
        found.changes.add(area)


@event.listens_for(Engine, "before_execute", retval=False)
def _refuse_control_characters(
    conn: Connection, clauseelement: Any, multiparams: Any, params: Any, _options: Any
) -> None:
    """No control character reaches a stored text (issue 22): a memo, a description, a
    name written by any path. They crashed the XLSX reports later (openpyxl refuses them)
    and hide in names. Forms and the member service refuse them first with the field's own
    name; this net under every INSERT and UPDATE (ORM flushes and the fast Core inserts of
    savings, loans, the ledger and imports alike) names the column. Tab and line breaks
    stay allowed (multi-line memos and addresses)."""
    if not getattr(clauseelement, "is_dml", False):
        return
    rows = list(multiparams) if multiparams else []
    if params:
        rows.append(params)
    for row in rows:
        for one in row if isinstance(row, list | tuple) else (row,):
            if not isinstance(one, dict):
                continue
            values = [v for v in one.values() if type(v) is str]
            if not values or control_position("".join(values)) is None:
                continue
            for key, value in one.items():
                if type(value) is str:
                    check_no_control(value, str(getattr(key, "key", key)))


_FULL = ("database or disk is full", "no space left on device", "could not extend file")


def disk_full(exc: BaseException | None) -> bool:
    """True when ``exc`` or an exception it arose from is a full disk. After SQLITE_FULL
    SQLite rolls the whole transaction back by itself, so the error the caller sees is often
    the next statement's ("no such savepoint: sa_savepoint_4023"): the cause is in the chain.
    """
    seen = 0
    while exc is not None and seen < 20:
        orig = getattr(exc, "orig", None)
        text = f"{exc} {orig or ''}".lower()
        if any(f in text for f in _FULL) or getattr(exc, "errno", None) == 28:
            return True
        if getattr(orig, "sqlstate", None) == "53100":  # PostgreSQL: disk_full
            return True
        exc = exc.__cause__ or exc.__context__
        seen += 1
    return False


def storage_problem(exc: BaseException) -> KoperasiError | None:
    """A clear message for a database error the user can act on (a full disk), else None."""
    if disk_full(exc):
        return KoperasiError("disk_full")
    return None


def data_refused(exc: DataError) -> KoperasiError:
    """A value the database server refused (PostgreSQL: NUL characters in text, text longer
    than its column) as a clean error for the user instead of a traceback."""
    text = str(exc.orig)
    if "NUL" in text:
        return KoperasiError("text_nul")
    first = text.strip().splitlines()[0] if text.strip() else type(exc.orig).__name__
    if "too long" in text:
        return KoperasiError("text_too_long", detail=first)
    return KoperasiError("data_refused", detail=first)


@contextmanager
def unit_of_work(db: Database) -> Iterator[Session]:
    """``with unit_of_work(db) as s: ...`` commits at the end, rolls back on any error."""
    session: Session = db.session()
    fresh(session)
    try:
        with session.begin():
            yield session
        changes.committed(state(session).changes)
    except OperationalError as exc:
        if disk_full(exc):
            raise KoperasiError("disk_full") from exc
        text = str(exc.orig).lower()
        if "locked" in text or "deadlock" in text or "could not serialize" in text:
            raise Conflict() from exc
        raise
    except DataError as exc:
        raise data_refused(exc) from exc
    except OverflowError as exc:  # SQLite: an integer beyond 64 bits reached a query
        raise KoperasiError("data_refused", detail="number too large") from exc
    finally:
        session.close()


@contextmanager
def read_only(db: Database) -> Iterator[Session]:
    """A session for queries; never commits."""
    session: Session = db.read_session()
    fresh(session, read_only=True)  # lets readers remember results for the session
    try:
        with session.begin():
            yield session
    except DataError as exc:
        raise data_refused(exc) from exc
    except OverflowError as exc:  # SQLite: an integer beyond 64 bits reached a query
        raise KoperasiError("data_refused", detail="number too large") from exc
    finally:
        session.close()

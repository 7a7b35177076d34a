"""Plain rows for the few queries that read hundreds of thousands of rows (month-end,
``koperasi check``): the statement is built with SQLAlchemy as usual, but executed as
driver SQL so that rows come back as the driver gives them, without SQLAlchemy's per-value
result processing (which costs more than the query itself at that size).

Values are the driver's own: on SQLite a DATE column comes back as ``'2026-10-31'`` text
(:func:`as_date` turns it into a date), on PostgreSQL as a ``date``."""

from __future__ import annotations

import datetime as dt
from typing import Any, cast

from sqlalchemy.orm import Session
from sqlalchemy.sql import ClauseElement
from sqlalchemy.sql.compiler import SQLCompiler


def plain_rows(session: Session, stmt: ClauseElement) -> list[tuple[Any, ...]]:
    """The rows of a Core ``select`` in the session's transaction, unprocessed."""
    conn = session.connection()
    compiled = cast(  # a select compiles to an SQLCompiler
        SQLCompiler,
        stmt.compile(dialect=conn.dialect, compile_kwargs={"render_postcompile": True}),
    )
    params = compiled.construct_params()
    sqlite = conn.dialect.name == "sqlite"

    def bind(value: Any) -> Any:
        # the SQLite driver's own date adapter is deprecated; dates are stored as ISO text
        if sqlite and isinstance(value, dt.date):
            return value.isoformat()
        return value

    if compiled.positional:
        args: Any = tuple(bind(params[name]) for name in compiled.positiontup or ())
    else:
        args = {name: bind(value) for name, value in params.items()}
    cur = conn.connection.cursor()  # the DB-API cursor: rows as plain tuples
    try:
        cur.execute(compiled.string, args)
        return cast(list[tuple[Any, ...]], cur.fetchall())  # the DB-API's list of tuples
    finally:
        cur.close()


def as_date(value: Any) -> dt.date | None:
    """A DATE value as :func:`plain_rows` returns it, as a date."""
    if type(value) is str:  # SQLite: 'YYYY-MM-DD' (the common case first)
        return dt.date.fromisoformat(value if len(value) == 10 else value[:10])
    return value  # None, or a date from the driver

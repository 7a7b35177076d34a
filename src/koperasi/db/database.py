"""Open a database by path or URL: engine, schema check/upgrade, seed data, sessions."""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import Engine, event
from sqlalchemy.orm import Session, sessionmaker

from ..errors import DatabaseProblem
from .engine import is_network_path, looks_like_share, make_engine, normalise_url, server_problem
from .migrate import ensure_schema


class ReadsStopped(Exception):
    """A read refused because the database's reads are being stopped (see
    :meth:`Database.reads_stopped`); nobody waits for its result."""


@dataclass
class Database:
    """An open database: a writer engine and (on SQLite) a reader engine with their sessions."""

    url: str
    engine: Engine
    read_engine: Engine
    sqlite_path: Path | None = None
    created: bool = False
    _sessions: sessionmaker[Session] = field(init=False, repr=False)
    _read_sessions: sessionmaker[Session] = field(init=False, repr=False)
    _reading: set[Any] = field(init=False, repr=False, default_factory=set)
    _reads_lock: threading.Lock = field(init=False, repr=False, default_factory=threading.Lock)
    _reads_stopped: bool = field(init=False, repr=False, default=False)

    def __post_init__(self) -> None:
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._read_sessions = sessionmaker(self.read_engine, expire_on_commit=False)
        if self.read_engine is not self.engine and self.read_engine.dialect.name == "sqlite":
            event.listen(self.read_engine, "checkout", self._on_checkout)
            event.listen(self.read_engine, "checkin", self._on_checkin)
            event.listen(self.read_engine, "before_cursor_execute", self._before_read)

    # -- stopping the reads under way (SQLite): a closing window does not wait for them
    def _on_checkout(self, dbapi_conn: Any, _record: Any, _proxy: Any) -> None:
        with self._reads_lock:
            self._reading.add(dbapi_conn)

    def _on_checkin(self, dbapi_conn: Any, _record: Any) -> None:
        with self._reads_lock:
            self._reading.discard(dbapi_conn)

    def _before_read(self, *_args: Any) -> None:
        if self._reads_stopped:
            raise ReadsStopped()

    @contextmanager
    def reads_stopped(self) -> Iterator[None]:
        """While inside: the reader's running statements are interrupted and new ones fail
        with :class:`ReadsStopped`, so reads still under way (a screen's figures being
        loaded) end at once. Reads work again afterwards. Writes are never touched."""
        self._reads_stopped = True
        try:
            with self._reads_lock:
                reading = list(self._reading)
            for conn in reading:
                conn.interrupt()  # sqlite3: safe from another thread
            yield
        finally:
            self._reads_stopped = False

    @property
    def is_sqlite(self) -> bool:
        return self.engine.dialect.name == "sqlite"

    @property
    def display_name(self) -> str:
        if self.sqlite_path is not None:
            return str(self.sqlite_path)
        return self.engine.url.render_as_string(hide_password=True)

    def session(self) -> Session:
        """A session for writing (one unit of work)."""
        return self._sessions()

    def read_session(self) -> Session:
        """A session for reading; on SQLite it does not take the write lock."""
        return self._read_sessions()

    def dispose(self) -> None:
        self.engine.dispose()
        if self.read_engine is not self.engine:
            self.read_engine.dispose()


def open_database(arg: str | os.PathLike[str] | None = None, *, seed: bool = True) -> Database:
    """Open (creating or upgrading as needed) the database at ``arg``.

    ``arg`` is a file path (SQLite) or a URL (``postgresql://user@host/db``); None means
    the default database in the user's data folder.
    """
    if arg is None or str(arg) == "":
        from ..paths import default_db_path

        arg = default_db_path()
    if looks_like_share(os.fspath(arg)):
        raise DatabaseProblem("db_network_share", path=os.fspath(arg))
    url, path = normalise_url(arg)
    if path is not None:
        # refused before anything is created: not even a subfolder on a CIFS mount
        if is_network_path(path) or is_network_path(path.parent):
            raise DatabaseProblem("db_network_share", path=str(path))
        if path.is_dir():
            raise DatabaseProblem("db_not_ours", path=str(path))
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise DatabaseProblem(
                "db_folder_failed", path=str(path.parent), detail=exc.strerror or str(exc)
            ) from exc
        if path.exists() and path.stat().st_size > 0:
            with open(path, "rb") as fh:
                if fh.read(16) != b"SQLite format 3\x00":
                    raise DatabaseProblem("db_not_ours", path=str(path))
    if path is not None:
        from .leftovers import clean_leftovers

        clean_leftovers(path)
    engine = make_engine(url, path)
    read_engine = make_engine(url, path, immediate=False) if path is not None else engine
    try:
        created = ensure_schema(engine, path)
    except DatabaseProblem:
        engine.dispose()
        read_engine.dispose()
        raise
    except Exception as exc:
        engine.dispose()
        read_engine.dispose()
        from sqlalchemy.exc import OperationalError

        problem = server_problem(exc, url)
        if problem is not None:
            raise problem from exc
        if isinstance(exc, OperationalError) and path is None:
            raise DatabaseProblem("db_unreachable", detail=str(exc.orig).strip()) from exc
        raise DatabaseProblem("db_not_ours", path=str(path or url)) from exc
    db = Database(
        url=url, engine=engine, read_engine=read_engine, sqlite_path=path, created=created
    )
    if seed:
        from .seed import ensure_seed

        ensure_seed(db)
    return db

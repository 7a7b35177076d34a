"""Engines for SQLite (the default, one file) and PostgreSQL (several PCs), one code path."""

from __future__ import annotations

import os
import sys
from pathlib import Path

from sqlalchemy import Engine, create_engine, event
from sqlalchemy.engine import make_url

from ..errors import DatabaseProblem

SQLITE_BUSY_TIMEOUT_MS = 15_000


def normalise_url(arg: str | os.PathLike[str]) -> tuple[str, Path | None]:
    """A path or URL as typed by the user -> (SQLAlchemy URL, SQLite path or None)."""
    text = os.fspath(arg)
    if "://" in text:
        url = make_url(text)
        if url.drivername in ("postgresql", "postgres"):
            url = url.set(drivername="postgresql+psycopg")
        if url.drivername.startswith("sqlite"):
            path = Path(url.database).expanduser().resolve() if url.database else None
            return url.render_as_string(hide_password=False), path
        return url.render_as_string(hide_password=False), None
    path = Path(text).expanduser().resolve()
    return f"sqlite:///{path}", path


def _mount_table() -> list[str]:
    try:
        return Path("/proc/mounts").read_text().splitlines()
    except OSError:
        return []


def is_network_path(path: Path) -> bool:
    """True when ``path`` lies on a network share, where SQLite's file locking is unreliable."""
    text = str(path)
    if text.startswith("\\\\") or text.startswith("//"):
        return True
    if sys.platform == "win32":  # pragma: no cover - Windows only
        import ctypes

        drive = os.path.splitdrive(text)[0]
        if drive:
            DRIVE_REMOTE = 4
            return ctypes.windll.kernel32.GetDriveTypeW(drive + "\\") == DRIVE_REMOTE
        return False
    mounts = _mount_table()
    best, best_type = "", ""
    for line in mounts:
        parts = line.split()
        if len(parts) < 3:
            continue
        mnt, fstype = parts[1], parts[2]
        if (text == mnt or text.startswith(mnt.rstrip("/") + "/")) and len(mnt) > len(best):
            best, best_type = mnt, fstype
    return best_type in {"nfs", "nfs4", "cifs", "smbfs", "smb3", "9p", "fuse.sshfs", "afs"}


def looks_like_share(text: str) -> bool:
    """A UNC path as typed (``\\\\server\\share\\k.db`` or ``//server/share/k.db``), on
    every OS: on Linux ``//server/share`` is an ordinary folder name that would be created."""
    return text.startswith(("\\\\", "//")) and not text.startswith(("///", "\\\\\\"))


def server_problem(exc: BaseException, url: str) -> DatabaseProblem | None:
    """A clear message for a PostgreSQL server that cannot be used, or None when ``exc`` is
    not about the connection: server down or unknown host, no such database, login refused."""
    from sqlalchemy.exc import OperationalError

    if not isinstance(exc, OperationalError) or url.startswith("sqlite"):
        return None
    text = str(exc.orig).strip()
    first = text.splitlines()[0] if text else type(exc.orig).__name__
    parsed = make_url(url)
    server = f"{parsed.host or 'localhost'}:{parsed.port or 5432}"
    if "does not exist" in text and "database" in text:
        return DatabaseProblem("db_missing", name=parsed.database or "?", server=server)
    if "authentication failed" in text or "no password supplied" in text:
        return DatabaseProblem("db_login_refused", user=parsed.username or "?", server=server)
    return DatabaseProblem("db_unreachable", detail=f"{server}: {first}")


def make_engine(url: str, sqlite_path: Path | None = None, *, immediate: bool = True) -> Engine:
    """An engine for ``url``. On SQLite, ``immediate`` makes every transaction take the write
    lock at BEGIN (for the writer); readers use a second engine with deferred transactions."""
    if url.startswith("sqlite"):
        if sqlite_path is not None and is_network_path(sqlite_path.parent):
            raise DatabaseProblem("db_network_share", path=str(sqlite_path))
        engine = create_engine(url, connect_args={"timeout": SQLITE_BUSY_TIMEOUT_MS / 1000})
        _configure_sqlite(engine, immediate)
        return engine
    try:
        return create_engine(url, pool_pre_ping=True, isolation_level="READ COMMITTED")
    except Exception as exc:  # bad URL, missing driver
        raise DatabaseProblem("db_unreachable", detail=str(exc)) from exc


def _configure_sqlite(engine: Engine, immediate: bool) -> None:
    """Pragmas in one connect hook; BEGIN IMMEDIATE so writers queue instead of failing late."""

    @event.listens_for(engine, "connect")
    def _on_connect(dbapi_conn, _record):
        dbapi_conn.isolation_level = None  # we emit BEGIN ourselves
        cur = dbapi_conn.cursor()
        cur.execute("PRAGMA foreign_keys=ON")
        cur.execute(f"PRAGMA busy_timeout={SQLITE_BUSY_TIMEOUT_MS}")
        cur.execute("PRAGMA journal_mode=WAL")
        cur.execute("PRAGMA synchronous=FULL")
        cur.close()

    @event.listens_for(engine, "begin")
    def _on_begin(conn):
        conn.exec_driver_sql("BEGIN IMMEDIATE" if immediate else "BEGIN")

"""Bring a database to the app's schema: create new ones, upgrade old ones, refuse newer ones."""

from __future__ import annotations

import datetime as dt
import re
import sqlite3
from pathlib import Path
from typing import TYPE_CHECKING

from sqlalchemy import Engine, inspect, text

from ..errors import DatabaseProblem
from .models import Base

if TYPE_CHECKING:
    from alembic.config import Config

# Alembic is imported only when it is needed (a new or older database): importing it costs
# more than a second of CPU on a modest PC, on every start of the app, for nothing when the
# database is already at the head revision (see _at_head).

MIGRATIONS_DIR = Path(__file__).with_name("migrations")
_REV = re.compile(r"^revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)
_DOWN = re.compile(r"^down_revision\s*=\s*['\"]([^'\"]+)['\"]", re.M)


def alembic_config(connection=None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    from alembic.script import ScriptDirectory

    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    from alembic.runtime.migration import MigrationContext

    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def _head_from_files() -> str | None:
    """The head revision read from the migration files themselves (the revision no other
    file names as its down_revision); None when that is not one clear answer."""
    revisions, downs = set(), set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        source = path.read_text(encoding="utf-8")
        rev, down = _REV.search(source), _DOWN.search(source)
        if rev:
            revisions.add(rev.group(1))
        if down:
            downs.add(down.group(1))
    heads = revisions - downs
    return heads.pop() if len(heads) == 1 else None


def _at_head(engine: Engine) -> bool:
    """The usual case, without Alembic: the database is stamped with the head revision."""
    head = _head_from_files()
    if head is None:
        return False
    try:
        with engine.connect() as conn:
            stored = conn.execute(text("SELECT version_num FROM alembic_version")).scalars().all()
    except Exception:  # noqa: BLE001 - no such table (new or foreign database): the full path
        return False
    return stored == [head]


def ensure_schema(engine: Engine, sqlite_path: Path | None, backup_dir: Path | None = None) -> bool:
    """Make the database match the models. Returns True when the database was new.

    New (empty) database: tables created from the models and stamped at head.
    Older revision: backed up (SQLite online backup), then upgraded.
    Unknown revision (a newer app), or tables that are not ours: refused.
    """
    if _at_head(engine):
        return False
    from alembic import command
    from alembic.runtime.migration import MigrationContext
    from alembic.script import ScriptDirectory

    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            rev = MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:
        from .engine import server_problem

        problem = server_problem(exc, engine.url.render_as_string(hide_password=True))
        if problem is not None:
            raise problem from exc
        raise DatabaseProblem("db_not_ours", path=str(sqlite_path or engine.url)) from exc
    if not tables:
        with engine.begin() as conn:
            Base.metadata.create_all(conn)
            command.stamp(alembic_config(conn), "head")
        return True
    if rev is None:
        raise DatabaseProblem("db_not_ours", path=str(sqlite_path or engine.url))
    if rev == head:
        return False
    try:
        script.get_revision(rev)
    except Exception as exc:
        raise DatabaseProblem("db_too_new", revision=rev) from exc
    if sqlite_path is not None:
        _backup_before_migration(engine, sqlite_path, rev, backup_dir)
    _upgrade(engine)
    return False


def _upgrade(engine: Engine) -> None:
    from alembic import command

    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:  # must happen outside a transaction to take effect
            dbapi = conn.connection.dbapi_connection
            assert dbapi is not None  # a connection just opened
            dbapi.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            command.upgrade(alembic_config(conn), "head")
            if sqlite:
                problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise DatabaseProblem("db_problem", detail=f"foreign key check: {problems[:5]}")
        if sqlite:
            # a migration that recreates an index leaves the planner without statistics for
            # it (it then picks worse plans on a large book); a sampled ANALYZE is quick
            conn.exec_driver_sql("PRAGMA analysis_limit=1000")
            conn.exec_driver_sql("ANALYZE")
            conn.commit()
    engine.dispose()  # fresh connections get foreign_keys=ON again


def _backup_before_migration(engine: Engine, path: Path, rev: str, backup_dir: Path | None) -> Path:
    folder = backup_dir or path.parent
    folder.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now().strftime("%Y%m%d-%H%M%S")
    target = folder / f"{path.stem}-sebelum-migrasi-{rev}-{stamp}.db"
    src = sqlite3.connect(str(path))
    dst = sqlite3.connect(str(target))
    try:
        src.backup(dst)
    finally:
        dst.close()
        src.close()
    return target

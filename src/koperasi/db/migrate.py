"""Bring a database to the app's schema: create new ones, upgrade old ones, refuse newer ones."""

from __future__ import annotations

import datetime as dt
import sqlite3
from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Engine, inspect, text

from ..errors import DatabaseProblem
from .models import Base

MIGRATIONS_DIR = Path(__file__).with_name("migrations")


def alembic_config(connection=None) -> Config:  # type: ignore[no-untyped-def]
    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if connection is not None:
        cfg.attributes["connection"] = connection
    return cfg


def head_revision() -> str | None:
    return ScriptDirectory.from_config(alembic_config()).get_current_head()


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        return MigrationContext.configure(conn).get_current_revision()


def ensure_schema(engine: Engine, sqlite_path: Path | None, backup_dir: Path | None = None) -> bool:
    """Make the database match the models. Returns True when the database was new.

    New (empty) database: tables created from the models and stamped at head.
    Older revision: backed up (SQLite online backup), then upgraded.
    Unknown revision (a newer app), or tables that are not ours: refused.
    """
    script = ScriptDirectory.from_config(alembic_config())
    head = script.get_current_head()
    try:
        with engine.connect() as conn:
            tables = set(inspect(conn).get_table_names())
            rev = MigrationContext.configure(conn).get_current_revision()
    except Exception as exc:
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
    sqlite = engine.dialect.name == "sqlite"
    with engine.connect() as conn:
        if sqlite:  # must happen outside a transaction to take effect
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        with conn.begin():
            command.upgrade(alembic_config(conn), "head")
            if sqlite:
                problems = conn.execute(text("PRAGMA foreign_key_check")).fetchall()
                if problems:
                    raise DatabaseProblem("db_problem", detail=f"foreign key check: {problems[:5]}")
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

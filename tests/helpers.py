"""Small builders for tests."""

from __future__ import annotations

import datetime as dt
import itertools

from koperasi.services.members import MemberInput

_seq = itertools.count(1)


def nik(n: int | None = None, female: bool = True) -> str:
    n = next(_seq) if n is None else n
    day = 15 + (40 if female else 0)
    return f"647104{day:02d}0585{n % 10000:04d}"


def member_input(
    name: str = "Siti Aminah",
    n: int | None = None,
    female: bool = True,
    join: dt.date = dt.date(2025, 1, 6),
    **kw,
) -> MemberInput:
    return MemberInput(
        name=name, nik=nik(n, female), gender="P" if female else "L", join_date=join, **kw
    )


def roll_back_to(db, revision: str) -> None:  # type: ignore[no-untyped-def]
    """Put a book back to an older ``revision`` as that revision left it: Alembic runs the
    downgrade of every migration after ``revision`` in the chain (so what goes is derived
    from the migrations themselves, whatever later ones add: tables, columns, indexes), and
    alembic_version then says ``revision``. Data the test arranged beforehand is kept."""
    from alembic import command

    from koperasi.db.migrate import alembic_config

    sqlite = db.engine.dialect.name == "sqlite"
    with db.engine.connect() as conn:
        if sqlite:  # as the upgrade does: SQLite's batch mode recreates tables
            conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=OFF")
        try:
            with conn.begin():
                command.downgrade(alembic_config(conn), revision)
        finally:
            if sqlite:
                conn.connection.dbapi_connection.execute("PRAGMA foreign_keys=ON")
    stored = _one_value(db, "SELECT version_num FROM alembic_version")
    assert stored == revision, f"rolled back to {stored}, not {revision}"


def revision_before(revision: str) -> str:
    """The revision the migration ``revision`` upgrades from (its down_revision)."""
    from alembic.script import ScriptDirectory

    from koperasi.db.migrate import alembic_config

    down = ScriptDirectory.from_config(alembic_config()).get_revision(revision).down_revision
    assert isinstance(down, str), f"{revision} has no single down_revision: {down!r}"
    return down


def _one_value(db, sql: str):  # type: ignore[no-untyped-def]
    from sqlalchemy import text

    with db.engine.connect() as conn:
        return conn.execute(text(sql)).scalar_one()

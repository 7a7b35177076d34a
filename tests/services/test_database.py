"""Opening databases: new, ours, not ours, newer than the app; the migrated schema equals the models."""

import sqlite3

import pytest
from alembic import command
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, text

from koperasi.db import migrate
from koperasi.db.database import open_database
from koperasi.db.engine import is_network_path, normalise_url
from koperasi.db.models import Base
from koperasi.errors import DatabaseProblem


def test_migrations_from_empty_equal_the_models(tmp_path):
    engine = create_engine(f"sqlite:///{tmp_path / 'm.db'}")
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    assert diff == []


@pytest.mark.postgres
def test_migrations_from_empty_equal_the_models_on_postgres(pg_server):
    pg_server.admin("CREATE DATABASE migr_check")
    url, _ = normalise_url(pg_server.url("migr_check"))
    engine = create_engine(url)
    with engine.begin() as conn:
        command.upgrade(migrate.alembic_config(conn), "head")
    with engine.connect() as conn:
        diff = compare_metadata(
            MigrationContext.configure(conn, opts={"compare_type": True}), Base.metadata
        )
    engine.dispose()
    assert diff == []


def test_new_database_is_stamped_at_head_with_pragmas(tmp_path):
    db = open_database(tmp_path / "k.db")
    assert db.created
    assert migrate.current_revision(db.engine) == migrate.head_revision()
    with db.engine.connect() as conn:
        assert conn.execute(text("PRAGMA foreign_keys")).scalar() == 1
        assert conn.execute(text("PRAGMA journal_mode")).scalar() == "wal"
        assert conn.execute(text("PRAGMA synchronous")).scalar() == 2  # FULL
    db.dispose()
    again = open_database(tmp_path / "k.db")
    assert not again.created
    again.dispose()


def test_file_that_is_not_a_database_is_refused(tmp_path):
    bad = tmp_path / "notes.db"
    bad.write_text("this is a shopping list, not a database")
    with pytest.raises(DatabaseProblem) as err:
        open_database(bad)
    assert "bukan basis data Koperasi" in err.value.message("id")


def test_foreign_sqlite_database_is_refused(tmp_path):
    other = tmp_path / "other.db"
    con = sqlite3.connect(other)
    con.execute("CREATE TABLE stuff (x)")
    con.commit()
    con.close()
    with pytest.raises(DatabaseProblem):
        open_database(other)


def test_database_from_newer_app_is_refused(tmp_path):
    db = open_database(tmp_path / "k.db")
    with db.engine.begin() as conn:
        conn.execute(text("UPDATE alembic_version SET version_num = '9999_future'"))
    db.dispose()
    with pytest.raises(DatabaseProblem) as err:
        open_database(tmp_path / "k.db")
    assert "versi aplikasi yang lebih baru" in err.value.message("id")


def test_network_share_detection(tmp_path, monkeypatch):
    assert is_network_path(__import__("pathlib").Path("//server/share/koperasi"))
    fake = tmp_path / "mounts"
    fake.write_text("server:/export /mnt/kantor nfs4 rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    import koperasi.db.engine as eng

    real_path = eng.Path

    def fake_path(p):  # only /proc/mounts is redirected
        return real_path(fake) if str(p) == "/proc/mounts" else real_path(p)

    monkeypatch.setattr(eng, "Path", fake_path)
    assert eng.is_network_path(real_path("/mnt/kantor/koperasi"))
    assert not eng.is_network_path(real_path("/home/bendahara"))

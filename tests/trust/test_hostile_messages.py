"""Issue 22, messages: what the hostile test found and must stay fixed.

An unreachable PostgreSQL server was reported as a damaged file; a full disk as "no such
savepoint: sa_savepoint_4023"; ``--db //server/share/k.db`` on Linux created /server/share/
instead of refusing; a subfolder on a CIFS mount was created before the refusal; a product's
rate printed as "2E+1 %/thn"; ``settings savings-product --help`` crashed."""

from __future__ import annotations

import datetime as dt
import sqlite3
import sys
from pathlib import Path

import pytest
from helpers import member_input, nik
from sqlalchemy import event

from koperasi.cli import main
from koperasi.db import engine as engine_module
from koperasi.db.database import open_database
from koperasi.errors import DatabaseProblem, KoperasiError
from koperasi.exchange import run_import
from koperasi.services import members, savings
from koperasi.services.auth import SYSTEM

sys.path.insert(0, str(Path(__file__).parents[1] / "exchange"))
from files import write_xlsx  # noqa: E402


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


# ---------------------------------------------------------------- the database server


def test_unreachable_server_is_not_called_a_damaged_file(capsys):
    code, _, err = run(capsys, "--db", "postgresql://u@127.0.0.1:1/koperasi", "check")
    assert code == 2 and err.count("\n") == 1
    assert "tidak dapat dihubungi" in err and "127.0.0.1:1" in err
    assert "rusak" not in err and "bukan basis data" not in err


def test_unknown_host_is_named(capsys):
    code, _, err = run(capsys, "--lang", "en", "--db", "postgresql://u@nohost.invalid/k", "check")
    assert code == 2 and "cannot be reached" in err and "nohost.invalid" in err


@pytest.mark.postgres
def test_missing_database_on_a_live_server(pg_server, capsys):
    url = pg_server.new_database()
    base, _, _name = url.rpartition("/")
    code, _, err = run(capsys, "--db", f"{base}/tidak_ada_db", "check")
    assert code == 2, err
    assert "tidak mempunyai basis data 'tidak_ada_db'" in err and "createdb" in err


# ---------------------------------------------------------------- network shares


@pytest.mark.parametrize("typed", ["//server/share/k.db", "\\\\server\\share\\k.db"])
def test_unc_path_is_refused_on_every_os_creating_nothing(tmp_path, monkeypatch, capsys, typed):
    monkeypatch.chdir(tmp_path)
    code, _, err = run(capsys, "--db", typed, "init")
    assert code == 2 and "folder jaringan" in err
    assert not Path("/server").exists()
    assert list(tmp_path.iterdir()) == []
    with pytest.raises(DatabaseProblem) as e:
        open_database(typed)
    assert e.value.code == "db_network_share"


def test_subfolder_on_a_cifs_mount_is_not_created_before_the_refusal(tmp_path, monkeypatch):
    share = tmp_path / "kantor"
    share.mkdir()
    mounts = [f"//nas/kantor {share} cifs rw,relatime 0 0", "/dev/sda1 / ext4 rw 0 0"]
    monkeypatch.setattr(engine_module, "_mount_table", lambda: mounts)
    with pytest.raises(DatabaseProblem) as e:
        open_database(share / "baru" / "lagi" / "k.db")
    assert e.value.code == "db_network_share"
    assert list(share.iterdir()) == [], "nothing created on the share"


# ---------------------------------------------------------------- a full disk


def _limit_pages(db, extra: int) -> None:  # type: ignore[no-untyped-def]
    """Let the database file grow by ``extra`` pages only: SQLite then answers as on a
    full disk (SQLITE_FULL, 'database or disk is full')."""
    pages = sqlite3.connect(db.sqlite_path).execute("PRAGMA page_count").fetchone()[0]
    db.dispose()
    for eng in {db.engine, db.read_engine}:
        event.listen(
            eng, "connect", lambda c, _r: c.execute(f"PRAGMA max_page_count={pages + extra}")
        )


def test_full_disk_during_an_import_says_so(sqlite_db, tmp_path):
    rows = [[f"Anggota {i}", nik(i), "P", "2025-01-06", None, None] for i in range(1, 2000)]
    headers = ["Nama", "NIK", "Jenis Kelamin", "Tanggal Masuk", "Tanggal Lahir", "Nomor HP"]
    path = write_xlsx(tmp_path / "m.xlsx", headers, rows)
    _limit_pages(sqlite_db, 10)
    rep = run_import(sqlite_db, SYSTEM, "members", path)
    assert [e.code for e in rep.file_errors] == ["disk_full"]
    assert "savepoint" not in rep.file_errors[0].message("en")
    assert not rep.committed and members.list_members(sqlite_db) == []


def test_full_disk_in_a_service_says_so(sqlite_db):
    m = members.register_member(sqlite_db, SYSTEM, member_input("Siti", 1))
    _limit_pages(sqlite_db, 0)
    with pytest.raises(KoperasiError) as e:
        for _ in range(400):
            savings.deposit(
                sqlite_db, SYSTEM, m.number, "SUKARELA", 10_000, dt.date(2025, 3, 3), memo="x" * 500
            )
    assert e.value.code == "disk_full", e.value.message("en")


# ---------------------------------------------------------------- small ones


def test_rate_prints_as_a_plain_number(tmp_path, capsys):
    db = str(tmp_path / "k.db")
    args = [
        "--min-amount",
        "100000",
        "--max-amount",
        "1000000",
        "--min-term",
        "1",
        "--max-term",
        "12",
    ]
    assert (
        run(
            capsys,
            "--db",
            db,
            "loan",
            "product",
            "add",
            "P20",
            "Dua puluh",
            "--rate",
            "20",
            "--rate-per",
            "year",
            *args,
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", db, "loan", "product", "list")
    assert code == 0 and "20 %/thn" in out and "E+" not in out


@pytest.mark.parametrize(
    "command", [["settings", "savings-product"], ["settings"], ["loan", "product", "add"]]
)
def test_help_does_not_crash(capsys, command):
    with pytest.raises(SystemExit) as e:
        main([*command, "--help"])
    assert e.value.code == 0
    assert "usage:" in capsys.readouterr().out

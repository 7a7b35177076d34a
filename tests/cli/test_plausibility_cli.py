"""The CLI refuses an amount far above the usual with exit 2 and one line naming
--confirm-large; with the option it posts (issue 15 item 6)."""

from __future__ import annotations

import datetime as dt
import json

import pytest

from koperasi.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbfile(tmp_path, capsys):
    from helpers import member_input

    from koperasi.db.database import open_database
    from koperasi.services import members
    from koperasi.services.auth import SYSTEM
    from koperasi.services.loan_products import ProductInput, add_product

    path = str(tmp_path / "k.db")
    assert run(capsys, "--db", path, "init")[0] == 0
    db = open_database(path)
    try:
        members.register_member(db, SYSTEM, member_input(n=1, join=dt.date(2025, 1, 6)))
        add_product(
            db,
            SYSTEM,
            ProductInput(code="BESAR", name="Pinjaman Besar", min_amount=100_000, max_amount=10**9),
        )
    finally:
        db.dispose()
    return path


def _entries(path: str) -> int:
    import sqlite3

    con = sqlite3.connect(path)
    try:
        return con.execute("SELECT count(*) FROM journal_entries").fetchone()[0]
    finally:
        con.close()


def test_deposit_needs_confirm_large(dbfile, capsys):
    db = ["--db", dbfile]
    code, out, err = run(capsys, *db, "savings", "deposit", "A00001", "SUKARELA", "25.000.000")
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Rp25.000.000" in err and "Rp10.000.000" in err and "--confirm-large" in err
    assert _entries(dbfile) == 0
    code, out, err = run(
        capsys,
        "--db",
        dbfile,
        "--lang",
        "en",
        "savings",
        "deposit",
        "A00001",
        "SUKARELA",
        "25000000",
    )
    assert code == 2 and "plausibility limit Rp10.000.000" in err and "--confirm-large" in err
    code, out, _ = run(
        capsys, *db, "savings", "deposit", "A00001", "SUKARELA", "25.000.000", "--confirm-large"
    )
    assert code == 0 and "Rp25.000.000" in out
    assert _entries(dbfile) == 1
    # withdrawal: its own kind
    code, _, err = run(capsys, *db, "savings", "withdraw", "A00001", "SUKARELA", "12.000.000")
    assert code == 2 and "--confirm-large" in err
    code, _, _ = run(
        capsys, *db, "savings", "withdraw", "A00001", "SUKARELA", "12.000.000", "--confirm-large"
    )
    assert code == 0


def test_loan_and_journal_need_confirm_large(dbfile, capsys):
    db = ["--db", dbfile]
    apply = [*db, "loan", "apply", "A00001", "BESAR", "60.000.000", "12", "--purpose", "Modal"]
    code, _, err = run(capsys, *apply)
    assert code == 2 and "pokok pinjaman" in err and "--confirm-large" in err
    code, out, _ = run(capsys, *apply, "--confirm-large", "--json")
    assert code == 0 and json.loads(out)["row"]["amount"] == 60_000_000
    journal = [*db, "journal", "add", "--description", "Hibah"]
    lines = ["--debit", "1.01=40.000.000", "--credit", "4.90=40.000.000"]
    code, _, err = run(capsys, *journal, *lines)
    assert code == 2 and "pendapatan" in err
    assert _entries(dbfile) == 0
    assert run(capsys, *journal, *lines, "--confirm-large")[0] == 0
    assert _entries(dbfile) == 1


def test_ceilings_shown_and_set(dbfile, capsys):
    db = ["--db", dbfile]
    code, out, _ = run(capsys, *db, "settings", "ceilings", "--json")
    rows = {r["kind"]: r for r in json.loads(out)}
    assert code == 0 and rows["setor:SUKARELA"]["derived"] == 10_000_000
    code, out, _ = run(capsys, *db, "settings", "ceilings", "--set", "setor:SUKARELA=30.000.000")
    assert code == 0 and "Rp30.000.000" in out
    code, _, _ = run(capsys, *db, "savings", "deposit", "A00001", "SUKARELA", "25.000.000")
    assert code == 0  # under the ceiling set by the treasurer
    code, _, err = run(capsys, *db, "settings", "ceilings", "--set", "nonsense=5")
    assert code == 2 and "nonsense" in err
    code, out, _ = run(capsys, *db, "settings", "ceilings", "--clear", "setor:SUKARELA", "--json")
    assert {r["kind"]: r for r in json.loads(out)}["setor:SUKARELA"]["override"] is None

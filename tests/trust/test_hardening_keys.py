"""Issue 22: the book records the fingerprints of the keys outside it (the sealing key on
first use, the signing key at the first signed export), so a PC that opens a shared book
with another key is told so by name, once, instead of ``check`` calling every seal
tampered. SQLite and PostgreSQL."""

import datetime as dt

import pytest
from helpers import member_input
from sqlalchemy import delete, select

from koperasi.cli import main
from koperasi.db import sealing
from koperasi.db.models import KeyFingerprint
from koperasi.exchange import export_auditor
from koperasi.services import check, key_guard, ledger, members, savings
from koperasi.services.uow import read_only, unit_of_work

D = dt.date(2025, 3, 10)


@pytest.fixture(autouse=True)
def first_pc(tmp_path, monkeypatch):
    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "pc1" / "seal.key"))
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / "pc1" / "anchors"))
    monkeypatch.setenv("KOPERASI_KEYS_DIR", str(tmp_path / "pc1" / "keys"))


def other_pc(tmp_path, monkeypatch, name="pc2"):  # type: ignore[no-untyped-def]
    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / name / "seal.key"))
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / name / "anchors"))
    monkeypatch.setenv("KOPERASI_KEYS_DIR", str(tmp_path / name / "keys"))


def _books(db, actor):  # type: ignore[no-untyped-def]
    for n in range(2):
        m = members.register_member(db, actor, member_input(f"Anggota {n}", n + 1))
        savings.deposit(db, actor, m.number, "SUKARELA", 100_000 * (n + 1), D)
    ledger.add_manual_entry(
        db,
        actor,
        D,
        "Listrik",
        [ledger.Line("5.11", debit=5_000), ledger.Line("1.01", credit=5_000)],
    )


def _recorded(db):  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return dict(s.execute(select(KeyFingerprint.kind, KeyFingerprint.fingerprint)).all())


def test_another_seal_key_is_one_clear_finding(db, actor, tmp_path, monkeypatch):
    _books(db, actor)
    assert key_guard.ensure(db, "admin") == []
    first = key_guard.seal_fingerprint()
    assert _recorded(db) == {"seal": first} and first.startswith("HMAC:")
    assert check.run_checks(db).ok

    other_pc(tmp_path, monkeypatch)
    warnings = key_guard.ensure(db)
    assert [w.code for w in warnings] == ["seal_key_other"]
    second = key_guard.seal_fingerprint()
    text = warnings[0].message("id")
    assert first in text and second in text and str(tmp_path / "pc2" / "seal.key") in text
    assert _recorded(db) == {"seal": first}  # the first key stays the book's
    report = check.run_checks(db)
    assert [p.check for p in report.problems] == ["seal_key"], [
        p.message_en for p in report.problems
    ]
    assert "Copy seal.key from the first PC" in report.problems[0].message("en")

    other_pc(tmp_path, monkeypatch, "pc1")  # the key copied: all green again
    assert key_guard.ensure(db) == [] and check.run_checks(db).ok


def test_book_made_before_fingerprints(db, actor, tmp_path, monkeypatch):
    _books(db, actor)
    with unit_of_work(db) as s:
        s.execute(delete(KeyFingerprint))
    other_pc(tmp_path, monkeypatch)
    warnings = key_guard.ensure(db)  # the newest audit rows do not verify: not recorded
    assert [w.code for w in warnings] == ["seal_key_unknown"] and _recorded(db) == {}
    assert "another key" in warnings[0].message("en")
    other_pc(tmp_path, monkeypatch, "pc1")
    assert key_guard.ensure(db) == [] and set(_recorded(db)) == {"seal"}


def test_signing_key_recorded_at_first_export_and_checked(db, actor, tmp_path, monkeypatch):
    _books(db, actor)
    result = export_auditor(db, tmp_path / "a.xlsx", actor=actor)
    assert _recorded(db)["signing"] == result.key_fingerprint
    assert key_guard.ensure(db) == []
    other_pc(tmp_path, monkeypatch)
    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "pc1" / "seal.key"))  # seal key shared
    missing = key_guard.ensure(db)
    assert [w.code for w in missing] == ["signing_key_missing"]
    assert result.key_fingerprint in missing[0].message("en")
    export_auditor(db, tmp_path / "b.xlsx", actor=actor)  # makes this PC's own new key
    other = key_guard.ensure(db)
    assert [w.code for w in other] == ["signing_key_other"]
    assert _recorded(db)["signing"] == result.key_fingerprint  # the first stays
    assert check.run_checks(db).ok  # not a finding about the books: told at open


def test_cli_names_the_other_key(sqlite_db, actor, tmp_path, monkeypatch, capsys):
    _books(sqlite_db, actor)
    path = str(sqlite_db.sqlite_path)
    assert main(["--db", path, "check"]) == 0
    capsys.readouterr()
    other_pc(tmp_path, monkeypatch)
    assert main(["--db", path, "--lang", "en", "check"]) == 1
    out = capsys.readouterr()
    assert "is not the key this book was sealed with" in out.err  # at open, every command
    lines = [ln for ln in out.out.splitlines() if ln.startswith("[")]
    assert len(lines) == 1 and lines[0].startswith("[seal_key]"), out.out

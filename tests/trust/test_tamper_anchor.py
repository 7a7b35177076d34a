"""Tamper evidence without a blind end (issue 22 item 1): the chains are keyed with a secret
outside the database and their heads are anchored outside it, so deleting the newest rows,
emptying the audit trail or rewriting a row and recomputing the chain is found; receipt
numbers handed out are checked for gaps; a book sealed the old way is resealed once."""

import datetime as dt
import hashlib

import pytest
from helpers import member_input, roll_back_to
from sqlalchemy import select, text

from koperasi.cli import main
from koperasi.db import sealing
from koperasi.db.database import open_database
from koperasi.db.migrate import head_revision
from koperasi.db.models import AuditEntry, JournalEntry, JournalLine, JournalSeal
from koperasi.services import check, ledger, members, savings

D = dt.date(2025, 3, 10)
SEP = "\x1f"


@pytest.fixture(autouse=True)
def own_key_and_anchors(tmp_path, monkeypatch):
    """This test's own key file and anchor folder (not the user's data folder)."""
    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "keys" / "seal.key"))
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / "anchors"))


@pytest.fixture
def books(db, actor):
    a = members.register_member(db, actor, member_input("Siti", 1))
    b = members.register_member(db, actor, member_input("Rina", 2))
    savings.deposit(db, actor, a.number, "SUKARELA", 500_000, D)
    savings.deposit(db, actor, b.number, "SUKARELA", 300_000, D)
    ledger.add_manual_entry(
        db,
        actor,
        D,
        "Biaya listrik",
        [ledger.Line("5.11", debit=75_000), ledger.Line("1.01", credit=75_000)],
    )
    savings.deposit(db, actor, a.number, "SUKARELA", 250_000, D)  # the newest entry
    assert check.run_checks(db).ok
    return db


def tamper(db, sql, **params):
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def scalar(db, sql, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def refs(db, name):
    return [p.ref for p in check.run_checks(db).problems if p.check == name]


def delete_newest_deposit(db):
    """What the hostile tester did: the newest entry goes, with its lines, seal, savings
    row and the cached balance put back, so every balance check stays green."""
    eid = scalar(db, "SELECT max(id) FROM journal_entries")
    with db.engine.connect() as conn:
        tid, acc, amount, receipt = conn.execute(
            text(
                "SELECT id, account_id, amount, receipt_no FROM savings_transactions "
                "WHERE journal_entry_id = :e"
            ),
            {"e": eid},
        ).one()
    tamper(db, "DELETE FROM savings_transactions WHERE id = :t", t=tid)
    tamper(db, "UPDATE savings_accounts SET balance = balance - :m WHERE id = :a", m=amount, a=acc)
    tamper(db, "DELETE FROM journal_seals WHERE entry_id = :e", e=eid)
    tamper(db, "DELETE FROM journal_lines WHERE entry_id = :e", e=eid)
    tamper(db, "DELETE FROM journal_entries WHERE id = :e", e=eid)
    return eid, receipt


def test_untouched_books_pass_and_are_anchored(books, tmp_path):
    report = check.run_checks(books)
    assert {"anchors", "receipt_gaps"} <= set(report.checks_run) and report.ok
    anchors, bad = sealing.read_anchors(sealing.book_identity(books.engine))
    newest = scalar(books, "SELECT max(entry_id) FROM journal_seals")
    assert bad == 0 and anchors[-1]["entry_id"] == newest
    key = tmp_path / "keys" / "seal.key"
    assert key.exists() and (key.stat().st_mode & 0o077) == 0  # the user's only


def test_deleting_the_newest_entry_with_its_savings_row_is_named(books):
    eid, receipt = delete_newest_deposit(books)
    report = check.run_checks(books)
    assert not report.ok
    assert [p.ref for p in report.problems if p.check == "anchors"] == [f"journal_entries.id={eid}"]
    assert [p.ref for p in report.problems if p.check == "receipt_gaps"] == [
        f"receipt_no={receipt}"
    ]


def test_check_command_exits_1_naming_the_deleted_newest_entry(books, capsys):
    if not books.is_sqlite:
        pytest.skip("the command is run once, on SQLite")
    path = str(books.sqlite_path)
    eid, _receipt = delete_newest_deposit(books)
    books.dispose()
    capsys.readouterr()
    assert main(["--db", path, "check"]) == 1
    assert f"journal_entries.id={eid}" in capsys.readouterr().out


def test_deleting_the_newest_audit_rows_is_named(books):
    newest = scalar(books, "SELECT max(id) FROM audit_log")
    tamper(books, "DELETE FROM audit_log WHERE id > :i", i=newest - 2)
    assert refs(books, "anchors") == [f"audit_log.id={newest}", f"audit_log.id={newest - 1}"]
    assert refs(books, "audit_chain") == []  # what is left still chains


def test_an_emptied_audit_trail_is_named(books):
    tamper(books, "DELETE FROM audit_log")
    assert "audit_log" in refs(books, "anchors")


def test_an_emptied_audit_trail_is_named_even_without_anchors(books, tmp_path):
    tamper(books, "DELETE FROM audit_log")
    for f in (tmp_path / "anchors").iterdir():
        f.unlink()
    assert refs(books, "anchors") == ["audit_log"]


def _old_text(v):
    if v is None:
        return ""
    if isinstance(v, dt.datetime | dt.date):
        return v.isoformat()
    return str(v)


def _sha(*parts):
    return hashlib.sha256(SEP.join(_old_text(p) for p in parts).encode()).hexdigest()


def recompute_seals_without_key(db):
    """What a forger without the key can do: every line hash and entry seal recomputed
    with plain SHA-256 from the (edited) rows, chained from the start."""
    with db.engine.begin() as conn:
        prev = ""
        for seal in conn.execute(select(JournalSeal.__table__).order_by(JournalSeal.id)).all():
            e = conn.execute(
                select(JournalEntry.__table__).where(JournalEntry.id == seal.entry_id)
            ).one()
            lines = conn.execute(
                select(JournalLine.__table__)
                .where(JournalLine.entry_id == e.id)
                .order_by(JournalLine.id)
            ).all()
            text_ = " ".join(
                f"{ln.id}:"
                + _sha(
                    ln.id, ln.entry_id, ln.account_id, ln.debit, ln.credit, ln.member_id, ln.memo
                )[:16]
                for ln in lines
            )
            h = _sha(
                prev,
                e.id,
                e.date,
                e.description,
                e.source,
                e.source_ref,
                e.receipt_no,
                e.reverses_entry_id,
                e.posted_at,
                e.posted_by,
                text_,
            )
            conn.execute(
                JournalSeal.__table__.update()
                .where(JournalSeal.id == seal.id)
                .values(lines=text_, prev_hash=prev, hash=h)
            )
            prev = h


def recompute_audit_without_key(db):
    with db.engine.begin() as conn:
        prev = ""
        for r in conn.execute(select(AuditEntry.__table__).order_by(AuditEntry.id)).all():
            h = _sha(
                prev, r.at, r.username, r.action, r.entity, r.entity_id or "", r.before, r.after
            )
            conn.execute(
                AuditEntry.__table__.update()
                .where(AuditEntry.id == r.id)
                .values(prev_hash=prev, hash=h)
            )
            prev = h


def test_a_line_edited_and_the_chain_recomputed_without_the_key_is_named(books):
    entry = ledger.list_entries(books, source="manual")[0]
    with books.engine.connect() as conn:
        ids = [
            r[0]
            for r in conn.execute(
                text("SELECT id FROM journal_lines WHERE entry_id = :e ORDER BY id"),
                {"e": entry.id},
            )
        ]
    tamper(books, "UPDATE journal_lines SET debit = 1000 WHERE id = :i", i=ids[0])
    tamper(books, "UPDATE journal_lines SET credit = 1000 WHERE id = :i", i=ids[1])
    recompute_seals_without_key(books)
    found = refs(books, "journal_seals")
    assert f"journal_entries.id={entry.id}" in found


def test_an_audit_row_edited_and_the_chain_recomputed_without_the_key_is_named(books):
    first = scalar(books, "SELECT min(id) FROM audit_log")
    tamper(books, "UPDATE audit_log SET username = 'orang-lain' WHERE id = :i", i=first)
    recompute_audit_without_key(books)
    assert f"audit_log.id={first}" in refs(books, "audit_chain")


def test_a_receipt_number_that_vanished_is_named(books, tmp_path):
    """Even with the anchor log deleted too, the receipt counter shows the gap."""
    _eid, receipt = delete_newest_deposit(books)
    for f in (tmp_path / "anchors").iterdir():
        f.unlink()
    report = check.run_checks(books)
    assert [p.ref for p in report.problems] == [f"receipt_no={receipt}"]


def back_to_0009(books) -> None:  # type: ignore[no-untyped-def]
    """The book as revision 0009 left it: every later migration is rolled back (their
    tables and columns are not there yet) and alembic says 0009. The seals the test wrote
    the old way are kept (0010's downgrade leaves rows that do not verify keyed as found)."""
    roll_back_to(books, "0009_rat_module")


def test_a_book_sealed_the_old_way_is_resealed_by_the_migration(books, tmp_path):
    """Seals and audit rows written with the old unkeyed SHA-256, at revision 0009: opening
    the book upgrades it (0010 reseals it once) and it passes check; a row altered before
    the upgrade is still named after it."""
    recompute_seals_without_key(books)
    recompute_audit_without_key(books)
    assert not check.run_checks(books, anchor=False).ok  # the old seals are not keyed
    back_to_0009(books)
    where = (
        str(books.sqlite_path)
        if books.is_sqlite
        else books.engine.url.render_as_string(hide_password=False)
    )
    books.dispose()
    upgraded = open_database(where)
    try:
        assert scalar(upgraded, "SELECT version_num FROM alembic_version") == head_revision()
        assert check.run_checks(upgraded).ok
    finally:
        upgraded.dispose()


def test_an_old_book_altered_before_the_upgrade_stays_altered(books):
    recompute_seals_without_key(books)
    recompute_audit_without_key(books)
    entry = ledger.list_entries(books, source="manual")[0]
    tamper(books, "UPDATE journal_entries SET description = 'lain' WHERE id = :i", i=entry.id)
    back_to_0009(books)
    where = (
        str(books.sqlite_path)
        if books.is_sqlite
        else books.engine.url.render_as_string(hide_password=False)
    )
    books.dispose()
    upgraded = open_database(where)
    try:
        assert refs(upgraded, "journal_seals") == [f"journal_entries.id={entry.id}"]
    finally:
        upgraded.dispose()


def test_a_forged_anchor_line_is_named_and_not_trusted(books):
    """An anchor line edited without the key (say, to point at an older head) does not
    count as an anchor and is itself a finding."""
    path = sealing.anchor_file(sealing.book_identity(books.engine))
    lines = path.read_text(encoding="utf-8").splitlines()
    lines[-1] = lines[-1].replace('"event": "check"', '"event": "reset"')
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    report = check.run_checks(books, anchor=False)
    assert [p.check for p in report.problems] == ["anchors"]
    assert report.problems[0].ref == str(path)


def test_only_the_tail_of_a_long_anchor_log_is_read(books, monkeypatch):
    """The log grows by a line per commit; check reads its newest part only."""
    monkeypatch.setattr(sealing, "TAIL_BYTES", 2000)
    identity = sealing.book_identity(books.engine)
    for _ in range(50):
        sealing.anchor_now(books.engine, "check")
    anchors, bad = sealing.read_anchors(identity)
    assert bad == 0 and 0 < len(anchors) < 50
    eid, _receipt = delete_newest_deposit(books)
    assert refs(books, "anchors") == [f"journal_entries.id={eid}"]


def test_a_damaged_key_file_is_a_clear_message(tmp_path):
    from koperasi.errors import DatabaseProblem

    path = tmp_path / "keys" / "seal.key"
    path.parent.mkdir()
    path.write_text("bukan kunci\n")
    with pytest.raises(DatabaseProblem) as exc:
        sealing.seal_key()
    assert str(path) in exc.value.message("en")

"""Altering the audit trail or a journal line behind the app's back makes `check` fail and
name the row (SQLite via the sqlite3 module, PostgreSQL via psycopg)."""

import datetime as dt

import pytest
from helpers import member_input
from sqlalchemy import text

from koperasi.services import check, ledger, members, savings
from koperasi.services.audit import AuditFilter, list_audit

D = dt.date(2025, 3, 10)


@pytest.fixture
def books(db, actor):
    a = members.register_member(db, actor, member_input("Siti", 1))
    b = members.register_member(db, actor, member_input("Rina", 2))
    savings.deposit(db, actor, a.number, "SUKARELA", 500_000, D)
    savings.deposit(db, actor, b.number, "SUKARELA", 300_000, D)
    savings.withdraw(db, actor, a.number, "SUKARELA", 100_000, D)
    ledger.add_manual_entry(
        db,
        actor,
        D,
        "Biaya listrik",
        [ledger.Line("5.11", debit=75_000), ledger.Line("1.01", credit=75_000)],
    )
    assert check.run_checks(db).ok
    return db


def post_later_entry(db, actor):
    ledger.add_manual_entry(
        db,
        actor,
        D,
        "Biaya ATK",
        [ledger.Line("5.11", debit=5_000), ledger.Line("1.01", credit=5_000)],
    )


def tamper(db, sql, **params):
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def refs(db, name):
    return [p.ref for p in check.run_checks(db).problems if p.check == name]


def test_untouched_books_pass(books):
    report = check.run_checks(books)
    assert {"audit_chain", "journal_seals"} <= set(report.checks_run) and report.ok


def test_altered_audit_row_is_named(books):
    row = list_audit(books, AuditFilter(action="savings.withdraw"))[0]
    tamper(books, "UPDATE audit_log SET after = :a WHERE id = :i", a='{"amount": 1}', i=row.id)
    assert refs(books, "audit_chain") == [f"audit_log.id={row.id}"]


def test_altered_audit_user_is_named(books):
    row = list_audit(books)[1]
    tamper(books, "UPDATE audit_log SET username = 'orang-lain' WHERE id = :i", i=row.id)
    assert refs(books, "audit_chain") == [f"audit_log.id={row.id}"]


def test_deleted_audit_row_breaks_the_chain_at_the_next_row(books):
    rows = list_audit(books)
    tamper(books, "DELETE FROM audit_log WHERE id = :i", i=rows[2].id)
    assert refs(books, "audit_chain") == [f"audit_log.id={rows[3].id}"]


def test_balanced_change_of_two_journal_lines_is_caught(books):
    """Moving money between lines so the entry still balances passes the balance checks,
    but not the seals: both lines are named."""
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
    report = check.run_checks(books)
    assert [p.check for p in report.problems] == ["journal_seals", "journal_seals"]
    assert [p.ref for p in report.problems] == [f"journal_lines.id={i}" for i in ids]


def test_line_moved_to_another_account_is_caught(books):
    entry = ledger.list_entries(books, source="manual")[0]
    with books.engine.connect() as conn:
        lid, other = conn.execute(
            text(
                "SELECT l.id, (SELECT id FROM accounts WHERE code = '5.12') FROM journal_lines l "
                "WHERE l.entry_id = :e AND l.debit > 0"
            ),
            {"e": entry.id},
        ).one()
    tamper(books, "UPDATE journal_lines SET account_id = :a WHERE id = :i", a=other, i=lid)
    assert refs(books, "journal_seals") == [f"journal_lines.id={lid}"]


def test_line_added_later_to_an_old_entry_is_caught(books, actor):
    """A line slipped into an old entry gets an id after every later entry's lines: the
    check still finds it and names it (the pass reads lines in id order)."""
    first = ledger.list_entries(books, source="manual")[0]
    post_later_entry(books, actor)
    with books.engine.begin() as conn:
        acc = conn.execute(text("SELECT id FROM accounts WHERE code='5.12'")).scalar_one()
        lid = conn.execute(
            text(
                "INSERT INTO journal_lines (entry_id, account_id, debit, credit, memo) "
                "VALUES (:e, :a, 0, 1, '') RETURNING id"
            ),
            {"e": first.id, "a": acc},
        ).scalar_one()
    assert refs(books, "journal_seals") == [f"journal_lines.id={lid}"]


def test_changed_entry_date_is_caught(books):
    entry = ledger.list_entries(books, source="manual")[0]
    tamper(books, "UPDATE journal_entries SET description = 'lain' WHERE id = :i", i=entry.id)
    assert refs(books, "journal_seals") == [f"journal_entries.id={entry.id}"]


def test_entry_inserted_outside_the_app_is_caught(books):
    with books.engine.begin() as conn:
        eid = conn.execute(
            text(
                "INSERT INTO journal_entries (date, description, source, source_ref, posted_at, "
                "posted_by) VALUES (:d, 'siluman', 'manual', '', :t, 'x') RETURNING id"
            ),
            {"d": D, "t": dt.datetime(2025, 3, 10)},
        ).scalar_one()
        acc = conn.execute(text("SELECT id FROM accounts WHERE code='1.01'")).scalar_one()
        for debit, credit in ((5000, 0), (0, 5000)):
            conn.execute(
                text(
                    "INSERT INTO journal_lines (entry_id, account_id, debit, credit, memo) "
                    "VALUES (:e, :a, :d, :c, '')"
                ),
                {"e": eid, "a": acc, "d": debit, "c": credit},
            )
    assert refs(books, "journal_seals") == [f"journal_entries.id={eid}"]


def test_whole_entry_removed_is_caught(books, actor):
    """Deleting an entry with its lines and seal keeps every balance check green (it was
    balanced), but breaks the seal chain at the next entry."""
    first = ledger.list_entries(books, source="manual")[0]
    post_later_entry(books, actor)
    with books.engine.connect() as conn:
        next_seal = conn.execute(
            text("SELECT min(id) FROM journal_seals WHERE entry_id > :e"), {"e": first.id}
        ).scalar_one()
    tamper(books, "DELETE FROM journal_seals WHERE entry_id = :e", e=first.id)
    tamper(books, "DELETE FROM journal_lines WHERE entry_id = :e", e=first.id)
    tamper(books, "DELETE FROM journal_entries WHERE id = :e", e=first.id)
    report = check.run_checks(books)
    assert [p.ref for p in report.problems] == [f"journal_seals.id={next_seal}"]

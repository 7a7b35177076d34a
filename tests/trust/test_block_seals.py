"""Block seals (issue 20): the journal and the audit trail are verified a block at a time
(one keyed digest per block over the rows' text the database builds), and row by row only
inside a block that no longer matches. Tiny blocks here (tests/trust/conftest.py: 2 rows),
so that what is altered lies inside closed blocks, at their edges, or in the open tail."""

import datetime as dt
import threading

import pytest
from helpers import member_input, revision_before, roll_back_to
from sqlalchemy import text

from koperasi.db import blocks, sealing
from koperasi.db.database import open_database
from koperasi.db.migrate import head_revision
from koperasi.services import check, ledger, members, savings

D = dt.date(2025, 3, 10)
BLOCK_SEALS = "0018_block_seals"  # the migration that seals existing books into blocks


@pytest.fixture(autouse=True)
def own_key_and_anchors(tmp_path, monkeypatch):
    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "keys" / "seal.key"))
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / "anchors"))


def manual(db, actor, amount, memo=""):
    return ledger.add_manual_entry(
        db,
        actor,
        D,
        f"Biaya {amount}",
        [
            ledger.Line("5.11", debit=amount, memo=memo),
            ledger.Line("1.01", credit=amount, memo=memo),
        ],
    )


@pytest.fixture
def books(db, actor):
    """Twelve manual entries and two members' deposits: several closed blocks of each kind."""
    a = members.register_member(db, actor, member_input("Siti", 1))
    for n in range(1, 13):
        manual(db, actor, 1000 * n)
    savings.deposit(db, actor, a.number, "SUKARELA", 500_000, D)
    savings.deposit(db, actor, a.number, "SUKARELA", 250_000, D)
    assert check.run_checks(db).ok
    return db


def rows(db, sql, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).all()


def scalar(db, sql, **params):
    with db.engine.connect() as conn:
        return conn.execute(text(sql), params).scalar()


def tamper(db, sql, **params):
    with db.engine.begin() as conn:
        conn.execute(text(sql), params)


def report(db):
    return check.run_checks(db, anchor=False)


def journal_blocks(db):
    return rows(
        db,
        "SELECT id, last_id, last_line_id, last_seal_id, verified FROM seal_blocks "
        "WHERE kind = 'journal' ORDER BY id",
    )


def audit_blocks(db):
    return rows(db, "SELECT id, last_id FROM seal_blocks WHERE kind = 'audit' ORDER BY id")


def test_blocks_close_as_rows_are_written_and_leave_the_newest_open(books):
    jb, ab = journal_blocks(books), audit_blocks(books)
    entries = scalar(books, "SELECT count(*) FROM journal_entries")
    audits = scalar(books, "SELECT count(*) FROM audit_log")
    assert len(jb) >= 5 and len(ab) >= 5
    assert all(b.verified for b in jb)
    # consecutive ranges; the newest BLOCK_ROWS..2*BLOCK_ROWS-1 rows stay in the open tail
    assert [b.last_id for b in jb] == sorted({b.last_id for b in jb})
    assert blocks.BLOCK_ROWS <= entries - jb[-1].last_id < 2 * blocks.BLOCK_ROWS
    assert blocks.BLOCK_ROWS <= audits - ab[-1].last_id < 2 * blocks.BLOCK_ROWS
    lines_in_blocks = scalar(
        books, "SELECT count(*) FROM journal_lines WHERE entry_id <= :e", e=jb[-1].last_id
    )
    assert scalar(
        books, "SELECT count(*) FROM journal_lines WHERE id <= :l", l=jb[-1].last_line_id
    ) == (lines_in_blocks)
    # only the failing blocks and the tail are looked at row by row
    with books.engine.connect() as conn:
        spans = blocks.failing_spans(conn, blocks.JOURNAL)
    assert len(spans) == 1 and spans[0].hi is None and spans[0].lo[0] == jb[-1].last_id


def entry_in_first_block(db):
    return journal_blocks(db)[0].last_id


def test_a_line_altered_inside_a_closed_block_is_named(books):
    eid = entry_in_first_block(books)
    lid = scalar(books, "SELECT min(id) FROM journal_lines WHERE entry_id = :e", e=eid)
    tamper(books, "UPDATE journal_lines SET memo = 'x' WHERE id = :i", i=lid)
    assert [p.ref for p in report(books).problems] == [f"journal_lines.id={lid}"]


def test_an_entry_altered_inside_a_closed_block_is_named(books):
    eid = journal_blocks(books)[2].last_id
    tamper(books, "UPDATE journal_entries SET description = 'lain' WHERE id = :i", i=eid)
    assert [p.ref for p in report(books).problems] == [f"journal_entries.id={eid}"]


def test_a_line_slipped_into_an_entry_of_a_closed_block_is_named(books):
    eid = entry_in_first_block(books)
    acc = scalar(books, "SELECT id FROM accounts WHERE code = '5.12'")
    tamper(
        books,
        "INSERT INTO journal_lines (entry_id, account_id, debit, credit, memo) "
        "VALUES (:e, :a, 0, 1, '')",
        e=eid,
        a=acc,
    )
    lid = scalar(books, "SELECT max(id) FROM journal_lines")
    found = report(books)
    assert [p.ref for p in found.problems if p.check == "journal_seals"] == [
        f"journal_lines.id={lid}"
    ]


@pytest.mark.parametrize("where", ["middle", "last"])
def test_an_entry_removed_from_a_closed_block_breaks_the_chain_there(books, where):
    """Inside a block, or the last entry of one (the break is then at the first seal of the
    next block, which still matches its own digest)."""
    b = journal_blocks(books)[2]
    eid = b.last_id if where == "last" else b.last_id - 1
    next_seal = scalar(books, "SELECT min(id) FROM journal_seals WHERE entry_id > :e", e=eid)
    for sql in (
        "DELETE FROM journal_seals WHERE entry_id = :e",
        "DELETE FROM journal_lines WHERE entry_id = :e",
        "DELETE FROM journal_entries WHERE id = :e",
    ):
        tamper(books, sql, e=eid)
    assert [p.ref for p in report(books).problems] == [f"journal_seals.id={next_seal}"]


def test_two_seals_swapped_inside_a_block_are_named(books):
    """Reordering: two seal rows exchange places (each keeps its own content and hash)."""
    b = journal_blocks(books)[1]
    s2, s1 = [
        r[0]
        for r in rows(
            books, "SELECT id FROM journal_seals WHERE id <= :s ORDER BY id DESC LIMIT 2", s=b[3]
        )
    ]
    swap(books, "journal_seals", s1, s2)
    # the chain breaks at both and at the first seal of the next block (it names the hash
    # of the seal that was last before the swap)
    assert [p.ref for p in report(books).problems] == [
        f"journal_seals.id={s1}",
        f"journal_seals.id={s2}",
        f"journal_seals.id={s2 + 1}",
    ]


def swap(db, table, a, b):
    tamper(db, f"UPDATE {table} SET id = -1 WHERE id = :a", a=a)
    tamper(db, f"UPDATE {table} SET id = :a WHERE id = :b", a=a, b=b)
    tamper(db, f"UPDATE {table} SET id = :b WHERE id = -1", b=b)


def test_two_audit_rows_swapped_inside_a_block_are_named(books):
    a2 = audit_blocks(books)[1].last_id
    a1 = a2 - 1
    swap(books, "audit_log", a1, a2)
    assert [p.ref for p in report(books).problems if p.check == "audit_chain"] == [
        f"audit_log.id={a1}",
        f"audit_log.id={a2}",
        f"audit_log.id={a2 + 1}",
    ]


def test_an_audit_row_altered_inside_a_closed_block_is_named(books):
    rid = audit_blocks(books)[1].last_id
    tamper(books, "UPDATE audit_log SET username = 'orang-lain' WHERE id = :i", i=rid)
    assert [p.ref for p in report(books).problems] == [f"audit_log.id={rid}"]


@pytest.mark.parametrize("where", ["first", "last"])
def test_an_audit_row_deleted_from_a_closed_block_is_named_at_the_next_row(books, where):
    b = audit_blocks(books)[2]
    prev_last = audit_blocks(books)[1].last_id
    rid = {"first": prev_last + 1, "last": b.last_id}[where]  # blocks of two rows here
    nxt = scalar(books, "SELECT min(id) FROM audit_log WHERE id > :i", i=rid)
    tamper(books, "DELETE FROM audit_log WHERE id = :i", i=rid)
    assert [p.ref for p in report(books).problems] == [f"audit_log.id={nxt}"]


def test_an_altered_block_seal_is_named(books):
    b = journal_blocks(books)[1]
    tamper(books, "UPDATE seal_blocks SET digest = :d WHERE id = :i", d="0" * 64, i=b.id)
    found = report(books)
    assert [p.ref for p in found.problems] == [f"seal_blocks.id={b.id}"]


def test_a_deleted_block_seal_is_named_at_the_next_block(books):
    b1, b2 = journal_blocks(books)[1:3]
    tamper(books, "DELETE FROM seal_blocks WHERE id = :i", i=b1.id)
    assert [p.ref for p in report(books).problems] == [f"seal_blocks.id={b2.id}"]


def test_an_unverified_block_is_looked_at_row_by_row(books):
    """A block closed over a row that did not verify is recorded unverified: check never
    takes it on its digest, and looks at its rows one by one (here: all still good)."""
    b = journal_blocks(books)[1]
    tamper(books, "UPDATE seal_blocks SET verified = :f WHERE id = :i", f=False, i=b.id)
    with books.engine.connect() as conn:
        spans = blocks.failing_spans(conn, blocks.JOURNAL)
    assert spans[0].blocks == () and spans[0].hi == (b.last_id, b.last_line_id, b.last_seal_id)
    assert report(books).ok
    lid = scalar(books, "SELECT max(id) FROM journal_lines WHERE id <= :l", l=b.last_line_id)
    tamper(books, "UPDATE journal_lines SET memo = 'x' WHERE id = :i", i=lid)
    assert [p.ref for p in report(books).problems] == [f"journal_lines.id={lid}"]


def test_the_digest_does_not_depend_on_the_aggregate_s_order(books, monkeypatch):
    """Were the database to concatenate a block's rows in another order, the digest is
    recomputed from rows fetched in id order before anything is reported."""
    real = blocks.block_text

    def shuffled(conn, kind, lo, hi):
        return "\n".join(reversed(real(conn, kind, lo, hi).split("\n")))

    monkeypatch.setattr(blocks, "block_text", shuffled)
    assert report(books).ok


def test_a_block_closed_over_an_altered_row_stays_unverified_and_names_it(db, actor):
    """A row altered while still in the open tail is not frozen into a good block."""
    manual(db, actor, 1000)
    first = scalar(db, "SELECT min(id) FROM journal_entries")
    tamper(db, "UPDATE journal_entries SET description = 'lain' WHERE id = :i", i=first)
    for n in range(2, 8):
        manual(db, actor, 1000 * n)
    jb = journal_blocks(db)
    assert jb and not jb[0].verified and all(b.verified for b in jb[1:])
    assert [p.ref for p in report(db).problems if p.check == "journal_seals"] == [
        f"journal_entries.id={first}"
    ]


def back_to_before_block_seals(db) -> None:  # type: ignore[no-untyped-def]
    """The book as the revision before the block-seal migration left it: no block seals
    yet (that migration and any after it rolled back), sealed row by row."""
    roll_back_to(db, revision_before(BLOCK_SEALS))


def reopen(db):
    where = (
        str(db.sqlite_path) if db.is_sqlite else db.engine.url.render_as_string(hide_password=False)
    )
    db.dispose()
    return open_database(where)


def test_a_book_sealed_row_by_row_is_sealed_into_blocks_by_the_migration(books, actor):
    back_to_before_block_seals(books)
    upgraded = reopen(books)
    try:
        assert scalar(upgraded, "SELECT version_num FROM alembic_version") == head_revision()
        jb = journal_blocks(upgraded)
        assert len(jb) >= 5 and all(b.verified for b in jb)
        assert audit_blocks(upgraded)
        assert check.run_checks(upgraded).ok
        # and the upgraded book goes on closing blocks as it is posted to
        for n in range(4):
            manual(upgraded, actor, 7000 + n)
        assert len(journal_blocks(upgraded)) > len(jb)
        assert check.run_checks(upgraded).ok
    finally:
        upgraded.dispose()


def test_a_row_altered_before_the_block_migration_is_still_named(books):
    eid = entry_in_first_block(books)
    back_to_before_block_seals(books)
    tamper(books, "UPDATE journal_entries SET description = 'lain' WHERE id = :i", i=eid)
    upgraded = reopen(books)
    try:
        jb = journal_blocks(upgraded)
        assert not jb[0].verified and all(b.verified for b in jb[1:])
        assert [p.ref for p in report(upgraded).problems] == [f"journal_entries.id={eid}"]
    finally:
        upgraded.dispose()


@pytest.mark.postgres
def test_four_clients_posting_at_once_leave_verified_blocks(pg_url, actor):
    """PostgreSQL, several PCs: entries posted concurrently close blocks that all verify and
    the books pass check (ids are taken under the chain's lock, in commit order)."""
    db = open_database(pg_url)
    try:
        numbers = [
            members.register_member(db, actor, member_input(f"Anggota {n}", 50 + n)).number
            for n in range(4)
        ]
        errors: list[BaseException] = []

        def client(number: str) -> None:
            try:
                for n in range(12):
                    savings.deposit(db, actor, number, "SUKARELA", 10_000 + n, D)
                    manual(db, actor, 100 + n)
            except BaseException as exc:  # noqa: BLE001 - reported by the test
                errors.append(exc)

        threads = [threading.Thread(target=client, args=(no,)) for no in numbers]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        assert not errors
        jb = journal_blocks(db)
        assert len(jb) >= 40 and all(b.verified for b in jb)
        assert all(b[4] for b in rows(db, "SELECT id, kind, 0, 0, verified FROM seal_blocks"))
        assert check.run_checks(db).ok
    finally:
        db.dispose()

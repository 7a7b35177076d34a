"""keyed seals: reseal the journal seals and the audit chain with the installation's key

Revision ID: 0010_keyed_seals
Revises: 0009_rat_module
Create Date: 2026-12-02 13:30:00

No schema change. Until now each journal seal and audit row carried an unkeyed SHA-256, which
anyone who edits a row can recompute. From this revision they are HMAC-SHA-256 with a key kept
outside the database (``koperasi.db.sealing``). Each row is resealed once, in chain order,
and only if it still verifies under the old scheme: a row altered before the upgrade keeps
its old hash (so ``check`` still names it) and a broken link stays broken.
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db import sealing

revision = "0010_keyed_seals"
down_revision = "0009_rat_module"
branch_labels = None
depends_on = None

BATCH = 20_000

_entries = sa.table(
    "journal_entries",
    sa.column("id", sa.Integer),
    sa.column("date", sa.Date),
    sa.column("description", sa.Text),
    sa.column("source", sa.String),
    sa.column("source_ref", sa.String),
    sa.column("receipt_no", sa.String),
    sa.column("reverses_entry_id", sa.Integer),
    sa.column("posted_at", sa.DateTime),
    sa.column("posted_by", sa.String),
)
_seals = sa.table(
    "journal_seals",
    sa.column("id", sa.Integer),
    sa.column("entry_id", sa.Integer),
    sa.column("lines", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)
_audit = sa.table(
    "audit_log",
    sa.column("id", sa.Integer),
    sa.column("at", sa.DateTime),
    sa.column("username", sa.String),
    sa.column("action", sa.String),
    sa.column("entity", sa.String),
    sa.column("entity_id", sa.String),
    sa.column("before", sa.Text),
    sa.column("after", sa.Text),
    sa.column("prev_hash", sa.String),
    sa.column("hash", sa.String),
)


def _reseal(conn, query, table, fields_of, old_hash, new_hash) -> None:
    """Walk ``table`` in id order; rows that verify under ``old_hash`` (and link to the row
    before) get ``new_hash`` chained to the previous row's new hash."""
    update = (
        table.update()
        .where(table.c.id == sa.bindparam("rid"))
        .values(prev_hash=sa.bindparam("p"), hash=sa.bindparam("h"))
    )
    prev_old = prev_new = ""
    last = 0
    while True:
        rows = conn.execute(query.where(table.c.id > last).order_by(table.c.id).limit(BATCH)).all()
        if not rows:
            break
        changes = []
        for row in rows:
            stored_prev, stored = row.prev_hash or "", row.hash or ""
            fields = fields_of(row)
            link_ok = stored_prev == prev_old
            new_prev = prev_new if link_ok else stored_prev
            if fields is not None and old_hash(stored_prev, *fields) == stored:
                h = new_hash(new_prev, *fields)
            else:  # altered before the upgrade (or its entry is gone): keep it as found
                h = stored
            if (new_prev, h) != (stored_prev, stored):
                changes.append({"rid": row.id, "p": new_prev, "h": h})
            prev_old, prev_new = stored, h
        if changes:
            conn.execute(update, changes)
        last = rows[-1].id


def _seal_fields(row):
    if row.eid is None:
        return None
    return (
        row.eid,
        row.date,
        row.description,
        row.source,
        row.source_ref,
        row.receipt_no,
        row.reverses_entry_id,
        row.posted_at,
        row.posted_by,
        row.lines,
    )


def _audit_fields(row):
    return (
        row.at,
        row.username,
        row.action,
        row.entity,
        row.entity_id or "",
        row.before,
        row.after,
    )


def _run(old_entry, new_entry, old_audit, new_audit) -> None:
    conn = op.get_bind()
    seal_query = sa.select(
        _seals.c.id,
        _seals.c.lines,
        _seals.c.prev_hash,
        _seals.c.hash,
        _entries.c.id.label("eid"),
        _entries.c.date,
        _entries.c.description,
        _entries.c.source,
        _entries.c.source_ref,
        _entries.c.receipt_no,
        _entries.c.reverses_entry_id,
        _entries.c.posted_at,
        _entries.c.posted_by,
    ).select_from(_seals.outerjoin(_entries, _entries.c.id == _seals.c.entry_id))
    _reseal(conn, seal_query, _seals, _seal_fields, old_entry, new_entry)
    _reseal(conn, sa.select(_audit), _audit, _audit_fields, old_audit, new_audit)


def upgrade() -> None:
    key = sealing.seal_key()
    _run(
        sealing.entry_hash_unkeyed,
        lambda *f: sealing.entry_hash(*f, key=key),
        sealing.audit_hash_unkeyed,
        lambda *f: sealing.audit_hash(*f, key=key),
    )


def downgrade() -> None:
    key = sealing.seal_key()
    _run(
        lambda *f: sealing.entry_hash(*f, key=key),
        sealing.entry_hash_unkeyed,
        lambda *f: sealing.audit_hash(*f, key=key),
        sealing.audit_hash_unkeyed,
    )

"""block seals: keyed, chained digests over blocks of journal entries and audit rows

Revision ID: 0018_block_seals
Revises: 0012_key_fingerprint
Create Date: 2026-12-02 16:30:00

A new table, ``seal_blocks`` (``koperasi.db.blocks``), and the existing books sealed into
blocks once: every block's rows are verified against their own keyed seals first; a block
with a row that does not verify (altered before the upgrade) is recorded unverified, so
``check`` keeps diagnosing it row by row and still names the row. Blocks a book may carry
from a newer schema put back to an older revision are dropped and made again (the seals they
covered may have been resealed since).
"""

import sqlalchemy as sa
from alembic import op

from koperasi.db import blocks, sealing

revision = "0018_block_seals"
down_revision = "0012_key_fingerprint"
branch_labels = None
depends_on = None


def upgrade() -> None:
    conn = op.get_bind()
    if not sa.inspect(conn).has_table("seal_blocks"):
        op.create_table(
            "seal_blocks",
            sa.Column("id", sa.Integer(), nullable=False),
            sa.Column("kind", sa.String(length=10), nullable=False),
            sa.Column("last_id", sa.Integer(), nullable=False),
            sa.Column("last_line_id", sa.Integer(), nullable=True),
            sa.Column("last_seal_id", sa.Integer(), nullable=True),
            sa.Column("verified", sa.Boolean(), nullable=False),
            sa.Column("sealed_at", sa.DateTime(), nullable=True),
            sa.Column("prev_digest", sa.String(length=64), nullable=False),
            sa.Column("digest", sa.String(length=64), nullable=False),
            sa.PrimaryKeyConstraint("id"),
        )
        op.create_index("ix_seal_blocks_kind", "seal_blocks", ["kind", "id"])
    conn.execute(sa.text("DELETE FROM seal_blocks"))
    key = sealing.seal_key()
    for kind in (blocks.JOURNAL, blocks.AUDIT):
        blocks.close_all(conn, kind, key=key)


def downgrade() -> None:
    op.drop_index("ix_seal_blocks_kind", table_name="seal_blocks")
    op.drop_table("seal_blocks")

"""index of journal entries by source and reference (closing, SHU, reversals looked up)

Revision ID: 0006_entry_source_index
Revises: 0005_allocation_covering_index
Create Date: 2026-11-30 11:50:00

The year-end closing entries (source ``tutup_buku``), a year's SHU distribution and
payments (``shu`` with ``SHU-<year>``) are looked up by source and reference; without an
index each look-up reads the whole entries table (0.3-0.7 s on a large cooperative, and
the RAT report makes several).
"""

from alembic import op

revision = "0006_entry_source_index"
down_revision = "0005_allocation_covering_index"
branch_labels = None
depends_on = None

NAME, TABLE = "ix_journal_entries_source", "journal_entries"


def upgrade() -> None:
    op.create_index(NAME, TABLE, ["source", "source_ref"])


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)

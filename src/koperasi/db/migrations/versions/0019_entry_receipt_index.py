"""index of journal entries by receipt number (koperasi check's receipt gaps, issue 20)

Revision ID: 0019_entry_receipt_index
Revises: 0018_block_seals
Create Date: 2026-12-02 19:45:00

``koperasi check`` proves that every receipt number a counter handed out is still on a
journal entry or transaction: it counts the distinct receipt numbers of each series and
year. Without an index on the journal entries' receipt numbers that is a sort of every
entry's receipt (1.2 M on a large cooperative, ~2 s); with it, each series and year is a
range of the index read in order.
"""

from alembic import op

revision = "0019_entry_receipt_index"
down_revision = "0018_block_seals"
branch_labels = None
depends_on = None

NAME, TABLE = "ix_journal_entries_receipt_no", "journal_entries"


def upgrade() -> None:
    op.create_index(NAME, TABLE, ["receipt_no"])


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)

"""key fingerprints: the sealing and signing keys a book was made with (issue 22)

Revision ID: 0012_key_fingerprint
Revises: 0017_collateral_limits
Create Date: 2026-12-02 16:05:00

A new table only. Its rows are written on first use by the app (services/key_guard.py), never
from a migration: the key lives outside the database.
"""

import sqlalchemy as sa
from alembic import op

revision = "0012_key_fingerprint"
down_revision = "0017_collateral_limits"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "key_fingerprints",
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("fingerprint", sa.String(length=100), nullable=False),
        sa.Column("recorded_at", sa.DateTime(), nullable=False),
        sa.Column("recorded_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("kind", name=op.f("pk_key_fingerprints")),
    )


def downgrade() -> None:
    op.drop_table("key_fingerprints")

"""covering index for the loan allocations read by the month-end and the arrears reports

Revision ID: 0005_allocation_covering_index
Revises: 0004_covering_indexes
Create Date: 2026-11-30 08:40:00

The loan month-end sums, per installment and component, what the active loans' payments
allocated (some hundred thousand rows on a large cooperative). With installment, component
and amount in the transaction index, SQLite reads the index alone instead of looking up
each allocation row.
"""

from alembic import op

revision = "0005_allocation_covering_index"
down_revision = "0004_covering_indexes"
branch_labels = None
depends_on = None

NAME, TABLE = "ix_loan_allocations_transaction_id", "loan_allocations"


def upgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)
    op.create_index(NAME, TABLE, ["transaction_id", "installment_id", "component", "amount"])


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)
    op.create_index(NAME, TABLE, ["transaction_id"])

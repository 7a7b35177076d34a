"""index of loan transactions by loan, kind and date (last payment per loan)

Revision ID: 0007_loan_transaction_kind_index
Revises: 0006_entry_source_index
Create Date: 2026-11-30 11:50:00

The loan quality (arrears report, month-end, the RAT's loan statistics) takes each
outstanding loan's last payment (kinds angsuran and pelunasan) up to a date. The loan/date
index does not hold the kind, so every transaction of those loans was looked up in the
table (0.2 s for 6,300 loans on a large cooperative); with the kind in an index the latest
payment of each kind is a seek.
"""

from alembic import op

revision = "0007_loan_transaction_kind_index"
down_revision = "0006_entry_source_index"
branch_labels = None
depends_on = None

NAME, TABLE = "ix_loan_transactions_loan_kind", "loan_transactions"


def upgrade() -> None:
    op.create_index(NAME, TABLE, ["loan_id", "kind", "date"])


def downgrade() -> None:
    op.drop_index(NAME, table_name=TABLE)

"""covering indexes for the aggregates that read every row (benchmarks, issue 8)

Revision ID: 0004_covering_indexes
Revises: 0003
Create Date: 2026-11-30 05:50:00

Balances, ``koperasi check``, the dashboard and the loan month-end sum money columns over
millions of rows grouped by account, entry, savings account or loan. With the money columns
in the index, SQLite answers those sums from the index alone (no look-up of each table row):
the same queries read far fewer pages on a large cooperative.
"""

from alembic import op

revision = "0004_covering_indexes"
down_revision = "0003"
branch_labels = None
depends_on = None

# name -> (table, old columns, new columns)
CHANGES = {
    "ix_journal_lines_entry": ("journal_lines", ["entry_id"], ["entry_id", "debit", "credit"]),
    "ix_journal_lines_account": (
        "journal_lines",
        ["account_id", "entry_id"],
        ["account_id", "entry_id", "debit", "credit"],
    ),
    "ix_savings_transactions_account_date": (
        "savings_transactions",
        ["account_id", "date", "id"],
        ["account_id", "date", "id", "amount"],
    ),
    "ix_loan_transactions_loan_date": (
        "loan_transactions",
        ["loan_id", "date", "id"],
        ["loan_id", "date", "id", "principal_change"],
    ),
}


def upgrade() -> None:
    for name, (table, _old, new) in CHANGES.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, new)


def downgrade() -> None:
    for name, (table, old, _new) in CHANGES.items():
        op.drop_index(name, table_name=table)
        op.create_index(name, table, old)

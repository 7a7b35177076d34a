"""bank accounts, imported statement lines and their reconciliation matches

Revision ID: 0013_bank_reconciliation
Revises: 0016_standing_instructions
Create Date: 2026-12-02 16:00:00

New tables (the bank-fee expense account 5.18 is added by the seed like every missing account
of the chart), and on fixed_assets the reversal of an acquisition recorded by mistake
(cancelled_on, cancel_entry_id).
"""

import sqlalchemy as sa
from alembic import op

import koperasi.db.types

revision = "0013_bank_reconciliation"
down_revision = "0016_standing_instructions"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("fixed_assets", schema=None) as batch_op:
        batch_op.add_column(sa.Column("cancelled_on", sa.Date(), nullable=True))
        batch_op.add_column(sa.Column("cancel_entry_id", sa.Integer(), nullable=True))
        batch_op.create_foreign_key(
            batch_op.f("fk_fixed_assets_cancel_entry_id_journal_entries"),
            "journal_entries",
            ["cancel_entry_id"],
            ["id"],
        )
    op.create_table(
        "bank_accounts",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("bank", sa.String(length=20), nullable=False),
        sa.Column("number", sa.String(length=40), nullable=False),
        sa.Column("account_code", sa.String(length=20), nullable=False),
        sa.Column("layout", sa.Text(), nullable=False),
        sa.Column("reconcile_from", sa.Date(), nullable=True),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_accounts")),
        sa.UniqueConstraint("account_code", name=op.f("uq_bank_accounts_account_code")),
        sa.UniqueConstraint("code", name=op.f("uq_bank_accounts_code")),
    )
    op.create_table(
        "bank_statement_lines",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("bank_account_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("amount", koperasi.db.types.Money(), nullable=False),
        sa.Column("balance", koperasi.db.types.Money(), nullable=True),
        sa.Column("seq", sa.Integer(), nullable=False),
        sa.Column("fingerprint", sa.String(length=64), nullable=False),
        sa.Column("batch", sa.String(length=40), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["bank_account_id"],
            ["bank_accounts.id"],
            name=op.f("fk_bank_statement_lines_bank_account_id_bank_accounts"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_statement_lines")),
        sa.UniqueConstraint(
            "bank_account_id",
            "fingerprint",
            name=op.f("uq_bank_statement_lines_bank_account_id_fingerprint"),
        ),
    )
    with op.batch_alter_table("bank_statement_lines", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bank_statement_lines_bank_account_id"),
            ["bank_account_id"],
            unique=False,
        )
    op.create_table(
        "bank_matches",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("statement_line_id", sa.Integer(), nullable=False),
        sa.Column("journal_line_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=10), nullable=False),
        sa.Column("matched_at", sa.DateTime(), nullable=False),
        sa.Column("matched_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["journal_line_id"],
            ["journal_lines.id"],
            name=op.f("fk_bank_matches_journal_line_id_journal_lines"),
        ),
        sa.ForeignKeyConstraint(
            ["statement_line_id"],
            ["bank_statement_lines.id"],
            name=op.f("fk_bank_matches_statement_line_id_bank_statement_lines"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_bank_matches")),
        sa.UniqueConstraint("journal_line_id", name=op.f("uq_bank_matches_journal_line_id")),
    )
    with op.batch_alter_table("bank_matches", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_bank_matches_statement_line_id"), ["statement_line_id"], unique=False
        )


def downgrade() -> None:
    with op.batch_alter_table("bank_matches", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_matches_statement_line_id"))
    op.drop_table("bank_matches")
    with op.batch_alter_table("bank_statement_lines", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_bank_statement_lines_bank_account_id"))
    op.drop_table("bank_statement_lines")
    op.drop_table("bank_accounts")
    with op.batch_alter_table("fixed_assets", schema=None) as batch_op:
        batch_op.drop_constraint(
            batch_op.f("fk_fixed_assets_cancel_entry_id_journal_entries"), type_="foreignkey"
        )
        batch_op.drop_column("cancel_entry_id")
        batch_op.drop_column("cancelled_on")

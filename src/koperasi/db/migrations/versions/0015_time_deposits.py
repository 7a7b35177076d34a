"""time deposits: products, deposits (bilyet) and their events

Revision ID: 0015_time_deposits
Revises: 0014_member_messages
Create Date: 2026-12-02 16:00:00

New tables only (the accounts, 2.12 Bunga Simpanan Berjangka Yang Masih Harus Dibayar, 4.22
Pendapatan Penalti Simpanan Berjangka and 5.21 Beban Bunga Simpanan Berjangka, are added by
the seed like every missing account of the chart).
"""

import sqlalchemy as sa
from alembic import op

import koperasi.db.types

revision = "0015_time_deposits"
down_revision = "0014_member_messages"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "time_deposit_products",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=80), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("rate_pa", koperasi.db.types.Rate(), nullable=False),
        sa.Column("payout", sa.String(length=12), nullable=False),
        sa.Column("min_amount", koperasi.db.types.Money(), nullable=False),
        sa.Column("penalty_percent", koperasi.db.types.Rate(), nullable=False),
        sa.Column("active", sa.Boolean(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_deposit_products")),
        sa.UniqueConstraint("code", name=op.f("uq_time_deposit_products_code")),
    )
    op.create_table(
        "time_deposits",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.String(length=30), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("product_id", sa.Integer(), nullable=False),
        sa.Column("principal", koperasi.db.types.Money(), nullable=False),
        sa.Column("rate_pa", koperasi.db.types.Rate(), nullable=False),
        sa.Column("term_months", sa.Integer(), nullable=False),
        sa.Column("payout", sa.String(length=12), nullable=False),
        sa.Column("instruction", sa.String(length=12), nullable=False),
        sa.Column("source", sa.String(length=12), nullable=False),
        sa.Column("placed_on", sa.Date(), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("maturity_on", sa.Date(), nullable=False),
        sa.Column("rollovers", sa.Integer(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_time_deposits_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["product_id"],
            ["time_deposit_products.id"],
            name=op.f("fk_time_deposits_product_id_time_deposit_products"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_deposits")),
        sa.UniqueConstraint("number", name=op.f("uq_time_deposits_number")),
    )
    with op.batch_alter_table("time_deposits", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_time_deposits_member_id"), ["member_id"])
        batch_op.create_index(batch_op.f("ix_time_deposits_product_id"), ["product_id"])
        batch_op.create_index(batch_op.f("ix_time_deposits_maturity_on"), ["maturity_on"])
    op.create_table(
        "time_deposit_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("deposit_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=16), nullable=False),
        sa.Column("principal", koperasi.db.types.Money(), nullable=False),
        sa.Column("accrued", koperasi.db.types.Money(), nullable=False),
        sa.Column("gross", koperasi.db.types.Money(), nullable=False),
        sa.Column("tax", koperasi.db.types.Money(), nullable=False),
        sa.Column("penalty", koperasi.db.types.Money(), nullable=False),
        sa.Column("due_on", sa.Date(), nullable=True),
        sa.Column("journal_entry_id", sa.Integer(), nullable=True),
        sa.Column("memo", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["deposit_id"],
            ["time_deposits.id"],
            name=op.f("fk_time_deposit_events_deposit_id_time_deposits"),
        ),
        sa.ForeignKeyConstraint(
            ["journal_entry_id"],
            ["journal_entries.id"],
            name=op.f("fk_time_deposit_events_journal_entry_id_journal_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_time_deposit_events")),
        sa.UniqueConstraint(
            "deposit_id",
            "kind",
            "due_on",
            name=op.f("uq_time_deposit_events_deposit_id_kind_due_on"),
        ),
    )
    with op.batch_alter_table("time_deposit_events", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_time_deposit_events_deposit_id"), ["deposit_id"])
        batch_op.create_index(
            batch_op.f("ix_time_deposit_events_journal_entry_id"), ["journal_entry_id"]
        )


def downgrade() -> None:
    with op.batch_alter_table("time_deposit_events", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_time_deposit_events_journal_entry_id"))
        batch_op.drop_index(batch_op.f("ix_time_deposit_events_deposit_id"))
    op.drop_table("time_deposit_events")
    with op.batch_alter_table("time_deposits", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_time_deposits_maturity_on"))
        batch_op.drop_index(batch_op.f("ix_time_deposits_product_id"))
        batch_op.drop_index(batch_op.f("ix_time_deposits_member_id"))
    op.drop_table("time_deposits")
    op.drop_table("time_deposit_products")

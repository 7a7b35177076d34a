"""fixed assets: the register and the depreciation booked per asset and month

Revision ID: 0011_fixed_assets
Revises: 0010_keyed_seals
Create Date: 2026-12-02 13:30:00

New tables only (the accounts the fixed assets need, 2.30 Hutang Lain-lain and 5.60 Kerugian
Pelepasan Aset Tetap, are added by the seed like every missing account of the chart).
"""

import sqlalchemy as sa
from alembic import op

import koperasi.db.types

revision = "0011_fixed_assets"
down_revision = "0010_keyed_seals"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "fixed_assets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("name", sa.String(length=200), nullable=False),
        sa.Column("group_code", sa.String(length=20), nullable=False),
        sa.Column("acquired_on", sa.Date(), nullable=False),
        sa.Column("cost", koperasi.db.types.Money(), nullable=False),
        sa.Column("life_months", sa.Integer(), nullable=False),
        sa.Column("residual", koperasi.db.types.Money(), nullable=False),
        sa.Column("location", sa.String(length=200), nullable=False),
        sa.Column("paid_from", sa.String(length=20), nullable=False),
        sa.Column("opening_date", sa.Date(), nullable=True),
        sa.Column("opening_accumulated", koperasi.db.types.Money(), nullable=False),
        sa.Column("acquisition_entry_id", sa.Integer(), nullable=True),
        sa.Column("disposed_on", sa.Date(), nullable=True),
        sa.Column("proceeds", koperasi.db.types.Money(), nullable=False),
        sa.Column("disposal_entry_id", sa.Integer(), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["acquisition_entry_id"],
            ["journal_entries.id"],
            name=op.f("fk_fixed_assets_acquisition_entry_id_journal_entries"),
        ),
        sa.ForeignKeyConstraint(
            ["disposal_entry_id"],
            ["journal_entries.id"],
            name=op.f("fk_fixed_assets_disposal_entry_id_journal_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fixed_assets")),
        sa.UniqueConstraint("code", name=op.f("uq_fixed_assets_code")),
    )
    op.create_table(
        "fixed_asset_depreciation",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("asset_id", sa.Integer(), nullable=False),
        sa.Column("period", sa.String(length=7), nullable=False),
        sa.Column("amount", koperasi.db.types.Money(), nullable=False),
        sa.Column("journal_entry_id", sa.Integer(), nullable=False),
        sa.ForeignKeyConstraint(
            ["asset_id"],
            ["fixed_assets.id"],
            name=op.f("fk_fixed_asset_depreciation_asset_id_fixed_assets"),
        ),
        sa.ForeignKeyConstraint(
            ["journal_entry_id"],
            ["journal_entries.id"],
            name=op.f("fk_fixed_asset_depreciation_journal_entry_id_journal_entries"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_fixed_asset_depreciation")),
        sa.UniqueConstraint(
            "asset_id", "period", name=op.f("uq_fixed_asset_depreciation_asset_id_period")
        ),
    )
    with op.batch_alter_table("fixed_asset_depreciation", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_fixed_asset_depreciation_asset_id"), ["asset_id"], unique=False
        )
        batch_op.create_index(
            batch_op.f("ix_fixed_asset_depreciation_journal_entry_id"),
            ["journal_entry_id"],
            unique=False,
        )


def downgrade() -> None:
    with op.batch_alter_table("fixed_asset_depreciation", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_fixed_asset_depreciation_journal_entry_id"))
        batch_op.drop_index(batch_op.f("ix_fixed_asset_depreciation_asset_id"))
    op.drop_table("fixed_asset_depreciation")
    op.drop_table("fixed_assets")

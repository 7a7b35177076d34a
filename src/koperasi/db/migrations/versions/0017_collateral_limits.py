"""collateral, guarantors, related parties, board approvals, four-eyes requests; product
rules for collateral and the repayment allocation order

Revision ID: 0017_collateral_limits
Revises: 0013_bank_reconciliation
Create Date: 2026-12-02 16:00:00

Issue 17 parts 3, 5 and 6. New tables only, plus three columns on loan_products (existing
products: no collateral rule, the standard allocation order).
"""

import sqlalchemy as sa
from alembic import op

import koperasi.db.types

revision = "0017_collateral_limits"
down_revision = "0013_bank_reconciliation"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "loan_collateral",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("description", sa.Text(), nullable=False),
        sa.Column("value", koperasi.db.types.Money(), nullable=False),
        sa.Column("document_no", sa.String(length=60), nullable=False),
        sa.Column("owner", sa.String(length=120), nullable=False),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("returned_on", sa.Date(), nullable=True),
        sa.Column("returned_to", sa.String(length=120), nullable=False),
        sa.Column("handover_no", sa.String(length=30), nullable=True),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_collateral_loan_id_loans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_collateral")),
    )
    with op.batch_alter_table("loan_collateral", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_collateral_loan_id"), ["loan_id"], unique=False)
    op.create_table(
        "collateral_events",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("collateral_id", sa.Integer(), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("documents", sa.Text(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["collateral_id"],
            ["loan_collateral.id"],
            name=op.f("fk_collateral_events_collateral_id_loan_collateral"),
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_collateral_events")),
    )
    with op.batch_alter_table("collateral_events", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_collateral_events_collateral_id"), ["collateral_id"], unique=False
        )
    op.create_table(
        "loan_guarantors",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("relation", sa.String(length=60), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_guarantors_loan_id_loans")
        ),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_loan_guarantors_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_guarantors")),
        sa.UniqueConstraint(
            "loan_id", "member_id", name=op.f("uq_loan_guarantors_loan_id_member_id")
        ),
    )
    with op.batch_alter_table("loan_guarantors", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_loan_guarantors_loan_id"), ["loan_id"], unique=False)
        batch_op.create_index(
            batch_op.f("ix_loan_guarantors_member_id"), ["member_id"], unique=False
        )
    op.create_table(
        "member_relations",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=12), nullable=False),
        sa.Column("officer_id", sa.Integer(), nullable=True),
        sa.Column("note", sa.String(length=200), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.Column("created_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_relations_member_id_members")
        ),
        sa.ForeignKeyConstraint(
            ["officer_id"],
            ["rat_officers.id"],
            name=op.f("fk_member_relations_officer_id_rat_officers"),
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_relations")),
    )
    op.create_table(
        "loan_board_approvals",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("loan_id", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(length=12), nullable=False),
        sa.Column("username", sa.String(length=64), nullable=False),
        sa.Column("date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(), nullable=False),
        sa.ForeignKeyConstraint(
            ["loan_id"], ["loans.id"], name=op.f("fk_loan_board_approvals_loan_id_loans")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_loan_board_approvals")),
        sa.UniqueConstraint("loan_id", "body", name=op.f("uq_loan_board_approvals_loan_id_body")),
    )
    with op.batch_alter_table("loan_board_approvals", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_loan_board_approvals_loan_id"), ["loan_id"], unique=False
        )
    op.create_table(
        "approval_requests",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=40), nullable=False),
        sa.Column("params", sa.Text(), nullable=False),
        sa.Column("amount", koperasi.db.types.Money(), nullable=False),
        sa.Column("reason", sa.Text(), nullable=False),
        sa.Column("requested_by", sa.String(length=64), nullable=False),
        sa.Column("requested_at", sa.DateTime(), nullable=False),
        sa.Column("status", sa.String(length=12), nullable=False),
        sa.Column("decided_by", sa.String(length=64), nullable=False),
        sa.Column("decided_at", sa.DateTime(), nullable=True),
        sa.Column("decision_note", sa.Text(), nullable=False),
        sa.Column("result_ref", sa.String(length=40), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_approval_requests")),
    )
    with op.batch_alter_table("approval_requests", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_approval_requests_status"), ["status"], unique=False)
    with op.batch_alter_table("loan_products", schema=None) as batch_op:
        batch_op.add_column(sa.Column("collateral_above", koperasi.db.types.Money(), nullable=True))
        batch_op.add_column(sa.Column("cover_ratio", koperasi.db.types.Rate(), nullable=True))
        batch_op.add_column(
            sa.Column(
                "allocation_order",
                sa.String(length=20),
                nullable=False,
                server_default="standard",
            )
        )


def downgrade() -> None:
    with op.batch_alter_table("loan_products", schema=None) as batch_op:
        batch_op.drop_column("allocation_order")
        batch_op.drop_column("cover_ratio")
        batch_op.drop_column("collateral_above")
    for table in (
        "approval_requests",
        "loan_board_approvals",
        "member_relations",
        "loan_guarantors",
        "collateral_events",
        "loan_collateral",
    ):
        op.drop_table(table)

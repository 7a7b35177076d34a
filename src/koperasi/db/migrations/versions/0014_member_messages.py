"""messages to members and offline meeting sheets: templates, consent/opt-out, sent log,
exported meeting sheets

Revision ID: 0014_member_messages
Revises: 0011_fixed_assets
Create Date: 2026-12-02 16:00:00

New tables only.
"""

import sqlalchemy as sa
from alembic import op

import koperasi.db.types

revision = "0014_member_messages"
down_revision = "0011_fixed_assets"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "message_templates",
        sa.Column("code", sa.String(length=20), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("days_before", sa.Integer(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("code", name=op.f("pk_message_templates")),
    )
    op.create_table(
        "member_message_prefs",
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("consent", sa.Boolean(), nullable=False),
        sa.Column("consent_on", sa.Date(), nullable=True),
        sa.Column("opted_out", sa.Boolean(), nullable=False),
        sa.Column("opted_out_on", sa.Date(), nullable=True),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_member_message_prefs_member_id_members")
        ),
        sa.PrimaryKeyConstraint("member_id", name=op.f("pk_member_message_prefs")),
    )
    op.create_table(
        "message_log",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("member_id", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("ref", sa.String(length=60), nullable=False),
        sa.Column("for_date", sa.Date(), nullable=False),
        sa.Column("phone", sa.String(length=20), nullable=False),
        sa.Column("channel", sa.String(length=12), nullable=False),
        sa.Column("text", sa.Text(), nullable=False),
        sa.Column("amount", koperasi.db.types.Money(), nullable=False),
        sa.Column("sent_at", sa.DateTime(), nullable=False),
        sa.Column("sent_by", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["member_id"], ["members.id"], name=op.f("fk_message_log_member_id_members")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_message_log")),
    )
    with op.batch_alter_table("message_log", schema=None) as batch_op:
        batch_op.create_index("ix_message_log_for_date", ["for_date"], unique=False)
        batch_op.create_index(
            "ix_message_log_member_kind_ref", ["member_id", "kind", "ref"], unique=False
        )
    op.create_table(
        "meeting_sheets",
        sa.Column("id", sa.String(length=36), nullable=False),
        sa.Column("group_id", sa.Integer(), nullable=False),
        sa.Column("meeting_date", sa.Date(), nullable=False),
        sa.Column("digest", sa.String(length=64), nullable=False),
        sa.Column("exported_at", sa.DateTime(), nullable=False),
        sa.Column("exported_by", sa.String(length=64), nullable=False),
        sa.Column("posted_at", sa.DateTime(), nullable=True),
        sa.Column("posted_by", sa.String(length=64), nullable=False),
        sa.Column("posted_total", koperasi.db.types.Money(), nullable=False),
        sa.ForeignKeyConstraint(
            ["group_id"], ["groups.id"], name=op.f("fk_meeting_sheets_group_id_groups")
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_meeting_sheets")),
    )
    with op.batch_alter_table("meeting_sheets", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_meeting_sheets_group_id"), ["group_id"], unique=False)


def downgrade() -> None:
    with op.batch_alter_table("meeting_sheets", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_meeting_sheets_group_id"))
    op.drop_table("meeting_sheets")
    with op.batch_alter_table("message_log", schema=None) as batch_op:
        batch_op.drop_index("ix_message_log_member_kind_ref")
        batch_op.drop_index("ix_message_log_for_date")
    op.drop_table("message_log")
    op.drop_table("member_message_prefs")
    op.drop_table("message_templates")

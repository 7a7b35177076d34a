"""the RAT module: budgets (RAPB), narrative reports, officers, meetings, governance answers

Revision ID: 0009_rat_module
Revises: 0008_account_business_side
Create Date: 2026-12-02 13:00:00

New tables only; nothing existing changes. ``rat_budgets`` holds a financial year's budget
per account or account group; ``rat_texts`` the board's and the supervisors' reports;
``rat_officers`` the board, supervisors and staff with their terms; ``rat_meetings`` the
year's RAT (date, place, members entitled and present, agenda, decisions);
``rat_governance_answers`` the board's answers to the health rating's governance questions.
"""

from alembic import op
import sqlalchemy as sa
import koperasi.db.types

revision = "0009_rat_module"
down_revision = "0008_account_business_side"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "rat_budgets",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("account_code", sa.String(length=20), nullable=False),
        sa.Column("amount", koperasi.db.types.Money(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rat_budgets")),
        sa.UniqueConstraint("year", "account_code", name=op.f("uq_rat_budgets_year_account_code")),
    )
    op.create_table(
        "rat_texts",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("kind", sa.String(length=20), nullable=False),
        sa.Column("body", sa.Text(), nullable=False),
        sa.Column("updated_at", sa.DateTime(), nullable=False),
        sa.Column("updated_by", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("year", "kind", name=op.f("pk_rat_texts")),
    )
    op.create_table(
        "rat_officers",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("body", sa.String(length=12), nullable=False),
        sa.Column("position", sa.String(length=60), nullable=False),
        sa.Column("name", sa.String(length=120), nullable=False),
        sa.Column("term_start", sa.Date(), nullable=False),
        sa.Column("term_end", sa.Date(), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_rat_officers")),
    )
    op.create_table(
        "rat_meetings",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("held_on", sa.Date(), nullable=True),
        sa.Column("place", sa.String(length=200), nullable=False),
        sa.Column("members_entitled", sa.Integer(), nullable=True),
        sa.Column("members_present", sa.Integer(), nullable=True),
        sa.Column("agenda", sa.Text(), nullable=False),
        sa.Column("decisions", sa.Text(), nullable=False),
        sa.PrimaryKeyConstraint("year", name=op.f("pk_rat_meetings")),
    )
    op.create_table(
        "rat_governance_answers",
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("question", sa.String(length=40), nullable=False),
        sa.Column("met", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("year", "question", name=op.f("pk_rat_governance_answers")),
    )


def downgrade() -> None:
    op.drop_table("rat_governance_answers")
    op.drop_table("rat_meetings")
    op.drop_table("rat_officers")
    op.drop_table("rat_texts")
    op.drop_table("rat_budgets")

"""income and expense accounts say whether they are business with members or non-members

Revision ID: 0008_account_business_side
Revises: 0007_loan_transaction_kind_index
Create Date: 2026-12-02 12:20:00

UU 25/1992 Pasal 45 and SAK EP (Permenkop 2/2024): only the SHU from business with members
is shared among members by patronage; the SHU from business with non-members goes to the
reserve (or where the statutes say). Each income and expense account now carries its side:
``member``, ``non_member`` or (expenses) ``shared`` (a cost of both, split pro rata by
income). The seeded accounts of an existing database get the seed's sides (4.90 Pendapatan
Lain non-members; the other income, 5.20 interest on savings and 5.40 loan loss provisions
members; the other expenses shared); accounts the cooperative added get the default of
their type (income member, expense shared). The new account 3.91 (SHU/rugi tahun lalu belum
dibagi) is added by the seed when the database is opened, like every missing seed row.
"""

from alembic import op
import sqlalchemy as sa

revision = "0008_account_business_side"
down_revision = "0007_loan_transaction_kind_index"
branch_labels = None
depends_on = None

MEMBER_EXPENSES = ("5.20", "5.40")
NON_MEMBER_INCOME = ("4.90",)


def upgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.add_column(sa.Column("business_side", sa.String(length=12), nullable=True))
    accounts = sa.table(
        "accounts",
        sa.column("code", sa.String),
        sa.column("type", sa.String),
        sa.column("business_side", sa.String),
    )
    op.execute(
        accounts.update().where(accounts.c.type == "income").values(business_side="member")
    )
    op.execute(
        accounts.update().where(accounts.c.type == "expense").values(business_side="shared")
    )
    op.execute(
        accounts.update()
        .where(accounts.c.code.in_(NON_MEMBER_INCOME))
        .values(business_side="non_member")
    )
    op.execute(
        accounts.update()
        .where(accounts.c.code.in_(MEMBER_EXPENSES))
        .values(business_side="member")
    )


def downgrade() -> None:
    with op.batch_alter_table("accounts") as batch:
        batch.drop_column("business_side")

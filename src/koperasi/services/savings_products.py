"""Savings: the products (rates, minimums) read and changed."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import select

from ..db.database import Database
from ..db.models import (
    SavingsProduct,
)
from ..errors import ValidationError
from . import audit
from .auth import Actor, require
from .savings import ProductView, product_by_code
from .uow import read_only, unit_of_work
from .validation import check_amount


def list_products(db: Database) -> list[ProductView]:
    with read_only(db) as s:
        return [
            ProductView(
                p.code,
                p.name,
                p.kind,
                p.fixed_amount,
                p.min_balance,
                p.interest_rate_pa,
                p.min_balance_for_interest,
                p.account_code,
                p.active,
            )
            for p in s.scalars(select(SavingsProduct).order_by(SavingsProduct.id))
        ]


def update_product(
    db: Database,
    actor: Actor,
    code: str,
    *,
    name: str | None = None,
    fixed_amount: int | None = None,
    min_balance: int | None = None,
    interest_rate_pa: Decimal | None = None,
    min_balance_for_interest: int | None = None,
) -> ProductView:
    """Change a product's rules (amounts apply to future transactions)."""
    require(actor, "savings.product.write")
    with unit_of_work(db) as s:
        p = product_by_code(s, code)
        before = {
            "name": p.name,
            "fixed_amount": p.fixed_amount,
            "min_balance": p.min_balance,
            "interest_rate_pa": p.interest_rate_pa,
        }
        if name is not None:
            p.name = name.strip() or p.name
        if fixed_amount is not None:
            p.fixed_amount = check_amount(fixed_amount, allow_zero=True)
        if min_balance is not None:
            p.min_balance = check_amount(min_balance, allow_zero=True)
        if interest_rate_pa is not None:
            if interest_rate_pa < 0 or interest_rate_pa > 100:
                raise ValidationError("rate", "invalid")
            p.interest_rate_pa = interest_rate_pa
        if min_balance_for_interest is not None:
            p.min_balance_for_interest = check_amount(min_balance_for_interest, allow_zero=True)
        s.flush()
        view = ProductView(
            p.code,
            p.name,
            p.kind,
            p.fixed_amount,
            p.min_balance,
            p.interest_rate_pa,
            p.min_balance_for_interest,
            p.account_code,
            p.active,
        )
        audit.record(
            s, actor, "savings.product", "savings_product", p.code, before=before, after=view
        )
        return view

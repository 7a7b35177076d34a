"""Time deposits: the products (terms, rates, penalties) and their validation."""

from __future__ import annotations

from sqlalchemy import select

from ..db.database import Database
from ..db.models import (
    TimeDepositProduct,
)
from ..errors import ValidationError
from . import audit
from .auth import Actor, require
from .time_deposits import (
    MAX_TERM,
    PAYOUTS,
    ProductInput,
    ProductView,
    checked_choice,
    checked_rate,
    product_view,
)
from .uow import read_only, unit_of_work
from .validation import check_amount


def _validate_product(data: ProductInput) -> ProductInput:
    code = data.code.strip().upper()
    if not code:
        raise ValidationError("product_code", "required")
    if not data.name.strip():
        raise ValidationError("name", "required")
    term = data.term_months
    if isinstance(term, bool) or not isinstance(term, int) or not 1 <= term <= MAX_TERM:
        raise ValidationError("term_months", "td_term_range", max=MAX_TERM)
    return ProductInput(
        code,
        data.name.strip(),
        term,
        checked_rate(data.rate_pa, "rate"),
        checked_choice(data.payout, PAYOUTS, "payout"),
        check_amount(data.min_amount, allow_zero=True),
        checked_rate(data.penalty_percent, "penalty_percent"),
        bool(data.active),
    )


def list_products(db: Database, *, active_only: bool = False) -> list[ProductView]:
    with read_only(db) as s:
        q = select(TimeDepositProduct).order_by(
            TimeDepositProduct.term_months, TimeDepositProduct.id
        )
        if active_only:
            q = q.where(TimeDepositProduct.active.is_(True))
        return [product_view(p) for p in s.scalars(q)]


def save_product(db: Database, actor: Actor, data: ProductInput) -> ProductView:
    """Add a product, or change the one with the same code (the new rate applies to
    deposits placed or rolled over from now on; running terms keep theirs)."""
    require(actor, "savings.product.write")
    data = _validate_product(data)
    with unit_of_work(db) as s:
        p = s.scalars(
            select(TimeDepositProduct).where(TimeDepositProduct.code == data.code)
        ).first()
        before = None if p is None else product_view(p)
        if p is None:
            p = TimeDepositProduct(code=data.code)
            s.add(p)
        p.name, p.term_months, p.rate_pa = data.name, data.term_months, data.rate_pa
        p.payout, p.min_amount = data.payout, data.min_amount
        p.penalty_percent, p.active = data.penalty_percent, data.active
        s.flush()
        view = product_view(p)
        audit.record(
            s,
            actor,
            "deposit.product",
            "time_deposit_product",
            p.code,
            before=before,
            after=view,
        )
        return view

"""Loan products: interest method and rate, ranges, frequency, fees, penalty, limits.

A product is the template of a loan; a loan copies the product's terms when it is applied
for, so later product changes never move existing loans.
"""

from __future__ import annotations

from dataclasses import dataclass, fields, replace
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import LoanProduct
from ..domain.allocation import ALLOCATION_ORDERS, PAYOFF_POLICIES
from ..domain.arrears import PenaltyRule
from ..domain.money import RoundingMode
from ..domain.schedule import METHODS
from ..errors import NotFound, ValidationError
from . import audit
from .auth import Actor, require
from .uow import read_only, unit_of_work
from .validation import check_amount

MAX_MONTHLY_RATE_WITHOUT_CONFIRM = Decimal(10)  # % per month
UNITS = ("week", "month")
FEE_KINDS = ("none", "flat", "percent")
FEE_MODES = ("deduct", "cash")
PENALTY_KINDS = ("none", "flat", "percent")
PENALTY_PER = ("day", "week", "month")


@dataclass(frozen=True)
class ProductInput:
    """What the product form (or ``loan product add``) gives. Rates are Decimal percent."""

    code: str
    name: str
    method: str = "flat"
    rate: Decimal = Decimal("1.5")
    rate_per: str = "month"
    min_amount: int = 500_000
    max_amount: int = 10_000_000
    min_term: int = 3
    max_term: int = 24
    every: int = 1
    unit: str = "month"
    interest_period: str = "same"
    rounding: str | None = None  # None: the cooperative's setting
    amounts_multiple: int = 1
    installment_multiple: int = 1
    grace_principal: int = 0
    grace_interest: int = 0
    interest_free: int = 0
    fee_kind: str = "none"
    fee_amount: int = 0
    fee_percent: Decimal = Decimal(0)
    fee_mode: str = "deduct"
    penalty_kind: str = "none"
    penalty_amount: int = 0
    penalty_percent: Decimal = Decimal(0)
    penalty_per: str = "day"
    penalty_grace_days: int = 0
    limit_multiple: Decimal | None = None
    allow_multiple: bool = False
    group_loan: bool = False
    payoff_policy: str = "current_period"
    active: bool = True
    # issue 17: collateral required above this amount (None: never), the least collateral
    # value as a percentage of the amount (None: no rule), the repayment allocation order
    collateral_above: int | None = None
    cover_ratio: Decimal | None = None
    allocation_order: str = "standard"


@dataclass(frozen=True)
class ProductView(ProductInput):
    id: int = 0

    @property
    def monthly_rate(self) -> Decimal:
        return self.rate if self.rate_per == "month" else self.rate / 12

    @property
    def frequency(self) -> str:
        """``week`` (weekly or every two weeks) or ``month``, for kolektibilitas."""
        return self.unit

    def penalty_rule(self) -> PenaltyRule:
        return penalty_rule_of(self)


def penalty_rule_of(p: LoanProduct | ProductView) -> PenaltyRule:
    return PenaltyRule(
        kind=p.penalty_kind,
        amount=p.penalty_amount,
        percent=Decimal(p.penalty_percent or 0),
        per=p.penalty_per,
        grace_days=p.penalty_grace_days,
    )


def _rate(value: Any, field: str) -> Decimal:
    if isinstance(value, float | bool):
        raise ValidationError(field, "not_a_number", value=value)
    try:
        d = Decimal(value)
    except (InvalidOperation, TypeError, ValueError) as exc:
        raise ValidationError(field, "not_a_number", value=value) from exc
    if not d.is_finite():
        raise ValidationError(field, "not_a_number", value=value)
    if d < 0:
        raise ValidationError(field, "must_not_be_negative")
    return d


def _int(value: Any, field: str, minimum: int = 0, maximum: int | None = None) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_a_number", value=value)
    if value < minimum:
        raise ValidationError(field, "must_be_positive" if minimum > 0 else "must_not_be_negative")
    if maximum is not None and value > maximum:
        raise ValidationError(field, "too_large", max=maximum)
    return value


def _choice(value: str, choices: tuple[str, ...], field: str) -> str:
    if value not in choices:
        raise ValidationError(field, "choice", choices=", ".join(choices), value=value)
    return value


def validate_product(data: ProductInput, *, confirm_high_rate: bool = False) -> ProductInput:
    """Check every field; return the cleaned input or raise ValidationError naming the field."""
    code = (data.code or "").strip().upper()
    if not code:
        raise ValidationError("code", "required")
    if len(code) > 20:
        raise ValidationError("code", "too_large", max=20)
    name = " ".join((data.name or "").split())
    if not name:
        raise ValidationError("name", "required")
    method = _choice(data.method, METHODS, "method")
    rate = _rate(data.rate, "rate")
    rate_per = _choice(data.rate_per, ("month", "year"), "rate_per")
    monthly = rate if rate_per == "month" else rate / 12
    if monthly > 100:
        raise ValidationError("rate", "too_large", max="100 % / bulan")
    if monthly > MAX_MONTHLY_RATE_WITHOUT_CONFIRM and not confirm_high_rate:
        raise ValidationError("rate", "rate_needs_confirm", rate=f"{monthly.normalize():f}")
    min_amount = check_amount(data.min_amount, "min_amount")
    max_amount = check_amount(data.max_amount, "max_amount")
    if max_amount < min_amount:
        raise ValidationError("max_amount", "less_than", other=min_amount)
    min_term = _int(data.min_term, "min_term", 1, 520)
    max_term = _int(data.max_term, "max_term", 1, 520)
    if max_term < min_term:
        raise ValidationError("max_term", "less_than", other=min_term)
    every = _int(data.every, "every", 1, 12)
    unit = _choice(data.unit, UNITS, "unit")
    interest_period = _choice(data.interest_period, ("same", "daily"), "interest_period")
    rounding = data.rounding
    if rounding is not None:
        rounding = _choice(rounding, tuple(m.value for m in RoundingMode), "rounding")
    amounts_multiple = _int(data.amounts_multiple, "amounts_multiple", 1, 1_000_000)
    installment_multiple = _int(data.installment_multiple, "installment_multiple", 1, 1_000_000)
    graces = {}
    for name_ in ("grace_principal", "grace_interest", "interest_free"):
        graces[name_] = _int(getattr(data, name_), name_, 0)
        if graces[name_] >= min_term:
            raise ValidationError(name_, "too_large", max=min_term - 1)
    fee_kind = _choice(data.fee_kind, FEE_KINDS, "fee_kind")
    fee_amount = check_amount(data.fee_amount, "fee_amount", allow_zero=True)
    fee_percent = _rate(data.fee_percent, "fee_percent")
    if fee_percent > 100:
        raise ValidationError("fee_percent", "too_large", max=100)
    if fee_kind == "flat" and fee_amount == 0:
        raise ValidationError("fee_amount", "must_be_positive")
    if fee_kind == "flat" and fee_amount >= min_amount:
        raise ValidationError("fee_amount", "too_large", max=min_amount - 1)
    if fee_kind == "percent" and not 0 < fee_percent < 100:
        raise ValidationError("fee_percent", "must_be_positive")
    fee_mode = _choice(data.fee_mode, FEE_MODES, "fee_mode")
    penalty_kind = _choice(data.penalty_kind, PENALTY_KINDS, "penalty_kind")
    penalty_amount = check_amount(data.penalty_amount, "penalty_amount", allow_zero=True)
    penalty_percent = _rate(data.penalty_percent, "penalty_percent")
    if penalty_percent > 100:
        raise ValidationError("penalty_percent", "too_large", max=100)
    if penalty_kind == "flat" and penalty_amount == 0:
        raise ValidationError("penalty_amount", "must_be_positive")
    if penalty_kind == "percent" and penalty_percent == 0:
        raise ValidationError("penalty_percent", "must_be_positive")
    penalty_per = _choice(data.penalty_per, PENALTY_PER, "penalty_per")
    penalty_grace = _int(data.penalty_grace_days, "penalty_grace_days", 0, 365)
    limit = data.limit_multiple
    if limit is not None:
        limit = _rate(limit, "limit_multiple")
        if limit == 0:
            raise ValidationError("limit_multiple", "must_be_positive")
        if limit > 1000:
            raise ValidationError("limit_multiple", "too_large", max=1000)
    payoff_policy = _choice(data.payoff_policy, PAYOFF_POLICIES, "payoff_policy")
    collateral_above = data.collateral_above
    if collateral_above is not None:
        collateral_above = check_amount(collateral_above, "collateral_above", allow_zero=True)
    cover = data.cover_ratio
    if cover is not None:
        cover = _rate(cover, "cover_ratio")
        if cover == 0:
            cover = None
        elif cover > 1000:
            raise ValidationError("cover_ratio", "too_large", max=1000)
    allocation_order = _choice(
        data.allocation_order or "standard", tuple(ALLOCATION_ORDERS), "allocation_order"
    )
    return replace(
        data,
        code=code,
        name=name,
        method=method,
        rate=rate,
        rate_per=rate_per,
        min_amount=min_amount,
        max_amount=max_amount,
        min_term=min_term,
        max_term=max_term,
        every=every,
        unit=unit,
        interest_period=interest_period,
        rounding=rounding,
        amounts_multiple=amounts_multiple,
        installment_multiple=installment_multiple,
        fee_kind=fee_kind,
        fee_amount=fee_amount if fee_kind == "flat" else 0,
        fee_percent=fee_percent if fee_kind == "percent" else Decimal(0),
        fee_mode=fee_mode,
        penalty_kind=penalty_kind,
        penalty_amount=penalty_amount if penalty_kind == "flat" else 0,
        penalty_percent=penalty_percent if penalty_kind == "percent" else Decimal(0),
        penalty_per=penalty_per,
        penalty_grace_days=penalty_grace,
        limit_multiple=limit,
        payoff_policy=payoff_policy,
        collateral_above=collateral_above,
        cover_ratio=cover,
        allocation_order=allocation_order,
        allow_multiple=bool(data.allow_multiple),
        group_loan=bool(data.group_loan),
        active=bool(data.active),
        **graces,
    )


_INPUT_FIELDS = [f.name for f in fields(ProductInput)]


def view_of(p: LoanProduct) -> ProductView:
    return ProductView(**{name: getattr(p, name) for name in _INPUT_FIELDS}, id=p.id)


def product_by_code(session: Session, code: str, *, lock: bool = False) -> LoanProduct:
    q = select(LoanProduct).where(LoanProduct.code == (code or "").strip().upper())
    if lock:
        q = q.with_for_update()
    p = session.scalars(q).first()
    if p is None:
        raise NotFound(what="Produk pinjaman", key=code)
    return p


def add_product_in(
    session: Session, actor: Actor, data: ProductInput, *, confirm_high_rate: bool = False
) -> ProductView:
    clean = validate_product(data, confirm_high_rate=confirm_high_rate)
    if session.scalar(select(LoanProduct.id).where(LoanProduct.code == clean.code)) is not None:
        raise ValidationError("code", "duplicate", value=clean.code)
    p = LoanProduct(**{name: getattr(clean, name) for name in _INPUT_FIELDS})
    session.add(p)
    session.flush()
    view = view_of(p)
    audit.record(session, actor, "loan.product.add", "loan_product", p.code, after=view)
    return view


def add_product(
    db: Database, actor: Actor, data: ProductInput, *, confirm_high_rate: bool = False
) -> ProductView:
    """Create a loan product. A rate above 10 % per month needs ``confirm_high_rate``."""
    require(actor, "loan.product.write")
    with unit_of_work(db) as s:
        return add_product_in(s, actor, data, confirm_high_rate=confirm_high_rate)


def update_product(
    db: Database, actor: Actor, code: str, data: ProductInput, *, confirm_high_rate: bool = False
) -> ProductView:
    """Change a product (applies to loans applied for from now on; the code stays)."""
    require(actor, "loan.product.write")
    with unit_of_work(db) as s:
        p = product_by_code(s, code, lock=True)
        before = view_of(p)
        clean = validate_product(replace(data, code=p.code), confirm_high_rate=confirm_high_rate)
        for name in _INPUT_FIELDS:
            setattr(p, name, getattr(clean, name))
        s.flush()
        view = view_of(p)
        audit.record(s, actor, "loan.product.update", "loan_product", p.code, before, view)
        return view


def list_products(db: Database, include_inactive: bool = True) -> list[ProductView]:
    with read_only(db) as s:
        q = select(LoanProduct).order_by(LoanProduct.code)
        if not include_inactive:
            q = q.where(LoanProduct.active.is_(True))
        return [view_of(p) for p in s.scalars(q)]


def get_product(db: Database, code: str) -> ProductView:
    with read_only(db) as s:
        return view_of(product_by_code(s, code))

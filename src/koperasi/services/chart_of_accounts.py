"""The chart of accounts: listing and adding accounts, the business side (member or not) of
an account."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select

from ..db.database import Database
from ..db.models import (
    Account,
)
from ..errors import ValidationError
from . import audit
from .auth import Actor, require
from .statements import side_of
from .uow import read_only, unit_of_work


@dataclass(frozen=True)
class AccountView:
    code: str
    name: str
    name_en: str
    type: str
    contra: bool
    control: str | None
    active: bool
    business_side: str | None = None  # member | non_member | shared (income/expense only)


BUSINESS_SIDES = ("member", "non_member", "shared")


def _account_view(a: Account) -> AccountView:
    return AccountView(
        a.code,
        a.name,
        a.name_en,
        a.type,
        a.contra,
        a.control,
        a.active,
        side_of(a.type, a.business_side),
    )


def _check_side(type_: str, side: str | None) -> str | None:
    if type_ not in ("income", "expense"):
        return None
    if side is None:
        return None
    allowed = BUSINESS_SIDES if type_ == "expense" else BUSINESS_SIDES[:2]
    if side not in allowed:
        raise ValidationError("business_side", "choice", choices=", ".join(allowed), value=side)
    return side


def list_accounts(db: Database) -> list[AccountView]:
    with read_only(db) as s:
        return [_account_view(a) for a in s.scalars(select(Account).order_by(Account.code))]


def add_account(
    db: Database,
    actor: Actor,
    code: str,
    name: str,
    type_: str,
    name_en: str = "",
    parent_code: str | None = None,
    business_side: str | None = None,
) -> AccountView:
    """The treasurer may add accounts (e.g. an expense sub-account); none are ever deleted.

    ``business_side`` (income and expense accounts): member | non_member | shared; by
    default income is member business and an expense is shared (split pro rata by income).
    """
    require(actor, "account.write")
    code = code.strip()
    if not code:
        raise ValidationError("code", "required")
    if type_ not in ("asset", "liability", "equity", "income", "expense"):
        raise ValidationError(
            "kind", "choice", choices="asset, liability, equity, income, expense", value=type_
        )
    if not name.strip():
        raise ValidationError("name", "required")
    with unit_of_work(db) as s:
        if s.scalar(select(Account.id).where(Account.code == code)) is not None:
            raise ValidationError("code", "duplicate", value=code)
        a = Account(
            code=code,
            name=name.strip(),
            name_en=name_en,
            type=type_,
            parent_code=parent_code,
            business_side=_check_side(type_, business_side),
        )
        s.add(a)
        s.flush()
        view = _account_view(a)
        audit.record(s, actor, "account.add", "account", code, after=view)
        return view


def set_business_side(db: Database, actor: Actor, code: str, side: str) -> AccountView:
    """Say whether an income or expense account is business with members (``member``),
    with non-members (``non_member``) or, for an expense, a cost of both (``shared``).

    It decides which part of the SHU a posting belongs to (UU 25/1992 Pasal 45): only the
    members' part is shared by patronage. Audited; allowed while the account has postings
    (the statements of a closed year keep what its closing recorded)."""
    require(actor, "account.write")
    with unit_of_work(db) as s:
        a = s.scalars(select(Account).where(Account.code == (code or "").strip())).first()
        if a is None:
            raise ValidationError("account", "account_unknown", value=code)
        if a.type not in ("income", "expense"):
            raise ValidationError("business_side", "income_expense_only", value=a.code)
        before = _account_view(a)
        a.business_side = _check_side(a.type, (side or "").strip())
        s.flush()
        view = _account_view(a)
        audit.record(s, actor, "account.business_side", "account", a.code, before, view)
        return view

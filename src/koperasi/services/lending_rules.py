"""The cooperative's lending rules (one setting, ``settings.write``: the administrator):
the limits :mod:`koperasi.services.loans.lending_limits` applies (BMPP, related parties, breach
mode) and the four-eyes switches :mod:`koperasi.services.approvals` reads (loans above a
threshold, write-offs, reversals). Off by default."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from typing import Any

from sqlalchemy.orm import Session

from ..db.database import Database
from ..errors import ValidationError
from .auth import Actor, require
from .settings import get_value, set_value
from .uow import read_only, unit_of_work

BREACH_MODES = ("block", "warn")

KEY = "lending_rules"


@dataclass(frozen=True)
class LendingRules:
    """The cooperative's lending limits and four-eyes thresholds (one setting)."""

    bmpp_percent: Decimal | None = None  # of own capital; None: no per-borrower limit
    related_percent: Decimal = Decimal(10)  # Permenkop 8/2023: 10 % of own capital
    breach_mode: str = "block"  # block | warn
    four_eyes_loan_above: int | None = None  # loans above: approved by a second user
    four_eyes_write_off: bool = False  # write-offs need a second user's approval
    four_eyes_reversal: bool = False  # reversals need a second user's approval


def _pct(value: Any, field: str) -> Decimal | None:
    if value is None or value == "":
        return None
    if isinstance(value, float | bool):
        raise ValidationError(field, "not_a_number", value=value)
    try:
        d = Decimal(str(value).replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(field, "not_a_number", value=value) from exc
    if not d.is_finite() or d <= 0 or d > 100:
        raise ValidationError(field, "percent_range", value=value)
    return d


def validate_rules(rules: LendingRules) -> LendingRules:
    if rules.breach_mode not in BREACH_MODES:
        raise ValidationError(
            "breach_mode", "choice", choices=", ".join(BREACH_MODES), value=rules.breach_mode
        )
    above = rules.four_eyes_loan_above
    if above is not None and (isinstance(above, bool) or not isinstance(above, int) or above < 0):
        raise ValidationError("four_eyes_loan_above", "must_not_be_negative")
    related = _pct(rules.related_percent, "related_percent")
    return LendingRules(
        _pct(rules.bmpp_percent, "bmpp_percent"),
        related if related is not None else Decimal(10),
        rules.breach_mode,
        above,
        bool(rules.four_eyes_write_off),
        bool(rules.four_eyes_reversal),
    )


def rules_in(s: Session) -> LendingRules:
    raw = get_value(s, KEY, {}) or {}
    bmpp = raw.get("bmpp_percent")
    related = raw.get("related_percent")
    return LendingRules(
        Decimal(bmpp) if bmpp not in (None, "") else None,
        Decimal(related) if related not in (None, "") else Decimal(10),
        raw.get("breach_mode") or "block",
        raw.get("four_eyes_loan_above"),
        bool(raw.get("four_eyes_write_off", False)),
        bool(raw.get("four_eyes_reversal", False)),
    )


def get_rules(db: Database) -> LendingRules:
    with read_only(db) as s:
        return rules_in(s)


def save_rules(db: Database, actor: Actor, rules: LendingRules) -> LendingRules:
    require(actor, "settings.write")
    clean = validate_rules(rules)
    with unit_of_work(db) as s:
        set_value(
            s,
            actor,
            KEY,
            {
                "bmpp_percent": None if clean.bmpp_percent is None else str(clean.bmpp_percent),
                "related_percent": str(clean.related_percent),
                "breach_mode": clean.breach_mode,
                "four_eyes_loan_above": clean.four_eyes_loan_above,
                "four_eyes_write_off": clean.four_eyes_write_off,
                "four_eyes_reversal": clean.four_eyes_reversal,
            },
        )
    return clean

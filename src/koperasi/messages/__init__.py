"""The catalogue of user-facing messages outside Qt (services, CLI), in id and en.

Qt widgets use ``tr()``; services and the CLI cannot (they know nothing of Qt),
so their messages live here, keyed by a short code. Add both languages at once.

The catalogue data lives by subject in the modules of this package; this module
assembles it, in a fixed order (a later module's entry wins over an earlier one's),
and holds the functions that read it.
"""

from __future__ import annotations

import datetime as _dt
import re
from typing import Any

from ..domain import vocabulary as _domain_vocabulary
from . import (
    assets,
    bank,
    cli,
    common,
    deposits,
    exchange,
    labels,
    ledger,
    loans,
    members,
    outreach,
    rat,
    savings,
    standing,
    trust,
)
from .text import pick

# code -> (Bahasa Indonesia, English); str.format placeholders.
MESSAGES: dict[str, tuple[str, str]] = {
    **common.MESSAGES,
    **members.MESSAGES,
    **exchange.MESSAGES,
    **trust.MESSAGES,
    **ledger.MESSAGES,
    **rat.MESSAGES,
    **loans.MESSAGES,
    **assets.MESSAGES,
    **standing.MESSAGES,
    **outreach.MESSAGES,
    **deposits.MESSAGES,
    **bank.MESSAGES,
    **savings.MESSAGES,
    **cli.MESSAGES,
}

# Field keys -> (Bahasa Indonesia, English) names shown to the user. Order matters where a
# key is named twice: trust's "file" over exchange's, rat's "account_code" over common's.
FIELDS: dict[str, tuple[str, str]] = {
    **common.FIELDS,
    **members.FIELDS,
    **exchange.FIELDS,
    **trust.FIELDS,
    **ledger.FIELDS,
    **rat.FIELDS,
    **loans.FIELDS,
    **assets.FIELDS,
    **standing.FIELDS,
    **outreach.FIELDS,
    **deposits.FIELDS,
    **bank.FIELDS,
    **savings.FIELDS,
}

# vocabulary name -> code -> (Bahasa Indonesia, English). The order is the order of
# VOCABULARIES below.
LABELS: dict[str, dict[str, tuple[str, str]]] = {
    **labels.LABELS,
    **standing.LABELS,
    **outreach.LABELS,
    **deposits.LABELS,
    **loans.LABELS,
}
LABELS["audit_action"] = {
    **labels.LABELS["audit_action"],
    **outreach.AUDIT_ACTIONS,
    **deposits.AUDIT_ACTIONS,
    **bank.AUDIT_ACTIONS,
    **loans.AUDIT_ACTIONS,
}


def field_name(key: str, lang: str = "id") -> str:
    pair = FIELDS.get(key)
    if pair is None:
        return key
    return pick(pair, lang)


_ISO_DATE = re.compile(r"(?<![\d-])(\d{4})-(\d{2})-(\d{2})(?![\d-])")


def _shown(value: Any) -> Any:
    """A date as the screens show it (23/11/2026), also when a service passed it as ISO
    text (``date.isoformat()``) or inside a longer text; everything else as it is."""
    if isinstance(value, _dt.datetime):
        return value
    if isinstance(value, _dt.date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, str) and "-" in value:
        return _ISO_DATE.sub(lambda m: f"{m[3]}/{m[2]}/{m[1]}", value)
    return value


def render(code: str, lang: str, params: dict[str, Any]) -> str:
    pair = MESSAGES.get(code)
    if pair is None:
        text = code + (": " + ", ".join(f"{k}={v}" for k, v in params.items()) if params else "")
        return text
    template = pick(pair, lang)
    try:
        return template.format(**{k: _shown(v) for k, v in params.items()})
    except (KeyError, IndexError):
        return template


def vocabulary(name: str) -> dict[str, tuple[str, str]]:
    """The ``code -> (Indonesian, English)`` labels of one vocabulary."""
    if name in LABELS:
        return LABELS[name]
    if name in _domain_vocabulary.BY_NAME:
        return _domain_vocabulary.BY_NAME[name]
    raise KeyError(name)


# The vocabularies a person can look up (the labels here and those of loans, savings and
# loan quality in :mod:`koperasi.domain.vocabulary`).
VOCABULARIES = (*LABELS, "loan_status", "loan_tx_kind", "savings_tx_kind", "loan_class")


def label(name: str, code: str | None, lang: str = "id") -> str:
    """What a person reads for ``code`` (the code itself only when it has no label)."""
    if code is None:
        return ""
    pair = vocabulary(name).get(code)
    return pick(pair, lang) if pair else code

"""Member statuses, and the kinds and loan statuses of a member's detail, in the user's language."""

from __future__ import annotations

from ...messages import LABELS
from ...messages.text import pick
from ...services import savings as savings_service
from ...services.loans import core as loan_core

STATUS_LABELS = LABELS["member_status"]


def status_label(status: str, lang: str) -> str:
    pair = STATUS_LABELS.get(status)
    return pick(pair, lang) if pair else status


def loan_status_label(code: str, lang: str) -> str:
    pair = loan_core.STATUS_LABELS.get(code)
    return pick(pair, lang) if pair else code


def kind_label(kind: str, lang: str) -> str:
    pair = savings_service.KIND_LABELS.get(kind)
    return pick(pair, lang) if pair else kind

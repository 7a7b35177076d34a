"""Member messages: the message templates (per kind, with placeholders) and rendering."""

from __future__ import annotations

import datetime as dt
import string
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    MessageTemplate,
)
from ..errors import ValidationError
from . import audit
from .auth import Actor, require
from .member_messages import (
    DEFAULT_DAYS_BEFORE,
    DEFAULT_TEMPLATES,
    KINDS,
    MAX_TEXT,
    PLACEHOLDERS,
    check_kind,
)
from .uow import read_only, unit_of_work


@dataclass(frozen=True)
class Template:
    code: str
    text: str
    days_before: int
    customised: bool
    placeholders: tuple[str, ...]


def template_in(s: Session, code: str) -> Template:
    row = s.get(MessageTemplate, code)
    if row is None:
        return Template(
            code, DEFAULT_TEMPLATES[code], DEFAULT_DAYS_BEFORE, False, PLACEHOLDERS[code]
        )
    return Template(code, row.text, row.days_before, True, PLACEHOLDERS[code])


def templates(db: Database) -> list[Template]:
    with read_only(db) as s:
        return [template_in(s, k) for k in KINDS]


def check_template(kind: str, text: str) -> None:
    """Refuse an empty or too long text, unknown placeholders and stray braces."""
    text = text or ""
    if not text.strip():
        raise ValidationError("template_text", "required")
    if len(text) > MAX_TEXT:
        raise ValidationError("template_text", "msg_template_too_long", max=MAX_TEXT)
    try:
        names = [f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        raise ValidationError("template_text", "msg_template_braces") from exc
    unknown = sorted({n for n in names if n not in PLACEHOLDERS[kind]})
    if unknown:
        raise ValidationError(
            "template_text",
            "msg_template_unknown",
            names=", ".join("{" + n + "}" for n in unknown),
            allowed=", ".join("{" + n + "}" for n in PLACEHOLDERS[kind]),
        )


def save_template(
    db: Database,
    actor: Actor,
    kind: str,
    text: str,
    days_before: int | None = None,
) -> Template:
    """Save the cooperative's wording of ``kind`` (and, for ``jatuh_tempo``, how many days
    before the due date the reminder goes)."""
    require(actor, "message.template.write")
    kind = check_kind(kind)
    text = (text or "").strip()
    check_template(kind, text)
    if days_before is not None and not 0 <= days_before <= 30:
        raise ValidationError("days_before", "out_of_range", min=0, max=30, value=days_before)
    with unit_of_work(db) as s:
        before = template_in(s, kind)
        row = s.get(MessageTemplate, kind)
        if row is None:
            row = MessageTemplate(code=kind, text=text, days_before=before.days_before)
            s.add(row)
        row.text = text
        if days_before is not None:
            row.days_before = days_before
        row.updated_by = actor.username
        row.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        s.flush()
        after = template_in(s, kind)
        audit.record(s, actor, "message.template", "message_template", kind, before, after)
        return after


def reset_template(db: Database, actor: Actor, kind: str) -> Template:
    """Back to the app's default wording."""
    require(actor, "message.template.write")
    kind = check_kind(kind)
    with unit_of_work(db) as s:
        before = template_in(s, kind)
        row = s.get(MessageTemplate, kind)
        if row is not None:
            s.delete(row)
            s.flush()
        after = template_in(s, kind)
        audit.record(s, actor, "message.template", "message_template", kind, before, after)
        return after


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def render(text: str, values: dict[str, object]) -> str:
    return string.Formatter().vformat(text, (), _Blank(values))

"""The audit trail: who did what, when, with before/after values; hash-chained rows."""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal
from typing import Any, cast

from sqlalchemy import Table, select
from sqlalchemy.orm import Session

from ..db import blocks, sealing
from ..db.database import Database
from ..db.models import AuditEntry
from ..db.models.base import utcnow
from .auth import Actor
from .counters import lock_series


def _default(obj: Any) -> Any:
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    if isinstance(obj, set | frozenset | tuple):
        return sorted(obj) if isinstance(obj, set | frozenset) else list(obj)
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(obj)
    return str(obj)


def to_json(value: Any) -> str | None:
    if value is None:
        return None
    return json.dumps(value, default=_default, sort_keys=True, ensure_ascii=False)


def row_hash(
    prev_hash: str,
    at: dt.datetime,
    username: str,
    action: str,
    entity: str,
    entity_id: str,
    before: str | None,
    after: str | None,
) -> str:
    """The row's keyed hash (HMAC with the installation's key, see :mod:`..db.sealing`)."""
    return sealing.audit_hash(prev_hash, at, username, action, entity, entity_id, before, after)


_TABLE = cast(Table, AuditEntry.__table__)  # a mapped class's table is a Table
_INSERT = _TABLE.insert().returning(_TABLE.c.id)


def record(
    session: Session,
    actor: Actor,
    action: str,
    entity: str,
    entity_id: Any = "",
    before: Any = None,
    after: Any = None,
) -> AuditEntry:
    """Append one audit row in the caller's transaction (serialised by a locked counter row)."""
    lock_series(session, "AUDIT", 0)
    prev = sealing.last_head(session, "audit")
    if prev is None:
        prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    at = utcnow()
    b, a = to_json(before), to_json(after)
    values: dict[str, Any] = {
        "at": at,
        "username": actor.username,
        "action": action,
        "entity": entity,
        "entity_id": str(entity_id),
        "before": b,
        "after": a,
        "prev_hash": prev,
        "hash": row_hash(prev, at, actor.username, action, entity, str(entity_id), b, a),
    }
    # a Core insert: every money movement writes one of these, and the ORM flush cost more
    values["id"] = session.connection().execute(_INSERT, values).scalar_one()
    sealing.note_head(session, "audit", values["id"], values["hash"])
    blocks.after_write(session.connection(), blocks.AUDIT)  # every BLOCK_ROWS rows
    return AuditEntry(**values)


# ---------------------------------------------------------------- reading the trail (viewer)


@dataclass(frozen=True)
class AuditFilter:
    """Filters for the audit viewer; empty fields do not filter. ``action`` matches a prefix
    (``savings.`` finds every savings action); dates are inclusive, in UTC."""

    username: str | None = None
    action: str | None = None
    entity: str | None = None
    entity_id: str | None = None
    date_from: dt.date | None = None
    date_to: dt.date | None = None
    text: str | None = None  # anywhere in the user, action, record or before/after values


@dataclass(frozen=True)
class AuditRow:
    id: int
    at: dt.datetime
    username: str
    action: str
    entity: str
    entity_id: str
    before: Any
    after: Any


def _load(text: str | None) -> Any:
    if text is None:
        return None
    try:
        return json.loads(text)
    except ValueError:
        return text


def list_audit(
    db: Database,
    filters: AuditFilter | None = None,
    after_id: int | None = None,
    limit: int = 200,
    actor: Actor | None = None,
    newest_first: bool = False,
) -> list[AuditRow]:
    """A page of the audit trail (keyset paging: pass the last row's id as ``after_id``;
    with ``newest_first`` the page holds rows below ``after_id``)."""
    from .auth import require_read_all
    from .uow import read_only

    require_read_all(actor)
    f = filters or AuditFilter()
    limit = max(1, min(int(limit), 10_000))
    q = select(AuditEntry)
    if f.username:
        q = q.where(AuditEntry.username == f.username)
    if f.action:
        q = q.where(AuditEntry.action.startswith(f.action, autoescape=True))
    if f.entity:
        q = q.where(AuditEntry.entity == f.entity)
    if f.entity_id:
        q = q.where(AuditEntry.entity_id == str(f.entity_id))
    if f.date_from:
        q = q.where(AuditEntry.at >= dt.datetime.combine(f.date_from, dt.time()))
    if f.date_to:
        q = q.where(
            AuditEntry.at < dt.datetime.combine(f.date_to + dt.timedelta(days=1), dt.time())
        )
    if f.text and f.text.strip():
        from sqlalchemy import func, or_

        needle = f.text.strip().lower()
        q = q.where(
            or_(
                *(
                    func.lower(func.coalesce(col, "")).contains(needle, autoescape=True)
                    for col in (
                        AuditEntry.username,
                        AuditEntry.action,
                        AuditEntry.entity,
                        AuditEntry.entity_id,
                        AuditEntry.before,
                        AuditEntry.after,
                    )
                )
            )
        )
    if after_id is not None:
        q = q.where(AuditEntry.id < after_id if newest_first else AuditEntry.id > after_id)
    q = q.order_by(AuditEntry.id.desc() if newest_first else AuditEntry.id).limit(limit)
    with read_only(db) as s:
        return [
            AuditRow(
                r.id,
                r.at,
                r.username,
                r.action,
                r.entity,
                r.entity_id,
                _load(r.before),
                _load(r.after),
            )
            for r in s.scalars(q)
        ]


def audit_choices(db: Database, actor: Actor | None = None) -> tuple[list[str], list[str]]:
    """The user names and the actions that occur in the trail (the viewer's filter lists)."""
    from .auth import require_read_all
    from .uow import read_only

    require_read_all(actor)
    with read_only(db) as s:
        users = list(
            s.scalars(select(AuditEntry.username).distinct().order_by(AuditEntry.username))
        )
        actions = list(s.scalars(select(AuditEntry.action).distinct().order_by(AuditEntry.action)))
    return users, actions

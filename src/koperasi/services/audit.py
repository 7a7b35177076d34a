"""The audit trail: who did what, when, with before/after values; hash-chained rows."""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

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
    payload = "\x1f".join(
        [prev_hash, at.isoformat(), username, action, entity, entity_id, before or "", after or ""]
    )
    return hashlib.sha256(payload.encode("utf-8")).hexdigest()


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
    prev = session.info.get("audit_last_hash")
    if prev is None:
        prev = session.scalar(select(AuditEntry.hash).order_by(AuditEntry.id.desc()).limit(1)) or ""
    at = utcnow()
    b, a = to_json(before), to_json(after)
    row = AuditEntry(
        at=at,
        username=actor.username,
        action=action,
        entity=entity,
        entity_id=str(entity_id),
        before=b,
        after=a,
        prev_hash=prev,
        hash=row_hash(prev, at, actor.username, action, entity, str(entity_id), b, a),
    )
    session.add(row)
    session.flush()
    session.info["audit_last_hash"] = row.hash
    return row

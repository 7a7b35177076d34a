"""Business settings stored in the database (UI state lives in QSettings, not here)."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass, fields
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Setting
from ..db.seed import DEFAULT_SETTINGS
from ..domain.money import RoundingMode
from ..errors import ValidationError
from . import audit
from .auth import Actor, require
from .uow import read_only, unit_of_work


@dataclass(frozen=True)
class Profile:
    """The cooperative's identity, printed on every document."""

    name: str = "Koperasi Simpan Pinjam"
    legal_number: str = ""
    address: str = ""
    city: str = "Balikpapan"
    phone: str = ""
    logo_path: str = ""
    chair: str = ""
    secretary: str = ""
    treasurer: str = ""
    supervisor: str = ""  # ketua pengawas: signs the RAT report


def get_value(session: Session, key: str, default: Any = None) -> Any:
    raw = session.scalar(select(Setting.value).where(Setting.key == key))
    if raw is None:
        return DEFAULT_SETTINGS.get(key, default) if default is None else default
    return json.loads(raw)


def set_value(session: Session, actor: Actor, key: str, value: Any) -> None:
    row = session.get(Setting, key)
    before = json.loads(row.value) if row is not None else None
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    if row is None:
        session.add(Setting(key=key, value=text))
    else:
        row.value = text
    session.flush()
    audit.record(session, actor, "settings.set", "setting", key, before=before, after=value)


def get(db: Database, key: str, default: Any = None) -> Any:
    with read_only(db) as s:
        return get_value(s, key, default)


def put(db: Database, actor: Actor, key: str, value: Any) -> None:
    require(actor, "settings.write")
    with unit_of_work(db) as s:
        set_value(s, actor, key, value)


def get_profile(db: Database) -> Profile:
    with read_only(db) as s:
        return profile_in(s)


def profile_in(session: Session) -> Profile:
    data = get_value(session, "profile") or {}
    known = {f.name for f in fields(Profile)}
    return Profile(**{k: v for k, v in data.items() if k in known})


def save_profile(db: Database, actor: Actor, profile: Profile) -> Profile:
    require(actor, "settings.write")
    if not profile.name.strip():
        raise ValidationError("name", "required")
    with unit_of_work(db) as s:
        set_value(s, actor, "profile", asdict(profile))
    return profile


def rounding_in(session: Session) -> RoundingMode:
    return RoundingMode(get_value(session, "rounding") or "half-up")


def is_blank(db: Database) -> bool:
    """True for a database nobody has used yet: only the seeded rows, no action ever audited
    (not even the cooperative's profile saved), no member, journal entry or account. Such a
    file (just created, an existing empty file, or one whose first-run wizard was cancelled)
    is offered the first-run wizard rather than opened as a nameless cooperative."""
    from sqlalchemy import exists

    from ..db.models import AuditEntry, JournalEntry, Member, User

    with read_only(db) as s:
        return not any(
            s.scalar(select(exists().select_from(table)))
            for table in (AuditEntry, Member, JournalEntry, User)
        )

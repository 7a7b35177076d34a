"""Users of the app: accounts, roles, passwords (argon2), lockout, login.

Until the first account exists the app runs as a single local administrator (first run);
creating the first user (it must be an admin) switches every entry point to logins.

API for the GUI's login dialog::

    users.needs_first_admin(db) -> bool          # show "create the administrator" instead
    users.create_first_admin(db, username, password, full_name="") -> UserView
    users.authenticate(db, username, password) -> Actor
        # raises LoginFailed (codes login_failed, account_locked, user_disabled)
    users.change_password(db, actor, old_password, new_password)
"""

from __future__ import annotations

import datetime as dt
import functools
import getpass
import os
import sys
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import ColumnElement, Select, delete, func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Group, User, UserGroupScope
from ..db.models.base import utcnow
from ..errors import NotFound, ValidationError
from . import audit
from .auth import Actor, LoginFailed, Role, require
from .passwords import check_password
from .uow import read_only, unit_of_work

MAX_FAILURES = 5
LOCKOUT = dt.timedelta(minutes=15)
PASSWORD_ENV = "KOPERASI_PASSWORD"  # the acting user's password (CLI)
NEW_PASSWORD_ENV = "KOPERASI_NEW_PASSWORD"  # a password being set (user add / passwd)

# argon2id with argon2-cffi's default (RFC 9106 low-memory) parameters. A hash carries its own
# parameters, so the test suite swaps in a cheap hasher without touching what it asserts.
PASSWORD_HASHER = PasswordHasher()


@functools.cache
def _dummy_hash() -> str:
    """Verified against when the user does not exist, so both paths take the same time.
    Made on first use, not at import: an Argon2 hash costs about a second of CPU on a
    modest PC, and every start of the app (and of the CLI) imports this module."""
    return PASSWORD_HASHER.hash("koperasi-dummy-password")


@dataclass(frozen=True)
class UserView:
    username: str
    full_name: str
    role: str
    active: bool
    groups: tuple[str, ...]
    locked_until: dt.datetime | None
    created_at: dt.datetime


# ---------------------------------------------------------------- helpers


def hash_password(password: str) -> str:
    return PASSWORD_HASHER.hash(password)


def _check_password_rules(password: str, username: str = "") -> None:
    """Length, not a common password or a sequence, not the user name (passwords.py)."""
    check_password(password, username)


def _clean_username(username: str) -> str:
    name = unicodedata.normalize("NFKC", username or "").strip()
    if not name:
        raise ValidationError("username", "required")
    if len(name) > 64 or not all(c.isalnum() or c in "._-" for c in name):
        raise ValidationError("username", "username_format", value=name[:80])
    return name


def _role(value: str) -> Role:
    try:
        return Role(str(value).strip().lower())
    except ValueError:
        raise ValidationError(
            "role", "choice", choices=", ".join(r.value for r in Role), value=str(value)[:40]
        ) from None


def _same_name(name: str) -> ColumnElement[bool]:
    """User names are unique without regard to case: ``admin_w`` and ``ADMIN_W`` are one."""
    return func.lower(User.username) == name.lower()


def _find(session: Session, username: str) -> Select[User]:
    """The query for an account by name: the exact spelling first, else any casing."""
    name = unicodedata.normalize("NFKC", username or "").strip()
    exact = session.scalar(select(User.id).where(User.username == name))
    if exact is not None:
        return select(User).where(User.id == exact)
    return select(User).where(_same_name(name)).order_by(User.id).limit(1)


def _user(session: Session, username: str, *, lock: bool = False) -> User:
    q = _find(session, username)
    if lock:
        q = q.with_for_update()
    user = session.scalars(q).first()
    if user is None:
        raise NotFound(what="Pengguna", key=username)
    return user


def _group_ids(session: Session, codes: Iterable[str]) -> list[int]:
    ids = []
    for code in codes:
        code = code.strip()
        if not code:
            continue
        gid = session.scalar(select(Group.id).where(Group.code == code))
        if gid is None:
            raise NotFound(what="Kelompok", key=code)
        ids.append(gid)
    return ids


def _scope(session: Session, user: User) -> frozenset[int]:
    return frozenset(
        session.scalars(select(UserGroupScope.group_id).where(UserGroupScope.user_id == user.id))
    )


def _actor(session: Session, user: User) -> Actor:
    role = Role(user.role)
    groups = _scope(session, user) if role == Role.KETUA else frozenset()
    return Actor(user.username, role, groups)


def _view(session: Session, user: User) -> UserView:
    codes = session.scalars(
        select(Group.code)
        .join(UserGroupScope, UserGroupScope.group_id == Group.id)
        .where(UserGroupScope.user_id == user.id)
        .order_by(Group.code)
    ).all()
    return UserView(
        user.username,
        user.full_name,
        user.role,
        bool(user.active),
        tuple(codes),
        user.locked_until,
        user.created_at,
    )


def _public(view: UserView) -> dict[str, Any]:
    """What the audit trail keeps about a user (never the password hash)."""
    return {
        "username": view.username,
        "full_name": view.full_name,
        "role": view.role,
        "active": view.active,
        "groups": list(view.groups),
    }


def count_users(session: Session) -> int:
    return int(session.scalar(select(func.count(User.id))) or 0)


def needs_first_admin(db: Database) -> bool:
    """True while no account exists (first run): the app runs as a local administrator."""
    with read_only(db) as s:
        return count_users(s) == 0


# ---------------------------------------------------------------- use cases


def create_user(
    db: Database,
    actor: Actor | None,
    username: str,
    password: str,
    role: str,
    full_name: str = "",
    group_codes: Iterable[str] = (),
) -> UserView:
    """Add an account. With no accounts yet (first run) anyone may create the first one, and
    it must be an administrator; afterwards only an admin may add users."""
    name = _clean_username(username)
    r = _role(role)
    _check_password_rules(password, name)
    codes = [c for c in group_codes if c and c.strip()]
    if r == Role.KETUA and not codes:
        raise ValidationError("group", "required")
    with unit_of_work(db) as s:
        first = count_users(s) == 0
        if first:
            if r != Role.ADMIN:
                raise ValidationError("role", "first_user_admin")
            actor = Actor(name, Role.ADMIN)
        else:
            if actor is None:
                raise LoginFailed("login_required")
            require(actor, "user.manage")
        taken = s.scalar(select(User.username).where(_same_name(name)).limit(1))
        if taken is not None:
            raise ValidationError("username", "duplicate", value=taken)
        user = User(
            username=name,
            full_name=(full_name or "").strip()[:120],
            role=r.value,
            password_hash=hash_password(password),
            active=True,
            failed_attempts=0,
        )
        s.add(user)
        s.flush()
        for gid in _group_ids(s, codes) if r == Role.KETUA else []:
            s.add(UserGroupScope(user_id=user.id, group_id=gid))
        s.flush()
        view = _view(s, user)
        audit.record(s, actor, "user.add", "user", name, after=_public(view))
        return view


def create_first_admin(db: Database, username: str, password: str, full_name: str = "") -> UserView:
    """The first-run dialog: create the administrator account (only while none exists)."""
    return create_user(db, None, username, password, Role.ADMIN.value, full_name)


def list_users(db: Database, actor: Actor | None = None) -> list[UserView]:
    if actor is not None:
        require(actor, "user.manage")
    with read_only(db) as s:
        return [_view(s, u) for u in s.scalars(select(User).order_by(User.username))]


def _active_admins(s: Session) -> int:
    return int(
        s.scalar(
            select(func.count(User.id)).where(User.role == Role.ADMIN.value, User.active.is_(True))
        )
        or 0
    )


def set_active(db: Database, actor: Actor, username: str, active: bool) -> UserView:
    """Disable (or re-enable) an account. The last active administrator cannot be disabled."""
    require(actor, "user.manage")
    with unit_of_work(db) as s:
        user = _user(s, username, lock=True)
        before = _public(_view(s, user))
        if not active and user.role == Role.ADMIN.value and user.active and _active_admins(s) <= 1:
            raise ValidationError("username", "last_admin", value=user.username)
        user.active = active
        if active:
            user.failed_attempts, user.locked_until = 0, None
        s.flush()
        view = _view(s, user)
        action = "user.enable" if active else "user.disable"
        audit.record(s, actor, action, "user", user.username, before=before, after=_public(view))
        return view


def disable_user(db: Database, actor: Actor, username: str) -> UserView:
    return set_active(db, actor, username, False)


def update_user(
    db: Database,
    actor: Actor,
    username: str,
    role: str | None = None,
    full_name: str | None = None,
    group_codes: Iterable[str] | None = None,
) -> UserView:
    require(actor, "user.manage")
    with unit_of_work(db) as s:
        user = _user(s, username, lock=True)
        before = _public(_view(s, user))
        if role is not None:
            r = _role(role)
            if user.role == Role.ADMIN.value and r != Role.ADMIN and _active_admins(s) <= 1:
                raise ValidationError("username", "last_admin", value=user.username)
            user.role = r.value
        if full_name is not None:
            user.full_name = full_name.strip()[:120]
        if group_codes is not None:
            ids = _group_ids(s, group_codes)
            s.execute(delete(UserGroupScope).where(UserGroupScope.user_id == user.id))
            for gid in ids:
                s.add(UserGroupScope(user_id=user.id, group_id=gid))
        s.flush()
        if user.role == Role.KETUA.value and not _scope(s, user):
            raise ValidationError("group", "required")
        view = _view(s, user)
        audit.record(
            s, actor, "user.update", "user", user.username, before=before, after=_public(view)
        )
        return view


def change_password(db: Database, actor: Actor, old_password: str, new_password: str) -> None:
    """A user changes their own password (the old one must be right)."""
    _check_password_rules(new_password, actor.username)
    with unit_of_work(db) as s:
        user = _user(s, actor.username, lock=True)
        if not _verify(user.password_hash, old_password):
            raise ValidationError("password", "password_wrong")
        user.password_hash = hash_password(new_password)
        s.flush()
        audit.record(s, actor, "user.password", "user", user.username)


def reset_password(db: Database, actor: Actor, username: str, new_password: str) -> None:
    """An administrator sets another user's password (and lifts a lockout)."""
    require(actor, "user.manage")
    _check_password_rules(new_password, username)
    with unit_of_work(db) as s:
        user = _user(s, username, lock=True)
        user.password_hash = hash_password(new_password)
        user.failed_attempts, user.locked_until = 0, None
        s.flush()
        audit.record(s, actor, "user.password_reset", "user", user.username)


def _verify(hashed: str | None, password: str) -> bool:
    try:
        return (
            PASSWORD_HASHER.verify(hashed or _dummy_hash(), password or "") and hashed is not None
        )
    except (VerificationError, InvalidHashError):
        return False


def authenticate(
    db: Database, username: str, password: str, now: dt.datetime | None = None
) -> Actor:
    """Check a login. Returns the Actor (with a ketua's groups) or raises :class:`LoginFailed`.

    After ``MAX_FAILURES`` wrong passwords in a row the account is locked for ``LOCKOUT``;
    failures and lockouts are written to the audit trail."""
    now = now or utcnow()
    name = (username or "").strip()
    failure: LoginFailed | None = None
    with unit_of_work(db) as s:
        user = s.scalars(_find(s, name).with_for_update()).first()
        if user is None:
            _verify(None, password)  # same work as a real check
            raise LoginFailed("login_failed")
        if not user.active:
            raise LoginFailed("user_disabled", user=user.username)
        if user.locked_until is not None and user.locked_until > now:
            minutes = max(1, int((user.locked_until - now).total_seconds() + 59) // 60)
            raise LoginFailed("account_locked", user=user.username, minutes=minutes)
        if _verify(user.password_hash, password):
            if user.failed_attempts or user.locked_until:
                user.failed_attempts, user.locked_until = 0, None
            if PASSWORD_HASHER.check_needs_rehash(user.password_hash or ""):
                user.password_hash = hash_password(password)
            return _actor(s, user)
        user.failed_attempts = (user.failed_attempts or 0) + 1
        who = Actor(user.username, Role(user.role))
        if user.failed_attempts >= MAX_FAILURES:
            user.locked_until = now + LOCKOUT
            user.failed_attempts = 0
            audit.record(
                s, who, "user.locked", "user", user.username, after={"until": user.locked_until}
            )
            failure = LoginFailed(
                "account_locked", user=user.username, minutes=int(LOCKOUT.total_seconds() // 60)
            )
        else:
            audit.record(
                s,
                who,
                "user.login_failed",
                "user",
                user.username,
                after={"attempt": user.failed_attempts},
            )
            failure = LoginFailed("login_failed")
        # commit the counter, then refuse
    raise failure


def actor_for_user(db: Database, username: str) -> Actor:
    """The Actor of an existing, active account without a password (trusted callers only)."""
    with read_only(db) as s:
        user = _user(s, username)
        if not user.active:
            raise LoginFailed("user_disabled", user=user.username)
        return _actor(s, user)


def read_password(prompt: str, env: str = PASSWORD_ENV) -> str:
    """A password from the environment variable ``env`` or, on a terminal, a hidden prompt."""
    value = os.environ.get(env)
    if value is not None:
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise LoginFailed("password_needed", env=env)
    try:
        return getpass.getpass(prompt)
    except EOFError:
        raise LoginFailed("password_needed", env=env) from None


def actor_for_cli(db: Database, username: str | None) -> Actor:
    """The actor for a CLI call: the local administrator while no account exists (first run),
    else ``--user`` with the password from ``KOPERASI_PASSWORD`` or a prompt."""
    with read_only(db) as s:
        first_run = count_users(s) == 0
    if first_run:
        return Actor(username or "admin", Role.ADMIN)
    if not username:
        raise LoginFailed("login_required")
    password = read_password(f"Kata sandi {username}: ")
    return authenticate(db, username, password)


__all__ = [
    "UserView",
    "authenticate",
    "actor_for_cli",
    "change_password",
    "create_first_admin",
    "create_user",
    "disable_user",
    "list_users",
    "needs_first_admin",
    "reset_password",
    "set_active",
    "update_user",
]

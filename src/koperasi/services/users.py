"""Users of the app. The first-run single local user until accounts are set up."""

from __future__ import annotations

from .auth import Actor, Role


def actor_for_cli(db, username: str | None) -> Actor:  # type: ignore[no-untyped-def]
    return Actor(username or "admin", Role.ADMIN)

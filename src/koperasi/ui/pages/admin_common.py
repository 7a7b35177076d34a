"""What the Pengaturan tabs Pengguna, Jejak Audit and Cadangan share: local times, and the warning that shows a service's refusal."""

from __future__ import annotations

import datetime as dt

from PySide6.QtWidgets import QWidget

from ...errors import KoperasiError
from .. import dialogs
from ..context import AppContext


def local_time(value: dt.datetime) -> dt.datetime:
    """The database keeps UTC (naive); people read the computer's local time."""
    if value.tzinfo is None:
        value = value.replace(tzinfo=dt.UTC)
    return value.astimezone()


def fmt_datetime(value: dt.datetime | None) -> str:
    return local_time(value).strftime("%d/%m/%Y %H:%M:%S") if value else ""


def user_error(ctx: AppContext, parent: QWidget | None, title: str):
    """An ``on_error`` that shows a service's message (a user error) in a warning."""

    def show(exc: BaseException) -> bool:
        if isinstance(exc, KoperasiError):
            dialogs.warn(parent, title, ctx.error_message(exc))
            return True
        return False

    return show

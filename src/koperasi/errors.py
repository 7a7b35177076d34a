"""Errors that reach the user, with their text in Bahasa Indonesia and English.

Services raise these; the CLI and the GUI show ``err.message(lang)``. Messages
live in :mod:`koperasi.messages` so both languages stay side by side.
"""

from __future__ import annotations

from typing import Any

from . import messages


class KoperasiError(Exception):
    """Base for errors meant for the user (never a traceback)."""

    code: str = "error"
    exit_code: int = 2

    def __init__(self, code: str | None = None, /, **params: Any) -> None:
        if code is not None:
            self.code = code
        self.params = params
        super().__init__(self.message("en"))

    def message(self, lang: str = "id") -> str:
        return messages.render(self.code, lang, self.params)

    def __str__(self) -> str:
        return self.message("id")


class ValidationError(KoperasiError):
    """Bad input; ``field`` names the field (a key of :data:`messages.FIELDS`)."""

    code = "invalid"

    def __init__(self, field: str, code: str = "invalid", /, **params: Any) -> None:
        self.field = field
        super().__init__(code, field=field, **params)

    def message(self, lang: str = "id") -> str:
        params = dict(self.params)
        params["field"] = messages.field_name(self.field, lang)
        return messages.render(self.code, lang, params)


class NotFound(KoperasiError):
    code = "not_found"


class PermissionDenied(KoperasiError):
    code = "permission_denied"


class PeriodClosed(KoperasiError):
    code = "period_closed"


class Conflict(KoperasiError):
    """The data changed under us (e.g. a concurrent write); try again."""

    code = "conflict"


class DatabaseProblem(KoperasiError):
    """The database cannot be opened: not ours, damaged, too new, on a network share."""

    code = "db_problem"

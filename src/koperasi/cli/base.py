"""Shared helpers for CLI commands: context (database, language, actor), parsing, output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..domain.money import MoneyParseError, parse_rupiah
from ..errors import ValidationError
from ..messages import render
from ..messages.text import Text, text
from ..services.validation import (
    MAX_YEAR,
    MIN_YEAR,
    check_date_horizon,
    check_year,
    fold_digits,
)


class UsageError(Exception):
    """Bad command line (argparse); exit 2 with one line."""


@dataclass
class CliContext:
    """What every command gets: the parsed global options and a lazily opened database."""

    db_arg: str | None
    lang: str
    user: str | None
    _db: Any = field(default=None, repr=False)
    _actor: Any = field(default=None, repr=False)

    @classmethod
    def from_args(cls, args: argparse.Namespace) -> CliContext:
        return cls(
            db_arg=getattr(args, "db", None),
            lang=getattr(args, "lang", "id") or "id",
            user=getattr(args, "user", None),
        )

    @property
    def db(self):  # -> koperasi.db.Database
        if self._db is None:
            from ..db.database import open_database
            from ..services import wiring  # noqa: F401 - the services' handlers, before any use

            self._db = open_database(self.db_arg)
            try:
                _ = self.actor  # using the database means logging in (when accounts exist)
            except BaseException:
                self.close()
                raise
            self._key_warnings()
        return self._db

    def _key_warnings(self) -> None:
        """The keys outside the database (seal, signing) recorded on first use; a PC with
        other keys is told so on every command (services/key_guard.py)."""
        from ..services import key_guard

        for w in key_guard.ensure(self._db, getattr(self._actor, "username", "")):
            print(f"koperasi: {w.message(self.lang)}", file=sys.stderr)

    @property
    def actor(self):  # -> koperasi.services.auth.Actor
        from ..services.users import actor_for_cli

        if self._actor is None:  # log in once per command (password prompt, argon2 check)
            self._actor = actor_for_cli(self.db, self.user)
        return self._actor

    def say(self, code: str, **params: Any) -> str:
        """A catalogue message (:data:`koperasi.messages.MESSAGES`) in the command's language."""
        return render(code, self.lang, params)

    def t(self, value: Text) -> str:
        """A label or heading (:class:`~koperasi.messages.text.T`) in the command's language."""
        return text(value, self.lang)

    def ts(self, values: Sequence[Text]) -> list[str]:
        """Column names or other labels in the command's language."""
        return [text(v, self.lang) for v in values]

    def close(self) -> None:
        if self._db is not None:
            self._db.dispose()
            self._db = None


def parse_amount(text: str, field_key: str = "amount") -> int:
    try:
        return parse_rupiah(text)
    except MoneyParseError as exc:
        raise ValidationError(field_key, "not_an_amount", value=text) from exc


def parse_date(text: str, field_key: str = "date") -> dt.date:
    """A date as typed, within the sane horizon (years 1900-2100: 2999 is a slip)."""
    text = fold_digits(unicodedata.normalize("NFKC", text or "")).strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            value = dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
        return check_date_horizon(value, field_key)
    raise ValidationError(field_key, "not_a_date", value=text)


def parse_year(text: str, field_key: str = "year") -> int:
    """A financial year as typed, within the sane horizon."""
    return check_year(parse_int(text, field_key), field_key)


def parse_period(text: str, field_key: str = "period") -> tuple[int, int]:
    """``YYYY-MM`` within the sane horizon."""
    text = fold_digits(unicodedata.normalize("NFKC", text or "")).strip()
    try:
        y, m = text.split("-")
        year, month = int(y), int(m)
    except ValueError as exc:
        raise ValidationError(field_key, "not_a_period", value=text) from exc
    if not 1 <= month <= 12:
        raise ValidationError(field_key, "not_a_period", value=text)
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise ValidationError(
            field_key, "year_out_of_range", value=text, min=MIN_YEAR, max=MAX_YEAR
        )
    return year, month


def parse_decimal(text: str, field_key: str) -> Decimal:
    try:
        value = Decimal(fold_digits(unicodedata.normalize("NFKC", str(text))).replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(field_key, "not_a_number", value=text) from exc
    if not value.is_finite():
        raise ValidationError(field_key, "not_a_number", value=text)
    return value


MAX_INT = 10**15  # no count, limit or seed on the command line is larger


def parse_int(text: str, field_key: str) -> int:
    try:
        value = int(fold_digits(unicodedata.normalize("NFKC", str(text))).strip())
    except ValueError as exc:
        raise ValidationError(field_key, "not_a_number", value=text) from exc
    if abs(value) > MAX_INT:
        raise ValidationError(field_key, "too_large", max=MAX_INT)
    return value


def _json_default(obj: Any) -> Any:
    if isinstance(obj, dt.date | dt.datetime):
        return obj.isoformat()
    if isinstance(obj, Decimal):
        return str(obj)
    if hasattr(obj, "__dataclass_fields__"):
        from dataclasses import asdict

        return asdict(obj)
    raise TypeError(f"not JSON serialisable: {type(obj).__name__}")


def print_json(data: Any) -> None:
    json.dump(data, sys.stdout, default=_json_default, ensure_ascii=False, indent=2)
    sys.stdout.write("\n")


def print_table(headers: list[str], rows: list[list[Any]], right: set[int] | None = None) -> None:
    """A plain text table; columns in ``right`` are right-aligned (amounts)."""
    right = right or set()
    cells = [[str(c) for c in headers]] + [["" if c is None else str(c) for c in r] for r in rows]
    widths = [max(len(r[i]) for r in cells) for i in range(len(headers))]
    for n, r in enumerate(cells):
        line = "  ".join(
            c.rjust(widths[i]) if i in right else c.ljust(widths[i]) for i, c in enumerate(r)
        )
        print(line.rstrip())
        if n == 0:
            print("  ".join("-" * w for w in widths))

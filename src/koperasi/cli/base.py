"""Shared helpers for CLI commands: context (database, language, actor), parsing, output."""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Any

from ..domain.money import MoneyParseError, parse_rupiah
from ..errors import ValidationError


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

            self._db = open_database(self.db_arg)
            try:
                _ = self.actor  # using the database means logging in (when accounts exist)
            except BaseException:
                self.close()
                raise
        return self._db

    @property
    def actor(self):  # -> koperasi.services.auth.Actor
        from ..services.auth import actor_for_cli

        if self._actor is None:  # log in once per command (password prompt, argon2 check)
            self._actor = actor_for_cli(self.db, self.user)
        return self._actor

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
    text = (text or "").strip()
    for fmt in ("%Y-%m-%d", "%d/%m/%Y", "%d-%m-%Y"):
        try:
            return dt.datetime.strptime(text, fmt).date()
        except ValueError:
            continue
    raise ValidationError(field_key, "not_a_date", value=text)


def parse_decimal(text: str, field_key: str) -> Decimal:
    try:
        value = Decimal(str(text).replace(",", "."))
    except InvalidOperation as exc:
        raise ValidationError(field_key, "not_a_number", value=text) from exc
    if not value.is_finite():
        raise ValidationError(field_key, "not_a_number", value=text)
    return value


def parse_int(text: str, field_key: str) -> int:
    try:
        return int(str(text).strip())
    except ValueError as exc:
        raise ValidationError(field_key, "not_a_number", value=text) from exc


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

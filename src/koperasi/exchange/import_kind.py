"""What every kind of import is: its fields (the columns of the file) and how it checks and
applies a row (:class:`Kind`); each kind is a subclass in its own module."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ..errors import ValidationError
from ..services.auth import Actor
from .import_report import ImportReport
from .xlsxin import normalize


@dataclass(frozen=True)
class Field:
    key: str  # template header (snake_case) and message field key
    type: str  # a parser of xlsxin.PARSERS
    required: bool
    label_id: str
    label_en: str
    aliases: tuple[str, ...] = ()
    example: Any = None
    hint_id: str = ""
    hint_en: str = ""

    def names(self) -> set[str]:
        return {normalize(n) for n in (self.key, self.label_id, self.label_en, *self.aliases)}


class Kind:
    """One import kind: its fields and how a row is checked and applied."""

    key: str = ""
    titles: tuple[str, ...] = ()  # sheet names looked for (else the first sheet)
    fields: tuple[Field, ...] = ()

    def __init__(self) -> None:
        self.seen: dict[str, dict[Any, int]] = {}

    # -- helpers for subclasses
    def unique_in_file(
        self, rep: ImportReport, row: int, column: str, key: str, value: Any, err_field: str
    ) -> None:
        seen = self.seen.setdefault(key, {})
        if value in (None, ""):
            return
        first = seen.get(value)
        if first is not None:
            rep.add(
                row, column, ValidationError(err_field, "duplicate_in_file", value=value, row=first)
            )
        else:
            seen[value] = row

    def row_checks(self, data: dict[str, Any]) -> list[ValidationError]:
        """Checks of one parsed row that need nothing else."""
        return []

    def file_checks(
        self, rep: ImportReport, row: int, data: dict[str, Any], cols: dict[str, str]
    ) -> None:
        """Checks across rows (duplicates inside the file)."""

    def db_checks(
        self, s: Session, batch: list[tuple[int, dict[str, Any]]]
    ) -> Iterable[tuple[int, str, ValidationError]]:
        """Checks against the database, for a batch of valid rows."""
        return ()

    def prepare(self, s: Session, actor: Actor) -> None:
        """Once before the rows are applied (outside the per-row savepoints)."""

    def apply(self, s: Session, actor: Actor, data: dict[str, Any]) -> int:
        """Write one row; return the number of records written (0 for a no-op row)."""
        raise NotImplementedError

    def finish(self, s: Session, rep: ImportReport) -> None:
        """After all rows (warnings such as a clearing account that does not net to zero)."""

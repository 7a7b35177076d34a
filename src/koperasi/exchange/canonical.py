"""The canonical text of a sheet, from which its SHA-256 in the Info sheet is computed.

The rule is written out in ``docs/audit-workbook.md`` so that an auditor can recompute it
with any tool. In short: every row of the sheet (the header row first) becomes one JSON
array of its cell values, serialised without spaces and followed by a line feed; the
SHA-256 is taken over the UTF-8 bytes of all those lines. Cell values become:

- an empty cell (or empty text) -> ``null``
- a boolean -> ``true`` / ``false``
- a whole number (also ``3.0``) -> the integer, e.g. ``1250000``
- another number -> its shortest round-trip decimal form, e.g. ``1.5``
- a date, or a date-time at midnight -> ``"YYYY-MM-DD"``
- another date-time -> ``"YYYY-MM-DDTHH:MM:SS"`` (seconds, no fraction)
- text -> the text

Trailing empty cells of a row are dropped (a spreadsheet program does not keep them), so a
row is the array up to its last non-empty cell; a row with no value at all is skipped.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import json
from decimal import Decimal
from typing import Any


def canonical_value(value: Any) -> Any:
    if value is None:
        return None
    if isinstance(value, bool):
        return value
    if isinstance(value, int):
        return value
    if isinstance(value, float | Decimal):
        f = float(value)
        if f.is_integer():
            return int(f)
        return f
    if isinstance(value, dt.datetime):
        if value.time() == dt.time(0, 0):
            return value.date().isoformat()
        return value.replace(microsecond=0).isoformat(timespec="seconds")
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dt.time):
        return value.replace(microsecond=0).isoformat(timespec="seconds")
    text = str(value)
    return text if text != "" else None


def canonical_line(values: Any) -> bytes:
    row = [canonical_value(v) for v in values]
    while row and row[-1] is None:
        row.pop()
    return (json.dumps(row, ensure_ascii=False, separators=(",", ":")) + "\n").encode("utf-8")


class SheetHasher:
    """Feed rows in order; ``hexdigest()`` is the sheet's SHA-256."""

    def __init__(self) -> None:
        self._h = hashlib.sha256()
        self.rows = 0

    def add(self, values: Any) -> None:
        line = canonical_line(values)
        if line == b"[]\n":
            return
        self._h.update(line)
        self.rows += 1

    def hexdigest(self) -> str:
        return self._h.hexdigest()


def sheet_digest(rows: Any) -> tuple[str, int]:
    """SHA-256 and number of rows (header included) of ``rows`` (e.g. openpyxl values)."""
    h = SheetHasher()
    for row in rows:
        h.add(row)
    return h.hexdigest(), h.rows

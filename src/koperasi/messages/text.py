"""A short text in both languages: labels, headings, column names (issue 19's one way).

Outside Qt a user-facing text is either a catalogue code (``MESSAGES`` in this package,
read with :func:`koperasi.messages.render`) for messages and sentences, or a :class:`T`
value for a label or heading, picked with ``lang`` when it is shown (reports, the CLI).
Data texts (member names, journal descriptions) stay plain ``str``.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class T:
    """A text in Bahasa Indonesia and English."""

    id: str
    en: str = ""

    def get(self, lang: str = "id") -> str:
        return self.en if lang == "en" and self.en else self.id

    def format(self, **params: Any) -> T:
        return T(self.id.format(**params), (self.en or self.id).format(**params))

    def __add__(self, other: T | str) -> T:
        if isinstance(other, T):
            return T(self.id + other.id, (self.en or self.id) + (other.en or other.id))
        return T(self.id + other, (self.en or self.id) + other)


Text = T | str


def pick(pair: tuple[str, str], lang: str) -> str:
    """A label given as ``(Indonesian, English)``, in ``lang`` (the one way to read such a
    pair: the vocabulary's labels, the catalogue's entries, the tables of a service)."""
    return pair[1] if lang == "en" else pair[0]


def text(value: Text | None, lang: str) -> str:
    if value is None:
        return ""
    return value.get(lang) if isinstance(value, T) else str(value)

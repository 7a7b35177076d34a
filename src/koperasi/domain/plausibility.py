"""Plausibility of an amount: how far above what the books have seen is "far above".

Pure rules, no I/O. The service layer (:mod:`koperasi.services.plausibility`) reads the
past amounts of one kind of transaction and asks these functions for a ceiling; an amount
above the ceiling needs an explicit confirmation before it is posted.

The rule (documented in DESIGN §4 terms, kept here as the one place it lives):

    typical  = the 99th percentile (nearest rank) of the latest 2,000 amounts of that kind
    ceiling  = max(floor of the kind, 5 x typical), rounded up to a whole Rp100.000

A percentile rather than the largest amount, so that one earlier typing error (posted and
later reversed) does not lift the ceiling; the latest amounts rather than all of them, so
the ceiling follows prices and the cooperative's growth, and reading it stays cheap. With
little history (a new cooperative) the floor of the kind applies.
"""

from __future__ import annotations

import math
from collections.abc import Iterable

PERCENTILE = 99
MULTIPLE = 5
WINDOW = 2_000  # the latest amounts of a kind that are read
ROUND_TO = 100_000


def percentile(amounts: Iterable[int], pct: int = PERCENTILE) -> int:
    """Nearest-rank percentile of ``amounts`` (0 when there are none)."""
    values = sorted(int(a) for a in amounts if a > 0)
    if not values:
        return 0
    rank = max(1, math.ceil(pct / 100 * len(values)))
    return values[rank - 1]


def derived_ceiling(amounts: Iterable[int], floor: int, multiple: int = MULTIPLE) -> int:
    """The ceiling for a kind from its past ``amounts``: at least ``floor``."""
    typical = percentile(amounts)
    raw = max(floor, typical * multiple)
    return -(-raw // ROUND_TO) * ROUND_TO


def is_implausible(amount: int, ceiling: int | None) -> bool:
    """True when ``amount`` is above ``ceiling`` (no ceiling, or 0: nothing is implausible)."""
    return bool(ceiling) and amount > ceiling  # type: ignore[operator]

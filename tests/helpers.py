"""Small builders for tests."""

from __future__ import annotations

import datetime as dt
import itertools

from koperasi.services.members import MemberInput

_seq = itertools.count(1)


def nik(n: int | None = None, female: bool = True) -> str:
    n = next(_seq) if n is None else n
    day = 15 + (40 if female else 0)
    return f"647104{day:02d}0585{n % 10000:04d}"


def member_input(
    name: str = "Siti Aminah",
    n: int | None = None,
    female: bool = True,
    join: dt.date = dt.date(2025, 1, 6),
    **kw,
) -> MemberInput:
    return MemberInput(
        name=name, nik=nik(n, female), gender="P" if female else "L", join_date=join, **kw
    )

"""Column types: money as BIGINT, rates as exact decimal text (never float on SQLite)."""

from __future__ import annotations

from decimal import Decimal

from sqlalchemy import BigInteger, String
from sqlalchemy.types import TypeDecorator


class Money(TypeDecorator[int]):
    """Integer rupiah."""

    impl = BigInteger
    cache_ok = True


class Rate(TypeDecorator[Decimal]):
    """An exact decimal (percent rates, shares), stored as text so SQLite never sees a float."""

    impl = String(32)
    cache_ok = True

    def process_bind_param(self, value, dialect):
        if value is None:
            return None
        if isinstance(value, float):
            raise TypeError("rates are never float")
        return format(Decimal(value).normalize(), "f")

    def process_result_value(self, value, dialect):
        return None if value is None else Decimal(value)

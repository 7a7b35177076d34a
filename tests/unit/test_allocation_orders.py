"""The named repayment allocation orders (issue 17 part 6): installment by installment, the
oldest first; within one, the components in the order's sequence."""

from __future__ import annotations

import datetime as dt

import pytest

from koperasi.domain.allocation import ALLOCATION_ORDERS, Due, allocate, order_of
from koperasi.errors import ValidationError

D = dt.date
DUES = [
    Due(1, D(2025, 3, 3), principal=500_000, interest=45_000, fee=5_000, penalty=10_000),
    Due(2, D(2025, 4, 3), principal=500_000, interest=45_000),
]


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        (
            "standard",
            [("penalty", 10_000), ("fee", 5_000), ("interest", 45_000), ("principal", 40_000)],
        ),
        ("principal_first", [("principal", 100_000)]),
        ("interest_first", [("interest", 45_000), ("principal", 55_000)]),
        ("penalties_last", [("fee", 5_000), ("interest", 45_000), ("principal", 50_000)]),
    ],
)
def test_a_short_payment_by_order(name, expected):
    alloc = allocate(DUES, 100_000, order=order_of(name))
    assert [(ln.component, ln.amount) for ln in alloc.lines] == expected
    assert all(ln.no == 1 for ln in alloc.lines)


@pytest.mark.parametrize("name", list(ALLOCATION_ORDERS))
def test_every_order_pays_the_oldest_installment_first_and_in_full(name):
    alloc = allocate(DUES, 600_000, order=order_of(name))
    first = alloc.by_installment()[1]
    assert sum(first.values()) == 560_000  # all of installment 1 before any of 2
    assert sum(alloc.by_installment()[2].values()) == 40_000
    assert alloc.total() == 600_000


def test_unknown_order_is_refused_and_default_is_standard():
    assert order_of(None) == order_of("standard") == ("penalty", "fee", "interest", "principal")
    with pytest.raises(ValidationError):
        order_of("lifo")

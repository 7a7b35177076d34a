"""Any sequence of deposits and withdrawals keeps balances >= minimum and the ledger balanced."""

import contextlib
import datetime as dt

from helpers import member_input
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from koperasi.db.database import open_database
from koperasi.errors import ValidationError
from koperasi.services import check, members, savings, savings_products, savings_statements
from koperasi.services.auth import SYSTEM

ops = st.lists(
    st.tuples(
        st.sampled_from(["deposit", "withdraw"]),
        st.integers(0, 2),
        st.sampled_from(["SUKARELA", "WAJIB", "POKOK"]),
        st.integers(min_value=-1000, max_value=5_000_000),
        st.integers(0, 60),
    ),
    min_size=1,
    max_size=20,
)


@settings(
    max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(ops=ops)
def test_random_sequences_keep_invariants(tmp_path_factory, ops):
    db = open_database(tmp_path_factory.mktemp("prop") / "p.db")
    try:
        numbers = [
            members.register_member(db, SYSTEM, member_input(f"Anggota {i}", n=900 + i)).number
            for i in range(3)
        ]
        start = dt.date(2025, 1, 6)
        for kind, who, product, amount, day in ops:
            fn = savings.deposit if kind == "deposit" else savings.withdraw
            with contextlib.suppress(ValidationError):
                fn(db, SYSTEM, numbers[who], product, amount, start + dt.timedelta(days=day))
        mins = {p.code: p.min_balance for p in savings_products.list_products(db)}
        for number in numbers:
            for b in savings_statements.member_balances(db, number):
                assert b.balance >= 0
                if b.product_code == "SUKARELA" and b.balance:
                    assert b.balance >= mins["SUKARELA"]
        report = check.run_checks(db)
        assert report.ok, report.problems
    finally:
        db.dispose()

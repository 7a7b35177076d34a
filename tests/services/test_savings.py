import datetime as dt

import pytest
from helpers import member_input

from koperasi.errors import PeriodClosed, ValidationError
from koperasi.services import (
    check,
    ledger,
    members,
    savings,
    savings_arrears,
    savings_interest,
    savings_statements,
)
from koperasi.services.uow import unit_of_work

D = dt.date(2025, 3, 10)


@pytest.fixture
def member(db, actor):
    return members.register_member(db, actor, member_input())


def _count_entries(db) -> int:
    return len(ledger.list_entries(db, limit=10_000))


def test_deposit_posts_balanced_entry_with_receipt(db, actor, member):
    v = savings.deposit(db, actor, member.number, "SUKARELA", 1_250_000, D)
    assert v.receipt_no == "SMP-2025-000001"
    assert v.balance_after == 1_250_000
    e = ledger.get_entry(db, v.journal_entry_id)
    assert {(ln.account_code, ln.debit, ln.credit) for ln in e.lines} == {
        ("1.01", 1_250_000, 0),
        ("2.10", 0, 1_250_000),
    }
    v2 = savings.deposit(db, actor, member.number, "SUKARELA", 10_000, D)
    assert v2.receipt_no == "SMP-2025-000002"
    assert check.run_checks(db).ok


@pytest.mark.parametrize("amount", [0, -5])
def test_zero_or_negative_deposit_refused(db, actor, member, amount):
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, member.number, "SUKARELA", amount, D)
    assert err.value.field == "amount"
    assert _count_entries(db) == 0


def test_pokok_must_be_exact_and_once(db, actor, member):
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, member.number, "POKOK", 100_000, D)
    assert "Rp300.000" in err.value.message("id")
    savings.deposit(db, actor, member.number, "POKOK", 300_000, D)
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, member.number, "POKOK", 300_000, D)
    assert err.value.code == "pokok_already_paid"


def test_withdrawal_rules(db, actor, member):
    savings.deposit(db, actor, member.number, "WAJIB", 50_000, D)
    savings.deposit(db, actor, member.number, "SUKARELA", 100_000, D)
    with pytest.raises(ValidationError) as err:
        savings.withdraw(db, actor, member.number, "WAJIB", 50_000, D)
    assert err.value.code == "withdraw_only_at_exit"
    with pytest.raises(ValidationError) as err:  # minimum balance Rp10.000 stays
        savings.withdraw(db, actor, member.number, "SUKARELA", 95_000, D)
    # blocked by the minimum balance: "Saldo tidak cukup", naming the minimum (issue 18)
    assert err.value.code == "insufficient_keep_minimum" and err.value.field == "amount"
    text = err.value.message("id")
    assert text.startswith("Saldo tidak cukup") and "Rp90.000" in text
    assert "saldo minimum Rp10.000" in text
    assert "minimum balance of Rp10.000" in err.value.message("en")
    with pytest.raises(ValidationError) as err:  # more than there is: no minimum named
        savings.withdraw(db, actor, member.number, "SUKARELA", 100_001, D)
    assert err.value.code == "insufficient_balance"
    assert "minimum" not in err.value.message("id")
    before = _count_entries(db)
    v = savings.withdraw(db, actor, member.number, "SUKARELA", 90_000, D)
    assert v.balance_after == 10_000 and v.amount == -90_000
    assert _count_entries(db) == before + 1
    # a backdated withdrawal cannot spend money deposited later
    with pytest.raises(ValidationError):
        savings.withdraw(db, actor, member.number, "SUKARELA", 5_000, D - dt.timedelta(days=1))


def test_statement_and_balance_as_of(db, actor, member):
    savings.deposit(db, actor, member.number, "SUKARELA", 100_000, dt.date(2025, 1, 10))
    savings.deposit(db, actor, member.number, "SUKARELA", 50_000, dt.date(2025, 2, 10))
    savings.withdraw(db, actor, member.number, "SUKARELA", 30_000, dt.date(2025, 3, 10))
    st = savings_statements.statement(
        db, member.number, "SUKARELA", dt.date(2025, 2, 1), dt.date(2025, 3, 31)
    )
    assert st.opening == 100_000
    assert [(r.credit, r.debit, r.balance) for r in st.rows] == [
        (50_000, 0, 150_000),
        (0, 30_000, 120_000),
    ]
    assert st.closing == 120_000
    bal = {
        b.product_code: b.balance
        for b in savings_statements.member_balances(db, member.number, dt.date(2025, 1, 31))
    }
    assert bal["SUKARELA"] == 100_000


def test_wajib_arrears(db, actor):
    m = members.register_member(db, actor, member_input(join=dt.date(2025, 1, 15)))
    savings.deposit(db, actor, m.number, "WAJIB", 100_000, dt.date(2025, 2, 1))
    a = savings_arrears.wajib_arrears(db, m.number, dt.date(2025, 5, 20))
    assert (a.months_due, a.expected, a.paid, a.arrears, a.months_in_arrears) == (
        5,
        250_000,
        100_000,
        150_000,
        3,
    )


def test_reversal_restores_balance_and_books(db, actor, member):
    v = savings.deposit(db, actor, member.number, "SUKARELA", 70_000, D)
    r = savings.reverse_transaction(db, actor, v.id, D, "salah ketik")
    assert r.balance_after == 0 and r.amount == -70_000
    assert check.run_checks(db).ok
    with pytest.raises(ValidationError) as err:
        savings.reverse_transaction(db, actor, v.id, D, "lagi")
    assert err.value.code == "already_reversed"


def test_closed_period_refuses_postings(db, actor, member):
    from koperasi.db.models import FiscalPeriod

    with unit_of_work(db) as s:
        s.add(FiscalPeriod(year=2025, month=3, status="closed"))
    with pytest.raises(PeriodClosed) as err:
        savings.deposit(db, actor, member.number, "SUKARELA", 10_000, D)
    assert "2025-03" in err.value.message("id")
    assert _count_entries(db) == 0
    assert savings_statements.member_balances(db, member.number)[2].balance == 0


def test_monthly_interest_with_final_tax(db, actor):
    join = dt.date(2024, 12, 1)
    small = members.register_member(db, actor, member_input("Kecil", join=join))
    big = members.register_member(db, actor, member_input("Besar", join=join))
    savings.deposit(db, actor, small.number, "SUKARELA", 1_200_000, dt.date(2024, 12, 20))
    savings.deposit(  # far above the usual: confirmed (services/plausibility.py)
        db, actor, big.number, "SUKARELA", 120_000_000, dt.date(2024, 12, 20), confirm_large=True
    )
    run = savings_interest.post_monthly_interest(db, actor, 2025, 1)
    # 3 % p.a. / 12: 3.000 (no tax) and 300.000 (> 240.000: 10 % tax = 30.000)
    assert (run.accounts, run.gross, run.tax) == (2, 303_000, 30_000)
    again = savings_interest.post_monthly_interest(db, actor, 2025, 1)
    assert again.journal_entry_id is None  # idempotent
    bal = {b.product_code: b.balance for b in savings_statements.member_balances(db, big.number)}
    assert bal["SUKARELA"] == 120_000_000 + 270_000
    assert check.run_checks(db).ok

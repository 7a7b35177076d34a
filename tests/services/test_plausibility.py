"""Plausibility ceilings (issue 15 item 6), on SQLite and PostgreSQL: an amount far above what
the books have seen for its kind is refused without ``confirm_large`` and nothing is written;
with it the posting goes through; the treasurer's own ceiling is used when set."""

from __future__ import annotations

import datetime as dt

import pytest
from helpers import member_input
from sqlalchemy import event, func, select

from koperasi.db.models import JournalEntry, LoanTransaction, SavingsTransaction
from koperasi.domain.plausibility import derived_ceiling, is_implausible, percentile
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import groups, ledger, members, plausibility, savings, savings_statements
from koperasi.services.auth import Actor, Role
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import group_meeting
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

D = dt.date(2025, 3, 10)
JAN6 = dt.date(2025, 1, 6)


def counts(db) -> tuple[int, int, int]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return (
            s.scalar(select(func.count()).select_from(JournalEntry)),
            s.scalar(select(func.count()).select_from(SavingsTransaction)),
            s.scalar(select(func.count()).select_from(LoanTransaction)),
        )


@pytest.fixture
def member(db, actor):
    return members.register_member(db, actor, member_input())


def ceiling_of(db, kind: str) -> plausibility.Ceiling:  # type: ignore[no-untyped-def]
    return next(c for c in plausibility.ceilings(db) if c.kind == kind)


# ---------------------------------------------------------------- the rule (pure)


def test_rule_percentile_multiple_and_floor():
    assert percentile([]) == 0
    assert percentile([5, 1, 3]) == 5  # nearest rank: 99 % of 3 values is the 3rd
    values = list(range(1, 201))  # 200 amounts: the 198th is the 99th percentile
    assert percentile(values) == 198
    # one outlier among 200 does not lift the typical amount
    assert percentile([1_000_000] * 199 + [900_000_000]) == 1_000_000
    assert derived_ceiling([], 10_000_000) == 10_000_000  # no history: the floor
    assert derived_ceiling([3_000_000], 10_000_000) == 15_000_000  # 5 x
    assert derived_ceiling([3_000_001], 0) == 15_100_000  # rounded up to Rp100.000
    assert is_implausible(15_000_001, 15_000_000)
    assert not is_implausible(15_000_000, 15_000_000)
    assert not is_implausible(10**12, 0)  # no ceiling


# ---------------------------------------------------------------- savings


def test_ceiling_derived_from_history(db, actor, member):
    assert ceiling_of(db, "setor:SUKARELA").derived == 10_000_000  # new cooperative: floor
    for i in range(30):
        savings.deposit(db, actor, member.number, "SUKARELA", 1_000_000 + i * 100_000, D)
    c = ceiling_of(db, "setor:SUKARELA")
    assert (c.samples, c.typical) == (30, 3_900_000)  # p99 of 30 amounts is the largest
    assert c.derived == c.effective == 19_500_000  # 5 x 3.900.000
    assert ceiling_of(db, "setor:WAJIB").derived == 10_000_000  # per product
    plausibility.forget(db)  # the posting path caches; a fresh read sees the new history
    savings.deposit(db, actor, member.number, "SUKARELA", 19_500_000, D)  # at the ceiling
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, member.number, "SUKARELA", 19_500_001, D)
    assert err.value.code == "amount_implausible"


def test_deposit_over_ceiling_refused_then_confirmed(db, actor, member):
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, member.number, "SUKARELA", 25_000_000, D)
    e = err.value
    assert (e.field, e.code) == ("amount", "amount_implausible_new")
    text = e.message("id")
    assert "Jumlah Rp25.000.000" in text and "Rp10.000.000" in text
    assert "Simpanan Sukarela" in text
    assert "Rp25.000.000" in e.message("en") and "plausibility limit" in e.message("en")
    assert counts(db) == before  # nothing written
    assert all(b.balance == 0 for b in savings_statements.member_balances(db, member.number))
    v = savings.deposit(db, actor, member.number, "SUKARELA", 25_000_000, D, confirm_large=True)
    assert v.balance_after == 25_000_000
    assert v.receipt_no == "SMP-2025-000001"  # the refusal took no receipt number
    assert counts(db)[0] == before[0] + 1


def test_withdrawal_over_ceiling(db, actor, member):
    savings.deposit(db, actor, member.number, "SUKARELA", 30_000_000, D, confirm_large=True)
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        savings.withdraw(db, actor, member.number, "SUKARELA", 12_000_000, D)
    assert err.value.code == "amount_implausible_new"
    assert "penarikan simpanan" in err.value.message("id")
    assert counts(db) == before
    v = savings.withdraw(db, actor, member.number, "SUKARELA", 12_000_000, D, confirm_large=True)
    assert v.balance_after == 18_000_000


def test_other_errors_come_first(db, actor, member):
    """A withdrawal that fails anyway says why, rather than asking for a confirmation."""
    with pytest.raises(ValidationError) as err:
        savings.withdraw(db, actor, member.number, "SUKARELA", 50_000_000, D)
    assert err.value.code == "insufficient_balance"


def test_edited_ceiling_is_used(db, actor, member):
    savings.deposit(db, actor, member.number, "SUKARELA", 2_500_000, D)  # under the floor
    out = plausibility.set_ceilings(db, actor, {"setor:SUKARELA": 2_000_000})
    c = next(c for c in out if c.kind == "setor:SUKARELA")
    assert (c.override, c.effective) == (2_000_000, 2_000_000)
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, member.number, "SUKARELA", 2_500_000, D)
    assert "Rp2.000.000" in err.value.message("id")
    assert counts(db) == before
    savings.deposit(db, actor, member.number, "WAJIB", 50_000, D)  # other kinds untouched
    # raised above the floor: 25.000.000 passes without a confirmation
    plausibility.set_ceilings(db, actor, {"setor:SUKARELA": 30_000_000})
    savings.deposit(db, actor, member.number, "SUKARELA", 25_000_000, D)
    # cleared: derived from the books again
    out = plausibility.set_ceilings(db, actor, {"setor:SUKARELA": None})
    assert next(c for c in out if c.kind == "setor:SUKARELA").override is None


def test_setting_ceilings_validated_and_restricted(db, actor):
    with pytest.raises(ValidationError) as err:
        plausibility.set_ceilings(db, actor, {"nonsense": 5})
    assert err.value.field == "kind"
    with pytest.raises(ValidationError) as err:
        plausibility.set_ceilings(db, actor, {"tarik": -5})
    assert err.value.field == "ceiling"
    treasurer = Actor("bendahara", Role.BENDAHARA)
    plausibility.set_ceilings(db, treasurer, {"tarik": 5_000_000})
    with pytest.raises(PermissionDenied):
        plausibility.set_ceilings(db, Actor("pengawas", Role.PENGAWAS), {"tarik": 1})
    assert ceiling_of(db, "tarik").effective == 5_000_000


def test_derived_ceiling_is_cached_not_read_per_posting(db, actor, member):
    """The posting path reads the books once per kind, then only the setting."""
    seen: list[str] = []

    def count(conn, cursor, statement, *a):  # type: ignore[no-untyped-def]
        if "ORDER BY savings_transactions.id DESC" in statement:
            seen.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        for _ in range(5):
            savings.deposit(db, actor, member.number, "SUKARELA", 100_000, D)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)
    assert len(seen) == 1


# ---------------------------------------------------------------- loans


def _loan_product(db, actor):  # type: ignore[no-untyped-def]
    add_product(
        db,
        actor,
        ProductInput(code="BESAR", name="Pinjaman Besar", min_amount=1_000_000, max_amount=10**9),
    )


def test_loan_application_and_repayment(db, actor, member):
    _loan_product(db, actor)
    data = loan_applications.ApplyInput(member.number, "BESAR", 60_000_000, 12, D, "Modal usaha")
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        loan_applications.apply(db, actor, data)
    assert err.value.code == "amount_implausible_new"
    assert "pokok pinjaman" in err.value.message("id")
    assert loan_views.member_loans(db, member.number) == [] and counts(db) == before
    d = loan_applications.apply(db, actor, data, confirm_large=True)
    assert d.number.endswith("00001")  # the refused application took no number
    loan_applications.approve(db, actor, d.number, D)
    loan_applications.disburse(
        db, actor, d.number, D
    )  # no second question: the principal is the same
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        loan_repayments.repay(db, actor, d.number, 12_000_000, D)
    assert err.value.code == "amount_implausible_new"
    assert counts(db) == before
    tx = loan_repayments.repay(db, actor, d.number, 12_000_000, D, confirm_large=True)
    assert tx.amount == 12_000_000
    loan_repayments.repay(db, actor, d.number, 5_000_000, D)  # a usual amount needs nothing


# ---------------------------------------------------------------- manual journal


def test_manual_income_and_expense(db, actor):
    L = ledger.Line
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "Hibah", [L("1.01", debit=40_000_000), L("4.90", credit=40_000_000)]
        )
    assert "pendapatan" in err.value.message("id")
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "Renovasi", [L("5.10", debit=30_000_000), L("1.01", credit=30_000_000)]
        )
    assert "beban" in err.value.message("id")
    assert counts(db) == before
    ledger.add_manual_entry(
        db,
        actor,
        D,
        "Hibah",
        [L("1.01", debit=40_000_000), L("4.90", credit=40_000_000)],
        confirm_large=True,
    )
    ledger.add_manual_entry(
        db, actor, D, "Listrik", [L("5.10", debit=750_000), L("1.01", credit=750_000)]
    )
    assert counts(db)[0] == before[0] + 2


# ---------------------------------------------------------------- group meeting


def test_group_meeting_lists_every_implausible_cell(db, actor):
    g = groups.create_group(db, actor, groups.GroupInput("K001", "Kelompok Mawar", meeting_day=2))
    ms = [
        members.register_member(
            db, actor, member_input(name=f"Ibu {i}", n=200 + i, join=JAN6, group_code=g.code)
        )
        for i in range(3)
    ]
    rows = [
        (ms[0].number, 50_000, 15_000_000, 0),  # sukarela far above
        (ms[1].number, 50_000, 20_000, 0),
        (ms[2].number, 12_000_000, 0, 0),  # wajib far above
    ]
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        group_meeting.post_group_meeting(db, actor, g.code, D, rows)
    e = err.value
    assert e.code == "amounts_implausible" and e.params["count"] == 2
    assert [(i.row, i.field) for i in e.params["items"]] == [
        (ms[0].number, "sukarela"),
        (ms[2].number, "wajib"),
    ]
    text = e.message("id")
    assert f"{ms[0].number} Simpanan sukarela Rp15.000.000" in text
    assert f"{ms[2].number} Simpanan wajib Rp12.000.000" in text
    assert counts(db) == before  # the whole meeting rolled back
    res = group_meeting.post_group_meeting(db, actor, g.code, D, rows, confirm_large=True)
    assert len(res.receipts) == 3


def test_importers_are_not_checked(db, actor, member):
    """Moving in from old books: the *_in functions importers use do not ask."""
    from koperasi.services.uow import unit_of_work

    with unit_of_work(db) as s:
        m = members.member_by_number(s, member.number)
        savings.deposit_in(s, actor, m, savings.product_by_code(s, "SUKARELA"), 500_000_000, D)
    assert counts(db)[1] == 1

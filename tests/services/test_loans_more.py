"""Group meetings, member exit, month-end PPAP and kolektibilitas, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input

from koperasi.errors import ValidationError
from koperasi.services import (
    check,
    groups,
    ledger,
    member_exit,
    members,
    savings,
    savings_statements,
    settings,
)
from koperasi.services import month_end as month_end_run
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import group_meeting
from koperasi.services.loans import quality as loan_quality
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import reversals as loan_reversals
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

D = dt.date
JAN6 = D(2025, 1, 6)


def ok(db) -> None:  # type: ignore[no-untyped-def]
    report = check.run_checks(db)
    assert report.ok, [p.message("en") for p in report.problems]


def gl(db, code: str, as_of: dt.date | None = None) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return ledger.balance(s, code, as_of)


def weekly_product(db, actor):  # type: ignore[no-untyped-def]
    return add_product(
        db,
        actor,
        ProductInput(
            code="KLP",
            name="Kelompok mingguan",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=5_000_000,
            min_term=10,
            max_term=50,
            unit="week",
            group_loan=True,
            penalty_kind="flat",
            penalty_amount=2_000,
            penalty_per="week",
            penalty_grace_days=3,
            limit_multiple=Decimal(5),
        ),
    )


def monthly_product(db, actor, **kw):  # type: ignore[no-untyped-def]
    base = dict(
        code="UMUM",
        name="Umum",
        method="annuity",
        rate=Decimal(18),
        rate_per="year",
        min_amount=500_000,
        max_amount=20_000_000,
        min_term=3,
        max_term=24,
    )
    base.update(kw)
    return add_product(db, actor, ProductInput(**base))


def group_with_members(db, actor, n: int = 2):  # type: ignore[no-untyped-def]
    g = groups.create_group(db, actor, groups.GroupInput("K001", "Kelompok Mawar", meeting_day=2))
    out = []
    for i in range(n):
        m = members.register_member(
            db, actor, member_input(name=f"Ibu {i}", n=100 + i, join=JAN6, group_code=g.code)
        )
        savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
        out.append(m)
    return g, out


def new_loan(db, actor, member_no, code, amount, term, day):  # type: ignore[no-untyped-def]
    d = loan_applications.apply(
        db, actor, loan_applications.ApplyInput(member_no, code, amount, term, day, "Modal")
    )
    loan_applications.approve(db, actor, d.number, day)
    loan_applications.disburse(db, actor, d.number, day)
    return loan_views.get_loan(db, d.number)


def test_group_loan_due_on_meeting_day_and_meeting_posting(db, actor):
    weekly_product(db, actor)
    g, (m1, m2) = group_with_members(db, actor)
    loan = new_loan(db, actor, m1.number, "KLP", 1_000_000, 10, D(2025, 2, 3))  # a Monday
    assert all(r.due_date.weekday() == 2 for r in loan.schedule)  # the group meets on Wednesday
    first = loan.schedule[0].due_date
    dues = {d.member_number: d for d in group_meeting.group_meeting_dues(db, g.code, first)}
    assert dues[m1.number].installment_due == loan.schedule[0].total
    assert dues[m1.number].wajib_due == 2 * 50_000  # January and February
    assert dues[m2.number].loans == ()
    res = group_meeting.post_group_meeting(
        db,
        actor,
        g.code,
        first,
        [(m1.number, 50_000, 10_000, loan.schedule[0].total), (m2.number, 100_000, 0, 0)],
    )
    assert [r.receipt_no[:3] for r in res.receipts] == ["PJM", "SMP"]
    assert res.total == 50_000 + 10_000 + loan.schedule[0].total + 100_000
    after = loan_views.get_loan(db, loan.number)
    assert after.schedule[0].unpaid == 0
    # one receipt per member covers the savings and the loan payment
    assert after.transactions[-1].receipt_no == res.receipts[0].receipt_no
    ok(db)
    # all or nothing: a bad row rolls back the whole meeting
    cash = gl(db, "1.01")
    with pytest.raises(ValidationError) as e:
        group_meeting.post_group_meeting(
            db,
            actor,
            g.code,
            first + dt.timedelta(days=7),
            [(m1.number, 50_000, 0, 0), (m2.number, 0, 0, 50_000)],
        )
    assert e.value.field == "loan_amount"
    assert gl(db, "1.01") == cash
    ok(db)


def test_exit_sets_savings_against_loan(db, actor):
    monthly_product(db, actor)
    m = members.register_member(db, actor, member_input(n=7, join=JAN6))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
    savings.deposit(db, actor, m.number, "SUKARELA", 2_000_000, JAN6)
    loan = new_loan(db, actor, m.number, "UMUM", 1_000_000, 6, D(2025, 2, 1))
    q = loan_repayments.payoff_quote(db, loan.number, D(2025, 3, 15))
    result = member_exit.exit_member(db, actor, m.number, D(2025, 3, 15), "Pindah")
    assert result.offset_against_loans == q.total
    assert loan_views.get_loan(db, loan.number).status == "lunas"
    assert gl(db, "1.20") == 0
    ok(db)


def test_exit_refused_when_savings_do_not_cover(db, actor):
    monthly_product(db, actor, limit_multiple=None)
    m = members.register_member(db, actor, member_input(n=8, join=JAN6))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
    loan = new_loan(db, actor, m.number, "UMUM", 5_000_000, 6, D(2025, 2, 1))
    with pytest.raises(ValidationError) as e:
        member_exit.exit_member(db, actor, m.number, D(2025, 3, 15), "Pindah")
    assert e.value.code == "member_has_debt"
    assert loan_views.get_loan(db, loan.number).status == "aktif"
    assert members.get_member(db, m.number).status == "aktif"
    ok(db)


def test_month_end_classes_and_allowance(db, actor):
    monthly_product(db, actor, limit_multiple=None)
    weekly_product(db, actor)
    g, (m1, m2) = group_with_members(db, actor)
    monthly = new_loan(db, actor, m1.number, "UMUM", 6_000_000, 12, D(2025, 1, 10))
    weekly = new_loan(db, actor, m2.number, "KLP", 1_000_000, 20, D(2025, 1, 10))
    # nobody pays. On 30 April: monthly loan 3 installments late (Feb 10) -> 79 days ->
    # 3 started months -> Lancar; weekly loan since Jan 22 -> 98 days -> Macet (no collateral)
    r = month_end_run.month_end(db, actor, D(2025, 4, 30))
    classes = {q.loan_number: q for q in loan_quality.loan_arrears(db, D(2025, 4, 30)).loans}
    assert classes[monthly.number].kolektibilitas == "lancar"
    assert classes[weekly.number].kolektibilitas == "macet"
    assert classes[weekly.number].ppap == 1_000_000
    assert classes[monthly.number].ppap == 30_000  # 0.5 %
    assert r.ppap_total == 1_030_000 == -gl(db, "1.29") == r.allowance_after
    assert gl(db, "5.40") == 1_030_000
    assert classes[weekly.number].penalty_due > 0  # memo only, nothing in 4.21
    assert gl(db, "4.21") == 0
    ok(db)
    # idempotent
    again = month_end_run.month_end(db, actor, D(2025, 4, 30))
    assert again.change == 0 and again.journal_entry_id is None
    # the day-count rule from settings: 109 days late monthly -> Diragukan (91-180)
    settings.put(db, actor, "loan_quality", {"method": "days"})
    r2 = month_end_run.month_end(db, actor, D(2025, 5, 30))
    classes = {q.loan_number: q for q in loan_quality.loan_arrears(db, D(2025, 5, 30)).loans}
    assert classes[monthly.number].kolektibilitas == "diragukan"
    assert r2.ppap_total == -gl(db, "1.29")
    ok(db)
    # paying the weekly loan off releases its provision at once
    q = loan_repayments.payoff_quote(db, weekly.number, D(2025, 6, 2))
    loan_repayments.payoff(db, actor, weekly.number, D(2025, 6, 2), expected=q.total)
    assert -gl(db, "1.29") == classes[monthly.number].ppap
    ok(db)
    rep = loan_quality.loan_arrears(db, D(2025, 6, 2))
    assert rep.par30 == Decimal("100.00") and len(rep.late) == 1


def test_repayment_allocation_oldest_first_with_penalty(db, actor):
    weekly_product(db, actor)
    g, (m1,) = group_with_members(db, actor, 1)
    loan = new_loan(db, actor, m1.number, "KLP", 1_000_000, 10, D(2025, 2, 3))
    s = loan.schedule
    # pay two installments 10 days after the first was due: 2 weeks started -> 4.000 penalty
    day = s[0].due_date + dt.timedelta(days=10)
    tx = loan_repayments.repay(db, actor, loan.number, s[0].total + s[1].total + 4_000, day)
    by = [(a.installment_no, a.component) for a in tx.allocations]
    assert by[:3] == [(1, "penalty"), (1, "interest"), (1, "principal")]
    assert tx.penalty == 4_000 and tx.principal == s[0].principal + s[1].principal
    ok(db)


def test_reversal_replay_equals_never_having_paid(db, actor):
    """Reversing a repayment leaves every allocation as if it had never been taken."""
    monthly_product(
        db,
        actor,
        method="flat",
        rate=Decimal(2),
        rate_per="month",
        penalty_kind="percent",
        penalty_percent=Decimal("0.2"),
        penalty_per="day",
    )
    nums = []
    for n in (31, 32):
        m = members.register_member(db, actor, member_input(n=n, join=JAN6))
        savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
        nums.append(new_loan(db, actor, m.number, "UMUM", 2_400_000, 6, D(2025, 2, 1)).number)
    a, b = nums
    pays = [
        (150_000, D(2025, 3, 5)),
        (600_000, D(2025, 4, 20)),
        (450_000, D(2025, 5, 1)),
        (1_000_000, D(2025, 6, 9)),
    ]
    wrong = loan_repayments.repay(db, actor, a, 300_000, D(2025, 3, 1))
    for amount, day in pays:
        loan_repayments.repay(db, actor, a, amount, day)
        loan_repayments.repay(db, actor, b, amount, day)
    loan_reversals.reverse_repayment(db, actor, a, wrong.id, D(2025, 6, 10), "uang palsu")
    da, db_ = loan_views.get_loan(db, a), loan_views.get_loan(db, b)
    assert [(r.paid_principal, r.paid_interest, r.paid_penalty) for r in da.schedule] == [
        (r.paid_principal, r.paid_interest, r.paid_penalty) for r in db_.schedule
    ]
    assert da.row.principal_outstanding == db_.row.principal_outstanding
    live_a = [t for t in da.transactions if t.kind == "angsuran" and not t.reversed]
    live_b = [t for t in db_.transactions if t.kind == "angsuran"]
    assert [(t.date, t.principal, t.interest, t.penalty) for t in live_a] == [
        (t.date, t.principal, t.interest, t.penalty) for t in live_b
    ]
    ok(db)


def test_overpayment_refused_or_placed_in_sukarela(db, actor):
    monthly_product(db, actor, limit_multiple=None)
    m = members.register_member(db, actor, member_input(n=41, join=JAN6))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
    loan = new_loan(db, actor, m.number, "UMUM", 1_000_000, 3, D(2025, 2, 1))
    everything = sum(r.total for r in loan.schedule)
    with pytest.raises(ValidationError) as e:
        loan_repayments.repay(db, actor, loan.number, everything + 50_000, D(2025, 3, 1))
    assert e.value.code == "overpayment"
    tx = loan_repayments.repay(
        db, actor, loan.number, everything + 50_000, D(2025, 3, 1), excess_to_savings=True
    )
    assert tx.amount == everything and tx.loan_status_after == "lunas"
    bal = {b.product_code: b.balance for b in savings_statements.member_balances(db, m.number)}
    assert bal["SUKARELA"] == 50_000
    ok(db)

"""Loan life cycle on SQLite and PostgreSQL: every step keeps ``koperasi check`` green."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input

from koperasi.db.models import JournalEntry, JournalLine
from koperasi.errors import NotFound, PeriodClosed, ValidationError
from koperasi.services import check, ledger, members, savings, savings_statements
from koperasi.services import month_end as month_end_run
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import reversals as loan_reversals
from koperasi.services.loans import views as loan_views
from koperasi.services.loans import workout as loan_workout
from koperasi.services.uow import read_only

D = dt.date
JAN6 = dt.date(2025, 1, 6)
FEB3 = dt.date(2025, 2, 3)


def ok(db) -> None:  # type: ignore[no-untyped-def]
    report = check.run_checks(db)
    assert report.ok, [p.message("en") for p in report.problems]
    assert "loans_control" in report.checks_run


def balance(db, code: str, as_of: dt.date | None = None) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return ledger.balance(s, code, as_of)


def product(db, actor, **kw):  # type: ignore[no-untyped-def]
    base = dict(
        code="UMUM",
        name="Pinjaman Umum",
        method="flat",
        rate=Decimal("1.5"),
        min_amount=500_000,
        max_amount=10_000_000,
        min_term=3,
        max_term=24,
        fee_kind="percent",
        fee_percent=Decimal(1),
        penalty_kind="percent",
        penalty_percent=Decimal("0.1"),
        penalty_per="day",
        limit_multiple=Decimal(5),
    )
    base.update(kw)
    return add_product(db, actor, ProductInput(**base))


def member(db, actor, n: int = 1, sukarela: int = 1_000_000, join=JAN6):  # type: ignore[no-untyped-def]
    m = members.register_member(db, actor, member_input(name=f"Anggota {n}", n=n, join=join))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, join)
    if sukarela:
        savings.deposit(db, actor, m.number, "SUKARELA", sukarela, join)
    return m


def disbursed(db, actor, m, amount=3_000_000, term=6, code="UMUM", day=FEB3, **kw):  # type: ignore[no-untyped-def]
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, code, amount, term, day, "Modal usaha", **kw),
    )
    loan_applications.approve(db, actor, d.number, day)
    loan_applications.disburse(db, actor, d.number, day)
    return d.number


def test_full_life_cycle_keeps_books_honest(db, actor):
    product(db, actor)
    m = member(db, actor)
    ok(db)
    cash0 = balance(db, "1.01")
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(
            m.number, "UMUM", 3_000_000, 6, D(2025, 2, 1), "Modal warung", "Suami: Budi"
        ),
    )
    assert d.status == "diajukan" and d.number.startswith("PJ-2025-")
    ok(db)
    loan_applications.approve(db, actor, d.number, D(2025, 2, 2), "rapat pengurus")
    tx = loan_applications.disburse(db, actor, d.number, D(2025, 2, 3))
    # fee 1 % deducted: Dr 1.20 3.000.000 / Cr Kas 2.970.000 / Cr 4.20 30.000
    assert tx.fee == 30_000 and tx.amount == 2_970_000 and tx.receipt_no.startswith("PJM-2025-")
    assert balance(db, "1.20") == 3_000_000
    assert balance(db, "1.01") == cash0 - 2_970_000
    assert balance(db, "4.20") == 30_000
    ok(db)

    detail = loan_views.get_loan(db, d.number)
    assert [r.principal for r in detail.schedule] == [500_000] * 6
    assert [r.interest for r in detail.schedule] == [45_000] * 6  # 1.5 % x 3.000.000

    # on time: interest then principal of installment 1 (cash basis: 4.10 at payment)
    r1 = loan_repayments.repay(db, actor, d.number, 545_000, D(2025, 3, 3))
    assert [(a.installment_no, a.component, a.amount) for a in r1.allocations] == [
        (1, "interest", 45_000),
        (1, "principal", 500_000),
    ]
    assert balance(db, "4.10") == 45_000
    ok(db)

    # 7 days late: penalty 0.1 %/day x 7 x 545.000 = 3.815 first
    r2 = loan_repayments.repay(db, actor, d.number, 545_000, D(2025, 4, 10))
    assert (r2.penalty, r2.interest, r2.principal) == (3_815, 45_000, 496_185)
    assert balance(db, "4.21") == 3_815
    ok(db)

    # more than one installment: pays later ones in order
    r3 = loan_repayments.repay(db, actor, d.number, 1_000_000, D(2025, 5, 3))
    assert {a.installment_no for a in r3.allocations} == {2, 3, 4}
    ok(db)

    # reversal of the first repayment: later ones are replayed, allocations recomputed
    outstanding_before = loan_views.get_loan(db, d.number).row.principal_outstanding
    after = loan_reversals.reverse_repayment(
        db, actor, d.number, r1.receipt_no, D(2025, 5, 4), "salah catat"
    )
    assert after.row.principal_outstanding == outstanding_before + 500_000 - (
        sum(t.principal for t in after.transactions if t.kind == "angsuran" and not t.reversed)
        - (r2.principal + r3.principal)
    )
    live = [t for t in after.transactions if t.kind == "angsuran" and not t.reversed]
    assert [t.receipt_no for t in live] == [r2.receipt_no, r3.receipt_no]  # receipts kept
    assert live[0].allocations[0].installment_no == 1  # now pays installment 1 first
    with read_only(db) as s:
        reversals = (
            s.query(JournalEntry).filter(JournalEntry.reverses_entry_id.is_not(None)).count()
        )
    assert reversals == 3  # r1, r2, r3 mirrored; r2, r3 posted again
    ok(db)
    with pytest.raises(ValidationError) as e:
        loan_reversals.reverse_repayment(db, actor, d.number, r1.id, D(2025, 5, 4), "lagi")
    assert e.value.field == "transaction"

    # reschedule: history kept
    res = loan_workout.reschedule(db, actor, d.number, D(2025, 5, 10), 4, "usaha sepi")
    assert len(res.schedule) == 4 and all(r.version == 2 for r in res.schedule)
    assert len(res.history) == 6 and all(r.superseded_on == D(2025, 5, 10) for r in res.history)
    assert sum(r.principal for r in res.schedule) == res.row.principal_outstanding
    ok(db)

    # month end: PPAP equals the allowance; idempotent
    me = month_end_run.month_end(db, actor, D(2025, 5, 31))
    assert me.ppap_total == me.allowance_after == -balance(db, "1.29")
    again = month_end_run.month_end(db, actor, D(2025, 5, 31))
    assert again.change == 0 and again.journal_entry_id is None
    ok(db)

    # payoff with a quote first
    q = loan_repayments.payoff_quote(db, d.number, D(2025, 6, 5))
    assert q.principal == res.row.principal_outstanding and q.total > q.principal
    with pytest.raises(ValidationError) as e:
        loan_repayments.payoff(db, actor, d.number, D(2025, 6, 5), expected=q.total - 1)
    assert e.value.field == "amount"
    po = loan_repayments.payoff(db, actor, d.number, D(2025, 6, 5), expected=q.total)
    assert po.loan_status_after == "lunas" and po.principal_outstanding_after == 0
    assert balance(db, "1.20") == 0 and balance(db, "1.29") == 0
    ok(db)
    with pytest.raises(ValidationError) as e:
        loan_repayments.repay(db, actor, d.number, 10_000, D(2025, 6, 6))
    assert e.value.field == "loan"

    # reversing the payoff reopens the loan
    reopened = loan_reversals.reverse_repayment(
        db, actor, d.number, po.id, D(2025, 6, 6), "cek kosong"
    )
    assert reopened.status == "aktif" and reopened.row.principal_outstanding == q.principal
    ok(db)

    # write-off against the allowance, then a recovery
    w = loan_workout.write_off(db, actor, d.number, D(2025, 12, 31), "macet, usaha tutup")
    assert w.kind == "hapus_buku" and balance(db, "1.20") == 0
    assert balance(db, "1.29") == 0  # allowance used up, shortfall expensed
    ok(db)
    rec = loan_workout.recover(db, actor, d.number, 200_000, D(2026, 1, 15))
    assert rec.receipt_no and balance(db, "4.90") == 200_000
    ok(db)
    with pytest.raises(ValidationError):
        loan_workout.recover(db, actor, d.number, 10**9, D(2026, 1, 16))
    # reversal through the ledger's generic entry reversal
    ledger.reverse_entry(db, actor, rec.journal_entry_id, D(2026, 1, 16), "salah akun")
    assert balance(db, "4.90") == 0
    ok(db)


def test_disbursement_to_sukarela_and_fee_in_cash(db, actor):
    product(db, actor, fee_kind="flat", fee_percent=Decimal(0), fee_amount=25_000, fee_mode="cash")
    m = member(db, actor)
    cash0 = balance(db, "1.01")
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", 2_000_000, 4, D(2025, 3, 1), "Modal"),
    )
    loan_applications.approve(db, actor, d.number, D(2025, 3, 1))
    tx = loan_applications.disburse(db, actor, d.number, D(2025, 3, 2), to="sukarela")
    assert tx.amount == 2_000_000 and tx.fee == 25_000
    assert balance(db, "1.01") == cash0 + 25_000  # fee paid in cash, loan to savings
    bal = {b.product_code: b.balance for b in savings_statements.member_balances(db, m.number)}
    assert bal["SUKARELA"] == 3_000_000
    ok(db)
    r = loan_repayments.repay(db, actor, d.number, 530_000, D(2025, 4, 2), source="sukarela")
    assert r.source == "sukarela"
    assert {b.product_code: b.balance for b in savings_statements.member_balances(db, m.number)}[
        "SUKARELA"
    ] == 2_470_000
    ok(db)
    loan_reversals.reverse_repayment(db, actor, d.number, r.id, D(2025, 4, 3), "salah")
    assert {b.product_code: b.balance for b in savings_statements.member_balances(db, m.number)}[
        "SUKARELA"
    ] == 3_000_000
    ok(db)


def test_bad_inputs_write_nothing(db, actor):
    product(db, actor)
    m = member(db, actor)
    with read_only(db) as s:
        lines0 = s.query(JournalLine).count()

    def apply(**kw):  # type: ignore[no-untyped-def]
        base = dict(
            member_no=m.number,
            product_code="UMUM",
            amount=1_000_000,
            term=6,
            date=D(2025, 2, 1),
            purpose="Modal",
        )
        base.update(kw)
        return loan_applications.apply(db, actor, loan_applications.ApplyInput(**base))

    for kw, field in [
        (dict(amount=100_000), "amount"),  # below the product's range
        (dict(amount=20_000_000), "amount"),  # above
        (dict(term=36), "term"),
        (dict(term=1), "term"),
        (dict(purpose=" "), "purpose"),
        (dict(amount=9_000_000), "amount"),  # above 5 x savings (1.300.000)
        (dict(date=D(2024, 1, 1)), "date"),  # before joining
    ]:
        with pytest.raises(ValidationError) as e:
            apply(**kw)
        assert e.value.field == field, kw
    with pytest.raises(NotFound):
        apply(product_code="NOPE")
    with pytest.raises(NotFound):
        loan_repayments.repay(db, actor, "PJ-2099-99999", 1000, D(2025, 3, 1))
    # rate: negative, absurd without confirmation
    with pytest.raises(ValidationError) as e:
        product(db, actor, code="X1", rate=Decimal(-1))
    assert e.value.field == "rate"
    with pytest.raises(ValidationError) as e:
        product(db, actor, code="X2", rate=Decimal(12))
    assert e.value.field == "rate" and e.value.code == "rate_needs_confirm"
    add_product(
        db,
        actor,
        ProductInput(
            code="X3", name="Darurat", rate=Decimal(12), min_amount=100_000, max_amount=500_000
        ),
        confirm_high_rate=True,
    )
    with pytest.raises(ValidationError) as e:
        product(db, actor, code="X4", min_amount=5_000_000, max_amount=1_000_000)
    assert e.value.field == "max_amount"

    number = disbursed(db, actor, m, amount=1_000_000, term=4)
    # one active loan only
    with pytest.raises(ValidationError) as e:
        apply()
    assert e.value.field == "member"
    with read_only(db) as s:
        lines1 = s.query(JournalLine).count()
    assert lines1 > lines0
    # repayment larger than the whole outstanding
    with pytest.raises(ValidationError) as e:
        loan_repayments.repay(db, actor, number, 5_000_000, D(2025, 3, 3))
    assert e.value.field == "amount" and e.value.code == "overpayment"
    # a date before disbursement
    with pytest.raises(ValidationError) as e:
        loan_repayments.repay(db, actor, number, 100_000, D(2025, 2, 1))
    assert e.value.field == "date"
    with pytest.raises(ValidationError):
        loan_repayments.repay(db, actor, number, 0, D(2025, 3, 3))
    with read_only(db) as s:
        assert s.query(JournalLine).count() == lines1
    ok(db)


def test_closed_period_and_limit_at_disbursement(db, actor):
    from koperasi.db.models import FiscalPeriod
    from koperasi.services.uow import unit_of_work

    product(db, actor)
    m = member(db, actor, sukarela=0)  # savings 300.000 -> limit 1.500.000
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", 1_500_000, 6, D(2025, 2, 1), "Modal"),
    )
    loan_applications.approve(db, actor, d.number, D(2025, 2, 1))
    with unit_of_work(db) as s:
        s.add(FiscalPeriod(year=2025, month=2, status="closed"))
    with pytest.raises(PeriodClosed):
        loan_applications.disburse(db, actor, d.number, D(2025, 2, 10))
    # the member withdrew nothing, but a loan above the limit at disbursement is refused
    with unit_of_work(db) as s:
        from koperasi.db.models import Loan

        s.query(Loan).filter(Loan.number == d.number).update({"amount": 2_000_000})
    with pytest.raises(ValidationError) as e:
        loan_applications.disburse(db, actor, d.number, D(2025, 3, 2))
    assert e.value.field == "amount" and e.value.code == "over_limit"
    ok(db)


def test_reject_needs_reason(db, actor):
    product(db, actor)
    m = member(db, actor)
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", 1_000_000, 6, D(2025, 2, 1), "Modal"),
    )
    with pytest.raises(ValidationError) as e:
        loan_applications.reject(db, actor, d.number, D(2025, 2, 2), " ")
    assert e.value.field == "reason"
    r = loan_applications.reject(db, actor, d.number, D(2025, 2, 2), "Simpanan wajib menunggak")
    assert r.status == "ditolak" and r.decision_note == "Simpanan wajib menunggak"
    with pytest.raises(ValidationError):
        loan_applications.disburse(db, actor, d.number, D(2025, 2, 3))
    ok(db)

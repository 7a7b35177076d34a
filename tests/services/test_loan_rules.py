"""Issue 17 parts 3, 5, 6 on SQLite and PostgreSQL: collateral and guarantors, lending
limits with both boards' approval, four-eyes approval, allocation order per product."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input
from sqlalchemy import select

from koperasi.db.models import AuditEntry, LoanTransaction
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import approvals, check, lending_rules, members, savings, savings_statements
from koperasi.services.auth import Actor, Role
from koperasi.services.lending_rules import LendingRules
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import collateral, lending_limits
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import reversals as loan_reversals
from koperasi.services.loans import views as loan_views
from koperasi.services.loans import workout as loan_workout
from koperasi.services.loans.collateral import CollateralInput
from koperasi.services.uow import read_only

D = dt.date
JAN6 = D(2025, 1, 6)
FEB3 = D(2025, 2, 3)
BUDI = Actor("budi", Role.BENDAHARA)
ANI = Actor("ani", Role.BENDAHARA)
SARI = Actor("sari", Role.PENGAWAS)


def ok(db) -> None:  # type: ignore[no-untyped-def]
    report = check.run_checks(db)
    assert report.ok, [p.message("en") for p in report.problems]


def product(db, actor, **kw):  # type: ignore[no-untyped-def]
    base = dict(
        code="UMUM",
        name="Pinjaman Umum",
        method="flat",
        rate=Decimal("1.5"),
        min_amount=500_000,
        max_amount=50_000_000,
        min_term=3,
        max_term=24,
        penalty_kind="flat",
        penalty_amount=10_000,
        penalty_per="month",
    )
    base.update(kw)
    return add_product(db, actor, ProductInput(**base))


def member(db, actor, n: int, sukarela: int = 1_000_000):  # type: ignore[no-untyped-def]
    m = members.register_member(db, actor, member_input(name=f"Anggota {n}", n=n, join=JAN6))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
    if sukarela:
        savings.deposit(db, actor, m.number, "SUKARELA", sukarela, JAN6)
    return m


def apply(db, actor, m, amount=3_000_000, day=FEB3, **kw):  # type: ignore[no-untyped-def]
    return loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(m.number, "UMUM", amount, 6, day, "Modal usaha", **kw),
    ).number


BPKB = CollateralInput("bpkb", "BPKB Honda Beat 2021 KT 1234 AB", 3_500_000, "M-0012345", "Siti")


# ---------------------------------------------------------------- collateral


def test_collateral_rules_and_return_at_payoff(db, actor):
    product(db, actor, collateral_above=2_000_000, cover_ratio=Decimal(100))
    m = member(db, actor, 1)
    # above the amount the product requires collateral: refused at approval, naming the rule
    bare = apply(db, actor, m, 2_500_000)
    with pytest.raises(ValidationError) as e:
        loan_applications.approve(db, actor, bare, FEB3)
    assert e.value.code == "collateral_required" and "Rp2.000.000" in str(e.value)
    loan_applications.reject(db, actor, bare, FEB3, "tanpa jaminan")
    # below the cover ratio: refused at application (nothing written)
    with pytest.raises(ValidationError) as e:
        apply(db, actor, m, collateral_items=(CollateralInput("emas", "Kalung 10 g", 1_000_000),))
    assert e.value.code == "collateral_cover" and "Rp3.000.000" in str(e.value)
    number = apply(db, actor, m, collateral_items=(BPKB,))
    held = collateral.for_loan(db, number)
    assert [(c.kind, c.value, c.held) for c in held] == [("bpkb", 3_500_000, True)]
    assert held[0].events[0].kind == "diterima"
    assert loan_views.get_loan(db, number).collateral == 3_500_000
    loan_applications.approve(db, actor, number, FEB3)
    loan_applications.disburse(db, actor, number, FEB3)
    with pytest.raises(ValidationError) as e:
        collateral.return_collateral(db, actor, number, D(2025, 3, 3))
    assert e.value.code == "collateral_loan_open"
    quote = loan_repayments.payoff_quote(db, number, D(2025, 3, 3))
    loan_repayments.payoff(db, actor, number, D(2025, 3, 3), expected=quote.total)
    back = collateral.return_collateral(db, actor, number, D(2025, 3, 4), note="diambil sendiri")
    assert back[0].handover_no == "SSJ-2025-00001"
    assert back[0].returned_on == D(2025, 3, 4) and back[0].returned_to == "Anggota 1"
    assert [e.kind for e in back[0].events] == ["diterima", "dikembalikan"]
    assert loan_views.get_loan(db, number).collateral == 0
    assert collateral.register(db) == []
    with pytest.raises(ValidationError) as e:
        collateral.return_collateral(db, actor, number, D(2025, 3, 5))
    assert e.value.code == "collateral_none_held"
    ok(db)


def test_guarantor_exposure(db, actor):
    product(db, actor)
    borrower, guarantor = member(db, actor, 1), member(db, actor, 2)
    with pytest.raises(ValidationError) as e:
        apply(db, actor, borrower, guarantors=(borrower.number,))
    assert e.value.code == "guarantor_is_borrower"
    number = apply(db, actor, borrower, guarantors=((guarantor.number, "tetangga"),))
    assert [g.member_number for g in collateral.guarantors_of(db, number)] == [guarantor.number]
    exp = collateral.exposure_of(db, guarantor.number)
    assert exp.total == 0 and exp.rows[0].status == "diajukan"  # not yet lent
    loan_applications.approve(db, actor, number, FEB3)
    loan_applications.disburse(db, actor, number, FEB3)
    assert collateral.exposure_of(db, guarantor.number).total == 3_000_000
    loan_repayments.repay(db, actor, number, 545_000, D(2025, 3, 3))  # 500.000 principal + 45.000
    exp = collateral.exposure_of(db, guarantor.number)
    assert exp.total == 2_500_000
    assert exp.rows[0].loan_number == number and exp.rows[0].borrower_number == borrower.number
    report = collateral.guarantee_report(db)
    assert [(x.member_number, x.total) for x in report] == [(guarantor.number, 2_500_000)]
    assert collateral.exposure_of(db, borrower.number).total == 0
    ok(db)


# ---------------------------------------------------------------- limits and both boards


def test_related_party_over_limit_blocked_until_both_approvals(db, actor):
    product(db, actor)
    m = member(db, actor, 1)
    member(db, actor, 2)
    lending_rules.save_rules(db, actor, LendingRules(bmpp_percent=Decimal(50)))
    lending_limits.set_relation(db, actor, m.number, "keluarga", note="istri bendahara")
    with read_only(db) as s:
        capital = lending_limits.own_capital_in(s, FEB3)
    assert capital == 600_000  # two members' pokok
    number = apply(db, BUDI, m)  # 3.000.000 > 10 % of 600.000: held, not refused
    with pytest.raises(ValidationError) as e:
        loan_applications.approve(db, ANI, number, FEB3)
    text = str(e.value)
    assert e.value.code == "needs_board_approvals"
    assert "Pengurus, Pengawas" in text and "Rp60.000" in text and "Rp300.000" in text
    pend = lending_limits.pending(db, as_of=FEB3)
    assert [(p.kind, p.ref, p.waiting_for) for p in pend] == [
        ("board_approval", number, "Pengurus, Pengawas")
    ]
    with pytest.raises(PermissionDenied):
        loan_applications.approve(db, SARI, number, FEB3)  # a supervisor cannot approve loans
    assert lending_limits.board_approve(db, BUDI, number, FEB3, "rapat pengurus") == "pengurus"
    with pytest.raises(ValidationError) as e:
        lending_limits.board_approve(db, ANI, number, FEB3)
    assert e.value.code == "board_already_approved"
    with pytest.raises(ValidationError) as e:
        loan_applications.approve(db, ANI, number, FEB3)
    assert "Pengawas" in str(e.value) and "Pengurus," not in str(e.value)
    assert lending_limits.board_approve(db, SARI, number, FEB3) == "pengawas"
    assert lending_limits.pending(db, as_of=FEB3) == []
    loan_applications.approve(db, ANI, number, FEB3)
    loan_applications.disburse(db, ANI, number, FEB3)
    report = lending_limits.breach_report(db, FEB3)
    rules = sorted((r.loan_number, r.rule) for r in report.rows)
    assert rules == [(number, "bmpp"), (number, "related")]
    assert report.rows[0].approvals == "Pengurus: budi, Pengawas: sari"
    ok(db)


def test_removing_a_linked_officer_keeps_the_related_party(db, actor):
    from koperasi.services.rat import records

    m = member(db, actor, 1)
    officer = records.add_officer(
        db, actor, records.OfficerInput("pengurus", "Bendahara", "Ani", dt.date(2024, 1, 1))
    )
    view = lending_limits.set_relation(db, actor, m.number, "keluarga", officer_id=officer.id)
    assert view is not None and view.officer == "Ani (Bendahara)"
    records.remove_officer(db, actor, officer.id)  # no foreign-key failure
    assert records.list_officers(db) == []
    after = lending_limits.relation_of(db, m.number)
    assert after is not None and after.kind == "keluarga" and after.officer == ""


def test_warn_mode_lets_a_breach_through_and_lists_it(db, actor):
    product(db, actor, limit_multiple=Decimal(2))
    m = member(db, actor, 1, sukarela=200_000)  # savings 500.000: the product lends 1.000.000
    with pytest.raises(ValidationError) as e:
        apply(db, actor, m)  # block mode: the savings multiple refuses, as before
    assert e.value.code == "over_limit"
    lending_rules.save_rules(db, actor, LendingRules(bmpp_percent=Decimal(20), breach_mode="warn"))
    number = apply(db, actor, m)
    loan_applications.approve(db, actor, number, FEB3)
    loan_applications.disburse(db, actor, number, FEB3)
    rows = lending_limits.breach_report(db, FEB3).rows
    assert sorted(r.rule for r in rows) == ["bmpp", "savings_multiple"]
    assert {r.limit for r in rows} == {60_000, 1_000_000}  # 20 % of 300.000 pokok
    with pytest.raises(ValidationError):
        lending_rules.save_rules(db, actor, LendingRules(breach_mode="ignore"))
    with pytest.raises(PermissionDenied):
        lending_rules.save_rules(db, BUDI, LendingRules())
    ok(db)


# ---------------------------------------------------------------- four-eyes


def test_large_loan_needs_a_second_user(db, actor):
    product(db, actor)
    m = member(db, actor, 1)
    lending_rules.save_rules(db, actor, LendingRules(four_eyes_loan_above=2_000_000))
    small, large = apply(db, BUDI, m, 1_000_000), None
    loan_applications.approve(
        db, BUDI, small, FEB3
    )  # under the threshold: the same user may approve
    loan_applications.reject(db, BUDI, small, FEB3, "diganti")
    large = apply(db, BUDI, m)
    with pytest.raises(ValidationError) as e:
        loan_applications.approve(db, BUDI, large, FEB3)
    assert e.value.code == "four_eyes_loan" and "Rp2.000.000" in str(e.value)
    assert [(p.kind, p.ref) for p in lending_limits.pending(db, as_of=FEB3)] == [
        ("loan_approval", large)
    ]
    loan_applications.approve(db, ANI, large, FEB3)
    assert loan_views.get_loan(db, large).row.status == "disetujui"


def test_reversal_and_write_off_wait_for_their_approver(db, actor):
    product(db, actor)
    m = member(db, actor, 1)
    number = apply(db, actor, m)
    loan_applications.approve(db, actor, number, FEB3)
    loan_applications.disburse(db, actor, number, FEB3)
    pay = loan_repayments.repay(db, BUDI, number, 650_000, D(2025, 3, 3))
    lending_rules.save_rules(
        db, actor, LendingRules(four_eyes_reversal=True, four_eyes_write_off=True)
    )
    with pytest.raises(ValidationError) as e:
        loan_reversals.reverse_repayment(
            db, BUDI, number, pay.receipt_no, D(2025, 3, 4), "salah input"
        )
    assert e.value.code == "needs_second_user"
    req = approvals.request(
        db, BUDI, "loan_reversal", number, D(2025, 3, 4), "salah input", tx=pay.receipt_no
    )
    assert req.status == "menunggu" and req.amount == 650_000
    with pytest.raises(ValidationError) as e:  # the same request twice
        approvals.request(
            db, BUDI, "loan_reversal", number, D(2025, 3, 4), "salah input", tx=pay.receipt_no
        )
    assert e.value.code == "request_waiting"
    assert [(p.kind, p.request_id) for p in lending_limits.pending(db)] == [
        ("loan_reversal", req.id)
    ]
    with read_only(db) as s:  # nothing reversed while it waits
        assert not s.scalars(select(LoanTransaction).where(LoanTransaction.kind == "koreksi")).all()
    with pytest.raises(ValidationError) as e:
        approvals.approve(db, BUDI, req.id)
    assert e.value.code == "four_eyes_same_user"
    with pytest.raises(PermissionDenied):
        approvals.approve(db, SARI, req.id)
    done = approvals.approve(db, ANI, req.id, "cek kuitansi")
    assert done.status == "disetujui" and done.decided_by == "ani"
    assert loan_views.get_loan(db, number).row.principal_outstanding == 3_000_000
    with read_only(db) as s:
        trail = s.execute(
            select(AuditEntry.username, AuditEntry.action)
            .where(AuditEntry.action.in_(("approval.request", "approval.approve", "loan.reverse")))
            .order_by(AuditEntry.id)
        ).all()
    assert [tuple(r) for r in trail] == [
        ("budi", "approval.request"),
        ("ani", "loan.reverse"),
        ("ani", "approval.approve"),
    ]
    with pytest.raises(ValidationError) as e:
        approvals.approve(db, ANI, req.id)
    assert e.value.code == "request_decided"
    # write-off: refused directly, rejected once, then approved by the second user
    with pytest.raises(ValidationError):
        loan_workout.write_off(db, actor, number, D(2025, 3, 5), "macet")
    w = approvals.request(db, BUDI, "write_off", number, D(2025, 3, 5), "macet")
    with pytest.raises(ValidationError):
        approvals.reject(db, ANI, w.id, "")  # a rejection needs its reason
    assert approvals.reject(db, ANI, w.id, "tunggu rapat").status == "ditolak"
    w = approvals.request(db, BUDI, "write_off", number, D(2025, 3, 5), "macet")
    approvals.approve(db, ANI, w.id)
    assert loan_views.get_loan(db, number).row.status == "dihapusbukukan"
    ok(db)


# ---------------------------------------------------------------- allocation order


@pytest.mark.parametrize(
    ("order", "expected"),
    [
        ("standard", {"penalty": 10_000, "interest": 45_000, "principal": 45_000}),
        ("principal_first", {"principal": 100_000}),
        ("interest_first", {"interest": 45_000, "principal": 55_000}),
        ("penalties_last", {"interest": 45_000, "principal": 55_000}),
    ],
)
def test_allocation_order_of_the_product(sqlite_db, actor, order, expected):
    db = sqlite_db
    product(db, actor, allocation_order=order)
    m = member(db, actor, 1)
    number = apply(db, actor, m)
    loan_applications.approve(db, actor, number, FEB3)
    loan_applications.disburse(db, actor, number, FEB3)
    # the first installment (500.000 + 45.000) is late (due 3 March): 10.000 penalty
    v = loan_repayments.repay(db, actor, number, 100_000, D(2025, 3, 20))
    got = {c: getattr(v, c) for c in ("penalty", "fee", "interest", "principal")}
    assert {k: x for k, x in got.items() if x} == expected
    ok(db)


def test_check_finds_collateral_out_of_step(sqlite_db, actor):
    from koperasi.db.models import Loan, LoanCollateral
    from koperasi.services.uow import unit_of_work

    db = sqlite_db
    product(db, actor)
    m = member(db, actor, 1)
    number = apply(db, actor, m, collateral_items=(BPKB,))
    report = check.run_checks(db)
    assert report.ok and "collateral_held" in report.checks_run
    with unit_of_work(db) as s:
        s.scalars(select(Loan).where(Loan.number == number)).one().collateral = 1
    with unit_of_work(db) as s:
        s.scalars(select(LoanCollateral)).one().returned_on = D(2025, 3, 1)
    problems = [p for p in check.run_checks(db).problems if p.check == "collateral_held"]
    assert len(problems) == 2
    assert "nilai agunan Rp1, jaminan yang disimpan Rp0" in problems[0].message()
    assert "tanpa surat serah terima" in problems[1].message()


def test_savings_and_journal_reversals_wait_for_their_approver(db, actor):
    from koperasi.services import ledger
    from koperasi.services.ledger import Line

    m = member(db, actor, 1)
    tx = savings.deposit(db, BUDI, m.number, "SUKARELA", 250_000, FEB3)
    entry = ledger.add_manual_entry(
        db,
        BUDI,
        FEB3,
        "Beli alat tulis",
        [Line("5.12", debit=40_000), Line("1.01", credit=40_000)],
    )
    lending_rules.save_rules(db, actor, LendingRules(four_eyes_reversal=True))
    with pytest.raises(ValidationError) as e:
        savings.reverse_transaction(db, BUDI, tx.id, FEB3, "salah anggota")
    assert e.value.code == "needs_second_user"
    with pytest.raises(ValidationError):
        ledger.reverse_entry(db, BUDI, entry.id, FEB3, "salah akun")
    r1 = approvals.request(db, BUDI, "savings_reversal", tx.id, FEB3, "salah anggota")
    r2 = approvals.request(db, BUDI, "entry_reversal", entry.id, FEB3, "salah akun")
    assert (r1.amount, r2.amount) == (250_000, 40_000)
    approvals.approve(db, ANI, r1.id)
    approvals.approve(db, ANI, r2.id)
    balances = {b.product_code: b.balance for b in savings_statements.member_balances(db, m.number)}
    assert balances["SUKARELA"] == 1_000_000
    with read_only(db) as s:
        from koperasi.services import ledger as ledger_service

        assert ledger_service.balance(s, "5.12") == 0
    ok(db)

"""Standing instructions on SQLite and PostgreSQL: wajib and installments debited from
sukarela on the run date with their receipts and balanced entries; a member whose sukarela is
short is skipped with the reason, listed in the run report, and nothing is posted for them;
a second run posts nothing twice; the month-end run executes them; who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select
from test_loans import disbursed, member, ok, product

from koperasi.db.models import JournalEntry, SavingsTransaction
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import ledger, savings, savings_statements
from koperasi.services import month_end as month_end_run
from koperasi.services import standing_instructions as si
from koperasi.services.auth import Actor, Role
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

D = dt.date
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)
KETUA = Actor("ketua-k01", Role.KETUA)


def _bal(db, member_no, code):
    return {
        b.product_code: b.balance for b in savings_statements.member_balances(db, member_no)
    }.get(code, 0)


def _entries(db):
    with read_only(db) as s:
        return s.scalar(select(func.count(JournalEntry.id)))


@pytest.fixture
def setup(db, actor):
    product(db, actor)
    a = member(db, actor, 1, sukarela=1_000_000)
    b = member(db, actor, 2, sukarela=20_000)
    loan = disbursed(db, actor, a)  # 3.000.000 over 6 months: 545.000 due on the 3rd
    si.add_instruction(db, actor, a.number, "wajib", start_on=D(2025, 2, 1))
    si.add_instruction(db, actor, a.number, "angsuran", start_on=D(2025, 2, 1))
    si.add_instruction(db, actor, b.number, "wajib", start_on=D(2025, 2, 1))
    return a, b, loan


def test_run_posts_what_is_due_and_skips_a_short_balance(db, actor, setup):
    a, b, loan = setup
    before_b = (_bal(db, b.number, "SUKARELA"), _bal(db, b.number, "WAJIB"))
    res = si.run(db, actor, D(2025, 3, 3))
    got = sorted((i.member_number, i.kind, i.status, i.amount) for i in res.items)
    assert got == [
        (a.number, "angsuran", "posted", 545_000),
        (a.number, "wajib", "posted", 50_000),
        (b.number, "wajib", "skipped", 50_000),
    ]
    skipped = res.skipped[0]
    assert skipped.reason == "short_balance" and skipped.available == 10_000  # 20.000 - min
    assert skipped.receipt_no is None and skipped.journal_entry_id is None
    assert "tersedia Rp10.000" in si.describe_skip(skipped)
    # nothing moved for B
    assert (_bal(db, b.number, "SUKARELA"), _bal(db, b.number, "WAJIB")) == before_b
    # A: 1.000.000 - 50.000 - 545.000 from sukarela; wajib 50.000; loan paid on its date
    assert _bal(db, a.number, "SUKARELA") == 405_000
    assert _bal(db, a.number, "WAJIB") == 50_000
    assert loan_views.get_loan(db, loan).row.principal_outstanding == 2_500_000
    wajib = next(i for i in res.posted if i.kind == "wajib")
    assert wajib.receipt_no.startswith("SMP-2025-")
    with read_only(db) as s:
        entry = ledger.entry_view(s, wajib.journal_entry_id)
        kinds = s.scalars(
            select(SavingsTransaction.kind).where(
                SavingsTransaction.journal_entry_id == wajib.journal_entry_id
            )
        ).all()
    assert entry.receipt_no == wajib.receipt_no
    assert {(ln.account_code, ln.debit, ln.credit) for ln in entry.lines} == {
        ("2.10", 50_000, 0),
        ("3.11", 0, 50_000),
    }
    assert sorted(kinds) == ["instruksi", "setor"]
    angsuran = next(i for i in res.posted if i.kind == "angsuran")
    assert angsuran.receipt_no.startswith("PJM-2025-")
    ok(db)

    # the same date again: nothing posted twice; B is still short and listed again
    n = _entries(db)
    again = si.run(db, actor, D(2025, 3, 3))
    assert [(i.member_number, i.status) for i in again.items] == [(b.number, "skipped")]
    assert _entries(db) == n

    # the run report lists executed and skipped instructions of the dates
    rep = si.run_report(db, D(2025, 3, 1), D(2025, 3, 31), PENGAWAS)
    assert [i.status for i in rep.items].count("posted") == 2
    assert [i.status for i in rep.items].count("skipped") == 2
    assert rep.posted_total == 595_000

    # April: 405.000 covers the wajib, then 345.000 left is short of the 545.000 installment
    april = si.run(db, actor, D(2025, 4, 3))
    got = sorted((i.member_number, i.kind, i.status, i.reason) for i in april.items)
    assert got == [
        (a.number, "angsuran", "skipped", "short_balance"),
        (a.number, "wajib", "posted", ""),
        (b.number, "wajib", "skipped", "short_balance"),
    ]
    assert loan_views.get_loan(db, loan).row.principal_outstanding == 2_500_000
    assert _bal(db, a.number, "SUKARELA") == 355_000
    ok(db)


def test_month_end_runs_the_instructions(db, actor, setup):
    a, b, loan = setup
    savings.deposit(db, actor, b.number, "SUKARELA", 100_000, D(2025, 3, 1))
    result = month_end_run.month_end(db, actor, D(2025, 3, 31))
    assert (result.standing_posted, result.standing_skipped) == (3, 0)
    rep = si.run_report(db, D(2025, 3, 31), D(2025, 3, 31))
    assert {i.trigger for i in rep.items} == {"month_end"}
    # the installment of 3 March is paid on the run date, with its late penalty
    ang = next(i for i in rep.items if i.kind == "angsuran")
    assert ang.amount > 545_000
    assert loan_views.get_loan(db, loan).row.principal_outstanding == 2_500_000
    assert _bal(db, b.number, "WAJIB") == 50_000
    ok(db)
    # month-end again: idempotent
    n = _entries(db)
    again = month_end_run.month_end(db, actor, D(2025, 3, 31))
    assert (again.standing_posted, again.standing_skipped) == (0, 0)
    assert _entries(db) == n


def test_instruction_rules_and_roles(db, actor, setup):
    a, b, loan = setup
    with pytest.raises(ValidationError) as e:
        si.add_instruction(db, actor, a.number, "wajib", start_on=D(2025, 2, 1))
    assert e.value.code == "si_duplicate"
    with pytest.raises(ValidationError) as e:
        si.add_instruction(db, actor, b.number, "angsuran", loan_no=loan, start_on=D(2025, 2, 1))
    assert e.value.code == "si_loan_not_members"
    with pytest.raises(ValidationError):
        si.add_instruction(db, actor, b.number, "pulsa", start_on=D(2025, 2, 1))
    with pytest.raises(PermissionDenied):
        si.run(db, PENGAWAS, D(2025, 3, 3))
    with pytest.raises(PermissionDenied):
        si.add_instruction(db, PENGAWAS, b.number, "angsuran", start_on=D(2025, 2, 1))
    with pytest.raises(PermissionDenied):
        si.list_instructions(db, KETUA)
    with pytest.raises(PermissionDenied):
        si.run_report(db, D(2025, 3, 1), D(2025, 3, 31), KETUA)
    assert len(si.list_instructions(db, PENGAWAS)) == 3
    # a stopped instruction no longer runs
    wajib_b = next(i for i in si.list_instructions(db) if i.member_number == b.number)
    si.stop_instruction(db, actor, wajib_b.id)
    res = si.run(db, actor, D(2025, 3, 3))
    assert b.number not in {i.member_number for i in res.items}
    assert _entries(db) > 0
    ok(db)

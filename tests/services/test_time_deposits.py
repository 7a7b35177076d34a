"""Time deposits (simpanan berjangka) on SQLite and PostgreSQL, against hand computations:
a year of month-end runs with maturities and roll-overs (principal only, principal and
interest, moved to sukarela), PPh final on deposit interest at and above Rp240.000, early
withdrawal with the product's penalty and the accrued interest forfeited, a withdrawal at
maturity, refusals that write nothing, and who may do what. ``koperasi check`` stays green."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input
from sqlalchemy import func, select

from koperasi.db.models import JournalEntry, JournalLine, TimeDepositEvent
from koperasi.errors import NotFound, PermissionDenied, ValidationError
from koperasi.services import ledger, member_exit, members, savings, savings_statements
from koperasi.services import month_end as month_end_run
from koperasi.services import time_deposit_products as td_products
from koperasi.services import time_deposit_reads as td_reads
from koperasi.services import time_deposit_runs as td_runs
from koperasi.services import time_deposit_withdrawals as td_withdrawals
from koperasi.services import time_deposits as td
from koperasi.services.auth import Actor, Role
from koperasi.services.check import run_checks
from koperasi.services.uow import read_only

D = dt.date
TODAY = D(2026, 6, 15)
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)
KETUA = Actor("ketua-k01", Role.KETUA, frozenset({999}))


YEAR_END = D(2025, 12, 31)


def _balance(db, code, as_of=YEAR_END):
    with read_only(db) as s:
        return ledger.balance(s, code, as_of)


def _sukarela(db, member_no, as_of=None):
    rows = savings_statements.member_balances(db, member_no, as_of)
    return next((r.balance for r in rows if r.kind == "sukarela"), 0)


def _ok(db):
    report = run_checks(db, anchor=False)
    assert report.ok, [p.message_en for p in report.problems]
    assert "time_deposits" in report.checks_run


def _entries_balance(db):
    with read_only(db) as s:
        bad = s.execute(
            select(JournalLine.entry_id)
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalEntry.source == td.SOURCE)
            .group_by(JournalLine.entry_id)
            .having(func.sum(JournalLine.debit) != func.sum(JournalLine.credit))
        ).all()
    assert bad == []


@pytest.fixture
def products(db, actor):
    return [
        td_products.save_product(
            db,
            actor,
            td.ProductInput(
                "B3", "Berjangka 3 bulan", 3, Decimal("6"), "bulanan", 1_000_000, Decimal("0.5")
            ),
        ),
        td_products.save_product(
            db,
            actor,
            td.ProductInput(
                "B6", "Berjangka 6 bulan", 6, Decimal("6"), "jatuh_tempo", 1_000_000, Decimal("1")
            ),
        ),
        td_products.save_product(
            db,
            actor,
            td.ProductInput(
                "B12",
                "Berjangka 12 bulan",
                12,
                Decimal("6"),
                "jatuh_tempo",
                5_000_000,
                Decimal("1"),
            ),
        ),
    ]


@pytest.fixture
def member(db, actor):
    m = members.register_member(db, actor, member_input())
    savings.deposit(db, actor, m.number, "SUKARELA", 5_000_000, D(2025, 1, 10))
    return m


def test_a_year_of_maturities_and_rollovers(db, actor, products, member):
    # D1: Rp10.000.000, 3 months, 6 % p.a. paid monthly (Rp50.000, no PPh), rolled over
    d1 = td.place(db, actor, member.number, "B3", 10_000_000, D(2025, 1, 15), instruction="aro")
    # D2: Rp60.000.000, 6 months, paid at maturity (Rp300.000 a month, PPh Rp30.000),
    # rolled over with its net interest
    d2 = td.place(
        db, actor, member.number, "b6", 60_000_000, D(2025, 1, 31), instruction="aro_plus"
    )
    # D3: Rp2.000.000 from sukarela, 3 months monthly (Rp10.000), to sukarela at maturity
    d3 = td.place(
        db,
        actor,
        member.number,
        "B3",
        2_000_000,
        D(2025, 2, 10),
        source="sukarela",
        instruction="sukarela",
    )
    assert d1.number == "SB-2025-00001" and d3.number == "SB-2025-00003"
    assert d1.maturity_on == D(2025, 4, 15) and d2.maturity_on == D(2025, 7, 31)
    assert _sukarela(db, member.number, D(2025, 2, 10)) == 3_000_000
    runs = [td_runs.run_month(db, actor, 2025, m, today=TODAY) for m in range(1, 13)]
    # D1: roll-overs in April, July, October; interest February..December
    v1 = td_reads.get_deposit(db, d1.number)
    assert (v1.principal, v1.rollovers, v1.status) == (10_000_000, 3, "aktif")
    assert (v1.term_start, v1.maturity_on) == (D(2025, 10, 15), D(2026, 1, 15))
    # D2: 1.800.000 interest less 180.000 PPh added on 31 Jul; the new term accrues
    # 61.620.000 x 0,5 % = 308.100 a month, August..December
    v2 = td_reads.get_deposit(db, d2.number)
    assert v2.principal == 60_000_000 + 1_800_000 - 180_000 == 61_620_000
    assert (v2.rollovers, v2.maturity_on, v2.accrued) == (1, D(2026, 1, 31), 5 * 308_100)
    assert v2.monthly_interest == 308_100
    # D3: Mar, Apr, May interest; on 10 May all of it moved to sukarela
    v3 = td_reads.get_deposit(db, d3.number)
    assert (v3.status, v3.closed_on, v3.principal) == ("selesai", D(2025, 5, 10), 0)
    assert sum(r.matured for r in runs) == 3 + 1 + 1
    assert sum(r.rolled_over for r in runs) == 4 and sum(r.closed for r in runs) == 1
    # the ledger against the hand computation
    assert _balance(db, "2.11") == 10_000_000 + 61_620_000
    assert _balance(db, "2.12") == 5 * 308_100
    assert _balance(db, "5.21") == 11 * 50_000 + 1_800_000 + 5 * 308_100 + 3 * 10_000
    assert _balance(db, "2.22") == 6 * 30_000
    assert _sukarela(db, member.number) == 5_000_000 + 11 * 50_000 + 3 * 10_000
    assert _balance(db, "2.10") == _sukarela(db, member.number)
    # the member's savings views include the deposits (numbers of the active ones)
    row = savings_statements.member_balances(db, member.number)[-1]
    assert (row.kind, row.balance) == ("berjangka", 71_620_000)
    assert row.account_number == f"{d1.number}, {d2.number}"
    assert (
        savings_statements.member_balances(db, member.number, D(2025, 2, 1))[-1].balance
        == 70_000_000
    )
    # runs again post nothing
    again = td_runs.run_month(db, actor, 2025, 12, today=TODAY)
    assert again.entries == 0 and again.matured == 0
    _entries_balance(db)
    _ok(db)
    # the maturity list of January 2026: D1 and D2, with what is still to come
    rows = td_reads.maturity_list(db, D(2026, 1, 1), D(2026, 1, 31), PENGAWAS)
    assert [r.number for r in rows] == [d1.number, d2.number]
    assert rows[0].interest_at_maturity == 50_000  # one month left
    assert rows[1].interest_at_maturity == 6 * 308_100


def test_loans_month_end_runs_the_deposits_once(db, actor, products, member):
    d = td.place(db, actor, member.number, "B3", 10_000_000, D(2025, 1, 15))
    first = month_end_run.month_end(db, actor, D(2025, 2, 28), today=TODAY)
    assert first.deposits.interest_gross == 50_000 and first.deposits.entries == 1
    again = month_end_run.month_end(db, actor, D(2025, 2, 28), today=TODAY)
    assert again.deposits.entries == 0
    assert [e.kind for e in td_reads.events(db, d.number)] == ["setor", "bunga"]
    _ok(db)


def test_pph_final_on_deposit_interest(db, actor, products, member):
    # 60.000.000 x 0,5 % = 300.000 > 240.000: 10 % withheld; 48.000.000 -> 240.000 exactly:
    # none; 48.200.000 -> 241.000: 24.100
    big = td.place(db, actor, member.number, "B3", 60_000_000, D(2025, 3, 1))
    edge = td.place(db, actor, member.number, "B3", 48_000_000, D(2025, 3, 1))
    above = td.place(db, actor, member.number, "B3", 48_200_000, D(2025, 3, 1))
    before = _sukarela(db, member.number)
    td_runs.run_month(db, actor, 2025, 4, today=TODAY)
    taxes = {
        n: [(e.gross, e.tax) for e in td_reads.events(db, n) if e.kind == "bunga"]
        for n in (big.number, edge.number, above.number)
    }
    assert taxes == {
        big.number: [(300_000, 30_000)],
        edge.number: [(240_000, 0)],
        above.number: [(241_000, 24_100)],
    }
    assert _balance(db, "2.22", D(2025, 4, 30)) == 30_000 + 24_100
    assert _sukarela(db, member.number) - before == 270_000 + 240_000 + 216_900
    statement = savings_statements.statement(
        db, member.number, "SUKARELA", D(2025, 4, 1), D(2025, 4, 30)
    )
    assert sorted(r.kind for r in statement.rows) == ["jasa", "jasa", "jasa", "pajak", "pajak"]
    # a deposit paid at maturity: the tax is withheld when the interest is paid
    acc = td.place(
        db, actor, member.number, "B6", 60_000_000, D(2025, 3, 1), instruction="sukarela"
    )
    for m in range(3, 10):
        td_runs.run_month(db, actor, 2025, m, today=TODAY)
    paid = [e for e in td_reads.events(db, acc.number) if e.kind == "bayar_bunga"]
    assert [(e.gross, e.tax) for e in paid] == [(1_800_000, 180_000)]
    assert _balance(db, "2.12", D(2025, 9, 30)) == 0
    _entries_balance(db)
    _ok(db)


def test_early_withdrawal_penalty_and_forfeited_interest(db, actor, products, member):
    # 24.000.000 for 12 months at 6 %: 120.000 accrued a month; penalty 1 % = 240.000
    d = td.place(db, actor, member.number, "B12", 24_000_000, D(2025, 1, 10))
    for m in range(1, 5):
        td_runs.run_month(db, actor, 2025, m, today=TODAY)
    assert td_reads.get_deposit(db, d.number).accrued == 3 * 120_000
    quote = td_withdrawals.withdraw_quote(db, d.number, D(2025, 5, 20))
    assert quote.early and quote.penalty == 240_000 and quote.forfeited == 4 * 120_000
    cash_before = _balance(db, "1.01", D(2025, 5, 20))
    w = td_withdrawals.withdraw(
        db, actor, d.number, D(2025, 5, 20), to="kas", reason="keperluan mendesak"
    )
    assert (w.early, w.penalty, w.forfeited, w.paid_out) == (True, 240_000, 480_000, 23_760_000)
    assert w.receipt_no and w.receipt_no.startswith("SMP-2025-")
    assert w.paid_out == quote.paid_out
    assert _balance(db, "1.01", D(2025, 5, 31)) == cash_before - 23_760_000
    assert _balance(db, "2.11", D(2025, 5, 31)) == 0
    assert _balance(db, "2.12", D(2025, 5, 31)) == 0
    assert _balance(db, "5.21", D(2025, 5, 31)) == 0  # the accruals are taken back
    assert _balance(db, "4.22", D(2025, 5, 31)) == 240_000
    v = td_reads.get_deposit(db, d.number)
    assert (v.status, v.closed_on, v.principal) == ("cair_awal", D(2025, 5, 20), 0)
    with pytest.raises(ValidationError) as err:
        td_withdrawals.withdraw(db, actor, d.number, D(2025, 5, 21))
    assert err.value.code == "td_not_active"
    # a monthly-paid deposit withdrawn early into sukarela: paid interest stays with the
    # member, the penalty (0,5 %) is taken from the principal
    m2 = td.place(db, actor, member.number, "B3", 10_000_000, D(2025, 6, 1))
    td_runs.run_month(db, actor, 2025, 6, today=TODAY)
    before = _sukarela(db, member.number)
    w2 = td_withdrawals.withdraw(db, actor, m2.number, D(2025, 7, 15), to="sukarela")
    # 1 Jul interest (50.000) posted first, then 10.000.000 - 50.000 penalty
    assert (w2.penalty, w2.forfeited, w2.paid_out) == (50_000, 0, 9_950_000)
    assert _sukarela(db, member.number) - before == 50_000 + 9_950_000
    _entries_balance(db)
    _ok(db)


def test_withdrawal_at_maturity_has_no_penalty(db, actor, products, member):
    d = td.place(db, actor, member.number, "B6", 60_000_000, D(2025, 1, 31), instruction="aro")
    for m in range(1, 7):
        td_runs.run_month(db, actor, 2025, m, today=TODAY)
    # the month-end of July has not run: the last month's interest comes with the payout
    w = td_withdrawals.withdraw(db, actor, d.number, D(2025, 8, 5), to="kas")
    assert (w.early, w.penalty, w.interest_paid, w.tax) == (False, 0, 1_800_000, 180_000)
    assert w.paid_out == 60_000_000 + 1_800_000 - 180_000
    assert td_reads.get_deposit(db, d.number).status == "selesai"
    assert td_runs.run_month(db, actor, 2025, 8, today=TODAY).matured == 0
    _ok(db)


def test_refusals_write_nothing(db, actor, products, member):
    with pytest.raises(ValidationError) as err:
        td.place(db, actor, member.number, "B12", 4_999_999, D(2025, 2, 1))
    assert err.value.code == "td_below_minimum" and "Rp5.000.000" in err.value.message("id")
    with pytest.raises(ValidationError) as err:  # sukarela keeps its Rp10.000 minimum
        td.place(db, actor, member.number, "B3", 4_995_000, D(2025, 2, 1), source="sukarela")
    assert err.value.code == "insufficient_balance"
    with pytest.raises(ValidationError) as err:
        td.place(db, actor, member.number, "B3", 2_000_000, D(2025, 2, 1), instruction="cair")
    assert err.value.field == "instruction"
    with pytest.raises(NotFound):
        td.place(db, actor, member.number, "B99", 2_000_000, D(2025, 2, 1))
    with pytest.raises(ValidationError) as err:
        td_products.save_product(db, actor, td.ProductInput("B0", "Nol", 0, Decimal("5")))
    assert err.value.field == "term_months"
    with pytest.raises(ValidationError):
        td_runs.run_month(db, actor, 2026, 6, today=TODAY)  # not ended
    with read_only(db) as s:
        assert s.scalar(select(func.count(TimeDepositEvent.id))) == 0
    assert td_reads.list_deposits(db) == []
    _ok(db)


def test_roles(db, actor, products, member):
    d = td.place(db, actor, member.number, "B3", 2_000_000, D(2025, 2, 1))
    with pytest.raises(PermissionDenied):
        td.place(db, PENGAWAS, member.number, "B3", 2_000_000, D(2025, 2, 1))
    with pytest.raises(PermissionDenied):
        td_withdrawals.withdraw(db, PENGAWAS, d.number, D(2025, 2, 2))
    with pytest.raises(PermissionDenied):
        td_products.save_product(
            db, Actor("bu-bendahara", Role.BENDAHARA), td.ProductInput("X", "X", 3, Decimal(5))
        )
    assert [v.number for v in td_reads.list_deposits(db, PENGAWAS)] == [d.number]
    assert td_reads.maturity_list(db, D(2025, 1, 1), D(2025, 12, 31), PENGAWAS)
    # a ketua kelompok sees only the deposits of members of their own groups
    assert td_reads.list_deposits(db, KETUA) == []
    with pytest.raises(PermissionDenied):
        td_reads.get_deposit(db, d.number, KETUA)
    with pytest.raises(PermissionDenied):
        td_reads.maturity_list(db, D(2025, 1, 1), D(2025, 12, 31), KETUA)


def test_member_with_active_deposit_cannot_leave(db, actor, products, member):
    d = td.place(db, actor, member.number, "B3", 2_000_000, D(2025, 2, 1))
    with pytest.raises(ValidationError) as err:
        member_exit.exit_member(db, actor, member.number, D(2025, 3, 1), "pindah")
    assert err.value.code == "td_active_at_exit" and d.number in err.value.message("id")
    assert members.get_member(db, member.number).status == "aktif"
    td_withdrawals.withdraw(db, actor, d.number, D(2025, 3, 1))
    member_exit.exit_member(db, actor, member.number, D(2025, 3, 1), "pindah")
    _ok(db)


def test_check_finds_a_deposit_out_of_step(db, actor, products, member):
    from sqlalchemy import update

    from koperasi.db.models import TimeDeposit
    from koperasi.services.uow import unit_of_work

    d = td.place(db, actor, member.number, "B3", 2_000_000, D(2025, 2, 1))
    with unit_of_work(db) as s:
        s.execute(update(TimeDeposit).where(TimeDeposit.number == d.number).values(principal=1))
    problems = [p for p in run_checks(db, anchor=False).problems if p.check == "time_deposits"]
    assert [p.ref for p in problems] == [f"time_deposits.number={d.number}"]
    with unit_of_work(db) as s:  # an event without its entry: 2.11 no longer matches
        s.add(TimeDepositEvent(deposit_id=1, date=D(2025, 2, 2), kind="setor", principal=5))
    refs = {p.ref for p in run_checks(db, anchor=False).problems if p.check == "time_deposits"}
    assert "accounts.code=2.11" in refs


def test_cancel_a_mistaken_placement(db, actor, products, member):
    d = td.place(db, actor, member.number, "B3", 2_000_000, D(2025, 2, 1), source="sukarela")
    assert _sukarela(db, member.number) == 3_000_000
    # the sukarela side alone cannot be reversed: the deposit would be left behind
    tx = savings_statements.statement(
        db, member.number, "SUKARELA", D(2025, 2, 1), D(2025, 2, 1)
    ).rows[0]
    with pytest.raises(ValidationError) as err:
        savings.reverse_transaction(db, actor, tx.id, D(2025, 2, 1), "salah")
    assert err.value.code == "td_reverse_here"
    with pytest.raises(ValidationError):
        td.cancel(db, actor, d.number, D(2025, 2, 1), " ")
    v = td.cancel(db, actor, d.number, D(2025, 2, 2), "salah anggota")
    assert (v.status, v.principal) == ("batal", 0)
    assert _sukarela(db, member.number) == 5_000_000
    assert _balance(db, "2.11", D(2025, 2, 28)) == 0
    _ok(db)
    # one that has earned interest is paid out instead
    d2 = td.place(db, actor, member.number, "B3", 2_000_000, D(2025, 2, 1))
    td_runs.run_month(db, actor, 2025, 3, today=TODAY)
    with pytest.raises(ValidationError) as err:
        td.cancel(db, actor, d2.number, D(2025, 3, 5), "salah")
    assert err.value.code == "td_not_cancellable"
    _ok(db)

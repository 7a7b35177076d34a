"""Several PCs on one database: real parallel processes against a real PostgreSQL server
(and the same on SQLite with BEGIN IMMEDIATE + busy timeout). Nobody overdraws, no
repayment is allocated twice, receipt numbers stay unique and gapless.

Also: an SQLite file on a network share is refused, pointing to docs/postgresql.md.
"""

from __future__ import annotations

import datetime as dt
import multiprocessing as mp
import re
from decimal import Decimal

import pytest
from helpers import member_input
from sqlalchemy import select

from koperasi.db.database import open_database
from koperasi.db.models import JournalEntry, LoanTransaction, SavingsTransaction
from koperasi.errors import Conflict, DatabaseProblem, KoperasiError, ValidationError
from koperasi.services import check, loan_products, members, savings, savings_statements
from koperasi.services.auth import SYSTEM
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

D = dt.date(2025, 4, 1)
WORKERS = 3
CTX = mp.get_context("fork")


def _url_or_path(request, tmp_path):
    if request.param == "sqlite":
        return str(tmp_path / "shared.db")
    return request.getfixturevalue("pg_url")


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def shared(request, tmp_path):
    """A database location that worker processes open themselves."""
    target = _url_or_path(request, tmp_path)
    db = open_database(target)
    yield target, db
    db.dispose()


def _run_workers(target, fn, args_list):
    """Start one process per args tuple; they wait on a barrier, then run at the same time."""
    barrier = CTX.Barrier(len(args_list))
    queue = CTX.Queue()
    procs = [CTX.Process(target=_worker, args=(fn, target, barrier, queue, a)) for a in args_list]
    for p in procs:
        p.start()
    results = [queue.get(timeout=180) for _ in procs]
    for p in procs:
        p.join(timeout=60)
        assert p.exitcode == 0
    errors = [r for r in results if isinstance(r, str)]
    assert not errors, errors
    return results


def _worker(fn, target, barrier, queue, args):
    try:
        db = open_database(target, seed=False)
        try:
            barrier.wait(timeout=60)
            queue.put(fn(db, *args))
        finally:
            db.dispose()
    except BaseException as exc:  # report, do not hang the parent
        import traceback

        queue.put(f"{type(exc).__name__}: {exc}\n{traceback.format_exc()}")


def _retrying(call):
    """What a treasurer does on 'please try again': try again."""
    for _ in range(50):
        try:
            return call()
        except Conflict:
            continue
    raise AssertionError("still conflicting after 50 tries")


def _withdraw_many(db, member_no, amount, times):
    ok, refused = [], 0
    for _ in range(times):
        try:
            v = _retrying(lambda: savings.withdraw(db, SYSTEM, member_no, "SUKARELA", amount, D))
            ok.append(v.receipt_no)
        except ValidationError as exc:
            assert exc.code in ("insufficient_balance", "insufficient_keep_minimum"), exc.code
            refused += 1
    return ok, refused


def _receipt_numbers(db, series="SMP", year=2025):
    with read_only(db) as s:
        nos = s.scalars(select(JournalEntry.receipt_no).where(JournalEntry.receipt_no.is_not(None)))
        return sorted(int(n.rsplit("-", 1)[1]) for n in nos if n.startswith(f"{series}-{year}-"))


def test_parallel_withdrawals_never_overdraw(shared):
    target, db = shared
    m = members.register_member(db, SYSTEM, member_input("Siti", 1))
    savings.deposit(db, SYSTEM, m.number, "SUKARELA", 250_000, D)
    db.dispose()
    # 3 processes x 5 withdrawals of 30,000 = 450,000 asked; 250,000 - 10,000 minimum can go
    results = _run_workers(target, _withdraw_many, [(m.number, 30_000, 5)] * WORKERS)
    paid = sum(len(ok) for ok, _ in results)
    assert paid == (250_000 - 10_000) // 30_000  # exactly 8 succeed, none too many
    assert sum(r for _, r in results) == WORKERS * 5 - paid
    balance = savings_statements.member_balances(db, m.number)[-1].balance
    assert balance == 250_000 - paid * 30_000 >= 10_000
    with read_only(db) as s:
        amounts = s.scalars(select(SavingsTransaction.amount)).all()
    assert sum(amounts) == balance
    # receipts: deposit + every withdrawal, unique and gapless
    assert _receipt_numbers(db) == list(range(1, paid + 2))
    report = check.run_checks(db)
    assert report.ok, [p.message("en") for p in report.problems]


def _deposit_many(db, numbers, times):
    got = []
    for i in range(times):
        number, amount = numbers[i % len(numbers)], 10_000 + i
        v = _retrying(lambda n=number, a=amount: savings.deposit(db, SYSTEM, n, "SUKARELA", a, D))
        got.append(v.receipt_no)
    return got, 0


def test_receipt_numbers_unique_and_gapless_under_concurrency(shared):
    target, db = shared
    numbers = [
        members.register_member(db, SYSTEM, member_input(f"A{n}", n)).number for n in range(1, 4)
    ]
    db.dispose()
    results = _run_workers(target, _deposit_many, [(numbers, 8)] * WORKERS)
    receipts = [r for got, _ in results for r in got]
    assert len(receipts) == len(set(receipts)) == WORKERS * 8
    assert all(re.fullmatch(r"SMP-2025-\d{6}", r) for r in receipts)
    assert _receipt_numbers(db) == list(range(1, WORKERS * 8 + 1))
    assert check.run_checks(db).ok


def product_of(db):
    loan_products.add_product(
        db,
        SYSTEM,
        loan_products.ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=10_000_000,
            min_term=3,
            max_term=24,
            fee_kind="none",
            limit_multiple=Decimal(5),
        ),
    )


def _repay_many(db, loan_no, amount, times):
    ok, refused = [], 0
    for _ in range(times):
        try:
            tx = _retrying(
                lambda: loan_repayments.repay(
                    db, SYSTEM, loan_no, amount, D + dt.timedelta(days=30)
                )
            )
            ok.append(tx.receipt_no)
        except KoperasiError:
            refused += 1
    return ok, refused


def test_parallel_loan_repayments_never_double_allocate(shared):
    target, db = shared
    product_of(db)
    m = members.register_member(db, SYSTEM, member_input("Siti", 1))
    savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, D)
    savings.deposit(db, SYSTEM, m.number, "SUKARELA", 1_000_000, D)
    la = loan_applications.apply(
        db, SYSTEM, loan_applications.ApplyInput(m.number, "UMUM", 1_000_000, 4, D, "Modal")
    )
    loan_applications.approve(db, SYSTEM, la.number, D)
    loan_applications.disburse(db, SYSTEM, la.number, D)
    db.dispose()
    scheduled = 1_000_000 + 4 * 15_000  # flat 1.5 % a month over 4 months
    # 3 processes x 4 repayments of 150,000 (1,800,000) for a loan of 1,060,000: as many
    # succeed as one treasurer alone could take (7); the rest would overpay and are refused
    results = _run_workers(target, _repay_many, [(la.number, 150_000, 4)] * WORKERS)
    receipts = [r for ok, _ in results for r in ok]
    assert len(receipts) == len(set(receipts)) == scheduled // 150_000
    with read_only(db) as s:
        txs = s.execute(
            select(LoanTransaction.amount, LoanTransaction.principal).where(
                LoanTransaction.kind == "angsuran"
            )
        ).all()
    assert len(txs) == len(receipts)
    assert sum(a for a, _ in txs) == 150_000 * len(receipts) <= scheduled
    detail = loan_views.get_loan(db, la.number)
    assert detail.row.principal_outstanding == 1_000_000 - sum(p for _, p in txs) >= 0
    assert _receipt_numbers(db, "PJM") == list(range(1, len(_receipt_numbers(db, "PJM")) + 1))
    report = check.run_checks(db)
    assert report.ok, [p.message("en") for p in report.problems]


def _payoff(db, loan_no):
    try:
        return [
            _retrying(
                lambda: (
                    loan_repayments.payoff(
                        db, SYSTEM, loan_no, D + dt.timedelta(days=40)
                    ).receipt_no
                )
            )
        ], 0
    except KoperasiError:
        return [], 1


def test_two_treasurers_paying_off_the_same_loan_only_one_succeeds(shared):
    target, db = shared
    product_of(db)
    m = members.register_member(db, SYSTEM, member_input("Siti", 1))
    savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, D)
    la = loan_applications.apply(
        db, SYSTEM, loan_applications.ApplyInput(m.number, "UMUM", 1_000_000, 4, D, "Modal")
    )
    loan_applications.approve(db, SYSTEM, la.number, D)
    loan_applications.disburse(db, SYSTEM, la.number, D)
    db.dispose()
    results = _run_workers(target, _payoff, [(la.number,)] * 2)
    assert sorted(len(ok) for ok, _ in results) == [0, 1]
    assert loan_views.get_loan(db, la.number).row.principal_outstanding == 0
    assert check.run_checks(db).ok


# ---------------------------------------------------------------- network shares


def test_sqlite_on_network_share_refused_pointing_to_postgresql_docs(tmp_path, monkeypatch):
    import koperasi.db.engine as eng

    share = tmp_path / "kantor"
    share.mkdir()
    mounts = tmp_path / "mounts"
    mounts.write_text(f"//nas/kantor {share} cifs rw 0 0\n/dev/sda1 / ext4 rw 0 0\n")
    real_path = eng.Path
    monkeypatch.setattr(
        eng, "Path", lambda p: real_path(mounts) if str(p) == "/proc/mounts" else real_path(p)
    )
    with pytest.raises(DatabaseProblem) as err:
        open_database(share / "koperasi.db")
    assert err.value.code == "db_network_share"
    for lang in ("id", "en"):
        assert "docs/postgresql.md" in err.value.message(lang)
    assert not (share / "koperasi.db").exists()
    # a local folder next to it is fine
    db = open_database(tmp_path / "lokal.db")
    db.dispose()
    from pathlib import Path

    assert "pg_dump" in (Path(__file__).parents[2] / "docs" / "postgresql.md").read_text()

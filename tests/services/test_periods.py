"""Period integrity on SQLite and PostgreSQL: a closed month (and every month before the latest
closed one) refuses postings on every write path with nothing written; months close in order;
only the latest closed month can be reopened; period jobs run only for a month that has
ended; no posting is dated after today."""

from __future__ import annotations

import datetime as dt
import time
from decimal import Decimal

import pytest
from helpers import member_input
from openpyxl import Workbook
from sqlalchemy import func, select, update

from koperasi.db.models import (
    AuditEntry,
    FiscalPeriod,
    JournalEntry,
    JournalLine,
    Loan,
    LoanTransaction,
    ReceiptCounter,
    SavingsTransaction,
)
from koperasi.errors import KoperasiError, PeriodClosed, ValidationError
from koperasi.exchange import run_import
from koperasi.services import (
    check,
    clock,
    closing,
    ledger,
    members,
    savings,
    savings_interest,
    savings_products,
    year_closing,
)
from koperasi.services import month_end as month_end_run
from koperasi.services.groups import GroupInput, create_group
from koperasi.services.ledger import Line
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import group_meeting
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import reversals as loan_reversals
from koperasi.services.uow import read_only, unit_of_work

D = dt.date
CLOSED_DAY = D(2025, 2, 14)  # in February 2025, closed below


def write_xlsx(path, headers, rows, title="Data"):  # type: ignore[no-untyped-def]
    wb = Workbook()
    ws = wb.active
    ws.title = title
    ws.append(headers)
    for r in rows:
        ws.append(r)
    wb.save(path)
    return path


def error_codes(rep) -> list[str]:  # type: ignore[no-untyped-def]
    return [e.code for e in rep.file_errors] + [e.error.code for e in rep.errors]


def snapshot(db) -> tuple:  # type: ignore[no-untyped-def]
    """Everything a posting could write: rows of the ledger, subledgers, audit, counters."""
    with read_only(db) as s:
        counts = tuple(
            s.scalar(select(func.count()).select_from(m))
            for m in (JournalEntry, JournalLine, SavingsTransaction, LoanTransaction, AuditEntry)
        )
        loans_ = tuple(s.execute(select(Loan.id, Loan.status).order_by(Loan.id)).all())
        counters = tuple(
            s.execute(
                select(ReceiptCounter.series, ReceiptCounter.year, ReceiptCounter.last_no).order_by(
                    ReceiptCounter.series, ReceiptCounter.year
                )
            ).all()
        )
        periods = tuple(
            s.execute(
                select(FiscalPeriod.year, FiscalPeriod.month, FiscalPeriod.status).order_by(
                    FiscalPeriod.year, FiscalPeriod.month
                )
            ).all()
        )
    return counts, loans_, counters, periods


def refused(db, fn, error=PeriodClosed):  # type: ignore[no-untyped-def]
    """``fn()`` raises ``error`` and leaves the database exactly as it was."""
    before = snapshot(db)
    with pytest.raises(error) as exc:
        fn()
    assert snapshot(db) == before
    return exc.value


@pytest.fixture
def books(db, actor):  # type: ignore[no-untyped-def]
    """Three members of group MWR from January 2025, savings, a loan repaid in March, an
    approved loan not yet disbursed, a manual expense; January to March 2025 closed."""
    create_group(db, actor, GroupInput("MWR", "Mawar"))
    add_product(
        db,
        actor,
        ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=10_000_000,
            min_term=3,
            max_term=24,
            limit_multiple=Decimal(10),
        ),
    )
    savings_products.update_product(db, actor, "SUKARELA", interest_rate_pa=Decimal(6))
    nos = []
    for n in (1, 2, 3):
        m = members.register_member(
            db, actor, member_input(name=f"Anggota {n}", n=n, join=D(2025, 1, 6), group_code="MWR")
        )
        savings.deposit(db, actor, m.number, "POKOK", 300_000, D(2025, 1, 6))
        savings.deposit(db, actor, m.number, "SUKARELA", 2_000_000, D(2025, 1, 6))
        nos.append(m.number)
    first = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(nos[0], "UMUM", 3_000_000, 6, D(2025, 2, 3), "Modal usaha"),
    )
    loan_applications.approve(db, actor, first.number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, first.number, D(2025, 2, 3))
    repayment = loan_repayments.repay(db, actor, first.number, 545_000, D(2025, 3, 3))
    second = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(nos[1], "UMUM", 1_000_000, 6, D(2025, 2, 10), "Warung"),
    )
    loan_applications.approve(db, actor, second.number, D(2025, 2, 10))
    expense = ledger.add_manual_entry(
        db, actor, D(2025, 2, 10), "ATK", [Line("5.12", debit=10_000), Line("1.01", credit=10_000)]
    )
    tx = savings.deposit(db, actor, nos[1], "SUKARELA", 100_000, D(2025, 2, 12))
    today = D(2025, 4, 20)
    for month in (1, 2, 3):
        closing.close_month(db, actor, 2025, month, today=today)
    return {
        "members": nos,
        "loan": first.number,
        "approved": second.number,
        "repayment": repayment,
        "expense": expense,
        "deposit": tx,
    }


def test_every_write_path_refuses_a_closed_month(db, actor, books, tmp_path):
    a, _b, c = books["members"]
    day = CLOSED_DAY
    err = refused(db, lambda: savings.deposit(db, actor, a, "SUKARELA", 50_000, day))
    assert err.params["period"] == "2025-02" and "2025-02" in err.message("id")
    refused(db, lambda: savings.withdraw(db, actor, a, "SUKARELA", 50_000, day))
    refused(db, lambda: loan_applications.disburse(db, actor, books["approved"], day))
    after_repayment = D(2025, 3, 20)  # still closed; after the loan's last event
    refused(db, lambda: loan_repayments.repay(db, actor, books["loan"], 100_000, after_repayment))
    refused(db, lambda: loan_repayments.payoff(db, actor, books["loan"], after_repayment))
    refused(
        db,
        lambda: group_meeting.post_group_meeting(db, actor, "MWR", day, [(a, 50_000, 10_000, 0)]),
    )
    refused(
        db,
        lambda: ledger.add_manual_entry(
            db, actor, day, "ATK", [Line("5.12", debit=5_000), Line("1.01", credit=5_000)]
        ),
    )
    # reversals dated in the closed month
    refused(
        db, lambda: ledger.reverse_entry(db, actor, books["expense"].id, D(2025, 3, 20), "salah")
    )
    refused(
        db,
        lambda: savings.reverse_transaction(db, actor, books["deposit"].id, D(2025, 3, 1), "x"),
    )
    refused(
        db,
        lambda: loan_reversals.reverse_repayment(
            db, actor, books["loan"], books["repayment"].receipt_no, D(2025, 3, 20), "salah"
        ),
    )
    # period jobs of a closed month
    refused(db, lambda: month_end_run.month_end(db, actor, D(2025, 3, 31)))
    refused(db, lambda: savings_interest.post_monthly_interest(db, actor, 2025, 3))
    # imports dated in the closed month: refused in the report, nothing written
    opening = write_xlsx(
        tmp_path / "saldo.xlsx",
        ["Nomor Anggota", "Produk Simpanan", "Kode Akun", "Saldo", "Per Tanggal"],
        [[None, None, "1.02", 1_000_000, "28/02/2025"]],
    )
    before = snapshot(db)
    rep = run_import(db, actor, "opening-balances", opening)
    assert not rep.ok and snapshot(db) == before
    assert "period_closed" in error_codes(rep), rep.error_lines()
    loan_rows = write_xlsx(
        tmp_path / "pinjaman.xlsx",
        [
            "Nomor Anggota",
            "Produk Pinjaman",
            "Plafon",
            "Jangka Waktu",
            "Tanggal Pencairan",
            "Tujuan Pinjaman",
            "Pokok Sudah Dibayar",
            "Bunga Sudah Dibayar",
            "Per Tanggal",
        ],
        [[c, "UMUM", 2_000_000, 6, "10/01/2025", "Warung", 0, 0, "28/02/2025"]],
        title="Pinjaman",
    )
    before = snapshot(db)
    rep = run_import(db, actor, "loans", loan_rows)
    assert not rep.ok and snapshot(db) == before
    assert "period_closed" in error_codes(rep), rep.error_lines()
    # the month after the closed ones takes postings; the books stay honest
    savings.deposit(db, actor, a, "SUKARELA", 50_000, D(2025, 4, 1))
    reversal = ledger.reverse_entry(db, actor, books["expense"].id, D(2025, 4, 2), "salah")
    assert reversal.date == D(2025, 4, 2)
    assert check.run_checks(db).ok


def test_a_month_before_a_later_closed_month_counts_as_closed(db, actor, books):
    """An old database whose months were closed out of order: April open, May closed."""
    with unit_of_work(db) as s:
        s.add(FiscalPeriod(year=2025, month=5, status="closed", note="lama"))
    a = books["members"][0]
    err = refused(db, lambda: savings.deposit(db, actor, a, "SUKARELA", 50_000, D(2025, 4, 10)))
    assert err.code == "period_closed_through"
    assert err.params["through"] == "2025-05" and "2025-05" in err.message("en")
    refused(db, lambda: loan_repayments.repay(db, actor, books["loan"], 100_000, D(2025, 4, 3)))
    # April can still be closed (in order); June takes postings
    closing.close_month(db, actor, 2025, 4, today=D(2025, 7, 1))
    savings.deposit(db, actor, a, "SUKARELA", 50_000, D(2025, 6, 2))
    assert check.run_checks(db).ok


def test_check_finds_a_posting_before_a_month_closed_earlier(db, actor, books):
    """What an old version let through: May closed first, then a deposit dated in April."""
    a = books["members"][0]
    time.sleep(1.1)  # posted_at keeps whole seconds
    tx = savings.deposit(db, actor, a, "SUKARELA", 50_000, D(2025, 4, 10))
    with unit_of_work(db) as s:
        # May was closed after everything else was posted, before the April deposit
        before = s.scalar(
            select(func.max(JournalEntry.posted_at)).where(JournalEntry.id != tx.journal_entry_id)
        )
        s.add(
            FiscalPeriod(
                year=2025,
                month=5,
                status="closed",
                closed_at=before,
                closed_by="lama",
                note="",
            )
        )
    report = check.run_checks(db)
    found = [p for p in report.problems if p.check == "closed_periods"]
    assert [p.ref for p in found] == [f"journal_entries.id={tx.journal_entry_id}"]


def test_a_closed_year_refuses_postings(db, actor, books):
    """A closed financial year counts as closed even where a month row says open."""
    year_closing.close_year(db, actor, 2025, today=D(2026, 1, 5))
    with unit_of_work(db) as s:
        s.execute(update(FiscalPeriod).where(FiscalPeriod.month == 12).values(status="open"))
    a = books["members"][0]
    err = refused(db, lambda: savings.deposit(db, actor, a, "SUKARELA", 5_000, D(2025, 12, 30)))
    assert err.params.get("through") == "2025-12" or err.params["period"] == "2025-12"


def test_months_close_in_order_and_only_the_latest_reopens(db, actor, books):
    today = D(2025, 8, 1)
    err = refused(db, lambda: closing.close_month(db, actor, 2025, 5, today=today), ValidationError)
    assert err.code == "earlier_month_open" and err.params["period"] == "2025-04"
    assert "2025-04" in err.message("id")
    closing.close_month(db, actor, 2025, 4, today=today)
    closing.close_month(db, actor, 2025, 5, today=today)
    # only the latest closed month (May) can be reopened, by an administrator, with a reason
    err = refused(db, lambda: closing.reopen_month(db, actor, 2025, 3, "koreksi"), ValidationError)
    assert err.code == "not_latest_closed" and err.params["latest"] == "2025-05"
    refused(db, lambda: closing.reopen_month(db, actor, 2025, 5, " "), ValidationError)
    view = closing.reopen_month(db, actor, 2025, 5, "Setoran terlewat")
    assert view.status == "open"
    savings.deposit(db, actor, books["members"][0], "SUKARELA", 5_000, D(2025, 5, 20))
    # April is the latest closed month now
    closing.reopen_month(db, actor, 2025, 4, "Koreksi April")
    closing.close_month(db, actor, 2025, 4, today=today)
    with read_only(db) as s:
        reasons = s.scalars(
            select(AuditEntry.after).where(AuditEntry.action == "period.reopen")
        ).all()
    assert len(reasons) == 2 and "Setoran terlewat" in reasons[0]
    assert check.run_checks(db).ok


def test_period_jobs_run_only_for_an_ended_month(db, actor, books):
    # on the last day of April, April has not ended
    last_day = D(2025, 4, 30)
    err = refused(
        db,
        lambda: month_end_run.month_end(db, actor, last_day, today=last_day),
        ValidationError,
    )
    assert err.code == "period_job_not_ended" and "2025-04" in err.message("id")
    refused(
        db,
        lambda: savings_interest.post_monthly_interest(db, actor, 2025, 4, today=last_day),
        ValidationError,
    )
    refused(db, lambda: closing.close_month(db, actor, 2025, 4, today=last_day), ValidationError)
    # the interest of this very month, dated at its end, is refused on today's date too
    now = dt.date.today()
    refused(
        db,
        lambda: savings_interest.post_monthly_interest(db, actor, now.year, now.month),
        ValidationError,
    )
    refused(db, lambda: month_end_run.month_end(db, actor, now), ValidationError)
    # the next day it has ended
    run = savings_interest.post_monthly_interest(db, actor, 2025, 4, today=D(2025, 5, 1))
    assert run.accounts == 3 and run.journal_entry_id is not None
    me = month_end_run.month_end(db, actor, last_day, today=D(2025, 5, 1))
    assert me.as_of == last_day
    assert check.run_checks(db).ok


def test_no_posting_after_today(db, actor, books):
    a = books["members"][0]
    tomorrow = dt.date.today() + dt.timedelta(days=1)
    err = refused(
        db,
        lambda: savings.deposit(db, actor, a, "SUKARELA", 50_000, tomorrow),
        ValidationError,
    )
    assert err.code == "posting_in_future" and err.field == "date"
    # a deposit dated in a later year takes no number of that year's receipt series
    next_year = D(dt.date.today().year + 1, 1, 5)
    refused(
        db, lambda: savings.deposit(db, actor, a, "SUKARELA", 50_000, next_year), ValidationError
    )
    with read_only(db) as s:
        years = set(s.scalars(select(ReceiptCounter.year)))
    assert next_year.year not in years
    refused(
        db,
        lambda: ledger.add_manual_entry(
            db, actor, tomorrow, "ATK", [Line("5.12", debit=5_000), Line("1.01", credit=5_000)]
        ),
        ValidationError,
    )
    refused(
        db,
        lambda: loan_repayments.repay(db, actor, books["loan"], 100_000, tomorrow),
        ValidationError,
    )
    # with a service's ``today`` in the past, "after today" is after that day
    with clock.pretend(D(2025, 4, 10)):
        refused(
            db,
            lambda: savings.deposit(db, actor, a, "SUKARELA", 5_000, D(2025, 4, 11)),
            ValidationError,
        )
        savings.deposit(db, actor, a, "SUKARELA", 5_000, D(2025, 4, 10))


def test_refusals_are_errors_the_user_reads(db, actor, books):
    """Every refusal is a KoperasiError with a message in both languages (no traceback)."""
    a = books["members"][0]
    for fn in (
        lambda: savings.deposit(db, actor, a, "SUKARELA", 5_000, CLOSED_DAY),
        lambda: savings.deposit(db, actor, a, "SUKARELA", 5_000, D(2999, 1, 1)),
        lambda: closing.close_month(db, actor, 2025, 6, today=D(2025, 9, 1)),
    ):
        with pytest.raises(KoperasiError) as exc:
            fn()
        assert exc.value.message("id") and exc.value.message("en")
        assert "{" not in exc.value.message("id") + exc.value.message("en")

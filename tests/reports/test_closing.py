"""Period closing: a closed month refuses postings; check stays green through close, reopen
and year-end; the year-end entry moves income and expenses to 3.90 exactly once."""

import datetime as dt

import pytest
from sqlalchemy import select

from koperasi.db.models import AuditEntry, JournalEntry
from koperasi.errors import PeriodClosed, PermissionDenied, ValidationError
from koperasi.services import (
    closing,
    ledger,
    savings,
    statement_cash_flow,
    statement_equity,
    statement_sheets,
    statements,
    year_closing,
)
from koperasi.services.auth import Actor, Role
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line
from koperasi.services.transaction_state import state
from koperasi.services.uow import read_only

MEMBER = "A00001"


def _check_ok(db):
    rep = run_checks(db)
    assert rep.ok, [p.message_en for p in rep.problems]


def close_through(db, actor, year, month):  # type: ignore[no-untyped-def]
    """Close the months in order, from the demo's first (October 2024) to ``year-month``."""
    y, m = 2024, 10
    while (y, m) <= (year, month):
        closing.close_month(db, actor, y, m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)


def test_closed_month_rejects_postings_and_reopen_is_audited(demo_db, actor):
    db = demo_db
    close_through(db, actor, 2026, 8)
    view = closing.close_month(db, actor, 2026, 9)
    assert view.status == "closed"
    # idempotent
    assert closing.close_month(db, actor, 2026, 9).status == "closed"
    with pytest.raises(PeriodClosed):
        savings.deposit(db, actor, MEMBER, "SUKARELA", 50_000, dt.date(2026, 9, 15))
    with pytest.raises(PeriodClosed):
        ledger.add_manual_entry(
            db,
            actor,
            dt.date(2026, 9, 30),
            "ATK",
            [Line("5.12", debit=10_000), Line("1.01", credit=10_000)],
        )
    # the month after is still open
    savings.deposit(db, actor, MEMBER, "SUKARELA", 50_000, dt.date(2026, 10, 1))
    _check_ok(db)

    with pytest.raises(ValidationError):
        closing.reopen_month(db, actor, 2026, 9, "  ")
    clerk = Actor("bendahara1", Role.BENDAHARA)
    with pytest.raises(PermissionDenied):
        closing.reopen_month(db, clerk, 2026, 9, "koreksi")
    reopened = closing.reopen_month(db, actor, 2026, 9, "Koreksi setoran yang terlewat")
    assert reopened.status == "open"
    savings.deposit(db, actor, MEMBER, "SUKARELA", 50_000, dt.date(2026, 9, 15))
    closing.close_month(db, actor, 2026, 9)
    _check_ok(db)
    with read_only(db) as s:
        actions = list(
            s.scalars(select(AuditEntry.action).where(AuditEntry.entity == "fiscal_period"))
        )
        reasons = list(
            s.scalars(select(AuditEntry.after).where(AuditEntry.action == "period.reopen"))
        )
    assert actions.count("period.close") == 25 and actions.count("period.reopen") == 1
    assert "Koreksi setoran yang terlewat" in reasons[0]


def test_month_not_ended_cannot_be_closed(demo_db, actor):
    with pytest.raises(ValidationError) as err:
        closing.close_month(demo_db, actor, 2026, 11, today=dt.date(2026, 11, 20))
    assert err.value.code == "period_not_ended"


def test_year_end_closing_moves_income_and_expenses_to_390(open_demo_db, actor):
    db = open_demo_db
    with read_only(db) as s:
        before = statement_sheets.income_statement_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        bs_before = statement_sheets.balance_sheet_in(
            s, dt.date(2025, 12, 31), dt.date(2024, 12, 31)
        )
    with pytest.raises(ValidationError) as err:
        closing.close_month(db, actor, 2025, 12)  # months close in order
    assert err.value.code == "earlier_month_open" and err.value.params["period"] == "2024-10"
    with pytest.raises(ValidationError) as err:
        year_closing.close_year(db, actor, 2025)  # 2024 has postings and is still open
    assert err.value.code == "earlier_year_open"
    first = year_closing.close_year(db, actor, 2024)
    result = year_closing.close_year(db, actor, 2025)
    assert result.surplus == before.surplus[0]
    assert result.income == before.total_income[0]
    assert result.expenses == before.total_expenses[0]
    again = year_closing.close_year(db, actor, 2025)
    assert again.already_closed and again.entry_id == result.entry_id
    with read_only(db) as s:
        closing_ids = list(
            s.scalars(select(JournalEntry.id).where(JournalEntry.source == "tutup_buku"))
        )
        assert len(closing_ids) == 2 and result.entry_id in closing_ids
        # income statement of the closed year is unchanged (closing entries left out)
        after = statement_sheets.income_statement_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        assert after.surplus == before.surplus
        # income and expense accounts are empty at year end; 3.90 holds the surplus
        bal = statements.balances(s, dt.date(2025, 12, 31))
        infos = statements.accounts(s)
        assert all(v == 0 for c, v in bal.items() if infos[c].type in ("income", "expense"))
        # 3.90 holds only 2025's result; 2024's (not shared out) moved to 3.91 at closing
        assert bal.get("3.90", 0) == result.surplus
        assert bal.get("3.91", 0) == first.surplus
        assert result.prior_moved == first.surplus
        bs = statement_sheets.balance_sheet_in(s, dt.date(2025, 12, 31), dt.date(2024, 12, 31))
        assert bs.balanced
        assert not any(x.code == "" and x.current for x in bs.equity)  # nothing left unclosed
        assert bs.total_equity == bs_before.total_equity
        assert bs.total_assets == bs_before.total_assets
    # every month of 2025 is closed
    assert [p.status for p in closing.periods(db, 2025)] == ["closed"] * 12
    with pytest.raises(PeriodClosed):
        savings.deposit(db, actor, MEMBER, "SUKARELA", 50_000, dt.date(2025, 4, 2))
    with pytest.raises(ValidationError) as err:
        closing.reopen_month(db, actor, 2025, 4, "koreksi")
    assert err.value.code == "year_closed"
    _check_ok(db)

    # reopen the year: the closing entry is reversed, the months stay closed
    year_closing.reopen_year(db, actor, 2025, "Koreksi beban listrik Desember")
    assert closing.closed_years(db) == [2024]
    with read_only(db) as s:
        assert year_closing.closing_entry_id(s, 2025) is None
        bal = statements.balances(s, dt.date(2025, 12, 31))
        assert bal.get("3.90", 0) == first.surplus
    _check_ok(db)
    closing.reopen_month(db, actor, 2025, 12, "Koreksi beban listrik Desember")
    ledger.add_manual_entry(
        db,
        actor,
        dt.date(2025, 12, 20),
        "Listrik Desember (susulan)",
        [Line("5.11", debit=125_000), Line("1.01", credit=125_000)],
    )
    second = year_closing.close_year(db, actor, 2025)
    assert second.surplus == result.surplus - 125_000
    _check_ok(db)


def test_year_not_ended_cannot_be_closed(demo_db, actor):
    with pytest.raises(ValidationError):
        year_closing.close_year(demo_db, actor, 2026, today=dt.date(2026, 11, 24))


def test_sums_from_prepared_dates_equal_the_journal(open_demo_db, actor):
    """statements.prepare reads the sums at some dates at once; every sum it answers
    (balances at those dates, ranges between them, with or without the closing entries)
    equals the one summed from the journal, closed years and an entry posted after later
    ones for an earlier day included; other dates still come from the journal; the
    statements built from them are the same."""
    db = open_demo_db
    ledger.add_manual_entry(  # posted last, dated back: its id is above later-dated entries
        db,
        actor,
        dt.date(2024, 3, 15),
        "ATK",
        [Line("5.12", debit=10_000), Line("1.01", credit=10_000)],
    )
    year_closing.close_year(db, actor, 2024)
    year_closing.close_year(db, actor, 2025)
    dates = [
        dt.date(2024, 9, 30),  # the book starts in October 2024 (and the entry above)
        dt.date(2024, 12, 31),
        dt.date(2025, 6, 30),
        dt.date(2025, 12, 31),
        dt.date(2026, 10, 31),
        dt.date(2030, 1, 1),  # nothing after it
    ]
    other = dt.date(2025, 3, 31)  # not prepared
    keys = [
        (to, frm, excl)
        for to in [None, other, *dates]
        for frm in [None, other, *(d + dt.timedelta(days=1) for d in dates)]
        for excl in ((), (statements.CLOSING_SOURCE,), ("simpanan",))
    ]

    def nonzero(sums):  # type: ignore[no-untyped-def]
        return {code: v for code, v in sums.items() if v != (0, 0)}

    def everything(s):  # type: ignore[no-untyped-def]
        return (
            [nonzero(statements.sums(s, to, frm, excl)) for to, frm, excl in keys],
            statement_sheets.balance_sheet_in(s, dt.date(2025, 12, 31), dt.date(2024, 12, 31)),
            statement_sheets.income_statement_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            statement_cash_flow.cash_flow_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
            statement_equity.equity_changes_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31)),
        )

    with read_only(db) as s:
        expected = everything(s)
    with read_only(db) as s:
        statements.prepare(s, dates)
        assert set(state(s).ledger_sums[statements.AFTER]) == set(dates)
        got = everything(s)
    assert got == expected
    assert all(expected[0][keys.index((d, None, ()))] for d in dates)  # lines before each


def test_cash_flow_counterparts_equal_a_plain_count_of_the_journal(open_demo_db, actor):
    """The cash flow's counterpart sums (found by entry id range, then dated) equal those
    counted line by line, with an entry posted last for a day of the previous year."""
    from koperasi.db.models import Account, JournalLine

    db = open_demo_db
    ledger.add_manual_entry(
        db,
        actor,
        dt.date(2024, 12, 20),
        "ATK",
        [Line("5.12", debit=10_000), Line("1.01", credit=10_000)],
    )
    with read_only(db) as s:
        rows = s.execute(
            select(
                JournalEntry.id,
                JournalEntry.date,
                Account.code,
                JournalLine.debit,
                JournalLine.credit,
            )
            .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .join(Account, Account.id == JournalLine.account_id)
        ).all()
        infos = statements.accounts(s)
        cash = statement_cash_flow.cash_codes(infos)
        flow = statement_cash_flow.cash_flow_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))

    def counted(start, end):  # type: ignore[no-untyped-def]
        touching = {e for e, d, code, _dr, _cr in rows if start <= d <= end and code in cash}
        out: dict[str, tuple[int, int]] = {}
        for e, _d, code, dr, cr in rows:
            if e in touching and code not in cash:
                d0, c0 = out.get(code, (0, 0))
                out[code] = (d0 + dr, c0 + cr)
        return out

    cur = counted(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    prev = counted(dt.date(2024, 1, 1), dt.date(2024, 12, 31))
    assert prev.get("5.12", (0, 0))[0] >= 10_000  # the late entry counts in its own year
    expected = {}
    for code in set(cur) | set(prev):
        cd, cc = cur.get(code, (0, 0))
        pd, pc = prev.get(code, (0, 0))
        if cc or pc:
            expected[(code, "in")] = (cc, pc)
        if cd or pd:
            expected[(code, "out")] = (-cd, -pd)
    assert {(x.code, x.direction): (x.current, x.previous) for x in flow.lines} == expected
    assert expected

"""The sums a report prepares at once (statements.prepare, entry ids per day) equal the
journal's, on SQLite and on PostgreSQL, with an entry posted after later-dated ones."""

import datetime as dt

from koperasi.reports.common import ReportParams
from koperasi.reports.registry import build
from koperasi.services import ledger, shu, statement_cash_flow, statements
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only


def _post(db, actor, date, debit, credit, amount):  # type: ignore[no-untyped-def]
    ledger.add_manual_entry(
        db, actor, date, "uji", [Line(debit, debit=amount), Line(credit, credit=amount)]
    )


def test_prepared_sums_cash_flow_and_rat_on_both_databases(db, actor):
    _post(db, actor, dt.date(2024, 5, 1), "1.01", "4.10", 100_000)
    _post(db, actor, dt.date(2025, 2, 1), "5.12", "1.01", 30_000)
    _post(db, actor, dt.date(2025, 6, 1), "5.12", "4.10", 5_000)  # touches no cash
    _post(db, actor, dt.date(2026, 1, 5), "1.01", "4.10", 1_000)
    _post(db, actor, dt.date(2024, 12, 20), "5.12", "1.01", 7_000)  # posted last, dated back
    dates = [dt.date(2023, 12, 31), dt.date(2024, 12, 31), dt.date(2025, 12, 31)]
    keys = [
        (to, frm, excl)
        for to in [None, dt.date(2025, 3, 31), *dates]
        for frm in [None, *(d + dt.timedelta(days=1) for d in dates)]
        for excl in ((), (statements.CLOSING_SOURCE,))
    ]

    def nonzero(sums):  # type: ignore[no-untyped-def]
        return {code: v for code, v in sums.items() if v != (0, 0)}

    with read_only(db) as s:
        expected = [nonzero(statements.sums(s, *k)) for k in keys]
    with read_only(db) as s:
        statements.prepare(s, dates)
        assert [nonzero(statements.sums(s, *k)) for k in keys] == expected
        assert statements.entry_id_range(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        assert statements.entry_id_range(s, dt.date(2027, 1, 1), None) is None
        flow = statement_cash_flow.cash_flow_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert expected[keys.index((dt.date(2024, 12, 31), None, ()))]["5.12"] == (7_000, 0)
    assert {(x.code, x.direction): (x.current, x.previous) for x in flow.lines} == {
        ("4.10", "in"): (0, 100_000),
        ("5.12", "out"): (-30_000, -7_000),
    }
    assert flow.closing == (100_000 - 30_000 - 7_000, 100_000 - 7_000)
    data = build(db, "rat", ReportParams(year=2025))
    assert data.sections
    assert shu.plan(db, 2025).total_interest == 0  # no member lines on 4.10

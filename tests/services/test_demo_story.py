"""The demo cooperative tells a true story (issue 16): the session's demo (fixed seed, as of
31 October 2026) is a sound, profitable KSP whose books a careful treasurer kept: every
month before the last one closed, every past year closed with its SHU shared through the
ledger, and the last month left for the treasurer's month-end."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from koperasi.db.database import open_database
from koperasi.db.models import JournalEntry, JournalLine
from koperasi.demo.builder import default_as_of
from koperasi.services import check, closing, health, shu, statements, ui_queries, year_closing
from koperasi.services.uow import read_only

AS_OF = dt.date(2026, 10, 31)  # tests/conftest.py demo_db_path


@pytest.fixture(scope="module")
def demo(demo_db_path):  # type: ignore[no-untyped-def]
    db = open_database(demo_db_path)
    yield db
    db.dispose()


def test_default_as_of_is_the_last_day_of_the_previous_month():
    assert default_as_of(dt.date(2026, 12, 2)) == dt.date(2026, 11, 30)
    assert default_as_of(dt.date(2027, 1, 1)) == dt.date(2026, 12, 31)
    assert default_as_of(dt.date(2026, 3, 31)) == dt.date(2026, 2, 28)


def test_the_demo_passes_koperasi_check(demo):
    report = check.run_checks(demo)
    assert report.ok, report


def test_every_month_before_the_last_is_closed_and_the_last_is_left_open(demo):
    with read_only(demo) as s:
        first = statements.first_and_last_entry_date(s)[0]
    assert first == dt.date(2025, 1, first.day)  # whole financial years
    status = {(p.year, p.month): p.status for p in closing.periods(demo)}
    y, m = first.year, first.month
    while (y, m) < (AS_OF.year, AS_OF.month):
        assert status.get((y, m)) == "closed", (y, m)
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    assert status.get((AS_OF.year, AS_OF.month), "open") == "open"

    # its month-end (PPAP) and savings interest are the treasurer's to run
    def period_jobs(day: dt.date) -> list[str]:
        with read_only(demo) as s:
            texts = s.scalars(
                select(JournalEntry.description).where(JournalEntry.date == day)
            ).all()
        return sorted(t for t in texts if "PPAP" in t or "Jasa simpanan" in t)

    assert len(period_jobs(dt.date(2026, 9, 30))) == 2  # September's were run
    assert period_jobs(AS_OF) == []


def test_every_past_year_is_closed_with_a_positive_shu_distributed(demo):
    years = closing.closed_years(demo)
    assert years == [2025]
    for year in years:
        p = shu.plan(demo, year)
        assert p.year_closed and p.surplus > 0
        assert p.business.non_member_income > 0  # jasa giro from the bank
        assert p.to_members > 0 and len(p.members) > 10
        with read_only(demo) as s:
            entry_id = year_closing.shu_distribution_entry_id(s, year)
            assert entry_id is not None
            entry = s.get(JournalEntry, entry_id)
            assert entry is not None and entry.date.year == year + 1
            # the members' shares to Hutang SHU, one line per member, all of the members' SHU
            owed = s.scalar(
                select(func.coalesce(func.sum(JournalLine.credit), 0)).where(
                    JournalLine.entry_id == entry_id, JournalLine.member_id.is_not(None)
                )
            )
        assert owed == p.to_members
        # paid out in cash at the RAT
        assert all(m.paid == m.total for m in p.members)


def test_the_dashboard_shows_a_profitable_sound_cooperative(demo):
    d = ui_queries.dashboard(demo, AS_OF)
    assert d.surplus_ytd > 0
    assert d.loan_figures.par30 < 10
    with read_only(demo) as s:
        b = statements.balances(s, AS_OF)
        infos = statements.accounts(s)
    assets = sum(v for c, v in b.items() if infos[c].type == "asset")
    # the share of the financial assets (the office's fixed assets, 1.3x, left out)
    financial = assets - sum(v for c, v in b.items() if c.startswith("1.3"))
    assert d.loans_outstanding == b["1.20"]
    assert 0.60 <= d.loans_outstanding / financial <= 0.80
    assert b["1.01"] / assets < 0.10  # little cash in the office; the rest in the bank
    assert b.get("1.02", 0) > b["1.01"]
    ratios = {r.key: r for r in health.health(demo, AS_OF).ratios}
    assert ratios["loans_to_productive"].rating == "sehat"


def test_every_closed_year_and_this_one_has_a_positive_shu(demo):
    with read_only(demo) as s:
        for year in (2025, 2026):
            start, end = statements.fiscal_year_bounds(year)
            split = statements.business_split(s, start, min(end, AS_OF))
            assert split.surplus > 0, year


def test_last_years_rat_was_held_with_its_records(demo):
    """The RAT of 2025 (March 2026) left its register, attendance, governance answers and
    the RAPB of 2026, so the RAT book of 2025 and this year's budget against actual work."""
    from koperasi.domain.health_rating import QUESTIONS
    from koperasi.services.rat import budget, records

    officers = records.list_officers(demo)
    assert {o.body for o in officers} == {"pengurus", "pengawas", "karyawan"}
    assert all(o.term_start.year == 2026 and o.term_end.year == 2029 for o in officers)
    meeting = records.get_meeting(demo, 2025)
    assert meeting.held_on is not None and meeting.held_on.year == 2026
    assert meeting.members_present > meeting.members_entitled // 2  # quorum: more than half
    assert set(records.get_answers(demo, 2025)) == set(QUESTIONS)
    plan = budget.get_budget(demo, 2026)
    assert plan and all(v > 0 and v % 100_000 == 0 for v in plan.values())
    assert "4.10" in plan  # interest on members' loans, the main income

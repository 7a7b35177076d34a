"""The unit of work records what its transaction changed, from what was written, and hands
it over only when the transaction commits; its caches are one typed state per session."""

import datetime as dt

import pytest
from helpers import member_input
from sqlalchemy import select, update

from koperasi.db import sealing
from koperasi.db.models import Group, Member, Setting
from koperasi.errors import ValidationError
from koperasi.services import ledger, members, savings, statements
from koperasi.services.changes import TABLE_AREAS, Area, collect_changes
from koperasi.services.transaction_state import (
    TransactionState,
    record_change,
    restore,
    snapshot,
    state,
)
from koperasi.services.uow import read_only, unit_of_work

D = dt.date(2025, 3, 10)


@pytest.fixture
def member(db, actor):
    return members.register_member(db, actor, member_input())


def test_every_table_has_its_area_or_is_named_as_none():
    from koperasi.db.models import Base

    assert set(Base.metadata.tables) - set(TABLE_AREAS) == {"receipt_counters"}


def test_a_deposit_records_savings_ledger_and_audit(db, actor, member):
    with collect_changes() as changed:
        savings.deposit(db, actor, member.number, "SUKARELA", 1_250_000, D)
    assert changed == {Area.SAVINGS, Area.LEDGER, Area.AUDIT}


def test_registering_a_member_records_members(db, actor):
    with collect_changes() as changed:
        members.register_member(db, actor, member_input())
    assert Area.MEMBERS in changed and Area.AUDIT in changed


def test_a_refused_write_reports_nothing(db, actor, member):
    with collect_changes() as changed, pytest.raises(ValidationError):
        savings.deposit(db, actor, member.number, "SUKARELA", -5, D)
    assert changed == set()


def test_a_rolled_back_transaction_reports_nothing(db, actor, member):
    with collect_changes() as changed, pytest.raises(RuntimeError), unit_of_work(db) as s:
        s.execute(update(Member).values(phone="0812"))  # a Core statement
        s.add(Group(code="G-X", name="Kelompok X"))
        s.flush()  # an ORM flush
        assert state(s).changes == {Area.MEMBERS, Area.GROUPS}
        raise RuntimeError("stop")
    assert changed == set()


def test_orm_flushes_and_core_statements_are_recorded(db):
    with collect_changes() as changed:
        with unit_of_work(db) as s:
            s.add(Group(code="G-Y", name="Kelompok Y"))
        with unit_of_work(db) as s:
            s.execute(update(Setting).where(Setting.key == "nothing-such").values(value="1"))
    assert changed == {Area.GROUPS, Area.SETTINGS}


def test_a_read_only_session_records_none(db, actor, member):
    savings.deposit(db, actor, member.number, "SUKARELA", 10_000, D)
    with collect_changes() as changed, read_only(db) as s:
        assert state(s).read_only
        s.scalars(select(Member)).all()
        statements.sums(s, D)
        assert state(s).changes == set()
    assert changed == set()


def test_a_change_that_is_no_table_write_is_recorded_by_its_service(db):
    with collect_changes() as changed, unit_of_work(db) as s:
        record_change(s, Area.SETTINGS)
    assert changed == {Area.SETTINGS}


def test_nothing_is_collected_outside_a_block_and_blocks_nest(db):
    with unit_of_work(db) as s:  # no collector: nothing to hand over, nothing fails
        s.add(Group(code="G-Z", name="Kelompok Z"))
    with collect_changes() as outer:
        with collect_changes() as inner, unit_of_work(db) as s:
            s.add(Group(code="G-W", name="Kelompok W"))
        assert inner == {Area.GROUPS}
        with unit_of_work(db) as s:
            record_change(s, Area.RAT)
    assert outer == {Area.GROUPS, Area.RAT}


def test_a_savepoint_rolled_back_takes_its_changes_and_caches_with_it(db, actor, member):
    with unit_of_work(db) as s:
        ledger.account_ids(s, {"1.01"})
        saved = snapshot(s)
        with pytest.raises(RuntimeError), s.begin_nested():
            s.add(Group(code="G-V", name="Kelompok V"))
            s.flush()
            ledger.account_ids(s, {"2.10"})
            state(s).period_override.add((2025, 1))
            raise RuntimeError("row refused")
        restore(s, saved)
        st = state(s)
        assert st.changes == set()
        assert set(st.account_ids) == {"1.01"} and st.period_override == set()


def test_the_chain_heads_are_the_sealing_modules_and_a_rollback_forgets_them(db):
    with pytest.raises(LookupError), unit_of_work(db) as s:
        sealing.note_head(s, "entry", 1, "abc")
        assert sealing.last_head(s, "entry") == "abc"
        assert sealing.writing_entries(s)
        saved = snapshot(s)
        with pytest.raises(RuntimeError), s.begin_nested():
            sealing.note_head(s, "audit", 2, "def")
            raise RuntimeError("row refused")
        assert sealing.last_head(s, "entry") is None  # the rollback forgot the cached heads
        restore(s, saved)
        assert sealing.last_head(s, "entry") == "abc" and sealing.last_head(s, "audit") is None
        assert sealing.chain_state(s).hooked  # the hooks stay on the session
        raise LookupError("nothing of this is committed")


def test_posting_forgets_the_prepared_sums_through_their_owner(db, actor, member):
    with unit_of_work(db) as s:
        statements.prepare(s, [D])
        assert statements.prepared_at(s, D)
        ledger.post(
            s,
            actor,
            D,
            "test",
            [ledger.Line("1.01", 100, 0), ledger.Line("2.10", 0, 100)],
            source="manual",
        )
        assert not statements.prepared_at(s, D)
        assert state(s).ledger_sums == {}


def test_state_is_one_typed_object_per_session(db):
    with unit_of_work(db) as s:
        st = state(s)
        assert isinstance(st, TransactionState) and state(s) is st
        assert not any(isinstance(k, str) for k in s.info)

"""Time-deposit placements have their own plausibility ceiling (issue 17): the savings floor
(Rp10.000.000) is below most deposits, so ``berjangka`` starts at Rp500.000.000; above it a
placement needs ``confirm_large`` and a refusal writes nothing; the ceiling can be set in
Pengaturan like the others. On SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input
from sqlalchemy import func, select

from koperasi.db.models import JournalEntry, TimeDeposit
from koperasi.errors import ValidationError
from koperasi.services import members, plausibility
from koperasi.services import time_deposit_products as td_products
from koperasi.services import time_deposits as td
from koperasi.services.check import run_checks
from koperasi.services.uow import read_only

D = dt.date(2025, 3, 10)


def counts(db) -> tuple[int, int]:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return (
            s.scalar(select(func.count()).select_from(JournalEntry)),
            s.scalar(select(func.count()).select_from(TimeDeposit)),
        )


@pytest.fixture
def member(db, actor):
    td_products.save_product(
        db,
        actor,
        td.ProductInput(
            "B12", "Berjangka 12 bulan", 12, Decimal("6"), "jatuh_tempo", 1_000_000, Decimal("1")
        ),
    )
    return members.register_member(db, actor, member_input(join=dt.date(2025, 1, 6)))


def ceiling(db):  # type: ignore[no-untyped-def]
    return next(c for c in plausibility.ceilings(db) if c.kind == plausibility.TIME_DEPOSIT)


def test_own_kind_with_its_own_default(db, actor, member):
    c = ceiling(db)
    assert (c.derived, c.effective, c.samples) == (500_000_000, 500_000_000, 0)
    assert (c.label, c.label_en) == ("penempatan simpanan berjangka", "time deposit placement")
    # far above the savings deposits' floor, yet no question: deposits are large
    td.place(db, actor, member.number, "B12", 250_000_000, D)
    td.place(db, actor, member.number, "B12", 500_000_000, D)  # at the ceiling
    assert counts(db)[1] == 2
    plausibility.forget(db)
    c = ceiling(db)
    assert c.samples == 2 and c.typical == 500_000_000
    assert c.derived == 2_500_000_000  # 5 x the largest so far
    assert run_checks(db, anchor=False).ok


def test_above_the_ceiling_refused_then_confirmed(db, actor, member):
    before = counts(db)
    with pytest.raises(ValidationError) as err:
        td.place(db, actor, member.number, "B12", 750_000_000, D)
    e = err.value
    assert (e.code, e.field) == ("amount_implausible_new", "amount")
    text = e.message("id")
    assert "Rp750.000.000" in text and "Rp500.000.000" in text
    assert "penempatan simpanan berjangka" in text
    assert "time deposit placement" in e.message("en")
    assert counts(db) == before, "a refusal writes nothing"
    v = td.place(db, actor, member.number, "B12", 750_000_000, D, confirm_large=True)
    assert v.principal == 750_000_000
    assert counts(db) == (before[0] + 1, before[1] + 1)
    assert run_checks(db, anchor=False).ok


def test_other_errors_come_first(db, actor, member):
    with pytest.raises(ValidationError) as err:  # from sukarela, which is empty
        td.place(db, actor, member.number, "B12", 900_000_000, D, source="sukarela")
    assert err.value.code == "insufficient_balance"


def test_ceiling_settable_like_the_others(db, actor, member):
    out = plausibility.set_ceilings(db, actor, {plausibility.TIME_DEPOSIT: 100_000_000})
    c = next(c for c in out if c.kind == "berjangka")
    assert (c.override, c.effective) == (100_000_000, 100_000_000)
    with pytest.raises(ValidationError) as err:
        td.place(db, actor, member.number, "B12", 150_000_000, D)
    assert "Rp100.000.000" in err.value.message("id")
    td.place(db, actor, member.number, "B12", 90_000_000, D)
    # a savings deposit of the same member keeps its own ceiling
    from koperasi.services import savings

    with pytest.raises(ValidationError):
        savings.deposit(db, actor, member.number, "SUKARELA", 20_000_000, D)
    out = plausibility.set_ceilings(db, actor, {"berjangka": None})
    assert next(c for c in out if c.kind == "berjangka").effective == 500_000_000

"""The demo cooperative's time deposits: three products (3, 6 and 12 months) and a handful of
deposits placed before the loans' month-end runs, so that the month-ends pay their interest
and handle their maturities: one matured and rolled over (twice), one matured and moved to
sukarela, one rolled over with its interest still running, one maturing soon, one from
sukarela, and one withdrawn early with its penalty."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from sqlalchemy import select

from ..db.database import Database
from ..db.models import Member
from ..domain.schedule import add_months
from ..domain.vocabulary import MemberStatus
from ..services.auth import Actor
from ..services.uow import read_only

PRODUCTS = (
    ("B3", "Simpanan Berjangka 3 Bulan", 3, "4.5", "bulanan", 1_000_000, "0.5"),
    ("B6", "Simpanan Berjangka 6 Bulan", 6, "5", "jatuh_tempo", 1_000_000, "1"),
    ("B12", "Simpanan Berjangka 12 Bulan", 12, "6", "jatuh_tempo", 5_000_000, "1"),
)
# months before the demo's date placed, product, amount, source, instruction, withdrawn
# (months before the demo's date, or None)
DEPOSITS = (
    (14, "B6", 10_000_000, "kas", "aro", None),  # matured twice, rolled over each time
    (7, "B3", 5_000_000, "kas", "sukarela", None),  # matured, moved to sukarela
    (9, "B6", 7_500_000, "kas", "aro_plus", None),  # rolled over with its interest
    (10, "B12", 6_000_000, "kas", "aro", None),  # matures in two months
    (2, "B3", 1_000_000, "sukarela", "aro", None),  # from sukarela, matures next month
    (5, "B6", 4_000_000, "kas", "aro", 1),  # paid out early: penalty, interest forfeited
)


def add_demo_deposits(db: Database, start: dt.date, as_of: dt.date, actor: Actor) -> int:
    """Products and deposits of the demo (dated from ``start`` to ``as_of``); returns the
    number of deposits placed. Placed from the members with the lowest numbers who had
    joined a month before and are still active."""
    from ..services import time_deposit_products as td_products
    from ..services import time_deposit_withdrawals as td_withdrawals
    from ..services import time_deposits as td
    from ..services.savings_statements import member_balances

    for code, name, term, rate, payout, minimum, penalty in PRODUCTS:
        td_products.save_product(
            db,
            actor,
            td.ProductInput(code, name, term, Decimal(rate), payout, minimum, Decimal(penalty)),
        )
    with read_only(db) as s:
        people = s.execute(
            select(Member.number, Member.join_date)
            .where(Member.status == MemberStatus.ACTIVE)
            .order_by(Member.number)
        ).all()
    placed, used = 0, set()
    for months, code, amount, source, instruction, withdrawn in DEPOSITS:
        day = add_months(as_of.replace(day=1), -months) + dt.timedelta(days=9)
        if day < start:
            continue
        for number, joined in people:
            if number in used or joined > day - dt.timedelta(days=31):
                continue
            if source == "sukarela":
                rows = member_balances(db, number, day)
                if sum(r.balance for r in rows if r.kind == "sukarela") < amount + 100_000:
                    continue
            used.add(number)
            view = td.place(
                db, actor, number, code, amount, day, source=source, instruction=instruction
            )
            placed += 1
            if withdrawn is not None:
                out = add_months(as_of.replace(day=1), -withdrawn) + dt.timedelta(days=14)
                td_withdrawals.withdraw(
                    db, actor, view.number, out, to="kas", reason="keperluan keluarga"
                )
            break
    return placed

"""Loans for the demo cooperative: every interest method, weekly and two-weekly group loans
(tanggung renteng, due on the group's meeting day) and monthly loans; most paid on time and
many paid off, a few late in every kolektibilitas class, one paid off early, one
rescheduled, one written off (with a later recovery). Month by month, one unit of work per
month, with the month-end PPAP run at the end of each month that ended before ``as_of`` (the
month still running is left for the treasurer's month-end, as in the app).

The cooperative lends what its members save: each month it lends what it holds above a
liquidity reserve (about a quarter of its assets), draws that from the bank at the start of
the month and banks the cash above a small float at the month's end; the bank pays jasa giro
(non-member income, with its final tax). Deterministic for the demo's random generator."""

from __future__ import annotations

import datetime as dt
import random
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Loan, Member
from ..domain import accounts
from ..domain.vocabulary import EntrySource, MemberStatus
from ..errors import KoperasiError
from ..services.auth import Actor
from ..services.counters import SERIES_JOURNAL, next_receipt
from ..services.ledger import Line, post
from ..services.loan_products import ProductInput, add_product_in, product_by_code
from ..services.loans.applications import ApplyInput, apply_in, approve_in, disburse_in
from ..services.loans.core import ACTIVE, installment_states, savings_total_at
from ..services.loans.quality import qualities_in
from ..services.loans.repayments import payoff_in, repay_in
from ..services.loans.workout import recover_in, reschedule_in, write_off_in
from ..services.month_end import month_end_in
from ..services.progress import ProgressCallback, report
from ..services.statements import balances
from ..services.uow import unit_of_work

KAS, BANK = accounts.CASH, accounts.BANK
LIQUID_SHARE = Decimal("0.25")  # cash and bank kept as a share of total assets
FLOAT_SHARE = Decimal("0.03")  # cash kept in the office; the rest goes to the bank
JASA_GIRO = Decimal("0.03")  # a year, on the month-end bank balance
GIRO_TAX = Decimal("0.20")  # final tax on jasa giro
BANK_NAME = "Bank Kaltimtara"

PRODUCTS = [
    ProductInput(
        code="KLP",
        name="Pinjaman Kelompok Mingguan (tanggung renteng)",
        method="flat",
        rate=Decimal("1.5"),
        rate_per="month",
        min_amount=500_000,
        max_amount=5_000_000,
        min_term=10,
        max_term=50,
        every=1,
        unit="week",
        installment_multiple=500,
        fee_kind="percent",
        fee_percent=Decimal(1),
        fee_mode="deduct",
        penalty_kind="flat",
        penalty_amount=2_000,
        penalty_per="week",
        penalty_grace_days=3,
        limit_multiple=Decimal(5),
        group_loan=True,
        allow_multiple=True,
    ),
    ProductInput(
        code="KLP2",
        name="Pinjaman Kelompok Dua Mingguan",
        method="declining",
        rate=Decimal(20),
        rate_per="year",
        min_amount=1_000_000,
        max_amount=7_500_000,
        min_term=6,
        max_term=26,
        every=2,
        unit="week",
        amounts_multiple=100,
        fee_kind="flat",
        fee_amount=20_000,
        fee_mode="cash",
        penalty_kind="percent",
        penalty_percent=Decimal(1),
        penalty_per="week",
        penalty_grace_days=3,
        limit_multiple=Decimal(5),
        group_loan=True,
        allow_multiple=True,
    ),
    ProductInput(
        code="UMUM",
        name="Pinjaman Umum (bunga flat)",
        method="flat",
        rate=Decimal("1.5"),
        min_amount=500_000,
        max_amount=20_000_000,
        min_term=3,
        max_term=24,
        fee_kind="percent",
        fee_percent=Decimal(1),
        penalty_kind="percent",
        penalty_percent=Decimal("0.1"),
        penalty_per="day",
        penalty_grace_days=3,
        limit_multiple=Decimal(5),
    ),
    ProductInput(
        code="USAHA",
        name="Pinjaman Usaha (anuitas)",
        method="annuity",
        rate=Decimal(18),
        rate_per="year",
        min_amount=2_000_000,
        max_amount=25_000_000,
        min_term=6,
        max_term=24,
        fee_kind="flat",
        fee_amount=50_000,
        penalty_kind="percent",
        penalty_percent=Decimal(1),
        penalty_per="month",
        penalty_grace_days=5,
        limit_multiple=Decimal(5),
        payoff_policy="due_only",
        allow_multiple=True,
    ),
    ProductInput(
        code="MENURUN",
        name="Pinjaman Menurun (efektif)",
        method="declining",
        rate=Decimal("1.25"),
        min_amount=500_000,
        max_amount=10_000_000,
        min_term=3,
        max_term=12,
        penalty_kind="percent",
        penalty_percent=Decimal("0.5"),
        penalty_per="week",
        limit_multiple=Decimal(5),
    ),
]
# product -> (terms to pick from, weight)
TERMS = {
    "KLP": ([20, 25, 40, 50], 3),
    "KLP2": ([13, 20, 26], 2),
    "UMUM": ([10, 12, 18, 24], 4),
    "USAHA": ([12, 18, 24], 3),
    "MENURUN": ([6, 10, 12], 2),
}
# loan sizes in millions (capped by the product and the member's savings multiple)
SIZES = [2, 3, 5, 5, 7, 10, 10, 15, 20]
PURPOSES = [
    "Tambahan modal warung",
    "Beli bahan kue",
    "Modal dagang sayur",
    "Perbaikan perahu",
    "Beli mesin jahit",
    "Biaya sekolah anak",
    "Modal kerupuk ikan",
    "Servis motor ojek",
    "Stok barang kelontong",
]


@dataclass
class _Plan:
    loan_id: int
    number: str
    monthly: bool
    profile: str  # good | late | stop | payoff
    stop_after: int = 0
    resume_after: int = 0  # installments missed before paying again (0: never)
    payoff_at: int = 0
    paid_count: int = 0
    due_dates: list[dt.date] = field(default_factory=list)


def _month_end(y: int, m: int) -> dt.date:
    nxt = dt.date(y + (m == 12), m % 12 + 1, 1)
    return nxt - dt.timedelta(days=1)


def add_demo_loans(
    db: Database,
    rng: random.Random,
    start: dt.date,
    as_of: dt.date,
    progress: ProgressCallback | None = None,
    actor: Actor | None = None,
    after_month: Callable[[int, int], None] | None = None,
) -> int:
    """Add loans to the demo; returns the number of loans disbursed. ``after_month(y, m)``
    runs after each month's unit of work (the demo closes its months and years there)."""
    from ..services.auth import SYSTEM

    actor = actor or SYSTEM
    with unit_of_work(db) as s:
        for p in PRODUCTS:
            add_product_in(s, actor, p)
        people = [
            (mid, number, join, gid)
            for mid, number, join, gid in s.execute(
                select(Member.id, Member.number, Member.join_date, Member.group_id)
                .where(Member.status == MemberStatus.ACTIVE)
                .order_by(Member.id)
            )
        ]
    most_per_month = max(4, len(people) // 4)
    months = []
    y, m = start.year, start.month
    while (y, m) <= (as_of.year, as_of.month):
        months.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    plans: dict[int, _Plan] = {}
    busy: Counter[int] = Counter()  # open loans per member (a group loan and a business loan
    # may run side by side: products that allow more than one)
    solo: Counter[int] = Counter()  # open loans per member of a product that runs alone
    solo_loans: set[int] = set()
    written_off = rescheduled = False
    recovery: tuple[str, dt.date, int] | None = None
    codes, weights = list(TERMS), [TERMS[c][1] for c in TERMS]
    disbursed = 0
    for mi, (y, m) in enumerate(months):
        report(progress, mi, len(months), f"Pinjaman {m:02d}/{y}")
        first = dt.date(y, m, 1)
        last = min(_month_end(y, m), as_of)
        with unit_of_work(db) as s:
            # --- what the cooperative can lend this month, drawn from the bank on the 1st
            budget = _lending_budget(s, last)
            if budget > 0:
                transfer(s, actor, first, min(budget, _bank(s, first)), to_bank=False)
            # --- new loans, on days spread over the month
            if mi > 0:
                # late loans for the demo: Kurang Lancar (two) and Macet (one) on as_of
                forced = {
                    len(months) - 14: "UMUM",
                    len(months) - 7: "UMUM",
                    len(months) - 3: "KLP",
                }.get(mi)
                for n_new in range(most_per_month):
                    if budget < 1_000_000 and not (forced is not None and n_new == 0):
                        break
                    day = first + dt.timedelta(days=rng.randint(0, (last - first).days))
                    force = forced is not None and n_new == 0
                    # members who may borrow: none open, or one that lets another run beside it
                    # (a member whose loan runs alone is not picked only to be refused)
                    cands = [
                        p
                        for p in people
                        if p[2] <= day - dt.timedelta(days=30)
                        and (busy[p[0]] == 0 or (busy[p[0]] == 1 and not solo[p[0]]))
                        and not (force and (busy[p[0]] or (forced == "KLP" and p[3] is None)))
                    ]
                    if not cands:
                        break
                    mid, number, _join, gid = rng.choice(cands)
                    code = rng.choices(codes, weights)[0]
                    if force and forced is not None:  # a late loan, for the demo
                        code = forced
                    if code.startswith("KLP") and gid is None:
                        code = "UMUM"
                    if busy[mid] and code not in ("KLP", "KLP2", "USAHA"):
                        code = "USAHA"
                    product = product_by_code(s, code)
                    limit = savings_total_at(s, mid, day) * 5
                    amount = min(
                        product.max_amount,
                        rng.choice(SIZES) * 1_000_000,
                        limit // 100_000 * 100_000,
                        max(product.min_amount, budget // 100_000 * 100_000),
                    )
                    if force:  # small: the demo shows the class, not a crisis
                        amount = min(amount, max(product.min_amount, 1_000_000))
                    if amount < product.min_amount:
                        continue
                    term = rng.choice(TERMS[code][0])
                    monthly = product.unit == "month"
                    collateral = (
                        amount * rng.choice([75, 80, 100]) // 100
                        if monthly and rng.random() < 0.3
                        else 0
                    )
                    try:
                        sp = s.begin_nested()
                        loan = apply_in(
                            s,
                            actor,
                            ApplyInput(
                                number,
                                code,
                                amount,
                                term,
                                day,
                                rng.choice(PURPOSES),
                                "Disetujui rapat kelompok" if gid else "Penjamin: suami/istri",
                                collateral=collateral,
                            ),
                        )
                        approve_in(s, actor, loan, day, "Disetujui pengurus")
                        disburse_in(s, actor, loan, day, "sukarela" if code == "MENURUN" else "kas")
                        sp.commit()
                    except KoperasiError:
                        sp.rollback()
                        continue
                    disbursed += 1
                    budget -= amount
                    busy[mid] += 1
                    if code not in ("KLP", "KLP2", "USAHA"):
                        solo[mid] += 1
                        solo_loans.add(loan.id)
                    roll = rng.random()
                    profile = (
                        "good"
                        if roll < 0.88
                        else "late"
                        if roll < 0.94
                        else "stop"
                        if roll < 0.96
                        else "payoff"
                    )
                    if force:
                        profile = "stop"
                    short = term if monthly else term // 2
                    plans[loan.id] = _Plan(
                        loan.id,
                        loan.number,
                        monthly,
                        profile,
                        stop_after=1 if force else rng.randint(1, max(1, term // 2)),
                        resume_after=(
                            0
                            if force or rng.random() < 0.25
                            else rng.randint(2, max(3, short // 2 + 2))
                        ),
                        payoff_at=rng.randint(2, max(2, term - 1)),
                        due_dates=[st.due_date for st in installment_states(s, loan)],
                    )
            # --- payments falling due this month, in date order
            events = sorted(
                (d, plan.loan_id)
                for plan in plans.values()
                for d in plan.due_dates
                if first <= d <= last
            )
            for d, loan_id in events:
                plan = plans[loan_id]
                got = s.get(Loan, loan_id)
                assert got is not None
                loan = got
                if loan.status != ACTIVE:
                    continue
                k = plan.paid_count
                plan.paid_count += 1
                if (
                    plan.profile == "stop"
                    and k >= plan.stop_after
                    and (not plan.resume_after or k < plan.stop_after + plan.resume_after)
                ):
                    continue
                if plan.profile == "late" and rng.random() < 0.2:
                    continue
                pay_day = d
                if plan.profile == "late":
                    nxt = [x for x in plan.due_dates if x > d]
                    latest = min(last, (nxt[0] - dt.timedelta(days=1)) if nxt else last)
                    pay_day = max(d, min(latest, d + dt.timedelta(days=rng.randint(0, 10))))
                sp = s.begin_nested()
                try:
                    if plan.profile == "payoff" and k >= plan.payoff_at:
                        payoff_in(s, actor, loan, pay_day)
                    else:
                        repay_in(s, actor, loan, None, pay_day)
                    sp.commit()
                except KoperasiError:
                    sp.rollback()
                    continue
                if loan.status != ACTIVE:
                    busy[loan.member_id] -= 1
                    if loan.id in solo_loans:
                        solo[loan.member_id] -= 1
            # --- month end: special cases, then PPAP
            me_date = last
            if not rescheduled or not written_off:
                quality = {q.loan_number: q for q in qualities_in(s, me_date, only_active_now=True)}
                for plan in plans.values():
                    q = quality.get(plan.number)
                    if q is None:
                        continue
                    got = s.get(Loan, plan.loan_id)
                    assert got is not None
                    loan = got
                    if (
                        not rescheduled
                        and plan.profile == "late"
                        and plan.monthly
                        and q.dpd >= 45
                        and me_date < as_of - dt.timedelta(days=90)
                    ):
                        remaining = len([x for x in plan.due_dates if x > me_date])
                        try:
                            reschedule_in(
                                s,
                                actor,
                                loan,
                                me_date,
                                remaining + 3,
                                "Usaha sepi; angsuran diperkecil (restrukturisasi)",
                            )
                        except KoperasiError:
                            continue
                        rescheduled = True
                        plan.profile = "good"
                        plan.paid_count = 0
                        plan.due_dates = [st.due_date for st in installment_states(s, loan)]
                    elif (
                        not written_off
                        and plan.profile == "stop"
                        and q.dpd >= 270
                        and me_date < as_of - dt.timedelta(days=120)
                    ):
                        try:
                            write_off_in(
                                s, actor, loan, me_date, "Macet lebih dari 9 bulan; usaha tutup"
                            )
                        except KoperasiError:
                            continue
                        written_off = True
                        busy[loan.member_id] -= 1
                        if loan.id in solo_loans:
                            solo[loan.member_id] -= 1
                        recovery = (
                            plan.number,
                            me_date + dt.timedelta(days=75),
                            q.outstanding // 4,
                        )
            if recovery is not None and first <= recovery[1] <= last:
                loan = s.scalars(select(Loan).where(Loan.number == recovery[0])).one()
                recover_in(s, actor, loan, max(1, recovery[2]), recovery[1], "Dibayar keluarga")
                recovery = None
            # --- the cash above the office float goes to the bank; the bank's jasa giro
            _bank_the_cash(s, actor, last)
            if _month_end(y, m) < as_of:  # only a month that has ended (as the app allows)
                _jasa_giro(s, actor, last)
                month_end_in(s, actor, _month_end(y, m))
        if after_month is not None:
            after_month(y, m)
    return disbursed


def _post(s: Session, actor: Actor, day: dt.date, text: str, lines: list[Line]) -> None:
    post(
        s,
        actor,
        day,
        text,
        lines,
        source=EntrySource.MANUAL,
        receipt_no=next_receipt(s, SERIES_JOURNAL, day.year),
    )


def _bank(s: Session, day: dt.date) -> int:
    return balances(s, day).get(BANK, 0)


def _lending_budget(s: Session, day: dt.date) -> int:
    """Cash and bank above the liquidity reserve (a share of the financial assets: fixed
    assets, 1.3x, left out) on ``day``."""
    b = balances(s, day)
    from ..db.models import Account

    assets = set(s.scalars(select(Account.code).where(Account.type == "asset")))
    assets = {c for c in assets if not c.startswith("1.3")}
    total = sum(v for code, v in b.items() if code in assets)
    liquid = b.get(KAS, 0) + b.get(BANK, 0)
    return int(liquid - LIQUID_SHARE * total)


def transfer(s: Session, actor: Actor, day: dt.date, amount: int, to_bank: bool) -> None:
    amount = amount // 100_000 * 100_000
    if amount <= 0:
        return
    if to_bank:
        text, lines = (
            f"Setoran kas ke {BANK_NAME}",
            [Line(BANK, debit=amount, memo=BANK_NAME), Line(KAS, credit=amount, memo=BANK_NAME)],
        )
    else:
        text, lines = (
            f"Penarikan dari {BANK_NAME} untuk pencairan pinjaman",
            [Line(KAS, debit=amount, memo=BANK_NAME), Line(BANK, credit=amount, memo=BANK_NAME)],
        )
    _post(s, actor, day, text, lines)


def _bank_the_cash(s: Session, actor: Actor, day: dt.date) -> None:
    b = balances(s, day)
    from ..db.models import Account

    assets = set(s.scalars(select(Account.code).where(Account.type == "asset")))
    total = sum(v for code, v in b.items() if code in assets)
    float_ = max(2_000_000, int(FLOAT_SHARE * total))
    kas = b.get(KAS, 0)
    if kas > float_:
        transfer(s, actor, day, kas - float_, to_bank=True)
    elif kas < float_ // 2:
        transfer(s, actor, day, min(float_ - kas, b.get(BANK, 0)), to_bank=False)


def _jasa_giro(s: Session, actor: Actor, day: dt.date) -> None:
    """The bank's month-end interest on the account (non-member income) less its final tax."""
    giro = int(_bank(s, day) * JASA_GIRO / 12)
    if giro <= 0:
        return
    tax = int(giro * GIRO_TAX)
    lines = [
        Line(BANK, debit=giro - tax, memo=BANK_NAME),
        Line(accounts.OTHER_INCOME, credit=giro, memo="Jasa giro"),
    ]
    if tax:
        lines.insert(1, Line(accounts.INCOME_TAX_EXPENSE, debit=tax, memo="PPh final jasa giro"))
    _post(s, actor, day, f"Jasa giro {BANK_NAME} {day.month:02d}/{day.year}", lines)

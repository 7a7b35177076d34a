"""A believable demo cooperative in Balikpapan: groups that meet weekly, members with
Indonesian names and the vulnerability mix of the empowerment programmes, years of monthly
wajib and sukarela activity, the cooperative's own expenses, loans (loans_demo) that make it
a sound, profitable KSP: most of its assets lent, a few loans in arrears, the spare cash in
the bank earning jasa giro.

The books are kept as a careful treasurer keeps them: every month's month-end run and the
month closed, each financial year closed in January and its SHU shared at the RAT in March
(members' SHU through the ledger, paid out in cash at the meeting). The demo is "as of" the
last day of the previous month: that month is left open with its month-end not yet run, so
the treasurer can run month-end and close it straight away. Deterministic for a seed."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from .bank import OfficeAndBank

import datetime as dt
import random
from dataclasses import dataclass

from sqlalchemy import select

from ..db.database import Database
from ..db.models import Group, Member
from ..domain import accounts
from ..domain.vocabulary import EntrySource, MemberStatus
from ..services import clock, ledger, savings, savings_interest
from ..services.auth import SYSTEM, Actor, require
from ..services.counters import SERIES_JOURNAL, next_receipt
from ..services.ledger import Line
from ..services.members import MemberInput, register_in
from ..services.progress import ProgressCallback, report
from ..services.settings import Profile, get_profile, profile_in, set_value
from ..services.uow import unit_of_work
from .loan_rules import add_loan_rules_demo
from .sample_data import (
    EXPENSES,
    FAMILY,
    GROUP_NAMES,
    KELURAHAN,
    MEN,
    OCCUPATIONS_M,
    OCCUPATIONS_W,
    PAYEES,
    WOMEN,
)
from .standing import add_demo_standing
from .time_deposits import add_demo_deposits


@dataclass(frozen=True)
class DemoSummary:
    members: int
    groups: int
    months: int
    savings_transactions: int
    as_of: dt.date


def _nik(rng: random.Random, kec_code: str, birth: dt.date, female: bool, seq: int) -> str:
    day = birth.day + (40 if female else 0)
    return f"6471{kec_code}{day:02d}{birth.month:02d}{birth.year % 100:02d}{seq % 10000:04d}"


def _months(start: dt.date, end: dt.date) -> list[tuple[int, int]]:
    out, y, m = [], start.year, start.month
    while (y, m) <= (end.year, end.month):
        out.append((y, m))
        y, m = (y + 1, 1) if m == 12 else (y, m + 1)
    return out


def _day_in(rng: random.Random, y: int, m: int, lo: dt.date, hi: dt.date) -> dt.date:
    first = max(dt.date(y, m, 1), lo)
    last = min(savings_interest.last_day_of_month(y, m), hi)
    return first + dt.timedelta(days=rng.randint(0, max(0, (last - first).days)))


def build_demo(
    db: Database,
    members: int = 300,
    seed: int = 1,
    years: int = 3,
    as_of: dt.date | None = None,
    progress: ProgressCallback | None = None,
    actor: Actor = SYSTEM,
    close_books: bool = True,
    first_month: dt.date | None = None,
) -> DemoSummary:
    """Fill an empty database with a demo cooperative (month by month, one unit of work each).

    ``years`` financial years up to ``as_of`` (by default the last day of the previous
    month). The books are built as the treasurer would have kept them with ``as_of`` as
    today: no posting after it, the period jobs (savings interest, loan month-end) only for
    months that ended before it, every month before ``as_of``'s closed, every financial year
    before it closed and its SHU distributed at the RAT; ``as_of``'s month is left open for
    the treasurer's month-end and closing. ``close_books=False`` leaves every month and
    year open and no SHU shared (for tests of the closing itself); ``first_month`` starts the
    books in another month than January (``years`` is then ignored)."""
    as_of = as_of or default_as_of()
    with clock.pretend(as_of):
        return _build_demo(
            db, members, seed, years, as_of, progress, actor, close_books, first_month
        )


def default_as_of(today: dt.date | None = None) -> dt.date:
    """The demo's date: the last day of the month before today's."""
    return clock.month_end(*clock.last_ended_month(today))


def _build_demo(
    db: Database,
    members: int,
    seed: int,
    years: int,
    as_of: dt.date,
    progress: ProgressCallback | None,
    actor: Actor,
    close_books: bool = True,
    first_month: dt.date | None = None,
) -> DemoSummary:
    from ..errors import ValidationError

    require(actor, "settings.write")
    if members < 1 or members > 100_000:
        raise ValidationError("members", "too_large", max=100_000)
    if years < 1 or years > 20:
        raise ValidationError("years", "too_large", max=20)
    rng = random.Random(seed)
    start = dt.date(as_of.year - years + 1, 1, 1)  # whole financial years, then this one
    if first_month is not None:
        start = first_month.replace(day=1)
    months = _months(start, as_of)
    n_groups = max(1, min(len(GROUP_NAMES) * 5, round(members / 15)))
    kel_names = list(KELURAHAN)
    # the office costs of a cooperative of this size (percent of a 600-member KSP's), so
    # that the demo's loan interest covers them and the year ends with a believable SHU
    cost_scale = max(5, min(100, members * 100 // 600))
    rat_cost = max(250_000, 2_500_000 * cost_scale // 100 // 50_000 * 50_000)

    with unit_of_work(db) as s:
        if s.scalar(select(Member.id).limit(1)) is not None:
            raise ValidationError("db", "duplicate", value="demo")
        prof = profile_in(s)
        set_value(
            s,
            actor,
            "profile",
            {
                **prof.__dict__,
                **Profile(
                    name="KSP Sejahtera Bersama Balikpapan",
                    legal_number="AHU-0012345.AH.01.26.2021",
                    address="Jl. Mulawarman No. 45 RT 12, Manggar, Balikpapan Timur",
                    city="Balikpapan",
                    phone="0542-123456",
                    chair="Hj. Rahmawati Said",
                    secretary="Nurhayati Hasan",
                    treasurer="Sri Wahyuni",
                    supervisor="H. Muhammad Arsyad",
                ).__dict__,
            },
        )
        groups = []
        for i in range(n_groups):
            name = GROUP_NAMES[i % len(GROUP_NAMES)] + (
                "" if i < len(GROUP_NAMES) else f" {i // len(GROUP_NAMES) + 1}"
            )
            kel = kel_names[i % len(kel_names)]
            g = Group(
                code=f"K{i + 1:03d}",
                name=f"Kelompok {name}",
                meeting_day=rng.randint(0, 5),
                meeting_place=f"Rumah ketua, RT {rng.randint(1, 40):02d} {kel}",
                kelurahan=kel,
                formed_on=start,
            )
            s.add(g)
            groups.append(g)
        s.flush()
        group_ids = [(g.id, g.code, g.kelurahan) for g in groups]

    # who joins when
    plan = []
    for i in range(members):
        join_month = 0 if rng.random() < 0.7 else rng.randint(0, max(0, len(months) - 2))
        plan.append((join_month, i))
    plan.sort()
    people: list[dict[str, Any]] = []
    sav_count = 0
    total = len(months)
    for mi, (y, m) in enumerate(months):
        report(progress, mi, total, f"{m:02d}/{y}")
        month_end = min(savings_interest.last_day_of_month(y, m), as_of)
        with unit_of_work(db) as s:
            pokok = savings.product_of_kind(s, "pokok")
            wajib = savings.product_of_kind(s, "wajib")
            sukarela = savings.product_of_kind(s, "sukarela")
            for _join_month, i in [p for p in plan if p[0] == mi]:
                gid, gcode, kel = group_ids[i % len(group_ids)]
                kecamatan, kec_code, fringe = KELURAHAN[kel]
                female = rng.random() < 0.72
                first = rng.choice(WOMEN if female else MEN)
                name = f"{first} {rng.choice(FAMILY)}"
                birth = dt.date(rng.randint(1955, 2003), rng.randint(1, 12), rng.randint(1, 28))
                join = _day_in(rng, y, m, start, as_of)
                age = (join - birth).days // 365
                cats = []
                if female and rng.random() < 0.28:
                    cats.append("pkk")
                if rng.random() < 0.05:
                    cats.append("disabilitas")
                if age >= 60:
                    cats.append("lansia")
                if fringe:
                    cats.append("pinggiran")
                if rng.random() < 0.18:
                    cats.append("bansos")
                data = MemberInput(
                    name=name,
                    nik=_nik(rng, kec_code, birth, female, i + 1),
                    gender="P" if female else "L",
                    join_date=join,
                    birth_date=birth,
                    birth_place=rng.choice(
                        [
                            "Balikpapan",
                            "Samarinda",
                            "Makassar",
                            "Banjarmasin",
                            "Surabaya",
                            "Pare-Pare",
                            "Tenggarong",
                        ]
                    ),
                    address=f"Jl. {rng.choice(['Mulawarman', 'Sepinggan Baru', 'Soekarno-Hatta', 'Manunggal', 'Telaga Sari', 'Pelita'])} RT {rng.randint(1, 60):02d} No. {rng.randint(1, 120)}",
                    kelurahan=kel,
                    kecamatan=kecamatan,
                    phone=f"08{rng.choice(['11', '12', '13', '21', '52', '53', '57'])}{rng.randint(10_000_000, 99_999_999)}",
                    occupation=rng.choice(OCCUPATIONS_W if female else OCCUPATIONS_M),
                    heir_name=f"{rng.choice(MEN if female else WOMEN)} {rng.choice(FAMILY)}",
                    heir_relation=rng.choice(["Suami", "Anak"] if female else ["Istri", "Anak"]),
                    group_code=gcode,
                    categories=tuple(cats),
                )
                mem = register_in(s, actor, data)
                savings.deposit_in(s, actor, mem, pokok, pokok.fixed_amount, join, "Simpanan pokok")
                sav_count += 1
                people.append(
                    {
                        "id": mem.id,
                        "number": mem.number,
                        "join": join,
                        "reliability": rng.choice([0.98, 0.95, 0.9, 0.85, 0.6]),
                        "saver": rng.random() < 0.55,
                        "exited": False,
                    }
                )
            # leaders for groups still without one
            for g in s.scalars(select(Group).where(Group.leader_member_id.is_(None))):
                first_member = s.scalar(
                    select(Member.id).where(Member.group_id == g.id).order_by(Member.id).limit(1)
                )
                if first_member is not None:
                    g.leader_member_id = first_member
            for p in people:
                if p["exited"] or p["join"] > month_end:
                    continue
                got = s.get(Member, p["id"])
                assert got is not None
                mem = got
                if rng.random() < p["reliability"]:
                    d = _day_in(rng, y, m, p["join"], as_of)
                    savings.deposit_in(
                        s, actor, mem, wajib, wajib.fixed_amount, d, "Simpanan wajib"
                    )
                    sav_count += 1
                if p["saver"] and rng.random() < 0.45:
                    d = _day_in(rng, y, m, p["join"], as_of)
                    amt = rng.choice(
                        [20_000, 25_000, 50_000, 50_000, 100_000, 150_000, 200_000, 500_000]
                    )
                    savings.deposit_in(s, actor, mem, sukarela, amt, d, "Setoran sukarela")
                    sav_count += 1
                if p["saver"] and rng.random() < 0.08:
                    acct = savings.account_for(s, mem, sukarela)
                    d = month_end
                    room = (
                        min(acct.balance, savings.balance_at(s, acct.id, d)) - sukarela.min_balance
                    )
                    if room >= 50_000:
                        amt = max(
                            50_000,
                            (rng.randint(1, max(1, room // 50_000)) * 50_000)
                            // 2
                            // 10_000
                            * 10_000,
                        )
                        savings.withdraw_in(
                            s, actor, mem, sukarela, min(amt, room), d, "Penarikan sukarela"
                        )
                        sav_count += 1
            for code, text, lo, hi in EXPENSES:
                if code == "5.14" and y == start.year:
                    continue  # the first year the board keeps the books; staff from the second
                d = _day_in(rng, y, m, start, as_of)
                amt = lo if lo == hi else rng.randrange(lo, hi + 1, 5_000)
                amt = max(5_000, amt * cost_scale // 100 // 5_000 * 5_000)
                receipt = next_receipt(s, SERIES_JOURNAL, d.year)
                ledger.post(
                    s,
                    actor,
                    d,
                    f"{text} {m:02d}/{y}",
                    [
                        Line(code, debit=amt),
                        Line(accounts.CASH, credit=amt, memo=PAYEES.get(code, "")),
                    ],
                    source=EntrySource.MANUAL,
                    receipt_no=receipt,
                )
            if m == RAT_MONTH and y > start.year and _rat_day(y) <= as_of:
                d = _rat_day(y) - dt.timedelta(days=rng.randint(0, 6))
                ledger.post(
                    s,
                    actor,
                    d,
                    f"Biaya Rapat Anggota Tahunan tahun buku {y - 1}",
                    [
                        Line("5.15", debit=rat_cost),
                        Line(accounts.CASH, credit=rat_cost, memo="Panitia RAT"),
                    ],
                    source=EntrySource.MANUAL,
                    receipt_no=next_receipt(s, SERIES_JOURNAL, d.year),
                )
            if mi == 0:
                d = _day_in(rng, y, m, start, as_of)
                ledger.post(
                    s,
                    actor,
                    d,
                    "Hibah modal awal program pemberdayaan",
                    [
                        Line(accounts.CASH, debit=25_000_000, memo="Dinas Koperasi dan UKM"),
                        Line("3.13", credit=25_000_000),
                    ],
                    source=EntrySource.MANUAL,
                    receipt_no=next_receipt(s, SERIES_JOURNAL, d.year),
                )
        if savings_interest.last_day_of_month(y, m) < as_of:
            savings_interest.post_monthly_interest(db, actor, y, m)
    add_demo_deposits(db, start, as_of, actor)  # services/time_deposits_demo.py
    from .loans import add_demo_loans  # here: the loans builder builds on this module

    books = _office_and_bank(_BookKeeper(db, rng, actor, as_of, close_books), members)
    add_demo_loans(db, rng, start, as_of, progress, actor, after_month=books.after_month)
    # a few members leave in the month still open
    open_from = as_of.replace(day=1)
    leavers = [p for p in people if p["join"] < as_of - dt.timedelta(days=200)]
    rng.shuffle(leavers)
    from ..errors import KoperasiError
    from ..services.member_exit import exit_member

    for p in leavers[: max(0, members // 60)]:
        try:
            exit_member(
                db,
                actor,
                p["number"],
                open_from + dt.timedelta(days=rng.randint(0, max(0, (as_of - open_from).days - 1))),
                "Pindah domisili ke luar Balikpapan",
            )
        except KoperasiError:  # a member who cannot leave (e.g. an unpaid loan) stays
            continue
    add_loan_rules_demo(db, rng, as_of, actor)  # issue 17: collateral, guarantors
    from .messages import add_demo_messages  # consent, opt-outs, messages sent

    add_demo_messages(db, as_of, seed, actor)
    add_demo_standing(db, as_of, actor)  # standing instructions, payroll (open month)
    report(progress, total, total, "selesai")
    return DemoSummary(members, n_groups, len(months), sav_count, as_of)


RAT_MONTH = 3  # the annual members' meeting is held in March


def _rat_day(year: int) -> dt.date:
    """The RAT of the previous financial year: the last Saturday of March of ``year``."""
    d = dt.date(year, RAT_MONTH, 31)
    return d - dt.timedelta(days=(d.weekday() - 5) % 7)


class _BookKeeper:
    """Closes the demo's books month by month as the loans are built (``after_month``):
    every month before ``as_of``'s month is closed after its month-end; December by closing
    the financial year; in March, before the month is closed, the RAT shares the last
    year's SHU (``distribute``, then paid in cash at the meeting)."""

    def __init__(
        self, db: Database, rng: random.Random, actor: Actor, as_of: dt.date, close: bool
    ) -> None:
        self.db, self.rng, self.actor, self.as_of, self.close = db, rng, actor, as_of, close

    def after_month(self, y: int, m: int) -> None:
        from ..services import closing, year_closing

        if not self.close or clock.month_end(y, m) >= self.as_of.replace(day=1):
            return  # as_of's month: the treasurer's month-end and closing
        if m == RAT_MONTH and y - 1 in closing.closed_years(self.db):
            self.hold_rat(y - 1, _rat_day(y))
        if m == 12:
            year_closing.close_year(self.db, self.actor, y, backup=False)  # the demo's history
        else:
            closing.close_month(self.db, self.actor, y, m)

    def hold_rat(self, year: int, day: dt.date) -> None:
        """The RAT of ``year``, held on ``day``: SHU shared (or a loss covered)."""
        from ..services import shu
        from .loans import transfer

        p = shu.plan(self.db, year)
        if p.surplus > 0:
            shu.distribute(self.db, self.actor, year, day)
            owed = shu.plan(self.db, year).to_members
            with unit_of_work(self.db) as s:  # the cash for the payout, from the bank
                transfer(s, self.actor, day, owed + 100_000, to_bank=False)
            shu.pay(self.db, self.actor, year, day, to="cash")
        elif p.surplus < 0 and p.loss_coverage == "cadangan" and self._reserve(day) >= p.loss:
            shu.cover_loss(self.db, self.actor, year, day)  # else carried forward
        _rat_records(self.db, self.rng, year, day, self.actor)

    def _reserve(self, day: dt.date) -> int:
        from ..services import statements

        with unit_of_work(self.db) as s:
            return statements.balances(s, day).get("3.20", 0)


def _rat_records(db: Database, rng: random.Random, year: int, day: dt.date, actor: Actor) -> None:
    """What the RAT of financial ``year``, held on ``day``, leaves besides the SHU: the board,
    supervisors and staff register (the first RAT elects them from the members, for three
    years), the attendance count (about two thirds of the members) with the default agenda
    and decisions, the board's answers to the governance questions of the health rating,
    and the RAPB of ``year + 1`` approved there: each income and expense account at its
    actual amount of ``year`` plus ten per cent, in whole Rp100.000. Runs before the RAT
    month is closed."""
    from sqlalchemy import func

    from ..db.models import Account, JournalEntry, JournalLine
    from ..domain.health_rating import QUESTIONS
    from ..services.closing import CLOSING_SOURCE
    from ..services.rat import budget, records

    if not records.list_officers(db):
        with unit_of_work(db) as s:
            names = list(
                s.scalars(
                    select(Member.name)
                    .where(Member.status == MemberStatus.ACTIVE, Member.join_date <= day)
                    .order_by(Member.id)
                    .limit(60)
                )
            )
        picked = rng.sample(names, 7)
        profile = get_profile(db)
        supervisor = profile.supervisor or picked[3]
        term_end = day.replace(year=day.year + 3)
        for body, position, name in (
            ("pengurus", "Ketua", profile.chair or picked[0]),
            ("pengurus", "Sekretaris", profile.secretary or picked[1]),
            ("pengurus", "Bendahara", profile.treasurer or picked[2]),
            ("pengawas", "Ketua Pengawas", supervisor),
            ("pengawas", "Anggota Pengawas", picked[4]),
            ("pengawas", "Anggota Pengawas", picked[5]),
            ("karyawan", "Kasir", picked[6]),
        ):
            records.add_officer(
                db, actor, records.OfficerInput(body, position, name, day, term_end)
            )
    with unit_of_work(db) as s:
        entitled = int(
            s.scalar(
                select(func.count(Member.id)).where(
                    Member.status == MemberStatus.ACTIVE, Member.join_date <= dt.date(year, 12, 31)
                )
            )
            or 0
        )
        start, end = budget.year_bounds(s, year)
        actual = s.execute(
            select(Account.code, Account.type, func.sum(JournalLine.debit - JournalLine.credit))
            .join(JournalLine, JournalLine.account_id == Account.id)
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(
                Account.type.in_(("income", "expense")),
                JournalEntry.date >= start,
                JournalEntry.date <= end,
                JournalEntry.source != CLOSING_SOURCE,
            )
            .group_by(Account.code, Account.type)
        ).all()
    present = round(entitled * rng.uniform(0.62, 0.78))
    records.save_meeting(
        db,
        actor,
        year,
        records.MeetingInput(day, "Balai pertemuan koperasi, Manggar", entitled, present),
    )
    for _ in QUESTIONS:  # the draws an earlier version made here keep the demo's stream
        rng.random()
    # a young cooperative: no cooperation with other cooperatives yet, books examined by the
    # supervisors but not audited, no written risk limits; written SOPs from its second year
    missing = {"prinsip_kerja_sama", "keuangan_audit", "kpmr_limit"}
    if not records.get_answers(db, year - 1):
        missing.add("manajemen_sop")
    records.save_answers(db, actor, year, {key: key not in missing for key in QUESTIONS})
    # the supervisors' report with their notes (the template leaves them to be written)
    body = records.get_text(db, year, records.SUPERVISORS).body
    notes = (
        "\n\n1. Angsuran yang menunggak lebih dari 30 hari agar ditagih bersama ketua "
        "kelompok pada setiap pertemuan kelompok.\n\n"
        "2. Uang kas di tangan agar disetor ke bank paling lambat hari kerja berikutnya.\n\n"
        "3. Pengurus agar menetapkan batas risiko (plafon pinjaman per anggota) secara "
        "tertulis dan mengusahakan pemeriksaan laporan keuangan oleh akuntan publik."
    )
    records.save_text(db, actor, year, records.SUPERVISORS, body.replace(": ...", ":" + notes))
    plan = {}
    for code, kind, net in actual:
        amount = int(net) if kind == "expense" else -int(net)
        if amount > 0:
            plan[code] = -(-amount * 11 // 10 // 100_000) * 100_000
    budget.set_budget(db, actor, year + 1, plan)


def _office_and_bank(books: _BookKeeper, members: int) -> OfficeAndBank:
    """Fixed assets bought as the months go by, and the bank account reconciled
    (services/bank_demo.py)."""
    from .bank import with_office_and_bank

    return with_office_and_bank(books, members)

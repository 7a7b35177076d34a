"""SHU (sisa hasil usaha) of a financial year: the split, the per-member shares, the postings.

The arithmetic is :mod:`koperasi.domain.shu` (split per settings validated to 100 %,
``SHU_a = Y x Ta / Tk + X x Sa / Sk`` rounded down). This module gathers its inputs from the
books and posts the outcome:

- :func:`plan` — the year's surplus (from the closing if the year is closed), its split by
  side of the business (UU 25/1992 Pasal 45, SAK EP: :func:`statements.business_split`),
  the pots of the MEMBERS' SHU only, the non-members' SHU and where it goes (setting
  ``shu_non_member_to``: the reserve by default), and every member's share. Ta = loan
  interest the member paid in the year (credits on 4.10 with the member on the line); Sa =
  the member's pokok + wajib balance at the year's end. A loss year has no pots and no
  member rows; it carries the coverage proposal (setting ``shu_loss_coverage``: from the
  reserve by default, or carried forward).
- :func:`distribute` — after the RAT: one entry moves the year's SHU out of the account that
  holds it (3.90, or 3.91 once the next year is closed: the closing moves earlier years'
  results there) to the reserve (3.20, plus the rounding remainder), the funds (2.23
  pengurus and karyawan, 2.24 pendidikan, 2.20 sosial), the non-members' SHU to its
  destination, and each member's share to 2.21 Hutang SHU Anggota (one line per member).
  It takes exactly the year's SHU, so 3.90 is never left negative (refused when the account
  holds less). Needs the year closed; refused for a loss year; idempotent.
- :func:`cover_loss` — after the RAT, for a loss year whose proposal is "from the reserve":
  3.20 covers the loss in the account that holds it. Carried forward, nothing is posted:
  the next year's closing moves the loss to 3.91.
- :func:`pay` — pays members' SHU out of 2.21, in cash or into their sukarela account (one
  entry and receipt per member).
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    JournalEntry,
    JournalLine,
    Member,
)
from ..domain import accounts
from ..domain import shu as shu_rules
from ..domain.money import format_rupiah
from ..domain.vocabulary import MemberStatus
from ..errors import ValidationError
from . import audit, ledger, savings, statements
from .auth import Actor, require, require_read_all
from .closing import SHU_SOURCE, is_year_closed_in
from .common_reads import savings_by_member_at
from .counters import SERIES_JOURNAL, SERIES_SAVINGS, next_receipt
from .ledger import Line
from .progress import ProgressCallback, report
from .settings import get_value, set_value
from .uow import read_only, unit_of_work
from .year_closing import shu_distribution_entry_id, year_surplus_in

SPLIT_KEY = "shu_split"
PAYABLE = accounts.SHU_PAYABLE
NON_MEMBER_KEY = "shu_non_member_to"
LOSS_KEY = "shu_loss_coverage"
POT_ACCOUNTS = {
    "cadangan": accounts.GENERAL_RESERVE,
    "cadangan_risiko": accounts.RISK_RESERVE,
    "dana_pengurus": accounts.BOARD_AND_STAFF_FUND,
    "dana_karyawan": accounts.BOARD_AND_STAFF_FUND,
    "dana_pendidikan": accounts.EDUCATION_FUND,
    "dana_sosial": accounts.SOCIAL_FUND,
}
INTEREST_INCOME = accounts.LOAN_INTEREST_INCOME


@dataclass(frozen=True)
class MemberShu:
    member_id: int
    number: str
    name: str
    group: str
    interest_paid: int  # Ta
    capital: int  # Sa
    jasa_anggota: int
    jasa_modal: int
    paid: int = 0  # paid out so far (from 2.21)

    @property
    def total(self) -> int:
        return self.jasa_anggota + self.jasa_modal


@dataclass(frozen=True)
class ShuPlan:
    year: int
    start: dt.date
    end: dt.date
    surplus: int
    year_closed: bool
    split: dict[str, Decimal]
    pots: dict[str, int]  # the members' SHU (distributable) split per the settings
    members: tuple[MemberShu, ...]
    total_interest: int  # Tk
    total_capital: int  # Sk
    distributed_entry_id: int | None
    business: shu_rules.BusinessSplit | None = None
    non_member_to: str = "cadangan"  # pot key (POT_ACCOUNTS) receiving the non-members' SHU
    loss_coverage: str = "cadangan"  # cadangan | carry_forward (a loss year's proposal)

    @property
    def member_surplus(self) -> int:
        return self.business.member_surplus if self.business else self.surplus

    @property
    def non_member_surplus(self) -> int:
        return self.business.non_member_surplus if self.business else 0

    @property
    def distributable(self) -> int:
        """The members' SHU that is split into the pots (never above the year's SHU)."""
        return sum(self.pots.values())

    @property
    def to_non_member_destination(self) -> int:
        """The rest of a positive year's SHU: to ``non_member_to`` (not to members)."""
        return max(self.surplus, 0) - self.distributable

    @property
    def loss(self) -> int:
        return max(-self.surplus, 0)

    @property
    def member_pot(self) -> int:
        return self.pots.get("jasa_anggota", 0) + self.pots.get("jasa_modal", 0)

    @property
    def to_members(self) -> int:
        return sum(m.total for m in self.members)

    @property
    def remainder(self) -> int:
        """Rounding remainder of the two member pots; it stays in the reserve."""
        return self.member_pot - self.to_members

    @property
    def reserve(self) -> int:
        return self.pots.get("cadangan", 0) + self.remainder


def split_in(s: Session) -> dict[str, Decimal]:
    raw = get_value(s, SPLIT_KEY, None)
    if not raw:
        return dict(shu_rules.DEFAULT_SPLIT)
    return shu_rules.validate_split({k: Decimal(str(v)) for k, v in raw.items()})


def _interest_by_member(s: Session, start: dt.date, end: dt.date) -> dict[int, int]:
    # only the 4.10 lines of the entry ids between the year's smallest and largest (from the
    # ids per day), not those of every year; their date decides as before
    ids = statements.entry_id_range(s, start, end)
    if ids is None:
        return {}
    lo, hi = ids
    q = (
        select(
            JournalLine.member_id,
            func.sum(JournalLine.credit) - func.sum(JournalLine.debit),
        )
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(
            Account.code == INTEREST_INCOME,
            JournalLine.member_id.is_not(None),
            JournalLine.entry_id.between(lo, hi),
            JournalEntry.date >= start,
            JournalEntry.date <= end,
            JournalEntry.source != statements.CLOSING_SOURCE,
        )
        .group_by(JournalLine.member_id)
    )
    return {mid: int(v or 0) for mid, v in s.execute(q) if mid is not None}


def _capital_by_member(s: Session, end: dt.date) -> dict[int, int]:
    return savings_by_member_at(s, end, kinds=("pokok", "wajib"))


def payable_by_member(s: Session, as_of: dt.date | None = None) -> dict[int, int]:
    """Unpaid SHU per member (balance of 2.21 lines carrying the member)."""
    q = (
        select(JournalLine.member_id, func.sum(JournalLine.credit) - func.sum(JournalLine.debit))
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(Account.code == PAYABLE, JournalLine.member_id.is_not(None))
        .group_by(JournalLine.member_id)
    )
    if as_of is not None:
        q = q.where(JournalEntry.date <= as_of)
    return {mid: int(v or 0) for mid, v in s.execute(q) if mid is not None}


def _paid_for_year(s: Session, year: int) -> dict[int, int]:
    q = (
        select(JournalLine.member_id, func.sum(JournalLine.debit) - func.sum(JournalLine.credit))
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(
            Account.code == PAYABLE,
            JournalLine.member_id.is_not(None),
            JournalEntry.source == SHU_SOURCE,
            JournalEntry.source_ref == f"SHU-{year}-BAYAR",
        )
        .group_by(JournalLine.member_id)
    )
    return {mid: int(v or 0) for mid, v in s.execute(q) if mid is not None}


def non_member_to_in(s: Session) -> str:
    value = get_value(s, NON_MEMBER_KEY, None) or "cadangan"
    return value if value in shu_rules.NON_MEMBER_DESTINATIONS else "cadangan"


def loss_coverage_in(s: Session) -> str:
    value = get_value(s, LOSS_KEY, None) or "cadangan"
    return value if value in shu_rules.LOSS_COVERAGE else "cadangan"


def plan_in(s: Session, year: int) -> ShuPlan:
    sm = statements.fy_start_month(s)
    start, end = statements.fiscal_year_bounds(year, sm)
    surplus, closed = year_surplus_in(s, year)
    business = statements.business_split(s, start, end)
    if business.surplus != surplus:  # the closing's figure rules; a difference (none while
        business = dataclasses.replace(  # the year stays closed) is not shared with members
            business, non_member_income=business.non_member_income + surplus - business.surplus
        )
    split = split_in(s)
    pots = shu_rules.split_surplus(business.distributable, split).pots
    ta = _interest_by_member(s, start, end) if business.distributable > 0 else {}
    sa = _capital_by_member(s, end) if business.distributable > 0 else {}
    ids = sorted(k for k in set(ta) | set(sa) if ta.get(k, 0) > 0 or sa.get(k, 0) > 0)
    dist = shu_rules.distribute(
        pots.get("jasa_anggota", 0),
        pots.get("jasa_modal", 0),
        [(i, max(ta.get(i, 0), 0), max(sa.get(i, 0), 0)) for i in ids],
    )
    info: dict[int, tuple[str, str, str]] = {}
    if ids:
        from ..db.models import Group

        rows = s.execute(
            select(Member.id, Member.number, Member.name, Group.code)
            .outerjoin(Group, Group.id == Member.group_id)
            .where(Member.id.in_(ids))
        ).all()
        info = {r[0]: (r[1], r[2], r[3] or "") for r in rows}
    paid = _paid_for_year(s, year)
    members = tuple(
        MemberShu(
            sh.member_id,
            info[sh.member_id][0],
            info[sh.member_id][1],
            info[sh.member_id][2],
            sh.interest_paid,
            sh.capital,
            sh.jasa_anggota,
            sh.jasa_modal,
            paid.get(sh.member_id, 0),
        )
        for sh in dist.shares
    )
    members = tuple(sorted(members, key=lambda m: m.number))
    return ShuPlan(
        year,
        start,
        end,
        surplus,
        closed,
        split,
        pots,
        members,
        sum(m.interest_paid for m in members),
        sum(m.capital for m in members),
        shu_distribution_entry_id(s, year),
        business,
        non_member_to_in(s),
        loss_coverage_in(s),
    )


def plan(db: Database, year: int, actor: Actor | None = None) -> ShuPlan:
    """Every member's SHU share of ``year``: cooperative-wide, not for a ketua kelompok."""
    require_read_all(actor, "Rencana pembagian SHU")
    with read_only(db) as s:
        return plan_in(s, year)


@dataclass(frozen=True)
class DistributionResult:
    year: int
    entry_id: int
    surplus: int
    to_members: int
    reserve: int  # the reserve pot plus the rounding remainder (negative: a loss covered)
    already: bool = False
    member_surplus: int = 0  # the members' SHU split into the pots
    non_member: int = 0  # the non-members' SHU, to non_member_account
    non_member_account: str = ""


def holding_account_in(s: Session, year: int) -> str:
    """The account that holds ``year``'s result: 3.90 until the next year is closed (its
    closing moves what 3.90 still holds to 3.91)."""
    if is_year_closed_in(s, year + 1):
        return statements.PRIOR_SHU_ACCOUNT
    return statements.SHU_ACCOUNT


def _refuse_loss(p: ShuPlan) -> None:
    code = "loss_year_cover_reserve" if p.loss_coverage == "cadangan" else "loss_year_carry"
    raise ValidationError("year", code, year=p.year, loss=format_rupiah(p.loss))


def distribute(
    db: Database, actor: Actor, year: int, date: dt.date, progress: ProgressCallback | None = None
) -> DistributionResult:
    """Post the RAT's SHU distribution for a closed year (idempotent).

    Only the members' SHU is split into the pots and shared by patronage; the non-members'
    SHU goes whole to its destination (the reserve by default). The entry takes exactly the
    year's SHU out of the account holding it. A loss year is refused (see cover_loss)."""
    require(actor, "ledger.write")
    with unit_of_work(db) as s:
        existing = shu_distribution_entry_id(s, year)
        p = plan_in(s, year)
        if existing is not None:
            return DistributionResult(year, existing, p.surplus, p.to_members, p.reserve, True)
        if not is_year_closed_in(s, year):
            raise ValidationError("year", "year_not_closed", year=year)
        if p.surplus < 0:
            _refuse_loss(p)
        if p.surplus == 0:
            raise ValidationError("year", "no_surplus", year=year)
        if date <= p.end:
            raise ValidationError(
                "date", "date_before", other=(p.end + dt.timedelta(days=1)).isoformat()
            )
        holding = holding_account_in(s, year)
        held = statements.balances(s, date).get(holding, 0)
        if held < p.surplus:
            raise ValidationError(
                "year",
                "shu_account_short",
                account=holding,
                balance=format_rupiah(held),
                amount=format_rupiah(p.surplus),
                year=year,
            )
        report(progress, 0, 2, "SHU")
        credits: dict[str, int] = {}
        for key, amount in p.pots.items():
            if key in ("jasa_anggota", "jasa_modal"):
                continue
            acct = POT_ACCOUNTS.get(key, accounts.GENERAL_RESERVE)
            credits[acct] = credits.get(acct, 0) + amount
        credits[accounts.GENERAL_RESERVE] = credits.get(accounts.GENERAL_RESERVE, 0) + p.remainder
        nm_acct = POT_ACCOUNTS.get(p.non_member_to, accounts.GENERAL_RESERVE)
        credits[nm_acct] = credits.get(nm_acct, 0) + p.to_non_member_destination
        lines = [Line(holding, debit=p.surplus, memo=f"SHU {year}")]
        lines += [
            Line(a, credit=v, memo=f"SHU {year}") for a, v in sorted(credits.items()) if v > 0
        ]
        lines += [
            Line(PAYABLE, credit=m.total, member_id=m.member_id, memo=f"SHU {year} {m.number}")
            for m in p.members
            if m.total > 0
        ]
        entry = ledger.post(
            s,
            actor,
            date,
            f"Pembagian SHU tahun buku {year} (keputusan RAT)",
            lines,
            source=SHU_SOURCE,
            source_ref=f"SHU-{year}",
            receipt_no=next_receipt(s, SERIES_JOURNAL, date.year),
        )
        result = DistributionResult(
            year,
            entry.id,
            p.surplus,
            p.to_members,
            p.reserve,
            member_surplus=p.distributable,
            non_member=p.to_non_member_destination,
            non_member_account=nm_acct,
        )
        audit.record(s, actor, "shu.distribute", "financial_year", str(year), None, result)
        report(progress, 2, 2, "selesai")
        return result


def cover_loss(db: Database, actor: Actor, year: int, date: dt.date) -> DistributionResult:
    """After the RAT: cover a closed loss year from the general reserve (3.20), when that
    is the proposal (setting ``shu_loss_coverage``). Carried forward, nothing is posted:
    the next closing moves the loss to 3.91. Idempotent."""
    require(actor, "ledger.write")
    with unit_of_work(db) as s:
        existing = shu_distribution_entry_id(s, year)
        p = plan_in(s, year)
        if existing is not None:
            return DistributionResult(year, existing, p.surplus, 0, -p.loss, True)
        if not is_year_closed_in(s, year):
            raise ValidationError("year", "year_not_closed", year=year)
        if p.loss == 0:
            raise ValidationError("year", "no_loss", year=year)
        if p.loss_coverage != "cadangan":
            raise ValidationError("year", "loss_carried_forward", year=year)
        if date <= p.end:
            raise ValidationError(
                "date", "date_before", other=(p.end + dt.timedelta(days=1)).isoformat()
            )
        reserve = statements.balances(s, date).get(accounts.GENERAL_RESERVE, 0)
        if reserve < p.loss:
            raise ValidationError(
                "year",
                "reserve_short",
                balance=format_rupiah(reserve),
                amount=format_rupiah(p.loss),
            )
        holding = holding_account_in(s, year)
        memo = f"Rugi {year} ditutup dari cadangan"
        entry = ledger.post(
            s,
            actor,
            date,
            f"Penutupan rugi tahun buku {year} dari cadangan umum (keputusan RAT)",
            [
                Line(accounts.GENERAL_RESERVE, debit=p.loss, memo=memo),
                Line(holding, credit=p.loss, memo=memo),
            ],
            source=SHU_SOURCE,
            source_ref=f"SHU-{year}",
            receipt_no=next_receipt(s, SERIES_JOURNAL, date.year),
        )
        result = DistributionResult(year, entry.id, p.surplus, 0, -p.loss)
        audit.record(s, actor, "shu.cover_loss", "financial_year", str(year), None, result)
        return result


@dataclass(frozen=True)
class Payout:
    member_number: str
    amount: int
    to: str  # cash | sukarela
    receipt_no: str
    entry_id: int


def pay(
    db: Database,
    actor: Actor,
    year: int,
    date: dt.date,
    to: str = "cash",
    member_numbers: list[str] | None = None,
    progress: ProgressCallback | None = None,
) -> list[Payout]:
    """Pay members their SHU of ``year`` from 2.21, in cash or into sukarela."""
    require(actor, "ledger.write")
    if to not in ("cash", "sukarela"):
        raise ValidationError("kind", "choice", choices="cash, sukarela", value=to)
    out: list[Payout] = []
    with unit_of_work(db) as s:
        if shu_distribution_entry_id(s, year) is None:
            raise ValidationError("year", "shu_not_distributed", year=year)
        p = plan_in(s, year)
        owed = payable_by_member(s)
        todo = [m for m in p.members if m.total - m.paid > 0]
        if member_numbers:
            wanted = set(member_numbers)
            todo = [m for m in todo if m.number in wanted]
        sukarela = savings.product_of_kind(s, "sukarela") if to == "sukarela" else None
        for n, m in enumerate(todo):
            report(progress, n, len(todo), m.number)
            amount = min(m.total - m.paid, owed.get(m.member_id, 0))
            if amount <= 0:
                continue
            member = s.get(Member, m.member_id)
            assert member is not None
            via = to if (to == "cash" or member.status == MemberStatus.ACTIVE) else "cash"
            if via == "sukarela":
                assert sukarela is not None
                acct = savings.account_for(s, member, sukarela, open_on=date)
                receipt = next_receipt(s, SERIES_SAVINGS, date.year)
                entry = ledger.post(
                    s,
                    actor,
                    date,
                    f"SHU {year} ke simpanan sukarela {member.number} {member.name}",
                    [
                        Line(PAYABLE, debit=amount, member_id=member.id),
                        Line(sukarela.account_code, credit=amount, member_id=member.id),
                    ],
                    source=SHU_SOURCE,
                    source_ref=f"SHU-{year}-BAYAR",
                    receipt_no=receipt,
                )
                savings.record_in(
                    s, actor, acct, amount, date, "shu", entry.id, receipt, f"SHU tahun buku {year}"
                )
            else:
                receipt = next_receipt(s, SERIES_JOURNAL, date.year)
                entry = ledger.post(
                    s,
                    actor,
                    date,
                    f"Pembayaran SHU {year} tunai {member.number} {member.name}",
                    [
                        Line(PAYABLE, debit=amount, member_id=member.id),
                        Line(accounts.CASH, credit=amount, member_id=member.id),
                    ],
                    source=SHU_SOURCE,
                    source_ref=f"SHU-{year}-BAYAR",
                    receipt_no=receipt,
                )
            payout = Payout(member.number, amount, via, receipt, entry.id)
            audit.record(s, actor, "shu.pay", "member", member.number, None, payout)
            out.append(payout)
        report(progress, len(todo), len(todo), "selesai")
    return out


@dataclass(frozen=True)
class ShuPolicy:
    non_member_to: str  # pot key: cadangan | cadangan_risiko | dana_pendidikan | dana_sosial
    loss_coverage: str  # cadangan | carry_forward


def policy(db: Database) -> ShuPolicy:
    with read_only(db) as s:
        return ShuPolicy(non_member_to_in(s), loss_coverage_in(s))


def save_policy(db: Database, actor: Actor, p: ShuPolicy) -> ShuPolicy:
    """Where the non-members' SHU goes, and a loss year's proposal (audited settings)."""
    require(actor, "settings.write")
    if p.non_member_to not in shu_rules.NON_MEMBER_DESTINATIONS:
        raise ValidationError(
            NON_MEMBER_KEY,
            "choice",
            choices=", ".join(shu_rules.NON_MEMBER_DESTINATIONS),
            value=p.non_member_to,
        )
    if p.loss_coverage not in shu_rules.LOSS_COVERAGE:
        raise ValidationError(
            LOSS_KEY, "choice", choices=", ".join(shu_rules.LOSS_COVERAGE), value=p.loss_coverage
        )
    with unit_of_work(db) as s:
        set_value(s, actor, NON_MEMBER_KEY, p.non_member_to)
        set_value(s, actor, LOSS_KEY, p.loss_coverage)
    return p

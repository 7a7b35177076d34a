"""Member messages: the day's list of messages to send (instalments due, arrears, deposits,
SHU, the annual meeting)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass, field

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    Group,
    JournalEntry,
    JournalLine,
    Loan,
    Member,
    MemberMessagePref,
    MessageLog,
    RatMeeting,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain.fmt import long_date
from ..domain.money import format_rupiah
from ..domain.vocabulary import MemberStatus
from ..errors import ValidationError
from . import savings
from .auth import Actor, visible_groups
from .member_messages import KINDS, check_kind, normalise_phone, whatsapp_link
from .message_templates import render, template_in
from .uow import read_only


@dataclass(frozen=True)
class MessageItem:
    kind: str
    ref: str
    member_number: str
    member_name: str
    group_code: str
    phone_raw: str
    phone: str  # 62..., "" when invalid
    phone_problem: str
    amount: int
    text: str
    link: str  # "" when the number is invalid
    sent_at: dt.datetime | None = None
    sent_by: str = ""

    @property
    def key(self) -> tuple[str, str, str]:
        return (self.member_number, self.kind, self.ref)


@dataclass(frozen=True)
class DailyList:
    date: dt.date
    items: tuple[MessageItem, ...]
    skipped_no_consent: int = 0
    skipped_opted_out: int = 0
    kinds: tuple[str, ...] = field(default=KINDS)

    @property
    def invalid(self) -> tuple[MessageItem, ...]:
        return tuple(i for i in self.items if i.phone_problem)

    @property
    def pending(self) -> tuple[MessageItem, ...]:
        return tuple(i for i in self.items if i.sent_at is None and not i.phone_problem)


@dataclass(frozen=True)
class _Raw:
    kind: str
    ref: str
    member_id: int
    amount: int
    values: dict[str, object]


def _loan_items(s: Session, date: dt.date, days: int, members: set[int]) -> list[_Raw]:
    from .loans.core import ACTIVE, loan_dues

    out: list[_Raw] = []
    loans = s.scalars(
        select(Loan).where(Loan.status == ACTIVE).order_by(Loan.member_id, Loan.disbursed_on)
    ).all()
    for loan in loans:
        if loan.member_id not in members:
            continue
        dues = [d for d in loan_dues(s, loan, date) if d.principal + d.interest + d.fee + d.penalty]
        late = [d for d in dues if d.due_date < date]
        if late:
            first = late[0]
            amount = sum(d.principal + d.interest + d.fee + d.penalty for d in late)
            out.append(
                _Raw(
                    "tunggakan",
                    f"{loan.number}/{first.no}",
                    loan.member_id,
                    amount,
                    {
                        "pinjaman": loan.number,
                        "jumlah": format_rupiah(amount),
                        "tanggal": long_date(first.due_date),
                        "hari": (date - first.due_date).days,
                    },
                )
            )
        for d in dues:
            if date < d.due_date <= date + dt.timedelta(days=days):
                amount = d.principal + d.interest + d.fee + d.penalty
                out.append(
                    _Raw(
                        "jatuh_tempo",
                        f"{loan.number}/{d.no}",
                        loan.member_id,
                        amount,
                        {
                            "pinjaman": loan.number,
                            "jumlah": format_rupiah(amount),
                            "tanggal": long_date(d.due_date),
                            "hari": (d.due_date - date).days,
                        },
                    )
                )
    return out


def _deposit_items(s: Session, date: dt.date, members: set[int]) -> list[_Raw]:
    rows = s.execute(
        select(SavingsTransaction, SavingsAccount.member_id, SavingsProduct.name)
        .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(
            SavingsTransaction.date == date,
            SavingsTransaction.kind == "setor",
            SavingsTransaction.amount > 0,
        )
        .order_by(SavingsTransaction.id)
    ).all()
    out = []
    for tx, member_id, product in rows:
        if member_id not in members:
            continue
        balance = savings.balance_at(s, tx.account_id, date)
        out.append(
            _Raw(
                "setoran",
                f"S{tx.id}",
                member_id,
                tx.amount,
                {
                    "jumlah": format_rupiah(tx.amount),
                    "tanggal": long_date(date),
                    "simpanan": product,
                    "saldo": format_rupiah(balance),
                },
            )
        )
    return out


def _shu_items(s: Session, date: dt.date, members: set[int]) -> list[_Raw]:
    from .closing import SHU_SOURCE
    from .shu import PAYABLE

    rows = s.execute(
        select(JournalLine.member_id, JournalLine.debit, JournalEntry.id, JournalEntry.source_ref)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .join(Account, Account.id == JournalLine.account_id)
        .where(
            JournalEntry.date == date,
            JournalEntry.source == SHU_SOURCE,
            JournalEntry.source_ref.like("SHU-%-BAYAR"),
            Account.code == PAYABLE,
            JournalLine.debit > 0,
            JournalLine.member_id.is_not(None),
        )
        .order_by(JournalEntry.id)
    ).all()
    out = []
    for member_id, amount, entry_id, ref in rows:
        if member_id not in members:
            continue
        year = ref.split("-")[1]
        out.append(
            _Raw(
                "shu",
                f"J{entry_id}",
                member_id,
                amount,
                {"jumlah": format_rupiah(amount), "tanggal": long_date(date), "tahun": year},
            )
        )
    return out


def _rat_items(s: Session, rat_year: int, members: set[int]) -> list[_Raw]:
    meeting = s.get(RatMeeting, rat_year)
    if meeting is None or meeting.held_on is None:
        raise ValidationError("rat_year", "msg_rat_not_planned", year=rat_year)
    values = {"tanggal": long_date(meeting.held_on), "tempat": meeting.place, "tahun": rat_year}
    return [_Raw("rat", f"RAT-{rat_year}", mid, 0, dict(values)) for mid in sorted(members)]


def daily_list(
    db: Database,
    date: dt.date,
    actor: Actor | None = None,
    kinds: Sequence[str] | None = None,
    rat_year: int | None = None,
    group_code: str | None = None,
) -> DailyList:
    """Whom to message on ``date``: installments due within the ``jatuh_tempo`` template's
    days, loans in arrears, deposits received and SHU paid that day, and (with ``rat_year``)
    the RAT invitation. Only members with consent and no opt-out; each item with its text,
    its WhatsApp link (none for an invalid number, which is flagged) and, once marked sent,
    when and by whom."""
    from .settings import profile_in

    wanted = tuple(check_kind(k) for k in (kinds or KINDS))
    if "rat" in wanted and rat_year is None:
        wanted = tuple(k for k in wanted if k != "rat")
    with read_only(db) as s:
        scope = visible_groups(actor)
        q = (
            select(Member, MemberMessagePref, Group.code)
            .outerjoin(MemberMessagePref, MemberMessagePref.member_id == Member.id)
            .outerjoin(Group, Group.id == Member.group_id)
            .where(Member.status == MemberStatus.ACTIVE)
        )
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        if group_code:
            q = q.where(Group.code == group_code.strip().upper())
        people: dict[int, tuple[Member, str]] = {}
        no_consent = opted_out = 0
        for m, p, gcode in s.execute(q):
            if p is not None and p.opted_out:
                opted_out += 1
            elif p is None or not p.consent:
                no_consent += 1
            else:
                people[m.id] = (m, gcode or "")
        ids = set(people)
        raws: list[_Raw] = []
        days = template_in(s, "jatuh_tempo").days_before
        if "jatuh_tempo" in wanted or "tunggakan" in wanted:
            raws += [r for r in _loan_items(s, date, days, ids) if r.kind in wanted]
        if "setoran" in wanted:
            raws += _deposit_items(s, date, ids)
        if "shu" in wanted:
            raws += _shu_items(s, date, ids)
        if "rat" in wanted:
            assert rat_year is not None
            raws += _rat_items(s, rat_year, ids)
        texts = {k: template_in(s, k).text for k in wanted}
        coop = profile_in(s).name
        sent: dict[tuple[int, str, str], MessageLog] = {}
        if raws:
            for row in s.scalars(
                select(MessageLog)
                .where(MessageLog.member_id.in_(ids), MessageLog.kind.in_(wanted))
                .order_by(MessageLog.id)
            ):
                sent[(row.member_id, row.kind, row.ref)] = row
        items = []
        for r in raws:
            m, gcode = people[r.member_id]
            phone = normalise_phone(m.phone)
            values: dict[str, object] = {
                "nama": m.name,
                "nomor": m.number,
                "koperasi": coop,
                "kelompok": gcode,
            }
            values.update(r.values)
            text = render(texts[r.kind], values)
            log = sent.get((r.member_id, r.kind, r.ref))
            items.append(
                MessageItem(
                    r.kind,
                    r.ref,
                    m.number,
                    m.name,
                    gcode,
                    m.phone,
                    phone.international,
                    phone.problem,
                    r.amount,
                    text,
                    whatsapp_link(phone.international, text) if phone.ok else "",
                    log.sent_at if log else None,
                    log.sent_by if log else "",
                )
            )
        order = {k: n for n, k in enumerate(KINDS)}
        items.sort(key=lambda i: (order[i.kind], i.group_code, i.member_number, i.ref))
        return DailyList(date, tuple(items), no_consent, opted_out, wanted)

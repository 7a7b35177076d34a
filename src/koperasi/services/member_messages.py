"""Messages to members (pesan ke anggota): the cooperative's templates, the day's list of whom
to message with a WhatsApp click-to-chat link, the export for an SMS/WhatsApp gateway, each
member's consent and opt-out, and the log of what was marked sent.

Nothing leaves the PC from here: a link is opened by the user's click, a gateway file is
uploaded by the user. A member is messaged only with consent recorded and no opt-out.

Kinds (``KINDS``): ``jatuh_tempo`` an installment due within the next N days (the template's
``days_before``), ``tunggakan`` a loan in arrears, ``setoran`` a savings deposit received on
the day, ``shu`` SHU paid on the day, ``rat`` the invitation to the year's RAT.
"""

from __future__ import annotations

import csv
import datetime as dt
import re
import string
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import quote

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
    MessageTemplate,
    RatMeeting,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain.fmt import long_date
from ..domain.money import format_rupiah
from ..domain.vocabulary import MemberStatus
from ..errors import NotFound, ValidationError
from . import audit, savings
from .auth import Actor, require, require_group_visible, visible_groups
from .uow import read_only, unit_of_work

KINDS = ("jatuh_tempo", "tunggakan", "setoran", "shu", "rat")
CHANNELS = ("whatsapp", "sms", "gateway")

DEFAULT_TEMPLATES: dict[str, str] = {
    "jatuh_tempo": (
        "Yth. {nama} ({nomor}), angsuran pinjaman {pinjaman} sebesar {jumlah} jatuh tempo "
        "pada {tanggal}. Mohon disiapkan untuk pertemuan kelompok {kelompok}. Terima kasih. "
        "- {koperasi}"
    ),
    "tunggakan": (
        "Yth. {nama} ({nomor}), pinjaman {pinjaman} memiliki tunggakan {jumlah} sejak "
        "{tanggal} ({hari} hari). Mohon segera dibayar atau hubungi pengurus. - {koperasi}"
    ),
    "setoran": (
        "Terima kasih {nama} ({nomor}). Setoran {simpanan} sebesar {jumlah} telah kami terima "
        "pada {tanggal}. Saldo {simpanan} Anda {saldo}. - {koperasi}"
    ),
    "shu": (
        "Yth. {nama} ({nomor}), SHU Anda sebesar {jumlah} telah dibayarkan pada {tanggal}. "
        "Terima kasih atas partisipasi Anda. - {koperasi}"
    ),
    "rat": (
        "Yth. {nama} ({nomor}), Anda diundang menghadiri Rapat Anggota Tahunan (RAT) tahun "
        "buku {tahun} pada {tanggal} di {tempat}. Kehadiran Anda sangat kami harapkan. "
        "- {koperasi}"
    ),
}
DEFAULT_DAYS_BEFORE = 3

# the placeholders each kind may use (a template with any other is refused when saved)
COMMON = ("nama", "nomor", "koperasi", "kelompok")
PLACEHOLDERS: dict[str, tuple[str, ...]] = {
    "jatuh_tempo": (*COMMON, "jumlah", "tanggal", "pinjaman", "hari"),
    "tunggakan": (*COMMON, "jumlah", "tanggal", "pinjaman", "hari"),
    "setoran": (*COMMON, "jumlah", "tanggal", "simpanan", "saldo"),
    "shu": (*COMMON, "jumlah", "tanggal", "tahun"),
    "rat": (*COMMON, "tanggal", "tempat", "tahun"),
}
MAX_TEXT = 1000  # a WhatsApp message stays short; an SMS gateway splits beyond 160


# ---------------------------------------------------------------- phone numbers


@dataclass(frozen=True)
class Phone:
    raw: str
    international: str  # 62..., "" when invalid
    problem: str  # "" | "kosong" | "bukan_hp" | "panjang"

    @property
    def ok(self) -> bool:
        return not self.problem


PHONE_PROBLEMS = {
    "kosong": ("nomor HP belum diisi", "no phone number"),
    "bukan_hp": (
        "bukan nomor HP Indonesia (harus 08... atau +628...)",
        "not an Indonesian mobile number (08... or +628...)",
    ),
    "panjang": ("panjang nomor HP salah", "wrong length of the phone number"),
}


def normalise_phone(raw: str | None) -> Phone:
    """An Indonesian mobile number in international form without '+': ``0812-3456-7890``,
    ``+62 812 3456 7890``, ``62812...`` and ``812...`` all give ``6281234567890``. Mobile
    numbers start 08 (628); with the 8 they have 9 to 12 digits."""
    text = (raw or "").strip()
    digits = re.sub(r"[\s\-.()/]", "", text)
    if not digits:
        return Phone(text, "", "kosong")
    if digits.startswith("+"):
        digits = digits[1:]
    if digits.startswith("00"):
        digits = digits[2:]
    if not digits.isdigit():
        return Phone(text, "", "bukan_hp")
    if digits.startswith("62"):
        national = digits[2:]
    elif digits.startswith("0"):
        national = digits[1:]
    else:
        national = digits
    if not national.startswith("8"):
        return Phone(text, "", "bukan_hp")
    if not 9 <= len(national) <= 12:
        return Phone(text, "", "panjang")
    return Phone(text, "62" + national, "")


def whatsapp_link(phone: str, text: str) -> str:
    """The click-to-chat link (https://wa.me/62...?text=...), the text percent-encoded."""
    return f"https://wa.me/{phone}?text={quote(text, safe='')}"


# ---------------------------------------------------------------- templates


@dataclass(frozen=True)
class Template:
    code: str
    text: str
    days_before: int
    customised: bool
    placeholders: tuple[str, ...]


def _check_kind(kind: str) -> str:
    kind = (kind or "").strip().lower()
    if kind not in KINDS:
        raise ValidationError("message_kind", "choice", choices=", ".join(KINDS), value=kind)
    return kind


def _template_in(s: Session, code: str) -> Template:
    row = s.get(MessageTemplate, code)
    if row is None:
        return Template(
            code, DEFAULT_TEMPLATES[code], DEFAULT_DAYS_BEFORE, False, PLACEHOLDERS[code]
        )
    return Template(code, row.text, row.days_before, True, PLACEHOLDERS[code])


def templates(db: Database) -> list[Template]:
    with read_only(db) as s:
        return [_template_in(s, k) for k in KINDS]


def check_template(kind: str, text: str) -> None:
    """Refuse an empty or too long text, unknown placeholders and stray braces."""
    text = text or ""
    if not text.strip():
        raise ValidationError("template_text", "required")
    if len(text) > MAX_TEXT:
        raise ValidationError("template_text", "msg_template_too_long", max=MAX_TEXT)
    try:
        names = [f for _lit, f, _spec, _conv in string.Formatter().parse(text) if f is not None]
    except ValueError as exc:
        raise ValidationError("template_text", "msg_template_braces") from exc
    unknown = sorted({n for n in names if n not in PLACEHOLDERS[kind]})
    if unknown:
        raise ValidationError(
            "template_text",
            "msg_template_unknown",
            names=", ".join("{" + n + "}" for n in unknown),
            allowed=", ".join("{" + n + "}" for n in PLACEHOLDERS[kind]),
        )


def save_template(
    db: Database,
    actor: Actor,
    kind: str,
    text: str,
    days_before: int | None = None,
) -> Template:
    """Save the cooperative's wording of ``kind`` (and, for ``jatuh_tempo``, how many days
    before the due date the reminder goes)."""
    require(actor, "message.template.write")
    kind = _check_kind(kind)
    text = (text or "").strip()
    check_template(kind, text)
    if days_before is not None and not 0 <= days_before <= 30:
        raise ValidationError("days_before", "out_of_range", min=0, max=30, value=days_before)
    with unit_of_work(db) as s:
        before = _template_in(s, kind)
        row = s.get(MessageTemplate, kind)
        if row is None:
            row = MessageTemplate(code=kind, text=text, days_before=before.days_before)
            s.add(row)
        row.text = text
        if days_before is not None:
            row.days_before = days_before
        row.updated_by = actor.username
        row.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        s.flush()
        after = _template_in(s, kind)
        audit.record(s, actor, "message.template", "message_template", kind, before, after)
        return after


def reset_template(db: Database, actor: Actor, kind: str) -> Template:
    """Back to the app's default wording."""
    require(actor, "message.template.write")
    kind = _check_kind(kind)
    with unit_of_work(db) as s:
        before = _template_in(s, kind)
        row = s.get(MessageTemplate, kind)
        if row is not None:
            s.delete(row)
            s.flush()
        after = _template_in(s, kind)
        audit.record(s, actor, "message.template", "message_template", kind, before, after)
        return after


class _Blank(dict):  # type: ignore[type-arg]
    def __missing__(self, key: str) -> str:
        return ""


def render(text: str, values: dict[str, object]) -> str:
    return string.Formatter().vformat(text, (), _Blank(values))


# ---------------------------------------------------------------- consent and opt-out


@dataclass(frozen=True)
class Consent:
    member_number: str
    member_name: str
    phone: str
    consent: bool
    consent_on: dt.date | None
    opted_out: bool
    opted_out_on: dt.date | None
    updated_by: str

    @property
    def may_message(self) -> bool:
        return self.consent and not self.opted_out


def _member(s: Session, number: str, lock: bool = False) -> Member:
    q = select(Member).where(Member.number == (number or "").strip().upper())
    if lock:
        q = q.with_for_update()
    m = s.scalars(q).first()
    if m is None:
        raise NotFound(what="Anggota", key=number)
    return m


def _consent_of(m: Member, p: MemberMessagePref | None) -> Consent:
    if p is None:
        return Consent(m.number, m.name, m.phone, False, None, False, None, "")
    return Consent(
        m.number,
        m.name,
        m.phone,
        p.consent,
        p.consent_on,
        p.opted_out,
        p.opted_out_on,
        p.updated_by,
    )


def get_consent(db: Database, member_number: str, actor: Actor | None = None) -> Consent:
    with read_only(db) as s:
        m = _member(s, member_number)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        return _consent_of(m, s.get(MemberMessagePref, m.id))


def consents(db: Database, actor: Actor | None = None) -> list[Consent]:
    """Every current member with their consent (none recorded: no consent)."""
    with read_only(db) as s:
        groups = visible_groups(actor)
        q = select(Member, MemberMessagePref).outerjoin(
            MemberMessagePref, MemberMessagePref.member_id == Member.id
        )
        q = q.where(Member.status.in_((MemberStatus.ACTIVE, MemberStatus.CANDIDATE)))
        if groups is not None:
            q = q.where(Member.group_id.in_(groups))
        return [_consent_of(m, p) for m, p in s.execute(q.order_by(Member.number))]


def set_consent(
    db: Database,
    actor: Actor,
    member_number: str,
    *,
    consent: bool | None = None,
    opted_out: bool | None = None,
    on: dt.date | None = None,
) -> Consent:
    """Record the member's consent to messages (given or withdrawn) and/or their opt-out."""
    require(actor, "message.consent.write")
    from . import clock

    day = on or clock.today()
    with unit_of_work(db) as s:
        m = _member(s, member_number, lock=True)
        p = s.get(MemberMessagePref, m.id)
        before = _consent_of(m, p)
        if p is None:
            p = MemberMessagePref(member_id=m.id, consent=False, opted_out=False)
            s.add(p)
        if consent is not None and consent != p.consent:
            p.consent = consent
            p.consent_on = day
        if opted_out is not None and opted_out != p.opted_out:
            p.opted_out = opted_out
            p.opted_out_on = day
        p.updated_by = actor.username
        p.updated_at = dt.datetime.now(dt.UTC).replace(tzinfo=None)
        s.flush()
        after = _consent_of(m, p)
        if after != before:
            audit.record(s, actor, "message.consent", "member", m.number, before, after)
        return after


# ---------------------------------------------------------------- the day's list


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

    wanted = tuple(_check_kind(k) for k in (kinds or KINDS))
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
        days = _template_in(s, "jatuh_tempo").days_before
        if "jatuh_tempo" in wanted or "tunggakan" in wanted:
            raws += [r for r in _loan_items(s, date, days, ids) if r.kind in wanted]
        if "setoran" in wanted:
            raws += _deposit_items(s, date, ids)
        if "shu" in wanted:
            raws += _shu_items(s, date, ids)
        if "rat" in wanted:
            assert rat_year is not None
            raws += _rat_items(s, rat_year, ids)
        texts = {k: _template_in(s, k).text for k in wanted}
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


# ---------------------------------------------------------------- marking sent, the log


def mark_sent(
    db: Database,
    actor: Actor,
    date: dt.date,
    keys: Iterable[tuple[str, str, str]],
    channel: str = "whatsapp",
    rat_year: int | None = None,
    sent_at: dt.datetime | None = None,
) -> list[MessageItem]:
    """Log the items (``(member_no, kind, ref)`` of the day's list) as sent by ``actor``:
    the text logged is the one the list made. An item not on the list, already sent, or
    without a valid number is refused (nothing logged)."""
    require(actor, "message.send")
    if channel not in CHANNELS:
        raise ValidationError("channel", "choice", choices=", ".join(CHANNELS), value=channel)
    keys = list(dict.fromkeys(keys))
    if not keys:
        raise ValidationError("messages", "msg_nothing_selected")
    kinds = sorted({k[1] for k in keys})
    current = {i.key: i for i in daily_list(db, date, actor, kinds, rat_year).items}
    for key in keys:
        item = current.get(key)
        if item is None:
            raise ValidationError("messages", "msg_not_on_list", member=key[0], ref=key[2])
        if item.sent_at is not None:
            raise ValidationError("messages", "msg_already_sent", member=key[0], ref=key[2])
        if item.phone_problem:
            raise ValidationError("phone", "msg_phone_invalid", member=key[0], value=item.phone_raw)
    now = sent_at or dt.datetime.now(dt.UTC).replace(tzinfo=None)
    out = []
    with unit_of_work(db) as s:
        for key in keys:
            item = current[key]
            m = _member(s, item.member_number, lock=True)
            require_group_visible(actor, m.group_id, "Anggota", m.number)
            dup = s.scalars(
                select(MessageLog.id).where(
                    MessageLog.member_id == m.id,
                    MessageLog.kind == item.kind,
                    MessageLog.ref == item.ref,
                )
            ).first()
            if dup is not None:  # a colleague marked it in the meantime
                raise ValidationError("messages", "msg_already_sent", member=m.number, ref=item.ref)
            s.add(
                MessageLog(
                    member_id=m.id,
                    kind=item.kind,
                    ref=item.ref,
                    for_date=date,
                    phone=item.phone,
                    channel=channel,
                    text=item.text,
                    amount=item.amount,
                    sent_at=now,
                    sent_by=actor.username,
                )
            )
            out.append(MessageItem(**{**item.__dict__, "sent_at": now, "sent_by": actor.username}))
        s.flush()
        audit.record(
            s,
            actor,
            "message.sent",
            "message_log",
            date.isoformat(),
            None,
            {"channel": channel, "count": len(out), "items": [list(i.key) for i in out]},
        )
    return out


@dataclass(frozen=True)
class LogRow:
    id: int
    sent_at: dt.datetime
    sent_by: str
    for_date: dt.date
    member_number: str
    member_name: str
    kind: str
    ref: str
    channel: str
    phone: str
    amount: int
    text: str


def sent_log(
    db: Database,
    actor: Actor | None = None,
    start: dt.date | None = None,
    end: dt.date | None = None,
    member_number: str | None = None,
    limit: int = 500,
) -> list[LogRow]:
    """What was marked sent, newest first."""
    with read_only(db) as s:
        q = select(MessageLog, Member.number, Member.name).join(
            Member, Member.id == MessageLog.member_id
        )
        scope = visible_groups(actor)
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        if start:
            q = q.where(MessageLog.for_date >= start)
        if end:
            q = q.where(MessageLog.for_date <= end)
        if member_number:
            q = q.where(Member.number == member_number.strip().upper())
        q = q.order_by(MessageLog.sent_at.desc(), MessageLog.id.desc()).limit(limit)
        return [
            LogRow(
                r.id,
                r.sent_at,
                r.sent_by,
                r.for_date,
                number,
                name,
                r.kind,
                r.ref,
                r.channel,
                r.phone,
                r.amount,
                r.text,
            )
            for r, number, name in s.execute(q)
        ]


# ---------------------------------------------------------------- export for gateways

EXPORT_HEADERS = (
    "phone",
    "message",
    "member_number",
    "name",
    "group",
    "kind",
    "ref",
    "amount",
)


def _export_rows(items: Sequence[MessageItem]) -> list[list[object]]:
    return [
        [i.phone, i.text, i.member_number, i.member_name, i.group_code, i.kind, i.ref, i.amount]
        for i in items
        if i.phone and i.sent_at is None
    ]


def export_list(items: Sequence[MessageItem], path: str | Path) -> int:
    """The pending items with a valid number as CSV (UTF-8, comma) or XLSX (by the file's
    suffix), one message a row: ``phone`` (62...), ``message``, then the member and the
    reference, the column names gateways (Wablas, Zenziva, Fonnte...) map. Returns the rows."""
    path = Path(path)
    rows = _export_rows(items)
    if path.suffix.lower() == ".xlsx":
        from openpyxl import Workbook

        wb = Workbook()
        ws = wb.active
        ws.title = "Pesan"
        ws.append(list(EXPORT_HEADERS))
        for r in rows:
            ws.append(r)
            ws.cell(ws.max_row, 1).number_format = "@"  # the number stays text (no 6.28E+12)
        for col, width in zip("ABCDEFGH", (16, 80, 14, 28, 10, 12, 14, 12), strict=True):
            ws.column_dimensions[col].width = width
        ws.freeze_panes = "A2"
        wb.save(path)
    elif path.suffix.lower() == ".csv":
        with path.open("w", newline="", encoding="utf-8") as f:
            w = csv.writer(f)
            w.writerow(EXPORT_HEADERS)
            w.writerows(rows)
    else:
        raise ValidationError("path", "msg_export_suffix", value=path.name)
    return len(rows)


def phone_problem_text(code: str, lang: str = "id") -> str:
    pair = PHONE_PROBLEMS.get(code)
    return "" if pair is None else (pair[0] if lang == "id" else pair[1])

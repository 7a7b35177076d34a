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

import datetime as dt
import re
from dataclasses import dataclass
from urllib.parse import quote

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Member,
    MemberMessagePref,
)
from ..domain.vocabulary import MemberStatus
from ..errors import NotFound, ValidationError
from ..messages.text import pick
from . import audit
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


def check_kind(kind: str) -> str:
    kind = (kind or "").strip().lower()
    if kind not in KINDS:
        raise ValidationError("message_kind", "choice", choices=", ".join(KINDS), value=kind)
    return kind


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


def member_by_number(s: Session, number: str, lock: bool = False) -> Member:
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
        m = member_by_number(s, member_number)
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
        m = member_by_number(s, member_number, lock=True)
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


# ---------------------------------------------------------------- export for gateways


def phone_problem_text(code: str, lang: str = "id") -> str:
    pair = PHONE_PROBLEMS.get(code)
    return "" if pair is None else pick(pair, lang)

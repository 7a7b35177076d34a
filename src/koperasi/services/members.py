"""Members (anggota): registration, search, profile changes, exit."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from dataclasses import asdict, dataclass, field, replace
from typing import Any

from sqlalchemy import and_, func, or_, select, union
from sqlalchemy.orm import InstrumentedAttribute, Session
from sqlalchemy.sql.elements import ColumnElement

from ..db.database import Database
from ..db.models import (
    Group,
    GroupMembership,
    Member,
    MemberVulnerability,
    SavingsAccount,
    SavingsProduct,
    VulnerabilityCategory,
)
from ..domain.vocabulary import MemberStatus
from ..errors import NotFound, ValidationError
from . import audit
from .auth import Actor, require, require_group_visible, visible_groups
from .counters import SERIES_MEMBER, next_number
from .settings import get_value
from .uow import read_only, unit_of_work
from .validation import (
    check_choice,
    check_date_horizon,
    check_nik,
    check_phone,
    check_required,
    clean_number_text,
    clean_text,
)

STATUSES = tuple(MemberStatus)
GENDERS = ("L", "P")
PAGE = 200


@dataclass(frozen=True)
class MemberInput:
    """What the registration form (or an import row) gives."""

    name: str
    nik: str
    gender: str
    join_date: dt.date
    birth_date: dt.date | None = None
    birth_place: str = ""
    address: str = ""
    kelurahan: str = ""
    kecamatan: str = ""
    phone: str = ""
    occupation: str = ""
    heir_name: str = ""
    heir_relation: str = ""
    group_code: str | None = None
    categories: tuple[str, ...] = ()
    status: str = MemberStatus.ACTIVE
    number: str | None = None  # None: next number from the pattern


@dataclass(frozen=True)
class MemberRow:
    """One line of the member list."""

    id: int
    number: str
    name: str
    gender: str
    nik: str
    phone: str
    kelurahan: str
    group_name: str | None
    status: str
    join_date: dt.date


@dataclass(frozen=True)
class MemberDetail:
    id: int
    number: str
    name: str
    nik: str
    gender: str
    birth_place: str
    birth_date: dt.date | None
    address: str
    kelurahan: str
    kecamatan: str
    phone: str
    occupation: str
    join_date: dt.date
    heir_name: str
    heir_relation: str
    status: str
    status_date: dt.date | None
    exit_reason: str
    group_code: str | None
    group_name: str | None
    categories: tuple[str, ...] = field(default_factory=tuple)

    def as_input(self) -> MemberInput:
        return MemberInput(
            name=self.name,
            nik=self.nik,
            gender=self.gender,
            join_date=self.join_date,
            birth_date=self.birth_date,
            birth_place=self.birth_place,
            address=self.address,
            kelurahan=self.kelurahan,
            kecamatan=self.kecamatan,
            phone=self.phone,
            occupation=self.occupation,
            heir_name=self.heir_name,
            heir_relation=self.heir_relation,
            group_code=self.group_code,
            categories=self.categories,
            status=self.status,
            number=self.number,
        )


@dataclass(frozen=True)
class Category:
    code: str
    name_id: str
    name_en: str


# ---------------------------------------------------------------- validation


def validate(data: MemberInput, today: dt.date | None = None) -> MemberInput:
    """Check every field; return the cleaned input or raise ValidationError naming the field."""
    today = today or dt.date.today()
    name = " ".join(check_required(data.name, "name").split())
    if len(name) > 120:
        raise ValidationError("name", "too_large", max=120)
    nik = check_nik(data.nik)
    gender = check_choice((data.gender or "").strip().upper()[:1], GENDERS, "gender")
    status = check_choice(data.status, STATUSES, "status")
    if data.join_date > today:
        raise ValidationError("join_date", "date_in_future")
    if data.birth_date is not None:
        if data.birth_date > today:
            raise ValidationError("birth_date", "date_in_future")
        if data.birth_date > data.join_date:
            raise ValidationError("join_date", "date_before", other=data.birth_date.isoformat())
    phone = check_phone(data.phone)
    check_date_horizon(data.join_date, "join_date")
    if data.birth_date is not None:
        check_date_horizon(data.birth_date, "birth_date")
    # every other text field: NFKC, no control characters (a line break only in the address)
    texts: dict[str, Any] = {
        key: clean_text(getattr(data, key), key, multiline=key == "address")
        for key in _TEXT_FIELDS
        if getattr(data, key, None) is not None
    }
    return replace(
        data,
        name=name,
        nik=nik,
        gender=gender,
        status=status,
        phone=phone,
        categories=tuple(sorted(set(data.categories))),
        **texts,
    )


_TEXT_FIELDS = (
    "birth_place",
    "address",
    "kelurahan",
    "kecamatan",
    "occupation",
    "heir_name",
    "heir_relation",
)


def validation_errors(data: MemberInput) -> list[ValidationError]:
    """Every problem at once (forms and imports show them all), not just the first."""
    errors: list[ValidationError] = []
    checks: list[Callable[[], object]] = [
        lambda: check_required(data.name, "name"),
        lambda: check_nik(data.nik),
        lambda: check_choice((data.gender or "").strip().upper()[:1], GENDERS, "gender"),
        lambda: check_phone(data.phone),
        lambda: validate(data),
    ]
    seen: set[str] = set()
    for check in checks:
        try:
            check()
        except ValidationError as exc:
            if exc.field not in seen:
                seen.add(exc.field)
                errors.append(exc)
    return errors


# ---------------------------------------------------------------- helpers in a session


def member_by_number(session: Session, number: str, *, lock: bool = False) -> Member:
    q = select(Member).where(Member.number == number.strip())
    if lock:
        q = q.with_for_update()
    m = session.scalars(q).first()
    if m is None:
        raise NotFound(what="Anggota", key=number)
    return m


def assign_in(session: Session, actor: Actor, m: Member, g: Group, date: dt.date) -> None:
    """Move ``m`` into ``g`` (a member belongs to one group at a time; history kept)."""
    current = session.scalars(
        select(GroupMembership).where(
            GroupMembership.member_id == m.id, GroupMembership.left_on.is_(None)
        )
    ).all()
    for row in current:
        if row.group_id == g.id:
            return
        if date < row.joined_on:
            raise ValidationError("date", "date_before", other=row.joined_on.isoformat())
        row.left_on = date
        old = session.get(Group, row.group_id)
        if old is not None and old.leader_member_id == m.id:
            old.leader_member_id = None
    session.add(GroupMembership(member_id=m.id, group_id=g.id, joined_on=date))
    m.group_id = g.id
    session.flush()
    audit.record(
        session, actor, "group.assign", "member", m.number, after={"group": g.code, "date": date}
    )


def _group_by_code(session: Session, code: str) -> Group:
    g = session.scalars(select(Group).where(Group.code == code)).first()
    if g is None:
        raise NotFound(what="Kelompok", key=code)
    return g


def _category_ids(session: Session, codes: tuple[str, ...]) -> list[int]:
    if not codes:
        return []
    rows = dict(
        session.execute(
            select(VulnerabilityCategory.code, VulnerabilityCategory.id).where(
                VulnerabilityCategory.code.in_(codes)
            )
        ).all()
    )
    for c in codes:
        if c not in rows:
            raise ValidationError(
                "category", "choice", choices=", ".join(sorted(rows)) or "-", value=c
            )
    return [rows[c] for c in codes]


def detail_in(session: Session, m: Member) -> MemberDetail:
    group = session.get(Group, m.group_id) if m.group_id else None
    cats = tuple(
        session.scalars(
            select(VulnerabilityCategory.code)
            .join(MemberVulnerability, MemberVulnerability.category_id == VulnerabilityCategory.id)
            .where(MemberVulnerability.member_id == m.id)
            .order_by(VulnerabilityCategory.code)
        )
    )
    return MemberDetail(
        id=m.id,
        number=m.number,
        name=m.name,
        nik=m.nik,
        gender=m.gender,
        birth_place=m.birth_place,
        birth_date=m.birth_date,
        address=m.address,
        kelurahan=m.kelurahan,
        kecamatan=m.kecamatan,
        phone=m.phone,
        occupation=m.occupation,
        join_date=m.join_date,
        heir_name=m.heir_name,
        heir_relation=m.heir_relation,
        status=m.status,
        status_date=m.status_date,
        exit_reason=m.exit_reason,
        group_code=group.code if group else None,
        group_name=group.name if group else None,
        categories=cats,
    )


def register_in(session: Session, actor: Actor, data: MemberInput) -> Member:
    data = validate(data)
    if session.scalar(select(Member.id).where(Member.nik == data.nik)) is not None:
        raise ValidationError("nik", "duplicate", value=data.nik)
    number = (data.number or "").strip()
    if number:
        if session.scalar(select(Member.id).where(Member.number == number)) is not None:
            raise ValidationError("member", "duplicate", value=number)
    else:
        pattern = get_value(session, "member_number_pattern") or "A{seq:05d}"
        while True:
            seq = next_number(session, SERIES_MEMBER, 0)
            number = pattern.format(seq=seq, year=data.join_date.year)
            if session.scalar(select(Member.id).where(Member.number == number)) is None:
                break
    group = _group_by_code(session, data.group_code) if data.group_code else None
    m = Member(
        number=number,
        nik=data.nik,
        name=data.name,
        name_key=data.name.lower(),
        gender=data.gender,
        birth_place=data.birth_place,
        birth_date=data.birth_date,
        address=data.address,
        kelurahan=data.kelurahan,
        kecamatan=data.kecamatan,
        phone=data.phone,
        occupation=data.occupation,
        join_date=data.join_date,
        heir_name=data.heir_name,
        heir_relation=data.heir_relation,
        status=data.status,
        status_date=data.join_date,
        group_id=group.id if group else None,
    )
    session.add(m)
    session.flush()
    for cid in _category_ids(session, data.categories):
        session.add(MemberVulnerability(member_id=m.id, category_id=cid))
    if group is not None:
        session.add(GroupMembership(member_id=m.id, group_id=group.id, joined_on=data.join_date))
    for p in session.scalars(
        select(SavingsProduct).where(
            SavingsProduct.active.is_(True), SavingsProduct.kind != "berjangka"
        )
    ):
        session.add(
            SavingsAccount(
                number=f"{number}-{p.code}",
                member_id=m.id,
                product_id=p.id,
                opened_on=data.join_date,
                balance=0,
            )
        )
    session.flush()
    audit.record(session, actor, "member.register", "member", number, after=asdict(data))
    return m


# ---------------------------------------------------------------- use cases


def register_member(db: Database, actor: Actor, data: MemberInput) -> MemberDetail:
    """Register a member: number from the pattern, savings accounts opened, group joined."""
    require(actor, "member.write")
    with unit_of_work(db) as s:
        return detail_in(s, register_in(s, actor, data))


def update_member(db: Database, actor: Actor, number: str, data: MemberInput) -> MemberDetail:
    """Change a member's profile (not the number; group changes go through groups.assign)."""
    require(actor, "member.write")
    data = validate(data)
    with unit_of_work(db) as s:
        m = member_by_number(s, number, lock=True)
        before = detail_in(s, m)
        dup = s.scalar(select(Member.id).where(Member.nik == data.nik, Member.id != m.id))
        if dup is not None:
            raise ValidationError("nik", "duplicate", value=data.nik)
        for attr in (
            "nik",
            "name",
            "gender",
            "birth_place",
            "birth_date",
            "address",
            "kelurahan",
            "kecamatan",
            "phone",
            "occupation",
            "join_date",
            "heir_name",
            "heir_relation",
        ):
            setattr(m, attr, getattr(data, attr))
        m.name_key = m.name.lower()
        if data.status != m.status:
            m.status, m.status_date = data.status, dt.date.today()
        s.query(MemberVulnerability).filter_by(member_id=m.id).delete()
        for cid in _category_ids(s, data.categories):
            s.add(MemberVulnerability(member_id=m.id, category_id=cid))
        s.flush()
        if data.group_code != before.group_code and data.group_code:
            assign_in(s, actor, m, _group_by_code(s, data.group_code), dt.date.today())
        after = detail_in(s, m)
        audit.record(s, actor, "member.update", "member", number, before=before, after=after)
        return after


def get_member(db: Database, number: str, actor: Actor | None = None) -> MemberDetail:
    """One member's details; a ketua kelompok only for members of their groups."""
    with read_only(db) as s:
        m = member_by_number(s, number)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        d = detail_in(s, m)
        if visible_groups(actor) is not None:  # vulnerability categories: not for a ketua
            d = replace(d, categories=())
        return d


def _starts_with(col: InstrumentedAttribute[str], prefix: str) -> ColumnElement[bool]:
    """``col`` begins with ``prefix``, as a range its index can seek (``number >= 'A25'
    AND number < 'A26'``): a ``LIKE 'A25%'`` alone reads the whole index on SQLite (its
    LIKE ignores case, the index does not) and on PostgreSQL without pattern operators.
    The LIKE stays as the exact test."""
    after = prefix[:-1] + chr(ord(prefix[-1]) + 1)
    return and_(col >= prefix, col < after, col.like(f"{prefix}%"))


def _search_filter(search: str | None) -> ColumnElement[bool] | None:
    """Number prefix, name substring, NIK or phone prefix.

    One ``id IN (... UNION ...)`` of single-column matches rather than one ``OR`` over the
    table: each part then reads only its own index, the prefixes as a seek (constant time
    however many members), the name substring as a scan of the narrow ``name_key`` index.
    Names hold no digits, so an all-digit query looks only at number, NIK and phone; other
    text only at number and name. Numbers are matched as typed and in capitals (a00012
    finds A00012, on PostgreSQL too)."""
    text = clean_number_text(search).strip()  # a NIK typed in full-width digits finds it too
    if not text:
        return None
    digits = text.replace(" ", "")
    parts = [
        select(Member.id).where(_starts_with(Member.number, form))
        for form in dict.fromkeys((text, text.upper()))
    ]
    if digits.isdigit():
        parts.append(select(Member.id).where(_starts_with(Member.nik, digits)))
        parts.append(select(Member.id).where(_starts_with(Member.phone, digits)))
    else:
        parts.append(select(Member.id).where(Member.name_key.like(f"%{text.lower()}%")))
    return Member.id.in_(union(*parts))


def list_members(
    db: Database,
    search: str | None = None,
    after: tuple[Any, ...] | None = None,
    limit: int = PAGE,
    sort: str = "number",
    descending: bool = False,
    group_code: str | None = None,
    status: str | None = None,
    actor: Actor | None = None,
) -> list[MemberRow]:
    """A page of members, ordered by ``sort`` (number|name|join_date), after a keyset
    ``(sort_value, id)`` from the previous page's last row. Search matches number prefix,
    name substring, NIK prefix or phone prefix."""
    keys = {"number": Member.number, "name": Member.name_key, "join_date": Member.join_date}
    if sort not in keys:
        raise ValidationError("kind", "choice", choices=", ".join(keys), value=sort)
    col = keys[sort]
    scope = visible_groups(actor)
    with read_only(db) as s:
        q = select(
            Member.id,
            Member.number,
            Member.name,
            Member.gender,
            Member.nik,
            Member.phone,
            Member.kelurahan,
            Group.name,
            Member.status,
            Member.join_date,
            col,
        ).outerjoin(Group, Group.id == Member.group_id)
        cond = _search_filter(search)
        if cond is not None:
            q = q.where(cond)
        if group_code:
            q = q.where(Group.code == group_code)
        if status:
            q = q.where(Member.status == status)
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        if after is not None:
            value, last_id = after
            if descending:
                q = q.where(or_(col < value, and_(col == value, Member.id < last_id)))
            else:
                q = q.where(or_(col > value, and_(col == value, Member.id > last_id)))
        q = q.order_by(col.desc(), Member.id.desc()) if descending else q.order_by(col, Member.id)
        rows = s.execute(q.limit(limit)).all()
        return [MemberRow(*r[:10]) for r in rows]


def sort_key(row: MemberRow, sort: str = "number") -> tuple[Any, ...]:
    """The keyset ``after`` value for the next page after ``row``."""
    value = {"number": row.number, "name": row.name.lower(), "join_date": row.join_date}[sort]
    return (value, row.id)


def count_members(
    db: Database,
    search: str | None = None,
    group_code: str | None = None,
    status: str | None = None,
    actor: Actor | None = None,
) -> int:
    scope = visible_groups(actor)
    with read_only(db) as s:
        q = select(func.count(Member.id)).outerjoin(Group, Group.id == Member.group_id)
        cond = _search_filter(search)
        if cond is not None:
            q = q.where(cond)
        if group_code:
            q = q.where(Group.code == group_code)
        if status:
            q = q.where(Member.status == status)
        if scope is not None:
            q = q.where(Member.group_id.in_(scope))
        return int(s.scalar(q) or 0)


def list_categories(db: Database) -> list[Category]:
    with read_only(db) as s:
        return [
            Category(c.code, c.name_id, c.name_en)
            for c in s.scalars(
                select(VulnerabilityCategory)
                .where(VulnerabilityCategory.active.is_(True))
                .order_by(VulnerabilityCategory.id)
            )
        ]


def add_category(
    db: Database, actor: Actor, code: str, name_id: str, name_en: str = ""
) -> Category:
    """The cooperative may extend the list of vulnerability categories."""
    require(actor, "settings.write")
    code = check_required(code, "code").lower()
    name_id = check_required(name_id, "name")
    with unit_of_work(db) as s:
        if s.scalar(select(VulnerabilityCategory.id).where(VulnerabilityCategory.code == code)):
            raise ValidationError("code", "duplicate", value=code)
        s.add(VulnerabilityCategory(code=code, name_id=name_id, name_en=name_en or name_id))
        audit.record(
            s,
            actor,
            "category.add",
            "vulnerability_category",
            code,
            after={"name_id": name_id, "name_en": name_en},
        )
    return Category(code, name_id, name_en or name_id)

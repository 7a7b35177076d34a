"""Collateral (jaminan) and guarantors (penjamin) of loans (issue 17 part 3).

Collateral is pledged for a loan at application (or added while the loan is open): its
kind, what it is, its value, the document's number and owner. The documents held are
logged (received, returned). When the loan is paid off (or the application refused) the
collateral is handed back with a numbered hand-over letter (Surat Serah Terima Jaminan,
:func:`koperasi.reports.loan_papers` renders it). The loan's ``collateral`` value (used by
the loan-quality rules for the recognised collateral) follows the value still held.

Product rules: ``collateral_above`` (collateral is required when the amount is above it) and
``cover_ratio`` (the collateral's value as a percentage of the amount, at least) are checked
when collateral comes with the application and always when the loan is approved.

Guarantors are members (not the borrower); a guarantor's exposure is the principal
outstanding of the active loans they guarantee, shown on their profile and in
:func:`guarantee_report`.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ...db.database import Database
from ...db.models import (
    CollateralEvent,
    Loan,
    LoanCollateral,
    LoanGuarantor,
    LoanProduct,
    Member,
)
from ...domain.money import RoundingMode, format_rupiah, percent_of
from ...domain.vocabulary import (
    COLLATERAL_EVENT_LABELS,
    COLLATERAL_KIND_LABELS,
    CollateralEventKind,
    CollateralKind,
    LoanStatus,
    MemberStatus,
)
from ...errors import NotFound, ValidationError
from .. import audit
from ..auth import Actor, require, require_group_visible, require_read_all, visible_groups
from ..check import Problem
from ..counters import next_number
from ..members import member_by_number
from ..uow import read_only, unit_of_work
from ..validation import check_amount
from .core import loan_by_number, lock_loan, require_loan_visible

KINDS = tuple(CollateralKind)
KIND_LABELS = COLLATERAL_KIND_LABELS
EVENT_LABELS = COLLATERAL_EVENT_LABELS
HANDOVER_SERIES = "SSJ"
# a loan whose collateral may be handed back
RETURNABLE = (LoanStatus.PAID_OFF, LoanStatus.REJECTED)


@dataclass(frozen=True)
class CollateralInput:
    kind: str
    description: str
    value: int
    document_no: str = ""
    owner: str = ""
    documents: str = ""  # the documents held, as the log records them


@dataclass(frozen=True)
class EventView:
    date: dt.date
    kind: str
    documents: str
    note: str
    by: str


@dataclass(frozen=True)
class CollateralView:
    id: int
    loan_number: str
    kind: str
    description: str
    value: int
    document_no: str
    owner: str
    received_on: dt.date
    returned_on: dt.date | None
    returned_to: str
    handover_no: str | None
    events: tuple[EventView, ...] = ()

    @property
    def held(self) -> bool:
        return self.returned_on is None


@dataclass(frozen=True)
class GuarantorView:
    loan_number: str
    member_number: str
    member_name: str
    relation: str


def validate(item: CollateralInput) -> CollateralInput:
    if item.kind not in KINDS:
        raise ValidationError(
            "collateral_kind", "choice", choices=", ".join(KINDS), value=item.kind
        )
    description = " ".join((item.description or "").split())
    if not description:
        raise ValidationError("collateral_description", "required")
    value = check_amount(item.value, "collateral_value")
    return CollateralInput(
        item.kind,
        description,
        value,
        (item.document_no or "").strip()[:60],
        (item.owner or "").strip()[:120],
        (item.documents or "").strip(),
    )


def _view(s: Session, c: LoanCollateral, loan_number: str | None = None) -> CollateralView:
    if loan_number is None:
        loan_number = s.scalar(select(Loan.number).where(Loan.id == c.loan_id)) or ""
    events = tuple(
        EventView(e.date, e.kind, e.documents, e.note, e.created_by)
        for e in s.scalars(
            select(CollateralEvent)
            .where(CollateralEvent.collateral_id == c.id)
            .order_by(CollateralEvent.id)
        )
    )
    return CollateralView(
        c.id,
        loan_number,
        c.kind,
        c.description,
        c.value,
        c.document_no,
        c.owner,
        c.received_on,
        c.returned_on,
        c.returned_to,
        c.handover_no,
        events,
    )


def held_value_in(s: Session, loan_id: int) -> int:
    return sum(
        c.value
        for c in s.scalars(
            select(LoanCollateral).where(
                LoanCollateral.loan_id == loan_id, LoanCollateral.returned_on.is_(None)
            )
        )
    )


def _sync(s: Session, loan: Loan) -> None:
    """The loan's recognised collateral value follows what is held."""
    loan.collateral = held_value_in(s, loan.id)


def add_in(
    s: Session,
    actor: Actor,
    loan: Loan,
    item: CollateralInput,
    date: dt.date,
    *,
    historic: bool = False,
) -> LoanCollateral:
    """``historic``: collateral of a loan already closed, brought in from the old books (or
    the demo), to be returned with its letter."""
    item = validate(item)
    if not historic and loan.status not in (
        LoanStatus.APPLIED,
        LoanStatus.APPROVED,
        LoanStatus.ACTIVE,
    ):
        raise ValidationError("loan", "collateral_loan_closed", loan=loan.number)
    if date < loan.applied_on:
        raise ValidationError("date", "date_before", other=loan.applied_on.isoformat())
    c = LoanCollateral(
        loan_id=loan.id,
        kind=item.kind,
        description=item.description,
        value=item.value,
        document_no=item.document_no,
        owner=item.owner,
        received_on=date,
        returned_to="",
        created_by=actor.username,
    )
    s.add(c)
    s.flush()
    s.add(
        CollateralEvent(
            collateral_id=c.id,
            date=date,
            kind=CollateralEventKind.RECEIVED,
            documents=item.documents or item.document_no or item.description,
            note="",
            created_by=actor.username,
        )
    )
    _sync(s, loan)
    s.flush()
    audit.record(s, actor, "collateral.receive", "loan", loan.number, after=_view(s, c))
    return c


def add(
    db: Database, actor: Actor, number: str, item: CollateralInput, date: dt.date
) -> CollateralView:
    """Record collateral received for an open loan (the documents go into the safe)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        return _view(s, add_in(s, actor, loan, item, date), loan.number)


def check_product_rules_in(s: Session, loan: Loan, product: LoanProduct | None) -> None:
    """The product's collateral rules for ``loan`` (clear messages naming the rule)."""
    if product is None:
        return
    held = held_value_in(s, loan.id) or loan.collateral
    if (
        product.collateral_above is not None
        and loan.amount > product.collateral_above
        and held <= 0
    ):
        raise ValidationError(
            "collateral",
            "collateral_required",
            amount=format_rupiah(loan.amount),
            above=format_rupiah(product.collateral_above),
            product=product.code,
        )
    required = product.collateral_above is None or loan.amount > product.collateral_above
    if product.cover_ratio is not None and required:
        need = percent_of(loan.amount, Decimal(product.cover_ratio), RoundingMode.HALF_UP)
        if held < need:
            raise ValidationError(
                "collateral",
                "collateral_cover",
                value=format_rupiah(held),
                need=format_rupiah(need),
                ratio=f"{Decimal(product.cover_ratio).normalize():f}",
                product=product.code,
            )


def return_in(
    s: Session,
    actor: Actor,
    loan: Loan,
    date: dt.date,
    to: str = "",
    note: str = "",
) -> list[CollateralView]:
    """Hand back everything still held for a paid-off (or refused) loan, under one
    hand-over letter number."""
    if loan.status not in RETURNABLE:
        raise ValidationError("loan", "collateral_loan_open", loan=loan.number)
    held = list(
        s.scalars(
            select(LoanCollateral)
            .where(LoanCollateral.loan_id == loan.id, LoanCollateral.returned_on.is_(None))
            .order_by(LoanCollateral.id)
            .with_for_update()
        )
    )
    if not held:
        raise ValidationError("loan", "collateral_none_held", loan=loan.number)
    since = loan.closed_on or loan.decided_on or loan.applied_on
    if since is not None and date < since:
        raise ValidationError("date", "date_before", other=since.isoformat())
    member = s.get(Member, loan.member_id)
    assert member is not None
    to = (to or "").strip() or member.name
    number = f"{HANDOVER_SERIES}-{date.year}-{next_number(s, HANDOVER_SERIES, date.year):05d}"
    for c in held:
        c.returned_on, c.returned_to, c.handover_no = date, to[:120], number
        s.add(
            CollateralEvent(
                collateral_id=c.id,
                date=date,
                kind=CollateralEventKind.RETURNED,
                documents=c.document_no or c.description,
                note=(note or "").strip() or f"diserahkan kepada {to}",
                created_by=actor.username,
            )
        )
    _sync(s, loan)
    s.flush()
    views = [_view(s, c, loan.number) for c in held]
    audit.record(
        s,
        actor,
        "collateral.return",
        "loan",
        loan.number,
        after={"handover_no": number, "to": to, "items": [v.id for v in views]},
    )
    return views


def return_collateral(
    db: Database, actor: Actor, number: str, date: dt.date, to: str = "", note: str = ""
) -> list[CollateralView]:
    """Hand back a paid-off loan's collateral (returns the items with the letter number)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        return return_in(s, actor, lock_loan(s, number), date, to, note)


def for_loan_in(s: Session, loan: Loan) -> list[CollateralView]:
    return [
        _view(s, c, loan.number)
        for c in s.scalars(
            select(LoanCollateral)
            .where(LoanCollateral.loan_id == loan.id)
            .order_by(LoanCollateral.id)
        )
    ]


def for_loan(db: Database, number: str, actor: Actor | None = None) -> list[CollateralView]:
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        return for_loan_in(s, loan)


def register(
    db: Database, held_only: bool = True, actor: Actor | None = None
) -> list[CollateralView]:
    """The collateral register: everything held (or, ``held_only=False``, ever received)."""
    require_read_all(actor, "Daftar jaminan")
    with read_only(db) as s:
        q = select(LoanCollateral).order_by(LoanCollateral.loan_id, LoanCollateral.id)
        if held_only:
            q = q.where(LoanCollateral.returned_on.is_(None))
        return [_view(s, c) for c in s.scalars(q)]


# ---------------------------------------------------------------- guarantors


def add_guarantor_in(
    s: Session, actor: Actor, loan: Loan, member_no: str, relation: str = ""
) -> LoanGuarantor:
    if loan.status not in (LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.ACTIVE):
        raise ValidationError("loan", "collateral_loan_closed", loan=loan.number)
    g = member_by_number(s, member_no)
    if g.id == loan.member_id:
        raise ValidationError("guarantor", "guarantor_is_borrower", member=g.number)
    if g.status != MemberStatus.ACTIVE:
        raise ValidationError("guarantor", "member_not_active", member=g.number, status=g.status)
    if s.scalar(
        select(LoanGuarantor.id).where(
            LoanGuarantor.loan_id == loan.id, LoanGuarantor.member_id == g.id
        )
    ):
        raise ValidationError("guarantor", "duplicate", value=g.number)
    row = LoanGuarantor(
        loan_id=loan.id,
        member_id=g.id,
        relation=(relation or "").strip()[:60],
        created_by=actor.username,
    )
    s.add(row)
    s.flush()
    audit.record(
        s,
        actor,
        "loan.guarantor",
        "loan",
        loan.number,
        after={"guarantor": g.number, "name": g.name, "relation": row.relation},
    )
    return row


def add_guarantor(
    db: Database, actor: Actor, number: str, member_no: str, relation: str = ""
) -> GuarantorView:
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        row = add_guarantor_in(s, actor, loan, member_no, relation)
        m = s.get(Member, row.member_id)
        assert m is not None
        return GuarantorView(loan.number, m.number, m.name, row.relation)


def guarantors_in(s: Session, loan: Loan) -> list[GuarantorView]:
    return [
        GuarantorView(loan.number, m.number, m.name, g.relation)
        for g, m in s.execute(
            select(LoanGuarantor, Member)
            .join(Member, Member.id == LoanGuarantor.member_id)
            .where(LoanGuarantor.loan_id == loan.id)
            .order_by(LoanGuarantor.id)
        )
    ]


def guarantors_of(db: Database, number: str, actor: Actor | None = None) -> list[GuarantorView]:
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        return guarantors_in(s, loan)


@dataclass(frozen=True)
class GuaranteeRow:
    guarantor_number: str
    guarantor_name: str
    loan_number: str
    borrower_number: str
    borrower_name: str
    status: str
    quality_class: str
    outstanding: int  # principal outstanding (active loans; 0 otherwise)


@dataclass(frozen=True)
class Exposure:
    member_number: str
    member_name: str
    rows: tuple[GuaranteeRow, ...]

    @property
    def total(self) -> int:
        return sum(r.outstanding for r in self.rows)


def _guarantee_rows(
    s: Session, where: ColumnElement[bool], groups: frozenset[int] | None = None
) -> list[GuaranteeRow]:
    from sqlalchemy.orm import aliased

    borrower = aliased(Member)
    q = (
        select(Member, Loan, borrower)
        .join(LoanGuarantor, LoanGuarantor.member_id == Member.id)
        .join(Loan, Loan.id == LoanGuarantor.loan_id)
        .join(borrower, borrower.id == Loan.member_id)
        .where(where, Loan.status.in_((LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.ACTIVE)))
        .order_by(Member.number, Loan.number)
    )
    if groups is not None:
        q = q.where(Member.group_id.in_(groups))
    return [
        GuaranteeRow(
            m.number,
            m.name,
            loan.number,
            b.number,
            b.name,
            loan.status,
            loan.quality_class,
            loan.principal_outstanding if loan.status == LoanStatus.ACTIVE else 0,
        )
        for m, loan, b in s.execute(q)
    ]


def exposure_of(db: Database, member_no: str, actor: Actor | None = None) -> Exposure:
    """What a member guarantees: the open loans and their principal outstanding."""
    with read_only(db) as s:
        m = member_by_number(s, member_no)
        require_group_visible(actor, m.group_id, "Anggota", m.number)
        return Exposure(m.number, m.name, tuple(_guarantee_rows(s, Member.id == m.id)))


def guarantee_report(db: Database, actor: Actor | None = None) -> list[Exposure]:
    """Every guarantor with the open loans they guarantee (a ketua: own groups only)."""
    groups = visible_groups(actor)
    with read_only(db) as s:
        rows = _guarantee_rows(s, Member.id.is_not(None), groups)
    out: dict[str, list[GuaranteeRow]] = {}
    names: dict[str, str] = {}
    for r in rows:
        out.setdefault(r.guarantor_number, []).append(r)
        names[r.guarantor_number] = r.guarantor_name
    return [Exposure(k, names[k], tuple(v)) for k, v in out.items()]


def remove_guarantor(db: Database, actor: Actor, number: str, member_no: str) -> None:
    """Take a guarantor off an application not yet disbursed."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        if loan.status not in ("diajukan", "disetujui"):
            raise ValidationError("loan", "collateral_loan_closed", loan=loan.number)
        m = member_by_number(s, member_no)
        row = s.scalars(
            select(LoanGuarantor).where(
                LoanGuarantor.loan_id == loan.id, LoanGuarantor.member_id == m.id
            )
        ).first()
        if row is None:
            raise NotFound(what="Penjamin", key=m.number)
        s.delete(row)
        s.flush()
        audit.record(
            s, actor, "loan.guarantor_remove", "loan", loan.number, before={"guarantor": m.number}
        )


# ---------------------------------------------------------------- koperasi check


def check_collateral_held(s: Session) -> list[Problem]:
    """A loan with registered collateral carries the value of the items still held as its
    recognised collateral (the loan-quality rules use it); a returned item has its letter."""
    from sqlalchemy import case, func

    held = func.sum(case((LoanCollateral.returned_on.is_(None), LoanCollateral.value), else_=0))
    rows = s.execute(
        select(Loan.number, Loan.collateral, held)
        .join(LoanCollateral, LoanCollateral.loan_id == Loan.id)
        .group_by(Loan.id, Loan.number, Loan.collateral)
    ).all()
    problems = [
        Problem(
            "collateral_held",
            f"Pinjaman {number}: nilai agunan {format_rupiah(value)}, jaminan yang disimpan "
            f"{format_rupiah(int(h or 0))}",
            f"Loan {number}: collateral value {format_rupiah(value)}, collateral held "
            f"{format_rupiah(int(h or 0))}",
            number,
        )
        for number, value, h in rows
        if int(h or 0) != value
    ]
    for cid, number in s.execute(
        select(LoanCollateral.id, Loan.number)
        .join(Loan, Loan.id == LoanCollateral.loan_id)
        .where(LoanCollateral.returned_on.is_not(None), LoanCollateral.handover_no.is_(None))
    ):
        problems.append(
            Problem(
                "collateral_held",
                f"Jaminan #{cid} pinjaman {number} dikembalikan tanpa surat serah terima",
                f"Collateral #{cid} of loan {number} was returned without a hand-over letter",
                number,
            )
        )
    return problems


CHECKS = [("collateral_held", check_collateral_held)]

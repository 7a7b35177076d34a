"""Lending limits (Permenkop 8/2023) and the approval of both boards (issue 17 part 5).

The rules, all settings of the cooperative (``settings.write``: the administrator):

* **BMPP** (batas maksimum pemberian pinjaman) — what one borrower may owe, as a percentage
  of the cooperative's own capital (modal sendiri: the equity accounts plus the year's
  result not yet closed). Off by default (``None``).
* **Related parties** — members who are on the board (pengurus), supervisors (pengawas),
  staff (karyawan) or family of one of them (:class:`MemberRelation`, linked to the
  officers register of the RAT module when known). All their loans together may not exceed
  ``related_percent`` (10 % by default) of own capital, and **every loan to a related party
  needs the approval of both boards** (pengurus and pengawas) before it is approved.
* **Loan-to-savings multiple** — per product (``LoanProduct.limit_multiple``).
* **Breach mode** — ``block`` (default) or ``warn``:

  - ``block``: a loan over the BMPP or over the related-party cap is held: it cannot be
    approved or disbursed until both boards have approved it as an exception. A loan over
    the product's savings multiple is refused (as before issue 17);
  - ``warn``: such loans go ahead; the breach is shown when applying and listed in the
    breaches report (:func:`breach_report`).

A borrower's exposure is the amount of each open application (diajukan, disetujui) and the
principal outstanding of each active loan.
"""

from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import select
from sqlalchemy.orm import Session
from sqlalchemy.sql.elements import ColumnElement

from ...db.database import Database
from ...db.models import (
    ApprovalRequest,
    Loan,
    LoanBoardApproval,
    LoanProduct,
    Member,
    MemberRelation,
    RatOfficer,
)
from ...domain.money import RoundingMode, format_rupiah, percent_of
from ...domain.vocabulary import ApprovalKind, LoanStatus
from ...errors import NotFound, ValidationError
from ...messages.text import pick
from .. import audit
from ..approvals import WAITING
from ..auth import Actor, Role, require, require_read_all
from ..clock import today
from ..lending_rules import LendingRules, rules_in
from ..loan_products import product_by_code
from ..members import member_by_number
from ..statements import accounts, balances
from ..uow import read_only, unit_of_work
from .core import APPLIED, check_date_after, check_status, lock_loan, savings_total_at

RELATED_KINDS = ("pengurus", "pengawas", "karyawan", "keluarga")
RELATED_LABELS = {
    "pengurus": ("Pengurus", "Board member"),
    "pengawas": ("Pengawas", "Supervisor"),
    "karyawan": ("Karyawan", "Staff"),
    "keluarga": ("Keluarga pengurus/pengawas/karyawan", "Family of an officer"),
}
BODIES = ("pengurus", "pengawas")
BODY_LABELS = {"pengurus": ("Pengurus", "Board"), "pengawas": ("Pengawas", "Supervisors")}
RULE_LABELS = {
    "bmpp": ("Batas maksimum pinjaman per peminjam (BMPP)", "Per-borrower limit (BMPP)"),
    "related": ("Batas pinjaman pihak terkait", "Related-party limit"),
    "savings_multiple": ("Kelipatan simpanan produk", "Product's savings multiple"),
}
OPEN = (LoanStatus.APPLIED, LoanStatus.APPROVED, LoanStatus.ACTIVE)


# ---------------------------------------------------------------- own capital and exposure


def own_capital_in(s: Session, as_of: dt.date) -> int:
    """Modal sendiri on ``as_of``: the equity accounts plus income less expenses not yet
    closed into them."""
    infos = accounts(s)
    bal = balances(s, as_of, None, (), infos)
    equity = sum(v for c, v in bal.items() if infos[c].type == "equity")
    result = sum(v for c, v in bal.items() if infos[c].type == "income") - sum(
        v for c, v in bal.items() if infos[c].type == "expense"
    )
    return equity + result


def _exposure(s: Session, where: ColumnElement[bool], exclude_loan_id: int | None) -> int:
    q = select(Loan.status, Loan.amount, Loan.principal_outstanding).where(
        Loan.status.in_(OPEN), where
    )
    if exclude_loan_id is not None:
        q = q.where(Loan.id != exclude_loan_id)
    return sum(
        int(out) if status == LoanStatus.ACTIVE else int(amount)
        for status, amount, out in s.execute(q)
    )


def member_exposure_in(s: Session, member_id: int, exclude_loan_id: int | None = None) -> int:
    return _exposure(s, Loan.member_id == member_id, exclude_loan_id)


def related_exposure_in(s: Session, exclude_loan_id: int | None = None) -> int:
    related = select(MemberRelation.member_id)
    return _exposure(s, Loan.member_id.in_(related), exclude_loan_id)


def relation_in(s: Session, member_id: int) -> MemberRelation | None:
    return s.get(MemberRelation, member_id)


# ---------------------------------------------------------------- breaches


@dataclass(frozen=True)
class Breach:
    """One lending limit a loan goes over: ``exposure`` (with the loan) against ``limit``."""

    rule: str  # bmpp | related | savings_multiple
    exposure: int
    limit: int

    def message(self, lang: str = "id") -> str:
        from ...messages import render

        return render(
            "limit_breach",
            lang,
            {
                "rule": pick(RULE_LABELS[self.rule], lang),
                "exposure": format_rupiah(self.exposure),
                "limit": format_rupiah(self.limit),
            },
        )


def breaches_in(
    s: Session,
    member: Member,
    product: LoanProduct,
    amount: int,
    date: dt.date,
    loan_id: int | None = None,
    rules: LendingRules | None = None,
    capital: int | None = None,
) -> list[Breach]:
    """The limits a loan of ``amount`` to ``member`` would go over on ``date`` (``loan_id``:
    the loan itself, left out of the exposure it is added to; ``capital``: own capital on
    ``date`` when the caller has it)."""
    rules = rules or rules_in(s)
    out: list[Breach] = []
    if rules.bmpp_percent is not None:
        capital = own_capital_in(s, date) if capital is None else capital
        limit = max(0, percent_of(capital, rules.bmpp_percent, RoundingMode.HALF_UP))
        exposure = member_exposure_in(s, member.id, loan_id) + amount
        if exposure > limit:
            out.append(Breach("bmpp", exposure, limit))
    if relation_in(s, member.id) is not None:
        capital = own_capital_in(s, date) if capital is None else capital
        limit = max(0, percent_of(capital, rules.related_percent, RoundingMode.HALF_UP))
        exposure = related_exposure_in(s, loan_id) + amount
        if exposure > limit:
            out.append(Breach("related", exposure, limit))
    if product.limit_multiple is not None:
        saved = savings_total_at(s, member.id, date)
        limit = int(Decimal(saved) * Decimal(product.limit_multiple))
        if amount > limit:
            out.append(Breach("savings_multiple", amount, limit))
    return out


def board_approvals_in(s: Session, loan_id: int) -> dict[str, LoanBoardApproval]:
    return {
        a.body: a
        for a in s.scalars(select(LoanBoardApproval).where(LoanBoardApproval.loan_id == loan_id))
    }


def boards_needed_in(s: Session, loan: Loan, date: dt.date) -> tuple[list[str], list[Breach]]:
    """Why ``loan`` needs both boards' approval (reasons: ``related`` and/or rule codes
    held by the block mode), and the breaches it has on ``date``."""
    member = s.get(Member, loan.member_id)
    product = s.get(LoanProduct, loan.product_id)
    assert member is not None and product is not None
    rules = rules_in(s)
    breaches = breaches_in(s, member, product, loan.amount, date, loan.id, rules)
    reasons = []
    if relation_in(s, member.id) is not None:
        reasons.append("related_party")
    if rules.breach_mode == "block":
        reasons += [b.rule for b in breaches if b.rule in ("bmpp", "related")]
    return reasons, breaches


def check_boards_in(s: Session, loan: Loan, date: dt.date) -> None:
    """Refuse to approve or disburse a loan that needs both boards' approval and lacks one."""
    reasons, breaches = boards_needed_in(s, loan, date)
    if not reasons:
        return
    have = board_approvals_in(s, loan.id)
    missing = [b for b in BODIES if b not in have]
    if missing:
        why = [b.message() for b in breaches if b.rule in reasons]
        if "related_party" in reasons:
            why.insert(0, "pinjaman kepada pihak terkait")
        raise ValidationError(
            "loan",
            "needs_board_approvals",
            loan=loan.number,
            missing=", ".join(BODY_LABELS[b][0] for b in missing),
            why="; ".join(why),
        )


def check_application_in(
    s: Session,
    member: Member,
    product: LoanProduct,
    amount: int,
    date: dt.date,
    loan_id: int | None = None,
) -> list[Breach]:
    """At application and disbursement: in block mode a loan over the product's savings
    multiple is refused; every breach is returned (shown as a warning)."""
    rules = rules_in(s)
    breaches = breaches_in(s, member, product, amount, date, loan_id, rules)
    if rules.breach_mode == "block":
        for b in breaches:
            if b.rule == "savings_multiple":
                assert product.limit_multiple is not None  # the rule applies only then
                raise ValidationError(
                    "amount",
                    "over_limit",
                    amount=format_rupiah(amount),
                    limit=format_rupiah(b.limit),
                    multiple=f"{Decimal(product.limit_multiple).normalize():f}",
                    savings=format_rupiah(savings_total_at(s, member.id, date)),
                )
    return breaches


@dataclass(frozen=True)
class LimitCheck:
    """What the application form shows before a loan is applied for."""

    mode: str  # block | warn
    breaches: tuple[Breach, ...]
    needs_boards: bool  # a related party, or a breach the block mode holds for both boards


def check_loan(
    db: Database, member_no: str, product_code: str, amount: int, date: dt.date
) -> LimitCheck:
    """The limits a loan would go over (nothing is written)."""
    with read_only(db) as s:
        rules = rules_in(s)
        member = member_by_number(s, member_no)
        product = product_by_code(s, product_code)
        breaches = tuple(breaches_in(s, member, product, amount, date, None, rules))
        held = rules.breach_mode == "block" and any(b.rule in ("bmpp", "related") for b in breaches)
        return LimitCheck(
            rules.breach_mode, breaches, held or relation_in(s, member.id) is not None
        )


def body_of(actor: Actor) -> str:
    """The board an approving user speaks for: a pengawas user for the supervisors, an
    administrator or treasurer for the board."""
    return "pengawas" if actor.role == Role.PENGAWAS else "pengurus"


def board_approve_in(s: Session, actor: Actor, loan: Loan, date: dt.date, note: str = "") -> str:
    require(actor, "loan.board_approve")
    check_status(loan, APPLIED)
    check_date_after(date, loan.applied_on)
    body = body_of(actor)
    have = board_approvals_in(s, loan.id)
    if body in have:
        raise ValidationError(
            "loan", "board_already_approved", loan=loan.number, body=BODY_LABELS[body][0]
        )
    other = next((a for b, a in have.items() if b != body), None)
    if other is not None and other.username == actor.username:
        raise ValidationError("approver", "four_eyes_same_user", user=actor.username)
    s.add(
        LoanBoardApproval(
            loan_id=loan.id, body=body, username=actor.username, date=date, note=note.strip()
        )
    )
    s.flush()
    audit.record(
        s,
        actor,
        "loan.board_approve",
        "loan",
        loan.number,
        after={"body": body, "date": date, "note": note.strip(), "by": actor.username},
    )
    return body


def board_approve(db: Database, actor: Actor, number: str, date: dt.date, note: str = "") -> str:
    """Record the approval of the actor's board (pengurus or pengawas) for an application
    that needs both; returns the board."""
    require(actor, "loan.board_approve")
    with unit_of_work(db) as s:
        return board_approve_in(s, actor, lock_loan(s, number), date, note)


# ---------------------------------------------------------------- related parties


@dataclass(frozen=True)
class RelationView:
    member_number: str
    member_name: str
    kind: str
    officer: str  # the linked officer's name (position), or ""
    note: str
    exposure: int


def set_relation(
    db: Database,
    actor: Actor,
    member_no: str,
    kind: str | None,
    officer_id: int | None = None,
    note: str = "",
) -> RelationView | None:
    """Mark a member as a related party (``kind``), or clear the mark (``kind=None``)."""
    require(actor, "member.write")
    if kind is not None and kind not in RELATED_KINDS:
        raise ValidationError(
            "related_kind", "choice", choices=", ".join(RELATED_KINDS), value=kind
        )
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        row = s.get(MemberRelation, member.id)
        before = _relation_view(s, member, row) if row is not None else None
        if kind is None:
            if row is not None:
                s.delete(row)
                s.flush()
            audit.record(s, actor, "member.related", "member", member.number, before, None)
            return None
        if officer_id is not None and s.get(RatOfficer, officer_id) is None:
            raise NotFound(what="Pengurus", key=str(officer_id))
        if row is None:
            row = MemberRelation(member_id=member.id, created_by=actor.username)
            s.add(row)
        row.kind, row.officer_id, row.note = kind, officer_id, (note or "").strip()[:200]
        s.flush()
        view = _relation_view(s, member, row)
        audit.record(s, actor, "member.related", "member", member.number, before, view)
        return view


def _relation_view(s: Session, member: Member, row: MemberRelation) -> RelationView:
    officer = s.get(RatOfficer, row.officer_id) if row.officer_id else None
    return RelationView(
        member.number,
        member.name,
        row.kind,
        f"{officer.name} ({officer.position})" if officer else "",
        row.note,
        member_exposure_in(s, member.id),
    )


def relation_of(db: Database, member_no: str) -> RelationView | None:
    with read_only(db) as s:
        member = member_by_number(s, member_no)
        row = s.get(MemberRelation, member.id)
        return _relation_view(s, member, row) if row is not None else None


def list_relations(db: Database, actor: Actor | None = None) -> list[RelationView]:
    require_read_all(actor, "Pihak terkait")
    with read_only(db) as s:
        rows = s.execute(
            select(Member, MemberRelation)
            .join(MemberRelation, MemberRelation.member_id == Member.id)
            .order_by(Member.number)
        ).all()
        return [_relation_view(s, m, r) for m, r in rows]


# ---------------------------------------------------------------- the breaches report


@dataclass(frozen=True)
class BreachRow:
    loan_number: str
    member_number: str
    member_name: str
    status: str
    amount: int
    rule: str
    exposure: int
    limit: int
    approvals: str  # "Pengurus: budi, Pengawas: sari" or ""


@dataclass(frozen=True)
class BreachReport:
    as_of: dt.date
    own_capital: int
    rules: LendingRules
    rows: tuple[BreachRow, ...]


def breach_report(db: Database, as_of: dt.date, actor: Actor | None = None) -> BreachReport:
    """Every open loan over a lending limit on ``as_of`` (its exposure with the borrower's
    other loans), with the boards' approvals it has."""
    require_read_all(actor, "Pelanggaran batas pinjaman")
    with read_only(db) as s:
        rules = rules_in(s)
        capital = own_capital_in(s, as_of)
        rows: list[BreachRow] = []
        loans = s.execute(
            select(Loan, Member, LoanProduct)
            .join(Member, Member.id == Loan.member_id)
            .join(LoanProduct, LoanProduct.id == Loan.product_id)
            .where(Loan.status.in_(OPEN), Loan.applied_on <= as_of)
            .order_by(Loan.number)
        ).all()
        for loan, member, product in loans:
            amount = loan.principal_outstanding if loan.status == LoanStatus.ACTIVE else loan.amount
            for b in breaches_in(s, member, product, amount, as_of, loan.id, rules, capital):
                if b.rule == "savings_multiple":
                    # the multiple is a rule of the application: judged on its own date
                    again = breaches_in(
                        s, member, product, loan.amount, loan.applied_on, loan.id, rules
                    )
                    found = next((x for x in again if x.rule == "savings_multiple"), None)
                    if found is None:
                        continue
                    b = found
                approvals = board_approvals_in(s, loan.id)
                rows.append(
                    BreachRow(
                        loan.number,
                        member.number,
                        member.name,
                        loan.status,
                        amount,
                        b.rule,
                        b.exposure,
                        b.limit,
                        ", ".join(
                            f"{BODY_LABELS[k][0]}: {approvals[k].username}"
                            for k in BODIES
                            if k in approvals
                        ),
                    )
                )
        return BreachReport(as_of, capital, rules, tuple(rows))


# ---------------------------------------------------------------- what waits for approval


@dataclass(frozen=True)
class PendingItem:
    """One thing waiting for someone's approval (the GUI's list)."""

    kind: str  # a KINDS code, or loan_approval / board_approval
    ref: str  # loan number, transaction or entry id
    request_id: int | None  # for requests; None for loans
    member: str  # "A00012 Siti Aminah" or ""
    amount: int
    requested_by: str
    requested_on: dt.date
    reason: str
    waiting_for: str  # who must act, as people read it


def pending(
    db: Database, actor: Actor | None = None, as_of: dt.date | None = None
) -> list[PendingItem]:
    """Everything waiting for an approval: requests, large applications that need a second
    user, and applications that need both boards."""
    require_read_all(actor, "Persetujuan tertunda")
    day = today(as_of)
    with read_only(db) as s:
        out: list[PendingItem] = []
        for r in s.scalars(
            select(ApprovalRequest)
            .where(ApprovalRequest.status == WAITING)
            .order_by(ApprovalRequest.id)
        ):
            member = ""
            if r.kind in (ApprovalKind.WRITE_OFF, ApprovalKind.LOAN_REVERSAL):
                row = s.execute(
                    select(Member.number, Member.name)
                    .join(Loan, Loan.member_id == Member.id)
                    .where(Loan.number == r.ref)
                ).first()
                member = f"{row[0]} {row[1]}" if row else ""
            out.append(
                PendingItem(
                    r.kind,
                    r.ref,
                    r.id,
                    member,
                    r.amount,
                    r.requested_by,
                    dt.date.fromisoformat(json.loads(r.params)["date"]),
                    r.reason,
                    f"pengguna selain {r.requested_by} (admin/bendahara)",
                )
            )
        rules = rules_in(s)
        for loan, m in s.execute(
            select(Loan, Member)
            .join(Member, Member.id == Loan.member_id)
            .where(Loan.status == "diajukan")
            .order_by(Loan.number)
        ):
            who = f"{m.number} {m.name}"
            reasons, _breaches = boards_needed_in(s, loan, max(day, loan.applied_on))
            if reasons:
                have = board_approvals_in(s, loan.id)
                missing = [BODY_LABELS[b][0] for b in BODIES if b not in have]
                if missing:
                    out.append(
                        PendingItem(
                            ApprovalKind.BOARD_APPROVAL,
                            loan.number,
                            None,
                            who,
                            loan.amount,
                            loan.created_by,
                            loan.applied_on,
                            loan.purpose,
                            ", ".join(missing),
                        )
                    )
                    continue
            if rules.four_eyes_loan_above is not None and loan.amount > rules.four_eyes_loan_above:
                out.append(
                    PendingItem(
                        ApprovalKind.LOAN_APPROVAL,
                        loan.number,
                        None,
                        who,
                        loan.amount,
                        loan.created_by,
                        loan.applied_on,
                        loan.purpose,
                        f"pengguna selain {loan.created_by}",
                    )
                )
        return out

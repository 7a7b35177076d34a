"""Loans (pinjaman) from application to disbursement: apply, preview the schedule,
approve (four-eyes and board rules of :mod:`koperasi.services.loans.lending_limits`), reject,
disburse, and the eligibility check the screens show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import (
    Group,
    Loan,
    LoanInstallment,
    LoanProduct,
    LoanTransaction,
    Member,
)
from ...domain.money import format_rupiah
from ...domain.schedule import Schedule, generate
from ...errors import ValidationError
from .. import audit, ledger, lending_rules, plausibility, savings
from ..auth import Actor, require
from ..counters import SERIES_LOAN, next_number, next_receipt
from ..ledger import Line
from ..loan_products import product_by_code
from ..members import member_by_number
from ..uow import read_only, unit_of_work
from ..validation import clean_memo
from . import collateral as collateral_service
from . import lending_limits
from .collateral import CollateralInput
from .core import (
    ACTIVE,
    APPLIED,
    APPROVED,
    CASH,
    FEE_INCOME,
    LOANS,
    REJECTED,
    SOURCE,
    check_date_after,
    check_member_active,
    check_one_active,
    check_status,
    fee_for,
    loan_limit,
    lock_loan,
    schedule_terms,
)
from .views import LoanDetail, LoanTxView, detail_in, row_of, tx_view

# ---------------------------------------------------------------- plain views


@dataclass(frozen=True)
class ApplyInput:
    """A loan application as the form (or ``loan apply``) gives it."""

    member_no: str
    product_code: str
    amount: int
    term: int
    date: dt.date
    purpose: str
    guarantor: str = ""  # guarantor's name, or the group's approval note
    first_due: dt.date | None = None
    collateral: int = 0
    # issue 17: collateral pledged and guarantors (member numbers) attached at application
    collateral_items: tuple[CollateralInput, ...] = ()  # of collateral.CollateralInput
    guarantors: tuple[
        str | tuple[str, str], ...
    ] = ()  # of member numbers, or (member number, relation)


def add_first_schedule(
    session: Session, loan: Loan, schedule: Schedule, valid_from: dt.date
) -> None:
    """Write a loan's first schedule (version 1) from a generated ``schedule``: on
    disbursement, and for a running loan brought in from the old books."""
    loan.schedule_version = 1
    session.add_all(
        LoanInstallment(
            loan_id=loan.id,
            version=1,
            no=inst.no,
            due_date=inst.due_date,
            principal=inst.principal,
            interest=inst.interest,
            fee=0,
            valid_from=valid_from,
        )
        for inst in schedule.installments
    )


# ---------------------------------------------------------------- application


def new_loan(
    session: Session,
    actor: Actor,
    member: Member,
    product: LoanProduct,
    *,
    status: str,
    date: dt.date,
    amount: int,
    term: int,
    first_due: dt.date | None,
    purpose: str,
    guarantor: str,
    collateral: int,
    **extra: object,
) -> Loan:
    """A loan row on the product's terms, numbered in the PJ series of ``date``'s year and
    flushed (for applications, and for running loans brought in from old books)."""
    year = date.year
    loan = Loan(
        number=f"PJ-{year}-{next_number(session, 'PJ', year):05d}",
        member_id=member.id,
        product_id=product.id,
        group_id=member.group_id,
        status=status,
        applied_on=date,
        amount=amount,
        term=term,
        method=product.method,
        rate=product.rate,
        rate_per=product.rate_per,
        every=product.every,
        unit=product.unit,
        first_due=first_due,
        purpose=purpose,
        guarantor=(guarantor or "").strip(),
        collateral=collateral,
        created_by=actor.username,
        **extra,
    )
    session.add(loan)
    session.flush()
    return loan


def apply_in(session: Session, actor: Actor, data: ApplyInput) -> Loan:
    member = member_by_number(session, data.member_no, lock=True)
    check_member_active(member)
    product = product_by_code(session, data.product_code)
    if not product.active:
        raise ValidationError("product", "inactive", value=product.code)
    if isinstance(data.amount, bool) or not isinstance(data.amount, int):
        raise ValidationError("amount", "not_an_amount", value=data.amount)
    if not product.min_amount <= data.amount <= product.max_amount:
        raise ValidationError(
            "amount",
            "out_of_range",
            min=format_rupiah(product.min_amount),
            max=format_rupiah(product.max_amount),
            value=format_rupiah(data.amount),
        )
    if isinstance(data.term, bool) or not isinstance(data.term, int):
        raise ValidationError("term", "not_a_number", value=data.term)
    if not product.min_term <= data.term <= product.max_term:
        raise ValidationError(
            "term", "out_of_range", min=product.min_term, max=product.max_term, value=data.term
        )
    purpose = " ".join(clean_memo(data.purpose, "purpose").split())
    if not purpose:
        raise ValidationError("purpose", "required")
    check_date_after(data.date, member.join_date)
    if data.first_due is not None and data.first_due <= data.date:
        raise ValidationError("first_due", "date_before", other=data.date.isoformat())
    if (
        isinstance(data.collateral, bool)
        or not isinstance(data.collateral, int)
        or data.collateral < 0
    ):
        raise ValidationError("collateral", "must_not_be_negative")
    if product.group_loan and member.group_id is None:
        raise ValidationError("group", "required")
    lending_limits.check_application_in(session, member, product, data.amount, data.date)
    check_one_active(session, product, member, None)
    loan = new_loan(
        session,
        actor,
        member,
        product,
        status=APPLIED,
        date=data.date,
        amount=data.amount,
        term=data.term,
        first_due=data.first_due,
        purpose=purpose,
        guarantor=data.guarantor,
        collateral=data.collateral,
    )
    generate(schedule_terms(session, loan, product, data.date))  # validates the terms
    audit.record(session, actor, "loan.apply", "loan", loan.number, after=row_of(session, loan))
    if data.collateral_items or data.guarantors:
        for item in data.collateral_items:
            collateral_service.add_in(session, actor, loan, item, data.date)
        for g in data.guarantors:
            number, relation = (g, "") if isinstance(g, str) else g
            collateral_service.add_guarantor_in(session, actor, loan, number, relation)
        if data.collateral_items:
            collateral_service.check_product_rules_in(session, loan, product)
    return loan


def apply(
    db: Database, actor: Actor, data: ApplyInput, *, confirm_large: bool = False
) -> LoanDetail:
    """Record a loan application (amount and term within the product's ranges, member
    active, within the savings limit, and the one-open-loan rule). A principal above the
    plausibility ceiling needs ``confirm_large`` (checked here, not again at disbursement:
    the principal does not change in between)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        limits = plausibility.Limits(s, [plausibility.LOAN], confirmed=confirm_large)
        loan = apply_in(s, actor, data)
        limits.check(plausibility.LOAN, data.amount)
        return detail_in(s, loan)


def preview_schedule(
    db: Database,
    product_code: str,
    amount: int,
    term: int,
    date: dt.date,
    first_due: dt.date | None = None,
    group_code: str | None = None,
) -> Schedule:
    """The schedule a member would sign for (nothing is written)."""
    with read_only(db) as s:
        product = product_by_code(s, product_code)
        group_id = None
        if group_code:
            g = s.scalars(select(Group).where(Group.code == group_code.strip().upper())).first()
            group_id = g.id if g else None
        loan = Loan(
            amount=amount,
            term=term,
            method=product.method,
            rate=product.rate,
            rate_per=product.rate_per,
            every=product.every,
            unit=product.unit,
            first_due=first_due,
            group_id=group_id,
        )
        return generate(schedule_terms(s, loan, product, date))


def approve_in(session: Session, actor: Actor, loan: Loan, date: dt.date, note: str = "") -> Loan:
    require(actor, "loan.approve")
    check_status(loan, APPLIED)
    check_date_after(date, loan.applied_on)
    rules = lending_rules.rules_in(session)
    if (
        rules.four_eyes_loan_above is not None
        and loan.amount > rules.four_eyes_loan_above
        and actor.username == loan.created_by
    ):
        raise ValidationError(
            "approver",
            "four_eyes_loan",
            user=actor.username,
            limit=format_rupiah(rules.four_eyes_loan_above),
        )
    collateral_service.check_product_rules_in(
        session, loan, session.get(LoanProduct, loan.product_id)
    )
    lending_limits.check_boards_in(session, loan, date)
    before = row_of(session, loan)
    loan.status, loan.decided_on, loan.decided_by = APPROVED, date, actor.username
    loan.decision_note = clean_memo(note, "note")
    session.flush()
    audit.record(session, actor, "loan.approve", "loan", loan.number, before, row_of(session, loan))
    return loan


def approve(db: Database, actor: Actor, number: str, date: dt.date, note: str = "") -> LoanDetail:
    require(actor, "loan.approve")
    with unit_of_work(db) as s:
        return detail_in(s, approve_in(s, actor, lock_loan(s, number), date, note))


def reject(db: Database, actor: Actor, number: str, date: dt.date, reason: str) -> LoanDetail:
    """Refuse an application (or cancel an approved one before disbursement), with a reason."""
    require(actor, "loan.approve")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        check_status(loan, APPLIED, APPROVED)
        check_date_after(date, loan.applied_on)
        before = row_of(s, loan)
        loan.status, loan.decided_on, loan.decided_by = REJECTED, date, actor.username
        loan.decision_note = reason
        s.flush()
        audit.record(s, actor, "loan.reject", "loan", loan.number, before, row_of(s, loan))
        return detail_in(s, loan)


# ---------------------------------------------------------------- disbursement


def disburse_in(
    session: Session,
    actor: Actor,
    loan: Loan,
    date: dt.date,
    to: str = "kas",
    fee_mode: str | None = None,
) -> LoanTransaction:
    check_status(loan, APPROVED)
    if to not in ("kas", "sukarela"):
        raise ValidationError("disburse_to", "choice", choices="kas, sukarela", value=to)
    check_date_after(date, loan.decided_on or loan.applied_on)
    member = session.get(Member, loan.member_id, with_for_update=True)
    product = session.get(LoanProduct, loan.product_id)
    assert member is not None and product is not None
    check_member_active(member)
    lending_limits.check_application_in(session, member, product, loan.amount, date, loan.id)
    lending_limits.check_boards_in(session, loan, date)
    check_one_active(session, product, member, loan.id)
    fee_mode = fee_mode or product.fee_mode
    if fee_mode not in ("deduct", "cash"):
        raise ValidationError("fee_mode", "choice", choices="deduct, cash", value=fee_mode)
    fee = fee_for(session, product, loan.amount)
    schedule = generate(schedule_terms(session, loan, product, date))
    paid_out = loan.amount - fee if fee_mode == "deduct" else loan.amount
    dest_account = CASH
    sukarela_acct = None
    if to == "sukarela":
        sukarela = savings.product_of_kind(session, "sukarela")
        sukarela_acct = savings.account_for(session, member, sukarela, open_on=date)
        dest_account = sukarela.account_code
    receipt = next_receipt(session, SERIES_LOAN, date.year)
    lines = [
        Line(LOANS, debit=loan.amount, member_id=member.id, memo=loan.number),
        Line(dest_account, credit=paid_out, member_id=member.id, memo=loan.number),
    ]
    if fee:
        if fee_mode == "cash":
            lines.append(Line(CASH, debit=fee, member_id=member.id, memo="provisi/administrasi"))
        lines.append(Line(FEE_INCOME, credit=fee, member_id=member.id, memo=loan.number))
    entry = ledger.post(
        session,
        actor,
        date,
        f"Pencairan pinjaman {loan.number} {member.number} {member.name}",
        lines,
        source=SOURCE,
        source_ref=loan.number,
        receipt_no=receipt,
    )
    if sukarela_acct is not None:
        savings.record_in(
            session,
            actor,
            sukarela_acct,
            paid_out,
            date,
            "pencairan",
            entry.id,
            receipt,
            f"Pencairan pinjaman {loan.number}",
        )
    add_first_schedule(session, loan, schedule, date)
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="pencairan",
        amount=paid_out,
        principal=loan.amount,
        fee=fee,
        principal_change=loan.amount,
        source=to,
        receipt_no=receipt,
        journal_entry_id=entry.id,
        memo=f"biaya {fee_mode}" if fee else "",
        created_by=actor.username,
    )
    session.add(tx)
    before = row_of(session, loan)
    loan.status, loan.disbursed_on, loan.disbursed_to = ACTIVE, date, to
    loan.fee, loan.principal_outstanding = fee, loan.amount
    if loan.first_due is None:
        loan.first_due = schedule.installments[0].due_date
    session.flush()
    audit.record(
        session, actor, "loan.disburse", "loan", loan.number, before, row_of(session, loan)
    )
    return tx


def disburse(
    db: Database,
    actor: Actor,
    number: str,
    date: dt.date,
    to: str = "kas",
    fee_mode: str | None = None,
) -> LoanTxView:
    """Pay out an approved loan in cash or to the member's sukarela savings:
    Dr 1.20 Pinjaman / Cr 1.01 Kas (or 2.10) (+ Cr 4.20 fee, deducted or paid in cash)."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        tx = disburse_in(s, actor, loan, date, to, fee_mode)
        return tx_view(s, tx, loan)


# ---------------------------------------------------------------- reading


@dataclass(frozen=True)
class Eligibility:
    """What the loan form shows before the amount is typed: the member's savings, the
    product's limit for them, and the open loan that would block a new one."""

    member_number: str
    member_name: str
    member_status: str
    group_code: str | None
    savings_total: int
    limit: int | None  # None: the product has no savings-based limit
    open_loan: str | None  # number of an open loan that blocks this product


def eligibility(db: Database, member_no: str, product_code: str, date: dt.date) -> Eligibility:
    with read_only(db) as s:
        member = member_by_number(s, member_no)
        product = product_by_code(s, product_code)
        saved, limit = loan_limit(s, product, member, date)
        blocking = None
        try:
            check_one_active(s, product, member, None)
        except ValidationError as exc:
            blocking = str(exc.params.get("loan", ""))
        group = s.get(Group, member.group_id) if member.group_id else None
        return Eligibility(
            member.number,
            member.name,
            member.status,
            group.code if group else None,
            saved,
            limit,
            blocking,
        )

"""The weekly group meeting (pertemuan kelompok): what each member owes, and posting all the
money collected at the meeting in one transaction, one receipt per member.

A member's receipt covers wajib, sukarela and the loan installment together; its number is
from the PJM (loan) series when a loan payment is on it, otherwise from SMP (savings).
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import Loan, Member, SavingsAccount
from ...domain.vocabulary import MemberStatus
from ...errors import ValidationError
from .. import audit, plausibility, savings, savings_arrears
from ..auth import Actor, require, require_group_visible
from ..counters import SERIES_LOAN, SERIES_SAVINGS, next_receipt
from ..groups import group_by_code
from ..uow import read_only, unit_of_work
from ..validation import check_amount
from .core import ACTIVE, loan_dues
from .repayments import repay_in


@dataclass(frozen=True)
class LoanDue:
    loan_number: str
    installment_due: int  # what falls due up to the meeting date (incl. arrears)
    arrears: int  # of which already late before the meeting date
    penalty: int
    outstanding: int  # everything still owed (principal + interest + fee, no penalty)


@dataclass(frozen=True)
class MemberDues:
    member_number: str
    member_name: str
    wajib_due: int  # wajib not yet paid up to and including this month
    wajib_balance: int
    sukarela_balance: int
    loans: tuple[LoanDue, ...]

    @property
    def installment_due(self) -> int:
        return sum(ld.installment_due + ld.penalty for ld in self.loans)

    @property
    def arrears(self) -> int:
        return sum(ld.arrears for ld in self.loans)

    @property
    def total_due(self) -> int:
        return self.wajib_due + self.installment_due


@dataclass(frozen=True)
class MemberReceipt:
    member_number: str
    member_name: str
    receipt_no: str
    wajib: int
    sukarela: int
    loan: int
    loan_numbers: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.wajib + self.sukarela + self.loan


@dataclass(frozen=True)
class GroupMeetingResult:
    group_code: str
    date: dt.date
    receipts: tuple[MemberReceipt, ...]

    @property
    def total(self) -> int:
        return sum(r.total for r in self.receipts)


def _active_loans(session: Session, member: Member, lock: bool = False) -> list[Loan]:
    q = (
        select(Loan)
        .where(Loan.member_id == member.id, Loan.status == ACTIVE)
        .order_by(Loan.disbursed_on, Loan.id)
    )
    if lock:
        q = q.with_for_update()
    return list(session.scalars(q))


def member_dues_in(session: Session, member: Member, date: dt.date) -> MemberDues:
    wajib = savings_arrears.wajib_arrears_in(session, member, date)
    balances = {}
    for kind in ("wajib", "sukarela"):
        product = savings.product_of_kind(session, kind)
        acct = session.scalars(
            select(SavingsAccount).where(
                SavingsAccount.member_id == member.id, SavingsAccount.product_id == product.id
            )
        ).first()
        balances[kind] = savings.balance_at(session, acct.id, date) if acct else 0
    loans = []
    for loan in _active_loans(session, member):
        dues = loan_dues(session, loan, date)
        due_now = [d for d in dues if d.due_date <= date]
        loans.append(
            LoanDue(
                loan.number,
                sum(d.principal + d.interest + d.fee for d in due_now),
                sum(d.principal + d.interest + d.fee for d in dues if d.due_date < date),
                sum(d.penalty for d in dues),
                sum(d.principal + d.interest + d.fee for d in dues),
            )
        )
    return MemberDues(
        member.number,
        member.name,
        wajib.arrears,
        balances["wajib"],
        balances["sukarela"],
        tuple(loans),
    )


def group_meeting_dues(
    db: Database,
    group_code: str,
    date: dt.date,
    actor: Actor | None = None,
) -> list[MemberDues]:
    """Each current member of the group with wajib due, installments due (with arrears and
    penalty) and savings balances on the meeting date."""
    with read_only(db) as s:
        g = group_by_code(s, group_code)
        require_group_visible(actor, g.id, "Kelompok", g.code)
        members = s.scalars(
            select(Member)
            .where(Member.group_id == g.id, Member.status == MemberStatus.ACTIVE)
            .order_by(Member.number)
        ).all()
        return [member_dues_in(s, m, date) for m in members]


def post_group_meeting(
    db: Database,
    actor: Actor,
    group_code: str,
    date: dt.date,
    payments: Sequence[tuple[str, int, int, int]],
    *,
    confirm_large: bool = False,
) -> GroupMeetingResult:
    """Post everything collected at a group meeting in ONE transaction: per member
    ``(member_no, wajib, sukarela, loan)``; one receipt per member. A loan amount pays the
    member's oldest active loan first (the rest, if any, the next one). Cells above their
    plausibility ceilings are refused together (one message listing them all) unless
    ``confirm_large``."""
    require(actor, "savings.write")
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        return post_group_meeting_in(s, actor, group_code, date, payments, confirm_large)


def post_group_meeting_in(
    s: Session,
    actor: Actor,
    group_code: str,
    date: dt.date,
    payments: Sequence[tuple[str, int, int, int]],
    confirm_large: bool = False,
) -> GroupMeetingResult:
    """:func:`post_group_meeting` inside the caller's transaction (the offline meeting sheet
    posts through it with its own checks in the same transaction)."""
    require(actor, "savings.write")
    require(actor, "loan.write")
    g = group_by_code(s, group_code)
    wajib_p = savings.product_of_kind(s, "wajib")
    sukarela_p = savings.product_of_kind(s, "sukarela")
    wajib_k, sukarela_k = (plausibility.deposit_kind(p.code) for p in (wajib_p, sukarela_p))
    limits = plausibility.Limits(
        s, [wajib_k, sukarela_k, plausibility.REPAYMENT], confirmed=confirm_large
    )
    # every member of the meeting in one query (locked), not one per row
    wanted: set[str] = set()
    for number, *amounts in payments:
        if isinstance(number, str) and all(type(v) is int for v in amounts) and any(amounts):
            wanted.add(number.strip())
    members = {
        m.number: m
        for m in s.scalars(select(Member).where(Member.number.in_(wanted)).with_for_update())
    }
    seen: set[str] = set()
    out = []
    for row in payments:
        member_no, wajib, sukarela, loan_amount = row
        for name, value in (
            ("wajib", wajib),
            ("sukarela", sukarela),
            ("loan_amount", loan_amount),
        ):
            check_amount(value, name, allow_zero=True)
        if member_no in seen:
            raise ValidationError("member", "duplicate", value=member_no)
        seen.add(member_no)
        if wajib + sukarela + loan_amount == 0:
            continue
        member = members.get(member_no.strip())
        if member is None or member.group_id != g.id:
            raise ValidationError("member", "not_in_group", member=member_no, group=g.code)
        receipt = next_receipt(s, SERIES_LOAN if loan_amount else SERIES_SAVINGS, date.year)
        if wajib:
            savings.deposit_in(
                s,
                actor,
                member,
                wajib_p,
                wajib,
                date,
                f"Wajib, pertemuan {g.code}",
                receipt_no=receipt,
            )
        if sukarela:
            savings.deposit_in(
                s,
                actor,
                member,
                sukarela_p,
                sukarela,
                date,
                f"Sukarela, pertemuan {g.code}",
                receipt_no=receipt,
            )
        numbers = []
        left = loan_amount
        if left:
            loans = _active_loans(s, member, lock=True)
            if not loans:
                raise ValidationError("loan_amount", "no_active_loan", member=member.number)
            for i, loan in enumerate(loans):
                if left == 0:
                    break
                owed = sum(d.total for d in loan_dues(s, loan, date))
                take = left if i == len(loans) - 1 else min(left, owed)
                if take <= 0:
                    continue
                repay_in(
                    s,
                    actor,
                    loan,
                    take,
                    date,
                    receipt_no=receipt,
                    memo=f"Pertemuan kelompok {g.code}",
                )
                numbers.append(loan.number)
                left -= take
        out.append(
            MemberReceipt(
                member.number,
                member.name,
                receipt,
                wajib,
                sukarela,
                loan_amount,
                tuple(numbers),
            )
        )
    # after the other checks; a refusal rolls the whole meeting back
    limits.check_rows(
        [
            cell
            for r in out
            for cell in (
                (r.member_number, "wajib", wajib_k, r.wajib),
                (r.member_number, "sukarela", sukarela_k, r.sukarela),
                (r.member_number, "loan_amount", plausibility.REPAYMENT, r.loan),
            )
        ]
    )
    result = GroupMeetingResult(g.code, date, tuple(out))
    audit.record(s, actor, "group.meeting", "group", g.code, after=result)
    return result

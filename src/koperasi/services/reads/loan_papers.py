"""Read model of the loan papers (:mod:`koperasi.reports.loan_papers`): one loan with its
borrower, its detail, the schedule the papers print and the agreement's template values."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import Loan
from ...errors import NotFound
from .. import loan_papers as papers
from ..loans import core as loan_core
from ..loans import views as loan_views
from ..members import member_by_number
from .people import MemberDetails, member_details


@dataclass(frozen=True)
class LoanPaperFacts:
    number: str
    status: str
    amount: int
    collateral: int  # recognised collateral value
    principal_outstanding: int
    applied_on: dt.date
    decided_on: dt.date | None
    disbursed_on: dt.date | None
    closed_on: dt.date | None
    member: MemberDetails
    detail: loan_views.LoanDetail
    schedule: tuple[papers.PaperInstallment, ...]
    provisional: bool  # the schedule is the one it would get if disbursed on approval
    values: dict[str, dict[str, str]]  # lang -> the agreement template's values
    template: dict[str, str]  # lang -> the agreement template


def _find(s: Session, loan_no: str | None, member_no: str | None, status: str | None) -> Loan:
    if loan_no:
        return loan_core.loan_by_number(s, loan_no)
    q = select(Loan).order_by(Loan.number)
    q = q.where(Loan.status == status) if status else q.where(Loan.disbursed_on.is_not(None))
    if member_no:
        q = q.where(Loan.member_id == member_by_number(s, member_no).id)
    loan = s.scalars(q).first()
    if loan is None:
        raise NotFound(what="Pinjaman", key=member_no or "-")
    return loan


@dataclass(frozen=True)
class LoanRef:
    number: str
    status: str
    principal_outstanding: int


def loan_for_paper(
    s: Session, loan_no: str | None, member_no: str | None, status: str | None = None
) -> LoanRef:
    """The loan numbered ``loan_no``; without one, the member's (else anyone's) first loan
    by number in ``status``, or paid out when no status is given."""
    loan = _find(s, loan_no, member_no, status)
    return LoanRef(loan.number, loan.status, loan.principal_outstanding)


def loan_paper(s: Session, number: str) -> LoanPaperFacts:
    """What the papers of the loan numbered ``number`` print."""
    loan = loan_core.loan_by_number(s, number)
    detail = loan_views.detail_in(s, loan)
    schedule, provisional = papers.paper_schedule(s, loan, detail)
    return LoanPaperFacts(
        loan.number,
        loan.status,
        loan.amount,
        loan.collateral,
        loan.principal_outstanding,
        loan.applied_on,
        loan.decided_on,
        loan.disbursed_on,
        loan.closed_on,
        member_details(s, loan.member_id),
        detail,
        tuple(schedule),
        provisional,
        {lang: papers.agreement_values(s, loan, lang) for lang in ("id", "en")},
        papers.template_in(s),
    )


def loan_detail(s: Session, number: str) -> loan_views.LoanDetail:
    """The loan card's view of the loan numbered ``number``."""
    return loan_views.detail_in(s, loan_core.loan_by_number(s, number))

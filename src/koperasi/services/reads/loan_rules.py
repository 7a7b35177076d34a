"""Read models of the collateral papers (:mod:`koperasi.reports.loan_rules`)."""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import Loan, LoanCollateral, Member
from ..loans import core as loan_core
from .people import MemberDetails, member_details


@dataclass(frozen=True)
class ReturnedItem:
    kind: str
    description: str
    document_no: str
    received_on: dt.date
    returned_on: dt.date | None
    returned_to: str
    value: int


@dataclass(frozen=True)
class Handover:
    """One hand-over letter: the collateral it gave back, the loan and the borrower."""

    number: str
    items: tuple[ReturnedItem, ...]
    loan_number: str
    loan_status: str
    loan_closed_on: dt.date | None
    member: MemberDetails


def handover(s: Session, letter: str | None, loan_no: str | None) -> Handover | None:
    """The hand-over letter numbered ``letter``; else the latest of the loan ``loan_no``;
    else the latest of all. None when nothing was handed back."""
    q = select(LoanCollateral).where(LoanCollateral.handover_no.is_not(None))
    if letter:
        q = q.where(LoanCollateral.handover_no == letter.strip().upper())
    elif loan_no:
        q = q.where(LoanCollateral.loan_id == loan_core.loan_by_number(s, loan_no).id)
    rows = list(s.scalars(q.order_by(LoanCollateral.returned_on, LoanCollateral.id)))
    if not rows:
        return None
    number = rows[-1].handover_no
    assert number is not None
    items = [c for c in rows if c.handover_no == number]
    loan = s.get(Loan, items[0].loan_id)
    assert loan is not None
    return Handover(
        number,
        tuple(
            ReturnedItem(
                c.kind,
                c.description,
                c.document_no,
                c.received_on,
                c.returned_on,
                c.returned_to,
                c.value,
            )
            for c in items
        ),
        loan.number,
        loan.status,
        loan.closed_on,
        member_details(s, loan.member_id),
    )


def borrowers(s: Session, loan_numbers: Iterable[str]) -> dict[str, str]:
    """loan number -> ``number name`` of its borrower (``–`` when none)."""
    who: dict[str, str] = {}
    for number in loan_numbers:
        if number not in who:
            m = s.get(Member, loan_core.loan_by_number(s, number).member_id)
            who[number] = f"{m.number} {m.name}" if m else "–"
    return who

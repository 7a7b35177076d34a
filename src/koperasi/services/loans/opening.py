"""Opening loans: loans that are already running when a cooperative moves to the app.

A loan brought in from the old books (``koperasi import loans``) is created directly as
disbursed (status ``aktif``) with its schedule, exactly as :func:`loans.disburse_in` would
have made it on its disbursement date, and the principal (and interest) the member already
repaid is brought in as one opening repayment, so that the principal outstanding is what
the old books say.

The ledger side follows the opening balances (``koperasi import opening-balances``): the
money moved long ago, through the old books, so nothing is posted to cash. Every entry is
dated the cut-over date (``as_of``, "per tanggal") and goes against 3.99 Saldo Awal
(Kliring):

- opening loan:        Dr 1.20 Pinjaman Anggota  amount      / Cr 3.99  amount
- opening repayment:   Dr 3.99  repaid + interest            / Cr 1.20 repaid, Cr 4.10 interest
- interest of the old books (only when interest was paid): Dr 4.10 / Cr 3.99 interest -
  that interest is already in the result (equity) the old books carried over, so it must
  not count again as this year's income (nor in SHU jasa pinjaman); the repayment entry
  keeps it on the loan so the installments it paid are not shown in arrears.

Net effect: 1.20 holds the principal outstanding (= the subledger), 3.99 holds its credit
counterpart, and cash, income and fees are untouched. No fee is charged and no receipt
number is used. The savings-based loan limit is not checked (the loan was granted under
the old rules); everything else an application checks is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from sqlalchemy.orm import Session

from ...db.models import Loan, LoanAllocation, LoanTransaction
from ...domain.money import format_rupiah
from ...domain.schedule import generate
from ...domain.vocabulary import EntrySource, PaymentSource
from ...errors import ValidationError
from .. import audit, ledger
from ..auth import Actor
from ..ledger import CLEARING, Line, ensure_clearing
from ..loan_products import product_by_code
from ..members import member_by_number
from ..validation import clean_memo
from .applications import add_first_schedule, new_loan
from .core import (
    ACTIVE,
    INTEREST_INCOME,
    LOANS,
    PAID_OFF,
    SOURCE,
    check_date_after,
    check_member_active,
    check_one_active,
    installment_states,
    schedule_terms,
)
from .views import row_of

OPENING_SOURCE = PaymentSource.OPENING  # loan_transactions.source of opening rows


@dataclass(frozen=True)
class OpeningLoanInput:
    member_no: str
    product_code: str
    amount: int  # plafon: the principal disbursed
    term: int  # number of repayments
    disbursed_on: dt.date
    as_of: dt.date  # cut-over date: the repaid amounts are as of this day
    purpose: str
    principal_repaid: int = 0
    interest_paid: int = 0
    first_due: dt.date | None = None
    collateral: int = 0
    guarantor: str = ""


def _whole(value: Any, field: str, *, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_an_amount", value=value)
    if value < 0 or (positive and value == 0):
        raise ValidationError(field, "must_be_positive" if positive else "must_not_be_negative")
    return value


def open_loan_in(session: Session, actor: Actor, data: OpeningLoanInput) -> Loan:
    """Create a running loan from the old books (see the module docstring); the caller owns
    the transaction. Raises :class:`ValidationError` naming the field for any bad value."""
    member = member_by_number(session, data.member_no, lock=True)
    check_member_active(member)
    product = product_by_code(session, data.product_code)
    if not product.active:
        raise ValidationError("product", "inactive", value=product.code)
    amount = _whole(data.amount, "amount", positive=True)
    if not product.min_amount <= amount <= product.max_amount:
        raise ValidationError(
            "amount",
            "out_of_range",
            min=format_rupiah(product.min_amount),
            max=format_rupiah(product.max_amount),
            value=format_rupiah(amount),
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
    check_date_after(data.disbursed_on, member.join_date, "disbursed")
    if data.first_due is not None and data.first_due <= data.disbursed_on:
        raise ValidationError("first_due", "date_before", other=data.disbursed_on.isoformat())
    check_date_after(data.as_of, data.disbursed_on, "as_of")
    collateral = _whole(data.collateral, "collateral")
    repaid = _whole(data.principal_repaid, "principal_repaid")
    interest = _whole(data.interest_paid, "interest_paid")
    if repaid > amount:
        raise ValidationError(
            "principal_repaid",
            "more_than",
            value=format_rupiah(repaid),
            other=format_rupiah(amount),
        )
    if product.group_loan and member.group_id is None:
        raise ValidationError("group", "required")
    check_one_active(session, product, member, None)
    ensure_clearing(session)

    loan = new_loan(
        session,
        actor,
        member,
        product,
        status=ACTIVE,
        date=data.disbursed_on,
        amount=amount,
        term=data.term,
        first_due=data.first_due,
        purpose=purpose,
        guarantor=data.guarantor,
        collateral=collateral,
        decided_on=data.disbursed_on,
        decided_by=actor.username,
        decision_note="Saldo awal: pinjaman berjalan dari pembukuan lama",
        disbursed_on=data.disbursed_on,
        disbursed_to="kas",
        fee=0,
    )
    schedule = generate(schedule_terms(session, loan, product, data.disbursed_on))
    scheduled_interest = sum(i.interest for i in schedule.installments)
    if interest > scheduled_interest:
        raise ValidationError(
            "interest_paid",
            "more_than",
            value=format_rupiah(interest),
            other=format_rupiah(scheduled_interest),
        )
    add_first_schedule(session, loan, schedule, data.disbursed_on)
    if loan.first_due is None:
        loan.first_due = schedule.installments[0].due_date

    who = f"{loan.number} {member.number} {member.name}"
    memo = f"Saldo awal per {data.as_of:%d/%m/%Y}"
    opening = ledger.post(
        session,
        actor,
        data.as_of,
        f"Saldo awal pinjaman {who}",
        [
            Line(LOANS, debit=amount, member_id=member.id, memo=loan.number),
            Line(CLEARING[0], credit=amount, member_id=member.id, memo=memo),
        ],
        source=SOURCE,
        source_ref=loan.number,
    )
    session.add(
        LoanTransaction(
            loan_id=loan.id,
            date=data.disbursed_on,
            kind="pencairan",
            amount=amount,
            principal=amount,
            principal_change=amount,
            source=OPENING_SOURCE,
            journal_entry_id=opening.id,
            memo=f"Pinjaman berjalan dari pembukuan lama ({memo.lower()})",
            created_by=actor.username,
        )
    )
    loan.principal_outstanding = amount
    session.flush()
    if repaid or interest:
        _opening_repayment(session, actor, loan, member.id, repaid, interest, data.as_of, who)
    if loan.principal_outstanding == 0 and all(
        st.unpaid <= 0 for st in installment_states(session, loan)
    ):
        loan.status, loan.closed_on = PAID_OFF, data.as_of
    session.flush()
    audit.record(session, actor, "loan.import", "loan", loan.number, after=row_of(session, loan))
    return loan


def _opening_repayment(
    session: Session,
    actor: Actor,
    loan: Loan,
    member_id: int,
    principal: int,
    interest: int,
    date: dt.date,
    who: str,
) -> None:
    """What the member repaid before the cut-over, spread over the installments oldest
    first (principal and interest each on their own), as one repayment row."""
    states = installment_states(session, loan)
    lines: list[tuple[int, str, int]] = []  # (installment id, component, amount)
    for component, total in (("interest", interest), ("principal", principal)):
        left = total
        for st in states:
            if left == 0:
                break
            take = min(left, getattr(st, component))
            if take:
                lines.append((st.id, component, take))
                left -= take
    memo = f"Saldo awal per {date:%d/%m/%Y}"
    entry_lines = [Line(CLEARING[0], debit=principal + interest, member_id=member_id, memo=memo)]
    if principal:
        entry_lines.append(Line(LOANS, credit=principal, member_id=member_id, memo=loan.number))
    if interest:
        entry_lines.append(
            Line(INTEREST_INCOME, credit=interest, member_id=member_id, memo=loan.number)
        )
    entry = ledger.post(
        session,
        actor,
        date,
        f"Saldo awal angsuran pinjaman {who} (sudah dibayar sebelum pindah buku)",
        entry_lines,
        source=SOURCE,
        source_ref=loan.number,
    )
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="angsuran",
        amount=principal + interest,
        principal=principal,
        interest=interest,
        principal_change=-principal,
        source=OPENING_SOURCE,
        journal_entry_id=entry.id,
        memo=f"Sudah dibayar sebelum pindah buku ({memo.lower()})",
        created_by=actor.username,
    )
    session.add(tx)
    session.flush()
    session.add_all(
        LoanAllocation(transaction_id=tx.id, installment_id=iid, component=comp, amount=amt)
        for iid, comp, amt in lines
    )
    loan.principal_outstanding -= principal
    if interest:
        # the old books already counted this interest in their result (carried over as
        # equity): take it back out of this year's income
        ledger.post(
            session,
            actor,
            date,
            f"Bunga pinjaman {loan.number} dari pembukuan lama (bukan pendapatan tahun ini)",
            [
                Line(INTEREST_INCOME, debit=interest, member_id=member_id, memo=loan.number),
                Line(CLEARING[0], credit=interest, member_id=member_id, memo=memo),
            ],
            source=EntrySource.MANUAL,
            source_ref="saldo-awal",
        )
    session.flush()

"""Repayments (angsuran) and payoff (pelunasan, with its quote).

Allocation follows DESIGN §6 (oldest installment first: penalty, fee, interest, principal)
through :func:`koperasi.domain.allocation.allocate`, or the order the loan's product names
(``allocation_order``: principal first, interest first, penalties last; see
:data:`koperasi.domain.allocation.ALLOCATION_ORDERS`). Income is recognised when paid (cash
basis): Dr Kas / Cr 1.20 principal, Cr 4.10 interest, Cr 4.20 fee, Cr 4.21 penalty.
Receipts are numbered in the PJM series.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any, cast

from sqlalchemy import Table, func, select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import (
    Loan,
    LoanAllocation,
    LoanProduct,
    LoanTransaction,
    Member,
    SavingsAccount,
)
from ...domain import accounts
from ...domain.allocation import (
    Allocation,
    Due,
    PayoffQuote,
    allocate,
    apply_allocation,
    order_of,
    outstanding,
)
from ...domain.allocation import payoff_quote as quote_payoff
from ...domain.money import format_rupiah
from ...domain.vocabulary import LoanStatus
from ...errors import ValidationError
from .. import audit, ledger, plausibility, savings
from ..auth import Actor, require
from ..common_reads import live_loan_tx
from ..counters import SERIES_LOAN, next_receipt
from ..ledger import Line
from ..loan_products import penalty_rule_of
from ..uow import read_only, unit_of_work
from ..validation import clean_memo
from .core import (
    ACTIVE,
    CASH,
    FEE_INCOME,
    INTEREST_INCOME,
    LOANS,
    PAID_OFF,
    PENALTY_INCOME,
    SOURCE,
    InstallmentState,
    check_date_after,
    check_status,
    dues_from_states,
    installment_states,
    loan_by_number,
    lock_loan,
    require_loan_visible,
    rounding_for,
)
from .quality import release_provision
from .views import AllocationRow, LoanTxView, tx_view

PAYMENT_KINDS = ("angsuran", "pelunasan")


@dataclass(frozen=True)
class PayoffQuoteView:
    loan_number: str
    as_of: dt.date
    principal: int
    interest: int
    fee: int
    penalty: int
    interest_waived: int  # scheduled interest not charged when paid off on this date
    policy: str

    @property
    def total(self) -> int:
        return self.principal + self.interest + self.fee + self.penalty


# ---------------------------------------------------------------- helpers


def live_payments(session: Session, loan: Loan) -> list[LoanTransaction]:
    """Repayments/payoffs that are neither reversals nor reversed, in (date, id) order."""
    return list(
        session.scalars(
            select(LoanTransaction)
            .where(
                LoanTransaction.loan_id == loan.id,
                LoanTransaction.kind.in_(PAYMENT_KINDS),
                live_loan_tx(LoanTransaction.loan_id == loan.id),
            )
            .order_by(LoanTransaction.date, LoanTransaction.id)
        )
    )


def last_event_date(session: Session, loan: Loan) -> dt.date | None:
    """Date of the latest live repayment or reschedule (back-dating before it is refused)."""
    return session.scalar(
        select(func.max(LoanTransaction.date)).where(
            LoanTransaction.loan_id == loan.id,
            LoanTransaction.kind.in_((*PAYMENT_KINDS, "restrukturisasi")),
            live_loan_tx(LoanTransaction.loan_id == loan.id),
        )
    )


def product_of(session: Session, loan: Loan) -> LoanProduct:
    p = session.get(LoanProduct, loan.product_id)
    assert p is not None
    return p


def borrower(session: Session, loan: Loan) -> Member:
    m = session.get(Member, loan.member_id)
    assert m is not None
    return m


def dues_on(
    session: Session, loan: Loan, date: dt.date
) -> tuple[list[InstallmentState], list[Due]]:
    product = product_of(session, loan)
    states = installment_states(session, loan)
    mode = rounding_for(session, product)
    return states, dues_from_states(states, penalty_rule_of(product), date, mode)


def allocation_order(session: Session, loan: Loan) -> tuple[str, ...]:
    """The component order the loan's product allocates repayments in (issue 17 part 6)."""
    return order_of(product_of(session, loan).allocation_order)


def payoff_quote_on(
    session: Session, loan: Loan, date: dt.date
) -> tuple[PayoffQuote, Allocation, int]:
    """(payoff quote, its allocation, interest waived) on ``date``."""
    product = product_of(session, loan)
    _states, dues = dues_on(session, loan, date)
    q = quote_payoff(dues, date, product.payoff_policy, mode=rounding_for(session, product))
    return q, q.as_allocation(), q.waived_interest


def close_if_paid(
    session: Session, actor: Actor, loan: Loan, date: dt.date, dues_after: list[Due] | None = None
) -> None:
    """Close the loan (lunas) when nothing is left; ``dues_after``: the dues after the
    payment just allocated (else read from the database)."""
    if loan.principal_outstanding != 0:
        return
    if dues_after is not None:
        left = sum(d.principal + d.interest + d.fee for d in dues_after)
    else:
        left = sum(max(0, st.unpaid) for st in installment_states(session, loan))
    if left <= 0:
        loan.status, loan.closed_on = PAID_OFF, date
        release_provision(session, actor, loan, date, LoanStatus.PAID_OFF)


def _payment_lines(alloc: Allocation, debit_account: str, member_id: int, memo: str) -> list[Line]:
    total = alloc.total()
    lines = [Line(debit_account, debit=total, member_id=member_id, memo=memo)]
    for account, amount in (
        (LOANS, alloc.principal),
        (INTEREST_INCOME, alloc.interest),
        (FEE_INCOME, alloc.fee),
        (PENALTY_INCOME, alloc.penalty),
    ):
        if amount:
            lines.append(Line(account, credit=amount, member_id=member_id, memo=memo))
    return lines


def record_payment(
    session: Session,
    actor: Actor,
    loan: Loan,
    states: list[InstallmentState],
    alloc: Allocation,
    date: dt.date,
    kind: str,
    *,
    source: str,
    debit_account: str,
    savings_account: SavingsAccount | None,
    receipt_no: str | None,
    memo: str,
    journal_date: dt.date | None = None,
    replays_id: int | None = None,
) -> LoanTransaction:
    member = borrower(session, loan)
    receipt = receipt_no or next_receipt(session, SERIES_LOAN, date.year)
    text = {
        "angsuran": "Angsuran",
        "pelunasan": "Pelunasan",
    }[kind]
    entry = ledger.post(
        session,
        actor,
        journal_date or date,
        f"{text} pinjaman {loan.number} {member.number} {member.name}"
        + (" (ulang setelah koreksi)" if replays_id else ""),
        _payment_lines(alloc, debit_account, member.id, loan.number),
        source=SOURCE,
        source_ref=loan.number,
        receipt_no=receipt,
    )
    if savings_account is not None:
        savings.record_in(
            session,
            actor,
            savings_account,
            -alloc.total(),
            date,
            "angsuran",
            entry.id,
            receipt,
            f"{text} pinjaman {loan.number}",
        )
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind=kind,
        amount=alloc.total(),
        principal=alloc.principal,
        interest=alloc.interest,
        fee=alloc.fee,
        penalty=alloc.penalty,
        principal_change=-alloc.principal,
        source=source,
        receipt_no=receipt,
        journal_entry_id=entry.id,
        replays_id=replays_id,
        memo=clean_memo(memo),
        created_by=actor.username,
    )
    session.add(tx)
    session.flush()
    by_no = {s.no: s for s in states}
    if alloc.lines:  # one executemany (the ORM would insert row by row to fetch ids)
        session.connection().execute(
            cast(Table, LoanAllocation.__table__).insert(),
            [
                {
                    "transaction_id": tx.id,
                    "installment_id": by_no[ln.no].id,
                    "component": ln.component,
                    "amount": ln.amount,
                }
                for ln in alloc.lines
            ],
        )
    loan.principal_outstanding -= alloc.principal
    session.flush()
    return tx


def _audit_tx(tx: LoanTransaction, alloc: Allocation) -> dict[str, Any]:
    """What the audit trail keeps of a payment (without extra queries)."""
    return {
        "id": tx.id,
        "date": tx.date,
        "kind": tx.kind,
        "amount": tx.amount,
        "receipt_no": tx.receipt_no,
        "journal_entry_id": tx.journal_entry_id,
        "source": tx.source,
        "allocations": [[ln.no, ln.component, ln.amount] for ln in alloc.lines],
        "replays_id": tx.replays_id,
    }


def payment_source(
    session: Session, loan: Loan, source: str, amount: int, date: dt.date
) -> tuple[str, SavingsAccount | None]:
    if source == "kas":
        return CASH, None
    if source == "bank":  # a transfer into the bank (payroll deduction, services/payroll.py)
        return accounts.BANK, None
    if source == "sukarela":
        member = borrower(session, loan)
        product = savings.product_of_kind(session, "sukarela")
        acct = savings.account_for(session, member, product)
        available = (
            min(acct.balance, savings.balance_at(session, acct.id, date)) - product.min_balance
        )
        if amount > available:
            raise ValidationError(
                "amount",
                "insufficient_balance",
                amount=format_rupiah(amount),
                available=format_rupiah(max(0, available)),
            )
        return product.account_code, acct
    raise ValidationError("source", "choice", choices="kas, sukarela", value=source)


# ---------------------------------------------------------------- repayment


def _repay_in(
    session: Session,
    actor: Actor,
    loan: Loan,
    amount: int | None,
    date: dt.date,
    *,
    source: str = "kas",
    receipt_no: str | None = None,
    memo: str = "",
    excess_to_savings: bool = False,
) -> tuple[LoanTransaction | None, Allocation | None]:
    """Take a repayment on a (locked) active loan; allocation per DESIGN §6.
    ``amount=None`` pays exactly what is due on ``date`` (arrears, penalties and the
    installments due); returns (None, None) when nothing is due then. An amount beyond the whole
    outstanding is refused, or with ``excess_to_savings`` (cash only) the rest is deposited
    to the member's sukarela savings on the same receipt."""
    check_status(loan, ACTIVE)
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)):
        raise ValidationError("amount", "not_an_amount", value=amount)
    check_date_after(date, loan.disbursed_on)
    check_date_after(date, last_event_date(session, loan))
    states, dues = dues_on(session, loan, date)
    if amount is None:
        amount = sum(d.total for d in dues if d.due_date <= date)
        if amount == 0:
            return None, None
    alloc = allocate(
        dues,
        amount,
        allow_excess=excess_to_savings and source == "kas",
        order=allocation_order(session, loan),
    )
    paid = amount - alloc.excess
    debit_account, acct = payment_source(session, loan, source, paid, date)
    tx = record_payment(
        session,
        actor,
        loan,
        states,
        alloc,
        date,
        "angsuran",
        source=source,
        debit_account=debit_account,
        savings_account=acct,
        receipt_no=receipt_no,
        memo=memo,
    )
    if alloc.excess:
        member = borrower(session, loan)
        savings.deposit_in(
            session,
            actor,
            member,
            savings.product_of_kind(session, "sukarela"),
            alloc.excess,
            date,
            f"Kelebihan bayar pinjaman {loan.number}",
            receipt_no=tx.receipt_no,
        )
    close_if_paid(session, actor, loan, date, apply_allocation(dues, alloc))
    session.flush()
    audit.record(session, actor, "loan.repay", "loan", loan.number, after=_audit_tx(tx, alloc))
    return tx, alloc


def repay_in(
    session: Session,
    actor: Actor,
    loan: Loan,
    amount: int | None,
    date: dt.date,
    *,
    source: str = "kas",
    receipt_no: str | None = None,
    memo: str = "",
    excess_to_savings: bool = False,
) -> LoanTransaction | None:
    """Take a repayment on a (locked) active loan; allocation per DESIGN §6 (see
    :func:`_repay_in`). Returns None when ``amount=None`` and nothing is due."""
    return _repay_in(
        session,
        actor,
        loan,
        amount,
        date,
        source=source,
        receipt_no=receipt_no,
        memo=memo,
        excess_to_savings=excess_to_savings,
    )[0]


def repay(
    db: Database,
    actor: Actor,
    number: str,
    amount: int,
    date: dt.date,
    source: str = "kas",
    memo: str = "",
    excess_to_savings: bool = False,
    *,
    confirm_large: bool = False,
) -> LoanTxView:
    """Take a repayment (cash, or from the member's sukarela savings). The result shows
    how much went to penalty, fee, interest and principal of which installments. More than
    the whole outstanding is refused unless ``excess_to_savings`` (then the rest goes to
    the member's sukarela savings). An amount above the repayment plausibility ceiling
    needs ``confirm_large``."""
    require(actor, "loan.write")
    if amount is None or isinstance(amount, bool) or not isinstance(amount, int):
        raise ValidationError("amount", "not_an_amount", value=amount)
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        limits = plausibility.Limits(s, [plausibility.REPAYMENT], confirmed=confirm_large)
        tx, alloc = _repay_in(
            s,
            actor,
            loan,
            amount,
            date,
            source=source,
            memo=memo,
            excess_to_savings=excess_to_savings,
        )
        assert tx is not None and alloc is not None
        limits.check(plausibility.REPAYMENT, amount)
        return tx_view(
            s, tx, loan, new_allocations=[(ln.no, ln.component, ln.amount) for ln in alloc.lines]
        )


@dataclass(frozen=True)
class RepaymentPreview:
    """What a repayment of ``amount`` on ``date`` would do, shown before it is taken
    (nothing is written): the split per installment and component, and what is left."""

    loan_number: str
    date: dt.date
    due_now: int  # arrears, penalties and installments due up to the date
    outstanding: int  # everything still owed (incl. penalties) on the date
    amount: int | None
    allocations: tuple[AllocationRow, ...]
    excess: int
    principal_after: int

    def component(self, name: str) -> int:
        return sum(a.amount for a in self.allocations if a.component == name)


def preview_repayment(
    db: Database,
    number: str,
    amount: int | None,
    date: dt.date,
    excess_to_savings: bool = False,
    actor: Actor | None = None,
) -> RepaymentPreview:
    """The allocation a repayment would get (the same rule :func:`repay` applies).
    ``amount=None`` previews paying exactly what is due; an invalid amount raises the
    same ValidationError the repayment would."""
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        check_status(loan, ACTIVE)
        check_date_after(date, loan.disbursed_on)
        _states, dues = dues_on(s, loan, date)
        due_now = sum(d.total for d in dues if d.due_date <= date)
        total = outstanding(dues)
        lines: tuple[AllocationRow, ...] = ()
        excess = 0
        principal_after = loan.principal_outstanding
        pay = due_now if amount is None else amount
        if pay:
            alloc = allocate(
                dues, pay, allow_excess=excess_to_savings, order=allocation_order(s, loan)
            )
            lines = tuple(AllocationRow(ln.no, ln.component, ln.amount) for ln in alloc.lines)
            excess = alloc.excess
            principal_after -= alloc.principal
        return RepaymentPreview(
            loan.number, date, due_now, total, amount, lines, excess, principal_after
        )


# ---------------------------------------------------------------- payoff


def payoff_quote_in(session: Session, loan: Loan, date: dt.date) -> PayoffQuoteView:
    check_status(loan, ACTIVE)
    check_date_after(date, loan.disbursed_on)
    q, _adjusted, waived = payoff_quote_on(session, loan, date)
    return PayoffQuoteView(
        loan.number,
        date,
        q.principal,
        q.interest,
        q.fee,
        q.penalty,
        waived,
        product_of(session, loan).payoff_policy,
    )


def payoff_quote(
    db: Database, number: str, date: dt.date, actor: Actor | None = None
) -> PayoffQuoteView:
    """What it takes to close the loan on ``date`` (shown before the payoff is taken)."""
    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        return payoff_quote_in(s, loan, date)


def payoff_in(
    session: Session,
    actor: Actor,
    loan: Loan,
    date: dt.date,
    *,
    expected: int | None = None,
    source: str = "kas",
    receipt_no: str | None = None,
    memo: str = "",
    journal_date: dt.date | None = None,
    replays_id: int | None = None,
    check_order: bool = True,
) -> LoanTransaction:
    check_status(loan, ACTIVE)
    check_date_after(date, loan.disbursed_on)
    if check_order:
        check_date_after(date, last_event_date(session, loan))
    q, alloc, waived = payoff_quote_on(session, loan, date)
    if expected is not None and expected != q.total:
        raise ValidationError(
            "amount",
            "payoff_mismatch",
            amount=format_rupiah(expected),
            quote=format_rupiah(q.total),
        )
    states = installment_states(session, loan)
    debit_account, acct = payment_source(session, loan, source, q.total, date)
    tx = record_payment(
        session,
        actor,
        loan,
        states,
        alloc,
        date,
        "pelunasan",
        source=source,
        debit_account=debit_account,
        savings_account=acct,
        receipt_no=receipt_no,
        memo=clean_memo(memo) or (f"bunga tidak ditagih {format_rupiah(waived)}" if waived else ""),
        journal_date=journal_date,
        replays_id=replays_id,
    )
    loan.status, loan.closed_on = PAID_OFF, date
    release_provision(session, actor, loan, journal_date or date, LoanStatus.PAID_OFF)
    session.flush()
    audit.record(session, actor, "loan.payoff", "loan", loan.number, after=_audit_tx(tx, alloc))
    return tx


def payoff(
    db: Database,
    actor: Actor,
    number: str,
    date: dt.date,
    expected: int | None = None,
    source: str = "kas",
) -> LoanTxView:
    """Close the loan early (pelunasan) for its quoted amount; ``expected`` (the amount the
    treasurer saw on the quote) must match when given."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        tx = payoff_in(s, actor, loan, date, expected=expected, source=source)
        return tx_view(s, tx, loan)

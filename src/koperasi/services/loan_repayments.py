"""Repayments (angsuran), payoff (pelunasan), reversal with replay, rescheduling, write-off,
recovery, and the set-off of savings against loans when a member leaves.

Allocation follows DESIGN §6 (oldest installment first: penalty, fee, interest, principal)
through :func:`koperasi.domain.allocation.allocate`, or the order the loan's product names
(``allocation_order``: principal first, interest first, penalties last; see
:data:`koperasi.domain.allocation.ALLOCATION_ORDERS`). Income is recognised when paid (cash
basis): Dr Kas / Cr 1.20 principal, Cr 4.10 interest, Cr 4.20 fee, Cr 4.21 penalty.
Receipts are numbered in the PJM series.

A reversal never changes a posted row: it posts the mirror journal entry (linked by
``reverses_entry_id``) and a mirror subledger row (``reverses_id``) with negative amounts.
Repayments made after the reversed one are reversed too and then replayed, in order, on
their own dates, so that every allocation is what it would have been without the mistake;
replayed rows keep their receipt numbers.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Loan,
    LoanAllocation,
    LoanInstallment,
    LoanProduct,
    LoanTransaction,
    Member,
    SavingsAccount,
    SavingsProduct,
)
from ..domain.allocation import Allocation, allocate, apply_allocation, order_of, outstanding
from ..domain.allocation import payoff_quote as quote_payoff
from ..domain.money import format_rupiah
from ..domain.schedule import Schedule, generate, validate_terms
from ..errors import NotFound, ValidationError
from . import audit, ledger, plausibility, savings
from .auth import Actor, require
from .counters import SERIES_LOAN, next_receipt
from .ledger import Line
from .loan_products import penalty_rule_of
from .loans import (
    ACTIVE,
    ALLOWANCE,
    CASH,
    FEE_INCOME,
    INTEREST_INCOME,
    LOANS,
    OTHER_INCOME,
    PAID_OFF,
    PENALTY_INCOME,
    PROVISION_EXPENSE,
    SOURCE,
    WRITTEN_OFF,
    AllocationRow,
    LoanDetail,
    LoanTxView,
    _check_date_after,
    _check_status,
    detail_in,
    dues_from_states,
    installment_states,
    lock_loan,
    rounding_for,
    row_of,
    schedule_terms,
    tx_view,
)
from .uow import read_only, unit_of_work
from .validation import clean_memo

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


def _live_payments(session: Session, loan: Loan) -> list[LoanTransaction]:
    """Repayments/payoffs that are neither reversals nor reversed, in (date, id) order."""
    reversed_ids = select(LoanTransaction.reverses_id).where(
        LoanTransaction.loan_id == loan.id, LoanTransaction.reverses_id.is_not(None)
    )
    return list(
        session.scalars(
            select(LoanTransaction)
            .where(
                LoanTransaction.loan_id == loan.id,
                LoanTransaction.kind.in_(PAYMENT_KINDS),
                LoanTransaction.reverses_id.is_(None),
                LoanTransaction.id.not_in(reversed_ids),
            )
            .order_by(LoanTransaction.date, LoanTransaction.id)
        )
    )


def last_event_date(session: Session, loan: Loan) -> dt.date | None:
    """Date of the latest live repayment or reschedule (back-dating before it is refused)."""
    reversed_ids = select(LoanTransaction.reverses_id).where(
        LoanTransaction.loan_id == loan.id, LoanTransaction.reverses_id.is_not(None)
    )
    return session.scalar(
        select(func.max(LoanTransaction.date)).where(
            LoanTransaction.loan_id == loan.id,
            LoanTransaction.kind.in_((*PAYMENT_KINDS, "restrukturisasi")),
            LoanTransaction.reverses_id.is_(None),
            LoanTransaction.id.not_in(reversed_ids),
        )
    )


def product_of(session: Session, loan: Loan) -> LoanProduct:
    p = session.get(LoanProduct, loan.product_id)
    assert p is not None
    return p


def _member(session: Session, loan: Loan) -> Member:
    m = session.get(Member, loan.member_id)
    assert m is not None
    return m


def _dues(session: Session, loan: Loan, date: dt.date):  # type: ignore[no-untyped-def]
    product = product_of(session, loan)
    states = installment_states(session, loan)
    mode = rounding_for(session, product)
    return states, dues_from_states(states, penalty_rule_of(product), date, mode)


def allocation_order(session: Session, loan: Loan) -> tuple[str, ...]:
    """The component order the loan's product allocates repayments in (issue 17 part 6)."""
    return order_of(product_of(session, loan).allocation_order)


def _quote(session: Session, loan: Loan, date: dt.date):  # type: ignore[no-untyped-def]
    """(payoff quote, its allocation, interest waived) on ``date``."""
    product = product_of(session, loan)
    _states, dues = _dues(session, loan, date)
    q = quote_payoff(dues, date, product.payoff_policy, mode=rounding_for(session, product))
    return q, q.as_allocation(), q.waived_interest


def _close_if_paid(
    session: Session, actor: Actor, loan: Loan, date: dt.date, dues_after=None
) -> None:  # type: ignore[no-untyped-def]
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
        release_provision(session, actor, loan, date, "lunas")


def release_provision(session: Session, actor: Actor, loan: Loan, date: dt.date, why: str) -> None:
    """Give back the allowance held for a loan that no longer needs it (Dr 1.29 / Cr 5.40)."""
    if loan.ppap_booked == 0:
        return
    amount = loan.ppap_booked
    lines = [
        Line(ALLOWANCE, debit=amount, memo=loan.number),
        Line(PROVISION_EXPENSE, credit=amount, memo=loan.number),
    ]
    if amount < 0:
        lines = [
            Line(PROVISION_EXPENSE, debit=-amount, memo=loan.number),
            Line(ALLOWANCE, credit=-amount, memo=loan.number),
        ]
    ledger.post(
        session,
        actor,
        date,
        f"Pelepasan penyisihan pinjaman {loan.number} ({why})",
        lines,
        source="ppap",
        source_ref=loan.number,
    )
    loan.ppap_booked = 0


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


def _record_payment(
    session: Session,
    actor: Actor,
    loan: Loan,
    states,  # type: ignore[no-untyped-def]
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
    member = _member(session, loan)
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
            LoanAllocation.__table__.insert(),
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


def _audit_tx(tx: LoanTransaction, alloc: Allocation) -> dict:
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


def _payment_source(
    session: Session, loan: Loan, source: str, amount: int, date: dt.date
) -> tuple[str, SavingsAccount | None]:
    if source == "kas":
        return CASH, None
    if source == "bank":  # a transfer into the bank (payroll deduction, services/payroll.py)
        return "1.02", None
    if source == "sukarela":
        member = _member(session, loan)
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
    _check_status(loan, ACTIVE)
    if amount is not None and (isinstance(amount, bool) or not isinstance(amount, int)):
        raise ValidationError("amount", "not_an_amount", value=amount)
    _check_date_after(date, loan.disbursed_on)
    _check_date_after(date, last_event_date(session, loan))
    states, dues = _dues(session, loan, date)
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
    debit_account, acct = _payment_source(session, loan, source, paid, date)
    tx = _record_payment(
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
        member = _member(session, loan)
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
    _close_if_paid(session, actor, loan, date, apply_allocation(dues, alloc))
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
    db,
    actor: Actor,
    number: str,
    amount: int,
    date: dt.date,
    source: str = "kas",
    memo: str = "",
    excess_to_savings: bool = False,
    *,
    confirm_large: bool = False,
) -> LoanTxView:  # type: ignore[no-untyped-def]
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
    db,
    number: str,
    amount: int | None,
    date: dt.date,
    excess_to_savings: bool = False,
    actor: Actor | None = None,
) -> RepaymentPreview:  # type: ignore[no-untyped-def]
    """The allocation a repayment would get (the same rule :func:`repay` applies).
    ``amount=None`` previews paying exactly what is due; an invalid amount raises the
    same ValidationError the repayment would."""
    from .loans import loan_by_number, require_loan_visible

    with read_only(db) as s:
        loan = loan_by_number(s, number)
        require_loan_visible(s, actor, loan)
        _check_status(loan, ACTIVE)
        _check_date_after(date, loan.disbursed_on)
        _states, dues = _dues(s, loan, date)
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
    _check_status(loan, ACTIVE)
    _check_date_after(date, loan.disbursed_on)
    q, _adjusted, waived = _quote(session, loan, date)
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


def payoff_quote(db, number: str, date: dt.date, actor: Actor | None = None) -> PayoffQuoteView:  # type: ignore[no-untyped-def]
    """What it takes to close the loan on ``date`` (shown before the payoff is taken)."""
    from .loans import loan_by_number, require_loan_visible

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
    _check_status(loan, ACTIVE)
    _check_date_after(date, loan.disbursed_on)
    if check_order:
        _check_date_after(date, last_event_date(session, loan))
    q, alloc, waived = _quote(session, loan, date)
    if expected is not None and expected != q.total:
        raise ValidationError(
            "amount",
            "payoff_mismatch",
            amount=format_rupiah(expected),
            quote=format_rupiah(q.total),
        )
    states = installment_states(session, loan)
    debit_account, acct = _payment_source(session, loan, source, q.total, date)
    tx = _record_payment(
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
    release_provision(session, actor, loan, journal_date or date, "lunas")
    session.flush()
    audit.record(session, actor, "loan.payoff", "loan", loan.number, after=_audit_tx(tx, alloc))
    return tx


def payoff(
    db, actor: Actor, number: str, date: dt.date, expected: int | None = None, source: str = "kas"
) -> LoanTxView:  # type: ignore[no-untyped-def]
    """Close the loan early (pelunasan) for its quoted amount; ``expected`` (the amount the
    treasurer saw on the quote) must match when given."""
    require(actor, "loan.write")
    with unit_of_work(db) as s:
        loan = lock_loan(s, number)
        tx = payoff_in(s, actor, loan, date, expected=expected, source=source)
        return tx_view(s, tx, loan)


# ---------------------------------------------------------------- reversal


def _mirror(
    session: Session, actor: Actor, loan: Loan, tx: LoanTransaction, date: dt.date, reason: str
) -> LoanTransaction:
    """Post the reversal of one transaction (journal + subledger + allocations)."""
    entry = (
        ledger.post_reversal(session, actor, tx.journal_entry_id, date, reason)
        if tx.journal_entry_id
        else None
    )
    if tx.source in ("sukarela", "simpanan") and entry is not None:
        from ..db.models import SavingsTransaction

        for stx in session.scalars(
            select(SavingsTransaction).where(
                SavingsTransaction.journal_entry_id == tx.journal_entry_id
            )
        ):
            acct = session.get(SavingsAccount, stx.account_id, with_for_update=True)
            assert acct is not None
            savings.record_in(
                session,
                actor,
                acct,
                -stx.amount,
                tx.date,
                "koreksi",
                entry.id,
                stx.receipt_no,
                f"Pembalikan: {reason}",
                reverses_id=stx.id,
            )
    rev = LoanTransaction(
        loan_id=loan.id,
        date=tx.date,  # effective on the reversed transaction's date; posted on ``date``
        kind="koreksi",
        amount=-tx.amount,
        principal=-tx.principal,
        interest=-tx.interest,
        fee=-tx.fee,
        penalty=-tx.penalty,
        principal_change=-tx.principal_change,
        source=tx.source,
        receipt_no=tx.receipt_no,
        journal_entry_id=entry.id if entry else None,
        reverses_id=tx.id,
        memo=f"Pembalikan: {reason}",
        created_by=actor.username,
    )
    session.add(rev)
    session.flush()
    session.add_all(
        LoanAllocation(
            transaction_id=rev.id,
            installment_id=a.installment_id,
            component=a.component,
            amount=-a.amount,
        )
        for a in session.scalars(
            select(LoanAllocation)
            .where(LoanAllocation.transaction_id == tx.id)
            .order_by(LoanAllocation.id)
        ).all()
    )
    loan.principal_outstanding -= tx.principal_change
    session.flush()
    return rev


def _is_reversed(session: Session, tx: LoanTransaction) -> bool:
    return (
        session.scalar(select(LoanTransaction.id).where(LoanTransaction.reverses_id == tx.id))
        is not None
    )


def reverse_transaction_in(
    session: Session, actor: Actor, tx: LoanTransaction, date: dt.date, reason: str
) -> LoanTransaction:
    """Reverse a repayment/payoff (replaying later ones) or a recovery. Returns the
    reversal row of ``tx``."""
    loan = session.scalars(select(Loan).where(Loan.id == tx.loan_id).with_for_update()).one()
    if tx.reverses_id is not None or tx.kind == "koreksi":
        raise ValidationError("transaction", "is_reversal", entry=tx.id)
    if _is_reversed(session, tx):
        raise ValidationError("transaction", "already_reversed", entry=tx.id)
    if tx.source == "saldo_awal":  # loan_opening.OPENING_SOURCE: the old books' repayment
        # its interest was taken back out of this year's income against 3.99 by a second
        # entry; a mirror of the repayment alone would leave 4.10 with a debit
        raise ValidationError("transaction", "opening_not_reversible", loan=loan.number)
    if tx.kind == "pemulihan":
        _check_status(loan, WRITTEN_OFF)
        rev = _mirror(session, actor, loan, tx, date, reason)
        audit.record(
            session, actor, "loan.reverse", "loan", loan.number, after=tx_view(session, rev, loan)
        )
        return rev
    if tx.kind not in PAYMENT_KINDS:
        raise ValidationError("transaction", "not_reversible", kind=tx.kind)
    _check_status(loan, ACTIVE, PAID_OFF)
    resched = session.scalar(
        select(func.max(LoanTransaction.date)).where(
            LoanTransaction.loan_id == loan.id, LoanTransaction.kind == "restrukturisasi"
        )
    )
    if resched is not None and tx.date < resched:
        raise ValidationError("transaction", "before_reschedule", date=resched.isoformat())
    later = [t for t in _live_payments(session, loan) if (t.date, t.id) > (tx.date, tx.id)]
    # undo the newest first, then the one asked for
    for t in reversed(later):
        _mirror(session, actor, loan, t, date, f"diulang setelah koreksi #{tx.id}")
    rev = _mirror(session, actor, loan, tx, date, reason)
    if loan.status == PAID_OFF:
        loan.status, loan.closed_on = ACTIVE, None
    session.flush()
    # replay the later payments on their own dates (journal on the reversal date)
    for t in later:
        if loan.status != ACTIVE:
            raise ValidationError("transaction", "replay_failed", receipt=t.receipt_no or t.id)
        if t.kind == "pelunasan":
            q, _adj, _w = _quote(session, loan, t.date)
            if q.total == t.amount:
                payoff_in(
                    session,
                    actor,
                    loan,
                    t.date,
                    source=t.source,
                    receipt_no=t.receipt_no,
                    memo=t.memo,
                    journal_date=date,
                    replays_id=t.id,
                    check_order=False,
                )
                continue
        states, dues = _dues(session, loan, t.date)
        if t.amount > outstanding(dues):
            raise ValidationError("transaction", "replay_failed", receipt=t.receipt_no or t.id)
        alloc = allocate(dues, t.amount, order=allocation_order(session, loan))
        debit_account, acct = _payment_source(session, loan, t.source, t.amount, t.date)
        _record_payment(
            session,
            actor,
            loan,
            states,
            alloc,
            t.date,
            "angsuran",
            source=t.source,
            debit_account=debit_account,
            savings_account=acct,
            receipt_no=t.receipt_no,
            memo=t.memo,
            journal_date=date,
            replays_id=t.id,
        )
        _close_if_paid(session, actor, loan, date)
    session.flush()
    audit.record(
        session,
        actor,
        "loan.reverse",
        "loan",
        loan.number,
        before=tx_view(session, tx, loan),
        after={"reason": reason, "replayed": [t.id for t in later]},
    )
    return rev


def _find_tx(session: Session, loan: Loan, ref: str | int) -> LoanTransaction:
    """A live transaction of the loan by id or receipt number."""
    text = str(ref).strip()
    if text.isdigit():
        tx = session.get(LoanTransaction, int(text))
        if tx is None or tx.loan_id != loan.id:
            raise NotFound(what="Transaksi pinjaman", key=text)
        return tx
    candidates = session.scalars(
        select(LoanTransaction)
        .where(
            LoanTransaction.loan_id == loan.id,
            LoanTransaction.receipt_no == text.upper(),
            LoanTransaction.reverses_id.is_(None),
        )
        .order_by(LoanTransaction.id.desc())
    ).all()
    for tx in candidates:
        if not _is_reversed(session, tx):
            return tx
    raise NotFound(what="Transaksi pinjaman", key=text)


def reverse_repayment(
    db, actor: Actor, number: str, tx_ref: str | int, date: dt.date, reason: str
) -> LoanDetail:  # type: ignore[no-untyped-def]
    """Reverse a repayment (by transaction id or receipt number); later repayments are
    replayed so that allocations stay right."""
    require(actor, "loan.write")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        from .approvals import require_no_gate

        require_no_gate(s, "loan_reversal")
        return reverse_repayment_in(s, actor, number, tx_ref, date, reason)


def reverse_repayment_in(
    s: Session, actor: Actor, number: str, tx_ref: str | int, date: dt.date, reason: str
) -> LoanDetail:
    """See :func:`reverse_repayment` (in the caller's unit of work)."""
    reason = (reason or "").strip()
    if not reason:
        raise ValidationError("reason", "required")
    loan = lock_loan(s, number)
    reverse_transaction_in(s, actor, _find_tx(s, loan, tx_ref), date, reason)
    return detail_in(s, loan)


def reverse_entry_in(
    session: Session, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> int:
    """For ``ledger.reverse_entry``: reverse the loan transaction behind a journal entry."""
    tx = session.scalars(
        select(LoanTransaction).where(LoanTransaction.journal_entry_id == entry_id)
    ).first()
    if tx is None:
        raise NotFound(what="Transaksi pinjaman", key=entry_id)
    rev = reverse_transaction_in(session, actor, tx, date, reason)
    assert rev.journal_entry_id is not None
    return rev.journal_entry_id


# ---------------------------------------------------------------- reschedule


@dataclass(frozen=True)
class ReschedulePlan:
    """A restructuring worked out and checked, nothing written: the new terms and schedule,
    and what the first new installment carries over from the old one."""

    principal: int  # principal outstanding: the new schedule's principal
    carried_interest: int  # interest of installments already due, unpaid
    carried_fee: int  # fees unpaid
    term: int
    rate: Decimal
    method: str
    first_due: dt.date | None
    schedule: Schedule
    product: LoanProduct
    states: list  # the old schedule's installment states on the date


def plan_reschedule(
    s: Session,
    loan: Loan,
    date: dt.date,
    term: int,
    *,
    rate=None,  # type: ignore[no-untyped-def]
    method: str | None = None,
    first_due: dt.date | None = None,
) -> ReschedulePlan:
    """The checks and the new schedule of :func:`reschedule` (shared with the screen's
    preview, so what is shown is what gets written)."""
    _check_status(loan, ACTIVE)
    _check_date_after(date, loan.disbursed_on)
    _check_date_after(date, last_event_date(s, loan))
    if isinstance(term, bool) or not isinstance(term, int) or term < 1:
        raise ValidationError("term", "must_be_positive")
    principal = loan.principal_outstanding
    if principal <= 0:
        raise ValidationError("loan", "nothing_to_reschedule", loan=loan.number)
    product = product_of(s, loan)
    states = installment_states(s, loan)
    new = Loan(  # the loan's terms after the restructuring, not attached to the session
        amount=loan.amount,
        term=term,
        method=method or loan.method,
        rate=loan.rate if rate is None else rate,
        rate_per=loan.rate_per,
        every=loan.every,
        unit=loan.unit,
        first_due=first_due,
        group_id=loan.group_id,
    )
    schedule = generate(validate_terms(schedule_terms(s, new, product, date, principal=principal)))
    return ReschedulePlan(
        principal,
        sum(st.unpaid_interest for st in states if st.due_date <= date),
        sum(st.unpaid_fee for st in states),
        term,
        Decimal(new.rate),
        new.method,
        first_due,
        schedule,
        product,
        states,
    )


def reschedule_in(
    s: Session,
    actor: Actor,
    loan: Loan,
    date: dt.date,
    term: int,
    reason: str,
    *,
    rate=None,
    method: str | None = None,
    first_due: dt.date | None = None,
) -> LoanDetail:  # type: ignore[no-untyped-def]
    """See :func:`reschedule` (in the caller's unit of work; ``loan`` locked)."""
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    plan = plan_reschedule(s, loan, date, term, rate=rate, method=method, first_due=first_due)
    principal, carried_interest, carried_fee = (
        plan.principal,
        plan.carried_interest,
        plan.carried_fee,
    )
    before = detail_in(s, loan)
    loan.term = term
    if rate is not None:
        loan.rate = rate
    if method is not None:
        loan.method = method
    loan.first_due = first_due
    schedule = plan.schedule
    s.execute(
        LoanInstallment.__table__.update()
        .where(LoanInstallment.loan_id == loan.id, LoanInstallment.superseded_on.is_(None))
        .values(superseded_on=date)
    )
    version = loan.schedule_version + 1
    loan.schedule_version = version
    for i, inst in enumerate(schedule.installments):
        s.add(
            LoanInstallment(
                loan_id=loan.id,
                version=version,
                no=inst.no,
                due_date=inst.due_date,
                principal=inst.principal,
                interest=inst.interest + (carried_interest if i == 0 else 0),
                fee=carried_fee if i == 0 else 0,
                valid_from=date,
            )
        )
    s.add(
        LoanTransaction(
            loan_id=loan.id,
            date=date,
            kind="restrukturisasi",
            memo=f"{reason}; pokok {format_rupiah(principal)}, {term}x, "
            f"bunga tertunggak dibawa {format_rupiah(carried_interest)}",
            created_by=actor.username,
        )
    )
    s.flush()
    after = detail_in(s, loan)
    audit.record(s, actor, "loan.reschedule", "loan", loan.number, before.row, after.row)
    return after


def reschedule(
    db,
    actor: Actor,
    number: str,
    date: dt.date,
    term: int,
    reason: str,
    *,
    rate=None,  # type: ignore[no-untyped-def]
    method: str | None = None,
    first_due: dt.date | None = None,
) -> LoanDetail:  # type: ignore[no-untyped-def]
    """Restructure an active loan: the principal outstanding gets a new schedule of ``term``
    repayments from ``date`` (optionally a new rate or method). Unpaid fees and the interest
    of installments already due are carried into the first new installment; penalties
    not paid are waived (they were never income: cash basis). The old schedule rows are
    kept, marked superseded."""
    require(actor, "loan.write")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        return reschedule_in(
            s,
            actor,
            lock_loan(s, number),
            date,
            term,
            reason,
            rate=rate,
            method=method,
            first_due=first_due,
        )


# ---------------------------------------------------------------- write-off & recovery


def write_off_in(s: Session, actor: Actor, loan: Loan, date: dt.date, reason: str) -> LoanTxView:
    """See :func:`write_off` (in the caller's unit of work; ``loan`` locked)."""
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")

    _check_status(loan, ACTIVE)
    _check_date_after(date, loan.disbursed_on)
    _check_date_after(date, last_event_date(s, loan))
    amount = loan.principal_outstanding
    if amount <= 0:
        raise ValidationError("loan", "nothing_to_write_off", loan=loan.number)
    member = _member(s, loan)
    held = max(0, min(loan.ppap_booked, amount))
    lines = []
    if held:
        lines.append(Line(ALLOWANCE, debit=held, member_id=member.id, memo=loan.number))
    if amount - held:
        lines.append(
            Line(PROVISION_EXPENSE, debit=amount - held, member_id=member.id, memo=loan.number)
        )
    lines.append(Line(LOANS, credit=amount, member_id=member.id, memo=loan.number))
    if loan.ppap_booked > held:  # more held than needed: give the rest back
        extra = loan.ppap_booked - held
        lines += [
            Line(ALLOWANCE, debit=extra, memo=loan.number),
            Line(PROVISION_EXPENSE, credit=extra, memo=loan.number),
        ]
    entry = ledger.post(
        s,
        actor,
        date,
        f"Hapus buku pinjaman {loan.number} {member.number} {member.name}: {reason}",
        lines,
        source=SOURCE,
        source_ref=loan.number,
    )
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="hapus_buku",
        amount=amount,
        principal=amount,
        principal_change=-amount,
        journal_entry_id=entry.id,
        memo=reason,
        created_by=actor.username,
    )
    s.add(tx)
    before = row_of(s, loan)
    loan.principal_outstanding = 0
    loan.ppap_booked = 0
    loan.status, loan.written_off_on = WRITTEN_OFF, date
    s.flush()
    audit.record(s, actor, "loan.write_off", "loan", loan.number, before, row_of(s, loan))
    return tx_view(s, tx, loan)


def write_off(db, actor: Actor, number: str, date: dt.date, reason: str) -> LoanTxView:  # type: ignore[no-untyped-def]
    """Write off the principal outstanding against the allowance: Dr 1.29 / Cr 1.20; any
    part the allowance did not yet hold for this loan is provided first (Dr 5.40)."""
    require(actor, "loan.approve")
    reason = clean_memo(reason, "reason")
    if not reason:
        raise ValidationError("reason", "required")
    with unit_of_work(db) as s:
        from .approvals import require_no_gate

        require_no_gate(s, "write_off")
        return write_off_in(s, actor, lock_loan(s, number), date, reason)


def recovery_totals(s: Session, loan: Loan) -> tuple[int, int]:
    """A written-off loan's principal written off and what has come back since (receipts
    net of reversed ones: a reversal row carries the negative amount and points at the
    recovery it undoes)."""
    written = s.scalar(
        select(func.coalesce(func.sum(LoanTransaction.amount), 0)).where(
            LoanTransaction.loan_id == loan.id, LoanTransaction.kind == "hapus_buku"
        )
    )
    recoveries = select(LoanTransaction.id).where(
        LoanTransaction.loan_id == loan.id, LoanTransaction.kind == "pemulihan"
    )
    recovered = s.scalar(
        select(func.coalesce(func.sum(LoanTransaction.amount), 0)).where(
            LoanTransaction.loan_id == loan.id,
            (LoanTransaction.kind == "pemulihan")
            | ((LoanTransaction.kind == "koreksi") & LoanTransaction.reverses_id.in_(recoveries)),
        )
    )
    return int(written or 0), int(recovered or 0)


def recover_in(
    s: Session, actor: Actor, loan: Loan, amount: int, date: dt.date, memo: str = ""
) -> LoanTxView:
    """See :func:`recover` (in the caller's unit of work; ``loan`` locked)."""
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError("amount", "must_be_positive")

    _check_status(loan, WRITTEN_OFF)
    _check_date_after(date, loan.written_off_on)
    written, recovered = recovery_totals(s, loan)
    if amount > written - recovered:
        raise ValidationError(
            "amount",
            "overpayment",
            amount=format_rupiah(amount),
            outstanding=format_rupiah(written - recovered),
        )
    member = _member(s, loan)
    receipt = next_receipt(s, SERIES_LOAN, date.year)
    entry = ledger.post(
        s,
        actor,
        date,
        f"Penerimaan pinjaman dihapus buku {loan.number} {member.number} {member.name}",
        [
            Line(CASH, debit=amount, member_id=member.id, memo=loan.number),
            Line(OTHER_INCOME, credit=amount, member_id=member.id, memo=loan.number),
        ],
        source=SOURCE,
        source_ref=loan.number,
        receipt_no=receipt,
    )
    tx = LoanTransaction(
        loan_id=loan.id,
        date=date,
        kind="pemulihan",
        amount=amount,
        receipt_no=receipt,
        journal_entry_id=entry.id,
        memo=clean_memo(memo),
        created_by=actor.username,
    )
    s.add(tx)
    s.flush()
    audit.record(s, actor, "loan.recover", "loan", loan.number, after=tx_view(s, tx, loan))
    return tx_view(s, tx, loan)


def recover(
    db, actor: Actor, number: str, amount: int, date: dt.date, memo: str = ""
) -> LoanTxView:  # type: ignore[no-untyped-def]
    """Money received on a written-off loan: Dr Kas / Cr 4.90 Pendapatan Lain (up to the
    amount written off, less what was already recovered)."""
    require(actor, "loan.write")
    if isinstance(amount, bool) or not isinstance(amount, int) or amount <= 0:
        raise ValidationError("amount", "must_be_positive")
    with unit_of_work(db) as s:
        return recover_in(s, actor, lock_loan(s, number), amount, date, memo)


# ---------------------------------------------------------------- member exit


def settle_debts_for_exit(session: Session, actor: Actor, member: Member, date: dt.date) -> int:
    """When a member leaves: set the savings (sukarela, then wajib, then pokok) against the
    payoff amount of every active loan; pending applications are rejected. Refused (nothing
    written) when the savings do not cover the loans. Returns the amount set off."""
    loans = session.scalars(
        select(Loan)
        .where(Loan.member_id == member.id, Loan.status.in_(("diajukan", "disetujui", ACTIVE)))
        .order_by(Loan.id)
        .with_for_update()
    ).all()
    active = [ln for ln in loans if ln.status == ACTIVE]
    for ln in loans:
        if ln.status != ACTIVE:
            ln.status, ln.decided_on, ln.decided_by = "ditolak", date, actor.username
            ln.decision_note = "Anggota keluar"
    if not active:
        return 0
    quotes = []
    for ln in active:
        _check_date_after(date, last_event_date(session, ln))
        q, alloc, _w = _quote(session, ln, date)
        quotes.append((ln, q, alloc))
    owed = sum(q.total for _ln, q, _a in quotes)
    rows = session.execute(
        select(SavingsAccount, SavingsProduct)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(SavingsAccount.member_id == member.id, SavingsAccount.balance > 0)
        .with_for_update(of=SavingsAccount)
    ).all()
    order = {"sukarela": 0, "berjangka": 1, "wajib": 2, "pokok": 3}
    pots = sorted(
        (
            (acct, prod, min(acct.balance, savings.balance_at(session, acct.id, date)))
            for acct, prod in rows
        ),
        key=lambda r: order.get(r[1].kind, 9),
    )
    available = sum(p[2] for p in pots)
    if available < owed:
        raise ValidationError(
            "member",
            "member_has_debt",
            member=member.number,
            amount=format_rupiah(owed - available),
        )
    total = 0
    for ln, q, alloc in quotes:
        if q.total <= 0:
            continue
        states = installment_states(session, ln)
        # one journal entry per loan: debit the savings pots in order
        need, lines, taken = q.total, [], []
        for i, (acct, prod, bal) in enumerate(pots):
            if need == 0:
                break
            take = min(bal, need)
            if take <= 0:
                continue
            pots[i] = (acct, prod, bal - take)
            need -= take
            lines.append(Line(prod.account_code, debit=take, member_id=member.id, memo=ln.number))
            taken.append((acct, take))
        for account, amount in (
            (LOANS, alloc.principal),
            (INTEREST_INCOME, alloc.interest),
            (FEE_INCOME, alloc.fee),
            (PENALTY_INCOME, alloc.penalty),
        ):
            if amount:
                lines.append(Line(account, credit=amount, member_id=member.id, memo=ln.number))
        receipt = next_receipt(session, SERIES_LOAN, date.year)
        entry = ledger.post(
            session,
            actor,
            date,
            f"Pelunasan pinjaman {ln.number} dari simpanan (anggota keluar)",
            lines,
            source=SOURCE,
            source_ref=ln.number,
            receipt_no=receipt,
        )
        for acct, take in taken:
            savings.record_in(
                session,
                actor,
                acct,
                -take,
                date,
                "angsuran",
                entry.id,
                receipt,
                f"Pelunasan pinjaman {ln.number}",
            )
        tx = LoanTransaction(
            loan_id=ln.id,
            date=date,
            kind="pelunasan",
            amount=q.total,
            principal=alloc.principal,
            interest=alloc.interest,
            fee=alloc.fee,
            penalty=alloc.penalty,
            principal_change=-alloc.principal,
            source="simpanan",
            receipt_no=receipt,
            journal_entry_id=entry.id,
            memo="anggota keluar",
            created_by=actor.username,
        )
        session.add(tx)
        session.flush()
        by_no = {st.no: st for st in states}
        session.add_all(
            LoanAllocation(
                transaction_id=tx.id,
                installment_id=by_no[a.no].id,
                component=a.component,
                amount=a.amount,
            )
            for a in alloc.lines
        )
        ln.principal_outstanding -= alloc.principal
        ln.status, ln.closed_on = PAID_OFF, date
        release_provision(session, actor, ln, date, "anggota keluar")
        total += q.total
        session.flush()
        audit.record(
            session,
            actor,
            "loan.exit_settlement",
            "loan",
            ln.number,
            after=tx_view(session, tx, ln),
        )
    return total


__all__ = [
    "PayoffQuoteView",
    "payoff",
    "payoff_quote",
    "recover",
    "repay",
    "repay_in",
    "reschedule",
    "reverse_repayment",
    "reverse_transaction_in",
    "settle_debts_for_exit",
    "write_off",
]

"""Read model of a receipt: the journal entries one receipt number covers, their lines and
the savings and loan transactions behind them (for :mod:`koperasi.reports.receipts`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ...db.models import (
    Account,
    JournalEntry,
    JournalLine,
    Loan,
    LoanTransaction,
    Member,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ...errors import NotFound
from .. import statement_cash_flow
from .. import statements as st


@dataclass(frozen=True)
class ReceiptLine:
    code: str
    name: str
    name_en: str | None
    debit: int
    credit: int
    member_id: int | None
    memo: str | None


@dataclass(frozen=True)
class ReceiptLoanTx:
    id: int
    loan_id: int
    kind: str
    reverses_id: int | None
    source: str | None
    amount: int
    principal: int
    interest: int
    fee: int
    penalty: int


@dataclass(frozen=True)
class ReceiptSavingsTx:
    kind: str
    amount: int
    memo: str | None
    product_name: str


@dataclass(frozen=True)
class ReceiptLoan:
    """The loan a disbursement paid out, with its borrower."""

    number: str
    amount: int
    purpose: str
    borrower_number: str
    borrower_name: str


@dataclass(frozen=True)
class ReceiptFacts:
    receipt: str
    date: dt.date  # the first entry's
    reversal: bool  # one of the entries reverses another
    descriptions: tuple[str, ...]  # the entries', in id order
    cash_codes: frozenset[str]
    lines: tuple[ReceiptLine, ...]
    member: tuple[str, str] | None  # (number, name) of the first line naming a member
    loan_txs: tuple[ReceiptLoanTx, ...]
    savings_txs: tuple[ReceiptSavingsTx, ...]
    loan_numbers: dict[int, str]
    disbursed: ReceiptLoan | None  # the loan of the first live disbursement, if any
    outstanding_after: int | None  # principal after the one repayment, if exactly one


def latest_receipt(s: Session) -> str:
    """The receipt number of the latest journal entry that has one."""
    receipt = s.scalar(
        select(JournalEntry.receipt_no)
        .where(JournalEntry.receipt_no.is_not(None))
        .order_by(JournalEntry.id.desc())
        .limit(1)
    )
    if receipt is None:
        raise NotFound(what="Kuitansi", key="-")
    return receipt


def _outstanding_after(s: Session, loan_id: int, tx_id: int) -> int:
    """The loan's principal outstanding right after transaction ``tx_id`` (in the card's
    order)."""
    total = 0
    for t_id, change in s.execute(
        select(LoanTransaction.id, LoanTransaction.principal_change)
        .where(LoanTransaction.loan_id == loan_id)
        .order_by(LoanTransaction.date, LoanTransaction.id)
    ):
        total += change
        if t_id == tx_id:
            break
    return total


REPAYMENT_KINDS = ("angsuran", "pelunasan", "pemulihan")


def receipt_facts(s: Session, receipt: str) -> ReceiptFacts:
    entries = s.scalars(
        select(JournalEntry).where(JournalEntry.receipt_no == receipt).order_by(JournalEntry.id)
    ).all()
    if not entries:
        raise NotFound(what="Kuitansi", key=receipt)
    ids = [e.id for e in entries]
    cash = statement_cash_flow.cash_codes(st.accounts(s))
    lines = tuple(
        ReceiptLine(code, name, name_en, int(d), int(c), mid, memo)
        for code, name, name_en, d, c, mid, memo in s.execute(
            select(
                Account.code,
                Account.name,
                Account.name_en,
                JournalLine.debit,
                JournalLine.credit,
                JournalLine.member_id,
                JournalLine.memo,
            )
            .join(Account, Account.id == JournalLine.account_id)
            .where(JournalLine.entry_id.in_(ids))
            .order_by(JournalLine.id)
        )
    )
    member_id = next((ln.member_id for ln in lines if ln.member_id is not None), None)
    m = s.get(Member, member_id) if member_id else None
    loan_rows = s.scalars(
        select(LoanTransaction)
        .where(LoanTransaction.journal_entry_id.in_(ids))
        .order_by(LoanTransaction.id)
    ).all()
    loan_txs = tuple(
        ReceiptLoanTx(
            t.id,
            t.loan_id,
            t.kind,
            t.reverses_id,
            t.source,
            int(t.amount),
            int(t.principal),
            int(t.interest),
            int(t.fee),
            int(t.penalty),
        )
        for t in loan_rows
    )
    savings_txs = tuple(
        ReceiptSavingsTx(t.kind, int(t.amount), t.memo, p.name)
        for t, p in s.execute(
            select(SavingsTransaction, SavingsProduct)
            .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
            .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
            .where(SavingsTransaction.journal_entry_id.in_(ids))
            .order_by(SavingsTransaction.id)
        )
    )
    loan_numbers = {
        lid: number
        for lid, number in s.execute(
            select(Loan.id, Loan.number).where(Loan.id.in_({t.loan_id for t in loan_txs}))
        )
    }
    reversal = any(e.reverses_entry_id for e in entries)
    disbursed = None
    disb = next((t for t in loan_txs if t.kind == "pencairan" and t.reverses_id is None), None)
    if disb is not None:
        loan = s.get(Loan, disb.loan_id)
        assert loan is not None
        borrower = s.get(Member, loan.member_id)
        assert borrower is not None
        disbursed = ReceiptLoan(
            loan.number, loan.amount, loan.purpose, borrower.number, borrower.name
        )
    repayments = [t for t in loan_txs if t.kind in REPAYMENT_KINDS]
    outstanding = None
    if len(repayments) == 1 and not reversal:
        outstanding = _outstanding_after(s, repayments[0].loan_id, repayments[0].id)
    return ReceiptFacts(
        receipt,
        entries[0].date,
        reversal,
        tuple(e.description for e in entries),
        frozenset(cash),
        lines,
        (m.number, m.name) if m is not None else None,
        loan_txs,
        savings_txs,
        loan_numbers,
        disbursed,
        outstanding,
    )

"""Loan checks for ``koperasi check`` (picked up by :mod:`koperasi.services.check`).

- loans_control: loans receivable (1.20) = the subledger's principal outstanding; each
  loan's cached principal outstanding = the sum of its transactions.
- loan_income: interest (4.10), fees (4.20) and penalties (4.21) posted by loan entries =
  what the loan transactions say was paid; each transaction's allocations add up to it.
- loan_allowance: the allowance (1.29) = the provision held per loan.
"""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Account,
    JournalEntry,
    JournalLine,
    Loan,
    LoanAllocation,
    LoanTransaction,
)
from ..domain import accounts
from ..domain.money import format_rupiah
from ..domain.vocabulary import EntrySource, LoanStatus
from .check import Problem, ledger_balance_by_code


def _gl(s: Session, code: str, sources: tuple[str, ...] | None = None) -> int:
    """Debit minus credit on one account (optionally only entries from ``sources``)."""
    if sources is None:  # koperasi check: from its one pass over the accounts
        return -ledger_balance_by_code(s, {code}).get(code, 0)
    return _gl_by_source(s, (code,), sources).get(code, 0)


def _gl_by_source(s: Session, codes: tuple[str, ...], sources: tuple[str, ...]) -> dict[str, int]:
    """Debit minus credit per account code, of the entries from ``sources`` only (one query
    for all the codes)."""
    rows = s.execute(
        select(
            Account.code,
            func.coalesce(func.sum(JournalLine.debit), 0)
            - func.coalesce(func.sum(JournalLine.credit), 0),
        )
        .join(Account, Account.id == JournalLine.account_id)
        .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
        .where(Account.code.in_(codes), JournalEntry.source.in_(sources))
        .group_by(Account.code)
    ).all()
    return {code: int(v or 0) for code, v in rows}


def check_loans_control(s: Session) -> list[Problem]:
    out: list[Problem] = []
    sub = int(s.scalar(select(func.coalesce(func.sum(LoanTransaction.principal_change), 0))) or 0)
    gl = _gl(s, accounts.LOANS)
    if sub != gl:
        out.append(
            Problem(
                "loans_control",
                f"Akun 1.20: saldo buku besar {format_rupiah(gl)} ≠ jumlah sisa pokok pinjaman "
                f"{format_rupiah(sub)}",
                f"Account 1.20: ledger balance {format_rupiah(gl)} ≠ loans' principal "
                f"outstanding {format_rupiah(sub)}",
                "accounts.code=1.20",
            )
        )
    sums = (
        select(
            LoanTransaction.loan_id.label("lid"),
            func.sum(LoanTransaction.principal_change).label("total"),
        )
        .group_by(LoanTransaction.loan_id)
        .subquery()
    )
    rows = s.execute(
        select(Loan.number, Loan.principal_outstanding, func.coalesce(sums.c.total, 0))
        .outerjoin(sums, sums.c.lid == Loan.id)
        .where(Loan.principal_outstanding != func.coalesce(sums.c.total, 0))
    ).all()
    for number, cached, total in rows:
        out.append(
            Problem(
                "loans_control",
                f"Pinjaman {number}: sisa pokok tersimpan {format_rupiah(cached)} ≠ jumlah "
                f"transaksi {format_rupiah(int(total))}",
                f"Loan {number}: stored principal outstanding {format_rupiah(cached)} ≠ sum "
                f"of transactions {format_rupiah(int(total))}",
                f"loans.number={number}",
            )
        )
    negative = s.scalars(select(Loan.number).where(Loan.principal_outstanding < 0)).all()
    for number in negative:
        out.append(
            Problem(
                "loans_control",
                f"Pinjaman {number}: sisa pokok negatif",
                f"Loan {number}: negative principal outstanding",
                f"loans.number={number}",
            )
        )
    closed = s.scalars(
        select(Loan.number).where(
            Loan.status.in_((LoanStatus.PAID_OFF, LoanStatus.WRITTEN_OFF)),
            Loan.principal_outstanding != 0,
        )
    ).all()
    for number in closed:
        out.append(
            Problem(
                "loans_control",
                f"Pinjaman {number} sudah ditutup tetapi masih bersisa pokok",
                f"Loan {number} is closed but still has principal outstanding",
                f"loans.number={number}",
            )
        )
    return out


def check_loan_income(s: Session) -> list[Problem]:
    out: list[Problem] = []
    totals = s.execute(
        select(
            func.coalesce(func.sum(LoanTransaction.interest), 0),
            func.coalesce(func.sum(LoanTransaction.penalty), 0),
            func.coalesce(func.sum(LoanTransaction.fee), 0),
        )
    ).one()
    gls = _gl_by_source(
        s,
        (accounts.LOAN_INTEREST_INCOME, accounts.PENALTY_INCOME, accounts.FEE_INCOME),
        (EntrySource.LOANS,),
    )
    for code, name_id, name_en, sub in (
        (accounts.LOAN_INTEREST_INCOME, "bunga", "interest", int(totals[0])),
        (accounts.PENALTY_INCOME, "denda", "penalty", int(totals[1])),
        (accounts.FEE_INCOME, "biaya administrasi", "fee", int(totals[2])),
    ):
        gl = -gls.get(code, 0)
        if gl != sub:
            out.append(
                Problem(
                    "loan_income",
                    f"Akun {code}: {name_id} dari jurnal pinjaman {format_rupiah(gl)} ≠ "
                    f"{name_id} pada transaksi pinjaman {format_rupiah(sub)}",
                    f"Account {code}: {name_en} from loan entries {format_rupiah(gl)} ≠ "
                    f"{name_en} on loan transactions {format_rupiah(sub)}",
                    f"accounts.code={code}",
                )
            )
    # allocations of each repayment add up to its components: each transaction's sum looked
    # up in the covering allocation index (not every allocation grouped, then indexed again)
    alloc = (
        select(func.coalesce(func.sum(LoanAllocation.amount), 0))
        .where(LoanAllocation.transaction_id == LoanTransaction.id)
        .scalar_subquery()
        .label("total")
    )
    paid = (
        select(LoanTransaction.id, LoanTransaction.amount, alloc)
        .where(
            LoanTransaction.kind.in_(("angsuran", "pelunasan", "koreksi")),
            LoanTransaction.journal_entry_id.is_not(None),
        )
        .subquery()
    )
    bad = s.execute(
        select(paid.c.id, paid.c.amount, paid.c.total)
        .where(paid.c.amount != paid.c.total)
        .order_by(paid.c.id)
    ).all()
    for tid, amount, total in bad:
        # a reversed recovery has no allocations: skip those
        if total == 0 and s.scalar(
            select(LoanTransaction.kind).where(
                LoanTransaction.id
                == select(LoanTransaction.reverses_id)
                .where(LoanTransaction.id == tid)
                .scalar_subquery()
            )
        ) in ("pemulihan",):
            continue
        out.append(
            Problem(
                "loan_income",
                f"Transaksi pinjaman #{tid}: jumlah {format_rupiah(amount)} ≠ alokasi "
                f"{format_rupiah(int(total))}",
                f"Loan transaction #{tid}: amount {format_rupiah(amount)} ≠ allocations "
                f"{format_rupiah(int(total))}",
                f"loan_transactions.id={tid}",
            )
        )
    return out


def check_loan_allowance(s: Session) -> list[Problem]:
    held = int(s.scalar(select(func.coalesce(func.sum(Loan.ppap_booked), 0))) or 0)
    gl = -_gl(s, accounts.LOAN_ALLOWANCE)
    if held != gl:
        return [
            Problem(
                "loan_allowance",
                f"Akun 1.29: saldo penyisihan {format_rupiah(gl)} ≠ PPAP yang dibentuk per "
                f"pinjaman {format_rupiah(held)}",
                f"Account 1.29: allowance balance {format_rupiah(gl)} ≠ provision held per "
                f"loan {format_rupiah(held)}",
                "accounts.code=1.29",
            )
        ]
    return []


CHECKS = [
    ("loans_control", check_loans_control),
    ("loan_income", check_loan_income),
    ("loan_allowance", check_loan_allowance),
]

"""Payroll deductions: posting the employer's payment file (savings and loan repayments per
member, the rest held in suspense)."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Employer,
    Member,
    PayrollBatch,
    PayrollLine,
)
from ..domain.vocabulary import EntrySource
from ..errors import KoperasiError, NotFound, ValidationError
from . import audit, clock, ledger, ledger_periods, savings
from .auth import Actor, require, require_read_all
from .counters import SERIES_JOURNAL, SERIES_SAVINGS, next_receipt
from .ledger import Line
from .members import member_by_number
from .payroll import (
    PAY_INTO,
    SUSPENSE,
    DeductionRow,
    PaymentFile,
    PaymentRow,
    PayrollResult,
    PayrollRowResult,
    active_loans,
    check_period,
    deduction_list_in,
    employer_by_code,
    loan_dues,
)
from .uow import read_only, unit_of_work


class _DryRun(Exception):
    pass


def _parse_period(text: str) -> tuple[int, int]:
    try:
        y, m = (int(x) for x in (text or "").strip().split("-"))
    except ValueError:
        raise ValidationError("period", "invalid") from None
    check_period(y, m)
    return y, m


def _check_rows(rows: tuple[PaymentRow, ...]) -> None:
    """Refuse the whole file for a row that cannot be read (nothing is written)."""
    seen: dict[str, int] = {}
    errors: list[KoperasiError] = []
    for r in rows:
        if r.paid is not None and (
            isinstance(r.paid, bool) or not isinstance(r.paid, int) or r.paid < 0
        ):
            errors.append(ValidationError("amount_paid", "pr_row_amount", row=r.row, value=r.paid))
        key = r.employee_no.strip()
        if key and key in seen:
            errors.append(
                ValidationError(
                    "employee_no", "pr_row_duplicate", row=r.row, value=key, other=seen[key]
                )
            )
        elif key:
            seen[key] = r.row
    if not any(r.paid for r in rows) and not errors:
        errors.append(ValidationError("payroll_file", "pr_nothing_paid"))
    if errors:
        if len(errors) == 1:
            raise errors[0]
        raise KoperasiError("pr_file_errors", count=len(errors), first=errors[0].message("id"))


def _post_member(
    s: Session,
    actor: Actor,
    employer: Employer,
    member: Member,
    paid: int,
    expected: DeductionRow,
    date: dt.date,
    label: str,
) -> tuple[int, int, int, str | None]:
    """Post one member's payment: wajib, then installments, rest to sukarela."""
    from .loans.repayments import repay_in

    if paid <= 0:
        return 0, 0, 0, None
    receipt = next_receipt(s, SERIES_SAVINGS, date.year)
    memo = f"Potong gaji {employer.code} {label}"
    rest = paid
    wajib = min(rest, expected.wajib)
    if wajib:
        savings.deposit_in(
            s, actor, member, savings.product_of_kind(s, "wajib"), wajib, date, memo,
            cash_account=employer.pay_into, receipt_no=receipt,
        )  # fmt: skip
        rest -= wajib
    angsuran = 0
    for loan in active_loans(s, member.id):
        if rest <= 0:
            break
        s.refresh(loan, with_for_update=True)
        due = loan_dues(s, loan, date, expected_due_by(label))
        part = min(rest, due)
        if part <= 0:
            continue
        repay_in(
            s, actor, loan, part, date, source=PAY_INTO[employer.pay_into],
            receipt_no=receipt, memo=memo,
        )  # fmt: skip
        angsuran += part
        rest -= part
    sukarela = rest
    if sukarela:
        savings.deposit_in(
            s, actor, member, savings.product_of_kind(s, "sukarela"), sukarela, date, memo,
            cash_account=employer.pay_into, receipt_no=receipt,
        )  # fmt: skip
    return wajib, angsuran, sukarela, receipt


def expected_due_by(label: str) -> dt.date:
    """The last day of the period ``MM/YYYY`` (installments due by then are deducted)."""
    month, year = (int(x) for x in label.split("/"))
    return clock.month_end(year, month)


def post_payments(
    db: Database,
    actor: Actor,
    payment: PaymentFile,
    date: dt.date,
    *,
    dry_run: bool = False,
    employer_code: str = "",
) -> PayrollResult:
    """Post an employer's payment file in one transaction (see the module doc);
    ``dry_run``: everything is computed and posted, then rolled back."""
    require(actor, "payroll.write")
    year, month = _parse_period(payment.period)
    if employer_code and employer_code.strip().upper() != payment.employer_code.strip().upper():
        raise ValidationError(
            "payroll_file", "pr_wrong_file", found=payment.employer_code,
            expected=employer_code.strip().upper(),
        )  # fmt: skip
    _check_rows(payment.rows)
    label = f"{month:02d}/{year}"
    result: PayrollResult | None = None
    try:
        with unit_of_work(db) as s:
            employer = employer_by_code(s, payment.employer_code, lock=True)
            done = s.scalars(
                select(PayrollBatch).where(
                    PayrollBatch.employer_id == employer.id,
                    PayrollBatch.period == f"{year}-{month:02d}",
                )
            ).first()
            if done is not None:
                raise ValidationError(
                    "payroll_file", "pr_already_posted", employer=employer.code,
                    period=label, date=done.posted_on.isoformat(),
                )  # fmt: skip
            ledger_periods.ensure_open(s, date)
            plan = deduction_list_in(s, employer, year, month)
            by_employee = {r.employee_no: r for r in plan.rows}
            by_member = {r.member_number: r for r in plan.rows}
            out: list[PayrollRowResult] = []
            seen: set[str] = set()
            unplaced: list[Line] = []
            for r in payment.rows:
                paid = r.paid or 0
                expected = by_employee.get(r.employee_no.strip()) or by_member.get(
                    r.member_number.strip()
                )
                if expected is None:
                    if paid == 0:
                        continue
                    known = (
                        s.scalar(select(Member.id).where(Member.number == r.member_number.strip()))
                        if r.member_number.strip()
                        else None
                    )
                    status = "not_linked" if known else "unknown"
                    unplaced.append(
                        Line(
                            SUSPENSE,
                            credit=paid,
                            memo=f"baris {r.row} {r.employee_no} {r.name}".strip(),
                        )
                    )
                    out.append(
                        PayrollRowResult(
                            r.row, r.employee_no, r.member_number, r.name, 0, paid,
                            0, 0, 0, paid, status, None,
                        )
                    )  # fmt: skip
                    continue
                seen.add(expected.member_number)
                member = member_by_number(s, expected.member_number, lock=True)
                try:
                    wajib, angsuran, sukarela, receipt = _post_member(
                        s, actor, employer, member, paid, expected, date, label
                    )
                except KoperasiError as exc:  # the whole file is refused, naming the row
                    raise KoperasiError(
                        "pr_row_refused", row=r.row, detail=exc.message("id")
                    ) from exc
                want = expected.total
                status = "ok" if paid == want else ("short" if paid < want else "over")
                out.append(
                    PayrollRowResult(
                        r.row, expected.employee_no, member.number, member.name, want, paid,
                        wajib, angsuran, sukarela, 0, status, receipt,
                    )
                )  # fmt: skip
            for missing in plan.rows:
                if missing.member_number not in seen and missing.total:
                    out.append(
                        PayrollRowResult(
                            None, missing.employee_no, missing.member_number, missing.member_name,
                            missing.total, 0, 0, 0, 0, 0, "missing", None,
                        )
                    )  # fmt: skip
            if unplaced:
                total = sum(ln.credit for ln in unplaced)
                ledger.post(
                    s,
                    actor,
                    date,
                    f"Potong gaji {employer.code} {label}: belum dapat dibukukan ke anggota",
                    [Line(employer.pay_into, debit=total, memo=employer.name), *unplaced],
                    source=EntrySource.PAYROLL,
                    source_ref=f"{employer.code}-{year}-{month:02d}",
                    receipt_no=next_receipt(s, SERIES_JOURNAL, date.year),
                )
            batch = PayrollBatch(
                employer_id=employer.id,
                period=f"{year}-{month:02d}",
                posted_on=date,
                source_name=payment.source_name[:200],
                expected_total=plan.total(),
                paid_total=sum(r.paid for r in out),
                posted_total=sum(r.wajib + r.angsuran + r.sukarela for r in out),
                created_by=actor.username,
            )
            s.add(batch)
            s.flush()
            s.add_all(
                PayrollLine(
                    batch_id=batch.id,
                    row_no=r.row or 0,
                    employee_no=r.employee_no,
                    member_id=(
                        s.scalar(select(Member.id).where(Member.number == r.member_number))
                        if r.member_number
                        else None
                    ),
                    expected=r.expected,
                    paid=r.paid,
                    wajib=r.wajib,
                    angsuran=r.angsuran,
                    sukarela=r.sukarela,
                    unposted=r.unposted,
                    status=r.status,
                    receipt_no=r.receipt_no,
                )
                for r in out
            )
            s.flush()
            result = PayrollResult(
                employer.code, employer.name, f"{year}-{month:02d}", date, dry_run,
                tuple(out), None if dry_run else batch.id,
            )  # fmt: skip
            audit.record(
                s, actor, "payroll.post", "employer", employer.code,
                after={
                    "period": result.period, "paid": result.total("paid"),
                    "posted": batch.posted_total, "unposted": result.total("unposted"),
                    "differences": len(result.differences), "batch_id": batch.id,
                },
            )  # fmt: skip
            if dry_run:
                raise _DryRun()
    except _DryRun:
        pass
    assert result is not None
    return result


def batch_result(
    db: Database, employer_code: str, period: str, actor: Actor | None = None
) -> PayrollResult:
    """A posted payment file's rows as they were posted (for the report and the screen)."""
    require_read_all(actor, "Potongan gaji")
    year, month = _parse_period(period)
    with read_only(db) as s:
        e = employer_by_code(s, employer_code)
        b = s.scalars(
            select(PayrollBatch).where(
                PayrollBatch.employer_id == e.id, PayrollBatch.period == f"{year}-{month:02d}"
            )
        ).first()
        if b is None:
            raise NotFound(what="Potongan gaji", key=f"{e.code} {year}-{month:02d}")
        rows = []
        for ln in s.scalars(
            select(PayrollLine).where(PayrollLine.batch_id == b.id).order_by(PayrollLine.id)
        ):
            m = s.get(Member, ln.member_id) if ln.member_id else None
            rows.append(
                PayrollRowResult(
                    ln.row_no or None, ln.employee_no, m.number if m else "", m.name if m else "",
                    ln.expected, ln.paid, ln.wajib, ln.angsuran, ln.sukarela, ln.unposted,
                    ln.status, ln.receipt_no,
                )
            )  # fmt: skip
        return PayrollResult(e.code, e.name, b.period, b.posted_on, False, tuple(rows), b.id)

"""Payroll deduction (potong gaji) for employee cooperatives.

An employer (instansi) deducts members' dues from their pay and transfers the total to the
cooperative. A member may be linked to one employer with their employee number and an
optional monthly sukarela deduction.

- The monthly list (:func:`deduction_list`) says what to deduct from each member: the
  month's simpanan wajib (while any is owed), the installments due by the month's end on
  their active loans (arrears and penalties included), and the sukarela deduction.
- The employer's payment file (the same list with the amount paid filled in) is posted in
  one transaction by :func:`post_payments`: per member one receipt (SMP series), the amount
  allocated to wajib first, then to the installments (each loan's own allocation rule, oldest
  first), and the rest to sukarela; Dr the employer's account (1.02 Bank by default). Rows
  the cooperative cannot place (an unknown member, a member not employed there) are booked
  to 2.30 Hutang Lain-lain (a suspense the treasurer clears), so the bank still shows the
  whole transfer. Every row's difference (short, over, unknown) is reported. A row error
  (an amount that is not rupiah, a duplicate employee number) refuses the whole file and
  nothing is written; ``dry_run`` runs everything and rolls it back (the preview).
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Employer,
    EmployerMember,
    Loan,
    Member,
    PayrollBatch,
    PayrollLine,
)
from ..domain import accounts
from ..domain.vocabulary import MemberStatus
from ..errors import KoperasiError, NotFound, ValidationError
from . import audit, clock, ledger, ledger_periods, savings, savings_arrears
from .auth import Actor, require, require_read_all
from .counters import SERIES_JOURNAL, SERIES_SAVINGS, next_receipt
from .ledger import Line
from .members import member_by_number
from .uow import read_only, unit_of_work

PAY_INTO = {accounts.CASH: "kas", accounts.BANK: "bank"}  # account -> loan repayment source
SUSPENSE = accounts.OTHER_PAYABLES  # Hutang Lain-lain: money the cooperative could not place yet


@dataclass(frozen=True)
class EmployerView:
    code: str
    name: str
    address: str
    pay_into: str
    active: bool
    employees: int


@dataclass(frozen=True)
class EmployeeView:
    employer_code: str
    employee_no: str
    member_number: str
    member_name: str
    sukarela: int


@dataclass(frozen=True)
class DeductionRow:
    no: int
    employee_no: str
    member_number: str
    member_name: str
    wajib: int
    angsuran: int
    sukarela: int
    loans: tuple[str, ...]

    @property
    def total(self) -> int:
        return self.wajib + self.angsuran + self.sukarela


@dataclass(frozen=True)
class DeductionList:
    employer_code: str
    employer_name: str
    year: int
    month: int
    due_by: dt.date
    rows: tuple[DeductionRow, ...]

    @property
    def period(self) -> str:
        return f"{self.year}-{self.month:02d}"

    def total(self, name: str = "total") -> int:
        return sum(getattr(r, name) for r in self.rows)


@dataclass(frozen=True)
class PaymentRow:
    """One row of an employer's payment file (``paid`` None: left empty)."""

    row: int
    employee_no: str
    member_number: str
    name: str
    paid: int | None


@dataclass(frozen=True)
class PaymentFile:
    employer_code: str
    period: str  # YYYY-MM
    rows: tuple[PaymentRow, ...]
    source_name: str = ""


@dataclass(frozen=True)
class PayrollRowResult:
    row: int | None  # the file's row (None: a member missing from the file)
    employee_no: str
    member_number: str
    name: str
    expected: int
    paid: int
    wajib: int
    angsuran: int
    sukarela: int
    unposted: int  # booked to 2.30 (unknown member / not employed there)
    status: str  # ok | short | over | unknown | not_linked | missing
    receipt_no: str | None

    @property
    def difference(self) -> int:
        return self.paid - self.expected


@dataclass(frozen=True)
class PayrollResult:
    employer_code: str
    employer_name: str
    period: str
    date: dt.date
    dry_run: bool
    rows: tuple[PayrollRowResult, ...]
    batch_id: int | None

    @property
    def differences(self) -> tuple[PayrollRowResult, ...]:
        return tuple(r for r in self.rows if r.status != "ok")

    def total(self, name: str) -> int:
        return sum(getattr(r, name) for r in self.rows)


# ---------------------------------------------------------------- employers and employees


def _employer(s: Session, code: str, lock: bool = False) -> Employer:
    q = select(Employer).where(Employer.code == (code or "").strip().upper())
    if lock:
        q = q.with_for_update()
    e = s.scalars(q).first()
    if e is None:
        raise NotFound(what="Instansi", key=code)
    return e


def _employer_view(s: Session, e: Employer) -> EmployerView:
    n = len(
        s.scalars(select(EmployerMember.member_id).where(EmployerMember.employer_id == e.id)).all()
    )
    return EmployerView(e.code, e.name, e.address, e.pay_into, e.active, n)


def save_employer(
    db: Database,
    actor: Actor,
    code: str,
    name: str,
    address: str = "",
    pay_into: str = accounts.BANK,
) -> EmployerView:
    """Add an employer, or change the name, address and account of an existing one."""
    require(actor, "payroll.write")
    code = (code or "").strip().upper()
    name = (name or "").strip()
    if not code or len(code) > 20:
        raise ValidationError("employer_code", "required" if not code else "invalid")
    if not name:
        raise ValidationError("name", "required")
    if pay_into not in PAY_INTO:
        raise ValidationError("pay_into", "choice", choices=", ".join(PAY_INTO), value=pay_into)
    with unit_of_work(db) as s:
        e = s.scalars(select(Employer).where(Employer.code == code).with_for_update()).first()
        if e is None:
            e = Employer(code=code, name=name, address=address.strip(), pay_into=pay_into)
            s.add(e)
        else:
            e.name, e.address, e.pay_into = name, address.strip(), pay_into
        s.flush()
        view = _employer_view(s, e)
        audit.record(s, actor, "payroll.employer", "employer", code, after=view)
        return view


def list_employers(db: Database, actor: Actor | None = None) -> list[EmployerView]:
    require_read_all(actor, "Instansi")
    with read_only(db) as s:
        return [_employer_view(s, e) for e in s.scalars(select(Employer).order_by(Employer.code))]


def link_member(
    db: Database,
    actor: Actor,
    member_no: str,
    employer_code: str,
    employee_no: str,
    sukarela: int = 0,
) -> EmployeeView:
    """Link a member to an employer (or change the link's employee number and sukarela)."""
    require(actor, "payroll.write")
    employee_no = (employee_no or "").strip()
    if not employee_no or len(employee_no) > 30:
        raise ValidationError("employee_no", "required" if not employee_no else "invalid")
    if isinstance(sukarela, bool) or not isinstance(sukarela, int) or sukarela < 0:
        raise ValidationError("amount", "not_an_amount", value=sukarela)
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        employer = _employer(s, employer_code)
        link = s.get(EmployerMember, member.id, with_for_update=True)
        if link is not None and link.employer_id != employer.id:
            other = s.get(Employer, link.employer_id)
            raise ValidationError(
                "member",
                "pr_member_linked",
                member=member.number,
                employer=other.code if other else "-",
            )
        taken = s.scalars(
            select(EmployerMember).where(
                EmployerMember.employer_id == employer.id,
                EmployerMember.employee_no == employee_no,
                EmployerMember.member_id != member.id,
            )
        ).first()
        if taken is not None:
            holder = s.get(Member, taken.member_id)
            raise ValidationError(
                "employee_no", "pr_employee_no_taken", value=employee_no,
                member=holder.number if holder else "-",
            )  # fmt: skip
        if link is None:
            link = EmployerMember(member_id=member.id, employer_id=employer.id)
            s.add(link)
        link.employee_no, link.sukarela = employee_no, sukarela
        s.flush()
        view = EmployeeView(employer.code, employee_no, member.number, member.name, sukarela)
        audit.record(s, actor, "payroll.link", "member", member.number, after=view)
        return view


def unlink_member(db: Database, actor: Actor, member_no: str) -> None:
    require(actor, "payroll.write")
    with unit_of_work(db) as s:
        member = member_by_number(s, member_no, lock=True)
        link = s.get(EmployerMember, member.id, with_for_update=True)
        if link is None:
            raise NotFound(what="Hubungan instansi anggota", key=member.number)
        before = {"employer_id": link.employer_id, "employee_no": link.employee_no}
        s.delete(link)
        s.flush()
        audit.record(s, actor, "payroll.unlink", "member", member.number, before=before)


def employees(db: Database, employer_code: str, actor: Actor | None = None) -> list[EmployeeView]:
    require_read_all(actor, "Instansi")
    with read_only(db) as s:
        e = _employer(s, employer_code)
        rows = s.execute(
            select(EmployerMember, Member)
            .join(Member, Member.id == EmployerMember.member_id)
            .where(EmployerMember.employer_id == e.id)
            .order_by(EmployerMember.employee_no)
        ).all()
        return [EmployeeView(e.code, k.employee_no, m.number, m.name, k.sukarela) for k, m in rows]


# ---------------------------------------------------------------- the monthly list


def _check_period(year: int, month: int) -> None:
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "invalid")


def _loan_dues(s: Session, loan: Loan, date: dt.date, due_by: dt.date) -> int:
    from .loans.repayments import _dues

    _states, dues = _dues(s, loan, date)
    return sum(d.total for d in dues if d.due_date <= due_by)


def _active_loans(s: Session, member_id: int) -> list[Loan]:
    from .loans.core import ACTIVE

    return list(
        s.scalars(
            select(Loan)
            .where(Loan.member_id == member_id, Loan.status == ACTIVE)
            .order_by(Loan.disbursed_on, Loan.id)
        )
    )


def _row_for(s: Session, no: int, link: EmployerMember, m: Member, due_by: dt.date) -> DeductionRow:
    wajib_product = savings.product_of_kind(s, "wajib")
    owed = savings_arrears.wajib_arrears_in(s, m, due_by).arrears
    wajib = min(wajib_product.fixed_amount, owed)
    angsuran, numbers = 0, []
    for loan in _active_loans(s, m.id):
        due = _loan_dues(s, loan, due_by, due_by)
        if due:
            angsuran += due
            numbers.append(loan.number)
    return DeductionRow(
        no, link.employee_no, m.number, m.name, wajib, angsuran, link.sukarela, tuple(numbers)
    )


def deduction_list_in(s: Session, employer: Employer, year: int, month: int) -> DeductionList:
    _check_period(year, month)
    due_by = clock.month_end(year, month)
    rows = s.execute(
        select(EmployerMember, Member)
        .join(Member, Member.id == EmployerMember.member_id)
        .where(
            EmployerMember.employer_id == employer.id,
            Member.status.in_((MemberStatus.ACTIVE, MemberStatus.CANDIDATE)),
        )
        .order_by(EmployerMember.employee_no)
    ).all()
    out = [_row_for(s, n, link, m, due_by) for n, (link, m) in enumerate(rows, start=1)]
    return DeductionList(employer.code, employer.name, year, month, due_by, tuple(out))


def deduction_list(
    db: Database,
    employer_code: str,
    year: int,
    month: int,
    actor: Actor | None = None,
) -> DeductionList:
    """What the employer is to deduct from each member for the month (see module doc)."""
    require_read_all(actor, "Daftar potongan gaji")
    with read_only(db) as s:
        return deduction_list_in(s, _employer(s, employer_code), year, month)


# ---------------------------------------------------------------- posting the payment file


class _DryRun(Exception):
    pass


def _parse_period(text: str) -> tuple[int, int]:
    try:
        y, m = (int(x) for x in (text or "").strip().split("-"))
    except ValueError:
        raise ValidationError("period", "invalid") from None
    _check_period(y, m)
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
    for loan in _active_loans(s, member.id):
        if rest <= 0:
            break
        s.refresh(loan, with_for_update=True)
        due = _loan_dues(s, loan, date, expected_due_by(label))
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
            employer = _employer(s, payment.employer_code, lock=True)
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
                    source="potong_gaji",
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
        e = _employer(s, employer_code)
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

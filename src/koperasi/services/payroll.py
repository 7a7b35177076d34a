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
)
from ..domain import accounts
from ..domain.vocabulary import MemberStatus
from ..errors import NotFound, ValidationError
from . import audit, clock, savings, savings_arrears
from .auth import Actor, require, require_read_all
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


def employer_by_code(s: Session, code: str, lock: bool = False) -> Employer:
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
        employer = employer_by_code(s, employer_code)
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
        e = employer_by_code(s, employer_code)
        rows = s.execute(
            select(EmployerMember, Member)
            .join(Member, Member.id == EmployerMember.member_id)
            .where(EmployerMember.employer_id == e.id)
            .order_by(EmployerMember.employee_no)
        ).all()
        return [EmployeeView(e.code, k.employee_no, m.number, m.name, k.sukarela) for k, m in rows]


# ---------------------------------------------------------------- the monthly list


def check_period(year: int, month: int) -> None:
    if not (1 <= month <= 12) or not (1900 <= year <= 9999):
        raise ValidationError("period", "invalid")


def loan_dues(s: Session, loan: Loan, date: dt.date, due_by: dt.date) -> int:
    from .loans.repayments import dues_on

    _states, dues = dues_on(s, loan, date)
    return sum(d.total for d in dues if d.due_date <= due_by)


def active_loans(s: Session, member_id: int) -> list[Loan]:
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
    for loan in active_loans(s, m.id):
        due = loan_dues(s, loan, due_by, due_by)
        if due:
            angsuran += due
            numbers.append(loan.number)
    return DeductionRow(
        no, link.employee_no, m.number, m.name, wajib, angsuran, link.sukarela, tuple(numbers)
    )


def deduction_list_in(s: Session, employer: Employer, year: int, month: int) -> DeductionList:
    check_period(year, month)
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
        return deduction_list_in(s, employer_by_code(s, employer_code), year, month)

"""The demo's standing instructions and payroll deduction, in the month the demo leaves
open (called once from services/demo.py; deterministic: no random draws, so the rest of
the demo is unchanged):

- wajib instructions for four members who owe wajib and have the sukarela to pay it, and
  one whose sukarela is short; installment instructions for two borrowers whose loans are
  not in arrears; the run for the demo's date: the four posted, the short one skipped;
- one employer (Dinas Koperasi dan UKM Kota Balikpapan) employing six members, its list for
  the month and the payment file posted on the demo's date: one member paid short, one paid
  over (to sukarela), and a row for a person the cooperative does not know (to 2.30).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from ..db.models import SavingsProduct

import datetime as dt

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Loan, Member
from ..domain.vocabulary import MemberStatus
from ..errors import KoperasiError
from ..services import payroll, payroll_posting, savings, savings_arrears
from ..services import standing_instructions as si
from ..services.auth import Actor
from ..services.uow import read_only

EMPLOYER = ("DISKOP", "Dinas Koperasi dan UKM Kota Balikpapan", "Jl. Jend. Sudirman No. 1")


def _candidates(db: Database, as_of: dt.date) -> list[tuple[str, int, int, bool, int, int]]:
    """(member number, wajib owed, sukarela available, loan state) of the active members."""
    from ..services.loans.core import ACTIVE
    from ..services.loans.repayments import dues_on

    out = []
    with read_only(db) as s:
        wajib = savings.product_of_kind(s, "wajib")
        sukarela = savings.product_of_kind(s, "sukarela")
        assert wajib.fixed_amount is not None  # the demo's wajib is a fixed monthly amount
        for m in s.scalars(
            select(Member).where(Member.status == MemberStatus.ACTIVE).order_by(Member.number)
        ):
            owed = savings_arrears.wajib_arrears_in(s, m, as_of).arrears
            available = _balance(s, m, sukarela) - sukarela.min_balance
            loans = s.scalars(
                select(Loan).where(Loan.member_id == m.id, Loan.status == ACTIVE)
            ).all()
            due_now = 0
            for loan in loans:
                _st, dues = dues_on(s, loan, as_of)
                due_now += sum(d.total for d in dues if d.due_date <= as_of)
            out.append((m.number, owed, available, bool(loans), due_now, wajib.fixed_amount))
    return out


def _balance(s: Session, m: Member, product: SavingsProduct) -> int:
    from ..db.models import SavingsAccount

    return int(
        s.scalar(
            select(SavingsAccount.balance).where(
                SavingsAccount.member_id == m.id, SavingsAccount.product_id == product.id
            )
        )
        or 0
    )


def add_demo_standing(db: Database, as_of: dt.date, actor: Actor) -> None:
    start = as_of.replace(day=1)
    people = _candidates(db, as_of)
    payers = [p for p in people if p[1] > 0 and p[2] >= p[5] * 3 and not p[4]][:4]
    short = [p for p in people if p[1] > 0 and p[2] < p[5] and not p[4]][:1]
    borrowers = [p for p in people if p[3] and p[4] == 0 and p not in payers][:2]
    try:
        for p in (*payers, *short):
            si.add_instruction(db, actor, p[0], "wajib", start_on=start, note="Dari sukarela")
        for p in borrowers:
            si.add_instruction(db, actor, p[0], "angsuran", start_on=start)
        si.run(db, actor, as_of)
    except KoperasiError:  # the demo goes on without them
        pass
    used = {p[0] for p in (*payers, *short, *borrowers)}
    free = [p for p in people if p[0] not in used and p[4] == 0]
    staff = sorted(free, key=lambda p: p[1] == 0)[:6]  # those who owe wajib first
    if not staff:
        return
    try:
        payroll.save_employer(db, actor, *EMPLOYER)
        for n, p in enumerate(staff, start=1):
            payroll.link_member(
                db, actor, p[0], EMPLOYER[0], f"19800{n:03d}", 50_000 if n % 3 == 0 else 0
            )
        lst = payroll.deduction_list(db, EMPLOYER[0], as_of.year, as_of.month)
        rows = []
        for r in lst.rows:
            paid = r.total
            if r.no == 2:
                paid = r.total // 2  # paid short
            elif r.no == 4:
                paid = r.total + 100_000  # paid over: to sukarela
            rows.append(
                payroll.PaymentRow(6 + r.no, r.employee_no, r.member_number, r.member_name, paid)
            )
        rows.append(
            payroll.PaymentRow(
                7 + len(lst.rows), "19809999", "", "Pegawai baru (belum anggota)", 75_000
            )
        )
        payroll_posting.post_payments(
            db,
            actor,
            payroll.PaymentFile(EMPLOYER[0], lst.period, tuple(rows), "potongan-gaji-diskop.xlsx"),
            as_of,
        )
    except KoperasiError:
        pass

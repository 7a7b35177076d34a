"""Helpers for the report tests: read PDFs and workbooks back, post simulated income."""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path

from openpyxl import load_workbook
from pypdf import PdfReader
from sqlalchemy import select

from koperasi.db.models import Member
from koperasi.services import ledger
from koperasi.services.auth import SYSTEM
from koperasi.services.ledger import Line
from koperasi.services.uow import unit_of_work

REPO = Path(__file__).resolve().parents[2]
OUTPUT = REPO / "test-output"


def pdf_text(path: Path) -> str:
    return "\n".join(page.extract_text() or "" for page in PdfReader(str(path)).pages)


def pdf_pages(path: Path) -> list[str]:
    return [page.extract_text() or "" for page in PdfReader(str(path)).pages]


_RP = re.compile(r"-?Rp[\d.]+")


def amounts_in(line: str) -> list[int]:
    return [int(a.replace("Rp", "").replace(".", "")) for a in _RP.findall(line)]


def pdf_label_amounts(text: str, label: str) -> list[list[int]]:
    """For each line that reads exactly ``label``, the amounts that follow it (pypdf puts
    each table cell on its own line, or a row on one line: both are handled)."""
    lines = [x.strip() for x in text.splitlines()]
    out: list[list[int]] = []
    for i, line in enumerate(lines):
        if line == label:
            found: list[int] = []
            for nxt in lines[i + 1 :]:
                if _RP.fullmatch(nxt):
                    found.extend(amounts_in(nxt))
                else:
                    break
            out.append(found)
        elif line.startswith(label + " ") and _RP.search(line[len(label) :]):
            rest = line[len(label) :].strip()
            if _RP.sub("", rest).strip() == "":
                out.append(amounts_in(rest))
    if not out:
        raise AssertionError(f"no line {label!r} in the PDF text")
    return out


def pdf_line_amounts(text: str, label: str, n: int = 2) -> list[int]:
    """The amounts after the first occurrence of ``label`` that has ``n`` of them."""
    for found in pdf_label_amounts(text, label):
        if len(found) == n:
            return found
    raise AssertionError(f"no {label!r} with {n} amounts: {pdf_label_amounts(text, label)}")


def sheet_rows(path: Path, sheet: str) -> list[tuple]:
    wb = load_workbook(str(path))
    ws = wb[sheet]
    return [tuple(r) for r in ws.iter_rows(values_only=True)]


def post_interest_income(db, year: int, amounts: dict[int, int] | None = None) -> int:  # type: ignore[no-untyped-def]
    """Simulate loan interest paid by some members in ``year`` (credit 4.10 with the member).

    Loans are another area; this gives the SHU tests a positive surplus with patronage.
    """
    total = 0
    with unit_of_work(db) as s:
        ids = list(s.scalars(select(Member.id).order_by(Member.id).limit(12)))
        for n, mid in enumerate(ids):
            amount = (amounts or {}).get(mid, 150_000 + 37_777 * n)
            d = dt.date(year, 1 + n % 12, 10)
            ledger.post(
                s,
                SYSTEM,
                d,
                f"Jasa pinjaman anggota {mid}",
                [
                    Line("1.01", debit=amount, member_id=mid),
                    Line("4.10", credit=amount, member_id=mid),
                ],
                source="manual",
            )
            total += amount
        ledger.post(
            s,
            SYSTEM,
            dt.date(year, 6, 30),
            "Pendapatan lain",
            [Line("1.01", debit=40_000_000), Line("4.90", credit=40_000_000)],
            source="manual",
        )
    return total + 40_000_000


def add_demo_loans(db, actor=None) -> list[str]:  # type: ignore[no-untyped-def]
    """A few loans on the demo database (disbursed Feb 2025, monthly repayments; some
    members stop paying), when the demo itself has none. Returns the loan numbers."""
    from decimal import Decimal

    from koperasi.db.models import Loan
    from koperasi.services.loan_products import ProductInput, add_product
    from koperasi.services.loans import applications as loan_applications
    from koperasi.services.loans import views as loan_views
    from koperasi.services.loans.repayments import repay
    from koperasi.services.uow import read_only

    actor = actor or SYSTEM
    with read_only(db) as s:
        have = list(s.scalars(select(Loan.number).where(Loan.disbursed_on.is_not(None))))
        if have:
            return have
        ids = list(
            s.scalars(
                select(Member.number)
                .where(Member.status == "aktif", Member.join_date < dt.date(2025, 1, 15))
                .order_by(Member.number)
                .limit(8)
            )
        )
    add_product(
        db,
        actor,
        ProductInput(
            code="MODAL",
            name="Pinjaman Modal Usaha",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=20_000_000,
            fee_kind="percent",
            fee_percent=Decimal(1),
        ),
    )
    numbers = []
    day = dt.date(2025, 2, 3)
    for n, member_no in enumerate(ids):
        d = loan_applications.apply(
            db,
            actor,
            loan_applications.ApplyInput(
                member_no, "MODAL", 1_000_000 * (2 + n % 4), 24, day, "Modal warung"
            ),
        )
        loan_applications.approve(db, actor, d.number, day)
        loan_applications.disburse(db, actor, d.number, day)
        numbers.append(d.number)
    for n, number in enumerate(numbers):
        detail = loan_views.get_loan(db, number)
        stop_after = 20 if n % 3 else 6 + n  # every third member stops paying
        for k, inst in enumerate(detail.schedule):
            if k >= stop_after or inst.due_date > dt.date(2026, 10, 31):
                break
            repay(db, actor, number, inst.total, inst.due_date)
    return numbers

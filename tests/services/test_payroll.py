"""Payroll deduction on SQLite and PostgreSQL: the monthly list per employer (wajib, the
installments due, the sukarela deduction), the employer's workbook read back, a payment file
with differences (short, over, an unknown person, a member not employed there, a member
missing from the file) posted in one transaction with each row's allocation (wajib, then
installments, the rest to sukarela), a dry run that writes nothing, a file refused whole for
one bad row, a month posted once; journals balanced and ``koperasi check`` green."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pandas as pd
import pytest
from openpyxl import load_workbook
from sqlalchemy import func, select
from test_loans import disbursed, member, ok, product

from koperasi.db.models import JournalEntry
from koperasi.errors import KoperasiError, PermissionDenied, ValidationError
from koperasi.exchange.payroll_file import read_payment_file, write_deduction_xlsx
from koperasi.services import ledger, payroll, payroll_posting, savings, savings_statements
from koperasi.services.auth import Actor, Role
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

D = dt.date
PAYDAY = D(2025, 3, 25)
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)
KETUA = Actor("ketua-k01", Role.KETUA)


def _bal(db, member_no, code):
    return {
        b.product_code: b.balance for b in savings_statements.member_balances(db, member_no)
    }.get(code, 0)


def _gl(db, code):
    with read_only(db) as s:
        return ledger.balance(s, code)


def _entries(db):
    with read_only(db) as s:
        return s.scalar(select(func.count(JournalEntry.id)))


@pytest.fixture
def office(db, actor):
    product(db, actor, penalty_kind="none", penalty_percent=Decimal(0))
    a = member(db, actor, 1, sukarela=0)
    b = member(db, actor, 2, sukarela=0)
    c = member(db, actor, 3, sukarela=0)
    d = member(db, actor, 4, sukarela=0)  # a member, not employed there
    savings.deposit(db, actor, a.number, "SUKARELA", 1_000_000, D(2025, 1, 6))
    loan = disbursed(db, actor, a)  # 545.000 due on 3 March
    savings.deposit(db, actor, b.number, "WAJIB", 100_000, D(2025, 2, 1))  # Jan, Feb paid
    payroll.save_employer(db, actor, "PEMKOT", "Pemerintah Kota Balikpapan", "Jl. Jend. Sudirman")
    payroll.link_member(db, actor, a.number, "PEMKOT", "197001", sukarela=25_000)
    payroll.link_member(db, actor, b.number, "PEMKOT", "197002")
    payroll.link_member(db, actor, c.number, "PEMKOT", "197003")
    return a, b, c, d, loan


def test_list_file_and_posting_with_differences(db, actor, office, tmp_path):
    a, b, c, d, loan = office
    lst = payroll.deduction_list(db, "PEMKOT", 2025, 3, PENGAWAS)
    rows = {r.member_number: r for r in lst.rows}
    assert (rows[a.number].wajib, rows[a.number].angsuran, rows[a.number].sukarela) == (
        50_000,
        545_000,
        25_000,
    )
    assert rows[a.number].loans == (loan,)
    assert rows[b.number].total == 50_000 and rows[c.number].total == 50_000
    assert lst.total() == 620_000 + 100_000

    # the workbook for the employer, read with openpyxl and pandas, filled and read back
    path = write_deduction_xlsx(lst, tmp_path / "potongan.xlsx")
    wb = load_workbook(path)
    ws = wb["Potongan Gaji"]
    assert ws["B2"].value == "PEMKOT" and ws["B4"].value == "2025-03"
    frame = pd.read_excel(path, sheet_name="Potongan Gaji", header=6)
    assert list(frame.columns)[:3] == ["No", "No. Pegawai", "No. Anggota"]
    assert int(frame["Jumlah Potongan"].iloc[:3].sum()) == 720_000
    paid = {"197001": 500_000, "197002": 80_000}  # a short, b over; c missing from the file
    for r in range(8, 8 + len(lst.rows)):
        emp = str(ws.cell(r, 2).value)
        if emp in paid:
            ws.cell(r, 9).value = paid[emp]
        else:  # the employer left c out
            ws.cell(r, 2).value = ws.cell(r, 3).value = None
    ws.append([9, "199999", "", "Orang Asing", 0, 0, 0, 0, 70_000])  # unknown
    ws.append([10, "", d.number, "Anggota 4", 0, 0, 0, 0, 40_000])  # member, not employed
    wb.save(path)
    payment = read_payment_file(path)
    assert payment.employer_code == "PEMKOT" and payment.period == "2025-03"

    # dry run: the full result, nothing written
    n, bank = _entries(db), _gl(db, "1.02")
    preview = payroll_posting.post_payments(db, actor, payment, PAYDAY, dry_run=True)
    assert preview.dry_run and preview.batch_id is None
    assert _entries(db) == n and _gl(db, "1.02") == bank

    res = payroll_posting.post_payments(db, actor, payment, PAYDAY)
    got = {r.member_number or r.employee_no: r for r in res.rows}
    assert [(r.status, r.paid) for r in preview.rows] == [(r.status, r.paid) for r in res.rows]
    ra = got[a.number]  # 500.000 of 620.000: wajib 50.000, installment 450.000, nothing to sukarela
    assert (ra.status, ra.wajib, ra.angsuran, ra.sukarela, ra.difference) == (
        "short",
        50_000,
        450_000,
        0,
        -120_000,
    )
    rb = got[b.number]  # 80.000 of 50.000: wajib 50.000, 30.000 to sukarela
    assert (rb.status, rb.wajib, rb.angsuran, rb.sukarela) == ("over", 50_000, 0, 30_000)
    assert got["199999"].status == "unknown" and got["199999"].unposted == 70_000
    assert got[d.number].status == "not_linked" and got[d.number].unposted == 40_000
    assert got[c.number].status == "missing" and got[c.number].paid == 0
    assert ra.receipt_no and ra.receipt_no.startswith("SMP-2025-")

    # the books: the whole transfer in the bank, unplaced rows in 2.30
    assert _gl(db, "1.02") == bank + 690_000
    assert _gl(db, "2.30") == 110_000  # Hutang Lain-lain (a liability)
    assert _bal(db, a.number, "WAJIB") == 50_000
    assert _bal(db, a.number, "SUKARELA") == 1_000_000
    assert _bal(db, b.number, "SUKARELA") == 30_000
    assert _bal(db, c.number, "WAJIB") == 0
    detail = loan_views.get_loan(db, loan)
    assert detail.row.principal_outstanding == 3_000_000 - (450_000 - 45_000)
    ok(db)

    # posted once; the posted rows read back as they were
    with pytest.raises(ValidationError) as e:
        payroll_posting.post_payments(db, actor, payment, PAYDAY)
    assert e.value.code == "pr_already_posted"
    again = payroll_posting.batch_result(db, "PEMKOT", "2025-03", PENGAWAS)
    assert sorted(r.status for r in again.rows) == sorted(r.status for r in res.rows)
    assert again.total("paid") == 690_000


def test_bad_file_writes_nothing(db, actor, office, tmp_path):
    a, b, c, d, loan = office
    lst = payroll.deduction_list(db, "PEMKOT", 2025, 3)
    path = write_deduction_xlsx(lst, tmp_path / "p.xlsx")
    wb = load_workbook(path)
    ws = wb["Potongan Gaji"]
    ws.cell(8, 9).value = 620_000
    ws.cell(9, 9).value = "lima puluh ribu"  # not an amount
    wb.save(path)
    n = _entries(db)
    with pytest.raises(ValidationError) as e:
        read_payment_file(path)
    assert "Baris 9" in e.value.message("id")
    # a duplicate employee number, given to the service directly
    rows = (
        payroll.PaymentRow(8, "197001", "", "", 620_000),
        payroll.PaymentRow(9, "197001", "", "", 50_000),
    )
    with pytest.raises(KoperasiError) as e2:
        payroll_posting.post_payments(
            db, actor, payroll.PaymentFile("PEMKOT", "2025-03", rows), PAYDAY
        )
    assert "baris 8" in e2.value.message("id").lower()
    # a row the loan refuses (back-dated before a later repayment) refuses the whole file
    loan_repayments.repay(db, actor, loan, 100_000, D(2025, 3, 28))
    good = (
        payroll.PaymentRow(8, "197002", "", "", 50_000),
        payroll.PaymentRow(9, "197001", "", "", 620_000),
    )
    with pytest.raises(KoperasiError) as e3:
        payroll_posting.post_payments(
            db, actor, payroll.PaymentFile("PEMKOT", "2025-03", good), PAYDAY
        )
    assert e3.value.code == "pr_row_refused" and "Baris 9" in e3.value.message("id")
    assert _entries(db) == n + 1  # only the cash repayment
    assert _bal(db, b.number, "WAJIB") == 100_000
    ok(db)


def test_links_and_roles(db, actor, office):
    a, b, c, d, loan = office
    with pytest.raises(ValidationError) as e:
        payroll.link_member(db, actor, d.number, "PEMKOT", "197001")
    assert e.value.code == "pr_employee_no_taken"
    payroll.save_employer(db, actor, "PLN", "PLN UP3 Balikpapan")
    with pytest.raises(ValidationError) as e:
        payroll.link_member(db, actor, a.number, "PLN", "880001")
    assert e.value.code == "pr_member_linked"
    with pytest.raises(PermissionDenied):
        payroll.save_employer(db, PENGAWAS, "X", "X")
    with pytest.raises(PermissionDenied):
        payroll.deduction_list(db, "PEMKOT", 2025, 3, KETUA)
    with pytest.raises(PermissionDenied):
        payroll_posting.post_payments(
            db, PENGAWAS, payroll.PaymentFile("PEMKOT", "2025-03", ()), PAYDAY
        )
    assert [e.employees for e in payroll.list_employers(db, PENGAWAS)] == [3, 0]
    payroll.unlink_member(db, actor, c.number)
    assert [x.member_number for x in payroll.employees(db, "PEMKOT")] == [a.number, b.number]

"""Loan reports: the register's outstanding equals loans receivable (1.20); PAR and arrears
agree with the loans service; the loan card shows the schedule and the payments; loan
interest gives members their patronage share of the SHU."""

import datetime as dt

from report_helpers import add_demo_loans, pdf_text, sheet_rows

from koperasi.domain.money import format_rupiah
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import ledger, shu, year_closing
from koperasi.services.loans.views import get_loan
from koperasi.services.uow import read_only

AS_OF = dt.date(2026, 10, 31)


def test_register_outstanding_equals_loans_receivable(demo_db, tmp_path):
    add_demo_loans(demo_db)
    data = registry.build(demo_db, "nominatif", ReportParams(date=AS_OF))
    with read_only(demo_db) as s:
        receivable = ledger.balance(s, "1.20", AS_OF)
    assert receivable > 0
    assert data.figure("outstanding") == receivable == data.figure("receivable")
    assert data.table("nominatif").totals()["outstanding"] == receivable
    assert data.table("kolektibilitas").totals()["outstanding"] == receivable
    assert data.table("nominatif").totals()["ppap"] == data.figure("ppap")
    xlsx = registry.render(data, tmp_path / "n.xlsx", "xlsx")
    rows = sheet_rows(xlsx, "Nominatif")
    assert sum(r[6] for r in rows[1:-1]) == receivable
    pdf = registry.render(data, tmp_path / "n.pdf", "pdf")
    assert format_rupiah(receivable) in pdf_text(pdf)
    classes = {r[9] for r in rows[1:-1]}
    assert "Lancar" in classes and len(classes) >= 2  # the non-payers fell behind


def test_arrears_par_and_loan_card(demo_db, tmp_path):
    numbers = add_demo_loans(demo_db)
    arrears = registry.build(demo_db, "tunggakan", ReportParams(date=AS_OF))
    late = arrears.table("tunggakan")
    assert len(late.rows) >= 1
    assert all(r.cells[4] > 0 for r in late.rows)
    par = registry.build(demo_db, "par", ReportParams(date=AS_OF))
    assert 0 < par.figure("par30") <= 100
    assert par.table("par_kelompok").totals()["outstanding"] == par.figure("outstanding")
    card = registry.build(demo_db, "kartu-pinjaman", ReportParams(loan=numbers[0]))
    detail = get_loan(demo_db, numbers[0])
    sched = card.table("jadwal")
    assert sched.totals()["principal"] == detail.row.amount
    pays = card.table("pembayaran")
    assert pays.totals()["principal"] == detail.row.amount - detail.row.principal_outstanding
    pdf = registry.render(card, tmp_path / "k.pdf", "pdf")
    assert numbers[0] in pdf_text(pdf)
    # the meeting sheet now shows installments due
    sheet = registry.build(demo_db, "lembar-pertemuan", ReportParams(date=dt.date(2026, 10, 20)))
    assert "installment_due" in sheet.table("lembar_pertemuan").totals()


def test_loan_interest_gives_patronage_shares(open_demo_db, actor):
    add_demo_loans(open_demo_db)
    ledger.add_manual_entry(  # other income, so that the year has a surplus to share
        open_demo_db,
        actor,
        dt.date(2025, 6, 30),
        "Hibah operasional",
        [ledger.Line("1.01", debit=40_000_000), ledger.Line("4.90", credit=40_000_000)],
        confirm_large=True,  # far above the usual other income: confirmed
    )
    year_closing.close_year(open_demo_db, actor, 2024)
    year_closing.close_year(open_demo_db, actor, 2025)
    plan = shu.plan(open_demo_db, 2025)
    assert plan.surplus > 0
    payers = [m for m in plan.members if m.interest_paid > 0]
    assert payers and all(m.jasa_anggota > 0 for m in payers)
    assert plan.total_interest == sum(m.interest_paid for m in plan.members)
    with read_only(open_demo_db) as s:
        from koperasi.services import statements

        income = statements.balances(
            s, dt.date(2025, 12, 31), dt.date(2025, 1, 1), ("tutup_buku",)
        ).get("4.10", 0)
    assert plan.total_interest == income

"""The statements and books, read back from the PDF and the workbook, agree with the ledger."""

import datetime as dt

import pytest
from report_helpers import pdf_line_amounts, pdf_text, post_interest_income, sheet_rows
from sqlalchemy import func, select

from koperasi.db.models import JournalEntry, JournalLine
from koperasi.domain.money import format_rupiah
from koperasi.errors import ValidationError
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.reports.model import RowKind
from koperasi.services import (
    shu,
    statement_cash_flow,
    statement_equity,
    statement_sheets,
    statements,
    year_closing,
)
from koperasi.services.uow import read_only


def _render_both(db, name, params, tmp_path, lang="id"):
    data = registry.build(db, name, params)
    pdf = registry.render(data, tmp_path / f"{name}.pdf", "pdf", lang)
    xlsx = registry.render(data, tmp_path / f"{name}.xlsx", "xlsx", lang)
    return data, pdf, xlsx


@pytest.mark.parametrize(
    "params",
    [
        ReportParams(year=2025),
        ReportParams(period="2026-10"),
        ReportParams(date=dt.date(2026, 6, 15)),
    ],
)
def test_balance_sheet_balances_in_pdf_and_workbook(demo_db, tmp_path, params):
    data, pdf, xlsx = _render_both(demo_db, "posisi-keuangan", params, tmp_path)
    text = pdf_text(pdf)
    assets = pdf_line_amounts(text, "Jumlah aset")
    liabilities = pdf_line_amounts(text, "Jumlah liabilitas")
    equity = pdf_line_amounts(text, "Jumlah ekuitas")
    total = pdf_line_amounts(text, "Jumlah liabilitas dan ekuitas")
    assert assets[0] > 0
    assert assets[-2:] == total[-2:]  # current and previous columns
    assert assets[-2] == liabilities[-2] + equity[-2]
    assert assets[-1] == liabilities[-1] + equity[-1]
    rows = sheet_rows(xlsx, "Posisi Keuangan")
    header, body = rows[0], rows[1:]
    assert header[2] == f"{data.period.end:%d/%m/%Y}"
    # data rows between ASET and Jumlah aset sum to the subtotal, which equals L + E
    sub = {r[1]: r for r in body if r[0] is None and r[2] is not None}
    asset_rows = []
    for r in body:
        if r[1] == "Jumlah aset":
            break
        if r[0] is not None:
            asset_rows.append(r)
    assert sum(r[2] for r in asset_rows) == sub["Jumlah aset"][2]
    assert sub["Jumlah aset"][2] == sub["Jumlah liabilitas"][2] + sub["Jumlah ekuitas"][2]
    assert sub["Jumlah aset"][2] == assets[-2]
    with read_only(demo_db) as s:
        bal = statements.balances(s, data.period.end)
        infos = statements.accounts(s)
    assert sub["Jumlah aset"][2] == sum(v for c, v in bal.items() if infos[c].type == "asset")


def test_income_statement_surplus_equals_shu_statement(open_demo_db, tmp_path, actor):
    post_interest_income(open_demo_db, 2025)
    year_closing.close_year(open_demo_db, actor, 2024)
    year_closing.close_year(open_demo_db, actor, 2025)
    _d, inc_pdf, inc_xlsx = _render_both(
        open_demo_db, "hasil-usaha", ReportParams(year=2025), tmp_path
    )
    surplus_pdf = pdf_line_amounts(pdf_text(inc_pdf), "SISA HASIL USAHA (SHU)")[0]
    rows = sheet_rows(inc_xlsx, "Hasil Usaha")
    surplus_xlsx = next(r[2] for r in rows if r[1] == "SISA HASIL USAHA (SHU)")
    assert surplus_pdf == surplus_xlsx > 0

    shu_data, shu_pdf, shu_xlsx = _render_both(
        open_demo_db, "shu-anggota", ReportParams(year=2025), tmp_path
    )
    assert shu_data.figure("surplus") == surplus_xlsx
    assert format_rupiah(surplus_xlsx) in pdf_text(shu_pdf)
    # per-member shares + rounding remainder = the two member pots; all pots = the surplus
    split = sheet_rows(shu_xlsx, "Pembagian SHU")[1:-1]  # without the total row
    pots = {r[0]: r[2] for r in split if isinstance(r[2], int)}
    assert sum(pots.values()) == surplus_xlsx
    members = sheet_rows(shu_xlsx, "SHU Anggota")[1:-1]  # without the total row
    shares = sum(r[7] for r in members)
    remainder = shu_data.figure("remainder")
    assert shares + remainder == pots["Jasa anggota"] + pots["Jasa modal"]
    assert 0 <= remainder < 2 * len(members)
    assert sum(r[5] for r in members) <= pots["Jasa anggota"]
    # members with interest get patronage; capital share follows pokok + wajib
    assert any(r[3] > 0 and r[5] > 0 for r in members)


def test_shu_distribution_and_payout_keep_books_balanced(open_demo_db, actor, tmp_path):
    from koperasi.services.check import run_checks

    post_interest_income(open_demo_db, 2025)
    with pytest.raises(ValidationError) as err:  # the year must be closed first
        shu.distribute(open_demo_db, actor, 2025, dt.date(2026, 3, 20))
    assert err.value.code == "year_not_closed"
    loss_2024 = year_closing.close_year(open_demo_db, actor, 2024).surplus
    year_closing.close_year(open_demo_db, actor, 2025)
    plan = shu.plan(open_demo_db, 2025)
    result = shu.distribute(open_demo_db, actor, 2025, dt.date(2026, 3, 20))
    assert result.to_members == plan.to_members
    assert shu.distribute(open_demo_db, actor, 2025, dt.date(2026, 3, 21)).already
    with read_only(open_demo_db) as s:
        # 2025's SHU has been taken out of 3.90 whole (members' pots and the non-members'
        # part): 3.90 is not left negative; 2024's loss moved to 3.91 when 2025 was closed
        bal = statements.balances(s, dt.date(2026, 3, 20))
        assert bal.get("3.90", 0) == 0 and bal["3.91"] == loss_2024
        assert result.non_member == plan.to_non_member_destination > 0
        assert statements.balances(s, dt.date(2026, 3, 20))["2.21"] == plan.to_members
    paid = shu.pay(open_demo_db, actor, 2025, dt.date(2026, 3, 25), to="sukarela")
    assert sum(p.amount for p in paid) == plan.to_members
    assert shu.pay(open_demo_db, actor, 2025, dt.date(2026, 3, 26)) == []
    with read_only(open_demo_db) as s:
        assert statements.balances(s, dt.date(2026, 3, 25)).get("2.21", 0) == 0
    rep = run_checks(open_demo_db)
    assert rep.ok, [p.message_en for p in rep.problems]
    # the year cannot be reopened once its SHU is distributed
    with pytest.raises(ValidationError) as err:
        year_closing.reopen_year(open_demo_db, actor, 2025, "x")
    assert err.value.code == "shu_already_distributed"
    # a member's slip shows the same share
    m = next(x for x in plan.members if x.total > 0)
    slip = registry.build(open_demo_db, "slip-shu", ReportParams(year=2025, member=m.number))
    assert slip.figure("total") == m.total
    path = registry.render(slip, tmp_path / "slip.pdf", "pdf")
    assert format_rupiah(m.total) in pdf_text(path)


def test_trial_balance_journal_cash_book_match_ledger(demo_db, tmp_path):
    params = ReportParams(period="2026-10")
    start, end = dt.date(2026, 10, 1), dt.date(2026, 10, 31)
    with read_only(demo_db) as s:
        debit_sql = s.scalar(
            select(func.sum(JournalLine.debit))
            .join(JournalEntry, JournalEntry.id == JournalLine.entry_id)
            .where(JournalEntry.date >= start, JournalEntry.date <= end)
        )
        bal = statements.balances(s, end)
        cash_end = bal.get("1.01", 0) + bal.get("1.02", 0)
    # trial balance: closing debits = closing credits; movements = the journal
    tb, tb_pdf, tb_xlsx = _render_both(demo_db, "neraca-saldo", params, tmp_path)
    t = tb.table("neraca_saldo").totals()
    assert t["close_debit"] == t["close_credit"]
    assert t["debit"] == t["credit"] == debit_sql
    rows = sheet_rows(tb_xlsx, "Neraca Saldo")
    body = rows[1:-1]
    assert rows[-1][4] == sum(r[4] for r in body)  # totals are stored values
    assert sum(r[4] for r in body) == debit_sql
    assert sum(r[6] for r in body) == sum(r[7] for r in body)
    assert format_rupiah(t["close_debit"]) in pdf_text(tb_pdf)
    # journal
    jn, jn_pdf, jn_xlsx = _render_both(demo_db, "jurnal", params, tmp_path)
    assert jn.figure("total_debit") == jn.figure("total_credit") == debit_sql
    # an empty side of a journal line is an empty cell (None), not Rp0
    assert sum(r[6] or 0 for r in sheet_rows(jn_xlsx, "Jurnal Umum")[1:-1]) == debit_sql
    # cash book ends on the ledger's cash
    cb, cb_pdf, _ = _render_both(demo_db, "buku-kas", params, tmp_path)
    assert cb.figure("closing") == cash_end
    assert cb.figure("opening") + cb.figure("in") - cb.figure("out") == cash_end
    # general ledger: each account's closing balance = the ledger balance
    gl = registry.build(demo_db, "buku-besar", params)
    table = gl.table("buku_besar")
    for row in table.rows:
        if row.kind is RowKind.SUBTOTAL:
            assert row.cells[-1] == bal.get(row.cells[0], 0), row.cells[0]


def test_cash_flow_and_equity_changes_reconcile(demo_db, tmp_path):
    data, pdf, xlsx = _render_both(demo_db, "laporan-keuangan", ReportParams(year=2025), tmp_path)
    with read_only(demo_db) as s:
        bs = statement_sheets.balance_sheet_in(s, dt.date(2025, 12, 31), dt.date(2024, 12, 31))
        cf = statement_cash_flow.cash_flow_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
        eq = statement_equity.equity_changes_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    assert cf.opening[0] + cf.net()[0] == cf.closing[0]
    assert cf.opening[1] + cf.net()[1] == cf.closing[1]
    assert eq.closing == bs.total_equity[0]
    assert eq.opening == bs.total_equity[1]
    eq_rows = sheet_rows(xlsx, "Perubahan Ekuitas")[1:-1]
    assert sum(r[5] for r in eq_rows) == bs.total_equity[0]
    assert (
        sum(r[2] for r in eq_rows) + sum(r[3] for r in eq_rows) - sum(r[4] for r in eq_rows)
        == bs.total_equity[0]
    )
    text = pdf_text(pdf)
    for title in (
        "Laporan Posisi Keuangan",
        "Perhitungan Hasil Usaha",
        "Laporan Arus Kas",
        "Laporan Perubahan Ekuitas",
    ):
        assert title in text


def test_member_register_totals_equal_savings_control_accounts(demo_db, tmp_path):
    as_of = dt.date(2026, 10, 31)
    data, pdf, xlsx = _render_both(demo_db, "daftar-anggota", ReportParams(date=as_of), tmp_path)
    t = data.table("anggota").totals()
    with read_only(demo_db) as s:
        bal = statements.balances(s, as_of)
    assert t["pokok"] == bal["3.10"]
    assert t["wajib"] == bal["3.11"]
    assert t["sukarela"] == bal["2.10"]
    rows = sheet_rows(xlsx, "Daftar Anggota")
    # the total row holds values, labelled beside them
    assert rows[-1][6] == "Jumlah" and rows[-1][7] == t["pokok"] and rows[-1][9] == t["sukarela"]
    assert sum(r[9] for r in rows[1:-1]) == bal["2.10"]
    assert isinstance(rows[1][4], dt.datetime)  # dates are dates


def test_savings_statement_receipt_and_meeting_sheet(demo_db, tmp_path):
    st_data, st_pdf, _ = _render_both(
        demo_db, "mutasi-simpanan", ReportParams(member="A00003", year=2025), tmp_path
    )
    closing_sukarela = st_data.figure("balance_sukarela")
    from koperasi.services.savings_statements import member_balances

    bal = {b.kind: b.balance for b in member_balances(demo_db, "A00003", dt.date(2025, 12, 31))}
    assert closing_sukarela == bal["sukarela"]
    assert "A00003" in pdf_text(st_pdf)
    rc, rc_pdf, _ = _render_both(demo_db, "kuitansi", ReportParams(), tmp_path)
    text = pdf_text(rc_pdf)
    assert "Terbilang:" in text and "rupiah" in text
    assert format_rupiah(rc.figure("amount")) in text
    ms, ms_pdf, ms_xlsx = _render_both(
        demo_db,
        "lembar-pertemuan",
        ReportParams(group="K001", date=dt.date(2026, 10, 20)),
        tmp_path,
    )
    assert ms.figure("members") > 0
    rows = sheet_rows(ms_xlsx, "Daftar hadir dan setoran")
    assert rows[0][-1] == "Paraf" and all(r[-1] is None for r in rows[1:])

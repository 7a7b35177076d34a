"""The RAT annual report and the programme monitoring report, read back from the PDF and the
workbook, agree with the ledger, the SHU plan, the loan book and the member records."""

import datetime as dt
from decimal import Decimal

from report_helpers import (
    pdf_line_amounts,
    pdf_pages,
    pdf_text,
    post_interest_income,
    sheet_rows,
)
from sqlalchemy import func, select

from koperasi.db.models import Loan
from koperasi.domain.money import format_rupiah
from koperasi.reports import registry
from koperasi.reports.cells import format_percent
from koperasi.reports.common import ReportParams
from koperasi.services import ledger, statements, ui_queries
from koperasi.services import shu as shu_service
from koperasi.services.health import health
from koperasi.services.loans.quality import loan_arrears
from koperasi.services.uow import read_only

YEAR_END = dt.date(2025, 12, 31)
AS_OF = dt.date(2026, 10, 31)  # the demo's last day


def _render_both(db, name, params, tmp_path, lang="id"):
    data = registry.build(db, name, params)
    pdf = registry.render(data, tmp_path / f"{name}.pdf", "pdf", lang)
    xlsx = registry.render(data, tmp_path / f"{name}.xlsx", "xlsx", lang)
    return data, pdf, xlsx


def _summary(xlsx) -> dict[tuple[str, str], object]:
    """Ringkasan sheet: (section, item) -> value."""
    return {(r[0], r[1]): r[2] for r in sheet_rows(xlsx, "Ringkasan")[1:]}


TOTAL_LABELS = {"Jumlah", "Total"}


def _data_rows(rows, key_col=0):
    """Body rows of a sheet without its total row (the last row, labelled "Jumlah")."""
    body = rows[1:]
    if body and TOTAL_LABELS & {v for v in body[-1] if isinstance(v, str)}:
        body = body[:-1]
    return body


def test_both_reports_are_registered():
    names = {spec.name: spec for spec in registry.list_reports()}
    assert names["rat"].options == ("year",)
    assert names["pemantauan-program"].options == ("period",)
    assert names["rat"].description.get("id") and names["rat"].description.get("en")


def test_rat_report_agrees_with_ledger_shu_and_loan_book(open_demo_db, tmp_path):
    post_interest_income(open_demo_db, 2025)  # a positive surplus with patronage to share
    seen = []
    data = registry.build(
        open_demo_db, "rat", ReportParams(year=2025), lambda d, t, m: seen.append((d, t))
    )
    assert seen[-1] == (5, 5) and [d for d, _ in seen] == sorted(d for d, _ in seen)
    pdf = registry.render(data, tmp_path / "rat.pdf", "pdf")
    xlsx = registry.render(data, tmp_path / "rat.xlsx", "xlsx")
    pages = pdf_pages(pdf)
    text = "\n".join(pages)

    # cover: identity, title and year; no page furniture on it
    cover = pages[0]
    assert "KSP Sejahtera Bersama Balikpapan" in cover
    assert "AHU-0012345.AH.01.26.2021" in cover
    assert "Laporan Rapat Anggota Tahunan" in cover and "Tahun buku 2025" in cover
    assert "Halaman" not in cover
    assert f"Halaman 2 dari {len(pages)}" in pages[1]
    # the board signs at the end: ketua, sekretaris, bendahara, pengawas (no name: blank)
    last = pages[-1]
    for role in ("Ketua", "Sekretaris", "Bendahara", "Pengawas"):
        assert role in last
    assert "Hj. Rahmawati Said" in last and "Sri Wahyuni" in last
    assert "H. Muhammad Arsyad" in last  # the ketua pengawas, from the profile
    assert "Balikpapan, 31 Desember 2025" in last

    # assets = liabilities + equity, in the PDF and in the workbook
    assets = pdf_line_amounts(text, "Jumlah aset")
    liabilities = pdf_line_amounts(text, "Jumlah liabilitas")
    equity = pdf_line_amounts(text, "Jumlah ekuitas")
    assert assets[0] > 0
    assert assets == pdf_line_amounts(text, "Jumlah liabilitas dan ekuitas")
    assert assets[0] == liabilities[0] + equity[0] and assets[1] == liabilities[1] + equity[1]
    bs = {r[1]: r for r in sheet_rows(xlsx, "Posisi Keuangan")[1:] if r[0] is None}
    assert bs["Jumlah aset"][2] == assets[0]
    assert bs["Jumlah aset"][2] == bs["Jumlah liabilitas"][2] + bs["Jumlah ekuitas"][2]
    with read_only(open_demo_db) as s:
        bal = statements.balances(s, YEAR_END)
        infos = statements.accounts(s)
        receivable = ledger.balance(s, "1.20", YEAR_END)
    assert assets[0] == sum(v for c, v in bal.items() if infos[c].type == "asset")

    # the SHU statement's surplus = the income statement's
    income = next(r for r in sheet_rows(xlsx, "Hasil Usaha") if r[1] == "SISA HASIL USAHA (SHU)")
    summary = _summary(xlsx)
    shu_title = "Pembagian Sisa Hasil Usaha"
    assert summary[(shu_title, "SHU tahun buku")] == income[2] > 0
    assert pdf_line_amounts(text, "SISA HASIL USAHA (SHU)")[0] == income[2]
    assert format_rupiah(income[2]) in text
    plan = shu_service.plan(open_demo_db, 2025)
    assert plan.surplus == income[2]

    # per-member SHU + the rounding remainder (to the reserve) = the members' pots
    split = sheet_rows(xlsx, "Pembagian SHU")[1:-1]  # without the total row
    pots = {r[0]: r[2] for r in split if isinstance(r[2], int)}
    assert sum(pots.values()) == income[2]
    members = _data_rows(sheet_rows(xlsx, "SHU Anggota"))
    assert len(members) == len(plan.members) > 20
    shares = sum(r[7] for r in members)
    remainder = summary[(shu_title, "Sisa pembulatan ke cadangan")]
    assert shares > 0
    assert shares + remainder == pots["Jasa anggota"] + pots["Jasa modal"]
    assert summary[(shu_title, "Bagian anggota (jasa anggota + jasa modal)")] == (
        pots["Jasa anggota"] + pots["Jasa modal"]
    )
    # the per-member table is in the PDF too (laid out page by page, header on each page)
    shu_pages = [p for p in pages if members[-1][0] in p or members[0][0] in p]
    assert shu_pages and all("SHU diterima" in p for p in shu_pages)
    top = max(plan.members, key=lambda m: m.total)
    assert format_rupiah(top.total) in text

    # loans outstanding (loan book) = the loans receivable account
    classes = _data_rows(sheet_rows(xlsx, "Per Kolektibilitas"))
    assert sum(r[2] for r in classes) == receivable > 0
    loans_title = "Statistik Pinjaman"
    assert summary[(loans_title, "Sisa pokok pinjaman")] == receivable
    assert summary[(loans_title, "Saldo akun 1.20 Pinjaman Anggota")] == receivable
    assert pdf_line_amounts(text, "Sisa pokok pinjaman", 1) == [receivable]
    groups = _data_rows(sheet_rows(xlsx, "PAR per kelompok"))
    assert sum(r[3] for r in groups) == receivable
    with read_only(open_demo_db) as s:
        disbursed = s.scalar(
            select(func.count(Loan.id)).where(
                Loan.disbursed_on >= dt.date(2025, 1, 1), Loan.disbursed_on <= YEAR_END
            )
        )
    assert summary[(loans_title, "Pinjaman dicairkan dalam tahun buku")] == disbursed > 0
    arrears = loan_arrears(open_demo_db, YEAR_END)
    # (the workbook keeps the ratio as a number: compared exactly as a decimal)
    assert Decimal(str(summary[(loans_title, "PAR > 30 hari")])) == arrears.par30 / 100
    assert (
        Decimal(str(summary[(loans_title, "Tingkat pengembalian")])) == arrears.repayment_rate / 100
    )

    # membership: start + joined - left = end; the gender rows add up
    m_title = "Statistik Keanggotaan"
    start = summary[(m_title, "Anggota awal tahun")]
    joined = summary[(m_title, "Anggota masuk")]
    left = summary[(m_title, "Anggota keluar")]
    end = summary[(m_title, "Anggota akhir tahun")]
    assert start + joined - left == end > 0
    gender = _data_rows(sheet_rows(xlsx, "Anggota per gender"))
    assert [r[0] for r in gender] == ["Perempuan", "Laki-laki"]
    assert sum(r[4] for r in gender) == end and sum(r[2] for r in gender) == joined
    assert gender[0][4] == summary[(m_title, "Di antaranya perempuan")]
    cats = _data_rows(sheet_rows(xlsx, "Anggota per kategori"))
    assert {r[0] for r in cats} >= {"Perempuan kepala keluarga", "Penyandang disabilitas"}
    assert all(r[1] + r[2] == r[3] <= end for r in cats)

    # health ratios: from the balance sheet and the loan book
    ratios = {r[0]: r for r in _data_rows(sheet_rows(xlsx, "Rasio Kesehatan"))}
    eq_assets = ratios["Ekuitas terhadap total aset"]
    assert eq_assets[1] == bs["Jumlah ekuitas"][2] and eq_assets[2] == bs["Jumlah aset"][2]
    assert abs(eq_assets[3] - eq_assets[1] / eq_assets[2]) < 0.0001
    npl = ratios["Rasio pinjaman bermasalah"]
    problem = sum(q.outstanding for q in arrears.loans if q.kolektibilitas != "lancar")
    assert npl[1] == problem and npl[2] == receivable
    assert npl[4] in ("Sehat", "Cukup sehat", "Kurang sehat", "Tidak sehat")
    h = health(open_demo_db, YEAR_END)
    assert h.ratio("equity_to_assets").value == (
        Decimal(bs["Jumlah ekuitas"][2]) * 100 / bs["Jumlah aset"][2]
    ).quantize(Decimal("0.01"))
    assert "Rasio Kesehatan Koperasi" in text


def test_rat_report_in_english(demo_db, tmp_path):
    data = registry.build(demo_db, "rat", ReportParams(year=2025))
    pdf = registry.render(data, tmp_path / "rat-en.pdf", "pdf", "en")
    text = pdf_text(pdf)
    for label in (
        "Annual Members' Meeting Report",
        "Statement of Financial Position",
        "Membership Statistics",
        "Loan Statistics",
        "Health-Rating Ratios",
        "Supervisor",
    ):
        assert label in text, label


def test_rat_report_on_an_empty_database_has_blank_signature_lines(sqlite_db, tmp_path):
    """No data, no board names: every section still renders (no division by zero)."""
    data = registry.build(sqlite_db, "rat")
    assert data.figure("summary_members") == 0
    assert [s.name for s in data.signatures] == ["", "", "", ""]
    pdf = registry.render(data, tmp_path / "empty.pdf", "pdf")
    xlsx = registry.render(data, tmp_path / "empty.xlsx", "xlsx")
    assert "Pengawas" in pdf_pages(pdf)[-1]
    ratios = _data_rows(sheet_rows(xlsx, "Rasio Kesehatan"))
    assert all(r[3] is None and r[4] == "–" for r in ratios)


def test_monitoring_totals_equal_the_services(demo_db, tmp_path):
    params = ReportParams(date=AS_OF)  # 1 January to 31 October 2026
    data, pdf, xlsx = _render_both(demo_db, "pemantauan-program", params, tmp_path)
    assert data.period.start == dt.date(2026, 1, 1) and data.period.end == AS_OF
    dash = ui_queries.dashboard(demo_db, AS_OF)
    summary = _summary(xlsx)
    text = pdf_text(pdf)

    # outreach: the dashboard's member counts, by gender and category
    outreach_rows = {r[0]: r for r in sheet_rows(xlsx, "Jangkauan")[1:]}
    everyone = outreach_rows["Semua anggota"]
    assert everyone[1] == dash.members_active == data.figure("members_end") > 0
    assert everyone[2] == 1  # 100 %
    women = {c.key: c.count for c in dash.by_gender}
    assert outreach_rows["Perempuan"][1] == women["P"] == everyone[3]
    assert outreach_rows["Laki-laki"][1] == women["L"]
    assert outreach_rows["Laki-laki"][3] == 0
    for c in dash.by_category:
        assert outreach_rows[c.label_id][1] == c.count, c.key
    assert summary[("Jangkauan", "Anggota akhir periode")] == dash.members_active
    start, joined, left = (
        data.figure("members_start"),
        data.figure("members_joined"),
        data.figure("members_left"),
    )
    assert start + joined - left == dash.members_active
    assert "Perempuan kepala keluarga" in text and "Keluarga pinggiran kota" in text

    # savings: closing = the accounts' balances = the ledger's savings control accounts
    growth = _data_rows(sheet_rows(xlsx, "Pertumbuhan Simpanan"))
    closing = sum(r[6] for r in growth)
    assert closing == dash.savings_total == data.figure("savings_closing")
    assert everyone[8] == closing
    with read_only(demo_db) as s:
        codes = ("3.10", "3.11", "2.10")
        now = statements.balances(s, AS_OF)
        before = statements.balances(s, dt.date(2025, 12, 31))
    assert closing == sum(now.get(c, 0) for c in codes)
    opening = sum(r[3] for r in growth)
    assert opening == sum(before.get(c, 0) for c in codes)
    assert all(r[3] + r[4] - r[5] == r[6] and r[7] == r[6] - r[3] for r in growth)
    assert pdf_line_amounts(text, "Simpanan akhir periode", 1) == [closing]
    months = _data_rows(sheet_rows(xlsx, "Simpanan Bulanan"))
    assert len(months) == 10 and months[-1][1] == closing

    # loans: disbursed in the period, their sizes, PAR and repayment by group
    with read_only(demo_db) as s:
        disbursed = s.execute(
            select(func.count(Loan.id), func.sum(Loan.amount)).where(
                Loan.disbursed_on >= dt.date(2026, 1, 1), Loan.disbursed_on <= AS_OF
            )
        ).one()
        receivable = ledger.balance(s, "1.20", AS_OF)
    sizes = _data_rows(sheet_rows(xlsx, "Ukuran Pinjaman"))
    assert sum(r[1] for r in sizes) == disbursed[0] == data.figure("disbursed_count") > 0
    assert sum(r[3] for r in sizes) == disbursed[1] == data.figure("disbursed_amount")
    assert everyone[6] <= disbursed[0] and everyone[7] == disbursed[1]
    arrears = loan_arrears(demo_db, AS_OF)
    assert data.figure("outstanding") == arrears.outstanding == receivable
    assert data.figure("par30") == arrears.par30 and data.figure("repayment_rate") == (
        arrears.repayment_rate
    )
    groups = _data_rows(sheet_rows(xlsx, "PAR per kelompok"))
    assert sum(r[3] for r in groups) == receivable and sum(r[2] for r in groups) == len(
        arrears.loans
    )
    assert pdf_line_amounts(text, "Sisa pokok akhir periode", 1) == [receivable]
    flat = " ".join(text.split())
    assert f"PAR > 30 hari {format_percent(arrears.par30)}" in flat
    assert f"Tingkat pengembalian {format_percent(arrears.repayment_rate)}" in flat


def test_monitoring_for_a_month_and_a_year(demo_db, tmp_path):
    month = registry.build(demo_db, "pemantauan-program", ReportParams(period="2026-03"))
    assert month.period.start == dt.date(2026, 3, 1) and month.period.end == dt.date(2026, 3, 31)
    assert len(month.table("simpanan_bulanan").rows) == 1
    year = registry.build(demo_db, "pemantauan-program")  # default: the last full year
    assert year.period.start == dt.date(2025, 1, 1) and year.period.end == YEAR_END
    xlsx = registry.render(year, tmp_path / "y.xlsx", "xlsx", "en")
    rows = {r[0]: r for r in sheet_rows(xlsx, "Outreach")[1:]}
    assert rows["All members"][1] == year.figure("members_end")
    assert rows["Woman head of household"][1] == year.table("jangkauan").rows[3].cells[1]

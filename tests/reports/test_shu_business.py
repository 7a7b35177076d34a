"""SHU per UU 25/1992 Pasal 45 and SAK EP, on SQLite and PostgreSQL: the split of a year's
SHU between business with members and with non-members, the pots of the members' part,
the per-member shares (all hand-computed); a loss year's coverage proposal in the RAT and
the SHU report; three years closed in a row leave a right statement of changes in equity
for each year."""

import datetime as dt

import pytest
from helpers import member_input
from report_helpers import pdf_line_amounts, pdf_text, sheet_rows

from koperasi.errors import ValidationError
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import (
    chart_of_accounts,
    ledger,
    members,
    savings,
    settings,
    shu,
    statement_equity,
    statement_sheets,
    statements,
    year_closing,
)
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only, unit_of_work


def _post(db, actor, date, lines, what="uji"):  # type: ignore[no-untyped-def]
    with unit_of_work(db) as s:
        ledger.post(s, actor, date, what, lines, source="manual")


def _income(db, actor, date, code, amount, member_id=None):  # type: ignore[no-untyped-def]
    _post(
        db,
        actor,
        date,
        [
            Line("1.01", debit=amount, member_id=member_id),
            Line(code, credit=amount, member_id=member_id),
        ],
    )


def _expense(db, actor, date, code, amount):  # type: ignore[no-untyped-def]
    _post(db, actor, date, [Line(code, debit=amount), Line("1.01", credit=amount)])


def _check_ok(db):  # type: ignore[no-untyped-def]
    rep = run_checks(db)
    assert rep.ok, [p.message_en for p in rep.problems]


def _members(db, actor, wajib_months):  # type: ignore[no-untyped-def]
    """Members joined in January 2025, pokok paid, ``wajib_months`` x Rp50.000 wajib."""
    out = []
    for n, months in enumerate(wajib_months):
        m = members.register_member(
            db, actor, member_input(f"Anggota {n}", n=900 + n, join=dt.date(2025, 1, 6))
        )
        savings.deposit(db, actor, m.number, "POKOK", 300_000, dt.date(2025, 1, 6))
        for k in range(months):
            savings.deposit(db, actor, m.number, "WAJIB", 50_000, dt.date(2025, 1 + k, 10))
        out.append(m)
    return out


def test_shu_split_pots_and_member_shares(db, actor, tmp_path):
    a, b, c = _members(db, actor, [2, 6, 0])  # Sa: 400.000, 600.000, 300.000 (Sk 1.300.000)
    _income(db, actor, dt.date(2025, 3, 10), "4.10", 1_000_000, a.id)  # Ta
    _income(db, actor, dt.date(2025, 4, 10), "4.10", 3_000_000, b.id)
    _income(db, actor, dt.date(2025, 4, 11), "4.20", 500_000)  # admin fees: members
    _income(db, actor, dt.date(2025, 6, 30), "4.90", 1_500_000)  # jasa giro: non-members
    _expense(db, actor, dt.date(2025, 6, 30), "5.20", 300_000)  # interest on savings: members
    _expense(db, actor, dt.date(2025, 7, 31), "5.14", 1_200_000)  # salaries: shared
    _expense(db, actor, dt.date(2025, 8, 31), "5.11", 400_000)  # utilities: shared
    # a cost of the non-member business only, flagged so by the treasurer
    view = chart_of_accounts.set_business_side(db, actor, "5.16", "non_member")
    assert view.business_side == "non_member"
    _expense(db, actor, dt.date(2025, 9, 30), "5.16", 100_000)
    with pytest.raises(ValidationError) as err:
        chart_of_accounts.set_business_side(db, actor, "1.01", "member")
    assert err.value.code == "income_expense_only"
    with pytest.raises(ValidationError) as err:
        chart_of_accounts.set_business_side(db, actor, "4.10", "shared")  # income is never "shared"
    assert err.value.code == "choice"

    # shared costs 1.600.000 by income: members 4.500.000 / 6.000.000 -> 1.200.000
    with read_only(db) as s:
        inc = statement_sheets.income_statement_in(s, dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    sp = inc.split
    assert (sp.member_income, sp.non_member_income) == (4_500_000, 1_500_000)
    assert (sp.shared_expenses, sp.shared_to_members) == (1_600_000, 1_200_000)
    assert (sp.member_surplus, sp.non_member_surplus) == (3_000_000, 1_000_000)
    assert inc.surplus[0] == 4_000_000

    year_closing.close_year(db, actor, 2025, today=dt.date(2026, 2, 1))
    p = shu.plan(db, 2025)
    assert p.surplus == 4_000_000 and p.distributable == 3_000_000
    assert p.to_non_member_destination == 1_000_000
    # the pots are the default percentages of the MEMBERS' SHU only
    assert p.pots == {
        "cadangan": 1_200_000,
        "jasa_anggota": 750_000,
        "jasa_modal": 600_000,
        "dana_pengurus": 150_000,
        "dana_karyawan": 150_000,
        "dana_pendidikan": 75_000,
        "dana_sosial": 75_000,
    }
    # Y x Ta / Tk + X x Sa / Sk, each part rounded down
    shares = {m.number: (m.jasa_anggota, m.jasa_modal) for m in p.members}
    assert shares == {
        a.number: (187_500, 184_615),  # 750.000 x 1/4; 600.000 x 4/13 = 184.615,38
        b.number: (562_500, 276_923),  # 750.000 x 3/4; 600.000 x 6/13 = 276.923,07
        c.number: (0, 138_461),  # no loan interest; 600.000 x 3/13 = 138.461,53
    }
    assert p.to_members == 1_349_999 and p.remainder == 1

    # the income statement shows both parts (PDF), the SHU report the non-member line
    data = registry.build(db, "hasil-usaha", ReportParams(year=2025))
    text = pdf_text(registry.render(data, tmp_path / "hu.pdf", "pdf"))
    assert pdf_line_amounts(text, "SHU usaha dengan anggota") == [3_000_000, 0]
    assert pdf_line_amounts(text, "SHU usaha dengan non-anggota") == [1_000_000, 0]
    assert pdf_line_amounts(text, "SISA HASIL USAHA (SHU)") == [4_000_000, 0]
    assert "Usaha dengan non-anggota" in text and "Beban bersama" in text
    rep = registry.build(db, "shu-anggota", ReportParams(year=2025))
    split_rows = rep.table("shu_split").rows
    assert sum(r.cells[2] for r in split_rows) == 4_000_000
    assert split_rows[-1].cells[2] == 1_000_000

    # distribution: the whole SHU out of 3.90; non-members' part to the reserve
    result = shu.distribute(db, actor, 2025, dt.date(2026, 1, 20))
    assert (result.to_members, result.non_member, result.member_surplus) == (
        1_349_999,
        1_000_000,
        3_000_000,
    )
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 20))
    assert bal.get("3.90", 0) == 0
    assert bal["3.20"] == 1_200_000 + 1 + 1_000_000  # reserve pot, rounding, non-members
    assert bal["2.21"] == 1_349_999
    assert bal["2.23"] == 300_000 and bal["2.24"] == 75_000 and bal["2.20"] == 75_000
    _check_ok(db)


def test_non_member_destination_is_a_setting(db, actor):
    settings.put(db, actor, "shu_non_member_to", "dana_sosial")
    _income(db, actor, dt.date(2025, 2, 1), "4.10", 800_000)
    _income(db, actor, dt.date(2025, 2, 2), "4.90", 200_000)
    year_closing.close_year(db, actor, 2025, today=dt.date(2026, 2, 1))
    p = shu.plan(db, 2025)
    assert (p.distributable, p.to_non_member_destination) == (800_000, 200_000)
    shu.distribute(db, actor, 2025, dt.date(2026, 1, 15))
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 15))
    assert bal["2.20"] == 20_000 + 200_000  # dana sosial 2,5 % of 800.000 + non-members
    # nobody paid interest or holds capital: both member pots stay in the reserve
    assert bal["3.20"] == 320_000 + 200_000 + 160_000
    assert bal.get("3.90", 0) == 0
    _check_ok(db)


def _loss_year(db, actor):  # type: ignore[no-untyped-def]
    _post(
        db, actor, dt.date(2025, 1, 2), [Line("1.01", debit=800_000), Line("3.20", credit=800_000)]
    )
    _income(db, actor, dt.date(2025, 3, 1), "4.10", 100_000)
    _expense(db, actor, dt.date(2025, 4, 1), "5.14", 600_000)
    year_closing.close_year(db, actor, 2025, today=dt.date(2026, 2, 1))


def test_loss_year_rat_shows_the_coverage_proposal(db, actor, tmp_path):
    _members(db, actor, [1, 1])
    _loss_year(db, actor)
    p = shu.plan(db, 2025)
    assert p.surplus == -500_000 and p.loss == 500_000 and p.members == ()

    with pytest.raises(ValidationError) as err:
        shu.distribute(db, actor, 2025, dt.date(2026, 1, 20))
    assert err.value.code == "loss_year_cover_reserve"
    assert "Rp500.000" in err.value.message("id") and "cadangan" in err.value.message("id")

    data = registry.build(db, "rat", ReportParams(year=2025))
    text = pdf_text(registry.render(data, tmp_path / "rat.pdf", "pdf"))
    assert "Rugi Tahun Buku dan Usul Penutupannya" in text
    assert pdf_line_amounts(text, "Rugi tahun buku 2025", 1) == [500_000]
    assert pdf_line_amounts(text, "Usul: ditutup dari cadangan umum", 1) == [500_000]
    assert pdf_line_amounts(text, "Cadangan umum setelah penutupan rugi", 1) == [300_000]
    assert "ditutup dari cadangan umum (akun 3.20)" in " ".join(text.split())
    assert "SHU diterima" not in text  # no table of Rp0 shares per member
    assert data.figure("summary_shu") == -500_000

    # carried forward, by setting: the proposal follows; nothing to post now
    settings.put(db, actor, "shu_loss_coverage", "carry_forward")
    rep = registry.build(db, "shu-anggota", ReportParams(year=2025))
    text = pdf_text(registry.render(rep, tmp_path / "shu.pdf", "pdf"))
    assert pdf_line_amounts(text, "Usul: rugi dibawa ke tahun berikutnya (3.91)", 1) == [500_000]
    assert "SHU diterima" not in text
    with pytest.raises(ValidationError) as err:
        shu.distribute(db, actor, 2025, dt.date(2026, 1, 20))
    assert err.value.code == "loss_year_carry"
    with pytest.raises(ValidationError) as err:
        shu.cover_loss(db, actor, 2025, dt.date(2026, 1, 20))
    assert err.value.code == "loss_carried_forward"

    # covered from the reserve after the RAT
    settings.put(db, actor, "shu_loss_coverage", "cadangan")
    shu.cover_loss(db, actor, 2025, dt.date(2026, 1, 20))
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 20))
    assert bal["3.20"] == 300_000 and bal.get("3.90", 0) == 0
    _check_ok(db)


def _equity_right(db, year):  # type: ignore[no-untyped-def]
    start, end = dt.date(year, 1, 1), dt.date(year, 12, 31)
    with read_only(db) as s:
        eq = statement_equity.equity_changes_in(s, start, end)
        bs = statement_sheets.balance_sheet_in(s, end, start - dt.timedelta(days=1))
    for r in eq.rows:
        assert r.opening + r.increase - r.decrease == r.closing, r
        assert r.increase >= 0 and r.decrease >= 0, r
    assert eq.closing == bs.total_equity[0] and eq.opening == bs.total_equity[1]
    assert bs.balanced
    return {r.code: r for r in eq.rows}


def test_three_years_closed_in_a_row_keep_equity_right(db, actor, tmp_path):
    _post(
        db,
        actor,
        dt.date(2023, 1, 2),
        [Line("1.01", debit=5_000_000), Line("3.13", credit=5_000_000)],
    )
    _income(db, actor, dt.date(2023, 5, 1), "4.10", 1_000_000)  # 2023: SHU 1.000.000
    _expense(db, actor, dt.date(2024, 5, 1), "5.14", 400_000)  # 2024: loss 400.000
    _income(db, actor, dt.date(2025, 5, 1), "4.10", 2_000_000)  # 2025: SHU 2.500.000
    _income(db, actor, dt.date(2025, 5, 2), "4.90", 500_000)
    today = dt.date(2026, 2, 1)
    year_closing.close_year(db, actor, 2023, today=today)
    shu.distribute(db, actor, 2023, dt.date(2024, 3, 15))  # 2023's SHU, after its RAT
    year_closing.close_year(db, actor, 2024, today=today)
    y25 = year_closing.close_year(db, actor, 2025, today=today)
    assert y25.prior_moved == -400_000  # 2024's loss, not covered, moved out of 3.90
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2025, 12, 31))
    assert bal["3.90"] == 2_500_000  # only 2025's result
    assert bal["3.91"] == -400_000

    e23 = _equity_right(db, 2023)
    assert (e23["3.90"].opening, e23["3.90"].increase, e23["3.90"].decrease) == (0, 1_000_000, 0)
    assert e23["3.90"].closing == 1_000_000
    e24 = _equity_right(db, 2024)
    # 2023's SHU distributed (1.000.000) and 2024's loss (400.000): both reductions
    assert (e24["3.90"].opening, e24["3.90"].increase, e24["3.90"].decrease) == (
        1_000_000,
        0,
        1_400_000,
    )
    assert e24["3.90"].closing == -400_000
    e25 = _equity_right(db, 2025)
    # the year's SHU is added once and never reduced; 2024's loss moves to 3.91
    assert (e25["3.90"].increase, e25["3.90"].decrease, e25["3.90"].closing) == (
        2_500_000 + 400_000,
        0,
        2_500_000,
    )
    assert (e25["3.91"].opening, e25["3.91"].decrease, e25["3.91"].closing) == (
        0,
        400_000,
        -400_000,
    )

    # the report: labels in their columns, the rows add up to the balance sheet's equity
    data = registry.build(db, "perubahan-ekuitas", ReportParams(year=2025))
    table = data.table("perubahan_ekuitas")
    row = next(r for r in table.rows if r.cells[0] == "3.90")
    assert row.cells[2:] == (-400_000, 2_900_000, 0, 2_500_000)
    text = pdf_text(registry.render(data, tmp_path / "eq.pdf", "pdf"))
    assert "SHU tahun berjalan" in text and "SHU/Rugi Tahun Lalu Belum Dibagi" in text
    xlsx = registry.render(data, tmp_path / "eq.xlsx", "xlsx")
    rows = sheet_rows(xlsx, "Perubahan Ekuitas")
    assert rows[0][:2] == ("Kode", "Komponen ekuitas")
    with read_only(db) as s:
        equity = statement_sheets.balance_sheet_in(
            s, dt.date(2025, 12, 31), dt.date(2024, 12, 31)
        ).total_equity
    assert rows[-1][:2] == (None, "Jumlah ekuitas")  # the label in the name column
    assert rows[-1][2] == equity[1] and rows[-1][5] == equity[0]  # values, not formulas
    assert sum(r[5] for r in rows[1:-1]) == equity[0]
    flat = " ".join(text.split())
    assert "rugi tahun lalu yang belum ditutup (Rp400.000) dipindahkan dari 3.90 ke 3.91" in flat
    assert "SHU periode ini Rp2.500.000 tercatat satu kali, sebagai penambahan" in flat
    _check_ok(db)

    # shu distribute of 2025 takes only 2025's SHU: 3.90 ends at 0, not negative
    r = shu.distribute(db, actor, 2025, dt.date(2026, 1, 20))
    assert r.surplus == 2_500_000 and r.non_member == 500_000
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 20))
    assert bal.get("3.90", 0) == 0 and bal["3.91"] == -400_000
    _check_ok(db)


def test_a_year_distributed_after_the_next_is_closed_comes_out_of_391(db, actor):
    _income(db, actor, dt.date(2024, 5, 1), "4.10", 1_000_000)
    _income(db, actor, dt.date(2025, 5, 1), "4.10", 600_000)
    today = dt.date(2026, 2, 1)
    year_closing.close_year(db, actor, 2024, today=today)
    year_closing.close_year(db, actor, 2025, today=today)  # 2024's SHU not yet shared: to 3.91
    shu.distribute(db, actor, 2024, dt.date(2026, 1, 10))  # a late RAT for 2024
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 10))
    assert bal["3.91"] == 0 and bal["3.90"] == 600_000  # 2025's result untouched
    with pytest.raises(ValidationError) as err:  # 2024 again: already distributed
        year_closing.reopen_year(db, actor, 2024, "x")
    assert err.value.code in ("later_year_closed", "shu_already_distributed")
    shu.distribute(db, actor, 2025, dt.date(2026, 1, 11))
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(2026, 1, 11))
    assert bal.get("3.90", 0) == 0 and bal.get("3.91", 0) == 0
    _check_ok(db)

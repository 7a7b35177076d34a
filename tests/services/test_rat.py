"""The RAT module's services on SQLite and PostgreSQL: the budget against the ledger, the
narrative reports, the officers, the meeting's quorum, the governance answers and rating,
and what a pengawas may (read) and may not (write) do."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from openpyxl import Workbook

from koperasi.domain import health_rating as hr
from koperasi.domain.quorum import QuorumRule
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import audit, ledger, statement_sheets, statements
from koperasi.services.auth import Actor, Role
from koperasi.services.ledger import Line
from koperasi.services.rat import budget, health, records
from koperasi.services.uow import read_only

Y = 2025
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)
BENDAHARA = Actor("bu-bendahara", Role.BENDAHARA)
KETUA = Actor("ketua-k01", Role.KETUA)


def _post(db, actor, date, lines, text="RAT test"):
    ledger.add_manual_entry(db, actor, date, text, lines)


@pytest.fixture
def booked(db, actor):
    """A year of income and expenses on several accounts, one of them outside any budget."""
    d = dt.date(Y, 3, 10)
    _post(db, actor, d, [Line("1.01", debit=10_000_000), Line("3.13", credit=10_000_000)])
    _post(db, actor, d, [Line("1.01", debit=1_200_000), Line("4.10", credit=1_200_000)])
    _post(db, actor, dt.date(Y, 6, 1), [Line("1.01", debit=150_000), Line("4.20", credit=150_000)])
    _post(db, actor, dt.date(Y, 7, 1), [Line("1.01", debit=40_000), Line("4.90", credit=40_000)])
    _post(db, actor, d, [Line("5.11", debit=300_000), Line("1.01", credit=300_000)])
    _post(db, actor, dt.date(Y, 9, 9), [Line("5.12", debit=70_000), Line("1.01", credit=70_000)])
    _post(db, actor, dt.date(Y, 9, 9), [Line("5.20", debit=25_000), Line("1.01", credit=25_000)])
    # next year: must not count in Y
    _post(db, actor, dt.date(Y + 1, 1, 5), [Line("1.01", debit=999), Line("4.10", credit=999)])
    return db


def test_budget_against_actual_sums_equal_the_ledger(booked, actor):
    db = booked
    budget.set_budget(db, actor, Y, {"4.10": 2_000_000, "4.20": 100_000, "5.10": 500_000})
    rep = budget.budget_report(db, Y)
    lines = {x.code: x for x in rep.lines}
    assert lines["4.10"].actual == 1_200_000 and lines["4.10"].budget == 2_000_000
    assert lines["4.20"].actual == 150_000
    assert lines["5.10"].actual == 300_000 + 70_000  # the group: 5.11 and 5.12 under 5.10
    assert lines["4.10"].difference == -800_000
    # what no budget line covers is shown, so the totals are the ledger's
    rest = {x.type: x.actual for x in rep.lines if x.code == ""}
    assert rest == {"income": 40_000, "expense": 25_000}
    inc = statement_sheets.income_statement(db, dt.date(Y, 1, 1), dt.date(Y, 12, 31))
    assert rep.total("income") == (2_100_000, inc.total_income[0]) == (2_100_000, 1_390_000)
    assert rep.total("expense") == (500_000, inc.total_expenses[0]) == (500_000, 395_000)
    assert rep.surplus == (1_600_000, inc.surplus[0])
    with read_only(db) as s:
        bal = statements.balances(s, dt.date(Y, 12, 31), dt.date(Y, 1, 1))
    assert sum(x.actual for x in rep.lines if x.type == "income") == sum(
        bal.get(c, 0) for c in ("4.10", "4.20", "4.21", "4.90")
    )
    # every account's actual, budgeted or not, for the grid (a parent with its sub-accounts)
    actuals = budget.year_actuals(db, Y, actor=PENGAWAS)
    assert actuals["4.90"] == 40_000 and actuals["5.20"] == 25_000  # not budgeted
    assert actuals["5.10"] == 370_000 and actuals["5.11"] == 300_000
    assert actuals["4.10"] == 1_200_000 and "1.01" not in actuals


def test_budget_input_is_checked_and_nothing_half_written(db, actor):
    budget.set_budget(db, actor, Y, {"4.10": 1_000})
    bad = [
        ({"1.01": 5}, "account_code"),  # not income/expense
        ({"9.99": 5}, "account_code"),  # no such account
        ({"4.10": -1}, "budget"),
        ({"5.10": 10, "5.11": 5}, "account_code"),  # a group and its sub-account
    ]
    for amounts, field in bad:
        with pytest.raises(ValidationError) as e:
            budget.set_budget(db, actor, Y, amounts)
        assert e.value.field == field
    assert budget.get_budget(db, Y) == {"4.10": 1_000}


def test_budget_from_a_workbook(db, actor, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Kode", "Nama", "Anggaran"])
    ws.append(["4.10", "Bunga", 12_000_000])
    ws.append(["5.10", "Operasional", "Rp 4.500.000"])
    ws.append([None, None, None])
    path = tmp_path / "rapb.xlsx"
    wb.save(path)
    assert budget.import_budget(db, actor, Y + 1, path) == {"4.10": 12_000_000, "5.10": 4_500_000}
    ws.cell(1, 1, "Akun")
    wb.save(path)
    with pytest.raises(ValidationError):
        budget.import_budget(db, actor, Y + 1, path)


def test_texts_start_from_a_template_with_the_years_figures(booked, actor):
    db = booked
    t = records.get_text(db, Y, records.BOARD)
    assert not t.saved and f"tahun buku {Y}" in t.body and "Rp1.390.000" in t.body
    saved = records.save_text(db, actor, Y, records.BOARD, "Laporan kami.\r\n\r\nParagraf dua.")
    assert saved.saved and saved.body == "Laporan kami.\n\nParagraf dua."
    assert records.get_text(db, Y, records.BOARD).body == saved.body
    assert not records.get_text(db, Y, records.SUPERVISORS).saved
    with pytest.raises(ValidationError):
        records.save_text(db, actor, Y, records.BOARD, "   ")
    with pytest.raises(ValidationError):
        records.save_text(db, actor, Y, "other", "x")
    assert any(a.action == "rat.text" for a in audit.list_audit(db))


def test_officers_with_terms(db, actor):
    a = records.add_officer(
        db,
        actor,
        records.OfficerInput(
            "pengurus", "Ketua", " Siti ", dt.date(2023, 1, 1), dt.date(2025, 12, 31)
        ),
    )
    b = records.add_officer(
        db, actor, records.OfficerInput("pengawas", "Ketua", "Budi", dt.date(2026, 1, 1))
    )
    assert a.name == "Siti"
    assert [o.name for o in records.list_officers(db, dt.date(2025, 6, 1))] == ["Siti"]
    assert [o.name for o in records.list_officers(db, dt.date(2026, 6, 1))] == ["Budi"]
    records.update_officer(
        db, actor, b.id, records.OfficerInput("pengawas", "Anggota", "Budi S.", dt.date(2026, 1, 1))
    )
    records.remove_officer(db, actor, a.id)
    assert [(o.position, o.name) for o in records.list_officers(db)] == [("Anggota", "Budi S.")]
    for bad, field in (
        (records.OfficerInput("direksi", "Ketua", "X", dt.date(2025, 1, 1)), "officer_body"),
        (records.OfficerInput("pengurus", "", "X", dt.date(2025, 1, 1)), "position"),
        (records.OfficerInput("pengurus", "Ketua", "", dt.date(2025, 1, 1)), "name"),
        (
            records.OfficerInput(
                "pengurus", "Ketua", "X", dt.date(2025, 1, 1), dt.date(2024, 1, 1)
            ),
            "term_end",
        ),
    ):
        with pytest.raises(ValidationError) as e:
            records.add_officer(db, actor, bad)
        assert e.value.field == field


def test_meeting_quorum_follows_the_statutes_rule(db, actor):
    m = records.save_meeting(
        db, actor, Y, records.MeetingInput(dt.date(2026, 3, 1), "Aula", 40, 20)
    )
    assert m.needed == 21 and m.quorum is False  # more than half of 40: 21
    m = records.save_meeting(
        db, actor, Y, records.MeetingInput(dt.date(2026, 3, 1), "Aula", 40, 21)
    )
    assert m.quorum is True
    records.save_quorum_rule(db, actor, QuorumRule(">=", 2, 3))
    m = records.get_meeting(db, Y)
    assert m.needed == 27 and m.quorum is False and m.rule.label()[0].startswith("paling sedikit")
    with pytest.raises(ValidationError) as e:
        records.save_meeting(db, actor, Y, records.MeetingInput(None, "", 40, 41))
    assert e.value.field == "members_present"
    assert records.get_meeting(db, Y).members_present == 21
    assert records.get_meeting(db, Y + 1).agenda[0].startswith("Pembukaan")


def test_governance_answers_feed_the_rating(booked, actor):
    db = booked
    before = health.year_rating(db, Y)
    gov = next(a for a in before.rating.aspects if a.aspect == hr.GOVERNANCE)
    assert gov.score == 25  # nothing answered: every governance indicator scores 1
    records.save_answers(db, actor, Y, {q: True for q in hr.QUESTIONS})
    after = health.year_rating(db, Y)
    gov = next(a for a in after.rating.aspects if a.aspect == hr.GOVERNANCE)
    assert gov.score == 100 and after.rating.total > before.rating.total
    # the book ratios come from the same place as the dashboard's
    ratios = {i.key: i.value for i in after.rating.indicators}
    assert ratios["equity_to_assets"] == after.book.ratio("equity_to_assets").value
    expected = (Decimal(after.expenses) * 100 / Decimal(after.income)).quantize(Decimal("0.01"))
    assert ratios["cost_to_income"] == expected
    with pytest.raises(ValidationError):
        records.save_answers(db, actor, Y, {"no_such_question": True})


def test_pengawas_reads_everything_and_changes_nothing(db, actor):
    records.add_officer(
        db, actor, records.OfficerInput("pengurus", "Ketua", "Siti", dt.date(2023, 1, 1))
    )
    budget.budget_report(db, Y, actor=PENGAWAS)
    records.get_text(db, Y, records.BOARD, actor=PENGAWAS)
    records.list_officers(db, actor=PENGAWAS)
    records.get_meeting(db, Y, actor=PENGAWAS)
    health.year_rating(db, Y, actor=PENGAWAS)
    writes = [
        lambda a: budget.set_budget(db, a, Y, {"4.10": 1}),
        lambda a: records.save_text(db, a, Y, records.BOARD, "x"),
        lambda a: records.add_officer(
            db, a, records.OfficerInput("pengurus", "K", "N", dt.date(2024, 1, 1))
        ),
        lambda a: records.save_meeting(db, a, Y, records.MeetingInput()),
        lambda a: records.save_answers(db, a, Y, {}),
        lambda a: records.save_quorum_rule(db, a, QuorumRule()),
    ]
    for write in writes:
        with pytest.raises(PermissionDenied):
            write(PENGAWAS)
        with pytest.raises(PermissionDenied):
            write(KETUA)
    with pytest.raises(PermissionDenied):
        records.get_meeting(db, Y, actor=KETUA)  # cooperative-wide data
    budget.set_budget(db, BENDAHARA, Y, {"4.10": 1})
    records.save_text(db, BENDAHARA, Y, records.BOARD, "x")


def test_the_rat_book_builds_from_the_same_services_on_both_databases(booked, actor, tmp_path):
    from koperasi.reports import registry
    from koperasi.reports.common import ReportParams
    from koperasi.reports.rat_book_pdf import toc_entries

    db = booked
    budget.set_budget(db, actor, Y, {"4.10": 2_000_000, "5.10": 500_000})
    records.add_officer(
        db, actor, records.OfficerInput("pengurus", "Ketua", "Siti", dt.date(2024, 1, 1))
    )
    data = registry.build(db, "buku-rat", ReportParams(year=Y))
    assert len(toc_entries(data)) == 12
    rep = budget.budget_report(db, Y)
    table = data.table("realisasi")
    totals = {r.cells[1].id: r.cells for r in table.rows if r.kind.value == "subtotal"}
    assert (totals["Jumlah pendapatan"][2], totals["Jumlah pendapatan"][3]) == rep.total("income")
    assert data.table("pengurus").rows[0].cells[2] == "Siti"
    pdf = registry.render(data, tmp_path / "buku.pdf", "pdf")
    assert pdf.stat().st_size > 10_000

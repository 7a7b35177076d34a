"""Fixed assets on SQLite and PostgreSQL, against hand computations: a year of straight-line
depreciation booked by the month-end run (once per month), the balance sheet's cost,
accumulated depreciation and net, a sale with its gain, a scrapping with its loss, an asset
taken over when moving in, and who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from koperasi.db.models import FixedAsset, JournalEntry
from koperasi.errors import PermissionDenied, ValidationError
from koperasi.services import chart_of_accounts, ledger, statement_sheets
from koperasi.services import fixed_asset_depreciation as fa_depreciation
from koperasi.services import fixed_asset_disposal as fa_disposal
from koperasi.services import fixed_assets as fa
from koperasi.services import month_end as month_end_run
from koperasi.services.auth import Actor, Role
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only

D = dt.date
TODAY = D(2026, 6, 15)
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)
KETUA = Actor("ketua-k01", Role.KETUA)
BENDAHARA = Actor("bu-bendahara", Role.BENDAHARA)

# hand computations
# komputer: (10.000.000 - 1.000.000) / 36 = 250.000 a month -> 3.000.000 in 2025
KOMPUTER = fa.AssetInput(
    "Komputer kantor",
    "peralatan",
    D(2025, 1, 10),
    10_000_000,
    36,
    1_000_000,
    "Ruang bendahara",
    "kas",
)
# motor: 1.000.000 / 7 = 142.857,14 -> 142.857 for six months, the seventh (Jul) 142.858
MOTOR = fa.AssetInput("Sepeda motor", "kendaraan", D(2025, 1, 5), 1_000_000, 7, 0, "Kantor", "bank")
# tanah: not depreciated
TANAH = fa.AssetInput(
    "Tanah kantor", "tanah", D(2025, 1, 20), 50_000_000, 0, 0, "Jl. Mawar", "hutang"
)


def _fund(db, actor):
    ledger.add_manual_entry(
        db,
        actor,
        D(2025, 1, 2),
        "Hibah awal",
        [
            Line("1.01", debit=100_000_000),
            Line("1.02", debit=60_000_000),
            Line("3.13", credit=160_000_000),
        ],
    )


def _balance(db, code, as_of):
    with read_only(db) as s:
        return ledger.balance(s, code, as_of)


def _entries(db, source):
    with read_only(db) as s:
        return s.scalar(select(func.count(JournalEntry.id)).where(JournalEntry.source == source))


@pytest.fixture
def three(db, actor):
    _fund(db, actor)
    return [fa.add_asset(db, actor, a) for a in (KOMPUTER, MOTOR, TANAH)]


def test_acquisition_posts_balanced_entry_per_payment(db, actor, three):
    komputer, motor, tanah = three
    assert komputer.code == "AT-0001" and tanah.code == "AT-0003"
    assert _balance(db, "1.30", D(2025, 1, 31)) == 61_000_000
    assert _balance(db, "1.01", D(2025, 1, 31)) == 100_000_000 - 10_000_000
    assert _balance(db, "1.02", D(2025, 1, 31)) == 60_000_000 - 1_000_000
    assert _balance(db, "2.30", D(2025, 1, 31)) == 50_000_000  # a payable, on its credit side
    assert tanah.life_months == 0


def test_a_year_of_depreciation_equals_hand_computation(db, actor, three):
    for m in range(1, 13):
        run = fa_depreciation.depreciate_month(db, actor, 2025, m, today=TODAY)
        expected = 250_000 + (142_857 if m <= 6 else 142_858 if m == 7 else 0)
        assert run.amount == expected, m
    assert _entries(db, "penyusutan") == 12
    assert _balance(db, "5.30", D(2025, 12, 31)) == 3_000_000 + 1_000_000
    assert _balance(db, "1.39", D(2025, 12, 31)) == -4_000_000
    rows = {r.code: r for r in fa.register(db, D(2025, 12, 31), actor)}
    assert rows["AT-0001"].accumulated == 3_000_000 and rows["AT-0001"].book_value == 7_000_000
    assert rows["AT-0002"].book_value == 0  # fully depreciated to its residual value
    assert rows["AT-0003"].accumulated == 0 and rows["AT-0003"].book_value == 50_000_000
    # mid-year the register shows what was booked by then
    mid = {r.code: r for r in fa.register(db, D(2025, 3, 31), actor)}
    assert mid["AT-0002"].accumulated == 3 * 142_857
    # the balance sheet: cost, accumulated depreciation (contra, negative) and the net
    bs = statement_sheets.balance_sheet(db, D(2025, 12, 31))
    lines = {x.code: x.current for x in bs.assets}
    assert lines["1.30"] == 61_000_000
    assert lines["1.39"] == -4_000_000
    assert lines["1.30"] + lines["1.39"] == sum(r.book_value for r in rows.values()) == 57_000_000
    assert bs.balanced


def test_month_end_books_depreciation_once(db, actor, three):
    first = month_end_run.month_end(db, actor, D(2025, 1, 31), today=TODAY)
    assert first.depreciation == 250_000 + 142_857
    again = fa_depreciation.depreciate_month(db, actor, 2025, 1, today=TODAY)
    assert again.already_posted and again.journal_entry_id == first.depreciation_entry_id
    month_end_run.month_end(db, actor, D(2025, 1, 31), today=TODAY)
    assert _entries(db, "penyusutan") == 1
    assert _balance(db, "1.39", D(2025, 1, 31)) == -(250_000 + 142_857)
    # February missed: March catches it up (two months), nothing twice
    march = month_end_run.month_end(db, actor, D(2025, 3, 31), today=TODAY)
    assert march.depreciation == 2 * (250_000 + 142_857)
    assert _balance(db, "1.39", D(2025, 3, 31)) == -3 * (250_000 + 142_857)


def test_month_not_ended_refused(db, actor, three):
    with pytest.raises(ValidationError):
        fa_depreciation.depreciate_month(db, actor, 2026, 6, today=TODAY)
    assert _entries(db, "penyusutan") == 0


def test_sale_with_gain_and_scrapping_with_loss(db, actor, three):
    komputer, motor, _ = three
    for m in range(1, 13):
        fa_depreciation.depreciate_month(db, actor, 2025, m, today=TODAY)
    # sold 15/02/2026 for 7.250.000: January's 250.000 still owed -> accumulated 3.250.000,
    # book value 6.750.000, gain 500.000
    sale = fa_disposal.dispose(db, actor, komputer.id, D(2026, 2, 15), 7_250_000, "bank")
    assert (sale.accumulated, sale.book_value, sale.gain) == (3_250_000, 6_750_000, 500_000)
    assert _balance(db, "4.90", D(2026, 2, 28)) == 500_000
    assert _balance(db, "5.30", D(2026, 2, 28)) == 4_000_000 + 250_000
    # the fully depreciated motor scrapped for nothing: no loss; sold cheap from a fresh one:
    scrap = fa_disposal.dispose(db, actor, motor.id, D(2026, 2, 20))
    assert scrap.gain == 0 and scrap.book_value == 0
    printer = fa.add_asset(
        db, actor, fa.AssetInput("Printer", "peralatan", D(2026, 1, 3), 2_400_000, 24, 0)
    )
    # Jan 2026 booked at disposal in March: 100.000; book value 2.300.000, sold 1.800.000
    loss = fa_disposal.dispose(db, actor, printer.id, D(2026, 3, 2), 1_800_000, "kas")
    assert (loss.accumulated, loss.book_value, loss.gain) == (200_000, 2_200_000, -400_000)
    assert _balance(db, "5.60", D(2026, 3, 31)) == 400_000
    # everything disposed of leaves nothing on 1.30/1.39 but the land
    assert _balance(db, "1.30", D(2026, 3, 31)) == 50_000_000
    assert _balance(db, "1.39", D(2026, 3, 31)) == 0
    # a month-end after the disposals books nothing on them
    assert fa_depreciation.depreciate_month(db, actor, 2026, 3, today=TODAY).amount == 0
    with pytest.raises(ValidationError):
        fa_disposal.dispose(db, actor, komputer.id, D(2026, 3, 1))
    report = run_checks(db)
    assert report.ok, report


def test_opening_asset_continues_its_schedule(db, actor):
    # building bought 1/1/2020: 120.000.000 over 240 months = 500.000 a month; at 31/12/2024
    # 60 months booked elsewhere = 30.000.000; from January 2025: 90.000.000 / 180 = 500.000
    gedung = fa.add_opening_asset(
        db,
        actor,
        fa.AssetInput("Gedung kantor", "bangunan", D(2020, 1, 1), 120_000_000, 240, 0, "Pusat"),
        D(2024, 12, 31),
        30_000_000,
    )
    assert gedung.accumulated == 30_000_000
    assert _balance(db, "3.99", D(2024, 12, 31)) == 90_000_000
    assert _balance(db, "1.39", D(2024, 12, 31)) == -30_000_000
    assert fa_depreciation.depreciate_month(db, actor, 2024, 12, today=TODAY).amount == 0
    run = fa_depreciation.depreciate_month(db, actor, 2025, 1, today=TODAY)
    assert run.amount == 500_000
    [row] = fa.register(db, D(2025, 1, 31), actor)
    assert (row.accumulated, row.book_value) == (30_500_000, 89_500_000)


def test_bad_input_writes_nothing(db, actor):
    _fund(db, actor)
    bad = [
        fa.AssetInput("X", "peralatan", D(2025, 1, 1), 1_000_000, 12, 2_000_000),  # residual
        fa.AssetInput("X", "mesin", D(2025, 1, 1), 1_000_000, 12),  # group
        fa.AssetInput("X", "peralatan", D(2025, 1, 1), 1_000_000, 0),  # life
        fa.AssetInput("", "peralatan", D(2025, 1, 1), 1_000_000, 12),  # name
        fa.AssetInput("X", "peralatan", D(2025, 1, 1), 0, 12),  # cost
        fa.AssetInput("X", "peralatan", D(2025, 1, 1), 1_000_000, 12, paid_from="giro"),
        fa.AssetInput("X", "peralatan", D(2099, 1, 1), 1_000_000, 12),  # future posting
    ]
    fields = []
    for data in bad:
        with pytest.raises(ValidationError) as e:
            fa.add_asset(db, actor, data)
        fields.append(e.value.field)
    assert fields == ["residual", "asset_group", "life_months", "name", "cost", "paid_from", "date"]
    with read_only(db) as s:
        assert s.scalar(select(func.count(FixedAsset.id))) == 0
    assert _entries(db, "aset_tetap") == 0
    assert "Nilai sisa" in ValidationError("residual", "fa_residual_above_cost").message("id")


def test_roles(db, actor):
    _fund(db, actor)
    fa.add_asset(db, BENDAHARA, KOMPUTER)
    assert len(fa.register(db, D(2025, 12, 31), PENGAWAS)) == 1
    with pytest.raises(PermissionDenied):
        fa.add_asset(db, PENGAWAS, MOTOR)
    with pytest.raises(PermissionDenied):
        fa_depreciation.depreciate_month(db, PENGAWAS, 2025, 1, today=TODAY)
    with pytest.raises(PermissionDenied):
        fa.register(db, D(2025, 12, 31), KETUA)


def test_moving_in_import_all_or_nothing(db, actor, tmp_path):
    from openpyxl import load_workbook

    from koperasi.exchange.fixed_assets_import import import_opening_assets, write_template

    path = write_template(tmp_path / "aset.xlsx")
    wb = load_workbook(path)
    wb.active.append(
        ["GD-01", "Gedung", "bangunan", D(2020, 1, 1), 120_000_000, 240, 0, "", 30_000_000]
    )
    wb.active.append(["", "Kursi", "peralatan", D(2024, 1, 1), 1_000_000, 12, 0, "", 2_000_000])
    wb.save(path)
    rep = import_opening_assets(db, actor, path, D(2024, 12, 31))
    assert not rep.written and [(r, e.code) for r, _c, e in rep.errors] == [
        (3, "fa_accumulated_too_large")
    ]
    assert fa.register(db, D(2025, 1, 1), actor) == []
    assert _entries(db, "aset_tetap") == 0  # the good first row was not written either
    wb.active.delete_rows(3)
    wb.save(path)
    rep = import_opening_assets(db, actor, path, D(2024, 12, 31))
    assert rep.written and rep.rows == 1
    [row] = fa.register(db, D(2024, 12, 31), actor)
    assert (row.code, row.accumulated, row.book_value) == ("GD-01", 30_000_000, 90_000_000)
    assert _balance(db, "3.99", D(2024, 12, 31)) == 90_000_000


def test_check_finds_the_ledger_off_the_register(db, actor, three):
    assert run_checks(db).ok
    ledger.add_manual_entry(
        db, actor, D(2025, 2, 1), "Kursi dibukukan di luar daftar aset",
        [Line("1.30", debit=500_000), Line("1.01", credit=500_000)],
    )  # fmt: skip
    problems = run_checks(db).problems
    assert [(p.check, p.ref) for p in problems] == [("fixed_assets", "1.30")]
    assert "Rp61.500.000" in problems[0].message_id and "Rp61.000.000" in problems[0].message_id


def test_group_sub_accounts_from_the_setting(db, actor):
    from koperasi.services import settings

    _fund(db, actor)
    chart_of_accounts.add_account(db, actor, "1.33", "Kendaraan", "asset", parent_code="1.30")
    chart_of_accounts.add_account(db, actor, "1.393", "Akumulasi Penyusutan Kendaraan", "asset")
    chart_of_accounts.add_account(db, actor, "5.33", "Beban Penyusutan Kendaraan", "expense")
    settings.put(
        db, actor, "fixed_asset_accounts",
        {"kendaraan": {"asset": "1.33", "accumulated": "1.393", "expense": "5.33"},
         "peralatan": {"asset": "9.99"}},  # an account that does not exist: the seeded one
    )  # fmt: skip
    fa.add_asset(db, actor, MOTOR)
    fa.add_asset(db, actor, KOMPUTER)
    fa_depreciation.depreciate_month(db, actor, 2025, 1, today=TODAY)
    as_of = D(2025, 1, 31)
    assert (_balance(db, "1.33", as_of), _balance(db, "1.30", as_of)) == (1_000_000, 10_000_000)
    assert _balance(db, "1.393", as_of) == -142_857 and _balance(db, "5.33", as_of) == 142_857
    assert _balance(db, "1.39", as_of) == -250_000 and _balance(db, "5.30", as_of) == 250_000
    assert run_checks(db).ok

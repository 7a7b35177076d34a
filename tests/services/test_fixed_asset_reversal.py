"""Reversing a fixed-asset entry recorded by mistake (SQLite and PostgreSQL): a disposal
(the asset back in use, depreciated again by the next month-end), an acquisition (the asset
out of the register, its booked depreciation written back), both from the journal's reverse
too; the books stay checked; a bank-reconciled acquisition is locked until unmatched."""

from __future__ import annotations

import datetime as dt

import pytest

from koperasi.errors import PermissionDenied, ValidationError
from koperasi.exchange.bank_statement import import_statement, write_sample
from koperasi.services import bank, bank_lists, bank_matching, ledger
from koperasi.services import fixed_asset_depreciation as fa_depreciation
from koperasi.services import fixed_asset_disposal as fa_disposal
from koperasi.services import fixed_assets as fa
from koperasi.services.auth import Actor, Role
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only

D = dt.date
TODAY = D(2026, 6, 1)


def _bal(db, code, as_of):
    with read_only(db) as s:
        return ledger.balance(s, code, as_of)


@pytest.fixture
def laptop(db, actor):
    ledger.add_manual_entry(
        db,
        actor,
        D(2025, 1, 2),
        "Hibah",
        [
            Line("1.01", debit=50_000_000),
            Line("1.02", debit=50_000_000),
            Line("3.13", credit=100_000_000),
        ],
    )
    # 12.000.000 over 48 months = 250.000 a month
    row = fa.add_asset(
        db, actor, fa.AssetInput("Laptop", "peralatan", D(2025, 1, 10), 12_000_000, 48)
    )
    for m in (1, 2, 3):
        fa_depreciation.depreciate_month(db, actor, 2025, m, today=TODAY)
    return row


def test_reverse_a_disposal_then_the_acquisition(db, actor, laptop):
    sale = fa_disposal.dispose(db, actor, laptop.id, D(2025, 5, 10), 13_000_000)
    assert sale.accumulated == 4 * 250_000 and sale.gain == 13_000_000 - 11_000_000
    assert _bal(db, "4.90", D(2025, 5, 31)) == 2_000_000
    with pytest.raises(ValidationError) as err:
        fa.reverse(db, actor, laptop.id, "acquisition", D(2025, 5, 20), "salah")
    assert err.value.code == "fa_reverse_disposal_first"
    with pytest.raises(ValidationError):
        fa.reverse(db, actor, laptop.id, "disposal", D(2025, 5, 20), " ")  # a reason is required
    rev = fa.reverse(db, actor, laptop.id, "disposal", D(2025, 5, 20), "belum jadi dijual")
    assert rev.what == "disposal"
    assert _bal(db, "4.90", D(2025, 5, 31)) == 0
    assert _bal(db, "1.01", D(2025, 5, 31)) == 50_000_000 - 12_000_000  # the sale undone
    [row] = fa.register(db, D(2025, 5, 31))
    assert row.disposed_on is None and row.accumulated == 3 * 250_000  # April's catch-up undone
    # the next month-end catches April and May up
    assert fa_depreciation.depreciate_month(db, actor, 2025, 5, today=TODAY).amount == 2 * 250_000
    assert run_checks(db, actor).ok, run_checks(db, actor).problems
    # now the acquisition: out of the register, its depreciation written back
    rev = fa.reverse(db, actor, laptop.id, "acquisition", D(2025, 6, 2), "dobel dicatat")
    assert rev.depreciation_written_back == 5 * 250_000
    assert fa.register(db, D(2025, 6, 30)) == []
    assert [r.code for r in fa.register(db, D(2025, 5, 31))] == ["AT-0001"]  # history kept
    for code in ("1.30", "1.39"):
        assert _bal(db, code, D(2025, 6, 30)) == 0
    assert _bal(db, "5.30", D(2025, 12, 31)) == 0
    assert _bal(db, "1.01", D(2025, 6, 30)) == 50_000_000
    assert fa_depreciation.depreciate_month(db, actor, 2025, 6, today=TODAY).amount == 0
    with pytest.raises(ValidationError) as err:
        fa_disposal.dispose(db, actor, laptop.id, D(2025, 7, 1))
    assert err.value.code == "fa_cancelled"
    with pytest.raises(ValidationError):
        fa.reverse(db, actor, laptop.id, "acquisition", D(2025, 6, 3), "lagi")
    assert run_checks(db, actor).ok, run_checks(db, actor).problems


def test_journal_reverse_routes_to_the_register_and_the_bank_lock(db, actor, laptop, tmp_path):
    with pytest.raises(PermissionDenied):
        fa.reverse(db, Actor("awas", Role.PENGAWAS), laptop.id, "acquisition", D(2025, 4, 1), "x")
    # an acquisition paid from the bank and reconciled is locked until unmatched
    acct = bank.add_bank_account(db, actor, "BRI", "bri", account_code="1.02")
    bought = fa.add_asset(
        db,
        actor,
        fa.AssetInput("Printer", "peralatan", D(2025, 2, 1), 2_400_000, 24, 0, "", "bank"),
    )
    rows = [
        (D(2025, 1, 2), "SETORAN", 50_000_000, 50_000_000),
        (D(2025, 2, 1), "TOKO PRINTER", -2_400_000, 47_600_000),
    ]
    import_statement(db, actor, acct.code, write_sample(tmp_path / "s.csv", "bri", rows))
    assert bank_matching.auto_match(db, actor, acct.code).matched == 2
    with read_only(db) as s:
        from koperasi.db.models import FixedAsset

        entry = s.get(FixedAsset, bought.id).acquisition_entry_id
    with pytest.raises(ValidationError) as err:
        ledger.reverse_entry(db, actor, entry, D(2025, 4, 1), "salah beli")
    assert err.value.code == "bank_reconciled"
    line = next(x for x in bank_lists.statement_lines(db, acct.code) if x.amount == -2_400_000)
    bank_matching.unmatch(db, actor, line.id)
    view = ledger.reverse_entry(db, actor, entry, D(2025, 4, 1), "salah beli")
    assert view.reverses_entry_id == entry
    assert [r.code for r in fa.register(db, D(2025, 4, 30))] == ["AT-0001"]
    assert run_checks(db, actor).ok, run_checks(db, actor).problems

"""The audit workbook carries the fixed-asset register, its depreciation, the bank accounts,
their statements and the reconciliation matches: written, read back by ``import
audit-workbook`` (SQLite and PostgreSQL), and the restored books give the same balances, the
same register and the same reconciliation."""

from __future__ import annotations

import datetime as dt

from koperasi.db.database import open_database
from koperasi.exchange import export_auditor, run_import
from koperasi.exchange.bank_statement import import_statement, write_sample
from koperasi.services import bank, bank_lists, bank_matching, ledger, trial_balances
from koperasi.services import bank_reconciliation as bank_recon
from koperasi.services import fixed_asset_depreciation as fa_depreciation
from koperasi.services import fixed_asset_disposal as fa_disposal
from koperasi.services import fixed_assets as fa
from koperasi.services.auth import SYSTEM
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line

D = dt.date
NOW = dt.datetime(2026, 11, 1, 8, 0, 0)


def _books(path):
    db = open_database(path)
    a = bank.add_bank_account(db, SYSTEM, "BRI Operasional", "bri", "0123", account_code="1.02")
    for date, text, dr, cr, amount in (
        (D(2025, 1, 2), "Hibah", "1.02", "3.13", 80_000_000),
        (D(2025, 1, 2), "Kas", "1.01", "3.13", 20_000_000),
        (D(2025, 2, 3), "Listrik", "5.11", "1.02", 1_250_000),
    ):
        ledger.add_manual_entry(
            db, SYSTEM, date, text, [Line(dr, debit=amount), Line(cr, credit=amount)]
        )
    fa.add_asset(
        db,
        SYSTEM,
        fa.AssetInput("Komputer", "peralatan", D(2025, 1, 10), 12_000_000, 48, 0, "", "bank"),
    )
    motor = fa.add_asset(
        db, SYSTEM, fa.AssetInput("Motor", "kendaraan", D(2025, 1, 5), 18_000_000, 60)
    )
    for m in range(1, 7):
        fa_depreciation.depreciate_month(db, SYSTEM, 2025, m, today=D(2026, 6, 1))
    fa_disposal.dispose(db, SYSTEM, motor.id, D(2025, 7, 10), 16_000_000, "kas")
    rows = [
        (D(2025, 1, 2), "SETORAN", 80_000_000, 80_000_000),
        (D(2025, 1, 10), "TOKO KOMPUTER", -12_000_000, 68_000_000),
        (D(2025, 2, 4), "PLN", -1_250_000, 66_750_000),
        (D(2025, 2, 28), "BIAYA ADM", -15_000, 66_735_000),
    ]
    import_statement(db, SYSTEM, a.code, write_sample(path.parent / "s.csv", "bca", rows))
    bank_matching.auto_match(db, SYSTEM, a.code)
    fee = bank_lists.statement_lines(db, a.code, unmatched_only=True)[0]
    bank_matching.post_statement_line(db, SYSTEM, fee.id, "biaya")
    return db


def test_fixed_assets_and_bank_round_trip(db, actor, tmp_path):
    books = _books(tmp_path / "src.db")
    first = export_auditor(books, tmp_path / "a.xlsx", now=NOW)
    assert first.rows["Aset Tetap"] == 2 and first.rows["Penyusutan Aset"] == 6 + 6
    assert first.rows["Rekening Koran"] == 4 and first.rows["Cocok Bank"] == 4
    rep = run_import(db, actor, "audit-workbook", first.path)
    assert rep.committed and not rep.has_errors, rep.error_lines()
    second = export_auditor(db, tmp_path / "b.xlsx", now=NOW)
    for title, digest in first.digests.items():
        assert second.digests[title] == digest, f"sheet {title} differs after the round trip"
    assert run_checks(db).ok, run_checks(db).problems
    far = D(2100, 1, 1)
    assert trial_balances.trial_balance(db, far) == trial_balances.trial_balance(books, far)
    assert fa.register(db, far, include_disposed=True) == fa.register(
        books, far, include_disposed=True
    )
    r1 = bank_recon.reconciliation(books, "BANK-1", D(2025, 2, 28))
    r2 = bank_recon.reconciliation(db, "BANK-1", D(2025, 2, 28))
    assert r1 == r2 and r2.reconciled and r2.book_balance == 66_735_000
    # the restored books go on: the lock holds, a new statement line is a duplicate
    assert import_statement(
        db,
        actor,
        "BANK-1",
        write_sample(
            tmp_path / "again.csv", "bca", [(D(2025, 2, 28), "BIAYA ADM", -15_000, 66_735_000)]
        ),
    ).duplicates == [5]


def test_a_match_to_a_missing_journal_line_is_refused(sqlite_db, actor, tmp_path):
    from openpyxl import load_workbook

    books = _books(tmp_path / "src.db")
    first = export_auditor(books, tmp_path / "a.xlsx", now=NOW)
    wb = load_workbook(first.path)
    ws = wb["Cocok Bank"]
    ws.cell(2, 3).value = 999_999
    wb.save(tmp_path / "bad.xlsx")
    rep = run_import(sqlite_db, actor, "audit-workbook", tmp_path / "bad.xlsx")
    assert not rep.committed  # the sheet's hash no longer matches: refused whole

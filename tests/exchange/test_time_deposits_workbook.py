"""The audit workbook carries the time deposits: products, deposits and their movements
restore with the same balances (2.11 and 2.12 equal to the deposits again, `koperasi
check` green), and a deposit placed after the restore continues the bilyet numbers."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from helpers import member_input
from openpyxl import load_workbook

from koperasi.exchange import export_auditor, run_import
from koperasi.services import members, savings, trial_balances
from koperasi.services import time_deposit_products as td_products
from koperasi.services import time_deposit_reads as td_reads
from koperasi.services import time_deposit_runs as td_runs
from koperasi.services import time_deposit_withdrawals as td_withdrawals
from koperasi.services import time_deposits as td
from koperasi.services.check import run_checks

D = dt.date
TODAY = D(2026, 6, 15)


def _books(db, actor):
    m = members.register_member(db, actor, member_input())
    savings.deposit(db, actor, m.number, "SUKARELA", 5_000_000, D(2025, 1, 10))
    td_products.save_product(
        db, actor, td.ProductInput("B3", "Berjangka 3", 3, Decimal(6), "bulanan")
    )
    td_products.save_product(
        db, actor, td.ProductInput("B6", "Berjangka 6", 6, Decimal(6), "jatuh_tempo", 0, Decimal(1))
    )
    td.place(db, actor, m.number, "B3", 10_000_000, D(2025, 1, 15), instruction="aro")
    td.place(db, actor, m.number, "B6", 60_000_000, D(2025, 1, 31), instruction="aro_plus")
    early = td.place(db, actor, m.number, "B6", 2_000_000, D(2025, 2, 1), source="sukarela")
    for month in range(1, 10):
        td_runs.run_month(db, actor, 2025, month, today=TODAY)
    td_withdrawals.withdraw(db, actor, early.number, D(2025, 10, 3))
    return m.number


def test_time_deposits_round_trip(db, actor, tmp_path):
    from koperasi.db.database import open_database

    sqlite_db = open_database(tmp_path / "source.db")
    number = _books(sqlite_db, actor)
    first = export_auditor(sqlite_db, tmp_path / "a.xlsx")
    wb = load_workbook(first.path, read_only=True)
    assert {"Produk Simpanan Berjangka", "Simpanan Berjangka", "Mutasi Simpanan Berjangka"} <= set(
        wb.sheetnames
    )
    rows = list(wb["Simpanan Berjangka"].iter_rows(min_row=2, values_only=True))
    assert [r[1] for r in rows] == ["SB-2025-00001", "SB-2025-00002", "SB-2025-00003"]
    wb.close()
    rep = run_import(db, actor, "audit-workbook", first.path)
    assert rep.committed and not rep.has_errors, rep.error_lines()
    second = export_auditor(db, tmp_path / "b.xlsx")
    for title, digest in first.digests.items():
        assert second.digests[title] == digest, f"sheet {title} differs after the round trip"
    as_of = D(2100, 1, 1)
    assert trial_balances.trial_balance(db, as_of) == trial_balances.trial_balance(sqlite_db, as_of)
    assert run_checks(db, anchor=False).ok
    before = {v.number: v for v in td_reads.list_deposits(sqlite_db, status=None)}
    after = {v.number: v for v in td_reads.list_deposits(db, status=None)}
    assert after == before and after["SB-2025-00002"].principal == 61_620_000
    # the restored books go on
    new = td.place(db, actor, number, "B3", 1_000_000, D(2025, 11, 3))
    assert new.number == "SB-2025-00004"
    td_runs.run_month(db, actor, 2025, 10, today=TODAY)
    assert run_checks(db, anchor=False).ok
    sqlite_db.dispose()

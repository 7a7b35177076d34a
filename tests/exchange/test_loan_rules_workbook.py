"""The audit workbook carries collateral, its log and guarantors (issue 17): the round trip
gives the same sheets, balances and collateral register."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input

from koperasi.db.database import open_database
from koperasi.exchange import export_auditor, run_import
from koperasi.services import members, savings, trial_balances
from koperasi.services.check import run_checks
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import collateral
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views
from koperasi.services.loans.collateral import CollateralInput

D = dt.date
NOW = dt.datetime(2026, 11, 1, 8, 0, 0)


def books(db, actor) -> None:  # type: ignore[no-untyped-def]
    add_product(
        db,
        actor,
        ProductInput(
            "JAMIN",
            "Pinjaman Berjaminan",
            collateral_above=1_000_000,
            cover_ratio=Decimal(100),
            allocation_order="principal_first",
        ),
    )
    people = []
    for n in (1, 2, 3):
        m = members.register_member(db, actor, member_input(name=f"Anggota {n}", n=n))
        savings.deposit(db, actor, m.number, "POKOK", 300_000, D(2025, 1, 6))
        people.append(m)
    for n, (borrower, guarantor) in enumerate(((people[0], people[1]), (people[1], people[2]))):
        number = loan_applications.apply(
            db,
            actor,
            loan_applications.ApplyInput(
                borrower.number,
                "JAMIN",
                2_000_000,
                4,
                D(2025, 2, 3),
                "modal",
                collateral_items=(
                    CollateralInput("sertifikat", f"SHM no. {n + 10}", 5_000_000, f"SHM-{n}"),
                ),
                guarantors=((guarantor.number, "saudara"),),
            ),
        ).number
        loan_applications.approve(db, actor, number, D(2025, 2, 3))
        loan_applications.disburse(db, actor, number, D(2025, 2, 3))
        if n == 0:
            q = loan_repayments.payoff_quote(db, number, D(2025, 3, 3))
            loan_repayments.payoff(db, actor, number, D(2025, 3, 3), expected=q.total)
            collateral.return_collateral(db, actor, number, D(2025, 3, 4))


@pytest.fixture
def source(tmp_path):  # type: ignore[no-untyped-def]
    database = open_database(tmp_path / "source.db")
    yield database
    database.dispose()


def test_round_trip_keeps_collateral_and_guarantors(source, db, actor, tmp_path):
    sqlite_db = source
    books(sqlite_db, actor)
    first = export_auditor(sqlite_db, tmp_path / "a.xlsx", now=NOW)
    assert first.rows["Jaminan"] == 2 and first.rows["Log Jaminan"] == 3
    assert first.rows["Penjamin"] == 2
    rep = run_import(db, actor, "audit-workbook", first.path)
    assert rep.committed and not rep.has_errors, rep.error_lines()
    second = export_auditor(db, tmp_path / "b.xlsx", now=NOW)
    for title, digest in first.digests.items():
        assert second.digests[title] == digest, f"sheet {title} differs after the round trip"
    as_of = D(2100, 1, 1)
    assert trial_balances.trial_balance(db, as_of) == trial_balances.trial_balance(sqlite_db, as_of)
    assert run_checks(db).ok
    held = collateral.register(db)
    assert [(c.description, c.value) for c in held] == [("SHM no. 11", 5_000_000)]
    assert [e.total for e in collateral.guarantee_report(db)] == [2_000_000]
    # the restored books go on: the next hand-over letter number follows
    [loan] = [x for x in loan_views.list_loans(db) if x.status == "aktif"]
    q = loan_repayments.payoff_quote(db, loan.number, D(2025, 3, 10))
    loan_repayments.payoff(db, actor, loan.number, D(2025, 3, 10), expected=q.total)
    back = collateral.return_collateral(db, actor, loan.number, D(2025, 3, 11))
    assert back[0].handover_no == "SSJ-2025-00002"

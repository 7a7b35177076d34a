"""Issue 17 papers and lists: the collateral hand-over letter (refused before the
hand-over), the agreement naming the collateral and guarantors, the collateral register,
the guarantors' exposure and the lending-limit breaches, on SQLite and PostgreSQL."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input
from openpyxl import load_workbook
from report_helpers import pdf_text

from koperasi.errors import PermissionDenied, ValidationError
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import lending_rules, members, savings, settings
from koperasi.services.auth import Actor, Role
from koperasi.services.lending_rules import LendingRules
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import collateral
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans.collateral import CollateralInput

D = dt.date


def _flat(text: str) -> str:
    return " ".join(text.split())


def _books(db, actor):  # type: ignore[no-untyped-def]
    settings.save_profile(
        db,
        actor,
        settings.Profile(name="KSP Maju Bersama", chair="Siti Ketua", treasurer="Dewi Bendahara"),
    )
    add_product(
        db,
        actor,
        ProductInput(
            "JAMIN", "Pinjaman Berjaminan", rate=Decimal("1.5"), collateral_above=1_000_000
        ),
    )
    people = []
    for n in (1, 2):
        m = members.register_member(db, actor, member_input(name=f"Anggota {n}", n=n))
        savings.deposit(db, actor, m.number, "POKOK", 300_000, D(2025, 1, 6))
        people.append(m)
    number = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(
            people[0].number,
            "JAMIN",
            3_000_000,
            6,
            D(2025, 2, 3),
            "modal warung",
            collateral_items=(
                CollateralInput(
                    "bpkb", "BPKB Honda Beat 2021 KT 1234 AB", 4_000_000, "M-0012345", "Anggota 1"
                ),
                CollateralInput("emas", "Kalung emas 10 gram", 1_000_000),
            ),
            guarantors=((people[1].number, "saudara"),),
        ),
    ).number
    loan_applications.approve(db, actor, number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, number, D(2025, 2, 3))
    return number, people


def test_handover_letter_and_agreement_with_collateral(db, actor, tmp_path):
    number, people = _books(db, actor)
    agreement = registry.build(db, "perjanjian-pinjaman", ReportParams(loan=number))
    text = _flat(pdf_text(registry.render(agreement, tmp_path / "agreement.pdf", "pdf")))
    assert (
        "BPKB kendaraan: BPKB Honda Beat 2021 KT 1234 AB (nomor M-0012345), nilai Rp4.000.000"
        in text
    )
    assert "Emas: Kalung emas 10 gram, nilai Rp1.000.000" in text
    assert f"Penjamin: Anggota 2 ({people[1].number}, saudara)" in text
    with pytest.raises(ValidationError) as e:
        registry.build(db, "serah-terima-jaminan", ReportParams(loan=number))
    assert e.value.code == "collateral_not_returned"
    q = loan_repayments.payoff_quote(db, number, D(2025, 3, 3))
    loan_repayments.payoff(db, actor, number, D(2025, 3, 3), expected=q.total)
    collateral.return_collateral(db, actor, number, D(2025, 3, 4))
    letter = registry.build(db, "serah-terima-jaminan", ReportParams(loan=number))
    pdf = registry.render(letter, tmp_path / "serah-terima.pdf", "pdf")
    text = _flat(pdf_text(pdf))
    assert "SURAT SERAH TERIMA JAMINAN" in text and "SSJ-2025-00001" in text
    assert "4 Maret 2025" in text and "Rp5.000.000" in text and "M-0012345" in text
    assert "telah lunas pada tanggal 3 Maret 2025" in text
    english = _flat(pdf_text(registry.render(letter, tmp_path / "en.pdf", "pdf", lang="en")))
    assert "COLLATERAL HAND-OVER LETTER" in english and "Vehicle title (BPKB)" in english
    # the same letter by its number
    again = registry.build(db, "serah-terima-jaminan", ReportParams(receipt="ssj-2025-00001"))
    assert again.subtitle == letter.subtitle


def test_registers_and_breaches(db, actor, tmp_path):
    number, people = _books(db, actor)
    lending_rules.save_rules(db, actor, LendingRules(bmpp_percent=Decimal(50), breach_mode="warn"))
    register = registry.build(db, "daftar-jaminan", ReportParams(date=D(2025, 2, 28)))
    [table] = register.sections[0].tables
    assert [r.cells[-1] for r in table.rows] == [4_000_000, 1_000_000]
    path = registry.render(register, tmp_path / "jaminan.xlsx", "xlsx")
    wb = load_workbook(path, read_only=True)
    assert any(
        "M-0012345" in str(c) for row in wb.worksheets[0].iter_rows(values_only=True) for c in row
    )
    guarantees = registry.build(db, "eksposur-penjamin", ReportParams(date=D(2025, 2, 28)))
    [table] = guarantees.sections[0].tables
    assert [(r.cells[1], r.cells[-1]) for r in table.rows] == [(number, 3_000_000)]
    breaches = registry.build(db, "pelanggaran-batas", ReportParams(date=D(2025, 2, 28)))
    [table] = breaches.sections[0].tables
    assert [(r.cells[0], r.cells[4], r.cells[5]) for r in table.rows] == [
        (number, 3_000_000, 300_000)
    ]
    text = _flat(pdf_text(registry.render(breaches, tmp_path / "batas.pdf", "pdf")))
    assert "Pelanggaran Batas Pinjaman".upper() in text.upper() and "Rp600.000" in text
    ketua = Actor("ketua1", Role.KETUA, frozenset())
    with pytest.raises(PermissionDenied):
        registry.build(db, "pelanggaran-batas", ReportParams(), actor=ketua)

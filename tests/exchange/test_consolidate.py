"""Consolidation for evaluators: many audit workbooks, checked, into one programme report."""

from __future__ import annotations

import datetime as dt
import shutil

import pytest
from openpyxl import load_workbook

from koperasi import signing
from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.exchange import consolidate, export_auditor
from koperasi.exchange.consolidation_read import read_cooperative
from koperasi.services import members, trial_balances

DEMO_LEGAL = "AHU-0012345.AH.01.26.2021"  # the demo cooperative's legal number
KEYS = {}  # filled by the audit_file fixture: the programme's register


@pytest.fixture(scope="module")
def register(audit_file, tmp_path_factory):
    path = tmp_path_factory.mktemp("reg") / "kunci.txt"
    path.write_text(signing.register_line(DEMO_LEGAL, KEYS[DEMO_LEGAL]) + "\n")
    return path


@pytest.fixture(scope="module")
def audit_file(small_demo_db_path, tmp_path_factory):
    """One export of the session's small demo cooperative for the module (the tests only read
    it; what they assert does not depend on the size of the books)."""
    path = tmp_path_factory.mktemp("coop") / "ksp.xlsx"
    db = open_database(small_demo_db_path)
    try:
        result = export_auditor(db, path, date_to=dt.date(2026, 10, 31))
    finally:
        db.dispose()
    KEYS[DEMO_LEGAL] = result.public_key
    return path


def test_figures_match_the_books(small_demo_db, audit_file):
    coop = read_cooperative(audit_file)
    assert coop.ok, coop.problems("en")
    active = [m for m in members.list_members(small_demo_db, limit=10_000) if m.status == "aktif"]
    assert coop.members == len(active)
    assert coop.women == sum(m.gender == "P" for m in active)
    tb = {
        r.code: r.balance
        for r in trial_balances.trial_balance(small_demo_db, dt.date(2026, 10, 31)).rows
    }
    assert coop.savings == tb["3.10"] + tb["3.11"] + tb["2.10"] + tb["2.11"]
    assert coop.outstanding == tb["1.20"]
    assert 0 <= coop.at_risk_90 <= coop.at_risk_30 <= coop.outstanding
    assert sum(coop.by_category.values()) >= 1


def test_programme_report_lists_failures_and_totals_only_the_good(audit_file, tmp_path):
    good2 = tmp_path / "ksp-copy.xlsx"
    shutil.copy(audit_file, good2)
    tampered = tmp_path / "tampered.xlsx"
    wb = load_workbook(audit_file)
    ws = wb["Rekening Simpanan"]
    ws["L3"] = ws["L3"].value + 5
    wb.save(tampered)
    unbalanced = tmp_path / "unbalanced.xlsx"
    wb = load_workbook(audit_file)
    ws = wb["Jurnal"]
    ws["E2"] = ws["E2"].value + 100  # debit changed, hash left alone
    wb.save(unbalanced)
    junk = tmp_path / "junk.xlsx"
    junk.write_text("not a workbook")
    out = tmp_path / "program.xlsx"
    result = consolidate([audit_file, tampered, unbalanced, junk, good2], out, keys=KEYS)
    assert [c.ok for c in result.cooperatives] == [True, False, False, False, False]
    reasons = {c.path.split("/")[-1]: " ".join(c.problems("en")) for c in result.failed}
    assert "SHA-256" in reasons["tampered.xlsx"] and "3.11" in reasons["tampered.xlsx"]
    assert "does not balance" in reasons["unbalanced.xlsx"]
    assert "not an Excel workbook" in reasons["junk.xlsx"]
    assert "not counted twice" in reasons["ksp-copy.xlsx"]
    book = load_workbook(out)
    per = list(book["Per koperasi"].values)
    assert len(per) == 3  # header, the one good cooperative, total row
    failed = list(book["Koperasi yang gagal pemeriksaan"].values)
    assert len(failed) == 5 and any("tampered.xlsx" in str(r) for r in failed)


def test_pdf_report(audit_file, tmp_path):
    pypdf = pytest.importorskip("pypdf")
    out = tmp_path / "program.pdf"
    consolidate([audit_file], out, lang="en", keys=KEYS)
    text = " ".join(p.extract_text() for p in pypdf.PdfReader(out).pages)
    assert "Programme Report" in text and "PAR30" in text


def test_cli_consolidate_exit_code(audit_file, register, tmp_path, capsys):
    bad = tmp_path / "x.xlsx"
    bad.write_text("x")
    keys = ["--keys", str(register)]
    assert main(["consolidate", str(audit_file), *keys, "-o", str(tmp_path / "r.xlsx")]) == 0
    out = str(tmp_path / "r.xlsx")
    assert main(["consolidate", str(audit_file), str(bad), *keys, "-o", out]) == 1
    assert "x.xlsx" in capsys.readouterr().err
    assert main(["consolidate", str(audit_file), *keys, "-o", str(tmp_path / "r.txt")]) == 2


def test_vulnerability_outreach_counts(audit_file):
    coop = read_cooperative(audit_file)
    assert set(coop.by_category) <= set(coop.category_names)
    assert all(coop.women_by_category[k] <= v for k, v in coop.by_category.items())


def test_the_fast_reader_reads_what_openpyxl_reads(audit_file, monkeypatch):
    """python-calamine reads the audit workbook to the same canonical rows
    (the signed SHA-256s) and the same figures as openpyxl."""
    from koperasi.exchange import calamine_book
    from koperasi.exchange import consolidation_read as cr
    from koperasi.exchange.canonical import canonical_line
    from koperasi.exchange.xlsxin import Workbook

    def lines(book, title):
        out = [canonical_line(row) for row in book.iter_values(title, min_row=1)]
        return [x for x in out if x != b"[]\n"]

    with calamine_book.open_book(audit_file) as fast, Workbook(audit_file) as slow:
        assert isinstance(fast, calamine_book.FastBook)
        assert fast.sheet_names == slow.sheet_names
        for title in slow.sheet_names:
            assert lines(fast, title) == lines(slow, title), title
    keys = {DEMO_LEGAL: KEYS[DEMO_LEGAL]}
    fast_coop = read_cooperative(audit_file, keys)
    monkeypatch.setattr(cr, "open_book", Workbook)
    slow_coop = read_cooperative(audit_file, keys)
    assert fast_coop.ok and fast_coop == slow_coop

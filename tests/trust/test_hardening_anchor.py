"""Issue 22: the book's anchor (the heads of the seal and audit chains) on paper and in
workbooks: the footer of every printed report, the Info sheet of report workbooks and of
the signed audit workbook; ``check --anchor`` checks a paper against the books even when
the anchor log outside the database is gone. SQLite and PostgreSQL."""

import datetime as dt
import re

import openpyxl
import pandas as pd
import pytest
from helpers import member_input
from pypdf import PdfReader
from sqlalchemy import text

from koperasi.cli import main
from koperasi.db import sealing
from koperasi.exchange import export_auditor
from koperasi.reports import registry
from koperasi.reports.common import ReportParams
from koperasi.services import book_anchor, check, ledger, members, savings
from koperasi.services.auth import SYSTEM

D = dt.date(2025, 3, 10)
SHAPE = re.compile(r"J(\d+)-([0-9a-f]{8}) A(\d+)-([0-9a-f]{8})")


@pytest.fixture(autouse=True)
def own_key_and_anchors(tmp_path, monkeypatch):
    monkeypatch.setenv(sealing.KEY_ENV, str(tmp_path / "keys" / "seal.key"))
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / "anchors"))
    monkeypatch.setenv("KOPERASI_KEYS_DIR", str(tmp_path / "signing"))


@pytest.fixture
def books(db, actor):
    a = members.register_member(db, actor, member_input("Siti", 1))
    savings.deposit(db, actor, a.number, "SUKARELA", 500_000, D)
    ledger.add_manual_entry(
        db,
        actor,
        D,
        "Biaya listrik",
        [ledger.Line("5.11", debit=75_000), ledger.Line("1.01", credit=75_000)],
    )
    return db


def _heads(db):  # type: ignore[no-untyped-def]
    with db.engine.connect() as conn:
        e = conn.execute(text("SELECT entry_id, hash FROM journal_seals ORDER BY id DESC")).first()
        a = conn.execute(text("SELECT id, hash FROM audit_log ORDER BY id DESC")).first()
    return f"J{e[0]}-{e[1][:8]} A{a[0]}-{a[1][:8]}"


def test_the_anchor_is_the_chain_heads(books):
    anchor = book_anchor.current(books)
    assert SHAPE.fullmatch(anchor.short()) and anchor.short() == _heads(books)
    assert book_anchor.parse(anchor.short().upper().replace(" ", " · ")) == [
        ("J", anchor.entry_id, anchor.entry_hash[:8]),
        ("A", anchor.audit_id, anchor.audit_hash[:8]),
    ]
    assert book_anchor.verify(books, anchor.short()) == []


def test_printed_report_footer_and_report_workbook_carry_the_anchor(books, tmp_path):
    expected = _heads(books)
    pdf = registry.run(
        books, "neraca-saldo", ReportParams(period="2025-03"), "pdf", tmp_path / "n.pdf"
    )
    pages = [p.extract_text() for p in PdfReader(str(pdf)).pages]
    assert pages and all(f"Jangkar buku {expected}" in p for p in pages)
    en = registry.run(
        books, "neraca-saldo", ReportParams(period="2025-03"), "pdf", tmp_path / "e.pdf", lang="en"
    )
    assert f"Book anchor {expected}" in PdfReader(str(en)).pages[0].extract_text()
    xlsx = registry.run(
        books, "neraca-saldo", ReportParams(period="2025-03"), "xlsx", tmp_path / "n.xlsx"
    )
    info = openpyxl.load_workbook(xlsx, read_only=True)["Info"]
    rows = {r[0]: r[1] for r in info.iter_rows(min_row=2, max_col=2, values_only=True)}
    assert rows["Jangkar buku"] == expected
    frame = pd.read_excel(xlsx, sheet_name="Info")
    assert expected in set(frame.iloc[:, 1].astype(str))


def test_audit_workbook_info_holds_the_anchor_under_its_signature(books, tmp_path):
    from koperasi import signing
    from koperasi.exchange.consolidation_read import read_info_sheet
    from koperasi.exchange.xlsxin import Workbook

    expected = book_anchor.current(books)
    out = export_auditor(books, tmp_path / "audit.xlsx", actor=SYSTEM).path
    ws = openpyxl.load_workbook(out, read_only=True)["Info"]
    info = {r[0]: r[1] for r in ws.iter_rows(min_row=2, max_col=2, values_only=True)}
    assert info["book_anchor"] == expected.short()
    assert info["anchor_entry_hash"] == expected.entry_hash
    assert info["anchor_audit_id"] == str(expected.audit_id)
    frame = pd.read_excel(out, sheet_name="Info", header=0)
    assert expected.short() in set(frame["value"].astype(str))
    # the anchor rows are signed with the rest of the Info sheet
    key = signing.load_or_create("")
    with Workbook(out) as wb:
        read, digest, signatures = read_info_sheet(wb)
    assert read["book_anchor"] == expected.short()
    assert signing.verify(key.public, signatures[0], signing.signed_message(digest))


def test_check_anchor_finds_a_cut_tail_even_without_the_anchor_log(books, tmp_path, monkeypatch):
    paper = book_anchor.current(books).short()
    assert check.run_checks(books).ok
    # the anchor log is gone too (another PC, a wiped profile) ...
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / "elsewhere"))
    # ... and the newest audit row is deleted behind the app's back
    aid = int(paper.split()[1][1:].split("-")[0])
    with books.engine.begin() as conn:
        conn.execute(text("DELETE FROM audit_log WHERE id = :i"), {"i": aid})
    mismatch = book_anchor.verify(books, paper)
    assert [(m.kind, m.row_id, m.found) for m in mismatch] == [("A", aid, None)]
    assert f"#{aid}" in mismatch[0].message("id") and "dihapus" in mismatch[0].message("id")


def test_cli_check_anchor(sqlite_db, actor, capsys, tmp_path, monkeypatch):
    db = sqlite_db
    m = members.register_member(db, actor, member_input("Rina", 2))
    savings.deposit(db, actor, m.number, "SUKARELA", 200_000, D)
    paper = book_anchor.current(db).short()
    path = str(db.sqlite_path)
    assert main(["--db", path, "check", "--anchor", paper]) == 0
    assert f"Jangkar buku: {paper}" in capsys.readouterr().out
    assert main(["--db", path, "check", "--anchor", "J12-zz"]) == 2
    assert "Jangkar buku 'J12-zz'" in capsys.readouterr().err
    # a paper whose entry was rewritten since it was printed
    eid = int(paper.split()[0][1:].split("-")[0])
    monkeypatch.setenv(sealing.ANCHOR_ENV, str(tmp_path / "elsewhere"))
    with db.engine.begin() as conn:
        conn.execute(
            text("UPDATE journal_seals SET hash = :h WHERE entry_id = :e"),
            {"h": "0" * 64, "e": eid},
        )
    assert main(["--db", path, "--lang", "en", "check", "--anchor", paper]) == 1
    out = capsys.readouterr().out
    assert "[paper_anchor]" in out and f"Journal entry #{eid}" in out and "rewritten" in out

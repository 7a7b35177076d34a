"""Bank accounts and reconciliation on SQLite and PostgreSQL: a statement with matched,
unmatched and duplicate lines reconciles to the bank balance; unmatched items posted from
the statement (charges, interest, tax) balance; manual matching; the lock on reversing a
reconciled entry; all-or-nothing import; who may do what."""

from __future__ import annotations

import datetime as dt

import pytest
from sqlalchemy import func, select

from koperasi.db.models import BankMatch, BankStatementLine
from koperasi.errors import NotFound, PermissionDenied, ValidationError
from koperasi.exchange.bank_statement import import_statement, write_sample
from koperasi.services import bank, bank_lists, bank_matching, ledger
from koperasi.services import bank_reconciliation as bank_recon
from koperasi.services.auth import Actor, Role
from koperasi.services.check import run_checks
from koperasi.services.ledger import Line
from koperasi.services.uow import read_only

D = dt.date
PENGAWAS = Actor("pak-awas", Role.PENGAWAS)
KETUA = Actor("ketua-k01", Role.KETUA)
BENDAHARA = Actor("bu-bendahara", Role.BENDAHARA)

FEBRUARY = [
    (D(2025, 1, 2), "SETORAN AWAL HIBAH", 50_000_000, 50_000_000),
    (D(2025, 2, 4), "PLN POSTPAID 5123", -1_250_000, 48_750_000),
    (D(2025, 2, 12), "SETORAN TUNAI", 10_000_000, 58_750_000),
    (D(2025, 2, 28), "BIAYA ADM", -15_000, 58_735_000),
    (D(2025, 2, 28), "BUNGA", 25_000, 58_760_000),
    (D(2025, 2, 28), "PAJAK BUNGA", -5_000, 58_755_000),
]
MARCH = [
    (D(2025, 3, 3), "SETORAN TUNAI", 2_000_000, 60_755_000),  # the deposit in transit
]


def _manual(db, actor, date, text, debit, credit, amount):
    return ledger.add_manual_entry(
        db, actor, date, text, [Line(debit, debit=amount), Line(credit, credit=amount)]
    )


@pytest.fixture
def books(db, actor):
    """A bank account (sub-account 1.02.01) and February's book entries on it."""
    acct = bank.add_bank_account(db, actor, "BRI Operasional", "bri", "0123-01-000001-30-5")
    assert acct.account_code == "1.02.01" and acct.code == "BANK-1"
    b = acct.account_code
    e = {}
    e["hibah"] = _manual(db, actor, D(2025, 1, 2), "Hibah awal", b, "3.13", 50_000_000)
    _manual(db, actor, D(2025, 1, 2), "Kas awal", "1.01", "3.13", 20_000_000)
    e["pln"] = _manual(db, actor, D(2025, 2, 3), "Listrik Januari", "5.11", b, 1_250_000)
    e["setor"] = _manual(db, actor, D(2025, 2, 10), "Setor kas ke bank", b, "1.01", 10_000_000)
    e["gaji"] = _manual(db, actor, D(2025, 2, 27), "Gaji Februari (cek)", "5.14", b, 3_000_000)
    e["transit"] = _manual(db, actor, D(2025, 2, 28), "Setor kas ke bank", b, "1.01", 2_000_000)
    return acct, e


def _lines(db):
    with read_only(db) as s:
        return s.scalar(select(func.count(BankStatementLine.id)))


def test_statement_with_matched_unmatched_and_duplicate_lines_reconciles(
    db, actor, books, tmp_path
):
    acct, e = books
    rep = import_statement(
        db, actor, acct.code, write_sample(tmp_path / "feb.csv", "bri", FEBRUARY)
    )
    assert rep.ok and rep.written and rep.imported == 6 and rep.duplicates == []
    assert rep.first_date == D(2025, 1, 2) and rep.last_date == D(2025, 2, 28)
    assert bank.get_bank_account(db, acct.code, actor).layout["debit"] == "Debet"  # saved
    # the next statement overlaps February: those lines are duplicates, only March is new
    both = write_sample(tmp_path / "feb-mar.csv", "bri", FEBRUARY[1:] + MARCH)
    dry = import_statement(db, actor, acct.code, both, dry_run=True)
    assert dry.imported == 1 and dry.duplicates == [2, 3, 4, 5, 6] and not dry.written
    assert _lines(db) == 6
    rep = import_statement(db, actor, acct.code, both)
    assert rep.imported == 1 and len(rep.duplicates) == 5 and _lines(db) == 7
    again = import_statement(db, actor, acct.code, both)
    assert again.imported == 0 and len(again.duplicates) == 6

    run = bank_matching.auto_match(db, actor, acct.code)
    assert run.matched == 4  # hibah, PLN (a day later), deposit (two days), March deposit
    unmatched = bank_lists.statement_lines(db, acct.code, actor, unmatched_only=True)
    assert [x.description for x in unmatched] == ["BIAYA ADM", "BUNGA", "PAJAK BUNGA"]
    open_book = bank_lists.book_lines(db, acct.code, actor, unmatched_only=True)
    assert [x.amount for x in open_book] == [-3_000_000]  # the cheque not yet cashed

    r = bank_recon.reconciliation(db, acct.code, D(2025, 2, 28), actor)
    assert r.book_balance == 50_000_000 - 1_250_000 + 10_000_000 - 3_000_000 + 2_000_000
    assert r.statement_balance == 58_755_000 and r.statement_date == D(2025, 2, 28)
    assert [i.amount for i in r.in_transit] == [2_000_000]  # on the statement only in March
    assert [i.amount for i in r.outstanding] == [-3_000_000]
    assert [i.amount for i in r.unrecorded] == [-15_000, 25_000, -5_000]
    assert r.adjusted_bank == 58_755_000 + 2_000_000 - 3_000_000 == 57_755_000
    assert r.adjusted_book == 57_750_000 - 15_000 + 25_000 - 5_000 == 57_755_000
    assert r.difference == 0 and r.reconciled

    # the unmatched items posted from the statement: balanced entries, matched at once
    kinds = {"BIAYA ADM": "biaya", "BUNGA": "bunga", "PAJAK BUNGA": "pajak"}
    for x in unmatched:
        posted = bank_matching.post_statement_line(db, actor, x.id, kinds[x.description])
        assert posted.kind == "posted" and posted.matched
    with read_only(db) as s:
        assert ledger.balance(s, "5.18", D(2025, 2, 28)) == 15_000
        assert ledger.balance(s, "4.90", D(2025, 2, 28)) == 25_000
        assert ledger.balance(s, "5.50", D(2025, 2, 28)) == 5_000
    r = bank_recon.reconciliation(db, acct.code, D(2025, 2, 28), actor)
    assert r.book_balance == 57_755_000 and r.unrecorded == () and r.difference == 0
    assert r.book_balance + 3_000_000 - 2_000_000 == r.statement_balance
    # at the end of March the deposit in transit has cleared
    r = bank_recon.reconciliation(db, acct.code, D(2025, 3, 31), actor)
    assert r.in_transit == () and r.statement_balance == 60_755_000 and r.difference == 0
    report = run_checks(db, actor)
    assert report.ok, [p.message_en for p in report.problems]


def test_manual_match_lock_on_reversal_and_unmatch(db, actor, books, tmp_path):
    acct, e = books
    import_statement(db, actor, acct.code, write_sample(tmp_path / "f.csv", "bca", FEBRUARY))
    lines = {x.description: x for x in bank_lists.statement_lines(db, acct.code, actor)}
    book = {x.entry_id: x for x in bank_lists.book_lines(db, acct.code, actor)}
    pln_line = next(x for x in book.values() if x.entry_id == e["pln"].id)
    setor = next(x for x in book.values() if x.entry_id == e["setor"].id)
    # a wrong amount is refused, naming both sums
    with pytest.raises(ValidationError) as err:
        bank_matching.match(db, actor, lines["PLN POSTPAID 5123"].id, [setor.journal_line_id])
    assert err.value.code == "bank_match_amount"
    # a line of another account is refused
    with read_only(db) as s:
        from koperasi.db.models import Account, JournalLine

        other = s.scalar(
            select(JournalLine.id)
            .join(Account, Account.id == JournalLine.account_id)
            .where(JournalLine.entry_id == e["pln"].id, Account.code == "5.11")
        )
    with pytest.raises(ValidationError) as err:
        bank_matching.match(db, actor, lines["PLN POSTPAID 5123"].id, [other])
    assert err.value.code == "bank_line_not_account"
    view = bank_matching.match(db, actor, lines["PLN POSTPAID 5123"].id, [pln_line.journal_line_id])
    assert view.kind == "manual"
    with pytest.raises(ValidationError) as err:
        bank_matching.match(db, actor, lines["PLN POSTPAID 5123"].id, [pln_line.journal_line_id])
    assert err.value.code == "bank_line_matched"
    # the lock: a reconciled entry is not reversed until it is unmatched
    with pytest.raises(ValidationError) as err:
        ledger.reverse_entry(db, actor, e["pln"].id, D(2025, 2, 28), "salah akun")
    assert err.value.code == "bank_reconciled"
    assert "Batalkan cocoknya dahulu" in err.value.message("id")
    assert "Unmatch it first" in err.value.message("en")
    bank_matching.unmatch(db, actor, lines["PLN POSTPAID 5123"].id)
    rev = ledger.reverse_entry(db, actor, e["pln"].id, D(2025, 2, 28), "salah akun")
    assert rev.reverses_entry_id == e["pln"].id
    # a reversed pair is not offered again by the automatic matching
    run = bank_matching.auto_match(db, actor, acct.code)
    with read_only(db) as s:
        assert s.scalar(select(func.count(BankMatch.id))) == run.matched == 2
    assert lines["PLN POSTPAID 5123"].id not in {p[0] for p in run.pairs}
    # a posted bank item is reversed through the journal once unmatched
    fee = bank_matching.post_statement_line(db, actor, lines["BIAYA ADM"].id, "biaya")
    with pytest.raises(ValidationError):
        bank_matching.post_statement_line(
            db, actor, lines["BUNGA"].id, "biaya"
        )  # interest comes in
    fee_entry = next(
        x.entry_id
        for x in bank_lists.book_lines(db, acct.code, actor)
        if x.statement_line_id == fee.id
    )
    with pytest.raises(ValidationError):
        ledger.reverse_entry(db, actor, fee_entry, D(2025, 2, 28), "dobel")
    bank_matching.unmatch(db, actor, fee.id)
    ledger.reverse_entry(db, actor, fee_entry, D(2025, 2, 28), "dobel")


def test_bad_statement_writes_nothing_and_accounts_are_checked(db, actor, books, tmp_path):
    acct, _ = books
    p = tmp_path / "bad.csv"
    p.write_text(
        "Tanggal Transaksi,Uraian Transaksi,Teller,Debet,Kredit,Saldo\n"
        "02/01/25,SETORAN,1,0,1000,1000\n"
        "31/02/25,X,1,5,0,995\n"
        "03/02/25,Y,1,5,5,990\n",
        encoding="utf-8",
    )
    rep = import_statement(db, actor, acct.code, p)
    assert not rep.ok and not rep.written and _lines(db) == 0
    assert [row for row, _c, _e in rep.errors] == [3, 4]
    assert rep.messages("id")[0].startswith("Baris 3, kolom 'Tanggal Transaksi'")
    with pytest.raises(ValidationError):
        bank.add_bank_account(db, actor, "Kas", "bri", account_code="1.01")
    with pytest.raises(ValidationError):
        bank.add_bank_account(db, actor, "Dua", "bri", account_code=acct.account_code)
    second = bank.add_bank_account(db, actor, "BCA Tabungan", "bca", "888", account_code="1.02")
    third = bank.add_bank_account(db, actor, "Mandiri", "mandiri", "777")
    assert second.account_code == "1.02" and third.account_code == "1.02.02"
    with pytest.raises(ValidationError):
        bank.set_layout(db, actor, third.code, {"date": "Tgl"})
    v = bank.set_layout(db, actor, third.code, {"preset": "bni"})
    assert v.layout["dbcr"] == "Tipe"
    with pytest.raises(NotFound):
        bank_recon.reconciliation(db, "BANK-9", D(2025, 2, 28), actor)


def test_roles(db, actor, books, tmp_path):
    acct, _ = books
    f = write_sample(tmp_path / "s.csv", "bni", FEBRUARY)
    for who in (PENGAWAS, KETUA):
        with pytest.raises(PermissionDenied):
            import_statement(db, who, acct.code, f)
        with pytest.raises(PermissionDenied):
            bank.add_bank_account(db, who, "X", "bri")
    assert import_statement(db, BENDAHARA, acct.code, f).written
    assert bank_matching.auto_match(db, BENDAHARA, acct.code).matched == 3
    assert bank_recon.reconciliation(db, acct.code, D(2025, 2, 28), PENGAWAS).statement_balance
    assert bank_lists.statement_lines(db, acct.code, PENGAWAS)
    with pytest.raises(PermissionDenied):
        bank_recon.reconciliation(db, acct.code, D(2025, 2, 28), KETUA)
    with pytest.raises(PermissionDenied):
        bank.list_bank_accounts(db, KETUA)

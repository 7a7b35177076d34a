"""Issue 22: memos, descriptions, notes and reasons are cleaned like every other text at
each service entry point: Unicode NFKC (full-width letters, ligatures) and control
characters refused naming the field. SQLite and PostgreSQL."""

import datetime as dt
from decimal import Decimal

import pytest
from helpers import member_input
from sqlalchemy import select

from koperasi.db.models import JournalEntry, JournalLine, SavingsTransaction
from koperasi.errors import ValidationError
from koperasi.services import check, ledger, members, savings
from koperasi.services.ledger import Line
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only
from koperasi.services.validation import clean_memo

D = dt.date(2025, 3, 10)
WIDE = "Ｂｅｌｉ ＡＴＫ ｋａｎｔｏｒ"  # full-width, as some keyboards and pasted PDFs give it
LIGATURE = "ﬁlm ﬂash"  # the ﬁ / ﬂ ligatures


def test_clean_memo():
    assert clean_memo(WIDE) == "Beli ATK kantor"
    assert clean_memo(LIGATURE) == "film flash"
    assert clean_memo("  baris satu\n\tbaris dua  ") == "baris satu\n\tbaris dua"
    assert clean_memo(None) == ""
    with pytest.raises(ValidationError) as err:
        clean_memo("bel\x07l", "reason")
    assert err.value.field == "reason" and err.value.code == "control_char"
    assert "U+0007" in err.value.message("id") and "Alasan" in err.value.message("id")


def _ok(db):  # type: ignore[no-untyped-def]
    rep = check.run_checks(db)
    assert rep.ok, [p.message_en for p in rep.problems]


def test_manual_entry_description_payee_and_reversal_reason(db, actor):
    view = ledger.add_manual_entry(
        db,
        actor,
        D,
        WIDE,
        [Line("5.12", debit=10_000), Line("1.01", credit=10_000)],
        payee=LIGATURE,
    )
    assert view.description == "Beli ATK kantor"
    with read_only(db) as s:
        memos = set(s.scalars(select(JournalLine.memo).where(JournalLine.entry_id == view.id)))
    assert "film flash" in memos
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "ATK\x1b[31m", [Line("5.12", debit=1), Line("1.01", credit=1)]
        )
    assert err.value.field == "description" and err.value.code == "control_char"
    with pytest.raises(ValidationError) as err:
        ledger.reverse_entry(db, actor, view.id, D, "salah\x00ketik")
    assert err.value.field == "reason"
    rev = ledger.reverse_entry(db, actor, view.id, D, "Ｓａｌａｈ ａｋｕｎ")
    assert rev.description.endswith("Salah akun")
    _ok(db)  # the seals hold what was stored


def test_savings_memo_and_reversal_reason(db, actor):
    m = members.register_member(db, actor, member_input("Anggota Memo", n=731))
    tx = savings.deposit(db, actor, m.number, "SUKARELA", 50_000, D, memo=WIDE)
    with read_only(db) as s:
        stored = s.scalar(select(SavingsTransaction.memo).where(SavingsTransaction.id == tx.id))
        desc = s.scalar(
            select(JournalEntry.description)
            .join(SavingsTransaction, SavingsTransaction.journal_entry_id == JournalEntry.id)
            .where(SavingsTransaction.id == tx.id)
        )
    assert stored == desc == "Beli ATK kantor"
    with pytest.raises(ValidationError) as err:
        savings.deposit(db, actor, m.number, "SUKARELA", 50_000, D, memo="tab\x0bvertikal")
    assert err.value.code == "control_char"
    with pytest.raises(ValidationError) as err:
        savings.reverse_transaction(db, actor, tx.id, D, "\x7fhapus")
    assert err.value.field == "reason"
    savings.reverse_transaction(db, actor, tx.id, D, LIGATURE)
    _ok(db)


def test_loan_purpose_note_and_reason(db, actor):
    add_product(
        db,
        actor,
        ProductInput(
            code="UMUM",
            name="Pinjaman Umum",
            method="flat",
            rate=Decimal("1.5"),
            min_amount=500_000,
            max_amount=10_000_000,
            min_term=3,
            max_term=24,
            limit_multiple=Decimal(5),
        ),
    )
    m = members.register_member(db, actor, member_input("Anggota Pinjam", n=732))
    savings.deposit(db, actor, m.number, "POKOK", 300_000, D)
    savings.deposit(db, actor, m.number, "SUKARELA", 1_000_000, D)
    with pytest.raises(ValidationError) as err:
        loan_applications.apply(
            db, actor, loan_applications.ApplyInput(m.number, "UMUM", 1_000_000, 6, D, "usa\x08ha")
        )
    assert err.value.field == "purpose" and err.value.code == "control_char"
    d = loan_applications.apply(
        db, actor, loan_applications.ApplyInput(m.number, "UMUM", 1_000_000, 6, D, WIDE)
    )
    assert loan_views.get_loan(db, d.number).purpose == "Beli ATK kantor"
    with pytest.raises(ValidationError) as err:
        loan_applications.reject(db, actor, d.number, D, "tidak\x1blayak")
    assert err.value.field == "reason"
    done = loan_applications.reject(db, actor, d.number, D, LIGATURE)
    assert done.decision_note == "film flash"
    _ok(db)

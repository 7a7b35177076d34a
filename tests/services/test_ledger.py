import datetime as dt

import pytest

from koperasi.errors import NotFound, ValidationError
from koperasi.services import check, ledger
from koperasi.services.ledger import Line

D = dt.date(2025, 4, 2)


def test_manual_expense_and_trial_balance(db, actor):
    e = ledger.add_manual_entry(
        db,
        actor,
        D,
        "Bayar listrik April",
        [Line("5.11", debit=350_000), Line("1.01", credit=350_000)],
    )
    assert e.receipt_no == "JU-2025-000001"
    tb = ledger.trial_balance(db, D)
    rows = {r.code: r for r in tb.rows}
    assert rows["5.11"].debit == 350_000 and rows["1.01"].credit == 350_000
    assert tb.total_debit == tb.total_credit == 350_000
    assert check.run_checks(db).ok


def test_unbalanced_one_sided_and_control_accounts_refused(db, actor):
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "x", [Line("5.11", debit=100), Line("1.01", credit=90)]
        )
    assert err.value.code == "unbalanced"
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "x", [Line("5.11", debit=100, credit=100), Line("1.01", credit=0)]
        )
    assert err.value.code == "line_both_sides"
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "x", [Line("2.10", debit=100), Line("1.01", credit=100)]
        )
    assert err.value.code == "not_postable"
    with pytest.raises(NotFound):
        ledger.add_manual_entry(
            db, actor, D, "x", [Line("9.99", debit=100), Line("1.01", credit=100)]
        )
    with pytest.raises(ValidationError) as err:
        ledger.add_manual_entry(
            db, actor, D, "  ", [Line("5.11", debit=100), Line("1.01", credit=100)]
        )
    assert err.value.field == "description"
    assert ledger.list_entries(db) == []


def test_reversal_is_linked_and_only_once(db, actor):
    e = ledger.add_manual_entry(
        db, actor, D, "ATK", [Line("5.12", debit=80_000), Line("1.01", credit=80_000)]
    )
    r = ledger.reverse_entry(db, actor, e.id, D, "salah akun")
    assert r.reverses_entry_id == e.id
    assert ledger.get_entry(db, e.id).reversed_by_entry_id == r.id
    assert {(ln.account_code, ln.debit, ln.credit) for ln in r.lines} == {
        ("5.12", 0, 80_000),
        ("1.01", 80_000, 0),
    }
    with pytest.raises(ValidationError):
        ledger.reverse_entry(db, actor, e.id, D, "lagi")
    with pytest.raises(ValidationError):
        ledger.reverse_entry(db, actor, r.id, D, "balik pembalik")
    tb = {row.code: row for row in ledger.trial_balance(db, D).rows}
    assert tb["5.12"].debit == tb["5.12"].credit == 0
    assert check.run_checks(db).ok


def test_add_account(db, actor):
    a = ledger.add_account(db, actor, "5.17", "Beban Sewa Kantor", "expense")
    assert a.code == "5.17"
    with pytest.raises(ValidationError):
        ledger.add_account(db, actor, "5.17", "Lagi", "expense")


def test_permissions_enforced_in_service(db):
    from koperasi.errors import PermissionDenied
    from koperasi.services.auth import Actor, Role

    auditor = Actor("pengawas1", Role.PENGAWAS)
    with pytest.raises(PermissionDenied):
        ledger.add_manual_entry(
            db, auditor, D, "x", [Line("5.11", debit=1), Line("1.01", credit=1)]
        )

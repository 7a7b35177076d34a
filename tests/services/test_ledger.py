import datetime as dt

import pytest

from koperasi.errors import NotFound, ValidationError
from koperasi.services import chart_of_accounts, check, ledger, trial_balances
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
    tb = trial_balances.trial_balance(db, D)
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
    tb = {row.code: row for row in trial_balances.trial_balance(db, D).rows}
    assert tb["5.12"].debit == tb["5.12"].credit == 0
    assert check.run_checks(db).ok


def test_add_account(db, actor):
    a = chart_of_accounts.add_account(db, actor, "5.17", "Beban Sewa Kantor", "expense")
    assert a.code == "5.17"
    with pytest.raises(ValidationError):
        chart_of_accounts.add_account(db, actor, "5.17", "Lagi", "expense")


def test_permissions_enforced_in_service(db):
    from koperasi.errors import PermissionDenied
    from koperasi.services.auth import Actor, Role

    auditor = Actor("pengawas1", Role.PENGAWAS)
    with pytest.raises(PermissionDenied):
        ledger.add_manual_entry(
            db, auditor, D, "x", [Line("5.11", debit=1), Line("1.01", credit=1)]
        )


def _naive_sums(db, date_to, date_from=None, exclude=()):
    """(debit, credit) per account, summed line by line in Python (the reference)."""
    out: dict[str, list[int]] = {}
    for entry in ledger.list_entries(db, limit=10_000):
        if date_to is not None and entry.date > date_to:
            continue
        if date_from is not None and entry.date < date_from:
            continue
        if entry.source in exclude:
            continue
        for line in entry.lines:
            d, c = out.setdefault(line.account_code, [0, 0])
            out[line.account_code] = [d + line.debit, c + line.credit]
    return {code: tuple(v) for code, v in out.items()}


def test_balance_sums_match_line_by_line_for_every_date_and_forget_after_posting(db, actor):
    """statements.sums takes the totals less what is dated after ``date_to`` when that is
    shorter, and remembers results for the session: both must give the plain sums, also
    with back-dated entries (ids out of date order) and after a new entry is posted."""
    from koperasi.services import statements
    from koperasi.services.uow import read_only, unit_of_work

    days = [dt.date(2025, m, 10) for m in (1, 3, 2, 6, 5, 9, 4)]  # posted out of date order
    for n, day in enumerate(days, start=1):
        ledger.add_manual_entry(
            db,
            actor,
            day,
            f"Biaya {n}",
            [Line("5.11", debit=n * 1000), Line("1.01", credit=n * 1000)],
        )
    probes = [None, dt.date(2024, 12, 31), *sorted(set(days)), dt.date(2025, 12, 31)]
    with read_only(db) as s:
        for day in probes:
            got = {k: v for k, v in statements.sums(s, day).items() if v != (0, 0)}
            assert got == _naive_sums(db, day), day
        got = statements.sums(s, dt.date(2025, 6, 30), dt.date(2025, 3, 1))
        want = _naive_sums(db, dt.date(2025, 6, 30), dt.date(2025, 3, 1))
        assert {k: v for k, v in got.items() if v != (0, 0)} == want
    with unit_of_work(db) as s:
        before = statements.sums(s, dt.date(2025, 12, 31))
        ledger.post(
            s,
            actor,
            dt.date(2025, 7, 1),
            "Biaya baru",
            [Line("5.11", debit=777), Line("1.01", credit=777)],
            source="manual",
        )
        after = statements.sums(s, dt.date(2025, 12, 31))
        assert after["5.11"][0] == before["5.11"][0] + 777

"""The meeting sheet filled offline, on SQLite and PostgreSQL: the exported XLSX shows the
grid's dues and balances, protected except the amounts; filled in and imported it posts the
same entries as the grid would; a tampered, stale, duplicate or wrong-group/date sheet and
bad cells are refused with nothing written."""

from __future__ import annotations

import datetime as dt
import shutil
from decimal import Decimal

import pandas as pd
import pytest
from helpers import member_input
from openpyxl import load_workbook
from sqlalchemy import func, select

from koperasi.db.models import AuditEntry, JournalEntry, JournalLine, MeetingSheet
from koperasi.errors import PermissionDenied
from koperasi.services import check, groups, members, savings
from koperasi.services import meeting_sheet as ms
from koperasi.services.auth import Actor, Role
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import group_meeting
from koperasi.services.loans import views as loan_views
from koperasi.services.uow import read_only

D = dt.date
JAN6 = D(2025, 1, 6)


def _setup(db, actor, code="K001", n0=300):  # type: ignore[no-untyped-def]
    if code == "K001":
        add_product(
            db,
            actor,
            ProductInput(
                code="KLP",
                name="Kelompok mingguan",
                method="flat",
                rate=Decimal("1.5"),
                min_amount=500_000,
                max_amount=5_000_000,
                min_term=10,
                max_term=50,
                unit="week",
                group_loan=True,
                penalty_kind="flat",
                penalty_amount=2_000,
                penalty_per="week",
                penalty_grace_days=3,
                limit_multiple=Decimal(5),
            ),
        )
    g = groups.create_group(db, actor, groups.GroupInput(code, f"Kelompok {code}", meeting_day=2))
    ms_ = []
    for i in range(3):
        m = members.register_member(
            db, actor, member_input(name=f"Ibu {code}{i}", n=n0 + i, join=JAN6, group_code=g.code)
        )
        savings.deposit(db, actor, m.number, "POKOK", 300_000, JAN6)
        ms_.append(m)
    d = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(ms_[0].number, "KLP", 1_000_000, 10, D(2025, 2, 3), "Modal"),
    )
    loan_applications.approve(db, actor, d.number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, d.number, D(2025, 2, 3))
    return g, ms_, loan_views.get_loan(db, d.number)


def _fill(src, dst, amounts):  # type: ignore[no-untyped-def]
    """As the ketua does: type the amounts into the yellow cells (row -> (I, J, K))."""
    wb = load_workbook(src)
    ws = wb[ms.SHEET]
    for r, values in amounts.items():
        for c, v in zip((9, 10, 11), values, strict=True):
            ws.cell(ms.FIRST_ROW + r, c, v)
    wb.save(dst)
    return dst


def _entries(db):  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return (
            s.scalar(select(func.count(JournalEntry.id))),
            s.scalar(select(func.count(AuditEntry.id))),
        )


def _posted_lines(db, since: int):  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        rows = s.execute(
            select(
                JournalEntry.description,
                JournalEntry.receipt_no,
                JournalLine.account_id,
                JournalLine.debit,
                JournalLine.credit,
                JournalLine.member_id,
            )
            .join(JournalLine, JournalLine.entry_id == JournalEntry.id)
            .where(JournalEntry.id > since)
            .order_by(JournalEntry.id, JournalLine.id)
        ).all()
    return [tuple(r) for r in rows]


def _last_entry(db) -> int:  # type: ignore[no-untyped-def]
    with read_only(db) as s:
        return s.scalar(select(func.max(JournalEntry.id))) or 0


def test_export_shows_the_grid_and_protects_all_but_amounts(db, actor, tmp_path):  # type: ignore[no-untyped-def]
    g, (m1, m2, m3), loan = _setup(db, actor)
    day = loan.schedule[0].due_date
    exp = ms.export_sheet(db, actor, g.code, day, tmp_path / "k001.xlsx")
    assert exp.members == 3
    wb = load_workbook(tmp_path / "k001.xlsx")
    ws = wb[ms.SHEET]
    assert wb[ms.CONTROL].sheet_state == "veryHidden" and wb.security.lockStructure
    assert ws.protection.sheet
    dues = {d.member_number: d for d in group_meeting.group_meeting_dues(db, g.code, day)}
    for r in range(3):
        row = ms.FIRST_ROW + r
        d = dues[ws.cell(row, 1).value]
        assert ws.cell(row, 3).value == d.wajib_due and ws.cell(row, 4).value == d.installment_due
        assert ws.cell(row, 8).value == d.sukarela_balance
        assert [ws.cell(row, c).protection.locked for c in (1, 3, 8, 9, 10, 11, 12)] == [
            True,
            True,
            True,
            False,
            False,
            False,
            True,
        ]
    dv = ws.data_validations.dataValidation[0]
    assert dv.type == "whole" and dv.operator == "greaterThanOrEqual" and dv.formula1 == "0"
    assert str(dv.sqref) == f"I{ms.FIRST_ROW}:K{ms.FIRST_ROW + 2}"
    df = pd.read_excel(tmp_path / "k001.xlsx", sheet_name=ms.SHEET, header=ms.HEADER_ROW - 1)
    assert list(df.columns[:3]) == ["No. anggota", "Nama", "Wajib terutang"]
    assert list(df["No. anggota"][:3]) == [m1.number, m2.number, m3.number]
    assert df.loc[0, "Angsuran jatuh tempo"] == dues[m1.number].installment_due


def test_filled_sheet_posts_what_the_grid_posts(db, actor, tmp_path, pg_or_sqlite_twin):  # type: ignore[no-untyped-def]
    twin = pg_or_sqlite_twin  # the same story in a second database, posted through the grid
    g, (m1, m2, m3), loan = _setup(db, actor)
    _setup(twin, actor)
    day = loan.schedule[0].due_date
    pay = [
        (m1.number, 100_000, 10_000, loan.schedule[0].total),
        (m2.number, 100_000, 0, 0),
    ]
    ms.export_sheet(db, actor, g.code, day, tmp_path / "k.xlsx")
    filled = _fill(
        tmp_path / "k.xlsx",
        tmp_path / "filled.xlsx",
        {
            0: (100_000, 10_000, loan.schedule[0].total),
            1: ("100.000", None, 0),
            2: (None, None, None),
        },
    )
    preview = ms.check_sheet(db, actor, filled, g.code, day)
    assert (
        preview.ok and preview.payments == pay and preview.total == 210_000 + loan.schedule[0].total
    )
    before = _last_entry(db)
    res = ms.import_sheet(db, actor, filled, g.code, day)
    assert [r.receipt_no[:3] for r in res.posted.receipts] == ["PJM", "SMP"]
    twin_before = _last_entry(twin)
    grid = group_meeting.post_group_meeting(twin, actor, g.code, day, pay)
    assert [(r.member_number, r.receipt_no, r.total) for r in res.posted.receipts] == [
        (r.member_number, r.receipt_no, r.total) for r in grid.receipts
    ]
    assert _posted_lines(db, before) == _posted_lines(twin, twin_before)
    assert check.run_checks(db).ok
    with read_only(db) as s:
        rec = s.scalars(select(MeetingSheet)).one()
        assert rec.posted_by == actor.username and rec.posted_total == res.posted.total
    # the same sheet again: refused, nothing written
    counts = _entries(db)
    with pytest.raises(ms.SheetRefused) as e:
        ms.import_sheet(db, actor, filled)
    assert e.value.report.problems[0].code == "sheet_already_posted"
    assert "sudah dibukukan" in e.value.message("id")
    assert _entries(db) == counts


@pytest.fixture
def pg_or_sqlite_twin(tmp_path):  # type: ignore[no-untyped-def]
    from koperasi.db.database import open_database

    twin = open_database(tmp_path / "twin.db")
    yield twin
    twin.dispose()


def test_tampered_stale_wrong_and_bad_sheets_are_refused(db, actor, tmp_path):  # type: ignore[no-untyped-def]
    g, (m1, m2, m3), loan = _setup(db, actor)
    g2, _o, _l = _setup(db, actor, "K002", 400)
    day = loan.schedule[0].due_date
    ms.export_sheet(db, actor, g.code, day, tmp_path / "k.xlsx")
    good = {0: (50_000, 0, 0)}
    counts = _entries(db)

    def refused(path, *codes, **kw):  # type: ignore[no-untyped-def]
        rep = ms.check_sheet(db, actor, path, **kw)
        assert [p.code for p in rep.problems][: len(codes)] == list(codes), rep.messages("en")
        with pytest.raises(ms.SheetRefused):
            ms.import_sheet(db, actor, path, **kw)
        assert _entries(db) == counts
        return rep

    # a changed due (the ketua lowered a debt) is tampering with the exported part
    wb = load_workbook(_fill(tmp_path / "k.xlsx", tmp_path / "t1.xlsx", good))
    wb[ms.SHEET].cell(ms.FIRST_ROW, 4, 0)
    wb.save(tmp_path / "t1.xlsx")
    rep = refused(tmp_path / "t1.xlsx", "sheet_row_changed")
    assert rep.problems[0].row == ms.FIRST_ROW and m1.number in rep.messages("id")[0]
    # the hidden control data changed (another member's number): checksum mismatch
    wb = load_workbook(_fill(tmp_path / "k.xlsx", tmp_path / "t2.xlsx", good))
    ctl = wb[ms.CONTROL]
    ctl["A4"] = ctl["A4"].value.replace(m3.number, "A-9999")
    wb.save(tmp_path / "t2.xlsx")
    refused(tmp_path / "t2.xlsx", "sheet_tampered")
    # ... even with a recomputed checksum: the database keeps the digest of the export
    import hashlib
    import json

    payload = json.loads(ctl["A4"].value)
    ctl["A3"] = hashlib.sha256(
        json.dumps(payload, sort_keys=True, separators=(",", ":"), ensure_ascii=False).encode()
    ).hexdigest()
    wb.save(tmp_path / "t2.xlsx")
    refused(tmp_path / "t2.xlsx", "sheet_tampered")
    # bad cells: text, negative, fraction; errors per row in Indonesian
    bad = _fill(
        tmp_path / "k.xlsx",
        tmp_path / "bad.xlsx",
        {0: ("dua puluh", 0, 0), 1: (-5, 0, 0), 2: (0, 1.5, 0)},
    )
    rep = refused(bad, "sheet_not_amount", "sheet_not_amount", "sheet_not_amount")
    assert rep.messages("id")[0] == (
        f"Baris {ms.FIRST_ROW} ({m1.number}), Bayar wajib: 'dua puluh' bukan jumlah rupiah bulat "
        "0 atau lebih."
    )
    # a loan payment for a member without a loan
    refused(_fill(tmp_path / "k.xlsx", tmp_path / "nl.xlsx", {1: (0, 0, 5_000)}), "no_active_loan")
    # another group or date than the meeting it is imported into
    ok_sheet = _fill(tmp_path / "k.xlsx", tmp_path / "ok.xlsx", good)
    refused(ok_sheet, "sheet_other_group", group_code=g2.code)
    refused(ok_sheet, "sheet_other_date", date=day + dt.timedelta(days=7))
    # an empty sheet
    refused(tmp_path / "k.xlsx", "sheet_empty")
    # not a sheet of ours
    from openpyxl import Workbook

    Workbook().save(tmp_path / "other.xlsx")
    refused(tmp_path / "other.xlsx", "sheet_not_ours")
    # stale: m2 paid wajib at the office after the export
    savings.deposit(db, actor, m2.number, "WAJIB", 50_000, day)
    counts = _entries(db)
    rep = refused(ok_sheet, "sheet_stale_row")
    assert rep.problems[0].member == m2.number and "Saldo wajib" in rep.messages("id")[0]
    # a fresh export of the same meeting posts; the older sheets are then refused
    ms.export_sheet(db, actor, g.code, day, tmp_path / "k2.xlsx")
    counts = _entries(db)
    ms.import_sheet(db, actor, _fill(tmp_path / "k2.xlsx", tmp_path / "f2.xlsx", good))
    counts = _entries(db)
    ms.export_sheet(db, actor, g.code, day, tmp_path / "k3.xlsx")  # after posting
    counts = _entries(db)
    refused(_fill(tmp_path / "k3.xlsx", tmp_path / "f3.xlsx", good), "sheet_meeting_posted")
    shutil.copy(tmp_path / "f2.xlsx", tmp_path / "f2-copy.xlsx")
    refused(tmp_path / "f2-copy.xlsx", "sheet_already_posted")


def test_roles(db, actor, tmp_path):  # type: ignore[no-untyped-def]
    g, _m, loan = _setup(db, actor)
    day = loan.schedule[0].due_date
    own = Actor("ketua-k001", Role.KETUA, frozenset({g.id}))
    ms.export_sheet(db, own, g.code, day, tmp_path / "own.xlsx")  # a ketua exports their own
    sheet = _fill(tmp_path / "own.xlsx", tmp_path / "f.xlsx", {0: (50_000, 0, 0)})
    for who in (
        own,  # ... but the treasurer posts it
        Actor("pak-awas", Role.PENGAWAS),
    ):
        with pytest.raises(PermissionDenied):
            ms.import_sheet(db, who, sheet)
    for who in (
        Actor("ketua-lain", Role.KETUA, frozenset({g.id + 1})),
        Actor("pak-awas", Role.PENGAWAS),
    ):
        with pytest.raises(PermissionDenied):
            ms.export_sheet(db, who, g.code, day, tmp_path / "x.xlsx")
    assert ms.import_sheet(db, actor, sheet).posted.total == 50_000

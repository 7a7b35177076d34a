"""Restoring each table of an audit workbook (called per sheet by :func:`.restore._restore`):
references between tables resolved by natural keys, rows inserted in batches."""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, select
from sqlalchemy.engine import CursorResult

from ..db.models import (
    Account,
    MemberVulnerability,
    SavingsProduct,
    Setting,
    VulnerabilityCategory,
)
from ..errors import ValidationError
from .restore_rows import BATCH, RestoreContext, insert_rows, row_for
from .spec import Sheet, table


def restore_categories(ctx: RestoreContext, sh: Sheet) -> None:
    s = ctx.s
    have = {c.code: c for c in s.scalars(select(VulnerabilityCategory))}
    for _rowno, r in ctx.rows(sh):
        c = have.get(r["category_code"])
        if c is None:
            c = VulnerabilityCategory(code=r["category_code"], name_id="", name_en="")
            s.add(c)
        c.name_id, c.name_en = r["name_id"] or "", r["name_en"] or ""
        c.active = bool(r["active"])
    s.flush()
    ctx.maps["category"] = dict(
        s.execute(select(VulnerabilityCategory.code, VulnerabilityCategory.id)).all()
    )


def restore_accounts(ctx: RestoreContext, sh: Sheet) -> None:
    from ..db.seed import default_side

    s = ctx.s
    have = {a.code: a for a in s.scalars(select(Account))}
    for _rowno, r in ctx.rows(sh):
        a = have.get(r["account_code"])
        if a is None:
            a = Account(code=r["account_code"], name="", type=r["type"] or "asset")
            s.add(a)
        a.name, a.name_en, a.type = r["name"] or "", r["name_en"] or "", r["type"]
        a.contra, a.parent_code, a.control = bool(r["contra"]), r["parent_code"], r["control"]
        a.active = bool(r["active"])
        # absent from workbooks written before it existed: the seed's side (else the type's)
        side = r.get("business_side") or None
        if side is None and a.type in ("income", "expense"):
            side = default_side(a.code, a.type)
        a.business_side = side
    s.flush()
    ctx.maps["account"] = dict(s.execute(select(Account.code, Account.id)).all())


def restore_savings_products(ctx: RestoreContext, sh: Sheet) -> None:
    s = ctx.s
    have = {p.code: p for p in s.scalars(select(SavingsProduct))}
    sheet_ids: dict[int, str] = {}
    for _rowno, r in ctx.rows(sh):
        p = have.get(r["product_code"])
        if p is None:
            p = SavingsProduct(code=r["product_code"])
            s.add(p)
        p.name, p.kind = r["name"] or "", r["kind"]
        p.fixed_amount, p.min_balance = r["fixed_amount"] or 0, r["min_balance"] or 0
        p.interest_rate_pa = r["interest_rate_pa"] or Decimal(0)
        p.min_balance_for_interest = r["min_balance_for_interest"] or 0
        p.account_code, p.term_months = r["ledger_account_code"], r["term_months"]
        p.active = bool(r["active"])
        sheet_ids[r["savings_product_id"]] = r["product_code"]
    s.flush()
    by_code = dict(s.execute(select(SavingsProduct.code, SavingsProduct.id)).all())
    ctx.maps["savings_product"] = {sid: by_code[code] for sid, code in sheet_ids.items()}
    ctx.ids["Produk Simpanan"] = set(sheet_ids)


def restore_settings(ctx: RestoreContext, sh: Sheet) -> None:
    s = ctx.s
    for rowno, r in ctx.rows(sh):
        try:
            json.loads(r["value_json"] or "null")
        except ValueError:
            ctx.rep.add(rowno, f"{sh.title}!value_json", ValidationError("value", "invalid"))
            continue
        row = s.get(Setting, r["key"])
        if row is None:
            s.add(Setting(key=r["key"], value=r["value_json"]))
        else:
            row.value = r["value_json"]
    s.flush()


def _plain(
    ctx: RestoreContext, sh: Sheet, table_name: str, refs: dict[str, str], **fixed: Any
) -> None:
    """Insert every row of ``sh`` into ``table_name`` with its id; ``refs`` maps a column to
    the sheet title whose ids it must reference."""
    t = table(table_name)
    assert t is not None
    id_col = sh.columns[0].name
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    for rowno, r in ctx.rows(sh):
        for col, target in refs.items():
            ctx.check(rowno, sh.title, col, r.get(col), target)
        ids.add(r[id_col])
        batch.append(row_for(ctx, rowno, t, sh, r, **fixed))
        if len(batch) >= BATCH:
            _flush_checked(ctx, t, batch)
    _flush_checked(ctx, t, batch)


def _flush_checked(ctx: RestoreContext, t: Table, batch: list[dict[str, Any]]) -> None:
    if ctx.rep.has_errors:
        batch.clear()  # keep validating, stop writing
        return
    insert_rows(ctx.s, t, batch)


def _collect_ids(ctx: RestoreContext, sh: Sheet) -> None:
    ids = ctx.ids.setdefault(sh.title, set())
    for _rowno, r in ctx.rows(sh):
        ids.add(r[sh.columns[0].name])


def restore_periods(ctx: RestoreContext, sh: Sheet) -> None:
    _plain(ctx, sh, "fiscal_periods", {})


def restore_groups(ctx: RestoreContext, sh: Sheet) -> None:
    # leader ids are set after the members exist
    t = table("groups")
    assert t is not None
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    leaders: list[tuple[int, int, int]] = []
    for rowno, r in ctx.rows(sh):
        ids.add(r["group_id"])
        if r["leader_member_id"] is not None:
            leaders.append((rowno, r["group_id"], r["leader_member_id"]))
        batch.append(row_for(ctx, rowno, t, sh, r, leader_member_id=None))
    _flush_checked(ctx, t, batch)
    ctx.maps["leaders"] = {g: m for _r, g, m in leaders}
    ctx.maps["leader_rows"] = {g: rowno for rowno, g, _m in leaders}


def restore_members(ctx: RestoreContext, sh: Sheet) -> None:
    t = table("members")
    assert t is not None
    vt = MemberVulnerability.__table__
    assert isinstance(vt, Table)
    cats = ctx.maps.get("category", {})
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    vulns: list[dict[str, Any]] = []
    for rowno, r in ctx.rows(sh):
        ctx.check(rowno, sh.title, "group_id", r["group_id"], "Kelompok")
        ids.add(r["member_id"])
        batch.append(row_for(ctx, rowno, t, sh, r, name_key=(r["name"] or "").lower()))
        for code in (r["vulnerability_codes"] or "").split(";"):
            if not code:
                continue
            if code not in cats:
                ctx.rep.add(
                    rowno,
                    f"{sh.title}!vulnerability_codes",
                    ValidationError(
                        "value", "dangling_ref", value=code, sheet="Kategori Kerentanan"
                    ),
                )
                continue
            vulns.append({"member_id": r["member_id"], "category_id": cats[code]})
        if len(batch) >= BATCH:
            _flush_checked(ctx, t, batch)
            _flush_checked(ctx, vt, vulns)
    _flush_checked(ctx, t, batch)
    _flush_checked(ctx, vt, vulns)


def restore_group_history(ctx: RestoreContext, sh: Sheet) -> None:
    _plain(ctx, sh, "group_memberships", {"member_id": "Anggota", "group_id": "Kelompok"})


def restore_journal(ctx: RestoreContext, sh: Sheet) -> None:
    entries, lines = table("journal_entries"), table("journal_lines")
    assert entries is not None and lines is not None
    accounts = ctx.maps.get("account", {})
    entry_ids = ctx.ids.setdefault("Jurnal", set())
    line_ids = ctx.ids.setdefault("Jurnal!line", set())  # the bank matches refer to lines
    e_batch: list[dict[str, Any]] = []
    l_batch: list[dict[str, Any]] = []
    for rowno, r in ctx.rows(sh):
        eid = r["entry_id"]
        if eid not in entry_ids:
            ctx.check(rowno, sh.title, "reverses_entry_id", r["reverses_entry_id"], "Jurnal")
            if r["date"] is None:
                ctx.rep.add(rowno, f"{sh.title}!date", ValidationError("date", "required"))
            entry_ids.add(eid)
            ctx.note_receipt(r["receipt_no"])
            e_batch.append(
                {
                    "id": eid,
                    "date": r["date"],
                    "description": r["description"] or "",
                    "source": r["source"] or "",
                    "source_ref": r["source_ref"] or "",
                    "receipt_no": r["receipt_no"],
                    "reverses_entry_id": r["reverses_entry_id"],
                    "posted_at": r["posted_at"],
                    "posted_by": r["posted_by"] or "",
                }
            )
        line_ids.add(r["journal_line_id"])
        ctx.check(rowno, sh.title, "member_id", r["member_id"], "Anggota")
        aid = accounts.get(r["account_code"])
        if aid is None:
            ctx.rep.add(
                rowno,
                f"{sh.title}!account_code",
                ValidationError("value", "dangling_ref", value=r["account_code"], sheet="Akun"),
            )
        l_batch.append(row_for(ctx, rowno, lines, sh, r, account_id=aid))
        if len(l_batch) >= BATCH:
            _flush_checked(ctx, entries, e_batch)
            _flush_checked(ctx, lines, l_batch)
    _flush_checked(ctx, entries, e_batch)
    _flush_checked(ctx, lines, l_batch)


def restore_savings_accounts(ctx: RestoreContext, sh: Sheet) -> None:
    t = table("savings_accounts")
    assert t is not None
    products = ctx.maps.get("savings_product", {})
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    for rowno, r in ctx.rows(sh):
        ctx.check(rowno, sh.title, "member_id", r["member_id"], "Anggota")
        ctx.check(rowno, sh.title, "savings_product_id", r["savings_product_id"], "Produk Simpanan")
        ids.add(r["savings_account_id"])
        batch.append(
            row_for(
                ctx,
                rowno,
                t,
                sh,
                r,
                product_id=products.get(r["savings_product_id"]),
                balance=r["closing_balance"] or 0,
            )
        )
        if len(batch) >= BATCH:
            _flush_checked(ctx, t, batch)
    _flush_checked(ctx, t, batch)


def restore_savings_transactions(ctx: RestoreContext, sh: Sheet) -> None:
    t = table("savings_transactions")
    assert t is not None
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    for rowno, r in ctx.rows(sh):
        ctx.check(
            rowno, sh.title, "savings_account_id", r["savings_account_id"], "Rekening Simpanan"
        )
        ctx.check(rowno, sh.title, "journal_entry_id", r["journal_entry_id"], "Jurnal")
        ctx.check(rowno, sh.title, "reverses_savings_tx_id", r["reverses_savings_tx_id"], sh.title)
        ctx.note_receipt(r["receipt_no"])
        ids.add(r["savings_tx_id"])
        batch.append(row_for(ctx, rowno, t, sh, r))
        if len(batch) >= BATCH:
            _flush_checked(ctx, t, batch)
    _flush_checked(ctx, t, batch)


LOAN_REFS = {
    "collateral": ("loan_collateral", {"loan_id": "Pinjaman"}),
    "collateral_log": ("collateral_events", {"collateral_id": "Jaminan"}),
    "guarantors": ("loan_guarantors", {"loan_id": "Pinjaman", "member_id": "Anggota"}),
    "loan_products": ("loan_products", {}),
    "loans": (
        "loans",
        {"member_id": "Anggota", "loan_product_id": "Produk Pinjaman", "group_id": "Kelompok"},
    ),
    "installments": ("loan_installments", {"loan_id": "Pinjaman"}),
    "loan_transactions": (
        "loan_transactions",
        {
            "loan_id": "Pinjaman",
            "journal_entry_id": "Jurnal",
            "reverses_loan_tx_id": "Pembayaran Pinjaman",
            "replays_loan_tx_id": "Pembayaran Pinjaman",
        },
    ),
    "loan_allocations": (
        "loan_allocations",
        {"loan_tx_id": "Pembayaran Pinjaman", "installment_id": "Jadwal Angsuran"},
    ),
}


def restore_loan_table(ctx: RestoreContext, sh: Sheet) -> None:
    name, refs = LOAN_REFS[sh.key]
    t = table(name)
    if t is None:
        # this version has no loans: the sheets must be empty
        for rowno, _r in ctx.rows(sh):
            ctx.rep.add(
                rowno, sh.title, ValidationError("kind", "import_unavailable", kind=sh.title)
            )
            return
        return
    if sh.key == "loan_products":
        _loan_products(ctx, sh, t)
        return
    if sh.key == "loans":
        products = ctx.maps.get("loan_product", {})
        ids = ctx.ids.setdefault(sh.title, set())
        batch: list[dict[str, Any]] = []
        for rowno, r in ctx.rows(sh):
            for col, target in refs.items():
                ctx.check(rowno, sh.title, col, r.get(col), target)
            ids.add(r["loan_id"])
            batch.append(
                row_for(ctx, rowno, t, sh, r, product_id=products.get(r["loan_product_id"]))
            )
            if len(batch) >= BATCH:
                _flush_checked(ctx, t, batch)
        _flush_checked(ctx, t, batch)
        return
    if sh.key == "collateral":
        # hand-over letters (SSJ-2026-00001) continue after the highest one restored
        for _rowno, r in ctx.rows(sh):
            ctx.note_receipt(r["handover_no"])
    if sh.key == "loan_transactions":
        # self references (reversals, replays) point backwards: collect ids first
        _collect_ids(ctx, sh)
        for _rowno, r in ctx.rows(sh):
            ctx.note_receipt(r["receipt_no"])
    _plain(ctx, sh, name, refs)


BOOKS_REFS = {
    "fixed_assets": {
        "acquisition_entry_id": "Jurnal",
        "disposal_entry_id": "Jurnal",
        "cancel_entry_id": "Jurnal",
    },
    "fixed_asset_depreciation": {"asset_id": "Aset Tetap", "journal_entry_id": "Jurnal"},
    "bank_accounts": {},
    "bank_statement_lines": {"bank_account_id": "Rekening Bank"},
    "bank_matches": {"statement_line_id": "Rekening Koran", "journal_line_id": "Jurnal!line"},
}


def restore_books_table(ctx: RestoreContext, sh: Sheet) -> None:
    """Fixed assets and bank reconciliation: plain rows with their ids and references."""
    if sh.key == "bank_matches" and "Jurnal!line" not in ctx.ids:
        lines = table("journal_lines")
        assert lines is not None
        ctx.ids["Jurnal!line"] = set(ctx.s.scalars(select(lines.c.id)))
    if sh.key == "bank_accounts":
        codes = set(ctx.maps.get("account", {}))
        for rowno, r in ctx.rows(sh):
            if r["account_code"] not in codes:
                ctx.rep.add(
                    rowno,
                    f"{sh.title}!account_code",
                    ValidationError("value", "dangling_ref", value=r["account_code"], sheet="Akun"),
                )
    _plain(ctx, sh, sh.table or sh.key, BOOKS_REFS[sh.key])


def _loan_products(ctx: RestoreContext, sh: Sheet, t: Table) -> None:
    """Products are matched by code (a new database may hold seeded products)."""
    s = ctx.s
    have = dict(s.execute(select(t.c.code, t.c.id)).all())
    mapping: dict[int, int] = {}
    for rowno, r in ctx.rows(sh):
        values = row_for(ctx, rowno, t, sh, r)
        values.pop("id", None)
        if ctx.rep.has_errors:
            # keep validating, stop writing: the product still counts as present, so the
            # loans that use it are checked as usual instead of each reported as a loan
            # without a product (the cascade after one deleted member row, issue 22)
            mapping[r["loan_product_id"]] = have.get(r["product_code"], r["loan_product_id"])
            continue
        if r["product_code"] in have:
            s.execute(t.update().where(t.c.id == have[r["product_code"]]).values(**values))
            mapping[r["loan_product_id"]] = have[r["product_code"]]
        else:
            inserted = s.execute(t.insert().values(**values))
            assert isinstance(inserted, CursorResult)
            key = inserted.inserted_primary_key
            assert key is not None
            mapping[r["loan_product_id"]] = key[0]
    ctx.maps["loan_product"] = mapping
    ctx.ids[sh.title] = set(mapping)


TD_REFS = {
    "time_deposit_products": ("time_deposit_products", {}),
    "time_deposits": (
        "time_deposits",
        {"member_id": "Anggota", "time_deposit_product_id": "Produk Simpanan Berjangka"},
    ),
    "time_deposit_events": (
        "time_deposit_events",
        {"time_deposit_id": "Simpanan Berjangka", "journal_entry_id": "Jurnal"},
    ),
}


def restore_td_table(ctx: RestoreContext, sh: Sheet) -> None:
    """The time-deposit sheets, rows with their ids; the deposit numbers (``SB-YYYY-n``)
    continue after the highest restored."""
    name, refs = TD_REFS[sh.key]
    _plain(ctx, sh, name, refs)
    if sh.key == "time_deposits":
        for _rowno, r in ctx.rows(sh):
            ctx.note_receipt(r["deposit_number"])


STANDING_REFS = {
    "standing_instructions": {"member_id": "Anggota", "loan_id": "Pinjaman"},
    "standing_instruction_runs": {
        "instruction_id": "Instruksi Tetap",
        "journal_entry_id": "Jurnal",
    },
    "employers": {},
    "employer_members": {"member_id": "Anggota", "employer_id": "Instansi"},
    "payroll_batches": {"employer_id": "Instansi"},
    "payroll_lines": {"payroll_batch_id": "Potong Gaji", "member_id": "Anggota"},
}


def restore_standing_table(ctx: RestoreContext, sh: Sheet) -> None:
    """Standing instructions and payroll deduction (services/standing_instructions.py,
    services/payroll.py): rows with their ids."""
    assert sh.table is not None
    if table(sh.table) is None:
        return
    _plain(ctx, sh, sh.table, STANDING_REFS[sh.key])

"""``koperasi import audit-workbook``: restore the whole books from an audit workbook into an
empty database, keeping every id and link (members, groups, journal entries and lines,
savings accounts and transactions, loans with schedules, transactions and allocations).

Pass 1 reads every sheet once: the SHA-256 against the Info sheet, the header row, every
cell's type, each journal entry's balance. Nothing is written when anything is wrong.
Pass 2 inserts the rows sheet by sheet in ONE transaction, checking every reference, then
runs the books checks (``koperasi check``) and recomputes the Neraca Saldo and Rekening
Simpanan sheets: their SHA-256 must equal the workbook's, so a second export is identical.
Any failure rolls the whole restore back.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import re
from collections.abc import Iterator, Mapping
from decimal import Decimal
from typing import Any

from sqlalchemy import Table, func, select, text, update
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..db.models import (
    Account,
    Group,
    JournalEntry,
    Member,
    MemberVulnerability,
    ReceiptCounter,
    SavingsAccount,
    SavingsProduct,
    Setting,
    VulnerabilityCategory,
)
from ..errors import KoperasiError, ValidationError
from ..services import audit
from ..services.auth import Actor
from ..services.progress import ProgressCallback, report
from ..services.uow import disk_full, unit_of_work
from ..services.validation import clean_number_text
from .canonical import SheetHasher
from .import_report import ImportReport
from .sheets import INFO_TITLE, SHEETS
from .spec import FORMAT_NAME, FORMAT_VERSION, Period, Sheet, table
from .xlsxin import (
    FileError,
    Workbook,
    parse_bool,
    parse_date,
    parse_datetime,
    parse_decimal,
    refuse_excel_error,
)
from .xlsxin import parse_int as _parse_int
from .xlsxout import to_cell_value

BATCH = 1000
_RECEIPT = re.compile(r"^([A-Z]{1,8})-(\d{4})-(\d+)$")


def _raw_text(value: Any, field: str) -> str | None:
    if value is None:
        return None
    refuse_excel_error(value, field)
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _money(value: Any, field: str) -> int | None:
    if value is None:
        return None
    refuse_excel_error(value, field)
    if isinstance(value, str):
        # a number stored as text (Excel's green triangle): whole rupiah only
        text = clean_number_text(value).strip()
        if re.fullmatch(r"-?[0-9]{1,18}", text):
            return int(text)
        raise ValidationError(field, "not_an_amount_text", value=value[:40])
    if isinstance(value, bool) or not isinstance(value, int | float):
        raise ValidationError(field, "not_an_amount", value=str(value)[:40])
    if isinstance(value, float) and not value.is_integer():
        raise ValidationError(field, "not_an_amount", value=str(value)[:40])
    return int(value)


PARSE = {
    "id": _parse_int,
    "int": _parse_int,
    "text": _raw_text,
    "date": parse_date,
    "datetime": parse_datetime,
    "money": _money,
    "decimal": parse_decimal,
    "bool": parse_bool,
}


class _Abort(Exception):
    pass


def read_info(wb: Workbook) -> dict[str, str]:
    if INFO_TITLE not in wb.sheet_names:
        raise FileError("workbook_not_audit", path=wb.path.name)
    info: dict[str, str] = {}
    for row in wb.iter_values(INFO_TITLE, min_row=2, max_col=2):
        row = tuple(row) + (None, None)
        if row[0] is not None:
            info[str(row[0])] = "" if row[1] is None else str(row[1])
    if info.get("format") != FORMAT_NAME:
        raise FileError("workbook_not_audit", path=wb.path.name)
    return info


def sheet_values(wb: Workbook, title: str, width: int) -> Iterator[tuple[int, tuple]]:
    for n, row in enumerate(wb.iter_values(title, min_row=1, max_col=width), 1):
        if any(v is not None for v in row):
            yield n, tuple(row)


def parsed_rows(
    wb: Workbook, sheet: Sheet, rep: ImportReport | None
) -> Iterator[tuple[int, dict[str, Any]]]:
    """Rows of ``sheet`` as ``{column name: parsed value}``; type errors go to ``rep``."""
    width = len(sheet.columns)
    it = sheet_values(wb, sheet.title, width)
    next(it, None)  # header
    for rowno, values in it:
        data = _parse(sheet, rowno, values, rep)
        if data is not None:
            yield rowno, data


def _parse(
    sheet: Sheet, rowno: int, values: tuple, rep: ImportReport | None
) -> dict[str, Any] | None:
    data: dict[str, Any] = {}
    ok = True
    for i, col in enumerate(sheet.columns):
        raw = values[i] if i < len(values) else None
        try:
            data[col.name] = PARSE[col.type](raw, col.name)
        except ValidationError as exc:
            ok = False
            if rep is not None:
                rep.add(rowno, f"{sheet.title}!{col.name}", exc)
    return data if ok else None


def _is_empty_target(s: Session) -> str | None:
    for what, model in (
        ("anggota", Member),
        ("kelompok", Group),
        ("jurnal", JournalEntry),
        ("rekening simpanan", SavingsAccount),
    ):
        if s.scalar(select(func.count()).select_from(model)):
            return what
    loans = table("loans")
    if loans is not None and s.scalar(select(func.count()).select_from(loans)):
        return "pinjaman"
    return None


def restore_audit_workbook(
    db,  # type: ignore[no-untyped-def]
    actor: Actor,
    path: str | os.PathLike[str],
    progress: ProgressCallback | None = None,
    dry_run: bool = False,
    *,
    keys: Mapping[str, str] | None = None,
    allow_unsigned: bool = False,
) -> ImportReport:
    """Restore the books from an audit workbook after verifying its signature (see
    :func:`verify_signature`: ``keys`` is a register of public keys, ``allow_unsigned``
    lets an unsigned workbook through with a warning, as ``consolidate`` does)."""
    rep = ImportReport("audit-workbook", str(path), dry_run=dry_run)
    wb: Workbook | None = None
    try:
        wb = Workbook(path)
        info = read_info(wb)
        version = info.get("format_version", "")
        if version != str(FORMAT_VERSION):
            raise FileError("workbook_version", version=version, supported=FORMAT_VERSION)
        verify_signature(wb, keys, allow_unsigned, rep)
        if info.get("complete_books") != "yes":
            period = f"{info.get('period_from') or '...'} - {info.get('period_to') or '...'}"
            raise FileError("workbook_partial", period=period)
        present = set(wb.sheet_names)
        sheets = [sh for sh in SHEETS if sh.title in present]
        for sh in SHEETS:
            if sh.title not in present and not sh.optional:
                rep.file_errors.append(FileError("sheet_missing", sheet=sh.title))
        if rep.file_errors:
            return rep
        _pass1(wb, sheets, info, rep, progress)
        if rep.has_errors:
            return rep
        _restore(db, actor, wb, sheets, info, rep, progress)
    except KoperasiError as exc:
        rep.file_errors.append(exc)
    finally:
        if wb is not None:
            wb.close()
    return rep


def verify_signature(
    wb: Workbook,
    keys: Mapping[str, str] | None,
    allow_unsigned: bool,
    rep: ImportReport,
) -> None:
    """The workbook's Ed25519 signature (issue 22), checked before anything is read into the
    books. The key it must verify with: the cooperative's key in ``keys`` (a register, as
    ``consolidate --keys`` reads it), else this PC's own key file for that legal number when
    there is one. Refused (FileError): an unsigned workbook (unless ``allow_unsigned``: then
    a warning), a signature that does not verify (changed after it was exported), a workbook
    signed with another key than the cooperative's. When no key of the cooperative is known
    here, a signature valid under the key the workbook carries is accepted with a warning
    naming that key's fingerprint (compare it with ``koperasi key show`` on the first PC)."""
    from .. import signing
    from .consolidation import _read_info

    info, digest, signatures = _read_info(wb)
    legal = info.get("cooperative_legal_number", "").strip()
    embedded = info.get("signature_public_key", "")
    if not signatures:
        if not allow_unsigned:
            raise FileError("workbook_unsigned")
        rep.warnings.append(FileError("workbook_unsigned_allowed"))
        return
    message = signing.signed_message(digest)
    trusted = None
    if keys is not None and legal in keys:
        trusted = keys[legal]
    elif signing.key_path(legal).exists():  # this PC's own key for it
        trusted = signing.load_or_create(legal).public
    if trusted is not None:
        if len(signatures) == 1 and signing.verify(trusted, signatures[0], message):
            return
        if embedded and embedded != trusted and signing.verify(embedded, signatures[0], message):
            raise FileError(
                "workbook_other_key",
                fingerprint=signing.fingerprint(embedded),
                expected=signing.fingerprint(trusted),
                legal=legal,
            )
        raise FileError("workbook_signature_invalid")
    if keys is not None:  # a register given that does not name this cooperative
        raise FileError("workbook_key_unknown", legal=legal or "-")
    if embedded and len(signatures) == 1 and signing.verify(embedded, signatures[0], message):
        rep.warnings.append(
            FileError("workbook_key_unverified", fingerprint=signing.fingerprint(embedded))
        )
        return
    raise FileError("workbook_signature_invalid")


def _pass1(
    wb: Workbook, sheets: list[Sheet], info: dict[str, str], rep: ImportReport, progress
) -> None:  # type: ignore[no-untyped-def]
    """One streaming pass per sheet: header, SHA-256 against Info, every cell's type, and
    the balance of every journal entry."""
    for n, sh in enumerate(sheets):
        report(progress, n, len(sheets) * 2, f"periksa {sh.title}")
        width = len(sh.columns)
        h = SheetHasher()
        header_seen = False
        entry, d, c, first_row = None, 0, 0, 0
        for rowno, row in enumerate(wb.iter_values(sh.title, min_row=1), 1):
            h.add(row)  # the full row: a value beside the table changes the hash too
            if not any(v is not None for v in row):
                continue
            if not header_seen:
                header_seen = True
                headers = [str(v) if v is not None else "" for v in row[:width]]
                if headers != sh.headers:
                    missing = [col for col in sh.headers if col not in headers]
                    rep.file_errors.append(
                        FileError(
                            "column_missing",
                            sheet=sh.title,
                            column=", ".join(missing) or "urutan kolom",
                            column_en=", ".join(missing) or "column order",
                        )
                    )
                    break
                continue
            rep.total_rows += 1
            r = _parse(sh, rowno, row, rep)
            if r is None or sh.key != "journal":
                continue
            if r["entry_id"] != entry:
                if entry is not None and d != c:
                    rep.add(first_row, "Jurnal!entry_id", _unbalanced(entry, d, c))
                entry, d, c, first_row = r["entry_id"], 0, 0, rowno
            d += r["debit"] or 0
            c += r["credit"] or 0
        else:
            if entry is not None and d != c:
                rep.add(first_row, "Jurnal!entry_id", _unbalanced(entry, d, c))
            if info.get(f"sha256:{sh.title}") != h.hexdigest():
                rep.file_errors.append(FileError("hash_mismatch", sheet=sh.title))


def _unbalanced(entry: int, d: int, c: int) -> ValidationError:
    from ..domain.money import format_rupiah

    return ValidationError(
        "entry", "unbalanced", debit=format_rupiah(d), credit=format_rupiah(c), entry=entry
    )


# ---------------------------------------------------------------- pass 2


class _Ctx:
    def __init__(self, s: Session, wb: Workbook, rep: ImportReport) -> None:
        self.s, self.wb, self.rep = s, wb, rep
        self.ids: dict[str, set[int]] = {}
        self.maps: dict[str, dict[Any, int]] = {}
        self.receipts: dict[tuple[str, int], int] = {}
        self.dangling: dict[tuple[str, Any], ValidationError] = {}

    def check(self, rowno: int, sheet: str, col: str, value: Any, target: str) -> None:
        if value is not None and value not in self.ids.get(target, set()):
            # one missing record (a deleted member row) is one error naming how many rows
            # refer to it, not a line for each of them
            key = (target, value)
            first = self.dangling.get(key)
            if first is not None:
                first.code = "dangling_ref_more"
                first.params["more"] = first.params.get("more", 0) + 1
                self.rep.error_rows.add(rowno)  # counted in the first one's message
                return
            err = ValidationError("value", "dangling_ref", value=value, sheet=target)
            self.dangling[key] = err
            self.rep.add(rowno, f"{sheet}!{col}", err)

    def note_receipt(self, receipt: str | None) -> None:
        if not receipt:
            return
        m = _RECEIPT.match(receipt)
        if m:
            key = (m.group(1), int(m.group(2)))
            self.receipts[key] = max(self.receipts.get(key, 0), int(m.group(3)))


def _insert(s: Session, t: Table, rows: list[dict[str, Any]]) -> None:
    if rows:
        s.execute(t.insert(), rows)
        rows.clear()


def _row_for(
    ctx: _Ctx, rowno: int, t: Table, sheet: Sheet, r: dict[str, Any], **extra: Any
) -> dict[str, Any]:
    """Database row from a sheet row: ``src`` columns, empty text back to ''. A value the
    database requires that the row leaves empty is reported with its row and column."""
    out: dict[str, Any] = {}
    names: dict[str, str] = {}
    for col in sheet.columns:
        if col.src is None or col.src not in t.c:
            continue
        v = r.get(col.name)
        c = t.c[col.src]
        if v is None and not c.nullable and col.type == "text":
            v = ""
        if v is None and not c.nullable and c.default is not None and c.default.is_scalar:
            v = c.default.arg
        out[col.src] = v
        names[col.src] = col.name
    out.update(extra)
    for key, value in out.items():
        c = t.c.get(key)
        if value is None and c is not None and not c.nullable and not c.primary_key:
            ctx.rep.add(
                rowno,
                f"{sheet.title}!{names.get(key, key)}",
                ValidationError(names.get(key, key), "required"),
            )
    return out


def _restore(db, actor, wb, sheets, info, rep, progress) -> None:  # type: ignore[no-untyped-def]
    by_key = {sh.key: sh for sh in sheets}
    try:
        with unit_of_work(db) as s:
            what = _is_empty_target(s)
            if what:
                rep.file_errors.append(FileError("target_not_empty", what=what))
                raise _Abort()
            ctx = _Ctx(s, wb, rep)
            steps = [
                ("categories", _categories),
                ("accounts", _accounts),
                ("savings_products", _savings_products),
                ("settings", _settings),
                ("periods", _periods),
                ("groups", _groups),
                ("members", _members),
                ("group_history", _group_history),
                ("journal", _journal),
                ("savings_accounts", _savings_accounts),
                ("savings_transactions", _savings_transactions),
                ("loan_products", _loan_table),
                ("loans", _loan_table),
                ("installments", _loan_table),
                ("loan_transactions", _loan_table),
                ("loan_allocations", _loan_table),
                ("collateral", _loan_table),
                ("collateral_log", _loan_table),
                ("guarantors", _loan_table),
                ("fixed_assets", _books_table),
                ("fixed_asset_depreciation", _books_table),
                ("bank_accounts", _books_table),
                ("bank_statement_lines", _books_table),
                ("bank_matches", _books_table),
                ("standing_instructions", _standing_table),
                ("standing_instruction_runs", _standing_table),
                ("employers", _standing_table),
                ("employer_members", _standing_table),
                ("payroll_batches", _standing_table),
                ("payroll_lines", _standing_table),
                ("time_deposit_products", _td_table),
                ("time_deposits", _td_table),
                ("time_deposit_events", _td_table),
            ]
            total = len(sheets) * 2
            for n, (key, fn) in enumerate(steps):
                sh = by_key.get(key)
                if sh is None:
                    continue
                report(progress, len(sheets) + n, total, f"pulihkan {sh.title}")
                fn(ctx, sh)
            _after(ctx, by_key)
            if rep.has_errors:
                raise _Abort()
            _final_checks(ctx, by_key, info)
            if rep.has_errors or dry_run_of(rep):
                raise _Abort()
            audit.record(
                s,
                actor,
                "import.audit_workbook",
                "file",
                os.path.basename(rep.path),
                after={"rows": rep.total_rows, "cooperative": info.get("cooperative_name")},
            )
            rep.written = rep.total_rows
        rep.committed = True
    except _Abort:
        rep.written, rep.committed = 0, False
    except SQLAlchemyError as exc:
        # the database refused a value the checks above let through: nothing is written
        # (the unit of work rolled back) and the user gets a message, not a crash
        if disk_full(exc):
            rep.file_errors.append(FileError("disk_full"))
        else:
            rep.file_errors.append(
                FileError("import_failed", detail=str(exc).splitlines()[0][:200])
            )
        rep.written, rep.committed = 0, False


def dry_run_of(rep: ImportReport) -> bool:
    return rep.dry_run


def _categories(ctx: _Ctx, sh: Sheet) -> None:
    s = ctx.s
    have = {c.code: c for c in s.scalars(select(VulnerabilityCategory))}
    for _rowno, r in parsed_rows(ctx.wb, sh, None):
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


def _accounts(ctx: _Ctx, sh: Sheet) -> None:
    from ..db.seed import default_side

    s = ctx.s
    have = {a.code: a for a in s.scalars(select(Account))}
    for _rowno, r in parsed_rows(ctx.wb, sh, None):
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


def _savings_products(ctx: _Ctx, sh: Sheet) -> None:
    s = ctx.s
    have = {p.code: p for p in s.scalars(select(SavingsProduct))}
    sheet_ids: dict[int, str] = {}
    for _rowno, r in parsed_rows(ctx.wb, sh, None):
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


def _settings(ctx: _Ctx, sh: Sheet) -> None:
    s = ctx.s
    for rowno, r in parsed_rows(ctx.wb, sh, None):
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


def _plain(ctx: _Ctx, sh: Sheet, table_name: str, refs: dict[str, str], **fixed: Any) -> None:
    """Insert every row of ``sh`` into ``table_name`` with its id; ``refs`` maps a column to
    the sheet title whose ids it must reference."""
    t = table(table_name)
    assert t is not None
    id_col = sh.columns[0].name
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    for rowno, r in parsed_rows(ctx.wb, sh, None):
        for col, target in refs.items():
            ctx.check(rowno, sh.title, col, r.get(col), target)
        ids.add(r[id_col])
        batch.append(_row_for(ctx, rowno, t, sh, r, **fixed))
        if len(batch) >= BATCH:
            _flush_checked(ctx, t, batch)
    _flush_checked(ctx, t, batch)


def _flush_checked(ctx: _Ctx, t: Table, batch: list[dict[str, Any]]) -> None:
    if ctx.rep.has_errors:
        batch.clear()  # keep validating, stop writing
        return
    _insert(ctx.s, t, batch)


def _collect_ids(ctx: _Ctx, sh: Sheet) -> None:
    ids = ctx.ids.setdefault(sh.title, set())
    for _rowno, r in parsed_rows(ctx.wb, sh, None):
        ids.add(r[sh.columns[0].name])


def _periods(ctx: _Ctx, sh: Sheet) -> None:
    _plain(ctx, sh, "fiscal_periods", {})


def _groups(ctx: _Ctx, sh: Sheet) -> None:
    # leader ids are set after the members exist
    t = table("groups")
    assert t is not None
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    leaders: list[tuple[int, int, int]] = []
    for rowno, r in parsed_rows(ctx.wb, sh, None):
        ids.add(r["group_id"])
        if r["leader_member_id"] is not None:
            leaders.append((rowno, r["group_id"], r["leader_member_id"]))
        batch.append(_row_for(ctx, rowno, t, sh, r, leader_member_id=None))
    _flush_checked(ctx, t, batch)
    ctx.maps["leaders"] = {g: m for _r, g, m in leaders}
    ctx.maps["leader_rows"] = {g: rowno for rowno, g, _m in leaders}


def _members(ctx: _Ctx, sh: Sheet) -> None:
    t = table("members")
    assert t is not None
    cats = ctx.maps.get("category", {})
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    vulns: list[dict[str, Any]] = []
    for rowno, r in parsed_rows(ctx.wb, sh, None):
        ctx.check(rowno, sh.title, "group_id", r["group_id"], "Kelompok")
        ids.add(r["member_id"])
        batch.append(_row_for(ctx, rowno, t, sh, r, name_key=(r["name"] or "").lower()))
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
            _flush_checked(ctx, MemberVulnerability.__table__, vulns)
    _flush_checked(ctx, t, batch)
    _flush_checked(ctx, MemberVulnerability.__table__, vulns)


def _group_history(ctx: _Ctx, sh: Sheet) -> None:
    _plain(ctx, sh, "group_memberships", {"member_id": "Anggota", "group_id": "Kelompok"})


def _journal(ctx: _Ctx, sh: Sheet) -> None:
    entries, lines = table("journal_entries"), table("journal_lines")
    assert entries is not None and lines is not None
    accounts = ctx.maps.get("account", {})
    entry_ids = ctx.ids.setdefault("Jurnal", set())
    line_ids = ctx.ids.setdefault("Jurnal!line", set())  # the bank matches refer to lines
    e_batch: list[dict[str, Any]] = []
    l_batch: list[dict[str, Any]] = []
    for rowno, r in parsed_rows(ctx.wb, sh, None):
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
        l_batch.append(_row_for(ctx, rowno, lines, sh, r, account_id=aid))
        if len(l_batch) >= BATCH:
            _flush_checked(ctx, entries, e_batch)
            _flush_checked(ctx, lines, l_batch)
    _flush_checked(ctx, entries, e_batch)
    _flush_checked(ctx, lines, l_batch)


def _savings_accounts(ctx: _Ctx, sh: Sheet) -> None:
    t = table("savings_accounts")
    assert t is not None
    products = ctx.maps.get("savings_product", {})
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    for rowno, r in parsed_rows(ctx.wb, sh, None):
        ctx.check(rowno, sh.title, "member_id", r["member_id"], "Anggota")
        ctx.check(rowno, sh.title, "savings_product_id", r["savings_product_id"], "Produk Simpanan")
        ids.add(r["savings_account_id"])
        batch.append(
            _row_for(
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


def _savings_transactions(ctx: _Ctx, sh: Sheet) -> None:
    t = table("savings_transactions")
    assert t is not None
    ids = ctx.ids.setdefault(sh.title, set())
    batch: list[dict[str, Any]] = []
    for rowno, r in parsed_rows(ctx.wb, sh, None):
        ctx.check(
            rowno, sh.title, "savings_account_id", r["savings_account_id"], "Rekening Simpanan"
        )
        ctx.check(rowno, sh.title, "journal_entry_id", r["journal_entry_id"], "Jurnal")
        ctx.check(rowno, sh.title, "reverses_savings_tx_id", r["reverses_savings_tx_id"], sh.title)
        ctx.note_receipt(r["receipt_no"])
        ids.add(r["savings_tx_id"])
        batch.append(_row_for(ctx, rowno, t, sh, r))
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


def _loan_table(ctx: _Ctx, sh: Sheet) -> None:
    name, refs = LOAN_REFS[sh.key]
    if table(name) is None:
        # this version has no loans: the sheets must be empty
        for rowno, _r in parsed_rows(ctx.wb, sh, None):
            ctx.rep.add(
                rowno, sh.title, ValidationError("kind", "import_unavailable", kind=sh.title)
            )
            return
        return
    if sh.key == "loan_products":
        _loan_products(ctx, sh, table(name))
        return
    if sh.key == "loans":
        products = ctx.maps.get("loan_product", {})
        t = table(name)
        assert t is not None
        ids = ctx.ids.setdefault(sh.title, set())
        batch: list[dict[str, Any]] = []
        for rowno, r in parsed_rows(ctx.wb, sh, None):
            for col, target in refs.items():
                ctx.check(rowno, sh.title, col, r.get(col), target)
            ids.add(r["loan_id"])
            batch.append(
                _row_for(ctx, rowno, t, sh, r, product_id=products.get(r["loan_product_id"]))
            )
            if len(batch) >= BATCH:
                _flush_checked(ctx, t, batch)
        _flush_checked(ctx, t, batch)
        return
    if sh.key == "collateral":
        # hand-over letters (SSJ-2026-00001) continue after the highest one restored
        for _rowno, r in parsed_rows(ctx.wb, sh, None):
            ctx.note_receipt(r["handover_no"])
    if sh.key == "loan_transactions":
        # self references (reversals, replays) point backwards: collect ids first
        _collect_ids(ctx, sh)
        for _rowno, r in parsed_rows(ctx.wb, sh, None):
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


def _books_table(ctx: _Ctx, sh: Sheet) -> None:
    """Fixed assets and bank reconciliation: plain rows with their ids and references."""
    if sh.key == "bank_matches" and "Jurnal!line" not in ctx.ids:
        lines = table("journal_lines")
        assert lines is not None
        ctx.ids["Jurnal!line"] = set(ctx.s.scalars(select(lines.c.id)))
    if sh.key == "bank_accounts":
        codes = set(ctx.maps.get("account", {}))
        for rowno, r in parsed_rows(ctx.wb, sh, None):
            if r["account_code"] not in codes:
                ctx.rep.add(
                    rowno,
                    f"{sh.title}!account_code",
                    ValidationError("value", "dangling_ref", value=r["account_code"], sheet="Akun"),
                )
    _plain(ctx, sh, sh.table or sh.key, BOOKS_REFS[sh.key])


def _loan_products(ctx: _Ctx, sh: Sheet, t: Table) -> None:
    """Products are matched by code (a new database may hold seeded products)."""
    s = ctx.s
    have = dict(s.execute(select(t.c.code, t.c.id)).all())
    mapping: dict[int, int] = {}
    for rowno, r in parsed_rows(ctx.wb, sh, None):
        values = _row_for(ctx, rowno, t, sh, r)
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
            mapping[r["loan_product_id"]] = s.execute(
                t.insert().values(**values)
            ).inserted_primary_key[0]
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


def _td_table(ctx: _Ctx, sh: Sheet) -> None:
    """The time-deposit sheets, rows with their ids; the deposit numbers (``SB-YYYY-n``)
    continue after the highest restored."""
    name, refs = TD_REFS[sh.key]
    _plain(ctx, sh, name, refs)
    if sh.key == "time_deposits":
        for _rowno, r in parsed_rows(ctx.wb, sh, None):
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


def _standing_table(ctx: _Ctx, sh: Sheet) -> None:
    """Standing instructions and payroll deduction (services/standing_instructions.py,
    services/payroll.py): rows with their ids."""
    assert sh.table is not None
    if table(sh.table) is None:
        return
    _plain(ctx, sh, sh.table, STANDING_REFS[sh.key])


def _after(ctx: _Ctx, by_key: dict[str, Sheet]) -> None:
    s = ctx.s
    leaders = ctx.maps.get("leaders", {})
    rows = ctx.maps.get("leader_rows", {})
    for gid, mid in leaders.items():
        ctx.check(rows[gid], "Kelompok", "leader_member_id", mid, "Anggota")
    if ctx.rep.has_errors:
        return
    for gid, mid in leaders.items():
        s.execute(update(Group).where(Group.id == gid).values(leader_member_id=mid))
    # receipt counters continue after the highest number restored
    for (series, year), last in ctx.receipts.items():
        row = s.get(ReceiptCounter, (series, year))
        if row is None:
            s.add(ReceiptCounter(series=series, year=year, last_no=last))
        else:
            row.last_no = max(row.last_no, last)
    seq = 0
    for (number,) in s.execute(select(Member.number)):
        m = re.search(r"(\d+)$", number)
        if m:
            seq = max(seq, int(m.group(1)))
    if seq:
        from ..services.counters import SERIES_MEMBER

        row = s.get(ReceiptCounter, (SERIES_MEMBER, 0))
        if row is None:
            s.add(ReceiptCounter(series=SERIES_MEMBER, year=0, last_no=seq))
        else:
            row.last_no = max(row.last_no, seq)
    s.flush()
    try:
        from ..services.seal import seal_unsealed
    except ImportError:  # pragma: no cover - a version without journal seals
        seal_unsealed = None
    if seal_unsealed is not None:
        seal_unsealed(s)  # the restored entries get this database's tamper seals
    if s.get_bind().dialect.name == "postgresql":
        for sh in by_key.values():
            first = sh.columns[0]
            if (
                sh.table
                and first.src == "id"
                and sh.key
                not in (
                    "categories",
                    "accounts",
                    "savings_products",
                    "loan_products",
                )
            ):
                if table(sh.table) is None:
                    continue
                s.execute(
                    text(
                        f"SELECT setval(pg_get_serial_sequence('{sh.table}', 'id'), "
                        f"GREATEST((SELECT max(id) FROM {sh.table}), 1))"
                    )
                )
        s.execute(
            text(
                "SELECT setval(pg_get_serial_sequence('journal_entries', 'id'), "
                "GREATEST((SELECT max(id) FROM journal_entries), 1))"
            )
        )


def _final_checks(ctx: _Ctx, by_key: dict[str, Sheet], info: dict[str, str]) -> None:
    """The books checks, and the derived sheets recomputed from the restored rows."""
    from ..services.check import CHECKS, _extra_checks

    s = ctx.s
    s.flush()
    problems = []
    for _name, fn in CHECKS + _extra_checks():
        problems.extend(fn(s))
    for p in problems[:20]:  # about the books, not a row: no "Baris 0"
        ctx.rep.file_errors.append(KoperasiError("books_check_failed", detail=p.message("id")))
    for key in ("trial_balance", "savings_accounts", "loans"):
        sh = by_key.get(key)
        if sh is None or (sh.optional and table(sh.table or "") is None):
            continue
        h = SheetHasher()
        h.add(sh.headers)
        types = [c.type for c in sh.columns]
        for row in sh.rows(s, Period()):
            h.add([to_cell_value(v, t) for v, t in zip(row, types, strict=False)])
        if h.hexdigest() != info.get(f"sha256:{sh.title}"):
            ctx.rep.file_errors.append(
                KoperasiError("books_check_failed", detail=f"{sh.title} berbeda setelah pemulihan")
            )


_ = dt  # dates are parsed by the column parsers

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
import os
import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

from sqlalchemy import select, text, update
from sqlalchemy.exc import SQLAlchemyError

from ..db.models import (
    Group,
    Member,
    ReceiptCounter,
)
from ..errors import KoperasiError, ValidationError
from ..services import audit
from ..services.auth import Actor
from ..services.progress import ProgressCallback, report
from ..services.uow import disk_full, unit_of_work
from .canonical import SheetHasher
from .import_report import ImportReport
from .restore_rows import ParsedRows, RestoreContext, is_empty_target, parse_cell
from .restore_tables import (
    restore_accounts,
    restore_books_table,
    restore_categories,
    restore_group_history,
    restore_groups,
    restore_journal,
    restore_loan_table,
    restore_members,
    restore_periods,
    restore_savings_accounts,
    restore_savings_products,
    restore_savings_transactions,
    restore_settings,
    restore_standing_table,
    restore_td_table,
)
from .sheets import INFO_TITLE, SHEETS
from .spec import FORMAT_NAME, FORMAT_VERSION, Period, Sheet, table
from .xlsxin import (
    FileError,
    Workbook,
)
from .xlsxout import to_cell_value


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


def restore_audit_workbook(
    db,
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
        wb = Workbook(Path(path))
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
        parsed = ParsedRows()
        _pass1(wb, sheets, info, rep, progress, parsed)
        if rep.has_errors:
            return rep
        _restore(db, actor, wb, sheets, info, rep, progress, parsed)
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
    from .consolidation_read import read_info_sheet

    info, digest, signatures = read_info_sheet(wb)
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
    wb: Workbook,
    sheets: list[Sheet],
    info: dict[str, str],
    rep: ImportReport,
    progress: ProgressCallback | None,
    parsed: ParsedRows,
) -> None:
    """One streaming pass per sheet: header, SHA-256 against Info, every cell's type, and
    the balance of every journal entry. The parsed rows are kept in ``parsed`` for the
    second pass (as :func:`.restore_rows.parsed_rows` gives them)."""
    for n, sh in enumerate(sheets):
        report(progress, n, len(sheets) * 2, f"periksa {sh.title}")
        width = len(sh.columns)
        h = SheetHasher()
        header_seen = False
        entry, d, c, first_row = None, 0, 0, 0
        kept: list[tuple[int, tuple[Any, ...]]] = []
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
            r = parse_cell(sh, rowno, row, rep)
            if r is not None and any(v is not None for v in row[:width]):
                kept.append((rowno, tuple(r.values())))
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
            parsed.keep(sh.title, kept)


def _unbalanced(entry: int, d: int, c: int) -> ValidationError:
    from ..domain.money import format_rupiah

    return ValidationError(
        "entry", "unbalanced", debit=format_rupiah(d), credit=format_rupiah(c), entry=entry
    )


# ---------------------------------------------------------------- pass 2


def _restore(db, actor, wb, sheets, info, rep, progress, parsed) -> None:
    by_key = {sh.key: sh for sh in sheets}
    try:
        with unit_of_work(db) as s:
            what = is_empty_target(s)
            if what:
                rep.file_errors.append(FileError("target_not_empty", what=what))
                raise _Abort()
            ctx = RestoreContext(s, wb, rep, parsed)
            steps = [
                ("categories", restore_categories),
                ("accounts", restore_accounts),
                ("savings_products", restore_savings_products),
                ("settings", restore_settings),
                ("periods", restore_periods),
                ("groups", restore_groups),
                ("members", restore_members),
                ("group_history", restore_group_history),
                ("journal", restore_journal),
                ("savings_accounts", restore_savings_accounts),
                ("savings_transactions", restore_savings_transactions),
                ("loan_products", restore_loan_table),
                ("loans", restore_loan_table),
                ("installments", restore_loan_table),
                ("loan_transactions", restore_loan_table),
                ("loan_allocations", restore_loan_table),
                ("collateral", restore_loan_table),
                ("collateral_log", restore_loan_table),
                ("guarantors", restore_loan_table),
                ("fixed_assets", restore_books_table),
                ("fixed_asset_depreciation", restore_books_table),
                ("bank_accounts", restore_books_table),
                ("bank_statement_lines", restore_books_table),
                ("bank_matches", restore_books_table),
                ("standing_instructions", restore_standing_table),
                ("standing_instruction_runs", restore_standing_table),
                ("employers", restore_standing_table),
                ("employer_members", restore_standing_table),
                ("payroll_batches", restore_standing_table),
                ("payroll_lines", restore_standing_table),
                ("time_deposit_products", restore_td_table),
                ("time_deposits", restore_td_table),
                ("time_deposit_events", restore_td_table),
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


def _after(ctx: RestoreContext, by_key: dict[str, Sheet]) -> None:
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
    from ..services.seal import seal_unsealed

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


def _final_checks(ctx: RestoreContext, by_key: dict[str, Sheet], info: dict[str, str]) -> None:
    """The books checks, and the derived sheets recomputed from the restored rows."""
    from ..services.check import CHECKS, extra_checks

    s = ctx.s
    s.flush()
    problems = []
    for _name, fn in CHECKS + extra_checks():
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

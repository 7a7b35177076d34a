"""Validated imports from Excel: the flow that every kind (members, opening balances, savings
transactions, loans; each in its own import_*.py module) goes through:

1. open the file safely (:class:`~koperasi.exchange.xlsxin.Workbook`), find the sheet, map
   the header row to fields (Indonesian or English names, any case and spacing);
2. **validate every row** in a streaming pass: types, NIK, dates, amounts, references,
   duplicates inside the file and against the database (checked in batches);
3. **apply** in ONE unit of work through the services' ``*_in`` functions, each row inside a
   savepoint so that a business rule refusing a row (e.g. a withdrawal beyond the balance)
   becomes a row error instead of an exception;
4. commit only when no row failed - or, with ``valid_only``, commit the rows that passed;
   a dry run always rolls back. Nothing is ever half-imported.

The report (:class:`~.import_report.ImportReport`) names the row, the column and the problem
for each error, in Indonesian or English; :func:`~.import_files.write_error_report` writes
those rows to a workbook with an error column.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..errors import KoperasiError, ValidationError
from ..services.auth import Actor, require
from ..services.progress import Cancelled, ProgressCallback, report
from ..services.uow import disk_full
from .import_kind import Field, Kind
from .import_members import MembersKind
from .import_report import ImportReport
from .import_savings import OpeningBalancesKind, SavingsTransactionsKind
from .xlsxin import PARSERS, FileError, Workbook, normalize

BATCH = 1000


# ---------------------------------------------------------------- the kinds


KINDS: dict[str, type[Kind]] = {
    "members": MembersKind,
    "opening-balances": OpeningBalancesKind,
    "savings-transactions": SavingsTransactionsKind,
}


def kind_class(kind: str) -> type[Kind]:
    if kind == "loans":
        from .loans_import import LoansKind  # here: loans_import builds on this module

        return LoansKind
    cls = KINDS.get(kind)
    if cls is None:
        choices = ", ".join([*KINDS, "loans", "audit-workbook"])
        raise ValidationError("kind", "choice", choices=choices, value=kind)
    return cls


# ---------------------------------------------------------------- the flow


@dataclass
class _Mapped:
    title: str
    headers: list[str]
    header_row: int
    index: dict[str, int]  # field key -> column index
    width: int

    @property
    def cols(self) -> dict[str, str]:  # field key -> header (computed once)
        cols: dict[str, str] | None = self.__dict__.get("_cols")
        if cols is None:
            cols = self.__dict__["_cols"] = {k: self.headers[i] for k, i in self.index.items()}
        return cols


def _map_headers(wb: Workbook, kind: Kind, rep: ImportReport) -> _Mapped | None:
    title = wb.find_sheet(kind.titles, fallback_first=True)
    if title is None:
        rep.file_errors.append(FileError("sheet_missing", sheet=kind.titles[0]))
        return None
    rep.sheet = title
    by_name: dict[str, Field] = {}
    for kf in kind.fields:
        for name in kf.names():
            by_name.setdefault(name, kf)
    for n, (rowno, values, _f) in enumerate(wb.rows(title)):
        if n >= 20:
            break
        headers = ["" if v is None else str(v).strip() for v in values]
        index: dict[str, int] = {}
        dup: list[str] = []
        for i, h in enumerate(headers):
            hf = by_name.get(normalize(h))
            if hf is None:
                continue
            if hf.key in index:
                dup.append(h)
            else:
                index[hf.key] = i
        if not index:
            continue  # a title line above the header
        missing = [f for f in kind.fields if f.required and f.key not in index]
        rep.headers = headers
        if dup:
            rep.file_errors.append(
                FileError("column_duplicate", column=", ".join(dup), sheet=title)
            )
        if missing:
            rep.file_errors.append(
                FileError(
                    "column_missing",
                    sheet=title,
                    column=", ".join(f.label_id for f in missing),
                    column_en=", ".join(f.label_en for f in missing),
                )
            )
        if rep.file_errors:
            return None
        width = max(index.values()) + 1
        return _Mapped(title, headers, rowno, index, width)
    rep.file_errors.append(
        FileError(
            "column_missing",
            sheet=title,
            column=", ".join(f.label_id for f in kind.fields if f.required),
            column_en=", ".join(f.label_en for f in kind.fields if f.required),
        )
    )
    return None


def sheet_data_rows(wb: Workbook, m: _Mapped):
    for rowno, values, formulas in wb.rows(m.title, max_col=m.width):
        if rowno <= m.header_row:
            continue
        yield rowno, values, formulas


def _parse_row(
    kind: Kind, m: _Mapped, rowno: int, values: tuple, formulas: tuple, rep: ImportReport | None
):
    """Parsed field values, or None when the row has an error (added to ``rep``)."""
    data: dict[str, Any] = {}
    bad = False
    cols = m.cols
    for f in kind.fields:
        i = m.index.get(f.key)
        if i is None:
            data[f.key] = None
            continue
        if i < len(formulas) and formulas[i]:
            bad = True
            if rep is not None:
                rep.add(
                    rowno,
                    cols[f.key],
                    ValidationError(f.key, "formula_no_value", formula=str(formulas[i])[:60]),
                )
            continue
        raw = values[i] if i < len(values) else None
        if isinstance(raw, str) and not raw.strip():
            raw = None
        try:
            data[f.key] = PARSERS[f.type](raw, f.key)
        except ValidationError as exc:
            bad = True
            if rep is not None:
                rep.add(rowno, cols[f.key], exc)
            continue
        if f.required and data[f.key] in (None, ""):
            bad = True
            if rep is not None:
                rep.add(rowno, cols[f.key], ValidationError(f.key, "required"))
    if bad:
        return None, cols
    errs = kind.row_checks(data)
    if errs:
        if rep is not None:
            for e in errs:
                rep.add(rowno, _column_for(e.field, cols), e)
        return None, cols
    return data, cols


_FIELD_TO_COLUMN = {
    "member": "member_number",
    "product": "product_code",
    "account": "account_code",
    "group": "group_code",
    "category": "categories",
}


def _column_for(field_key: str, cols: dict[str, str]) -> str:
    return cols.get(field_key) or cols.get(_FIELD_TO_COLUMN.get(field_key, ""), "")


def _validate(db, kind: Kind, wb: Workbook, m: _Mapped, rep: ImportReport, progress) -> None:
    from ..services.uow import read_only

    # the byte scan that the row reader does anyway (openpyxl's max_row would parse the
    # whole sheet once more when the file has no <dimension>)
    estimate = max(0, (wb.last_value_row(m.title) or 0) - m.header_row)
    batch: list[tuple[int, dict[str, Any]]] = []

    def flush(s: Session) -> None:
        for r, col_key, err in kind.db_checks(s, batch):
            rep.add(r, _column_for(col_key, cols) or cols.get(col_key, ""), err)
        batch.clear()

    cols: dict[str, str] = {key: m.headers[i] for key, i in m.index.items()}
    with read_only(db) as s:
        for rowno, values, formulas in sheet_data_rows(wb, m):
            rep.total_rows += 1
            data, cols = _parse_row(kind, m, rowno, values, formulas, rep)
            if data is None:
                continue
            before = len(rep.error_rows)
            kind.file_checks(rep, rowno, data, cols)
            if len(rep.error_rows) == before:
                batch.append((rowno, data))
            if len(batch) >= BATCH:
                flush(s)
            if rep.total_rows % 1000 == 0:
                report(progress, rep.total_rows, max(estimate, rep.total_rows), "periksa")
        if batch:
            flush(s)


def _apply(
    db, actor: Actor, kind: Kind, wb: Workbook, m: _Mapped, rep: ImportReport, progress
) -> None:
    from ..services import audit
    from ..services.transaction_state import restore, snapshot
    from ..services.uow import unit_of_work

    class _Rollback(Exception):
        pass

    written = 0
    try:
        with unit_of_work(db) as s:
            kind.prepare(s, actor)
            done = 0
            for rowno, values, formulas in sheet_data_rows(wb, m):
                done += 1
                if rowno in rep.error_rows:
                    continue
                data, cols = _parse_row(kind, m, rowno, values, formulas, None)
                if data is None:  # cannot happen: validated above
                    continue
                saved = snapshot(s)
                try:
                    with s.begin_nested():
                        written += kind.apply(s, actor, data)
                except KoperasiError as exc:
                    restore(s, saved)
                    field_key = getattr(exc, "field", "")
                    rep.add(rowno, _column_for(field_key, cols), exc)
                if done % 500 == 0:
                    report(progress, done, rep.total_rows, "simpan")
            if rep.error_rows and not rep.valid_only:
                raise _Rollback()
            if rep.dry_run:
                kind.finish(s, rep)
                raise _Rollback()
            kind.finish(s, rep)
            audit.record(
                s,
                actor,
                "import." + kind.key,
                "file",
                Path(rep.path).name,
                after={"rows": rep.total_rows, "written": written, "errors": len(rep.error_rows)},
            )
        rep.written, rep.committed = written, True
    except _Rollback:
        rep.written, rep.committed = 0, False


def open_and_map(kind_key: str, path: str | os.PathLike[str], rep: ImportReport):
    kind = kind_class(kind_key)()
    wb = Workbook(os.fspath(path))
    m = _map_headers(wb, kind, rep)
    return kind, wb, m


def run_import(
    db,
    actor: Actor,
    kind: str,
    path: str | os.PathLike[str],
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    *,
    dry_run: bool = False,
    keys: Mapping[str, str] | None = None,
    allow_unsigned: bool = False,
) -> ImportReport:
    """Import ``path`` as ``kind``; see the module docstring. Never raises for bad input:
    problems are in the returned report (``Cancelled`` from the progress callback and
    permission errors do raise). ``keys`` and ``allow_unsigned``: the audit workbook's
    signature check (:func:`.restore.verify_signature`)."""
    require(actor, "import.write")
    if kind == "audit-workbook":
        from .restore import restore_audit_workbook

        return restore_audit_workbook(
            db,
            actor,
            path,
            progress=progress,
            dry_run=dry_run,
            keys=keys,
            allow_unsigned=allow_unsigned,
        )
    rep = ImportReport(kind, str(path), dry_run=dry_run, valid_only=valid_only)
    wb = None
    try:
        k, wb, m = open_and_map(kind, path, rep)
        if m is None:
            return rep
        _validate(db, k, wb, m, rep, progress)
        if rep.total_rows == 0:
            rep.file_errors.append(FileError("no_rows", sheet=m.title))
            return rep
        # Even with errors found already, the valid rows go through the services in a
        # transaction that is rolled back: the errors only a service finds (a member's second
        # open loan, ...) are in this first report too, not only in a --valid-only run.
        _apply(db, actor, k, wb, m, rep, progress)
    except Cancelled:
        raise
    except KoperasiError as exc:
        rep.file_errors.append(exc)
    except SQLAlchemyError as exc:
        if disk_full(exc):
            rep.file_errors.append(FileError("disk_full"))
        else:
            rep.file_errors.append(
                FileError("import_failed", detail=str(exc).splitlines()[0][:200])
            )
    finally:
        if wb is not None:
            wb.close()
    return rep


def preview_import(
    db,
    kind: str,
    path: str | os.PathLike[str],
    actor: Actor | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """What an import would do, written nowhere: every row validated and applied inside a
    transaction that is rolled back (so business rules such as balances are checked too)."""
    from ..services.auth import SYSTEM

    return run_import(db, actor or SYSTEM, kind, path, progress=progress, dry_run=True)


ProgressFn = Callable[[int, int, str], Any]

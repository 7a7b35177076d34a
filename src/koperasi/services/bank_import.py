"""Bank accounts: importing a bank statement (layout, duplicates). The file is read by the
caller (:func:`koperasi.exchange.bank_statement.import_statement`), its cells parsed by
:mod:`koperasi.domain.bank_statement`."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import TYPE_CHECKING

from sqlalchemy import func, select

from ..db.database import Database
from ..db.models import (
    BankStatementLine,
)
from ..db.models.base import utcnow
from ..domain.bank_statement import Cells, parse_cells
from ..errors import ValidationError
from . import audit, clock
from .auth import Actor, require
from .bank import ImportReport, bank_account_view, get
from .transaction_state import state
from .uow import unit_of_work

if TYPE_CHECKING:
    from .progress import ProgressCallback


def import_cells(
    db: Database,
    actor: Actor,
    code: str,
    file_name: str,
    read_cells: Callable[[], Cells],
    dry_run: bool = False,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """Import a statement into a bank account: every row or none. ``read_cells()`` reads
    the file (``file_name``, for the audit trail) once the account is found. Lines imported
    before are counted as duplicates and left out; the mapping that read the file is saved
    for the account."""
    require(actor, "bank.write")
    rep = ImportReport(dry_run=dry_run)
    try:
        _import_in(db, actor, code, file_name, read_cells, dry_run, rep)
    except _Rollback:
        rep.written = False
    return rep


class _Rollback(Exception):
    """Leave the unit of work without writing (a dry run, or rows in error)."""


def _import_in(
    db: Database,
    actor: Actor,
    code: str,
    file_name: str,
    read_cells: Callable[[], Cells],
    dry_run: bool,
    rep: ImportReport,
) -> None:
    with unit_of_work(db) as s:
        b = get(s, code, lock=True)
        layout = bank_account_view(b).layout or None
        try:
            parsed = parse_cells(read_cells(), layout, clock.today().year)
        except ValidationError as exc:
            rep.errors.append((0, "", exc))
            raise _Rollback from None
        rep.mapping = parsed.mapping
        rep.rows = len(parsed.rows) + len(parsed.errors)
        rep.errors.extend(parsed.errors)
        today = clock.today(state(s).today)
        for r in parsed.rows:
            if r.date > today:
                rep.errors.append(
                    (
                        r.row,
                        "",
                        ValidationError(
                            "bank_date",
                            "posting_in_future",
                            date=r.date.isoformat(),
                            today=today.isoformat(),
                        ),
                    )
                )
        if not parsed.rows and not rep.errors:
            rep.errors.append((0, "", ValidationError("file", "bank_no_lines")))
        if rep.errors:
            raise _Rollback
        known = set(
            s.scalars(
                select(BankStatementLine.fingerprint).where(
                    BankStatementLine.bank_account_id == b.id
                )
            )
        )
        seq = int(
            s.scalar(
                select(func.coalesce(func.max(BankStatementLine.seq), 0)).where(
                    BankStatementLine.bank_account_id == b.id
                )
            )
            or 0
        )
        last = s.execute(
            select(BankStatementLine.date, BankStatementLine.balance)
            .where(BankStatementLine.bank_account_id == b.id)
            .order_by(BankStatementLine.seq.desc())
            .limit(1)
        ).first()
        running = last[1] if last else None
        batch = f"{utcnow().strftime('%Y%m%d%H%M%S')}-{actor.username}"[:40]
        new = []
        for r in parsed.rows:
            if r.fingerprint in known:
                rep.duplicates.append(r.row)
                running = None
                continue
            known.add(r.fingerprint)
            if r.balance is not None:
                running = r.balance
            elif running is not None:
                running += r.amount
            seq += 1
            new.append(
                BankStatementLine(
                    bank_account_id=b.id,
                    date=r.date,
                    description=r.description,
                    amount=r.amount,
                    balance=r.balance if r.balance is not None else running,
                    seq=seq,
                    fingerprint=r.fingerprint,
                    batch=batch,
                    created_by=actor.username,
                )
            )
        rep.imported = len(new)
        if new:
            rep.first_date = min(x.date for x in new)
            rep.last_date = max(x.date for x in new)
        if dry_run:
            raise _Rollback
        s.add_all(new)
        if not bank_account_view(b).layout:
            b.layout = json.dumps(parsed.mapping, ensure_ascii=False, sort_keys=True)
        s.flush()
        audit.record(
            s,
            actor,
            "bank.import",
            "bank_account",
            b.code,
            after={
                "file": file_name,
                "imported": rep.imported,
                "duplicates": len(rep.duplicates),
                "first_date": rep.first_date,
                "last_date": rep.last_date,
            },
        )
        rep.written = True

"""``koperasi export auditor``: the audit workbook (see docs/audit-workbook.md).

Every sheet is streamed from the database (``yield_per``) into a write-only sheet, so
memory stays flat for any size of books. The Info sheet comes first in the workbook but is
filled last, once every other sheet's SHA-256 is known; its last row is the cooperative's
Ed25519 signature over the Info sheet's own SHA-256 (so over every sheet's digest and the
Info fields; see :mod:`koperasi.signing`). Every sheet is set up for printing and records its
size (:class:`~koperasi.exchange.xlsxout.SheetOut`).
"""

from __future__ import annotations

import datetime as dt
import os
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import func, select, text

from .. import __version__, signing
from ..db.models import JournalEntry
from ..errors import ValidationError
from ..services import book_anchor, key_guard
from ..services.auth import SYSTEM, Actor, require, require_read_all
from ..services.progress import ProgressCallback, report
from ..services.settings import profile_in
from ..services.uow import read_only
from .sheets import INFO_TITLE, SHEETS
from .spec import FORMAT_NAME, FORMAT_VERSION, Period, table
from .xlsxout import SheetOut, new_workbook, save_atomic


@dataclass(frozen=True)
class ExportResult:
    path: Path
    rows: dict[str, int]  # sheet title -> data rows (header excluded)
    digests: dict[str, str]  # sheet title -> SHA-256
    complete: bool  # whole books (importable with ``import audit-workbook``)
    public_key: str = ""  # the cooperative's key that signed it (base64, raw Ed25519)
    key_fingerprint: str = ""


def _db_revision(session) -> str:
    return str(session.scalar(text("SELECT max(version_num) FROM alembic_version")) or "")


def export_auditor(
    db,
    path: str | os.PathLike[str],
    date_from: dt.date | None = None,
    date_to: dt.date | None = None,
    progress: ProgressCallback | None = None,
    *,
    actor: Actor = SYSTEM,
    now: dt.datetime | None = None,
    key: signing.CoopKey | None = None,
) -> ExportResult:
    """Write the audit workbook for ``[date_from, date_to]`` (open ends: all) to ``path``.

    ``progress(done, total, message)`` gets one call per sheet and every few thousand rows;
    returning False cancels (nothing is left at ``path``). ``key`` signs the workbook;
    default: the cooperative's key file (created on the first export)."""
    require_read_all(actor, "Buku kerja audit")  # the whole cooperative: not for a ketua
    require(actor, "export.auditor")
    if date_from and date_to and date_to < date_from:
        raise ValidationError("to", "date_before", other=date_from.isoformat())
    period = Period(date_from, date_to)
    now = (now or dt.datetime.now()).replace(microsecond=0)
    wb = new_workbook()
    rows: dict[str, int] = {}
    digests: dict[str, str] = {}
    total = len(SHEETS)
    with read_only(db) as s:
        profile = profile_in(s)
        # printed at the top of every page, with the sheet's name
        head = profile.name or ""
        info = SheetOut(
            wb, INFO_TITLE, ["key", "value"], ["text", "text"], widths=[30, 68], header_left=head
        )
        revision = _db_revision(s)
        anchor = book_anchor.current_in(s)  # the books these sheets were read from
        last_date = s.scalar(select(func.max(JournalEntry.date)))
        for n, sheet in enumerate(SHEETS):
            report(progress, n, total, sheet.title)
            out = SheetOut(
                wb, sheet.title, sheet.headers, [c.type for c in sheet.columns], header_left=head
            )
            if not sheet.optional or table(sheet.table or "") is not None:
                for i, row in enumerate(sheet.rows(s, period), start=1):
                    out.append(row)
                    if i % 5000 == 0:
                        report(progress, n, total, f"{sheet.title}: {i}")
            rows[sheet.title] = out.rows
            digests[sheet.title] = out.digest()
    complete = date_from is None and (date_to is None or last_date is None or last_date <= date_to)
    info_rows: list[tuple[str, object]] = [
        ("format", FORMAT_NAME),
        ("format_version", FORMAT_VERSION),
        ("cooperative_name", profile.name),
        ("cooperative_legal_number", profile.legal_number),
        ("cooperative_address", profile.address),
        ("cooperative_city", profile.city),
        ("period_from", date_from.isoformat() if date_from else ""),
        ("period_to", date_to.isoformat() if date_to else ""),
        ("complete_books", "yes" if complete else "no"),
        ("generated_at", now.isoformat(timespec="seconds")),
        ("generated_by", actor.username),
        ("app_version", __version__),
        ("database_revision", revision),
        ("hash_method", "sha256 over canonical JSON lines; see docs/audit-workbook.md"),
        *anchor.info_rows(),
    ]
    for sheet in SHEETS:
        info_rows.append((f"rows:{sheet.title}", str(rows[sheet.title])))
        info_rows.append((f"sha256:{sheet.title}", digests[sheet.title]))
    own_key = key is None  # the cooperative's key file (not a key handed in)
    key = key or signing.load_or_create(profile.legal_number)
    info_rows += [
        ("signature_algorithm", signing.ALGORITHM),
        ("signature_public_key", key.public),
        ("signature_key_fingerprint", key.fingerprint),
    ]
    for name, value in info_rows:
        info.append([name, "" if value is None else str(value)])
    # the signature covers the Info sheet's canonical rows so far (header included)
    info.append(["signature", key.sign(signing.signed_message(info.digest()))])
    report(progress, total, total, "simpan")
    target = save_atomic(wb, path)
    # the first signed workbook names the cooperative's key in the book (services/key_guard)
    if own_key:
        key_guard.record_signing(db, key.fingerprint, actor.username)
    return ExportResult(target, rows, digests, complete, key.public, key.fingerprint)

"""Backups and restore of the SQLite database (the online backup API, never a file copy).

Entry points for the other areas:

- ``backup_now(db, actor, folder=None)`` — "Backup now" to a chosen folder or USB drive.
- ``backup_on_close(db)`` — the GUI calls it when the app closes (automatic, rotated).
- ``before_risky_operation(db, label)`` — year-end close and similar call it first.
- ``inspect_backup(path)`` — integrity check and the summary shown before a restore.
- ``restore(db, actor, path, confirm=None)`` — backs the current database up, then restores.

A PostgreSQL database is backed up on the server with ``pg_dump`` (docs/postgresql.md);
``backup_now``/``restore`` refuse it with that explanation, the automatic ones do nothing.
"""

from __future__ import annotations

import datetime as dt
import os
import re
import shutil
import sqlite3
import tempfile
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.leftovers import CHECK_PREFIX, TEMP_PREFIX, TEMP_SUFFIX, clean_leftovers  # noqa: F401
from ..db.models import Account, JournalEntry, JournalLine, Member, SavingsAccount, Setting
from ..domain import accounts
from ..domain.vocabulary import MemberStatus
from ..errors import KoperasiError
from . import audit
from .auth import Actor, require
from .uow import unit_of_work

AUTO_LABEL = "otomatis"
SAFETY_LABEL = "sebelum-pulih"
INFO_KEY = "backup_info"
LOANS_ACCOUNT = accounts.LOANS


class BackupError(KoperasiError):
    code = "backup_failed"


@dataclass(frozen=True)
class Retention:
    """How many automatic backups to keep: the newest of each of the last N days, weeks
    (ISO) and months. Labelled backups (manual, before year-end, before restore) are kept."""

    daily: int = 7
    weekly: int = 4
    monthly: int = 12


@dataclass(frozen=True)
class BackupSummary:
    """What a backup holds; shown for confirmation before a restore."""

    path: Path
    taken_at: dt.datetime | None
    label: str
    revision: str | None
    members: int
    active_members: int
    total_savings: int
    loans_outstanding: int
    trial_debit: int
    trial_credit: int
    problems: tuple[str, ...]
    cooperative: str = ""  # whose books these are (the profile's name and legal number)
    legal_number: str = ""
    last_date: dt.date | None = None  # the newest journal entry's date

    @property
    def ok(self) -> bool:
        return not self.problems

    def lines(self, lang: str = "id") -> list[str]:
        from ..domain.fmt import long_date
        from ..domain.money import format_rupiah

        when = self.taken_at.strftime("%Y-%m-%d %H:%M") if self.taken_at else "?"
        last = long_date(self.last_date, lang) if self.last_date else "-"
        legal = self.legal_number or "-"
        if lang == "id":
            return [
                f"Berkas cadangan   : {self.path}",
                f"Koperasi          : {self.cooperative or '-'} (badan hukum {legal})",
                f"Transaksi terakhir: {last}",
                f"Dibuat            : {when} UTC ({self.label or '-'})",
                f"Anggota           : {self.members} ({self.active_members} aktif)",
                f"Total simpanan    : {format_rupiah(self.total_savings)}",
                f"Pinjaman beredar  : {format_rupiah(self.loans_outstanding)}",
                f"Neraca saldo      : debit {format_rupiah(self.trial_debit)}, "
                f"kredit {format_rupiah(self.trial_credit)}",
            ]
        return [
            f"Backup file       : {self.path}",
            f"Cooperative       : {self.cooperative or '-'} (legal entity no. {legal})",
            f"Last transaction  : {last}",
            f"Taken             : {when} UTC ({self.label or '-'})",
            f"Members           : {self.members} ({self.active_members} active)",
            f"Total savings     : {format_rupiah(self.total_savings)}",
            f"Loans outstanding : {format_rupiah(self.loans_outstanding)}",
            f"Trial balance     : debit {format_rupiah(self.trial_debit)}, "
            f"credit {format_rupiah(self.trial_credit)}",
        ]


@dataclass(frozen=True)
class RestoreResult:
    summary: BackupSummary
    safety_backup: Path


# ---------------------------------------------------------------- making backups


def _require_sqlite(db: Database) -> Path:
    if not db.is_sqlite or db.sqlite_path is None:
        raise BackupError("backup_on_postgres")
    return db.sqlite_path


def default_folder(db: Database) -> Path:
    """``backup/`` beside the database file."""
    return _require_sqlite(db).parent / "backup"


def _clean_label(label: str) -> str:
    text = re.sub(r"[^0-9A-Za-z_-]+", "-", (label or "").strip()).strip("-")
    return text[:40] or "manual"


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def copy_sqlite(source: Path, target: Path, label: str = "", source_name: str = "") -> Path:
    """Copy the live database ``source`` to ``target`` with the online backup API.

    Written to a temporary file in the target folder and renamed at the end, so a failed or
    interrupted backup never leaves a half file under the final name. The copy is a single
    self-contained file (rollback journal mode) that records when it was taken."""
    target = Path(target)
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=target.parent)
        os.close(fd)
    except OSError as exc:
        raise BackupError(path=str(target), detail=exc.strerror or str(exc)) from exc
    tmp = Path(tmp_name)
    try:
        src = sqlite3.connect(str(source), timeout=30)
        try:
            dst = sqlite3.connect(str(tmp))
            try:
                src.backup(dst)
                dst.execute("PRAGMA journal_mode=DELETE")
                info = {
                    "taken_at": _now().isoformat(),
                    "label": label,
                    "source": source_name or str(source),
                    "anchor": _anchor(dst),  # the chain heads, checked when it is restored
                }
                import json

                dst.execute(
                    "INSERT INTO settings(key, value) VALUES (?, ?) "
                    "ON CONFLICT(key) DO UPDATE SET value = excluded.value",
                    (INFO_KEY, json.dumps(info, sort_keys=True)),
                )
                dst.commit()
            finally:
                dst.close()
        finally:
            src.close()
        with open(tmp, "rb+") as fh:
            os.fsync(fh.fileno())
        os.replace(tmp, target)
    except (sqlite3.Error, OSError) as exc:
        _remove_with_journals(tmp)  # a full disk leaves no half copy and no -journal
        raise BackupError(path=str(target), detail=str(exc)) from exc
    return target


def _anchor(conn: sqlite3.Connection) -> dict[str, Any]:
    """The heads of the seal and audit chains in a copy (its anchor, see db.sealing)."""
    try:
        entry = conn.execute(
            "SELECT entry_id, hash FROM journal_seals ORDER BY id DESC LIMIT 1"
        ).fetchone()
        audit = conn.execute("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1").fetchone()
    except sqlite3.Error:  # a book older than the seals
        entry = audit = None
    return {
        "at": _now().isoformat(),
        "entry_id": entry[0] if entry else None,
        "entry_hash": entry[1] if entry else None,
        "audit_id": audit[0] if audit else None,
        "audit_hash": audit[1] if audit else None,
    }


def backup_file_name(db_path: Path, label: str, when: dt.datetime | None = None) -> str:
    when = when or dt.datetime.now()
    return f"{db_path.stem}-{_clean_label(label)}-{when.strftime('%Y%m%d-%H%M%S')}.db"


def _unique(path: Path) -> Path:
    n, candidate = 1, path
    while candidate.exists():
        n += 1
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
    return candidate


def backup_to(db: Database, target: str | os.PathLike[str], label: str = "manual") -> Path:
    """Back the database up to the file ``target`` (no role check: internal use)."""
    source = _require_sqlite(db)
    target = Path(target).expanduser().resolve()
    if target == source:
        raise BackupError(path=str(target), detail="same file as the database")
    from ..db import sealing

    sealing.anchor_now(db.engine, "backup")
    return copy_sqlite(source, target, _clean_label(label), str(source))


def backup_file(
    db: Database, actor: Actor, target: str | os.PathLike[str], label: str = "manual"
) -> Path:
    """ "Backup to this file" (``koperasi backup -o FILE``): administrators and treasurers."""
    require(actor, "backup.create")
    return backup_to(db, target, label)


def backup_now(
    db: Database, actor: Actor, folder: str | os.PathLike[str] | None = None, label: str = "manual"
) -> Path:
    """ "Backup now": a copy in ``folder`` (default ``backup/`` beside the database)."""
    require(actor, "backup.create")
    source = _require_sqlite(db)
    folder = Path(folder).expanduser() if folder else default_folder(db)
    return backup_to(db, _unique(folder / backup_file_name(source, label)), label)


def backup_on_close(
    db: Database, folder: str | os.PathLike[str] | None = None, retention: Retention = Retention()
) -> Path | None:
    """The automatic backup when the app closes, then rotation. None on PostgreSQL."""
    if not db.is_sqlite:
        return None
    source = _require_sqlite(db)
    target_dir = Path(folder) if folder else default_folder(db)
    path = backup_to(db, _unique(target_dir / backup_file_name(source, AUTO_LABEL)), AUTO_LABEL)
    rotate(target_dir, source.stem, retention)
    return path


def before_risky_operation(db: Database, label: str) -> Path | None:
    """A labelled backup before a year-end close, a big import, ... (kept, not rotated).
    None on PostgreSQL, where the server's pg_dump schedule covers it."""
    if not db.is_sqlite:
        return None
    source = _require_sqlite(db)
    folder = default_folder(db)
    return backup_to(db, _unique(folder / backup_file_name(source, f"sebelum-{label}")), label)


_AUTO_RE = re.compile(r"-(?P<label>[0-9A-Za-z_-]+?)-(?P<stamp>\d{8}-\d{6})(?:-\d+)?\.db$")


def auto_backups(folder: Path, stem: str) -> list[tuple[dt.datetime, Path]]:
    """The automatic backups of database ``stem`` in ``folder``, newest first."""
    out = []
    for p in Path(folder).glob(f"{stem}-{AUTO_LABEL}-*.db"):
        m = _AUTO_RE.search(p.name[len(stem) :])
        if not m or m.group("label") != AUTO_LABEL:
            continue
        try:
            when = dt.datetime.strptime(m.group("stamp"), "%Y%m%d-%H%M%S")
        except ValueError:
            continue
        out.append((when, p))
    out.sort(reverse=True)
    return out


def select_kept(stamps: Iterable[dt.datetime], retention: Retention) -> set[dt.datetime]:
    """Grandfather-father-son: the newest backup of each of the last N days, weeks, months."""
    ordered = sorted(set(stamps), reverse=True)
    keep: set[dt.datetime] = set()
    for n, key in (
        (retention.daily, lambda t: t.date()),
        (retention.weekly, lambda t: tuple(t.isocalendar()[:2])),
        (retention.monthly, lambda t: (t.year, t.month)),
    ):
        seen: list[Any] = []
        for t in ordered:
            k = key(t)
            if k in seen:
                continue
            if len(seen) >= n:
                break
            seen.append(k)
            keep.add(t)
    return keep


def rotate(folder: Path, stem: str, retention: Retention = Retention()) -> list[Path]:
    """Delete automatic backups beyond the retention; returns what was deleted."""
    backups = auto_backups(folder, stem)
    keep = select_kept((t for t, _ in backups), retention)
    removed = []
    for t, p in backups:
        if t not in keep:
            p.unlink(missing_ok=True)
            removed.append(p)
    return removed


# ---------------------------------------------------------------- inspecting and restoring


def _integrity(path: Path) -> list[str]:
    try:
        with open(path, "rb") as fh:
            if fh.read(16) != b"SQLite format 3\x00":
                return ["bukan berkas SQLite / not an SQLite file"]
        conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = [r[0] for r in conn.execute("PRAGMA integrity_check").fetchall()]
        finally:
            conn.close()
    except (sqlite3.Error, OSError) as exc:
        return [str(exc)]
    return [] if rows == ["ok"] else rows[:5]


def inspect_backup(path: str | os.PathLike[str]) -> BackupSummary:
    """Integrity check (``PRAGMA integrity_check``, a schema revision this app knows,
    ``koperasi check``) and the totals of a backup file. Raises :class:`BackupError` when
    the file cannot be read at all; other problems are listed in ``problems``."""
    from ..db.database import open_database
    from ..db.migrate import head_revision
    from .check import run_checks
    from .settings import profile_in
    from .trial_balances import trial_balance_in

    path = Path(path).expanduser().resolve()
    if not path.is_file():
        raise BackupError("restore_bad_backup", path=str(path), detail="file not found")
    bad = _integrity(path)
    if bad:
        raise BackupError("restore_bad_backup", path=str(path), detail="; ".join(bad))
    work = Path(tempfile.mkdtemp(prefix=CHECK_PREFIX))
    try:
        copy = work / "periksa.db"
        src = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        dst = sqlite3.connect(str(copy))
        try:
            src.backup(dst)
            try:
                revision = src.execute("SELECT version_num FROM alembic_version").fetchone()
            except sqlite3.Error:
                revision = None
        finally:
            dst.close()
            src.close()
        revision = revision[0] if revision else None
        try:
            db = open_database(copy, seed=False)  # refuses foreign or newer databases
        except KoperasiError as exc:
            raise BackupError(
                "restore_bad_backup", path=str(path), detail=exc.message("en")
            ) from exc
        try:
            report = run_checks(db, anchor=False)
            with unit_of_work(db) as s:
                info = _info(s)
                members = int(s.scalar(select(func.count(Member.id))) or 0)
                active = int(
                    s.scalar(
                        select(func.count(Member.id)).where(Member.status == MemberStatus.ACTIVE)
                    )
                    or 0
                )
                savings = int(
                    s.scalar(select(func.coalesce(func.sum(SavingsAccount.balance), 0))) or 0
                )
                loans = int(
                    s.scalar(
                        select(func.coalesce(func.sum(JournalLine.debit - JournalLine.credit), 0))
                        .join(Account, Account.id == JournalLine.account_id)
                        .where(Account.code == LOANS_ACCOUNT)
                    )
                    or 0
                )
                tb = trial_balance_in(s, dt.date(9999, 12, 31))
                profile = profile_in(s)
                last_date = s.scalar(select(func.max(JournalEntry.date)))
        finally:
            db.dispose()
        problems = [f"[{p.check}] {p.message('en')}" for p in report.problems]
        if revision is not None and revision != head_revision():
            info.setdefault("upgraded_from", revision)
        taken = info.get("taken_at")
        return BackupSummary(
            path=path,
            taken_at=dt.datetime.fromisoformat(taken) if taken else None,
            label=str(info.get("label", "")),
            revision=revision,
            members=members,
            active_members=active,
            total_savings=savings,
            loans_outstanding=loans,
            trial_debit=tb.total_debit,
            trial_credit=tb.total_credit,
            problems=tuple(problems),
            cooperative=profile.name,
            legal_number=profile.legal_number,
            last_date=last_date,
        )
    finally:
        shutil.rmtree(work, ignore_errors=True)


def _info(s: Session) -> dict[str, Any]:
    import json

    raw = s.scalar(select(Setting.value).where(Setting.key == INFO_KEY))
    try:
        value = json.loads(raw) if raw else {}
    except ValueError:
        value = {}
    return value if isinstance(value, dict) else {}


def _copy_file(source: Path, target: Path, timeout: float = 5) -> None:
    """One SQLite online backup of ``source`` into ``target`` (one write transaction)."""
    src = sqlite3.connect(f"file:{source}?mode=ro", uri=True)
    try:
        dst = sqlite3.connect(str(target), timeout=timeout)
        try:
            src.backup(dst)
        finally:
            dst.close()
    finally:
        src.close()


def _remove_with_journals(path: Path) -> None:
    for p in (path, *(path.with_name(path.name + s) for s in ("-journal", "-wal", "-shm"))):
        p.unlink(missing_ok=True)


def restore(
    db: Database,
    actor: Actor,
    path: str | os.PathLike[str],
    confirm: Callable[[BackupSummary], bool] | None = None,
) -> RestoreResult | None:
    """Replace the database's content by the backup at ``path``.

    Order: check the backup (refused when it is damaged, of an unknown schema or fails
    ``check``), ask ``confirm(summary)`` (None means confirmed), back the current database up
    (label ``sebelum-pulih``), then copy the backup in with the online backup API and record
    the restore in the audit trail. Returns None when not confirmed."""
    require(actor, "backup.restore")
    live = _require_sqlite(db)
    summary = inspect_backup(path)
    if not summary.ok:
        raise BackupError(
            "restore_bad_backup", path=str(summary.path), detail="; ".join(summary.problems[:3])
        )
    if summary.path == live:
        raise BackupError(
            "restore_bad_backup", path=str(summary.path), detail="it is the open database"
        )
    if confirm is not None and not confirm(summary):
        return None
    safety = backup_to(
        db, _unique(default_folder(db) / backup_file_name(live, SAFETY_LABEL)), SAFETY_LABEL
    )
    # The backup is copied beside the database, upgraded there and given its restore record
    # in its own audit trail; only then does one SQLite backup (a single write transaction
    # on the live file) put it in place. Killed at any moment, the database is either the
    # old one without a restore record or the new one with it; a left-over work file is
    # removed at the next start (clean_leftovers).
    fd, work_name = tempfile.mkstemp(prefix=TEMP_PREFIX, suffix=TEMP_SUFFIX, dir=live.parent)
    os.close(fd)
    work = Path(work_name)
    try:
        _copy_file(summary.path, work)
        from ..db.database import open_database

        staged = open_database(work, seed=False)  # upgrades a backup of an older version
        try:
            with unit_of_work(staged) as s:
                s.execute(delete(Setting).where(Setting.key == INFO_KEY))
                audit.record(
                    s,
                    actor,
                    "backup.restore",
                    "database",
                    live.name,
                    after={
                        "file": str(summary.path),
                        "taken_at": summary.taken_at,
                        "safety_backup": str(safety),
                        "cooperative": summary.cooperative,
                        "legal_number": summary.legal_number,
                    },
                )
        finally:
            staged.dispose()
        db.dispose()  # our pooled connections must not hold the file while it is replaced
        _copy_file(work, live, timeout=30)
        from ..db import sealing

        sealing.anchor_now(db.engine, "reset")  # the anchors of the replaced book are void
    except sqlite3.Error as exc:
        raise BackupError(path=str(live), detail=str(exc)) from exc
    except OSError as exc:
        raise BackupError(path=str(live), detail=exc.strerror or str(exc)) from exc
    finally:
        _remove_with_journals(work)
    return RestoreResult(summary, safety)

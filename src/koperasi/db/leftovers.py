"""What a killed backup or restore leaves behind, removed when the database is opened."""

from __future__ import annotations

import datetime as dt
import shutil
import tempfile
from pathlib import Path

TEMP_PREFIX = ".koperasi-"  # temporary copies beside the database and in its backup folder
TEMP_SUFFIX = ".tmp"
CHECK_PREFIX = "koperasi-periksa-"  # folders where a backup file is checked before a restore


def clean_leftovers(
    db_path: Path, older_than: dt.timedelta = dt.timedelta(minutes=10)
) -> list[Path]:
    """Remove what a killed backup or restore left (issue 22): temporary copies and their
    ``-journal``/``-wal`` files beside the database and in its backup folder, and the
    temporary folders of backup checks. Only files untouched for ``older_than``: a backup
    running in another window at this moment keeps its file. Called when the app starts."""
    now = dt.datetime.now().timestamp()
    removed: list[Path] = []
    folders = [db_path.parent, db_path.parent / "backup"]
    for folder in folders:
        try:
            candidates = list(folder.glob(f"{TEMP_PREFIX}*{TEMP_SUFFIX}*"))
        except OSError:
            continue
        for p in candidates:
            try:
                if now - p.stat().st_mtime >= older_than.total_seconds():
                    p.unlink()
                    removed.append(p)
            except OSError:
                continue
    for p in Path(tempfile.gettempdir()).glob(f"{CHECK_PREFIX}*"):
        try:
            if p.is_dir() and now - p.stat().st_mtime >= older_than.total_seconds():
                shutil.rmtree(p, ignore_errors=True)
                removed.append(p)
        except OSError:
            continue
    return removed

"""GUI scenarios on the demo-sized book (issue 18): the longest time the Qt event loop is
blocked while a user does common work, and the main window's cold start to ready.

Both run the app in a child process (``python -m bench.ui_drive``), so every run starts
cold (first visits to pages, first queries) as a user's session does. Each timed run returns
``(wall seconds, CPU seconds)``: for the stall, the longest gap between two ticks of a 5 ms
timer on the UI thread and the UI thread's own CPU time in that gap (on a shared machine the
wall gap also counts the wait for a core); for the start, the time from launching the
process to the first pass of the event loop after the main window showed, and the process's
CPU time until then.

The book is the app's own demo (``koperasi demo``: 300 members, 3 years, as the "Coba
demo" button builds it), built once and cached beside the generated databases.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import subprocess
import sys
import time
from pathlib import Path

from .scenarios import Ctx, Scenario

DEMO_VERSION = 1  # bump when the demo's content changes in a way the figures depend on
DEMO_MEMBERS, DEMO_YEARS = 300, 3


def demo_path(today: dt.date | None = None) -> Path:
    """The cached demo book (built now if missing): 300 members, 3 years up to the end of
    last month, as the app's "Coba demo" builds it."""
    from koperasi.demo.builder import default_as_of

    from .run import cache_root

    as_of = default_as_of(today or dt.date.today())
    folder = cache_root() / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"demo-v{DEMO_VERSION}-{DEMO_MEMBERS}x{DEMO_YEARS}-{as_of:%Y%m}.db"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        _keep_seal_key(folder)
        return path
    for stale in folder.glob("demo-*"):
        stale.unlink()
    import koperasi.services.wiring  # noqa: F401 - import order as the app's
    from koperasi.db.database import open_database
    from koperasi.demo.builder import build_demo

    db = open_database(path)
    try:
        build_demo(db, members=DEMO_MEMBERS, seed=1, years=DEMO_YEARS, as_of=as_of)
    finally:
        db.dispose()
    done.write_text("ok")
    _keep_seal_key(folder)
    return path


def _keep_seal_key(folder: Path) -> None:
    """Keep, beside the cached demo, the seal key it was built (sealed) with: this
    process's key (``KOPERASI_SEAL_KEY_FILE`` or the data folder's). The stall script runs
    with a private home, and with any other key the app warns at open that the book was
    sealed with another key (a modal that stops the script), as it would on a treasurer's
    PC that lacks the book's key."""
    import shutil

    from koperasi.db import sealing

    kept = folder / "seal.key"
    if not kept.exists():
        sealing.seal_key()  # created now if this process never had one
        shutil.copyfile(sealing.key_path(), kept)


def _setup(ctx: Ctx) -> dict:
    """A private copy of the demo (the stall script posts into it) and a private home."""
    import shutil
    import sqlite3

    source = demo_path()
    ctx.work.mkdir(parents=True, exist_ok=True)
    target = ctx.work / "demo.db"
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(source), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    home = ctx.work / "home"
    shutil.rmtree(home, ignore_errors=True)
    key = home / "seal.key"  # the demo's own key: the PC it was built on, as a user's
    key.parent.mkdir(parents=True)
    shutil.copyfile(source.parent / "seal.key", key)
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen", HOME=str(home))
    env["XDG_CONFIG_HOME"] = str(home / "config")
    env["XDG_DATA_HOME"] = str(home / "data")
    env["XDG_STATE_HOME"] = str(home / "data")
    env["XDG_CACHE_HOME"] = str(home / "cache")
    env["KOPERASI_SEAL_KEY_FILE"] = str(key)
    env["KOPERASI_ANCHOR_DIR"] = str(home / "anchors")
    env["KOPERASI_KEYS_DIR"] = str(home / "keys")
    return {"db": str(target), "env": env, "source": str(source)}


def _child(what: str, st: dict) -> dict:
    """Run ``bench.ui_drive WHAT DB LAUNCHED`` and return its JSON line."""
    launched = time.time()
    proc = subprocess.run(
        [sys.executable, "-m", "bench.ui_drive", what, st["db"], repr(launched)],
        env=st["env"],
        cwd=Path(__file__).resolve().parent.parent,
        capture_output=True,
        text=True,
        timeout=900,
    )
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"{what} exited {proc.returncode}: {proc.stderr[-1500:]}")
    out = json.loads(lines[-1])
    st.setdefault("details", []).append(out)
    return out


def _stall_app(st: dict, i: int) -> tuple[float, float]:
    _setup_copy_again(st, i)
    out = _child("stall", st)
    print(json.dumps({"stall_run": i, **out}), file=sys.stderr, flush=True)
    return out["max_gap"], out["max_gap_cpu"]


def _stall_base(st: dict, i: int) -> tuple[float, float]:
    out = _child("stall-bare", st)
    return out["max_gap"], out["max_gap_cpu"]


def _setup_copy_again(st: dict, i: int) -> None:
    """Every run after the first starts from the untouched demo (the script posts)."""
    if i == 0:
        return
    import sqlite3

    target = Path(st["db"])
    for suffix in ("", "-wal", "-shm"):
        Path(f"{target}{suffix}").unlink(missing_ok=True)
    src, dst = sqlite3.connect(st["source"]), sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()


def _start_app(st: dict, i: int) -> tuple[float, float]:
    out = _child("start", st)
    return out["ready"], out["ready_cpu"]


def _start_base(st: dict, i: int) -> tuple[float, float]:
    out = _child("start-bare", st)
    return out["ready"], out["ready_cpu"]


UI_SCENARIOS: list[Scenario] = [
    Scenario(
        "ui_stall",
        "longest UI-thread block in a scripted session [demo book]",
        "none",
        _setup,
        _stall_app,
        _stall_base,
        budget_ms=100,
        runs=3,
        warmup=0,
        timed_inside=True,
    ),
    Scenario(
        "gui_ready",
        "GUI cold start to main window ready [demo book]",
        "none",
        _setup,
        _start_app,
        _start_base,
        budget_ratio=3.0,
        runs=5,
        warmup=1,
        timed_inside=True,
    ),
]

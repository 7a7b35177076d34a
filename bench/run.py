"""``make bench``: build (or reuse) the synthetic large cooperative, run every scenario and its
raw-library baseline in separate processes, print a table, keep the results.

    python -m bench.run                      # scale 1 + main scenarios at 2x and 4x data
    python -m bench.run --scaling ''         # scale 1 only
    python -m bench.run --only check,month_end --runs 3
    python -m bench.run --record             # also write the tables into bench/README.md

Each scenario runs ``warmup`` untimed + ``runs`` timed times in one process per variant;
the table shows the median, the process's peak RSS, the baseline's median and the ratio.
Generated databases are cached in the user's cache folder (``~/.cache/koperasi-bench`` on
Linux; ``KOPERASI_BENCH_CACHE`` overrides), keyed on ``bench.generate.VERSION``; a new
migration upgrades the cached files in place. Mutating scenarios work on a private copy
(bench/results/work-*) made per run of this script.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import shutil
import sqlite3
import statistics
import subprocess
import sys
import time
from pathlib import Path

from .scenarios import BY_NAME, SCENARIOS, Scenario

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
RESULTS = HERE / "results"
README = HERE / "README.md"
BEGIN, END = "<!-- bench:results -->", "<!-- /bench:results -->"


def cache_root() -> Path:
    """Where generated databases are kept between runs: the user's cache folder
    (``KOPERASI_BENCH_CACHE`` overrides), one sub-folder per generator version."""
    env = os.environ.get("KOPERASI_BENCH_CACHE")
    if env:
        return Path(env)
    from platformdirs import user_cache_dir

    return Path(user_cache_dir("koperasi-bench", appauthor=False))


def cache_dir() -> Path:
    from .generate import VERSION

    return cache_root() / f"generator-v{VERSION}"


def _scale_tag(scale: float) -> str:
    return f"{scale:g}x"


def _upgrade_schema(path: Path, say) -> None:  # type: ignore[no-untyped-def]
    """A cached database built before a new migration: upgrade it in place (what the app does
    on open, minus the safety backup, which would only copy a throw-away file)."""
    from koperasi.db.engine import make_engine, normalise_url
    from koperasi.db.migrate import _upgrade, current_revision, head_revision

    url, _ = normalise_url(path)
    engine = make_engine(url, path)
    try:
        rev = current_revision(engine)
        if rev != head_revision():
            started = time.monotonic()
            _upgrade(engine)
            say(
                f"upgraded {path.name} {rev} -> {head_revision()} ({time.monotonic() - started:.0f} s)"
            )
    finally:
        engine.dispose()


def ensure_db(kind: str, scale: float, say) -> Path:  # type: ignore[no-untyped-def]
    """The generated database for ``kind`` at ``scale``: from the cache when this generator
    version built it already (schema upgraded to the current migrations), else built now."""
    folder = cache_dir()
    folder.mkdir(parents=True, exist_ok=True)
    for stale in cache_root().glob("generator-v*"):
        if stale != folder:
            shutil.rmtree(stale, ignore_errors=True)
    if kind == "large":
        path = folder / f"large-{_scale_tag(scale)}.db"
        members = None
    else:
        members = max(1000, round(50_000 * scale))
        path = folder / f"members-{members}.db"
    done = path.with_suffix(".done")
    if path.exists() and done.exists():
        _upgrade_schema(path, say)
        return path
    say(f"building {path} ...")
    started = time.monotonic()
    counts, lines = _generate_apart(path, scale, members)
    say(f"built {path.name} in {time.monotonic() - started:.0f} s ({lines} journal lines)")
    done.write_text(json.dumps(counts))
    for stale in path.parent.glob(f"import-*{path.stem}*"):
        stale.unlink()
    return path


def _generate_apart(path: Path, scale: float, members: int | None) -> tuple[dict, int]:
    """Build a database in a process of its own: the generator's peak memory (close to a
    gigabyte at 1x) then never becomes this runner's, which every scenario's worker would
    otherwise inherit as its "maximum RSS" (Linux carries a parent's high-water mark over
    fork + exec into the child's rusage)."""
    code = (
        "import json, sys\n"
        "from pathlib import Path\n"
        "from bench.generate import generate\n"
        "m = None if sys.argv[3] == '-' else int(sys.argv[3])\n"
        "s = generate(Path(sys.argv[1]), float(sys.argv[2]), members=m, quiet=False)\n"
        "print(json.dumps({'counts': s.counts, 'lines': s.lines}))\n"
    )
    proc = subprocess.run(
        [
            sys.executable,
            "-c",
            code,
            str(path),
            str(scale),
            "-" if members is None else str(members),
        ],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        text=True,
        check=True,
    )
    out = proc.stdout.strip().splitlines()
    for line in out[:-1]:
        print(line, flush=True)
    result = json.loads(out[-1])
    return result["counts"], int(result["lines"])


def run_variant(
    sc: Scenario, variant: str, db: Path, work: Path, runs: int, warmup: int, scale: float
) -> dict:
    cmd = [
        sys.executable,
        "-m",
        "bench.worker",
        sc.name,
        variant,
        str(db),
        str(work),
        str(runs),
        str(warmup),
        str(scale),
    ]
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    proc = subprocess.run(cmd, cwd=ROOT, env=env, capture_output=True, text=True)
    lines = [ln for ln in proc.stdout.splitlines() if ln.startswith("{")]
    if not lines:
        return {"error": f"worker exited {proc.returncode}: {proc.stderr[-800:]}"}
    return json.loads(lines[-1])


def _fmt_ms(seconds: float | None) -> str:
    if seconds is None:
        return "-"
    ms = seconds * 1000
    return f"{ms:,.0f} ms" if ms >= 100 else f"{ms:.1f} ms"


def _fmt_mb(kb: int | None) -> str:
    return "-" if kb is None else f"{kb / 1024:,.0f} MB"


def _median(res: dict | None, key: str) -> float | None:
    return statistics.median(res[key]) if res and res.get(key) else None


def evaluate(sc: Scenario, app: dict | None, base: dict | None, metric: str) -> dict:
    """Medians (wall and CPU), ratio and verdict. ``metric`` is what the budgets are judged
    on: ``wall``, or ``cpu`` (user + system seconds of the process and its children) when
    the machine is shared and the wall time mostly measures the wait for a core."""
    row = {"scenario": sc.name, "title": sc.title, "metric": metric}
    key = "times" if metric == "wall" else "cpu_times"
    row.update(
        app_s=_median(app, "times"),
        app_cpu=_median(app, "cpu_times"),
        base_s=_median(base, "times"),
        base_cpu=_median(base, "cpu_times"),
        app_rss_kb=(app or {}).get("rss_kb"),
        base_rss_kb=(base or {}).get("rss_kb"),
    )
    a, b = _median(app, key), _median(base, key)
    row["judged_s"] = a
    row["ratio"] = (a / b) if (a is not None and b) else None
    budget = []
    ok = True
    if sc.budget_ratio is not None:
        budget.append(f"≤ {sc.budget_ratio:g}x")
        ok &= row["ratio"] is not None and row["ratio"] <= sc.budget_ratio
    if sc.budget_ms is not None:
        limit_s = sc.budget_ms / 1000
        if sc.name == "month_end" and app and app.get("active_loans"):
            # budget is for 30,000 active loans: scale it to the loans actually present
            limit_s = limit_s * max(app["active_loans"], 1) / 30_000
            budget.append(f"≤ {_fmt_ms(limit_s)} ({app['active_loans']:,} active)")
        else:
            budget.append(f"≤ {_fmt_ms(limit_s)}")
        ok &= a is not None and a <= limit_s
    if sc.budget_rss_mb is not None:
        budget.append(f"RSS ≤ {sc.budget_rss_mb} MB")
        ok &= row["app_rss_kb"] is not None and row["app_rss_kb"] <= sc.budget_rss_mb * 1024
    row["budget"] = ", ".join(budget)
    if app is None:
        row["verdict"] = "n/a"
    elif "error" in app:
        row["verdict"] = "ERROR"
    else:
        row["verdict"] = "ok" if ok else "MISSED"
    return row


def machine() -> str:
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = ""
    try:
        kb = int(Path("/proc/meminfo").read_text().split()[1])
        mem = f", {kb / 1024 / 1024:.0f} GB RAM"
    except (OSError, ValueError, IndexError):
        pass
    try:
        import PySide6

        qt = f", PySide6 {PySide6.__version__}"
    except ImportError:
        qt = ""
    return (
        f"{cpu}, {os.cpu_count()} cores{mem}; {platform.system()} {platform.release()}; "
        f"Python {platform.python_version()}, SQLite {sqlite3.sqlite_version}{qt}"
    )


def table(rows: list[dict], scale: float) -> str:
    metric = rows[0]["metric"] if rows else "wall"
    out = [
        f"| scenario (scale {_scale_tag(scale)}) | app median | app CPU | app peak RSS | "
        f"baseline median | baseline CPU | ratio ({metric}) | budget ({metric}) | met? |",
        "|---|---:|---:|---:|---:|---:|---:|---|---|",
    ]
    for r in rows:
        ratio = f"{r['ratio']:.2f}x" if r.get("ratio") is not None else "-"
        out.append(
            f"| {r['title']} | {_fmt_ms(r['app_s'])} | {_fmt_ms(r['app_cpu'])} | "
            f"{_fmt_mb(r['app_rss_kb'])} | {_fmt_ms(r['base_s'])} | {_fmt_ms(r['base_cpu'])} | "
            f"{ratio} | {r['budget']} | "
            f"{r['verdict']}{(': ' + r['note']) if r.get('note') else ''} |"
        )
    return "\n".join(out)


def scaling_table(by_scale: dict[float, list[dict]]) -> str:
    """App medians (judged metric) per data scale; growth = (time ratio) / (data ratio)
    between the smallest and the largest scale: ≤ 1 means linear or better."""
    scales = sorted(by_scale)
    base = scales[0]
    head = "| scenario | " + " | ".join(f"{_scale_tag(s)}" for s in scales) + " | growth vs data |"
    out = [head, "|---|" + "---:|" * len(scales) + "---|"]
    names = [
        r["scenario"]
        for r in by_scale[base]
        if all(any(x["scenario"] == r["scenario"] for x in by_scale[s]) for s in scales)
    ]
    for name in names:
        cells, times = [], []
        for s in scales:
            r = next(x for x in by_scale[s] if x["scenario"] == name)
            t = r.get("judged_s")
            times.append(t)
            cells.append(_fmt_ms(t) if t else "-")
        if times[0] and times[-1]:
            growth = (times[-1] / times[0]) / (scales[-1] / base)
            verdict = (
                f"{growth:.2f} ({'linear or better' if growth <= 1.1 else 'WORSE than linear'})"
            )
        else:
            verdict = "-"
        title = next(x["title"] for x in by_scale[base] if x["scenario"] == name)
        out.append(f"| {title} | " + " | ".join(cells) + f" | {verdict} |")
    return "\n".join(out)


def record(text: str) -> None:
    body = (
        README.read_text(encoding="utf-8")
        if README.exists()
        else f"# Benchmarks\n\n{BEGIN}\n{END}\n"
    )
    if BEGIN not in body:
        body += f"\n{BEGIN}\n{END}\n"
    head, rest = body.split(BEGIN, 1)
    _old, tail = rest.split(END, 1)
    README.write_text(f"{head}{BEGIN}\n{text}\n{END}{tail}", encoding="utf-8")


def run_scale(
    chosen: list[Scenario], scale: float, args, metric: str, say, quick: bool = False
) -> list[dict]:  # type: ignore[no-untyped-def]
    """Every chosen scenario at one data scale. ``quick`` (the scaling re-runs): no
    baseline; one timed run of the heavy scenarios, the millisecond ones (5 runs or more)
    keep their runs (a single run of a 50 ms query is mostly noise), each after its own
    warm-up."""
    dbs = {}
    for kind, factor in sorted({(sc.database, sc.data_scale) for sc in chosen}):
        if kind != "none":
            dbs[kind, factor] = ensure_db(kind, scale * factor, say)
    work = RESULTS / f"work-{_scale_tag(scale)}"
    shutil.rmtree(work, ignore_errors=True)
    work.mkdir(parents=True)
    copy = None
    rows = []
    for sc in chosen:
        db = dbs.get((sc.database, sc.data_scale), work / "none.db")
        if sc.mutates:
            if copy is None:
                # a private copy (the cached files are closed and checkpointed: a file copy)
                copy = work / "mutable.db"
                shutil.copyfile(dbs["large", 1.0], copy)
            db = copy
        runs = args.runs if args.runs is not None else (sc.runs or 5)
        warmup = (
            args.warmup if args.warmup is not None else (sc.warmup if sc.warmup is not None else 1)
        )
        if quick:  # the cheap scenarios keep their runs and warm-up (first query set-up)
            runs = runs if (sc.runs or 5) >= 5 else 1
            warmup = sc.warmup if sc.warmup is not None else 1
        t0 = time.monotonic()
        missing = sc.missing()
        base = (
            None if quick else run_variant(sc, "baseline", db, work / sc.name, runs, warmup, scale)
        )
        app = None if missing else run_variant(sc, "app", db, work / sc.name, runs, warmup, scale)
        row = evaluate(sc, app, base, metric)
        if quick:
            row["verdict"] = "-"
        if sc.data_scale != 1.0:
            row["title"] += f" [data {_scale_tag(scale * sc.data_scale)}]"
        if missing:
            row["note"] = missing
        for label, res in (("app", app), ("baseline", base)):
            if res and "error" in res:
                row["note"] = f"{label}: {res['error'][:200]}"
                say(f"{sc.name} {label} failed: {res.get('traceback', res['error'])}")
        rows.append(row)
        say(
            f"{sc.name} @{_scale_tag(scale)}: app {_fmt_ms(row['app_s'])} (CPU {_fmt_ms(row['app_cpu'])}), "
            f"baseline {_fmt_ms(row['base_s'])} (CPU {_fmt_ms(row['base_cpu'])}) "
            f"[{row['verdict']}] ({time.monotonic() - t0:.0f} s)"
        )
    if copy is not None:
        copy.unlink(missing_ok=True)
        for suffix in ("-wal", "-shm"):
            Path(f"{copy}{suffix}").unlink(missing_ok=True)
    return rows


def _reload_scenarios() -> None:
    """The scenarios again, after ``--consol-n`` changed their N."""
    global BY_NAME, SCENARIOS
    import importlib

    from . import scenarios

    importlib.reload(scenarios)
    BY_NAME, SCENARIOS = scenarios.BY_NAME, scenarios.SCENARIOS


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Koperasi benchmarks")
    parser.add_argument("--scale", default="1", help="data scale of the full run (default 1)")
    parser.add_argument(
        "--scaling",
        default="2,4",
        help="extra data scales for the main scenarios (one run each; '' for none)",
    )
    parser.add_argument(
        "--runs", type=int, help="timed runs per scenario (default: per scenario, 1-15)"
    )
    parser.add_argument("--warmup", type=int, help="untimed runs first (default 1)")
    parser.add_argument("--only", help="comma-separated scenario names")
    parser.add_argument("--skip", default="", help="comma-separated scenario names to leave out")
    parser.add_argument(
        "--judge",
        choices=("auto", "wall", "cpu"),
        default="auto",
        help="judge budgets on wall or CPU time (auto: CPU when the machine is busy)",
    )
    parser.add_argument(
        "--record", action="store_true", help="write the results into bench/README.md"
    )
    parser.add_argument("--consol-n", type=int, help="workbooks of the consolidate scenario")
    args = parser.parse_args(argv)
    if args.consol_n:  # read by bench.consolidation in this process and the workers
        os.environ["KOPERASI_BENCH_CONSOL_N"] = str(args.consol_n)
        _reload_scenarios()

    def say(msg: str) -> None:
        print(f"[bench] {msg}", file=sys.stderr, flush=True)

    names = args.only.split(",") if args.only else [s.name for s in SCENARIOS]
    unknown = [n for n in names if n not in BY_NAME]
    if unknown:
        parser.error(f"unknown scenario(s): {', '.join(unknown)}; known: {', '.join(BY_NAME)}")
    chosen = [BY_NAME[n] for n in names if n not in args.skip.split(",")]
    scale = float(args.scale)
    extra = [float(x) * scale for x in args.scaling.split(",") if x.strip()]
    load = os.getloadavg()[0]
    cores = os.cpu_count() or 1
    metric = args.judge
    if metric == "auto":
        metric = "cpu" if load > cores * 0.75 else "wall"
    say(f"load average {load:.1f} on {cores} cores: budgets judged on {metric} time")
    started = time.monotonic()
    rows = run_scale(chosen, scale, args, metric, say)
    by_scale: dict[float, list[dict]] = {scale: rows}
    print()
    print(table(rows, scale))
    main_ones = [sc for sc in chosen if sc.scaling]
    for s in extra:
        if main_ones:
            by_scale[s] = run_scale(main_ones, s, args, metric, say, quick=True)
    text = [table(rows, scale)]
    if len(by_scale) > 1:
        print()
        print(scaling_table(by_scale))
        text.append(
            f"Scaling (app, {metric} time; at 2x and 4x one run of the heavy scenarios, "
            "the usual runs of the millisecond ones):\n\n" + scaling_table(by_scale)
        )
    elapsed = time.monotonic() - started
    end_load = os.getloadavg()[0]
    footer = (
        f"Machine: {machine()}. Run {time.strftime('%Y-%m-%d %H:%M %Z')}, took "
        f"{elapsed / 60:.1f} min; load average {load:.1f} at the start, {end_load:.1f} at the "
        f"end; budgets judged on {metric} time."
    )
    print(f"\n{footer}")
    RESULTS.mkdir(exist_ok=True)
    (RESULTS / "latest.json").write_text(
        json.dumps(
            {
                "scales": {str(k): v for k, v in by_scale.items()},
                "machine": machine(),
                "seconds": elapsed,
                "metric": metric,
            },
            indent=1,
            default=str,
        )
    )
    if args.record:
        record("\n\n".join(text) + "\n\n" + footer)
        say(f"recorded in {README}")
    return 0


if __name__ == "__main__":
    sys.exit(main())

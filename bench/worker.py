"""Runs ONE variant (app or baseline) of one scenario in its own process, so that its peak
memory (RSS) is its own: ``python -m bench.worker SCENARIO app|baseline DB WORKDIR RUNS
WARMUP SCALE``. Prints one JSON line: times (s), peak RSS (kB), or the error."""

from __future__ import annotations

import json
import resource
import sys
import time
import traceback
from pathlib import Path

import koperasi.services.wiring  # noqa: F401 - the services' handlers, as the app wires them

from .scenarios import BY_NAME, Ctx


def _cpu() -> float:
    """CPU seconds (user + system) of this process and its finished children: on a shared
    machine the wall time also counts the time spent waiting for a core."""
    total = 0.0
    for who in (resource.RUSAGE_SELF, resource.RUSAGE_CHILDREN):
        u = resource.getrusage(who)
        total += u.ru_utime + u.ru_stime
    return total


def _own_peak_kb() -> int:
    """This process's own peak RSS (kB): ``VmHWM`` of /proc/self/status, which starts afresh
    at exec. ``ru_maxrss`` would not: Linux carries the parent's high-water mark at fork over
    into the child's, so every worker of a runner that had built a database in-process read
    the generator's peak. Elsewhere (no /proc), ``ru_maxrss``."""
    try:
        with open("/proc/self/status", encoding="ascii") as fh:
            for line in fh:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss


def main(argv: list[str]) -> int:
    name, variant, db, work, runs, warmup, scale = argv
    sc = BY_NAME[name]
    ctx = Ctx(Path(db), Path(work), float(scale))
    ctx.work.mkdir(parents=True, exist_ok=True)
    out: dict = {"scenario": name, "variant": variant}
    try:
        state = sc.setup(ctx)
        fn = sc.app if variant == "app" else sc.baseline
        rss_setup = _own_peak_kb()
        times, cpu_times = [], []
        for i in range(int(warmup) + int(runs)):
            cpu0 = _cpu()
            started = time.perf_counter()
            inside = fn(state, i)
            elapsed = time.perf_counter() - started
            cpu = _cpu() - cpu0
            if sc.timed_inside:  # its own duration, or (wall, CPU) seconds
                elapsed, cpu = inside if isinstance(inside, tuple) else (float(inside), cpu)
            if i >= int(warmup):
                times.append(elapsed)
                cpu_times.append(cpu)
        own = _own_peak_kb()
        # children the scenario started (the GUI start, a command): their own ru_maxrss,
        # which starts at this worker's size when they were started, not at the runner's
        children = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
        out.update(
            times=times, cpu_times=cpu_times, rss_kb=max(own, children), rss_setup_kb=rss_setup
        )
        if isinstance(state, dict) and "active" in state:
            out["active_loans"] = state["active"]
        if isinstance(state, dict) and "members" in state:
            out["members"] = state["members"]
    except Exception as exc:  # reported in the table, the run goes on
        out["error"] = f"{type(exc).__name__}: {exc}"
        out["traceback"] = traceback.format_exc()[-3000:]
    print(json.dumps(out))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

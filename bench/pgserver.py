"""A throwaway PostgreSQL server for the tests (tests/conftest.py) and ``make bench-pg``
(bench/pg.py): a private cluster made with ``initdb`` (as the ``postgres`` user when running
as root), listening on a free local port and a private socket folder, ``fsync`` off.

Importing this module starts nothing and imports nothing of the app: :func:`pg_bin` finds
the binaries (None when there are none: the caller skips or stops with a message),
:meth:`PgServer.start` makes and starts the cluster, :meth:`PgServer.stop` removes it.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import socket
import subprocess
import tempfile
from pathlib import Path

PG_BIN_CANDIDATES = [
    os.environ.get("KOPERASI_PG_BIN", ""),
    "/usr/lib/postgresql/15/bin",
    "/usr/lib/postgresql/16/bin",
    "/usr/lib/postgresql/17/bin",
]
WHERE = "/usr/lib/postgresql/*/bin, KOPERASI_PG_BIN and PATH"  # for the messages


def pg_bin() -> Path | None:
    """The folder holding ``initdb`` and ``pg_ctl``, or None."""
    for cand in PG_BIN_CANDIDATES:
        if cand and (Path(cand) / "initdb").exists() and (Path(cand) / "pg_ctl").exists():
            return Path(cand)
    found = shutil.which("initdb")
    return Path(found).parent if found else None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


class PgServer:
    """A throwaway cluster in a new temporary folder (``prefix``); ``settings`` are extra
    ``-c name=value`` server options; ``timeout`` bounds each initdb / pg_ctl call."""

    def __init__(
        self,
        bin_dir: Path,
        *,
        prefix: str = "koperasi-pg-",
        settings: tuple[str, ...] = (),
        timeout: int = 120,
    ) -> None:
        self.bin = bin_dir
        self.root = Path(tempfile.mkdtemp(prefix=prefix))
        self.data = self.root / "data"
        self.sock = self.root / "sock"
        self.sock.mkdir()
        self.port = free_port()
        self.as_postgres = os.geteuid() == 0
        self.settings = settings
        self.timeout = timeout

    def _run(self, *cmd: str) -> None:
        if self.as_postgres:
            cmd = ("runuser", "-u", "postgres", "--", *cmd)
        subprocess.run(cmd, check=True, capture_output=True, timeout=self.timeout)

    def start(self) -> None:
        if self.as_postgres:
            shutil.chown(self.root, "postgres")
            shutil.chown(self.sock, "postgres")
            os.chmod(self.root, 0o755)
        self._run(
            str(self.bin / "initdb"),
            "-D",
            str(self.data),
            "-U",
            "postgres",
            "--auth=trust",
            "-E",
            "UTF8",
            "--locale=C.UTF-8",
        )
        opts = (
            f"-p {self.port} -k {self.sock} -c listen_addresses=127.0.0.1 -c fsync=off "
            "-c synchronous_commit=off -c full_page_writes=off -c max_connections=100"
        )
        opts += "".join(f" -c {setting}" for setting in self.settings)
        self._run(
            str(self.bin / "pg_ctl"),
            "-D",
            str(self.data),
            "-o",
            opts,
            "-w",
            "-t",
            "60",
            "-l",
            str(self.root / "log.txt"),
            "start",
        )

    def durable(self) -> None:
        """fsync, full page writes and synchronous commits on (after a bulk load)."""
        for setting in ("fsync", "full_page_writes", "synchronous_commit"):
            self.admin(f"ALTER SYSTEM SET {setting} = on")
        self.admin("SELECT pg_reload_conf()")
        self.admin("CHECKPOINT")

    def stop(self) -> None:
        with contextlib.suppress(Exception):  # best effort at teardown
            self._run(
                str(self.bin / "pg_ctl"), "-D", str(self.data), "-m", "immediate", "-w", "stop"
            )
        shutil.rmtree(self.root, ignore_errors=True)

    def url(self, dbname: str) -> str:
        return f"postgresql://postgres@127.0.0.1:{self.port}/{dbname}"

    def admin(self, sql: str) -> None:
        import psycopg

        with psycopg.connect(self.url("postgres"), autocommit=True) as conn:
            conn.execute(sql)

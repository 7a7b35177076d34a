"""Shared fixtures: a fresh database per test on SQLite and on a real PostgreSQL server.

The PostgreSQL server is a throwaway cluster started once per test session (bench/pgserver.py,
which ``make bench-pg`` starts too: initdb as the ``postgres`` user when running as root,
private port and socket directory, fsync off). Where no PostgreSQL binaries exist the
PostgreSQL variants are skipped with the reason printed.
"""

from __future__ import annotations

import datetime as dt
import itertools
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import pytest
from argon2 import PasswordHasher

sys.path.insert(0, str(Path(__file__).parent))  # tests/helpers.py
sys.path.insert(0, str(Path(__file__).parents[1]))  # bench/pgserver.py

import koperasi.services.wiring  # noqa: F401 - the services' handlers, as the app wires them
from bench import pgserver  # noqa: E402 - the throwaway PostgreSQL server
from koperasi.db.database import Database, open_database
from koperasi.services import users
from koperasi.services.auth import SYSTEM

# A cheap argon2 for the suite: with the production parameters every login and every user a
# test makes costs 0.15 s, and no test is about argon2's cost. A hash carries its parameters,
# so hashes made here verify anywhere (the CLI and app processes tests start keep the real
# hasher and upgrade such a hash on login, as they would an old one).
users.PASSWORD_HASHER = PasswordHasher(time_cost=1, memory_cost=8, parallelism=1)

# The seal key and the anchor log live outside the database, by default in the user's data
# folder: a test run keeps its own, never the tester's real ones, shared by the run's xdist
# workers (a demo one worker builds is checked by the others). Set in the environment, so the
# CLI and app processes the tests start use them too.
_RUN = os.environ.get("PYTEST_XDIST_TESTRUNUID")
_TRUST_HOME = (
    Path(tempfile.gettempdir()) / f"koperasi-trust-{_RUN}"
    if _RUN
    else Path(tempfile.mkdtemp(prefix="koperasi-trust-"))
)
os.environ.setdefault("KOPERASI_SEAL_KEY_FILE", str(_TRUST_HOME / "seal.key"))
os.environ.setdefault("KOPERASI_ANCHOR_DIR", str(_TRUST_HOME / "anchors"))
# the cooperatives' signing keys (koperasi.signing) too (a key file is created atomically)
os.environ.setdefault("KOPERASI_KEYS_DIR", str(_TRUST_HOME / "keys"))


class PgServer(pgserver.PgServer):
    """The throwaway server (bench/pgserver.py, shared with ``make bench-pg``) and the tests'
    fresh databases, each cloned from a seeded template."""

    def __init__(self, bin_dir: Path) -> None:
        super().__init__(bin_dir)
        self._counter = itertools.count(1)
        self.template_ready = False

    def new_database(self, template: str | None = None) -> str:
        """A fresh database cloned from a template that already has schema and seed data, or
        from ``template`` (the URL of a database of this server that nobody is connected to)."""
        if template is not None:
            source = template.rsplit("/", 1)[1]
        else:
            source = "koperasi_template"
            if not self.template_ready:
                self.admin("CREATE DATABASE koperasi_template")
                db = open_database(self.url("koperasi_template"))
                db.dispose()
                self.template_ready = True
        name = f"t{next(self._counter)}_{os.getpid()}"
        self.admin(f"CREATE DATABASE {name} TEMPLATE {source}")
        return self.url(name)


def pytest_collection_modifyitems(config, items):  # type: ignore[no-untyped-def]
    """Files holding tests marked slow (the frozen bundle's, the longest restore tests) run
    first, each file still whole and in order. Under pytest-xdist (`make test`, --dist
    loadfile --no-loadscope-reorder) the two workers start on them and share the many short
    files after, instead of the run ending on one worker in a long file while the other
    waits."""
    slow_files = {item.path for item in items if item.get_closest_marker("slow")}
    items.sort(key=lambda item: item.path not in slow_files)


@pytest.fixture(scope="session")
def pg_server():
    bin_dir = pgserver.pg_bin()
    if bin_dir is None:
        pytest.skip(
            f"PostgreSQL binaries not found (looked in {pgserver.WHERE}); PostgreSQL tests skipped"
        )
    server = PgServer(bin_dir)
    try:
        server.start()
    except (subprocess.CalledProcessError, FileNotFoundError) as exc:
        detail = getattr(exc, "stderr", b"") or b""
        server.stop()
        pytest.fail(
            f"could not start a throwaway PostgreSQL server: {exc} {detail.decode(errors='replace')}"
        )
    time.sleep(0.2)
    yield server
    server.stop()


@pytest.fixture
def pg_url(pg_server) -> str:
    """URL of a fresh, seeded PostgreSQL database for this test."""
    return pg_server.new_database()


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def db(request, tmp_path) -> Database:
    """A fresh, seeded database: once on SQLite, once on PostgreSQL."""
    if request.param == "sqlite":
        database = open_database(tmp_path / "koperasi.db")
    else:
        database = open_database(request.getfixturevalue("pg_url"))
    yield database
    database.dispose()


@pytest.fixture
def sqlite_db(tmp_path) -> Database:
    database = open_database(tmp_path / "koperasi.db")
    yield database
    database.dispose()


@pytest.fixture
def actor():
    return SYSTEM


def built_once(tmp_path_factory, name: str, build) -> Path:  # type: ignore[no-untyped-def]
    """The folder ``build(folder)`` filled, made once per test run.

    Without pytest-xdist that is once per session. Under xdist (``make test``) every worker
    has its own session, so the first worker to get here builds into the run's shared temp
    folder and the others wait for it: a demo cooperative takes many seconds to build, a copy
    a fraction of one. The folder is renamed into place only when complete.
    """
    if not os.environ.get("PYTEST_XDIST_WORKER"):
        folder = tmp_path_factory.mktemp(name)
        build(folder)
        return folder
    root = tmp_path_factory.getbasetemp().parent  # shared by the run's workers
    folder, failed = root / name, root / f"{name}.failed"
    try:
        os.close(os.open(root / f"{name}.lock", os.O_CREAT | os.O_EXCL | os.O_WRONLY))
    except FileExistsError:  # another worker builds it
        deadline = time.monotonic() + 900
        while not folder.exists():
            if failed.exists():
                pytest.fail(f"another worker failed to build {name}: {failed.read_text()}")
            if time.monotonic() > deadline:
                pytest.fail(f"timed out waiting for another worker to build {name}")
            time.sleep(0.2)
        return folder
    part = root / f"{name}.part"
    part.mkdir()
    try:
        build(part)
    except BaseException as exc:
        failed.write_text(repr(exc))
        raise
    part.rename(folder)
    return folder


@pytest.fixture(scope="session")
def demo_db_path(tmp_path_factory) -> Path:
    """A small demo cooperative built once per test run (copy it before writing to it)."""
    from koperasi.demo.builder import build_demo

    def build(folder: Path) -> None:
        database = open_database(folder / "demo.db")
        build_demo(database, members=40, seed=7, years=2, as_of=dt.date(2026, 10, 31))
        database.dispose()

    return built_once(tmp_path_factory, "demo", build) / "demo.db"


@pytest.fixture(scope="session")
def demo_audit_path(demo_db_path, tmp_path_factory) -> Path:
    """The audit workbook of the whole demo cooperative, exported once per test run (the
    export takes seconds; copy it before changing it)."""
    from koperasi.exchange import export_auditor

    def build(folder: Path) -> None:
        database = open_database(demo_db_path)
        try:
            export_auditor(database, folder / "ksp-demo.xlsx")
        finally:
            database.dispose()

    return built_once(tmp_path_factory, "demo-audit", build) / "ksp-demo.xlsx"


@pytest.fixture(scope="session")
def small_demo_db_path(tmp_path_factory) -> Path:
    """A smaller demo cooperative (12 members, one year: a quarter of the demo's rows, built
    in a quarter of the time), built once per test run, for the workbook tests whose
    assertions do not depend on the size of the books: exporting, editing, signing and
    restoring its audit workbook costs a fraction of the whole demo's."""
    from koperasi.demo.builder import build_demo

    def build(folder: Path) -> None:
        database = open_database(folder / "demo.db")
        build_demo(database, members=12, seed=7, years=1, as_of=dt.date(2026, 10, 31))
        database.dispose()

    return built_once(tmp_path_factory, "small-demo", build) / "demo.db"


@pytest.fixture(scope="session")
def small_demo_audit_path(small_demo_db_path, tmp_path_factory) -> Path:
    """The audit workbook of the small demo cooperative, exported once per test run (copy
    it before changing it)."""
    from koperasi.exchange import export_auditor

    def build(folder: Path) -> None:
        database = open_database(small_demo_db_path)
        try:
            export_auditor(database, folder / "ksp-small.xlsx")
        finally:
            database.dispose()

    return built_once(tmp_path_factory, "small-demo-audit", build) / "ksp-small.xlsx"


@pytest.fixture(scope="session")
def open_demo_db_path(tmp_path_factory) -> Path:
    """The demo with its books left open and starting in October 2024: no month or year
    closed, no SHU shared (for the tests of closing and SHU themselves, which close a
    short first year and a whole one). Built once per test run, when asked for."""
    from koperasi.demo.builder import build_demo

    def build(folder: Path) -> None:
        database = open_database(folder / "demo.db")
        build_demo(
            database,
            members=40,
            seed=7,
            years=2,
            as_of=dt.date(2026, 10, 31),
            close_books=False,
            first_month=dt.date(2024, 10, 1),
        )
        database.dispose()

    return built_once(tmp_path_factory, "open-demo", build) / "demo.db"


AUDIT_NOW = dt.datetime(2026, 11, 1, 8, 0, 0)  # the audit workbooks' generated_at in tests


def _add_loans(db: Database) -> None:
    """Two loans with repayments, through the loans services (for the audit workbook's loan
    sheets: the open demo's loans are dated before March 2026's new product)."""
    from koperasi.services import members

    loan_products = pytest.importorskip("koperasi.services.loan_products")
    applications = pytest.importorskip("koperasi.services.loans.applications")
    views = pytest.importorskip("koperasi.services.loans.views")
    repayments = pytest.importorskip("koperasi.services.loans.repayments")
    loan_products.add_product(
        db, SYSTEM, loan_products.ProductInput("UJIEXP", "Pinjaman Uji Ekspor", allow_multiple=True)
    )
    borrowers = {
        x.member_number for x in views.list_loans(db, limit=100_000) if x.status == "aktif"
    }
    active = [
        m
        for m in members.list_members(db, limit=200)
        if m.status == "aktif" and m.number not in borrowers and m.join_date < dt.date(2026, 1, 1)
    ][:2]
    assert len(active) == 2
    start = dt.date(2026, 3, 2)
    for n, m in enumerate(active):
        d = applications.apply(
            db,
            SYSTEM,
            applications.ApplyInput(m.number, "UJIEXP", 1_200_000, 6, start, "modal usaha"),
        )
        applications.approve(db, SYSTEM, d.number, start)
        applications.disburse(db, SYSTEM, d.number, start)
        for k in range(1, 3 + n):
            repayments.repay(db, SYSTEM, d.number, 218_000, start + dt.timedelta(days=30 * k))
    assert views.list_loans(db)


@pytest.fixture(scope="session")
def loan_books_path(open_demo_db_path, tmp_path_factory) -> Path:
    """The open demo with two loans added (repayments in March to May 2026), built once per
    test run for the audit-workbook tests (copy it before writing to it: ``loan_books``)."""

    def build(folder: Path) -> None:
        database = _copy_db(open_demo_db_path, folder / "books.db")
        try:
            _add_loans(database)
        finally:
            database.dispose()

    return built_once(tmp_path_factory, "loan-books", build) / "books.db"


class ExportedBooks:
    """An audit workbook exported once per run: its path (copy the file before changing it)
    and the SHA-256 per sheet the export returned."""

    def __init__(self, path: Path) -> None:
        import json

        self.path = path
        self.digests: dict[str, str] = json.loads(path.with_suffix(".json").read_text())


@pytest.fixture(scope="session")
def loan_books_audit(loan_books_path, tmp_path_factory) -> ExportedBooks:
    """The complete audit workbook of ``loan_books_path`` (generated_at AUDIT_NOW), exported
    once per test run for the restore tests."""
    import json

    from koperasi.exchange import export_auditor

    def build(folder: Path) -> None:
        database = _copy_db(loan_books_path, folder / "books.db")  # the export writes to it
        try:
            result = export_auditor(database, folder / "books.xlsx", now=AUDIT_NOW)
        finally:
            database.dispose()
        (folder / "books.db").unlink()
        (folder / "books.json").write_text(json.dumps(result.digests))

    return ExportedBooks(built_once(tmp_path_factory, "loan-books-audit", build) / "books.xlsx")


def _copy_db(source: Path, target: Path):  # type: ignore[no-untyped-def]
    import sqlite3

    src = sqlite3.connect(source)
    dst = sqlite3.connect(target)
    src.backup(dst)
    src.close()
    dst.close()
    return open_database(target)


@pytest.fixture
def demo_db(demo_db_path, tmp_path) -> Database:
    """A private copy of the session's demo database (safe to write to)."""
    database = _copy_db(demo_db_path, tmp_path / "demo.db")
    yield database
    database.dispose()


@pytest.fixture
def small_demo_db(small_demo_db_path, tmp_path) -> Database:
    """A private copy of the session's small demo database (safe to write to)."""
    database = _copy_db(small_demo_db_path, tmp_path / "small-demo.db")
    yield database
    database.dispose()


@pytest.fixture
def open_demo_db(open_demo_db_path, tmp_path) -> Database:
    """A private copy of the demo with its books open (safe to write to)."""
    database = _copy_db(open_demo_db_path, tmp_path / "open-demo.db")
    yield database
    database.dispose()


@pytest.fixture
def loan_books(loan_books_path, tmp_path) -> Database:
    """A private copy of the open demo with the audit tests' two loans (safe to write to)."""
    database = _copy_db(loan_books_path, tmp_path / "books.db")
    yield database
    database.dispose()

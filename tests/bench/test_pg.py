"""``make bench-pg`` at a tiny scale: a generated book copied into the tests' throwaway
PostgreSQL passes ``koperasi check`` there (block seals closed again on the server), and the
concurrency scenario's clients post with exact totals and a green check afterwards."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import koperasi.services.wiring  # noqa: E402,F401  (loads the loan services in their order)
from bench.generate import generate  # noqa: E402
from bench.pg import concurrency, load_book  # noqa: E402
from koperasi.db.database import open_database  # noqa: E402
from koperasi.services.check import run_checks  # noqa: E402

pytestmark = pytest.mark.postgres


def test_a_generated_book_copied_to_postgresql_passes_check_and_takes_concurrent_postings(
    pg_server, tmp_path, monkeypatch
):
    from koperasi.db import blocks

    monkeypatch.setattr(blocks, "BLOCK_ROWS", 100)  # several blocks closed on the server
    book = tmp_path / "small.db"
    generate(book, scale=0.004, seed=3, quiet=True)
    pg_server.admin("CREATE DATABASE bench_copy")
    url = pg_server.url("bench_copy")
    counts = load_book(book, url, lambda _msg: None)
    assert counts["journal_entries"] > 1000 and counts["journal_lines"] > 2000

    import psycopg

    with psycopg.connect(url) as conn:
        n, verified = conn.execute(
            "SELECT count(*), count(*) FILTER (WHERE verified) FROM seal_blocks "
            "WHERE kind = 'journal'"
        ).fetchone()
    assert n >= 5 and verified == n
    db = open_database(url)
    try:
        report = run_checks(db)
        assert report.ok, [p.message_en for p in report.problems[:5]]
    finally:
        db.dispose()

    # the spawned clients use this process's block size: the real one (1,000)
    monkeypatch.setattr(blocks, "BLOCK_ROWS", 1000)
    result = concurrency(url, 3.0, 2, lambda _msg: None)
    assert result["postings"] > 0
    assert result["errors"] == 0, result["error_samples"]
    assert all(result["exact"].values()), result
    assert result["delta"]["cash"] == result["posted"]["cash"]
    assert result["check_ok"], result["check_problems"]

"""Smoke test of the programme-scale consolidation bench (``python -m bench.run --only
consolidate``) at a tiny scale: the derived cooperatives' workbooks are each signed with
their own key, verify against the register and pass every check of ``consolidate``; the
app and baseline runs of the scenario work on them."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

from bench import consolidation  # noqa: E402
from bench.scenarios import BY_NAME, Ctx  # noqa: E402
from koperasi import signing  # noqa: E402
from koperasi.exchange.consolidation_read import read_cooperative  # noqa: E402
from koperasi.exchange.xlsxin import Workbook  # noqa: E402


@pytest.fixture(scope="module")
def programme(tmp_path_factory):
    cache = tmp_path_factory.mktemp("consol")
    paths, register = consolidation.prepare(3, cache=cache, scale=0.004, say=lambda m: None)
    return cache, paths, register


def test_derived_workbooks_verify_as_distinct_cooperatives(programme, monkeypatch):
    _cache, paths, register = programme
    keys = signing.read_register(register)
    coops = [read_cooperative(p, keys) for p in paths]
    assert [c.ok and c.signed for c in coops] == [True, True, True], [
        c.problems("en") for c in coops
    ]
    assert len({c.legal_number for c in coops}) == 3 == len({c.key_fingerprint for c in coops})
    assert len({c.file_sha256 for c in coops}) == 3
    assert coops[0].members == coops[2].members > 0
    # openpyxl reads the rewritten zip to the same result (the fallback reader)
    from koperasi.exchange import consolidation_read as cr

    monkeypatch.setattr(cr, "open_book", Workbook)
    slow = read_cooperative(paths[1], keys)
    assert slow == coops[1]
    # signed with its own key, not the one registered for that legal number
    other = {coops[0].legal_number: keys[coops[1].legal_number]}
    assert read_cooperative(paths[0], other).status == "unknown_key"


def test_scenario_runs_app_and_baseline(programme, tmp_path, monkeypatch):
    cache, paths, _register = programme
    monkeypatch.setattr(consolidation, "folder", lambda cache_=None: cache / "consolidation-v1")
    assert "consolidate" in BY_NAME and "consolidate_small" in BY_NAME
    st = consolidation.setup(3)(Ctx(tmp_path / "none.db", tmp_path, 1.0))
    assert st["paths"] == paths
    consolidation.app(st, 0)
    consolidation.baseline(st, 0)
    assert st["out"].exists()

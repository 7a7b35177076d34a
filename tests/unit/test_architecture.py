"""The layer contracts of pyproject.toml ([tool.importlinter]) hold, so `make test` enforces
them as `make lint` does: ui and cli over exchange over reports over services over db over
domain, a pure domain, Qt only in ui, migrations without live service code."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
PYPROJECT = ROOT / "pyproject.toml"


def _contract_ids() -> list[str]:
    config = tomllib.loads(PYPROJECT.read_text(encoding="utf-8"))
    return [c["id"] for c in config["tool"]["importlinter"]["contracts"]]


def test_contracts_are_configured() -> None:
    assert {"layers", "domain-pure", "kernel", "migrations", "qt-in-ui"} <= set(_contract_ids())


def test_import_contracts_hold(capsys: pytest.CaptureFixture[str]) -> None:
    from importlinter import configuration
    from importlinter.application.use_cases import lint_imports

    configuration.configure()  # what the lint-imports command does first
    # the graph is built from the koperasi these tests import (the tree under test)
    kept = lint_imports(config_filename=str(PYPROJECT), cache_dir=None, no_logo=True)
    report = capsys.readouterr().out
    assert kept, report

"""Fixtures for the report tests."""

from __future__ import annotations

import pytest
from report_helpers import OUTPUT


@pytest.fixture(scope="session")
def output_dir():
    OUTPUT.mkdir(exist_ok=True)
    return OUTPUT

"""The trust tests run with tiny seal blocks (issue 20): their small books then hold closed
blocks of journal entries and audit rows as well as an open tail, so every tamper test goes
through the bulk verification (a block that no longer matches) and the row-by-row diagnosis
inside it, not only through the tail."""

import pytest

from koperasi.db import blocks


@pytest.fixture(autouse=True)
def small_seal_blocks(monkeypatch):
    monkeypatch.setattr(blocks, "BLOCK_ROWS", 2)

"""The application's wiring: importing this module imports every service that registers a
handler with a lower layer, so that the handlers are in place before any use case runs.

* :func:`koperasi.services.ledger.register_reversal`: savings, loans and fixed assets
  reverse the subledger rows behind their journal entries;
* :func:`koperasi.services.approvals.register`: loans (write-off, payment reversal), savings
  and the ledger describe and carry out what a second user approves.

The entry points (CLI, GUI, the bench worker) and the test suite import it once.
"""

from __future__ import annotations

from . import fixed_assets, ledger, savings  # noqa: F401
from .loans import reversals, workout  # noqa: F401

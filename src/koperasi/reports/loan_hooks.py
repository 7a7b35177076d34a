"""Whether the loans area exists, for the reports that show loan columns.

Reports that show loan columns (meeting sheet, group summary, RAT, monitoring) ask
:func:`available` and read the loan figures through the services' read functions only then
(:mod:`koperasi.services.reads.members`), so every report still builds without loans.
The loan-only reports (:mod:`koperasi.reports.loans`) are registered only when loans exist.
"""

from __future__ import annotations

import importlib.util


def available() -> bool:
    return importlib.util.find_spec("koperasi.services.loans.quality") is not None

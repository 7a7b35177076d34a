"""Excel exchange: the audit workbook, validated imports, consolidation for evaluators.

Plain functions for the CLI and the GUI's Impor/Ekspor page (each takes a progress
callback ``(done, total, message) -> bool | None``; returning False cancels):

- :func:`export_auditor` ``(db, path, date_from, date_to, progress, *, actor)``
- :func:`preview_import` ``(db, kind, path) -> ImportReport`` (validated and simulated,
  nothing written)
- :func:`run_import` ``(db, actor, kind, path, valid_only, progress, *, dry_run)``
- :func:`write_template` ``(kind, path, lang)``, :func:`write_error_report`
  ``(report, path, lang)``
- :func:`consolidate` ``(paths, output, lang, progress)``
"""

from __future__ import annotations

from .auditor import ExportResult, export_auditor
from .consolidation import ConsolidationResult, consolidate
from .import_files import write_error_report, write_template
from .import_report import ImportReport, RowError
from .importing import preview_import, run_import

IMPORT_KINDS = ("members", "opening-balances", "savings-transactions", "loans", "audit-workbook")


__all__ = [
    "IMPORT_KINDS",
    "ConsolidationResult",
    "ExportResult",
    "ImportReport",
    "RowError",
    "consolidate",
    "export_auditor",
    "preview_import",
    "run_import",
    "write_error_report",
    "write_template",
]

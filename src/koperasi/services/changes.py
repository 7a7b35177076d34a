"""What a committed unit of work changed, as areas the screens listen for.

The areas are derived in one place from what was written: every INSERT, UPDATE and DELETE
(ORM flushes and Core statements alike) names its table, :data:`TABLE_AREAS` maps the table
to its area, and the unit of work records it (:mod:`.uow`). When the transaction commits,
its areas go to the :func:`collect_changes` block around it, if any (the UI opens one
around each write and announces what was collected); a rolled-back transaction reports
nothing. A change that is not a table write (a file beside the database) is recorded with
:func:`.transaction_state.record_change` by the service that makes it.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from enum import StrEnum


class Area(StrEnum):
    """A kind of data a screen shows (and refreshes when a write changed it)."""

    MEMBERS = "members"
    GROUPS = "groups"
    SAVINGS = "savings"
    LOANS = "loans"
    LEDGER = "ledger"
    SETTINGS = "settings"
    USERS = "users"
    AUDIT = "audit"
    MESSAGES = "messages"
    RAT = "rat"
    APPROVALS = "approvals"


EVERY_AREA: frozenset[Area] = frozenset(Area)

_AREA_TABLES: dict[Area, tuple[str, ...]] = {
    Area.MEMBERS: (
        "members",
        "member_relations",
        "member_vulnerabilities",
        "vulnerability_categories",
        "employers",
        "employer_members",
    ),
    Area.GROUPS: ("groups", "group_memberships", "meeting_sheets"),
    Area.SAVINGS: (
        "savings_products",
        "savings_accounts",
        "savings_transactions",
        "time_deposit_products",
        "time_deposits",
        "time_deposit_events",
        "standing_instructions",
        "standing_instruction_runs",
        "payroll_batches",
        "payroll_lines",
    ),
    Area.LOANS: (
        "loan_products",
        "loans",
        "loan_installments",
        "loan_transactions",
        "loan_allocations",
        "loan_collateral",
        "collateral_events",
        "loan_guarantors",
        "loan_board_approvals",
    ),
    Area.LEDGER: (
        "accounts",
        "journal_entries",
        "journal_lines",
        "journal_seals",
        "seal_blocks",
        "fiscal_periods",
        "fixed_assets",
        "fixed_asset_depreciation",
        "bank_accounts",
        "bank_statement_lines",
        "bank_matches",
    ),
    Area.SETTINGS: ("settings", "key_fingerprints"),
    Area.USERS: ("users", "user_groups"),
    Area.AUDIT: ("audit_log",),
    Area.MESSAGES: ("message_templates", "message_log", "member_message_prefs"),
    Area.RAT: (
        "rat_meetings",
        "rat_officers",
        "rat_texts",
        "rat_budgets",
        "rat_governance_answers",
    ),
    Area.APPROVALS: ("approval_requests",),
}

TABLE_AREAS: dict[str, Area] = {t: area for area, tables in _AREA_TABLES.items() for t in tables}
"""The area of each table a write can touch (``receipt_counters``, a lock and the receipt
numbers' counter, is none: taking a number changes nothing a screen shows)."""


def area_of(table: str) -> Area | None:
    return TABLE_AREAS.get(table)


_COLLECTING: ContextVar[set[Area] | None] = ContextVar("koperasi_changes", default=None)


@contextmanager
def collect_changes() -> Iterator[set[Area]]:
    """``with collect_changes() as changed: ...``: ``changed`` gathers the areas of every unit
    of work that commits inside the block, in this thread (or task). A block inside another
    hands what it gathered on to the outer one too."""
    outer = _COLLECTING.get()
    found: set[Area] = set()
    token = _COLLECTING.set(found)
    try:
        yield found
    finally:
        _COLLECTING.reset(token)
        if outer is not None:
            outer.update(found)


def committed(areas: Iterable[Area]) -> None:
    """A unit of work committed having changed ``areas``: hand them to the open collector."""
    found = _COLLECTING.get()
    if found is not None:
        found.update(areas)


__all__ = ["EVERY_AREA", "TABLE_AREAS", "Area", "area_of", "collect_changes", "committed"]

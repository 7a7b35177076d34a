"""What a unit of work remembers while its transaction lasts: one typed object per session.

Every per-transaction cache of the services is a field of :class:`TransactionState`, reached
through :func:`state`; each field names the module that owns it, and only that module's
functions fill or forget it. The seal and audit chains' heads and the anchoring of a commit
are the db layer's own (:class:`koperasi.db.sealing.ChainState`). When a savepoint rolls
back, :func:`snapshot` taken before it and :func:`restore` put both back as they were.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from sqlalchemy.orm import Session

from ..db import sealing
from ..db.models import ReceiptCounter
from ..domain.money import RoundingMode
from .changes import Area


@dataclass
class TransactionState:
    """The per-transaction caches of one session, one field each with its owner."""

    read_only: bool = False
    """:func:`.uow.read_only`: a session for queries only, so readers may remember results
    for all of it (:func:`.loans.quality.qualities_in`, :func:`.check.remembered`)."""

    changes: set[Area] = field(default_factory=set)
    """:mod:`.uow`: the areas the transaction wrote (:mod:`.changes`), reported on commit."""

    account_ids: dict[str, int] = field(default_factory=dict)
    """:func:`.ledger.account_ids`: account ids by code (accounts are never deleted)."""

    ledger_sums: dict[Any, Any] = field(default_factory=dict)
    """:mod:`.statements` (``sums``, ``prepare``): balances read from the journal, keyed by
    period and by the markers ``statements.AFTER``/``CLOSINGS``/``ID_RANGES``; forgotten by
    :func:`.statements.forget_sums` (which ``ledger.post`` calls)."""

    closed_through: tuple[int, int] | None = None
    closed_through_read: bool = False
    """:func:`.ledger_periods.closed_through` (``closed_through`` holds it once read);
    forgotten by :func:`.ledger_periods.forget_periods`."""

    period_override: set[tuple[int, int]] = field(default_factory=set)
    """:func:`.ledger_periods.posting_into_closed`: the closed months the closing service
    may post into for the moment."""

    today: dt.date | None = None
    """:func:`.ledger_periods.ensure_open`, :mod:`.bank_import`: a fixed "today" for the
    transaction (None: the clock's)."""

    locked_counters: dict[tuple[str, int], ReceiptCounter] = field(default_factory=dict)
    """:func:`.counters.lock_series`: the counter rows locked FOR UPDATE, by (series, year)."""

    loan_rounding: RoundingMode | None = None
    """:func:`.loans.core.rounding_for`: the loans' default rounding (one settings read)."""

    loan_qualities: dict[tuple[dt.date, bool], list[Any]] = field(default_factory=dict)
    """:func:`.loans.quality.qualities_in` (read-only sessions): its ``LoanQuality`` lists
    by (as_of, only_active_now)."""

    check_passes: dict[str, Any] | None = None
    """:func:`.check.run_checks`: the passes over the books its checks share
    (:func:`.check.remembered`); None outside a run of the checks."""


def state(session: Session) -> TransactionState:
    """The session's per-transaction state (made on first use)."""
    found = session.info.get(TransactionState)
    if not isinstance(found, TransactionState):
        found = session.info[TransactionState] = TransactionState()
    return found


def fresh(session: Session, read_only: bool = False) -> TransactionState:
    """Start the session's state anew (a unit of work begins)."""
    session.info.clear()
    found = session.info[TransactionState] = TransactionState(read_only=read_only)
    return found


def record_change(session: Session, *areas: Area) -> None:
    """Note a change the tables do not show (a file beside the database) in the session's
    unit of work: reported with its other changes when it commits."""
    state(session).changes.update(areas)


def _copy(value: Any) -> Any:
    return type(value)(value) if isinstance(value, dict | set) else value


@dataclass(frozen=True)
class Snapshot:
    caches: TransactionState
    chains: sealing.ChainState


def snapshot(session: Session) -> Snapshot:
    """The session's state to put back when a savepoint rolls back: the caches (one level
    deep) must not keep what the rolled-back work put in them."""
    st = state(session)
    caches = TransactionState(**{f.name: _copy(getattr(st, f.name)) for f in _FIELDS})
    return Snapshot(caches, dataclasses.replace(sealing.chain_state(session)))


def restore(session: Session, saved: Snapshot) -> None:
    """Put back what :func:`snapshot` took (in place: the objects stay the session's)."""
    st = state(session)
    for f in _FIELDS:
        setattr(st, f.name, _copy(getattr(saved.caches, f.name)))
    sealing.restore_chain_state(session, saved.chains)


_FIELDS = dataclasses.fields(TransactionState)

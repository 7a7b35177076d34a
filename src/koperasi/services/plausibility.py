"""Plausibility ceilings: an amount far above what the cooperative has seen for that kind of
transaction is posted only when the caller confirms it (``confirm_large=True``).

Kinds (the key in the ``plausibility`` setting):

- ``setor:<PRODUCT>``: a savings deposit, one kind per savings product (POKOK, WAJIB, ...)
- ``tarik``: a savings withdrawal
- ``pinjaman``: the principal of a loan, checked at the application and not again at the
  disbursement (the principal does not change in between)
- ``angsuran``: a loan repayment
- ``berjangka``: a time deposit's placement (simpanan berjangka, issue 17): deposits are
  larger than the other savings, so the kind has its own floor (Rp500.000.000)
- ``pendapatan`` / ``beban``: a manual journal entry's income / expense amount
- the group meeting grid: each member's cell against the kind it is (wajib and sukarela
  deposits, the loan repayment), with one confirmation for all the rows above their ceiling.

Each ceiling is derived from the books by :func:`koperasi.domain.plausibility.derived_ceiling`
(5 x the 99th percentile of the latest 2,000 amounts of the kind, at least the kind's floor
in :data:`FLOORS`), unless the treasurer or the administrator set one in Pengaturan (the
``plausibility`` setting: ``{kind: rupiah}``; a kind not in it is derived).

Cost: the derived values are read once per database and process and kept for
:data:`CACHE_SECONDS`; each read is bounded (at most :data:`SCAN` rows of one table, by
primary key), and no table is scanned per posting: a posting then costs one primary-key
read of the setting.

Importers (opening balances, running loans brought in from old books) are NOT checked:
moving in from old books brings large first amounts. They call the ``*_in`` functions of
the services, which do not check; only the use cases the treasurer drives do (savings
deposit and withdrawal, loan application, repayment, manual journal entry, group meeting).
"""

from __future__ import annotations

import threading
import time
import weakref
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, func, select
from sqlalchemy.orm import InstrumentedAttribute, Session

from ..db.database import Database
from ..db.models import (
    Account,
    JournalEntry,
    JournalLine,
    Loan,
    LoanTransaction,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain.money import format_rupiah
from ..domain.plausibility import WINDOW, derived_ceiling, is_implausible, percentile
from ..errors import ValidationError
from ..messages.text import pick
from . import settings
from .auth import Actor, require
from .uow import read_only, unit_of_work

SETTING = "plausibility"
# The error codes of a refusal (the GUI asks and re-submits; the CLI names --confirm-large)
CODES = ("amount_implausible", "amount_implausible_new", "amounts_implausible")
CACHE_SECONDS = 600

DEPOSIT = "setor"
WITHDRAWAL = "tarik"
LOAN = "pinjaman"
REPAYMENT = "angsuran"
INCOME = "pendapatan"
EXPENSE = "beban"
TIME_DEPOSIT = "berjangka"

# Floors for a cooperative with little history (rupiah).
FLOORS = {
    DEPOSIT: 10_000_000,
    WITHDRAWAL: 10_000_000,
    LOAN: 50_000_000,
    REPAYMENT: 10_000_000,
    INCOME: 25_000_000,
    EXPENSE: 25_000_000,
    # a time deposit is often a member's savings of years (or a board member's capital):
    # below this, no question; the treasurer may set another ceiling in Pengaturan
    TIME_DEPOSIT: 500_000_000,
}

LABELS = {
    DEPOSIT: ("setoran {product}", "{product} deposit"),
    WITHDRAWAL: ("penarikan simpanan", "savings withdrawal"),
    LOAN: ("pokok pinjaman", "loan principal"),
    REPAYMENT: ("angsuran pinjaman", "loan repayment"),
    INCOME: ("pendapatan (jurnal manual)", "income (manual journal)"),
    EXPENSE: ("beban (jurnal manual)", "expense (manual journal)"),
    TIME_DEPOSIT: ("penempatan simpanan berjangka", "time deposit placement"),
}


def deposit_kind(product_code: str) -> str:
    return f"{DEPOSIT}:{product_code}"


def label(kind: str, lang: str = "id", product_name: str | None = None) -> str:
    base, _, code = kind.partition(":")
    pair = LABELS.get(base, (kind, kind))
    text = pick(pair, lang)
    return text.format(product=product_name or code)


@dataclass(frozen=True)
class Ceiling:
    """One kind's ceiling as Pengaturan shows it."""

    kind: str
    label: str
    label_en: str
    derived: int  # from the books
    typical: int  # the 99th percentile of the past amounts (0: no history)
    samples: int  # how many past amounts it was derived from
    override: int | None  # set by the treasurer / administrator

    @property
    def effective(self) -> int:
        return self.override if self.override else self.derived


# ---------------------------------------------------------------- reading the books


SCAN = 50_000  # subledger rows read at most per kind: the latest ids of the table


def _recent(session: Session, id_col: InstrumentedAttribute[int]) -> ColumnElement[bool]:
    """``id_col > max(id) - SCAN``: a primary-key range, so reading a kind's history costs
    at most SCAN rows however large the books grow (a rare kind then has fewer samples, and
    its floor applies sooner)."""
    top = session.scalar(select(func.max(id_col))) or 0
    return id_col > top - SCAN


def _amounts(session: Session, kind: str) -> list[int]:
    """The latest :data:`WINDOW` amounts of ``kind`` (any order), read by primary key from
    the latest :data:`SCAN` rows of its table (subledger kinds) or from the latest manual
    journal entries (income, expense). Each query is on one table's primary key (or the
    entry-source index), so the plan does not depend on the database's planner."""
    base, _, code = kind.partition(":")
    st = SavingsTransaction
    if base == DEPOSIT:
        of_product = (
            select(SavingsAccount.id)
            .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
            .where(SavingsProduct.code == code)
        )
        # "+ 0": not by the account index (that would read every row of the product);
        # by the primary-key range, newest first, stopping at WINDOW rows
        q = select(st.amount).where(
            _recent(session, st.id), st.kind == "setor", (st.account_id + 0).in_(of_product)
        )
        q = q.order_by(st.id.desc())
    elif base == WITHDRAWAL:
        q = select(-st.amount).where(_recent(session, st.id), st.kind == "tarik")
        q = q.order_by(st.id.desc())
    elif base == LOAN:
        q = select(Loan.amount).order_by(Loan.id.desc())
    elif base == REPAYMENT:
        lt = LoanTransaction
        q = select(lt.amount).where(_recent(session, lt.id), lt.kind == "angsuran")
        q = q.order_by(lt.id.desc())
    elif base == TIME_DEPOSIT:
        from ..db.models import TimeDepositEvent

        ev = TimeDepositEvent  # the placements (rollovers are "perpanjang", not counted)
        q = select(ev.principal).where(_recent(session, ev.id), ev.kind == "setor")
        q = q.order_by(ev.id.desc())
    elif base in (INCOME, EXPENSE):
        side = JournalLine.credit if base == INCOME else JournalLine.debit
        latest = (
            select(JournalEntry.id)
            .where(JournalEntry.source == "manual")
            # "+ 0": by the entry-source index (manual entries are few), not by reading
            # every entry newest first until 2,000 manual ones are found
            .order_by((JournalEntry.id + 0).desc())
            .limit(WINDOW)
            .subquery()
        )
        q = (  # a reversal's income/expense is on the other side: its sum is 0, not counted
            select(func.sum(side))
            .select_from(latest)
            .join(JournalLine, JournalLine.entry_id == latest.c.id)
            .join(Account, Account.id == JournalLine.account_id)
            .where(Account.type == ("income" if base == INCOME else "expense"))
            .group_by(latest.c.id)
        )
        return [int(a or 0) for a in session.scalars(q)]
    else:
        raise ValueError(f"unknown plausibility kind {kind!r}")
    return [int(a or 0) for a in session.scalars(q.limit(WINDOW))]


def derive(session: Session, kind: str) -> tuple[int, int, int]:
    """(ceiling, typical amount, number of past amounts) of ``kind`` from the books,
    uncached."""
    amounts = _amounts(session, kind)
    floor = FLOORS[kind.partition(":")[0]]
    return derived_ceiling(amounts, floor), percentile(amounts), len(amounts)


_cache: weakref.WeakKeyDictionary[Any, dict[str, tuple[float, tuple[int, int]]]] = (
    weakref.WeakKeyDictionary()
)  # engine -> {kind: (t, value)}
_lock = threading.Lock()


def _derived_cached(session: Session, kind: str) -> tuple[int, int]:
    """(derived ceiling, typical amount) of ``kind``, from the cache when fresh."""
    engine = session.get_bind()
    engine = getattr(engine, "engine", engine)
    now = time.monotonic()
    with _lock:
        per_db = _cache.setdefault(engine, {})
        hit = per_db.get(kind)
    if hit is not None and now - hit[0] < CACHE_SECONDS:
        return hit[1]
    ceiling, typical, _n = derive(session, kind)
    value = (ceiling, typical)
    with _lock:
        per_db[kind] = (now, value)
    return value


def forget(db: Database) -> None:
    """Drop the cached derived ceilings of ``db`` (after an edit, an import or a restore)."""
    with _lock:
        for engine in {db.engine, getattr(db, "read_engine", db.engine)}:
            _cache.pop(engine, None)


def overrides_in(session: Session) -> dict[str, int]:
    raw = settings.get_value(session, SETTING, {}) or {}
    return {str(k): int(v) for k, v in raw.items() if isinstance(v, int) and v > 0}


def ceiling_in(
    session: Session, kind: str, overrides: dict[str, int] | None = None
) -> tuple[int, int]:
    """(ceiling in force, typical amount) of ``kind``: the ceiling set in Pengaturan, else
    the derived one. ``overrides``: the setting, when the caller has read it already."""
    derived, typical = _derived_cached(session, kind)
    if overrides is None:
        overrides = overrides_in(session)
    return overrides.get(kind) or derived, typical


# ---------------------------------------------------------------- checking


class Limits:
    """The ceilings of some kinds, read BEFORE a use case writes (so that a cold cache does
    not count the amount being posted as history), checked after its other checks passed.
    ``confirmed`` (the user said yes, or ``--confirm-large``) reads and checks nothing."""

    def __init__(self, session: Session, kinds: Sequence[str], *, confirmed: bool) -> None:
        self.session = session
        self.confirmed = confirmed
        self.values = {}
        if not confirmed:
            overrides = overrides_in(session)  # one read of the setting for all the kinds
            self.values = {k: ceiling_in(session, k, overrides) for k in kinds}

    def check(
        self, kind: str, amount: int, *, field: str = "amount", product_name: str | None = None
    ) -> None:
        if not self.confirmed:
            check_in(
                self.session,
                kind,
                amount,
                field=field,
                product_name=product_name,
                ceiling=self.values.get(kind),
            )

    def check_rows(self, cells: Sequence[tuple[str, str, str, int]]) -> None:
        if not self.confirmed:
            check_rows_in(self.session, cells, self.values)


def check_in(
    session: Session,
    kind: str,
    amount: int,
    *,
    confirmed: bool = False,
    field: str = "amount",
    product_name: str | None = None,
    ceiling: tuple[int, int] | None = None,
) -> None:
    """Refuse ``amount`` above the ceiling of ``kind`` unless ``confirmed`` (the caller
    asked the user, or the CLI was given ``--confirm-large``). ``ceiling``: (ceiling,
    typical) as read before the caller wrote (see :class:`Limits`)."""
    if confirmed or not isinstance(amount, int) or amount <= 0:
        return
    limit, typical = ceiling or ceiling_in(session, kind)
    if is_implausible(amount, limit):
        raise ValidationError(
            field,
            "amount_implausible" if typical else "amount_implausible_new",
            amount=format_rupiah(amount),
            ceiling=format_rupiah(limit),
            typical=format_rupiah(typical),
            what=label(kind, "id", product_name),
            what_en=label(kind, "en", product_name),
            kind=kind,
        )


@dataclass(frozen=True)
class Implausible:
    """One cell of a batch (the group meeting grid) above its ceiling."""

    row: str  # the member number
    field: str  # wajib | sukarela | loan_amount
    amount: int
    ceiling: int


def check_rows_in(
    session: Session,
    cells: Sequence[tuple[str, str, str, int]],
    known: dict[str, tuple[int, int]] | None = None,
) -> None:
    """Refuse a batch whose cells ``(row, field, kind, amount)`` are above their ceilings,
    listing every such cell in one message (one confirmation for the whole batch)."""
    found = []
    ceilings = {k: v[0] for k, v in (known or {}).items()}
    for row, field, kind, amount in cells:
        if not isinstance(amount, int) or amount <= 0:
            continue
        if kind not in ceilings:
            ceilings[kind] = ceiling_in(session, kind)[0]
        if is_implausible(amount, ceilings[kind]):
            found.append(Implausible(row, field, amount, ceilings[kind]))
    if found:
        from ..messages import field_name

        def listing(lang: str) -> str:
            return "; ".join(
                f"{f.row} {field_name(f.field, lang)} {format_rupiah(f.amount)}"
                f" ({'batas' if lang == 'id' else 'limit'} {format_rupiah(f.ceiling)})"
                for f in found
            )

        raise ValidationError(
            "lines",
            "amounts_implausible",
            count=len(found),
            rows=listing("id"),
            rows_en=listing("en"),
            items=tuple(found),
        )


# ---------------------------------------------------------------- Pengaturan


def _kinds(session: Session) -> list[tuple[str, str | None]]:
    products = session.execute(
        select(SavingsProduct.code, SavingsProduct.name)
        .where(SavingsProduct.active.is_(True))
        .order_by(SavingsProduct.id)
    ).all()
    return [(deposit_kind(code), name) for code, name in products] + [
        (k, None) for k in (WITHDRAWAL, TIME_DEPOSIT, LOAN, REPAYMENT, INCOME, EXPENSE)
    ]


def ceilings(db: Database) -> list[Ceiling]:
    """Every kind with its derived ceiling (read fresh from the books) and the one set."""
    with read_only(db) as s:
        overrides = overrides_in(s)
        out = []
        for kind, name in _kinds(s):
            derived, typical, n = derive(s, kind)
            out.append(
                Ceiling(
                    kind,
                    label(kind, "id", name),
                    label(kind, "en", name),
                    derived,
                    typical,
                    n,
                    overrides.get(kind),
                )
            )
        return out


def set_ceilings(db: Database, actor: Actor, values: dict[str, int | None]) -> list[Ceiling]:
    """Set (an amount) or clear (None / 0: derive from the books) ceilings per kind."""
    require(actor, "plausibility.write")
    from .validation import check_amount

    with unit_of_work(db) as s:
        known = {k for k, _ in _kinds(s)}
        current = dict(overrides_in(s))
        for kind, value in values.items():
            if kind not in known:
                raise ValidationError(
                    "kind", "choice", choices=", ".join(sorted(known)), value=kind
                )
            if value in (None, 0):
                current.pop(kind, None)
            else:
                current[kind] = check_amount(value, "ceiling")
        settings.set_value(s, actor, SETTING, current)
    forget(db)
    return ceilings(db)

"""Fixed assets (aset tetap / inventaris): the register, acquisition, monthly straight-line
depreciation booked by the month-end run, disposal and sale with its gain or loss, and the
register at a date.

Postings (each in the same transaction as the register row it explains):
- acquisition: Dr 1.30 Aset Tetap / Cr 1.01 Kas, 1.02 Bank or 2.30 Hutang Lain-lain;
- an asset taken over when moving in: Dr 1.30 cost / Cr 1.39 accumulated / Cr 3.99 opening;
- depreciation of a month: Dr 5.30 Beban Penyusutan / Cr 1.39 Akumulasi Penyusutan, one entry
  per month (source ``penyusutan``, source_ref ``penyusutan-YYYY-MM``), never twice;
- disposal: Dr 1.39 accumulated, Dr cash/bank proceeds, Dr 5.60 loss or Cr 4.90 gain,
  Cr 1.30 cost (with any depreciation still owed up to the month before, Dr 5.30).
Per asset group the accounts may be sub-accounts: setting ``fixed_asset_accounts``
``{group: {"asset": code, "accumulated": code, "expense": code}}``; an account named there
that does not exist falls back to the seeded one. Land (tanah) is not depreciated.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from ..domain.money import RoundingMode

import datetime as dt
from dataclasses import dataclass

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import Account, FixedAsset, FixedAssetDepreciation, JournalEntry
from ..domain import accounts
from ..domain import depreciation as dep
from ..domain.vocabulary import EntrySource
from ..errors import NotFound, ValidationError
from . import audit, clock, ledger
from .auth import Actor, require, require_read_all
from .ledger import Line
from .settings import get_value
from .uow import read_only, unit_of_work
from .validation import MAX_AMOUNT

ASSET = accounts.FIXED_ASSETS
ACCUMULATED = accounts.ACCUMULATED_DEPRECIATION
EXPENSE = accounts.DEPRECIATION_EXPENSE
GAIN = accounts.OTHER_INCOME
LOSS = accounts.DISPOSAL_LOSS
CASH, BANK, PAYABLE = accounts.CASH, accounts.BANK, accounts.OTHER_PAYABLES
PAID_FROM = {"kas": CASH, "bank": BANK, "hutang": PAYABLE}
OPENING = "opening"
SOURCE = EntrySource.FIXED_ASSETS
DEPRECIATION = EntrySource.DEPRECIATION
GROUP_NAMES = {
    "tanah": ("Tanah", "Land"),
    "bangunan": ("Bangunan", "Buildings"),
    "kendaraan": ("Kendaraan", "Vehicles"),
    "peralatan": ("Peralatan dan Inventaris Kantor", "Office equipment and furniture"),
}
MAX_LIFE_MONTHS = 50 * 12


@dataclass(frozen=True)
class AssetInput:
    name: str
    group: str
    acquired_on: dt.date
    cost: int
    life_months: int
    residual: int = 0
    location: str = ""
    paid_from: str = "kas"  # kas | bank | hutang (or an account code 1.01 / 1.02 / 2.30)
    code: str = ""


@dataclass(frozen=True)
class AssetRow:
    """One asset of the register at a date."""

    id: int
    code: str
    name: str
    group: str
    acquired_on: dt.date
    location: str
    life_months: int
    residual: int
    cost: int
    accumulated: int
    disposed_on: dt.date | None

    @property
    def book_value(self) -> int:
        return self.cost - self.accumulated


# ---------------------------------------------------------------- rules


def asset_group_accounts(session: Session, group: str) -> tuple[str, str, str]:
    """(asset, accumulated, expense) account codes for an asset group."""
    conf = (get_value(session, "fixed_asset_accounts", {}) or {}).get(group) or {}
    chosen = [conf.get("asset") or ASSET, conf.get("accumulated") or ACCUMULATED]
    chosen.append(conf.get("expense") or EXPENSE)
    existing = set(session.scalars(select(Account.code).where(Account.code.in_(chosen))))
    defaults = (ASSET, ACCUMULATED, EXPENSE)
    return tuple(c if c in existing else d for c, d in zip(chosen, defaults, strict=True))  # type: ignore[return-value]


def _schedule_of(a: FixedAsset) -> tuple[dt.date, int, int]:
    """(first month the app depreciates, amount to depreciate, over how many months)."""
    if not dep.GROUPS.get(a.group_code, True) or a.life_months <= 0:
        return a.acquired_on, 0, 0
    base = a.cost - a.residual
    if a.opening_date is not None:
        elapsed = dep.month_index(a.acquired_on, a.opening_date.year, a.opening_date.month)
        start = clock.month_end(a.opening_date.year, a.opening_date.month) + dt.timedelta(days=1)
        return start, base - a.opening_accumulated, max(a.life_months - max(elapsed, 0), 0)
    return a.acquired_on, base, a.life_months


def target_through(a: FixedAsset, year: int, month: int, mode: RoundingMode | str) -> int:
    """Depreciation the app should have booked on ``a`` through the end of (year, month)."""
    start, base, months = _schedule_of(a)
    if base <= 0:
        return 0
    return dep.accumulated_after(base, months, dep.month_index(start, year, month), mode)


def booked_depreciation(session: Session, asset_ids: list[int]) -> dict[int, int]:
    if not asset_ids:
        return {}
    rows = session.execute(
        select(FixedAssetDepreciation.asset_id, func.sum(FixedAssetDepreciation.amount))
        .where(FixedAssetDepreciation.asset_id.in_(asset_ids))
        .group_by(FixedAssetDepreciation.asset_id)
    )
    return {a: int(n or 0) for a, n in rows}


def period_key(year: int, month: int) -> str:
    return f"{year}-{month:02d}"


def whole(value: object, field: str, *, positive: bool = False) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise ValidationError(field, "not_an_amount", value=value)
    if value < 0 or (positive and value == 0):
        raise ValidationError(field, "must_be_positive" if positive else "must_not_be_negative")
    if value > MAX_AMOUNT:
        raise ValidationError(field, "too_large", max=MAX_AMOUNT)
    return value


def paid_account(paid_from: str) -> str:
    key = (paid_from or "").strip().lower()
    if key in PAID_FROM:
        return PAID_FROM[key]
    if key in PAID_FROM.values():
        return key
    raise ValidationError("paid_from", "choice", choices="kas, bank, hutang", value=paid_from)


def _validate(data: AssetInput) -> None:
    if not data.name.strip():
        raise ValidationError("name", "required")
    if data.group not in dep.GROUPS:
        raise ValidationError(
            "asset_group", "choice", choices=", ".join(dep.GROUPS), value=data.group
        )
    cost = whole(data.cost, "cost", positive=True)
    residual = whole(data.residual, "residual")
    if residual > cost:
        raise ValidationError("residual", "fa_residual_above_cost")
    life = data.life_months
    if isinstance(life, bool) or not isinstance(life, int) or life < 0 or life > MAX_LIFE_MONTHS:
        raise ValidationError("life_months", "fa_life_range", max=MAX_LIFE_MONTHS)
    if dep.GROUPS[data.group] and life == 0:
        raise ValidationError("life_months", "must_be_positive")


def _next_code(session: Session) -> str:
    n = session.scalar(select(func.count(FixedAsset.id))) or 0
    while True:
        n += 1
        code = f"AT-{n:04d}"
        if session.scalar(select(FixedAsset.id).where(FixedAsset.code == code)) is None:
            return code


def _new_asset(session: Session, actor: Actor, data: AssetInput, paid_from: str) -> FixedAsset:
    _validate(data)
    code = data.code.strip() or _next_code(session)
    if session.scalar(select(FixedAsset.id).where(FixedAsset.code == code)) is not None:
        raise ValidationError("asset_code", "duplicate", value=code)
    a = FixedAsset(
        code=code,
        name=data.name.strip(),
        group_code=data.group,
        acquired_on=data.acquired_on,
        cost=data.cost,
        life_months=data.life_months if dep.GROUPS[data.group] else 0,
        residual=data.residual,
        location=data.location.strip(),
        paid_from=paid_from,
        opening_accumulated=0,
        proceeds=0,
        created_by=actor.username,
    )
    session.add(a)
    session.flush()
    return a


# ---------------------------------------------------------------- use cases (in a session)


def add_asset_in(session: Session, actor: Actor, data: AssetInput) -> FixedAsset:
    """Register a purchase and post it: Dr the group's asset account / Cr how it was paid."""
    paid = paid_account(data.paid_from)
    a = _new_asset(session, actor, data, paid)
    asset_acct, _, _ = asset_group_accounts(session, a.group_code)
    entry = ledger.post(
        session,
        actor,
        a.acquired_on,
        f"Pembelian aset tetap {a.code} {a.name}",
        [Line(asset_acct, debit=a.cost, memo=a.code), Line(paid, credit=a.cost, memo=a.code)],
        source=SOURCE,
        source_ref=f"{a.code}-beli",
    )
    a.acquisition_entry_id = entry.id
    audit.record(session, actor, "asset.add", "fixed_asset", a.code, after=_plain(a))
    return a


def add_opening_asset_in(
    session: Session, actor: Actor, data: AssetInput, opening_date: dt.date, accumulated: int
) -> FixedAsset:
    """An asset the cooperative already held when moving in, with the depreciation it had
    accumulated at ``opening_date``: Dr cost / Cr accumulated / Cr 3.99 opening balance."""
    from .ledger import CLEARING, ensure_clearing

    accumulated = whole(accumulated, "accumulated")
    if opening_date < data.acquired_on:
        raise ValidationError("opening_date", "date_before", other=data.acquired_on.isoformat())
    if accumulated > data.cost - data.residual:
        raise ValidationError("accumulated", "fa_accumulated_too_large")
    a = _new_asset(session, actor, data, OPENING)
    a.opening_date = opening_date
    a.opening_accumulated = accumulated if dep.GROUPS[a.group_code] else 0
    ensure_clearing(session)
    asset_acct, acc_acct, _ = asset_group_accounts(session, a.group_code)
    lines = [Line(asset_acct, debit=a.cost, memo=a.code)]
    if a.opening_accumulated:
        lines.append(Line(acc_acct, credit=a.opening_accumulated, memo=a.code))
    if a.cost - a.opening_accumulated:
        lines.append(Line(CLEARING[0], credit=a.cost - a.opening_accumulated, memo=a.code))
    entry = ledger.post(
        session,
        actor,
        opening_date,
        f"Saldo awal aset tetap {a.code} {a.name}",
        lines,
        source=SOURCE,
        source_ref=f"{a.code}-saldo-awal",
    )
    a.acquisition_entry_id = entry.id
    audit.record(session, actor, "asset.opening", "fixed_asset", a.code, after=_plain(a))
    return a


@dataclass(frozen=True)
class Reversal:
    asset_id: int
    code: str
    what: str  # acquisition | disposal
    date: dt.date
    journal_entry_id: int  # the reversal entry
    depreciation_written_back: int  # acquisition: depreciation booked on it, reversed too


def reverse_in(
    session: Session, actor: Actor, asset_id: int, what: str, date: dt.date, reason: str
) -> Reversal:
    """Reverse an asset entry recorded by mistake, by a mirror entry linked to it:

    - ``acquisition``: the purchase (or opening) entry; any depreciation already booked on
      the asset is written back in a second entry (Dr accumulated / Cr expense), and the
      asset leaves the register from ``date``. A disposed asset's disposal is reversed first.
    - ``disposal``: the sale or scrapping entry (with its gain or loss and any depreciation
      caught up in it); the asset is back in use and the next month-end depreciates it.
    """
    if not (reason or "").strip():
        raise ValidationError("reason", "required")
    a = session.get(FixedAsset, asset_id, with_for_update=True)
    if a is None:
        raise NotFound(what="Aset tetap", key=str(asset_id))
    if a.cancelled_on is not None:
        raise ValidationError("asset", "fa_cancelled", date=a.cancelled_on.isoformat())
    before = _plain(a) | {"disposed_on": a.disposed_on, "proceeds": a.proceeds}
    reason = reason.strip()
    written_back = 0
    if what == "disposal":
        if a.disposed_on is None or a.disposal_entry_id is None:
            raise ValidationError("asset", "fa_not_disposed")
        entry = ledger.post_reversal(session, actor, a.disposal_entry_id, date, reason)
        for row in session.scalars(
            select(FixedAssetDepreciation).where(
                FixedAssetDepreciation.journal_entry_id == a.disposal_entry_id
            )
        ):
            session.delete(row)  # the catch-up the reversal takes back
        a.disposed_on, a.proceeds, a.disposal_entry_id = None, 0, None
    elif what == "acquisition":
        if a.disposed_on is not None:
            raise ValidationError("asset", "fa_reverse_disposal_first")
        if a.acquisition_entry_id is None:
            raise ValidationError("asset", "fa_not_disposed")
        entry = ledger.post_reversal(session, actor, a.acquisition_entry_id, date, reason)
        written_back = booked_depreciation(session, [a.id]).get(a.id, 0)
        if written_back:
            _, acc_acct, exp_acct = asset_group_accounts(session, a.group_code)
            ledger.post(
                session,
                actor,
                date,
                f"Koreksi penyusutan aset tetap {a.code} {a.name} (pencatatan dibatalkan)",
                [
                    Line(acc_acct, debit=written_back, memo=a.code),
                    Line(exp_acct, credit=written_back, memo=a.code),
                ],
                source=SOURCE,
                source_ref=f"{a.code}-batal-susut",
            )
        a.cancelled_on, a.cancel_entry_id = date, entry.id
    else:
        raise ValidationError("kind", "choice", choices="acquisition, disposal", value=what)
    session.flush()
    result = Reversal(a.id, a.code, what, date, entry.id, written_back)
    audit.record(
        session, actor, "asset.reverse", "fixed_asset", a.code, before=before, after=result
    )
    return result


def reverse(
    db: Database, actor: Actor, asset_id: int, what: str, date: dt.date, reason: str
) -> Reversal:
    """Reverse a fixed asset's acquisition or disposal recorded by mistake (see
    :func:`reverse_in`)."""
    require(actor, "asset.write")
    with unit_of_work(db) as s:
        return reverse_in(s, actor, asset_id, what, date, reason)


def reverse_entry_in(
    session: Session, actor: Actor, entry_id: int, date: dt.date, reason: str
) -> int:
    """``ledger.reverse_entry`` on a fixed-asset entry: the acquisition or the disposal it
    is, reversed with the register (returns the reversal's entry id)."""
    a = session.scalars(
        select(FixedAsset).where(
            (FixedAsset.acquisition_entry_id == entry_id)
            | (FixedAsset.disposal_entry_id == entry_id)
        )
    ).first()
    if a is None:
        raise ValidationError("entry", "not_postable", code=str(entry_id), what=SOURCE)
    what = "disposal" if a.disposal_entry_id == entry_id else "acquisition"
    return reverse_in(session, actor, a.id, what, date, reason).journal_entry_id


def proceeds_in(session: Session, asset_ids: list[int]) -> dict[int, int]:
    rows = session.execute(
        select(FixedAsset.id, FixedAsset.proceeds).where(FixedAsset.id.in_(asset_ids))
    )
    return {a: int(p) for a, p in rows}


def register_in(session: Session, as_of: dt.date, include_disposed: bool = False) -> list[AssetRow]:
    """The register at ``as_of``: every asset acquired by then (and not disposed of by then,
    unless ``include_disposed``) with its cost, depreciation accumulated by then and book value."""
    booked = dict(
        session.execute(
            select(FixedAssetDepreciation.asset_id, func.sum(FixedAssetDepreciation.amount))
            .join(JournalEntry, JournalEntry.id == FixedAssetDepreciation.journal_entry_id)
            .where(JournalEntry.date <= as_of)
            .group_by(FixedAssetDepreciation.asset_id)
        ).all()
    )
    rows = []
    q = select(FixedAsset).where(
        func.coalesce(FixedAsset.opening_date, FixedAsset.acquired_on) <= as_of
    )
    for a in session.scalars(q.order_by(FixedAsset.group_code, FixedAsset.code)):
        if a.cancelled_on is not None and a.cancelled_on <= as_of:
            continue  # recorded by mistake and reversed: never part of the register since
        gone = a.disposed_on is not None and a.disposed_on <= as_of
        if gone and not include_disposed:
            continue
        rows.append(
            AssetRow(
                a.id,
                a.code,
                a.name,
                a.group_code,
                a.acquired_on,
                a.location,
                a.life_months,
                a.residual,
                a.cost,
                a.opening_accumulated + int(booked.get(a.id) or 0),
                a.disposed_on,
            )
        )
    return rows


def _plain(a: FixedAsset) -> dict[str, Any]:
    return {
        "code": a.code,
        "name": a.name,
        "group": a.group_code,
        "acquired_on": a.acquired_on.isoformat(),
        "cost": a.cost,
        "life_months": a.life_months,
        "residual": a.residual,
        "location": a.location,
        "paid_from": a.paid_from,
        "opening_accumulated": a.opening_accumulated,
    }


def _row(session: Session, a: FixedAsset) -> AssetRow:
    for r in register_in(session, dt.date.max, include_disposed=True):
        if r.id == a.id:
            return r
    raise NotFound(what="Aset tetap", key=a.code)


# ---------------------------------------------------------------- use cases (own transaction)


def add_asset(db: Database, actor: Actor, data: AssetInput) -> AssetRow:
    require(actor, "asset.write")
    with unit_of_work(db) as s:
        return _row(s, add_asset_in(s, actor, data))


def add_opening_asset(
    db: Database, actor: Actor, data: AssetInput, opening_date: dt.date, accumulated: int
) -> AssetRow:
    require(actor, "asset.write")
    with unit_of_work(db) as s:
        return _row(s, add_opening_asset_in(s, actor, data, opening_date, accumulated))


def asset_id_of(db: Database, code: str) -> int:
    with read_only(db) as s:
        found = s.scalar(select(FixedAsset.id).where(FixedAsset.code == code))
    if found is None:
        raise NotFound(what="Aset tetap", key=code)
    return found


def register(
    db: Database, as_of: dt.date, actor: Actor | None = None, include_disposed: bool = False
) -> list[AssetRow]:
    """The register at a date (admin, bendahara, pengawas; not a ketua kelompok)."""
    require_read_all(actor)
    with read_only(db) as s:
        return register_in(s, as_of, include_disposed)


__all__ = [
    "AssetInput",
    "AssetRow",
    "GROUP_NAMES",
    "add_asset",
    "add_asset_in",
    "add_opening_asset",
    "add_opening_asset_in",
    "register",
    "register_in",
    "reverse",
    "reverse_in",
]


ledger.register_reversal("aset_tetap", reverse_entry_in)

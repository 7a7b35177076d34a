"""Fixed assets: selling or writing off an asset."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import FixedAsset, FixedAssetDepreciation
from ..errors import NotFound, ValidationError
from . import audit, ledger
from .auth import Actor, require
from .fixed_assets import (
    GAIN,
    LOSS,
    PAYABLE,
    SOURCE,
    asset_group_accounts,
    booked_depreciation,
    paid_account,
    period_key,
    target_through,
    whole,
)
from .ledger import Line
from .settings import rounding_in
from .uow import unit_of_work
from .validation import clean_memo


@dataclass(frozen=True)
class Disposal:
    asset_id: int
    date: dt.date
    cost: int
    accumulated: int
    book_value: int
    proceeds: int
    gain: int  # negative: a loss
    journal_entry_id: int


def dispose_in(
    session: Session,
    actor: Actor,
    asset_id: int,
    date: dt.date,
    proceeds: int = 0,
    received_into: str = "kas",
    note: str = "",
) -> Disposal:
    """Sell (``proceeds`` > 0) or scrap (0) an asset. Depreciation still owed through the
    month before ``date`` is booked first; the difference between the proceeds and the book
    value is the gain (4.90) or loss (5.60)."""
    note = clean_memo(note, "note")
    a = session.get(FixedAsset, asset_id, with_for_update=True)
    if a is None:
        raise NotFound(what="Aset tetap", key=str(asset_id))
    if a.cancelled_on is not None:
        raise ValidationError("asset", "fa_cancelled", date=a.cancelled_on.isoformat())
    if a.disposed_on is not None:
        raise ValidationError("asset", "fa_already_disposed", date=a.disposed_on.isoformat())
    proceeds = whole(proceeds, "proceeds")
    start = a.opening_date or a.acquired_on
    if date < start:
        raise ValidationError("date", "date_before", other=start.isoformat())
    into = paid_account(received_into) if proceeds else None
    if into == PAYABLE:
        raise ValidationError("received_into", "choice", choices="kas, bank", value=received_into)
    mode = rounding_in(session)
    py, pm = (date.year - 1, 12) if date.month == 1 else (date.year, date.month - 1)
    booked = booked_depreciation(session, [a.id]).get(a.id, 0)
    catch_up = 0
    if a.life_months > 0 and (a.opening_date is None or a.opening_date < date):
        catch_up = max(target_through(a, py, pm, mode) - booked, 0)
    accumulated = a.opening_accumulated + booked + catch_up
    book_value = a.cost - accumulated
    gain = proceeds - book_value
    asset_acct, acc_acct, exp_acct = asset_group_accounts(session, a.group_code)
    memo = a.code
    lines = []
    if proceeds:
        lines.append(Line(into, debit=proceeds, memo=memo))  # type: ignore[arg-type]
    if catch_up:
        lines.append(Line(exp_acct, debit=catch_up, memo=f"Penyusutan {memo}"))
    if accumulated - catch_up:
        lines.append(Line(acc_acct, debit=accumulated - catch_up, memo=memo))
    if gain < 0:
        lines.append(Line(LOSS, debit=-gain, memo=memo))
    lines.append(Line(asset_acct, credit=a.cost, memo=memo))
    if gain > 0:
        lines.append(Line(GAIN, credit=gain, memo=memo))
    what = "Penjualan" if proceeds else "Penghapusan"
    entry = ledger.post(
        session,
        actor,
        date,
        f"{what} aset tetap {a.code} {a.name}" + (f": {note}" if note else ""),
        lines,
        source=SOURCE,
        source_ref=f"{a.code}-lepas",
    )
    if catch_up:
        session.add(
            FixedAssetDepreciation(
                asset_id=a.id,
                period=period_key(date.year, date.month),
                amount=catch_up,
                journal_entry_id=entry.id,
            )
        )
    a.disposed_on = date
    a.proceeds = proceeds
    a.disposal_entry_id = entry.id
    session.flush()
    result = Disposal(a.id, date, a.cost, accumulated, book_value, proceeds, gain, entry.id)
    audit.record(session, actor, "asset.dispose", "fixed_asset", a.code, after=result)
    return result


def dispose(
    db: Database,
    actor: Actor,
    asset_id: int,
    date: dt.date,
    proceeds: int = 0,
    received_into: str = "kas",
    note: str = "",
) -> Disposal:
    require(actor, "asset.write")
    with unit_of_work(db) as s:
        return dispose_in(s, actor, asset_id, date, proceeds, received_into, note)

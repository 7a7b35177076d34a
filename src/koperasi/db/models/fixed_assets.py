"""Fixed assets (aset tetap / inventaris) and the depreciation booked on each, month by month."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import ForeignKey, Integer, String, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from ..types import Money
from .base import Base, utcnow


class FixedAsset(Base):
    """One asset of the register. ``opening_date``/``opening_accumulated``: an asset taken
    over when moving in, with the depreciation it had accumulated by then (booked against
    opening equity); the app depreciates only what is left after that date."""

    __tablename__ = "fixed_assets"
    id: Mapped[int] = mapped_column(primary_key=True)
    code: Mapped[str] = mapped_column(String(20), unique=True)
    name: Mapped[str] = mapped_column(String(200))
    group_code: Mapped[str] = mapped_column(String(20))  # tanah | bangunan | kendaraan | peralatan
    acquired_on: Mapped[dt.date]
    cost: Mapped[int] = mapped_column(Money)
    life_months: Mapped[int] = mapped_column(Integer)  # 0 for land
    residual: Mapped[int] = mapped_column(Money, default=0)
    location: Mapped[str] = mapped_column(String(200), default="")
    paid_from: Mapped[str] = mapped_column(String(20))  # the credited account code, or "opening"
    opening_date: Mapped[dt.date | None]
    opening_accumulated: Mapped[int] = mapped_column(Money, default=0)
    acquisition_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"))
    disposed_on: Mapped[dt.date | None]
    proceeds: Mapped[int] = mapped_column(Money, default=0)
    disposal_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"))
    # an acquisition recorded by mistake, reversed: the asset leaves the register from then
    cancelled_on: Mapped[dt.date | None]
    cancel_entry_id: Mapped[int | None] = mapped_column(ForeignKey("journal_entries.id"))
    created_at: Mapped[dt.datetime] = mapped_column(default=utcnow)
    created_by: Mapped[str] = mapped_column(String(64), default="")


class FixedAssetDepreciation(Base):
    """The depreciation booked on one asset in one month (``period`` YYYY-MM) by the entry
    that booked it (the month-end depreciation entry, or the disposal entry's catch-up)."""

    __tablename__ = "fixed_asset_depreciation"
    __table_args__ = (UniqueConstraint("asset_id", "period"),)
    id: Mapped[int] = mapped_column(primary_key=True)
    asset_id: Mapped[int] = mapped_column(ForeignKey("fixed_assets.id"), index=True)
    period: Mapped[str] = mapped_column(String(7))
    amount: Mapped[int] = mapped_column(Money)
    journal_entry_id: Mapped[int] = mapped_column(ForeignKey("journal_entries.id"), index=True)

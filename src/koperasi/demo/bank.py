"""The demo's office and bank: believable fixed assets bought as the months go by (furniture,
computers, a motorbike for the field officer, and for a larger cooperative its office
building, received as a grant), depreciated by each month-end, and the bank account with
its statement imported and reconciled: the month before the demo's date fully matched, the
open month with a bank charge posted from the statement and a deposit in transit.

``build_demo`` wraps its book-keeper with :func:`with_office_and_bank`: the wrapper's
``after_month`` acts in the month (after its loans and month-end, before it is closed)."""

from __future__ import annotations

import datetime as dt
import tempfile
from pathlib import Path
from typing import Any, Protocol

from ..db.database import Database
from ..domain import accounts
from ..domain.vocabulary import EntrySource
from ..exchange.bank_statement import import_statement, write_sample
from ..services import bank, bank_lists, bank_matching, clock, ledger
from ..services import fixed_assets as fa
from ..services.auth import Actor
from ..services.counters import SERIES_JOURNAL, next_receipt
from ..services.ledger import Line
from ..services.uow import read_only, unit_of_work


class MonthlyBooks(Protocol):
    """What the demo's book keeper offers (services.demo._BookKeeper): the database, the
    actor, the demo's date, and the month-end and closing after each month."""

    db: Database
    actor: Actor
    as_of: dt.date

    def after_month(self, y: int, m: int) -> None: ...


def _assets(members: int) -> list[tuple[int, fa.AssetInput, str]]:
    """(month index from the start, the asset, how it came: bought with an equipment grant
    (``grant``), or the building itself given (``hibah``))."""
    scale = max(5, min(100, members * 100 // 600))

    def cost(full: int, floor: int) -> int:
        return max(floor, full * scale // 100 // 100_000 * 100_000)

    d = dt.date(2000, 1, 1)  # placeholder; the month's date is set when bought
    out = [
        (
            0,
            fa.AssetInput(
                "Meja, kursi dan lemari arsip",
                "peralatan",
                d,
                cost(14_000_000, 3_200_000),
                96,
                0,
                "Kantor koperasi",
                "kas",
            ),
            "grant",
        ),
        (
            2,
            fa.AssetInput(
                "Komputer dan printer kantor",
                "peralatan",
                d,
                cost(16_500_000, 7_200_000),
                48,
                0,
                "Ruang bendahara",
                "kas",
            ),
            "grant",
        ),
        (
            8,
            fa.AssetInput(
                "Sepeda motor operasional petugas lapangan",
                "kendaraan",
                d,
                cost(21_000_000, 11_500_000),
                60,
                2_500_000,
                "Kantor koperasi",
                "kas",
            ),
            "grant",
        ),
    ]
    if members >= 300:
        out.insert(
            0,
            (
                0,
                fa.AssetInput(
                    "Gedung kantor koperasi",
                    "bangunan",
                    d,
                    185_000_000,
                    240,
                    0,
                    "Jl. Mulawarman No. 45, Manggar",
                    "hutang",
                ),
                "hibah",
            ),
        )
    return out


class OfficeAndBank:
    """Delegates to the demo's book-keeper; buys the assets due in each month and, in the
    demo's last month, sets up and reconciles the bank account."""

    def __init__(self, books: MonthlyBooks, members: int) -> None:
        self.books = books
        self.db, self.actor, self.as_of = books.db, books.actor, books.as_of
        self.plan = _assets(members)
        self.month_no = 0

    def __getattr__(self, name: str) -> Any:
        return getattr(self.books, name)

    def after_month(self, y: int, m: int) -> None:
        last = min(clock.month_end(y, m), self.as_of)
        for when, item, how in self.plan:
            if when == self.month_no:
                self._buy(item, how, last)
        self.month_no += 1
        if (y, m) == (self.as_of.year, self.as_of.month):
            reconcile_demo_bank(self.db, self.actor, self.as_of)
        self.books.after_month(y, m)

    def _buy(self, item: fa.AssetInput, how: str, day: dt.date) -> None:
        import dataclasses

        with unit_of_work(self.db) as s:
            if how == "hibah":
                a = fa.add_asset_in(s, self.actor, dataclasses.replace(item, acquired_on=day))
                ledger.post(
                    s,
                    self.actor,
                    day,
                    f"Hibah {item.name.lower()} dari Pemerintah Kota",
                    [
                        Line(fa.PAYABLE, debit=item.cost, memo=a.code),
                        Line("3.13", credit=item.cost),
                    ],
                    source=EntrySource.MANUAL,
                    receipt_no=next_receipt(s, SERIES_JOURNAL, day.year),
                )
                return
            # an equipment grant (hibah sarana) from the Dinas Koperasi pays for it: the
            # cooperative's lending money stays as it was
            ledger.post(
                s,
                self.actor,
                day,
                f"Hibah sarana kantor dari Dinas Koperasi dan UKM: {item.name.lower()}",
                [
                    Line(accounts.CASH, debit=item.cost, memo="Dinas Koperasi dan UKM"),
                    Line("3.13", credit=item.cost),
                ],
                source=EntrySource.MANUAL,
                receipt_no=next_receipt(s, SERIES_JOURNAL, day.year),
            )
            fa.add_asset_in(
                s, self.actor, dataclasses.replace(item, acquired_on=day, paid_from="kas")
            )


def with_office_and_bank(books: MonthlyBooks, members: int) -> OfficeAndBank:
    return OfficeAndBank(books, members)


def reconcile_demo_bank(db: Database, actor: Actor, as_of: dt.date) -> None:
    """The bank account (ledger 1.02) reconciled from the first day of the month before
    ``as_of``'s: its statement holds every bank movement of the books (a withdrawal shown a
    day later), the bank's charge at the end of ``as_of``'s month (posted from the
    statement), and not the last deposit of that month (in transit)."""
    start = (as_of.replace(day=1) - dt.timedelta(days=1)).replace(day=1)
    acct = bank.add_bank_account(
        db,
        actor,
        "Giro Bank Kaltimtara",
        "lain",
        "0031-01-000123-5",
        "BANK-1",
        accounts.BANK,
        start,
    )
    with read_only(db) as s:
        opening = ledger.balance(s, accounts.BANK, start - dt.timedelta(days=1))
    book = bank_lists.book_lines(db, acct.code, actor)
    if not book:
        return
    held_back = max(
        (b for b in book if b.amount > 0 and b.date.month == as_of.month),
        key=lambda b: b.date,
        default=None,
    )
    rows = []
    balance = opening
    moved: list[tuple[dt.date, str, int]] = []
    for b in book:
        if held_back is not None and b.journal_line_id == held_back.journal_line_id:
            continue
        day = b.date
        if b.amount < 0 and day + dt.timedelta(days=1) <= min(
            as_of, clock.month_end(day.year, day.month)
        ):
            day += dt.timedelta(days=1)  # the bank books a withdrawal the next day
        if "giro" in b.description.lower():
            text = f"JASA GIRO NETTO {b.date:%m/%Y}"
        elif b.amount < 0:
            text = f"TARIK TUNAI SLIP {b.entry_id:06d}"
        else:
            text = "SETORAN TUNAI KSP SEJAHTERA"
        moved.append((day, text[:60], b.amount))
    moved.append((as_of, "BIAYA ADMINISTRASI REKENING", -15_000))
    for day, text, amount in sorted(moved, key=lambda x: x[0]):
        balance += amount
        rows.append((day, text, amount, balance))
    with tempfile.TemporaryDirectory() as tmp:
        path = write_sample(Path(tmp) / "rekening-koran.csv", "bri", rows, acct.number)
        import_statement(db, actor, acct.code, path)
    bank_matching.auto_match(db, actor, acct.code)
    for line in bank_lists.statement_lines(db, acct.code, actor, unmatched_only=True):
        if line.amount == -15_000:
            bank_matching.post_statement_line(
                db, actor, line.id, "biaya", description="Biaya administrasi"
            )


__all__ = ["OfficeAndBank", "reconcile_demo_bank", "with_office_and_bank"]

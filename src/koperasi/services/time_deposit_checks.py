"""Time deposits: the koperasi check's consistency checks."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    JournalEntry,
    TimeDeposit,
    TimeDepositEvent,
)
from ..domain.money import format_rupiah
from .check import Problem, ledger_balance_by_code
from .time_deposits import ACCRUED, PRINCIPAL


def check_time_deposits(s: Session) -> list[Problem]:
    """2.11 equals the deposits' principal, 2.12 their accrued interest; each deposit's stored
    principal equals its events; every event's entry exists."""
    out: list[Problem] = []
    principal, accrued = s.execute(
        select(
            func.coalesce(func.sum(TimeDepositEvent.principal), 0),
            func.coalesce(func.sum(TimeDepositEvent.accrued), 0),
        )
    ).one()
    gl = ledger_balance_by_code(s, {PRINCIPAL, ACCRUED})
    for code, sub, what_id, what_en in (
        (PRINCIPAL, int(principal), "jumlah pokok simpanan berjangka", "time deposits' principal"),
        (
            ACCRUED,
            int(accrued),
            "bunga berjangka yang dicadangkan",
            "accrued time-deposit interest",
        ),
    ):
        if code in gl and gl[code] != sub:
            out.append(
                Problem(
                    "time_deposits",
                    f"Akun {code}: saldo buku besar {format_rupiah(gl[code])} ≠ {what_id} {format_rupiah(sub)}",
                    f"Account {code}: ledger balance {format_rupiah(gl[code])} ≠ {what_en} {format_rupiah(sub)}",
                    f"accounts.code={code}",
                )
            )
    sums = (
        select(
            TimeDepositEvent.deposit_id.label("did"),
            func.sum(TimeDepositEvent.principal).label("p"),
        )
        .group_by(TimeDepositEvent.deposit_id)
        .subquery()
    )
    for number, stored, total in s.execute(
        select(TimeDeposit.number, TimeDeposit.principal, func.coalesce(sums.c.p, 0))
        .outerjoin(sums, sums.c.did == TimeDeposit.id)
        .where(TimeDeposit.principal != func.coalesce(sums.c.p, 0))
    ):
        out.append(
            Problem(
                "time_deposits",
                f"Simpanan berjangka {number}: pokok tersimpan {format_rupiah(stored)} ≠ jumlah mutasinya {format_rupiah(int(total))}",
                f"Time deposit {number}: stored principal {format_rupiah(stored)} ≠ sum of its movements {format_rupiah(int(total))}",
                f"time_deposits.number={number}",
            )
        )
    # every event that moves money points to an entry with a line on 2.11 or 2.12
    missing = s.execute(
        select(TimeDepositEvent.id)
        .outerjoin(JournalEntry, JournalEntry.id == TimeDepositEvent.journal_entry_id)
        .where(
            JournalEntry.id.is_(None),
            (TimeDepositEvent.principal != 0) | (TimeDepositEvent.accrued != 0),
        )
    ).scalars()
    for eid in missing:
        out.append(
            Problem(
                "time_deposits",
                f"Mutasi simpanan berjangka #{eid} tanpa jurnal",
                f"Time-deposit movement #{eid} has no journal entry",
                f"time_deposit_events.id={eid}",
            )
        )
    return out


CHECKS = [("time_deposits", check_time_deposits)]

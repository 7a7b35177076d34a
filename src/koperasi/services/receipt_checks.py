"""Audit checks: gaps and duplicates in the receipt number series."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import ReceiptCounter
from .audit_check_base import Collector
from .check import Problem, quiet_after

RECEIPT_SERIES = ("SMP", "PJM", "JU")  # counters.SERIES_SAVINGS / SERIES_LOAN / SERIES_JOURNAL


RECEIPT_DIGITS = 6


_RECEIPT_TABLES = ("journal_entries", "savings_transactions", "loan_transactions")


def _receipts_sql(where: str) -> str:
    return " UNION ALL ".join(
        f"SELECT receipt_no AS r FROM {t} WHERE receipt_no IS NOT NULL{where}"
        for t in _RECEIPT_TABLES
    )


def _receipts_in_use_sql(own: bool = True) -> str:
    entries = "SELECT receipt_no AS r FROM journal_entries WHERE receipt_no IS NOT NULL"
    others = (
        f"SELECT t.receipt_no AS r FROM {t} t LEFT JOIN journal_entries e "
        "ON e.id = t.journal_entry_id WHERE t.receipt_no IS NOT NULL AND (e.id IS NULL OR "
        "e.receipt_no IS NULL OR e.receipt_no <> t.receipt_no)"
        for t in _RECEIPT_TABLES[1:]
    )
    return " UNION ALL ".join((entries, *others) if own else others)


def _receipt_groups(s: Session, prefixes: list[str]) -> dict[str, tuple[int, str | None]]:
    """Per receipt prefix (series and year): how many distinct receipt numbers of that
    prefix and six more characters are on journal entries, savings or loan transactions, and
    the highest.

    The receipts in use are those of the journal entries plus those of savings and loan
    transactions that differ from their own entry's (normally none: a transaction's entry
    carries its receipt), the same distinct set as the three tables' with a third of the rows.
    On SQLite each prefix is a range of the entries' receipt index read in order; elsewhere
    (a collation need not order by bytes) one grouped query."""
    from sqlalchemy import text as sql

    if s.get_bind().dialect.name != "sqlite":
        return {
            p: (int(n), m)
            for p, n, m in s.execute(
                sql(
                    f"SELECT substr(r, 1, length(r) - {RECEIPT_DIGITS}) AS p, "
                    f"count(DISTINCT r), max(r) FROM ({_receipts_in_use_sql()}) u "
                    f"GROUP BY substr(r, 1, length(r) - {RECEIPT_DIGITS})"
                )
            ).all()
        }
    others: dict[str, set[str]] = {}
    for (r,) in s.execute(sql(_receipts_in_use_sql(own=False))).all():
        if len(r) > RECEIPT_DIGITS:
            others.setdefault(r[:-RECEIPT_DIGITS], set()).add(r)
    in_range = sql(
        "SELECT count(DISTINCT receipt_no), max(receipt_no) FROM journal_entries "
        "WHERE receipt_no >= :lo AND receipt_no < :hi AND length(receipt_no) = :n "
        "AND substr(receipt_no, 1, :k) = :lo"
    )
    found = sql("SELECT 1 FROM journal_entries WHERE receipt_no = :r LIMIT 1")
    out: dict[str, tuple[int, str | None]] = {}
    for p in sorted(set(prefixes)):
        # every receipt starting with p (which ends in "-") sorts in [p, p with "." for "-")
        hi = p[:-1] + chr(ord(p[-1]) + 1)
        n, top = s.execute(
            in_range, {"lo": p, "hi": hi, "n": len(p) + RECEIPT_DIGITS, "k": len(p)}
        ).one()
        n = int(n or 0)
        for r in others.get(p, ()):
            if s.execute(found, {"r": r}).first() is None:
                n += 1
            top = r if top is None or r > top else top
        if n:
            out[p] = (n, top)
    return out


@quiet_after("journal_seals")
def check_receipt_gaps(s: Session) -> list[Problem]:
    """Every receipt number a counter handed out (1 .. last number, per series and year)
    is on a journal entry, savings or loan transaction: a receipt given to a member cannot
    vanish with its transaction. (Not reported when the seal chain is broken: that finding
    already fails ``check`` and the gap is its consequence; see ``check.run_checks``.)"""
    from sqlalchemy import text as sql

    out = Collector("receipt_gaps")
    counters = s.execute(
        select(ReceiptCounter.series, ReceiptCounter.year, ReceiptCounter.last_no)
        .where(
            ReceiptCounter.series.in_(RECEIPT_SERIES),
            ReceiptCounter.year > 0,
            ReceiptCounter.last_no > 0,
        )
        .order_by(ReceiptCounter.series, ReceiptCounter.year)
    ).all()
    if not counters:
        return []
    groups = _receipt_groups(s, [f"{series}-{year}-" for series, year, _last in counters])
    for series, year, last in counters:
        prefix = f"{series}-{year}-"
        n, newest = groups.get(prefix, (0, None))
        if n == last and newest == f"{prefix}{last:0{RECEIPT_DIGITS}d}":
            continue
        used = set()
        for (r,) in s.execute(
            sql(f"SELECT DISTINCT r FROM ({_receipts_sql(' AND receipt_no LIKE :p')}) u"),
            {"p": prefix + "%"},
        ).all():
            tail = r[len(prefix) :]
            if tail.isdigit():
                used.add(int(tail))
        for no in range(1, last + 1):
            if no not in used:
                receipt = f"{prefix}{no:0{RECEIPT_DIGITS}d}"
                out.add(
                    f"Nomor bukti {receipt} sudah diberikan tetapi transaksinya tidak ada "
                    "(dihapus di luar aplikasi)",
                    f"Receipt number {receipt} was handed out but its transaction is missing "
                    "(deleted outside the app)",
                    f"receipt_no={receipt}",
                )
    return out.result()

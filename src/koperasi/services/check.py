"""``koperasi check``: small, named checks that prove the books are honest.

Each check is a function ``(session) -> list[Problem]`` in :data:`CHECKS`; other areas
(loans, audit chain) append theirs. All are aggregate SQL, not Python loops over rows.
"""

from __future__ import annotations

import importlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from typing import TypeVar

from sqlalchemy import case, func, select
from sqlalchemy.orm import Session

from ..db.database import Database
from ..db.models import (
    Account,
    FiscalPeriod,
    JournalEntry,
    JournalLine,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain.money import format_rupiah
from ..domain.vocabulary import PeriodStatus
from .auth import Actor
from .transaction_state import state
from .uow import read_only


@dataclass(frozen=True)
class Problem:
    check: str
    message_id: str
    message_en: str
    ref: str = ""

    def message(self, lang: str = "id") -> str:
        return self.message_id if lang == "id" else self.message_en


@dataclass(frozen=True)
class CheckReport:
    checks_run: tuple[str, ...]
    problems: tuple[Problem, ...]

    @property
    def ok(self) -> bool:
        return not self.problems


CheckFn = Callable[[Session], list[Problem]]
_T = TypeVar("_T")


def remembered(s: Session, key: str, compute: Callable[[], _T]) -> _T:
    """``compute()``, once per session of :func:`run_checks` (read-only, its checks run in
    one): several checks share one pass over the journal instead of each making its own.
    Elsewhere (a check called on its own, a session that writes) computed each time."""
    st = state(s)
    memo = st.check_passes if st.read_only else None
    if memo is None:
        return compute()
    if key not in memo:
        memo[key] = compute()
    value: _T = memo[key]
    return value


def _entry_pass(s: Session) -> list[tuple[int, int, int, int]]:
    """One pass over the journal lines grouped by entry (the covering entry index, read in
    order): the entries whose lines do not balance or number fewer than two, as
    ``(entry_id, debit, credit, lines)``, in entry order."""

    def compute() -> list[tuple[int, int, int, int]]:
        n = func.count().label("n")
        rows = s.execute(
            select(JournalLine.entry_id, func.sum(JournalLine.debit - JournalLine.credit), n)
            .group_by(JournalLine.entry_id)
            .having((func.sum(JournalLine.debit - JournalLine.credit) != 0) | (n < 2))
            .order_by(JournalLine.entry_id)
        ).all()
        if not rows:
            return []
        ids = [r[0] for r in rows]
        sums: dict[int, tuple[int, int]] = {}
        for start in range(0, len(ids), 500):
            part = ids[start : start + 500]
            sums.update(
                (e, (int(d), int(c)))
                for e, d, c in s.execute(
                    select(
                        JournalLine.entry_id,
                        func.sum(JournalLine.debit),
                        func.sum(JournalLine.credit),
                    )
                    .where(JournalLine.entry_id.in_(part))
                    .group_by(JournalLine.entry_id)
                ).all()
            )
        return [(e, *sums[e], int(n)) for e, _diff, n in rows]

    return remembered(s, "entries", compute)


def _account_pass(s: Session) -> tuple[dict[int | None, tuple[int, int]], int]:
    """One pass over the journal lines grouped by account (the covering account index):
    ``account_id -> (debit, credit)`` of every account that has lines, and how many lines
    are invalid (a negative amount, or not exactly one of debit and credit)."""

    def compute() -> tuple[dict[int | None, tuple[int, int]], int]:
        rows = s.execute(
            select(
                JournalLine.account_id,
                func.sum(JournalLine.debit),
                func.sum(JournalLine.credit),
                func.sum(case((_INVALID_LINE, 1), else_=0)),
            ).group_by(JournalLine.account_id)
        ).all()
        totals = {a: (int(d or 0), int(c or 0)) for a, d, c, _bad in rows}
        return totals, sum(int(bad or 0) for *_x, bad in rows)

    return remembered(s, "accounts", compute)


def _account_totals(s: Session) -> dict[int | None, tuple[int, int]]:
    return _account_pass(s)[0]


_INVALID_LINE = (
    (JournalLine.debit < 0)
    | (JournalLine.credit < 0)
    | ((JournalLine.debit == 0) == (JournalLine.credit == 0))
)


def check_entries_balance(s: Session) -> list[Problem]:
    rows = [(e, d, c) for e, d, c, _n in _entry_pass(s) if d != c]
    return [
        Problem(
            "entries_balance",
            f"Jurnal #{e} tidak seimbang: debit {format_rupiah(d)}, kredit {format_rupiah(c)}",
            f"Journal entry #{e} does not balance: debit {format_rupiah(d)}, credit {format_rupiah(c)}",
            f"journal_entries.id={e}",
        )
        for e, d, c in rows
    ]


def check_entry_lines(s: Session) -> list[Problem]:
    # entries with one line (from the shared pass; those that exist), and with none at all
    one = [e for e, _d, _c, n in _entry_pass(s) if n < 2]
    found: set[int] = set()
    for start in range(0, len(one), 500):
        found.update(
            s.execute(select(JournalEntry.id).where(JournalEntry.id.in_(one[start : start + 500])))
            .scalars()
            .all()
        )
    has_lines = select(JournalLine.id).where(JournalLine.entry_id == JournalEntry.id).exists()
    found.update(s.execute(select(JournalEntry.id).where(~has_lines)).scalars().all())
    rows = sorted(found)
    bad_lines: list[tuple[int, int]] = []
    if _account_pass(s)[1]:  # the shared pass counted invalid lines: name them
        bad_lines = [
            (lid, e)
            for lid, e in s.execute(
                select(JournalLine.id, JournalLine.entry_id).where(_INVALID_LINE)
            ).all()
        ]
    out = [
        Problem(
            "entry_lines",
            f"Jurnal #{e} memiliki kurang dari dua baris",
            f"Journal entry #{e} has fewer than two lines",
            f"journal_entries.id={e}",
        )
        for e in rows
    ]
    out += [
        Problem(
            "entry_lines",
            f"Baris jurnal #{lid} (jurnal #{e}) tidak sah: debit/kredit salah",
            f"Journal line #{lid} (entry #{e}) is invalid: wrong debit/credit",
            f"journal_lines.id={lid}",
        )
        for lid, e in bad_lines
    ]
    return out


def check_trial_balance(s: Session) -> list[Problem]:
    totals = _account_totals(s).values()
    d = sum(v[0] for v in totals)
    c = sum(v[1] for v in totals)
    if int(d) != int(c):
        return [
            Problem(
                "trial_balance",
                f"Neraca saldo tidak seimbang: debit {format_rupiah(int(d))}, kredit {format_rupiah(int(c))}",
                f"Trial balance does not net to zero: debit {format_rupiah(int(d))}, credit {format_rupiah(int(c))}",
            )
        ]
    return []


def ledger_balance_by_code(s: Session, codes: set[str]) -> dict[str, int]:
    """Credit-minus-debit per account code (positive for liabilities/equity)."""
    st = state(s)
    if st.read_only and st.check_passes is not None:  # from the pass the checks share
        totals = _account_totals(s)
        rows = s.execute(select(Account.code, Account.id).where(Account.code.in_(codes))).all()
        out: dict[str, int] = {}
        for code, aid in rows:
            d, c = totals.get(aid, (0, 0))
            out[code] = out.get(code, 0) + c - d
        return out
    rows = s.execute(
        select(
            Account.code,
            func.coalesce(func.sum(JournalLine.credit), 0)
            - func.coalesce(func.sum(JournalLine.debit), 0),
        )
        .outerjoin(JournalLine, JournalLine.account_id == Account.id)
        .where(Account.code.in_(codes))
        .group_by(Account.code)
    ).all()
    return {code: int(v) for code, v in rows}


def check_savings_control(s: Session) -> list[Problem]:
    out: list[Problem] = []
    # one pass over the transactions per savings account (the covering account index): each
    # account's stored balance against its sum, and the sums per product's ledger account
    per_account = s.execute(
        select(
            SavingsAccount.id,
            SavingsAccount.number,
            SavingsAccount.balance,
            SavingsProduct.account_code,
            func.coalesce(func.sum(SavingsTransaction.amount), 0),
            func.count(SavingsTransaction.id),
        )
        .outerjoin(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .outerjoin(SavingsTransaction, SavingsTransaction.account_id == SavingsAccount.id)
        .group_by(
            SavingsAccount.id,
            SavingsAccount.number,
            SavingsAccount.balance,
            SavingsProduct.account_code,
        )
        .order_by(SavingsAccount.id)
    ).all()
    sub: dict[str, int] = {}
    for _id, _number, _bal, code, total, n in per_account:
        if code is not None and n:
            sub[code] = sub.get(code, 0) + int(total)
    codes = set(s.scalars(select(SavingsProduct.account_code)))
    gl = ledger_balance_by_code(s, codes)
    for code in sorted(codes):
        a, b = int(sub.get(code, 0)), gl.get(code, 0)
        if a != b:
            out.append(
                Problem(
                    "savings_control",
                    f"Akun {code}: saldo buku besar {format_rupiah(b)} ≠ jumlah saldo simpanan anggota {format_rupiah(a)}",
                    f"Account {code}: ledger balance {format_rupiah(b)} ≠ members' savings total {format_rupiah(a)}",
                    f"accounts.code={code}",
                )
            )
    for _id, number, bal, _code, total, _n in per_account:
        if bal != int(total):
            out.append(
                Problem(
                    "savings_control",
                    f"Rekening {number}: saldo tersimpan {format_rupiah(bal)} ≠ jumlah transaksi {format_rupiah(int(total))}",
                    f"Account {number}: stored balance {format_rupiah(bal)} ≠ sum of transactions {format_rupiah(int(total))}",
                    f"savings_accounts.number={number}",
                )
            )
    # every savings transaction's amount is matched by its journal entry's line on the account
    mismatched = s.execute(
        select(SavingsTransaction.id, SavingsTransaction.journal_entry_id)
        .outerjoin(JournalEntry, JournalEntry.id == SavingsTransaction.journal_entry_id)
        .where(JournalEntry.id.is_(None))
    ).all()
    for tid, eid in mismatched:
        out.append(
            Problem(
                "savings_control",
                f"Transaksi simpanan #{tid} merujuk jurnal #{eid} yang tidak ada",
                f"Savings transaction #{tid} points to missing journal entry #{eid}",
                f"savings_transactions.id={tid}",
            )
        )
    return out


def check_closed_periods(s: Session) -> list[Problem]:
    """No entry dated in a closed month, or before it (months close in order), was posted
    after the month was closed. The year-end closing entries (and their reversals) are the
    closing service's own and are posted into the closed year by design."""
    from .statements import CLOSING_SOURCE, month_end

    out: list[Problem] = []
    seen: set[int] = set()
    periods = s.scalars(
        select(FiscalPeriod)
        .where(FiscalPeriod.status == PeriodStatus.CLOSED)
        .order_by(FiscalPeriod.year, FiscalPeriod.month)
    ).all()
    for p in periods:
        if p.closed_at is None:
            continue
        late = (
            s.execute(
                select(JournalEntry.id)
                .where(
                    JournalEntry.date <= month_end(p.year, p.month),
                    JournalEntry.posted_at > p.closed_at,
                    JournalEntry.source != CLOSING_SOURCE,
                )
                .order_by(JournalEntry.id)
            )
            .scalars()
            .all()
        )
        for e in late:
            if e in seen:
                continue
            seen.add(e)
            out.append(
                Problem(
                    "closed_periods",
                    f"Jurnal #{e} dibukukan pada atau sebelum periode {p.year}-{p.month:02d} "
                    "setelah periode itu ditutup",
                    f"Journal entry #{e} was posted on or before {p.year}-{p.month:02d} after "
                    "that period was closed",
                    f"journal_entries.id={e}",
                )
            )
    return out


def check_reversals(s: Session) -> list[Problem]:
    """A reversal mirrors its original: same total, same accounts with sides swapped."""
    orig = JournalLine.__table__.alias("o")
    rev = JournalLine.__table__.alias("r")
    pairs = s.execute(
        select(JournalEntry.id, JournalEntry.reverses_entry_id).where(
            JournalEntry.reverses_entry_id.is_not(None)
        )
    ).all()
    out: list[Problem] = []
    if not pairs:
        return out
    o_tot = dict(
        s.execute(
            select(orig.c.account_id.label("a"), func.sum(orig.c.debit - orig.c.credit))
            .where(orig.c.entry_id.in_([p[1] for p in pairs]))
            .group_by(orig.c.account_id)
        ).all()
    )
    r_tot = dict(
        s.execute(
            select(rev.c.account_id, func.sum(rev.c.credit - rev.c.debit))
            .where(rev.c.entry_id.in_([p[0] for p in pairs]))
            .group_by(rev.c.account_id)
        ).all()
    )
    if {k: int(v) for k, v in o_tot.items() if v} != {k: int(v) for k, v in r_tot.items() if v}:
        out.append(
            Problem(
                "reversals",
                "Jurnal pembalik tidak mencerminkan jurnal aslinya",
                "Reversal entries do not mirror their originals",
            )
        )
    return out


CHECKS: list[tuple[str, CheckFn]] = [
    ("entries_balance", check_entries_balance),
    ("entry_lines", check_entry_lines),
    ("trial_balance", check_trial_balance),
    ("savings_control", check_savings_control),
    ("closed_periods", check_closed_periods),
    ("reversals", check_reversals),
]


def extra_checks() -> list[tuple[str, CheckFn]]:
    """Checks contributed by other areas (``CHECKS`` in those modules), if present."""
    extra: list[tuple[str, CheckFn]] = []
    for name in (
        "koperasi.services.loan_checks",
        "koperasi.services.audit_checks",
        "koperasi.services.fixed_asset_checks",
        "koperasi.services.loans.collateral",
        "koperasi.services.bank_reconciliation",
        "koperasi.services.time_deposit_checks",
        "koperasi.services.key_guard",
    ):
        mod = importlib.import_module(name)
        extra.extend(getattr(mod, "CHECKS", []))
    return extra


_APART: set[CheckFn] = set()  # the checks marked by runs_apart
_SILENCES: dict[CheckFn, tuple[str, ...]] = {}  # check -> the checks its finding silences
_QUIET_AFTER: dict[CheckFn, tuple[str, ...]] = {}  # check -> the checks whose finding quiets it


def runs_apart(fn: CheckFn) -> CheckFn:
    """Mark a long check (one that walks every row) to run beside the others, in its own
    thread and read-only session: the database works on both at once (SQLite and
    PostgreSQL drivers release Python's lock while a query runs), so ``check`` takes about
    as long as its longest part rather than the sum."""
    _APART.add(fn)
    return fn


def silences(*names: str) -> Callable[[CheckFn], CheckFn]:
    """Mark a check whose finding makes the named checks' findings moot (they are dropped:
    one finding, not every row that follows from it)."""

    def mark(fn: CheckFn) -> CheckFn:
        _SILENCES[fn] = names
        return fn

    return mark


def quiet_after(*names: str) -> Callable[[CheckFn], CheckFn]:
    """Mark a check whose finding is a consequence of a finding of the named checks (it is
    not repeated when one of them finds something)."""

    def mark(fn: CheckFn) -> CheckFn:
        _QUIET_AFTER[fn] = names
        return fn

    return mark


def _run_alone(db: Database, fn: CheckFn) -> list[Problem]:
    with read_only(db) as s:
        state(s).check_passes = {}
        return fn(s)


def run_checks(db: Database, actor: Actor | None = None, anchor: bool = True) -> CheckReport:
    """Every check of the books; cooperative-wide, so not for a ketua kelompok. When the
    books pass (and ``anchor``), their chain heads are appended to the anchor log outside
    the database (:mod:`..db.sealing`)."""
    from .auth import require_read_all

    require_read_all(actor, "Pemeriksaan buku")
    checks = CHECKS + extra_checks()
    results: dict[str, list[Problem]] = {}
    with ThreadPoolExecutor(max_workers=2, thread_name_prefix="check") as pool:
        apart = {name: pool.submit(_run_alone, db, fn) for name, fn in checks if fn in _APART}
        with read_only(db) as s:
            state(s).check_passes = {}
            for name, fn in checks:
                if name not in apart:
                    results[name] = fn(s)
        for name, future in apart.items():
            results[name] = future.result()
    for name, fn in checks:  # another seal key: one finding, not every keyed row (key_guard)
        if results.get(name):
            for other in _SILENCES.get(fn, ()):
                results[other] = []
    for name, fn in checks:  # a consequence of another finding is not repeated
        if any(results.get(other) for other in _QUIET_AFTER.get(fn, ())):
            results[name] = []
    names = tuple(name for name, _fn in checks)
    report = CheckReport(names, tuple(p for name in names for p in results[name]))
    if anchor and report.ok:
        from ..db import sealing

        sealing.anchor_now(db.engine, "check")
    return report

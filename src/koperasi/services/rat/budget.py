"""The budget (RAPB) of a financial year per income or expense account (an account with
sub-accounts budgets the whole group), and the budget against the actual from the ledger.

An account's actual is the year's movement of the account and its sub-accounts (by
``parent_code``), closing entries left out, so the sum over the lines plus the
"not budgeted" rest equals the income statement's totals exactly.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from sqlalchemy import delete, select
from sqlalchemy.orm import Session

from ...db.database import Database
from ...db.models import Account, RatBudget
from ...domain.cells import parse_money
from ...errors import ValidationError
from .. import audit, statements
from ..auth import Actor, require, require_read_all
from ..uow import read_only, unit_of_work

TYPES = ("income", "expense")
MAX_AMOUNT = 10**15


@dataclass(frozen=True)
class BudgetLine:
    code: str  # the account (group) budgeted; "" for the not-budgeted rest of a type
    name: str
    name_en: str
    type: str  # income | expense
    budget: int
    actual: int

    @property
    def difference(self) -> int:
        return self.actual - self.budget

    @property
    def realisation(self) -> Decimal | None:
        if self.budget == 0:
            return None
        return (Decimal(self.actual) * 100 / Decimal(self.budget)).quantize(
            Decimal("0.01"), rounding=ROUND_HALF_UP
        )


@dataclass(frozen=True)
class BudgetReport:
    year: int
    start: dt.date
    end: dt.date
    lines: tuple[BudgetLine, ...]

    def total(self, type_: str) -> tuple[int, int]:
        rows = [x for x in self.lines if x.type == type_]
        return sum(x.budget for x in rows), sum(x.actual for x in rows)

    @property
    def surplus(self) -> tuple[int, int]:
        bi, ai = self.total("income")
        be, ae = self.total("expense")
        return bi - be, ai - ae


def _tree(s: Session) -> dict[str, list[str]]:
    """code -> the code itself and every descendant (through ``parent_code``)."""
    children: dict[str | None, list[str]] = {}
    for code, parent in s.execute(select(Account.code, Account.parent_code)):
        children.setdefault(parent, []).append(code)

    def walk(code: str) -> list[str]:
        out = [code]
        for c in children.get(code, []):
            out += walk(c)
        return out

    return {code: walk(code) for ps in children.values() for code in ps}


def budget_in(s: Session, year: int) -> dict[str, int]:
    rows = s.execute(
        select(RatBudget.account_code, RatBudget.amount)
        .where(RatBudget.year == year)
        .order_by(RatBudget.account_code)
    )
    return {code: amount for code, amount in rows}


def _check(s: Session, amounts: dict[str, int]) -> None:
    infos = statements.accounts(s)
    tree = _tree(s)
    for code, amount in amounts.items():
        info = infos.get(code)
        if info is None:
            raise ValidationError("account_code", "not_found", what="Akun", key=code)
        if info.type not in TYPES:
            raise ValidationError("account_code", "budget_account", value=code)
        if not isinstance(amount, int) or isinstance(amount, bool):
            raise ValidationError("budget", "not_an_amount", value=str(amount))
        if amount < 0:
            raise ValidationError("budget", "must_not_be_negative")
        if amount >= MAX_AMOUNT:
            raise ValidationError("budget", "too_large", max=MAX_AMOUNT - 1)
        for other in amounts:
            if other != code and other in tree.get(code, []):
                raise ValidationError("account_code", "budget_overlap", value=code, other=other)


def set_budget(db: Database, actor: Actor, year: int, amounts: dict[str, int]) -> dict[str, int]:
    """Replace the year's budget with ``amounts`` (account code -> rupiah; 0 lines dropped)."""
    require(actor, "rat.write")
    if not 1900 < int(year) < 3000:
        raise ValidationError("year", "invalid")
    amounts = {str(c).strip(): a for c, a in amounts.items() if str(c).strip()}
    with unit_of_work(db) as s:
        _check(s, amounts)
        before = budget_in(s, year)
        s.execute(delete(RatBudget).where(RatBudget.year == year))
        for code, amount in sorted(amounts.items()):
            if amount:
                s.add(RatBudget(year=year, account_code=code, amount=amount))
        s.flush()
        after = budget_in(s, year)
        audit.record(s, actor, "rat.budget", "rat_budget", str(year), before=before, after=after)
        return after


def read_budget_xlsx(path: str | Path) -> dict[str, int]:
    """Budget lines from the first sheet of a workbook: a header row with 'Kode' and
    'Anggaran' (or 'Code' and 'Budget'), then one account a row."""
    from openpyxl import load_workbook

    wb = load_workbook(path, read_only=True, data_only=True)
    try:
        ws = wb.worksheets[0]
        rows = ws.iter_rows(values_only=True)
        header = [str(v or "").strip().lower() for v in next(rows, ())]
        try:
            ci = next(i for i, h in enumerate(header) if h in ("kode", "code", "kode akun"))
            ai = next(i for i, h in enumerate(header) if h in ("anggaran", "budget", "rapb"))
        except StopIteration:
            raise ValidationError("budget", "budget_sheet", row=1) from None
        out: dict[str, int] = {}
        for row in rows:
            code = str(row[ci] or "").strip() if ci < len(row) else ""
            if not code:
                continue
            amount = parse_money(row[ai] if ai < len(row) else None, "budget")
            out[code] = out.get(code, 0) + (amount or 0)
        return out
    finally:
        wb.close()


def import_budget(db: Database, actor: Actor, year: int, path: str | Path) -> dict[str, int]:
    require(actor, "rat.write")
    return set_budget(db, actor, year, read_budget_xlsx(path))


def _actuals(
    s: Session, start: dt.date, end: dt.date, codes: list[str]
) -> tuple[dict[str, int], dict[str, int]]:
    """(actual per budgeted code, the not-budgeted rest per type)."""
    infos = statements.accounts(s)
    bal = statements.balances(s, end, start, (statements.CLOSING_SOURCE,), infos)
    tree = _tree(s)
    covered: set[str] = set()
    actual: dict[str, int] = {}
    for code in codes:
        members = tree.get(code, [code])
        covered.update(members)
        actual[code] = sum(bal.get(c, 0) for c in members)
    rest = {t: 0 for t in TYPES}
    for code, value in bal.items():
        t = infos[code].type
        if t in rest and code not in covered:
            rest[t] += value
    return actual, rest


def report_in(
    s: Session, year: int, start: dt.date, end: dt.date, budget_year: int | None = None
) -> BudgetReport:
    """Budget of ``budget_year`` (default ``year``) against the actual of [start, end]."""
    infos = statements.accounts(s)
    budget = budget_in(s, budget_year or year)
    actual, rest = _actuals(s, start, end, list(budget))
    lines: list[BudgetLine] = []
    for t in TYPES:
        for code in sorted(c for c in budget if infos[c].type == t):
            i = infos[code]
            lines.append(BudgetLine(code, i.name, i.name_en, t, budget[code], actual[code]))
        if rest[t]:
            lines.append(
                BudgetLine(
                    "",
                    "Tidak dianggarkan" if t == "income" else "Beban tidak dianggarkan",
                    "Not budgeted",
                    t,
                    0,
                    rest[t],
                )
            )
    return BudgetReport(year, start, end, tuple(lines))


def year_bounds(s: Session, year: int) -> tuple[dt.date, dt.date]:
    return statements.fiscal_year_bounds(year, statements.fy_start_month(s))


def budget_report(db: Database, year: int, actor: Actor | None = None) -> BudgetReport:
    """The year's budget against the year's actual."""
    require_read_all(actor)
    with read_only(db) as s:
        start, end = year_bounds(s, year)
        return report_in(s, year, start, end)


def actuals_in(s: Session, start: dt.date, end: dt.date) -> dict[str, int]:
    """Every income and expense account's actual of [start, end] (closing entries left out),
    a parent account with its sub-accounts, as a budget line counts them."""
    infos = statements.accounts(s)
    bal = statements.balances(s, end, start, (statements.CLOSING_SOURCE,), infos)
    tree = _tree(s)
    return {
        code: sum(bal.get(c, 0) for c in tree.get(code, [code]))
        for code, info in infos.items()
        if info.type in TYPES
    }


def year_actuals(db: Database, year: int, actor: Actor | None = None) -> dict[str, int]:
    """:func:`actuals_in` for financial ``year``: the grid shows the actual of accounts
    that have no budget too (the report lumps those into one 'not budgeted' line)."""
    require_read_all(actor)
    with read_only(db) as s:
        start, end = year_bounds(s, year)
        return actuals_in(s, start, end)


def get_budget(db: Database, year: int, actor: Actor | None = None) -> dict[str, int]:
    require_read_all(actor)
    with read_only(db) as s:
        return budget_in(s, year)


def budget_accounts(db: Database) -> list[tuple[str, str, str, str | None]]:
    """(code, name, type, parent code) of the income and expense accounts, for the grid."""
    with read_only(db) as s:
        rows = s.execute(
            select(Account.code, Account.name, Account.type, Account.parent_code)
            .where(Account.type.in_(TYPES), Account.active.is_(True))
            .order_by(Account.code)
        )
        return [tuple(r) for r in rows]  # type: ignore[misc]

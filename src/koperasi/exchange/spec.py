"""The audit workbook's sheets and columns: one place that the exporter, the round-trip
importer, the consolidation and the documentation test all read.

A column has a stable snake_case ``name`` (the header), a ``type`` (how the cell is written
and parsed back) and ``src``: the database column it comes from, or ``None`` for a column
derived for the reader's convenience (e.g. ``member_number`` next to ``member_id``). The
round-trip import writes only ``src`` columns; derived ones are recomputed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from sqlalchemy import Table, and_, case, false, func, literal, select, true
from sqlalchemy.orm import Session

from ..db.models import (
    Account,
    BankAccount,
    BankMatch,
    BankStatementLine,
    Base,
    FiscalPeriod,
    FixedAsset,
    FixedAssetDepreciation,
    Group,
    GroupMembership,
    JournalEntry,
    JournalLine,
    Member,
    MemberVulnerability,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    Setting,
    VulnerabilityCategory,
)

FORMAT_NAME = "koperasi-audit-workbook"
FORMAT_VERSION = 1
YIELD = 2000

# column types: how cells are written (number formats) and parsed back
ID, INT, TEXT, DATE, DATETIME, MONEY, DECIMAL, BOOL = (
    "id",
    "int",
    "text",
    "date",
    "datetime",
    "money",
    "decimal",
    "bool",
)


@dataclass(frozen=True)
class Col:
    name: str
    type: str
    src: str | None = None  # database column (None: derived)


@dataclass(frozen=True)
class Period:
    date_from: dt.date | None = None
    date_to: dt.date | None = None

    def in_period(self, column):
        conds = []
        if self.date_from is not None:
            conds.append(column >= self.date_from)
        if self.date_to is not None:
            conds.append(column <= self.date_to)
        return and_(*conds) if conds else true()

    def until_end(self, column):
        return column <= self.date_to if self.date_to is not None else true()

    def before_start(self, column):
        return column < self.date_from if self.date_from is not None else false()


Rows = Callable[[Session, Period], Iterator[tuple]]


@dataclass(frozen=True)
class Sheet:
    key: str
    title: str
    table: str | None  # database table restored from this sheet (None: derived sheet)
    columns: tuple[Col, ...]
    rows: Rows
    optional: bool = False  # filled only when the table exists (loans)

    @property
    def headers(self) -> list[str]:
        return [c.name for c in self.columns]


def _stream(session: Session, q) -> Iterator[tuple]:
    for row in session.execute(q.execution_options(yield_per=YIELD)):
        yield tuple(row)


def table(name: str) -> Table | None:
    """A table by name if its model is installed (loan tables arrive with the loans area)."""
    return Base.metadata.tables.get(name)


# ---------------------------------------------------------------- members and groups

MEMBER_COLS = (
    Col("member_id", ID, "id"),
    Col("member_number", TEXT, "number"),
    Col("nik", TEXT, "nik"),
    Col("name", TEXT, "name"),
    Col("gender", TEXT, "gender"),
    Col("birth_place", TEXT, "birth_place"),
    Col("birth_date", DATE, "birth_date"),
    Col("address", TEXT, "address"),
    Col("kelurahan", TEXT, "kelurahan"),
    Col("kecamatan", TEXT, "kecamatan"),
    Col("phone", TEXT, "phone"),
    Col("occupation", TEXT, "occupation"),
    Col("join_date", DATE, "join_date"),
    Col("heir_name", TEXT, "heir_name"),
    Col("heir_relation", TEXT, "heir_relation"),
    Col("status", TEXT, "status"),
    Col("status_date", DATE, "status_date"),
    Col("exit_reason", TEXT, "exit_reason"),
    Col("group_id", ID, "group_id"),
    Col("group_code", TEXT),
    Col("vulnerability_codes", TEXT),
    Col("created_at", DATETIME, "created_at"),
)


def _member_rows(s: Session, p: Period) -> Iterator[tuple]:
    cats = (
        select(
            MemberVulnerability.member_id.label("mid"),
            func.group_concat(VulnerabilityCategory.code, ";").label("codes")
            if s.get_bind().dialect.name == "sqlite"
            else func.string_agg(VulnerabilityCategory.code, ";").label("codes"),
        )
        .join(VulnerabilityCategory, VulnerabilityCategory.id == MemberVulnerability.category_id)
        .group_by(MemberVulnerability.member_id)
        .subquery()
    )
    m = Member
    q = (
        select(
            m.id,
            m.number,
            m.nik,
            m.name,
            m.gender,
            m.birth_place,
            m.birth_date,
            m.address,
            m.kelurahan,
            m.kecamatan,
            m.phone,
            m.occupation,
            m.join_date,
            m.heir_name,
            m.heir_relation,
            m.status,
            m.status_date,
            m.exit_reason,
            m.group_id,
            Group.code,
            cats.c.codes,
            m.created_at,
        )
        .outerjoin(Group, Group.id == m.group_id)
        .outerjoin(cats, cats.c.mid == m.id)
        .order_by(m.id)
    )
    for row in _stream(s, q):
        codes = row[20]
        if codes:  # aggregate order is not guaranteed: sort for a stable hash
            row = row[:20] + (";".join(sorted(codes.split(";"))),) + row[21:]
        yield row


GROUP_COLS = (
    Col("group_id", ID, "id"),
    Col("group_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("leader_member_id", ID, "leader_member_id"),
    Col("leader_member_number", TEXT),
    Col("meeting_day", INT, "meeting_day"),
    Col("meeting_place", TEXT, "meeting_place"),
    Col("kelurahan", TEXT, "kelurahan"),
    Col("formed_on", DATE, "formed_on"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
)


def _group_rows(s: Session, p: Period) -> Iterator[tuple]:
    g = Group
    q = (
        select(
            g.id,
            g.code,
            g.name,
            g.leader_member_id,
            Member.number,
            g.meeting_day,
            g.meeting_place,
            g.kelurahan,
            g.formed_on,
            g.active,
            g.created_at,
        )
        .outerjoin(Member, Member.id == g.leader_member_id)
        .order_by(g.id)
    )
    return _stream(s, q)


GROUP_HISTORY_COLS = (
    Col("group_membership_id", ID, "id"),
    Col("member_id", ID, "member_id"),
    Col("group_id", ID, "group_id"),
    Col("joined_on", DATE, "joined_on"),
    Col("left_on", DATE, "left_on"),
)


def _group_history_rows(s: Session, p: Period) -> Iterator[tuple]:
    gm = GroupMembership
    return _stream(
        s, select(gm.id, gm.member_id, gm.group_id, gm.joined_on, gm.left_on).order_by(gm.id)
    )


CATEGORY_COLS = (
    Col("category_id", ID, "id"),
    Col("category_code", TEXT, "code"),
    Col("name_id", TEXT, "name_id"),
    Col("name_en", TEXT, "name_en"),
    Col("active", BOOL, "active"),
)


def _category_rows(s: Session, p: Period) -> Iterator[tuple]:
    c = VulnerabilityCategory
    return _stream(s, select(c.id, c.code, c.name_id, c.name_en, c.active).order_by(c.id))


# ---------------------------------------------------------------- savings

SAVINGS_PRODUCT_COLS = (
    Col("savings_product_id", ID, "id"),
    Col("product_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("kind", TEXT, "kind"),
    Col("fixed_amount", MONEY, "fixed_amount"),
    Col("min_balance", MONEY, "min_balance"),
    Col("interest_rate_pa", DECIMAL, "interest_rate_pa"),
    Col("min_balance_for_interest", MONEY, "min_balance_for_interest"),
    Col("ledger_account_code", TEXT, "account_code"),
    Col("term_months", INT, "term_months"),
    Col("active", BOOL, "active"),
)


def _savings_product_rows(s: Session, p: Period) -> Iterator[tuple]:
    sp = SavingsProduct
    return _stream(
        s,
        select(
            sp.id,
            sp.code,
            sp.name,
            sp.kind,
            sp.fixed_amount,
            sp.min_balance,
            sp.interest_rate_pa,
            sp.min_balance_for_interest,
            sp.account_code,
            sp.term_months,
            sp.active,
        ).order_by(sp.id),
    )


SAVINGS_ACCOUNT_COLS = (
    Col("savings_account_id", ID, "id"),
    Col("account_number", TEXT, "number"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("savings_product_id", ID, "product_id"),
    Col("product_code", TEXT),
    Col("product_kind", TEXT),
    Col("ledger_account_code", TEXT),
    Col("opened_on", DATE, "opened_on"),
    Col("closed_on", DATE, "closed_on"),
    Col("opening_balance", MONEY),
    Col("closing_balance", MONEY),
)


def _savings_account_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = SavingsTransaction
    sums = (
        select(
            t.account_id.label("aid"),
            func.sum(case((p.before_start(t.date), t.amount), else_=0)).label("opening"),
            func.sum(case((p.until_end(t.date), t.amount), else_=0)).label("closing"),
        )
        .group_by(t.account_id)
        .subquery()
    )
    a = SavingsAccount
    q = (
        select(
            a.id,
            a.number,
            a.member_id,
            Member.number,
            a.product_id,
            SavingsProduct.code,
            SavingsProduct.kind,
            SavingsProduct.account_code,
            a.opened_on,
            a.closed_on,
            func.coalesce(sums.c.opening, 0),
            func.coalesce(sums.c.closing, 0),
        )
        .join(Member, Member.id == a.member_id)
        .join(SavingsProduct, SavingsProduct.id == a.product_id)
        .outerjoin(sums, sums.c.aid == a.id)
        .order_by(a.id)
    )
    for row in _stream(s, q):
        yield row[:10] + (int(row[10]), int(row[11]))


SAVINGS_TX_COLS = (
    Col("savings_tx_id", ID, "id"),
    Col("savings_account_id", ID, "account_id"),
    Col("account_number", TEXT),
    Col("member_id", ID),
    Col("product_code", TEXT),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("amount", MONEY, "amount"),
    Col("receipt_no", TEXT, "receipt_no"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("reverses_savings_tx_id", ID, "reverses_id"),
    Col("memo", TEXT, "memo"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def _savings_tx_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = SavingsTransaction
    q = (
        select(
            t.id,
            t.account_id,
            SavingsAccount.number,
            SavingsAccount.member_id,
            SavingsProduct.code,
            t.date,
            t.kind,
            t.amount,
            t.receipt_no,
            t.journal_entry_id,
            t.reverses_id,
            t.memo,
            t.created_at,
            t.created_by,
        )
        .join(SavingsAccount, SavingsAccount.id == t.account_id)
        .join(SavingsProduct, SavingsProduct.id == SavingsAccount.product_id)
        .where(p.in_period(t.date))
        .order_by(t.id)
    )
    return _stream(s, q)


# ---------------------------------------------------------------- loans (from the loans area)

LOAN_PRODUCT_COLS = (
    Col("loan_product_id", ID, "id"),
    Col("product_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("method", TEXT, "method"),
    Col("rate", DECIMAL, "rate"),
    Col("rate_per", TEXT, "rate_per"),
    Col("min_amount", MONEY, "min_amount"),
    Col("max_amount", MONEY, "max_amount"),
    Col("min_term", INT, "min_term"),
    Col("max_term", INT, "max_term"),
    Col("every", INT, "every"),
    Col("unit", TEXT, "unit"),
    Col("interest_period", TEXT, "interest_period"),
    Col("rounding", TEXT, "rounding"),
    Col("amounts_multiple", INT, "amounts_multiple"),
    Col("installment_multiple", INT, "installment_multiple"),
    Col("grace_principal", INT, "grace_principal"),
    Col("grace_interest", INT, "grace_interest"),
    Col("interest_free", INT, "interest_free"),
    Col("fee_kind", TEXT, "fee_kind"),
    Col("fee_amount", MONEY, "fee_amount"),
    Col("fee_percent", DECIMAL, "fee_percent"),
    Col("fee_mode", TEXT, "fee_mode"),
    Col("penalty_kind", TEXT, "penalty_kind"),
    Col("penalty_amount", MONEY, "penalty_amount"),
    Col("penalty_percent", DECIMAL, "penalty_percent"),
    Col("penalty_per", TEXT, "penalty_per"),
    Col("penalty_grace_days", INT, "penalty_grace_days"),
    Col("limit_multiple", DECIMAL, "limit_multiple"),
    Col("allow_multiple", BOOL, "allow_multiple"),
    Col("group_loan", BOOL, "group_loan"),
    Col("payoff_policy", TEXT, "payoff_policy"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
    # issue 17: collateral rules and the repayment allocation order
    Col("collateral_above", MONEY, "collateral_above"),
    Col("cover_ratio", DECIMAL, "cover_ratio"),
    Col("allocation_order", TEXT, "allocation_order"),
)

LOAN_COLS = (
    Col("loan_id", ID, "id"),
    Col("loan_number", TEXT, "number"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("loan_product_id", ID, "product_id"),
    Col("product_code", TEXT),
    Col("group_id", ID, "group_id"),
    Col("status", TEXT, "status"),
    Col("applied_on", DATE, "applied_on"),
    Col("amount", MONEY, "amount"),
    Col("term", INT, "term"),
    Col("method", TEXT, "method"),
    Col("rate", DECIMAL, "rate"),
    Col("rate_per", TEXT, "rate_per"),
    Col("every", INT, "every"),
    Col("unit", TEXT, "unit"),
    Col("first_due", DATE, "first_due"),
    Col("purpose", TEXT, "purpose"),
    Col("guarantor", TEXT, "guarantor"),
    Col("collateral", MONEY, "collateral"),
    Col("recoverable", BOOL, "recoverable"),
    Col("decided_on", DATE, "decided_on"),
    Col("decided_by", TEXT, "decided_by"),
    Col("decision_note", TEXT, "decision_note"),
    Col("disbursed_on", DATE, "disbursed_on"),
    Col("disbursed_to", TEXT, "disbursed_to"),
    Col("fee", MONEY, "fee"),
    Col("closed_on", DATE, "closed_on"),
    Col("written_off_on", DATE, "written_off_on"),
    Col("principal_outstanding", MONEY, "principal_outstanding"),
    Col("ppap_booked", MONEY, "ppap_booked"),
    Col("quality_class", TEXT, "quality_class"),
    Col("schedule_version", INT, "schedule_version"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
    Col("principal_outstanding_at_end", MONEY),
)

INSTALLMENT_COLS = (
    Col("installment_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("version", INT, "version"),
    Col("no", INT, "no"),
    Col("due_date", DATE, "due_date"),
    Col("principal", MONEY, "principal"),
    Col("interest", MONEY, "interest"),
    Col("fee", MONEY, "fee"),
    Col("valid_from", DATE, "valid_from"),
    Col("superseded_on", DATE, "superseded_on"),
)

LOAN_TX_COLS = (
    Col("loan_tx_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("amount", MONEY, "amount"),
    Col("principal", MONEY, "principal"),
    Col("interest", MONEY, "interest"),
    Col("fee", MONEY, "fee"),
    Col("penalty", MONEY, "penalty"),
    Col("principal_change", MONEY, "principal_change"),
    Col("source", TEXT, "source"),
    Col("receipt_no", TEXT, "receipt_no"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("reverses_loan_tx_id", ID, "reverses_id"),
    Col("replays_loan_tx_id", ID, "replays_id"),
    Col("memo", TEXT, "memo"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)

ALLOCATION_COLS = (
    Col("allocation_id", ID, "id"),
    Col("loan_tx_id", ID, "transaction_id"),
    Col("installment_id", ID, "installment_id"),
    Col("component", TEXT, "component"),
    Col("amount", MONEY, "amount"),
)


# issue 17: collateral held for loans, its log, and the loans' guarantors
COLLATERAL_COLS = (
    Col("collateral_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("kind", TEXT, "kind"),
    Col("description", TEXT, "description"),
    Col("value", MONEY, "value"),
    Col("document_no", TEXT, "document_no"),
    Col("owner", TEXT, "owner"),
    Col("received_on", DATE, "received_on"),
    Col("returned_on", DATE, "returned_on"),
    Col("returned_to", TEXT, "returned_to"),
    Col("handover_no", TEXT, "handover_no"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)
COLLATERAL_EVENT_COLS = (
    Col("collateral_event_id", ID, "id"),
    Col("collateral_id", ID, "collateral_id"),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("documents", TEXT, "documents"),
    Col("note", TEXT, "note"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)
GUARANTOR_COLS = (
    Col("guarantor_id", ID, "id"),
    Col("loan_id", ID, "loan_id"),
    Col("loan_number", TEXT),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("relation", TEXT, "relation"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def _src_select(t: Table, cols: tuple[Col, ...], derived: dict[str, object]) -> list:
    """Select list for ``cols``: the table's column for ``src``, an expression for derived
    columns, NULL for a column the installed schema does not have (yet)."""
    out = []
    for c in cols:
        if c.src is not None:
            out.append(t.c[c.src] if c.src in t.c else literal(None))
        else:
            out.append(derived.get(c.name, literal(None)))
    return out


def _loan_product_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("loan_products")
    if t is None:
        return iter(())
    return _stream(s, select(*_src_select(t, LOAN_PRODUCT_COLS, {})).order_by(t.c.id))


def _loan_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, tx, prod = table("loans"), table("loan_transactions"), table("loan_products")
    if t is None or tx is None or prod is None:
        return iter(())
    sums = (
        select(
            tx.c.loan_id.label("lid"),
            func.sum(case((p.until_end(tx.c.date), tx.c.principal_change), else_=0)).label("po"),
        )
        .group_by(tx.c.loan_id)
        .subquery()
    )
    derived = {
        "member_number": Member.number,
        "product_code": prod.c.code,
        "principal_outstanding_at_end": func.coalesce(sums.c.po, 0),
    }
    q = (
        select(*_src_select(t, LOAN_COLS, derived))
        .join(Member, Member.id == t.c.member_id)
        .join(prod, prod.c.id == t.c.product_id)
        .outerjoin(sums, sums.c.lid == t.c.id)
        .order_by(t.c.id)
    )
    return (r[:-1] + (int(r[-1]),) for r in _stream(s, q))


def _collateral_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_collateral"), table("loans")
    if t is None or loans is None:
        return iter(())
    q = (
        select(*_src_select(t, COLLATERAL_COLS, {"loan_number": loans.c.number}))
        .join(loans, loans.c.id == t.c.loan_id)
        .order_by(t.c.id)
    )
    return _stream(s, q)


def _collateral_event_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("collateral_events")
    if t is None:
        return iter(())
    return _stream(s, select(*_src_select(t, COLLATERAL_EVENT_COLS, {})).order_by(t.c.id))


def _guarantor_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_guarantors"), table("loans")
    if t is None or loans is None:
        return iter(())
    derived = {"loan_number": loans.c.number, "member_number": Member.number}
    q = (
        select(*_src_select(t, GUARANTOR_COLS, derived))
        .join(loans, loans.c.id == t.c.loan_id)
        .join(Member, Member.id == t.c.member_id)
        .order_by(t.c.id)
    )
    return _stream(s, q)


def _installment_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_installments"), table("loans")
    if t is None or loans is None:
        return iter(())
    q = (
        select(*_src_select(t, INSTALLMENT_COLS, {"loan_number": loans.c.number}))
        .join(loans, loans.c.id == t.c.loan_id)
        .order_by(t.c.id)
    )
    return _stream(s, q)


def _loan_tx_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, loans = table("loan_transactions"), table("loans")
    if t is None or loans is None:
        return iter(())
    q = (
        select(*_src_select(t, LOAN_TX_COLS, {"loan_number": loans.c.number}))
        .join(loans, loans.c.id == t.c.loan_id)
        .where(p.in_period(t.c.date))
        .order_by(t.c.id)
    )
    return _stream(s, q)


def _allocation_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, tx = table("loan_allocations"), table("loan_transactions")
    if t is None or tx is None:
        return iter(())
    q = (
        select(*_src_select(t, ALLOCATION_COLS, {}))
        .join(tx, tx.c.id == t.c.transaction_id)
        .where(p.in_period(tx.c.date))
        .order_by(t.c.id)
    )
    return _stream(s, q)


# ---------------------------------------------------------------- time deposits

TD_PRODUCT_COLS = (
    Col("time_deposit_product_id", ID, "id"),
    Col("product_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("term_months", INT, "term_months"),
    Col("rate_pa", DECIMAL, "rate_pa"),
    Col("payout", TEXT, "payout"),
    Col("min_amount", MONEY, "min_amount"),
    Col("penalty_percent", DECIMAL, "penalty_percent"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
)

TD_COLS = (
    Col("time_deposit_id", ID, "id"),
    Col("deposit_number", TEXT, "number"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("time_deposit_product_id", ID, "product_id"),
    Col("product_code", TEXT),
    Col("principal", MONEY, "principal"),
    Col("rate_pa", DECIMAL, "rate_pa"),
    Col("term_months", INT, "term_months"),
    Col("payout", TEXT, "payout"),
    Col("instruction", TEXT, "instruction"),
    Col("source", TEXT, "source"),
    Col("placed_on", DATE, "placed_on"),
    Col("term_start", DATE, "term_start"),
    Col("maturity_on", DATE, "maturity_on"),
    Col("rollovers", INT, "rollovers"),
    Col("status", TEXT, "status"),
    Col("closed_on", DATE, "closed_on"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
    Col("principal_at_end", MONEY),
)

TD_EVENT_COLS = (
    Col("time_deposit_event_id", ID, "id"),
    Col("time_deposit_id", ID, "deposit_id"),
    Col("deposit_number", TEXT),
    Col("date", DATE, "date"),
    Col("kind", TEXT, "kind"),
    Col("principal", MONEY, "principal"),
    Col("accrued", MONEY, "accrued"),
    Col("gross", MONEY, "gross"),
    Col("tax", MONEY, "tax"),
    Col("penalty", MONEY, "penalty"),
    Col("due_on", DATE, "due_on"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("memo", TEXT, "memo"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def _td_product_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("time_deposit_products")
    if t is None:
        return iter(())
    return _stream(s, select(*_src_select(t, TD_PRODUCT_COLS, {})).order_by(t.c.id))


def _td_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, prod = table("time_deposits"), table("time_deposit_products")
    ev = table("time_deposit_events")
    if t is None or prod is None or ev is None:
        return iter(())
    sums = (
        select(
            ev.c.deposit_id.label("did"),
            func.sum(case((p.until_end(ev.c.date), ev.c.principal), else_=0)).label("at_end"),
        )
        .group_by(ev.c.deposit_id)
        .subquery()
    )
    derived = {
        "member_number": Member.number,
        "product_code": prod.c.code,
        "principal_at_end": func.coalesce(sums.c.at_end, 0),
    }
    q = (
        select(*_src_select(t, TD_COLS, derived))
        .join(Member, Member.id == t.c.member_id)
        .join(prod, prod.c.id == t.c.product_id)
        .outerjoin(sums, sums.c.did == t.c.id)
        .order_by(t.c.id)
    )
    return (r[:-1] + (int(r[-1]),) for r in _stream(s, q))


def _td_event_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, deposits = table("time_deposit_events"), table("time_deposits")
    if t is None or deposits is None:
        return iter(())
    q = (
        select(*_src_select(t, TD_EVENT_COLS, {"deposit_number": deposits.c.number}))
        .join(deposits, deposits.c.id == t.c.deposit_id)
        .where(p.in_period(t.c.date))
        .order_by(t.c.id)
    )
    return _stream(s, q)


# ---------------------------------------------------------------- standing instructions and
# payroll deduction (services/standing_instructions.py, services/payroll.py)

SI_COLS = (
    Col("instruction_id", ID, "id"),
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("kind", TEXT, "kind"),
    Col("loan_id", ID, "loan_id"),
    Col("amount", MONEY, "amount"),
    Col("start_on", DATE, "start_on"),
    Col("active", BOOL, "active"),
    Col("note", TEXT, "note"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)

SI_RUN_COLS = (
    Col("run_id", ID, "id"),
    Col("instruction_id", ID, "instruction_id"),
    Col("run_date", DATE, "run_date"),
    Col("due_ref", TEXT, "due_ref"),
    Col("status", TEXT, "status"),
    Col("reason", TEXT, "reason"),
    Col("detail", TEXT, "detail"),
    Col("amount", MONEY, "amount"),
    Col("available", MONEY, "available"),
    Col("receipt_no", TEXT, "receipt_no"),
    Col("journal_entry_id", ID, "journal_entry_id"),
    Col("trigger", TEXT, "trigger"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)

EMPLOYER_COLS = (
    Col("employer_id", ID, "id"),
    Col("employer_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("address", TEXT, "address"),
    Col("pay_into", TEXT, "pay_into"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
)

EMPLOYEE_COLS = (
    Col("member_id", ID, "member_id"),
    Col("member_number", TEXT),
    Col("employer_id", ID, "employer_id"),
    Col("employee_no", TEXT, "employee_no"),
    Col("sukarela", MONEY, "sukarela"),
)

PAYROLL_BATCH_COLS = (
    Col("payroll_batch_id", ID, "id"),
    Col("employer_id", ID, "employer_id"),
    Col("period", TEXT, "period"),
    Col("posted_on", DATE, "posted_on"),
    Col("source_name", TEXT, "source_name"),
    Col("expected_total", MONEY, "expected_total"),
    Col("paid_total", MONEY, "paid_total"),
    Col("posted_total", MONEY, "posted_total"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)

PAYROLL_LINE_COLS = (
    Col("payroll_line_id", ID, "id"),
    Col("payroll_batch_id", ID, "batch_id"),
    Col("row_no", INT, "row_no"),
    Col("employee_no", TEXT, "employee_no"),
    Col("member_id", ID, "member_id"),
    Col("expected", MONEY, "expected"),
    Col("paid", MONEY, "paid"),
    Col("wajib", MONEY, "wajib"),
    Col("angsuran", MONEY, "angsuran"),
    Col("sukarela", MONEY, "sukarela"),
    Col("unposted", MONEY, "unposted"),
    Col("status", TEXT, "status"),
    Col("receipt_no", TEXT, "receipt_no"),
)


def _si_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("standing_instructions")
    if t is None:
        return iter(())
    q = (
        select(*_src_select(t, SI_COLS, {"member_number": Member.number}))
        .join(Member, Member.id == t.c.member_id)
        .order_by(t.c.id)
    )
    return _stream(s, q)


def _si_run_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("standing_instruction_runs")
    if t is None:
        return iter(())
    q = select(*_src_select(t, SI_RUN_COLS, {})).where(p.in_period(t.c.run_date)).order_by(t.c.id)
    return _stream(s, q)


def _employer_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("employers")
    if t is None:
        return iter(())
    return _stream(s, select(*_src_select(t, EMPLOYER_COLS, {})).order_by(t.c.id))


def _employee_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("employer_members")
    if t is None:
        return iter(())
    q = (
        select(*_src_select(t, EMPLOYEE_COLS, {"member_number": Member.number}))
        .join(Member, Member.id == t.c.member_id)
        .order_by(t.c.member_id)
    )
    return _stream(s, q)


def _payroll_batch_rows(s: Session, p: Period) -> Iterator[tuple]:
    t = table("payroll_batches")
    if t is None:
        return iter(())
    q = (
        select(*_src_select(t, PAYROLL_BATCH_COLS, {}))
        .where(p.in_period(t.c.posted_on))
        .order_by(t.c.id)
    )
    return _stream(s, q)


def _payroll_line_rows(s: Session, p: Period) -> Iterator[tuple]:
    t, batches = table("payroll_lines"), table("payroll_batches")
    if t is None or batches is None:
        return iter(())
    q = (
        select(*_src_select(t, PAYROLL_LINE_COLS, {}))
        .join(batches, batches.c.id == t.c.batch_id)
        .where(p.in_period(batches.c.posted_on))
        .order_by(t.c.id)
    )
    return _stream(s, q)


# ---------------------------------------------------------------- ledger

ACCOUNT_COLS = (
    Col("account_id", ID, "id"),
    Col("account_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("name_en", TEXT, "name_en"),
    Col("type", TEXT, "type"),
    Col("contra", BOOL, "contra"),
    Col("parent_code", TEXT, "parent_code"),
    Col("control", TEXT, "control"),
    Col("active", BOOL, "active"),
    Col("business_side", TEXT, "business_side"),
)


def _account_rows(s: Session, p: Period) -> Iterator[tuple]:
    a = Account
    return _stream(
        s,
        select(
            a.id,
            a.code,
            a.name,
            a.name_en,
            a.type,
            a.contra,
            a.parent_code,
            a.control,
            a.active,
            a.business_side,
        ).order_by(a.code),
    )


JOURNAL_COLS = (
    Col("journal_line_id", ID, "id"),
    Col("entry_id", ID, "entry_id"),
    Col("date", DATE),
    Col("account_code", TEXT),
    Col("debit", MONEY, "debit"),
    Col("credit", MONEY, "credit"),
    Col("member_id", ID, "member_id"),
    Col("memo", TEXT, "memo"),
    Col("description", TEXT),
    Col("source", TEXT),
    Col("source_ref", TEXT),
    Col("receipt_no", TEXT),
    Col("reverses_entry_id", ID),
    Col("posted_at", DATETIME),
    Col("posted_by", TEXT),
)


def _journal_rows(s: Session, p: Period) -> Iterator[tuple]:
    ln, e = JournalLine, JournalEntry
    q = (
        select(
            ln.id,
            ln.entry_id,
            e.date,
            Account.code,
            ln.debit,
            ln.credit,
            ln.member_id,
            ln.memo,
            e.description,
            e.source,
            e.source_ref,
            e.receipt_no,
            e.reverses_entry_id,
            e.posted_at,
            e.posted_by,
        )
        .join(e, e.id == ln.entry_id)
        .join(Account, Account.id == ln.account_id)
        .where(p.in_period(e.date))
        .order_by(ln.entry_id, ln.id)
    )
    return _stream(s, q)


PERIOD_COLS = (
    Col("fiscal_period_id", ID, "id"),
    Col("year", INT, "year"),
    Col("month", INT, "month"),
    Col("status", TEXT, "status"),
    Col("closed_at", DATETIME, "closed_at"),
    Col("closed_by", TEXT, "closed_by"),
    Col("note", TEXT, "note"),
    Col("created_at", DATETIME, "created_at"),
)


def _period_rows(s: Session, p: Period) -> Iterator[tuple]:
    f = FiscalPeriod
    return _stream(
        s,
        select(
            f.id, f.year, f.month, f.status, f.closed_at, f.closed_by, f.note, f.created_at
        ).order_by(f.year, f.month),
    )


SETTING_COLS = (Col("key", TEXT, "key"), Col("value_json", TEXT, "value"))


def _setting_rows(s: Session, p: Period) -> Iterator[tuple]:
    return _stream(s, select(Setting.key, Setting.value).order_by(Setting.key))


TRIAL_BALANCE_COLS = (
    Col("account_code", TEXT),
    Col("account_name", TEXT),
    Col("account_type", TEXT),
    Col("opening_debit", MONEY),
    Col("opening_credit", MONEY),
    Col("period_debit", MONEY),
    Col("period_credit", MONEY),
    Col("closing_debit", MONEY),
    Col("closing_credit", MONEY),
    Col("closing_balance", MONEY),
)


def _trial_balance_rows(s: Session, p: Period) -> Iterator[tuple]:
    ln, e = JournalLine, JournalEntry
    net = ln.debit - ln.credit
    sums = (
        select(
            ln.account_id.label("aid"),
            func.sum(case((p.before_start(e.date), net), else_=0)).label("opening"),
            func.sum(case((p.in_period(e.date), ln.debit), else_=0)).label("pd"),
            func.sum(case((p.in_period(e.date), ln.credit), else_=0)).label("pc"),
            func.sum(case((p.until_end(e.date), net), else_=0)).label("closing"),
        )
        .join(e, e.id == ln.entry_id)
        .group_by(ln.account_id)
        .subquery()
    )
    q = (
        select(
            Account.code,
            Account.name,
            Account.type,
            func.coalesce(sums.c.opening, 0),
            func.coalesce(sums.c.pd, 0),
            func.coalesce(sums.c.pc, 0),
            func.coalesce(sums.c.closing, 0),
        )
        .outerjoin(sums, sums.c.aid == Account.id)
        .order_by(Account.code)
    )
    for code, name, type_, opening, pd, pc, closing in s.execute(q):
        opening, closing = int(opening), int(closing)
        natural = closing if type_ in ("asset", "expense") else -closing
        yield (
            code,
            name,
            type_,
            max(opening, 0),
            max(-opening, 0),
            int(pd),
            int(pc),
            max(closing, 0),
            max(-closing, 0),
            natural,
        )


# ---------------------------------------------------------------- fixed assets and banks

FIXED_ASSET_COLS = (
    Col("asset_id", ID, "id"),
    Col("asset_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("group_code", TEXT, "group_code"),
    Col("acquired_on", DATE, "acquired_on"),
    Col("cost", MONEY, "cost"),
    Col("life_months", INT, "life_months"),
    Col("residual", MONEY, "residual"),
    Col("location", TEXT, "location"),
    Col("paid_from", TEXT, "paid_from"),
    Col("opening_date", DATE, "opening_date"),
    Col("opening_accumulated", MONEY, "opening_accumulated"),
    Col("acquisition_entry_id", ID, "acquisition_entry_id"),
    Col("disposed_on", DATE, "disposed_on"),
    Col("proceeds", MONEY, "proceeds"),
    Col("disposal_entry_id", ID, "disposal_entry_id"),
    Col("cancelled_on", DATE, "cancelled_on"),
    Col("cancel_entry_id", ID, "cancel_entry_id"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def _fixed_asset_rows(s: Session, p: Period) -> Iterator[tuple]:
    a = FixedAsset
    return _stream(
        s,
        select(
            a.id,
            a.code,
            a.name,
            a.group_code,
            a.acquired_on,
            a.cost,
            a.life_months,
            a.residual,
            a.location,
            a.paid_from,
            a.opening_date,
            a.opening_accumulated,
            a.acquisition_entry_id,
            a.disposed_on,
            a.proceeds,
            a.disposal_entry_id,
            a.cancelled_on,
            a.cancel_entry_id,
            a.created_at,
            a.created_by,
        )
        .where(p.until_end(a.acquired_on))
        .order_by(a.id),
    )


DEPRECIATION_COLS = (
    Col("depreciation_id", ID, "id"),
    Col("asset_id", ID, "asset_id"),
    Col("period", TEXT, "period"),
    Col("amount", MONEY, "amount"),
    Col("journal_entry_id", ID, "journal_entry_id"),
)


def _depreciation_rows(s: Session, p: Period) -> Iterator[tuple]:
    d = FixedAssetDepreciation
    return _stream(
        s,
        select(d.id, d.asset_id, d.period, d.amount, d.journal_entry_id)
        .join(JournalEntry, JournalEntry.id == d.journal_entry_id)
        .where(p.in_period(JournalEntry.date))
        .order_by(d.id),
    )


BANK_ACCOUNT_COLS = (
    Col("bank_account_id", ID, "id"),
    Col("bank_account_code", TEXT, "code"),
    Col("name", TEXT, "name"),
    Col("bank", TEXT, "bank"),
    Col("number", TEXT, "number"),
    Col("account_code", TEXT, "account_code"),
    Col("layout_json", TEXT, "layout"),
    Col("reconcile_from", DATE, "reconcile_from"),
    Col("active", BOOL, "active"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def _bank_account_rows(s: Session, p: Period) -> Iterator[tuple]:
    b = BankAccount
    return _stream(
        s,
        select(
            b.id,
            b.code,
            b.name,
            b.bank,
            b.number,
            b.account_code,
            b.layout,
            b.reconcile_from,
            b.active,
            b.created_at,
            b.created_by,
        ).order_by(b.id),
    )


STATEMENT_LINE_COLS = (
    Col("statement_line_id", ID, "id"),
    Col("bank_account_id", ID, "bank_account_id"),
    Col("date", DATE, "date"),
    Col("description", TEXT, "description"),
    Col("amount", MONEY, "amount"),
    Col("balance", MONEY, "balance"),
    Col("seq", INT, "seq"),
    Col("fingerprint", TEXT, "fingerprint"),
    Col("batch", TEXT, "batch"),
    Col("created_at", DATETIME, "created_at"),
    Col("created_by", TEXT, "created_by"),
)


def _statement_line_rows(s: Session, p: Period) -> Iterator[tuple]:
    x = BankStatementLine
    return _stream(
        s,
        select(
            x.id,
            x.bank_account_id,
            x.date,
            x.description,
            x.amount,
            x.balance,
            x.seq,
            x.fingerprint,
            x.batch,
            x.created_at,
            x.created_by,
        )
        .where(p.in_period(x.date))
        .order_by(x.id),
    )


BANK_MATCH_COLS = (
    Col("bank_match_id", ID, "id"),
    Col("statement_line_id", ID, "statement_line_id"),
    Col("journal_line_id", ID, "journal_line_id"),
    Col("kind", TEXT, "kind"),
    Col("matched_at", DATETIME, "matched_at"),
    Col("matched_by", TEXT, "matched_by"),
)


def _bank_match_rows(s: Session, p: Period) -> Iterator[tuple]:
    m = BankMatch
    return _stream(
        s,
        select(m.id, m.statement_line_id, m.journal_line_id, m.kind, m.matched_at, m.matched_by)
        .join(BankStatementLine, BankStatementLine.id == m.statement_line_id)
        .where(p.in_period(BankStatementLine.date))
        .order_by(m.id),
    )


# ---------------------------------------------------------------- the workbook

INFO_TITLE = "Info"
INFO_COLS = (Col("key", TEXT), Col("value", TEXT))

SHEETS: tuple[Sheet, ...] = (
    Sheet("members", "Anggota", "members", MEMBER_COLS, _member_rows),
    Sheet("groups", "Kelompok", "groups", GROUP_COLS, _group_rows),
    Sheet(
        "group_history",
        "Riwayat Kelompok",
        "group_memberships",
        GROUP_HISTORY_COLS,
        _group_history_rows,
    ),
    Sheet(
        "categories",
        "Kategori Kerentanan",
        "vulnerability_categories",
        CATEGORY_COLS,
        _category_rows,
    ),
    Sheet(
        "savings_products",
        "Produk Simpanan",
        "savings_products",
        SAVINGS_PRODUCT_COLS,
        _savings_product_rows,
    ),
    Sheet(
        "savings_accounts",
        "Rekening Simpanan",
        "savings_accounts",
        SAVINGS_ACCOUNT_COLS,
        _savings_account_rows,
    ),
    Sheet(
        "savings_transactions",
        "Transaksi Simpanan",
        "savings_transactions",
        SAVINGS_TX_COLS,
        _savings_tx_rows,
    ),
    Sheet(
        "loan_products",
        "Produk Pinjaman",
        "loan_products",
        LOAN_PRODUCT_COLS,
        _loan_product_rows,
        optional=True,
    ),
    Sheet("loans", "Pinjaman", "loans", LOAN_COLS, _loan_rows, optional=True),
    Sheet(
        "installments",
        "Jadwal Angsuran",
        "loan_installments",
        INSTALLMENT_COLS,
        _installment_rows,
        optional=True,
    ),
    Sheet(
        "loan_transactions",
        "Pembayaran Pinjaman",
        "loan_transactions",
        LOAN_TX_COLS,
        _loan_tx_rows,
        optional=True,
    ),
    Sheet(
        "loan_allocations",
        "Alokasi Pembayaran",
        "loan_allocations",
        ALLOCATION_COLS,
        _allocation_rows,
        optional=True,
    ),
    Sheet(
        "time_deposit_products",
        "Produk Simpanan Berjangka",
        "time_deposit_products",
        TD_PRODUCT_COLS,
        _td_product_rows,
        optional=True,
    ),
    Sheet(
        "time_deposits",
        "Simpanan Berjangka",
        "time_deposits",
        TD_COLS,
        _td_rows,
        optional=True,
    ),
    Sheet(
        "time_deposit_events",
        "Mutasi Simpanan Berjangka",
        "time_deposit_events",
        TD_EVENT_COLS,
        _td_event_rows,
        optional=True,
    ),
    Sheet(
        "standing_instructions",
        "Instruksi Tetap",
        "standing_instructions",
        SI_COLS,
        _si_rows,
        optional=True,
    ),
    Sheet(
        "standing_instruction_runs",
        "Pelaksanaan Instruksi",
        "standing_instruction_runs",
        SI_RUN_COLS,
        _si_run_rows,
        optional=True,
    ),
    Sheet("employers", "Instansi", "employers", EMPLOYER_COLS, _employer_rows, optional=True),
    Sheet(
        "employer_members",
        "Pegawai Instansi",
        "employer_members",
        EMPLOYEE_COLS,
        _employee_rows,
        optional=True,
    ),
    Sheet(
        "payroll_batches",
        "Potong Gaji",
        "payroll_batches",
        PAYROLL_BATCH_COLS,
        _payroll_batch_rows,
        optional=True,
    ),
    Sheet(
        "payroll_lines",
        "Potong Gaji Rinci",
        "payroll_lines",
        PAYROLL_LINE_COLS,
        _payroll_line_rows,
        optional=True,
    ),
    Sheet(
        "collateral",
        "Jaminan",
        "loan_collateral",
        COLLATERAL_COLS,
        _collateral_rows,
        optional=True,
    ),
    Sheet(
        "collateral_log",
        "Log Jaminan",
        "collateral_events",
        COLLATERAL_EVENT_COLS,
        _collateral_event_rows,
        optional=True,
    ),
    Sheet(
        "guarantors",
        "Penjamin",
        "loan_guarantors",
        GUARANTOR_COLS,
        _guarantor_rows,
        optional=True,
    ),
    Sheet("accounts", "Akun", "accounts", ACCOUNT_COLS, _account_rows),
    Sheet("journal", "Jurnal", "journal_lines", JOURNAL_COLS, _journal_rows),
    Sheet("periods", "Periode Buku", "fiscal_periods", PERIOD_COLS, _period_rows),
    Sheet("settings", "Pengaturan", "settings", SETTING_COLS, _setting_rows),
    Sheet("trial_balance", "Neraca Saldo", None, TRIAL_BALANCE_COLS, _trial_balance_rows),
    # added after the first format: optional, so a workbook from before them still restores
    Sheet(
        "fixed_assets",
        "Aset Tetap",
        "fixed_assets",
        FIXED_ASSET_COLS,
        _fixed_asset_rows,
        optional=True,
    ),
    Sheet(
        "fixed_asset_depreciation",
        "Penyusutan Aset",
        "fixed_asset_depreciation",
        DEPRECIATION_COLS,
        _depreciation_rows,
        optional=True,
    ),
    Sheet(
        "bank_accounts",
        "Rekening Bank",
        "bank_accounts",
        BANK_ACCOUNT_COLS,
        _bank_account_rows,
        optional=True,
    ),
    Sheet(
        "bank_statement_lines",
        "Rekening Koran",
        "bank_statement_lines",
        STATEMENT_LINE_COLS,
        _statement_line_rows,
        optional=True,
    ),
    Sheet(
        "bank_matches",
        "Cocok Bank",
        "bank_matches",
        BANK_MATCH_COLS,
        _bank_match_rows,
        optional=True,
    ),
)

SHEET_BY_KEY = {sh.key: sh for sh in SHEETS}
SHEET_BY_TITLE = {sh.title: sh for sh in SHEETS}

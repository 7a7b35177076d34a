"""Importing savings from Excel: opening balances (against the clearing account) and savings
transactions."""

from __future__ import annotations

import datetime as dt

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from ..db.models import (
    Account,
    JournalLine,
    Member,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
)
from ..domain.money import format_rupiah
from ..domain.vocabulary import EntrySource, MemberStatus
from ..errors import KoperasiError, ValidationError
from .import_kind import Field, Kind
from .import_members import member_number_field
from .xlsxin import normalize

CLEARING = ("3.99", "Saldo Awal (Kliring)", "Opening balance clearing", "equity")


def _product_lookup(s: Session) -> dict[str, SavingsProduct]:
    out: dict[str, SavingsProduct] = {}
    for p in s.scalars(select(SavingsProduct).order_by(SavingsProduct.id.desc())):
        out[normalize(p.kind)] = p
        out[normalize(p.name)] = p
    for p in s.scalars(select(SavingsProduct)):
        out[normalize(p.code)] = p
    return out


def members_by_number(s: Session, numbers: set[str]) -> dict[str, Member]:
    return {m.number: m for m in s.scalars(select(Member).where(Member.number.in_(numbers)))}


def member_problems(
    m: Member | None, number: str, date: dt.date, date_field: str, *, active_only: bool = False
) -> list[tuple[str, ValidationError]]:
    """A row's member: known, still a member (``active_only``: status aktif; otherwise not
    left or deceased), and joined by the row's date. ``(field, error)`` pairs."""
    if m is None:
        return [
            (
                "member_number",
                ValidationError("member", "unknown_ref", what="Anggota", value=number),
            )
        ]
    out = []
    if (
        m.status != MemberStatus.ACTIVE
        if active_only
        else m.status in (MemberStatus.LEFT, MemberStatus.DECEASED)
    ):
        out.append(
            (
                "member_number",
                ValidationError("member", "member_not_active", member=m.number, status=m.status),
            )
        )
    if date < m.join_date:
        out.append(
            (date_field, ValidationError(date_field, "date_before", other=m.join_date.isoformat()))
        )
    return out


_PRODUCT_FIELD = Field(
    "product_code",
    "text",
    True,
    "Produk Simpanan",
    "Savings product",
    ("produk", "jenis simpanan", "simpanan", "product", "kode produk", "product code"),
    "WAJIB",
    "POKOK, WAJIB atau SUKARELA",
    "POKOK, WAJIB or SUKARELA",
)


class OpeningBalancesKind(Kind):
    """Balances on the day the cooperative starts using the app.

    A member row (member number + savings product) opens the savings balance:
    Dr 3.99 Saldo Awal (Kliring) / Cr the product's account, with its subledger row. An
    account row (account code, no member) sets a ledger balance on its natural side against
    3.99. When every opening balance is in, 3.99 nets to zero; the report warns otherwise.
    """

    key = "opening-balances"
    titles = ("Saldo Awal", "Opening Balances")
    fields = (
        member_number_field(False),
        Field(
            _PRODUCT_FIELD.key,
            "text",
            False,
            *(_PRODUCT_FIELD.label_id, _PRODUCT_FIELD.label_en),
            _PRODUCT_FIELD.aliases,
            "WAJIB",
            _PRODUCT_FIELD.hint_id,
            _PRODUCT_FIELD.hint_en,
        ),
        Field(
            "account_code",
            "text",
            False,
            "Kode Akun",
            "Account code",
            ("akun", "account", "no akun"),
            "",
            "untuk saldo akun non-anggota (kas, bank, aset)",
            "for non-member ledger balances (cash, bank, assets)",
        ),
        Field(
            "amount",
            "money",
            True,
            "Saldo",
            "Balance",
            ("jumlah", "amount", "saldo awal", "nilai", "nominal"),
            600000,
        ),
        Field(
            "date",
            "date",
            True,
            "Per Tanggal",
            "As of",
            ("tanggal", "date", "tgl", "as of date"),
            dt.date(2025, 12, 31),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field(
            "memo",
            "text",
            False,
            "Keterangan",
            "Memo",
            ("catatan", "note", "notes", "description"),
            "",
        ),
    )

    def row_checks(self, data):
        errs = []
        member, product, account = (
            data.get("member_number"),
            data.get("product_code"),
            data.get("account_code"),
        )
        amount = data.get("amount")
        if account and (member or product):
            errs.append(ValidationError("account", "member_or_account"))
        elif not account:
            if not member:
                errs.append(ValidationError("member", "required"))
            if not product:
                errs.append(ValidationError("product", "required"))
            if amount is not None and amount < 0:
                errs.append(ValidationError("amount", "must_not_be_negative"))
        return errs

    def file_checks(self, rep, row, data, cols) -> None:
        if data.get("account_code"):
            self.unique_in_file(
                rep, row, cols.get("account_code", ""), "acct", data["account_code"], "account"
            )
        elif data.get("member_number") and data.get("product_code"):
            key = (data["member_number"], normalize(data["product_code"]))
            seen = self.seen.setdefault("mp", {})
            if key in seen:
                rep.add(
                    row,
                    cols.get("product_code", ""),
                    ValidationError(
                        "product",
                        "duplicate_in_file",
                        value=f"{key[0]} {data['product_code']}",
                        row=seen[key],
                    ),
                )
            else:
                seen[key] = row

    def db_checks(self, s, batch):
        products = _product_lookup(s)
        members = members_by_number(
            s, {d["member_number"] for _, d in batch if d.get("member_number")}
        )
        accounts = {a.code: a for a in s.scalars(select(Account))}
        for r, d in batch:
            if d.get("account_code"):
                a = accounts.get(d["account_code"])
                if a is None:
                    yield (
                        r,
                        "account_code",
                        ValidationError(
                            "account", "unknown_ref", what="Akun", value=d["account_code"]
                        ),
                    )
                elif a.control:
                    yield (
                        r,
                        "account_code",
                        ValidationError("account", "not_postable", code=a.code, what=a.control),
                    )
                elif a.code == CLEARING[0]:
                    yield (
                        r,
                        "account_code",
                        ValidationError("account", "not_postable", code=a.code, what="saldo awal"),
                    )
                continue
            m = members.get(d["member_number"])
            problems = member_problems(m, d["member_number"], d["date"], "date")
            yield from ((r, field, err) for field, err in problems)
            if m is None:
                continue
            p = products.get(normalize(d["product_code"]))
            if p is None:
                yield (
                    r,
                    "product_code",
                    ValidationError(
                        "product", "unknown_ref", what="Produk simpanan", value=d["product_code"]
                    ),
                )
                continue
            d["_product_id"], d["_member_id"] = p.id, m.id
            has = s.scalar(
                select(func.count(SavingsTransaction.id))
                .join(SavingsAccount, SavingsAccount.id == SavingsTransaction.account_id)
                .where(SavingsAccount.member_id == m.id, SavingsAccount.product_id == p.id)
            )
            if has:
                yield (
                    r,
                    "product_code",
                    ValidationError("product", "opening_exists", member=m.number, product=p.code),
                )

    def prepare(self, s, actor) -> None:
        if s.scalar(select(Account.id).where(Account.code == CLEARING[0])) is None:
            code, name, name_en, type_ = CLEARING
            s.add(Account(code=code, name=name, name_en=name_en, type=type_))
            s.flush()
        self.products = _product_lookup(s)

    def apply(self, s, actor, data) -> int:
        from ..services import ledger
        from ..services.counters import SERIES_JOURNAL, next_receipt
        from ..services.members import member_by_number
        from ..services.savings import account_for, record_in

        amount, date = data["amount"], data["date"]
        memo = data.get("memo") or f"Saldo awal per {date:%d/%m/%Y}"
        if amount == 0:
            return 0
        if data.get("account_code"):
            acct = s.scalar(select(Account).where(Account.code == data["account_code"]))
            assert acct is not None
            debit_normal = acct.type in ("asset", "expense")
            if acct.contra:
                debit_normal = not debit_normal
            dr = (amount > 0) == debit_normal
            a = abs(amount)
            lines = [
                ledger.Line(acct.code, debit=a if dr else 0, credit=0 if dr else a, memo=memo),
                ledger.Line(CLEARING[0], debit=0 if dr else a, credit=a if dr else 0, memo=memo),
            ]
            ledger.post(
                s,
                actor,
                date,
                f"Saldo awal {acct.code} {acct.name}",
                lines,
                source=EntrySource.MANUAL,
                source_ref="saldo-awal",
                receipt_no=next_receipt(s, SERIES_JOURNAL, date.year),
            )
            return 1
        member = member_by_number(s, data["member_number"], lock=True)
        product = self.products[normalize(data["product_code"])]
        account = account_for(s, member, product, open_on=min(date, member.join_date))
        entry = ledger.post(
            s,
            actor,
            date,
            f"Saldo awal {product.name} {member.number} {member.name}",
            [
                ledger.Line(CLEARING[0], debit=amount, member_id=member.id, memo=memo),
                ledger.Line(product.account_code, credit=amount, member_id=member.id, memo=memo),
            ],
            source=EntrySource.SAVINGS,
            source_ref=account.number,
        )
        # kind "setor": an opening wajib balance counts as paid months for arrears
        record_in(s, actor, account, amount, date, "setor", entry.id, None, memo)
        return 1

    def finish(self, s, rep) -> None:
        d, c = s.execute(
            select(
                func.coalesce(func.sum(JournalLine.debit), 0),
                func.coalesce(func.sum(JournalLine.credit), 0),
            )
            .join(Account, Account.id == JournalLine.account_id)
            .where(Account.code == CLEARING[0])
        ).one()
        residual = int(d) - int(c)
        if residual:
            rep.warnings.append(
                KoperasiError(
                    "clearing_residual",
                    account=CLEARING[0],
                    amount=format_rupiah(abs(residual)),
                    side="debit" if residual > 0 else "kredit",
                )
            )


class SavingsTransactionsKind(Kind):
    """Deposits and withdrawals, applied in file order through the savings service."""

    key = "savings-transactions"
    titles = ("Transaksi Simpanan", "Savings Transactions")
    fields = (
        member_number_field(True),
        _PRODUCT_FIELD,
        Field(
            "date",
            "date",
            True,
            "Tanggal",
            "Date",
            ("tgl", "tanggal transaksi", "transaction date"),
            dt.date(2026, 1, 10),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field(
            "kind",
            "text",
            True,
            "Jenis Transaksi",
            "Type",
            ("jenis", "transaksi", "type", "kind", "setor tarik"),
            "setor",
            "setor atau tarik",
            "setor (deposit) or tarik (withdrawal)",
        ),
        Field(
            "amount",
            "money",
            True,
            "Jumlah",
            "Amount",
            ("nominal", "nilai", "amount rp", "jumlah rp"),
            50000,
        ),
        Field(
            "memo",
            "text",
            False,
            "Keterangan",
            "Memo",
            ("catatan", "note", "notes", "description"),
            "",
        ),
    )
    KINDS = {
        "setor": "setor",
        "setoran": "setor",
        "deposit": "setor",
        "masuk": "setor",
        "d": "setor",
        "tarik": "tarik",
        "penarikan": "tarik",
        "withdrawal": "tarik",
        "withdraw": "tarik",
        "keluar": "tarik",
        "w": "tarik",
    }

    def __init__(self) -> None:
        super().__init__()
        self._member_known: dict[str, bool] = {}  # member number -> exists (db checks)
        self._products: dict[str, SavingsProduct] | None = None

    def row_checks(self, data):
        errs = []
        k = normalize(data.get("kind"))
        if k not in self.KINDS:
            errs.append(
                ValidationError("kind", "choice", choices="setor, tarik", value=data.get("kind"))
            )
        else:
            data["kind"] = self.KINDS[k]
        amount = data.get("amount")
        if amount is not None and amount <= 0:
            errs.append(ValidationError("amount", "must_be_positive"))
        return errs

    def db_checks(self, s, batch):
        # only whether each member number exists: numbers, not Member objects, and each
        # number looked up once per import (a large file repeats the same members)
        known = self._member_known
        new = {d["member_number"] for _, d in batch} - known.keys()
        if new:
            found = set(s.scalars(select(Member.number).where(Member.number.in_(new))))
            known.update((n, n in found) for n in new)
        if self._products is None:
            self._products = _product_lookup(s)
        products = self._products
        for r, d in batch:
            if not known[d["member_number"]]:
                yield (
                    r,
                    "member_number",
                    ValidationError(
                        "member", "unknown_ref", what="Anggota", value=d["member_number"]
                    ),
                )
            if normalize(d["product_code"]) not in products:
                yield (
                    r,
                    "product_code",
                    ValidationError(
                        "product", "unknown_ref", what="Produk simpanan", value=d["product_code"]
                    ),
                )

    def prepare(self, s, actor) -> None:
        self.products = _product_lookup(s)

    def apply(self, s, actor, data) -> int:
        from ..services.members import member_by_number
        from ..services.savings import deposit_in, withdraw_in

        member = member_by_number(s, data["member_number"], lock=True)
        product = self.products[normalize(data["product_code"])]
        fn = deposit_in if data["kind"] == "setor" else withdraw_in
        fn(s, actor, member, product, data["amount"], data["date"], data.get("memo") or "")
        return 1

"""Validated imports from Excel: members, opening balances, savings transactions (and loans).

The flow is the same for every kind:

1. open the file safely (:class:`~koperasi.exchange.xlsxin.Workbook`), find the sheet, map
   the header row to fields (Indonesian or English names, any case and spacing);
2. **validate every row** in a streaming pass: types, NIK, dates, amounts, references,
   duplicates inside the file and against the database (checked in batches);
3. **apply** in ONE unit of work through the services' ``*_in`` functions, each row inside a
   savepoint so that a business rule refusing a row (e.g. a withdrawal beyond the balance)
   becomes a row error instead of an exception;
4. commit only when no row failed - or, with ``valid_only``, commit the rows that passed;
   a dry run always rolls back. Nothing is ever half-imported.

The report (:class:`ImportReport`) names the row, the column and the problem for each error,
in Indonesian or English; :func:`write_error_report` writes those rows to a workbook with an
error column.
"""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlalchemy import func, select
from sqlalchemy.exc import SQLAlchemyError
from sqlalchemy.orm import Session

from ..db.models import (
    Account,
    Group,
    JournalLine,
    Member,
    SavingsAccount,
    SavingsProduct,
    SavingsTransaction,
    VulnerabilityCategory,
)
from ..domain.money import format_rupiah
from ..errors import KoperasiError, ValidationError
from ..services.auth import Actor, require
from ..services.progress import Cancelled, ProgressCallback, report
from ..services.uow import disk_full
from .xlsxin import PARSERS, FileError, Workbook, normalize

MAX_ERRORS = 10_000  # errors kept in memory (the count goes on)
BATCH = 1000
CLEARING = ("3.99", "Saldo Awal (Kliring)", "Opening balance clearing", "equity")


# ---------------------------------------------------------------- report


@dataclass
class RowError:
    row: int  # Excel row number
    column: str  # the header as written in the file ("" when about the whole row)
    error: KoperasiError

    def message(self, lang: str = "id") -> str:
        col = f", {'kolom' if lang == 'id' else 'column'} '{self.column}'" if self.column else ""
        return f"{'Baris' if lang == 'id' else 'Row'} {self.row}{col}: {self.error.message(lang)}"


@dataclass
class ImportReport:
    kind: str
    path: str
    dry_run: bool = False
    valid_only: bool = False
    sheet: str | None = None
    headers: list[str] = field(default_factory=list)
    total_rows: int = 0
    written: int = 0  # rows written (0 unless committed)
    committed: bool = False
    file_errors: list[KoperasiError] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    error_count: int = 0
    error_rows: set[int] = field(default_factory=set)
    warnings: list[KoperasiError] = field(default_factory=list)

    @property
    def has_errors(self) -> bool:
        return bool(self.file_errors or self.error_rows)

    @property
    def valid_rows(self) -> int:
        return self.total_rows - len(self.error_rows)

    @property
    def ok(self) -> bool:
        return not self.has_errors

    def add(self, row: int, column: str, error: KoperasiError) -> None:
        self.error_rows.add(row)
        self.error_count += 1
        if len(self.errors) < MAX_ERRORS:
            self.errors.append(RowError(row, column, error))

    def errors_by_row(self) -> dict[int, list[RowError]]:
        out: dict[int, list[RowError]] = {}
        for e in self.errors:
            out.setdefault(e.row, []).append(e)
        return out

    def summary(self, lang: str = "id") -> str:
        id_ = lang == "id"
        if self.file_errors:
            return (
                "Impor gagal, tidak ada yang disimpan."
                if id_
                else "Import failed, nothing written."
            )
        parts = [
            f"{'Baris' if id_ else 'Rows'}: {self.total_rows}",
            f"{'sah' if id_ else 'valid'}: {self.valid_rows}",
            f"{'salah' if id_ else 'with errors'}: {len(self.error_rows)}",
        ]
        if self.committed:
            parts.append(f"{'disimpan' if id_ else 'written'}: {self.written}")
        elif self.dry_run:
            parts.append("uji coba, tidak ada yang disimpan" if id_ else "dry run, nothing written")
        else:
            parts.append("tidak ada yang disimpan" if id_ else "nothing written")
        text = ", ".join(parts)
        for w in self.warnings:
            text += "\n" + w.message(lang)
        return text

    def error_lines(self, lang: str = "id", limit: int | None = None) -> list[str]:
        lines = [e.message(lang) for e in self.file_errors]
        lines += [e.message(lang) for e in self.errors[: limit or None]]
        if limit is not None and self.error_count > limit:
            more = self.error_count - limit
            lines.append(f"... {more} {'kesalahan lain' if lang == 'id' else 'more errors'}")
        return lines


# ---------------------------------------------------------------- field specs


@dataclass(frozen=True)
class Field:
    key: str  # template header (snake_case) and message field key
    type: str  # a parser of xlsxin.PARSERS
    required: bool
    label_id: str
    label_en: str
    aliases: tuple[str, ...] = ()
    example: Any = None
    hint_id: str = ""
    hint_en: str = ""

    def names(self) -> set[str]:
        return {normalize(n) for n in (self.key, self.label_id, self.label_en, *self.aliases)}


class Kind:
    """One import kind: its fields and how a row is checked and applied."""

    key: str = ""
    titles: tuple[str, ...] = ()  # sheet names looked for (else the first sheet)
    fields: tuple[Field, ...] = ()

    def __init__(self) -> None:
        self.seen: dict[str, dict[Any, int]] = {}

    # -- helpers for subclasses
    def unique_in_file(
        self, rep: ImportReport, row: int, column: str, key: str, value: Any, err_field: str
    ) -> None:
        seen = self.seen.setdefault(key, {})
        if value in (None, ""):
            return
        first = seen.get(value)
        if first is not None:
            rep.add(
                row, column, ValidationError(err_field, "duplicate_in_file", value=value, row=first)
            )
        else:
            seen[value] = row

    def row_checks(self, data: dict[str, Any]) -> list[ValidationError]:
        """Checks of one parsed row that need nothing else."""
        return []

    def file_checks(
        self, rep: ImportReport, row: int, data: dict[str, Any], cols: dict[str, str]
    ) -> None:
        """Checks across rows (duplicates inside the file)."""

    def db_checks(
        self, s: Session, batch: list[tuple[int, dict[str, Any]]]
    ) -> Iterable[tuple[int, str, ValidationError]]:
        """Checks against the database, for a batch of valid rows."""
        return ()

    def prepare(self, s: Session, actor: Actor) -> None:
        """Once before the rows are applied (outside the per-row savepoints)."""

    def apply(self, s: Session, actor: Actor, data: dict[str, Any]) -> int:
        """Write one row; return the number of records written (0 for a no-op row)."""
        raise NotImplementedError

    def finish(self, s: Session, rep: ImportReport) -> None:
        """After all rows (warnings such as a clearing account that does not net to zero)."""


# ---------------------------------------------------------------- members

GENDER_WORDS = {
    "l": "L",
    "lk": "L",
    "laki laki": "L",
    "laki": "L",
    "pria": "L",
    "m": "L",
    "male": "L",
    "p": "P",
    "pr": "P",
    "perempuan": "P",
    "wanita": "P",
    "w": "P",
    "f": "P",
    "female": "P",
}
STATUS_WORDS = {
    "aktif": "aktif",
    "active": "aktif",
    "calon": "calon",
    "candidate": "calon",
    "keluar": "keluar",
    "exited": "keluar",
    "left": "keluar",
    "meninggal": "meninggal",
    "deceased": "meninggal",
}


def _member_number_field(required: bool) -> Field:
    return Field(
        "member_number",
        "text",
        required,
        "Nomor Anggota",
        "Member number",
        ("no anggota", "nomor", "no", "member no", "number", "no. anggota", "id anggota"),
        "A00001",
        "kosongkan untuk nomor otomatis" if not required else "",
        "leave empty for an automatic number" if not required else "",
    )


class MembersKind(Kind):
    key = "members"
    titles = ("Anggota", "Members", "Data Anggota")
    fields = (
        _member_number_field(False),
        Field(
            "name",
            "text",
            True,
            "Nama",
            "Name",
            ("nama lengkap", "full name", "nama anggota"),
            "Siti Aminah",
        ),
        Field(
            "nik",
            "nik",
            True,
            "NIK",
            "NIK",
            ("no ktp", "nomor ktp", "nomor nik", "national id", "ktp"),
            "6471045505850001",
            "16 digit, sebagai teks",
            "16 digits, as text",
        ),
        Field(
            "gender",
            "text",
            True,
            "Jenis Kelamin",
            "Gender",
            ("jk", "l p", "sex", "kelamin"),
            "P",
            "L atau P",
            "L or P",
        ),
        Field(
            "birth_place",
            "text",
            False,
            "Tempat Lahir",
            "Birth place",
            ("tempat lahir",),
            "Balikpapan",
        ),
        Field(
            "birth_date",
            "date",
            False,
            "Tanggal Lahir",
            "Birth date",
            ("tgl lahir", "date of birth", "dob"),
            dt.date(1985, 5, 15),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field("address", "text", False, "Alamat", "Address", (), "Jl. Mulawarman No. 12"),
        Field(
            "kelurahan",
            "text",
            False,
            "Kelurahan",
            "Village",
            ("desa", "kelurahan desa"),
            "Manggar",
        ),
        Field(
            "kecamatan", "text", False, "Kecamatan", "District", ("district",), "Balikpapan Timur"
        ),
        Field(
            "phone",
            "text",
            False,
            "Nomor HP",
            "Phone",
            ("no hp", "telepon", "hp", "no telepon", "phone number", "telp"),
            "081234567890",
        ),
        Field("occupation", "text", False, "Pekerjaan", "Occupation", ("job",), "Pedagang"),
        Field(
            "join_date",
            "date",
            True,
            "Tanggal Masuk",
            "Join date",
            ("tgl masuk", "tanggal bergabung", "tanggal daftar", "joined", "join"),
            dt.date(2024, 1, 6),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field(
            "heir_name", "text", False, "Nama Ahli Waris", "Heir name", ("ahli waris", "heir"), ""
        ),
        Field(
            "heir_relation",
            "text",
            False,
            "Hubungan Ahli Waris",
            "Heir relation",
            ("hubungan", "relation"),
            "",
        ),
        Field(
            "group_code",
            "text",
            False,
            "Kode Kelompok",
            "Group code",
            ("kelompok", "group"),
            "",
            "kode kelompok yang sudah ada",
            "code of an existing group",
        ),
        Field(
            "categories",
            "text",
            False,
            "Kategori Kerentanan",
            "Vulnerability categories",
            ("kategori", "categories", "kerentanan"),
            "pkk",
            "kode dipisah ; (pkk, disabilitas, lansia, pinggiran, bansos)",
            "codes separated by ;",
        ),
        Field(
            "status",
            "text",
            False,
            "Status",
            "Status",
            (),
            "aktif",
            "aktif/calon (kosong = aktif)",
            "aktif/calon (empty = aktif)",
        ),
    )

    def row_checks(self, data: dict[str, Any]) -> list[ValidationError]:
        from ..services.members import MemberInput, validation_errors

        errs: list[ValidationError] = []
        g = normalize(data.get("gender"))
        if g in GENDER_WORDS:
            data["gender"] = GENDER_WORDS[g]
        elif data.get("gender"):
            errs.append(ValidationError("gender", "choice", choices="L, P", value=data["gender"]))
        st = normalize(data.get("status")) or "aktif"
        if st not in STATUS_WORDS:
            errs.append(
                ValidationError(
                    "status", "choice", choices="aktif, calon", value=data.get("status")
                )
            )
        else:
            data["status"] = STATUS_WORDS[st]
            if data["status"] in ("keluar", "meninggal"):
                errs.append(
                    ValidationError(
                        "status", "choice", choices="aktif, calon", value=data["status"]
                    )
                )
        cats = data.get("categories") or ""
        data["categories"] = tuple(
            sorted(
                {
                    normalize(c).replace(" ", "_")
                    for c in cats.replace(",", ";").split(";")
                    if c.strip()
                }
            )
        )
        if errs or data.get("join_date") is None:
            return errs
        data["input"] = MemberInput(
            name=data.get("name") or "",
            nik=data.get("nik") or "",
            gender=data.get("gender") or "",
            join_date=data["join_date"],
            birth_date=data.get("birth_date"),
            birth_place=data.get("birth_place") or "",
            address=data.get("address") or "",
            kelurahan=data.get("kelurahan") or "",
            kecamatan=data.get("kecamatan") or "",
            phone=data.get("phone") or "",
            occupation=data.get("occupation") or "",
            heir_name=data.get("heir_name") or "",
            heir_relation=data.get("heir_relation") or "",
            group_code=(data.get("group_code") or "").upper() or None,
            categories=data["categories"],
            status=data["status"],
            number=data.get("member_number") or None,
        )
        return validation_errors(data["input"])

    def file_checks(self, rep, row, data, cols) -> None:
        self.unique_in_file(rep, row, cols.get("nik", ""), "nik", data.get("nik"), "nik")
        self.unique_in_file(
            rep, row, cols.get("member_number", ""), "number", data.get("member_number"), "member"
        )

    def db_checks(self, s, batch):
        niks = {d["nik"]: r for r, d in batch if d.get("nik")}
        for (nik,) in s.execute(select(Member.nik).where(Member.nik.in_(niks))):
            yield niks[nik], "nik", ValidationError("nik", "duplicate", value=nik)
        numbers = {d["member_number"]: r for r, d in batch if d.get("member_number")}
        for (num,) in s.execute(select(Member.number).where(Member.number.in_(numbers))):
            yield numbers[num], "member_number", ValidationError("member", "duplicate", value=num)
        groups = {(d.get("group_code") or "").upper() for _, d in batch} - {""}
        have = set(s.scalars(select(Group.code).where(Group.code.in_(groups))))
        cats = set(s.scalars(select(VulnerabilityCategory.code)))
        for r, d in batch:
            code = (d.get("group_code") or "").upper()
            if code and code not in have:
                yield (
                    r,
                    "group_code",
                    ValidationError("group", "unknown_ref", what="Kelompok", value=code),
                )
            for c in d.get("categories", ()):
                if c not in cats:
                    yield (
                        r,
                        "categories",
                        ValidationError(
                            "category", "choice", choices=", ".join(sorted(cats)), value=c
                        ),
                    )

    def apply(self, s, actor, data) -> int:
        from ..services.members import register_in

        register_in(s, actor, data["input"])
        return 1


# ---------------------------------------------------------------- savings helpers


def _product_lookup(s: Session) -> dict[str, SavingsProduct]:
    out: dict[str, SavingsProduct] = {}
    for p in s.scalars(select(SavingsProduct).order_by(SavingsProduct.id.desc())):
        out[normalize(p.kind)] = p
        out[normalize(p.name)] = p
    for p in s.scalars(select(SavingsProduct)):
        out[normalize(p.code)] = p
    return out


def _members_by_number(s: Session, numbers: set[str]) -> dict[str, Member]:
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
    if m.status != "aktif" if active_only else m.status in ("keluar", "meninggal"):
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
        _member_number_field(False),
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
        members = _members_by_number(
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
                source="manual",
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
            source="simpanan",
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
        _member_number_field(True),
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


KINDS: dict[str, type[Kind]] = {
    "members": MembersKind,
    "opening-balances": OpeningBalancesKind,
    "savings-transactions": SavingsTransactionsKind,
}


def _loans_kind() -> type[Kind] | None:
    try:
        from .loans_import import LoansKind
    except ImportError:
        return None
    return LoansKind


def kind_class(kind: str) -> type[Kind]:
    if kind == "loans":
        cls = _loans_kind()
        if cls is None:
            raise ValidationError("kind", "import_unavailable", kind=kind)
        return cls
    cls = KINDS.get(kind)
    if cls is None:
        choices = ", ".join([*KINDS, "loans", "audit-workbook"])
        raise ValidationError("kind", "choice", choices=choices, value=kind)
    return cls


# ---------------------------------------------------------------- the flow


@dataclass
class _Mapped:
    title: str
    headers: list[str]
    header_row: int
    index: dict[str, int]  # field key -> column index
    width: int

    @property
    def cols(self) -> dict[str, str]:  # field key -> header (computed once)
        cols = self.__dict__.get("_cols")
        if cols is None:
            cols = self.__dict__["_cols"] = {k: self.headers[i] for k, i in self.index.items()}
        return cols


def _map_headers(wb: Workbook, kind: Kind, rep: ImportReport) -> _Mapped | None:
    title = wb.find_sheet(kind.titles, fallback_first=True)
    if title is None:
        rep.file_errors.append(FileError("sheet_missing", sheet=kind.titles[0]))
        return None
    rep.sheet = title
    by_name: dict[str, Field] = {}
    for f in kind.fields:
        for n in f.names():
            by_name.setdefault(n, f)
    for n, (rowno, values, _f) in enumerate(wb.rows(title)):
        if n >= 20:
            break
        headers = ["" if v is None else str(v).strip() for v in values]
        index: dict[str, int] = {}
        dup: list[str] = []
        for i, h in enumerate(headers):
            f = by_name.get(normalize(h))
            if f is None:
                continue
            if f.key in index:
                dup.append(h)
            else:
                index[f.key] = i
        if not index:
            continue  # a title line above the header
        missing = [f for f in kind.fields if f.required and f.key not in index]
        rep.headers = headers
        if dup:
            rep.file_errors.append(
                FileError("column_duplicate", column=", ".join(dup), sheet=title)
            )
        if missing:
            rep.file_errors.append(
                FileError(
                    "column_missing",
                    sheet=title,
                    column=", ".join(f.label_id for f in missing),
                    column_en=", ".join(f.label_en for f in missing),
                )
            )
        if rep.file_errors:
            return None
        width = max(index.values()) + 1
        return _Mapped(title, headers, rowno, index, width)
    rep.file_errors.append(
        FileError(
            "column_missing",
            sheet=title,
            column=", ".join(f.label_id for f in kind.fields if f.required),
            column_en=", ".join(f.label_en for f in kind.fields if f.required),
        )
    )
    return None


def _data_rows(wb: Workbook, m: _Mapped):
    for rowno, values, formulas in wb.rows(m.title, max_col=m.width):
        if rowno <= m.header_row:
            continue
        yield rowno, values, formulas


def _parse_row(
    kind: Kind, m: _Mapped, rowno: int, values: tuple, formulas: tuple, rep: ImportReport | None
):
    """Parsed field values, or None when the row has an error (added to ``rep``)."""
    data: dict[str, Any] = {}
    bad = False
    cols = m.cols
    for f in kind.fields:
        i = m.index.get(f.key)
        if i is None:
            data[f.key] = None
            continue
        if i < len(formulas) and formulas[i]:
            bad = True
            if rep is not None:
                rep.add(
                    rowno,
                    cols[f.key],
                    ValidationError(f.key, "formula_no_value", formula=str(formulas[i])[:60]),
                )
            continue
        raw = values[i] if i < len(values) else None
        if isinstance(raw, str) and not raw.strip():
            raw = None
        try:
            data[f.key] = PARSERS[f.type](raw, f.key)
        except ValidationError as exc:
            bad = True
            if rep is not None:
                rep.add(rowno, cols[f.key], exc)
            continue
        if f.required and data[f.key] in (None, ""):
            bad = True
            if rep is not None:
                rep.add(rowno, cols[f.key], ValidationError(f.key, "required"))
    if bad:
        return None, cols
    errs = kind.row_checks(data)
    if errs:
        if rep is not None:
            for e in errs:
                rep.add(rowno, _column_for(e.field, cols), e)
        return None, cols
    return data, cols


_FIELD_TO_COLUMN = {
    "member": "member_number",
    "product": "product_code",
    "account": "account_code",
    "group": "group_code",
    "category": "categories",
}


def _column_for(field_key: str, cols: dict[str, str]) -> str:
    return cols.get(field_key) or cols.get(_FIELD_TO_COLUMN.get(field_key, ""), "")


def _validate(db, kind: Kind, wb: Workbook, m: _Mapped, rep: ImportReport, progress) -> None:
    from ..services.uow import read_only

    # the byte scan that the row reader does anyway (openpyxl's max_row would parse the
    # whole sheet once more when the file has no <dimension>)
    estimate = max(0, (wb.last_value_row(m.title) or 0) - m.header_row)
    batch: list[tuple[int, dict[str, Any]]] = []

    def flush(s: Session) -> None:
        for r, col_key, err in kind.db_checks(s, batch):
            rep.add(r, _column_for(col_key, cols) or cols.get(col_key, ""), err)
        batch.clear()

    cols: dict[str, str] = {key: m.headers[i] for key, i in m.index.items()}
    with read_only(db) as s:
        for rowno, values, formulas in _data_rows(wb, m):
            rep.total_rows += 1
            data, cols = _parse_row(kind, m, rowno, values, formulas, rep)
            if data is None:
                continue
            before = len(rep.error_rows)
            kind.file_checks(rep, rowno, data, cols)
            if len(rep.error_rows) == before:
                batch.append((rowno, data))
            if len(batch) >= BATCH:
                flush(s)
            if rep.total_rows % 1000 == 0:
                report(progress, rep.total_rows, max(estimate, rep.total_rows), "periksa")
        if batch:
            flush(s)


def _snapshot(info: dict) -> dict:
    return {k: (dict(v) if isinstance(v, dict) else v) for k, v in info.items()}


def _apply(
    db, actor: Actor, kind: Kind, wb: Workbook, m: _Mapped, rep: ImportReport, progress
) -> None:
    from ..services import audit
    from ..services.uow import unit_of_work

    class _Rollback(Exception):
        pass

    written = 0
    try:
        with unit_of_work(db) as s:
            kind.prepare(s, actor)
            done = 0
            for rowno, values, formulas in _data_rows(wb, m):
                done += 1
                if rowno in rep.error_rows:
                    continue
                data, cols = _parse_row(kind, m, rowno, values, formulas, None)
                if data is None:  # cannot happen: validated above
                    continue
                saved = _snapshot(s.info)
                try:
                    with s.begin_nested():
                        written += kind.apply(s, actor, data)
                except KoperasiError as exc:
                    s.info.clear()
                    s.info.update(saved)
                    field_key = getattr(exc, "field", "")
                    rep.add(rowno, _column_for(field_key, cols), exc)
                if done % 500 == 0:
                    report(progress, done, rep.total_rows, "simpan")
            if rep.error_rows and not rep.valid_only:
                raise _Rollback()
            if rep.dry_run:
                kind.finish(s, rep)
                raise _Rollback()
            kind.finish(s, rep)
            audit.record(
                s,
                actor,
                "import." + kind.key,
                "file",
                Path(rep.path).name,
                after={"rows": rep.total_rows, "written": written, "errors": len(rep.error_rows)},
            )
        rep.written, rep.committed = written, True
    except _Rollback:
        rep.written, rep.committed = 0, False


def open_and_map(kind_key: str, path: str | os.PathLike[str], rep: ImportReport):
    kind = kind_class(kind_key)()
    wb = Workbook(path)
    m = _map_headers(wb, kind, rep)
    return kind, wb, m


def run_import(
    db,
    actor: Actor,
    kind: str,
    path: str | os.PathLike[str],
    valid_only: bool = False,
    progress: ProgressCallback | None = None,
    *,
    dry_run: bool = False,
    keys: Mapping[str, str] | None = None,
    allow_unsigned: bool = False,
) -> ImportReport:
    """Import ``path`` as ``kind``; see the module docstring. Never raises for bad input:
    problems are in the returned report (``Cancelled`` from the progress callback and
    permission errors do raise). ``keys`` and ``allow_unsigned``: the audit workbook's
    signature check (:func:`.restore.verify_signature`)."""
    require(actor, "import.write")
    if kind == "audit-workbook":
        from .restore import restore_audit_workbook

        return restore_audit_workbook(
            db,
            actor,
            path,
            progress=progress,
            dry_run=dry_run,
            keys=keys,
            allow_unsigned=allow_unsigned,
        )
    rep = ImportReport(kind, str(path), dry_run=dry_run, valid_only=valid_only)
    wb = None
    try:
        k, wb, m = open_and_map(kind, path, rep)
        if m is None:
            return rep
        _validate(db, k, wb, m, rep, progress)
        if rep.total_rows == 0:
            rep.file_errors.append(FileError("no_rows", sheet=m.title))
            return rep
        # Even with errors found already, the valid rows go through the services in a
        # transaction that is rolled back: the errors only a service finds (a member's second
        # open loan, ...) are in this first report too, not only in a --valid-only run.
        _apply(db, actor, k, wb, m, rep, progress)
    except Cancelled:
        raise
    except KoperasiError as exc:
        rep.file_errors.append(exc)
    except SQLAlchemyError as exc:
        if disk_full(exc):
            rep.file_errors.append(FileError("disk_full"))
        else:
            rep.file_errors.append(
                FileError("import_failed", detail=str(exc).splitlines()[0][:200])
            )
    finally:
        if wb is not None:
            wb.close()
    return rep


def preview_import(
    db,
    kind: str,
    path: str | os.PathLike[str],
    actor: Actor | None = None,
    progress: ProgressCallback | None = None,
) -> ImportReport:
    """What an import would do, written nowhere: every row validated and applied inside a
    transaction that is rolled back (so business rules such as balances are checked too)."""
    from ..services.auth import SYSTEM

    return run_import(db, actor or SYSTEM, kind, path, progress=progress, dry_run=True)


# ---------------------------------------------------------------- templates and error reports


def write_template(kind: str, path: str | os.PathLike[str], lang: str = "id") -> Path:
    """An empty import workbook for ``kind``: the data sheet (headers + one example row)
    and a sheet of instructions (column, required, format, example)."""
    from .xlsxout import SheetOut, new_workbook, save_atomic

    k = kind_class(kind)()
    id_ = lang == "id"
    wb = new_workbook()
    headers = [f.label_id if id_ else f.label_en for f in k.fields]
    types = [
        "date" if f.type == "date" else "money" if f.type == "money" else "text" for f in k.fields
    ]
    data = SheetOut(wb, k.titles[0] if id_ else k.titles[1], headers, types, lang=lang)
    data.append([f.example if f.example != "" else None for f in k.fields])
    guide = SheetOut(
        wb,
        "Petunjuk" if id_ else "Instructions",
        ["kolom", "wajib", "format", "contoh", "nama lain"]
        if id_
        else ["column", "required", "format", "example", "other names"],
        ["text"] * 5,
        widths=[26, 8, 46, 22, 60],
        lang=lang,
    )
    fmt_names = {
        "text": ("teks", "text"),
        "nik": ("teks 16 digit", "16-digit text"),
        "date": (
            "tanggal (tanggal Excel, dd/mm/yyyy atau yyyy-mm-dd)",
            "date (Excel date, dd/mm/yyyy or yyyy-mm-dd)",
        ),
        "money": ("rupiah bulat (1250000 atau 1.250.000)", "whole rupiah (1250000 or 1.250.000)"),
        "int": ("bilangan bulat", "whole number"),
    }
    for f in k.fields:
        fmt = fmt_names.get(f.type, (f.type, f.type))[0 if id_ else 1]
        hint = f.hint_id if id_ else f.hint_en
        guide.append(
            [
                f.label_id if id_ else f.label_en,
                ("ya" if id_ else "yes") if f.required else ("tidak" if id_ else "no"),
                f"{fmt}; {hint}" if hint else fmt,
                f.example.strftime("%d/%m/%Y")
                if isinstance(f.example, dt.date)
                else (None if f.example in (None, "") else str(f.example)),
                ", ".join([f.key, f.label_en if id_ else f.label_id, *f.aliases]),
            ]
        )
    return save_atomic(wb, path)


def write_error_report(rep: ImportReport, path: str | os.PathLike[str], lang: str = "id") -> Path:
    """The rows that have errors, as in the file, with a ``kesalahan`` column in front."""
    from .xlsxout import SheetOut, new_workbook, save_atomic

    id_ = lang == "id"
    wb = new_workbook()
    first = ["baris" if id_ else "row", "kesalahan" if id_ else "errors"]
    if rep.file_errors or not rep.sheet:
        out = SheetOut(
            wb, "Kesalahan" if id_ else "Errors", first, ["int", "text"], widths=[8, 100], lang=lang
        )
        for e in rep.file_errors:
            out.append([None, e.message(lang)])
        for e in rep.errors:
            out.append([e.row, e.message(lang)])
        return save_atomic(wb, path)
    by_row = rep.errors_by_row()
    headers = rep.headers
    out = SheetOut(
        wb,
        "Kesalahan" if id_ else "Errors",
        first + headers,
        ["int", "text"] + ["text"] * len(headers),
        widths=[8, 70] + [18] * len(headers),
        lang=lang,
    )
    with Workbook(rep.path) as wb_in:
        for rowno, values, _f in wb_in.rows(rep.sheet, max_col=len(headers) or None):
            if rowno not in rep.error_rows:
                continue
            errs = by_row.get(rowno, [])
            text = "; ".join(
                (f"{e.column}: " if e.column else "") + e.error.message(lang) for e in errs
            )
            vals = [
                v if not isinstance(v, dt.datetime) or v.time() != dt.time(0) else v.date()
                for v in values
            ]
            out.append([rowno, text, *vals], error_columns=[1])
    return save_atomic(wb, path)


ProgressFn = Callable[[int, int, str], Any]

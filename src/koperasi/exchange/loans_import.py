"""Import of running loans (``koperasi import loans FILE.xlsx``): one row per loan that is
still running on the cut-over date, brought in from the cooperative's old spreadsheets.

Each row becomes an active loan with its schedule through
:func:`koperasi.services.loan_opening.open_loan_in`; the principal (and interest) already
repaid comes in as one opening repayment, so the principal outstanding is
``amount - principal repaid``. The ledger side goes against 3.99 Saldo Awal (Kliring), like
the opening balances - never against cash (see that module and docs/import-templates.md).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import LoanProduct
from ..domain.money import format_rupiah
from ..errors import ValidationError
from .import_kind import Field, Kind
from .import_members import _member_number_field
from .import_savings import OpeningBalancesKind, _members_by_number, member_problems
from .xlsxin import normalize

# service field -> column key of this file (so errors raised by the service name a column)
_SERVICE_FIELDS = {
    "amount": "principal",
    "product": "loan_product",
    "date": "disbursed",
}


class LoansKind(Kind):
    """Running loans on the cut-over date (see the module docstring)."""

    key = "loans"
    titles = ("Pinjaman", "Loans", "Data Pinjaman")
    fields = (
        _member_number_field(True),
        Field(
            "loan_product",
            "text",
            True,
            "Produk Pinjaman",
            "Loan product",
            (
                "kode produk pinjaman",
                "kode produk",
                "produk",
                "jenis pinjaman",
                "product",
                "product code",
                "loan product code",
            ),
            "UMUM",
            "kode produk pinjaman yang sudah ada",
            "code of an existing loan product",
        ),
        Field(
            "principal",
            "money",
            True,
            "Plafon",
            "Amount",
            (
                "pokok pinjaman",
                "jumlah pinjaman",
                "plafon pinjaman",
                "jumlah",
                "nominal",
                "amount",
                "loan amount",
                "principal",
            ),
            5_000_000,
            "pokok yang dicairkan, dalam batas produk",
            "principal disbursed, within the product's range",
        ),
        Field(
            "term",
            "int",
            True,
            "Jangka Waktu",
            "Term",
            ("jangka waktu angsuran", "jumlah angsuran", "tenor", "lama", "repayments"),
            12,
            "jumlah angsuran, dalam batas produk",
            "number of repayments, within the product's range",
        ),
        Field(
            "disbursed",
            "date",
            True,
            "Tanggal Pencairan",
            "Disbursement date",
            ("tgl pencairan", "tanggal cair", "tanggal realisasi", "disbursed on", "disbursed"),
            dt.date(2025, 3, 15),
            "dd/mm/yyyy",
            "dd/mm/yyyy",
        ),
        Field(
            "first_due",
            "date",
            False,
            "Jatuh Tempo Pertama",
            "First due date",
            ("angsuran pertama", "tanggal angsuran pertama", "first due", "first repayment"),
            None,
            "dd/mm/yyyy; kosong = satu periode setelah pencairan",
            "dd/mm/yyyy; empty = one period after disbursement",
        ),
        Field(
            "purpose",
            "text",
            True,
            "Tujuan Pinjaman",
            "Purpose",
            ("tujuan", "keperluan", "penggunaan", "loan purpose"),
            "Modal usaha warung",
        ),
        Field(
            "principal_repaid",
            "money",
            False,
            "Pokok Sudah Dibayar",
            "Principal repaid",
            ("pokok dibayar", "pokok terbayar", "angsuran pokok dibayar", "repaid principal"),
            2_500_000,
            "jumlah pokok yang sudah diangsur s.d. Per Tanggal (bukan sisa pokok); kosong = 0",
            "principal already repaid up to As of (not the outstanding); empty = 0",
        ),
        Field(
            "interest_paid",
            "money",
            False,
            "Bunga Sudah Dibayar",
            "Interest paid",
            ("bunga dibayar", "bunga terbayar", "jasa dibayar", "paid interest"),
            450_000,
            "kosong = 0",
            "empty = 0",
        ),
        Field(
            "as_of",
            "date",
            True,
            "Per Tanggal",
            "As of",
            ("tanggal saldo", "per tgl", "as of date", "cut over date"),
            dt.date(2025, 12, 31),
            "dd/mm/yyyy; tanggal mulai memakai aplikasi (sama dengan saldo awal)",
            "dd/mm/yyyy; the day the app takes over (same as the opening balances)",
        ),
        Field(
            "collateral",
            "money",
            False,
            "Nilai Agunan",
            "Collateral value",
            ("agunan", "jaminan", "nilai jaminan", "collateral"),
            None,
            "kosong = tanpa agunan",
            "empty = no collateral",
        ),
        Field(
            "guarantor",
            "text",
            False,
            "Penjamin",
            "Guarantor",
            ("nama penjamin", "guarantor name"),
            "",
        ),
    )

    def row_checks(self, data: dict[str, Any]) -> list[ValidationError]:
        errs: list[ValidationError] = []
        principal, term = data.get("principal"), data.get("term")
        if principal is not None and principal <= 0:
            errs.append(ValidationError("principal", "must_be_positive"))
        if term is not None and term <= 0:
            errs.append(ValidationError("term", "must_be_positive"))
        for key in ("principal_repaid", "interest_paid", "collateral"):
            if data.get(key) is None:
                data[key] = 0
            elif data[key] < 0:
                errs.append(ValidationError(key, "must_not_be_negative"))
        repaid = data["principal_repaid"]
        if principal is not None and principal > 0 and repaid > principal:
            errs.append(
                ValidationError(
                    "principal_repaid",
                    "more_than",
                    value=format_rupiah(repaid),
                    other=format_rupiah(principal),
                )
            )
        disbursed = data.get("disbursed")
        if disbursed is not None:
            first_due, as_of = data.get("first_due"), data.get("as_of")
            if first_due is not None and first_due <= disbursed:
                errs.append(
                    ValidationError("first_due", "date_before", other=disbursed.isoformat())
                )
            if as_of is not None and as_of < disbursed:
                errs.append(ValidationError("as_of", "date_before", other=disbursed.isoformat()))
        return errs

    def file_checks(self, rep, row, data, cols) -> None:  # type: ignore[no-untyped-def]
        key = (
            data["member_number"],
            normalize(data["loan_product"]),
            data["disbursed"],
            data["principal"],
        )
        value = (
            f"{data['member_number']} {data['loan_product']} "
            f"{data['disbursed']:%d/%m/%Y} {format_rupiah(data['principal'])}"
        )
        seen = self.seen.setdefault("loan", {})
        if key in seen:
            rep.add(
                row,
                cols.get("member_number", ""),
                ValidationError("loan", "duplicate_in_file", value=value, row=seen[key]),
            )
        else:
            seen[key] = row

    def db_checks(self, s: Session, batch):  # type: ignore[no-untyped-def]
        products = {normalize(p.code): p for p in s.scalars(select(LoanProduct))}
        members = _members_by_number(s, {d["member_number"] for _, d in batch})
        for r, d in batch:
            m = members.get(d["member_number"])
            for field, err in member_problems(
                m, d["member_number"], d["disbursed"], "disbursed", active_only=True
            ):
                yield r, field, err
            p = products.get(normalize(d["loan_product"]))
            if p is None:
                yield (
                    r,
                    "loan_product",
                    ValidationError(
                        "loan_product",
                        "unknown_ref",
                        what="Produk pinjaman",
                        value=d["loan_product"],
                    ),
                )
                continue
            if not p.active:
                yield r, "loan_product", ValidationError("loan_product", "inactive", value=p.code)
            if not p.min_amount <= d["principal"] <= p.max_amount:
                yield (
                    r,
                    "principal",
                    ValidationError(
                        "principal",
                        "out_of_range",
                        min=format_rupiah(p.min_amount),
                        max=format_rupiah(p.max_amount),
                        value=format_rupiah(d["principal"]),
                    ),
                )
            if not p.min_term <= d["term"] <= p.max_term:
                yield (
                    r,
                    "term",
                    ValidationError(
                        "term", "out_of_range", min=p.min_term, max=p.max_term, value=d["term"]
                    ),
                )
            if p.group_loan and m is not None and m.group_id is None:
                yield r, "member_number", ValidationError("group", "required")

    def prepare(self, s, actor) -> None:  # type: ignore[no-untyped-def]
        from ..services.loan_opening import ensure_clearing

        ensure_clearing(s)

    def apply(self, s, actor, data) -> int:  # type: ignore[no-untyped-def]
        from ..services.loan_opening import OpeningLoanInput, open_loan_in

        try:
            open_loan_in(
                s,
                actor,
                OpeningLoanInput(
                    member_no=data["member_number"],
                    product_code=data["loan_product"],
                    amount=data["principal"],
                    term=data["term"],
                    disbursed_on=data["disbursed"],
                    as_of=data["as_of"],
                    purpose=data["purpose"],
                    principal_repaid=data["principal_repaid"],
                    interest_paid=data["interest_paid"],
                    first_due=data.get("first_due"),
                    collateral=data["collateral"],
                    guarantor=data.get("guarantor") or "",
                ),
            )
        except ValidationError as exc:
            exc.field = _SERVICE_FIELDS.get(exc.field, exc.field)
            exc.params["field"] = exc.field
            raise
        return 1

    def finish(self, s, rep) -> None:  # type: ignore[no-untyped-def]
        # the same note as the opening balances: 3.99 nets to zero once every opening
        # balance (cash, savings, loans, ...) is in
        OpeningBalancesKind.finish(self, s, rep)  # type: ignore[arg-type]

"""Import of running loans (``koperasi import loans FILE.xlsx``): one row per loan that is
still running on the cut-over date, brought in from the cooperative's old spreadsheets.

Each row becomes an active loan with its schedule through
:func:`koperasi.services.loans.opening.open_loan_in`; the principal (and interest) already
repaid comes in as one opening repayment, so the principal outstanding is
``amount - principal repaid``. The ledger side goes against 3.99 Saldo Awal (Kliring), like
the opening balances - never against cash (see that module and docs/import-templates.md).

Collateral held for the loan (kind, description, value, document number) goes into the
collateral register (:mod:`koperasi.services.loans.collateral`) and a guarantor (a member, by
number) onto the loan's guarantors, in the row's own savepoint: a row that fails leaves
neither loan nor collateral nor guarantor behind.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from ..db.models import LoanProduct
from ..domain.money import format_rupiah
from ..domain.vocabulary import LoanStatus, MemberStatus
from ..errors import ValidationError
from ..services.loans.collateral import KIND_LABELS, KINDS
from .import_kind import Field, Kind
from .import_members import member_number_field
from .import_savings import OpeningBalancesKind, member_problems, members_by_number
from .xlsxin import normalize

# service field -> column key of this file (so errors raised by the service name a column)
_SERVICE_FIELDS = {
    "amount": "principal",
    "product": "loan_product",
    "date": "disbursed",
    "collateral_value": "collateral",
}

# what the collateral kind column accepts (normalized) -> the register's kind
_KIND_WORDS = {
    **{normalize(k): k for k in KINDS},
    **{normalize(label): k for k, pair in KIND_LABELS.items() for label in pair},
    "bpkb motor": "bpkb",
    "bpkb mobil": "bpkb",
    "shm": "sertifikat",
    "shgb": "sertifikat",
    "sertifikat tanah": "sertifikat",
    "sertipikat": "sertifikat",
    "certificate": "sertifikat",
    "gold": "emas",
    "simpanan berjangka": "deposito",
    "time deposit": "deposito",
    "lain lain": "lainnya",
    "lain": "lainnya",
    "other": "lainnya",
}
# the collateral columns: any of them filled means collateral is recorded, and then kind,
# description and value are all needed
_COLLATERAL_KEYS = (
    "collateral_kind",
    "collateral_description",
    "collateral",
    "collateral_document",
)


class LoansKind(Kind):
    """Running loans on the cut-over date (see the module docstring)."""

    key = "loans"
    titles = ("Pinjaman", "Loans", "Data Pinjaman")
    fields = (
        member_number_field(True),
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
            "collateral_kind",
            "text",
            False,
            "Jenis Jaminan",
            "Collateral kind",
            ("jenis agunan", "collateral type", "kind of collateral"),
            "bpkb",
            "bpkb, sertifikat, emas, deposito atau lainnya; kosong = tanpa jaminan",
            "bpkb, sertifikat, emas, deposito or lainnya (other); empty = no collateral",
        ),
        Field(
            "collateral_description",
            "text",
            False,
            "Uraian Jaminan",
            "Collateral description",
            ("uraian agunan", "keterangan jaminan", "deskripsi jaminan", "collateral details"),
            "BPKB Honda Beat 2021 KT 1234 AB",
            "wajib bila jaminan diisi",
            "required when there is collateral",
        ),
        Field(
            "collateral",
            "money",
            False,
            "Nilai Agunan",
            "Collateral value",
            ("agunan", "jaminan", "nilai jaminan", "collateral"),
            7_500_000,
            "nilai taksiran jaminan; wajib bila jaminan diisi",
            "the collateral's appraised value; required when there is collateral",
        ),
        Field(
            "collateral_document",
            "text",
            False,
            "No. Dokumen Jaminan",
            "Collateral document no.",
            (
                "nomor dokumen jaminan",
                "no dokumen agunan",
                "nomor bpkb",
                "nomor sertifikat",
                "collateral document number",
            ),
            "M-0012345",
            "nomor BPKB, sertifikat, bilyet ...; boleh kosong",
            "number of the title, certificate, deposit slip ...; may be empty",
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
        Field(
            "guarantor_number",
            "text",
            False,
            "No. Anggota Penjamin",
            "Guarantor member number",
            ("nomor anggota penjamin", "guarantor member no", "guarantor number"),
            None,
            "anggota aktif, bukan peminjamnya sendiri; kosong = tanpa penjamin anggota",
            "an active member other than the borrower; empty = no member guarantor",
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
        errs += self._collateral_checks(data)
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

    @staticmethod
    def _collateral_checks(data: dict[str, Any]) -> list[ValidationError]:
        """Collateral on the row: all of kind, description and value, or none of the
        collateral columns (``collateral`` is already 0 when empty)."""
        errs: list[ValidationError] = []
        raw_kind = data.get("collateral_kind")
        if raw_kind:
            kind = _KIND_WORDS.get(normalize(raw_kind))
            if kind is None:
                errs.append(
                    ValidationError(
                        "collateral_kind", "choice", choices=", ".join(KINDS), value=raw_kind
                    )
                )
            data["collateral_kind"] = kind
        if not any(data.get(k) for k in _COLLATERAL_KEYS) and not raw_kind:
            return errs
        if not raw_kind:
            errs.append(ValidationError("collateral_kind", "collateral_incomplete"))
        if not " ".join((data.get("collateral_description") or "").split()):
            errs.append(ValidationError("collateral_description", "collateral_incomplete"))
        if not data.get("collateral"):
            errs.append(ValidationError("collateral", "collateral_incomplete"))
        return errs

    def file_checks(self, rep, row, data, cols) -> None:
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

    def db_checks(self, s: Session, batch):
        products = {normalize(p.code): p for p in s.scalars(select(LoanProduct))}
        numbers = {d["member_number"] for _, d in batch}
        numbers |= {d["guarantor_number"] for _, d in batch if d.get("guarantor_number")}
        members = members_by_number(s, numbers)
        for r, d in batch:
            yield from self._guarantor_problems(r, d, members)
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

    @staticmethod
    def _guarantor_problems(r: int, d: dict[str, Any], members: dict):
        number = d.get("guarantor_number")
        if not number:
            return
        g = members.get(number)
        if g is None:
            yield (
                r,
                "guarantor_number",
                ValidationError(
                    "guarantor_number", "unknown_ref", what="Anggota penjamin", value=number
                ),
            )
        elif number == d["member_number"]:
            yield (
                r,
                "guarantor_number",
                ValidationError("guarantor_number", "guarantor_is_borrower", member=number),
            )
        elif g.status != MemberStatus.ACTIVE:
            yield (
                r,
                "guarantor_number",
                ValidationError(
                    "guarantor_number", "member_not_active", member=number, status=g.status
                ),
            )

    def prepare(self, s, actor) -> None:
        from ..services.ledger import ensure_clearing

        ensure_clearing(s)

    def apply(self, s, actor, data) -> int:
        from ..services.loans import collateral
        from ..services.loans.opening import OpeningLoanInput, open_loan_in

        try:
            loan = open_loan_in(
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
            if data.get("collateral_kind"):
                # into the register, received on the disbursement (a loan already paid off
                # by the cut-over: held until handed back with its letter)
                collateral.add_in(
                    s,
                    actor,
                    loan,
                    collateral.CollateralInput(
                        data["collateral_kind"],
                        data["collateral_description"],
                        data["collateral"],
                        data.get("collateral_document") or "",
                    ),
                    data["disbursed"],
                    historic=loan.status != LoanStatus.ACTIVE,
                )
            if data.get("guarantor_number"):
                try:
                    collateral.add_guarantor_in(s, actor, loan, data["guarantor_number"])
                except ValidationError as exc:
                    exc.field = "guarantor_number"
                    raise
        except ValidationError as exc:
            exc.field = _SERVICE_FIELDS.get(exc.field, exc.field)
            exc.params["field"] = exc.field
            raise
        return 1

    def finish(self, s, rep) -> None:
        # the same note as the opening balances: 3.99 nets to zero once every opening
        # balance (cash, savings, loans, ...) is in
        OpeningBalancesKind.finish(self, s, rep)  # type: ignore[arg-type]

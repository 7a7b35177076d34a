"""Reading one cooperative's audit workbook for the consolidation: its Info sheet, its signature,
and the figures the report compares (:class:`Cooperative`)."""

from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections import Counter, defaultdict
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from .. import signing
from ..domain import accounts
from ..domain.money import format_rupiah
from ..domain.vocabulary import MemberStatus
from ..errors import KoperasiError
from .calamine_book import (
    EMPTY_SHA256,
    FastBook,
    calamine_value,
    canonical_text,
    column_values,
    open_book,
    trimmed,
)
from .canonical import SheetHasher
from .sheets import INFO_TITLE, SHEETS
from .spec import FORMAT_NAME, FORMAT_VERSION, Sheet
from .xlsxin import FileError, Workbook

MAX_PROBLEMS = 10  # per cooperative


@dataclass(frozen=True)
class Problem:
    id: str
    en: str
    #: ``unsigned``, ``unknown_key``, ``signature_invalid``, ``duplicate`` or ``check``
    code: str = "check"

    def get(self, lang: str) -> str:
        return self.en if lang == "en" else self.id


@dataclass
class Cooperative:
    path: str
    name: str = ""
    period_from: str = ""
    period_to: str = ""
    as_of: dt.date | None = None
    legal_number: str = ""
    key_fingerprint: str = ""  # of the key that signed it ("" when unsigned)
    signed: bool = False  # signed by the registered key of its cooperative
    file_sha256: str = ""
    problems_: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)
    members: int = 0
    women: int = 0
    men: int = 0
    by_category: Counter = field(default_factory=Counter)  # code -> active members
    women_by_category: Counter = field(default_factory=Counter)
    category_names: dict[str, tuple[str, str]] = field(default_factory=dict)
    savers: int = 0
    savings_by_kind: Counter = field(default_factory=Counter)
    loans_active: int = 0
    borrowers: int = 0
    outstanding: int = 0
    at_risk_30: int = 0
    at_risk_90: int = 0
    disbursed_in_period: int = 0

    @property
    def label(self) -> str:
        return self.name or Path(self.path).name

    @property
    def ok(self) -> bool:
        return not self.problems_

    def problem(self, id_: str, en: str, code: str = "check") -> None:
        if len(self.problems_) < MAX_PROBLEMS:
            self.problems_.append(Problem(id_, en, code))
        elif len(self.problems_) == MAX_PROBLEMS:
            self.problems_.append(Problem("... (masalah lain tidak ditampilkan)", "... (more)"))

    def problems(self, lang: str = "id") -> list[str]:
        return [p.get(lang) for p in self.problems_]

    @property
    def status(self) -> str:
        """``ok`` or the code of the first problem (why the file was refused)."""
        return self.problems_[0].code if self.problems_ else "ok"

    @property
    def savings(self) -> int:
        return sum(self.savings_by_kind.values())

    def par(self, days: int) -> Decimal:
        risk = self.at_risk_30 if days == 30 else self.at_risk_90
        if not self.outstanding:
            return Decimal(0)
        return (Decimal(risk) * 100 / Decimal(self.outstanding)).quantize(Decimal("0.01"))


def _int(v: Any) -> int:
    if v.__class__ is int:  # the common case first: a whole number read as one
        return v
    if v is None or v == "":
        return 0
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, int):
        return v
    if isinstance(v, float) and v.is_integer():
        return int(v)
    raise ValueError(v)


def _date(v: Any) -> dt.date | None:
    if isinstance(v, dt.datetime):
        return v.date()
    if isinstance(v, dt.date):
        return v
    return None


class _Reader:
    """Streams one workbook, computing hashes, checks and figures in one pass."""

    def __init__(self, coop: Cooperative) -> None:
        self.c = coop
        self.entry: Any = None
        self.entry_d = self.entry_c = 0
        self.unbalanced: list[int] = []
        self.journal_by_account: dict[str, list[int]] = defaultdict(lambda: [0, 0])
        self.tb: dict[str, dict[str, int]] = {}
        self.savings_by_account: Counter = Counter()
        self.loans: dict[int, list] = {}  # loan_id -> [outstanding, version, member_id]
        self.installments: dict[int, tuple[int, dt.date, int]] = {}  # id -> loan, due, amount
        self.tx_dates: dict[int, dt.date] = {}
        self.paid: Counter = Counter()
        self.saver_ids: set[int] = set()

    # -- sheet handlers: row is {column: raw value}
    def members(self, r: dict[str, Any]) -> None:
        if r.get("status") != MemberStatus.ACTIVE:
            return
        c = self.c
        c.members += 1
        female = r.get("gender") == "P"
        if female:
            c.women += 1
        elif r.get("gender") == "L":
            c.men += 1
        for code in str(r.get("vulnerability_codes") or "").split(";"):
            if code:
                c.by_category[code] += 1
                if female:
                    c.women_by_category[code] += 1

    def categories(self, r: dict[str, Any]) -> None:
        code = str(r.get("category_code") or "")
        self.c.category_names[code] = (str(r.get("name_id") or code), str(r.get("name_en") or code))

    def savings_accounts(self, r: dict[str, Any]) -> None:
        bal = _int(r.get("closing_balance"))
        self.c.savings_by_kind[str(r.get("product_kind") or "")] += bal
        self.savings_by_account[str(r.get("ledger_account_code") or "")] += bal
        if bal > 0 and r.get("member_id") is not None:
            self.saver_ids.add(_int(r.get("member_id")))

    def time_deposits(self, r: dict[str, Any]) -> None:
        bal = _int(r.get("principal_at_end"))
        self.c.savings_by_kind["berjangka"] += bal
        self.savings_by_account[accounts.TERM_DEPOSITS] += bal
        if bal > 0 and r.get("member_id") is not None:
            self.saver_ids.add(_int(r.get("member_id")))

    def loans_(self, r: dict[str, Any]) -> None:
        out = _int(r.get("principal_outstanding_at_end"))
        self.loans[_int(r.get("loan_id"))] = [
            out,
            _int(r.get("schedule_version")),
            r.get("member_id"),
        ]
        disbursed = _date(r.get("disbursed_on"))
        start = _date_text(self.c.period_from)
        if (
            disbursed
            and (start is None or disbursed >= start)
            and (self.c.as_of is None or disbursed <= self.c.as_of)
        ):
            self.c.disbursed_in_period += _int(r.get("amount"))

    def installments_(self, r: dict[str, Any]) -> None:
        loan = self.loans.get(_int(r.get("loan_id")))
        due = _date(r.get("due_date"))
        if loan is None or due is None or r.get("superseded_on") is not None:
            return
        if _int(r.get("version")) != loan[1] or (self.c.as_of and due >= self.c.as_of):
            return
        amount = _int(r.get("principal")) + _int(r.get("interest")) + _int(r.get("fee"))
        self.installments[_int(r.get("installment_id"))] = (_int(r.get("loan_id")), due, amount)

    def loan_transactions(self, r: dict[str, Any]) -> None:
        d = _date(r.get("date"))
        if d is not None:
            self.tx_dates[_int(r.get("loan_tx_id"))] = d

    def allocations(self, r: dict[str, Any]) -> None:
        inst = _int(r.get("installment_id"))
        if inst not in self.installments or r.get("component") == "penalty":
            return
        d = self.tx_dates.get(_int(r.get("loan_tx_id")))
        if d is not None and self.c.as_of is not None and d > self.c.as_of:
            return
        self.paid[inst] += _int(r.get("amount"))

    def journal(self, r: dict[str, Any]) -> None:
        eid = r.get("entry_id")
        if eid != self.entry:
            self._close_entry()
            self.entry, self.entry_d, self.entry_c = eid, 0, 0
        d, c = _int(r.get("debit")), _int(r.get("credit"))
        self.entry_d += d
        self.entry_c += c
        acc = self.journal_by_account[str(r.get("account_code") or "")]
        acc[0] += d
        acc[1] += c

    def _close_entry(self) -> None:
        if self.entry is not None and self.entry_d != self.entry_c:
            self.unbalanced.append(self.entry)

    def trial_balance(self, r: dict[str, Any]) -> None:
        self.tb[str(r.get("account_code") or "")] = {
            k: _int(r.get(k))
            for k in ("period_debit", "period_credit", "closing_debit", "closing_credit")
        }

    HANDLERS = {
        "members": members,
        "categories": categories,
        "savings_accounts": savings_accounts,
        "time_deposits": time_deposits,
        "loans": loans_,
        "installments": installments_,
        "loan_transactions": loan_transactions,
        "loan_allocations": allocations,
        "journal": journal,
        "trial_balance": trial_balance,
    }

    # -- after all sheets
    def finish(self) -> None:
        c = self.c
        self._close_entry()
        for eid in self.unbalanced[:3]:
            c.problem(f"Jurnal #{eid} tidak seimbang", f"Journal entry #{eid} does not balance")
        if len(self.unbalanced) > 3:
            n = len(self.unbalanced)
            c.problem(f"{n} jurnal tidak seimbang", f"{n} journal entries do not balance")
        td = sum(v["closing_debit"] for v in self.tb.values())
        tc = sum(v["closing_credit"] for v in self.tb.values())
        if td != tc:
            c.problem(
                f"Neraca saldo tidak seimbang: debit {format_rupiah(td)}, kredit {format_rupiah(tc)}",
                f"Trial balance does not balance: debit {format_rupiah(td)}, credit {format_rupiah(tc)}",
            )
        for code in sorted(set(self.tb) | set(self.journal_by_account)):
            jd, jc = self.journal_by_account.get(code, (0, 0))
            t = self.tb.get(code)
            if t is None or (t["period_debit"], t["period_credit"]) != (jd, jc):
                c.problem(
                    f"Akun {code}: mutasi di Neraca Saldo berbeda dengan Jurnal",
                    f"Account {code}: movements in Neraca Saldo differ from Jurnal",
                )
        for code, total in sorted(self.savings_by_account.items()):
            t = self.tb.get(code, {"closing_debit": 0, "closing_credit": 0})
            gl = t["closing_credit"] - t["closing_debit"]
            if gl != total:
                c.problem(
                    f"Akun {code}: buku besar {format_rupiah(gl)} ≠ jumlah rekening simpanan "
                    f"{format_rupiah(total)}",
                    f"Account {code}: ledger {format_rupiah(gl)} ≠ savings accounts total "
                    f"{format_rupiah(total)}",
                )
        c.savers = len(self.saver_ids)
        outstanding = sum(v[0] for v in self.loans.values())
        t = self.tb.get(accounts.LOANS, {"closing_debit": 0, "closing_credit": 0})
        gl = t["closing_debit"] - t["closing_credit"]
        if gl != outstanding:
            c.problem(
                f"Akun 1.20: buku besar {format_rupiah(gl)} ≠ sisa pokok pinjaman "
                f"{format_rupiah(outstanding)}",
                f"Account 1.20: ledger {format_rupiah(gl)} ≠ loans' principal outstanding "
                f"{format_rupiah(outstanding)}",
            )
        # loan portfolio and PAR at the end of the period
        oldest: dict[int, dt.date] = {}
        for inst, (loan_id, due, amount) in self.installments.items():
            if self.paid.get(inst, 0) < amount and (loan_id not in oldest or due < oldest[loan_id]):
                oldest[loan_id] = due
        borrowers = set()
        for loan_id, (out, _v, member) in self.loans.items():
            if out <= 0:
                continue
            c.loans_active += 1
            c.outstanding += out
            borrowers.add(member)
            first_due = oldest.get(loan_id)
            if first_due is not None and c.as_of is not None:
                days = (c.as_of - first_due).days
                if days > 30:
                    c.at_risk_30 += out
                if days > 90:
                    c.at_risk_90 += out
        c.borrowers = len(borrowers)


def _date_text(text: str) -> dt.date | None:
    try:
        return dt.date.fromisoformat(text) if text else None
    except ValueError:
        return None


def read_info_sheet(wb: Workbook | FastBook) -> tuple[dict[str, str], str, list[str]]:
    """The Info sheet as ``{key: value}``, its SHA-256 over every row but the signature
    row(s) (what the signature signs) and the signature(s) found."""
    info: dict[str, str] = {}
    h = SheetHasher()
    signatures: list[str] = []
    if INFO_TITLE not in wb.sheet_names:
        raise FileError("workbook_not_audit", path=wb.path.name)
    for n, row in enumerate(wb.iter_values(INFO_TITLE, min_row=1, max_col=2)):
        row = tuple(row) + (None, None)
        if n > 0 and row[0] == "signature":
            signatures.append("" if row[1] is None else str(row[1]))
            continue
        h.add(row[:2])
        if n > 0 and row[0] is not None:
            info[str(row[0])] = "" if row[1] is None else str(row[1])
    if info.get("format") != FORMAT_NAME:
        raise FileError("workbook_not_audit", path=wb.path.name)
    return info, h.hexdigest(), signatures


def _check_signature(
    coop: Cooperative,
    info: dict[str, str],
    digest: str,
    signatures: list[str],
    keys: Mapping[str, str],
    allow_unsigned: bool,
) -> None:
    legal = coop.legal_number
    embedded = info.get("signature_public_key", "")
    coop.key_fingerprint = signing.fingerprint(embedded) if embedded else ""
    if not signatures:
        if allow_unsigned:
            coop.warnings.append(
                Problem(
                    "Tidak ditandatangani: dihitung hanya karena --allow-unsigned, keasliannya "
                    "tidak terjamin",
                    "Unsigned: counted only because of --allow-unsigned, it may not be genuine",
                    "unsigned",
                )
            )
        else:
            coop.problem(
                "Tidak ditandatangani: buku kerja tanpa tanda tangan koperasi (ekspor ulang "
                "dengan aplikasi versi ini)",
                "Unsigned: the workbook carries no signature of the cooperative (export it "
                "again with this version of the app)",
                "unsigned",
            )
        return
    registered = keys.get(legal) if legal else None
    if registered is None:
        coop.problem(
            f"Kunci tidak dikenal: nomor badan hukum '{legal}' tidak ada di daftar kunci "
            f"publik (kunci {coop.key_fingerprint})",
            f"Unknown key: legal number '{legal}' is not in the register of public keys "
            f"(key {coop.key_fingerprint})",
            "unknown_key",
        )
        return
    message = signing.signed_message(digest)
    if len(signatures) == 1 and signing.verify(registered, signatures[0], message):
        coop.signed = True
        coop.key_fingerprint = signing.fingerprint(registered)
        return
    if embedded and embedded != registered and signing.verify(embedded, signatures[0], message):
        coop.problem(
            f"Kunci tidak dikenal: ditandatangani dengan kunci {coop.key_fingerprint}, "
            f"bukan kunci terdaftar '{legal}' ({signing.fingerprint(registered)})",
            f"Unknown key: signed with key {coop.key_fingerprint}, not the key registered "
            f"for '{legal}' ({signing.fingerprint(registered)})",
            "unknown_key",
        )
        return
    coop.problem(
        "Tanda tangan tidak sah: buku kerja diubah setelah ekspor",
        "Signature invalid: the workbook was changed after it was exported",
        "signature_invalid",
    )


def _file_sha256(path: str | os.PathLike[str]) -> str:
    h = hashlib.sha256()
    try:
        with open(path, "rb") as f:
            for chunk in iter(lambda: f.read(1 << 20), b""):
                h.update(chunk)
    except OSError:
        return ""
    return h.hexdigest()


def read_cooperative(
    path: str | os.PathLike[str],
    keys: Mapping[str, str] | None = None,
    *,
    allow_unsigned: bool = False,
) -> Cooperative:
    """Read and check one workbook. ``keys`` (legal number -> public key) checks its
    signature; ``None`` skips that check (figures only, not for a programme report)."""
    coop = Cooperative(str(path))
    coop.file_sha256 = _file_sha256(path)
    try:
        with open_book(path) as wb:
            info, digest, signatures = read_info_sheet(wb)
            coop.name = info.get("cooperative_name", "")
            coop.legal_number = info.get("cooperative_legal_number", "").strip()
            coop.period_from, coop.period_to = (
                info.get("period_from", ""),
                info.get("period_to", ""),
            )
            if info.get("format_version") != str(FORMAT_VERSION):
                coop.problem(
                    f"Versi buku kerja {info.get('format_version')} tidak dikenal",
                    f"Unknown workbook version {info.get('format_version')}",
                )
                return coop
            if keys is not None:
                _check_signature(coop, info, digest, signatures, keys, allow_unsigned)
            generated = (info.get("generated_at") or "")[:10]
            coop.as_of = _date_text(coop.period_to) or _date_text(generated) or dt.date.today()
            reader = _Reader(coop)
            present = set(wb.sheet_names)
            for sh in SHEETS:
                if sh.title not in present:
                    if not sh.optional or f"sha256:{sh.title}" in info:
                        coop.problem(
                            f"Lembar '{sh.title}' tidak ada", f"Sheet '{sh.title}' is missing"
                        )
                    continue
                _scan(wb, sh, info, reader)
            reader.finish()
    except KoperasiError as exc:
        coop.problem(exc.message("id"), exc.message("en"))
    return coop


def _scan(wb: Workbook | FastBook, sh: Sheet, info: dict[str, str], reader: _Reader) -> None:
    if isinstance(wb, FastBook):
        digest = _scan_fast(wb, sh, reader)
    else:
        digest = _scan_rows(wb.iter_values(sh.title, min_row=1), sh, reader)
    if info.get(f"sha256:{sh.title}") != digest:
        reader.c.problem(
            f"Lembar '{sh.title}': SHA-256 tidak cocok (diubah setelah ekspor)",
            f"Sheet '{sh.title}': SHA-256 does not match (changed after export)",
        )


def _missing_columns(sh: Sheet, reader: _Reader, index: Mapping[str, int]) -> bool:
    missing = [c for c in sh.headers if c not in index]
    if missing:
        reader.c.problem(
            f"Lembar '{sh.title}': kolom tidak ada: {', '.join(missing)}",
            f"Sheet '{sh.title}': missing columns: {', '.join(missing)}",
        )
    return bool(missing)


def _bad_rows(sh: Sheet, reader: _Reader, bad_rows: int) -> None:
    if bad_rows:
        reader.c.problem(
            f"Lembar '{sh.title}': {bad_rows} baris dengan nilai yang salah jenis",
            f"Sheet '{sh.title}': {bad_rows} rows with values of the wrong type",
        )


def _scan_rows(rows: Iterable[Sequence[Any]], sh: Sheet, reader: _Reader) -> str:
    """One sheet, row by row (openpyxl's values): the figures, and the SHA-256 of its
    canonical form, cell by cell (:class:`.canonical.SheetHasher`, the reference)."""
    handler = reader.HANDLERS.get(sh.key)
    h = SheetHasher()
    index: dict[str, int] | None = None
    bad_rows = 0
    for row in rows:
        h.add(row)
        if not any(v is not None for v in row):
            continue
        if index is None:
            index = {str(v): i for i, v in enumerate(row) if v is not None}
            if _missing_columns(sh, reader, index):
                handler = None
            continue
        if handler is not None:
            r = {k: (row[i] if i < len(row) else None) for k, i in index.items()}
            try:
                handler(reader, r)
            except (ValueError, TypeError):
                bad_rows += 1
    _bad_rows(sh, reader, bad_rows)
    return h.hexdigest()


def _scan_fast(wb: FastBook, sh: Sheet, reader: _Reader) -> str:
    """The same as :func:`_scan_rows` for a sheet read by python-calamine, column by column:
    the cells become openpyxl's values (and the canonical form's) a whole column at a time
    where the column holds one type, the sheet's canonical lines are serialised by one call
    of the JSON encoder and hashed at once. Every cell is still read and hashed."""
    handler = reader.HANDLERS.get(sh.key)
    rows = wb.rows(sh.title)
    # the header: the first row with a value (rows before it are empty: not hashed)
    start = next((n for n, row in enumerate(rows) if row.count("") < len(row)), len(rows))
    if start == len(rows):
        return EMPTY_SHA256
    head = [calamine_value(v) for v in rows[start]]
    index = {str(v): i for i, v in enumerate(head) if v is not None}
    if _missing_columns(sh, reader, index):
        handler = None
    values, canonical = column_values(rows[start + 1 :], handler is not None)
    lines: list[Sequence[Any]] = [trimmed(head)]
    keys = ["" if v is None else str(v) for v in head]  # "": a column without a name
    bad_rows = 0
    for value_row, row in zip(values, canonical, strict=True):
        line: Sequence[Any] = row
        if row[-1] is None:
            line = trimmed(row)
            if not line:
                continue
        lines.append(line)
        if handler is not None:
            try:
                handler(reader, dict(zip(keys, value_row, strict=True)))
            except (ValueError, TypeError):
                bad_rows += 1
    _bad_rows(sh, reader, bad_rows)
    return hashlib.sha256(canonical_text(lines)).hexdigest()

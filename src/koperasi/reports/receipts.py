"""Receipts: the right paper for each kind of transaction.

One receipt number may cover several journal entries (a member's wajib, sukarela and
installment at a group meeting). What the paper says follows from the money:

- cash came in from a member: a deposit (``Bukti Setoran Simpanan``), an installment
  (``Kuitansi Angsuran Pinjaman``) or both; the member signs as the one who paid;
- cash went out to a member: a withdrawal (``Bukti Penarikan Simpanan``); the member signs
  as the one who received;
- a loan paid out in cash (``Bukti Pencairan Pinjaman``: principal, fees withheld, net paid)
  or into the member's voluntary savings (``Nota Pencairan Pinjaman``: no cash changes
  hands, the net is credited to sukarela);
- the cooperative's own income (``Bukti Kas Masuk``, received from the payer) and expenses
  (``Bukti Kas Keluar``, paid to the payee). The payer or payee of a manual entry is the
  memo of its cash or bank line;
- anything without cash (a repayment from savings, SHU into savings) is a note
  (``Nota Pemindahbukuan``), never "received from".

The detail lines always add up to the amount printed in figures and in words.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from ..domain.fmt import terbilang
from ..domain.money import format_rupiah
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.reads.receipts import (
    REPAYMENT_KINDS,
    ReceiptFacts,
    ReceiptLoanTx,
    ReceiptSavingsTx,
    latest_receipt,
    receipt_facts,
)
from ..services.settings import Profile, profile_in
from ..services.uow import read_only
from .common import ReportParams, label, long, organisation
from .model import Column, Figure, Kind, Period, ReportData, Row, Section, Signature, T, Table

CASHIER = T("Bendahara / Kasir", "Treasurer / Cashier")
RECEIVED_FROM = T("Telah terima dari", "Received from")
PAID_TO = T("Dibayarkan kepada", "Paid to")
MEMBER = T("Anggota", "Member")
NO_CASH = T(
    "Nota ini bukan tanda terima uang: tidak ada uang tunai yang diterima atau dibayarkan.",
    "This note is not a cash receipt: no cash was received or paid out.",
)
TO_FILL = "................................"
NUMBER = T("Nomor bukti", "Number")
DATE = T("Tanggal", "Date")
PURPOSE = T("Untuk pembayaran", "Being")
DESCRIPTION = T("Keterangan", "Description")
WORDS = T("Terbilang", "In words")


@dataclass(frozen=True)
class ReceiptPaper:
    """What a receipt says, for the PDF and for the receipt window alike."""

    receipt: str
    date: dt.date
    kind: str  # deposit | withdrawal | repayment | member_payment | disbursement_cash |
    #            disbursement_savings | income | expense | transfer | memorial | reversal
    title: T
    party_label: T | None
    party: str
    purpose: T | str
    amount: int
    lines: tuple[tuple[T | str, str, int], ...]  # (what, reference, amount): sum = amount
    total_label: T
    notes: tuple[T, ...]
    signatures: tuple[Signature, ...]
    extra: tuple[tuple[T, int], ...] = ()  # e.g. principal outstanding after a repayment

    @property
    def cash(self) -> bool:
        return self.kind not in ("disbursement_savings", "transfer", "memorial")

    def words(self) -> T:
        return T(
            f"Terbilang: {terbilang(self.amount, 'id')}",
            f"In words: {terbilang(self.amount, 'en')}",
        )


def read_paper(s: Session, receipt: str) -> ReceiptPaper:
    """The paper of ``receipt``, read in the session ``s``."""
    return paper_of(receipt_facts(s, receipt), profile_in(s))


def paper_of(f: ReceiptFacts, prof: Profile) -> ReceiptPaper:
    """What the receipt ``f`` says (pure: the facts in, the paper out)."""
    receipt = f.receipt
    cash = f.cash_codes
    lines = [
        (ln.code, ln.name, ln.name_en, ln.debit, ln.credit, ln.member_id, ln.memo) for ln in f.lines
    ]
    net = sum(int(d) - int(c) for code, _n, _e, d, c, _m, _memo in lines if code in cash)
    member = f.member
    who = f"{member[0]} – {member[1]}" if member else ""
    loan_txs = f.loan_txs
    sav_txs = f.savings_txs
    loan_numbers = f.loan_numbers
    cashier = Signature(CASHIER, prof.treasurer)
    reversal = f.reversal
    purpose = "; ".join(dict.fromkeys(f.descriptions))

    def account_lines(sign: int) -> tuple[tuple[T | str, str, int], ...]:
        """Non-cash lines, as (account, memo, amount) with credit - debit times ``sign``."""
        out = []
        for code, name, name_en, d, c, _m, memo in lines:
            if code in cash:
                continue
            value = (int(c) - int(d)) * sign
            out.append((T(name, name_en or name), memo or "", value))
        return tuple(out)

    def paper(**kw: Any) -> ReceiptPaper:
        kw.setdefault("purpose", purpose)
        kw.setdefault("notes", ())
        return ReceiptPaper(receipt=receipt, date=f.date, **kw)

    # ---- a loan paid out
    disb = next((t for t in loan_txs if t.kind == "pencairan" and t.reverses_id is None), None)
    if disb is not None and not reversal:
        loan = f.disbursed
        assert loan is not None
        who = f"{loan.borrower_number} – {loan.borrower_name}"
        what = T(f"Pokok pinjaman {loan.number}", f"Loan principal {loan.number}")
        if disb.source == "sukarela":
            credited = sum(int(t.amount) for t in sav_txs if t.kind == "pencairan")
            withheld = loan.amount - credited
            rows: list[tuple[T | str, str, int]] = [(what, loan.purpose, loan.amount)]
            if withheld:
                rows.append(
                    (
                        T("Dikurangi biaya provisi/administrasi", "Less fees withheld"),
                        "",
                        -withheld,
                    )
                )
            notes = [
                NO_CASH,
                T(
                    "Pinjaman dicairkan ke simpanan sukarela anggota; saldo sukarela bertambah "
                    f"{format_rupiah(credited)}.",
                    "The loan was paid into the member's voluntary savings; their balance "
                    f"grows by {format_rupiah(credited)}.",
                ),
            ]
            if net > 0:
                notes.append(
                    T(
                        f"Biaya {format_rupiah(net)} dibayar tunai (kuitansi ini).",
                        f"Fees of {format_rupiah(net)} paid in cash (this receipt).",
                    )
                )
            return paper(
                kind="disbursement_savings",
                title=T("Nota Pencairan Pinjaman ke Simpanan", "Loan Disbursement Note"),
                party_label=T("Anggota (peminjam)", "Member (borrower)"),
                party=who,
                purpose=T(
                    f"Pencairan pinjaman {loan.number} ke simpanan sukarela",
                    f"Loan {loan.number} paid into voluntary savings",
                ),
                amount=credited,
                lines=tuple(rows),
                total_label=T("Dikreditkan ke simpanan sukarela", "Credited to voluntary savings"),
                notes=tuple(notes),
                signatures=(
                    Signature(T("Anggota (peminjam)", "Borrower"), loan.borrower_name),
                    cashier,
                ),
            )
        paid = -net
        rows = [(what, loan.purpose, loan.amount)]
        if loan.amount != paid:
            rows.append(
                (T("Dikurangi biaya provisi/administrasi", "Less fees"), "", paid - loan.amount)
            )
        return paper(
            kind="disbursement_cash",
            title=T("Bukti Pencairan Pinjaman", "Loan Disbursement Voucher"),
            party_label=PAID_TO,
            party=who,
            purpose=T(f"Pencairan pinjaman {loan.number}", f"Loan {loan.number} paid out"),
            amount=paid,
            lines=tuple(rows),
            total_label=T("Dibayarkan tunai", "Paid in cash"),
            signatures=(
                Signature(T("Penerima", "Received by"), loan.borrower_name),
                cashier,
                Signature(T("Mengetahui, Ketua", "Approved, Chair"), prof.chair),
            ),
        )

    # ---- the cooperative's own income and expenses
    if not loan_txs and not sav_txs and member is None:
        payees = [m for code, *_x, memo in lines if code in cash and (m := (memo or "").strip())]
        party = " / ".join(dict.fromkeys(payees)) or TO_FILL
        if net > 0:
            return paper(
                kind="income",
                title=T("Bukti Kas Masuk", "Cash Receipt Voucher"),
                party_label=RECEIVED_FROM,
                party=party,
                amount=net,
                lines=account_lines(1),
                total_label=T("Jumlah diterima", "Total received"),
                signatures=(Signature(T("Penyetor", "Paid by"), party.strip(".")), cashier),
            )
        if net < 0:
            return paper(
                kind="expense",
                title=T("Bukti Kas Keluar", "Cash Payment Voucher"),
                party_label=PAID_TO,
                party=party,
                amount=-net,
                lines=account_lines(-1),
                total_label=T("Jumlah dibayarkan", "Total paid"),
                signatures=(
                    Signature(T("Penerima", "Received by"), party.strip(".")),
                    cashier,
                    Signature(T("Mengetahui, Ketua", "Approved, Chair"), prof.chair),
                ),
            )
        debits = sum(int(d) for *_x, d, _c, _m, _memo in lines)
        return paper(
            kind="memorial",
            title=T("Bukti Memorial", "Journal Voucher"),
            party_label=None,
            party="",
            amount=debits,
            lines=tuple(
                (T(n, ne or n), memo or "", int(d)) for _c, n, ne, d, _cr, _m, memo in lines if d
            ),
            total_label=T("Jumlah", "Total"),
            notes=(NO_CASH,),
            signatures=(cashier, Signature(T("Mengetahui, Ketua", "Approved, Chair"), prof.chair)),
        )

    # ---- a member's money: deposits, installments, withdrawals
    name = member[1] if member else ""
    kinds = {t.kind for t in loan_txs} | {f"s:{t.kind}" for t in sav_txs}
    extra: tuple[tuple[T, int], ...] = ()
    repayments = [t for t in loan_txs if t.kind in REPAYMENT_KINDS]
    if f.outstanding_after is not None:
        extra = (
            (
                T("Sisa pokok pinjaman setelah transaksi", "Principal outstanding after"),
                f.outstanding_after,
            ),
        )
    if reversal:
        title = T("Bukti Pembalikan Transaksi", "Reversal Voucher")
    elif net == 0:
        title = T("Nota Pemindahbukuan", "Transfer Note")
    elif net > 0 and kinds and all(k.startswith("s:") for k in kinds):
        title = T("Bukti Setoran Simpanan", "Savings Deposit Receipt")
    elif net > 0 and kinds == {"pelunasan"}:
        title = T("Kuitansi Pelunasan Pinjaman", "Loan Payoff Receipt")
    elif net > 0 and kinds and kinds <= {"angsuran", "pelunasan", "pemulihan"}:
        title = T("Kuitansi Angsuran Pinjaman", "Loan Repayment Receipt")
    elif net > 0:
        title = T("Kuitansi Setoran Anggota", "Member Payment Receipt")
    elif kinds == {"s:tarik"}:
        title = T("Bukti Penarikan Simpanan", "Savings Withdrawal Voucher")
    elif kinds and all(k.startswith("s:") for k in kinds):
        title = T("Bukti Pengembalian Simpanan", "Savings Payout Voucher")
    else:
        title = T("Bukti Pembayaran kepada Anggota", "Payment to Member")
    if net > 0:
        return paper(
            kind="reversal" if reversal else ("repayment" if repayments else "deposit"),
            title=title,
            party_label=RECEIVED_FROM,
            party=who,
            amount=net,
            lines=_member_lines(account_lines(1), sav_txs, loan_txs, loan_numbers),
            total_label=T("Jumlah diterima", "Total received"),
            signatures=(Signature(T("Penyetor", "Paid by"), name), cashier),
            extra=extra,
        )
    if net < 0:
        return paper(
            kind="reversal" if reversal else "withdrawal",
            title=title,
            party_label=PAID_TO,
            party=who,
            amount=-net,
            lines=_member_lines(account_lines(-1), sav_txs, loan_txs, loan_numbers),
            total_label=T("Jumlah dibayarkan", "Total paid"),
            signatures=(Signature(T("Penerima", "Received by"), name), cashier),
            extra=extra,
        )
    credits = tuple(
        (T(n, ne or n), memo or "", int(c)) for _c, n, ne, _d, c, _m, memo in lines if c
    )
    sources = ", ".join(
        dict.fromkeys(
            f"{n} {format_rupiah(int(d))}" for _c, n, _ne, d, _cr, _m, _memo in lines if d
        )
    )
    return paper(
        kind="reversal" if reversal else "transfer",
        title=title,
        party_label=MEMBER,
        party=who,
        amount=sum(v for *_x, v in credits),
        lines=credits,
        total_label=T("Jumlah dipindahbukukan", "Total transferred"),
        notes=(NO_CASH, T(f"Dibebankan pada: {sources}.", f"Charged to: {sources}.")),
        signatures=(Signature(MEMBER, name), cashier),
        extra=extra,
    )


def _member_lines(
    rows: tuple[tuple[T | str, str, int], ...],
    sav_txs: tuple[ReceiptSavingsTx, ...],
    loan_txs: tuple[ReceiptLoanTx, ...],
    loan_numbers: dict[int, str],
) -> tuple[tuple[T | str, str, int], ...]:
    """A member's lines read as the member knows them: ``Setoran Simpanan Wajib``,
    ``Angsuran PJM-..: pokok``. Falls back to the account lines when the subledger does not
    explain every line (the amounts are the journal's either way)."""
    out: list[tuple[T | str, str, int]] = []
    for st in sav_txs:
        kind = label("savings_tx_kind", st.kind)
        out.append((kind + f" {st.product_name}", st.memo or "", abs(int(st.amount))))
    for t in loan_txs:
        loan_no = loan_numbers.get(t.loan_id, "")
        kind = label("loan_tx_kind", t.kind)
        for comp, word in (
            ("principal", T("pokok", "principal")),
            ("interest", T("bunga", "interest")),
            ("fee", T("biaya", "fee")),
            ("penalty", T("denda", "penalty")),
        ):
            value = abs(int(getattr(t, comp)))
            if value:
                out.append((kind + ": " + word, loan_no, value))
    if sum(v for *_x, v in out) != sum(v for *_x, v in rows) or any(v < 0 for *_x, v in rows):
        return rows
    return tuple(out)


def receipt_paper(db, receipt: str) -> ReceiptPaper:
    """The paper of ``receipt`` (for the receipt windows)."""
    with read_only(db) as s:
        return read_paper(s, receipt)


def build_receipt(db, params: ReportParams, progress: ProgressCallback | None = None) -> ReportData:
    with read_only(db) as s:
        report(progress, 0, 1, "")
        receipt = params.receipt or latest_receipt(s)
        p = read_paper(s, receipt)
        figures = [
            Figure("receipt", NUMBER, p.receipt, Kind.TEXT),
            Figure("date", DATE, long(p.date), Kind.TEXT),
        ]
        if p.party_label is not None:
            figures.append(Figure("party", p.party_label, p.party, Kind.TEXT))
        figures += [
            Figure("purpose", PURPOSE if p.cash else DESCRIPTION, p.purpose, Kind.TEXT),
            Figure("amount", p.total_label, p.amount),
        ]
        figures += [Figure(f"extra{i}", k, v) for i, (k, v) in enumerate(p.extra)]
        cols = (
            Column("what", T("Uraian", "Item"), Kind.TEXT, 3.0),
            Column("ref", T("Keterangan", "Reference"), Kind.TEXT, 2.4),
            Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.4, True),
        )
        table = Table(
            "rincian",
            T("Rincian", "Details"),
            cols,
            tuple(Row((w, ref, v)) for w, ref, v in p.lines),
            total_label=p.total_label,
        )
        return ReportData(
            "kuitansi",
            p.title,
            organisation(s),
            Period(p.date, p.date, long(p.date)),
            subtitle=T(p.receipt),
            sections=(Section(None, tuple(figures), (table,), (p.words(), *p.notes)),),
            signatures=p.signatures,
            sign_date=p.date,
            params=(("receipt", receipt),),
        )

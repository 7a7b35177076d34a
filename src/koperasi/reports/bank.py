"""The bank reconciliation (rekonsiliasi bank) at a date: for every bank account, the book
balance, the statement balance, the deposits in transit, the payments not yet on the
statement and the statement lines not in the books, and the difference (nil when
reconciled)."""

from __future__ import annotations

from ..services import bank as bk
from ..services.progress import ProgressCallback, report
from ..services.reads.bank import active_reconciliations
from ..services.uow import read_only
from .common import ReportParams, long, organisation, resolve_period, treasurer_signature
from .model import Column, Figure, Kind, Period, ReportData, Row, Section, T, Table

NAME = "rekonsiliasi-bank"
TITLE = T("Rekonsiliasi Bank", "Bank Reconciliation")


def _items(key: str, title: T, items: tuple[bk.ReconItem, ...], sheet: T) -> Table:
    cols = (
        Column("date", T("Tanggal", "Date"), Kind.DATE, 0.9),
        Column("ref", T("Bukti", "Reference"), Kind.TEXT, 1.3),
        Column("description", T("Keterangan", "Description"), Kind.TEXT, 3.6),
        Column("amount", T("Jumlah", "Amount"), Kind.MONEY, 1.3, True),
    )
    return Table(
        key,
        title,
        cols,
        tuple(Row((i.date, i.ref, i.description, i.amount)) for i in items),
        sheet=sheet,
    )


def section(r: bk.Reconciliation, n: int, several: bool) -> Section:
    a = r.account
    bank_no = " ".join(
        x for x in (bk.BANK_NAMES.get(a.bank, "") if a.bank != "lain" else "", a.number) if x
    )
    where = f" ({bank_no})" if bank_no else ""
    title = T(
        f"{a.code} {a.name}{where} · akun {a.account_code}",
        f"{a.code} {a.name}{where} · account {a.account_code}",
    )
    st_label = (
        T("Saldo menurut rekening koran", "Balance per bank statement")
        + (T(f" ({long(r.statement_date).id})", f" ({long(r.statement_date).en})"))
        if r.statement_date
        else T("Saldo menurut rekening koran (belum ada)", "Balance per bank statement (none)")
    )
    figures = (
        Figure("statement_balance", st_label, r.statement_balance or 0),
        Figure(
            "in_transit",
            T("Ditambah: setoran dalam perjalanan", "Add: deposits in transit"),
            sum(i.amount for i in r.in_transit),
        ),
        Figure(
            "outstanding",
            T("Dikurangi: pembayaran belum dicairkan bank", "Less: payments not yet cleared"),
            sum(i.amount for i in r.outstanding),
        ),
        Figure(
            "adjusted_bank",
            T("Saldo bank disesuaikan", "Adjusted bank balance"),
            r.adjusted_bank or 0,
        ),
        Figure(
            "book_balance",
            T(
                f"Saldo menurut buku (akun {a.account_code})",
                f"Balance per books ({a.account_code})",
            ),
            r.book_balance,
        ),
        Figure(
            "unrecorded",
            T(
                "Mutasi rekening koran belum dibukukan (biaya, bunga, pajak ...)",
                "Statement items not yet in the books (charges, interest, tax ...)",
            ),
            sum(i.amount for i in r.unrecorded),
        ),
        Figure(
            "adjusted_book", T("Saldo buku disesuaikan", "Adjusted book balance"), r.adjusted_book
        ),
        Figure(
            "difference",
            T("Selisih (harus nol)", "Difference (must be nil)"),
            r.difference if r.difference is not None else r.adjusted_book,
        ),
    )
    status = (
        T("Rekening ini sudah cocok (selisih nol).", "This account is reconciled (no difference).")
        if r.reconciled
        else T(
            "Belum ada rekening koran sampai tanggal ini: impor rekening korannya dahulu.",
            "No bank statement up to this date: import the statement first.",
        )
        if r.statement_balance is None
        else T(
            "Rekening ini BELUM cocok: periksa mutasi yang belum dicocokkan.",
            "This account is NOT reconciled: look at the items not yet matched.",
        )
    )
    notes = (
        status,
        T(
            f"{r.matched_lines} dari {r.statement_lines} baris rekening koran sampai tanggal ini "
            "sudah dicocokkan dengan jurnal.",
            f"{r.matched_lines} of the {r.statement_lines} statement lines to this date are "
            "matched with the books.",
        ),
    )
    sfx = f"_{n}" if several else ""
    tag = f" {a.code}" if several else ""
    tables = (
        _items(
            f"setoran_transit{sfx}",
            T("Setoran dalam perjalanan", "Deposits in transit"),
            r.in_transit,
            T(f"Transit{tag}", f"In transit{tag}"),
        ),
        _items(
            f"pembayaran_beredar{sfx}",
            T("Pembayaran belum dicairkan bank", "Payments not yet cleared"),
            r.outstanding,
            T(f"Belum cair{tag}", f"Outstanding{tag}"),
        ),
        _items(
            f"belum_dibukukan{sfx}",
            T("Mutasi rekening koran belum dibukukan", "Statement items not in the books"),
            r.unrecorded,
            T(f"Belum dibukukan{tag}", f"Not booked{tag}"),
        ),
    )
    return Section(title, figures=figures, notes=notes, tables=tables, page_break_before=n > 1)


def build_bank_reconciliation(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")
    with read_only(db) as s:
        period = resolve_period(s, params, "date")
        as_of = period.end
        recs = active_reconciliations(s, as_of)
        sections = tuple(section(r, n, len(recs) > 1) for n, r in enumerate(recs, start=1))
        if not sections:
            sections = (
                Section(
                    notes=(
                        T(
                            "Belum ada rekening bank. Tambahkan di Kas & Jurnal › Rekonsiliasi Bank.",
                            "No bank account yet. Add one under Cash & Journal › Bank reconciliation.",
                        ),
                    )
                ),
            )
        data = ReportData(
            NAME,
            TITLE,
            organisation(s),
            Period(as_of, as_of, T("Per ", "As of ") + long(as_of)),
            subtitle=T(
                "Saldo buku dan saldo rekening koran, dengan pos-pos yang menjelaskan selisihnya",
                "Book and statement balances, with the items that explain the difference",
            ),
            sections=sections,
            signatures=treasurer_signature(s),
            sign_date=as_of,
            params=params.items(),
        )
    report(progress, 1, 1, "")
    return data


def _specs() -> list:
    from .registry import PERIOD, ReportSpec

    return [
        ReportSpec(
            NAME,
            TITLE,
            T(
                "Saldo buku dan rekening koran tiap rekening bank per tanggal, dengan pos "
                "dalam perjalanan dan yang belum dibukukan",
                "Book and statement balance of every bank account at a date, with the items "
                "in transit and not yet booked",
            ),
            build_bank_reconciliation,
            (PERIOD,),
            "buku",
        )
    ]


SPECS = _specs()

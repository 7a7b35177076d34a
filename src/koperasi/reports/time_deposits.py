"""Time-deposit papers: the deposit certificate (bilyet simpanan berjangka) the member keeps,
and the maturity list (daftar jatuh tempo) of upcoming maturities for the treasurer.

- ``bilyet-berjangka``: one deposit (``--deposit``, else the member's latest active one),
  laid out as a letter by :func:`koperasi.reports.loan_papers.render_paper_pdf`;
- ``jatuh-tempo-berjangka``: active deposits maturing in a month (``--period``), a year
  (``--year``), or the three months from a day (``--date``; default: from the latest entry),
  with the interest still to come and the instruction at maturity. PDF and XLSX.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import replace

from ..domain.fmt import long_date, terbilang
from ..domain.money import format_rupiah
from ..domain.schedule import add_months
from ..domain.vocabulary import DepositStatus
from ..messages import label
from ..services import time_deposit_reads as td_reads
from ..services import time_deposits as td
from ..services.progress import ProgressCallback, report
from ..services.reads import ReadSession as Session
from ..services.reads import time_deposits as reads
from ..services.reads.people import group_codes, member_details
from ..services.savings import PPH_THRESHOLD
from ..services.settings import profile_in, rounding_in
from ..services.uow import read_only
from .common import ReportParams, last_entry_date, long, organisation, resolve_period
from .model import (
    Column,
    Figure,
    Kind,
    Period,
    ReportData,
    Row,
    RowKind,
    Section,
    Signature,
    T,
    Table,
)

CERTIFICATE = "bilyet-berjangka"
MATURITIES = "jatuh-tempo-berjangka"
UPCOMING_MONTHS = 3


def _vocab(name: str, code: str) -> T:
    return T(label(name, code, "id"), label(name, code, "en"))


def build_certificate(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """Bilyet simpanan berjangka: the deposit, its term, rate, maturity and instruction."""
    report(progress, 0, 1, "")
    with read_only(db) as s:
        d = reads.certificate_facts(s, params.deposit, params.member)
        v = td.deposit_in(s, d.number)
        m = member_details(s, d.member_id)
        p = profile_in(s)
        if (
            v.status != DepositStatus.ACTIVE
        ):  # a deposit paid out: the certificate shows what it held
            held = d.principal_held
            v = replace(
                v,
                principal=held,
                monthly_interest=td.monthly_interest(held, v.rate_pa, rounding_in(s)),
            )
        words = T(terbilang(v.principal, "id"), terbilang(v.principal, "en"))
        address = ", ".join(x for x in (m.address, m.kelurahan, m.kecamatan) if x) or "–"
        holder = (
            Figure("member_name", T("Nama penyimpan", "Depositor"), m.name, Kind.TEXT),
            Figure("member", T("Nomor anggota", "Member number"), m.number, Kind.TEXT),
            Figure("nik", T("NIK", "NIK"), m.nik, Kind.TEXT),
            Figure("address", T("Alamat", "Address"), address, Kind.TEXT),
            Figure("group", T("Kelompok", "Group"), m.group_name or "–", Kind.TEXT),
        )
        terms = (
            Figure("product", T("Produk", "Product"), v.product_name, Kind.TEXT),
            Figure("principal", T("Nominal", "Amount"), v.principal),
            Figure(
                "words",
                T("Terbilang", "In words"),
                words,
                Kind.TEXT,
            ),
            Figure(
                "term",
                T("Jangka waktu", "Term"),
                T(f"{v.term_months} bulan", f"{v.term_months} months"),
                Kind.TEXT,
            ),
            Figure(
                "rate",
                T("Suku bunga", "Interest rate"),
                T(
                    f"{format(v.rate_pa.normalize(), 'f').replace('.', ',')} % per tahun",
                    f"{format(v.rate_pa.normalize(), 'f')} % a year",
                ),
                Kind.TEXT,
            ),
            Figure("term_start", T("Tanggal mulai", "Start date"), v.term_start, Kind.DATE),
            Figure("maturity", T("Jatuh tempo", "Maturity date"), v.maturity_on, Kind.DATE),
            Figure(
                "payout",
                T("Pembayaran bunga", "Interest paid"),
                _vocab("td_payout", v.payout),
                Kind.TEXT,
            ),
            Figure(
                "instruction",
                T("Saat jatuh tempo", "At maturity"),
                _vocab("td_instruction", v.instruction),
                Kind.TEXT,
            ),
            Figure(
                "monthly",
                T("Bunga sebulan", "Interest a month"),
                v.monthly_interest,
            ),
        )
        pct = format(d.penalty_percent.normalize(), "f")
        notes: tuple[T, ...] = (
            T(
                f"Bunga dikenakan PPh final 10 % bila bunga sebulan lebih dari "
                f"{format_rupiah(PPH_THRESHOLD)} (PP 15/2009). Pencairan sebelum jatuh tempo "
                f"dikenakan penalti {pct.replace('.', ',')} % dari nominal, dan bunga yang belum "
                "dibayarkan hangus. Bilyet ini bukan alat pembayaran dan tidak dapat "
                "dipindahtangankan; serahkan kembali saat pencairan.",
                f"Interest bears 10 % final income tax where a month's interest exceeds "
                f"{format_rupiah(PPH_THRESHOLD)} (PP 15/2009). A withdrawal before maturity "
                f"costs a penalty of {pct} % of the amount, and interest not yet paid is "
                "forfeited. This certificate is not a means of payment and cannot be "
                "transferred; hand it back when the deposit is paid out.",
            ),
        )
        if v.rollovers:
            notes += (
                T(
                    f"Diperpanjang {v.rollovers} kali; ditempatkan pertama kali pada "
                    f"{long_date(v.placed_on, 'id')}.",
                    f"Rolled over {v.rollovers} times; first placed on "
                    f"{long_date(v.placed_on, 'en')}.",
                ),
            )
        if v.status != DepositStatus.ACTIVE:
            notes += (
                T(
                    f"Status: {label('td_status', v.status, 'id')}"
                    + (f" pada {long_date(v.closed_on, 'id')}." if v.closed_on else "."),
                    f"Status: {label('td_status', v.status, 'en')}"
                    + (f" on {long_date(v.closed_on, 'en')}." if v.closed_on else "."),
                ),
            )
        data = ReportData(
            CERTIFICATE,
            T("BILYET SIMPANAN BERJANGKA", "TIME DEPOSIT CERTIFICATE"),
            organisation(s),
            None,
            subtitle=T(f"Nomor: {v.number}", f"No. {v.number}"),
            sections=(
                Section(T("Penyimpan", "Depositor"), holder),
                Section(T("Ketentuan simpanan", "Terms of the deposit"), terms, notes=notes),
            ),
            signatures=(
                Signature(T("Penyimpan", "Depositor"), m.name),
                Signature(T("Bendahara", "Treasurer"), p.treasurer),
                Signature(T("Ketua", "Chair"), p.chair),
            ),
            sign_date=v.term_start,
            params=params.items(),
        )
    report(progress, 1, 1, "")
    return data


def _window(s: Session, params: ReportParams) -> Period:
    if params.period or params.year:
        return resolve_period(s, params, "month")
    start = params.date or last_entry_date(s) or dt.date.today()
    end = add_months(start, UPCOMING_MONTHS) - dt.timedelta(days=1)
    return Period(
        start,
        end,
        T(f"{long(start).id} s.d. {long(end).id}", f"{long(start).en} to {long(end).en}"),
    )


def build_maturity_list(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    report(progress, 0, 1, "")
    with read_only(db) as s:
        period = _window(s, params)
        rows = td_reads.maturity_list_in(s, period.start, period.end)
        groups = group_codes(s)
        cols = (
            Column("maturity_on", T("Jatuh tempo", "Maturity"), Kind.DATE, 0.9),
            Column("number", T("Nomor bilyet", "Certificate"), Kind.TEXT, 1.1),
            Column("member", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
            Column("name", T("Nama", "Name"), Kind.TEXT, 1.6),
            Column("group", T("Kelompok", "Group"), Kind.TEXT, 0.7),
            Column("product", T("Produk", "Product"), Kind.TEXT, 1.3),
            Column("rate", T("Bunga % p.a.", "Rate % p.a."), Kind.PERCENT, 0.7),
            Column("principal", T("Nominal", "Amount"), Kind.MONEY, 1.1, True),
            Column("accrued", T("Bunga dicadangkan", "Interest accrued"), Kind.MONEY, 1.0, True),
            Column(
                "to_come",
                T("Bunga s.d. jatuh tempo", "Interest to maturity"),
                Kind.MONEY,
                1.0,
                True,
            ),
            Column("instruction", T("Instruksi", "Instruction"), Kind.TEXT, 1.8),
        )
        table = Table(
            "jatuh_tempo",
            T("Simpanan berjangka yang akan jatuh tempo", "Time deposits maturing"),
            cols,
            tuple(
                Row(
                    (
                        r.maturity_on,
                        r.number,
                        r.member_number,
                        r.member_name,
                        groups.get(r.group_id, "") if r.group_id else "",
                        r.product_name,
                        r.rate_pa,
                        r.principal,
                        r.accrued,
                        r.interest_at_maturity,
                        _vocab("td_instruction", r.instruction),
                    )
                )
                for r in rows
            ),
            sheet=T("Jatuh Tempo", "Maturities"),
        )
        p_all, a_all = td_reads.totals_at(s, period.end)
        figures = (
            Figure(
                "count", T("Jumlah bilyet jatuh tempo", "Deposits maturing"), len(rows), Kind.INT
            ),
            Figure(
                "principal",
                T("Nominal yang jatuh tempo", "Amount maturing"),
                sum(r.principal for r in rows),
            ),
            Figure(
                "to_sukarela",
                T("Akan dipindah ke sukarela", "To move to voluntary savings"),
                sum(r.principal for r in rows if r.instruction == "sukarela"),
            ),
            Figure(
                "all_principal",
                T("Seluruh simpanan berjangka (2.11)", "All time deposits (2.11)"),
                p_all,
            ),
            Figure(
                "all_accrued",
                T("Bunga berjangka yang dicadangkan (2.12)", "Accrued deposit interest (2.12)"),
                a_all,
            ),
        )
        data = ReportData(
            MATURITIES,
            T("Daftar Jatuh Tempo Simpanan Berjangka", "Time Deposit Maturity List"),
            organisation(s),
            period,
            subtitle=T(
                "Simpanan berjangka aktif yang jatuh tempo dalam periode, dengan instruksi "
                "jatuh temponya",
                "Active time deposits maturing in the period, with their maturity instructions",
            ),
            sections=(Section(figures=figures, tables=(table,)),),
            signatures=(Signature(T("Bendahara", "Treasurer"), profile_in(s).treasurer),),
            sign_date=period.start,
            landscape=True,
            params=params.items(),
        )
    report(progress, 1, 1, "")
    return data


def statement_part(
    moves: reads.DepositMoves | None, period: Period, cols: tuple[Column, ...]
) -> tuple[list[Table], list[Figure]]:
    """For the member's savings statement: one table of the time deposits' movements in the
    period (principal in and out, interest with its tax, penalties) with the principal
    before and after, and the figure of the principal at the period's end."""
    if moves is None:
        return [], []
    opening = moves.opening
    events = moves.events
    rows = [
        Row(
            (period.start, None, None, T("Saldo awal", "Opening balance"), None, None, opening),
            RowKind.HEADING,
        )
    ]
    bal = opening
    for e in events:
        bal += e.principal
        what = T(label("td_event", e.kind, "id"), label("td_event", e.kind, "en"))
        extra: list[T] = []
        if e.gross and e.kind != "akrual":
            extra.append(T(f"bunga {format_rupiah(e.gross)}", f"interest {format_rupiah(e.gross)}"))
        if e.tax and e.kind != "akrual":
            extra.append(T(f"PPh {format_rupiah(e.tax)}", f"tax {format_rupiah(e.tax)}"))
        if e.penalty:
            extra.append(
                T(f"penalti {format_rupiah(e.penalty)}", f"penalty {format_rupiah(e.penalty)}")
            )
        memo = T(
            "; ".join([what.id, *(x.id for x in extra)]),
            "; ".join([what.en, *(x.en for x in extra)]),
        )
        if e.kind == "akrual" or (not e.principal and not extra):
            continue  # accruals are not the member's money yet; roll-overs show in the bilyet
        rows.append(
            Row(
                (
                    e.date,
                    e.deposit_number,
                    T("Berjangka", "Time deposit"),
                    memo,
                    e.principal if e.principal > 0 else None,
                    -e.principal if e.principal < 0 else None,
                    bal,
                )
            )
        )
    rows.append(
        Row(
            (period.end, None, None, T("Saldo akhir", "Closing balance"), None, None, bal),
            RowKind.SUBTOTAL,
        )
    )
    table = Table("simpanan_berjangka", T("Simpanan Berjangka", "Time deposits"), cols, tuple(rows))
    figure = Figure(
        "balance_berjangka", T("Saldo Simpanan Berjangka", "Time deposits balance"), bal
    )
    return [table], [figure]


def _render_certificate(data, path, lang="id", progress=None):
    from .loan_papers_pdf import render_paper_pdf

    return render_paper_pdf(data, path, lang, progress)


def _specs() -> list:
    from .registry import MEMBER, PERIOD, ReportSpec

    return [
        ReportSpec(
            CERTIFICATE,
            T("Bilyet Simpanan Berjangka", "Time Deposit Certificate"),
            T(
                "Bilyet sebuah simpanan berjangka untuk disimpan anggota",
                "A time deposit's certificate for the member to keep",
            ),
            build_certificate,
            (MEMBER,),
            "anggota",
        ),
        ReportSpec(
            MATURITIES,
            T("Daftar Jatuh Tempo Simpanan Berjangka", "Time Deposit Maturity List"),
            T(
                "Simpanan berjangka yang akan jatuh tempo (tiga bulan ke depan, atau sebulan/"
                "setahun yang dipilih)",
                "Time deposits maturing (the next three months, or a chosen month or year)",
            ),
            build_maturity_list,
            (PERIOD,),
            "buku",
        ),
    ]


SPECS = _specs()
PDF_RENDERERS = {CERTIFICATE: _render_certificate}

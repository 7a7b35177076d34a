"""Builders for the books (all from the journal): the trial balance, the journal, the general
ledger and the cash book. Split from :mod:`.finance` (the financial statements).
"""

from __future__ import annotations

import datetime as dt

from ..services import statement_cash_flow
from ..services import statements as st
from ..services.progress import ProgressCallback, report
from ..services.reads import books as reads
from ..services.uow import read_only
from .common import (
    ReportParams,
    organisation,
    resolve_period,
    treasurer_signature,
)
from .finance import CODE
from .model import (
    Column,
    Figure,
    Kind,
    ReportData,
    Row,
    RowKind,
    Section,
    T,
    Table,
)

# ---------------------------------------------------------------- books


def build_trial_balance(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        report(progress, 0, 1, "")
        period = resolve_period(s, params, "month")
        infos = st.accounts(s)
        opening = st.sums(s, period.start - dt.timedelta(days=1))
        moves = st.sums(s, period.end, period.start)
        rows = []
        for code, info in infos.items():
            od, oc = opening.get(code, (0, 0))
            md, mc = moves.get(code, (0, 0))
            if not (od or oc or md or mc):
                continue
            net_open = od - oc
            net_close = net_open + md - mc
            rows.append(
                Row(
                    (
                        code,
                        T(info.name, info.name_en),
                        max(net_open, 0),
                        max(-net_open, 0),
                        md,
                        mc,
                        max(net_close, 0),
                        max(-net_close, 0),
                    )
                )
            )
        cols = (
            CODE,
            Column("name", T("Akun", "Account"), Kind.TEXT, 2.6),
            Column("open_debit", T("Saldo awal debit", "Opening debit"), Kind.MONEY, 1.3, True),
            Column("open_credit", T("Saldo awal kredit", "Opening credit"), Kind.MONEY, 1.3, True),
            Column("debit", T("Mutasi debit", "Debit movements"), Kind.MONEY, 1.3, True),
            Column("credit", T("Mutasi kredit", "Credit movements"), Kind.MONEY, 1.3, True),
            Column("close_debit", T("Saldo akhir debit", "Closing debit"), Kind.MONEY, 1.3, True),
            Column(
                "close_credit", T("Saldo akhir kredit", "Closing credit"), Kind.MONEY, 1.3, True
            ),
        )
        table = Table(
            "neraca_saldo",
            T("Neraca Saldo", "Trial Balance"),
            cols,
            tuple(rows),
            sheet=T("Neraca Saldo", "Trial Balance"),
        )
        tot = table.totals()
        return ReportData(
            "neraca-saldo",
            T("Neraca Saldo", "Trial Balance"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "total_debit",
                            T("Jumlah saldo akhir debit", "Total closing debit"),
                            tot["close_debit"],
                        ),
                        Figure(
                            "total_credit",
                            T("Jumlah saldo akhir kredit", "Total closing credit"),
                            tot["close_credit"],
                        ),
                    ),
                    (table,),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )


def build_journal(db, params: ReportParams, progress: ProgressCallback | None = None) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
        report(progress, 0, 2, "")
        rows = []
        last = None
        for eid, d, receipt, desc, code, name, name_en, debit, credit, _memo in reads.entry_lines(
            s, period.start, period.end
        ):
            first = eid != last
            last = eid
            rows.append(
                Row(
                    (
                        d if first else None,
                        str(eid) if first else None,
                        (receipt or "") if first else "",
                        desc if first else "",
                        code,
                        T(name, name_en or name),
                        int(debit) or None,  # an empty side stays empty on paper
                        int(credit) or None,
                    )
                )
            )
        report(progress, 1, 2, "")
        cols = (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 1.0),
            Column("entry", T("No. jurnal", "Entry no."), Kind.TEXT, 0.8),
            Column("receipt", T("Bukti", "Voucher"), Kind.TEXT, 1.4),
            Column("description", T("Keterangan", "Description"), Kind.TEXT, 3.4),
            CODE,
            Column("account", T("Akun", "Account"), Kind.TEXT, 2.2),
            Column("debit", T("Debit", "Debit"), Kind.MONEY, 1.3, True),
            Column("credit", T("Kredit", "Credit"), Kind.MONEY, 1.3, True),
        )
        table = Table("jurnal", T("Jurnal Umum", "General Journal"), cols, tuple(rows))
        tot = table.totals()
        entries = len({r.cells[1] for r in rows if r.cells[1] is not None})
        return ReportData(
            "jurnal",
            T("Jurnal Umum", "General Journal"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "entries", T("Jumlah jurnal", "Number of entries"), entries, Kind.INT
                        ),
                        Figure("total_debit", T("Jumlah debit", "Total debit"), tot["debit"]),
                        Figure("total_credit", T("Jumlah kredit", "Total credit"), tot["credit"]),
                    ),
                    (table,),
                ),
            ),
            landscape=True,
            params=params.items(),
        )


def build_general_ledger(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
        infos = st.accounts(s)
        opening = st.balances(s, period.start - dt.timedelta(days=1), infos=infos)
        by_code: dict[str, list[reads.EntryLine]] = {}
        for r in reads.entry_lines(s, period.start, period.end, by_account=True):
            by_code.setdefault(r[4], []).append(r)
        codes = [c for c in infos if c in by_code or opening.get(c, 0)]
        rows: list[Row] = []
        for n, code in enumerate(codes):
            report(progress, n, len(codes), code)
            info = infos[code]
            debit_normal = info.type in ("asset", "expense")
            bal = opening.get(code, 0)
            rows.append(
                Row(
                    (
                        code,
                        T(info.name, info.name_en),
                        None,
                        None,
                        T("Saldo awal", "Opening balance"),
                        None,
                        None,
                        bal,
                    ),
                    RowKind.HEADING,
                )
            )
            for eid, d, receipt, desc, _c, _n, _ne, debit, credit, _memo in by_code.get(code, []):
                bal += (debit - credit) if debit_normal else (credit - debit)
                rows.append(
                    Row(
                        (
                            code,
                            None,
                            d,
                            str(eid),
                            (f"{receipt} · " if receipt else "") + desc,
                            int(debit) or None,
                            int(credit) or None,
                            bal,
                        )
                    )
                )
            rows.append(
                Row(
                    (
                        code,
                        T(info.name, info.name_en),
                        None,
                        None,
                        T("Saldo akhir", "Closing balance"),
                        None,
                        None,
                        bal,
                    ),
                    RowKind.SUBTOTAL,
                )
            )
        cols = (
            CODE,
            Column("account", T("Akun", "Account"), Kind.TEXT, 1.8),
            Column("date", T("Tanggal", "Date"), Kind.DATE, 0.9),
            Column("entry", T("No. jurnal", "Entry no."), Kind.TEXT, 0.7),
            Column("description", T("Keterangan", "Description"), Kind.TEXT, 3.6),
            Column("debit", T("Debit", "Debit"), Kind.MONEY, 1.2, True),
            Column("credit", T("Kredit", "Credit"), Kind.MONEY, 1.2, True),
            Column("balance", T("Saldo", "Balance"), Kind.MONEY, 1.3),
        )
        table = Table("buku_besar", T("Buku Besar", "General Ledger"), cols, tuple(rows))
        return ReportData(
            "buku-besar",
            T("Buku Besar", "General Ledger"),
            organisation(s),
            period,
            sections=(Section(None, (), (table,)),),
            landscape=True,
            params=params.items(),
        )


def build_cash_book(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "month")
        report(progress, 0, 1, "")
        infos = st.accounts(s)
        codes = statement_cash_flow.cash_codes(infos)
        opening_bal = st.balances(s, period.start - dt.timedelta(days=1), infos=infos)
        opening = sum(opening_bal.get(c, 0) for c in codes)
        counter, members = reads.cash_counterparts(s, period.start, period.end, codes)
        rows = []
        bal = opening
        for eid, d, receipt, desc, code, _n, _ne, debit, credit, memo in reads.entry_lines(
            s, period.start, period.end, codes
        ):
            bal += int(debit) - int(credit)
            others = counter.get(eid, {})
            shown = [c for c in others if c not in codes] or [c for c in others if c != code]
            rows.append(
                Row(
                    (
                        d,
                        receipt or "",
                        str(eid),
                        desc + (f" ({memo})" if memo and memo not in desc else ""),
                        code,
                        T(
                            ", ".join(f"{c} {others[c][0]}" for c in shown),
                            ", ".join(f"{c} {others[c][1]}" for c in shown),
                        ),
                        ", ".join(members.get(eid, [])),
                        int(debit) or None,  # an empty side stays empty on paper
                        int(credit) or None,
                        bal,
                    )
                )
            )
        cols = (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 0.85),
            Column("receipt", T("Bukti", "Voucher"), Kind.TEXT, 1.25),
            Column("entry", T("No. jurnal", "Entry no."), Kind.TEXT, 0.6),
            Column("description", T("Keterangan", "Description"), Kind.TEXT, 2.6),
            Column("account", T("Kas", "Cash"), Kind.TEXT, 0.55),
            Column("counter", T("Akun lawan", "Counter account"), Kind.TEXT, 1.9),
            Column("member", T("Anggota", "Member"), Kind.TEXT, 1.6),
            Column("in", T("Masuk", "In"), Kind.MONEY, 1.1, True),
            Column("out", T("Keluar", "Out"), Kind.MONEY, 1.1, True),
            Column("balance", T("Saldo", "Balance"), Kind.MONEY, 1.2),
        )
        table = Table("buku_kas", T("Buku Kas", "Cash Book"), cols, tuple(rows))
        tot = table.totals()
        return ReportData(
            "buku-kas",
            T("Buku Kas", "Cash Book"),
            organisation(s),
            period,
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "opening",
                            T("Saldo awal kas dan bank", "Opening cash and bank"),
                            opening,
                        ),
                        Figure("in", T("Jumlah penerimaan", "Total received"), tot["in"]),
                        Figure("out", T("Jumlah pengeluaran", "Total paid out"), tot["out"]),
                        Figure(
                            "closing", T("Saldo akhir kas dan bank", "Closing cash and bank"), bal
                        ),
                    ),
                    (table,),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=period.end,
            landscape=True,
            params=params.items(),
        )

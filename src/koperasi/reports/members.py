"""Builders for member-level documents: savings statement, receipt, member register,
group meeting sheet and the group's summary after the meeting."""

from __future__ import annotations

import datetime as dt
import re

from ..domain.vocabulary import MemberStatus
from ..services.common_reads import savings_by_member_kind_at
from ..services.progress import ProgressCallback, report
from ..services.reads import members as reads
from ..services.reads.people import group_of, member_by_id
from ..services.reads.time_deposits import member_deposit_moves
from ..services.settings import profile_in
from ..services.uow import read_only
from .common import (
    ReportParams,
    label,
    long,
    month_name,
    organisation,
    resolve_group,
    resolve_member,
    resolve_period,
    treasurer_signature,
)
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

# ---------------------------------------------------------------- savings statement

_PERIOD_REF = re.compile(r"^(jasa)-(\d{4})-(\d{2})$")


def _memo(memo: str) -> T | str:
    """A transaction's memo as read: the monthly interest run's reference ``jasa-2025-01``
    reads ``Jasa simpanan Januari 2025``."""
    m = _PERIOD_REF.match(memo or "")
    if not m:
        return memo
    year, month = int(m.group(2)), int(m.group(3))
    return T(
        f"Jasa simpanan {month_name(year, month, 'id')}",
        f"Savings interest {month_name(year, month, 'en')}",
    )


def build_savings_statement(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        report(progress, 0, 1, "")
        m = resolve_member(s, params.member)
        period = resolve_period(s, params, "year")
        accts = reads.savings_moves(s, m.id, period.start, period.end)
        cols = (
            Column("date", T("Tanggal", "Date"), Kind.DATE, 0.9),
            Column("receipt", T("Bukti", "Receipt"), Kind.TEXT, 1.3),
            Column("kind", T("Jenis", "Kind"), Kind.TEXT, 1.1),
            Column("memo", T("Keterangan", "Description"), Kind.TEXT, 2.4),
            Column("in", T("Setor", "In"), Kind.MONEY, 1.1, True),
            Column("out", T("Tarik", "Out"), Kind.MONEY, 1.1, True),
            Column("balance", T("Saldo", "Balance"), Kind.MONEY, 1.2),
        )
        tables = []
        figures = []
        for acct in accts:
            opening = acct.opening
            bal = opening
            rows = [
                Row(
                    (
                        period.start,
                        None,
                        None,
                        T("Saldo awal", "Opening balance"),
                        None,
                        None,
                        opening,
                    ),
                    RowKind.HEADING,
                )
            ]
            for t in acct.lines:
                bal += t.amount
                rows.append(
                    Row(
                        (
                            t.date,
                            t.receipt_no or "",
                            label("savings_tx_kind", t.kind),
                            _memo(t.memo),
                            t.amount if t.amount > 0 else None,  # empty, not Rp0
                            -t.amount if t.amount < 0 else None,
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
            code, name = acct.product_code, acct.product_name
            tables.append(Table(f"simpanan_{code.lower()}", T(name, name), cols, tuple(rows)))
            figures.append(
                Figure(f"balance_{acct.product_kind}", T(f"Saldo {name}", f"{name} balance"), bal)
            )
        from .time_deposits import statement_part  # the member's time deposits, if any

        td_moves = member_deposit_moves(s, m.id, period.start, period.end)
        td_tables, td_figures = statement_part(td_moves, period, cols)
        tables += td_tables
        figures += td_figures
        figures.append(
            Figure("total", T("Jumlah simpanan", "Total savings"), sum(f.value for f in figures))
        )
        group = group_of(s, m.group_id)
        ident = (
            Figure("member", T("Anggota", "Member"), f"{m.number} · {m.name}", Kind.TEXT),
            Figure("group", T("Kelompok", "Group"), group.name if group else "-", Kind.TEXT),
            Figure("joined", T("Tanggal masuk", "Joined"), m.join_date, Kind.DATE),
        )
        return ReportData(
            "mutasi-simpanan",
            T("Rekening Koran Simpanan Anggota", "Member Savings Statement"),
            organisation(s),
            period,
            subtitle=T(f"{m.number} – {m.name}"),
            sections=(Section(None, ident + tuple(figures), tuple(tables)),),
            signatures=(Signature(T("Bendahara", "Treasurer"), profile_in(s).treasurer),),
            sign_date=period.end,
            params=params.items(),
        )


# ---------------------------------------------------------------- member register


def _categories(names: dict[int, list[tuple[str, str]]]) -> dict[int, T]:
    """member id -> the names of their vulnerability categories (never the codes)."""
    return {
        mid: T(", ".join(i for i, _e in pairs), ", ".join(e for _i, e in pairs))
        for mid, pairs in names.items()
    }


def build_member_register(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    with read_only(db) as s:
        period = resolve_period(s, params, "date")
        as_of = period.end
        report(progress, 0, 1, "")
        bal = savings_by_member_kind_at(s, as_of)
        cats = _categories(reads.vulnerability_names(s))
        rows = []
        active = 0
        for m, gcode in reads.registered_members(s, as_of, params.group):
            active += m.status == MemberStatus.ACTIVE
            rows.append(
                Row(
                    (
                        m.number,
                        m.name,
                        label("gender", m.gender),
                        gcode or "",
                        m.join_date,
                        label("member_status", m.status),
                        cats.get(m.id),
                        bal.get((m.id, "pokok"), 0),
                        bal.get((m.id, "wajib"), 0),
                        bal.get((m.id, "sukarela"), 0),
                    )
                )
            )
        cols = (
            Column("number", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
            Column("name", T("Nama", "Name"), Kind.TEXT, 2.2),
            Column("gender", T("L/P", "Sex"), Kind.TEXT, 0.8),
            Column("group", T("Kelompok", "Group"), Kind.TEXT, 0.7),
            Column("joined", T("Tgl masuk", "Joined"), Kind.DATE, 0.9),
            Column("status", T("Status", "Status"), Kind.TEXT, 0.7),
            Column("categories", T("Kategori", "Categories"), Kind.TEXT, 1.6),
            Column("pokok", T("Simpanan pokok", "Principal savings"), Kind.MONEY, 1.1, True),
            Column("wajib", T("Simpanan wajib", "Mandatory savings"), Kind.MONEY, 1.1, True),
            Column("sukarela", T("Simpanan sukarela", "Voluntary savings"), Kind.MONEY, 1.1, True),
        )
        table = Table("anggota", T("Daftar Anggota", "Member Register"), cols, tuple(rows))
        return ReportData(
            "daftar-anggota",
            T("Buku Daftar Anggota", "Member Register"),
            organisation(s),
            Period(as_of, as_of, T("Per ", "As of ") + long(as_of)),
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "members",
                            T("Jumlah anggota terdaftar", "Members registered"),
                            len(rows),
                            Kind.INT,
                        ),
                        Figure("active", T("Anggota aktif", "Active members"), active, Kind.INT),
                    ),
                    (table,),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=as_of,
            landscape=True,
            params=params.items(),
        )


# ---------------------------------------------------------------- group meeting


def build_meeting_sheet(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """The sheet the group leader takes to the meeting: what is due, blank columns to fill."""
    with read_only(db) as s:
        g = resolve_group(s, params.group)
        date = params.date or dt.date.today()
        report(progress, 0, 1, "")
        dues = reads.meeting_dues(s, g.id, date, True)
        rows = []
        for n, m in enumerate(dues, start=1):
            # what the member owes on the meeting day, each rupiah in one column only:
            # wajib arrears up to and including this month = earlier months + this month
            # (the oldest months are paid first, so this month is the last one open);
            # installments due = late before today (with penalties) + falling due now
            this_month = min(m.wajib_arrears, m.wajib_monthly)
            due, late = m.installments_due, m.installments_late
            rows.append(
                Row(
                    (
                        str(n),
                        m.number,
                        m.name,
                        m.wajib_arrears - this_month,
                        this_month,
                        late,
                        due - late,
                        m.wajib_arrears + due,
                        m.sukarela,
                        None,
                        None,
                        None,
                        None,
                    )
                )
            )
        cols = (
            Column("no", T("No", "No"), Kind.TEXT, 0.35),
            Column("number", T("No. anggota", "Member no."), Kind.TEXT, 0.85),
            Column("name", T("Nama", "Name"), Kind.TEXT, 1.8),
            Column(
                "wajib_arrears",
                T("Tunggakan wajib bulan lalu", "Mandatory arrears, earlier months"),
                Kind.MONEY,
                1.0,
                True,
            ),
            Column(
                "wajib_due", T("Wajib bulan ini", "Mandatory this month"), Kind.MONEY, 0.9, True
            ),
            Column(
                "loan_arrears",
                T("Tunggakan angsuran dan denda", "Late installments and penalties"),
                Kind.MONEY,
                1.1,
                True,
            ),
            Column(
                "installment_due",
                T("Angsuran jatuh tempo", "Installment falling due"),
                Kind.MONEY,
                1.0,
                True,
            ),
            Column("owed", T("Jumlah kewajiban", "Total owed"), Kind.MONEY, 1.1, True),
            Column("sukarela", T("Saldo sukarela", "Voluntary balance"), Kind.MONEY, 1.0),
            Column("pay_wajib", T("Bayar wajib", "Paid mandatory"), Kind.BLANK, 0.9),
            Column("pay_sukarela", T("Setor sukarela", "Voluntary deposit"), Kind.BLANK, 0.9),
            Column("pay_installment", T("Bayar angsuran", "Installment paid"), Kind.BLANK, 0.9),
            Column("sign", T("Paraf", "Initials"), Kind.BLANK, 0.6),
        )
        table = Table(
            "lembar_pertemuan",
            T("Daftar hadir dan setoran", "Attendance and payments"),
            cols,
            tuple(rows),
        )
        totals = table.totals()
        leader = member_by_id(s, g.leader_member_id)
        prof = profile_in(s)
        return ReportData(
            "lembar-pertemuan",
            T("Lembar Pertemuan Kelompok", "Group Meeting Sheet"),
            organisation(s),
            Period(date, date, long(date)),
            subtitle=T(f"{g.code} – {g.name} · {g.meeting_place}"),
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "members", T("Anggota aktif", "Active members"), len(rows), Kind.INT
                        ),
                        Figure(
                            "wajib_due",
                            T("Simpanan wajib yang harus dibayar", "Mandatory savings owed"),
                            totals["wajib_arrears"] + totals["wajib_due"],
                        ),
                        Figure(
                            "installments_due",
                            T("Angsuran yang harus dibayar", "Installments owed"),
                            totals["loan_arrears"] + totals["installment_due"],
                        ),
                        Figure("owed", T("Jumlah kewajiban", "Total owed"), totals["owed"]),
                    ),
                    (table,),
                ),
            ),
            signatures=(
                Signature(T("Ketua kelompok", "Group leader"), leader.name if leader else ""),
                Signature(T("Petugas koperasi", "Cooperative officer"), prof.treasurer),
            ),
            sign_date=date,
            landscape=True,
            params=params.items(),
        )


def build_meeting_summary(
    db, params: ReportParams, progress: ProgressCallback | None = None
) -> ReportData:
    """After the meeting: what each member paid on the day (from the books)."""
    with read_only(db) as s:
        g = resolve_group(s, params.group)
        date = params.date
        if date is None:
            date = reads.last_savings_day(s, g.id) or dt.date.today()
        report(progress, 0, 1, "")
        paid = reads.meeting_payments(s, g.id, date, True)
        rows = [
            Row(
                (
                    p.number,
                    p.name,
                    p.pokok,
                    p.wajib,
                    p.sukarela_in,
                    p.sukarela_out,
                    p.installments,
                )
            )
            for p in paid
        ]
        cols = (
            Column("number", T("No. anggota", "Member no."), Kind.TEXT, 0.9),
            Column("name", T("Nama", "Name"), Kind.TEXT, 2.2),
            Column("pokok", T("Pokok", "Principal sav."), Kind.MONEY, 1.0, True),
            Column("wajib", T("Wajib", "Mandatory"), Kind.MONEY, 1.0, True),
            Column("sukarela_in", T("Setor sukarela", "Voluntary in"), Kind.MONEY, 1.0, True),
            Column("sukarela_out", T("Tarik sukarela", "Voluntary out"), Kind.MONEY, 1.0, True),
            Column("installments", T("Angsuran", "Installments"), Kind.MONEY, 1.0, True),
        )
        table = Table(
            "ringkasan_pertemuan",
            T("Setoran pada pertemuan", "Payments at the meeting"),
            cols,
            tuple(rows),
        )
        tot = table.totals()
        net = (
            tot["pokok"]
            + tot["wajib"]
            + tot["sukarela_in"]
            - tot["sukarela_out"]
            + tot["installments"]
        )
        return ReportData(
            "ringkasan-pertemuan",
            T("Ringkasan Pertemuan Kelompok", "Group Meeting Summary"),
            organisation(s),
            Period(date, date, long(date)),
            subtitle=T(f"{g.code} – {g.name}"),
            sections=(
                Section(
                    None,
                    (
                        Figure(
                            "members",
                            T("Anggota yang bertransaksi", "Members who paid"),
                            len(rows),
                            Kind.INT,
                        ),
                        Figure("net", T("Uang bersih diterima", "Net cash received"), net),
                    ),
                    (table,),
                ),
            ),
            signatures=treasurer_signature(s),
            sign_date=date,
            params=params.items(),
        )

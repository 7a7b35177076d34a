"""``loan arrears`` and ``month-end``: the quality of the loan book (registered in loan_cmd.py)."""

from __future__ import annotations

from dataclasses import asdict

from ..domain.arrears import CLASS_LABELS
from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from ..messages.text import T
from .base import parse_date, print_json, print_table
from .loan_life_cmd import date_or_today

ARREARS_HEADS = (
    T("Pinjaman", "Loan"),
    T("Anggota", "Member"),
    T("Nama", "Name"),
    T("Hari", "Days"),
    T("Tunggakan", "Arrears"),
    T("Denda", "Penalty"),
    T("Sisa pokok", "Outstanding"),
    T("Kolektibilitas", "Class"),
    "PPAP",
)
CLASS_HEADS = (
    T("Kolektibilitas", "Class"),
    T("Pinjaman", "Loans"),
    T("Sisa pokok", "Outstanding"),
    "PPAP",
)


def cmd_arrears(ctx, args) -> int:
    from ..services.loans import quality as loan_quality

    rep = loan_quality.loan_arrears(ctx.db, date_or_today(args.as_of, "as_of"), actor=ctx.actor)
    if args.json:
        data = asdict(rep)
        data["late"] = [asdict(q) for q in rep.late]
        print_json(data)
        return 0
    shown = rep.loans if args.all else rep.late
    label = {k: ctx.t(T(*v)) for k, v in CLASS_LABELS.items()}
    print(ctx.t(T("Tunggakan pinjaman per ", "Loan arrears as of ")) + short_date(rep.as_of))
    print_table(
        ctx.ts(ARREARS_HEADS),
        [
            [
                q.loan_number,
                q.member_number,
                q.member_name,
                q.dpd,
                format_rupiah(q.arrears),
                format_rupiah(q.penalty_due),
                format_rupiah(q.outstanding),
                label[q.kolektibilitas],
                format_rupiah(q.ppap),
            ]
            for q in shown
        ],
        right={3, 4, 5, 6, 8},
    )
    print()
    print_table(
        ctx.ts(CLASS_HEADS),
        [
            [label[c.kolektibilitas], c.loans, format_rupiah(c.outstanding), format_rupiah(c.ppap)]
            for c in rep.by_class
        ]
        + [
            [
                ctx.t(T("JUMLAH", "TOTAL")),
                len(rep.loans),
                format_rupiah(rep.outstanding),
                format_rupiah(rep.ppap_total),
            ]
        ],
        right={1, 2, 3},
    )
    print(
        ctx.t(T("Total PPAP: ", "PPAP total: "))
        + format_rupiah(rep.ppap_total)
        + ctx.t(T("   Saldo akun 1.29 (penyisihan): ", "   Balance of 1.29 (allowance): "))
        + format_rupiah(rep.allowance_balance)
    )
    if rep.ppap_total != rep.allowance_balance:
        print(ctx.say("cli_ppap_difference"))
    print(
        f"PAR1 {rep.par1} %  PAR30 {rep.par30} %  PAR90 {rep.par90} %  "
        + ctx.t(T("Tingkat pengembalian ", "Repayment rate "))
        + f"{rep.repayment_rate} %  "
        + ctx.t(T("Denda belum dibayar (memo) ", "Penalties owed (memo) "))
        + format_rupiah(rep.penalty_total)
    )
    return 0


def cmd_month_end(ctx, args) -> int:
    from ..services import month_end as month_end_run

    r = month_end_run.month_end(ctx.db, ctx.actor, parse_date(args.as_of, "as_of"))
    if args.json:
        print_json(asdict(r))
        return 0
    print(ctx.say("cli_month_end", date=short_date(r.as_of), loans=r.loans))
    print(
        "PPAP: "
        + format_rupiah(r.ppap_total)
        + ctx.t(T("  perubahan dibukukan: ", "  change posted: "))
        + format_rupiah(r.change)
        + ctx.t(T("  saldo 1.29: ", "  balance of 1.29: "))
        + format_rupiah(r.allowance_after)
    )
    print(
        ctx.t(T("Denda belum dibayar (memo): ", "Penalties owed (memo): "))
        + format_rupiah(r.penalty_memo)
    )
    if r.depreciation:
        print(
            ctx.t(T("Penyusutan aset tetap: ", "Fixed assets' depreciation: "))
            + format_rupiah(r.depreciation)
        )
    dep = r.deposits
    if dep is not None and (dep.entries or dep.matured):
        done = ctx.say(
            "cli_deposits_month_run",
            interest=format_rupiah(dep.interest_gross),
            tax=format_rupiah(dep.interest_tax),
            matured=dep.matured,
            rolled_over=dep.rolled_over,
            closed=dep.closed,
        )
        print(ctx.t(T("Simpanan berjangka: ", "Time deposits: ")) + done)
    return 0

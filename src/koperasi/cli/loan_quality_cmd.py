"""``loan arrears`` and ``month-end``: the quality of the loan book (registered in loan_cmd.py)."""

from __future__ import annotations

from dataclasses import asdict

from ..domain.arrears import CLASS_LABELS
from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from .base import parse_date, print_json, print_table
from .loan_life_cmd import date_or_today


def cmd_arrears(ctx, args) -> int:
    from ..services.loans import quality as loan_quality

    rep = loan_quality.loan_arrears(ctx.db, date_or_today(args.as_of, "as_of"), actor=ctx.actor)
    if args.json:
        data = asdict(rep)
        data["late"] = [asdict(q) for q in rep.late]
        print_json(data)
        return 0
    id_ = ctx.lang == "id"
    shown = rep.loans if args.all else rep.late
    label = {k: v[0 if id_ else 1] for k, v in CLASS_LABELS.items()}
    print(("Tunggakan pinjaman per " if id_ else "Loan arrears as of ") + short_date(rep.as_of))
    print_table(
        [
            "Pinjaman",
            "Anggota",
            "Nama",
            "Hari",
            "Tunggakan",
            "Denda",
            "Sisa pokok",
            "Kolektibilitas",
            "PPAP",
        ]
        if id_
        else [
            "Loan",
            "Member",
            "Name",
            "Days",
            "Arrears",
            "Penalty",
            "Outstanding",
            "Class",
            "PPAP",
        ],
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
        ["Kolektibilitas", "Pinjaman", "Sisa pokok", "PPAP"]
        if id_
        else ["Class", "Loans", "Outstanding", "PPAP"],
        [
            [label[c.kolektibilitas], c.loans, format_rupiah(c.outstanding), format_rupiah(c.ppap)]
            for c in rep.by_class
        ]
        + [
            [
                "JUMLAH" if id_ else "TOTAL",
                len(rep.loans),
                format_rupiah(rep.outstanding),
                format_rupiah(rep.ppap_total),
            ]
        ],
        right={1, 2, 3},
    )
    print(
        ("Total PPAP: " if id_ else "PPAP total: ")
        + format_rupiah(rep.ppap_total)
        + ("   Saldo akun 1.29 (penyisihan): " if id_ else "   Balance of 1.29 (allowance): ")
        + format_rupiah(rep.allowance_balance)
    )
    if rep.ppap_total != rep.allowance_balance:
        print(
            "Selisih akan dibukukan oleh 'month-end --as-of'."
            if id_
            else "The difference is posted by 'month-end --as-of'."
        )
    print(
        f"PAR1 {rep.par1} %  PAR30 {rep.par30} %  PAR90 {rep.par90} %  "
        + ("Tingkat pengembalian " if id_ else "Repayment rate ")
        + f"{rep.repayment_rate} %  "
        + ("Denda belum dibayar (memo) " if id_ else "Penalties owed (memo) ")
        + format_rupiah(rep.penalty_total)
    )
    return 0


def cmd_month_end(ctx, args) -> int:
    from ..services import month_end as month_end_run

    r = month_end_run.month_end(ctx.db, ctx.actor, parse_date(args.as_of, "as_of"))
    if args.json:
        print_json(asdict(r))
        return 0
    id_ = ctx.lang == "id"
    print(
        ("Tutup bulan pinjaman per " if id_ else "Loan month-end as of ")
        + short_date(r.as_of)
        + f": {r.loans} "
        + ("pinjaman" if id_ else "loans")
    )
    print(
        ("PPAP: " if id_ else "PPAP: ")
        + format_rupiah(r.ppap_total)
        + ("  perubahan dibukukan: " if id_ else "  change posted: ")
        + format_rupiah(r.change)
        + ("  saldo 1.29: " if id_ else "  balance of 1.29: ")
        + format_rupiah(r.allowance_after)
    )
    print(
        ("Denda belum dibayar (memo): " if id_ else "Penalties owed (memo): ")
        + format_rupiah(r.penalty_memo)
    )
    if r.depreciation:
        print(
            ("Penyusutan aset tetap: " if id_ else "Fixed assets' depreciation: ")
            + format_rupiah(r.depreciation)
        )
    dep = r.deposits
    if dep is not None and (dep.entries or dep.matured):
        print(
            (
                f"Simpanan berjangka: bunga {format_rupiah(dep.interest_gross)} (PPh "
                f"{format_rupiah(dep.interest_tax)}), jatuh tempo {dep.matured}, diperpanjang "
                f"{dep.rolled_over}, ke sukarela {dep.closed}"
            )
            if id_
            else (
                f"Time deposits: interest {format_rupiah(dep.interest_gross)} (tax "
                f"{format_rupiah(dep.interest_tax)}), matured {dep.matured}, rolled over "
                f"{dep.rolled_over}, to savings {dep.closed}"
            )
        )
    return 0

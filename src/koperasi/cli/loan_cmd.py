"""``loan product add|list`` and the parser of every ``loan`` command and ``month-end``; the
loan's own commands are in loan_life_cmd.py, arrears and month-end in loan_quality_cmd.py."""

from __future__ import annotations

from dataclasses import asdict

from ..domain.money import format_rupiah
from ..messages.text import T
from .base import parse_amount, parse_decimal, parse_int, print_json, print_table
from .loan_life_cmd import (
    cmd_apply,
    cmd_approve,
    cmd_disburse,
    cmd_list,
    cmd_payoff,
    cmd_payoff_quote,
    cmd_recover,
    cmd_reject,
    cmd_repay,
    cmd_reschedule,
    cmd_reverse,
    cmd_show,
    cmd_write_off,
)
from .loan_quality_cmd import cmd_arrears, cmd_month_end

PRODUCT_HEADS = (
    T("Kode", "Code"),
    T("Nama", "Name"),
    T("Metode", "Method"),
    T("Bunga", "Rate"),
    T("Jumlah", "Amount"),
    T("Angsuran", "Repayments"),
    T("Frekuensi", "Frequency"),
)


def register(sub) -> None:
    p = sub.add_parser("loan", help="pinjaman")
    s = p.add_subparsers(dest="loan_cmd", metavar="ACTION", required=True)

    pr = s.add_parser("product", help="produk pinjaman")
    ps = pr.add_subparsers(dest="product_cmd", metavar="ACTION", required=True)
    pa = ps.add_parser("add", help="tambah produk pinjaman")
    pa.add_argument("code")
    pa.add_argument("name")
    pa.add_argument("--method", choices=["flat", "annuity", "declining"], default="flat")
    pa.add_argument("--rate", required=True, help="persen, mis. 1.5")
    pa.add_argument("--rate-per", dest="rate_per", choices=["month", "year"], default="month")
    pa.add_argument("--min-amount", dest="min_amount", required=True)
    pa.add_argument("--max-amount", dest="max_amount", required=True)
    pa.add_argument("--min-term", dest="min_term", required=True)
    pa.add_argument("--max-term", dest="max_term", required=True)
    pa.add_argument("--every", default="1")
    pa.add_argument("--unit", choices=["week", "month"], default="month")
    pa.add_argument(
        "--interest-period", dest="interest_period", choices=["same", "daily"], default="same"
    )
    pa.add_argument("--rounding", choices=["half-up", "half-even"])
    pa.add_argument("--amounts-multiple", dest="amounts_multiple", default="1")
    pa.add_argument("--installment-multiple", dest="installment_multiple", default="1")
    pa.add_argument("--grace-principal", dest="grace_principal", default="0")
    pa.add_argument("--grace-interest", dest="grace_interest", default="0")
    pa.add_argument("--interest-free", dest="interest_free", default="0")
    pa.add_argument(
        "--fee-kind", dest="fee_kind", choices=["none", "flat", "percent"], default="none"
    )
    pa.add_argument("--fee-amount", dest="fee_amount", default="0")
    pa.add_argument("--fee-percent", dest="fee_percent", default="0")
    pa.add_argument("--fee-mode", dest="fee_mode", choices=["deduct", "cash"], default="deduct")
    pa.add_argument(
        "--penalty-kind", dest="penalty_kind", choices=["none", "flat", "percent"], default="none"
    )
    pa.add_argument("--penalty-amount", dest="penalty_amount", default="0")
    pa.add_argument("--penalty-percent", dest="penalty_percent", default="0")
    pa.add_argument(
        "--penalty-per", dest="penalty_per", choices=["day", "week", "month"], default="day"
    )
    pa.add_argument("--penalty-grace-days", dest="penalty_grace_days", default="0")
    pa.add_argument("--limit-multiple", dest="limit_multiple", help="batas N x simpanan")
    pa.add_argument("--allow-multiple", dest="allow_multiple", action="store_true")
    pa.add_argument("--group-loan", dest="group_loan", action="store_true")
    pa.add_argument(
        "--payoff-policy",
        dest="payoff_policy",
        choices=["due_only", "current_period", "all_scheduled"],
        default="current_period",
    )
    pa.add_argument("--collateral-above", dest="collateral_above", help="jaminan wajib di atas")
    pa.add_argument("--cover-ratio", dest="cover_ratio", help="nilai jaminan minimum, %% pokok")
    pa.add_argument(
        "--allocation-order",
        dest="allocation_order",
        choices=["standard", "principal_first", "interest_first", "penalties_last"],
        default="standard",
    )
    pa.add_argument("--confirm-high-rate", dest="confirm_high_rate", action="store_true")
    pa.add_argument("--json", action="store_true")
    pa.set_defaults(func=cmd_product_add)
    pl = ps.add_parser("list", help="daftar produk pinjaman")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_product_list)

    a = s.add_parser("apply", help="pengajuan pinjaman")
    a.add_argument("member")
    a.add_argument("product")
    a.add_argument("amount")
    a.add_argument("term", help="jumlah angsuran")
    a.add_argument("--purpose", required=True)
    a.add_argument("--guarantor", default="", help="penjamin atau catatan persetujuan kelompok")
    a.add_argument("--date")
    a.add_argument("--first-due", dest="first_due")
    a.add_argument("--collateral", default="0")
    a.add_argument(
        "--confirm-large",
        dest="confirm_large",
        action="store_true",
        help="jumlah jauh di atas batas kewajaran memang benar",
    )
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_apply)

    ap = s.add_parser("approve", help="setujui pengajuan")
    ap.add_argument("loan")
    ap.add_argument("--date")
    ap.add_argument("--note", default="")
    ap.add_argument("--json", action="store_true")
    ap.set_defaults(func=cmd_approve)

    rj = s.add_parser("reject", help="tolak pengajuan")
    rj.add_argument("loan")
    rj.add_argument("--reason", required=True)
    rj.add_argument("--date")
    rj.add_argument("--json", action="store_true")
    rj.set_defaults(func=cmd_reject)

    d = s.add_parser("disburse", help="cairkan pinjaman")
    d.add_argument("loan")
    d.add_argument("--date")
    d.add_argument("--to", choices=["kas", "sukarela"], default="kas")
    d.add_argument("--fee-mode", dest="fee_mode", choices=["deduct", "cash"])
    d.add_argument("--json", action="store_true")
    d.set_defaults(func=cmd_disburse)

    r = s.add_parser("repay", help="bayar angsuran")
    r.add_argument("loan")
    r.add_argument("amount")
    r.add_argument("--date")
    r.add_argument("--from", dest="source", choices=["kas", "sukarela"], default="kas")
    r.add_argument("--memo", default="")
    r.add_argument(
        "--excess-to-savings",
        dest="excess_to_savings",
        action="store_true",
        help="kelebihan bayar masuk simpanan sukarela",
    )
    r.add_argument(
        "--confirm-large",
        dest="confirm_large",
        action="store_true",
        help="jumlah jauh di atas batas kewajaran memang benar",
    )
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_repay)

    q = s.add_parser("payoff-quote", help="hitung jumlah pelunasan")
    q.add_argument("loan")
    q.add_argument("--date")
    q.add_argument("--json", action="store_true")
    q.set_defaults(func=cmd_payoff_quote)

    po = s.add_parser("payoff", help="pelunasan dipercepat")
    po.add_argument("loan")
    po.add_argument("--date")
    po.add_argument("--amount", help="jumlah pada tagihan pelunasan (harus sama)")
    po.add_argument("--from", dest="source", choices=["kas", "sukarela"], default="kas")
    po.add_argument("--json", action="store_true")
    po.set_defaults(func=cmd_payoff)

    rv = s.add_parser("reverse", help="balik pembayaran (pembayaran sesudahnya dibukukan ulang)")
    rv.add_argument("loan")
    rv.add_argument("transaction", help="id transaksi atau nomor kuitansi")
    rv.add_argument("--reason", required=True)
    rv.add_argument("--date")
    rv.add_argument("--json", action="store_true")
    rv.set_defaults(func=cmd_reverse)

    rs = s.add_parser("reschedule", help="jadwal ulang / restrukturisasi")
    rs.add_argument("loan")
    rs.add_argument("--term", required=True)
    rs.add_argument("--reason", required=True)
    rs.add_argument("--rate")
    rs.add_argument("--method", choices=["flat", "annuity", "declining"])
    rs.add_argument("--first-due", dest="first_due")
    rs.add_argument("--date")
    rs.add_argument("--json", action="store_true")
    rs.set_defaults(func=cmd_reschedule)

    w = s.add_parser("write-off", help="hapus buku pinjaman")
    w.add_argument("loan")
    w.add_argument("--reason", required=True)
    w.add_argument("--date")
    w.add_argument("--json", action="store_true")
    w.set_defaults(func=cmd_write_off)

    rc = s.add_parser("recover", help="penerimaan atas pinjaman yang dihapus buku")
    rc.add_argument("loan")
    rc.add_argument("amount")
    rc.add_argument("--date")
    rc.add_argument("--json", action="store_true")
    rc.set_defaults(func=cmd_recover)

    sh = s.add_parser("show", help="rincian pinjaman")
    sh.add_argument("loan")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)

    ls = s.add_parser("list", help="daftar pinjaman")
    ls.add_argument("--status")
    ls.add_argument("--member")
    ls.add_argument("--group")
    ls.add_argument("--product")
    ls.add_argument("--limit", default="200")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    ar = s.add_parser("arrears", help="tunggakan, kolektibilitas dan PPAP")
    ar.add_argument("--as-of", dest="as_of")
    ar.add_argument(
        "--all", action="store_true", help="tampilkan juga pinjaman lancar tanpa tunggakan"
    )
    ar.add_argument("--json", action="store_true")
    ar.set_defaults(func=cmd_arrears)

    me = sub.add_parser("month-end", help="tutup bulan pinjaman: PPAP dan denda (idempoten)")
    me.add_argument("--as-of", dest="as_of", required=True)
    me.add_argument("--json", action="store_true")
    me.set_defaults(func=cmd_month_end)


# ---------------------------------------------------------------- products


def cmd_product_add(ctx, args) -> int:
    from ..services.loan_products import ProductInput, add_product

    data = ProductInput(
        code=args.code,
        name=args.name,
        method=args.method,
        rate=parse_decimal(args.rate, "rate"),
        rate_per=args.rate_per,
        min_amount=parse_amount(args.min_amount, "min_amount"),
        max_amount=parse_amount(args.max_amount, "max_amount"),
        min_term=parse_int(args.min_term, "min_term"),
        max_term=parse_int(args.max_term, "max_term"),
        every=parse_int(args.every, "every"),
        unit=args.unit,
        interest_period=args.interest_period,
        rounding=args.rounding,
        amounts_multiple=parse_int(args.amounts_multiple, "amounts_multiple"),
        installment_multiple=parse_int(args.installment_multiple, "installment_multiple"),
        grace_principal=parse_int(args.grace_principal, "grace_principal"),
        grace_interest=parse_int(args.grace_interest, "grace_interest"),
        interest_free=parse_int(args.interest_free, "interest_free"),
        fee_kind=args.fee_kind,
        fee_amount=parse_amount(args.fee_amount, "fee_amount"),
        fee_percent=parse_decimal(args.fee_percent, "fee_percent"),
        fee_mode=args.fee_mode,
        penalty_kind=args.penalty_kind,
        penalty_amount=parse_amount(args.penalty_amount, "penalty_amount"),
        penalty_percent=parse_decimal(args.penalty_percent, "penalty_percent"),
        penalty_per=args.penalty_per,
        penalty_grace_days=parse_int(args.penalty_grace_days, "penalty_grace_days"),
        limit_multiple=parse_decimal(args.limit_multiple, "limit_multiple")
        if args.limit_multiple
        else None,
        allow_multiple=args.allow_multiple,
        group_loan=args.group_loan,
        payoff_policy=args.payoff_policy,
        collateral_above=parse_amount(args.collateral_above, "collateral_above")
        if args.collateral_above
        else None,
        cover_ratio=parse_decimal(args.cover_ratio, "cover_ratio") if args.cover_ratio else None,
        allocation_order=args.allocation_order,
    )
    v = add_product(ctx.db, ctx.actor, data, confirm_high_rate=args.confirm_high_rate)
    if args.json:
        print_json(asdict(v))
    else:
        print(ctx.t(T("Produk pinjaman dibuat: ", "Loan product created: ")) + f"{v.code} {v.name}")
    return 0


def cmd_product_list(ctx, args) -> int:
    from ..services.loan_products import list_products

    items = list_products(ctx.db)
    if args.json:
        print_json([asdict(p) for p in items])
        return 0
    heads = ctx.ts(PRODUCT_HEADS)
    rows = [
        [
            p.code,
            p.name,
            p.method,
            f"{p.rate.normalize():f} %/{'bln' if p.rate_per == 'month' else 'thn'}",
            f"{format_rupiah(p.min_amount)}-{format_rupiah(p.max_amount)}",
            f"{p.min_term}-{p.max_term}",
            f"{p.every} {p.unit}",
        ]
        for p in items
    ]
    print_table(heads, rows)
    return 0

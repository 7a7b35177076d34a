"""``loan product add|list``, ``loan apply|approve|reject|disburse|repay|payoff-quote|payoff|
reverse|reschedule|write-off|recover|show|list|arrears``, ``month-end``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from ..domain.arrears import CLASS_LABELS
from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from .base import parse_amount, parse_date, parse_decimal, parse_int, print_json, print_table


def _date(text: str | None, field: str = "date") -> dt.date:
    return parse_date(text, field) if text else dt.date.today()


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
        print(
            ("Produk pinjaman dibuat: " if ctx.lang == "id" else "Loan product created: ")
            + f"{v.code} {v.name}"
        )
    return 0


def cmd_product_list(ctx, args) -> int:
    from ..services.loan_products import list_products

    items = list_products(ctx.db)
    if args.json:
        print_json([asdict(p) for p in items])
        return 0
    id_ = ctx.lang == "id"
    heads = (
        ["Kode", "Nama", "Metode", "Bunga", "Jumlah", "Angsuran", "Frekuensi"]
        if id_
        else ["Code", "Name", "Method", "Rate", "Amount", "Repayments", "Frequency"]
    )
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


# ---------------------------------------------------------------- life cycle


def _print_detail(ctx, d, args) -> None:
    from ..services.loans.core import STATUS_LABELS

    if getattr(args, "json", False):
        print_json(asdict(d))
        return
    id_ = ctx.lang == "id"
    r = d.row
    status = STATUS_LABELS.get(r.status, (r.status, r.status))[0 if id_ else 1]
    print(f"{r.number}  {r.member_number} {r.member_name}  {r.product_code}  [{status}]")
    print(
        ("Pokok" if id_ else "Principal")
        + f": {format_rupiah(r.amount)}  {r.term}x  {d.method} {d.rate.normalize():f} %/{d.rate_per}"
        + ("  Sisa pokok: " if id_ else "  Outstanding: ")
        + format_rupiah(r.principal_outstanding)
    )
    if d.decision_note:
        print(("Catatan: " if id_ else "Note: ") + d.decision_note)


def cmd_apply(ctx, args) -> int:
    from ..services.loans import applications as loan_applications

    data = loan_applications.ApplyInput(
        member_no=args.member,
        product_code=args.product,
        amount=parse_amount(args.amount),
        term=parse_int(args.term, "term"),
        date=_date(args.date),
        purpose=args.purpose,
        guarantor=args.guarantor,
        first_due=parse_date(args.first_due, "first_due") if args.first_due else None,
        collateral=parse_amount(args.collateral, "collateral"),
    )
    _print_detail(
        ctx,
        loan_applications.apply(ctx.db, ctx.actor, data, confirm_large=args.confirm_large),
        args,
    )
    return 0


def cmd_approve(ctx, args) -> int:
    from ..services.loans import applications as loan_applications

    _print_detail(
        ctx,
        loan_applications.approve(ctx.db, ctx.actor, args.loan, _date(args.date), args.note),
        args,
    )
    return 0


def cmd_reject(ctx, args) -> int:
    from ..services.loans import applications as loan_applications

    _print_detail(
        ctx,
        loan_applications.reject(ctx.db, ctx.actor, args.loan, _date(args.date), args.reason),
        args,
    )
    return 0


def _print_tx(ctx, v, args) -> None:
    from ..services.loans.core import KIND_LABELS

    if getattr(args, "json", False):
        print_json(asdict(v))
        return
    id_ = ctx.lang == "id"
    kind = KIND_LABELS.get(v.kind, (v.kind, v.kind))[0 if id_ else 1]
    print(f"{kind} {v.loan_number} {v.member_number} {v.member_name}: {format_rupiah(v.amount)}")
    if v.receipt_no:
        print(("Kuitansi: " if id_ else "Receipt: ") + v.receipt_no)
    if v.allocations:
        comp_id = {"penalty": "denda", "fee": "biaya", "interest": "bunga", "principal": "pokok"}
        heads = (
            ["Angsuran ke", "Komponen", "Jumlah"] if id_ else ["Installment", "Component", "Amount"]
        )
        rows = [
            [
                a.installment_no,
                comp_id[a.component] if id_ else a.component,
                format_rupiah(a.amount),
            ]
            for a in v.allocations
        ]
        print_table(heads, rows, right={0, 2})
    elif v.fee:
        print(("Biaya administrasi: " if id_ else "Fee: ") + format_rupiah(v.fee))
    print(
        ("Sisa pokok: " if id_ else "Principal outstanding: ")
        + format_rupiah(v.principal_outstanding_after)
    )


def cmd_disburse(ctx, args) -> int:
    from ..services.loans import applications as loan_applications

    v = loan_applications.disburse(
        ctx.db, ctx.actor, args.loan, _date(args.date), args.to, args.fee_mode
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_repay(ctx, args) -> int:
    from ..services.loans import repayments as loan_repayments

    v = loan_repayments.repay(
        ctx.db,
        ctx.actor,
        args.loan,
        parse_amount(args.amount),
        _date(args.date),
        args.source,
        args.memo,
        excess_to_savings=args.excess_to_savings,
        confirm_large=args.confirm_large,
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_payoff_quote(ctx, args) -> int:
    from ..services.loans import repayments as loan_repayments

    q = loan_repayments.payoff_quote(ctx.db, args.loan, _date(args.date), actor=ctx.actor)
    if args.json:
        print_json({**asdict(q), "total": q.total})
        return 0
    id_ = ctx.lang == "id"
    print(f"{'Pelunasan' if id_ else 'Payoff'} {q.loan_number} per {short_date(q.as_of)}")
    rows = [
        ["Pokok" if id_ else "Principal", format_rupiah(q.principal)],
        ["Bunga" if id_ else "Interest", format_rupiah(q.interest)],
        ["Biaya" if id_ else "Fee", format_rupiah(q.fee)],
        ["Denda" if id_ else "Penalty", format_rupiah(q.penalty)],
        ["JUMLAH" if id_ else "TOTAL", format_rupiah(q.total)],
    ]
    print_table(["", ""], rows, right={1})
    if q.interest_waived:
        print(
            ("Bunga yang tidak ditagih: " if id_ else "Interest not charged: ")
            + format_rupiah(q.interest_waived)
        )
    return 0


def cmd_payoff(ctx, args) -> int:
    from ..services.loans import repayments as loan_repayments

    expected = parse_amount(args.amount) if args.amount else None
    v = loan_repayments.payoff(
        ctx.db, ctx.actor, args.loan, _date(args.date), expected, args.source
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_reverse(ctx, args) -> int:
    from ..services.loans import reversals as loan_reversals

    d = loan_reversals.reverse_repayment(
        ctx.db, ctx.actor, args.loan, args.transaction, _date(args.date), args.reason
    )
    if args.json:
        print_json(asdict(d))
        return 0
    print(
        (
            "Pembayaran dibalik; sisa pokok "
            if ctx.lang == "id"
            else "Payment reversed; outstanding "
        )
        + format_rupiah(d.row.principal_outstanding)
    )
    return 0


def cmd_reschedule(ctx, args) -> int:
    from ..services.loans import workout as loan_workout

    d = loan_workout.reschedule(
        ctx.db,
        ctx.actor,
        args.loan,
        _date(args.date),
        parse_int(args.term, "term"),
        args.reason,
        rate=parse_decimal(args.rate, "rate") if args.rate else None,
        method=args.method,
        first_due=parse_date(args.first_due, "first_due") if args.first_due else None,
    )
    if args.json:
        print_json(asdict(d))
        return 0
    _print_detail(ctx, d, args)
    _print_schedule(ctx, d.schedule)
    return 0


def _print_schedule(ctx, rows) -> None:
    id_ = ctx.lang == "id"
    heads = (
        ["Ke", "Jatuh tempo", "Pokok", "Bunga", "Biaya", "Dibayar", "Sisa"]
        if id_
        else ["No", "Due", "Principal", "Interest", "Fee", "Paid", "Unpaid"]
    )
    print_table(
        heads,
        [
            [
                i.no,
                short_date(i.due_date),
                format_rupiah(i.principal),
                format_rupiah(i.interest),
                format_rupiah(i.fee),
                format_rupiah(i.paid),
                format_rupiah(i.unpaid),
            ]
            for i in rows
        ],
        right={0, 2, 3, 4, 5, 6},
    )


def cmd_write_off(ctx, args) -> int:
    from ..services.loans import workout as loan_workout

    _print_tx(
        ctx,
        loan_workout.write_off(ctx.db, ctx.actor, args.loan, _date(args.date), args.reason),
        args,
    )
    return 0


def cmd_recover(ctx, args) -> int:
    from ..services.loans import workout as loan_workout

    v = loan_workout.recover(
        ctx.db, ctx.actor, args.loan, parse_amount(args.amount), _date(args.date)
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_show(ctx, args) -> int:
    from ..services.loans import views as loan_views

    d = loan_views.get_loan(ctx.db, args.loan, actor=ctx.actor)
    if args.json:
        print_json(asdict(d))
        return 0
    _print_detail(ctx, d, args)
    _print_schedule(ctx, d.schedule)
    id_ = ctx.lang == "id"
    if d.transactions:
        print()
        print_table(
            ["Id", "Tanggal", "Jenis", "Jumlah", "Pokok", "Bunga", "Denda", "Kuitansi"]
            if id_
            else ["Id", "Date", "Kind", "Amount", "Principal", "Interest", "Penalty", "Receipt"],
            [
                [
                    t.id,
                    short_date(t.date),
                    t.kind + (" *" if t.reversed else ""),
                    format_rupiah(t.amount),
                    format_rupiah(t.principal),
                    format_rupiah(t.interest),
                    format_rupiah(t.penalty),
                    t.receipt_no or "",
                ]
                for t in d.transactions
            ],
            right={0, 3, 4, 5, 6},
        )
    return 0


def cmd_list(ctx, args) -> int:
    from ..services.loans import views as loan_views

    rows = loan_views.list_loans(
        ctx.db,
        status=args.status,
        member_no=args.member,
        group_code=args.group,
        product_code=args.product,
        limit=parse_int(args.limit, "limit"),
        actor=ctx.actor,
    )
    if args.json:
        print_json([asdict(r) for r in rows])
        return 0
    id_ = ctx.lang == "id"
    print_table(
        ["Nomor", "Anggota", "Nama", "Produk", "Status", "Pokok", "Sisa pokok"]
        if id_
        else ["Number", "Member", "Name", "Product", "Status", "Principal", "Outstanding"],
        [
            [
                r.number,
                r.member_number,
                r.member_name,
                r.product_code,
                r.status,
                format_rupiah(r.amount),
                format_rupiah(r.principal_outstanding),
            ]
            for r in rows
        ],
        right={5, 6},
    )
    return 0


# ---------------------------------------------------------------- quality


def cmd_arrears(ctx, args) -> int:
    from ..services.loans import quality as loan_quality

    rep = loan_quality.loan_arrears(ctx.db, _date(args.as_of, "as_of"), actor=ctx.actor)
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

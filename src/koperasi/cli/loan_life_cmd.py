"""``loan apply|approve|reject|disburse|repay|payoff-quote|payoff|reverse|reschedule|write-off|
recover|show|list``: a loan from application to closing (registered in loan_cmd.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from .base import parse_amount, parse_date, parse_decimal, parse_int, print_json, print_table


def date_or_today(text: str | None, field: str = "date") -> dt.date:
    return parse_date(text, field) if text else dt.date.today()


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
        date=date_or_today(args.date),
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
        loan_applications.approve(
            ctx.db, ctx.actor, args.loan, date_or_today(args.date), args.note
        ),
        args,
    )
    return 0


def cmd_reject(ctx, args) -> int:
    from ..services.loans import applications as loan_applications

    _print_detail(
        ctx,
        loan_applications.reject(
            ctx.db, ctx.actor, args.loan, date_or_today(args.date), args.reason
        ),
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
        ctx.db, ctx.actor, args.loan, date_or_today(args.date), args.to, args.fee_mode
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
        date_or_today(args.date),
        args.source,
        args.memo,
        excess_to_savings=args.excess_to_savings,
        confirm_large=args.confirm_large,
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_payoff_quote(ctx, args) -> int:
    from ..services.loans import repayments as loan_repayments

    q = loan_repayments.payoff_quote(ctx.db, args.loan, date_or_today(args.date), actor=ctx.actor)
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
        ctx.db, ctx.actor, args.loan, date_or_today(args.date), expected, args.source
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_reverse(ctx, args) -> int:
    from ..services.loans import reversals as loan_reversals

    d = loan_reversals.reverse_repayment(
        ctx.db, ctx.actor, args.loan, args.transaction, date_or_today(args.date), args.reason
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
        date_or_today(args.date),
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
        loan_workout.write_off(ctx.db, ctx.actor, args.loan, date_or_today(args.date), args.reason),
        args,
    )
    return 0


def cmd_recover(ctx, args) -> int:
    from ..services.loans import workout as loan_workout

    v = loan_workout.recover(
        ctx.db, ctx.actor, args.loan, parse_amount(args.amount), date_or_today(args.date)
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

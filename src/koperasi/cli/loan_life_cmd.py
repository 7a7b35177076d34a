"""``loan apply|approve|reject|disburse|repay|payoff-quote|payoff|reverse|reschedule|write-off|
recover|show|list``: a loan from application to closing (registered in loan_cmd.py)."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from ..messages.text import T
from .base import parse_amount, parse_date, parse_decimal, parse_int, print_json, print_table

# column names of the loan tables
SCHEDULE_HEADS = (
    T("Ke", "No"),
    T("Jatuh tempo", "Due"),
    T("Pokok", "Principal"),
    T("Bunga", "Interest"),
    T("Biaya", "Fee"),
    T("Dibayar", "Paid"),
    T("Sisa", "Unpaid"),
)
TRANSACTION_HEADS = (
    "Id",
    T("Tanggal", "Date"),
    T("Jenis", "Kind"),
    T("Jumlah", "Amount"),
    T("Pokok", "Principal"),
    T("Bunga", "Interest"),
    T("Denda", "Penalty"),
    T("Kuitansi", "Receipt"),
)
LIST_HEADS = (
    T("Nomor", "Number"),
    T("Anggota", "Member"),
    T("Nama", "Name"),
    T("Produk", "Product"),
    "Status",
    T("Pokok", "Principal"),
    T("Sisa pokok", "Outstanding"),
)
ALLOCATION_HEADS = (
    T("Angsuran ke", "Installment"),
    T("Komponen", "Component"),
    T("Jumlah", "Amount"),
)
# a repayment's components (services' keys) as the allocation table shows them
COMPONENTS = {
    "penalty": T("denda", "penalty"),
    "fee": T("biaya", "fee"),
    "interest": T("bunga", "interest"),
    "principal": T("pokok", "principal"),
}


def date_or_today(text: str | None, field: str = "date") -> dt.date:
    return parse_date(text, field) if text else dt.date.today()


def _print_detail(ctx, d, args) -> None:
    from ..services.loans.core import STATUS_LABELS

    if getattr(args, "json", False):
        print_json(asdict(d))
        return
    r = d.row
    status = ctx.t(T(*STATUS_LABELS.get(r.status, (r.status, r.status))))
    print(f"{r.number}  {r.member_number} {r.member_name}  {r.product_code}  [{status}]")
    print(
        ctx.t(T("Pokok", "Principal"))
        + f": {format_rupiah(r.amount)}  {r.term}x  {d.method} {d.rate.normalize():f} %/{d.rate_per}"
        + ctx.t(T("  Sisa pokok: ", "  Outstanding: "))
        + format_rupiah(r.principal_outstanding)
    )
    if d.decision_note:
        print(ctx.t(T("Catatan: ", "Note: ")) + d.decision_note)


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
    kind = ctx.t(T(*KIND_LABELS.get(v.kind, (v.kind, v.kind))))
    print(f"{kind} {v.loan_number} {v.member_number} {v.member_name}: {format_rupiah(v.amount)}")
    if v.receipt_no:
        print(ctx.t(T("Kuitansi: ", "Receipt: ")) + v.receipt_no)
    if v.allocations:
        heads = ctx.ts(ALLOCATION_HEADS)
        rows = [
            [
                a.installment_no,
                ctx.t(COMPONENTS[a.component]),
                format_rupiah(a.amount),
            ]
            for a in v.allocations
        ]
        print_table(heads, rows, right={0, 2})
    elif v.fee:
        print(ctx.t(T("Biaya administrasi: ", "Fee: ")) + format_rupiah(v.fee))
    print(
        ctx.t(T("Sisa pokok: ", "Principal outstanding: "))
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
    print(f"{ctx.t(T('Pelunasan', 'Payoff'))} {q.loan_number} per {short_date(q.as_of)}")
    rows = [
        [ctx.t(T("Pokok", "Principal")), format_rupiah(q.principal)],
        [ctx.t(T("Bunga", "Interest")), format_rupiah(q.interest)],
        [ctx.t(T("Biaya", "Fee")), format_rupiah(q.fee)],
        [ctx.t(T("Denda", "Penalty")), format_rupiah(q.penalty)],
        [ctx.t(T("JUMLAH", "TOTAL")), format_rupiah(q.total)],
    ]
    print_table(["", ""], rows, right={1})
    if q.interest_waived:
        print(
            ctx.t(T("Bunga yang tidak ditagih: ", "Interest not charged: "))
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
    print(ctx.say("cli_repayment_reversed", outstanding=format_rupiah(d.row.principal_outstanding)))
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
    print_table(
        ctx.ts(SCHEDULE_HEADS),
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
    if d.transactions:
        print()
        print_table(
            ctx.ts(TRANSACTION_HEADS),
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
    print_table(
        ctx.ts(LIST_HEADS),
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

"""``koperasi schedule``: a repayment schedule from the terms alone (pure calculation)."""

from __future__ import annotations

from ..domain.fmt import short_date
from ..domain.money import format_rupiah
from ..domain.schedule import ScheduleTerms, generate
from ..messages.text import T
from .base import parse_amount, parse_date, parse_decimal, parse_int, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("schedule", help="hitung jadwal angsuran (tanpa basis data)")
    p.add_argument("--principal", required=True)
    p.add_argument("--rate", required=True)
    p.add_argument("--rate-per", dest="rate_per", choices=["month", "year"], default="month")
    p.add_argument("--repayments", required=True)
    p.add_argument("--every", default="1")
    p.add_argument("--unit", choices=["day", "week", "month"], default="month")
    p.add_argument("--method", choices=["flat", "annuity", "declining"], default="flat")
    p.add_argument("--disbursed", required=True)
    p.add_argument("--first-due", dest="first_due")
    p.add_argument(
        "--interest-period", dest="interest_period", choices=["same", "daily"], default="same"
    )
    p.add_argument("--rounding", choices=["half-up", "half-even"], default="half-up")
    p.add_argument("--amounts-multiple", dest="amounts_multiple", default="1")
    p.add_argument("--installment-multiple", dest="installment_multiple", default="1")
    p.add_argument("--grace-principal", dest="grace_principal", default="0")
    p.add_argument("--grace-interest", dest="grace_interest", default="0")
    p.add_argument("--interest-free", dest="interest_free", default="0")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_schedule)


def terms_from_args(args) -> ScheduleTerms:
    return ScheduleTerms(
        principal=parse_amount(args.principal, "principal"),
        rate=parse_decimal(args.rate, "rate"),
        rate_per=args.rate_per,
        repayments=parse_int(args.repayments, "repayments"),
        every=parse_int(args.every, "every"),
        unit=args.unit,
        method=args.method,
        disbursed=parse_date(args.disbursed, "disbursed"),
        first_due=parse_date(args.first_due, "first_due") if args.first_due else None,
        interest_period=args.interest_period,
        rounding=args.rounding,
        amounts_multiple=parse_int(args.amounts_multiple, "amounts_multiple"),
        installment_multiple=parse_int(args.installment_multiple, "installment_multiple"),
        grace_principal=parse_int(args.grace_principal, "grace_principal"),
        grace_interest=parse_int(args.grace_interest, "grace_interest"),
        interest_free=parse_int(args.interest_free, "interest_free"),
    )


SCHEDULE_HEADS = (
    T("Ke", "No"),
    T("Jatuh tempo", "Due date"),
    T("Pokok", "Principal"),
    T("Bunga", "Interest"),
    T("Angsuran", "Total"),
    T("Sisa pokok", "Balance"),
)


def cmd_schedule(ctx, args) -> int:
    schedule = generate(terms_from_args(args))
    if args.json:
        print_json(schedule.as_dict())
        return 0
    heads = ctx.ts(SCHEDULE_HEADS)
    rows = [
        [
            i.no,
            short_date(i.due_date),
            format_rupiah(i.principal),
            format_rupiah(i.interest),
            format_rupiah(i.total),
            format_rupiah(i.balance),
        ]
        for i in schedule.installments
    ]
    rows.append(
        [
            "",
            ctx.t(T("JUMLAH", "TOTAL")),
            format_rupiah(schedule.total_principal),
            format_rupiah(schedule.total_interest),
            format_rupiah(schedule.total),
            "",
        ]
    )
    print_table(heads, rows, right={0, 2, 3, 4, 5})
    return 0

"""``deposito ...``: time deposits (simpanan berjangka).

    deposito product CODE --name N --term MONTHS --rate R [--payout bulanan|jatuh_tempo]
        [--min N] [--penalty PCT] [--inactive] [--json]     add or change a product
    deposito products [--json]
    deposito place MEMBER PRODUCT AMOUNT --date D [--from kas|sukarela]
        [--instruction aro|aro_plus|sukarela] [--json]
    deposito list [--member NO] [--status aktif|selesai|cair_awal|all] [--json]
    deposito show NUMBER [--json]                          the deposit and its movements
    deposito instruction NUMBER aro|aro_plus|sukarela [--json]
    deposito quote NUMBER --date D [--json]                what a withdrawal would pay
    deposito withdraw NUMBER --date D [--to kas|sukarela] [--reason T] [--json]
    deposito cancel NUMBER --date D --reason T [--json]   undo a mistaken placement
    deposito run YYYY-MM [--json]            interest and maturities of a month (also in
                                             ``loan month-end``); never twice
    deposito maturities [--from D] [--to D] [--json]       upcoming maturities
    deposito bilyet NUMBER -o FILE.pdf                     the deposit certificate
The maturity list as a document: ``report jatuh-tempo-berjangka -o daftar.pdf``.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from ..domain.vocabulary import DepositStatus
from ..messages import label
from ..services import clock
from .base import (
    parse_amount,
    parse_date,
    parse_decimal,
    parse_int,
    parse_period,
    print_json,
    print_table,
)


def register(sub) -> None:
    p = sub.add_parser("deposito", help="simpanan berjangka: produk, penempatan, pencairan")
    ps = p.add_subparsers(dest="deposit_cmd", metavar="ACTION", required=True)

    x = ps.add_parser("product", help="tambah atau ubah produk simpanan berjangka")
    x.add_argument("code")
    x.add_argument("--name", required=True)
    x.add_argument("--term", required=True, help="jangka waktu dalam bulan (3, 6, 12)")
    x.add_argument("--rate", required=True, help="suku bunga %% per tahun")
    x.add_argument("--payout", default="bulanan", help="bulanan atau jatuh_tempo")
    x.add_argument("--min", default="0", help="penempatan minimal")
    x.add_argument("--penalty", default="0", help="penalti pencairan awal, %% dari nominal")
    x.add_argument("--inactive", action="store_true")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_product)

    x = ps.add_parser("products", help="daftar produk simpanan berjangka")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_products)

    x = ps.add_parser("place", help="tempatkan simpanan berjangka")
    x.add_argument("member")
    x.add_argument("product")
    x.add_argument("amount")
    x.add_argument("--date", required=True)
    x.add_argument("--from", dest="source", default="kas", help="kas atau sukarela")
    x.add_argument("--instruction", default="aro", help="aro, aro_plus atau sukarela")
    x.add_argument(
        "--confirm-large",
        dest="confirm_large",
        action="store_true",
        help="jumlah jauh di atas batas kewajaran memang benar",
    )
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_place)

    x = ps.add_parser("list", help="daftar simpanan berjangka")
    x.add_argument("--member")
    x.add_argument("--status", default=DepositStatus.ACTIVE.value)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)

    x = ps.add_parser("show", help="rincian dan mutasi sebuah simpanan berjangka")
    x.add_argument("number")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_show)

    x = ps.add_parser("instruction", help="ubah instruksi jatuh tempo")
    x.add_argument("number")
    x.add_argument("instruction")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_instruction)

    x = ps.add_parser("quote", help="hitung pencairan tanpa membukukan")
    x.add_argument("number")
    x.add_argument("--date", required=True)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_quote)

    x = ps.add_parser("withdraw", help="cairkan simpanan berjangka")
    x.add_argument("number")
    x.add_argument("--date", required=True)
    x.add_argument("--to", default="kas", help="kas atau sukarela")
    x.add_argument("--reason", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_withdraw)

    x = ps.add_parser("cancel", help="batalkan penempatan yang salah (dengan jurnal pembalik)")
    x.add_argument("number")
    x.add_argument("--date", required=True)
    x.add_argument("--reason", required=True)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_cancel)

    x = ps.add_parser("run", help="bunga dan jatuh tempo sebulan (sekali saja)")
    x.add_argument("period", metavar="YYYY-MM")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_run)

    x = ps.add_parser("maturities", help="simpanan berjangka yang akan jatuh tempo")
    x.add_argument("--from", dest="date_from")
    x.add_argument("--to", dest="date_to")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_maturities)

    x = ps.add_parser("bilyet", help="cetak bilyet simpanan berjangka (PDF)")
    x.add_argument("number")
    x.add_argument("-o", "--output", required=True)
    x.set_defaults(func=cmd_bilyet)


def _deposit_json(v) -> dict:
    d = asdict(v)
    d["interest_to_maturity"] = v.interest_to_maturity
    return d


def _print_deposit(ctx, v) -> None:
    print(
        f"{v.number} {v.member_number} {v.member_name}: {v.principal} "
        f"{v.term_months} bln {v.rate_pa}% -> {v.maturity_on.isoformat()} "
        f"({label('td_instruction', v.instruction, ctx.lang)}; "
        f"{label('td_status', v.status, ctx.lang)})"
    )


def cmd_product(ctx, args) -> int:
    from ..services import time_deposit_products as td_products
    from ..services import time_deposits as td

    view = td_products.save_product(
        ctx.db,
        ctx.actor,
        td.ProductInput(
            args.code,
            args.name,
            parse_int(args.term, "term_months"),
            parse_decimal(args.rate, "rate"),
            args.payout,
            parse_amount(args.min, "min_amount"),
            parse_decimal(args.penalty, "penalty_percent"),
            not args.inactive,
        ),
    )
    if args.json:
        print_json(asdict(view))
    else:
        print(f"{view.code} {view.name}")
    return 0


def cmd_products(ctx, args) -> int:
    from ..services import time_deposit_products as td_products

    rows = td_products.list_products(ctx.db)
    if args.json:
        print_json([asdict(p) for p in rows])
        return 0
    print_table(
        ["Kode", "Nama", "Bulan", "Bunga %", "Bunga dibayar", "Minimal", "Penalti %", "Aktif"],
        [
            [
                p.code,
                p.name,
                p.term_months,
                p.rate_pa,
                label("td_payout", p.payout, ctx.lang),
                p.min_amount,
                p.penalty_percent,
                "ya" if p.active else "tidak",
            ]
            for p in rows
        ],
        {2, 3, 5, 6},
    )
    return 0


def cmd_place(ctx, args) -> int:
    from ..services import time_deposits as td

    v = td.place(
        ctx.db,
        ctx.actor,
        args.member,
        args.product,
        parse_amount(args.amount),
        parse_date(args.date),
        source=args.source,
        instruction=args.instruction,
        confirm_large=args.confirm_large,
    )
    if args.json:
        print_json(_deposit_json(v))
    else:
        _print_deposit(ctx, v)
    return 0


def cmd_list(ctx, args) -> int:
    from ..services import time_deposit_reads as td_reads

    status = None if args.status == "all" else args.status
    rows = td_reads.list_deposits(ctx.db, ctx.actor, member_no=args.member, status=status)
    if args.json:
        print_json(
            {
                "deposits": [_deposit_json(v) for v in rows],
                "principal": sum(v.principal for v in rows),
                "accrued": sum(v.accrued for v in rows),
            }
        )
        return 0
    print_table(
        ["Nomor", "Anggota", "Nama", "Nominal", "Bulan", "Bunga %", "Jatuh tempo", "Status"],
        [
            [
                v.number,
                v.member_number,
                v.member_name,
                v.principal,
                v.term_months,
                v.rate_pa,
                v.maturity_on,
                label("td_status", v.status, ctx.lang),
            ]
            for v in rows
        ],
        {3, 4, 5},
    )
    return 0


def cmd_show(ctx, args) -> int:
    from ..services import time_deposit_reads as td_reads

    v = td_reads.get_deposit(ctx.db, args.number, ctx.actor)
    evs = td_reads.events(ctx.db, args.number, ctx.actor)
    if args.json:
        print_json({"deposit": _deposit_json(v), "events": [asdict(e) for e in evs]})
        return 0
    _print_deposit(ctx, v)
    print_table(
        ["Tanggal", "Mutasi", "Pokok", "Bunga bruto", "PPh", "Penalti", "Jurnal"],
        [
            [
                e.date,
                label("td_event", e.kind, ctx.lang),
                e.principal,
                e.gross,
                e.tax,
                e.penalty,
                e.journal_entry_id or "",
            ]
            for e in evs
        ],
        {2, 3, 4, 5},
    )
    return 0


def cmd_instruction(ctx, args) -> int:
    from ..services import time_deposits as td

    v = td.set_instruction(ctx.db, ctx.actor, args.number, args.instruction)
    if args.json:
        print_json(_deposit_json(v))
    else:
        _print_deposit(ctx, v)
    return 0


def _print_withdrawal(ctx, w) -> None:
    paid = ctx.say(
        "cli_deposit_withdrawn",
        principal=w.principal,
        penalty=w.penalty,
        interest=w.interest_paid,
        tax=w.tax,
        forfeited=w.forfeited,
        paid_out=w.paid_out,
    )
    print(f"{w.number}: {paid}")


def cmd_quote(ctx, args) -> int:
    from ..services import time_deposit_withdrawals as td_withdrawals

    w = td_withdrawals.withdraw_quote(ctx.db, args.number, parse_date(args.date), ctx.actor)
    if args.json:
        print_json(asdict(w))
    else:
        _print_withdrawal(ctx, w)
    return 0


def cmd_withdraw(ctx, args) -> int:
    from ..services import time_deposit_withdrawals as td_withdrawals

    w = td_withdrawals.withdraw(
        ctx.db, ctx.actor, args.number, parse_date(args.date), to=args.to, reason=args.reason
    )
    if args.json:
        print_json(asdict(w))
    else:
        _print_withdrawal(ctx, w)
    return 0


def cmd_cancel(ctx, args) -> int:
    from ..services import time_deposits as td

    v = td.cancel(ctx.db, ctx.actor, args.number, parse_date(args.date), args.reason)
    if args.json:
        print_json(_deposit_json(v))
    else:
        _print_deposit(ctx, v)
    return 0


def cmd_run(ctx, args) -> int:
    from ..services import time_deposit_runs as td_runs

    y, m = parse_period(args.period)
    run = td_runs.run_month(ctx.db, ctx.actor, y, m)
    if args.json:
        print_json(asdict(run))
    else:
        done = ctx.say(
            "cli_deposits_month_run",
            interest=run.interest_gross,
            tax=run.interest_tax,
            matured=run.matured,
            rolled_over=run.rolled_over,
            closed=run.closed,
        )
        print(f"{args.period}: {done}")
    return 0


def cmd_maturities(ctx, args) -> int:
    from ..domain.schedule import add_months
    from ..services import time_deposit_reads as td_reads

    start = parse_date(args.date_from, "from") if args.date_from else clock.today()
    end = (
        parse_date(args.date_to, "to")
        if args.date_to
        else add_months(start, 3) - dt.timedelta(days=1)
    )
    rows = td_reads.maturity_list(ctx.db, start, end, ctx.actor)
    if args.json:
        print_json(
            {
                "from": start,
                "to": end,
                "deposits": [asdict(r) for r in rows],
                "principal": sum(r.principal for r in rows),
            }
        )
        return 0
    print_table(
        ["Jatuh tempo", "Nomor", "Anggota", "Nama", "Nominal", "Bunga s.d. JT", "Instruksi"],
        [
            [
                r.maturity_on,
                r.number,
                r.member_number,
                r.member_name,
                r.principal,
                r.interest_at_maturity,
                label("td_instruction", r.instruction, ctx.lang),
            ]
            for r in rows
        ],
        {4, 5},
    )
    return 0


def cmd_bilyet(ctx, args) -> int:
    from ..reports import registry
    from ..reports.common import ReportParams

    path = registry.run(
        ctx.db,
        "bilyet-berjangka",
        ReportParams(deposit=args.number),
        "pdf",
        args.output,
        ctx.lang,
        None,
        ctx.actor,
    )
    print(path)
    return 0


__all__ = ["register"]

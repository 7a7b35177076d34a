"""``close-month YYYY-MM``, ``close-year YYYY``, ``reopen (YYYY-MM | YYYY) --reason R``,
``periods [--year Y]``, ``shu plan|distribute|pay``."""

from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING

from ..domain.money import format_rupiah
from ..messages.text import T
from .base import parse_date, parse_period, parse_year, print_json, print_table

if TYPE_CHECKING:
    from ..services.closing import PeriodView, YearClosing


def register(sub) -> None:
    p = sub.add_parser("close-month", help="tutup buku bulanan (YYYY-MM)")
    p.add_argument("period")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_close_month)
    p = sub.add_parser("close-year", help="tutup buku tahunan: SHU ke 3.90, semua bulan ditutup")
    p.add_argument("year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_close_year)
    p = sub.add_parser("reopen", help="buka kembali bulan (YYYY-MM) atau tahun buku (YYYY)")
    p.add_argument("period", help="YYYY-MM atau YYYY")
    p.add_argument("--reason", required=True)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_reopen)
    p = sub.add_parser("periods", help="status periode buku")
    p.add_argument("--year")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_periods)
    p = sub.add_parser("shu", help="SHU: rencana, pembagian, pembayaran")
    s = p.add_subparsers(dest="shu_cmd", metavar="ACTION", required=True)
    a = s.add_parser("plan", help="rencana pembagian SHU per anggota")
    a.add_argument("year")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_shu_plan)
    a = s.add_parser("distribute", help="bukukan pembagian SHU (setelah RAT)")
    a.add_argument("year")
    a.add_argument("--date", required=True)
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_shu_distribute)
    a = s.add_parser("cover-loss", help="tutup rugi tahun buku dari cadangan (setelah RAT)")
    a.add_argument("year")
    a.add_argument("--date", required=True)
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_shu_cover_loss)
    a = s.add_parser("pay", help="bayarkan SHU anggota (tunai atau ke sukarela)")
    a.add_argument("year")
    a.add_argument("--date", required=True)
    a.add_argument("--to", choices=["cash", "sukarela"], default="cash")
    a.add_argument("--member", action="append", default=None)
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_shu_pay)


def cmd_close_month(ctx, args) -> int:
    from ..services import closing

    year, month = parse_period(args.period)
    view = closing.close_month(ctx.db, ctx.actor, year, month)
    if args.json:
        print_json(view)
    else:
        print(ctx.say("cli_period_closed", p=view.label))
    return 0


def cmd_close_year(ctx, args) -> int:
    from ..services import year_closing

    result = year_closing.close_year(ctx.db, ctx.actor, parse_year(args.year))
    if args.json:
        print_json(result)
    else:
        code = "cli_year_already_closed" if result.already_closed else "cli_year_closed"
        print(ctx.say(code, year=result.year, surplus=format_rupiah(result.surplus)))
        split = ctx.say(
            "cli_year_surplus_split",
            members=format_rupiah(result.member_surplus),
            non_members=format_rupiah(result.non_member_surplus),
        )
        print(f"  {split}")
        if result.backup:
            label = ctx.t(T("Cadangan sebelum tutup buku", "Backup before closing"))
            print(f"  {label}: {result.backup}")
    return 0


def cmd_reopen(ctx, args) -> int:
    from ..services import closing, year_closing

    text = args.period.strip()
    result: PeriodView | YearClosing
    if "-" in text:
        year, month = parse_period(text)
        result = closing.reopen_month(ctx.db, ctx.actor, year, month, args.reason)
    else:
        result = year_closing.reopen_year(ctx.db, ctx.actor, parse_year(text), args.reason)
    if args.json:
        print_json(result)
    else:
        print(ctx.say("cli_reopened", p=text))
    return 0


def cmd_periods(ctx, args) -> int:
    from ..services import closing

    rows = closing.periods(ctx.db, parse_year(args.year) if args.year else None)
    if args.json:
        print_json({"periods": rows, "closed_years": closing.closed_years(ctx.db)})
        return 0
    print_table(
        [ctx.t(T("periode", "period")), "status", "closed_at", "by", "note"],
        [[r.label, r.status, r.closed_at or "", r.closed_by or "", r.note] for r in rows],
    )
    return 0


def cmd_shu_plan(ctx, args) -> int:
    from ..services import shu

    p = shu.plan(ctx.db, parse_year(args.year), ctx.actor)
    if args.json:
        print_json(p)
        return 0
    print(f"SHU {p.year}: {format_rupiah(p.surplus)}")
    if p.surplus < 0:
        from ..domain.shu import LOSS_COVERAGE_LABELS

        label = ctx.t(T(*LOSS_COVERAGE_LABELS[p.loss_coverage]))
        print(ctx.say("cli_shu_loss", loss=format_rupiah(p.loss), proposal=label))
        return 0
    print(
        f"  {ctx.t(T('usaha dengan anggota (dibagi)', 'members (shared)')):32} "
        f"{format_rupiah(p.distributable):>16}"
    )
    nm = ctx.t(T("usaha dengan non-anggota -> ", "non-members -> ") + p.non_member_to)
    print(f"  {nm:32} {format_rupiah(p.to_non_member_destination):>16}")
    for k, v in p.pots.items():
        print(f"  {k:32} {format_rupiah(v):>16}")
    print_table(
        ["anggota", "nama", "Ta", "Sa", "jasa anggota", "jasa modal", "jumlah"],
        [
            [
                m.number,
                m.name,
                format_rupiah(m.interest_paid),
                format_rupiah(m.capital),
                format_rupiah(m.jasa_anggota),
                format_rupiah(m.jasa_modal),
                format_rupiah(m.total),
            ]
            for m in p.members
        ],
        right={2, 3, 4, 5, 6},
    )
    return 0


def cmd_shu_distribute(ctx, args) -> int:
    from ..services import shu

    r = shu.distribute(ctx.db, ctx.actor, parse_year(args.year), parse_date(args.date))
    if args.json:
        print_json(r)
    else:
        print(
            f"SHU {r.year}: {format_rupiah(r.surplus)} -> anggota {format_rupiah(r.to_members)}, "
            f"cadangan {format_rupiah(r.reserve)}, SHU non-anggota {format_rupiah(r.non_member)} "
            f"ke {r.non_member_account or '3.20'} (jurnal #{r.entry_id})"
        )
    return 0


def cmd_shu_cover_loss(ctx, args) -> int:
    from ..services import shu

    r = shu.cover_loss(ctx.db, ctx.actor, parse_year(args.year), parse_date(args.date))
    if args.json:
        print_json(r)
    else:
        print(
            ctx.say(
                "cli_loss_covered", year=r.year, loss=format_rupiah(-r.surplus), entry=r.entry_id
            )
        )
    return 0


def cmd_shu_pay(ctx, args) -> int:
    from ..services import shu

    date = parse_date(args.date) if args.date else dt.date.today()
    out = shu.pay(ctx.db, ctx.actor, parse_year(args.year), date, args.to, args.member)
    if args.json:
        print_json(out)
    else:
        for p in out:
            print(f"{p.member_number}\t{format_rupiah(p.amount)}\t{p.to}\t{p.receipt_no}")
    return 0

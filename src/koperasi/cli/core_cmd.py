"""``init``, ``demo``, ``check``."""

from __future__ import annotations

import sys

from ..domain.money import format_rupiah
from ..messages.text import T
from .base import print_json


def register(sub) -> None:
    p = sub.add_parser("init", help="buat basis data baru (atau periksa yang ada)")
    p.add_argument("--name", help="nama koperasi")
    p.set_defaults(func=cmd_init)

    p = sub.add_parser("demo", help="isi basis data kosong dengan koperasi contoh")
    p.add_argument("--members", default="300")
    p.add_argument("--seed", default="1")
    p.add_argument("--years", default="3")
    p.add_argument(
        "--as-of",
        dest="as_of",
        help="tanggal akhir data contoh (YYYY-MM-DD; bawaan: akhir bulan lalu)",
    )
    p.add_argument("--quiet", action="store_true")
    p.set_defaults(func=cmd_demo)

    p = sub.add_parser("check", help="periksa keseimbangan buku (exit 1 bila ada masalah)")
    p.add_argument("--json", action="store_true")
    p.add_argument(
        "--anchor",
        action="append",
        metavar="JANGKAR",
        help='jangkar buku dari kaki laporan atau buku kerja, mis. "J1234-9f3a2c1b A5678-77e0b4d2"',
    )
    p.set_defaults(func=cmd_check)


def cmd_init(ctx, args) -> int:
    db = ctx.db
    if args.name:
        from dataclasses import replace

        from ..services import settings

        settings.save_profile(db, ctx.actor, replace(settings.get_profile(db), name=args.name))
    print(f"{ctx.t(T('Basis data siap', 'Database ready'))}: {db.display_name}")
    return 0


def cmd_demo(ctx, args) -> int:
    from ..demo import builder as demo
    from .base import parse_date, parse_int

    members = parse_int(args.members, "members")
    seed = parse_int(args.seed, "seed")
    years = parse_int(args.years, "years")
    as_of = parse_date(args.as_of) if args.as_of else None

    def progress(done: int, total: int, message: str) -> None:
        if not args.quiet and sys.stderr.isatty():
            print(f"\r{done}/{total} {message}   ", end="", file=sys.stderr, flush=True)

    summary = demo.build_demo(
        ctx.db,
        members=members,
        seed=seed,
        years=years,
        as_of=as_of,
        progress=progress,
        actor=ctx.actor,
    )
    if not args.quiet and sys.stderr.isatty():
        print(file=sys.stderr)
    print(
        ctx.say(
            "cli_demo_created",
            members=summary.members,
            groups=summary.groups,
            months=summary.months,
            savings=summary.savings_transactions,
        )
    )
    return 0


def cmd_check(ctx, args) -> int:
    from ..services import book_anchor
    from ..services.check import CheckReport, Problem, run_checks

    papers = list(args.anchor or ())
    for text in papers:
        book_anchor.parse(text)  # a mistyped anchor is bad input (exit 2), before the checks
    report = run_checks(ctx.db, ctx.actor)
    if papers:  # anchors printed on papers / written in workbooks, checked against the books
        found = [
            Problem("paper_anchor", m.message("id"), m.message("en"), f"{m.kind}{m.row_id}")
            for text in papers
            for m in book_anchor.verify(ctx.db, text)
        ]
        report = CheckReport((*report.checks_run, "paper_anchor"), (*report.problems, *found))
    if args.json:
        print_json(
            {
                "ok": report.ok,
                "checks": list(report.checks_run),
                "problems": [
                    {"check": p.check, "message": p.message(ctx.lang), "ref": p.ref}
                    for p in report.problems
                ],
                "anchor": book_anchor.current(ctx.db).short(),
            }
        )
    else:
        for p in report.problems:
            print(f"[{p.check}] {p.message(ctx.lang)}" + (f" ({p.ref})" if p.ref else ""))
        anchor = book_anchor.current(ctx.db).short()
        if anchor:
            print(ctx.t(T("Jangkar buku: ", "Book anchor: ")) + anchor)
        if report.ok:
            passed = T(
                "Buku seimbang; semua pemeriksaan lolos: ", "Books balance; all checks passed: "
            )
            print(ctx.t(passed) + ", ".join(report.checks_run))
        else:
            print(ctx.say("cli_check_problems", count=len(report.problems)), file=sys.stderr)
    return 0 if report.ok else 1


__all__ = ["register", "format_rupiah"]

"""``pesan ...`` (messages to members) and ``pertemuan ...`` (the meeting sheet filled offline).

    pesan list [--date D] [--kind K]... [--rat-year Y] [--group G] [--json]
        whom to message on a day, with the text and the WhatsApp link
    pesan export FILE.csv|FILE.xlsx [same filters] [--mark-sent]   for an SMS/WA gateway
    pesan mark [same filters] [--member N]... [--channel whatsapp|sms|gateway] [--json]
        log the listed (still pending) messages as sent
    pesan log [--from D] [--to D] [--member N] [--json]
    pesan template list [--json] · pesan template set KIND --text T [--days N]
    pesan template reset KIND
    pesan consent MEMBER [--yes|--no] [--opt-out|--opt-in] [--date D] [--json]
    pesan consent-list [--json]
    pertemuan export GROUP --date D -o FILE.xlsx [--json]
    pertemuan import FILE.xlsx [--group G] [--date D] [--dry-run] [--confirm-large] [--json]
Nothing is sent from here: a link is opened by a person, a gateway file uploaded by a person.
"""

from __future__ import annotations

import sys
from dataclasses import asdict

from ..messages.text import T
from ..services import clock
from .base import parse_date, parse_int, parse_year, print_json, print_table


def _filters(x) -> None:
    x.add_argument("--date", help="tanggal daftar (bawaan: hari ini)")
    x.add_argument(
        "--kind",
        action="append",
        help="jatuh_tempo, tunggakan, setoran, shu, rat (boleh berulang)",
    )
    x.add_argument("--rat-year", help="tahun buku RAT untuk undangan RAT")
    x.add_argument("--group", help="hanya anggota kelompok ini")


def register(sub) -> None:
    p = sub.add_parser("pesan", help="pesan ke anggota: daftar harian, WhatsApp, log")
    ps = p.add_subparsers(dest="pesan_cmd", metavar="ACTION", required=True)

    x = ps.add_parser("list", help="siapa yang perlu dikirimi pesan pada suatu hari")
    _filters(x)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)

    x = ps.add_parser("export", help="berkas CSV/XLSX untuk gateway SMS/WhatsApp")
    x.add_argument("file")
    _filters(x)
    x.add_argument("--mark-sent", action="store_true", help="catat sebagai terkirim (gateway)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_export)

    x = ps.add_parser("mark", help="tandai pesan dalam daftar sebagai terkirim")
    _filters(x)
    x.add_argument("--member", action="append", help="hanya anggota ini (boleh berulang)")
    x.add_argument("--channel", default="whatsapp", help="whatsapp, sms atau gateway")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_mark)

    x = ps.add_parser("log", help="pesan yang sudah ditandai terkirim")
    x.add_argument("--from", dest="start")
    x.add_argument("--to", dest="end")
    x.add_argument("--member")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_log)

    t = ps.add_parser("template", help="templat pesan")
    ts = t.add_subparsers(dest="template_cmd", metavar="ACTION", required=True)
    x = ts.add_parser("list")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_template_list)
    x = ts.add_parser("set")
    x.add_argument("kind")
    x.add_argument("--text", required=True)
    x.add_argument("--days", help="jatuh_tempo: berapa hari sebelum jatuh tempo")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_template_set)
    x = ts.add_parser("reset")
    x.add_argument("kind")
    x.set_defaults(func=cmd_template_reset)

    x = ps.add_parser("consent", help="persetujuan dan berhenti berlangganan seorang anggota")
    x.add_argument("member")
    g = x.add_mutually_exclusive_group()
    g.add_argument("--yes", dest="consent", action="store_const", const=True)
    g.add_argument("--no", dest="consent", action="store_const", const=False)
    o = x.add_mutually_exclusive_group()
    o.add_argument("--opt-out", dest="opted_out", action="store_const", const=True)
    o.add_argument("--opt-in", dest="opted_out", action="store_const", const=False)
    x.add_argument("--date")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_consent)

    x = ps.add_parser("consent-list", help="persetujuan semua anggota")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_consent_list)

    p = sub.add_parser("pertemuan", help="lembar pertemuan kelompok untuk diisi tanpa aplikasi")
    ps = p.add_subparsers(dest="sheet_cmd", metavar="ACTION", required=True)
    x = ps.add_parser("export", help="ekspor lembar pertemuan (XLSX)")
    x.add_argument("group")
    x.add_argument("--date", required=True)
    x.add_argument("-o", "--output", required=True)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_sheet_export)
    x = ps.add_parser("import", help="periksa dan bukukan lembar yang sudah diisi")
    x.add_argument("file")
    x.add_argument("--group")
    x.add_argument("--date")
    x.add_argument("--dry-run", action="store_true")
    x.add_argument(
        "--confirm-large",
        dest="confirm_large",
        action="store_true",
        help="bukukan juga jumlah di atas batas kewajaran",
    )
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_sheet_import)


def _list(ctx, args):
    from ..services import message_list

    day = parse_date(args.date, "date") if args.date else clock.today()
    return message_list.daily_list(
        ctx.db,
        day,
        ctx.actor,
        args.kind,
        parse_year(args.rat_year, "rat_year") if args.rat_year else None,
        args.group,
    )


def _item_json(i) -> dict:
    return asdict(i)


def cmd_list(ctx, args) -> int:
    from ..services import member_messages as mm

    lst = _list(ctx, args)
    if args.json:
        print_json(
            {
                "date": lst.date,
                "items": [_item_json(i) for i in lst.items],
                "skipped_no_consent": lst.skipped_no_consent,
                "skipped_opted_out": lst.skipped_opted_out,
            }
        )
        return 0
    print_table(
        ["Anggota", "Nama", "Jenis", "Jumlah", "Nomor", "Terkirim", "Tautan / masalah"],
        [
            [
                i.member_number,
                i.member_name,
                i.kind,
                i.amount or "",
                i.phone or i.phone_raw,
                i.sent_at.strftime("%d/%m/%Y %H:%M") if i.sent_at else "",
                i.link or mm.phone_problem_text(i.phone_problem, ctx.lang),
            ]
            for i in lst.items
        ],
        {3},
    )
    print(
        ctx.say(
            "cli_messages_listed",
            count=len(lst.items),
            no_consent=lst.skipped_no_consent,
            opted_out=lst.skipped_opted_out,
        )
    )
    return 0


def cmd_export(ctx, args) -> int:
    from ..services import message_log

    lst = _list(ctx, args)
    n = message_log.export_list(lst.items, args.file)
    marked = 0
    if args.mark_sent and n:
        keys = [i.key for i in lst.pending]
        marked = len(
            message_log.mark_sent(ctx.db, ctx.actor, lst.date, keys, "gateway", _rat(args))
        )
    if args.json:
        print_json({"file": args.file, "rows": n, "marked_sent": marked})
    else:
        print(f"{args.file}: {n}")
    return 0


def _rat(args):
    return parse_year(args.rat_year, "rat_year") if args.rat_year else None


def cmd_mark(ctx, args) -> int:
    from ..services import message_log

    lst = _list(ctx, args)
    wanted = {m.strip().upper() for m in args.member or []}
    keys = [i.key for i in lst.pending if not wanted or i.member_number in wanted]
    done = message_log.mark_sent(ctx.db, ctx.actor, lst.date, keys, args.channel, _rat(args))
    if args.json:
        print_json({"marked": [_item_json(i) for i in done]})
    else:
        print(len(done))
    return 0


def cmd_log(ctx, args) -> int:
    from ..services import message_log

    rows = message_log.sent_log(
        ctx.db,
        ctx.actor,
        parse_date(args.start, "date") if args.start else None,
        parse_date(args.end, "date") if args.end else None,
        args.member,
    )
    if args.json:
        print_json({"log": [asdict(r) for r in rows]})
        return 0
    print_table(
        ["Waktu", "Oleh", "Anggota", "Jenis", "Ref", "Saluran", "Nomor"],
        [
            [
                r.sent_at.strftime("%d/%m/%Y %H:%M"),
                r.sent_by,
                r.member_number,
                r.kind,
                r.ref,
                r.channel,
                r.phone,
            ]
            for r in rows
        ],
    )
    return 0


def cmd_template_list(ctx, args) -> int:
    from ..services import message_templates

    rows = message_templates.templates(ctx.db)
    if args.json:
        print_json({"templates": [asdict(t) for t in rows]})
        return 0
    for t in rows:
        days = f" ({t.days_before} hari)" if t.code == "jatuh_tempo" else ""
        print(f"[{t.code}]{days}{' *' if t.customised else ''}\n  {t.text}")
    return 0


def cmd_template_set(ctx, args) -> int:
    from ..services import message_templates

    t = message_templates.save_template(
        ctx.db,
        ctx.actor,
        args.kind,
        args.text,
        parse_int(args.days, "days_before") if args.days is not None else None,
    )
    if args.json:
        print_json(asdict(t))
    else:
        print(t.code)
    return 0


def cmd_template_reset(ctx, args) -> int:
    from ..services import message_templates

    print(message_templates.reset_template(ctx.db, ctx.actor, args.kind).code)
    return 0


def cmd_consent(ctx, args) -> int:
    from ..services import member_messages as mm

    if args.consent is None and args.opted_out is None:
        c = mm.get_consent(ctx.db, args.member, ctx.actor)
    else:
        c = mm.set_consent(
            ctx.db,
            ctx.actor,
            args.member,
            consent=args.consent,
            opted_out=args.opted_out,
            on=parse_date(args.date, "date") if args.date else None,
        )
    if args.json:
        print_json({**asdict(c), "may_message": c.may_message})
    else:
        yes, no = T("ya", "yes"), T("tidak", "no")
        print(
            f"{c.member_number} {c.member_name}: "
            f"{ctx.t(T('setuju', 'consent'))} {ctx.t(yes if c.consent else no)}, "
            f"{ctx.t(T('berhenti', 'opted out'))} {ctx.t(yes if c.opted_out else no)}"
        )
    return 0


def cmd_consent_list(ctx, args) -> int:
    from ..services import member_messages as mm

    rows = mm.consents(ctx.db, ctx.actor)
    if args.json:
        print_json({"members": [{**asdict(c), "may_message": c.may_message} for c in rows]})
        return 0
    print_table(
        ["Anggota", "Nama", "HP", "Setuju", "Berhenti"],
        [
            [c.member_number, c.member_name, c.phone, c.consent_on or "", c.opted_out_on or ""]
            for c in rows
        ],
    )
    return 0


def cmd_sheet_export(ctx, args) -> int:
    from ..services import meeting_sheet as ms

    exp = ms.export_sheet(ctx.db, ctx.actor, args.group, parse_date(args.date, "date"), args.output)
    if args.json:
        print_json(asdict(exp))
    else:
        print(exp.path)
    return 0


def _sheet_json(rep, lang: str) -> dict:
    return {
        "sheet": rep.sheet_id,
        "group": rep.group_code,
        "date": rep.date,
        "ok": rep.ok,
        "lines": [asdict(ln) for ln in rep.lines if ln.total],
        "total": rep.total,
        "errors": rep.messages(lang),
        "receipts": [asdict(r) for r in rep.posted.receipts] if rep.posted else [],
        "written": rep.posted is not None,
    }


def cmd_sheet_import(ctx, args) -> int:
    from ..services import meeting_sheet as ms

    group = args.group
    date = parse_date(args.date, "date") if args.date else None
    if args.dry_run:
        rep = ms.check_sheet(ctx.db, ctx.actor, args.file, group, date)
    else:
        try:
            rep = ms.import_sheet(
                ctx.db, ctx.actor, args.file, group, date, confirm_large=args.confirm_large
            )
        except ms.SheetRefused as exc:
            rep = exc.report
    if args.json:
        print_json(_sheet_json(rep, ctx.lang))
    else:
        for line in rep.messages(ctx.lang):
            print(line, file=sys.stderr)
        if rep.posted:
            for r in rep.posted.receipts:
                print(f"{r.receipt_no}  {r.member_number}  {r.total}")
        print(
            f"{len([ln for ln in rep.lines if ln.total])} anggota, {rep.total}; "
            f"{'dibukukan' if rep.posted else 'tidak ada yang disimpan'}"
        )
    return 0 if rep.ok else 2

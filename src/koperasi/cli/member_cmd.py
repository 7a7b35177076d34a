"""``member add|list|show|exit``, ``group add|list|assign|leader``."""

from __future__ import annotations

import datetime as dt

from ..domain.fmt import long_date
from ..domain.money import format_rupiah
from ..messages.text import T, Text
from .base import parse_date, parse_int, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("member", help="anggota")
    msub = p.add_subparsers(dest="member_cmd", metavar="ACTION", required=True)
    a = msub.add_parser("add", help="daftarkan anggota baru")
    a.add_argument("--name", required=True)
    a.add_argument("--nik", required=True)
    a.add_argument("--gender", required=True, help="L atau P")
    a.add_argument("--join-date", dest="join_date", default=None)
    a.add_argument("--birth-date", dest="birth_date")
    a.add_argument("--birth-place", dest="birth_place", default="")
    a.add_argument("--address", default="")
    a.add_argument("--kelurahan", default="")
    a.add_argument("--kecamatan", default="")
    a.add_argument("--phone", default="")
    a.add_argument("--occupation", default="")
    a.add_argument("--heir", default="")
    a.add_argument("--heir-relation", dest="heir_relation", default="")
    a.add_argument("--group")
    a.add_argument("--category", action="append", default=[], help="kategori kerentanan (berulang)")
    a.add_argument("--number", help="nomor anggota (kosong: otomatis)")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_add)

    ls = msub.add_parser("list", help="daftar anggota")
    ls.add_argument("--search")
    ls.add_argument("--group")
    ls.add_argument("--status")
    ls.add_argument("--limit", default="50")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_list)

    sh = msub.add_parser("show", help="rincian anggota")
    sh.add_argument("number")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_show)

    ex = msub.add_parser("exit", help="akhiri keanggotaan (simpanan diselesaikan)")
    ex.add_argument("number")
    ex.add_argument("--date")
    ex.add_argument("--reason", required=True)
    ex.add_argument("--status", default="keluar", choices=["keluar", "meninggal"])
    ex.add_argument("--json", action="store_true")
    ex.set_defaults(func=cmd_exit)

    g = sub.add_parser("group", help="kelompok")
    gsub = g.add_subparsers(dest="group_cmd", metavar="ACTION", required=True)
    ga = gsub.add_parser("add", help="buat kelompok")
    ga.add_argument("--code", required=True)
    ga.add_argument("--name", required=True)
    ga.add_argument("--meeting-day", dest="meeting_day", help="0=Senin ... 6=Minggu")
    ga.add_argument("--place", default="")
    ga.add_argument("--kelurahan", default="")
    ga.add_argument("--json", action="store_true")
    ga.set_defaults(func=cmd_group_add)
    gl = gsub.add_parser("list", help="daftar kelompok")
    gl.add_argument("--json", action="store_true")
    gl.set_defaults(func=cmd_group_list)
    gm = gsub.add_parser("assign", help="pindahkan anggota ke kelompok")
    gm.add_argument("member")
    gm.add_argument("group")
    gm.add_argument("--date")
    gm.set_defaults(func=cmd_group_assign)
    gld = gsub.add_parser("leader", help="tetapkan ketua kelompok")
    gld.add_argument("group")
    gld.add_argument("member")
    gld.set_defaults(func=cmd_group_leader)
    gs = gsub.add_parser("show", help="anggota kelompok")
    gs.add_argument("group")
    gs.add_argument("--json", action="store_true")
    gs.set_defaults(func=cmd_group_show)


def cmd_add(ctx, args) -> int:
    from ..services.members import MemberInput, register_member

    data = MemberInput(
        name=args.name,
        nik=args.nik,
        gender=args.gender,
        join_date=parse_date(args.join_date, "join_date") if args.join_date else dt.date.today(),
        birth_date=parse_date(args.birth_date, "birth_date") if args.birth_date else None,
        birth_place=args.birth_place,
        address=args.address,
        kelurahan=args.kelurahan,
        kecamatan=args.kecamatan,
        phone=args.phone,
        occupation=args.occupation,
        heir_name=args.heir,
        heir_relation=args.heir_relation,
        group_code=args.group,
        categories=tuple(args.category),
        number=args.number,
    )
    m = register_member(ctx.db, ctx.actor, data)
    if args.json:
        print_json(m)
    else:
        print(ctx.t(T("Anggota terdaftar: ", "Member registered: ")) + f"{m.number} {m.name}")
    return 0


LIST_HEADS = (
    T("No. anggota", "Number"),
    T("Nama", "Name"),
    T("L/P", "Sex"),
    "NIK",
    T("Telepon", "Phone"),
    T("Kelompok", "Group"),
    "Status",
)
SAVINGS_HEADS = (T("Simpanan", "Savings"), T("Rekening", "Account"), T("Saldo", "Balance"))


def cmd_list(ctx, args) -> int:
    from ..services.members import count_members, list_members

    limit = parse_int(args.limit, "members")
    rows = list_members(
        ctx.db,
        search=args.search,
        limit=limit,
        group_code=args.group,
        status=args.status,
        actor=ctx.actor,
    )
    if args.json:
        print_json(
            {
                "total": count_members(
                    ctx.db, args.search, args.group, args.status, actor=ctx.actor
                ),
                "members": rows,
            }
        )
        return 0
    print_table(
        ctx.ts(LIST_HEADS),
        [[r.number, r.name, r.gender, r.nik, r.phone, r.group_name or "-", r.status] for r in rows],
    )
    return 0


def cmd_show(ctx, args) -> int:
    from ..services import savings_statements
    from ..services.members import get_member

    m = get_member(ctx.db, args.number, actor=ctx.actor)
    balances = savings_statements.member_balances(ctx.db, m.number, actor=ctx.actor)
    if args.json:
        print_json({"member": m, "savings": balances})
        return 0
    pairs: list[tuple[Text, str]] = [
        (T("Nomor", "Number"), m.number),
        (T("Nama", "Name"), m.name),
        ("NIK", m.nik),
        (T("Jenis kelamin", "Gender"), m.gender),
        (T("Alamat", "Address"), f"{m.address}, {m.kelurahan}, {m.kecamatan}"),
        (T("Telepon", "Phone"), m.phone),
        (T("Pekerjaan", "Occupation"), m.occupation),
        (T("Tanggal masuk", "Joined"), long_date(m.join_date, ctx.lang)),
        (T("Kelompok", "Group"), m.group_name or "-"),
        ("Status", m.status),
        (T("Ahli waris", "Heir"), f"{m.heir_name} ({m.heir_relation})"),
        (T("Kategori", "Categories"), ", ".join(m.categories) or "-"),
    ]
    for k, v in pairs:
        print(f"{ctx.t(k):<15} {v}")
    print()
    print_table(
        ctx.ts(SAVINGS_HEADS),
        [[b.product_name, b.account_number, format_rupiah(b.balance)] for b in balances],
        right={2},
    )
    return 0


def cmd_exit(ctx, args) -> int:
    from ..services.member_exit import exit_member

    date = parse_date(args.date) if args.date else dt.date.today()
    r = exit_member(ctx.db, ctx.actor, args.number, date, args.reason, args.status)
    if args.json:
        print_json(r)
    else:
        print(ctx.say("cli_member_exited", number=r.member.number, paid=format_rupiah(r.returned)))
    return 0


def cmd_group_add(ctx, args) -> int:
    from ..services.groups import GroupInput, create_group

    day = parse_int(args.meeting_day, "meeting_day") if args.meeting_day not in (None, "") else None
    g = create_group(
        ctx.db, ctx.actor, GroupInput(args.code, args.name, day, args.place, args.kelurahan)
    )
    if args.json:
        print_json(g)
    else:
        print(ctx.t(T("Kelompok dibuat: ", "Group created: ")) + f"{g.code} {g.name}")
    return 0


def cmd_group_list(ctx, args) -> int:
    from ..services.groups import list_groups

    rows = list_groups(ctx.db, actor=ctx.actor)
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["Kode", "Nama", "Ketua", "Hari", "Tempat", "Anggota"],
        [
            [
                g.code,
                g.name,
                g.leader_name or "-",
                g.meeting_day_name,
                g.meeting_place,
                g.member_count,
            ]
            for g in rows
        ],
        right={5},
    )
    return 0


def cmd_group_assign(ctx, args) -> int:
    from ..services.groups import assign_member

    assign_member(
        ctx.db, ctx.actor, args.member, args.group, parse_date(args.date) if args.date else None
    )
    print("OK")
    return 0


def cmd_group_leader(ctx, args) -> int:
    from ..services.groups import set_leader

    g = set_leader(ctx.db, ctx.actor, args.group, args.member)
    print(f"{g.code}: {g.leader_name}")
    return 0


def cmd_group_show(ctx, args) -> int:
    from ..services.groups import get_group, group_members

    g = get_group(ctx.db, args.group, actor=ctx.actor)
    rows = group_members(ctx.db, g.code, actor=ctx.actor)
    if args.json:
        print_json({"group": g, "members": rows})
        return 0
    print(f"{g.code} {g.name} — {g.meeting_day_name}, {g.meeting_place}")
    print_table(
        ["No.", "Nama", "L/P", "Masuk", "Ketua"],
        [
            [r.number, r.name, r.gender, r.joined_on.isoformat(), "✓" if r.is_leader else ""]
            for r in rows
        ],
    )
    return 0

"""``profile show|set`` (the cooperative's identity) and ``settings show|set`` (business rules)."""

from __future__ import annotations

import json
from dataclasses import asdict, replace

from ..errors import ValidationError
from ..messages.text import T
from .base import parse_amount, parse_decimal, print_json

# business settings a treasurer may change from the CLI, with their validators
SETTABLE = {
    "rounding": lambda v: _choice(v, ("half-up", "half-even"), "rounding"),
    "financial_year_start_month": lambda v: _month(v),
    "member_number_pattern": lambda v: _pattern(v),
    # UU 25/1992 Pasal 45: where the SHU from non-member business goes (never to members)
    "shu_non_member_to": lambda v: _choice(
        v, ("cadangan", "cadangan_risiko", "dana_pendidikan", "dana_sosial"), "shu_non_member_to"
    ),
    # a loss year's proposal to the RAT: covered from the reserve, or carried forward
    "shu_loss_coverage": lambda v: _choice(v, ("cadangan", "carry_forward"), "shu_loss_coverage"),
}


def _choice(value: str, choices: tuple[str, ...], key: str) -> str:
    if value not in choices:
        raise ValidationError(key, "choice", choices=", ".join(choices), value=value)
    return value


def _month(value: str) -> int:
    if not value.isdigit() or not 1 <= int(value) <= 12:
        raise ValidationError("date", "choice", choices="1..12", value=value)
    return int(value)


def _pattern(value: str) -> str:
    try:
        value.format(seq=1, year=2026)
    except (KeyError, IndexError, ValueError) as exc:
        raise ValidationError("code", "invalid") from exc
    if "{seq" not in value:
        raise ValidationError("code", "invalid")
    return value


def register(sub) -> None:
    p = sub.add_parser("profile", help="identitas koperasi")
    ps = p.add_subparsers(dest="profile_cmd", metavar="ACTION", required=True)
    show = ps.add_parser("show")
    show.add_argument("--json", action="store_true")
    show.set_defaults(func=cmd_profile_show)
    st = ps.add_parser("set")
    for f in fields_of_profile():
        st.add_argument(f"--{f.replace('_', '-')}", dest=f)
    st.set_defaults(func=cmd_profile_set)

    s = sub.add_parser(
        "settings", help="aturan usaha (pembulatan, tahun buku, nomor anggota, produk simpanan)"
    )
    ss = s.add_subparsers(dest="settings_cmd", metavar="ACTION", required=True)
    sh = ss.add_parser("show")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_settings_show)
    se = ss.add_parser("set")
    se.add_argument("key", choices=sorted(SETTABLE))
    se.add_argument("value")
    se.set_defaults(func=cmd_settings_set)
    sp = ss.add_parser("savings-product", help="ubah aturan produk simpanan")
    sp.add_argument("code")
    sp.add_argument("--name")
    sp.add_argument("--fixed-amount", dest="fixed_amount")
    sp.add_argument("--min-balance", dest="min_balance")
    sp.add_argument("--rate", help="jasa %% per tahun")
    sp.add_argument("--min-for-interest", dest="min_for_interest")
    sp.set_defaults(func=cmd_savings_product)
    pl = ss.add_parser(
        "ceilings", help="batas kewajaran jumlah per jenis transaksi (lihat, ubah, kosongkan)"
    )
    pl.add_argument("--set", action="append", default=[], metavar="JENIS=JUMLAH")
    pl.add_argument("--clear", action="append", default=[], metavar="JENIS")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_ceilings)


# services.settings.Profile's fields, named here so that building the parser (``--help``)
# does not import the services and SQLAlchemy (a test keeps the two lists equal)
PROFILE_FIELDS = (
    "name",
    "legal_number",
    "address",
    "city",
    "phone",
    "logo_path",
    "chair",
    "secretary",
    "treasurer",
    "supervisor",
)


def fields_of_profile() -> list[str]:
    return list(PROFILE_FIELDS)


def cmd_profile_show(ctx, args) -> int:
    from ..services import settings

    prof = settings.get_profile(ctx.db)
    if args.json:
        print_json(prof)
    else:
        for k, v in asdict(prof).items():
            print(f"{k:<14} {v}")
    return 0


def cmd_profile_set(ctx, args) -> int:
    from ..services import settings

    prof = settings.get_profile(ctx.db)
    changes = {f: getattr(args, f) for f in fields_of_profile() if getattr(args, f) is not None}
    settings.save_profile(ctx.db, ctx.actor, replace(prof, **changes))
    print("OK")
    return 0


def cmd_settings_show(ctx, args) -> int:
    from ..services import savings_products, settings

    data = {k: settings.get(ctx.db, k) for k in SETTABLE}
    data["savings_products"] = [asdict(p) for p in savings_products.list_products(ctx.db)]
    if args.json:
        print_json(data)
    else:
        print(json.dumps(data, indent=2, ensure_ascii=False, default=str))
    return 0


def cmd_settings_set(ctx, args) -> int:
    from ..services import settings

    settings.put(ctx.db, ctx.actor, args.key, SETTABLE[args.key](args.value))
    print("OK")
    return 0


def cmd_savings_product(ctx, args) -> int:
    from ..services import savings_products

    p = savings_products.update_product(
        ctx.db,
        ctx.actor,
        args.code,
        name=args.name,
        fixed_amount=parse_amount(args.fixed_amount) if args.fixed_amount else None,
        min_balance=parse_amount(args.min_balance) if args.min_balance else None,
        interest_rate_pa=parse_decimal(args.rate, "rate") if args.rate else None,
        min_balance_for_interest=parse_amount(args.min_for_interest)
        if args.min_for_interest
        else None,
    )
    print(f"{p.code}: {p.name}")
    return 0


def cmd_ceilings(ctx, args) -> int:
    """Show the plausibility ceilings; ``--set KIND=AMOUNT`` / ``--clear KIND`` change them."""
    from ..domain.money import format_rupiah
    from ..services import plausibility

    changes: dict[str, int | None] = {k.strip(): None for k in args.clear}
    for item in args.set:
        kind, sep, amount = item.partition("=")
        if not sep:
            raise ValidationError("kind", "invalid")
        changes[kind.strip()] = parse_amount(amount, "ceiling")
    if changes:
        rows = plausibility.set_ceilings(ctx.db, ctx.actor, changes)
    else:
        rows = plausibility.ceilings(ctx.db)
    if args.json:
        print_json(rows)
        return 0
    for c in rows:
        own = format_rupiah(c.override) if c.override else "-"
        label = ctx.t(T(c.label, c.label_en))
        print(
            f"{c.kind:<18} {label:<32} {format_rupiah(c.typical):>14}"
            f" {format_rupiah(c.derived):>16} {own:>16}"
        )
    return 0

"""``aset ...``: fixed assets (aset tetap / inventaris).

    aset add --name N --group tanah|bangunan|kendaraan|peralatan --date D --cost N
        [--life MONTHS] [--residual N] [--location L] [--paid kas|bank|hutang] [--code C]
    aset list [--date D] [--all] [--json]        the register at a date (default today)
    aset depreciate YYYY-MM [--json]             a month's depreciation (also in
                                                 ``loan month-end``); never twice
    aset dispose CODE --date D [--proceeds N] [--into kas|bank] [--note T] [--json]
    aset reverse CODE --what acquisition|disposal --date D --reason T [--json]
                                                 an entry recorded by mistake
    aset import FILE.xlsx --opening-date D [--dry-run] [--json]   moving in
    aset template FILE.xlsx                      an empty import sheet
The register as a document: ``report aset-tetap --year YEAR -o aset.pdf``.
"""

from __future__ import annotations

import sys
from dataclasses import asdict

from ..messages.text import T
from ..services import clock
from .base import parse_amount, parse_date, parse_int, parse_period, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("aset", help="aset tetap: daftar, penyusutan, pelepasan, impor")
    ps = p.add_subparsers(dest="asset_cmd", metavar="ACTION", required=True)

    x = ps.add_parser("add", help="catat pembelian aset tetap")
    x.add_argument("--name", required=True)
    x.add_argument("--group", required=True)
    x.add_argument("--date", required=True)
    x.add_argument("--cost", required=True)
    x.add_argument("--life", default="0", help="umur manfaat dalam bulan")
    x.add_argument("--residual", default="0")
    x.add_argument("--location", default="")
    x.add_argument("--paid", default="kas", help="kas, bank atau hutang")
    x.add_argument("--code", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_add)

    x = ps.add_parser("list", help="daftar aset tetap per tanggal")
    x.add_argument("--date")
    x.add_argument("--all", action="store_true", help="termasuk yang sudah dilepas")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)

    x = ps.add_parser("depreciate", help="penyusutan sebulan (sekali saja)")
    x.add_argument("period", metavar="YYYY-MM")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_depreciate)

    x = ps.add_parser("dispose", help="jual atau hapus aset tetap")
    x.add_argument("code")
    x.add_argument("--date", required=True)
    x.add_argument("--proceeds", default="0")
    x.add_argument("--into", default="kas", help="kas atau bank")
    x.add_argument("--note", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_dispose)

    x = ps.add_parser("reverse", help="batalkan pencatatan atau pelepasan yang salah")
    x.add_argument("code")
    x.add_argument("--what", required=True, choices=["acquisition", "disposal"])
    x.add_argument("--date", required=True)
    x.add_argument("--reason", required=True)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_reverse)

    x = ps.add_parser("import", help="aset tetap saat pindah ke aplikasi (saldo awal)")
    x.add_argument("file")
    x.add_argument("--opening-date", required=True)
    x.add_argument("--dry-run", action="store_true")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_import)

    x = ps.add_parser("template", help="lembar impor kosong")
    x.add_argument("file")
    x.set_defaults(func=cmd_template)


def _row_json(r) -> dict:
    d = asdict(r)
    d["book_value"] = r.book_value
    return d


def cmd_add(ctx, args) -> int:
    from ..services import fixed_assets as fa

    row = fa.add_asset(
        ctx.db,
        ctx.actor,
        fa.AssetInput(
            args.name,
            args.group.strip().lower(),
            parse_date(args.date, "acquired_on"),
            parse_amount(args.cost, "cost"),
            parse_int(args.life, "life_months"),
            parse_amount(args.residual, "residual"),
            args.location,
            args.paid,
            args.code,
        ),
    )
    if args.json:
        print_json(_row_json(row))
    else:
        print(f"{row.code} {row.name}")
    return 0


def cmd_list(ctx, args) -> int:
    from ..services import fixed_assets as fa

    as_of = parse_date(args.date, "date") if args.date else clock.today()
    rows = fa.register(ctx.db, as_of, ctx.actor, include_disposed=args.all)
    if args.json:
        print_json(
            {
                "as_of": as_of,
                "assets": [_row_json(r) for r in rows],
                "cost": sum(r.cost for r in rows),
                "accumulated": sum(r.accumulated for r in rows),
                "book_value": sum(r.book_value for r in rows),
            }
        )
        return 0
    print_table(
        ["Kode", "Nama", "Kelompok", "Perolehan", "Harga", "Akumulasi", "Nilai buku"],
        [
            [r.code, r.name, r.group, r.acquired_on, r.cost, r.accumulated, r.book_value]
            for r in rows
        ],
        {4, 5, 6},
    )
    return 0


def cmd_depreciate(ctx, args) -> int:
    from ..services import fixed_asset_depreciation as fa_depreciation

    y, m = parse_period(args.period)
    run = fa_depreciation.depreciate_month(ctx.db, ctx.actor, y, m)
    if args.json:
        print_json(asdict(run))
    elif run.already_posted:
        print(
            ctx.say(
                "cli_depreciation_posted_before", period=args.period, entry=run.journal_entry_id
            )
        )
    else:
        print(f"{args.period}: {run.amount} ({run.assets})")
    return 0


def cmd_dispose(ctx, args) -> int:
    from ..services import fixed_asset_disposal as fa_disposal
    from ..services import fixed_assets as fa

    result = fa_disposal.dispose(
        ctx.db,
        ctx.actor,
        fa.asset_id_of(ctx.db, args.code),
        parse_date(args.date, "date"),
        parse_amount(args.proceeds, "proceeds"),
        args.into,
        args.note,
    )
    if args.json:
        print_json(asdict(result))
    else:
        word = ctx.t(T("laba", "gain") if result.gain >= 0 else T("rugi", "loss"))
        print(f"{args.code}: {word} {abs(result.gain)} (jurnal {result.journal_entry_id})")
    return 0


def cmd_reverse(ctx, args) -> int:
    from ..services import fixed_assets as fa

    result = fa.reverse(
        ctx.db,
        ctx.actor,
        fa.asset_id_of(ctx.db, args.code),
        args.what,
        parse_date(args.date, "date"),
        args.reason,
    )
    if args.json:
        print_json(asdict(result))
    else:
        print(
            f"{args.code}: {ctx.t(T('jurnal pembalik', 'reversal entry'))} "
            f"{result.journal_entry_id}"
        )
    return 0


def cmd_import(ctx, args) -> int:
    from ..exchange.fixed_assets_import import import_opening_assets

    rep = import_opening_assets(
        ctx.db, ctx.actor, args.file, parse_date(args.opening_date, "opening_date"), args.dry_run
    )
    if args.json:
        print_json(
            {
                "rows": rep.rows,
                "cost": rep.cost,
                "accumulated": rep.accumulated,
                "dry_run": rep.dry_run,
                "written": rep.written,
                "errors": rep.messages(ctx.lang),
            }
        )
    else:
        for line in rep.messages(ctx.lang):
            print(line, file=sys.stderr)
        print(f"{rep.rows} aset; {'tersimpan' if rep.written else 'tidak ada yang disimpan'}")
    return 0 if rep.ok else 2


def cmd_template(ctx, args) -> int:
    from ..exchange.fixed_assets_import import write_template

    print(write_template(args.file))
    return 0


__all__ = ["register"]

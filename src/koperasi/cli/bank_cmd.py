"""``bank ...``: bank accounts and their reconciliation (rekonsiliasi bank).

    bank add --name N --bank bca|bri|mandiri|bni|lain [--number NO] [--code C]
        [--account 1.02|1.02.NN] [--from DATE] [--json]   a new account gets 1.02.NN
    bank list [--json]
    bank mapping CODE [--preset bca|bri|mandiri|bni] [--date H] [--description H ...]
        [--debit H] [--credit H] [--amount H] [--dbcr H] [--balance H] [--json]
                                       the statement's columns (header or column letter)
    bank import CODE FILE.csv|FILE.xlsx [--dry-run] [--json]   lines imported before
                                       are duplicates; every row or none
    bank match CODE [--window DAYS] [--json]       automatic matching
    bank match-line LINE --journal-line ID [ID ...] [--json]   by hand
    bank unmatch LINE [--json]
    bank post LINE (--kind biaya|bunga|pajak | --account CODE) [--description T] [--json]
    bank lines CODE [--unmatched] [--json]         the statement lines
    bank book CODE [--unmatched] [--date D] [--json]   the bank's journal lines
    bank reconcile CODE [--date D] [--json]        the reconciliation at a date
The report of every account: ``report rekonsiliasi-bank --date D -o rekonsiliasi.pdf``.
"""

from __future__ import annotations

import sys
from dataclasses import asdict

from ..messages.text import T, text
from ..services import clock
from .base import parse_date, parse_int, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("bank", help="rekening bank: rekening koran, pencocokan, rekonsiliasi")
    ps = p.add_subparsers(dest="bank_cmd", metavar="ACTION", required=True)

    x = ps.add_parser("add", help="tambah rekening bank")
    x.add_argument("--name", required=True)
    x.add_argument("--bank", required=True, help="bca, bri, mandiri, bni atau lain")
    x.add_argument("--number", default="")
    x.add_argument("--code", default="")
    x.add_argument("--account", default=None, help="akun buku besar (1.02 atau 1.02.NN)")
    x.add_argument("--from", dest="date_from", default=None, help="mulai direkonsiliasi")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_add)

    x = ps.add_parser("list", help="daftar rekening bank")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_list)

    x = ps.add_parser("mapping", help="pemetaan kolom rekening koran")
    x.add_argument("code")
    x.add_argument("--preset", default=None)
    for f in ("date", "debit", "credit", "amount", "dbcr", "balance"):
        x.add_argument(f"--{f}", default=None)
    x.add_argument("--description", nargs="+", default=None)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_mapping)

    x = ps.add_parser("import", help="impor rekening koran (CSV/XLSX)")
    x.add_argument("code")
    x.add_argument("file")
    x.add_argument("--dry-run", action="store_true")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_import)

    x = ps.add_parser("match", help="cocokkan otomatis (jumlah dan tanggal)")
    x.add_argument("code")
    x.add_argument("--window", default="4", help="selisih tanggal paling banyak (hari)")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_match)

    x = ps.add_parser("match-line", help="cocokkan satu baris rekening koran dengan jurnal")
    x.add_argument("line")
    x.add_argument("--journal-line", nargs="+", required=True)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_match_line)

    x = ps.add_parser("unmatch", help="batalkan cocok satu baris rekening koran")
    x.add_argument("line")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_unmatch)

    x = ps.add_parser("post", help="bukukan baris rekening koran (biaya, bunga, pajak)")
    x.add_argument("line")
    x.add_argument("--kind", default="", help="biaya, bunga atau pajak")
    x.add_argument("--account", default="", help="atau akun lawan")
    x.add_argument("--description", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_post)

    x = ps.add_parser("lines", help="baris rekening koran")
    x.add_argument("code")
    x.add_argument("--unmatched", action="store_true")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_lines)

    x = ps.add_parser("book", help="mutasi akun bank di buku besar")
    x.add_argument("code")
    x.add_argument("--unmatched", action="store_true")
    x.add_argument("--date")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_book)

    x = ps.add_parser("reconcile", help="rekonsiliasi per tanggal")
    x.add_argument("code")
    x.add_argument("--date")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_reconcile)


def _account_json(v) -> dict:
    return asdict(v)


def cmd_add(ctx, args) -> int:
    from ..services import bank

    v = bank.add_bank_account(
        ctx.db,
        ctx.actor,
        args.name,
        args.bank,
        args.number,
        args.code,
        args.account,
        parse_date(args.date_from, "date") if args.date_from else None,
    )
    if args.json:
        print_json(_account_json(v))
    else:
        print(f"{v.code} {v.name} ({v.account_code})")
    return 0


def cmd_list(ctx, args) -> int:
    from ..services import bank

    rows = bank.list_bank_accounts(ctx.db, ctx.actor)
    if args.json:
        print_json({"bank_accounts": [_account_json(v) for v in rows]})
        return 0
    print_table(
        ["Kode", "Nama", "Bank", "Nomor", "Akun", "Mulai"],
        [[v.code, v.name, v.bank, v.number, v.account_code, v.reconcile_from] for v in rows],
    )
    return 0


def cmd_mapping(ctx, args) -> int:
    from ..services import bank

    layout = {
        f: getattr(args, f)
        for f in ("preset", "date", "description", "debit", "credit", "amount", "dbcr", "balance")
    }
    v = bank.set_layout(ctx.db, ctx.actor, args.code, layout)
    if args.json:
        print_json(v.layout)
    else:
        for k, val in sorted(v.layout.items()):
            print(f"{k}: {val}")
    return 0


def cmd_import(ctx, args) -> int:
    from ..exchange import bank_statement

    rep = bank_statement.import_statement(ctx.db, ctx.actor, args.code, args.file, args.dry_run)
    if args.json:
        print_json(
            {
                "rows": rep.rows,
                "imported": rep.imported,
                "duplicates": rep.duplicates,
                "first_date": rep.first_date,
                "last_date": rep.last_date,
                "dry_run": rep.dry_run,
                "written": rep.written,
                "mapping": rep.mapping,
                "errors": rep.messages(ctx.lang),
            }
        )
    else:
        for line in rep.messages(ctx.lang):
            print(line, file=sys.stderr)
        code = "cli_bank_imported" if rep.written else "cli_bank_imported_nothing_saved"
        print(ctx.say(code, new=rep.imported, duplicates=len(rep.duplicates)))
    return 0 if rep.ok else 2


def cmd_match(ctx, args) -> int:
    from ..services import bank_matching

    run = bank_matching.auto_match(
        ctx.db, ctx.actor, args.code, parse_int(args.window, "bank_window")
    )
    if args.json:
        print_json({"matched": run.matched, "pairs": [list(p) for p in run.pairs]})
    else:
        print(ctx.say("cli_bank_matched", count=run.matched))
    return 0


def _line_json(v) -> dict:
    d = asdict(v)
    d["matched"] = v.matched
    return d


def cmd_match_line(ctx, args) -> int:
    from ..services import bank_matching

    ids = [parse_int(x, "journal_line") for x in args.journal_line]
    v = bank_matching.match(ctx.db, ctx.actor, parse_int(args.line, "statement_line"), ids)
    print_json(_line_json(v)) if args.json else print(f"{v.id}: {v.journal_line_ids}")
    return 0


def cmd_unmatch(ctx, args) -> int:
    from ..services import bank_matching

    v = bank_matching.unmatch(ctx.db, ctx.actor, parse_int(args.line, "statement_line"))
    print_json(_line_json(v)) if args.json else print(f"{v.id}: -")
    return 0


def cmd_post(ctx, args) -> int:
    from ..services import bank_matching

    v = bank_matching.post_statement_line(
        ctx.db,
        ctx.actor,
        parse_int(args.line, "statement_line"),
        args.kind,
        args.account,
        args.description,
    )
    print_json(_line_json(v)) if args.json else print(f"{v.id}: {v.journal_line_ids}")
    return 0


def cmd_lines(ctx, args) -> int:
    from ..services import bank_lists

    rows = bank_lists.statement_lines(ctx.db, args.code, ctx.actor, args.unmatched)
    if args.json:
        print_json({"lines": [_line_json(v) for v in rows]})
        return 0
    print_table(
        ["Id", "Tanggal", "Keterangan", "Jumlah", "Saldo", "Cocok"],
        [
            [v.id, v.date, v.description[:40], v.amount, v.balance, _kind(v.kind, ctx.lang)]
            for v in rows
        ],
        {3, 4},
    )
    return 0


# how a statement line was matched
MATCH_KINDS = {
    "auto": T("otomatis", "automatic"),
    "manual": T("manual", "by hand"),
    "posted": T("dibukukan", "posted"),
}


def _kind(kind: str | None, lang: str) -> str:
    return text(MATCH_KINDS.get(kind or ""), lang)


def cmd_book(ctx, args) -> int:
    from ..services import bank_lists

    as_of = parse_date(args.date, "date") if args.date else None
    rows = bank_lists.book_lines(ctx.db, args.code, ctx.actor, args.unmatched, as_of)
    if args.json:
        print_json({"lines": [asdict(v) for v in rows]})
        return 0
    print_table(
        ["Baris", "Jurnal", "Tanggal", "Keterangan", "Jumlah", "Rek. koran"],
        [
            [
                v.journal_line_id,
                v.entry_id,
                v.date,
                v.description[:40],
                v.amount,
                v.statement_line_id or "",
            ]
            for v in rows
        ],
        {4},
    )
    return 0


def cmd_reconcile(ctx, args) -> int:
    from ..services import bank_reconciliation as bank_recon

    as_of = parse_date(args.date, "date") if args.date else clock.today()
    r = bank_recon.reconciliation(ctx.db, args.code, as_of, ctx.actor)
    if args.json:
        items = lambda xs: [asdict(i) for i in xs]  # noqa: E731
        print_json(
            {
                "as_of": r.as_of,
                "bank_account": r.account.code,
                "account_code": r.account.account_code,
                "book_balance": r.book_balance,
                "statement_balance": r.statement_balance,
                "statement_date": r.statement_date,
                "in_transit": items(r.in_transit),
                "outstanding": items(r.outstanding),
                "unrecorded": items(r.unrecorded),
                "adjusted_bank": r.adjusted_bank,
                "adjusted_book": r.adjusted_book,
                "difference": r.difference,
                "reconciled": r.reconciled,
            }
        )
        return 0
    from ..domain.money import format_rupiah as rp

    for label, value in (
        (T("Saldo rekening koran", "Statement balance"), r.statement_balance),
        (T("Setoran dalam perjalanan", "Deposits in transit"), sum(i.amount for i in r.in_transit)),
        (T("Pembayaran belum cair", "Payments not cleared"), sum(i.amount for i in r.outstanding)),
        (T("Saldo buku", "Book balance"), r.book_balance),
        (T("Belum dibukukan", "Not booked"), sum(i.amount for i in r.unrecorded)),
        (T("Selisih", "Difference"), r.difference),
    ):
        print(f"{ctx.t(label):28} {rp(value) if value is not None else '-':>20}")
    return 0


__all__ = ["register"]

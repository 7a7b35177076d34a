"""``savings deposit|withdraw|statement|balance|reverse|interest``, ``journal add|reverse|list``,
``trial-balance``."""

from __future__ import annotations

import datetime as dt

from ..domain.money import format_rupiah
from ..errors import ValidationError
from ..messages.text import T
from .base import parse_amount, parse_date, parse_int, parse_period, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("savings", help="simpanan")
    s = p.add_subparsers(dest="savings_cmd", metavar="ACTION", required=True)
    for name, helptext in (("deposit", "setoran"), ("withdraw", "penarikan")):
        a = s.add_parser(name, help=helptext)
        a.add_argument("member")
        a.add_argument("product", help="POKOK, WAJIB, SUKARELA ...")
        a.add_argument("amount")
        a.add_argument("--date")
        a.add_argument("--memo", default="")
        a.add_argument(
            "--confirm-large",
            dest="confirm_large",
            action="store_true",
            help="jumlah jauh di atas batas kewajaran memang benar",
        )
        a.add_argument("--json", action="store_true")
        a.set_defaults(func=cmd_deposit if name == "deposit" else cmd_withdraw)
    st = s.add_parser("statement", help="mutasi rekening")
    st.add_argument("member")
    st.add_argument("product")
    st.add_argument("--from", dest="date_from")
    st.add_argument("--to", dest="date_to")
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_statement)
    bal = s.add_parser("balance", help="saldo simpanan anggota")
    bal.add_argument("member")
    bal.add_argument("--as-of", dest="as_of")
    bal.add_argument("--json", action="store_true")
    bal.set_defaults(func=cmd_balance)
    rv = s.add_parser("reverse", help="balik transaksi simpanan")
    rv.add_argument("transaction")
    rv.add_argument("--reason", required=True)
    rv.add_argument("--date")
    rv.add_argument("--json", action="store_true")
    rv.set_defaults(func=cmd_reverse)
    it = s.add_parser("interest", help="bukukan jasa simpanan sukarela sebulan")
    it.add_argument("period", help="YYYY-MM")
    it.set_defaults(func=cmd_interest)
    pr = s.add_parser("products", help="produk simpanan")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=cmd_products)

    j = sub.add_parser("journal", help="jurnal umum")
    js = j.add_subparsers(dest="journal_cmd", metavar="ACTION", required=True)
    ja = js.add_parser("add", help="jurnal manual: pendapatan/beban koperasi")
    ja.add_argument("--date")
    ja.add_argument("--description", required=True)
    ja.add_argument("--debit", action="append", default=[], metavar="AKUN=JUMLAH")
    ja.add_argument("--credit", action="append", default=[], metavar="AKUN=JUMLAH")
    ja.add_argument(
        "--confirm-large",
        dest="confirm_large",
        action="store_true",
        help="jumlah jauh di atas batas kewajaran memang benar",
    )
    ja.add_argument(
        "--payee",
        default="",
        metavar="NAMA",
        help="dibayarkan kepada (beban) / diterima dari (pendapatan); dicetak di bukti kas",
    )
    ja.add_argument("--json", action="store_true")
    ja.set_defaults(func=cmd_journal_add)
    jr = js.add_parser("reverse", help="balik jurnal")
    jr.add_argument("entry")
    jr.add_argument("--reason", required=True)
    jr.add_argument("--date")
    jr.add_argument("--json", action="store_true")
    jr.set_defaults(func=cmd_journal_reverse)
    jl = js.add_parser("list", help="daftar jurnal")
    jl.add_argument("--from", dest="date_from")
    jl.add_argument("--to", dest="date_to")
    jl.add_argument("--limit", default="50")
    jl.add_argument("--json", action="store_true")
    jl.set_defaults(func=cmd_journal_list)
    ac = js.add_parser("accounts", help="bagan akun")
    ac.add_argument("--json", action="store_true")
    ac.set_defaults(func=cmd_accounts)
    sd = js.add_parser(
        "account-side",
        help="akun pendapatan/beban: usaha dengan anggota, non-anggota, atau beban bersama",
    )
    sd.add_argument("code")
    sd.add_argument("side", choices=["member", "non_member", "shared"])
    sd.add_argument("--json", action="store_true")
    sd.set_defaults(func=cmd_account_side)

    tb = sub.add_parser("trial-balance", help="neraca saldo")
    tb.add_argument("--as-of", dest="as_of")
    tb.add_argument("--json", action="store_true")
    tb.set_defaults(func=cmd_trial_balance)


STATEMENT_HEADS = (
    T("Tanggal", "Date"),
    T("Kuitansi", "Receipt"),
    T("Jenis", "Kind"),
    "Debit",
    T("Kredit", "Credit"),
    T("Saldo", "Balance"),
)
ACCOUNT_HEADS = (T("Kode", "Code"), T("Nama", "Name"), T("Jenis", "Type"), T("Usaha", "Business"))


def _date(text: str | None) -> dt.date:
    return parse_date(text) if text else dt.date.today()


def _print_tx(ctx, v, args) -> None:
    if args.json:
        print_json(v)
        return
    kind = ctx.t(T("Setoran", "Deposit") if v.amount > 0 else T("Penarikan", "Withdrawal"))
    print(
        f"{kind} {v.product_name} {v.member_number} {v.member_name}: {format_rupiah(abs(v.amount))}"
    )
    print(
        f"{ctx.t(T('Kuitansi', 'Receipt'))}: {v.receipt_no}   "
        f"{ctx.t(T('Saldo', 'Balance'))}: {format_rupiah(v.balance_after)}"
    )


def cmd_deposit(ctx, args) -> int:
    from ..services import savings

    v = savings.deposit(
        ctx.db,
        ctx.actor,
        args.member,
        args.product,
        parse_amount(args.amount),
        _date(args.date),
        args.memo,
        confirm_large=args.confirm_large,
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_withdraw(ctx, args) -> int:
    from ..services import savings

    v = savings.withdraw(
        ctx.db,
        ctx.actor,
        args.member,
        args.product,
        parse_amount(args.amount),
        _date(args.date),
        args.memo,
        confirm_large=args.confirm_large,
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_reverse(ctx, args) -> int:
    from ..services import savings

    v = savings.reverse_transaction(
        ctx.db, ctx.actor, parse_int(args.transaction, "entry"), _date(args.date), args.reason
    )
    _print_tx(ctx, v, args)
    return 0


def cmd_statement(ctx, args) -> int:
    from ..services import savings_statements

    to = _date(args.date_to)
    frm = parse_date(args.date_from, "from") if args.date_from else dt.date(to.year, 1, 1)
    st = savings_statements.statement(ctx.db, args.member, args.product, frm, to, actor=ctx.actor)
    if args.json:
        print_json(st)
        return 0
    print(f"{st.member_number} {st.member_name} — {st.product_name} ({st.account_number})")
    print(f"{ctx.t(T('Saldo awal', 'Opening'))}: {format_rupiah(st.opening)}")
    print_table(
        ctx.ts(STATEMENT_HEADS),
        [
            [
                r.date.strftime("%d/%m/%Y"),
                r.receipt_no or "",
                r.kind,
                format_rupiah(r.debit) if r.debit else "",
                format_rupiah(r.credit) if r.credit else "",
                format_rupiah(r.balance),
            ]
            for r in st.rows
        ],
        right={3, 4, 5},
    )
    print(f"{ctx.t(T('Saldo akhir', 'Closing'))}: {format_rupiah(st.closing)}")
    return 0


def cmd_balance(ctx, args) -> int:
    from ..services import savings_statements

    rows = savings_statements.member_balances(
        ctx.db, args.member, parse_date(args.as_of) if args.as_of else None, actor=ctx.actor
    )
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["Produk", "Rekening", "Saldo"],
        [[r.product_name, r.account_number, format_rupiah(r.balance)] for r in rows],
        right={2},
    )
    return 0


def cmd_interest(ctx, args) -> int:
    from ..services import savings_interest

    year, month = parse_period(args.period)
    r = savings_interest.post_monthly_interest(ctx.db, ctx.actor, year, month)
    print(f"{r.accounts} rekening, jasa {format_rupiah(r.gross)}, pajak {format_rupiah(r.tax)}")
    return 0


def cmd_products(ctx, args) -> int:
    from ..services import savings_products

    rows = savings_products.list_products(ctx.db)
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["Kode", "Nama", "Jenis", "Jumlah tetap", "Saldo minimum", "Jasa % p.a."],
        [
            [
                p.code,
                p.name,
                p.kind,
                format_rupiah(p.fixed_amount),
                format_rupiah(p.min_balance),
                str(p.interest_rate_pa),
            ]
            for p in rows
        ],
        right={3, 4, 5},
    )
    return 0


def _parse_lines(items: list[str], side: str):
    from ..services.ledger import Line

    out = []
    for item in items:
        code, sep, amount = item.partition("=")
        if not sep:
            raise ValidationError("lines", "invalid")
        value = parse_amount(amount)
        out.append(
            Line(code.strip(), debit=value) if side == "d" else Line(code.strip(), credit=value)
        )
    return out


def cmd_journal_add(ctx, args) -> int:
    from ..services import ledger

    lines = _parse_lines(args.debit, "d") + _parse_lines(args.credit, "c")
    e = ledger.add_manual_entry(
        ctx.db,
        ctx.actor,
        _date(args.date),
        args.description,
        lines,
        payee=args.payee,
        confirm_large=args.confirm_large,
    )
    if args.json:
        print_json(e)
    else:
        print(f"Jurnal #{e.id} ({e.receipt_no}): {e.description} {format_rupiah(e.total)}")
    return 0


def cmd_journal_reverse(ctx, args) -> int:
    from ..services import ledger

    e = ledger.reverse_entry(
        ctx.db, ctx.actor, parse_int(args.entry, "entry"), _date(args.date), args.reason
    )
    if args.json:
        print_json(e)
    else:
        print(f"Jurnal #{e.id}: {e.description}")
    return 0


def cmd_journal_list(ctx, args) -> int:
    from ..services import ledger

    rows = ledger.list_entries(
        ctx.db,
        parse_date(args.date_from, "from") if args.date_from else None,
        parse_date(args.date_to, "to") if args.date_to else None,
        limit=parse_int(args.limit, "members"),
        actor=ctx.actor,
    )
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["#", "Tanggal", "Sumber", "Keterangan", "Jumlah"],
        [
            [
                e.id,
                e.date.strftime("%d/%m/%Y"),
                e.source,
                e.description[:50],
                format_rupiah(e.total),
            ]
            for e in rows
        ],
        right={4},
    )
    return 0


def cmd_accounts(ctx, args) -> int:
    from ..services import chart_of_accounts

    rows = chart_of_accounts.list_accounts(ctx.db)
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ctx.ts(ACCOUNT_HEADS),
        [[a.code, a.name, a.type, _side_label(ctx, a.business_side)] for a in rows],
    )
    return 0


def _side_label(ctx, side: str | None) -> str:
    from ..domain.shu import SIDE_LABELS

    if side is None:
        return ""
    return ctx.t(T(*SIDE_LABELS.get(side, (side, side))))


def cmd_account_side(ctx, args) -> int:
    from ..services import chart_of_accounts

    a = chart_of_accounts.set_business_side(ctx.db, ctx.actor, args.code, args.side)
    if args.json:
        print_json(a)
    else:
        print(f"{a.code} {a.name}: {_side_label(ctx, a.business_side)}")
    return 0


def cmd_trial_balance(ctx, args) -> int:
    from ..services import trial_balances

    tb = trial_balances.trial_balance(ctx.db, _date(args.as_of), actor=ctx.actor)
    if args.json:
        print_json(
            {
                "as_of": tb.as_of,
                "rows": tb.rows,
                "total_debit": tb.total_debit,
                "total_credit": tb.total_credit,
            }
        )
        return 0
    print_table(
        ["Kode", "Akun", "Debit", "Kredit"],
        [
            [r.code, r.name, format_rupiah(r.debit), format_rupiah(r.credit)]
            for r in tb.rows
            if r.debit or r.credit
        ]
        + [["", "JUMLAH", format_rupiah(tb.total_debit), format_rupiah(tb.total_credit)]],
        right={2, 3},
    )
    return 0

"""Issue 17 from the command line: ``collateral add|list|return``, ``guarantor
add|exposure|report``, ``approval list|request|approve|reject|board`` and ``limits
show|set|breaches|related``. Every command takes ``--json``."""

from __future__ import annotations

import datetime as dt
from dataclasses import asdict

from ..domain.money import format_rupiah
from ..errors import ValidationError
from ..messages.text import T
from .base import parse_amount, parse_date, parse_decimal, parse_int, print_json, print_table

# The services' choices, named here so that building the parser (``--help``) does not import
# the services and SQLAlchemy (tests/cli/test_light_commands.py keeps them equal)
APPROVAL_KINDS = ("write_off", "loan_reversal", "savings_reversal", "entry_reversal")
COLLATERAL_KINDS = ("bpkb", "sertifikat", "emas", "deposito", "lainnya")
BREACH_MODES = ("block", "warn")
RELATED_KINDS = ("pengurus", "pengawas", "karyawan", "keluarga")


def _date(text: str | None) -> dt.date:
    return parse_date(text, "date") if text else dt.date.today()


def register(sub) -> None:
    c = sub.add_parser("collateral", help="jaminan pinjaman")
    cs = c.add_subparsers(dest="collateral_cmd", metavar="ACTION", required=True)
    a = cs.add_parser("add", help="catat jaminan yang diterima")
    a.add_argument("loan")
    a.add_argument("--kind", choices=COLLATERAL_KINDS, required=True)
    a.add_argument("--description", required=True)
    a.add_argument("--value", required=True)
    a.add_argument("--document", default="")
    a.add_argument("--owner", default="")
    a.add_argument("--held", default="", help="dokumen yang disimpan")
    a.add_argument("--date")
    a.add_argument("--json", action="store_true")
    a.set_defaults(func=cmd_collateral_add)
    ls = cs.add_parser("list", help="jaminan sebuah pinjaman, atau semua yang disimpan")
    ls.add_argument("loan", nargs="?")
    ls.add_argument("--all", action="store_true", help="juga yang sudah dikembalikan")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_collateral_list)
    r = cs.add_parser("return", help="serahkan kembali jaminan pinjaman yang lunas")
    r.add_argument("loan")
    r.add_argument("--to", default="")
    r.add_argument("--note", default="")
    r.add_argument("--date")
    r.add_argument("--json", action="store_true")
    r.set_defaults(func=cmd_collateral_return)

    g = sub.add_parser("guarantor", help="penjamin pinjaman")
    gs = g.add_subparsers(dest="guarantor_cmd", metavar="ACTION", required=True)
    ga = gs.add_parser("add", help="tambah anggota penjamin")
    ga.add_argument("loan")
    ga.add_argument("member")
    ga.add_argument("--relation", default="")
    ga.add_argument("--json", action="store_true")
    ga.set_defaults(func=cmd_guarantor_add)
    ge = gs.add_parser("exposure", help="pinjaman yang dijamin seorang anggota")
    ge.add_argument("member")
    ge.add_argument("--json", action="store_true")
    ge.set_defaults(func=cmd_guarantor_exposure)
    gr = gs.add_parser("report", help="semua penjamin dan eksposurnya")
    gr.add_argument("--json", action="store_true")
    gr.set_defaults(func=cmd_guarantor_report)

    p = sub.add_parser("approval", help="persetujuan pengguna kedua dan pengurus/pengawas")
    ps = p.add_subparsers(dest="approval_cmd", metavar="ACTION", required=True)
    pl = ps.add_parser("list", help="yang menunggu persetujuan")
    pl.add_argument("--json", action="store_true")
    pl.set_defaults(func=cmd_approval_list)
    pr = ps.add_parser("request", help="ajukan hapus buku atau pembalikan")
    pr.add_argument("kind", choices=APPROVAL_KINDS)
    pr.add_argument("ref", help="nomor pinjaman, id transaksi simpanan, atau id jurnal")
    pr.add_argument("--tx", help="pembayaran pinjaman yang dibalik (id atau kuitansi)")
    pr.add_argument("--reason", required=True)
    pr.add_argument("--date")
    pr.add_argument("--json", action="store_true")
    pr.set_defaults(func=cmd_approval_request)
    pa = ps.add_parser("approve", help="setujui dan laksanakan permintaan (pengguna kedua)")
    pa.add_argument("id")
    pa.add_argument("--note", default="")
    pa.add_argument("--json", action="store_true")
    pa.set_defaults(func=cmd_approval_approve)
    pj = ps.add_parser("reject", help="tolak (atau batalkan sendiri) permintaan")
    pj.add_argument("id")
    pj.add_argument("--note", default="")
    pj.add_argument("--json", action="store_true")
    pj.set_defaults(func=cmd_approval_reject)
    pb = ps.add_parser("board", help="persetujuan pengurus/pengawas atas pengajuan pinjaman")
    pb.add_argument("loan")
    pb.add_argument("--note", default="")
    pb.add_argument("--date")
    pb.add_argument("--json", action="store_true")
    pb.set_defaults(func=cmd_approval_board)

    lm = sub.add_parser("limits", help="batas pinjaman (BMPP, pihak terkait) dan empat mata")
    lms = lm.add_subparsers(dest="limits_cmd", metavar="ACTION", required=True)
    sh = lms.add_parser("show")
    sh.add_argument("--json", action="store_true")
    sh.set_defaults(func=cmd_limits_show)
    st = lms.add_parser("set")
    st.add_argument("--bmpp", help="persen modal sendiri, atau none")
    st.add_argument("--related", help="persen modal sendiri (bawaan 10)")
    st.add_argument("--mode", choices=BREACH_MODES)
    st.add_argument("--four-eyes-loan-above", dest="loan_above", help="jumlah, atau none")
    st.add_argument("--four-eyes-write-off", dest="write_off", choices=["yes", "no"])
    st.add_argument("--four-eyes-reversal", dest="reversal", choices=["yes", "no"])
    st.add_argument("--json", action="store_true")
    st.set_defaults(func=cmd_limits_set)
    br = lms.add_parser("breaches", help="pinjaman yang melebihi batas")
    br.add_argument("--as-of", dest="as_of")
    br.add_argument("--json", action="store_true")
    br.set_defaults(func=cmd_limits_breaches)
    rl = lms.add_parser("related", help="tandai anggota sebagai pihak terkait (atau hapus)")
    rl.add_argument("member")
    rl.add_argument("--kind", choices=RELATED_KINDS)
    rl.add_argument("--clear", action="store_true")
    rl.add_argument("--officer", help="id pengurus/pengawas di daftar RAT")
    rl.add_argument("--note", default="")
    rl.add_argument("--json", action="store_true")
    rl.set_defaults(func=cmd_limits_related)


# ---------------------------------------------------------------- collateral


def _collateral_rows(ctx, views) -> None:
    from ..messages import label

    print_table(
        ["Pinjaman", "Jenis", "Uraian", "Dokumen", "Nilai", "Diterima", "Kembali", "Surat"],
        [
            [
                v.loan_number,
                label("collateral_kind", v.kind, ctx.lang),
                v.description,
                v.document_no,
                format_rupiah(v.value),
                v.received_on.isoformat(),
                v.returned_on.isoformat() if v.returned_on else "",
                v.handover_no or "",
            ]
            for v in views
        ],
        right={4},
    )


def cmd_collateral_add(ctx, args) -> int:
    from ..services.loans import collateral

    item = collateral.CollateralInput(
        args.kind,
        args.description,
        parse_amount(args.value, "collateral_value"),
        args.document,
        args.owner,
        args.held,
    )
    v = collateral.add(ctx.db, ctx.actor, args.loan, item, _date(args.date))
    if args.json:
        print_json(asdict(v))
    else:
        _collateral_rows(ctx, [v])
    return 0


def cmd_collateral_list(ctx, args) -> int:
    from ..services.loans import collateral

    if args.loan:
        views = collateral.for_loan(ctx.db, args.loan, ctx.actor)
    else:
        views = collateral.register(ctx.db, held_only=not args.all, actor=ctx.actor)
    if args.json:
        print_json([asdict(v) for v in views])
    else:
        _collateral_rows(ctx, views)
    return 0


def cmd_collateral_return(ctx, args) -> int:
    from ..services.loans import collateral

    views = collateral.return_collateral(
        ctx.db, ctx.actor, args.loan, _date(args.date), args.to, args.note
    )
    if args.json:
        print_json([asdict(v) for v in views])
    else:
        _collateral_rows(ctx, views)
        print(
            ctx.t(T("Surat serah terima: ", "Hand-over letter: "))
            + f"{views[0].handover_no} (koperasi report serah-terima-jaminan --loan {args.loan})"
        )
    return 0


# ---------------------------------------------------------------- guarantors


def cmd_guarantor_add(ctx, args) -> int:
    from ..services.loans import collateral

    v = collateral.add_guarantor(ctx.db, ctx.actor, args.loan, args.member, args.relation)
    if args.json:
        print_json(asdict(v))
    else:
        print(f"{v.loan_number}: {v.member_number} {v.member_name} {v.relation}".rstrip())
    return 0


def _exposure_out(ctx, exposures, as_json: bool) -> None:
    if as_json:
        print_json([{**asdict(e), "total": e.total} for e in exposures])
        return
    rows = []
    for e in exposures:
        for r in e.rows:
            rows.append(
                [
                    f"{e.member_number} {e.member_name}",
                    r.loan_number,
                    f"{r.borrower_number} {r.borrower_name}",
                    r.status,
                    format_rupiah(r.outstanding),
                ]
            )
        rows.append(["", "", "", ctx.t(T("Jumlah", "Total")), format_rupiah(e.total)])
    print_table(["Penjamin", "Pinjaman", "Peminjam", "Status", "Sisa pokok"], rows, right={4})


def cmd_guarantor_exposure(ctx, args) -> int:
    from ..services.loans import collateral

    _exposure_out(ctx, [collateral.exposure_of(ctx.db, args.member, ctx.actor)], args.json)
    return 0


def cmd_guarantor_report(ctx, args) -> int:
    from ..services.loans import collateral

    _exposure_out(ctx, collateral.guarantee_report(ctx.db, ctx.actor), args.json)
    return 0


# ---------------------------------------------------------------- approvals


def cmd_approval_list(ctx, args) -> int:
    from ..messages import label
    from ..services.loans import lending_limits

    items = lending_limits.pending(ctx.db, ctx.actor)
    if args.json:
        print_json([asdict(i) for i in items])
        return 0
    print_table(
        ["No.", "Jenis", "Ref", "Anggota", "Jumlah", "Oleh", "Menunggu"],
        [
            [
                i.request_id or "",
                label("approval_kind", i.kind, ctx.lang),
                i.ref,
                i.member,
                format_rupiah(i.amount),
                i.requested_by,
                i.waiting_for,
            ]
            for i in items
        ],
        right={4},
    )
    return 0


def _request_out(ctx, v, as_json: bool) -> None:
    from ..messages import label

    if as_json:
        print_json(asdict(v))
        return
    print(
        f"#{v.id} {label('approval_kind', v.kind, ctx.lang)} {v.ref} "
        f"{format_rupiah(v.amount)}: {label('approval_status', v.status, ctx.lang)}"
        + (f" ({v.decided_by})" if v.decided_by else "")
    )


def cmd_approval_request(ctx, args) -> int:
    from ..services import approvals

    v = approvals.request(
        ctx.db, ctx.actor, args.kind, args.ref, _date(args.date), args.reason, tx=args.tx
    )
    _request_out(ctx, v, args.json)
    return 0


def cmd_approval_approve(ctx, args) -> int:
    from ..services import approvals

    v = approvals.approve(ctx.db, ctx.actor, parse_int(args.id, "approval"), args.note)
    _request_out(ctx, v, args.json)
    return 0


def cmd_approval_reject(ctx, args) -> int:
    from ..services import approvals

    v = approvals.reject(ctx.db, ctx.actor, parse_int(args.id, "approval"), args.note)
    _request_out(ctx, v, args.json)
    return 0


def cmd_approval_board(ctx, args) -> int:
    from ..services.loans import lending_limits

    body = lending_limits.board_approve(ctx.db, ctx.actor, args.loan, _date(args.date), args.note)
    if args.json:
        print_json({"loan": args.loan, "body": body, "by": ctx.actor.username})
    else:
        print(f"{args.loan}: {ctx.t(T(*lending_limits.BODY_LABELS[body]))}")
    return 0


# ---------------------------------------------------------------- limits


def _rules_out(ctx, rules, as_json: bool) -> None:
    data = asdict(rules)
    if as_json:
        print_json(data)
        return
    for k, v in data.items():
        print(f"{k}: {'-' if v is None else v}")


def cmd_limits_show(ctx, args) -> int:
    from ..services import lending_rules

    _rules_out(ctx, lending_rules.get_rules(ctx.db), args.json)
    return 0


def _yes(value: str | None, current: bool) -> bool:
    return current if value is None else value == "yes"


def cmd_limits_set(ctx, args) -> int:
    from dataclasses import replace

    from ..services import lending_rules

    r = lending_rules.get_rules(ctx.db)
    changes: dict = {}
    if args.bmpp is not None:
        changes["bmpp_percent"] = (
            None if args.bmpp.lower() == "none" else parse_decimal(args.bmpp, "bmpp_percent")
        )
    if args.related is not None:
        changes["related_percent"] = parse_decimal(args.related, "related_percent")
    if args.mode is not None:
        changes["breach_mode"] = args.mode
    if args.loan_above is not None:
        changes["four_eyes_loan_above"] = (
            None
            if args.loan_above.lower() == "none"
            else parse_amount(args.loan_above, "four_eyes_loan_above")
        )
    changes["four_eyes_write_off"] = _yes(args.write_off, r.four_eyes_write_off)
    changes["four_eyes_reversal"] = _yes(args.reversal, r.four_eyes_reversal)
    _rules_out(ctx, lending_rules.save_rules(ctx.db, ctx.actor, replace(r, **changes)), args.json)
    return 0


def cmd_limits_breaches(ctx, args) -> int:
    from ..messages import label
    from ..services.loans import lending_limits

    rep = lending_limits.breach_report(ctx.db, _date(args.as_of), ctx.actor)
    if args.json:
        print_json(
            {
                "as_of": rep.as_of,
                "own_capital": rep.own_capital,
                "rules": asdict(rep.rules),
                "rows": [asdict(r) for r in rep.rows],
            }
        )
        return 1 if rep.rows else 0
    print(ctx.t(T("Modal sendiri: ", "Own capital: ")) + format_rupiah(rep.own_capital))
    print_table(
        ["Pinjaman", "Anggota", "Batas", "Eksposur", "Batas (Rp)", "Persetujuan"],
        [
            [
                r.loan_number,
                f"{r.member_number} {r.member_name}",
                label("limit_rule", r.rule, ctx.lang),
                format_rupiah(r.exposure),
                format_rupiah(r.limit),
                r.approvals,
            ]
            for r in rep.rows
        ],
        right={3, 4},
    )
    return 1 if rep.rows else 0


def cmd_limits_related(ctx, args) -> int:
    from ..services.loans import lending_limits

    if not args.clear and not args.kind:
        raise ValidationError("related_kind", "required")
    v = lending_limits.set_relation(
        ctx.db,
        ctx.actor,
        args.member,
        None if args.clear else args.kind,
        parse_int(args.officer, "officer") if args.officer else None,
        args.note,
    )
    if args.json:
        print_json(asdict(v) if v else None)
    else:
        print(f"{args.member}: {v.kind if v else '-'}")
    return 0

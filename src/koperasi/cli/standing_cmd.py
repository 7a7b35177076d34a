"""``instruksi ...`` (standing instructions) and ``potong-gaji ...`` (payroll deduction).

    instruksi add MEMBER wajib|angsuran --from D [--loan NO] [--amount N] [--note T] [--json]
    instruksi list [--member NO] [--json]
    instruksi stop ID [--json]
    instruksi run --date D [--json]           run now for a date (one transaction a posting)
    instruksi report --from D --to D [--json] [-o FILE.pdf|.xlsx]   executed and skipped

    potong-gaji employer CODE --name N [--address A] [--into 1.02|1.01] [--json]
    potong-gaji employers [--json]
    potong-gaji link MEMBER EMPLOYER --employee-no NO [--sukarela N] [--json]
    potong-gaji unlink MEMBER
    potong-gaji list EMPLOYER YYYY-MM [--json] [-o FILE.xlsx|.pdf]   what to deduct
    potong-gaji import FILE.xlsx --date D [--employer CODE] [--dry-run] [--json]
    potong-gaji result EMPLOYER YYYY-MM [--json] [-o FILE.pdf|.xlsx]

Month-end (``loan month-end``) runs the standing instructions too.
"""

from __future__ import annotations

from dataclasses import asdict
from pathlib import Path

from ..messages.text import T
from .base import parse_amount, parse_date, parse_int, parse_period, print_json, print_table


def register(sub) -> None:
    p = sub.add_parser("instruksi", help="instruksi tetap: wajib dan angsuran dari sukarela")
    ps = p.add_subparsers(dest="standing_cmd", metavar="ACTION", required=True)
    x = ps.add_parser("add", help="catat instruksi tetap anggota")
    x.add_argument("member")
    x.add_argument("kind", help="wajib atau angsuran")
    x.add_argument("--from", dest="start", required=True, help="berlaku mulai tanggal")
    x.add_argument("--loan", default="", help="hanya pinjaman ini (angsuran)")
    x.add_argument("--amount", default="0", help="jumlah wajib (0: sesuai produk)")
    x.add_argument("--note", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_si_add)
    x = ps.add_parser("list", help="daftar instruksi tetap")
    x.add_argument("--member", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_si_list)
    x = ps.add_parser("stop", help="hentikan instruksi tetap")
    x.add_argument("id")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_si_stop)
    x = ps.add_parser("run", help="jalankan instruksi tetap untuk satu tanggal")
    x.add_argument("--date", required=True)
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_si_run)
    x = ps.add_parser("report", help="instruksi yang dijalankan dan dilewati")
    x.add_argument("--from", dest="date_from", required=True)
    x.add_argument("--to", dest="date_to", required=True)
    x.add_argument("-o", "--output", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_si_report)

    p = sub.add_parser("potong-gaji", help="potong gaji: instansi, daftar potongan, impor bayar")
    ps = p.add_subparsers(dest="payroll_cmd", metavar="ACTION", required=True)
    x = ps.add_parser("employer", help="tambah atau ubah instansi")
    x.add_argument("code")
    x.add_argument("--name", required=True)
    x.add_argument("--address", default="")
    x.add_argument("--into", default="1.02", help="akun penerimaan: 1.02 bank, 1.01 kas")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_pr_employer)
    x = ps.add_parser("employers", help="daftar instansi")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_pr_employers)
    x = ps.add_parser("link", help="hubungkan anggota ke instansi")
    x.add_argument("member")
    x.add_argument("employer")
    x.add_argument("--employee-no", required=True)
    x.add_argument("--sukarela", default="0", help="potongan sukarela per bulan")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_pr_link)
    x = ps.add_parser("unlink", help="lepas anggota dari instansinya")
    x.add_argument("member")
    x.set_defaults(func=cmd_pr_unlink)
    x = ps.add_parser("list", help="daftar potongan gaji sebulan")
    x.add_argument("employer")
    x.add_argument("period", metavar="YYYY-MM")
    x.add_argument("-o", "--output", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_pr_list)
    x = ps.add_parser("import", help="bukukan berkas pembayaran instansi")
    x.add_argument("file")
    x.add_argument("--date", required=True, help="tanggal uang diterima")
    x.add_argument("--employer", default="")
    x.add_argument("--dry-run", action="store_true")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_pr_import)
    x = ps.add_parser("result", help="hasil potongan gaji yang sudah dibukukan")
    x.add_argument("employer")
    x.add_argument("period", metavar="YYYY-MM")
    x.add_argument("-o", "--output", default="")
    x.add_argument("--json", action="store_true")
    x.set_defaults(func=cmd_pr_result)


# ---------------------------------------------------------------- instruksi


def cmd_si_add(ctx, args) -> int:
    from ..services import standing_instructions as si

    v = si.add_instruction(
        ctx.db,
        ctx.actor,
        args.member,
        args.kind,
        loan_no=args.loan,
        amount=parse_amount(args.amount, "amount") if args.amount.strip() not in ("", "0") else 0,
        start_on=parse_date(args.start, "date"),
        note=args.note,
    )
    if args.json:
        print_json(asdict(v))
    else:
        print(f"{v.id} {v.member_number} {v.kind}")
    return 0


def _si_rows(items, lang):
    from ..services import standing_instructions as si

    return [
        [
            i.run_date,
            i.member_number,
            i.member_name,
            i.kind,
            i.due_ref,
            i.status,
            i.amount,
            i.receipt_no or si.describe_skip(i, lang),
        ]
        for i in items
    ]


def _item_json(i, lang):
    from ..services import standing_instructions as si

    d = asdict(i)
    d["reason_text"] = si.describe_skip(i, lang) if i.status == "skipped" else ""
    return d


def cmd_si_list(ctx, args) -> int:
    from ..services import standing_instructions as si

    rows = si.list_instructions(ctx.db, ctx.actor, args.member)
    if args.json:
        print_json({"instructions": [asdict(r) for r in rows]})
        return 0
    print_table(
        ["ID", "Anggota", "Nama", "Jenis", "Pinjaman", "Jumlah", "Mulai", "Aktif"],
        [
            [
                r.id,
                r.member_number,
                r.member_name,
                r.kind,
                r.loan_number,
                r.amount,
                r.start_on,
                "ya" if r.active else "tidak",
            ]
            for r in rows
        ],  # fmt: skip
        {5},
    )
    return 0


def cmd_si_stop(ctx, args) -> int:
    from ..services import standing_instructions as si

    v = si.stop_instruction(ctx.db, ctx.actor, parse_int(args.id, "id"))
    if args.json:
        print_json(asdict(v))
    else:
        print(f"{v.id} {ctx.t(T('dihentikan', 'stopped'))}")
    return 0


def cmd_si_run(ctx, args) -> int:
    from ..services import standing_instructions as si

    res = si.run(ctx.db, ctx.actor, parse_date(args.date, "date"))
    if args.json:
        print_json(
            {
                "run_date": res.run_date,
                "posted": len(res.posted),
                "skipped": len(res.skipped),
                "posted_total": res.posted_total,
                "items": [_item_json(i, ctx.lang) for i in res.items],
            }
        )
        return 0
    print_table(
        ["Tanggal", "Anggota", "Nama", "Jenis", "Untuk", "Status", "Jumlah", "Bukti/alasan"],
        _si_rows(res.items, ctx.lang),
        {6},
    )
    print(f"{len(res.posted)} dibukukan, {len(res.skipped)} dilewati")
    return 0


def cmd_si_report(ctx, args) -> int:
    from ..services import standing_instructions as si

    d0, d1 = parse_date(args.date_from, "from"), parse_date(args.date_to, "to")
    rep = si.run_report(ctx.db, d0, d1, ctx.actor)
    if args.output:
        from ..reports.standing import standing_report_data

        _render(standing_report_data(ctx.db, d0, d1, ctx.actor), args.output, ctx.lang)
        print(args.output)
        return 0
    if args.json:
        print_json(
            {
                "from": d0,
                "to": d1,
                "posted_total": rep.posted_total,
                "skipped_total": rep.skipped_total,
                "items": [_item_json(i, ctx.lang) for i in rep.items],
            }
        )
        return 0
    print_table(
        ["Tanggal", "Anggota", "Nama", "Jenis", "Untuk", "Status", "Jumlah", "Bukti/alasan"],
        _si_rows(rep.items, ctx.lang),
        {6},
    )
    return 0


# ---------------------------------------------------------------- potong gaji


def cmd_pr_employer(ctx, args) -> int:
    from ..services import payroll

    v = payroll.save_employer(ctx.db, ctx.actor, args.code, args.name, args.address, args.into)
    if args.json:
        print_json(asdict(v))
    else:
        print(f"{v.code} {v.name}")
    return 0


def cmd_pr_employers(ctx, args) -> int:
    from ..services import payroll

    rows = payroll.list_employers(ctx.db, ctx.actor)
    if args.json:
        print_json({"employers": [asdict(r) for r in rows]})
        return 0
    print_table(
        ["Kode", "Nama", "Akun", "Pegawai"],
        [[r.code, r.name, r.pay_into, r.employees] for r in rows],
        {3},
    )
    return 0


def cmd_pr_link(ctx, args) -> int:
    from ..services import payroll

    v = payroll.link_member(
        ctx.db,
        ctx.actor,
        args.member,
        args.employer,
        args.employee_no,
        parse_amount(args.sukarela, "amount") if args.sukarela.strip() not in ("", "0") else 0,
    )
    if args.json:
        print_json(asdict(v))
    else:
        print(f"{v.member_number} -> {v.employer_code} ({v.employee_no})")
    return 0


def cmd_pr_unlink(ctx, args) -> int:
    from ..services import payroll

    payroll.unlink_member(ctx.db, ctx.actor, args.member)
    print(args.member)
    return 0


def _render(data, path: str, lang: str) -> None:
    from ..reports import registry

    fmt = Path(path).suffix.lstrip(".").lower()
    try:
        registry.render(data, path, fmt, lang)
    except BaseException:
        Path(path).unlink(missing_ok=True)
        raise


def _output(ctx, employer: str, period: str, path: str) -> None:
    from ..reports.standing import payroll_list_data

    y, m = parse_period(period)
    _render(payroll_list_data(ctx.db, employer, y, m, ctx.actor), path, ctx.lang)


def cmd_pr_list(ctx, args) -> int:
    from ..services import payroll

    y, m = parse_period(args.period)
    lst = payroll.deduction_list(ctx.db, args.employer, y, m, ctx.actor)
    if args.output:
        if args.output.lower().endswith(".xlsx"):
            from ..exchange.payroll_file import write_deduction_xlsx

            write_deduction_xlsx(lst, args.output, ctx.lang)
        else:
            _output(ctx, lst.employer_code, lst.period, args.output)
        print(args.output)
        return 0
    if args.json:
        print_json(
            {
                "employer": lst.employer_code,
                "employer_name": lst.employer_name,
                "period": lst.period,
                "due_by": lst.due_by,
                "rows": [asdict(r) | {"total": r.total} for r in lst.rows],
                "total": lst.total(),
            }
        )
        return 0
    print_table(
        ["No", "No. Pegawai", "Anggota", "Nama", "Wajib", "Angsuran", "Sukarela", "Jumlah"],
        [
            [
                r.no,
                r.employee_no,
                r.member_number,
                r.member_name,
                r.wajib,
                r.angsuran,
                r.sukarela,
                r.total,
            ]
            for r in lst.rows
        ],  # fmt: skip
        {4, 5, 6, 7},
    )
    return 0


def _result_json(res, lang):
    from ..messages import label

    return {
        "employer": res.employer_code,
        "period": res.period,
        "date": res.date,
        "dry_run": res.dry_run,
        "batch_id": res.batch_id,
        "paid": res.total("paid"),
        "posted": res.total("wajib") + res.total("angsuran") + res.total("sukarela"),
        "unposted": res.total("unposted"),
        "differences": len(res.differences),
        "rows": [
            asdict(r)
            | {"difference": r.difference, "status_text": label("payroll_status", r.status, lang)}
            for r in res.rows
        ],
    }


def _print_result(res, lang) -> None:
    from ..messages import label

    print_table(
        [
            "Baris",
            "No. Pegawai",
            "Anggota",
            "Nama",
            "Potongan",
            "Dibayar",
            "Wajib",
            "Angsuran",
            "Sukarela",
            "Selisih",
            "Keterangan",
        ],
        [
            [
                r.row or "",
                r.employee_no,
                r.member_number,
                r.name,
                r.expected,
                r.paid,
                r.wajib,
                r.angsuran,
                r.sukarela,
                r.difference,
                label("payroll_status", r.status, lang),
            ]
            for r in res.rows
        ],  # fmt: skip
        {4, 5, 6, 7, 8, 9},
    )


def cmd_pr_import(ctx, args) -> int:
    from ..exchange.payroll_file import read_payment_file
    from ..services import payroll_posting

    payment = read_payment_file(args.file)
    res = payroll_posting.post_payments(
        ctx.db,
        ctx.actor,
        payment,
        parse_date(args.date, "date"),
        dry_run=args.dry_run,
        employer_code=args.employer,
    )
    if args.json:
        print_json(_result_json(res, ctx.lang))
        return 0
    _print_result(res, ctx.lang)
    if res.dry_run:
        print(ctx.say("cli_dry_run_nothing_posted"))
    return 0


def cmd_pr_result(ctx, args) -> int:
    from ..services import payroll_posting

    res = payroll_posting.batch_result(ctx.db, args.employer, args.period, ctx.actor)
    if args.output:
        _output(ctx, res.employer_code, res.period, args.output)
        print(args.output)
        return 0
    if args.json:
        print_json(_result_json(res, ctx.lang))
        return 0
    _print_result(res, ctx.lang)
    return 0

"""``export auditor``, ``import KIND FILE.xlsx`` / ``import template KIND``, ``consolidate``,
``key show`` (the cooperative's signing key for its audit workbooks)."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ValidationError
from ..messages.text import T
from .base import parse_date

IMPORT_KINDS = ("members", "opening-balances", "savings-transactions", "loans", "audit-workbook")


def register(sub) -> None:
    ex = sub.add_parser("export", help="ekspor data")
    exs = ex.add_subparsers(dest="export_cmd", metavar="WHAT", required=True)
    au = exs.add_parser("auditor", help="buku kerja audit (xlsx)")
    au.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    au.add_argument("--from", dest="date_from")
    au.add_argument("--to", dest="date_to")
    au.add_argument("--quiet", action="store_true")
    au.set_defaults(func=cmd_export_auditor)

    im = sub.add_parser("import", help="impor dari Excel")
    ims = im.add_subparsers(dest="import_kind", metavar="KIND", required=True)
    for kind in IMPORT_KINDS:
        p = ims.add_parser(kind, help=f"impor {kind}")
        p.add_argument("file", metavar="FILE.xlsx")
        p.add_argument("--dry-run", action="store_true", help="periksa saja, tidak menyimpan")
        p.add_argument(
            "--valid-only", action="store_true", help="simpan baris yang sah saja (satu transaksi)"
        )
        p.add_argument("--report", metavar="ERRORS.xlsx", help="buku kerja baris yang salah")
        p.add_argument("--quiet", action="store_true")
        if kind == "audit-workbook":  # its signature is verified first (issue 22)
            p.add_argument(
                "--keys",
                metavar="REGISTER.txt",
                help="daftar kunci publik (seperti consolidate); bawaan: kunci koperasi di PC ini",
            )
            p.add_argument(
                "--allow-unsigned",
                action="store_true",
                help="pulihkan juga buku kerja tanpa tanda tangan (dengan peringatan)",
            )
        p.set_defaults(func=cmd_import, kind=kind)
    tp = ims.add_parser("template", help="buat templat impor")
    tp.add_argument("template_kind", choices=[k for k in IMPORT_KINDS if k != "audit-workbook"])
    tp.add_argument("-o", "--output", required=True, metavar="FILE.xlsx")
    tp.set_defaults(func=cmd_template)

    co = sub.add_parser("consolidate", help="gabungkan buku kerja audit banyak koperasi")
    co.add_argument("files", nargs="+", metavar="FILE.xlsx")
    co.add_argument("-o", "--output", required=True, metavar="report.xlsx|pdf")
    co.add_argument(
        "--keys",
        required=True,
        metavar="REGISTER.txt",
        help="daftar kunci publik: tiap baris nomor badan hukum lalu kunci publik",
    )
    co.add_argument(
        "--allow-unsigned",
        action="store_true",
        help="hitung juga buku kerja tanpa tanda tangan (dengan peringatan)",
    )
    co.add_argument("--quiet", action="store_true")
    co.set_defaults(func=cmd_consolidate)

    ky = sub.add_parser("key", help="kunci tanda tangan koperasi (buku kerja audit)")
    kys = ky.add_subparsers(dest="key_cmd", metavar="WHAT", required=True)
    ks = kys.add_parser("show", help="tampilkan kunci publik dan sidik jarinya")
    ks.set_defaults(func=cmd_key_show)


def _progress(args):
    if getattr(args, "quiet", False) or not sys.stderr.isatty():
        return None

    def cb(done: int, total: int, message: str) -> None:
        print(f"\r{done}/{total} {message}"[:79].ljust(79), end="", file=sys.stderr, flush=True)

    return cb


def _end_progress(args) -> None:
    if not getattr(args, "quiet", False) and sys.stderr.isatty():
        print(file=sys.stderr)


def cmd_export_auditor(ctx, args) -> int:
    from ..exchange import export_auditor

    date_from = parse_date(args.date_from, "from") if args.date_from else None
    date_to = parse_date(args.date_to, "to") if args.date_to else None
    if not args.output.lower().endswith(".xlsx"):
        raise ValidationError("file", "file_extension", expected=".xlsx", value=args.output)
    result = export_auditor(
        ctx.db, args.output, date_from, date_to, _progress(args), actor=ctx.actor
    )
    _end_progress(args)
    print(f"{ctx.t(T('Buku kerja audit', 'Audit workbook'))}: {result.path}")
    for title, n in result.rows.items():
        print(f"  {title}: {n}")
    return 0


def cmd_import(ctx, args) -> int:
    from ..exchange import run_import, write_error_report
    from ..signing import read_register

    keys = read_register(args.keys) if getattr(args, "keys", None) else None
    report = run_import(
        ctx.db,
        ctx.actor,
        args.kind,
        args.file,
        valid_only=args.valid_only,
        dry_run=args.dry_run,
        progress=_progress(args),
        keys=keys,
        allow_unsigned=getattr(args, "allow_unsigned", False),
    )
    _end_progress(args)
    print(report.summary(ctx.lang))
    for line in report.error_lines(ctx.lang, limit=50):
        print(line, file=sys.stderr)
    if args.report and report.has_errors:
        write_error_report(report, args.report, ctx.lang)
        print(ctx.t(T("Laporan kesalahan: ", "Error report: ")) + args.report)
    if report.file_errors:
        return 2
    if report.has_errors and not (args.valid_only and report.written):
        return 2 if not args.dry_run else 1
    return 0


def cmd_template(ctx, args) -> int:
    from ..exchange import write_template

    path = write_template(args.template_kind, args.output, ctx.lang)
    print(ctx.t(T("Templat: ", "Template: ")) + str(path))
    return 0


def cmd_consolidate(ctx, args) -> int:
    from ..exchange import consolidate
    from ..signing import read_register

    keys = read_register(args.keys)
    result = consolidate(
        args.files,
        args.output,
        lang=ctx.lang,
        progress=_progress(args),
        keys=keys,
        allow_unsigned=args.allow_unsigned,
    )
    _end_progress(args)
    print(f"{ctx.t(T('Laporan program', 'Programme report'))}: {result.path}")
    print(
        f"{ctx.t(T('Koperasi lolos pemeriksaan', 'Cooperatives passing checks'))}: "
        f"{len(result.passed)}/{len(result.cooperatives)}"
    )
    if result.failed:
        print(ctx.t(T("Ditolak:", "Refused:")), file=sys.stderr)
    for coop in result.failed:
        print(
            f"  {Path(coop.path).name} ({coop.label}): {'; '.join(coop.problems(ctx.lang))}",
            file=sys.stderr,
        )
    for note in result.notes(ctx.lang):
        print(note, file=sys.stderr)
    return 1 if result.failed else 0


def cmd_key_show(ctx, args) -> int:
    from ..services.auth import require
    from ..services.settings import profile_in
    from ..services.uow import read_only
    from ..signing import load_or_create, register_line

    require(ctx.actor, "export.auditor")
    with read_only(ctx.db) as s:
        profile = profile_in(s)
    key = load_or_create(profile.legal_number)
    if key.created:
        print(ctx.say("cli_key_created"))
    print(f"{ctx.t(T('Koperasi', 'Cooperative'))}: {profile.name}")
    print(f"{ctx.t(T('Nomor badan hukum', 'Legal number'))}: {profile.legal_number or '-'}")
    print(f"{ctx.t(T('Kunci publik', 'Public key'))}: {key.public}")
    print(f"{ctx.t(T('Sidik jari', 'Fingerprint'))}: {key.fingerprint}")
    print(f"{ctx.t(T('Berkas kunci privat', 'Private key file'))}: {key.path}")
    print(
        ctx.t(T("Baris untuk daftar kunci program:", "Line for the programme's register of keys:"))
    )
    print(register_line(profile.legal_number, key.public, profile.name))
    return 0

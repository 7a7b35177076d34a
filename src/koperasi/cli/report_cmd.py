"""``report NAME [--period YYYY-MM | --year YYYY | --date D] [--group G] [--member M]
[--receipt R] [--loan L] --format pdf|xlsx -o FILE`` and ``report --list``."""

from __future__ import annotations

import sys
from pathlib import Path

from ..errors import ValidationError
from .base import UsageError, parse_date, parse_period, parse_year


def register(sub) -> None:
    p = sub.add_parser("report", help="laporan (PDF atau Excel); --list untuk daftarnya")
    p.add_argument("name", nargs="?", help="nama laporan (lihat --list)")
    p.add_argument("--list", action="store_true", help="daftar laporan")
    p.add_argument("--period", help="bulan YYYY-MM")
    p.add_argument("--year", help="tahun buku YYYY")
    p.add_argument("--date", help="tanggal (per tanggal / tanggal pertemuan)")
    p.add_argument("--group", help="kode kelompok")
    p.add_argument("--member", help="nomor anggota")
    p.add_argument("--receipt", help="nomor kuitansi")
    p.add_argument("--loan", help="nomor pinjaman")
    p.add_argument("--format", choices=["pdf", "xlsx"], help="pdf atau xlsx (default dari -o)")
    p.add_argument("-o", "--output", help="berkas keluaran")
    p.add_argument("--quiet", action="store_true", help="tanpa kemajuan di stderr")
    p.set_defaults(func=cmd_report)


def cmd_report(ctx, args) -> int:
    from ..reports import registry
    from ..reports.common import ReportParams

    if args.list:
        # with --user: only the reports that user may run (a ketua: the group's)
        for spec in registry.list_for(ctx.actor) if ctx.user else registry.list_reports():
            print(f"{spec.name}\t{spec.description.get(ctx.lang)}")
        return 0
    if not args.name:
        raise UsageError("nama laporan wajib diisi (lihat 'koperasi report --list')")
    registry.get_report(args.name)  # unknown name -> exit 2 before touching the database
    if not args.output:
        raise UsageError("-o FILE wajib diisi")
    out = Path(args.output)
    fmt = args.format or out.suffix.lstrip(".").lower()
    if fmt not in registry.FORMATS:
        raise ValidationError("format", "choice", choices="pdf, xlsx", value=fmt)
    if sum(x is not None for x in (args.period, args.year, args.date)) > 1:
        raise ValidationError("period", "one_period_option")
    if args.period is not None:
        parse_period(args.period)  # the sane horizon; the report reads the text itself
    params = ReportParams(
        period=args.period,
        year=parse_year(args.year) if args.year else None,
        date=parse_date(args.date) if args.date else None,
        group=args.group,
        member=args.member,
        receipt=args.receipt,
        loan=args.loan,
    )
    progress = None
    if not args.quiet and sys.stderr.isatty():

        def progress(done: int, total: int, message: str) -> None:
            print(f"\r{done:3d}% {message[:60]:60}", end="", file=sys.stderr)

    path = registry.run(ctx.db, args.name, params, fmt, out, ctx.lang, progress, ctx.actor)
    if progress is not None:
        print(file=sys.stderr)
    print(str(path))
    return 0

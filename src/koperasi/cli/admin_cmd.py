"""``user add|list|passwd|disable|enable``, ``backup -o FILE``, ``restore FILE [--yes]``,
``audit list``.

Passwords: the acting user's from ``KOPERASI_PASSWORD`` (or a prompt); a password being set
(``user add``, ``user passwd``) from ``KOPERASI_NEW_PASSWORD`` (or a prompt, asked twice).
"""

from __future__ import annotations

import sys

from ..errors import ValidationError
from ..messages.text import T
from .base import parse_date, parse_int, print_json, print_table


def register(sub) -> None:
    u = sub.add_parser("user", help="pengguna aplikasi dan perannya")
    us = u.add_subparsers(dest="user_cmd", metavar="ACTION", required=True)
    a = us.add_parser("add", help="tambah pengguna (pengguna pertama: administrator)")
    a.add_argument("username")
    a.add_argument("--role", required=True, help="admin, bendahara, ketua, pengawas")
    a.add_argument("--name", default="", help="nama lengkap")
    a.add_argument("--groups", default="", help="kode kelompok untuk ketua, dipisah koma")
    a.set_defaults(func=cmd_user_add)
    ls = us.add_parser("list", help="daftar pengguna")
    ls.add_argument("--json", action="store_true")
    ls.set_defaults(func=cmd_user_list)
    pw = us.add_parser("passwd", help="ganti kata sandi (sendiri, atau pengguna lain oleh admin)")
    pw.add_argument("username", nargs="?")
    pw.set_defaults(func=cmd_user_passwd)
    for name, helptext in (("disable", "nonaktifkan pengguna"), ("enable", "aktifkan kembali")):
        d = us.add_parser(name, help=helptext)
        d.add_argument("username")
        d.set_defaults(func=cmd_user_active, active=name == "enable")

    b = sub.add_parser("backup", help="cadangkan basis data ke sebuah berkas")
    b.add_argument(
        "-o", "--output", help="berkas tujuan (bawaan: folder backup/ di samping basis data)"
    )
    b.set_defaults(func=cmd_backup)

    r = sub.add_parser("restore", help="pulihkan basis data dari berkas cadangan")
    r.add_argument("file")
    r.add_argument("--yes", action="store_true", help="tanpa konfirmasi")
    r.set_defaults(func=cmd_restore)

    au = sub.add_parser("audit", help="jejak audit")
    aus = au.add_subparsers(dest="audit_cmd", metavar="ACTION", required=True)
    al = aus.add_parser("list", help="daftar catatan audit")
    al.add_argument("--user", dest="audit_user")
    al.add_argument("--action")
    al.add_argument("--entity")
    al.add_argument("--entity-id", dest="entity_id")
    al.add_argument("--from", dest="date_from")
    al.add_argument("--to", dest="date_to")
    al.add_argument("--after-id", dest="after_id")
    al.add_argument("--limit", default="100")
    al.add_argument("--json", action="store_true")
    al.set_defaults(func=cmd_audit_list)


def _new_password(ctx) -> str:
    import os

    from ..services.users import NEW_PASSWORD_ENV, read_password

    if os.environ.get(NEW_PASSWORD_ENV) is not None:
        return os.environ[NEW_PASSWORD_ENV]
    first = read_password(ctx.t(T("Kata sandi baru: ", "New password: ")), NEW_PASSWORD_ENV)
    again = read_password(ctx.t(T("Ulangi kata sandi: ", "Repeat password: ")), NEW_PASSWORD_ENV)
    if first != again:
        raise ValidationError("password", "password_mismatch")
    return first


def cmd_user_add(ctx, args) -> int:
    from ..services import users

    db = ctx.db  # logs in when accounts exist; the first account needs no login
    actor = ctx.actor
    password = _new_password(ctx)
    groups = [g for g in args.groups.split(",") if g.strip()]
    view = users.create_user(db, actor, args.username, password, args.role, args.name, groups)
    print(ctx.say("cli_user_created", user=view.username, role=view.role))
    return 0


def cmd_user_list(ctx, args) -> int:
    from ..services import users

    rows = users.list_users(ctx.db, ctx.actor)
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["Pengguna", "Nama", "Peran", "Aktif", "Kelompok"],
        [
            [r.username, r.full_name, r.role, "ya" if r.active else "tidak", ",".join(r.groups)]
            for r in rows
        ],
    )
    return 0


def cmd_user_passwd(ctx, args) -> int:
    from ..services import users

    db, actor = ctx.db, ctx.actor
    target = args.username or actor.username
    if users.needs_first_admin(db):
        raise ValidationError("username", "not_found", what="Pengguna", key=target)
    new = _new_password(ctx)
    if target == actor.username:
        old = users.read_password(ctx.t(T("Kata sandi lama: ", "Old password: ")))
        users.change_password(db, actor, old, new)
    else:
        users.reset_password(db, actor, target, new)
    print(ctx.say("cli_password_changed"))
    return 0


def cmd_user_active(ctx, args) -> int:
    from ..services import users

    view = users.set_active(ctx.db, ctx.actor, args.username, args.active)
    code = "cli_user_enabled" if view.active else "cli_user_disabled"
    print(ctx.say(code, user=view.username))
    return 0


def cmd_backup(ctx, args) -> int:
    from pathlib import Path

    from ..services import backup

    db, actor = ctx.db, ctx.actor
    if args.output:
        path = backup.backup_file(db, actor, Path(args.output), "manual")
    else:
        path = backup.backup_now(db, actor)
    print(ctx.t(T("Cadangan dibuat: ", "Backup written: ")) + str(path))
    return 0


def cmd_restore(ctx, args) -> int:
    from ..services import backup

    db, actor = ctx.db, ctx.actor

    def confirm(summary) -> bool:
        for line in summary.lines(ctx.lang):
            print(line)
        if args.yes:
            return True
        if not sys.stdin or not sys.stdin.isatty():
            from ..errors import KoperasiError

            raise KoperasiError("restore_needs_yes")
        return input(ctx.say("cli_restore_confirm") + " ").strip().lower() in ("y", "ya", "yes")

    result = backup.restore(db, actor, args.file, confirm)
    if result is None:
        print(ctx.say("cli_cancelled"))
        return 0
    # the backup's path after the sentence: render() would show an ISO date in it as 03/12/2026
    print(f"{ctx.say('cli_restored')} {result.safety_backup}")
    return 0


def cmd_audit_list(ctx, args) -> int:
    from ..services.audit import AuditFilter, list_audit

    filters = AuditFilter(
        username=args.audit_user,
        action=args.action,
        entity=args.entity,
        entity_id=args.entity_id,
        date_from=parse_date(args.date_from, "from") if args.date_from else None,
        date_to=parse_date(args.date_to, "to") if args.date_to else None,
    )
    after_id = parse_int(args.after_id, "entry") if args.after_id else None
    limit = parse_int(args.limit, "limit")
    rows = list_audit(ctx.db, filters, after_id, limit, actor=ctx.actor)
    if args.json:
        print_json(rows)
        return 0
    print_table(
        ["#", "Waktu (UTC)", "Pengguna", "Aksi", "Objek"],
        [
            [
                r.id,
                r.at.strftime("%Y-%m-%d %H:%M:%S"),
                r.username,
                r.action,
                f"{r.entity} {r.entity_id}",
            ]
            for r in rows
        ],
    )
    return 0

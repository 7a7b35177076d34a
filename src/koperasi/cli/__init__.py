"""Command-line interface: ``koperasi [--db PATH_OR_URL] [--lang id|en] COMMAND ...``.

Exit codes (DESIGN §7): 0 success, 1 a check found a problem, 2 bad input (one
line on stderr, never a traceback). Each command group lives in its own module
under ``koperasi.cli`` exposing ``register(subparsers)``; the module list is
:data:`COMMAND_MODULES`.
"""

from __future__ import annotations

import functools
import importlib
import sys
from collections.abc import Sequence
from typing import NoReturn

from .. import __version__

# ``koperasi --version`` answers from here alone: the messages, errors and the commands'
# modules are imported once a command is parsed (see main)

# Codes of an amount above its plausibility ceiling (services/plausibility.py): the
# message tells which option confirms it.
IMPLAUSIBLE = ("amount_implausible", "amount_implausible_new", "amounts_implausible")

# Modules that add sub-commands; each has ``register(subparsers) -> None``.
COMMAND_MODULES: list[str] = [
    "koperasi.cli.core_cmd",
    "koperasi.cli.member_cmd",
    "koperasi.cli.money_cmd",
    "koperasi.cli.settings_cmd",
    "koperasi.cli.schedule_cmd",
    "koperasi.cli.loan_cmd",
    "koperasi.cli.admin_cmd",
    "koperasi.cli.report_cmd",
    "koperasi.cli.closing_cmd",
    "koperasi.cli.exchange_cmd",
    "koperasi.cli.rat_cmd",
    "koperasi.cli.asset_cmd",
    "koperasi.cli.loan_rules_cmd",
    "koperasi.cli.bank_cmd",
    "koperasi.cli.field_cmd",
    "koperasi.cli.deposit_cmd",
    "koperasi.cli.standing_cmd",
]


def _parser_class():
    import argparse

    from .base import UsageError

    class _Parser(argparse.ArgumentParser):
        def error(self, message: str) -> NoReturn:  # pragma: no cover - exercised via main
            raise UsageError(message)

    return _Parser


@functools.cache
def build_parser():  # -> argparse.ArgumentParser
    """The whole parser, built once per process (about 0.2 s of argparse work for some 190
    sub-parsers); argparse parsers are not changed by parsing, so one serves every call."""
    _Parser = _parser_class()  # noqa: N806
    parser = _Parser(prog="koperasi", description="Koperasi simpan pinjam")
    parser.add_argument("--version", action="version", version=f"koperasi {__version__}")
    parser.add_argument("--db", help="berkas SQLite atau URL basis data (postgresql://...)")
    parser.add_argument("--lang", choices=["id", "en"], default="id")
    parser.add_argument(
        "--user", help="nama pengguna (kata sandi dari KOPERASI_PASSWORD atau prompt)"
    )
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Parser)
    subparsers.required = True
    for name in COMMAND_MODULES:
        module = importlib.import_module(name)
        module.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    lang = "en" if _peek_lang(argv) == "en" else "id"
    if argv[:1] == ["--version"]:  # before building the parser: nothing else is imported
        print(f"koperasi {__version__}")
        return 0
    from ..errors import KoperasiError
    from ..messages import render
    from .base import CliContext, UsageError

    try:
        parser = build_parser()
        args = parser.parse_args(argv)
        ctx = CliContext.from_args(args)
        try:
            return int(args.func(ctx, args) or 0)
        finally:
            ctx.close()
    except UsageError as exc:
        print(f"koperasi: {one_line(str(exc))}", file=sys.stderr)
        return 2
    except KoperasiError as exc:
        text = exc.message(lang)
        if exc.code in IMPLAUSIBLE:
            text += " " + KoperasiError("confirm_large_hint").message(lang)
        print(f"koperasi: {one_line(text)}", file=sys.stderr)
        return exc.exit_code
    except KeyboardInterrupt:
        print(f"koperasi: {render('cli_interrupted', lang, {})}", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def one_line(text: str) -> str:
    """An error echoes what the user typed: keep it on one line (control characters escaped)."""
    return "".join(
        ch if ch.isprintable() or ch == " " else ch.encode("unicode_escape").decode("ascii")
        for ch in text.strip()
    )


def _peek_lang(argv: list[str]) -> str:
    for i, a in enumerate(argv):
        if a == "--lang" and i + 1 < len(argv):
            return argv[i + 1]
        if a.startswith("--lang="):
            return a.split("=", 1)[1]
    return "id"


if __name__ == "__main__":  # pragma: no cover
    sys.exit(main())

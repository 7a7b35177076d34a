"""Light commands stay light (issue 20 item 4): ``--version``, ``--help``, ``schedule`` and
every sub-command's ``--help`` start without importing SQLAlchemy, Qt, ReportLab or openpyxl.

One fresh interpreter runs them all in turn and looks at ``sys.modules`` after each: a
module once imported stays there, so the first command that pulls one in is the one named."""

import json
import subprocess
import sys
from dataclasses import fields

from koperasi.cli.settings_cmd import PROFILE_FIELDS

HEAVY = ("sqlalchemy", "PySide6", "reportlab", "openpyxl")

SCRIPT = r"""
import contextlib, io, json, sys
HEAVY = __HEAVY__

def heavy():
    return sorted({m.split(".")[0] for m in sys.modules if m.split(".")[0] in HEAVY})

def run(argv):
    from koperasi.cli import main
    out = io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(io.StringIO()):
        try:
            code = main(argv)
        except SystemExit as exc:
            code = exc.code
    return code, out.getvalue()

found = {}
runs = [["--version"], ["--help"],
        ["schedule", "--principal", "1.000.000", "--rate", "1.5", "--repayments", "10",
         "--disbursed", "2026-01-05"]]
for argv in runs:
    code, out = run(argv)
    found[" ".join(argv)] = [code, bool(out.strip()), heavy()]

from koperasi.cli import build_parser
import argparse

def commands(parser, path):
    for action in parser._actions:
        if isinstance(action, argparse._SubParsersAction):
            for name, sub in action.choices.items():
                yield path + [name]
                yield from commands(sub, path + [name])

for cmd in commands(build_parser(), []):
    code, out = run(cmd + ["--help"])
    found[" ".join(cmd) + " --help"] = [code, bool(out.strip()), heavy()]
print(json.dumps(found))
""".replace("__HEAVY__", repr(HEAVY))


def test_light_commands_import_none_of_the_heavy_libraries():
    proc = subprocess.run(
        [sys.executable, "-c", SCRIPT], capture_output=True, text=True, check=True, timeout=300
    )
    found = json.loads(proc.stdout.strip().splitlines()[-1])
    assert len(found) > 40  # every sub-command's help was looked at
    assert found["--version"][:2] == [0, True]
    assert found[
        "schedule --principal 1.000.000 --rate 1.5 --repayments 10 --disbursed 2026-01-05"
    ][:2] == [0, True]
    assert all(code == 0 and printed for code, printed, _ in found.values())
    heavy = {cmd: mods for cmd, (_c, _p, mods) in found.items() if mods}
    assert heavy == {}


def test_the_cli_knows_every_profile_field():
    from koperasi.services.settings import Profile

    assert tuple(f.name for f in fields(Profile)) == PROFILE_FIELDS


def test_the_cli_knows_every_choice_of_the_loan_rules():
    """loan_rules_cmd names the services' choices itself (so --help stays light)."""
    from koperasi.cli import loan_rules_cmd as cli
    from koperasi.services import approvals, lending_rules
    from koperasi.services.loans import collateral, lending_limits

    assert cli.APPROVAL_KINDS == approvals.KINDS
    assert cli.COLLATERAL_KINDS == collateral.KINDS
    assert cli.BREACH_MODES == lending_rules.BREACH_MODES
    assert cli.RELATED_KINDS == lending_limits.RELATED_KINDS

"""Bad input everywhere: random amounts, dates, strings, huge numbers, unicode and SQL-looking
text thrown at the service layer and the CLI. Every call either succeeds or fails with a
clean KoperasiError (CLI: exit 2 with one line on stderr, never a traceback), and
`koperasi check` stays green. Bounded: a few hundred examples in all.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io

import pytest
from helpers import member_input, nik
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.errors import KoperasiError
from koperasi.services import audit, check, groups, ledger, members, savings, users
from koperasi.services.auth import SYSTEM

SQLISH = [
    "'; DROP TABLE members; --",
    "1 OR 1=1",
    "Robert'); DELETE FROM journal_lines;--",
    "%",
    "_",
    "\\",
    '"',
    "\x00",
    "NULL",
    "${jndi:x}",
    "‮ٱلعربية",
    "Ñoño 😀 名前",
]
texts = st.one_of(
    st.sampled_from(SQLISH),
    st.text(max_size=80),
    st.text(alphabet=st.characters(codec="utf-8"), min_size=1, max_size=300),
)
amounts = st.one_of(
    st.integers(min_value=1, max_value=2_000_000),
    st.integers(min_value=-(10**20), max_value=10**20),
    st.sampled_from([0, 1, -1, 10**15, 10**15 + 1, 2**63 - 1, 2**63, -(2**63), 10**30]),
)
dates = st.one_of(
    st.dates(min_value=dt.date(2025, 2, 1), max_value=dt.date(2026, 1, 31)),
    st.dates(min_value=dt.date(1, 1, 1), max_value=dt.date(9999, 12, 31)),
)
FUZZ = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)


OUTCOMES: dict[str, int] = {"ok": 0, "refused": 0}


@pytest.fixture(
    scope="module", params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)]
)
def fdb(request, tmp_path_factory):
    if request.param == "sqlite":
        db = open_database(tmp_path_factory.mktemp("fuzz") / "fuzz.db")
    else:
        db = open_database(request.getfixturevalue("pg_server").new_database())
    groups.create_group(db, SYSTEM, groups.GroupInput(code="K01", name="Mawar"))
    m = members.register_member(db, SYSTEM, member_input("Siti", 9001, group_code="K01"))
    savings.deposit(db, SYSTEM, m.number, "SUKARELA", 1_000_000, dt.date(2025, 2, 1))
    yield db, m.number
    assert check.run_checks(db).ok
    db.dispose()


def clean(call):
    """Run a service call: success, or a KoperasiError with a non-empty message."""
    try:
        result = call()
    except KoperasiError as exc:
        for lang in ("id", "en"):
            msg = exc.message(lang)
            assert msg and "Traceback" not in msg
        OUTCOMES["refused"] += 1
        return exc
    OUTCOMES["ok"] += 1
    return result


def green(db):
    report = check.run_checks(db)
    assert report.ok, [p.message("en") for p in report.problems]


@FUZZ
@given(amount=amounts, date=dates, product=st.sampled_from(["SUKARELA", "WAJIB", "POKOK", "X"]))
def test_savings_with_random_amounts_and_dates(fdb, amount, date, product):
    db, number = fdb
    clean(lambda: savings.deposit(db, SYSTEM, number, product, amount, date))
    clean(lambda: savings.withdraw(db, SYSTEM, number, product, amount, date))
    green(db)


@FUZZ
@given(name=texts, phone=texts, address=texts, date=dates, group=st.one_of(st.none(), texts))
def test_member_registration_with_random_text(fdb, name, phone, address, date, group):
    db, _ = fdb
    data = members.MemberInput(
        name=name,
        nik=nik(),
        gender="P",
        join_date=date,
        phone=phone,
        address=address,
        group_code=group,
    )
    result = clean(lambda: members.register_member(db, SYSTEM, data))
    if not isinstance(result, KoperasiError):
        assert members.get_member(db, result.number).name == result.name
    clean(lambda: members.list_members(db, search=name, limit=5))
    clean(lambda: members.count_members(db, search=address))


@FUZZ
@given(
    description=texts,
    amount=amounts,
    date=dates,
    account=st.sampled_from(["5.11", "1.01", "9.99", "'", "2.10"]),
)
def test_manual_journal_with_random_input(fdb, description, amount, date, account):
    db, _ = fdb
    clean(
        lambda: ledger.add_manual_entry(
            db,
            SYSTEM,
            date,
            description,
            [ledger.Line(account, debit=amount), ledger.Line("1.01", credit=amount)],
        )
    )
    green(db)


@FUZZ
@given(code=texts, name=texts, username=texts, password=texts, search=texts)
def test_groups_users_and_audit_filters_with_random_text(
    fdb, code, name, username, password, search
):
    db, _ = fdb
    clean(lambda: groups.create_group(db, SYSTEM, groups.GroupInput(code=code, name=name)))
    clean(lambda: users.create_user(db, SYSTEM, username, password, "bendahara"))
    clean(
        lambda: audit.list_audit(
            db, audit.AuditFilter(username=search, action=search, entity_id=search)
        )
    )
    clean(lambda: users.authenticate(db, username, password))


# ---------------------------------------------------------------- the CLI


def run_cli(*args: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        code = main(list(args))
    return code, out.getvalue(), err.getvalue()


def cli_text():
    return st.one_of(
        st.sampled_from(["5000", "25.000", "Rp10.000", "2025-03-01", "01/03/2025", "10", "Siti"]),
        st.sampled_from(
            SQLISH + ["", "-5", "1e9", "9" * 40, "1.000.000", "Rp 5.000,50", "NaN", "2025-02-30"]
        ),
        st.text(
            alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00"),
            max_size=40,
        ),
    )


@pytest.fixture(scope="module")
def cli_db(tmp_path_factory):
    path = tmp_path_factory.mktemp("fuzzcli") / "cli.db"
    db = open_database(path)
    m = members.register_member(db, SYSTEM, member_input("Siti", 9002))
    savings.deposit(db, SYSTEM, m.number, "SUKARELA", 1_000_000, dt.date(2025, 2, 1))
    db.dispose()
    return str(path), m.number


COMMANDS = [
    lambda m, a, b: ["savings", "deposit", m, "SUKARELA", a, "--date", b],
    lambda m, a, b: ["savings", "withdraw", m, "SUKARELA", a, "--date", b],
    lambda m, a, b: ["savings", "statement", m, a, "--from", b],
    lambda m, a, b: ["member", "list", "--search", a, "--limit", b],
    lambda m, a, b: ["member", "show", a],
    lambda m, a, b: ["member", "add", "--name", a, "--nik", b, "--gender", "P"],
    lambda m, a, b: ["group", "add", "--code", a, "--name", b],
    lambda m, a, b: [
        "journal",
        "add",
        "--description",
        a,
        "--debit",
        f"5.11={b}",
        "--credit",
        f"1.01={b}",
    ],
    lambda m, a, b: ["trial-balance", "--as-of", a],
    lambda m, a, b: ["audit", "list", "--action", a, "--limit", b],
    lambda m, a, b: [
        "schedule",
        "--principal",
        a,
        "--rate",
        b,
        "--rate-per",
        "month",
        "--repayments",
        "6",
        "--every",
        "1",
        "--unit",
        "month",
        "--method",
        "flat",
        "--disbursed",
        "2025-01-01",
    ],
]


@settings(
    max_examples=80,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
    database=None,
)
@given(which=st.integers(0, len(COMMANDS) - 1), a=cli_text(), b=cli_text())
# well-formed calls, so that the run always includes real successes besides the random ones
# (80 random draws sometimes held fewer than five; test_fuzzing_reached_both_outcomes)
@example(which=0, a="10000", b="2025-03-01")
@example(which=3, a="Siti", b="10")
@example(which=6, a="K77", b="Kelompok Contoh")
@example(which=8, a="2025-12-31", b="")
@example(which=10, a="1000000", b="1.5")
def test_cli_never_shows_a_traceback(cli_db, which, a, b):
    path, number = cli_db
    args = COMMANDS[which](number, a, b)
    # argparse reads a leading '-' as an option: pass such values with '='
    code, _, err = run_cli("--db", path, *args)
    assert code in (0, 2), (args, code, err)
    CLI_CODES[code] = CLI_CODES.get(code, 0) + 1
    if code == 2:
        assert err.startswith("koperasi: ") and err.count("\n") == 1, (args, err)
    assert "Traceback" not in err


CLI_CODES: dict[int, int] = {}


def test_check_still_green_after_cli_fuzz(cli_db):
    code, out, _ = run_cli("--db", cli_db[0], "check")
    assert code == 0, out


def test_fuzzing_reached_both_outcomes():
    """The strategies are not all rejects: real writes happened and were checked."""
    assert OUTCOMES["ok"] >= 20 and OUTCOMES["refused"] >= 20, OUTCOMES
    assert CLI_CODES.get(0, 0) >= 5 and CLI_CODES.get(2, 0) >= 5, CLI_CODES

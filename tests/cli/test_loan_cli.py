"""``koperasi loan ...`` and ``month-end``: the life cycle through the CLI, bad input exits 2
with one line, and the demo's arrears list with PPAP equal to the allowance."""

from __future__ import annotations

import json

import pytest

from koperasi.cli import main


def run(capsys, *args: str) -> tuple[int, str, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbfile(tmp_path, capsys):
    path = str(tmp_path / "k.db")
    assert run(capsys, "--db", path, "init")[0] == 0
    return path


def _member(capsys, path: str) -> str:
    from helpers import member_input

    from koperasi.db.database import open_database
    from koperasi.services import members, savings
    from koperasi.services.auth import SYSTEM

    db = open_database(path)
    try:
        import datetime as dt

        m = members.register_member(db, SYSTEM, member_input(n=1, join=dt.date(2025, 1, 6)))
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, dt.date(2025, 1, 6))
        savings.deposit(db, SYSTEM, m.number, "SUKARELA", 1_000_000, dt.date(2025, 1, 6))
        return m.number
    finally:
        db.dispose()


def test_life_cycle_through_cli(dbfile, capsys):
    db = dbfile
    member = _member(capsys, db)
    code, out, err = run(
        capsys,
        "--db",
        db,
        "loan",
        "product",
        "add",
        "UMUM",
        "Pinjaman Umum",
        "--rate",
        "1.5",
        "--min-amount",
        "500.000",
        "--max-amount",
        "10.000.000",
        "--min-term",
        "3",
        "--max-term",
        "24",
        "--fee-kind",
        "percent",
        "--fee-percent",
        "1",
        "--penalty-kind",
        "percent",
        "--penalty-percent",
        "0,1",
        "--limit-multiple",
        "5",
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "loan", "product", "list", "--json")
    assert json.loads(out)[0]["code"] == "UMUM"
    code, out, err = run(
        capsys,
        "--db",
        db,
        "loan",
        "apply",
        member,
        "UMUM",
        "Rp 3.000.000",
        "6",
        "--purpose",
        "Modal warung",
        "--date",
        "2025-02-01",
        "--json",
    )
    assert code == 0, err
    number = json.loads(out)["row"]["number"]
    assert run(capsys, "--db", db, "loan", "approve", number, "--date", "2025-02-02")[0] == 0
    code, out, err = run(
        capsys, "--db", db, "loan", "disburse", number, "--date", "2025-02-03", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["fee"] == 30_000
    code, out, err = run(
        capsys, "--db", db, "loan", "repay", number, "545.000", "--date", "2025-03-03"
    )
    assert code == 0, err
    assert "bunga" in out and "pokok" in out and "PJM-2025-" in out
    code, out, _ = run(
        capsys, "--db", db, "loan", "repay", number, "545000", "--date", "2025-04-03", "--json"
    )
    receipt2 = json.loads(out)["receipt_no"]
    code, out, _ = run(
        capsys, "--db", db, "loan", "payoff-quote", number, "--date", "2025-04-20", "--json"
    )
    quote = json.loads(out)["total"]
    code, out, err = run(
        capsys,
        "--db",
        db,
        "loan",
        "reverse",
        number,
        receipt2,
        "--reason",
        "salah",
        "--date",
        "2025-04-20",
    )
    assert code == 0, err
    code, out, _ = run(
        capsys, "--db", db, "loan", "payoff-quote", number, "--date", "2025-04-20", "--json"
    )
    assert json.loads(out)["total"] > quote
    code, out, err = run(
        capsys,
        "--db",
        db,
        "loan",
        "reschedule",
        number,
        "--term",
        "8",
        "--reason",
        "sepi",
        "--date",
        "2025-04-21",
    )
    assert code == 0, err
    code, out, err = run(capsys, "--db", db, "month-end", "--as-of", "2025-04-30")
    assert code == 0, err
    code, out, err = run(
        capsys, "--db", db, "loan", "write-off", number, "--reason", "macet", "--date", "2025-12-31"
    )
    assert code == 0, err
    code, out, err = run(
        capsys, "--db", db, "loan", "recover", number, "100000", "--date", "2026-01-05"
    )
    assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "loan", "show", number)
    assert "Dihapusbukukan" in out
    code, out, _ = run(capsys, "--db", db, "loan", "list", "--json")
    assert json.loads(out)[0]["status"] == "dihapusbukukan"
    assert run(capsys, "--db", db, "check")[0] == 0


@pytest.mark.parametrize(
    "args, word",
    [
        (["loan", "repay", "PJ-2099-00001", "1000"], "tidak ditemukan"),
        (["loan", "repay", "PJ-2099-00001", "12,5"], "Jumlah"),
        (
            [
                "loan",
                "product",
                "add",
                "X",
                "X",
                "--rate",
                "15",
                "--min-amount",
                "1",
                "--max-amount",
                "2",
                "--min-term",
                "1",
                "--max-term",
                "2",
            ],
            "Suku bunga",
        ),
        (
            [
                "loan",
                "product",
                "add",
                "X",
                "X",
                "--rate",
                "-1",
                "--min-amount",
                "1",
                "--max-amount",
                "2",
                "--min-term",
                "1",
                "--max-term",
                "2",
            ],
            "Suku bunga",
        ),
        (["month-end", "--as-of", "31-31-2025"], "Per tanggal"),
        (["loan", "disburse", "PJ-1", "--to", "bank"], "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(dbfile, capsys, args, word):
    code, out, err = run(capsys, "--db", dbfile, *args)
    assert code == 2
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert word in err


def test_high_rate_needs_confirmation(dbfile, capsys):
    args = [
        "--db",
        dbfile,
        "loan",
        "product",
        "add",
        "DARURAT",
        "Darurat",
        "--rate",
        "12",
        "--min-amount",
        "100000",
        "--max-amount",
        "500000",
        "--min-term",
        "1",
        "--max-term",
        "3",
    ]
    assert run(capsys, *args)[0] == 2
    assert run(capsys, *args, "--confirm-high-rate")[0] == 0


def test_demo_arrears_shows_classes_and_ppap_equal_to_allowance(demo_db, capsys):
    path = str(demo_db.sqlite_path)
    demo_db.dispose()
    # the demo (built as of 31 October) leaves October's month-end to the treasurer
    code, out, err = run(capsys, "--db", path, "month-end", "--as-of", "2026-10-31")
    assert code == 0, err
    code, out, err = run(capsys, "--db", path, "loan", "arrears", "--as-of", "2026-10-31", "--json")
    assert code == 0, err
    rep = json.loads(out)
    assert rep["late"], "the demo has late loans"
    assert all(
        q["kolektibilitas"] in ("lancar", "kurang_lancar", "diragukan", "macet")
        for q in rep["late"]
    )
    assert rep["ppap_total"] == rep["allowance_balance"] > 0
    code, out, _ = run(capsys, "--db", path, "loan", "arrears", "--as-of", "2026-10-31")
    assert "Kolektibilitas" in out and "Total PPAP" in out
    total_line = next(line for line in out.splitlines() if line.startswith("Total PPAP"))
    assert total_line.count(total_line.split()[2]) == 2  # the two amounts are the same
    code, out, _ = run(capsys, "--db", path, "loan", "list", "--json")
    loans = json.loads(out)
    statuses = {row["status"] for row in loans}
    assert {"aktif", "lunas"} <= statuses
    assert {row["product_code"] for row in loans} >= {"KLP", "UMUM"}
    assert run(capsys, "--db", path, "check")[0] == 0

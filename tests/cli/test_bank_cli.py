"""Bank reconciliation from the command line (--json): add an account, import a statement
(twice: duplicates), match automatically and by hand, post a bank charge, the lock on
reversing a reconciled entry (exit 2 with the reason), the reconciliation, the report, and
``check`` green."""

import datetime as dt
import json

from koperasi.cli import main
from koperasi.exchange.bank_statement import write_sample

D = dt.date


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_bank_commands(capsys, tmp_path):
    db = str(tmp_path / "b.db")
    assert run(capsys, "--db", db, "init")[0] == 0
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "bank",
        "add",
        "--name",
        "BNI Giro",
        "--bank",
        "bni",
        "--number",
        "1234567890",
        "--json",
    )
    assert code == 0 and json.loads(out)["account_code"] == "1.02.01"
    for date, debit, credit, amount in (
        ("2025-01-02", "1.02.01", "3.13", "10000000"),
        ("2025-01-02", "1.01", "3.13", "4000000"),
        ("2025-01-06", "5.12", "1.02.01", "300000"),
        ("2025-01-07", "1.02.01", "1.01", "150000"),
        ("2025-01-07", "1.02.01", "1.01", "250000"),
    ):
        c, _, err = run(
            capsys,
            "--db",
            db,
            "journal",
            "add",
            "--date",
            date,
            "--description",
            "x",
            "--debit",
            f"{debit}={amount}",
            "--credit",
            f"{credit}={amount}",
        )
        assert c == 0, err
    rows = [
        (D(2025, 1, 2), "SETORAN", 10_000_000, 10_000_000),
        (D(2025, 1, 7), "ATK TOKO MAJU", -300_000, 9_700_000),
        (D(2025, 1, 8), "SETORAN 2 BUKTI", 400_000, 10_100_000),
        (D(2025, 1, 31), "BIAYA ADM", -10_000, 10_090_000),
    ]
    f = write_sample(tmp_path / "bni.csv", "bni", rows)
    code, out, _ = run(capsys, "--db", db, "bank", "import", "BANK-1", str(f), "--json")
    rep = json.loads(out)
    assert (
        code == 0 and rep["imported"] == 4 and rep["written"] and rep["mapping"]["dbcr"] == "Tipe"
    )
    code, out, _ = run(capsys, "--db", db, "bank", "import", "BANK-1", str(f), "--json")
    assert json.loads(out)["duplicates"] == [2, 3, 4, 5] and json.loads(out)["imported"] == 0
    code, out, _ = run(capsys, "--db", db, "bank", "match", "BANK-1", "--json")
    assert json.loads(out)["matched"] == 2
    lines = json.loads(
        run(capsys, "--db", db, "bank", "lines", "BANK-1", "--unmatched", "--json")[1]
    )["lines"]
    assert [x["description"] for x in lines] == ["SETORAN 2 BUKTI", "BIAYA ADM"]
    book = json.loads(
        run(capsys, "--db", db, "bank", "book", "BANK-1", "--unmatched", "--json")[1]
    )["lines"]
    assert [x["amount"] for x in book] == [150_000, 250_000]
    code, out, err = run(
        capsys,
        "--db",
        db,
        "bank",
        "match-line",
        str(lines[0]["id"]),
        "--journal-line",
        *[str(x["journal_line_id"]) for x in book],
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["kind"] == "manual"
    code, out, err = run(
        capsys, "--db", db, "bank", "post", str(lines[1]["id"]), "--kind", "biaya", "--json"
    )
    assert code == 0, err
    code, out, _ = run(
        capsys, "--db", db, "bank", "reconcile", "BANK-1", "--date", "2025-01-31", "--json"
    )
    r = json.loads(out)
    assert r["reconciled"] and r["book_balance"] == r["statement_balance"] == 10_090_000
    # the lock: a reconciled entry is refused with the reason, then unmatched and reversed
    entry = book[0]["entry_id"]
    code, _, err = run(
        capsys,
        "--db",
        db,
        "journal",
        "reverse",
        str(entry),
        "--reason",
        "salah",
        "--date",
        "2025-01-31",
    )
    assert code == 2 and "direkonsiliasi" in err
    assert run(capsys, "--db", db, "bank", "unmatch", str(lines[0]["id"]))[0] == 0
    code, _, err = run(
        capsys,
        "--db",
        db,
        "journal",
        "reverse",
        str(entry),
        "--reason",
        "salah",
        "--date",
        "2025-01-31",
    )
    assert code == 0, err
    code, _, err = run(
        capsys,
        "--db",
        db,
        "report",
        "rekonsiliasi-bank",
        "--date",
        "2025-01-31",
        "-o",
        str(tmp_path / "rek.pdf"),
    )
    assert code == 0, err
    assert (tmp_path / "rek.pdf").stat().st_size > 1000
    code, out, err = run(capsys, "--db", db, "check")
    assert code == 0, out + err
    code, _, err = run(capsys, "--db", db, "bank", "import", "BANK-9", str(f))
    assert code == 2 and "BANK-9" in err

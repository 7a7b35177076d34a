"""The CLI contract: exit codes, one-line errors, --lang, JSON, demo + check, tamper detection."""

import json
import sqlite3

import pytest

from koperasi.cli import main


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def dbfile(tmp_path):
    return str(tmp_path / "cli.db")


def test_demo_then_check_then_tamper(capsys, dbfile):
    code, out, _ = run(
        capsys, "--db", dbfile, "demo", "--members", "25", "--seed", "3", "--years", "1"
    )
    assert code == 0 and "25 anggota" in out
    code, out, _ = run(capsys, "--db", dbfile, "check")
    assert code == 0 and "seimbang" in out
    con = sqlite3.connect(dbfile)
    line_id = con.execute(
        "SELECT id FROM journal_lines WHERE debit > 0 ORDER BY id LIMIT 1"
    ).fetchone()[0]
    con.execute("UPDATE journal_lines SET debit = debit + 1000 WHERE id = ?", (line_id,))
    con.commit()
    con.close()
    code, out, err = run(capsys, "--db", dbfile, "check")
    assert code == 1
    assert "tidak seimbang" in out
    code, out, _ = run(capsys, "--db", dbfile, "check", "--json")
    data = json.loads(out)
    assert code == 1 and not data["ok"] and data["problems"]


def test_member_and_savings_flow_with_json(capsys, dbfile):
    assert (
        run(
            capsys,
            "--db",
            dbfile,
            "group",
            "add",
            "--code",
            "k1",
            "--name",
            "Kelompok Mawar",
            "--meeting-day",
            "2",
        )[0]
        == 0
    )
    code, out, _ = run(
        capsys,
        "--db",
        dbfile,
        "member",
        "add",
        "--name",
        "Siti Aminah",
        "--nik",
        "6471045505850001",
        "--gender",
        "P",
        "--group",
        "K1",
        "--join-date",
        "2025-01-05",
        "--category",
        "pkk",
        "--json",
    )
    assert code == 0
    member = json.loads(out)
    assert member["number"] == "A00001" and member["categories"] == ["pkk"]
    code, out, _ = run(
        capsys,
        "--db",
        dbfile,
        "savings",
        "deposit",
        "A00001",
        "SUKARELA",
        "Rp 1.250.000",
        "--date",
        "2025-02-01",
        "--json",
    )
    assert code == 0 and json.loads(out)["balance_after"] == 1_250_000
    code, out, _ = run(
        capsys,
        "--db",
        dbfile,
        "savings",
        "statement",
        "A00001",
        "SUKARELA",
        "--from",
        "2025-01-01",
        "--to",
        "2025-12-31",
        "--json",
    )
    st = json.loads(out)
    assert st["closing"] == 1_250_000 and len(st["rows"]) == 1
    code, out, _ = run(capsys, "--db", dbfile, "member", "list", "--search", "siti", "--json")
    assert json.loads(out)["total"] == 1
    code, out, _ = run(
        capsys,
        "--db",
        dbfile,
        "journal",
        "add",
        "--date",
        "2025-02-03",
        "--description",
        "Listrik Februari",
        "--debit",
        "5.11=350.000",
        "--credit",
        "1.01=350000",
        "--json",
    )
    assert code == 0 and json.loads(out)["receipt_no"] == "JU-2025-000001"
    code, out, _ = run(capsys, "--db", dbfile, "trial-balance", "--as-of", "2025-12-31", "--json")
    tb = json.loads(out)
    # Kas 900.000 + listrik 350.000 on the debit side; sukarela 1.250.000 on the credit side
    assert tb["total_debit"] == tb["total_credit"] == 1_250_000


@pytest.mark.parametrize(
    "args,needle_id,needle_en",
    [
        (
            ["member", "add", "--name", "X", "--nik", "123", "--gender", "P"],
            "NIK harus 16 digit",
            "NIK must be 16 digits",
        ),
        (["savings", "deposit", "A99999", "SUKARELA", "1000"], "tidak ditemukan", "was not found"),
        (
            ["savings", "deposit", "A00001", "SUKARELA", "abc"],
            "bukan jumlah rupiah",
            "not a valid rupiah",
        ),
        (
            ["savings", "deposit", "A00001", "SUKARELA", "0"],
            "harus lebih dari nol",
            "greater than zero",
        ),
        (
            ["savings", "deposit", "A00001", "SUKARELA", "1000", "--date", "31/02/2025"],
            "bukan tanggal",
            "not a valid date",
        ),
        (
            ["savings", "withdraw", "A00001", "SUKARELA", "99.000.000"],
            "Saldo tidak cukup",
            "Insufficient balance",
        ),
        (
            ["savings", "withdraw", "A00001", "WAJIB", "1000"],
            "hanya dapat ditarik",
            "only be withdrawn",
        ),
        (
            ["journal", "add", "--description", "x", "--debit", "5.11=10", "--credit", "1.01=9"],
            "tidak seimbang",
            "does not balance",
        ),
        (["nonsense-command"], "invalid choice", "invalid choice"),
    ],
)
def test_bad_input_exits_2_with_one_line(capsys, dbfile, args, needle_id, needle_en):
    run(
        capsys,
        "--db",
        dbfile,
        "member",
        "add",
        "--name",
        "Siti",
        "--nik",
        "6471045505850001",
        "--gender",
        "P",
        "--join-date",
        "2025-01-05",
    )
    for lang, needle in (("id", needle_id), ("en", needle_en)):
        code, out, err = run(capsys, "--db", dbfile, "--lang", lang, *args)
        assert code == 2, (args, out, err)
        assert needle in err, err
        assert len(err.strip().splitlines()) == 1 and "Traceback" not in err


def test_damaged_database_file_gives_message_not_traceback(capsys, tmp_path):
    bad = tmp_path / "rusak.db"
    bad.write_bytes(b"\x00garbage" * 100)
    code, out, err = run(capsys, "--db", str(bad), "check")
    assert code == 2 and "bukan basis data Koperasi" in err and "Traceback" not in err


def test_profile_and_settings(capsys, dbfile):
    assert (
        run(
            capsys,
            "--db",
            dbfile,
            "profile",
            "set",
            "--name",
            "KSP Maju Bersama",
            "--legal-number",
            "AHU-7",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", dbfile, "profile", "show", "--json")
    assert json.loads(out)["name"] == "KSP Maju Bersama"
    assert run(capsys, "--db", dbfile, "settings", "set", "rounding", "half-even")[0] == 0
    code, _, err = run(capsys, "--db", dbfile, "settings", "set", "rounding", "sideways")
    assert code == 2 and "Pembulatan" in err
    assert (
        run(
            capsys,
            "--db",
            dbfile,
            "settings",
            "savings-product",
            "WAJIB",
            "--fixed-amount",
            "75.000",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", dbfile, "settings", "show", "--json")
    data = json.loads(out)
    assert data["rounding"] == "half-even"
    assert {p["code"]: p["fixed_amount"] for p in data["savings_products"]}["WAJIB"] == 75_000

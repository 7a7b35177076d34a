"""The RAT module's CLI: budget against actual (--json), reports, officers, meeting and
quorum, governance answers and the health rating, the book as a report; bad input exits 2."""

import json

from pypdf import PdfReader

from koperasi.cli import main


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_rat_commands(capsys, tmp_path):
    db = str(tmp_path / "rat.db")
    assert run(capsys, "--db", db, "init")[0] == 0
    for debit, credit, amount in (("1.01", "4.10", "1000000"), ("5.11", "1.01", "250000")):
        code, _, err = run(
            capsys, "--db", db, "journal", "add", "--date", "2025-05-02", "--description", "uji",
            "--debit", f"{debit}={amount}", "--credit", f"{credit}={amount}",
        )  # fmt: skip
        assert code == 0, err
    assert (
        run(capsys, "--db", db, "rat", "budget", "set", "2025", "4.10=1.200.000", "5.10=Rp300.000")[
            0
        ]
        == 0
    )
    code, out, _ = run(capsys, "--db", db, "rat", "budget", "show", "2025", "--json")
    data = json.loads(out)
    assert code == 0
    assert data["income"] == {"budget": 1_200_000, "actual": 1_000_000}
    assert data["expense"] == {"budget": 300_000, "actual": 250_000}
    assert data["surplus"] == {"budget": 900_000, "actual": 750_000}
    code, _, err = run(capsys, "--db", db, "rat", "budget", "set", "2025", "1.01=5")
    assert code == 2 and "pendapatan atau beban" in err

    text = tmp_path / "pengurus.txt"
    text.write_text("Laporan pengurus dari berkas.", encoding="utf-8")
    assert run(capsys, "--db", db, "rat", "text", "set", "2025", "board", str(text))[0] == 0
    code, out, _ = run(capsys, "--db", db, "rat", "text", "show", "2025", "board", "--json")
    assert json.loads(out)["body"] == "Laporan pengurus dari berkas." and json.loads(out)["saved"]

    code, out, _ = run(
        capsys, "--db", db, "rat", "officer", "add", "pengurus", "Ketua", "Siti Aminah",
        "--from", "2024-01-01", "--to", "2026-12-31",
    )  # fmt: skip
    assert code == 0
    code, out, _ = run(capsys, "--db", db, "rat", "officer", "list", "--json")
    assert [o["name"] for o in json.loads(out)] == ["Siti Aminah"]
    code, _, err = run(
        capsys,
        "--db",
        db,
        "rat",
        "officer",
        "add",
        "pengurus",
        "Ketua",
        "X",
        "--from",
        "2024-13-01",
    )
    assert code == 2 and "Awal masa jabatan" in err

    assert run(capsys, "--db", db, "rat", "quorum", "set", ">=", "2", "3")[0] == 0
    code, out, _ = run(
        capsys, "--db", db, "rat", "meeting", "set", "2025", "--date", "2026-02-20",
        "--place", "Balai", "--entitled", "30", "--present", "19",
    )  # fmt: skip
    m = json.loads(out)
    assert code == 0 and m["needed"] == 20 and m["quorum"] is False
    code, _, err = run(capsys, "--db", db, "rat", "meeting", "set", "2025", "--present", "31")
    assert code == 2 and "melebihi" in err

    assert (
        run(
            capsys,
            "--db",
            db,
            "rat",
            "governance",
            "set",
            "2025",
            "prinsip_sukarela=ya",
            "kpmr_limit=tidak",
        )[0]
        == 0
    )
    code, out, _ = run(capsys, "--db", db, "rat", "governance", "show", "2025", "--json")
    answers = {r["key"]: r["met"] for r in json.loads(out)}
    assert answers["prinsip_sukarela"] is True and answers["kpmr_limit"] is False
    assert answers["lembaga_izin"] is None
    code, out, _ = run(capsys, "--db", db, "rat", "health", "2025", "--json")
    h = json.loads(out)
    assert code == 0 and len(h["aspects"]) == 4 and h["outcome"] in (
        "sehat", "cukup_sehat", "dalam_pengawasan", "dalam_pengawasan_khusus",
    )  # fmt: skip
    code, _, err = run(capsys, "--db", db, "rat", "governance", "set", "2025", "apa=ya")
    assert code == 2

    pdf = tmp_path / "buku.pdf"
    code, _, err = run(capsys, "--db", db, "report", "buku-rat", "--year", "2025", "-o", str(pdf))
    assert code == 0, err
    assert "Daftar Isi" in PdfReader(str(pdf)).pages[1].extract_text()

"""Time deposits from the command line: a product, a placement (--json), the month runs
(once), the maturity list, a quote and an early payout with the penalty, the bilyet, bad
input as a one-line error with exit 2, and ``check`` green afterwards."""

import json

from koperasi.cli import main


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_deposit_commands(tmp_path, capsys):
    db = str(tmp_path / "k.db")
    k = ("--db", db)
    assert run(capsys, *k, "init")[0] == 0
    code, out, err = run(
        capsys, *k, "member", "add", "--name", "Siti Aminah", "--nik", "6471045505850001",
        "--gender", "P", "--join-date", "2025-01-06", "--json",
    )  # fmt: skip
    assert code == 0, err
    member = json.loads(out)["number"]
    code, out, err = run(
        capsys, *k, "deposito", "product", "B6", "--name", "Berjangka 6 bulan", "--term", "6",
        "--rate", "6", "--payout", "jatuh_tempo", "--min", "1.000.000", "--penalty", "1", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["rate_pa"] == "6"
    code, out, err = run(
        capsys, *k, "deposito", "place", member, "B6", "60.000.000", "--date", "2025-01-31",
        "--instruction", "aro_plus", "--json",
    )  # fmt: skip
    assert code == 0, err
    placed = json.loads(out)
    assert placed["number"] == "SB-2025-00001" and placed["maturity_on"] == "2025-07-31"
    assert placed["monthly_interest"] == 300_000
    for month in ("2025-01", "2025-02", "2025-03"):
        assert run(capsys, *k, "deposito", "run", month, "--json")[0] == 0
    code, out, _ = run(capsys, *k, "deposito", "run", "2025-03", "--json")
    assert json.loads(out)["entries"] == 0  # never twice
    code, out, _ = run(capsys, *k, "deposito", "show", "SB-2025-00001", "--json")
    shown = json.loads(out)
    assert shown["deposit"]["accrued"] == 600_000
    assert [e["tax"] for e in shown["events"] if e["kind"] == "akrual"] == [30_000, 30_000]
    code, out, _ = run(
        capsys, *k, "deposito", "maturities", "--from", "2025-07-01", "--to", "2025-07-31",
        "--json",
    )  # fmt: skip
    assert [d["number"] for d in json.loads(out)["deposits"]] == ["SB-2025-00001"]
    code, out, _ = run(
        capsys, *k, "deposito", "quote", "SB-2025-00001", "--date", "2025-04-10", "--json"
    )
    quote = json.loads(out)
    assert quote["penalty"] == 600_000 and quote["forfeited"] == 600_000
    code, out, err = run(
        capsys, *k, "deposito", "withdraw", "SB-2025-00001", "--date", "2025-04-10", "--json"
    )
    assert code == 0, err
    w = json.loads(out)
    assert w["paid_out"] == 59_400_000 and w["receipt_no"].startswith("SMP-2025-")
    pdf = tmp_path / "b.pdf"
    assert run(capsys, *k, "deposito", "bilyet", "SB-2025-00001", "-o", str(pdf))[0] == 0
    assert pdf.read_bytes()[:4] == b"%PDF"
    code, _out, err = run(
        capsys, *k, "deposito", "place", member, "B6", "500.000", "--date", "2025-05-01"
    )
    assert code == 2 and "Rp1.000.000" in err and len(err.strip().splitlines()) == 1
    code, _out, err = run(
        capsys, *k, "deposito", "withdraw", "SB-2025-00001", "--date", "2025-05-01"
    )
    assert code == 2 and "SB-2025-00001" in err
    code, out, _ = run(capsys, *k, "check")
    assert code == 0 and "time_deposits" in out


def test_place_far_above_the_usual_needs_confirm_large(tmp_path, capsys):
    """Issue 17: a placement above the time-deposit ceiling (Rp500.000.000 by default) is
    refused with one line naming --confirm-large and writes nothing; with it, it is placed."""
    db = str(tmp_path / "k.db")
    k = ("--db", db)
    assert run(capsys, *k, "init")[0] == 0
    code, out, err = run(
        capsys, *k, "member", "add", "--name", "Siti Aminah", "--nik", "6471045505850001",
        "--gender", "P", "--join-date", "2025-01-06", "--json",
    )  # fmt: skip
    member = json.loads(out)["number"]
    code, out, err = run(
        capsys, *k, "deposito", "product", "B6", "--name", "Berjangka 6 bulan", "--term", "6",
        "--rate", "6", "--payout", "jatuh_tempo", "--min", "1.000.000", "--json",
    )  # fmt: skip
    assert code == 0, err
    place = ("deposito", "place", member, "B6", "600.000.000", "--date", "2025-01-31")
    code, out, err = run(capsys, *k, *place)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1
    assert "Rp600.000.000" in err and "Rp500.000.000" in err and "--confirm-large" in err
    code, out, _ = run(capsys, *k, "deposito", "list", "--json")
    assert code == 0 and "SB-2025" not in out, "nothing placed"
    code, out, err = run(capsys, *k, *place, "--confirm-large", "--json")
    assert code == 0, err
    assert json.loads(out)["principal"] == 600_000_000
    # a usual amount needs nothing
    code, out, err = run(
        capsys, *k, "deposito", "place", member, "B6", "300.000.000", "--date", "2025-02-03"
    )
    assert code == 0, err
    # the ceiling is set like the others: then 650.000.000 needs no confirmation
    code, out, err = run(capsys, *k, "settings", "ceilings", "--set", "berjangka=700.000.000")
    assert code == 0 and "berjangka" in out, err
    code, out, err = run(
        capsys, *k, "deposito", "place", member, "B6", "650.000.000", "--date", "2025-02-04"
    )
    assert code == 0, err

"""The CLI for SHU per UU 25/1992 Pasal 45: accounts' business side, the SHU rules, the plan
showing both parts, distribution of the members' part only, a loss year refused."""

import json

from koperasi.cli import main


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_business_side_settings_plan_and_distribution(capsys, tmp_path):
    db = str(tmp_path / "shu.db")
    assert run(capsys, "--db", db, "init")[0] == 0
    for debit, credit, amount, date in (
        ("1.01", "4.10", "1000000", "2025-03-01"),
        ("1.02", "4.90", "500000", "2025-03-02"),  # jasa giro: non-members
        ("5.16", "1.01", "100000", "2025-04-01"),
    ):
        code, _, err = run(
            capsys, "--db", db, "journal", "add", "--date", date, "--description", "uji",
            "--debit", f"{debit}={amount}", "--credit", f"{credit}={amount}",
        )  # fmt: skip
        assert code == 0, err
    code, out, _ = run(capsys, "--db", db, "journal", "account-side", "5.16", "non_member")
    assert code == 0 and "Usaha dengan non-anggota" in out
    code, _, err = run(capsys, "--db", db, "journal", "account-side", "3.20", "member")
    assert code == 2 and "pendapatan dan beban" in err
    code, out, _ = run(capsys, "--db", db, "journal", "accounts", "--json")
    sides = {a["code"]: a["business_side"] for a in json.loads(out)}
    assert sides["4.90"] == "non_member" and sides["5.16"] == "non_member"
    assert sides["5.14"] == "shared" and sides["1.01"] is None
    code, _, err = run(capsys, "--db", db, "settings", "set", "shu_non_member_to", "kas")
    assert code == 2 and "cadangan" in err
    assert run(capsys, "--db", db, "settings", "set", "shu_loss_coverage", "carry_forward")[0] == 0

    code, out, _ = run(capsys, "--db", db, "close-year", "2025")
    assert code == 0 and "Rp1.400.000" in out
    assert "anggota Rp1.000.000" in out and "non-anggota Rp400.000" in out
    code, out, _ = run(capsys, "--db", db, "shu", "plan", "2025")
    assert "usaha dengan anggota (dibagi)" in out and "Rp1.000.000" in out
    code, out, _ = run(capsys, "--db", db, "shu", "distribute", "2025", "--date", "2026-01-15")
    assert code == 0 and "SHU non-anggota Rp400.000" in out
    code, out, _ = run(capsys, "--db", db, "trial-balance", "--as-of", "2026-01-15", "--json")
    rows = {r["code"]: r for r in json.loads(out)["rows"]}
    assert rows["3.90"]["debit"] == 0 and rows["3.90"]["credit"] == 0  # not left negative
    assert run(capsys, "--db", db, "check")[0] == 0


def test_loss_year_distribution_is_refused_with_the_proposal(capsys, tmp_path):
    db = str(tmp_path / "rugi.db")
    run(capsys, "--db", db, "init")
    run(
        capsys, "--db", db, "journal", "add", "--date", "2025-05-01", "--description", "gaji",
        "--debit", "5.14=300000", "--credit", "1.01=300000",
    )  # fmt: skip
    run(capsys, "--db", db, "close-year", "2025")
    code, out, _ = run(capsys, "--db", db, "shu", "plan", "2025")
    assert code == 0 and "Rugi Rp300.000" in out and "cadangan umum" in out
    code, _, err = run(capsys, "--db", db, "shu", "distribute", "2025", "--date", "2026-01-15")
    assert code == 2 and "rugi Rp300.000" in err and "cover-loss" in err
    code, _, err = run(capsys, "--db", db, "shu", "cover-loss", "2025", "--date", "2026-01-15")
    assert code == 2 and "Cadangan umum (3.20) hanya Rp0" in err

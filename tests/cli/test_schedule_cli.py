import json

from koperasi.cli import main


def test_schedule_json_contract(capsys):
    code = main(
        [
            "schedule",
            "--principal",
            "1.000.000",
            "--rate",
            "2",
            "--rate-per",
            "month",
            "--repayments",
            "10",
            "--every",
            "1",
            "--unit",
            "month",
            "--method",
            "flat",
            "--disbursed",
            "2026-01-15",
            "--json",
        ]
    )
    data = json.loads(capsys.readouterr().out)
    assert code == 0
    assert set(data) == {"installments", "total_principal", "total_interest", "total"}
    assert set(data["installments"][0]) == {
        "no",
        "due_date",
        "principal",
        "interest",
        "total",
        "balance",
    }
    assert data["installments"][0] == {
        "no": 1,
        "due_date": "2026-02-15",
        "principal": 100000,
        "interest": 20000,
        "total": 120000,
        "balance": 900000,
    }
    assert (data["total_principal"], data["total_interest"], data["total"]) == (
        1_000_000,
        200_000,
        1_200_000,
    )
    assert all(isinstance(i["principal"], int) for i in data["installments"])


def test_schedule_all_options_and_table(capsys):
    code = main(
        [
            "schedule",
            "--principal",
            "2500000",
            "--rate",
            "18",
            "--rate-per",
            "year",
            "--repayments",
            "12",
            "--every",
            "2",
            "--unit",
            "week",
            "--method",
            "annuity",
            "--disbursed",
            "2026-03-02",
            "--first-due",
            "2026-03-16",
            "--interest-period",
            "daily",
            "--rounding",
            "half-even",
            "--amounts-multiple",
            "100",
            "--installment-multiple",
            "1000",
            "--grace-principal",
            "1",
            "--grace-interest",
            "1",
            "--interest-free",
            "1",
        ]
    )
    out = capsys.readouterr().out
    assert code == 0 and "JUMLAH" in out and "Rp2.500.000" in out


def test_schedule_bad_input(capsys):
    code = main(
        [
            "--lang",
            "en",
            "schedule",
            "--principal",
            "1000",
            "--rate",
            "abc",
            "--repayments",
            "3",
            "--disbursed",
            "2026-01-01",
        ]
    )
    err = capsys.readouterr().err
    assert code == 2 and "Interest rate must be a number" in err


BASE = ["schedule", "--principal", "1000000", "--rate", "2", "--repayments", "6"]


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_json_matches_the_domain_schedule(capsys):
    import datetime as dt
    from decimal import Decimal

    from koperasi.domain.schedule import ScheduleTerms, generate

    code, out, _ = run(
        capsys,
        *BASE,
        "--method",
        "annuity",
        "--disbursed",
        "31/01/2026",
        "--first-due",
        "2026-02-28",
        "--json",
    )
    assert code == 0
    expected = generate(
        ScheduleTerms(
            principal=1_000_000,
            rate=Decimal(2),
            repayments=6,
            method="annuity",
            disbursed=dt.date(2026, 1, 31),
            first_due=dt.date(2026, 2, 28),
        )
    ).as_dict()
    assert json.loads(out) == expected
    assert [i["due_date"] for i in expected["installments"][:3]] == [
        "2026-02-28",
        "2026-03-28",
        "2026-04-28",
    ]


def test_english_table(capsys):
    code, out, _ = run(capsys, "--lang", "en", *BASE, "--disbursed", "2026-01-15")
    lines = out.splitlines()
    assert code == 0 and lines[0].split() == [
        "No",
        "Due",
        "date",
        "Principal",
        "Interest",
        "Total",
        "Balance",
    ]
    assert "15/02/2026" in lines[2] and "Rp166.667" in lines[2]
    assert lines[-1].split()[0] == "TOTAL"
    assert len(lines) == 2 + 6 + 1


def test_bad_input_one_line_exit_2(capsys):
    cases = [
        (["--disbursed", "2026-01-15", "--first-due", "2026-01-15"], "First due date"),
        (["--disbursed", "2026-01-15", "--grace-principal", "6"], "Grace on principal"),
        (["--disbursed", "2026-13-01"], "Disbursement date"),
        (["--disbursed", "2026-01-15", "--amounts-multiple", "0"], "Amounts in multiples of"),
        (["--disbursed", "2026-01-15", "--method", "balloon"], "balloon"),
    ]
    for extra, needle in cases:
        code, out, err = run(capsys, "--lang", "en", *BASE, *extra)
        assert code == 2, extra
        assert out == ""
        assert len(err.strip().splitlines()) == 1 and needle in err, err
        assert "Traceback" not in err


def test_schedule_never_opens_a_database(capsys, tmp_path):
    target = tmp_path / "none.sqlite"
    code, _, _ = run(capsys, "--db", str(target), *BASE, "--disbursed", "2026-01-15", "--json")
    assert code == 0 and not target.exists()

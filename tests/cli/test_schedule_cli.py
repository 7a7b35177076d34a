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

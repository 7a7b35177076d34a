"""Issue 17 from the command line (--json): collateral received and handed back, a
guarantor's exposure, the lending rules and a reversal that waits for its approver."""

from __future__ import annotations

import datetime as dt
import json

from helpers import member_input

from koperasi.cli import main
from koperasi.services import members, savings, users
from koperasi.services.auth import Actor, Role
from koperasi.services.loans import applications as loan_applications
from koperasi.services.loans import repayments as loan_repayments
from koperasi.services.loans import views as loan_views

D = dt.date
PASSWORD = "Kelompok-Mawar-2026"


def run(capsys, target, *args):  # type: ignore[no-untyped-def]
    code = main(["--db", target, *args])
    out, err = capsys.readouterr()
    return code, out, err


def test_collateral_guarantor_limits_and_approvals(capsys, tmp_path, sqlite_db, actor):
    db = sqlite_db
    target = str(tmp_path / "koperasi.db")
    code, _o, err = run(
        capsys, target, "loan", "product", "add", "JAMIN", "Pinjaman Berjaminan", "--rate", "1.5",
        "--min-amount", "500000", "--max-amount", "9000000", "--min-term", "3", "--max-term",
        "12", "--collateral-above", "1000000", "--cover-ratio", "100", "--allocation-order",
        "principal_first",
    )  # fmt: skip
    assert code == 0, err
    people = []
    for n in (1, 2):
        m = members.register_member(db, actor, member_input(name=f"Anggota {n}", n=n))
        savings.deposit(db, actor, m.number, "POKOK", 300_000, D(2025, 1, 6))
        people.append(m)
    number = loan_applications.apply(
        db,
        actor,
        loan_applications.ApplyInput(
            people[0].number, "JAMIN", 2_000_000, 4, D(2025, 2, 3), "usaha"
        ),
    ).number
    code, _o, err = run(capsys, target, "loan", "approve", number, "--date", "2025-02-03")
    assert code == 2 and "mensyaratkan jaminan" in err
    code, out, err = run(
        capsys, target, "collateral", "add", number, "--kind", "bpkb", "--description",
        "BPKB Honda Beat", "--value", "2.500.000", "--document", "M-1", "--date", "2025-02-03",
        "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["value"] == 2_500_000
    code, out, err = run(
        capsys, target, "guarantor", "add", number, people[1].number, "--relation", "saudara"
    )
    assert code == 0, err
    loan_applications.approve(db, actor, number, D(2025, 2, 3))
    loan_applications.disburse(db, actor, number, D(2025, 2, 3))
    code, out, _e = run(capsys, target, "guarantor", "exposure", people[1].number, "--json")
    assert json.loads(out)[0]["total"] == 2_000_000
    pay = loan_repayments.repay(db, actor, number, 530_000, D(2025, 3, 3))
    # four-eyes on reversals: budi asks, ani approves
    code, out, err = run(
        capsys, target, "limits", "set", "--four-eyes-reversal", "yes", "--bmpp", "20", "--json"
    )
    assert code == 0, err
    assert json.loads(out)["four_eyes_reversal"] is True
    code, out, _e = run(capsys, target, "limits", "breaches", "--as-of", "2025-03-03", "--json")
    assert code == 1 and json.loads(out)["rows"][0]["rule"] == "bmpp", out
    users.create_first_admin(db, "admin", PASSWORD)
    admin = Actor("admin", Role.ADMIN)
    for name in ("budi", "ani"):
        users.create_user(db, admin, name, PASSWORD, "bendahara")
    import os

    os.environ["KOPERASI_PASSWORD"] = PASSWORD
    try:
        code, _o, err = run(
            capsys, target, "--user", "budi", "loan", "reverse", number, pay.receipt_no,
            "--reason", "salah", "--date", "2025-03-04",
        )  # fmt: skip
        assert code == 2 and "persetujuan pengguna kedua" in err
        code, out, err = run(
            capsys, target, "--user", "budi", "approval", "request", "loan_reversal", number,
            "--tx", pay.receipt_no, "--reason", "salah", "--date", "2025-03-04", "--json",
        )  # fmt: skip
        assert code == 0, err
        req = json.loads(out)["id"]
        code, out, _e = run(capsys, target, "--user", "ani", "approval", "list", "--json")
        assert [i["request_id"] for i in json.loads(out)] == [req]
        code, _o, err = run(capsys, target, "--user", "budi", "approval", "approve", str(req))
        assert code == 2 and "pengguna lain" in err
        code, out, err = run(
            capsys, target, "--user", "ani", "approval", "approve", str(req), "--json"
        )
        assert code == 0, err
        assert json.loads(out)["decided_by"] == "ani"
    finally:
        del os.environ["KOPERASI_PASSWORD"]
    assert loan_views.get_loan(db, number).row.principal_outstanding == 2_000_000

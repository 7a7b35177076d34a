"""``pesan`` and ``pertemuan`` from the command line (--json): the day's list with valid
WhatsApp links and the opted-out left out, consent, marking sent and the log, the gateway
export; a meeting sheet exported, dry-run, posted, and refused the second time (exit 2,
nothing written); ``check`` green afterwards."""

from __future__ import annotations

import datetime as dt
import json
from decimal import Decimal

from helpers import member_input
from openpyxl import load_workbook

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.services import groups, members, savings
from koperasi.services import meeting_sheet as ms
from koperasi.services.auth import SYSTEM
from koperasi.services.loan_products import ProductInput, add_product
from koperasi.services.loans import applications as loan_applications

D = dt.date


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _db(path):  # type: ignore[no-untyped-def]
    db = open_database(path)
    add_product(
        db,
        SYSTEM,
        ProductInput(
            code="BLN",
            name="Bulanan",
            method="flat",
            rate=Decimal(1),
            rate_per="month",
            min_amount=500_000,
            max_amount=20_000_000,
            min_term=3,
            max_term=24,
        ),
    )
    g = groups.create_group(db, SYSTEM, groups.GroupInput("K001", "Kelompok Mawar"))
    out = []
    for i, phone in enumerate(["0812 3456 7890", "0813-1111-2222"]):
        m = members.register_member(
            db, SYSTEM, member_input(name=f"Ibu {i}", n=700 + i, group_code=g.code, phone=phone)
        )
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, D(2025, 1, 6))
        d = loan_applications.apply(
            db,
            SYSTEM,
            loan_applications.ApplyInput(m.number, "BLN", 1_000_000, 10, D(2025, 3, 1), "x"),
        )
        loan_applications.approve(db, SYSTEM, d.number, D(2025, 3, 1))
        loan_applications.disburse(db, SYSTEM, d.number, D(2025, 3, 1))
        out.append(m)
    db.dispose()
    return out


def test_pesan_cli(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = str(tmp_path / "k.db")
    a, b = _db(path)
    for m in (a, b):
        assert (
            run(
                capsys, "--db", path, "pesan", "consent", m.number, "--yes", "--date", "2025-01-06"
            )[0]
            == 0
        )
    code, out, _ = run(capsys, "--db", path, "pesan", "consent", b.number, "--opt-out", "--json")
    assert code == 0 and json.loads(out)["may_message"] is False
    code, out, _ = run(capsys, "--db", path, "pesan", "list", "--date", "2025-03-30", "--json")
    data = json.loads(out)
    assert code == 0 and data["skipped_opted_out"] == 1
    [item] = data["items"]
    assert item["member_number"] == a.number and item["kind"] == "jatuh_tempo"
    assert item["link"].startswith("https://wa.me/6281234567890?text=Yth.%20Ibu%200")
    assert item["amount"] == 110_000  # 1.000.000 / 10 + 1 % interest
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "pesan",
        "export",
        str(tmp_path / "p.csv"),
        "--date",
        "2025-03-30",
        "--json",
    )
    assert code == 0 and json.loads(out)["rows"] == 1
    code, out, _ = run(
        capsys, "--db", path, "pesan", "mark", "--date", "2025-03-30", "--channel", "sms", "--json"
    )
    assert code == 0 and len(json.loads(out)["marked"]) == 1
    code, out, _ = run(capsys, "--db", path, "pesan", "log", "--json")
    [row] = json.loads(out)["log"]
    assert row["channel"] == "sms" and row["member_number"] == a.number
    code, _out, err = run(
        capsys, "--db", path, "pesan", "template", "set", "rat", "--text", "Halo {siapa}"
    )
    assert code == 2 and "{siapa}" in err
    code, out, _ = run(capsys, "--db", path, "pesan", "template", "list", "--json")
    assert [t["code"] for t in json.loads(out)["templates"]][0] == "jatuh_tempo"


def test_pertemuan_cli(tmp_path, capsys):  # type: ignore[no-untyped-def]
    path = str(tmp_path / "k.db")
    a, _b = _db(path)
    sheet = str(tmp_path / "lembar.xlsx")
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "pertemuan",
        "export",
        "K001",
        "--date",
        "2025-04-01",
        "-o",
        sheet,
        "--json",
    )
    assert code == 0 and json.loads(out)["members"] == 2
    wb = load_workbook(sheet)
    wb[ms.SHEET].cell(ms.FIRST_ROW, 11, 110_000)
    wb.save(sheet)
    code, out, _ = run(capsys, "--db", path, "pertemuan", "import", sheet, "--dry-run", "--json")
    data = json.loads(out)
    assert code == 0 and data["ok"] and data["total"] == 110_000 and not data["written"]
    code, out, _ = run(
        capsys,
        "--db",
        path,
        "pertemuan",
        "import",
        sheet,
        "--group",
        "K001",
        "--date",
        "2025-04-01",
        "--json",
    )
    data = json.loads(out)
    assert code == 0 and data["written"] and data["receipts"][0]["member_number"] == a.number
    code, out, _ = run(capsys, "--db", path, "pertemuan", "import", sheet, "--json")
    data = json.loads(out)
    assert code == 2 and not data["written"] and "sudah dibukukan" in data["errors"][0]
    assert run(capsys, "--db", path, "check")[0] == 0

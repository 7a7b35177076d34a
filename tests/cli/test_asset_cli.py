"""Fixed assets from the command line and the moving-in import: add, list (--json), a
month's depreciation once, disposal with its gain, the import of assets with their
accumulated depreciation against 3.99 (a bad row refuses the whole file, nothing written),
and ``check`` green afterwards."""

import datetime as dt
import json

from openpyxl import load_workbook

from koperasi.cli import main


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _sheet(path, rows):
    from koperasi.exchange.fixed_assets_import import write_template

    write_template(path)
    wb = load_workbook(path)
    for r in rows:
        wb.active.append(r)
    wb.save(path)
    return str(path)


GEDUNG = [
    "GD-01",
    "Gedung kantor",
    "Bangunan",
    dt.date(2020, 1, 1),
    120_000_000,
    240,
    0,
    "Pusat",
    30_000_000,
]
MEJA = [
    "",
    "Meja",
    "Peralatan dan Inventaris Kantor",
    "10/01/2024",
    "Rp 1.200.000",
    24,
    0,
    "",
    600_000,
]


def test_asset_commands(capsys, tmp_path):
    db = str(tmp_path / "a.db")
    assert run(capsys, "--db", db, "init")[0] == 0
    bad = _sheet(
        tmp_path / "bad.xlsx", [GEDUNG, ["", "Mesin", "mesin", "2024-01-01", 5, 12, 0, "", 0]]
    )
    code, out, err = run(capsys, "--db", db, "aset", "import", bad, "--opening-date", "2024-12-31")
    assert code == 2 and "Baris 3" in err and "Kelompok aset" in err
    code, out, _ = run(capsys, "--db", db, "aset", "list", "--date", "2025-12-31", "--json")
    assert json.loads(out)["assets"] == []  # nothing half-written
    good = _sheet(tmp_path / "good.xlsx", [GEDUNG, MEJA])
    code, out, _ = run(
        capsys,
        "--db",
        db,
        "aset",
        "import",
        good,
        "--opening-date",
        "2024-12-31",
        "--dry-run",
        "--json",
    )
    assert code == 0 and json.loads(out)["rows"] == 2 and not json.loads(out)["written"]
    code, out, err = run(
        capsys,
        "--db",
        db,
        "--lang",
        "en",
        "aset",
        "import",
        good,
        "--opening-date",
        "2024-12-31",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out) | {"errors": []} == {
        "rows": 2, "cost": 121_200_000, "accumulated": 30_600_000, "dry_run": False,
        "written": True, "errors": [],
    }  # fmt: skip
    code, out, err = run(
        capsys, "--db", db, "aset", "add", "--name", "Motor", "--group", "kendaraan",
        "--date", "2025-01-05", "--cost", "1.000.000", "--life", "7", "--paid", "bank", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["code"] == "AT-0003"  # GD-01 kept its code, the meja got AT-0002
    # January 2025: gedung 90.000.000/180 = 500.000; meja 600.000/12 = 50.000; motor 142.857
    code, out, _ = run(capsys, "--db", db, "aset", "depreciate", "2025-01", "--json")
    assert json.loads(out)["amount"] == 500_000 + 50_000 + 142_857
    code, out, _ = run(capsys, "--db", db, "aset", "depreciate", "2025-01", "--json")
    assert json.loads(out)["already_posted"] is True
    # the motor sold in March: February's 142.857 caught up; book value 714.286, sold 800.000
    code, out, err = run(
        capsys, "--db", db, "aset", "dispose", "AT-0003", "--date", "2025-03-03",
        "--proceeds", "800000", "--into", "kas", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["gain"] == 800_000 - (1_000_000 - 2 * 142_857)
    code, out, _ = run(capsys, "--db", db, "aset", "list", "--date", "2025-01-31", "--json")
    listed = json.loads(out)
    assert listed["cost"] == 121_200_000 + 1_000_000
    assert listed["accumulated"] == 30_600_000 + 500_000 + 50_000 + 142_857
    code, out, err = run(capsys, "--db", db, "check")
    assert code == 0, out + err
    code, _, err = run(capsys, "--db", db, "aset", "dispose", "AT-0003", "--date", "2025-03-04")
    assert code == 2 and err


def test_asset_reverse_command(capsys, tmp_path):
    db = str(tmp_path / "r.db")
    assert run(capsys, "--db", db, "init")[0] == 0
    code, _, err = run(
        capsys,
        "--db",
        db,
        "journal",
        "add",
        "--date",
        "2025-01-02",
        "--description",
        "Hibah",
        "--debit",
        "1.01=20000000",
        "--credit",
        "3.13=20000000",
    )
    assert code == 0, err
    code, out, err = run(
        capsys,
        "--db",
        db,
        "aset",
        "add",
        "--name",
        "Meja",
        "--group",
        "peralatan",
        "--date",
        "2025-01-05",
        "--cost",
        "1200000",
        "--life",
        "24",
        "--json",
    )
    assert code == 0, err
    code, out, err = run(
        capsys,
        "--db",
        db,
        "aset",
        "reverse",
        "AT-0001",
        "--what",
        "disposal",
        "--date",
        "2025-01-06",
        "--reason",
        "salah",
    )
    assert code == 2 and "belum dilepas" in err
    code, out, err = run(
        capsys,
        "--db",
        db,
        "aset",
        "reverse",
        "AT-0001",
        "--what",
        "acquisition",
        "--date",
        "2025-01-06",
        "--reason",
        "dobel",
        "--json",
    )
    assert code == 0, err
    assert json.loads(out)["what"] == "acquisition"
    code, out, _ = run(capsys, "--db", db, "aset", "list", "--date", "2025-02-01", "--json")
    assert json.loads(out)["assets"] == []
    assert run(capsys, "--db", db, "check")[0] == 0

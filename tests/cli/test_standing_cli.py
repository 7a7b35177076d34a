"""``instruksi`` and ``potong-gaji`` from the command line: instructions added, run for a
date with a short balance skipped (listed with its reason in --json and in the PDF/XLSX
report), the employer's list written as XLSX (read with openpyxl and pandas) and PDF, the
returned file posted after a dry run with its differences, ``check`` green; a pengawas may
read but not run; bad input exits 2 with a one-line reason."""

import datetime as dt
import json

import pandas as pd
from openpyxl import load_workbook
from pypdf import PdfReader

from koperasi.cli import main
from koperasi.db.database import open_database
from koperasi.services import savings
from koperasi.services.auth import SYSTEM


def run(capsys, *args):  # type: ignore[no-untyped-def]
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def _members(path):
    from helpers import member_input

    from koperasi.services import members

    db = open_database(path)
    out = []
    for n, sukarela in ((1, 500_000), (2, 20_000)):
        m = members.register_member(
            db, SYSTEM, member_input(name=f"Anggota {n}", n=n, join=dt.date(2025, 1, 6))
        )
        savings.deposit(db, SYSTEM, m.number, "POKOK", 300_000, dt.date(2025, 1, 6))
        savings.deposit(db, SYSTEM, m.number, "SUKARELA", sukarela, dt.date(2025, 1, 6))
        out.append(m.number)
    db.dispose()
    return out


def test_instruction_and_payroll_commands(capsys, tmp_path):
    path = tmp_path / "k.db"
    db = str(path)
    assert run(capsys, "--db", db, "init")[0] == 0
    a, b = _members(path)
    for m in (a, b):
        code, out, err = run(
            capsys, "--db", db, "instruksi", "add", m, "wajib", "--from", "2025-02-01", "--json"
        )
        assert code == 0, err
    code, _out, err = run(
        capsys, "--db", db, "instruksi", "add", a, "pulsa", "--from", "2025-02-01"
    )
    assert code == 2 and "Jenis instruksi" in err and len(err.strip().splitlines()) == 1
    code, out, err = run(capsys, "--db", db, "instruksi", "run", "--date", "2025-02-28", "--json")
    assert code == 0, err
    res = json.loads(out)
    assert (res["posted"], res["skipped"], res["posted_total"]) == (1, 1, 50_000)
    skipped = next(i for i in res["items"] if i["status"] == "skipped")
    assert skipped["member_number"] == b and "Saldo sukarela kurang" in skipped["reason_text"]
    pdf, xlsx = tmp_path / "instruksi.pdf", tmp_path / "instruksi.xlsx"
    for out_file in (pdf, xlsx):
        code, out, err = run(
            capsys, "--db", db, "instruksi", "report", "--from", "2025-02-01",
            "--to", "2025-02-28", "-o", str(out_file),
        )  # fmt: skip
        assert code == 0, err
    text = "".join(p.extract_text() for p in PdfReader(pdf).pages)
    assert "Laporan Instruksi Tetap" in text and "Saldo sukarela kurang" in text
    sheets = pd.read_excel(xlsx, sheet_name=None)
    assert any("Dilewati" in name for name in sheets)

    # payroll: employer, links, the list as XLSX and PDF, the returned file posted
    assert run(capsys, "--db", db, "potong-gaji", "employer", "PEMKOT", "--name", "Pemkot")[0] == 0
    for m, no in ((a, "1001"), (b, "1002")):
        code, out, err = run(
            capsys, "--db", db, "potong-gaji", "link", m, "PEMKOT", "--employee-no", no
        )
        assert code == 0, err
    code, out, err = run(capsys, "--db", db, "potong-gaji", "list", "PEMKOT", "2025-03", "--json")
    assert code == 0, err
    assert [r["total"] for r in json.loads(out)["rows"]] == [
        50_000,
        50_000,
    ]  # a month of wajib each
    book = tmp_path / "potongan.xlsx"
    run(capsys, "--db", db, "potong-gaji", "list", "PEMKOT", "2025-03", "-o", str(book))
    list_pdf = tmp_path / "potongan.pdf"
    code, out, err = run(
        capsys, "--db", db, "potong-gaji", "list", "PEMKOT", "2025-03", "-o", str(list_pdf)
    )
    assert code == 0, err
    assert "Daftar Potongan Gaji" in PdfReader(list_pdf).pages[0].extract_text()
    wb = load_workbook(book)
    ws = wb["Potongan Gaji"]
    ws["I8"], ws["I9"] = 50_000, 30_000  # b short
    wb.save(book)
    code, out, err = run(
        capsys, "--db", db, "potong-gaji", "import", str(book), "--date", "2025-03-25",
        "--dry-run", "--json",
    )  # fmt: skip
    assert code == 0, err
    assert json.loads(out)["dry_run"] and json.loads(out)["differences"] == 1
    code, out, err = run(
        capsys, "--db", db, "potong-gaji", "import", str(book), "--date", "2025-03-25", "--json"
    )
    assert code == 0, err
    res = json.loads(out)
    assert res["paid"] == 80_000 and res["posted"] == 80_000
    row_b = next(r for r in res["rows"] if r["member_number"] == b)
    assert (row_b["status"], row_b["difference"], row_b["status_text"]) == (
        "short",
        -20_000,
        "Kurang bayar",
    )
    code, out, err = run(
        capsys, "--db", db, "potong-gaji", "import", str(book), "--date", "2025-03-25"
    )
    assert code == 2 and "sudah dibukukan" in err
    assert run(capsys, "--db", db, "check")[0] == 0
